/*
 * api/organisation.c — /api/v1/organisations.
 */
#include "domain/organisation.h"

#include "api/api.h"
#include "api/json.h"
#include "core/i18n.h"

static json_t *organisation_json(const struct organisation *o)
{
    return json_pack("{s:s, s:s, s:s, s:s, s:s, s:I, s:I, s:s, s:s}", "id", o->id, "name", o->name,
                     "kind", o->kind, "description", o->description, "website", o->website,
                     "membership_count", (json_int_t)o->membership_count, "people_count",
                     (json_int_t)o->people_count, "created_at", o->created_at, "updated_at",
                     o->updated_at);
}

void api_organisation_list(struct request *r)
{
    struct listing l;
    if (api_listing(r, &l) != 0)
        return;
    l.query = request_query(r, "q");
    struct organisation_list list;
    if (!api_done(r, organisation_list(&r->ctx, request_query(r, "kind"), &l, &list), NULL))
        return;
    json_t *items = json_array();
    for (int i = 0; i < list.count; i++)
        json_array_append_new(items, organisation_json(&list.items[i]));
    api_list_send(r, items, list.total, &l, list.count,
                  list.count ? list.items[list.count - 1].id : NULL);
}

static json_t *organisation_read(struct request *r, struct organisation *o)
{
    struct api_field fields[] = {
        {"name", API_STRING, &o->name, NULL},
        {"kind", API_STRING, &o->kind, NULL},
        {"description", API_STRING, &o->description, NULL},
        {"website", API_STRING, &o->website, NULL},
    };
    return api_body(r, fields, (int)(sizeof fields / sizeof fields[0]));
}

void api_organisation_create(struct request *r)
{
    struct organisation o = {0};
    json_t *body = organisation_read(r, &o);
    if (!body)
        return;
    json_decref(body);
    struct problems p = {0};
    if (api_done(r, organisation_create(&r->ctx, &o, &p), &p))
        api_created(r, "/api/v1/organisations/", o.id, organisation_json(&o));
}

static struct organisation *organisation_load(struct request *r)
{
    struct organisation *o = NULL;
    return api_done(r, organisation_find(&r->ctx, request_capture(r, 0), &o), NULL) ? o : NULL;
}

void api_organisation_get(struct request *r)
{
    struct organisation *o = organisation_load(r);
    if (o)
        api_send(r, 200, organisation_json(o));
}

void api_organisation_update(struct request *r)
{
    struct organisation *o = organisation_load(r);
    json_t *body = o ? organisation_read(r, o) : NULL;
    if (!body)
        return;
    json_decref(body);
    struct problems p = {0};
    if (api_done(r, organisation_update(&r->ctx, o, &p), &p))
        api_send(r, 200, organisation_json(o));
}

void api_organisation_delete(struct request *r)
{
    struct organisation *o = organisation_load(r);
    if (o && api_done(r, organisation_delete(&r->ctx, o), NULL))
        api_deleted(r);
}
