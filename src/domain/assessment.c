/*
 * assessment.c — rules of stakeholder assessments (see assessment.h): one
 * stakeholder the viewer may read, influence and interest from 1 to 5, a
 * date not in the future, bounded texts, a visibility from its list (the
 * platform by default). Every write keeps the audit trail in the same
 * transaction.
 */
#include "domain/assessment.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/audit.h"
#include "domain/capability.h"
#include "domain/field.h"
#include "domain/organisation.h"
#include "domain/person.h"
#include "domain/platform.h"
#include "domain/rights.h"
#include "store/store.h"

#include <string.h>

const char *assessment_visibility_label(const char *visibility)
{
    if (str_eq(visibility, "platform"))
        return _("Platform members");
    if (str_eq(visibility, "alliance"))
        return _("Alliance members");
    if (str_eq(visibility, "public"))
        return _("Anyone");
    return visibility ? visibility : "";
}

enum status assessment_find(struct ctx *c, const char *id, struct assessment **out)
{
    return str_empty(id) ? STATUS_NOT_FOUND : store_assessment_get(c, id, out);
}

enum status assessment_list(struct ctx *c, const struct assessment_filter *f,
                            const struct listing *l, struct assessment_list *out)
{
    return store_assessment_list(c, f, l, out);
}

enum status assessment_latest(struct ctx *c, int64_t platform_key, int64_t alliance_key, int limit,
                              struct assessment_list *out)
{
    return store_assessment_latest(c, platform_key, alliance_key, limit, out);
}

bool assessment_may_record(struct ctx *c, int64_t platform_key)
{
    return rights_may(rights_on_platform(c, platform_key, RIGHT_PUBLISH_ITEMS));
}

/* assessment_stakeholder resolves the organisation or person the assessment
 * is about (exactly one, readable by the viewer). */
static void assessment_stakeholder(struct ctx *c, struct assessment *a, struct problems *p)
{
    bool org = !str_empty(a->organisation_id), person = !str_empty(a->person_id);
    if (org == person) {
        problems_invalid(p, "stakeholder",
                         _("Choose the stakeholder: one organisation or one person"));
        return;
    }
    if (org) {
        struct organisation *o;
        if (organisation_find(c, a->organisation_id, &o) != STATUS_OK) {
            problems_invalid(p, "organisation", _("Choose an organisation that exists"));
            return;
        }
        a->organisation_key = o->key;
        a->stakeholder_name = o->name;
        a->person_key = 0;
    } else {
        struct person *pe;
        if (person_find(c, a->person_id, &pe) != STATUS_OK) {
            problems_invalid(p, "person", _("Choose a person who exists"));
            return;
        }
        a->person_key = pe->key;
        a->stakeholder_name = pe->name;
        a->organisation_key = 0;
    }
}

static void assessment_score(struct problems *p, int value, const char *field, const char *message)
{
    if (value < 1 || value > 5)
        problems_invalid(p, field, message);
}

/* assessment_validate checks the fields and fills the defaults. */
static void assessment_validate(struct ctx *c, struct assessment *a, struct problems *p)
{
    assessment_stakeholder(c, a, p);
    assessment_score(p, a->influence, "influence",
                     _("Choose the influence from 1 (none) to 5 (can make or break the "
                       "alliance)"));
    assessment_score(p, a->interest, "interest",
                     _("Choose the interest from 1 (none) to 5 (very keen)"));
    field_text(c, &a->needs, p, "needs", _("Needs"), 5000, NULL);
    field_text(c, &a->demands, p, "demands", _("Demands"), 5000, NULL);
    field_text(c, &a->expectations, p, "expectations", _("Expectations"), 5000, NULL);
    field_text(c, &a->resources, p, "resources", _("Resources"), 5000, NULL);
    field_text(c, &a->marginalised_group, p, "marginalised_group", _("Marginalised group"), 200,
               NULL);
    field_text(c, &a->notes, p, "notes", _("Notes"), 20000, NULL);
    if (a->capabilities & ~(unsigned)CAPABILITY_ALL)
        problems_invalid(p, "capabilities", _("Choose capabilities from the list"));
    if (str_empty(a->visibility))
        a->visibility = "platform";
    if (!str_eq(a->visibility, "platform") && !str_eq(a->visibility, "alliance") &&
        !str_eq(a->visibility, "public"))
        problems_invalid(p, "visibility",
                         _("Choose who may read it: platform, alliance or public"));
    char today[32];
    clock_now_iso(today, sizeof today);
    today[10] = '\0';
    if (str_empty(a->assessed_on))
        a->assessed_on = arena_strdup(c->arena, today);
    if (!clock_date_valid(a->assessed_on))
        problems_invalid(p, "assessed_on",
                         _("Enter the date as year-month-day, such as 2026-03-12"));
    else if (strcmp(a->assessed_on, today) > 0)
        problems_invalid(p, "assessed_on", _("The date must be today or in the past"));
}

/* assessment_audit records the assessment as created or deleted. */
static enum status assessment_audit(struct ctx *c, const char *action, const struct assessment *a,
                                    bool created)
{
    struct audit_draft d;
    audit_begin(&d, action, "assessment", a->id, a->stakeholder_name, a->alliance_key,
                a->platform_key);
    const char *none = NULL;
    char influence[4], interest[4];
    influence[0] = (char)('0' + a->influence);
    interest[0] = (char)('0' + a->interest);
    influence[1] = interest[1] = '\0';
    audit_text(&d, "assessed_on", created ? none : a->assessed_on, created ? a->assessed_on : none);
    audit_text(&d, "influence", created ? none : influence, created ? influence : none);
    audit_text(&d, "interest", created ? none : interest, created ? interest : none);
    audit_text(&d, "visibility", created ? none : a->visibility, created ? a->visibility : none);
    audit_text(&d, "marginalised_group", created ? none : a->marginalised_group,
               created ? a->marginalised_group : none);
    return audit_save(c, &d);
}

enum status assessment_create(struct ctx *c, struct assessment *a, struct problems *p)
{
    struct platform *pl;
    enum status s = platform_for_writing(c, a->platform_id, RIGHT_PUBLISH_ITEMS, p, &pl);
    if (s != STATUS_OK)
        return s;
    a->platform_key = pl->key;
    a->alliance_key = pl->alliance_key;
    a->author_key = c->viewer->person_key;
    assessment_validate(c, a, p);
    if (p->count)
        return problems_status(p);
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = store_assessment_insert(c, a);
    if (s == STATUS_OK)
        s = assessment_audit(c, "create", a, true);
    return store_end(c, s);
}

enum status assessment_delete(struct ctx *c, struct assessment *a)
{
    enum status s = rights_on_platform(c, a->platform_key, RIGHT_PUBLISH_ITEMS);
    if (s != STATUS_OK)
        return s;
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = assessment_audit(c, "delete", a, false);
    if (s == STATUS_OK)
        s = store_assessment_delete(c, a);
    return store_end(c, s);
}
