/*
 * platform.c — rules of platforms and of the peer links between them.
 */
#include "domain/platform.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/alliance.h"
#include "domain/audit.h"
#include "domain/field.h"
#include "domain/rights.h"
#include "domain/visibility.h"
#include "store/store.h"

enum status platform_find(struct ctx *c, const char *id, struct platform **out)
{
    if (str_empty(id))
        return STATUS_NOT_FOUND;
    enum status s = store_platform_get(c, id, out);
    if (s == STATUS_OK &&
        !visibility_alliance_readable(c, (*out)->alliance_key, (*out)->alliance_visibility))
        return STATUS_NOT_FOUND;
    return s;
}

enum status platform_for_writing(struct ctx *c, const char *id, enum right right,
                                 struct problems *p, struct platform **out)
{
    enum status s = rights_signed_in(c);
    if (s != STATUS_OK)
        return s;
    if (platform_find(c, id, out) != STATUS_OK) {
        problems_invalid(p, "platform", _("Choose a platform that exists"));
        return STATUS_INVALID;
    }
    return rights_on_platform(c, (*out)->key, right);
}

/* platform_audit records the differences between before (NULL: a create) and
 * after (NULL: a delete). */
static enum status platform_audit(struct ctx *c, const char *action, const struct platform *before,
                                  const struct platform *after)
{
    static const struct platform none = {0};
    const struct platform *b = before ? before : &none, *a = after ? after : &none;
    const struct platform *named = after ? after : before;
    struct audit_draft d;
    audit_begin(&d, action, "platform", named->id, named->name, named->alliance_key, named->key);
    audit_text(&d, "name", b->name, a->name);
    audit_text(&d, "level", b->level_label, a->level_label);
    audit_text(&d, "parent", b->parent_name, a->parent_name);
    audit_text(&d, "place", b->place, a->place);
    audit_text(&d, "description", b->description, a->description);
    return audit_save(c, &d);
}

enum status platform_list(struct ctx *c, const struct platform_filter *f, const struct listing *l,
                          struct platform_list *out)
{
    return store_platform_list(c, f, l, out);
}

enum status platform_tree(struct ctx *c, int64_t alliance_key, int64_t limit,
                          struct platform_list *out)
{
    return store_platform_tree(c, alliance_key, limit, out);
}

/* parent_check resolves pl->parent_id and checks the vertical link: same
 * alliance, one level up, not the platform itself nor one of its descendants. */
static void parent_check(struct ctx *c, const struct alliance *a, struct platform *pl,
                         bool depth_given, struct problems *p)
{
    pl->parent_key = 0;
    if (str_empty(pl->parent_id)) {
        pl->parent_id = NULL;
        if (!depth_given)
            pl->depth = 0;
        return;
    }
    struct platform *parent;
    if (platform_find(c, pl->parent_id, &parent) != STATUS_OK) {
        problems_invalid(p, "parent", _("Choose a parent platform that exists"));
        return;
    }
    if (parent->alliance_key != a->key) {
        problems_invalid(p, "parent", _("The parent platform must belong to the same alliance"));
        return;
    }
    if (pl->key &&
        (parent->key == pl->key || store_platform_is_descendant(c, parent->key, pl->key))) {
        problems_invalid(p, "parent",
                         _("A platform cannot sit below itself or below one of its own "
                           "children"));
        return;
    }
    if (!depth_given)
        pl->depth = parent->depth + 1;
    if (pl->depth != parent->depth + 1) {
        problems_invalid(
            p, "parent",
            arena_printf(c->arena,
                         _("The parent must be one level up: choose a platform "
                           "at level “%s”"),
                         pl->depth > 0 ? alliance_level_label(a, pl->depth - 1) : _("none")));
        return;
    }
    pl->parent_key = parent->key;
    pl->parent_name = parent->name;
}

/* platform_validate checks an edited or new platform. depth < 0 means "follow
 * the parent" (or the top level when there is none). */
static void platform_validate(struct ctx *c, const struct alliance *a, struct platform *pl,
                              struct problems *p)
{
    field_text(c, &pl->name, p, "name", _("Name"), 200, _("Enter the name of the platform"));
    field_text(c, &pl->place, p, "place", _("Place"), 200, NULL);
    field_text(c, &pl->description, p, "description", _("Description"), 20000, NULL);
    bool depth_given = pl->depth >= 0;
    if (depth_given && pl->depth >= a->level_count) {
        problems_invalid(p, "level", _("Choose one of the levels of this alliance"));
        return;
    }
    parent_check(c, a, pl, depth_given, p);
    if (!depth_given && pl->depth >= a->level_count)
        problems_invalid(p, "parent",
                         _("The parent is at the lowest level of the alliance, so no platform "
                           "can sit below it"));
    pl->alliance_key = a->key;
    pl->level_label = (char *)alliance_level_label(a, pl->depth);
}

