/*
 * web/notification.c — the person's notifications (newest first, unread
 * marked, a button to mark them all read) and their choices of how to be told
 * of each kind.
 */
#include "domain/notification.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/discussion.h"
#include "domain/mail.h"
#include "web/form.h"
#include "web/html.h"
#include "web/page.h"
#include "web/table.h"
#include "web/web.h"

#include <stdio.h>
#include <string.h>

/* excerpt cuts text to about 80 bytes on a character boundary (arena). */
static const char *excerpt(struct arena *a, const char *text)
{
    size_t n = strlen(text);
    if (n <= 80)
        return text;
    n = 77;
    while (n > 0 && ((unsigned char)text[n] & 0xc0) == 0x80)
        n--;
    return arena_printf(a, "%.*s…", (int)n, text);
}

const char *notification_sentence(struct arena *a, const struct notification *n)
{
    if (str_eq(n->kind, "mention"))
        return n->actor_name
                   ? arena_printf(a, _("%s mentioned you in “%s”"), n->actor_name, n->title)
                   : arena_printf(a, _("You were mentioned in “%s”"), n->title);
    if (str_eq(n->kind, "reply"))
        return n->actor_name ? arena_printf(a, _("%s replied in “%s”"), n->actor_name, n->title)
                             : arena_printf(a, _("A new reply in “%s”"), n->title);
    if (str_eq(n->kind, "enquiry_assigned"))
        return n->actor_name ? arena_printf(a, _("%s gave you an enquiry to answer: “%s”"),
                                            n->actor_name, excerpt(a, n->title))
                             : arena_printf(a, _("An enquiry was given you to answer: “%s”"),
                                            excerpt(a, n->title));
    if (str_eq(n->kind, "action_due")) {
        char date[64];
        if (!n->due_on || clock_format_date(n->due_on, date, sizeof date) != 0)
            snprintf(date, sizeof date, "%s", n->due_on ? n->due_on : "");
        return arena_printf(a, _("Your action item “%s” is due on %s"), n->title, date);
    }
    if (str_eq(n->kind, "proposal"))
        return n->actor_name
                   ? arena_printf(a, _("%s opened the proposal “%s”"), n->actor_name, n->title)
                   : arena_printf(a, _("A proposal opened: “%s”"), n->title);
    if (str_eq(n->kind, "proposal_closing"))
        return arena_printf(a, _("The proposal “%s” closes within a day: you have not answered"),
                            n->title);
    return n->actor_name
               ? arena_printf(a, _("%s shared “%s” with your platform"), n->actor_name, n->title)
               : arena_printf(a, _("“%s” was shared with your platform"), n->title);
}

const char *notification_path(struct arena *a, const struct notification *n)
{
    if (str_eq(n->kind, "share"))
        return arena_printf(a, "/shares/%s", n->share_id);
    if (str_eq(n->kind, "enquiry_assigned"))
        return arena_printf(a, "/enquiries/%s", n->enquiry_id);
    if (str_eq(n->kind, "action_due"))
        return arena_printf(a, "/events/%s", n->event_id);
    if (n->proposal_id)
        return arena_printf(a, "/proposals/%s", n->proposal_id);
    return arena_printf(a, "/discussions/%s?from=%s#r-%s", n->discussion_id, n->reply_id,
                        n->reply_id);
}

/* notifications_render writes the page; p holds the problems of a mark-all
 * form that was not right (its status then 400). */
static void notifications_render(struct request *r, const struct problems *p)
{
    if (!r->ctx.viewer->account_key) {
        page_fail(r, STATUS_UNAUTHORIZED);
        return;
    }
    struct listing l;
    table_listing(r, &l, 30);
    struct notification_list list;
    if (notification_list(&r->ctx, &l, &list) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    struct page page = {.title = _("Notifications"), .nav = "notifications"};
    page_crumb(&page, _("Your account"), "/account");
    page_crumb(&page, _("Notifications"), NULL);
    page_begin(r, &page);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n<p><a href=\"/account/notifications\">%s</a></p>\n",
                _("Notifications"), _("Choose how you are told"));
    if (p && p->count)
        form_error_summary(r, p);
    table_count(r, list.total, N_("%s notification"), N_("%s notifications"));
    if (list.count == 0) {
        page_empty(r,
                   _("Nothing yet. You are told here when someone mentions you, replies in a "
                     "discussion you took part in, shares an item with your platform or gives "
                     "you an enquiry to answer, and when an action item of yours is due."),
                   NULL, NULL);
        page_end(r, p && p->count ? 400 : 200);
        return;
    }
    if (notification_unread(&r->ctx) > 0 || (p && p->count)) {
        form_begin(r, "/notifications/read", NULL);
        form_hidden(r, "read", "all");
        form_end(r, _("Mark all as read"), NULL, false);
    }
    html_raw(b, "<ul class=\"notifications\">");
    for (int i = 0; i < list.count; i++) {
        const struct notification *n = &list.items[i];
        html_raw(b, "<li>");
        if (!n->read_at) {
            page_tag(r, "blue", _("New"));
            html_raw(b, " ");
        }
        html_printf(b, "<a href=\"%s\">%s</a> <span class=\"muted small\">",
                    notification_path(&r->arena, n), notification_sentence(&r->arena, n));
        page_date(r, n->created_at);
        html_raw(b, "</span></li>\n");
    }
    html_raw(b, "</ul>\n");
    table_pagination(r, &l, list.total);
    page_end(r, p && p->count ? 400 : 200);
}

