/*
 * store/share.c — shares of knowledge items between platforms (share.h).
 * Reads join the item's facts in the search index (kind, key, title,
 * visibility), so that who may see a share follows who may read its item
 * (row.h), and they leave out, in the row itself, who shared it where the
 * reader may not know the item's author.
 */
#include "domain/share.h"
#include "core/arena.h"
#include "core/id.h"
#include "core/str.h"
#include "store/item.h"
#include "store/row.h"
#include "store/store.h"

#include <string.h>

/* What flow figures count (flow.h): the shares the viewer may see, and
 * besides them every share of an item the viewer may read by its own rule of
 * levels (not through a share: that would count the journey of an item sent
 * to them alone) between platforms of alliances the viewer may read. So a
 * signed-out reader of a public alliance counts the shares of its public
 * items, and a count tells nobody of an item, a platform or an alliance they
 * may not read. */
#define SHARE_ITEM_OWN                                                                             \
    ROW_ITEM_OWN("si.visibility", "si.platform_key", "si.alliance_key", "si.published",            \
                 "si.author_key")
#define SHARE_TO_READABLE   ROW_VISIBLE_ALLIANCE_KEY("tp.alliance_key")
#define SHARE_FROM_READABLE ROW_VISIBLE_ALLIANCE_KEY("fp.alliance_key")
#define SHARE_COUNTED                                                                              \
    "(" SHARE_VISIBLE " OR (" SHARE_ITEM_OWN " AND " SHARE_TO_READABLE " AND " SHARE_FROM_READABLE \
    "))"

/* The shares that may pass SHARE_VISIBLE for a viewer who is not an
 * administrator: every way through it asks that the viewer be a member of the
 * receiving, the sending or the item's platform. Added beside it for such a
 * viewer, it changes no answer, but lets the engine start from the viewer's
 * platforms (three indexes) instead of reading every share: before, a list of
 * shares read all of them (10,000 at a million records: 270 ms signed out, for
 * an empty answer). */
#define SHARE_CANDIDATES                                                                           \
    "sh.key IN (SELECT cs.key FROM share cs WHERE cs.to_platform_key IN (SELECT key FROM "         \
    "viewer_platform) UNION ALL SELECT cs.key FROM share cs WHERE cs.from_platform_key IN "        \
    "(SELECT key FROM viewer_platform) UNION ALL SELECT cs.key FROM search_item ci JOIN share cs " \
    "ON cs.kind = ci.kind AND cs.item_key = ci.item_key AND cs.item_id = ci.item_id WHERE "        \
    "ci.platform_key IN (SELECT key FROM viewer_platform))"

/* The people: who shared and withdrew it only where the reader may know the
 * item's author (one of them may be the author); every one only where the
 * reader may read them. */
#define SHARE_PERSON(alias, column, named)                                                         \
    "LEFT JOIN person " alias " ON " alias ".key = sh." column " AND " ROW_VISIBLE_PERSON(alias)   \
        named " "

#define SHARE_COLUMNS                                                                              \
    "sh.key, sh.id, sh.kind, sh.item_key, sh.item_id, si.title, si.platform_key, ip.id, ip.name, " \
    "sh.from_platform_key, fp.id, fp.name, coalesce(fl.label, ''), fa.slug, fa.name, fa.key, "     \
    "sh.to_platform_key, tp.id, tp.name, coalesce(tl.label, ''), ta.slug, ta.name, ta.key, "       \
    "sh.direction, sh.message, sh.attributed, sb.id, sb.name, sh.shared_at, sh.withdrawn_at, "     \
    "wb.id, wb.name, sh.response, sh.response_note, sh.response_link, rb.id, rb.name, "            \
    "sh.responded_at, fp.depth, tp.depth "

