/*
 * web/assessment.c — stakeholder analysis as pages: a platform's (and an
 * alliance's) stakeholders, with the influence–interest grid (web/grid.c)
 * as a picture and as a table, and every assessment newest first; an
 * assessment's page with the history of that stakeholder on the platform;
 * the forms to record and delete one.
 */
#include "domain/assessment.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/alliance.h"
#include "domain/capability.h"
#include "domain/organisation.h"
#include "domain/person.h"
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

#define GRID_MAX 60 /* stakeholders on one grid */

static void platform_crumbs(struct request *r, struct page *p, const struct platform *pl)
{
    page_crumb(p, _("Alliances"), "/");
    page_crumb(p, pl->alliance_name, page_href(r, "/alliances/", pl->alliance_slug, ""));
    page_crumb(p, pl->name, page_href(r, "/platforms/", pl->id, ""));
}

static const char *visibility_colour(const char *visibility)
{
    return str_eq(visibility, "public") ? "yellow" : "blue";
}

/* assessments_table writes a page of assessments with sortable headers. */
static void assessments_table(struct request *r, const struct assessment_list *list,
                              const struct listing *l, bool show_platform)
{
    struct buf *b = &r->out;
    html_raw(b, "<div class=\"table-wrap\"><table class=\"table\"><thead><tr>");
    table_sort_header(r, l, "name", _("Stakeholder"), false);
    if (show_platform)
        html_printf(b, "<th scope=\"col\">%s</th>", _("Platform"));
    table_sort_header(r, l, "influence", _("Influence"), true);
    table_sort_header(r, l, "interest", _("Interest"), true);
    table_sort_header(r, l, "date", _("Assessed"), false);
    html_raw(b, "</tr></thead><tbody>\n");
    for (int i = 0; i < list->count; i++) {
        const struct assessment *a = &list->items[i];
        html_printf(b, "<tr><td><a href=\"%s\">%s</a>", page_href(r, "/assessments/", a->id, ""),
                    a->stakeholder_name);
        if (!a->member) {
            html_raw(b, " ");
            page_tag(r, "grey", _("Not a member"));
        }
        html_raw(b, "</td>");
        if (show_platform)
            html_printf(b, "<td>%s</td>", a->platform_name);
        html_printf(b, "<td class=\"numeric\">%d</td><td class=\"numeric\">%d</td><td>",
                    a->influence, a->interest);
        page_date(r, a->assessed_on);
        html_raw(b, "</td></tr>\n");
    }
    html_raw(b, "</tbody></table></div>\n");
    table_pagination(r, l, list->total);
}

/* grid_section writes the grid picture (from svg_href) and its table. */
static void grid_section(struct request *r, const struct assessment_list *latest,
                         const char *svg_href, bool show_platform)
{
    struct buf *b = &r->out;
    html_printf(b, "<h2>%s</h2>\n", _("Influence and interest"));
    if (latest->count == 0) {
        page_empty(r, _("No stakeholder has been assessed yet."), NULL, NULL);
        return;
    }
    html_printf(b,
                "<figure class=\"picture\"><img src=\"%s\" width=\"710\" height=\"480\" "
                "alt=\"%s\"><figcaption>%s</figcaption></figure>\n",
                svg_href,
                _("The influence–interest grid: the table below lists the same stakeholders, "
                  "numbered alike."),
                _("Across: interest; up: influence. Hollow dashed dots are not yet members; "
                  "an arrow shows where the assessment before placed them."));
    grid_table(r, latest, show_platform);
}

