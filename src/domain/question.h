/*
 * question.h — the learning agenda (seed 001: action research; seed 000:
 * joint learning): the questions an alliance sets out to answer, each owned
 * by one or more of its platforms, with a status (open, being explored,
 * answered, set aside), and the events, lessons and documents linked to it.
 * Its action-research cycles are in cycle.h.
 *
 * Platforms. A question belongs to an alliance and is owned by one or more
 * of its platforms; the first is its home: the search index and the audit
 * trail file the question under it.
 *
 * Visibility. A question is a knowledge item (visibility.h): platform,
 * alliance or public, and never a draft. With several owning platforms,
 * "platform" means the members of any owning platform may read it (as a
 * joint event). A link to an event, lesson or document shows only while the
 * viewer may read that item, by the item's own rule: a reader of the
 * question sees the links they may follow, and nothing of the others, not
 * even how many there are.
 *
 * Rights (rights.h, "set the learning agenda": convenors and facilitators).
 * Raising a question takes that right on its home platform; editing it, or
 * naming other owning platforms, on any platform that owns it (a platform of
 * the same alliance may be named as an owner: the agenda is joint);
 * deleting it, on its home platform. Linking an event, lesson or document
 * takes the right to write items on an owning platform, and the right to
 * read the item; the item must be of the question's alliance.
 */
#ifndef ALLIANCE_QUESTION_H
#define ALLIANCE_QUESTION_H

#include "core/problem.h"
#include "domain/context.h"
#include "domain/listing.h"

#include <stdbool.h>
#include <stdint.h>

#define QUESTION_PLATFORMS_MAX 8
#define QUESTION_LINKS_MAX     100 /* links of a question */

/* A platform owning a question. */
struct question_platform {
    int64_t key;
    char *id;
    char *name;
    char *level_label;
};

struct question {
    int64_t key;
    char *id;
    int64_t alliance_key;
    char *alliance_slug;
    char *alliance_name;
    char *alliance_visibility;
    int64_t platform_key; /* the home platform: platforms[0] */
    char *platform_id;
    char *platform_name;
    int platform_count; /* with lists, only the home platform is loaded */
    struct question_platform platforms[QUESTION_PLATFORMS_MAX];
    int64_t author_key; /* who raised it; 0 when none */
    char *author_id;
    char *author_name;
    char *title;
    char *body;       /* Markdown: why it matters, what is known */
    char *status;     /* open, exploring, answered, set_aside */
    char *visibility; /* platform, alliance, public */
    char *raised_on;  /* YYYY-MM-DD */
    char *created_at;
    char *updated_at;
    int64_t cycle_count; /* the cycles the viewer may read (lists and pages) */
    /* Whether the viewer may know who raised it: not when they read it only
     * through shares without attribution (share.h); author is then empty. */
    bool attributed;
    /* Input only: the owning platforms' ids, the home first. */
    const char *platform_ids[QUESTION_PLATFORMS_MAX];
    int platform_id_count;
};

struct question_list {
    struct question *items;
    int count;
    int64_t total;
};

/* What question_list returns; zero and NULL fields do not filter. */
struct question_filter {
    int64_t alliance_key;
    int64_t platform_key; /* owned by the platform */
    const char *status;
    bool with_cycles;      /* only those with a cycle the viewer may read */
    const char *item_kind; /* with item_key: those linked to this event, lesson or document */
    int64_t item_key;
};

/* Sort keys of question_list: raised (the default, newest first), title,
 * status. */

/* A link from a question to an event, lesson or document. */
struct question_link {
    char *kind; /* event, lesson, document */
    int64_t item_key;
    char *item_id;
};

struct question_link_list {
    struct question_link *items;
    int count;
};

/* question_status_valid, question_status_label: the four statuses, by
 * machine name, and their words. */
bool question_status_valid(const char *status);
const char *question_status_label(const char *status);
/* question_statuses lists the machine names, NULL-terminated. */
extern const char *const question_statuses[];

/* question_find loads a question the viewer may read, with its owning
 * platforms (STATUS_NOT_FOUND otherwise). */
enum status question_find(struct ctx *c, const char *id, struct question **out);

/* question_list returns a page of the questions the viewer may read. */
enum status question_list(struct ctx *c, const struct question_filter *f, const struct listing *l,
                          struct question_list *out);

/* question_create stores a new question raised by the viewer on the platforms
 * named by platform_ids (the home first). */
enum status question_create(struct ctx *c, struct question *q, struct problems *p);

/* question_update stores an edited question; platform_ids (when given)
 * replace the owners, the home staying first. */
enum status question_update(struct ctx *c, struct question *q, struct problems *p);

/* question_delete removes a question, its links and its cycles, leaving
 * tombstones. */
enum status question_delete(struct ctx *c, struct question *q);

/* question_may_edit: may the viewer edit the question (set the agenda on an
 * owning platform)? question_may_delete: on its home platform?
 * question_may_link: may they write items on an owning platform? */
bool question_may_edit(struct ctx *c, const struct question *q);
bool question_may_delete(struct ctx *c, const struct question *q);
bool question_may_link(struct ctx *c, const struct question *q);

/* question_may_raise: may the viewer raise a question on the platform? */
bool question_may_raise(struct ctx *c, int64_t platform_key);

/* question_links returns the links of a question whose items the viewer may
 * read, of one kind or of all (kind NULL), in the order they were made. */
enum status question_links(struct ctx *c, const struct question *q, const char *kind,
                           struct question_link_list *out);

/* question_link_add links the item an address of this site names
 * ("/lessons/ID", "https://site/events/ID"), or, with kind, the item of that
 * kind whose id address is. The viewer must read it, and it must be of the
 * question's alliance; problems go to "item" (or "kind"). out, when not
 * NULL, gets the link. */
enum status question_link_add(struct ctx *c, const struct question *q, const char *kind,
                              const char *address, struct question_link *out, struct problems *p);

/* question_link_remove removes the link to the item of kind and id, which
 * the viewer must read (STATUS_NOT_FOUND otherwise, or when it is not
 * linked); a kind that is none of the three, or no id, are problems of
 * "kind" and "item". */
enum status question_link_remove(struct ctx *c, const struct question *q, const char *kind,
                                 const char *item_id, struct problems *p);

/* question_item_deleted removes the links to an item being deleted, inside
 * its transaction. */
enum status question_item_deleted(struct ctx *c, const char *kind, int64_t item_key);

/* question_reindex_one puts the question in the search index again. */
enum status question_reindex_one(struct ctx *c, const char *id);

#endif
