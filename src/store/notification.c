/*
 * store/notification.c — notifications and the choices of how to be told
 * (store/discussion.h). A notification is listed and counted only while its
 * reader may still read what it is about: the thread (DISCUSSION_VISIBLE),
 * the shared item (DISCUSSION_ITEM_READABLE) with a share not withdrawn, the
 * enquiry (as store/enquiry.c reads it), or the event of an action item
 * still open (EVENT_VISIBLE). Digests (mail.h) read them through the same
 * statement, as their person, at the moment they are made.
 */
#include "core/arena.h"
#include "core/id.h"
#include "core/str.h"
#include "store/discussion.h"
#include "store/event.h"
#include "store/row.h"
#include "store/store.h"

/* Who acted is named only where the reader may know them: never the author
 * of an item they read only through shares without attribution, nor whoever
 * made such a share. */
#define NOTIFICATION_FROM                                                                          \
    "FROM notification n LEFT JOIN discussion dn ON dn.key = n.discussion_key "                    \
    "LEFT JOIN platform dp ON dp.key = dn.platform_key "                                           \
    "LEFT JOIN reply r ON r.key = n.reply_key LEFT JOIN share s ON s.key = n.share_key "           \
    "LEFT JOIN enquiry en ON en.key = n.enquiry_key "                                              \
    "LEFT JOIN platform enp ON enp.key = en.platform_key "                                         \
    "LEFT JOIN action_item ai ON ai.key = n.action_item_key "                                      \
    "LEFT JOIN event ev ON ev.key = ai.event_key "                                                 \
    "LEFT JOIN proposal np ON np.key = n.proposal_key "                                            \
    "LEFT JOIN person ac ON ac.key = n.actor_key AND " ROW_VISIBLE_PERSON(                         \
        "ac") " AND ((n.kind = 'share' AND s.attributed = 1) OR (n.kind <> 'share' AND ac.key "    \
              "<> " DISCUSSION_UNKNOWN " AND ac.key <> " DISCUSSION_UNKNOWN_SHARED ")) "

/* The rule of store/enquiry.c: the platform's answerers (and the asker). */
#define NOTIFICATION_ENQUIRY_VISIBLE                                                               \
    "((SELECT everything FROM v) = 1 OR " ROW_ITEM_OWN(                                            \
        "'public'", "en.platform_key", "enp.alliance_key", "en.faq", "en.asker_person_key") ")"

#define NOTIFICATION_WHERE                                                                         \
    "WHERE n.person_key = (SELECT person_key FROM v) AND ((n.kind <> 'share' AND dn.key IS NOT "   \
    "NULL AND " DISCUSSION_VISIBLE ") OR (n.kind = 'share' AND s.withdrawn_at IS NULL AND "        \
    "" DISCUSSION_ITEM_READABLE(                                                                   \
        "s.kind", "s.item_key") ") OR (n.kind = 'enquiry_assigned' AND "                           \
                                "en.key IS NOT NULL AND " NOTIFICATION_ENQUIRY_VISIBLE             \
                                ") OR (n.kind = 'action_due' AND "                                 \
                                "ai.status = 'open' AND " EVENT_VISIBLE ")) "

/* Email leaves out a reply hidden since (the page still lists it, leading to
 * the thread, which shows that it was hidden and why). */
#define NOTIFICATION_NOT_HIDDEN "(r.key IS NULL OR r.hidden_at IS NULL) "

#define NOTIFICATION_SHARE_TITLE                                                                   \
    "CASE s.kind WHEN 'lesson' THEN (SELECT t.title FROM lesson t WHERE t.key = s.item_key) "      \
    "WHEN 'entry' THEN (SELECT t.title FROM entry t WHERE t.key = s.item_key) "                    \
    "WHEN 'document' THEN (SELECT t.title FROM document t WHERE t.key = s.item_key) "              \
    "WHEN 'event' THEN (SELECT t.title FROM event t WHERE t.key = s.item_key) "                    \
    "WHEN 'question' THEN (SELECT t.title FROM question t WHERE t.key = s.item_key) END"

#define NOTIFICATION_COLUMNS                                                                       \
    "n.key, n.id, n.person_key, n.kind, coalesce(ac.key, 0), ac.name, "                            \
    "coalesce(n.discussion_key, 0), coalesce(n.reply_key, 0), coalesce(n.share_key, 0), r.id, "    \
    "s.id, CASE WHEN n.kind = 'share' THEN " NOTIFICATION_SHARE_TITLE                              \
    " WHEN n.proposal_key IS NOT NULL THEN np.title WHEN n.kind = 'enquiry_assigned' THEN "        \
    "en.question WHEN n.kind = 'action_due' THEN ai.title "                                        \
    "ELSE " DISCUSSION_ITEM_FIELD("title", "dn.title") " END, s.kind, n.created_at, n.read_at, "   \
                                                       "dn.id, coalesce(n.enquiry_key, 0), "       \
                                                       "coalesce(n.action_item_key, 0), en.id, "   \
                                                       "ev.id, ai.due_on, n.delivery, np.id "