void notification_index_page(struct request *r)
{
    notifications_render(r, NULL);
}

void notification_read_post(struct request *r)
{
    if (r->ctx.viewer->account_key && !str_eq(request_form(r, "read"), "all")) {
        struct problems p = {0};
        problems_invalid(&p, "read", _("Use the button to mark every notification read"));
        notifications_render(r, &p);
        return;
    }
    enum status s = notification_read_all(&r->ctx);
    if (s == STATUS_OK)
        request_redirect(r, "/notifications");
    else
        page_fail(r, s);
}

static void preferences_form(struct request *r, const char **chosen, const struct problems *p,
                             bool saved)
{
    struct page page = {.title = _("How you are told"), .nav = "account"};
    page_crumb(&page, _("Your account"), "/account");
    page_crumb(&page, _("Notifications"), "/notifications");
    page_crumb(&page, _("How you are told"), NULL);
    page_begin(r, &page);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n<p>%s</p>\n", _("How you are told"),
                mail_settings()
                    ? _("For each kind of notification, choose when you hear of it. Every "
                        "notification is shown in Alliance; it is also sent to your email "
                        "address at once, or gathered in a digest sent once a day or once a "
                        "week. Never means no notification at all.")
                    : _("For each kind of notification, choose when you hear of it. This "
                        "installation sends no email, so notifications are shown in Alliance "
                        "only; the digests are kept as your choice for when it does. Never "
                        "means no notification at all."));
    if (saved)
        html_printf(b, "<p class=\"lead\" role=\"status\">%s</p>\n", _("Your choices are saved."));
    static const char *const deliveries[] = {"now", "daily", "weekly", "never"};
    struct form_option options[4];
    for (int i = 0; i < 4; i++) {
        options[i].value = deliveries[i];
        options[i].label = notification_delivery_label(deliveries[i]);
    }
    form_begin(r, "/account/notifications", p);
    for (int i = 0; i < NOTIFICATION_KINDS; i++)
        form_select(r, p, notification_kinds[i], notification_kind_label(notification_kinds[i]),
                    NULL, options, 4, chosen[i]);
    form_end(r, _("Save your choices"), "/notifications", false);
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void notification_preferences_page(struct request *r)
{
    if (!r->ctx.viewer->person_key) {
        page_fail(r, r->ctx.viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED);
        return;
    }
    const char *chosen[NOTIFICATION_KINDS];
    for (int i = 0; i < NOTIFICATION_KINDS; i++)
        chosen[i] = notification_delivery(&r->ctx, notification_kinds[i]);
    preferences_form(r, chosen, NULL, request_query(r, "saved") != NULL);
}

void notification_preferences_post(struct request *r)
{
    if (!r->ctx.viewer->person_key) {
        page_fail(r, r->ctx.viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED);
        return;
    }
    const char *chosen[NOTIFICATION_KINDS];
    struct problems p = {0};
    enum status s = STATUS_OK;
    for (int i = 0; i < NOTIFICATION_KINDS; i++) {
        /* A kind the form leaves out keeps its choice. */
        chosen[i] = request_form(r, notification_kinds[i]);
        if (!chosen[i])
            chosen[i] = notification_delivery(&r->ctx, notification_kinds[i]);
        else if (!notification_delivery_valid(chosen[i]))
            problems_invalid(&p, notification_kinds[i],
                             _("Choose at once, daily digest, weekly digest or never"));
    }
    for (int i = 0; !p.count && s == STATUS_OK && i < NOTIFICATION_KINDS; i++)
        s = notification_delivery_set(&r->ctx, notification_kinds[i], chosen[i], &p);
    if (p.count)
        preferences_form(r, chosen, &p, false);
    else if (s == STATUS_OK)
        request_redirect(r, "/account/notifications?saved=1");
    else
        page_fail(r, s);
}
