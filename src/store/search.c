/*
 * store/search.c — the search index. The one place whose SQL differs by
 * engine: FTS5 (MATCH, bm25, snippet) in SQLite; a tsvector (@@, ts_rank,
 * ts_headline) in PostgreSQL, with the text search configuration
 * alliance_search, which folds accents word by word (schema.c, 9). Both keep
 * the facts visibility needs in search_item, and the visibility rule (row.h)
 * applies inside the query, so hits, pages and counts are the viewer's own.
 * A text search ranks the newest SEARCH_RANKED matches the viewer may read
 * (search.h): the engine walks the matches newest first (by key) and stops
 * there, rather than ranking every item that holds a common word.
 */
#include "core/arena.h"
#include "core/str.h"
#include "store/discussion.h"
#include "store/row.h"
#include "store/store.h"

#include <string.h>

/* store_search_forget: on SQLite the FTS5 row goes by hand (PostgreSQL
 * cascades), and only when the item is in the index. A DELETE statement on
 * an FTS5 table costs even when it deletes nothing: it writes out the terms
 * pending in the transaction, so an import that put each item after such a
 * DELETE grew quadratically (16,000 items: 9.9 s against 0.24 s without). */
enum status store_search_forget(struct ctx *c, const char *kind, int64_t item_key)
{
    struct db_stmt *st;
    enum status s = STATUS_OK;
    if (!db_dialect_postgres(c->db)) {
        st = db_prepare(c->db, "SELECT key FROM search_item WHERE kind = ? AND item_key = ?");
        db_bind_text(st, 1, kind);
        db_bind_int(st, 2, item_key);
        int rc = db_step(st);
        int64_t key = rc == DB_ROW ? db_column_int(st, 0) : 0;
        db_done(st);
        if (rc < 0)
            return row_status(c, rc);
        if (!key)
            return STATUS_OK; /* nothing indexed: nothing to forget */
        st = db_prepare(c->db, "DELETE FROM search_text WHERE rowid = ?");
        db_bind_int(st, 1, key);
        s = row_write(c, st);
    }
    if (s != STATUS_OK)
        return s;
    st = db_prepare(c->db, "DELETE FROM search_item WHERE kind = ? AND item_key = ?");
    db_bind_text(st, 1, kind);
    db_bind_int(st, 2, item_key);
    return row_write(c, st);
}

enum status store_search_forget_thread(struct ctx *c, int64_t discussion_key)
{
    static const char *const items =
        "(kind = 'thread' AND item_key = ?) OR (kind = 'reply' AND item_key IN (SELECT key "
        "FROM reply WHERE discussion_key = ?))";
    struct db_stmt *st;
    enum status s = STATUS_OK;
    if (!db_dialect_postgres(c->db)) { /* FTS5 rows go by hand; PostgreSQL cascades */
        st = db_prepare(c->db, arena_printf(c->arena,
                                            "DELETE FROM search_text WHERE rowid IN (SELECT key "
                                            "FROM search_item WHERE %s)",
                                            items));
        db_bind_int(st, 1, discussion_key);
        db_bind_int(st, 2, discussion_key);
        s = row_write(c, st);
    }
    if (s != STATUS_OK)
        return s;
    st = db_prepare(c->db, arena_printf(c->arena, "DELETE FROM search_item WHERE %s", items));
    db_bind_int(st, 1, discussion_key);
    db_bind_int(st, 2, discussion_key);
    return row_write(c, st);
}

enum status store_search_retire(struct ctx *c, const char *kind, int64_t item_key)
{
    struct db_stmt *st = db_prepare(
        c->db,
        "INSERT INTO retired_item (kind, item_id, platform_key, alliance_key, visibility, "
        "published, author_key) SELECT kind, item_id, platform_key, alliance_key, "
        "visibility, published, author_key FROM search_item WHERE kind = ? AND item_key = ?");
    db_bind_text(st, 1, kind);
    db_bind_int(st, 2, item_key);
    enum status s = row_write(c, st);
    return s == STATUS_OK ? store_search_forget(c, kind, item_key) : s;
}

static void source_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct search_item_ref *ref = item;
    ref->kind = row_text(c, st, 0);
    ref->id = row_text(c, st, 1);
}

