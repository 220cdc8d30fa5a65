/*
 * html.c — see html.h.
 */
#include "web/html.h"

#include <cmark.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void html_raw(struct buf *b, const char *markup)
{
    buf_puts(b, markup);
}

void html_text(struct buf *b, const char *text)
{
    if (!text)
        return;
    const char *start = text;
    for (const char *p = text; *p; p++) {
        const char *entity;
        switch (*p) {
        case '&':
            entity = "&amp;";
            break;
        case '<':
            entity = "&lt;";
            break;
        case '>':
            entity = "&gt;";
            break;
        case '"':
            entity = "&quot;";
            break;
        case '\'':
            entity = "&#39;";
            break;
        default:
            continue;
        }
        buf_append(b, start, (size_t)(p - start));
        buf_puts(b, entity);
        start = p + 1;
    }
    buf_puts(b, start);
}

void html_url_arg(struct buf *b, const char *text)
{
    static const char hex[] = "0123456789ABCDEF";
    if (!text)
        return;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        unsigned char c = *p;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '.' || c == '~') {
            buf_putc(b, (char)c);
        } else {
            char esc[3] = {'%', hex[c >> 4], hex[c & 15]};
            buf_append(b, esc, 3);
        }
    }
}

void html_printf(struct buf *b, const char *fmt, ...)
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
            html_text(b, va_arg(ap, const char *));
        } else if (*spec == '%') {
            buf_putc(b, '%');
        } else if (*spec == 'd') {
            snprintf(num, sizeof num, "%d", va_arg(ap, int));
            buf_puts(b, num);
        } else if (*spec == 'u') {
            snprintf(num, sizeof num, "%u", va_arg(ap, unsigned));
            buf_puts(b, num);
        } else if (spec[0] == 'l' && spec[1] == 'd') {
            snprintf(num, sizeof num, "%ld", va_arg(ap, long));
            buf_puts(b, num);
            spec++;
        } else if (spec[0] == 'l' && spec[1] == 'l' && spec[2] == 'd') {
            snprintf(num, sizeof num, "%lld", va_arg(ap, long long));
            buf_puts(b, num);
            spec += 2;
        } else if (spec[0] == 'z' && spec[1] == 'u') {
            snprintf(num, sizeof num, "%zu", va_arg(ap, size_t));
            buf_puts(b, num);
            spec++;
        } else {
            abort(); /* a conversion html_printf does not know is a bug */
        }
        p = spec;
        lit = spec + 1;
    }
    buf_puts(b, lit);
    va_end(ap);
}

void html_marked(struct buf *b, const char *text)
{
    if (!text)
        return;
    char one[2] = {0, 0};
    for (const char *p = text; *p; p++) {
        if (*p == '\x01') {
            buf_puts(b, "<mark>");
        } else if (*p == '\x02') {
            buf_puts(b, "</mark>");
        } else {
            one[0] = *p;
            html_text(b, one);
        }
    }
}

void html_int(struct buf *b, int64_t n)
{
    char digits[32];
    snprintf(digits, sizeof digits, "%lld", (long long)(n < 0 ? -n : n));
    if (n < 0)
        buf_putc(b, '-');
    size_t len = strlen(digits);
    for (size_t i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            buf_putc(b, ',');
        buf_putc(b, digits[i]);
    }
}

/* neutralise_data_urls empties every data: address of links and images:
 * cmark's safe mode lets data:image/png and its kin through, and nothing a
 * person writes needs an address that carries its own content. */
static void neutralise_data_urls(cmark_node *doc)
{
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        cmark_node_type type = cmark_node_get_type(n);
        if (ev != CMARK_EVENT_ENTER || (type != CMARK_NODE_LINK && type != CMARK_NODE_IMAGE))
            continue;
        const char *url = cmark_node_get_url(n);
        while (url && (*url == ' ' || *url == '\t' || *url == '\n' || *url == '\r'))
            url++;
        if (url && strncasecmp(url, "data:", 5) == 0)
            cmark_node_set_url(n, "");
    }
    cmark_iter_free(it);
}

void html_markdown(struct buf *b, const char *markdown)
{
    if (!markdown || !*markdown)
        return;
    /* CMARK_OPT_UNSAFE is never set: raw HTML becomes a comment and unsafe
     * link schemes (javascript:, vbscript:, file:) become empty links. */
    cmark_node *doc = cmark_parse_document(markdown, strlen(markdown), CMARK_OPT_DEFAULT);
    if (!doc)
        return;
    neutralise_data_urls(doc);
    char *out = cmark_render_html(doc, CMARK_OPT_DEFAULT);
    cmark_node_free(doc);
    if (out) {
        buf_puts(b, out); /* trusted: cmark's safe-mode output */
        free(out);
    }
}
