/*
 * store/health.c — the figures of the health of a collaborative (health.h)
 * and the members' self-assessments. Every statement starts with
 * HEALTH_HEAD: the viewer (row.h), the scope (one platform, or every
 * platform of an alliance), the dates of the periods, and seen_event: the
 * published events of the scope in the period that the viewer may read
 * (the rule of store/event.c). The events are found from the scope's
 * platforms (an IN over event_platform's index), not by asking of every event
 * whether it is the scope's: at a million records that took 400 ms a
 * statement for an alliance, now 11.
 */
#include "domain/health.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/id.h"
#include "domain/capability.h"
#include "store/item.h"
#include "store/row.h"
#include "store/store.h"

#include <string.h>
#include <time.h>

#define HEALTH_EVENT_ITEM                                                                          \
    "'event'", "ev.key", "ev.visibility", "vep.platform_key", "ev.alliance_key",                   \
        "CASE WHEN ev.status = 'published' THEN 1 ELSE 0 END", "ev.author_key"

#define HEALTH_HEAD                                                                                \
    ROW_VIEWER                                                                                     \
    ", scope(key) AS (SELECT key FROM platform WHERE key = CAST(? AS BIGINT) OR (CAST(? AS "       \
    "BIGINT) = 0 AND alliance_key = CAST(? AS BIGINT))), "                                         \
    "period(since_active, since, now_at, today) AS (VALUES (CAST(? AS TEXT), CAST(? AS TEXT), "    \
    "CAST(? AS TEXT), CAST(? AS TEXT))), "                                                         \
    "seen_event(key, ends_at, platforms) AS MATERIALIZED (SELECT ev.key, ev.ends_at, (SELECT "     \
    "count(*) FROM "                                                                               \
    "event_platform x WHERE x.event_key = ev.key) FROM event ev WHERE ev.status = 'published' "    \
    "AND ev.ends_at <= (SELECT now_at FROM period) AND ev.ends_at >= (SELECT since FROM period) "  \
    "AND ev.key IN (SELECT sp.event_key FROM event_platform sp WHERE sp.platform_key IN (SELECT "  \
    "key FROM scope)) AND ((SELECT everything FROM v) = 1 OR EXISTS "                              \
    "(SELECT 1 FROM event_platform vep WHERE vep.event_key = ev.key AND " ROW_EXPAND(              \
        ROW_VISIBLE_ITEM, HEALTH_EVENT_ITEM) "))) "

/* The share rule of store/share.c (SHARE_VISIBLE), over the same joins. */
#define HEALTH_SHARE_ITEM                                                                          \
    "si.kind", "si.item_key", "si.visibility", "si.platform_key", "si.alliance_key",               \
        "si.published", "si.author_key"
#define HEALTH_SHARE_VISIBLE                                                                       \
    "((SELECT everything FROM v) = 1 OR (" ROW_EXPAND(                                             \
        ROW_VISIBLE_ITEM,                                                                          \
        HEALTH_SHARE_ITEM) " AND ((sh.to_platform_key IN (SELECT key FROM viewer_platform) AND "   \
                           "sh.withdrawn_at IS "                                                   \
                           "NULL) OR ((sh.from_platform_key IN (SELECT key FROM viewer_platform) " \
                           "OR si.platform_key IN "                                                \
                           "(SELECT key FROM viewer_platform)) AND " ROW_VISIBLE_ALLIANCE_KEY(     \
                               "tp.alliance_key") " AND " ROW_VISIBLE_ALLIANCE_KEY("fp.alliance_"  \
                                                                                   "key") "))))"
#define HEALTH_SHARE_FROM                                                                          \
    "FROM share sh JOIN search_item si ON si.kind = sh.kind AND si.item_key = sh.item_key AND "    \
    "si.item_id = sh.item_id JOIN platform fp ON fp.key = sh.from_platform_key JOIN platform tp "  \
    "ON tp.key = sh.to_platform_key WHERE sh.withdrawn_at IS NULL AND " HEALTH_SHARE_VISIBLE

#define HEALTH_LESSON_ITEM                                                                         \
    "'lesson'", "ls.key", "ls.visibility", "ls.platform_key", "lp.alliance_key",                   \
        "CASE WHEN ls.status = 'published' THEN 1 ELSE 0 END", "ls.author_key"