enum status store_search_sources(struct ctx *c, const char *after, int limit,
                                 struct search_item_ref **out, int *count)
{
    /* Ids are unique across kinds (UUIDs): one cursor serves them all. */
    struct db_stmt *st = db_prepare(
        c->db, "SELECT kind, id FROM (SELECT 'lesson' AS kind, id FROM lesson WHERE id > ? "
               "UNION ALL SELECT 'entry', id FROM entry WHERE id > ? "
               "UNION ALL SELECT 'document', id FROM document WHERE id > ? "
               "UNION ALL SELECT 'enquiry', id FROM enquiry WHERE faq = 1 AND id > ? "
               "UNION ALL SELECT 'event', id FROM event WHERE id > ? "
               "UNION ALL SELECT 'thread', id FROM discussion WHERE item_kind = 'platform' "
               "AND id > ? "
               "UNION ALL SELECT 'reply', id FROM reply WHERE hidden_at IS NULL AND id > ? "
               "UNION ALL SELECT 'question', id FROM question WHERE id > ? "
               "UNION ALL SELECT 'cycle', id FROM cycle WHERE id > ?) AS items "
               "ORDER BY id LIMIT ?");
    for (int i = 1; i <= 9; i++)
        db_bind_text(st, i, after);
    db_bind_int(st, 10, limit);
    return row_all(c, st, limit, sizeof **out, source_row, (void **)out, count);
}

enum status store_search_put(struct ctx *c, const struct search_doc *d)
{
    enum status s = store_search_forget(c, d->kind, d->item_key);
    if (s != STATUS_OK)
        return s;
    struct db_stmt *st = db_prepare(
        c->db, "INSERT INTO search_item (kind, item_key, item_id, platform_key, alliance_key, "
               "visibility, published, author_key, outcome, happened_on, title) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING key");
    db_bind_text(st, 1, d->kind);
    db_bind_int(st, 2, d->item_key);
    db_bind_text(st, 3, d->item_id);
    db_bind_int(st, 4, d->platform_key);
    db_bind_int(st, 5, d->alliance_key);
    db_bind_text(st, 6, d->visibility);
    db_bind_int(st, 7, d->published ? 1 : 0);
    db_bind_key(st, 8, d->author_key);
    db_bind_text(st, 9, d->outcome ? d->outcome : "");
    db_bind_text(st, 10, d->happened_on);
    db_bind_text(st, 11, d->title);
    int64_t key;
    s = row_insert(c, st, &key);
    if (s != STATUS_OK)
        return s;
    st = db_prepare(c->db, db_dialect_postgres(c->db)
                               ? "INSERT INTO search_text (key, title, body, tags) "
                                 "VALUES (?, ?, ?, ?)"
                               : "INSERT INTO search_text (rowid, title, body, tags) "
                                 "VALUES (?, ?, ?, ?)");
    db_bind_int(st, 1, key);
    db_bind_text(st, 2, d->index_title ? d->index_title : d->title);
    db_bind_text(st, 3, d->body ? d->body : "");
    db_bind_text(st, 4, d->tags ? d->tags : "");
    s = row_write(c, st);
    for (int i = 0; s == STATUS_OK && i < d->other_platform_count; i++) {
        if (d->other_platform_keys[i] == d->platform_key)
            continue;
        st = db_prepare(c->db, "INSERT INTO search_platform (search_key, platform_key) VALUES "
                               "(?, ?) ON CONFLICT DO NOTHING");
        db_bind_int(st, 1, key);
        db_bind_int(st, 2, d->other_platform_keys[i]);
        s = row_write(c, st);
    }
    return s;
}

#define SEARCH_ITEM                                                                                \
    "si.kind", "si.item_key", "si.visibility", "si.platform_key", "si.alliance_key",               \
        "si.published", "si.author_key"
/* Threads and replies (kinds 'thread' and 'reply') are read exactly when
 * their thread is, by the rule of store/discussion.h applied to the thread
 * itself at the time of the search, not by facts copied into the index: a
 * thread takes its item's visibility, shares and withdrawals included, and
 * follows it as it changes. A hidden reply is never found (it leaves the
 * index when hidden, and the rule asks again). */
#define SEARCH_THREAD_VISIBLE                                                                      \
    "EXISTS (SELECT 1 FROM discussion dn JOIN platform dp ON dp.key = dn.platform_key WHERE "      \
    "dn.key = si.item_key AND " DISCUSSION_VISIBLE ")"
