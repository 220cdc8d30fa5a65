/*
 * backend.h — what a database engine provides to db.c. db.c keeps what every
 * engine shares (the statement cache, nested transactions, the memo); a
 * backend only runs statements. Two exist: sqlite.c and postgres.c. Only
 * db.c and the backends include this file.
 */
#ifndef ALLIANCE_BACKEND_H
#define ALLIANCE_BACKEND_H

#include "store/db.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct backend_ops {
    const char *name; /* "SQLite 3.40.1", "PostgreSQL 15.4" (filled at open) */
    /* prepare compiles sql (with '?' and '?N' placeholders) for this
     * connection; NULL with a message on standard error when it cannot. */
    void *(*prepare)(void *conn, const char *sql);
    void (*finalize)(void *stmt);
    void (*reset)(void *stmt); /* rewinds and clears the bindings */
    void (*bind_text)(void *stmt, int i, const char *text);
    void (*bind_int)(void *stmt, int i, int64_t value);
    void (*bind_null)(void *stmt, int i);
    int (*step)(void *stmt); /* DB_ROW, DB_DONE or a DB_ error */
    const char *(*column_text)(void *stmt, int i);
    int64_t (*column_int)(void *stmt, int i);
    bool (*column_is_null)(void *stmt, int i);
    /* exec runs SQL without parameters or rows; ddl says it is schema, which a
     * backend may translate to its dialect (see schema.c). */
    int (*exec)(void *conn, const char *sql, bool ddl);
    const char *(*errmsg)(void *conn);
    int64_t (*changes)(void *conn);
    /* version changes whenever the data changes, by any connection. */
    int64_t (*version)(void *conn);
    /* reset_keys moves the key counter of a table past its greatest key (after
     * rows were inserted with their keys, by an import), and may refresh the
     * table's statistics. */
    int (*reset_keys)(void *conn, const char *table);
    /* before_commit runs at the end of every outermost write transaction;
     * bookkeeping says it was begun by db_begin_bookkeeping, whose commit
     * must not move the version. */
    int (*before_commit)(void *conn, bool bookkeeping);
    /* copy copies the whole database into the file at path, or (restore) the
     * file's database over this one; NULL where the engine has its own tools. */
    int (*copy)(void *conn, const char *path, bool restore, db_progress progress, void *arg);
    void (*close)(void *conn);
};

/* db_wrap makes a struct db of a backend's open connection (db.c). */
struct db;
struct db *db_wrap(const struct backend_ops *ops, void *conn);

/* The versions of the backends' libraries ("3.40.1"). */
const char *sqlite_library_version(void);
const char *postgres_library_version(char *out, size_t size);

/* The backends' constructors. */
int sqlite_connect(const char *path, const struct backend_ops **ops, void **conn);
int postgres_connect(const char *url, const struct backend_ops **ops, void **conn);

#endif
