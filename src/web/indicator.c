/*
 * web/indicator.c — monitoring as pages: an alliance's indicators, the forms
 * that define and edit one, an indicator's page (its figures for a period by
 * level and platform, rolled up the hierarchy, with the figures entered
 * higher up beside them and differences flagged; the missing reports of each
 * period; a trend chart and a chart of progress to the target, each with the
 * table of its numbers), the form that records or corrects a figure, an
 * observation with its history of corrections, and a platform's dashboard of
 * its indicators.
 */
#include "domain/indicator.h"

#include "core/arena.h"
#include "core/csv.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/alliance.h"
#include "domain/platform.h"
#include "domain/rights.h"
#include "web/form.h"
#include "web/html.h"
#include "web/load.h"
#include "web/page.h"
#include "web/svg.h"
#include "web/table.h"
#include "web/web.h"

#include <string.h>

static void alliance_crumbs(struct request *r, struct page *p, const char *slug, const char *name)
{
    page_crumb(p, _("Alliances"), "/");
    page_crumb(p, name, page_href(r, "/alliances/", slug, ""));
    page_crumb(p, _("Indicators"), page_href(r, "/alliances/", slug, "/indicators"));
}

static const char *target_text(struct request *r, const struct indicator *ind)
{
    double v;
    if (!ind->target || indicator_parse_number(ind->target, &v) != 0)
        return _("None set");
    return indicator_value_text(&r->ctx, ind, v);
}

static const char *baseline_text(struct request *r, const struct indicator *ind)
{
    double v;
    if (!ind->baseline || indicator_parse_number(ind->baseline, &v) != 0)
        return _("None set");
    return indicator_value_text(&r->ctx, ind, v);
}

void alliance_indicators_page(struct request *r)
{
    struct alliance *a = load_alliance(r, request_capture(r, 0));
    if (!a)
        return;
    struct listing l;
    table_listing(r, &l, 50);
    struct indicator_list list;
    if (indicator_list(&r->ctx, a->key, &l, &list) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    struct page p = {.title = _("Indicators"), .context = a->name, .nav = "alliances"};
    page_crumb(&p, _("Alliances"), "/");
    page_crumb(&p, a->name, page_href(r, "/alliances/", a->slug, ""));
    page_crumb(&p, _("Indicators"), NULL);
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n",
                arena_printf(&r->arena, _("Indicators of %s"), a->name),
                _("How the alliance proves and improves: each figure is reported by the "
                  "platforms and rolled up from level to level."));
    bool may = indicator_may_define(&r->ctx, a->key);
    char *add = page_href(r, "/alliances/", a->slug, "/indicators/new");
    if (may)
        html_printf(b, "<p><a class=\"button\" href=\"%s\">%s</a></p>\n", add,
                    _("Define an indicator"));
    table_count(r, list.total, N_("%s indicator"), N_("%s indicators"));
    if (!list.count) {
        page_empty(r, _("No indicators yet. Define the first indicator of the alliance."),
                   may ? add : NULL, _("Define an indicator"));
        page_end(r, 200);
        return;
    }
    html_raw(b, "<div class=\"table-wrap\"><table class=\"table\"><thead><tr>");
    table_sort_header(r, &l, "name", _("Indicator"), false);
    html_printf(b,
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th></tr></thead><tbody>\n",
                _("Kind"), _("Rolls up as"), _("Reported"), _("Target"));
    for (int i = 0; i < list.count; i++) {
        const struct indicator *ind = &list.items[i];
        html_printf(b,
                    "<tr><td><a href=\"%s\">%s</a></td><td>%s</td><td>%s</td><td>%s</td>"
                    "<td>%s</td></tr>\n",
                    page_href(r, "/indicators/", ind->id, ""), ind->name,
                    indicator_kind_label(ind->kind), indicator_aggregation_label(ind->aggregation),
                    indicator_frequency_label(ind->frequency), target_text(r, ind));
    }
    html_raw(b, "</tbody></table></div>\n");
    table_pagination(r, &l, list.total);
    page_end(r, 200);
}

static struct form_option *options_of(struct request *r, const char *const *names, int n,
                                      const char *(*label)(const char *))
{
    struct form_option *o = arena_array(&r->arena, (size_t)n, sizeof *o);
    for (int i = 0; i < n; i++) {
        o[i].value = names[i];
        o[i].label = label(names[i]);
    }
    return o;
}

static const char *visibility_label(const char *v)
{
    return str_eq(v, "platform")   ? _("Members of each platform (its own figures)")
           : str_eq(v, "alliance") ? _("Members of the alliance")
                                   : _("Anyone");
}

static void indicator_read_form(struct request *r, struct indicator *ind)
{
    ind->name = (char *)request_form(r, "name");
    ind->description = (char *)request_form(r, "description");
    ind->kind = (char *)request_form(r, "kind");
    ind->unit = (char *)request_form(r, "unit");
    ind->baseline = (char *)request_form(r, "baseline");
    ind->target = (char *)request_form(r, "target");
    ind->direction = (char *)request_form(r, "direction");
    ind->scale = (char *)request_form(r, "scale");
    ind->aggregation = (char *)request_form(r, "aggregation");
    ind->frequency = (char *)request_form(r, "frequency");
    ind->visibility = (char *)request_form(r, "visibility");
}

