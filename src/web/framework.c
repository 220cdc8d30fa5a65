/*
 * web/framework.c — the framework view of the alliance page: the seven Ps
 * (domain/framework.h), each with its state as a tag, the figures that are
 * its evidence in a sentence, and a link to the page that fills the gap.
 * Links to pages behind a right (editing the alliance) show only to those
 * who have it; the others are told who can.
 */
#include "domain/framework.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "domain/rights.h"
#include "web/html.h"
#include "web/page.h"
#include "web/web.h"

/* A step as shown: its evidence, and the next thing to do and where. */
struct framework_row {
    const char *evidence;
    const char *next;
    const char *href; /* NULL: no link (next is plain text) */
};

static const char *state_label(enum framework_state s)
{
    return s == FRAMEWORK_DONE ? _("Done") : s == FRAMEWORK_STARTED ? _("Started") : _("Not yet");
}

static const char *state_colour(enum framework_state s)
{
    return s == FRAMEWORK_DONE ? "green" : s == FRAMEWORK_STARTED ? "yellow" : "red";
}

/* platform_or_list is the page of a platform with a gap, else the list. */
static const char *platform_or_list(struct request *r, const struct alliance *a, const char *id,
                                    const char *tail)
{
    return id ? page_href(r, "/platforms/", id, tail)
              : page_href(r, "/alliances/", a->slug, "/platforms");
}

/* rows fills the seven rows from the figures. */
static void rows(struct request *r, const struct alliance *a, const struct framework *f,
                 bool may_edit, struct framework_row out[FRAMEWORK_STEP_COUNT])
{
    struct arena *m = &r->arena;
    const char *edit = may_edit ? page_href(r, "/alliances/", a->slug, "/edit") : NULL;
    const char *ask = _("A convenor of the alliance can write it on the alliance's page.");
    out[FRAMEWORK_PRINCIPLES] = (struct framework_row){
        arena_printf(m, _("Principles written: %lld."), (long long)f->principles),
        edit ? _("Write or review the principles") : ask, edit};
    out[FRAMEWORK_PREPARATION] = (struct framework_row){
        arena_printf(m, _("Going-in issue: %s. Vision: %s. Stakeholder assessments: %lld."),
                     f->going_in_issue ? _("written") : _("not written"),
                     f->vision ? _("written") : _("not written"), (long long)f->assessments),
        _("Analyse the stakeholders"), page_href(r, "/alliances/", a->slug, "/stakeholders")};
    if ((!f->going_in_issue || !f->vision) && f->assessments > 0)
        out[FRAMEWORK_PREPARATION] = (struct framework_row){
            out[FRAMEWORK_PREPARATION].evidence, edit ? _("Write the vision") : ask, edit};
    out[FRAMEWORK_PARTICIPATION] = (struct framework_row){
        arena_printf(m,
                     _("Platforms whose members bring all five capabilities: %lld of %lld. "
                       "Attendances in the last year: %lld, at %lld events."),
                     (long long)f->platforms_all_capabilities, (long long)f->platforms,
                     (long long)f->attendances, (long long)f->events),
        f->capability_gap_platform_id ? _("See what a platform lacks")
                                      : _("Record who comes to the events"),
        f->capability_gap_platform_id
            ? page_href(r, "/platforms/", f->capability_gap_platform_id, "/gaps")
            : page_href(r, "/alliances/", a->slug, "/calendar")};
    out[FRAMEWORK_PRODUCTION] = (struct framework_row){
        arena_printf(m, _("Lessons learnt in the last year: %lld. Documents in the library: %lld."),
                     (long long)f->lessons, (long long)f->documents),
        _("Read and record lessons"), "/lessons"};
    out[FRAMEWORK_PROVING] = (struct framework_row){
        arena_printf(m,
                     _("Learning questions worked on in action-research cycles: %lld. Lessons "
                       "applied as a guideline, policy, decision or practice: %lld of %lld."),
                     (long long)f->questions, (long long)f->applications,
                     (long long)f->lessons_all),
        _("Work on the learning agenda"), page_href(r, "/alliances/", a->slug, "/questions")};
    out[FRAMEWORK_PULLING] = (struct framework_row){
        arena_printf(m,
                     _("Journal entries in the last year: %lld. Documents in the library: %lld."),
                     (long long)f->entries, (long long)f->documents),
        _("Keep a platform's journal"), platform_or_list(r, a, NULL, "")};
    out[FRAMEWORK_PEOPLE] = (struct framework_row){
        arena_printf(
            m, _("Platforms naming a facilitator: %lld of %lld. Naming a documenter: %lld."),
            (long long)f->with_facilitator, (long long)f->platforms, (long long)f->with_documenter),
        f->people_gap_platform_id ? _("Name a facilitator and a documenter")
                                  : _("See the platforms"),
        platform_or_list(r, a, f->people_gap_platform_id, "")};
}

void framework_alliance_section(struct request *r, const struct alliance *a)
{
    struct framework f;
    if (framework_compute(&r->ctx, a, &f) != STATUS_OK)
        return;
    struct framework_row row[FRAMEWORK_STEP_COUNT];
    rows(r, a, &f, rights_may(rights_on_alliance(&r->ctx, a->key)), row);
    struct buf *b = &r->out;
    html_printf(b,
                "<h2 id=\"framework\">%s</h2>\n<p class=\"hint\">%s</p>\n<div class=\"table-wrap\">"
                "<table class=\"table\"><caption class=\"visually-hidden\">%s</caption><thead><tr>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th></tr></thead><tbody>\n",
                _("The seven steps of the framework"),
                _("From the records you may read. The last year is counted from today."),
                _("The seven steps, with their evidence and what to do next"), _("Step"),
                _("State"), _("Evidence"), _("Next"));
    for (int i = 0; i < FRAMEWORK_STEP_COUNT; i++) {
        enum framework_state s = framework_state(&f, (enum framework_step)i);
        html_printf(b, "<tr><th scope=\"row\">%s</th><td>",
                    framework_step_label((enum framework_step)i));
        page_tag(r, state_colour(s), state_label(s));
        html_printf(b, "</td><td>%s</td><td>", row[i].evidence);
        if (s == FRAMEWORK_DONE)
            ; /* nothing to fill */
        else if (row[i].href)
            html_printf(b, "<a href=\"%s\">%s</a>", row[i].href, row[i].next);
        else
            html_text(b, row[i].next);
        html_raw(b, "</td></tr>\n");
    }
    html_raw(b, "</tbody></table></div>\n");
}
