/*
 * feed.c — see feed.h. A feed is read from the search index (every knowledge
 * item with its visibility facts); a new kind of item joins the feeds when
 * it joins the index and store/feed.c's list of kinds. Private feed addresses follow API tokens
 * (token.c): a secret from secret.h, its SHA-256 in the database, shown once, revocable, each
 * creation and revocation in the audit trail without the secret.
 */
#include "domain/feed.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/audit.h"
#include "domain/platform.h"
#include "domain/session.h"
#include "store/feed.h"
#include "store/store.h"

#include <string.h>
#include <time.h>

const char *feed_item_path(const char *kind)
{
    if (str_eq(kind, "entry"))
        return "/entries/";
    if (str_eq(kind, "document"))
        return "/documents/";
    if (str_eq(kind, "enquiry"))
        return "/enquiries/";
    if (str_eq(kind, "event"))
        return "/events/";
    return "/lessons/";
}

char *feed_excerpt(struct ctx *c, const char *text, size_t chars)
{
    size_t n = text ? strlen(text) : 0, w = 0;
    char *folded = arena_alloc(c->arena, n + 1);
    bool space = false;
    for (size_t i = 0; i < n; i++) {
        char ch = text[i];
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
            space = w > 0;
            continue;
        }
        if (space)
            folded[w++] = ' ';
        space = false;
        folded[w++] = ch;
    }
    folded[w] = '\0';
    return (char *)str_shorten(c->arena, folded, chars);
}

/* instant_or keeps an ISO 8601 instant as it is, or gives the start of the
 * day instead when it is not one (a feed's dates must be RFC 3339). */
static char *instant_or(struct ctx *c, char *iso, const char *day)
{
    time_t t;
    if (iso && clock_parse_iso(iso, &t) == 0)
        return iso;
    if (clock_date_valid(day))
        return arena_printf(c->arena, "%sT00:00:00Z", day);
    return "1970-01-01T00:00:00Z";
}

enum status feed_read(struct ctx *c, const char *platform_id, struct feed *out)
{
    memset(out, 0, sizeof *out);
    if (platform_id) {
        enum status s = platform_find(c, platform_id, &out->platform);
        if (s != STATUS_OK)
            return s;
    }
    enum status s =
        store_feed_items(c, out->platform ? out->platform->key : 0, FEED_ITEMS_MAX, out);
    if (s != STATUS_OK)
        return s;
    for (int i = 0; i < out->count; i++) {
        struct feed_item *it = &out->items[i];
        it->summary = feed_excerpt(c, it->summary, FEED_SUMMARY_CHARS);
        it->published_at = instant_or(c, it->published_at, it->happened_on);
        it->updated_at = instant_or(c, it->updated_at, it->happened_on);
        if (strcmp(it->updated_at, it->published_at) < 0)
            it->updated_at = it->published_at; /* RFC 4287: never updated before published */
        if (!out->updated || strcmp(it->updated_at, out->updated) > 0)
            out->updated = it->updated_at;
    }
    return STATUS_OK;
}

/* owner_only: an account's addresses are its own (and an administrator's). */
static enum status owner_only(struct ctx *c, int64_t account_key)
{
    if (c->viewer->admin || (c->viewer->account_key && c->viewer->account_key == account_key))
        return STATUS_OK;
    return c->viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED;
}

