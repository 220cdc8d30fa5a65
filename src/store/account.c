/*
 * store/account.c — accounts, their single-use links, and the questions rights
 * and visibility ask about a person's memberships.
 */
#include "core/arena.h"
#include "core/id.h"
#include "core/str.h"
#include "store/row.h"
#include "store/store.h"

#define ACCOUNT_COLUMNS                                                                            \
    "ac.key, ac.id, ac.person_key, pe.id, pe.name, pe.email, ac.password_hash, ac.is_admin, "      \
    "ac.created_at, ac.signed_in_at "
#define ACCOUNT_FROM "FROM account ac JOIN person pe ON pe.key = ac.person_key "

static void account_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct account *a = item;
    a->key = db_column_int(st, 0);
    a->id = row_text(c, st, 1);
    a->person_key = db_column_int(st, 2);
    a->person_id = row_text(c, st, 3);
    a->name = row_text(c, st, 4);
    a->email = row_text_or_null(c, st, 5);
    a->password_hash = row_text_or_null(c, st, 6);
    a->admin = db_column_int(st, 7) != 0;
    a->created_at = row_text(c, st, 8);
    a->signed_in_at = row_text_or_null(c, st, 9);
}

/* account_one runs a lookup of one account whose only parameter is text or a key. */
static enum status account_one(struct ctx *c, const char *sql, const char *text, int64_t key,
                               struct account **out)
{
    struct db_stmt *st = db_prepare(c->db, sql);
    if (text)
        db_bind_text(st, 1, text);
    else
        db_bind_int(st, 1, key);
    return row_one(c, st, sizeof(struct account), account_row, out);
}

enum status store_account_get(struct ctx *c, const char *id, struct account **out)
{
    return account_one(c, "SELECT " ACCOUNT_COLUMNS ACCOUNT_FROM "WHERE ac.id = ?", id, 0, out);
}

enum status store_account_by_email(struct ctx *c, const char *email, struct account **out)
{
    return account_one(c, "SELECT " ACCOUNT_COLUMNS ACCOUNT_FROM "WHERE pe.email = ?", email, 0,
                       out);
}

enum status store_account_by_person(struct ctx *c, int64_t person_key, struct account **out)
{
    return account_one(c, "SELECT " ACCOUNT_COLUMNS ACCOUNT_FROM "WHERE ac.person_key = ?", NULL,
                       person_key, out);
}

enum status store_account_by_key(struct ctx *c, int64_t key, struct account **out)
{
    return account_one(c, "SELECT " ACCOUNT_COLUMNS ACCOUNT_FROM "WHERE ac.key = ?", NULL, key,
                       out);
}

enum status store_account_list(struct ctx *c, const struct listing *l, struct account_list *out)
{
    struct row_query q;
    row_query_init(&q, c, false);
    char *pattern = listing_pattern(c->arena, l->query);
    if (pattern)
        row_query_text(&q, "lower(pe.name) LIKE ? ESCAPE '\\' OR pe.email LIKE ? ESCAPE '\\'",
                       pattern);
    int64_t limit;
    struct db_stmt *st = row_query_page(&q, "SELECT " ACCOUNT_COLUMNS ACCOUNT_FROM, "ac.id",
                                        "lower(pe.name), ac.key", l, &limit);
    enum status s =
        row_all(c, st, limit, sizeof *out->items, account_row, &out->items, &out->count);
    if (s != STATUS_OK)
        return s;
    out->total = row_query_count(&q, ACCOUNT_FROM);
    return STATUS_OK;
}

enum status store_account_insert(struct ctx *c, struct account *a)
{
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    struct db_stmt *st = db_prepare(c->db, "INSERT INTO account (id, person_key, password_hash, "
                                           "is_admin, created_at, updated_at) "
                                           "VALUES (?, ?, ?, ?, ?, ?) RETURNING key");
    db_bind_text(st, 1, id);
    db_bind_int(st, 2, a->person_key);
    db_bind_text(st, 3, a->password_hash);
    db_bind_int(st, 4, a->admin ? 1 : 0);
    db_bind_text(st, 5, now);
    db_bind_text(st, 6, now);
    enum status s = row_insert(c, st, &a->key);
    if (s != STATUS_OK)
        return s;
    a->id = arena_strdup(c->arena, id);
    a->created_at = arena_strdup(c->arena, now);
    return STATUS_OK;
}

enum status store_account_update(struct ctx *c, struct account *a)
{
    char now[32];
    row_now(now);
    struct db_stmt *st = db_prepare(c->db, "UPDATE account SET password_hash = ?, is_admin = ?, "
                                           "signed_in_at = ?, updated_at = ? WHERE key = ?");
    db_bind_text(st, 1, a->password_hash);
    db_bind_int(st, 2, a->admin ? 1 : 0);
    db_bind_text(st, 3, a->signed_in_at);
    db_bind_text(st, 4, now);
    db_bind_int(st, 5, a->key);
    return row_write(c, st);
}

enum status store_account_sessions_end(struct ctx *c, int64_t account_key)
{
    return row_exec_key(c, "DELETE FROM session WHERE account_key = ?", account_key);
}

