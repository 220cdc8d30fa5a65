/*
 * web/calendar.c — calendars of events: a month of a platform or of an
 * alliance as a table (a row a week, Monday first, days outside the month
 * empty), in the alliance's time zone, with the events coming up below it;
 * and the same events as iCalendar (RFC 5545): a platform's calendar, a
 * person's own, and one event to add to a calendar.
 *
 * The iCalendar files give times in UTC ("DTSTART:20260312T090000Z"), which
 * RFC 5545 allows and every calendar shows in its own zone: no VTIMEZONE to
 * keep in step with the tz database.
 *
 * Who reads a calendar file. A platform's (/platforms/ID/calendar.ics) and a
 * person's (/account/calendar.ics) are read as Atom feeds are (web/feed.c):
 * by nobody, or by the member whose private feed address (feed.h, the same
 * secrets, listed and revoked on the account page) is in ?token= — never by
 * the cookie of a browser, so that an address gives the same calendar in a
 * browser and in a calendar program. A person's calendar takes an address
 * for every feed: the events the person may read that they attend or that a
 * platform of theirs holds. One event's file (/events/ID/calendar.ics) is
 * read as its page is.
 */
#include "web/event.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/str.h"
#include "core/tz.h"
#include "domain/account.h"
#include "domain/alliance.h"
#include "domain/feed.h"
#include "domain/platform.h"
#include "domain/rights.h"
#include "web/form.h"
#include "web/html.h"
#include "web/ics.h"
#include "web/load.h"
#include "web/page.h"
#include "web/web.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define ICS_TYPE           "text/calendar; charset=utf-8"
#define MONTH_EVENTS_MAX   200
#define UPCOMING_MAX       10
#define CALENDAR_DAYS_BACK 365

static const char *base_url(struct request *r)
{
    char base[1024];
    config_base_url(r->config, base, sizeof base);
    return arena_strdup(&r->arena, base);
}

/* A month of a calendar, in one zone. */
struct month {
    int year, month; /* 1..12 */
    int days;
    int first_weekday;               /* of the 1st: 0 Monday … 6 Sunday */
    char starts_at[32], ends_at[32]; /* its first instant, and the next month's */
    char name[64];                   /* "March 2026" */
    char key[32], previous[32], next[32];
};

static int month_days(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

/* month_read reads ?month=YYYY-MM, else the month it is now in zone z. */
static void month_read(struct request *r, const struct tz *z, struct month *m)
{
    const char *q = request_query(r, "month");
    int y = 0, mo = 0;
    if (!q || strlen(q) != 7 || q[4] != '-' || sscanf(q, "%4d-%2d", &y, &mo) != 2 || y < 1900 ||
        y > 2199 || mo < 1 || mo > 12) {
        char now[32], wall[EVENT_LOCAL_LEN + 1];
        clock_now_iso(now, sizeof now);
        event_wall(z, now, wall, NULL);
        y = (wall[0] - '0') * 1000 + (wall[1] - '0') * 100 + (wall[2] - '0') * 10 + wall[3] - '0';
        mo = (wall[5] - '0') * 10 + wall[6] - '0';
    }
    m->year = y;
    m->month = mo;
    m->days = month_days(y, mo);
    struct tm first = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = 1};
    time_t local = timegm(&first);
    struct tm check;
    gmtime_r(&local, &check);
    m->first_weekday = (check.tm_wday + 6) % 7;
    clock_format_iso((time_t)tz_from_local(z, local), m->starts_at, sizeof m->starts_at);
    struct tm after = {.tm_year = (mo == 12 ? y + 1 : y) - 1900, .tm_mon = mo % 12, .tm_mday = 1};
    clock_format_iso((time_t)tz_from_local(z, timegm(&after)), m->ends_at, sizeof m->ends_at);
    snprintf(m->key, sizeof m->key, "%04d-%02d", y, mo);
    snprintf(m->previous, sizeof m->previous, "%04d-%02d", mo == 1 ? y - 1 : y,
             mo == 1 ? 12 : mo - 1);
    snprintf(m->next, sizeof m->next, "%04d-%02d", mo == 12 ? y + 1 : y, mo == 12 ? 1 : mo + 1);
    if (clock_format_month(m->key, m->name, sizeof m->name) != 0)
        snprintf(m->name, sizeof m->name, "%s", m->key);
}

/* last_day is the day an event ends on, in zone z: the day of its last
 * second, so that an event ending at midnight is not on the next day. */
