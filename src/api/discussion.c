/*
 * api/discussion.c — /api/v1/discussions (list, start, read, replies),
 * /api/v1/replies (read, edit, hide, history), /api/v1/notifications and
 * /api/v1/notification-preferences.
 */
#include "domain/discussion.h"

#include "api/api.h"
#include "api/json.h"
#include "core/arena.h"
#include "core/i18n.h"
#include "core/id.h"
#include "core/str.h"
#include "domain/document.h"
#include "domain/entry.h"
#include "domain/lesson.h"
#include "domain/notification.h"
#include "domain/person.h"

#include <string.h>

static json_t *discussion_json(const struct discussion *d)
{
    json_t *doc = json_pack(
        "{s:s, s:s, s:s, s:s, s:o, s:s, s:o, s:o, s:I, s:o, s:s, s:s}", "id", d->id, "platform",
        d->platform_id, "alliance", d->alliance_slug, "item_kind", d->item_kind, "item",
        api_text_or_null(d->item_id), "title", d->title, "visibility",
        api_text_or_null(d->visibility), "author", api_text_or_null(d->author_id), "reply_count",
        (json_int_t)d->reply_count, "last_reply_at", api_text_or_null(d->last_reply_at),
        "created_at", d->created_at, "updated_at", d->updated_at);
    json_object_set_new(doc, "unread", json_integer((json_int_t)d->unread));
    json_object_set_new(doc, "first_unread_reply", api_text_or_null(d->first_unread_id));
    return doc;
}

static json_t *reply_json(struct request *r, const struct discussion *d, const struct reply *rp)
{
    bool shown = !rp->hidden_at || discussion_may_moderate(&r->ctx, d);
    json_t *mentions = json_array();
    for (int i = 0; i < rp->mention_count; i++)
        json_array_append_new(mentions, json_string(rp->mentions[i].person_id));
    json_t *doc = json_pack(
        "{s:s, s:s, s:o, s:o, s:o, s:s, s:o, s:b, s:o, s:o}", "id", rp->id, "discussion", d->id,
        "author", api_text_or_null(rp->author_id), "author_name", api_text_or_null(rp->author_name),
        "body", shown ? json_string(rp->body) : json_null(), "created_at", rp->created_at,
        "edited_at", api_text_or_null(rp->edited_at), "hidden", rp->hidden_at != NULL,
        "hidden_reason", rp->hidden_at ? json_string(rp->hidden_reason) : json_null(), "quote",
        api_text_or_null(rp->quote_id));
    json_object_set_new(doc, "mentions", mentions);
    return doc;
}

/* item_filter reads ?lesson=, ?entry=, ?document=, ?event=, ?share= or
 * ?question= (an id): its kind and key, 0 when none, -1 after answering. */
static int64_t item_filter(struct request *r, const char **kind)
{
    for (int i = 0; i < DISCUSSION_ITEM_KINDS; i++) {
        const char *id = request_query(r, discussion_item_kinds[i]);
        if (!id)
            continue;
        *kind = discussion_item_kinds[i];
        struct discussion_item item;
        if (discussion_item_find(&r->ctx, *kind, id, &item) != STATUS_OK) {
            api_error(
                r, 400,
                arena_printf(&r->arena, _("%s must be the id of a %s you may read"), *kind, *kind),
                *kind);
            return -1;
        }
        return item.key;
    }
    return 0;
}

void api_discussion_list(struct request *r)
{
    struct listing l;
    if (api_listing(r, &l) != 0)
        return;
    struct discussion_filter f = {0};
    if ((f.platform_key = api_platform_filter(r, "platform")) < 0 ||
        (f.item_key = item_filter(r, &f.item_kind)) < 0)
        return;
    if (f.item_kind && !f.item_key)
        f.item_kind = NULL;
    struct discussion_list list;
    if (!api_done(r, discussion_list(&r->ctx, &f, &l, &list), NULL))
        return;
    json_t *items = json_array();
    for (int i = 0; i < list.count; i++)
        json_array_append_new(items, discussion_json(&list.items[i]));
    api_list_send(r, items, list.total, &l, list.count,
                  list.count ? list.items[list.count - 1].id : NULL);
}

