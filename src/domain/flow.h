/*
 * flow.h — flow figures (issue 6, part 4; DESIGN.md §1: how knowledge moves,
 * so that uptake is visible and measurable): per alliance and per platform,
 * per period (month, quarter — the default — or year), counted only over the
 * shares and applications the viewer may see (counts are a view too), and
 * the shares of items the viewer may read by their own visibility between
 * platforms the viewer may read (so a signed-out reader of a public alliance
 * counts the shares of its public items; store/share.c, SHARE_COUNTED):
 *
 *   up, down, across   shares sent in the period by the platform (by the
 *                      alliance's platforms), by direction;
 *   received           shares received in the period (by the alliance's
 *                      platforms), less those withdrawn before any response;
 *   response rate      responded ÷ received, in per cent;
 *   median days        from sharing to the response, over those responded;
 *   adoption rate      adopted ÷ received, in per cent;
 *   lessons applied    lessons with an application (application.h) dated in
 *                      the period, on the platform (the alliance's
 *                      platforms); applications counts them all.
 *
 * A share belongs to the period it was made in, with its response whenever
 * it came (a cohort): a period's rates settle as its shares are answered.
 */
#ifndef ALLIANCE_FLOW_H
#define ALLIANCE_FLOW_H

#include "core/problem.h"
#include "domain/context.h"

#include <stdbool.h>
#include <stdint.h>

#define FLOW_PERIODS_MAX 24

/* A share as the figures need it (store_share_flows). */
struct flow_share {
    const char *direction;
    int64_t from_key, to_key, from_alliance_key, to_alliance_key;
    const char *shared_at, *responded_at, *response; /* NULL until answered */
    bool withdrawn;
};

/* An application as the figures need it (store_application_flows). */
struct flow_application {
    int64_t lesson_key;
    const char *applied_on;
};

struct flow_figures {
    char label[32]; /* "Q3 2026", "2026-03", "2026"; "Total" for the sum */
    char from[32];  /* YYYY-MM-DD, inclusive */
    char to[32];    /* YYYY-MM-DD, exclusive */
    int64_t up, down, across;
    int64_t received, responded, adopted;
    double response_rate; /* per cent; -1 when nothing was received */
    double median_days;   /* -1 when nothing was answered */
    double adoption_rate; /* per cent; -1 when nothing was received */
    int64_t lessons_applied, applications;
};

struct flow {
    const char *period; /* month, quarter, year */
    int count;
    struct flow_figures periods[FLOW_PERIODS_MAX]; /* oldest first */
    struct flow_figures total;                     /* over every period shown */
};

/* flow_period_valid: month, quarter or year. flow_period_label: in words. */
bool flow_period_valid(const char *period);
const char *flow_period_label(const char *period);

/* flow_default_count is how many periods are shown unless asked: 12 months,
 * 4 quarters, 3 years. */
int flow_default_count(const char *period);

/* flow_alliance fills out with the figures of the alliance (platform_key 0)
 * or of one platform, for count periods (1..FLOW_PERIODS_MAX) of the kind
 * period, the last holding the date until (YYYY-MM-DD; NULL: today, UTC).
 * The caller has checked that the viewer may read the alliance or platform.
 * STATUS_INVALID for a period, count or date that is not one. */
enum status flow_figures(struct ctx *c, int64_t alliance_key, int64_t platform_key,
                         const char *period, int count, const char *until, struct flow *out);

#endif
