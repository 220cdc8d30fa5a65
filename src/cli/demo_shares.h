/*
 * demo_shares.h — how knowledge moves in the demo (seeds 000 and 002): lessons,
 * a journal entry and a document shared up from districts to their regions and
 * on to the national platform, back down to the other regions and districts,
 * and across to peers, one in the Burkina Faso alliance; one without naming
 * its author; and what each receiver did with them — acknowledged, discussed,
 * adopted (with a link to what changed), not relevant (with the reason), or
 * nothing yet, some for longer than the response days allow.
 */
#ifndef ALLIANCE_DEMO_SHARES_H
#define ALLIANCE_DEMO_SHARES_H

#include "cli/demo_enquiries.h"

#include <stdbool.h>
#include <stddef.h>

/* One share (or one to every platform below, to_key "children"), made by a
 * person who may share on the sending platform, days_ago days before the
 * demo is loaded. The item is named by its kind and the start of its title. */
struct demo_share {
    const char *kind; /* lesson, entry, document, event */
    const char *title;
    const char *from_key; /* demo platform keys */
    const char *to_key;   /* or "children" */
    const char *sharer_email;
    const char *message;
    bool anonymous; /* without naming the author */
    int days_ago;
};

/* The response of one receiving platform to the share of an item, days
 * after it was shared. link may name a demo item as "lesson:Title start"
 * or "document:Title start" (its page here), or be an address. */
struct demo_share_response {
    const char *title;
    const char *to_key;
    const char *responder_email;
    const char *response;
    int days_after;
    const char *note;
    const char *link;
};

/* A lesson applied (application.h) on a platform that holds it, recorded
 * by a person who may there, days_ago days before the demo is loaded. link
 * as in demo_share_response. */
struct demo_application {
    const char *title;
    const char *platform_key;
    const char *recorder_email;
    const char *kind; /* guideline, policy, decision, practice */
    const char *description;
    const char *applied_by;
    const char *link;
    int days_ago;
};

extern const struct demo_share demo_shares[];
extern const size_t demo_share_count;
extern const struct demo_share_response demo_share_responses[];
extern const size_t demo_share_response_count;
extern const struct demo_application demo_applications[];
extern const size_t demo_application_count;

struct ctx;

/* demo_item_id is the id of the demo item of a kind (lesson, entry,
 * document, event) whose title starts with title, as the viewer of c may
 * read it; NULL when there is none (arena). */
const char *demo_item_id(struct ctx *c, const char *kind, const char *title);

/* demo_shares_load makes each demo share, response and application through
 * the domain calls, as the people of the demo (their roles checked here),
 * then dates them as the tables say; *made counts the shares. Returns 0, or -1 after
 * saying why on stderr. */
int demo_shares_load(struct ctx *c, demo_lookup lookup, const void *platforms, const void *people,
                     size_t *made);

#endif
