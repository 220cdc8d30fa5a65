/*
 * store/discussion.c — threads, replies, their history and mentions, read
 * marks (store/discussion.h). A thread is read under the visibility of its
 * item, through the same columns the item's own queries use (store/item.h).
 */
#include "store/discussion.h"

#include "core/arena.h"
#include "core/id.h"
#include "core/str.h"
#include "store/row.h"
#include "store/store.h"

#include <string.h>

#define DISCUSSION_COLUMNS                                                                         \
    "dn.key, dn.id, dn.platform_key, dp.id, dp.name, da.key, da.slug, da.name, dn.item_kind, "     \
    "coalesce(dn.item_key, 0), " DISCUSSION_ITEM_FIELD("id", "NULL") ", " DISCUSSION_ITEM_FIELD(   \
        "title", "dn.title") ", dn.visibility, coalesce(au.key, 0), au.id, au.name, "              \
                             "dn.reply_count, dn.last_reply_at, dn.created_at, dn.updated_at, "    \
                             "coalesce(rm.reply_key, 0), (SELECT count(*) FROM reply ur WHERE "    \
                             "ur.discussion_key = dn.key AND ur.key > coalesce(rm.reply_key, "     \
                             "0)), (SELECT ur.id FROM reply ur WHERE ur.discussion_key = dn.key "  \
                             "AND ur.key > coalesce(rm.reply_key, 0) ORDER BY ur.key LIMIT 1), "   \
                             "" DISCUSSION_UNKNOWN ", " DISCUSSION_UNKNOWN_SHARED " "

#define DISCUSSION_FROM                                                                            \
    "FROM discussion dn JOIN platform dp ON dp.key = dn.platform_key "                             \
    "JOIN alliance da ON da.key = dp.alliance_key "                                                \
    "LEFT JOIN discussion_read rm ON rm.discussion_key = dn.key AND rm.person_key = "              \
    "(SELECT person_key FROM v) "                                                                  \
    "LEFT JOIN person au ON au.key = dn.author_key AND " ROW_VISIBLE_PERSON(                       \
        "au") " AND au.key <> " DISCUSSION_UNKNOWN " AND au.key <> " DISCUSSION_UNKNOWN_SHARED " "

static void discussion_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct discussion *d = item;
    d->key = db_column_int(st, 0);
    d->id = row_text(c, st, 1);
    d->platform_key = db_column_int(st, 2);
    d->platform_id = row_text(c, st, 3);
    d->platform_name = row_text(c, st, 4);
    d->alliance_key = db_column_int(st, 5);
    d->alliance_slug = row_text(c, st, 6);
    d->alliance_name = row_text(c, st, 7);
    d->item_kind = row_text(c, st, 8);
    d->item_key = db_column_int(st, 9);
    d->item_id = row_text_or_null(c, st, 10);
    d->title = row_text(c, st, 11);
    d->visibility = row_text_or_null(c, st, 12);
    d->author_key = db_column_int(st, 13);
    d->author_id = row_text_or_null(c, st, 14);
    d->author_name = row_text_or_null(c, st, 15);
    d->reply_count = db_column_int(st, 16);
    d->last_reply_at = row_text_or_null(c, st, 17);
    d->created_at = row_text(c, st, 18);
    d->updated_at = row_text(c, st, 19);
    d->read_key = db_column_int(st, 20);
    d->unread = db_column_int(st, 21);
    d->first_unread_id = row_text_or_null(c, st, 22);
    d->unknown_author_key = db_column_int(st, 23);
    d->unknown_sharer_key = db_column_int(st, 24);
}

enum status store_discussion_get(struct ctx *c, const char *id, struct discussion **out)
{
    struct db_stmt *st = db_prepare(c->db, ROW_VIEWER "SELECT " DISCUSSION_COLUMNS DISCUSSION_FROM
                                                      "WHERE dn.id = ? AND " DISCUSSION_VISIBLE);
    row_viewer_bind(c, st);
    db_bind_text(st, 3, id);
    return row_one(c, st, sizeof(struct discussion), discussion_row, out);
}

enum status store_discussion_of_item(struct ctx *c, const char *kind, int64_t item_key,
                                     struct discussion **out)
{
    struct db_stmt *st = db_prepare(
        c->db, ROW_VIEWER "SELECT " DISCUSSION_COLUMNS DISCUSSION_FROM
                          "WHERE dn.item_kind = ? AND dn.item_key = ? AND " DISCUSSION_VISIBLE);
    row_viewer_bind(c, st);
    db_bind_text(st, 3, kind);
    db_bind_int(st, 4, item_key);
    return row_one(c, st, sizeof(struct discussion), discussion_row, out);
}

