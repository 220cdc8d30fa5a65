/*
 * visibility.h — the one rule of who may read what (DESIGN.md §3). Every view
 * — page, API read, API list, count, and later search, feed and export — asks
 * here, and lists apply the filter this module describes inside their query,
 * so that nothing is filtered after the fact and no count gives away a hidden
 * record.
 *
 * An alliance is public (anyone, signed in or not, may read it and its
 * platforms and memberships) or members-only (only people with a membership in
 * one of its platforms). Items carry a visibility: "platform" (members of the
 * item's platform), "alliance" (members of any platform of its alliance) or
 * "public" (whoever may read the alliance). Administrators read everything.
 *
 * People: a person is visible when they hold a visible membership, or hold no
 * membership at all (the directory), or are the viewer. An email address is
 * shown only to the person, to administrators, and to people who share an
 * alliance with them.
 */
#ifndef ALLIANCE_VISIBILITY_H
#define ALLIANCE_VISIBILITY_H

#include "domain/context.h"

#include <stdbool.h>
#include <stdint.h>

enum visibility { VISIBILITY_PLATFORM, VISIBILITY_ALLIANCE, VISIBILITY_PUBLIC };

/* What the store needs to apply the rule inside a query. */
struct visibility_filter {
    bool everything;    /* an administrator: no condition at all */
    int64_t person_key; /* the viewer's person (0 when signed out) */
};

/* visibility_filter describes the rule for the viewer of c. */
struct visibility_filter visibility_filter(const struct ctx *c);

/* visibility_name is the machine name of a level ("platform", …). */
const char *visibility_name(enum visibility v);

/* visibility_parse reads a level by name; -1 when unknown. */
int visibility_parse(const char *name);

/* visibility_alliance_readable: may the viewer read an alliance with this
 * key and visibility ("public" or "members")? */
bool visibility_alliance_readable(struct ctx *c, int64_t alliance_key, const char *visibility);

/* visibility_item_readable: may the viewer read an item of a platform at a
 * level? (The alliance's own rule comes first.) */
bool visibility_item_readable(struct ctx *c, int64_t alliance_key, const char *alliance_visibility,
                              int64_t platform_key, enum visibility level);

/* visibility_email_readable: may the viewer read this person's email? */
bool visibility_email_readable(struct ctx *c, int64_t person_key);

#endif
