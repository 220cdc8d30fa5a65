/*
 * web/discussion.c — discussions as pages: a platform's threads, a thread a
 * page of replies at a time (with the link to the reader's first unread
 * reply and the reply form on its last page), starting a stand-alone thread
 * or the thread of a lesson, journal entry or document, replying (quoting
 * a reply), editing one's reply, its history, and hiding a reply with a
 * reason. The discussion section of an item's page is here too.
 */
#include "domain/discussion.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/document.h"
#include "domain/entry.h"
#include "domain/lesson.h"
#include "domain/platform.h"
#include "domain/rights.h"
#include "web/form.h"
#include "web/html.h"
#include "web/load.h"
#include "web/page.h"
#include "web/table.h"
#include "web/web.h"

#include <string.h>

#define BODY_HINT                                                                                  \
    _("You can use Markdown. Mention someone with @[Their Name]: they are told if they may read "  \
      "this discussion.")

/* item_path: where an item kind's pages live. */
static const char *item_path(const char *kind)
{
    if (str_eq(kind, "lesson"))
        return "/lessons/";
    if (str_eq(kind, "entry"))
        return "/entries/";
    if (str_eq(kind, "document"))
        return "/documents/";
    if (str_eq(kind, "event"))
        return "/events/";
    if (str_eq(kind, "share"))
        return "/shares/";
    if (str_eq(kind, "question"))
        return "/questions/";
    return "/discussions/";
}

static const char *visibility_label(const char *visibility)
{
    return lesson_visibility_label(visibility);
}

void discussion_crumbs(struct request *r, struct page *p, const struct discussion *d, bool current)
{
    page_crumb(p, _("Alliances"), "/");
    page_crumb(p, d->alliance_name, page_href(r, "/alliances/", d->alliance_slug, ""));
    page_crumb(p, d->platform_name, page_href(r, "/platforms/", d->platform_id, ""));
    if (d->item_id)
        page_crumb(p, d->title, page_href(r, item_path(d->item_kind), d->item_id, ""));
    else
        page_crumb(p, _("Discussions"),
                   page_href(r, "/platforms/", d->platform_id, "/discussions"));
    page_crumb(p, _("Discussion"), current ? NULL : page_href(r, "/discussions/", d->id, ""));
}

/* reply_href is the address of a reply: the page of its thread that starts
 * with it, at the reply. */
static char *reply_href(struct request *r, const struct reply *rp)
{
    return arena_printf(&r->arena, "%s?from=%s#r-%s",
                        page_href(r, "/discussions/", rp->discussion_id, ""), rp->id, rp->id);
}

/* when writes an instant as its date and UTC time. */
static void when(struct request *r, const char *iso)
{
    page_date(r, iso);
    if (iso && strlen(iso) >= 16)
        html_printf(&r->out, " %s", arena_printf(&r->arena, "%.5s", iso + 11));
}

/* reply_quote writes the quoted reply above a reply (or a form). */
static void reply_quote(struct request *r, const struct reply *rp)
{
    if (!rp->quote_key)
        return;
    struct buf *b = &r->out;
    html_raw(b, "<blockquote class=\"quote\"><p class=\"small\">");
    if (rp->quote_hidden) {
        html_printf(b, "%s</p></blockquote>", _("Quoting a reply that was hidden."));
        return;
    }
    html_printf(b, "<a href=\"%s?from=%s#r-%s\">%s</a>",
                page_href(r, "/discussions/", rp->discussion_id, ""), rp->quote_id, rp->quote_id,
                rp->quote_author_name
                    ? arena_printf(&r->arena, _("%s wrote:"), rp->quote_author_name)
                    : _("A reply said:"));
    html_printf(b, "</p><p>%s</p></blockquote>", str_shorten(&r->arena, rp->quote_body, 300));
}

