/*
 * api/question.c — /api/v1/questions: the learning agenda (list by alliance,
 * platform and status, paged by cursor; raise, read, edit, delete), the links
 * of a question (/questions/{id}/links), and /api/v1/cycles: the
 * action-research cycles (list by question and platform; start, read, edit,
 * delete). A cycle's steps are objects "plan", "act", "observe" and
 * "reflect", each {"text", "starts_on", "ends_on", "evidence"}.
 */
#include "domain/question.h"

#include "api/api.h"
#include "api/json.h"
#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/cycle.h"

#include <string.h>

static json_t *question_json(const struct question *q)
{
    json_t *platforms = json_array();
    for (int i = 0; i < q->platform_count; i++)
        json_array_append_new(platforms, json_string(q->platforms[i].id));
    json_t *doc = json_pack("{s:s, s:s, s:o, s:o, s:s, s:s, s:s, s:s, s:s, s:I}", "id", q->id,
                            "alliance", q->alliance_slug, "platforms", platforms, "author",
                            api_text_or_null(q->author_id), "title", q->title, "body", q->body,
                            "status", q->status, "visibility", q->visibility, "raised_on",
                            q->raised_on, "cycles", (json_int_t)q->cycle_count);
    json_object_set_new(doc, "created_at", json_string(q->created_at));
    json_object_set_new(doc, "updated_at", json_string(q->updated_at));
    return doc;
}

void api_question_list(struct request *r)
{
    struct listing l;
    if (api_listing(r, &l) != 0)
        return;
    struct question_filter f = {0};
    if ((f.platform_key = api_platform_filter(r, "platform")) < 0 ||
        (f.alliance_key = api_alliance_filter(r, "alliance")) < 0)
        return;
    f.status = request_query(r, "status");
    if (f.status && !question_status_valid(f.status)) {
        api_error(r, 400, _("status must be open, exploring, answered or set_aside"), "status");
        return;
    }
    struct question_list list;
    if (!api_done(r, question_list(&r->ctx, &f, &l, &list), NULL))
        return;
    json_t *items = json_array();
    for (int i = 0; i < list.count; i++) {
        struct question *full;
        if (question_find(&r->ctx, list.items[i].id, &full) == STATUS_OK)
            json_array_append_new(items, question_json(full));
    }
    api_list_send(r, items, list.total, &l, list.count,
                  list.count ? list.items[list.count - 1].id : NULL);
}

/* question_read reads a body into q. Returns false once an error is answered. */
static bool question_read(struct request *r, struct question *q, bool creating)
{
    json_t *platforms = NULL;
    struct api_field fields[] = {
        {"title", API_STRING, &q->title, NULL},
        {"body", API_STRING, &q->body, NULL},
        {"status", API_STRING, &q->status, NULL},
        {"visibility", API_STRING, &q->visibility, NULL},
        {"raised_on", API_STRING, &q->raised_on, NULL},
        {"platforms", API_STRING_SET, &platforms, NULL},
    };
    json_t *body = api_body(r, fields, sizeof fields / sizeof fields[0]);
    if (!body)
        return false;
    q->platform_id_count = 0;
    if (platforms) {
        if (json_array_size(platforms) > QUESTION_PLATFORMS_MAX) {
            json_decref(body);
            api_error(r, 400, _("A question has at most eight owning platforms"), "platforms");
            return false;
        }
        size_t i;
        json_t *item;
        json_array_foreach(platforms, i, item) q->platform_ids[q->platform_id_count++] =
            arena_strdup(&r->arena, json_string_value(item));
    }
    json_decref(body);
    if (creating && q->platform_id_count == 0) {
        api_error(r, 400, _("Give the platforms owning the question, its home platform first"),
                  "platforms");
        return false;
    }
    return true;
}

void api_question_create(struct request *r)
{
    struct question q = {0};
    if (!question_read(r, &q, true))
        return;
    struct problems p = {0};
    if (!api_done(r, question_create(&r->ctx, &q, &p), &p))
        return;
    struct question *after;
    if (api_done(r, question_find(&r->ctx, q.id, &after), NULL))
        api_created(r, "/api/v1/questions/", after->id, question_json(after));
}

static struct question *question_load(struct request *r)
{
    struct question *q = NULL;
    return api_done(r, question_find(&r->ctx, request_capture(r, 0), &q), NULL) ? q : NULL;
}

void api_question_get(struct request *r)
{
    struct question *q = question_load(r);
    if (q)
        api_send(r, 200, question_json(q));
}

void api_question_update(struct request *r)
{
    struct question *q = question_load(r);
    if (!q || !question_read(r, q, false))
        return;
    struct problems p = {0};
    if (!api_done(r, question_update(&r->ctx, q, &p), &p))
        return;
    struct question *after;
    if (api_done(r, question_find(&r->ctx, q->id, &after), NULL))
        api_send(r, 200, question_json(after));
}