void api_discussion_create(struct request *r)
{
    struct discussion d = {0};
    char *platform = NULL, *body = NULL;
    /* The kinds of item a thread may be on, each a field of its own. */
    char *items[DISCUSSION_ITEM_KINDS] = {NULL};
    struct api_field fields[] = {
        {"platform", API_STRING, &platform, NULL},       {"title", API_STRING, &d.title, NULL},
        {"visibility", API_STRING, &d.visibility, NULL}, {"body", API_STRING, &body, NULL},
        {"lesson", API_STRING, &items[0], NULL},         {"entry", API_STRING, &items[1], NULL},
        {"document", API_STRING, &items[2], NULL},       {"event", API_STRING, &items[3], NULL},
        {"share", API_STRING, &items[4], NULL},          {"question", API_STRING, &items[5], NULL},
    };
    json_t *doc = api_body(r, fields, 10);
    if (!doc)
        return;
    json_decref(doc);
    const char *kind = NULL, *item = NULL;
    int given = platform != NULL;
    for (int i = 0; i < DISCUSSION_ITEM_KINDS; i++)
        if (items[i]) {
            kind = discussion_item_kinds[i];
            item = items[i];
            given++;
        }
    if (given != 1) {
        api_error(r, 400,
                  _("Give exactly one of platform (a stand-alone discussion), lesson, entry, "
                    "document, event, share or question"),
                  "platform");
        return;
    }
    struct problems p = {0};
    struct discussion *after = NULL;
    if (kind) {
        enum status s = discussion_start_on_item(&r->ctx, kind, item, body, &p, &after);
        if (s == STATUS_NOT_FOUND) {
            api_error(
                r, 400,
                arena_printf(&r->arena, _("%s must be the id of a %s you may read"), kind, kind),
                kind);
            return;
        }
        if (s == STATUS_CONFLICT) {
            api_error(r, 409, _("This item has a discussion already: reply to it instead"), kind);
            return;
        }
        if (!api_done(r, s, &p))
            return;
    } else {
        if (!api_done(r, discussion_start(&r->ctx, &d, platform, body, &p), &p) ||
            !api_done(r, discussion_find(&r->ctx, d.id, &after), NULL))
            return;
    }
    api_created(r, "/api/v1/discussions/", after->id, discussion_json(after));
}

static struct discussion *discussion_load(struct request *r)
{
    struct discussion *d = NULL;
    return api_done(r, discussion_find(&r->ctx, request_capture(r, 0), &d), NULL) ? d : NULL;
}

void api_discussion_get(struct request *r)
{
    struct discussion *d = discussion_load(r);
    if (d)
        api_send(r, 200, discussion_json(d));
}

void api_discussion_replies(struct request *r)
{
    struct discussion *d = discussion_load(r);
    if (!d)
        return;
    struct reply_cursor cur = {.from_id = request_query(r, "cursor")};
    const char *limit = request_query(r, "limit");
    int64_t n = DISCUSSION_PAGE_SIZE;
    if (limit && str_parse_int64(limit, 1, 100, &n) != 0) {
        api_error(r, 400, _("limit must be a whole number from 1 to 100"), "limit");
        return;
    }
    cur.limit = (int)n;
    if (cur.from_id && !id_valid(cur.from_id)) {
        api_error(r, 400, _("cursor must be the next_cursor of a previous page"), "cursor");
        return;
    }
    struct reply_page pg;
    enum status s = discussion_replies(&r->ctx, d, &cur, &pg);
    if (s == STATUS_NOT_FOUND) {
        api_error(r, 400, _("cursor must be the next_cursor of a previous page"), "cursor");
        return;
    }
    if (!api_done(r, s, NULL))
        return;
    json_t *items = json_array();
    for (int i = 0; i < pg.count; i++)
        json_array_append_new(items, reply_json(r, d, &pg.items[i]));
    json_t *doc = json_pack("{s:o, s:I, s:o}", "items", items, "total", (json_int_t)d->reply_count,
                            "next_cursor", api_text_or_null(pg.next_id));
    if (pg.count)
        discussion_mark_read(&r->ctx, d, pg.items[pg.count - 1].key);
    api_send(r, 200, doc);
}

