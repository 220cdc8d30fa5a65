/*
 * listing.h — how a caller asks for one page of a list. Pages of the web ask
 * by offset and a sort key chosen from the noun's own whitelist; the API asks
 * by cursor (the id of the last record it saw), in id order, which is stable
 * under inserts and cheap at any depth.
 */
#ifndef ALLIANCE_LISTING_H
#define ALLIANCE_LISTING_H

#include <stdbool.h>
#include <stdint.h>

#define LISTING_DEFAULT_LIMIT 50
#define LISTING_MAX_LIMIT     200

struct listing {
    int64_t limit;     /* rows wanted, 1..LISTING_MAX_LIMIT */
    int64_t offset;    /* rows to skip (web pages) */
    const char *after; /* NULL: page order (offset, sort); otherwise id order
                          after this id (the API's cursor), "" from the start */
    const char *sort;  /* a sort key of the noun; unknown keys fall back to its default */
    bool descending;   /* reverse the sort */
    const char *query; /* free text matched against names, or NULL */
    bool count_only;   /* the total alone: no row of the page is read (figures) */
};

/* listing_default fills a listing with the first page, default order. */
void listing_default(struct listing *l);

/* listing_pattern turns free text into a LIKE pattern (lower case, wildcards
 * escaped with '\'), allocated in the arena; NULL or "" gives NULL. */
struct arena;
char *listing_pattern(struct arena *a, const char *query);

#endif
