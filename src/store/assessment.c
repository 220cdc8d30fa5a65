/*
 * store/assessment.c — stakeholder assessments. Reads apply the item
 * visibility rule (row.h) inside the query, as for a published item that is
 * never shared, and leave out an assessment of a person the viewer may not
 * read.
 */
#include "domain/assessment.h"
#include "core/arena.h"
#include "core/id.h"
#include "store/row.h"
#include "store/store.h"

#define ASSESSMENT_ITEM                                                                            \
    "'assessment'", "sa.key", "sa.visibility", "sa.platform_key", "p.alliance_key", "1",           \
        "sa.author_key"
#define ASSESSMENT_STAKEHOLDER_VISIBLE                                                             \
    "(sa.person_key IS NULL OR " ROW_VISIBLE_PERSON_KEY("sa.person_key") ")"
#define ASSESSMENT_ITEM_VISIBLE ROW_EXPAND(ROW_VISIBLE_ITEM, ASSESSMENT_ITEM)
#define ASSESSMENT_VISIBLE      "(" ASSESSMENT_ITEM_VISIBLE " AND " ASSESSMENT_STAKEHOLDER_VISIBLE ")"

/* Whether the stakeholder holds a membership of the assessment's platform:
 * the person, or the organisation itself or one of its people. */
#define ASSESSMENT_MEMBER                                                                          \
    "CASE WHEN EXISTS (SELECT 1 FROM membership mm LEFT JOIN person mp ON mp.key = "               \
    "mm.person_key WHERE mm.platform_key = sa.platform_key AND (mm.person_key = sa.person_key "    \
    "OR mm.organisation_key = sa.organisation_key OR mp.organisation_key = "                       \
    "sa.organisation_key)) THEN 1 ELSE 0 END"

#define ASSESSMENT_COLUMNS                                                                         \
    "sa.key, sa.id, sa.platform_key, p.id, p.name, p.depth, coalesce(lv.label, ''), a.key, "       \
    "a.slug, a.name, coalesce(sa.organisation_key, 0), o.id, coalesce(sa.person_key, 0), pe.id, "  \
    "coalesce(o.name, pe.name), coalesce(o.kind, po.kind, ''), " ASSESSMENT_MEMBER ", "            \
    "coalesce(au.key, 0), au.id, au.name, sa.assessed_on, sa.influence, sa.interest, sa.needs, "   \
    "sa.demands, sa.expectations, sa.resources, sa.cap_implementation, sa.cap_regulation, "        \
    "sa.cap_policy, sa.cap_research, sa.cap_documentation, sa.marginalised_group, sa.notes, "      \
    "sa.visibility, sa.created_at, sa.updated_at "

#define ASSESSMENT_JOINS                                                                           \
    "JOIN platform p ON p.key = sa.platform_key JOIN alliance a ON a.key = p.alliance_key "        \
    "LEFT JOIN alliance_level lv ON lv.alliance_key = p.alliance_key AND lv.depth = p.depth "      \
    "LEFT JOIN organisation o ON o.key = sa.organisation_key "                                     \
    "LEFT JOIN person pe ON pe.key = sa.person_key "                                               \
    "LEFT JOIN organisation po ON po.key = pe.organisation_key "                                   \
    "LEFT JOIN person au ON au.key = sa.author_key AND " ROW_VISIBLE_PERSON_KEY(                   \
        "sa.author_key") " "
#define ASSESSMENT_FROM "FROM assessment sa " ASSESSMENT_JOINS

