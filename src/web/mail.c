/*
 * web/mail.c — email as the reader sees it: the text and HTML parts of a
 * message of one notification or of a digest (the HTML through the escaping
 * writers, like a page); the page an unsubscribe link leads to, with its
 * confirmation, and the one-click unsubscribe of RFC 8058; and the queue of
 * messages for administrators.
 */
#include "domain/mail.h"

#include "core/arena.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/rights.h"
#include "web/form.h"
#include "web/html.h"
#include "web/page.h"
#include "web/table.h"
#include "web/web.h"

#include <string.h>

#define PART_MAX (1024 * 1024)

/* One line of a message: what happened and the address to read it at. */
struct line {
    const char *sentence;
    const char *url;
};

static void text_part(struct buf *b, const char *hello, const char *intro, const struct line *lines,
                      int count, const char *more, const char *footer, const char *stop)
{
    buf_printf(b, "%s\n\n%s\n\n", hello, intro);
    for (int i = 0; i < count; i++)
        buf_printf(b, "%s%s\n%s%s\n\n", count > 1 ? "- " : "", lines[i].sentence,
                   count > 1 ? "  " : "", lines[i].url);
    if (more)
        buf_printf(b, "%s\n\n", more);
    buf_printf(b, "-- \n%s\n%s %s\n", footer, stop, MAIL_UNSUBSCRIBE_MARK);
}

static void html_part(struct buf *b, const char *title, const char *hello, const char *intro,
                      const struct line *lines, int count, const char *more, const char *footer,
                      const char *stop)
{
    html_printf(b,
                "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                "<title>%s</title></head>\n<body>\n<p>%s</p>\n<p>%s</p>\n<ul>\n",
                title, hello, intro);
    for (int i = 0; i < count; i++)
        html_printf(b, "<li><a href=\"%s\">%s</a></li>\n", lines[i].url, lines[i].sentence);
    html_raw(b, "</ul>\n");
    if (more)
        html_printf(b, "<p>%s</p>\n", more);
    html_printf(b, "<hr>\n<p><small>%s <a href=\"%s\">%s</a></small></p>\n</body></html>\n", footer,
                MAIL_UNSUBSCRIBE_MARK, stop);
}

void mail_message_render(struct ctx *c, struct mail *m, const struct notification_list *items)
{
    const struct mail_settings *ms = mail_settings();
    const char *base = ms ? ms->base_url : "";
    const char *site = ms && ms->from_name ? ms->from_name : "Alliance";
    struct arena *a = c->arena;
    struct line *lines = arena_array(a, (size_t)(items->count ? items->count : 1), sizeof *lines);
    for (int i = 0; i < items->count; i++) {
        lines[i].sentence = notification_sentence(a, &items->items[i]);
        lines[i].url = arena_printf(a, "%s%s", base, notification_path(a, &items->items[i]));
    }
    bool digest = m->notification_key == 0;
    bool weekly = str_eq(m->kind, "weekly");
    const char *hello = arena_printf(a, _("Hello %s,"), c->viewer->name ? c->viewer->name : "");
    const char *intro, *footer, *stop, *more = NULL;
    const char *choices = arena_printf(a, "%s/account/notifications", base);
    if (digest) {
        unsigned long n = (unsigned long)items->total;
        m->subject =
            arena_printf(a,
                         weekly ? ngettext("Your weekly digest from %s: %lld notification",
                                           "Your weekly digest from %s: %lld notifications", n)
                                : ngettext("Your daily digest from %s: %lld notification",
                                           "Your daily digest from %s: %lld notifications", n),
                         site, (long long)items->total);
        intro = weekly ? _("Here is what happened this week that concerns you.")
                       : _("Here is what happened today that concerns you.");
        if (items->total > items->count)
            more = arena_printf(a, _("And %lld more: %s/notifications"),
                                (long long)(items->total - items->count), base);
        footer = arena_printf(a,
                              _("You chose to hear of these in a digest. Choose how you are "
                                "told: %s"),
                              choices);
        stop = _("Stop this digest:");
    } else {
        m->subject = arena_strdup(a, lines[0].sentence);
        intro = arena_printf(a, _("Something on %s concerns you:"), site);
        footer = arena_printf(a,
                              _("You chose to hear of this at once. Choose how you are "
                                "told: %s"),
                              choices);
        stop = _("Stop these emails:");
    }
    struct buf b;
    buf_init(&b, PART_MAX);
    text_part(&b, hello, intro, lines, items->count, more, footer, stop);
    m->text_body = arena_strdup(a, b.data ? b.data : "");
    buf_reset(&b);
    html_part(&b, site, hello, intro, lines, items->count, more, footer,
              digest ? _("Stop this digest") : _("Stop these emails"));
    m->html_body = arena_strdup(a, b.data ? b.data : "");
    buf_free(&b);
}

