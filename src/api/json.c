/*
 * json.c — see json.h.
 */
#include "api/json.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/id.h"
#include "core/str.h"
#include "domain/alliance.h"
#include "domain/capability.h"
#include "domain/item.h"
#include "domain/platform.h"

#include <stdlib.h>
#include <string.h>

void api_send(struct request *r, int status, json_t *doc)
{
    /* Twelve significant digits: a rate rounded to a tenth (flow.h) reads
     * 41.7, not 41.700000000000003. */
    char *text = json_dumps(doc, JSON_COMPACT | JSON_ENSURE_ASCII | JSON_REAL_PRECISION(12));
    json_decref(doc);
    if (!text)
        abort();
    buf_reset(&r->out);
    buf_puts(&r->out, text);
    buf_putc(&r->out, '\n');
    free(text);
    request_send(r, status, "application/json");
}

static const char *code_of(int status)
{
    switch (status) {
    case 400:
        return "invalid";
    case 401:
        return "unauthorized";
    case 403:
        return "forbidden";
    case 404:
        return "not_found";
    case 405:
        return "method_not_allowed";
    case 409:
        return "conflict";
    case 413:
        return "too_large";
    case 415:
        return "unsupported_media_type";
    case 429:
        return "too_many_requests";
    default:
        return status >= 500 ? "internal" : "error";
    }
}

void api_error(struct request *r, int status, const char *message, const char *field)
{
    json_t *error = json_pack("{s:s, s:s, s:o}", "code", code_of(status), "message", message,
                              "field", api_text_or_null(field));
    api_send(r, status, json_pack("{s:o}", "error", error));
}

void api_fail(struct request *r, const struct problems *p)
{
    if (p->count == 0) {
        api_status(r, STATUS_ERROR);
        return;
    }
    api_error(r, status_http(p->items[0].status), p->items[0].message, p->items[0].field);
}

void api_status(struct request *r, enum status s)
{
    switch (s) {
    case STATUS_NOT_FOUND:
        api_error(r, 404, _("No record has this id"), NULL);
        return;
    case STATUS_CONFLICT:
        api_error(r, 409, _("The change clashes with other records"), NULL);
        return;
    case STATUS_UNAUTHORIZED:
        request_set_header(r, "WWW-Authenticate", "Bearer");
        api_error(r, 401,
                  _("Sign in first: send an API token as Authorization: Bearer, or a session "
                    "cookie"),
                  NULL);
        return;
    case STATUS_FORBIDDEN:
        api_error(r, 403, _("You may not do this: your roles do not allow it"), NULL);
        return;
    default:
        api_error(r, 500, _("Something went wrong on our side"), NULL);
        return;
    }
}

json_t *api_text(const char *s)
{
    return json_string(s ? s : "");
}

json_t *api_text_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

bool api_evidence_text(struct request *r, json_t *evidence, char **text)
{
    *text = "";
    if (!json_is_array(evidence))
        return false;
    size_t i;
    json_t *e;
    json_array_foreach(evidence, i, e)
    {
        const char *label = NULL, *url = NULL;
        if (json_unpack(e, "{s:s, s:s !}", "label", &label, "url", &url) != 0 ||
            strchr(label, '|') || strchr(label, '\n') || strchr(url, '\n'))
            return false;
        *text = arena_printf(&r->arena, "%s%s%s | %s", *text, i ? "\n" : "", label, url);
    }
    return true;
}

json_t *api_evidence(const struct item_evidence *evidence, int n)
{
    json_t *list = json_array();
    for (int i = 0; i < n; i++)
        json_array_append_new(
            list, json_pack("{s:s, s:s}", "label", evidence[i].label, "url", evidence[i].url));
    return list;
}

static const char *type_message(struct request *r, const char *name, enum api_type type)
{
    switch (type) {
    case API_STRING:
        return arena_printf(&r->arena, _("%s must be a string"), name);
    case API_STRING_OR_NULL:
        return arena_printf(&r->arena, _("%s must be a string or null"), name);
    case API_INT:
        return arena_printf(&r->arena, _("%s must be a whole number"), name);
    case API_STRING_SET:
    case API_ANY:
        break;
    }
    return arena_printf(&r->arena, _("%s must be an array of strings"), name);
}

/* field_read stores one value; returns false when its type is wrong. */
static bool field_read(struct request *r, const struct api_field *f, json_t *value)
{
    switch (f->type) {
    case API_STRING_OR_NULL:
        if (json_is_null(value)) {
            *(char **)f->out = NULL;
            return true;
        }
        /* fall through */
    case API_STRING:
        if (!json_is_string(value))
            return false;
        *(char **)f->out = arena_strdup(&r->arena, json_string_value(value));
        return true;
    case API_INT:
        if (!json_is_integer(value))
            return false;
        *(int64_t *)f->out = json_integer_value(value);
        return true;
    case API_ANY:
        *(json_t **)f->out = value;
        return true;
    case API_STRING_SET: {
        if (!json_is_array(value))
            return false;
        size_t i;
        json_t *item;
        json_array_foreach(value, i, item) if (!json_is_string(item)) return false;
        *(json_t **)f->out = value;
        return true;
    }
    }
    return false;
}

