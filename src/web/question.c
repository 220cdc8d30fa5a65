/*
 * web/question.c — the learning agenda as pages: an alliance's questions
 * (filtered by status, paged), a question's page (the question, its cycles by
 * platform, the events, lessons and documents linked to it, with a form to
 * link more), and the forms to raise, edit and delete a question. Cycles'
 * own pages are in web/cycle.c.
 */
#include "domain/question.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/cycle.h"
#include "domain/document.h"
#include "domain/event.h"
#include "domain/lesson.h"
#include "domain/platform.h"
#include "domain/rights.h"
#include "domain/share.h"
#include "web/form.h"
#include "web/html.h"
#include "web/load.h"
#include "web/page.h"
#include "web/table.h"
#include "web/web.h"

#include <string.h>

static const char *status_colour(const char *status)
{
    return str_eq(status, "answered")    ? "green"
           : str_eq(status, "exploring") ? "blue"
           : str_eq(status, "set_aside") ? "grey"
                                         : "yellow";
}

void question_status_tag(struct request *r, const char *status)
{
    page_tag(r, status_colour(status), question_status_label(status));
}

/* status_options lists the statuses for a select, after an empty choice. */
static struct form_option *status_options(struct request *r, const char *empty)
{
    struct form_option *o = arena_array(&r->arena, 5, sizeof *o);
    o[0].value = "";
    o[0].label = empty;
    for (int i = 0; question_statuses[i]; i++) {
        o[i + 1].value = question_statuses[i];
        o[i + 1].label = question_status_label(question_statuses[i]);
    }
    return o;
}

/* may_raise_any: the first platform of the alliance the viewer may raise a
 * question on, or NULL. */
static const struct platform *may_raise_any(struct request *r, const struct platform_list *tree)
{
    for (int i = 0; i < tree->count; i++)
        if (question_may_raise(&r->ctx, tree->items[i].key))
            return &tree->items[i];
    return NULL;
}

