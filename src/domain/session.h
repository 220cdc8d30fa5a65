/*
 * session.h — a signed-in session: a random 256-bit secret in a cookie, kept
 * in the database only as its SHA-256, with an idle and an absolute expiry,
 * and its own token for forms (CSRF).
 */
#ifndef ALLIANCE_SESSION_H
#define ALLIANCE_SESSION_H

#include "core/problem.h"
#include "core/secret.h"
#include "domain/account.h"
#include "domain/context.h"

#include <stdint.h>

struct session {
    int64_t key;
    int64_t account_key;
    char *csrf_token;
    char *created_at;
    char *seen_at;
    char *expires_at;
};

/* Lifetimes of sessions, set from the configuration. */
struct session_limits {
    int idle_seconds;     /* a session unused this long ends */
    int absolute_seconds; /* a session ends this long after sign-in, used or not */
};

/* session_start opens a session for the account; secret receives the value of
 * the cookie. */
enum status session_start(struct ctx *c, const struct account *a,
                          const struct session_limits *limits, char secret[SECRET_LEN + 1],
                          struct session **out);

/* session_resume finds the live session of a cookie and fills the viewer from
 * its account. An expired session is removed and STATUS_NOT_FOUND returned.
 * The last-seen time is written at most once a minute. */
enum status session_resume(struct ctx *c, const char *secret, const struct session_limits *limits,
                           struct session **out, struct viewer *viewer);

/* session_end removes the session of a cookie (signing out). */
enum status session_end(struct ctx *c, const char *secret);

/* viewer_of_account fills a viewer from an account (copies into the arena). */
void viewer_of_account(struct ctx *c, const struct account *a, struct viewer *v);

#endif
