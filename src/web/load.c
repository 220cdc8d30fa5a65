/*
 * load.c — see load.h.
 */
#include "web/load.h"

#include "web/page.h"

/* loaded answers the error page when s is not STATUS_OK and passes record on.
 * (The find runs before the call: argument order in C is unspecified.) */
static void *loaded(struct request *r, enum status s, void *record)
{
    if (s == STATUS_OK)
        return record;
    page_fail(r, s);
    return NULL;
}

struct alliance *load_alliance(struct request *r, const char *id_or_slug)
{
    struct alliance *a = NULL;
    enum status s = alliance_find(&r->ctx, id_or_slug, &a);
    return loaded(r, s, a);
}

struct platform *load_platform(struct request *r, const char *id)
{
    struct platform *pl = NULL;
    enum status s = platform_find(&r->ctx, id, &pl);
    return loaded(r, s, pl);
}

struct organisation *load_organisation(struct request *r, const char *id)
{
    struct organisation *o = NULL;
    enum status s = organisation_find(&r->ctx, id, &o);
    return loaded(r, s, o);
}

struct person *load_person(struct request *r, const char *id)
{
    struct person *pe = NULL;
    enum status s = person_find(&r->ctx, id, &pe);
    return loaded(r, s, pe);
}

struct membership *load_membership(struct request *r, const char *id)
{
    struct membership *m = NULL;
    enum status s = membership_find(&r->ctx, id, &m);
    return loaded(r, s, m);
}

struct platform_link *load_platform_link(struct request *r, const char *id)
{
    struct platform_link *k = NULL;
    enum status s = platform_link_find(&r->ctx, id, &k);
    return loaded(r, s, k);
}
