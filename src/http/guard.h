/*
 * guard.h — the connection guard: how large a request's body may be, decided
 * from its head before libevent reads the body.
 *
 * libevent 2.1's evhttp has one body limit per server and calls us only once
 * a whole body is in memory; it has no hook between a request's head and its
 * body (evhttp_set_newreqcb came in 2.2). Forms and JSON are small (1 MiB),
 * uploads large (50 MiB), so one limit for all would let any request hold 50
 * MiB. The guard watches each connection's input instead: a callback on the
 * socket's input buffer runs before evhttp sees new bytes, holds a request's
 * head back until it is whole, and follows the framing of bodies
 * (Content-Length, chunked) to find the next head. For each head it:
 *
 *   - sets the connection's body limit for that request (applied when evhttp
 *     starts reading the head, so a request still being read keeps its own):
 *     the form and JSON limit, or the upload limit for multipart/form-data on
 *     an upload route;
 *   - refuses a body whose Content-Length is over that limit (413), and an
 *     upload when uploads_max uploads are already in flight (503): the head
 *     goes on to evhttp without its body, with "Connection: close" and a mark
 *     that dispatch answers (guard_read); the body is dropped as it arrives;
 *   - gives an accepted upload one of the uploads_max slots, in its mark; the
 *     request claims it (guard_claim) and gives it back when it ends
 *     (guard_release). A slot nobody claimed comes back when the connection
 *     closes or moves on to its next request.
 *
 * So bodies of forms and JSON never take more than their limit, and uploads
 * at most uploads_max times theirs. A chunked body over its limit is refused
 * by evhttp as it arrives (its own 413). What the guard cannot follow (a head
 * evhttp will refuse anyway) makes it step aside for the rest of the
 * connection, with the form limit in force.
 */
#ifndef ALLIANCE_GUARD_H
#define ALLIANCE_GUARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct bufferevent;
struct event_base;
struct evbuffer;

#define GUARD_SLOTS_MAX 64
#define GUARD_HEADER    "X-Alliance-Guard"

struct guard_config {
    size_t body_limit;   /* forms and JSON */
    size_t upload_limit; /* a whole upload body, its multipart envelope included */
    int uploads_max;     /* uploads in flight at once, 1..GUARD_SLOTS_MAX */
    /* is_upload says whether a method and path (without the query) name an
     * upload route; it must be safe to call from any loop. */
    bool (*is_upload)(const char *method, const char *path);
};

/* guard_init sets the limits for every connection and makes the secret that
 * marks the guard's own headers. Call it once, before any loop starts. */
void guard_init(const struct guard_config *cfg);

/* guard_bevcb is the callback of evhttp_set_bevcb: a socket bufferevent with
 * the guard on its input. The guard's memory is freed with the connection. */
struct bufferevent *guard_bevcb(struct event_base *base, void *arg);

enum guard_verdict {
    GUARD_NONE,      /* an ordinary request */
    GUARD_UPLOAD,    /* an upload given a slot */
    GUARD_TOO_LARGE, /* refused: Content-Length over the limit (413) */
    GUARD_BUSY,      /* refused: too many uploads in flight (503) */
};

/* guard_read reads the mark of a request (the value of its GUARD_HEADER, or
 * NULL). A mark without the secret is a client's forgery: GUARD_NONE. *slot
 * receives the slot of GUARD_UPLOAD, else -1. */
enum guard_verdict guard_read(const char *mark, int *slot);

/* guard_claim makes a slot the request's own; false when it is not the
 * guard's to give (already claimed, or given back). */
bool guard_claim(int slot);

/* guard_take takes a free slot for a request directly (when the guard stood
 * aside); -1 when none is free. */
int guard_take(void);

/* guard_release gives back a claimed slot. */
void guard_release(int slot);

/* guard_uploads_in_flight counts the slots taken (for tests and logs). */
int guard_uploads_in_flight(void);

/* Testing: the framing follower without a connection. guard_test_new makes a
 * guard with no evhttp behind it; guard_test_feed passes the bytes of src
 * through it into out, as the input callback would; guard_test_consumed says
 * that n bytes of out were read (by evhttp), which applies the decisions whose
 * heads they reach; guard_test_limit is the limit last applied (0 before any). */
struct guard;
struct guard *guard_test_new(void);
void guard_test_feed(struct guard *g, struct evbuffer *src, struct evbuffer *out);
void guard_test_consumed(struct guard *g, size_t n);
size_t guard_test_limit(const struct guard *g);
void guard_test_free(struct guard *g);

#endif
