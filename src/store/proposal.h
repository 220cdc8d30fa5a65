/*
 * store/proposal.h — the queries of proposals (domain/proposal.h), beside
 * store.h in the same manner: one function each, no rules. Proposals are
 * read by the key of a thread already read under its rule; people (authors,
 * those who answered or did not) are named only where the reader may see
 * them, and never the author of the thread's item when the reader may not
 * know them (unknown: discussion.h).
 */
#ifndef ALLIANCE_STORE_PROPOSAL_H
#define ALLIANCE_STORE_PROPOSAL_H

#include "domain/proposal.h"

/* store_proposal_list reads the proposals of a thread, newest first, with
 * their options and decisions. */
enum status store_proposal_list(struct ctx *c, const struct discussion *d,
                                struct proposal_list *out);
/* store_proposal_get loads a proposal of the thread d by id. */
enum status store_proposal_get(struct ctx *c, const char *id, const struct discussion *d,
                               struct proposal **out);
/* store_proposal_thread_id is the id of the thread of a proposal (arena), or
 * NULL, whoever reads (the caller then reads the thread under the rule). */
char *store_proposal_thread_id(struct ctx *c, const char *proposal_id);
/* store_proposal_open_count counts the proposals of a thread open at now. */
int64_t store_proposal_open_count(struct ctx *c, int64_t discussion_key, const char *now);
/* store_proposal_insert stores p and its options (sets key, id and times). */
enum status store_proposal_insert(struct ctx *c, struct proposal *p);
/* store_proposal_answer_save stores a person's answer, replacing theirs. */
enum status store_proposal_answer_save(struct ctx *c, const struct proposal *p,
                                       const struct proposal_answer *a);
/* store_proposal_answers reads the answers of p, oldest first; only the one
 * of person_key when it is not 0. */
enum status store_proposal_answers(struct ctx *c, const struct discussion *d,
                                   const struct proposal *p, int64_t person_key,
                                   struct proposal_answer_list *out);
/* store_proposal_close records an early close at now. */
enum status store_proposal_close(struct ctx *c, struct proposal *p, int64_t by_person_key);
/* store_proposal_outcome stores the outcome statement. */
enum status store_proposal_outcome(struct ctx *c, struct proposal *p, const char *outcome);
/* store_proposal_decision_insert records text as a decision of the platform
 * taken by proposal p; *id receives its id (arena). */
enum status store_proposal_decision_insert(struct ctx *c, int64_t platform_key,
                                           const struct proposal *p, const char *text, char **id);
/* store_proposal_members lists (at most max) the people holding a
 * membership of a platform, oldest first, named where the reader may see
 * them and are not unknown_key. */
enum status store_proposal_members(struct ctx *c, int64_t platform_key, int64_t unknown_key,
                                   int max, struct proposal_person_list *out);
/* store_proposal_answered: has person_key answered p? */
bool store_proposal_answered(struct ctx *c, int64_t proposal_key, int64_t person_key);
/* store_proposal_due lists (at most max) the keys of proposals open at now,
 * closing before until, not yet reminded, with the keys of their thread and
 * its platform. */
int store_proposal_due(struct ctx *c, const char *now, const char *until, int64_t *keys,
                       int64_t *discussion_keys, int64_t *platform_keys, int max);
/* store_proposal_reminded marks the closing reminder of a proposal sent,
 * unless it was already; *mine says whether this call marked it. */
enum status store_proposal_reminded(struct ctx *c, int64_t proposal_key, const char *now,
                                    bool *mine);

/* store_proposal_backdate dates a proposal opened at opened_at, closing at
 * closes_at, with its answers, notifications and decision: for the demo,
 * whose proposals were made before it was loaded. */
enum status store_proposal_backdate(struct ctx *c, int64_t proposal_key, const char *opened_at,
                                    const char *closes_at);

#endif