void api_reply_create(struct request *r)
{
    struct discussion *d = discussion_load(r);
    if (!d)
        return;
    char *body = NULL, *quote = NULL;
    struct api_field fields[] = {
        {"body", API_STRING, &body, NULL},
        {"quote", API_STRING_OR_NULL, &quote, NULL},
    };
    json_t *doc = api_body(r, fields, 2);
    if (!doc)
        return;
    json_decref(doc);
    struct problems p = {0};
    struct reply *rp;
    if (!api_done(r, reply_create(&r->ctx, d, body, quote, &p, &rp), &p))
        return;
    struct reply *after;
    struct discussion *of;
    if (api_done(r, reply_find(&r->ctx, rp->id, &after, &of), NULL))
        api_created(r, "/api/v1/replies/", after->id, reply_json(r, of, after));
}

static struct reply *reply_load(struct request *r, struct discussion **d)
{
    struct reply *rp = NULL;
    return api_done(r, reply_find(&r->ctx, request_capture(r, 0), &rp, d), NULL) ? rp : NULL;
}

void api_reply_get(struct request *r)
{
    struct discussion *d;
    struct reply *rp = reply_load(r, &d);
    if (rp)
        api_send(r, 200, reply_json(r, d, rp));
}

void api_reply_update(struct request *r)
{
    struct discussion *d;
    struct reply *rp = reply_load(r, &d);
    if (!rp)
        return;
    char *body = NULL, *reason = NULL;
    struct api_field fields[] = {{"body", API_STRING, &body, NULL},
                                 {"hidden_reason", API_STRING, &reason, NULL}};
    json_t *doc = api_body(r, fields, 2);
    if (!doc)
        return;
    json_decref(doc);
    if ((body != NULL) == (reason != NULL)) {
        api_error(r, 400,
                  _("Give body (the author edits the reply) or hidden_reason (a facilitator "
                    "hides it), not both"),
                  "body");
        return;
    }
    struct problems p = {0};
    enum status s =
        body ? reply_update(&r->ctx, d, rp, body, &p) : reply_hide(&r->ctx, d, rp, reason, &p);
    if (s == STATUS_CONFLICT) {
        api_error(r, 409, _("This reply is hidden already"), "hidden_reason");
        return;
    }
    if (!api_done(r, s, &p))
        return;
    struct reply *after;
    if (api_done(r, reply_find(&r->ctx, rp->id, &after, &d), NULL))
        api_send(r, 200, reply_json(r, d, after));
}

void api_reply_revisions(struct request *r)
{
    struct discussion *d;
    struct reply *rp = reply_load(r, &d);
    if (!rp)
        return;
    struct reply_revision_list list;
    if (!api_done(r, reply_revisions(&r->ctx, d, rp, &list), NULL))
        return;
    json_t *items = json_array();
    for (int i = 0; i < list.count; i++)
        json_array_append_new(items, json_pack("{s:s, s:s, s:s}", "body", list.items[i].body,
                                               "written_at", list.items[i].written_at,
                                               "replaced_at", list.items[i].replaced_at));
    api_send(r, 200, json_pack("{s:o, s:I}", "items", items, "total", (json_int_t)list.count));
}

static json_t *notification_json(const struct notification *n)
{
    json_t *doc =
        json_pack("{s:s, s:s, s:o, s:s, s:o, s:o, s:o, s:o, s:o, s:s, s:o}", "id", n->id, "kind",
                  n->kind, "actor_name", api_text_or_null(n->actor_name), "title", n->title,
                  "reply", api_text_or_null(n->reply_id), "share", api_text_or_null(n->share_id),
                  "enquiry", api_text_or_null(n->enquiry_id), "event",
                  api_text_or_null(n->event_id), "due_on", api_text_or_null(n->due_on),
                  "created_at", n->created_at, "read_at", api_text_or_null(n->read_at));
    json_object_set_new(doc, "proposal", api_text_or_null(n->proposal_id));
    return doc;
}

