/*
 * store/event.c — see store/event.h. An event is readable through any of
 * the platforms holding it (event_platform): the rule of row.h is applied
 * once for each, inside EXISTS, so that a joint event is found on every one.
 */
#include "store/event.h"

#include "core/arena.h"
#include "core/id.h"
#include "store/discussion.h"
#include "store/item.h"
#include "store/row.h"
#include "store/store.h"

#include <string.h>

/* The row leaves out, where the viewer may not know them, the facilitator
 * and who recorded it; the last column says which. */
#define EVENT_COLUMNS                                                                              \
    "ev.key, ev.id, ev.alliance_key, a.slug, a.name, a.time_zone, ev.platform_key, p.id, p.name, " \
    "coalesce(au.key, 0), au.id, au.name, ev.kind, ev.title, ev.starts_at, ev.ends_at, "           \
    "ev.time_zone, ev.place, CASE WHEN " EVENT_ATTRIBUTED " THEN ev.facilitator ELSE '' END, "     \
    "ev.agenda, ev.minutes, ev.visibility, ev.status, ev.created_at, ev.updated_at, "              \
    "ev.published_at, CASE WHEN " EVENT_ATTRIBUTED " THEN 1 ELSE 0 END "

#define EVENT_FROM                                                                                 \
    "FROM event ev JOIN alliance a ON a.key = ev.alliance_key "                                    \
    "JOIN platform p ON p.key = ev.platform_key "                                                  \
    "LEFT JOIN person au ON au.key = ev.author_key AND " EVENT_ATTRIBUTED " "

static void event_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct event *e = item;
    e->key = db_column_int(st, 0);
    e->id = row_text(c, st, 1);
    e->alliance_key = db_column_int(st, 2);
    e->alliance_slug = row_text(c, st, 3);
    e->alliance_name = row_text(c, st, 4);
    e->alliance_time_zone = row_text(c, st, 5);
    e->platform_key = db_column_int(st, 6);
    e->platform_id = row_text(c, st, 7);
    e->platform_name = row_text(c, st, 8);
    e->author_key = db_column_int(st, 9);
    e->author_id = row_text_or_null(c, st, 10);
    e->author_name = row_text_or_null(c, st, 11);
    e->kind = row_text(c, st, 12);
    e->title = row_text(c, st, 13);
    e->starts_at = row_text(c, st, 14);
    e->ends_at = row_text(c, st, 15);
    e->time_zone = row_text(c, st, 16);
    e->place = row_text(c, st, 17);
    e->facilitator = row_text(c, st, 18);
    e->agenda = row_text(c, st, 19);
    e->minutes = row_text(c, st, 20);
    e->visibility = row_text(c, st, 21);
    e->status = row_text(c, st, 22);
    e->created_at = row_text(c, st, 23);
    e->updated_at = row_text(c, st, 24);
    e->published_at = row_text_or_null(c, st, 25);
    e->attributed = db_column_int(st, 26) != 0;
    e->platform_count = 1;
    e->platforms[0] =
        (struct event_platform){e->platform_key, e->platform_id, e->platform_name, ""};
}

/* event_platforms_load reads the platforms holding e, home first. */
static enum status event_platforms_load(struct ctx *c, struct event *e)
{
    struct db_stmt *st =
        db_prepare(c->db, "SELECT p.key, p.id, p.name, coalesce(lv.label, '') FROM event_platform "
                          "ep JOIN platform p ON p.key = ep.platform_key LEFT JOIN alliance_level "
                          "lv ON lv.alliance_key = p.alliance_key AND lv.depth = p.depth WHERE "
                          "ep.event_key = ? ORDER BY ep.position, p.key");
    db_bind_int(st, 1, e->key);
    e->platform_count = 0;
    int rc;
    while (e->platform_count < EVENT_PLATFORMS_MAX && (rc = db_step(st)) == DB_ROW) {
        struct event_platform *ep = &e->platforms[e->platform_count++];
        ep->key = db_column_int(st, 0);
        ep->id = row_text(c, st, 1);
        ep->name = row_text(c, st, 2);
        ep->level_label = row_text(c, st, 3);
    }
    db_done(st);
    return rc < 0 ? row_status(c, rc) : STATUS_OK;
}