static void last_day(const struct tz *z, const struct event *e, char out[EVENT_LOCAL_LEN + 1])
{
    time_t t;
    char iso[32];
    if (clock_parse_iso(e->ends_at, &t) == 0) {
        clock_format_iso(t - 1, iso, sizeof iso);
        if (event_wall(z, iso, out, NULL) == 0)
            return;
    }
    snprintf(out, EVENT_LOCAL_LEN + 1, "%s", e->ends_at);
}

/* day_events writes the events on one day (YYYY-MM-DD) of the month. */
static void day_events(struct request *r, const struct event_list *list, const struct tz *z,
                       const char *day, bool show_platform)
{
    struct buf *b = &r->out;
    bool any = false;
    for (int i = 0; i < list->count; i++) {
        const struct event *e = &list->items[i];
        char start[EVENT_LOCAL_LEN + 1], end[EVENT_LOCAL_LEN + 1];
        if (event_wall(z, e->starts_at, start, NULL) != 0)
            continue;
        last_day(z, e, end);
        if (strncmp(start, day, 10) > 0 || strncmp(end, day, 10) < 0)
            continue;
        html_raw(b, any ? "" : "<ul>");
        any = true;
        html_printf(b, "<li><a href=\"%s\">", page_href(r, "/events/", e->id, ""));
        if (strncmp(start, day, 10) == 0)
            html_printf(b, "%s ", start + 11);
        html_printf(b, "%s</a>", e->title);
        if (show_platform)
            html_printf(b, " <span class=\"muted\">%s</span>", e->platform_name);
        html_raw(b, "</li>");
    }
    if (any)
        html_raw(b, "</ul>");
}

static void month_table(struct request *r, const struct month *m, const struct event_list *list,
                        const struct tz *z, bool show_platform)
{
    static const char *const weekdays[7][2] = {
        {N_("Mon"), N_("Monday")},   {N_("Tue"), N_("Tuesday")}, {N_("Wed"), N_("Wednesday")},
        {N_("Thu"), N_("Thursday")}, {N_("Fri"), N_("Friday")},  {N_("Sat"), N_("Saturday")},
        {N_("Sun"), N_("Sunday")}};
    struct buf *b = &r->out;
    char now[32], today[EVENT_LOCAL_LEN + 1];
    clock_now_iso(now, sizeof now);
    event_wall(z, now, today, NULL);
    html_printf(b,
                "<div class=\"table-wrap\"><table class=\"table calendar\"><caption>%s"
                "</caption><thead><tr>",
                m->name);
    for (int i = 0; i < 7; i++)
        html_printf(b, "<th scope=\"col\"><abbr title=\"%s\">%s</abbr></th>", _(weekdays[i][1]),
                    _(weekdays[i][0]));
    html_raw(b, "</tr></thead><tbody>\n");
    int cells = ((m->first_weekday + m->days + 6) / 7) * 7;
    for (int cell = 0; cell < cells; cell++) {
        int day = cell - m->first_weekday + 1;
        if (cell % 7 == 0)
            html_raw(b, "<tr>");
        if (day < 1 || day > m->days) {
            html_raw(b, "<td></td>");
        } else {
            char date[24];
            snprintf(date, sizeof date, "%.7s-%02d", m->key, day);
            bool current = strncmp(today, date, 10) == 0;
            html_raw(b, current ? "<td class=\"calendar__today\" aria-current=\"date\">" : "<td>");
            html_printf(b, "<span class=\"calendar__day\">%d</span>", day);
            day_events(r, list, z, date, show_platform);
            html_raw(b, "</td>");
        }
        if (cell % 7 == 6)
            html_raw(b, "</tr>\n");
    }
    html_raw(b, "</tbody></table></div>\n");
}

/* month_links writes the links to the months before and after. */
static void month_links(struct request *r, const char *path, const struct month *m)
{
    char previous[64], next[64];
    if (clock_format_month(m->previous, previous, sizeof previous) != 0)
        snprintf(previous, sizeof previous, "%s", m->previous);
    if (clock_format_month(m->next, next, sizeof next) != 0)
        snprintf(next, sizeof next, "%s", m->next);
    html_printf(&r->out,
                "<nav class=\"pagination\" aria-label=\"%s\"><ul><li><a href=\"%s?month=%s\" "
                "rel=\"prev\">‹ %s</a></li><li><a href=\"%s?month=%s\" rel=\"next\">%s ›</a>"
                "</li></ul></nav>\n",
                _("Months"), path, m->previous, previous, path, m->next, next);
}

