/*
 * api/proposal.c — /api/v1/discussions/{id}/proposals (list, open) and
 * /api/v1/proposals (read with results and who has not answered, close,
 * record the outcome, answer).
 */
#include "domain/proposal.h"

#include "api/api.h"
#include "api/json.h"
#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"

#include <string.h>

/* answer_json: one answer, with choice, option and scores, each null where
 * the process has none. */
static json_t *answer_json(const struct proposal *p, const struct proposal_answer *a)
{
    json_t *scores = json_null();
    if (str_eq(p->process, "score")) {
        scores = json_array();
        for (int i = 0; a->scores && i < p->option_count; i++)
            json_array_append_new(scores, json_integer(a->scores[i]));
    }
    return json_pack("{s:o, s:o, s:o, s:o, s:o, s:s, s:s}", "person",
                     api_text_or_null(a->person_id), "person_name",
                     api_text_or_null(a->person_name), "choice",
                     str_eq(p->process, "consent") ? api_text_or_null(a->choice) : json_null(),
                     "option", str_eq(p->process, "vote") ? json_integer(a->option) : json_null(),
                     "scores", scores, "reason", a->reason, "updated_at", a->updated_at);
}

/* results_json: the tally of the answers, one row by choice (consent) or by
 * option, each with the same fields (null where the process has none). */
static json_t *results_json(const struct proposal *p, const struct proposal_answer_list *answers)
{
    struct proposal_tally t;
    proposal_tally(p, answers->items, answers->count, &t);
    bool consent = str_eq(p->process, "consent"), score = str_eq(p->process, "score");
    json_t *rows = json_array();
    int n = consent ? PROPOSAL_CHOICES : p->option_count;
    for (int i = 0; i < n; i++)
        json_array_append_new(
            rows,
            json_pack("{s:o, s:o, s:s, s:i, s:o, s:o}", "choice",
                      consent ? json_string(proposal_choices[i]) : json_null(), "option",
                      consent ? json_null() : json_integer(i), "label",
                      consent ? proposal_choices[i] : p->options[i], "count", t.counts[i],
                      "percent", score ? json_null() : json_integer(t.percents[i]), "mean",
                      score && t.counts[i] ? json_real(t.mean_tenths[i] / 10.0) : json_null()));
    return json_pack("{s:i, s:o}", "answers", t.answers, "rows", rows);
}

static json_t *proposal_json(struct request *r, const struct discussion *d,
                             const struct proposal *p, bool full)
{
    json_t *options = json_array();
    for (int i = 0; i < p->option_count; i++)
        json_array_append_new(options, json_string(p->options[i]));
    json_t *doc = json_pack(
        "{s:s, s:s, s:s, s:s, s:s, s:o, s:s, s:s, s:b, s:b, s:o, s:o, s:s, s:I, s:s, s:s}", "id",
        p->id, "discussion", d->id, "title", p->title, "body", p->body, "process", p->process,
        "options", options, "closes_at", p->closes_at, "time_zone", p->time_zone, "results_open",
        p->results_open, "closed", p->closed, "closed_at", api_text_or_null(p->closed_at), "author",
        api_text_or_null(p->author_id), "outcome", p->outcome, "answer_count",
        (json_int_t)p->answer_count, "created_at", p->created_at, "updated_at", p->updated_at);
    bool score = str_eq(p->process, "score");
    json_object_set_new(doc, "score_min", score ? json_integer(p->score_min) : json_null());
    json_object_set_new(doc, "score_max", score ? json_integer(p->score_max) : json_null());
    json_object_set_new(doc, "decision",
                        p->decision_id ? json_pack("{s:s, s:o}", "id", p->decision_id, "event",
                                                   api_text_or_null(p->decision_event_id))
                                       : json_null());
    if (!full)
        return doc;
    struct proposal_answer_list answers = {0};
    bool shown = proposal_results_shown(p);
    if (proposal_answers(&r->ctx, d, p, &answers) != STATUS_OK)
        answers.count = 0;
    json_t *list = json_array();
    for (int i = 0; i < answers.count; i++)
        json_array_append_new(list, answer_json(p, &answers.items[i]));
    /* Before the results are shown, the list holds the viewer's own answer. */
    json_object_set_new(doc, "answers", list);
    json_object_set_new(doc, "results", shown ? results_json(p, &answers) : json_null());
    struct proposal_person_list waiting = {0};
    json_t *people = json_array();
    if (proposal_waiting(&r->ctx, d, p, &waiting) == STATUS_OK)
        for (int i = 0; i < waiting.count; i++)
            json_array_append_new(people, json_pack("{s:o, s:o}", "person",
                                                    api_text_or_null(waiting.items[i].id), "name",
                                                    api_text_or_null(waiting.items[i].name)));
    json_object_set_new(doc, "waiting", people);
    json_object_set_new(
        doc, "may_answer",
        json_boolean(!p->closed && proposal_participant(&r->ctx, d, r->ctx.viewer->person_key)));
    return doc;
}