enum status store_event_get(struct ctx *c, const char *id, struct event **out)
{
    struct db_stmt *st = db_prepare(c->db, ROW_VIEWER "SELECT " EVENT_COLUMNS EVENT_FROM
                                                      "WHERE ev.id = ? AND " EVENT_VISIBLE);
    row_viewer_bind(c, st);
    db_bind_text(st, 3, id);
    enum status s = row_one(c, st, sizeof(struct event), event_row, out);
    return s == STATUS_OK ? event_platforms_load(c, *out) : s;
}

static const struct row_sort event_sorts[] = {
    {"start", "ev.starts_at, ev.key", "ev.starts_at DESC, ev.key DESC"},
    {"title", "lower(ev.title), ev.key", "lower(ev.title) DESC, ev.key DESC"},
    {"kind", "ev.kind, ev.starts_at, ev.key", "ev.kind DESC, ev.starts_at DESC, ev.key DESC"},
    {NULL, NULL, NULL},
};

enum status store_event_list(struct ctx *c, const struct event_filter *f, const struct listing *l,
                             struct event_list *out)
{
    struct row_query q;
    row_query_init(&q, c, true);
    row_query_where(&q, EVENT_VISIBLE);
    if (f->platform_key)
        row_query_int(&q,
                      "ev.key IN (SELECT fep.event_key FROM event_platform fep WHERE "
                      "fep.platform_key = ?)",
                      f->platform_key);
    if (f->alliance_key)
        row_query_int(&q, "ev.alliance_key = ?", f->alliance_key);
    if (f->kind)
        row_query_text(&q, "ev.kind = ?", f->kind);
    if (f->status)
        row_query_text(&q, "ev.status = ?", f->status);
    if (f->ends_after)
        row_query_text(&q, "ev.ends_at >= ?", f->ends_after);
    if (f->starts_before)
        row_query_text(&q, "ev.starts_at < ?", f->starts_before);
    if (f->person_key)
        row_query_int(&q,
                      "(ev.key IN (SELECT pat.event_key FROM attendance pat WHERE "
                      "pat.person_key = ?) OR ev.key IN (SELECT pep.event_key FROM event_platform "
                      "pep JOIN membership pm ON pm.platform_key = pep.platform_key WHERE "
                      "pm.person_key = ?))",
                      f->person_key);
    char *pattern = listing_pattern(c->arena, l->query);
    if (pattern)
        row_query_text(&q, "lower(ev.title) LIKE ? ESCAPE '\\'", pattern);
    int64_t limit;
    struct db_stmt *st = row_query_page(&q, "SELECT " EVENT_COLUMNS EVENT_FROM, "ev.id",
                                        row_order(event_sorts, l), l, &limit);
    enum status s = row_all(c, st, limit, sizeof *out->items, event_row, &out->items, &out->count);
    if (s != STATUS_OK)
        return s;
    out->total = row_query_count(&q, "FROM event ev JOIN alliance a ON a.key = ev.alliance_key "
                                     "JOIN platform p ON p.key = ev.platform_key ");
    return STATUS_OK;
}

/* event_platforms_save writes the platforms holding e, in order. */
static enum status event_platforms_save(struct ctx *c, const struct event *e)
{
    enum status s = row_exec_key(c, "DELETE FROM event_platform WHERE event_key = ?", e->key);
    for (int i = 0; s == STATUS_OK && i < e->platform_count; i++) {
        struct db_stmt *st = db_prepare(c->db, "INSERT INTO event_platform (event_key, "
                                               "platform_key, position) VALUES (?, ?, ?)");
        db_bind_int(st, 1, e->key);
        db_bind_int(st, 2, e->platforms[i].key);
        db_bind_int(st, 3, i);
        s = row_write(c, st);
    }
    return s;
}

/* event_bind binds the fields every write stores, from parameter 1 on. */
static void event_bind(struct db_stmt *st, const struct event *e)
{
    db_bind_text(st, 1, e->kind);
    db_bind_text(st, 2, e->title);
    db_bind_text(st, 3, e->starts_at);
    db_bind_text(st, 4, e->ends_at);
    db_bind_text(st, 5, e->time_zone);
    db_bind_text(st, 6, e->place);
    db_bind_text(st, 7, e->facilitator);
    db_bind_text(st, 8, e->agenda);
    db_bind_text(st, 9, e->minutes);
    db_bind_text(st, 10, e->visibility);
    db_bind_text(st, 11, e->status);
    db_bind_text(st, 12, e->published_at);
}

