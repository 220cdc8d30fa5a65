/*
 * web/flow.c — flow figures (flow.h) as pages: per alliance and per
 * platform, a chooser of the period (month, quarter, year) and of how many,
 * two charts (shares by direction and received; response and adoption
 * rates) with a table of every figure beside them for screen readers and
 * print, and the same table as CSV (core/csv.h). The alliance page shows the
 * last four quarters.
 */
#include "domain/flow.h"

#include "core/arena.h"
#include "core/csv.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/alliance.h"
#include "domain/application.h"
#include "domain/platform.h"
#include "web/form.h"
#include "web/html.h"
#include "web/load.h"
#include "web/page.h"
#include "web/svg.h"
#include "web/table.h"
#include "web/web.h"

#include <stdio.h>

/* What the address asks for: ?period=, ?periods=, ?until=. */
struct flow_ask {
    const char *period;
    int count;
    const char *until; /* NULL: today */
};

/* flow_ask_read reads the chooser; answers 400 naming the field and returns
 * -1 when a value is not one. */
static int flow_ask_read(struct request *r, struct flow_ask *ask, bool page)
{
    const char *period = request_query(r, "period");
    ask->period = str_empty(period) ? "quarter" : period;
    if (!flow_period_valid(ask->period)) {
        page_error(r, 400, _("period must be month, quarter or year"));
        return -1;
    }
    const char *periods = request_query(r, "periods");
    int64_t n = flow_default_count(ask->period);
    if (!str_empty(periods) && str_parse_int64(periods, 1, FLOW_PERIODS_MAX, &n) != 0) {
        page_error(r, 400,
                   arena_printf(&r->arena, _("periods must be a whole number from 1 to %d"),
                                FLOW_PERIODS_MAX));
        return -1;
    }
    ask->count = (int)n;
    const char *until = request_query(r, "until");
    ask->until = str_empty(until) ? NULL : until;
    (void)page;
    return 0;
}

/* percent writes a rate, or a dash when there is none. */
static const char *percent(struct request *r, double rate)
{
    return rate < 0 ? "–" : arena_printf(&r->arena, "%.0f%%", rate);
}

static const char *days(struct request *r, double d)
{
    return d < 0 ? "–" : arena_printf(&r->arena, "%.1f", d);
}

/* flow_table writes every figure, a row a period and the total. */
static void flow_table(struct request *r, const struct flow *f, const char *caption)
{
    struct buf *b = &r->out;
    html_printf(b,
                "<div class=\"table-wrap\"><table class=\"table\"><caption>%s</caption><thead><tr>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "</tr></thead><tbody>\n",
                caption, flow_period_label(f->period), _("Shared up"), _("Shared down"),
                _("Shared across"), _("Received"), _("Response rate"),
                _("Median days to a response"), _("Adoption rate"), _("Lessons applied"));
    for (int i = 0; i <= f->count; i++) {
        const struct flow_figures *x = i < f->count ? &f->periods[i] : &f->total;
        html_printf(b,
                    i < f->count ? "<tr><th scope=\"row\">%s</th>"
                                 : "<tr><th scope=\"row\">"
                                   "<strong>%s</strong></th>",
                    x->label);
        html_printf(b,
                    "<td>%lld</td><td>%lld</td><td>%lld</td><td>%lld</td><td>%s</td><td>%s</td>"
                    "<td>%s</td><td>%lld</td></tr>\n",
                    (long long)x->up, (long long)x->down, (long long)x->across,
                    (long long)x->received, percent(r, x->response_rate), days(r, x->median_days),
                    percent(r, x->adoption_rate), (long long)x->lessons_applied);
    }
    html_raw(b, "</tbody></table></div>\n");
}

