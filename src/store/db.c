/*
 * db.c — the part of the driver every engine shares: opening by address, the
 * cache of prepared statements (keyed by SQL text, in a small open hash
 * table), nested transactions, and the memo of derived figures. The engine
 * behind a connection is a struct backend_ops (backend.h).
 */
#include "store/db.h"

#include "store/backend.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct db_stmt {
    char *sql; /* the key: a copy owned by the cache */
    void *backend;
    struct db *db;
};

struct memo {
    const char *name;
    int64_t param;
    int64_t value;
};

/* A kept copy of a structure of figures (db_memo_put_bytes). */
struct memo_bytes {
    const char *name;
    int64_t param;
    size_t size;
    void *data; /* malloc'd, owned by the memo */
};

#define MEMO_BYTES_SLOTS 64

struct db {
    const struct backend_ops *ops;
    void *conn;
    struct db_stmt *slots; /* open addressing, size is a power of two */
    size_t size;
    size_t used;
    int depth;        /* nesting of db_begin calls */
    int failed;       /* an inner level rolled back: the outer commit rolls back too */
    bool bookkeeping; /* the open transaction came from db_begin_bookkeeping */
    struct memo memo[256];
    struct memo_bytes bytes[MEMO_BYTES_SLOTS];
    int64_t memo_version; /* db_version when the memo was filled */
};

struct db *db_wrap(const struct backend_ops *ops, void *conn)
{
    struct db *db = calloc(1, sizeof *db);
    if (!db)
        abort();
    db->ops = ops;
    db->conn = conn;
    db->size = 64;
    db->slots = calloc(db->size, sizeof *db->slots);
    if (!db->slots)
        abort();
    db->memo_version = -1;
    return db;
}

bool db_is_postgres(const char *target)
{
    return target &&
           (strncmp(target, "postgresql://", 13) == 0 || strncmp(target, "postgres://", 11) == 0);
}

bool db_dialect_postgres(struct db *db)
{
    return strncmp(db->ops->name, "PostgreSQL", 10) == 0;
}

int db_open(const char *target, struct db **out)
{
    const struct backend_ops *ops;
    void *conn;
    int rc = db_is_postgres(target) ? postgres_connect(target, &ops, &conn)
                                    : sqlite_connect(target, &ops, &conn);
    if (rc != 0)
        return -1;
    *out = db_wrap(ops, conn);
    return 0;
}

void db_libraries(char *out, size_t size)
{
    char pq[32];
    snprintf(out, size, "SQLite %s, libpq %s", sqlite_library_version(),
             postgres_library_version(pq, sizeof pq));
}

static void memo_bytes_clear(struct db *db)
{
    for (int i = 0; i < MEMO_BYTES_SLOTS; i++)
        free(db->bytes[i].data);
    memset(db->bytes, 0, sizeof db->bytes);
}

void db_close(struct db *db)
{
    if (!db)
        return;
    memo_bytes_clear(db);
    for (size_t i = 0; i < db->size; i++) {
        if (db->slots[i].backend)
            db->ops->finalize(db->slots[i].backend);
        free(db->slots[i].sql);
    }
    free(db->slots);
    db->ops->close(db->conn);
    free(db);
}

static uint64_t sql_hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

static struct db_stmt *slot_find(struct db_stmt *slots, size_t size, const char *sql)
{
    size_t i = (size_t)sql_hash(sql) & (size - 1);
    while (slots[i].sql && strcmp(slots[i].sql, sql) != 0)
        i = (i + 1) & (size - 1);
    return &slots[i];
}

static void cache_grow(struct db *db)
{
    size_t size = db->size * 2;
    struct db_stmt *slots = calloc(size, sizeof *slots);
    if (!slots)
        abort();
    for (size_t i = 0; i < db->size; i++)
        if (db->slots[i].sql)
            *slot_find(slots, size, db->slots[i].sql) = db->slots[i];
    free(db->slots);
    db->slots = slots;
    db->size = size;
}

struct db_stmt *db_prepare(struct db *db, const char *sql)
{
    struct db_stmt *slot = slot_find(db->slots, db->size, sql);
    if (slot->backend)
        return slot;
    if ((db->used + 1) * 4 > db->size * 3) {
        cache_grow(db);
        slot = slot_find(db->slots, db->size, sql);
    }
    void *backend = db->ops->prepare(db->conn, sql);
    if (!backend) {
        fprintf(stderr, "alliance: bad SQL for %s:\n%s\n", db->ops->name, sql);
        abort(); /* the program's own SQL does not prepare: a bug */
    }
    slot->sql = strdup(sql);
    if (!slot->sql)
        abort();
    slot->backend = backend;
    slot->db = db;
    db->used++;
    return slot;
}

void db_done(struct db_stmt *st)
{
    st->db->ops->reset(st->backend);
}

void db_bind_text(struct db_stmt *st, int i, const char *text)
{
    if (text)
        st->db->ops->bind_text(st->backend, i, text);
    else
        st->db->ops->bind_null(st->backend, i);
}

void db_bind_int(struct db_stmt *st, int i, int64_t value)
{
    st->db->ops->bind_int(st->backend, i, value);
}

