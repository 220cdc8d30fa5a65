/*
 * secret.c — see secret.h.
 */
#include "core/secret.h"

#include <sodium.h>
#include <string.h>

void secret_new(char out[SECRET_LEN + 1])
{
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    sodium_bin2base64(out, SECRET_LEN + 1, raw, sizeof raw,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    sodium_memzero(raw, sizeof raw);
}

void secret_hash(const char *text, char out[SECRET_HASH_LEN + 1])
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, (const unsigned char *)text, strlen(text));
    sodium_bin2hex(out, SECRET_HASH_LEN + 1, digest, sizeof digest);
}

bool secret_shaped(const char *text)
{
    if (!text || strlen(text) != SECRET_LEN)
        return false;
    for (const char *p = text; *p; p++) {
        char ch = *p;
        bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                  (ch >= '0' && ch <= '9') || ch == '-' || ch == '_';
        if (!ok)
            return false;
    }
    return true;
}
