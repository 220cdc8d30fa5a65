/*
 * store/notification.c — notifications and the choices of how to be told
 * (store/discussion.h). A notification is listed and counted only while its
 * reader may still read what it is about: the thread (DISCUSSION_VISIBLE) or
 * the shared item (DISCUSSION_ITEM_READABLE), with a share not withdrawn.
 */
#include "core/arena.h"
#include "core/id.h"
#include "core/str.h"
#include "store/discussion.h"
#include "store/row.h"
#include "store/store.h"

/* Who acted is named only where the reader may know them: never the author
 * of an item they read only through shares without attribution, nor whoever
 * made such a share. */
#define NOTIFICATION_FROM                                                                          \
    "FROM notification n LEFT JOIN discussion dn ON dn.key = n.discussion_key "                    \
    "LEFT JOIN platform dp ON dp.key = dn.platform_key "                                           \
    "LEFT JOIN reply r ON r.key = n.reply_key LEFT JOIN share s ON s.key = n.share_key "           \
    "LEFT JOIN person ac ON ac.key = n.actor_key AND " ROW_VISIBLE_PERSON(                         \
        "ac") " AND ((n.kind = 'share' AND s.attributed = 1) OR (n.kind <> 'share' AND ac.key "    \
              "<> " DISCUSSION_UNKNOWN ")) "

#define NOTIFICATION_WHERE                                                                         \
    "WHERE n.person_key = (SELECT person_key FROM v) AND ((n.kind <> 'share' AND dn.key IS NOT "   \
    "NULL AND " DISCUSSION_VISIBLE ") OR (n.kind = 'share' AND s.withdrawn_at IS NULL AND "        \
    "" DISCUSSION_ITEM_READABLE("s.kind", "s.item_key") ")) "

#define NOTIFICATION_SHARE_TITLE                                                                   \
    "CASE s.kind WHEN 'lesson' THEN (SELECT t.title FROM lesson t WHERE t.key = s.item_key) "      \
    "WHEN 'entry' THEN (SELECT t.title FROM entry t WHERE t.key = s.item_key) "                    \
    "WHEN 'document' THEN (SELECT t.title FROM document t WHERE t.key = s.item_key) END"

#define NOTIFICATION_COLUMNS                                                                       \
    "n.key, n.id, n.person_key, n.kind, coalesce(ac.key, 0), ac.name, "                            \
    "coalesce(n.discussion_key, 0), coalesce(n.reply_key, 0), coalesce(n.share_key, 0), r.id, "    \
    "s.id, CASE WHEN n.kind = 'share' THEN " NOTIFICATION_SHARE_TITLE                              \
    " ELSE " DISCUSSION_ITEM_FIELD("title", "dn.title") " END, s.kind, n.created_at, n.read_at, "  \
                                                        "dn.id "

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
}

enum status store_notification_insert(struct ctx *c, const struct notification *n)
{
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    struct db_stmt *st = db_prepare(
        c->db, "INSERT INTO notification (id, person_key, kind, actor_key, discussion_key, "
               "reply_key, share_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    db_bind_text(st, 1, id);
    db_bind_int(st, 2, n->person_key);
    db_bind_text(st, 3, n->kind);
    db_bind_key(st, 4, n->actor_key);
    db_bind_key(st, 5, n->discussion_key);
    db_bind_key(st, 6, n->reply_key);
    db_bind_key(st, 7, n->share_key);
    db_bind_text(st, 8, now);
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
    const char *delivery = db_step(st) == DB_ROW ? row_text(c, st, 0) : "now";
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
