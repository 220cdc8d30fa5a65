/*
 * router.c — a linear scan of the route table; it has a few dozen entries and
 * a segment comparison costs nanoseconds, so no index is needed.
 */
#include "http/router.h"

#include "core/str.h"

#include <stdio.h>
#include <string.h>

const char *method_name(enum method m)
{
    static const char *const names[] = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OTHER"};
    return names[m];
}

/* segment_next returns the length of the segment at s (up to '/' or the end). */
static size_t segment_length(const char *s)
{
    return strcspn(s, "/");
}

/* pattern_match compares path with pattern; on success the raw captures are
 * stored as (start, length) pairs. */
static bool pattern_match(const char *pattern, const char *path, const char **starts,
                          size_t *lengths, int *count)
{
    *count = 0;
    while (*pattern == '/' && *path == '/') {
        pattern++;
        path++;
        size_t pl = segment_length(pattern), sl = segment_length(path);
        if (pattern[0] == '{') {
            if (sl == 0 || *count == REQUEST_MAX_CAPTURES)
                return false;
            starts[*count] = path;
            lengths[*count] = sl;
            (*count)++;
        } else if (pl != sl || strncmp(pattern, path, pl) != 0) {
            return false;
        }
        pattern += pl;
        path += sl;
    }
    return *pattern == '\0' && *path == '\0';
}

unsigned router_flags(const struct route *routes, size_t n, const char *method, const char *path)
{
    const char *starts[REQUEST_MAX_CAPTURES];
    size_t lengths[REQUEST_MAX_CAPTURES];
    int count;
    for (size_t i = 0; i < n; i++)
        if (strcmp(method_name(routes[i].method), method) == 0 &&
            pattern_match(routes[i].pattern, path, starts, lengths, &count))
            return routes[i].flags;
    return 0;
}

enum router_result router_match(const struct route *routes, size_t n, struct request *r,
                                const struct route **found, char *allow, size_t size)
{
    const char *starts[REQUEST_MAX_CAPTURES];
    size_t lengths[REQUEST_MAX_CAPTURES];
    int count;
    enum method m = r->method == METHOD_HEAD ? METHOD_GET : r->method;
    bool path_known = false;
    allow[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (!pattern_match(routes[i].pattern, r->path, starts, lengths, &count))
            continue;
        if (routes[i].method != m) {
            path_known = true;
            size_t used = strlen(allow);
            snprintf(allow + used, size - used, "%s%s", used ? ", " : "",
                     method_name(routes[i].method));
            continue;
        }
        for (int k = 0; k < count; k++) {
            const char *value = str_percent_decode(&r->arena, starts[k], lengths[k], false);
            if (!value)
                return ROUTER_BAD_PATH;
            r->captures[k] = value;
        }
        r->capture_count = count;
        *found = &routes[i];
        return ROUTER_FOUND;
    }
    return path_known ? ROUTER_WRONG_METHOD : ROUTER_NOT_FOUND;
}