/* flow_charts writes the two charts. */
static void flow_charts(struct request *r, const struct flow *f, bool rates_too)
{
    const char **labels = arena_array(&r->arena, (size_t)f->count, sizeof *labels);
    double *up = arena_array(&r->arena, (size_t)f->count, sizeof *up);
    double *down = arena_array(&r->arena, (size_t)f->count, sizeof *down);
    double *across = arena_array(&r->arena, (size_t)f->count, sizeof *across);
    double *received = arena_array(&r->arena, (size_t)f->count, sizeof *received);
    double *response = arena_array(&r->arena, (size_t)f->count, sizeof *response);
    double *adoption = arena_array(&r->arena, (size_t)f->count, sizeof *adoption);
    for (int i = 0; i < f->count; i++) {
        labels[i] = f->periods[i].label;
        up[i] = (double)f->periods[i].up;
        down[i] = (double)f->periods[i].down;
        across[i] = (double)f->periods[i].across;
        received[i] = (double)f->periods[i].received;
        response[i] = f->periods[i].response_rate;
        adoption[i] = f->periods[i].adoption_rate;
    }
    struct svg_series shares[] = {{_("Shared up"), up},
                                  {_("Shared down"), down},
                                  {_("Shared across"), across},
                                  {_("Received"), received}};
    struct svg_chart chart = {
        .id = "flow-shares",
        .title = _("Shares by period"),
        .description = _("Shares sent up, down and across, and shares received, in each period; "
                         "the table gives the numbers."),
        .categories = labels,
        .category_count = f->count,
        .series = shares,
        .series_count = 4,
        .height = 240,
    };
    html_raw(&r->out, "<figure class=\"chart\">");
    svg_bar_chart(&r->out, &chart);
    html_raw(&r->out, "</figure>\n");
    if (!rates_too)
        return;
    struct svg_series rates[] = {{_("Response rate"), response}, {_("Adoption rate"), adoption}};
    struct svg_chart line = {
        .id = "flow-rates",
        .title = _("Response and adoption rates by period"),
        .description = _("Of the shares received in each period, the share answered and the "
                         "share adopted, in per cent; the table gives the numbers."),
        .categories = labels,
        .category_count = f->count,
        .series = rates,
        .series_count = 2,
        .percent = true,
        .height = 220,
    };
    html_raw(&r->out, "<figure class=\"chart\">");
    svg_line_chart(&r->out, &line);
    html_raw(&r->out, "</figure>\n");
}

/* chooser writes the GET form of the period. */
static void chooser(struct request *r, const char *action, const struct flow_ask *ask)
{
    struct buf *b = &r->out;
    struct form_option periods[3] = {
        {"quarter", _("Quarter")}, {"month", _("Month")}, {"year", _("Year")}};
    html_printf(b, "<form class=\"filters\" method=\"get\" action=\"%s\">", action);
    table_filter_select(r, "period", _("Period"), periods, 3, ask->period);
    html_printf(b,
                "<div class=\"field\"><label class=\"label\" for=\"f-periods\">%s</label>"
                "<input class=\"input input--short\" id=\"f-periods\" name=\"periods\" "
                "type=\"number\" min=\"1\" max=\"%d\" value=\"%d\"></div>",
                _("How many"), FLOW_PERIODS_MAX, ask->count);
    html_printf(b,
                "<div class=\"field\"><label class=\"label\" for=\"f-until\">%s</label>"
                "<input class=\"input input--short\" id=\"f-until\" name=\"until\" type=\"date\" "
                "value=\"%s\"></div>",
                _("Up to the period of"), ask->until ? ask->until : "");
    html_printf(b,
                "<div class=\"field\"><button class=\"button button--secondary\" "
                "type=\"submit\">%s</button></div></form>\n",
                _("Show"));
}

/* csv_href is the CSV address with the same choice. */
static const char *csv_href(struct request *r, const char *base, const struct flow_ask *ask)
{
    struct buf b;
    buf_init(&b, 256);
    html_text(&b, base);
    html_raw(&b, "?period=");
    html_url_arg(&b, ask->period);
    html_printf(&b, "&amp;periods=%d", ask->count);
    if (ask->until) {
        html_raw(&b, "&amp;until=");
        html_url_arg(&b, ask->until);
    }
    char *out = arena_strdup(&r->arena, b.data ? b.data : "");
    buf_free(&b);
    return out;
}

/* applied_list writes the latest applications of the periods shown. */
static void applied_list(struct request *r, const struct flow *f, int64_t alliance_key,
                         int64_t platform_key)
{
    struct listing l;
    listing_default(&l);
    l.limit = 20;
    struct application_filter af = {.alliance_key = platform_key ? 0 : alliance_key,
                                    .platform_key = platform_key,
                                    .from = f->total.from,
                                    .to = f->total.to};
    struct application_list list;
    if (application_list(&r->ctx, &af, &l, &list) != STATUS_OK || list.count == 0)
        return;
    struct buf *b = &r->out;
    html_printf(b,
                "<h2>%s</h2>\n<div class=\"table-wrap\"><table class=\"table\"><thead><tr>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th></tr></thead><tbody>\n",
                _("Lessons applied"), _("Date"), _("Lesson"), _("It became the basis of"),
                _("Where"));
    for (int i = 0; i < list.count; i++) {
        const struct application *a = &list.items[i];
        html_raw(b, "<tr><td>");
        page_date(r, a->applied_on);
        html_printf(b,
                    "</td><td><a href=\"%s\">%s</a></td><td><a href=\"%s\">%s</a></td>"
                    "<td><a href=\"%s\">%s</a></td></tr>\n",
                    page_href(r, "/lessons/", a->lesson_id, ""), a->lesson_title,
                    page_href(r, "/applications/", a->id, ""), application_kind_label(a->kind),
                    page_href(r, "/platforms/", a->platform_id, ""), a->platform_name);
    }
    html_raw(b, "</tbody></table></div>\n");
    if (list.total > list.count)
        html_printf(b, "<p class=\"muted\">%s</p>\n",
                    arena_printf(&r->arena, _("And %lld more, in the CSV and the API."),
                                 (long long)(list.total - list.count)));
}

