/*
 * store/question.c — see store/question.h. A question is readable through
 * any of its owning platforms (question_platform): the rule of row.h is
 * applied once for each, inside EXISTS, as for joint events. A cycle is read
 * by the same rule with its question's level and its own platform.
 */
#include "store/question.h"

#include "core/arena.h"
#include "core/id.h"
#include "store/item.h"
#include "store/row.h"
#include "store/store.h"

#include <string.h>

/* A cycle (aliased cy) of the question aliased q: the question's level, the
 * cycle's platform. */
#define CYCLE_ITEM                                                                                 \
    "'cycle'", "cy.key", "q.visibility", "cy.platform_key", "q.alliance_key", "1", "cy.author_key"
#define CYCLE_VISIBLE ROW_EXPAND(ROW_VISIBLE_ITEM, CYCLE_ITEM)

#define QUESTION_COLUMNS                                                                           \
    "q.key, q.id, q.alliance_key, a.slug, a.name, a.visibility, q.platform_key, p.id, p.name, "    \
    "coalesce(au.key, 0), au.id, au.name, q.title, q.body, q.status, q.visibility, q.raised_on, "  \
    "q.created_at, q.updated_at, (SELECT count(*) FROM cycle cy WHERE cy.question_key = q.key "    \
    "AND " CYCLE_VISIBLE "), CASE WHEN " QUESTION_ATTRIBUTED " THEN 1 ELSE 0 END "

#define QUESTION_FROM                                                                              \
    "FROM question q JOIN alliance a ON a.key = q.alliance_key "                                   \
    "JOIN platform p ON p.key = q.platform_key "                                                   \
    "LEFT JOIN person au ON au.key = q.author_key AND " QUESTION_ATTRIBUTED " "

static void question_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct question *q = item;
    q->key = db_column_int(st, 0);
    q->id = row_text(c, st, 1);
    q->alliance_key = db_column_int(st, 2);
    q->alliance_slug = row_text(c, st, 3);
    q->alliance_name = row_text(c, st, 4);
    q->alliance_visibility = row_text(c, st, 5);
    q->platform_key = db_column_int(st, 6);
    q->platform_id = row_text(c, st, 7);
    q->platform_name = row_text(c, st, 8);
    q->author_key = db_column_int(st, 9);
    q->author_id = row_text_or_null(c, st, 10);
    q->author_name = row_text_or_null(c, st, 11);
    q->title = row_text(c, st, 12);
    q->body = row_text(c, st, 13);
    q->status = row_text(c, st, 14);
    q->visibility = row_text(c, st, 15);
    q->raised_on = row_text(c, st, 16);
    q->created_at = row_text(c, st, 17);
    q->updated_at = row_text(c, st, 18);
    q->cycle_count = db_column_int(st, 19);
    q->attributed = db_column_int(st, 20) != 0;
    q->platform_count = 1;
    q->platforms[0] =
        (struct question_platform){q->platform_key, q->platform_id, q->platform_name, ""};
}

/* question_platforms_load reads the platforms owning q, home first. */
static enum status question_platforms_load(struct ctx *c, struct question *q)
{
    struct db_stmt *st = db_prepare(
        c->db, "SELECT p.key, p.id, p.name, coalesce(lv.label, '') FROM question_platform qp "
               "JOIN platform p ON p.key = qp.platform_key LEFT JOIN alliance_level lv ON "
               "lv.alliance_key = p.alliance_key AND lv.depth = p.depth WHERE qp.question_key = ? "
               "ORDER BY qp.position, p.key");
    db_bind_int(st, 1, q->key);
    q->platform_count = 0;
    int rc;
    while (q->platform_count < QUESTION_PLATFORMS_MAX && (rc = db_step(st)) == DB_ROW) {
        struct question_platform *qp = &q->platforms[q->platform_count++];
        qp->key = db_column_int(st, 0);
        qp->id = row_text(c, st, 1);
        qp->name = row_text(c, st, 2);
        qp->level_label = row_text(c, st, 3);
    }
    db_done(st);
    return rc < 0 ? row_status(c, rc) : STATUS_OK;
}

