/*
 * question.c — rules of the learning agenda (see question.h): a title and
 * a status from the list, a visibility, a date raised not in the future, one
 * to eight owning platforms of one alliance; links to the events, lessons and
 * documents of that alliance. Every write keeps the search index and the
 * audit trail in the same transaction.
 */
#include "domain/question.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/audit.h"
#include "domain/cycle.h"
#include "domain/document.h"
#include "domain/event.h"
#include "domain/field.h"
#include "domain/item.h"
#include "domain/lesson.h"
#include "domain/platform.h"
#include "domain/rights.h"
#include "domain/search.h"
#include "store/question.h"
#include "store/store.h"

#include <string.h>

const char *const question_statuses[] = {"open", "exploring", "answered", "set_aside", NULL};
static const char *const status_labels[] = {N_("Open"), N_("Being explored"), N_("Answered"),
                                            N_("Set aside")};

bool question_status_valid(const char *status)
{
    for (int i = 0; question_statuses[i]; i++)
        if (str_eq(status, question_statuses[i]))
            return true;
    return false;
}

const char *question_status_label(const char *status)
{
    for (int i = 0; question_statuses[i]; i++)
        if (str_eq(status, question_statuses[i]))
            return _(status_labels[i]);
    return status ? status : "";
}

enum status question_find(struct ctx *c, const char *id, struct question **out)
{
    return str_empty(id) ? STATUS_NOT_FOUND : store_question_get(c, id, out);
}

enum status question_list(struct ctx *c, const struct question_filter *f, const struct listing *l,
                          struct question_list *out)
{
    return store_question_list(c, f, l, out);
}

bool question_may_raise(struct ctx *c, int64_t platform_key)
{
    return rights_may(rights_on_platform(c, platform_key, RIGHT_SET_AGENDA));
}

/* any_owner: does the viewer hold the right on a platform owning q? */
static bool any_owner(struct ctx *c, const struct question *q, enum right right)
{
    for (int i = 0; i < q->platform_count; i++)
        if (rights_may(rights_on_platform(c, q->platforms[i].key, right)))
            return true;
    return false;
}

bool question_may_edit(struct ctx *c, const struct question *q)
{
    return any_owner(c, q, RIGHT_SET_AGENDA);
}

bool question_may_delete(struct ctx *c, const struct question *q)
{
    return rights_may(rights_on_platform(c, q->platform_key, RIGHT_SET_AGENDA));
}

bool question_may_link(struct ctx *c, const struct question *q)
{
    return any_owner(c, q, RIGHT_WRITE_ITEMS);
}

/* denied is the status of a refused right: forbidden, or signed out. */
static enum status denied(struct ctx *c)
{
    return c->viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED;
}

/* question_validate checks the fields and fills the defaults. */
static void question_validate(struct ctx *c, struct question *q, struct problems *p)
{
    field_text(c, &q->title, p, "title", _("Question"), 300,
               _("Enter the question, such as Why do rural water points fail?"));
    field_text(c, &q->body, p, "body", _("Why it matters"), 20000, NULL);
    if (str_empty(q->status))
        q->status = "open";
    if (!question_status_valid(q->status))
        problems_invalid(p, "status",
                         _("Choose the status: open, being explored, answered or set aside"));
    if (str_empty(q->visibility))
        q->visibility = "alliance";
    if (!str_eq(q->visibility, "platform") && !str_eq(q->visibility, "alliance") &&
        !str_eq(q->visibility, "public"))
        problems_invalid(p, "visibility",
                         _("Choose who may read it: platform, alliance or public"));
    char today[32];
    clock_now_iso(today, sizeof today);
    today[10] = '\0';
    if (str_empty(q->raised_on))
        q->raised_on = arena_strdup(c->arena, today);
    if (!clock_date_valid(q->raised_on))
        problems_invalid(p, "raised_on", _("Enter the date as year-month-day, such as 2026-03-12"));
    else if (strcmp(q->raised_on, today) > 0)
        problems_invalid(p, "raised_on", _("The date must be today or in the past"));
}

/* platforms_resolve turns platform_ids[1…] into owning platforms after the
 * home (platforms[0], set by the caller): platforms the viewer may read, of
 * the question's alliance, each once. */
