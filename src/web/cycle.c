/*
 * web/cycle.c — action-research cycles as pages: a cycle's page (its four
 * steps with their dates and evidence, and the ways on: a lesson from the
 * reflection, the next cycle), and the forms to start, edit and delete one.
 * Starting a cycle after another prefills its plan with that reflection.
 */
#include "domain/cycle.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/lesson.h"
#include "domain/question.h"
#include "web/form.h"
#include "web/html.h"
#include "web/page.h"
#include "web/web.h"

#include <string.h>

/* cycle_title is "Cycle 2 of Bolgatanga" (arena). */
static char *cycle_title(struct request *r, const struct cycle *cy)
{
    return arena_printf(&r->arena, _("Cycle %lld of %s"), (long long)cy->number, cy->platform_name);
}

static void cycle_crumbs(struct request *r, struct page *p, const struct cycle *cy, bool current)
{
    page_crumb(p, _("Alliances"), "/");
    page_crumb(p, cy->alliance_name, page_href(r, "/alliances/", cy->alliance_slug, ""));
    page_crumb(p, _("Learning agenda"),
               page_href(r, "/alliances/", cy->alliance_slug, "/questions"));
    page_crumb(p, cy->question_title, page_href(r, "/questions/", cy->question_id, ""));
    page_crumb(p, cycle_title(r, cy), current ? NULL : page_href(r, "/cycles/", cy->id, ""));
}

/* step_section writes one step: its dates, text and evidence. */
static void step_section(struct request *r, const struct cycle *cy, int i)
{
    struct buf *b = &r->out;
    const struct cycle_step *st = &cy->steps[i];
    html_printf(b, "<h2>%s</h2>\n", cycle_step_label(i));
    if (st->starts_on || st->ends_on) {
        html_raw(b, "<p class=\"muted\">");
        if (st->starts_on)
            page_date(r, st->starts_on);
        if (st->starts_on && st->ends_on)
            html_raw(b, " – ");
        if (st->ends_on)
            page_date(r, st->ends_on);
        html_raw(b, "</p>\n");
    }
    if (str_empty(st->text))
        html_printf(b, "<p class=\"muted\">%s</p>\n", _("Not written yet."));
    else {
        html_raw(b, "<div class=\"prose\">");
        html_markdown(b, st->text);
        html_raw(b, "</div>\n");
    }
    if (st->evidence_count) {
        html_printf(b, "<h3>%s</h3><ul>", _("Evidence"));
        for (int k = 0; k < st->evidence_count; k++)
            html_printf(b,
                        st->evidence[k].url[0] == '/'
                            ? "<li><a href=\"%s\">%s</a></li>"
                            : "<li><a href=\"%s\" rel=\"nofollow noopener\">%s</a></li>",
                        st->evidence[k].url, st->evidence[k].label);
        html_raw(b, "</ul>\n");
    }
}

void cycle_page(struct request *r)
{
    struct cycle *cy;
    enum status s = cycle_find(&r->ctx, request_capture(r, 0), &cy);
    if (!page_allowed(r, s))
        return;
    char *title = cycle_title(r, cy);
    struct page p = {.title = title, .context = cy->alliance_name, .nav = "alliances"};
    cycle_crumbs(r, &p, cy, true);
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b, "<p class=\"caption\">%s</p><h1>%s</h1>\n", _("Action-research cycle"), title);
    html_printf(b, "<p>%s <a href=\"%s\">%s</a></p>\n", _("On the learning question"),
                page_href(r, "/questions/", cy->question_id, ""), cy->question_title);
    for (int i = 0; i < CYCLE_STEPS; i++)
        step_section(r, cy, i);
    page_side(r);
    html_printf(b, "<section class=\"card\"><h2>%s</h2><dl class=\"summary\">", _("About"));
    page_fact_begin(r, _("Platform"));
    html_printf(b, "<a href=\"%s\">%s</a>", page_href(r, "/platforms/", cy->platform_id, ""),
                cy->platform_name);
    page_fact_end(r);
    page_fact(r, _("Who may read it"), lesson_visibility_label(cy->visibility));
    if (cy->author_id) {
        page_fact_begin(r, _("Started by"));
        html_printf(b, "<a href=\"%s\">%s</a>", page_href(r, "/people/", cy->author_id, ""),
                    cy->author_name);
        page_fact_end(r);
    }
    html_raw(b, "</dl></section>\n");
    bool write = cycle_may_write(&r->ctx, cy->platform_key);
    bool remove = cycle_may_delete(&r->ctx, cy->platform_key);
    if (write || remove) {
        html_printf(b, "<section class=\"card\"><h2>%s</h2><ul>", _("Actions"));
        if (write) {
            html_printf(b, "<li><a href=\"%s\">%s</a></li>",
                        page_href(r, "/cycles/", cy->id, "/edit"), _("Edit the cycle"));
            html_printf(b, "<li><a href=\"%s?cycle=%s\">%s</a></li>",
                        page_href(r, "/platforms/", cy->platform_id, "/lessons/new"), cy->id,
                        _("Start a lesson from this reflection"));
            html_printf(b, "<li><a href=\"%s?platform=%s&amp;after=%s\">%s</a></li>",
                        page_href(r, "/questions/", cy->question_id, "/cycles/new"),
                        cy->platform_id, cy->id, _("Start the next cycle"));
        }
        if (remove)
            html_printf(b, "<li><a href=\"%s\">%s</a></li>",
                        page_href(r, "/cycles/", cy->id, "/delete"), _("Delete the cycle"));
        html_raw(b, "</ul></section>\n");
    }
    page_end(r, 200);
}

