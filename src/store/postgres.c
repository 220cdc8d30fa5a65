/*
 * postgres.c — the PostgreSQL backend (backend.h), over libpq. Statements are
 * prepared on the server once per connection; their '?' and '?N' placeholders
 * become $N. A statement's rows arrive whole (every query the program makes is
 * bounded by a LIMIT). Constraint errors are told apart by SQLSTATE, so the
 * domain answers the same on both engines.
 *
 * The schema arrives in SQLite's dialect (schema.c) and is translated word
 * for word: "INTEGER PRIMARY KEY" becomes an identity column, INTEGER becomes
 * BIGINT, STRICT is dropped.
 *
 * The data version (for memos that several servers must invalidate together)
 * is a counter row, alliance_data_version, that every write transaction bumps
 * before it commits, except bookkeeping (db_begin_bookkeeping).
 */
#include "store/backend.h"
#include "store/db.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PARAMS_MAX 64

struct pg_conn {
    PGconn *conn;
    unsigned next_name; /* numbers the prepared statements */
    int64_t changes;    /* rows changed by the last write */
    bool wrote;         /* the open transaction changed something (pg_before_commit) */
    char error[512];
};

struct pg_stmt {
    struct pg_conn *pc;
    char name[16];
    int params;
    char *values[PARAMS_MAX]; /* owned copies; NULL binds SQL NULL */
    PGresult *result;         /* the rows, after the first step */
    int row;                  /* the current row; -1 before the first */
};

/* translate rewrites '?' and '?N' as $N outside string literals; returns a
 * malloc'd string and the number of parameters. */
static char *translate(const char *sql, int *params)
{
    size_t n = strlen(sql);
    char *out = malloc(n * 4 + 1);
    if (!out)
        abort();
    char *w = out;
    int highest = 0;
    bool quoted = false;
    for (const char *p = sql; *p; p++) {
        if (*p == '\'')
            quoted = !quoted;
        if (*p != '?' || quoted) {
            *w++ = *p;
            continue;
        }
        int number;
        if (p[1] >= '0' && p[1] <= '9') {
            char *end;
            number = (int)strtol(p + 1, &end, 10);
            p = end - 1;
        } else {
            number = highest + 1;
        }
        if (number > highest)
            highest = number;
        w += snprintf(w, 16, "$%d", number);
    }
    *w = '\0';
    *params = highest;
    return out;
}

/* map_error names the class of a failed statement from its SQLSTATE. */
static int map_error(struct pg_conn *pc, const PGresult *res)
{
    const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
    snprintf(pc->error, sizeof pc->error, "%s",
             res ? PQresultErrorMessage(res) : PQerrorMessage(pc->conn));
    if (!state)
        return DB_ERROR;
    if (strcmp(state, "23505") == 0)
        return DB_UNIQUE;
    if (strcmp(state, "23503") == 0)
        return DB_FOREIGN_KEY;
    if (strcmp(state, "23514") == 0 || strcmp(state, "23502") == 0 || strcmp(state, "22P02") == 0)
        return DB_CHECK;
    if (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0 || strcmp(state, "55P03") == 0)
        return DB_BUSY;
    return DB_ERROR;
}

static void *pg_prepare(void *conn, const char *sql)
{
    struct pg_conn *pc = conn;
    struct pg_stmt *st = calloc(1, sizeof *st);
    if (!st)
        abort();
    st->pc = pc;
    st->row = -1;
    char *text = translate(sql, &st->params);
    if (st->params > PARAMS_MAX)
        abort();
    snprintf(st->name, sizeof st->name, "s%u", pc->next_name++);
    PGresult *res = PQprepare(pc->conn, st->name, text, st->params, NULL);
    free(text);
    bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
    if (!ok)
        fprintf(stderr, "alliance: %s", PQresultErrorMessage(res));
    PQclear(res);
    if (!ok) {
        free(st);
        return NULL;
    }
    return st;
}

static void pg_reset(void *stmt)
{
    struct pg_stmt *st = stmt;
    PQclear(st->result);
    st->result = NULL;
    st->row = -1;
    for (int i = 0; i < st->params; i++) {
        free(st->values[i]);
        st->values[i] = NULL;
    }
}

static void pg_finalize(void *stmt)
{
    pg_reset(stmt);
    free(stmt); /* the server's copy goes with the connection */
}