enum status store_question_get(struct ctx *c, const char *id, struct question **out)
{
    struct db_stmt *st = db_prepare(c->db, ROW_VIEWER "SELECT " QUESTION_COLUMNS QUESTION_FROM
                                                      "WHERE q.id = ? AND " QUESTION_VISIBLE);
    row_viewer_bind(c, st);
    db_bind_text(st, 3, id);
    enum status s = row_one(c, st, sizeof(struct question), question_row, out);
    return s == STATUS_OK ? question_platforms_load(c, *out) : s;
}

static const struct row_sort question_sorts[] = {
    {"raised", "q.raised_on DESC, q.key DESC", "q.raised_on, q.key"},
    {"title", "lower(q.title), q.key", "lower(q.title) DESC, q.key DESC"},
    {"status", "q.status, q.raised_on DESC, q.key", "q.status DESC, q.raised_on, q.key"},
    {NULL, NULL, NULL},
};

enum status store_question_list(struct ctx *c, const struct question_filter *f,
                                const struct listing *l, struct question_list *out)
{
    struct row_query q;
    row_query_init(&q, c, true);
    row_query_where(&q, QUESTION_VISIBLE);
    if (f->alliance_key)
        row_query_int(&q, "q.alliance_key = ?", f->alliance_key);
    if (f->platform_key)
        row_query_int(&q,
                      "q.key IN (SELECT fqp.question_key FROM question_platform fqp WHERE "
                      "fqp.platform_key = ?)",
                      f->platform_key);
    if (f->status)
        row_query_text(&q, "q.status = ?", f->status);
    /* The kind is one of three, each its own condition: the index
     * question_link_by_item serves them. */
    static const struct {
        const char *kind, *condition;
    } linked[] = {
        {"event", "q.key IN (SELECT lq.question_key FROM question_link lq WHERE lq.kind = "
                  "'event' AND lq.item_key = ?)"},
        {"lesson", "q.key IN (SELECT lq.question_key FROM question_link lq WHERE lq.kind = "
                   "'lesson' AND lq.item_key = ?)"},
        {"document", "q.key IN (SELECT lq.question_key FROM question_link lq WHERE lq.kind = "
                     "'document' AND lq.item_key = ?)"},
    };
    for (size_t i = 0; f->item_kind && i < sizeof linked / sizeof linked[0]; i++)
        if (strcmp(f->item_kind, linked[i].kind) == 0)
            row_query_int(&q, linked[i].condition, f->item_key);
    if (f->with_cycles)
        row_query_where(
            &q,
            "EXISTS (SELECT 1 FROM cycle cy WHERE cy.question_key = q.key AND " CYCLE_VISIBLE ")");
    char *pattern = listing_pattern(c->arena, l->query);
    if (pattern)
        row_query_text(&q, "lower(q.title) LIKE ? ESCAPE '\\'", pattern);
    int64_t limit;
    struct db_stmt *st = row_query_page(&q, "SELECT " QUESTION_COLUMNS QUESTION_FROM, "q.id",
                                        row_order(question_sorts, l), l, &limit);
    enum status s =
        row_all(c, st, limit, sizeof *out->items, question_row, &out->items, &out->count);
    if (s != STATUS_OK)
        return s;
    out->total = row_query_count(&q, QUESTION_FROM);
    return STATUS_OK;
}

/* question_platforms_save writes the platforms owning q, in order. */
static enum status question_platforms_save(struct ctx *c, const struct question *q)
{
    enum status s = row_exec_key(c, "DELETE FROM question_platform WHERE question_key = ?", q->key);
    for (int i = 0; s == STATUS_OK && i < q->platform_count; i++) {
        struct db_stmt *st = db_prepare(c->db, "INSERT INTO question_platform (question_key, "
                                               "platform_key, position) VALUES (?, ?, ?)");
        db_bind_int(st, 1, q->key);
        db_bind_int(st, 2, q->platforms[i].key);
        db_bind_int(st, 3, i);
        s = row_write(c, st);
    }
    return s;
}

