/*
 * viewer.c — the two viewers that are not a signed-in person.
 */
#include "domain/context.h"

const struct viewer viewer_anonymous = {0};

const struct viewer viewer_operator = {.name = "command line", .admin = true};
