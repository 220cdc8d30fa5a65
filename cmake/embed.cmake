# embed.cmake — writes INPUT as a C array named SYMBOL (with SYMBOL_len) to OUTPUT.
file(READ ${INPUT} content HEX)
string(LENGTH "${content}" hexlen)
math(EXPR len "${hexlen} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," content "${content}")
string(REGEX REPLACE "((0x..,){16})" "\\1\n" content "${content}")
file(WRITE ${OUTPUT} "/* Generated from ${INPUT}; do not edit. */\n#include <stddef.h>\n"
     "extern const unsigned char ${SYMBOL}[];\nextern const size_t ${SYMBOL}_len;\n"
     "const unsigned char ${SYMBOL}[] = {\n${content}0x00};\n"
     "const size_t ${SYMBOL}_len = ${len};\n")
