/*
 * web/budget.c — resources as pages: a platform's budget (its lines, and the
 * totals of the platform with every platform below it, by category, with
 * the share of facilitation and documentation, which the seeds say must be
 * there throughout), an alliance's budget (the same totals for each platform
 * of the tree), the forms to add, edit and delete a line, and a platform's
 * needs beyond its budget with the forms to record, edit and delete one.
 */
#include "domain/budget.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/organisation.h"
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

/* amount writes a whole amount with its currency, thousands separated. */
static void amount(struct request *r, int64_t value, const char *currency)
{
    html_int(&r->out, value);
    html_printf(&r->out, " %s", currency);
}

static const char *percent(struct request *r, double share)
{
    return arena_printf(&r->arena, "%d%%", (int)(share * 100 + 0.5));
}

/* subtree fills keys with the platform and every platform below it, from an
 * alliance's tree (parents first); returns how many. */
static int subtree(const struct platform_list *tree, int64_t root, int64_t *keys)
{
    int n = 0;
    keys[n++] = root;
    for (int i = 0; i < tree->count; i++)
        for (int j = 0; j < n; j++)
            if (tree->items[i].parent_key == keys[j]) {
                keys[n++] = tree->items[i].key;
                break;
            }
    return n;
}

/* period_filter reads ?period= (a year or quarter) or NULL. */
static const char *period_filter(struct request *r)
{
    const char *period = request_query(r, "period");
    return budget_period_valid(period) ? period : NULL;
}

static void period_form(struct request *r, const char *action, const char *period)
{
    html_printf(&r->out,
                "<form class=\"filters\" method=\"get\" action=\"%s\"><div class=\"field\">"
                "<label class=\"label\" for=\"f-period\">%s</label><input class=\"input "
                "input--short\" id=\"f-period\" name=\"period\" type=\"text\" value=\"%s\">"
                "</div><div class=\"field\"><button class=\"button button--secondary\" "
                "type=\"submit\">%s</button></div></form>\n",
                action, _("Period (a year, such as 2025)"), period ? period : "", _("Show"));
}

/* share_tag says whether facilitation and documentation have their share. */
static void share_tag(struct request *r, const struct budget_totals *t)
{
    if (t->planned[BUDGET_FACILITATION] > 0 && t->planned[BUDGET_DOCUMENTATION] > 0)
        page_tag(r, "green", _("Facilitation and documentation budgeted"));
    else if (t->planned[BUDGET_FACILITATION] > 0)
        page_tag(r, "red", _("No documentation budget"));
    else if (t->planned[BUDGET_DOCUMENTATION] > 0)
        page_tag(r, "red", _("No facilitation budget"));
    else
        page_tag(r, "red", _("No facilitation or documentation budget"));
}

/* totals_section writes the totals by category of each currency, and a chart
 * of planned and spent for the first. */
