/*
 * web/lesson.c — lessons as pages: the list of every lesson the viewer may
 * read (filtered by outcome, level, tag and date; sortable), a platform's
 * lessons, a lesson's page (the lesson first, then what happened, the
 * recommendation, the evidence), and the forms to record, edit and delete one.
 */
#include "domain/lesson.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/cycle.h"
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

static const char *outcome_colour(const char *outcome)
{
    return str_eq(outcome, "success") ? "green" : str_eq(outcome, "failure") ? "red" : "yellow";
}

struct form_option *lesson_outcome_options(struct request *r, const char *empty)
{
    static const char *const names[] = {"success", "failure", "mixed"};
    struct form_option *o = arena_array(&r->arena, 4, sizeof *o);
    o[0].value = "";
    o[0].label = empty;
    for (int i = 0; i < 3; i++) {
        o[i + 1].value = names[i];
        o[i + 1].label = lesson_outcome_label(names[i]);
    }
    return o;
}

/* filters_form writes the GET form above a list and fills f from the address. */
static void filters_form(struct request *r, const char *action, struct lesson_filter *f,
                         const struct listing *l)
{
    struct buf *b = &r->out;
    const char *outcome = request_query(r, "outcome");
    if (str_eq(outcome, "success") || str_eq(outcome, "failure") || str_eq(outcome, "mixed"))
        f->outcome = outcome;
    const char *tag = request_query(r, "tag");
    f->tag = str_empty(tag) ? NULL : str_lower_ascii(&r->arena, tag);
    f->from = table_query_date(r, "from");
    f->to = table_query_date(r, "to");
    html_printf(b, "<form class=\"filters\" method=\"get\" action=\"%s\">", action);
    html_printf(b,
                "<div class=\"field\"><label class=\"label\" for=\"f-q\">%s</label>"
                "<input class=\"input\" id=\"f-q\" name=\"q\" type=\"search\" value=\"%s\">"
                "</div>",
                _("Title"), l->query ? l->query : "");
    table_filter_select(r, "outcome", _("Outcome"), lesson_outcome_options(r, _("All outcomes")), 4,
                        f->outcome);
    if (!f->platform_key) { /* a platform's own list has one level */
        f->depth = table_query_level(r);
        table_filter_level(r, f->depth);
    }
    html_printf(b,
                "<div class=\"field\"><label class=\"label\" for=\"f-tag\">%s"
                "</label><input class=\"input input--short\" id=\"f-tag\" name=\"tag\" "
                "type=\"text\" value=\"%s\"></div>",
                _("Tag"), f->tag ? f->tag : "");
    html_printf(b,
                "<div class=\"field\"><label class=\"label\" for=\"f-from\">%s</label>"
                "<input class=\"input input--short\" id=\"f-from\" name=\"from\" type=\"date\" "
                "value=\"%s\"></div><div class=\"field\"><label class=\"label\" for=\"f-to\">"
                "%s</label><input class=\"input input--short\" id=\"f-to\" name=\"to\" "
                "type=\"date\" value=\"%s\"></div>",
                _("From"), f->from ? f->from : "", _("To"), f->to ? f->to : "");
    html_printf(b,
                "<div class=\"field\"><button class=\"button button--secondary\" "
                "type=\"submit\">%s</button></div></form>\n",
                _("Filter"));
}

/* lessons_table writes a page of lessons with sortable headers and paging. */
static void lessons_table(struct request *r, const struct lesson_list *list,
                          const struct listing *l, bool show_platform)
{
    struct buf *b = &r->out;
    html_raw(b, "<div class=\"table-wrap\"><table class=\"table\"><thead><tr>");
    table_sort_header(r, l, "title", _("Lesson"), false);
    table_sort_header(r, l, "outcome", _("Outcome"), false);
    if (show_platform)
        table_sort_header(r, l, "platform", _("Platform"), false);
    table_sort_header(r, l, "date", _("Date"), false);
    html_raw(b, "</tr></thead><tbody>\n");
    for (int i = 0; i < list->count; i++) {
        const struct lesson *ls = &list->items[i];
        html_printf(b, "<tr><td><a href=\"%s\">%s</a>", page_href(r, "/lessons/", ls->id, ""),
                    ls->title);
        if (str_eq(ls->status, "draft")) {
            html_raw(b, " ");
            page_tag(r, "grey", _("Draft"));
        }
        html_raw(b, "</td><td>");
        page_tag(r, outcome_colour(ls->outcome), lesson_outcome_label(ls->outcome));
        html_raw(b, "</td>");
        if (show_platform)
            html_printf(b, "<td>%s <span class=\"muted small\">%s</span></td>", ls->platform_name,
                        ls->level_label);
        html_raw(b, "<td>");
        page_date(r, ls->happened_on);
        html_raw(b, "</td></tr>\n");
    }
    html_raw(b, "</tbody></table></div>\n");
    table_pagination(r, l, list->total);
}

