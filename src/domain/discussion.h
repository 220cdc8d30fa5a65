/*
 * discussion.h — conversations (seed 001: communication; seed 003: trust
 * grows through conversation). A discussion is a thread either on a knowledge
 * item (a lesson, a journal entry, a document, an event, a share: one thread
 * each, read by exactly those who may read the item, through shares too; a
 * share's by whoever may see the share) or stand-alone in
 * a platform, with a title and a visibility of its own (platform, alliance,
 * public) under the same rule of levels as items (visibility.h).
 *
 * A reply is Markdown (rendered in safe mode), may quote an earlier reply of
 * the thread, and may mention people as @[Their Name]: a name the writer may
 * see resolves to that person, who is told (notification.h) when they may
 * read the thread. Its author may edit it; each earlier wording is kept and
 * shown as its history. Whoever may moderate the thread's platform (convenors
 * and facilitators) hides a reply with a reason, recorded in the audit trail;
 * the words stay in the database and are shown to moderators only.
 *
 * Threads are read a page of replies at a time, by key (keyset paging), so a
 * thread of thousands of replies opens as fast as a short one; each reader's
 * read mark gives the link to their first unread reply.
 */
#ifndef ALLIANCE_DISCUSSION_H
#define ALLIANCE_DISCUSSION_H

#include "core/problem.h"
#include "domain/context.h"
#include "domain/listing.h"

#include <stdbool.h>
#include <stdint.h>

#define DISCUSSION_PAGE_SIZE   25
#define DISCUSSION_MENTION_MAX 20

struct discussion {
    int64_t key;
    char *id;
    int64_t platform_key;
    char *platform_id;
    char *platform_name;
    int64_t alliance_key;
    char *alliance_slug;
    char *alliance_name;
    char *item_kind; /* platform (stand-alone), lesson, entry, document, event, share,
                        question */
    int64_t item_key;
    char *item_id;    /* NULL for a stand-alone thread */
    char *title;      /* its own, or its item's */
    char *visibility; /* its own (stand-alone), or NULL: its item's */
    int64_t author_key;
    char *author_id; /* NULL when the viewer may not know who started it */
    char *author_name;
    int64_t reply_count;
    char *last_reply_at; /* NULL before the first reply */
    char *created_at;
    char *updated_at;
    /* The viewer's read mark: the key of the last reply they saw (0: none),
     * how many replies came after it, and the first of those. */
    int64_t read_key;
    int64_t unread;
    char *first_unread_id;
    /* Internal, never shown: the author of the item, when the viewer reads
     * it only through shares that do not name them (share.h); their replies
     * then do not name them either. 0 otherwise. */
    int64_t unknown_author_key;
    /* Likewise, in the thread of a share (item_kind "share"): whoever made
     * it, when the viewer may not know the item's author. 0 otherwise. */
    int64_t unknown_sharer_key;
};

struct discussion_list {
    struct discussion *items;
    int count;
    int64_t total;
};

/* What discussion_list returns; zero and NULL fields do not filter. */
struct discussion_filter {
    int64_t platform_key;
    const char *item_kind;
    int64_t item_key;
};

/* A person named in a reply, whom the reader may see. */
struct reply_mention {
    char *person_id;
    char *name;
};

struct reply {
    int64_t key;
    char *id;
    int64_t discussion_key;
    char *discussion_id;
    int64_t author_key; /* 0 when the reader may not know the author */
    char *author_id;
    char *author_name;
    char *body;
    char *created_at;
    char *updated_at;
    char *edited_at; /* NULL: never edited */
    char *hidden_at; /* NULL: shown */
    char *hidden_reason;
    /* The reply it quotes, if any (quote_key 0: none). */
    int64_t quote_key;
    char *quote_id;
    char *quote_author_name; /* NULL when unknown to the reader */
    char *quote_body;
    bool quote_hidden;
    int mention_count;
    struct reply_mention *mentions;
};

/* A page of a thread's replies, oldest first. */
struct reply_page {
    struct reply *items;
    int count;
    int64_t first_position; /* the number of the first reply in the thread, from 1 */
    char *previous_id;      /* the first reply of this page, when there are earlier ones */
    char *next_id;          /* the first reply of the next page, or NULL */
};

/* Where a page of replies starts: from a reply (inclusive), before a reply
 * (the page that ends just before it), or, when both are NULL, the first page
 * (last: the last page). */
struct reply_cursor {
    const char *from_id;
    const char *before_id;
    bool last;
    int limit; /* 1..100; 0: DISCUSSION_PAGE_SIZE */
};

struct reply_revision {
    char *body;
    char *written_at;
    char *replaced_at;
    char *replaced_by_name; /* NULL when unknown to the reader */
};

struct reply_revision_list {
    struct reply_revision *items;
    int count;
};

/* An item a thread may be on, as the viewer reads it. The thread of a
 * share belongs to its receiving platform (whose convenors and facilitators
 * moderate it), and is read by whoever may see the share (share.h): the
 * receivers while it stands, the sending platform and the item's own, where
 * they may read the item — the two sides talking about what was sent. */
struct discussion_item {
    int64_t key;
    const char *id;
    const char *title;
    int64_t platform_key; /* the thread's platform */
};

/* The kinds of item a thread may be on, in the order of the API's fields. */
#define DISCUSSION_ITEM_KINDS 6
extern const char *const discussion_item_kinds[DISCUSSION_ITEM_KINDS];

