/*
 * row.c — see row.h.
 */
#include "store/row.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/log.h"
#include "core/str.h"
#include "domain/capability.h"

#include <stdlib.h>
#include <string.h>

char *row_text(struct ctx *c, struct db_stmt *st, int i)
{
    const char *s = db_column_text(st, i);
    return arena_strdup(c->arena, s ? s : "");
}

char *row_text_or_null(struct ctx *c, struct db_stmt *st, int i)
{
    return arena_strdup(c->arena, db_column_text(st, i));
}

enum status row_status(struct ctx *c, int rc)
{
    switch (rc) {
    case DB_DONE:
    case DB_ROW:
        return STATUS_OK;
    case DB_UNIQUE:
    case DB_FOREIGN_KEY:
        return STATUS_CONFLICT;
    case DB_CHECK:
        return STATUS_INVALID;
    case DB_ROLLED_BACK:
        return STATUS_ERROR; /* the failure that caused it was reported where it happened */
    default:
        log_error("database: %s", db_errmsg(c->db));
        return STATUS_ERROR;
    }
}

unsigned row_capabilities(struct db_stmt *st, int first)
{
    unsigned caps = 0;
    for (int i = 0; i < CAPABILITY_COUNT; i++)
        if (db_column_int(st, first + i))
            caps |= capability_bit(i);
    return caps;
}

const char *row_order(const struct row_sort *sorts, const struct listing *l)
{
    const struct row_sort *chosen = &sorts[0];
    for (const struct row_sort *s = sorts; s->key; s++)
        if (str_eq(s->key, l->sort))
            chosen = s;
    return l->descending ? chosen->descending : chosen->ascending;
}

int64_t row_limit(const struct listing *l)
{
    if (l->count_only)
        return 0; /* row_all reads none */
    if (l->limit < 1)
        return LISTING_DEFAULT_LIMIT;
    return l->limit > LISTING_MAX_LIMIT ? LISTING_MAX_LIMIT : l->limit;
}

int64_t row_count(struct db_stmt *st)
{
    int64_t n = db_step(st) == DB_ROW ? db_column_int(st, 0) : 0;
    db_done(st);
    return n;
}

void row_now(char out[32])
{
    clock_now_iso(out, 32);
}

enum status row_exec_key(struct ctx *c, const char *sql, int64_t key)
{
    struct db_stmt *st = db_prepare(c->db, sql);
    db_bind_int(st, 1, key);
    return row_write(c, st);
}

enum status row_tombstones(struct ctx *c, const char *kind, const char *ids_sql, int64_t key)
{
    char now[32];
    row_now(now);
    char *sql = arena_printf(c->arena,
                             "INSERT INTO tombstone (id, kind, deleted_at, deleted_by) "
                             "SELECT doomed.id, CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT) "
                             "FROM (%s) AS doomed",
                             ids_sql);
    struct db_stmt *st = db_prepare(c->db, sql);
    db_bind_text(st, 1, kind);
    db_bind_text(st, 2, now);
    db_bind_text(st, 3, c->viewer->account_id);
    db_bind_int(st, 4, key);
    int rc = db_step(st);
    db_done(st);
    return row_status(c, rc);
}

void row_viewer_bind(struct ctx *c, struct db_stmt *st)
{
    db_bind_int(st, 1, c->viewer->person_key);
    db_bind_int(st, 2, c->viewer->admin ? 1 : 0);
}

bool row_viewer_sees_all(struct ctx *c)
{
    static const char memo[] = "hidden alliances";
    if (c->viewer->admin)
        return true;
    int64_t n;
    if (!db_memo_get(c->db, memo, c->viewer->person_key, &n)) {
        struct db_stmt *st = db_prepare(c->db, ROW_VIEWER "SELECT count(*) FROM hidden_alliance");
        row_viewer_bind(c, st);
        n = row_count(st);
        db_memo_put(c->db, memo, c->viewer->person_key, n);
    }
    return n == 0;
}

void row_query_init(struct row_query *q, struct ctx *c, bool viewer)
{
    q->c = c;
    q->viewer = viewer;
    q->where = "";
    q->count = 0;
}

void row_query_where(struct row_query *q, const char *condition)
{
    q->where =
        arena_printf(q->c->arena, "%s %s (%s)", q->where, *q->where ? "AND" : "WHERE", condition);
}

static void row_query_add(struct row_query *q, const char *condition, const char *text,
                          int64_t integer)
{
    if (q->count == ROW_QUERY_MAX)
        abort(); /* more filters than any list has: a bug */
    int repeat = 0;
    for (const char *p = condition; *p; p++)
        repeat += *p == '?';
    q->binds[q->count].text = text;
    q->binds[q->count].integer = integer;
    q->binds[q->count].repeat = repeat;
    q->count++;
    row_query_where(q, condition);
}

