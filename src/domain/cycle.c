/*
 * cycle.c — rules of action-research cycles (see cycle.h): a cycle belongs
 * to a question the viewer may read and to one of its owning platforms; each
 * step's text is Markdown of at most 20,000 characters, its dates are dates
 * with the end not before the start, its evidence at most twelve addresses.
 * Every write keeps the search index and the audit trail in the same
 * transaction.
 */
#include "domain/cycle.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/audit.h"
#include "domain/field.h"
#include "domain/item.h"
#include "domain/lesson.h"
#include "domain/question.h"
#include "domain/rights.h"
#include "domain/search.h"
#include "store/question.h"
#include "store/store.h"

#include <string.h>

static const char *const step_names[CYCLE_STEPS] = {"plan", "act", "observe", "reflect"};
static const char *const step_labels[CYCLE_STEPS] = {N_("Plan"), N_("Act"), N_("Observe"),
                                                     N_("Reflect")};

const char *cycle_step_name(int step)
{
    return step >= 0 && step < CYCLE_STEPS ? step_names[step] : "";
}

const char *cycle_step_label(int step)
{
    return step >= 0 && step < CYCLE_STEPS ? _(step_labels[step]) : "";
}

enum status cycle_find(struct ctx *c, const char *id, struct cycle **out)
{
    return str_empty(id) ? STATUS_NOT_FOUND : store_cycle_get(c, id, out);
}

enum status cycle_list(struct ctx *c, const struct cycle_filter *f, const struct listing *l,
                       struct cycle_list *out)
{
    return store_cycle_list(c, f, l, out);
}

bool cycle_may_write(struct ctx *c, int64_t platform_key)
{
    return rights_may(rights_on_platform(c, platform_key, RIGHT_WRITE_ITEMS));
}

bool cycle_may_delete(struct ctx *c, int64_t platform_key)
{
    return rights_may(rights_on_platform(c, platform_key, RIGHT_PUBLISH_ITEMS));
}

void cycle_evidence_parse(struct ctx *c, struct cycle *cy, int step, const char *text,
                          struct problems *p)
{
    struct cycle_step *st = &cy->steps[step];
    item_evidence_parse(c, text, st->evidence, CYCLE_EVIDENCE_MAX, &st->evidence_count,
                        arena_printf(c->arena, "%s_evidence", step_names[step]), p);
}

/* date_validate checks an optional date of a step: empty becomes NULL. */
static void date_validate(struct ctx *c, char **date, const char *field, struct problems *p)
{
    if (str_empty(*date)) {
        *date = NULL;
        return;
    }
    *date = str_trim(c->arena, *date);
    if (!clock_date_valid(*date))
        problems_invalid(p, field, _("Enter the date as year-month-day, such as 2026-03-12"));
}

/* cycle_validate checks the four steps. */
static void cycle_validate(struct ctx *c, struct cycle *cy, struct problems *p)
{
    for (int i = 0; i < CYCLE_STEPS; i++) {
        struct cycle_step *st = &cy->steps[i];
        const char *name = step_names[i];
        field_text(c, &st->text, p, name, _(step_labels[i]), 20000,
                   i == CYCLE_PLAN ? _("Enter the plan: what you will try, and how you will know "
                                       "whether it worked")
                                   : NULL);
        char *starts = arena_printf(c->arena, "%s_starts_on", name);
        char *ends = arena_printf(c->arena, "%s_ends_on", name);
        date_validate(c, &st->starts_on, starts, p);
        date_validate(c, &st->ends_on, ends, p);
        if (st->starts_on && st->ends_on && clock_date_valid(st->starts_on) &&
            clock_date_valid(st->ends_on) && strcmp(st->ends_on, st->starts_on) < 0)
            problems_invalid(p, ends, _("The end must be on or after the start"));
    }
}

/* cycle_index puts the cycle in the search index: its question's level, its
 * own platform. */
static enum status cycle_index(struct ctx *c, const struct cycle *cy)
{
    char *body = "";
    for (int i = 0; i < CYCLE_STEPS; i++)
        body = arena_printf(c->arena, "%s%s%s", body, i ? "\n\n" : "",
                            cy->steps[i].text ? cy->steps[i].text : "");
    const char *date = cy->steps[CYCLE_PLAN].starts_on;
    struct search_doc d = {
        .kind = "cycle",
        .item_key = cy->key,
        .item_id = cy->id,
        .platform_key = cy->platform_key,
        .alliance_key = cy->alliance_key,
        .visibility = cy->visibility,
        .published = true,
        .author_key = cy->author_key,
        .outcome = "",
        .happened_on = date ? date : arena_strndup(c->arena, cy->created_at, 10),
        .title =
            arena_printf(c->arena, _("Cycle %lld: %s"), (long long)cy->number, cy->question_title),
        .body = body,
        .tags = "",
    };
    return search_put(c, &d);
}

