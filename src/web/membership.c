/*
 * web/membership.c — adding a member to a platform (find the person or
 * organisation by name, then choose the role and capabilities), changing a
 * membership, and removing it.
 */
#include "domain/membership.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "core/secret.h"
#include "core/str.h"
#include "domain/capability.h"
#include "domain/organisation.h"
#include "domain/person.h"
#include "domain/platform.h"
#include "domain/rights.h"
#include "web/form.h"
#include "web/html.h"
#include "web/load.h"
#include "web/page.h"
#include "web/web.h"

static struct form_option *role_options(struct request *r)
{
    struct form_option *o = arena_array(&r->arena, ROLE_COUNT, sizeof *o);
    for (int i = 0; i < ROLE_COUNT; i++) {
        o[i].value = role_name(i);
        o[i].label = role_label(role_name(i));
    }
    return o;
}

static struct form_option *capability_options(struct request *r)
{
    struct form_option *o = arena_array(&r->arena, CAPABILITY_COUNT, sizeof *o);
    for (int i = 0; i < CAPABILITY_COUNT; i++) {
        o[i].value = capability_name(i);
        o[i].label = capability_label(i);
    }
    return o;
}

/* role_fields writes the role and capability fields shared by add and change. */
static void role_fields(struct request *r, const struct problems *p, const char *role,
                        unsigned caps)
{
    form_select(r, p, "role", _("Role"),
                _("The convenor calls the platform together; the facilitator runs its meetings; "
                  "the documenter records what it learns."),
                role_options(r), ROLE_COUNT, role);
    form_checkboxes(r, p, "capabilities", _("Capabilities they bring"), _("Select all that apply."),
                    capability_options(r), CAPABILITY_COUNT, caps);
}

static unsigned capabilities_from_form(struct request *r)
{
    unsigned caps = 0;
    for (int i = 0; i < CAPABILITY_COUNT; i++)
        if (request_form_has(r, "capabilities", capability_name(i)))
            caps |= capability_bit(i);
    return caps;
}

static void page_for_platform(struct request *r, const struct platform *pl, const char *title)
{
    struct page page = {.title = title, .context = pl->alliance_name, .nav = "alliances"};
    page_crumb(&page, _("Alliances"), "/");
    page_crumb(&page, pl->alliance_name, page_href(r, "/alliances/", pl->alliance_slug, ""));
    page_crumb(&page, pl->name, page_href(r, "/platforms/", pl->id, ""));
    page_crumb(&page, title, NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n", title);
}

/* search_results lists people and organisations matching q, each with a link
 * that chooses it. */
static void search_results(struct request *r, const struct platform *pl, const char *q)
{
    struct buf *b = &r->out;
    struct listing l;
    listing_default(&l);
    l.limit = 20;
    l.query = q;
    struct person_list people;
    struct organisation_list orgs;
    if (person_list(&r->ctx, 0, &l, &people) != STATUS_OK ||
        organisation_list(&r->ctx, NULL, &l, &orgs) != STATUS_OK) {
        return;
    }
    if (people.count == 0 && orgs.count == 0) {
        page_empty(r, _("Nobody matches this name. Add the person or organisation first."),
                   "/people/new", _("Add a person"));
        return;
    }
    char *base = page_href(r, "/platforms/", pl->id, "/members/new");
    if (people.count) {
        html_printf(b, "<h2>%s</h2><ul>", _("People"));
        for (int i = 0; i < people.count; i++) {
            struct person *pe = &people.items[i];
            html_printf(b, "<li><a href=\"%s?person=%s\">%s</a>", base, pe->id, pe->name);
            if (pe->organisation_name)
                html_printf(b, " <span class=\"muted\">%s</span>", pe->organisation_name);
            html_raw(b, "</li>");
        }
        html_raw(b, "</ul>\n");
    }
    if (orgs.count) {
        html_printf(b, "<h2>%s</h2><ul>", _("Organisations"));
        for (int i = 0; i < orgs.count; i++)
            html_printf(b,
                        "<li><a href=\"%s?organisation=%s\">%s</a> <span class=\"muted\">%s"
                        "</span></li>",
                        base, orgs.items[i].id, orgs.items[i].name,
                        organisation_kind_label(orgs.items[i].kind));
        html_raw(b, "</ul>\n");
    }
}

static void membership_new_form(struct request *r, const struct platform *pl,
                                const struct membership *m, const struct problems *p)
{
    page_for_platform(r, pl, _("Add a member"));
    struct buf *b = &r->out;
    const char *who = NULL;
    struct person *pe = NULL;
    struct organisation *o = NULL;
    if (m->person_id && person_find(&r->ctx, m->person_id, &pe) == STATUS_OK)
        who = pe->name;
    else if (m->organisation_id && organisation_find(&r->ctx, m->organisation_id, &o) == STATUS_OK)
        who = o->name;
    if (!who) {
        const char *q = request_query(r, "q");
        html_printf(b,
                    "<form class=\"filters\" method=\"get\" action=\"%s\">"
                    "<div class=\"field\"><label class=\"label\" for=\"f-q\">%s</label>"
                    "<input class=\"input\" id=\"f-q\" name=\"q\" type=\"search\" "
                    "value=\"%s\"></div><div class=\"field\"><button class=\"button "
                    "button--secondary\" type=\"submit\">%s</button></div></form>\n",
                    page_href(r, "/platforms/", pl->id, "/members/new"),
                    _("Find a person or an organisation by name"), q ? q : "", _("Search"));
        form_error_summary(r, p);
        if (!str_empty(q))
            search_results(r, pl, q);
        page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
        return;
    }
    html_printf(b, "<p class=\"lead\">%s</p>\n", who);
    form_begin(r, page_href(r, "/platforms/", pl->id, "/members/new"), p);
    if (pe)
        form_hidden(r, "person", pe->id);
    else
        form_hidden(r, "organisation", o->id);
    role_fields(r, p, m->role, m->capabilities);
    form_end(r, _("Add the member"), page_href(r, "/platforms/", pl->id, ""), false);
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void membership_new_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl || !page_allowed(r, rights_on_platform(&r->ctx, pl->key, RIGHT_MANAGE_MEMBERS)))
        return;
    struct membership m = {.role = "member"};
    m.person_id = (char *)request_query(r, "person");
    m.organisation_id = (char *)request_query(r, "organisation");
    membership_new_form(r, pl, &m, NULL);
}

