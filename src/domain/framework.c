/*
 * framework.c — see framework.h. The figures come from the modules that own
 * them (platform tree, health, lessons, documents, entries, assessments,
 * applications), each read as the viewer may: a page of one record is
 * enough to learn a list's total.
 */
#include "domain/framework.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/id.h"
#include "core/str.h"
#include "domain/application.h"
#include "domain/assessment.h"
#include "domain/capability.h"
#include "domain/document.h"
#include "domain/entry.h"
#include "domain/health.h"
#include "domain/lesson.h"
#include "domain/platform.h"
#include "domain/question.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define FRAMEWORK_PLATFORMS_MAX 500

static const char *const step_labels[FRAMEWORK_STEP_COUNT] = {
    N_("Principles"),
    N_("Preparation"),
    N_("Participation"),
    N_("Production"),
    N_("Proving and improving"),
    N_("Pulling it all together"),
    N_("People and capacities"),
};

const char *framework_step_label(enum framework_step step)
{
    return (unsigned)step < FRAMEWORK_STEP_COUNT ? _(step_labels[step]) : "";
}

/* one_page is a listing that reads no record, only the total (before, it
 * read one: the page's statement sorted all of an alliance's lessons,
 * documents or applications for it, 300 ms each at a million records). */
static struct listing one_page(void)
{
    struct listing l;
    listing_default(&l);
    l.limit = 1;
    l.count_only = true;
    return l;
}

/* principle_count counts the lines of the principles that say something. */
static int64_t principle_count(const char *text)
{
    int64_t n = 0;
    for (const char *p = text ? text : ""; *p;) {
        size_t len = strcspn(p, "\n");
        for (size_t i = 0; i < len; i++)
            if (p[i] != ' ' && p[i] != '-' && p[i] != '*' && p[i] != '\t' && p[i] != '\r') {
                n++;
                break;
            }
        p += len;
        if (*p == '\n')
            p++;
    }
    return n;
}

/* platforms_read counts the platforms, those whose members bring all five
 * capabilities, and names the first that lacks one. */
static enum status platforms_read(struct ctx *c, const struct alliance *a, struct framework *f)
{
    struct platform_list tree;
    enum status s = platform_tree(c, a->key, FRAMEWORK_PLATFORMS_MAX, &tree);
    if (s != STATUS_OK)
        return s;
    unsigned all = 0;
    for (int i = 0; i < CAPABILITY_COUNT; i++)
        all |= capability_bit(i);
    f->platforms = tree.count;
    for (int i = 0; i < tree.count; i++) {
        const struct platform *pl = &tree.items[i];
        f->platforms_with_members += pl->member_count > 0;
        if ((pl->capabilities & all) == all)
            f->platforms_all_capabilities++;
        else if (!f->capability_gap_platform_id)
            f->capability_gap_platform_id = pl->id;
    }
    return STATUS_OK;
}

/* people_gap finds the first platform without a facilitator or a documenter
 * (health of each platform, only while one is missing). */
static enum status people_gap(struct ctx *c, const struct alliance *a, struct framework *f)
{
    if (f->with_facilitator == f->platforms && f->with_documenter == f->platforms)
        return STATUS_OK;
    struct platform_list tree;
    enum status s = platform_tree(c, a->key, FRAMEWORK_PLATFORMS_MAX, &tree);
    for (int i = 0; s == STATUS_OK && i < tree.count; i++) {
        struct health h;
        s = health_compute_parts(c, tree.items[i].key, 0, HEALTH_MEMBERS, &h);
        if (s == STATUS_OK && (!h.with_facilitator || !h.with_documenter)) {
            f->people_gap_platform_id = tree.items[i].id;
            break;
        }
    }
    return s;
}

