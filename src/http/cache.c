/*
 * cache.c — see cache.h. A direct-mapped table: each (address, reader) has one
 * slot and a newer answer replaces whatever was there. When the bytes run out,
 * a clock hand clears slots in turn until the new answer fits.
 */
#include "http/cache.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 1024 /* a power of two */

struct entry {
    char *address; /* NULL: empty */
    int64_t reader;
    int64_t version;
    char *body;
    size_t length;
    char content_type[48];
    char etag[CACHE_ETAG_SIZE];
};

struct cache {
    struct entry slots[SLOTS];
    size_t capacity;
    size_t bytes;
    unsigned hand;
};

static uint64_t hash_key(const char *address, int64_t reader)
{
    uint64_t h = 1469598103934665603ULL ^ (uint64_t)reader;
    for (const char *p = address; *p; p++) {
        h ^= (unsigned char)*p;
        h *= 1099511628211ULL;
    }
    return h;
}

struct cache *cache_new(size_t capacity)
{
    struct cache *c = calloc(1, sizeof *c);
    if (!c)
        abort();
    c->capacity = capacity;
    return c;
}

static void entry_clear(struct cache *c, struct entry *e)
{
    if (!e->address)
        return;
    c->bytes -= e->length;
    free(e->address);
    free(e->body);
    memset(e, 0, sizeof *e);
}

void cache_free(struct cache *c)
{
    if (!c)
        return;
    for (unsigned i = 0; i < SLOTS; i++)
        entry_clear(c, &c->slots[i]);
    free(c);
}

/* slot_of is the one slot a key may be kept in. */
static struct entry *slot_of(struct cache *c, const char *address, int64_t reader)
{
    return &c->slots[hash_key(address, reader) & (SLOTS - 1)];
}

int cache_get(struct cache *c, const char *address, int64_t reader, int64_t version,
              struct cache_hit *out)
{
    struct entry *e = slot_of(c, address, reader);
    if (!e->address || e->reader != reader || e->version != version ||
        strcmp(e->address, address) != 0)
        return -1;
    out->body = e->body;
    out->length = e->length;
    out->content_type = e->content_type;
    out->etag = e->etag;
    return 0;
}

void cache_put(struct cache *c, const char *address, int64_t reader, int64_t version,
               const char *body, size_t length, const char *content_type, const char *etag)
{
    if (length > CACHE_ENTRY_MAX || length > c->capacity ||
        strlen(content_type) >= sizeof c->slots[0].content_type)
        return;
    struct entry *e = slot_of(c, address, reader);
    entry_clear(c, e);
    /* Make room: clear slots under the clock hand until the bytes fit. */
    while (c->bytes + length > c->capacity) {
        entry_clear(c, &c->slots[c->hand]);
        c->hand = (c->hand + 1) & (SLOTS - 1);
    }
    e->address = strdup(address);
    e->body = malloc(length ? length : 1);
    if (!e->address || !e->body)
        abort();
    memcpy(e->body, body, length);
    e->length = length;
    e->reader = reader;
    e->version = version;
    memcpy(e->content_type, content_type, strlen(content_type) + 1);
    snprintf(e->etag, sizeof e->etag, "%s", etag);
    c->bytes += length;
}

void cache_etag(const char *body, size_t length, const char *content_type,
                char out[CACHE_ETAG_SIZE])
{
    unsigned char digest[16];
    crypto_generichash_state state;
    crypto_generichash_init(&state, NULL, 0, sizeof digest);
    crypto_generichash_update(&state, (const unsigned char *)content_type, strlen(content_type));
    crypto_generichash_update(&state, (const unsigned char *)body, length);
    crypto_generichash_final(&state, digest, sizeof digest);
    out[0] = '"';
    sodium_bin2hex(out + 1, 33, digest, sizeof digest);
    out[33] = '"';
    out[34] = '\0';
}

int64_t cache_version(int64_t data_version, time_t now)
{
    /* Bug pinned: answers were kept by the data version alone, so on a quiet
     * installation a share went on showing "Waiting 6 days", never flagged,
     * until someone wrote anything. Hours since 1970 fit in 21 bits. */
    return (int64_t)((uint64_t)data_version << 22 ^ (uint64_t)(now / CACHE_PERIOD));
}
