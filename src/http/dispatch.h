/*
 * dispatch.h — from a libevent request to a handler's answer.
 */
#ifndef ALLIANCE_DISPATCH_H
#define ALLIANCE_DISPATCH_H

#include "http/request.h"

struct evhttp_request;
struct event_base;
struct db;
struct pool;

/* What an event loop hands to dispatch_request with each request. */
struct dispatch_context {
    const struct config *config;
    struct db *db;
    struct event_base *base; /* the loop, for work handed back by the pool */
    struct pool *pool;       /* shared by every loop */
    struct pool *uploads;    /* for uploads (upload.h), shared by every loop */
    struct cache *cache;     /* this loop's kept answers (cache.h) */
};

/* dispatch_request is the evhttp callback; arg is a struct dispatch_context. */
void dispatch_request(struct evhttp_request *ev, void *arg);

/* dispatch_finish ends a request that a handler deferred (request_defer):
 * logs it and frees it. Call it on the request's loop after answering. */
void dispatch_finish(struct request *r);

/* dispatch_error answers an error in the form the client expects: a JSON
 * error object under /api/, an HTML page elsewhere. field may be NULL. */
void dispatch_error(struct request *r, int status, const char *message, const char *field);

/* dispatch_size_text writes a size for people ("1 MiB", "100 KiB") in the
 * request's arena: limits in messages. */
const char *dispatch_size_text(struct request *r, size_t bytes);

#endif