/* Unsubscribe links. */

static const char *used_message(void)
{
    return _("This link has been used already: those emails were stopped. To change how you are "
             "told, sign in and open Notifications, then Choose how you are told.");
}

/* unsubscribe_load loads the link of the address, or answers 404 (unknown)
 * or 410 (used) and returns NULL. */
static struct mail_unsubscribe *unsubscribe_load(struct request *r)
{
    struct mail_unsubscribe *u;
    if (mail_unsubscribe_find(&r->ctx, request_capture(r, 0), &u) != STATUS_OK) {
        page_error(r, 404,
                   _("This unsubscribe link is not known. Check that the whole address was "
                     "copied from the email."));
        return NULL;
    }
    if (u->used_at) {
        page_error(r, 410, used_message());
        return NULL;
    }
    return u;
}

static const char *what_it_stops(struct request *r, const struct mail_unsubscribe *u)
{
    if (str_eq(u->kind, "daily"))
        return _("your daily digest (every kind of notification it gathers)");
    if (str_eq(u->kind, "weekly"))
        return _("your weekly digest (every kind of notification it gathers)");
    return arena_printf(&r->arena, _("emails of one kind: %s"), notification_kind_label(u->kind));
}

static void unsubscribe_form(struct request *r, const struct mail_unsubscribe *u,
                             const struct problems *p)
{
    struct page page = {.title = _("Stop these emails")};
    page_crumb(&page, _("Stop these emails"), NULL);
    page_begin(r, &page);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n<p class=\"lead\">", _("Stop these emails"));
    html_printf(b, _("Hello %s."), u->person_name);
    html_printf(b, "</p>\n<p>%s</p>\n",
                arena_printf(&r->arena,
                             _("This link stops %s. You will still see notifications "
                               "in Alliance when you sign in."),
                             what_it_stops(r, u)));
    struct form_option options[] = {{"kind", _("Only these emails")},
                                    {"all", _("Every kind of notification")}};
    form_begin(r, page_href(r, "/unsubscribe/", request_capture(r, 0), ""), p);
    form_select(r, p, "what", _("What to stop"), NULL, options, 2, request_form(r, "what"));
    form_end(r, _("Stop the emails"), NULL, true);
    page_end(r, p && p->count ? 400 : 200);
}

void mail_unsubscribe_page(struct request *r)
{
    struct mail_unsubscribe *u = unsubscribe_load(r);
    if (u)
        unsubscribe_form(r, u, NULL);
}