/* question_bind binds the fields every write stores, from parameter 1 on. */
static void question_bind(struct db_stmt *st, const struct question *q)
{
    db_bind_text(st, 1, q->title);
    db_bind_text(st, 2, q->body);
    db_bind_text(st, 3, q->status);
    db_bind_text(st, 4, q->visibility);
    db_bind_text(st, 5, q->raised_on);
}

enum status store_question_insert(struct ctx *c, struct question *q)
{
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    struct db_stmt *st = db_prepare(
        c->db, "INSERT INTO question (title, body, status, visibility, raised_on, id, "
               "alliance_key, platform_key, author_key, created_at, updated_at) VALUES (?, ?, ?, "
               "?, ?, ?, ?, ?, ?, ?, ?) RETURNING key");
    question_bind(st, q);
    db_bind_text(st, 6, id);
    db_bind_int(st, 7, q->alliance_key);
    db_bind_int(st, 8, q->platform_key);
    db_bind_key(st, 9, q->author_key);
    db_bind_text(st, 10, now);
    db_bind_text(st, 11, now);
    enum status s = row_insert(c, st, &q->key);
    if (s != STATUS_OK)
        return s;
    q->id = arena_strdup(c->arena, id);
    q->created_at = q->updated_at = arena_strdup(c->arena, now);
    return question_platforms_save(c, q);
}

enum status store_question_update(struct ctx *c, struct question *q)
{
    char now[32];
    row_now(now);
    struct db_stmt *st = db_prepare(c->db, "UPDATE question SET title = ?, body = ?, status = ?, "
                                           "visibility = ?, raised_on = ?, updated_at = ? "
                                           "WHERE key = ?");
    question_bind(st, q);
    db_bind_text(st, 6, now);
    db_bind_int(st, 7, q->key);
    enum status s = row_write(c, st);
    if (s == STATUS_OK)
        q->updated_at = arena_strdup(c->arena, now);
    return s == STATUS_OK ? question_platforms_save(c, q) : s;
}

enum status store_question_delete(struct ctx *c, const struct question *q)
{
    enum status s =
        row_tombstones(c, "cycle", "SELECT id FROM cycle WHERE question_key = ?", q->key);
    if (s == STATUS_OK)
        s = row_exec_key(c, "DELETE FROM cycle WHERE question_key = ?", q->key);
    if (s == STATUS_OK)
        s = row_exec_key(c, "DELETE FROM question WHERE key = ?", q->key);
    return s == STATUS_OK ? store_tombstone(c, q->id, "question") : s;
}

/* Links. */

static void link_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct question_link *k = item;
    k->kind = row_text(c, st, 0);
    k->item_key = db_column_int(st, 1);
    k->item_id = row_text(c, st, 2);
}

enum status store_question_links(struct ctx *c, int64_t question_key, const char *kind,
                                 struct question_link_list *out)
{
    struct db_stmt *st = db_prepare(
        c->db,
        "SELECT ql.kind, ql.item_key, coalesce(ls.id, ev.id, d.id) FROM question_link ql "
        "LEFT JOIN lesson ls ON ql.kind = 'lesson' AND ls.key = ql.item_key "
        "LEFT JOIN event ev ON ql.kind = 'event' AND ev.key = ql.item_key "
        "LEFT JOIN document d ON ql.kind = 'document' AND d.key = ql.item_key "
        "WHERE ql.question_key = ? AND (? = '' OR ql.kind = ?) AND "
        "coalesce(ls.id, ev.id, d.id) IS NOT NULL ORDER BY ql.created_at, ql.kind, ql.item_key");
    db_bind_int(st, 1, question_key);
    db_bind_text(st, 2, kind ? kind : "");
    db_bind_text(st, 3, kind ? kind : "");
    return row_all(c, st, QUESTION_LINKS_MAX, sizeof *out->items, link_row, &out->items,
                   &out->count);
}

