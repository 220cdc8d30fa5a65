/*
 * api/lesson.c — /api/v1/lessons (list with filters, create, read, update,
 * delete) and /api/v1/search.
 */
#include "domain/lesson.h"

#include "api/api.h"
#include "api/json.h"
#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/alliance.h"
#include "domain/platform.h"
#include "domain/search.h"

#include <string.h>

static json_t *lesson_json(const struct lesson *ls)
{
    json_t *tags = json_array();
    for (int i = 0; i < ls->tag_count; i++)
        json_array_append_new(tags, json_string(ls->tags[i]));
    json_t *doc =
        json_pack("{s:s, s:s, s:s, s:o, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "id",
                  ls->id, "platform", ls->platform_id, "alliance", ls->alliance_slug, "author",
                  api_text_or_null(ls->author_id), "title", ls->title, "context", ls->context,
                  "what_happened", ls->what_happened, "lesson", ls->lesson, "recommendation",
                  ls->recommendation, "outcome", ls->outcome, "status", ls->status, "visibility",
                  ls->visibility, "question", ls->question, "happened_on", ls->happened_on);
    json_object_set_new(doc, "tags", tags);
    json_object_set_new(doc, "evidence", api_evidence(ls->evidence, ls->evidence_count));
    json_object_set_new(doc, "created_at", json_string(ls->created_at));
    json_object_set_new(doc, "updated_at", json_string(ls->updated_at));
    json_object_set_new(doc, "published_at", api_text_or_null(ls->published_at));
    return doc;
}

/* list_filters reads the filters lessons and search share. Returns -1 when
 * it answered an error. */
static int list_filters(struct request *r, int64_t *platform_key, int64_t *alliance_key,
                        const char **outcome, const char **tag, const char **from, const char **to)
{
    if ((*platform_key = api_platform_filter(r, "platform")) < 0)
        return -1;
    if ((*alliance_key = api_alliance_filter(r, "alliance")) < 0)
        return -1;
    *outcome = request_query(r, "outcome");
    if (*outcome && !str_eq(*outcome, "success") && !str_eq(*outcome, "failure") &&
        !str_eq(*outcome, "mixed")) {
        api_error(r, 400, _("outcome must be success, failure or mixed"), "outcome");
        return -1;
    }
    const char *t = request_query(r, "tag");
    *tag = t ? str_lower_ascii(&r->arena, t) : NULL;
    if (api_date_filter(r, "from", from) != 0 || api_date_filter(r, "to", to) != 0)
        return -1;
    return 0;
}

void api_lesson_list(struct request *r)
{
    struct listing l;
    if (api_listing(r, &l) != 0)
        return;
    struct lesson_filter f = {.depth = -1};
    if (list_filters(r, &f.platform_key, &f.alliance_key, &f.outcome, &f.tag, &f.from, &f.to) !=
            0 ||
        api_level_filter(r, &f.depth) != 0)
        return;
    struct lesson_list list;
    if (!api_done(r, lesson_list(&r->ctx, &f, &l, &list), NULL))
        return;
    json_t *items = json_array();
    for (int i = 0; i < list.count; i++) {
        struct lesson *full;
        if (lesson_find(&r->ctx, list.items[i].id, &full) == STATUS_OK)
            json_array_append_new(items, lesson_json(full));
    }
    api_list_send(r, items, list.total, &l, list.count,
                  list.count ? list.items[list.count - 1].id : NULL);
}

/* lesson_read reads a body into ls; tags and evidence replace the lesson's
 * own when the body has them. Returns false once an error is answered. */
static bool lesson_read(struct request *r, struct lesson *ls, bool creating)
{
    json_t *tags = NULL, *evidence = NULL;
    struct api_field fields[] = {
        {"title", API_STRING, &ls->title, NULL},
        {"context", API_STRING, &ls->context, NULL},
        {"what_happened", API_STRING, &ls->what_happened, NULL},
        {"lesson", API_STRING, &ls->lesson, NULL},
        {"recommendation", API_STRING, &ls->recommendation, NULL},
        {"outcome", API_STRING, &ls->outcome, NULL},
        {"status", API_STRING, &ls->status, NULL},
        {"visibility", API_STRING, &ls->visibility, NULL},
        {"question", API_STRING, &ls->question, NULL},
        {"happened_on", API_STRING, &ls->happened_on, NULL},
        {"tags", API_STRING_SET, &tags, NULL},
        {"evidence", API_ANY, &evidence, NULL},
        {"platform", API_STRING, &ls->platform_id, NULL},
    };
    json_t *body = api_body(r, fields, creating ? 13 : 12);
    if (!body)
        return false;
    struct problems p = {0};
    if (tags) {
        char *text = "";
        size_t i;
        json_t *t;
        json_array_foreach(tags, i, t) text =
            arena_printf(&r->arena, "%s%s%s", text, i ? "," : "", json_string_value(t));
        lesson_tags_parse(&r->ctx, ls, text, &p);
    }
    if (evidence && !p.count) {
        char *text;
        if (!api_evidence_text(r, evidence, &text))
            problems_invalid(&p, "evidence",
                             _("evidence must be an array of {\"label\", \"url\"} objects"));
        else
            lesson_evidence_parse(&r->ctx, ls, text, &p);
    }
    json_decref(body);
    if (p.count) {
        api_fail(r, &p);
        return false;
    }
    return true;
}

