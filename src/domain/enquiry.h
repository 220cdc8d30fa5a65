/*
 * enquiry.h — a question asked to a platform's resource centre (seed 002:
 * resource centres as focal points for knowledge and contacts). A member asks
 * signed in; a visitor asks through the public form with a name and an email
 * address, at most ENQUIRY_RATE_LIMIT times an hour from one address.
 *
 * The status goes open → assigned → answered → closed. A convenor or
 * facilitator assigns it to someone who answers for the platform (a
 * documenter, facilitator or convenor: the publish right); an answerer
 * answers, in Markdown with links to documents and lessons (answering an
 * open enquiry assigns it to whoever answers), and may close it, answered
 * or not (spam, a duplicate). An answered enquiry can be published as a
 * frequently asked question.
 *
 * Who reads what: the platform's answerers and administrators read every
 * enquiry of the platform; the asker reads their own; whoever may read the
 * platform reads its published FAQs. Who asked (name, email, person) is shown
 * only to the answerers, administrators and the asker; the email only to the
 * answerers and administrators. Only published FAQs are in the search index.
 */
#ifndef ALLIANCE_ENQUIRY_H
#define ALLIANCE_ENQUIRY_H

#include "core/problem.h"
#include "domain/context.h"
#include "domain/listing.h"

#include <stdbool.h>
#include <stdint.h>

/* The public form: questions from one address within an hour. */
#define ENQUIRY_RATE_LIMIT  5
#define ENQUIRY_RATE_WINDOW 3600

struct enquiry {
    int64_t key;
    char *id;
    int64_t platform_key;
    char *platform_id;
    char *platform_name;
    char *level_label;
    int64_t alliance_key;
    char *alliance_slug;
    char *alliance_name;
    int64_t asker_key; /* the asking person, 0 for a visitor (or when gone) */
    char *asker_id;    /* NULL: a visitor, or the viewer may not know who asked */
    char *asker_name;  /* NULL when the viewer may not know who asked */
    char *asker_email; /* NULL when the viewer may not read it; "" when none */
    char *question;    /* plain text */
    char *status;      /* open, assigned, answered, closed */
    int64_t assignee_key;
    char *assignee_id; /* set by callers to assign (a person id); "" unassigns */
    char *assignee_name;
    char *answer; /* Markdown */
    bool faq;     /* published as a frequently asked question */
    char *asked_at;
    char *assigned_at; /* NULL until assigned */
    char *answered_at; /* NULL until first answered */
    char *updated_at;
};

struct enquiry_list {
    struct enquiry *items;
    int count;
    int64_t total;
};

/* What enquiry_list returns; zero and NULL fields do not filter. */
struct enquiry_filter {
    int64_t platform_key;
    const char *status;
    int faq;           /* -1: any; 0: not published; 1: published FAQs */
    int64_t asker_key; /* the enquiries this person asked */
};

/* The time to answer of a platform: from asking to the first answer, over
 * every enquiry of the platform that has one. */
struct enquiry_times {
    int64_t answered; /* how many have an answer; 0: the figures mean nothing */
    int64_t median;   /* seconds */
    int64_t average;  /* seconds */
};

/* enquiry_status_label: the translated name of a status. */
const char *enquiry_status_label(const char *status);

/* enquiry_find loads an enquiry the viewer may read (STATUS_NOT_FOUND
 * otherwise); who asked is filled only where the viewer may know it. */
enum status enquiry_find(struct ctx *c, const char *id, struct enquiry **out);

/* enquiry_list returns a page of the enquiries the viewer may read. Sort
 * keys: asked (default, newest first), status, answered. */
enum status enquiry_list(struct ctx *c, const struct enquiry_filter *f, const struct listing *l,
                         struct enquiry_list *out);

/* enquiry_wait is how many seconds a visitor asking from address (a network
 * address) must wait before asking again: 0 when they may ask. Signed in,
 * always 0. */
int64_t enquiry_wait(struct ctx *c, const char *address);

/* enquiry_create stores a new open enquiry to the platform named by
 * platform_id (which the viewer must be able to read). Signed in, the asker
 * is the viewer (name and email from their record); signed out, asker_name
 * and asker_email are required, and the question counts against address. */
enum status enquiry_create(struct ctx *c, struct enquiry *e, const char *address,
                           struct problems *p);

/* enquiry_update stores e, the enquiry named by e->id as the caller wants it
 * now (question, status, assignee_id, answer, faq), after checking that the
 * viewer answers for its platform (and may assign, when the assignee
 * changes) and that the change follows the rules above. The asker's fields
 * are never written. */
enum status enquiry_update(struct ctx *c, struct enquiry *e, struct problems *p);

/* enquiry_may_answer: may the viewer answer (and close, publish) it? */
bool enquiry_may_answer(struct ctx *c, const struct enquiry *e);

/* enquiry_may_assign: may the viewer assign it (a convenor or facilitator)? */
bool enquiry_may_assign(struct ctx *c, const struct enquiry *e);

/* enquiry_answerer: does the person answer for the platform? */
bool enquiry_answerer(struct ctx *c, int64_t platform_key, int64_t person_key);

/* enquiry_times works out the time to answer of a platform. */
enum status enquiry_times(struct ctx *c, int64_t platform_key, struct enquiry_times *out);

/* enquiry_reindex_one puts the enquiry with this id in the search index again
 * when it is an answered FAQ (otherwise takes it out), as search_reindex
 * walks every item (a search_source). */
enum status enquiry_reindex_one(struct ctx *c, const char *id);

#endif