/* link_write runs a write whose parameters are a question, a kind and an item. */
static enum status link_write(struct ctx *c, const char *sql, int64_t question_key,
                              const char *kind, int64_t item_key)
{
    struct db_stmt *st = db_prepare(c->db, sql);
    db_bind_int(st, 1, question_key);
    db_bind_text(st, 2, kind);
    db_bind_int(st, 3, item_key);
    return row_write(c, st);
}

enum status store_question_link_add(struct ctx *c, int64_t question_key, const char *kind,
                                    int64_t item_key)
{
    enum status s = link_write(c,
                               "DELETE FROM question_link WHERE question_key = ? AND kind = ? AND "
                               "item_key = ?",
                               question_key, kind, item_key);
    if (s != STATUS_OK)
        return s;
    char now[32];
    row_now(now);
    struct db_stmt *st = db_prepare(c->db, "INSERT INTO question_link (question_key, kind, "
                                           "item_key, created_at) VALUES (?, ?, ?, ?)");
    db_bind_int(st, 1, question_key);
    db_bind_text(st, 2, kind);
    db_bind_int(st, 3, item_key);
    db_bind_text(st, 4, now);
    return row_write(c, st);
}

enum status store_question_link_remove(struct ctx *c, int64_t question_key, const char *kind,
                                       int64_t item_key)
{
    return link_write(c,
                      "DELETE FROM question_link WHERE question_key = ? AND kind = ? AND "
                      "item_key = ?",
                      question_key, kind, item_key);
}

enum status store_question_item_deleted(struct ctx *c, const char *kind, int64_t item_key)
{
    struct db_stmt *st =
        db_prepare(c->db, "DELETE FROM question_link WHERE kind = ? AND item_key = ?");
    db_bind_text(st, 1, kind);
    db_bind_int(st, 2, item_key);
    return row_write(c, st);
}

/* Cycles. */

#define CYCLE_COLUMNS                                                                              \
    "cy.key, cy.id, cy.question_key, q.id, q.title, q.visibility, q.alliance_key, a.slug, "        \
    "a.name, cy.platform_key, p.id, p.name, cy.number, coalesce(au.key, 0), au.id, au.name, "      \
    "cy.created_at, cy.updated_at "
#define CYCLE_FROM                                                                                 \
    "FROM cycle cy JOIN question q ON q.key = cy.question_key "                                    \
    "JOIN alliance a ON a.key = q.alliance_key JOIN platform p ON p.key = cy.platform_key "        \
    "LEFT JOIN person au ON au.key = cy.author_key "

static void cycle_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct cycle *cy = item;
    cy->key = db_column_int(st, 0);
    cy->id = row_text(c, st, 1);
    cy->question_key = db_column_int(st, 2);
    cy->question_id = row_text(c, st, 3);
    cy->question_title = row_text(c, st, 4);
    cy->visibility = row_text(c, st, 5);
    cy->alliance_key = db_column_int(st, 6);
    cy->alliance_slug = row_text(c, st, 7);
    cy->alliance_name = row_text(c, st, 8);
    cy->platform_key = db_column_int(st, 9);
    cy->platform_id = row_text(c, st, 10);
    cy->platform_name = row_text(c, st, 11);
    cy->number = db_column_int(st, 12);
    cy->author_key = db_column_int(st, 13);
    cy->author_id = row_text_or_null(c, st, 14);
    cy->author_name = row_text_or_null(c, st, 15);
    cy->created_at = row_text(c, st, 16);
    cy->updated_at = row_text(c, st, 17);
    for (int i = 0; i < CYCLE_STEPS; i++)
        cy->steps[i] = (struct cycle_step){.text = ""};
}