enum status store_account_link_insert(struct ctx *c, int64_t account_key, const char *purpose,
                                      int64_t platform_key, const char *hash,
                                      const char *expires_at)
{
    char now[32];
    row_now(now);
    struct db_stmt *st = db_prepare(c->db, "INSERT INTO link_token (token_hash, account_key, "
                                           "purpose, platform_key, created_by, created_at, "
                                           "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    db_bind_text(st, 1, hash);
    db_bind_int(st, 2, account_key);
    db_bind_text(st, 3, purpose);
    db_bind_key(st, 4, platform_key);
    db_bind_key(st, 5, c->viewer->account_key);
    db_bind_text(st, 6, now);
    db_bind_text(st, 7, expires_at);
    return row_write(c, st);
}

enum status store_account_link_get(struct ctx *c, const char *hash, struct account_link **out)
{
    char now[32];
    row_now(now);
    struct db_stmt *st = db_prepare(
        c->db, "SELECT k.key, k.purpose, coalesce(k.platform_key, 0), k.expires_at, ac.id, p.id "
               "FROM link_token k JOIN account ac ON ac.key = k.account_key "
               "LEFT JOIN platform p ON p.key = k.platform_key "
               "WHERE k.token_hash = ? AND k.used_at IS NULL AND k.expires_at > ?");
    db_bind_text(st, 1, hash);
    db_bind_text(st, 2, now);
    int rc = db_step(st);
    if (rc != DB_ROW) {
        db_done(st);
        return rc == DB_DONE ? STATUS_NOT_FOUND : row_status(c, rc);
    }
    struct account_link *k = arena_alloc(c->arena, sizeof *k);
    k->key = db_column_int(st, 0);
    k->purpose = str_eq(db_column_text(st, 1), "invitation") ? LINK_INVITATION : LINK_PASSWORD;
    k->platform_key = db_column_int(st, 2);
    k->expires_at = row_text(c, st, 3);
    char *account_id = row_text(c, st, 4);
    k->platform_id = row_text_or_null(c, st, 5);
    db_done(st);
    *out = k;
    return store_account_get(c, account_id, &k->account);
}

enum status store_account_link_use(struct ctx *c, int64_t key)
{
    char now[32];
    row_now(now);
    struct db_stmt *st =
        db_prepare(c->db, "UPDATE link_token SET used_at = ? WHERE key = ? AND used_at IS NULL");
    db_bind_text(st, 1, now);
    db_bind_int(st, 2, key);
    int rc = db_step(st);
    db_done(st);
    if (rc == DB_DONE && db_changes(c->db) == 0)
        return STATUS_NOT_FOUND; /* used meanwhile */
    return row_status(c, rc);
}

/* count_of runs a COUNT whose parameters are the given keys in order. */
static int64_t count_of(struct ctx *c, const char *sql, int64_t a, int64_t b)
{
    struct db_stmt *st = db_prepare(c->db, sql);
    db_bind_int(st, 1, a);
    db_bind_int(st, 2, b);
    return row_count(st);
}

const char *store_role_on_platform(struct ctx *c, int64_t platform_key, int64_t person_key)
{
    struct db_stmt *st =
        db_prepare(c->db, "SELECT role FROM membership WHERE platform_key = ? AND person_key = ?");
    db_bind_int(st, 1, platform_key);
    db_bind_int(st, 2, person_key);
    char *role = db_step(st) == DB_ROW ? row_text(c, st, 0) : NULL;
    db_done(st);
    return role;
}

bool store_convenes_anywhere(struct ctx *c, int64_t person_key)
{
    struct db_stmt *st = db_prepare(c->db, "SELECT count(*) FROM membership WHERE person_key = ? "
                                           "AND role IN ('convenor', 'facilitator')");
    db_bind_int(st, 1, person_key);
    return row_count(st) > 0;
}

bool store_convenes_top(struct ctx *c, int64_t alliance_key, int64_t person_key)
{
    return count_of(c,
                    "SELECT count(*) FROM membership m JOIN platform p ON p.key = "
                    "m.platform_key WHERE p.alliance_key = ? AND m.person_key = ? AND "
                    "p.depth = 0 AND m.role = 'convenor'",
                    alliance_key, person_key) > 0;
}

bool store_member_of_alliance(struct ctx *c, int64_t alliance_key, int64_t person_key)
{
    return count_of(c,
                    "SELECT count(*) FROM membership m JOIN platform p ON p.key = "
                    "m.platform_key WHERE p.alliance_key = ? AND m.person_key = ?",
                    alliance_key, person_key) > 0;
}

bool store_shares_alliance(struct ctx *c, int64_t person_a, int64_t person_b)
{
    return count_of(c,
                    "SELECT count(*) FROM membership m1 JOIN platform p1 ON p1.key = "
                    "m1.platform_key JOIN platform p2 ON p2.alliance_key = p1.alliance_key "
                    "JOIN membership m2 ON m2.platform_key = p2.key "
                    "WHERE m1.person_key = ? AND m2.person_key = ?",
                    person_a, person_b) > 0;
}