#define SHARE_FROM                                                                                 \
    "FROM share sh JOIN search_item si ON si.kind = sh.kind AND si.item_key = sh.item_key "        \
    "AND si.item_id = sh.item_id "                                                                 \
    "JOIN platform ip ON ip.key = si.platform_key "                                                \
    "JOIN platform fp ON fp.key = sh.from_platform_key "                                           \
    "JOIN alliance fa ON fa.key = fp.alliance_key "                                                \
    "LEFT JOIN alliance_level fl ON fl.alliance_key = fp.alliance_key AND fl.depth = fp.depth "    \
    "JOIN platform tp ON tp.key = sh.to_platform_key "                                             \
    "JOIN alliance ta ON ta.key = tp.alliance_key "                                                \
    "LEFT JOIN alliance_level tl ON tl.alliance_key = tp.alliance_key AND tl.depth = tp.depth "

#define SHARE_PEOPLE                                                                               \
    SHARE_PERSON("sb", "shared_by_key", " AND " SHARE_ITEM_ATTRIBUTED)                             \
    SHARE_PERSON("wb", "withdrawn_by_key", " AND " SHARE_ITEM_ATTRIBUTED)                          \
    SHARE_PERSON("rb", "responded_by_key", "")

static void share_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct share *sh = item;
    sh->key = db_column_int(st, 0);
    sh->id = row_text(c, st, 1);
    sh->kind = row_text(c, st, 2);
    sh->item_key = db_column_int(st, 3);
    sh->item_id = row_text(c, st, 4);
    sh->item_title = row_text(c, st, 5);
    sh->item_platform_key = db_column_int(st, 6);
    sh->item_platform_id = row_text(c, st, 7);
    sh->item_platform_name = row_text(c, st, 8);
    sh->from_key = db_column_int(st, 9);
    sh->from_id = row_text(c, st, 10);
    sh->from_name = row_text(c, st, 11);
    sh->from_level = row_text(c, st, 12);
    sh->from_alliance_slug = row_text(c, st, 13);
    sh->from_alliance_name = row_text(c, st, 14);
    sh->from_alliance_key = db_column_int(st, 15);
    sh->to_key = db_column_int(st, 16);
    sh->to_id = row_text(c, st, 17);
    sh->to_name = row_text(c, st, 18);
    sh->to_level = row_text(c, st, 19);
    sh->to_alliance_slug = row_text(c, st, 20);
    sh->to_alliance_name = row_text(c, st, 21);
    sh->to_alliance_key = db_column_int(st, 22);
    sh->direction = row_text(c, st, 23);
    sh->message = row_text(c, st, 24);
    sh->attributed = db_column_int(st, 25) != 0;
    sh->shared_by_id = row_text_or_null(c, st, 26);
    sh->shared_by_name = row_text_or_null(c, st, 27);
    sh->shared_at = row_text(c, st, 28);
    sh->withdrawn_at = row_text_or_null(c, st, 29);
    sh->withdrawn_by_id = row_text_or_null(c, st, 30);
    sh->withdrawn_by_name = row_text_or_null(c, st, 31);
    sh->response = row_text_or_null(c, st, 32);
    sh->response_note = row_text(c, st, 33);
    sh->response_link = row_text(c, st, 34);
    sh->responded_by_id = row_text_or_null(c, st, 35);
    sh->responded_by_name = row_text_or_null(c, st, 36);
    sh->responded_at = row_text_or_null(c, st, 37);
    sh->from_depth = (int)db_column_int(st, 38);
    sh->to_depth = (int)db_column_int(st, 39);
}

enum status store_share_get(struct ctx *c, const char *id, struct share **out)
{
    struct db_stmt *st =
        db_prepare(c->db, ROW_VIEWER "SELECT " SHARE_COLUMNS SHARE_FROM SHARE_PEOPLE
                                     "WHERE sh.id = ? AND " SHARE_VISIBLE);
    row_viewer_bind(c, st);
    db_bind_text(st, 3, id);
    return row_one(c, st, sizeof(struct share), share_row, out);
}

static const struct row_sort share_sorts[] = {
    {"date", "sh.shared_at DESC, sh.key DESC", "sh.shared_at, sh.key"},
    {"title", "lower(si.title), sh.key", "lower(si.title) DESC, sh.key DESC"},
    {NULL, NULL, NULL},
};

/* share_where adds the filter's conditions to q; cutoff is the instant
 * before which a waiting share is flagged. */
