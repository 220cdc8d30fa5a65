/*
 * api/feed.c — /api/v1/platforms/{id}/feed: the platform's Atom feed as JSON
 * (domain/feed.h), for the viewer of the request as any API call reads
 * (token, session or nobody). A private feed address's ?token= means nothing
 * here: it reads Atom feeds only.
 */
#include "domain/feed.h"

#include "api/api.h"
#include "api/json.h"
#include "core/arena.h"
#include "core/config.h"
#include "domain/platform.h"

static json_t *item_json(struct request *r, const char *base, const struct feed_item *it)
{
    json_t *doc = json_pack(
        "{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:s, s:s, s:s}", "kind", it->kind, "id",
        it->id, "title", it->title, "summary", it->summary, "url",
        arena_printf(&r->arena, "%s%s%s", base, feed_item_path(it->kind), it->id), "platform",
        it->platform_id, "platform_name", it->platform_name, "alliance", it->alliance_slug,
        "author_name", api_text_or_null(it->author_name), "happened_on", it->happened_on,
        "published_at", it->published_at, "updated_at", it->updated_at);
    return doc;
}

void api_feed_platform(struct request *r)
{
    struct feed f;
    if (!api_done(r, feed_read(&r->ctx, request_capture(r, 0), &f), NULL))
        return;
    char base[1024];
    config_base_url(r->config, base, sizeof base);
    json_t *items = json_array();
    for (int i = 0; i < f.count; i++)
        json_array_append_new(items, item_json(r, base, &f.items[i]));
    api_send(r, 200,
             json_pack("{s:s, s:s, s:o, s:o}", "platform", f.platform->id, "title",
                       f.platform->name, "updated", api_text_or_null(f.updated), "items", items));
}
