/*
 * store/discussion.h — the queries of discussions (domain/discussion.h) and
 * notifications (domain/notification.h), beside store.h in the same manner:
 * one function each, no rules. Reads of threads apply the visibility rule of
 * row.h inside the query: a thread on an item is read exactly when its item
 * is (store/item.h), a stand-alone thread by the rule of levels with its own
 * visibility. Replies are read by the key of a thread already read.
 */
#ifndef ALLIANCE_STORE_DISCUSSION_H
#define ALLIANCE_STORE_DISCUSSION_H

#include "domain/discussion.h"
#include "domain/notification.h"
#include "store/item.h"
#include "store/row.h"

/* The rule and the attribution of each kind of item (store/item.h). */
#define DISCUSSION_LESSON_RULE    ROW_EXPAND(ROW_VISIBLE_ITEM, LESSON_ITEM)
#define DISCUSSION_ENTRY_RULE     ROW_EXPAND(ROW_VISIBLE_ITEM, ENTRY_ITEM)
#define DISCUSSION_DOCUMENT_RULE  ROW_EXPAND(ROW_VISIBLE_ITEM, DOCUMENT_ITEM)
#define DISCUSSION_LESSON_NAMED   ROW_EXPAND(ROW_ITEM_ATTRIBUTED, LESSON_ITEM)
#define DISCUSSION_ENTRY_NAMED    ROW_EXPAND(ROW_ITEM_ATTRIBUTED, ENTRY_ITEM)
#define DISCUSSION_DOCUMENT_NAMED ROW_EXPAND(ROW_ITEM_ATTRIBUTED, DOCUMENT_ITEM)

/* The tables of each kind of item, aliased as store/item.h expects. */
#define DISCUSSION_LESSON_FROM   "FROM lesson ls JOIN platform p ON p.key = ls.platform_key "
#define DISCUSSION_ENTRY_FROM    "FROM entry e JOIN platform p ON p.key = e.platform_key "
#define DISCUSSION_DOCUMENT_FROM "FROM document d JOIN platform p ON p.key = d.platform_key "

/* Whether the item of kind and key (SQL expressions) exists and the viewer
 * may read it: the rule of row.h on the item's own columns. */
#define DISCUSSION_ITEM_READABLE(kind, key)                                                        \
    "((" kind " = 'lesson' AND EXISTS (SELECT 1 " DISCUSSION_LESSON_FROM "WHERE ls.key = " key     \
    " AND " DISCUSSION_LESSON_RULE ")) OR (" kind                                                  \
    " = 'entry' AND EXISTS (SELECT 1 " DISCUSSION_ENTRY_FROM "WHERE e.key = " key                  \
    " AND " DISCUSSION_ENTRY_RULE ")) OR (" kind                                                   \
    " = 'document' AND EXISTS (SELECT 1 " DISCUSSION_DOCUMENT_FROM "WHERE d.key = " key            \
    " AND " DISCUSSION_DOCUMENT_RULE ")) OR (" kind " = 'event' AND EXISTS (SELECT 1 FROM event "  \
    "ev WHERE ev.key = " key " AND " EVENT_VISIBLE ")) OR (" kind " = 'share' AND EXISTS (SELECT " \
    "1 FROM " SHARE_TABLES "WHERE sh.key = " key " AND " SHARE_VISIBLE ")) OR (" kind " = "        \
    "'question' AND EXISTS (SELECT 1 FROM question q WHERE q.key = " key " AND " QUESTION_VISIBLE  \
    ")))"

/* The author of the item of kind and key when the viewer reads it only
 * through shares that do not name them; 0 otherwise. */
#define DISCUSSION_UNKNOWN_AUTHOR(kind, key)                                                       \
    "coalesce(CASE " kind " WHEN 'lesson' THEN (SELECT CASE WHEN " DISCUSSION_LESSON_NAMED         \
    " THEN 0 ELSE ls.author_key END " DISCUSSION_LESSON_FROM "WHERE ls.key = " key ") "            \
    "WHEN 'entry' THEN (SELECT CASE WHEN " DISCUSSION_ENTRY_NAMED " THEN 0 ELSE e.author_key "     \
    "END " DISCUSSION_ENTRY_FROM "WHERE e.key = " key ") WHEN 'document' THEN (SELECT CASE "       \
    "WHEN " DISCUSSION_DOCUMENT_NAMED " THEN 0 ELSE d.author_key END " DISCUSSION_DOCUMENT_FROM    \
    "WHERE d.key = " key ") WHEN 'event' THEN (SELECT CASE WHEN " EVENT_ATTRIBUTED " THEN 0 ELSE " \
    "ev.author_key END FROM event ev WHERE ev.key = " key ") WHEN 'share' THEN (SELECT CASE "      \
    "WHEN " SHARE_ITEM_ATTRIBUTED " THEN 0 ELSE si.author_key END FROM " SHARE_TABLES "WHERE "     \
    "sh.key = " key ") WHEN 'question' THEN (SELECT CASE WHEN " QUESTION_ATTRIBUTED " THEN 0 "     \
    "ELSE q.author_key END FROM question q WHERE q.key = " key ") END, 0)"

