/*
 * proposal.h — proposals in discussions (seed 001: facilitation; seed 003:
 * decisions a collaborative takes together). In a thread, someone who may
 * facilitate on the thread's platform (rights.h: convenors and facilitators)
 * opens a proposal: a title, a text (Markdown), a process and a closing
 * time given as a wall time in a time zone, as events are (event.h):
 *
 *   consent  each answers agree, abstain, disagree or block; a block needs a
 *            reason, the others may give one;
 *   vote     each chooses one of 2 to 20 options;
 *   score    each scores every option (2 to 20) within a range, such as 0–5.
 *
 * A thread holds at most one open proposal at a time, and keeps the earlier
 * ones. The proposal is read exactly by those who may read its thread, in
 * every view. Those who take part are the people who may read the thread
 * and hold a membership of its platform (proposal_participant: the one
 * definition); each may change their answer until it closes.
 *
 * A proposal is closed once its closing time has passed (computed from the
 * time: nothing needs to run for it) or when a facilitator closes it early.
 * Results — counts, percentages, mean scores, who answered what — show once
 * it is closed, or while it is open when its opener chose so; who has not
 * yet answered shows all along. Names of people show only to those who may
 * see them (visibility.h), as everywhere.
 *
 * When it is closed a facilitator writes the outcome statement and may record
 * it as a decision of the platform or of an event of that platform (one they
 * may edit); the decision links back to the proposal. Every write goes into
 * the audit trail, filed like the thread's other changes.
 *
 * Notifications (notification.h): "proposal" to everyone who takes part when
 * one opens; "proposal_closing", once, about a day before it closes, to those
 * who have not answered (proposal_remind, run periodically by the server).
 */
#ifndef ALLIANCE_PROPOSAL_H
#define ALLIANCE_PROPOSAL_H

#include "core/problem.h"
#include "domain/context.h"
#include "domain/discussion.h"

#include <stdbool.h>
#include <stdint.h>

#define PROPOSAL_OPTIONS_MIN    2
#define PROPOSAL_OPTIONS_MAX    20
#define PROPOSAL_CHOICES        4 /* agree, abstain, disagree, block */
#define PROPOSAL_SCORE_LIMIT    100
#define PROPOSAL_REMIND_SECONDS (24 * 3600)

/* The consent choices, in the order pages show them. */
extern const char *const proposal_choices[PROPOSAL_CHOICES];

struct proposal {
    int64_t key;
    char *id;
    int64_t discussion_key;
    char *discussion_id;
    int64_t author_key; /* 0 when the reader may not know them */
    char *author_id;
    char *author_name;
    char *title;
    char *body;    /* Markdown */
    char *process; /* consent, vote, score */
    int score_min; /* score only */
    int score_max;
    char *closes_at; /* UTC instant */
    char *time_zone; /* IANA name the closing time was given in */
    bool results_open;
    char *closed_at; /* closed early, else NULL */
    char *outcome;   /* "" until written */
    char *created_at;
    char *updated_at;
    int option_count;
    char **options; /* labels by position (vote, score) */
    /* The decision recording the outcome, when there is one: its id, and the
     * event it belongs to (NULL: a decision of the platform). The event is
     * named only to those who may read it. */
    char *decision_id;
    char *decision_event_id;
    char *decision_event_title;
    int64_t answer_count;
    /* Computed when loaded: closed (by time or early). */
    bool closed;
    /* Input only: the closing wall time "YYYY-MM-DDTHH:MM" in time_zone. */
    char *closes_local;
};

struct proposal_list {
    struct proposal *items; /* newest first */
    int count;
};

/* One person's answer. scores has one entry per option (score). */
struct proposal_answer {
    int64_t person_key;
    char *person_id;   /* NULL when the reader may not see them */
    char *person_name; /* NULL likewise */
    char *choice;      /* consent */
    int option;        /* vote: the position chosen */
    int *scores;       /* score */
    char *reason;
    char *updated_at;
};

struct proposal_answer_list {
    struct proposal_answer *items;
    int count;
};

/* A person who takes part and has not answered. */
struct proposal_person {
    int64_t key;
    char *id;   /* NULL when the reader may not see them */
    char *name; /* NULL likewise */
};

struct proposal_person_list {
    struct proposal_person *items;
    int count;
};

/* The results. For consent, counts and percents by choice (the order of
 * proposal_choices); for a vote, by option; for a score, each option's
 * number of scores, their sum and their mean in tenths (35: 3.5). Percents
 * are of the answers, rounded to the nearest whole number. */
