/*
 * web/application.c — applications of lessons as pages (application.h):
 * the form to record that a lesson was applied (where, as what, when, by
 * whom, with a link), an application's page, and the confirmation before
 * removing one. The lesson's page shows them in its journey (journey.c).
 */
#include "domain/application.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/lesson.h"
#include "web/form.h"
#include "web/html.h"
#include "web/page.h"
#include "web/web.h"

#include <string.h>

#define PLACES_MAX 16

void application_lesson_side(struct request *r, const struct lesson *ls)
{
    if (!str_eq(ls->status, "published"))
        return;
    struct application_place places[1];
    if (application_places(&r->ctx, ls->key, ls->platform_id, places, 1) == 0)
        return;
    html_printf(&r->out,
                "<section class=\"card\"><h2>%s</h2><p class=\"small\">%s</p><ul><li><a "
                "href=\"%s\">%s</a></li></ul></section>\n",
                _("Applied?"),
                _("Record that the lesson became a guideline, a policy, a decision or a change "
                  "of practice."),
                page_href(r, "/lessons/", ls->id, "/apply"), _("Record an application"));
}

/* apply_form_page answers the form (status 200, or the problems'). */
static void apply_form_page(struct request *r, const struct lesson *ls,
                            const struct application_place *places, int n,
                            const struct application *typed, const char *platform_id,
                            const struct problems *p)
{
    struct page page = {
        .title = _("Record an application"), .context = ls->alliance_name, .nav = "lessons"};
    page_crumb(&page, _("Alliances"), "/");
    page_crumb(&page, ls->platform_name, page_href(r, "/platforms/", ls->platform_id, ""));
    page_crumb(&page, ls->title, page_href(r, "/lessons/", ls->id, ""));
    page_crumb(&page, _("Record an application"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<p class=\"caption\">%s</p><h1>%s</h1>\n", ls->title,
                _("Record an application"));
    html_printf(&r->out, "<p>%s</p>\n",
                _("Say what the lesson led to: the guideline, policy, decision or change of "
                  "practice it was the basis of, where and when, and who applied it."));
    form_begin(r, page_href(r, "/lessons/", ls->id, "/apply"), p);
    struct form_option *o = arena_array(&r->arena, (size_t)n + 1, sizeof *o);
    for (int i = 0; i < n; i++)
        o[i] = (struct form_option){places[i].id, places[i].name};
    form_select(r, p, "platform", _("Where it was applied"),
                _("The platform whose members applied it."), o, n, platform_id);
    struct form_option kinds[5] = {{"", _("Choose what it became")},
                                   {"guideline", application_kind_label("guideline")},
                                   {"policy", application_kind_label("policy")},
                                   {"decision", application_kind_label("decision")},
                                   {"practice", application_kind_label("practice")}};
    form_select(r, p, "kind", _("It became the basis of"), NULL, kinds, 5, typed->kind);
    form_textarea(r, p, "description", _("What changed"),
                  _("What the guideline, policy, decision or practice now says or does."),
                  typed->description, 3);
    form_input(r, p, "applied_on", _("When"), _("Such as 2026-03-12."), typed->applied_on, "date",
               true);
    form_input(r, p, "applied_by", _("By whom"),
               _("The people or body who applied it, such as the District Assembly."),
               typed->applied_by, "text", false);
    form_input(r, p, "link", _("Link"),
               _("The guideline, policy, decision or a record of the practice: an address "
                 "starting with https://, or a page of this site."),
               typed->link, "text", false);
    form_end(r, _("Record the application"), page_href(r, "/lessons/", ls->id, ""), false);
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

/* apply_load finds the lesson and where the viewer may record it applied;
 * answers and returns NULL when nowhere. */
static struct lesson *apply_load(struct request *r, struct application_place *places, int *n)
{
    struct lesson *ls;
    if (!page_allowed(r, lesson_find(&r->ctx, request_capture(r, 0), &ls)))
        return NULL;
    if (!page_allowed(r, r->ctx.viewer->account_key ? STATUS_OK : STATUS_UNAUTHORIZED))
        return NULL;
    *n = application_places(&r->ctx, ls->key, ls->platform_id, places, PLACES_MAX);
    if (*n == 0) {
        page_error(r, 403,
                   _("You may record applications only for a platform you convene, facilitate "
                     "or document, and that has this lesson"));
        return NULL;
    }
    if (!str_eq(ls->status, "published")) {
        page_error(r, 409, _("Only a published lesson can be recorded as applied"));
        return NULL;
    }
    return ls;
}

void application_new_page(struct request *r)
{
    struct application_place places[PLACES_MAX];
    int n;
    struct lesson *ls = apply_load(r, places, &n);
    if (!ls)
        return;
    struct application typed = {.kind = "", .description = "", .applied_by = "", .link = ""};
    apply_form_page(r, ls, places, n, &typed, request_query(r, "platform"), NULL);
}

void application_create_post(struct request *r)
{
    struct application_place places[PLACES_MAX];
    int n;
    struct lesson *ls = apply_load(r, places, &n);
    if (!ls)
        return;
    struct application typed = {
        .kind = (char *)request_form(r, "kind"),
        .description = (char *)request_form(r, "description"),
        .applied_on = (char *)request_form(r, "applied_on"),
        .applied_by = (char *)request_form(r, "applied_by"),
        .link = (char *)request_form(r, "link"),
    };
    const char *platform_id = request_form(r, "platform");
    struct problems p = {0};
    struct application *made;
    enum status s = application_create(&r->ctx, ls->id, platform_id, &typed, &made, &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/lessons/", ls->id, "#journey"));
    else if (p.count)
        apply_form_page(r, ls, places, n, &typed, platform_id, &p);
    else
        page_fail(r, s);
}

static struct application *load_application(struct request *r)
{
    struct application *a = NULL;
    return page_allowed(r, application_find(&r->ctx, request_capture(r, 0), &a)) ? a : NULL;
}

static void application_crumbs(struct request *r, struct page *p, const struct application *a,
                               bool current)
{
    page_crumb(p, _("Alliances"), "/");
    page_crumb(p, a->platform_name, page_href(r, "/platforms/", a->platform_id, ""));
    page_crumb(p, a->lesson_title, page_href(r, "/lessons/", a->lesson_id, ""));
    page_crumb(p, _("Application"), current ? NULL : page_href(r, "/applications/", a->id, ""));
}

/* application_link writes a link a person gave: of this site, or outside. */
static void application_link(struct request *r, const char *link)
{
    html_printf(&r->out,
                link[0] == '/' ? "<a href=\"%s\">%s</a>"
                               : "<a href=\"%s\" rel=\"nofollow noopener\">%s</a>",
                link, link);
}

void application_page(struct request *r)
{
    struct application *a = load_application(r);
    if (!a)
        return;
    struct page page = {.title = a->lesson_title, .context = a->alliance_name, .nav = "lessons"};
    application_crumbs(r, &page, a, true);
    page_begin(r, &page);
    struct buf *b = &r->out;
    html_printf(b, "<p class=\"caption\">%s</p><h1>%s</h1>\n",
                arena_printf(&r->arena, _("Applied as: %s"), application_kind_label(a->kind)),
                a->lesson_title);
    html_raw(b, "<dl class=\"summary\">");
    page_fact_begin(r, _("Lesson"));
    html_printf(b, "<a href=\"%s\">%s</a>", page_href(r, "/lessons/", a->lesson_id, ""),
                a->lesson_title);
    page_fact_end(r);
    page_fact(r, _("It became the basis of"), application_kind_label(a->kind));
    page_fact(r, _("What changed"), a->description);
    page_fact_begin(r, _("Where"));
    html_printf(b, "<a href=\"%s\">%s</a> <span class=\"muted small\">%s · %s</span>",
                page_href(r, "/platforms/", a->platform_id, ""), a->platform_name, a->level_label,
                a->alliance_name);
    page_fact_end(r);
    page_fact_begin(r, _("When"));
    page_date(r, a->applied_on);
    page_fact_end(r);
    if (a->applied_by && *a->applied_by)
        page_fact(r, _("By whom"), a->applied_by);
    page_fact_begin(r, _("Link"));
    application_link(r, a->link);
    page_fact_end(r);
    page_fact_begin(r, _("Recorded"));
    page_date(r, a->created_at);
    if (a->recorded_by_id)
        html_printf(b, " · <a href=\"%s\">%s</a>", page_href(r, "/people/", a->recorded_by_id, ""),
                    a->recorded_by_name);
    page_fact_end(r);
    html_raw(b, "</dl>\n");
    page_side(r);
    if (application_may_remove(&r->ctx, a))
        html_printf(b,
                    "<section class=\"card\"><h2>%s</h2><ul><li><a href=\"%s\">%s</a></li>"
                    "</ul></section>\n",
                    _("Actions"), page_href(r, "/applications/", a->id, "/delete"),
                    _("Remove the application"));
    page_end(r, 200);
}

void application_remove_page(struct request *r)
{
    struct application *a = load_application(r);
    if (!a || !page_allowed(
                  r, application_may_remove(&r->ctx, a)
                         ? STATUS_OK
                         : (r->ctx.viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED)))
        return;
    struct page page = {.title = _("Remove the application"), .nav = "lessons"};
    application_crumbs(r, &page, a, false);
    page_crumb(&page, _("Remove"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n<p>%s</p>\n", _("Remove the application"),
                arena_printf(&r->arena,
                             _("It will no longer show in the journey of “%s”, nor be counted "
                               "in the flow figures. The audit trail keeps it."),
                             a->lesson_title));
    form_begin(r, page_href(r, "/applications/", a->id, "/delete"), NULL);
    form_end(r, _("Remove the application"), page_href(r, "/applications/", a->id, ""), true);
    page_end(r, 200);
}

void application_remove_post(struct request *r)
{
    struct application *a = load_application(r);
    if (!a)
        return;
    enum status s = application_remove(&r->ctx, a);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/lessons/", a->lesson_id, "#journey"));
    else
        page_allowed(r, s);
}
