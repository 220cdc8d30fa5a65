/*
 * web/organisation.c — the list of organisations (filtered by kind and name,
 * sortable), an organisation's page (its platforms and its people), and the
 * forms to create, edit and delete one.
 */
#include "domain/organisation.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/membership.h"
#include "domain/person.h"
#include "domain/rights.h"
#include "web/form.h"
#include "web/html.h"
#include "web/load.h"
#include "web/page.h"
#include "web/table.h"
#include "web/web.h"

static struct form_option *kind_options(struct request *r, bool with_any)
{
    struct form_option *o = arena_array(&r->arena, ORGANISATION_KIND_COUNT + 1, sizeof *o);
    int n = 0;
    o[n].value = "";
    o[n++].label = with_any ? _("All kinds") : _("Choose a kind");
    for (int i = 0; i < ORGANISATION_KIND_COUNT; i++) {
        o[n].value = organisation_kind_name(i);
        o[n++].label = organisation_kind_label(organisation_kind_name(i));
    }
    return o;
}

void organisation_index_page(struct request *r)
{
    struct listing l;
    table_listing(r, &l, 50);
    const char *kind = request_query(r, "kind");
    struct organisation_list list;
    enum status s = organisation_list(&r->ctx, kind, &l, &list);
    if (s != STATUS_OK) {
        page_fail(r, s);
        return;
    }
    struct page p = {.title = _("Organisations"), .nav = "organisations"};
    page_crumb(&p, _("Organisations"), NULL);
    page_begin(r, &p);
    struct buf *b = &r->out;
    bool directory = rights_may(rights_directory(&r->ctx));
    html_printf(b, "<h1>%s</h1>\n", _("Organisations"));
    if (directory)
        html_printf(b, "<p><a class=\"button\" href=\"/organisations/new\">%s</a></p>\n",
                    _("Add an organisation"));
    html_printf(b,
                "<form class=\"filters\" method=\"get\" action=\"/organisations\">"
                "<div class=\"field\"><label class=\"label\" for=\"f-q\">%s</label>"
                "<input class=\"input\" id=\"f-q\" name=\"q\" type=\"search\" value=\"%s\">"
                "</div><div class=\"field\"><label class=\"label\" for=\"f-kind\">%s</label>"
                "<select class=\"select\" id=\"f-kind\" name=\"kind\">",
                _("Name"), l.query ? l.query : "", _("Kind"));
    struct form_option *kinds = kind_options(r, true);
    for (int i = 0; i <= ORGANISATION_KIND_COUNT; i++)
        html_printf(b, "<option value=\"%s\"%s>%s</option>", kinds[i].value,
                    str_eq(kind ? kind : "", kinds[i].value) ? " selected" : "", kinds[i].label);
    html_printf(b,
                "</select></div><div class=\"field\"><button class=\"button "
                "button--secondary\" type=\"submit\">%s</button></div></form>\n",
                _("Filter"));
    table_count(r, list.total, N_("%s organisation"), N_("%s organisations"));
    if (list.count)
        sheet_link(r, "/organisations.csv");
    if (list.count == 0) {
        page_empty(r, _("No organisation matches. Change the filters, or add one."),
                   directory ? "/organisations/new" : NULL, _("Add an organisation"));
        page_end(r, 200);
        return;
    }
    html_raw(b, "<div class=\"table-wrap\"><table class=\"table\"><thead><tr>");
    table_sort_header(r, &l, "name", _("Name"), false);
    table_sort_header(r, &l, "kind", _("Kind"), false);
    table_sort_header(r, &l, "members", _("Platforms"), true);
    table_sort_header(r, &l, "people", _("People"), true);
    html_raw(b, "</tr></thead><tbody>\n");
    for (int i = 0; i < list.count; i++) {
        struct organisation *o = &list.items[i];
        html_printf(b, "<tr><td><a href=\"%s\">%s</a></td><td>%s</td><td class=\"num\">",
                    page_href(r, "/organisations/", o->id, ""), o->name,
                    organisation_kind_label(o->kind));
        html_int(b, o->membership_count);
        html_raw(b, "</td><td class=\"num\">");
        html_int(b, o->people_count);
        html_raw(b, "</td></tr>\n");
    }
    html_raw(b, "</tbody></table></div>\n");
    table_pagination(r, &l, list.total);
    page_end(r, 200);
}

