/*
 * request.h — one HTTP request as handlers see it: the decoded path and its
 * route captures, query and form parameters (decoded, checked as UTF-8), the
 * body, the arena that owns all of it, the database context, and the response
 * being built. Nothing here outlives the request.
 */
#ifndef ALLIANCE_REQUEST_H
#define ALLIANCE_REQUEST_H

#include "core/arena.h"
#include "core/buf.h"
#include "core/config.h"
#include "domain/context.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct evhttp_request;

enum method {
    METHOD_GET,
    METHOD_HEAD,
    METHOD_POST,
    METHOD_PUT,
    METHOD_PATCH,
    METHOD_DELETE,
    METHOD_OTHER
};

struct param {
    const char *name;
    const char *value;
};

#define REQUEST_MAX_CAPTURES 4

struct request {
    struct evhttp_request *ev;
    const struct config *config;
    struct arena arena;
    struct ctx ctx;
    enum method method;
    const char *method_name;
    const char *path; /* as received, without the query */
    const char *captures[REQUEST_MAX_CAPTURES];
    int capture_count;
    struct param *query;
    int query_count;
    struct param *form;
    int form_count;
    const char *body; /* NUL-terminated copy of the body */
    size_t body_len;
    struct viewer viewer;     /* who asks: ctx.viewer points here once signed in */
    const char *session_csrf; /* the form token of the signed-in session, or NULL */
    const char *csrf_token;   /* the form token of this visitor */
    bool csrf_cookie_new;     /* the token was made now: send it as a cookie */
    struct buf out;
    bool page_in_aside; /* the HTML page being written is in its side column */
    int status;
    int64_t started;
    const char *session_secret; /* the session cookie, when signed in by one */
    struct event_base *base;    /* this request's event loop */
    struct pool *pool;          /* workers for long work (see request_defer) */
    bool deferred;              /* the answer will come from a pool completion */
    struct pool *uploads;       /* workers for uploads (upload.h) */
    int upload_slot;            /* the upload slot this request holds (guard.h), or -1 */
    const char *boundary;       /* a multipart body's, left for the handler to read */
    struct cache *loop_cache;   /* this loop's kept answers */
    struct cache *cache;        /* where this answer may be kept (GET only), or NULL */
    int64_t cache_version;      /* the data version the answer is made at */
    bool csrf_used;             /* the answer holds a form token: not for anyone else */
};

/* request_defer says the handler will answer later, from a pool completion on
 * this loop; the request (and its arena) stay alive until dispatch_finish. */
void request_defer(struct request *r);

/* request_set_cookie adds a Set-Cookie header: HttpOnly, SameSite=Lax, Path=/,
 * Secure when the installation says so; max_age < 0 makes a session cookie,
 * 0 deletes the cookie. */
void request_set_cookie(struct request *r, const char *name, const char *value, long max_age);

/* request_peer is the network address of the client (text). */
const char *request_peer(struct request *r);

/* request_capture returns the i-th route capture ("{id}" in the pattern). */
const char *request_capture(const struct request *r, int i);

/* request_query returns a query parameter, or NULL. */
const char *request_query(const struct request *r, const char *name);

/* request_form returns a form field, or NULL. */
const char *request_form(const struct request *r, const char *name);

/* request_form_has says whether the form carried name with value (checkboxes). */
bool request_form_has(const struct request *r, const char *name, const char *value);

/* request_header returns a request header, or NULL. */
const char *request_header(const struct request *r, const char *name);

/* request_cookie returns the value of a cookie, or NULL (arena copy). */
const char *request_cookie(struct request *r, const char *name);

/* request_parse_params decodes an application/x-www-form-urlencoded string
 * into params (arena). Returns 0, or -1 with *bad_name set to the first
 * parameter that is not valid percent-encoding or UTF-8 ("" for a bad name). */
int request_parse_params(struct arena *a, const char *text, struct param **out, int *count,
                         const char **bad_name);

/* request_keep_not says the answer changes with time, not only with the
 * data (an open proposal closes at its hour): it is neither kept for the
 * next asker nor tagged (cache.h). */
static inline void request_keep_not(struct request *r)
{
    r->cache = NULL;
}

/* request_set_header adds a response header. */
void request_set_header(struct request *r, const char *name, const char *value);

/* request_send answers with r->out as the body. A 200 to a GET carries an
 * ETag and is kept for the next asker where it may be (cache.h); a reader
 * who holds it already gets 304. */
void request_send(struct request *r, int status, const char *content_type);

/* request_send_kept answers with an answer found in the loop's cache. */
struct cache_hit;
void request_send_kept(struct request *r, const struct cache_hit *hit);

/* request_redirect answers 303 See Other to location (a path of this site). */
void request_redirect(struct request *r, const char *location);

/* request_csrf returns the form token: the session's when signed in, else the
 * visitor's cookie token, making one (and the cookie) if there is none yet. */
const char *request_csrf(struct request *r);

/* request_csrf_ok says whether the form's "csrf" field matches the cookie. */
bool request_csrf_ok(struct request *r);

/* request_wants_json: the path is under /api/. */
bool request_wants_json(const struct request *r);

#endif