static const struct row_sort discussion_sorts[] = {
    {"active", "coalesce(dn.last_reply_at, dn.created_at) DESC, dn.key DESC",
     "coalesce(dn.last_reply_at, dn.created_at), dn.key"},
    {"started", "dn.created_at DESC, dn.key DESC", "dn.created_at, dn.key"},
    {"replies", "dn.reply_count DESC, dn.key DESC", "dn.reply_count, dn.key"},
    {NULL, NULL, NULL},
};

enum status store_discussion_list(struct ctx *c, const struct discussion_filter *f,
                                  const struct listing *l, struct discussion_list *out)
{
    struct row_query q;
    row_query_init(&q, c, true);
    row_query_where(&q, DISCUSSION_VISIBLE);
    if (f->platform_key)
        row_query_int(&q, "dn.platform_key = ?", f->platform_key);
    if (f->item_kind)
        row_query_text(&q, "dn.item_kind = ?", f->item_kind);
    if (f->item_key)
        row_query_int(&q, "dn.item_key = ?", f->item_key);
    int64_t limit;
    struct db_stmt *st = row_query_page(&q, "SELECT " DISCUSSION_COLUMNS DISCUSSION_FROM, "dn.id",
                                        row_order(discussion_sorts, l), l, &limit);
    enum status s =
        row_all(c, st, limit, sizeof *out->items, discussion_row, &out->items, &out->count);
    if (s != STATUS_OK)
        return s;
    out->total = row_query_count(&q, "FROM discussion dn JOIN platform dp ON dp.key = "
                                     "dn.platform_key");
    return STATUS_OK;
}

bool store_discussion_readable(struct ctx *c, int64_t discussion_key)
{
    struct db_stmt *st = db_prepare(
        c->db, ROW_VIEWER "SELECT count(*) FROM discussion dn JOIN platform dp ON dp.key = "
                          "dn.platform_key WHERE dn.key = ? AND " DISCUSSION_VISIBLE);
    row_viewer_bind(c, st);
    db_bind_int(st, 3, discussion_key);
    return row_count(st) > 0;
}

enum status store_discussion_insert(struct ctx *c, struct discussion *d)
{
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    struct db_stmt *st =
        db_prepare(c->db, "INSERT INTO discussion (id, platform_key, item_kind, item_key, title, "
                          "visibility, author_key, reply_count, created_at, updated_at) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?) RETURNING key");
    db_bind_text(st, 1, id);
    db_bind_int(st, 2, d->platform_key);
    db_bind_text(st, 3, d->item_kind);
    db_bind_key(st, 4, d->item_key);
    db_bind_text(st, 5, str_eq(d->item_kind, "platform") ? d->title : "");
    if (str_eq(d->item_kind, "platform"))
        db_bind_text(st, 6, d->visibility);
    else
        db_bind_null(st, 6);
    db_bind_key(st, 7, d->author_key);
    db_bind_text(st, 8, now);
    db_bind_text(st, 9, now);
    enum status s = row_insert(c, st, &d->key);
    if (s == STATUS_OK) {
        d->id = arena_strdup(c->arena, id);
        d->created_at = d->updated_at = arena_strdup(c->arena, now);
    }
    return s;
}

enum status store_discussion_replied(struct ctx *c, int64_t discussion_key, const char *now)
{
    struct db_stmt *st = db_prepare(c->db, "UPDATE discussion SET reply_count = reply_count + 1, "
                                           "last_reply_at = ?, updated_at = ? WHERE key = ?");
    db_bind_text(st, 1, now);
    db_bind_text(st, 2, now);
    db_bind_int(st, 3, discussion_key);
    return row_write(c, st);
}

enum status store_discussion_delete_item(struct ctx *c, const char *kind, int64_t item_key)
{
    struct db_stmt *st =
        db_prepare(c->db, "SELECT key, id FROM discussion WHERE item_kind = ? AND item_key = ?");
    db_bind_text(st, 1, kind);
    db_bind_int(st, 2, item_key);
    int64_t key = 0;
    char *id = NULL;
    if (db_step(st) == DB_ROW) {
        key = db_column_int(st, 0);
        id = row_text(c, st, 1);
    }
    db_done(st);
    if (!key)
        return STATUS_OK;
    enum status s = store_search_forget_thread(c, key);
    if (s == STATUS_OK)
        s = row_tombstones(c, "reply", "SELECT id FROM reply WHERE discussion_key = ?", key);
    if (s == STATUS_OK)
        s = row_exec_key(c, "DELETE FROM discussion WHERE key = ?", key);
    return s == STATUS_OK ? store_tombstone(c, id, "discussion") : s;
}

