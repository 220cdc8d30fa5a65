/*
 * routes.h — the route table: every address the server answers, in one place.
 */
#ifndef ALLIANCE_ROUTES_H
#define ALLIANCE_ROUTES_H

#include "http/router.h"

#include <stddef.h>

extern const struct route routes[];
extern const size_t route_count;

#endif
