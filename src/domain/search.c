/*
 * search.c — see search.h. The query language is small on purpose: words,
 * "phrases" and word* prefixes, every other character a separator, so that
 * nothing a person types (FTS5's NEAR, quotes, colons, stars) is a syntax
 * error; terms are combined with AND.
 */
#include "domain/search.h"

#include "core/arena.h"
#include "core/buf.h"
#include "core/str.h"
#include "store/discussion.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How many items search_reindex reads at a time. */
#define SEARCH_REINDEX_PAGE 500

enum status search_put(struct ctx *c, const struct search_doc *doc)
{
    return store_search_put(c, doc);
}

enum status search_reindex(struct ctx *c, const struct search_source *sources, int count)
{
    enum status s = STATUS_OK;
    char after[64] = "";
    struct arena *keep = c->arena;
    for (;;) {
        struct arena scratch; /* each page's items die with it */
        arena_init(&scratch, 64 * 1024);
        c->arena = &scratch;
        struct search_item_ref *items;
        int n = 0;
        s = store_search_sources(c, after, SEARCH_REINDEX_PAGE, &items, &n);
        for (int i = 0; s == STATUS_OK && i < n; i++)
            for (int k = 0; k < count; k++)
                if (strcmp(items[i].kind, sources[k].kind) == 0)
                    s = sources[k].reindex_one(c, items[i].id);
        if (n > 0)
            snprintf(after, sizeof after, "%s", items[n - 1].id);
        c->arena = keep;
        arena_free(&scratch);
        if (s != STATUS_OK || n < SEARCH_REINDEX_PAGE)
            return s;
    }
}

enum status search_forget(struct ctx *c, const char *kind, int64_t item_key)
{
    return store_search_forget(c, kind, item_key);
}

enum status search_retire(struct ctx *c, const char *kind, int64_t item_key)
{
    return store_search_retire(c, kind, item_key);
}

/* A word character: ASCII letters and digits, and every byte of a multibyte
 * UTF-8 character (letters of other scripts, accented letters). */
static bool word_char(unsigned char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch >= 0x80;
}

/* One term: the words of a phrase (or one word), and whether it is a prefix. */
struct term {
    const char *words[16];
    int count;
    bool prefix;
};

/* next_word copies the word at *p (lower-cased ASCII) into the arena. */
static char *next_word(struct arena *a, const char **p)
{
    const char *start = *p;
    while (word_char((unsigned char)**p))
        (*p)++;
    char *w = arena_strndup(a, start, (size_t)(*p - start));
    for (char *q = w; *q; q++)
        if (*q >= 'A' && *q <= 'Z')
            *q = (char)(*q - 'A' + 'a');
    return w;
}

void search_terms_parse(struct ctx *c, const char *text, struct search_terms *out)
{
    struct term terms[32];
    int n = 0;
    const char *p = text ? text : "";
    while (*p && n < 32) {
        if (*p == '"') { /* a phrase, up to the closing quote or the end */
            p++;
            struct term *t = &terms[n];
            t->count = 0;
            t->prefix = false;
            while (*p && *p != '"') {
                if (word_char((unsigned char)*p) && t->count < 16)
                    t->words[t->count++] = next_word(c->arena, &p);
                else
                    p++;
            }
            if (*p == '"')
                p++;
            if (t->count)
                n++;
        } else if (word_char((unsigned char)*p)) {
            struct term *t = &terms[n++];
            t->words[0] = next_word(c->arena, &p);
            t->count = 1;
            t->prefix = *p == '*';
        } else {
            p++;
        }
    }
    out->fts5 = out->tsquery = NULL;
    if (n == 0)
        return;
    struct buf fts, ts;
    buf_init(&fts, 64 * 1024);
    buf_init(&ts, 64 * 1024);
    for (int i = 0; i < n; i++) {
        /* FTS5: "a b" for a phrase, "a" * for a prefix; quotes make every word
         * a plain string, whatever it spells (AND, NEAR). */
        buf_printf(&fts, "%s\"", i ? " " : "");
        for (int k = 0; k < terms[i].count; k++)
            buf_printf(&fts, "%s%s", k ? " " : "", terms[i].words[k]);
        buf_puts(&fts, terms[i].prefix ? "\" *" : "\"");
        /* to_tsquery: (a <-> b) for a phrase, a:* for a prefix, & between. */
        buf_puts(&ts, i ? " & " : "");
        if (terms[i].count > 1)
            buf_putc(&ts, '(');
        for (int k = 0; k < terms[i].count; k++)
            buf_printf(&ts, "%s'%s'", k ? " <-> " : "", terms[i].words[k]);
        if (terms[i].count > 1)
            buf_putc(&ts, ')');
        if (terms[i].prefix)
            buf_puts(&ts, ":*");
    }
    out->fts5 = arena_strdup(c->arena, fts.data);
    out->tsquery = arena_strdup(c->arena, ts.data);
    buf_free(&fts);
    buf_free(&ts);
}

enum status search_run(struct ctx *c, const struct search_query *q, const struct listing *l,
                       struct search_results *out)
{
    struct search_terms terms;
    search_terms_parse(c, q->text, &terms);
    terms.cap = SEARCH_RANKED;
    const char *cap = getenv("ALLIANCE_SEARCH_RANKED");
    int64_t n;
    if (cap && str_parse_int64(cap, 1, SEARCH_RANKED, &n) == 0)
        terms.cap = n;
    enum status s = store_search_run(c, q, &terms, l, out);
    for (int i = 0; s == STATUS_OK && i < out->count; i++)
        if (strcmp(out->hits[i].kind, "reply") == 0)
            out->hits[i].thread_id = store_reply_thread_id(c, out->hits[i].item_id);
    return s;
}