static int step_index(const char *name)
{
    for (int i = 0; i < CYCLE_STEPS; i++)
        if (strcmp(name, cycle_step_name(i)) == 0)
            return i;
    return -1;
}

/* cycle_steps_load reads the steps of cy, and with evidence their evidence. */
static enum status cycle_steps_load(struct ctx *c, struct cycle *cy, bool evidence)
{
    struct db_stmt *st = db_prepare(
        c->db, "SELECT step, text, starts_on, ends_on FROM cycle_step WHERE cycle_key = ?");
    db_bind_int(st, 1, cy->key);
    int rc;
    while ((rc = db_step(st)) == DB_ROW) {
        int i = step_index(db_column_text(st, 0));
        if (i < 0)
            continue;
        cy->steps[i].text = row_text(c, st, 1);
        cy->steps[i].starts_on = row_text_or_null(c, st, 2);
        cy->steps[i].ends_on = row_text_or_null(c, st, 3);
    }
    db_done(st);
    if (rc < 0 || !evidence)
        return rc < 0 ? row_status(c, rc) : STATUS_OK;
    st = db_prepare(c->db, "SELECT step, label, url FROM cycle_evidence WHERE cycle_key = ? "
                           "ORDER BY step, position");
    db_bind_int(st, 1, cy->key);
    while ((rc = db_step(st)) == DB_ROW) {
        int i = step_index(db_column_text(st, 0));
        if (i < 0 || cy->steps[i].evidence_count == CYCLE_EVIDENCE_MAX)
            continue;
        struct item_evidence *e = &cy->steps[i].evidence[cy->steps[i].evidence_count++];
        e->label = row_text(c, st, 1);
        e->url = row_text(c, st, 2);
    }
    db_done(st);
    return rc < 0 ? row_status(c, rc) : STATUS_OK;
}

enum status store_cycle_get(struct ctx *c, const char *id, struct cycle **out)
{
    struct db_stmt *st = db_prepare(c->db, ROW_VIEWER "SELECT " CYCLE_COLUMNS CYCLE_FROM
                                                      "WHERE cy.id = ? AND " CYCLE_VISIBLE);
    row_viewer_bind(c, st);
    db_bind_text(st, 3, id);
    enum status s = row_one(c, st, sizeof(struct cycle), cycle_row, out);
    return s == STATUS_OK ? cycle_steps_load(c, *out, true) : s;
}

static const struct row_sort cycle_sorts[] = {
    {"number", "lower(p.name), cy.platform_key, cy.number, cy.key",
     "lower(p.name) DESC, cy.platform_key DESC, cy.number DESC, cy.key DESC"},
    {NULL, NULL, NULL},
};

enum status store_cycle_list(struct ctx *c, const struct cycle_filter *f, const struct listing *l,
                             struct cycle_list *out)
{
    struct row_query q;
    row_query_init(&q, c, true);
    row_query_where(&q, CYCLE_VISIBLE);
    if (f->question_key)
        row_query_int(&q, "cy.question_key = ?", f->question_key);
    if (f->platform_key)
        row_query_int(&q, "cy.platform_key = ?", f->platform_key);
    int64_t limit;
    struct db_stmt *st = row_query_page(&q, "SELECT " CYCLE_COLUMNS CYCLE_FROM, "cy.id",
                                        row_order(cycle_sorts, l), l, &limit);
    enum status s = row_all(c, st, limit, sizeof *out->items, cycle_row, &out->items, &out->count);
    for (int i = 0; s == STATUS_OK && i < out->count; i++)
        s = cycle_steps_load(c, &out->items[i], false);
    if (s != STATUS_OK)
        return s;
    out->total = row_query_count(&q, CYCLE_FROM);
    return STATUS_OK;
}

static void id_row(struct ctx *c, struct db_stmt *st, void *item)
{
    *(char **)item = row_text(c, st, 0);
}

