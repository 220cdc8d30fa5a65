/*
 * store/question.h — the queries of the learning agenda (domain/question.h)
 * and of action-research cycles (domain/cycle.h). Kept beside store.h, in the
 * same manner: one function each, no rules. Reads of questions apply the
 * visibility rule of row.h through any owning platform; reads of cycles
 * apply it with the question's level and the cycle's platform.
 */
#ifndef ALLIANCE_STORE_QUESTION_H
#define ALLIANCE_STORE_QUESTION_H

#include "domain/cycle.h"
#include "domain/question.h"

enum status store_question_get(struct ctx *c, const char *id, struct question **out);
enum status store_question_list(struct ctx *c, const struct question_filter *f,
                                const struct listing *l, struct question_list *out);
/* store_question_insert stores q and its platforms (sets key, id and times). */
enum status store_question_insert(struct ctx *c, struct question *q);
/* store_question_update stores q and its platforms. */
enum status store_question_update(struct ctx *c, struct question *q);
/* store_question_delete removes q, its links and its cycles, with tombstones. */
enum status store_question_delete(struct ctx *c, const struct question *q);

/* store_question_links lists a question's links of a kind (NULL: all), with
 * the items' ids, whoever reads (the caller checks each item). */
enum status store_question_links(struct ctx *c, int64_t question_key, const char *kind,
                                 struct question_link_list *out);
/* store_question_link_add links an item (nothing when it is linked already). */
enum status store_question_link_add(struct ctx *c, int64_t question_key, const char *kind,
                                    int64_t item_key);
enum status store_question_link_remove(struct ctx *c, int64_t question_key, const char *kind,
                                       int64_t item_key);
/* store_question_item_deleted removes every link to the item. */
enum status store_question_item_deleted(struct ctx *c, const char *kind, int64_t item_key);

enum status store_cycle_get(struct ctx *c, const char *id, struct cycle **out);
enum status store_cycle_list(struct ctx *c, const struct cycle_filter *f, const struct listing *l,
                             struct cycle_list *out);
/* store_cycle_ids lists the ids of every cycle of a question, whoever reads. */
enum status store_cycle_ids(struct ctx *c, int64_t question_key, char ***ids, int *count);
/* store_cycle_insert stores cy with the next number of its question and
 * platform (sets key, id, number and times). */
enum status store_cycle_insert(struct ctx *c, struct cycle *cy);
enum status store_cycle_update(struct ctx *c, struct cycle *cy);
enum status store_cycle_delete(struct ctx *c, const struct cycle *cy);

#endif