static void indicator_form(struct request *r, const struct indicator *ind, const struct problems *p,
                           const char *action, const char *button, const char *cancel)
{
    static const char *const kind_names[] = {"quantitative", "qualitative"};
    static const char *const rule_names[] = {"sum", "mean", "weighted_mean",
                                             "min", "max",  "latest"};
    static const char *const frequency_names[] = {"quarter", "year", "month"};
    static const char *const direction_names[] = {"increase", "decrease"};
    static const char *const visibility_names[] = {"alliance", "public", "platform"};
    form_begin(r, action, p);
    form_input(r, p, "name", _("Name"), _("What is measured, such as Share of hand pumps working."),
               ind->name, "text", false);
    form_textarea(r, p, "description", _("Description"),
                  _("How it is measured and where the figures come from. You can use Markdown."),
                  ind->description, 4);
    form_select(r, p, "kind", _("Kind"),
                _("Quantitative: a number with a unit. Qualitative: a step on a scale."),
                options_of(r, kind_names, 2, indicator_kind_label), 2, ind->kind);
    form_input(r, p, "unit", _("Unit"), _("Quantitative only, such as %, people or boreholes."),
               ind->unit, "text", true);
    form_textarea(r, p, "scale", _("Scale"),
                  _("Qualitative only: the labelled steps, one a line, lowest first."), ind->scale,
                  4);
    form_input(r, p, "baseline", _("Baseline"),
               _("The value at the start (a step number for a scale)."), ind->baseline, "text",
               true);
    form_input(r, p, "target", _("Target"), _("The value to reach (a step number for a scale)."),
               ind->target, "text", true);
    form_select(r, p, "direction", _("Direction"), NULL,
                options_of(r, direction_names, 2, indicator_direction_label), 2, ind->direction);
    form_select(r, p, "aggregation", _("How figures roll up"),
                _("How the figures of the platforms below make the figure of the platform "
                  "above. A weighted mean asks each figure for its weight, such as the number "
                  "of people served."),
                options_of(r, rule_names, 6, indicator_aggregation_label), 6, ind->aggregation);
    form_select(r, p, "frequency", _("Reporting period"), NULL,
                options_of(r, frequency_names, 3, indicator_frequency_label), 3, ind->frequency);
    form_select(r, p, "visibility", _("Who may read the figures"), NULL,
                options_of(r, visibility_names, 3, visibility_label), 3, ind->visibility);
    form_end(r, button, cancel, false);
}