/* cycle_read_form copies the form's four steps into cy. */
static void cycle_read_form(struct request *r, struct cycle *cy, struct problems *p)
{
    for (int i = 0; i < CYCLE_STEPS; i++) {
        const char *name = cycle_step_name(i);
        struct cycle_step *st = &cy->steps[i];
        st->text = (char *)request_form(r, name);
        st->starts_on = (char *)request_form(r, arena_printf(&r->arena, "%s_starts_on", name));
        st->ends_on = (char *)request_form(r, arena_printf(&r->arena, "%s_ends_on", name));
        cycle_evidence_parse(&r->ctx, cy, i,
                             request_form(r, arena_printf(&r->arena, "%s_evidence", name)), p);
    }
}

static void cycle_form(struct request *r, const struct cycle *cy, const struct problems *p,
                       const char *action, const char *button, const char *cancel)
{
    static const char *const hints[CYCLE_STEPS] = {
        N_("What you will try, why, with whom, and how you will know whether it worked."),
        N_("What was done, by whom, and what changed on the way."),
        N_("What you saw and measured: facts, figures, what people said."),
        N_("What it means, what you learnt, and what to try next."),
    };
    form_begin(r, action, p);
    if (cy->platform_input)
        form_hidden(r, "platform", cy->platform_input);
    for (int i = 0; i < CYCLE_STEPS; i++) {
        const char *name = cycle_step_name(i);
        const struct cycle_step *st = &cy->steps[i];
        html_printf(&r->out, "<h2>%s</h2>\n", cycle_step_label(i));
        form_textarea(r, p, name, cycle_step_label(i), _(hints[i]), st->text, 6);
        form_input(r, p, arena_printf(&r->arena, "%s_starts_on", name), _("Starts"),
                   _("Optional, such as 2026-03-12."), st->starts_on, "date", true);
        form_input(r, p, arena_printf(&r->arena, "%s_ends_on", name), _("Ends"), NULL, st->ends_on,
                   "date", true);
        char *evidence = "";
        for (int k = 0; k < st->evidence_count; k++)
            evidence = arena_printf(&r->arena, "%s%s%s | %s", evidence, k ? "\n" : "",
                                    st->evidence[k].label, st->evidence[k].url);
        form_textarea(r, p, arena_printf(&r->arena, "%s_evidence", name), _("Evidence"),
                      _("One a line: a label, a bar, and an address, such as Water point survey "
                        "| /documents/…"),
                      evidence, 2);
    }
    form_end(r, button, cancel, false);
}