static void platforms_resolve(struct ctx *c, struct question *q, struct problems *p)
{
    int count = 1;
    for (int i = 1; i < q->platform_id_count; i++) {
        struct platform *pl;
        if (str_empty(q->platform_ids[i]) ||
            platform_find(c, q->platform_ids[i], &pl) != STATUS_OK) {
            problems_invalid(p, "platforms", _("Choose platforms that exist"));
            return;
        }
        if (pl->alliance_key != q->alliance_key) {
            problems_invalid(p, "platforms",
                             _("Every platform owning a question is in the alliance of its "
                               "home platform"));
            return;
        }
        bool seen = false;
        for (int k = 0; k < count; k++)
            seen = seen || q->platforms[k].key == pl->key;
        if (seen)
            continue;
        if (count == QUESTION_PLATFORMS_MAX) {
            problems_invalid(p, "platforms", _("A question has at most eight owning platforms"));
            return;
        }
        q->platforms[count++] =
            (struct question_platform){pl->key, pl->id, pl->name, pl->level_label};
    }
    q->platform_count = count;
}

/* question_index puts the question in the search index, under every owning
 * platform. */
static enum status question_index(struct ctx *c, const struct question *q)
{
    int64_t others[QUESTION_PLATFORMS_MAX];
    for (int i = 1; i < q->platform_count; i++)
        others[i - 1] = q->platforms[i].key;
    struct search_doc d = {
        .kind = "question",
        .item_key = q->key,
        .item_id = q->id,
        .platform_key = q->platform_key,
        .alliance_key = q->alliance_key,
        .visibility = q->visibility,
        .published = true,
        .author_key = q->author_key,
        .outcome = "",
        .happened_on = q->raised_on,
        .title = q->title,
        .body = q->body,
        .tags = "",
        .other_platform_keys = others,
        .other_platform_count = q->platform_count - 1,
    };
    return search_put(c, &d);
}

/* platform_names lists the platforms of q, one a line (arena), for the audit. */
static char *platform_names(struct ctx *c, const struct question *q)
{
    char *names = "";
    for (int i = 0; i < q->platform_count; i++)
        names = arena_printf(c->arena, "%s%s%s", names, i ? "\n" : "", q->platforms[i].name);
    return names;
}

/* question_audit records what changed between before and after (NULL: none). */
static enum status question_audit(struct ctx *c, const char *action, const struct question *before,
                                  const struct question *after)
{
    static const struct question none = {0};
    const struct question *b = before ? before : &none, *a = after ? after : &none;
    const struct question *named = after ? after : before;
    struct audit_draft d;
    audit_begin(&d, action, "question", named->id, named->title, named->alliance_key,
                named->platform_key);
    audit_text(&d, "title", b->title, a->title);
    audit_text(&d, "status", b->status, a->status);
    audit_text(&d, "visibility", b->visibility, a->visibility);
    audit_text(&d, "raised_on", b->raised_on, a->raised_on);
    audit_text(&d, "platforms", before ? platform_names(c, b) : NULL,
               after ? platform_names(c, a) : NULL);
    audit_text(&d, "body", b->body, a->body);
    return audit_save(c, &d);
}

/* question_save stores a new question (before NULL) or an edited one, with
 * the search index (and, edited, its cycles': its level or title may have
 * changed) and the audit trail, in one transaction. */
static enum status question_save(struct ctx *c, const struct question *before, struct question *q)
{
    enum status s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = before ? store_question_update(c, q) : store_question_insert(c, q);
    if (s == STATUS_OK)
        s = question_index(c, q);
    if (s == STATUS_OK && before)
        s = cycle_question_changed(c, q->key);
    if (s == STATUS_OK)
        s = question_audit(c, before ? "update" : "create", before, q);
    return store_end(c, s);
}

enum status question_create(struct ctx *c, struct question *q, struct problems *p)
{
    enum status s = rights_signed_in(c);
    if (s != STATUS_OK)
        return s;
    struct platform *home;
    if (q->platform_id_count < 1 || str_empty(q->platform_ids[0]) ||
        platform_find(c, q->platform_ids[0], &home) != STATUS_OK) {
        problems_invalid(p, "platforms", _("Choose a platform that exists"));
        return STATUS_INVALID;
    }
    s = rights_on_platform(c, home->key, RIGHT_SET_AGENDA);
    if (s != STATUS_OK)
        return s;
    q->alliance_key = home->alliance_key;
    q->platform_key = home->key;
    q->platforms[0] =
        (struct question_platform){home->key, home->id, home->name, home->level_label};
    q->platform_count = 1;
    q->author_key = c->viewer->person_key;
    question_validate(c, q, p);
    platforms_resolve(c, q, p);
    return p->count ? problems_status(p) : question_save(c, NULL, q);
}

