/*
 * membership.h — a person or an organisation on a platform, with a role
 * (convenor, facilitator, documenter, member, observer) and the capabilities
 * they bring there.
 */
#ifndef ALLIANCE_MEMBERSHIP_H
#define ALLIANCE_MEMBERSHIP_H

#include "core/problem.h"
#include "domain/context.h"
#include "domain/listing.h"

#include <stdint.h>

#define ROLE_COUNT 5

struct membership {
    int64_t key;
    char *id;
    int64_t platform_key;
    char *platform_id;
    char *platform_name;
    int platform_depth;
    char *level_label;
    char *alliance_slug;
    char *alliance_name;
    char *alliance_visibility;
    int64_t alliance_key;
    int64_t person_key; /* exactly one of person and organisation */
    char *person_id;
    char *person_name;
    int64_t organisation_key;
    char *organisation_id;
    char *organisation_name; /* the member organisation, or the person's own */
    char *organisation_kind;
    char *role;
    unsigned capabilities;
    char *created_at;
    char *updated_at;
};

struct membership_list {
    struct membership *items;
    int count;
    int64_t total;
};

/* Which memberships membership_list returns; zero keys do not filter. */
struct membership_filter {
    int64_t platform_key;
    int64_t person_key;
    int64_t organisation_key; /* memberships of the organisation itself */
    int64_t alliance_key;     /* memberships on the platforms of the alliance */
};

/* role_name is the machine name of the i-th role, in order of responsibility. */
const char *role_name(int i);

/* role_label is the translated label of a role name. */
const char *role_label(const char *role);

/* role_valid says whether name is a role. */
int role_valid(const char *name);

/* membership_find loads one membership by id. */
enum status membership_find(struct ctx *c, const char *id, struct membership **out);

/* membership_list returns a page. Sort keys: role (default: role, then
 * name), name, created; with a cursor, id order. */
enum status membership_list(struct ctx *c, const struct membership_filter *f,
                            const struct listing *l, struct membership_list *out);

/* membership_create validates and stores a membership. The caller sets
 * platform_id and one of person_id and organisation_id. */
enum status membership_create(struct ctx *c, struct membership *m, struct problems *p);

/* membership_update stores a new role and capabilities. */
enum status membership_update(struct ctx *c, struct membership *m, struct problems *p);

/* membership_invite invites a person, by email, to a platform with a role and
 * capabilities: it creates the person and their account when needed, the
 * membership, and — for an account without a password — an invitation link
 * (secret receives it; it stays "" when the person can already sign in). The
 * viewer must be allowed to manage the platform's members. Problems name
 * "email", "name", "role" or "capabilities". */
enum status membership_invite(struct ctx *c, const char *platform_id, const char *email,
                              const char *name, struct membership *m, char secret[44],
                              struct problems *p);

/* membership_delete removes a membership, leaving a tombstone. */
enum status membership_delete(struct ctx *c, struct membership *m);

#endif