void row_query_int(struct row_query *q, const char *condition, int64_t value)
{
    row_query_add(q, condition, NULL, value);
}

void row_query_text(struct row_query *q, const char *condition, const char *text)
{
    row_query_add(q, condition, text, 0);
}

int row_query_bind(const struct row_query *q, struct db_stmt *st)
{
    int n = 1;
    if (q->viewer) {
        row_viewer_bind(q->c, st);
        n = 3;
    }
    return row_query_bind_at(q, st, n);
}

int row_query_bind_at(const struct row_query *q, struct db_stmt *st, int n)
{
    for (int i = 0; i < q->count; i++)
        for (int k = 0; k < q->binds[i].repeat; k++, n++) {
            if (q->binds[i].text)
                db_bind_text(st, n, q->binds[i].text);
            else
                db_bind_int(st, n, q->binds[i].integer);
        }
    return n;
}

struct db_stmt *row_query_page(struct row_query *q, const char *head, const char *id_column,
                               const char *order, const struct listing *l, int64_t *limit)
{
    struct row_query paged = *q;
    if (l->after) {
        row_query_text(&paged, arena_printf(q->c->arena, "%s > ?", id_column), l->after);
        order = id_column;
    }
    char *sql = arena_printf(q->c->arena, "%s%s%s ORDER BY %s LIMIT ? OFFSET ?",
                             q->viewer ? ROW_VIEWER : "", head, paged.where, order);
    struct db_stmt *st = db_prepare(q->c->db, sql);
    int n = row_query_bind(&paged, st);
    *limit = row_limit(l);
    db_bind_int(st, n, *limit);
    db_bind_int(st, n + 1, l->after ? 0 : l->offset);
    return st;
}

/* count_key names a count by its statement and every value bound to it (the
 * viewer included), for the memo. */
static int64_t count_key(const struct row_query *q, const char *sql)
{
    uint64_t h = str_hash(STR_HASH_START, sql, strlen(sql) + 1);
    if (q->viewer) {
        int64_t viewer[2] = {q->c->viewer->person_key, q->c->viewer->admin ? 1 : 0};
        h = str_hash(h, viewer, sizeof viewer);
    }
    for (int i = 0; i < q->count; i++) {
        if (q->binds[i].text)
            h = str_hash(h, q->binds[i].text, strlen(q->binds[i].text) + 1);
        else
            h = str_hash(h, &q->binds[i].integer, sizeof q->binds[i].integer);
        h = str_hash(h, q->binds[i].text ? "t" : "i", 1);
    }
    return (int64_t)h;
}

int64_t row_query_count(const struct row_query *q, const char *from)
{
    static const char memo[] = "list count";
    char *sql = arena_printf(q->c->arena, "%sSELECT count(*) %s%s", q->viewer ? ROW_VIEWER : "",
                             from, q->where);
    int64_t key = count_key(q, sql), n;
    if (db_memo_get(q->c->db, memo, key, &n))
        return n;
    struct db_stmt *st = db_prepare(q->c->db, sql);
    row_query_bind(q, st);
    int rc = db_step(st);
    n = rc == DB_ROW ? db_column_int(st, 0) : 0;
    db_done(st);
    if (rc == DB_ROW) /* a failure is not kept */
        db_memo_put(q->c->db, memo, key, n);
    return n;
}

enum status row_one(struct ctx *c, struct db_stmt *st, size_t size, row_reader read, void *out)
{
    int rc = db_step(st);
    if (rc != DB_ROW) {
        db_done(st);
        return rc == DB_DONE ? STATUS_NOT_FOUND : row_status(c, rc);
    }
    void *item = arena_alloc(c->arena, size);
    read(c, st, item);
    db_done(st);
    *(void **)out = item;
    return STATUS_OK;
}

enum status row_all(struct ctx *c, struct db_stmt *st, int64_t limit, size_t size, row_reader read,
                    void *items, int *count)
{
    char *array = arena_array(c->arena, (size_t)(limit > 0 ? limit : 1), size);
    int n = 0, rc = DB_DONE;
    while (n < limit && (rc = db_step(st)) == DB_ROW)
        read(c, st, array + (size_t)n++ * size);
    db_done(st);
    *(void **)items = array;
    *count = n;
    return rc < 0 ? row_status(c, rc) : STATUS_OK;
}

enum status row_write(struct ctx *c, struct db_stmt *st)
{
    int rc = db_step(st);
    db_done(st);
    return row_status(c, rc);
}

enum status row_insert(struct ctx *c, struct db_stmt *st, int64_t *key)
{
    int rc = db_step(st);
    if (rc == DB_ROW)
        *key = db_column_int(st, 0);
    db_done(st);
    return rc == DB_ROW ? STATUS_OK : row_status(c, rc);
}