void membership_create_post(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    struct membership m = {0};
    struct problems p = {0};
    m.platform_id = pl->id;
    m.person_id = (char *)request_form(r, "person");
    m.organisation_id = (char *)request_form(r, "organisation");
    m.role = (char *)request_form(r, "role");
    m.capabilities = capabilities_from_form(r);
    enum status s = membership_create(&r->ctx, &m, &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/platforms/", pl->id, "#members"));
    else if (p.count)
        membership_new_form(r, pl, &m, &p);
    else
        page_fail(r, s);
}

static struct membership *membership_load(struct request *r, struct platform **pl)
{
    struct membership *m = load_membership(r, request_capture(r, 0));
    *pl = m ? load_platform(r, m->platform_id) : NULL;
    return *pl ? m : NULL;
}

static const char *member_name(const struct membership *m)
{
    return m->person_name ? m->person_name : m->organisation_name;
}

static void membership_edit_form(struct request *r, const struct platform *pl,
                                 const struct membership *m, const struct problems *p)
{
    page_for_platform(r, pl, _("Change a membership"));
    html_printf(&r->out, "<p class=\"lead\">%s</p>\n", member_name(m));
    form_begin(r, page_href(r, "/memberships/", m->id, "/edit"), p);
    role_fields(r, p, m->role, m->capabilities);
    form_end(r, _("Save changes"), page_href(r, "/platforms/", pl->id, ""), false);
    html_printf(&r->out, "<p><a href=\"%s\">%s</a></p>\n",
                page_href(r, "/memberships/", m->id, "/delete"), _("Remove from the platform"));
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void membership_edit_page(struct request *r)
{
    struct platform *pl;
    struct membership *m = membership_load(r, &pl);
    if (m && page_allowed(r, rights_on_platform(&r->ctx, pl->key, RIGHT_MANAGE_MEMBERS)))
        membership_edit_form(r, pl, m, NULL);
}

void membership_edit_post(struct request *r)
{
    struct platform *pl;
    struct membership *m = membership_load(r, &pl);
    if (!m)
        return;
    struct problems p = {0};
    m->role = (char *)request_form(r, "role");
    m->capabilities = capabilities_from_form(r);
    enum status s = membership_update(&r->ctx, m, &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/platforms/", pl->id, "#members"));
    else if (p.count)
        membership_edit_form(r, pl, m, &p);
    else
        page_fail(r, s);
}

void membership_delete_page(struct request *r)
{
    struct platform *pl;
    struct membership *m = membership_load(r, &pl);
    if (!m || !page_allowed(r, rights_on_platform(&r->ctx, pl->key, RIGHT_MANAGE_MEMBERS)))
        return;
    page_for_platform(r, pl, _("Remove a member"));
    html_raw(&r->out, "<p>");
    html_printf(&r->out, _("%s will no longer be a member of %s."), member_name(m), pl->name);
    html_raw(&r->out, "</p>\n");
    form_begin(r, page_href(r, "/memberships/", m->id, "/delete"), NULL);
    form_end(r, _("Remove the member"), page_href(r, "/platforms/", pl->id, ""), true);
    page_end(r, 200);
}

void membership_delete_post(struct request *r)
{
    struct platform *pl;
    struct membership *m = membership_load(r, &pl);
    if (!m)
        return;
    enum status s = membership_delete(&r->ctx, m);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/platforms/", pl->id, "#members"));
    else
        page_fail(r, s);
}

/* Inviting someone by email: the membership is made at once; the link lets
 * them set a password and lands them on the platform. */
static void invite_form(struct request *r, const struct platform *pl, const struct problems *p,
                        int status)
{
    page_for_platform(r, pl, _("Invite someone"));
    html_printf(&r->out, "<p>%s</p>\n",
                _("The person joins the platform now. If they have no password yet, you get a "
                  "link to give them: it lets them choose one and sign in."));
    form_begin(r, page_href(r, "/platforms/", pl->id, "/invite"), p);
    form_input(r, p, "email", _("Email address"), NULL, request_form(r, "email"), "email", false);
    form_input(r, p, "name", _("Full name"),
               _("Needed when the person is not in the directory yet."), request_form(r, "name"),
               "text", false);
    const char *role = request_form(r, "role");
    role_fields(r, p, role ? role : "member", capabilities_from_form(r));
    form_end(r, _("Invite"), page_href(r, "/platforms/", pl->id, ""), false);
    page_end(r, status);
}

void membership_invite_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    enum status s = rights_on_platform(&r->ctx, pl->key, RIGHT_MANAGE_MEMBERS);
    if (s != STATUS_OK)
        page_fail(r, s);
    else
        invite_form(r, pl, NULL, 200);
}

void membership_invite_post(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    struct membership m = {.role = (char *)request_form(r, "role"),
                           .capabilities = capabilities_from_form(r)};
    struct problems p = {0};
    char secret[SECRET_LEN + 1];
    const char *email = request_form(r, "email");
    enum status s =
        membership_invite(&r->ctx, pl->id, email, request_form(r, "name"), &m, secret, &p);
    if (s != STATUS_OK) {
        if (p.count)
            invite_form(r, pl, &p, status_http(problems_status(&p)));
        else
            page_fail(r, s);
        return;
    }
    page_for_platform(r, pl, _("Invitation made"));
    struct buf *b = &r->out;
    if (*secret) {
        char base[512];
        config_base_url(r->config, base, sizeof base);
        html_printf(b,
                    "<div class=\"banner banner--success\"><p class=\"banner__title\">%s</p>"
                    "<p><code>%s/links/%s</code></p></div>\n",
                    email, base, secret);
        html_printf(b, "<p>%s</p>\n",
                    _("Give this link to the person: it lets them choose a password and sign in, "
                      "once, within 14 days. It is shown only now."));
    } else {
        html_printf(b,
                    "<div class=\"banner banner--success\"><p class=\"banner__title\">%s</p>"
                    "<p>%s</p></div>\n",
                    email, _("They can already sign in, and now see this platform."));
    }
    html_printf(b, "<p><a href=\"%s\">%s</a></p>\n",
                page_href(r, "/platforms/", pl->id, "#members"), _("Back to the platform"));
    page_end(r, 201);
}