static void pg_bind_text(void *stmt, int i, const char *text)
{
    struct pg_stmt *st = stmt;
    if (i < 1 || i > st->params)
        abort();
    free(st->values[i - 1]);
    st->values[i - 1] = strdup(text);
    if (!st->values[i - 1])
        abort();
}

static void pg_bind_int(void *stmt, int i, int64_t value)
{
    char text[24];
    snprintf(text, sizeof text, "%lld", (long long)value);
    pg_bind_text(stmt, i, text);
}

static void pg_bind_null(void *stmt, int i)
{
    struct pg_stmt *st = stmt;
    if (i < 1 || i > st->params)
        abort();
    free(st->values[i - 1]);
    st->values[i - 1] = NULL;
}

static int pg_before_commit(void *conn, bool bookkeeping);

static int pg_step(void *stmt)
{
    struct pg_stmt *st = stmt;
    if (!st->result) {
        st->result = PQexecPrepared(st->pc->conn, st->name, st->params,
                                    (const char *const *)st->values, NULL, NULL, 0);
        ExecStatusType status = PQresultStatus(st->result);
        if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
            int rc = map_error(st->pc, st->result);
            PQclear(st->result);
            st->result = NULL;
            return rc;
        }
        const char *tuples = PQcmdTuples(st->result);
        st->pc->changes = *tuples ? strtoll(tuples, NULL, 10) : 0;
        if (st->pc->changes > 0 && strncmp(PQcmdStatus(st->result), "SELECT", 6) != 0)
            st->pc->wrote = true;
        if (st->pc->changes > 0 && PQtransactionStatus(st->pc->conn) == PQTRANS_IDLE &&
            strncmp(PQcmdStatus(st->result), "SELECT", 6) != 0)
            pg_before_commit(st->pc, false); /* a write outside a transaction moves it too */
    }
    if (++st->row < PQntuples(st->result))
        return DB_ROW;
    return DB_DONE;
}

static const char *pg_column_text(void *stmt, int i)
{
    struct pg_stmt *st = stmt;
    if (!st->result || st->row < 0 || PQgetisnull(st->result, st->row, i))
        return NULL;
    return PQgetvalue(st->result, st->row, i);
}

static int64_t pg_column_int(void *stmt, int i)
{
    const char *text = pg_column_text(stmt, i);
    return text ? strtoll(text, NULL, 10) : 0;
}

static bool pg_column_is_null(void *stmt, int i)
{
    return pg_column_text(stmt, i) == NULL;
}

/* replace_word writes text with every whole-word from replaced by to. */
static char *replace_words(const char *text, const char *from, const char *to)
{
    size_t nf = strlen(from), nt = strlen(to), n = strlen(text);
    char *out = malloc(n * (nt > nf ? nt : nf) / (nf ? nf : 1) + n + 1);
    if (!out)
        abort();
    char *w = out;
    for (const char *p = text; *p;) {
        bool start = p == text || !(p[-1] == '_' || (p[-1] >= 'a' && p[-1] <= 'z') ||
                                    (p[-1] >= 'A' && p[-1] <= 'Z'));
        if (start && strncmp(p, from, nf) == 0 &&
            !(p[nf] == '_' || (p[nf] >= 'a' && p[nf] <= 'z') || (p[nf] >= 'A' && p[nf] <= 'Z'))) {
            memcpy(w, to, nt);
            w += nt;
            p += nf;
        } else {
            *w++ = *p++;
        }
    }
    *w = '\0';
    return out;
}

/* schema_dialect translates schema SQL from SQLite's dialect (schema.c). */
static char *schema_dialect(const char *sql)
{
    static const char *const words[][2] = {
        {"INTEGER PRIMARY KEY", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"},
        {"INTEGER", "BIGINT"},
        {"STRICT", ""},
    };
    char *text = strdup(sql);
    if (!text)
        abort();
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        char *next = replace_words(text, words[i][0], words[i][1]);
        free(text);
        text = next;
    }
    return text;
}

static int pg_exec(void *conn, const char *sql, bool ddl)
{
    struct pg_conn *pc = conn;
    /* What runs here unprepared may write: counted as a change, but for the
     * transaction's own words. */
    if (strcmp(sql, "BEGIN") == 0)
        pc->wrote = false;
    else if (strcmp(sql, "COMMIT") != 0 && strcmp(sql, "ROLLBACK") != 0)
        pc->wrote = true;
    char *text = ddl ? schema_dialect(sql) : NULL;
    PGresult *res = PQexec(pc->conn, text ? text : sql);
    free(text);
    ExecStatusType status = PQresultStatus(res);
    int rc = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK ? DB_DONE : map_error(pc, res);
    PQclear(res);
    return rc;
}

