/*
 * store/person.c — people.
 */
#include "core/arena.h"
#include "core/id.h"
#include "store/row.h"
#include "store/store.h"

/* The email and the count of memberships are what the viewer may read
 * (ROW_VIEWER). */
#define PERSON_COLUMNS                                                                             \
    "pe.key, pe.id, pe.name, " ROW_EMAIL_OF(                                                       \
        "pe") ", pe.gender, pe.marginalised_group, "                                               \
              "pe.organisation_key, o.id, o.name, pe.created_at, pe.updated_at, "                  \
              "(SELECT count(*) FROM membership m JOIN platform mp ON mp.key = m.platform_key "    \
              "JOIN alliance ma ON ma.key = mp.alliance_key WHERE m.person_key = pe.key "          \
              "AND " ROW_VISIBLE_ALLIANCE("ma") ") "

#define PERSON_FROM "FROM person pe LEFT JOIN organisation o ON o.key = pe.organisation_key "

static void person_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct person *pe = item;
    pe->key = db_column_int(st, 0);
    pe->id = row_text(c, st, 1);
    pe->name = row_text(c, st, 2);
    pe->email = row_text_or_null(c, st, 3);
    pe->gender = row_text(c, st, 4);
    pe->marginalised_group = row_text(c, st, 5);
    pe->organisation_key = db_column_int(st, 6);
    pe->organisation_id = row_text_or_null(c, st, 7);
    pe->organisation_name = row_text_or_null(c, st, 8);
    pe->created_at = row_text(c, st, 9);
    pe->updated_at = row_text(c, st, 10);
    pe->membership_count = db_column_int(st, 11);
}

enum status store_person_get(struct ctx *c, const char *id, struct person **out)
{
    struct db_stmt *st =
        db_prepare(c->db, ROW_VIEWER "SELECT " PERSON_COLUMNS PERSON_FROM
                                     "WHERE pe.id = ? AND " ROW_VISIBLE_PERSON("pe"));
    row_viewer_bind(c, st);
    db_bind_text(st, 3, id);
    return row_one(c, st, sizeof(struct person), person_row, out);
}

static const struct row_sort person_sorts[] = {
    {"name", "lower(pe.name), pe.key", "lower(pe.name) DESC, pe.key DESC"},
    {"organisation", "lower(coalesce(o.name, '~')), lower(pe.name), pe.key",
     "lower(coalesce(o.name, '')) DESC, lower(pe.name), pe.key"},
    {"memberships", "12, lower(pe.name), pe.key", "12 DESC, lower(pe.name), pe.key"},
    {"created", "pe.created_at, pe.key", "pe.created_at DESC, pe.key DESC"},
    {NULL, NULL, NULL},
};

enum status store_person_list(struct ctx *c, int64_t organisation_key, const struct listing *l,
                              struct person_list *out)
{
    /* The page probes each person it reads; the count tests every person,
     * against hidden_person made once. */
    struct row_query q, counted;
    row_query_init(&q, c, true);
    row_query_init(&counted, c, true);
    if (!row_viewer_sees_all(c)) {
        row_query_where(&q, ROW_VISIBLE_PERSON("pe"));
        row_query_where(&counted, ROW_VISIBLE_PERSON_EVERY("pe"));
    }
    char *pattern = listing_pattern(c->arena, l->query);
    for (struct row_query *each = &q; each; each = each == &q ? &counted : NULL) {
        if (organisation_key)
            row_query_int(each, "pe.organisation_key = ?", organisation_key);
        if (pattern)
            row_query_text(each, "lower(pe.name) LIKE ? ESCAPE '\\'", pattern);
    }
    int64_t limit;
    struct db_stmt *st = row_query_page(&q, "SELECT " PERSON_COLUMNS PERSON_FROM, "pe.id",
                                        row_order(person_sorts, l), l, &limit);
    enum status s = row_all(c, st, limit, sizeof *out->items, person_row, &out->items, &out->count);
    if (s != STATUS_OK)
        return s;
    out->total = row_query_count(&counted, "FROM person pe");
    return STATUS_OK;
}

static void person_bind(struct db_stmt *st, const struct person *pe)
{
    db_bind_text(st, 1, pe->name);
    db_bind_text(st, 2, pe->email);
    db_bind_text(st, 3, pe->gender);
    db_bind_text(st, 4, pe->marginalised_group);
    db_bind_key(st, 5, pe->organisation_key);
}

enum status store_person_insert(struct ctx *c, struct person *pe)
{
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    struct db_stmt *st = db_prepare(
        c->db, "INSERT INTO person (name, email, gender, marginalised_group, organisation_key, "
               "id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING key");
    person_bind(st, pe);
    db_bind_text(st, 6, id);
    db_bind_text(st, 7, now);
    db_bind_text(st, 8, now);
    enum status s = row_insert(c, st, &pe->key);
    if (s != STATUS_OK)
        return s;
    pe->id = arena_strdup(c->arena, id);
    pe->created_at = pe->updated_at = arena_strdup(c->arena, now);
    return STATUS_OK;
}

enum status store_person_update(struct ctx *c, struct person *pe)
{
    char now[32];
    row_now(now);
    struct db_stmt *st = db_prepare(c->db, "UPDATE person SET name = ?, email = ?, gender = ?, "
                                           "marginalised_group = ?, organisation_key = ?, "
                                           "updated_at = ? WHERE key = ?");
    person_bind(st, pe);
    db_bind_text(st, 6, now);
    db_bind_int(st, 7, pe->key);
    enum status s = row_write(c, st);
    if (s == STATUS_OK)
        s = store_membership_sort_names(c, MEMBERSHIP_OF_PERSON, pe->key);
    if (s == STATUS_OK)
        pe->updated_at = arena_strdup(c->arena, now);
    return s;
}

enum status store_person_delete(struct ctx *c, const struct person *pe)
{
    enum status s =
        row_tombstones(c, "membership", "SELECT id FROM membership WHERE person_key = ?", pe->key);
    if (s == STATUS_OK)
        s = row_exec_key(c, "DELETE FROM membership WHERE person_key = ?", pe->key);
    if (s == STATUS_OK)
        s = row_tombstones(c, "account", "SELECT id FROM account WHERE person_key = ?", pe->key);
    if (s == STATUS_OK)
        s = row_exec_key(c, "DELETE FROM account WHERE person_key = ?", pe->key);
    if (s == STATUS_OK)
        s = row_exec_key(c, "DELETE FROM person WHERE key = ?", pe->key);
    return s == STATUS_OK ? store_tombstone(c, pe->id, "person") : s;
}

char *store_person_id_by_email(struct ctx *c, const char *email)
{
    struct db_stmt *st = db_prepare(c->db, "SELECT id FROM person WHERE email = ?");
    db_bind_text(st, 1, email);
    char *id = db_step(st) == DB_ROW ? row_text(c, st, 0) : NULL;
    db_done(st);
    return id;
}

char *store_person_email(struct ctx *c, int64_t key)
{
    struct db_stmt *st = db_prepare(c->db, "SELECT email FROM person WHERE key = ?");
    db_bind_int(st, 1, key);
    char *email = db_step(st) == DB_ROW ? row_text_or_null(c, st, 0) : NULL;
    db_done(st);
    return email;
}

bool store_person_email_taken(struct ctx *c, const char *email, int64_t except_key)
{
    struct db_stmt *st =
        db_prepare(c->db, "SELECT count(*) FROM person WHERE email = ? AND key <> ?");
    db_bind_text(st, 1, email);
    db_bind_int(st, 2, except_key);
    return row_count(st) > 0;
}