enum status store_event_insert(struct ctx *c, struct event *e)
{
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    struct db_stmt *st = db_prepare(
        c->db, "INSERT INTO event (kind, title, starts_at, ends_at, time_zone, place, facilitator, "
               "agenda, minutes, visibility, status, published_at, id, alliance_key, platform_key, "
               "author_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
               "?, ?, ?, ?, ?, ?) RETURNING key");
    event_bind(st, e);
    db_bind_text(st, 13, id);
    db_bind_int(st, 14, e->alliance_key);
    db_bind_int(st, 15, e->platform_key);
    db_bind_key(st, 16, e->author_key);
    db_bind_text(st, 17, now);
    db_bind_text(st, 18, now);
    enum status s = row_insert(c, st, &e->key);
    if (s != STATUS_OK)
        return s;
    e->id = arena_strdup(c->arena, id);
    e->created_at = e->updated_at = arena_strdup(c->arena, now);
    return event_platforms_save(c, e);
}

enum status store_event_update(struct ctx *c, struct event *e)
{
    char now[32];
    row_now(now);
    struct db_stmt *st = db_prepare(
        c->db, "UPDATE event SET kind = ?, title = ?, starts_at = ?, ends_at = ?, time_zone = ?, "
               "place = ?, facilitator = ?, agenda = ?, minutes = ?, visibility = ?, status = ?, "
               "published_at = ?, updated_at = ? WHERE key = ?");
    event_bind(st, e);
    db_bind_text(st, 13, now);
    db_bind_int(st, 14, e->key);
    enum status s = row_write(c, st);
    if (s == STATUS_OK)
        e->updated_at = arena_strdup(c->arena, now);
    return s == STATUS_OK ? event_platforms_save(c, e) : s;
}

enum status store_event_delete(struct ctx *c, const struct event *e)
{
    static const struct {
        const char *kind, *ids;
    } parts[] = {
        {"attendance", "SELECT id FROM attendance WHERE event_key = ?"},
        {"decision", "SELECT id FROM decision WHERE event_key = ?"},
        {"action_item", "SELECT id FROM action_item WHERE event_key = ?"},
    };
    enum status s = STATUS_OK;
    for (size_t i = 0; s == STATUS_OK && i < sizeof parts / sizeof parts[0]; i++)
        s = row_tombstones(c, parts[i].kind, parts[i].ids, e->key);
    if (s == STATUS_OK)
        s = row_exec_key(c, "DELETE FROM event WHERE key = ?", e->key);
    return s == STATUS_OK ? store_tombstone(c, e->id, "event") : s;
}

/* Attendance. Gender and group are the person's record when one is linked,
 * else what was typed. */

#define ATTENDANCE_COLUMNS                                                                         \
    "at.key, at.id, at.event_key, ev.id, coalesce(pe.key, 0), pe.id, coalesce(pe.name, at.name), " \
    "at.organisation, at.role, at.spoke, coalesce(pe.gender, at.gender), "                         \
    "coalesce(pe.marginalised_group, at.marginalised_group), at.created_at, at.updated_at "
#define ATTENDANCE_FROM                                                                            \
    "FROM attendance at JOIN event ev ON ev.key = at.event_key "                                   \
    "LEFT JOIN person pe ON pe.key = at.person_key "

static void attendance_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct attendance *a = item;
    a->key = db_column_int(st, 0);
    a->id = row_text(c, st, 1);
    a->event_key = db_column_int(st, 2);
    a->event_id = row_text(c, st, 3);
    a->person_key = db_column_int(st, 4);
    a->person_id = row_text_or_null(c, st, 5);
    a->name = row_text(c, st, 6);
    a->organisation = row_text(c, st, 7);
    a->role = row_text(c, st, 8);
    a->spoke = db_column_int(st, 9) != 0;
    a->gender = row_text(c, st, 10);
    a->marginalised_group = row_text(c, st, 11);
    a->created_at = row_text(c, st, 12);
    a->updated_at = row_text(c, st, 13);
}

