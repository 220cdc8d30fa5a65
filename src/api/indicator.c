/*
 * api/indicator.c — /api/v1/indicators (list, define, read, edit), their
 * observations (list, record or correct) and their roll-up for a period.
 */
#include "domain/indicator.h"

#include "api/api.h"
#include "api/json.h"
#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/alliance.h"

static json_t *number_or_null(const char *text)
{
    double v;
    return text && indicator_parse_number(text, &v) == 0 ? json_real(v) : json_null();
}

static json_t *indicator_json(const struct indicator *ind)
{
    json_t *steps = json_array();
    for (int i = 0; i < ind->step_count; i++)
        json_array_append_new(steps, json_string(ind->steps[i]));
    json_t *doc = json_pack(
        "{s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:o, s:s, s:o, s:s, s:s, s:s, s:s, s:s}", "id",
        ind->id, "alliance", ind->alliance_slug, "name", ind->name, "description", ind->description,
        "kind", ind->kind, "unit", ind->unit, "baseline", number_or_null(ind->baseline), "target",
        number_or_null(ind->target), "direction", ind->direction, "scale", steps, "aggregation",
        ind->aggregation, "frequency", ind->frequency, "visibility", ind->visibility, "created_at",
        ind->created_at, "updated_at", ind->updated_at);
    return doc;
}

static json_t *observation_json(const struct observation *o)
{
    return json_pack("{s:s, s:s, s:s, s:s, s:o, s:o, s:s, s:s, s:o, s:s, s:b}", "id", o->id,
                     "indicator", o->indicator_id, "platform", o->platform_id, "period", o->period,
                     "value", number_or_null(o->value), "weight", number_or_null(o->weight),
                     "source", o->source, "note", o->note, "author", api_text_or_null(o->author_id),
                     "recorded_at", o->recorded_at, "current", o->current);
}

void api_indicator_list(struct request *r)
{
    struct listing l;
    if (api_listing(r, &l) != 0)
        return;
    int64_t alliance_key = api_alliance_filter(r, "alliance");
    if (alliance_key < 0)
        return;
    struct indicator_list list;
    if (!api_done(r, indicator_list(&r->ctx, alliance_key, &l, &list), NULL))
        return;
    json_t *items = json_array();
    for (int i = 0; i < list.count; i++)
        json_array_append_new(items, indicator_json(&list.items[i]));
    api_list_send(r, items, list.total, &l, list.count,
                  list.count ? list.items[list.count - 1].id : NULL);
}

/* indicator_read reads a body into ind (numbers as JSON numbers or null).
 * Returns false once an error is answered. */
static bool indicator_read(struct request *r, struct indicator *ind, const char **alliance)
{
    json_t *baseline = NULL, *target = NULL, *scale = NULL;
    bool has_baseline = false, has_target = false;
    struct api_field fields[] = {
        {"name", API_STRING, &ind->name, NULL},
        {"description", API_STRING, &ind->description, NULL},
        {"kind", API_STRING, &ind->kind, NULL},
        {"unit", API_STRING, &ind->unit, NULL},
        {"baseline", API_ANY, &baseline, &has_baseline},
        {"target", API_ANY, &target, &has_target},
        {"direction", API_STRING, &ind->direction, NULL},
        {"scale", API_STRING_SET, &scale, NULL},
        {"aggregation", API_STRING, &ind->aggregation, NULL},
        {"frequency", API_STRING, &ind->frequency, NULL},
        {"visibility", API_STRING, &ind->visibility, NULL},
        {"alliance", API_STRING, alliance, NULL},
    };
    json_t *body = api_body(r, fields, alliance ? 12 : 11);
    if (!body)
        return false;
    bool ok = true;
    if (has_baseline) {
        if (json_is_number(baseline))
            ind->baseline = indicator_format_number(&r->ctx, json_number_value(baseline));
        else if (json_is_null(baseline))
            ind->baseline = NULL;
        else
            ok = false, api_error(r, 400, _("baseline must be a number or null"), "baseline");
    }
    if (ok && has_target) {
        if (json_is_number(target))
            ind->target = indicator_format_number(&r->ctx, json_number_value(target));
        else if (json_is_null(target))
            ind->target = NULL;
        else
            ok = false, api_error(r, 400, _("target must be a number or null"), "target");
    }
    if (ok && scale) {
        char *text = "";
        size_t i;
        json_t *step;
        json_array_foreach(scale, i, step) text =
            arena_printf(&r->arena, "%s%s%s", text, i ? "\n" : "", json_string_value(step));
        ind->scale = text;
    }
    json_decref(body);
    return ok;
}

void api_indicator_create(struct request *r)
{
    struct indicator ind = {0};
    const char *alliance = NULL;
    if (!indicator_read(r, &ind, &alliance))
        return;
    struct alliance *a;
    if (str_empty(alliance) || alliance_find(&r->ctx, alliance, &a) != STATUS_OK) {
        api_error(r, 400, _("alliance must name an alliance you may read"), "alliance");
        return;
    }
    ind.alliance_key = a->key;
    struct problems p = {0};
    if (!api_done(r, indicator_create(&r->ctx, &ind, &p), &p))
        return;
    struct indicator *after;
    if (api_done(r, indicator_find(&r->ctx, ind.id, &after), NULL))
        api_created(r, "/api/v1/indicators/", after->id, indicator_json(after));
}

static struct indicator *indicator_load(struct request *r)
{
    struct indicator *ind = NULL;
    return api_done(r, indicator_find(&r->ctx, request_capture(r, 0), &ind), NULL) ? ind : NULL;
}

void api_indicator_get(struct request *r)
{
    struct indicator *ind = indicator_load(r);
    if (ind)
        api_send(r, 200, indicator_json(ind));
}

