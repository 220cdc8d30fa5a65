/*
 * store/session.c — sessions, API tokens and sign-in throttling counters.
 */
#include "core/arena.h"
#include "core/id.h"
#include "store/row.h"
#include "store/store.h"

enum status store_session_insert(struct ctx *c, struct session *s, const char *hash)
{
    struct db_stmt *st = db_prepare(c->db, "INSERT INTO session (token_hash, account_key, "
                                           "csrf_token, created_at, seen_at, expires_at) "
                                           "VALUES (?, ?, ?, ?, ?, ?) RETURNING key");
    db_bind_text(st, 1, hash);
    db_bind_int(st, 2, s->account_key);
    db_bind_text(st, 3, s->csrf_token);
    db_bind_text(st, 4, s->created_at);
    db_bind_text(st, 5, s->seen_at);
    db_bind_text(st, 6, s->expires_at);
    int rc = db_step(st);
    if (rc == DB_ROW)
        s->key = db_column_int(st, 0);
    db_done(st);
    return rc == DB_ROW ? STATUS_OK : row_status(c, rc);
}

enum status store_session_get(struct ctx *c, const char *hash, struct session **out)
{
    struct db_stmt *st = db_prepare(c->db, "SELECT key, account_key, csrf_token, created_at, "
                                           "seen_at, expires_at FROM session "
                                           "WHERE token_hash = ?");
    db_bind_text(st, 1, hash);
    int rc = db_step(st);
    if (rc != DB_ROW) {
        db_done(st);
        return rc == DB_DONE ? STATUS_NOT_FOUND : row_status(c, rc);
    }
    struct session *s = arena_alloc(c->arena, sizeof *s);
    s->key = db_column_int(st, 0);
    s->account_key = db_column_int(st, 1);
    s->csrf_token = row_text(c, st, 2);
    s->created_at = row_text(c, st, 3);
    s->seen_at = row_text(c, st, 4);
    s->expires_at = row_text(c, st, 5);
    db_done(st);
    *out = s;
    return STATUS_OK;
}

enum status store_session_touch(struct ctx *c, int64_t key, const char *seen_at)
{
    struct db_stmt *st = db_prepare(c->db, "UPDATE session SET seen_at = ? WHERE key = ?");
    db_bind_text(st, 1, seen_at);
    db_bind_int(st, 2, key);
    return row_write(c, st);
}

enum status store_session_delete(struct ctx *c, const char *hash)
{
    struct db_stmt *st = db_prepare(c->db, "DELETE FROM session WHERE token_hash = ?");
    db_bind_text(st, 1, hash);
    return row_write(c, st);
}

#define TOKEN_COLUMNS "key, id, account_key, label, created_at, used_at, revoked_at "

static void token_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct api_token *t = item;
    t->key = db_column_int(st, 0);
    t->id = row_text(c, st, 1);
    t->account_key = db_column_int(st, 2);
    t->label = row_text(c, st, 3);
    t->created_at = row_text(c, st, 4);
    t->used_at = row_text_or_null(c, st, 5);
    t->revoked_at = row_text_or_null(c, st, 6);
}

enum status store_api_token_insert(struct ctx *c, struct api_token *t, const char *hash)
{
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    struct db_stmt *st = db_prepare(c->db, "INSERT INTO api_token (id, account_key, label, "
                                           "token_hash, created_at) VALUES (?, ?, ?, ?, ?) "
                                           "RETURNING key");
    db_bind_text(st, 1, id);
    db_bind_int(st, 2, t->account_key);
    db_bind_text(st, 3, t->label);
    db_bind_text(st, 4, hash);
    db_bind_text(st, 5, now);
    enum status s = row_insert(c, st, &t->key);
    if (s != STATUS_OK)
        return s;
    t->id = arena_strdup(c->arena, id);
    t->created_at = arena_strdup(c->arena, now);
    return STATUS_OK;
}

enum status store_api_token_list(struct ctx *c, int64_t account_key, struct api_token_list *out)
{
    struct db_stmt *count =
        db_prepare(c->db, "SELECT count(*) FROM api_token WHERE account_key = ?");
    db_bind_int(count, 1, account_key);
    out->total = row_count(count);
    int64_t limit = out->total < 1000 ? out->total : 1000;
    out->items = arena_array(c->arena, (size_t)limit + 1, sizeof *out->items);
    out->count = 0;
    struct db_stmt *st = db_prepare(c->db, "SELECT " TOKEN_COLUMNS "FROM api_token "
                                           "WHERE account_key = ? ORDER BY key DESC LIMIT ?");
    db_bind_int(st, 1, account_key);
    db_bind_int(st, 2, limit);
    int rc;
    while ((rc = db_step(st)) == DB_ROW)
        token_row(c, st, &out->items[out->count++]);
    db_done(st);
    return rc < 0 ? row_status(c, rc) : STATUS_OK;
}

enum status store_api_token_revoke(struct ctx *c, int64_t account_key, const char *id)
{
    char now[32];
    row_now(now);
    struct db_stmt *st = db_prepare(c->db, "UPDATE api_token SET revoked_at = ? WHERE id = ? AND "
                                           "account_key = ? AND revoked_at IS NULL");
    db_bind_text(st, 1, now);
    db_bind_text(st, 2, id);
    db_bind_int(st, 3, account_key);
    int rc = db_step(st);
    db_done(st);
    if (rc == DB_DONE && db_changes(c->db) == 0)
        return STATUS_NOT_FOUND;
    return row_status(c, rc);
}

enum status store_api_token_by_hash(struct ctx *c, const char *hash, struct api_token **out)
{
    struct db_stmt *st = db_prepare(c->db, "SELECT " TOKEN_COLUMNS "FROM api_token "
                                           "WHERE token_hash = ? AND revoked_at IS NULL");
    db_bind_text(st, 1, hash);
    return row_one(c, st, sizeof(struct api_token), token_row, out);
}

enum status store_api_token_touch(struct ctx *c, int64_t key, const char *used_at)
{
    struct db_stmt *st = db_prepare(c->db, "UPDATE api_token SET used_at = ? WHERE key = ?");
    db_bind_text(st, 1, used_at);
    db_bind_int(st, 2, key);
    return row_write(c, st);
}

enum status store_throttle_get(struct ctx *c, const char *subject, char **window_start,
                               int64_t *failures)
{
    struct db_stmt *st =
        db_prepare(c->db, "SELECT window_start, failures FROM throttle WHERE subject = ?");
    db_bind_text(st, 1, subject);
    int rc = db_step(st);
    if (rc == DB_ROW) {
        *window_start = row_text(c, st, 0);
        *failures = db_column_int(st, 1);
    }
    db_done(st);
    return rc == DB_ROW ? STATUS_OK : rc == DB_DONE ? STATUS_NOT_FOUND : row_status(c, rc);
}

enum status store_throttle_put(struct ctx *c, const char *subject, const char *window_start,
                               int64_t failures)
{
    struct db_stmt *st = db_prepare(
        c->db, "INSERT INTO throttle (subject, window_start, failures) VALUES (?, ?, ?) "
               "ON CONFLICT (subject) DO UPDATE SET window_start = excluded.window_start, "
               "failures = excluded.failures");
    db_bind_text(st, 1, subject);
    db_bind_text(st, 2, window_start);
    db_bind_int(st, 3, failures);
    return row_write(c, st);
}

enum status store_throttle_delete(struct ctx *c, const char *subject)
{
    struct db_stmt *st = db_prepare(c->db, "DELETE FROM throttle WHERE subject = ?");
    db_bind_text(st, 1, subject);
    return row_write(c, st);
}