int store_discussion_people(struct ctx *c, int64_t discussion_key, int64_t *keys, int max)
{
    struct db_stmt *st = db_prepare(
        c->db, "SELECT author_key FROM discussion WHERE key = ? AND author_key IS NOT NULL "
               "UNION SELECT DISTINCT author_key FROM reply WHERE discussion_key = ? AND "
               "author_key IS NOT NULL ORDER BY 1");
    db_bind_int(st, 1, discussion_key);
    db_bind_int(st, 2, discussion_key);
    int n = 0;
    while (n < max && db_step(st) == DB_ROW)
        keys[n++] = db_column_int(st, 0);
    db_done(st);
    return n;
}

enum status store_discussion_read_set(struct ctx *c, int64_t person_key, int64_t discussion_key,
                                      int64_t reply_key)
{
    struct db_stmt *st =
        db_prepare(c->db, "INSERT INTO discussion_read (person_key, discussion_key, reply_key) "
                          "VALUES (?, ?, ?) ON CONFLICT (person_key, discussion_key) DO UPDATE SET "
                          "reply_key = excluded.reply_key WHERE discussion_read.reply_key < "
                          "excluded.reply_key");
    db_bind_int(st, 1, person_key);
    db_bind_int(st, 2, discussion_key);
    db_bind_int(st, 3, reply_key);
    return row_write(c, st);
}

/* Replies. The author (au) and the quoted reply's author (qa) are joined
 * where the reader may know them: parameters 3 to 6 hold the item's author
 * and the share's sender the reader may not know (0: none), twice. */
#define REPLY_COLUMNS                                                                              \
    "r.key, r.id, r.discussion_key, coalesce(au.key, 0), au.id, au.name, r.body, r.created_at, "   \
    "r.updated_at, r.edited_at, r.hidden_at, r.hidden_reason, coalesce(r.quote_key, 0), q.id, "    \
    "qa.name, q.body, CASE WHEN q.hidden_at IS NULL THEN 0 ELSE 1 END "
#define REPLY_FROM                                                                                 \
    "FROM reply r LEFT JOIN person au ON au.key = r.author_key AND au.key NOT IN (?, ?) AND "      \
    "" ROW_VISIBLE_PERSON(                                                                         \
        "au") " LEFT JOIN reply q ON q.key = r.quote_key "                                         \
              "LEFT JOIN person qa ON qa.key = q.author_key AND qa.key NOT IN (?, ?) "             \
              "AND " ROW_VISIBLE_PERSON("qa") " "

/* reply_unknown_bind binds parameters 3 to 6 of REPLY_FROM for the thread
 * d and returns the number of the next. */
static int reply_unknown_bind(struct db_stmt *st, const struct discussion *d)
{
    for (int i = 0; i < 2; i++) {
        db_bind_int(st, 3 + 2 * i, d->unknown_author_key);
        db_bind_int(st, 4 + 2 * i, d->unknown_sharer_key);
    }
    return 7;
}

static void reply_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct reply *r = item;
    r->key = db_column_int(st, 0);
    r->id = row_text(c, st, 1);
    r->discussion_key = db_column_int(st, 2);
    r->author_key = db_column_int(st, 3);
    r->author_id = row_text_or_null(c, st, 4);
    r->author_name = row_text_or_null(c, st, 5);
    r->body = row_text(c, st, 6);
    r->created_at = row_text(c, st, 7);
    r->updated_at = row_text(c, st, 8);
    r->edited_at = row_text_or_null(c, st, 9);
    r->hidden_at = row_text_or_null(c, st, 10);
    r->hidden_reason = row_text(c, st, 11);
    r->quote_key = db_column_int(st, 12);
    r->quote_id = row_text_or_null(c, st, 13);
    r->quote_author_name = row_text_or_null(c, st, 14);
    r->quote_body = row_text_or_null(c, st, 15);
    r->quote_hidden = db_column_int(st, 16) != 0;
}

/* reply_mentions_load reads the people the replies of a page name, whom the
 * reader may see. The thread is checked reply by reply (by key), not as a
 * list of the thread's replies, which SQLite would build whole for every
 * page: 5,000 keys a page of a long thread (6 ms, most of the page's time). */
