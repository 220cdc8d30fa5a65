/*
 * web/proposal.c — proposals as pages: the proposals section of a thread's
 * page (the open one on top with the answer form, who has not answered and
 * its results; the earlier ones listed), a proposal's own page, opening one,
 * answering (consent, vote or score), closing early after a confirmation, and
 * writing the outcome, recorded as a decision of the platform or an event.
 */
#include "domain/proposal.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/alliance.h"
#include "domain/event.h"
#include "web/form.h"
#include "web/html.h"
#include "web/page.h"
#include "web/web.h"

#include <stdio.h>
#include <string.h>

#define EVENTS_MAX 50

/* closing writes when a proposal closes, on the wall clock of its zone. */
static void closing(struct request *r, const struct proposal *p)
{
    const char *abbr = NULL;
    char wall[EVENT_LOCAL_LEN + 1];
    if (event_wall(event_zone(&r->ctx, p->time_zone), p->closed_at ? p->closed_at : p->closes_at,
                   wall, &abbr) != 0) {
        html_text(&r->out, p->closes_at);
        return;
    }
    page_date(r, wall);
    html_printf(&r->out, " %s %s", wall + 11, abbr ? abbr : p->time_zone);
}

/* person_name writes a person as a link where the reader may see them. */
static void person_name(struct request *r, const char *id, const char *name)
{
    if (id && name)
        html_printf(&r->out, "<a href=\"%s\">%s</a>", page_href(r, "/people/", id, ""), name);
    else
        html_text(&r->out, _("Someone"));
}

/* answer_text says what an answer was, in words. */
static const char *answer_text(struct request *r, const struct proposal *p,
                               const struct proposal_answer *a)
{
    if (str_eq(p->process, "consent"))
        return proposal_choice_label(a->choice);
    if (str_eq(p->process, "vote"))
        return a->option >= 0 && a->option < p->option_count ? p->options[a->option] : "";
    char *text = "";
    for (int i = 0; a->scores && i < p->option_count; i++)
        text =
            arena_printf(&r->arena, "%s%s%s: %d", text, i ? "; " : "", p->options[i], a->scores[i]);
    return text;
}

/* tenths writes a mean kept in tenths as "3.5". */
static const char *tenths(struct request *r, int n)
{
    return arena_printf(&r->arena, "%s%d.%d", n < 0 ? "-" : "", (n < 0 ? -n : n) / 10,
                        (n < 0 ? -n : n) % 10);
}

/* results_table writes the counts (or mean scores) of the answers. */
static void results_table(struct request *r, const struct proposal *p,
                          const struct proposal_answer_list *answers)
{
    struct buf *b = &r->out;
    struct proposal_tally t;
    proposal_tally(p, answers->items, answers->count, &t);
    bool consent = str_eq(p->process, "consent"), score = str_eq(p->process, "score");
    html_printf(b,
                "<table class=\"table\"><caption>%s</caption><thead><tr><th scope=\"col\">%s"
                "</th><th scope=\"col\" class=\"numeric\">%s</th><th scope=\"col\" "
                "class=\"numeric\">%s</th></tr></thead><tbody>",
                arena_printf(&r->arena, _("Results: %d answers"), t.answers),
                consent ? _("Answer") : _("Option"), score ? _("Mean score") : _("Answers"),
                score ? _("Scores") : _("Percent"));
    int rows = consent ? PROPOSAL_CHOICES : p->option_count;
    for (int i = 0; i < rows; i++) {
        html_printf(b, "<tr><td>%s</td>",
                    consent ? proposal_choice_label(proposal_choices[i]) : p->options[i]);
        if (score)
            html_printf(b, "<td class=\"numeric\">%s</td><td class=\"numeric\">%d</td></tr>",
                        t.counts[i] ? tenths(r, t.mean_tenths[i]) : "–", t.counts[i]);
        else
            html_printf(b, "<td class=\"numeric\">%d</td><td class=\"numeric\">%d %%</td></tr>",
                        t.counts[i], t.percents[i]);
    }
    html_raw(b, "</tbody></table>\n");
    if (score)
        html_printf(
            b, "<p class=\"hint\">%s</p>\n",
            arena_printf(&r->arena, _("Scores from %d to %d."), p->score_min, p->score_max));
}

