/*
 * entry.c — rules of journal entries (see entry.h): a kind from the list; a
 * title; a body, except for a photo, which needs the photo as an attachment
 * instead; a real date not in the future; a place and the people involved,
 * both optional; a status and a visibility from their lists; up to twelve
 * attachments. Every write keeps the search index and the audit trail in the
 * same transaction.
 */
#include "domain/entry.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/audit.h"
#include "domain/discussion.h"
#include "domain/field.h"
#include "domain/item.h"
#include "domain/platform.h"
#include "domain/rights.h"
#include "domain/search.h"
#include "domain/share.h"
#include "store/store.h"

#include <string.h>
#include <time.h>

const char *const entry_kinds[ENTRY_KIND_COUNT] = {"observation", "story", "reflection", "quote",
                                                   "photo"};

static const char *const kind_labels[ENTRY_KIND_COUNT] = {
    N_("Observation"), N_("Story of change"), N_("Reflection"), N_("Quote"), N_("Photo")};

static const struct {
    const char *name, *label;
} visibilities[] = {{"platform", N_("Platform members")},
                    {"alliance", N_("Alliance members")},
                    {"public", N_("Anyone")}};

bool entry_kind_valid(const char *kind)
{
    for (int i = 0; i < ENTRY_KIND_COUNT; i++)
        if (str_eq(kind, entry_kinds[i]))
            return true;
    return false;
}

const char *entry_kind_label(const char *kind)
{
    for (int i = 0; i < ENTRY_KIND_COUNT; i++)
        if (str_eq(kind, entry_kinds[i]))
            return _(kind_labels[i]);
    return kind ? kind : "";
}

const char *entry_visibility_label(const char *visibility)
{
    for (size_t i = 0; i < sizeof visibilities / sizeof visibilities[0]; i++)
        if (str_eq(visibility, visibilities[i].name))
            return _(visibilities[i].label);
    return visibility ? visibility : "";
}

enum status entry_find(struct ctx *c, const char *id, struct entry **out)
{
    return str_empty(id) ? STATUS_NOT_FOUND : store_entry_get(c, id, out);
}

enum status entry_list(struct ctx *c, const struct entry_filter *f, const struct listing *l,
                       struct entry_list *out)
{
    return store_entry_list(c, f, l, out);
}

void entry_links_parse(struct ctx *c, struct entry *e, const char *text, struct problems *p)
{
    item_links_parse(c, text, e->links, ENTRY_LINKS_MAX, &e->link_count, "links",
                     _("An entry has at most twelve attachments"),
                     _("Give each attachment an address that starts with https:// or http://, "
                       "or a page of this site such as /documents/…"),
                     p);
}

static bool in_list(const char *name, const char *a, const char *b, const char *c3)
{
    return str_eq(name, a) || str_eq(name, b) || str_eq(name, c3);
}

/* entry_validate checks the fields and fills the defaults. */
static void entry_validate(struct ctx *c, struct entry *e, struct problems *p)
{
    if (!entry_kind_valid(e->kind))
        problems_invalid(p, "kind",
                         _("Choose the kind of entry: observation, story of change, reflection, "
                           "quote or photo"));
    field_text(c, &e->title, p, "title", _("Title"), 200, _("Enter a title for the entry"));
    bool photo = str_eq(e->kind, "photo");
    field_text(c, &e->body, p, "body", _("The entry"), 20000,
               photo || !e->kind ? NULL
               : str_eq(e->kind, "quote")
                   ? _("Enter the words that were said")
                   : _("Enter what happened, what you saw or what you think about it"));
    if (photo && e->link_count == 0 && !problems_for(p, "links"))
        problems_invalid(p, "links",
                         _("A photo entry needs the photo: add its address under attachments"));
    field_text(c, &e->place, p, "place", _("Place"), 200, NULL);
    field_text(c, &e->people, p, "people", _("People involved"), 2000, NULL);
    if (str_empty(e->status))
        e->status = "draft";
    if (!in_list(e->status, "draft", "published", NULL))
        problems_invalid(p, "status", _("Choose draft or published"));
    if (str_empty(e->visibility))
        e->visibility = "platform";
    if (!in_list(e->visibility, "platform", "alliance", "public"))
        problems_invalid(p, "visibility",
                         _("Choose who may read it: platform, alliance or public"));
    char today[32];
    clock_now_iso(today, sizeof today);
    today[10] = '\0';
    if (str_empty(e->happened_on))
        e->happened_on = arena_strdup(c->arena, today);
    if (!clock_date_valid(e->happened_on))
        problems_invalid(p, "happened_on",
                         _("Enter a real date as year-month-day, such as 2026-03-12"));
    else if (strcmp(e->happened_on, today) > 0)
        problems_invalid(p, "happened_on", _("The date must be today or in the past"));
}

