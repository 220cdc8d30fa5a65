/*
 * demo_entries.h — the process-documentation journal of the demo: what the
 * documenters and members of some demo platforms wrote down as it happened
 * (seed 001: process documentation) — observations at meetings and water
 * points, stories of change, reflections, the words people said, photos.
 */
#ifndef ALLIANCE_DEMO_ENTRIES_H
#define ALLIANCE_DEMO_ENTRIES_H

#include <stddef.h>

/* An entry as its author writes it. The author (a demo_person e-mail) is a
 * member of the platform who may write there, and publish when status is
 * published (convenor, facilitator or documenter). */
struct demo_entry {
    const char *platform_key;
    const char *author_email;
    const char *kind; /* observation, story, reflection, quote, photo */
    const char *title;
    const char *happened_on; /* YYYY-MM-DD */
    const char *visibility;  /* platform, alliance, public */
    const char *status;      /* draft, published */
    const char *place, *people;
    const char *body;  /* Markdown */
    const char *links; /* one "label | address" a line, or NULL */
};

extern const struct demo_entry demo_entries[];
extern const size_t demo_entry_count;

#endif