void alliance_questions_page(struct request *r)
{
    struct alliance *a = load_alliance(r, request_capture(r, 0));
    if (!a)
        return;
    struct listing l;
    table_listing(r, &l, 30);
    struct question_filter f = {.alliance_key = a->key};
    const char *status = request_query(r, "status");
    if (question_status_valid(status))
        f.status = status;
    struct platform_list tree;
    if (platform_tree(&r->ctx, a->key, 200, &tree) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    struct page p = {.title = _("Learning agenda"), .context = a->name, .nav = "alliances"};
    page_crumb(&p, _("Alliances"), "/");
    page_crumb(&p, a->name, page_href(r, "/alliances/", a->slug, ""));
    page_crumb(&p, _("Learning agenda"), NULL);
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n", _("Learning agenda"),
                _("The questions the platforms of this alliance set out to answer together, "
                  "each worked on in cycles of action research: plan, act, observe, reflect."));
    bool may = may_raise_any(r, &tree) != NULL;
    char *add = page_href(r, "/alliances/", a->slug, "/questions/new");
    if (may)
        html_printf(b, "<p><a class=\"button\" href=\"%s\">%s</a></p>\n", add,
                    _("Raise a learning question"));
    html_printf(b, "<form class=\"filters\" method=\"get\" action=\"%s\">",
                page_href(r, "/alliances/", a->slug, "/questions"));
    table_filter_select(r, "status", _("Status"), status_options(r, _("Every status")), 5,
                        f.status);
    html_printf(b,
                "<div class=\"field\"><button class=\"button button--secondary\" "
                "type=\"submit\">%s</button></div></form>\n",
                _("Filter"));
    struct question_list list;
    if (question_list(&r->ctx, &f, &l, &list) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    table_count(r, list.total, N_("%s learning question"), N_("%s learning questions"));
    if (list.count == 0) {
        page_empty(r,
                   f.status ? _("No learning question has this status. Change the filter.")
                            : _("No learning questions yet. Raise the first question of the "
                                "alliance's learning agenda."),
                   may && !f.status ? add : NULL, _("Raise a learning question"));
        page_end(r, 200);
        return;
    }
    html_raw(b, "<div class=\"table-wrap\"><table class=\"table\"><thead><tr>");
    table_sort_header(r, &l, "title", _("Question"), false);
    table_sort_header(r, &l, "status", _("Status"), false);
    html_printf(b, "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>", _("Home platform"),
                _("Cycles"));
    table_sort_header(r, &l, "raised", _("Raised"), false);
    html_raw(b, "</tr></thead><tbody>\n");
    for (int i = 0; i < list.count; i++) {
        const struct question *q = &list.items[i];
        html_printf(b, "<tr><td><a href=\"%s\">%s</a></td><td>",
                    page_href(r, "/questions/", q->id, ""), q->title);
        question_status_tag(r, q->status);
        html_printf(b, "</td><td>%s</td><td>", q->platform_name);
        html_int(b, q->cycle_count);
        html_raw(b, "</td><td>");
        page_date(r, q->raised_on);
        html_raw(b, "</td></tr>\n");
    }
    html_raw(b, "</tbody></table></div>\n");
    table_pagination(r, &l, list.total);
    page_end(r, 200);
}

static void question_crumbs(struct request *r, struct page *p, const struct question *q,
                            bool current)
{
    page_crumb(p, _("Alliances"), "/");
    page_crumb(p, q->alliance_name, page_href(r, "/alliances/", q->alliance_slug, ""));
    page_crumb(p, _("Learning agenda"),
               page_href(r, "/alliances/", q->alliance_slug, "/questions"));
    page_crumb(p, q->title, current ? NULL : page_href(r, "/questions/", q->id, ""));
}

/* cycles_section lists the question's cycles the viewer may read, by
 * platform, with a link to start one on each platform they write on. */
static void cycles_section(struct request *r, const struct question *q)
{
    struct buf *b = &r->out;
    html_printf(b, "<h2>%s</h2>\n", _("Action-research cycles"));
    struct listing l;
    listing_default(&l);
    l.limit = LISTING_MAX_LIMIT;
    struct cycle_filter f = {.question_key = q->key};
    struct cycle_list list;
    if (cycle_list(&r->ctx, &f, &l, &list) != STATUS_OK) {
        html_printf(b, "<p>%s</p>\n", _("The cycles cannot be shown just now."));
        return;
    }
    if (list.count == 0)
        html_printf(b, "<p>%s</p>\n",
                    _("No cycles yet. A platform that owns the question starts its first "
                      "cycle with a plan."));
    else {
        html_printf(b,
                    "<div class=\"table-wrap\"><table class=\"table\"><thead><tr><th "
                    "scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                    "<th scope=\"col\">%s</th></tr></thead><tbody>\n",
                    _("Platform"), _("Cycle"), _("Steps written"), _("Plan starts"));
        for (int i = 0; i < list.count; i++) {
            const struct cycle *cy = &list.items[i];
            int written = 0;
            for (int k = 0; k < CYCLE_STEPS; k++)
                written += !str_empty(cy->steps[k].text);
            html_printf(b, "<tr><td>%s</td><td><a href=\"%s\">", cy->platform_name,
                        page_href(r, "/cycles/", cy->id, ""));
            html_text(b, arena_printf(&r->arena, _("Cycle %lld"), (long long)cy->number));
            html_printf(b, "</a></td><td>%d / 4</td><td>", written);
            if (cy->steps[CYCLE_PLAN].starts_on)
                page_date(r, cy->steps[CYCLE_PLAN].starts_on);
            html_raw(b, "</td></tr>\n");
        }
        html_raw(b, "</tbody></table></div>\n");
    }
    bool any = false;
    for (int i = 0; i < q->platform_count; i++) {
        if (!cycle_may_write(&r->ctx, q->platforms[i].key))
            continue;
        html_raw(b, any ? "" : "<ul class=\"actions\">");
        any = true;
        html_printf(b, "<li><a class=\"button button--secondary\" href=\"%s?platform=%s\">",
                    page_href(r, "/questions/", q->id, "/cycles/new"), q->platforms[i].id);
        html_text(b, arena_printf(&r->arena, _("Start a cycle on %s"), q->platforms[i].name));
        html_raw(b, "</a></li>");
    }
    if (any)
        html_raw(b, "</ul>\n");
}

/* link_title finds the title and address of a linked item the viewer may
 * read (question_links checked they may). */
static bool link_title(struct request *r, const struct question_link *k, const char **title,
                       char **href)
{
    if (str_eq(k->kind, "lesson")) {
        struct lesson *ls;
        if (lesson_find(&r->ctx, k->item_id, &ls) != STATUS_OK)
            return false;
        *title = ls->title;
        *href = page_href(r, "/lessons/", ls->id, "");
    } else if (str_eq(k->kind, "event")) {
        struct event *e;
        if (event_find(&r->ctx, k->item_id, &e) != STATUS_OK)
            return false;
        *title = e->title;
        *href = page_href(r, "/events/", e->id, "");
    } else {
        struct document *d;
        if (document_find(&r->ctx, k->item_id, &d) != STATUS_OK)
            return false;
        *title = d->title;
        *href = page_href(r, "/documents/", d->id, "");
    }
    return true;
}

/* links_section lists the linked items of one kind the viewer may read,
 * each with a button to remove the link for those who may. */
static void links_section(struct request *r, const struct question *q, const char *kind,
                          const char *heading, const char *none, bool may_link)
{
    struct buf *b = &r->out;
    struct question_link_list links;
    html_printf(b, "<h2>%s</h2>\n", heading);
    if (question_links(&r->ctx, q, kind, &links) != STATUS_OK || links.count == 0) {
        html_printf(b, "<p>%s</p>\n", none);
        return;
    }
    html_raw(b, "<ul class=\"list\">");
    for (int i = 0; i < links.count; i++) {
        const char *title;
        char *href;
        if (!link_title(r, &links.items[i], &title, &href))
            continue;
        html_printf(b, "<li><a href=\"%s\">%s</a>", href, title);
        if (may_link) {
            html_printf(b, "<form method=\"post\" action=\"%s\">",
                        page_href(r, "/questions/", q->id, "/links/remove"));
            html_printf(b,
                        "<input type=\"hidden\" name=\"csrf\" value=\"%s\"><input type=\"hidden\" "
                        "name=\"kind\" value=\"%s\"><input type=\"hidden\" name=\"item\" "
                        "value=\"%s\"><button class=\"button button--secondary\" type=\"submit\">"
                        "%s<span class=\"visually-hidden\"> %s</span></button></form>",
                        request_csrf(r), kind, links.items[i].item_id, _("Remove the link"), title);
        }
        html_raw(b, "</li>");
    }
    html_raw(b, "</ul>\n");
}

/* link_form writes the form to link an event, lesson or document. */
static void link_form(struct request *r, const struct question *q, const char *address,
                      const struct problems *p)
{
    html_printf(&r->out, "<h2 id=\"link\">%s</h2>\n", _("Link an event, lesson or document"));
    form_begin(r, page_href(r, "/questions/", q->id, "/links"), NULL); /* summary on top */
    form_input(r, p, "item", _("Address of the event, lesson or document"),
               _("Copy it from the item's page, such as /lessons/0190… or the whole address."),
               address, "text", false);
    form_end(r, _("Link it"), NULL, false);
}

/* question_body writes the question's page, with the link form's problems. */
static void question_body(struct request *r, const struct question *q, const char *address,
                          const struct problems *p)
{
    struct page page = {.title = q->title, .context = q->alliance_name, .nav = "alliances"};
    question_crumbs(r, &page, q, true);
    page_begin(r, &page);
    if (p && p->count)
        form_error_summary(r, p);
    struct buf *b = &r->out;
    html_printf(b, "<p class=\"caption\">%s</p><h1>%s</h1>\n<ul class=\"tags\"><li>",
                _("Learning question"), q->title);
    question_status_tag(r, q->status);
    html_raw(b, "</li><li>");
    page_tag(r, "blue", lesson_visibility_label(q->visibility));
    html_raw(b, "</li></ul>\n");
    if (*q->body) {
        html_raw(b, "<div class=\"prose\">");
        html_markdown(b, q->body);
        html_raw(b, "</div>\n");
    }
    cycles_section(r, q);
    bool may_link = question_may_link(&r->ctx, q);
    links_section(r, q, "event", _("Events"), _("No events linked yet."), may_link);
    links_section(r, q, "lesson", _("Lessons"), _("No lessons linked yet."), may_link);
    links_section(r, q, "document", _("Documents"), _("No documents linked yet."), may_link);
    if (may_link)
        link_form(r, q, address, p);
    struct share_item item;
    share_item_of_question(q, &item);
    share_item_section(r, &item);
    discussion_item_section(r, "question", q->key, q->id);
    page_side(r);
    html_printf(b, "<section class=\"card\"><h2>%s</h2><dl class=\"summary\">", _("About"));
    page_fact_begin(
        r, ngettext("Owning platform", "Owning platforms", (unsigned long)q->platform_count));
    html_raw(b, "<ul class=\"list\">");
    for (int i = 0; i < q->platform_count; i++)
        html_printf(b, "<li><a href=\"%s\">%s</a> <span class=\"muted small\">%s</span></li>",
                    page_href(r, "/platforms/", q->platforms[i].id, ""), q->platforms[i].name,
                    q->platforms[i].level_label);
    html_raw(b, "</ul>");
    page_fact_end(r);
    page_fact_begin(r, _("Raised"));
    page_date(r, q->raised_on);
    page_fact_end(r);
    if (!q->attributed) {
        page_fact(r, _("Raised by"), _("Not named: shared without attribution"));
    } else if (q->author_id) {
        page_fact_begin(r, _("Raised by"));
        html_printf(b, "<a href=\"%s\">%s</a>", page_href(r, "/people/", q->author_id, ""),
                    q->author_name);
        page_fact_end(r);
    }
    html_raw(b, "</dl></section>\n");
    bool edit = question_may_edit(&r->ctx, q), remove = question_may_delete(&r->ctx, q);
    if (edit || remove) {
        html_printf(b, "<section class=\"card\"><h2>%s</h2><ul>", _("Actions"));
        if (edit)
            html_printf(b, "<li><a href=\"%s\">%s</a></li>",
                        page_href(r, "/questions/", q->id, "/edit"), _("Edit the question"));
        if (remove)
            html_printf(b, "<li><a href=\"%s\">%s</a></li>",
                        page_href(r, "/questions/", q->id, "/delete"), _("Delete the question"));
        html_raw(b, "</ul></section>\n");
    }
    share_item_side(r, &item);
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void question_page(struct request *r)
{
    struct question *q;
    enum status s = question_find(&r->ctx, request_capture(r, 0), &q);
    if (page_allowed(r, s))
        question_body(r, q, "", NULL);
}

void question_link_post(struct request *r)
{
    struct question *q;
    enum status s = question_find(&r->ctx, request_capture(r, 0), &q);
    if (!page_allowed(r, s))
        return;
    struct problems p = {0};
    const char *address = request_form(r, "item");
    s = question_link_add(&r->ctx, q, NULL, address, NULL, &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/questions/", q->id, ""));
    else if (p.count)
        question_body(r, q, address, &p);
    else
        page_fail(r, s);
}

void question_unlink_post(struct request *r)
{
    struct question *q;
    enum status s = question_find(&r->ctx, request_capture(r, 0), &q);
    if (!page_allowed(r, s))
        return;
    struct problems p = {0};
    s = question_link_remove(&r->ctx, q, request_form(r, "kind"), request_form(r, "item"), &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/questions/", q->id, ""));
    else if (p.count)
        question_body(r, q, "", &p);
    else
        page_fail(r, s);
}

/* question_read_form copies the form into q: the home platform (when
 * creating) and the others ticked. */
static void question_read_form(struct request *r, struct question *q, const char *home_id)
{
    q->title = (char *)request_form(r, "title");
    q->body = (char *)request_form(r, "body");
    q->status = (char *)request_form(r, "status");
    q->visibility = (char *)request_form(r, "visibility");
    q->raised_on = (char *)request_form(r, "raised_on");
    q->platform_ids[0] = home_id;
    q->platform_id_count = 1;
    for (int i = 0; i < r->form_count && q->platform_id_count < QUESTION_PLATFORMS_MAX; i++)
        if (str_eq(r->form[i].name, "platforms") && !str_eq(r->form[i].value, home_id))
            q->platform_ids[q->platform_id_count++] = r->form[i].value;
}

/* platform_choices writes the platforms of the alliance as options: the home
 * (a select, when creating: those the viewer may raise a question on) and
 * the other owners (checkboxes, those owning it ticked). */
static void platform_choices(struct request *r, const struct question *q,
                             const struct platform_list *tree, bool creating,
                             const struct problems *p)
{
    struct form_option *o = arena_array(&r->arena, (size_t)tree->count + 1, sizeof *o);
    int n = 0;
    if (creating) {
        for (int i = 0; i < tree->count; i++)
            if (question_may_raise(&r->ctx, tree->items[i].key)) {
                o[n].value = tree->items[i].id;
                o[n].label = arena_printf(&r->arena, "%s (%s)", tree->items[i].name,
                                          tree->items[i].level_label);
                n++;
            }
        form_select(r, p, "platform", _("Home platform"),
                    _("The platform that raises the question: you set its agenda."), o, n,
                    q->platform_id_count ? q->platform_ids[0] : NULL);
        o = arena_array(&r->arena, (size_t)tree->count + 1, sizeof *o);
        n = 0;
    }
    unsigned ticked = 0;
    for (int i = 0; i < tree->count && n < 32; i++) {
        const struct platform *pl = &tree->items[i];
        if (!creating && pl->key == q->platform_key)
            continue;
        bool owns = false;
        for (int k = 1; k < q->platform_count; k++)
            owns = owns || q->platforms[k].key == pl->key;
        for (int k = 1; k < q->platform_id_count; k++)
            owns = owns || str_eq(q->platform_ids[k], pl->id);
        o[n].value = pl->id;
        o[n].label = arena_printf(&r->arena, "%s (%s)", pl->name, pl->level_label);
        if (owns)
            ticked |= 1u << n;
        n++;
    }
    if (n)
        form_checkboxes(r, p, "platforms", _("Also owned by"),
                        _("Platforms that work on the question with the home platform: their "
                          "members may read it and run cycles on it."),
                        o, n, ticked);
}

static void question_form(struct request *r, const struct question *q,
                          const struct platform_list *tree, bool creating, const struct problems *p,
                          const char *action, const char *button, const char *cancel)
{
    form_begin(r, action, p);
    form_input(r, p, "title", _("Question"),
               _("One question the alliance wants answered, such as Why do rural water points "
                 "fail within two years?"),
               q->title, "text", false);
    form_textarea(r, p, "body", _("Why it matters"),
                  _("What is known already, and what an answer would change. You can use "
                    "Markdown."),
                  q->body, 6);
    platform_choices(r, q, tree, creating, p);
    form_select(r, p, "status", _("Status"), NULL, status_options(r, _("Open (the default)")), 5,
                q->status);
    static const char *const levels[] = {"", "platform", "alliance", "public"};
    struct form_option vis[4];
    for (int i = 0; i < 4; i++) {
        vis[i].value = levels[i];
        vis[i].label = i ? lesson_visibility_label(levels[i]) : _("The default (alliance)");
    }
    form_select(r, p, "visibility", _("Who may read it"),
                _("Platform members means the members of any platform that owns it. Its cycles "
                  "are read at the same level, on their own platform."),
                vis, 4, q->visibility);
    form_input(r, p, "raised_on", _("Raised on"), _("Such as 2026-03-12. Empty: today."),
               q->raised_on, "date", true);
    form_end(r, button, cancel, false);
}

static void question_new_form(struct request *r, const struct alliance *a,
                              const struct platform_list *tree, const struct question *q,
                              const struct problems *p)
{
    struct page page = {
        .title = _("Raise a learning question"), .context = a->name, .nav = "alliances"};
    page_crumb(&page, _("Alliances"), "/");
    page_crumb(&page, a->name, page_href(r, "/alliances/", a->slug, ""));
    page_crumb(&page, _("Learning agenda"), page_href(r, "/alliances/", a->slug, "/questions"));
    page_crumb(&page, _("Raise a question"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n", _("Raise a learning question"));
    question_form(r, q, tree, true, p, page_href(r, "/alliances/", a->slug, "/questions/new"),
                  _("Save the question"), page_href(r, "/alliances/", a->slug, "/questions"));
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

/* agenda_load loads the alliance of the address and its platforms; NULL once
 * it answered. */
static struct alliance *agenda_load(struct request *r, struct platform_list *tree)
{
    struct alliance *a = load_alliance(r, request_capture(r, 0));
    if (!a)
        return NULL;
    if (platform_tree(&r->ctx, a->key, 200, tree) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return NULL;
    }
    return a;
}

void question_new_page(struct request *r)
{
    struct platform_list tree;
    struct alliance *a = agenda_load(r, &tree);
    if (!a)
        return;
    if (!may_raise_any(r, &tree)) {
        page_fail(r, r->ctx.viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED);
        return;
    }
    struct question q = {.status = "open"};
    question_new_form(r, a, &tree, &q, NULL);
}

void question_create_post(struct request *r)
{
    struct platform_list tree;
    struct alliance *a = agenda_load(r, &tree);
    if (!a)
        return;
    struct question q = {0};
    struct problems p = {0};
    question_read_form(r, &q, request_form(r, "platform"));
    struct platform *home;
    if (platform_find(&r->ctx, q.platform_ids[0], &home) != STATUS_OK ||
        home->alliance_key != a->key) {
        problems_invalid(&p, "platform", _("Choose the home platform"));
        question_new_form(r, a, &tree, &q, &p);
        return;
    }
    enum status s = question_create(&r->ctx, &q, &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/questions/", q.id, ""));
    else if (p.count)
        question_new_form(r, a, &tree, &q, &p);
    else
        page_fail(r, s);
}

static void question_edit_form(struct request *r, const struct question *before,
                               const struct question *q, const struct problems *p)
{
    struct platform_list tree;
    if (platform_tree(&r->ctx, before->alliance_key, 200, &tree) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    struct page page = {.title = _("Edit the learning question"),
                        .context = before->alliance_name,
                        .nav = "alliances"};
    question_crumbs(r, &page, before, false);
    page_crumb(&page, _("Edit"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n", _("Edit the learning question"));
    question_form(r, q, &tree, false, p, page_href(r, "/questions/", before->id, "/edit"),
                  _("Save changes"), page_href(r, "/questions/", before->id, ""));
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void question_edit_page(struct request *r)
{
    struct question *q;
    enum status s = question_find(&r->ctx, request_capture(r, 0), &q);
    if (!page_allowed(r, s))
        return;
    if (!question_may_edit(&r->ctx, q)) {
        page_fail(r, r->ctx.viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED);
        return;
    }
    question_edit_form(r, q, q, NULL);
}

void question_edit_post(struct request *r)
{
    struct question *before;
    enum status s = question_find(&r->ctx, request_capture(r, 0), &before);
    if (!page_allowed(r, s))
        return;
    struct question q = *before;
    struct problems p = {0};
    question_read_form(r, &q, before->platform_id);
    s = question_update(&r->ctx, &q, &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/questions/", q.id, ""));
    else if (p.count)
        question_edit_form(r, before, &q, &p);
    else
        page_fail(r, s);
}

void question_delete_page(struct request *r)
{
    struct question *q;
    enum status s = question_find(&r->ctx, request_capture(r, 0), &q);
    if (!page_allowed(r, s))
        return;
    if (!question_may_delete(&r->ctx, q)) {
        page_fail(r, r->ctx.viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED);
        return;
    }
    struct page page = {.title = _("Delete the learning question"),
                        .context = q->alliance_name,
                        .nav = "alliances"};
    question_crumbs(r, &page, q, false);
    page_crumb(&page, _("Delete"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n<p>%s</p>\n", _("Delete the learning question"),
                _("The question will be deleted with every one of its action-research cycles, "
                  "on every platform. The events, lessons and documents linked to it stay. A "
                  "record of the deletion, and of everything it said, stays in the audit "
                  "trail."));
    form_begin(r, page_href(r, "/questions/", q->id, "/delete"), NULL);
    form_end(r, _("Delete the question"), page_href(r, "/questions/", q->id, ""), true);
    page_end(r, 200);
}

void question_delete_post(struct request *r)
{
    struct question *q;
    enum status s = question_find(&r->ctx, request_capture(r, 0), &q);
    if (!page_allowed(r, s))
        return;
    s = question_delete(&r->ctx, q);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/alliances/", q->alliance_slug, "/questions"));
    else
        page_fail(r, s);
}

void question_item_side(struct request *r, const char *kind, int64_t key)
{
    struct listing l;
    listing_default(&l);
    l.limit = 20;
    struct question_filter f = {.item_kind = kind, .item_key = key};
    struct question_list list;
    if (question_list(&r->ctx, &f, &l, &list) != STATUS_OK || list.count == 0)
        return;
    struct buf *b = &r->out;
    html_printf(b, "<section class=\"card\"><h2>%s</h2><ul>", _("Learning questions"));
    for (int i = 0; i < list.count; i++)
        html_printf(b, "<li><a href=\"%s\">%s</a></li>",
                    page_href(r, "/questions/", list.items[i].id, ""), list.items[i].title);
    html_raw(b, "</ul></section>\n");
}

void question_platform_section(struct request *r, const struct platform *pl)
{
    struct listing l;
    listing_default(&l);
    l.limit = 5;
    struct question_filter f = {.platform_key = pl->key};
    struct question_list list;
    if (question_list(&r->ctx, &f, &l, &list) != STATUS_OK)
        return;
    struct buf *b = &r->out;
    char *agenda = page_href(r, "/alliances/", pl->alliance_slug, "/questions");
    html_printf(b, "<h2 id=\"questions\">%s</h2>\n", _("Learning questions"));
    if (list.count == 0) {
        page_empty(r,
                   _("This platform owns no learning question yet. Raise one on the "
                     "alliance's learning agenda."),
                   question_may_raise(&r->ctx, pl->key) ? agenda : NULL,
                   _("Raise a learning question"));
        return;
    }
    html_raw(b, "<ul class=\"list\">");
    for (int i = 0; i < list.count; i++) {
        const struct question *q = &list.items[i];
        html_printf(b, "<li><a href=\"%s\">%s</a> ", page_href(r, "/questions/", q->id, ""),
                    q->title);
        question_status_tag(r, q->status);
        html_raw(b, "</li>");
    }
    html_printf(b, "</ul>\n<p><a href=\"%s\">%s</a></p>\n", agenda, _("The whole learning agenda"));
}