void lesson_index_page(struct request *r)
{
    struct listing l;
    table_listing(r, &l, 30);
    struct lesson_filter f = {.depth = -1};
    struct page p = {.title = _("Lessons learned"), .nav = "lessons"};
    page_crumb(&p, _("Lessons learned"), NULL);
    page_begin(r, &p);
    html_printf(&r->out, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n", _("Lessons learned"),
                _("What the platforms have learnt, failures as well as successes. Record a "
                  "lesson from the page of its platform."));
    filters_form(r, "/lessons", &f, &l);
    struct lesson_list list;
    if (lesson_list(&r->ctx, &f, &l, &list) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    table_count(r, list.total, N_("%s lesson"), N_("%s lessons"));
    if (list.count == 0)
        page_empty(r, _("No lesson matches. Change the filters."), NULL, NULL);
    else
        lessons_table(r, &list, &l, true);
    page_end(r, 200);
}

void platform_lessons_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    struct listing l;
    table_listing(r, &l, 30);
    struct lesson_filter f = {.platform_key = pl->key, .depth = -1};
    const char *title = arena_printf(&r->arena, _("Lessons of %s"), pl->name);
    struct page p = {.title = _("Lessons"), .context = pl->alliance_name, .nav = "lessons"};
    page_crumb(&p, _("Alliances"), "/");
    page_crumb(&p, pl->alliance_name, page_href(r, "/alliances/", pl->alliance_slug, ""));
    page_crumb(&p, pl->name, page_href(r, "/platforms/", pl->id, ""));
    page_crumb(&p, _("Lessons"), NULL);
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n", title);
    bool may = rights_may(rights_on_platform(&r->ctx, pl->key, RIGHT_WRITE_ITEMS));
    char *add = page_href(r, "/platforms/", pl->id, "/lessons/new");
    if (may)
        html_printf(b, "<p><a class=\"button\" href=\"%s\">%s</a></p>\n", add,
                    _("Record a lesson"));
    filters_form(r, page_href(r, "/platforms/", pl->id, "/lessons"), &f, &l);
    struct lesson_list list;
    if (lesson_list(&r->ctx, &f, &l, &list) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    table_count(r, list.total, N_("%s lesson"), N_("%s lessons"));
    if (list.count == 0)
        page_empty(r, _("No lessons yet. Record the first lesson of this platform."),
                   may ? add : NULL, _("Record a lesson"));
    else
        lessons_table(r, &list, &l, false);
    page_end(r, 200);
}

static void lesson_crumbs(struct request *r, struct page *p, const struct lesson *ls, bool current)
{
    page_crumb(p, _("Alliances"), "/");
    page_crumb(p, ls->alliance_name, page_href(r, "/alliances/", ls->alliance_slug, ""));
    page_crumb(p, ls->platform_name, page_href(r, "/platforms/", ls->platform_id, ""));
    page_crumb(p, ls->title, current ? NULL : page_href(r, "/lessons/", ls->id, ""));
}

static void section(struct request *r, const char *heading, const char *markdown)
{
    if (!markdown || !*markdown)
        return;
    html_printf(&r->out, "<h2>%s</h2><div class=\"prose\">", heading);
    html_markdown(&r->out, markdown);
    html_raw(&r->out, "</div>\n");
}

void lesson_page(struct request *r)
{
    struct lesson *ls;
    enum status s = lesson_find(&r->ctx, request_capture(r, 0), &ls);
    if (!page_allowed(r, s))
        return;
    struct page p = {.title = ls->title, .context = ls->alliance_name, .nav = "lessons"};
    lesson_crumbs(r, &p, ls, true);
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b, "<p class=\"caption\">%s</p><h1>%s</h1>\n<ul class=\"tags\"><li>", _("Lesson"),
                ls->title);
    page_tag(r, outcome_colour(ls->outcome), lesson_outcome_label(ls->outcome));
    html_raw(b, "</li>");
    if (str_eq(ls->status, "draft")) {
        html_raw(b, "<li>");
        page_tag(r, "grey", _("Draft"));
        html_raw(b, "</li>");
    }
    html_raw(b, "<li>");
    page_tag(r, "blue", lesson_visibility_label(ls->visibility));
    html_raw(b, "</li></ul>\n");
    section(r, _("The lesson"), ls->lesson);
    section(r, _("What happened"), ls->what_happened);
    section(r, _("Context"), ls->context);
    section(r, _("Recommendation"), ls->recommendation);
    if (ls->evidence_count) {
        html_printf(b, "<h2>%s</h2><ul>", _("Evidence"));
        for (int i = 0; i < ls->evidence_count; i++)
            html_printf(b,
                        ls->evidence[i].url[0] == '/'
                            ? "<li><a href=\"%s\">%s</a></li>"
                            : "<li><a href=\"%s\" rel=\"nofollow noopener\">%s</a></li>",
                        ls->evidence[i].url, ls->evidence[i].label);
        html_raw(b, "</ul>\n");
    }
    struct share_item item = SHARE_ITEM_OF("lesson", ls);
    journey_lesson_section(r, ls); /* its shares, responses and applications */
    discussion_item_section(r, "lesson", ls->key, ls->id);
    page_side(r);
    html_printf(b, "<section class=\"card\"><h2>%s</h2><dl class=\"summary\">", _("About"));
    page_fact_begin(r, _("Platform"));
    html_printf(b, "<a href=\"%s\">%s</a>", page_href(r, "/platforms/", ls->platform_id, ""),
                ls->platform_name);
    page_fact_end(r);
    page_fact(r, _("Level"), ls->level_label);
    page_fact_begin(r, _("Date"));
    page_date(r, ls->happened_on);
    page_fact_end(r);
    if (ls->author_id) {
        page_fact_begin(r, _("Recorded by"));
        html_printf(b, "<a href=\"%s\">%s</a>", page_href(r, "/people/", ls->author_id, ""),
                    ls->author_name);
        page_fact_end(r);
    } else if (!ls->attributed) {
        page_fact(r, _("Recorded by"), _("Not named: shared without attribution"));
    }
    if (*ls->question)
        page_fact(r, _("Learning question"), ls->question);
    if (ls->tag_count) {
        page_fact_begin(r, _("Tags"));
        html_raw(b, "<ul class=\"tags\">");
        for (int i = 0; i < ls->tag_count; i++) {
            html_raw(b, "<li><a href=\"/lessons?tag=");
            html_url_arg(b, ls->tags[i]);
            html_printf(b, "\">%s</a></li>", ls->tags[i]);
        }
        html_raw(b, "</ul>");
        page_fact_end(r);
    }
    html_raw(b, "</dl></section>\n");
    bool edit = lesson_may_edit(&r->ctx, ls);
    bool remove = rights_may(rights_on_platform(&r->ctx, ls->platform_key, RIGHT_PUBLISH_ITEMS));
    if (edit || remove) {
        html_printf(b, "<section class=\"card\"><h2>%s</h2><ul>", _("Actions"));
        if (edit)
            html_printf(b, "<li><a href=\"%s\">%s</a></li>",
                        page_href(r, "/lessons/", ls->id, "/edit"), _("Edit the lesson"));
        if (remove)
            html_printf(b, "<li><a href=\"%s\">%s</a></li>",
                        page_href(r, "/lessons/", ls->id, "/delete"), _("Delete the lesson"));
        html_raw(b, "</ul></section>\n");
    }
    share_item_side(r, &item);
    application_lesson_side(r, ls);
    question_item_side(r, "lesson", ls->key);
    page_end(r, 200);
}