static enum status reply_mentions_load(struct ctx *c, struct reply *items, int count)
{
    if (count == 0)
        return STATUS_OK;
    struct db_stmt *st = db_prepare(
        c->db, ROW_VIEWER
        "SELECT m.reply_key, pe.id, pe.name FROM reply_mention m JOIN person "
        "pe ON pe.key = m.person_key WHERE m.reply_key >= ? AND m.reply_key "
        "<= ? AND EXISTS (SELECT 1 FROM reply mr WHERE mr.key = m.reply_key "
        "AND mr.discussion_key = ?) AND " ROW_VISIBLE_PERSON("pe") " ORDER BY m.reply_key, pe.key");
    row_viewer_bind(c, st);
    db_bind_int(st, 3, items[0].key);
    db_bind_int(st, 4, items[count - 1].key);
    db_bind_int(st, 5, items[0].discussion_key);
    int rc, i = 0;
    while ((rc = db_step(st)) == DB_ROW) {
        int64_t key = db_column_int(st, 0);
        while (i < count && items[i].key < key)
            i++;
        if (i == count)
            break;
        struct reply *r = &items[i];
        if (r->key != key || r->mention_count == DISCUSSION_MENTION_MAX)
            continue;
        if (!r->mentions)
            r->mentions = arena_array(c->arena, DISCUSSION_MENTION_MAX, sizeof *r->mentions);
        r->mentions[r->mention_count].person_id = row_text(c, st, 1);
        r->mentions[r->mention_count].name = row_text(c, st, 2);
        r->mention_count++;
    }
    db_done(st);
    return rc < 0 ? row_status(c, rc) : STATUS_OK;
}

/* reply_after: the id of the first reply of the thread after key, or NULL. */
static char *reply_after(struct ctx *c, int64_t discussion_key, int64_t key)
{
    struct db_stmt *st = db_prepare(c->db, "SELECT id FROM reply WHERE discussion_key = ? AND "
                                           "key > ? ORDER BY key LIMIT 1");
    db_bind_int(st, 1, discussion_key);
    db_bind_int(st, 2, key);
    char *id = db_step(st) == DB_ROW ? row_text(c, st, 0) : NULL;
    db_done(st);
    return id;
}

static int64_t replies_before(struct ctx *c, int64_t discussion_key, int64_t key)
{
    struct db_stmt *st =
        db_prepare(c->db, "SELECT count(*) FROM reply WHERE discussion_key = ? AND key < ?");
    db_bind_int(st, 1, discussion_key);
    db_bind_int(st, 2, key);
    return row_count(st);
}

int64_t store_reply_key_in(struct ctx *c, int64_t discussion_key, const char *reply_id)
{
    struct db_stmt *st =
        db_prepare(c->db, "SELECT key FROM reply WHERE id = ? AND discussion_key = ?");
    db_bind_text(st, 1, reply_id);
    db_bind_int(st, 2, discussion_key);
    int64_t key = db_step(st) == DB_ROW ? db_column_int(st, 0) : 0;
    db_done(st);
    return key;
}

enum status store_reply_page(struct ctx *c, const struct discussion *d,
                             const struct reply_cursor *cur, struct reply_page *out)
{
    memset(out, 0, sizeof *out);
    int limit = cur->limit > 0 && cur->limit <= 100 ? cur->limit : DISCUSSION_PAGE_SIZE;
    int64_t from = 0, before = 0;
    if (cur->from_id && !(from = store_reply_key_in(c, d->key, cur->from_id)))
        return STATUS_NOT_FOUND;
    if (cur->before_id && !(before = store_reply_key_in(c, d->key, cur->before_id)))
        return STATUS_NOT_FOUND;
    bool backwards = before || cur->last;
    const char *sql = backwards ? ROW_VIEWER
                          "SELECT " REPLY_COLUMNS REPLY_FROM
                          "WHERE r.discussion_key = ? AND r.key < ? ORDER BY r.key DESC LIMIT ?"
                                : ROW_VIEWER
                          "SELECT " REPLY_COLUMNS REPLY_FROM
                          "WHERE r.discussion_key = ? AND r.key >= ? ORDER BY r.key LIMIT ?";
    struct db_stmt *st = db_prepare(c->db, sql);
    row_viewer_bind(c, st);
    int n = reply_unknown_bind(st, d);
    db_bind_int(st, n++, d->key);
    db_bind_int(st, n++, backwards ? (before ? before : INT64_MAX) : from);
    db_bind_int(st, n, limit);
    enum status s = row_all(c, st, limit, sizeof *out->items, reply_row, &out->items, &out->count);
    if (s != STATUS_OK)
        return s;
    if (backwards)
        for (int i = 0, j = out->count - 1; i < j; i++, j--) {
            struct reply t = out->items[i];
            out->items[i] = out->items[j];
            out->items[j] = t;
        }
    for (int i = 0; i < out->count; i++)
        out->items[i].discussion_id = d->id;
    if (out->count == 0)
        return STATUS_OK;
    out->first_position = replies_before(c, d->key, out->items[0].key) + 1;
    if (out->first_position > 1)
        out->previous_id = out->items[0].id;
    out->next_id = reply_after(c, d->key, out->items[out->count - 1].key);
    return reply_mentions_load(c, out->items, out->count);
}

