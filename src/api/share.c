/*
 * api/share.c — /api/v1/shares: the shares the caller may see (a platform's
 * inbox or outbox, an item's shares; by direction, state, flagged; paged by
 * cursor), sharing an item with several platforms at once, reading one,
 * responding (PATCH …/response) and withdrawing (DELETE: the share is not
 * deleted but withdrawn, and stays so for the sender's side to see).
 */
#include "domain/share.h"

#include "api/api.h"
#include "api/json.h"
#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"

#include <string.h>

static json_t *share_json(struct request *r, const struct share *sh)
{
    json_t *doc =
        json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:b, s:o, s:s}", "id", sh->id,
                  "kind", sh->kind, "item", sh->item_id, "title", sh->item_title, "item_platform",
                  sh->item_platform_id, "from", sh->from_id, "to", sh->to_id, "direction",
                  sh->direction, "message", sh->message, "attributed", sh->attributed, "shared_by",
                  api_text_or_null(sh->shared_by_id), "shared_at", sh->shared_at);
    json_object_set_new(doc, "response", api_text_or_null(sh->response));
    json_object_set_new(doc, "note", json_string(sh->response_note));
    json_object_set_new(doc, "link", json_string(sh->response_link));
    json_object_set_new(doc, "responded_by", api_text_or_null(sh->responded_by_id));
    json_object_set_new(doc, "responded_at", api_text_or_null(sh->responded_at));
    json_object_set_new(doc, "withdrawn_at", api_text_or_null(sh->withdrawn_at));
    json_object_set_new(doc, "withdrawn_by", api_text_or_null(sh->withdrawn_by_id));
    json_object_set_new(doc, "waiting_days", json_integer(share_waiting_days(sh)));
    json_object_set_new(doc, "flagged", json_boolean(share_flagged(sh, r->config->response_days)));
    return doc;
}

/* list_filters reads ?platform= with ?box=, ?kind= with ?item=, ?direction=,
 * ?state= and ?flagged=. Returns -1 when it answered an error. */
static int list_filters(struct request *r, struct share_filter *f)
{
    int64_t platform = api_platform_filter(r, "platform");
    if (platform < 0)
        return -1;
    const char *box = request_query(r, "box");
    if (box && !str_eq(box, "inbox") && !str_eq(box, "outbox")) {
        api_error(r, 400, _("box must be inbox or outbox"), "box");
        return -1;
    }
    if (str_eq(box, "outbox"))
        f->from_key = platform;
    else
        f->to_key = platform;
    f->kind = request_query(r, "kind");
    if (f->kind && !share_kind_valid(f->kind)) {
        api_error(r, 400, _("kind must be lesson, entry, document, event or question"), "kind");
        return -1;
    }
    const char *item = request_query(r, "item");
    if (item) {
        struct share_item found;
        if (!f->kind || share_item_find(&r->ctx, f->kind, item, &found) != STATUS_OK) {
            api_error(r, 400, _("item must be the id of an item you may read, with its kind"),
                      "item");
            return -1;
        }
        f->item_key = found.key;
    }
    f->direction = request_query(r, "direction");
    if (f->direction && !str_eq(f->direction, "up") && !str_eq(f->direction, "down") &&
        !str_eq(f->direction, "across")) {
        api_error(r, 400, _("direction must be up, down or across"), "direction");
        return -1;
    }
    f->state = request_query(r, "state");
    if (f->state && !share_state_valid(f->state)) {
        api_error(r, 400,
                  _("state must be waiting, responded, withdrawn, acknowledged, discussed, "
                    "adopted or not_relevant"),
                  "state");
        return -1;
    }
    const char *flagged = request_query(r, "flagged");
    if (flagged && !str_eq(flagged, "true") && !str_eq(flagged, "false")) {
        api_error(r, 400, _("flagged must be true or false"), "flagged");
        return -1;
    }
    f->flagged = str_eq(flagged, "true");
    f->response_days = r->config->response_days;
    return 0;
}

void api_share_list(struct request *r)
{
    struct listing l;
    if (api_listing(r, &l) != 0)
        return;
    struct share_filter f = {0};
    if (list_filters(r, &f) != 0)
        return;
    struct share_list list;
    if (!api_done(r, share_list(&r->ctx, &f, &l, &list), NULL))
        return;
    json_t *items = json_array();
    for (int i = 0; i < list.count; i++)
        json_array_append_new(items, share_json(r, &list.items[i]));
    api_list_send(r, items, list.total, &l, list.count,
                  list.count ? list.items[list.count - 1].id : NULL);
}