static void share_where(struct row_query *q, const struct share_filter *f, const char *cutoff)
{
    row_query_where(q, SHARE_VISIBLE);
    if (!q->c->viewer->admin)
        row_query_where(q, SHARE_CANDIDATES);
    if (f->to_key)
        row_query_int(q, "sh.to_platform_key = ?", f->to_key);
    if (f->from_key)
        row_query_int(q, "sh.from_platform_key = ?", f->from_key);
    if (f->kind)
        row_query_text(q, "sh.kind = ?", f->kind);
    if (f->item_key)
        row_query_int(q, "sh.item_key = ?", f->item_key);
    if (f->direction)
        row_query_text(q, "sh.direction = ?", f->direction);
    if (str_eq(f->state, "waiting"))
        row_query_where(q, "sh.response IS NULL AND sh.withdrawn_at IS NULL");
    else if (str_eq(f->state, "responded"))
        row_query_where(q, "sh.response IS NOT NULL");
    else if (str_eq(f->state, "withdrawn"))
        row_query_where(q, "sh.withdrawn_at IS NOT NULL");
    else if (f->state)
        row_query_text(q, "sh.response = ?", f->state);
    if (f->standing)
        row_query_where(q, "sh.withdrawn_at IS NULL");
    if (f->flagged)
        row_query_text(q, "sh.response IS NULL AND sh.withdrawn_at IS NULL AND sh.shared_at < ?",
                       cutoff);
}

enum status store_share_list(struct ctx *c, const struct share_filter *f, const char *cutoff,
                             const struct listing *l, struct share_list *out)
{
    struct row_query q;
    row_query_init(&q, c, true);
    share_where(&q, f, cutoff);
    int64_t limit;
    struct db_stmt *st = row_query_page(&q, "SELECT " SHARE_COLUMNS SHARE_FROM SHARE_PEOPLE,
                                        "sh.id", row_order(share_sorts, l), l, &limit);
    enum status s = row_all(c, st, limit, sizeof *out->items, share_row, &out->items, &out->count);
    if (s != STATUS_OK)
        return s;
    out->total = row_query_count(&q, SHARE_FROM);
    return STATUS_OK;
}

int64_t store_share_count(struct ctx *c, const struct share_filter *f, const char *cutoff)
{
    struct row_query q;
    row_query_init(&q, c, true);
    share_where(&q, f, cutoff);
    return row_query_count(&q, SHARE_FROM);
}

enum status store_share_by_key(struct ctx *c, int64_t key, struct share **out)
{
    struct db_stmt *st = db_prepare(
        c->db, ROW_VIEWER "SELECT " SHARE_COLUMNS SHARE_FROM SHARE_PEOPLE "WHERE sh.key = ?");
    row_viewer_bind(c, st);
    db_bind_int(st, 3, key);
    return row_one(c, st, sizeof(struct share), share_row, out);
}

enum status store_share_onward(struct ctx *c, const char *kind, int64_t item_key, int64_t from_key,
                               struct share_list *out)
{
    struct db_stmt *st =
        db_prepare(c->db, ROW_VIEWER "SELECT " SHARE_COLUMNS SHARE_FROM SHARE_PEOPLE
                                     "WHERE sh.kind = ? AND sh.item_key = ? AND "
                                     "sh.from_platform_key = ? AND sh.withdrawn_at IS NULL "
                                     "ORDER BY sh.key");
    row_viewer_bind(c, st);
    db_bind_text(st, 3, kind);
    db_bind_int(st, 4, item_key);
    db_bind_int(st, 5, from_key);
    out->total = 0;
    enum status s =
        row_all(c, st, LISTING_MAX_LIMIT, sizeof *out->items, share_row, &out->items, &out->count);
    out->total = out->count;
    return s;
}

int64_t store_share_holding(struct ctx *c, const char *kind, int64_t item_key, int64_t platform_key,
                            bool named)
{
    struct db_stmt *st =
        db_prepare(c->db, named ? "SELECT count(*) FROM share WHERE kind = ? AND item_key = ? AND "
                                  "to_platform_key = ? AND withdrawn_at IS NULL AND attributed = 1"
                                : "SELECT count(*) FROM share WHERE kind = ? AND item_key = ? AND "
                                  "to_platform_key = ? AND withdrawn_at IS NULL");
    db_bind_text(st, 1, kind);
    db_bind_int(st, 2, item_key);
    db_bind_int(st, 3, platform_key);
    return row_count(st);
}

