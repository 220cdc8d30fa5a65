/*
 * web/share.c — shares as pages (share.h): the form to share an item up,
 * down and across; a share's page with the receiver's response form; the
 * confirmation before withdrawing one; a platform's inbox (what it received,
 * with what waits too long marked) and what it shared; and the pieces item
 * pages and platform pages show: an item's journey, its Share link, a
 * platform's counts.
 */
#include "domain/share.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/event.h"
#include "domain/platform.h"
#include "domain/rights.h"
#include "web/form.h"
#include "web/html.h"
#include "web/load.h"
#include "web/page.h"
#include "web/table.h"
#include "web/web.h"

#include <string.h>

#define SOURCES_MAX 8

/* share_title is the heading of the share form for a kind of item. */
static const char *share_title(const char *kind)
{
    if (str_eq(kind, "entry"))
        return _("Share the journal entry");
    if (str_eq(kind, "document"))
        return _("Share the document");
    if (str_eq(kind, "event"))
        return _("Share the event's minutes");
    if (str_eq(kind, "question"))
        return _("Share the learning question");
    return _("Share the lesson");
}

static const char *response_colour(const char *response)
{
    if (str_eq(response, "adopted"))
        return "green";
    if (str_eq(response, "discussed"))
        return "blue";
    if (str_eq(response, "acknowledged"))
        return "turquoise";
    return "grey";
}

/* state_tags writes where a share stands: withdrawn, its response, or how
 * long it has waited (marked overdue past the response days). */
static void state_tags(struct request *r, const struct share *sh)
{
    if (sh->withdrawn_at) {
        page_tag(r, "grey", _("Withdrawn"));
        return;
    }
    if (sh->response) {
        page_tag(r, response_colour(sh->response), share_response_label(sh->response));
        return;
    }
    int days = share_waiting_days(sh);
    page_tag(r, "yellow",
             arena_printf(&r->arena, ngettext("Waiting %d day", "Waiting %d days", (unsigned)days),
                          days));
    if (share_flagged(sh, r->config->response_days)) {
        html_raw(&r->out, " ");
        page_tag(r, "red", _("Overdue"));
    }
}

/* platform_cell writes a platform with its level and alliance. */
static void platform_cell(struct request *r, const char *id, const char *name, const char *level,
                          const char *alliance)
{
    html_printf(&r->out, "<a href=\"%s\">%s</a> <span class=\"muted small\">%s · %s</span>",
                page_href(r, "/platforms/", id, ""), name, level, alliance);
}

/* shares_table writes shares as a table: the item, the other platform (the
 * sender in an inbox, the receiver otherwise), when, and where it stands. */
static void shares_table(struct request *r, const struct share_list *list, bool inbox,
                         bool show_item)
{
    struct buf *b = &r->out;
    html_raw(b, "<div class=\"table-wrap\"><table class=\"table\"><thead><tr>");
    if (show_item)
        html_printf(b, "<th scope=\"col\">%s</th>", _("Item"));
    html_printf(b,
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th></tr></thead><tbody>\n",
                inbox ? _("From") : _("To"), _("Message"), _("Date"), _("Response"));
    for (int i = 0; i < list->count; i++) {
        const struct share *sh = &list->items[i];
        html_raw(b, "<tr>");
        if (show_item)
            html_printf(b, "<td><a href=\"%s\">%s</a> <span class=\"muted small\">%s</span></td>",
                        page_href(r, share_item_path(sh->kind), sh->item_id, ""), sh->item_title,
                        share_kind_label(sh->kind));
        html_raw(b, "<td>");
        if (inbox)
            platform_cell(r, sh->from_id, sh->from_name, sh->from_level, sh->from_alliance_name);
        else
            platform_cell(r, sh->to_id, sh->to_name, sh->to_level, sh->to_alliance_name);
        html_raw(b, " ");
        page_tag(r, "purple", share_direction_label(sh->direction));
        if (!sh->attributed) {
            html_raw(b, " ");
            page_tag(r, "grey", _("Author not named"));
        }
        html_printf(b, "</td><td>%s</td><td>", str_shorten(&r->arena, sh->message, 80));
        page_date(r, sh->shared_at);
        html_raw(b, "</td><td>");
        state_tags(r, sh);
        html_printf(
            b, " <a href=\"%s\">%s<span class=\"visually-hidden\"> %s</span></a></td></tr>\n",
            page_href(r, "/shares/", sh->id, ""),
            share_may_respond(&r->ctx, sh) && inbox ? _("Respond") : _("Details"), sh->item_title);
    }
    html_raw(b, "</tbody></table></div>\n");
}

