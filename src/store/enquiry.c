/*
 * store/enquiry.c — enquiries to a platform's resource centre. Reads apply
 * the visibility of enquiry.h inside the query: the item rule of row.h with
 * "public" as the level, "published" as the FAQ flag and the asker as the
 * author, so that the platform's answerers read all, the asker their own and
 * everyone else published FAQs only. Who asked, and the email, come back as
 * NULL to those who may not know them; an answer being written, as "" to
 * those who do not answer.
 */
#include "domain/enquiry.h"
#include "core/arena.h"
#include "core/id.h"
#include "store/row.h"
#include "store/store.h"

/* The viewer answers for the enquiry's platform, or is an administrator. */
#define ENQUIRY_ANSWERER                                                                           \
    "((SELECT everything FROM v) = 1 OR e.platform_key IN (SELECT key FROM viewer_publisher))"

/* … or asked it. */
#define ENQUIRY_KNOWS_ASKER                                                                        \
    "(" ENQUIRY_ANSWERER " OR e.asker_person_key = (SELECT person_key FROM v))"

#define ENQUIRY_COLUMNS                                                                            \
    "e.key, e.id, e.platform_key, p.id, p.name, coalesce(lv.label, ''), a.key, a.slug, a.name, "   \
    "coalesce(e.asker_person_key, 0), CASE WHEN " ENQUIRY_KNOWS_ASKER " THEN ak.id END, "          \
    "CASE WHEN " ENQUIRY_KNOWS_ASKER " THEN e.asker_name END, "                                    \
    "CASE WHEN " ENQUIRY_ANSWERER " THEN e.asker_email END, e.question, e.status, "                \
    "coalesce(e.assignee_person_key, 0), an.id, an.name, "                                         \
    "CASE WHEN e.answered_at IS NOT NULL OR " ENQUIRY_ANSWERER " THEN e.answer ELSE '' END, "      \
    "e.faq, e.asked_at, "                                                                          \
    "e.assigned_at, e.answered_at, e.updated_at "

#define ENQUIRY_FROM                                                                               \
    "FROM enquiry e JOIN platform p ON p.key = e.platform_key "                                    \
    "JOIN alliance a ON a.key = p.alliance_key "                                                   \
    "LEFT JOIN alliance_level lv ON lv.alliance_key = p.alliance_key AND lv.depth = p.depth "      \
    "LEFT JOIN person ak ON ak.key = e.asker_person_key "                                          \
    "LEFT JOIN person an ON an.key = e.assignee_person_key "

/* The rule of levels alone (row.h): an enquiry is never shared. */
#define ENQUIRY_VISIBLE                                                                            \
    "((SELECT everything FROM v) = 1 OR " ROW_ITEM_OWN(                                            \
        "'public'", "e.platform_key", "p.alliance_key", "e.faq", "e.asker_person_key") ")"

static void enquiry_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct enquiry *e = item;
    e->key = db_column_int(st, 0);
    e->id = row_text(c, st, 1);
    e->platform_key = db_column_int(st, 2);
    e->platform_id = row_text(c, st, 3);
    e->platform_name = row_text(c, st, 4);
    e->level_label = row_text(c, st, 5);
    e->alliance_key = db_column_int(st, 6);
    e->alliance_slug = row_text(c, st, 7);
    e->alliance_name = row_text(c, st, 8);
    e->asker_key = db_column_int(st, 9);
    e->asker_id = row_text_or_null(c, st, 10);
    e->asker_name = row_text_or_null(c, st, 11);
    e->asker_email = row_text_or_null(c, st, 12);
    e->question = row_text(c, st, 13);
    e->status = row_text(c, st, 14);
    e->assignee_key = db_column_int(st, 15);
    e->assignee_id = row_text_or_null(c, st, 16);
    e->assignee_name = row_text_or_null(c, st, 17);
    e->answer = row_text(c, st, 18);
    e->faq = db_column_int(st, 19) != 0;
    e->asked_at = row_text(c, st, 20);
    e->assigned_at = row_text_or_null(c, st, 21);
    e->answered_at = row_text_or_null(c, st, 22);
    e->updated_at = row_text(c, st, 23);
}

enum status store_enquiry_get(struct ctx *c, const char *id, struct enquiry **out)
{
    struct db_stmt *st = db_prepare(c->db, ROW_VIEWER "SELECT " ENQUIRY_COLUMNS ENQUIRY_FROM
                                                      "WHERE e.id = ? AND " ENQUIRY_VISIBLE);
    row_viewer_bind(c, st);
    db_bind_text(st, 3, id);
    return row_one(c, st, sizeof(struct enquiry), enquiry_row, out);
}

static const struct row_sort enquiry_sorts[] = {
    {"asked", "e.asked_at DESC, e.key DESC", "e.asked_at, e.key"},
    {"status",
     "CASE e.status WHEN 'open' THEN 0 WHEN 'assigned' THEN 1 WHEN 'answered' THEN 2 ELSE 3 END, "
     "e.asked_at, e.key",
     "CASE e.status WHEN 'open' THEN 0 WHEN 'assigned' THEN 1 WHEN 'answered' THEN 2 ELSE 3 END "
     "DESC, e.asked_at DESC, e.key DESC"},
    {"answered", "e.answered_at DESC, e.key DESC", "e.answered_at, e.key"},
    {NULL, NULL, NULL},
};

