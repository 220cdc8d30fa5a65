/*
 * api/assessment.c — /api/v1/assessments: stakeholder assessments (list
 * with filters, record, read, delete). An assessment is not edited: a
 * later one records the change.
 */
#include "domain/assessment.h"

#include "api/api.h"
#include "api/json.h"
#include "core/i18n.h"
#include "domain/organisation.h"
#include "domain/person.h"

static json_t *assessment_json(const struct assessment *a)
{
    json_t *doc = json_pack(
        "{s:s, s:s, s:s, s:o, s:o, s:s, s:s, s:b, s:o, s:s, s:i, s:i, s:s, s:s, s:s, s:s}", "id",
        a->id, "platform", a->platform_id, "alliance", a->alliance_slug, "organisation",
        api_text_or_null(a->organisation_id), "person", api_text_or_null(a->person_id),
        "stakeholder_name", a->stakeholder_name, "stakeholder_kind", a->stakeholder_kind, "member",
        a->member, "author", api_text_or_null(a->author_id), "assessed_on", a->assessed_on,
        "influence", a->influence, "interest", a->interest, "needs", a->needs, "demands",
        a->demands, "expectations", a->expectations, "resources", a->resources);
    json_object_set_new(doc, "capabilities", api_capabilities(a->capabilities));
    json_object_set_new(doc, "marginalised_group", json_string(a->marginalised_group));
    json_object_set_new(doc, "notes", json_string(a->notes));
    json_object_set_new(doc, "visibility", json_string(a->visibility));
    json_object_set_new(doc, "created_at", json_string(a->created_at));
    json_object_set_new(doc, "updated_at", json_string(a->updated_at));
    return doc;
}

/* stakeholder_filter resolves ?organisation= or ?person=: the key, 0 when
 * absent, -1 after answering 400. */
static int64_t stakeholder_filter(struct request *r, const char *name)
{
    const char *id = request_query(r, name);
    if (!id)
        return 0;
    if (name[0] == 'o') {
        struct organisation *o;
        if (organisation_find(&r->ctx, id, &o) == STATUS_OK)
            return o->key;
        api_error(r, 400, _("No organisation has this id"), name);
    } else {
        struct person *pe;
        if (person_find(&r->ctx, id, &pe) == STATUS_OK)
            return pe->key;
        api_error(r, 400, _("No person has this id"), name);
    }
    return -1;
}

void api_assessment_list(struct request *r)
{
    struct listing l;
    if (api_listing(r, &l) != 0)
        return;
    struct assessment_filter f = {0};
    if ((f.platform_key = api_platform_filter(r, "platform")) < 0 ||
        (f.alliance_key = api_alliance_filter(r, "alliance")) < 0 ||
        (f.organisation_key = stakeholder_filter(r, "organisation")) < 0 ||
        (f.person_key = stakeholder_filter(r, "person")) < 0)
        return;
    struct assessment_list list;
    if (!api_done(r, assessment_list(&r->ctx, &f, &l, &list), NULL))
        return;
    json_t *items = json_array();
    for (int i = 0; i < list.count; i++)
        json_array_append_new(items, assessment_json(&list.items[i]));
    api_list_send(r, items, list.total, &l, list.count,
                  list.count ? list.items[list.count - 1].id : NULL);
}

void api_assessment_create(struct request *r)
{
    struct assessment a = {0};
    json_t *caps = NULL;
    int64_t influence = 0, interest = 0;
    struct api_field fields[] = {
        {"platform", API_STRING, &a.platform_id, NULL},
        {"organisation", API_STRING_OR_NULL, &a.organisation_id, NULL},
        {"person", API_STRING_OR_NULL, &a.person_id, NULL},
        {"assessed_on", API_STRING, &a.assessed_on, NULL},
        {"influence", API_INT, &influence, NULL},
        {"interest", API_INT, &interest, NULL},
        {"needs", API_STRING, &a.needs, NULL},
        {"demands", API_STRING, &a.demands, NULL},
        {"expectations", API_STRING, &a.expectations, NULL},
        {"resources", API_STRING, &a.resources, NULL},
        {"capabilities", API_STRING_SET, &caps, NULL},
        {"marginalised_group", API_STRING, &a.marginalised_group, NULL},
        {"notes", API_STRING, &a.notes, NULL},
        {"visibility", API_STRING, &a.visibility, NULL},
    };
    json_t *body = api_body(r, fields, (int)(sizeof fields / sizeof fields[0]));
    if (!body)
        return;
    int bad = caps ? api_capabilities_read(r, caps, "capabilities", &a.capabilities) : 0;
    json_decref(body);
    if (bad)
        return;
    /* Out-of-range scores become 0, which the domain refuses by name. */
    a.influence = influence >= 1 && influence <= 5 ? (int)influence : 0;
    a.interest = interest >= 1 && interest <= 5 ? (int)interest : 0;
    struct problems p = {0};
    if (!api_done(r, assessment_create(&r->ctx, &a, &p), &p))
        return;
    struct assessment *after;
    if (api_done(r, assessment_find(&r->ctx, a.id, &after), NULL))
        api_created(r, "/api/v1/assessments/", after->id, assessment_json(after));
}

static struct assessment *assessment_load(struct request *r)
{
    struct assessment *a = NULL;
    return api_done(r, assessment_find(&r->ctx, request_capture(r, 0), &a), NULL) ? a : NULL;
}

void api_assessment_get(struct request *r)
{
    struct assessment *a = assessment_load(r);
    if (a)
        api_send(r, 200, assessment_json(a));
}

void api_assessment_delete(struct request *r)
{
    struct assessment *a = assessment_load(r);
    if (a && api_done(r, assessment_delete(&r->ctx, a), NULL))
        api_deleted(r);
}