/* to_read reads "to": an array of platform ids, or "children". Returns
 * false once an error is answered. */
static bool to_read(struct request *r, json_t *to, struct share_request *req)
{
    if (json_is_string(to) && str_eq(json_string_value(to), "children")) {
        req->to_children = true;
        return true;
    }
    if (!json_is_array(to) || json_array_size(to) > SHARE_TARGETS_MAX) {
        api_error(r, 400,
                  _("to must be an array of platform ids (the parent, platforms below, peers), "
                    "or \"children\""),
                  "to");
        return false;
    }
    req->to_ids = arena_array(&r->arena, json_array_size(to) + 1, sizeof *req->to_ids);
    size_t i;
    json_t *id;
    json_array_foreach(to, i, id)
    {
        if (!json_is_string(id)) {
            api_error(r, 400, _("to must be an array of platform ids, or \"children\""), "to");
            return false;
        }
        req->to_ids[req->to_count++] = arena_strdup(&r->arena, json_string_value(id));
    }
    return true;
}

void api_share_create(struct request *r)
{
    struct share_request req = {.attributed = -1};
    json_t *to = NULL, *attributed = NULL;
    struct api_field fields[] = {
        {"kind", API_STRING, &req.kind, NULL},       {"item", API_STRING, &req.item_id, NULL},
        {"from", API_STRING, &req.from_id, NULL},    {"to", API_ANY, &to, NULL},
        {"message", API_STRING, &req.message, NULL}, {"attributed", API_ANY, &attributed, NULL},
    };
    json_t *body = api_body(r, fields, 6);
    if (!body)
        return;
    bool ok = true;
    if (attributed && !json_is_boolean(attributed)) {
        api_error(r, 400, _("attributed must be true or false"), "attributed");
        ok = false;
    } else if (attributed) {
        req.attributed = json_is_true(attributed) ? 1 : 0;
    }
    if (ok && !to) {
        api_error(r, 400, _("to is required: the platforms to share with, or \"children\""), "to");
        ok = false;
    }
    ok = ok && to_read(r, to, &req);
    json_decref(body);
    if (!ok)
        return;
    struct problems p = {0};
    struct share_list made;
    if (!api_done(r, share_create(&r->ctx, &req, &made, &p), &p))
        return;
    json_t *items = json_array();
    for (int i = 0; i < made.count; i++) {
        struct share *sh;
        if (share_find(&r->ctx, made.items[i].id, &sh) == STATUS_OK)
            json_array_append_new(items, share_json(r, sh));
    }
    /* Location: the one share made, or the item's shares. */
    char *location =
        made.count == 1
            ? arena_printf(&r->arena, "/api/v1/shares/%s", made.items[0].id)
            : arena_printf(&r->arena, "/api/v1/shares?kind=%s&item=%s", req.kind, req.item_id);
    request_set_header(r, "Location", location);
    api_send(r, 201, json_pack("{s:o}", "items", items));
}

static struct share *share_load(struct request *r)
{
    struct share *sh = NULL;
    return api_done(r, share_find(&r->ctx, request_capture(r, 0), &sh), NULL) ? sh : NULL;
}

void api_share_get(struct request *r)
{
    struct share *sh = share_load(r);
    if (sh)
        api_send(r, 200, share_json(r, sh));
}

void api_share_respond(struct request *r)
{
    struct share *sh = share_load(r);
    if (!sh)
        return;
    struct share typed = *sh;
    typed.response = NULL;
    typed.response_note = "";
    typed.response_link = "";
    struct api_field fields[] = {
        {"response", API_STRING, &typed.response, NULL},
        {"note", API_STRING, &typed.response_note, NULL},
        {"link", API_STRING, &typed.response_link, NULL},
    };
    json_t *body = api_body(r, fields, 3);
    if (!body)
        return;
    json_decref(body);
    struct problems p = {0};
    if (!api_done(r, share_respond(&r->ctx, &typed, &p), &p))
        return;
    struct share *after;
    if (api_done(r, share_find(&r->ctx, sh->id, &after), NULL))
        api_send(r, 200, share_json(r, after));
}

void api_share_withdraw(struct request *r)
{
    struct share *sh = share_load(r);
    if (!sh)
        return;
    enum status s = share_withdraw(&r->ctx, sh);
    if (s == STATUS_CONFLICT) {
        api_error(r, 409, _("This share has been withdrawn already"), NULL);
        return;
    }
    if (api_done(r, s, NULL))
        api_deleted(r);
}
