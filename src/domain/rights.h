/*
 * rights.h — who may do what. One table in rights.c gives, for each role a
 * person holds on a platform, the rights it carries there; site
 * administrators may do everything. Every write of the web, the API and the
 * command line asks here first.
 *
 *   right                      convenor  facilitator  documenter  member  observer
 *   edit the platform              x          x
 *   invite and remove members      x
 *   write items                    x          x            x          x
 *   publish items                  x          x            x
 *   share items (and withdraw)     x          x            x
 *   respond to shares              x          x            x
 *   moderate                       x          x
 *   open and close proposals       x          x
 *   add platforms below            x
 *   link peers                     x          x
 *   set the learning agenda        x          x
 *   read the audit trail           x          x            x          x        x
 *   read the inbox and outbox      x          x            x          x        x
 *
 * Beyond one platform: creating and deleting alliances is for administrators;
 * editing an alliance (and adding top-level platforms) for administrators and
 * the convenors of its top-level platforms; keeping the directory of
 * organisations and people for administrators and anyone who convenes or
 * facilitates a platform; a person may edit their own record.
 */
#ifndef ALLIANCE_RIGHTS_H
#define ALLIANCE_RIGHTS_H

#include "core/problem.h"
#include "domain/context.h"

#include <stdbool.h>
#include <stdint.h>

enum right {
    RIGHT_EDIT_PLATFORM,
    RIGHT_MANAGE_MEMBERS,
    RIGHT_WRITE_ITEMS,
    RIGHT_PUBLISH_ITEMS,
    RIGHT_RESPOND_SHARES,
    RIGHT_SHARE_ITEMS,
    RIGHT_MODERATE,
    RIGHT_FACILITATE,
    RIGHT_ADD_CHILD,
    RIGHT_LINK_PEERS,
    RIGHT_SET_AGENDA,
    RIGHT_READ_AUDIT,
    RIGHT_READ_SHARES,
    RIGHT_COUNT
};

/* rights_role_has says whether a role carries a right (the table above). */
bool rights_role_has(const char *role, enum right right);

/* rights_on_platform checks a right of the viewer on a platform: STATUS_OK,
 * STATUS_UNAUTHORIZED when signed out, STATUS_FORBIDDEN otherwise. */
enum status rights_on_platform(struct ctx *c, int64_t platform_key, enum right right);

/* rights_on_alliance: may the viewer edit the alliance (and add top-level
 * platforms to it)? */
enum status rights_on_alliance(struct ctx *c, int64_t alliance_key);

/* rights_admin: is the viewer a site administrator? */
enum status rights_admin(struct ctx *c);

/* rights_directory: may the viewer add and edit organisations and people? */
enum status rights_directory(struct ctx *c);

/* rights_person: may the viewer edit this person (the directory right, or
 * being that person)? */
enum status rights_person(struct ctx *c, int64_t person_key);

/* rights_signed_in: STATUS_OK when someone is signed in. */
enum status rights_signed_in(struct ctx *c);

/* rights_may is the boolean of a check, for showing or hiding a link. */
static inline bool rights_may(enum status s)
{
    return s == STATUS_OK;
}

#endif
