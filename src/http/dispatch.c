/*
 * dispatch.c — one request, start to finish: parse the address, find the
 * route, read and check the body, call the handler, log one access line, free
 * the request's arena. Handlers must answer exactly once; one that does not is
 * a bug answered with 500.
 */
#include "http/dispatch.h"

#include "api/json.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/log.h"
#include "core/str.h"
#include "domain/session.h"
#include "domain/token.h"
#include "http/cache.h"
#include "http/guard.h"
#include "http/multipart.h"
#include "http/router.h"
#include "http/routes.h"
#include "store/db.h"
#include "web/page.h"

#include <event2/buffer.h>
#include <event2/http.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define RESPONSE_CAP (16u * 1024 * 1024)

void dispatch_error(struct request *r, int status, const char *message, const char *field)
{
    if (request_wants_json(r))
        api_error(r, status, message, field);
    else
        page_error(r, status, message);
}

static enum method method_of(enum evhttp_cmd_type cmd)
{
    switch (cmd) {
    case EVHTTP_REQ_GET:
        return METHOD_GET;
    case EVHTTP_REQ_HEAD:
        return METHOD_HEAD;
    case EVHTTP_REQ_POST:
        return METHOD_POST;
    case EVHTTP_REQ_PUT:
        return METHOD_PUT;
    case EVHTTP_REQ_PATCH:
        return METHOD_PATCH;
    case EVHTTP_REQ_DELETE:
        return METHOD_DELETE;
    default:
        return METHOD_OTHER;
    }
}

/* read_body copies the body into the arena, NUL-terminated. */
static void read_body(struct request *r)
{
    struct evbuffer *in = evhttp_request_get_input_buffer(r->ev);
    size_t n = evbuffer_get_length(in);
    char *body = arena_alloc(&r->arena, n + 1);
    if (n)
        evbuffer_copyout(in, body, n);
    body[n] = '\0';
    r->body = body;
    r->body_len = n;
}

