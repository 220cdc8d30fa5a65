/*
 * item.c — see item.h.
 */
#include "domain/item.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/str.h"
#include "domain/discussion.h"
#include "domain/rights.h"
#include "domain/search.h"
#include "domain/share.h"

bool item_may_edit(struct ctx *c, int64_t platform_key, int64_t author_key)
{
    if (rights_may(rights_on_platform(c, platform_key, RIGHT_PUBLISH_ITEMS)))
        return true;
    return author_key && author_key == c->viewer->person_key &&
           rights_may(rights_on_platform(c, platform_key, RIGHT_WRITE_ITEMS));
}

enum status item_edit_rights(struct ctx *c, int64_t platform_key, int64_t author_key)
{
    if (item_may_edit(c, platform_key, author_key))
        return STATUS_OK;
    return c->viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED;
}

enum status item_publish_rights(struct ctx *c, int64_t platform_key, const char *status)
{
    return str_eq(status, "published") ? rights_on_platform(c, platform_key, RIGHT_PUBLISH_ITEMS)
                                       : STATUS_OK;
}

char *item_published_at(struct ctx *c, const char *status, char *before)
{
    if (!str_eq(status, "published"))
        return NULL;
    if (before)
        return before;
    char now[32];
    clock_now_iso(now, sizeof now);
    return arena_strdup(c->arena, now);
}

enum status item_retire(struct ctx *c, const char *kind, int64_t key)
{
    enum status s = search_retire(c, kind, key);
    if (s == STATUS_OK)
        s = share_item_deleted(c, kind, key);
    if (s == STATUS_OK)
        s = discussion_item_deleted(c, kind, key);
    return s;
}
