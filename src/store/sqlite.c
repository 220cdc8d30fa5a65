/*
 * sqlite.c — the SQLite backend (backend.h): WAL mode, synchronous=FULL,
 * foreign keys on, persistent prepared statements. The schema's SQL is
 * written in SQLite's dialect, so it runs as it is.
 */
#include "store/backend.h"
#include "store/db.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* With ALLIANCE_SLOW_SQL_MS set, statements slower than that many
 * milliseconds are logged with their SQL: the first tool when a page is slow. */
static int64_t slow_sql_ns = -1;

/* SQLite keeps allocation statistics behind one global mutex by default; with
 * an event loop per core every query would contend on it. */
static void sqlite_configure(void)
{
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    const char *slow = getenv("ALLIANCE_SLOW_SQL_MS");
    if (slow && *slow)
        slow_sql_ns = (int64_t)(strtod(slow, NULL) * 1e6);
}

static int trace_slow(unsigned type, void *arg, void *stmt, void *ns)
{
    (void)arg;
    if (type == SQLITE_TRACE_PROFILE && *(sqlite3_int64 *)ns >= slow_sql_ns) {
        char *sql = sqlite3_expanded_sql(stmt);
        fprintf(stderr, "slow sql %.2f ms: %s\n", (double)*(sqlite3_int64 *)ns / 1e6,
                sql ? sql : sqlite3_sql(stmt));
        sqlite3_free(sql);
    }
    return 0;
}

static int map_result(int rc)
{
    switch (rc) {
    case SQLITE_ROW:
        return DB_ROW;
    case SQLITE_DONE:
    case SQLITE_OK:
        return DB_DONE;
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
        return DB_UNIQUE;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
        return DB_FOREIGN_KEY;
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
    case SQLITE_CONSTRAINT_DATATYPE:
        return DB_CHECK;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return DB_BUSY;
    }
    return DB_ERROR;
}

static void *lite_prepare(void *conn, const char *sql)
{
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v3(conn, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK) {
        fprintf(stderr, "alliance: %s\n", sqlite3_errmsg(conn));
        return NULL;
    }
    return stmt;
}

static void lite_finalize(void *stmt)
{
    sqlite3_finalize(stmt);
}

static void lite_reset(void *stmt)
{
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
}

static void lite_bind_text(void *stmt, int i, const char *text)
{
    sqlite3_bind_text(stmt, i, text, -1, SQLITE_TRANSIENT);
}

static void lite_bind_int(void *stmt, int i, int64_t value)
{
    sqlite3_bind_int64(stmt, i, value);
}

static void lite_bind_null(void *stmt, int i)
{
    sqlite3_bind_null(stmt, i);
}

static int lite_step(void *stmt)
{
    return map_result(sqlite3_step(stmt));
}

static const char *lite_column_text(void *stmt, int i)
{
    return (const char *)sqlite3_column_text(stmt, i);
}

static int64_t lite_column_int(void *stmt, int i)
{
    return sqlite3_column_int64(stmt, i);
}

static bool lite_column_is_null(void *stmt, int i)
{
    return sqlite3_column_type(stmt, i) == SQLITE_NULL;
}

static int lite_exec(void *conn, const char *sql, bool ddl)
{
    (void)ddl;
    /* Writers take the lock at once, so that two never deadlock upgrading a
     * read lock. */
    if (strcmp(sql, "BEGIN") == 0)
        sql = "BEGIN IMMEDIATE";
    return map_result(sqlite3_exec(conn, sql, NULL, NULL, NULL));
}

static const char *lite_errmsg(void *conn)
{
    return sqlite3_errmsg(conn);
}

static int64_t lite_changes(void *conn)
{
    return sqlite3_changes64(conn);
}

/* data_version changes when another connection commits; total_changes counts
 * this connection's own writes. */
static int64_t lite_version(void *conn)
{
    sqlite3_stmt *stmt;
    int64_t other = 0;
    if (sqlite3_prepare_v2(conn, "PRAGMA data_version", -1, &stmt, NULL) == SQLITE_OK) {
        if (sqlite3_step(stmt) == SQLITE_ROW)
            other = sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
    }
    return (other << 40) ^ (int64_t)sqlite3_total_changes64(conn);
}

/* INTEGER PRIMARY KEY columns take the greatest key plus one by themselves. */
static int lite_reset_keys(void *conn, const char *table)
{
    (void)conn;
    (void)table;
    return DB_DONE;
}

static int lite_before_commit(void *conn)
{
    (void)conn;
    return DB_DONE;
}

/* lite_copy runs SQLite's online backup a thousand pages a step, between
 * file and connection either way. A write to the source by another
 * connection meanwhile makes the backup start over from the changed pages,
 * so the copy is always of one moment. */
