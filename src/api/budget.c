/*
 * api/budget.c — /api/v1/budget-lines and /api/v1/needs: list (with
 * filters, by cursor), create, read, update, delete.
 */
#include "domain/budget.h"

#include "api/api.h"
#include "api/json.h"
#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"

static json_t *budget_json(const struct budget_line *b)
{
    return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:I, s:I, s:s, s:s, s:s}", "id", b->id,
                     "platform", b->platform_id, "alliance", b->alliance_slug, "period", b->period,
                     "category", b->category, "description", b->description, "currency",
                     b->currency, "planned", (json_int_t)b->planned, "spent", (json_int_t)b->spent,
                     "visibility", b->visibility, "created_at", b->created_at, "updated_at",
                     b->updated_at);
}

void api_budget_list(struct request *r)
{
    struct listing l;
    if (api_listing(r, &l) != 0)
        return;
    if (!l.after)
        l.after = ""; /* the API pages in id order */
    struct budget_filter f = {0};
    if ((f.platform_key = api_platform_filter(r, "platform")) < 0 ||
        (f.alliance_key = api_alliance_filter(r, "alliance")) < 0)
        return;
    f.period = request_query(r, "period");
    if (f.period && !budget_period_valid(f.period)) {
        api_error(r, 400, _("period must be a year, such as 2025, or a quarter, such as 2025-Q2"),
                  "period");
        return;
    }
    f.category = request_query(r, "category");
    if (f.category && budget_category_parse(f.category) < 0) {
        api_error(r, 400, _("category is not a budget category"), "category");
        return;
    }
    struct budget_list list;
    if (!api_done(r, budget_list(&r->ctx, &f, &l, &list), NULL))
        return;
    json_t *items = json_array();
    for (int i = 0; i < list.count; i++)
        json_array_append_new(items, budget_json(&list.items[i]));
    api_list_send(r, items, list.total, &l, list.count,
                  list.count ? list.items[list.count - 1].id : NULL);
}

/* budget_read reads a body into b. Returns false once an error is answered. */
static bool budget_read(struct request *r, struct budget_line *b, const char **platform)
{
    struct api_field fields[] = {
        {"period", API_STRING, &b->period, NULL},
        {"category", API_STRING, &b->category, NULL},
        {"description", API_STRING, &b->description, NULL},
        {"currency", API_STRING, &b->currency, NULL},
        {"planned", API_INT, &b->planned, NULL},
        {"spent", API_INT, &b->spent, NULL},
        {"visibility", API_STRING, &b->visibility, NULL},
        {"platform", API_STRING, platform, NULL},
    };
    json_t *body = api_body(r, fields, platform ? 8 : 7);
    if (!body)
        return false;
    json_decref(body);
    return true;
}

void api_budget_create(struct request *r)
{
    struct budget_line b = {0};
    const char *platform = NULL;
    if (!budget_read(r, &b, &platform))
        return;
    struct problems p = {0};
    if (!api_done(r, budget_create(&r->ctx, &b, platform, &p), &p))
        return;
    struct budget_line *after;
    if (api_done(r, budget_find(&r->ctx, b.id, &after), NULL))
        api_created(r, "/api/v1/budget-lines/", after->id, budget_json(after));
}

static struct budget_line *budget_load(struct request *r)
{
    struct budget_line *b = NULL;
    return api_done(r, budget_find(&r->ctx, request_capture(r, 0), &b), NULL) ? b : NULL;
}

void api_budget_get(struct request *r)
{
    struct budget_line *b = budget_load(r);
    if (b)
        api_send(r, 200, budget_json(b));
}

void api_budget_update(struct request *r)
{
    struct budget_line *b = budget_load(r);
    if (!b || !budget_read(r, b, NULL))
        return;
    struct problems p = {0};
    if (!api_done(r, budget_update(&r->ctx, b, &p), &p))
        return;
    struct budget_line *after;
    if (api_done(r, budget_find(&r->ctx, b->id, &after), NULL))
        api_send(r, 200, budget_json(after));
}

