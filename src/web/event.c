/*
 * web/event.c — events as pages: a platform's events (a table with filters,
 * sorting and paging), its decisions (of its events and its own, a table)
 * and its Events section (what comes next, what happened, the action items
 * overdue); an event's page (when, in its own
 * zone and in the alliance's, the agenda, the minutes, the decisions, the
 * action items with the overdue flagged, who attended and spoke, and the
 * shares of inclusion); the forms to plan, edit and delete an event, to
 * record its attendance (one form for a phone: the members of its
 * platforms with boxes to tick, and a row for someone else), its decisions
 * and its action items; and the signed-in person's own action items.
 */
#include "web/event.h"

#include "core/arena.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/str.h"
#include "core/tz.h"
#include "domain/alliance.h"
#include "domain/entry.h"
#include "domain/membership.h"
#include "domain/person.h"
#include "domain/platform.h"
#include "domain/rights.h"
#include "domain/share.h"
#include "web/form.h"
#include "web/html.h"
#include "web/load.h"
#include "web/page.h"
#include "web/table.h"
#include "web/web.h"

#include <stdio.h>
#include <string.h>

#define EVENTS_PER_PAGE    30
#define DECISIONS_PER_PAGE 30
#define ACTIONS_PER_PAGE   30
#define MEMBERS_MAX        200

const char *event_kind_colour(const char *kind)
{
    static const char *const colours[EVENT_KIND_COUNT] = {"blue", "purple", "green", "orange",
                                                          "turquoise"};
    for (int i = 0; i < EVENT_KIND_COUNT; i++)
        if (str_eq(kind, event_kinds[i]))
            return colours[i];
    return "grey";
}

void event_time(struct request *r, const char *instant, const struct tz *z)
{
    char wall[EVENT_LOCAL_LEN + 1];
    if (event_wall(z, instant, wall, NULL) != 0) {
        html_text(&r->out, instant);
        return;
    }
    html_printf(&r->out, "<time datetime=\"%s\">%s</time>", instant, wall + 11);
}

void event_when(struct request *r, const struct event *e, const struct tz *z)
{
    struct buf *b = &r->out;
    char start[EVENT_LOCAL_LEN + 1], end[EVENT_LOCAL_LEN + 1], day[64], last[64];
    const char *abbr = "", *end_abbr = "";
    if (event_wall(z, e->starts_at, start, &abbr) != 0 ||
        event_wall(z, e->ends_at, end, &end_abbr) != 0 ||
        clock_format_date(start, day, sizeof day) != 0 ||
        clock_format_date(end, last, sizeof last) != 0) {
        html_text(b, e->starts_at);
        return;
    }
    /* The date and time of each end, then the zone's abbreviation. */
    html_printf(b, "<time datetime=\"%s\">%s</time>", e->starts_at,
                arena_printf(&r->arena, "%s, %s", day, start + 11));
    if (strncmp(start, end, 10) == 0)
        html_printf(b, "–<time datetime=\"%s\">%s</time>", e->ends_at, end + 11);
    else
        html_printf(b, " – <time datetime=\"%s\">%s</time>", e->ends_at,
                    arena_printf(&r->arena, "%s, %s", last, end + 11));
    html_printf(b, " %s", end_abbr);
    (void)abbr;
}

/* tags writes the kind of an event, and whether it is a draft. */
static void tags(struct request *r, const struct event *e)
{
    page_tag(r, event_kind_colour(e->kind), event_kind_label(e->kind));
    if (str_eq(e->status, "draft")) {
        html_raw(&r->out, " ");
        page_tag(r, "grey", _("Draft"));
    }
}

void event_list_items(struct request *r, const struct event_list *list, const struct tz *z,
                      bool show_platform)
{
    struct buf *b = &r->out;
    html_raw(b, "<ul class=\"events\">");
    for (int i = 0; i < list->count; i++) {
        const struct event *e = &list->items[i];
        char wall[EVENT_LOCAL_LEN + 1];
        html_raw(b, "<li>");
        if (event_wall(z, e->starts_at, wall, NULL) == 0)
            page_date(r, wall);
        html_printf(b, " <a href=\"%s\">%s</a> ", page_href(r, "/events/", e->id, ""), e->title);
        tags(r, e);
        if (show_platform)
            html_printf(b, " <span class=\"muted small\">%s</span>", e->platform_name);
        html_raw(b, "</li>");
    }
    html_raw(b, "</ul>\n");
}

/* kind_options lists the kinds for a select, after an empty choice. */
static struct form_option *kind_options(struct request *r, const char *empty)
{
    struct form_option *o = arena_array(&r->arena, EVENT_KIND_COUNT + 1, sizeof *o);
    o[0] = (struct form_option){"", empty};
    for (int i = 0; i < EVENT_KIND_COUNT; i++)
        o[i + 1] = (struct form_option){event_kinds[i], event_kind_label(event_kinds[i])};
    return o;
}

static void platform_crumbs(struct request *r, struct page *p, const struct platform *pl)
{
    page_crumb(p, _("Alliances"), "/");
    page_crumb(p, pl->alliance_name, page_href(r, "/alliances/", pl->alliance_slug, ""));
    page_crumb(p, pl->name, page_href(r, "/platforms/", pl->id, ""));
}

/* day_start is the instant a day (YYYY-MM-DD) starts in UTC (arena). */
static const char *day_start(struct request *r, const char *date)
{
    return date ? arena_printf(&r->arena, "%sT00:00:00Z", date) : NULL;
}

/* day_after is the instant the day after date starts in UTC (arena). */
static const char *day_after(struct request *r, const char *date)
{
    time_t t;
    if (!date || clock_parse_iso(arena_printf(&r->arena, "%sT00:00:00Z", date), &t) != 0)
        return NULL;
    char iso[32];
    clock_format_iso(t + 86400, iso, sizeof iso);
    return arena_strdup(&r->arena, iso);
}

void platform_events_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    struct listing l;
    table_listing(r, &l, EVENTS_PER_PAGE);
    if (!l.sort) /* newest first */
        l.descending = !l.descending;
    struct event_filter f = {.platform_key = pl->key};
    const char *kind = request_query(r, "kind");
    f.kind = event_kind_valid(kind) ? kind : NULL;
    const char *from = table_query_date(r, "from"), *to = table_query_date(r, "to");
    f.ends_after = day_start(r, from);
    f.starts_before = day_after(r, to);
    struct page p = {.title = _("Events"), .context = pl->alliance_name, .nav = "alliances"};
    platform_crumbs(r, &p, pl);
    page_crumb(&p, _("Events"), NULL);
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n",
                arena_printf(&r->arena, _("Events of %s"), pl->name),
                _("Meetings, workshops, field visits, trainings and exchange visits: who came, "
                  "what was decided and what was to be done."));
    bool may = event_may_add_platform(&r->ctx, pl->key);
    char *add = page_href(r, "/platforms/", pl->id, "/events/new");
    html_printf(b, "<p>");
    if (may)
        html_printf(b, "<a class=\"button\" href=\"%s\">%s</a> ", add, _("Plan an event"));
    html_printf(b, "<a href=\"%s\">%s</a></p>\n", page_href(r, "/platforms/", pl->id, "/calendar"),
                _("See the calendar"));
    html_printf(b, "<form class=\"filters\" method=\"get\" action=\"%s\">",
                page_href(r, "/platforms/", pl->id, "/events"));
    table_filter_select(r, "kind", _("Kind"), kind_options(r, _("All kinds")), EVENT_KIND_COUNT + 1,
                        f.kind);
    html_printf(b,
                "<div class=\"field\"><label class=\"label\" for=\"f-from\">%s</label>"
                "<input class=\"input input--short\" id=\"f-from\" name=\"from\" type=\"date\" "
                "value=\"%s\"></div><div class=\"field\"><label class=\"label\" for=\"f-to\">"
                "%s</label><input class=\"input input--short\" id=\"f-to\" name=\"to\" "
                "type=\"date\" value=\"%s\"></div><div class=\"field\"><button class=\"button "
                "button--secondary\" type=\"submit\">%s</button></div></form>\n",
                _("From"), from ? from : "", _("To"), to ? to : "", _("Filter"));
    struct event_list list;
    if (event_list(&r->ctx, &f, &l, &list) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    table_count(r, list.total, N_("%s event"), N_("%s events"));
    if (list.count == 0) {
        if (f.kind || from || to)
            page_empty(r, _("No event matches. Change the filters."), NULL, NULL);
        else
            page_empty(r, _("No events yet. Plan the platform's next meeting."), may ? add : NULL,
                       _("Plan an event"));
        page_end(r, 200);
        return;
    }
    const struct tz *z = event_zone(&r->ctx, list.items[0].alliance_time_zone);
    html_raw(b, "<div class=\"table-wrap\"><table class=\"table\"><thead><tr>");
    table_sort_header(r, &l, "title", _("Event"), false);
    table_sort_header(r, &l, "kind", _("Kind"), false);
    table_sort_header(r, &l, "start", _("When"), false);
    html_printf(b, "<th scope=\"col\">%s</th></tr></thead><tbody>\n", _("Place"));
    for (int i = 0; i < list.count; i++) {
        const struct event *e = &list.items[i];
        html_printf(b, "<tr><td><a href=\"%s\">%s</a>", page_href(r, "/events/", e->id, ""),
                    e->title);
        if (e->platform_key != pl->key)
            html_printf(b, " <span class=\"muted small\">%s</span>",
                        arena_printf(&r->arena, _("with %s"), e->platform_name));
        html_raw(b, "</td><td>");
        tags(r, e);
        html_raw(b, "</td><td>");
        event_when(r, e, z);
        html_printf(b, "</td><td>%s</td></tr>\n", e->place);
    }
    html_raw(b, "</tbody></table></div>\n");
    table_pagination(r, &l, list.total);
    page_end(r, 200);
}

