/*
 * framework.h — the seven Ps of a learning alliance (seed 001: "a frame to
 * work with learning alliances"), computed from the data the viewer may
 * read: principles, preparation, participation, production, proving and
 * improving, pulling it all together, people and capacities. Each step has
 * the figures that are its evidence and a state: done, started or not yet.
 * The step names what is missing (the web links each gap to the page that
 * fills it). Nothing here is stored: it is read anew from the alliance, its
 * platforms, memberships, events, lessons, documents, journal entries,
 * assessments and applications, each count as its own module's visibility
 * rule gives it, so that no figure counts a record the viewer may not read.
 */
#ifndef ALLIANCE_FRAMEWORK_H
#define ALLIANCE_FRAMEWORK_H

#include "core/problem.h"
#include "domain/alliance.h"
#include "domain/context.h"

#include <stdint.h>

#define FRAMEWORK_STEP_COUNT  7
#define FRAMEWORK_PERIOD_DAYS 365 /* "this period": the last year */

enum framework_step {
    FRAMEWORK_PRINCIPLES,
    FRAMEWORK_PREPARATION,
    FRAMEWORK_PARTICIPATION,
    FRAMEWORK_PRODUCTION,
    FRAMEWORK_PROVING,
    FRAMEWORK_PULLING,
    FRAMEWORK_PEOPLE,
};

enum framework_state { FRAMEWORK_NOT_YET, FRAMEWORK_STARTED, FRAMEWORK_DONE };

/* The figures of the seven steps. */
struct framework {
    const char *since; /* the first day of the period, YYYY-MM-DD */
    /* Principles. */
    int64_t principles; /* lines (list items) of the alliance's principles */
    /* Preparation. */
    bool going_in_issue, vision;
    int64_t assessments; /* stakeholder assessments of its platforms */
    /* Participation. */
    int64_t platforms;
    int64_t platforms_all_capabilities; /* members bring all five capabilities */
    int64_t platforms_with_members;
    int64_t events, attendances;            /* of the period */
    const char *capability_gap_platform_id; /* the first platform lacking one, or NULL */
    /* Production. */
    int64_t lessons, documents; /* lessons of the period; documents of the library */
    /* Proving and improving. */
    int64_t questions;    /* learning questions worked on in cycles */
    int64_t lessons_all;  /* lessons, of any date */
    int64_t applications; /* lessons applied (guideline, policy, …) */
    /* Pulling it all together. */
    int64_t entries; /* journal entries of the period */
    /* People and capacities. */
    int64_t with_facilitator, with_documenter; /* platforms naming one */
    const char *people_gap_platform_id;        /* the first platform without both, or NULL */
};

/* framework_compute reads the figures of alliance a as the viewer of c may
 * read them (strings in the arena). */
enum status framework_compute(struct ctx *c, const struct alliance *a, struct framework *out);

/* framework_state says how far a step has got. */
enum framework_state framework_state(const struct framework *f, enum framework_step step);

/* framework_step_label names a step ("Proving and improving"). */
const char *framework_step_label(enum framework_step step);

#endif
