/*
 * rights.c — the rights table (see rights.h) and the checks that consult it.
 */
#include "domain/rights.h"

#include "core/str.h"
#include "store/store.h"

static const struct {
    const char *role;
    unsigned rights; /* bit i: right i */
} table[] = {
#define R(x) (1u << (x))
    {"convenor", R(RIGHT_EDIT_PLATFORM) | R(RIGHT_MANAGE_MEMBERS) | R(RIGHT_WRITE_ITEMS) |
                     R(RIGHT_PUBLISH_ITEMS) | R(RIGHT_SHARE_ITEMS) | R(RIGHT_RESPOND_SHARES) |
                     R(RIGHT_MODERATE) | R(RIGHT_FACILITATE) | R(RIGHT_ADD_CHILD) |
                     R(RIGHT_LINK_PEERS) | R(RIGHT_SET_AGENDA) | R(RIGHT_READ_AUDIT) |
                     R(RIGHT_READ_SHARES)},
    {"facilitator", R(RIGHT_EDIT_PLATFORM) | R(RIGHT_WRITE_ITEMS) | R(RIGHT_PUBLISH_ITEMS) |
                        R(RIGHT_SHARE_ITEMS) | R(RIGHT_RESPOND_SHARES) | R(RIGHT_MODERATE) |
                        R(RIGHT_FACILITATE) | R(RIGHT_LINK_PEERS) | R(RIGHT_SET_AGENDA) |
                        R(RIGHT_READ_AUDIT) | R(RIGHT_READ_SHARES)},
    {"documenter", R(RIGHT_WRITE_ITEMS) | R(RIGHT_PUBLISH_ITEMS) | R(RIGHT_SHARE_ITEMS) |
                       R(RIGHT_RESPOND_SHARES) | R(RIGHT_READ_AUDIT) | R(RIGHT_READ_SHARES)},
    {"member", R(RIGHT_WRITE_ITEMS) | R(RIGHT_READ_AUDIT) | R(RIGHT_READ_SHARES)},
    {"observer", R(RIGHT_READ_AUDIT) | R(RIGHT_READ_SHARES)},
#undef R
};

bool rights_role_has(const char *role, enum right right)
{
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (str_eq(role, table[i].role))
            return (table[i].rights >> right) & 1u;
    return false;
}

enum status rights_signed_in(struct ctx *c)
{
    return c->viewer->account_key || c->viewer->admin ? STATUS_OK : STATUS_UNAUTHORIZED;
}

enum status rights_admin(struct ctx *c)
{
    if (c->viewer->admin)
        return STATUS_OK;
    return c->viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED;
}

enum status rights_on_platform(struct ctx *c, int64_t platform_key, enum right right)
{
    enum status s = rights_admin(c);
    if (s != STATUS_FORBIDDEN)
        return s;
    const char *role = store_role_on_platform(c, platform_key, c->viewer->person_key);
    return rights_role_has(role, right) ? STATUS_OK : STATUS_FORBIDDEN;
}

enum status rights_on_alliance(struct ctx *c, int64_t alliance_key)
{
    enum status s = rights_admin(c);
    if (s != STATUS_FORBIDDEN)
        return s;
    return store_convenes_top(c, alliance_key, c->viewer->person_key) ? STATUS_OK
                                                                      : STATUS_FORBIDDEN;
}

enum status rights_directory(struct ctx *c)
{
    enum status s = rights_admin(c);
    if (s != STATUS_FORBIDDEN)
        return s;
    return store_convenes_anywhere(c, c->viewer->person_key) ? STATUS_OK : STATUS_FORBIDDEN;
}

enum status rights_person(struct ctx *c, int64_t person_key)
{
    if (c->viewer->person_key && c->viewer->person_key == person_key)
        return STATUS_OK;
    return rights_directory(c);
}
