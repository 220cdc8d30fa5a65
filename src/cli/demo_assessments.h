/*
 * demo_assessments.h — the stakeholder analysis of the demo (seed 001):
 * national, regional and district platforms of both demo alliances assess
 * ministries, regulators, donors, drillers, universities, community groups
 * and women's and disability organisations, some of them twice, so that the
 * grids show members and outsiders and arrows of change; and members'
 * self-assessments of the health of their platform (seed 003).
 */
#ifndef ALLIANCE_DEMO_ASSESSMENTS_H
#define ALLIANCE_DEMO_ASSESSMENTS_H

#include "cli/demo_enquiries.h"

#include <stddef.h>

/* One assessment, made days_ago days before the demo is loaded. The
 * stakeholder is an organisation (a demo_organisation name) or, when
 * organisation is NULL, a person (a demo_person email). */
struct demo_assessment {
    const char *platform_key;
    const char *organisation;
    const char *person_email;
    int days_ago;
    int influence, interest;
    const char *needs, *demands, *expectations, *resources;
    const char *capabilities; /* comma-separated names, or "" */
    const char *marginalised_group;
    const char *visibility;
};

/* One self-assessment by a member (a demo_person email) of the platform. */
struct demo_health_check {
    const char *platform_key;
    const char *author_email;
    const char *condition;
    int score;
    int days_ago;
    const char *comment;
};

extern const struct demo_assessment demo_assessments[];
extern const size_t demo_assessment_count;
extern const struct demo_health_check demo_health_checks[];
extern const size_t demo_health_check_count;

/* demo_assessments_load records each demo assessment (as the operator) and
 * self-assessment (as its member). organisations is looked up by name.
 * Returns 0, or -1 after saying why on stderr. */
int demo_assessments_load(struct ctx *c, demo_lookup lookup, const void *platforms,
                          const void *organisations, const void *people);

#endif
