/*
 * json.h — the plumbing of the JSON API: reading a request body into typed
 * fields (refusing wrong types and unknown fields by name), answering
 * documents and errors. Errors are {"error":{"code","message","field"}} with a
 * 4xx status. JSON is built with jansson, never by concatenation.
 */
#ifndef ALLIANCE_API_JSON_H
#define ALLIANCE_API_JSON_H

#include "core/problem.h"
#include "domain/listing.h"
#include "http/request.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

enum api_type {
    API_STRING,         /* a string */
    API_STRING_OR_NULL, /* a string, or null (stored as NULL) */
    API_INT,            /* an integer (int64_t) */
    API_STRING_SET,     /* an array of strings, read by the caller from the json_t */
    API_ANY,            /* any JSON value, checked by the caller from the json_t */
};

/* One field a body may carry. out points to a char *, an int64_t or a json_t *
 * according to type; present (may be NULL) is set when the body has it. */
struct api_field {
    const char *name;
    enum api_type type;
    void *out;
    bool *present;
};

/* api_error answers {"error":{…}} with status; field may be NULL. */
void api_error(struct request *r, int status, const char *message, const char *field);

/* api_fail answers the first problem of p with its status. */
void api_fail(struct request *r, const struct problems *p);

/* api_status answers a status that carries no problem (not found, storage error). */
void api_status(struct request *r, enum status s);

/* api_send answers doc (and releases it) with status. */
void api_send(struct request *r, int status, json_t *doc);

/* api_body parses the request body as a JSON object and reads the n fields
 * into their outputs (strings are arena copies). A body that is not an object,
 * a field of the wrong type or an unknown field is answered with 400 here, and
 * the function returns NULL; otherwise it returns the parsed object, which the
 * request owns. */
json_t *api_body(struct request *r, const struct api_field *fields, int n);

/* api_listing reads ?limit= and ?cursor= into l; answers 400 and returns -1
 * when either is malformed. */
int api_listing(struct request *r, struct listing *l);

/* api_platform_filter and api_alliance_filter resolve ?name= (a platform's
 * id; an alliance's id or slug) the viewer may read: its key, 0 when absent,
 * or -1 after answering 400 naming it. */
int64_t api_platform_filter(struct request *r, const char *name);
int64_t api_alliance_filter(struct request *r, const char *name);

/* api_level_filter reads ?level= (0 for the top level) into *depth (left
 * as it is when absent), or answers 400 naming it and returns -1. */
int api_level_filter(struct request *r, int *depth);

/* api_date_filter reads ?name= as a real date (YYYY-MM-DD) into *out (NULL
 * when absent), or answers 400 naming it and returns -1. */
int api_date_filter(struct request *r, const char *name, const char **out);

/* api_list_send answers {"items": items, "total": total, "next_cursor": …}.
 * next_cursor is last_id when the page was full, else null. */
void api_list_send(struct request *r, json_t *items, int64_t total, const struct listing *l,
                   int count, const char *last_id);

/* api_created answers 201 with doc and a Location header of prefix + id. */
void api_created(struct request *r, const char *prefix, const char *id, json_t *doc);

/* api_deleted answers 204 No Content. */
void api_deleted(struct request *r);

/* api_done answers after a write: on STATUS_OK nothing is sent (the caller
 * answers); otherwise the problems (or the bare status) are answered. Returns
 * whether the write succeeded. */
bool api_done(struct request *r, enum status s, const struct problems *p);

/* api_text returns a JSON string of s, or "" for NULL. */
json_t *api_text(const char *s);

/* api_text_or_null returns a JSON string of s, or null for NULL. */
json_t *api_text_or_null(const char *s);

/* api_evidence_text turns an array of {"label", "url"} objects into the
 * lines "label | url" that item_evidence_parse reads (arena); false when
 * evidence is not such an array. */
bool api_evidence_text(struct request *r, json_t *evidence, char **text);

/* api_evidence returns n pieces of evidence as an array of {"label", "url"}. */
struct item_evidence;
json_t *api_evidence(const struct item_evidence *evidence, int n);

/* api_capabilities returns the capability names of a mask as an array. */
json_t *api_capabilities(unsigned caps);

/* api_capabilities_read turns an array of capability names into a mask;
 * answers 400 naming field and returns -1 when it is not one. */
int api_capabilities_read(struct request *r, json_t *array, const char *field, unsigned *out);

#endif
