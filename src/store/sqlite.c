/*
 * sqlite.c — the SQLite backend (backend.h): WAL mode, synchronous=FULL,
 * foreign keys on, persistent prepared statements. The schema's SQL is
 * written in SQLite's dialect, so it runs as it is.
 *
 * The data version. SQLite tells a connection that the database changed
 * (PRAGMA data_version: another connection committed; total_changes: this one
 * wrote) but not what changed, and bookkeeping (a session's last-seen time,
 * sign-in counters) must not make every event loop drop its memos and kept
 * answers. So a row, alliance_data_version, counts the commits of each kind:
 * n the data's, b the bookkeeping's (db_begin_bookkeeping), each bumped inside
 * its transaction (or just after a write that commits by itself). When the
 * database changed, the version (a number of this connection's own) moves
 * unless the change is explained by bookkeeping alone: b moved and n did not.
 * A change nothing explains (a write by another program, a restore) moves it
 * too.
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

/* A connection and what it saw of the data version (lite_version). */
struct lite_conn {
    sqlite3 *db;
    int64_t data_version, total_changes; /* when it last looked */
    int64_t n, b;                        /* the counters it then read */
    int64_t version;                     /* moves with every change of the data */
    int64_t changes_at_begin;            /* total_changes when the transaction began */
    bool looked;
};

#define VERSION_TABLE                                                                              \
    "CREATE TABLE IF NOT EXISTS alliance_data_version (id INTEGER PRIMARY KEY CHECK (id = 1), "    \
    "n INTEGER NOT NULL, b INTEGER NOT NULL);"                                                     \
    "INSERT OR IGNORE INTO alliance_data_version VALUES (1, 0, 0);"
#define BUMP_DATA        "UPDATE alliance_data_version SET n = n + 1 WHERE id = 1"
#define BUMP_BOOKKEEPING "UPDATE alliance_data_version SET b = b + 1 WHERE id = 1"

/* A write that committed by itself (no transaction open) counts as the data's;
 * the count follows the commit, so no reader takes the new count for the old
 * data. Bookkeeping always opens a transaction (db_begin_bookkeeping). */
static void bump_after_autocommit(sqlite3_stmt *stmt)
{
    sqlite3 *db = sqlite3_db_handle(stmt);
    if (!sqlite3_stmt_readonly(stmt) && sqlite3_get_autocommit(db))
        sqlite3_exec(db, BUMP_DATA, NULL, NULL, NULL);
}

static void *lite_prepare(void *conn, const char *sql)
{
    struct lite_conn *lc = conn;
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v3(lc->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK) {
        fprintf(stderr, "alliance: %s\n", sqlite3_errmsg(lc->db));
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
    bool unfinished = sqlite3_stmt_busy(stmt); /* a write ... RETURNING commits at its reset */
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (unfinished)
        bump_after_autocommit(stmt);
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
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE)
        bump_after_autocommit(stmt);
    return map_result(rc);
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
    struct lite_conn *lc = conn;
    int64_t before = sqlite3_total_changes64(lc->db);
    if (strcmp(sql, "BEGIN") == 0) {
        sql = "BEGIN IMMEDIATE";
        lc->changes_at_begin = before;
    }
    int rc = sqlite3_exec(lc->db, sql, NULL, NULL, NULL);
    if (sqlite3_get_autocommit(lc->db) && sqlite3_total_changes64(lc->db) != before)
        sqlite3_exec(lc->db, BUMP_DATA, NULL, NULL, NULL); /* as bump_after_autocommit */
    return map_result(rc);
}

static const char *lite_errmsg(void *conn)
{
    return sqlite3_errmsg(((struct lite_conn *)conn)->db);
}

static int64_t lite_changes(void *conn)
{
    return sqlite3_changes64(((struct lite_conn *)conn)->db);
}

