/*
 * account.c — accounts, passwords and single-use links (see account.h).
 * Passwords are hashed with argon2id (libsodium's crypto_pwhash_str_alg) at
 * 2 passes over 19 MiB, the OWASP recommendation: about 30 ms on one core,
 * little enough memory that a small server can run two at once.
 */
#include "domain/account.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/audit.h"
#include "domain/person.h"
#include "domain/rights.h"
#include "store/store.h"

#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define HASH_OPSLIMIT 2
#define HASH_MEMLIMIT (19u * 1024 * 1024)

enum status account_find(struct ctx *c, const char *id, struct account **out)
{
    return str_empty(id) ? STATUS_NOT_FOUND : store_account_get(c, id, out);
}

enum status account_find_by_email(struct ctx *c, const char *email, struct account **out)
{
    if (str_empty(email))
        return STATUS_NOT_FOUND;
    char *lower = str_trim(c->arena, str_lower_ascii(c->arena, email));
    return store_account_by_email(c, lower, out);
}

enum status account_find_by_person(struct ctx *c, int64_t person_key, struct account **out)
{
    return store_account_by_person(c, person_key, out);
}

enum status account_list(struct ctx *c, const struct listing *l, struct account_list *out)
{
    enum status s = rights_admin(c);
    return s == STATUS_OK ? store_account_list(c, l, out) : s;
}

/* account_audit records a change to an account: never the hash itself. */
static enum status account_audit(struct ctx *c, const char *action, const struct account *a,
                                 bool admin_before, bool password_changed)
{
    struct audit_draft d;
    audit_begin(&d, action, "account", a->id, a->name, 0, 0);
    if (admin_before != a->admin || str_eq(action, "create"))
        audit_text(&d, "admin",
                   str_eq(action, "create") ? NULL
                   : admin_before           ? "yes"
                                            : "no",
                   a->admin ? "yes" : "no");
    if (password_changed)
        audit_secret(&d, "password");
    return audit_save(c, &d);
}

enum status account_create(struct ctx *c, const char *email, const char *name, bool admin,
                           struct account **out, struct problems *p)
{
    enum status s = admin ? rights_admin(c) : rights_directory(c);
    if (s != STATUS_OK)
        return s;
    char *lower = str_trim(c->arena, str_lower_ascii(c->arena, email ? email : ""));
    if (!str_is_email(lower)) {
        problems_invalid(p, "email",
                         _("Enter an email address in the right format, like name@example.org"));
        return STATUS_INVALID;
    }
    struct account *existing;
    if (store_account_by_email(c, lower, &existing) == STATUS_OK) {
        problems_add(p, STATUS_CONFLICT, "email", _("This email address already has an account"));
        return STATUS_CONFLICT;
    }
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    /* The person may exist already, without an account: find them by email. */
    int64_t person_key = store_person_key_by_email(c, lower);
    if (!person_key) {
        struct person fresh = {.name = (char *)name, .email = lower};
        s = person_create(c, &fresh, p);
        if (s != STATUS_OK)
            return store_end(c, s);
        person_key = fresh.key;
    }
    struct account *a = arena_alloc(c->arena, sizeof *a);
    a->person_key = person_key;
    a->admin = admin;
    s = store_account_insert(c, a);
    if (s == STATUS_OK)
        s = store_account_get(c, a->id, &a);
    if (s == STATUS_OK)
        s = account_audit(c, "create", a, false, false);
    s = store_end(c, s);
    if (s == STATUS_OK)
        *out = a;
    return s;
}

void account_password_problems(const char *password, const char *confirm, struct problems *p)
{
    size_t n = password ? str_utf8_length(password) : 0;
    if (!password || !str_utf8_valid(password, strlen(password)))
        problems_invalid(p, "password", _("Enter a password"));
    else if (n < PASSWORD_MIN)
        problems_invalid(p, "password", _("The password must be at least 10 characters long"));
    else if (n > PASSWORD_MAX)
        problems_invalid(p, "password", _("The password must be 200 characters or fewer"));
    else if (confirm && strcmp(password, confirm) != 0)
        problems_invalid(p, "confirm", _("Type the same password twice"));
}

