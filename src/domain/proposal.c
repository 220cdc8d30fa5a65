/*
 * proposal.c — rules of proposals (see proposal.h): a title of 1 to 200
 * characters, a text of at most 20,000, 2 to 20 options of at most 200
 * characters each (vote and score), a score range within -100..100, a
 * closing time from a minute to a year ahead; an answer fits its process.
 * A proposal, its notifications and its audit entry are stored in one
 * transaction, as are an answer and its audit entry.
 */
#include "domain/proposal.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/str.h"
#include "core/tz.h"
#include "domain/audit.h"
#include "domain/event.h"
#include "domain/field.h"
#include "domain/notification.h"
#include "domain/rights.h"
#include "store/discussion.h"
#include "store/proposal.h"
#include "store/store.h"

#include <string.h>

#define PROPOSAL_PEOPLE_MAX 2000
#define PROPOSAL_YEAR       (366 * 86400)

const char *const proposal_choices[PROPOSAL_CHOICES] = {"agree", "abstain", "disagree", "block"};

const char *proposal_process_label(const char *process)
{
    if (str_eq(process, "consent"))
        return _("Consent");
    if (str_eq(process, "vote"))
        return _("Vote");
    if (str_eq(process, "score"))
        return _("Score");
    return process ? process : "";
}

const char *proposal_choice_label(const char *choice)
{
    if (str_eq(choice, "agree"))
        return _("Agree");
    if (str_eq(choice, "abstain"))
        return _("Abstain");
    if (str_eq(choice, "disagree"))
        return _("Disagree");
    if (str_eq(choice, "block"))
        return _("Block");
    return choice ? choice : "";
}

bool proposal_choice_valid(const char *choice)
{
    for (int i = 0; i < PROPOSAL_CHOICES; i++)
        if (str_eq(choice, proposal_choices[i]))
            return true;
    return false;
}

bool proposal_is_closed(const char *closes_at, const char *closed_at, const char *now)
{
    return closed_at != NULL || (closes_at && now && strcmp(closes_at, now) <= 0);
}

/* percent_of: n of total, rounded to the nearest whole number. */
static int percent_of(int64_t n, int64_t total)
{
    return total > 0 ? (int)((n * 200 + total) / (total * 2)) : 0;
}

void proposal_tally(const struct proposal *p, const struct proposal_answer *answers, int n,
                    struct proposal_tally *out)
{
    memset(out, 0, sizeof *out);
    out->answers = n;
    bool consent = str_eq(p->process, "consent"), vote = str_eq(p->process, "vote");
    int slots = consent ? PROPOSAL_CHOICES : p->option_count;
    if (slots > PROPOSAL_OPTIONS_MAX)
        slots = PROPOSAL_OPTIONS_MAX;
    for (int i = 0; i < n; i++) {
        const struct proposal_answer *a = &answers[i];
        if (consent) {
            for (int k = 0; k < PROPOSAL_CHOICES; k++)
                if (str_eq(a->choice, proposal_choices[k]))
                    out->counts[k]++;
        } else if (vote) {
            if (a->option >= 0 && a->option < slots)
                out->counts[a->option]++;
        } else if (a->scores) {
            for (int k = 0; k < slots; k++) {
                out->counts[k]++;
                out->sums[k] += a->scores[k];
            }
        }
    }
    for (int k = 0; k < slots; k++) {
        out->percents[k] = percent_of(out->counts[k], n);
        if (!consent && !vote && out->counts[k]) {
            /* The mean in tenths, rounded half away from zero. */
            int64_t twice = out->sums[k] * 20 / out->counts[k];
            out->mean_tenths[k] = (int)(twice >= 0 ? (twice + 1) / 2 : (twice - 1) / 2);
        }
    }
}

/* settle fills what is computed on a proposal just read: whether it is
 * closed, and its decision's event only where the viewer may read it. */
static void settle(struct ctx *c, struct proposal *p, const char *now)
{
    p->closed = proposal_is_closed(p->closes_at, p->closed_at, now);
    struct event *e;
    if (p->decision_event_id && event_find(c, p->decision_event_id, &e) != STATUS_OK)
        p->decision_event_id = p->decision_event_title = NULL;
}

enum status proposal_list(struct ctx *c, const struct discussion *d, struct proposal_list *out)
{
    enum status s = store_proposal_list(c, d, out);
    char now[32];
    clock_now_iso(now, sizeof now);
    for (int i = 0; s == STATUS_OK && i < out->count; i++)
        settle(c, &out->items[i], now);
    return s;
}

