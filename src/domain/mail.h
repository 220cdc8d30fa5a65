/*
 * mail.h — notifications by email, through a queue in the database.
 *
 * Email is off unless the server is given an SMTP server (serve --smtp-url):
 * then nothing is queued and notifications stay in the application. When it
 * is on:
 *   - a notification its person wants at once is queued as a message in the
 *     transaction that makes it (mail_queue_notification), to people with an
 *     account and an email address only;
 *   - the periodic jobs make each person's daily and weekly digests one day
 *     (one week) after the oldest notification waiting for them, with only
 *     what the person may read at that moment (mail_digests);
 *   - the jobs send what is due (mail_send), off the event loops: a message
 *     is claimed for a while (its next attempt moved past the SMTP timeout),
 *     rendered at its first attempt as its person reads it then (a message
 *     about something they may no longer read is dropped), sent, and marked
 *     sent only after the server's 250 to the data. A failure waits
 *     mail_backoff() before the next attempt; after MAIL_ATTEMPTS_MAX, or at
 *     a 5xx answer, the message is failed (administrators see it on
 *     /admin/mail). A server killed in the middle leaves its claim to lapse:
 *     the message is sent again, with the same Message-ID.
 * Each message carries a single-use unsubscribe link (kept as a hash) that
 * sets the kind it was about (or every kind) to "never".
 */
#ifndef ALLIANCE_MAIL_H
#define ALLIANCE_MAIL_H

#include "core/problem.h"
#include "core/secret.h"
#include "core/smtp.h"
#include "domain/context.h"
#include "domain/listing.h"
#include "domain/notification.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#define MAIL_ATTEMPTS_MAX 10
#define MAIL_BACKOFF_CAP  256 /* the longest wait, in first waits */
#define MAIL_DIGEST_MAX   50  /* items a digest lists; it counts the rest */

/* Where a rendered message holds its unsubscribe address: replaced by the
 * address of a fresh link at each attempt, so that the queue keeps no
 * secret. Text from people never holds the byte 0x01. */
#define MAIL_UNSUBSCRIBE_MARK "\001unsubscribe\001"

struct mail_settings {
    struct smtp_settings smtp;
    const char *from_address;
    const char *from_name; /* the installation's name */
    const char *base_url;  /* links, without a trailing slash */
    int64_t retry_seconds; /* the first wait after a failure */
    int64_t day_seconds;   /* a day, for digests (shorter in tests) */
};

/* mail_configure turns email on with s (copied), or off with NULL. Call
 * before any thread starts. */
void mail_configure(const struct mail_settings *s);

/* mail_settings: the settings, or NULL when email is off. */
const struct mail_settings *mail_settings(void);

struct mail {
    int64_t key;
    char *id;
    int64_t person_key;
    char *address;
    char *kind;               /* the notification's kind, or daily or weekly (a digest) */
    int64_t notification_key; /* 0 for a digest */
    char *subject;            /* "" until rendered */
    char *text_body;          /* holding MAIL_UNSUBSCRIBE_MARK */
    char *html_body;
    char *message_id;
    char *state; /* queued, sending, sent, failed, dropped */
    int64_t attempts;
    char *next_attempt_at;
    char *last_error;
    char *created_at;
    char *sent_at;
};

struct mail_list {
    struct mail *items;
    int count;
    int64_t total;
};

/* mail_render fills m's subject, text_body and html_body (in c's arena) for
 * the notifications in items, as c's viewer (m's person) reads them; total
 * counts every item of a digest, items->count those listed. */
typedef void (*mail_render)(struct ctx *c, struct mail *m, const struct notification_list *items);

/* mail_backoff: how long to wait after the attempts-th failed attempt (1, 2,
 * …): base, then twice as long each time, at most MAIL_BACKOFF_CAP × base. */
int64_t mail_backoff(int64_t attempts, int64_t base);

/* mail_queue_notification queues n (just made) for its person, inside the
 * caller's transaction, when it is to go at once; one for a digest waits for
 * it. When email is off, or the person has no account or no email address,
 * nothing is sent and n is marked as not waiting (it will not be either). */
enum status mail_queue_notification(struct ctx *c, struct notification *n);

/* mail_digests makes the digests that are due (see above), each in a
 * transaction of its own, rendered by render. *made counts the messages. */
enum status mail_digests(struct ctx *c, mail_render render, int *made);

/* mail_due lists (at most max) the keys of messages due now. */
int mail_due(struct ctx *c, int64_t *keys, int max);

/* mail_send claims the message, renders it if need be, sends it and records
 * the outcome (see above). STATUS_NOT_FOUND when another server took it. */
enum status mail_send(struct ctx *c, int64_t key, mail_render render, atomic_bool *stop);

/* A single-use unsubscribe link, found by its secret. */
struct mail_unsubscribe {
    int64_t mail_key;
    int64_t person_key;
    char *person_name;
    char *kind;    /* a notification kind, or daily or weekly (a digest) */
    char *used_at; /* NULL while it works */
};

/* mail_unsubscribe_find loads the link of secret, used or not
 * (STATUS_NOT_FOUND for an unknown one). */
enum status mail_unsubscribe_find(struct ctx *c, const char *secret, struct mail_unsubscribe **out);

/* mail_unsubscribe_use spends the link: its kind (a digest: every kind it
 * gathers), or every kind with all, becomes "never" for its person.
 * STATUS_NOT_FOUND for an unknown link, STATUS_CONFLICT for a used one. */
enum status mail_unsubscribe_use(struct ctx *c, const char *secret, bool all);

/* mail_list lists messages for an administrator, newest first, of one state
 * (NULL: any); STATUS_FORBIDDEN for anyone else. */
enum status mail_list(struct ctx *c, const char *state, const struct listing *l,
                      struct mail_list *out);

/* mail_state_valid: queued, sending, sent, failed or dropped. */
bool mail_state_valid(const char *state);

/* mail_state_label: the translated name of a state. */
const char *mail_state_label(const char *state);

#endif