/* decision_origin writes where a decision of a platform's list came from:
 * its event, or the proposal it settled (when the reader may read its
 * thread: a decision of an event may name a proposal they may not). */
static void decision_origin(struct request *r, const struct decision *d)
{
    struct buf *b = &r->out;
    if (d->event_id)
        html_printf(b, "<a href=\"%s\">%s</a>", page_href(r, "/events/", d->event_id, ""),
                    d->event_title);
    else
        html_printf(b, "%s", _("The platform"));
    if (d->proposal_id)
        html_printf(b, "<br><span class=\"small\">%s <a href=\"%s\">%s</a></span>",
                    _("Settles the proposal"), page_href(r, "/proposals/", d->proposal_id, ""),
                    d->proposal_title);
}

void platform_decisions_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    struct listing l;
    table_listing(r, &l, DECISIONS_PER_PAGE);
    if (!l.sort) /* newest first */
        l.descending = !l.descending;
    struct decision_list list;
    if (event_decisions_of_platform(&r->ctx, pl->key, &l, &list) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    struct page p = {.title = _("Decisions"), .context = pl->alliance_name, .nav = "alliances"};
    platform_crumbs(r, &p, pl);
    page_crumb(&p, _("Decisions"), NULL);
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n",
                arena_printf(&r->arena, _("Decisions of %s"), pl->name),
                _("What the platform decided: at its events, and by settling a proposal in a "
                  "discussion."));
    table_count(r, list.total, N_("%s decision"), N_("%s decisions"));
    if (list.count == 0) {
        page_empty(r,
                   _("No decisions yet. Decisions are recorded at the platform's events, or "
                     "from the outcome of a proposal in one of its discussions."),
                   page_href(r, "/platforms/", pl->id, "/events"), _("See the events"));
        page_end(r, 200);
        return;
    }
    html_raw(b, "<div class=\"table-wrap\"><table class=\"table\"><thead><tr>");
    table_sort_header(r, &l, "taken", _("When"), false);
    html_printf(b, "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>\n",
                _("Decision"), _("Taken at"));
    for (int i = 0; i < list.count; i++) {
        const struct decision *d = &list.items[i];
        html_raw(b, "<tr><td>");
        page_date(r, d->taken_at);
        html_raw(b, "</td><td class=\"prose\">");
        html_markdown(b, d->text);
        html_raw(b, "</td><td>");
        decision_origin(r, d);
        html_raw(b, "</td></tr>\n");
    }
    html_raw(b, "</tbody></table></div>\n");
    table_pagination(r, &l, list.total);
    page_end(r, 200);
}

/* overdue_items writes the overdue action items of a platform (at most
 * five) and their count. */
static void overdue_items(struct request *r, const struct platform *pl)
{
    struct buf *b = &r->out;
    struct listing l;
    listing_default(&l);
    l.limit = 5;
    struct action_filter f = {.platform_key = pl->key, .overdue = true};
    struct action_list list;
    if (event_action_list(&r->ctx, &f, &l, &list) != STATUS_OK || list.total == 0)
        return;
    html_printf(b, "<h3>%s</h3>\n<ul>",
                arena_printf(&r->arena,
                             ngettext("%lld action item overdue", "%lld action items overdue",
                                      (unsigned long)list.total),
                             (long long)list.total));
    for (int i = 0; i < list.count; i++) {
        const struct action_item *a = &list.items[i];
        html_raw(b, "<li>");
        page_tag(r, "red", _("Overdue"));
        html_printf(b, " %s — ", a->title);
        if (a->owner_name)
            html_printf(b, "%s, ", a->owner_name);
        html_printf(b, "%s ", _("due"));
        page_date(r, a->due_on);
        html_printf(b, " (<a href=\"%s\">%s</a>)</li>", page_href(r, "/events/", a->event_id, ""),
                    a->event_title);
    }
    html_raw(b, "</ul>\n");
}

void event_platform_section(struct request *r, const struct platform *pl)
{
    struct buf *b = &r->out;
    char now[32];
    clock_now_iso(now, sizeof now);
    struct listing l;
    listing_default(&l);
    l.limit = 3;
    struct event_filter upcoming = {.platform_key = pl->key, .ends_after = now};
    struct event_filter past = {.platform_key = pl->key, .starts_before = now};
    struct event_list next, before;
    if (event_list(&r->ctx, &upcoming, &l, &next) != STATUS_OK)
        return;
    l.descending = true;
    if (event_list(&r->ctx, &past, &l, &before) != STATUS_OK)
        return;
    bool may = event_may_add_platform(&r->ctx, pl->key);
    char *add = page_href(r, "/platforms/", pl->id, "/events/new");
    html_printf(b, "<h2 id=\"events\">%s</h2>\n", _("Events"));
    char *decisions = page_href(r, "/platforms/", pl->id, "/decisions");
    if (next.total + before.total == 0) {
        page_empty(r, _("No events yet. Plan the platform's next meeting."), may ? add : NULL,
                   _("Plan an event"));
        html_printf(b, "<p><a href=\"%s\">%s</a></p>\n", decisions, _("Decisions of the platform"));
        return;
    }
    const struct tz *z = event_zone(&r->ctx, next.count ? next.items[0].alliance_time_zone
                                                        : before.items[0].alliance_time_zone);
    if (next.count) {
        html_printf(b, "<h3>%s</h3>\n", _("Coming up"));
        event_list_items(r, &next, z, false);
    }
    if (before.count) {
        html_printf(b, "<h3>%s</h3>\n", _("Recently"));
        event_list_items(r, &before, z, false);
    }
    overdue_items(r, pl);
    html_printf(b, "<p><a href=\"%s\">", page_href(r, "/platforms/", pl->id, "/events"));
    int64_t total = next.total + before.total;
    html_printf(b, ngettext("See the %lld event", "See all %lld events", (unsigned long)total),
                (long long)total);
    html_printf(b, "</a> · <a href=\"%s\">%s</a> · <a href=\"%s\">%s</a>",
                page_href(r, "/platforms/", pl->id, "/calendar"), _("Calendar"),
                page_href(r, "/platforms/", pl->id, "/inclusion"), _("Who takes part"));
    html_printf(b, " · <a href=\"%s\">%s</a>", decisions, _("Decisions"));
    if (may)
        html_printf(b, " · <a href=\"%s\">%s</a>", add, _("Plan an event"));
    html_raw(b, "</p>\n");
}

/* The event's page. */

static void event_crumbs(struct request *r, struct page *p, const struct event *e, bool current)
{
    page_crumb(p, _("Alliances"), "/");
    page_crumb(p, e->alliance_name, page_href(r, "/alliances/", e->alliance_slug, ""));
    page_crumb(p, e->platform_name, page_href(r, "/platforms/", e->platform_id, ""));
    page_crumb(p, _("Events"), page_href(r, "/platforms/", e->platform_id, "/events"));
    page_crumb(p, e->title, current ? NULL : page_href(r, "/events/", e->id, ""));
}

/* action_row writes one action item as a table row; from_event names its
 * event (items followed up at another event). */
