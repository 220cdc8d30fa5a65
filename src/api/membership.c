/*
 * api/membership.c — /api/v1/memberships.
 */
#include "domain/membership.h"

#include "api/api.h"
#include "api/json.h"
#include "core/i18n.h"
#include "domain/organisation.h"
#include "domain/person.h"
#include "domain/platform.h"

static json_t *membership_json(const struct membership *m)
{
    return json_pack("{s:s, s:s, s:o, s:o, s:s, s:o, s:s, s:s}", "id", m->id, "platform",
                     m->platform_id, "person", api_text_or_null(m->person_id), "organisation",
                     api_text_or_null(m->person_id ? NULL : m->organisation_id), "role", m->role,
                     "capabilities", api_capabilities(m->capabilities), "created_at", m->created_at,
                     "updated_at", m->updated_at);
}

/* filter_key resolves ?name= with find; 0 when absent, -1 (answered) when unknown. */
static int64_t filter_key(struct request *r, const char *name, const char *message,
                          enum status (*find)(struct request *, const char *, int64_t *))
{
    const char *v = request_query(r, name);
    int64_t key = 0;
    if (v && find(r, v, &key) != STATUS_OK) {
        api_error(r, 400, message, name);
        return -1;
    }
    return key;
}

static enum status platform_key(struct request *r, const char *id, int64_t *key)
{
    struct platform *pl;
    enum status s = platform_find(&r->ctx, id, &pl);
    *key = s == STATUS_OK ? pl->key : 0;
    return s;
}

static enum status person_key(struct request *r, const char *id, int64_t *key)
{
    struct person *pe;
    enum status s = person_find(&r->ctx, id, &pe);
    *key = s == STATUS_OK ? pe->key : 0;
    return s;
}

static enum status organisation_key(struct request *r, const char *id, int64_t *key)
{
    struct organisation *o;
    enum status s = organisation_find(&r->ctx, id, &o);
    *key = s == STATUS_OK ? o->key : 0;
    return s;
}

void api_membership_list(struct request *r)
{
    struct listing l;
    if (api_listing(r, &l) != 0)
        return;
    struct membership_filter f = {0};
    f.platform_key = filter_key(r, "platform", _("No platform has this id"), platform_key);
    if (f.platform_key < 0)
        return;
    f.person_key = filter_key(r, "person", _("No person has this id"), person_key);
    if (f.person_key < 0)
        return;
    f.organisation_key =
        filter_key(r, "organisation", _("No organisation has this id"), organisation_key);
    if (f.organisation_key < 0)
        return;
    struct membership_list list;
    if (!api_done(r, membership_list(&r->ctx, &f, &l, &list), NULL))
        return;
    json_t *items = json_array();
    for (int i = 0; i < list.count; i++)
        json_array_append_new(items, membership_json(&list.items[i]));
    api_list_send(r, items, list.total, &l, list.count,
                  list.count ? list.items[list.count - 1].id : NULL);
}

/* membership_read reads role and capabilities (and, when creating, the
 * platform and member). */
static bool membership_read(struct request *r, struct membership *m, bool creating)
{
    json_t *caps = NULL;
    struct api_field fields[] = {
        {"role", API_STRING, &m->role, NULL},
        {"capabilities", API_STRING_SET, &caps, NULL},
        {"platform", API_STRING, &m->platform_id, NULL},
        {"person", API_STRING_OR_NULL, &m->person_id, NULL},
        {"organisation", API_STRING_OR_NULL, &m->organisation_id, NULL},
    };
    json_t *body = api_body(r, fields, creating ? 5 : 2);
    if (!body)
        return false;
    bool ok = !caps || api_capabilities_read(r, caps, "capabilities", &m->capabilities) == 0;
    json_decref(body);
    return ok;
}

void api_membership_create(struct request *r)
{
    struct membership m = {0};
    if (!membership_read(r, &m, true))
        return;
    struct problems p = {0};
    if (!api_done(r, membership_create(&r->ctx, &m, &p), &p))
        return;
    struct membership *after;
    if (api_done(r, membership_find(&r->ctx, m.id, &after), NULL))
        api_created(r, "/api/v1/memberships/", after->id, membership_json(after));
}

static struct membership *membership_load(struct request *r)
{
    struct membership *m = NULL;
    return api_done(r, membership_find(&r->ctx, request_capture(r, 0), &m), NULL) ? m : NULL;
}

void api_membership_get(struct request *r)
{
    struct membership *m = membership_load(r);
    if (m)
        api_send(r, 200, membership_json(m));
}

void api_membership_update(struct request *r)
{
    struct membership *m = membership_load(r);
    if (!m || !membership_read(r, m, false))
        return;
    struct problems p = {0};
    if (api_done(r, membership_update(&r->ctx, m, &p), &p))
        api_send(r, 200, membership_json(m));
}

void api_membership_delete(struct request *r)
{
    struct membership *m = membership_load(r);
    if (m && api_done(r, membership_delete(&r->ctx, m), NULL))
        api_deleted(r);
}
