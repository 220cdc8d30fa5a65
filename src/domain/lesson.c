/*
 * lesson.c — rules of lessons (see lesson.h): a title and the lesson itself;
 * an outcome; a status and a visibility from their lists; a date not in the
 * future; up to twelve tags and twelve pieces of evidence. Every write keeps
 * the search index and the audit trail in the same transaction.
 */
#include "domain/lesson.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/audit.h"
#include "domain/discussion.h"
#include "domain/field.h"
#include "domain/item.h"
#include "domain/platform.h"
#include "domain/question.h"
#include "domain/rights.h"
#include "domain/search.h"
#include "domain/share.h"
#include "store/store.h"

#include <string.h>
#include <time.h>

static const struct {
    const char *name, *label;
} outcomes[] = {{"success", N_("Success")}, {"failure", N_("Failure")}, {"mixed", N_("Mixed")}},
  visibilities[] = {{"platform", N_("Platform members")},
                    {"alliance", N_("Alliance members")},
                    {"public", N_("Anyone")}};

const char *lesson_outcome_label(const char *outcome)
{
    for (size_t i = 0; i < sizeof outcomes / sizeof outcomes[0]; i++)
        if (str_eq(outcome, outcomes[i].name))
            return _(outcomes[i].label);
    return outcome ? outcome : "";
}

const char *lesson_visibility_label(const char *visibility)
{
    for (size_t i = 0; i < sizeof visibilities / sizeof visibilities[0]; i++)
        if (str_eq(visibility, visibilities[i].name))
            return _(visibilities[i].label);
    return visibility ? visibility : "";
}

enum status lesson_find(struct ctx *c, const char *id, struct lesson **out)
{
    return str_empty(id) ? STATUS_NOT_FOUND : store_lesson_get(c, id, out);
}

enum status lesson_list(struct ctx *c, const struct lesson_filter *f, const struct listing *l,
                        struct lesson_list *out)
{
    return store_lesson_list(c, f, l, out);
}

void lesson_tags_parse(struct ctx *c, struct lesson *ls, const char *text, struct problems *p)
{
    ls->tag_count = 0;
    char *copy = arena_strdup(c->arena, text ? text : "");
    for (char *t = copy; t;) {
        char *end = t + strcspn(t, ",\n");
        char *next = *end ? end + 1 : NULL;
        *end = '\0';
        char *tag = str_lower_ascii(c->arena, str_trim(c->arena, t));
        t = next;
        if (!*tag)
            continue;
        bool seen = false;
        for (int i = 0; i < ls->tag_count; i++)
            seen = seen || strcmp(ls->tags[i], tag) == 0;
        if (seen)
            continue;
        if (ls->tag_count == LESSON_TAGS_MAX) {
            problems_invalid(p, "tags", _("A lesson has at most twelve tags"));
            return;
        }
        if (!str_utf8_valid(tag, strlen(tag)) || str_utf8_length(tag) > 40 || strchr(tag, ' ')) {
            problems_invalid(p, "tags",
                             _("Each tag is one word (hyphens allowed) of 40 characters or "
                               "fewer, such as handpumps or o-and-m"));
            return;
        }
        ls->tags[ls->tag_count++] = tag;
    }
}

void lesson_evidence_parse(struct ctx *c, struct lesson *ls, const char *text, struct problems *p)
{
    item_evidence_parse(c, text, ls->evidence, LESSON_EVIDENCE_MAX, &ls->evidence_count, "evidence",
                        p);
}

static bool in_list(const char *name, const char *a, const char *b, const char *c3)
{
    return str_eq(name, a) || str_eq(name, b) || str_eq(name, c3);
}

/* lesson_validate checks the fields and fills the defaults. */
static void lesson_validate(struct ctx *c, struct lesson *ls, struct problems *p)
{
    field_text(c, &ls->title, p, "title", _("Title"), 200, _("Enter a title for the lesson"));
    field_text(c, &ls->context, p, "context", _("Context"), 20000, NULL);
    field_text(c, &ls->what_happened, p, "what_happened", _("What happened"), 20000, NULL);
    field_text(c, &ls->lesson, p, "lesson", _("The lesson"), 20000,
               _("Enter the lesson learned: what would you tell someone about to do the same?"));
    field_text(c, &ls->recommendation, p, "recommendation", _("Recommendation"), 20000, NULL);
    field_text(c, &ls->question, p, "question", _("Learning question"), 500, NULL);
    if (!in_list(ls->outcome, "success", "failure", "mixed"))
        problems_invalid(p, "outcome", _("Choose the outcome: success, failure or mixed"));
    if (str_empty(ls->status))
        ls->status = "draft";
    if (!in_list(ls->status, "draft", "published", NULL))
        problems_invalid(p, "status", _("Choose draft or published"));
    if (str_empty(ls->visibility))
        ls->visibility = str_eq(ls->outcome, "failure") ? "platform" : "alliance";
    if (!in_list(ls->visibility, "platform", "alliance", "public"))
        problems_invalid(p, "visibility",
                         _("Choose who may read it: platform, alliance or public"));
    char today[32];
    clock_now_iso(today, sizeof today);
    today[10] = '\0';
    if (str_empty(ls->happened_on))
        ls->happened_on = arena_strdup(c->arena, today);
    if (!clock_date_valid(ls->happened_on))
        problems_invalid(p, "happened_on",
                         _("Enter the date as year-month-day, such as 2026-03-12"));
    else if (strcmp(ls->happened_on, today) > 0)
        problems_invalid(p, "happened_on", _("The date must be today or in the past"));
}