static void totals_section(struct request *r, const struct budget_totals *totals, int count,
                           const char *id)
{
    struct buf *b = &r->out;
    for (int t = 0; t < count; t++) {
        const struct budget_totals *tt = &totals[t];
        html_printf(b, "<p>%s ",
                    arena_printf(&r->arena,
                                 _("Facilitation and documentation: %s of the "
                                   "planned budget, %s of what was spent."),
                                 percent(r, budget_share(tt, false)),
                                 percent(r, budget_share(tt, true))));
        share_tag(r, tt);
        html_raw(b, "</p>\n");
        html_printf(b,
                    "<div class=\"table-wrap\"><table class=\"table\"><caption>%s</caption>"
                    "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\" "
                    "class=\"numeric\">%s</th><th scope=\"col\" class=\"numeric\">%s</th>"
                    "<th scope=\"col\" class=\"numeric\">%s</th></tr></thead><tbody>\n",
                    arena_printf(&r->arena, _("Totals in %s by category"), tt->currency),
                    _("Category"), _("Planned"), _("Spent"), _("Spent of planned"));
        for (int k = 0; k <= BUDGET_CATEGORY_COUNT; k++) {
            bool all = k == BUDGET_CATEGORY_COUNT;
            int64_t planned = all ? tt->planned_all : tt->planned[k];
            int64_t spent = all ? tt->spent_all : tt->spent[k];
            html_printf(b,
                        all ? "<tr><th scope=\"row\">%s</th><td class=\"numeric\"><strong>"
                            : "<tr><th scope=\"row\">%s</th><td class=\"numeric\">",
                        all ? _("Total") : budget_category_label(budget_category_name(k)));
            amount(r, planned, tt->currency);
            html_raw(b, all ? "</strong></td><td class=\"numeric\"><strong>"
                            : "</td><td class=\"numeric\">");
            amount(r, spent, tt->currency);
            html_printf(b,
                        all ? "</strong></td><td class=\"numeric\">%s</td></tr>\n"
                            : "</td><td class=\"numeric\">%s</td></tr>\n",
                        planned > 0 ? percent(r, (double)spent / (double)planned) : "—");
        }
        html_raw(b, "</tbody></table></div>\n");
    }
    if (!count)
        return;
    const char **categories = arena_array(&r->arena, BUDGET_CATEGORY_COUNT, sizeof(char *));
    double *planned = arena_array(&r->arena, BUDGET_CATEGORY_COUNT, sizeof(double));
    double *spent = arena_array(&r->arena, BUDGET_CATEGORY_COUNT, sizeof(double));
    for (int k = 0; k < BUDGET_CATEGORY_COUNT; k++) {
        categories[k] = budget_category_label(budget_category_name(k));
        planned[k] = (double)totals[0].planned[k];
        spent[k] = (double)totals[0].spent[k];
    }
    struct svg_series series[2] = {{_("Planned"), planned}, {_("Spent"), spent}};
    struct svg_chart chart = {
        .id = id,
        .title =
            arena_printf(&r->arena, _("Planned and spent by category, in %s"), totals[0].currency),
        .description = _("Two bars for each category, planned and spent; the table above gives "
                         "the numbers."),
        .categories = categories,
        .category_count = BUDGET_CATEGORY_COUNT,
        .series = series,
        .series_count = 2,
    };
    svg_bar_chart(b, &chart);
}

/* platform_totals_row writes one row of a table of platforms' totals. */
static void platform_totals_row(struct request *r, const struct platform *pl,
                                const struct budget_totals *t, int count)
{
    struct buf *b = &r->out;
    html_printf(b,
                "<tr><th scope=\"row\"><a href=\"%s\">%s</a> <span class=\"muted small\">%s"
                "</span></th><td class=\"numeric\">",
                page_href(r, "/platforms/", pl->id, "/budget"), pl->name, pl->level_label);
    for (int i = 0; i < count; i++) {
        html_raw(b, i ? "<br>" : "");
        amount(r, t[i].planned_all, t[i].currency);
    }
    html_raw(b, "</td><td class=\"numeric\">");
    for (int i = 0; i < count; i++) {
        html_raw(b, i ? "<br>" : "");
        amount(r, t[i].spent_all, t[i].currency);
    }
    html_raw(b, "</td><td>");
    for (int i = 0; i < count; i++) {
        html_printf(b, "%s%s ", i ? "<br>" : "", percent(r, budget_share(&t[i], false)));
        share_tag(r, &t[i]);
    }
    if (!count)
        html_printf(b, "<span class=\"muted\">%s</span>", _("No budget"));
    html_raw(b, "</td></tr>\n");
}

static void platforms_table_begin(struct request *r, const char *caption)
{
    html_printf(&r->out,
                "<div class=\"table-wrap\"><table class=\"table\"><caption>%s</caption><thead>"
                "<tr><th scope=\"col\">%s</th><th scope=\"col\" class=\"numeric\">%s</th>"
                "<th scope=\"col\" class=\"numeric\">%s</th><th scope=\"col\">%s</th></tr>"
                "</thead><tbody>\n",
                caption, _("Platform, with those below it"), _("Planned"), _("Spent"),
                _("Facilitation and documentation"));
}

