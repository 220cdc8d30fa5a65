/*
 * share.h — how knowledge moves between platforms (DESIGN.md §1, seeds 000
 * and 002): a knowledge item (a lesson, a journal entry, a document, an
 * event's minutes, a learning question) is
 * shared from a platform up to its parent, down to its children (one, or all
 * at once: one share each) or across to its peers, also in other alliances,
 * with a message. The receiving platform's members may then read the item,
 * whatever its level and alliance, for as long as the share is not withdrawn.
 *
 * A share may be without attribution: the receivers read the item but not
 * who wrote it, nor their organisation, nor who shared it, in every view
 * (store/row.h ROW_ITEM_ATTRIBUTED keeps them out of the rows themselves).
 *
 * The receiving platform answers each share in its inbox: acknowledged,
 * discussed (with a link to the event or its minutes), adopted (with a link
 * to what changed: the guideline, policy, decision or practice it led to) or
 * not relevant (with the reason). A share left without a response for longer
 * than the installation's response days (--response-days) is flagged.
 *
 * Rights (rights.h): sharing and withdrawing need RIGHT_SHARE_ITEMS on the
 * sending platform, responding RIGHT_RESPOND_SHARES on the receiving one. A
 * platform shares an item of its own, or one it received (so that a lesson
 * travels district → region → national and back down to other districts);
 * what it received without attribution it passes on without attribution.
 * Withdrawing a share also withdraws what the receiver passed on, unless the
 * receiver still holds the item by another share. Only a published item is
 * shared, and a share gives access to it only while it stays published.
 *
 * An event is shared for its minutes, once it has them, from any platform
 * that holds it (a joint event's platforms alike) or received it. Its
 * receivers read it as its own platforms' members do — minutes, decisions,
 * action items, attendance — but a share without attribution keeps from
 * them who recorded it, its facilitator, and who took part (attendance is
 * then counted, by gender and group, but nobody is named, nor their
 * organisation; action items name no owner).
 *
 * A learning question is shared likewise (never a draft): its receivers
 * read the question and the links they may follow, not the cycles of its
 * owning platforms; without attribution, not who raised it.
 *
 * Who sees a share: administrators; members of the receiving platform while
 * it is not withdrawn; members of the sending platform and of the item's own
 * platform (the item's journey), where they may read the receiver's alliance.
 * In every case only while they may read the item.
 */
#ifndef ALLIANCE_SHARE_H
#define ALLIANCE_SHARE_H

#include "core/problem.h"
#include "domain/context.h"
#include "domain/listing.h"

#include <stdbool.h>
#include <stdint.h>

#define SHARE_RESPONSE_DAYS 30 /* the default of --response-days */
#define SHARE_TARGETS_MAX   64 /* platforms one share form offers, up, down and across */

struct share {
    int64_t key;
    char *id;
    char *kind; /* lesson, entry, document, event, question */
    int64_t item_key;
    char *item_id;
    char *item_title;
    int64_t item_platform_key; /* the item's own platform */
    char *item_platform_id;
    char *item_platform_name;
    int64_t from_key;
    char *from_id, *from_name, *from_level, *from_alliance_slug, *from_alliance_name;
    int64_t from_alliance_key;
    int64_t to_key;
    char *to_id, *to_name, *to_level, *to_alliance_slug, *to_alliance_name;
    int64_t to_alliance_key;
    char *direction; /* up, down, across */
    char *message;
    bool attributed;      /* the share names the author */
    char *shared_by_id;   /* a person; NULL when gone or not for this reader */
    char *shared_by_name; /* (the sender's side, an unattributed share's receivers) */
    char *shared_at;
    char *withdrawn_at; /* NULL while the share stands */
    char *withdrawn_by_id, *withdrawn_by_name;
    char *response; /* NULL until answered; acknowledged, discussed, adopted, not_relevant */
    char *response_note;
    char *response_link;
    char *responded_by_id, *responded_by_name;
    char *responded_at;
    int from_depth, to_depth; /* the levels of the sender and the receiver (0: the top) */
};

struct share_list {
    struct share *items;
    int count;
    int64_t total;
};

/* What share_list returns; zero and NULL fields do not filter. */
struct share_filter {
    int64_t to_key;   /* an inbox */
    int64_t from_key; /* an outbox ("shared by this platform") */
    const char *kind; /* with item_key: one item's shares */
    int64_t item_key;
    const char *direction; /* up, down, across */
    const char *state;     /* waiting, responded, a response, withdrawn (share_state_valid) */
    bool flagged;          /* waiting longer than response_days */
    bool standing;         /* only those not withdrawn (an inbox) */
    int response_days;     /* the installation's setting (config); 0: SHARE_RESPONSE_DAYS */
};

/* What a share form asks for. */
struct share_request {
    const char *kind;
    const char *item_id;
    const char *from_id; /* NULL or "": the item's platform, else the first the viewer may use */
    const char **to_ids; /* platform ids */
    int to_count;
    bool to_children; /* and every platform below the sender that lacks the item */
    const char *message;
    int attributed; /* 1 named, 0 without attribution, -1 the default (named if it may be) */
};

#define SHARE_ITEM_PLATFORMS_MAX 8 /* an event's platforms (event.h EVENT_PLATFORMS_MAX) */

/* An item as sharing needs it, read as the viewer may read it. */
struct share_item {
    const char *kind;
    int64_t key;
    const char *id;
    const char *title;
    int64_t platform_key;
    const char *platform_id;
    const char *platform_name;
    const char *alliance_name;
    bool published;
    /* An event: whether it has minutes yet (only an event with minutes is
     * shared: its minutes are what travels); and the other platforms that
     * hold it as their own (a joint event), which share it as its home
     * platform does. Other kinds: true, none. */
    bool has_minutes;
    int also_count;
    int64_t also_keys[SHARE_ITEM_PLATFORMS_MAX];
    const char *also_ids[SHARE_ITEM_PLATFORMS_MAX];
};