/* lesson_read_form copies the form into ls. */
static void lesson_read_form(struct request *r, struct lesson *ls, struct problems *p)
{
    ls->title = (char *)request_form(r, "title");
    ls->happened_on = (char *)request_form(r, "happened_on");
    ls->outcome = (char *)request_form(r, "outcome");
    ls->what_happened = (char *)request_form(r, "what_happened");
    ls->lesson = (char *)request_form(r, "lesson");
    ls->recommendation = (char *)request_form(r, "recommendation");
    ls->context = (char *)request_form(r, "context");
    ls->question = (char *)request_form(r, "question");
    ls->visibility = (char *)request_form(r, "visibility");
    ls->status = (char *)request_form(r, "status");
    lesson_tags_parse(&r->ctx, ls, request_form(r, "tags"), p);
    lesson_evidence_parse(&r->ctx, ls, request_form(r, "evidence"), p);
}

static void lesson_form(struct request *r, const struct lesson *ls, int64_t platform_key,
                        const struct problems *p, const char *action, const char *button,
                        const char *cancel, const char *cycle_id)
{
    form_begin(r, action, p);
    if (cycle_id) /* a lesson from a cycle's reflection: linked to its question */
        form_hidden(r, "cycle", cycle_id);
    form_input(r, p, "title", _("Title"), _("The lesson in a few words."), ls->title, "text",
               false);
    form_input(r, p, "happened_on", _("When it happened"), _("Such as 2026-03-12."),
               ls->happened_on, "date", true);
    form_select(r, p, "outcome", _("Outcome"),
                _("Failures are lessons too: they are kept to the platform unless you choose "
                  "otherwise."),
                lesson_outcome_options(r, _("Choose the outcome")), 4, ls->outcome);
    form_textarea(r, p, "lesson", _("The lesson"),
                  _("What would you tell someone about to do the same? You can use Markdown."),
                  ls->lesson, 6);
    form_textarea(r, p, "what_happened", _("What happened"), NULL, ls->what_happened, 6);
    form_textarea(r, p, "context", _("Context"), _("Where, who, and what came before."),
                  ls->context, 4);
    form_textarea(r, p, "recommendation", _("Recommendation"), NULL, ls->recommendation, 4);
    form_input(r, p, "question", _("Learning question"),
               _("Optional: the question of the alliance's learning agenda it answers."),
               ls->question, "text", false);
    char *tags = "";
    for (int i = 0; i < ls->tag_count; i++)
        tags = arena_printf(&r->arena, "%s%s%s", tags, i ? ", " : "", ls->tags[i]);
    form_input(r, p, "tags", _("Tags"), _("Separated by commas, such as handpumps, tariffs."), tags,
               "text", false);
    char *evidence = "";
    for (int i = 0; i < ls->evidence_count; i++)
        evidence = arena_printf(&r->arena, "%s%s%s | %s", evidence, i ? "\n" : "",
                                ls->evidence[i].label, ls->evidence[i].url);
    form_textarea(r, p, "evidence", _("Evidence"),
                  _("One a line: a label, a bar, and an address, such as Field report | "
                    "https://example.org/report.pdf"),
                  evidence, 3);
    static const char *const levels[] = {"", "platform", "alliance", "public"};
    struct form_option vis[4];
    for (int i = 0; i < 4; i++) {
        vis[i].value = levels[i];
        vis[i].label = i ? lesson_visibility_label(levels[i])
                         : _("The default (platform for a failure, else alliance)");
    }
    form_select(r, p, "visibility", _("Who may read it"), NULL, vis, 4, ls->visibility);
    form_item_status(r, p,
                     rights_may(rights_on_platform(&r->ctx, platform_key, RIGHT_PUBLISH_ITEMS)),
                     ls->status, ls->published_at != NULL);
    form_end(r, button, cancel, false);
}

