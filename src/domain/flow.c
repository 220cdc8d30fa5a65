/*
 * flow.c — flow figures (see flow.h): the periods, then one pass over the
 * shares and the applications the viewer may see, counted into them.
 */
#include "domain/flow.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/str.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

bool flow_period_valid(const char *period)
{
    return str_eq(period, "month") || str_eq(period, "quarter") || str_eq(period, "year");
}

const char *flow_period_label(const char *period)
{
    if (str_eq(period, "month"))
        return _("Month");
    if (str_eq(period, "year"))
        return _("Year");
    return _("Quarter");
}

int flow_default_count(const char *period)
{
    return str_eq(period, "month") ? 12 : str_eq(period, "year") ? 3 : 4;
}

/* months is how many months a period spans. */
static int months(const char *period)
{
    return str_eq(period, "month") ? 1 : str_eq(period, "year") ? 12 : 3;
}

/* period_set fills the dates and label of the period starting at year y,
 * month m (1..12). */
static void period_set(struct flow_figures *f, const char *period, int y, int m)
{
    int span = months(period);
    int ny = y, nm = m + span;
    if (nm > 12) {
        nm -= 12;
        ny++;
    }
    snprintf(f->from, sizeof f->from, "%04d-%02d-01", y, m);
    snprintf(f->to, sizeof f->to, "%04d-%02d-01", ny, nm);
    if (span == 1)
        snprintf(f->label, sizeof f->label, "%04d-%02d", y, m);
    else if (span == 12)
        snprintf(f->label, sizeof f->label, "%04d", y);
    else
        snprintf(f->label, sizeof f->label, _("Q%d %04d"), (m - 1) / 3 + 1, y);
}

/* in_period finds the period of out holding the instant or date at, or -1. */
static int in_period(const struct flow *out, const char *at)
{
    if (!at)
        return -1;
    for (int i = 0; i < out->count; i++)
        if (strcmp(at, out->periods[i].from) >= 0 && strcmp(at, out->periods[i].to) < 0)
            return i;
    return -1;
}