/* calendar_body writes a month and what comes up: the events of a platform
 * (platform_key) or of an alliance. */
static void calendar_body(struct request *r, int64_t platform_key, int64_t alliance_key,
                          const char *zone, const char *path)
{
    struct buf *b = &r->out;
    const struct tz *z = event_zone(&r->ctx, zone);
    struct month m;
    month_read(r, z, &m);
    struct listing l;
    listing_default(&l);
    l.limit = MONTH_EVENTS_MAX;
    struct event_filter f = {.platform_key = platform_key,
                             .alliance_key = alliance_key,
                             .ends_after = m.starts_at,
                             .starts_before = m.ends_at};
    struct event_list list;
    if (event_list(&r->ctx, &f, &l, &list) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    html_printf(b, "<p class=\"muted\">%s</p>\n",
                arena_printf(&r->arena, _("Times are in %s."), tz_name(z)));
    month_table(r, &m, &list, z, !platform_key);
    month_links(r, path, &m);
    char now[32];
    clock_now_iso(now, sizeof now);
    struct event_filter upcoming = {
        .platform_key = platform_key, .alliance_key = alliance_key, .ends_after = now};
    l.limit = UPCOMING_MAX;
    html_printf(b, "<h2>%s</h2>\n", _("Coming up"));
    if (event_list(&r->ctx, &upcoming, &l, &list) == STATUS_OK && list.count)
        event_list_items(r, &list, z, !platform_key);
    else
        html_printf(b, "<p class=\"muted\">%s</p>\n", _("Nothing planned yet."));
}

void platform_calendar_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    struct alliance *a;
    if (!page_allowed(r, alliance_find(&r->ctx, pl->alliance_id, &a)))
        return;
    struct page p = {.title = _("Calendar"), .context = pl->alliance_name, .nav = "alliances"};
    page_crumb(&p, _("Alliances"), "/");
    page_crumb(&p, pl->alliance_name, page_href(r, "/alliances/", pl->alliance_slug, ""));
    page_crumb(&p, pl->name, page_href(r, "/platforms/", pl->id, ""));
    page_crumb(&p, _("Calendar"), NULL);
    page_begin(r, &p);
    html_printf(&r->out, "<h1>%s</h1>\n", arena_printf(&r->arena, _("Calendar of %s"), pl->name));
    calendar_body(r, pl->key, 0, a->time_zone, page_href(r, "/platforms/", pl->id, "/calendar"));
    /* A members-only alliance's platforms have no public calendar file (it
     * would be 404 for everyone): a private address reads it (?token= of a
     * feed address of the account page, as for the Atom feed). */
    if (str_eq(pl->alliance_visibility, "members"))
        html_printf(&r->out,
                    "<p><a href=\"%s\">%s</a> · %s <a href=\"/account#feeds\">%s</a></p>\n",
                    page_href(r, "/platforms/", pl->id, "/events"), _("All events"),
                    _("This alliance is for its members only: its platforms have no public "
                      "calendar file."),
                    _("A private address, with what you may read"));
    else
        html_printf(&r->out,
                    "<p><a href=\"%s\">%s</a> · <a href=\"%s\" type=\"text/calendar\">%s</a> "
                    "<span class=\"muted small\">%s</span></p>\n",
                    page_href(r, "/platforms/", pl->id, "/events"), _("All events"),
                    page_href(r, "/platforms/", pl->id, "/calendar.ics"), _("iCalendar"),
                    _("(what anyone may read; for your own, see My calendar)"));
    page_end(r, 200);
}

void alliance_calendar_page(struct request *r)
{
    struct alliance *a = load_alliance(r, request_capture(r, 0));
    if (!a)
        return;
    struct page p = {.title = _("Calendar"), .context = a->name, .nav = "alliances"};
    page_crumb(&p, _("Alliances"), "/");
    page_crumb(&p, a->name, page_href(r, "/alliances/", a->slug, ""));
    page_crumb(&p, _("Calendar"), NULL);
    page_begin(r, &p);
    html_printf(&r->out, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n",
                arena_printf(&r->arena, _("Calendar of %s"), a->name),
                _("The events of every platform of the alliance that you may read."));
    calendar_body(r, 0, a->key, a->time_zone, page_href(r, "/alliances/", a->slug, "/calendar"));
    page_end(r, 200);
}