void organisation_page(struct request *r)
{
    struct organisation *o = load_organisation(r, request_capture(r, 0));
    if (!o)
        return;
    struct page p = {.title = o->name, .nav = "organisations"};
    page_crumb(&p, _("Organisations"), "/organisations");
    page_crumb(&p, o->name, NULL);
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b, "<p class=\"caption\">%s</p><h1>%s</h1>\n", organisation_kind_label(o->kind),
                o->name);
    if (*o->description) {
        html_raw(b, "<div class=\"prose\">");
        html_markdown(b, o->description);
        html_raw(b, "</div>\n");
    }
    struct listing l;
    listing_default(&l);
    l.limit = LISTING_MAX_LIMIT;
    l.sort = "platform";
    struct membership_filter f = {.organisation_key = o->key};
    struct membership_list ms = {0};
    if (membership_list(&r->ctx, &f, &l, &ms) == STATUS_OK && ms.count) {
        html_printf(b,
                    "<h2>%s</h2><table class=\"table\"><thead><tr><th scope=\"col\">%s</th>"
                    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s"
                    "</th></tr></thead><tbody>\n",
                    _("Platforms"), _("Platform"), _("Level"), _("Role"), _("Capabilities"));
        for (int i = 0; i < ms.count; i++) {
            struct membership *m = &ms.items[i];
            html_printf(b, "<tr><td><a href=\"%s\">%s</a></td><td>%s</td><td>",
                        page_href(r, "/platforms/", m->platform_id, ""), m->platform_name,
                        m->level_label);
            html_text(b, role_label(m->role));
            html_raw(b, "</td><td>");
            page_capability_text(r, m->capabilities);
            html_raw(b, "</td></tr>\n");
        }
        html_raw(b, "</tbody></table>\n");
    }
    l.sort = "name";
    struct person_list people = {0};
    if (person_list(&r->ctx, o->key, &l, &people) == STATUS_OK && people.count) {
        html_printf(b, "<h2>%s</h2><ul>", _("People"));
        for (int i = 0; i < people.count; i++)
            html_printf(b, "<li><a href=\"%s\">%s</a></li>",
                        page_href(r, "/people/", people.items[i].id, ""), people.items[i].name);
        html_raw(b, "</ul>\n");
        if (people.total > people.count)
            html_printf(b, "<p><a href=\"/people?organisation=%s\">%s</a></p>", o->id,
                        _("See everyone"));
    }
    if (ms.count == 0 && people.count == 0)
        page_empty(r, _("This organisation is on no platform yet, and nobody is linked to it."),
                   NULL, NULL);
    assessment_stakeholder_section(r, o->key, 0);
    page_side(r);
    html_printf(b, "<section class=\"card\"><h2>%s</h2><dl class=\"summary\">", _("About"));
    page_fact(r, _("Kind"), organisation_kind_label(o->kind));
    if (*o->website) {
        page_fact_begin(r, _("Website"));
        html_printf(b, "<a href=\"%s\" rel=\"nofollow noopener\">%s</a>", o->website, o->website);
        page_fact_end(r);
    }
    page_fact_begin(r, _("Created"));
    page_date(r, o->created_at);
    page_fact_end(r);
    html_raw(b, "</dl></section>\n");
    bool edit = rights_may(rights_directory(&r->ctx)), remove = rights_may(rights_admin(&r->ctx));
    if (edit || remove) {
        html_printf(b, "<section class=\"card\"><h2>%s</h2><ul>", _("Actions"));
        if (edit)
            html_printf(b, "<li><a href=\"%s\">%s</a></li>",
                        page_href(r, "/organisations/", o->id, "/edit"),
                        _("Edit the organisation"));
        if (remove)
            html_printf(b, "<li><a href=\"%s\">%s</a></li>",
                        page_href(r, "/organisations/", o->id, "/delete"),
                        _("Delete the organisation"));
        html_raw(b, "</ul></section>\n");
    }
    page_end(r, 200);
}