/* Who shared the share of key (kind 'share'), when the viewer may not know
 * the author of its item: they then do not know who shared it either
 * (share.h), in its thread too; 0 otherwise. */
#define DISCUSSION_UNKNOWN_SHARER(kind, key)                                                       \
    "coalesce(CASE " kind " WHEN 'share' THEN (SELECT CASE WHEN " SHARE_ITEM_ATTRIBUTED " THEN 0 " \
    "ELSE sh.shared_by_key END FROM " SHARE_TABLES "WHERE sh.key = " key ") END, 0)"

/* The thread aliased dn (its platform dp) may be read by the viewer. */
#define DISCUSSION_VISIBLE                                                                         \
    "((dn.item_kind = 'platform' AND " ROW_VISIBLE_ITEM(                                           \
        "'discussion'", "dn.key", "dn.visibility", "dn.platform_key", "dp.alliance_key", "1",      \
        "dn.author_key") ") OR " DISCUSSION_ITEM_READABLE("dn.item_kind", "dn.item_key") ")"

#define DISCUSSION_UNKNOWN        DISCUSSION_UNKNOWN_AUTHOR("dn.item_kind", "dn.item_key")
#define DISCUSSION_UNKNOWN_SHARED DISCUSSION_UNKNOWN_SHARER("dn.item_kind", "dn.item_key")

#define DISCUSSION_ITEM_FIELD(field, fallback)                                                     \
    "CASE dn.item_kind WHEN 'lesson' THEN (SELECT t." field " FROM lesson t WHERE t.key = "        \
    "dn.item_key) WHEN 'entry' THEN (SELECT t." field " FROM entry t WHERE t.key = dn.item_key) "  \
    "WHEN 'document' THEN (SELECT t." field                                                        \
    " FROM document t WHERE t.key = dn.item_key) WHEN 'event' THEN (SELECT t." field " FROM "      \
    "event t WHERE t.key = dn.item_key) WHEN 'question' THEN (SELECT t." field " FROM question t " \
    "WHERE t.key = dn.item_key) WHEN 'share' THEN (SELECT t." field " FROM (SELECT "               \
    "ts.id AS id, tsi.title AS title FROM share ts JOIN search_item tsi ON tsi.kind = ts.kind "    \
    "AND tsi.item_key = ts.item_key WHERE ts.key = dn.item_key) t) ELSE " fallback " END"

enum status store_discussion_get(struct ctx *c, const char *id, struct discussion **out);
enum status store_discussion_of_item(struct ctx *c, const char *kind, int64_t item_key,
                                     struct discussion **out);
enum status store_discussion_list(struct ctx *c, const struct discussion_filter *f,
                                  const struct listing *l, struct discussion_list *out);
/* store_discussion_readable: may the viewer of c read the thread? */
bool store_discussion_readable(struct ctx *c, int64_t discussion_key);
/* store_discussion_insert stores d (sets key, id and times). */
enum status store_discussion_insert(struct ctx *c, struct discussion *d);
/* store_discussion_replied counts a new reply of the thread, made at now. */
enum status store_discussion_replied(struct ctx *c, int64_t discussion_key, const char *now);
/* store_discussion_delete_item removes the thread of an item, with tombstones
 * for it and its replies. */
enum status store_discussion_delete_item(struct ctx *c, const char *kind, int64_t item_key);
/* store_discussion_people lists (at most max) the people who took part in
 * a thread: who started it and who replied. */
int store_discussion_people(struct ctx *c, int64_t discussion_key, int64_t *keys, int max);
/* store_discussion_read_set moves a person's read mark forward to reply_key. */
enum status store_discussion_read_set(struct ctx *c, int64_t person_key, int64_t discussion_key,
                                      int64_t reply_key);

enum status store_reply_page(struct ctx *c, const struct discussion *d,
                             const struct reply_cursor *cur, struct reply_page *out);
/* store_reply_get loads a reply by id, with the id of its thread, whoever
 * reads (the caller then reads the thread under the rule). */
enum status store_reply_get(struct ctx *c, const char *id, const struct discussion *d,
                            struct reply **out);
