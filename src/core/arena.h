/*
 * arena.h — a region allocator. Every request (and every CLI command) gets one
 * arena; everything allocated for it is freed at once by arena_free(). Out of
 * memory aborts: a server that cannot allocate a few kilobytes cannot answer.
 */
#ifndef ALLIANCE_ARENA_H
#define ALLIANCE_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena_chunk;

struct arena {
    struct arena_chunk *head; /* newest chunk first */
    size_t chunk_size;        /* default size of a new chunk */
    size_t used;              /* bytes handed out, for statistics */
};

/* arena_init prepares an empty arena whose chunks are at least chunk_size bytes. */
void arena_init(struct arena *a, size_t chunk_size);

/* arena_free releases every allocation made from the arena; it may be reused. */
void arena_free(struct arena *a);

/* arena_alloc returns n bytes aligned for any type, zeroed, owned by the arena. */
void *arena_alloc(struct arena *a, size_t n);

/* arena_array returns zeroed storage for count elements of size bytes; aborts on overflow. */
void *arena_array(struct arena *a, size_t count, size_t size);

/* arena_strdup copies s (NULL gives NULL) into the arena. */
char *arena_strdup(struct arena *a, const char *s);

/* arena_strndup copies at most n bytes of s and terminates the copy. */
char *arena_strndup(struct arena *a, const char *s, size_t n);

/* arena_printf formats like printf into a string owned by the arena. */
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* arena_vprintf is arena_printf with a va_list. */
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap);

#endif