enum status store_attendance_list(struct ctx *c, int64_t event_key, struct attendance_list *out)
{
    struct db_stmt *st =
        db_prepare(c->db, "SELECT " ATTENDANCE_COLUMNS ATTENDANCE_FROM "WHERE at.event_key = ? "
                          "ORDER BY lower(coalesce(pe.name, at.name)), at.key");
    db_bind_int(st, 1, event_key);
    return row_all(c, st, EVENT_ATTENDANCE_MAX, sizeof *out->items, attendance_row, &out->items,
                   &out->count);
}

enum status store_attendance_get(struct ctx *c, const char *id, struct attendance **out)
{
    struct db_stmt *st =
        db_prepare(c->db, "SELECT " ATTENDANCE_COLUMNS ATTENDANCE_FROM "WHERE at.id = ?");
    db_bind_text(st, 1, id);
    return row_one(c, st, sizeof(struct attendance), attendance_row, out);
}

static void attendance_bind(struct db_stmt *st, const struct attendance *a)
{
    db_bind_key(st, 1, a->person_key);
    db_bind_text(st, 2, a->name);
    db_bind_text(st, 3, a->organisation);
    db_bind_text(st, 4, a->role);
    db_bind_int(st, 5, a->spoke ? 1 : 0);
    db_bind_text(st, 6, a->gender);
    db_bind_text(st, 7, a->marginalised_group);
}

enum status store_attendance_insert(struct ctx *c, struct attendance *a)
{
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    struct db_stmt *st = db_prepare(
        c->db, "INSERT INTO attendance (person_key, name, organisation, role, spoke, gender, "
               "marginalised_group, id, event_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, "
               "?, ?, ?, ?, ?, ?) RETURNING key");
    attendance_bind(st, a);
    db_bind_text(st, 8, id);
    db_bind_int(st, 9, a->event_key);
    db_bind_text(st, 10, now);
    db_bind_text(st, 11, now);
    enum status s = row_insert(c, st, &a->key);
    if (s == STATUS_OK) {
        a->id = arena_strdup(c->arena, id);
        a->created_at = a->updated_at = arena_strdup(c->arena, now);
    }
    return s;
}

enum status store_attendance_update(struct ctx *c, struct attendance *a)
{
    char now[32];
    row_now(now);
    struct db_stmt *st = db_prepare(
        c->db, "UPDATE attendance SET person_key = ?, name = ?, organisation = ?, role = ?, "
               "spoke = ?, gender = ?, marginalised_group = ?, updated_at = ? WHERE key = ?");
    attendance_bind(st, a);
    db_bind_text(st, 8, now);
    db_bind_int(st, 9, a->key);
    enum status s = row_write(c, st);
    if (s == STATUS_OK)
        a->updated_at = arena_strdup(c->arena, now);
    return s;
}

enum status store_attendance_delete(struct ctx *c, const struct attendance *a)
{
    enum status s = row_exec_key(c, "DELETE FROM attendance WHERE key = ?", a->key);
    return s == STATUS_OK ? store_tombstone(c, a->id, "attendance") : s;
}

static void inclusion_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct inclusion_count *k = item;
    k->month = row_text(c, st, 0);
    const char *d = db_column_text(st, 1);
    k->dimension = d ? d[0] : 'g';
    k->category = row_text(c, st, 2);
    k->attendees = db_column_int(st, 3);
    k->speakers = db_column_int(st, 4);
}

enum status store_inclusion_counts(struct ctx *c, int64_t platform_key, int64_t limit,
                                   struct inclusion_count **out, int *count)
{
#define INCLUSION_PART(dimension, expression)                                                      \
    "SELECT substr(ev.starts_at, 1, 7) AS month, '" dimension "' AS dimension, " expression        \
    " AS category, count(*) AS attendees, sum(at.spoke) AS speakers FROM attendance at JOIN "      \
    "event ev ON ev.key = at.event_key LEFT JOIN person pe ON pe.key = at.person_key WHERE "       \
    "ev.key IN (SELECT iep.event_key FROM event_platform iep WHERE iep.platform_key = ?) "         \
    "AND " EVENT_VISIBLE " GROUP BY substr(ev.starts_at, 1, 7), " expression
    struct db_stmt *st = db_prepare(
        c->db,
        ROW_VIEWER
            INCLUSION_PART("g", "coalesce(pe.gender, at.gender)") " UNION ALL " INCLUSION_PART(
                "m", "coalesce(pe.marginalised_group, at.marginalised_group)") " ORDER BY 1 "
                                                                               "DESC, 2, 3 "
                                                                               "LIMIT ?");
#undef INCLUSION_PART
    row_viewer_bind(c, st);
    db_bind_int(st, 3, platform_key);
    db_bind_int(st, 4, platform_key);
    db_bind_int(st, 5, limit);
    return row_all(c, st, limit, sizeof **out, inclusion_row, out, count);
}