void db_bind_null(struct db_stmt *st, int i)
{
    st->db->ops->bind_null(st->backend, i);
}

void db_bind_key(struct db_stmt *st, int i, int64_t key)
{
    if (key)
        db_bind_int(st, i, key);
    else
        db_bind_null(st, i);
}

int db_step(struct db_stmt *st)
{
    return st->db->ops->step(st->backend);
}

const char *db_column_text(struct db_stmt *st, int i)
{
    return st->db->ops->column_text(st->backend, i);
}

int64_t db_column_int(struct db_stmt *st, int i)
{
    return st->db->ops->column_int(st->backend, i);
}

bool db_column_is_null(struct db_stmt *st, int i)
{
    return st->db->ops->column_is_null(st->backend, i);
}

int db_exec(struct db *db, const char *sql)
{
    return db->ops->exec(db->conn, sql, false);
}

int db_exec_schema(struct db *db, const char *sql)
{
    return db->ops->exec(db->conn, sql, true);
}

int db_copy_to(struct db *db, const char *path, db_progress progress, void *arg)
{
    return db->ops->copy ? db->ops->copy(db->conn, path, false, progress, arg) : DB_ERROR;
}

int db_copy_from(struct db *db, const char *path, db_progress progress, void *arg)
{
    return db->ops->copy ? db->ops->copy(db->conn, path, true, progress, arg) : DB_ERROR;
}

int db_begin(struct db *db)
{
    if (db->depth > 0) {
        db->depth++;
        return DB_DONE;
    }
    int rc = db_exec(db, "BEGIN");
    if (rc == DB_DONE) {
        db->depth = 1;
        db->failed = 0;
        db->bookkeeping = false;
    }
    return rc;
}

int db_begin_bookkeeping(struct db *db)
{
    bool outermost = db->depth == 0;
    int rc = db_begin(db);
    if (rc == DB_DONE && outermost)
        db->bookkeeping = true;
    return rc;
}

int db_commit(struct db *db)
{
    if (db->depth == 0)
        return DB_ERROR;
    if (--db->depth > 0)
        return DB_DONE;
    if (db->failed) {
        db_exec(db, "ROLLBACK");
        return DB_ROLLED_BACK;
    }
    int rc = db->ops->before_commit(db->conn, db->bookkeeping);
    if (rc == DB_DONE)
        rc = db_exec(db, "COMMIT");
    if (rc != DB_DONE)
        db_exec(db, "ROLLBACK");
    return rc;
}

void db_rollback(struct db *db)
{
    if (db->depth == 0)
        return;
    db->failed = 1;
    if (--db->depth == 0)
        db_exec(db, "ROLLBACK");
}

int db_reset_keys(struct db *db, const char *table)
{
    return db->ops->reset_keys(db->conn, table) == DB_DONE ? 0 : -1;
}

const char *db_errmsg(struct db *db)
{
    return db->ops->errmsg(db->conn);
}

int64_t db_changes(struct db *db)
{
    return db->ops->changes(db->conn);
}

const char *db_engine(struct db *db)
{
    return db->ops->name;
}

int64_t db_version(struct db *db)
{
    return db->ops->version(db->conn);
}

static struct memo *memo_slot(struct db *db, const char *name, int64_t param)
{
    uint64_t h = (uint64_t)(uintptr_t)name * 31 + (uint64_t)param;
    return &db->memo[h % (sizeof db->memo / sizeof db->memo[0])];
}

/* memo_current empties the memo when the data changed since it was filled;
 * false then (nothing kept can be used). */
static bool memo_current(struct db *db)
{
    int64_t version = db_version(db);
    if (version == db->memo_version)
        return true;
    memset(db->memo, 0, sizeof db->memo);
    memo_bytes_clear(db);
    db->memo_version = version;
    return false;
}

bool db_memo_get(struct db *db, const char *name, int64_t param, int64_t *value)
{
    if (!memo_current(db))
        return false;
    struct memo *m = memo_slot(db, name, param);
    if (m->name != name || m->param != param)
        return false;
    *value = m->value;
    return true;
}

void db_memo_put(struct db *db, const char *name, int64_t param, int64_t value)
{
    struct memo *m = memo_slot(db, name, param);
    m->name = name;
    m->param = param;
    m->value = value;
}

static struct memo_bytes *memo_bytes_slot(struct db *db, const char *name, int64_t param)
{
    uint64_t h = (uint64_t)(uintptr_t)name * 31 + (uint64_t)param;
    return &db->bytes[h % MEMO_BYTES_SLOTS];
}

bool db_memo_get_bytes(struct db *db, const char *name, int64_t param, void *out, size_t size)
{
    if (!memo_current(db))
        return false;
    struct memo_bytes *m = memo_bytes_slot(db, name, param);
    if (m->name != name || m->param != param || m->size != size)
        return false;
    memcpy(out, m->data, size);
    return true;
}

void db_memo_put_bytes(struct db *db, const char *name, int64_t param, const void *in, size_t size)
{
    struct memo_bytes *m = memo_bytes_slot(db, name, param);
    free(m->data);
    m->data = malloc(size);
    if (!m->data)
        abort();
    memcpy(m->data, in, size);
    m->name = name;
    m->param = param;
    m->size = size;
}
