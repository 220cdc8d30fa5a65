/*
 * web/enquiry.c — enquiries to a platform's resource centre as pages: the
 * public "Ask a question" form (signed out: name, email address and the
 * question, with a form token from a cookie and a limit per address), the
 * platform's enquiry desk for those who answer (filtered by status,
 * sortable, paged), an enquiry's page with the forms to assign, answer,
 * close and publish it, and the platform's frequently asked questions. The
 * desk and the FAQ page show the time to answer.
 */
#include "domain/enquiry.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/membership.h"
#include "domain/platform.h"
#include "domain/rights.h"
#include "web/form.h"
#include "web/html.h"
#include "web/load.h"
#include "web/page.h"
#include "web/table.h"
#include "web/web.h"

#include <libintl.h>
#include <string.h>

static const char *const status_names[] = {"open", "assigned", "answered", "closed"};

/* The FAQ page shows answers up to this many bytes whole, and links longer
 * ones, so that a page of ten stays under 30 KB. */
#define FAQ_ANSWER_SHOWN 1500

static const char *status_colour(const char *status)
{
    return str_eq(status, "open")       ? "yellow"
           : str_eq(status, "assigned") ? "blue"
           : str_eq(status, "answered") ? "green"
                                        : "grey";
}

/* excerpt is the start of text's first line, at most chars characters, cut
 * at a character boundary, with "…" when cut (arena). */
static const char *excerpt(struct request *r, const char *text, size_t chars)
{
    size_t n = strcspn(text, "\r\n"), cut = 0, count = 0;
    while (cut < n && count < chars) {
        cut++;
        while (cut < n && ((unsigned char)text[cut] & 0xC0) == 0x80)
            cut++;
        count++;
    }
    char *start = arena_strndup(&r->arena, text, cut);
    return cut < n || text[n] ? arena_printf(&r->arena, "%s…", start) : start;
}

/* plain_text writes text typed by a person as paragraphs, one a line. */
static void plain_text(struct request *r, const char *text)
{
    struct buf *b = &r->out;
    for (const char *p = text; *p;) {
        size_t n = strcspn(p, "\r\n");
        if (n) {
            html_raw(b, "<p>");
            html_text(b, arena_strndup(&r->arena, p, n));
            html_raw(b, "</p>");
        }
        p += n;
        while (*p == '\r' || *p == '\n')
            p++;
    }
}

/* duration writes seconds as a rounded span of time a person reads ("3
 * days"), the exact seconds in a <data> element. */
static void duration(struct request *r, int64_t seconds)
{
    struct buf *b = &r->out;
    html_printf(b, "<data value=\"%lld\">", (long long)seconds);
    if (seconds < 30) {
        html_printf(b, "%s", _("less than a minute"));
    } else if (seconds < 3600) {
        long long m = (seconds + 30) / 60;
        html_printf(b, ngettext("%lld minute", "%lld minutes", (unsigned long)m), m);
    } else if (seconds < 48 * 3600) {
        long long h = (seconds + 1800) / 3600;
        html_printf(b, ngettext("%lld hour", "%lld hours", (unsigned long)h), h);
    } else {
        long long d = (seconds + 43200) / 86400;
        html_printf(b, ngettext("%lld day", "%lld days", (unsigned long)d), d);
    }
    html_raw(b, "</data>");
}

/* times_card writes the platform's time to answer; with count, how many
 * enquiries it is made of (for those who answer). */
static void times_card(struct request *r, const struct platform *pl, bool count)
{
    struct buf *b = &r->out;
    struct enquiry_times t;
    if (enquiry_times(&r->ctx, pl->key, &t) != STATUS_OK)
        return;
    html_printf(b, "<section class=\"card\" id=\"time-to-answer\"><h2>%s</h2>",
                _("Time to answer"));
    if (!t.answered) {
        html_printf(b, "<p>%s</p></section>\n", _("No enquiry has been answered yet."));
        return;
    }
    html_raw(b, "<dl class=\"summary\">");
    page_fact_begin(r, _("Median"));
    duration(r, t.median);
    page_fact_end(r);
    page_fact_begin(r, _("Average"));
    duration(r, t.average);
    page_fact_end(r);
    if (count) {
        page_fact_begin(r, _("Answered"));
        html_int(b, t.answered);
        page_fact_end(r);
    }
    html_printf(b, "</dl><p class=\"muted small\">%s</p></section>\n",
                _("From the question to its first answer."));
}