/* store_reply_thread_id is the id of the thread of a reply (arena), or NULL. */
char *store_reply_thread_id(struct ctx *c, const char *reply_id);
/* store_reply_key_in finds a reply of a thread by id: its key, or 0. */
int64_t store_reply_key_in(struct ctx *c, int64_t discussion_key, const char *reply_id);
/* store_reply_insert stores r (sets key, id and times). */
enum status store_reply_insert(struct ctx *c, struct reply *r);
/* store_reply_update keeps r's current body in its history and stores body. */
enum status store_reply_update(struct ctx *c, struct reply *r, const char *body,
                               int64_t by_person_key);
enum status store_reply_hide(struct ctx *c, struct reply *r, const char *reason,
                             int64_t by_person_key);
enum status store_reply_revisions(struct ctx *c, const struct reply *r,
                                  struct reply_revision_list *out);
/* store_reply_mentions_save records the people a reply names. */
enum status store_reply_mentions_save(struct ctx *c, int64_t reply_key, const int64_t *keys,
                                      int count);
/* store_person_key_by_name: the oldest person called name (ignoring ASCII
 * case) whom the viewer may see, or 0. */
int64_t store_person_key_by_name(struct ctx *c, const char *name);

/* store_reply_backdate dates a reply (and what it caused) at an instant:
 * for the demo, whose conversations happened before it was loaded. */
enum status store_reply_backdate(struct ctx *c, const struct reply *r, const char *at);

/* Notifications. store_notification_insert sets n's key, id and created_at. */
enum status store_notification_insert(struct ctx *c, struct notification *n);
/* store_notification_get loads one notification of the viewer, while they may
 * read what it is about (STATUS_NOT_FOUND otherwise). */
enum status store_notification_get(struct ctx *c, int64_t key, struct notification **out);
/* store_notification_gathered lists (oldest first, at most limit) the
 * viewer's notifications of a digest (delivery daily or weekly) marked gone
 * out at mailed_at, that they may still read; total counts them all. */
enum status store_notification_gathered(struct ctx *c, const char *delivery, const char *mailed_at,
                                        int limit, struct notification_list *out);
/* store_notification_waiting_last is the key of the newest notification of
 * the person waiting for that digest, 0 when none does. */
int64_t store_notification_waiting_last(struct ctx *c, int64_t person_key, const char *delivery);
/* store_notification_mailed marks every notification of the person waiting
 * for that digest, up to upto_key, as gone out at now (readable or not);
 * *changed counts them (0: another server gathered them first). */
enum status store_notification_mailed(struct ctx *c, int64_t person_key, const char *delivery,
                                      int64_t upto_key, const char *now, int64_t *changed);
/* store_notification_mailed_one marks one notification as gone out. */
enum status store_notification_mailed_one(struct ctx *c, int64_t key, const char *now);
/* store_notification_digests_due lists (at most max) the people with an
 * account and an email address whose oldest notification waiting for a daily
 * digest is older than daily_before, or for a weekly one than weekly_before:
 * the person and the delivery ("daily", "weekly"; arena). Returns how many. */
int store_notification_digests_due(struct ctx *c, const char *daily_before,
                                   const char *weekly_before, int64_t *people, char **deliveries,
                                   int max);
/* store_notification_redeliver moves what waits for a digest of a kind to a
 * new choice: another digest, or (never) out of the way. */
enum status store_notification_redeliver(struct ctx *c, int64_t person_key, const char *kind,
                                         const char *delivery);
enum status store_notification_list(struct ctx *c, const struct listing *l,
                                    struct notification_list *out);
/* store_notification_unread counts the viewer's unread notifications of
 * what they may read. */
int64_t store_notification_unread(struct ctx *c);
enum status store_notification_read_all(struct ctx *c, int64_t person_key, const char *now);
enum status store_notification_read_thread(struct ctx *c, int64_t person_key,
                                           int64_t discussion_key, int64_t upto_reply_key,
                                           const char *now);
/* store_notification_delivery: a person's choice for a kind (NULL when they
 * made none). */
const char *store_notification_delivery(struct ctx *c, int64_t person_key, const char *kind);
enum status store_notification_delivery_set(struct ctx *c, int64_t person_key, const char *kind,
                                            const char *delivery);
/* An open action item with an owner and a due date, and no action_due
 * notification yet (store_actions_due). */
struct action_due {
    int64_t key;
    int64_t owner_key;
    char *due_on;
    char *time_zone; /* of its alliance */
};

/* store_actions_due lists (at most 500) the open action items due on or
 * before latest ("YYYY-MM-DD") whose owner has not been told yet and has not
 * chosen never for them. Whether the owner may read the event is not asked
 * here: every read of the notification asks it (NOTIFICATION_WHERE). */
enum status store_actions_due(struct ctx *c, const char *latest, struct action_due **out,
                              int *count);

/* store_platform_people lists (at most max) the people holding a
 * membership of a platform. */
int store_platform_people(struct ctx *c, int64_t platform_key, int64_t *keys, int max);

#endif
