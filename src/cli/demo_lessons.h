/*
 * demo_lessons.h — the lessons of the demo: what district, regional and
 * national platforms of the two demo alliances learnt from their own practice,
 * failures included (seeds 000 and 002). Several lessons follow one another
 * across levels: a district finds something out, the regional platform tries
 * it elsewhere, the national platform turns it into a guideline.
 */
#ifndef ALLIANCE_DEMO_LESSONS_H
#define ALLIANCE_DEMO_LESSONS_H

#include <stddef.h>

/* A lesson as its author writes it. The author (a demo_person e-mail) is a
 * member of the platform who may write there, and publish when status is
 * published (convenor, facilitator or documenter). */
struct demo_lesson {
    const char *platform_key;
    const char *author_email;
    const char *title;
    const char *happened_on; /* YYYY-MM-DD */
    const char *outcome;     /* success, failure, mixed */
    const char *visibility;  /* platform, alliance, public */
    const char *status;      /* draft, published */
    const char *context, *what_happened, *lesson, *recommendation;
    const char *tags;     /* comma-separated */
    const char *evidence; /* one "label | address" a line, or NULL */
    const char *question; /* the learning question it answers, or NULL */
};

extern const struct demo_lesson demo_lessons[];
extern const size_t demo_lesson_count;

#endif