/* lesson_index puts the lesson in the search index. */
static enum status lesson_index(struct ctx *c, const struct lesson *ls)
{
    char *tags = "";
    for (int i = 0; i < ls->tag_count; i++)
        tags = arena_printf(c->arena, "%s%s%s", tags, i ? " " : "", ls->tags[i]);
    struct search_doc d = {
        .kind = "lesson",
        .item_key = ls->key,
        .item_id = ls->id,
        .platform_key = ls->platform_key,
        .alliance_key = ls->alliance_key,
        .visibility = ls->visibility,
        .published = str_eq(ls->status, "published"),
        .author_key = ls->author_key,
        .outcome = ls->outcome,
        .happened_on = ls->happened_on,
        .title = ls->title,
        .body = arena_printf(c->arena, "%s\n\n%s\n\n%s\n\n%s\n\n%s", ls->lesson, ls->what_happened,
                             ls->context, ls->recommendation, ls->question),
        .tags = tags,
    };
    return search_put(c, &d);
}

/* lesson_audit records what changed between before and after (NULL: none). */
static enum status lesson_audit(struct ctx *c, const char *action, const struct lesson *before,
                                const struct lesson *after)
{
    static const struct lesson none = {0};
    const struct lesson *b = before ? before : &none, *a = after ? after : &none;
    const struct lesson *named = after ? after : before;
    struct audit_draft d;
    audit_begin(&d, action, "lesson", named->id, named->title, named->alliance_key,
                named->platform_key);
    audit_text(&d, "title", b->title, a->title);
    audit_text(&d, "outcome", b->outcome, a->outcome);
    audit_text(&d, "status", b->status, a->status);
    audit_text(&d, "visibility", b->visibility, a->visibility);
    audit_text(&d, "happened_on", b->happened_on, a->happened_on);
    audit_text(&d, "context", b->context, a->context);
    audit_text(&d, "what_happened", b->what_happened, a->what_happened);
    audit_text(&d, "lesson", b->lesson, a->lesson);
    audit_text(&d, "recommendation", b->recommendation, a->recommendation);
    audit_text(&d, "question", b->question, a->question);
    return audit_save(c, &d);
}

enum status lesson_create(struct ctx *c, struct lesson *ls, struct problems *p)
{
    enum status s = rights_signed_in(c);
    if (s != STATUS_OK)
        return s;
    struct platform *pl;
    if (platform_find(c, ls->platform_id, &pl) != STATUS_OK) {
        problems_invalid(p, "platform", _("Choose a platform that exists"));
        return STATUS_INVALID;
    }
    s = rights_on_platform(c, pl->key, RIGHT_WRITE_ITEMS);
    if (s != STATUS_OK)
        return s;
    ls->platform_key = pl->key;
    ls->alliance_key = pl->alliance_key;
    ls->author_key = c->viewer->person_key;
    lesson_validate(c, ls, p);
    if (p->count)
        return problems_status(p);
    s = item_publish_rights(c, ls->platform_key, ls->status);
    if (s != STATUS_OK)
        return s;
    ls->published_at = item_published_at(c, ls->status, NULL);
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = store_lesson_insert(c, ls);
    if (s == STATUS_OK)
        s = lesson_index(c, ls);
    if (s == STATUS_OK)
        s = lesson_audit(c, "create", NULL, ls);
    return store_end(c, s);
}

enum status lesson_reindex_one(struct ctx *c, const char *id)
{
    struct lesson *full;
    enum status s = lesson_find(c, id, &full);
    return s == STATUS_OK ? lesson_index(c, full) : s;
}

bool lesson_may_edit(struct ctx *c, const struct lesson *ls)
{
    return item_may_edit(c, ls->platform_key, ls->author_key);
}

enum status lesson_update(struct ctx *c, struct lesson *ls, struct problems *p)
{
    struct lesson *before;
    enum status s = lesson_find(c, ls->id, &before);
    if (s != STATUS_OK)
        return s;
    s = item_edit_rights(c, before->platform_key, before->author_key);
    if (s != STATUS_OK)
        return s;
    lesson_validate(c, ls, p);
    if (p->count)
        return problems_status(p);
    s = item_publish_rights(c, ls->platform_key, ls->status);
    if (s != STATUS_OK)
        return s;
    ls->published_at = item_published_at(c, ls->status, before->published_at);
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = store_lesson_update(c, ls);
    if (s == STATUS_OK)
        s = lesson_index(c, ls);
    if (s == STATUS_OK)
        s = lesson_audit(c, "update", before, ls);
    return store_end(c, s);
}

enum status lesson_delete(struct ctx *c, struct lesson *ls)
{
    enum status s = rights_on_platform(c, ls->platform_key, RIGHT_PUBLISH_ITEMS);
    if (s != STATUS_OK)
        return s;
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = lesson_audit(c, "delete", ls, NULL);
    if (s == STATUS_OK)
        s = item_retire(c, "lesson", ls->key);
    if (s == STATUS_OK)
        s = store_application_lesson_delete(c, ls->key);
    if (s == STATUS_OK)
        s = store_lesson_delete(c, ls);
    return store_end(c, s);
}