static struct discussion *thread_load(struct request *r)
{
    struct discussion *d = NULL;
    return api_done(r, discussion_find(&r->ctx, request_capture(r, 0), &d), NULL) ? d : NULL;
}

static struct proposal *proposal_load(struct request *r, struct discussion **d)
{
    struct proposal *p = NULL;
    return api_done(r, proposal_find(&r->ctx, request_capture(r, 0), &p, d), NULL) ? p : NULL;
}

/* answer_with sends a proposal as read again after a write. */
static void answer_with(struct request *r, const char *id, int status)
{
    struct proposal *p;
    struct discussion *d;
    if (!api_done(r, proposal_find(&r->ctx, id, &p, &d), NULL))
        return;
    if (!p->closed)
        request_keep_not(r);
    if (status == 201)
        api_created(r, "/api/v1/proposals/", p->id, proposal_json(r, d, p, true));
    else
        api_send(r, status, proposal_json(r, d, p, true));
}

void api_proposal_list(struct request *r)
{
    struct discussion *d = thread_load(r);
    if (!d)
        return;
    struct proposal_list list;
    if (!api_done(r, proposal_list(&r->ctx, d, &list), NULL))
        return;
    json_t *items = json_array();
    for (int i = 0; i < list.count; i++) {
        if (!list.items[i].closed)
            request_keep_not(r);
        json_array_append_new(items, proposal_json(r, d, &list.items[i], false));
    }
    api_send(r, 200, json_pack("{s:o, s:I}", "items", items, "total", (json_int_t)list.count));
}

/* strings_read turns an array of strings into out (at most max); answers
 * 400 naming field and returns -1 otherwise. */
static int strings_read(struct request *r, json_t *array, const char *field, char **out, int max)
{
    if (!json_is_array(array) || (int)json_array_size(array) > max) {
        api_error(
            r, 400,
            arena_printf(&r->arena, _("%s must be an array of at most %d strings"), field, max),
            field);
        return -1;
    }
    for (size_t i = 0; i < json_array_size(array); i++) {
        json_t *s = json_array_get(array, i);
        if (!json_is_string(s)) {
            api_error(r, 400, arena_printf(&r->arena, _("%s must be an array of strings"), field),
                      field);
            return -1;
        }
        out[i] = arena_strdup(&r->arena, json_string_value(s));
    }
    return (int)json_array_size(array);
}

void api_proposal_create(struct request *r)
{
    struct discussion *d = thread_load(r);
    if (!d)
        return;
    struct proposal p = {0};
    int64_t score_min = 0, score_max = 0;
    json_t *options = NULL, *results_open = NULL;
    struct api_field fields[] = {
        {"title", API_STRING, &p.title, NULL},
        {"body", API_STRING, &p.body, NULL},
        {"process", API_STRING, &p.process, NULL},
        {"options", API_ANY, &options, NULL},
        {"score_min", API_INT, &score_min, NULL},
        {"score_max", API_INT, &score_max, NULL},
        {"closes_at", API_STRING, &p.closes_local, NULL},
        {"time_zone", API_STRING, &p.time_zone, NULL},
        {"results_open", API_ANY, &results_open, NULL},
    };
    json_t *doc = api_body(r, fields, 9);
    if (!doc)
        return;
    /* The labels are the arena's copies; results_open is read before the
     * body goes. */
    char *labels[PROPOSAL_OPTIONS_MAX];
    int count = options ? strings_read(r, options, "options", labels, PROPOSAL_OPTIONS_MAX) : 0;
    bool bad_results_open = results_open && !json_is_boolean(results_open);
    p.results_open = results_open && json_is_true(results_open);
    json_decref(doc);
    if (count < 0)
        return;
    if (bad_results_open) {
        api_error(r, 400, _("results_open must be true or false"), "results_open");
        return;
    }
    if (score_min < -PROPOSAL_SCORE_LIMIT || score_min > PROPOSAL_SCORE_LIMIT ||
        score_max < -PROPOSAL_SCORE_LIMIT || score_max > PROPOSAL_SCORE_LIMIT) {
        api_error(r, 400, _("Scores are whole numbers from -100 to 100"),
                  score_min < -PROPOSAL_SCORE_LIMIT || score_min > PROPOSAL_SCORE_LIMIT
                      ? "score_min"
                      : "score_max");
        return;
    }
    p.score_min = (int)score_min;
    p.score_max = (int)score_max;
    struct problems pr = {0};
    enum status s = proposal_open(&r->ctx, d, &p, labels, count, &pr);
    if (s == STATUS_CONFLICT) {
        api_error(r, 409, _("This discussion has an open proposal: close it first"), NULL);
        return;
    }
    if (api_done(r, s, &pr))
        answer_with(r, p.id, 201);
}

