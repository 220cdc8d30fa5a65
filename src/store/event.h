/*
 * store/event.h — the queries of events (domain/event.h): events and the
 * platforms holding them, attendance, decisions and action items, and the
 * counts of inclusion. Kept beside store.h, in the same manner: one function
 * each, no rules. Reads of events and action items apply the visibility rule
 * of row.h inside the query, through any platform of the event; attendance
 * and decisions are read by the key of an event already read.
 */
#ifndef ALLIANCE_STORE_EVENT_H
#define ALLIANCE_STORE_EVENT_H

#include "domain/event.h"
#include "store/item.h" /* EVENT_ITEM, EVENT_VISIBLE */

/* The most records of attendance, and of decisions, an event keeps. */
#define EVENT_ATTENDANCE_MAX 1000
#define EVENT_DECISIONS_MAX  200

enum status store_event_get(struct ctx *c, const char *id, struct event **out);
enum status store_event_list(struct ctx *c, const struct event_filter *f, const struct listing *l,
                             struct event_list *out);
/* store_event_insert stores e and its platforms (sets key, id and times). */
enum status store_event_insert(struct ctx *c, struct event *e);
/* store_event_update stores e and its platforms. */
enum status store_event_update(struct ctx *c, struct event *e);
/* store_event_delete removes e, its attendance, decisions and action items,
 * with tombstones. */
enum status store_event_delete(struct ctx *c, const struct event *e);

enum status store_attendance_list(struct ctx *c, int64_t event_key, struct attendance_list *out);
/* store_attendance_get loads a record by id, whoever reads (the caller reads
 * its event first). */
enum status store_attendance_get(struct ctx *c, const char *id, struct attendance **out);
enum status store_attendance_insert(struct ctx *c, struct attendance *a);
enum status store_attendance_update(struct ctx *c, struct attendance *a);
enum status store_attendance_delete(struct ctx *c, const struct attendance *a);

/* One count of store_inclusion_counts: the attendance at events starting in
 * a month (UTC, "YYYY-MM") by gender (dimension 'g') or group ('m'). */
struct inclusion_count {
    char *month;
    char dimension;
    char *category;
    int64_t attendees, speakers;
};

/* store_inclusion_counts counts the attendance at the events of a platform
 * the viewer may read (at most limit rows, newest months first). */
enum status store_inclusion_counts(struct ctx *c, int64_t platform_key, int64_t limit,
                                   struct inclusion_count **out, int *count);

enum status store_decision_list(struct ctx *c, int64_t event_key, struct decision_list *out);
/* store_decision_get reads a decision the viewer may read (DECISION_VISIBLE). */
enum status store_decision_get(struct ctx *c, const char *id, struct decision **out);
/* store_decision_of_platform returns a page of the decisions the viewer may
 * read of the platform's events (those it holds) and of the platform itself,
 * with their count. */
enum status store_decision_of_platform(struct ctx *c, int64_t platform_key, const struct listing *l,
                                       struct decision_list *out);
enum status store_decision_insert(struct ctx *c, struct decision *d);
enum status store_decision_update(struct ctx *c, struct decision *d);
enum status store_decision_delete(struct ctx *c, const struct decision *d);

/* store_action_list: today (YYYY-MM-DD) decides what is overdue. */
enum status store_action_list(struct ctx *c, const struct action_filter *f, const char *today,
                              const struct listing *l, struct action_list *out);
enum status store_action_get(struct ctx *c, const char *id, struct action_item **out);
enum status store_action_insert(struct ctx *c, struct action_item *a);
enum status store_action_update(struct ctx *c, struct action_item *a);
enum status store_action_delete(struct ctx *c, const struct action_item *a);

#endif
