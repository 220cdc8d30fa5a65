/*
 * membership.c — rules of memberships: a platform, exactly one of a person
 * and an organisation, once per platform; a role from the list; capabilities
 * from the five.
 */
#include "domain/membership.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/account.h"
#include "domain/audit.h"
#include "domain/capability.h"
#include "domain/person.h"
#include "domain/platform.h"
#include "domain/rights.h"
#include "domain/visibility.h"
#include "store/store.h"

static const struct {
    const char *name;
    const char *label;
} roles[ROLE_COUNT] = {
    {"convenor", N_("Convenor")},     {"facilitator", N_("Facilitator")},
    {"documenter", N_("Documenter")}, {"member", N_("Member")},
    {"observer", N_("Observer")},
};

const char *role_name(int i)
{
    return roles[i].name;
}

const char *role_label(const char *role)
{
    for (int i = 0; i < ROLE_COUNT; i++)
        if (str_eq(role, roles[i].name))
            return _(roles[i].label);
    return role ? role : "";
}

int role_valid(const char *name)
{
    for (int i = 0; i < ROLE_COUNT; i++)
        if (str_eq(name, roles[i].name))
            return 1;
    return 0;
}

enum status membership_find(struct ctx *c, const char *id, struct membership **out)
{
    if (str_empty(id))
        return STATUS_NOT_FOUND;
    enum status s = store_membership_get(c, id, out);
    if (s == STATUS_OK &&
        !visibility_alliance_readable(c, (*out)->alliance_key, (*out)->alliance_visibility))
        return STATUS_NOT_FOUND;
    return s;
}

/* capability_words lists a capability mask as words, for the audit trail. */
static char *capability_words(struct ctx *c, unsigned caps)
{
    char *text = "";
    for (int i = 0; i < CAPABILITY_COUNT; i++)
        if (caps & capability_bit(i))
            text = arena_printf(c->arena, "%s%s%s", text, *text ? ", " : "", capability_name(i));
    return text;
}

/* membership_audit records a change to a membership on its platform's trail. */
static enum status membership_audit(struct ctx *c, const char *action,
                                    const struct membership *before, const struct membership *after)
{
    const struct membership *m = after ? after : before;
    const char *who = m->person_name ? m->person_name : m->organisation_name;
    struct audit_draft d;
    audit_begin(&d, action, "membership", m->id, who, m->alliance_key, m->platform_key);
    audit_text(&d, "role", before ? before->role : NULL, after ? after->role : NULL);
    audit_text(&d, "capabilities", before ? capability_words(c, before->capabilities) : NULL,
               after ? capability_words(c, after->capabilities) : NULL);
    if (!before || !after)
        audit_text(&d, "member", before ? who : NULL, after ? who : NULL);
    return audit_save(c, &d);
}

enum status membership_list(struct ctx *c, const struct membership_filter *f,
                            const struct listing *l, struct membership_list *out)
{
    return store_membership_list(c, f, l, out);
}

static void role_validate(struct membership *m, struct problems *p)
{
    if (!role_valid(m->role))
        problems_invalid(p, "role",
                         _("Choose a role: convenor, facilitator, documenter, member "
                           "or observer"));
    if (m->capabilities & ~(unsigned)CAPABILITY_ALL)
        problems_invalid(p, "capabilities", _("Choose capabilities from the five in the list"));
}

/* readable_key finds the key of a platform or a person the viewer may read
 * (0 when there is none, or it is hidden: a hidden record is not there).
 * Administrators read everything, so a plain key lookup serves them — which
 * keeps bulk loads (the demo, the generator) fast. */
static int64_t readable_key(struct ctx *c, const char *id, bool platform)
{
    if (c->viewer->admin)
        return platform ? store_platform_key(c, id) : store_person_key(c, id);
    if (platform) {
        struct platform *pl;
        return platform_find(c, id, &pl) == STATUS_OK ? pl->key : 0;
    }
    struct person *pe;
    return person_find(c, id, &pe) == STATUS_OK ? pe->key : 0;
}