void platform_stakeholders_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    struct listing l;
    table_listing(r, &l, 30);
    struct assessment_list latest, list;
    struct assessment_filter f = {.platform_key = pl->key};
    if (assessment_latest(&r->ctx, pl->key, 0, GRID_MAX, &latest) != STATUS_OK ||
        assessment_list(&r->ctx, &f, &l, &list) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    struct page p = {.title = _("Stakeholders"), .context = pl->alliance_name, .nav = "alliances"};
    platform_crumbs(r, &p, pl);
    page_crumb(&p, _("Stakeholders"), NULL);
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n",
                arena_printf(&r->arena, _("Stakeholders of %s"), pl->name),
                _("Who matters to this platform, what they need and could bring, and who is "
                  "still missing. Assessments are kept to the platform's members unless the "
                  "assessor chose otherwise."));
    bool may = assessment_may_record(&r->ctx, pl->key);
    char *add = page_href(r, "/platforms/", pl->id, "/stakeholders/new");
    html_raw(b, "<ul class=\"actions\">");
    if (may)
        html_printf(b, "<li><a class=\"button\" href=\"%s\">%s</a></li>", add,
                    _("Assess a stakeholder"));
    html_printf(b, "<li><a href=\"%s\">%s</a></li><li><a href=\"%s\">%s</a></li></ul>\n",
                page_href(r, "/platforms/", pl->id, "/health"), _("Health of the platform"),
                page_href(r, "/platforms/", pl->id, "/gaps"), _("What the platform lacks"));
    grid_section(r, &latest, page_href(r, "/platforms/", pl->id, "/stakeholders.svg"), false);
    html_printf(b, "<h2>%s</h2>\n", _("Every assessment"));
    table_count(r, list.total, N_("%s assessment"), N_("%s assessments"));
    if (list.count == 0)
        page_empty(r, _("No assessments yet. Assess the first stakeholder of this platform."),
                   may ? add : NULL, _("Assess a stakeholder"));
    else
        assessments_table(r, &list, &l, false);
    page_end(r, 200);
}