void share_item_section(struct request *r, const struct share_item *item)
{
    struct listing l;
    listing_default(&l);
    l.limit = 50;
    struct share_filter f = {
        .kind = item->kind, .item_key = item->key, .response_days = r->config->response_days};
    struct share_list list;
    if (share_list(&r->ctx, &f, &l, &list) != STATUS_OK || list.total == 0)
        return;
    html_printf(&r->out, "<h2 id=\"shares\">%s</h2>\n", _("Shared with"));
    shares_table(r, &list, false, false);
    if (list.total > list.count)
        html_printf(&r->out, "<p class=\"muted\">%s</p>\n",
                    arena_printf(&r->arena, _("And %lld more shares."),
                                 (long long)(list.total - list.count)));
}

void share_item_side(struct request *r, const struct share_item *item)
{
    if (!item->published)
        return;
    struct share_target sources[SOURCES_MAX];
    int n = share_sources(&r->ctx, item, sources, SOURCES_MAX);
    if (n == 0)
        return;
    struct buf *b = &r->out;
    html_printf(b, "<section class=\"card\"><h2>%s</h2><p class=\"small\">%s</p><ul>", _("Share"),
                _("Send it up to the parent platform, down to the platforms below, or across to "
                  "peers."));
    const char *base = page_href(r, share_item_path(item->kind), item->id, "/share");
    for (int i = 0; i < n; i++) {
        html_printf(b, "<li><a href=\"%s?from=", base);
        html_url_arg(b, sources[i].id);
        html_printf(b, "\">%s</a></li>",
                    n == 1 ? share_title(item->kind)
                           : arena_printf(&r->arena, _("Share from %s"), sources[i].name));
    }
    html_raw(b, "</ul></section>\n");
}

void share_platform_section(struct request *r, const struct platform *pl)
{
    if (!rights_may(rights_on_platform(&r->ctx, pl->key, RIGHT_READ_SHARES)))
        return;
    int days = r->config->response_days;
    struct share_filter waiting = {.to_key = pl->key, .state = "waiting", .response_days = days};
    struct share_filter flagged = {.to_key = pl->key, .flagged = true, .response_days = days};
    int64_t n_waiting = share_count(&r->ctx, &waiting);
    int64_t n_flagged = share_count(&r->ctx, &flagged);
    struct buf *b = &r->out;
    html_printf(b, "<h2 id=\"shares\">%s</h2>\n<p><a href=\"%s\">%s</a>: ", _("Shares"),
                page_href(r, "/platforms/", pl->id, "/inbox"), _("Inbox"));
    html_printf(b,
                ngettext("%lld share waiting for a response", "%lld shares waiting for a response",
                         (unsigned long)n_waiting),
                (long long)n_waiting);
    if (n_flagged) {
        html_raw(b, ", ");
        html_printf(b, "<a href=\"%s?flagged=1\">", page_href(r, "/platforms/", pl->id, "/inbox"));
        html_printf(b,
                    ngettext("%lld for more than %d days", "%lld for more than %d days",
                             (unsigned long)n_flagged),
                    (long long)n_flagged, days);
        html_raw(b, "</a> ");
        page_tag(r, "red", _("Overdue"));
    }
    html_printf(b, " · <a href=\"%s\">%s</a></p>\n", page_href(r, "/platforms/", pl->id, "/shared"),
                _("Shared by this platform"));
}

/* The share form ------------------------------------------------------------ */