/* lines_table writes the platform's own lines. */
static void lines_table(struct request *r, const struct budget_list *lines, int64_t platform_key,
                        bool may)
{
    struct buf *b = &r->out;
    html_printf(b,
                "<div class=\"table-wrap\"><table class=\"table\"><thead><tr>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\" class=\"numeric\">%s</th><th scope=\"col\" "
                "class=\"numeric\">%s</th>%s</tr></thead><tbody>\n",
                _("Period"), _("Category"), _("Description"), _("Planned"), _("Spent"), "");
    for (int i = 0; i < lines->count; i++) {
        const struct budget_line *l = &lines->items[i];
        if (l->platform_key != platform_key)
            continue;
        html_printf(b, "<tr><td>%s</td><td>%s</td><td>%s", l->period,
                    budget_category_label(l->category), l->description);
        if (may)
            html_printf(b, " <a href=\"%s\">%s</a> · <a href=\"%s\">%s</a>",
                        page_href(r, "/budget-lines/", l->id, "/edit"), _("Edit"),
                        page_href(r, "/budget-lines/", l->id, "/delete"), _("Delete"));
        html_raw(b, "</td><td class=\"numeric\">");
        amount(r, l->planned, l->currency);
        html_raw(b, "</td><td class=\"numeric\">");
        amount(r, l->spent, l->currency);
        html_raw(b, "</td></tr>\n");
    }
    html_raw(b, "</tbody></table></div>\n");
}

void platform_budget_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    const char *period = period_filter(r);
    struct platform_list tree;
    struct budget_list lines;
    struct budget_filter f = {.alliance_key = pl->alliance_key, .period = period};
    if (platform_tree(&r->ctx, pl->alliance_key, 2000, &tree) != STATUS_OK ||
        budget_list(&r->ctx, &f, NULL, &lines) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    struct page p = {.title = _("Budget"), .context = pl->alliance_name, .nav = "alliances"};
    page_crumb(&p, _("Alliances"), "/");
    page_crumb(&p, pl->alliance_name, page_href(r, "/alliances/", pl->alliance_slug, ""));
    page_crumb(&p, pl->name, page_href(r, "/platforms/", pl->id, ""));
    page_crumb(&p, _("Budget"), NULL);
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n", arena_printf(&r->arena, _("Budget of %s"), pl->name));
    bool may = budget_may_keep(&r->ctx, pl->key);
    char *add = page_href(r, "/platforms/", pl->id, "/budget/new");
    if (may)
        html_printf(b, "<p><a class=\"button\" href=\"%s\">%s</a></p>\n", add,
                    _("Add a budget line"));
    period_form(r, page_href(r, "/platforms/", pl->id, "/budget"), period);
    int64_t *keys = arena_array(&r->arena, (size_t)tree.count + 1, sizeof(int64_t));
    int n = subtree(&tree, pl->key, keys);
    struct budget_totals totals[BUDGET_CURRENCIES_MAX];
    int count = budget_sum(&lines, keys, n, totals);
    html_printf(b, "<h2>%s</h2>\n", n > 1 ? _("Totals, with the platforms below") : _("Totals"));
    if (!count)
        page_empty(r,
                   _("No budget lines yet. Plan the platform's budget, facilitation and "
                     "documentation included."),
                   may ? add : NULL, _("Add a budget line"));
    else
        totals_section(r, totals, count, "budget");
    if (n > 1) {
        platforms_table_begin(r, _("The platforms below"));
        for (int i = 0; i < tree.count; i++)
            if (tree.items[i].parent_key == pl->key) {
                int64_t *below = arena_array(&r->arena, (size_t)tree.count + 1, sizeof(int64_t));
                int m = subtree(&tree, tree.items[i].key, below);
                struct budget_totals t[BUDGET_CURRENCIES_MAX];
                platform_totals_row(r, &tree.items[i], t, budget_sum(&lines, below, m, t));
            }
        html_raw(b, "</tbody></table></div>\n");
    }
    struct budget_totals own[BUDGET_CURRENCIES_MAX];
    if (budget_sum(&lines, &pl->key, 1, own)) {
        html_printf(b, "<h2>%s</h2>\n", _("Lines of this platform"));
        lines_table(r, &lines, pl->key, may);
    }
    page_end(r, 200);
}