/* answers_table writes who answered what. */
static void answers_table(struct request *r, const struct proposal *p,
                          const struct proposal_answer_list *answers)
{
    struct buf *b = &r->out;
    if (!answers->count)
        return;
    html_printf(b,
                "<table class=\"table\"><caption>%s</caption><thead><tr><th scope=\"col\">%s"
                "</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
                _("Who answered what"), _("Person"), _("Answer"), _("Reason"));
    for (int i = 0; i < answers->count; i++) {
        const struct proposal_answer *a = &answers->items[i];
        html_raw(b, "<tr><td>");
        person_name(r, a->person_id, a->person_name);
        html_printf(b, "</td><td>%s</td><td>%s</td></tr>", answer_text(r, p, a), a->reason);
    }
    html_raw(b, "</tbody></table>\n");
}

/* waiting_list writes who takes part and has not answered. */
static void waiting_list(struct request *r, const struct discussion *d, const struct proposal *p)
{
    struct buf *b = &r->out;
    struct proposal_person_list waiting;
    if (proposal_waiting(&r->ctx, d, p, &waiting) != STATUS_OK)
        return;
    if (!waiting.count) {
        html_printf(b, "<p>%s</p>\n", _("Everyone who takes part has answered."));
        return;
    }
    int unnamed = 0;
    html_printf(b, "<h3>%s</h3>\n<ul class=\"list\">",
                arena_printf(&r->arena,
                             p->closed ? _("Did not answer (%d)") : _("Not answered yet (%d)"),
                             waiting.count));
    for (int i = 0; i < waiting.count; i++) {
        if (!waiting.items[i].name) {
            unnamed++;
            continue;
        }
        html_raw(b, "<li>");
        person_name(r, waiting.items[i].id, waiting.items[i].name);
        html_raw(b, "</li>");
    }
    if (unnamed)
        html_printf(b, "<li>%s</li>",
                    arena_printf(&r->arena, _("%d more you may not see"), unnamed));
    html_raw(b, "</ul>\n");
}

/* answer_form writes the viewer's answer form, with what they answered or
 * typed. */
static void answer_form(struct request *r, const struct proposal *p,
                        const struct proposal_answer *a, const struct problems *pr)
{
    struct buf *b = &r->out;
    html_printf(b, "<h3 id=\"answer\">%s</h3>\n",
                a ? _("Your answer (you can change it until it closes)") : _("Your answer"));
    form_begin(r, page_href(r, "/proposals/", p->id, "/answer"), pr);
    if (str_eq(p->process, "consent")) {
        struct form_option choices[PROPOSAL_CHOICES];
        for (int i = 0; i < PROPOSAL_CHOICES; i++)
            choices[i] = (struct form_option){proposal_choices[i],
                                              proposal_choice_label(proposal_choices[i])};
        form_select(r, pr, "choice", _("Do you consent?"),
                    _("Block only when the proposal goes against the platform's principles."),
                    choices, PROPOSAL_CHOICES, a ? a->choice : NULL);
    } else if (str_eq(p->process, "vote")) {
        struct form_option options[PROPOSAL_OPTIONS_MAX];
        for (int i = 0; i < p->option_count; i++)
            options[i] = (struct form_option){arena_printf(&r->arena, "%d", i), p->options[i]};
        form_select(r, pr, "option", _("Your choice"), NULL, options, p->option_count,
                    a && a->option >= 0 ? arena_printf(&r->arena, "%d", a->option) : NULL);
    } else {
        const char *error = pr ? problems_for(pr, "scores") : NULL;
        html_printf(b,
                    "<div class=\"field%s\" id=\"f-scores\"><fieldset class=\"fieldset\">"
                    "<legend>%s</legend><p class=\"hint\">%s</p>",
                    error ? " field--error" : "", _("Your scores"),
                    arena_printf(&r->arena, _("A whole number from %d to %d for each option."),
                                 p->score_min, p->score_max));
        if (error)
            html_printf(b, "<p class=\"field-error\">%s</p>", error);
        for (int i = 0; i < p->option_count; i++) {
            const char *name = arena_printf(&r->arena, "score_%d", i);
            html_printf(b, "<label class=\"label\" for=\"f-%s\">%s</label>", name, p->options[i]);
            html_printf(b,
                        "<input class=\"input input--short\" id=\"f-%s\" name=\"%s\" "
                        "type=\"number\" min=\"%d\" max=\"%d\" value=\"%s\">",
                        name, name, p->score_min, p->score_max,
                        a && a->scores ? arena_printf(&r->arena, "%d", a->scores[i]) : "");
        }
        html_raw(b, "</fieldset></div>\n");
    }
    form_textarea(r, pr, "reason", _("Reason"),
                  str_eq(p->process, "consent") ? _("Needed when you block; optional otherwise.")
                                                : _("Optional."),
                  a ? a->reason : NULL, 3);
    form_end(r, a ? _("Change your answer") : _("Save your answer"), NULL, false);
}

