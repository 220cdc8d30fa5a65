/*
 * indicator.c — rules of indicators and observations (see indicator.h), and
 * the figures of an indicator across the hierarchy, computed by rollup.h
 * from the observations the reader may read.
 */
#include "domain/indicator.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/alliance.h"
#include "domain/audit.h"
#include "domain/field.h"
#include "domain/platform.h"
#include "domain/rights.h"
#include "store/monitoring.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct name_label {
    const char *name, *label;
};

static const struct name_label kinds[] = {{"quantitative", N_("Quantitative")},
                                          {"qualitative", N_("Qualitative")},
                                          {NULL, NULL}},
                               aggregations[] = {{"sum", N_("Sum")},
                                                 {"mean", N_("Mean")},
                                                 {"weighted_mean", N_("Weighted mean")},
                                                 {"min", N_("Minimum")},
                                                 {"max", N_("Maximum")},
                                                 {"latest", N_("Latest reported")},
                                                 {NULL, NULL}},
                               frequencies[] = {{"month", N_("Monthly")},
                                                {"quarter", N_("Quarterly")},
                                                {"year", N_("Yearly")},
                                                {NULL, NULL}},
                               directions[] = {{"increase", N_("Should go up")},
                                               {"decrease", N_("Should go down")},
                                               {NULL, NULL}};

static const char *label_of(const struct name_label *t, const char *name)
{
    for (; t->name; t++)
        if (str_eq(t->name, name))
            return _(t->label);
    return name ? name : "";
}

static bool known(const struct name_label *t, const char *name)
{
    for (; t->name; t++)
        if (str_eq(t->name, name))
            return true;
    return false;
}

const char *indicator_kind_label(const char *kind)
{
    return label_of(kinds, kind);
}

const char *indicator_aggregation_label(const char *aggregation)
{
    return label_of(aggregations, aggregation);
}

const char *indicator_frequency_label(const char *frequency)
{
    return label_of(frequencies, frequency);
}

const char *indicator_direction_label(const char *direction)
{
    return label_of(directions, direction);
}

int indicator_parse_number(const char *text, double *out)
{
    if (!text)
        return -1;
    const char *p = text;
    if (*p == '-')
        p++;
    int digits = 0, dots = 0;
    for (; *p; p++) {
        if (*p >= '0' && *p <= '9')
            digits++;
        else if (*p == '.' && !dots)
            dots++;
        else
            return -1;
    }
    if (!digits || digits > 15 || p[-1] == '.' || text[0] == '.' ||
        (text[0] == '-' && text[1] == '.'))
        return -1;
    *out = strtod(text, NULL);
    return 0;
}

char *indicator_format_number(struct ctx *c, double value)
{
    char text[64];
    snprintf(text, sizeof text, "%.2f", value);
    /* Drop needless zeros and the point: 12.50 reads 12.5, 3.00 reads 3. */
    char *dot = strchr(text, '.');
    if (dot) {
        char *end = text + strlen(text) - 1;
        while (end > dot && *end == '0')
            *end-- = '\0';
        if (end == dot)
            *end = '\0';
    }
    if (strcmp(text, "-0") == 0)
        return arena_strdup(c->arena, "0");
    return arena_strdup(c->arena, text);
}

char *indicator_value_text(struct ctx *c, const struct indicator *ind, double value)
{
    if (str_eq(ind->kind, "qualitative") && ind->step_count > 0) {
        int step = (int)(value + 0.5);
        if (step < 1)
            step = 1;
        if (step > ind->step_count)
            step = ind->step_count;
        char *number = indicator_format_number(c, value);
        return arena_printf(c->arena, _("%s (step %s of %d)"), ind->steps[step - 1], number,
                            ind->step_count);
    }
    char *number = indicator_format_number(c, value);
    if (!*ind->unit)
        return number;
    if (str_eq(ind->unit, "%"))
        return arena_printf(c->arena, "%s%%", number);
    return arena_printf(c->arena, "%s %s", number, ind->unit);
}

