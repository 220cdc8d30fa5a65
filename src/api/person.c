/*
 * api/person.c — /api/v1/people.
 */
#include "domain/person.h"

#include "api/api.h"
#include "api/json.h"
#include "core/i18n.h"
#include "domain/organisation.h"

static json_t *person_json(const struct person *pe)
{
    return json_pack("{s:s, s:s, s:o, s:s, s:s, s:o, s:I, s:s, s:s}", "id", pe->id, "name",
                     pe->name, "email", api_text_or_null(pe->email), "gender", pe->gender,
                     "marginalised_group", pe->marginalised_group, "organisation",
                     api_text_or_null(pe->organisation_id), "membership_count",
                     (json_int_t)pe->membership_count, "created_at", pe->created_at, "updated_at",
                     pe->updated_at);
}

void api_person_list(struct request *r)
{
    struct listing l;
    if (api_listing(r, &l) != 0)
        return;
    l.query = request_query(r, "q");
    int64_t organisation_key = 0;
    const char *org = request_query(r, "organisation");
    if (org) {
        struct organisation *o;
        if (organisation_find(&r->ctx, org, &o) != STATUS_OK) {
            api_error(r, 400, _("No organisation has this id"), "organisation");
            return;
        }
        organisation_key = o->key;
    }
    struct person_list list;
    if (!api_done(r, person_list(&r->ctx, organisation_key, &l, &list), NULL))
        return;
    json_t *items = json_array();
    for (int i = 0; i < list.count; i++)
        json_array_append_new(items, person_json(&list.items[i]));
    api_list_send(r, items, list.total, &l, list.count,
                  list.count ? list.items[list.count - 1].id : NULL);
}

static json_t *person_read(struct request *r, struct person *pe)
{
    struct api_field fields[] = {
        {"name", API_STRING, &pe->name, NULL},
        {"email", API_STRING_OR_NULL, &pe->email, NULL},
        {"gender", API_STRING, &pe->gender, NULL},
        {"marginalised_group", API_STRING, &pe->marginalised_group, NULL},
        {"organisation", API_STRING_OR_NULL, &pe->organisation_id, NULL},
    };
    return api_body(r, fields, (int)(sizeof fields / sizeof fields[0]));
}

void api_person_create(struct request *r)
{
    struct person pe = {0};
    json_t *body = person_read(r, &pe);
    if (!body)
        return;
    json_decref(body);
    struct problems p = {0};
    if (api_done(r, person_create(&r->ctx, &pe, &p), &p))
        api_created(r, "/api/v1/people/", pe.id, person_json(&pe));
}

static struct person *person_load(struct request *r)
{
    struct person *pe = NULL;
    return api_done(r, person_find(&r->ctx, request_capture(r, 0), &pe), NULL) ? pe : NULL;
}

void api_person_get(struct request *r)
{
    struct person *pe = person_load(r);
    if (pe)
        api_send(r, 200, person_json(pe));
}

void api_person_update(struct request *r)
{
    struct person *pe = person_load(r);
    json_t *body = pe ? person_read(r, pe) : NULL;
    if (!body)
        return;
    json_decref(body);
    struct problems p = {0};
    if (api_done(r, person_update(&r->ctx, pe, &p), &p))
        api_send(r, 200, person_json(pe));
}

void api_person_delete(struct request *r)
{
    struct person *pe = person_load(r);
    if (pe && api_done(r, person_delete(&r->ctx, pe), NULL))
        api_deleted(r);
}
