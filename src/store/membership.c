/*
 * store/membership.c — memberships of people and organisations in platforms.
 */
#include "core/arena.h"
#include "core/id.h"
#include "store/row.h"
#include "store/schema.h"
#include "store/store.h"

#define MEMBERSHIP_COLUMNS                                                                         \
    "m.key, m.id, m.platform_key, p.id, p.name, p.depth, coalesce(l.label, ''), a.slug, a.name, "  \
    "coalesce(m.person_key, 0), pe.id, pe.name, coalesce(m.organisation_key, 0), o.id, o.name, "   \
    "o.kind, m.role, m.cap_implementation, m.cap_regulation, m.cap_policy, m.cap_research, "       \
    "m.cap_documentation, m.created_at, m.updated_at, a.visibility, a.key "

#define MEMBERSHIP_FROM                                                                            \
    "FROM membership m JOIN platform p ON p.key = m.platform_key "                                 \
    "JOIN alliance a ON a.key = p.alliance_key "                                                   \
    "LEFT JOIN alliance_level l ON l.alliance_key = p.alliance_key AND l.depth = p.depth "         \
    "LEFT JOIN person pe ON pe.key = m.person_key "                                                \
    "LEFT JOIN organisation o ON o.key = coalesce(m.organisation_key, pe.organisation_key) "

#define ROLE_RANK   MEMBERSHIP_ROLE_RANK("m.role")
#define MEMBER_NAME "m.sort_name"

static void membership_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct membership *m = item;
    m->key = db_column_int(st, 0);
    m->id = row_text(c, st, 1);
    m->platform_key = db_column_int(st, 2);
    m->platform_id = row_text(c, st, 3);
    m->platform_name = row_text(c, st, 4);
    m->platform_depth = (int)db_column_int(st, 5);
    m->level_label = row_text(c, st, 6);
    m->alliance_slug = row_text(c, st, 7);
    m->alliance_name = row_text(c, st, 8);
    m->person_key = db_column_int(st, 9);
    m->person_id = row_text_or_null(c, st, 10);
    m->person_name = row_text_or_null(c, st, 11);
    m->organisation_key = db_column_int(st, 12);
    m->organisation_id = row_text_or_null(c, st, 13);
    m->organisation_name = row_text_or_null(c, st, 14);
    m->organisation_kind = row_text_or_null(c, st, 15);
    m->role = row_text(c, st, 16);
    m->capabilities = row_capabilities(st, 17);
    m->created_at = row_text(c, st, 22);
    m->updated_at = row_text(c, st, 23);
    m->alliance_visibility = row_text(c, st, 24);
    m->alliance_key = db_column_int(st, 25);
}

enum status store_membership_get(struct ctx *c, const char *id, struct membership **out)
{
    struct db_stmt *st =
        db_prepare(c->db, "SELECT " MEMBERSHIP_COLUMNS MEMBERSHIP_FROM "WHERE m.id = ?");
    db_bind_text(st, 1, id);
    return row_one(c, st, sizeof(struct membership), membership_row, out);
}

static const struct row_sort membership_sorts[] = {
    {"role", ROLE_RANK ", " MEMBER_NAME ", m.key", ROLE_RANK " DESC, " MEMBER_NAME ", m.key"},
    {"name", MEMBER_NAME ", m.key", MEMBER_NAME " DESC, m.key DESC"},
    {"platform", "p.depth, lower(p.name), m.key", "p.depth DESC, lower(p.name) DESC, m.key"},
    {"created", "m.created_at, m.key", "m.created_at DESC, m.key DESC"},
    {NULL, NULL, NULL},
};

enum status store_membership_list(struct ctx *c, const struct membership_filter *f,
                                  const struct listing *l, struct membership_list *out)
{
    struct row_query q;
    row_query_init(&q, c, true);
    if (!row_viewer_sees_all(c))
        row_query_where(&q, ROW_VISIBLE_ALLIANCE("a"));
    if (f->platform_key)
        row_query_int(&q, "m.platform_key = ?", f->platform_key);
    if (f->person_key)
        row_query_int(&q, "m.person_key = ?", f->person_key);
    if (f->organisation_key)
        row_query_int(&q, "m.organisation_key = ?", f->organisation_key);
    if (f->alliance_key)
        row_query_int(&q, "p.alliance_key = ?", f->alliance_key);
    int64_t limit;
    struct db_stmt *st = row_query_page(&q, "SELECT " MEMBERSHIP_COLUMNS MEMBERSHIP_FROM, "m.id",
                                        row_order(membership_sorts, l), l, &limit);
    enum status s =
        row_all(c, st, limit, sizeof *out->items, membership_row, &out->items, &out->count);
    if (s != STATUS_OK)
        return s;
    out->total = row_query_count(&q, "FROM membership m JOIN platform p ON p.key = m.platform_key "
                                     "JOIN alliance a ON a.key = p.alliance_key");
    return STATUS_OK;
}

