/*
 * store/feed.c — see store/feed.h. The items come from the search index,
 * which keeps every knowledge item with the facts visibility needs (row.h's
 * rule applies inside the query, as for search), joined to each kind's own
 * table for its times and the text a summary is cut from.
 */
#include "store/feed.h"

#include "core/arena.h"
#include "core/id.h"
#include "store/row.h"
#include "store/store.h"

#ifdef ROW_ITEM_ATTRIBUTED
/* With shares (row.h): an item is also read through a share to the viewer's
 * platform, and its author is named only where the viewer may know who wrote
 * it (not through shares without attribution alone). */
#define FEED_ITEM                                                                                  \
    "si.kind", "si.item_key", "si.visibility", "si.platform_key", "si.alliance_key",               \
        "si.published", "si.author_key"
#define FEED_VISIBLE      ROW_EXPAND(ROW_VISIBLE_ITEM, FEED_ITEM)
#define FEED_AUTHOR_KNOWN ROW_EXPAND(ROW_ITEM_ATTRIBUTED, FEED_ITEM) " AND "
#else
#define FEED_VISIBLE                                                                               \
    ROW_VISIBLE_ITEM("si.visibility", "si.platform_key", "si.alliance_key", "si.published",        \
                     "si.author_key")
#define FEED_AUTHOR_KNOWN ""
#endif

/* The author's name, where the viewer may read the person. */
#define FEED_AUTHOR                                                                                \
    "CASE WHEN " FEED_AUTHOR_KNOWN ROW_VISIBLE_PERSON_KEY("pe.key") " THEN pe.name END"

/* The kinds of the index a feed carries: those with a time of publication
 * and a summary below (learning questions, cycles and discussions are read
 * on their pages and in search). */
#define FEED_KINDS "('lesson', 'entry', 'document', 'enquiry', 'event')"

/* Each kind's own table, at most one of which joins a row of the index. The
 * summary is cut from the item's main text: a lesson's lesson, an entry's
 * body, a document's description, an enquiry's answer (its question is the
 * title), an event's minutes (its agenda until it has minutes). A published
 * item has its first publication time; an answered enquiry its answer's. */
#define FEED_SELECT                                                                                \
    ROW_VIEWER                                                                                     \
    "SELECT si.kind, si.item_id, si.title, "                                                       \
    "substr(coalesce(l.lesson, e.body, d.description, q.answer, CASE WHEN ev.minutes <> '' THEN "  \
    "ev.minutes ELSE ev.agenda END, ''), 1, 1200), "                                               \
    "p.id, p.name, a.slug, a.name, " FEED_AUTHOR ", "                                              \
    "si.happened_on, "                                                                             \
    "coalesce(l.published_at, e.published_at, d.published_at, q.answered_at, ev.published_at, "    \
    "l.updated_at, e.updated_at, d.updated_at, q.updated_at, ev.updated_at) AS item_published, "   \
    "coalesce(l.updated_at, e.updated_at, d.updated_at, q.updated_at, ev.updated_at) AS "          \
    "item_updated "                                                                                \
    "FROM search_item si JOIN platform p ON p.key = si.platform_key "                              \
    "JOIN alliance a ON a.key = si.alliance_key "                                                  \
    "LEFT JOIN lesson l ON si.kind = 'lesson' AND l.key = si.item_key "                            \
    "LEFT JOIN entry e ON si.kind = 'entry' AND e.key = si.item_key "                              \
    "LEFT JOIN document d ON si.kind = 'document' AND d.key = si.item_key "                        \
    "LEFT JOIN enquiry q ON si.kind = 'enquiry' AND q.key = si.item_key "                          \
    "LEFT JOIN event ev ON si.kind = 'event' AND ev.key = si.item_key "                            \
    "LEFT JOIN person pe ON pe.key = si.author_key "                                               \
    "WHERE si.published = 1 AND si.kind IN " FEED_KINDS " AND " FEED_VISIBLE " "

#define FEED_ORDER "ORDER BY item_published DESC, si.happened_on DESC, si.key DESC LIMIT ?"

static void item_row(struct ctx *c, struct db_stmt *st, void *record)
{
    struct feed_item *it = record;
    it->kind = row_text(c, st, 0);
    it->id = row_text(c, st, 1);
    it->title = row_text(c, st, 2);
    it->summary = row_text(c, st, 3);
    it->platform_id = row_text(c, st, 4);
    it->platform_name = row_text(c, st, 5);
    it->alliance_slug = row_text(c, st, 6);
    it->alliance_name = row_text(c, st, 7);
    it->author_name = row_text_or_null(c, st, 8);
    it->happened_on = row_text(c, st, 9);
    it->published_at = row_text(c, st, 10);
    it->updated_at = row_text(c, st, 11);
}