static void platform_crumbs(struct request *r, struct page *p, const struct platform *pl)
{
    page_crumb(p, _("Alliances"), "/");
    page_crumb(p, pl->alliance_name, page_href(r, "/alliances/", pl->alliance_slug, ""));
    page_crumb(p, pl->name, page_href(r, "/platforms/", pl->id, ""));
}

/* ask_form writes the "Ask a question" page: the form, or after a visitor
 * asked (?asked=1), what happens next. */
static void ask_form(struct request *r, const struct platform *pl, const struct enquiry *e,
                     const struct problems *p)
{
    struct page page = {
        .title = _("Ask the resource centre"), .context = pl->alliance_name, .nav = "alliances"};
    platform_crumbs(r, &page, pl);
    page_crumb(&page, _("Ask a question"), NULL);
    page_begin(r, &page);
    struct buf *b = &r->out;
    html_printf(b, "<p class=\"caption\">%s</p><h1>%s</h1>\n", pl->name,
                _("Ask the resource centre"));
    if (str_eq(request_query(r, "asked"), "1") && !(p && p->count)) {
        html_printf(b,
                    "<div class=\"banner banner--success\" role=\"status\"><p "
                    "class=\"banner__title\">%s</p><p>%s</p></div>\n",
                    _("Your question was sent"),
                    _("Someone who documents this platform's knowledge will answer you at the "
                      "email address you gave."));
    }
    html_printf(b, "<p class=\"lead\">%s</p>\n",
                _("Ask the platform's resource centre about what it knows: lessons, documents, "
                  "contacts. Someone who documents the platform's knowledge will answer."));
    html_printf(b, "<p><a href=\"%s\">%s</a></p>\n", page_href(r, "/platforms/", pl->id, "/faq"),
                _("Read the questions already answered"));
    form_begin(r, page_href(r, "/platforms/", pl->id, "/ask"), p);
    if (r->ctx.viewer->person_key) {
        html_printf(b, "<p>%s</p>\n",
                    arena_printf(&r->arena,
                                 _("You ask as %s. The answer will be on the page of "
                                   "your question."),
                                 r->ctx.viewer->name ? r->ctx.viewer->name : ""));
    } else {
        form_input(r, p, "asker_name", _("Your name"), NULL, e->asker_name, "text", false);
        form_input(r, p, "asker_email", _("Your email address"),
                   _("Only the people who answer see it."), e->asker_email, "email", false);
    }
    form_textarea(r, p, "question", _("Your question"),
                  _("Say what you want to know, and where and why you need it."), e->question, 6);
    form_end(r, _("Send the question"), page_href(r, "/platforms/", pl->id, ""), false);
    page_side(r);
    times_card(r, pl, false);
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void enquiry_ask_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    struct enquiry e = {0};
    ask_form(r, pl, &e, NULL);
}

void enquiry_ask_post(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    int64_t wait = enquiry_wait(&r->ctx, request_peer(r));
    if (wait > 0) {
        request_set_header(r, "Retry-After", arena_printf(&r->arena, "%lld", (long long)wait));
        page_error(r, 429,
                   arena_printf(&r->arena,
                                _("Too many questions from here. Try again in %lld minutes."),
                                (long long)(wait + 59) / 60));
        return;
    }
    struct enquiry e = {.platform_id = pl->id};
    e.asker_name = (char *)request_form(r, "asker_name");
    e.asker_email = (char *)request_form(r, "asker_email");
    e.question = (char *)request_form(r, "question");
    struct problems p = {0};
    enum status s = enquiry_create(&r->ctx, &e, request_peer(r), &p);
    if (s == STATUS_OK && r->ctx.viewer->person_key)
        request_redirect(r, page_href(r, "/enquiries/", e.id, ""));
    else if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/platforms/", pl->id, "/ask?asked=1"));
    else if (p.count)
        ask_form(r, pl, &e, &p);
    else
        page_fail(r, s);
}