/* reply_article writes one reply with its actions. */
static void reply_article(struct request *r, const struct discussion *d, const struct reply *rp,
                          bool moderator, bool may_reply)
{
    struct buf *b = &r->out;
    html_printf(b, "<article class=\"reply\" id=\"r-%s\"><p class=\"small\"><strong>", rp->id);
    if (rp->author_id)
        html_printf(b, "<a href=\"%s\">%s</a>", page_href(r, "/people/", rp->author_id, ""),
                    rp->author_name);
    else
        html_text(b, _("Someone"));
    html_raw(b, "</strong> · ");
    when(r, rp->created_at);
    if (rp->edited_at)
        html_printf(b, " · <a href=\"%s\">%s</a>", page_href(r, "/replies/", rp->id, "/history"),
                    _("edited"));
    html_raw(b, "</p>");
    if (rp->hidden_at) {
        html_printf(b, "<p class=\"muted\">%s</p>",
                    arena_printf(&r->arena, _("Hidden by a facilitator: %s"), rp->hidden_reason));
        if (moderator) {
            html_printf(b, "<details><summary>%s</summary><div class=\"prose\">",
                        _("Show the hidden words (facilitators only)"));
            html_markdown(b, reply_markdown(&r->ctx, rp));
            html_raw(b, "</div></details>");
        }
        html_raw(b, "</article>\n");
        return;
    }
    reply_quote(r, rp);
    html_raw(b, "<div class=\"prose\">");
    html_markdown(b, reply_markdown(&r->ctx, rp));
    html_raw(b, "</div><p class=\"small\">");
    if (may_reply)
        html_printf(b, "<a href=\"%s?quote=%s\">%s</a> ",
                    page_href(r, "/discussions/", d->id, "/reply"), rp->id, _("Quote"));
    if (reply_may_edit(&r->ctx, rp))
        html_printf(b, "<a href=\"%s\">%s</a> ", page_href(r, "/replies/", rp->id, "/edit"),
                    _("Edit"));
    if (moderator)
        html_printf(b, "<a href=\"%s\">%s</a>", page_href(r, "/replies/", rp->id, "/hide"),
                    _("Hide"));
    html_raw(b, "</p></article>\n");
}

/* reply_form writes the form that adds a reply to a thread. */
static void reply_form(struct request *r, const char *action, const char *quote_id,
                       const char *body, const struct problems *p)
{
    form_begin(r, action, p);
    if (quote_id)
        form_hidden(r, "quote", quote_id);
    form_textarea(r, p, "body", _("Your reply"), BODY_HINT, body, 6);
    form_end(r, _("Post the reply"), NULL, false);
}

static void thread_heading(struct request *r, const struct discussion *d)
{
    struct buf *b = &r->out;
    html_printf(b, "<p class=\"caption\">%s</p><h1>%s</h1>\n",
                d->item_id
                    ? arena_printf(&r->arena, _("Discussion of a %s"),
                                   str_lower_ascii(&r->arena, discussion_kind_label(d->item_kind)))
                    : _("Discussion"),
                d->title);
    if (d->item_id)
        html_printf(b, "<p><a href=\"%s\">%s</a></p>\n",
                    page_href(r, item_path(d->item_kind), d->item_id, ""),
                    arena_printf(&r->arena, _("Read the %s"),
                                 str_lower_ascii(&r->arena, discussion_kind_label(d->item_kind))));
    else {
        html_raw(b, "<ul class=\"tags\"><li>");
        page_tag(r, "blue", visibility_label(d->visibility));
        html_raw(b, "</li></ul>\n");
    }
}

/* grouped writes n with its thousands separated by commas, in the arena. */
static const char *grouped(struct request *r, int64_t n)
{
    struct buf b;
    buf_init(&b, 64);
    html_int(&b, n);
    const char *out = arena_strdup(&r->arena, b.data ? b.data : "");
    buf_free(&b);
    return out;
}

/* thread_pager writes the links between pages of replies, in a landmark
 * named label. */
