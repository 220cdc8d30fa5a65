/*
 * web/search.c — the search page: one box over every knowledge item the
 * viewer may read, tabs per kind with their counts, snippets with the matched
 * words marked, filters, paging.
 */
#include "domain/search.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/str.h"
#include "web/html.h"
#include "web/page.h"
#include "web/table.h"
#include "web/web.h"

#include <string.h>

static const char *kind_label(const char *kind)
{
    if (str_eq(kind, "lesson"))
        return _("Lessons");
    if (str_eq(kind, "entry"))
        return _("Journal entries");
    if (str_eq(kind, "document"))
        return _("Documents");
    if (str_eq(kind, "enquiry"))
        return _("Answered enquiries");
    if (str_eq(kind, "event"))
        return _("Events");
    if (str_eq(kind, "thread"))
        return _("Discussions");
    if (str_eq(kind, "reply"))
        return _("Replies");
    if (str_eq(kind, "question"))
        return _("Learning questions");
    if (str_eq(kind, "cycle"))
        return _("Action-research cycles");
    return kind;
}

static const char *kind_path(const char *kind)
{
    if (str_eq(kind, "entry"))
        return "/entries/";
    if (str_eq(kind, "document"))
        return "/documents/";
    if (str_eq(kind, "enquiry"))
        return "/enquiries/";
    if (str_eq(kind, "event"))
        return "/events/";
    if (str_eq(kind, "thread"))
        return "/discussions/";
    if (str_eq(kind, "reply"))
        return "/replies/";
    if (str_eq(kind, "question"))
        return "/questions/";
    if (str_eq(kind, "cycle"))
        return "/cycles/";
    return "/lessons/";
}

/* kind_tab is one tab of the kinds of record: the link, marked when current. */
/* kind_tab writes a tab with its count; "+" after it when there are more
 * matches than were counted (search_results.counts_more). */
static void kind_tab(struct request *r, const char *kind, const char *label, int64_t count,
                     bool more, bool current)
{
    struct buf *b = &r->out;
    html_raw(b, "<li><a href=\"");
    table_href(r, "kind", kind);
    html_raw(b, current ? "\" aria-current=\"page\">" : "\">");
    html_text(b, label);
    html_raw(b, " (");
    html_int(b, count);
    html_raw(b, more ? "+)</a></li>" : ")</a></li>");
}

void search_page(struct request *r)
{
    struct listing l;
    table_listing(r, &l, 20);
    struct search_query q = {.depth = -1};
    q.text = request_query(r, "q");
    const char *kind = request_query(r, "kind");
    q.kind = str_empty(kind) ? NULL : kind;
    const char *outcome = request_query(r, "outcome");
    q.outcome = str_empty(outcome) ? NULL : outcome;
    if (!str_eq(q.outcome, "success") && !str_eq(q.outcome, "failure") &&
        !str_eq(q.outcome, "mixed"))
        q.outcome = NULL;
    const char *tag = request_query(r, "tag");
    q.tag = str_empty(tag) ? NULL : str_lower_ascii(&r->arena, tag);
    q.depth = table_query_level(r);
    q.from = table_query_date(r, "from");
    q.to = table_query_date(r, "to");
    struct search_results res;
    if (search_run(&r->ctx, &q, &l, &res) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    struct page p = {.title = _("Search"), .nav = "search"};
    page_crumb(&p, _("Search"), NULL);
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b,
                "<h1>%s</h1>\n<form class=\"filters\" method=\"get\" action=\"/search\" "
                "role=\"search\"><div class=\"field\"><label class=\"label\" for=\"f-q\">%s"
                "</label><span class=\"hint\" id=\"f-q-hint\">%s</span><input class=\"input\" "
                "id=\"f-q\" name=\"q\" type=\"search\" value=\"%s\" "
                "aria-describedby=\"f-q-hint\"></div>",
                _("Search"), _("Words to find"),
                _("Accents do not matter. Use \"quotes\" for a phrase and a star for the "
                  "start of a word, such as sanit*."),
                q.text ? q.text : "");
    if (q.kind)
        html_printf(b, "<input type=\"hidden\" name=\"kind\" value=\"%s\">", q.kind);
    table_filter_level(r, q.depth);
    table_filter_select(r, "outcome", _("Outcome of a lesson"),
                        lesson_outcome_options(r, _("All outcomes")), 4, q.outcome);
    html_printf(b,
                "<div class=\"field\"><label class=\"label\" for=\"f-tag\">%s</label>"
                "<input class=\"input input--short\" id=\"f-tag\" name=\"tag\" type=\"text\" "
                "value=\"%s\"></div><div class=\"field\"><label class=\"label\" "
                "for=\"f-from\">%s</label><input class=\"input input--short\" id=\"f-from\" "
                "name=\"from\" type=\"date\" value=\"%s\"></div><div class=\"field\">"
                "<label class=\"label\" for=\"f-to\">%s</label><input class=\"input "
                "input--short\" id=\"f-to\" name=\"to\" type=\"date\" value=\"%s\"></div>"
                "<div class=\"field\"><button class=\"button\" type=\"submit\">%s</button>"
                "</div></form>\n",
                _("Tag"), q.tag ? q.tag : "", _("From"), q.from ? q.from : "", _("To"),
                q.to ? q.to : "", _("Search"));
    /* Tabs: every kind with its count; the current one marked. */
    int64_t all = 0;
    for (int i = 0; i < res.kind_count; i++)
        all += res.counts[i];
    html_printf(b, "<nav aria-label=\"%s\"><ul class=\"tags\">", _("Kinds of record"));
    kind_tab(r, NULL, _("Everything"), all, res.counts_more, !q.kind);
    for (int i = 0; i < res.kind_count; i++)
        kind_tab(r, res.kinds[i], kind_label(res.kinds[i]), res.counts[i], res.counts_more,
                 str_eq(q.kind, res.kinds[i]));
    html_raw(b, "</ul></nav>\n");
    table_count(r, res.total, N_("%s result"), N_("%s results"));
    if (res.more)
        html_printf(b, "<p class=\"hint\">%s</p>\n",
                    _("More items match than can be ranked at once: these are the newest of "
                      "them, best first. Add words, or a filter, to find the others."));
    if (res.count == 0) {
        page_empty(r,
                   str_empty(q.text) ? _("Nothing is recorded here yet that you may read.")
                                     : _("Nothing matches. Try fewer or shorter words, or a star "
                                         "at the end of a word."),
                   NULL, NULL);
        page_end(r, 200);
        return;
    }
    html_raw(b, "<ol class=\"results\">");
    for (int i = 0; i < res.count; i++) {
        struct search_hit *h = &res.hits[i];
        /* A reply opens its thread at it (as /replies/ID would redirect). */
        const char *href = h->thread_id
                               ? arena_printf(&r->arena, "%s?from=%s#r-%s",
                                              page_href(r, "/discussions/", h->thread_id, ""),
                                              h->item_id, h->item_id)
                               : page_href(r, kind_path(h->kind), h->item_id, "");
        html_printf(b,
                    "<li><h2 class=\"small\"><a href=\"%s\">%s</a></h2><p class=\"muted "
                    "small\">%s · %s · ",
                    href, h->title, kind_label(h->kind), h->platform_name);
        page_date(r, h->happened_on);
        html_raw(b, "</p><p>");
        html_marked(b, h->snippet);
        html_raw(b, "</p></li>\n");
    }
    html_raw(b, "</ol>\n");
    table_pagination(r, &l, res.total);
    page_end(r, 200);
}