static void assessment_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct assessment *x = item;
    x->key = db_column_int(st, 0);
    x->id = row_text(c, st, 1);
    x->platform_key = db_column_int(st, 2);
    x->platform_id = row_text(c, st, 3);
    x->platform_name = row_text(c, st, 4);
    x->platform_depth = (int)db_column_int(st, 5);
    x->level_label = row_text(c, st, 6);
    x->alliance_key = db_column_int(st, 7);
    x->alliance_slug = row_text(c, st, 8);
    x->alliance_name = row_text(c, st, 9);
    x->organisation_key = db_column_int(st, 10);
    x->organisation_id = row_text_or_null(c, st, 11);
    x->person_key = db_column_int(st, 12);
    x->person_id = row_text_or_null(c, st, 13);
    x->stakeholder_name = row_text(c, st, 14);
    x->stakeholder_kind = row_text(c, st, 15);
    x->member = db_column_int(st, 16) != 0;
    x->author_key = db_column_int(st, 17);
    x->author_id = row_text_or_null(c, st, 18);
    x->author_name = row_text_or_null(c, st, 19);
    x->assessed_on = row_text(c, st, 20);
    x->influence = (int)db_column_int(st, 21);
    x->interest = (int)db_column_int(st, 22);
    x->needs = row_text(c, st, 23);
    x->demands = row_text(c, st, 24);
    x->expectations = row_text(c, st, 25);
    x->resources = row_text(c, st, 26);
    x->capabilities = row_capabilities(st, 27);
    x->marginalised_group = row_text(c, st, 32);
    x->notes = row_text(c, st, 33);
    x->visibility = row_text(c, st, 34);
    x->created_at = row_text(c, st, 35);
    x->updated_at = row_text(c, st, 36);
}

enum status store_assessment_get(struct ctx *c, const char *id, struct assessment **out)
{
    struct db_stmt *st = db_prepare(c->db, ROW_VIEWER "SELECT " ASSESSMENT_COLUMNS ASSESSMENT_FROM
                                                      "WHERE sa.id = ? AND " ASSESSMENT_VISIBLE);
    row_viewer_bind(c, st);
    db_bind_text(st, 3, id);
    return row_one(c, st, sizeof(struct assessment), assessment_row, out);
}

static const struct row_sort assessment_sorts[] = {
    {"date", "sa.assessed_on DESC, sa.key DESC", "sa.assessed_on, sa.key"},
    {"name", "lower(coalesce(o.name, pe.name)), sa.assessed_on DESC, sa.key",
     "lower(coalesce(o.name, pe.name)) DESC, sa.assessed_on, sa.key"},
    {"influence", "sa.influence DESC, sa.interest DESC, sa.key",
     "sa.influence, sa.interest, sa.key"},
    {"interest", "sa.interest DESC, sa.influence DESC, sa.key",
     "sa.interest, sa.influence, sa.key"},
    {NULL, NULL, NULL},
};

static void assessment_filters(struct row_query *q, const struct assessment_filter *f)
{
    row_query_where(q, ASSESSMENT_VISIBLE);
    if (f->platform_key)
        row_query_int(q, "sa.platform_key = ?", f->platform_key);
    if (f->alliance_key)
        row_query_int(q, "p.alliance_key = ?", f->alliance_key);
    if (f->organisation_key)
        row_query_int(q, "sa.organisation_key = ?", f->organisation_key);
    if (f->person_key)
        row_query_int(q, "sa.person_key = ?", f->person_key);
}

enum status store_assessment_list(struct ctx *c, const struct assessment_filter *f,
                                  const struct listing *l, struct assessment_list *out)
{
    struct row_query q;
    row_query_init(&q, c, true);
    assessment_filters(&q, f);
    char *pattern = listing_pattern(c->arena, l->query);
    if (pattern)
        row_query_text(&q, "lower(coalesce(o.name, pe.name)) LIKE ? ESCAPE '\\'", pattern);
    int64_t limit;
    struct db_stmt *st = row_query_page(&q, "SELECT " ASSESSMENT_COLUMNS ASSESSMENT_FROM, "sa.id",
                                        row_order(assessment_sorts, l), l, &limit);
    enum status s =
        row_all(c, st, limit, sizeof *out->items, assessment_row, &out->items, &out->count);
    if (s != STATUS_OK)
        return s;
    out->total = row_query_count(&q, ASSESSMENT_FROM);
    return STATUS_OK;
}

/* The readable assessments ranked per stakeholder and platform, newest
 * first, each with the one before it. */