static void thread_pager(struct request *r, const struct discussion *d, const struct reply_page *pg,
                         const char *label)
{
    struct buf *b = &r->out;
    if (!pg->previous_id && !pg->next_id)
        return;
    html_printf(b, "<nav class=\"pagination\" aria-label=\"%s\"><ul>", label);
    const char *base = page_href(r, "/discussions/", d->id, "");
    if (pg->previous_id)
        html_printf(b, "<li><a href=\"%s\">%s</a></li><li><a href=\"%s?before=%s\">%s</a></li>",
                    base, _("First"), base, pg->previous_id, _("Previous"));
    html_printf(b, "<li class=\"pagination__status\">%s</li>",
                arena_printf(&r->arena, _("Replies %s to %s of %s"), grouped(r, pg->first_position),
                             grouped(r, pg->first_position + pg->count - 1),
                             grouped(r, d->reply_count)));
    if (pg->next_id)
        html_printf(b,
                    "<li><a href=\"%s?from=%s\">%s</a></li><li><a href=\"%s?last=1\">%s</a></li>",
                    base, pg->next_id, _("Next"), base, _("Latest"));
    html_raw(b, "</ul></nav>\n");
}

/* The most bytes of replies a page holds, so that with its frame it stays
 * under 30 KB (UI.md) however long the replies are; a page shows at least
 * one reply. */
#define REPLIES_BUDGET (22 * 1024)

/* replies_render writes the replies of a page into out (the caller frees
 * it), as many as the budget holds: the first ones of a page read forwards,
 * the last ones of a page read backwards (the last page, or the page before
 * a reply); the page is trimmed to what was kept, its links moved to match. */
static void replies_render(struct request *r, const struct discussion *d, struct reply_page *pg,
                           bool backwards, bool moderator, bool may_reply, struct buf *out)
{
    struct buf saved = r->out;
    buf_init(&r->out, saved.cap);
    size_t *at = arena_array(&r->arena, (size_t)pg->count + 1, sizeof *at);
    for (int i = 0; i < pg->count; i++) {
        at[i] = r->out.len;
        reply_article(r, d, &pg->items[i], moderator, may_reply);
    }
    at[pg->count] = r->out.len;
    struct buf all = r->out;
    r->out = saved;
    int first = 0, end = pg->count;
    if (backwards)
        while (end - first > 1 && at[end] - at[first] > REPLIES_BUDGET)
            first++;
    else
        while (end - first > 1 && at[end] - at[first] > REPLIES_BUDGET)
            end--;
    buf_init(out, saved.cap);
    if (at[end] > at[first])
        buf_append(out, all.data + at[first], at[end] - at[first]);
    buf_free(&all);
    if (end < pg->count)
        pg->next_id = pg->items[end].id;
    if (first > 0) {
        pg->previous_id = pg->items[first].id;
        pg->first_position += first;
    }
    pg->items += first;
    pg->count = end - first;
}

void discussion_page(struct request *r)
{
    struct discussion *d;
    enum status s = discussion_find(&r->ctx, request_capture(r, 0), &d);
    if (!page_allowed(r, s))
        return;
    struct reply_cursor cur = {.from_id = request_query(r, "from"),
                               .before_id = request_query(r, "before"),
                               .last = request_query(r, "last") != NULL};
    struct reply_page pg;
    s = discussion_replies(&r->ctx, d, &cur, &pg);
    if (!page_allowed(r, s))
        return;
    struct page p = {.title = d->title, .context = d->alliance_name};
    discussion_crumbs(r, &p, d, true);
    page_begin(r, &p);
    struct buf *b = &r->out;
    thread_heading(r, d);
    bool may_reply = discussion_may_reply(&r->ctx, d);
    bool moderator = discussion_may_moderate(&r->ctx, d);
    if (r->ctx.viewer->person_key && d->unread > 0 && d->read_key && d->first_unread_id)
        html_printf(b, "<p><a href=\"%s?from=%s#r-%s\">%s</a></p>\n",
                    page_href(r, "/discussions/", d->id, ""), d->first_unread_id,
                    d->first_unread_id,
                    arena_printf(&r->arena, _("Go to the first unread reply (%lld unread)"),
                                 (long long)d->unread));
    if (!cur.from_id && !cur.before_id)
        proposal_section(r, d);
    struct buf replies;
    bool backwards = cur.before_id || cur.last;
    replies_render(r, d, &pg, backwards, moderator, may_reply, &replies);
    thread_pager(r, d, &pg, _("Pages of replies, above"));
    if (pg.count == 0)
        page_empty(r, _("No replies yet."), NULL, NULL);
    html_raw(b, replies.data ? replies.data : "");
    buf_free(&replies);
    thread_pager(r, d, &pg, _("Pages of replies, below"));
    if (!pg.next_id && may_reply) {
        html_printf(b, "<h2 id=\"reply\">%s</h2>\n", _("Reply"));
        reply_form(r, page_href(r, "/discussions/", d->id, ""), NULL, NULL, NULL);
    } else if (!pg.next_id && !r->ctx.viewer->account_key) {
        html_printf(b, "<p><a href=\"%s\">%s</a></p>\n",
                    page_href(r, "/sign-in?next=/discussions/", d->id, ""), _("Sign in to reply"));
    }
    if (pg.count)
        discussion_mark_read(&r->ctx, d, pg.items[pg.count - 1].key);
    page_end(r, 200);
}