/* discussion_item_find loads an item of a kind a thread may be on (lesson,
 * entry, document, event, share, question) that the viewer may read; STATUS_NOT_FOUND
 * otherwise, and for a kind that is not one. */
enum status discussion_item_find(struct ctx *c, const char *kind, const char *id,
                                 struct discussion_item *out);

/* discussion_kind_label: the translated name of an item kind ("lesson" …). */
const char *discussion_kind_label(const char *item_kind);

/* discussion_find loads a thread the viewer may read (STATUS_NOT_FOUND
 * otherwise), with the viewer's read mark. */
enum status discussion_find(struct ctx *c, const char *id, struct discussion **out);

/* discussion_of_item loads the thread of an item (kind "lesson", "entry",
 * "document", "event" or "share"), or STATUS_NOT_FOUND when it has none or the viewer may not
 * read it. */
enum status discussion_of_item(struct ctx *c, const char *kind, int64_t item_key,
                               struct discussion **out);

/* discussion_list returns a page of the threads the viewer may read, most
 * recently active first (sort "title": by title). */
enum status discussion_list(struct ctx *c, const struct discussion_filter *f,
                            const struct listing *l, struct discussion_list *out);

/* discussion_replies reads a page of the replies of a thread already read,
 * for the viewer (authors they may not know left out). */
enum status discussion_replies(struct ctx *c, const struct discussion *d,
                               const struct reply_cursor *cur, struct reply_page *out);

/* discussion_may_reply: may the viewer reply in a thread they read? (signed
 * in as a person). */
bool discussion_may_reply(struct ctx *c, const struct discussion *d);

/* discussion_may_moderate: may the viewer hide replies (convenors and
 * facilitators of the thread's platform, administrators)? */
bool discussion_may_moderate(struct ctx *c, const struct discussion *d);

/* discussion_may_start: may the viewer start a stand-alone thread on the
 * platform (those who may write items there)? */
bool discussion_may_start(struct ctx *c, int64_t platform_key);

/* discussion_start stores a stand-alone thread of the platform named by
 * platform_id with its first reply; d->id is set. Problems go to "title",
 * "visibility", "body" and "platform". */
enum status discussion_start(struct ctx *c, struct discussion *d, const char *platform_id,
                             const char *body, struct problems *p);

/* discussion_start_on_item stores the thread of an item the viewer may read,
 * with its first reply (STATUS_CONFLICT when the item has one already); *out
 * receives the thread. */
enum status discussion_start_on_item(struct ctx *c, const char *kind, const char *item_id,
                                     const char *body, struct problems *p, struct discussion **out);

/* discussion_mark_read moves the viewer's read mark forward to reply_key
 * (never back) and marks their notifications of replies up to it read. */
enum status discussion_mark_read(struct ctx *c, const struct discussion *d, int64_t reply_key);

/* discussion_item_deleted removes the thread of a deleted item (inside the
 * caller's transaction), leaving a tombstone. */
enum status discussion_item_deleted(struct ctx *c, const char *kind, int64_t item_key);

/* discussion_audit_begin starts an audit entry about a change in a thread
 * (a reply hidden, a proposal): filed under the thread's item, or under the
 * stand-alone thread, so that it is shown exactly to those who may read it. */
struct audit_draft;
void discussion_audit_begin(struct audit_draft *a, const struct discussion *d);

/* reply_create stores a reply in a thread the viewer reads, quoting the reply
 * quote_id of the same thread when given, and tells whoever it concerns
 * (notification.h). Problems go to "body" and "quote". *out gets the reply. */
enum status reply_create(struct ctx *c, const struct discussion *d, const char *body,
                         const char *quote_id, struct problems *p, struct reply **out);

/* reply_find loads a reply of a thread the viewer may read, with its thread
 * (STATUS_NOT_FOUND otherwise). */
enum status reply_find(struct ctx *c, const char *id, struct reply **out,
                       struct discussion **thread);

/* reply_may_edit: is the viewer the author of a reply that is not hidden? */
bool reply_may_edit(struct ctx *c, const struct reply *r);

/* reply_update stores a new wording of the viewer's own reply, keeping the
 * earlier one in its history. */
enum status reply_update(struct ctx *c, const struct discussion *d, struct reply *r,
                         const char *body, struct problems *p);

/* reply_hide hides a reply with a reason (problems go to "reason"); the
 * audit trail records who, when and why. */
enum status reply_hide(struct ctx *c, const struct discussion *d, struct reply *r,
                       const char *reason, struct problems *p);

/* reply_revisions lists a reply's earlier wordings, oldest first. Empty for
 * a hidden reply unless the viewer may moderate. */
enum status reply_revisions(struct ctx *c, const struct discussion *d, const struct reply *r,
                            struct reply_revision_list *out);

/* thread_reindex_one and reply_reindex_one put a stand-alone thread's title
 * and a reply's text (a hidden one: out) in the search index again, as
 * search_reindex walks every item (search_source kinds "thread" and
 * "reply"). Every write of a thread or reply keeps the index itself. */
enum status thread_reindex_one(struct ctx *c, const char *id);
enum status reply_reindex_one(struct ctx *c, const char *id);

/* reply_markdown turns the @[Name] mentions of a reply that name a person
 * the reader may see into Markdown links to their page; the rest stays as
 * written. Allocates in the arena. */
char *reply_markdown(struct ctx *c, const struct reply *r);

#endif
