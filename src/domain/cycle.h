/*
 * cycle.h — action-research cycles (seed 001: plan, act, observe, reflect,
 * and again): a platform that owns a learning question (question.h) works on
 * it in cycles numbered 1, 2, 3 … per question and platform. Each of the four
 * steps has a text (Markdown), a start and an end date, and its evidence
 * (links, or pages of this site such as a document of the library). A
 * reflection can start a lesson (prefilled from the cycle, and linked to the
 * question) and the next cycle (its plan prefilled from the reflection).
 *
 * Visibility. A cycle takes its question's level, applied to the cycle's own
 * platform: "platform" means the members of that platform (not of every
 * platform owning the question), "alliance" the members of the alliance,
 * "public" whoever may read the alliance. So a reader of a cycle may always
 * read its question; the reverse does not hold. Cycles are never drafts.
 *
 * A cycle starts with its plan: the plan's text is required; the other
 * steps are written as the cycle goes.
 *
 * Rights. The members of the cycle's platform who write items there
 * (rights.h) start and edit its cycles; deleting one takes the right to
 * publish there. A cycle's number is the next after the highest of its
 * question and platform, given when it is made and never changed.
 */
#ifndef ALLIANCE_CYCLE_H
#define ALLIANCE_CYCLE_H

#include "core/problem.h"
#include "domain/context.h"
#include "domain/item.h"
#include "domain/listing.h"

#include <stdbool.h>
#include <stdint.h>

#define CYCLE_STEPS        4
#define CYCLE_EVIDENCE_MAX 12

enum cycle_step_name { CYCLE_PLAN, CYCLE_ACT, CYCLE_OBSERVE, CYCLE_REFLECT };

struct cycle_step {
    char *text;      /* Markdown */
    char *starts_on; /* YYYY-MM-DD, or NULL */
    char *ends_on;
    int evidence_count;
    struct item_evidence evidence[CYCLE_EVIDENCE_MAX];
};

struct cycle {
    int64_t key;
    char *id;
    int64_t question_key;
    char *question_id;
    char *question_title;
    char *visibility; /* the question's */
    int64_t alliance_key;
    char *alliance_slug;
    char *alliance_name;
    int64_t platform_key;
    char *platform_id;
    char *platform_name;
    int64_t number;
    int64_t author_key; /* 0 when none */
    char *author_id;
    char *author_name;
    char *created_at;
    char *updated_at;
    struct cycle_step steps[CYCLE_STEPS]; /* with lists, texts and dates only */
    /* Input only: the platform's id, when starting one. */
    const char *platform_input;
};

struct cycle_list {
    struct cycle *items;
    int count;
    int64_t total;
};

/* What cycle_list returns; zero fields do not filter. Ordered by question,
 * platform and number. */
struct cycle_filter {
    int64_t question_key;
    int64_t platform_key;
};

/* cycle_step_name, cycle_step_label: the machine name of a step ("plan") and
 * its word ("Plan"). */
const char *cycle_step_name(int step);
const char *cycle_step_label(int step);

/* cycle_find loads a cycle the viewer may read, with its evidence. */
enum status cycle_find(struct ctx *c, const char *id, struct cycle **out);

/* cycle_list returns a page of the cycles the viewer may read. */
enum status cycle_list(struct ctx *c, const struct cycle_filter *f, const struct listing *l,
                       struct cycle_list *out);

/* cycle_evidence_parse reads a step's evidence, one a line "label | address";
 * problems go to the step's field ("plan_evidence"). */
void cycle_evidence_parse(struct ctx *c, struct cycle *cy, int step, const char *text,
                          struct problems *p);

/* cycle_create starts the next cycle of question_key on the platform named
 * by platform_input (an owner of the question); sets key, id and number. */
enum status cycle_create(struct ctx *c, struct cycle *cy, struct problems *p);

/* cycle_update stores the steps of an edited cycle. */
enum status cycle_update(struct ctx *c, struct cycle *cy, struct problems *p);

/* cycle_delete removes a cycle, leaving a tombstone. */
enum status cycle_delete(struct ctx *c, struct cycle *cy);

/* cycle_may_write: may the viewer start or edit cycles on the platform?
 * cycle_may_delete: delete them? */
bool cycle_may_write(struct ctx *c, int64_t platform_key);
bool cycle_may_delete(struct ctx *c, int64_t platform_key);

/* cycle_question_changed puts the cycles of a question in the search index
 * again (its title or visibility changed), inside its transaction. */
enum status cycle_question_changed(struct ctx *c, int64_t question_key);

/* cycle_next_draft fills next (zeroed by the caller) as the cycle after
 * prev: the same question and platform, its plan the reflection of prev.
 * Strings are prev's. */
void cycle_next_draft(const struct cycle *prev, struct cycle *next);

/* cycle_lesson_draft fills a new lesson (zeroed by the caller) from a
 * cycle: a title naming the cycle and its question (at most 200
 * characters), what happened from the act and observe steps, the lesson from
 * the reflection, the context and the learning question, and the date the
 * reflection ended (or started) when it is not in the future. Strings are
 * the cycle's or in the arena. */
struct lesson;
void cycle_lesson_draft(struct ctx *c, const struct cycle *cy, const char *today,
                        struct lesson *ls);

/* cycle_link_lesson links a lesson made from a cycle to the cycle's
 * question (as question_link_add, whose rights apply). */
enum status cycle_link_lesson(struct ctx *c, const char *cycle_id, const char *lesson_id);

/* cycle_question_deleted takes the cycles of a question being deleted out of
 * the search index, inside its transaction (the store deletes them). */
enum status cycle_question_deleted(struct ctx *c, int64_t question_key);

/* cycle_reindex_one puts the cycle in the search index again. */
enum status cycle_reindex_one(struct ctx *c, const char *id);

#endif