/* A platform a share may go to from a sender, and which way. */
struct share_target {
    const char *direction; /* up, down, across */
    int64_t key;
    const char *id;
    const char *name;
    const char *level_label;
    const char *alliance_name;
    bool holds; /* it has the item already (its own, or shared to it and not withdrawn) */
};

/* share_kind_valid: lesson, entry, document, event or question. share_kind_label names one
 * kind in words ("lesson"); share_item_path is the page of an item kind
 * ("/lessons/"). */
bool share_kind_valid(const char *kind);
const char *share_kind_label(const char *kind);
const char *share_item_path(const char *kind);

/* share_direction_label, share_response_label: translated names. */
const char *share_direction_label(const char *direction);
const char *share_response_label(const char *response);

/* share_response_valid: acknowledged, discussed, adopted or not_relevant.
 * share_state_valid: waiting, responded, withdrawn or a response. */
bool share_response_valid(const char *response);
bool share_state_valid(const char *state);

/* SHARE_ITEM_OF is the share_item of a lesson, entry or document x already
 * read (kind "lesson", "entry", "document"): their fields have the same
 * names. Needs core/str.h. */
#define SHARE_ITEM_OF(item_kind, x)                                                                \
    ((struct share_item){.kind = (item_kind),                                                      \
                         .key = (x)->key,                                                          \
                         .id = (x)->id,                                                            \
                         .title = (x)->title,                                                      \
                         .platform_key = (x)->platform_key,                                        \
                         .platform_id = (x)->platform_id,                                          \
                         .platform_name = (x)->platform_name,                                      \
                         .alliance_name = (x)->alliance_name,                                      \
                         .published = str_eq((x)->status, "published"),                            \
                         .has_minutes = true})

/* share_item_of_event and share_item_of_question fill out from an event or
 * a learning question already read (event.h, question.h). */
struct event;
struct question;
void share_item_of_event(const struct event *e, struct share_item *out);
void share_item_of_question(const struct question *q, struct share_item *out);

/* share_item_find loads an item the viewer may read (STATUS_NOT_FOUND
 * otherwise, and for a kind that is not one). */
enum status share_item_find(struct ctx *c, const char *kind, const char *id,
                            struct share_item *out);

/* share_sources lists the platforms the viewer may share the item from (at
 * most max): its own platform, then those that received it, where the viewer
 * holds RIGHT_SHARE_ITEMS. Returns how many (0: the viewer may not share it). */
int share_sources(struct ctx *c, const struct share_item *item, struct share_target *out, int max);

/* share_targets lists where a share from the platform from_id may go, as the
 * viewer may read them: its parent (up), its children (down) and its peers
 * (across), each marked when it holds the item already. Returns how many. */
int share_targets(struct ctx *c, const struct share_item *item, const char *from_id,
                  struct share_target *out, int max);

/* share_may_name says whether a share of the item from from_key may name the
 * author: from its own platform, or from one that received it named. */
bool share_may_name(struct ctx *c, const struct share_item *item, int64_t from_key);

/* share_create shares an item from one platform to several, one share each,
 * in one transaction with their audit entries. Problems name "kind", "item",
 * "from", "to", "message" or "attributed" (a platform that is not up, down or
 * across, an item not published: STATUS_INVALID; a platform that has the item
 * already: STATUS_CONFLICT); rights give STATUS_UNAUTHORIZED or
 * STATUS_FORBIDDEN. The shares made go to *out (arena). */
enum status share_create(struct ctx *c, const struct share_request *req, struct share_list *out,
                         struct problems *p);

/* share_find loads a share the viewer may see (STATUS_NOT_FOUND otherwise). */
enum status share_find(struct ctx *c, const char *id, struct share **out);

/* share_list returns a page of the shares the viewer may see, newest first
 * (sort "title": by the item's title). */
enum status share_list(struct ctx *c, const struct share_filter *f, const struct listing *l,
                       struct share_list *out);

/* share_count counts the shares of a filter the viewer may see. */
int64_t share_count(struct ctx *c, const struct share_filter *f);

/* share_respond records the receiving platform's response (response, note,
 * link: the fields of sh, changed by the caller; a response may be changed
 * later). Problems name "response", "note" or "link"; a withdrawn share is
 * STATUS_CONFLICT. */
enum status share_respond(struct ctx *c, struct share *sh, struct problems *p);

/* share_withdraw withdraws a share, and what its receiver passed on that it
 * holds by this share alone; STATUS_CONFLICT when it is withdrawn already. */
enum status share_withdraw(struct ctx *c, struct share *sh);

/* share_item_deleted withdraws every share of an item being deleted (inside
 * the deletion's transaction): a deleted item is shared no more. */
enum status share_item_deleted(struct ctx *c, const char *kind, int64_t item_key);

/* share_may_respond, share_may_withdraw: for showing links and forms. */
bool share_may_respond(struct ctx *c, const struct share *sh);
bool share_may_withdraw(struct ctx *c, const struct share *sh);

/* share_waiting_days is how many whole days a share has waited for its
 * response (0 once answered or withdrawn); share_flagged says whether that
 * is more than response_days (0: SHARE_RESPONSE_DAYS). */
int share_waiting_days(const struct share *sh);
bool share_flagged(const struct share *sh, int response_days);

#endif