static void action_row(struct request *r, const struct action_item *a, bool from_event, bool edit)
{
    struct buf *b = &r->out;
    html_printf(b, "<tr><td>%s", a->title);
    if (*a->note)
        html_printf(b, "<br><span class=\"muted small\">%s</span>", a->note);
    if (from_event)
        html_printf(b, "<br><span class=\"small\">%s <a href=\"%s\">%s</a></span>", _("From"),
                    page_href(r, "/events/", a->event_id, ""), a->event_title);
    html_raw(b, "</td><td>");
    if (a->owner_id)
        html_printf(b, "<a href=\"%s\">%s</a>", page_href(r, "/people/", a->owner_id, ""),
                    a->owner_name);
    else
        html_text(b, _("Nobody named"));
    html_raw(b, "</td><td>");
    if (a->due_on)
        page_date(r, a->due_on);
    html_raw(b, "</td><td>");
    page_tag(r,
             a->overdue                  ? "red"
             : str_eq(a->status, "done") ? "green"
             : str_eq(a->status, "open") ? "blue"
                                         : "grey",
             a->overdue ? _("Overdue") : action_status_label(a->status));
    if (a->follow_up_id && !from_event)
        html_printf(b, "<br><span class=\"small\">%s <a href=\"%s\">%s</a></span>",
                    _("Followed up at"), page_href(r, "/events/", a->follow_up_id, ""),
                    a->follow_up_title);
    html_raw(b, "</td>");
    if (edit)
        html_printf(b, "<td><a href=\"%s\">%s<span class=\"visually-hidden\"> %s</span></a></td>",
                    page_href(r, "/action-items/", a->id, "/edit"), _("Edit"), a->title);
    html_raw(b, "</tr>\n");
}

static void action_table(struct request *r, const struct action_list *list, bool from_event,
                         bool edit)
{
    struct buf *b = &r->out;
    html_printf(b,
                "<div class=\"table-wrap\"><table class=\"table\"><thead><tr><th scope=\"col\">"
                "%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s"
                "</th>",
                _("Action"), _("Owner"), _("Due"), _("Status"));
    if (edit)
        html_printf(b, "<td><span class=\"visually-hidden\">%s</span></td>", _("Edit"));
    html_raw(b, "</tr></thead><tbody>\n");
    for (int i = 0; i < list->count; i++)
        action_row(r, &list->items[i], from_event, edit);
    html_raw(b, "</tbody></table></div>\n");
}

static void decisions_section(struct request *r, const struct event *e, bool edit)
{
    struct buf *b = &r->out;
    struct decision_list list;
    if (event_decisions(&r->ctx, e, &list) != STATUS_OK)
        return;
    html_printf(b, "<h2 id=\"decisions\">%s</h2>\n", _("Decisions"));
    if (list.count == 0)
        html_printf(b, "<p class=\"muted\">%s</p>\n", _("No decisions recorded."));
    else {
        html_raw(b, "<ol class=\"prose\">");
        for (int i = 0; i < list.count; i++) {
            html_raw(b, "<li>");
            html_markdown(b, list.items[i].text);
            if (list.items[i].proposal_id)
                html_printf(b, "<p class=\"small\"><a href=\"%s\">%s</a></p>",
                            page_href(r, "/proposals/", list.items[i].proposal_id, ""),
                            _("The proposal it settled"));
            if (edit)
                html_printf(b,
                            "<p class=\"small\"><a href=\"%s\">%s<span class=\"visually-hidden\"> "
                            "%d</span></a></p>",
                            page_href(r, "/decisions/", list.items[i].id, "/edit"),
                            _("Edit the decision"), i + 1);
            html_raw(b, "</li>");
        }
        html_raw(b, "</ol>\n");
    }
    if (edit)
        html_printf(b, "<p><a href=\"%s\">%s</a></p>\n",
                    page_href(r, "/events/", e->id, "/decisions/new"), _("Record a decision"));
}

static void actions_section(struct request *r, const struct event *e, bool edit)
{
    struct buf *b = &r->out;
    struct listing l;
    listing_default(&l);
    l.limit = LISTING_MAX_LIMIT;
    l.sort = "recorded";
    struct action_filter f = {.event_key = e->key};
    struct action_list list;
    if (event_action_list(&r->ctx, &f, &l, &list) != STATUS_OK)
        return;
    html_printf(b, "<h2 id=\"actions\">%s</h2>\n", _("Action items"));
    if (list.count == 0)
        html_printf(b, "<p class=\"muted\">%s</p>\n", _("No action items recorded."));
    else
        action_table(r, &list, false, edit);
    if (edit)
        html_printf(b, "<p><a href=\"%s\">%s</a></p>\n",
                    page_href(r, "/events/", e->id, "/actions/new"), _("Add an action item"));
    struct action_filter followed = {.follow_up_key = e->key};
    if (event_action_list(&r->ctx, &followed, &l, &list) == STATUS_OK && list.count) {
        html_printf(b, "<h3>%s</h3>\n", _("Followed up at this event"));
        action_table(r, &list, true, false);
    }
}

/* share writes n of total as a percentage ("40%"), or a dash. */
static void share(struct request *r, int64_t n, int64_t total)
{
    if (total == 0)
        html_raw(&r->out, "–");
    else
        html_printf(&r->out, "%lld%%", (long long)((n * 100 + total / 2) / total));
}

/* inclusion_rows writes the rows of one dimension of an inclusion table. */
static void inclusion_rows(struct request *r, const struct inclusion *in,
                           const struct inclusion_row *rows, int count, bool genders)
{
    struct buf *b = &r->out;
    for (int i = 0; i < count; i++) {
        const char *name = !*rows[i].category
                               ? (genders ? _("Not recorded") : _("No group recorded"))
                           : genders ? person_gender_label(rows[i].category)
                                     : rows[i].category;
        html_printf(b, "<tr><th scope=\"row\">%s</th><td class=\"num\">%lld</td><td class=\"num\">",
                    *name ? name : rows[i].category, (long long)rows[i].attendees);
        share(r, rows[i].attendees, in->attendees);
        html_printf(b, "</td><td class=\"num\">%lld</td><td class=\"num\">",
                    (long long)rows[i].speakers);
        share(r, rows[i].speakers, in->speakers);
        html_raw(b, "</td></tr>\n");
    }
}

void event_inclusion_table(struct request *r, const struct inclusion *in, const char *caption)
{
    struct buf *b = &r->out;
    html_printf(b,
                "<div class=\"table-wrap\"><table class=\"table\"><caption>%s</caption><thead><tr>"
                "<td></td><th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">"
                "%s</th><th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s"
                "</th></tr></thead>",
                caption, _("Attended"), _("Share"), _("Spoke"), _("Share"));
    html_printf(b, "<tbody><tr><th scope=\"rowgroup\" colspan=\"5\">%s</th></tr>\n",
                _("By gender"));
    inclusion_rows(r, in, in->genders, in->gender_count, true);
    html_printf(b, "</tbody><tbody><tr><th scope=\"rowgroup\" colspan=\"5\">%s</th></tr>\n",
                _("By marginalised group"));
    inclusion_rows(r, in, in->groups, in->group_count, false);
    html_printf(b,
                "</tbody><tfoot><tr><th scope=\"row\">%s</th><td class=\"num\">%lld</td><td>"
                "</td><td class=\"num\">%lld</td><td></td></tr></tfoot></table></div>\n",
                _("Everyone"), (long long)in->attendees, (long long)in->speakers);
}

static void attendance_table(struct request *r, const struct attendance_list *list);

static void attendance_section(struct request *r, const struct event *e, bool edit)
{
    struct buf *b = &r->out;
    struct attendance_list list;
    if (event_attendance(&r->ctx, e, &list) != STATUS_OK)
        return;
    html_printf(b, "<h2 id=\"attendance\">%s</h2>\n", _("Who attended"));
    if (edit)
        html_printf(b, "<p><a href=\"%s\">%s</a></p>\n",
                    page_href(r, "/events/", e->id, "/attendance"), _("Record attendance"));
    if (list.count == 0) {
        html_printf(b, "<p class=\"muted\">%s</p>\n", _("No attendance recorded."));
        return;
    }
    struct inclusion in;
    event_inclusion(&r->ctx, &list, &in);
    html_printf(
        b, "<p>%s</p>\n",
        arena_printf(&r->arena,
                     ngettext("%lld person attended; %lld spoke.",
                              "%lld people attended; %lld spoke.", (unsigned long)in.attendees),
                     (long long)in.attendees, (long long)in.speakers));
    if (!e->attributed) /* shared without attribution: counted, nobody named */
        html_printf(b, "<p class=\"muted\">%s</p>\n",
                    _("It came to your platform without attribution: who took part is not "
                      "named."));
    else
        attendance_table(r, &list);
    html_printf(b, "<h2 id=\"inclusion\">%s</h2>\n", _("Who took part"));
    event_inclusion_table(r, &in, _("Attendance and speakers by gender and group, as recorded"));
}

