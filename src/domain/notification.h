/*
 * notification.h — telling people what concerns them without flooding them.
 * A notification is made, inside the transaction of what caused it, for:
 *   mention  someone named them in a reply (discussion.h);
 *   reply    someone replied in a thread they started or replied in;
 *   share    an item was shared to a platform they are a member of (share.h);
 *   enquiry_assigned  an enquiry was given them to answer (enquiry.h);
 *   action_due  an action item they own is due tomorrow or overdue and still
 *            open (event.h), once per item, made by the periodic jobs;
 *   proposal a proposal opened in a thread they take part in (proposal.h);
 *   proposal_closing  it closes within a day and they have not answered (made by the
 *            periodic jobs).
 * Only people who may read the thread (or the shared item) when it happens
 * are told, and a notification is shown only while they still may: every
 * list and count applies the visibility rule again at reading time.
 *
 * Each person chooses, per kind, how they are told: at once, in a daily
 * digest, in a weekly digest, or never. "Never" makes no notification; the
 * other three keep it in the application and, when email is on (mail.h),
 * send it: at once, in the same transaction; or in the next digest. Until a
 * person chooses, mentions and enquiries assigned come at once, the other
 * kinds in the daily digest.
 */
#ifndef ALLIANCE_NOTIFICATION_H
#define ALLIANCE_NOTIFICATION_H

#include "core/problem.h"
#include "domain/context.h"
#include "domain/listing.h"

#include <stdbool.h>
#include <stdint.h>

#define NOTIFICATION_KINDS 7

struct notification {
    int64_t key;
    char *id;
    int64_t person_key;
    char *kind; /* mention, reply, share, enquiry_assigned, action_due */
    int64_t actor_key;
    char *actor_name; /* NULL when the reader may not know who */
    int64_t discussion_key;
    int64_t reply_key;
    int64_t share_key;
    int64_t enquiry_key;     /* enquiry_assigned */
    int64_t action_item_key; /* action_due */
    int64_t proposal_key;    /* proposal, proposal_closing */
    char *discussion_id;     /* mention, reply */
    char *reply_id;          /* mention, reply */
    char *share_id;          /* share */
    char *enquiry_id;        /* enquiry_assigned */
    char *proposal_id;       /* proposal, proposal_closing */
    char *event_id;          /* action_due: the event the action item came from */
    char *due_on;            /* action_due: the date it is due */
    char *title;             /* the thread's, shared item's or action item's title, the
                                enquiry's question */
    char *item_kind;         /* share: the kind of item shared */
    char *delivery;          /* now, daily or weekly: the choice when it was made */
    char *created_at;        /* ISO 8601 */
    char *read_at;           /* NULL: unread */
};

struct notification_list {
    struct notification *items;
    int count;
    int64_t total;
};

/* notification_kinds: the kinds, in the order pages show them. */
extern const char *const notification_kinds[NOTIFICATION_KINDS];

/* notification_kind_label, notification_delivery_label: translated names. */
const char *notification_kind_label(const char *kind);
const char *notification_delivery_label(const char *delivery);

/* notification_default_delivery: how a kind is delivered until the person
 * chooses. */
const char *notification_default_delivery(const char *kind);

/* notification_delivery_valid: now, daily, weekly or never. */
bool notification_delivery_valid(const char *delivery);

/* notification_notify tells person_key about n (kind, actor, thread and
 * reply, or share), unless they chose never for the kind or are the actor.
 * The caller has checked they may read it. */
enum status notification_notify(struct ctx *c, int64_t person_key, struct notification *n);

/* notification_share_received tells the members of the receiving platform
 * of a share just made (inside the caller's transaction). */
enum status notification_share_received(struct ctx *c, int64_t share_key, int64_t to_platform_key);

/* notification_list returns a page of the viewer's notifications, newest
 * first, of what they may still read. */
enum status notification_list(struct ctx *c, const struct listing *l,
                              struct notification_list *out);

/* notification_unread counts them, unread (0 when signed out). */
int64_t notification_unread(struct ctx *c);

/* notification_read_all marks every notification of the viewer read. */
enum status notification_read_all(struct ctx *c);

/* notification_enquiry_assigned tells the person an enquiry was just
 * assigned to (inside the caller's transaction). */
enum status notification_enquiry_assigned(struct ctx *c, int64_t enquiry_key, int64_t assignee_key);

/* notification_actions_due makes the action_due notifications of every open
 * action item due by tomorrow (in its alliance's time zone) or overdue, once
 * per item and owner, where the owner may read the event. Sets *made to how
 * many. The periodic jobs call it, as the command line (no viewer). */
enum status notification_actions_due(struct ctx *c, int *made);

/* notification_delivery_of: a person's choice for a kind, or the default. */
const char *notification_delivery_of(struct ctx *c, int64_t person_key, const char *kind);

/* notification_choose stores a person's choice for a kind, inside the
 * caller's transaction, and moves what waits for a digest of that kind to
 * it (never: out of the way). No rights are checked. */
enum status notification_choose(struct ctx *c, int64_t person_key, const char *kind,
                                const char *delivery);

/* notification_delivery: the viewer's choice for a kind (see above for the
 * default). */
const char *notification_delivery(struct ctx *c, const char *kind);

/* notification_delivery_set stores the viewer's choice for a kind; problems
 * go to the field named by the kind. What waits for a digest follows the new
 * choice. */
enum status notification_delivery_set(struct ctx *c, const char *kind, const char *delivery,
                                      struct problems *p);

#endif