/* entry_index puts the entry in the search index. */
static enum status entry_index(struct ctx *c, const struct entry *e)
{
    struct search_doc d = {
        .kind = "entry",
        .item_key = e->key,
        .item_id = e->id,
        .platform_key = e->platform_key,
        .alliance_key = e->alliance_key,
        .visibility = e->visibility,
        .published = str_eq(e->status, "published"),
        .author_key = e->author_key,
        .outcome = "",
        .happened_on = e->happened_on,
        .title = e->title,
        .body = arena_printf(c->arena, "%s\n\n%s\n\n%s", e->body, e->place, e->people),
        .tags = "",
    };
    return search_put(c, &d);
}

/* entry_audit records what changed between before and after (NULL: none). */
static enum status entry_audit(struct ctx *c, const char *action, const struct entry *before,
                               const struct entry *after)
{
    static const struct entry none = {0};
    const struct entry *b = before ? before : &none, *a = after ? after : &none;
    const struct entry *named = after ? after : before;
    char *links[2] = {NULL, NULL};
    for (int k = 0; k < 2; k++) {
        const struct entry *e = k ? a : b;
        if (e == &none)
            continue;
        links[k] = "";
        for (int i = 0; i < e->link_count; i++)
            links[k] = arena_printf(c->arena, "%s%s%s | %s", links[k], i ? "\n" : "",
                                    e->links[i].label, e->links[i].url);
    }
    struct audit_draft d;
    audit_begin(&d, action, "entry", named->id, named->title, named->alliance_key,
                named->platform_key);
    audit_text(&d, "kind", b->kind, a->kind);
    audit_text(&d, "title", b->title, a->title);
    audit_text(&d, "status", b->status, a->status);
    audit_text(&d, "visibility", b->visibility, a->visibility);
    audit_text(&d, "happened_on", b->happened_on, a->happened_on);
    audit_text(&d, "place", b->place, a->place);
    audit_text(&d, "people", b->people, a->people);
    audit_text(&d, "body", b->body, a->body);
    audit_text(&d, "links", links[0], links[1]);
    return audit_save(c, &d);
}

enum status entry_create(struct ctx *c, struct entry *e, struct problems *p)
{
    enum status s = rights_signed_in(c);
    if (s != STATUS_OK)
        return s;
    struct platform *pl;
    if (platform_find(c, e->platform_id, &pl) != STATUS_OK) {
        problems_invalid(p, "platform", _("Choose a platform that exists"));
        return STATUS_INVALID;
    }
    s = rights_on_platform(c, pl->key, RIGHT_WRITE_ITEMS);
    if (s != STATUS_OK)
        return s;
    e->platform_key = pl->key;
    e->alliance_key = pl->alliance_key;
    e->author_key = c->viewer->person_key;
    entry_validate(c, e, p);
    if (p->count)
        return problems_status(p);
    s = item_publish_rights(c, e->platform_key, e->status);
    if (s != STATUS_OK)
        return s;
    e->published_at = item_published_at(c, e->status, NULL);
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = store_entry_insert(c, e);
    if (s == STATUS_OK)
        s = entry_index(c, e);
    if (s == STATUS_OK)
        s = entry_audit(c, "create", NULL, e);
    return store_end(c, s);
}

enum status entry_reindex_one(struct ctx *c, const char *id)
{
    struct entry *full;
    enum status s = entry_find(c, id, &full);
    return s == STATUS_OK ? entry_index(c, full) : s;
}

bool entry_may_delete(struct ctx *c, const struct entry *e)
{
    return rights_may(rights_on_platform(c, e->platform_key, RIGHT_PUBLISH_ITEMS));
}

bool entry_may_edit(struct ctx *c, const struct entry *e)
{
    return item_may_edit(c, e->platform_key, e->author_key);
}

enum status entry_update(struct ctx *c, struct entry *e, struct problems *p)
{
    struct entry *before;
    enum status s = entry_find(c, e->id, &before);
    if (s != STATUS_OK)
        return s;
    s = item_edit_rights(c, before->platform_key, before->author_key);
    if (s != STATUS_OK)
        return s;
    entry_validate(c, e, p);
    if (p->count)
        return problems_status(p);
    s = item_publish_rights(c, e->platform_key, e->status);
    if (s != STATUS_OK)
        return s;
    e->published_at = item_published_at(c, e->status, before->published_at);
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = store_entry_update(c, e);
    if (s == STATUS_OK)
        s = entry_index(c, e);
    if (s == STATUS_OK)
        s = entry_audit(c, "update", before, e);
    return store_end(c, s);
}

enum status entry_delete(struct ctx *c, struct entry *e)
{
    enum status s = rights_on_platform(c, e->platform_key, RIGHT_PUBLISH_ITEMS);
    if (s != STATUS_OK)
        return s;
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = entry_audit(c, "delete", e, NULL);
    if (s == STATUS_OK)
        s = item_retire(c, "entry", e->key);
    if (s == STATUS_OK)
        s = store_entry_delete(c, e);
    return store_end(c, s);
}