/* unsubscribe_done answers the outcome of spending the link. */
static void unsubscribe_done(struct request *r, enum status s, bool all)
{
    if (s == STATUS_CONFLICT) {
        page_error(r, 410, used_message());
        return;
    }
    if (s == STATUS_NOT_FOUND) {
        page_error(r, 404, _("This unsubscribe link is not known."));
        return;
    }
    if (s != STATUS_OK) {
        page_fail(r, s);
        return;
    }
    struct page page = {.title = _("The emails are stopped")};
    page_crumb(&page, _("The emails are stopped"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n<p>%s</p>\n", _("The emails are stopped"),
                all ? _("You will get no more notifications of any kind, by email or in Alliance. "
                        "You can choose again on your account's notifications page.")
                    : _("You will get no more of these. You can choose again on your account's "
                        "notifications page."));
    page_end(r, 200);
}

void mail_unsubscribe_post(struct request *r)
{
    struct mail_unsubscribe *u = unsubscribe_load(r);
    if (!u)
        return;
    const char *what = request_form(r, "what");
    if (!str_eq(what, "kind") && !str_eq(what, "all")) {
        struct problems p = {0};
        problems_invalid(&p, "what", _("Choose what to stop"));
        unsubscribe_form(r, u, &p);
        return;
    }
    bool all = str_eq(what, "all");
    unsubscribe_done(r, mail_unsubscribe_use(&r->ctx, request_capture(r, 0), all), all);
}

void mail_unsubscribe_one_click(struct request *r)
{
    /* RFC 8058: a mail client posts this body, without cookies or a form
     * token; the secret in the address is what makes it genuine. */
    if (!str_eq(r->body, "List-Unsubscribe=One-Click")) {
        page_error(r, 400, _("Send List-Unsubscribe=One-Click, or follow the link in the email"));
        return;
    }
    unsubscribe_done(r, mail_unsubscribe_use(&r->ctx, request_capture(r, 0), false), false);
}

/* The queue, for administrators. */

static const char *const states[] = {"queued", "sending", "sent", "failed", "dropped"};

static const char *state_colour(const char *state)
{
    return str_eq(state, "sent")      ? "green"
           : str_eq(state, "failed")  ? "red"
           : str_eq(state, "dropped") ? "grey"
                                      : "blue";
}

static void queue_table(struct request *r, const struct mail_list *list)
{
    struct buf *b = &r->out;
    html_printf(b,
                "<div class=\"table-wrap\"><table class=\"table\"><thead><tr>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "</tr></thead><tbody>\n",
                _("Queued"), _("To"), _("Subject"), _("State"), _("Attempts"), _("Last error"));
    for (int i = 0; i < list->count; i++) {
        const struct mail *m = &list->items[i];
        html_raw(b, "<tr><td>");
        page_date(r, m->created_at);
        html_printf(b, "</td><td>%s</td><td>%s</td><td>", m->address,
                    *m->subject ? m->subject : _("(made when first sent)"));
        page_tag(r, state_colour(m->state), mail_state_label(m->state));
        html_printf(b, "</td><td>%lld</td><td>%s</td></tr>\n", (long long)m->attempts,
                    m->last_error);
    }
    html_raw(b, "</tbody></table></div>\n");
}

void admin_mail_page(struct request *r)
{
    enum status s = rights_admin(&r->ctx);
    if (s != STATUS_OK) {
        page_fail(r, s);
        return;
    }
    const char *state = request_query(r, "state");
    if (!mail_state_valid(state))
        state = NULL;
    struct listing l;
    table_listing(r, &l, 50);
    struct mail_list list;
    if (mail_list(&r->ctx, state, &l, &list) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    struct page page = {.title = _("Email"), .nav = "admin"};
    page_crumb(&page, _("Administration"), "/admin/accounts");
    page_crumb(&page, _("Email"), NULL);
    page_begin(r, &page);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n<p>%s</p>\n", _("Email"),
                mail_settings()
                    ? _("Email is on. Messages wait here until they are sent; one that fails is "
                        "tried again later, waiting longer each time, and is marked failed after "
                        "ten attempts or when the mail server refuses it for good.")
                    : _("Email is off: no mail server is configured (alliance serve "
                        "--smtp-url). Notifications stay in Alliance."));
    struct form_option options[6] = {{"", _("Every state")}};
    for (int i = 0; i < 5; i++)
        options[i + 1] = (struct form_option){states[i], mail_state_label(states[i])};
    html_raw(b, "<form class=\"filters\" method=\"get\" action=\"/admin/mail\">");
    table_filter_select(r, "state", _("State"), options, 6, state ? state : "");
    html_printf(b,
                "<div class=\"field\"><button class=\"button button--secondary\" "
                "type=\"submit\">%s</button></div></form>\n",
                _("Filter"));
    table_count(r, list.total, N_("%s message"), N_("%s messages"));
    if (list.count == 0)
        page_empty(r,
                   _("No messages here. Messages are queued when a notification is to be sent "
                     "by email, at once or in a digest."),
                   NULL, NULL);
    else
        queue_table(r, &list);
    table_pagination(r, &l, list.total);
    page_end(r, 200);
}
