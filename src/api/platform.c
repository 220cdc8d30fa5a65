/*
 * api/platform.c — /api/v1/platforms and /api/v1/platform-links.
 */
#include "domain/platform.h"

#include "api/api.h"
#include "api/json.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/alliance.h"

static json_t *platform_json(const struct platform *pl)
{
    return json_pack("{s:s, s:s, s:s, s:i, s:s, s:o, s:s, s:s, s:s, s:I, s:I, s:o, s:s, s:s}", "id",
                     pl->id, "alliance", pl->alliance_id, "alliance_slug", pl->alliance_slug,
                     "level", pl->depth, "level_label", pl->level_label, "parent",
                     api_text_or_null(pl->parent_id), "name", pl->name, "place", pl->place,
                     "description", pl->description, "member_count", (json_int_t)pl->member_count,
                     "child_count", (json_int_t)pl->child_count, "capabilities",
                     api_capabilities(pl->capabilities), "created_at", pl->created_at, "updated_at",
                     pl->updated_at);
}

void api_platform_list(struct request *r)
{
    struct listing l;
    if (api_listing(r, &l) != 0)
        return;
    struct platform_filter f = {.depth = -1};
    f.alliance_key = api_alliance_filter(r, "alliance");
    if (f.alliance_key < 0)
        return;
    f.parent_key = api_platform_filter(r, "parent");
    if (f.parent_key < 0)
        return;
    if (api_level_filter(r, &f.depth) != 0)
        return;
    struct platform_list list;
    if (!api_done(r, platform_list(&r->ctx, &f, &l, &list), NULL))
        return;
    json_t *items = json_array();
    for (int i = 0; i < list.count; i++)
        json_array_append_new(items, platform_json(&list.items[i]));
    api_list_send(r, items, list.total, &l, list.count,
                  list.count ? list.items[list.count - 1].id : NULL);
}

/* platform_read reads the body into pl. alliance_id receives the "alliance"
 * field. The level follows a new parent unless the body gives one. */
static json_t *platform_read(struct request *r, struct platform *pl, char **alliance_id,
                             bool *alliance_given)
{
    int64_t level = -1;
    bool level_given = false, parent_given = false;
    struct api_field fields[] = {
        {"alliance", API_STRING, alliance_id, alliance_given},
        {"parent", API_STRING_OR_NULL, &pl->parent_id, &parent_given},
        {"level", API_INT, &level, &level_given},
        {"name", API_STRING, &pl->name, NULL},
        {"place", API_STRING, &pl->place, NULL},
        {"description", API_STRING, &pl->description, NULL},
    };
    json_t *body = api_body(r, fields, (int)(sizeof fields / sizeof fields[0]));
    if (!body)
        return NULL;
    if (level_given && (level < 0 || level >= ALLIANCE_LEVELS_MAX)) {
        json_decref(body);
        api_error(r, 400, _("level must be a whole number from 0 to 5"), "level");
        return NULL;
    }
    if (level_given)
        pl->depth = (int)level;
    else if (parent_given)
        pl->depth = -1;
    return body;
}

void api_platform_create(struct request *r)
{
    struct platform pl = {.depth = -1};
    char *alliance_id = NULL;
    bool alliance_given = false;
    json_t *body = platform_read(r, &pl, &alliance_id, &alliance_given);
    if (!body)
        return;
    json_decref(body);
    struct alliance *a;
    if (!alliance_given) {
        api_error(r, 400, _("alliance is required: the id or slug of the alliance"), "alliance");
        return;
    }
    if (alliance_find(&r->ctx, alliance_id, &a) != STATUS_OK) {
        api_error(r, 400, _("No alliance has this id or slug"), "alliance");
        return;
    }
    struct problems p = {0};
    if (!api_done(r, platform_create(&r->ctx, a, &pl, &p), &p))
        return;
    struct platform *after;
    if (api_done(r, platform_find(&r->ctx, pl.id, &after), NULL))
        api_created(r, "/api/v1/platforms/", after->id, platform_json(after));
}

