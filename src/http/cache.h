/*
 * cache.h — answers kept per event loop, so that a page that has not changed
 * is not made again (DESIGN.md §4). An answer is kept under its address, the
 * account that asked (visibility differs by reader) and the data version it
 * was made at; any write anywhere moves the version, so a kept answer is never
 * stale. Only what is the same for every request of that reader is kept: 200
 * answers to GET whose making set no header and used no form token.
 *
 * Every 200 answer to a GET also carries an ETag made from its bytes, and a
 * reader who sends it back in If-None-Match gets 304 with no body: on a slow
 * line the page is not sent again unless it changed.
 *
 * Memory is bounded: at most the configured bytes of bodies a loop (--cache),
 * and answers larger than CACHE_ENTRY_MAX are not kept.
 */
#ifndef ALLIANCE_CACHE_H
#define ALLIANCE_CACHE_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define CACHE_ENTRY_MAX (64u * 1024)
#define CACHE_ETAG_SIZE 35 /* two quotes, 32 hex digits and the NUL */

struct cache;

/* An answer found in the cache; the pointers stay valid until the next call. */
struct cache_hit {
    const char *body;
    size_t length;
    const char *content_type;
    const char *etag;
};

/* CACHE_PERIOD is how long a kept answer may stand when nothing is
 * written: pages hold what time changes (a share waiting N days, flagged
 * past the response days; the figures of "this quarter"), so an answer is
 * kept for the data version and the hour it was made in. */
#define CACHE_PERIOD 3600

/* cache_version is the version an answer made now is kept under: the data's
 * version and the hour (now / CACHE_PERIOD). */
int64_t cache_version(int64_t data_version, time_t now);

/* cache_new makes a cache that keeps at most capacity bytes (0: none). */
struct cache *cache_new(size_t capacity);
void cache_free(struct cache *c);

/* cache_get finds the answer kept for (address, reader) at version. */
int cache_get(struct cache *c, const char *address, int64_t reader, int64_t version,
              struct cache_hit *out);

/* cache_put keeps an answer (copying it) with its ETag, clearing older
 * answers as needed. */
void cache_put(struct cache *c, const char *address, int64_t reader, int64_t version,
               const char *body, size_t length, const char *content_type, const char *etag);

/* cache_etag names a body by its content (a BLAKE2b digest, quoted), so that
 * any loop or server that makes the same bytes gives the same ETag. */
void cache_etag(const char *body, size_t length, const char *content_type,
                char out[CACHE_ETAG_SIZE]);

#endif