static void membership_bind_capabilities(struct db_stmt *st, int first, unsigned caps)
{
    for (int i = 0; i < 5; i++)
        db_bind_int(st, first + i, (caps >> i) & 1u);
}

enum status store_membership_insert(struct ctx *c, struct membership *m)
{
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    struct db_stmt *st = db_prepare(
        c->db, "INSERT INTO membership (id, platform_key, person_key, organisation_key, role, "
               "cap_implementation, cap_regulation, cap_policy, cap_research, cap_documentation, "
               "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
               "RETURNING key");
    db_bind_text(st, 1, id);
    db_bind_int(st, 2, m->platform_key);
    db_bind_key(st, 3, m->person_key);
    db_bind_key(st, 4, m->person_key ? 0 : m->organisation_key);
    db_bind_text(st, 5, m->role);
    membership_bind_capabilities(st, 6, m->capabilities);
    db_bind_text(st, 11, now);
    db_bind_text(st, 12, now);
    enum status s = row_insert(c, st, &m->key);
    if (s == STATUS_OK)
        s = store_membership_sort_names(c, MEMBERSHIP_OF_KEY, m->key);
    if (s != STATUS_OK)
        return s;
    m->id = arena_strdup(c->arena, id);
    m->created_at = m->updated_at = arena_strdup(c->arena, now);
    return STATUS_OK;
}

enum status store_membership_sort_names(struct ctx *c, enum membership_of of, int64_t key)
{
    static const char *const sql[] = {
        [MEMBERSHIP_OF_KEY] =
            "UPDATE membership SET sort_name = " MEMBERSHIP_SORT_NAME " WHERE key = ?",
        [MEMBERSHIP_OF_PERSON] =
            "UPDATE membership SET sort_name = " MEMBERSHIP_SORT_NAME " WHERE person_key = ?",
        [MEMBERSHIP_OF_ORGANISATION] =
            "UPDATE membership SET sort_name = " MEMBERSHIP_SORT_NAME " WHERE organisation_key = ?",
        [MEMBERSHIP_OF_ALL] =
            "UPDATE membership SET sort_name = " MEMBERSHIP_SORT_NAME " WHERE ? = 0",
    };
    struct db_stmt *st = db_prepare(c->db, sql[of]);
    db_bind_int(st, 1, of == MEMBERSHIP_OF_ALL ? 0 : key);
    return row_write(c, st);
}

enum status store_membership_update(struct ctx *c, struct membership *m)
{
    char now[32];
    row_now(now);
    struct db_stmt *st = db_prepare(
        c->db, "UPDATE membership SET role = ?, cap_implementation = ?, cap_regulation = ?, "
               "cap_policy = ?, cap_research = ?, cap_documentation = ?, updated_at = ? "
               "WHERE key = ?");
    db_bind_text(st, 1, m->role);
    membership_bind_capabilities(st, 2, m->capabilities);
    db_bind_text(st, 7, now);
    db_bind_int(st, 8, m->key);
    enum status s = row_write(c, st);
    if (s == STATUS_OK)
        m->updated_at = arena_strdup(c->arena, now);
    return s;
}

enum status store_membership_delete(struct ctx *c, const struct membership *m)
{
    enum status s = row_exec_key(c, "DELETE FROM membership WHERE key = ?", m->key);
    return s == STATUS_OK ? store_tombstone(c, m->id, "membership") : s;
}

bool store_membership_exists(struct ctx *c, int64_t platform_key, int64_t person_key,
                             int64_t organisation_key)
{
    struct db_stmt *st = db_prepare(c->db, "SELECT count(*) FROM membership WHERE "
                                           "platform_key = ? AND (person_key = ? OR "
                                           "organisation_key = ?)");
    db_bind_int(st, 1, platform_key);
    db_bind_int(st, 2, person_key);
    db_bind_int(st, 3, person_key ? 0 : organisation_key);
    return row_count(st) > 0;
}
