/*
 * api/document.c — /api/v1/documents: list with filters, create (a link as
 * JSON, or an upload as multipart/form-data with a "file" part beside the
 * fields), read, update the record, delete, and the file itself.
 */
#include "domain/document.h"

#include "api/api.h"
#include "api/json.h"
#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/alliance.h"
#include "domain/platform.h"
#include "http/download.h"
#include "http/upload.h"
#include "store/files.h"

#include <string.h>

/* The fields of a document's record, in the order of the JSON. */
#define RECORD_FIELDS 15
static const char *const record_names[RECORD_FIELDS] = {
    "title",  "creator",    "subject", "description", "publisher", "contributor", "date",  "type",
    "format", "identifier", "source",  "language",    "relation",  "coverage",    "rights"};

static char **record_field(struct document *d, int i)
{
    char **fields[RECORD_FIELDS] = {&d->title,     &d->creator,     &d->subject, &d->description,
                                    &d->publisher, &d->contributor, &d->date,    &d->type,
                                    &d->format,    &d->identifier,  &d->source,  &d->language,
                                    &d->relation,  &d->coverage,    &d->rights};
    return fields[i];
}

static json_t *document_json(struct document *d)
{
    json_t *doc = json_pack("{s:s, s:s, s:s, s:o, s:s}", "id", d->id, "platform", d->platform_id,
                            "alliance", d->alliance_slug, "author", api_text_or_null(d->author_id),
                            "doc_type", d->doc_type);
    for (int i = 0; i < RECORD_FIELDS; i++)
        json_object_set_new(doc, record_names[i], api_text(*record_field(d, i)));
    json_object_set_new(doc, "status", json_string(d->status));
    json_object_set_new(doc, "visibility", json_string(d->visibility));
    json_t *file = json_null();
    if (d->file_key) {
        char href[128];
        snprintf(href, sizeof href, "/api/v1/documents/%s/file", d->id);
        file = json_pack("{s:s, s:s, s:I, s:s, s:s}", "name", d->file_name, "media_type",
                         d->media_type ? d->media_type : "", "size", (json_int_t)d->size, "sha256",
                         d->sha256 ? d->sha256 : "", "href", href);
    }
    json_object_set_new(doc, "file", file);
    json_object_set_new(doc, "url", api_text_or_null(d->url));
    json_object_set_new(doc, "created_at", json_string(d->created_at));
    json_object_set_new(doc, "updated_at", json_string(d->updated_at));
    json_object_set_new(doc, "published_at", api_text_or_null(d->published_at));
    return doc;
}

void api_document_list(struct request *r)
{
    struct listing l;
    if (api_listing(r, &l) != 0)
        return;
    struct document_filter f = {0};
    if ((f.platform_key = api_platform_filter(r, "platform")) < 0)
        return;
    if ((f.alliance_key = api_alliance_filter(r, "alliance")) < 0)
        return;
    f.doc_type = request_query(r, "doc_type");
    if (f.doc_type && !document_type_known(f.doc_type)) {
        api_error(r, 400,
                  _("doc_type must be guideline, tool, policy, report, case_study, "
                    "training_material or other"),
                  "doc_type");
        return;
    }
    f.language = request_query(r, "language");
    if (f.language && !document_language_ok(f.language)) {
        api_error(r, 400, _("language must be a language code, such as en, fr or pt-BR"),
                  "language");
        return;
    }
    if (f.language)
        f.language = str_lower_ascii(&r->arena, f.language);
    struct document_list list;
    if (!api_done(r, document_list(&r->ctx, &f, &l, &list), NULL))
        return;
    json_t *items = json_array();
    for (int i = 0; i < list.count; i++)
        json_array_append_new(items, document_json(&list.items[i]));
    api_list_send(r, items, list.total, &l, list.count,
                  list.count ? list.items[list.count - 1].id : NULL);
}

/* document_read reads a JSON body into d. Returns false once it answered. */
static bool document_read(struct request *r, struct document *d, bool creating)
{
    struct api_field fields[RECORD_FIELDS + 6];
    int n = 0;
    for (int i = 0; i < RECORD_FIELDS; i++)
        fields[n++] = (struct api_field){record_names[i], API_STRING, record_field(d, i), NULL};
    fields[n++] = (struct api_field){"doc_type", API_STRING, &d->doc_type, NULL};
    fields[n++] = (struct api_field){"status", API_STRING, &d->status, NULL};
    fields[n++] = (struct api_field){"visibility", API_STRING, &d->visibility, NULL};
    fields[n++] = (struct api_field){"url", API_STRING_OR_NULL, &d->url, NULL};
    if (creating)
        fields[n++] = (struct api_field){"platform", API_STRING, &d->platform_id, NULL};
    json_t *body = api_body(r, fields, n);
    if (!body)
        return false;
    json_decref(body);
    return true;
}