static int compare_days(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* median of n values (sorted here); -1 when there are none. Rounded to a
 * tenth of a day. */
static double median(double *values, int n)
{
    if (n == 0)
        return -1;
    qsort(values, (size_t)n, sizeof *values, compare_days);
    double m = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    return (double)(long long)(m * 10 + 0.5) / 10;
}

/* days_between is the time from one instant to another, in days. */
static double days_between(const char *from, const char *to)
{
    time_t a, b;
    if (clock_parse_iso(from, &a) != 0 || clock_parse_iso(to, &b) != 0)
        return 0;
    double d = difftime(b, a) / 86400.0;
    return d > 0 ? d : 0;
}

/* rates works out a period's rates from its counts. */
static void rates(struct flow_figures *f, double *days, int n_days)
{
    f->response_rate = f->received ? 100.0 * (double)f->responded / (double)f->received : -1;
    f->adoption_rate = f->received ? 100.0 * (double)f->adopted / (double)f->received : -1;
    f->median_days = median(days, n_days);
}

/* count_share adds one share to a period's figures; day collects the days
 * to its response. */
static void count_share(struct flow_figures *f, const struct flow_share *sh, bool sent,
                        bool received, double *days, int *n_days)
{
    if (sent) {
        if (str_eq(sh->direction, "up"))
            f->up++;
        else if (str_eq(sh->direction, "down"))
            f->down++;
        else
            f->across++;
    }
    if (!received || (sh->withdrawn && !sh->response))
        return;
    f->received++;
    if (sh->response) {
        f->responded++;
        f->adopted += str_eq(sh->response, "adopted");
        days[(*n_days)++] = days_between(sh->shared_at, sh->responded_at);
    }
}

/* count_shares reads the shares since the first period and counts them. */
static enum status count_shares(struct ctx *c, int64_t alliance_key, int64_t platform_key,
                                struct flow *out)
{
    struct flow_share *rows;
    int n;
    enum status s =
        store_share_flows(c, alliance_key, platform_key, out->periods[0].from, &rows, &n);
    if (s != STATUS_OK)
        return s;
    double *days = arena_array(c->arena, (size_t)n + 1, sizeof *days);
    double *all = arena_array(c->arena, (size_t)n + 1, sizeof *all);
    int n_all = 0;
    for (int i = 0; i < out->count; i++) {
        int n_days = 0;
        for (int k = 0; k < n; k++) {
            if (in_period(out, rows[k].shared_at) != i)
                continue;
            bool sent = platform_key ? rows[k].from_key == platform_key
                                     : rows[k].from_alliance_key == alliance_key;
            bool received = platform_key ? rows[k].to_key == platform_key
                                         : rows[k].to_alliance_key == alliance_key;
            count_share(&out->periods[i], &rows[k], sent, received, days, &n_days);
            count_share(&out->total, &rows[k], sent, received, all, &n_all);
        }
        rates(&out->periods[i], days, n_days);
    }
    rates(&out->total, all, n_all);
    return STATUS_OK;
}

/* distinct_lessons counts the different lessons of applications first..last. */
static int64_t distinct_lessons(const struct flow_application *a, const int *which, int n)
{
    int64_t count = 0;
    for (int i = 0; i < n; i++) {
        bool seen = false;
        for (int k = 0; k < i && !seen; k++)
            seen = a[which[k]].lesson_key == a[which[i]].lesson_key;
        count += !seen;
    }
    return count;
}

static enum status count_applications(struct ctx *c, int64_t alliance_key, int64_t platform_key,
                                      struct flow *out)
{
    struct flow_application *rows;
    int n;
    enum status s =
        store_application_flows(c, alliance_key, platform_key, out->periods[0].from, &rows, &n);
    if (s != STATUS_OK)
        return s;
    int *which = arena_array(c->arena, (size_t)n + 1, sizeof *which);
    int *every = arena_array(c->arena, (size_t)n + 1, sizeof *every);
    int n_every = 0;
    for (int i = 0; i < out->count; i++) {
        int n_which = 0;
        for (int k = 0; k < n; k++)
            if (in_period(out, rows[k].applied_on) == i) {
                which[n_which++] = k;
                every[n_every++] = k;
            }
        out->periods[i].applications = n_which;
        out->periods[i].lessons_applied = distinct_lessons(rows, which, n_which);
    }
    out->total.applications = n_every;
    out->total.lessons_applied = distinct_lessons(rows, every, n_every);
    return STATUS_OK;
}

/* figures_copy copies the counts of from into to; to keeps its label. */
static void figures_copy(struct flow_figures *to, const struct flow_figures *from)
{
    char label[sizeof to->label];
    memcpy(label, to->label, sizeof label);
    *to = *from;
    memcpy(to->label, label, sizeof label);
}

/* flow_scope names the figures of an alliance or platform over the periods
 * of out (their count and dates) for the memo (64-bit FNV-1a). */
static int64_t flow_scope(int64_t alliance_key, int64_t platform_key, const struct flow *out)
{
    char text[160];
    snprintf(text, sizeof text, "%lld/%lld/%d/%s/%s", (long long)alliance_key,
             (long long)platform_key, out->count, out->total.from, out->total.to);
    return (int64_t)str_hash(STR_HASH_START, text, strlen(text));
}

enum status flow_figures(struct ctx *c, int64_t alliance_key, int64_t platform_key,
                         const char *period, int count, const char *until, struct flow *out)
{
    memset(out, 0, sizeof *out);
    if (!flow_period_valid(period) || count < 1 || count > FLOW_PERIODS_MAX)
        return STATUS_INVALID;
    char today[32];
    if (!until) {
        clock_now_iso(today, sizeof today);
        today[10] = '\0';
        until = today;
    }
    if (!clock_date_valid(until))
        return STATUS_INVALID;
    int y =
        (until[0] - '0') * 1000 + (until[1] - '0') * 100 + (until[2] - '0') * 10 + (until[3] - '0');
    int m = (until[5] - '0') * 10 + (until[6] - '0');
    int span = months(period);
    m = (m - 1) / span * span + 1; /* the start of the period holding until */
    out->period = period;
    out->count = count;
    for (int i = count - 1; i >= 0; i--) {
        period_set(&out->periods[i], period, y, m);
        m -= span;
        if (m < 1) {
            m += 12;
            y--;
        }
    }
    snprintf(out->total.label, sizeof out->total.label, "%s", _("Total"));
    snprintf(out->total.from, sizeof out->total.from, "%s", out->periods[0].from);
    snprintf(out->total.to, sizeof out->total.to, "%s", out->periods[count - 1].to);
    /* The counts read every share and application of the alliance (the
     * alliance page shows them): kept per viewer until the data change or the
     * hour turns. The labels stay those just written, in the reader's words. */
    static const char memo[] = "flow figures";
    int64_t scope = flow_scope(alliance_key, platform_key, out);
    struct flow *kept = arena_alloc(c->arena, sizeof *kept);
    if (store_memo_get(c, memo, scope, kept, sizeof *kept)) {
        for (int i = 0; i < count; i++)
            figures_copy(&out->periods[i], &kept->periods[i]);
        figures_copy(&out->total, &kept->total);
        return STATUS_OK;
    }
    enum status s = count_shares(c, alliance_key, platform_key, out);
    if (s == STATUS_OK)
        s = count_applications(c, alliance_key, platform_key, out);
    if (s == STATUS_OK) {
        *kept = *out;
        kept->period = NULL;
        store_memo_put(c, memo, scope, kept, sizeof *kept);
    }
    return s;
}