/* outcome_block writes the outcome statement and the decision recording it. */
static void outcome_block(struct request *r, const struct discussion *d, const struct proposal *p)
{
    struct buf *b = &r->out;
    if (*p->outcome) {
        html_printf(b, "<h3>%s</h3>\n<div class=\"prose\">", _("Outcome"));
        html_markdown(b, p->outcome);
        html_raw(b, "</div>\n");
    }
    if (p->decision_id && p->decision_event_id)
        html_printf(b, "<p>%s <a href=\"%s\">%s</a></p>\n",
                    _("Recorded as a decision of the event"),
                    page_href(r, "/events/", p->decision_event_id, ""), p->decision_event_title);
    else if (p->decision_id)
        html_printf(b, "<p>%s <a href=\"%s\">%s</a></p>\n",
                    _("Recorded as a decision of the platform"),
                    page_href(r, "/platforms/", d->platform_id, ""), d->platform_name);
    if (p->closed && !p->decision_id && proposal_may_facilitate(&r->ctx, d))
        html_printf(b, "<p><a class=\"button\" href=\"%s\">%s</a></p>\n",
                    page_href(r, "/proposals/", p->id, "/outcome"),
                    *p->outcome ? _("Record the outcome as a decision") : _("Write the outcome"));
}

/* proposal_block writes a proposal: its facts and text, the viewer's
 * answer form (open, and they take part), the results when shown, who has
 * not answered, the outcome, and the facilitator's actions. typed and pr
 * are an answer that was not saved and its problems. */
static void proposal_block(struct request *r, const struct discussion *d, const struct proposal *p,
                           const struct proposal_answer *typed, const struct problems *pr,
                           int heading)
{
    struct buf *b = &r->out;
    if (!p->closed)
        request_keep_not(r);
    if (heading)
        html_printf(b, "<h%d>%s</h%d>\n", heading, p->title, heading);
    html_raw(b, "<ul class=\"tags\"><li>");
    page_tag(r, "blue", proposal_process_label(p->process));
    html_raw(b, "</li><li>");
    page_tag(r, p->closed ? "grey" : "green", p->closed ? _("Closed") : _("Open"));
    html_raw(b, "</li></ul>\n<p class=\"small\">");
    html_text(b, p->closed ? _("Closed") : _("Closes"));
    html_raw(b, " ");
    closing(r, p);
    if (p->author_name) {
        html_printf(b, " · %s ", _("opened by"));
        person_name(r, p->author_id, p->author_name);
    }
    html_raw(b, "</p>\n");
    if (*p->body) {
        html_raw(b, "<div class=\"prose\">");
        html_markdown(b, p->body);
        html_raw(b, "</div>\n");
    }
    struct proposal_answer *own = NULL;
    proposal_own_answer(&r->ctx, p, &own);
    if (!p->closed && proposal_participant(&r->ctx, d, r->ctx.viewer->person_key))
        answer_form(r, p, typed ? typed : own, pr);
    else if (own)
        html_printf(b, "<p>%s %s</p>\n", _("You answered:"), answer_text(r, p, own));
    else if (!p->closed && !r->ctx.viewer->account_key)
        html_printf(b, "<p><a href=\"%s\">%s</a></p>\n",
                    page_href(r, "/sign-in?next=/proposals/", p->id, ""), _("Sign in to answer"));
    struct proposal_answer_list answers;
    if (proposal_results_shown(p) && proposal_answers(&r->ctx, d, p, &answers) == STATUS_OK) {
        results_table(r, p, &answers);
        answers_table(r, p, &answers);
    } else {
        html_printf(b, "<p>%s</p>\n",
                    arena_printf(&r->arena,
                                 _("%lld answers so far. Results are shown when it "
                                   "closes."),
                                 (long long)p->answer_count));
    }
    waiting_list(r, d, p);
    if (!p->closed && proposal_may_facilitate(&r->ctx, d))
        html_printf(b, "<p><a href=\"%s\">%s</a></p>\n",
                    page_href(r, "/proposals/", p->id, "/close"), _("Close the proposal now"));
    outcome_block(r, d, p);
}