/* created answers 201 with the new document. */
static void created(struct request *r, const char *id)
{
    struct document *after;
    if (api_done(r, document_find(&r->ctx, id, &after), NULL))
        api_created(r, "/api/v1/documents/", after->id, document_json(after));
}

/* form_read copies the fields of a multipart body into d; an unknown field
 * is answered 400. */
static bool form_read(struct request *r, struct document *d)
{
    for (int k = 0; k < r->form_count; k++) {
        const char *name = r->form[k].name, *value = r->form[k].value;
        char **out = NULL;
        for (int i = 0; i < RECORD_FIELDS && !out; i++)
            if (strcmp(name, record_names[i]) == 0)
                out = record_field(d, i);
        if (!out)
            out = strcmp(name, "doc_type") == 0     ? &d->doc_type
                  : strcmp(name, "status") == 0     ? &d->status
                  : strcmp(name, "visibility") == 0 ? &d->visibility
                  : strcmp(name, "platform") == 0   ? &d->platform_id
                  : strcmp(name, "url") == 0        ? &d->url
                                                    : NULL;
        if (!out && strcmp(name, "csrf") != 0) {
            api_error(r, 400, arena_printf(&r->arena, _("Unknown field %s"), name), name);
            return false;
        }
        if (out)
            *out = (char *)value;
    }
    return true;
}

static int keep(void *arg)
{
    return upload_keep(arg);
}

static void uploaded(struct request *r, struct upload *u)
{
    if (u->status) {
        api_error(r, u->status, u->message, u->field);
        return;
    }
    /* Signed in by a cookie, a form could come from another site: it must
     * carry the session's form token, as the pages' forms do. */
    if (!request_header(r, "Authorization") && r->session_csrf && !request_csrf_ok(r)) {
        api_error(r, 403, _("Send the form token of your session in the field csrf"), "csrf");
        return;
    }
    struct document d = {0};
    if (!form_read(r, &d))
        return;
    struct document_file file = {u->sha256, (int64_t)u->size, u->kind ? u->kind->type : "",
                                 u->file_name, u->text};
    struct problems p = {0};
    if (api_done(r, document_create(&r->ctx, &d, u->has_file ? &file : NULL, keep, u, &p), &p))
        created(r, d.id);
}

void api_document_create(struct request *r)
{
    if (r->boundary) {
        if (!r->ctx.viewer->account_key) {
            api_status(r, STATUS_UNAUTHORIZED);
            return;
        }
        upload_receive(r, "file", uploaded);
        return;
    }
    struct document d = {0};
    if (!document_read(r, &d, true))
        return;
    struct problems p = {0};
    if (api_done(r, document_create(&r->ctx, &d, NULL, NULL, NULL, &p), &p))
        created(r, d.id);
}

static struct document *document_load(struct request *r)
{
    struct document *d = NULL;
    return api_done(r, document_find(&r->ctx, request_capture(r, 0), &d), NULL) ? d : NULL;
}

void api_document_get(struct request *r)
{
    struct document *d = document_load(r);
    if (d)
        api_send(r, 200, document_json(d));
}

void api_document_update(struct request *r)
{
    struct document *d = document_load(r);
    if (!d || !document_read(r, d, false))
        return;
    struct problems p = {0};
    if (!api_done(r, document_update(&r->ctx, d, &p), &p))
        return;
    struct document *after;
    if (api_done(r, document_find(&r->ctx, d->id, &after), NULL))
        api_send(r, 200, document_json(after));
}

void api_document_delete(struct request *r)
{
    struct document *d = document_load(r);
    if (d && api_done(r, document_delete(&r->ctx, d), NULL))
        api_deleted(r);
}

void api_document_file(struct request *r)
{
    struct document *d = document_load(r);
    if (!d)
        return;
    if (!d->file_key) {
        api_error(r, 404, _("This document is a link to another site, not a file kept here"), NULL);
        return;
    }
    char dir[FILES_PATH_MAX];
    struct download dl = {
        .sha256 = d->sha256, .media_type = d->media_type, .file_name = d->file_name};
    if (config_files(r->config, dir, sizeof dir) != 0 ||
        document_file_open(d, dir, &dl.fd, &dl.size) != STATUS_OK) {
        api_error(r, 404, _("The file of this document is not on this server"), NULL);
        return;
    }
    download_send(r, &dl);
}
