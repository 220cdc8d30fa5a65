/*
 * store/budget.c — budget lines and needs (store/monitoring.h). Each is read
 * as an item of its platform at its own visibility (row.h), never a draft,
 * with no author to hide.
 */
#include "core/arena.h"
#include "core/id.h"
#include "store/monitoring.h"
#include "store/row.h"
#include "store/store.h"

#define BUDGET_VISIBLE                                                                             \
    ROW_VISIBLE_ITEM("'budget_line'", "b.key", "b.visibility", "b.platform_key", "p.alliance_key", \
                     "1", "NULL")

#define BUDGET_COLUMNS                                                                             \
    "b.key, b.id, b.platform_key, p.id, p.name, p.depth, p.alliance_key, a.slug, a.name, "         \
    "b.period, b.category, b.description, b.currency, b.planned, b.spent, b.visibility, "          \
    "b.created_at, b.updated_at "
#define BUDGET_FROM                                                                                \
    "FROM budget_line b JOIN platform p ON p.key = b.platform_key "                                \
    "JOIN alliance a ON a.key = p.alliance_key "

static void budget_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct budget_line *b = item;
    b->key = db_column_int(st, 0);
    b->id = row_text(c, st, 1);
    b->platform_key = db_column_int(st, 2);
    b->platform_id = row_text(c, st, 3);
    b->platform_name = row_text(c, st, 4);
    b->platform_depth = (int)db_column_int(st, 5);
    b->alliance_key = db_column_int(st, 6);
    b->alliance_slug = row_text(c, st, 7);
    b->alliance_name = row_text(c, st, 8);
    b->period = row_text(c, st, 9);
    b->category = row_text(c, st, 10);
    b->description = row_text(c, st, 11);
    b->currency = row_text(c, st, 12);
    b->planned = db_column_int(st, 13);
    b->spent = db_column_int(st, 14);
    b->visibility = row_text(c, st, 15);
    b->created_at = row_text(c, st, 16);
    b->updated_at = row_text(c, st, 17);
}

enum status store_budget_get(struct ctx *c, const char *id, struct budget_line **out)
{
    struct db_stmt *st = db_prepare(c->db, ROW_VIEWER "SELECT " BUDGET_COLUMNS BUDGET_FROM
                                                      "WHERE b.id = ? AND " BUDGET_VISIBLE);
    row_viewer_bind(c, st);
    db_bind_text(st, 3, id);
    return row_one(c, st, sizeof(struct budget_line), budget_row, out);
}

enum status store_budget_list(struct ctx *c, const struct budget_filter *f, const struct listing *l,
                              struct budget_list *out)
{
    struct row_query q;
    row_query_init(&q, c, true);
    row_query_where(&q, BUDGET_VISIBLE);
    if (f->platform_key)
        row_query_int(&q, "b.platform_key = ?", f->platform_key);
    if (f->alliance_key)
        row_query_int(&q, "p.alliance_key = ?", f->alliance_key);
    if (f->period)
        row_query_text(&q, "b.period = ?", f->period);
    if (f->category)
        row_query_text(&q, "b.category = ?", f->category);
    enum status s;
    if (l) {
        int64_t limit;
        static const struct row_sort sorts[] = {
            {"period", "b.period, b.platform_key, b.category, b.key",
             "b.period DESC, b.platform_key, b.category, b.key"},
            {NULL, NULL, NULL}};
        struct db_stmt *st = row_query_page(&q, "SELECT " BUDGET_COLUMNS BUDGET_FROM, "b.id",
                                            row_order(sorts, l), l, &limit);
        s = row_all(c, st, limit, sizeof *out->items, budget_row, &out->items, &out->count);
        if (s == STATUS_OK)
            out->total = row_query_count(&q, BUDGET_FROM);
        return s;
    }
    struct db_stmt *st = db_prepare(
        c->db, arena_printf(c->arena,
                            "%sSELECT " BUDGET_COLUMNS BUDGET_FROM
                            "%s ORDER BY b.period, p.depth, lower(p.name), b.category, b.key "
                            "LIMIT ?",
                            ROW_VIEWER, q.where));
    db_bind_int(st, row_query_bind(&q, st), BUDGET_LIST_MAX);
    s = monitoring_rows(c, st, BUDGET_LIST_MAX, sizeof *out->items, budget_row, &out->items,
                        &out->count);
    out->total = out->count;
    return s;
}

