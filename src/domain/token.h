/*
 * token.h — API tokens: secrets a person makes on their account page (or an
 * administrator with `alliance token add`) for scripts, sent as
 * "Authorization: Bearer …", acting with the rights of the account. Stored as
 * SHA-256 only; shown once; revocable.
 */
#ifndef ALLIANCE_TOKEN_H
#define ALLIANCE_TOKEN_H

#include "core/problem.h"
#include "core/secret.h"
#include "domain/account.h"
#include "domain/context.h"

#include <stdint.h>

struct api_token {
    int64_t key;
    char *id;
    int64_t account_key;
    char *label;
    char *created_at;
    char *used_at;    /* NULL when never used */
    char *revoked_at; /* NULL while it works */
};

struct api_token_list {
    struct api_token *items;
    int count;
    int64_t total;
};

/* token_create makes a token for the account; secret receives it (shown once).
 * Problems name "label". */
enum status token_create(struct ctx *c, const struct account *a, const char *label,
                         char secret[SECRET_LEN + 1], struct api_token **out, struct problems *p);

/* token_list lists the tokens of an account, newest first (revoked ones too). */
enum status token_list(struct ctx *c, int64_t account_key, struct api_token_list *out);

/* token_revoke revokes a token of the account; STATUS_NOT_FOUND if it has no
 * such token. */
enum status token_revoke(struct ctx *c, int64_t account_key, const char *id);

/* token_resume finds the account of a bearer secret and fills the viewer;
 * STATUS_NOT_FOUND for an unknown or revoked token. */
enum status token_resume(struct ctx *c, const char *secret, struct viewer *viewer);

#endif
