/*
 * field.c — see field.h.
 */
#include "domain/field.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"

#include <string.h>

void field_text(struct ctx *c, char **value, struct problems *p, const char *field,
                const char *label, size_t max, const char *if_empty)
{
    char *v = str_trim(c->arena, *value ? *value : "");
    *value = v;
    if (!str_utf8_valid(v, strlen(v))) {
        problems_invalid(
            p, field,
            arena_printf(c->arena, _("%s must be text without control characters"), label));
        return;
    }
    if (*v == '\0') {
        if (if_empty)
            problems_invalid(p, field, if_empty);
        return;
    }
    if (str_utf8_length(v) > max)
        problems_invalid(
            p, field, arena_printf(c->arena, _("%s must be %zu characters or fewer"), label, max));
}