void api_indicator_update(struct request *r)
{
    struct indicator *ind = indicator_load(r);
    if (!ind || !indicator_read(r, ind, NULL))
        return;
    struct problems p = {0};
    if (!api_done(r, indicator_update(&r->ctx, ind, &p), &p))
        return;
    struct indicator *after;
    if (api_done(r, indicator_find(&r->ctx, ind->id, &after), NULL))
        api_send(r, 200, indicator_json(after));
}

void api_observation_list(struct request *r)
{
    struct indicator *ind = indicator_load(r);
    if (!ind)
        return;
    struct observation_filter f = {.indicator_key = ind->key};
    if ((f.platform_key = api_platform_filter(r, "platform")) < 0)
        return;
    const char *period = request_query(r, "period");
    if (period && !indicator_period_valid(ind->frequency, period)) {
        api_error(r, 400, _("period must be a period of the indicator, such as 2025-Q3"), "period");
        return;
    }
    f.period = period;
    const char *history = request_query(r, "history");
    if (history && !str_eq(history, "true") && !str_eq(history, "false")) {
        api_error(r, 400, _("history must be true or false"), "history");
        return;
    }
    f.history = str_eq(history, "true");
    struct observation_list list;
    if (!api_done(r, observation_list(&r->ctx, &f, &list), NULL))
        return;
    json_t *items = json_array();
    for (int i = 0; i < list.count; i++)
        json_array_append_new(items, observation_json(&list.items[i]));
    api_send(r, 200, json_pack("{s:o, s:I}", "items", items, "total", (json_int_t)list.count));
}

void api_observation_create(struct request *r)
{
    struct indicator *ind = indicator_load(r);
    if (!ind)
        return;
    struct observation o = {0};
    json_t *value = NULL, *weight = NULL;
    bool has_value = false, has_weight = false;
    struct api_field fields[] = {
        {"platform", API_STRING, &o.platform_id, NULL}, {"period", API_STRING, &o.period, NULL},
        {"value", API_ANY, &value, &has_value},         {"weight", API_ANY, &weight, &has_weight},
        {"source", API_STRING, &o.source, NULL},        {"note", API_STRING, &o.note, NULL},
    };
    json_t *body = api_body(r, fields, 6);
    if (!body)
        return;
    bool ok = true;
    if (has_value && json_is_number(value))
        o.value = indicator_format_number(&r->ctx, json_number_value(value));
    else if (has_value)
        ok = false, api_error(r, 400, _("value must be a number"), "value");
    if (ok && has_weight && json_is_number(weight))
        o.weight = indicator_format_number(&r->ctx, json_number_value(weight));
    else if (ok && has_weight && !json_is_null(weight))
        ok = false, api_error(r, 400, _("weight must be a number or null"), "weight");
    json_decref(body);
    if (!ok)
        return;
    struct problems p = {0};
    if (!api_done(r, observation_record(&r->ctx, ind, &o, &p), &p))
        return;
    struct observation *after;
    if (api_done(r, observation_find(&r->ctx, o.id, &after), NULL))
        api_created(r, "/api/v1/observations/", after->id, observation_json(after));
}

void api_observation_get(struct request *r)
{
    struct observation *o = NULL;
    if (api_done(r, observation_find(&r->ctx, request_capture(r, 0), &o), NULL))
        api_send(r, 200, observation_json(o));
}

void api_observation_delete(struct request *r)
{
    struct observation *o = NULL;
    if (!api_done(r, observation_find(&r->ctx, request_capture(r, 0), &o), NULL))
        return;
    struct indicator *ind = NULL;
    if (api_done(r, indicator_find(&r->ctx, o->indicator_id, &ind), NULL) &&
        api_done(r, observation_delete(&r->ctx, ind, o), NULL))
        api_deleted(r);
}

void api_indicator_delete(struct request *r)
{
    struct indicator *ind = indicator_load(r);
    if (ind && api_done(r, indicator_delete(&r->ctx, ind), NULL))
        api_deleted(r);
}

static json_t *figure_json(const struct rollup_value *v)
{
    return v->present ? json_real(v->value) : json_null();
}

void api_indicator_rollup(struct request *r)
{
    struct indicator *ind = indicator_load(r);
    if (!ind)
        return;
    const char *period = request_query(r, "period");
    if (period && !indicator_period_valid(ind->frequency, period)) {
        api_error(r, 400, _("period must be a period of the indicator, such as 2025-Q3"), "period");
        return;
    }
    struct indicator_figures f;
    if (!api_done(r, indicator_figures(&r->ctx, ind, &f), NULL))
        return;
    int k = period ? -1 : f.period_count - 1;
    for (int j = 0; period && j < f.period_count; j++)
        if (str_eq(f.periods[j], period))
            k = j;
    json_t *platforms = json_array();
    for (int i = 0; k >= 0 && i < f.platform_count; i++) {
        const struct rollup_node *n = &f.nodes[k][i];
        json_array_append_new(
            platforms,
            json_pack("{s:s, s:s, s:i, s:o, s:o, s:o, s:i, s:i, s:b, s:b}", "platform",
                      f.platform_ids[i], "name", f.platform_names[i], "level", f.platform_depths[i],
                      "entered", figure_json(&n->entered), "rolled_up", figure_json(&n->rolled),
                      "figure", figure_json(&n->figure), "children", n->children, "reported",
                      n->reported, "differs", n->differs, "missing",
                      !n->children && !n->entered.present));
    }
    api_send(r, 200,
             json_pack("{s:s, s:o, s:s, s:o}", "indicator", ind->id, "period",
                       k >= 0 ? json_string(f.periods[k]) : json_null(), "aggregation",
                       ind->aggregation, "platforms", platforms));
}