#define SEARCH_REPLY_VISIBLE                                                                       \
    "EXISTS (SELECT 1 FROM reply sr JOIN discussion dn ON dn.key = sr.discussion_key JOIN "        \
    "platform dp ON dp.key = dn.platform_key WHERE sr.key = si.item_key AND sr.hidden_at IS "      \
    "NULL AND " DISCUSSION_VISIBLE ")"
/* An item held by several platforms (search_platform) is read through any
 * of them, as its own module reads it (a joint event, a question). */
#define SEARCH_ITEM_THROUGH(platform)                                                              \
    "si.visibility", platform, "si.alliance_key", "si.published", "si.author_key"
#define SEARCH_ITEM_VISIBLE                                                                        \
    "(" ROW_EXPAND(ROW_VISIBLE_ITEM,                                                               \
                   SEARCH_ITEM) " OR EXISTS (SELECT 1 FROM search_platform "                       \
                                "vsp WHERE vsp.search_key = si.key AND " ROW_EXPAND(               \
                                    ROW_ITEM_OWN, SEARCH_ITEM_THROUGH("vsp.platform_key")) "))"
#define SEARCH_VISIBLE                                                                             \
    "((si.kind NOT IN ('thread', 'reply') AND " SEARCH_ITEM_VISIBLE                                \
    ") OR (si.kind = 'thread' AND " SEARCH_THREAD_VISIBLE                                          \
    ") OR (si.kind = 'reply' AND " SEARCH_REPLY_VISIBLE "))"

/* The title a hit shows: a reply's is its thread's as it is now (an item's
 * thread is named after the item, whose title may have changed since). */
#define SEARCH_TITLE                                                                               \
    "CASE WHEN si.kind = 'reply' THEN coalesce((SELECT " DISCUSSION_ITEM_FIELD(                    \
        "title", "dn.title") " FROM reply sr JOIN discussion dn ON dn.key = sr.discussion_key "    \
                             "WHERE sr.key = si.item_key), si.title) ELSE si.title END"

/* A document's text names its creator, publisher and contributor, an
 * event's its facilitator: a reader who may not know the author (row.h
 * ROW_ITEM_ATTRIBUTED) gets no snippet of them. Lessons and entries keep no
 * author in their text. */
#define SEARCH_SNIPPET(snippet)                                                                    \
    "CASE WHEN si.kind NOT IN ('document', 'event') OR " ROW_EXPAND(                               \
        ROW_ITEM_ATTRIBUTED, SEARCH_ITEM) " THEN " snippet " ELSE '' END"

/* The parts that differ by engine, each with the text query as a parameter
 * where it has one. */
struct dialect {
    const char *from_text;   /* FROM … WHERE <match>, newest first */
    const char *from_browse; /* FROM … with no text */
    const char *score;       /* the rank of a match in from_text: lower is better */
    const char *newest;      /* ORDER BY of from_text: the newest in the index first */
    const char *snippet;     /* of one hit (its key the second parameter) */
    const char *snippet_browse;
};

static const struct dialect sqlite_dialect = {
    "FROM search_text st JOIN search_item si ON si.key = st.rowid "
    "JOIN platform p ON p.key = si.platform_key WHERE search_text MATCH ?",
    "FROM search_item si JOIN search_text st ON st.rowid = si.key "
    "JOIN platform p ON p.key = si.platform_key JOIN alliance a ON a.key = si.alliance_key",
    "bm25(search_text, 8.0, 1.0, 4.0)",
    "st.rowid DESC",
    "SELECT snippet(search_text, 1, '\x01', '\x02', ' … ', 24) FROM search_text "
    "WHERE search_text MATCH ? AND rowid = ?",
    SEARCH_SNIPPET("substr(st.body, 1, 240)"),
};