static bool digits_at(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

bool indicator_period_valid(const char *frequency, const char *text)
{
    if (!text || !digits_at(text, 4) || text[0] == '0')
        return false;
    size_t n = strlen(text);
    if (str_eq(frequency, "year"))
        return n == 4;
    if (str_eq(frequency, "quarter"))
        return n == 7 && text[4] == '-' && text[5] == 'Q' && text[6] >= '1' && text[6] <= '4';
    if (str_eq(frequency, "month"))
        return n == 7 && text[4] == '-' && digits_at(text + 5, 2) &&
               ((text[5] == '0' && text[6] >= '1') || (text[5] == '1' && text[6] <= '2'));
    return false;
}

char *indicator_period_label(struct ctx *c, const char *period)
{
    static const char *const months[] = {N_("January"), N_("February"), N_("March"),
                                         N_("April"),   N_("May"),      N_("June"),
                                         N_("July"),    N_("August"),   N_("September"),
                                         N_("October"), N_("November"), N_("December")};
    if (!period)
        return "";
    if (strlen(period) == 7 && period[5] == 'Q')
        return arena_printf(c->arena, _("%.4s Q%c"), period, period[6]);
    if (strlen(period) == 7 && period[4] == '-') {
        int m = (period[5] - '0') * 10 + (period[6] - '0');
        if (m >= 1 && m <= 12)
            return arena_printf(c->arena, _("%s %.4s"), _(months[m - 1]), period);
    }
    return arena_strdup(c->arena, period);
}

/* scale_parse fills the steps of a qualitative indicator from its scale. */
static void scale_parse(struct ctx *c, struct indicator *ind)
{
    ind->step_count = 0;
    char *copy = arena_strdup(c->arena, ind->scale ? ind->scale : "");
    for (char *line = copy; line && ind->step_count < INDICATOR_STEPS_MAX;) {
        char *end = line + strcspn(line, "\n");
        char *next = *end ? end + 1 : NULL;
        *end = '\0';
        char *label = str_trim(c->arena, line);
        if (*label)
            ind->steps[ind->step_count++] = label;
        line = next;
    }
}

enum status indicator_find(struct ctx *c, const char *id, struct indicator **out)
{
    if (str_empty(id))
        return STATUS_NOT_FOUND;
    enum status s = store_indicator_get(c, id, out);
    if (s == STATUS_OK)
        scale_parse(c, *out);
    return s;
}

enum status indicator_list(struct ctx *c, int64_t alliance_key, const struct listing *l,
                           struct indicator_list *out)
{
    enum status s = store_indicator_list(c, alliance_key, l, out);
    for (int i = 0; s == STATUS_OK && i < out->count; i++)
        scale_parse(c, &out->items[i]);
    return s;
}

bool indicator_may_define(struct ctx *c, int64_t alliance_key)
{
    return rights_may(rights_on_alliance(c, alliance_key));
}

bool indicator_may_record(struct ctx *c, int64_t platform_key)
{
    return rights_may(rights_on_platform(c, platform_key, RIGHT_PUBLISH_ITEMS));
}

/* number_field checks optional decimal text in *value (trimmed; empty
 * becomes NULL). */
static void number_field(struct ctx *c, char **value, struct problems *p, const char *field,
                         const char *message)
{
    char *text = str_trim(c->arena, *value ? *value : "");
    double ignored;
    if (!*text)
        *value = NULL;
    else if (indicator_parse_number(text, &ignored) != 0)
        problems_invalid(p, field, message);
    else
        *value = text;
}

static void indicator_validate(struct ctx *c, struct indicator *ind, struct problems *p)
{
    field_text(c, &ind->name, p, "name", _("Name"), 200, _("Enter a name for the indicator"));
    field_text(c, &ind->description, p, "description", _("Description"), 5000, NULL);
    field_text(c, &ind->unit, p, "unit", _("Unit"), 40, NULL);
    field_text(c, &ind->scale, p, "scale", _("Scale"), 2000, NULL);
    if (!known(kinds, ind->kind))
        problems_invalid(p, "kind", _("Choose quantitative or qualitative"));
    if (str_empty(ind->direction))
        ind->direction = "increase";
    if (!known(directions, ind->direction))
        problems_invalid(p, "direction", _("Choose whether it should go up or down"));
    if (!known(aggregations, ind->aggregation))
        problems_invalid(p, "aggregation",
                         _("Choose how figures roll up: sum, mean, weighted mean, minimum, "
                           "maximum or latest"));
    else if (str_eq(ind->kind, "qualitative") &&
             (str_eq(ind->aggregation, "sum") || str_eq(ind->aggregation, "weighted_mean")))
        problems_invalid(p, "aggregation",
                         _("Steps of a scale cannot be added up: choose mean, minimum, maximum "
                           "or latest"));
    if (!known(frequencies, ind->frequency))
        problems_invalid(p, "frequency",
                         _("Choose how often it is reported: month, quarter or "
                           "year"));
    if (str_empty(ind->visibility))
        ind->visibility = "alliance";
    if (!str_eq(ind->visibility, "platform") && !str_eq(ind->visibility, "alliance") &&
        !str_eq(ind->visibility, "public"))
        problems_invalid(p, "visibility",
                         _("Choose who may read it: platform, alliance or public"));
    number_field(c, &ind->baseline, p, "baseline",
                 _("Enter the baseline as a number, such as 42 or 3.5"));
    number_field(c, &ind->target, p, "target",
                 _("Enter the target as a number, such as 80 or 12.5"));
    scale_parse(c, ind);
    if (str_eq(ind->kind, "qualitative")) {
        if (ind->step_count < 2)
            problems_invalid(p, "scale",
                             _("Enter at least two steps of the scale, one a line, lowest first"));
        double v;
        if (ind->target && indicator_parse_number(ind->target, &v) == 0 &&
            (v < 1 || v > ind->step_count))
            problems_invalid(p, "target", _("The target must be a step of the scale"));
        if (ind->baseline && indicator_parse_number(ind->baseline, &v) == 0 &&
            (v < 1 || v > ind->step_count))
            problems_invalid(p, "baseline", _("The baseline must be a step of the scale"));
        ind->unit = "";
    } else {
        ind->scale = "";
        ind->step_count = 0;
    }
}

static enum status indicator_audit(struct ctx *c, const char *action, const struct indicator *b,
                                   const struct indicator *a)
{
    struct audit_draft d;
    audit_begin(&d, action, "indicator", a->id, a->name, a->alliance_key, 0);
    audit_text(&d, "name", b ? b->name : NULL, a->name);
    audit_text(&d, "description", b ? b->description : NULL, a->description);
    audit_text(&d, "kind", b ? b->kind : NULL, a->kind);
    audit_text(&d, "unit", b ? b->unit : NULL, a->unit);
    audit_text(&d, "baseline", b ? b->baseline : NULL, a->baseline);
    audit_text(&d, "target", b ? b->target : NULL, a->target);
    audit_text(&d, "direction", b ? b->direction : NULL, a->direction);
    audit_text(&d, "scale", b ? b->scale : NULL, a->scale);
    audit_text(&d, "aggregation", b ? b->aggregation : NULL, a->aggregation);
    audit_text(&d, "frequency", b ? b->frequency : NULL, a->frequency);
    audit_text(&d, "visibility", b ? b->visibility : NULL, a->visibility);
    return audit_save(c, &d);
}

enum status indicator_create(struct ctx *c, struct indicator *ind, struct problems *p)
{
    enum status s = rights_on_alliance(c, ind->alliance_key);
    if (s != STATUS_OK)
        return s;
    indicator_validate(c, ind, p);
    if (p->count)
        return problems_status(p);
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = store_indicator_insert(c, ind);
    if (s == STATUS_OK)
        s = indicator_audit(c, "create", NULL, ind);
    return store_end(c, s);
}

enum status indicator_update(struct ctx *c, struct indicator *ind, struct problems *p)
{
    struct indicator *before;
    enum status s = indicator_find(c, ind->id, &before);
    if (s != STATUS_OK)
        return s;
    s = rights_on_alliance(c, before->alliance_key);
    if (s != STATUS_OK)
        return s;
    ind->alliance_key = before->alliance_key;
    indicator_validate(c, ind, p);
    if (p->count)
        return problems_status(p);
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = store_indicator_update(c, ind);
    if (s == STATUS_OK)
        s = indicator_audit(c, "update", before, ind);
    return store_end(c, s);
}

int64_t indicator_figure_count(struct ctx *c, const struct indicator *ind)
{
    return store_indicator_observation_count(c, ind->key);
}

enum status indicator_delete(struct ctx *c, struct indicator *ind)
{
    enum status s = rights_on_alliance(c, ind->alliance_key);
    if (s != STATUS_OK)
        return s;
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    struct audit_draft d;
    audit_begin(&d, "delete", "indicator", ind->id, ind->name, ind->alliance_key, 0);
    audit_text(&d, "name", ind->name, NULL);
    audit_text(&d, "kind", ind->kind, NULL);
    audit_text(&d, "aggregation", ind->aggregation, NULL);
    audit_text(&d, "figures",
               arena_printf(c->arena, "%lld", (long long)indicator_figure_count(c, ind)), NULL);
    s = audit_save(c, &d);
    if (s == STATUS_OK)
        s = store_indicator_delete(c, ind);
    return store_end(c, s);
}

enum status observation_find(struct ctx *c, const char *id, struct observation **out)
{
    return str_empty(id) ? STATUS_NOT_FOUND : store_observation_get(c, id, out);
}

enum status observation_list(struct ctx *c, const struct observation_filter *f,
                             struct observation_list *out)
{
    return store_observation_list(c, f, out);
}

static void observation_validate(struct ctx *c, const struct indicator *ind, struct observation *o,
                                 struct problems *p)
{
    o->period = str_trim(c->arena, o->period ? o->period : "");
    if (!indicator_period_valid(ind->frequency, o->period))
        problems_invalid(p, "period",
                         str_eq(ind->frequency, "quarter")
                             ? _("Enter the quarter as year, hyphen, Q and its number, such as "
                                 "2025-Q3")
                         : str_eq(ind->frequency, "month")
                             ? _("Enter the month as year-month, such as 2025-07")
                             : _("Enter the year, such as 2025"));
    o->value = str_trim(c->arena, o->value ? o->value : "");
    double v;
    if (!*o->value)
        problems_invalid(p, "value", _("Enter the value"));
    else if (indicator_parse_number(o->value, &v) != 0)
        problems_invalid(p, "value", _("Enter the value as a number, such as 42 or 3.5"));
    else if (str_eq(ind->kind, "qualitative") &&
             (v != (double)(int)v || v < 1 || v > ind->step_count))
        problems_invalid(
            p, "value",
            arena_printf(c->arena, _("Enter a step of the scale, from 1 to %d"), ind->step_count));
    char *weight = o->weight;
    number_field(c, &weight, p, "weight", _("Enter the weight as a number, such as 1200"));
    o->weight = weight;
    double w;
    if (o->weight && indicator_parse_number(o->weight, &w) == 0 && w <= 0)
        problems_invalid(p, "weight", _("The weight must be more than zero"));
    if (!o->weight && str_eq(ind->aggregation, "weighted_mean"))
        problems_invalid(p, "weight",
                         _("Enter the weight: this indicator rolls up as a weighted mean, such "
                           "as by the number of people served"));
    field_text(c, &o->source, p, "source", _("Source"), 500, NULL);
    field_text(c, &o->note, p, "note", _("Note"), 5000, NULL);
}

static enum status observation_audit(struct ctx *c, const struct indicator *ind,
                                     const struct observation *before, const struct observation *o)
{
    struct audit_draft d;
    audit_begin(&d, before ? "update" : "create", "observation", o->id,
                arena_printf(c->arena, "%s, %s", ind->name, o->period), ind->alliance_key,
                o->platform_key);
    audit_text(&d, "period", before ? before->period : NULL, o->period);
    audit_text(&d, "value", before ? before->value : NULL, o->value);
    audit_text(&d, "weight", before ? before->weight : NULL, o->weight);
    audit_text(&d, "source", before ? before->source : NULL, o->source);
    audit_text(&d, "note", before ? before->note : NULL, o->note);
    return audit_save(c, &d);
}

enum status observation_record(struct ctx *c, const struct indicator *ind, struct observation *o,
                               struct problems *p)
{
    enum status s = rights_signed_in(c);
    if (s != STATUS_OK)
        return s;
    struct platform *pl;
    if (platform_find(c, o->platform_id, &pl) != STATUS_OK ||
        pl->alliance_key != ind->alliance_key) {
        problems_invalid(p, "platform", _("Choose a platform of the indicator's alliance"));
        return STATUS_INVALID;
    }
    s = rights_on_platform(c, pl->key, RIGHT_PUBLISH_ITEMS);
    if (s != STATUS_OK)
        return s;
    observation_validate(c, ind, o, p);
    if (p->count)
        return problems_status(p);
    o->indicator_key = ind->key;
    o->platform_key = pl->key;
    o->author_key = c->viewer->person_key;
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    int64_t previous = store_observation_current_key(c, ind->key, pl->key, o->period);
    struct observation *before = NULL;
    if (previous) {
        struct observation_filter f = {
            .indicator_key = ind->key, .platform_key = pl->key, .period = o->period};
        struct observation_list list;
        if (store_observation_list(c, &f, &list) == STATUS_OK && list.count)
            before = &list.items[0];
        s = store_observation_supersede(c, previous);
        o->corrects_key = previous;
    }
    if (s == STATUS_OK)
        s = store_observation_insert(c, o);
    if (s == STATUS_OK)
        s = observation_audit(c, ind, before, o);
    return store_end(c, s);
}

enum status observation_delete(struct ctx *c, const struct indicator *ind, struct observation *o)
{
    enum status s = rights_on_platform(c, o->platform_key, RIGHT_PUBLISH_ITEMS);
    if (s != STATUS_OK)
        return s;
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    struct audit_draft d;
    audit_begin(&d, "delete", "observation", o->id,
                arena_printf(c->arena, "%s, %s", ind->name, o->period), ind->alliance_key,
                o->platform_key);
    audit_text(&d, "period", o->period, NULL);
    audit_text(&d, "value", o->value, NULL);
    audit_text(&d, "weight", o->weight, NULL);
    audit_text(&d, "source", o->source, NULL);
    audit_text(&d, "note", o->note, NULL);
    s = audit_save(c, &d);
    if (s == STATUS_OK)
        s = store_observation_delete(c, o);
    return store_end(c, s);
}

int indicator_platform_index(const struct indicator_figures *f, int64_t platform_key)
{
    for (int i = 0; i < f->platform_count; i++)
        if (f->platform_keys[i] == platform_key)
            return i;
    return -1;
}

/* figures_platforms loads the alliance's platforms in tree order. */
static enum status figures_platforms(struct ctx *c, const struct indicator *ind,
                                     struct indicator_figures *out, int **parents)
{
    struct platform_list tree;
    enum status s = platform_tree(c, ind->alliance_key, INDICATOR_PLATFORMS_MAX, &tree);
    if (s != STATUS_OK)
        return s;
    int n = tree.count;
    out->platform_count = n;
    out->platform_keys = arena_array(c->arena, (size_t)n + 1, sizeof(int64_t));
    out->platform_ids = arena_array(c->arena, (size_t)n + 1, sizeof(char *));
    out->platform_names = arena_array(c->arena, (size_t)n + 1, sizeof(char *));
    out->platform_depths = arena_array(c->arena, (size_t)n + 1, sizeof(int));
    *parents = arena_array(c->arena, (size_t)n + 1, sizeof(int));
    for (int i = 0; i < n; i++) {
        out->platform_keys[i] = tree.items[i].key;
        out->platform_ids[i] = tree.items[i].id;
        out->platform_names[i] = tree.items[i].name;
        out->platform_depths[i] = tree.items[i].depth;
    }
    /* Tree order is by depth, so a parent always comes before its children. */
    for (int i = 0; i < n; i++)
        (*parents)[i] =
            tree.items[i].parent_key ? indicator_platform_index(out, tree.items[i].parent_key) : -1;
    return STATUS_OK;
}

static struct rollup_value observed(const struct observation *o)
{
    struct rollup_value v = {.present = true, .at = o->recorded_at};
    indicator_parse_number(o->value, &v.value);
    v.weighted = o->weight && indicator_parse_number(o->weight, &v.weight) == 0;
    return v;
}

enum status indicator_figures(struct ctx *c, const struct indicator *ind,
                              struct indicator_figures *out)
{
    *out = (struct indicator_figures){0};
    int *parents;
    enum status s = figures_platforms(c, ind, out, &parents);
    if (s != STATUS_OK)
        return s;
    struct observation_filter f = {.indicator_key = ind->key};
    struct observation_list list;
    s = observation_list(c, &f, &list);
    if (s != STATUS_OK)
        return s;
    /* The list is ordered by period: distinct periods, oldest first. */
    out->periods = arena_array(c->arena, INDICATOR_PERIODS_MAX, sizeof(char *));
    for (int i = 0; i < list.count; i++)
        if ((!out->period_count ||
             strcmp(out->periods[out->period_count - 1], list.items[i].period) != 0) &&
            out->period_count < INDICATOR_PERIODS_MAX)
            out->periods[out->period_count++] = list.items[i].period;
    int n = out->platform_count, periods = out->period_count;
    out->nodes = arena_array(c->arena, (size_t)periods + 1, sizeof(struct rollup_node *));
    out->observations = arena_array(c->arena, (size_t)periods + 1, sizeof(struct observation **));
    struct rollup_value *scratch = arena_array(c->arena, (size_t)n + 1, sizeof *scratch);
    enum rollup_rule rule = (enum rollup_rule)rollup_rule_parse(ind->aggregation);
    int next = 0;
    for (int k = 0; k < periods; k++) {
        out->nodes[k] = arena_array(c->arena, (size_t)n + 1, sizeof(struct rollup_node));
        out->observations[k] = arena_array(c->arena, (size_t)n + 1, sizeof(struct observation *));
        for (int i = 0; i < n; i++)
            out->nodes[k][i].parent = parents[i];
        while (next < list.count && strcmp(list.items[next].period, out->periods[k]) < 0)
            next++;
        for (; next < list.count && strcmp(list.items[next].period, out->periods[k]) == 0; next++) {
            int i = indicator_platform_index(out, list.items[next].platform_key);
            if (i < 0)
                continue;
            out->observations[k][i] = &list.items[next];
            out->nodes[k][i].entered = observed(&list.items[next]);
        }
        rollup_tree(rule, out->nodes[k], n, scratch);
    }
    return STATUS_OK;
}
