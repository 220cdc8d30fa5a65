/*
 * web/person.c — the list of people (searchable, sortable, by organisation),
 * a person's page (platforms and roles), and the forms to create, edit and
 * delete one.
 */
#include "domain/person.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/membership.h"
#include "domain/organisation.h"
#include "domain/rights.h"
#include "web/form.h"
#include "web/html.h"
#include "web/load.h"
#include "web/page.h"
#include "web/table.h"
#include "web/web.h"

void person_index_page(struct request *r)
{
    struct listing l;
    table_listing(r, &l, 50);
    struct organisation *o = NULL;
    const char *org_id = request_query(r, "organisation");
    if (!str_empty(org_id) && organisation_find(&r->ctx, org_id, &o) != STATUS_OK) {
        page_error(r, 404, _("No organisation has this id"));
        return;
    }
    struct person_list list;
    enum status s = person_list(&r->ctx, o ? o->key : 0, &l, &list);
    if (s != STATUS_OK) {
        page_fail(r, s);
        return;
    }
    const char *title = o ? arena_printf(&r->arena, _("People of %s"), o->name) : _("People");
    struct page p = {.title = title, .nav = "people"};
    page_crumb(&p, _("People"), o ? "/people" : NULL);
    if (o)
        page_crumb(&p, o->name, NULL);
    page_begin(r, &p);
    struct buf *b = &r->out;
    bool directory = rights_may(rights_directory(&r->ctx));
    html_printf(b, "<h1>%s</h1>\n", title);
    if (directory)
        html_printf(b, "<p><a class=\"button\" href=\"/people/new\">%s</a></p>\n",
                    _("Add a person"));
    html_printf(b,
                "<form class=\"filters\" method=\"get\" action=\"/people\">"
                "<div class=\"field\"><label class=\"label\" for=\"f-q\">%s</label>"
                "<input class=\"input\" id=\"f-q\" name=\"q\" type=\"search\" value=\"%s\">"
                "</div>",
                _("Name"), l.query ? l.query : "");
    if (o)
        form_hidden(r, "organisation", o->id);
    html_printf(b,
                "<div class=\"field\"><button class=\"button button--secondary\" "
                "type=\"submit\">%s</button></div></form>\n",
                _("Search"));
    table_count(r, list.total, N_("%s person"), N_("%s people"));
    if (list.count)
        sheet_link(r, "/people.csv");
    if (list.count == 0) {
        page_empty(r, _("Nobody matches. Change the search, or add a person."),
                   directory ? "/people/new" : NULL, _("Add a person"));
        page_end(r, 200);
        return;
    }
    html_raw(b, "<div class=\"table-wrap\"><table class=\"table\"><thead><tr>");
    table_sort_header(r, &l, "name", _("Name"), false);
    table_sort_header(r, &l, "organisation", _("Organisation"), false);
    table_sort_header(r, &l, "memberships", _("Platforms"), true);
    html_raw(b, "</tr></thead><tbody>\n");
    for (int i = 0; i < list.count; i++) {
        struct person *pe = &list.items[i];
        html_printf(b, "<tr><td><a href=\"%s\">%s</a></td><td>",
                    page_href(r, "/people/", pe->id, ""), pe->name);
        if (pe->organisation_id)
            html_printf(b, "<a href=\"%s\">%s</a>",
                        page_href(r, "/organisations/", pe->organisation_id, ""),
                        pe->organisation_name);
        html_raw(b, "</td><td class=\"num\">");
        html_int(b, pe->membership_count);
        html_raw(b, "</td></tr>\n");
    }
    html_raw(b, "</tbody></table></div>\n");
    table_pagination(r, &l, list.total);
    page_end(r, 200);
}