static enum status framework_read(struct ctx *c, const struct alliance *a, struct framework *f)
{
    memset(f, 0, sizeof *f);
    char since[32];
    clock_format_iso(time(NULL) - (time_t)FRAMEWORK_PERIOD_DAYS * 86400, since, sizeof since);
    since[10] = '\0';
    f->since = arena_strdup(c->arena, since);
    f->principles = principle_count(a->principles);
    f->going_in_issue = !str_empty(a->going_in_issue);
    f->vision = !str_empty(a->vision);
    struct listing l = one_page();
    struct assessment_filter af = {.alliance_key = a->key};
    struct assessment_list assessments;
    enum status s = assessment_list(c, &af, &l, &assessments);
    if (s == STATUS_OK) {
        f->assessments = assessments.total;
        s = platforms_read(c, a, f);
    }
    struct health h;
    if (s == STATUS_OK)
        s = health_compute_parts(
            c, 0, a->key, HEALTH_MEMBERS | HEALTH_ATTENDANCE | HEALTH_LESSONS | HEALTH_EVENTS, &h);
    if (s != STATUS_OK)
        return s;
    f->events = h.meetings;
    f->attendances = h.attendances;
    f->with_facilitator = h.with_facilitator;
    f->with_documenter = h.with_documenter;
    struct lesson_filter lf = {.alliance_key = a->key, .depth = -1, .from = f->since};
    struct lesson_list lessons;
    s = lesson_list(c, &lf, &l, &lessons);
    if (s == STATUS_OK) {
        f->lessons = lessons.total;
        lf.from = NULL;
        s = lesson_list(c, &lf, &l, &lessons);
        f->lessons_all = lessons.total;
    }
    struct document_filter df = {.alliance_key = a->key};
    struct document_list documents;
    if (s == STATUS_OK && (s = document_list(c, &df, &l, &documents)) == STATUS_OK)
        f->documents = documents.total;
    struct entry_filter ef = {.alliance_key = a->key, .from = f->since};
    struct entry_list entries;
    if (s == STATUS_OK && (s = entry_list(c, &ef, &l, &entries)) == STATUS_OK)
        f->entries = entries.total;
    struct question_filter qf = {.alliance_key = a->key, .with_cycles = true};
    struct question_list questions;
    if (s == STATUS_OK && (s = question_list(c, &qf, &l, &questions)) == STATUS_OK)
        f->questions = questions.total;
    struct application_filter pf = {.alliance_key = a->key};
    struct application_list applications;
    if (s == STATUS_OK && (s = application_list(c, &pf, &l, &applications)) == STATUS_OK)
        f->applications = applications.total;
    return s == STATUS_OK ? people_gap(c, a, f) : s;
}

/* The figures as the memo keeps them: the strings copied in. */
struct framework_kept {
    struct framework figures;
    char since[16];
    char capability_gap[ID_LEN + 1];
    char people_gap[ID_LEN + 1];
};

static void copy_id(char *to, size_t size, const char *id)
{
    snprintf(to, size, "%s", id ? id : "");
}

enum status framework_compute(struct ctx *c, const struct alliance *a, struct framework *f)
{
    /* Bug pinned: at a million records every alliance page read the whole
     * alliance (lessons, events, attendance, applications: about 3 s) on
     * every request. The figures are kept until the data change or the hour
     * turns, per viewer. */
    static const char memo[] = "framework";
    struct framework_kept k;
    if (store_memo_get(c, memo, a->key, &k, sizeof k)) {
        *f = k.figures;
        f->since = arena_strdup(c->arena, k.since);
        f->capability_gap_platform_id =
            *k.capability_gap ? arena_strdup(c->arena, k.capability_gap) : NULL;
        f->people_gap_platform_id = *k.people_gap ? arena_strdup(c->arena, k.people_gap) : NULL;
        return STATUS_OK;
    }
    enum status s = framework_read(c, a, f);
    if (s != STATUS_OK)
        return s;
    memset(&k, 0, sizeof k);
    k.figures = *f;
    k.figures.since = k.figures.capability_gap_platform_id = k.figures.people_gap_platform_id =
        NULL;
    copy_id(k.since, sizeof k.since, f->since);
    copy_id(k.capability_gap, sizeof k.capability_gap, f->capability_gap_platform_id);
    copy_id(k.people_gap, sizeof k.people_gap, f->people_gap_platform_id);
    store_memo_put(c, memo, a->key, &k, sizeof k);
    return STATUS_OK;
}

/* state_of: done when every part is there, started when one is. */
static enum framework_state state_of(int parts, int there)
{
    return there == parts ? FRAMEWORK_DONE : there ? FRAMEWORK_STARTED : FRAMEWORK_NOT_YET;
}

enum framework_state framework_state(const struct framework *f, enum framework_step step)
{
    switch (step) {
    case FRAMEWORK_PRINCIPLES:
        return state_of(1, f->principles > 0);
    case FRAMEWORK_PREPARATION:
        return state_of(3, f->going_in_issue + f->vision + (f->assessments > 0));
    case FRAMEWORK_PARTICIPATION:
        return state_of(2, (f->platforms > 0 && f->platforms_all_capabilities == f->platforms) +
                               (f->attendances > 0));
    case FRAMEWORK_PRODUCTION:
        return state_of(2, (f->lessons > 0) + (f->documents > 0));
    case FRAMEWORK_PROVING:
        return state_of(2, (f->questions > 0) + (f->applications > 0));
    case FRAMEWORK_PULLING:
        return state_of(2, (f->entries > 0) + (f->documents > 0));
    case FRAMEWORK_PEOPLE:
        return state_of(2, (f->platforms > 0 && f->with_facilitator == f->platforms) +
                               (f->platforms > 0 && f->with_documenter == f->platforms));
    }
    return FRAMEWORK_NOT_YET;
}