/* Decisions. */

/* A decision is of an event (event_key) or of a platform (event_key NULL,
 * platform_key set: a proposal's outcome). It is taken when its event starts,
 * else when it was recorded. */
#define DECISION_SELECT                                                                            \
    "SELECT d.key, d.id, coalesce(d.event_key, 0), ev.id, d.text, d.created_at, d.updated_at, "    \
    "coalesce(d.proposal_key, 0), pr.id, coalesce(d.platform_key, 0), dpl.id, ev.title, "          \
    "pr.title, " DECISION_TAKEN " "
#define DECISION_TAKEN "coalesce(ev.starts_at, d.created_at)"
#define DECISION_FROM                                                                              \
    "FROM decision d LEFT JOIN event ev ON ev.key = d.event_key LEFT JOIN proposal pr ON pr.key "  \
    "= d.proposal_key LEFT JOIN platform dpl ON dpl.key = d.platform_key "

/* The viewer may read the decision aliased d: one of an event as its event,
 * one of a platform as the thread of its proposal (a decision of a platform
 * whose proposal went with its thread is read by nobody). */
#define DECISION_VISIBLE                                                                           \
    "((d.event_key IS NOT NULL AND " EVENT_VISIBLE ") OR (d.event_key IS NULL AND EXISTS (SELECT " \
    "1 FROM proposal vpr JOIN discussion dn ON dn.key = vpr.discussion_key JOIN platform dp ON "   \
    "dp.key = dn.platform_key WHERE vpr.key = d.proposal_key AND " DISCUSSION_VISIBLE ")))"

static void decision_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct decision *d = item;
    d->key = db_column_int(st, 0);
    d->id = row_text(c, st, 1);
    d->event_key = db_column_int(st, 2);
    d->event_id = row_text_or_null(c, st, 3);
    d->text = row_text(c, st, 4);
    d->created_at = row_text(c, st, 5);
    d->updated_at = row_text(c, st, 6);
    d->proposal_key = db_column_int(st, 7);
    d->proposal_id = row_text_or_null(c, st, 8);
    d->platform_key = db_column_int(st, 9);
    d->platform_id = row_text_or_null(c, st, 10);
    d->event_title = row_text_or_null(c, st, 11);
    d->proposal_title = row_text_or_null(c, st, 12);
    d->taken_at = row_text(c, st, 13);
}

enum status store_decision_list(struct ctx *c, int64_t event_key, struct decision_list *out)
{
    struct db_stmt *st =
        db_prepare(c->db, DECISION_SELECT DECISION_FROM "WHERE d.event_key = ? ORDER BY d.key");
    db_bind_int(st, 1, event_key);
    out->total = 0;
    enum status s = row_all(c, st, EVENT_DECISIONS_MAX, sizeof *out->items, decision_row,
                            &out->items, &out->count);
    out->total = out->count;
    return s;
}

static const struct row_sort decision_sorts[] = {
    {"taken", DECISION_TAKEN ", d.key", DECISION_TAKEN " DESC, d.key DESC"},
    {NULL, NULL, NULL},
};

enum status store_decision_of_platform(struct ctx *c, int64_t platform_key, const struct listing *l,
                                       struct decision_list *out)
{
    struct row_query q;
    row_query_init(&q, c, true);
    row_query_where(&q, DECISION_VISIBLE);
    row_query_int(&q,
                  "(d.event_key IN (SELECT dep.event_key FROM event_platform dep WHERE "
                  "dep.platform_key = ?) OR (d.event_key IS NULL AND d.platform_key = ?))",
                  platform_key);
    int64_t limit;
    struct db_stmt *st = row_query_page(&q, DECISION_SELECT DECISION_FROM, "d.id",
                                        row_order(decision_sorts, l), l, &limit);
    enum status s =
        row_all(c, st, limit, sizeof *out->items, decision_row, &out->items, &out->count);
    if (s != STATUS_OK)
        return s;
    out->total = row_query_count(&q, DECISION_FROM);
    return STATUS_OK;
}

