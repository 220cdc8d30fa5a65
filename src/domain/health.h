/*
 * health.h — the health of a learning collaborative (seed 003: the right
 * size, mix, trust, structure and glue), for one platform or for every
 * platform of an alliance, computed from what the alliance already keeps:
 * memberships, events with their attendance and action items, lessons and
 * shares. Every figure counts only records the viewer may read (published
 * events and lessons under the rule of visibility.h; shares under share.h's
 * rule), so that no figure gives away a hidden record.
 *
 * Beside the computed figures, members keep dated self-assessments of each
 * condition (a score from 1 to 5 and a comment), read by the platform's
 * members only. The gaps of a platform (health_gaps) are what it lacks: a
 * capability nobody brings, a kind of stakeholder assessed as influential
 * but not a member, a marginalised group among its members or assessed
 * stakeholders that is absent from its meetings.
 */
#ifndef ALLIANCE_HEALTH_H
#define ALLIANCE_HEALTH_H

#include "core/problem.h"
#include "domain/context.h"
#include "domain/organisation.h"

#include <stdbool.h>
#include <stdint.h>

#define HEALTH_CONDITION_COUNT 5
#define HEALTH_ACTIVE_DAYS     180 /* "active": attended a meeting in this many days */
#define HEALTH_PERIOD_DAYS     365 /* events, speakers, continuity: this many days */

/* health_condition_name: "size", "mix", "trust", "structure", "glue". */
const char *health_condition_name(int i);
/* health_condition_label: the translated heading of a condition. */
const char *health_condition_label(int i);
/* health_condition_parse: the index of a condition name, or -1. */
int health_condition_parse(const char *name);

struct health {
    int64_t platforms;
    /* Size. */
    int64_t members, member_people, member_organisations;
    int64_t active_members; /* members who (or whose people) attended recently */
    int64_t events_recent;  /* readable events ended in the last HEALTH_ACTIVE_DAYS */
    /* Mix. */
    int64_t kinds[ORGANISATION_KIND_COUNT]; /* member organisations by kind */
    int kinds_present;
    unsigned capabilities;
    int64_t people_women, people_men, people_gender_unknown;
    int64_t people_marginalised; /* member people with a marginalised group */
    int64_t marginalised_groups; /* distinct groups among member people */
    int64_t attendances, attendances_women, attendances_marginalised;
    int64_t speakers, speakers_women, speakers_marginalised;
    /* Trust. */
    int64_t attendees, attendees_returning; /* named people at 1+ and 2+ events */
    int64_t lessons, lessons_failures;
    int64_t shares_sent, shares_unattributed;
    /* Structure. */
    int64_t with_convenor, with_facilitator, with_documenter; /* platforms having one */
    int64_t meetings;                                         /* events of the period */
    /* Action items of the period's events due before today (not dropped),
     * those done, and those done by their date. The records keep no date of
     * closing: an item counts as on time when its last change was on or
     * before its due date. */
    int64_t actions_due, actions_done, actions_on_time;
    /* Glue: the learning questions (question.h) the viewer may read that are
     * held by the platform (or any of the alliance's), and of them those
     * owned by two platforms or more. */
    int64_t questions, questions_shared;
    int64_t events_cross; /* events of the period held by two platforms or more */
    int64_t shares_received, shares_answered;
};

/* A member's self-assessment of one condition. */
struct health_check {
    int64_t key;
    char *id;
    int64_t platform_key;
    char *platform_id;
    char *platform_name;
    char *author_id; /* NULL when unknown */
    char *author_name;
    char *condition;
    int score; /* 1..5 */
    char *comment;
    char *assessed_on;
};

struct health_check_list {
    struct health_check *items;
    int count;
};

/* The parts of the figures, each one statement, for a reader that needs
 * only some (the framework view asks for four of nine). */
enum {
    HEALTH_MEMBERS = 1u << 0,    /* members, platforms, roles named, capabilities */
    HEALTH_SIZE = 1u << 1,       /* active members, recent events */
    HEALTH_KINDS = 1u << 2,      /* kinds of organisation */
    HEALTH_PEOPLE = 1u << 3,     /* gender and groups among member people */
    HEALTH_ATTENDANCE = 1u << 4, /* attendances and speakers */
    HEALTH_RETURNING = 1u << 5,  /* attendees who came back */
    HEALTH_LESSONS = 1u << 6,    /* lessons, failures, questions */
    HEALTH_SHARES = 1u << 7,     /* shares sent, received, answered */
    HEALTH_EVENTS = 1u << 8,     /* meetings, joint events, action items */
    HEALTH_ALL = (1u << 9) - 1
};

/* health_compute fills h for the platform (platform_key) or, when it is 0,
 * every platform of the alliance (alliance_key); health_compute_parts only
 * the parts named (the others stay 0). */
enum status health_compute(struct ctx *c, int64_t platform_key, int64_t alliance_key,
                           struct health *h);
enum status health_compute_parts(struct ctx *c, int64_t platform_key, int64_t alliance_key,
                                 unsigned parts, struct health *h);

/* health_checks returns the readable self-assessments of the scope, newest
 * first (at most limit, arena). */
enum status health_checks(struct ctx *c, int64_t platform_key, int64_t alliance_key, int limit,
                          struct health_check_list *out);

/* health_check_add stores a self-assessment on the platform platform_id by
 * the viewer, who must be able to write items there. */
enum status health_check_add(struct ctx *c, const char *platform_id, struct health_check *hc,
                             struct problems *p);

/* A gap: what a platform lacks, and where to act on it. */
enum health_gap_kind { GAP_CAPABILITY, GAP_STAKEHOLDER, GAP_MARGINALISED };

struct health_gap {
    enum health_gap_kind kind;
    int capability;         /* GAP_CAPABILITY: its index */
    char *stakeholder_kind; /* GAP_STAKEHOLDER: the organisation kind */
    char *stakeholder_id;   /* GAP_STAKEHOLDER: one such stakeholder's latest assessment */
    char *stakeholder_name; /* … and their name */
    char *group;            /* GAP_MARGINALISED: the group */
};

struct health_gap_list {
    struct health_gap *items;
    int count;
};

/* health_gaps lists what the platform lacks (arena). */
enum status health_gaps(struct ctx *c, int64_t platform_key, struct health_gap_list *out);

/* Rows the store returns for gaps. */
struct health_name_row {
    char *name;
    char *id;
    char *label;
};

#endif
