/*
 * demo_proposals.c — the demo's proposals (demo_proposals.h).
 */
#include "cli/demo_proposals.h"

#include "cli/demo_discussions.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/discussion.h"
#include "domain/proposal.h"
#include "domain/rights.h"
#include "store/proposal.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* An answer: who (a demo person's email), a consent choice or the number of
 * an option (from 0), and a reason. */
struct demo_answer {
    const char *email;
    const char *choice;
    int option;
    const char *reason;
};

/* A proposal in the thread whose title starts with thread (of the platform
 * named platform), opened by opener hours ago, closing closes_in hours from
 * now (negative: closed that long ago), with its answers and, once closed,
 * its outcome recorded as a decision of the platform. */
struct demo_proposal {
    const char *thread;
    const char *platform;
    const char *opener;
    const char *title;
    const char *body;
    const char *process;
    const char *options[4];
    int option_count;
    int opened_hours_ago;
    int closes_in;
    const struct demo_answer *answers;
    size_t answer_count;
    const char *outcome;
};

static const struct demo_answer four_conditions[] = {
    {"grace.adongo@example.gov.gh", "agree", 0, ""},
    {"patience.atanga@example.org", "agree", 0,
     "The three stories of change show each condition at work."},
    {"thomas.ayamga@example.edu.gh", "agree", 0,
     "With the fourth condition in writing: that is where it failed before."},
    {"comfort.ayine@example.gov.gh", "agree", 0, ""},
    {"mercy.apuri@example.org", "abstain", 0, "Bongo's assembly has not decided on the DACF yet."},
    {"bernard.akanbe@example.gov.gh", "disagree", 0,
     "Navrongo cannot pay a storekeeper this year; the conditions would shut us out."},
};

static const struct demo_answer meeting_place[] = {
    {"patience.atanga@example.org", NULL, 0, "The radio studio is next door, for the recording."},
    {"bernard.akanbe@example.gov.gh", NULL, 1, "Navrongo has not hosted for two years."},
    {"francis.akolgo@example.org", NULL, 0, ""},
    {"thomas.ayamga@example.edu.gh", NULL, 1, ""},
};

static const struct demo_answer saturday[] = {
    {"albert.abaane@example.edu.gh", "agree", 0, ""},
    {"thomas.ayamga@example.edu.gh", "agree", 0, "Two students will come to take notes."},
};

static const struct demo_proposal demo_proposals[] = {
    {"Taking the Bolgatanga spare-parts store",
     "uer",
     "francis.akolgo@example.org",
     "Adopt four conditions before a district opens a spare-parts store",
     "From the three stories of change, a district opens a store when:\n\n"
     "1. a storekeeper is paid;\n"
     "2. the ledger can be read by anyone;\n"
     "3. area mechanics are within a day's ride;\n"
     "4. the assembly agrees in writing that sales stay in the revolving account.",
     "consent",
     {NULL},
     0,
     26 * 24,
     -19 * 24,
     four_conditions,
     sizeof four_conditions / sizeof four_conditions[0],
     "The regional platform adopts the four conditions. Districts that cannot pay a "
     "storekeeper yet (Navrongo) ask the platform for a year of support from the regional "
     "budget before they open a store."},
    {"Agenda for the March meeting",
     "uer",
     "grace.adongo@example.gov.gh",
     "Where should the March meeting be held?",
     "We have three offers. The regional office is central; Navrongo and Bongo would show "
     "the members their stores.",
     "vote",
     {"Bolgatanga, regional office", "Navrongo, district assembly", "Bongo, WSMT hall"},
     3,
     3 * 24,
     4 * 24,
     meeting_place,
     sizeof meeting_place / sizeof meeting_place[0],
     NULL},
    {"Training young caretakers",
     "uer-navrongo",
     "bernard.akanbe@example.gov.gh",
     "Hold the caretakers' training in the assembly hall on a Saturday",
     "One Saturday in the assembly hall, with the storekeeper and the real ledger.",
     "consent",
     {NULL},
     0,
     3 * 24,
     2 * 24,
     saturday,
     sizeof saturday / sizeof saturday[0],
     NULL},
};

