/*
 * mail.c — the rules of email (see mail.h).
 */
#include "domain/mail.h"

#include "core/arena.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/log.h"
#include "core/mime.h"
#include "core/str.h"
#include "store/discussion.h"
#include "store/mail.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define MESSAGE_MAX (4 * 1024 * 1024)

static struct mail_settings settings;
static bool enabled;
static char message_domain[256] = "localhost";

/* domain_of writes the host of a URL ("http://host:port/…" gives "host"). */
static void domain_of(const char *url, char *out, size_t size)
{
    const char *at = strstr(url, "://");
    at = at ? at + 3 : url;
    size_t n = strcspn(at, ":/[]");
    if (*at == '[') {
        at++;
        n = strcspn(at, "]");
    }
    if (n == 0 || n >= size)
        return;
    memcpy(out, at, n);
    out[n] = '\0';
}

void mail_configure(const struct mail_settings *s)
{
    enabled = s != NULL;
    if (s) {
        settings = *s;
        domain_of(s->base_url, message_domain, sizeof message_domain);
    }
}

const struct mail_settings *mail_settings(void)
{
    return enabled ? &settings : NULL;
}

int64_t mail_backoff(int64_t attempts, int64_t base)
{
    int64_t wait = base;
    for (int64_t i = 1; i < attempts && wait < base * MAIL_BACKOFF_CAP; i++)
        wait *= 2;
    return wait < base * MAIL_BACKOFF_CAP ? wait : base * MAIL_BACKOFF_CAP;
}

static void iso_after(int64_t seconds, char out[32])
{
    clock_format_iso(time(NULL) + (time_t)seconds, out, 32);
}

enum status mail_queue_notification(struct ctx *c, struct notification *n)
{
    const char *address = enabled ? store_mail_address(c, n->person_key) : NULL;
    /* Nothing waits for email that cannot go: the set of notifications
     * waiting for a digest stays as small as the digests to come. */
    if (!address)
        return store_notification_mailed_one(c, n->key, n->created_at);
    if (!str_eq(n->delivery, "now"))
        return STATUS_OK;
    struct mail m = {.person_key = n->person_key,
                     .address = (char *)address,
                     .kind = n->kind,
                     .notification_key = n->key};
    enum status s = store_mail_insert(c, &m, message_domain);
    if (s == STATUS_OK)
        s = store_notification_mailed_one(c, n->key, n->created_at);
    return s;
}

/* as_person points cv at a viewer who is the person signed in. */
static enum status as_person(struct ctx *c, int64_t person_key, struct viewer *v, struct ctx *cv)
{
    *v = (struct viewer){0};
    *cv = (struct ctx){c->db, c->arena, v};
    return store_mail_viewer(c, person_key, v);
}

/* digest_make makes one digest: everything that waited for it is marked
 * gone out first (the update that decides, when several servers try at
 * once), then what of it the person may read now goes in one message. */
static enum status digest_make(struct ctx *c, int64_t person_key, const char *delivery,
                               mail_render render, bool *made)
{
    char now[32];
    clock_now_iso(now, sizeof now);
    enum status s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    struct viewer v;
    struct ctx cv;
    const char *address = store_mail_address(c, person_key);
    int64_t upto = store_notification_waiting_last(c, person_key, delivery), changed = 0;
    struct notification_list items = {0};
    if (upto)
        s = store_notification_mailed(c, person_key, delivery, upto, now, &changed);
    if (s == STATUS_OK && changed && address && as_person(c, person_key, &v, &cv) == STATUS_OK)
        s = store_notification_gathered(&cv, delivery, now, MAIL_DIGEST_MAX, &items);
    if (s == STATUS_OK && items.total > 0) {
        struct mail m = {
            .person_key = person_key, .address = (char *)address, .kind = (char *)delivery};
        render(&cv, &m, &items);
        s = store_mail_insert(c, &m, message_domain);
        *made = s == STATUS_OK;
    }
    return store_end(c, s);
}