/* iCalendar. */

static void ics_event(struct request *r, const char *base, const char *host, const struct event *e)
{
    struct buf *b = &r->out;
    ics_raw(b, "BEGIN", "VEVENT");
    ics_raw(b, "UID", arena_printf(&r->arena, "%s@%s", e->id, host));
    ics_instant(b, "DTSTAMP", e->updated_at);
    ics_instant(b, "CREATED", e->created_at);
    ics_instant(b, "LAST-MODIFIED", e->updated_at);
    ics_instant(b, "DTSTART", e->starts_at);
    ics_instant(b, "DTEND", e->ends_at);
    ics_text(b, "SUMMARY", e->title);
    ics_text(b, "LOCATION", e->place);
    ics_text(b, "DESCRIPTION", e->agenda);
    ics_text(b, "CATEGORIES", event_kind_label(e->kind));
    ics_raw(b, "STATUS", str_eq(e->status, "published") ? "CONFIRMED" : "TENTATIVE");
    ics_raw(b, "URL", arena_printf(&r->arena, "%s%s", base, page_href(r, "/events/", e->id, "")));
    ics_raw(b, "END", "VEVENT");
}

/* ics_host is the host part of the base address, for UIDs. */
static const char *ics_host(struct request *r, const char *base)
{
    const char *host = strstr(base, "://");
    host = host ? host + 3 : base;
    size_t n = strcspn(host, "/");
    return n ? arena_strndup(&r->arena, host, n) : "alliance";
}

static void ics_write(struct request *r, const char *name, const struct event *events, int count)
{
    struct buf *b = &r->out;
    const char *base = base_url(r);
    const char *host = ics_host(r, base);
    ics_raw(b, "BEGIN", "VCALENDAR");
    ics_raw(b, "VERSION", "2.0");
    ics_raw(b, "PRODID", "-//Alliance//Alliance " ALLIANCE_VERSION "//EN");
    ics_raw(b, "CALSCALE", "GREGORIAN");
    ics_raw(b, "METHOD", "PUBLISH");
    ics_text(b, "X-WR-CALNAME", name);
    for (int i = 0; i < count; i++)
        ics_event(r, base, host, &events[i]);
    ics_raw(b, "END", "VCALENDAR");
    request_send(r, 200, ICS_TYPE);
}

/* ics_list answers the events of a filter (the last year's and the coming
 * ones), as the viewer of c reads them. */
