/*
 * throttle.h — limits on failed sign-ins, per account and per network address:
 * after THROTTLE_LIMIT failures within THROTTLE_WINDOW seconds, the subject
 * waits until the window ends. Counters live in the database, so every event
 * loop (and every server on a shared database) sees the same ones.
 */
#ifndef ALLIANCE_THROTTLE_H
#define ALLIANCE_THROTTLE_H

#include "domain/context.h"

#include <stdint.h>

#define THROTTLE_LIMIT  10
#define THROTTLE_WINDOW (15 * 60)

/* throttle_wait is how many seconds the subject must wait (0: it may try). */
int64_t throttle_wait(struct ctx *c, const char *subject);

/* throttle_fail counts a failure of the subject. */
void throttle_fail(struct ctx *c, const char *subject);

/* throttle_clear forgets the failures of the subject (after a success). */
void throttle_clear(struct ctx *c, const char *subject);

/* throttle_wait_within and throttle_count_within are the same for a subject
 * with a limit and a window (seconds) of its own, counting attempts rather
 * than failures: the public enquiry form allows a few questions an hour. */
int64_t throttle_wait_within(struct ctx *c, const char *subject, int64_t limit, int64_t window);
void throttle_count_within(struct ctx *c, const char *subject, int64_t window);

#endif