char *store_reply_thread_id(struct ctx *c, const char *reply_id)
{
    struct db_stmt *st = db_prepare(
        c->db, "SELECT dn.id FROM reply r JOIN discussion dn ON dn.key = r.discussion_key "
               "WHERE r.id = ?");
    db_bind_text(st, 1, reply_id);
    char *id = db_step(st) == DB_ROW ? row_text(c, st, 0) : NULL;
    db_done(st);
    return id;
}

enum status store_reply_get(struct ctx *c, const char *id, const struct discussion *d,
                            struct reply **out)
{
    struct db_stmt *st = db_prepare(c->db, ROW_VIEWER "SELECT " REPLY_COLUMNS REPLY_FROM
                                                      "WHERE r.id = ? AND r.discussion_key = ?");
    row_viewer_bind(c, st);
    int n = reply_unknown_bind(st, d);
    db_bind_text(st, n++, id);
    db_bind_int(st, n, d->key);
    enum status s = row_one(c, st, sizeof(struct reply), reply_row, out);
    if (s != STATUS_OK)
        return s;
    (*out)->discussion_id = d->id;
    return reply_mentions_load(c, *out, 1);
}

enum status store_reply_insert(struct ctx *c, struct reply *r)
{
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    struct db_stmt *st = db_prepare(
        c->db, "INSERT INTO reply (id, discussion_key, author_key, quote_key, body, created_at, "
               "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING key");
    db_bind_text(st, 1, id);
    db_bind_int(st, 2, r->discussion_key);
    db_bind_key(st, 3, r->author_key);
    db_bind_key(st, 4, r->quote_key);
    db_bind_text(st, 5, r->body);
    db_bind_text(st, 6, now);
    db_bind_text(st, 7, now);
    enum status s = row_insert(c, st, &r->key);
    if (s != STATUS_OK)
        return s;
    r->id = arena_strdup(c->arena, id);
    r->created_at = r->updated_at = arena_strdup(c->arena, now);
    return store_discussion_replied(c, r->discussion_key, now);
}

enum status store_reply_update(struct ctx *c, struct reply *r, const char *body,
                               int64_t by_person_key)
{
    char now[32];
    row_now(now);
    struct db_stmt *st = db_prepare(c->db, "INSERT INTO reply_revision (reply_key, body, "
                                           "written_at, replaced_at, replaced_by_key) "
                                           "VALUES (?, ?, ?, ?, ?)");
    db_bind_int(st, 1, r->key);
    db_bind_text(st, 2, r->body);
    db_bind_text(st, 3, r->edited_at ? r->edited_at : r->created_at);
    db_bind_text(st, 4, now);
    db_bind_key(st, 5, by_person_key);
    enum status s = row_write(c, st);
    if (s != STATUS_OK)
        return s;
    st =
        db_prepare(c->db, "UPDATE reply SET body = ?, edited_at = ?, updated_at = ? WHERE key = ?");
    db_bind_text(st, 1, body);
    db_bind_text(st, 2, now);
    db_bind_text(st, 3, now);
    db_bind_int(st, 4, r->key);
    s = row_write(c, st);
    if (s == STATUS_OK) {
        r->body = arena_strdup(c->arena, body);
        r->edited_at = r->updated_at = arena_strdup(c->arena, now);
    }
    return s == STATUS_OK ? row_exec_key(c, "DELETE FROM reply_mention WHERE reply_key = ?", r->key)
                          : s;
}

