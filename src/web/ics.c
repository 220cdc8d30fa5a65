/*
 * ics.c — see ics.h.
 */
#include "web/ics.h"

#include <string.h>

#define ICS_LINE_OCTETS 75

/* fold writes one whole content line (name:value, unfolded) folded. */
static void fold(struct buf *b, const char *line, size_t n)
{
    size_t col = 0;
    for (size_t i = 0; i < n;) {
        size_t len = 1; /* the bytes of the character at i */
        unsigned char ch = (unsigned char)line[i];
        if (ch >= 0xF0)
            len = 4;
        else if (ch >= 0xE0)
            len = 3;
        else if (ch >= 0xC0)
            len = 2;
        if (i + len > n)
            len = n - i;
        if (col + len > ICS_LINE_OCTETS) {
            buf_append(b, "\r\n ", 3);
            col = 1;
        }
        buf_append(b, line + i, len);
        col += len;
        i += len;
    }
    buf_append(b, "\r\n", 2);
}

/* char_length is the length of the well-formed UTF-8 character at s, or 0. */
static size_t char_length(const unsigned char *s)
{
    if (s[0] < 0x80)
        return 1;
    size_t len = s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 ? 2 : 0;
    if (s[0] >= 0xF8)
        len = 0;
    for (size_t i = 1; i < len; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    return len;
}

void ics_raw(struct buf *b, const char *name, const char *value)
{
    struct buf line;
    buf_init(&line, 1 << 20);
    buf_puts(&line, name);
    buf_putc(&line, ':');
    for (const char *s = value ? value : ""; *s; s++)
        if ((unsigned char)*s >= 0x20 && *s != 0x7F)
            buf_putc(&line, *s);
    fold(b, line.data ? line.data : "", line.len);
    buf_free(&line);
}

void ics_text(struct buf *b, const char *name, const char *value)
{
    if (!value || !*value)
        return;
    struct buf line;
    buf_init(&line, 1 << 20);
    buf_puts(&line, name);
    buf_putc(&line, ':');
    const unsigned char *s = (const unsigned char *)value;
    while (*s) {
        size_t len = char_length(s);
        if (len == 0) { /* not UTF-8: dropped */
            s++;
            continue;
        }
        if (*s == '\\' || *s == ';' || *s == ',') {
            buf_putc(&line, '\\');
            buf_putc(&line, (char)*s);
        } else if (*s == '\n') {
            buf_append(&line, "\\n", 2);
        } else if (*s >= 0x20 && *s != 0x7F) {
            buf_append(&line, s, len);
        } else if (*s == '\t') {
            buf_putc(&line, ' ');
        } /* other controls, \r among them: dropped */
        s += len;
    }
    fold(b, line.data ? line.data : "", line.len);
    buf_free(&line);
}

void ics_instant(struct buf *b, const char *name, const char *iso)
{
    if (!iso || strlen(iso) != 20 || iso[10] != 'T' || iso[19] != 'Z')
        return;
    char value[17];
    memcpy(value, iso, 4);
    memcpy(value + 4, iso + 5, 2);
    memcpy(value + 6, iso + 8, 2);
    value[8] = 'T';
    memcpy(value + 9, iso + 11, 2);
    memcpy(value + 11, iso + 14, 2);
    memcpy(value + 13, iso + 17, 2);
    value[15] = 'Z';
    value[16] = '\0';
    ics_raw(b, name, value);
}
