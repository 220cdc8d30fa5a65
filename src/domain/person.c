/*
 * person.c — rules of people: a name; an email address, when given, that looks
 * like one and belongs to nobody else (compared in lower case); a gender from
 * the list or none; an organisation that exists.
 */
#include "domain/person.h"

#include "core/i18n.h"
#include "core/str.h"
#include "domain/audit.h"
#include "domain/field.h"
#include "domain/organisation.h"
#include "domain/rights.h"
#include "store/store.h"

static const struct {
    const char *name;
    const char *label;
} genders[PERSON_GENDER_COUNT] = {
    {"female", N_("Female")},
    {"male", N_("Male")},
    {"other", N_("Another gender")},
};

const char *person_gender_name(int i)
{
    return genders[i].name;
}

const char *person_gender_label(const char *gender)
{
    for (int i = 0; i < PERSON_GENDER_COUNT; i++)
        if (str_eq(gender, genders[i].name))
            return _(genders[i].label);
    return "";
}

enum status person_find(struct ctx *c, const char *id, struct person **out)
{
    if (str_empty(id))
        return STATUS_NOT_FOUND;
    return store_person_get(c, id, out);
}

enum status person_list(struct ctx *c, int64_t organisation_key, const struct listing *l,
                        struct person_list *out)
{
    return store_person_list(c, organisation_key, l, out);
}

static void person_validate(struct ctx *c, struct person *pe, struct problems *p)
{
    field_text(c, &pe->name, p, "name", _("Name"), 200, _("Enter the person’s name"));
    field_text(c, &pe->email, p, "email", _("Email address"), 254, NULL);
    pe->email = str_lower_ascii(c->arena, pe->email);
    if (*pe->email == '\0') {
        pe->email = NULL;
    } else if (!str_is_email(pe->email)) {
        problems_invalid(p, "email",
                         _("Enter an email address in the right format, like "
                           "name@example.org"));
    } else if (store_person_email_taken(c, pe->email, pe->key)) {
        problems_add(p, STATUS_CONFLICT, "email",
                     _("Another person already has this email address"));
    }
    if (str_empty(pe->gender))
        pe->gender = "";
    else if (*person_gender_label(pe->gender) == '\0')
        problems_invalid(p, "gender", _("Choose a gender from the list, or leave it blank"));
    field_text(c, &pe->marginalised_group, p, "marginalised_group", _("Marginalised group"), 100,
               NULL);
    pe->organisation_key = 0;
    if (!str_empty(pe->organisation_id)) {
        struct organisation *o;
        if (organisation_find(c, pe->organisation_id, &o) != STATUS_OK) {
            problems_invalid(p, "organisation", _("Choose an organisation that exists"));
        } else {
            pe->organisation_key = o->key;
            pe->organisation_name = o->name;
        }
    } else {
        pe->organisation_id = NULL;
        pe->organisation_name = NULL;
    }
}

/* person_audit records the differences between before (NULL: a create) and
 * after (NULL: a delete). */
static enum status person_audit(struct ctx *c, const char *action, const struct person *before,
                                const struct person *after)
{
    static const struct person none = {0};
    const struct person *b = before ? before : &none, *a = after ? after : &none;
    const struct person *named = after ? after : before;
    struct audit_draft d;
    audit_begin(&d, action, "person", named->id, named->name, 0, 0);
    audit_text(&d, "name", b->name, a->name);
    audit_text(&d, "email", b->email, a->email);
    audit_text(&d, "organisation", b->organisation_name, a->organisation_name);
    audit_text(&d, "gender", b->gender, a->gender);
    audit_text(&d, "marginalised_group", b->marginalised_group, a->marginalised_group);
    return audit_save(c, &d);
}

enum status person_create(struct ctx *c, struct person *pe, struct problems *p)
{
    enum status s = rights_directory(c);
    if (s != STATUS_OK)
        return s;
    pe->key = 0;
    person_validate(c, pe, p);
    if (p->count)
        return problems_status(p);
    s = store_begin(c);
    if (s == STATUS_OK) {
        s = store_person_insert(c, pe);
        if (s == STATUS_OK)
            s = person_audit(c, "create", NULL, pe);
        s = store_end(c, s);
    }
    if (s == STATUS_CONFLICT)
        problems_add(p, s, "email", _("Another person already has this email address"));
    return s;
}

enum status person_update(struct ctx *c, struct person *pe, struct problems *p)
{
    struct person *before;
    enum status s = rights_person(c, pe->key);
    if (s == STATUS_OK)
        s = store_person_get(c, pe->id, &before);
    if (s != STATUS_OK)
        return s;
    /* An email the viewer may not read reaches them as NULL: left blank, the
     * stored one stays. */
    if (!before->email && str_empty(pe->email))
        pe->email = store_person_email(c, pe->key);
    person_validate(c, pe, p);
    if (p->count)
        return problems_status(p);
    s = store_begin(c);
    if (s == STATUS_OK) {
        s = store_person_update(c, pe);
        if (s == STATUS_OK)
            s = person_audit(c, "update", before, pe);
        s = store_end(c, s);
    }
    if (s == STATUS_CONFLICT)
        problems_add(p, s, "email", _("Another person already has this email address"));
    return s;
}

enum status person_delete(struct ctx *c, struct person *pe)
{
    enum status s = rights_admin(c);
    if (s != STATUS_OK)
        return s;
    s = store_begin(c);
    if (s == STATUS_OK) {
        s = person_audit(c, "delete", pe, NULL);
        if (s == STATUS_OK)
            s = store_person_delete(c, pe);
        s = store_end(c, s);
    }
    return s;
}