static int lite_copy(void *conn, const char *path, bool restore, db_progress progress, void *arg)
{
    sqlite3 *file = NULL;
    int flags = restore ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path, &file, flags, NULL) != SQLITE_OK) {
        sqlite3_close(file);
        return DB_ERROR;
    }
    sqlite3 *to = restore ? conn : file, *from = restore ? file : conn;
    sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");
    int rc = b ? SQLITE_OK : sqlite3_errcode(to);
    while (b && (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)) {
        if (rc != SQLITE_OK)
            sqlite3_sleep(10);
        rc = sqlite3_backup_step(b, 1024);
        int total = sqlite3_backup_pagecount(b);
        if (progress)
            progress(total - sqlite3_backup_remaining(b), total, arg);
    }
    if (b)
        rc = sqlite3_backup_finish(b) == SQLITE_OK && rc == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    /* The copy is one file: not in WAL mode, which would need -wal and -shm
     * files beside it as soon as it is read. */
    if (rc == SQLITE_OK && !restore)
        rc = sqlite3_exec(file, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
    if (rc != SQLITE_OK && !restore)
        fprintf(stderr, "alliance: %s: %s\n", path, sqlite3_errmsg(to));
    sqlite3_close(file);
    return rc == SQLITE_OK ? DB_DONE : DB_ERROR;
}

int db_check_copy(const char *path, int *version, char *why, size_t size)
{
    sqlite3 *file = NULL;
    sqlite3_stmt *st = NULL;
    const char *reason = NULL;
    *version = -1;
    if (sqlite3_open_v2(path, &file, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        reason = sqlite3_errmsg(file);
    } else if (sqlite3_prepare_v2(file, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK ||
               sqlite3_step(st) != SQLITE_ROW) {
        reason = sqlite3_errmsg(file); /* "file is not a database", say */
    } else if (strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0) {
        snprintf(why, size, "damaged: %s", (const char *)sqlite3_column_text(st, 0));
    } else {
        sqlite3_finalize(st);
        st = NULL;
        if (sqlite3_prepare_v2(file, "SELECT max(version) FROM schema_version", -1, &st, NULL) !=
                SQLITE_OK ||
            sqlite3_step(st) != SQLITE_ROW || sqlite3_column_type(st, 0) == SQLITE_NULL)
            reason = "not an Alliance database (it has no schema version)";
        else
            *version = sqlite3_column_int(st, 0);
    }
    if (reason)
        snprintf(why, size, "%s", reason);
    sqlite3_finalize(st);
    sqlite3_close(file);
    return *version >= 0 ? 0 : -1;
}

static void lite_close(void *conn)
{
    sqlite3_close(conn);
}

const char *sqlite_library_version(void)
{
    return sqlite3_libversion();
}

static char engine_name[48];

static const struct backend_ops sqlite_ops = {
    .name = engine_name,
    .prepare = lite_prepare,
    .finalize = lite_finalize,
    .reset = lite_reset,
    .bind_text = lite_bind_text,
    .bind_int = lite_bind_int,
    .bind_null = lite_bind_null,
    .step = lite_step,
    .column_text = lite_column_text,
    .column_int = lite_column_int,
    .column_is_null = lite_column_is_null,
    .exec = lite_exec,
    .errmsg = lite_errmsg,
    .changes = lite_changes,
    .version = lite_version,
    .reset_keys = lite_reset_keys,
    .before_commit = lite_before_commit,
    .copy = lite_copy,
    .close = lite_close,
};

int sqlite_connect(const char *path, const struct backend_ops **ops, void **out)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, sqlite_configure);
    snprintf(engine_name, sizeof engine_name, "SQLite %s", sqlite3_libversion());
    sqlite3 *conn = NULL;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path, &conn, flags, NULL) != SQLITE_OK) {
        fprintf(stderr, "alliance: %s: cannot open the database: %s\n", path,
                conn ? sqlite3_errmsg(conn) : "out of memory");
        sqlite3_close(conn);
        return -1;
    }
    sqlite3_busy_timeout(conn, 5000);
    sqlite3_extended_result_codes(conn, 1);
    if (slow_sql_ns >= 0)
        sqlite3_trace_v2(conn, SQLITE_TRACE_PROFILE, trace_slow, NULL);
    static const char *const pragmas = "PRAGMA journal_mode=WAL;"
                                       "PRAGMA synchronous=FULL;"
                                       "PRAGMA foreign_keys=ON;"
                                       "PRAGMA temp_store=MEMORY;"
                                       "PRAGMA cache_size=-8000;";
    char *err = NULL;
    if (sqlite3_exec(conn, pragmas, NULL, NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "alliance: %s: %s\n", path, err ? err : "cannot set pragmas");
        sqlite3_free(err);
        sqlite3_close(conn);
        return -1;
    }
    *ops = &sqlite_ops;
    *out = conn;
    return 0;
}
