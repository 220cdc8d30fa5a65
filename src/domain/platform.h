/*
 * platform.h — a stakeholder platform of an alliance, at one level, with a
 * parent one level up (the vertical link) and peers (platform_link, the
 * horizontal link, also across alliances).
 *
 * Rules: the parent is in the same alliance and exactly one level up; no
 * platform is its own ancestor; a platform with children cannot be deleted;
 * the level of a platform with children cannot change.
 */
#ifndef ALLIANCE_PLATFORM_H
#define ALLIANCE_PLATFORM_H

#include "core/problem.h"
#include "domain/context.h"
#include "domain/listing.h"
#include "domain/rights.h"

#include <stdint.h>

struct alliance;

struct platform {
    int64_t key;
    char *id;
    int64_t alliance_key;
    char *alliance_id;
    char *alliance_slug;
    char *alliance_name;
    char *alliance_visibility; /* "public" or "members" */
    int depth;                 /* level: 0 is the top */
    char *level_label;
    int64_t parent_key; /* 0 when none */
    char *parent_id;    /* NULL when none */
    char *parent_name;
    char *name;
    char *place;
    char *description;
    char *created_at;
    char *updated_at;
    /* Derived, filled by finds and lists. */
    int64_t member_count;
    int64_t child_count;
    unsigned capabilities; /* union of the members' capabilities */
};

struct platform_list {
    struct platform *items;
    int count;
    int64_t total;
};

/* Filters of platform_list; zero or NULL fields do not filter. */
struct platform_filter {
    int64_t alliance_key;
    int64_t parent_key;
    int depth; /* -1: any level */
};

/* A peer link between two platforms, seen from one of them. */
struct platform_link {
    int64_t key;
    char *id;
    char *a_id; /* the two ends, in stored order */
    char *b_id;
    char *note;
    char *created_at;
    /* The other end, relative to the platform the link was listed for. */
    char *other_id;
    char *other_name;
    char *other_level_label;
    char *other_alliance_slug;
    char *other_alliance_name;
};

struct platform_link_list {
    struct platform_link *items;
    int count;
    int64_t total;
};

/* platform_find loads a platform by id with its alliance, level label, parent,
 * member count, child count and capabilities. */
enum status platform_find(struct ctx *c, const char *id, struct platform **out);

/* platform_for_writing finds the platform a new record goes to, for someone
 * signed in who holds right there: an unknown id
 * is a problem on the "platform" field (STATUS_INVALID); a missing right,
 * the status rights_on_platform gives. */
enum status platform_for_writing(struct ctx *c, const char *id, enum right right,
                                 struct problems *p, struct platform **out);

/* platform_list returns one page of platforms. Sort keys: level (default:
 * level then name), name, place, members, created. */
enum status platform_list(struct ctx *c, const struct platform_filter *f, const struct listing *l,
                          struct platform_list *out);

/* platform_tree returns every platform of an alliance (at most limit), in tree
 * order: by level, then name, with member counts and capabilities. */
enum status platform_tree(struct ctx *c, int64_t alliance_key, int64_t limit,
                          struct platform_list *out);

/* platform_create validates and stores a new platform. The caller sets
 * alliance_key (the alliance it belongs to) and either parent_id or depth. */
enum status platform_create(struct ctx *c, const struct alliance *a, struct platform *pl,
                            struct problems *p);

/* platform_update validates and stores an edited platform. */
enum status platform_update(struct ctx *c, const struct alliance *a, struct platform *pl,
                            struct problems *p);

/* platform_delete removes a platform without children, with its memberships
 * and peer links, leaving tombstones. */
enum status platform_delete(struct ctx *c, struct platform *pl, struct problems *p);

/* platform_rights_add: may the viewer add (or remove) a platform below
 * parent_key (0: at the top of the alliance)? */
enum status platform_rights_add(struct ctx *c, int64_t alliance_key, int64_t parent_key);

/* platform_link_rights: may the viewer change or remove this peer link? */
enum status platform_link_rights(struct ctx *c, const struct platform_link *link);

/* platform_links lists the peers of a platform. */
enum status platform_links(struct ctx *c, const struct platform *pl, const struct listing *l,
                           struct platform_link_list *out);

/* platform_link_find loads one link by id (the "other" fields are the b end). */
enum status platform_link_find(struct ctx *c, const char *id, struct platform_link **out);

/* platform_link_create links two platforms as peers; problems name "platform"
 * or "peer". The link is the same whichever end is given first. */
enum status platform_link_create(struct ctx *c, const char *platform_id, const char *peer_id,
                                 const char *note, struct platform_link **out, struct problems *p);

/* platform_link_update changes the note of a link. */
enum status platform_link_update(struct ctx *c, struct platform_link *link, struct problems *p);

/* platform_link_delete removes a link, leaving a tombstone. */
enum status platform_link_delete(struct ctx *c, struct platform_link *link);

/* platform_link_list lists links, all or those touching one platform (key ≠ 0),
 * in id order from the listing's cursor. */
enum status platform_link_list(struct ctx *c, int64_t platform_key, const struct listing *l,
                               struct platform_link_list *out);

#endif
