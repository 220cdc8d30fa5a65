/*
 * store/platform.c — platforms and the peer links between them.
 */
#include "core/arena.h"
#include "core/id.h"
#include "store/row.h"
#include "store/store.h"

/* The union of the members' capabilities, as a mask built with portable arithmetic. */
#define CAPABILITY_MASK(table)                                                                     \
    "coalesce(max(" table ".cap_implementation) + 2 * max(" table ".cap_regulation) + "            \
    "4 * max(" table ".cap_policy) + 8 * max(" table ".cap_research) + "                           \
    "16 * max(" table ".cap_documentation), 0)"

#define PLATFORM_COLUMNS                                                                           \
    "p.key, p.id, p.alliance_key, a.id, a.slug, a.name, p.depth, coalesce(l.label, ''), "          \
    "p.parent_key, pp.id, pp.name, p.name, p.place, p.description, p.created_at, p.updated_at, "   \
    "(SELECT count(*) FROM membership m WHERE m.platform_key = p.key), "                           \
    "(SELECT count(*) FROM platform ch WHERE ch.parent_key = p.key), "                             \
    "(SELECT " CAPABILITY_MASK("m") " FROM membership m WHERE m.platform_key = p.key), "           \
                                    "a.visibility "

#define PLATFORM_FROM                                                                              \
    "FROM platform p JOIN alliance a ON a.key = p.alliance_key "                                   \
    "LEFT JOIN alliance_level l ON l.alliance_key = p.alliance_key AND l.depth = p.depth "         \
    "LEFT JOIN platform pp ON pp.key = p.parent_key "

static void platform_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct platform *pl = item;
    pl->key = db_column_int(st, 0);
    pl->id = row_text(c, st, 1);
    pl->alliance_key = db_column_int(st, 2);
    pl->alliance_id = row_text(c, st, 3);
    pl->alliance_slug = row_text(c, st, 4);
    pl->alliance_name = row_text(c, st, 5);
    pl->depth = (int)db_column_int(st, 6);
    pl->level_label = row_text(c, st, 7);
    pl->parent_key = db_column_int(st, 8);
    pl->parent_id = row_text_or_null(c, st, 9);
    pl->parent_name = row_text_or_null(c, st, 10);
    pl->name = row_text(c, st, 11);
    pl->place = row_text(c, st, 12);
    pl->description = row_text(c, st, 13);
    pl->created_at = row_text(c, st, 14);
    pl->updated_at = row_text(c, st, 15);
    pl->member_count = db_column_int(st, 16);
    pl->child_count = db_column_int(st, 17);
    pl->capabilities = (unsigned)db_column_int(st, 18);
    pl->alliance_visibility = row_text(c, st, 19);
}

/* platform_rows reads every row of a stepped statement into out. */
static enum status platform_rows(struct ctx *c, struct db_stmt *st, int64_t limit,
                                 struct platform_list *out)
{
    return row_all(c, st, limit, sizeof *out->items, platform_row, &out->items, &out->count);
}

enum status store_platform_get(struct ctx *c, const char *id, struct platform **out)
{
    struct db_stmt *st =
        db_prepare(c->db, "SELECT " PLATFORM_COLUMNS PLATFORM_FROM "WHERE p.id = ?");
    db_bind_text(st, 1, id);
    return row_one(c, st, sizeof(struct platform), platform_row, out);
}

static const struct row_sort platform_sorts[] = {
    {"level", "p.depth, lower(p.name), p.key", "p.depth DESC, lower(p.name) DESC, p.key DESC"},
    {"name", "lower(p.name), p.key", "lower(p.name) DESC, p.key DESC"},
    {"place", "lower(p.place), p.key", "lower(p.place) DESC, p.key DESC"},
    {"members", "17, p.key", "17 DESC, p.key DESC"},
    {"alliance", "lower(a.name), p.depth, lower(p.name), p.key",
     "lower(a.name) DESC, p.depth DESC, lower(p.name) DESC, p.key DESC"},
    {"created", "p.created_at, p.key", "p.created_at DESC, p.key DESC"},
    {NULL, NULL, NULL},
};