/* typed_has says whether the form carried name=value. */
static bool typed_has(const struct request *r, const char *name, const char *value)
{
    return r->method == METHOD_POST && request_form_has(r, name, value);
}

/* targets_group writes the checkboxes of one direction; n counts every
 * checkbox written so far, for unique ids. */
static void targets_group(struct request *r, const struct share_target *t, int count,
                          const char *direction, const char *legend, int *n)
{
    struct buf *b = &r->out;
    int shown = 0;
    for (int i = 0; i < count; i++)
        shown += str_eq(t[i].direction, direction);
    if (shown == 0)
        return;
    html_printf(b, "<fieldset class=\"fieldset\"><legend class=\"legend\">%s</legend>", legend);
    html_raw(b, "<div class=\"checkboxes\">");
    if (str_eq(direction, "down"))
        html_printf(b,
                    "<div class=\"checkbox\"><input id=\"f-children\" name=\"children\" "
                    "type=\"checkbox\" value=\"1\"%s><label for=\"f-children\">%s</label></div>",
                    typed_has(r, "children", "1") ? " checked" : "",
                    _("Every platform below that does not have it yet"));
    for (int i = 0; i < count; i++) {
        if (!str_eq(t[i].direction, direction))
            continue;
        html_printf(b,
                    "<div class=\"checkbox\"><input id=\"f-to-%d\" name=\"to\" type=\"checkbox\" "
                    "value=\"%s\"%s%s><label for=\"f-to-%d\">%s <span class=\"muted small\">%s · "
                    "%s</span>",
                    *n, t[i].id, typed_has(r, "to", t[i].id) ? " checked" : "",
                    t[i].holds ? " disabled" : "", *n, t[i].name, t[i].level_label,
                    t[i].alliance_name);
        if (t[i].holds)
            html_printf(b, " <span class=\"small\">%s</span>", _("(has it already)"));
        html_raw(b, "</label></div>");
        (*n)++;
    }
    html_raw(b, "</div></fieldset>");
}

/* share_form_write writes the share form for the item from one sender. */
static void share_form_write(struct request *r, const struct share_item *item,
                             const struct share_target *from, const struct share_target *sources,
                             int n_sources, const struct problems *p)
{
    struct buf *b = &r->out;
    const char *item_href = page_href(r, share_item_path(item->kind), item->id, "");
    const char *action = page_href(r, share_item_path(item->kind), item->id, "/share");
    if (n_sources > 1) {
        html_printf(b, "<p>%s ", _("Share it as:"));
        for (int i = 0; i < n_sources; i++) {
            if (sources[i].key == from->key)
                html_printf(b, "<strong>%s</strong>", sources[i].name);
            else {
                html_printf(b, "<a href=\"%s?from=", action);
                html_url_arg(b, sources[i].id);
                html_printf(b, "\">%s</a>", sources[i].name);
            }
            html_raw(b, i + 1 < n_sources ? " · " : "</p>\n");
        }
    }
    struct share_target *t = arena_array(&r->arena, SHARE_TARGETS_MAX, sizeof *t);
    int count = share_targets(&r->ctx, item, from->id, t, SHARE_TARGETS_MAX);
    if (count == 0) {
        page_empty(r,
                   _("This platform has no parent, no platforms below and no peers to share "
                     "with. Link a peer from the platform's page."),
                   page_href(r, "/platforms/", from->id, ""), _("Go to the platform"));
        return;
    }
    form_begin(r, action, p);
    form_hidden(r, "from", from->id);
    const char *error = p ? problems_for(p, "to") : NULL;
    html_printf(b, "<div class=\"field%s\" id=\"f-to\">", error ? " field--error" : "");
    html_printf(b, "<p class=\"label\">%s</p><span class=\"hint\">%s</span>",
                arena_printf(&r->arena, _("Share from %s with"), from->name),
                _("Each platform chosen gets the item in its inbox, and its members may read "
                  "it until the share is withdrawn."));
    if (error)
        html_printf(b, "<p class=\"field-error\"><span class=\"visually-hidden\">%s</span> %s</p>",
                    _("Error:"), error);
    int n = 0;
    targets_group(r, t, count, "up", _("Up: the parent platform"), &n);
    targets_group(r, t, count, "down", _("Down: the platforms below"), &n);
    targets_group(r, t, count, "across", _("Across: peers"), &n);
    html_raw(b, "</div>\n");
    form_textarea(r, p, "message", _("Message"),
                  _("Why it matters to them, and what you would like them to do with it."),
                  r->method == METHOD_POST ? request_form(r, "message") : "", 4);
    if (share_may_name(&r->ctx, item, from->key)) {
        const char *err = p ? problems_for(p, "attributed") : NULL;
        html_printf(b,
                    "<div class=\"field%s\" id=\"f-attributed\"><div class=\"checkboxes\">"
                    "<div class=\"checkbox\"><input id=\"f-anonymous\" name=\"anonymous\" "
                    "type=\"checkbox\" value=\"1\"%s><label for=\"f-anonymous\">%s</label></div>"
                    "</div><span class=\"hint\">%s</span></div>\n",
                    err ? " field--error" : "", typed_has(r, "anonymous", "1") ? " checked" : "",
                    _("Share without naming the author"),
                    _("The receivers read it, but not who wrote it, nor their organisation, nor "
                      "who shared it."));
    } else {
        form_hidden(r, "anonymous", "1");
        html_printf(b, "<p class=\"warning-text\"><strong>%s</strong></p>\n",
                    _("It came to this platform without the author's name: it is shared on "
                      "without it."));
    }
    form_end(r, _("Share"), item_href, false);
}

