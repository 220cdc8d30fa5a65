/*
 * account.h — a person's account: what lets them sign in (a password hashed
 * with argon2id), whether they administer the site, and the single-use links
 * that set a password or accept an invitation to a platform. Every account
 * belongs to one person; the person's email address is the sign-in name.
 */
#ifndef ALLIANCE_ACCOUNT_H
#define ALLIANCE_ACCOUNT_H

#include "core/problem.h"
#include "core/secret.h"
#include "domain/context.h"
#include "domain/listing.h"

#include <stdbool.h>
#include <stdint.h>

#define PASSWORD_MIN 10 /* characters */
#define PASSWORD_MAX 200

struct account {
    int64_t key;
    char *id;
    int64_t person_key;
    char *person_id;
    char *name;
    char *email;
    char *password_hash; /* NULL until a password is set; never shown */
    bool admin;
    char *created_at;
    char *signed_in_at; /* NULL before the first sign-in */
};

struct account_list {
    struct account *items;
    int count;
    int64_t total;
};

enum link_purpose { LINK_PASSWORD, LINK_INVITATION };

/* A single-use link, found by its secret. */
struct account_link {
    int64_t key;
    struct account *account;
    enum link_purpose purpose;
    int64_t platform_key; /* the platform of an invitation, or 0 */
    char *platform_id;    /* its id, or NULL */
    char *expires_at;
};

/* account_create makes an account for the person with this email, creating
 * the person (with name) when there is none. Problems name "email" and
 * "name"; an email that already has an account is STATUS_CONFLICT. */
enum status account_create(struct ctx *c, const char *email, const char *name, bool admin,
                           struct account **out, struct problems *p);

/* account_find, account_find_by_email and account_find_by_person load one
 * account; STATUS_NOT_FOUND when there is none. */
enum status account_find(struct ctx *c, const char *id, struct account **out);
enum status account_find_by_email(struct ctx *c, const char *email, struct account **out);
enum status account_find_by_person(struct ctx *c, int64_t person_key, struct account **out);

/* account_list returns a page of accounts, by name (administrators only). */
enum status account_list(struct ctx *c, const struct listing *l, struct account_list *out);

/* account_password_check says whether password opens the account. With no
 * account (an unknown email) it still spends the time of a check, so that the
 * answer time does not tell which emails have accounts. It touches no
 * database, and takes tens of milliseconds: run it on a pool worker. */
bool account_password_check(const struct account *a, const char *password);

/* account_set_password checks a new password (PASSWORD_MIN to PASSWORD_MAX
 * characters; problems name "password") and stores its argon2id hash; every
 * session of the account ends. Hashing takes tens of milliseconds: call it
 * from a worker, not an event loop. */
enum status account_set_password(struct ctx *c, struct account *a, const char *password,
                                 struct problems *p);

#define ACCOUNT_HASH_SIZE 128 /* bytes of an encoded argon2id hash, terminator included */

/* account_hash hashes a password with argon2id into out; false when memory
 * ran out. It touches no database: run it on a pool worker. */
bool account_hash(const char *password, char out[ACCOUNT_HASH_SIZE]);

/* account_store_password stores a hash made by account_hash_password and ends
 * the account's sessions. */
enum status account_store_password(struct ctx *c, struct account *a, const char *hash);

/* account_password_problems checks the shape of a new password. */
void account_password_problems(const char *password, const char *confirm, struct problems *p);

/* account_set_admin grants or takes away the administration of the site. */
enum status account_set_admin(struct ctx *c, struct account *a, bool admin);

/* account_signed_in records the time of a successful sign-in. */
enum status account_signed_in(struct ctx *c, struct account *a);

/* account_link_create makes a single-use link for the account: a password
 * link lasts 3 days, an invitation 14. secret receives what goes in the
 * address (shown once, never stored). */
enum status account_link_create(struct ctx *c, struct account *a, enum link_purpose purpose,
                                int64_t platform_key, char secret[SECRET_LEN + 1]);

/* account_link_find loads an unused, unexpired link by its secret;
 * STATUS_NOT_FOUND otherwise. */
enum status account_link_find(struct ctx *c, const char *secret, struct account_link **out);

/* account_link_redeem spends the link and stores the password hash (made by
 * account_hash) in one transaction; STATUS_NOT_FOUND when the link was spent
 * meanwhile. */
enum status account_link_redeem(struct ctx *c, struct account_link *link, const char *hash);

#endif
