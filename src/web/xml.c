/*
 * xml.c — see xml.h.
 */
#include "web/xml.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

void xml_raw(struct buf *b, const char *markup)
{
    buf_puts(b, markup);
}

/* utf8_char reads the character at p: its length in bytes, with *cp set, or
 * 0 when the bytes there are not valid UTF-8 (overlong forms and surrogates
 * included). */
static size_t utf8_char(const unsigned char *p, unsigned *cp)
{
    unsigned c = p[0];
    size_t len;
    unsigned min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xc2 && c <= 0xdf)
        len = 2, min = 0x80, *cp = c & 0x1f;
    else if (c >= 0xe0 && c <= 0xef)
        len = 3, min = 0x800, *cp = c & 0x0f;
    else if (c >= 0xf0 && c <= 0xf4)
        len = 4, min = 0x10000, *cp = c & 0x07;
    else
        return 0;
    for (size_t k = 1; k < len; k++) {
        if ((p[k] & 0xc0) != 0x80) /* the terminator stops here too */
            return 0;
        *cp = (*cp << 6) | (p[k] & 0x3f);
    }
    if (*cp < min || *cp > 0x10ffff || (*cp >= 0xd800 && *cp <= 0xdfff))
        return 0;
    return len;
}

/* xml_char_allowed: XML 1.0's Char production. */
static bool xml_char_allowed(unsigned cp)
{
    return cp == 0x9 || cp == 0xa || cp == 0xd || (cp >= 0x20 && cp <= 0xd7ff) ||
           (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

void xml_text(struct buf *b, const char *text)
{
    if (!text)
        return;
    const unsigned char *p = (const unsigned char *)text;
    while (*p) {
        unsigned cp;
        size_t len = utf8_char(p, &cp);
        if (len == 0) {
            p++; /* a stray byte: dropped */
            continue;
        }
        switch (cp) {
        case '&':
            buf_puts(b, "&amp;");
            break;
        case '<':
            buf_puts(b, "&lt;");
            break;
        case '>':
            buf_puts(b, "&gt;");
            break;
        case '"':
            buf_puts(b, "&quot;");
            break;
        case '\'':
            buf_puts(b, "&apos;");
            break;
        case '\r':
            buf_puts(b, "&#13;"); /* kept: a parser would turn a bare one into a line feed */
            break;
        default:
            if (xml_char_allowed(cp))
                buf_append(b, p, len);
        }
        p += len;
    }
}

void xml_printf(struct buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const char *lit = fmt;
    for (const char *p = fmt; *p; p++) {
        if (*p != '%')
            continue;
        buf_append(b, lit, (size_t)(p - lit));
        const char *spec = p + 1;
        char num[32];
        if (*spec == 's') {
            xml_text(b, va_arg(ap, const char *));
        } else if (*spec == '%') {
            buf_putc(b, '%');
        } else if (*spec == 'd') {
            snprintf(num, sizeof num, "%d", va_arg(ap, int));
            buf_puts(b, num);
        } else if (spec[0] == 'l' && spec[1] == 'l' && spec[2] == 'd') {
            snprintf(num, sizeof num, "%lld", va_arg(ap, long long));
            buf_puts(b, num);
            spec += 2;
        } else {
            abort(); /* a conversion xml_printf does not know is a bug */
        }
        p = spec;
        lit = spec + 1;
    }
    buf_puts(b, lit);
    va_end(ap);
}
