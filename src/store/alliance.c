/*
 * store/alliance.c — alliances and their ordered level labels.
 */
#include "core/arena.h"
#include "core/id.h"
#include "store/row.h"
#include "store/store.h"

#define ALLIANCE_COLUMNS                                                                           \
    "a.key, a.id, a.slug, a.name, a.going_in_issue, a.vision, a.principles, a.time_zone, "         \
    "a.created_at, a.updated_at, (SELECT count(*) FROM platform p WHERE p.alliance_key = a.key), " \
    "a.visibility "

/* alliance_member_count counts the distinct people and organisations on the
 * platforms of an alliance. It scans the alliance's memberships, so the figure
 * is kept in the connection's memo until the data changes. A membership is of
 * a person or of an organisation, never both (schema.c), so the count is of
 * the people plus of the organisations, each read from the index of its
 * unique pair with the platform alone (not the rows): the home page's first
 * answer at a million records took 350 ms, mostly here. */
static int64_t alliance_member_count(struct ctx *c, int64_t key)
{
    static const char memo[] = "alliance member count";
    int64_t n;
    if (db_memo_get(c->db, memo, key, &n))
        return n;
    struct db_stmt *st = db_prepare(
        c->db, "SELECT (SELECT count(DISTINCT m.person_key) FROM platform p JOIN membership m ON "
               "m.platform_key = p.key WHERE p.alliance_key = ?1 AND m.person_key IS NOT NULL) + "
               "(SELECT count(DISTINCT m.organisation_key) FROM platform p JOIN membership m ON "
               "m.platform_key = p.key WHERE p.alliance_key = ?1 AND m.organisation_key IS NOT "
               "NULL)");
    db_bind_int(st, 1, key);
    n = row_count(st);
    db_memo_put(c->db, memo, key, n);
    return n;
}

static void alliance_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct alliance *a = item;
    a->key = db_column_int(st, 0);
    a->id = row_text(c, st, 1);
    a->slug = row_text(c, st, 2);
    a->name = row_text(c, st, 3);
    a->going_in_issue = row_text(c, st, 4);
    a->vision = row_text(c, st, 5);
    a->principles = row_text(c, st, 6);
    a->time_zone = row_text(c, st, 7);
    a->created_at = row_text(c, st, 8);
    a->updated_at = row_text(c, st, 9);
    a->platform_count = db_column_int(st, 10);
    a->visibility = row_text(c, st, 11);
}

static enum status alliance_levels_load(struct ctx *c, struct alliance *a)
{
    struct db_stmt *st =
        db_prepare(c->db, "SELECT label FROM alliance_level WHERE alliance_key = ? ORDER BY depth");
    db_bind_int(st, 1, a->key);
    int rc;
    a->level_count = 0;
    while ((rc = db_step(st)) == DB_ROW && a->level_count < ALLIANCE_LEVELS_MAX)
        a->levels[a->level_count++] = row_text(c, st, 0);
    db_done(st);
    return rc < 0 ? row_status(c, rc) : STATUS_OK;
}

enum status store_alliance_get(struct ctx *c, const char *id_or_slug, struct alliance **out)
{
    struct db_stmt *st = db_prepare(c->db, "SELECT " ALLIANCE_COLUMNS
                                           " FROM alliance a WHERE a.id = ? OR a.slug = ?");
    db_bind_text(st, 1, id_or_slug);
    db_bind_text(st, 2, id_or_slug);
    int rc = db_step(st);
    if (rc != DB_ROW) {
        db_done(st);
        return rc == DB_DONE ? STATUS_NOT_FOUND : row_status(c, rc);
    }
    struct alliance *a = arena_alloc(c->arena, sizeof *a);
    alliance_row(c, st, a);
    db_done(st);
    *out = a;
    a->member_count = alliance_member_count(c, a->key);
    return alliance_levels_load(c, a);
}

static const struct row_sort alliance_sorts[] = {
    {"name", "lower(a.name), a.key", "lower(a.name) DESC, a.key DESC"},
    {"created", "a.created_at, a.key", "a.created_at DESC, a.key DESC"},
    {"platforms", "11, a.key", "11 DESC, a.key DESC"},
    {NULL, NULL, NULL},
};

/* list_alliances lists alliances with their levels, and with their member
 * counts when members (a scan of each alliance's memberships after every
 * change: pages that only name levels go without). */
static enum status list_alliances(struct ctx *c, const struct listing *l, bool members,
                                  struct alliance_list *out)
{
    struct row_query q;
    row_query_init(&q, c, true);
    if (!row_viewer_sees_all(c))
        row_query_where(&q, ROW_VISIBLE_ALLIANCE("a"));
    char *pattern = listing_pattern(c->arena, l->query);
    if (pattern)
        row_query_text(&q, "lower(a.name) LIKE ? ESCAPE '\\'", pattern);
    int64_t limit;
    struct db_stmt *st = row_query_page(&q, "SELECT " ALLIANCE_COLUMNS "FROM alliance a", "a.id",
                                        row_order(alliance_sorts, l), l, &limit);
    enum status s =
        row_all(c, st, limit, sizeof *out->items, alliance_row, &out->items, &out->count);
    if (s != STATUS_OK)
        return s;
    for (int i = 0; i < out->count; i++) {
        alliance_levels_load(c, &out->items[i]);
        out->items[i].member_count = members ? alliance_member_count(c, out->items[i].key) : -1;
    }
    out->total = row_query_count(&q, "FROM alliance a");
    return STATUS_OK;
}

