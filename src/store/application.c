/*
 * store/application.c — applications of lessons (application.h). Reads join
 * the lesson's facts in the search index, so that who may see an
 * application follows who may read its lesson (row.h), and they leave out
 * who recorded it and by whom it was applied where the reader may not know
 * the lesson's author, unless it was recorded on one of the reader's
 * platforms.
 */
#include "domain/application.h"
#include "core/arena.h"
#include "core/id.h"
#include "store/row.h"
#include "store/store.h"

#include <string.h>

#define APPLICATION_ITEM                                                                           \
    "si.kind", "si.item_key", "si.visibility", "si.platform_key", "si.alliance_key",               \
        "si.published", "si.author_key"
#define APPLICATION_VISIBLE                                                                        \
    "ap.removed_at IS NULL AND " ROW_EXPAND(                                                       \
        ROW_VISIBLE_ITEM, APPLICATION_ITEM) " AND " ROW_VISIBLE_ALLIANCE_KEY("p.alliance_key")
#define APPLICATION_NAMED                                                                          \
    "(" ROW_EXPAND(ROW_ITEM_ATTRIBUTED, APPLICATION_ITEM) " OR ap.platform_key IN (SELECT key "    \
                                                          "FROM viewer_platform))"

#define APPLICATION_COLUMNS                                                                        \
    "ap.key, ap.id, ap.lesson_key, si.item_id, si.title, ap.platform_key, p.id, p.name, "          \
    "p.depth, coalesce(lv.label, ''), a.key, a.slug, a.name, ap.kind, ap.description, "            \
    "ap.applied_on, CASE WHEN " APPLICATION_NAMED " THEN ap.applied_by END, ap.link, rb.id, "      \
    "rb.name, ap.created_at "

#define APPLICATION_FROM                                                                           \
    "FROM application ap JOIN search_item si ON si.kind = 'lesson' AND si.item_key = "             \
    "ap.lesson_key "                                                                               \
    "JOIN platform p ON p.key = ap.platform_key JOIN alliance a ON a.key = p.alliance_key "        \
    "LEFT JOIN alliance_level lv ON lv.alliance_key = p.alliance_key AND lv.depth = p.depth "

#define APPLICATION_PEOPLE                                                                         \
    "LEFT JOIN person rb ON rb.key = ap.recorded_by_key AND " ROW_VISIBLE_PERSON(                  \
        "rb") " AND " APPLICATION_NAMED " "

static void application_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct application *ap = item;
    ap->key = db_column_int(st, 0);
    ap->id = row_text(c, st, 1);
    ap->lesson_key = db_column_int(st, 2);
    ap->lesson_id = row_text(c, st, 3);
    ap->lesson_title = row_text(c, st, 4);
    ap->platform_key = db_column_int(st, 5);
    ap->platform_id = row_text(c, st, 6);
    ap->platform_name = row_text(c, st, 7);
    ap->platform_depth = (int)db_column_int(st, 8);
    ap->level_label = row_text(c, st, 9);
    ap->alliance_key = db_column_int(st, 10);
    ap->alliance_slug = row_text(c, st, 11);
    ap->alliance_name = row_text(c, st, 12);
    ap->kind = row_text(c, st, 13);
    ap->description = row_text(c, st, 14);
    ap->applied_on = row_text(c, st, 15);
    ap->applied_by = row_text_or_null(c, st, 16);
    ap->link = row_text(c, st, 17);
    ap->recorded_by_id = row_text_or_null(c, st, 18);
    ap->recorded_by_name = row_text_or_null(c, st, 19);
    ap->created_at = row_text(c, st, 20);
}

enum status store_application_get(struct ctx *c, const char *id, struct application **out)
{
    struct db_stmt *st = db_prepare(
        c->db, ROW_VIEWER "SELECT " APPLICATION_COLUMNS APPLICATION_FROM APPLICATION_PEOPLE
                          "WHERE ap.id = ? AND " APPLICATION_VISIBLE);
    row_viewer_bind(c, st);
    db_bind_text(st, 3, id);
    return row_one(c, st, sizeof(struct application), application_row, out);
}

static const struct row_sort application_sorts[] = {
    {"date", "ap.applied_on DESC, ap.key DESC", "ap.applied_on, ap.key"},
    {NULL, NULL, NULL},
};

static void application_where(struct row_query *q, const struct application_filter *f)
{
    row_query_where(q, APPLICATION_VISIBLE);
    if (f->lesson_key)
        row_query_int(q, "ap.lesson_key = ?", f->lesson_key);
    if (f->platform_key)
        row_query_int(q, "ap.platform_key = ?", f->platform_key);
    if (f->alliance_key)
        row_query_int(q, "p.alliance_key = ?", f->alliance_key);
    if (f->from)
        row_query_text(q, "ap.applied_on >= ?", f->from);
    if (f->to)
        row_query_text(q, "ap.applied_on < ?", f->to);
}