enum status store_reply_hide(struct ctx *c, struct reply *r, const char *reason,
                             int64_t by_person_key)
{
    char now[32];
    row_now(now);
    struct db_stmt *st = db_prepare(c->db, "UPDATE reply SET hidden_at = ?, hidden_by_key = ?, "
                                           "hidden_reason = ?, updated_at = ? WHERE key = ?");
    db_bind_text(st, 1, now);
    db_bind_key(st, 2, by_person_key);
    db_bind_text(st, 3, reason);
    db_bind_text(st, 4, now);
    db_bind_int(st, 5, r->key);
    enum status s = row_write(c, st);
    if (s == STATUS_OK) {
        r->hidden_at = arena_strdup(c->arena, now);
        r->hidden_reason = arena_strdup(c->arena, reason);
    }
    return s;
}

static void revision_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct reply_revision *v = item;
    v->body = row_text(c, st, 0);
    v->written_at = row_text(c, st, 1);
    v->replaced_at = row_text(c, st, 2);
    v->replaced_by_name = row_text_or_null(c, st, 3);
}

enum status store_reply_revisions(struct ctx *c, const struct reply *r,
                                  struct reply_revision_list *out)
{
    struct db_stmt *st = db_prepare(
        c->db, ROW_VIEWER "SELECT rv.body, rv.written_at, rv.replaced_at, pe.name FROM "
                          "reply_revision rv LEFT JOIN person pe ON pe.key = rv.replaced_by_key "
                          "AND " ROW_VISIBLE_PERSON("pe") " WHERE rv.reply_key = ? ORDER BY "
                                                          "rv.key LIMIT 200");
    row_viewer_bind(c, st);
    db_bind_int(st, 3, r->key);
    enum status s = row_all(c, st, 200, sizeof *out->items, revision_row, &out->items, &out->count);
    /* The editor is the reply's author: known exactly when the reply's is. */
    for (int i = 0; s == STATUS_OK && !r->author_key && i < out->count; i++)
        out->items[i].replaced_by_name = NULL;
    return s;
}

enum status store_reply_mentions_save(struct ctx *c, int64_t reply_key, const int64_t *keys,
                                      int count)
{
    enum status s = STATUS_OK;
    for (int i = 0; s == STATUS_OK && i < count; i++) {
        struct db_stmt *st = db_prepare(c->db, "INSERT INTO reply_mention (reply_key, person_key) "
                                               "VALUES (?, ?) ON CONFLICT DO NOTHING");
        db_bind_int(st, 1, reply_key);
        db_bind_int(st, 2, keys[i]);
        s = row_write(c, st);
    }
    return s;
}

int64_t store_person_key_by_name(struct ctx *c, const char *name)
{
    struct db_stmt *st = db_prepare(
        c->db, ROW_VIEWER "SELECT pe.key FROM person pe WHERE lower(pe.name) = lower(?) AND "
                          "" ROW_VISIBLE_PERSON("pe") " ORDER BY pe.key LIMIT 1");
    row_viewer_bind(c, st);
    db_bind_text(st, 3, name);
    int64_t key = db_step(st) == DB_ROW ? db_column_int(st, 0) : 0;
    db_done(st);
    return key;
}

enum status store_reply_backdate(struct ctx *c, const struct reply *r, const char *at)
{
    struct db_stmt *st = db_prepare(c->db, "UPDATE reply SET created_at = ?, updated_at = ?, "
                                           "edited_at = CASE WHEN edited_at IS NULL THEN NULL "
                                           "ELSE ? END WHERE key = ?");
    db_bind_text(st, 1, at);
    db_bind_text(st, 2, at);
    db_bind_text(st, 3, at);
    db_bind_int(st, 4, r->key);
    enum status s = row_write(c, st);
    if (s != STATUS_OK)
        return s;
    st = db_prepare(c->db, "UPDATE discussion SET last_reply_at = (SELECT max(created_at) FROM "
                           "reply WHERE discussion_key = ?), created_at = (SELECT min(created_at) "
                           "FROM reply WHERE discussion_key = ?), updated_at = (SELECT "
                           "max(created_at) FROM reply WHERE discussion_key = ?) WHERE key = ?");
    for (int i = 1; i <= 4; i++)
        db_bind_int(st, i, r->discussion_key);
    s = row_write(c, st);
    if (s != STATUS_OK)
        return s;
    st = db_prepare(c->db, "UPDATE notification SET created_at = ? WHERE reply_key = ?");
    db_bind_text(st, 1, at);
    db_bind_int(st, 2, r->key);
    return row_write(c, st);
}