/* attendance_table lists who attended, by name, with their organisation. */
static void attendance_table(struct request *r, const struct attendance_list *list)
{
    struct buf *b = &r->out;
    html_printf(b,
                "<div class=\"table-wrap\"><table class=\"table\"><thead><tr><th scope=\"col\">"
                "%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s"
                "</th></tr></thead><tbody>\n",
                _("Name"), _("Organisation"), _("Role at the event"), _("Spoke"));
    for (int i = 0; i < list->count; i++) {
        const struct attendance *a = &list->items[i];
        if (a->person_id)
            html_printf(b, "<tr><td><a href=\"%s\">%s</a></td>",
                        page_href(r, "/people/", a->person_id, ""), a->name);
        else
            html_printf(b, "<tr><td>%s</td>", a->name);
        html_printf(b, "<td>%s</td><td>%s</td><td>%s</td></tr>\n", a->organisation, a->role,
                    a->spoke ? _("Yes") : "");
    }
    html_raw(b, "</tbody></table></div>\n");
}

static void event_side(struct request *r, const struct event *e, bool edit)
{
    struct buf *b = &r->out;
    html_printf(b, "<section class=\"card\"><h2>%s</h2><dl class=\"summary\">", _("About"));
    const struct tz *own = event_zone(&r->ctx, e->time_zone);
    page_fact_begin(r, _("When"));
    event_when(r, e, own);
    page_fact_end(r);
    page_fact(r, _("Time zone"), e->time_zone);
    if (!str_eq(e->time_zone, e->alliance_time_zone) && *e->alliance_time_zone) {
        page_fact_begin(r, arena_printf(&r->arena, _("In %s"), e->alliance_time_zone));
        event_when(r, e, event_zone(&r->ctx, e->alliance_time_zone));
        page_fact_end(r);
    }
    if (*e->place)
        page_fact(r, _("Place"), e->place);
    if (*e->facilitator)
        page_fact(r, _("Facilitator"), e->facilitator);
    page_fact_begin(r, e->platform_count > 1 ? _("Platforms") : _("Platform"));
    for (int i = 0; i < e->platform_count; i++)
        html_printf(b, "%s<a href=\"%s\">%s</a>", i ? "<br>" : "",
                    page_href(r, "/platforms/", e->platforms[i].id, ""), e->platforms[i].name);
    page_fact_end(r);
    if (!e->attributed) {
        page_fact(r, _("Recorded by"), _("Not named: shared without attribution"));
    } else if (e->author_id) {
        page_fact_begin(r, _("Recorded by"));
        html_printf(b, "<a href=\"%s\">%s</a>", page_href(r, "/people/", e->author_id, ""),
                    e->author_name);
        page_fact_end(r);
    }
    html_raw(b, "</dl>");
    html_printf(b, "<p><a href=\"%s\" type=\"text/calendar\">%s</a></p></section>\n",
                page_href(r, "/events/", e->id, "/calendar.ics"), _("Add to your calendar"));
    bool remove = event_may_delete(&r->ctx, e);
    if (!edit && !remove)
        return;
    html_printf(b, "<section class=\"card\"><h2>%s</h2><ul>", _("Actions"));
    if (edit)
        html_printf(b,
                    "<li><a href=\"%s\">%s</a></li><li><a href=\"%s\">%s</a></li><li><a "
                    "href=\"%s\">%s</a></li><li><a href=\"%s\">%s</a></li>",
                    page_href(r, "/events/", e->id, "/edit"), _("Edit the event and its minutes"),
                    page_href(r, "/events/", e->id, "/attendance"), _("Record attendance"),
                    page_href(r, "/events/", e->id, "/decisions/new"), _("Record a decision"),
                    page_href(r, "/events/", e->id, "/actions/new"), _("Add an action item"));
    if (remove)
        html_printf(b, "<li><a href=\"%s\">%s</a></li>", page_href(r, "/events/", e->id, "/delete"),
                    _("Delete the event"));
    html_raw(b, "</ul></section>\n");
}

void event_page(struct request *r)
{
    struct event *e;
    enum status s = event_find(&r->ctx, request_capture(r, 0), &e);
    if (!page_allowed(r, s))
        return;
    bool edit = event_may_edit(&r->ctx, e);
    struct page p = {.title = e->title, .context = e->alliance_name, .nav = "alliances"};
    event_crumbs(r, &p, e, true);
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b, "<p class=\"caption\">%s</p><h1>%s</h1>\n<ul class=\"tags\"><li>", _("Event"),
                e->title);
    tags(r, e);
    html_raw(b, "</li><li>");
    page_tag(r, "grey", entry_visibility_label(e->visibility));
    html_raw(b, "</li>");
    if (e->platform_count > 1) {
        html_raw(b, "<li>");
        page_tag(r, "yellow", _("Joint event"));
        html_raw(b, "</li>");
    }
    html_raw(b, "</ul>\n<p class=\"lead\">");
    event_when(r, e, event_zone(&r->ctx, e->time_zone));
    if (*e->place)
        html_printf(b, " · %s", e->place);
    html_raw(b, "</p>\n");
    if (*e->agenda) {
        html_printf(b, "<h2 id=\"agenda\">%s</h2>\n<div class=\"prose\">", _("Agenda"));
        html_markdown(b, e->agenda);
        html_raw(b, "</div>\n");
    }
    html_printf(b, "<h2 id=\"minutes\">%s</h2>\n", _("Minutes"));
    if (*e->minutes) {
        html_raw(b, "<div class=\"prose\">");
        html_markdown(b, e->minutes);
        html_raw(b, "</div>\n");
    } else {
        html_printf(b, "<p class=\"muted\">%s</p>\n", _("No minutes yet."));
    }
    decisions_section(r, e, edit);
    actions_section(r, e, edit);
    attendance_section(r, e, edit);
    struct share_item item;
    share_item_of_event(e, &item);
    share_item_section(r, &item);
    discussion_item_section(r, "event", e->key, e->id);
    page_side(r);
    event_side(r, e, edit);
    if (item.has_minutes)
        share_item_side(r, &item);
    question_item_side(r, "event", e->key);
    page_end(r, 200);
}

/* The event's form. */

/* event_read_form copies the form into e. */
static void event_read_form(struct request *r, struct event *e, const char *home_id)
{
    e->kind = (char *)request_form(r, "kind");
    e->title = (char *)request_form(r, "title");
    e->start_local = (char *)request_form(r, "start");
    e->end_local = (char *)request_form(r, "end");
    e->time_zone = (char *)request_form(r, "time_zone");
    e->place = (char *)request_form(r, "place");
    e->facilitator = (char *)request_form(r, "facilitator");
    e->agenda = (char *)request_form(r, "agenda");
    e->minutes = (char *)request_form(r, "minutes");
    e->visibility = (char *)request_form(r, "visibility");
    e->status = (char *)request_form(r, "status");
    e->platform_ids[0] = home_id;
    e->platform_id_count = 1;
    for (int i = 0; i < r->form_count && e->platform_id_count < EVENT_PLATFORMS_MAX; i++)
        if (str_eq(r->form[i].name, "platforms") && !str_eq(r->form[i].value, home_id))
            e->platform_ids[e->platform_id_count++] = r->form[i].value;
}

/* platform_choices writes the other platforms of the alliance as
 * checkboxes: those the event holds ticked. */
static void platform_choices(struct request *r, const struct event *e, int64_t alliance_key,
                             int64_t home_key, const struct problems *p)
{
    struct platform_list tree;
    if (platform_tree(&r->ctx, alliance_key, 200, &tree) != STATUS_OK)
        return;
    struct form_option *o = arena_array(&r->arena, (size_t)tree.count + 1, sizeof *o);
    unsigned long long ticked = 0;
    int n = 0;
    for (int i = 0; i < tree.count && n < 64; i++) {
        const struct platform *pl = &tree.items[i];
        bool held = false;
        for (int k = 1; k < e->platform_count; k++)
            held = held || e->platforms[k].key == pl->key;
        for (int k = 1; k < e->platform_id_count; k++)
            held = held || str_eq(e->platform_ids[k], pl->id);
        if (pl->key == home_key || (!held && !event_may_add_platform(&r->ctx, pl->key)))
            continue;
        o[n].value = pl->id;
        o[n].label = arena_printf(&r->arena, "%s (%s)", pl->name, pl->level_label);
        if (held)
            ticked |= 1ull << n;
        n++;
    }
    if (n == 0)
        return;
    form_checkboxes(r, p, "platforms", _("Also held by"),
                    _("A joint event shows on the calendar of every platform that holds it. You "
                      "may add the platforms you write on."),
                    o, n < 32 ? n : 32, (unsigned)ticked);
}