/* desk_filters writes the GET form above the desk and reads the status. */
static void desk_filters(struct request *r, const struct platform *pl, struct enquiry_filter *f,
                         const struct listing *l)
{
    struct buf *b = &r->out;
    const char *status = request_query(r, "status");
    for (int i = 0; i < 4; i++)
        if (str_eq(status, status_names[i]))
            f->status = status_names[i];
    html_printf(b, "<form class=\"filters\" method=\"get\" action=\"%s\">",
                page_href(r, "/platforms/", pl->id, "/enquiries"));
    html_printf(b,
                "<div class=\"field\"><label class=\"label\" for=\"f-q\">%s</label>"
                "<input class=\"input\" id=\"f-q\" name=\"q\" type=\"search\" value=\"%s\">"
                "</div><div class=\"field\"><label class=\"label\" for=\"f-status\">%s</label>"
                "<select class=\"select\" id=\"f-status\" name=\"status\"><option value=\"\">%s"
                "</option>",
                _("Question"), l->query ? l->query : "", _("Status"), _("All statuses"));
    for (int i = 0; i < 4; i++)
        html_printf(b, "<option value=\"%s\"%s>%s</option>", status_names[i],
                    str_eq(f->status, status_names[i]) ? " selected" : "",
                    enquiry_status_label(status_names[i]));
    html_printf(b,
                "</select></div><div class=\"field\"><button class=\"button button--secondary\" "
                "type=\"submit\">%s</button></div></form>\n",
                _("Filter"));
}

static void desk_table(struct request *r, const struct enquiry_list *list, const struct listing *l)
{
    struct buf *b = &r->out;
    html_raw(b, "<div class=\"table-wrap\"><table class=\"table\"><thead><tr>");
    html_printf(b, "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>", _("Question"),
                _("Asked by"));
    table_sort_header(r, l, "status", _("Status"), false);
    html_printf(b, "<th scope=\"col\">%s</th>", _("Assigned to"));
    table_sort_header(r, l, "asked", _("Asked"), false);
    table_sort_header(r, l, "answered", _("Answered"), false);
    html_raw(b, "</tr></thead><tbody>\n");
    for (int i = 0; i < list->count; i++) {
        const struct enquiry *e = &list->items[i];
        html_printf(b, "<tr><td><a href=\"%s\">%s</a>", page_href(r, "/enquiries/", e->id, ""),
                    excerpt(r, e->question, 80));
        if (e->faq) {
            html_raw(b, " ");
            page_tag(r, "purple", _("FAQ"));
        }
        html_printf(b, "</td><td>%s</td><td>", e->asker_name ? e->asker_name : "");
        page_tag(r, status_colour(e->status), enquiry_status_label(e->status));
        html_printf(b, "</td><td>%s</td><td>", e->assignee_name ? e->assignee_name : "");
        page_date(r, e->asked_at);
        html_raw(b, "</td><td>");
        if (e->answered_at)
            page_date(r, e->answered_at);
        html_raw(b, "</td></tr>\n");
    }
    html_raw(b, "</tbody></table></div>\n");
    table_pagination(r, l, list->total);
}

void platform_enquiries_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl || !page_allowed(r, rights_on_platform(&r->ctx, pl->key, RIGHT_PUBLISH_ITEMS)))
        return;
    struct listing l;
    table_listing(r, &l, 30);
    struct enquiry_filter f = {.platform_key = pl->key, .faq = -1};
    struct page p = {.title = _("Enquiry desk"), .context = pl->alliance_name, .nav = "alliances"};
    platform_crumbs(r, &p, pl);
    page_crumb(&p, _("Enquiry desk"), NULL);
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b, "<p class=\"caption\">%s</p><h1>%s</h1>\n", pl->name, _("Enquiry desk"));
    html_printf(b, "<p class=\"lead\">%s</p>\n",
                _("Questions asked to the platform's resource centre. Assign each to someone "
                  "who documents the platform, answer with links to lessons and documents, and "
                  "publish the useful ones as frequently asked questions."));
    desk_filters(r, pl, &f, &l);
    struct enquiry_list list;
    if (enquiry_list(&r->ctx, &f, &l, &list) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    table_count(r, list.total, N_("%s enquiry"), N_("%s enquiries"));
    if (list.count == 0)
        page_empty(r,
                   f.status || l.query ? _("No enquiry matches. Change the filters.")
                                       : _("No enquiries yet. Questions asked through the "
                                           "platform's form arrive here."),
                   NULL, NULL);
    else
        desk_table(r, &list, &l);
    page_side(r);
    times_card(r, pl, true);
    html_printf(b, "<section class=\"card\"><h2>%s</h2><ul><li><a href=\"%s\">%s</a></li>",
                _("Resource centre"), page_href(r, "/platforms/", pl->id, "/faq"),
                _("Frequently asked questions"));
    html_printf(b, "<li><a href=\"%s\">%s</a></li></ul></section>\n",
                page_href(r, "/platforms/", pl->id, "/ask"), _("The form to ask a question"));
    page_end(r, 200);
}

