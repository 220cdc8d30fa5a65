/*
 * asset.c — see asset.h. Versions are FNV-1a hashes of the content, computed
 * once at first use (under pthread_once, as every event loop may ask).
 */
#include "web/asset.h"

#include "core/buf.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

extern const unsigned char asset_style_css[];
extern const size_t asset_style_css_len;
extern const unsigned char asset_openapi_json[];
extern const size_t asset_openapi_json_len;

static char style_version[17];
static char openapi_version[17];
static pthread_once_t versions_once = PTHREAD_ONCE_INIT;

static void hash_hex(const unsigned char *data, size_t n, char out[17])
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= data[i];
        h *= 1099511628211ULL;
    }
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

static void versions_compute(void)
{
    hash_hex(asset_style_css, asset_style_css_len, style_version);
    hash_hex(asset_openapi_json, asset_openapi_json_len, openapi_version);
}

const char *asset_style_version(void)
{
    pthread_once(&versions_once, versions_compute);
    return style_version;
}

/* asset_send answers a built-in file, or 304 when the client holds this version. */
static void asset_send(struct request *r, const unsigned char *data, size_t n, const char *version,
                       const char *type, const char *cache)
{
    char etag[24];
    snprintf(etag, sizeof etag, "\"%s\"", version);
    request_set_header(r, "ETag", etag);
    request_set_header(r, "Cache-Control", cache);
    const char *match = request_header(r, "If-None-Match");
    if (match && strstr(match, etag)) {
        request_send(r, 304, NULL);
        return;
    }
    buf_append(&r->out, data, n);
    request_send(r, 200, type);
}

void asset_style_page(struct request *r)
{
    pthread_once(&versions_once, versions_compute);
    asset_send(r, asset_style_css, asset_style_css_len, style_version, "text/css; charset=utf-8",
               "public, max-age=31536000, immutable");
}

void asset_openapi_page(struct request *r)
{
    pthread_once(&versions_once, versions_compute);
    asset_send(r, asset_openapi_json, asset_openapi_json_len, openapi_version, "application/json",
               "public, max-age=3600");
}