/* event_form writes the fields of an event. */
static void event_form(struct request *r, const struct event *e, int64_t alliance_key,
                       int64_t home_key, const struct problems *p, const char *action,
                       const char *button, const char *cancel)
{
    form_begin(r, action, p);
    form_select(r, p, "kind", _("Kind of event"), NULL, kind_options(r, _("Choose the kind")),
                EVENT_KIND_COUNT + 1, e->kind);
    form_input(r, p, "title", _("Title"),
               _("Such as Quarterly platform meeting, or Field visit to Zaare."), e->title, "text",
               false);
    form_input(r, p, "start", _("Starts"), _("Date and time, such as 2026-03-12T09:00."),
               e->start_local, "datetime-local", true);
    form_input(r, p, "end", _("Ends"), _("Date and time, such as 2026-03-12T13:00."), e->end_local,
               "datetime-local", true);
    form_input(r, p, "time_zone", _("Time zone"),
               _("The zone of these times, from the tz database, such as Africa/Accra or "
                 "Europe/Paris."),
               e->time_zone, "text", true);
    form_input(r, p, "place", _("Place"), _("Optional: the town, office or village."), e->place,
               "text", false);
    form_input(r, p, "facilitator", _("Facilitator"), _("Optional: who leads it."), e->facilitator,
               "text", false);
    platform_choices(r, e, alliance_key, home_key, p);
    form_textarea(r, p, "agenda", _("Agenda"), _("Optional. You can use Markdown."), e->agenda, 5);
    form_textarea(r, p, "minutes", _("Minutes"),
                  _("What was said, in Markdown. Keep them a draft until the platform agrees "
                    "them."),
                  e->minutes, 8);
    struct form_option vis[3] = {{"platform", entry_visibility_label("platform")},
                                 {"alliance", entry_visibility_label("alliance")},
                                 {"public", entry_visibility_label("public")}};
    form_select(r, p, "visibility", _("Who may read it"), NULL, vis, 3,
                str_empty(e->visibility) ? "platform" : e->visibility);
    form_item_status(r, p, rights_may(rights_on_platform(&r->ctx, home_key, RIGHT_PUBLISH_ITEMS)),
                     e->status, e->published_at != NULL);
    form_end(r, button, cancel, false);
}