enum status mail_digests(struct ctx *c, mail_render render, int *made)
{
    *made = 0;
    if (!enabled)
        return STATUS_OK;
    char daily[32], weekly[32];
    iso_after(-settings.day_seconds, daily);
    iso_after(-7 * settings.day_seconds, weekly);
    int64_t people[100];
    char *deliveries[100];
    int count = store_notification_digests_due(c, daily, weekly, people, deliveries, 100);
    for (int i = 0; i < count; i++) {
        bool one = false;
        enum status s = digest_make(c, people[i], deliveries[i], render, &one);
        if (s != STATUS_OK)
            return s;
        *made += one;
    }
    return STATUS_OK;
}

int mail_due(struct ctx *c, int64_t *keys, int max)
{
    char now[32];
    clock_now_iso(now, sizeof now);
    return store_mail_due(c, now, keys, max);
}

static enum status finish(struct ctx *c, int64_t key, const char *state, const char *next,
                          const char *error, const char *sent_at)
{
    enum status s = store_begin(c);
    if (s == STATUS_OK)
        s = store_mail_finish(c, key, state, next, error, sent_at);
    return store_end(c, s);
}

/* prepare renders a message of one notification at its first attempt, as its
 * person reads it now; STATUS_NOT_FOUND (and the message dropped) when they
 * may no longer read it or no longer have an account. */
static enum status prepare(struct ctx *c, struct mail *m, mail_render render)
{
    if (*m->subject)
        return STATUS_OK;
    struct viewer v;
    struct ctx cv;
    struct notification *n = NULL;
    enum status s = as_person(c, m->person_key, &v, &cv);
    if (s == STATUS_OK && m->notification_key)
        s = store_notification_get(&cv, m->notification_key, &n);
    else if (s == STATUS_OK)
        s = STATUS_NOT_FOUND;
    if (s == STATUS_NOT_FOUND) {
        finish(c, m->key, "dropped", NULL, "what it was about can no longer be read", NULL);
        return s;
    }
    if (s != STATUS_OK)
        return s;
    struct notification_list items = {n, 1, 1};
    render(&cv, m, &items);
    s = store_begin(c);
    if (s == STATUS_OK)
        s = store_mail_render(c, m);
    return store_end(c, s);
}

/* replace_mark copies text with every MAIL_UNSUBSCRIBE_MARK replaced. */
static const char *replace_mark(struct arena *a, const char *text, const char *url)
{
    struct buf b;
    buf_init(&b, MESSAGE_MAX);
    const char *at = text, *mark;
    size_t mark_len = strlen(MAIL_UNSUBSCRIBE_MARK);
    while ((mark = strstr(at, MAIL_UNSUBSCRIBE_MARK))) {
        buf_append(&b, at, (size_t)(mark - at));
        buf_puts(&b, url);
        at = mark + mark_len;
    }
    buf_puts(&b, at);
    char *copy = arena_strdup(a, b.data ? b.data : "");
    buf_free(&b);
    return copy;
}

/* unsubscribe_url makes the message's link for this attempt. */
static enum status unsubscribe_url(struct ctx *c, const struct mail *m, const char **url)
{
    char secret[SECRET_LEN + 1], hash[SECRET_HASH_LEN + 1];
    secret_new(secret);
    secret_hash(secret, hash);
    enum status s = store_begin(c);
    if (s == STATUS_OK)
        s = store_mail_unsubscribe_insert(c, hash, m->key, m->person_key, m->kind);
    s = store_end(c, s);
    *url = arena_printf(c->arena, "%s/unsubscribe/%s", settings.base_url, secret);
    return s;
}