void platform_faq_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    struct listing l;
    table_listing(r, &l, 10);
    l.sort = "answered";
    l.descending = false;
    struct enquiry_filter f = {.platform_key = pl->key, .faq = 1};
    struct page p = {
        .title = _("Frequently asked questions"), .context = pl->alliance_name, .nav = "alliances"};
    platform_crumbs(r, &p, pl);
    page_crumb(&p, _("Frequently asked questions"), NULL);
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b, "<p class=\"caption\">%s</p><h1>%s</h1>\n", pl->name,
                _("Frequently asked questions"));
    char *ask = page_href(r, "/platforms/", pl->id, "/ask");
    struct enquiry_list list;
    if (enquiry_list(&r->ctx, &f, &l, &list) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    table_count(r, list.total, N_("%s question"), N_("%s questions"));
    if (list.count == 0)
        page_empty(r, _("No questions answered here yet. Ask the first one."), ask,
                   _("Ask the resource centre"));
    for (int i = 0; i < list.count; i++) {
        const struct enquiry *e = &list.items[i];
        char *href = page_href(r, "/enquiries/", e->id, "");
        html_printf(b, "<section><h2><a href=\"%s\">%s</a></h2>", href,
                    excerpt(r, e->question, 120));
        /* Long answers are read on their own page: the list stays small. */
        if (strlen(e->answer) <= FAQ_ANSWER_SHOWN) {
            html_raw(b, "<div class=\"prose\">");
            html_markdown(b, e->answer);
            html_raw(b, "</div>");
        } else {
            html_printf(b, "<p><a href=\"%s\">%s</a></p>", href, _("Read the answer"));
        }
        html_raw(b, "</section>\n");
    }
    table_pagination(r, &l, list.total);
    if (list.count)
        html_printf(b, "<p><a class=\"button\" href=\"%s\">%s</a></p>\n", ask,
                    _("Ask another question"));
    page_side(r);
    times_card(r, pl, false);
    page_end(r, 200);
}

/* about_card writes the facts of an enquiry: who asked only to those who
 * may know. */
static void about_card(struct request *r, const struct enquiry *e)
{
    struct buf *b = &r->out;
    html_printf(b, "<section class=\"card\"><h2>%s</h2><dl class=\"summary\">", _("About"));
    page_fact_begin(r, _("Platform"));
    html_printf(b, "<a href=\"%s\">%s</a>", page_href(r, "/platforms/", e->platform_id, ""),
                e->platform_name);
    page_fact_end(r);
    page_fact_begin(r, _("Asked"));
    page_date(r, e->asked_at);
    page_fact_end(r);
    if (e->asker_name) {
        page_fact_begin(r, _("Asked by"));
        if (e->asker_id)
            html_printf(b, "<a href=\"%s\">%s</a>", page_href(r, "/people/", e->asker_id, ""),
                        e->asker_name);
        else
            html_printf(b, "%s <span class=\"muted small\">%s</span>", e->asker_name,
                        _("a visitor"));
        page_fact_end(r);
    }
    if (!str_empty(e->asker_email)) {
        page_fact_begin(r, _("Email"));
        html_printf(b, "<a href=\"mailto:%s\">%s</a>", e->asker_email, e->asker_email);
        page_fact_end(r);
    }
    if (e->assignee_id) {
        page_fact_begin(r, str_eq(e->status, "answered") || e->answered_at ? _("Answered by")
                                                                           : _("Assigned to"));
        html_printf(b, "<a href=\"%s\">%s</a>", page_href(r, "/people/", e->assignee_id, ""),
                    e->assignee_name);
        page_fact_end(r);
    }
    if (e->answered_at) {
        page_fact_begin(r, _("Answered"));
        page_date(r, e->answered_at);
        page_fact_end(r);
    }
    html_raw(b, "</dl></section>\n");
}

/* assign_form: a convenor or facilitator gives the enquiry to someone who
 * answers for the platform. */
