/*
 * demo_events.h — a year of the demo platforms' events (seed 001: process
 * and event facilitation, social inclusion): quarterly meetings, a joint
 * regional and district workshop, field and exchange visits, a training in
 * French in Burkina Faso, with who attended and spoke, minutes, decisions
 * and action items — some done, some overdue, some followed up at a later
 * event.
 */
#ifndef ALLIANCE_DEMO_EVENTS_H
#define ALLIANCE_DEMO_EVENTS_H

#include "cli/demo_enquiries.h"

#include <stddef.h>

/* An event as its author records it. The author (a demo person's email)
 * writes on every platform of the event and, when it is published, may
 * publish on the first. */
struct demo_event {
    const char *platforms; /* demo platform keys, comma separated, the home first */
    const char *author_email;
    const char *kind, *title;
    const char *start, *end; /* wall times in time_zone, YYYY-MM-DDTHH:MM */
    const char *time_zone;
    const char *place, *facilitator;
    const char *visibility, *status;
    const char *agenda, *minutes; /* Markdown */
    /* Who attended, one a line: "email | role | spoke" for a demo person, or
     * "=Name | organisation | role | spoke | gender | group" for someone by
     * name ("spoke" or empty; gender and group may be empty). */
    const char *attendance;
    const char *decisions; /* one a line */
    /* One a line: "action | owner email or - | due date or - | status |
     * the index in demo_events of the event that followed it up, or -". */
    const char *actions;
};

extern const struct demo_event demo_events[];
extern const size_t demo_event_count;

struct ctx;

/* demo_events_load records each demo event, its attendance, decisions and
 * action items as its author, then the follow-ups. Returns 0, or -1 after
 * saying why on stderr. */
int demo_events_load(struct ctx *c, demo_lookup lookup, const void *platforms, const void *people);

#endif
