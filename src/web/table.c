/*
 * table.c — see table.h.
 */
#include "web/table.h"

#include "core/clock.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/alliance.h"
#include "web/form.h"
#include "web/html.h"

#include <libintl.h>
#include <stdio.h>
#include <string.h>

void table_listing(struct request *r, struct listing *l, int per_page)
{
    listing_default(l);
    l->limit = per_page;
    int64_t page = 1;
    const char *p = request_query(r, "page");
    if (p && str_parse_int64(p, 1, 1000000, &page) != 0)
        page = 1;
    l->offset = (page - 1) * per_page;
    l->sort = request_query(r, "sort");
    l->descending = str_eq(request_query(r, "dir"), "desc");
    const char *q = request_query(r, "q");
    l->query = str_empty(q) ? NULL : q;
}

/* href_write writes the current address, HTML-escaped, with the parameters
 * in set (n of them; a NULL value removes one) replacing those of the same
 * name, and page=page when page > 1. */
static void href_write(struct request *r, const struct param *set, int n, int64_t page)
{
    struct buf *b = &r->out;
    html_text(b, r->path);
    const char *sep = "?";
    for (int i = 0; i < r->query_count; i++) {
        const char *name = r->query[i].name;
        bool replaced = strcmp(name, "page") == 0;
        for (int k = 0; k < n && !replaced; k++)
            replaced = strcmp(name, set[k].name) == 0;
        if (replaced)
            continue;
        html_raw(b, sep);
        sep = "&amp;";
        html_url_arg(b, name);
        html_raw(b, "=");
        html_url_arg(b, r->query[i].value);
    }
    for (int k = 0; k < n; k++) {
        if (!set[k].value)
            continue;
        html_raw(b, sep);
        sep = "&amp;";
        html_url_arg(b, set[k].name);
        html_raw(b, "=");
        html_url_arg(b, set[k].value);
    }
    if (page > 1)
        html_printf(b, "%spage=%lld", sep[0] == '?' ? "?" : "&", (long long)page);
}

void table_href(struct request *r, const char *name, const char *value)
{
    struct param set = {name, value};
    href_write(r, &set, 1, 0);
}

void table_sort_header(struct request *r, const struct listing *l, const char *key,
                       const char *label, bool numeric)
{
    struct buf *b = &r->out;
    bool current = str_eq(l->sort, key);
    html_raw(b, numeric ? "<th scope=\"col\" class=\"num\"" : "<th scope=\"col\"");
    if (current)
        html_printf(b, " aria-sort=\"%s\"", l->descending ? "descending" : "ascending");
    html_printf(b, "><a class=\"sort%s\" href=\"",
                current ? (l->descending ? " sort--desc" : " sort--asc") : "");
    /* The first click sorts ascending; a click on the current column reverses it. */
    struct param set[2] = {{"sort", key}, {"dir", current && !l->descending ? "desc" : "asc"}};
    href_write(r, set, 2, 0);
    html_printf(b, "\">%s</a></th>", label);
}

void table_pagination(struct request *r, const struct listing *l, int64_t total)
{
    int64_t pages = (total + l->limit - 1) / l->limit;
    int64_t page = l->offset / l->limit + 1;
    if (pages <= 1)
        return;
    struct buf *b = &r->out;
    html_printf(b, "<nav class=\"pagination\" aria-label=\"%s\"><ul>", _("Pages"));
    if (page > 1) {
        html_raw(b, "<li><a rel=\"prev\" href=\"");
        href_write(r, NULL, 0, page - 1);
        html_printf(b, "\">%s</a></li>", _("Previous"));
    }
    html_raw(b, "<li class=\"pagination__status\">");
    html_printf(b, _("Page %lld of %lld"), (long long)page, (long long)pages);
    html_raw(b, "</li>");
    if (page < pages) {
        html_raw(b, "<li><a rel=\"next\" href=\"");
        href_write(r, NULL, 0, page + 1);
        html_printf(b, "\">%s</a></li>", _("Next"));
    }
    html_raw(b, "</ul></nav>\n");
}

void table_count(struct request *r, int64_t total, const char *singular, const char *plural)
{
    struct buf number;
    buf_init(&number, 64);
    html_int(&number, total);
    html_raw(&r->out, "<p class=\"count\">");
    html_printf(&r->out, ngettext(singular, plural, (unsigned long)total), number.data);
    html_raw(&r->out, "</p>\n");
    buf_free(&number);
}

const char *table_query_date(struct request *r, const char *name)
{
    const char *v = request_query(r, name);
    return clock_date_valid(v) ? v : NULL;
}

void table_filter_select(struct request *r, const char *name, const char *label,
                         const struct form_option *options, int count, const char *current)
{
    struct buf *b = &r->out;
    html_printf(b,
                "<div class=\"field\"><label class=\"label\" for=\"f-%s\">%s</label>"
                "<select class=\"select\" id=\"f-%s\" name=\"%s\">",
                name, label, name, name);
    for (int i = 0; i < count; i++)
        html_printf(b, "<option value=\"%s\"%s>%s</option>", options[i].value,
                    str_eq(current ? current : "", options[i].value) ? " selected" : "",
                    options[i].label);
    html_raw(b, "</select></div>");
}

int table_query_level(struct request *r)
{
    int64_t n;
    const char *v = request_query(r, "level");
    return v && str_parse_int64(v, 0, ALLIANCE_LEVELS_MAX - 1, &n) == 0 ? (int)n : -1;
}

void table_filter_level(struct request *r, int depth)
{
    const char *labels[ALLIANCE_LEVELS_MAX];
    alliance_level_labels(&r->ctx, labels);
    struct form_option options[ALLIANCE_LEVELS_MAX + 1] = {{"", _("All levels")}};
    int count = 1;
    for (int d = 0; d < ALLIANCE_LEVELS_MAX && labels[d]; d++)
        options[count++] = (struct form_option){arena_printf(&r->arena, "%d", d), labels[d]};
    table_filter_select(r, "level", _("Level"), options, count,
                        depth >= 0 ? arena_printf(&r->arena, "%d", depth) : NULL);
}