#define HEALTH_LESSON_FROM                                                                         \
    "FROM lesson ls JOIN platform lp ON lp.key = ls.platform_key WHERE ls.status = 'published' "   \
    "AND " ROW_EXPAND(ROW_VISIBLE_ITEM, HEALTH_LESSON_ITEM)

/* The question aliased q is held by a platform in scope and the viewer may
 * read it. */
#define HEALTH_QUESTION_IN_SCOPE                                                                   \
    "q.key IN (SELECT sqp.question_key FROM question_platform sqp WHERE sqp.platform_key IN "      \
    "(SELECT key FROM scope)) AND " QUESTION_VISIBLE

/* The person who attended, or what was typed at the door. */
#define ATTENDEE_GENDER "coalesce(NULLIF(apn.gender, ''), at.gender)"
#define ATTENDEE_GROUP  "coalesce(NULLIF(apn.marginalised_group, ''), at.marginalised_group)"

/* day_before writes the date days before now as an instant (UTC). */
static void day_before(int days, char out[32])
{
    time_t t = time(NULL) - (time_t)days * 86400;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* health_prepare prepares a statement of HEALTH_HEAD + body and binds the
 * head's parameters. */
static struct db_stmt *health_prepare(struct ctx *c, const char *sql, int64_t platform_key,
                                      int64_t alliance_key)
{
    char since_active[32], since[32], now[32], today[32];
    day_before(HEALTH_ACTIVE_DAYS, since_active);
    day_before(HEALTH_PERIOD_DAYS, since);
    clock_now_iso(now, sizeof now);
    memcpy(today, now, 10);
    today[10] = '\0';
    struct db_stmt *st = db_prepare(c->db, sql);
    row_viewer_bind(c, st);
    db_bind_int(st, 3, platform_key);
    db_bind_int(st, 4, platform_key);
    db_bind_int(st, 5, alliance_key);
    db_bind_text(st, 6, since_active);
    db_bind_text(st, 7, since);
    db_bind_text(st, 8, now);
    db_bind_text(st, 9, today);
    return st;
}

/* health_row runs a one-row statement of n integer columns into out[]. */
static enum status health_row(struct ctx *c, struct db_stmt *st, int64_t **out, int n)
{
    int rc = db_step(st);
    if (rc == DB_ROW)
        for (int i = 0; i < n; i++)
            *out[i] = db_column_int(st, i);
    db_done(st);
    return rc == DB_ROW ? STATUS_OK : row_status(c, rc);
}

static const char *const health_queries[] = {
    /* Size and structure: members, roles. */
    HEALTH_HEAD "SELECT count(*), count(m.person_key), count(m.organisation_key), "
                "(SELECT count(*) FROM scope), count(DISTINCT CASE WHEN m.role = 'convenor' "
                "THEN m.platform_key END), count(DISTINCT CASE WHEN m.role = 'facilitator' "
                "THEN m.platform_key END), count(DISTINCT CASE WHEN m.role = 'documenter' THEN "
                "m.platform_key END), coalesce(max(m.cap_implementation), 0), "
                "coalesce(max(m.cap_regulation), 0), coalesce(max(m.cap_policy), 0), "
                "coalesce(max(m.cap_research), 0), coalesce(max(m.cap_documentation), 0) FROM "
                "membership m WHERE m.platform_key IN (SELECT key FROM scope)",
    /* Size: active members, recent events. */
    /* Who attended lately is found once, not once a member: a member is
     * active when they, or (for an organisation) one of its people, did. */
    HEALTH_HEAD ", active(person_key, organisation_key) AS MATERIALIZED (SELECT at.person_key, "
                "ap.organisation_key FROM attendance at JOIN seen_event se ON se.key = "
                "at.event_key LEFT JOIN person ap ON ap.key = at.person_key WHERE se.ends_at >= "
                "(SELECT since_active FROM period)) SELECT (SELECT count(*) FROM membership m "
                "WHERE m.platform_key IN (SELECT key FROM scope) AND (m.person_key IN (SELECT "
                "person_key FROM active) OR m.organisation_key IN (SELECT organisation_key FROM "
                "active))), (SELECT count(*) FROM seen_event WHERE ends_at >= (SELECT "
                "since_active FROM period))",
    /* Mix: member organisations by kind (the order of organisation.h). */
    HEALTH_HEAD
    "SELECT coalesce(sum(CASE WHEN kind = 'government' THEN 1 ELSE 0 END), 0), "
    "coalesce(sum(CASE WHEN kind = 'ngo' THEN 1 ELSE 0 END), 0), coalesce(sum(CASE WHEN kind = "
    "'private' THEN 1 ELSE 0 END), 0), coalesce(sum(CASE WHEN kind = 'academic' THEN 1 ELSE 0 "
    "END), 0), coalesce(sum(CASE WHEN kind = 'community' THEN 1 ELSE 0 END), 0), "
    "coalesce(sum(CASE WHEN kind = 'donor' THEN 1 ELSE 0 END), 0), coalesce(sum(CASE WHEN kind = "
    "'other' THEN 1 ELSE 0 END), 0) FROM (SELECT DISTINCT o.key, o.kind FROM membership m LEFT "
    "JOIN person pe ON pe.key = m.person_key JOIN organisation o ON o.key = "
    "coalesce(m.organisation_key, pe.organisation_key) WHERE m.platform_key IN (SELECT key FROM "
    "scope)) t",
    /* Mix: member people by gender and group. */
    HEALTH_HEAD "SELECT coalesce(sum(CASE WHEN gender = 'female' THEN 1 ELSE 0 END), 0), "
                "coalesce(sum(CASE WHEN gender = 'male' THEN 1 ELSE 0 END), 0), "
                "coalesce(sum(CASE WHEN gender = '' THEN 1 ELSE 0 END), 0), coalesce(sum(CASE "
                "WHEN marginalised_group <> '' THEN 1 ELSE 0 END), 0), count(DISTINCT CASE WHEN "
                "marginalised_group <> '' THEN lower(marginalised_group) END) FROM (SELECT "
                "DISTINCT pe.key, pe.gender, pe.marginalised_group FROM membership m JOIN person "
                "pe ON pe.key = m.person_key WHERE m.platform_key IN (SELECT key FROM scope)) t",
    /* Mix: attendance and speakers of the period. */
    HEALTH_HEAD
    "SELECT count(*), coalesce(sum(CASE WHEN " ATTENDEE_GENDER " = 'female' THEN 1 "
    "ELSE 0 END), 0), coalesce(sum(CASE WHEN " ATTENDEE_GROUP " <> '' THEN 1 ELSE 0 "
    "END), 0), coalesce(sum(at.spoke), 0), coalesce(sum(CASE WHEN at.spoke = 1 AND " ATTENDEE_GENDER
    " = 'female' THEN 1 ELSE 0 END), 0), coalesce(sum(CASE WHEN "
    "at.spoke = 1 AND " ATTENDEE_GROUP " <> '' THEN 1 ELSE 0 END), 0) FROM "
    "attendance at JOIN seen_event se ON se.key = at.event_key LEFT JOIN person apn "
    "ON apn.key = at.person_key",
    /* Trust: continuity of named attendees. */
    HEALTH_HEAD "SELECT count(*), coalesce(sum(CASE WHEN n >= 2 THEN 1 ELSE 0 END), 0) FROM "
                "(SELECT at.person_key, count(DISTINCT at.event_key) AS n FROM attendance at "
                "JOIN seen_event se ON se.key = at.event_key WHERE at.person_key IS NOT NULL "
                "GROUP BY at.person_key) t",
    /* Trust and glue: lessons, failures; the learning questions (question
     * records) the viewer may read held by a platform in scope, and of them
     * those held jointly with another platform (owned by two or more). */
    HEALTH_HEAD "SELECT count(*), coalesce(sum(CASE WHEN ls.outcome = 'failure' THEN 1 ELSE 0 "
                "END), 0), (SELECT count(*) FROM question q WHERE " HEALTH_QUESTION_IN_SCOPE
                "), (SELECT count(*) FROM question q WHERE " HEALTH_QUESTION_IN_SCOPE " AND "
                "(SELECT count(*) FROM question_platform jqp WHERE jqp.question_key = q.key) >= "
                "2) " HEALTH_LESSON_FROM " AND ls.platform_key IN (SELECT key FROM scope)",
    /* Trust and glue: shares sent and received. */
    HEALTH_HEAD
    "SELECT (SELECT count(*) " HEALTH_SHARE_FROM " AND sh.from_platform_key IN "
    "(SELECT key FROM scope)), (SELECT coalesce(sum(1 - sh.attributed), 0) " HEALTH_SHARE_FROM
    " AND sh.from_platform_key IN (SELECT key FROM scope)), "
    "(SELECT count(*) " HEALTH_SHARE_FROM " AND sh.to_platform_key IN (SELECT key "
    "FROM scope)), (SELECT count(sh.response) " HEALTH_SHARE_FROM " AND "
    "sh.to_platform_key IN (SELECT key FROM scope))",
    /* Structure and glue: meetings, action items, cross-platform events. */
    HEALTH_HEAD "SELECT (SELECT count(*) FROM seen_event), (SELECT count(*) FROM seen_event "
                "WHERE platforms >= 2), (SELECT count(*) FROM action_item ai JOIN seen_event se "
                "ON se.key = ai.event_key WHERE ai.due_on IS NOT NULL AND ai.due_on < (SELECT "
                "today FROM period) AND ai.status <> 'dropped'), (SELECT count(*) FROM "
                "action_item ai JOIN seen_event se ON se.key = ai.event_key WHERE ai.due_on IS "
                "NOT NULL AND ai.due_on < (SELECT today FROM period) AND ai.status = 'done' AND "
                "substr(ai.updated_at, 1, 10) <= ai.due_on), (SELECT count(*) FROM action_item ai "
                "JOIN seen_event se ON se.key = ai.event_key WHERE ai.due_on IS NOT NULL AND "
                "ai.due_on < (SELECT today FROM period) AND ai.status = 'done')",
};

enum status store_health(struct ctx *c, int64_t platform_key, int64_t alliance_key, unsigned parts,
                         struct health *h)
{
    int64_t caps[CAPABILITY_COUNT];
    int64_t *outs[][12] = {
        {&h->members, &h->member_people, &h->member_organisations, &h->platforms, &h->with_convenor,
         &h->with_facilitator, &h->with_documenter, &caps[0], &caps[1], &caps[2], &caps[3],
         &caps[4]},
        {&h->active_members, &h->events_recent},
        {&h->kinds[0], &h->kinds[1], &h->kinds[2], &h->kinds[3], &h->kinds[4], &h->kinds[5],
         &h->kinds[6]},
        {&h->people_women, &h->people_men, &h->people_gender_unknown, &h->people_marginalised,
         &h->marginalised_groups},
        {&h->attendances, &h->attendances_women, &h->attendances_marginalised, &h->speakers,
         &h->speakers_women, &h->speakers_marginalised},
        {&h->attendees, &h->attendees_returning},
        {&h->lessons, &h->lessons_failures, &h->questions, &h->questions_shared},
        {&h->shares_sent, &h->shares_unattributed, &h->shares_received, &h->shares_answered},
        {&h->meetings, &h->events_cross, &h->actions_due, &h->actions_on_time, &h->actions_done},
    };
    static const int widths[] = {12, 2, 7, 5, 6, 2, 4, 4, 5};
    for (size_t i = 0; i < sizeof health_queries / sizeof health_queries[0]; i++) {
        if (!(parts & (1u << i)))
            continue;
        struct db_stmt *st = health_prepare(c, health_queries[i], platform_key, alliance_key);
        enum status s = health_row(c, st, outs[i], widths[i]);
        if (s != STATUS_OK)
            return s;
    }
    h->capabilities = 0;
    for (int i = 0; i < CAPABILITY_COUNT; i++)
        if (caps[i])
            h->capabilities |= 1u << i;
    return STATUS_OK;
}

/* Marginalised groups named among the platform's member people or its
 * readable assessments, and absent from the attendance of its readable
 * events of the period. */
enum status store_health_absent_groups(struct ctx *c, int64_t platform_key, int limit, char ***out,
                                       int *count)
{
    struct db_stmt *st = health_prepare(
        c,
        HEALTH_HEAD
        ", named(grp) AS (SELECT pe.marginalised_group FROM membership m JOIN person pe ON "
        "pe.key = m.person_key WHERE m.platform_key IN (SELECT key FROM scope) AND "
        "pe.marginalised_group <> '' UNION SELECT sa.marginalised_group FROM assessment sa JOIN "
        "platform p ON p.key = sa.platform_key WHERE sa.platform_key IN (SELECT key FROM scope) "
        "AND sa.marginalised_group <> '' AND " ROW_EXPAND(
            ROW_VISIBLE_ITEM, "'assessment'", "sa.key", "sa.visibility", "sa.platform_key",
            "p.alliance_key", "1",
            "sa.author_key") ") SELECT min(grp) FROM named WHERE lower(grp) NOT IN (SELECT "
                             "lower(" ATTENDEE_GROUP ") FROM attendance at JOIN seen_event se ON "
                             "se.key = at.event_key LEFT JOIN person apn ON apn.key = "
                             "at.person_key) GROUP BY lower(grp) ORDER BY lower(grp) LIMIT ?",
        platform_key, 0);
    db_bind_int(st, 10, limit);
    *out = arena_array(c->arena, (size_t)limit, sizeof **out);
    *count = 0;
    int rc;
    while (*count < limit && (rc = db_step(st)) == DB_ROW)
        (*out)[(*count)++] = row_text(c, st, 0);
    db_done(st);
    return STATUS_OK;
}

#define HEALTH_CHECK_ITEM                                                                          \
    "'health_check'", "hc.key", "'platform'", "hc.platform_key", "p.alliance_key", "1",            \
        "hc.author_key"

static void check_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct health_check *x = item;
    x->key = db_column_int(st, 0);
    x->id = row_text(c, st, 1);
    x->platform_key = db_column_int(st, 2);
    x->platform_id = row_text(c, st, 3);
    x->platform_name = row_text(c, st, 4);
    x->author_id = row_text_or_null(c, st, 5);
    x->author_name = row_text_or_null(c, st, 6);
    x->condition = row_text(c, st, 7);
    x->score = (int)db_column_int(st, 8);
    x->comment = row_text(c, st, 9);
    x->assessed_on = row_text(c, st, 10);
}