static void indicator_new_form(struct request *r, const struct alliance *a,
                               const struct indicator *ind, const struct problems *p)
{
    struct page page = {.title = _("Define an indicator"), .context = a->name, .nav = "alliances"};
    alliance_crumbs(r, &page, a->slug, a->name);
    page_crumb(&page, _("Define an indicator"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n", _("Define an indicator"));
    indicator_form(r, ind, p, page_href(r, "/alliances/", a->slug, "/indicators/new"),
                   _("Save the indicator"), page_href(r, "/alliances/", a->slug, "/indicators"));
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void indicator_new_page(struct request *r)
{
    struct alliance *a = load_alliance(r, request_capture(r, 0));
    if (!a || !page_allowed(r, rights_on_alliance(&r->ctx, a->key)))
        return;
    struct indicator ind = {.kind = "quantitative",
                            .aggregation = "sum",
                            .frequency = "quarter",
                            .direction = "increase",
                            .visibility = "alliance"};
    indicator_new_form(r, a, &ind, NULL);
}

void indicator_create_post(struct request *r)
{
    struct alliance *a = load_alliance(r, request_capture(r, 0));
    if (!a)
        return;
    struct indicator ind = {.alliance_key = a->key};
    indicator_read_form(r, &ind);
    struct problems p = {0};
    enum status s = indicator_create(&r->ctx, &ind, &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/indicators/", ind.id, ""));
    else if (p.count)
        indicator_new_form(r, a, &ind, &p);
    else
        page_fail(r, s);
}

static void indicator_edit_form(struct request *r, const struct indicator *before,
                                const struct indicator *ind, const struct problems *p)
{
    struct page page = {
        .title = _("Edit the indicator"), .context = before->alliance_name, .nav = "alliances"};
    alliance_crumbs(r, &page, before->alliance_slug, before->alliance_name);
    page_crumb(&page, before->name, page_href(r, "/indicators/", before->id, ""));
    page_crumb(&page, _("Edit"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n", _("Edit the indicator"));
    indicator_form(r, ind, p, page_href(r, "/indicators/", before->id, "/edit"), _("Save changes"),
                   page_href(r, "/indicators/", before->id, ""));
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void indicator_edit_page(struct request *r)
{
    struct indicator *ind;
    enum status s = indicator_find(&r->ctx, request_capture(r, 0), &ind);
    if (!page_allowed(r, s) || !page_allowed(r, rights_on_alliance(&r->ctx, ind->alliance_key)))
        return;
    indicator_edit_form(r, ind, ind, NULL);
}

void indicator_edit_post(struct request *r)
{
    struct indicator *before;
    enum status s = indicator_find(&r->ctx, request_capture(r, 0), &before);
    if (!page_allowed(r, s))
        return;
    struct indicator ind = *before;
    indicator_read_form(r, &ind);
    struct problems p = {0};
    s = indicator_update(&r->ctx, &ind, &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/indicators/", ind.id, ""));
    else if (p.count)
        indicator_edit_form(r, before, &ind, &p);
    else
        page_fail(r, s);
}

/* figure_cell writes a figure (or "—" when missing). */
static void figure_cell(struct request *r, const struct indicator *ind,
                        const struct rollup_value *v)
{
    if (v->present)
        html_printf(&r->out, "%s", indicator_value_text(&r->ctx, ind, v->value));
    else
        html_printf(&r->out, "<span class=\"muted\">%s</span>", _("Not reported"));
}

/* period_index picks the period asked for (?period=), else the latest. */
static int period_index(struct request *r, const struct indicator_figures *f)
{
    const char *asked = request_query(r, "period");
    for (int k = 0; asked && k < f->period_count; k++)
        if (str_eq(f->periods[k], asked))
            return k;
    return f->period_count - 1;
}

/* tree_order fills order with the platforms depth first (each followed by
 * the platforms below it), as the hierarchy reads. */
static void tree_order(const struct indicator_figures *f, int parent, int *order, int *n)
{
    for (int i = 0; i < f->platform_count; i++)
        if ((f->period_count ? f->nodes[0][i].parent : -1) == parent) {
            order[(*n)++] = i;
            tree_order(f, i, order, n);
        }
}

/* rollup_table writes the figures of period k by level and platform. */
static void rollup_table(struct request *r, const struct indicator *ind,
                         const struct indicator_figures *f, int k)
{
    struct buf *b = &r->out;
    html_printf(b,
                "<div class=\"table-wrap\"><table class=\"table\"><caption>%s</caption><thead>"
                "<tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>\n",
                arena_printf(&r->arena, _("Figures for %s by level and platform"),
                             indicator_period_label(&r->ctx, f->periods[k])),
                _("Platform"), _("Rolled up from below"), _("Entered here"), _("Check"));
    int *order = arena_array(&r->arena, (size_t)f->platform_count + 1, sizeof(int)), count = 0;
    tree_order(f, -1, order, &count);
    for (int j = 0; j < count; j++) {
        int i = order[j];
        const struct rollup_node *n = &f->nodes[k][i];
        const struct observation *o = f->observations[k][i];
        html_printf(b, "<tr><th scope=\"row\" class=\"depth-%d\"><a href=\"%s\">%s</a></th><td>",
                    f->platform_depths[i] < 4 ? f->platform_depths[i] : 3,
                    page_href(r, "/platforms/", f->platform_ids[i], "/indicators"),
                    f->platform_names[i]);
        if (n->children) {
            figure_cell(r, ind, &n->rolled);
            html_printf(
                b, " <span class=\"muted small\">%s</span>",
                arena_printf(&r->arena, _("%d of %d below reported"), n->reported, n->children));
        } else {
            html_raw(b, "<span class=\"muted\">—</span>");
        }
        html_raw(b, "</td><td>");
        if (o)
            html_printf(b, "<a href=\"%s\">%s</a>", page_href(r, "/observations/", o->id, ""),
                        indicator_value_text(&r->ctx, ind, n->entered.value));
        else
            figure_cell(r, ind, &n->entered);
        html_raw(b, "</td><td>");
        if (n->differs)
            page_tag(r, "orange", _("Differs from the roll-up"));
        else if (!n->children && !n->entered.present)
            page_tag(r, "missing", _("Report missing"));
        html_raw(b, "</td></tr>\n");
    }
    html_raw(b, "</tbody></table></div>\n");
}

/* missing_section lists, for each period, the platforms at the bottom of
 * the hierarchy (no platform below them) that did not report. */
static void missing_section(struct request *r, const struct indicator_figures *f)
{
    struct buf *b = &r->out;
    html_printf(b, "<h2 id=\"missing\">%s</h2>\n", _("Missing reports"));
    html_printf(b,
                "<div class=\"table-wrap\"><table class=\"table\"><thead><tr>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "</tr></thead><tbody>\n",
                _("Period"), _("Reports"), _("Missing"));
    for (int k = f->period_count - 1; k >= 0; k--) {
        int reported = 0;
        for (int i = 0; i < f->platform_count; i++)
            if (!f->nodes[k][i].children)
                reported += f->nodes[k][i].entered.present;
        html_raw(b, "<tr><td><a href=\"?period=");
        html_url_arg(b, f->periods[k]);
        html_printf(b, "\">%s</a></td><td>%d</td><td>",
                    indicator_period_label(&r->ctx, f->periods[k]), reported);
        int shown = 0;
        for (int i = 0; i < f->platform_count; i++)
            if (!f->nodes[k][i].children && !f->nodes[k][i].entered.present)
                html_printf(b, "%s%s", shown++ ? ", " : "", f->platform_names[i]);
        if (!shown)
            html_printf(b, "%s", _("None"));
        html_raw(b, "</td></tr>\n");
    }
    html_raw(b, "</tbody></table></div>\n");
}

/* chart_numbers writes the table under a chart: a row per series, a column
 * per category, the cells' text (series by series) as the caller wrote it. */
static void chart_numbers(struct buf *b, const char *caption, const struct svg_chart *chart,
                          const char **cells)
{
    html_printf(b,
                "<div class=\"table-wrap\"><table class=\"table\"><caption>%s</caption>"
                "<thead><tr><th scope=\"col\">%s</th>",
                caption, _("Platform"));
    for (int k = 0; k < chart->category_count; k++)
        html_printf(b, "<th scope=\"col\">%s</th>", chart->categories[k]);
    html_raw(b, "</tr></thead><tbody>\n");
    for (int s = 0; s < chart->series_count; s++) {
        html_printf(b, "<tr><th scope=\"row\">%s</th>", chart->series[s].label);
        for (int k = 0; k < chart->category_count; k++)
            html_printf(b, "<td>%s</td>", cells[s * chart->category_count + k]);
        html_raw(b, "</tr>\n");
    }
    html_raw(b, "</tbody></table></div>\n");
}

/* trend_chart draws the figure of each top-level and second-level platform
 * (at most SVG_SERIES_MAX) over the periods, with a table of the numbers. */
static void trend_chart(struct request *r, const struct indicator *ind,
                        const struct indicator_figures *f)
{
    struct buf *b = &r->out;
    int rows[SVG_SERIES_MAX], count = 0;
    for (int i = 0; i < f->platform_count && count < SVG_SERIES_MAX; i++)
        if (f->platform_depths[i] <= 1)
            rows[count++] = i;
    struct svg_series series[SVG_SERIES_MAX];
    const char **categories = arena_array(&r->arena, (size_t)f->period_count + 1, sizeof(char *));
    for (int k = 0; k < f->period_count; k++)
        categories[k] = indicator_period_label(&r->ctx, f->periods[k]);
    const char **cells =
        arena_array(&r->arena, (size_t)(count * f->period_count) + 1, sizeof(char *));
    for (int s = 0; s < count; s++) {
        double *values = arena_array(&r->arena, (size_t)f->period_count + 1, sizeof(double));
        for (int k = 0; k < f->period_count; k++) {
            const struct rollup_value *v = &f->nodes[k][rows[s]].figure;
            values[k] = v->present && v->value >= 0 ? v->value : -1;
            cells[s * f->period_count + k] =
                v->present ? indicator_format_number(&r->ctx, v->value) : "—";
        }
        series[s].label = f->platform_names[rows[s]];
        series[s].values = values;
    }
    html_printf(b, "<h2 id=\"trend\">%s</h2>\n", _("Trend over the periods"));
    struct svg_chart chart = {
        .id = "trend",
        .title = arena_printf(&r->arena, _("%s over the periods"), ind->name),
        .description = _("A line for the alliance's top platform and each platform of the next "
                         "level; the table below gives the numbers."),
        .categories = categories,
        .category_count = f->period_count,
        .series = series,
        .series_count = count,
        .percent = str_eq(ind->unit, "%"),
    };
    svg_line_chart(b, &chart);
    chart_numbers(b, _("The numbers of the trend"), &chart, cells);
}

/* progress_chart draws how far the figure of each top-level platform has
 * come from the baseline to the target, period by period, in percent. */
static void progress_chart(struct request *r, const struct indicator *ind,
                           const struct indicator_figures *f)
{
    double baseline, target;
    if (!ind->target || indicator_parse_number(ind->target, &target) != 0)
        return;
    if (!ind->baseline || indicator_parse_number(ind->baseline, &baseline) != 0)
        baseline = 0;
    if (baseline == target)
        return;
    struct buf *b = &r->out;
    int rows[SVG_SERIES_MAX], count = 0;
    for (int i = 0; i < f->platform_count && count < SVG_SERIES_MAX; i++)
        if (f->platform_depths[i] == 0)
            rows[count++] = i;
    const char **categories = arena_array(&r->arena, (size_t)f->period_count + 1, sizeof(char *));
    for (int k = 0; k < f->period_count; k++)
        categories[k] = indicator_period_label(&r->ctx, f->periods[k]);
    struct svg_series series[SVG_SERIES_MAX];
    const char **cells =
        arena_array(&r->arena, (size_t)(count * f->period_count) + 1, sizeof(char *));
    for (int s = 0; s < count; s++) {
        double *values = arena_array(&r->arena, (size_t)f->period_count + 1, sizeof(double));
        for (int k = 0; k < f->period_count; k++) {
            const struct rollup_value *v = &f->nodes[k][rows[s]].figure;
            double progress = v->present ? 100 * rollup_progress(baseline, target, v->value) : -1;
            values[k] = !v->present ? -1 : progress < 0 ? 0 : progress > 100 ? 100 : progress;
            cells[s * f->period_count + k] =
                v->present ? indicator_format_number(&r->ctx, values[k]) : "—";
        }
        series[s].label = f->platform_names[rows[s]];
        series[s].values = values;
    }
    html_printf(b, "<h2 id=\"progress\">%s</h2>\n", _("Progress to the target"));
    html_printf(b, "<p>%s</p>\n",
                arena_printf(&r->arena, _("From the baseline (%s) to the target (%s)."),
                             baseline_text(r, ind), target_text(r, ind)));
    struct svg_chart chart = {
        .id = "progress",
        .title = arena_printf(&r->arena, _("Progress of %s to its target"), ind->name),
        .description = _("For each period, how far the figure of the top platform has come from "
                         "the baseline to the target (0 to 100 %); the table below gives the "
                         "numbers."),
        .categories = categories,
        .category_count = f->period_count,
        .series = series,
        .series_count = count,
        .percent = true,
    };
    svg_bar_chart(b, &chart);
    chart_numbers(b, _("The numbers of the progress, in percent"), &chart, cells);
}

static void indicator_about(struct request *r, const struct indicator *ind)
{
    struct buf *b = &r->out;
    html_printf(b, "<section class=\"card\"><h2>%s</h2><dl class=\"summary\">", _("About"));
    page_fact(r, _("Kind"), indicator_kind_label(ind->kind));
    if (*ind->unit)
        page_fact(r, _("Unit"), ind->unit);
    page_fact(r, _("Baseline"), baseline_text(r, ind));
    page_fact(r, _("Target"), target_text(r, ind));
    page_fact(r, _("Direction"), indicator_direction_label(ind->direction));
    page_fact(r, _("Rolls up as"), indicator_aggregation_label(ind->aggregation));
    page_fact(r, _("Reported"), indicator_frequency_label(ind->frequency));
    page_fact(r, _("Who may read the figures"), visibility_label(ind->visibility));
    html_raw(b, "</dl></section>\n");
    if (ind->step_count) {
        html_printf(b, "<section class=\"card\"><h2>%s</h2><ol>", _("Scale"));
        for (int i = 0; i < ind->step_count; i++)
            html_printf(b, "<li>%s</li>", ind->steps[i]);
        html_raw(b, "</ol></section>\n");
    }
    html_printf(b, "<section class=\"card\"><h2>%s</h2><ul>", _("Actions"));
    if (indicator_may_define(&r->ctx, ind->alliance_key)) {
        html_printf(b, "<li><a href=\"%s\">%s</a></li>",
                    page_href(r, "/indicators/", ind->id, "/edit"), _("Edit the indicator"));
        html_printf(b, "<li><a href=\"%s\">%s</a></li>",
                    page_href(r, "/indicators/", ind->id, "/delete"), _("Delete the indicator"));
    }
    if (r->ctx.viewer->account_key) {
        html_printf(b, "<li><a href=\"%s\">%s</a></li>",
                    page_href(r, "/indicators/", ind->id, "/record"), _("Record a figure"));
        html_printf(b, "<li><a href=\"%s\">%s</a></li>",
                    page_href(r, "/indicators/", ind->id, "/import"),
                    _("Import figures from a spreadsheet"));
    }
    html_printf(b, "<li><a href=\"%s\" download>%s</a></li>",
                page_href(r, "/indicators/", ind->id, "/observations.csv"),
                _("Download the figures (CSV)"));
    html_raw(b, "</ul></section>\n");
}

void indicator_page(struct request *r)
{
    struct indicator *ind;
    enum status s = indicator_find(&r->ctx, request_capture(r, 0), &ind);
    if (!page_allowed(r, s))
        return;
    struct indicator_figures f;
    if (indicator_figures(&r->ctx, ind, &f) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    struct page p = {.title = ind->name, .context = ind->alliance_name, .nav = "alliances"};
    alliance_crumbs(r, &p, ind->alliance_slug, ind->alliance_name);
    page_crumb(&p, ind->name, NULL);
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b, "<p class=\"caption\">%s</p><h1>%s</h1>\n", _("Indicator"), ind->name);
    if (*ind->description) {
        html_raw(b, "<div class=\"prose\">");
        html_markdown(b, ind->description);
        html_raw(b, "</div>\n");
    }
    if (!f.period_count) {
        page_empty(r, _("No figures yet. Platforms record their figures for each period."),
                   r->ctx.viewer->account_key ? page_href(r, "/indicators/", ind->id, "/record")
                                              : NULL,
                   _("Record a figure"));
    } else {
        int k = period_index(r, &f);
        html_printf(b,
                    "<form class=\"filters\" method=\"get\" action=\"%s\"><div class=\"field\">"
                    "<label class=\"label\" for=\"f-period\">%s</label><select class=\"select\" "
                    "id=\"f-period\" name=\"period\">",
                    page_href(r, "/indicators/", ind->id, ""), _("Period"));
        for (int j = f.period_count - 1; j >= 0; j--)
            html_printf(b,
                        j == k ? "<option value=\"%s\" selected>%s</option>"
                               : "<option value=\"%s\">%s</option>",
                        f.periods[j], indicator_period_label(&r->ctx, f.periods[j]));
        html_printf(b,
                    "</select></div><div class=\"field\"><button class=\"button "
                    "button--secondary\" type=\"submit\">%s</button></div></form>\n",
                    _("Show"));
        rollup_table(r, ind, &f, k);
        trend_chart(r, ind, &f);
        progress_chart(r, ind, &f);
        missing_section(r, &f);
    }
    page_side(r);
    indicator_about(r, ind);
    page_end(r, 200);
}

/* record_form writes the form that records (or corrects) a figure. */
static void record_form(struct request *r, const struct indicator *ind, const struct observation *o,
                        const struct problems *p)
{
    struct indicator_figures f;
    int n = 0;
    struct form_option *platforms = NULL;
    if (indicator_figures(&r->ctx, ind, &f) == STATUS_OK) {
        platforms = arena_array(&r->arena, (size_t)f.platform_count + 1, sizeof *platforms);
        platforms[n++] = (struct form_option){"", _("Choose the platform")};
        for (int i = 0; i < f.platform_count; i++)
            if (indicator_may_record(&r->ctx, f.platform_keys[i]))
                platforms[n++] = (struct form_option){f.platform_ids[i], f.platform_names[i]};
    }
    struct page page = {
        .title = _("Record a figure"), .context = ind->alliance_name, .nav = "alliances"};
    alliance_crumbs(r, &page, ind->alliance_slug, ind->alliance_name);
    page_crumb(&page, ind->name, page_href(r, "/indicators/", ind->id, ""));
    page_crumb(&page, _("Record a figure"), NULL);
    page_begin(r, &page);
    struct buf *b = &r->out;
    html_printf(b, "<p class=\"caption\">%s</p><h1>%s</h1>\n<p>%s</p>\n", ind->name,
                _("Record a figure"),
                _("A figure for a period that already has one corrects it: the earlier figure "
                  "stays in the history."));
    if (n <= 1) {
        page_empty(r,
                   _("You may record figures only for platforms where you convene, facilitate "
                     "or document."),
                   NULL, NULL);
        page_end(r, 200);
        return;
    }
    form_begin(r, page_href(r, "/indicators/", ind->id, "/record"), p);
    form_select(r, p, "platform", _("Platform"), NULL, platforms, n, o->platform_id);
    form_input(r, p, "period", _("Period"),
               str_eq(ind->frequency, "quarter") ? _("Such as 2025-Q3.")
               : str_eq(ind->frequency, "month") ? _("Such as 2025-07.")
                                                 : _("Such as 2025."),
               o->period, "text", true);
    char *hint = NULL;
    if (str_eq(ind->kind, "qualitative")) {
        hint = _("The number of the step:");
        for (int i = 0; i < ind->step_count; i++)
            hint = arena_printf(&r->arena, "%s %d %s%s", hint, i + 1, ind->steps[i],
                                i + 1 < ind->step_count ? "," : ".");
    } else if (*ind->unit) {
        hint = arena_printf(&r->arena, _("In %s."), ind->unit);
    }
    form_input(r, p, "value", _("Value"), hint, o->value, "text", true);
    form_input(r, p, "weight", _("Weight"),
               str_eq(ind->aggregation, "weighted_mean")
                   ? _("Needed: how much this figure counts in the mean above, such as the "
                       "number of people served.")
                   : _("Optional."),
               o->weight, "text", true);
    form_input(r, p, "source", _("Source"), _("Where the figure comes from, such as a survey."),
               o->source, "text", false);
    form_textarea(r, p, "note", _("Note"), NULL, o->note, 3);
    form_end(r, _("Save the figure"), page_href(r, "/indicators/", ind->id, ""), false);
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void observation_new_page(struct request *r)
{
    struct indicator *ind;
    enum status s = indicator_find(&r->ctx, request_capture(r, 0), &ind);
    if (!page_allowed(r, s) || !page_allowed(r, rights_signed_in(&r->ctx)))
        return;
    struct observation o = {.platform_id = (char *)request_query(r, "platform"),
                            .period = (char *)request_query(r, "period")};
    record_form(r, ind, &o, NULL);
}

void observation_create_post(struct request *r)
{
    struct indicator *ind;
    enum status s = indicator_find(&r->ctx, request_capture(r, 0), &ind);
    if (!page_allowed(r, s))
        return;
    struct observation o = {.platform_id = (char *)request_form(r, "platform"),
                            .period = (char *)request_form(r, "period"),
                            .value = (char *)request_form(r, "value"),
                            .weight = (char *)request_form(r, "weight"),
                            .source = (char *)request_form(r, "source"),
                            .note = (char *)request_form(r, "note")};
    struct problems p = {0};
    s = observation_record(&r->ctx, ind, &o, &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/observations/", o.id, ""));
    else if (p.count)
        record_form(r, ind, &o, &p);
    else
        page_fail(r, s);
}

void observation_page(struct request *r)
{
    struct observation *o;
    enum status s = observation_find(&r->ctx, request_capture(r, 0), &o);
    if (!page_allowed(r, s))
        return;
    struct indicator *ind;
    s = indicator_find(&r->ctx, o->indicator_id, &ind);
    if (!page_allowed(r, s))
        return;
    struct observation_filter f = {.indicator_key = o->indicator_key,
                                   .platform_key = o->platform_key,
                                   .period = o->period,
                                   .history = true};
    struct observation_list history;
    if (observation_list(&r->ctx, &f, &history) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    char *period = indicator_period_label(&r->ctx, o->period);
    char *title = arena_printf(&r->arena, _("%s, %s"), o->platform_name, period);
    struct page p = {.title = title, .context = ind->alliance_name, .nav = "alliances"};
    alliance_crumbs(r, &p, ind->alliance_slug, ind->alliance_name);
    page_crumb(&p, ind->name, page_href(r, "/indicators/", ind->id, ""));
    page_crumb(&p, title, NULL);
    page_begin(r, &p);
    struct buf *b = &r->out;
    double v = 0;
    indicator_parse_number(o->value, &v);
    html_printf(b, "<p class=\"caption\">%s</p><h1>%s</h1>\n", ind->name, title);
    if (!o->current)
        html_printf(b, "<div class=\"banner\"><p>%s</p></div>\n",
                    _("This figure was corrected: the current figure is the first of the "
                      "history below."));
    html_printf(b, "<p class=\"lead\">%s</p>\n", indicator_value_text(&r->ctx, ind, v));
    html_printf(b, "<h2>%s</h2>\n", _("History"));
    html_printf(b,
                "<div class=\"table-wrap\"><table class=\"table\"><thead><tr>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "</tr></thead><tbody>\n",
                _("Recorded"), _("Value"), _("Weight"), _("Source"), _("Note"), _("By"));
    for (int i = 0; i < history.count; i++) {
        const struct observation *h = &history.items[i];
        double hv = 0;
        indicator_parse_number(h->value, &hv);
        html_raw(b, "<tr><td>");
        page_date(r, h->recorded_at);
        if (h->current) {
            html_raw(b, " ");
            page_tag(r, "green", _("Current"));
        } else {
            html_raw(b, " ");
            page_tag(r, "grey", _("Corrected"));
        }
        html_printf(b, "</td><td><a href=\"%s\">%s</a></td><td>%s</td><td>%s</td><td>%s</td><td>",
                    page_href(r, "/observations/", h->id, ""),
                    indicator_value_text(&r->ctx, ind, hv), h->weight ? h->weight : "—", h->source,
                    h->note);
        if (h->author_id)
            html_printf(b, "<a href=\"%s\">%s</a>", page_href(r, "/people/", h->author_id, ""),
                        h->author_name);
        html_raw(b, "</td></tr>\n");
    }
    html_raw(b, "</tbody></table></div>\n");
    page_side(r);
    html_printf(b, "<section class=\"card\"><h2>%s</h2><dl class=\"summary\">", _("About"));
    page_fact_begin(r, _("Platform"));
    html_printf(b, "<a href=\"%s\">%s</a>",
                page_href(r, "/platforms/", o->platform_id, "/indicators"), o->platform_name);
    page_fact_end(r);
    page_fact(r, _("Period"), period);
    page_fact(r, _("Indicator"), ind->name);
    html_raw(b, "</dl></section>\n");
    if (indicator_may_record(&r->ctx, o->platform_key)) {
        html_printf(b, "<section class=\"card\"><h2>%s</h2><ul><li><a href=\"", _("Actions"));
        html_text(b, page_href(r, "/indicators/", ind->id, "/record"));
        html_raw(b, "?platform=");
        html_url_arg(b, o->platform_id);
        html_raw(b, "&amp;period=");
        html_url_arg(b, o->period);
        html_printf(b, "\">%s</a></li><li><a href=\"%s\">%s</a></li></ul></section>\n",
                    _("Correct the figure"), page_href(r, "/observations/", o->id, "/delete"),
                    _("Withdraw the figure"));
    }
    page_end(r, 200);
}

void platform_indicators_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    struct listing l;
    listing_default(&l);
    l.limit = LISTING_MAX_LIMIT;
    struct indicator_list list;
    if (indicator_list(&r->ctx, pl->alliance_key, &l, &list) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    struct page p = {.title = _("Indicators"), .context = pl->alliance_name, .nav = "alliances"};
    page_crumb(&p, _("Alliances"), "/");
    page_crumb(&p, pl->alliance_name, page_href(r, "/alliances/", pl->alliance_slug, ""));
    page_crumb(&p, pl->name, page_href(r, "/platforms/", pl->id, ""));
    page_crumb(&p, _("Indicators"), NULL);
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n", arena_printf(&r->arena, _("Indicators of %s"), pl->name));
    if (!list.count) {
        page_empty(r, _("The alliance has no indicators yet."),
                   indicator_may_define(&r->ctx, pl->alliance_key)
                       ? page_href(r, "/alliances/", pl->alliance_slug, "/indicators/new")
                       : NULL,
                   _("Define an indicator"));
        page_end(r, 200);
        return;
    }
    html_printf(b,
                "<div class=\"table-wrap\"><table class=\"table\"><thead><tr>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>\n",
                _("Indicator"), _("Latest period"), _("Figure"), _("Target"), _("Progress"));
    bool may = indicator_may_record(&r->ctx, pl->key);
    for (int j = 0; j < list.count; j++) {
        const struct indicator *ind = &list.items[j];
        struct indicator_figures f;
        if (indicator_figures(&r->ctx, ind, &f) != STATUS_OK)
            continue;
        int i = indicator_platform_index(&f, pl->key);
        int k = f.period_count - 1;
        while (k >= 0 && i >= 0 && !f.nodes[k][i].figure.present)
            k--;
        html_printf(b, "<tr><td><a href=\"%s\">%s</a></td><td>",
                    page_href(r, "/indicators/", ind->id, ""), ind->name);
        if (k < 0 || i < 0) {
            html_printf(b, "—</td><td><span class=\"muted\">%s</span></td><td>%s</td><td>—</td>",
                        _("Not reported"), target_text(r, ind));
        } else {
            const struct rollup_node *n = &f.nodes[k][i];
            html_printf(b, "%s</td><td>", indicator_period_label(&r->ctx, f.periods[k]));
            figure_cell(r, ind, &n->figure);
            if (n->children && n->rolled.present)
                html_printf(b, " <span class=\"muted small\">%s</span>", _("rolled up"));
            if (n->differs) {
                html_raw(b, " ");
                page_tag(r, "orange", _("Differs from the roll-up"));
            }
            double baseline = 0, target;
            html_printf(b, "</td><td>%s</td><td>", target_text(r, ind));
            if (ind->baseline)
                indicator_parse_number(ind->baseline, &baseline);
            if (ind->target && indicator_parse_number(ind->target, &target) == 0 &&
                target != baseline)
                html_printf(b, "%s%%",
                            indicator_format_number(
                                &r->ctx, 100 * rollup_progress(baseline, target, n->figure.value)));
            else
                html_raw(b, "—");
            html_raw(b, "</td>");
        }
        html_raw(b, "</tr>\n");
    }
    html_raw(b, "</tbody></table></div>\n");
    if (may)
        html_printf(b, "<p>%s</p>\n", _("To record a figure, open the indicator."));
    page_end(r, 200);
}

void indicator_csv_page(struct request *r)
{
    struct indicator *ind;
    enum status s = indicator_find(&r->ctx, request_capture(r, 0), &ind);
    if (!page_allowed(r, s))
        return;
    struct observation_filter f = {.indicator_key = ind->key,
                                   .history = str_eq(request_query(r, "history"), "1")};
    struct observation_list list;
    if (observation_list(&r->ctx, &f, &list) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    struct csv_writer w;
    csv_writer_begin(&w, csv_sink_buf, &r->out);
    static const char *const header[] = {"platform", "platform_name", "period",
                                         "value",    "weight",        "source",
                                         "note",     "recorded_at",   "current"};
    for (size_t i = 0; i < sizeof header / sizeof header[0]; i++)
        csv_cell(&w, header[i]);
    csv_row(&w);
    for (int i = 0; i < list.count; i++) {
        const struct observation *o = &list.items[i];
        csv_cell(&w, o->platform_id);
        csv_cell(&w, o->platform_name);
        csv_cell(&w, o->period);
        csv_cell(&w, o->value);
        csv_cell(&w, o->weight);
        csv_cell(&w, o->source);
        csv_cell(&w, o->note);
        csv_cell(&w, o->recorded_at);
        csv_cell(&w, o->current ? "yes" : "no");
        csv_row(&w);
    }
    if (w.failed) {
        buf_reset(&r->out);
        page_error(r, 500, _("The figures are too many to download from the web"));
        return;
    }
    request_set_header(r, "Content-Disposition", "attachment; filename=\"observations.csv\"");
    request_send(r, 200, "text/csv; charset=utf-8");
}

void monitoring_platform_card(struct request *r, const struct platform *pl)
{
    struct buf *b = &r->out;
    html_printf(b, "<section class=\"card\"><h2>%s</h2><ul>", _("Monitoring and resources"));
    html_printf(b, "<li><a href=\"%s\">%s</a></li>",
                page_href(r, "/platforms/", pl->id, "/indicators"), _("Indicators"));
    html_printf(b, "<li><a href=\"%s\">%s</a></li>", page_href(r, "/platforms/", pl->id, "/budget"),
                _("Budget"));
    html_printf(b, "<li><a href=\"%s\">%s</a></li>", page_href(r, "/platforms/", pl->id, "/needs"),
                _("Needs beyond the budget"));
    html_raw(b, "</ul></section>\n");
}

void monitoring_alliance_links(struct request *r, const char *slug)
{
    html_printf(&r->out, "<li><a href=\"%s\">%s</a></li>",
                page_href(r, "/alliances/", slug, "/indicators"), _("Indicators"));
    html_printf(&r->out, "<li><a href=\"%s\">%s</a></li>",
                page_href(r, "/alliances/", slug, "/budget"), _("Budget"));
}

/* import_report writes what an import did, or would do, and its problems. */
static void import_report(struct request *r, const struct observation_import_report *rep,
                          enum status s, bool dry_run)
{
    struct buf *b = &r->out;
    if (s == STATUS_OK) {
        char *done = arena_printf(&r->arena,
                                  dry_run ? _("The file is good: %lld figures would be recorded "
                                              "(%lld of them correcting a figure already there), "
                                              "%lld corrected rows left out. Nothing was imported.")
                                          : _("Imported: %lld figures recorded (%lld of them "
                                              "correcting a figure already there), %lld corrected "
                                              "rows left out."),
                                  (long long)rep->recorded, (long long)rep->corrected,
                                  (long long)rep->skipped);
        html_printf(b, "<div class=\"banner banner--success\" role=\"status\"><p>%s</p></div>\n",
                    done);
        return;
    }
    html_printf(b, "<div class=\"error-summary\" role=\"alert\"><h2>%s</h2><p>%s</p></div>\n",
                _("Nothing was imported"),
                arena_printf(&r->arena,
                             _("%d problems in %lld rows. Correct them and send the file again."),
                             rep->problem_count, (long long)rep->rows));
    html_printf(b,
                "<div class=\"table-wrap\"><table class=\"table\"><caption>%s</caption><thead>"
                "<tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s"
                "</th></tr></thead><tbody>\n",
                _("Problems"), _("Line"), _("Column"), _("Problem"));
    int shown = rep->problem_count < OBSERVATION_IMPORT_PROBLEMS_MAX
                    ? rep->problem_count
                    : OBSERVATION_IMPORT_PROBLEMS_MAX;
    for (int i = 0; i < shown; i++)
        html_printf(b, "<tr><td>%s</td><td>%s</td><td>%s</td></tr>\n",
                    rep->problems[i].line
                        ? arena_printf(&r->arena, "%lld", (long long)rep->problems[i].line)
                        : "—",
                    rep->problems[i].column ? rep->problems[i].column : "—",
                    rep->problems[i].message);
    html_raw(b, "</tbody></table></div>\n");
}

static void import_form(struct request *r, const struct indicator *ind, const char *figures,
                        const char *period, const char *mode,
                        const struct observation_import_report *rep, enum status s)
{
    struct page page = {
        .title = _("Import figures"), .context = ind->alliance_name, .nav = "alliances"};
    alliance_crumbs(r, &page, ind->alliance_slug, ind->alliance_name);
    page_crumb(&page, ind->name, page_href(r, "/indicators/", ind->id, ""));
    page_crumb(&page, _("Import figures"), NULL);
    page_begin(r, &page);
    struct buf *b = &r->out;
    html_printf(b, "<p class=\"caption\">%s</p><h1>%s</h1>\n<p>%s</p>\n", ind->name,
                _("Import figures"),
                _("Paste the figures of a period from a spreadsheet saved as CSV. The first row "
                  "names the columns: platform (its id or its exact name), period, value, and if "
                  "you have them weight, source and note. The file downloaded from the "
                  "indicator's page can be sent back as it is. One bad row and nothing is "
                  "imported; check the file first."));
    if (rep)
        import_report(r, rep, s, str_eq(mode, "check"));
    static const struct form_option modes[] = {{"check", N_("Check the file, import nothing")},
                                               {"import", N_("Import the figures")}};
    struct form_option options[2];
    for (int i = 0; i < 2; i++)
        options[i] = (struct form_option){modes[i].value, _(modes[i].label)};
    form_begin(r, page_href(r, "/indicators/", ind->id, "/import"), NULL);
    form_input(r, NULL, "period", _("Period of the file"),
               _("Optional: when given, every row is for this period, and the column may be "
                 "left out."),
               period, "text", true);
    form_textarea(r, NULL, "figures", _("The figures, as CSV"), NULL, figures, 12);
    form_select(r, NULL, "mode", _("What to do"), NULL, options, 2, mode);
    form_end(r, _("Send"), page_href(r, "/indicators/", ind->id, ""), false);
    page_end(r, s == STATUS_INVALID ? 400 : 200);
}

void observation_import_page(struct request *r)
{
    struct indicator *ind;
    enum status s = indicator_find(&r->ctx, request_capture(r, 0), &ind);
    if (!page_allowed(r, s) || !page_allowed(r, rights_signed_in(&r->ctx)))
        return;
    import_form(r, ind, "platform,period,value,source,note\n", request_query(r, "period"), "check",
                NULL, STATUS_OK);
}

void observation_import_post(struct request *r)
{
    struct indicator *ind;
    enum status s = indicator_find(&r->ctx, request_capture(r, 0), &ind);
    if (!page_allowed(r, s) || !page_allowed(r, rights_signed_in(&r->ctx)))
        return;
    const char *figures = request_form(r, "figures");
    const char *period = request_form(r, "period");
    const char *mode = str_eq(request_form(r, "mode"), "import") ? "import" : "check";
    figures = figures ? figures : "";
    FILE *in = fmemopen((void *)figures, strlen(figures), "r");
    if (!in) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    struct observation_import_report *rep = arena_alloc(&r->arena, sizeof *rep);
    s = observation_import(&r->ctx, ind, in, period, str_eq(mode, "check"), rep);
    fclose(in);
    if (s == STATUS_ERROR) {
        page_fail(r, s);
        return;
    }
    import_form(r, ind, figures, period, mode, rep, s);
}

/* confirm_page asks before a record of an indicator (the record at
 * prefix + id) is deleted: title, the last crumb, what will happen; the form
 * posts to prefix + id + "/delete", and cancelling goes back to the record. */
static void confirm_page(struct request *r, const struct indicator *ind, const char *title,
                         const char *crumb, const char *what, const char *prefix, const char *id)
{
    struct page page = {.title = title, .context = ind->alliance_name, .nav = "alliances"};
    alliance_crumbs(r, &page, ind->alliance_slug, ind->alliance_name);
    page_crumb(&page, ind->name, page_href(r, "/indicators/", ind->id, ""));
    page_crumb(&page, crumb, NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n<p>%s</p>\n", title, what);
    form_begin(r, page_href(r, prefix, id, "/delete"), NULL);
    form_end(r, title, page_href(r, prefix, id, ""), true);
    page_end(r, 200);
}

void indicator_delete_page(struct request *r)
{
    struct indicator *ind;
    enum status s = indicator_find(&r->ctx, request_capture(r, 0), &ind);
    if (!page_allowed(r, s) || !page_allowed(r, rights_on_alliance(&r->ctx, ind->alliance_key)))
        return;
    confirm_page(r, ind, _("Delete the indicator"), _("Delete"),
                 arena_printf(&r->arena,
                              _("The indicator %s and its %lld figures (corrections included) "
                                "will be deleted. The audit trail keeps a record of the "
                                "deletion. Download the figures first if you may need them."),
                              ind->name, (long long)indicator_figure_count(&r->ctx, ind)),
                 "/indicators/", ind->id);
}

void indicator_delete_post(struct request *r)
{
    struct indicator *ind;
    enum status s = indicator_find(&r->ctx, request_capture(r, 0), &ind);
    if (!page_allowed(r, s))
        return;
    s = indicator_delete(&r->ctx, ind);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/alliances/", ind->alliance_slug, "/indicators"));
    else
        page_fail(r, s);
}

/* observation_load finds the observation of the address and its indicator,
 * and checks the right to record for its platform. */
static struct observation *observation_load(struct request *r, struct indicator **ind)
{
    struct observation *o;
    enum status s = observation_find(&r->ctx, request_capture(r, 0), &o);
    if (!page_allowed(r, s))
        return NULL;
    s = indicator_find(&r->ctx, o->indicator_id, ind);
    if (!page_allowed(r, s) ||
        !page_allowed(r, rights_on_platform(&r->ctx, o->platform_key, RIGHT_PUBLISH_ITEMS)))
        return NULL;
    return o;
}

void observation_delete_page(struct request *r)
{
    struct indicator *ind;
    struct observation *o = observation_load(r, &ind);
    if (!o)
        return;
    char *period = indicator_period_label(&r->ctx, o->period);
    confirm_page(r, ind, _("Withdraw the figure"), _("Withdraw"),
                 arena_printf(&r->arena,
                              _("The figure of %s for %s, with its history of corrections, will "
                                "be deleted: for a figure recorded for the wrong platform or "
                                "period. To change a figure, correct it instead. The audit trail "
                                "keeps a record."),
                              o->platform_name, period),
                 "/observations/", o->id);
}

void observation_delete_post(struct request *r)
{
    struct indicator *ind;
    struct observation *o = observation_load(r, &ind);
    if (!o)
        return;
    enum status s = observation_delete(&r->ctx, ind, o);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/indicators/", ind->id, ""));
    else
        page_fail(r, s);
}

#define PLATFORM_SECTION_INDICATORS 5

void indicator_platform_section(struct request *r, const struct platform *pl)
{
    struct listing l;
    listing_default(&l);
    l.limit = PLATFORM_SECTION_INDICATORS;
    struct indicator_list list;
    if (indicator_list(&r->ctx, pl->alliance_key, &l, &list) != STATUS_OK || !list.count)
        return;
    struct buf *b = &r->out;
    html_printf(b, "<h2 id=\"indicators\">%s</h2>\n<ul>", _("Indicators"));
    for (int j = 0; j < list.count; j++) {
        const struct indicator *ind = &list.items[j];
        struct indicator_figures f;
        if (indicator_figures(&r->ctx, ind, &f) != STATUS_OK)
            continue;
        int i = indicator_platform_index(&f, pl->key);
        int k = f.period_count - 1;
        while (k >= 0 && i >= 0 && !f.nodes[k][i].figure.present)
            k--;
        html_printf(b, "<li><a href=\"%s\">%s</a>: ", page_href(r, "/indicators/", ind->id, ""),
                    ind->name);
        if (k < 0 || i < 0)
            html_printf(b, "<span class=\"muted\">%s</span>", _("Not reported"));
        else
            html_printf(b, "%s <span class=\"muted small\">(%s)</span>",
                        indicator_value_text(&r->ctx, ind, f.nodes[k][i].figure.value),
                        indicator_period_label(&r->ctx, f.periods[k]));
        html_raw(b, "</li>");
    }
    html_raw(b, "</ul>\n");
    html_printf(b, "<p><a href=\"%s\">%s</a></p>\n",
                page_href(r, "/platforms/", pl->id, "/indicators"),
                list.total > list.count
                    ? arena_printf(&r->arena, _("See all %lld indicators"), (long long)list.total)
                    : _("See the indicators and their progress"));
}
