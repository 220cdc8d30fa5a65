/*
 * api/entry.c — /api/v1/entries: the journal entries the caller may read
 * (filtered by platform, kind and date; paged by cursor), and writing,
 * reading, editing and deleting one.
 */
#include "domain/entry.h"

#include "api/api.h"
#include "api/json.h"
#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/platform.h"

#include <string.h>

static json_t *entry_json(const struct entry *e)
{
    json_t *links = json_array();
    for (int i = 0; i < e->link_count; i++)
        json_array_append_new(
            links, json_pack("{s:s, s:s}", "label", e->links[i].label, "url", e->links[i].url));
    json_t *doc = json_pack(
        "{s:s, s:s, s:s, s:o, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "id", e->id, "platform",
        e->platform_id, "alliance", e->alliance_slug, "author", api_text_or_null(e->author_id),
        "kind", e->kind, "title", e->title, "body", e->body, "happened_on", e->happened_on, "place",
        e->place, "people", e->people, "visibility", e->visibility, "status", e->status);
    json_object_set_new(doc, "links", links);
    json_object_set_new(doc, "created_at", json_string(e->created_at));
    json_object_set_new(doc, "updated_at", json_string(e->updated_at));
    json_object_set_new(doc, "published_at", api_text_or_null(e->published_at));
    return doc;
}

/* list_filters reads ?platform=, ?kind=, ?from= and ?to=. Returns -1 when it
 * answered an error. */
static int list_filters(struct request *r, struct entry_filter *f)
{
    if ((f->platform_key = api_platform_filter(r, "platform")) < 0)
        return -1;
    f->kind = request_query(r, "kind");
    if (f->kind && !entry_kind_valid(f->kind)) {
        api_error(r, 400, _("kind must be observation, story, reflection, quote or photo"), "kind");
        return -1;
    }
    if (api_date_filter(r, "from", &f->from) != 0 || api_date_filter(r, "to", &f->to) != 0)
        return -1;
    return 0;
}

void api_entry_list(struct request *r)
{
    struct listing l;
    if (api_listing(r, &l) != 0)
        return;
    struct entry_filter f = {0};
    if (list_filters(r, &f) != 0)
        return;
    struct entry_list list;
    if (!api_done(r, entry_list(&r->ctx, &f, &l, &list), NULL))
        return;
    json_t *items = json_array();
    for (int i = 0; i < list.count; i++) {
        struct entry *full;
        if (entry_find(&r->ctx, list.items[i].id, &full) == STATUS_OK)
            json_array_append_new(items, entry_json(full));
    }
    api_list_send(r, items, list.total, &l, list.count,
                  list.count ? list.items[list.count - 1].id : NULL);
}

/* links_read turns a "links" array of {"label", "url"} objects into the
 * entry's attachments. */
static void links_read(struct request *r, struct entry *e, json_t *links, struct problems *p)
{
    bool ok = json_is_array(links);
    char *text = "";
    size_t i;
    json_t *item;
    json_array_foreach(links, i, item)
    {
        const char *label = NULL, *url = NULL;
        if (json_unpack(item, "{s?s, s:s !}", "label", &label, "url", &url) != 0 ||
            (label && (strchr(label, '|') || strchr(label, '\n'))) || strchr(url, '\n') ||
            strchr(url, '|')) {
            ok = false;
            break;
        }
        text = arena_printf(&r->arena, "%s%s%s | %s", text, i ? "\n" : "", label ? label : "", url);
    }
    if (!ok)
        problems_invalid(p, "links",
                         _("links must be an array of {\"label\", \"url\"} objects; a label "
                           "holds no | and no line break"));
    else
        entry_links_parse(&r->ctx, e, text, p);
}

/* entry_read reads a body into e; links replace the entry's own when the
 * body has them. Returns false once an error is answered. */
static bool entry_read(struct request *r, struct entry *e, bool creating)
{
    json_t *links = NULL;
    struct api_field fields[] = {
        {"kind", API_STRING, &e->kind, NULL},
        {"title", API_STRING, &e->title, NULL},
        {"body", API_STRING, &e->body, NULL},
        {"happened_on", API_STRING, &e->happened_on, NULL},
        {"place", API_STRING, &e->place, NULL},
        {"people", API_STRING, &e->people, NULL},
        {"visibility", API_STRING, &e->visibility, NULL},
        {"status", API_STRING, &e->status, NULL},
        {"links", API_ANY, &links, NULL},
        {"platform", API_STRING, &e->platform_id, NULL},
    };
    json_t *body = api_body(r, fields, creating ? 10 : 9);
    if (!body)
        return false;
    struct problems p = {0};
    if (links)
        links_read(r, e, links, &p);
    json_decref(body);
    if (p.count) {
        api_fail(r, &p);
        return false;
    }
    return true;
}

void api_entry_create(struct request *r)
{
    struct entry e = {0};
    if (!entry_read(r, &e, true))
        return;
    struct problems p = {0};
    if (!api_done(r, entry_create(&r->ctx, &e, &p), &p))
        return;
    struct entry *after;
    if (api_done(r, entry_find(&r->ctx, e.id, &after), NULL))
        api_created(r, "/api/v1/entries/", after->id, entry_json(after));
}

static struct entry *entry_load(struct request *r)
{
    struct entry *e = NULL;
    return api_done(r, entry_find(&r->ctx, request_capture(r, 0), &e), NULL) ? e : NULL;
}

void api_entry_get(struct request *r)
{
    struct entry *e = entry_load(r);
    if (e)
        api_send(r, 200, entry_json(e));
}

void api_entry_update(struct request *r)
{
    struct entry *e = entry_load(r);
    if (!e || !entry_read(r, e, false))
        return;
    struct problems p = {0};
    if (!api_done(r, entry_update(&r->ctx, e, &p), &p))
        return;
    struct entry *after;
    if (api_done(r, entry_find(&r->ctx, e->id, &after), NULL))
        api_send(r, 200, entry_json(after));
}

void api_entry_delete(struct request *r)
{
    struct entry *e = entry_load(r);
    if (e && api_done(r, entry_delete(&r->ctx, e), NULL))
        api_deleted(r);
}