static void event_new_form(struct request *r, const struct platform *pl, const struct event *e,
                           const struct problems *p)
{
    struct page page = {
        .title = _("Plan an event"), .context = pl->alliance_name, .nav = "alliances"};
    platform_crumbs(r, &page, pl);
    page_crumb(&page, _("Events"), page_href(r, "/platforms/", pl->id, "/events"));
    page_crumb(&page, _("Plan an event"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n", _("Plan an event"));
    event_form(r, e, pl->alliance_key, pl->key, p,
               page_href(r, "/platforms/", pl->id, "/events/new"), _("Save the event"),
               page_href(r, "/platforms/", pl->id, "/events"));
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void event_new_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl || !page_allowed(r, rights_on_platform(&r->ctx, pl->key, RIGHT_WRITE_ITEMS)))
        return;
    struct alliance *a;
    struct event e = {.status = "draft", .visibility = "platform", .time_zone = "UTC"};
    if (alliance_find(&r->ctx, pl->alliance_id, &a) == STATUS_OK)
        e.time_zone = a->time_zone;
    const char *kind = request_query(r, "kind");
    e.kind = event_kind_valid(kind) ? (char *)kind : NULL;
    event_new_form(r, pl, &e, NULL);
}

void event_create_post(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    struct event e = {0};
    event_read_form(r, &e, pl->id);
    struct problems p = {0};
    enum status s = event_create(&r->ctx, &e, &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/events/", e.id, ""));
    else if (p.count)
        event_new_form(r, pl, &e, &p);
    else
        page_fail(r, s);
}

/* wall_of writes an instant as the wall time of the event's zone (arena). */
static char *wall_of(struct request *r, const struct event *e, const char *instant)
{
    char wall[EVENT_LOCAL_LEN + 1];
    if (event_wall(event_zone(&r->ctx, e->time_zone), instant, wall, NULL) != 0)
        return "";
    return arena_strdup(&r->arena, wall);
}

static void event_edit_form(struct request *r, const struct event *before, const struct event *e,
                            const struct problems *p)
{
    struct page page = {
        .title = _("Edit the event"), .context = before->alliance_name, .nav = "alliances"};
    event_crumbs(r, &page, before, false);
    page_crumb(&page, _("Edit"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n", _("Edit the event"));
    event_form(r, e, before->alliance_key, before->platform_key, p,
               page_href(r, "/events/", before->id, "/edit"), _("Save changes"),
               page_href(r, "/events/", before->id, ""));
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

/* load_editable loads the event of the address for someone who may edit it,
 * or answers. */
static struct event *load_editable(struct request *r)
{
    struct event *e;
    enum status s = event_find(&r->ctx, request_capture(r, 0), &e);
    if (!page_allowed(r, s))
        return NULL;
    if (!event_may_edit(&r->ctx, e)) {
        page_fail(r, r->ctx.viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED);
        return NULL;
    }
    return e;
}

void event_edit_page(struct request *r)
{
    struct event *e = load_editable(r);
    if (!e)
        return;
    e->start_local = wall_of(r, e, e->starts_at);
    e->end_local = wall_of(r, e, e->ends_at);
    event_edit_form(r, e, e, NULL);
}

void event_edit_post(struct request *r)
{
    struct event *before;
    enum status s = event_find(&r->ctx, request_capture(r, 0), &before);
    if (!page_allowed(r, s))
        return;
    struct event e = *before;
    event_read_form(r, &e, before->platform_id);
    struct problems p = {0};
    s = event_update(&r->ctx, &e, &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/events/", e.id, ""));
    else if (p.count)
        event_edit_form(r, before, &e, &p);
    else
        page_fail(r, s);
}

void event_delete_page(struct request *r)
{
    struct event *e;
    enum status s = event_find(&r->ctx, request_capture(r, 0), &e);
    if (!page_allowed(r, s) ||
        !page_allowed(r, rights_on_platform(&r->ctx, e->platform_key, RIGHT_PUBLISH_ITEMS)))
        return;
    struct page page = {
        .title = _("Delete the event"), .context = e->alliance_name, .nav = "alliances"};
    event_crumbs(r, &page, e, false);
    page_crumb(&page, _("Delete"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n<p>%s</p>\n", _("Delete the event"),
                arena_printf(&r->arena,
                             _("The event “%s” will be deleted with its attendance, decisions and "
                               "action items, from every platform that holds it. A record of the "
                               "deletion, and of what it said, stays in the audit trail."),
                             e->title));
    form_begin(r, page_href(r, "/events/", e->id, "/delete"), NULL);
    form_end(r, _("Delete the event"), page_href(r, "/events/", e->id, ""), true);
    page_end(r, 200);
}

void event_delete_post(struct request *r)
{
    struct event *e;
    enum status s = event_find(&r->ctx, request_capture(r, 0), &e);
    if (!page_allowed(r, s))
        return;
    s = event_delete(&r->ctx, e);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/platforms/", e->platform_id, "/events"));
    else
        page_fail(r, s);
}

/* Attendance: one form for a phone. Every member of the event's platforms
 * (people, not organisations) is a row: a hidden "person" (their id), boxes
 * "attended" and "spoke" whose value is the row's number, and "role<n>".
 * Others recorded before are rows too ("record" instead of "person"). One
 * more row takes someone else by name. */

struct attendance_row {
    const char *person_id; /* or NULL */
    const char *record_id; /* a name recorded before, or NULL */
    const char *name;
    const char *organisation;
    const char *role;
    bool attended, spoke;
};

/* attendance_rows lists the rows of the form: the members of the event's
 * platforms, then those recorded who are not among them. */
static int attendance_rows(struct request *r, const struct event *e,
                           const struct attendance_list *had, struct attendance_row **out)
{
    int cap = MEMBERS_MAX + had->count, n = 0;
    struct attendance_row *rows = arena_array(&r->arena, (size_t)cap + 1, sizeof *rows);
    for (int i = 0; i < e->platform_count; i++) {
        struct listing l;
        listing_default(&l);
        l.limit = LISTING_MAX_LIMIT;
        l.sort = "name";
        struct membership_filter f = {.platform_key = e->platforms[i].key};
        struct membership_list members;
        if (membership_list(&r->ctx, &f, &l, &members) != STATUS_OK)
            continue;
        for (int k = 0; k < members.count && n < MEMBERS_MAX; k++) {
            const struct membership *m = &members.items[k];
            bool seen = !m->person_id;
            for (int j = 0; j < n && !seen; j++)
                seen = str_eq(rows[j].person_id, m->person_id);
            if (!seen)
                rows[n++] =
                    (struct attendance_row){m->person_id,
                                            NULL,
                                            m->person_name,
                                            m->organisation_name ? m->organisation_name : "",
                                            "",
                                            false,
                                            false};
        }
    }
    for (int i = 0; i < had->count; i++) {
        const struct attendance *a = &had->items[i];
        int j = 0;
        while (j < n && !(a->person_id && str_eq(rows[j].person_id, a->person_id)))
            j++;
        if (j == n)
            rows[n++] = (struct attendance_row){
                a->person_id, a->person_id ? NULL : a->id, a->name, a->organisation, "", false,
                false};
        rows[j].attended = true;
        rows[j].spoke = a->spoke;
        rows[j].role = a->role;
        rows[j].organisation = a->organisation;
    }
    *out = rows;
    return n;
}

static struct form_option *gender_options(struct request *r)
{
    struct form_option *o = arena_array(&r->arena, PERSON_GENDER_COUNT + 1, sizeof *o);
    o[0] = (struct form_option){"", _("Not recorded")};
    for (int i = 0; i < PERSON_GENDER_COUNT; i++)
        o[i + 1] =
            (struct form_option){person_gender_name(i), person_gender_label(person_gender_name(i))};
    return o;
}

static void attendance_form(struct request *r, const struct event *e, struct attendance_row *rows,
                            int n, const struct problems *p)
{
    struct buf *b = &r->out;
    struct page page = {
        .title = _("Record attendance"), .context = e->alliance_name, .nav = "alliances"};
    event_crumbs(r, &page, e, false);
    page_crumb(&page, _("Attendance"), NULL);
    page_begin(r, &page);
    html_printf(b, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n", _("Record attendance"), e->title);
    form_begin(r, page_href(r, "/events/", e->id, "/attendance"), p);
    const char *error = p ? problems_for(p, "attendance") : NULL;
    html_printf(b, "<div class=\"field%s\" id=\"f-attendance\">", error ? " field--error" : "");
    if (error)
        html_printf(b, "<p class=\"field-error\"><span class=\"visually-hidden\">%s</span> %s</p>",
                    _("Error:"), error);
    html_printf(b, "<p class=\"hint\">%s</p>",
                _("Tick who came and who spoke. A person's gender and group come from their "
                  "record."));
    for (int i = 0; i < n; i++) {
        const struct attendance_row *row = &rows[i];
        html_printf(b, "<fieldset class=\"fieldset\"><legend class=\"legend\">%s", row->name);
        if (*row->organisation)
            html_printf(b, " <span class=\"muted small\">%s</span>", row->organisation);
        html_raw(b, "</legend>");
        if (row->person_id)
            html_printf(b, "<input type=\"hidden\" name=\"person%d\" value=\"%s\">", i,
                        row->person_id);
        else
            html_printf(b, "<input type=\"hidden\" name=\"record%d\" value=\"%s\">", i,
                        row->record_id);
        html_printf(
            b,
            "<div class=\"checkbox\"><input id=\"a%d\" name=\"attended\" type=\"checkbox\" "
            "value=\"%d\"%s><label for=\"a%d\">%s</label></div>"
            "<div class=\"checkbox\"><input id=\"s%d\" name=\"spoke\" type=\"checkbox\" "
            "value=\"%d\"%s><label for=\"s%d\">%s</label></div>"
            "<label class=\"label\" for=\"r%d\">%s</label><input class=\"input\" id=\"r%d\" "
            "name=\"role%d\" type=\"text\" value=\"%s\"></fieldset>\n",
            i, i, row->attended ? " checked" : "", i, _("Attended"), i, i,
            row->spoke ? " checked" : "", i, _("Spoke"), i, _("Role at the event"), i, i,
            row->role);
    }
    html_raw(b, "</div>\n");
    html_printf(b, "<h2>%s</h2>\n", _("Someone else"));
    form_input(r, p, "new_name", _("Name"), _("Optional: someone who is not a member."),
               request_form(r, "new_name"), "text", false);
    form_input(r, p, "new_organisation", _("Organisation"), NULL,
               request_form(r, "new_organisation"), "text", false);
    form_input(r, p, "new_role", _("Role at the event"), NULL, request_form(r, "new_role"), "text",
               false);
    form_select(r, p, "new_gender", _("Gender"),
                _("Optional. Used only for figures on who takes part."), gender_options(r),
                PERSON_GENDER_COUNT + 1, request_form(r, "new_gender"));
    form_input(r, p, "new_group", _("Marginalised group"), _("Optional, such as women's group."),
               request_form(r, "new_group"), "text", false);
    const struct form_option spoke[1] = {{"yes", _("Spoke")}};
    form_checkboxes(r, p, "new_spoke", _("Did they speak?"), NULL, spoke, 1,
                    request_form_has(r, "new_spoke", "yes") ? 1u : 0u);
    form_end(r, _("Save attendance"), page_href(r, "/events/", e->id, ""), false);
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void event_attendance_page(struct request *r)
{
    struct event *e = load_editable(r);
    if (!e)
        return;
    struct attendance_list had;
    if (event_attendance(&r->ctx, e, &had) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    struct attendance_row *rows;
    int n = attendance_rows(r, e, &had, &rows);
    attendance_form(r, e, rows, n, NULL);
}

/* form_or_empty is the posted value of name, or "" when absent. */
static const char *form_or_empty(struct request *r, const char *name)
{
    const char *v = request_form(r, name);
    return v ? v : "";
}

/* attendance_read turns the posted form into records: the ticked rows, and
 * the new name. Problems name the field when the form is not one this page
 * wrote. */
static int attendance_read(struct request *r, const struct attendance_list *had,
                           struct attendance_row **out_rows, int *row_count,
                           struct attendance *records, struct problems *p)
{
    int n = 0, count = 0, cap = MEMBERS_MAX + had->count;
    struct attendance_row *rows = arena_array(&r->arena, (size_t)cap + 1, sizeof *rows);
    *out_rows = rows;
    *row_count = 0;
    for (int i = 0; i < cap; i++) {
        char number[16];
        snprintf(number, sizeof number, "%d", i);
        const char *person = request_form(r, arena_printf(&r->arena, "person%s", number));
        const char *record = request_form(r, arena_printf(&r->arena, "record%s", number));
        if (!person && !record)
            break;
        if (str_empty(person) && str_empty(record)) {
            problems_invalid(p, "attendance",
                             _("The form was not sent whole: load the page again and tick "
                               "who attended"));
            return 0;
        }
        struct attendance_row *row = &rows[n++];
        *row = (struct attendance_row){str_empty(person) ? NULL : person,
                                       str_empty(person) ? record : NULL,
                                       "",
                                       "",
                                       "",
                                       false,
                                       false};
        row->attended = request_form_has(r, "attended", number);
        row->spoke = request_form_has(r, "spoke", number);
        const char *role = request_form(r, arena_printf(&r->arena, "role%s", number));
        row->role = role ? role : "";
        for (int k = 0; k < had->count; k++)
            if ((row->record_id && str_eq(had->items[k].id, row->record_id)) ||
                (row->person_id && str_eq(had->items[k].person_id, row->person_id))) {
                row->name = had->items[k].name;
                row->organisation = had->items[k].organisation;
            }
        *row_count = n;
        if (!row->attended)
            continue;
        struct attendance *a = &records[count++];
        *a = (struct attendance){.person_id = (char *)row->person_id,
                                 .id = (char *)row->record_id,
                                 .name = (char *)row->name,
                                 .organisation = (char *)row->organisation,
                                 .role = (char *)row->role,
                                 .spoke = row->spoke,
                                 .gender = "",
                                 .marginalised_group = ""};
        for (int k = 0; row->record_id && k < had->count; k++)
            if (str_eq(had->items[k].id, row->record_id)) {
                a->gender = had->items[k].gender;
                a->marginalised_group = had->items[k].marginalised_group;
            }
    }
    const char *name = request_form(r, "new_name");
    if (!str_empty(name))
        records[count++] =
            (struct attendance){.name = (char *)name,
                                .organisation = (char *)form_or_empty(r, "new_organisation"),
                                .role = (char *)form_or_empty(r, "new_role"),
                                .gender = (char *)form_or_empty(r, "new_gender"),
                                .marginalised_group = (char *)form_or_empty(r, "new_group"),
                                .spoke = request_form_has(r, "new_spoke", "yes")};
    if (n == 0 && count == 0 && !request_form(r, "new_name"))
        problems_invalid(p, "attendance",
                         _("The form was not sent whole: load the page again and tick who "
                           "attended"));
    return count;
}

void event_attendance_post(struct request *r)
{
    struct event *e = load_editable(r);
    if (!e)
        return;
    struct attendance_list had;
    if (event_attendance(&r->ctx, e, &had) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    struct problems p = {0};
    struct attendance *records =
        arena_array(&r->arena, (size_t)MEMBERS_MAX + (size_t)had.count + 2, sizeof *records);
    struct attendance_row *posted;
    int posted_count;
    int n = attendance_read(r, &had, &posted, &posted_count, records, &p);
    enum status s = p.count ? STATUS_INVALID : event_attendance_record(&r->ctx, e, records, n, &p);
    if (s == STATUS_OK) {
        request_redirect(r, page_href(r, "/events/", e->id, "#attendance"));
        return;
    }
    if (!p.count) {
        page_fail(r, s);
        return;
    }
    struct attendance_row *rows;
    int count = attendance_rows(r, e, &had, &rows);
    /* What was ticked, kept. */
    for (int i = 0; i < count; i++) {
        rows[i].attended = rows[i].spoke = false;
        rows[i].role = "";
        for (int k = 0; k < posted_count; k++)
            if ((rows[i].person_id && str_eq(posted[k].person_id, rows[i].person_id)) ||
                (rows[i].record_id && str_eq(posted[k].record_id, rows[i].record_id))) {
                rows[i].attended = posted[k].attended;
                rows[i].spoke = posted[k].spoke;
                rows[i].role = posted[k].role;
            }
    }
    attendance_form(r, e, rows, count, &p);
}

/* Decisions. */

static void decision_form(struct request *r, const struct event *e, const char *text,
                          const struct problems *p, const char *action, const char *title)
{
    struct page page = {.title = title, .context = e->alliance_name, .nav = "alliances"};
    event_crumbs(r, &page, e, false);
    page_crumb(&page, title, NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n", title, e->title);
    form_begin(r, action, p);
    form_textarea(r, p, "text", _("Decision"),
                  _("What was decided, and by whom if it matters. You can use Markdown."), text, 4);
    form_end(r, _("Save the decision"), page_href(r, "/events/", e->id, "#decisions"), false);
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void decision_new_page(struct request *r)
{
    struct event *e = load_editable(r);
    if (e)
        decision_form(r, e, "", NULL, page_href(r, "/events/", e->id, "/decisions/new"),
                      _("Record a decision"));
}

void decision_create_post(struct request *r)
{
    struct event *e = load_editable(r);
    if (!e)
        return;
    struct decision d = {.text = (char *)request_form(r, "text")};
    struct problems p = {0};
    enum status s = event_decision_add(&r->ctx, e, &d, &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/events/", e->id, "#decisions"));
    else if (p.count)
        decision_form(r, e, d.text, &p, page_href(r, "/events/", e->id, "/decisions/new"),
                      _("Record a decision"));
    else
        page_fail(r, s);
}

/* load_decision loads the decision of the address and its event, for
 * someone who may edit them, or answers. */
static struct decision *load_decision(struct request *r, struct event **event)
{
    struct decision *d;
    enum status s = event_decision_find(&r->ctx, request_capture(r, 0), &d);
    if (s == STATUS_OK)
        s = event_find(&r->ctx, d->event_id, event);
    if (!page_allowed(r, s))
        return NULL;
    if (!event_may_edit(&r->ctx, *event)) {
        page_fail(r, r->ctx.viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED);
        return NULL;
    }
    return d;
}

void decision_edit_page(struct request *r)
{
    struct event *e;
    struct decision *d = load_decision(r, &e);
    if (!d)
        return;
    decision_form(r, e, d->text, NULL, page_href(r, "/decisions/", d->id, "/edit"),
                  _("Edit the decision"));
}

void decision_edit_post(struct request *r)
{
    struct event *e;
    struct decision *d = load_decision(r, &e);
    if (!d)
        return;
    d->text = (char *)request_form(r, "text");
    struct problems p = {0};
    enum status s = event_decision_update(&r->ctx, d, &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/events/", e->id, "#decisions"));
    else if (p.count)
        decision_form(r, e, d->text, &p, page_href(r, "/decisions/", d->id, "/edit"),
                      _("Edit the decision"));
    else
        page_fail(r, s);
}

void decision_delete_page(struct request *r)
{
    struct event *e;
    struct decision *d = load_decision(r, &e);
    if (!d)
        return;
    struct page page = {
        .title = _("Delete the decision"), .context = e->alliance_name, .nav = "alliances"};
    event_crumbs(r, &page, e, false);
    page_crumb(&page, _("Delete the decision"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n<blockquote class=\"prose\">", _("Delete the decision"));
    html_markdown(&r->out, d->text);
    html_printf(&r->out, "</blockquote>\n<p>%s</p>\n", _("The audit trail keeps what it said."));
    form_begin(r, page_href(r, "/decisions/", d->id, "/delete"), NULL);
    form_end(r, _("Delete the decision"), page_href(r, "/decisions/", d->id, "/edit"), true);
    page_end(r, 200);
}

void decision_delete_post(struct request *r)
{
    struct event *e;
    struct decision *d = load_decision(r, &e);
    if (!d)
        return;
    enum status s = event_decision_remove(&r->ctx, d);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/events/", e->id, "#decisions"));
    else
        page_fail(r, s);
}

/* Action items. */

/* owner_options lists who may own an action item: the members of the
 * event's platforms and those who attended, after "nobody yet". */
static struct form_option *owner_options(struct request *r, const struct event *e, int *n)
{
    struct attendance_list had;
    if (event_attendance(&r->ctx, e, &had) != STATUS_OK)
        had.count = 0;
    struct attendance_row *rows;
    int count = attendance_rows(r, e, &had, &rows);
    struct form_option *o = arena_array(&r->arena, (size_t)count + 1, sizeof *o);
    o[0] = (struct form_option){"", _("Nobody named yet")};
    int k = 1;
    for (int i = 0; i < count; i++)
        if (rows[i].person_id)
            o[k++] = (struct form_option){rows[i].person_id, rows[i].name};
    *n = k;
    return o;
}

/* follow_up_options lists the later events of the event's home platform. */
static struct form_option *follow_up_options(struct request *r, const struct event *e, int *n)
{
    struct listing l;
    listing_default(&l);
    l.limit = 40;
    struct event_filter f = {.platform_key = e->platform_key};
    struct event_list later = {0};
    char after[32];
    time_t t;
    if (clock_parse_iso(e->starts_at, &t) == 0) {
        clock_format_iso(t + 1, after, sizeof after);
        f.ends_after = after;
    }
    if (event_list(&r->ctx, &f, &l, &later) != STATUS_OK)
        later.count = 0;
    struct form_option *o = arena_array(&r->arena, (size_t)later.count + 1, sizeof *o);
    o[0] = (struct form_option){"", _("Not followed up yet")};
    int k = 1;
    const struct tz *z = event_zone(&r->ctx, e->alliance_time_zone);
    for (int i = 0; i < later.count; i++) {
        const struct event *x = &later.items[i];
        char wall[EVENT_LOCAL_LEN + 1];
        if (x->key == e->key || strcmp(x->starts_at, e->starts_at) <= 0 ||
            event_wall(z, x->starts_at, wall, NULL) != 0)
            continue;
        wall[10] = '\0';
        o[k++] = (struct form_option){x->id, arena_printf(&r->arena, "%s, %s", wall, x->title)};
    }
    *n = k;
    return o;
}

static void action_form(struct request *r, const struct event *e, const struct action_item *a,
                        const struct problems *p, const char *action, const char *title,
                        const char *button)
{
    struct page page = {.title = title, .context = e->alliance_name, .nav = "alliances"};
    event_crumbs(r, &page, e, false);
    page_crumb(&page, title, NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n", title, e->title);
    form_begin(r, action, p);
    form_input(r, p, "title", _("Action"),
               _("What is to be done, such as Send the breakdown log "
                 "to the assembly."),
               a->title, "text", false);
    int n;
    struct form_option *owners = owner_options(r, e, &n);
    form_select(r, p, "owner", _("Owner"), _("Who will do it."), owners, n, a->owner_id);
    form_input(r, p, "due_on", _("Due"), _("Optional, such as 2026-04-30."), a->due_on, "date",
               true);
    struct form_option statuses[3] = {{"open", action_status_label("open")},
                                      {"done", action_status_label("done")},
                                      {"dropped", action_status_label("dropped")}};
    form_select(r, p, "status", _("Status"), NULL, statuses, 3,
                str_empty(a->status) ? "open" : a->status);
    struct form_option *later = follow_up_options(r, e, &n);
    form_select(r, p, "follow_up", _("Followed up at"),
                _("The later event where it was taken up again."), later, n, a->follow_up_id);
    form_textarea(r, p, "note", _("Note"), _("Optional: how it went."), a->note, 3);
    form_end(r, button, page_href(r, "/events/", e->id, "#actions"), false);
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

static void action_read_form(struct request *r, struct action_item *a)
{
    a->title = (char *)request_form(r, "title");
    a->owner_id = (char *)request_form(r, "owner");
    a->due_on = (char *)request_form(r, "due_on");
    a->status = (char *)request_form(r, "status");
    a->follow_up_id = (char *)request_form(r, "follow_up");
    a->note = (char *)request_form(r, "note");
}

void action_new_page(struct request *r)
{
    struct event *e = load_editable(r);
    struct action_item a = {.status = "open"};
    if (e)
        action_form(r, e, &a, NULL, page_href(r, "/events/", e->id, "/actions/new"),
                    _("Add an action item"), _("Save the action item"));
}

void action_create_post(struct request *r)
{
    struct event *e = load_editable(r);
    if (!e)
        return;
    struct action_item a = {0};
    action_read_form(r, &a);
    struct problems p = {0};
    enum status s = event_action_add(&r->ctx, e, &a, &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/events/", e->id, "#actions"));
    else if (p.count)
        action_form(r, e, &a, &p, page_href(r, "/events/", e->id, "/actions/new"),
                    _("Add an action item"), _("Save the action item"));
    else
        page_fail(r, s);
}

/* load_action loads the action item of the address and its event; with
 * edit, only for someone who may edit them. Answers otherwise. */
static struct action_item *load_action(struct request *r, struct event **event, bool edit)
{
    struct action_item *a;
    enum status s = event_action_find(&r->ctx, request_capture(r, 0), &a);
    if (s == STATUS_OK)
        s = event_find(&r->ctx, a->event_id, event);
    if (!page_allowed(r, s))
        return NULL;
    if (edit ? !event_action_may_edit(&r->ctx, a) : !event_action_may_set_status(&r->ctx, a)) {
        page_fail(r, r->ctx.viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED);
        return NULL;
    }
    return a;
}

void action_edit_page(struct request *r)
{
    struct event *e;
    struct action_item *a = load_action(r, &e, true);
    if (!a)
        return;
    action_form(r, e, a, NULL, page_href(r, "/action-items/", a->id, "/edit"),
                _("Edit the action item"), _("Save changes"));
}

void action_edit_post(struct request *r)
{
    struct event *e;
    struct action_item *a = load_action(r, &e, true);
    if (!a)
        return;
    action_read_form(r, a);
    struct problems p = {0};
    enum status s = event_action_update(&r->ctx, a, &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/events/", e->id, "#actions"));
    else if (p.count)
        action_form(r, e, a, &p, page_href(r, "/action-items/", a->id, "/edit"),
                    _("Edit the action item"), _("Save changes"));
    else
        page_fail(r, s);
}

static void status_form(struct request *r, const struct event *e, const struct action_item *a,
                        const char *status, const struct problems *p)
{
    struct page page = {
        .title = _("Change the status"), .context = e->alliance_name, .nav = "alliances"};
    page_crumb(&page, _("My action items"), "/account/actions");
    page_crumb(&page, a->title, NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n", _("Change the status"),
                a->title);
    form_begin(r, page_href(r, "/action-items/", a->id, "/status"), p);
    struct form_option statuses[3] = {{"open", action_status_label("open")},
                                      {"done", action_status_label("done")},
                                      {"dropped", action_status_label("dropped")}};
    form_select(r, p, "status", _("Status"), NULL, statuses, 3, status);
    form_end(r, _("Save the status"), "/account/actions", false);
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void action_status_page(struct request *r)
{
    struct event *e;
    struct action_item *a = load_action(r, &e, false);
    if (a)
        status_form(r, e, a, a->status, NULL);
}

void action_status_post(struct request *r)
{
    struct event *e;
    struct action_item *a = load_action(r, &e, false);
    if (!a)
        return;
    const char *status = request_form(r, "status");
    struct problems p = {0};
    enum status s = event_action_set_status(&r->ctx, a, status ? status : "", &p);
    if (s == STATUS_OK)
        request_redirect(r, "/account/actions");
    else if (p.count)
        status_form(r, e, a, status, &p);
    else
        page_fail(r, s);
}

void action_delete_page(struct request *r)
{
    struct event *e;
    struct action_item *a = load_action(r, &e, true);
    if (!a)
        return;
    struct page page = {
        .title = _("Delete the action item"), .context = e->alliance_name, .nav = "alliances"};
    event_crumbs(r, &page, e, false);
    page_crumb(&page, _("Delete the action item"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n<p>%s</p>\n", _("Delete the action item"),
                arena_printf(&r->arena,
                             _("The action item “%s” will be deleted. The audit trail keeps "
                               "what it said."),
                             a->title));
    form_begin(r, page_href(r, "/action-items/", a->id, "/delete"), NULL);
    form_end(r, _("Delete the action item"), page_href(r, "/action-items/", a->id, "/edit"), true);
    page_end(r, 200);
}

void action_delete_post(struct request *r)
{
    struct event *e;
    struct action_item *a = load_action(r, &e, true);
    if (!a)
        return;
    enum status s = event_action_remove(&r->ctx, a);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/events/", e->id, "#actions"));
    else
        page_fail(r, s);
}

/* My action items. */

/* done_button writes the small form that marks an item done. */
static void done_button(struct request *r, const struct action_item *a)
{
    struct buf *b = &r->out;
    html_printf(b, "<form method=\"post\" action=\"%s\">",
                page_href(r, "/action-items/", a->id, "/status"));
    html_printf(b,
                "<input type=\"hidden\" name=\"csrf\" value=\"%s\"><input type=\"hidden\" "
                "name=\"status\" value=\"done\"><button class=\"button button--secondary\" "
                "type=\"submit\">%s<span class=\"visually-hidden\"> %s</span></button></form>",
                request_csrf(r), _("Mark done"), a->title);
}

void account_actions_page(struct request *r)
{
    if (!page_allowed(r, rights_signed_in(&r->ctx)))
        return;
    struct listing l;
    table_listing(r, &l, ACTIONS_PER_PAGE);
    const char *show = request_query(r, "status");
    struct action_filter f = {.owner_key =
                                  r->ctx.viewer->person_key ? r->ctx.viewer->person_key : -1};
    f.status = action_status_valid(show) ? show : str_eq(show, "all") ? NULL : "open";
    struct page p = {.title = _("My action items"), .nav = "account"};
    page_crumb(&p, _("Your account"), "/account");
    page_crumb(&p, _("My action items"), NULL);
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n", _("My action items"),
                _("What you agreed to do at events, soonest due first. Overdue ones are "
                  "flagged."));
    struct form_option choices[4] = {
        {"open", _("Open")}, {"done", _("Done")}, {"dropped", _("Dropped")}, {"all", _("All")}};
    html_raw(b, "<form class=\"filters\" method=\"get\" action=\"/account/actions\">");
    table_filter_select(r, "status", _("Status"), choices, 4, f.status ? f.status : "all");
    html_printf(b,
                "<div class=\"field\"><button class=\"button button--secondary\" "
                "type=\"submit\">%s</button></div></form>\n",
                _("Filter"));
    struct action_list list;
    if (event_action_list(&r->ctx, &f, &l, &list) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    table_count(r, list.total, N_("%s action item"), N_("%s action items"));
    if (list.count == 0) {
        page_empty(r, _("No action items here. Items you agree to do at an event come here."), NULL,
                   NULL);
        page_end(r, 200);
        return;
    }
    html_printf(b,
                "<div class=\"table-wrap\"><table class=\"table\"><thead><tr><th scope=\"col\">"
                "%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s"
                "</th><td></td></tr></thead><tbody>\n",
                _("Action"), _("Event"), _("Due"), _("Status"));
    for (int i = 0; i < list.count; i++) {
        const struct action_item *a = &list.items[i];
        html_printf(b,
                    "<tr><td>%s</td><td><a href=\"%s\">%s</a><br><span class=\"muted "
                    "small\">%s</span></td><td>",
                    a->title, page_href(r, "/events/", a->event_id, ""), a->event_title,
                    a->platform_name);
        if (a->due_on)
            page_date(r, a->due_on);
        html_raw(b, "</td><td>");
        page_tag(r,
                 a->overdue                  ? "red"
                 : str_eq(a->status, "done") ? "green"
                 : str_eq(a->status, "open") ? "blue"
                                             : "grey",
                 a->overdue ? _("Overdue") : action_status_label(a->status));
        html_raw(b, "</td><td>");
        if (str_eq(a->status, "open"))
            done_button(r, a);
        else
            html_printf(b, "<a href=\"%s\">%s<span class=\"visually-hidden\"> %s</span></a>",
                        page_href(r, "/action-items/", a->id, "/status"), _("Change"), a->title);
        html_raw(b, "</td></tr>\n");
    }
    html_raw(b, "</tbody></table></div>\n");
    table_pagination(r, &l, list.total);
    html_printf(b, "<p><a href=\"/account/calendar\">%s</a></p>\n", _("My calendar"));
    page_end(r, 200);
}
