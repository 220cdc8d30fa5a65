/*
 * alliance.c — rules of alliances: a name, a unique slug, one to six level
 * labels, a time zone that exists; a level that holds platforms stays.
 */
#include "domain/alliance.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/audit.h"
#include "domain/field.h"
#include "domain/rights.h"
#include "domain/visibility.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

enum status alliance_find(struct ctx *c, const char *id_or_slug, struct alliance **out)
{
    if (str_empty(id_or_slug))
        return STATUS_NOT_FOUND;
    enum status s = store_alliance_get(c, id_or_slug, out);
    if (s == STATUS_OK && !visibility_alliance_readable(c, (*out)->key, (*out)->visibility))
        return STATUS_NOT_FOUND; /* a members-only alliance does not exist for outsiders */
    return s;
}

void alliance_level_labels(struct ctx *c, const char *labels[ALLIANCE_LEVELS_MAX])
{
    for (int d = 0; d < ALLIANCE_LEVELS_MAX; d++)
        labels[d] = NULL;
    struct listing l;
    listing_default(&l);
    l.limit = 50; /* beyond fifty alliances, their first fifty name the levels */
    struct alliance_list list;
    if (store_alliance_list_levels(c, &l, &list) != STATUS_OK)
        return;
    for (int i = 0; i < list.count; i++)
        for (int d = 0; d < list.items[i].level_count; d++) {
            const char *label = list.items[i].levels[d];
            if (!labels[d])
                labels[d] = label;
            else if (!strstr(labels[d], label))
                labels[d] = arena_printf(c->arena, "%s / %s", labels[d], label);
        }
}

enum status alliance_list(struct ctx *c, const struct listing *l, struct alliance_list *out)
{
    return store_alliance_list(c, l, out);
}

const char *alliance_level_label(const struct alliance *a, int depth)
{
    return depth >= 0 && depth < a->level_count ? a->levels[depth] : "";
}

void alliance_levels_parse(struct ctx *c, struct alliance *a, const char *text, struct problems *p)
{
    a->level_count = 0;
    char *copy = arena_strdup(c->arena, text ? text : "");
    char *line = copy;
    while (line) {
        char *end = line + strcspn(line, "\n,");
        char *next = *end ? end + 1 : NULL;
        *end = '\0';
        char *label = str_trim(c->arena, line);
        line = next;
        if (*label == '\0')
            continue;
        if (a->level_count == ALLIANCE_LEVELS_MAX) {
            problems_invalid(p, "levels", _("An alliance has at most six levels"));
            return;
        }
        a->levels[a->level_count++] = label;
    }
}