static void notification_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct notification *n = item;
    n->key = db_column_int(st, 0);
    n->id = row_text(c, st, 1);
    n->person_key = db_column_int(st, 2);
    n->kind = row_text(c, st, 3);
    n->actor_key = db_column_int(st, 4);
    n->actor_name = row_text_or_null(c, st, 5);
    n->discussion_key = db_column_int(st, 6);
    n->reply_key = db_column_int(st, 7);
    n->share_key = db_column_int(st, 8);
    n->reply_id = row_text_or_null(c, st, 9);
    n->share_id = row_text_or_null(c, st, 10);
    n->title = row_text(c, st, 11);
    n->item_kind = row_text_or_null(c, st, 12);
    n->created_at = row_text(c, st, 13);
    n->read_at = row_text_or_null(c, st, 14);
    n->discussion_id = row_text_or_null(c, st, 15);
    n->enquiry_key = db_column_int(st, 16);
    n->action_item_key = db_column_int(st, 17);
    n->enquiry_id = row_text_or_null(c, st, 18);
    n->event_id = row_text_or_null(c, st, 19);
    n->due_on = row_text_or_null(c, st, 20);
    n->delivery = row_text(c, st, 21);
    n->proposal_id = row_text_or_null(c, st, 22);
}

enum status store_notification_insert(struct ctx *c, struct notification *n)
{
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    struct db_stmt *st = db_prepare(
        c->db, "INSERT INTO notification (id, person_key, kind, actor_key, discussion_key, "
               "reply_key, share_key, enquiry_key, action_item_key, proposal_key, delivery, "
               "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING key");
    db_bind_text(st, 1, id);
    db_bind_int(st, 2, n->person_key);
    db_bind_text(st, 3, n->kind);
    db_bind_key(st, 4, n->actor_key);
    db_bind_key(st, 5, n->discussion_key);
    db_bind_key(st, 6, n->reply_key);
    db_bind_key(st, 7, n->share_key);
    db_bind_key(st, 8, n->enquiry_key);
    db_bind_key(st, 9, n->action_item_key);
    db_bind_key(st, 10, n->proposal_key);
    db_bind_text(st, 11, n->delivery);
    db_bind_text(st, 12, now);
    int rc = db_step(st);
    if (rc == DB_ROW)
        n->key = db_column_int(st, 0);
    db_done(st);
    if (rc != DB_ROW)
        return row_status(c, rc);
    n->id = arena_strdup(c->arena, id);
    n->created_at = arena_strdup(c->arena, now);
    return STATUS_OK;
}

enum status store_notification_get(struct ctx *c, int64_t key, struct notification **out)
{
    struct db_stmt *st = db_prepare(
        c->db, ROW_VIEWER "SELECT " NOTIFICATION_COLUMNS NOTIFICATION_FROM NOTIFICATION_WHERE
                          "AND " NOTIFICATION_NOT_HIDDEN "AND n.key = ?");
    row_viewer_bind(c, st);
    db_bind_int(st, 3, key);
    return row_one(c, st, sizeof **out, notification_row, out);
}

enum status store_notification_gathered(struct ctx *c, const char *delivery, const char *mailed_at,
                                        int limit, struct notification_list *out)
{
    struct db_stmt *st = db_prepare(
        c->db, ROW_VIEWER "SELECT " NOTIFICATION_COLUMNS NOTIFICATION_FROM NOTIFICATION_WHERE
                          "AND " NOTIFICATION_NOT_HIDDEN "AND n.mailed_at = ? AND n.delivery = ? "
                          "ORDER BY n.key LIMIT ?");
    row_viewer_bind(c, st);
    db_bind_text(st, 3, mailed_at);
    db_bind_text(st, 4, delivery);
    db_bind_int(st, 5, limit);
    enum status s =
        row_all(c, st, limit, sizeof *out->items, notification_row, &out->items, &out->count);
    if (s != STATUS_OK)
        return s;
    st = db_prepare(c->db, ROW_VIEWER "SELECT count(*) " NOTIFICATION_FROM NOTIFICATION_WHERE
                                      "AND " NOTIFICATION_NOT_HIDDEN
                                      "AND n.mailed_at = ? AND n.delivery = ?");
    row_viewer_bind(c, st);
    db_bind_text(st, 3, mailed_at);
    db_bind_text(st, 4, delivery);
    out->total = row_count(st);
    return STATUS_OK;
}

