/*
 * alliance.h — a learning alliance: a set of connected stakeholder platforms at
 * ordered levels (national, region, district …) around a going-in issue, with
 * a vision and principles (seeds 000 and 001). Its slug names it in addresses.
 */
#ifndef ALLIANCE_ALLIANCE_H
#define ALLIANCE_ALLIANCE_H

#include "core/problem.h"
#include "domain/context.h"
#include "domain/listing.h"

#include <stdint.h>

#define ALLIANCE_LEVELS_MAX 6

struct alliance {
    int64_t key;
    char *id;
    char *slug;
    char *name;
    char *going_in_issue;
    char *vision;
    char *principles;
    char *time_zone;
    char *visibility; /* "public" or "members" */
    int level_count;
    char *levels[ALLIANCE_LEVELS_MAX]; /* labels, top level first */
    char *created_at;
    char *updated_at;
    /* Derived, filled by alliance_find and alliance_list. */
    int64_t platform_count;
    int64_t member_count; /* distinct people and organisations with a membership */
};

struct alliance_list {
    struct alliance *items;
    int count;
    int64_t total; /* rows matching, over all pages */
};

/* alliance_find looks an alliance up by id or slug. STATUS_NOT_FOUND when none. */
enum status alliance_find(struct ctx *c, const char *id_or_slug, struct alliance **out);

/* alliance_list returns one page of alliances. Sort keys: name (default),
 * created, platforms. */
enum status alliance_list(struct ctx *c, const struct listing *l, struct alliance_list *out);

/* alliance_level_labels names each depth by the labels the alliances the
 * viewer may read give it ("Region / Région"), for filters across
 * alliances; a depth no alliance has stays NULL. */
void alliance_level_labels(struct ctx *c, const char *labels[ALLIANCE_LEVELS_MAX]);

/* alliance_validate checks the fields of a (new or edited) alliance and trims
 * them in place; it records each problem against its field. */
void alliance_validate(struct ctx *c, struct alliance *a, struct problems *p);

/* alliance_create validates and stores a new alliance, setting its id, key and
 * times. Problems name the fields (a slug already taken is STATUS_CONFLICT). */
enum status alliance_create(struct ctx *c, struct alliance *a, struct problems *p);

/* alliance_update validates and stores the edited fields of an existing
 * alliance. Levels may be renamed; a level that holds platforms cannot be removed. */
enum status alliance_update(struct ctx *c, struct alliance *a, struct problems *p);

/* alliance_delete removes an alliance that has no platforms, leaving a tombstone. */
enum status alliance_delete(struct ctx *c, struct alliance *a, struct problems *p);

/* alliance_level_label is the label of depth, or "" when out of range. */
const char *alliance_level_label(const struct alliance *a, int depth);

/* alliance_levels_parse splits text with one label per line (or comma
 * separated) into a->levels; problems go to the "levels" field. */
void alliance_levels_parse(struct ctx *c, struct alliance *a, const char *text, struct problems *p);

#endif
