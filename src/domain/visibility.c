/*
 * visibility.c — see visibility.h. The SQL form of these rules is in
 * store/row.h (ROW_VISIBLE_ALLIANCE, ROW_VISIBLE_PERSON, ROW_EMAIL_OF); the
 * two must say the same, and the visibility matrix test checks that they do.
 */
#include "domain/visibility.h"

#include "core/str.h"
#include "store/store.h"

struct visibility_filter visibility_filter(const struct ctx *c)
{
    struct visibility_filter f = {.everything = c->viewer->admin,
                                  .person_key = c->viewer->person_key};
    return f;
}

static const char *const names[] = {"platform", "alliance", "public"};

const char *visibility_name(enum visibility v)
{
    return names[v];
}

int visibility_parse(const char *name)
{
    for (int i = 0; i < 3; i++)
        if (str_eq(name, names[i]))
            return i;
    return -1;
}

bool visibility_alliance_readable(struct ctx *c, int64_t alliance_key, const char *visibility)
{
    if (c->viewer->admin || str_eq(visibility, "public"))
        return true;
    return c->viewer->person_key &&
           store_member_of_alliance(c, alliance_key, c->viewer->person_key);
}

bool visibility_item_readable(struct ctx *c, int64_t alliance_key, const char *alliance_visibility,
                              int64_t platform_key, enum visibility level)
{
    if (c->viewer->admin)
        return true;
    if (!visibility_alliance_readable(c, alliance_key, alliance_visibility))
        return false;
    switch (level) {
    case VISIBILITY_PUBLIC:
        return true;
    case VISIBILITY_ALLIANCE:
        return c->viewer->person_key &&
               store_member_of_alliance(c, alliance_key, c->viewer->person_key);
    case VISIBILITY_PLATFORM:
        break;
    }
    return c->viewer->person_key &&
           store_role_on_platform(c, platform_key, c->viewer->person_key) != NULL;
}

bool visibility_email_readable(struct ctx *c, int64_t person_key)
{
    if (c->viewer->admin || (c->viewer->person_key && c->viewer->person_key == person_key))
        return true;
    return c->viewer->person_key && store_shares_alliance(c, person_key, c->viewer->person_key);
}
