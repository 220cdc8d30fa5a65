/*
 * store/mail.h — the queries of email (domain/mail.h): the queue of messages
 * and the unsubscribe links. Kept beside store.h, in the same manner.
 */
#ifndef ALLIANCE_STORE_MAIL_H
#define ALLIANCE_STORE_MAIL_H

#include "domain/mail.h"

/* store_mail_address: the email address of a person with an account, or
 * NULL (arena). */
const char *store_mail_address(struct ctx *c, int64_t person_key);

/* store_mail_viewer fills out as the viewer the person is when signed in
 * (strings in the arena); STATUS_NOT_FOUND without an account. */
enum status store_mail_viewer(struct ctx *c, int64_t person_key, struct viewer *out);

/* store_mail_insert queues m (sets key, id and message_id, whose part after
 * the @ is message_domain). */
enum status store_mail_insert(struct ctx *c, struct mail *m, const char *message_domain);

/* store_mail_due lists (at most max) the keys of messages queued, or claimed
 * by a claim that lapsed, whose time is at or before now. */
int store_mail_due(struct ctx *c, const char *now, int64_t *keys, int max);

/* store_mail_claim takes a due message (one more attempt, its next attempt at
 * until); STATUS_NOT_FOUND when it is no longer due (another took it). */
enum status store_mail_claim(struct ctx *c, int64_t key, const char *now, const char *until);

enum status store_mail_get(struct ctx *c, int64_t key, struct mail **out);

/* store_mail_render stores m's subject and parts. */
enum status store_mail_render(struct ctx *c, const struct mail *m);

/* store_mail_finish records an outcome: the state, the next attempt (NULL:
 * unchanged), the error ("" or NULL: none) and when it was sent (or NULL). */
enum status store_mail_finish(struct ctx *c, int64_t key, const char *state,
                              const char *next_attempt_at, const char *error, const char *sent_at);

/* store_mail_list: a page of messages, newest first, of a state (NULL: any). */
enum status store_mail_list(struct ctx *c, const char *state, const struct listing *l,
                            struct mail_list *out);

enum status store_mail_unsubscribe_insert(struct ctx *c, const char *hash, int64_t mail_key,
                                          int64_t person_key, const char *kind);
/* store_mail_unsubscribe_find loads a link by the hash of its secret; used_at
 * is when any link of the same message was used. */
enum status store_mail_unsubscribe_find(struct ctx *c, const char *hash,
                                        struct mail_unsubscribe **out);
/* store_mail_unsubscribe_spend marks the links of a message used;
 * STATUS_CONFLICT when one was already. */
enum status store_mail_unsubscribe_spend(struct ctx *c, int64_t mail_key, const char *now);

#endif