bool account_hash(const char *password, char out[ACCOUNT_HASH_SIZE])
{
    _Static_assert(ACCOUNT_HASH_SIZE >= crypto_pwhash_STRBYTES, "hash buffer too small");
    return crypto_pwhash_str_alg(out, password, strlen(password), HASH_OPSLIMIT, HASH_MEMLIMIT,
                                 crypto_pwhash_ALG_ARGON2ID13) == 0;
}

enum status account_store_password(struct ctx *c, struct account *a, const char *hash)
{
    enum status s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    a->password_hash = (char *)hash;
    s = store_account_update(c, a);
    if (s == STATUS_OK)
        s = store_account_sessions_end(c, a->key);
    if (s == STATUS_OK)
        s = account_audit(c, "update", a, a->admin, true);
    return store_end(c, s);
}

enum status account_set_password(struct ctx *c, struct account *a, const char *password,
                                 struct problems *p)
{
    account_password_problems(password, NULL, p);
    if (p->count)
        return STATUS_INVALID;
    char *hash = arena_alloc(c->arena, ACCOUNT_HASH_SIZE);
    if (!account_hash(password, hash))
        return STATUS_ERROR;
    return account_store_password(c, a, hash);
}

/* A real argon2id hash of nothing in particular, made once: checked when there
 * is no account, so that an unknown email costs the same time as a wrong
 * password. (An invalid hash string would fail at once and tell.) */
static char dummy_hash[crypto_pwhash_STRBYTES];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void dummy_make(void)
{
    unsigned char noise[16];
    randombytes_buf(noise, sizeof noise);
    if (crypto_pwhash_str_alg(dummy_hash, (const char *)noise, sizeof noise, HASH_OPSLIMIT,
                              HASH_MEMLIMIT, crypto_pwhash_ALG_ARGON2ID13) != 0)
        abort();
}

bool account_password_check(const struct account *a, const char *password)
{
    pthread_once(&dummy_once, dummy_make);
    const char *hash = a && a->password_hash ? a->password_hash : dummy_hash;
    bool ok = crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
    return ok && a && a->password_hash;
}

enum status account_set_admin(struct ctx *c, struct account *a, bool admin)
{
    enum status s = rights_admin(c);
    if (s != STATUS_OK)
        return s;
    bool before = a->admin;
    a->admin = admin;
    s = store_begin(c);
    if (s == STATUS_OK) {
        s = store_account_update(c, a);
        if (s == STATUS_OK)
            s = account_audit(c, "update", a, before, false);
        s = store_end(c, s);
    }
    return s;
}

enum status account_signed_in(struct ctx *c, struct account *a)
{
    char now[32];
    clock_now_iso(now, sizeof now);
    a->signed_in_at = arena_strdup(c->arena, now);
    enum status s = store_begin(c);
    if (s == STATUS_OK)
        s = store_end(c, store_account_update(c, a));
    return s;
}

enum status account_link_create(struct ctx *c, struct account *a, enum link_purpose purpose,
                                int64_t platform_key, char secret[SECRET_LEN + 1])
{
    char hash[SECRET_HASH_LEN + 1], expires[32];
    secret_new(secret);
    secret_hash(secret, hash);
    int days = purpose == LINK_INVITATION ? 14 : 3;
    clock_format_iso(time(NULL) + (time_t)days * 24 * 3600, expires, sizeof expires);
    enum status s = store_begin(c);
    if (s == STATUS_OK)
        s = store_end(c, store_account_link_insert(
                             c, a->key, purpose == LINK_INVITATION ? "invitation" : "password",
                             platform_key, hash, expires));
    return s;
}

enum status account_link_find(struct ctx *c, const char *secret, struct account_link **out)
{
    if (!secret_shaped(secret))
        return STATUS_NOT_FOUND;
    char hash[SECRET_HASH_LEN + 1];
    secret_hash(secret, hash);
    return store_account_link_get(c, hash, out);
}

enum status account_link_redeem(struct ctx *c, struct account_link *link, const char *hash)
{
    enum status s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = store_account_link_use(c, link->key);
    if (s == STATUS_OK)
        s = account_store_password(c, link->account, hash);
    return store_end(c, s);
}