static const struct dialect postgres_dialect = {
    "FROM search_item si JOIN search_text st ON st.key = si.key "
    "JOIN platform p ON p.key = si.platform_key "
    "WHERE st.document @@ to_tsquery('alliance_search', ?)",
    "FROM search_item si JOIN search_text st ON st.key = si.key "
    "JOIN platform p ON p.key = si.platform_key JOIN alliance a ON a.key = si.alliance_key",
    "-ts_rank(st.document, to_tsquery('alliance_search', ?))",
    "si.key DESC",
    /* < as a space: PostgreSQL's parser would take text after an unclosed
     * <style> for markup and mark nothing in it (the document, cut by
     * alliance_words, finds it). */
    "SELECT ts_headline('alliance_search', translate(st.body, '<', ' '), "
    "to_tsquery('alliance_search', ?), "
    "'StartSel=\"\x01\", StopSel=\"\x02\", MaxWords=28, MinWords=10, "
    "MaxFragments=2, FragmentDelimiter=\" … \"') FROM search_text st WHERE st.key = ?",
    SEARCH_SNIPPET("substr(st.body, 1, 240)"),
};

/* A hit as the page query reads it: the snippet comes afterwards, from
 * snippets, when the viewer may read it (column 3). */
/* The kinds the index holds, in the order of their names. */
static const char *const search_kinds[] = {"cycle",  "document", "enquiry", "entry", "event",
                                           "lesson", "question", "reply",   "thread"};
#define SEARCH_KIND_COUNT ((int)(sizeof search_kinds / sizeof search_kinds[0]))

struct ranked_hit {
    struct search_hit hit;
    int64_t key;
    bool snippet_allowed;
    int64_t candidates;                  /* how many were ranked */
    int64_t per_kind[SEARCH_KIND_COUNT]; /* of them, of each of search_kinds */
};

/* per_kind_windows counts the candidates of each kind, as columns of every
 * row of the page (window sums over all of them, computed before the page is
 * cut out); per_kind_columns passes them on. */
static char *per_kind_windows(struct ctx *c)
{
    char *sql = "";
    for (int k = 0; k < SEARCH_KIND_COUNT; k++)
        sql = arena_printf(c->arena,
                           "%s, sum(CASE WHEN kind = '%s' THEN 1 ELSE 0 END) OVER () AS n%d", sql,
                           search_kinds[k], k);
    return sql;
}

static char *per_kind_columns(struct ctx *c)
{
    char *sql = "";
    for (int k = 0; k < SEARCH_KIND_COUNT; k++)
        sql = arena_printf(c->arena, "%s, r.n%d", sql, k);
    return sql;
}

static void hit_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct search_hit *h = item;
    h->kind = row_text(c, st, 0);
    h->item_id = row_text(c, st, 1);
    h->title = row_text(c, st, 2);
    h->snippet = row_text(c, st, 3);
    h->platform_id = row_text(c, st, 4);
    h->platform_name = row_text(c, st, 5);
    h->alliance_name = row_text(c, st, 6);
    h->happened_on = row_text(c, st, 7);
    h->outcome = row_text(c, st, 8);
}

static void ranked_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct ranked_hit *h = item;
    hit_row(c, st, &h->hit);
    h->snippet_allowed = db_column_int(st, 3) == 1;
    h->key = db_column_int(st, 9);
    h->candidates = db_column_int(st, 10);
    for (int k = 0; k < SEARCH_KIND_COUNT; k++)
        h->per_kind[k] = db_column_int(st, 11 + k);
}

/* filters adds the query's filters (all but the text) to q. */
static void filters(struct row_query *q, const struct search_query *sq, bool with_kind)
{
    row_query_where(q, SEARCH_VISIBLE);
    if (with_kind && sq->kind)
        row_query_text(q, "si.kind = ?", sq->kind);
    if (sq->platform_key)
        row_query_int(q, "si.platform_key = ?", sq->platform_key);
    if (sq->alliance_key)
        row_query_int(q, "si.alliance_key = ?", sq->alliance_key);
    if (sq->depth >= 0)
        row_query_int(q, "p.depth = ?", sq->depth);
    if (sq->outcome)
        row_query_text(q, "si.outcome = ?", sq->outcome);
    if (sq->tag)
        /* One whole tag among the words of tags; % and _ in it are letters. */
        row_query_text(q, "lower(' ' || st.tags || ' ') LIKE ? ESCAPE '\\'",
                       listing_pattern(q->c->arena, arena_printf(q->c->arena, " %s ", sq->tag)));
    if (sq->from)
        row_query_text(q, "si.happened_on >= ?", sq->from);
    if (sq->to)
        row_query_text(q, "si.happened_on <= ?", sq->to);
}