enum status question_update(struct ctx *c, struct question *q, struct problems *p)
{
    struct question *before;
    enum status s = question_find(c, q->id, &before);
    if (s != STATUS_OK)
        return s;
    if (!question_may_edit(c, before))
        return denied(c);
    question_validate(c, q, p);
    if (q->platform_id_count > 0) {
        if (!str_eq(q->platform_ids[0], before->platform_id))
            problems_invalid(p, "platforms",
                             _("The first platform is the question's home: it cannot change"));
        else {
            q->platforms[0] = before->platforms[0];
            platforms_resolve(c, q, p);
        }
    }
    return p->count ? problems_status(p) : question_save(c, before, q);
}

enum status question_delete(struct ctx *c, struct question *q)
{
    if (!question_may_delete(c, q))
        return denied(c);
    enum status s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = question_audit(c, "delete", q, NULL);
    if (s == STATUS_OK)
        s = cycle_question_deleted(c, q->key);
    if (s == STATUS_OK)
        s = item_retire(c, "question", q->key);
    if (s == STATUS_OK)
        s = store_question_delete(c, q);
    return store_end(c, s);
}

enum status question_reindex_one(struct ctx *c, const char *id)
{
    struct question *full;
    enum status s = question_find(c, id, &full);
    return s == STATUS_OK ? question_index(c, full) : s;
}

/* Links. */

enum status question_links(struct ctx *c, const struct question *q, const char *kind,
                           struct question_link_list *out)
{
    struct question_link_list all;
    enum status s = store_question_links(c, q->key, kind, &all);
    if (s != STATUS_OK)
        return s;
    out->items = all.items;
    out->count = 0;
    for (int i = 0; i < all.count; i++) {
        const struct question_link *k = &all.items[i];
        enum status found = STATUS_NOT_FOUND;
        if (str_eq(k->kind, "lesson")) {
            struct lesson *ls;
            found = lesson_find(c, k->item_id, &ls);
        } else if (str_eq(k->kind, "event")) {
            struct event *e;
            found = event_find(c, k->item_id, &e);
        } else if (str_eq(k->kind, "document")) {
            struct document *d;
            found = document_find(c, k->item_id, &d);
        }
        if (found == STATUS_OK)
            out->items[out->count++] = *k;
        else if (found != STATUS_NOT_FOUND)
            return found;
    }
    return STATUS_OK;
}

static bool link_kind_valid(const char *kind)
{
    return str_eq(kind, "lesson") || str_eq(kind, "event") || str_eq(kind, "document");
}

/* link_target reads the kind and id an address names: "/lessons/ID",
 * "https://site/events/ID/…", or an id alone when kind is given. */
static bool link_target(struct ctx *c, const char *kind, const char *address, const char **kind_out,
                        char **id_out)
{
    static const struct {
        const char *path, *kind;
    } paths[] = {{"/lessons/", "lesson"}, {"/events/", "event"}, {"/documents/", "document"}};
    const char *text = str_trim(c->arena, address ? address : "");
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        const char *at = strstr(text, paths[i].path);
        if (at) {
            const char *id = at + strlen(paths[i].path);
            *kind_out = paths[i].kind;
            *id_out = arena_strndup(c->arena, id, strcspn(id, "/?#"));
            return **id_out != '\0';
        }
    }
    if (!kind || strchr(text, '/') || !*text)
        return false;
    *kind_out = kind;
    *id_out = arena_strdup(c->arena, text);
    return true;
}

/* link_audit records a link made or removed as a change of its question. */
static enum status link_audit(struct ctx *c, const struct question *q, const char *kind,
                              const char *title, bool added)
{
    struct audit_draft d;
    audit_begin(&d, "update", "question", q->id, q->title, q->alliance_key, q->platform_key);
    char *what = arena_printf(c->arena, "%s: %s", kind, title);
    audit_text(&d, "links", added ? NULL : what, added ? what : NULL);
    return audit_save(c, &d);
}

/* link_item finds the item of kind and id as the viewer reads it: its key,
 * title and alliance. */