enum status store_platform_list(struct ctx *c, const struct platform_filter *f,
                                const struct listing *l, struct platform_list *out)
{
    struct row_query q;
    row_query_init(&q, c, true);
    if (!row_viewer_sees_all(c))
        row_query_where(&q, ROW_VISIBLE_ALLIANCE("a"));
    if (f->alliance_key)
        row_query_int(&q, "p.alliance_key = ?", f->alliance_key);
    if (f->parent_key)
        row_query_int(&q, "p.parent_key = ?", f->parent_key);
    if (f->depth >= 0)
        row_query_int(&q, "p.depth = ?", f->depth);
    char *pattern = listing_pattern(c->arena, l->query);
    if (pattern)
        row_query_text(&q, "lower(p.name) LIKE ? ESCAPE '\\' OR lower(p.place) LIKE ? ESCAPE '\\'",
                       pattern);
    int64_t limit;
    struct db_stmt *st = row_query_page(&q, "SELECT " PLATFORM_COLUMNS PLATFORM_FROM, "p.id",
                                        row_order(platform_sorts, l), l, &limit);
    enum status s = platform_rows(c, st, limit, out);
    if (s == STATUS_OK)
        out->total =
            row_query_count(&q, "FROM platform p JOIN alliance a ON a.key = p.alliance_key");
    return s;
}

enum status store_platform_tree(struct ctx *c, int64_t alliance_key, int64_t limit,
                                struct platform_list *out)
{
    struct db_stmt *st =
        db_prepare(c->db, "SELECT " PLATFORM_COLUMNS PLATFORM_FROM "WHERE p.alliance_key = ? "
                          "ORDER BY p.depth, lower(p.name), p.key LIMIT ?");
    db_bind_int(st, 1, alliance_key);
    db_bind_int(st, 2, limit);
    enum status s = platform_rows(c, st, limit, out);
    if (s != STATUS_OK)
        return s;
    struct db_stmt *count =
        db_prepare(c->db, "SELECT count(*) FROM platform WHERE alliance_key = ?");
    db_bind_int(count, 1, alliance_key);
    out->total = row_count(count);
    return STATUS_OK;
}

