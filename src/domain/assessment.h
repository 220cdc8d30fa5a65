/*
 * assessment.h — stakeholder analysis (seed 001: "analysis of stakeholders,
 * their needs, demands and expectations"; social inclusion). A platform
 * assesses an organisation or a person, member or not, on a date: influence
 * and interest from 1 to 5, needs, demands, expectations, what they could
 * bring (capabilities and resources), the marginalised group they belong to
 * or speak for, and notes. Assessments are never edited into the past: a
 * later assessment of the same stakeholder on the same platform records how
 * their position moved, and the grid draws the move as an arrow.
 *
 * Assessments are sensitive: their visibility is platform (members of the
 * platform) unless the assessor chooses alliance or public; they are read
 * under the rule of knowledge items (visibility.h) and only where the viewer
 * may read the stakeholder too. Recording and deleting them is for those who
 * may publish on the platform (convenor, facilitator, documenter).
 */
#ifndef ALLIANCE_ASSESSMENT_H
#define ALLIANCE_ASSESSMENT_H

#include "core/problem.h"
#include "domain/context.h"
#include "domain/listing.h"

#include <stdbool.h>
#include <stdint.h>

struct assessment {
    int64_t key;
    char *id;
    int64_t platform_key;
    char *platform_id;
    char *platform_name;
    int platform_depth;
    char *level_label;
    int64_t alliance_key;
    char *alliance_slug;
    char *alliance_name;
    /* The stakeholder: exactly one of an organisation and a person. */
    int64_t organisation_key;
    char *organisation_id;
    int64_t person_key;
    char *person_id;
    char *stakeholder_name;
    char *stakeholder_kind; /* the organisation's kind, or the person's organisation's; "" */
    bool member;            /* holds a membership of the platform (derived) */
    int64_t author_key;     /* 0 when none */
    char *author_id;
    char *author_name;
    char *assessed_on; /* YYYY-MM-DD */
    int influence;     /* 1..5 */
    int interest;      /* 1..5 */
    char *needs;
    char *demands;
    char *expectations;
    char *resources;
    unsigned capabilities; /* what they could bring (capability.h) */
    char *marginalised_group;
    char *notes;
    char *visibility; /* platform, alliance, public */
    char *created_at;
    char *updated_at;
    /* For the grid: the stakeholder's assessment on this platform just
     * before this one (0 when none), filled by assessment_latest. */
    int previous_influence;
    int previous_interest;
    char *previous_on;
};

struct assessment_list {
    struct assessment *items;
    int count;
    int64_t total;
};

/* What assessment_list returns; zero fields do not filter. */
struct assessment_filter {
    int64_t platform_key;
    int64_t alliance_key;
    int64_t organisation_key;
    int64_t person_key;
};

/* assessment_find loads an assessment the viewer may read
 * (STATUS_NOT_FOUND otherwise). */
enum status assessment_find(struct ctx *c, const char *id, struct assessment **out);

/* assessment_list returns a page of the assessments the viewer may read.
 * Sort keys: date (default, newest first), name, influence, interest. */
enum status assessment_list(struct ctx *c, const struct assessment_filter *f,
                            const struct listing *l, struct assessment_list *out);

/* assessment_latest returns, for the platform (or every platform of the
 * alliance, when platform_key is 0), the newest readable assessment of each
 * stakeholder on each platform, with the one before it in the previous_*
 * fields: the points and arrows of the grid. At most limit rows (arena). */
enum status assessment_latest(struct ctx *c, int64_t platform_key, int64_t alliance_key, int limit,
                              struct assessment_list *out);

/* assessment_create stores a new assessment on the platform platform_id of
 * the stakeholder named by organisation_id or person_id (exactly one).
 * Empty visibility means platform; empty date means today. */
enum status assessment_create(struct ctx *c, struct assessment *a, struct problems *p);

/* assessment_delete removes an assessment (those who may publish on its
 * platform), leaving a tombstone and the audit trail. */
enum status assessment_delete(struct ctx *c, struct assessment *a);

/* assessment_may_record says whether the viewer may record and delete
 * assessments on the platform: for showing links. */
bool assessment_may_record(struct ctx *c, int64_t platform_key);

/* assessment_visibility_label: the translated name of a visibility. */
const char *assessment_visibility_label(const char *visibility);

#endif
