/*
 * application.h — a lesson applied (issue 6, part 3; seeds 000 and 002:
 * lessons from practice feeding policy, guidelines reaching service
 * providers): a platform records that a lesson became the basis of a
 * guideline, a policy, a decision or a change of practice, where (the
 * platform), when (a date), by whom (the people or body who applied it, as
 * typed), with a link to what it led to. With the lesson's shares and their
 * responses it makes the lesson's journey (web/journey.c), and it is counted
 * in the flow figures (flow.h).
 *
 * Rights: recording and removing need RIGHT_RESPOND_SHARES (convenor,
 * facilitator, documenter) on the platform where it was applied, which must
 * hold the lesson (its own platform, or one it was shared to and not
 * withdrawn), and the lesson must be published.
 *
 * Who sees an application: whoever may read its lesson and the alliance of
 * its platform; a removed one nobody (the audit trail keeps it). Who recorded
 * it, and by whom it was applied, are left out for a reader who may not know
 * the lesson's author (shares without attribution), unless it was recorded on
 * one of the reader's own platforms.
 */
#ifndef ALLIANCE_APPLICATION_H
#define ALLIANCE_APPLICATION_H

#include "core/problem.h"
#include "domain/context.h"
#include "domain/listing.h"

#include <stdbool.h>
#include <stdint.h>

struct application {
    int64_t key;
    char *id;
    int64_t lesson_key;
    char *lesson_id;
    char *lesson_title;
    int64_t platform_key; /* where it was applied */
    char *platform_id;
    char *platform_name;
    int platform_depth;
    char *level_label;
    int64_t alliance_key;
    char *alliance_slug;
    char *alliance_name;
    char *kind; /* guideline, policy, decision, practice */
    char *description;
    char *applied_on; /* YYYY-MM-DD */
    char *applied_by; /* NULL where the reader may not know it */
    char *link;
    char *recorded_by_id; /* a person; NULL when gone or not for this reader */
    char *recorded_by_name;
    char *created_at;
};

struct application_list {
    struct application *items;
    int count;
    int64_t total;
};

/* What application_list returns; zero and NULL fields do not filter. */
struct application_filter {
    int64_t lesson_key;
    int64_t platform_key;
    int64_t alliance_key; /* applied on a platform of this alliance */
    const char *from;     /* YYYY-MM-DD, inclusive: applied_on */
    const char *to;       /* YYYY-MM-DD, exclusive */
};

/* application_kind_valid: guideline, policy, decision or practice.
 * application_kind_label names one in words ("Guideline"). */
bool application_kind_valid(const char *kind);
const char *application_kind_label(const char *kind);

/* application_create records that the lesson lesson_id was applied on the
 * platform platform_id (fields kind, description, applied_on, applied_by,
 * link of app). Problems name "lesson", "platform", "kind", "description",
 * "applied_on" (a real date, not in the future), "applied_by" or "link".
 * Recorded in the audit trail of the platform. The stored record goes to
 * *out (arena). */
enum status application_create(struct ctx *c, const char *lesson_id, const char *platform_id,
                               const struct application *app, struct application **out,
                               struct problems *p);

/* application_find loads an application the viewer may see. */
enum status application_find(struct ctx *c, const char *id, struct application **out);

/* application_list returns a page of the applications the viewer may see,
 * newest applied first. */
enum status application_list(struct ctx *c, const struct application_filter *f,
                             const struct listing *l, struct application_list *out);

/* application_remove removes an application (marks it removed, in the audit
 * trail); STATUS_FORBIDDEN without the right on its platform. */
enum status application_remove(struct ctx *c, const struct application *app);

/* application_may_record says whether the viewer may record that the
 * lesson was applied on the platform (for showing links and choices). */
bool application_may_record(struct ctx *c, int64_t lesson_key, int64_t lesson_platform_key,
                            int64_t platform_key);

/* A platform where the viewer may record that a lesson was applied. */
struct application_place {
    int64_t key;
    const char *id;
    const char *name;
};

/* application_places lists (at most max) the platforms where the viewer may
 * record that the lesson was applied: its own, then those it was shared to.
 * Returns how many (0: the viewer may record it nowhere). */
int application_places(struct ctx *c, int64_t lesson_key, const char *lesson_platform_id,
                       struct application_place *out, int max);

/* application_may_remove: for showing the link. */
bool application_may_remove(struct ctx *c, const struct application *app);

#endif
