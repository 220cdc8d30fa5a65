/*
 * router.h — routes are a table {method, pattern, handler, flags}. A pattern
 * is a path whose segments are literal or "{name}", which captures one
 * non-empty segment (percent-decoded, valid UTF-8).
 */
#ifndef ALLIANCE_ROUTER_H
#define ALLIANCE_ROUTER_H

#include "http/request.h"

#include <stdbool.h>
#include <stddef.h>

typedef void (*route_handler)(struct request *r);

enum route_flag {
    ROUTE_FORM = 1 << 0,    /* the body is a form: parse it and check its CSRF token */
    ROUTE_JSON = 1 << 1,    /* the body is JSON */
    ROUTE_NO_AUTH = 1 << 2, /* the same answer for everyone: skip looking up who asks */
    ROUTE_UPLOAD = 1 << 3,  /* the body may be multipart/form-data with a file (guard.h):
                               the upload limit, not copied, read by the handler */
};

struct route {
    enum method method;
    const char *pattern;
    route_handler handler;
    unsigned flags;
};

enum router_result {
    ROUTER_FOUND,
    ROUTER_NOT_FOUND,
    ROUTER_WRONG_METHOD, /* the path exists, with other methods */
    ROUTER_BAD_PATH,     /* a segment is not valid percent-encoding or UTF-8 */
};

/* router_match finds the route for a method and a path among n routes. HEAD
 * matches GET routes. On ROUTER_FOUND *found is set and the captures are
 * stored in r (arena). On ROUTER_WRONG_METHOD allow (size bytes) lists the
 * methods the path answers. */
enum router_result router_match(const struct route *routes, size_t n, struct request *r,
                                const struct route **found, char *allow, size_t size);

/* router_flags are the flags of the route a method (by name) and a raw path
 * (without the query, not decoded) lead to, or 0 when none does. */
unsigned router_flags(const struct route *routes, size_t n, const char *method, const char *path);

/* method_name is the name of a method ("GET"). */
const char *method_name(enum method m);

#endif
