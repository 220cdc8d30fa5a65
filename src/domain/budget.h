/*
 * budget.h — resources (seeds 000 and 001: an alliance budgets for
 * documentation and facilitation from the start, all along). A budget line is
 * an amount of a platform for a period (a year, "2025", or a quarter,
 * "2025-Q2") in one category — facilitation, documentation, events,
 * research, travel, staff, other — planned and spent, in whole units of a
 * currency (ISO 4217, such as GHS). A need is what a platform needs beyond
 * its budget (money, expertise, equipment, data) and which organisation
 * could bring it, open until it is met or dropped.
 *
 * Visibility: lines and needs carry a visibility like knowledge items;
 * budget lines and needs are "alliance" by default (members of the
 * alliance). Totals are sums of the lines the reader may read, and of
 * nothing else. Keeping the budget of a platform needs the right to edit the
 * platform (convenors and facilitators); recording a need, the right to
 * write on it (any member); changing its status, the right to edit the
 * platform.
 */
#ifndef ALLIANCE_BUDGET_H
#define ALLIANCE_BUDGET_H

#include "core/problem.h"
#include "domain/context.h"
#include "domain/listing.h"

#include <stdbool.h>
#include <stdint.h>

enum budget_category {
    BUDGET_FACILITATION,
    BUDGET_DOCUMENTATION,
    BUDGET_EVENTS,
    BUDGET_RESEARCH,
    BUDGET_TRAVEL,
    BUDGET_STAFF,
    BUDGET_OTHER,
    BUDGET_CATEGORY_COUNT
};

struct budget_line {
    int64_t key;
    char *id;
    int64_t platform_key;
    char *platform_id;
    char *platform_name;
    int platform_depth;
    int64_t alliance_key;
    char *alliance_slug;
    char *alliance_name;
    char *period;
    char *category;
    char *description;
    char *currency;
    int64_t planned;
    int64_t spent;
    char *visibility;
    char *created_at;
    char *updated_at;
};

struct budget_list {
    struct budget_line *items;
    int count;
    int64_t total;
};

#define BUDGET_LIST_MAX 20000

/* What budget_list returns; zero and NULL fields do not filter. */
struct budget_filter {
    int64_t platform_key;
    int64_t alliance_key;
    const char *period;
    const char *category;
};

/* Totals of lines in one currency. */
struct budget_totals {
    const char *currency;
    int64_t planned[BUDGET_CATEGORY_COUNT], spent[BUDGET_CATEGORY_COUNT];
    int64_t planned_all, spent_all;
};

#define BUDGET_CURRENCIES_MAX 8

const char *budget_category_name(enum budget_category category);
const char *budget_category_label(const char *category);
/* budget_category_parse: the category of a name, or -1. */
int budget_category_parse(const char *name);

/* budget_find loads a line the viewer may read. */
enum status budget_find(struct ctx *c, const char *id, struct budget_line **out);

/* budget_list returns the lines the viewer may read: a page of l (in id order
 * with a cursor, else by period, platform and category), or with l NULL all
 * of them (at most BUDGET_LIST_MAX) with total their count. */
enum status budget_list(struct ctx *c, const struct budget_filter *f, const struct listing *l,
                        struct budget_list *out);

/* budget_sum adds up, by currency, the lines whose platform key is one of the
 * n keys of platforms (all lines when platforms is NULL) into totals (at
 * most BUDGET_CURRENCIES_MAX currencies; lines in others are left out) and
 * returns how many currencies there are. */
int budget_sum(const struct budget_list *lines, const int64_t *platforms, int n,
               struct budget_totals *totals);

/* budget_share is the share (0 to 1) of facilitation and documentation in
 * the planned (or spent) total; 0 for an empty total. */
double budget_share(const struct budget_totals *t, bool spent);

/* budget_period_valid: "2025" or "2025-Q1" … "2025-Q4". */
bool budget_period_valid(const char *period);

/* budget_may_keep: may the viewer keep the platform's budget? */
bool budget_may_keep(struct ctx *c, int64_t platform_key);

/* budget_create adds a line to the platform named by platform_id. */
enum status budget_create(struct ctx *c, struct budget_line *b, const char *platform_id,
                          struct problems *p);
enum status budget_update(struct ctx *c, struct budget_line *b, struct problems *p);
enum status budget_delete(struct ctx *c, struct budget_line *b);

struct need {
    int64_t key;
    char *id;
    int64_t platform_key;
    char *platform_id;
    char *platform_name;
    int64_t alliance_key;
    char *alliance_slug;
    char *alliance_name;
    char *kind; /* money, expertise, equipment, data */
    char *title;
    char *description;
    int64_t provider_key; /* an organisation, or 0 */
    char *provider_id;
    char *provider_name;
    char *provider_note; /* who else could bring it, in words */
    char *status;        /* open, met, dropped */
    char *visibility;
    char *created_at;
    char *updated_at;
};

struct need_list {
    struct need *items;
    int count;
    int64_t total;
};

struct need_filter {
    int64_t platform_key;
    int64_t alliance_key;
    const char *status;
};

const char *need_kind_label(const char *kind);
const char *need_status_label(const char *status);

enum status need_find(struct ctx *c, const char *id, struct need **out);
enum status need_list(struct ctx *c, const struct need_filter *f, const struct listing *l,
                      struct need_list *out);
/* need_create records a need of the platform named by platform_id;
 * provider_id names an organisation or is empty. */
enum status need_create(struct ctx *c, struct need *n, const char *platform_id, struct problems *p);
enum status need_update(struct ctx *c, struct need *n, struct problems *p);
enum status need_delete(struct ctx *c, struct need *n);
bool need_may_edit(struct ctx *c, int64_t platform_key);

#endif
