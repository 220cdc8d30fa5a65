/*
 * buf.h — a growable byte buffer with a cap (after curl's dynbuf). Pages and
 * JSON documents are built in one; a write past the cap fails instead of
 * growing without bound. The bytes are always NUL-terminated.
 */
#ifndef ALLIANCE_BUF_H
#define ALLIANCE_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
    char *data;  /* NUL-terminated, owned by the buffer (malloc) */
    size_t len;  /* bytes written, excluding the terminator */
    size_t size; /* bytes allocated */
    size_t cap;  /* maximum len; writes beyond fail */
    int failed;  /* set once a write hit the cap; later writes are ignored */
};

/* buf_init prepares an empty buffer that will hold at most cap bytes. */
void buf_init(struct buf *b, size_t cap);

/* buf_free releases the memory; the buffer may be initialised again. */
void buf_free(struct buf *b);

/* buf_reset empties the buffer but keeps its memory. */
void buf_reset(struct buf *b);

/* buf_append adds n bytes; returns 0, or -1 when the cap would be passed. */
int buf_append(struct buf *b, const void *data, size_t n);

/* buf_puts adds a NUL-terminated string. */
int buf_puts(struct buf *b, const char *s);

/* buf_putc adds one byte. */
int buf_putc(struct buf *b, char c);

/* buf_printf adds formatted text. */
int buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* buf_vprintf is buf_printf with a va_list. */
int buf_vprintf(struct buf *b, const char *fmt, va_list ap);

#endif
