/*
 * store.c — transactions, tombstones and the memo of figures, shared by
 * every noun.
 */
#include "store/store.h"

#include "core/str.h"
#include "store/row.h"

#include <time.h>

/* memo_key names figures of scope as the viewer of c reads them in this
 * hour (64-bit FNV-1a over the four numbers, as the memo of counts does). */
static int64_t memo_key(struct ctx *c, int64_t scope)
{
    int64_t parts[4] = {scope, c->viewer->person_key, c->viewer->admin ? 1 : 0,
                        (int64_t)(time(NULL) / 3600)};
    uint64_t h = str_hash(STR_HASH_START, parts, sizeof parts);
    return (int64_t)h;
}

bool store_memo_get(struct ctx *c, const char *name, int64_t scope, void *out, size_t size)
{
    return db_memo_get_bytes(c->db, name, memo_key(c, scope), out, size);
}

void store_memo_put(struct ctx *c, const char *name, int64_t scope, const void *in, size_t size)
{
    db_memo_put_bytes(c->db, name, memo_key(c, scope), in, size);
}

enum status store_begin(struct ctx *c)
{
    return row_status(c, db_begin(c->db));
}

enum status store_begin_bookkeeping(struct ctx *c)
{
    return row_status(c, db_begin_bookkeeping(c->db));
}

enum status store_end(struct ctx *c, enum status s)
{
    if (s == STATUS_OK)
        s = row_status(c, db_commit(c->db));
    if (s != STATUS_OK)
        db_rollback(c->db);
    return s;
}

enum status store_tombstone(struct ctx *c, const char *id, const char *kind)
{
    char now[32];
    row_now(now);
    struct db_stmt *st = db_prepare(
        c->db, "INSERT INTO tombstone (id, kind, deleted_at, deleted_by) VALUES (?, ?, ?, ?)");
    db_bind_text(st, 1, id);
    db_bind_text(st, 2, kind);
    db_bind_text(st, 3, now);
    db_bind_text(st, 4, c->viewer->account_id);
    return row_write(c, st);
}

/* key_by_id runs a SELECT of one key with the id as its only parameter. */
static int64_t key_by_id(struct ctx *c, const char *sql, const char *id)
{
    if (!id)
        return 0;
    struct db_stmt *st = db_prepare(c->db, sql);
    db_bind_text(st, 1, id);
    int64_t key = db_step(st) == DB_ROW ? db_column_int(st, 0) : 0;
    db_done(st);
    return key;
}

int64_t store_platform_key(struct ctx *c, const char *id)
{
    return key_by_id(c, "SELECT key FROM platform WHERE id = ?", id);
}

int64_t store_person_key(struct ctx *c, const char *id)
{
    return key_by_id(c, "SELECT key FROM person WHERE id = ?", id);
}

int64_t store_organisation_key(struct ctx *c, const char *id)
{
    return key_by_id(c, "SELECT key FROM organisation WHERE id = ?", id);
}

int64_t store_person_key_by_email(struct ctx *c, const char *email)
{
    return key_by_id(c, "SELECT key FROM person WHERE email = ?", email);
}
