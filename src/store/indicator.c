/*
 * store/indicator.c — indicators and observations (store/monitoring.h).
 * Reads apply the visibility of indicator.h inside the query: an indicator's
 * definition by its alliance and level, an observation as an item of its
 * platform at its indicator's level.
 */
#include "core/arena.h"
#include "core/id.h"
#include "store/monitoring.h"
#include "store/row.h"
#include "store/store.h"

#include <string.h>

/* The indicator aliased i may be read: everything for administrators; else
 * its alliance is readable and it is public or the viewer is a member of
 * the alliance. */
#define INDICATOR_VISIBLE                                                                          \
    "((SELECT everything FROM v) = 1 OR (i.alliance_key NOT IN (SELECT key FROM "                  \
    "hidden_alliance) AND (i.visibility = 'public' OR i.alliance_key IN (SELECT key FROM "         \
    "viewer_alliance))))"

#define INDICATOR_COLUMNS                                                                          \
    "i.key, i.id, i.alliance_key, a.slug, a.name, i.name, i.description, i.kind, i.unit, "         \
    "i.baseline, i.target, i.direction, i.scale, i.aggregation, i.frequency, i.visibility, "       \
    "i.created_at, i.updated_at "
#define INDICATOR_FROM "FROM indicator i JOIN alliance a ON a.key = i.alliance_key "

enum status monitoring_rows(struct ctx *c, struct db_stmt *st, int max, size_t size,
                            monitoring_reader read, void *items, int *count)
{
    size_t capacity = 64;
    char *array = arena_array(c->arena, capacity, size);
    int n = 0, rc = DB_DONE;
    while (n < max && (rc = db_step(st)) == DB_ROW) {
        if ((size_t)n == capacity) {
            char *bigger = arena_array(c->arena, capacity * 2, size);
            memcpy(bigger, array, capacity * size);
            array = bigger;
            capacity *= 2;
        }
        read(c, st, array + (size_t)n++ * size);
    }
    db_done(st);
    *(void **)items = array;
    *count = n;
    return rc < 0 ? row_status(c, rc) : STATUS_OK;
}

static void indicator_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct indicator *ind = item;
    ind->key = db_column_int(st, 0);
    ind->id = row_text(c, st, 1);
    ind->alliance_key = db_column_int(st, 2);
    ind->alliance_slug = row_text(c, st, 3);
    ind->alliance_name = row_text(c, st, 4);
    ind->name = row_text(c, st, 5);
    ind->description = row_text(c, st, 6);
    ind->kind = row_text(c, st, 7);
    ind->unit = row_text(c, st, 8);
    ind->baseline = row_text_or_null(c, st, 9);
    ind->target = row_text_or_null(c, st, 10);
    ind->direction = row_text(c, st, 11);
    ind->scale = row_text(c, st, 12);
    ind->aggregation = row_text(c, st, 13);
    ind->frequency = row_text(c, st, 14);
    ind->visibility = row_text(c, st, 15);
    ind->created_at = row_text(c, st, 16);
    ind->updated_at = row_text(c, st, 17);
}

enum status store_indicator_get(struct ctx *c, const char *id, struct indicator **out)
{
    struct db_stmt *st = db_prepare(c->db, ROW_VIEWER "SELECT " INDICATOR_COLUMNS INDICATOR_FROM
                                                      "WHERE i.id = ? AND " INDICATOR_VISIBLE);
    row_viewer_bind(c, st);
    db_bind_text(st, 3, id);
    return row_one(c, st, sizeof(struct indicator), indicator_row, out);
}

static const struct row_sort indicator_sorts[] = {
    {"name", "lower(i.name), i.key", "lower(i.name) DESC, i.key DESC"},
    {NULL, NULL, NULL},
};

enum status store_indicator_list(struct ctx *c, int64_t alliance_key, const struct listing *l,
                                 struct indicator_list *out)
{
    struct row_query q;
    row_query_init(&q, c, true);
    row_query_where(&q, INDICATOR_VISIBLE);
    if (alliance_key)
        row_query_int(&q, "i.alliance_key = ?", alliance_key);
    int64_t limit;
    struct db_stmt *st = row_query_page(&q, "SELECT " INDICATOR_COLUMNS INDICATOR_FROM, "i.id",
                                        row_order(indicator_sorts, l), l, &limit);
    enum status s =
        row_all(c, st, limit, sizeof *out->items, indicator_row, &out->items, &out->count);
    if (s != STATUS_OK)
        return s;
    out->total = row_query_count(&q, INDICATOR_FROM);
    return STATUS_OK;
}

static void indicator_bind(struct db_stmt *st, const struct indicator *ind)
{
    db_bind_text(st, 1, ind->name);
    db_bind_text(st, 2, ind->description);
    db_bind_text(st, 3, ind->kind);
    db_bind_text(st, 4, ind->unit);
    if (ind->baseline)
        db_bind_text(st, 5, ind->baseline);
    else
        db_bind_null(st, 5);
    if (ind->target)
        db_bind_text(st, 6, ind->target);
    else
        db_bind_null(st, 6);
    db_bind_text(st, 7, ind->direction);
    db_bind_text(st, 8, ind->scale);
    db_bind_text(st, 9, ind->aggregation);
    db_bind_text(st, 10, ind->frequency);
    db_bind_text(st, 11, ind->visibility);
}