void api_proposal_get(struct request *r)
{
    struct discussion *d;
    struct proposal *p = proposal_load(r, &d);
    if (!p)
        return;
    if (!p->closed)
        request_keep_not(r);
    api_send(r, 200, proposal_json(r, d, p, true));
}

void api_proposal_update(struct request *r)
{
    struct discussion *d;
    struct proposal *p = proposal_load(r, &d);
    if (!p)
        return;
    json_t *closed = NULL;
    char *outcome = NULL, *record = NULL, *event = NULL;
    struct api_field fields[] = {
        {"closed", API_ANY, &closed, NULL},
        {"outcome", API_STRING, &outcome, NULL},
        {"record", API_STRING, &record, NULL},
        {"event", API_STRING_OR_NULL, &event, NULL},
    };
    json_t *doc = api_body(r, fields, 4);
    if (!doc)
        return;
    bool has_closed = closed != NULL, closed_true = json_is_true(closed);
    json_decref(doc);
    if (has_closed == (outcome != NULL)) {
        api_error(r, 400,
                  _("Give closed (true: close the proposal now) or outcome (the statement of a "
                    "closed proposal)"),
                  "closed");
        return;
    }
    struct problems pr = {0};
    enum status s;
    if (has_closed) {
        if (!closed_true) {
            api_error(r, 400, _("closed must be true: a closed proposal does not open again"),
                      "closed");
            return;
        }
        s = proposal_close(&r->ctx, d, p);
        if (s == STATUS_CONFLICT) {
            api_error(r, 409, _("This proposal is closed already"), "closed");
            return;
        }
    } else {
        s = proposal_record(&r->ctx, d, p, outcome, record, event, &pr);
        if (s == STATUS_CONFLICT) {
            api_error(r, 409,
                      p->closed ? _("The outcome of this proposal is recorded already")
                                : _("The outcome is written once the proposal is closed"),
                      "outcome");
            return;
        }
    }
    if (api_done(r, s, &pr))
        answer_with(r, p->id, 200);
}

/* scores_read reads an answer's scores (one whole number per option, within
 * the limits) into a; answers 400 naming scores and returns -1 otherwise. */
static int scores_read(struct request *r, const struct proposal *p, json_t *scores,
                       struct proposal_answer *a)
{
    if (!json_is_array(scores) || (int)json_array_size(scores) != p->option_count) {
        api_error(r, 400,
                  arena_printf(&r->arena, _("scores must be an array of %d whole numbers"),
                               p->option_count),
                  "scores");
        return -1;
    }
    a->scores = arena_array(&r->arena, PROPOSAL_OPTIONS_MAX, sizeof(int));
    for (int i = 0; i < p->option_count; i++) {
        json_t *v = json_array_get(scores, (size_t)i);
        json_int_t n = json_is_integer(v) ? json_integer_value(v) : INT32_MAX;
        if (n < -PROPOSAL_SCORE_LIMIT || n > PROPOSAL_SCORE_LIMIT) {
            api_error(r, 400, _("Give each option a score within the range"), "scores");
            return -1;
        }
        a->scores[i] = (int)n;
    }
    return 0;
}

void api_proposal_answer(struct request *r)
{
    struct discussion *d;
    struct proposal *p = proposal_load(r, &d);
    if (!p)
        return;
    struct proposal_answer a = {.option = -1};
    int64_t option = -1;
    bool has_option = false;
    json_t *scores = NULL;
    struct api_field fields[] = {
        {"choice", API_STRING, &a.choice, NULL},
        {"reason", API_STRING, &a.reason, NULL},
        {"option", API_INT, &option, &has_option},
        {"scores", API_ANY, &scores, NULL},
    };
    json_t *doc = api_body(r, fields, 4);
    if (!doc)
        return;
    if (has_option)
        a.option =
            option >= 0 && option < PROPOSAL_OPTIONS_MAX ? (int)option : PROPOSAL_OPTIONS_MAX;
    int read = scores ? scores_read(r, p, scores, &a) : 0;
    json_decref(doc);
    if (read != 0)
        return;
    struct proposal_answer *before;
    bool first = proposal_own_answer(&r->ctx, p, &before) != STATUS_OK;
    struct problems pr = {0};
    enum status s = proposal_answer(&r->ctx, d, p, &a, &pr);
    if (s == STATUS_CONFLICT) {
        api_error(r, 409, _("This proposal is closed: answers can no longer be changed"), NULL);
        return;
    }
    if (s == STATUS_FORBIDDEN && r->ctx.viewer->person_key) {
        api_error(r, 403,
                  _("Only members of the discussion's platform who may read it answer its "
                    "proposals"),
                  NULL);
        return;
    }
    if (api_done(r, s, &pr))
        answer_with(r, p->id, first ? 201 : 200);
}