static void assign_form(struct request *r, const struct enquiry *e, const struct problems *p)
{
    struct membership_filter mf = {.platform_key = e->platform_key};
    struct listing l;
    listing_default(&l);
    l.limit = LISTING_MAX_LIMIT;
    struct membership_list members;
    if (membership_list(&r->ctx, &mf, &l, &members) != STATUS_OK)
        return;
    struct form_option *o = arena_array(&r->arena, (size_t)members.count + 1, sizeof *o);
    int n = 0;
    o[n].value = "";
    o[n++].label = _("Choose someone");
    for (int i = 0; i < members.count; i++) {
        const struct membership *m = &members.items[i];
        if (!m->person_id || !rights_role_has(m->role, RIGHT_PUBLISH_ITEMS))
            continue;
        o[n].value = m->person_id;
        o[n++].label = arena_printf(&r->arena, "%s (%s)", m->person_name, role_label(m->role));
    }
    html_printf(&r->out, "<h2>%s</h2>\n", _("Assign"));
    form_begin(r, page_href(r, "/enquiries/", e->id, "/assign"), NULL);
    form_select(r, p, "assignee", _("Who answers"),
                _("Documenters, facilitators and convenors of the platform."), o, n,
                e->assignee_id);
    form_end(r, _("Assign the enquiry"), NULL, false);
}

static void answer_form(struct request *r, const struct enquiry *e, const struct enquiry *typed,
                        const struct problems *p)
{
    struct buf *b = &r->out;
    html_printf(b, "<h2>%s</h2>\n",
                str_eq(e->status, "answered") ? _("Edit the answer") : _("Answer"));
    form_begin(r, page_href(r, "/enquiries/", e->id, "/answer"), NULL);
    form_textarea(r, p, "answer", _("Answer"),
                  _("You can use Markdown. Link to lessons and documents of this site, such as "
                    "[the lesson](/lessons/…)."),
                  typed->answer, 8);
    form_textarea(r, p, "question", _("Question"),
                  _("As asked. Take out names and personal details before publishing it as a "
                    "frequently asked question."),
                  typed->question, 4);
    form_end(r, str_eq(e->status, "answered") ? _("Save the answer") : _("Send the answer"), NULL,
             false);
}

/* actions writes the forms of those who answer (with what was typed, when a
 * form comes back with problems), then the side column. */
static void actions(struct request *r, const struct enquiry *e, const struct enquiry *typed,
                    const struct problems *p)
{
    struct buf *b = &r->out;
    bool closed = str_eq(e->status, "closed");
    bool has_answer = str_eq(e->status, "answered") || (closed && e->answered_at);
    if (!closed && enquiry_may_assign(&r->ctx, e) && !str_eq(e->status, "answered"))
        assign_form(r, typed, p);
    if (!closed)
        answer_form(r, e, typed, p);
    page_side(r);
    about_card(r, e);
    html_printf(b, "<section class=\"card\" id=\"f-faq\"><h2>%s</h2>",
                _("Frequently asked question"));
    if (has_answer) {
        html_printf(b, "<p>%s</p>",
                    e->faq ? _("Published: anyone who may read the platform reads it.")
                           : _("Not published: only the asker and those who answer read it."));
        form_begin(r, page_href(r, "/enquiries/", e->id, "/faq"), NULL);
        form_hidden(r, "faq", e->faq ? "0" : "1");
        form_end(r, e->faq ? _("Unpublish") : _("Publish as a frequently asked question"), NULL,
                 false);
    } else {
        html_printf(b, "<p>%s</p>", _("Answer the enquiry first, then you can publish it."));
    }
    html_raw(b, "</section>\n");
    if (!closed) {
        html_printf(b, "<section class=\"card\" id=\"f-status\"><h2>%s</h2><p>%s</p>", _("Close"),
                    has_answer ? _("Close the enquiry when nothing more is needed.")
                               : _("Close it without an answer: spam, or a question asked "
                                   "twice."));
        form_begin(r, page_href(r, "/enquiries/", e->id, "/status"), NULL);
        form_hidden(r, "status", "closed");
        form_end(r, _("Close the enquiry"), NULL, false);
        html_raw(b, "</section>\n");
    }
}

/* enquiry_show writes an enquiry's page; p holds the problems of a form
 * sent from it, and typed what the form said. */