void proposal_section(struct request *r, const struct discussion *d)
{
    struct buf *b = &r->out;
    struct proposal_list list;
    if (proposal_list(&r->ctx, d, &list) != STATUS_OK)
        return;
    bool facilitator = proposal_may_facilitate(&r->ctx, d);
    if (!list.count && !facilitator)
        return;
    html_printf(b,
                "<section class=\"proposals\" aria-labelledby=\"proposals\"><h2 "
                "id=\"proposals\">%s</h2>\n",
                _("Proposals"));
    int open = -1;
    for (int i = 0; i < list.count && open < 0; i++)
        if (!list.items[i].closed)
            open = i;
    if (open >= 0) {
        html_printf(b, "<h3><a href=\"%s\">%s</a></h3>\n",
                    page_href(r, "/proposals/", list.items[open].id, ""), list.items[open].title);
        proposal_block(r, d, &list.items[open], NULL, NULL, 0);
    } else if (facilitator) {
        page_empty(r,
                   _("No proposal is open. Put a question to the platform when the "
                     "discussion is ready for a decision."),
                   page_href(r, "/discussions/", d->id, "/proposals/new"), _("Open a proposal"));
    }
    if (list.count > (open >= 0 ? 1 : 0)) {
        html_printf(b, "<h3>%s</h3>\n<ul class=\"list\">", _("Earlier proposals"));
        for (int i = 0; i < list.count; i++) {
            if (i == open)
                continue;
            html_printf(b, "<li><a href=\"%s\">%s</a> · %s · ",
                        page_href(r, "/proposals/", list.items[i].id, ""), list.items[i].title,
                        proposal_process_label(list.items[i].process));
            closing(r, &list.items[i]);
            html_raw(b, "</li>");
        }
        html_raw(b, "</ul>\n");
    }
    html_raw(b, "</section>\n");
}

/* proposal_load loads the proposal of the address with its thread, or
 * answers. */
static struct proposal *proposal_load(struct request *r, struct discussion **d)
{
    struct proposal *p;
    return page_allowed(r, proposal_find(&r->ctx, request_capture(r, 0), &p, d)) ? p : NULL;
}