static void ics_list(struct request *r, struct ctx *c, struct event_filter *f, const char *name)
{
    time_t now = time(NULL);
    char since[32];
    clock_format_iso(now - (time_t)CALENDAR_DAYS_BACK * 86400, since, sizeof since);
    f->ends_after = since;
    struct listing l;
    listing_default(&l);
    l.limit = LISTING_MAX_LIMIT;
    struct event_list list;
    if (event_list(c, f, &l, &list) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    ics_write(r, name, list.items, list.count);
}

/* token_reader fills reader from ?token= (scope platform_id, NULL: every
 * feed), or leaves it anonymous without one. Answers 404 and returns false
 * for a token that does not work. */
static bool token_reader(struct request *r, struct ctx *c, const char *platform_id,
                         struct viewer *reader)
{
    /* Without a private address the calendar is what anyone may read,
     * whatever cookie the browser sends (as Atom feeds are): an address
     * gives the same calendar in a browser and in a calendar program. */
    const char *secret = request_query(r, "token"), *token_id = NULL;
    *reader = viewer_anonymous;
    c->viewer = reader;
    if (!secret)
        return true;
    if (feed_token_resume(c, secret, platform_id, reader, &token_id) != STATUS_OK) {
        page_error(r, 404,
                   _("This private calendar address does not work: it is mistyped, or it has "
                     "been revoked. Make a new one on your calendar page."));
        return false;
    }
    return true;
}

void platform_calendar_ics(struct request *r)
{
    struct viewer reader;
    struct ctx c = r->ctx;
    const char *id = request_capture(r, 0);
    if (!token_reader(r, &c, id, &reader))
        return;
    struct platform *pl;
    enum status s = platform_find(&c, id, &pl);
    if (s != STATUS_OK) {
        page_fail(r, STATUS_NOT_FOUND);
        return;
    }
    struct event_filter f = {.platform_key = pl->key};
    ics_list(r, &c, &f, pl->name);
}

void account_calendar_ics(struct request *r)
{
    struct viewer reader;
    struct ctx c = r->ctx;
    if (!token_reader(r, &c, NULL, &reader))
        return;
    if (!reader.person_key) {
        page_error(r, 404,
                   _("A personal calendar needs your private calendar address: make one on "
                     "your calendar page."));
        return;
    }
    struct event_filter f = {.person_key = reader.person_key};
    ics_list(r, &c, &f, arena_printf(&r->arena, _("Events of %s"), reader.name));
}

void event_calendar_ics(struct request *r)
{
    struct event *e;
    enum status s = event_find(&r->ctx, request_capture(r, 0), &e);
    if (s != STATUS_OK) {
        page_fail(r, s == STATUS_UNAUTHORIZED || s == STATUS_FORBIDDEN ? STATUS_NOT_FOUND : s);
        return;
    }
    ics_write(r, e->title, e, 1);
}

/* My calendar: what is coming up for the signed-in person, and private
 * addresses of it for a calendar program. */

static void account_calendar(struct request *r, const char *address, const struct problems *p)
{
    struct buf *b = &r->out;
    struct page page = {.title = _("My calendar"), .nav = "account"};
    page_crumb(&page, _("Your account"), "/account");
    page_crumb(&page, _("My calendar"), NULL);
    page_begin(r, &page);
    html_printf(b, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n", _("My calendar"),
                _("The events you attend and the events of your platforms."));
    if (address)
        html_printf(b,
                    "<div class=\"banner banner--success\" role=\"status\"><h2 class=\"banner__"
                    "title\">%s</h2><p>%s</p><p><code>%s</code></p></div>\n",
                    _("Your calendar address"),
                    _("Copy it into your calendar program now: it is shown only once."), address);
    char now[32];
    clock_now_iso(now, sizeof now);
    struct event_filter f = {.person_key =
                                 r->ctx.viewer->person_key ? r->ctx.viewer->person_key : -1,
                             .ends_after = now};
    struct listing l;
    listing_default(&l);
    l.limit = 20;
    struct event_list list;
    html_printf(b, "<h2>%s</h2>\n", _("Coming up"));
    if (event_list(&r->ctx, &f, &l, &list) == STATUS_OK && list.count)
        event_list_items(r, &list, event_zone(&r->ctx, list.items[0].alliance_time_zone), true);
    else
        html_printf(b, "<p class=\"muted\">%s</p>\n", _("Nothing planned yet."));
    html_printf(b, "<p><a href=\"/account/actions\">%s</a></p>\n", _("My action items"));
    html_printf(b, "<h2 id=\"subscribe\">%s</h2>\n<p>%s</p>\n", _("In your calendar program"),
                _("A private address shows these events in your phone's or computer's calendar, "
                  "and keeps them up to date. Anyone who has it sees what you may see of them: "
                  "keep it to yourself. Your addresses are listed on your account page, where "
                  "you can revoke them."));
    form_begin(r, "/account/calendar", p);
    const struct form_option confirm[1] = {{"yes", _("I will keep the address to myself")}};
    form_checkboxes(r, p, "understood", _("Make a private calendar address"), NULL, confirm, 1, 0);
    form_end(r, _("Make the address"), NULL, false);
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void account_calendar_page(struct request *r)
{
    if (page_allowed(r, rights_signed_in(&r->ctx)))
        account_calendar(r, NULL, NULL);
}

void account_calendar_post(struct request *r)
{
    if (!page_allowed(r, rights_signed_in(&r->ctx)))
        return;
    struct problems p = {0};
    if (!request_form_has(r, "understood", "yes")) {
        problems_invalid(&p, "understood", _("Tick the box to say you will keep it to yourself"));
        account_calendar(r, NULL, &p);
        return;
    }
    struct account *a;
    if (account_find(&r->ctx, r->ctx.viewer->account_id, &a) != STATUS_OK) {
        page_fail(r, STATUS_UNAUTHORIZED);
        return;
    }
    char secret[SECRET_LEN + 1];
    struct feed_token *t;
    enum status s = feed_token_create(&r->ctx, a, FEED_EVERY, secret, &t, &p);
    if (s != STATUS_OK) {
        page_fail(r, s);
        return;
    }
    account_calendar(
        r, arena_printf(&r->arena, "%s/account/calendar.ics?token=%s", base_url(r), secret), NULL);
}
