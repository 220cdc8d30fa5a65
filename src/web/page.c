/*
 * page.c — see page.h. The stylesheet address carries a hash of its content,
 * so browsers cache it for a year and fetch it again only when it changes.
 */
#include "web/page.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/capability.h"
#include "domain/notification.h"
#include "web/asset.h"
#include "web/html.h"

#include <event2/http.h>
#include <stdio.h>
#include <string.h>

void page_crumb(struct page *p, const char *label, const char *href)
{
    if (p->crumb_count < PAGE_CRUMBS_MAX) {
        p->crumbs[p->crumb_count].label = label;
        p->crumbs[p->crumb_count].href = href;
        p->crumb_count++;
    }
}

static void nav_item(struct buf *b, const struct page *p, const char *key, const char *href,
                     const char *label)
{
    if (p->nav && strcmp(p->nav, key) == 0)
        html_printf(b, "<li><a href=\"%s\" aria-current=\"page\">%s</a></li>", href, label);
    else
        html_printf(b, "<li><a href=\"%s\">%s</a></li>", href, label);
}

void page_begin(struct request *r, const struct page *p)
{
    struct buf *b = &r->out;
    html_raw(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                /* No icon to fetch: saves a request on every first visit. */
                "<link rel=\"icon\" href=\"data:,\">\n");
    /* A long title (a lesson's may have 200 characters) is cut for the tab. */
    html_printf(b, "<title>%s – %s</title>\n", str_shorten(&r->arena, p->title, 50),
                r->config->site_name);
    html_printf(b, "<link rel=\"stylesheet\" href=\"/static/style.css?v=%s\">\n",
                asset_style_version());
    if (p->feed)
        html_printf(b,
                    "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"%s\" "
                    "href=\"%s\">\n",
                    p->title, p->feed);
    html_raw(b, "</head>\n<body>\n");
    html_printf(b, "<a class=\"skip-link\" href=\"#main\">%s</a>\n", _("Skip to main content"));
    html_printf(b,
                "<header class=\"site-header\"><div class=\"site-header__inner\">"
                "<a class=\"site-header__name\" href=\"/\">%s</a>",
                r->config->site_name);
    if (p->context)
        html_printf(b, "<span class=\"site-header__context\">%s</span>", p->context);
    html_printf(b,
                "<form class=\"site-search\" method=\"get\" action=\"/search\" role=\"search\">"
                "<label class=\"visually-hidden\" for=\"site-q\">%s</label><input id=\"site-q\" "
                "name=\"q\" type=\"search\"><button type=\"submit\">%s</button></form>",
                _("Search lessons and documents"), _("Search"));
    html_printf(b, "<nav class=\"site-nav\" aria-label=\"%s\"><ul>", _("Main"));
    nav_item(b, p, "alliances", "/", _("Alliances"));
    nav_item(b, p, "lessons", "/lessons", _("Lessons"));
    nav_item(b, p, "documents", "/documents", _("Library"));
    nav_item(b, p, "organisations", "/organisations", _("Organisations"));
    nav_item(b, p, "people", "/people", _("People"));
    const struct viewer *v = r->ctx.viewer;
    if (v->admin && v->account_key)
        nav_item(b, p, "admin", "/admin/accounts", _("Administration"));
    if (v->person_key) {
        int64_t unread = notification_unread(&r->ctx);
        nav_item(b, p, "notifications", "/notifications",
                 unread ? arena_printf(&r->arena, _("Notifications (%lld)"), (long long)unread)
                        : _("Notifications"));
    }
    if (v->account_key)
        nav_item(b, p, "account", "/account", v->name);
    else
        nav_item(b, p, "sign-in", "/sign-in", _("Sign in"));
    html_raw(b, "</ul></nav></div></header>\n<div class=\"page\">\n");
    if (p->crumb_count > 0) {
        html_printf(b, "<nav class=\"breadcrumbs\" aria-label=\"%s\"><ol>", _("Breadcrumb"));
        for (int i = 0; i < p->crumb_count; i++) {
            if (p->crumbs[i].href)
                html_printf(b, "<li><a href=\"%s\">%s</a></li>", p->crumbs[i].href,
                            p->crumbs[i].label);
            else
                html_printf(b, "<li aria-current=\"page\">%s</li>", p->crumbs[i].label);
        }
        html_raw(b, "</ol></nav>\n");
    }
    html_raw(b, "<div class=\"layout\">\n<main id=\"main\" class=\"layout__main\">\n");
}

void page_side(struct request *r)
{
    html_raw(&r->out, "</main>\n<aside class=\"layout__side\">\n");
    r->page_in_aside = true;
}

void page_end(struct request *r, int status)
{
    struct buf *b = &r->out;
    html_raw(b, r->page_in_aside ? "</aside>\n" : "</main>\n");
    html_raw(b, "</div>\n</div>\n<footer class=\"site-footer\"><div class=\"site-footer__inner\">");
    html_printf(b,
                "<p>%s %s · <a href=\"/api/v1/openapi.json\">%s</a> · <a href=\"/feed.atom\" "
                "type=\"application/atom+xml\">%s</a> · %s</p>",
                _("Alliance"), ALLIANCE_VERSION, _("JSON API"), _("Feed"), _("Language: English"));
    html_raw(b, "</div></footer>\n</body>\n</html>\n");
    request_send(r, status, "text/html; charset=utf-8");
}