/* kind_counts reads the counts per kind of the statement st (kind, count). */
static enum status kind_counts(struct ctx *c, struct db_stmt *st, const struct search_query *sq,
                               struct search_results *out)
{
    int rc;
    while ((rc = db_step(st)) == DB_ROW && out->kind_count < SEARCH_KINDS_MAX) {
        int64_t count = db_column_int(st, 1);
        out->kinds[out->kind_count] = row_text(c, st, 0);
        out->counts[out->kind_count++] = count;
        if (!sq->kind || strcmp(sq->kind, out->kinds[out->kind_count - 1]) == 0)
            out->total += count;
    }
    db_done(st);
    return rc < 0 ? row_status(c, rc) : STATUS_OK;
}

/* browse lists what the viewer may read with no text: newest first, every
 * item counted (the dates' order needs no ranking). */
static enum status browse(struct ctx *c, const struct dialect *d, const struct search_query *sq,
                          const struct listing *l, struct search_results *out)
{
    struct row_query where;
    row_query_init(&where, c, true);
    filters(&where, sq, true);
    const char *conditions = *where.where ? where.where + 7 /* " WHERE " */ : "1 = 1";
    char *sql =
        arena_printf(c->arena,
                     ROW_VIEWER "SELECT si.kind, si.item_id, " SEARCH_TITLE ", %s, p.id, p.name, "
                                "a.name, si.happened_on, si.outcome %s WHERE %s ORDER BY "
                                "si.happened_on DESC, si.key DESC LIMIT ? OFFSET ?",
                     d->snippet_browse, d->from_browse, conditions);
    struct db_stmt *st = db_prepare(c->db, sql);
    int n = row_query_bind(&where, st);
    int64_t limit = row_limit(l);
    db_bind_int(st, n++, limit);
    db_bind_int(st, n, l->offset);
    enum status s = row_all(c, st, limit, sizeof *out->hits, hit_row, &out->hits, &out->count);
    if (s != STATUS_OK)
        return s;
    struct row_query counts;
    row_query_init(&counts, c, true);
    filters(&counts, sq, false);
    conditions = *counts.where ? counts.where + 7 : "1 = 1";
    st = db_prepare(c->db, arena_printf(c->arena,
                                        ROW_VIEWER "SELECT si.kind, count(*) %s WHERE %s "
                                                   "GROUP BY si.kind ORDER BY si.kind",
                                        d->from_browse, conditions));
    row_query_bind(&counts, st);
    return kind_counts(c, st, sq, out);
}

/* snippets fills the snippet of each hit whose snippet the viewer may read
 * (SEARCH_SNIPPET), one short query each: only the page's hits pay for one. */
static enum status snippets(struct ctx *c, const struct dialect *d, const char *text,
                            struct ranked_hit *hits, int count)
{
    for (int i = 0; i < count; i++) {
        hits[i].hit.snippet = "";
        if (!hits[i].snippet_allowed)
            continue;
        struct db_stmt *st = db_prepare(c->db, d->snippet);
        db_bind_text(st, 1, text);
        db_bind_int(st, 2, hits[i].key);
        int rc = db_step(st);
        if (rc == DB_ROW)
            hits[i].hit.snippet = row_text(c, st, 0);
        db_done(st);
        if (rc < 0)
            return row_status(c, rc);
    }
    return STATUS_OK;
}

/* The candidates of a text search: the newest `cap` matches the viewer may
 * read (the last put in the index), with their rank when scored (counting
 * needs none). Parameters: the rank's text (PostgreSQL, when scored), the
 * match's text, the filters', the cap. */
static char *candidates(struct ctx *c, const struct dialect *d, const struct row_query *where,
                        bool scored)
{
    return arena_printf(
        c->arena, "SELECT si.key AS hit, si.kind AS kind%s%s%s %s%s%s ORDER BY %s LIMIT ?",
        scored ? ", " : "", scored ? d->score : "", scored ? " AS score" : "", d->from_text,
        *where->where ? " AND " : "", *where->where ? where->where + 7 : "", d->newest);
}

