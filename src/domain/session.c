/*
 * session.c — see session.h.
 */
#include "domain/session.h"

#include "core/arena.h"
#include "core/clock.h"
#include "store/store.h"

#include <time.h>

void viewer_of_account(struct ctx *c, const struct account *a, struct viewer *v)
{
    v->account_key = a->key;
    v->account_id = arena_strdup(c->arena, a->id);
    v->person_key = a->person_key;
    v->person_id = arena_strdup(c->arena, a->person_id);
    v->name = arena_strdup(c->arena, a->name);
    v->admin = a->admin;
}

enum status session_start(struct ctx *c, const struct account *a,
                          const struct session_limits *limits, char secret[SECRET_LEN + 1],
                          struct session **out)
{
    char hash[SECRET_HASH_LEN + 1], now[32], expires[32];
    time_t t = time(NULL);
    clock_format_iso(t, now, sizeof now);
    clock_format_iso(t + limits->absolute_seconds, expires, sizeof expires);
    secret_new(secret);
    secret_hash(secret, hash);
    struct session *s = arena_alloc(c->arena, sizeof *s);
    s->account_key = a->key;
    s->csrf_token = arena_alloc(c->arena, SECRET_LEN + 1);
    secret_new(s->csrf_token);
    s->created_at = s->seen_at = arena_strdup(c->arena, now);
    s->expires_at = arena_strdup(c->arena, expires);
    enum status st = store_begin(c);
    if (st == STATUS_OK)
        st = store_end(c, store_session_insert(c, s, hash));
    if (st == STATUS_OK)
        *out = s;
    return st;
}

enum status session_resume(struct ctx *c, const char *secret, const struct session_limits *limits,
                           struct session **out, struct viewer *viewer)
{
    if (!secret_shaped(secret))
        return STATUS_NOT_FOUND;
    char hash[SECRET_HASH_LEN + 1];
    secret_hash(secret, hash);
    struct session *s;
    enum status st = store_session_get(c, hash, &s);
    if (st != STATUS_OK)
        return st;
    time_t now = time(NULL), seen, expires;
    if (clock_parse_iso(s->seen_at, &seen) != 0 || clock_parse_iso(s->expires_at, &expires) != 0 ||
        now >= expires || now - seen >= limits->idle_seconds) {
        if (store_begin(c) == STATUS_OK)
            store_end(c, store_session_delete(c, hash));
        return STATUS_NOT_FOUND;
    }
    struct account *a;
    st = store_account_by_key(c, s->account_key, &a);
    if (st != STATUS_OK)
        return st;
    /* The last-seen time moves at most once a minute: no write per request;
     * bookkeeping, which leaves kept figures and answers as they are. */
    if (now - seen >= 60) {
        char when[32];
        clock_format_iso(now, when, sizeof when);
        if (store_begin_bookkeeping(c) == STATUS_OK)
            store_end(c, store_session_touch(c, s->key, when));
    }
    viewer_of_account(c, a, viewer);
    *out = s;
    return STATUS_OK;
}

enum status session_end(struct ctx *c, const char *secret)
{
    if (!secret_shaped(secret))
        return STATUS_NOT_FOUND;
    char hash[SECRET_HASH_LEN + 1];
    secret_hash(secret, hash);
    enum status s = store_begin(c);
    if (s == STATUS_OK)
        s = store_end(c, store_session_delete(c, hash));
    return s;
}
