/*
 * problem.c — see problem.h.
 */
#include "core/problem.h"

#include "core/str.h"

void problems_add(struct problems *p, enum status status, const char *field, const char *message)
{
    if (p->count >= PROBLEMS_MAX)
        return;
    p->items[p->count].status = status;
    p->items[p->count].field = field;
    p->items[p->count].message = message;
    p->count++;
}

void problems_invalid(struct problems *p, const char *field, const char *message)
{
    problems_add(p, STATUS_INVALID, field, message);
}

const char *problems_for(const struct problems *p, const char *field)
{
    for (int i = 0; i < p->count; i++)
        if (str_eq(p->items[i].field, field))
            return p->items[i].message;
    return NULL;
}

enum status problems_status(const struct problems *p)
{
    return p->count ? p->items[0].status : STATUS_OK;
}

const char *status_code(enum status s)
{
    switch (s) {
    case STATUS_OK:
        return "ok";
    case STATUS_INVALID:
        return "invalid";
    case STATUS_UNAUTHORIZED:
        return "unauthorized";
    case STATUS_FORBIDDEN:
        return "forbidden";
    case STATUS_NOT_FOUND:
        return "not_found";
    case STATUS_CONFLICT:
        return "conflict";
    case STATUS_ERROR:
        break;
    }
    return "internal";
}

int status_http(enum status s)
{
    switch (s) {
    case STATUS_OK:
        return 200;
    case STATUS_INVALID:
        return 400;
    case STATUS_UNAUTHORIZED:
        return 401;
    case STATUS_FORBIDDEN:
        return 403;
    case STATUS_NOT_FOUND:
        return 404;
    case STATUS_CONFLICT:
        return 409;
    case STATUS_ERROR:
        break;
    }
    return 500;
}