void api_question_delete(struct request *r)
{
    struct question *q = question_load(r);
    if (q && api_done(r, question_delete(&r->ctx, q), NULL))
        api_deleted(r);
}

static json_t *link_json(const struct question_link *k)
{
    return json_pack("{s:s, s:s}", "kind", k->kind, "id", k->item_id);
}

void api_question_links(struct request *r)
{
    struct question *q = question_load(r);
    if (!q)
        return;
    const char *kind = request_query(r, "kind");
    if (kind && !str_eq(kind, "event") && !str_eq(kind, "lesson") && !str_eq(kind, "document")) {
        api_error(r, 400, _("kind must be event, lesson or document"), "kind");
        return;
    }
    struct question_link_list links;
    if (!api_done(r, question_links(&r->ctx, q, kind, &links), NULL))
        return;
    json_t *items = json_array();
    for (int i = 0; i < links.count; i++)
        json_array_append_new(items, link_json(&links.items[i]));
    api_send(r, 200, json_pack("{s:o, s:I}", "items", items, "total", (json_int_t)links.count));
}

void api_question_link_add(struct request *r)
{
    struct question *q = question_load(r);
    if (!q)
        return;
    char *kind = NULL, *id = NULL;
    struct api_field fields[] = {
        {"kind", API_STRING, &kind, NULL},
        {"id", API_STRING, &id, NULL},
    };
    json_t *body = api_body(r, fields, 2);
    if (!body)
        return;
    json_decref(body);
    if (!kind || !id) {
        api_error(r, 400, _("Give the kind (event, lesson or document) and the id of the item"),
                  kind ? "id" : "kind");
        return;
    }
    struct problems p = {0};
    struct question_link link;
    if (api_done(r, question_link_add(&r->ctx, q, kind, id, &link, &p), &p))
        api_created(r, arena_printf(&r->arena, "/api/v1/questions/%s/links/%s/", q->id, link.kind),
                    link.item_id, link_json(&link));
}

void api_question_link_remove(struct request *r)
{
    struct question *q = question_load(r);
    const char *kind = request_capture(r, 1);
    if (!q)
        return;
    if (!str_eq(kind, "event") && !str_eq(kind, "lesson") && !str_eq(kind, "document")) {
        api_error(r, 404, _("kind must be event, lesson or document"), "kind");
        return;
    }
    struct problems p = {0};
    if (api_done(r, question_link_remove(&r->ctx, q, kind, request_capture(r, 2), &p), &p))
        api_deleted(r);
}

/* Cycles. */

static json_t *cycle_json(const struct cycle *cy)
{
    json_t *doc = json_pack("{s:s, s:s, s:s, s:s, s:I, s:o, s:s, s:s, s:s}", "id", cy->id,
                            "question", cy->question_id, "platform", cy->platform_id, "alliance",
                            cy->alliance_slug, "number", (json_int_t)cy->number, "author",
                            api_text_or_null(cy->author_id), "visibility", cy->visibility,
                            "created_at", cy->created_at, "updated_at", cy->updated_at);
    for (int i = 0; i < CYCLE_STEPS; i++) {
        const struct cycle_step *st = &cy->steps[i];
        json_object_set_new(doc, cycle_step_name(i),
                            json_pack("{s:s, s:o, s:o, s:o}", "text", st->text ? st->text : "",
                                      "starts_on", api_text_or_null(st->starts_on), "ends_on",
                                      api_text_or_null(st->ends_on), "evidence",
                                      api_evidence(st->evidence, st->evidence_count)));
    }
    return doc;
}

void api_cycle_list(struct request *r)
{
    struct listing l;
    if (api_listing(r, &l) != 0)
        return;
    struct cycle_filter f = {0};
    if ((f.platform_key = api_platform_filter(r, "platform")) < 0)
        return;
    const char *question_id = request_query(r, "question");
    if (question_id) {
        struct question *q;
        if (question_find(&r->ctx, question_id, &q) != STATUS_OK) {
            api_error(r, 400, _("question must be the id of a learning question you may read"),
                      "question");
            return;
        }
        f.question_key = q->key;
    }
    struct cycle_list list;
    if (!api_done(r, cycle_list(&r->ctx, &f, &l, &list), NULL))
        return;
    json_t *items = json_array();
    for (int i = 0; i < list.count; i++) {
        struct cycle *full;
        if (cycle_find(&r->ctx, list.items[i].id, &full) == STATUS_OK)
            json_array_append_new(items, cycle_json(full));
    }
    api_list_send(r, items, list.total, &l, list.count,
                  list.count ? list.items[list.count - 1].id : NULL);
}

/* step_read reads one step's object into cy (absent: left as it is).
 * Returns false once an error is answered. */