static const char *pg_errmsg(void *conn)
{
    struct pg_conn *pc = conn;
    return pc->error[0] ? pc->error : PQerrorMessage(pc->conn);
}

static int64_t pg_changes(void *conn)
{
    return ((struct pg_conn *)conn)->changes;
}

static int64_t pg_version(void *conn)
{
    struct pg_conn *pc = conn;
    PGresult *res = PQexec(pc->conn, "SELECT n FROM alliance_data_version WHERE id = 1");
    int64_t n = PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1
                    ? strtoll(PQgetvalue(res, 0, 0), NULL, 10)
                    : -1;
    PQclear(res);
    return n;
}

/* After an import: the identity counter past the greatest key, and fresh
 * statistics for the planner (without them its plans are blind). */
static int pg_reset_keys(void *conn, const char *table)
{
    char sql[320];
    snprintf(sql, sizeof sql,
             "SELECT setval(pg_get_serial_sequence('%s', 'key'), coalesce(max(key), 0) + 1, "
             "false) FROM %s; ANALYZE %s",
             table, table, table);
    return pg_exec(conn, sql, false);
}

static int pg_before_commit(void *conn, bool bookkeeping)
{
    struct pg_conn *pc = conn;
    /* Bookkeeping (db_begin_bookkeeping), which no page shows, and a
     * transaction that changed nothing leave the version as it is. */
    if (bookkeeping || !pc->wrote)
        return DB_DONE;
    return pg_exec(conn, "UPDATE alliance_data_version SET n = n + 1 WHERE id = 1", false);
}

static void pg_close(void *conn)
{
    struct pg_conn *pc = conn;
    PQfinish(pc->conn);
    free(pc);
}

static char engine_name[48];

static const struct backend_ops postgres_ops = {
    .name = engine_name,
    .prepare = pg_prepare,
    .finalize = pg_finalize,
    .reset = pg_reset,
    .bind_text = pg_bind_text,
    .bind_int = pg_bind_int,
    .bind_null = pg_bind_null,
    .step = pg_step,
    .column_text = pg_column_text,
    .column_int = pg_column_int,
    .column_is_null = pg_column_is_null,
    .exec = pg_exec,
    .errmsg = pg_errmsg,
    .changes = pg_changes,
    .version = pg_version,
    .reset_keys = pg_reset_keys,
    .before_commit = pg_before_commit,
    .close = pg_close,
};

const char *postgres_library_version(char *out, size_t size)
{
    int v = PQlibVersion();
    snprintf(out, size, "%d.%d", v / 10000, v % 10000);
    return out;
}

int postgres_connect(const char *url, const struct backend_ops **ops, void **out)
{
    PGconn *conn = PQconnectdb(url);
    if (PQstatus(conn) != CONNECTION_OK) {
        /* The message of libpq names the server, never the password. */
        fprintf(stderr, "alliance: cannot connect to PostgreSQL: %s", PQerrorMessage(conn));
        PQfinish(conn);
        return -1;
    }
    struct pg_conn *pc = calloc(1, sizeof *pc);
    if (!pc)
        abort();
    pc->conn = conn;
    int v = PQserverVersion(conn);
    snprintf(engine_name, sizeof engine_name, "PostgreSQL %d.%d", v / 10000, v % 10000);
    /* UTC for any time the server makes; quiet notices; no JIT (our queries are
     * small and bounded, and compiling them costs more than running them:
     * hundreds of milliseconds a page); the version counter. */
    if (pg_exec(pc,
                "SET TIME ZONE 'UTC'; SET client_min_messages = warning; SET jit = off; "
                "CREATE TABLE IF NOT EXISTS alliance_data_version "
                "(id INTEGER PRIMARY KEY CHECK (id = 1), n BIGINT NOT NULL); "
                "INSERT INTO alliance_data_version VALUES (1, 0) ON CONFLICT (id) DO NOTHING",
                false) != DB_DONE) {
        fprintf(stderr, "alliance: PostgreSQL: %s", pc->error);
        pg_close(pc);
        return -1;
    }
    *ops = &postgres_ops;
    *out = pc;
    return 0;
}