enum status store_feed_items(struct ctx *c, int64_t platform_key, int64_t limit, struct feed *out)
{
    struct db_stmt *st =
        db_prepare(c->db, platform_key ? FEED_SELECT "AND si.platform_key = ? " FEED_ORDER
                                       : FEED_SELECT FEED_ORDER);
    row_viewer_bind(c, st);
    int n = 3;
    if (platform_key)
        db_bind_int(st, n++, platform_key);
    db_bind_int(st, n, limit);
    return row_all(c, st, limit, sizeof *out->items, item_row, &out->items, &out->count);
}

#define TOKEN_COLUMNS                                                                              \
    "t.key, t.id, t.account_key, t.platform_key, p.id, t.created_at, t.used_at, t.revoked_at "     \
    "FROM feed_token t LEFT JOIN platform p ON p.key = t.platform_key "

static void token_row(struct ctx *c, struct db_stmt *st, void *record)
{
    struct feed_token *t = record;
    t->key = db_column_int(st, 0);
    t->id = row_text(c, st, 1);
    t->account_key = db_column_int(st, 2);
    t->platform_key = db_column_is_null(st, 3) ? 0 : db_column_int(st, 3);
    t->platform_id = row_text_or_null(c, st, 4);
    t->created_at = row_text(c, st, 5);
    t->used_at = row_text_or_null(c, st, 6);
    t->revoked_at = row_text_or_null(c, st, 7);
}

enum status store_feed_token_insert(struct ctx *c, struct feed_token *t, const char *hash)
{
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    struct db_stmt *st =
        db_prepare(c->db, "INSERT INTO feed_token (id, account_key, platform_key, token_hash, "
                          "created_at) VALUES (?, ?, ?, ?, ?) RETURNING key");
    db_bind_text(st, 1, id);
    db_bind_int(st, 2, t->account_key);
    db_bind_key(st, 3, t->platform_key);
    db_bind_text(st, 4, hash);
    db_bind_text(st, 5, now);
    enum status s = row_insert(c, st, &t->key);
    if (s != STATUS_OK)
        return s;
    t->id = arena_strdup(c->arena, id);
    t->created_at = arena_strdup(c->arena, now);
    return STATUS_OK;
}

enum status store_feed_token_list(struct ctx *c, int64_t account_key, struct feed_token_list *out)
{
    /* A person makes a few; a thousand is more than a page can show. */
    struct db_stmt *st = db_prepare(c->db, "SELECT " TOKEN_COLUMNS "WHERE t.account_key = ? "
                                           "ORDER BY t.key DESC LIMIT 1000");
    db_bind_int(st, 1, account_key);
    return row_all(c, st, 1000, sizeof *out->items, token_row, &out->items, &out->count);
}

enum status store_feed_token_get(struct ctx *c, int64_t account_key, const char *id,
                                 struct feed_token **out)
{
    struct db_stmt *st =
        db_prepare(c->db, "SELECT " TOKEN_COLUMNS "WHERE t.id = ? AND t.account_key = ?");
    db_bind_text(st, 1, id);
    db_bind_int(st, 2, account_key);
    return row_one(c, st, sizeof(struct feed_token), token_row, out);
}

enum status store_feed_token_revoke(struct ctx *c, int64_t account_key, const char *id)
{
    char now[32];
    row_now(now);
    struct db_stmt *st = db_prepare(c->db, "UPDATE feed_token SET revoked_at = ? WHERE id = ? "
                                           "AND account_key = ? AND revoked_at IS NULL");
    db_bind_text(st, 1, now);
    db_bind_text(st, 2, id);
    db_bind_int(st, 3, account_key);
    int rc = db_step(st);
    db_done(st);
    if (rc == DB_DONE && db_changes(c->db) == 0)
        return STATUS_NOT_FOUND;
    return row_status(c, rc);
}

enum status store_feed_token_by_hash(struct ctx *c, const char *hash, struct feed_token **out)
{
    struct db_stmt *st = db_prepare(c->db, "SELECT " TOKEN_COLUMNS
                                           "WHERE t.token_hash = ? AND t.revoked_at IS NULL");
    db_bind_text(st, 1, hash);
    return row_one(c, st, sizeof(struct feed_token), token_row, out);
}

enum status store_feed_token_touch(struct ctx *c, int64_t key, const char *used_at)
{
    struct db_stmt *st = db_prepare(c->db, "UPDATE feed_token SET used_at = ? WHERE key = ?");
    db_bind_text(st, 1, used_at);
    db_bind_int(st, 2, key);
    return row_write(c, st);
}