static bool time_zone_known(const char *tz)
{
    if (str_eq(tz, "UTC"))
        return true;
    for (const char *s = tz; *s; s++) {
        bool ok = (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
                  (*s >= '0' && *s <= '9') || *s == '_' || *s == '-' || *s == '+' || *s == '/';
        if (!ok)
            return false;
    }
    if (strstr(tz, "..") || *tz == '/' || strlen(tz) > 64)
        return false;
    char path[128];
    snprintf(path, sizeof path, "/usr/share/zoneinfo/%s", tz);
    return access(path, R_OK) == 0;
}

static void levels_validate(struct ctx *c, struct alliance *a, struct problems *p)
{
    if (a->level_count == 0) {
        problems_invalid(p, "levels", _("Enter at least one level, such as National"));
        return;
    }
    for (int i = 0; i < a->level_count; i++) {
        struct problems one = {0};
        field_text(c, &a->levels[i], &one, "levels", _("Each level"), 60,
                   _("Enter a label for every level"));
        if (one.count) {
            problems_invalid(p, "levels", one.items[0].message);
            return;
        }
        for (int j = 0; j < i; j++)
            if (strcmp(a->levels[i], a->levels[j]) == 0) {
                problems_invalid(p, "levels", _("Give each level a different label"));
                return;
            }
    }
}

void alliance_validate(struct ctx *c, struct alliance *a, struct problems *p)
{
    field_text(c, &a->name, p, "name", _("Name"), 200, _("Enter the name of the alliance"));
    a->slug = str_trim(c->arena, a->slug ? a->slug : "");
    if (*a->slug == '\0')
        problems_invalid(p, "slug", _("Enter a short name for addresses, such as ghana-wash"));
    else if (!str_is_slug(a->slug))
        problems_invalid(p, "slug",
                         _("The short name can only contain lower-case letters, digits and "
                           "single hyphens, and must be 60 characters or fewer"));
    else if (store_alliance_slug_taken(c, a->slug, a->key))
        problems_add(p, STATUS_CONFLICT, "slug",
                     _("Another alliance already uses this short name"));
    field_text(c, &a->going_in_issue, p, "going_in_issue", _("Going-in issue"), 20000, NULL);
    field_text(c, &a->vision, p, "vision", _("Vision"), 20000, NULL);
    field_text(c, &a->principles, p, "principles", _("Principles"), 20000, NULL);
    if (str_empty(a->time_zone))
        a->time_zone = "UTC";
    field_text(c, &a->time_zone, p, "time_zone", _("Time zone"), 64, NULL);
    if (!time_zone_known(a->time_zone))
        problems_invalid(p, "time_zone",
                         _("Enter a time zone from the tz database, such as Africa/Accra"));
    levels_validate(c, a, p);
    if (str_empty(a->visibility))
        a->visibility = "public";
    else if (!str_eq(a->visibility, "public") && !str_eq(a->visibility, "members"))
        problems_invalid(p, "visibility", _("Choose who may read the alliance: public or members"));
}

/* levels_joined writes the level labels as one text, for the audit trail. */
static char *levels_joined(struct ctx *c, const struct alliance *a)
{
    char *text = "";
    for (int i = 0; i < a->level_count; i++)
        text = arena_printf(c->arena, "%s%s%s", text, i ? " / " : "", a->levels[i]);
    return text;
}

/* alliance_audit records the differences between before (NULL: a create) and
 * after (NULL: a delete). */
static enum status alliance_audit(struct ctx *c, const char *action, const struct alliance *before,
                                  const struct alliance *after)
{
    static const struct alliance none = {0};
    const struct alliance *b = before ? before : &none, *a = after ? after : &none;
    const struct alliance *named = after ? after : before;
    struct audit_draft d;
    audit_begin(&d, action, "alliance", named->id, named->name, named->key, 0);
    audit_text(&d, "name", b->name, a->name);
    audit_text(&d, "slug", b->slug, a->slug);
    audit_text(&d, "levels", before ? levels_joined(c, b) : NULL,
               after ? levels_joined(c, a) : NULL);
    audit_text(&d, "visibility", b->visibility, a->visibility);
    audit_text(&d, "time_zone", b->time_zone, a->time_zone);
    audit_text(&d, "going_in_issue", b->going_in_issue, a->going_in_issue);
    audit_text(&d, "vision", b->vision, a->vision);
    audit_text(&d, "principles", b->principles, a->principles);
    return audit_save(c, &d);
}

enum status alliance_create(struct ctx *c, struct alliance *a, struct problems *p)
{
    enum status s = rights_admin(c);
    if (s != STATUS_OK)
        return s;
    a->key = 0;
    alliance_validate(c, a, p);
    if (p->count)
        return problems_status(p);
    s = store_begin(c);
    if (s == STATUS_OK) {
        s = store_alliance_insert(c, a);
        if (s == STATUS_OK)
            s = alliance_audit(c, "create", NULL, a);
        s = store_end(c, s);
    }
    if (s == STATUS_CONFLICT)
        problems_add(p, s, "slug", _("Another alliance already uses this short name"));
    return s;
}

enum status alliance_update(struct ctx *c, struct alliance *a, struct problems *p)
{
    struct alliance *before;
    enum status s = rights_on_alliance(c, a->key);
    if (s == STATUS_OK)
        s = store_alliance_get(c, a->id, &before);
    if (s != STATUS_OK)
        return s;
    alliance_validate(c, a, p);
    if (p->count)
        return problems_status(p);
    int deepest = store_alliance_deepest_level(c, a->key);
    if (deepest >= a->level_count) {
        problems_add(p, STATUS_CONFLICT, "levels",
                     arena_printf(c->arena,
                                  _("Platforms sit at level %d, so the alliance needs at least "
                                    "%d levels"),
                                  deepest + 1, deepest + 1));
        return STATUS_CONFLICT;
    }
    s = store_begin(c);
    if (s == STATUS_OK) {
        s = store_alliance_update(c, a);
        if (s == STATUS_OK)
            s = alliance_audit(c, "update", before, a);
        s = store_end(c, s);
    }
    if (s == STATUS_CONFLICT)
        problems_add(p, s, "slug", _("Another alliance already uses this short name"));
    return s;
}

enum status alliance_delete(struct ctx *c, struct alliance *a, struct problems *p)
{
    enum status s = rights_admin(c);
    if (s != STATUS_OK)
        return s;
    if (a->platform_count > 0) {
        problems_add(p, STATUS_CONFLICT, NULL,
                     arena_printf(c->arena,
                                  ngettext("This alliance still has %lld platform. Delete it "
                                           "first.",
                                           "This alliance still has %lld platforms. Delete "
                                           "them first.",
                                           (unsigned long)a->platform_count),
                                  (long long)a->platform_count));
        return STATUS_CONFLICT;
    }
    s = store_begin(c);
    if (s == STATUS_OK) {
        s = store_alliance_delete(c, a);
        if (s == STATUS_OK)
            s = alliance_audit(c, "delete", a, NULL);
        s = store_end(c, s);
    }
    return s;
}
