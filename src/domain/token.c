/*
 * token.c — see token.h.
 */
#include "domain/token.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "domain/audit.h"
#include "domain/field.h"
#include "domain/session.h"
#include "store/store.h"

#include <time.h>

enum status token_create(struct ctx *c, const struct account *a, const char *label,
                         char secret[SECRET_LEN + 1], struct api_token **out, struct problems *p)
{
    if (!c->viewer->admin && c->viewer->account_key != a->key)
        return c->viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED;
    struct api_token *t = arena_alloc(c->arena, sizeof *t);
    t->label = (char *)label;
    field_text(c, &t->label, p, "label", _("Label"), 100,
               _("Enter a label, such as the name of the script that will use the token"));
    if (p->count)
        return STATUS_INVALID;
    char hash[SECRET_HASH_LEN + 1];
    secret_new(secret);
    secret_hash(secret, hash);
    t->account_key = a->key;
    enum status s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = store_api_token_insert(c, t, hash);
    if (s == STATUS_OK) {
        struct audit_draft d;
        audit_begin(&d, "create", "api_token", t->id, t->label, 0, 0);
        audit_text(&d, "account", NULL, a->name);
        audit_text(&d, "label", NULL, t->label);
        s = audit_save(c, &d);
    }
    s = store_end(c, s);
    if (s == STATUS_OK)
        *out = t;
    return s;
}

enum status token_list(struct ctx *c, int64_t account_key, struct api_token_list *out)
{
    if (!c->viewer->admin && c->viewer->account_key != account_key)
        return c->viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED;
    return store_api_token_list(c, account_key, out);
}

enum status token_revoke(struct ctx *c, int64_t account_key, const char *id)
{
    if (!c->viewer->admin && c->viewer->account_key != account_key)
        return c->viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED;
    enum status s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = store_api_token_revoke(c, account_key, id);
    if (s == STATUS_OK) {
        struct audit_draft d;
        audit_begin(&d, "update", "api_token", id, "", 0, 0);
        audit_text(&d, "revoked", "no", "yes");
        s = audit_save(c, &d);
    }
    return store_end(c, s);
}

enum status token_resume(struct ctx *c, const char *secret, struct viewer *viewer)
{
    if (!secret_shaped(secret))
        return STATUS_NOT_FOUND;
    char hash[SECRET_HASH_LEN + 1];
    secret_hash(secret, hash);
    struct api_token *t;
    enum status s = store_api_token_by_hash(c, hash, &t);
    struct account *a;
    if (s == STATUS_OK)
        s = store_account_by_key(c, t->account_key, &a);
    if (s != STATUS_OK)
        return s;
    time_t now = time(NULL), used = 0;
    if (!t->used_at || clock_parse_iso(t->used_at, &used) != 0 || now - used >= 60) {
        char when[32];
        clock_format_iso(now, when, sizeof when);
        /* Bookkeeping: only the account's own page of tokens shows it, and a
         * page with a form is never kept (cache.h). */
        if (store_begin_bookkeeping(c) == STATUS_OK)
            store_end(c, store_api_token_touch(c, t->key, when));
    }
    viewer_of_account(c, a, viewer);
    return STATUS_OK;
}
