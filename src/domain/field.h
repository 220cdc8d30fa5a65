/*
 * field.h — checks shared by the domain modules' validation: trimmed text of a
 * bounded length, required or not, well-formed UTF-8.
 */
#ifndef ALLIANCE_FIELD_H
#define ALLIANCE_FIELD_H

#include "core/problem.h"
#include "domain/context.h"

#include <stddef.h>

/* field_text trims *value in place (an arena copy; NULL becomes ""), then
 * records a problem against field when it is empty and if_empty is not NULL
 * (the message), when it is not valid UTF-8, or when it is longer than max
 * characters. label names the field in the length message ("Name"). */
void field_text(struct ctx *c, char **value, struct problems *p, const char *field,
                const char *label, size_t max, const char *if_empty);

#endif