enum status store_application_list(struct ctx *c, const struct application_filter *f,
                                   const struct listing *l, struct application_list *out)
{
    struct row_query q;
    row_query_init(&q, c, true);
    application_where(&q, f);
    int64_t limit;
    struct db_stmt *st =
        row_query_page(&q, "SELECT " APPLICATION_COLUMNS APPLICATION_FROM APPLICATION_PEOPLE,
                       "ap.id", row_order(application_sorts, l), l, &limit);
    enum status s =
        row_all(c, st, limit, sizeof *out->items, application_row, &out->items, &out->count);
    if (s != STATUS_OK)
        return s;
    out->total = row_query_count(&q, APPLICATION_FROM);
    return STATUS_OK;
}

enum status store_application_insert(struct ctx *c, struct application *ap, int64_t recorded_by)
{
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    struct db_stmt *st = db_prepare(
        c->db, "INSERT INTO application (id, lesson_key, platform_key, kind, description, "
               "applied_on, applied_by, link, recorded_by_key, created_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING key");
    db_bind_text(st, 1, id);
    db_bind_int(st, 2, ap->lesson_key);
    db_bind_int(st, 3, ap->platform_key);
    db_bind_text(st, 4, ap->kind);
    db_bind_text(st, 5, ap->description);
    db_bind_text(st, 6, ap->applied_on);
    db_bind_text(st, 7, ap->applied_by ? ap->applied_by : "");
    db_bind_text(st, 8, ap->link);
    db_bind_key(st, 9, recorded_by);
    db_bind_text(st, 10, now);
    enum status s = row_insert(c, st, &ap->key);
    if (s == STATUS_OK)
        ap->id = arena_strdup(c->arena, id);
    return s;
}

enum status store_application_by_key(struct ctx *c, int64_t key, struct application **out)
{
    struct db_stmt *st = db_prepare(
        c->db, ROW_VIEWER "SELECT " APPLICATION_COLUMNS APPLICATION_FROM APPLICATION_PEOPLE
                          "WHERE ap.key = ?");
    row_viewer_bind(c, st);
    db_bind_int(st, 3, key);
    return row_one(c, st, sizeof(struct application), application_row, out);
}

enum status store_application_remove(struct ctx *c, int64_t key, int64_t removed_by)
{
    char now[32];
    row_now(now);
    struct db_stmt *st = db_prepare(c->db, "UPDATE application SET removed_at = ?, removed_by_key "
                                           "= ? WHERE key = ? AND removed_at IS NULL");
    db_bind_text(st, 1, now);
    db_bind_key(st, 2, removed_by);
    db_bind_int(st, 3, key);
    return row_write(c, st);
}

enum status store_application_lesson_delete(struct ctx *c, int64_t lesson_key)
{
    enum status s = row_tombstones(c, "application",
                                   "SELECT id FROM application WHERE lesson_key = ?", lesson_key);
    return s == STATUS_OK
               ? row_exec_key(c, "DELETE FROM application WHERE lesson_key = ?", lesson_key)
               : s;
}

enum status store_application_platform_delete(struct ctx *c, int64_t platform_key)
{
    enum status s = row_tombstones(
        c, "application", "SELECT id FROM application WHERE platform_key = ?", platform_key);
    return s == STATUS_OK
               ? row_exec_key(c, "DELETE FROM application WHERE platform_key = ?", platform_key)
               : s;
}

enum status store_application_flows(struct ctx *c, int64_t alliance_key, int64_t platform_key,
                                    const char *since, struct flow_application **out, int *count)
{
    struct db_stmt *st = db_prepare(
        c->db, platform_key ? ROW_VIEWER "SELECT ap.lesson_key, ap.applied_on " APPLICATION_FROM
                                         "WHERE " APPLICATION_VISIBLE
                                         " AND ap.applied_on >= ? AND ap.platform_key = ? "
                                         "ORDER BY ap.applied_on"
                            : ROW_VIEWER "SELECT ap.lesson_key, ap.applied_on " APPLICATION_FROM
                                         "WHERE " APPLICATION_VISIBLE
                                         " AND ap.applied_on >= ? AND p.alliance_key = ? "
                                         "ORDER BY ap.applied_on");
    row_viewer_bind(c, st);
    db_bind_text(st, 3, since);
    db_bind_int(st, 4, platform_key ? platform_key : alliance_key);
    *count = 0;
    int cap = 64, rc;
    *out = arena_array(c->arena, (size_t)cap, sizeof **out);
    while ((rc = db_step(st)) == DB_ROW) {
        if (*count == cap) {
            struct flow_application *more = arena_array(c->arena, (size_t)cap * 2, sizeof *more);
            memcpy(more, *out, (size_t)cap * sizeof *more);
            *out = more;
            cap *= 2;
        }
        (*out)[*count].lesson_key = db_column_int(st, 0);
        (*out)[*count].applied_on = row_text(c, st, 1);
        (*count)++;
    }
    db_done(st);
    return rc < 0 ? row_status(c, rc) : STATUS_OK;
}