static void enquiry_show(struct request *r, const struct enquiry *e, const struct enquiry *typed,
                         const struct problems *p)
{
    const char *title = excerpt(r, e->question, 120);
    struct page page = {.title = title, .context = e->alliance_name, .nav = "alliances"};
    page_crumb(&page, _("Alliances"), "/");
    page_crumb(&page, e->alliance_name, page_href(r, "/alliances/", e->alliance_slug, ""));
    page_crumb(&page, e->platform_name, page_href(r, "/platforms/", e->platform_id, ""));
    bool answers = enquiry_may_answer(&r->ctx, e);
    if (answers)
        page_crumb(&page, _("Enquiry desk"),
                   page_href(r, "/platforms/", e->platform_id, "/enquiries"));
    else
        page_crumb(&page, _("Frequently asked questions"),
                   page_href(r, "/platforms/", e->platform_id, "/faq"));
    page_crumb(&page, _("Question"), NULL);
    page_begin(r, &page);
    struct buf *b = &r->out;
    form_error_summary(r, p);
    html_printf(b, "<p class=\"caption\">%s</p><h1>%s</h1>\n<ul class=\"tags\"><li>",
                _("Question to the resource centre"), title);
    page_tag(r, status_colour(e->status), enquiry_status_label(e->status));
    html_raw(b, "</li>");
    if (e->faq) {
        html_raw(b, "<li>");
        page_tag(r, "purple", _("Frequently asked question"));
        html_raw(b, "</li>");
    }
    html_printf(b, "</ul>\n<h2>%s</h2><div class=\"prose\">", _("The question"));
    plain_text(r, e->question);
    html_raw(b, "</div>\n");
    if (e->answered_at && !str_empty(e->answer)) {
        html_printf(b, "<h2>%s</h2><div class=\"prose\">", _("The answer"));
        html_markdown(b, e->answer);
        html_raw(b, "</div>\n");
    } else if (!answers) {
        html_printf(b, "<p>%s</p>\n", _("Not answered yet."));
    }
    if (answers) {
        actions(r, e, typed, p);
    } else {
        page_side(r);
        about_card(r, e);
    }
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void enquiry_page(struct request *r)
{
    struct enquiry *e;
    enum status s = enquiry_find(&r->ctx, request_capture(r, 0), &e);
    if (page_allowed(r, s))
        enquiry_show(r, e, e, NULL);
}

/* change is what a form of the enquiry's page does to its copy. Returns
 * false when it found a problem with the form itself. */
typedef bool (*change_fn)(struct request *r, struct enquiry *e, struct problems *p);

/* enquiry_change loads the enquiry, applies a form's change, stores it and
 * goes back to the page (or shows it again with the problems). */
static void enquiry_change(struct request *r, change_fn change)
{
    struct enquiry *before;
    enum status s = enquiry_find(&r->ctx, request_capture(r, 0), &before);
    if (!page_allowed(r, s))
        return;
    if (!enquiry_may_answer(&r->ctx, before)) {
        page_fail(r, r->ctx.viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED);
        return;
    }
    struct enquiry e = *before;
    struct problems p = {0};
    s = change(r, &e, &p) ? enquiry_update(&r->ctx, &e, &p) : STATUS_INVALID;
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/enquiries/", e.id, ""));
    else if (p.count)
        enquiry_show(r, before, &e, &p);
    else
        page_fail(r, s);
}

static bool assign_change(struct request *r, struct enquiry *e, struct problems *p)
{
    (void)p;
    e->assignee_id = (char *)request_form(r, "assignee");
    e->status = "assigned";
    return true;
}

static bool answer_change(struct request *r, struct enquiry *e, struct problems *p)
{
    (void)p;
    e->answer = (char *)request_form(r, "answer");
    e->question = (char *)request_form(r, "question");
    e->status = str_eq(e->status, "closed") ? e->status : "answered";
    return true;
}

static bool status_change(struct request *r, struct enquiry *e, struct problems *p)
{
    const char *status = request_form(r, "status");
    if (!str_eq(status, "closed")) {
        problems_invalid(p, "status", _("Choose to close the enquiry"));
        return false;
    }
    e->status = "closed";
    return true;
}

static bool faq_change(struct request *r, struct enquiry *e, struct problems *p)
{
    const char *faq = request_form(r, "faq");
    if (!str_eq(faq, "1") && !str_eq(faq, "0")) {
        problems_invalid(p, "faq",
                         _("Choose whether to publish it as a frequently asked question"));
        return false;
    }
    e->faq = str_eq(faq, "1");
    return true;
}

void enquiry_assign_post(struct request *r)
{
    enquiry_change(r, assign_change);
}

void enquiry_answer_post(struct request *r)
{
    enquiry_change(r, answer_change);
}

void enquiry_status_post(struct request *r)
{
    enquiry_change(r, status_change);
}

void enquiry_faq_post(struct request *r)
{
    enquiry_change(r, faq_change);
}