/* flow_body writes the figures: charts, table, CSV link. */
static void flow_body(struct request *r, const struct flow *f, const char *csv)
{
    struct buf *b = &r->out;
    html_printf(b, "<p>%s</p>\n",
                _("Counted over the shares and applications you may see. A share counts in the "
                  "period it was made, with its response whenever it came; the rates are of the "
                  "shares received (less those withdrawn before a response)."));
    flow_charts(r, f, true);
    flow_table(r, f, _("Flow figures by period"));
    html_raw(b, "<p class=\"download\"><a href=\"");
    html_raw(b, csv); /* escaped by csv_href */
    html_printf(b, "\" download>%s</a></p>\n", _("Download CSV"));
}

void flow_alliance_page(struct request *r)
{
    struct alliance *a = load_alliance(r, request_capture(r, 0));
    struct flow_ask ask;
    if (!a || flow_ask_read(r, &ask, true) != 0)
        return;
    struct flow f;
    enum status s = flow_figures(&r->ctx, a->key, 0, ask.period, ask.count, ask.until, &f);
    if (s == STATUS_INVALID) {
        page_error(r, 400, _("until must be a date, as 2026-03-12"));
        return;
    }
    if (s != STATUS_OK) {
        page_fail(r, s);
        return;
    }
    struct page p = {.title = _("Flow figures"), .context = a->name, .nav = "alliances"};
    page_crumb(&p, _("Alliances"), "/");
    page_crumb(&p, a->name, page_href(r, "/alliances/", a->slug, ""));
    page_crumb(&p, _("Flow figures"), NULL);
    page_begin(r, &p);
    html_printf(&r->out, "<p class=\"caption\">%s</p><h1>%s</h1>\n", a->name, _("Flow figures"));
    html_printf(&r->out, "<p class=\"lead\">%s</p>\n",
                _("How knowledge moves between the alliance's platforms: shares up, down and "
                  "across, the responses to them, and the lessons applied."));
    const char *base = page_href(r, "/alliances/", a->slug, "/flows");
    chooser(r, base, &ask);
    flow_body(r, &f, csv_href(r, page_href(r, "/alliances/", a->slug, "/flows.csv"), &ask));
    applied_list(r, &f, a->key, 0);
    page_end(r, 200);
}

void flow_platform_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    struct flow_ask ask;
    if (!pl || flow_ask_read(r, &ask, true) != 0)
        return;
    struct flow f;
    enum status s =
        flow_figures(&r->ctx, pl->alliance_key, pl->key, ask.period, ask.count, ask.until, &f);
    if (s == STATUS_INVALID) {
        page_error(r, 400, _("until must be a date, as 2026-03-12"));
        return;
    }
    if (s != STATUS_OK) {
        page_fail(r, s);
        return;
    }
    struct page p = {.title = _("Flow figures"), .context = pl->alliance_name, .nav = "alliances"};
    page_crumb(&p, _("Alliances"), "/");
    page_crumb(&p, pl->alliance_name, page_href(r, "/alliances/", pl->alliance_slug, ""));
    page_crumb(&p, pl->name, page_href(r, "/platforms/", pl->id, ""));
    page_crumb(&p, _("Flow figures"), NULL);
    page_begin(r, &p);
    html_printf(&r->out, "<p class=\"caption\">%s</p><h1>%s</h1>\n", pl->name, _("Flow figures"));
    html_printf(&r->out, "<p class=\"lead\">%s</p>\n",
                _("What this platform shared up, down and across, what it did with what it "
                  "received, and the lessons applied here."));
    chooser(r, page_href(r, "/platforms/", pl->id, "/flows"), &ask);
    flow_body(r, &f, csv_href(r, page_href(r, "/platforms/", pl->id, "/flows.csv"), &ask));
    applied_list(r, &f, pl->alliance_key, pl->key);
    page_end(r, 200);
}

/* rate_cell is a rate for CSV: one decimal, empty when there is none. */
static const char *rate_cell(struct request *r, double v)
{
    return v < 0 ? "" : arena_printf(&r->arena, "%.1f", v);
}

static const char *int_cell(struct request *r, int64_t v)
{
    return arena_printf(&r->arena, "%lld", (long long)v);
}

