/*
 * request.c — see request.h. Responses always carry the security headers
 * (http_headers_security); the body is copied into libevent's buffer.
 */
#include "http/request.h"

#include "core/secret.h"
#include "core/str.h"
#include "http/cache.h"
#include "http/headers.h"

#include <event2/buffer.h>
#include <event2/http.h>
#include <event2/keyvalq_struct.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

const char *request_capture(const struct request *r, int i)
{
    return i < r->capture_count ? r->captures[i] : NULL;
}

static const char *param_find(const struct param *ps, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(ps[i].name, name) == 0)
            return ps[i].value;
    return NULL;
}

const char *request_query(const struct request *r, const char *name)
{
    return param_find(r->query, r->query_count, name);
}

const char *request_form(const struct request *r, const char *name)
{
    return param_find(r->form, r->form_count, name);
}

bool request_form_has(const struct request *r, const char *name, const char *value)
{
    for (int i = 0; i < r->form_count; i++)
        if (strcmp(r->form[i].name, name) == 0 && strcmp(r->form[i].value, value) == 0)
            return true;
    return false;
}

const char *request_header(const struct request *r, const char *name)
{
    return evhttp_find_header(evhttp_request_get_input_headers(r->ev), name);
}

const char *request_cookie(struct request *r, const char *name)
{
    const char *header = request_header(r, "Cookie");
    size_t n = strlen(name);
    for (const char *p = header; p && *p;) {
        while (*p == ' ' || *p == ';')
            p++;
        const char *end = strchr(p, ';');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len > n && strncmp(p, name, n) == 0 && p[n] == '=')
            return arena_strndup(&r->arena, p + n + 1, len - n - 1);
        p = end;
    }
    return NULL;
}

int request_parse_params(struct arena *a, const char *text, struct param **out, int *count,
                         const char **bad_name)
{
    *out = NULL;
    *count = 0;
    if (!text || !*text)
        return 0;
    int cap = 1;
    for (const char *p = text; *p; p++)
        if (*p == '&')
            cap++;
    struct param *ps = arena_array(a, (size_t)cap, sizeof *ps);
    int n = 0;
    for (const char *p = text; *p;) {
        const char *end = strchr(p, '&');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        const char *eq = memchr(p, '=', len);
        size_t name_len = eq ? (size_t)(eq - p) : len;
        if (len > 0) {
            char *name = str_percent_decode(a, p, name_len, true);
            char *value =
                eq ? str_percent_decode(a, eq + 1, len - name_len - 1, true) : arena_strdup(a, "");
            if (!name || !value) {
                *bad_name = name ? name : "";
                return -1;
            }
            ps[n].name = name;
            ps[n].value = value;
            n++;
        }
        p = end ? end + 1 : p + len;
    }
    *out = ps;
    *count = n;
    return 0;
}

void request_set_header(struct request *r, const char *name, const char *value)
{
    evhttp_add_header(evhttp_request_get_output_headers(r->ev), name, value);
}

void request_defer(struct request *r)
{
    r->deferred = true;
}

void request_set_cookie(struct request *r, const char *name, const char *value, long max_age)
{
    char cookie[256];
    char age[48] = "";
    if (max_age >= 0)
        snprintf(age, sizeof age, "; Max-Age=%ld", max_age);
    snprintf(cookie, sizeof cookie, "%s=%s; Path=/; HttpOnly; SameSite=Lax%s%s", name, value, age,
             r->config->secure_cookies ? "; Secure" : "");
    request_set_header(r, "Set-Cookie", cookie);
}

const char *request_peer(struct request *r)
{
    struct evhttp_connection *conn = evhttp_request_get_connection(r->ev);
    char *address = NULL;
    ev_uint16_t port = 0;
    if (conn)
        evhttp_connection_get_peer(conn, &address, &port);
    return address ? arena_strdup(&r->arena, address) : "unknown";
}

/* fresh says whether the reader already holds the answer named etag. */
static bool fresh(struct request *r, const char *etag)
{
    const char *held = request_header(r, "If-None-Match");
    return held && (strstr(held, etag) || strcmp(held, "*") == 0);
}

/* send_answer ends the request with what is in r->out; a tagged answer (etag not
 * NULL) goes as 304 with no body when the reader already holds it. */
static void send_answer(struct request *r, int status, const char *content_type, const char *etag)
{
    struct evkeyvalq *headers = evhttp_request_get_output_headers(r->ev);
    http_headers_security(headers);
    if (etag) {
        evhttp_add_header(headers, "ETag", etag);
        evhttp_add_header(headers, "Cache-Control", "private, no-cache");
        if (fresh(r, etag)) {
            status = 304;
            buf_reset(&r->out);
        }
    }
    if (content_type && status != 304)
        evhttp_add_header(headers, "Content-Type", content_type);
    if (r->csrf_cookie_new) {
        r->csrf_cookie_new = false;
        request_set_cookie(r, "alliance_csrf", r->csrf_token, -1);
    }
    struct evbuffer *body = evbuffer_new();
    if (r->out.len)
        evbuffer_add(body, r->out.data, r->out.len);
    r->status = status;
    evhttp_send_reply(r->ev, status, NULL, body);
    evbuffer_free(body);
}

void request_send(struct request *r, int status, const char *content_type)
{
    /* A 200 to a GET is tagged unless the handler added a header of its own
     * (a cookie, a file name, a range), and kept for the next asker too
     * unless it holds a form token, which is this reader's alone. */
    struct evkeyvalq *headers = evhttp_request_get_output_headers(r->ev);
    if (!r->cache || status != 200 || !content_type || r->csrf_cookie_new ||
        headers->tqh_first != NULL) {
        send_answer(r, status, content_type, NULL);
        return;
    }
    char etag[CACHE_ETAG_SIZE];
    cache_etag(r->out.data, r->out.len, content_type, etag);
    if (!r->csrf_used)
        cache_put(r->cache, evhttp_request_get_uri(r->ev), r->ctx.viewer->account_key,
                  r->cache_version, r->out.data, r->out.len, content_type, etag);
    send_answer(r, status, content_type, etag);
}

void request_send_kept(struct request *r, const struct cache_hit *hit)
{
    buf_reset(&r->out);
    buf_append(&r->out, hit->body, hit->length);
    send_answer(r, 200, hit->content_type, hit->etag);
}

void request_redirect(struct request *r, const char *location)
{
    request_set_header(r, "Location", location);
    buf_reset(&r->out);
    request_send(r, 303, NULL);
}

const char *request_csrf(struct request *r)
{
    r->csrf_used = true;
    if (r->session_csrf)
        return r->session_csrf;
    if (r->csrf_token)
        return r->csrf_token;
    const char *cookie = request_cookie(r, "alliance_csrf");
    if (secret_shaped(cookie)) {
        r->csrf_token = cookie;
        return cookie;
    }
    char *token = arena_alloc(&r->arena, SECRET_LEN + 1);
    secret_new(token);
    r->csrf_token = token;
    r->csrf_cookie_new = true;
    return token;
}

bool request_csrf_ok(struct request *r)
{
    const char *field = request_form(r, "csrf");
    if (!field)
        return false;
    /* Signed in, the token belongs to the session; signed out, to the cookie. */
    const char *expected = r->session_csrf ? r->session_csrf : request_cookie(r, "alliance_csrf");
    if (!secret_shaped(expected))
        return false;
    return str_equal_const_time(expected, field);
}

bool request_wants_json(const struct request *r)
{
    return strncmp(r->path, "/api/", 5) == 0;
}