/* cycle_audit records what changed between before and after (NULL: none). */
static enum status cycle_audit(struct ctx *c, const char *action, const struct cycle *before,
                               const struct cycle *after)
{
    static const struct cycle none = {0};
    const struct cycle *b = before ? before : &none, *a = after ? after : &none;
    const struct cycle *named = after ? after : before;
    struct audit_draft d;
    audit_begin(&d, action, "cycle", named->id,
                arena_printf(c->arena, _("Cycle %lld: %s"), (long long)named->number,
                             named->question_title),
                named->alliance_key, named->platform_key);
    for (int i = 0; i < CYCLE_STEPS; i++) {
        const char *name = step_names[i];
        audit_text(&d, name, b->steps[i].text, a->steps[i].text);
        audit_text(&d, arena_printf(c->arena, "%s_starts_on", name), b->steps[i].starts_on,
                   a->steps[i].starts_on);
        audit_text(&d, arena_printf(c->arena, "%s_ends_on", name), b->steps[i].ends_on,
                   a->steps[i].ends_on);
    }
    return audit_save(c, &d);
}

/* cycle_save stores a new cycle (before NULL) or an edited one, with the
 * search index and the audit trail, in one transaction. */
static enum status cycle_save(struct ctx *c, const struct cycle *before, struct cycle *cy)
{
    enum status s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = before ? store_cycle_update(c, cy) : store_cycle_insert(c, cy);
    if (s == STATUS_OK)
        s = cycle_index(c, cy);
    if (s == STATUS_OK)
        s = cycle_audit(c, before ? "update" : "create", before, cy);
    return store_end(c, s);
}

enum status cycle_create(struct ctx *c, struct cycle *cy, struct problems *p)
{
    enum status s = rights_signed_in(c);
    if (s != STATUS_OK)
        return s;
    struct question *q;
    if (question_find(c, cy->question_id, &q) != STATUS_OK)
        return STATUS_NOT_FOUND;
    int owner = -1;
    for (int i = 0; i < q->platform_count; i++)
        if (str_eq(q->platforms[i].id, cy->platform_input))
            owner = i;
    if (owner < 0) {
        problems_invalid(p, "platform", _("Choose a platform that owns the question"));
        return STATUS_INVALID;
    }
    s = rights_on_platform(c, q->platforms[owner].key, RIGHT_WRITE_ITEMS);
    if (s != STATUS_OK)
        return s;
    cy->question_key = q->key;
    cy->question_title = q->title;
    cy->visibility = q->visibility;
    cy->alliance_key = q->alliance_key;
    cy->alliance_slug = q->alliance_slug;
    cy->alliance_name = q->alliance_name;
    cy->platform_key = q->platforms[owner].key;
    cy->platform_id = q->platforms[owner].id;
    cy->platform_name = q->platforms[owner].name;
    cy->author_key = c->viewer->person_key;
    cycle_validate(c, cy, p);
    return p->count ? problems_status(p) : cycle_save(c, NULL, cy);
}

enum status cycle_update(struct ctx *c, struct cycle *cy, struct problems *p)
{
    struct cycle *before;
    enum status s = cycle_find(c, cy->id, &before);
    if (s != STATUS_OK)
        return s;
    s = rights_on_platform(c, before->platform_key, RIGHT_WRITE_ITEMS);
    if (s != STATUS_OK)
        return s;
    cycle_validate(c, cy, p);
    return p->count ? problems_status(p) : cycle_save(c, before, cy);
}

enum status cycle_delete(struct ctx *c, struct cycle *cy)
{
    enum status s = rights_on_platform(c, cy->platform_key, RIGHT_PUBLISH_ITEMS);
    if (s != STATUS_OK)
        return s;
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = cycle_audit(c, "delete", cy, NULL);
    if (s == STATUS_OK)
        s = item_retire(c, "cycle", cy->key);
    if (s == STATUS_OK)
        s = store_cycle_delete(c, cy);
    return store_end(c, s);
}

enum status cycle_reindex_one(struct ctx *c, const char *id)
{
    struct cycle *full;
    enum status s = cycle_find(c, id, &full);
    return s == STATUS_OK ? cycle_index(c, full) : s;
}