enum status store_platform_insert(struct ctx *c, struct platform *pl)
{
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    struct db_stmt *st =
        db_prepare(c->db, "INSERT INTO platform (id, alliance_key, depth, parent_key, name, place, "
                          "description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                          "RETURNING key");
    db_bind_text(st, 1, id);
    db_bind_int(st, 2, pl->alliance_key);
    db_bind_int(st, 3, pl->depth);
    db_bind_key(st, 4, pl->parent_key);
    db_bind_text(st, 5, pl->name);
    db_bind_text(st, 6, pl->place);
    db_bind_text(st, 7, pl->description);
    db_bind_text(st, 8, now);
    db_bind_text(st, 9, now);
    enum status s = row_insert(c, st, &pl->key);
    if (s != STATUS_OK)
        return s;
    pl->id = arena_strdup(c->arena, id);
    pl->created_at = pl->updated_at = arena_strdup(c->arena, now);
    return STATUS_OK;
}

enum status store_platform_update(struct ctx *c, struct platform *pl)
{
    char now[32];
    row_now(now);
    struct db_stmt *st = db_prepare(c->db, "UPDATE platform SET depth = ?, parent_key = ?, "
                                           "name = ?, place = ?, description = ?, updated_at = ? "
                                           "WHERE key = ?");
    db_bind_int(st, 1, pl->depth);
    db_bind_key(st, 2, pl->parent_key);
    db_bind_text(st, 3, pl->name);
    db_bind_text(st, 4, pl->place);
    db_bind_text(st, 5, pl->description);
    db_bind_text(st, 6, now);
    db_bind_int(st, 7, pl->key);
    enum status s = row_write(c, st);
    if (s == STATUS_OK)
        pl->updated_at = arena_strdup(c->arena, now);
    return s;
}

enum status store_platform_delete(struct ctx *c, const struct platform *pl)
{
    enum status s = store_share_platform_delete(c, pl->key);
    if (s == STATUS_OK)
        s = store_application_platform_delete(c, pl->key);
    if (s == STATUS_OK)
        s = row_tombstones(c, "membership", "SELECT id FROM membership WHERE platform_key = ?",
                           pl->key);
    if (s == STATUS_OK)
        s = row_exec_key(c, "DELETE FROM membership WHERE platform_key = ?", pl->key);
    if (s == STATUS_OK)
        s = row_tombstones(c, "platform_link",
                           "SELECT id FROM platform_link WHERE ? IN (a_key, b_key)", pl->key);
    if (s == STATUS_OK)
        s = row_exec_key(c, "DELETE FROM platform_link WHERE ? IN (a_key, b_key)", pl->key);
    if (s == STATUS_OK)
        s = row_exec_key(c, "DELETE FROM platform WHERE key = ?", pl->key);
    if (s == STATUS_OK)
        s = store_tombstone(c, pl->id, "platform");
    return s;
}

int64_t store_platform_items(struct ctx *c, int64_t platform_key)
{
    struct db_stmt *st =
        db_prepare(c->db, "SELECT (SELECT count(*) FROM lesson WHERE platform_key = ?) + "
                          "(SELECT count(*) FROM entry WHERE platform_key = ?) + "
                          "(SELECT count(*) FROM enquiry WHERE platform_key = ?) + "
                          "(SELECT count(*) FROM document WHERE platform_key = ?) + "
                          "(SELECT count(*) FROM event_platform WHERE platform_key = ?) + "
                          "(SELECT count(*) FROM observation WHERE platform_key = ?) + "
                          "(SELECT count(*) FROM budget_line WHERE platform_key = ?) + "
                          "(SELECT count(*) FROM need WHERE platform_key = ?) + "
                          "(SELECT count(*) FROM discussion WHERE platform_key = ? AND "
                          "item_kind = 'platform') + "
                          "(SELECT count(*) FROM question_platform WHERE platform_key = ?) + "
                          "(SELECT count(*) FROM cycle WHERE platform_key = ?)");
    for (int i = 1; i <= 11; i++)
        db_bind_int(st, i, platform_key);
    return row_count(st);
}

bool store_platform_is_descendant(struct ctx *c, int64_t key, int64_t ancestor_key)
{
    struct db_stmt *st =
        db_prepare(c->db, "WITH RECURSIVE up(key, parent_key, n) AS ("
                          "  SELECT key, parent_key, 0 FROM platform WHERE key = ?"
                          "  UNION ALL SELECT p.key, p.parent_key, up.n + 1 FROM platform p"
                          "  JOIN up ON p.key = up.parent_key WHERE up.n < 64) "
                          "SELECT count(*) FROM up WHERE key = ? AND n > 0");
    db_bind_int(st, 1, key);
    db_bind_int(st, 2, ancestor_key);
    return row_count(st) > 0;
}

/* Peer links. The "other" end is relative to the platform listed for; for a
 * lookup by id it is the b end. */
#define LINK_COLUMNS                                                                               \
    "k.key, k.id, pa.id, pb.id, k.note, k.created_at, o.id, o.name, coalesce(l.label, ''), "       \
    "a.slug, a.name "

static void link_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct platform_link *k = item;
    k->key = db_column_int(st, 0);
    k->id = row_text(c, st, 1);
    k->a_id = row_text(c, st, 2);
    k->b_id = row_text(c, st, 3);
    k->note = row_text(c, st, 4);
    k->created_at = row_text(c, st, 5);
    k->other_id = row_text(c, st, 6);
    k->other_name = row_text(c, st, 7);
    k->other_level_label = row_text(c, st, 8);
    k->other_alliance_slug = row_text(c, st, 9);
    k->other_alliance_name = row_text(c, st, 10);
}

/* A link is shown only when the viewer may read both ends. */
#define LINK_JOINS                                                                                 \
    "JOIN platform pa ON pa.key = k.a_key JOIN platform pb ON pb.key = k.b_key "                   \
    "JOIN alliance a ON a.key = o.alliance_key "                                                   \
    "JOIN alliance aa ON aa.key = pa.alliance_key JOIN alliance ab ON ab.key = pb.alliance_key "   \
    "LEFT JOIN alliance_level l ON l.alliance_key = o.alliance_key AND l.depth = o.depth "