enum status store_health_checks(struct ctx *c, int64_t platform_key, int64_t alliance_key,
                                int limit, struct health_check_list *out)
{
    struct db_stmt *st = db_prepare(
        c->db, ROW_VIEWER
        "SELECT hc.key, hc.id, hc.platform_key, p.id, p.name, au.id, au.name, "
        "hc.aspect, hc.score, hc.comment, hc.assessed_on FROM health_check hc "
        "JOIN platform p ON p.key = hc.platform_key LEFT JOIN person au ON "
        "au.key = hc.author_key AND " ROW_VISIBLE_PERSON_KEY(
            "hc.author_key") " WHERE (hc.platform_key = ? OR (CAST(? AS "
                             "BIGINT) = 0 AND p.alliance_key = ?)) AND " ROW_EXPAND(
                                 ROW_VISIBLE_ITEM, HEALTH_CHECK_ITEM) " ORDER BY hc.assessed_on "
                                                                      "DESC, hc.key DESC LIMIT ?");
    row_viewer_bind(c, st);
    db_bind_int(st, 3, platform_key);
    db_bind_int(st, 4, platform_key);
    db_bind_int(st, 5, alliance_key);
    db_bind_int(st, 6, limit);
    return row_all(c, st, limit, sizeof *out->items, check_row, &out->items, &out->count);
}

enum status store_health_check_insert(struct ctx *c, struct health_check *hc)
{
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    struct db_stmt *st =
        db_prepare(c->db, "INSERT INTO health_check (id, platform_key, author_key, aspect, score, "
                          "comment, assessed_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                          "RETURNING key");
    db_bind_text(st, 1, id);
    db_bind_int(st, 2, hc->platform_key);
    db_bind_key(st, 3, c->viewer->person_key);
    db_bind_text(st, 4, hc->condition);
    db_bind_int(st, 5, hc->score);
    db_bind_text(st, 6, hc->comment);
    db_bind_text(st, 7, hc->assessed_on);
    db_bind_text(st, 8, now);
    enum status s = row_insert(c, st, &hc->key);
    if (s == STATUS_OK)
        hc->id = arena_strdup(c->arena, id);
    return s;
}