/* each_cycle applies fn to every cycle of a question, read as the operator
 * reads (the writer of a question may not read every platform's cycles; the
 * index applies the rule itself when read). */
static enum status each_cycle(struct ctx *c, int64_t question_key,
                              enum status (*fn)(struct ctx *c, const struct cycle *cy))
{
    struct ctx all = {c->db, c->arena, &viewer_operator};
    char **ids;
    int count;
    enum status s = store_cycle_ids(c, question_key, &ids, &count);
    for (int i = 0; s == STATUS_OK && i < count; i++) {
        struct cycle *cy;
        s = cycle_find(&all, ids[i], &cy);
        if (s == STATUS_OK)
            s = fn(c, cy);
    }
    return s;
}

static enum status reindex(struct ctx *c, const struct cycle *cy)
{
    return cycle_index(c, cy);
}

static enum status retire(struct ctx *c, const struct cycle *cy)
{
    return search_retire(c, "cycle", cy->key);
}

enum status cycle_question_changed(struct ctx *c, int64_t question_key)
{
    return each_cycle(c, question_key, reindex);
}

enum status cycle_question_deleted(struct ctx *c, int64_t question_key)
{
    return each_cycle(c, question_key, retire);
}

void cycle_next_draft(const struct cycle *prev, struct cycle *next)
{
    next->question_key = prev->question_key;
    next->question_id = prev->question_id;
    next->question_title = prev->question_title;
    next->visibility = prev->visibility;
    next->alliance_key = prev->alliance_key;
    next->alliance_slug = prev->alliance_slug;
    next->alliance_name = prev->alliance_name;
    next->platform_key = prev->platform_key;
    next->platform_id = prev->platform_id;
    next->platform_name = prev->platform_name;
    next->platform_input = prev->platform_id;
    next->number = prev->number + 1;
    for (int i = 0; i < CYCLE_STEPS; i++)
        next->steps[i] = (struct cycle_step){.text = ""};
    next->steps[CYCLE_PLAN].text = prev->steps[CYCLE_REFLECT].text;
}

/* utf8_cut is text cut to at most max code points (arena when cut). */
static char *utf8_cut(struct ctx *c, char *text, size_t max)
{
    size_t points = 0, i = 0;
    for (; text[i]; i++) {
        if (((unsigned char)text[i] & 0xC0) != 0x80 && points++ == max)
            return arena_strndup(c->arena, text, i);
    }
    return text;
}

/* joined is a and b with a blank line between, either left out when empty. */
static char *joined(struct ctx *c, const char *a, const char *b)
{
    if (str_empty(a))
        return (char *)(b ? b : "");
    if (str_empty(b))
        return (char *)a;
    return arena_printf(c->arena, "%s\n\n%s", a, b);
}

void cycle_lesson_draft(struct ctx *c, const struct cycle *cy, const char *today, struct lesson *ls)
{
    const struct cycle_step *reflect = &cy->steps[CYCLE_REFLECT];
    ls->title = utf8_cut(c,
                         arena_printf(c->arena, _("Cycle %lld of %s: %s"), (long long)cy->number,
                                      cy->platform_name, cy->question_title),
                         200);
    ls->what_happened = joined(c, cy->steps[CYCLE_ACT].text, cy->steps[CYCLE_OBSERVE].text);
    ls->lesson = reflect->text ? reflect->text : "";
    ls->context =
        arena_printf(c->arena, _("Action-research cycle %lld of %s on the learning question: %s"),
                     (long long)cy->number, cy->platform_name, cy->question_title);
    ls->question = utf8_cut(c, cy->question_title, 500);
    const char *date = reflect->ends_on ? reflect->ends_on : reflect->starts_on;
    ls->happened_on = date && strcmp(date, today) <= 0 ? (char *)date : NULL;
    ls->status = "draft";
    ls->evidence_count = 0;
    for (int i = 0; i < CYCLE_STEPS; i++)
        for (int k = 0; k < cy->steps[i].evidence_count; k++)
            if (ls->evidence_count < LESSON_EVIDENCE_MAX)
                ls->evidence[ls->evidence_count++] = cy->steps[i].evidence[k];
}

enum status cycle_link_lesson(struct ctx *c, const char *cycle_id, const char *lesson_id)
{
    struct cycle *cy;
    struct question *q;
    enum status s = cycle_find(c, cycle_id, &cy);
    if (s == STATUS_OK)
        s = question_find(c, cy->question_id, &q);
    if (s != STATUS_OK)
        return s;
    struct problems p = {0};
    s = question_link_add(c, q, "lesson", lesson_id, NULL, &p);
    return s;
}
