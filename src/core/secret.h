/*
 * secret.h — random secrets (session, API and link tokens) and their hashes.
 * A secret is 256 random bits written as 43 characters of URL-safe base64; the
 * database keeps only its SHA-256, so a copy of the database opens nothing.
 */
#ifndef ALLIANCE_SECRET_H
#define ALLIANCE_SECRET_H

#include <stdbool.h>

#define SECRET_LEN      43 /* characters of a secret, without the terminator */
#define SECRET_HASH_LEN 64 /* hex characters of its hash */

/* secret_new writes a fresh secret into out (SECRET_LEN + 1 bytes). */
void secret_new(char out[SECRET_LEN + 1]);

/* secret_hash writes the hex SHA-256 of text into out (SECRET_HASH_LEN + 1). */
void secret_hash(const char *text, char out[SECRET_HASH_LEN + 1]);

/* secret_shaped says whether text has the shape of a secret (length and
 * alphabet), so that junk is refused before any lookup. */
bool secret_shaped(const char *text);

#endif
