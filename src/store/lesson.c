/*
 * store/lesson.c — lessons, their tags and evidence. Reads apply the item
 * visibility rule (row.h) inside the query.
 */
#include "domain/lesson.h"
#include "core/arena.h"
#include "core/id.h"
#include "store/item.h"
#include "store/row.h"
#include "store/store.h"

#define LESSON_VISIBLE    ROW_EXPAND(ROW_VISIBLE_ITEM, LESSON_ITEM)
#define LESSON_ATTRIBUTED ROW_EXPAND(ROW_ITEM_ATTRIBUTED, LESSON_ITEM)

/* The author (au) is joined only where the viewer may know them. */
#define LESSON_COLUMNS                                                                             \
    "ls.key, ls.id, ls.platform_key, p.id, p.name, p.depth, coalesce(lv.label, ''), a.key, "       \
    "a.slug, a.name, a.visibility, coalesce(au.key, 0), au.id, au.name, ls.title, "                \
    "ls.context, ls.what_happened, ls.lesson, ls.recommendation, ls.outcome, ls.status, "          \
    "ls.visibility, ls.question, ls.happened_on, ls.created_at, ls.updated_at, ls.published_at, "  \
    "CASE WHEN " LESSON_ATTRIBUTED " THEN 1 ELSE 0 END "

#define LESSON_FROM                                                                                \
    "FROM lesson ls JOIN platform p ON p.key = ls.platform_key "                                   \
    "JOIN alliance a ON a.key = p.alliance_key "                                                   \
    "LEFT JOIN alliance_level lv ON lv.alliance_key = p.alliance_key AND lv.depth = p.depth "      \
    "LEFT JOIN person au ON au.key = ls.author_key AND " LESSON_ATTRIBUTED " "

/* What a count needs of LESSON_FROM: the joins its conditions read (the level,
 * the author and the rest only name things on a page). */
#define LESSON_COUNTED                                                                             \
    "FROM lesson ls JOIN platform p ON p.key = ls.platform_key JOIN alliance a ON a.key = "        \
    "p.alliance_key "

static void lesson_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct lesson *ls = item;
    ls->key = db_column_int(st, 0);
    ls->id = row_text(c, st, 1);
    ls->platform_key = db_column_int(st, 2);
    ls->platform_id = row_text(c, st, 3);
    ls->platform_name = row_text(c, st, 4);
    ls->platform_depth = (int)db_column_int(st, 5);
    ls->level_label = row_text(c, st, 6);
    ls->alliance_key = db_column_int(st, 7);
    ls->alliance_slug = row_text(c, st, 8);
    ls->alliance_name = row_text(c, st, 9);
    ls->alliance_visibility = row_text(c, st, 10);
    ls->author_key = db_column_int(st, 11);
    ls->author_id = row_text_or_null(c, st, 12);
    ls->author_name = row_text_or_null(c, st, 13);
    ls->title = row_text(c, st, 14);
    ls->context = row_text(c, st, 15);
    ls->what_happened = row_text(c, st, 16);
    ls->lesson = row_text(c, st, 17);
    ls->recommendation = row_text(c, st, 18);
    ls->outcome = row_text(c, st, 19);
    ls->status = row_text(c, st, 20);
    ls->visibility = row_text(c, st, 21);
    ls->question = row_text(c, st, 22);
    ls->happened_on = row_text(c, st, 23);
    ls->created_at = row_text(c, st, 24);
    ls->updated_at = row_text(c, st, 25);
    ls->published_at = row_text_or_null(c, st, 26);
    ls->attributed = db_column_int(st, 27) != 0;
}

static enum status lesson_details_load(struct ctx *c, struct lesson *ls)
{
    struct db_stmt *st =
        db_prepare(c->db, "SELECT tag FROM lesson_tag WHERE lesson_key = ? ORDER BY tag");
    db_bind_int(st, 1, ls->key);
    ls->tag_count = 0;
    while (ls->tag_count < LESSON_TAGS_MAX && db_step(st) == DB_ROW)
        ls->tags[ls->tag_count++] = row_text(c, st, 0);
    db_done(st);
    st = db_prepare(c->db, "SELECT label, url FROM lesson_evidence WHERE lesson_key = ? "
                           "ORDER BY position");
    db_bind_int(st, 1, ls->key);
    ls->evidence_count = 0;
    while (ls->evidence_count < LESSON_EVIDENCE_MAX && db_step(st) == DB_ROW) {
        ls->evidence[ls->evidence_count].label = row_text(c, st, 0);
        ls->evidence[ls->evidence_count].url = row_text(c, st, 1);
        ls->evidence_count++;
    }
    db_done(st);
    return STATUS_OK;
}

enum status store_lesson_get(struct ctx *c, const char *id, struct lesson **out)
{
    struct db_stmt *st = db_prepare(c->db, ROW_VIEWER "SELECT " LESSON_COLUMNS LESSON_FROM
                                                      "WHERE ls.id = ? AND " LESSON_VISIBLE);
    row_viewer_bind(c, st);
    db_bind_text(st, 3, id);
    enum status s = row_one(c, st, sizeof(struct lesson), lesson_row, out);
    return s == STATUS_OK ? lesson_details_load(c, *out) : s;
}

static const struct row_sort lesson_sorts[] = {
    {"date", "ls.happened_on DESC, ls.key DESC", "ls.happened_on, ls.key"},
    {"title", "lower(ls.title), ls.key", "lower(ls.title) DESC, ls.key DESC"},
    {"outcome", "ls.outcome, ls.happened_on DESC, ls.key",
     "ls.outcome DESC, ls.happened_on, ls.key"},
    {"platform", "lower(p.name), ls.happened_on DESC, ls.key",
     "lower(p.name) DESC, ls.happened_on, ls.key"},
    {NULL, NULL, NULL},
};