void api_lesson_create(struct request *r)
{
    struct lesson ls = {0};
    if (!lesson_read(r, &ls, true))
        return;
    struct problems p = {0};
    if (!api_done(r, lesson_create(&r->ctx, &ls, &p), &p))
        return;
    struct lesson *after;
    if (api_done(r, lesson_find(&r->ctx, ls.id, &after), NULL))
        api_created(r, "/api/v1/lessons/", after->id, lesson_json(after));
}

static struct lesson *lesson_load(struct request *r)
{
    struct lesson *ls = NULL;
    return api_done(r, lesson_find(&r->ctx, request_capture(r, 0), &ls), NULL) ? ls : NULL;
}

void api_lesson_get(struct request *r)
{
    struct lesson *ls = lesson_load(r);
    if (ls)
        api_send(r, 200, lesson_json(ls));
}

void api_lesson_update(struct request *r)
{
    struct lesson *ls = lesson_load(r);
    if (!ls || !lesson_read(r, ls, false))
        return;
    struct problems p = {0};
    if (!api_done(r, lesson_update(&r->ctx, ls, &p), &p))
        return;
    struct lesson *after;
    if (api_done(r, lesson_find(&r->ctx, ls->id, &after), NULL))
        api_send(r, 200, lesson_json(after));
}

void api_lesson_delete(struct request *r)
{
    struct lesson *ls = lesson_load(r);
    if (ls && api_done(r, lesson_delete(&r->ctx, ls), NULL))
        api_deleted(r);
}

void api_search(struct request *r)
{
    struct listing l;
    if (api_listing(r, &l) != 0)
        return;
    /* Search pages by offset (ranked results have no stable cursor). */
    if (request_query(r, "cursor")) {
        api_error(r, 400, _("Search pages by offset, not by cursor"), "cursor");
        return;
    }
    l.after = NULL;
    const char *offset = request_query(r, "offset");
    if (offset && str_parse_int64(offset, 0, 1000000, &l.offset) != 0) {
        api_error(r, 400, _("offset must be a whole number from 0"), "offset");
        return;
    }
    struct search_query q = {.depth = -1};
    q.text = request_query(r, "q");
    q.kind = request_query(r, "kind");
    if (list_filters(r, &q.platform_key, &q.alliance_key, &q.outcome, &q.tag, &q.from, &q.to) !=
            0 ||
        api_level_filter(r, &q.depth) != 0)
        return;
    struct search_results res;
    if (!api_done(r, search_run(&r->ctx, &q, &l, &res), NULL))
        return;
    json_t *items = json_array();
    for (int i = 0; i < res.count; i++) {
        struct search_hit *h = &res.hits[i];
        /* Marks become [[ and ]] in JSON: plain text stays plain. */
        char *snippet = arena_strdup(&r->arena, h->snippet);
        struct buf marked;
        buf_init(&marked, 1 << 20);
        for (const char *s = snippet; *s; s++)
            buf_puts(&marked, *s == SEARCH_MARK_START ? "[["
                              : *s == SEARCH_MARK_END ? "]]"
                                                      : (char[]){*s, 0});
        json_array_append_new(items,
                              json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:o}", "kind", h->kind,
                                        "id", h->item_id, "title", h->title, "snippet",
                                        marked.data ? marked.data : "", "platform", h->platform_id,
                                        "happened_on", h->happened_on, "outcome",
                                        *h->outcome ? json_string(h->outcome) : json_null()));
        buf_free(&marked);
    }
    json_t *counts = json_object();
    for (int i = 0; i < res.kind_count; i++)
        json_object_set_new(counts, res.kinds[i], json_integer(res.counts[i]));
    api_send(r, 200,
             json_pack("{s:o, s:I, s:b, s:o, s:I, s:I}", "items", items, "total",
                       (json_int_t)res.total, "more", res.more, "counts", counts, "offset",
                       (json_int_t)l.offset, "limit", (json_int_t)l.limit));
}