enum status proposal_find(struct ctx *c, const char *id, struct proposal **out,
                          struct discussion **thread)
{
    if (str_empty(id))
        return STATUS_NOT_FOUND;
    char *thread_id = store_proposal_thread_id(c, id);
    if (!thread_id)
        return STATUS_NOT_FOUND;
    enum status s = discussion_find(c, thread_id, thread);
    if (s == STATUS_OK)
        s = store_proposal_get(c, id, *thread, out);
    if (s == STATUS_OK) {
        char now[32];
        clock_now_iso(now, sizeof now);
        settle(c, *out, now);
    }
    return s;
}

bool proposal_may_facilitate(struct ctx *c, const struct discussion *d)
{
    return rights_may(rights_on_platform(c, d->platform_key, RIGHT_FACILITATE));
}

/* is_member: does person_key hold a membership of the platform? */
static bool is_member(struct ctx *c, int64_t platform_key, int64_t person_key)
{
    int64_t people[PROPOSAL_PEOPLE_MAX];
    int n = store_platform_people(c, platform_key, people, PROPOSAL_PEOPLE_MAX);
    for (int i = 0; i < n; i++)
        if (people[i] == person_key)
            return true;
    return false;
}

/* reads_thread: may person_key read the thread? */
static bool reads_thread(struct ctx *c, const struct discussion *d, int64_t person_key)
{
    struct viewer as = {.person_key = person_key};
    struct ctx them = {.db = c->db, .arena = c->arena, .viewer = &as};
    return store_discussion_readable(&them, d->key);
}

bool proposal_participant(struct ctx *c, const struct discussion *d, int64_t person_key)
{
    return person_key && is_member(c, d->platform_key, person_key) &&
           reads_thread(c, d, person_key);
}

bool proposal_results_shown(const struct proposal *p)
{
    return p->closed || p->results_open;
}

/* options_check validates the options of a vote or a score. */
static void options_check(struct ctx *c, struct proposal *p, char **options, int count,
                          struct problems *pr)
{
    p->options = arena_array(c->arena, PROPOSAL_OPTIONS_MAX, sizeof *p->options);
    p->option_count = 0;
    for (int i = 0; i < count; i++) {
        char *label = options[i];
        field_text(c, &label, pr, "options", _("Option"), 200, NULL);
        if (!*label)
            continue;
        if (p->option_count == PROPOSAL_OPTIONS_MAX) {
            problems_invalid(pr, "options", _("Give at most 20 options"));
            return;
        }
        for (int k = 0; k < p->option_count; k++)
            if (str_eq(p->options[k], label)) {
                problems_invalid(pr, "options", _("Give each option once"));
                return;
            }
        p->options[p->option_count++] = label;
    }
    if (p->option_count < PROPOSAL_OPTIONS_MIN)
        problems_invalid(pr, "options", _("Give at least two options, one a line"));
}

/* closing_check turns the closing wall time into an instant a minute to a
 * year ahead. */
static void closing_check(struct ctx *c, struct proposal *p, struct problems *pr)
{
    if (str_empty(p->time_zone))
        p->time_zone = "UTC";
    struct tz *z = NULL;
    if (!tz_name_valid(p->time_zone) || !(z = tz_load(c->arena, p->time_zone))) {
        problems_invalid(pr, "time_zone",
                         _("Enter a time zone of the tz database, such as Africa/Accra"));
        return;
    }
    char at[32];
    if (str_empty(p->closes_local)) {
        problems_invalid(pr, "closes_at",
                         _("Enter when the proposal closes, such as 2026-03-12T17:00"));
        return;
    }
    if (event_local_instant(z, p->closes_local, at, sizeof at) != 0) {
        problems_invalid(pr, "closes_at",
                         _("Enter the closing time as a real date and time, such as "
                           "2026-03-12T17:00"));
        return;
    }
    time_t closes, now = time(NULL);
    if (clock_parse_iso(at, &closes) != 0 || closes <= now) {
        problems_invalid(pr, "closes_at", _("The closing time must be in the future"));
        return;
    }
    if (closes - now > PROPOSAL_YEAR) {
        problems_invalid(pr, "closes_at", _("A proposal closes within a year"));
        return;
    }
    p->closes_at = arena_strdup(c->arena, at);
}