enum status store_search_run(struct ctx *c, const struct search_query *sq,
                             const struct search_terms *terms, const struct listing *l,
                             struct search_results *out)
{
    bool pg = db_dialect_postgres(c->db);
    const struct dialect *d = pg ? &postgres_dialect : &sqlite_dialect;
    const char *text = pg ? terms->tsquery : terms->fts5;
    memset(out, 0, sizeof *out);
    if (!text)
        return browse(c, d, sq, l, out);

    /* The page: the candidates ranked, best first. Ranking every match of a
     * word found in most items takes seconds in a large installation; the
     * newest terms->cap candidates take milliseconds, and a query that
     * matches fewer is ranked whole. */
    struct row_query where;
    row_query_init(&where, c, true);
    filters(&where, sq, true);
    char *sql = arena_printf(
        c->arena,
        ROW_VIEWER ", ranked AS (%s), page AS (SELECT hit, score, count(*) OVER () AS total%s "
                   "FROM ranked ORDER BY score, hit LIMIT ? OFFSET ?) SELECT si.kind, "
                   "si.item_id, " SEARCH_TITLE
                   ", CASE WHEN si.kind NOT IN ('document', 'event') OR " ROW_EXPAND(
                       ROW_ITEM_ATTRIBUTED,
                       SEARCH_ITEM) " THEN 1 ELSE 0 END, p.id, p.name, a.name, si.happened_on, "
                                    "si.outcome, si.key, r.total%s FROM page r JOIN search_item "
                                    "si ON si.key = r.hit JOIN platform p ON p.key = "
                                    "si.platform_key JOIN alliance a ON a.key = si.alliance_key "
                                    "ORDER BY r.score, r.hit",
        candidates(c, d, &where, true), per_kind_windows(c), per_kind_columns(c));
    struct db_stmt *st = db_prepare(c->db, sql);
    row_viewer_bind(c, st);
    int n = 3;
    if (pg)
        db_bind_text(st, n++, text); /* ts_rank */
    db_bind_text(st, n++, text);     /* the match */
    n = row_query_bind_at(&where, st, n);
    db_bind_int(st, n++, terms->cap);
    int64_t limit = row_limit(l);
    db_bind_int(st, n++, limit);
    db_bind_int(st, n, l->offset);
    struct ranked_hit *hits;
    enum status s = row_all(c, st, limit, sizeof *hits, ranked_row, (void **)&hits, &out->count);
    if (s == STATUS_OK)
        s = snippets(c, d, text, hits, out->count);
    if (s != STATUS_OK)
        return s;
    out->hits = arena_array(c->arena, (size_t)out->count + 1, sizeof *out->hits);
    for (int i = 0; i < out->count; i++)
        out->hits[i] = hits[i].hit;
    if (out->count > 0)
        out->total = hits[0].candidates;
    out->more = out->total >= terms->cap;

    /* The counts per kind, with every filter but the kind: with no kind
     * asked, the page's candidates are those and their counts came with it. */
    if (!sq->kind && out->count > 0) {
        for (int k = 0; k < SEARCH_KIND_COUNT; k++)
            if (hits[0].per_kind[k] > 0) {
                out->kinds[out->kind_count] = search_kinds[k];
                out->counts[out->kind_count++] = hits[0].per_kind[k];
            }
        out->counts_more = out->more;
        return STATUS_OK;
    }
    /* Otherwise the counts of the candidates of every kind (the newest as
     * many), with every filter but the kind. */
    struct row_query counts;
    row_query_init(&counts, c, true);
    filters(&counts, sq, false);
    sql = arena_printf(c->arena,
                       ROW_VIEWER ", ranked AS (%s) SELECT kind, count(*) FROM ranked "
                                  "GROUP BY kind ORDER BY kind",
                       candidates(c, d, &counts, false));
    st = db_prepare(c->db, sql);
    row_viewer_bind(c, st);
    n = 3;
    db_bind_text(st, n++, text);
    n = row_query_bind_at(&counts, st, n);
    db_bind_int(st, n, terms->cap);
    int64_t total = out->total;
    out->total = 0;
    s = kind_counts(c, st, sq, out);
    if (s != STATUS_OK)
        return s;
    int64_t all = 0;
    for (int i = 0; i < out->kind_count; i++)
        all += out->counts[i];
    out->counts_more = all >= terms->cap;
    if (out->count > 0) /* the page's own; otherwise what the counts found */
        out->total = total;
    out->more = out->total >= terms->cap;
    return STATUS_OK;
}