/* read_int runs sql for one number; -1 when it gives none. */
static int64_t read_int(sqlite3 *db, const char *sql, int column)
{
    sqlite3_stmt *stmt;
    int64_t n = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK) {
        if (sqlite3_step(stmt) == SQLITE_ROW)
            n = sqlite3_column_int64(stmt, column);
        sqlite3_finalize(stmt);
    }
    return n;
}

/* The version (see the top of the file): the counters are read only when
 * the database changed since the last look, which is what data_version (other
 * connections) and total_changes (this one) tell. */
static int64_t lite_version(void *conn)
{
    struct lite_conn *lc = conn;
    int64_t data_version = read_int(lc->db, "PRAGMA data_version", 0);
    int64_t total_changes = sqlite3_total_changes64(lc->db);
    if (lc->looked && data_version == lc->data_version && total_changes == lc->total_changes)
        return lc->version;
    sqlite3_stmt *stmt;
    int64_t n = -1, b = -1;
    if (sqlite3_prepare_v2(lc->db, "SELECT n, b FROM alliance_data_version WHERE id = 1", -1, &stmt,
                           NULL) == SQLITE_OK) {
        if (sqlite3_step(stmt) == SQLITE_ROW) {
            n = sqlite3_column_int64(stmt, 0);
            b = sqlite3_column_int64(stmt, 1);
        }
        sqlite3_finalize(stmt);
    }
    bool bookkeeping_only = lc->looked && n >= 0 && n == lc->n && b != lc->b;
    if (!bookkeeping_only)
        lc->version++;
    lc->looked = true;
    lc->data_version = data_version;
    lc->total_changes = total_changes;
    lc->n = n;
    lc->b = b;
    return lc->version;
}

/* INTEGER PRIMARY KEY columns take the greatest key plus one by themselves. */
static int lite_reset_keys(void *conn, const char *table)
{
    (void)conn;
    (void)table;
    return DB_DONE;
}

static int lite_before_commit(void *conn, bool bookkeeping)
{
    struct lite_conn *lc = conn;
    /* A transaction that changed no row counts for nothing (and its commit
     * stays free: no page to write, nothing to sync). */
    if (sqlite3_total_changes64(lc->db) == lc->changes_at_begin)
        return DB_DONE;
    return map_result(
        sqlite3_exec(lc->db, bookkeeping ? BUMP_BOOKKEEPING : BUMP_DATA, NULL, NULL, NULL));
}

/* lite_copy runs SQLite's online backup a thousand pages a step, between
 * file and connection either way. A write to the source by another
 * connection meanwhile makes the backup start over from the changed pages,
 * so the copy is always of one moment. */
static int lite_copy(void *conn, const char *path, bool restore, db_progress progress, void *arg)
{
    sqlite3 *db = ((struct lite_conn *)conn)->db;
    sqlite3 *file = NULL;
    int flags = restore ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path, &file, flags, NULL) != SQLITE_OK) {
        sqlite3_close(file);
        return DB_ERROR;
    }
    sqlite3 *to = restore ? db : file, *from = restore ? file : db;
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
    /* A restored database is a change no counter explains (lite_version);
     * one older than the counter gets it. */
    if (rc == SQLITE_OK && restore)
        sqlite3_exec(db, VERSION_TABLE BUMP_DATA, NULL, NULL, NULL);
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
    struct lite_conn *lc = conn;
    sqlite3_close(lc->db);
    free(lc);
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
                                       "PRAGMA cache_size=-8000;" VERSION_TABLE;
    char *err = NULL;
    if (sqlite3_exec(conn, pragmas, NULL, NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "alliance: %s: %s\n", path, err ? err : "cannot set pragmas");
        sqlite3_free(err);
        sqlite3_close(conn);
        return -1;
    }
    struct lite_conn *lc = calloc(1, sizeof *lc);
    if (!lc)
        abort();
    lc->db = conn;
    *ops = &sqlite_ops;
    *out = lc;
    return 0;
}
