/*
 * api/alliance.c — /api/v1/alliances: list, create, read, update, delete. An
 * alliance is addressed by its id or its slug.
 */
#include "domain/alliance.h"

#include "api/api.h"
#include "api/json.h"
#include "core/arena.h"
#include "core/i18n.h"

static json_t *alliance_json(const struct alliance *a)
{
    json_t *levels = json_array();
    for (int i = 0; i < a->level_count; i++)
        json_array_append_new(levels, json_string(a->levels[i]));
    return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:I, s:I, s:s, s:s}",
                     "visibility", a->visibility, "id", a->id, "slug", a->slug, "name", a->name,
                     "going_in_issue", a->going_in_issue, "vision", a->vision, "principles",
                     a->principles, "time_zone", a->time_zone, "levels", levels, "platform_count",
                     (json_int_t)a->platform_count, "member_count", (json_int_t)a->member_count,
                     "created_at", a->created_at, "updated_at", a->updated_at);
}

void api_alliance_list(struct request *r)
{
    struct listing l;
    if (api_listing(r, &l) != 0)
        return;
    struct alliance_list list;
    enum status s = alliance_list(&r->ctx, &l, &list);
    if (!api_done(r, s, NULL))
        return;
    json_t *items = json_array();
    for (int i = 0; i < list.count; i++)
        json_array_append_new(items, alliance_json(&list.items[i]));
    api_list_send(r, items, list.total, &l, list.count,
                  list.count ? list.items[list.count - 1].id : NULL);
}

/* alliance_read reads the body into a (fields absent from it stay as they
 * are). Returns the body, or NULL once an error was answered. */
static json_t *alliance_read(struct request *r, struct alliance *a)
{
    json_t *levels = NULL;
    struct api_field fields[] = {
        {"name", API_STRING, &a->name, NULL},
        {"slug", API_STRING, &a->slug, NULL},
        {"going_in_issue", API_STRING, &a->going_in_issue, NULL},
        {"vision", API_STRING, &a->vision, NULL},
        {"principles", API_STRING, &a->principles, NULL},
        {"time_zone", API_STRING, &a->time_zone, NULL},
        {"visibility", API_STRING, &a->visibility, NULL},
        {"levels", API_STRING_SET, &levels, NULL},
    };
    json_t *body = api_body(r, fields, (int)(sizeof fields / sizeof fields[0]));
    if (body && levels) {
        if (json_array_size(levels) > ALLIANCE_LEVELS_MAX) {
            api_error(r, 400, _("An alliance has at most six levels"), "levels");
            json_decref(body);
            return NULL;
        }
        a->level_count = (int)json_array_size(levels);
        for (int i = 0; i < a->level_count; i++)
            a->levels[i] = arena_strdup(&r->arena, json_string_value(json_array_get(levels, i)));
    }
    return body;
}

void api_alliance_create(struct request *r)
{
    struct alliance a = {0};
    json_t *body = alliance_read(r, &a);
    if (!body)
        return;
    json_decref(body);
    struct problems p = {0};
    if (api_done(r, alliance_create(&r->ctx, &a, &p), &p))
        api_created(r, "/api/v1/alliances/", a.id, alliance_json(&a));
}

static struct alliance *alliance_load(struct request *r)
{
    struct alliance *a = NULL;
    enum status s = alliance_find(&r->ctx, request_capture(r, 0), &a);
    return api_done(r, s, NULL) ? a : NULL;
}

void api_alliance_get(struct request *r)
{
    struct alliance *a = alliance_load(r);
    if (a)
        api_send(r, 200, alliance_json(a));
}

void api_alliance_update(struct request *r)
{
    struct alliance *a = alliance_load(r);
    json_t *body = a ? alliance_read(r, a) : NULL;
    if (!body)
        return;
    json_decref(body);
    struct problems p = {0};
    if (!api_done(r, alliance_update(&r->ctx, a, &p), &p))
        return;
    struct alliance *after;
    if (api_done(r, alliance_find(&r->ctx, a->id, &after), NULL))
        api_send(r, 200, alliance_json(after));
}

void api_alliance_delete(struct request *r)
{
    struct alliance *a = alliance_load(r);
    if (!a)
        return;
    struct problems p = {0};
    if (api_done(r, alliance_delete(&r->ctx, a, &p), &p))
        api_deleted(r);
}
