/*
 * api/application.c — /api/v1/applications: the applications of lessons the
 * caller may see (of a lesson, of a platform, of an alliance; paged by
 * cursor), recording one, reading one, removing one (DELETE: marked removed,
 * the audit trail keeps it).
 */
#include "domain/application.h"

#include "api/api.h"
#include "api/json.h"
#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/lesson.h"

static json_t *application_json(const struct application *a)
{
    json_t *doc = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "id", a->id, "lesson",
                            a->lesson_id, "title", a->lesson_title, "platform", a->platform_id,
                            "platform_name", a->platform_name, "alliance", a->alliance_slug, "kind",
                            a->kind, "description", a->description, "applied_on", a->applied_on);
    json_object_set_new(doc, "applied_by", api_text_or_null(a->applied_by));
    json_object_set_new(doc, "link", json_string(a->link));
    json_object_set_new(doc, "recorded_by", api_text_or_null(a->recorded_by_id));
    json_object_set_new(doc, "recorded_at", json_string(a->created_at));
    return doc;
}

void api_application_list(struct request *r)
{
    struct listing l;
    if (api_listing(r, &l) != 0)
        return;
    struct application_filter f = {0};
    if ((f.platform_key = api_platform_filter(r, "platform")) < 0 ||
        (f.alliance_key = api_alliance_filter(r, "alliance")) < 0 ||
        api_date_filter(r, "from", &f.from) != 0 || api_date_filter(r, "to", &f.to) != 0)
        return;
    const char *lesson_id = request_query(r, "lesson");
    if (lesson_id) {
        struct lesson *ls;
        if (lesson_find(&r->ctx, lesson_id, &ls) != STATUS_OK) {
            api_error(r, 400, _("lesson must be the id of a lesson you may read"), "lesson");
            return;
        }
        f.lesson_key = ls->key;
    }
    struct application_list list;
    if (!api_done(r, application_list(&r->ctx, &f, &l, &list), NULL))
        return;
    json_t *items = json_array();
    for (int i = 0; i < list.count; i++)
        json_array_append_new(items, application_json(&list.items[i]));
    api_list_send(r, items, list.total, &l, list.count,
                  list.count ? list.items[list.count - 1].id : NULL);
}

void api_application_create(struct request *r)
{
    struct application typed = {.kind = NULL, .description = "", .applied_by = "", .link = ""};
    const char *lesson = NULL, *platform = NULL;
    struct api_field fields[] = {
        {"lesson", API_STRING, &lesson, NULL},
        {"platform", API_STRING, &platform, NULL},
        {"kind", API_STRING, &typed.kind, NULL},
        {"description", API_STRING, &typed.description, NULL},
        {"applied_on", API_STRING, &typed.applied_on, NULL},
        {"applied_by", API_STRING, &typed.applied_by, NULL},
        {"link", API_STRING, &typed.link, NULL},
    };
    json_t *body = api_body(r, fields, 7);
    if (!body)
        return;
    json_decref(body);
    struct problems p = {0};
    struct application *made;
    if (api_done(r, application_create(&r->ctx, lesson, platform, &typed, &made, &p), &p))
        api_created(r, "/api/v1/applications/", made->id, application_json(made));
}

static struct application *application_load(struct request *r)
{
    struct application *a = NULL;
    return api_done(r, application_find(&r->ctx, request_capture(r, 0), &a), NULL) ? a : NULL;
}

void api_application_get(struct request *r)
{
    struct application *a = application_load(r);
    if (a)
        api_send(r, 200, application_json(a));
}

void api_application_delete(struct request *r)
{
    struct application *a = application_load(r);
    if (a && api_done(r, application_remove(&r->ctx, a), NULL))
        api_deleted(r);
}