static void proposal_render(struct request *r, const struct discussion *d, const struct proposal *p,
                            const struct proposal_answer *typed, const struct problems *pr)
{
    struct page page = {.title = p->title, .context = d->alliance_name};
    discussion_crumbs(r, &page, d, false);
    page_crumb(&page, _("Proposal"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<p class=\"caption\">%s</p><h1>%s</h1>\n",
                arena_printf(&r->arena, _("Proposal in “%s”"), d->title), p->title);
    proposal_block(r, d, p, typed, pr, 0);
    html_printf(&r->out, "<p><a href=\"%s\">%s</a></p>\n", page_href(r, "/discussions/", d->id, ""),
                _("Back to the discussion"));
    page_end(r, pr && pr->count ? status_http(problems_status(pr)) : 200);
}

void proposal_page(struct request *r)
{
    struct discussion *d;
    struct proposal *p = proposal_load(r, &d);
    if (p)
        proposal_render(r, d, p, NULL, NULL);
}

/* answer_read reads an answer from the form; a score that is not a whole
 * number is a problem of "scores". */
static void answer_read(struct request *r, const struct proposal *p, struct proposal_answer *a,
                        struct problems *pr)
{
    memset(a, 0, sizeof *a);
    a->choice = (char *)request_form(r, "choice");
    a->reason = (char *)request_form(r, "reason");
    a->option = -1;
    int64_t n;
    const char *option = request_form(r, "option");
    if (option && str_parse_int64(option, 0, PROPOSAL_OPTIONS_MAX - 1, &n) == 0)
        a->option = (int)n;
    if (!str_eq(p->process, "score"))
        return;
    a->scores = arena_array(&r->arena, PROPOSAL_OPTIONS_MAX, sizeof(int));
    for (int i = 0; i < p->option_count; i++) {
        const char *v = request_form(r, arena_printf(&r->arena, "score_%d", i));
        if (!v || str_parse_int64(v, -PROPOSAL_SCORE_LIMIT, PROPOSAL_SCORE_LIMIT, &n) != 0) {
            problems_invalid(pr, "scores", _("Give each option a whole number as its score"));
            return;
        }
        a->scores[i] = (int)n;
    }
}

void proposal_answer_post(struct request *r)
{
    struct discussion *d;
    struct proposal *p = proposal_load(r, &d);
    if (!p)
        return;
    struct problems pr = {0};
    struct proposal_answer a;
    answer_read(r, p, &a, &pr);
    enum status s = pr.count ? problems_status(&pr) : proposal_answer(&r->ctx, d, p, &a, &pr);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/proposals/", p->id, "#answer"));
    else if (pr.count)
        proposal_render(r, d, p, &a, &pr);
    else if (s == STATUS_CONFLICT)
        page_error(r, 409, _("This proposal is closed: answers can no longer be changed."));
    else
        page_fail(r, s);
}

/* Opening a proposal. */

struct opening {
    struct proposal p;
    char *options_text;
    char *score_min;
    char *score_max;
    char *results_open;
};

static void open_form(struct request *r, const struct discussion *d, const struct opening *o,
                      const struct problems *pr)
{
    struct page page = {.title = _("Open a proposal"), .context = d->alliance_name};
    discussion_crumbs(r, &page, d, false);
    page_crumb(&page, _("Open a proposal"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n<p>%s</p>\n", _("Open a proposal"),
                arena_printf(&r->arena,
                             _("In the discussion of “%s”. Everyone who may read it and is a "
                               "member of %s is told and may answer."),
                             d->title, d->platform_name));
    form_begin(r, page_href(r, "/discussions/", d->id, "/proposals/new"), pr);
    form_input(r, pr, "title", _("Title"), _("The question, such as Adopt the borehole guideline."),
               o->p.title, "text", false);
    form_textarea(r, pr, "body", _("Proposal"),
                  _("What is proposed, and why. You can use Markdown."), o->p.body, 6);
    static const struct form_option processes[] = {
        {"consent", "Consent: agree, abstain, disagree or block"},
        {"vote", "Vote: choose one option"},
        {"score", "Score: score each option"},
    };
    struct form_option shown[3];
    for (int i = 0; i < 3; i++)
        shown[i] = (struct form_option){processes[i].value, _(processes[i].label)};
    form_select(r, pr, "process", _("Process"), NULL, shown, 3, o->p.process);
    form_textarea(r, pr, "options", _("Options"),
                  _("For a vote or a score: one option a line, 2 to 20."), o->options_text, 4);
    form_input(r, pr, "score_min", _("Lowest score"), _("For a score, such as 0."), o->score_min,
               "number", true);
    form_input(r, pr, "score_max", _("Highest score"), _("For a score, such as 5."), o->score_max,
               "number", true);
    form_input(r, pr, "closes_at", _("Closes"), _("Date and time, such as 2026-03-12T17:00."),
               o->p.closes_local, "datetime-local", true);
    form_input(r, pr, "time_zone", _("Time zone"), _("Such as Africa/Accra."), o->p.time_zone,
               "text", true);
    static const struct form_option when[] = {{"no", "No: when it closes"},
                                              {"yes", "Yes: while it is open"}};
    struct form_option when_shown[2] = {{when[0].value, _(when[0].label)},
                                        {when[1].value, _(when[1].label)}};
    form_select(r, pr, "results_open", _("Show the results"), NULL, when_shown, 2, o->results_open);
    form_end(r, _("Open the proposal"), page_href(r, "/discussions/", d->id, ""), false);
    page_end(r, pr && pr->count ? status_http(problems_status(pr)) : 200);
}

/* thread_for_proposals loads the thread of the address for a facilitator,
 * or answers. */
static struct discussion *thread_for_proposals(struct request *r)
{
    struct discussion *d;
    if (!page_allowed(r, discussion_find(&r->ctx, request_capture(r, 0), &d)))
        return NULL;
    if (!proposal_may_facilitate(&r->ctx, d)) {
        page_fail(r, r->ctx.viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED);
        return NULL;
    }
    return d;
}

void proposal_new_page(struct request *r)
{
    struct discussion *d = thread_for_proposals(r);
    if (!d)
        return;
    struct opening o = {.p = {.process = "consent"}, .score_min = "0", .score_max = "5"};
    struct alliance *a;
    if (alliance_find(&r->ctx, d->alliance_slug, &a) == STATUS_OK)
        o.p.time_zone = a->time_zone;
    open_form(r, d, &o, NULL);
}

/* lines splits text into its lines (at most max), into out. */
static int lines(struct request *r, const char *text, char **out, int max)
{
    int n = 0;
    const char *q = text ? text : "";
    while (*q && n < max) {
        const char *end = strchr(q, '\n');
        size_t len = end ? (size_t)(end - q) : strlen(q);
        out[n++] = arena_strndup(&r->arena, q, len);
        q += len + (end ? 1 : 0);
    }
    return *q ? max + 1 : n;
}

void proposal_create_post(struct request *r)
{
    struct discussion *d = thread_for_proposals(r);
    if (!d)
        return;
    struct opening o = {.p = {.title = (char *)request_form(r, "title"),
                              .body = (char *)request_form(r, "body"),
                              .process = (char *)request_form(r, "process"),
                              .closes_local = (char *)request_form(r, "closes_at"),
                              .time_zone = (char *)request_form(r, "time_zone")},
                        .options_text = (char *)request_form(r, "options"),
                        .score_min = (char *)request_form(r, "score_min"),
                        .score_max = (char *)request_form(r, "score_max"),
                        .results_open = (char *)request_form(r, "results_open")};
    struct problems pr = {0};
    int64_t n = 0;
    if (str_eq(o.p.process, "score")) {
        if (str_parse_int64(o.score_min, -PROPOSAL_SCORE_LIMIT, PROPOSAL_SCORE_LIMIT, &n) != 0)
            problems_invalid(&pr, "score_min", _("Enter the lowest score as a whole number"));
        o.p.score_min = (int)n;
        if (str_parse_int64(o.score_max, -PROPOSAL_SCORE_LIMIT, PROPOSAL_SCORE_LIMIT, &n) != 0)
            problems_invalid(&pr, "score_max", _("Enter the highest score as a whole number"));
        o.p.score_max = (int)n;
    }
    if (!str_empty(o.results_open) && !str_eq(o.results_open, "yes") &&
        !str_eq(o.results_open, "no"))
        problems_invalid(&pr, "results_open", _("Choose yes or no"));
    o.p.results_open = str_eq(o.results_open, "yes");
    char *options[PROPOSAL_OPTIONS_MAX * 2];
    int count = lines(r, o.options_text, options, PROPOSAL_OPTIONS_MAX * 2);
    if (count > PROPOSAL_OPTIONS_MAX * 2) {
        problems_invalid(&pr, "options", _("Give at most 20 options"));
        count = 0;
    }
    enum status s =
        pr.count ? problems_status(&pr) : proposal_open(&r->ctx, d, &o.p, options, count, &pr);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/proposals/", o.p.id, ""));
    else if (pr.count)
        open_form(r, d, &o, &pr);
    else if (s == STATUS_CONFLICT)
        page_error(r, 409, _("This discussion has an open proposal: close it first."));
    else
        page_fail(r, s);
}

/* Closing early. */

void proposal_close_page(struct request *r)
{
    struct discussion *d;
    struct proposal *p = proposal_load(r, &d);
    if (!p)
        return;
    if (!proposal_may_facilitate(&r->ctx, d)) {
        page_fail(r, r->ctx.viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED);
        return;
    }
    if (p->closed) {
        page_error(r, 409, _("This proposal is closed already."));
        return;
    }
    struct page page = {.title = _("Close the proposal"), .context = d->alliance_name};
    discussion_crumbs(r, &page, d, false);
    page_crumb(&page, _("Close the proposal"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n<p>%s</p>\n", _("Close the proposal now?"),
                arena_printf(&r->arena,
                             _("“%s” stops taking answers now instead of at its closing time, "
                               "and its results are shown. This cannot be undone."),
                             p->title));
    form_begin(r, page_href(r, "/proposals/", p->id, "/close"), NULL);
    form_end(r, _("Close the proposal"), page_href(r, "/proposals/", p->id, ""), true);
    page_end(r, 200);
}

void proposal_close_post(struct request *r)
{
    struct discussion *d;
    struct proposal *p = proposal_load(r, &d);
    if (!p)
        return;
    enum status s = proposal_close(&r->ctx, d, p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/proposals/", p->id, ""));
    else if (s == STATUS_CONFLICT)
        page_error(r, 409, _("This proposal is closed already."));
    else
        page_fail(r, s);
}

/* The outcome. */

static void outcome_form(struct request *r, const struct discussion *d, const struct proposal *p,
                         const char *outcome, const char *record, const char *event_id,
                         const struct problems *pr)
{
    struct page page = {.title = _("Outcome of the proposal"), .context = d->alliance_name};
    discussion_crumbs(r, &page, d, false);
    page_crumb(&page, _("Outcome"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n<p>%s</p>\n", _("Outcome of the proposal"), p->title);
    form_begin(r, page_href(r, "/proposals/", p->id, "/outcome"), pr);
    form_textarea(r, pr, "outcome", _("Outcome statement"),
                  _("What the platform decided, in the words the minutes should keep."),
                  outcome ? outcome : p->outcome, 5);
    struct form_option records[3] = {
        {"none", _("Do not record it as a decision")},
        {"platform", arena_printf(&r->arena, _("A decision of %s"), d->platform_name)},
        {"event", _("A decision of the event chosen below")},
    };
    form_select(r, pr, "record", _("Record it"), NULL, records, 3, record ? record : "platform");
    char *ids[EVENTS_MAX], *titles[EVENTS_MAX];
    int n = proposal_events(&r->ctx, d, ids, titles, EVENTS_MAX);
    struct form_option events[EVENTS_MAX + 1];
    events[0] = (struct form_option){"", _("No event")};
    for (int i = 0; i < n; i++)
        events[i + 1] = (struct form_option){ids[i], titles[i]};
    form_select(r, pr, "event", _("Event"),
                _("An event of the platform whose decisions you may record."), events, n + 1,
                event_id);
    form_end(r, _("Save the outcome"), page_href(r, "/proposals/", p->id, ""), false);
    page_end(r, pr && pr->count ? status_http(problems_status(pr)) : 200);
}

/* proposal_for_outcome loads a closed proposal for a facilitator, or
 * answers. */
static struct proposal *proposal_for_outcome(struct request *r, struct discussion **d)
{
    struct proposal *p = proposal_load(r, d);
    if (!p)
        return NULL;
    if (!proposal_may_facilitate(&r->ctx, *d)) {
        page_fail(r, r->ctx.viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED);
        return NULL;
    }
    if (!p->closed || p->decision_id) {
        page_error(r, 409,
                   p->decision_id ? _("The outcome of this proposal is recorded already.")
                                  : _("The outcome is written once the proposal is closed."));
        return NULL;
    }
    return p;
}

void proposal_outcome_page(struct request *r)
{
    struct discussion *d;
    struct proposal *p = proposal_for_outcome(r, &d);
    if (p)
        outcome_form(r, d, p, NULL, NULL, NULL, NULL);
}

void proposal_outcome_post(struct request *r)
{
    struct discussion *d;
    struct proposal *p = proposal_for_outcome(r, &d);
    if (!p)
        return;
    const char *outcome = request_form(r, "outcome"), *record = request_form(r, "record"),
               *event_id = request_form(r, "event");
    struct problems pr = {0};
    enum status s = proposal_record(&r->ctx, d, p, outcome, record, event_id, &pr);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/proposals/", p->id, ""));
    else if (pr.count)
        outcome_form(r, d, p, outcome, record, event_id, &pr);
    else
        page_fail(r, s);
}
