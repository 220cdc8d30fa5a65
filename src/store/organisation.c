/*
 * store/organisation.c — organisations.
 */
#include "core/arena.h"
#include "core/id.h"
#include "store/row.h"
#include "store/store.h"

/* The counts take only what the viewer may read (ROW_VIEWER). */
#define ORGANISATION_COLUMNS                                                                       \
    "o.key, o.id, o.name, o.kind, o.description, o.website, o.created_at, o.updated_at, "          \
    "(SELECT count(*) FROM membership m JOIN platform mp ON mp.key = m.platform_key "              \
    "JOIN alliance ma ON ma.key = mp.alliance_key WHERE m.organisation_key = o.key "               \
    "AND " ROW_VISIBLE_ALLIANCE("ma") "), "                                                        \
                                      "(SELECT count(*) FROM person pe WHERE pe.organisation_key " \
                                      "= o.key AND " ROW_VISIBLE_PERSON("pe") ") "

static void organisation_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct organisation *o = item;
    o->key = db_column_int(st, 0);
    o->id = row_text(c, st, 1);
    o->name = row_text(c, st, 2);
    o->kind = row_text(c, st, 3);
    o->description = row_text(c, st, 4);
    o->website = row_text(c, st, 5);
    o->created_at = row_text(c, st, 6);
    o->updated_at = row_text(c, st, 7);
    o->membership_count = db_column_int(st, 8);
    o->people_count = db_column_int(st, 9);
}

char *store_organisation_id_by_name(struct ctx *c, const char *name)
{
    /* lower(name) lets the index organisation_by_name find the candidates. */
    struct db_stmt *st = db_prepare(c->db, "SELECT id FROM organisation WHERE lower(name) = "
                                           "lower(?) AND name = ? ORDER BY key LIMIT 1");
    db_bind_text(st, 1, name);
    db_bind_text(st, 2, name);
    char *id = db_step(st) == DB_ROW ? row_text(c, st, 0) : NULL;
    db_done(st);
    return id;
}

enum status store_organisation_get(struct ctx *c, const char *id, struct organisation **out)
{
    struct db_stmt *st = db_prepare(c->db, ROW_VIEWER "SELECT " ORGANISATION_COLUMNS
                                                      "FROM organisation o WHERE o.id = ?");
    row_viewer_bind(c, st);
    db_bind_text(st, 3, id);
    return row_one(c, st, sizeof(struct organisation), organisation_row, out);
}

static const struct row_sort organisation_sorts[] = {
    {"name", "lower(o.name), o.key", "lower(o.name) DESC, o.key DESC"},
    {"kind", "o.kind, lower(o.name), o.key", "o.kind DESC, lower(o.name) DESC, o.key DESC"},
    {"members", "9, lower(o.name), o.key", "9 DESC, lower(o.name), o.key"},
    {"people", "10, lower(o.name), o.key", "10 DESC, lower(o.name), o.key"},
    {"created", "o.created_at, o.key", "o.created_at DESC, o.key DESC"},
    {NULL, NULL, NULL},
};

enum status store_organisation_list(struct ctx *c, const char *kind, const struct listing *l,
                                    struct organisation_list *out)
{
    struct row_query q;
    row_query_init(&q, c, true);
    if (kind)
        row_query_text(&q, "o.kind = ?", kind);
    char *pattern = listing_pattern(c->arena, l->query);
    if (pattern)
        row_query_text(&q, "lower(o.name) LIKE ? ESCAPE '\\'", pattern);
    int64_t limit;
    struct db_stmt *st = row_query_page(&q, "SELECT " ORGANISATION_COLUMNS "FROM organisation o",
                                        "o.id", row_order(organisation_sorts, l), l, &limit);
    enum status s =
        row_all(c, st, limit, sizeof *out->items, organisation_row, &out->items, &out->count);
    if (s != STATUS_OK)
        return s;
    out->total = row_query_count(&q, "FROM organisation o");
    return STATUS_OK;
}

enum status store_organisation_insert(struct ctx *c, struct organisation *o)
{
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    struct db_stmt *st = db_prepare(
        c->db, "INSERT INTO organisation (id, name, kind, description, website, created_at, "
               "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING key");
    db_bind_text(st, 1, id);
    db_bind_text(st, 2, o->name);
    db_bind_text(st, 3, o->kind);
    db_bind_text(st, 4, o->description);
    db_bind_text(st, 5, o->website);
    db_bind_text(st, 6, now);
    db_bind_text(st, 7, now);
    enum status s = row_insert(c, st, &o->key);
    if (s != STATUS_OK)
        return s;
    o->id = arena_strdup(c->arena, id);
    o->created_at = o->updated_at = arena_strdup(c->arena, now);
    return STATUS_OK;
}

enum status store_organisation_update(struct ctx *c, struct organisation *o)
{
    char now[32];
    row_now(now);
    struct db_stmt *st = db_prepare(c->db, "UPDATE organisation SET name = ?, kind = ?, "
                                           "description = ?, website = ?, updated_at = ? "
                                           "WHERE key = ?");
    db_bind_text(st, 1, o->name);
    db_bind_text(st, 2, o->kind);
    db_bind_text(st, 3, o->description);
    db_bind_text(st, 4, o->website);
    db_bind_text(st, 5, now);
    db_bind_int(st, 6, o->key);
    enum status s = row_write(c, st);
    if (s == STATUS_OK)
        s = store_membership_sort_names(c, MEMBERSHIP_OF_ORGANISATION, o->key);
    if (s == STATUS_OK)
        o->updated_at = arena_strdup(c->arena, now);
    return s;
}

enum status store_organisation_delete(struct ctx *c, const struct organisation *o)
{
    enum status s = row_tombstones(c, "membership",
                                   "SELECT id FROM membership WHERE organisation_key = ?", o->key);
    if (s == STATUS_OK)
        s = row_exec_key(c, "DELETE FROM membership WHERE organisation_key = ?", o->key);
    if (s == STATUS_OK)
        s = row_exec_key(c, "UPDATE person SET organisation_key = NULL WHERE organisation_key = ?",
                         o->key);
    if (s == STATUS_OK)
        s = row_exec_key(c, "DELETE FROM organisation WHERE key = ?", o->key);
    if (s == STATUS_OK)
        s = store_tombstone(c, o->id, "organisation");
    return s;
}
