/*
 * download.c — see download.h.
 */
#include "http/download.h"

#include "core/arena.h"
#include "core/buf.h"
#include "http/headers.h"

#include <event2/buffer.h>
#include <event2/http.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

char *download_disposition(struct arena *a, const char *file_name)
{
    struct buf ascii, encoded;
    buf_init(&ascii, 4096);
    buf_init(&encoded, 16384);
    for (const unsigned char *p = (const unsigned char *)file_name; *p; p++) {
        /* One '_' for each character outside printable ASCII (its lead byte). */
        if (*p >= 0x80) {
            if ((*p & 0xC0) != 0x80)
                buf_putc(&ascii, '_');
        } else if (*p < 0x20 || *p == 0x7F || *p == '"' || *p == '\\') {
            buf_putc(&ascii, '_');
        } else {
            buf_putc(&ascii, (char)*p);
        }
        bool plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                     (*p >= '0' && *p <= '9') || strchr("!#$&+-.^_`|~", *p);
        if (plain && *p)
            buf_putc(&encoded, (char)*p);
        else
            buf_printf(&encoded, "%%%02X", *p);
    }
    char *out = arena_printf(a, "attachment; filename=\"%s\"; filename*=UTF-8''%s",
                             ascii.data ? ascii.data : "file", encoded.data ? encoded.data : "");
    buf_free(&ascii);
    buf_free(&encoded);
    return out;
}

/* number reads decimal digits at *p; false when there are none. */
static bool number(const char **p, uint64_t *out)
{
    const char *s = *p;
    uint64_t n = 0;
    if (*s < '0' || *s > '9')
        return false;
    for (; *s >= '0' && *s <= '9'; s++) {
        if (n > UINT64_MAX / 10 - 10)
            return false;
        n = n * 10 + (uint64_t)(*s - '0');
    }
    *p = s;
    *out = n;
    return true;
}

enum download_range download_range(const char *header, uint64_t size, uint64_t *first,
                                   uint64_t *last)
{
    if (!header || strncmp(header, "bytes=", 6) != 0)
        return RANGE_NONE;
    const char *p = header + 6;
    while (*p == ' ')
        p++;
    uint64_t a = 0, b = 0;
    bool has_a = number(&p, &a);
    if (*p != '-')
        return RANGE_NONE;
    p++;
    bool has_b = number(&p, &b);
    while (*p == ' ')
        p++;
    if (*p != '\0' || (!has_a && !has_b) || (has_a && has_b && b < a))
        return RANGE_NONE; /* malformed, or several ranges: the whole file */
    if (!has_a) {          /* the last b bytes */
        if (b == 0 || size == 0)
            return RANGE_UNSATISFIABLE;
        *first = b >= size ? 0 : size - b;
        *last = size - 1;
        return RANGE_OK;
    }
    if (a >= size)
        return RANGE_UNSATISFIABLE;
    *first = a;
    *last = has_b && b < size ? b : size - 1;
    return RANGE_OK;
}

/* holds: an If-None-Match (or If-Range) header names this ETag. */
static bool holds(const char *header, const char *etag)
{
    return header && (strstr(header, etag) != NULL || strcmp(header, "*") == 0);
}

void download_send(struct request *r, const struct download *d)
{
    struct evkeyvalq *headers = evhttp_request_get_output_headers(r->ev);
    http_headers_security(headers);
    char etag[80], length[32], range[96];
    snprintf(etag, sizeof etag, "\"%s\"", d->sha256);
    evhttp_add_header(headers, "ETag", etag);
    evhttp_add_header(headers, "Cache-Control", "private, no-cache");
    evhttp_add_header(headers, "Accept-Ranges", "bytes");
    if (holds(request_header(r, "If-None-Match"), etag)) {
        close(d->fd);
        r->status = 304;
        evhttp_send_reply(r->ev, 304, NULL, NULL);
        return;
    }
    uint64_t first = 0, last = d->size ? d->size - 1 : 0;
    const char *if_range = request_header(r, "If-Range");
    enum download_range want = RANGE_NONE;
    if (!if_range || strcmp(if_range, etag) == 0)
        want = download_range(request_header(r, "Range"), d->size, &first, &last);
    if (want == RANGE_UNSATISFIABLE) {
        close(d->fd);
        snprintf(range, sizeof range, "bytes */%llu", (unsigned long long)d->size);
        evhttp_add_header(headers, "Content-Range", range);
        r->status = 416;
        evhttp_send_reply(r->ev, 416, "Range Not Satisfiable", NULL);
        return;
    }
    int status = 200;
    uint64_t count = d->size;
    if (want == RANGE_OK) {
        status = 206;
        count = last - first + 1;
        snprintf(range, sizeof range, "bytes %llu-%llu/%llu", (unsigned long long)first,
                 (unsigned long long)last, (unsigned long long)d->size);
        evhttp_add_header(headers, "Content-Range", range);
    }
    /* Text was checked as UTF-8 when it came. */
    evhttp_add_header(headers, "Content-Type",
                      strncmp(d->media_type, "text/", 5) == 0
                          ? arena_printf(&r->arena, "%s; charset=utf-8", d->media_type)
                          : d->media_type);
    evhttp_add_header(headers, "Content-Disposition",
                      download_disposition(&r->arena, d->file_name));
    snprintf(length, sizeof length, "%llu", (unsigned long long)count);
    evhttp_add_header(headers, "Content-Length", length);
    struct evbuffer *body = evbuffer_new();
    if (r->method == METHOD_HEAD || count == 0 ||
        evbuffer_add_file(body, d->fd, (ev_off_t)first, (ev_off_t)count) != 0)
        close(d->fd);
    r->status = status;
    evhttp_send_reply(r->ev, status, status == 206 ? "Partial Content" : NULL, body);
    evbuffer_free(body);
}