struct proposal_tally {
    int answers;
    int counts[PROPOSAL_OPTIONS_MAX];
    int percents[PROPOSAL_OPTIONS_MAX];
    int64_t sums[PROPOSAL_OPTIONS_MAX];
    int mean_tenths[PROPOSAL_OPTIONS_MAX];
};

/* proposal_process_label, proposal_choice_label: translated names. */
const char *proposal_process_label(const char *process);
const char *proposal_choice_label(const char *choice);

/* proposal_choice_valid: one of proposal_choices. */
bool proposal_choice_valid(const char *choice);

/* proposal_is_closed: closed early, or its closing time (UTC ISO 8601) is
 * at or before now (the same form). */
bool proposal_is_closed(const char *closes_at, const char *closed_at, const char *now);

/* proposal_tally counts the n answers of p into out (pure: no database). */
void proposal_tally(const struct proposal *p, const struct proposal_answer *answers, int n,
                    struct proposal_tally *out);

/* proposal_list returns the proposals of a thread the viewer has read. */
enum status proposal_list(struct ctx *c, const struct discussion *d, struct proposal_list *out);

/* proposal_find loads a proposal with its thread, when the viewer may read
 * the thread (STATUS_NOT_FOUND otherwise). */
enum status proposal_find(struct ctx *c, const char *id, struct proposal **out,
                          struct discussion **thread);

/* proposal_may_facilitate: may the viewer open, close and record proposals
 * in the thread (RIGHT_FACILITATE on its platform)? */
bool proposal_may_facilitate(struct ctx *c, const struct discussion *d);

/* proposal_participant: does person_key take part in the thread's
 * proposals — may they read the thread, and are they a member of its
 * platform? The one definition of who takes part. */
bool proposal_participant(struct ctx *c, const struct discussion *d, int64_t person_key);

/* proposal_results_shown: may the viewer see the results and the answers
 * of others now (closed, or results shown while open)? */
bool proposal_results_shown(const struct proposal *p);

/* proposal_open stores a new proposal of the thread (p: title, body,
 * process, score_min, score_max, closes_local, time_zone, results_open;
 * options: count labels) and tells those who take part. Problems name
 * title, body, process, options, score_min, score_max, closes_at,
 * time_zone; STATUS_CONFLICT when the thread has an open proposal. */
enum status proposal_open(struct ctx *c, const struct discussion *d, struct proposal *p,
                          char **options, int option_count, struct problems *p_out);

/* proposal_answer stores the viewer's answer (replacing theirs). Problems
 * name choice, reason, option and scores; STATUS_CONFLICT when closed,
 * STATUS_FORBIDDEN when the viewer does not take part. */
enum status proposal_answer(struct ctx *c, const struct discussion *d, const struct proposal *p,
                            struct proposal_answer *a, struct problems *pr);

/* proposal_answers lists every answer (only the viewer's own unless the
 * results are shown), names where the viewer may see the people. */
enum status proposal_answers(struct ctx *c, const struct discussion *d, const struct proposal *p,
                             struct proposal_answer_list *out);

/* proposal_own_answer loads the viewer's answer, or STATUS_NOT_FOUND. */
enum status proposal_own_answer(struct ctx *c, const struct proposal *p,
                                struct proposal_answer **out);

/* proposal_waiting lists those who take part and have not answered. */
enum status proposal_waiting(struct ctx *c, const struct discussion *d, const struct proposal *p,
                             struct proposal_person_list *out);

/* proposal_close closes an open proposal early (facilitators). */
enum status proposal_close(struct ctx *c, const struct discussion *d, struct proposal *p);

/* proposal_record stores the outcome statement of a closed proposal
 * (facilitators) and, with record "platform" or "event" (event_id: an event
 * of the thread's platform the viewer may edit), records it as a decision;
 * "none" or NULL records none. Problems name outcome, record and event;
 * STATUS_CONFLICT when it is open or has a decision already. */
enum status proposal_record(struct ctx *c, const struct discussion *d, struct proposal *p,
                            const char *outcome, const char *record, const char *event_id,
                            struct problems *pr);

/* proposal_remind tells those who have not answered the proposals closing
 * within PROPOSAL_REMIND_SECONDS, once each, a batch of proposals at a time
 * (the periodic jobs run it, as the operator: http/jobs.h); *done is 1 when
 * a full batch was done (more may be due), else 0. Each proposal is told of
 * in a transaction of its own, which marks it reminded: several servers
 * running it at once tell each person once, the second finding it done. */
enum status proposal_remind(struct ctx *c, int *done);

/* proposal_events lists (at most max) events of the thread's platform the
 * viewer may record a decision in: their ids and titles (arena). */
int proposal_events(struct ctx *c, const struct discussion *d, char **ids, char **titles, int max);

#endif