static void cycle_new_form(struct request *r, const struct question *q, const struct cycle *cy,
                           const char *platform_name, const struct problems *p)
{
    char *title = arena_printf(&r->arena, _("Start a cycle on %s"), platform_name);
    struct page page = {.title = title, .context = q->alliance_name, .nav = "alliances"};
    page_crumb(&page, _("Alliances"), "/");
    page_crumb(&page, q->alliance_name, page_href(r, "/alliances/", q->alliance_slug, ""));
    page_crumb(&page, q->title, page_href(r, "/questions/", q->id, ""));
    page_crumb(&page, _("Start a cycle"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n<p>%s <a href=\"%s\">%s</a></p>\n", title,
                _("On the learning question"), page_href(r, "/questions/", q->id, ""), q->title);
    cycle_form(r, cy, p, page_href(r, "/questions/", q->id, "/cycles/new"), _("Save the cycle"),
               page_href(r, "/questions/", q->id, ""));
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

/* owner_name is the name of the platform with this id among the question's
 * owners, or NULL. */
static const char *owner_name(const struct question *q, const char *platform_id)
{
    for (int i = 0; i < q->platform_count; i++)
        if (str_eq(q->platforms[i].id, platform_id))
            return q->platforms[i].name;
    return NULL;
}

void cycle_new_page(struct request *r)
{
    struct question *q;
    enum status s = question_find(&r->ctx, request_capture(r, 0), &q);
    if (!page_allowed(r, s))
        return;
    const char *platform_id = request_query(r, "platform");
    const char *name = owner_name(q, platform_id);
    if (!name) {
        page_error(r, 400, _("Choose a platform that owns the question (platform=…)"));
        return;
    }
    int64_t platform_key = 0;
    for (int i = 0; i < q->platform_count; i++)
        if (str_eq(q->platforms[i].id, platform_id))
            platform_key = q->platforms[i].key;
    if (!page_allowed(r,
                      cycle_may_write(&r->ctx, platform_key)
                          ? STATUS_OK
                          : (r->ctx.viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED)))
        return;
    struct cycle cy = {.platform_input = platform_id};
    for (int i = 0; i < CYCLE_STEPS; i++)
        cy.steps[i].text = "";
    const char *after = request_query(r, "after");
    struct cycle *prev;
    if (!str_empty(after)) {
        if (cycle_find(&r->ctx, after, &prev) != STATUS_OK || prev->question_key != q->key ||
            !str_eq(prev->platform_id, platform_id)) {
            page_error(r, 400,
                       _("The cycle to follow (after=…) is not one of this question "
                         "and platform"));
            return;
        }
        cycle_next_draft(prev, &cy);
    }
    cycle_new_form(r, q, &cy, name, NULL);
}

void cycle_create_post(struct request *r)
{
    struct question *q;
    enum status s = question_find(&r->ctx, request_capture(r, 0), &q);
    if (!page_allowed(r, s))
        return;
    struct cycle cy = {.question_id = q->id, .platform_input = request_form(r, "platform")};
    struct problems p = {0};
    cycle_read_form(r, &cy, &p);
    if (!p.count)
        s = cycle_create(&r->ctx, &cy, &p);
    if (!p.count && s == STATUS_OK)
        request_redirect(r, page_href(r, "/cycles/", cy.id, ""));
    else if (p.count) {
        const char *name = owner_name(q, cy.platform_input);
        cycle_new_form(r, q, &cy, name ? name : "", &p);
    } else
        page_fail(r, s);
}

static void cycle_edit_form(struct request *r, const struct cycle *before, const struct cycle *cy,
                            const struct problems *p)
{
    struct page page = {
        .title = _("Edit the cycle"), .context = before->alliance_name, .nav = "alliances"};
    cycle_crumbs(r, &page, before, false);
    page_crumb(&page, _("Edit"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n", cycle_title(r, before));
    cycle_form(r, cy, p, page_href(r, "/cycles/", before->id, "/edit"), _("Save changes"),
               page_href(r, "/cycles/", before->id, ""));
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

/* write_allowed answers a refusal to write cycles on the cycle's platform. */
static bool write_allowed(struct request *r, const struct cycle *cy)
{
    if (cycle_may_write(&r->ctx, cy->platform_key))
        return true;
    page_fail(r, r->ctx.viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED);
    return false;
}

void cycle_edit_page(struct request *r)
{
    struct cycle *cy;
    enum status s = cycle_find(&r->ctx, request_capture(r, 0), &cy);
    if (page_allowed(r, s) && write_allowed(r, cy))
        cycle_edit_form(r, cy, cy, NULL);
}

void cycle_edit_post(struct request *r)
{
    struct cycle *before;
    enum status s = cycle_find(&r->ctx, request_capture(r, 0), &before);
    if (!page_allowed(r, s))
        return;
    struct cycle cy = *before;
    cy.platform_input = NULL;
    struct problems p = {0};
    cycle_read_form(r, &cy, &p);
    if (!p.count)
        s = cycle_update(&r->ctx, &cy, &p);
    if (!p.count && s == STATUS_OK)
        request_redirect(r, page_href(r, "/cycles/", cy.id, ""));
    else if (p.count)
        cycle_edit_form(r, before, &cy, &p);
    else
        page_fail(r, s);
}

void cycle_delete_page(struct request *r)
{
    struct cycle *cy;
    enum status s = cycle_find(&r->ctx, request_capture(r, 0), &cy);
    if (!page_allowed(r, s))
        return;
    if (!cycle_may_delete(&r->ctx, cy->platform_key)) {
        page_fail(r, r->ctx.viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED);
        return;
    }
    struct page page = {
        .title = _("Delete the cycle"), .context = cy->alliance_name, .nav = "alliances"};
    cycle_crumbs(r, &page, cy, false);
    page_crumb(&page, _("Delete"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n<p>%s</p>\n", _("Delete the cycle"),
                _("The cycle and its four steps will be deleted. A record of the deletion, and "
                  "of everything it said, stays in the audit trail."));
    form_begin(r, page_href(r, "/cycles/", cy->id, "/delete"), NULL);
    form_end(r, _("Delete the cycle"), page_href(r, "/cycles/", cy->id, ""), true);
    page_end(r, 200);
}

void cycle_delete_post(struct request *r)
{
    struct cycle *cy;
    enum status s = cycle_find(&r->ctx, request_capture(r, 0), &cy);
    if (!page_allowed(r, s))
        return;
    s = cycle_delete(&r->ctx, cy);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/questions/", cy->question_id, ""));
    else
        page_fail(r, s);
}