static void organisation_form_page(struct request *r, const char *title, const char *stored_name,
                                   const struct organisation *o, const struct problems *p,
                                   const char *action, const char *button, const char *cancel)
{
    struct page page = {.title = title, .nav = "organisations"};
    page_crumb(&page, _("Organisations"), "/organisations");
    if (o->id)
        page_crumb(&page, stored_name, page_href(r, "/organisations/", o->id, ""));
    page_crumb(&page, title, NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n", title);
    form_begin(r, action, p);
    form_input(r, p, "name", _("Name"), NULL, o->name, "text", false);
    form_select(r, p, "kind", _("Kind"), NULL, kind_options(r, false), ORGANISATION_KIND_COUNT + 1,
                o->kind);
    form_textarea(r, p, "description", _("Description"),
                  _("What the organisation does in the sector. You can use Markdown."),
                  o->description, 5);
    form_input(r, p, "website", _("Website"), _("Such as https://www.example.org"), o->website,
               "url", false);
    form_end(r, button, cancel, false);
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

static void organisation_read_form(struct request *r, struct organisation *o)
{
    o->name = (char *)request_form(r, "name");
    o->kind = (char *)request_form(r, "kind");
    o->description = (char *)request_form(r, "description");
    o->website = (char *)request_form(r, "website");
}

void organisation_new_page(struct request *r)
{
    if (!page_allowed(r, rights_directory(&r->ctx)))
        return;
    struct organisation o = {.name = "", .kind = "", .description = "", .website = ""};
    organisation_form_page(r, _("Add an organisation"), NULL, &o, NULL, "/organisations/new",
                           _("Add the organisation"), "/organisations");
}

void organisation_create_post(struct request *r)
{
    struct organisation o = {0};
    struct problems p = {0};
    organisation_read_form(r, &o);
    enum status s = organisation_create(&r->ctx, &o, &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/organisations/", o.id, ""));
    else if (p.count)
        organisation_form_page(r, _("Add an organisation"), NULL, &o, &p, "/organisations/new",
                               _("Add the organisation"), "/organisations");
    else
        page_fail(r, s);
}

void organisation_edit_page(struct request *r)
{
    struct organisation *o = load_organisation(r, request_capture(r, 0));
    if (o && page_allowed(r, rights_directory(&r->ctx)))
        organisation_form_page(r, _("Edit the organisation"), o->name, o, NULL,
                               page_href(r, "/organisations/", o->id, "/edit"), _("Save changes"),
                               page_href(r, "/organisations/", o->id, ""));
}

void organisation_edit_post(struct request *r)
{
    struct organisation *o = load_organisation(r, request_capture(r, 0));
    if (!o)
        return;
    struct problems p = {0};
    const char *stored_name = o->name; /* for the breadcrumb while the form is wrong */
    organisation_read_form(r, o);
    enum status s = organisation_update(&r->ctx, o, &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/organisations/", o->id, ""));
    else if (p.count)
        organisation_form_page(r, _("Edit the organisation"), stored_name, o, &p,
                               page_href(r, "/organisations/", o->id, "/edit"), _("Save changes"),
                               page_href(r, "/organisations/", o->id, ""));
    else
        page_fail(r, s);
}

void organisation_delete_page(struct request *r)
{
    struct organisation *o = load_organisation(r, request_capture(r, 0));
    if (!o || !page_allowed(r, rights_admin(&r->ctx)))
        return;
    const char *title = _("Delete the organisation");
    struct page page = {.title = title, .nav = "organisations"};
    page_crumb(&page, _("Organisations"), "/organisations");
    page_crumb(&page, o->name, page_href(r, "/organisations/", o->id, ""));
    page_crumb(&page, title, NULL);
    page_begin(r, &page);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n<p>", title);
    html_printf(b, _("%s will be deleted."), o->name);
    html_raw(b, " ");
    html_printf(b,
                ngettext("It will leave the %lld platform it belongs to.",
                         "It will leave the %lld platforms it belongs to.",
                         (unsigned long)o->membership_count),
                (long long)o->membership_count);
    html_raw(b, " ");
    html_printf(b,
                ngettext("%lld person linked to it will stay, without an organisation.",
                         "%lld people linked to it will stay, without an organisation.",
                         (unsigned long)o->people_count),
                (long long)o->people_count);
    html_raw(b, "</p>\n");
    form_begin(r, page_href(r, "/organisations/", o->id, "/delete"), NULL);
    form_end(r, title, page_href(r, "/organisations/", o->id, ""), true);
    page_end(r, 200);
}

void organisation_delete_post(struct request *r)
{
    struct organisation *o = load_organisation(r, request_capture(r, 0));
    if (!o)
        return;
    enum status s = organisation_delete(&r->ctx, o);
    if (s == STATUS_OK)
        request_redirect(r, "/organisations");
    else
        page_fail(r, s);
}
