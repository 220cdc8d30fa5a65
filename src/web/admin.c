/*
 * web/admin.c — administration of accounts: the list, a new account, and a
 * single-use link to set a password. Without mail configured, the link is
 * shown to the administrator, who hands it over.
 */
#include "domain/account.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/rights.h"
#include "web/form.h"
#include "web/html.h"
#include "web/page.h"
#include "web/table.h"
#include "web/web.h"

/* admin_only answers the error page unless the viewer is an administrator. */
static bool admin_only(struct request *r)
{
    enum status s = rights_admin(&r->ctx);
    if (s == STATUS_OK)
        return true;
    page_fail(r, s);
    return false;
}

static void admin_begin(struct request *r, const char *title, bool crumbs)
{
    struct page page = {.title = title, .nav = "admin"};
    page_crumb(&page, _("Administration"), crumbs ? "/admin/accounts" : NULL);
    if (crumbs)
        page_crumb(&page, title, NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n", title);
}

void admin_accounts_page(struct request *r)
{
    if (!admin_only(r))
        return;
    struct listing l;
    table_listing(r, &l, 50);
    struct account_list list;
    if (account_list(&r->ctx, &l, &list) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    admin_begin(r, _("Accounts"), false);
    struct buf *b = &r->out;
    html_printf(b,
                "<p><a class=\"button\" href=\"/admin/accounts/new\">%s</a> "
                "<a href=\"/admin/audit\">%s</a> <a href=\"/admin/mail\">%s</a></p>\n",
                _("Create an account"), _("See the audit trail"), _("See the email queue"));
    table_count(r, list.total, N_("%s account"), N_("%s accounts"));
    html_printf(b,
                "<div class=\"table-wrap\"><table class=\"table\"><thead><tr>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th><th scope=\"col\"><span class=\"visually-hidden\">%s"
                "</span></th></tr></thead><tbody>\n",
                _("Name"), _("Email address"), _("Last signed in"), _("Role"), _("Actions"));
    for (int i = 0; i < list.count; i++) {
        struct account *a = &list.items[i];
        html_printf(b, "<tr><td><a href=\"%s\">%s</a></td><td>%s</td><td>",
                    page_href(r, "/people/", a->person_id, ""), a->name, a->email);
        if (a->signed_in_at)
            page_date(r, a->signed_in_at);
        else
            html_text(b, a->password_hash ? _("Never") : _("No password yet"));
        html_printf(b, "</td><td>%s</td><td>", a->admin ? _("Administrator") : "");
        form_begin(r, page_href(r, "/admin/accounts/", a->id, "/link"), NULL);
        form_end(r, _("Make a password link"), NULL, false);
        html_raw(b, "</td></tr>\n");
    }
    html_raw(b, "</tbody></table></div>\n");
    table_pagination(r, &l, list.total);
    page_end(r, 200);
}

static void account_form(struct request *r, const struct problems *p, int status)
{
    admin_begin(r, _("Create an account"), true);
    form_begin(r, "/admin/accounts/new", p);
    form_input(r, p, "email", _("Email address"), _("The person signs in with it."),
               request_form(r, "email"), "email", false);
    form_input(r, p, "name", _("Full name"),
               _("Used when the email address belongs to nobody yet."), request_form(r, "name"),
               "text", false);
    static const struct form_option admin[] = {{"yes", N_("Site administrator")}};
    struct form_option options[] = {{admin[0].value, _(admin[0].label)}};
    form_checkboxes(r, p, "admin", _("Rights"),
                    _("Administrators may do everything, in every alliance."), options, 1,
                    request_form_has(r, "admin", "yes") ? 1u : 0u);
    form_end(r, _("Create the account"), "/admin/accounts", false);
    page_end(r, status);
}

void admin_account_new_page(struct request *r)
{
    if (admin_only(r))
        account_form(r, NULL, 200);
}

/* link_shown answers a page with a fresh password link for the account. */
static void link_shown(struct request *r, struct account *a, const char *title, int status)
{
    char secret[SECRET_LEN + 1], base[512];
    if (account_link_create(&r->ctx, a, LINK_PASSWORD, 0, secret) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    config_base_url(r->config, base, sizeof base);
    admin_begin(r, title, true);
    struct buf *b = &r->out;
    html_printf(b,
                "<div class=\"banner banner--success\"><p class=\"banner__title\">%s</p>"
                "<p><code>%s/links/%s</code></p></div>\n",
                a->name, base, secret);
    html_printf(b, "<p>%s</p>\n",
                _("Give this link to the person: it lets them choose a password, once, within "
                  "three days. It is shown only now."));
    html_printf(b, "<p><a href=\"/admin/accounts\">%s</a></p>\n", _("Back to the accounts"));
    page_end(r, status);
}

void admin_account_create_post(struct request *r)
{
    if (!admin_only(r))
        return;
    struct problems p = {0};
    struct account *a;
    const char *name = request_form(r, "name");
    if (str_empty(name))
        name = request_form(r, "email");
    enum status s = account_create(&r->ctx, request_form(r, "email"), name,
                                   request_form_has(r, "admin", "yes"), &a, &p);
    if (s == STATUS_OK)
        link_shown(r, a, _("Account created"), 201);
    else if (p.count)
        account_form(r, &p, status_http(problems_status(&p)));
    else
        page_fail(r, s);
}

void admin_account_link_post(struct request *r)
{
    if (!admin_only(r))
        return;
    struct account *a;
    enum status s = account_find(&r->ctx, request_capture(r, 0), &a);
    if (s == STATUS_OK)
        link_shown(r, a, _("Password link"), 200);
    else
        page_fail(r, s);
}