void person_page(struct request *r)
{
    struct person *pe = load_person(r, request_capture(r, 0));
    if (!pe)
        return;
    struct page p = {.title = pe->name, .nav = "people"};
    page_crumb(&p, _("People"), "/people");
    page_crumb(&p, pe->name, NULL);
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b, "<p class=\"caption\">%s</p><h1>%s</h1>\n", _("Person"), pe->name);
    struct listing l;
    listing_default(&l);
    l.limit = LISTING_MAX_LIMIT;
    l.sort = "platform";
    struct membership_filter f = {.person_key = pe->key};
    struct membership_list ms = {0};
    html_printf(b, "<h2>%s</h2>\n", _("Platforms and roles"));
    if (membership_list(&r->ctx, &f, &l, &ms) == STATUS_OK && ms.count) {
        html_printf(b,
                    "<table class=\"table\"><thead><tr><th scope=\"col\">%s</th>"
                    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s"
                    "</th></tr></thead><tbody>\n",
                    _("Platform"), _("Level"), _("Role"), _("Capabilities"));
        for (int i = 0; i < ms.count; i++) {
            struct membership *m = &ms.items[i];
            html_printf(b,
                        "<tr><td><a href=\"%s\">%s</a> <span class=\"muted\">%s</span></td>"
                        "<td>%s</td><td>",
                        page_href(r, "/platforms/", m->platform_id, ""), m->platform_name,
                        m->alliance_name, m->level_label);
            html_text(b, role_label(m->role));
            html_raw(b, "</td><td>");
            page_capability_text(r, m->capabilities);
            html_raw(b, "</td></tr>\n");
        }
        html_raw(b, "</tbody></table>\n");
    } else {
        page_empty(r, _("Not on any platform yet. Add them from a platform’s page."), NULL, NULL);
    }
    assessment_stakeholder_section(r, 0, pe->key);
    page_side(r);
    html_printf(b, "<section class=\"card\"><h2>%s</h2><dl class=\"summary\">", _("About"));
    page_fact_begin(r, _("Organisation"));
    if (pe->organisation_id)
        html_printf(b, "<a href=\"%s\">%s</a>",
                    page_href(r, "/organisations/", pe->organisation_id, ""),
                    pe->organisation_name);
    else
        html_text(b, _("None"));
    page_fact_end(r);
    if (pe->email)
        page_fact(r, _("Email"), pe->email);
    if (*pe->gender)
        page_fact(r, _("Gender"), person_gender_label(pe->gender));
    if (*pe->marginalised_group)
        page_fact(r, _("Marginalised group"), pe->marginalised_group);
    page_fact_begin(r, _("Added"));
    page_date(r, pe->created_at);
    page_fact_end(r);
    html_raw(b, "</dl></section>\n");
    bool edit = rights_may(rights_person(&r->ctx, pe->key));
    bool remove = rights_may(rights_admin(&r->ctx));
    if (edit || remove) {
        html_printf(b, "<section class=\"card\"><h2>%s</h2><ul>", _("Actions"));
        if (edit)
            html_printf(b, "<li><a href=\"%s\">%s</a></li>",
                        page_href(r, "/people/", pe->id, "/edit"), _("Edit the person"));
        if (remove)
            html_printf(b, "<li><a href=\"%s\">%s</a></li>",
                        page_href(r, "/people/", pe->id, "/delete"), _("Delete the person"));
        html_raw(b, "</ul></section>\n");
    }
    page_end(r, 200);
}

/* organisation_options lists every organisation for the select, by name. */
static int organisation_options(struct request *r, struct form_option **out)
{
    struct listing l;
    listing_default(&l);
    l.limit = LISTING_MAX_LIMIT;
    int n = 0, cap = 1;
    struct form_option *o = NULL;
    for (;;) {
        struct organisation_list list;
        if (organisation_list(&r->ctx, NULL, &l, &list) != STATUS_OK)
            break;
        if (!o) {
            cap = (int)list.total + 1;
            o = arena_array(&r->arena, (size_t)cap, sizeof *o);
            o[n].value = "";
            o[n++].label = _("None");
        }
        for (int i = 0; i < list.count && n < cap; i++) {
            o[n].value = list.items[i].id;
            o[n++].label = list.items[i].name;
        }
        if (list.count < l.limit || n >= cap || n > 2000)
            break;
        l.offset += l.limit;
    }
    *out = o;
    return o ? n : 0;
}

static struct form_option *gender_options(struct request *r)
{
    struct form_option *o = arena_array(&r->arena, PERSON_GENDER_COUNT + 1, sizeof *o);
    o[0].value = "";
    o[0].label = _("Not recorded");
    for (int i = 0; i < PERSON_GENDER_COUNT; i++) {
        o[i + 1].value = person_gender_name(i);
        o[i + 1].label = person_gender_label(person_gender_name(i));
    }
    return o;
}

