/*
 * web/feed.c — the Atom feeds (RFC 4287) of a platform and of the whole
 * site, and the private feed addresses of the account page: making one
 * (shown once, as the whole address to paste in a feed reader), listing them,
 * and revoking one after a page that asks.
 *
 * An Atom feed is read by nobody, or by the member whose private feed address
 * it names (?token=): never by the session cookie of a browser, so that an
 * address gives the same feed in a browser and in a feed reader. A token that
 * is malformed, unknown, revoked or for another platform answers 404, never
 * the public feed instead (a reader would go on silently showing less). The
 * answer is made for its address alone, so the response cache keeps it and
 * answers If-None-Match with 304 (cache.h) like any page.
 *
 * Every byte of XML goes through web/xml.h; the pages through web/html.h.
 */
#include "domain/feed.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/config.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/account.h"
#include "domain/membership.h"
#include "domain/platform.h"
#include "web/form.h"
#include "web/html.h"
#include "web/page.h"
#include "web/web.h"
#include "web/xml.h"

#include <string.h>

#define ATOM_TYPE "application/atom+xml; charset=utf-8"

/* base_url is the address the installation is reached at (config.h). */
static const char *base_url(struct request *r)
{
    char base[1024];
    config_base_url(r->config, base, sizeof base);
    return arena_strdup(&r->arena, base);
}

static const char *kind_label(const char *kind)
{
    if (str_eq(kind, "entry"))
        return _("Journal entry");
    if (str_eq(kind, "document"))
        return _("Document");
    if (str_eq(kind, "enquiry"))
        return _("Frequently asked question");
    return _("Lesson");
}

/* atom_entry writes one item. */
static void atom_entry(struct request *r, const char *base, const struct feed_item *it)
{
    struct buf *b = &r->out;
    xml_printf(b, "<entry>\n<id>urn:uuid:%s</id>\n<title type=\"text\">%s</title>\n", it->id,
               it->title);
    xml_printf(
        b, "<link rel=\"alternate\" type=\"text/html\" href=\"%s\"/>\n",
        arena_printf(&r->arena, "%s%s", base, page_href(r, feed_item_path(it->kind), it->id, "")));
    xml_printf(b, "<published>%s</published>\n<updated>%s</updated>\n", it->published_at,
               it->updated_at);
    if (it->author_name)
        xml_printf(b, "<author><name>%s</name></author>\n", it->author_name);
    xml_printf(b, "<category term=\"%s\" label=\"%s\"/>\n", it->kind, kind_label(it->kind));
    xml_printf(b, "<category scheme=\"%s/platforms/\" term=\"%s\" label=\"%s\"/>\n", base,
               it->platform_id, it->platform_name);
    if (*it->summary)
        xml_printf(b, "<summary type=\"text\">%s</summary>\n", it->summary);
    xml_raw(b, "</entry>\n");
}

/* atom_write writes the whole feed into r->out. secret and token_id are the
 * private feed address's (NULL for the public feed). */