#define LINK_VISIBLE ROW_VISIBLE_ALLIANCE("aa") " AND " ROW_VISIBLE_ALLIANCE("ab")

enum status store_link_get(struct ctx *c, const char *id, struct platform_link **out)
{
    struct db_stmt *st =
        db_prepare(c->db, ROW_VIEWER "SELECT " LINK_COLUMNS "FROM platform_link k "
                                     "JOIN platform o ON o.key = k.b_key " LINK_JOINS
                                     "WHERE k.id = ? AND " LINK_VISIBLE);
    row_viewer_bind(c, st);
    db_bind_text(st, 3, id);
    return row_one(c, st, sizeof(struct platform_link), link_row, out);
}

enum status store_link_list(struct ctx *c, int64_t platform_key, const struct listing *l,
                            struct platform_link_list *out)
{
    /* With a platform, the other end is the one that is not it; without, the b end. */
    static const char *const sql = ROW_VIEWER
        "SELECT " LINK_COLUMNS "FROM platform_link k "
        "JOIN platform o ON o.key = CASE WHEN k.b_key = ?3 THEN k.a_key ELSE k.b_key "
        "END " LINK_JOINS "WHERE (?3 = 0 OR k.a_key = ?3 OR k.b_key = ?3) AND (CAST(?4 AS TEXT) IS "
        "NULL OR k.id > ?4) "
        "AND " LINK_VISIBLE " "
        "ORDER BY CASE WHEN ?4 IS NULL THEN lower(o.name) ELSE '' END, k.id LIMIT ?5 OFFSET ?6";
    struct db_stmt *st = db_prepare(c->db, sql);
    row_viewer_bind(c, st);
    db_bind_int(st, 3, platform_key);
    db_bind_text(st, 4, l->after);
    int64_t limit = row_limit(l);
    db_bind_int(st, 5, limit);
    db_bind_int(st, 6, l->after ? 0 : l->offset);
    enum status s = row_all(c, st, limit, sizeof *out->items, link_row, &out->items, &out->count);
    if (s != STATUS_OK)
        return s;
    struct db_stmt *count =
        db_prepare(c->db, ROW_VIEWER
                   "SELECT count(*) FROM platform_link k "
                   "JOIN platform pa ON pa.key = k.a_key JOIN platform pb ON pb.key = k.b_key "
                   "JOIN alliance aa ON aa.key = pa.alliance_key "
                   "JOIN alliance ab ON ab.key = pb.alliance_key "
                   "WHERE (?3 = 0 OR k.a_key = ?3 OR k.b_key = ?3) AND " LINK_VISIBLE);
    row_viewer_bind(c, count);
    db_bind_int(count, 3, platform_key);
    out->total = row_count(count);
    return STATUS_OK;
}

enum status store_link_insert(struct ctx *c, int64_t a_key, int64_t b_key, const char *note,
                              char *id_out)
{
    char now[32];
    id_new(id_out);
    row_now(now);
    struct db_stmt *st = db_prepare(c->db, "INSERT INTO platform_link (id, a_key, b_key, note, "
                                           "created_at) VALUES (?, ?, ?, ?, ?)");
    db_bind_text(st, 1, id_out);
    db_bind_int(st, 2, a_key < b_key ? a_key : b_key);
    db_bind_int(st, 3, a_key < b_key ? b_key : a_key);
    db_bind_text(st, 4, note);
    db_bind_text(st, 5, now);
    return row_write(c, st);
}

enum status store_link_update(struct ctx *c, const struct platform_link *link)
{
    struct db_stmt *st = db_prepare(c->db, "UPDATE platform_link SET note = ? WHERE key = ?");
    db_bind_text(st, 1, link->note);
    db_bind_int(st, 2, link->key);
    return row_write(c, st);
}

enum status store_link_delete(struct ctx *c, const struct platform_link *link)
{
    enum status s = row_exec_key(c, "DELETE FROM platform_link WHERE key = ?", link->key);
    return s == STATUS_OK ? store_tombstone(c, link->id, "platform_link") : s;
}
