/*
 * store/monitoring.h — the queries of monitoring and resources
 * (domain/indicator.h, domain/budget.h): indicators, observations and their
 * corrections, budget lines and needs. Kept beside store.h, in the same
 * manner: one function each, no rules. Reads apply the visibility rule of
 * row.h inside the query.
 */
#ifndef ALLIANCE_STORE_MONITORING_H
#define ALLIANCE_STORE_MONITORING_H

#include "domain/budget.h"
#include "domain/indicator.h"

#include <stddef.h>

/* monitoring_rows reads every row of st (at most max) into a new array of
 * records of size bytes (arena), grown as rows come, unlike row_all, which
 * sets the whole limit aside first. */
struct db_stmt;
typedef void (*monitoring_reader)(struct ctx *c, struct db_stmt *st, void *item);
enum status monitoring_rows(struct ctx *c, struct db_stmt *st, int max, size_t size,
                            monitoring_reader read, void *items, int *count);

enum status store_indicator_get(struct ctx *c, const char *id, struct indicator **out);
enum status store_indicator_list(struct ctx *c, int64_t alliance_key, const struct listing *l,
                                 struct indicator_list *out);
/* store_indicator_insert sets key, id and times. */
enum status store_indicator_insert(struct ctx *c, struct indicator *ind);
enum status store_indicator_update(struct ctx *c, struct indicator *ind);

enum status store_observation_get(struct ctx *c, const char *id, struct observation **out);
enum status store_observation_list(struct ctx *c, const struct observation_filter *f,
                                   struct observation_list *out);
/* store_observation_current_key is the key of the current observation of a
 * platform for a period, whoever reads, or 0. */
int64_t store_observation_current_key(struct ctx *c, int64_t indicator_key, int64_t platform_key,
                                      const char *period);
/* store_observation_supersede marks an observation no longer current. */
enum status store_observation_supersede(struct ctx *c, int64_t key);
/* store_observation_insert stores a current observation (sets key, id and
 * recorded_at). */
enum status store_observation_insert(struct ctx *c, struct observation *o);

/* store_observation_delete removes an observation and every one of the same
 * indicator, platform and period (its history), with tombstones. */
enum status store_observation_delete(struct ctx *c, const struct observation *o);
/* store_indicator_delete removes an indicator and its observations, with
 * tombstones. */
enum status store_indicator_delete(struct ctx *c, const struct indicator *ind);
/* store_indicator_observation_count counts an indicator's observations,
 * corrected ones included, whoever reads. */
int64_t store_indicator_observation_count(struct ctx *c, int64_t indicator_key);

enum status store_budget_get(struct ctx *c, const char *id, struct budget_line **out);
/* store_budget_list: a page of l, or every line (at most BUDGET_LIST_MAX)
 * when l is NULL. */
enum status store_budget_list(struct ctx *c, const struct budget_filter *f, const struct listing *l,
                              struct budget_list *out);
enum status store_budget_insert(struct ctx *c, struct budget_line *b);
enum status store_budget_update(struct ctx *c, struct budget_line *b);
enum status store_budget_delete(struct ctx *c, const struct budget_line *b);

enum status store_need_get(struct ctx *c, const char *id, struct need **out);
enum status store_need_list(struct ctx *c, const struct need_filter *f, const struct listing *l,
                            struct need_list *out);
enum status store_need_insert(struct ctx *c, struct need *n);
enum status store_need_update(struct ctx *c, struct need *n);
enum status store_need_delete(struct ctx *c, const struct need *n);

#endif
