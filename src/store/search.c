/*
 * store/search.c — the search index. The one place whose SQL differs by
 * engine: FTS5 (MATCH, bm25, snippet) in SQLite; a tsvector (@@, ts_rank,
 * ts_headline) in PostgreSQL, with the text search configuration
 * alliance_search, which folds accents word by word (schema.c, 9). Both keep the facts visibility
 * needs in search_item, and the visibility rule (row.h) applies inside the
 * query, so hits, pages and counts are the viewer's own.
 */
#include "core/arena.h"
#include "store/row.h"
#include "store/store.h"

#include <string.h>

enum status store_search_forget(struct ctx *c, const char *kind, int64_t item_key)
{
    struct db_stmt *st;
    enum status s = STATUS_OK;
    if (!db_dialect_postgres(c->db)) { /* FTS5 rows go by hand; PostgreSQL cascades */
        st = db_prepare(c->db, "DELETE FROM search_text WHERE rowid IN (SELECT key FROM "
                               "search_item WHERE kind = ? AND item_key = ?)");
        db_bind_text(st, 1, kind);
        db_bind_int(st, 2, item_key);
        s = row_write(c, st);
    }
    if (s != STATUS_OK)
        return s;
    st = db_prepare(c->db, "DELETE FROM search_item WHERE kind = ? AND item_key = ?");
    db_bind_text(st, 1, kind);
    db_bind_int(st, 2, item_key);
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
    db_bind_text(st, 2, d->title);
    db_bind_text(st, 3, d->body ? d->body : "");
    db_bind_text(st, 4, d->tags ? d->tags : "");
    return row_write(c, st);
}

#define SEARCH_ITEM                                                                                \
    "si.kind", "si.item_key", "si.visibility", "si.platform_key", "si.alliance_key",               \
        "si.published", "si.author_key"
#define SEARCH_VISIBLE ROW_EXPAND(ROW_VISIBLE_ITEM, SEARCH_ITEM)

/* A document's text names its creator, publisher and contributor: a reader
 * who may not know the author (row.h ROW_ITEM_ATTRIBUTED) gets no snippet of
 * it. Lessons and entries keep no author in their text. */
#define SEARCH_SNIPPET(snippet)                                                                    \
    "CASE WHEN si.kind <> 'document' OR " ROW_EXPAND(ROW_ITEM_ATTRIBUTED,                          \
                                                     SEARCH_ITEM) " THEN " snippet " ELSE '' END"

/* The parts that differ by engine, each with the text query as a parameter
 * where it has one. */
struct dialect {
    const char *from_text;   /* FROM … WHERE <match> */
    const char *from_browse; /* FROM … with no text */
    const char *snippet_text;
    const char *snippet_browse;
    const char *rank;
};

static const struct dialect sqlite_dialect = {
    "FROM search_text st JOIN search_item si ON si.key = st.rowid "
    "JOIN platform p ON p.key = si.platform_key JOIN alliance a ON a.key = si.alliance_key "
    "WHERE search_text MATCH ?",
    "FROM search_item si JOIN search_text st ON st.rowid = si.key "
    "JOIN platform p ON p.key = si.platform_key JOIN alliance a ON a.key = si.alliance_key",
    SEARCH_SNIPPET("snippet(search_text, 1, '\x01', '\x02', ' … ', 24)"),
    SEARCH_SNIPPET("substr(st.body, 1, 240)"),
    "bm25(search_text, 8.0, 1.0, 4.0), si.key",
};

static const struct dialect postgres_dialect = {
    "FROM search_item si JOIN search_text st ON st.key = si.key "
    "JOIN platform p ON p.key = si.platform_key JOIN alliance a ON a.key = si.alliance_key "
    "WHERE st.document @@ to_tsquery('alliance_search', ?)",
    "FROM search_item si JOIN search_text st ON st.key = si.key "
    "JOIN platform p ON p.key = si.platform_key JOIN alliance a ON a.key = si.alliance_key",
    /* < as a space: PostgreSQL's parser would take text after an unclosed
     * <style> for markup and mark nothing in it (the document, cut by
     * alliance_words, finds it). */
    SEARCH_SNIPPET("ts_headline('alliance_search', translate(st.body, '<', ' '), "
                   "to_tsquery('alliance_search', ?), "
                   "'StartSel=\"\x01\", StopSel=\"\x02\", MaxWords=28, MinWords=10, "
                   "MaxFragments=2, FragmentDelimiter=\" … \"')"),
    SEARCH_SNIPPET("substr(st.body, 1, 240)"),
    "ts_rank(st.document, to_tsquery('alliance_search', ?)) DESC, si.key",
};

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

enum status store_search_run(struct ctx *c, const struct search_query *sq,
                             const struct search_terms *terms, const struct listing *l,
                             struct search_results *out)
{
    bool pg = db_dialect_postgres(c->db);
    const struct dialect *d = pg ? &postgres_dialect : &sqlite_dialect;
    const char *text = pg ? terms->tsquery : terms->fts5;
    memset(out, 0, sizeof *out);

    /* The page, built by hand: the text is a parameter of the snippet and the
     * rank (PostgreSQL) as well as of the match. Parameters: the viewer, the
     * snippet's text, the match's text, the filters, the rank's text, limit,
     * offset. */
    struct row_query where;
    row_query_init(&where, c, true);
    filters(&where, sq, true);
    const char *from = text ? d->from_text : d->from_browse;
    const char *conditions = *where.where ? where.where + 7 /* " WHERE " */ : "1 = 1";
    char *sql =
        arena_printf(c->arena,
                     ROW_VIEWER "SELECT si.kind, si.item_id, si.title, %s, p.id, p.name, a.name, "
                                "si.happened_on, si.outcome %s %s %s ORDER BY %s LIMIT ? OFFSET ?",
                     text ? d->snippet_text : d->snippet_browse, from, text ? "AND" : "WHERE",
                     conditions, text ? d->rank : "si.happened_on DESC, si.key DESC");
    struct db_stmt *st = db_prepare(c->db, sql);
    row_viewer_bind(c, st);
    int n = 3;
    if (text && pg)
        db_bind_text(st, n++, text); /* ts_headline */
    if (text)
        db_bind_text(st, n++, text); /* the match */
    n = row_query_bind_at(&where, st, n);
    if (text && pg)
        db_bind_text(st, n++, text); /* ts_rank */
    int64_t limit = row_limit(l);
    db_bind_int(st, n++, limit);
    db_bind_int(st, n, l->offset);
    enum status s = row_all(c, st, limit, sizeof *out->hits, hit_row, &out->hits, &out->count);
    if (s != STATUS_OK)
        return s;

    /* The counts per kind, with every filter but the kind. */
    struct row_query counts;
    row_query_init(&counts, c, true);
    filters(&counts, sq, false);
    conditions = *counts.where ? counts.where + 7 : "1 = 1";
    sql = arena_printf(c->arena,
                       ROW_VIEWER "SELECT si.kind, count(*) %s %s %s GROUP BY si.kind "
                                  "ORDER BY si.kind",
                       from, text ? "AND" : "WHERE", conditions);
    st = db_prepare(c->db, sql);
    row_viewer_bind(c, st);
    n = 3;
    if (text)
        db_bind_text(st, n++, text);
    row_query_bind_at(&counts, st, n);
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