enum status platform_rights_add(struct ctx *c, int64_t alliance_key, int64_t parent_key)
{
    enum status s = rights_on_alliance(c, alliance_key);
    if (s == STATUS_FORBIDDEN && parent_key)
        s = rights_on_platform(c, parent_key, RIGHT_ADD_CHILD);
    return s;
}

enum status platform_create(struct ctx *c, const struct alliance *a, struct platform *pl,
                            struct problems *p)
{
    enum status s = rights_signed_in(c);
    if (s != STATUS_OK)
        return s;
    pl->key = 0;
    platform_validate(c, a, pl, p);
    if (p->count)
        return problems_status(p);
    s = platform_rights_add(c, a->key, pl->parent_key);
    if (s != STATUS_OK)
        return s;
    s = store_begin(c);
    if (s == STATUS_OK) {
        s = store_platform_insert(c, pl);
        if (s == STATUS_OK)
            s = platform_audit(c, "create", NULL, pl);
        s = store_end(c, s);
    }
    if (s == STATUS_OK) {
        pl->alliance_id = a->id;
        pl->alliance_slug = a->slug;
        pl->alliance_name = a->name;
    }
    return s;
}

enum status platform_update(struct ctx *c, const struct alliance *a, struct platform *pl,
                            struct problems *p)
{
    struct platform *before;
    enum status s = platform_find(c, pl->id, &before);
    if (s == STATUS_OK)
        s = rights_on_platform(c, before->key, RIGHT_EDIT_PLATFORM);
    if (s != STATUS_OK)
        return s;
    platform_validate(c, a, pl, p);
    if (p->count)
        return problems_status(p);
    /* Moving a platform in the tree is a decision of the alliance. */
    if (pl->parent_key != before->parent_key || pl->depth != before->depth) {
        s = rights_on_alliance(c, a->key);
        if (s != STATUS_OK)
            return s;
    }
    if (pl->depth != before->depth && before->child_count > 0) {
        problems_add(p, STATUS_CONFLICT, "level",
                     _("This platform has child platforms, so its level cannot change"));
        return STATUS_CONFLICT;
    }
    s = store_begin(c);
    if (s == STATUS_OK) {
        s = store_platform_update(c, pl);
        if (s == STATUS_OK)
            s = platform_audit(c, "update", before, pl);
        s = store_end(c, s);
    }
    return s;
}

enum status platform_delete(struct ctx *c, struct platform *pl, struct problems *p)
{
    enum status s = platform_rights_add(c, pl->alliance_key, pl->parent_key);
    if (s != STATUS_OK)
        return s;
    if (pl->child_count > 0) {
        problems_add(p, STATUS_CONFLICT, NULL,
                     arena_printf(c->arena,
                                  ngettext("This platform has %lld child platform. Move or "
                                           "delete it first.",
                                           "This platform has %lld child platforms. Move or "
                                           "delete them first.",
                                           (unsigned long)pl->child_count),
                                  (long long)pl->child_count));
        return STATUS_CONFLICT;
    }
    int64_t items = store_platform_items(c, pl->key);
    if (items > 0) {
        problems_add(p, STATUS_CONFLICT, NULL,
                     arena_printf(c->arena,
                                  ngettext("This platform holds %lld lesson or other item. Move "
                                           "or delete it first.",
                                           "This platform holds %lld lessons and other items. "
                                           "Move or delete them first.",
                                           (unsigned long)items),
                                  (long long)items));
        return STATUS_CONFLICT;
    }
    s = store_begin(c);
    if (s == STATUS_OK) {
        s = platform_audit(c, "delete", pl, NULL);
        if (s == STATUS_OK)
            s = store_platform_delete(c, pl);
        s = store_end(c, s);
    }
    if (s == STATUS_CONFLICT)
        problems_add(p, s, NULL,
                     _("This platform has child platforms. Move or delete them first."));
    return s;
}

enum status platform_links(struct ctx *c, const struct platform *pl, const struct listing *l,
                           struct platform_link_list *out)
{
    return store_link_list(c, pl->key, l, out);
}

enum status platform_link_list(struct ctx *c, int64_t platform_key, const struct listing *l,
                               struct platform_link_list *out)
{
    return store_link_list(c, platform_key, l, out);
}