int64_t store_notification_waiting_last(struct ctx *c, int64_t person_key, const char *delivery)
{
    struct db_stmt *st =
        db_prepare(c->db, "SELECT coalesce(max(key), 0) FROM notification WHERE person_key = ? "
                          "AND mailed_at IS NULL AND delivery = ?");
    db_bind_int(st, 1, person_key);
    db_bind_text(st, 2, delivery);
    return row_count(st);
}

enum status store_notification_mailed(struct ctx *c, int64_t person_key, const char *delivery,
                                      int64_t upto_key, const char *now, int64_t *changed)
{
    struct db_stmt *st = db_prepare(
        c->db, "UPDATE notification SET mailed_at = ? WHERE person_key = ? AND delivery = ? AND "
               "mailed_at IS NULL AND key <= ?");
    db_bind_text(st, 1, now);
    db_bind_int(st, 2, person_key);
    db_bind_text(st, 3, delivery);
    db_bind_int(st, 4, upto_key);
    enum status s = row_write(c, st);
    *changed = s == STATUS_OK ? db_changes(c->db) : 0;
    return s;
}

enum status store_notification_mailed_one(struct ctx *c, int64_t key, const char *now)
{
    struct db_stmt *st = db_prepare(c->db, "UPDATE notification SET mailed_at = ? WHERE key = ?");
    db_bind_text(st, 1, now);
    db_bind_int(st, 2, key);
    return row_write(c, st);
}

int store_notification_digests_due(struct ctx *c, const char *daily_before,
                                   const char *weekly_before, int64_t *people, char **deliveries,
                                   int max)
{
    struct db_stmt *st = db_prepare(
        c->db, "SELECT n.person_key, n.delivery FROM notification n JOIN account ac ON "
               "ac.person_key = n.person_key JOIN person pe ON pe.key = n.person_key WHERE "
               "n.mailed_at IS NULL AND n.delivery IN ('daily', 'weekly') AND pe.email IS NOT "
               "NULL AND pe.email <> '' GROUP BY n.person_key, n.delivery HAVING (n.delivery = "
               "'daily' AND min(n.created_at) <= ?) OR (n.delivery = 'weekly' AND "
               "min(n.created_at) <= ?) ORDER BY 1, 2 LIMIT ?");
    db_bind_text(st, 1, daily_before);
    db_bind_text(st, 2, weekly_before);
    db_bind_int(st, 3, max);
    int n = 0;
    while (n < max && db_step(st) == DB_ROW) {
        people[n] = db_column_int(st, 0);
        deliveries[n] = row_text(c, st, 1);
        n++;
    }
    db_done(st);
    return n;
}

enum status store_notification_redeliver(struct ctx *c, int64_t person_key, const char *kind,
                                         const char *delivery)
{
    struct db_stmt *st = db_prepare(
        c->db, "UPDATE notification SET delivery = ?, mailed_at = CASE WHEN ? = 'never' THEN "
               "? ELSE mailed_at END WHERE person_key = ? AND kind = ? AND mailed_at IS NULL AND "
               "delivery IN ('daily', 'weekly')");
    char now[32];
    row_now(now);
    db_bind_text(st, 1, str_eq(delivery, "never") ? "daily" : delivery);
    db_bind_text(st, 2, delivery);
    db_bind_text(st, 3, now);
    db_bind_int(st, 4, person_key);
    db_bind_text(st, 5, kind);
    return row_write(c, st);
}

enum status store_notification_list(struct ctx *c, const struct listing *l,
                                    struct notification_list *out)
{
    int64_t limit = row_limit(l);
    struct db_stmt *st = db_prepare(
        c->db, l->after
                   ? ROW_VIEWER "SELECT " NOTIFICATION_COLUMNS NOTIFICATION_FROM NOTIFICATION_WHERE
                                "AND n.key < coalesce((SELECT key FROM "
                                "notification WHERE id = ?), 9223372036854775807) "
                                "ORDER BY n.key DESC LIMIT ?"
                   : ROW_VIEWER "SELECT " NOTIFICATION_COLUMNS NOTIFICATION_FROM NOTIFICATION_WHERE
                                "ORDER BY n.key DESC LIMIT ? OFFSET ?");
    row_viewer_bind(c, st);
    if (l->after) {
        /* The cursor "" means from the start: every key is below the largest. */
        db_bind_text(st, 3, l->after);
        db_bind_int(st, 4, limit);
    } else {
        db_bind_int(st, 3, limit);
        db_bind_int(st, 4, l->offset);
    }
    enum status s =
        row_all(c, st, limit, sizeof *out->items, notification_row, &out->items, &out->count);
    if (s != STATUS_OK)
        return s;
    st = db_prepare(c->db, ROW_VIEWER "SELECT count(*) " NOTIFICATION_FROM NOTIFICATION_WHERE);
    row_viewer_bind(c, st);
    out->total = row_count(st);
    return STATUS_OK;
}