/* member_resolve finds the platform and the member (person or organisation). */
static void member_resolve(struct ctx *c, struct membership *m, struct problems *p)
{
    m->platform_key = readable_key(c, m->platform_id, true);
    if (!m->platform_key)
        problems_invalid(p, "platform", _("Choose a platform that exists"));
    bool has_person = !str_empty(m->person_id), has_org = !str_empty(m->organisation_id);
    m->person_key = m->organisation_key = 0;
    if (has_person && has_org) {
        problems_invalid(p, "person", _("Choose a person or an organisation, not both"));
    } else if (has_person) {
        m->person_key = readable_key(c, m->person_id, false);
        if (!m->person_key)
            problems_invalid(p, "person", _("Choose a person who exists"));
    } else if (has_org) {
        m->organisation_key = store_organisation_key(c, m->organisation_id);
        if (!m->organisation_key)
            problems_invalid(p, "organisation", _("Choose an organisation that exists"));
    } else {
        problems_invalid(p, "person", _("Choose the person or organisation who joins"));
    }
}

enum status membership_create(struct ctx *c, struct membership *m, struct problems *p)
{
    enum status s = rights_signed_in(c);
    if (s != STATUS_OK)
        return s;
    m->key = 0;
    member_resolve(c, m, p);
    role_validate(m, p);
    if (p->count)
        return problems_status(p);
    s = rights_on_platform(c, m->platform_key, RIGHT_MANAGE_MEMBERS);
    if (s != STATUS_OK)
        return s;
    const char *field = m->person_key ? "person" : "organisation";
    const char *message = m->person_key ? _("This person is already a member of the platform")
                                        : _("This organisation is already a member of the "
                                            "platform");
    if (store_membership_exists(c, m->platform_key, m->person_key, m->organisation_key)) {
        problems_add(p, STATUS_CONFLICT, field, message);
        return STATUS_CONFLICT;
    }
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    struct membership *stored;
    s = store_membership_insert(c, m);
    if (s == STATUS_OK)
        s = store_membership_get(c, m->id, &stored);
    if (s == STATUS_OK)
        s = membership_audit(c, "create", NULL, stored);
    s = store_end(c, s);
    if (s == STATUS_CONFLICT)
        problems_add(p, s, field, message);
    return s;
}

enum status membership_update(struct ctx *c, struct membership *m, struct problems *p)
{
    struct membership *before;
    enum status s = rights_on_platform(c, m->platform_key, RIGHT_MANAGE_MEMBERS);
    if (s == STATUS_OK)
        s = store_membership_get(c, m->id, &before);
    if (s != STATUS_OK)
        return s;
    role_validate(m, p);
    if (p->count)
        return problems_status(p);
    s = store_begin(c);
    if (s == STATUS_OK) {
        s = store_membership_update(c, m);
        if (s == STATUS_OK)
            s = membership_audit(c, "update", before, m);
        s = store_end(c, s);
    }
    return s;
}

enum status membership_delete(struct ctx *c, struct membership *m)
{
    enum status s = rights_on_platform(c, m->platform_key, RIGHT_MANAGE_MEMBERS);
    if (s != STATUS_OK)
        return s;
    s = store_begin(c);
    if (s == STATUS_OK) {
        s = membership_audit(c, "delete", m, NULL);
        if (s == STATUS_OK)
            s = store_membership_delete(c, m);
        s = store_end(c, s);
    }
    return s;
}

enum status membership_invite(struct ctx *c, const char *platform_id, const char *email,
                              const char *name, struct membership *m, char secret[44],
                              struct problems *p)
{
    secret[0] = '\0';
    int64_t platform_key = readable_key(c, platform_id, true);
    if (!platform_key)
        return STATUS_NOT_FOUND;
    enum status s = rights_on_platform(c, platform_key, RIGHT_MANAGE_MEMBERS);
    if (s != STATUS_OK)
        return s;
    role_validate(m, p);
    char *lower = str_trim(c->arena, str_lower_ascii(c->arena, email ? email : ""));
    if (!str_is_email(lower))
        problems_invalid(p, "email",
                         _("Enter an email address in the right format, like name@example.org"));
    bool known = str_is_email(lower) && store_person_key_by_email(c, lower);
    if (!known && str_empty(name))
        problems_invalid(p, "name", _("Enter the name of the person you invite"));
    if (p->count)
        return problems_status(p);
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    struct account *a;
    if (account_find_by_email(c, lower, &a) != STATUS_OK)
        s = account_create(c, lower, name, false, &a, p);
    if (s == STATUS_OK) {
        m->platform_id = (char *)platform_id;
        m->person_id = a->person_id;
        m->organisation_id = NULL;
        s = membership_create(c, m, p);
    }
    /* Someone who can sign in already needs no link: a link would let the
     * inviter choose their password. */
    if (s == STATUS_OK && !a->password_hash)
        s = account_link_create(c, a, LINK_INVITATION, platform_key, secret);
    return store_end(c, s);
}