static void proposal_validate(struct ctx *c, struct proposal *p, char **options, int count,
                              struct problems *pr)
{
    field_text(c, &p->title, pr, "title", _("Title"), 200, _("Enter a title for the proposal"));
    field_text(c, &p->body, pr, "body", _("Proposal"), 20000, NULL);
    if (!str_eq(p->process, "consent") && !str_eq(p->process, "vote") &&
        !str_eq(p->process, "score"))
        problems_invalid(pr, "process", _("Choose the process: consent, vote or score"));
    else if (str_eq(p->process, "consent"))
        p->option_count = 0;
    else
        options_check(c, p, options, count, pr);
    if (str_eq(p->process, "score")) {
        if (p->score_min < -PROPOSAL_SCORE_LIMIT || p->score_min > PROPOSAL_SCORE_LIMIT)
            problems_invalid(pr, "score_min",
                             _("The lowest score is a whole number from -100 to "
                               "100"));
        else if (p->score_max <= p->score_min || p->score_max > PROPOSAL_SCORE_LIMIT)
            problems_invalid(pr, "score_max",
                             _("The highest score is a whole number above the lowest, up to "
                               "100"));
    } else {
        p->score_min = p->score_max = 0;
    }
    closing_check(c, p, pr);
}

/* participants lists those who take part in the thread's proposals, into
 * keys (at most max). */
static int participants(struct ctx *c, const struct discussion *d, int64_t *keys, int max)
{
    int64_t people[PROPOSAL_PEOPLE_MAX];
    int n = store_platform_people(c, d->platform_key, people, PROPOSAL_PEOPLE_MAX), kept = 0;
    for (int i = 0; i < n && kept < max; i++)
        if (reads_thread(c, d, people[i]))
            keys[kept++] = people[i];
    return kept;
}

/* tell makes a notification of kind about p for each of the people. */
static enum status tell(struct ctx *c, const struct discussion *d, const struct proposal *p,
                        const char *kind, const int64_t *people, int count)
{
    enum status s = STATUS_OK;
    for (int i = 0; s == STATUS_OK && i < count; i++) {
        struct notification n = {.kind = (char *)kind,
                                 .actor_key = c->viewer->person_key,
                                 .discussion_key = d->key,
                                 .proposal_key = p->key};
        s = notification_notify(c, people[i], &n);
    }
    return s;
}

enum status proposal_open(struct ctx *c, const struct discussion *d, struct proposal *p,
                          char **options, int option_count, struct problems *pr)
{
    enum status s = rights_on_platform(c, d->platform_key, RIGHT_FACILITATE);
    if (s != STATUS_OK)
        return s;
    proposal_validate(c, p, options, option_count, pr);
    if (pr->count)
        return problems_status(pr);
    char now[32];
    clock_now_iso(now, sizeof now);
    if (store_proposal_open_count(c, d->key, now) > 0)
        return STATUS_CONFLICT;
    p->discussion_key = d->key;
    p->discussion_id = d->id;
    p->author_key = c->viewer->person_key;
    struct audit_draft a;
    discussion_audit_begin(&a, d);
    audit_text(&a, "proposal", NULL, p->title);
    audit_text(&a, "proposal_process", NULL, p->process);
    audit_text(&a, "proposal_closes_at", NULL, p->closes_at);
    int64_t people[PROPOSAL_PEOPLE_MAX];
    int count = participants(c, d, people, PROPOSAL_PEOPLE_MAX);
    s = store_begin(c);
    if (s == STATUS_OK)
        s = store_proposal_insert(c, p);
    if (s == STATUS_OK)
        s = tell(c, d, p, "proposal", people, count);
    /* A proposal closing within a day has had its reminder in the news of
     * its opening. */
    time_t closes;
    bool marked;
    if (s == STATUS_OK && clock_parse_iso(p->closes_at, &closes) == 0 &&
        closes - time(NULL) <= PROPOSAL_REMIND_SECONDS)
        s = store_proposal_reminded(c, p->key, now, &marked);
    if (s == STATUS_OK)
        s = audit_save(c, &a);
    return store_end(c, s);
}

/* scores_check validates the scores of an answer (one per option). */
static void scores_check(const struct proposal *p, const struct proposal_answer *a,
                         struct problems *pr)
{
    if (!a->scores) {
        problems_invalid(pr, "scores", _("Score every option"));
        return;
    }
    for (int i = 0; i < p->option_count; i++)
        if (a->scores[i] < p->score_min || a->scores[i] > p->score_max) {
            problems_invalid(pr, "scores", _("Give each option a score within the range"));
            return;
        }
}