int64_t store_notification_unread(struct ctx *c)
{
    struct db_stmt *st =
        db_prepare(c->db, ROW_VIEWER "SELECT count(*) " NOTIFICATION_FROM NOTIFICATION_WHERE
                                     "AND n.read_at IS NULL");
    row_viewer_bind(c, st);
    return row_count(st);
}

enum status store_notification_read_all(struct ctx *c, int64_t person_key, const char *now)
{
    struct db_stmt *st = db_prepare(
        c->db, "UPDATE notification SET read_at = ? WHERE person_key = ? AND read_at IS NULL");
    db_bind_text(st, 1, now);
    db_bind_int(st, 2, person_key);
    return row_write(c, st);
}

enum status store_notification_read_thread(struct ctx *c, int64_t person_key,
                                           int64_t discussion_key, int64_t upto_reply_key,
                                           const char *now)
{
    struct db_stmt *st = db_prepare(
        c->db, "UPDATE notification SET read_at = ? WHERE person_key = ? AND discussion_key = ? "
               "AND reply_key <= ? AND read_at IS NULL");
    db_bind_text(st, 1, now);
    db_bind_int(st, 2, person_key);
    db_bind_int(st, 3, discussion_key);
    db_bind_int(st, 4, upto_reply_key);
    return row_write(c, st);
}

const char *store_notification_delivery(struct ctx *c, int64_t person_key, const char *kind)
{
    struct db_stmt *st = db_prepare(
        c->db, "SELECT delivery FROM notification_preference WHERE person_key = ? AND kind = ?");
    db_bind_int(st, 1, person_key);
    db_bind_text(st, 2, kind);
    const char *delivery = db_step(st) == DB_ROW ? row_text(c, st, 0) : NULL;
    db_done(st);
    return delivery;
}

enum status store_notification_delivery_set(struct ctx *c, int64_t person_key, const char *kind,
                                            const char *delivery)
{
    struct db_stmt *st = db_prepare(
        c->db, "INSERT INTO notification_preference (person_key, kind, delivery) VALUES (?, ?, ?) "
               "ON CONFLICT (person_key, kind) DO UPDATE SET delivery = excluded.delivery");
    db_bind_int(st, 1, person_key);
    db_bind_text(st, 2, kind);
    db_bind_text(st, 3, delivery);
    return row_write(c, st);
}

static void action_due_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct action_due *d = item;
    d->key = db_column_int(st, 0);
    d->owner_key = db_column_int(st, 1);
    d->due_on = row_text(c, st, 2);
    d->time_zone = row_text(c, st, 3);
}

enum status store_actions_due(struct ctx *c, const char *latest, struct action_due **out,
                              int *count)
{
    struct db_stmt *st = db_prepare(
        c->db, "SELECT ai.key, ai.owner_key, ai.due_on, a.time_zone FROM action_item ai JOIN "
               "event ev ON ev.key = ai.event_key JOIN alliance a ON a.key = ev.alliance_key "
               "WHERE ai.status = 'open' AND ai.owner_key IS NOT NULL AND ai.due_on IS NOT NULL "
               "AND ai.due_on <= ? AND NOT EXISTS (SELECT 1 FROM notification n WHERE "
               "n.action_item_key = ai.key AND n.person_key = ai.owner_key) AND NOT EXISTS "
               "(SELECT 1 FROM notification_preference np WHERE np.person_key = ai.owner_key "
               "AND np.kind = 'action_due' AND np.delivery = 'never') ORDER BY ai.key LIMIT 500");
    db_bind_text(st, 1, latest);
    return row_all(c, st, 500, sizeof **out, action_due_row, out, count);
}

int store_platform_people(struct ctx *c, int64_t platform_key, int64_t *keys, int max)
{
    struct db_stmt *st =
        db_prepare(c->db, "SELECT DISTINCT person_key FROM membership WHERE "
                          "platform_key = ? AND person_key IS NOT NULL ORDER BY 1");
    db_bind_int(st, 1, platform_key);
    int n = 0;
    while (n < max && db_step(st) == DB_ROW)
        keys[n++] = db_column_int(st, 0);
    db_done(st);
    return n;
}