enum status feed_token_create(struct ctx *c, const struct account *a, const char *scope,
                              char secret[SECRET_LEN + 1], struct feed_token **out,
                              struct problems *p)
{
    enum status s = owner_only(c, a->key);
    if (s != STATUS_OK)
        return s;
    struct feed_token *t = arena_alloc(c->arena, sizeof *t);
    t->account_key = a->key;
    struct platform *pl = NULL;
    if (str_empty(scope)) {
        problems_invalid(p, "platform", _("Choose a feed: one platform's, or every feed"));
        return STATUS_INVALID;
    }
    if (!str_eq(scope, FEED_EVERY)) {
        if (platform_find(c, scope, &pl) != STATUS_OK) {
            problems_invalid(p, "platform", _("Choose a platform you may read, or every feed"));
            return STATUS_INVALID;
        }
        t->platform_key = pl->key;
        t->platform_id = pl->id;
        t->platform_name = pl->name;
    }
    char hash[SECRET_HASH_LEN + 1];
    secret_new(secret);
    secret_hash(secret, hash);
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = store_feed_token_insert(c, t, hash);
    if (s == STATUS_OK) {
        struct audit_draft d;
        audit_begin(&d, "create", "feed_token", t->id, pl ? pl->name : _("Every feed"), 0, 0);
        audit_text(&d, "account", NULL, a->name);
        audit_text(&d, "platform", NULL, pl ? pl->name : _("Every feed"));
        s = audit_save(c, &d);
    }
    s = store_end(c, s);
    if (s == STATUS_OK)
        *out = t;
    return s;
}

/* name_platform fills the name of an address's platform, when the viewer may
 * still read it. */
static void name_platform(struct ctx *c, struct feed_token *t)
{
    struct platform *pl;
    if (t->platform_id && platform_find(c, t->platform_id, &pl) == STATUS_OK)
        t->platform_name = pl->name;
}

enum status feed_token_list(struct ctx *c, int64_t account_key, struct feed_token_list *out)
{
    enum status s = owner_only(c, account_key);
    if (s == STATUS_OK)
        s = store_feed_token_list(c, account_key, out);
    for (int i = 0; s == STATUS_OK && i < out->count; i++)
        name_platform(c, &out->items[i]);
    return s;
}

enum status feed_token_find(struct ctx *c, int64_t account_key, const char *id,
                            struct feed_token **out)
{
    enum status s = owner_only(c, account_key);
    if (s == STATUS_OK)
        s = str_empty(id) ? STATUS_NOT_FOUND : store_feed_token_get(c, account_key, id, out);
    if (s == STATUS_OK)
        name_platform(c, *out);
    return s;
}

enum status feed_token_revoke(struct ctx *c, int64_t account_key, const char *id)
{
    enum status s = owner_only(c, account_key);
    if (s != STATUS_OK)
        return s;
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = store_feed_token_revoke(c, account_key, id);
    if (s == STATUS_OK) {
        struct audit_draft d;
        audit_begin(&d, "update", "feed_token", id, "", 0, 0);
        audit_text(&d, "revoked", "no", "yes");
        s = audit_save(c, &d);
    }
    return store_end(c, s);
}

enum status feed_token_resume(struct ctx *c, const char *secret, const char *platform_id,
                              struct viewer *reader, const char **token_id)
{
    if (!secret_shaped(secret))
        return STATUS_NOT_FOUND;
    char hash[SECRET_HASH_LEN + 1];
    secret_hash(secret, hash);
    struct feed_token *t;
    enum status s = store_feed_token_by_hash(c, hash, &t);
    if (s != STATUS_OK)
        return s;
    if (t->platform_key && !(platform_id && str_eq(t->platform_id, platform_id)))
        return STATUS_NOT_FOUND; /* an address for one platform reads that platform's feed only */
    struct account *a;
    s = store_account_by_key(c, t->account_key, &a);
    if (s != STATUS_OK)
        return s;
    /* The day it was last read, written once a day: every write makes every
     * kept answer stale (cache.h), and feed readers ask often. */
    char now[32];
    clock_now_iso(now, sizeof now);
    if (!t->used_at || strncmp(t->used_at, now, 10) != 0) {
        /* Bookkeeping: only the account's own page of addresses shows it, and
         * a page with a form is never kept (cache.h). */
        if (store_begin_bookkeeping(c) == STATUS_OK)
            store_end(c, store_feed_token_touch(c, t->key, now));
    }
    viewer_of_account(c, a, reader);
    *token_id = t->id;
    return STATUS_OK;
}