/* flow_csv_send answers the figures as a CSV attachment. */
static void flow_csv_send(struct request *r, const struct flow *f, const char *file_name)
{
    struct csv_writer w;
    csv_writer_begin(&w, csv_sink_buf, &r->out);
    static const char *const header[] = {"period",
                                         "from",
                                         "to",
                                         "shared_up",
                                         "shared_down",
                                         "shared_across",
                                         "received",
                                         "responded",
                                         "response_rate",
                                         "median_days_to_response",
                                         "adopted",
                                         "adoption_rate",
                                         "lessons_applied",
                                         "applications"};
    for (size_t i = 0; i < sizeof header / sizeof header[0]; i++)
        csv_cell(&w, header[i]);
    csv_row(&w);
    for (int i = 0; i <= f->count; i++) {
        const struct flow_figures *x = i < f->count ? &f->periods[i] : &f->total;
        csv_cell(&w, i < f->count ? x->label : "total");
        csv_cell(&w, x->from);
        csv_cell(&w, x->to);
        csv_cell(&w, int_cell(r, x->up));
        csv_cell(&w, int_cell(r, x->down));
        csv_cell(&w, int_cell(r, x->across));
        csv_cell(&w, int_cell(r, x->received));
        csv_cell(&w, int_cell(r, x->responded));
        csv_cell(&w, rate_cell(r, x->response_rate));
        csv_cell(&w, rate_cell(r, x->median_days));
        csv_cell(&w, int_cell(r, x->adopted));
        csv_cell(&w, rate_cell(r, x->adoption_rate));
        csv_cell(&w, int_cell(r, x->lessons_applied));
        csv_cell(&w, int_cell(r, x->applications));
        csv_row(&w);
    }
    if (w.failed) {
        buf_reset(&r->out);
        page_error(r, 500, _("The figures could not be written"));
        return;
    }
    request_set_header(r, "Content-Disposition",
                       arena_printf(&r->arena, "attachment; filename=\"%s\"", file_name));
    request_send(r, 200, "text/csv; charset=utf-8");
}

void flow_alliance_csv(struct request *r)
{
    struct alliance *a = load_alliance(r, request_capture(r, 0));
    struct flow_ask ask;
    if (!a || flow_ask_read(r, &ask, false) != 0)
        return;
    struct flow f;
    enum status s = flow_figures(&r->ctx, a->key, 0, ask.period, ask.count, ask.until, &f);
    if (s == STATUS_INVALID)
        page_error(r, 400, _("until must be a date, as 2026-03-12"));
    else if (s != STATUS_OK)
        page_fail(r, s);
    else
        flow_csv_send(r, &f, "flows.csv");
}

void flow_platform_csv(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    struct flow_ask ask;
    if (!pl || flow_ask_read(r, &ask, false) != 0)
        return;
    struct flow f;
    enum status s =
        flow_figures(&r->ctx, pl->alliance_key, pl->key, ask.period, ask.count, ask.until, &f);
    if (s == STATUS_INVALID)
        page_error(r, 400, _("until must be a date, as 2026-03-12"));
    else if (s != STATUS_OK)
        page_fail(r, s);
    else
        flow_csv_send(r, &f, "flows.csv");
}

void flow_alliance_section(struct request *r, const struct alliance *a)
{
    struct flow f;
    if (flow_figures(&r->ctx, a->key, 0, "quarter", 4, NULL, &f) != STATUS_OK)
        return;
    struct buf *b = &r->out;
    html_printf(b, "<h2 id=\"flows\">%s</h2>\n", _("Flow figures"));
    if (f.total.up + f.total.down + f.total.across + f.total.received + f.total.applications == 0) {
        page_empty(r,
                   r->ctx.viewer->account_key
                       ? _("No shares you may see in the last four quarters. Share a lesson "
                           "from its page: up to the parent platform, down or across.")
                       : _("No shares you may see in the last four quarters: shares are seen "
                           "by the members of the platforms that send and receive them. Sign "
                           "in to see yours."),
                   NULL, NULL);
        return;
    }
    html_printf(b, "<p>%s</p>\n",
                arena_printf(&r->arena,
                             _("In the last four quarters: %lld shares up, %lld down and %lld "
                               "across; %s of those received answered, %s adopted; %lld "
                               "lessons applied."),
                             (long long)f.total.up, (long long)f.total.down,
                             (long long)f.total.across, percent(r, f.total.response_rate),
                             percent(r, f.total.adoption_rate),
                             (long long)f.total.lessons_applied));
    flow_charts(r, &f, false);
    flow_table(r, &f, _("Flow figures of the last four quarters"));
    html_printf(b, "<p><a href=\"%s\">%s</a></p>\n", page_href(r, "/alliances/", a->slug, "/flows"),
                _("All flow figures, by month, quarter or year, and as CSV"));
}

void flow_platform_link(struct request *r, const struct platform *pl)
{
    html_printf(&r->out, "<p><a href=\"%s\">%s</a></p>\n",
                page_href(r, "/platforms/", pl->id, "/flows"),
                _("Flow figures: what this platform shared and received, and lessons applied"));
}