void page_error(struct request *r, int status, const char *message)
{
    buf_reset(&r->out);
    r->page_in_aside = false;
    struct page p = {.title = message};
    page_begin(r, &p);
    html_printf(&r->out, "<h1>%s</h1>\n", message);
    if (status == 404)
        html_printf(&r->out, "<p>%s</p>\n",
                    _("If you typed the address, check it is correct. If you followed a link, "
                      "the record may have been deleted."));
    else if (status >= 500)
        html_printf(&r->out, "<p>%s</p>\n",
                    _("Nothing you sent was lost that had been saved. Try again in a moment."));
    html_printf(&r->out, "<p><a href=\"/\">%s</a></p>\n", _("Go to the list of alliances"));
    page_end(r, status);
}

void page_not_found(struct request *r)
{
    page_error(r, 404, _("Page not found"));
}

void page_fail(struct request *r, enum status s)
{
    switch (s) {
    case STATUS_NOT_FOUND:
        page_not_found(r);
        return;
    case STATUS_UNAUTHORIZED:
        if (r->method == METHOD_GET || r->method == METHOD_HEAD) {
            /* Sign in, then come back here. */
            const char *uri = evhttp_request_get_uri(r->ev);
            request_redirect(r, page_href(r, "/sign-in?next=", uri, ""));
        } else {
            page_error(r, 401, _("Sign in first, then try again"));
        }
        return;
    case STATUS_FORBIDDEN:
        page_error(r, 403,
                   _("You may not do this. Ask a convenor of the platform or an administrator."));
        return;
    case STATUS_CONFLICT:
        page_error(r, 409, _("The change clashes with other records"));
        return;
    default:
        page_error(r, 500, _("Something went wrong on our side"));
        return;
    }
}

bool page_allowed(struct request *r, enum status s)
{
    if (s == STATUS_OK)
        return true;
    page_fail(r, s);
    return false;
}

void page_tag(struct request *r, const char *colour, const char *text)
{
    html_printf(&r->out, "<strong class=\"tag tag--%s\">%s</strong>", colour, text);
}

void page_capabilities(struct request *r, unsigned caps, int show_missing)
{
    static const char *const colours[CAPABILITY_COUNT] = {"blue", "purple", "turquoise", "orange",
                                                          "green"};
    html_raw(&r->out, "<ul class=\"tags\">");
    for (int i = 0; i < CAPABILITY_COUNT; i++) {
        if (caps & capability_bit(i)) {
            html_raw(&r->out, "<li>");
            page_tag(r, colours[i], capability_label(i));
            html_raw(&r->out, "</li>");
        } else if (show_missing) {
            html_printf(&r->out, "<li><strong class=\"tag tag--missing\">%s %s</strong></li>",
                        _("Missing:"), capability_label(i));
        }
    }
    html_raw(&r->out, "</ul>");
}

void page_capability_gaps(struct request *r, unsigned caps)
{
    html_raw(&r->out, "<ul class=\"tags\">");
    if ((caps & CAPABILITY_ALL) == CAPABILITY_ALL) {
        html_raw(&r->out, "<li>");
        page_tag(r, "green", _("All five capabilities"));
        html_raw(&r->out, "</li>");
    }
    for (int i = 0; i < CAPABILITY_COUNT; i++)
        if (!(caps & capability_bit(i)))
            html_printf(&r->out, "<li><strong class=\"tag tag--missing\">%s %s</strong></li>",
                        _("Missing:"), capability_short(i));
    html_raw(&r->out, "</ul>");
}

void page_capability_text(struct request *r, unsigned caps)
{
    const char *sep = "";
    for (int i = 0; i < CAPABILITY_COUNT; i++) {
        if (!(caps & capability_bit(i)))
            continue;
        html_printf(&r->out, "%s%s", sep, capability_short(i));
        sep = ", ";
    }
    if (!*sep)
        html_raw(&r->out, "–");
}

void page_fact_begin(struct request *r, const char *term)
{
    html_printf(&r->out, "<div class=\"summary__row\"><dt>%s</dt><dd>", term);
}

void page_fact_end(struct request *r)
{
    html_raw(&r->out, "</dd></div>\n");
}

void page_fact(struct request *r, const char *term, const char *value)
{
    page_fact_begin(r, term);
    html_text(&r->out, value);
    page_fact_end(r);
}

void page_empty(struct request *r, const char *message, const char *action_href,
                const char *action_label)
{
    html_printf(&r->out, "<div class=\"empty\"><p>%s</p>", message);
    if (action_href)
        html_printf(&r->out, "<a class=\"button button--secondary\" href=\"%s\">%s</a>",
                    action_href, action_label);
    html_raw(&r->out, "</div>\n");
}

void page_date(struct request *r, const char *iso)
{
    char text[64];
    if (clock_format_date(iso, text, sizeof text) != 0) {
        html_text(&r->out, iso);
        return;
    }
    char day[11];
    snprintf(day, sizeof day, "%.10s", iso);
    html_printf(&r->out, "<time datetime=\"%s\">%s</time>", day, text);
}

char *page_href(struct request *r, const char *prefix, const char *id, const char *suffix)
{
    struct buf b;
    buf_init(&b, 8192);
    buf_puts(&b, prefix);
    html_url_arg(&b, id);
    buf_puts(&b, suffix);
    char *href = arena_strdup(&r->arena, b.data);
    buf_free(&b);
    return href;
}