void platform_stakeholders_svg(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    struct assessment_list latest;
    if (assessment_latest(&r->ctx, pl->key, 0, GRID_MAX, &latest) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    grid_svg(r, &latest, arena_printf(&r->arena, _("Stakeholders of %s"), pl->name));
    request_send(r, 200, SVG_TYPE);
}

void alliance_stakeholders_page(struct request *r)
{
    struct alliance *a = load_alliance(r, request_capture(r, 0));
    if (!a)
        return;
    struct listing l;
    table_listing(r, &l, 30);
    struct assessment_list latest, list;
    struct assessment_filter f = {.alliance_key = a->key};
    if (assessment_latest(&r->ctx, 0, a->key, GRID_MAX, &latest) != STATUS_OK ||
        assessment_list(&r->ctx, &f, &l, &list) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    struct page p = {.title = _("Stakeholders"), .context = a->name, .nav = "alliances"};
    page_crumb(&p, _("Alliances"), "/");
    page_crumb(&p, a->name, page_href(r, "/alliances/", a->slug, ""));
    page_crumb(&p, _("Stakeholders"), NULL);
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n",
                arena_printf(&r->arena, _("Stakeholders of %s"), a->name),
                _("Every platform's latest assessment of each stakeholder you may read. Assess "
                  "a stakeholder from the stakeholders page of a platform."));
    grid_section(r, &latest, page_href(r, "/alliances/", a->slug, "/stakeholders.svg"), true);
    html_printf(b, "<h2>%s</h2>\n", _("Every assessment"));
    table_count(r, list.total, N_("%s assessment"), N_("%s assessments"));
    if (list.count == 0)
        page_empty(r, _("No assessments yet."), NULL, NULL);
    else
        assessments_table(r, &list, &l, true);
    page_end(r, 200);
}

void alliance_stakeholders_svg(struct request *r)
{
    struct alliance *a = load_alliance(r, request_capture(r, 0));
    if (!a)
        return;
    struct assessment_list latest;
    if (assessment_latest(&r->ctx, 0, a->key, GRID_MAX, &latest) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    grid_svg(r, &latest, arena_printf(&r->arena, _("Stakeholders of %s"), a->name));
    request_send(r, 200, SVG_TYPE);
}

static void text_section(struct request *r, const char *heading, const char *markdown)
{
    if (!markdown || !*markdown)
        return;
    html_printf(&r->out, "<h2>%s</h2><div class=\"prose\">", heading);
    html_markdown(&r->out, markdown);
    html_raw(&r->out, "</div>\n");
}

/* history_section lists every readable assessment of the same stakeholder
 * on the same platform, oldest first: how their position moved. */
static void history_section(struct request *r, const struct assessment *a)
{
    struct listing l;
    listing_default(&l);
    l.limit = LISTING_MAX_LIMIT;
    l.sort = "date";
    l.descending = true; /* oldest first */
    struct assessment_filter f = {.platform_key = a->platform_key,
                                  .organisation_key = a->organisation_key,
                                  .person_key = a->person_key};
    struct assessment_list list;
    if (assessment_list(&r->ctx, &f, &l, &list) != STATUS_OK)
        return;
    struct buf *b = &r->out;
    html_printf(b,
                "<h2>%s</h2>\n<div class=\"table-wrap\"><table class=\"table\"><thead><tr>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th></tr></thead><tbody>\n",
                _("How their position changed"), _("Assessed"), _("Influence"), _("Interest"),
                _("Change"));
    for (int i = 0; i < list.count; i++) {
        const struct assessment *h = &list.items[i];
        html_raw(b, "<tr><td>");
        if (str_eq(h->id, a->id))
            page_date(r, h->assessed_on);
        else {
            html_printf(b, "<a href=\"%s\">", page_href(r, "/assessments/", h->id, ""));
            page_date(r, h->assessed_on);
            html_raw(b, "</a>");
        }
        html_printf(b, "</td><td class=\"numeric\">%d</td><td class=\"numeric\">%d</td><td>",
                    h->influence, h->interest);
        if (i == 0)
            html_text(b, _("First assessment"));
        else
            html_text(b, arena_printf(&r->arena, _("influence %+d, interest %+d"),
                                      h->influence - list.items[i - 1].influence,
                                      h->interest - list.items[i - 1].interest));
        html_raw(b, "</td></tr>\n");
    }
    html_raw(b, "</tbody></table></div>\n");
}

static const char *stakeholder_href(struct request *r, const struct assessment *a)
{
    return a->organisation_id ? page_href(r, "/organisations/", a->organisation_id, "")
                              : page_href(r, "/people/", a->person_id, "");
}

static void assessment_side(struct request *r, const struct assessment *a)
{
    struct buf *b = &r->out;
    html_printf(b, "<section class=\"card\"><h2>%s</h2><dl class=\"summary\">", _("About"));
    page_fact_begin(r, _("Stakeholder"));
    html_printf(b, "<a href=\"%s\">%s</a>", stakeholder_href(r, a), a->stakeholder_name);
    page_fact_end(r);
    page_fact(r, _("Kind"),
              str_empty(a->stakeholder_kind) ? _("Unknown kind")
                                             : organisation_kind_label(a->stakeholder_kind));
    page_fact(r, _("Member of the platform"), a->member ? _("Yes") : _("No, not yet"));
    page_fact_begin(r, _("Platform"));
    html_printf(b, "<a href=\"%s\">%s</a>", page_href(r, "/platforms/", a->platform_id, ""),
                a->platform_name);
    page_fact_end(r);
    page_fact_begin(r, _("Assessed"));
    page_date(r, a->assessed_on);
    page_fact_end(r);
    if (a->author_id) {
        page_fact_begin(r, _("Assessed by"));
        html_printf(b, "<a href=\"%s\">%s</a>", page_href(r, "/people/", a->author_id, ""),
                    a->author_name);
        page_fact_end(r);
    }
    html_raw(b, "</dl></section>\n");
    if (!assessment_may_record(&r->ctx, a->platform_key))
        return;
    html_printf(b, "<section class=\"card\"><h2>%s</h2><ul>", _("Actions"));
    html_printf(b, "<li><a href=\"%s?%s=%s\">%s</a></li>",
                page_href(r, "/platforms/", a->platform_id, "/stakeholders/new"),
                a->organisation_id ? "organisation" : "person",
                a->organisation_id ? a->organisation_id : a->person_id, _("Assess them again"));
    html_printf(b, "<li><a href=\"%s\">%s</a></li></ul></section>\n",
                page_href(r, "/assessments/", a->id, "/delete"), _("Delete the assessment"));
}

void assessment_page(struct request *r)
{
    struct assessment *a;
    enum status s = assessment_find(&r->ctx, request_capture(r, 0), &a);
    if (!page_allowed(r, s))
        return;
    const char *title = arena_printf(&r->arena, _("Assessment of %s"), a->stakeholder_name);
    struct page p = {.title = title, .context = a->alliance_name, .nav = "alliances"};
    page_crumb(&p, _("Alliances"), "/");
    page_crumb(&p, a->alliance_name, page_href(r, "/alliances/", a->alliance_slug, ""));
    page_crumb(&p, a->platform_name, page_href(r, "/platforms/", a->platform_id, ""));
    page_crumb(&p, _("Stakeholders"), page_href(r, "/platforms/", a->platform_id, "/stakeholders"));
    page_crumb(&p, a->stakeholder_name, NULL);
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b, "<p class=\"caption\">%s</p><h1>%s</h1>\n<ul class=\"tags\"><li>",
                _("Stakeholder assessment"), a->stakeholder_name);
    page_tag(r, visibility_colour(a->visibility), assessment_visibility_label(a->visibility));
    html_raw(b, "</li>");
    if (*a->marginalised_group) {
        html_raw(b, "<li>");
        page_tag(r, "purple",
                 arena_printf(&r->arena, _("Marginalised group: %s"), a->marginalised_group));
        html_raw(b, "</li>");
    }
    html_printf(b,
                "</ul>\n<dl class=\"summary\"><div><dt>%s</dt><dd>%d %s</dd></div><div><dt>%s"
                "</dt><dd>%d %s</dd></div></dl>\n",
                _("Influence"), a->influence, _("out of 5"), _("Interest"), a->interest,
                _("out of 5"));
    text_section(r, _("Needs"), a->needs);
    text_section(r, _("Demands"), a->demands);
    text_section(r, _("Expectations"), a->expectations);
    html_printf(b, "<h2>%s</h2>\n", _("What they could bring"));
    if (a->capabilities)
        page_capabilities(r, a->capabilities, 0);
    else
        html_printf(b, "<p>%s</p>\n", _("No capability recorded."));
    if (*a->resources) {
        html_raw(b, "<div class=\"prose\">");
        html_markdown(b, a->resources);
        html_raw(b, "</div>\n");
    }
    text_section(r, _("Notes"), a->notes);
    history_section(r, a);
    page_side(r);
    assessment_side(r, a);
    page_end(r, 200);
}

/* stakeholder_options lists up to 200 organisations or people for a select,
 * after an empty choice. */
static struct form_option *stakeholder_options(struct request *r, bool people, int *n)
{
    struct listing l;
    listing_default(&l);
    l.limit = LISTING_MAX_LIMIT;
    l.sort = "name";
    struct form_option *o;
    *n = 1;
    if (people) {
        struct person_list list = {0};
        person_list(&r->ctx, 0, &l, &list);
        o = arena_array(&r->arena, (size_t)list.count + 1, sizeof *o);
        for (int i = 0; i < list.count; i++, (*n)++) {
            o[*n].value = list.items[i].id;
            o[*n].label = list.items[i].name;
        }
        o[0].label = _("Choose a person");
    } else {
        struct organisation_list list = {0};
        organisation_list(&r->ctx, NULL, &l, &list);
        o = arena_array(&r->arena, (size_t)list.count + 1, sizeof *o);
        for (int i = 0; i < list.count; i++, (*n)++) {
            o[*n].value = list.items[i].id;
            o[*n].label = list.items[i].name;
        }
        o[0].label = _("Choose an organisation");
    }
    o[0].value = "";
    return o;
}

static struct form_option *score_options(struct request *r, const char *low, const char *high)
{
    struct form_option *o = arena_array(&r->arena, 6, sizeof *o);
    o[0].value = "";
    o[0].label = _("Choose a score");
    for (int i = 1; i <= 5; i++) {
        o[i].value = arena_printf(&r->arena, "%d", i);
        o[i].label = i == 1   ? arena_printf(&r->arena, "1 – %s", low)
                     : i == 5 ? arena_printf(&r->arena, "5 – %s", high)
                              : o[i].value;
    }
    return o;
}

static void assessment_form(struct request *r, const struct platform *pl,
                            const struct assessment *a, const struct problems *p)
{
    struct page page = {
        .title = _("Assess a stakeholder"), .context = pl->alliance_name, .nav = "alliances"};
    platform_crumbs(r, &page, pl);
    page_crumb(&page, _("Stakeholders"), page_href(r, "/platforms/", pl->id, "/stakeholders"));
    page_crumb(&page, _("Assess"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n<p>%s</p>\n", _("Assess a stakeholder"),
                _("Choose one organisation or one person, member or not. To record a change, "
                  "assess them again: earlier assessments are kept."));
    form_begin(r, page_href(r, "/platforms/", pl->id, "/stakeholders/new"), p);
    int n_org, n_person;
    struct form_option *orgs = stakeholder_options(r, false, &n_org);
    struct form_option *people = stakeholder_options(r, true, &n_person);
    if (p && problems_for(p, "stakeholder"))
        html_printf(&r->out, "<p class=\"error-message\" id=\"stakeholder\">%s</p>",
                    problems_for(p, "stakeholder"));
    form_select(r, p, "organisation", _("Organisation"), _("Leave empty to assess a person."), orgs,
                n_org, a->organisation_id);
    form_select(r, p, "person", _("Person"), _("Leave empty to assess an organisation."), people,
                n_person, a->person_id);
    form_input(r, p, "assessed_on", _("Date of the assessment"), _("Such as 2026-03-12."),
               a->assessed_on, "date", true);
    char influence[4] = "", interest[4] = "";
    if (a->influence >= 1 && a->influence <= 5)
        influence[0] = (char)('0' + a->influence);
    if (a->interest >= 1 && a->interest <= 5)
        interest[0] = (char)('0' + a->interest);
    form_select(r, p, "influence", _("Influence"),
                _("How far they can make or break the alliance."),
                score_options(r, _("none"), _("decisive")), 6, influence);
    form_select(r, p, "interest", _("Interest"), _("How keen they are on its issue."),
                score_options(r, _("none"), _("very keen")), 6, interest);
    form_textarea(r, p, "needs", _("Needs"), NULL, a->needs, 3);
    form_textarea(r, p, "demands", _("Demands"), NULL, a->demands, 3);
    form_textarea(r, p, "expectations", _("Expectations"), NULL, a->expectations, 3);
    struct form_option caps[CAPABILITY_COUNT];
    for (int i = 0; i < CAPABILITY_COUNT; i++) {
        caps[i].value = capability_name(i);
        caps[i].label = capability_label(i);
    }
    form_checkboxes(r, p, "capabilities", _("Capabilities they could bring"),
                    _("Select all that apply."), caps, CAPABILITY_COUNT, a->capabilities);
    form_textarea(r, p, "resources", _("Resources they could bring"),
                  _("Money, staff, places, data, contacts."), a->resources, 3);
    form_input(r, p, "marginalised_group", _("Marginalised group"),
               _("The group they belong to or speak for, if any, such as women water vendors."),
               a->marginalised_group, "text", false);
    form_textarea(r, p, "notes", _("Notes"), NULL, a->notes, 4);
    static const char *const levels[] = {"platform", "alliance", "public"};
    struct form_option vis[3];
    for (int i = 0; i < 3; i++) {
        vis[i].value = levels[i];
        vis[i].label = assessment_visibility_label(levels[i]);
    }
    form_select(r, p, "visibility", _("Who may read it"),
                _("Assessments are sensitive: they stay with the platform's members unless you "
                  "choose otherwise."),
                vis, 3, a->visibility);
    form_end(r, _("Save the assessment"), page_href(r, "/platforms/", pl->id, "/stakeholders"),
             false);
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void assessment_new_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl || !page_allowed(r, rights_on_platform(&r->ctx, pl->key, RIGHT_PUBLISH_ITEMS)))
        return;
    struct assessment a = {.visibility = "platform",
                           .organisation_id = (char *)request_query(r, "organisation"),
                           .person_id = (char *)request_query(r, "person")};
    assessment_form(r, pl, &a, NULL);
}

/* score_read reads a score field: 0 when empty or not a score. */
static int score_read(struct request *r, const char *name)
{
    int64_t v = 0;
    const char *text = request_form(r, name);
    if (!text || str_parse_int64(text, 1, 5, &v) != 0)
        return 0;
    return (int)v;
}

void assessment_create_post(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    struct assessment a = {.platform_id = pl->id};
    a.organisation_id = (char *)request_form(r, "organisation");
    a.person_id = (char *)request_form(r, "person");
    a.assessed_on = (char *)request_form(r, "assessed_on");
    a.influence = score_read(r, "influence");
    a.interest = score_read(r, "interest");
    a.needs = (char *)request_form(r, "needs");
    a.demands = (char *)request_form(r, "demands");
    a.expectations = (char *)request_form(r, "expectations");
    a.resources = (char *)request_form(r, "resources");
    a.marginalised_group = (char *)request_form(r, "marginalised_group");
    a.notes = (char *)request_form(r, "notes");
    a.visibility = (char *)request_form(r, "visibility");
    for (int i = 0; i < CAPABILITY_COUNT; i++)
        if (request_form_has(r, "capabilities", capability_name(i)))
            a.capabilities |= capability_bit(i);
    struct problems p = {0};
    enum status s = assessment_create(&r->ctx, &a, &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/assessments/", a.id, ""));
    else if (p.count)
        assessment_form(r, pl, &a, &p);
    else
        page_fail(r, s);
}

void assessment_delete_page(struct request *r)
{
    struct assessment *a;
    enum status s = assessment_find(&r->ctx, request_capture(r, 0), &a);
    if (!page_allowed(r, s) ||
        !page_allowed(r, rights_on_platform(&r->ctx, a->platform_key, RIGHT_PUBLISH_ITEMS)))
        return;
    struct page page = {
        .title = _("Delete the assessment"), .context = a->alliance_name, .nav = "alliances"};
    page_crumb(&page, _("Alliances"), "/");
    page_crumb(&page, a->alliance_name, page_href(r, "/alliances/", a->alliance_slug, ""));
    page_crumb(&page, a->platform_name, page_href(r, "/platforms/", a->platform_id, ""));
    page_crumb(&page, a->stakeholder_name, page_href(r, "/assessments/", a->id, ""));
    page_crumb(&page, _("Delete"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n<p>%s</p>\n", _("Delete the assessment"),
                _("This assessment will be deleted; the stakeholder's other assessments stay. "
                  "A record of the deletion stays in the audit trail."));
    form_begin(r, page_href(r, "/assessments/", a->id, "/delete"), NULL);
    form_end(r, _("Delete the assessment"), page_href(r, "/assessments/", a->id, ""), true);
    page_end(r, 200);
}

void assessment_delete_post(struct request *r)
{
    struct assessment *a;
    enum status s = assessment_find(&r->ctx, request_capture(r, 0), &a);
    if (!page_allowed(r, s))
        return;
    s = assessment_delete(&r->ctx, a);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/platforms/", a->platform_id, "/stakeholders"));
    else
        page_fail(r, s);
}

void stakeholder_platform_section(struct request *r, const struct platform *pl)
{
    html_printf(&r->out,
                "<h2>%s</h2>\n<ul><li><a href=\"%s\">%s</a></li><li><a href=\"%s\">%s</a></li>"
                "<li><a href=\"%s\">%s</a></li></ul>\n",
                _("Stakeholders and health"), page_href(r, "/platforms/", pl->id, "/stakeholders"),
                _("Stakeholder analysis"), page_href(r, "/platforms/", pl->id, "/health"),
                _("Health of the platform"), page_href(r, "/platforms/", pl->id, "/gaps"),
                _("What the platform lacks"));
}

void assessment_stakeholder_section(struct request *r, int64_t organisation_key, int64_t person_key)
{
    struct listing l;
    listing_default(&l);
    l.limit = 20;
    struct assessment_filter f = {.organisation_key = organisation_key, .person_key = person_key};
    struct assessment_list list;
    if (assessment_list(&r->ctx, &f, &l, &list) != STATUS_OK || list.count == 0)
        return;
    struct buf *b = &r->out;
    html_printf(b,
                "<h2>%s</h2>\n<div class=\"table-wrap\"><table class=\"table\"><thead><tr>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\" "
                "class=\"numeric\">%s</th><th scope=\"col\" class=\"numeric\">%s</th></tr>"
                "</thead><tbody>\n",
                _("How platforms assess them"), _("Assessed"), _("Platform"), _("Influence"),
                _("Interest"));
    for (int i = 0; i < list.count; i++) {
        const struct assessment *a = &list.items[i];
        html_printf(b, "<tr><td><a href=\"%s\">", page_href(r, "/assessments/", a->id, ""));
        page_date(r, a->assessed_on);
        html_printf(b,
                    "</a></td><td>%s</td><td class=\"numeric\">%d</td><td class=\"numeric\">%d"
                    "</td></tr>\n",
                    a->platform_name, a->influence, a->interest);
    }
    html_raw(b, "</tbody></table></div>\n");
    if (list.total > list.count)
        html_printf(b, "<p>%s</p>\n",
                    arena_printf(&r->arena, _("The latest %d of %lld assessments."), list.count,
                                 (long long)list.total));
}