enum status store_share_holders(struct ctx *c, const char *kind, int64_t item_key, int64_t **keys,
                                char ***ids, int *count)
{
    struct db_stmt *st = db_prepare(
        c->db, "SELECT p.key, p.id FROM platform p WHERE p.key IN (SELECT to_platform_key FROM "
               "share WHERE kind = ? AND item_key = ? AND withdrawn_at IS NULL) ORDER BY p.key");
    db_bind_text(st, 1, kind);
    db_bind_int(st, 2, item_key);
    *keys = arena_array(c->arena, SHARE_TARGETS_MAX, sizeof **keys);
    *ids = arena_array(c->arena, SHARE_TARGETS_MAX, sizeof **ids);
    *count = 0;
    int rc = DB_DONE;
    while (*count < SHARE_TARGETS_MAX && (rc = db_step(st)) == DB_ROW) {
        (*keys)[*count] = db_column_int(st, 0);
        (*ids)[(*count)++] = row_text(c, st, 1);
    }
    db_done(st);
    return rc < 0 ? row_status(c, rc) : STATUS_OK;
}

enum status store_share_insert(struct ctx *c, struct share *sh, int64_t shared_by_key)
{
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    struct db_stmt *st = db_prepare(
        c->db, "INSERT INTO share (id, kind, item_key, item_id, from_platform_key, "
               "to_platform_key, direction, message, attributed, shared_by_key, shared_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING key");
    db_bind_text(st, 1, id);
    db_bind_text(st, 2, sh->kind);
    db_bind_int(st, 3, sh->item_key);
    db_bind_text(st, 4, sh->item_id);
    db_bind_int(st, 5, sh->from_key);
    db_bind_int(st, 6, sh->to_key);
    db_bind_text(st, 7, sh->direction);
    db_bind_text(st, 8, sh->message);
    db_bind_int(st, 9, sh->attributed ? 1 : 0);
    db_bind_key(st, 10, shared_by_key);
    db_bind_text(st, 11, now);
    enum status s = row_insert(c, st, &sh->key);
    if (s != STATUS_OK)
        return s;
    sh->id = arena_strdup(c->arena, id);
    sh->shared_at = arena_strdup(c->arena, now);
    return STATUS_OK;
}

enum status store_share_respond(struct ctx *c, struct share *sh, int64_t responded_by_key)
{
    char now[32];
    row_now(now);
    struct db_stmt *st =
        db_prepare(c->db, "UPDATE share SET response = ?, response_note = ?, response_link = ?, "
                          "responded_by_key = ?, responded_at = ? WHERE key = ?");
    db_bind_text(st, 1, sh->response);
    db_bind_text(st, 2, sh->response_note);
    db_bind_text(st, 3, sh->response_link);
    db_bind_key(st, 4, responded_by_key);
    db_bind_text(st, 5, now);
    db_bind_int(st, 6, sh->key);
    enum status s = row_write(c, st);
    if (s == STATUS_OK)
        sh->responded_at = arena_strdup(c->arena, now);
    return s;
}

enum status store_share_withdraw(struct ctx *c, struct share *sh, int64_t withdrawn_by_key)
{
    char now[32];
    row_now(now);
    struct db_stmt *st = db_prepare(c->db, "UPDATE share SET withdrawn_at = ?, withdrawn_by_key = "
                                           "? WHERE key = ? AND withdrawn_at IS NULL");
    db_bind_text(st, 1, now);
    db_bind_key(st, 2, withdrawn_by_key);
    db_bind_int(st, 3, sh->key);
    enum status s = row_write(c, st);
    if (s == STATUS_OK)
        sh->withdrawn_at = arena_strdup(c->arena, now);
    return s;
}