void alliance_budget_page(struct request *r)
{
    struct alliance *a = load_alliance(r, request_capture(r, 0));
    if (!a)
        return;
    const char *period = period_filter(r);
    struct platform_list tree;
    struct budget_list lines;
    struct budget_filter f = {.alliance_key = a->key, .period = period};
    if (platform_tree(&r->ctx, a->key, 2000, &tree) != STATUS_OK ||
        budget_list(&r->ctx, &f, NULL, &lines) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    struct page p = {.title = _("Budget"), .context = a->name, .nav = "alliances"};
    page_crumb(&p, _("Alliances"), "/");
    page_crumb(&p, a->name, page_href(r, "/alliances/", a->slug, ""));
    page_crumb(&p, _("Budget"), NULL);
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n",
                arena_printf(&r->arena, _("Budget of %s"), a->name),
                _("What each platform planned and spent, with the platforms below it, and the "
                  "share of facilitation and documentation, which belong in every budget."));
    period_form(r, page_href(r, "/alliances/", a->slug, "/budget"), period);
    struct budget_totals totals[BUDGET_CURRENCIES_MAX];
    int count = budget_sum(&lines, NULL, 0, totals);
    html_printf(b, "<h2>%s</h2>\n", _("The whole alliance"));
    if (!count)
        page_empty(r,
                   _("No budget lines yet. Platforms plan their budgets on their budget "
                     "pages."),
                   NULL, NULL);
    else
        totals_section(r, totals, count, "alliance-budget");
    platforms_table_begin(r, _("By platform"));
    int64_t *keys = arena_array(&r->arena, (size_t)tree.count + 1, sizeof(int64_t));
    for (int i = 0; i < tree.count; i++) {
        int m = subtree(&tree, tree.items[i].key, keys);
        struct budget_totals t[BUDGET_CURRENCIES_MAX];
        platform_totals_row(r, &tree.items[i], t, budget_sum(&lines, keys, m, t));
    }
    html_raw(b, "</tbody></table></div>\n");
    page_end(r, 200);
}

static struct form_option *category_options(struct request *r)
{
    struct form_option *o = arena_array(&r->arena, BUDGET_CATEGORY_COUNT + 1, sizeof *o);
    o[0] = (struct form_option){"", _("Choose the category")};
    for (int i = 0; i < BUDGET_CATEGORY_COUNT; i++)
        o[i + 1] = (struct form_option){budget_category_name(i),
                                        budget_category_label(budget_category_name(i))};
    return o;
}

/* visibility_options lists who may read a line or need (arena: the labels are
 * translated for each request). */
static const struct form_option *visibility_options(struct request *r)
{
    struct form_option *o = arena_array(&r->arena, 3, sizeof *o);
    o[0] = (struct form_option){"alliance", _("Members of the alliance")};
    o[1] = (struct form_option){"platform", _("Members of the platform")};
    o[2] = (struct form_option){"public", _("Anyone")};
    return o;
}

/* read_amount reads a whole amount from the form: -1 when it is not one. */
static int64_t read_amount(struct request *r, const char *name, char **text)
{
    const char *value = request_form(r, name);
    *text = (char *)(value ? value : "");
    int64_t n;
    char *trimmed = str_trim(&r->arena, *text);
    if (!*trimmed)
        return 0;
    return str_parse_int64(trimmed, 0, 1000000000000, &n) == 0 ? n : -1;
}

struct budget_form {
    struct budget_line line;
    char *planned, *spent; /* as typed */
};

static void budget_read_form(struct request *r, struct budget_form *bf)
{
    bf->line.period = (char *)request_form(r, "period");
    bf->line.category = (char *)request_form(r, "category");
    bf->line.description = (char *)request_form(r, "description");
    bf->line.currency = (char *)request_form(r, "currency");
    bf->line.visibility = (char *)request_form(r, "visibility");
    bf->line.planned = read_amount(r, "planned", &bf->planned);
    bf->line.spent = read_amount(r, "spent", &bf->spent);
}

static void budget_form(struct request *r, const struct budget_form *bf, const struct problems *p,
                        const char *action, const char *button, const char *cancel)
{
    form_begin(r, action, p);
    form_input(r, p, "period", _("Period"),
               _("A year, such as 2025, or a quarter, such as 2025-Q2."), bf->line.period, "text",
               true);
    form_select(r, p, "category", _("Category"),
                _("Facilitation and documentation belong in every budget, from the start."),
                category_options(r), BUDGET_CATEGORY_COUNT + 1, bf->line.category);
    form_input(r, p, "description", _("Description"), NULL, bf->line.description, "text", false);
    form_input(r, p, "currency", _("Currency"), _("Three capital letters, such as GHS."),
               bf->line.currency, "text", true);
    form_input(r, p, "planned", _("Planned"), _("A whole amount."), bf->planned, "text", true);
    form_input(r, p, "spent", _("Spent"), _("A whole amount; 0 until money is spent."), bf->spent,
               "text", true);
    form_select(r, p, "visibility", _("Who may read it"), NULL, visibility_options(r), 3,
                bf->line.visibility);
    form_end(r, button, cancel, false);
}