/* content_type_is compares the media type of Content-Type, ignoring parameters. */
static bool content_type_is(struct request *r, const char *type)
{
    const char *ct = request_header(r, "Content-Type");
    size_t n = strlen(type);
    return ct && strncasecmp(ct, type, n) == 0 && (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

/* prepare_form parses a form body and checks its CSRF token. Returns 0, or
 * answers the error itself and returns -1. */
static int prepare_form(struct request *r)
{
    if (!content_type_is(r, "application/x-www-form-urlencoded")) {
        dispatch_error(r, 415, _("Send the form as application/x-www-form-urlencoded"), NULL);
        return -1;
    }
    const char *bad = NULL;
    if (request_parse_params(&r->arena, r->body, &r->form, &r->form_count, &bad) != 0) {
        dispatch_error(r, 400, _("A form field is not valid text (UTF-8)"), bad);
        return -1;
    }
    if (!request_csrf_ok(r)) {
        dispatch_error(r, 403,
                       _("This form has expired or did not come from this site. Go back, "
                         "reload the page and try again."),
                       "csrf");
        return -1;
    }
    return 0;
}

static int prepare_json(struct request *r)
{
    if (r->body_len > 0 && !content_type_is(r, "application/json")) {
        dispatch_error(r, 415, _("Send the body as application/json"), NULL);
        return -1;
    }
    return 0;
}

/* authenticate finds who asks: an API token (Authorization: Bearer), else a
 * session cookie, else nobody. A bad token is an error (401); a stale session
 * cookie is dropped and the request goes on signed out. Returns 0, or -1 when
 * it answered. */
static int authenticate(struct request *r)
{
    const char *auth = request_header(r, "Authorization");
    if (auth) {
        if (strncasecmp(auth, "Bearer ", 7) != 0 ||
            token_resume(&r->ctx, auth + 7, &r->viewer) != STATUS_OK) {
            request_set_header(r, "WWW-Authenticate", "Bearer");
            dispatch_error(r, 401, _("The API token is not valid: it is mistyped or revoked"),
                           NULL);
            return -1;
        }
        r->ctx.viewer = &r->viewer;
        return 0;
    }
    const char *cookie = request_cookie(r, "alliance_session");
    if (!cookie)
        return 0;
    struct session_limits limits = {r->config->session_idle_seconds,
                                    r->config->session_max_seconds};
    struct session *s;
    if (session_resume(&r->ctx, cookie, &limits, &s, &r->viewer) == STATUS_OK) {
        r->ctx.viewer = &r->viewer;
        r->session_csrf = s->csrf_token;
        r->session_secret = cookie;
    } else {
        request_set_cookie(r, "alliance_session", "", 0);
    }
    return 0;
}

/* answer_kept answers a GET from what this loop kept (cache.h) and says
 * whether it did; otherwise it arms the request so that its answer is tagged
 * and may be kept. */
static bool answer_kept(struct request *r)
{
    r->cache = r->loop_cache;
    r->cache_version = cache_version(db_version(r->ctx.db), time(NULL));
    struct cache_hit hit;
    if (cache_get(r->cache, evhttp_request_get_uri(r->ev), r->ctx.viewer->account_key,
                  r->cache_version, &hit) != 0)
        return false;
    r->cache = NULL;
    request_send_kept(r, &hit);
    return true;
}

const char *dispatch_size_text(struct request *r, size_t bytes)
{
    if (bytes >= 1024 * 1024)
        return arena_printf(&r->arena, "%g MiB", (double)bytes / (1024 * 1024));
    if (bytes >= 1024)
        return arena_printf(&r->arena, "%g KiB", (double)bytes / 1024);
    return arena_printf(&r->arena, "%zu bytes", bytes);
}

/* refuse_too_large answers 413 naming the limit the body went over. */
static void refuse_too_large(struct request *r, bool upload)
{
    const char *limit =
        dispatch_size_text(r, upload ? r->config->upload_limit : r->config->body_limit);
    dispatch_error(
        r, 413,
        upload ? arena_printf(&r->arena, _("The file is larger than the limit of %s"), limit)
               : arena_printf(&r->arena,
                              _("The body is larger than the limit of %s for forms "
                                "and JSON"),
                              limit),
        upload ? "file" : NULL);
}

/* guard_verdict answers what the connection guard refused (guard.h) and
 * claims the upload slot it gave; returns -1 when it answered. */
static int guard_verdict(struct request *r)
{
    int slot;
    switch (guard_read(request_header(r, GUARD_HEADER), &slot)) {
    case GUARD_TOO_LARGE:
        refuse_too_large(
            r, (router_flags(routes, route_count, r->method_name, r->path) & ROUTE_UPLOAD) &&
                   content_type_is(r, "multipart/form-data"));
        return -1;
    case GUARD_BUSY:
        request_set_header(r, "Retry-After", "30");
        dispatch_error(r, 503,
                       _("Too many files are being uploaded at this moment. Try again in a "
                         "minute."),
                       NULL);
        return -1;
    case GUARD_UPLOAD:
        if (guard_claim(slot))
            r->upload_slot = slot;
        return 0;
    default:
        return 0;
    }
}

/* prepare_upload leaves a multipart body where it is, for the handler to read
 * (upload.h), once it has a boundary and an upload slot. Returns 0, or
 * answers and returns -1. */
static int prepare_upload(struct request *r)
{
    char boundary[MULTIPART_BOUNDARY_MAX + 1];
    if (multipart_boundary(request_header(r, "Content-Type"), boundary) != 0) {
        dispatch_error(r, 400, _("The form's boundary (in Content-Type) is missing or malformed"),
                       NULL);
        return -1;
    }
    if (r->upload_slot < 0 && (r->upload_slot = guard_take()) < 0) {
        request_set_header(r, "Retry-After", "30");
        dispatch_error(r, 503,
                       _("Too many files are being uploaded at this moment. Try again in a "
                         "minute."),
                       NULL);
        return -1;
    }
    if (evbuffer_get_length(evhttp_request_get_input_buffer(r->ev)) >
        r->config->upload_limit + r->config->body_limit + 64 * 1024) {
        refuse_too_large(r, true);
        return -1;
    }
    r->boundary = arena_strdup(&r->arena, boundary);
    r->body = "";
    return 0;
}

/* prepare_body copies the body of any other request, within the form and
 * JSON limit (the guard keeps to it as the body comes; this holds when it
 * stood aside). Returns 0, or answers and returns -1. */
static int prepare_body(struct request *r, const struct route *route)
{
    if (evbuffer_get_length(evhttp_request_get_input_buffer(r->ev)) > r->config->body_limit) {
        refuse_too_large(r, false);
        return -1;
    }
    read_body(r);
    if ((route->flags & ROUTE_UPLOAD) && !(route->flags & (ROUTE_JSON | ROUTE_FORM))) {
        dispatch_error(r, 415, _("Send the form as multipart/form-data"), NULL);
        return -1;
    }
    return 0;
}

static void route_request(struct request *r)
{
    const char *uri = evhttp_request_get_uri(r->ev);
    const char *q = strchr(uri, '?');
    r->path = q ? arena_strndup(&r->arena, uri, (size_t)(q - uri)) : arena_strdup(&r->arena, uri);
    if (r->path[0] != '/') {
        dispatch_error(r, 400, _("The address must start with /"), NULL);
        return;
    }
    if (guard_verdict(r) != 0)
        return;
    /* Every part of the path must decode to text, not only the parts a route captures. */
    if (!str_percent_decode(&r->arena, r->path, strlen(r->path), false)) {
        dispatch_error(r, 400, _("The address is not valid text (UTF-8)"), NULL);
        return;
    }
    const char *bad = NULL;
    if (request_parse_params(&r->arena, q ? q + 1 : NULL, &r->query, &r->query_count, &bad) != 0) {
        dispatch_error(r, 400, _("A parameter of the address is not valid text (UTF-8)"), bad);
        return;
    }
    const struct route *route = NULL;
    char allow[128];
    switch (router_match(routes, route_count, r, &route, allow, sizeof allow)) {
    case ROUTER_FOUND:
        break;
    case ROUTER_WRONG_METHOD:
        request_set_header(r, "Allow", allow);
        dispatch_error(r, 405, _("This address does not answer that method"), NULL);
        return;
    case ROUTER_BAD_PATH:
        dispatch_error(r, 400, _("The address is not valid text (UTF-8)"), NULL);
        return;
    case ROUTER_NOT_FOUND:
        dispatch_error(r, 404, _("Page not found"), NULL);
        return;
    }
    if (!(route->flags & ROUTE_NO_AUTH) && authenticate(r) != 0)
        return;
    if ((r->method == METHOD_GET || r->method == METHOD_HEAD) && !(route->flags & ROUTE_NO_AUTH) &&
        answer_kept(r))
        return;
    if ((route->flags & ROUTE_UPLOAD) && content_type_is(r, "multipart/form-data")) {
        if (prepare_upload(r) != 0)
            return;
        route->handler(r);
        return;
    }
    if (prepare_body(r, route) != 0)
        return;
    if ((route->flags & ROUTE_FORM) && prepare_form(r) != 0)
        return;
    if ((route->flags & ROUTE_JSON) && prepare_json(r) != 0)
        return;
    route->handler(r);
}

void dispatch_finish(struct request *r)
{
    if (r->status == 0) {
        log_error("%s %s: the handler gave no answer", r->method_name, r->path);
        buf_reset(&r->out);
        dispatch_error(r, 500, _("Something went wrong on our side"), NULL);
    }
    if (r->upload_slot >= 0)
        guard_release(r->upload_slot);
    log_access(r->method_name, r->path, r->status, r->out.len, (long)(clock_micros() - r->started));
    buf_free(&r->out);
    arena_free(&r->arena);
    free(r);
}

void dispatch_request(struct evhttp_request *ev, void *arg)
{
    const struct dispatch_context *dc = arg;
    struct request *r = calloc(1, sizeof *r);
    if (!r)
        abort();
    r->ev = ev;
    r->config = dc->config;
    r->base = dc->base;
    r->pool = dc->pool;
    r->uploads = dc->uploads;
    r->upload_slot = -1;
    r->loop_cache = dc->cache;
    r->started = clock_micros();
    arena_init(&r->arena, 16 * 1024);
    buf_init(&r->out, RESPONSE_CAP);
    r->ctx.db = dc->db;
    r->ctx.arena = &r->arena;
    r->ctx.viewer = &viewer_anonymous;
    r->method = method_of(evhttp_request_get_command(ev));
    r->method_name = method_name(r->method);
    r->path = "";

    if (r->method == METHOD_OTHER) {
        r->path = evhttp_request_get_uri(ev);
        dispatch_error(r, 405, _("This address does not answer that method"), NULL);
    } else {
        route_request(r);
    }
    if (!r->deferred)
        dispatch_finish(r);
}
