/*
 * demo_enquiries.h — the questions asked to the resource centres of the demo
 * platforms (seed 002: resource centres as focal points for knowledge and
 * contacts): from visitors and from members, open, assigned, answered and
 * closed, some published as frequently asked questions, with the times they
 * were asked and answered, so that the time to answer means something.
 */
#ifndef ALLIANCE_DEMO_ENQUIRIES_H
#define ALLIANCE_DEMO_ENQUIRIES_H

#include <stdbool.h>
#include <stddef.h>

/* One enquiry and what became of it. The answerer and the assignee answer
 * for the platform (convenor, facilitator or documenter). */
struct demo_enquiry {
    const char *platform_key;
    const char *asker_email;  /* a demo person asking signed in, or NULL for a visitor */
    const char *visitor_name; /* a visitor's name and email, when asker_email is NULL */
    const char *visitor_email;
    const char *question;
    const char *asked_at;       /* an instant, ISO 8601 UTC */
    const char *assignee_email; /* given it to answer, or NULL */
    int hours_to_assign;
    const char *answerer_email; /* answered it, or NULL */
    int hours_to_answer;        /* from asking */
    const char *answer;         /* Markdown */
    bool faq;                   /* published as a frequently asked question */
    bool closed;
};

extern const struct demo_enquiry demo_enquiries[];
extern const size_t demo_enquiry_count;

struct ctx;

/* A lookup of the demo loader: the id of the record named name (a platform
 * key, a person's email) in table, or NULL. */
typedef const char *(*demo_lookup)(const void *table, const char *name);

/* demo_enquiries_load asks, assigns, answers, publishes and closes each demo
 * enquiry through the domain calls, as the people of the demo, then dates
 * them as the table says. Returns 0, or -1 after saying why on stderr. */
int demo_enquiries_load(struct ctx *c, demo_lookup lookup, const void *platforms,
                        const void *people);

#endif