enum status store_enquiry_list(struct ctx *c, const struct enquiry_filter *f,
                               const struct listing *l, struct enquiry_list *out)
{
    struct row_query q;
    row_query_init(&q, c, true);
    row_query_where(&q, ENQUIRY_VISIBLE);
    if (f->platform_key)
        row_query_int(&q, "e.platform_key = ?", f->platform_key);
    if (f->status)
        row_query_text(&q, "e.status = ?", f->status);
    if (f->faq >= 0)
        row_query_int(&q, "e.faq = ?", f->faq ? 1 : 0);
    if (f->asker_key)
        row_query_int(&q, "e.asker_person_key = ?", f->asker_key);
    char *pattern = listing_pattern(c->arena, l->query);
    if (pattern)
        row_query_text(&q, "lower(e.question) LIKE ? ESCAPE '\\'", pattern);
    int64_t limit;
    struct db_stmt *st = row_query_page(&q, "SELECT " ENQUIRY_COLUMNS ENQUIRY_FROM, "e.id",
                                        row_order(enquiry_sorts, l), l, &limit);
    enum status s =
        row_all(c, st, limit, sizeof *out->items, enquiry_row, &out->items, &out->count);
    if (s != STATUS_OK)
        return s;
    out->total = row_query_count(&q, ENQUIRY_FROM);
    return STATUS_OK;
}

enum status store_enquiry_answer_times(struct ctx *c, int64_t platform_key, int64_t limit,
                                       char ***asked, char ***answered, int *count)
{
    struct db_stmt *st = db_prepare(c->db, "SELECT asked_at, answered_at FROM enquiry "
                                           "WHERE platform_key = ? AND answered_at IS NOT NULL "
                                           "ORDER BY answered_at DESC, key DESC LIMIT ?");
    db_bind_int(st, 1, platform_key);
    db_bind_int(st, 2, limit);
    *asked = arena_array(c->arena, (size_t)(limit > 0 ? limit : 1), sizeof **asked);
    *answered = arena_array(c->arena, (size_t)(limit > 0 ? limit : 1), sizeof **answered);
    int n = 0, rc = DB_DONE;
    while (n < limit && (rc = db_step(st)) == DB_ROW) {
        (*asked)[n] = row_text(c, st, 0);
        (*answered)[n] = row_text(c, st, 1);
        n++;
    }
    db_done(st);
    *count = n;
    return rc < 0 ? row_status(c, rc) : STATUS_OK;
}

enum status store_enquiry_insert(struct ctx *c, struct enquiry *e)
{
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    struct db_stmt *st = db_prepare(
        c->db, "INSERT INTO enquiry (id, platform_key, asker_person_key, asker_name, "
               "asker_email, question, status, assignee_person_key, answer, faq, asked_at, "
               "assigned_at, answered_at, updated_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING key");
    db_bind_text(st, 1, id);
    db_bind_int(st, 2, e->platform_key);
    db_bind_key(st, 3, e->asker_key);
    db_bind_text(st, 4, e->asker_name);
    db_bind_text(st, 5, e->asker_email ? e->asker_email : "");
    db_bind_text(st, 6, e->question);
    db_bind_text(st, 7, e->status);
    db_bind_key(st, 8, e->assignee_key);
    db_bind_text(st, 9, e->answer ? e->answer : "");
    db_bind_int(st, 10, e->faq ? 1 : 0);
    db_bind_text(st, 11, now);
    db_bind_text(st, 12, e->assigned_at);
    db_bind_text(st, 13, e->answered_at);
    db_bind_text(st, 14, now);
    enum status s = row_insert(c, st, &e->key);
    if (s != STATUS_OK)
        return s;
    e->id = arena_strdup(c->arena, id);
    e->asked_at = e->updated_at = arena_strdup(c->arena, now);
    return STATUS_OK;
}

enum status store_enquiry_update(struct ctx *c, struct enquiry *e)
{
    char now[32];
    row_now(now);
    struct db_stmt *st =
        db_prepare(c->db, "UPDATE enquiry SET question = ?, status = ?, assignee_person_key = ?, "
                          "answer = ?, faq = ?, assigned_at = ?, answered_at = ?, updated_at = ? "
                          "WHERE key = ?");
    db_bind_text(st, 1, e->question);
    db_bind_text(st, 2, e->status);
    db_bind_key(st, 3, e->assignee_key);
    db_bind_text(st, 4, e->answer);
    db_bind_int(st, 5, e->faq ? 1 : 0);
    db_bind_text(st, 6, e->assigned_at);
    db_bind_text(st, 7, e->answered_at);
    db_bind_text(st, 8, now);
    db_bind_int(st, 9, e->key);
    enum status s = row_write(c, st);
    if (s == STATUS_OK)
        e->updated_at = arena_strdup(c->arena, now);
    return s;
}

enum status store_enquiry_backdate(struct ctx *c, int64_t key, const char *asked_at,
                                   const char *assigned_at, const char *answered_at,
                                   const char *updated_at)
{
    struct db_stmt *st = db_prepare(c->db, "UPDATE enquiry SET asked_at = ?, assigned_at = ?, "
                                           "answered_at = ?, updated_at = ? WHERE key = ?");
    db_bind_text(st, 1, asked_at);
    db_bind_text(st, 2, assigned_at);
    db_bind_text(st, 3, answered_at);
    db_bind_text(st, 4, updated_at);
    db_bind_int(st, 5, key);
    return row_write(c, st);
}