static void budget_bind(struct db_stmt *st, const struct budget_line *b)
{
    db_bind_text(st, 1, b->period);
    db_bind_text(st, 2, b->category);
    db_bind_text(st, 3, b->description);
    db_bind_text(st, 4, b->currency);
    db_bind_int(st, 5, b->planned);
    db_bind_int(st, 6, b->spent);
    db_bind_text(st, 7, b->visibility);
}

enum status store_budget_insert(struct ctx *c, struct budget_line *b)
{
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    struct db_stmt *st = db_prepare(
        c->db, "INSERT INTO budget_line (period, category, description, currency, planned, "
               "spent, visibility, id, platform_key, created_at, updated_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING key");
    budget_bind(st, b);
    db_bind_text(st, 8, id);
    db_bind_int(st, 9, b->platform_key);
    db_bind_text(st, 10, now);
    db_bind_text(st, 11, now);
    enum status s = row_insert(c, st, &b->key);
    if (s == STATUS_OK) {
        b->id = arena_strdup(c->arena, id);
        b->created_at = b->updated_at = arena_strdup(c->arena, now);
    }
    return s;
}

enum status store_budget_update(struct ctx *c, struct budget_line *b)
{
    char now[32];
    row_now(now);
    struct db_stmt *st =
        db_prepare(c->db, "UPDATE budget_line SET period = ?, category = ?, description = ?, "
                          "currency = ?, planned = ?, spent = ?, visibility = ?, updated_at = ? "
                          "WHERE key = ?");
    budget_bind(st, b);
    db_bind_text(st, 8, now);
    db_bind_int(st, 9, b->key);
    enum status s = row_write(c, st);
    if (s == STATUS_OK)
        b->updated_at = arena_strdup(c->arena, now);
    return s;
}

enum status store_budget_delete(struct ctx *c, const struct budget_line *b)
{
    enum status s = row_exec_key(c, "DELETE FROM budget_line WHERE key = ?", b->key);
    return s == STATUS_OK ? store_tombstone(c, b->id, "budget_line") : s;
}

#define NEED_VISIBLE                                                                               \
    ROW_VISIBLE_ITEM("'need'", "n.key", "n.visibility", "n.platform_key", "p.alliance_key", "1",   \
                     "NULL")

#define NEED_COLUMNS                                                                               \
    "n.key, n.id, n.platform_key, p.id, p.name, p.alliance_key, a.slug, a.name, n.kind, "          \
    "n.title, n.description, coalesce(o.key, 0), o.id, o.name, n.provider_note, n.status, "        \
    "n.visibility, n.created_at, n.updated_at "
#define NEED_FROM                                                                                  \
    "FROM need n JOIN platform p ON p.key = n.platform_key "                                       \
    "JOIN alliance a ON a.key = p.alliance_key "                                                   \
    "LEFT JOIN organisation o ON o.key = n.provider_key "

static void need_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct need *n = item;
    n->key = db_column_int(st, 0);
    n->id = row_text(c, st, 1);
    n->platform_key = db_column_int(st, 2);
    n->platform_id = row_text(c, st, 3);
    n->platform_name = row_text(c, st, 4);
    n->alliance_key = db_column_int(st, 5);
    n->alliance_slug = row_text(c, st, 6);
    n->alliance_name = row_text(c, st, 7);
    n->kind = row_text(c, st, 8);
    n->title = row_text(c, st, 9);
    n->description = row_text(c, st, 10);
    n->provider_key = db_column_int(st, 11);
    n->provider_id = row_text_or_null(c, st, 12);
    n->provider_name = row_text_or_null(c, st, 13);
    n->provider_note = row_text(c, st, 14);
    n->status = row_text(c, st, 15);
    n->visibility = row_text(c, st, 16);
    n->created_at = row_text(c, st, 17);
    n->updated_at = row_text(c, st, 18);
}