enum status store_cycle_ids(struct ctx *c, int64_t question_key, char ***ids, int *count)
{
    struct db_stmt *st = db_prepare(c->db, "SELECT id FROM cycle WHERE question_key = ?");
    db_bind_int(st, 1, question_key);
    return row_all(c, st, 100000, sizeof **ids, id_row, (void **)ids, count);
}

/* cycle_steps_save writes the steps of cy and their evidence. */
static enum status cycle_steps_save(struct ctx *c, const struct cycle *cy)
{
    enum status s = row_exec_key(c, "DELETE FROM cycle_step WHERE cycle_key = ?", cy->key);
    if (s == STATUS_OK)
        s = row_exec_key(c, "DELETE FROM cycle_evidence WHERE cycle_key = ?", cy->key);
    for (int i = 0; s == STATUS_OK && i < CYCLE_STEPS; i++) {
        const struct cycle_step *step = &cy->steps[i];
        struct db_stmt *st = db_prepare(c->db, "INSERT INTO cycle_step (cycle_key, step, text, "
                                               "starts_on, ends_on) VALUES (?, ?, ?, ?, ?)");
        db_bind_int(st, 1, cy->key);
        db_bind_text(st, 2, cycle_step_name(i));
        db_bind_text(st, 3, step->text ? step->text : "");
        db_bind_text(st, 4, step->starts_on);
        db_bind_text(st, 5, step->ends_on);
        s = row_write(c, st);
        for (int k = 0; s == STATUS_OK && k < step->evidence_count; k++) {
            st = db_prepare(c->db, "INSERT INTO cycle_evidence (cycle_key, step, position, "
                                   "label, url) VALUES (?, ?, ?, ?, ?)");
            db_bind_int(st, 1, cy->key);
            db_bind_text(st, 2, cycle_step_name(i));
            db_bind_int(st, 3, k);
            db_bind_text(st, 4, step->evidence[k].label);
            db_bind_text(st, 5, step->evidence[k].url);
            s = row_write(c, st);
        }
    }
    return s;
}

enum status store_cycle_insert(struct ctx *c, struct cycle *cy)
{
    struct db_stmt *st =
        db_prepare(c->db, "SELECT coalesce(max(number), 0) + 1 FROM cycle WHERE question_key = ? "
                          "AND platform_key = ?");
    db_bind_int(st, 1, cy->question_key);
    db_bind_int(st, 2, cy->platform_key);
    cy->number = row_count(st);
    if (cy->number < 1)
        return STATUS_ERROR;
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    st = db_prepare(c->db, "INSERT INTO cycle (id, question_key, platform_key, number, "
                           "author_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                           "RETURNING key");
    db_bind_text(st, 1, id);
    db_bind_int(st, 2, cy->question_key);
    db_bind_int(st, 3, cy->platform_key);
    db_bind_int(st, 4, cy->number);
    db_bind_key(st, 5, cy->author_key);
    db_bind_text(st, 6, now);
    db_bind_text(st, 7, now);
    enum status s = row_insert(c, st, &cy->key);
    if (s != STATUS_OK)
        return s;
    cy->id = arena_strdup(c->arena, id);
    cy->created_at = cy->updated_at = arena_strdup(c->arena, now);
    return cycle_steps_save(c, cy);
}

enum status store_cycle_update(struct ctx *c, struct cycle *cy)
{
    char now[32];
    row_now(now);
    struct db_stmt *st = db_prepare(c->db, "UPDATE cycle SET updated_at = ? WHERE key = ?");
    db_bind_text(st, 1, now);
    db_bind_int(st, 2, cy->key);
    enum status s = row_write(c, st);
    if (s == STATUS_OK)
        cy->updated_at = arena_strdup(c->arena, now);
    return s == STATUS_OK ? cycle_steps_save(c, cy) : s;
}

enum status store_cycle_delete(struct ctx *c, const struct cycle *cy)
{
    enum status s = row_exec_key(c, "DELETE FROM cycle WHERE key = ?", cy->key);
    return s == STATUS_OK ? store_tombstone(c, cy->id, "cycle") : s;
}