enum status store_decision_get(struct ctx *c, const char *id, struct decision **out)
{
    struct db_stmt *st = db_prepare(c->db, ROW_VIEWER DECISION_SELECT DECISION_FROM
                                    "WHERE d.id = ? AND " DECISION_VISIBLE);
    row_viewer_bind(c, st);
    db_bind_text(st, 3, id);
    return row_one(c, st, sizeof(struct decision), decision_row, out);
}

enum status store_decision_insert(struct ctx *c, struct decision *d)
{
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    struct db_stmt *st =
        db_prepare(c->db, "INSERT INTO decision (id, event_key, proposal_key, text, created_at, "
                          "updated_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING key");
    db_bind_text(st, 1, id);
    db_bind_int(st, 2, d->event_key);
    db_bind_key(st, 3, d->proposal_key);
    db_bind_text(st, 4, d->text);
    db_bind_text(st, 5, now);
    db_bind_text(st, 6, now);
    enum status s = row_insert(c, st, &d->key);
    if (s == STATUS_OK) {
        d->id = arena_strdup(c->arena, id);
        d->created_at = d->updated_at = arena_strdup(c->arena, now);
    }
    return s;
}

enum status store_decision_update(struct ctx *c, struct decision *d)
{
    char now[32];
    row_now(now);
    struct db_stmt *st =
        db_prepare(c->db, "UPDATE decision SET text = ?, updated_at = ? WHERE key = ?");
    db_bind_text(st, 1, d->text);
    db_bind_text(st, 2, now);
    db_bind_int(st, 3, d->key);
    enum status s = row_write(c, st);
    if (s == STATUS_OK)
        d->updated_at = arena_strdup(c->arena, now);
    return s;
}

enum status store_decision_delete(struct ctx *c, const struct decision *d)
{
    enum status s = row_exec_key(c, "DELETE FROM decision WHERE key = ?", d->key);
    return s == STATUS_OK ? store_tombstone(c, d->id, "decision") : s;
}

/* Action items, read with the event they belong to, and only where it is
 * readable. */

#define ACTION_COLUMNS                                                                             \
    "ai.key, ai.id, ai.event_key, ev.id, ev.title, ev.starts_at, coalesce(ev.author_key, 0), "     \
    "ev.platform_key, p.id, p.name, ai.title, coalesce(ow.key, 0), ow.id, ow.name, ai.due_on, "    \
    "ai.status, ai.note, coalesce(fu.key, 0), fu.id, fu.title, fu.starts_at, ai.created_at, "      \
    "ai.updated_at "
#define ACTION_FROM                                                                                \
    "FROM action_item ai JOIN event ev ON ev.key = ai.event_key "                                  \
    "JOIN platform p ON p.key = ev.platform_key "                                                  \
    "LEFT JOIN person ow ON ow.key = ai.owner_key AND " EVENT_ATTRIBUTED " "                       \
    "LEFT JOIN event fu ON fu.key = ai.follow_up_key "

static void action_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct action_item *a = item;
    a->key = db_column_int(st, 0);
    a->id = row_text(c, st, 1);
    a->event_key = db_column_int(st, 2);
    a->event_id = row_text(c, st, 3);
    a->event_title = row_text(c, st, 4);
    a->event_starts_at = row_text(c, st, 5);
    a->event_author_key = db_column_int(st, 6);
    a->platform_key = db_column_int(st, 7);
    a->platform_id = row_text(c, st, 8);
    a->platform_name = row_text(c, st, 9);
    a->title = row_text(c, st, 10);
    a->owner_key = db_column_int(st, 11);
    a->owner_id = row_text_or_null(c, st, 12);
    a->owner_name = row_text_or_null(c, st, 13);
    a->due_on = row_text_or_null(c, st, 14);
    a->status = row_text(c, st, 15);
    a->note = row_text(c, st, 16);
    a->follow_up_key = db_column_int(st, 17);
    a->follow_up_id = row_text_or_null(c, st, 18);
    a->follow_up_title = row_text_or_null(c, st, 19);
    a->follow_up_starts_at = row_text_or_null(c, st, 20);
    a->created_at = row_text(c, st, 21);
    a->updated_at = row_text(c, st, 22);
}