enum status store_alliance_list(struct ctx *c, const struct listing *l, struct alliance_list *out)
{
    return list_alliances(c, l, true, out);
}

enum status store_alliance_list_levels(struct ctx *c, const struct listing *l,
                                       struct alliance_list *out)
{
    return list_alliances(c, l, false, out);
}

static enum status alliance_levels_save(struct ctx *c, const struct alliance *a)
{
    struct db_stmt *st = db_prepare(c->db, "DELETE FROM alliance_level WHERE alliance_key = ?");
    db_bind_int(st, 1, a->key);
    int rc = db_step(st);
    db_done(st);
    for (int i = 0; rc == DB_DONE && i < a->level_count; i++) {
        st = db_prepare(c->db,
                        "INSERT INTO alliance_level (alliance_key, depth, label) VALUES (?, ?, ?)");
        db_bind_int(st, 1, a->key);
        db_bind_int(st, 2, i);
        db_bind_text(st, 3, a->levels[i]);
        rc = db_step(st);
        db_done(st);
    }
    return row_status(c, rc);
}

enum status store_alliance_insert(struct ctx *c, struct alliance *a)
{
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    struct db_stmt *st = db_prepare(
        c->db,
        "INSERT INTO alliance (id, slug, name, going_in_issue, vision, principles, "
        "time_zone, created_at, updated_at, visibility) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "RETURNING key");
    db_bind_text(st, 1, id);
    db_bind_text(st, 2, a->slug);
    db_bind_text(st, 3, a->name);
    db_bind_text(st, 4, a->going_in_issue);
    db_bind_text(st, 5, a->vision);
    db_bind_text(st, 6, a->principles);
    db_bind_text(st, 7, a->time_zone);
    db_bind_text(st, 8, now);
    db_bind_text(st, 9, now);
    db_bind_text(st, 10, a->visibility);
    int rc = db_step(st);
    if (rc == DB_ROW)
        a->key = db_column_int(st, 0);
    db_done(st);
    enum status s = row_status(c, rc);
    if (s == STATUS_OK)
        s = alliance_levels_save(c, a);
    if (s != STATUS_OK)
        return s;
    a->id = arena_strdup(c->arena, id);
    a->created_at = a->updated_at = arena_strdup(c->arena, now);
    return STATUS_OK;
}

enum status store_alliance_update(struct ctx *c, struct alliance *a)
{
    char now[32];
    row_now(now);
    struct db_stmt *st = db_prepare(
        c->db, "UPDATE alliance SET slug = ?, name = ?, going_in_issue = ?, vision = ?, "
               "principles = ?, time_zone = ?, updated_at = ?, visibility = ? WHERE key = ?");
    db_bind_text(st, 1, a->slug);
    db_bind_text(st, 2, a->name);
    db_bind_text(st, 3, a->going_in_issue);
    db_bind_text(st, 4, a->vision);
    db_bind_text(st, 5, a->principles);
    db_bind_text(st, 6, a->time_zone);
    db_bind_text(st, 7, now);
    db_bind_text(st, 8, a->visibility);
    db_bind_int(st, 9, a->key);
    int rc = db_step(st);
    db_done(st);
    enum status s = row_status(c, rc);
    if (s == STATUS_OK)
        a->updated_at = arena_strdup(c->arena, now);
    return s == STATUS_OK ? alliance_levels_save(c, a) : s;
}

enum status store_alliance_delete(struct ctx *c, const struct alliance *a)
{
    struct db_stmt *st = db_prepare(c->db, "DELETE FROM alliance WHERE key = ?");
    db_bind_int(st, 1, a->key);
    int rc = db_step(st);
    db_done(st);
    enum status s = row_status(c, rc);
    return s == STATUS_OK ? store_tombstone(c, a->id, "alliance") : s;
}

bool store_alliance_slug_taken(struct ctx *c, const char *slug, int64_t except_key)
{
    struct db_stmt *st =
        db_prepare(c->db, "SELECT count(*) FROM alliance WHERE slug = ? AND key <> ?");
    db_bind_text(st, 1, slug);
    db_bind_int(st, 2, except_key);
    return row_count(st) > 0;
}

int store_alliance_deepest_level(struct ctx *c, int64_t alliance_key)
{
    struct db_stmt *st =
        db_prepare(c->db, "SELECT coalesce(max(depth), -1) FROM platform WHERE alliance_key = ?");
    db_bind_int(st, 1, alliance_key);
    return (int)row_count(st);
}