/* thread_titled finds the demo thread of a platform whose title starts so. */
static struct discussion *thread_titled(struct ctx *c, int64_t platform_key, const char *title)
{
    struct listing l;
    listing_default(&l);
    l.limit = 50;
    struct discussion_filter f = {.platform_key = platform_key};
    struct discussion_list list;
    if (discussion_list(c, &f, &l, &list) == STATUS_OK)
        for (int i = 0; i < list.count; i++)
            if (str_starts_with(list.items[i].title, title))
                return &list.items[i];
    return NULL;
}

/* instant writes the instant hours from now (negative: ago). */
static char *instant(struct ctx *c, int hours)
{
    char out[32];
    clock_format_iso(time(NULL) + (time_t)hours * 3600, out, sizeof out);
    return arena_strdup(c->arena, out);
}

/* answer_all records the answers of a proposal, as the people who give them. */
static int answer_all(struct ctx *c, const struct demo_proposal *dp, const struct discussion *d,
                      const struct proposal *p, demo_lookup lookup, const void *people)
{
    const struct viewer *loader = c->viewer;
    for (size_t i = 0; i < dp->answer_count; i++) {
        const struct demo_answer *da = &dp->answers[i];
        struct viewer who;
        if (demo_as_person(c, lookup, people, da->email, 0, -1, &who) != 0)
            return -1;
        struct proposal_answer a = {
            .choice = (char *)da->choice, .option = da->option, .reason = (char *)da->reason};
        struct problems pr = {0};
        c->viewer = &who;
        enum status s = proposal_answer(c, d, p, &a, &pr);
        c->viewer = loader;
        if (s != STATUS_OK)
            return demo_fail("answer", dp->title, s, &pr);
    }
    return 0;
}

/* proposal_one opens a proposal, answers it and, when it closed in the
 * past, records its outcome; then dates it. */
static int proposal_one(struct ctx *c, const struct demo_proposal *dp, demo_lookup lookup,
                        const void *platforms, const void *people)
{
    int64_t platform_key = store_platform_key(c, lookup(platforms, dp->platform));
    struct discussion *d = thread_titled(c, platform_key, dp->thread);
    if (!d)
        return demo_fail("find the thread", dp->thread, STATUS_NOT_FOUND, NULL);
    struct viewer opener;
    if (demo_as_person(c, lookup, people, dp->opener, platform_key, RIGHT_FACILITATE, &opener) != 0)
        return -1;
    char *closes_at = instant(c, dp->closes_in);
    struct proposal p = {.title = (char *)dp->title,
                         .body = (char *)dp->body,
                         .process = (char *)dp->process,
                         .time_zone = "Africa/Accra",
                         /* Opened to close in an hour at least; dated below. */
                         .closes_local = arena_strndup(
                             c->arena, instant(c, dp->closes_in > 1 ? dp->closes_in : 1), 19)};
    struct problems pr = {0};
    const struct viewer *loader = c->viewer;
    c->viewer = &opener;
    enum status s = proposal_open(c, d, &p, (char **)dp->options, dp->option_count, &pr);
    c->viewer = loader;
    if (s != STATUS_OK)
        return demo_fail("open the proposal", dp->title, s, &pr);
    struct proposal *made;
    struct discussion *thread;
    if (proposal_find(c, p.id, &made, &thread) != STATUS_OK ||
        answer_all(c, dp, thread, made, lookup, people) != 0)
        return -1;
    s = store_proposal_backdate(c, made->key, instant(c, -dp->opened_hours_ago), closes_at);
    if (s == STATUS_OK && dp->outcome) {
        c->viewer = &opener;
        s = proposal_find(c, p.id, &made, &thread);
        if (s == STATUS_OK)
            s = proposal_record(c, thread, made, dp->outcome, "platform", NULL, &pr);
        c->viewer = loader;
        if (s == STATUS_OK)
            s = store_proposal_backdate(c, made->key, instant(c, -dp->opened_hours_ago), closes_at);
    }
    return s == STATUS_OK ? 0 : demo_fail("record the outcome of", dp->title, s, &pr);
}

int demo_proposals_load(struct ctx *c, demo_lookup lookup, const void *platforms,
                        const void *people, size_t *count)
{
    *count = 0;
    for (size_t i = 0; i < sizeof demo_proposals / sizeof demo_proposals[0]; i++) {
        if (proposal_one(c, &demo_proposals[i], lookup, platforms, people) != 0)
            return -1;
        (*count)++;
    }
    return 0;
}