enum status platform_link_find(struct ctx *c, const char *id, struct platform_link **out)
{
    if (str_empty(id))
        return STATUS_NOT_FOUND;
    return store_link_get(c, id, out);
}

/* link_audit records a change to a peer link on the trail of both platforms. */
static enum status link_audit(struct ctx *c, const char *action, const char *id,
                              const struct platform *a, const struct platform *b,
                              const char *note_before, const char *note_after)
{
    const struct platform *ends[2] = {a, b};
    for (int i = 0; i < 2; i++) {
        const struct platform *self = ends[i], *other = ends[1 - i];
        struct audit_draft d;
        audit_begin(&d, action, "platform_link", id, other->name, self->alliance_key, self->key);
        d.related_alliance_key = other->alliance_key; /* hides the entry where the far end is */
        if (!str_eq(action, "update"))
            audit_text(&d, "peer", str_eq(action, "delete") ? other->name : NULL,
                       str_eq(action, "create") ? other->name : NULL);
        audit_text(&d, "note", note_before, note_after);
        enum status s = audit_save(c, &d);
        if (s != STATUS_OK)
            return s;
    }
    return STATUS_OK;
}

enum status platform_link_create(struct ctx *c, const char *platform_id, const char *peer_id,
                                 const char *note, struct platform_link **out, struct problems *p)
{
    struct platform *a = NULL, *b = NULL;
    if (platform_find(c, platform_id, &a) != STATUS_OK)
        problems_invalid(p, "platform", _("Choose a platform that exists"));
    if (str_empty(peer_id))
        problems_invalid(p, "peer", _("Choose the peer platform to link to"));
    else if (platform_find(c, peer_id, &b) != STATUS_OK)
        problems_invalid(p, "peer", _("Choose a peer platform that exists"));
    char *text = (char *)note;
    field_text(c, &text, p, "note", _("Note"), 500, NULL);
    if (p->count)
        return problems_status(p);
    if (a->key == b->key) {
        problems_invalid(p, "peer", _("A platform cannot be its own peer"));
        return STATUS_INVALID;
    }
    enum status s = rights_on_platform(c, a->key, RIGHT_LINK_PEERS);
    if (s != STATUS_OK)
        return s;
    char id[40];
    s = store_begin(c);
    if (s == STATUS_OK) {
        s = store_link_insert(c, a->key, b->key, text, id);
        if (s == STATUS_OK)
            s = link_audit(c, "create", id, a, b, NULL, text);
        s = store_end(c, s);
    }
    if (s == STATUS_CONFLICT) {
        problems_add(p, s, "peer", _("These two platforms are already linked"));
        return s;
    }
    if (s != STATUS_OK)
        return s;
    return platform_link_find(c, id, out);
}

/* link_ends loads both ends of a link and checks the viewer may link peers
 * on one of them. */
static enum status link_ends(struct ctx *c, const struct platform_link *link, struct platform **a,
                             struct platform **b)
{
    enum status s = platform_find(c, link->a_id, a);
    if (s == STATUS_OK)
        s = platform_find(c, link->b_id, b);
    if (s != STATUS_OK)
        return s;
    s = rights_on_platform(c, (*a)->key, RIGHT_LINK_PEERS);
    if (s == STATUS_FORBIDDEN)
        s = rights_on_platform(c, (*b)->key, RIGHT_LINK_PEERS);
    return s;
}

enum status platform_link_rights(struct ctx *c, const struct platform_link *link)
{
    struct platform *a, *b;
    return link_ends(c, link, &a, &b);
}

enum status platform_link_update(struct ctx *c, struct platform_link *link, struct problems *p)
{
    struct platform *a, *b;
    enum status s = link_ends(c, link, &a, &b);
    if (s != STATUS_OK)
        return s;
    const char *before = link->note;
    field_text(c, &link->note, p, "note", _("Note"), 500, NULL);
    if (p->count)
        return problems_status(p);
    s = store_begin(c);
    if (s == STATUS_OK) {
        s = store_link_update(c, link);
        if (s == STATUS_OK)
            s = link_audit(c, "update", link->id, a, b, before, link->note);
        s = store_end(c, s);
    }
    return s;
}

enum status platform_link_delete(struct ctx *c, struct platform_link *link)
{
    struct platform *a, *b;
    enum status s = link_ends(c, link, &a, &b);
    if (s != STATUS_OK)
        return s;
    s = store_begin(c);
    if (s == STATUS_OK) {
        s = store_link_delete(c, link);
        if (s == STATUS_OK)
            s = link_audit(c, "delete", link->id, a, b, link->note, NULL);
        s = store_end(c, s);
    }
    return s;
}