enum status store_need_get(struct ctx *c, const char *id, struct need **out)
{
    struct db_stmt *st = db_prepare(c->db, ROW_VIEWER "SELECT " NEED_COLUMNS NEED_FROM
                                                      "WHERE n.id = ? AND " NEED_VISIBLE);
    row_viewer_bind(c, st);
    db_bind_text(st, 3, id);
    return row_one(c, st, sizeof(struct need), need_row, out);
}

enum status store_need_list(struct ctx *c, const struct need_filter *f, const struct listing *l,
                            struct need_list *out)
{
    static const struct row_sort sorts[] = {
        {"status", "n.status DESC, lower(n.title), n.key", "n.status, lower(n.title), n.key"},
        {"title", "lower(n.title), n.key", "lower(n.title) DESC, n.key DESC"},
        {NULL, NULL, NULL}};
    struct row_query q;
    row_query_init(&q, c, true);
    row_query_where(&q, NEED_VISIBLE);
    if (f->platform_key)
        row_query_int(&q, "n.platform_key = ?", f->platform_key);
    if (f->alliance_key)
        row_query_int(&q, "p.alliance_key = ?", f->alliance_key);
    if (f->status)
        row_query_text(&q, "n.status = ?", f->status);
    int64_t limit;
    struct db_stmt *st = row_query_page(&q, "SELECT " NEED_COLUMNS NEED_FROM, "n.id",
                                        row_order(sorts, l), l, &limit);
    enum status s = row_all(c, st, limit, sizeof *out->items, need_row, &out->items, &out->count);
    if (s == STATUS_OK)
        out->total = row_query_count(&q, NEED_FROM);
    return s;
}

static void need_bind(struct db_stmt *st, const struct need *n)
{
    db_bind_text(st, 1, n->kind);
    db_bind_text(st, 2, n->title);
    db_bind_text(st, 3, n->description);
    db_bind_key(st, 4, n->provider_key);
    db_bind_text(st, 5, n->provider_note);
    db_bind_text(st, 6, n->status);
    db_bind_text(st, 7, n->visibility);
}

enum status store_need_insert(struct ctx *c, struct need *n)
{
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    struct db_stmt *st = db_prepare(
        c->db, "INSERT INTO need (kind, title, description, provider_key, provider_note, status, "
               "visibility, id, platform_key, created_at, updated_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING key");
    need_bind(st, n);
    db_bind_text(st, 8, id);
    db_bind_int(st, 9, n->platform_key);
    db_bind_text(st, 10, now);
    db_bind_text(st, 11, now);
    enum status s = row_insert(c, st, &n->key);
    if (s == STATUS_OK) {
        n->id = arena_strdup(c->arena, id);
        n->created_at = n->updated_at = arena_strdup(c->arena, now);
    }
    return s;
}

enum status store_need_update(struct ctx *c, struct need *n)
{
    char now[32];
    row_now(now);
    struct db_stmt *st =
        db_prepare(c->db, "UPDATE need SET kind = ?, title = ?, description = ?, "
                          "provider_key = ?, provider_note = ?, status = ?, visibility = ?, "
                          "updated_at = ? WHERE key = ?");
    need_bind(st, n);
    db_bind_text(st, 8, now);
    db_bind_int(st, 9, n->key);
    enum status s = row_write(c, st);
    if (s == STATUS_OK)
        n->updated_at = arena_strdup(c->arena, now);
    return s;
}

enum status store_need_delete(struct ctx *c, const struct need *n)
{
    enum status s = row_exec_key(c, "DELETE FROM need WHERE key = ?", n->key);
    return s == STATUS_OK ? store_tombstone(c, n->id, "need") : s;
}
