/*
 * audit.h — the audit trail: every write records who, when, what record and
 * what changed (field names with old and new values; secrets are recorded as
 * changed, never with their values). An entry is saved in the transaction of
 * the change it records, so neither exists without the other.
 */
#ifndef ALLIANCE_AUDIT_H
#define ALLIANCE_AUDIT_H

#include "core/problem.h"
#include "domain/context.h"
#include "domain/listing.h"

#include <stdint.h>

#define AUDIT_CHANGES_MAX 24

struct audit_change {
    const char *field;
    const char *old_value; /* NULL: none (a create) */
    const char *new_value; /* NULL: none (a delete) */
};

struct audit_entry {
    int64_t key;
    char *id;
    char *at;
    char *actor_id;     /* account id, or NULL for the command line */
    char *actor_name;   /* NULL when the viewer may not read who it was */
    bool actor_unnamed; /* the entry is about an item whose author the viewer may not
                           know (shared without attribution): actor_id is NULL too */
    char *action;       /* "create", "update" or "delete" */
    char *kind;         /* "alliance", "platform", "membership", … */
    char *record_id;
    char *record_name;
    int64_t alliance_key;
    int64_t platform_key;
    char *platform_id; /* NULL when the entry has no platform */
    char *platform_name;
    struct audit_change *changes;
    int change_count;
};

struct audit_list {
    struct audit_entry *items;
    int count;
    int64_t total;
};

/* What audit_list returns; zero and NULL fields do not filter. */
struct audit_filter {
    int64_t platform_key;
    int64_t alliance_key;
    const char *kind;
    const char *action;
    const char *record_id;
    const char *actor_id;
    const char *since; /* ISO date or instant: entries at or after it */
};

/* An entry being assembled by a domain write. */
struct audit_draft {
    const char *action;
    const char *kind;
    const char *record_id;
    const char *record_name;
    int64_t alliance_key;
    int64_t platform_key;
    int64_t related_alliance_key; /* another alliance the entry names (a peer link's far end) */
    struct audit_change changes[AUDIT_CHANGES_MAX];
    int count;
};

/* audit_begin starts a draft. */
void audit_begin(struct audit_draft *d, const char *action, const char *kind, const char *record_id,
                 const char *record_name, int64_t alliance_key, int64_t platform_key);

/* audit_text records a field when its value changed (NULL and "" are equal). */
void audit_text(struct audit_draft *d, const char *field, const char *old_value,
                const char *new_value);

/* audit_int records a whole-number field when it changed. */
void audit_int(struct ctx *c, struct audit_draft *d, const char *field, int64_t old_value,
               int64_t new_value);

/* audit_secret records that a secret field changed, without its values. */
void audit_secret(struct audit_draft *d, const char *field);

/* audit_save stores the draft with the viewer as actor; an update that
 * changed nothing is not stored. Call it inside the change's transaction. */
enum status audit_save(struct ctx *c, const struct audit_draft *d);

/* audit_list returns a page of entries, newest first, with their changes. */
enum status audit_list(struct ctx *c, const struct audit_filter *f, const struct listing *l,
                       struct audit_list *out);

#endif
