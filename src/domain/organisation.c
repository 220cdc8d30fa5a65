/*
 * organisation.c — rules of organisations: a name, a kind from the list, a
 * website that is an http(s) address when given.
 */
#include "domain/organisation.h"

#include "core/i18n.h"
#include "core/str.h"
#include "domain/audit.h"
#include "domain/field.h"
#include "domain/rights.h"
#include "store/store.h"

static const struct {
    const char *name;
    const char *label;
} kinds[ORGANISATION_KIND_COUNT] = {
    {"government", N_("Government")},
    {"ngo", N_("NGO")},
    {"private", N_("Private sector")},
    {"academic", N_("Academic and research")},
    {"community", N_("Community")},
    {"donor", N_("Donor")},
    {"other", N_("Other")},
};

const char *organisation_kind_name(int i)
{
    return kinds[i].name;
}

const char *organisation_kind_label(const char *kind)
{
    for (int i = 0; i < ORGANISATION_KIND_COUNT; i++)
        if (str_eq(kind, kinds[i].name))
            return _(kinds[i].label);
    return kind ? kind : "";
}

static bool kind_valid(const char *kind)
{
    for (int i = 0; i < ORGANISATION_KIND_COUNT; i++)
        if (str_eq(kind, kinds[i].name))
            return true;
    return false;
}

enum status organisation_find(struct ctx *c, const char *id, struct organisation **out)
{
    if (str_empty(id))
        return STATUS_NOT_FOUND;
    return store_organisation_get(c, id, out);
}

enum status organisation_list(struct ctx *c, const char *kind, const struct listing *l,
                              struct organisation_list *out)
{
    return store_organisation_list(c, str_empty(kind) ? NULL : kind, l, out);
}

static void organisation_validate(struct ctx *c, struct organisation *o, struct problems *p)
{
    field_text(c, &o->name, p, "name", _("Name"), 200, _("Enter the name of the organisation"));
    if (!kind_valid(o->kind))
        problems_invalid(p, "kind", _("Choose the kind of organisation"));
    field_text(c, &o->description, p, "description", _("Description"), 20000, NULL);
    field_text(c, &o->website, p, "website", _("Website"), 2000, NULL);
    if (*o->website && !str_is_http_url(o->website))
        problems_invalid(p, "website",
                         _("Enter a website address that starts with https:// or http://"));
}

/* organisation_audit records the differences between before (NULL: a
 * create) and after (NULL: a delete). */
static enum status organisation_audit(struct ctx *c, const char *action,
                                      const struct organisation *before,
                                      const struct organisation *after)
{
    static const struct organisation none = {0};
    const struct organisation *b = before ? before : &none, *a = after ? after : &none;
    const struct organisation *named = after ? after : before;
    struct audit_draft d;
    audit_begin(&d, action, "organisation", named->id, named->name, 0, 0);
    audit_text(&d, "name", b->name, a->name);
    audit_text(&d, "kind", b->kind, a->kind);
    audit_text(&d, "description", b->description, a->description);
    audit_text(&d, "website", b->website, a->website);
    return audit_save(c, &d);
}

enum status organisation_create(struct ctx *c, struct organisation *o, struct problems *p)
{
    enum status s = rights_directory(c);
    if (s != STATUS_OK)
        return s;
    o->key = 0;
    organisation_validate(c, o, p);
    if (p->count)
        return problems_status(p);
    s = store_begin(c);
    if (s == STATUS_OK) {
        s = store_organisation_insert(c, o);
        if (s == STATUS_OK)
            s = organisation_audit(c, "create", NULL, o);
        s = store_end(c, s);
    }
    return s;
}

enum status organisation_update(struct ctx *c, struct organisation *o, struct problems *p)
{
    struct organisation *before;
    enum status s = rights_directory(c);
    if (s == STATUS_OK)
        s = store_organisation_get(c, o->id, &before);
    if (s != STATUS_OK)
        return s;
    organisation_validate(c, o, p);
    if (p->count)
        return problems_status(p);
    s = store_begin(c);
    if (s == STATUS_OK) {
        s = store_organisation_update(c, o);
        if (s == STATUS_OK)
            s = organisation_audit(c, "update", before, o);
        s = store_end(c, s);
    }
    return s;
}

enum status organisation_delete(struct ctx *c, struct organisation *o)
{
    enum status s = rights_admin(c);
    if (s != STATUS_OK)
        return s;
    s = store_begin(c);
    if (s == STATUS_OK) {
        s = organisation_audit(c, "delete", o, NULL);
        if (s == STATUS_OK)
            s = store_organisation_delete(c, o);
        s = store_end(c, s);
    }
    return s;
}