static enum status link_item(struct ctx *c, const char *kind, const char *id, int64_t *key,
                             const char **title, int64_t *alliance_key)
{
    enum status s = STATUS_NOT_FOUND;
    if (str_eq(kind, "lesson")) {
        struct lesson *ls;
        if ((s = lesson_find(c, id, &ls)) == STATUS_OK)
            *key = ls->key, *title = ls->title, *alliance_key = ls->alliance_key;
    } else if (str_eq(kind, "event")) {
        struct event *e;
        if ((s = event_find(c, id, &e)) == STATUS_OK)
            *key = e->key, *title = e->title, *alliance_key = e->alliance_key;
    } else if (str_eq(kind, "document")) {
        struct document *d;
        if ((s = document_find(c, id, &d)) == STATUS_OK)
            *key = d->key, *title = d->title, *alliance_key = d->alliance_key;
    }
    return s;
}

enum status question_link_add(struct ctx *c, const struct question *q, const char *kind,
                              const char *address, struct question_link *out, struct problems *p)
{
    if (!question_may_link(c, q))
        return denied(c);
    const char *k;
    char *id;
    if (kind && !link_kind_valid(kind)) {
        problems_invalid(p, "kind", _("Choose an event, a lesson or a document"));
        return STATUS_INVALID;
    }
    if (!link_target(c, kind, address, &k, &id)) {
        problems_invalid(p, "item",
                         _("Give the address of an event, a lesson or a document of this site, "
                           "such as /lessons/…"));
        return STATUS_INVALID;
    }
    int64_t key = 0, alliance_key = 0;
    const char *title = NULL;
    enum status s = link_item(c, k, id, &key, &title, &alliance_key);
    if (s == STATUS_NOT_FOUND) {
        problems_invalid(p, "item",
                         _("There is no such event, lesson or document that you may "
                           "read"));
        return STATUS_INVALID;
    }
    if (s != STATUS_OK)
        return s;
    if (alliance_key != q->alliance_key) {
        problems_invalid(p, "item",
                         _("Link only events, lessons and documents of the question's "
                           "alliance"));
        return STATUS_INVALID;
    }
    struct question_link_list links;
    s = store_question_links(c, q->key, NULL, &links);
    if (s != STATUS_OK)
        return s;
    bool linked = false;
    for (int i = 0; i < links.count; i++)
        linked = linked || (links.items[i].item_key == key && str_eq(links.items[i].kind, k));
    if (!linked && links.count >= QUESTION_LINKS_MAX) {
        problems_add(p, STATUS_CONFLICT, "item",
                     _("A question links at most 100 events, lessons and documents: remove one "
                       "first"));
        return STATUS_CONFLICT;
    }
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = store_question_link_add(c, q->key, k, key);
    if (s == STATUS_OK)
        s = link_audit(c, q, k, title, true);
    if (s == STATUS_OK && out)
        *out = (struct question_link){(char *)k, key, id};
    return store_end(c, s);
}

enum status question_link_remove(struct ctx *c, const struct question *q, const char *kind,
                                 const char *item_id, struct problems *p)
{
    if (!question_may_link(c, q))
        return denied(c);
    if (!link_kind_valid(kind))
        problems_invalid(p, "kind", _("Choose an event, a lesson or a document"));
    else if (str_empty(item_id))
        problems_invalid(p, "item", _("Give the id of the linked item"));
    if (p->count)
        return STATUS_INVALID;
    int64_t key = 0, alliance_key = 0;
    const char *title = NULL;
    enum status s = link_item(c, kind, item_id, &key, &title, &alliance_key);
    if (s != STATUS_OK)
        return s;
    struct question_link_list links;
    s = store_question_links(c, q->key, kind, &links);
    bool linked = false;
    for (int i = 0; s == STATUS_OK && i < links.count; i++)
        linked = linked || links.items[i].item_key == key;
    if (s != STATUS_OK || !linked)
        return s == STATUS_OK ? STATUS_NOT_FOUND : s;
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = store_question_link_remove(c, q->key, kind, key);
    if (s == STATUS_OK)
        s = link_audit(c, q, kind, title, false);
    return store_end(c, s);
}

enum status question_item_deleted(struct ctx *c, const char *kind, int64_t item_key)
{
    return store_question_item_deleted(c, kind, item_key);
}