enum status store_indicator_insert(struct ctx *c, struct indicator *ind)
{
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    struct db_stmt *st = db_prepare(
        c->db, "INSERT INTO indicator (name, description, kind, unit, baseline, target, "
               "direction, scale, aggregation, frequency, visibility, id, alliance_key, "
               "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
               "RETURNING key");
    indicator_bind(st, ind);
    db_bind_text(st, 12, id);
    db_bind_int(st, 13, ind->alliance_key);
    db_bind_text(st, 14, now);
    db_bind_text(st, 15, now);
    enum status s = row_insert(c, st, &ind->key);
    if (s == STATUS_OK) {
        ind->id = arena_strdup(c->arena, id);
        ind->created_at = ind->updated_at = arena_strdup(c->arena, now);
    }
    return s;
}

enum status store_indicator_update(struct ctx *c, struct indicator *ind)
{
    char now[32];
    row_now(now);
    struct db_stmt *st =
        db_prepare(c->db, "UPDATE indicator SET name = ?, description = ?, kind = ?, unit = ?, "
                          "baseline = ?, target = ?, direction = ?, scale = ?, aggregation = ?, "
                          "frequency = ?, visibility = ?, updated_at = ? WHERE key = ?");
    indicator_bind(st, ind);
    db_bind_text(st, 12, now);
    db_bind_int(st, 13, ind->key);
    enum status s = row_write(c, st);
    if (s == STATUS_OK)
        ind->updated_at = arena_strdup(c->arena, now);
    return s;
}

/* An observation is an item of its platform at its indicator's visibility,
 * never a draft, with no author to hide. */
#define OBSERVATION_VISIBLE                                                                        \
    ROW_VISIBLE_ITEM("'observation'", "o.key", "i.visibility", "o.platform_key", "i.alliance_key", \
                     "1", "NULL")

#define OBSERVATION_COLUMNS                                                                        \
    "o.key, o.id, o.indicator_key, i.id, i.name, o.platform_key, p.id, p.name, p.depth, "          \
    "o.period, o.value, o.weight, o.source, o.note, coalesce(au.key, 0), au.id, au.name, "         \
    "o.recorded_at, coalesce(o.corrects_key, 0), o.is_current "
#define OBSERVATION_FROM                                                                           \
    "FROM observation o JOIN indicator i ON i.key = o.indicator_key "                              \
    "JOIN platform p ON p.key = o.platform_key "                                                   \
    "LEFT JOIN person au ON au.key = o.author_key AND " ROW_VISIBLE_PERSON("au") " "

static void observation_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct observation *o = item;
    o->key = db_column_int(st, 0);
    o->id = row_text(c, st, 1);
    o->indicator_key = db_column_int(st, 2);
    o->indicator_id = row_text(c, st, 3);
    o->indicator_name = row_text(c, st, 4);
    o->platform_key = db_column_int(st, 5);
    o->platform_id = row_text(c, st, 6);
    o->platform_name = row_text(c, st, 7);
    o->platform_depth = (int)db_column_int(st, 8);
    o->period = row_text(c, st, 9);
    o->value = row_text(c, st, 10);
    o->weight = row_text_or_null(c, st, 11);
    o->source = row_text(c, st, 12);
    o->note = row_text(c, st, 13);
    o->author_key = db_column_int(st, 14);
    o->author_id = row_text_or_null(c, st, 15);
    o->author_name = row_text_or_null(c, st, 16);
    o->recorded_at = row_text(c, st, 17);
    o->corrects_key = db_column_int(st, 18);
    o->current = db_column_int(st, 19) != 0;
}

enum status store_observation_get(struct ctx *c, const char *id, struct observation **out)
{
    struct db_stmt *st = db_prepare(c->db, ROW_VIEWER "SELECT " OBSERVATION_COLUMNS OBSERVATION_FROM
                                                      "WHERE o.id = ? AND " OBSERVATION_VISIBLE);
    row_viewer_bind(c, st);
    db_bind_text(st, 3, id);
    return row_one(c, st, sizeof(struct observation), observation_row, out);
}

