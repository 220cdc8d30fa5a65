/*
 * audit.c — see audit.h.
 */
#include "domain/audit.h"

#include "core/arena.h"
#include "core/str.h"
#include "store/store.h"

void audit_begin(struct audit_draft *d, const char *action, const char *kind, const char *record_id,
                 const char *record_name, int64_t alliance_key, int64_t platform_key)
{
    d->action = action;
    d->kind = kind;
    d->record_id = record_id;
    d->record_name = record_name;
    d->alliance_key = alliance_key;
    d->platform_key = platform_key;
    d->related_alliance_key = 0;
    d->count = 0;
}

static void audit_add(struct audit_draft *d, const char *field, const char *old_value,
                      const char *new_value)
{
    if (d->count < AUDIT_CHANGES_MAX) {
        d->changes[d->count].field = field;
        d->changes[d->count].old_value = old_value;
        d->changes[d->count].new_value = new_value;
        d->count++;
    }
}

void audit_text(struct audit_draft *d, const char *field, const char *old_value,
                const char *new_value)
{
    const char *a = old_value ? old_value : "", *b = new_value ? new_value : "";
    if (!str_eq(a, b))
        audit_add(d, field, old_value && *old_value ? old_value : NULL,
                  new_value && *new_value ? new_value : NULL);
}

void audit_int(struct ctx *c, struct audit_draft *d, const char *field, int64_t old_value,
               int64_t new_value)
{
    if (old_value != new_value)
        audit_add(d, field, arena_printf(c->arena, "%lld", (long long)old_value),
                  arena_printf(c->arena, "%lld", (long long)new_value));
}

void audit_secret(struct audit_draft *d, const char *field)
{
    audit_add(d, field, NULL, NULL);
}

enum status audit_save(struct ctx *c, const struct audit_draft *d)
{
    if (str_eq(d->action, "update") && d->count == 0)
        return STATUS_OK;
    return store_audit_insert(c, d);
}

enum status audit_list(struct ctx *c, const struct audit_filter *f, const struct listing *l,
                       struct audit_list *out)
{
    return store_audit_list(c, f, l, out);
}