static void budget_new_form(struct request *r, const struct platform *pl,
                            const struct budget_form *bf, const struct problems *p)
{
    struct page page = {
        .title = _("Add a budget line"), .context = pl->alliance_name, .nav = "alliances"};
    page_crumb(&page, _("Alliances"), "/");
    page_crumb(&page, pl->alliance_name, page_href(r, "/alliances/", pl->alliance_slug, ""));
    page_crumb(&page, pl->name, page_href(r, "/platforms/", pl->id, ""));
    page_crumb(&page, _("Budget"), page_href(r, "/platforms/", pl->id, "/budget"));
    page_crumb(&page, _("Add a budget line"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n", _("Add a budget line"));
    budget_form(r, bf, p, page_href(r, "/platforms/", pl->id, "/budget/new"), _("Save the line"),
                page_href(r, "/platforms/", pl->id, "/budget"));
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void budget_new_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl || !page_allowed(r, rights_on_platform(&r->ctx, pl->key, RIGHT_EDIT_PLATFORM)))
        return;
    struct budget_form bf = {.line = {.visibility = "alliance"}, .planned = "", .spent = "0"};
    budget_new_form(r, pl, &bf, NULL);
}

/* amount_problems reports amounts that are not whole numbers from 0. */
static void amount_problems(const struct budget_form *bf, struct problems *p)
{
    if (bf->line.planned < 0)
        problems_invalid(p, "planned", _("Enter the amount planned as a whole number from 0"));
    if (bf->line.spent < 0)
        problems_invalid(p, "spent", _("Enter the amount spent as a whole number from 0"));
}

void budget_create_post(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl || !page_allowed(r, rights_on_platform(&r->ctx, pl->key, RIGHT_EDIT_PLATFORM)))
        return;
    struct budget_form bf = {0};
    budget_read_form(r, &bf);
    struct problems p = {0};
    amount_problems(&bf, &p);
    enum status s = p.count ? STATUS_INVALID : budget_create(&r->ctx, &bf.line, pl->id, &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/platforms/", pl->id, "/budget"));
    else if (p.count)
        budget_new_form(r, pl, &bf, &p);
    else
        page_fail(r, s);
}

static void budget_edit_form(struct request *r, const struct budget_line *before,
                             const struct budget_form *bf, const struct problems *p)
{
    struct page page = {
        .title = _("Edit the budget line"), .context = before->alliance_name, .nav = "alliances"};
    page_crumb(&page, _("Alliances"), "/");
    page_crumb(&page, before->alliance_name,
               page_href(r, "/alliances/", before->alliance_slug, ""));
    page_crumb(&page, before->platform_name, page_href(r, "/platforms/", before->platform_id, ""));
    page_crumb(&page, _("Budget"), page_href(r, "/platforms/", before->platform_id, "/budget"));
    page_crumb(&page, _("Edit"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n", _("Edit the budget line"));
    budget_form(r, bf, p, page_href(r, "/budget-lines/", before->id, "/edit"), _("Save changes"),
                page_href(r, "/platforms/", before->platform_id, "/budget"));
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

static struct budget_line *budget_load(struct request *r, bool keep)
{
    struct budget_line *l;
    enum status s = budget_find(&r->ctx, request_capture(r, 0), &l);
    if (!page_allowed(r, s))
        return NULL;
    if (keep && !page_allowed(r, rights_on_platform(&r->ctx, l->platform_key, RIGHT_EDIT_PLATFORM)))
        return NULL;
    return l;
}

void budget_edit_page(struct request *r)
{
    struct budget_line *l = budget_load(r, true);
    if (!l)
        return;
    struct budget_form bf = {.line = *l,
                             .planned = arena_printf(&r->arena, "%lld", (long long)l->planned),
                             .spent = arena_printf(&r->arena, "%lld", (long long)l->spent)};
    budget_edit_form(r, l, &bf, NULL);
}

void budget_edit_post(struct request *r)
{
    struct budget_line *before = budget_load(r, true);
    if (!before)
        return;
    struct budget_form bf = {.line = *before};
    budget_read_form(r, &bf);
    struct problems p = {0};
    amount_problems(&bf, &p);
    enum status s = p.count ? STATUS_INVALID : budget_update(&r->ctx, &bf.line, &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/platforms/", before->platform_id, "/budget"));
    else if (p.count)
        budget_edit_form(r, before, &bf, &p);
    else
        page_fail(r, s);
}

void budget_delete_page(struct request *r)
{
    struct budget_line *l = budget_load(r, true);
    if (!l)
        return;
    struct page page = {
        .title = _("Delete the budget line"), .context = l->alliance_name, .nav = "alliances"};
    page_crumb(&page, _("Alliances"), "/");
    page_crumb(&page, l->alliance_name, page_href(r, "/alliances/", l->alliance_slug, ""));
    page_crumb(&page, l->platform_name, page_href(r, "/platforms/", l->platform_id, ""));
    page_crumb(&page, _("Budget"), page_href(r, "/platforms/", l->platform_id, "/budget"));
    page_crumb(&page, _("Delete"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n<p>%s</p>\n", _("Delete the budget line"),
                arena_printf(&r->arena,
                             _("The line %s, %s (%s) will be deleted. The audit trail "
                               "keeps a record of it."),
                             budget_category_label(l->category), l->period, l->description));
    form_begin(r, page_href(r, "/budget-lines/", l->id, "/delete"), NULL);
    form_end(r, _("Delete the line"), page_href(r, "/platforms/", l->platform_id, "/budget"), true);
    page_end(r, 200);
}

void budget_delete_post(struct request *r)
{
    struct budget_line *l = budget_load(r, false);
    if (!l)
        return;
    enum status s = budget_delete(&r->ctx, l);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/platforms/", l->platform_id, "/budget"));
    else
        page_fail(r, s);
}

static const char *need_colour(const char *status)
{
    return str_eq(status, "open") ? "yellow" : str_eq(status, "met") ? "green" : "grey";
}

void platform_needs_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    struct listing l;
    table_listing(r, &l, 30);
    const char *status = request_query(r, "status");
    struct need_filter f = {.platform_key = pl->key};
    if (str_eq(status, "open") || str_eq(status, "met") || str_eq(status, "dropped"))
        f.status = status;
    struct need_list list;
    if (need_list(&r->ctx, &f, &l, &list) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    struct page p = {.title = _("Needs"), .context = pl->alliance_name, .nav = "alliances"};
    page_crumb(&p, _("Alliances"), "/");
    page_crumb(&p, pl->alliance_name, page_href(r, "/alliances/", pl->alliance_slug, ""));
    page_crumb(&p, pl->name, page_href(r, "/platforms/", pl->id, ""));
    page_crumb(&p, _("Needs"), NULL);
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n",
                arena_printf(&r->arena, _("Needs of %s"), pl->name),
                _("What the platform needs beyond its budget — money, expertise, equipment, "
                  "data — and who could bring it."));
    bool may = rights_may(rights_on_platform(&r->ctx, pl->key, RIGHT_WRITE_ITEMS));
    char *add = page_href(r, "/platforms/", pl->id, "/needs/new");
    if (may)
        html_printf(b, "<p><a class=\"button\" href=\"%s\">%s</a></p>\n", add, _("Record a need"));
    static const struct form_option statuses[] = {{"", N_("Every status")},
                                                  {"open", N_("Open")},
                                                  {"met", N_("Met")},
                                                  {"dropped", N_("Dropped")}};
    struct form_option options[4];
    for (int i = 0; i < 4; i++)
        options[i] = (struct form_option){statuses[i].value, _(statuses[i].label)};
    html_printf(b, "<form class=\"filters\" method=\"get\" action=\"%s\">",
                page_href(r, "/platforms/", pl->id, "/needs"));
    table_filter_select(r, "status", _("Status"), options, 4, f.status);
    html_printf(b,
                "<div class=\"field\"><button class=\"button button--secondary\" "
                "type=\"submit\">%s</button></div></form>\n",
                _("Filter"));
    table_count(r, list.total, N_("%s need"), N_("%s needs"));
    if (!list.count) {
        page_empty(r, _("No needs recorded. Record what the platform needs beyond its budget."),
                   may ? add : NULL, _("Record a need"));
        page_end(r, 200);
        return;
    }
    bool edit = need_may_edit(&r->ctx, pl->key);
    html_raw(b, "<div class=\"table-wrap\"><table class=\"table\"><thead><tr>");
    table_sort_header(r, &l, "title", _("Need"), false);
    html_printf(b, "<th scope=\"col\">%s</th>", _("Kind"));
    table_sort_header(r, &l, "status", _("Status"), false);
    html_printf(b, "<th scope=\"col\">%s</th></tr></thead><tbody>\n", _("Who could bring it"));
    for (int i = 0; i < list.count; i++) {
        const struct need *n = &list.items[i];
        html_printf(b, "<tr><td><strong>%s</strong>", n->title);
        if (*n->description)
            html_printf(b, "<br><span class=\"small\">%s</span>", n->description);
        if (edit)
            html_printf(b, "<br><a href=\"%s\">%s</a> · <a href=\"%s\">%s</a>",
                        page_href(r, "/needs/", n->id, "/edit"), _("Edit"),
                        page_href(r, "/needs/", n->id, "/delete"), _("Delete"));
        html_printf(b, "</td><td>%s</td><td>", need_kind_label(n->kind));
        page_tag(r, need_colour(n->status), need_status_label(n->status));
        html_raw(b, "</td><td>");
        if (n->provider_id)
            html_printf(b, "<a href=\"%s\">%s</a>",
                        page_href(r, "/organisations/", n->provider_id, ""), n->provider_name);
        if (*n->provider_note)
            html_printf(b, "%s%s", n->provider_id ? "<br>" : "", n->provider_note);
        html_raw(b, "</td></tr>\n");
    }
    html_raw(b, "</tbody></table></div>\n");
    table_pagination(r, &l, list.total);
    page_end(r, 200);
}

static void need_read_form(struct request *r, struct need *n)
{
    n->kind = (char *)request_form(r, "kind");
    n->title = (char *)request_form(r, "title");
    n->description = (char *)request_form(r, "description");
    n->provider_id = (char *)request_form(r, "provider");
    n->provider_note = (char *)request_form(r, "provider_note");
    n->status = (char *)request_form(r, "status");
    n->visibility = (char *)request_form(r, "visibility");
}

static void need_form(struct request *r, const struct need *n, bool with_status,
                      const struct problems *p, const char *action, const char *button,
                      const char *cancel)
{
    static const char *const kinds[] = {"money", "expertise", "equipment", "data"};
    static const char *const statuses[] = {"open", "met", "dropped"};
    struct form_option kind_options[5], status_options[3];
    kind_options[0] = (struct form_option){"", _("Choose the kind")};
    for (int i = 0; i < 4; i++)
        kind_options[i + 1] = (struct form_option){kinds[i], need_kind_label(kinds[i])};
    for (int i = 0; i < 3; i++)
        status_options[i] = (struct form_option){statuses[i], need_status_label(statuses[i])};
    struct listing l;
    listing_default(&l);
    l.limit = LISTING_MAX_LIMIT;
    struct organisation_list orgs;
    if (organisation_list(&r->ctx, NULL, &l, &orgs) != STATUS_OK)
        orgs.count = 0;
    struct form_option *providers =
        arena_array(&r->arena, (size_t)orgs.count + 1, sizeof *providers);
    providers[0] = (struct form_option){"", _("None of these")};
    for (int i = 0; i < orgs.count; i++)
        providers[i + 1] = (struct form_option){orgs.items[i].id, orgs.items[i].name};
    form_begin(r, action, p);
    form_input(r, p, "title", _("What is needed"),
               _("Such as A GPS unit for mapping water points."), n->title, "text", false);
    form_select(r, p, "kind", _("Kind"), NULL, kind_options, 5, n->kind);
    form_textarea(r, p, "description", _("Description"), NULL, n->description, 3);
    form_select(r, p, "provider", _("Which organisation could bring it"), NULL, providers,
                orgs.count + 1, n->provider_id);
    form_input(r, p, "provider_note", _("Who else could bring it"),
               _("A member or stakeholder not in the list, in a few words."), n->provider_note,
               "text", false);
    if (with_status)
        form_select(r, p, "status", _("Status"), NULL, status_options, 3, n->status);
    form_select(r, p, "visibility", _("Who may read it"), NULL, visibility_options(r), 3,
                n->visibility);
    form_end(r, button, cancel, false);
}

static void need_page_begin(struct request *r, const char *title, const char *alliance_name,
                            const char *alliance_slug, const char *platform_name,
                            const char *platform_id)
{
    struct page page = {.title = title, .context = alliance_name, .nav = "alliances"};
    page_crumb(&page, _("Alliances"), "/");
    page_crumb(&page, alliance_name, page_href(r, "/alliances/", alliance_slug, ""));
    page_crumb(&page, platform_name, page_href(r, "/platforms/", platform_id, ""));
    page_crumb(&page, _("Needs"), page_href(r, "/platforms/", platform_id, "/needs"));
    page_crumb(&page, title, NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n", title);
}

static void need_new_form(struct request *r, const struct platform *pl, const struct need *n,
                          const struct problems *p)
{
    need_page_begin(r, _("Record a need"), pl->alliance_name, pl->alliance_slug, pl->name, pl->id);
    need_form(r, n, false, p, page_href(r, "/platforms/", pl->id, "/needs/new"), _("Save the need"),
              page_href(r, "/platforms/", pl->id, "/needs"));
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void need_new_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl || !page_allowed(r, rights_on_platform(&r->ctx, pl->key, RIGHT_WRITE_ITEMS)))
        return;
    struct need n = {.visibility = "alliance", .status = "open"};
    need_new_form(r, pl, &n, NULL);
}

void need_create_post(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    struct need n = {0};
    need_read_form(r, &n);
    n.status = "open";
    struct problems p = {0};
    enum status s = need_create(&r->ctx, &n, pl->id, &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/platforms/", pl->id, "/needs"));
    else if (p.count)
        need_new_form(r, pl, &n, &p);
    else
        page_fail(r, s);
}

static struct need *need_load(struct request *r, bool edit)
{
    struct need *n;
    enum status s = need_find(&r->ctx, request_capture(r, 0), &n);
    if (!page_allowed(r, s))
        return NULL;
    if (edit && !page_allowed(r, rights_on_platform(&r->ctx, n->platform_key, RIGHT_EDIT_PLATFORM)))
        return NULL;
    return n;
}

static void need_edit_form(struct request *r, const struct need *before, const struct need *n,
                           const struct problems *p)
{
    need_page_begin(r, _("Edit the need"), before->alliance_name, before->alliance_slug,
                    before->platform_name, before->platform_id);
    need_form(r, n, true, p, page_href(r, "/needs/", before->id, "/edit"), _("Save changes"),
              page_href(r, "/platforms/", before->platform_id, "/needs"));
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void need_edit_page(struct request *r)
{
    struct need *n = need_load(r, true);
    if (n)
        need_edit_form(r, n, n, NULL);
}

void need_edit_post(struct request *r)
{
    struct need *before = need_load(r, true);
    if (!before)
        return;
    struct need n = *before;
    need_read_form(r, &n);
    struct problems p = {0};
    enum status s = need_update(&r->ctx, &n, &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/platforms/", before->platform_id, "/needs"));
    else if (p.count)
        need_edit_form(r, before, &n, &p);
    else
        page_fail(r, s);
}

void need_delete_page(struct request *r)
{
    struct need *n = need_load(r, true);
    if (!n)
        return;
    need_page_begin(r, _("Delete the need"), n->alliance_name, n->alliance_slug, n->platform_name,
                    n->platform_id);
    html_printf(&r->out, "<p>%s</p>\n",
                arena_printf(&r->arena,
                             _("The need %s will be deleted. The audit trail keeps a "
                               "record of it."),
                             n->title));
    form_begin(r, page_href(r, "/needs/", n->id, "/delete"), NULL);
    form_end(r, _("Delete the need"), page_href(r, "/platforms/", n->platform_id, "/needs"), true);
    page_end(r, 200);
}

void need_delete_post(struct request *r)
{
    struct need *n = need_load(r, false);
    if (!n)
        return;
    enum status s = need_delete(&r->ctx, n);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/platforms/", n->platform_id, "/needs"));
    else
        page_fail(r, s);
}