void api_budget_delete(struct request *r)
{
    struct budget_line *b = budget_load(r);
    if (b && api_done(r, budget_delete(&r->ctx, b), NULL))
        api_deleted(r);
}

static json_t *need_json(const struct need *n)
{
    return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:s, s:s, s:s, s:s, s:s}", "id", n->id,
                     "platform", n->platform_id, "alliance", n->alliance_slug, "kind", n->kind,
                     "title", n->title, "description", n->description, "provider",
                     api_text_or_null(n->provider_id), "provider_note", n->provider_note, "status",
                     n->status, "visibility", n->visibility, "created_at", n->created_at,
                     "updated_at", n->updated_at);
}

void api_need_list(struct request *r)
{
    struct listing l;
    if (api_listing(r, &l) != 0)
        return;
    struct need_filter f = {0};
    if ((f.platform_key = api_platform_filter(r, "platform")) < 0 ||
        (f.alliance_key = api_alliance_filter(r, "alliance")) < 0)
        return;
    f.status = request_query(r, "status");
    if (f.status && !str_eq(f.status, "open") && !str_eq(f.status, "met") &&
        !str_eq(f.status, "dropped")) {
        api_error(r, 400, _("status must be open, met or dropped"), "status");
        return;
    }
    struct need_list list;
    if (!api_done(r, need_list(&r->ctx, &f, &l, &list), NULL))
        return;
    json_t *items = json_array();
    for (int i = 0; i < list.count; i++)
        json_array_append_new(items, need_json(&list.items[i]));
    api_list_send(r, items, list.total, &l, list.count,
                  list.count ? list.items[list.count - 1].id : NULL);
}

/* need_read reads a body into n; provider is an organisation's id or null.
 * Returns false once an error is answered. */
static bool need_read(struct request *r, struct need *n, const char **platform)
{
    bool has_provider = false;
    char *provider = NULL;
    struct api_field fields[] = {
        {"kind", API_STRING, &n->kind, NULL},
        {"title", API_STRING, &n->title, NULL},
        {"description", API_STRING, &n->description, NULL},
        {"provider", API_STRING_OR_NULL, &provider, &has_provider},
        {"provider_note", API_STRING, &n->provider_note, NULL},
        {"status", API_STRING, &n->status, NULL},
        {"visibility", API_STRING, &n->visibility, NULL},
        {"platform", API_STRING, platform, NULL},
    };
    json_t *body = api_body(r, fields, platform ? 8 : 7);
    if (!body)
        return false;
    if (has_provider)
        n->provider_id = provider;
    json_decref(body);
    return true;
}

void api_need_create(struct request *r)
{
    struct need n = {0};
    const char *platform = NULL;
    if (!need_read(r, &n, &platform))
        return;
    struct problems p = {0};
    if (!api_done(r, need_create(&r->ctx, &n, platform, &p), &p))
        return;
    struct need *after;
    if (api_done(r, need_find(&r->ctx, n.id, &after), NULL))
        api_created(r, "/api/v1/needs/", after->id, need_json(after));
}

static struct need *need_load(struct request *r)
{
    struct need *n = NULL;
    return api_done(r, need_find(&r->ctx, request_capture(r, 0), &n), NULL) ? n : NULL;
}

void api_need_get(struct request *r)
{
    struct need *n = need_load(r);
    if (n)
        api_send(r, 200, need_json(n));
}

void api_need_update(struct request *r)
{
    struct need *n = need_load(r);
    if (!n || !need_read(r, n, NULL))
        return;
    struct problems p = {0};
    if (!api_done(r, need_update(&r->ctx, n, &p), &p))
        return;
    struct need *after;
    if (api_done(r, need_find(&r->ctx, n->id, &after), NULL))
        api_send(r, 200, need_json(after));
}

void api_need_delete(struct request *r)
{
    struct need *n = need_load(r);
    if (n && api_done(r, need_delete(&r->ctx, n), NULL))
        api_deleted(r);
}