/* own_person answers unless the address names the viewer's own person:
 * 401 signed out, 404 for an unknown person, 403 for someone else. */
static bool own_person(struct request *r)
{
    const char *id = request_capture(r, 0);
    if (!r->ctx.viewer->account_key) {
        api_status(r, STATUS_UNAUTHORIZED);
        return false;
    }
    if (r->ctx.viewer->person_id && str_eq(id, r->ctx.viewer->person_id))
        return true;
    struct person *pe;
    api_status(r, person_find(&r->ctx, id, &pe) == STATUS_OK ? STATUS_FORBIDDEN : STATUS_NOT_FOUND);
    return false;
}

void api_notification_list(struct request *r)
{
    if (!own_person(r))
        return;
    struct listing l;
    if (api_listing(r, &l) != 0)
        return;
    struct notification_list list;
    if (!api_done(r, notification_list(&r->ctx, &l, &list), NULL))
        return;
    json_t *items = json_array();
    for (int i = 0; i < list.count; i++)
        json_array_append_new(items, notification_json(&list.items[i]));
    json_t *doc =
        json_pack("{s:o, s:I, s:I, s:o}", "items", items, "total", (json_int_t)list.total, "unread",
                  (json_int_t)notification_unread(&r->ctx), "next_cursor",
                  list.count == l.limit ? json_string(list.items[list.count - 1].id) : json_null());
    api_send(r, 200, doc);
}

void api_notification_read(struct request *r)
{
    if (!own_person(r))
        return;
    json_t *read = NULL;
    struct api_field fields[] = {{"read", API_ANY, &read, NULL}};
    json_t *doc = api_body(r, fields, 1);
    if (!doc)
        return;
    bool all = json_is_true(read);
    json_decref(doc);
    if (!all) {
        api_error(r, 400, _("read must be true: every notification is marked read"), "read");
        return;
    }
    if (api_done(r, notification_read_all(&r->ctx), NULL))
        api_send(r, 200, json_pack("{s:I}", "unread", (json_int_t)notification_unread(&r->ctx)));
}

static json_t *preferences_json(struct request *r)
{
    json_t *doc = json_object();
    for (int i = 0; i < NOTIFICATION_KINDS; i++)
        json_object_set_new(doc, notification_kinds[i],
                            json_string(notification_delivery(&r->ctx, notification_kinds[i])));
    return doc;
}

void api_notification_preferences_get(struct request *r)
{
    if (!own_person(r))
        return;
    api_send(r, 200, preferences_json(r));
}

void api_notification_preferences_update(struct request *r)
{
    if (!own_person(r))
        return;
    char *chosen[NOTIFICATION_KINDS] = {NULL};
    struct api_field fields[NOTIFICATION_KINDS];
    for (int i = 0; i < NOTIFICATION_KINDS; i++)
        fields[i] = (struct api_field){notification_kinds[i], API_STRING, &chosen[i], NULL};
    json_t *doc = api_body(r, fields, NOTIFICATION_KINDS);
    if (!doc)
        return;
    json_decref(doc);
    struct problems p = {0};
    for (int i = 0; i < NOTIFICATION_KINDS; i++)
        if (chosen[i] && !notification_delivery_valid(chosen[i]))
            problems_invalid(&p, notification_kinds[i],
                             arena_printf(&r->arena, _("%s must be now, daily, weekly or never"),
                                          notification_kinds[i]));
    if (p.count) {
        api_fail(r, &p);
        return;
    }
    for (int i = 0; i < NOTIFICATION_KINDS; i++)
        if (chosen[i] &&
            !api_done(r, notification_delivery_set(&r->ctx, notification_kinds[i], chosen[i], &p),
                      &p))
            return;
    api_send(r, 200, preferences_json(r));
}