static struct platform *platform_load(struct request *r)
{
    struct platform *pl = NULL;
    return api_done(r, platform_find(&r->ctx, request_capture(r, 0), &pl), NULL) ? pl : NULL;
}

void api_platform_get(struct request *r)
{
    struct platform *pl = platform_load(r);
    if (pl)
        api_send(r, 200, platform_json(pl));
}

void api_platform_update(struct request *r)
{
    struct platform *pl = platform_load(r);
    if (!pl)
        return;
    char *alliance_id = NULL;
    bool alliance_given = false;
    json_t *body = platform_read(r, pl, &alliance_id, &alliance_given);
    if (!body)
        return;
    json_decref(body);
    if (alliance_given && !str_eq(alliance_id, pl->alliance_id) &&
        !str_eq(alliance_id, pl->alliance_slug)) {
        api_error(r, 400, _("A platform cannot move to another alliance"), "alliance");
        return;
    }
    struct alliance *a;
    struct problems p = {0};
    if (!api_done(r, alliance_find(&r->ctx, pl->alliance_id, &a), NULL) ||
        !api_done(r, platform_update(&r->ctx, a, pl, &p), &p))
        return;
    struct platform *after;
    if (api_done(r, platform_find(&r->ctx, pl->id, &after), NULL))
        api_send(r, 200, platform_json(after));
}

void api_platform_delete(struct request *r)
{
    struct platform *pl = platform_load(r);
    struct problems p = {0};
    if (pl && api_done(r, platform_delete(&r->ctx, pl, &p), &p))
        api_deleted(r);
}

static json_t *link_json(const struct platform_link *k)
{
    return json_pack("{s:s, s:[s,s], s:s, s:s}", "id", k->id, "platforms", k->a_id, k->b_id, "note",
                     k->note, "created_at", k->created_at);
}

void api_link_list(struct request *r)
{
    struct listing l;
    if (api_listing(r, &l) != 0)
        return;
    int64_t platform_key = api_platform_filter(r, "platform");
    if (platform_key < 0)
        return;
    struct platform_link_list list;
    if (!api_done(r, platform_link_list(&r->ctx, platform_key, &l, &list), NULL))
        return;
    json_t *items = json_array();
    for (int i = 0; i < list.count; i++)
        json_array_append_new(items, link_json(&list.items[i]));
    api_list_send(r, items, list.total, &l, list.count,
                  list.count ? list.items[list.count - 1].id : NULL);
}

void api_link_create(struct request *r)
{
    char *platform = NULL, *peer = NULL, *note = "";
    struct api_field fields[] = {
        {"platform", API_STRING, &platform, NULL},
        {"peer", API_STRING, &peer, NULL},
        {"note", API_STRING, &note, NULL},
    };
    json_t *body = api_body(r, fields, 3);
    if (!body)
        return;
    json_decref(body);
    struct platform_link *link;
    struct problems p = {0};
    if (api_done(r, platform_link_create(&r->ctx, platform, peer, note, &link, &p), &p))
        api_created(r, "/api/v1/platform-links/", link->id, link_json(link));
}

static struct platform_link *link_load(struct request *r)
{
    struct platform_link *k = NULL;
    return api_done(r, platform_link_find(&r->ctx, request_capture(r, 0), &k), NULL) ? k : NULL;
}

void api_link_get(struct request *r)
{
    struct platform_link *k = link_load(r);
    if (k)
        api_send(r, 200, link_json(k));
}

void api_link_update(struct request *r)
{
    struct platform_link *k = link_load(r);
    if (!k)
        return;
    struct api_field fields[] = {{"note", API_STRING, &k->note, NULL}};
    json_t *body = api_body(r, fields, 1);
    if (!body)
        return;
    json_decref(body);
    struct problems p = {0};
    if (api_done(r, platform_link_update(&r->ctx, k, &p), &p))
        api_send(r, 200, link_json(k));
}

void api_link_delete(struct request *r)
{
    struct platform_link *k = link_load(r);
    if (k && api_done(r, platform_link_delete(&r->ctx, k), NULL))
        api_deleted(r);
}