enum status store_share_withdraw_item(struct ctx *c, const char *kind, int64_t item_key,
                                      int64_t withdrawn_by_key)
{
    char now[32];
    row_now(now);
    struct db_stmt *st = db_prepare(c->db, "UPDATE share SET withdrawn_at = ?, withdrawn_by_key = "
                                           "? WHERE kind = ? AND item_key = ? AND "
                                           "withdrawn_at IS NULL");
    db_bind_text(st, 1, now);
    db_bind_key(st, 2, withdrawn_by_key);
    db_bind_text(st, 3, kind);
    db_bind_int(st, 4, item_key);
    return row_write(c, st);
}

enum status store_share_backdate(struct ctx *c, int64_t key, const char *shared_at,
                                 const char *responded_at)
{
    struct db_stmt *st = db_prepare(
        c->db, "UPDATE share SET shared_at = ?, responded_at = CASE WHEN response IS NULL THEN "
               "NULL ELSE ? END WHERE key = ?");
    db_bind_text(st, 1, shared_at);
    db_bind_text(st, 2, responded_at ? responded_at : shared_at);
    db_bind_int(st, 3, key);
    return row_write(c, st);
}

enum status store_share_platform_delete(struct ctx *c, int64_t platform_key)
{
    enum status s = row_tombstones(
        c, "share", "SELECT id FROM share WHERE ? IN (from_platform_key, to_platform_key)",
        platform_key);
    if (s == STATUS_OK)
        s = row_exec_key(c, "DELETE FROM share WHERE ? IN (from_platform_key, to_platform_key)",
                         platform_key);
    return s;
}

enum status store_share_flows(struct ctx *c, int64_t alliance_key, int64_t platform_key,
                              const char *since, struct flow_share **out, int *count)
{
    struct db_stmt *st = db_prepare(
        c->db, platform_key
                   ? ROW_VIEWER "SELECT sh.direction, sh.from_platform_key, sh.to_platform_key, "
                                "fp.alliance_key, tp.alliance_key, sh.shared_at, "
                                "sh.responded_at, sh.response, CASE WHEN sh.withdrawn_at IS "
                                "NULL THEN 0 ELSE 1 END " SHARE_FROM
                                "WHERE sh.shared_at >= ? AND ? IN (sh.from_platform_key, "
                                "sh.to_platform_key) AND " SHARE_COUNTED " ORDER BY sh.key"
                   : ROW_VIEWER "SELECT sh.direction, sh.from_platform_key, sh.to_platform_key, "
                                "fp.alliance_key, tp.alliance_key, sh.shared_at, "
                                "sh.responded_at, sh.response, CASE WHEN sh.withdrawn_at IS "
                                "NULL THEN 0 ELSE 1 END " SHARE_FROM
                                "WHERE sh.shared_at >= ? AND ? IN (fp.alliance_key, "
                                "tp.alliance_key) AND " SHARE_COUNTED " ORDER BY sh.key");
    row_viewer_bind(c, st);
    db_bind_text(st, 3, since);
    db_bind_int(st, 4, platform_key ? platform_key : alliance_key);
    *count = 0;
    int cap = 64, rc;
    *out = arena_array(c->arena, (size_t)cap, sizeof **out);
    while ((rc = db_step(st)) == DB_ROW) {
        if (*count == cap) {
            struct flow_share *more = arena_array(c->arena, (size_t)cap * 2, sizeof *more);
            memcpy(more, *out, (size_t)cap * sizeof *more);
            *out = more;
            cap *= 2;
        }
        struct flow_share *f = &(*out)[(*count)++];
        f->direction = row_text(c, st, 0);
        f->from_key = db_column_int(st, 1);
        f->to_key = db_column_int(st, 2);
        f->from_alliance_key = db_column_int(st, 3);
        f->to_alliance_key = db_column_int(st, 4);
        f->shared_at = row_text(c, st, 5);
        f->responded_at = row_text_or_null(c, st, 6);
        f->response = row_text_or_null(c, st, 7);
        f->withdrawn = db_column_int(st, 8) != 0;
    }
    db_done(st);
    return rc < 0 ? row_status(c, rc) : STATUS_OK;
}
