/*
 * db.h — the storage driver: one connection to one database, with prepared
 * statements cached by their SQL text. It is the only place that knows which
 * database engine runs underneath (after lwan's database.h: an opaque struct db
 * with one constructor per backend behind one set of operations): SQLite
 * (store/sqlite.c) or PostgreSQL (store/postgres.c).
 *
 * SQL handed to the driver uses '?' placeholders and the portable subset of
 * SQL that SQLite and PostgreSQL share (RETURNING, explicit types, lower() for
 * case-insensitive order). Only files in store/ call these functions.
 *
 * A connection belongs to one thread at a time.
 */
#ifndef ALLIANCE_DB_H
#define ALLIANCE_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct db;
struct db_stmt;

/* Results of db_step and of the other operations that can fail. */
enum db_result {
    DB_ROW = 1,          /* a row is ready */
    DB_DONE = 0,         /* no (more) rows; the statement ran */
    DB_ERROR = -1,       /* engine error: see db_errmsg */
    DB_UNIQUE = -2,      /* a UNIQUE constraint refused the write */
    DB_FOREIGN_KEY = -3, /* a FOREIGN KEY constraint refused the write */
    DB_CHECK = -4,       /* a CHECK or NOT NULL constraint refused the write */
    DB_BUSY = -5,        /* the database stayed locked past the timeout */
    DB_ROLLED_BACK = -6, /* a commit found an inner level rolled back, and rolled back */
};

/* db_open connects to a database: a postgresql:// (or postgres://) address
 * opens PostgreSQL; anything else is the path of a SQLite file, created if
 * needed (WAL mode, foreign keys on, synchronous=FULL). Returns 0 and sets
 * *out, or -1 with a message on standard error. The caller owns it. */
int db_open(const char *target, struct db **out);

/* db_is_postgres says whether target names a PostgreSQL database. */
bool db_is_postgres(const char *target);

/* db_dialect_postgres says whether the connection speaks PostgreSQL's SQL
 * (for the few statements whose text differs by engine: full-text search). */
bool db_dialect_postgres(struct db *db);

/* db_close finalises every cached statement and closes the connection. */
void db_close(struct db *db);

/* db_prepare returns the cached statement for sql, preparing it on first use.
 * The cache keeps its own copy of sql, so SQL assembled from fixed fragments
 * (a sort order chosen from a whitelist) is prepared once too. A statement that fails to prepare is
 * a bug in the program: it aborts with the engine's message. The statement is reset and its
 * bindings cleared: the caller binds, steps, and calls db_done. */
struct db_stmt *db_prepare(struct db *db, const char *sql);

/* db_done resets a statement after use so that it can be prepared again. */
void db_done(struct db_stmt *st);

/* Binding: i counts from 1. A NULL text binds SQL NULL. */
void db_bind_text(struct db_stmt *st, int i, const char *text);
void db_bind_int(struct db_stmt *st, int i, int64_t value);
void db_bind_null(struct db_stmt *st, int i);

/* db_bind_key binds a key, where 0 means "none" and binds NULL. */
void db_bind_key(struct db_stmt *st, int i, int64_t key);

/* db_step runs the statement to its next row: DB_ROW, DB_DONE or an error. */
int db_step(struct db_stmt *st);

/* Columns of the current row, counted from 0. Text is NULL for SQL NULL and
 * stays valid until the next db_step or db_done: copy what you keep. */
const char *db_column_text(struct db_stmt *st, int i);
int64_t db_column_int(struct db_stmt *st, int i);
bool db_column_is_null(struct db_stmt *st, int i);

/* db_exec runs SQL with no parameters and no rows. */
int db_exec(struct db *db, const char *sql);

/* db_exec_schema runs schema SQL written in SQLite's dialect, translated to
 * the engine's own (see schema.c for the rules the schema keeps to). */
int db_exec_schema(struct db *db, const char *sql);

/* Transactions. They nest: only the outermost begin and commit reach the
 * database, and a rollback at any depth makes the outermost commit roll back
 * (and fail). On SQLite a writer takes the lock at once (BEGIN IMMEDIATE). */
int db_begin(struct db *db);
int db_commit(struct db *db);

/* db_begin_bookkeeping begins a transaction as db_begin does, for
 * bookkeeping: writes that change nothing a page shows or a kept figure
 * counts (a session's last-seen time, sign-in counters, when a token was last
 * used). Its commit does not move db_version, so memos and kept answers stay
 * (the engines' ways: sqlite.c, postgres.c). Inside another transaction it is
 * an ordinary inner level: the outer commit moves the version as any other. */
int db_begin_bookkeeping(struct db *db);
void db_rollback(struct db *db);

/* db_reset_keys moves the key counter of table past its greatest key, after
 * rows were inserted with keys of their own. Returns 0, or -1. */
int db_reset_keys(struct db *db, const char *table);

/* db_errmsg is the engine's last error message on this connection. */
const char *db_errmsg(struct db *db);

/* db_version is a number that changes whenever the database changes, by
 * this connection or any other; equal numbers mean equal data. */
int64_t db_version(struct db *db);

/* A small memo of derived figures per connection (counts that take a scan),
 * valid while db_version stays the same. name must be a string constant. */
bool db_memo_get(struct db *db, const char *name, int64_t param, int64_t *value);
void db_memo_put(struct db *db, const char *name, int64_t param, int64_t value);

/* The same for a structure of figures (plain bytes, no pointers): get copies
 * size bytes kept under name and param into out, while db_version stays the
 * same; put keeps a copy of in (the memo owns it; a few dozen are kept).
 * As with db_memo_put, figures are put after a get that found none: they
 * belong to the version that get saw, so a change made while they were being
 * read makes them stale at once. */
bool db_memo_get_bytes(struct db *db, const char *name, int64_t param, void *out, size_t size);
void db_memo_put_bytes(struct db *db, const char *name, int64_t param, const void *in, size_t size);

/* db_libraries writes the versions of the database libraries the program
 * uses ("SQLite 3.40.1, libpq 15.18"). */
void db_libraries(char *out, size_t size);

/* db_engine is the name and version of the engine ("SQLite 3.40.1"). */
const char *db_engine(struct db *db);

/* Copies of a whole SQLite database (backup and restore). progress, when
 * not NULL, is called now and then with the pages done and the pages in all.
 * db_copy_to writes a consistent copy of the database into a new file at
 * path while other connections go on reading and writing; db_copy_from
 * replaces the whole database with the copy at path (other connections see
 * the change at their next transaction). Both return DB_DONE, DB_ERROR (see
 * db_errmsg), or DB_ERROR at once on PostgreSQL, which has pg_dump. */
typedef void (*db_progress)(int64_t done, int64_t total, void *arg);
int db_copy_to(struct db *db, const char *path, db_progress progress, void *arg);
int db_copy_from(struct db *db, const char *path, db_progress progress, void *arg);

/* db_check_copy opens the SQLite file at path read-only and checks it whole
 * (PRAGMA integrity_check) and that it is an Alliance database; it sets
 * *version to its schema version. Returns 0, or -1 with the reason in why. */
int db_check_copy(const char *path, int *version, char *why, size_t size);

/* db_changes is the number of rows changed by the last write. */
int64_t db_changes(struct db *db);

#endif
