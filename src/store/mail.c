/*
 * store/mail.c — the queue of messages and their unsubscribe links
 * (store/mail.h). A claim is a conditional update, so that of several servers
 * on one database only one sends a message at a time.
 */
#include "store/mail.h"

#include "core/arena.h"
#include "core/id.h"
#include "store/row.h"
#include "store/store.h"

#define MAIL_COLUMNS                                                                               \
    "m.key, m.id, coalesce(m.person_key, 0), m.address, m.kind, coalesce(m.notification_key, 0), " \
    "m.subject, m.text_body, m.html_body, m.message_id, m.state, m.attempts, m.next_attempt_at, "  \
    "m.last_error, m.created_at, m.sent_at "

static void mail_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct mail *m = item;
    m->key = db_column_int(st, 0);
    m->id = row_text(c, st, 1);
    m->person_key = db_column_int(st, 2);
    m->address = row_text(c, st, 3);
    m->kind = row_text(c, st, 4);
    m->notification_key = db_column_int(st, 5);
    m->subject = row_text(c, st, 6);
    m->text_body = row_text(c, st, 7);
    m->html_body = row_text(c, st, 8);
    m->message_id = row_text(c, st, 9);
    m->state = row_text(c, st, 10);
    m->attempts = db_column_int(st, 11);
    m->next_attempt_at = row_text(c, st, 12);
    m->last_error = row_text(c, st, 13);
    m->created_at = row_text(c, st, 14);
    m->sent_at = row_text_or_null(c, st, 15);
}

const char *store_mail_address(struct ctx *c, int64_t person_key)
{
    struct db_stmt *st =
        db_prepare(c->db, "SELECT pe.email FROM person pe JOIN account ac ON ac.person_key = "
                          "pe.key WHERE pe.key = ? AND pe.email IS NOT NULL AND pe.email <> ''");
    db_bind_int(st, 1, person_key);
    const char *address = db_step(st) == DB_ROW ? row_text(c, st, 0) : NULL;
    db_done(st);
    return address;
}

enum status store_mail_viewer(struct ctx *c, int64_t person_key, struct viewer *out)
{
    struct db_stmt *st = db_prepare(c->db, "SELECT ac.key, ac.id, pe.id, pe.name, ac.is_admin "
                                           "FROM account ac JOIN person pe ON pe.key = "
                                           "ac.person_key WHERE pe.key = ?");
    db_bind_int(st, 1, person_key);
    int rc = db_step(st);
    if (rc == DB_ROW) {
        out->account_key = db_column_int(st, 0);
        out->account_id = row_text(c, st, 1);
        out->person_key = person_key;
        out->person_id = row_text(c, st, 2);
        out->name = row_text(c, st, 3);
        out->admin = db_column_int(st, 4) == 1;
    }
    db_done(st);
    return rc == DB_ROW ? STATUS_OK : rc == DB_DONE ? STATUS_NOT_FOUND : row_status(c, rc);
}

enum status store_mail_insert(struct ctx *c, struct mail *m, const char *message_domain)
{
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    m->id = arena_strdup(c->arena, id);
    m->message_id = arena_printf(c->arena, "%s@%s", id, message_domain);
    struct db_stmt *st = db_prepare(
        c->db, "INSERT INTO mail (id, person_key, address, kind, notification_key, subject, "
               "text_body, html_body, message_id, state, next_attempt_at, created_at) VALUES "
               "(?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?) RETURNING key");
    db_bind_text(st, 1, id);
    db_bind_key(st, 2, m->person_key);
    db_bind_text(st, 3, m->address);
    db_bind_text(st, 4, m->kind);
    db_bind_key(st, 5, m->notification_key);
    db_bind_text(st, 6, m->subject ? m->subject : "");
    db_bind_text(st, 7, m->text_body ? m->text_body : "");
    db_bind_text(st, 8, m->html_body ? m->html_body : "");
    db_bind_text(st, 9, m->message_id);
    db_bind_text(st, 10, now);
    db_bind_text(st, 11, now);
    int rc = db_step(st);
    if (rc == DB_ROW)
        m->key = db_column_int(st, 0);
    db_done(st);
    return rc == DB_ROW ? STATUS_OK : row_status(c, rc);
}

int store_mail_due(struct ctx *c, const char *now, int64_t *keys, int max)
{
    struct db_stmt *st = db_prepare(
        c->db, "SELECT key FROM mail WHERE state IN ('queued', 'sending') AND next_attempt_at "
               "<= ? ORDER BY next_attempt_at, key LIMIT ?");
    db_bind_text(st, 1, now);
    db_bind_int(st, 2, max);
    int n = 0;
    while (n < max && db_step(st) == DB_ROW)
        keys[n++] = db_column_int(st, 0);
    db_done(st);
    return n;
}

enum status store_mail_claim(struct ctx *c, int64_t key, const char *now, const char *until)
{
    struct db_stmt *st = db_prepare(
        c->db, "UPDATE mail SET state = 'sending', attempts = attempts + 1, next_attempt_at = ? "
               "WHERE key = ? AND state IN ('queued', 'sending') AND next_attempt_at <= ?");
    db_bind_text(st, 1, until);
    db_bind_int(st, 2, key);
    db_bind_text(st, 3, now);
    enum status s = row_write(c, st);
    return s == STATUS_OK && db_changes(c->db) != 1 ? STATUS_NOT_FOUND : s;
}