static void lesson_new_form(struct request *r, const struct platform *pl, const struct lesson *ls,
                            const struct problems *p, const char *cycle_id)
{
    struct page page = {
        .title = _("Record a lesson"), .context = pl->alliance_name, .nav = "lessons"};
    page_crumb(&page, _("Alliances"), "/");
    page_crumb(&page, pl->alliance_name, page_href(r, "/alliances/", pl->alliance_slug, ""));
    page_crumb(&page, pl->name, page_href(r, "/platforms/", pl->id, ""));
    page_crumb(&page, _("Record a lesson"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n", _("Record a lesson"));
    lesson_form(r, ls, pl->key, p, page_href(r, "/platforms/", pl->id, "/lessons/new"),
                _("Save the lesson"), page_href(r, "/platforms/", pl->id, "/lessons"), cycle_id);
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

/* lesson_cycle loads the cycle a lesson starts from: one of the platform
 * that the viewer may read. False once it answered an error. */
static bool lesson_cycle(struct request *r, const struct platform *pl, const char *id,
                         struct cycle **out)
{
    if (cycle_find(&r->ctx, id, out) == STATUS_OK && (*out)->platform_key == pl->key)
        return true;
    page_error(r, 400,
               _("The cycle to start the lesson from (cycle=…) is not one of this "
                 "platform's that you may read"));
    return false;
}

void lesson_new_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl || !page_allowed(r, rights_on_platform(&r->ctx, pl->key, RIGHT_WRITE_ITEMS)))
        return;
    struct lesson ls = {.status = "draft"};
    const char *cycle_id = request_query(r, "cycle");
    struct cycle *cy = NULL;
    if (!str_empty(cycle_id)) {
        if (!lesson_cycle(r, pl, cycle_id, &cy))
            return;
        char today[32];
        clock_now_iso(today, sizeof today);
        today[10] = '\0';
        cycle_lesson_draft(&r->ctx, cy, today, &ls);
    }
    lesson_new_form(r, pl, &ls, NULL, cy ? cy->id : NULL);
}

void lesson_create_post(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    struct lesson ls = {.platform_id = pl->id};
    struct problems p = {0};
    const char *cycle_id = request_form(r, "cycle");
    struct cycle *cy = NULL;
    if (!str_empty(cycle_id) && !lesson_cycle(r, pl, cycle_id, &cy))
        return;
    lesson_read_form(r, &ls, &p);
    enum status s = p.count ? STATUS_INVALID : lesson_create(&r->ctx, &ls, &p);
    if (s == STATUS_OK && cy)
        s = cycle_link_lesson(&r->ctx, cy->id, ls.id);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/lessons/", ls.id, ""));
    else if (p.count)
        lesson_new_form(r, pl, &ls, &p, cy ? cy->id : NULL);
    else
        page_fail(r, s);
}

static void lesson_edit_form(struct request *r, const struct lesson *before,
                             const struct lesson *ls, const struct problems *p)
{
    struct page page = {
        .title = _("Edit the lesson"), .context = before->alliance_name, .nav = "lessons"};
    lesson_crumbs(r, &page, before, false);
    page_crumb(&page, _("Edit"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n", _("Edit the lesson"));
    lesson_form(r, ls, before->platform_key, p, page_href(r, "/lessons/", before->id, "/edit"),
                _("Save changes"), page_href(r, "/lessons/", before->id, ""), NULL);
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void lesson_edit_page(struct request *r)
{
    struct lesson *ls;
    enum status s = lesson_find(&r->ctx, request_capture(r, 0), &ls);
    if (!page_allowed(r, s))
        return;
    if (!lesson_may_edit(&r->ctx, ls)) {
        page_fail(r, r->ctx.viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED);
        return;
    }
    lesson_edit_form(r, ls, ls, NULL);
}

void lesson_edit_post(struct request *r)
{
    struct lesson *before;
    enum status s = lesson_find(&r->ctx, request_capture(r, 0), &before);
    if (!page_allowed(r, s))
        return;
    struct lesson ls = *before;
    struct problems p = {0};
    lesson_read_form(r, &ls, &p);
    s = p.count ? STATUS_INVALID : lesson_update(&r->ctx, &ls, &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/lessons/", ls.id, ""));
    else if (p.count)
        lesson_edit_form(r, before, &ls, &p);
    else
        page_fail(r, s);
}

void lesson_delete_page(struct request *r)
{
    struct lesson *ls;
    enum status s = lesson_find(&r->ctx, request_capture(r, 0), &ls);
    if (!page_allowed(r, s) ||
        !page_allowed(r, rights_on_platform(&r->ctx, ls->platform_key, RIGHT_PUBLISH_ITEMS)))
        return;
    struct page page = {
        .title = _("Delete the lesson"), .context = ls->alliance_name, .nav = "lessons"};
    lesson_crumbs(r, &page, ls, false);
    page_crumb(&page, _("Delete"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n<p>%s</p>\n", _("Delete the lesson"),
                _("The lesson will be deleted. A record of the deletion, and of everything it "
                  "said, stays in the audit trail."));
    form_begin(r, page_href(r, "/lessons/", ls->id, "/delete"), NULL);
    form_end(r, _("Delete the lesson"), page_href(r, "/lessons/", ls->id, ""), true);
    page_end(r, 200);
}

void lesson_delete_post(struct request *r)
{
    struct lesson *ls;
    enum status s = lesson_find(&r->ctx, request_capture(r, 0), &ls);
    if (!page_allowed(r, s))
        return;
    s = lesson_delete(&r->ctx, ls);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/platforms/", ls->platform_id, "/lessons"));
    else
        page_fail(r, s);
}