enum status store_observation_list(struct ctx *c, const struct observation_filter *f,
                                   struct observation_list *out)
{
    struct row_query q;
    row_query_init(&q, c, true);
    row_query_where(&q, OBSERVATION_VISIBLE);
    if (!f->history)
        row_query_where(&q, "o.is_current = 1");
    if (f->indicator_key)
        row_query_int(&q, "o.indicator_key = ?", f->indicator_key);
    if (f->platform_key)
        row_query_int(&q, "o.platform_key = ?", f->platform_key);
    if (f->alliance_key)
        row_query_int(&q, "i.alliance_key = ?", f->alliance_key);
    if (f->period)
        row_query_text(&q, "o.period = ?", f->period);
    struct db_stmt *st = db_prepare(
        c->db, arena_printf(c->arena,
                            "%sSELECT " OBSERVATION_COLUMNS OBSERVATION_FROM
                            "%s ORDER BY o.period, p.depth, lower(p.name), o.key DESC LIMIT ?",
                            ROW_VIEWER, q.where));
    db_bind_int(st, row_query_bind(&q, st), OBSERVATION_LIST_MAX);
    return monitoring_rows(c, st, OBSERVATION_LIST_MAX, sizeof *out->items, observation_row,
                           &out->items, &out->count);
}

int64_t store_observation_current_key(struct ctx *c, int64_t indicator_key, int64_t platform_key,
                                      const char *period)
{
    struct db_stmt *st =
        db_prepare(c->db, "SELECT coalesce(max(key), 0) FROM observation WHERE indicator_key = ? "
                          "AND platform_key = ? AND period = ? AND is_current = 1");
    db_bind_int(st, 1, indicator_key);
    db_bind_int(st, 2, platform_key);
    db_bind_text(st, 3, period);
    return row_count(st);
}

enum status store_observation_supersede(struct ctx *c, int64_t key)
{
    return row_exec_key(c, "UPDATE observation SET is_current = 0 WHERE key = ?", key);
}

enum status store_observation_insert(struct ctx *c, struct observation *o)
{
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    struct db_stmt *st = db_prepare(
        c->db, "INSERT INTO observation (id, indicator_key, platform_key, period, value, weight, "
               "source, note, author_key, recorded_at, corrects_key, is_current) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING key");
    db_bind_text(st, 1, id);
    db_bind_int(st, 2, o->indicator_key);
    db_bind_int(st, 3, o->platform_key);
    db_bind_text(st, 4, o->period);
    db_bind_text(st, 5, o->value);
    if (o->weight)
        db_bind_text(st, 6, o->weight);
    else
        db_bind_null(st, 6);
    db_bind_text(st, 7, o->source);
    db_bind_text(st, 8, o->note);
    db_bind_key(st, 9, o->author_key);
    db_bind_text(st, 10, o->recorded_at ? o->recorded_at : now);
    db_bind_key(st, 11, o->corrects_key);
    enum status s = row_insert(c, st, &o->key);
    if (s == STATUS_OK) {
        o->id = arena_strdup(c->arena, id);
        if (!o->recorded_at)
            o->recorded_at = arena_strdup(c->arena, now);
        o->current = true;
    }
    return s;
}

enum status store_observation_delete(struct ctx *c, const struct observation *o)
{
    /* The history is every row of the platform's period: the chain of
     * corrections is cut from its newest end, so that no row names one
     * already gone. */
    struct db_stmt *st = db_prepare(c->db, "SELECT id FROM observation WHERE indicator_key = ? "
                                           "AND platform_key = ? AND period = ? ORDER BY key DESC");
    db_bind_int(st, 1, o->indicator_key);
    db_bind_int(st, 2, o->platform_key);
    db_bind_text(st, 3, o->period);
    char **ids = NULL;
    int count = 0, cap = 0;
    while (db_step(st) == DB_ROW) {
        if (count == cap) {
            cap = cap ? cap * 2 : 8;
            char **bigger = arena_array(c->arena, (size_t)cap, sizeof *bigger);
            if (count)
                memcpy(bigger, ids, (size_t)count * sizeof *ids);
            ids = bigger;
        }
        ids[count++] = row_text(c, st, 0);
    }
    db_done(st);
    enum status s = STATUS_OK;
    for (int i = 0; s == STATUS_OK && i < count; i++) {
        struct db_stmt *del = db_prepare(c->db, "DELETE FROM observation WHERE id = ?");
        db_bind_text(del, 1, ids[i]);
        s = row_write(c, del);
        if (s == STATUS_OK)
            s = store_tombstone(c, ids[i], "observation");
    }
    return s;
}

int64_t store_indicator_observation_count(struct ctx *c, int64_t indicator_key)
{
    struct db_stmt *st =
        db_prepare(c->db, "SELECT count(*) FROM observation WHERE indicator_key = ?");
    db_bind_int(st, 1, indicator_key);
    return row_count(st);
}

enum status store_indicator_delete(struct ctx *c, const struct indicator *ind)
{
    enum status s = row_tombstones(c, "observation",
                                   "SELECT id FROM observation WHERE indicator_key = ?", ind->key);
    if (s == STATUS_OK)
        s = row_exec_key(c, "UPDATE observation SET corrects_key = NULL WHERE indicator_key = ?",
                         ind->key);
    if (s == STATUS_OK)
        s = row_exec_key(c, "DELETE FROM observation WHERE indicator_key = ?", ind->key);
    if (s == STATUS_OK)
        s = row_exec_key(c, "DELETE FROM indicator WHERE key = ?", ind->key);
    return s == STATUS_OK ? store_tombstone(c, ind->id, "indicator") : s;
}
