/*
 * xml.h — the only way XML (the Atom feeds) is written, as html.h is for
 * HTML: one escaping writer for text and attribute values, and one raw
 * writer, xml_raw, for the program's own markup, whose every use a reviewer
 * can find with grep. Text from people or from the database never goes
 * through xml_raw.
 *
 * XML 1.0 cannot hold every character: control characters (but tab, line
 * feed and carriage return), U+FFFE and U+FFFF are not allowed even as
 * character references, and a document holding one is not well-formed. The
 * text writer drops them, and any byte that is not part of valid UTF-8, so
 * that no stored text can break a feed.
 */
#ifndef ALLIANCE_XML_H
#define ALLIANCE_XML_H

#include "core/buf.h"

/* xml_raw writes trusted markup: string literals of the program. */
void xml_raw(struct buf *b, const char *markup);

/* xml_text writes text for an element's content or a quoted attribute value:
 * & < > " and ' escaped, characters XML cannot hold dropped. NULL writes
 * nothing. */
void xml_text(struct buf *b, const char *text);

/* xml_printf writes fmt as markup with each %s argument written by xml_text;
 * %d, %lld and %% behave as in printf. fmt must be a literal. */
void xml_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
