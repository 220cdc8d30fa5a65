/*
 * listing.c — see listing.h.
 */
#include "domain/listing.h"

#include "core/arena.h"

#include <string.h>

void listing_default(struct listing *l)
{
    memset(l, 0, sizeof *l);
    l->limit = LISTING_DEFAULT_LIMIT;
}

char *listing_pattern(struct arena *a, const char *query)
{
    if (!query || !*query)
        return NULL;
    size_t n = strlen(query);
    char *p = arena_alloc(a, 2 * n + 3);
    char *w = p;
    *w++ = '%';
    for (const char *r = query; *r; r++) {
        char c = *r;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c == '%' || c == '_' || c == '\\')
            *w++ = '\\';
        *w++ = c;
    }
    *w++ = '%';
    *w = '\0';
    return p;
}