enum status proposal_answer(struct ctx *c, const struct discussion *d, const struct proposal *p,
                            struct proposal_answer *a, struct problems *pr)
{
    if (!c->viewer->person_key)
        return c->viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED;
    if (!proposal_participant(c, d, c->viewer->person_key))
        return STATUS_FORBIDDEN;
    if (p->closed)
        return STATUS_CONFLICT;
    a->person_key = c->viewer->person_key;
    field_text(c, &a->reason, pr, "reason", _("Reason"), 2000, NULL);
    if (str_eq(p->process, "consent")) {
        if (!proposal_choice_valid(a->choice))
            problems_invalid(pr, "choice", _("Choose agree, abstain, disagree or block"));
        else if (str_eq(a->choice, "block") && !pr->count && !*a->reason)
            problems_invalid(pr, "reason", _("Say why you block: a block needs a reason"));
    } else if (str_eq(p->process, "vote")) {
        if (a->option < 0 || a->option >= p->option_count)
            problems_invalid(pr, "option", _("Choose one of the options"));
    } else {
        scores_check(p, a, pr);
    }
    if (pr->count)
        return problems_status(pr);
    struct audit_draft au;
    discussion_audit_begin(&au, d);
    const char *said = str_eq(p->process, "consent") ? a->choice
                       : str_eq(p->process, "vote")  ? p->options[a->option]
                                                     : _("scores");
    audit_text(&au, "proposal_answer", NULL, arena_printf(c->arena, "%s: %s", p->title, said));
    enum status s = store_begin(c);
    if (s == STATUS_OK)
        s = store_proposal_answer_save(c, p, a);
    if (s == STATUS_OK)
        s = audit_save(c, &au);
    return store_end(c, s);
}

enum status proposal_answers(struct ctx *c, const struct discussion *d, const struct proposal *p,
                             struct proposal_answer_list *out)
{
    if (!proposal_results_shown(p) && !c->viewer->person_key) {
        out->items = NULL;
        out->count = 0;
        return STATUS_OK;
    }
    return store_proposal_answers(c, d, p, proposal_results_shown(p) ? 0 : c->viewer->person_key,
                                  out);
}

enum status proposal_own_answer(struct ctx *c, const struct proposal *p,
                                struct proposal_answer **out)
{
    if (!c->viewer->person_key)
        return STATUS_NOT_FOUND;
    struct discussion none = {.key = p->discussion_key};
    struct proposal_answer_list list;
    enum status s = store_proposal_answers(c, &none, p, c->viewer->person_key, &list);
    if (s != STATUS_OK)
        return s;
    if (list.count == 0)
        return STATUS_NOT_FOUND;
    *out = &list.items[0];
    return STATUS_OK;
}

enum status proposal_waiting(struct ctx *c, const struct discussion *d, const struct proposal *p,
                             struct proposal_person_list *out)
{
    struct proposal_person_list members;
    enum status s = store_proposal_members(c, d->platform_key, d->unknown_author_key,
                                           PROPOSAL_PEOPLE_MAX, &members);
    if (s != STATUS_OK)
        return s;
    out->items = arena_array(c->arena, (size_t)members.count + 1, sizeof *out->items);
    out->count = 0;
    /* Members all: whether each may read the thread is what remains. */
    for (int i = 0; i < members.count; i++) {
        struct proposal_person *m = &members.items[i];
        if (!store_proposal_answered(c, p->key, m->key) && reads_thread(c, d, m->key))
            out->items[out->count++] = *m;
    }
    return STATUS_OK;
}

enum status proposal_close(struct ctx *c, const struct discussion *d, struct proposal *p)
{
    enum status s = rights_on_platform(c, d->platform_key, RIGHT_FACILITATE);
    if (s != STATUS_OK)
        return s;
    if (p->closed)
        return STATUS_CONFLICT;
    struct audit_draft a;
    discussion_audit_begin(&a, d);
    audit_text(&a, "proposal_closed", NULL, p->title);
    s = store_begin(c);
    if (s == STATUS_OK)
        s = store_proposal_close(c, p, c->viewer->person_key);
    if (s == STATUS_OK)
        s = audit_save(c, &a);
    if ((s = store_end(c, s)) == STATUS_OK)
        p->closed = true;
    return s;
}

/* record_event records the outcome as a decision of an event of the
 * thread's platform that the viewer may edit. */