#define ASSESSMENT_RANKED                                                                          \
    ", ranked AS (SELECT sa.key AS key, ROW_NUMBER() OVER (PARTITION BY sa.platform_key, "         \
    "sa.organisation_key, sa.person_key ORDER BY sa.assessed_on DESC, sa.key DESC) AS rn, "        \
    "LEAD(sa.influence) OVER (PARTITION BY sa.platform_key, sa.organisation_key, sa.person_key "   \
    "ORDER BY sa.assessed_on DESC, sa.key DESC) AS prev_influence, LEAD(sa.interest) OVER "        \
    "(PARTITION BY sa.platform_key, sa.organisation_key, sa.person_key ORDER BY sa.assessed_on "   \
    "DESC, sa.key DESC) AS prev_interest, LEAD(sa.assessed_on) OVER (PARTITION BY "                \
    "sa.platform_key, sa.organisation_key, sa.person_key ORDER BY sa.assessed_on DESC, sa.key "    \
    "DESC) AS prev_on FROM assessment sa JOIN platform p ON p.key = sa.platform_key "              \
    "WHERE " ASSESSMENT_VISIBLE                                                                    \
    " AND (sa.platform_key = ? OR (CAST(? AS BIGINT) = 0 AND p.alliance_key "                      \
    "= ?))) "

static void latest_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct assessment *x = item;
    assessment_row(c, st, x);
    x->previous_influence = (int)db_column_int(st, 37);
    x->previous_interest = (int)db_column_int(st, 38);
    x->previous_on = row_text_or_null(c, st, 39);
}

enum status store_assessment_latest(struct ctx *c, int64_t platform_key, int64_t alliance_key,
                                    int limit, struct assessment_list *out)
{
    struct db_stmt *st =
        db_prepare(c->db, ROW_VIEWER ASSESSMENT_RANKED
                   "SELECT " ASSESSMENT_COLUMNS ", coalesce(r.prev_influence, 0), "
                   "coalesce(r.prev_interest, 0), r.prev_on "
                   "FROM ranked r JOIN assessment sa ON sa.key = r.key " ASSESSMENT_JOINS
                   "WHERE r.rn = 1 ORDER BY "
                   "sa.influence DESC, sa.interest DESC, "
                   "lower(coalesce(o.name, pe.name)), sa.key LIMIT ?");
    row_viewer_bind(c, st);
    db_bind_int(st, 3, platform_key);
    db_bind_int(st, 4, platform_key);
    db_bind_int(st, 5, alliance_key);
    db_bind_int(st, 6, limit);
    enum status s = row_all(c, st, limit, sizeof *out->items, latest_row, &out->items, &out->count);
    out->total = out->count;
    return s;
}

enum status store_assessment_insert(struct ctx *c, struct assessment *x)
{
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    struct db_stmt *st = db_prepare(
        c->db, "INSERT INTO assessment (id, platform_key, organisation_key, person_key, "
               "author_key, assessed_on, influence, interest, needs, demands, expectations, "
               "resources, cap_implementation, cap_regulation, cap_policy, cap_research, "
               "cap_documentation, marginalised_group, notes, visibility, created_at, "
               "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
               "?, ?) RETURNING key");
    db_bind_text(st, 1, id);
    db_bind_int(st, 2, x->platform_key);
    db_bind_key(st, 3, x->organisation_key);
    db_bind_key(st, 4, x->person_key);
    db_bind_key(st, 5, x->author_key);
    db_bind_text(st, 6, x->assessed_on);
    db_bind_int(st, 7, x->influence);
    db_bind_int(st, 8, x->interest);
    db_bind_text(st, 9, x->needs);
    db_bind_text(st, 10, x->demands);
    db_bind_text(st, 11, x->expectations);
    db_bind_text(st, 12, x->resources);
    for (int i = 0; i < 5; i++)
        db_bind_int(st, 13 + i, (x->capabilities >> i) & 1u);
    db_bind_text(st, 18, x->marginalised_group);
    db_bind_text(st, 19, x->notes);
    db_bind_text(st, 20, x->visibility);
    db_bind_text(st, 21, now);
    db_bind_text(st, 22, now);
    enum status s = row_insert(c, st, &x->key);
    if (s != STATUS_OK)
        return s;
    x->id = arena_strdup(c->arena, id);
    x->created_at = x->updated_at = arena_strdup(c->arena, now);
    return STATUS_OK;
}

enum status store_assessment_delete(struct ctx *c, const struct assessment *x)
{
    enum status s = row_exec_key(c, "DELETE FROM assessment WHERE key = ?", x->key);
    return s == STATUS_OK ? store_tombstone(c, x->id, "assessment") : s;
}