enum status store_lesson_list(struct ctx *c, const struct lesson_filter *f, const struct listing *l,
                              struct lesson_list *out)
{
    struct row_query q;
    row_query_init(&q, c, true);
    row_query_where(&q, LESSON_VISIBLE);
    if (f->platform_key)
        row_query_int(&q, "ls.platform_key = ?", f->platform_key);
    if (f->alliance_key)
        row_query_int(&q, "p.alliance_key = ?", f->alliance_key);
    if (f->depth >= 0)
        row_query_int(&q, "p.depth = ?", f->depth);
    if (f->outcome)
        row_query_text(&q, "ls.outcome = ?", f->outcome);
    if (f->status)
        row_query_text(&q, "ls.status = ?", f->status);
    if (f->tag)
        row_query_text(&q, "ls.key IN (SELECT lesson_key FROM lesson_tag WHERE tag = ?)", f->tag);
    if (f->from)
        row_query_text(&q, "ls.happened_on >= ?", f->from);
    if (f->to)
        row_query_text(&q, "ls.happened_on <= ?", f->to);
    char *pattern = listing_pattern(c->arena, l->query);
    if (pattern)
        row_query_text(&q, "lower(ls.title) LIKE ? ESCAPE '\\'", pattern);
    int64_t limit;
    struct db_stmt *st = row_query_page(&q, "SELECT " LESSON_COLUMNS LESSON_FROM, "ls.id",
                                        row_order(lesson_sorts, l), l, &limit);
    enum status s = row_all(c, st, limit, sizeof *out->items, lesson_row, &out->items, &out->count);
    if (s != STATUS_OK)
        return s;
    out->total = row_query_count(&q, LESSON_COUNTED);
    return STATUS_OK;
}

static enum status lesson_details_save(struct ctx *c, const struct lesson *ls)
{
    enum status s = row_exec_key(c, "DELETE FROM lesson_tag WHERE lesson_key = ?", ls->key);
    if (s == STATUS_OK)
        s = row_exec_key(c, "DELETE FROM lesson_evidence WHERE lesson_key = ?", ls->key);
    for (int i = 0; s == STATUS_OK && i < ls->tag_count; i++) {
        struct db_stmt *st =
            db_prepare(c->db, "INSERT INTO lesson_tag (lesson_key, tag) VALUES (?, ?)");
        db_bind_int(st, 1, ls->key);
        db_bind_text(st, 2, ls->tags[i]);
        s = row_write(c, st);
    }
    for (int i = 0; s == STATUS_OK && i < ls->evidence_count; i++) {
        struct db_stmt *st = db_prepare(c->db, "INSERT INTO lesson_evidence (lesson_key, "
                                               "position, label, url) VALUES (?, ?, ?, ?)");
        db_bind_int(st, 1, ls->key);
        db_bind_int(st, 2, i);
        db_bind_text(st, 3, ls->evidence[i].label);
        db_bind_text(st, 4, ls->evidence[i].url);
        s = row_write(c, st);
    }
    return s;
}

/* lesson_bind binds the fields every write stores, from parameter 1 on. */
static void lesson_bind(struct db_stmt *st, const struct lesson *ls)
{
    db_bind_text(st, 1, ls->title);
    db_bind_text(st, 2, ls->context);
    db_bind_text(st, 3, ls->what_happened);
    db_bind_text(st, 4, ls->lesson);
    db_bind_text(st, 5, ls->recommendation);
    db_bind_text(st, 6, ls->outcome);
    db_bind_text(st, 7, ls->status);
    db_bind_text(st, 8, ls->visibility);
    db_bind_text(st, 9, ls->question);
    db_bind_text(st, 10, ls->happened_on);
    db_bind_text(st, 11, ls->published_at);
}

enum status store_lesson_insert(struct ctx *c, struct lesson *ls)
{
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    struct db_stmt *st = db_prepare(
        c->db, "INSERT INTO lesson (title, context, what_happened, lesson, recommendation, "
               "outcome, status, visibility, question, happened_on, published_at, id, "
               "platform_key, author_key, created_at, updated_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING key");
    lesson_bind(st, ls);
    db_bind_text(st, 12, id);
    db_bind_int(st, 13, ls->platform_key);
    db_bind_key(st, 14, ls->author_key);
    db_bind_text(st, 15, now);
    db_bind_text(st, 16, now);
    enum status s = row_insert(c, st, &ls->key);
    if (s != STATUS_OK)
        return s;
    ls->id = arena_strdup(c->arena, id);
    ls->created_at = ls->updated_at = arena_strdup(c->arena, now);
    return lesson_details_save(c, ls);
}

enum status store_lesson_update(struct ctx *c, struct lesson *ls)
{
    char now[32];
    row_now(now);
    struct db_stmt *st = db_prepare(
        c->db, "UPDATE lesson SET title = ?, context = ?, what_happened = ?, lesson = ?, "
               "recommendation = ?, outcome = ?, status = ?, visibility = ?, question = ?, "
               "happened_on = ?, published_at = ?, updated_at = ? WHERE key = ?");
    lesson_bind(st, ls);
    db_bind_text(st, 12, now);
    db_bind_int(st, 13, ls->key);
    enum status s = row_write(c, st);
    if (s == STATUS_OK)
        ls->updated_at = arena_strdup(c->arena, now);
    return s == STATUS_OK ? lesson_details_save(c, ls) : s;
}

enum status store_lesson_delete(struct ctx *c, const struct lesson *ls)
{
    enum status s = row_exec_key(c, "DELETE FROM lesson WHERE key = ?", ls->key);
    return s == STATUS_OK ? store_tombstone(c, ls->id, "lesson") : s;
}