static bool step_read(struct request *r, json_t *body, struct cycle *cy, int i, struct problems *p)
{
    const char *name = cycle_step_name(i);
    json_t *step = json_object_get(body, name);
    if (!step)
        return true;
    struct cycle_step *st = &cy->steps[i];
    const char *key;
    json_t *value;
    json_object_foreach(step, key, value)
    {
        char *field = arena_printf(&r->arena, "%s.%s", name, key);
        bool date = str_eq(key, "starts_on") || str_eq(key, "ends_on");
        if (str_eq(key, "text") && json_is_string(value))
            st->text = arena_strdup(&r->arena, json_string_value(value));
        else if (date && (json_is_string(value) || json_is_null(value))) {
            char *v =
                json_is_null(value) ? NULL : arena_strdup(&r->arena, json_string_value(value));
            *(str_eq(key, "starts_on") ? &st->starts_on : &st->ends_on) = v;
        } else if (str_eq(key, "evidence")) {
            char *text;
            if (!api_evidence_text(r, value, &text)) {
                api_error(r, 400, _("evidence must be an array of {\"label\", \"url\"} objects"),
                          field);
                return false;
            }
            cycle_evidence_parse(&r->ctx, cy, i, text, p);
        } else {
            api_error(r, 400,
                      str_eq(key, "text") || date
                          ? arena_printf(&r->arena, _("%s must be a string"), field)
                          : arena_printf(&r->arena, _("Unknown field %s"), field),
                      field);
            return false;
        }
    }
    return true;
}

/* cycle_read reads a body into cy. Returns false once an error is answered. */
static bool cycle_read(struct request *r, struct cycle *cy, bool creating)
{
    json_t *steps[CYCLE_STEPS] = {0};
    char *question = NULL, *platform = NULL;
    struct api_field fields[] = {
        {"plan", API_ANY, &steps[0], NULL},        {"act", API_ANY, &steps[1], NULL},
        {"observe", API_ANY, &steps[2], NULL},     {"reflect", API_ANY, &steps[3], NULL},
        {"question", API_STRING, &question, NULL}, {"platform", API_STRING, &platform, NULL},
    };
    json_t *body = api_body(r, fields, creating ? 6 : 4);
    if (!body)
        return false;
    struct problems p = {0};
    bool ok = true;
    for (int i = 0; ok && i < CYCLE_STEPS; i++) {
        if (steps[i] && !json_is_object(steps[i])) {
            api_error(r, 400,
                      arena_printf(&r->arena,
                                   _("%s must be an object of text, starts_on, "
                                     "ends_on and evidence"),
                                   cycle_step_name(i)),
                      cycle_step_name(i));
            ok = false;
        } else
            ok = step_read(r, body, cy, i, &p);
    }
    json_decref(body);
    if (ok && p.count) {
        api_fail(r, &p);
        ok = false;
    }
    if (ok && creating && (!question || !platform)) {
        api_error(r, 400, _("Give the question and the platform of the cycle"),
                  question ? "platform" : "question");
        ok = false;
    }
    if (creating) {
        cy->question_id = question;
        cy->platform_input = platform;
    }
    return ok;
}

void api_cycle_create(struct request *r)
{
    struct cycle cy = {0};
    for (int i = 0; i < CYCLE_STEPS; i++)
        cy.steps[i].text = "";
    if (!cycle_read(r, &cy, true))
        return;
    struct question *q;
    if (question_find(&r->ctx, cy.question_id, &q) != STATUS_OK) {
        api_error(r, 400, _("question must be the id of a learning question you may read"),
                  "question");
        return;
    }
    struct problems p = {0};
    if (!api_done(r, cycle_create(&r->ctx, &cy, &p), &p))
        return;
    struct cycle *after;
    if (api_done(r, cycle_find(&r->ctx, cy.id, &after), NULL))
        api_created(r, "/api/v1/cycles/", after->id, cycle_json(after));
}

static struct cycle *cycle_load(struct request *r)
{
    struct cycle *cy = NULL;
    return api_done(r, cycle_find(&r->ctx, request_capture(r, 0), &cy), NULL) ? cy : NULL;
}

void api_cycle_get(struct request *r)
{
    struct cycle *cy = cycle_load(r);
    if (cy)
        api_send(r, 200, cycle_json(cy));
}

void api_cycle_update(struct request *r)
{
    struct cycle *cy = cycle_load(r);
    if (!cy || !cycle_read(r, cy, false))
        return;
    struct problems p = {0};
    if (!api_done(r, cycle_update(&r->ctx, cy, &p), &p))
        return;
    struct cycle *after;
    if (api_done(r, cycle_find(&r->ctx, cy->id, &after), NULL))
        api_send(r, 200, cycle_json(after));
}

void api_cycle_delete(struct request *r)
{
    struct cycle *cy = cycle_load(r);
    if (cy && api_done(r, cycle_delete(&r->ctx, cy), NULL))
        api_deleted(r);
}
