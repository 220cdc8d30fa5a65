/*
 * demo_discussions.h — conversations of the demo (seed 003: trust grows
 * through conversation): lively threads on lessons of the Upper East region,
 * on the alliance's two learning questions,
 * on the national platform's quarterly meeting and on the share of its
 * minutes to the Upper East,
 * a stand-alone thread of the regional platform, with quotes, an edited reply,
 * a reply hidden by a facilitator with its reason, and mentions of each demo
 * sign-in, so that everyone who signs in to the demo has notifications.
 */
#ifndef ALLIANCE_DEMO_DISCUSSIONS_H
#define ALLIANCE_DEMO_DISCUSSIONS_H

#include "cli/demo_enquiries.h"
#include "core/problem.h"

#include <stddef.h>
#include <stdint.h>

/* One reply: who wrote it (a demo person's email), how many hours before the
 * demo was loaded, the reply of the same thread it quotes (its number, from
 * 1; 0 for none), its words; and what became of it: a later wording by its
 * author (edit), or hidden by a facilitator with a reason. */
struct demo_reply {
    const char *email;
    int hours_ago;
    int quote;
    const char *body;
    const char *edit;        /* or NULL */
    const char *hidden_by;   /* a facilitator's email, or NULL */
    const char *hide_reason; /* when hidden */
};

/* A thread: on the lesson or event whose title starts with title (kind
 * "lesson", "event"), on the learning question of that title ("question"), on the share of that
 * event to the platform platform_key (kind "share"), or stand-alone on a platform (kind "platform":
 * title, visibility). */
struct demo_thread {
    const char *kind;
    const char *title;
    const char *platform_key; /* stand-alone threads */
    const char *visibility;
    const struct demo_reply *replies;
    size_t reply_count;
};

extern const struct demo_thread demo_threads[];
extern const size_t demo_thread_count;

struct ctx;
struct viewer;

/* demo_fail says on stderr why the demo cannot do what (to the record
 * titled so): the first problem with its field, or the status; returns -1. */
int demo_fail(const char *what, const char *title, enum status s, const struct problems *p);

/* demo_as_person makes the viewer of a demo person. Demo people have no
 * account, which rights ask for: where a right is needed (right >= 0, an
 * enum right), their role on the platform is checked here and they act with
 * the operator's standing, as the demo's shares do. Returns 0, or -1 after
 * saying why on stderr. */
int demo_as_person(struct ctx *c, demo_lookup lookup, const void *people, const char *email,
                   int64_t platform_key, int right, struct viewer *v);

/* demo_discussions_load makes each thread and reply through the domain calls,
 * as the people of the demo, then dates them as the tables say; *replies
 * counts the replies. Returns 0, or -1 after saying why on stderr. */
int demo_discussions_load(struct ctx *c, demo_lookup lookup, const void *platforms,
                          const void *people, size_t *replies);

#endif