/* share_form_page answers the share form (status 200, or the problems'). */
static void share_form_page(struct request *r, const struct share_item *item,
                            const struct share_target *from, const struct share_target *sources,
                            int n_sources, const struct problems *p)
{
    const char *title = share_title(item->kind);
    struct page page = {.title = title, .context = item->alliance_name, .nav = "alliances"};
    page_crumb(&page, _("Alliances"), "/");
    page_crumb(&page, item->platform_name, page_href(r, "/platforms/", item->platform_id, ""));
    page_crumb(&page, item->title, page_href(r, share_item_path(item->kind), item->id, ""));
    page_crumb(&page, _("Share"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<p class=\"caption\">%s</p><h1>%s</h1>\n", item->title, title);
    if (!item->published)
        html_printf(&r->out, "<p>%s</p>\n",
                    _("Only what is published can be shared. Publish it first."));
    else
        share_form_write(r, item, from, sources, n_sources, p);
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

/* share_form_load finds the item of the address and the sender chosen by
 * ?from= (or the form's from), among those the viewer may share it from.
 * Answers and returns -1 when there is none. */
static int share_form_load(struct request *r, const char *kind, struct share_item *item,
                           struct share_target *sources, int *n_sources, int *chosen)
{
    enum status s = share_item_find(&r->ctx, kind, request_capture(r, 0), item);
    if (!page_allowed(r, s))
        return -1;
    *n_sources = share_sources(&r->ctx, item, sources, SOURCES_MAX);
    if (*n_sources == 0) {
        page_fail(r, r->ctx.viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED);
        return -1;
    }
    const char *from = r->method == METHOD_POST ? request_form(r, "from") : NULL;
    if (!from)
        from = request_query(r, "from");
    *chosen = 0;
    for (int i = 0; i < *n_sources; i++)
        if (str_eq(sources[i].id, from))
            *chosen = i;
    return 0;
}

static void share_new(struct request *r, const char *kind)
{
    struct share_item item;
    struct share_target sources[SOURCES_MAX];
    int n, chosen;
    if (share_form_load(r, kind, &item, sources, &n, &chosen) == 0)
        share_form_page(r, &item, &sources[chosen], sources, n, NULL);
}

static void share_create_post(struct request *r, const char *kind)
{
    struct share_item item;
    struct share_target sources[SOURCES_MAX];
    int n, chosen;
    if (share_form_load(r, kind, &item, sources, &n, &chosen) != 0)
        return;
    const char **to = arena_array(&r->arena, (size_t)r->form_count + 1, sizeof *to);
    int to_count = 0;
    for (int i = 0; i < r->form_count; i++)
        if (strcmp(r->form[i].name, "to") == 0)
            to[to_count++] = r->form[i].value;
    struct share_request req = {
        .kind = kind,
        .item_id = item.id,
        .from_id = sources[chosen].id,
        .to_ids = to,
        .to_count = to_count,
        .to_children = request_form_has(r, "children", "1"),
        .message = request_form(r, "message"),
        .attributed = request_form_has(r, "anonymous", "1") ? 0 : -1,
    };
    struct problems p = {0};
    struct share_list made;
    enum status s = share_create(&r->ctx, &req, &made, &p);
    if (s == STATUS_OK)
        request_redirect(r, arena_printf(&r->arena, "%s#shares",
                                         page_href(r, share_item_path(kind), item.id, "")));
    else if (p.count)
        share_form_page(r, &item, &sources[chosen], sources, n, &p);
    else
        page_fail(r, s);
}

void share_lesson_page(struct request *r)
{
    share_new(r, "lesson");
}

void share_lesson_post(struct request *r)
{
    share_create_post(r, "lesson");
}

void share_entry_page(struct request *r)
{
    share_new(r, "entry");
}

void share_entry_post(struct request *r)
{
    share_create_post(r, "entry");
}

void share_document_page(struct request *r)
{
    share_new(r, "document");
}

void share_document_post(struct request *r)
{
    share_create_post(r, "document");
}

void share_event_page(struct request *r)
{
    share_new(r, "event");
}

void share_event_post(struct request *r)
{
    share_create_post(r, "event");
}

void share_question_page(struct request *r)
{
    share_new(r, "question");
}

void share_question_post(struct request *r)
{
    share_create_post(r, "question");
}

/* A share's page -------------------------------------------------------------- */

static void share_crumbs(struct request *r, struct page *p, const struct share *sh, bool current)
{
    page_crumb(p, _("Alliances"), "/");
    page_crumb(p, sh->item_title, page_href(r, share_item_path(sh->kind), sh->item_id, ""));
    page_crumb(p, _("Share"), current ? NULL : page_href(r, "/shares/", sh->id, ""));
}

/* share_facts writes what a share is: from, to, when, by whom, the message. */
static void share_facts(struct request *r, const struct share *sh)
{
    struct buf *b = &r->out;
    html_raw(b, "<dl class=\"summary\">");
    page_fact_begin(r, _("What"));
    html_printf(b, "<a href=\"%s\">%s</a> <span class=\"muted small\">%s</span>",
                page_href(r, share_item_path(sh->kind), sh->item_id, ""), sh->item_title,
                share_kind_label(sh->kind));
    page_fact_end(r);
    page_fact_begin(r, _("From"));
    platform_cell(r, sh->from_id, sh->from_name, sh->from_level, sh->from_alliance_name);
    page_fact_end(r);
    page_fact_begin(r, _("To"));
    platform_cell(r, sh->to_id, sh->to_name, sh->to_level, sh->to_alliance_name);
    page_fact_end(r);
    page_fact(r, _("Direction"), share_direction_label(sh->direction));
    page_fact_begin(r, _("Shared"));
    page_date(r, sh->shared_at);
    if (sh->shared_by_id)
        html_printf(b, " · <a href=\"%s\">%s</a>", page_href(r, "/people/", sh->shared_by_id, ""),
                    sh->shared_by_name);
    page_fact_end(r);
    page_fact(r, _("Author"),
              sh->attributed ? _("Named to the receivers")
                             : _("Not named to the receivers (shared without attribution)"));
    if (*sh->message)
        page_fact(r, _("Message"), sh->message);
    page_fact_begin(r, _("Response"));
    state_tags(r, sh);
    if (sh->response && sh->responded_at) {
        html_raw(b, " ");
        page_date(r, sh->responded_at);
        if (sh->responded_by_id)
            html_printf(b, " · <a href=\"%s\">%s</a>",
                        page_href(r, "/people/", sh->responded_by_id, ""), sh->responded_by_name);
    }
    page_fact_end(r);
    if (sh->response && *sh->response_note)
        page_fact(r, _("Note"), sh->response_note);
    if (sh->response && *sh->response_link) {
        page_fact_begin(r, _("Link"));
        html_printf(b,
                    sh->response_link[0] == '/' ? "<a href=\"%s\">%s</a>"
                                                : "<a href=\"%s\" rel=\"nofollow noopener\">%s</a>",
                    sh->response_link, sh->response_link);
        page_fact_end(r);
    }
    if (sh->withdrawn_at) {
        page_fact_begin(r, _("Withdrawn"));
        page_date(r, sh->withdrawn_at);
        if (sh->withdrawn_by_id)
            html_printf(b, " · <a href=\"%s\">%s</a>",
                        page_href(r, "/people/", sh->withdrawn_by_id, ""), sh->withdrawn_by_name);
        page_fact_end(r);
    }
    html_raw(b, "</dl>\n");
}

/* event_choice offers the receiving platform's latest events, for a
 * response "discussed": the one chosen becomes the link. */
static void event_choice(struct request *r, const struct share *sh)
{
    struct listing l;
    listing_default(&l);
    l.limit = 12;
    l.descending = true; /* the latest first */
    struct event_filter f = {.platform_key = sh->to_key};
    struct event_list list;
    if (event_list(&r->ctx, &f, &l, &list) != STATUS_OK || list.count == 0)
        return;
    struct form_option *o = arena_array(&r->arena, (size_t)list.count + 1, sizeof *o);
    o[0] = (struct form_option){"", _("None: give a link below")};
    const char *chosen = "";
    for (int i = 0; i < list.count; i++) {
        char day[64];
        if (clock_format_date(list.items[i].starts_at, day, sizeof day) != 0)
            day[0] = '\0';
        o[i + 1] = (struct form_option){
            list.items[i].id, arena_printf(&r->arena, "%s, %s", list.items[i].title, day)};
        if (str_starts_with(sh->response_link, "/events/") &&
            str_eq(sh->response_link + strlen("/events/"), list.items[i].id))
            chosen = list.items[i].id;
    }
    form_select(r, NULL, "event", _("Event where it was discussed"),
                _("For discussed: an event of this platform. Or leave it and give a link below."),
                o, list.count + 1, chosen);
}

/* respond_form writes the receiver's response form, with what was typed. */
static void respond_form(struct request *r, const struct share *sh, const struct problems *p)
{
    html_printf(&r->out, "<h2 id=\"respond\">%s</h2>\n<p>%s</p>\n",
                sh->response ? _("Change the response") : _("Respond"),
                _("Say what the platform did with it. Discussed needs the link to the event or "
                  "its minutes; adopted, the link to what changed (the guideline, policy, "
                  "decision or practice); not relevant, the reason."));
    form_begin(r, page_href(r, "/shares/", sh->id, "/respond"), p);
    struct form_option o[5] = {{"", _("Choose the response")},
                               {"acknowledged", share_response_label("acknowledged")},
                               {"discussed", share_response_label("discussed")},
                               {"adopted", share_response_label("adopted")},
                               {"not_relevant", share_response_label("not_relevant")}};
    form_select(r, p, "response", _("Response"), NULL, o, 5, sh->response);
    event_choice(r, sh);
    form_input(r, p, "link", _("Link"),
               _("The event page or its minutes (discussed), or what changed (adopted): an "
                 "address starting with https://, or a page of this site."),
               sh->response_link, "text", false);
    form_textarea(r, p, "note", _("Note"), _("What was decided or changed; for not relevant, why."),
                  sh->response_note, 3);
    form_end(r, _("Save the response"), NULL, false);
}

/* share_view answers a share's page; typed (when a response failed) holds
 * what was typed, p its problems. */
static void share_view(struct request *r, const struct share *sh, const struct share *typed,
                       const struct problems *p)
{
    struct page page = {
        .title = sh->item_title, .context = sh->to_alliance_name, .nav = "alliances"};
    share_crumbs(r, &page, sh, true);
    page_begin(r, &page);
    struct buf *b = &r->out;
    html_printf(b, "<p class=\"caption\">%s</p><h1>%s</h1>\n",
                arena_printf(&r->arena, _("Share: %s to %s"), sh->from_name, sh->to_name),
                sh->item_title);
    share_facts(r, sh);
    if (share_may_respond(&r->ctx, sh))
        respond_form(r, typed ? typed : sh, p);
    discussion_item_section(r, "share", sh->key, sh->id);
    page_side(r);
    if (share_may_withdraw(&r->ctx, sh))
        html_printf(b,
                    "<section class=\"card\"><h2>%s</h2><ul><li><a href=\"%s\">%s</a></li>"
                    "</ul></section>\n",
                    _("Actions"), page_href(r, "/shares/", sh->id, "/withdraw"),
                    _("Withdraw the share"));
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

static struct share *load_share(struct request *r)
{
    struct share *sh = NULL;
    return page_allowed(r, share_find(&r->ctx, request_capture(r, 0), &sh)) ? sh : NULL;
}

void share_page(struct request *r)
{
    struct share *sh = load_share(r);
    if (sh)
        share_view(r, sh, NULL, NULL);
}

void share_respond_post(struct request *r)
{
    struct share *sh = load_share(r);
    if (!sh)
        return;
    struct share typed = *sh;
    typed.response = (char *)request_form(r, "response");
    typed.response_note = (char *)request_form(r, "note");
    typed.response_link = (char *)request_form(r, "link");
    const char *event = request_form(r, "event");
    if (!str_empty(event) && str_empty(typed.response_link))
        typed.response_link = page_href(r, "/events/", event, "");
    struct problems p = {0};
    enum status s = share_respond(&r->ctx, &typed, &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/shares/", sh->id, ""));
    else if (p.count && s != STATUS_CONFLICT)
        share_view(r, sh, &typed, &p);
    else if (p.count)
        page_error(r, 409, p.items[0].message);
    else
        page_fail(r, s);
}

void share_withdraw_page(struct request *r)
{
    struct share *sh = load_share(r);
    if (!sh || !page_allowed(r, rights_on_platform(&r->ctx, sh->from_key, RIGHT_SHARE_ITEMS)))
        return;
    if (sh->withdrawn_at) {
        page_error(r, 409, _("This share has been withdrawn already"));
        return;
    }
    struct page page = {.title = _("Withdraw the share"), .nav = "alliances"};
    share_crumbs(r, &page, sh, false);
    page_crumb(&page, _("Withdraw"), NULL);
    page_begin(r, &page);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n<p>", _("Withdraw the share"));
    html_printf(b,
                _("The members of %s will no longer read “%s” through this share, on any page, "
                  "in the API or in search. What %s passed on to others from this share is "
                  "withdrawn too."),
                sh->to_name, sh->item_title, sh->to_name);
    html_raw(b, "</p>\n");
    form_begin(r, page_href(r, "/shares/", sh->id, "/withdraw"), NULL);
    form_end(r, _("Withdraw the share"), page_href(r, "/shares/", sh->id, ""), true);
    page_end(r, 200);
}

void share_withdraw_post(struct request *r)
{
    struct share *sh = load_share(r);
    if (!sh)
        return;
    enum status s = share_withdraw(&r->ctx, sh);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/shares/", sh->id, ""));
    else if (s == STATUS_CONFLICT)
        page_error(r, 409, _("This share has been withdrawn already"));
    else
        page_fail(r, s);
}

/* Inbox and outbox ---------------------------------------------------------- */

/* box_filters writes the GET form of filters and fills f from the address. */
static void box_filters(struct request *r, const char *action, struct share_filter *f, bool inbox)
{
    struct buf *b = &r->out;
    const char *state = request_query(r, "state");
    f->state =
        share_state_valid(state) && (inbox ? !str_eq(state, "withdrawn") : true) ? state : NULL;
    const char *direction = request_query(r, "direction");
    if (str_eq(direction, "up") || str_eq(direction, "down") || str_eq(direction, "across"))
        f->direction = direction;
    f->flagged = str_eq(request_query(r, "flagged"), "1");
    struct form_option states[8] = {{"", _("Any response")},
                                    {"waiting", _("Waiting")},
                                    {"responded", _("Responded")},
                                    {"acknowledged", share_response_label("acknowledged")},
                                    {"discussed", share_response_label("discussed")},
                                    {"adopted", share_response_label("adopted")},
                                    {"not_relevant", share_response_label("not_relevant")},
                                    {"withdrawn", _("Withdrawn")}};
    struct form_option directions[4] = {{"", _("Any direction")},
                                        {"up", share_direction_label("up")},
                                        {"down", share_direction_label("down")},
                                        {"across", share_direction_label("across")}};
    html_printf(b, "<form class=\"filters\" method=\"get\" action=\"%s\">", action);
    table_filter_select(r, "state", _("Response"), states, inbox ? 7 : 8, f->state);
    table_filter_select(r, "direction", _("Direction"), directions, 4, f->direction);
    html_printf(b,
                "<div class=\"field\"><div class=\"checkbox\"><input id=\"f-flagged\" "
                "name=\"flagged\" type=\"checkbox\" value=\"1\"%s><label for=\"f-flagged\">%s"
                "</label></div></div>",
                f->flagged ? " checked" : "",
                arena_printf(&r->arena, _("Waiting more than %d days"), f->response_days));
    html_printf(b,
                "<div class=\"field\"><button class=\"button button--secondary\" "
                "type=\"submit\">%s</button></div></form>\n",
                _("Filter"));
}

static void box_page(struct request *r, bool inbox)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl || !page_allowed(r, rights_on_platform(&r->ctx, pl->key, RIGHT_READ_SHARES)))
        return;
    struct listing l;
    table_listing(r, &l, 25);
    struct share_filter f = {.response_days = r->config->response_days};
    if (inbox) {
        f.to_key = pl->key;
        f.standing = true; /* what was withdrawn is no longer received */
    } else {
        f.from_key = pl->key;
    }
    const char *heading = inbox ? _("Inbox") : _("Shared by this platform");
    struct page page = {.title = heading, .context = pl->alliance_name, .nav = "alliances"};
    page_crumb(&page, _("Alliances"), "/");
    page_crumb(&page, pl->alliance_name, page_href(r, "/alliances/", pl->alliance_slug, ""));
    page_crumb(&page, pl->name, page_href(r, "/platforms/", pl->id, ""));
    page_crumb(&page, heading, NULL);
    page_begin(r, &page);
    struct buf *b = &r->out;
    html_printf(b, "<p class=\"caption\">%s</p><h1>%s</h1>\n<p class=\"lead\">%s</p>\n", pl->name,
                heading,
                inbox ? _("Lessons, journal entries and documents other platforms shared with "
                          "this one. Say what became of each: acknowledged, discussed, adopted "
                          "or not relevant.")
                      : _("What this platform shared up, down and across, and what the "
                          "receivers did with it."));
    box_filters(r, page_href(r, "/platforms/", pl->id, inbox ? "/inbox" : "/shared"), &f, inbox);
    struct share_list list;
    if (share_list(&r->ctx, &f, &l, &list) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    table_count(r, list.total, N_("%s share"), N_("%s shares"));
    if (list.count == 0)
        page_empty(r,
                   inbox ? _("Nothing here. What other platforms share with this one comes here.")
                         : _("Nothing here. Share a lesson, an entry or a document from its "
                             "page."),
                   NULL, NULL);
    else
        shares_table(r, &list, inbox, true);
    table_pagination(r, &l, list.total);
    html_printf(b, "<p><a href=\"%s\">%s</a></p>\n",
                page_href(r, "/platforms/", pl->id, inbox ? "/shared" : "/inbox"),
                inbox ? _("Shared by this platform") : _("Inbox"));
    page_end(r, 200);
}

void platform_inbox_page(struct request *r)
{
    box_page(r, true);
}

void platform_outbox_page(struct request *r)
{
    box_page(r, false);
}
