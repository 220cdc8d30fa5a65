/*
 * api/flow.c — /api/v1/alliances/{id}/flows and /api/v1/platforms/{id}/flows:
 * the flow figures (flow.h) as the caller may see them, by ?period= (month,
 * quarter, year), ?periods= (how many) and ?until= (a date in the last).
 */
#include "domain/flow.h"

#include "api/api.h"
#include "api/json.h"
#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/alliance.h"
#include "domain/platform.h"

static json_t *rate_json(double v)
{
    return v < 0 ? json_null() : json_real((double)(long long)(v * 10 + 0.5) / 10);
}

static json_t *figures_json(const struct flow_figures *x)
{
    json_t *doc = json_pack(
        "{s:s, s:s, s:s, s:{s:I, s:I, s:I}, s:I, s:I, s:I, s:I, s:I}", "label", x->label, "from",
        x->from, "to", x->to, "shared", "up", (json_int_t)x->up, "down", (json_int_t)x->down,
        "across", (json_int_t)x->across, "received", (json_int_t)x->received, "responded",
        (json_int_t)x->responded, "adopted", (json_int_t)x->adopted, "lessons_applied",
        (json_int_t)x->lessons_applied, "applications", (json_int_t)x->applications);
    json_object_set_new(doc, "response_rate", rate_json(x->response_rate));
    json_object_set_new(doc, "median_days_to_response", rate_json(x->median_days));
    json_object_set_new(doc, "adoption_rate", rate_json(x->adoption_rate));
    return doc;
}

/* flows_answer reads the choice, counts and answers. */
static void flows_answer(struct request *r, int64_t alliance_key, int64_t platform_key,
                         const char *scope, const char *id)
{
    const char *period = request_query(r, "period");
    if (str_empty(period))
        period = "quarter";
    if (!flow_period_valid(period)) {
        api_error(r, 400, _("period must be month, quarter or year"), "period");
        return;
    }
    int64_t count = flow_default_count(period);
    const char *periods = request_query(r, "periods");
    if (periods && str_parse_int64(periods, 1, FLOW_PERIODS_MAX, &count) != 0) {
        api_error(r, 400,
                  arena_printf(&r->arena, _("periods must be a whole number from 1 to %d"),
                               FLOW_PERIODS_MAX),
                  "periods");
        return;
    }
    const char *until = NULL;
    if (api_date_filter(r, "until", &until) != 0)
        return;
    struct flow f;
    enum status s =
        flow_figures(&r->ctx, alliance_key, platform_key, period, (int)count, until, &f);
    if (!api_done(r, s, NULL))
        return;
    json_t *items = json_array();
    for (int i = 0; i < f.count; i++)
        json_array_append_new(items, figures_json(&f.periods[i]));
    api_send(r, 200,
             json_pack("{s:s, s:s, s:o, s:o}", scope, id, "period", period, "periods", items,
                       "total", figures_json(&f.total)));
}

void api_flow_alliance(struct request *r)
{
    struct alliance *a = NULL;
    if (api_done(r, alliance_find(&r->ctx, request_capture(r, 0), &a), NULL))
        flows_answer(r, a->key, 0, "alliance", a->slug);
}

void api_flow_platform(struct request *r)
{
    struct platform *pl = NULL;
    if (api_done(r, platform_find(&r->ctx, request_capture(r, 0), &pl), NULL))
        flows_answer(r, pl->alliance_key, pl->key, "platform", pl->id);
}