static enum status deliver(struct ctx *c, const struct mail *m, atomic_bool *stop)
{
    const char *url;
    enum status s = unsubscribe_url(c, m, &url);
    if (s != STATUS_OK)
        return s;
    struct mime_message mm = {.from_name = settings.from_name,
                              .from_address = settings.from_address,
                              .to_address = m->address,
                              .subject = m->subject,
                              .message_id = m->message_id,
                              .date = time(NULL),
                              /* RFC 8058: mail clients post to the header's address. */
                              .unsubscribe_url = arena_printf(c->arena, "%s/one-click", url),
                              .text = replace_mark(c->arena, m->text_body, url),
                              .html = replace_mark(c->arena, m->html_body, url)};
    struct buf message;
    buf_init(&message, MESSAGE_MAX);
    char error[512] = "", now[32], next[32];
    enum smtp_result result = SMTP_PERMANENT;
    if (mime_build(&mm, &message) != 0)
        snprintf(error, sizeof error, "the message could not be made (an address is not valid)");
    else
        result = smtp_send(&settings.smtp, settings.from_address, m->address, message.data,
                           message.len, stop, error, sizeof error);
    buf_free(&message);
    clock_now_iso(now, sizeof now);
    if (result == SMTP_SENT)
        return finish(c, m->key, "sent", NULL, NULL, now);
    log_info("mail %s to person %lld: attempt %lld failed: %s", m->id, (long long)m->person_key,
             (long long)m->attempts, error);
    if (result == SMTP_PERMANENT || m->attempts >= MAIL_ATTEMPTS_MAX)
        return finish(c, m->key, "failed", NULL, error, NULL);
    iso_after(mail_backoff(m->attempts, settings.retry_seconds), next);
    return finish(c, m->key, "queued", next, error, NULL);
}

enum status mail_send(struct ctx *c, int64_t key, mail_render render, atomic_bool *stop)
{
    if (!enabled)
        return STATUS_OK;
    char now[32], until[32];
    clock_now_iso(now, sizeof now);
    /* The claim outlasts the longest conversation with the server. */
    iso_after(2 * (int64_t)settings.smtp.timeout_seconds + 5, until);
    enum status s = store_begin(c);
    if (s == STATUS_OK)
        s = store_mail_claim(c, key, now, until);
    s = store_end(c, s);
    struct mail *m;
    if (s == STATUS_OK)
        s = store_mail_get(c, key, &m);
    if (s == STATUS_OK)
        s = prepare(c, m, render);
    if (s == STATUS_OK)
        s = deliver(c, m, stop);
    return s;
}

enum status mail_unsubscribe_find(struct ctx *c, const char *secret, struct mail_unsubscribe **out)
{
    if (!secret || !secret_shaped(secret))
        return STATUS_NOT_FOUND;
    char hash[SECRET_HASH_LEN + 1];
    secret_hash(secret, hash);
    return store_mail_unsubscribe_find(c, hash, out);
}

enum status mail_unsubscribe_use(struct ctx *c, const char *secret, bool all)
{
    struct mail_unsubscribe *u;
    enum status s = mail_unsubscribe_find(c, secret, &u);
    if (s != STATUS_OK)
        return s;
    if (u->used_at)
        return STATUS_CONFLICT;
    char now[32];
    clock_now_iso(now, sizeof now);
    bool digest = str_eq(u->kind, "daily") || str_eq(u->kind, "weekly");
    s = store_begin(c);
    if (s == STATUS_OK)
        s = store_mail_unsubscribe_spend(c, u->mail_key, now);
    for (int i = 0; s == STATUS_OK && i < NOTIFICATION_KINDS; i++) {
        const char *kind = notification_kinds[i];
        bool chosen = all || str_eq(kind, u->kind) ||
                      (digest && str_eq(notification_delivery_of(c, u->person_key, kind), u->kind));
        if (chosen)
            s = notification_choose(c, u->person_key, kind, "never");
    }
    return store_end(c, s);
}

bool mail_state_valid(const char *state)
{
    return str_eq(state, "queued") || str_eq(state, "sending") || str_eq(state, "sent") ||
           str_eq(state, "failed") || str_eq(state, "dropped");
}

const char *mail_state_label(const char *state)
{
    if (str_eq(state, "queued"))
        return _("Waiting");
    if (str_eq(state, "sending"))
        return _("Being sent");
    if (str_eq(state, "sent"))
        return _("Sent");
    if (str_eq(state, "failed"))
        return _("Failed");
    if (str_eq(state, "dropped"))
        return _("Not sent");
    return state ? state : "";
}

enum status mail_list(struct ctx *c, const char *state, const struct listing *l,
                      struct mail_list *out)
{
    if (!c->viewer->admin)
        return c->viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED;
    return store_mail_list(c, state, l, out);
}