json_t *api_body(struct request *r, const struct api_field *fields, int n)
{
    json_error_t err;
    json_t *body = json_loadb(r->body, r->body_len, JSON_REJECT_DUPLICATES, &err);
    if (!body) {
        api_error(r, 400,
                  arena_printf(&r->arena, _("The body is not valid JSON: %s (line %d, column %d)"),
                               err.text, err.line, err.column),
                  NULL);
        return NULL;
    }
    if (!json_is_object(body)) {
        json_decref(body);
        api_error(r, 400, _("The body must be a JSON object"), NULL);
        return NULL;
    }
    const char *key;
    json_t *value;
    json_object_foreach(body, key, value)
    {
        const struct api_field *f = NULL;
        for (int i = 0; i < n && !f; i++)
            if (strcmp(fields[i].name, key) == 0)
                f = &fields[i];
        if (!f) {
            const char *name = arena_strdup(&r->arena, key);
            json_decref(body);
            api_error(r, 400, arena_printf(&r->arena, _("Unknown field %s"), name), name);
            return NULL;
        }
        if (!field_read(r, f, value)) {
            json_decref(body);
            api_error(r, 400, type_message(r, f->name, f->type), f->name);
            return NULL;
        }
        if (f->present)
            *f->present = true;
    }
    /* The body stays alive with the request: string sets point into it. */
    return body;
}

int api_listing(struct request *r, struct listing *l)
{
    listing_default(l);
    const char *limit = request_query(r, "limit");
    if (limit && str_parse_int64(limit, 1, LISTING_MAX_LIMIT, &l->limit) != 0) {
        api_error(r, 400, _("limit must be a whole number from 1 to 200"), "limit");
        return -1;
    }
    const char *cursor = request_query(r, "cursor");
    if (cursor && !id_valid(cursor)) {
        api_error(r, 400, _("cursor must be the next_cursor of a previous page"), "cursor");
        return -1;
    }
    l->after = cursor;
    if (!cursor)
        l->after = "";
    return 0;
}

void api_list_send(struct request *r, json_t *items, int64_t total, const struct listing *l,
                   int count, const char *last_id)
{
    json_t *next = count == l->limit && last_id ? json_string(last_id) : json_null();
    api_send(r, 200,
             json_pack("{s:o, s:I, s:o}", "items", items, "total", (json_int_t)total, "next_cursor",
                       next));
}

json_t *api_capabilities(unsigned caps)
{
    json_t *array = json_array();
    for (int i = 0; i < CAPABILITY_COUNT; i++)
        if (caps & capability_bit(i))
            json_array_append_new(array, json_string(capability_name(i)));
    return array;
}

int api_capabilities_read(struct request *r, json_t *array, const char *field, unsigned *out)
{
    unsigned caps = 0;
    size_t i;
    json_t *item;
    json_array_foreach(array, i, item)
    {
        unsigned bit = capability_parse(json_string_value(item));
        if (!bit) {
            api_error(r, 400,
                      arena_printf(&r->arena,
                                   _("%s must list capabilities among implementation, "
                                     "regulation, policy, research and documentation"),
                                   field),
                      field);
            return -1;
        }
        caps |= bit;
    }
    *out = caps;
    return 0;
}

void api_created(struct request *r, const char *prefix, const char *id, json_t *doc)
{
    char *location = arena_printf(&r->arena, "%s%s", prefix, id);
    request_set_header(r, "Location", location);
    api_send(r, 201, doc);
}

void api_deleted(struct request *r)
{
    buf_reset(&r->out);
    request_send(r, 204, NULL);
}

bool api_done(struct request *r, enum status s, const struct problems *p)
{
    if (s == STATUS_OK)
        return true;
    if (p && p->count)
        api_fail(r, p);
    else
        api_status(r, s);
    return false;
}

int api_date_filter(struct request *r, const char *name, const char **out)
{
    const char *v = request_query(r, name);
    *out = NULL;
    if (!v)
        return 0;
    if (!clock_date_valid(v)) {
        api_error(r, 400, arena_printf(&r->arena, _("%s must be a date: YYYY-MM-DD"), name), name);
        return -1;
    }
    *out = v;
    return 0;
}

int api_level_filter(struct request *r, int *depth)
{
    const char *level = request_query(r, "level");
    int64_t n;
    if (!level)
        return 0;
    if (str_parse_int64(level, 0, ALLIANCE_LEVELS_MAX - 1, &n) != 0) {
        api_error(r, 400, _("level must be a whole number from 0 to 5"), "level");
        return -1;
    }
    *depth = (int)n;
    return 0;
}

int64_t api_platform_filter(struct request *r, const char *name)
{
    const char *v = request_query(r, name);
    struct platform *pl;
    if (!v)
        return 0;
    if (platform_find(&r->ctx, v, &pl) != STATUS_OK) {
        api_error(r, 400, _("No platform has this id"), name);
        return -1;
    }
    return pl->key;
}

int64_t api_alliance_filter(struct request *r, const char *name)
{
    const char *v = request_query(r, name);
    struct alliance *a;
    if (!v)
        return 0;
    if (alliance_find(&r->ctx, v, &a) != STATUS_OK) {
        api_error(r, 400, _("No alliance has this id or slug"), name);
        return -1;
    }
    return a->key;
}