/* By due date, those without one last; with a cursor, by id. */
static const struct row_sort action_sorts[] = {
    {"due", "CASE WHEN ai.due_on IS NULL THEN 1 ELSE 0 END, ai.due_on, ai.key",
     "CASE WHEN ai.due_on IS NULL THEN 1 ELSE 0 END, ai.due_on DESC, ai.key DESC"},
    {"recorded", "ai.key", "ai.key DESC"},
    {NULL, NULL, NULL},
};

enum status store_action_list(struct ctx *c, const struct action_filter *f, const char *today,
                              const struct listing *l, struct action_list *out)
{
    struct row_query q;
    row_query_init(&q, c, true);
    row_query_where(&q, EVENT_VISIBLE);
    if (f->owner_key) { /* whose items they are: where the viewer may know it */
        row_query_int(&q, "ai.owner_key = ?", f->owner_key);
        row_query_where(&q, EVENT_ATTRIBUTED);
    }
    if (f->event_key)
        row_query_int(&q, "ai.event_key = ?", f->event_key);
    if (f->follow_up_key)
        row_query_int(&q, "ai.follow_up_key = ?", f->follow_up_key);
    if (f->platform_key)
        row_query_int(&q,
                      "ai.event_key IN (SELECT aep.event_key FROM event_platform aep WHERE "
                      "aep.platform_key = ?)",
                      f->platform_key);
    if (f->status)
        row_query_text(&q, "ai.status = ?", f->status);
    if (f->overdue)
        row_query_text(&q, "ai.status = 'open' AND ai.due_on IS NOT NULL AND ai.due_on < ?", today);
    int64_t limit;
    struct db_stmt *st = row_query_page(&q, "SELECT " ACTION_COLUMNS ACTION_FROM, "ai.id",
                                        row_order(action_sorts, l), l, &limit);
    enum status s = row_all(c, st, limit, sizeof *out->items, action_row, &out->items, &out->count);
    if (s != STATUS_OK)
        return s;
    out->total = row_query_count(&q, ACTION_FROM);
    return STATUS_OK;
}

enum status store_action_get(struct ctx *c, const char *id, struct action_item **out)
{
    struct db_stmt *st = db_prepare(c->db, ROW_VIEWER "SELECT " ACTION_COLUMNS ACTION_FROM
                                                      "WHERE ai.id = ? AND " EVENT_VISIBLE);
    row_viewer_bind(c, st);
    db_bind_text(st, 3, id);
    return row_one(c, st, sizeof(struct action_item), action_row, out);
}

static void action_bind(struct db_stmt *st, const struct action_item *a)
{
    db_bind_text(st, 1, a->title);
    db_bind_key(st, 2, a->owner_key);
    db_bind_text(st, 3, a->due_on);
    db_bind_text(st, 4, a->status);
    db_bind_text(st, 5, a->note);
    db_bind_key(st, 6, a->follow_up_key);
}

enum status store_action_insert(struct ctx *c, struct action_item *a)
{
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    struct db_stmt *st = db_prepare(
        c->db, "INSERT INTO action_item (title, owner_key, due_on, status, note, follow_up_key, "
               "id, event_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
               "RETURNING key");
    action_bind(st, a);
    db_bind_text(st, 7, id);
    db_bind_int(st, 8, a->event_key);
    db_bind_text(st, 9, now);
    db_bind_text(st, 10, now);
    enum status s = row_insert(c, st, &a->key);
    if (s == STATUS_OK) {
        a->id = arena_strdup(c->arena, id);
        a->created_at = a->updated_at = arena_strdup(c->arena, now);
    }
    return s;
}

enum status store_action_update(struct ctx *c, struct action_item *a)
{
    char now[32];
    row_now(now);
    struct db_stmt *st = db_prepare(
        c->db, "UPDATE action_item SET title = ?, owner_key = ?, due_on = ?, status = ?, note = ?, "
               "follow_up_key = ?, updated_at = ? WHERE key = ?");
    action_bind(st, a);
    db_bind_text(st, 7, now);
    db_bind_int(st, 8, a->key);
    enum status s = row_write(c, st);
    if (s == STATUS_OK)
        a->updated_at = arena_strdup(c->arena, now);
    return s;
}

enum status store_action_delete(struct ctx *c, const struct action_item *a)
{
    enum status s = row_exec_key(c, "DELETE FROM action_item WHERE key = ?", a->key);
    return s == STATUS_OK ? store_tombstone(c, a->id, "action_item") : s;
}
