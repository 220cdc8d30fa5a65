/*
 * web/inclusion.c — who takes part in a platform's events over time (seed
 * 001: social inclusion, inviting the marginalised voices around the
 * table): for each quarter or year, the share of attendees and of speakers
 * of each gender and marginalised group, as recorded, "not recorded" counted
 * apart. A summary table over time (on the platform's page too), then a
 * table a period. Only the events the reader may read are counted.
 */
#include "web/event.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/person.h"
#include "domain/platform.h"
#include "web/html.h"
#include "web/load.h"
#include "web/page.h"
#include "web/web.h"

#include <string.h>

#define SUMMARY_ROWS_SECTION 4
#define DETAIL_PERIODS       8

/* percent writes n of total as "40%", or a dash when total is 0. */
static void percent(struct request *r, int64_t n, int64_t total)
{
    if (total == 0)
        html_raw(&r->out, "–");
    else
        html_printf(&r->out, "%lld%%", (long long)((n * 100 + total / 2) / total));
}

/* count_of finds a category among rows ("" for "not recorded"). */
static const struct inclusion_row *count_of(const struct inclusion_row *rows, int n,
                                            const char *category)
{
    for (int i = 0; i < n; i++)
        if (str_eq(rows[i].category, category))
            return &rows[i];
    return NULL;
}

/* cell writes the shares of attendees and speakers of a category. */
static void cell(struct request *r, const struct inclusion *in, const struct inclusion_row *row)
{
    struct buf *b = &r->out;
    html_raw(b, "<td class=\"num\">");
    percent(r, row ? row->attendees : 0, in->attendees);
    html_raw(b, "<br><span class=\"muted small\">");
    percent(r, row ? row->speakers : 0, in->speakers);
    html_raw(b, "</span></td>");
}

/* grouped adds up the attendance of those in any marginalised group. */
static struct inclusion_row grouped(const struct inclusion *in)
{
    struct inclusion_row sum = {"", 0, 0};
    for (int i = 0; i < in->group_count; i++)
        if (*in->groups[i].category) {
            sum.attendees += in->groups[i].attendees;
            sum.speakers += in->groups[i].speakers;
        }
    return sum;
}

/* summary_table writes one row a period (the last max), newest first:
 * attendances, and the shares of women, men, another gender, gender not
 * recorded, and any marginalised group. */
static void summary_table(struct request *r, const struct inclusion_series *s, int max)
{
    struct buf *b = &r->out;
    html_printf(b,
                "<div class=\"table-wrap\"><table class=\"table\"><caption>%s</caption><thead>"
                "<tr><th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th>",
                _("Share of attendees, and below it of speakers"), _("Period"), _("Attended"));
    for (int g = 0; g < PERSON_GENDER_COUNT; g++)
        html_printf(b, "<th scope=\"col\" class=\"num\">%s</th>",
                    person_gender_label(person_gender_name(g)));
    html_printf(b,
                "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
                "</tr></thead><tbody>\n",
                _("Gender not recorded"), _("In a marginalised group"));
    for (int i = s->count - 1, shown = 0; i >= 0 && shown < max; i--, shown++) {
        const struct inclusion *in = &s->periods[i];
        html_printf(b,
                    "<tr><th scope=\"row\">%s</th><td class=\"num\">%lld<br><span class=\"muted "
                    "small\">%lld</span></td>",
                    in->period, (long long)in->attendees, (long long)in->speakers);
        for (int g = 0; g < PERSON_GENDER_COUNT; g++)
            cell(r, in, count_of(in->genders, in->gender_count, person_gender_name(g)));
        cell(r, in, count_of(in->genders, in->gender_count, ""));
        struct inclusion_row any = grouped(in);
        cell(r, in, &any);
        html_raw(b, "</tr>\n");
    }
    html_raw(b, "</tbody></table></div>\n");
}

void inclusion_platform_section(struct request *r, const struct platform *pl)
{
    struct inclusion_series s;
    if (event_inclusion_series(&r->ctx, pl->key, true, &s) != STATUS_OK || s.count == 0)
        return;
    html_printf(&r->out, "<h2 id=\"inclusion\">%s</h2>\n", _("Who takes part"));
    summary_table(r, &s, SUMMARY_ROWS_SECTION);
    html_printf(&r->out, "<p><a href=\"%s\">%s</a></p>\n",
                page_href(r, "/platforms/", pl->id, "/inclusion"),
                _("Every period, by gender and by group"));
}

void platform_inclusion_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    bool years = str_eq(request_query(r, "by"), "year");
    struct page p = {
        .title = _("Who takes part"), .context = pl->alliance_name, .nav = "alliances"};
    page_crumb(&p, _("Alliances"), "/");
    page_crumb(&p, pl->alliance_name, page_href(r, "/alliances/", pl->alliance_slug, ""));
    page_crumb(&p, pl->name, page_href(r, "/platforms/", pl->id, ""));
    page_crumb(&p, _("Who takes part"), NULL);
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n",
                arena_printf(&r->arena, _("Who takes part in %s"), pl->name),
                _("Of the people at the platform's events, and of those who spoke: how many "
                  "were women and men, and how many from a marginalised group, as recorded. "
                  "Where nothing was recorded, they are counted apart."));
    const char *self = page_href(r, "/platforms/", pl->id, "/inclusion");
    html_printf(b, "<p>%s ", _("By:"));
    if (years)
        html_printf(b, "<a href=\"%s?by=quarter\">%s</a> · <strong>%s</strong></p>\n", self,
                    _("quarter"), _("year"));
    else
        html_printf(b, "<strong>%s</strong> · <a href=\"%s?by=year\">%s</a></p>\n", _("quarter"),
                    self, _("year"));
    struct inclusion_series s;
    if (event_inclusion_series(&r->ctx, pl->key, !years, &s) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    if (s.count == 0) {
        page_empty(r,
                   _("No attendance recorded yet. Record who came to the platform's events to "
                     "see who takes part."),
                   page_href(r, "/platforms/", pl->id, "/events"), _("See the events"));
        page_end(r, 200);
        return;
    }
    summary_table(r, &s, INCLUSION_PERIODS_MAX);
    for (int i = s.count - 1, shown = 0; i >= 0 && shown < DETAIL_PERIODS; i--, shown++) {
        html_printf(b, "<h2>%s</h2>\n", s.periods[i].period);
        event_inclusion_table(
            r, &s.periods[i],
            arena_printf(&r->arena, _("Attendance and speakers in %s"), s.periods[i].period));
    }
    page_end(r, 200);
}