static enum status record_event(struct ctx *c, const struct discussion *d, struct proposal *p,
                                const char *event_id, struct problems *pr)
{
    struct event *e;
    bool held = false;
    if (!str_empty(event_id) && event_find(c, event_id, &e) == STATUS_OK)
        for (int i = 0; i < e->platform_count; i++)
            held = held || e->platforms[i].key == d->platform_key;
    if (!held || !event_may_edit(c, e)) {
        problems_invalid(pr, "event",
                         _("Choose an event of this platform that you may record decisions in"));
        return STATUS_INVALID;
    }
    struct decision dc = {.text = p->outcome, .proposal_key = p->key};
    enum status s = event_decision_add(c, e, &dc, pr);
    if (s == STATUS_OK) {
        p->decision_id = dc.id;
        p->decision_event_id = e->id;
        p->decision_event_title = e->title;
    }
    return s;
}

enum status proposal_record(struct ctx *c, const struct discussion *d, struct proposal *p,
                            const char *outcome, const char *record, const char *event_id,
                            struct problems *pr)
{
    enum status s = rights_on_platform(c, d->platform_key, RIGHT_FACILITATE);
    if (s != STATUS_OK)
        return s;
    if (!p->closed || p->decision_id)
        return STATUS_CONFLICT;
    char *text = (char *)outcome;
    field_text(c, &text, pr, "outcome", _("Outcome"), 2000, _("Write the outcome statement"));
    if (str_empty(record))
        record = "none";
    if (!str_eq(record, "none") && !str_eq(record, "platform") && !str_eq(record, "event"))
        problems_invalid(pr, "record",
                         _("Choose how to record it: not as a decision, as a decision of the "
                           "platform, or of an event"));
    if (pr->count)
        return problems_status(pr);
    struct audit_draft a;
    discussion_audit_begin(&a, d);
    audit_text(&a, "proposal_outcome", p->outcome, text);
    s = store_begin(c);
    if (s == STATUS_OK)
        s = store_proposal_outcome(c, p, text);
    if (s == STATUS_OK && str_eq(record, "platform")) {
        s = store_proposal_decision_insert(c, d->platform_key, p, text, &p->decision_id);
        if (s == STATUS_OK)
            audit_text(&a, "decision", NULL, text);
    } else if (s == STATUS_OK && str_eq(record, "event")) {
        s = record_event(c, d, p, event_id, pr);
    }
    if (s == STATUS_OK)
        s = audit_save(c, &a);
    return store_end(c, s);
}

#define REMIND_BATCH 50

enum status proposal_remind(struct ctx *c, int *done)
{
    char now[32], until[32];
    clock_now_iso(now, sizeof now);
    clock_format_iso(time(NULL) + PROPOSAL_REMIND_SECONDS, until, sizeof until);
    int64_t keys[REMIND_BATCH], threads[REMIND_BATCH], platforms[REMIND_BATCH];
    int n = store_proposal_due(c, now, until, keys, threads, platforms, REMIND_BATCH);
    *done = n == REMIND_BATCH;
    for (int i = 0; i < n; i++) {
        /* The reminder comes from nobody in particular: the thread is read
         * as the operator, those told are those who take part. */
        struct discussion d = {.key = threads[i], .platform_key = platforms[i]};
        struct proposal p = {.key = keys[i]};
        int64_t people[PROPOSAL_PEOPLE_MAX], waiting[PROPOSAL_PEOPLE_MAX];
        int count = participants(c, &d, people, PROPOSAL_PEOPLE_MAX), w = 0;
        for (int k = 0; k < count; k++)
            if (!store_proposal_answered(c, p.key, people[k]))
                waiting[w++] = people[k];
        /* Marked first, only where no one marked it since: a second server
         * running the same round finds nothing to do. */
        bool mine = false;
        enum status s = store_begin(c);
        if (s == STATUS_OK)
            s = store_proposal_reminded(c, p.key, now, &mine);
        if (s == STATUS_OK && mine)
            s = tell(c, &d, &p, "proposal_closing", waiting, w);
        if ((s = store_end(c, s)) != STATUS_OK)
            return s;
    }
    return STATUS_OK;
}

int proposal_events(struct ctx *c, const struct discussion *d, char **ids, char **titles, int max)
{
    struct event_filter f = {.platform_key = d->platform_key};
    struct listing l;
    listing_default(&l);
    l.limit = 100;
    l.descending = true;
    struct event_list list;
    if (event_list(c, &f, &l, &list) != STATUS_OK)
        return 0;
    int n = 0;
    for (int i = 0; i < list.count && n < max; i++)
        if (event_may_edit(c, &list.items[i])) {
            ids[n] = list.items[i].id;
            titles[n] = list.items[i].title;
            n++;
        }
    return n;
}
