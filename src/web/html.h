/*
 * html.h — the only way HTML is written (after cgit's html.c): one escaping
 * writer per output context, and one raw writer, html_raw, whose every use a
 * reviewer can find with grep. Text from people or from the database never
 * goes through html_raw.
 */
#ifndef ALLIANCE_HTML_H
#define ALLIANCE_HTML_H

#include "core/buf.h"

#include <stdint.h>

/* html_raw writes trusted markup: string literals of the program, or the
 * output of the Markdown renderer in safe mode. */
void html_raw(struct buf *b, const char *markup);

/* html_text writes text for an element's content or a quoted attribute value,
 * escaping & < > " and '. NULL writes nothing. */
void html_text(struct buf *b, const char *text);

/* html_url_arg writes text percent-encoded for a URL query value or path
 * segment (unreserved characters stay). */
void html_url_arg(struct buf *b, const char *text);

/* html_printf writes fmt as markup with each %s argument escaped as text; %d,
 * %u, %ld, %lld, %zu and %% behave as in printf. fmt must be a literal. */
void html_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* html_int writes a whole number with thousands separated by commas. */
void html_int(struct buf *b, int64_t n);

/* html_marked writes text escaped, with the bytes 0x01 and 0x02 (which valid
 * text never holds) turned into <mark> and </mark>: search snippets. */
void html_marked(struct buf *b, const char *text);

/* html_markdown renders Markdown as HTML with cmark in safe mode: raw HTML is
 * dropped and javascript:, vbscript:, file: and data: links are neutralised. */
void html_markdown(struct buf *b, const char *markdown);

#endif