static void atom_write(struct request *r, const struct feed *f, const char *reader_name,
                       const char *secret, const char *token_id)
{
    struct buf *b = &r->out;
    const char *base = base_url(r);
    const struct platform *pl = f->platform;
    const char *name = pl ? pl->name : r->config->site_name;
    const char *page = pl ? page_href(r, "/platforms/", pl->id, "") : "/";
    const char *self = pl ? page_href(r, "/platforms/", pl->id, "/feed.atom") : "/feed.atom";
    const char *updated = f->updated;
    char today[32];
    if (!updated && pl) {
        updated = pl->updated_at;
    } else if (!updated) {
        clock_now_iso(today, sizeof today); /* an empty site: the day, so the ETag holds a day */
        memcpy(today + 10, "T00:00:00Z", 11);
        updated = today;
    }
    xml_raw(b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
               "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">\n");
    if (secret) {
        xml_printf(b, "<id>urn:uuid:%s</id>\n", token_id);
        xml_printf(b, "<title type=\"text\">%s</title>\n",
                   arena_printf(&r->arena, _("%s (private feed of %s)"), name, reader_name));
    } else {
        xml_printf(b, "<id>%s%s</id>\n", base, self);
        xml_printf(b, "<title type=\"text\">%s</title>\n", name);
    }
    xml_printf(b, "<subtitle type=\"text\">%s</subtitle>\n",
               pl ? _("Lessons, journal entries, documents and answered questions of this "
                      "platform, newest first")
                  : _("Lessons, journal entries, documents and answered questions of every "
                      "platform, newest first"));
    xml_printf(b, "<updated>%s</updated>\n", updated);
    if (secret)
        xml_printf(b, "<link rel=\"self\" type=\"application/atom+xml\" href=\"%s%s?token=%s\"/>\n",
                   base, self, secret);
    else
        xml_printf(b, "<link rel=\"self\" type=\"application/atom+xml\" href=\"%s%s\"/>\n", base,
                   self);
    xml_printf(b, "<link rel=\"alternate\" type=\"text/html\" href=\"%s%s\"/>\n", base, page);
    xml_printf(b, "<author><name>%s</name></author>\n", name);
    xml_printf(b, "<generator version=\"%s\">Alliance</generator>\n", ALLIANCE_VERSION);
    for (int i = 0; i < f->count; i++)
        atom_entry(r, base, &f->items[i]);
    xml_raw(b, "</feed>\n");
}

/* atom_answer answers the feed of platform_id (NULL: the whole site). */
static void atom_answer(struct request *r, const char *platform_id)
{
    /* The feed's reader, apart from the request's viewer: the response cache
     * keys the answer by the request's own (cache.h). */
    struct viewer reader = viewer_anonymous;
    struct ctx c = r->ctx;
    c.viewer = &reader;
    const char *secret = request_query(r, "token"), *token_id = NULL;
    if (secret && feed_token_resume(&c, secret, platform_id, &reader, &token_id) != STATUS_OK) {
        page_error(r, 404,
                   _("This private feed address does not work: it is mistyped, or it has been "
                     "revoked. Make a new one on your account page."));
        return;
    }
    struct feed f;
    enum status s = feed_read(&c, platform_id, &f);
    if (s != STATUS_OK) {
        page_fail(r, s == STATUS_UNAUTHORIZED || s == STATUS_FORBIDDEN ? STATUS_NOT_FOUND : s);
        return;
    }
    atom_write(r, &f, reader.name, secret, token_id);
    request_send(r, 200, ATOM_TYPE);
}

void feed_platform_atom(struct request *r)
{
    atom_answer(r, request_capture(r, 0));
}

void feed_site_atom(struct request *r)
{
    atom_answer(r, NULL);
}

char *feed_platform_href(struct request *r, const struct platform *pl)
{
    /* A members-only alliance's platforms have no public feed (it would be
     * 404 for everyone): only private addresses read them. */
    if (str_eq(pl->alliance_visibility, "members"))
        return NULL;
    return page_href(r, "/platforms/", pl->id, "/feed.atom");
}

void feed_platform_card(struct request *r, const struct platform *pl)
{
    struct buf *b = &r->out;
    char *href = feed_platform_href(r, pl);
    html_printf(b, "<section class=\"card\"><h2>%s</h2><ul>", _("Follow this platform"));
    if (href) {
        html_printf(b, "<li><a href=\"%s\" type=\"application/atom+xml\">%s</a> ", href, _("Feed"));
        html_printf(b, "<span class=\"muted small\">%s</span></li>",
                    _("(Atom: what anyone may read, for a feed reader)"));
    } else {
        html_printf(b, "<li>%s</li>",
                    _("This alliance is for its members only: its platforms have no public "
                      "feed."));
    }
    if (r->ctx.viewer->account_key)
        html_printf(b, "<li><a href=\"/account#feeds\">%s</a></li>",
                    _("A private feed address, with what you may read"));
    html_raw(b, "</ul></section>\n");
}

/* Private feed addresses on the account page. */

/* signed_in_account loads the viewer's account, or answers (the sign-in
 * page) and returns NULL. */
static struct account *signed_in_account(struct request *r)
{
    struct account *a;
    if (r->ctx.viewer->account_key &&
        account_find(&r->ctx, r->ctx.viewer->account_id, &a) == STATUS_OK)
        return a;
    page_fail(r, STATUS_UNAUTHORIZED);
    return NULL;
}

/* token_scope is what an address reads, as a person reads it. */
static const char *token_scope(const struct feed_token *t)
{
    if (!t->platform_key)
        return _("Every feed");
    return t->platform_name ? t->platform_name : _("A platform you may no longer read");
}

/* scope_options lists what an address may be for: every feed, then the
 * platforms of the viewer's memberships (arena); *n receives their number. */
static struct form_option *scope_options(struct request *r, int *n)
{
    struct listing l;
    listing_default(&l);
    l.limit = LISTING_MAX_LIMIT;
    struct membership_filter f = {.person_key = r->ctx.viewer->person_key};
    struct membership_list list = {0};
    if (!f.person_key || membership_list(&r->ctx, &f, &l, &list) != STATUS_OK)
        list.count = 0;
    struct form_option *o = arena_array(&r->arena, (size_t)list.count + 1, sizeof *o);
    o[0].value = FEED_EVERY;
    o[0].label = _("Every feed: all platforms you may read, and the whole site");
    *n = 1;
    for (int i = 0; i < list.count; i++) {
        bool seen = false;
        for (int k = 1; k < *n; k++)
            seen = seen || str_eq(o[k].value, list.items[i].platform_id);
        if (seen)
            continue;
        o[*n].value = list.items[i].platform_id;
        o[*n].label = arena_printf(&r->arena, "%s (%s)", list.items[i].platform_name,
                                   list.items[i].alliance_name);
        (*n)++;
    }
    return o;
}

static void token_form(struct request *r, const struct problems *p, const char *selected)
{
    int n;
    struct form_option *o = scope_options(r, &n);
    form_begin(r, "/account/feeds", p);
    form_select(r, p, "platform", _("Feed"),
                _("One platform's feed, or every feed: each platform's and the whole site's."), o,
                n, selected);
    form_end(r, _("Make the address"), NULL, false);
}

static void token_row(struct request *r, const struct feed_token *t)
{
    struct buf *b = &r->out;
    html_printf(b, "<tr><td>%s</td><td>", token_scope(t));
    page_date(r, t->created_at);
    html_raw(b, "</td><td>");
    if (t->used_at)
        page_date(r, t->used_at);
    else
        html_text(b, _("Never"));
    html_raw(b, "</td><td>");
    if (t->revoked_at)
        page_tag(r, "grey", _("Revoked"));
    else
        html_printf(b, "<a href=\"%s\">%s<span class=\"visually-hidden\"> %s</span></a>",
                    page_href(r, "/account/feeds/", t->id, "/revoke"), _("Revoke"), token_scope(t));
    html_raw(b, "</td></tr>\n");
}

void feed_tokens_section(struct request *r, const struct account *a)
{
    struct buf *b = &r->out;
    html_printf(b, "<h2 id=\"feeds\">%s</h2>\n<p>%s</p>\n<p>%s</p>\n", _("Private feed addresses"),
                _("A feed reader can follow what is new on a platform. A platform's public feed "
                  "shows what anyone may read; a private feed address shows what you may read."),
                _("Keep a private address to yourself: whoever has it reads the feed as you. It "
                  "opens nothing but the feed. Revoke it when you stop using it."));
    struct feed_token_list tokens;
    if (feed_token_list(&r->ctx, a->key, &tokens) == STATUS_OK && tokens.count) {
        html_printf(b,
                    "<table class=\"table\"><thead><tr><th scope=\"col\">%s</th>"
                    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s"
                    "</th></tr></thead><tbody>",
                    _("Feed"), _("Created"), _("Last used"), _("Status"));
        for (int i = 0; i < tokens.count; i++)
            token_row(r, &tokens.items[i]);
        html_raw(b, "</tbody></table>\n");
    }
    html_printf(b, "<h3>%s</h3>\n", _("Make a private feed address"));
    token_form(r, NULL, NULL);
}

/* token_address is the whole address of a private feed, to paste. */
static const char *token_address(struct request *r, const struct feed_token *t, const char *secret)
{
    const char *path =
        t->platform_id ? page_href(r, "/platforms/", t->platform_id, "/feed.atom") : "/feed.atom";
    return arena_printf(&r->arena, "%s%s?token=%s", base_url(r), path, secret);
}

void feed_token_create_post(struct request *r)
{
    struct account *a = signed_in_account(r);
    if (!a)
        return;
    const char *platform_id = request_form(r, "platform");
    char secret[SECRET_LEN + 1];
    struct feed_token *t;
    struct problems p = {0};
    enum status s = feed_token_create(&r->ctx, a, platform_id, secret, &t, &p);
    if (s != STATUS_OK && !p.count) {
        page_fail(r, s);
        return;
    }
    const char *title =
        p.count ? _("Make a private feed address") : _("Your new private feed address");
    struct page page = {.title = title, .nav = "account"};
    page_crumb(&page, _("Your account"), "/account");
    page_crumb(&page, title, NULL);
    page_begin(r, &page);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n", title);
    if (p.count) {
        token_form(r, &p, platform_id);
        page_end(r, 400);
        return;
    }
    html_printf(b,
                "<div class=\"banner banner--success\"><p class=\"banner__title\">%s</p>"
                "<p><code>%s</code></p></div>\n<p>%s</p>\n",
                token_scope(t), token_address(r, t, secret),
                _("Copy the address into your feed reader now: it is shown only once. If you "
                  "lose it, revoke it and make another."));
    html_printf(b, "<p><a href=\"/account#feeds\">%s</a></p>\n", _("Back to your account"));
    page_end(r, 201);
}

/* load_token finds the viewer's address named in the path, or answers. */
static struct feed_token *load_token(struct request *r, const struct account *a)
{
    struct feed_token *t;
    enum status s = feed_token_find(&r->ctx, a->key, request_capture(r, 0), &t);
    if (s == STATUS_OK)
        return t;
    page_fail(r, s);
    return NULL;
}

void feed_token_revoke_page(struct request *r)
{
    struct account *a = signed_in_account(r);
    struct feed_token *t = a ? load_token(r, a) : NULL;
    if (!t)
        return;
    struct page page = {.title = _("Revoke a private feed address"), .nav = "account"};
    page_crumb(&page, _("Your account"), "/account");
    page_crumb(&page, page.title, NULL);
    page_begin(r, &page);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n<dl class=\"summary\">", page.title);
    page_fact(r, _("Feed"), token_scope(t));
    page_fact_begin(r, _("Created"));
    page_date(r, t->created_at);
    page_fact_end(r);
    html_raw(b, "</dl>\n");
    if (t->revoked_at) {
        html_printf(b, "<p>%s</p>\n<p><a href=\"/account#feeds\">%s</a></p>\n",
                    _("This address has been revoked already."), _("Back to your account"));
        page_end(r, 200);
        return;
    }
    html_printf(b, "<p>%s</p>\n",
                _("Feed readers that use this address will get nothing from it any more. This "
                  "cannot be undone, but you can make a new address."));
    form_begin(r, page_href(r, "/account/feeds/", t->id, "/revoke"), NULL);
    form_end(r, _("Revoke the address"), "/account#feeds", true);
    page_end(r, 200);
}

void feed_token_revoke_post(struct request *r)
{
    struct account *a = signed_in_account(r);
    if (!a)
        return;
    enum status s = feed_token_revoke(&r->ctx, a->key, request_capture(r, 0));
    if (s == STATUS_OK)
        request_redirect(r, "/account#feeds");
    else
        page_fail(r, s);
}
