/*
 * throttle.c — see throttle.h. A window starts at the first failure and lasts
 * THROTTLE_WINDOW seconds; a failure after it starts a new window.
 */
#include "domain/throttle.h"

#include "core/clock.h"
#include "store/store.h"

#include <time.h>

/* window_of reads the subject's window; false when there is none or it ended. */
static bool window_of(struct ctx *c, const char *subject, int64_t window, time_t *start,
                      int64_t *failures)
{
    char *text;
    if (store_throttle_get(c, subject, &text, failures) != STATUS_OK ||
        clock_parse_iso(text, start) != 0)
        return false;
    return time(NULL) - *start < window;
}

int64_t throttle_wait_within(struct ctx *c, const char *subject, int64_t limit, int64_t window)
{
    time_t start;
    int64_t failures;
    if (!window_of(c, subject, window, &start, &failures) || failures < limit)
        return 0;
    int64_t wait = (int64_t)(start + window - time(NULL));
    return wait > 0 ? wait : 1;
}

int64_t throttle_wait(struct ctx *c, const char *subject)
{
    return throttle_wait_within(c, subject, THROTTLE_LIMIT, THROTTLE_WINDOW);
}

void throttle_count_within(struct ctx *c, const char *subject, int64_t window)
{
    time_t start;
    int64_t failures;
    char when[32];
    if (!window_of(c, subject, window, &start, &failures)) {
        start = time(NULL);
        failures = 0;
    }
    clock_format_iso(start, when, sizeof when);
    if (store_begin_bookkeeping(c) == STATUS_OK) /* no page shows the counters */
        store_end(c, store_throttle_put(c, subject, when, failures + 1));
}

void throttle_fail(struct ctx *c, const char *subject)
{
    throttle_count_within(c, subject, THROTTLE_WINDOW);
}

void throttle_clear(struct ctx *c, const char *subject)
{
    if (store_begin_bookkeeping(c) == STATUS_OK)
        store_end(c, store_throttle_delete(c, subject));
}