/* reply_form_page shows the reply form on a page of its own: quoting a
 * reply, or with the problems of a reply that was not posted. */
static void reply_form_page(struct request *r, const struct discussion *d,
                            const struct reply *quoted, const char *body, const struct problems *p)
{
    struct page page = {.title = _("Reply"), .context = d->alliance_name};
    discussion_crumbs(r, &page, d, false);
    page_crumb(&page, _("Reply"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n<p>%s</p>\n", _("Reply"),
                arena_printf(&r->arena, _("In the discussion of “%s”."), d->title));
    if (quoted) {
        struct reply shown = {.discussion_id = d->id,
                              .quote_key = quoted->key,
                              .quote_id = quoted->id,
                              .quote_author_name = quoted->author_name,
                              .quote_body = quoted->body,
                              .quote_hidden = quoted->hidden_at != NULL};
        reply_quote(r, &shown);
    }
    reply_form(r, page_href(r, "/discussions/", d->id, ""), quoted ? quoted->id : NULL, body, p);
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void discussion_reply_page(struct request *r)
{
    struct discussion *d;
    enum status s = discussion_find(&r->ctx, request_capture(r, 0), &d);
    if (!page_allowed(r, s))
        return;
    if (!discussion_may_reply(&r->ctx, d)) {
        page_fail(r, r->ctx.viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED);
        return;
    }
    struct reply *quoted = NULL;
    const char *quote = request_query(r, "quote");
    if (quote) {
        struct discussion *of;
        if (!page_allowed(r, reply_find(&r->ctx, quote, &quoted, &of)))
            return;
        if (of->key != d->key) {
            page_not_found(r);
            return;
        }
    }
    reply_form_page(r, d, quoted, NULL, NULL);
}

void discussion_reply_post(struct request *r)
{
    struct discussion *d;
    enum status s = discussion_find(&r->ctx, request_capture(r, 0), &d);
    if (!page_allowed(r, s))
        return;
    struct problems p = {0};
    struct reply *rp;
    const char *body = request_form(r, "body");
    const char *quote = request_form(r, "quote");
    s = reply_create(&r->ctx, d, body, quote, &p, &rp);
    if (s == STATUS_OK) {
        request_redirect(r, arena_printf(&r->arena, "%s#r-%s",
                                         page_href(r, "/discussions/", d->id, "?last=1"), rp->id));
    } else if (p.count) {
        struct reply *quoted = NULL;
        struct discussion *of;
        if (!str_empty(quote) && reply_find(&r->ctx, quote, &quoted, &of) != STATUS_OK)
            quoted = NULL;
        reply_form_page(r, d, quoted, body, &p);
    } else {
        page_fail(r, s);
    }
}

/* reply_load loads the reply of the address with its thread, or answers. */
static struct reply *reply_load(struct request *r, struct discussion **d)
{
    struct reply *rp;
    return page_allowed(r, reply_find(&r->ctx, request_capture(r, 0), &rp, d)) ? rp : NULL;
}

void reply_page(struct request *r)
{
    struct discussion *d;
    struct reply *rp = reply_load(r, &d);
    if (rp)
        request_redirect(r, arena_printf(&r->arena, "%s?from=%s#r-%s",
                                         page_href(r, "/discussions/", d->id, ""), rp->id, rp->id));
}

static void reply_edit_form(struct request *r, const struct discussion *d, const struct reply *rp,
                            const char *body, const struct problems *p)
{
    struct page page = {.title = _("Edit your reply"), .context = d->alliance_name};
    discussion_crumbs(r, &page, d, false);
    page_crumb(&page, _("Edit"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n<p>%s</p>\n", _("Edit your reply"),
                _("The earlier wording stays in the reply's history, which others can read."));
    form_begin(r, page_href(r, "/replies/", rp->id, "/edit"), p);
    form_textarea(r, p, "body", _("Your reply"), BODY_HINT, body, 8);
    form_end(r, _("Save changes"), reply_href(r, rp), false);
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void reply_edit_page(struct request *r)
{
    struct discussion *d;
    struct reply *rp = reply_load(r, &d);
    if (!rp)
        return;
    if (!reply_may_edit(&r->ctx, rp)) {
        page_fail(r, r->ctx.viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED);
        return;
    }
    reply_edit_form(r, d, rp, rp->body, NULL);
}

void reply_edit_post(struct request *r)
{
    struct discussion *d;
    struct reply *rp = reply_load(r, &d);
    if (!rp)
        return;
    struct problems p = {0};
    const char *body = request_form(r, "body");
    enum status s = reply_update(&r->ctx, d, rp, body, &p);
    if (s == STATUS_OK)
        request_redirect(r, reply_href(r, rp));
    else if (p.count)
        reply_edit_form(r, d, rp, body, &p);
    else
        page_fail(r, s);
}

void reply_history_page(struct request *r)
{
    struct discussion *d;
    struct reply *rp = reply_load(r, &d);
    if (!rp)
        return;
    struct reply_revision_list list;
    if (!page_allowed(r, reply_revisions(&r->ctx, d, rp, &list)))
        return;
    struct page page = {.title = _("History of a reply"), .context = d->alliance_name};
    discussion_crumbs(r, &page, d, false);
    page_crumb(&page, _("History"), NULL);
    page_begin(r, &page);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n<p><a href=\"%s\">%s</a></p>\n", _("History of a reply"),
                reply_href(r, rp), _("Back to the reply"));
    if (list.count == 0)
        page_empty(r, _("This reply has not been edited."), NULL, NULL);
    for (int i = 0; i < list.count; i++) {
        const struct reply_revision *v = &list.items[i];
        html_raw(b, "<article class=\"reply\"><p class=\"small\">");
        html_text(b, _("Written"));
        html_raw(b, " ");
        when(r, v->written_at);
        html_printf(b, " · %s ", _("replaced"));
        when(r, v->replaced_at);
        html_raw(b, "</p><div class=\"prose\">");
        html_markdown(b, v->body);
        html_raw(b, "</div></article>\n");
    }
    if (!rp->hidden_at) {
        html_printf(b, "<h2>%s</h2><div class=\"prose\">", _("Now"));
        html_markdown(b, reply_markdown(&r->ctx, rp));
        html_raw(b, "</div>\n");
    }
    page_end(r, 200);
}

static void reply_hide_form(struct request *r, const struct discussion *d, const struct reply *rp,
                            const char *reason, const struct problems *p)
{
    struct page page = {.title = _("Hide a reply"), .context = d->alliance_name};
    discussion_crumbs(r, &page, d, false);
    page_crumb(&page, _("Hide"), NULL);
    page_begin(r, &page);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n<p>%s</p>\n", _("Hide a reply"),
                _("Readers will see that a facilitator hid it, and why. The words are kept: "
                  "facilitators can still read them, and the audit trail records who hid it."));
    html_raw(b, "<div class=\"inset\">");
    html_markdown(b, rp->body);
    html_raw(b, "</div>\n");
    form_begin(r, page_href(r, "/replies/", rp->id, "/hide"), p);
    form_input(r, p, "hidden_reason", _("Reason"),
               _("Such as: a personal attack, or details of a person that should not be here."),
               reason, "text", false);
    form_end(r, _("Hide the reply"), reply_href(r, rp), true);
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void reply_hide_page(struct request *r)
{
    struct discussion *d;
    struct reply *rp = reply_load(r, &d);
    if (!rp || !page_allowed(r, rights_on_platform(&r->ctx, d->platform_key, RIGHT_MODERATE)))
        return;
    if (rp->hidden_at) {
        page_error(r, 409, _("This reply is hidden already."));
        return;
    }
    reply_hide_form(r, d, rp, NULL, NULL);
}

void reply_hide_post(struct request *r)
{
    struct discussion *d;
    struct reply *rp = reply_load(r, &d);
    if (!rp)
        return;
    struct problems p = {0};
    const char *reason = request_form(r, "hidden_reason");
    enum status s = reply_hide(&r->ctx, d, rp, reason, &p);
    if (s == STATUS_OK)
        request_redirect(r, reply_href(r, rp));
    else if (p.count)
        reply_hide_form(r, d, rp, reason, &p);
    else if (s == STATUS_CONFLICT)
        page_error(r, 409, _("This reply is hidden already."));
    else
        page_fail(r, s);
}

/* A platform's discussions. */

static void discussions_table(struct request *r, const struct discussion_list *list,
                              const struct listing *l)
{
    struct buf *b = &r->out;
    html_raw(b, "<div class=\"table-wrap\"><table class=\"table\"><thead><tr>");
    html_printf(b, "<th scope=\"col\">%s</th>", _("Discussion"));
    table_sort_header(r, l, "replies", _("Replies"), true);
    table_sort_header(r, l, "active", _("Last reply"), false);
    html_raw(b, "</tr></thead><tbody>\n");
    for (int i = 0; i < list->count; i++) {
        const struct discussion *d = &list->items[i];
        html_printf(b, "<tr><td><a href=\"%s\">%s</a> <span class=\"muted small\">%s</span>",
                    page_href(r, "/discussions/", d->id, ""), d->title,
                    discussion_kind_label(d->item_kind));
        if (r->ctx.viewer->person_key && d->read_key && d->unread > 0)
            html_printf(b, " <a class=\"small\" href=\"%s?from=%s#r-%s\">%s</a>",
                        page_href(r, "/discussions/", d->id, ""), d->first_unread_id,
                        d->first_unread_id,
                        arena_printf(&r->arena, _("%lld unread"), (long long)d->unread));
        html_raw(b, "</td><td class=\"numeric\">");
        html_int(b, d->reply_count);
        html_raw(b, "</td><td>");
        if (d->last_reply_at)
            page_date(r, d->last_reply_at);
        html_raw(b, "</td></tr>\n");
    }
    html_raw(b, "</tbody></table></div>\n");
    table_pagination(r, l, list->total);
}

void platform_discussions_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    struct listing l;
    table_listing(r, &l, 30);
    struct discussion_filter f = {.platform_key = pl->key};
    struct discussion_list list;
    if (discussion_list(&r->ctx, &f, &l, &list) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    struct page p = {.title = _("Discussions"), .context = pl->alliance_name};
    page_crumb(&p, _("Alliances"), "/");
    page_crumb(&p, pl->alliance_name, page_href(r, "/alliances/", pl->alliance_slug, ""));
    page_crumb(&p, pl->name, page_href(r, "/platforms/", pl->id, ""));
    page_crumb(&p, _("Discussions"), NULL);
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n", arena_printf(&r->arena, _("Discussions of %s"), pl->name));
    bool may = discussion_may_start(&r->ctx, pl->key);
    char *add = page_href(r, "/platforms/", pl->id, "/discussions/new");
    if (may)
        html_printf(b, "<p><a class=\"button\" href=\"%s\">%s</a></p>\n", add,
                    _("Start a discussion"));
    table_count(r, list.total, N_("%s discussion"), N_("%s discussions"));
    if (list.count == 0)
        page_empty(r,
                   _("No discussions yet. Start one, or discuss a lesson, a journal entry or a "
                     "document from its page."),
                   may ? add : NULL, _("Start a discussion"));
    else
        discussions_table(r, &list, &l);
    page_end(r, 200);
}

static void discussion_new_form(struct request *r, const struct platform *pl,
                                const struct discussion *d, const char *body,
                                const struct problems *p)
{
    struct page page = {.title = _("Start a discussion"), .context = pl->alliance_name};
    page_crumb(&page, _("Alliances"), "/");
    page_crumb(&page, pl->alliance_name, page_href(r, "/alliances/", pl->alliance_slug, ""));
    page_crumb(&page, pl->name, page_href(r, "/platforms/", pl->id, ""));
    page_crumb(&page, _("Start a discussion"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n", _("Start a discussion"));
    form_begin(r, page_href(r, "/platforms/", pl->id, "/discussions/new"), p);
    form_input(r, p, "title", _("Title"), _("What the discussion is about, in a few words."),
               d->title, "text", false);
    static const char *const levels[] = {"platform", "alliance", "public"};
    struct form_option vis[3];
    for (int i = 0; i < 3; i++) {
        vis[i].value = levels[i];
        vis[i].label = visibility_label(levels[i]);
    }
    form_select(r, p, "visibility", _("Who may read it"), NULL, vis, 3, d->visibility);
    form_textarea(r, p, "body", _("Your first message"), BODY_HINT, body, 8);
    form_end(r, _("Start the discussion"), page_href(r, "/platforms/", pl->id, "/discussions"),
             false);
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void discussion_new_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl || !page_allowed(r, rights_on_platform(&r->ctx, pl->key, RIGHT_WRITE_ITEMS)))
        return;
    struct discussion d = {.visibility = "platform"};
    discussion_new_form(r, pl, &d, NULL, NULL);
}

void discussion_create_post(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    struct discussion d = {.title = (char *)request_form(r, "title"),
                           .visibility = (char *)request_form(r, "visibility")};
    const char *body = request_form(r, "body");
    struct problems p = {0};
    enum status s = discussion_start(&r->ctx, &d, pl->id, body, &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/discussions/", d.id, ""));
    else if (p.count)
        discussion_new_form(r, pl, &d, body, &p);
    else
        page_fail(r, s);
}

/* The thread of an item. */

/* item_load reads the item of the address (kind from the route): its key,
 * id and title. Answers and returns false when the viewer may not read it. */
static bool item_load(struct request *r, const char *kind, int64_t *key, const char **id,
                      const char **title)
{
    struct discussion_item item;
    enum status s = discussion_item_find(&r->ctx, kind, request_capture(r, 0), &item);
    if (s == STATUS_OK)
        *key = item.key, *id = item.id, *title = item.title;
    return page_allowed(r, s);
}

static void item_start_form(struct request *r, const char *kind, const char *id, const char *title,
                            const char *body, const struct problems *p)
{
    struct page page = {.title = _("Start the discussion")};
    page_crumb(&page, title, page_href(r, item_path(kind), id, ""));
    page_crumb(&page, _("Start the discussion"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n<p>%s</p>\n", _("Start the discussion"),
                arena_printf(&r->arena,
                             _("About “%s”. Whoever may read it may read the discussion."), title));
    form_begin(r, page_href(r, item_path(kind), id, "/discussion"), p);
    form_textarea(r, p, "body", _("Your first message"), BODY_HINT, body, 8);
    form_end(r, _("Start the discussion"), page_href(r, item_path(kind), id, ""), false);
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

static void item_discussion_get(struct request *r, const char *kind)
{
    int64_t key = 0;
    const char *id = NULL, *title = NULL;
    if (!item_load(r, kind, &key, &id, &title))
        return;
    struct discussion *d;
    if (discussion_of_item(&r->ctx, kind, key, &d) == STATUS_OK) {
        request_redirect(r, page_href(r, "/discussions/", d->id, ""));
        return;
    }
    if (!r->ctx.viewer->person_key) {
        page_fail(r, r->ctx.viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED);
        return;
    }
    item_start_form(r, kind, id, title, NULL, NULL);
}

static void item_discussion_post(struct request *r, const char *kind)
{
    int64_t key = 0;
    const char *id = NULL, *title = NULL;
    if (!item_load(r, kind, &key, &id, &title))
        return;
    const char *body = request_form(r, "body");
    struct problems p = {0};
    struct discussion *d;
    enum status s = discussion_start_on_item(&r->ctx, kind, id, body, &p, &d);
    if (s == STATUS_CONFLICT && discussion_of_item(&r->ctx, kind, key, &d) == STATUS_OK)
        s = reply_create(&r->ctx, d, body, NULL, &p, &(struct reply *){NULL});
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/discussions/", d->id, "?last=1"));
    else if (p.count)
        item_start_form(r, kind, id, title, body, &p);
    else
        page_fail(r, s);
}

void lesson_discussion_page(struct request *r)
{
    item_discussion_get(r, "lesson");
}

void lesson_discussion_post(struct request *r)
{
    item_discussion_post(r, "lesson");
}

void entry_discussion_page(struct request *r)
{
    item_discussion_get(r, "entry");
}

void entry_discussion_post(struct request *r)
{
    item_discussion_post(r, "entry");
}

void document_discussion_page(struct request *r)
{
    item_discussion_get(r, "document");
}

void document_discussion_post(struct request *r)
{
    item_discussion_post(r, "document");
}

void event_discussion_page(struct request *r)
{
    item_discussion_get(r, "event");
}

void event_discussion_post(struct request *r)
{
    item_discussion_post(r, "event");
}

void share_discussion_page(struct request *r)
{
    item_discussion_get(r, "share");
}

void share_discussion_post(struct request *r)
{
    item_discussion_post(r, "share");
}

void question_discussion_page(struct request *r)
{
    item_discussion_get(r, "question");
}

void question_discussion_post(struct request *r)
{
    item_discussion_post(r, "question");
}

void discussion_item_section(struct request *r, const char *kind, int64_t key, const char *id)
{
    struct buf *b = &r->out;
    html_printf(b, "<h2 id=\"discussion\">%s</h2>\n", _("Discussion"));
    struct discussion *d;
    if (discussion_of_item(&r->ctx, kind, key, &d) != STATUS_OK) {
        html_printf(b, "<p>%s", _("No one has discussed it yet."));
        if (r->ctx.viewer->person_key)
            html_printf(b, " <a href=\"%s\">%s</a>",
                        page_href(r, item_path(kind), id, "/discussion"),
                        _("Start the discussion"));
        html_raw(b, "</p>\n");
        return;
    }
    html_printf(b, "<p><a href=\"%s\">%s</a>", page_href(r, "/discussions/", d->id, ""),
                arena_printf(&r->arena,
                             d->reply_count == 1 ? _("Read the discussion (%lld reply)")
                                                 : _("Read the discussion (%lld replies)"),
                             (long long)d->reply_count));
    if (r->ctx.viewer->person_key && d->read_key && d->unread > 0)
        html_printf(b, " · <a href=\"%s?from=%s#r-%s\">%s</a>",
                    page_href(r, "/discussions/", d->id, ""), d->first_unread_id,
                    d->first_unread_id,
                    arena_printf(&r->arena, _("%lld unread"), (long long)d->unread));
    html_raw(b, "</p>\n");
}

void discussion_platform_section(struct request *r, const struct platform *pl)
{
    struct listing l;
    listing_default(&l);
    l.limit = 5;
    struct discussion_filter f = {.platform_key = pl->key};
    struct discussion_list list;
    if (discussion_list(&r->ctx, &f, &l, &list) != STATUS_OK)
        return;
    struct buf *b = &r->out;
    html_printf(b, "<h2 id=\"discussions\">%s</h2>\n", _("Discussions"));
    bool may = discussion_may_start(&r->ctx, pl->key);
    char *add = page_href(r, "/platforms/", pl->id, "/discussions/new");
    if (list.count) {
        html_raw(b, "<ul>");
        for (int i = 0; i < list.count; i++) {
            const struct discussion *d = &list.items[i];
            html_printf(b, "<li><a href=\"%s\">%s</a> <span class=\"muted small\">%s</span></li>",
                        page_href(r, "/discussions/", d->id, ""), d->title,
                        arena_printf(&r->arena,
                                     d->reply_count == 1 ? _("%lld reply") : _("%lld replies"),
                                     (long long)d->reply_count));
        }
        html_raw(b, "</ul>\n");
    }
    html_printf(b, "<p><a href=\"%s\">%s</a>", page_href(r, "/platforms/", pl->id, "/discussions"),
                list.total
                    ? arena_printf(&r->arena, _("See all %lld discussions"), (long long)list.total)
                    : _("No discussions yet"));
    if (may)
        html_printf(b, " · <a href=\"%s\">%s</a>", add, _("Start a discussion"));
    html_raw(b, "</p>\n");
}
