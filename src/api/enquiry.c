/*
 * api/enquiry.c — /api/v1/enquiries: the enquiries the caller may read
 * (filtered by platform, status and FAQ; paged by cursor), asking one (signed
 * out too, a few times an hour from one address: 429 with Retry-After past
 * that), reading one, and moving one along (assign, answer, close, publish).
 */
#include "domain/enquiry.h"

#include "api/api.h"
#include "api/json.h"
#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/platform.h"

static json_t *enquiry_json(const struct enquiry *e)
{
    json_t *doc =
        json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:b}", "id", e->id, "platform", e->platform_id,
                  "alliance", e->alliance_slug, "status", e->status, "question", e->question,
                  "answer", e->answer ? e->answer : "", "faq", e->faq ? 1 : 0);
    json_object_set_new(doc, "asker", api_text_or_null(e->asker_id));
    json_object_set_new(doc, "asker_name", api_text_or_null(e->asker_name));
    json_object_set_new(doc, "asker_email", api_text_or_null(e->asker_email));
    json_object_set_new(doc, "assignee", api_text_or_null(e->assignee_key ? e->assignee_id : NULL));
    json_object_set_new(doc, "asked_at", json_string(e->asked_at));
    json_object_set_new(doc, "assigned_at", api_text_or_null(e->assigned_at));
    json_object_set_new(doc, "answered_at", api_text_or_null(e->answered_at));
    json_object_set_new(doc, "updated_at", json_string(e->updated_at));
    return doc;
}

/* list_filters reads ?platform=, ?status= and ?faq=. Returns -1 when it
 * answered an error. */
static int list_filters(struct request *r, struct enquiry_filter *f)
{
    if ((f->platform_key = api_platform_filter(r, "platform")) < 0)
        return -1;
    f->status = request_query(r, "status");
    if (f->status && !str_eq(f->status, "open") && !str_eq(f->status, "assigned") &&
        !str_eq(f->status, "answered") && !str_eq(f->status, "closed")) {
        api_error(r, 400, _("status must be open, assigned, answered or closed"), "status");
        return -1;
    }
    const char *faq = request_query(r, "faq");
    f->faq = -1;
    if (faq) {
        if (!str_eq(faq, "true") && !str_eq(faq, "false")) {
            api_error(r, 400, _("faq must be true or false"), "faq");
            return -1;
        }
        f->faq = str_eq(faq, "true");
    }
    return 0;
}

void api_enquiry_list(struct request *r)
{
    struct listing l;
    if (api_listing(r, &l) != 0)
        return;
    struct enquiry_filter f = {0};
    if (list_filters(r, &f) != 0)
        return;
    struct enquiry_list list;
    if (!api_done(r, enquiry_list(&r->ctx, &f, &l, &list), NULL))
        return;
    json_t *items = json_array();
    for (int i = 0; i < list.count; i++)
        json_array_append_new(items, enquiry_json(&list.items[i]));
    api_list_send(r, items, list.total, &l, list.count,
                  list.count ? list.items[list.count - 1].id : NULL);
}

void api_enquiry_create(struct request *r)
{
    struct enquiry e = {0};
    struct api_field fields[] = {
        {"platform", API_STRING, &e.platform_id, NULL},
        {"question", API_STRING, &e.question, NULL},
        {"asker_name", API_STRING, &e.asker_name, NULL},
        {"asker_email", API_STRING, &e.asker_email, NULL},
    };
    json_t *body = api_body(r, fields, 4);
    if (!body)
        return;
    json_decref(body);
    int64_t wait = enquiry_wait(&r->ctx, request_peer(r));
    if (wait > 0) {
        request_set_header(r, "Retry-After", arena_printf(&r->arena, "%lld", (long long)wait));
        api_error(r, 429,
                  arena_printf(&r->arena,
                               _("Too many questions from this address: try again in %lld "
                                 "seconds"),
                               (long long)wait),
                  NULL);
        return;
    }
    struct problems p = {0};
    if (!api_done(r, enquiry_create(&r->ctx, &e, request_peer(r), &p), &p))
        return;
    /* A visitor may not read their question back until it is published: the
     * answer echoes what they sent. */
    struct enquiry *after;
    if (enquiry_find(&r->ctx, e.id, &after) != STATUS_OK)
        after = &e;
    api_created(r, "/api/v1/enquiries/", after->id, enquiry_json(after));
}

static struct enquiry *enquiry_load(struct request *r)
{
    struct enquiry *e = NULL;
    return api_done(r, enquiry_find(&r->ctx, request_capture(r, 0), &e), NULL) ? e : NULL;
}

void api_enquiry_get(struct request *r)
{
    struct enquiry *e = enquiry_load(r);
    if (e)
        api_send(r, 200, enquiry_json(e));
}

void api_enquiry_update(struct request *r)
{
    struct enquiry *e = enquiry_load(r);
    if (!e)
        return;
    json_t *faq = NULL;
    bool assignee_given = false;
    char *assignee = NULL;
    struct api_field fields[] = {
        {"question", API_STRING, &e->question, NULL},
        {"answer", API_STRING, &e->answer, NULL},
        {"status", API_STRING, &e->status, NULL},
        {"assignee", API_STRING_OR_NULL, &assignee, &assignee_given},
        {"faq", API_ANY, &faq, NULL},
    };
    json_t *body = api_body(r, fields, 5);
    if (!body)
        return;
    bool faq_ok = !faq || json_is_boolean(faq);
    if (faq)
        e->faq = json_is_true(faq);
    json_decref(body);
    if (!faq_ok) {
        api_error(r, 400, _("faq must be true or false"), "faq");
        return;
    }
    if (assignee_given)
        e->assignee_id = assignee ? assignee : "";
    else if (!e->assignee_key)
        e->assignee_id = "";
    struct problems p = {0};
    if (!api_done(r, enquiry_update(&r->ctx, e, &p), &p))
        return;
    struct enquiry *after;
    if (api_done(r, enquiry_find(&r->ctx, e->id, &after), NULL))
        api_send(r, 200, enquiry_json(after));
}