static void person_form_page(struct request *r, const char *title, const char *stored_name,
                             const struct person *pe, const struct problems *p, const char *action,
                             const char *button, const char *cancel)
{
    struct page page = {.title = title, .nav = "people"};
    page_crumb(&page, _("People"), "/people");
    if (pe->id)
        page_crumb(&page, stored_name, page_href(r, "/people/", pe->id, ""));
    page_crumb(&page, title, NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n", title);
    form_begin(r, action, p);
    form_input(r, p, "name", _("Full name"), NULL, pe->name, "text", false);
    form_input(r, p, "email", _("Email address"),
               _("Optional. Shown only to members of the person’s alliances."), pe->email, "email",
               false);
    struct form_option *orgs;
    int n = organisation_options(r, &orgs);
    form_select(r, p, "organisation", _("Organisation"), NULL, orgs, n, pe->organisation_id);
    form_select(r, p, "gender", _("Gender"),
                _("Optional. Used only for figures on who takes part."), gender_options(r),
                PERSON_GENDER_COUNT + 1, pe->gender);
    form_input(r, p, "marginalised_group", _("Marginalised group"),
               _("Optional, such as persons with disabilities. Used only for figures on who "
                 "takes part."),
               pe->marginalised_group, "text", false);
    form_end(r, button, cancel, false);
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

static void person_read_form(struct request *r, struct person *pe)
{
    pe->name = (char *)request_form(r, "name");
    pe->email = (char *)request_form(r, "email");
    pe->organisation_id = (char *)request_form(r, "organisation");
    pe->gender = (char *)request_form(r, "gender");
    pe->marginalised_group = (char *)request_form(r, "marginalised_group");
}

void person_new_page(struct request *r)
{
    if (!page_allowed(r, rights_directory(&r->ctx)))
        return;
    struct person pe = {.name = "", .gender = "", .marginalised_group = ""};
    person_form_page(r, _("Add a person"), NULL, &pe, NULL, "/people/new", _("Add the person"),
                     "/people");
}

void person_create_post(struct request *r)
{
    struct person pe = {0};
    struct problems p = {0};
    person_read_form(r, &pe);
    enum status s = person_create(&r->ctx, &pe, &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/people/", pe.id, ""));
    else if (p.count)
        person_form_page(r, _("Add a person"), NULL, &pe, &p, "/people/new", _("Add the person"),
                         "/people");
    else
        page_fail(r, s);
}

void person_edit_page(struct request *r)
{
    struct person *pe = load_person(r, request_capture(r, 0));
    if (pe && page_allowed(r, rights_person(&r->ctx, pe->key)))
        person_form_page(r, _("Edit the person"), pe->name, pe, NULL,
                         page_href(r, "/people/", pe->id, "/edit"), _("Save changes"),
                         page_href(r, "/people/", pe->id, ""));
}

void person_edit_post(struct request *r)
{
    struct person *pe = load_person(r, request_capture(r, 0));
    if (!pe)
        return;
    struct problems p = {0};
    const char *stored_name = pe->name; /* for the breadcrumb while the form is wrong */
    person_read_form(r, pe);
    enum status s = person_update(&r->ctx, pe, &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/people/", pe->id, ""));
    else if (p.count)
        person_form_page(r, _("Edit the person"), stored_name, pe, &p,
                         page_href(r, "/people/", pe->id, "/edit"), _("Save changes"),
                         page_href(r, "/people/", pe->id, ""));
    else
        page_fail(r, s);
}

void person_delete_page(struct request *r)
{
    struct person *pe = load_person(r, request_capture(r, 0));
    if (!pe || !page_allowed(r, rights_admin(&r->ctx)))
        return;
    const char *title = _("Delete the person");
    struct page page = {.title = title, .nav = "people"};
    page_crumb(&page, _("People"), "/people");
    page_crumb(&page, pe->name, page_href(r, "/people/", pe->id, ""));
    page_crumb(&page, title, NULL);
    page_begin(r, &page);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n<p>", title);
    html_printf(b,
                ngettext("%s will be deleted, and will leave the %lld platform they belong to.",
                         "%s will be deleted, and will leave the %lld platforms they belong to.",
                         (unsigned long)pe->membership_count),
                pe->name, (long long)pe->membership_count);
    html_raw(b, "</p>\n");
    form_begin(r, page_href(r, "/people/", pe->id, "/delete"), NULL);
    form_end(r, title, page_href(r, "/people/", pe->id, ""), true);
    page_end(r, 200);
}

void person_delete_post(struct request *r)
{
    struct person *pe = load_person(r, request_capture(r, 0));
    if (!pe)
        return;
    enum status s = person_delete(&r->ctx, pe);
    if (s == STATUS_OK)
        request_redirect(r, "/people");
    else
        page_fail(r, s);
}
