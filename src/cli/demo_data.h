/*
 * demo_data.h — static tables for a realistic demo: a Ghana WASH learning
 * alliance with national, regional and district platforms, a small Burkina
 * Faso alliance for cross-alliance peer links, and the organisations, people
 * and memberships that fill them. Records refer to each other by key (platforms),
 * slug (alliances), e-mail (people) and exact name (organisations).
 */
#ifndef ALLIANCE_DEMO_DATA_H
#define ALLIANCE_DEMO_DATA_H

#include <stddef.h>

struct demo_alliance {
    const char *slug, *name, *going_in_issue, *vision;
    const char *principles; /* one per line, separated by "\n" */
    const char *levels[4];  /* labels, top level first, NULL-terminated */
};

struct demo_platform {
    const char *key, *alliance_slug;
    const char *parent_key; /* NULL at the top */
    int level;              /* 0 is the top */
    const char *name, *place, *description;
};

/* A horizontal (peer) link between two platforms, possibly in different alliances. */
struct demo_link {
    const char *a_key, *b_key, *note;
};

struct demo_organisation {
    const char *name;
    const char *kind; /* government, ngo, private, academic, community, donor, other */
    const char *description;
    const char *website; /* or NULL */
};

struct demo_person {
    const char *name, *email;
    const char *gender;             /* "female", "male" or NULL */
    const char *marginalised_group; /* or NULL */
    const char *organisation;       /* a demo_organisation name, or NULL */
};

/* Exactly one of person_email and organisation is set. capabilities is a
 * comma-separated list of: implementation, regulation, policy, research,
 * documentation. */
struct demo_membership {
    const char *platform_key;
    const char *person_email; /* or NULL */
    const char *organisation; /* used when person_email is NULL */
    const char *role;         /* convenor, facilitator, documenter, member, observer */
    const char *capabilities;
};

extern const struct demo_alliance demo_alliances[];
extern const size_t demo_alliance_count;
extern const struct demo_platform demo_platforms[];
extern const size_t demo_platform_count;
extern const struct demo_link demo_links[];
extern const size_t demo_link_count;
extern const struct demo_organisation demo_organisations[];
extern const size_t demo_organisation_count;
extern const struct demo_person demo_people[];
extern const size_t demo_person_count;
extern const struct demo_membership demo_memberships[];
extern const size_t demo_membership_count;

#endif
