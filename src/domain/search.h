/*
 * search.h — one search over every knowledge item (lessons, journal
 * entries, documents, answered enquiries, events) and the discussions: the
 * titles of stand-alone threads (kind "thread") and the text of replies (kind
 * "reply"), each read exactly as its thread is (store/search.c): ranked by
 * relevance (bm25 in SQLite, ts_rank in PostgreSQL), accents ignored (French,
 * Spanish and Portuguese users type without them), "quoted phrases", prefixes
 * (water*), highlighted snippets, filters, counts per kind. Visibility is
 * applied inside the query, so results, pages and counts are right for each
 * viewer. At most SEARCH_RANKED matches are ranked, the newest (see there).
 *
 * The domain modules keep the index up to date: every write of an item calls
 * search_put (or search_forget) inside its transaction.
 */
#ifndef ALLIANCE_SEARCH_H
#define ALLIANCE_SEARCH_H

#include "core/problem.h"
#include "domain/context.h"
#include "domain/listing.h"

#include <stdbool.h>
#include <stdint.h>

/* Marks around the matched words in a snippet: bytes that valid text never
 * holds (str_utf8_valid refuses them), turned into <mark> by the web. */
#define SEARCH_MARK_START '\x01'
#define SEARCH_MARK_END   '\x02'

#define SEARCH_KINDS_MAX 10

/* What the index keeps of an item. */
struct search_doc {
    const char *kind; /* "lesson", "entry", "document", "enquiry", "event", "thread", "reply",
                         "question", "cycle" */
    int64_t item_key;
    const char *item_id;
    int64_t platform_key;
    int64_t alliance_key;
    const char *visibility; /* platform, alliance, public */
    bool published;
    int64_t author_key;      /* 0: none */
    const char *outcome;     /* lessons: success, failure, mixed; others "" */
    const char *happened_on; /* YYYY-MM-DD */
    const char *title;
    const char *index_title; /* the title the text index holds, when not title (a
                                reply: "", so that its thread's title finds the
                                thread once, not every reply); NULL: title */
    const char *body;
    const char *tags; /* space separated */
    /* The other platforms of an item held by several (a joint event, a
     * question's owners): at the platform level, their members find it
     * too. */
    const int64_t *other_platform_keys;
    int other_platform_count;
};

/* What a viewer asks. Empty and zero fields do not filter. */
struct search_query {
    const char *text; /* words, "phrases", prefix* — empty: everything, newest first */
    const char *kind;
    int64_t platform_key;
    int64_t alliance_key;
    int depth; /* -1: any level */
    const char *outcome;
    const char *tag;
    const char *from; /* YYYY-MM-DD */
    const char *to;
};

struct search_hit {
    char *kind;
    char *item_id;
    char *title;
    char *snippet; /* plain text with SEARCH_MARK_START/END around matches */
    char *platform_id;
    char *platform_name;
    char *alliance_name;
    char *happened_on;
    char *outcome;
    char *thread_id; /* a reply: its thread, which the link opens at it; else NULL */
};

/* How many matches a search ranks at most (SEARCH_RANKED; the environment's
 * ALLIANCE_SEARCH_RANKED, for tests, when set): when more items match than
 * that, the newest of them (the last put in the index) are ranked, best
 * first, and the rest are left out — `more` says so, and the viewer is asked
 * for more words. Ranking every match of a word found in most items takes
 * seconds in a national installation; these take milliseconds. */
#define SEARCH_RANKED 1000

struct search_results {
    struct search_hit *hits;
    int count;
    int64_t total; /* results (ranked matches) of the kind asked, or of every kind */
    bool more;     /* more items match than were ranked: total is the cap */
    int kind_count;
    const char *kinds[SEARCH_KINDS_MAX]; /* with counts[i] results each */
    int64_t counts[SEARCH_KINDS_MAX];
    bool counts_more; /* the counts are of the newest SEARCH_RANKED matches of
                         every kind: there are more */
};

/* The engine-ready form of a query's text (search.c builds it). */
struct search_terms {
    const char *fts5;    /* an FTS5 MATCH expression, or NULL for no text */
    const char *tsquery; /* a to_tsquery expression, or NULL */
    int64_t cap;         /* how many matches to rank at most (SEARCH_RANKED) */
};

/* An item the index may hold, named by kind and id. */
struct search_item_ref {
    char *kind;
    char *id;
};

/* A kind of item for search_reindex: its name and how to put one item of it,
 * by id, in the index again. */
struct search_source {
    const char *kind;
    enum status (*reindex_one)(struct ctx *c, const char *id);
};

/* search_reindex puts every item of the kinds of sources in the index again
 * (after an import, which moves the data but not the index), all kinds
 * together in the order the items were made, so that the index's own order
 * (its keys) is that of the items, whatever their kind: a search ranks its
 * newest candidates (search_run). Items of other kinds are left as they are. */
enum status search_reindex(struct ctx *c, const struct search_source *sources, int count);

/* search_put adds or replaces an item in the index. */
enum status search_put(struct ctx *c, const struct search_doc *doc);

/* search_forget removes an item from the index. */
enum status search_forget(struct ctx *c, const char *kind, int64_t item_key);

/* search_retire removes a deleted item from the index, keeping what its
 * visibility was (for the audit trail about it). */
enum status search_retire(struct ctx *c, const char *kind, int64_t item_key);

/* search_run answers a query with one page of hits the viewer may read, best
 * first, and the counts per kind. Text that holds no word is no text. */
enum status search_run(struct ctx *c, const struct search_query *q, const struct listing *l,
                       struct search_results *out);

/* search_terms_parse turns what a person typed into engine expressions:
 * words (letters and digits), "quoted phrases", and word* for prefixes; every
 * other character separates words, so no input is a syntax error. */
void search_terms_parse(struct ctx *c, const char *text, struct search_terms *out);

#endif