enum status store_mail_get(struct ctx *c, int64_t key, struct mail **out)
{
    struct db_stmt *st = db_prepare(c->db, "SELECT " MAIL_COLUMNS "FROM mail m WHERE m.key = ?");
    db_bind_int(st, 1, key);
    return row_one(c, st, sizeof **out, mail_row, out);
}

enum status store_mail_render(struct ctx *c, const struct mail *m)
{
    struct db_stmt *st = db_prepare(
        c->db, "UPDATE mail SET subject = ?, text_body = ?, html_body = ? WHERE key = ?");
    db_bind_text(st, 1, m->subject);
    db_bind_text(st, 2, m->text_body);
    db_bind_text(st, 3, m->html_body);
    db_bind_int(st, 4, m->key);
    return row_write(c, st);
}

enum status store_mail_finish(struct ctx *c, int64_t key, const char *state,
                              const char *next_attempt_at, const char *error, const char *sent_at)
{
    struct db_stmt *st = db_prepare(
        c->db, "UPDATE mail SET state = ?, next_attempt_at = coalesce(?, next_attempt_at), "
               "last_error = ?, sent_at = ? WHERE key = ?");
    db_bind_text(st, 1, state);
    db_bind_text(st, 2, next_attempt_at);
    db_bind_text(st, 3, error ? error : "");
    db_bind_text(st, 4, sent_at);
    db_bind_int(st, 5, key);
    return row_write(c, st);
}

enum status store_mail_list(struct ctx *c, const char *state, const struct listing *l,
                            struct mail_list *out)
{
    int64_t limit = row_limit(l);
    struct db_stmt *st =
        db_prepare(c->db, state ? "SELECT " MAIL_COLUMNS "FROM mail m WHERE m.state = ? "
                                  "ORDER BY m.key DESC LIMIT ? OFFSET ?"
                                : "SELECT " MAIL_COLUMNS "FROM mail m "
                                  "ORDER BY m.key DESC LIMIT ? OFFSET ?");
    int at = 1;
    if (state)
        db_bind_text(st, at++, state);
    db_bind_int(st, at++, limit);
    db_bind_int(st, at, l->offset);
    enum status s = row_all(c, st, limit, sizeof *out->items, mail_row, &out->items, &out->count);
    if (s != STATUS_OK)
        return s;
    st = db_prepare(c->db, state ? "SELECT count(*) FROM mail WHERE state = ?"
                                 : "SELECT count(*) FROM mail");
    if (state)
        db_bind_text(st, 1, state);
    out->total = row_count(st);
    return STATUS_OK;
}

enum status store_mail_unsubscribe_insert(struct ctx *c, const char *hash, int64_t mail_key,
                                          int64_t person_key, const char *kind)
{
    char now[32];
    row_now(now);
    struct db_stmt *st =
        db_prepare(c->db, "INSERT INTO mail_unsubscribe (token_hash, mail_key, person_key, kind, "
                          "created_at) VALUES (?, ?, ?, ?, ?)");
    db_bind_text(st, 1, hash);
    db_bind_int(st, 2, mail_key);
    db_bind_int(st, 3, person_key);
    db_bind_text(st, 4, kind);
    db_bind_text(st, 5, now);
    return row_write(c, st);
}

static void unsubscribe_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct mail_unsubscribe *u = item;
    u->mail_key = db_column_int(st, 0);
    u->person_key = db_column_int(st, 1);
    u->person_name = row_text(c, st, 2);
    u->kind = row_text(c, st, 3);
    u->used_at = row_text_or_null(c, st, 4);
}

enum status store_mail_unsubscribe_find(struct ctx *c, const char *hash,
                                        struct mail_unsubscribe **out)
{
    struct db_stmt *st = db_prepare(
        c->db, "SELECT u.mail_key, u.person_key, pe.name, u.kind, (SELECT max(o.used_at) FROM "
               "mail_unsubscribe o WHERE o.mail_key = u.mail_key) FROM mail_unsubscribe u JOIN "
               "person pe ON pe.key = u.person_key WHERE u.token_hash = ?");
    db_bind_text(st, 1, hash);
    return row_one(c, st, sizeof **out, unsubscribe_row, out);
}

enum status store_mail_unsubscribe_spend(struct ctx *c, int64_t mail_key, const char *now)
{
    struct db_stmt *st = db_prepare(
        c->db, "UPDATE mail_unsubscribe SET used_at = ? WHERE mail_key = ? AND NOT EXISTS "
               "(SELECT 1 FROM mail_unsubscribe o WHERE o.mail_key = ? AND o.used_at IS NOT "
               "NULL)");
    db_bind_text(st, 1, now);
    db_bind_int(st, 2, mail_key);
    db_bind_int(st, 3, mail_key);
    enum status s = row_write(c, st);
    return s == STATUS_OK && db_changes(c->db) == 0 ? STATUS_CONFLICT : s;
}
