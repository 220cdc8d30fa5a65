/*
 * str.h — string helpers that every layer needs: UTF-8 validation at the edge,
 * strict number parsing (atoi is banned: it cannot report errors), trimming,
 * and the shapes of slugs and email addresses.
 */
#ifndef ALLIANCE_STR_H
#define ALLIANCE_STR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;

/* str_utf8_valid says whether the n bytes at s are well-formed UTF-8 with no NUL
 * and no C0 control other than tab, newline and carriage return. */
bool str_utf8_valid(const char *s, size_t n);

/* str_utf8_length counts the code points of valid UTF-8 text. */
size_t str_utf8_length(const char *s);

/* str_parse_int64 parses a whole decimal integer (optional sign, no spaces);
 * returns 0 and sets *out, or -1 when s is not exactly an integer in range. */
int str_parse_int64(const char *s, int64_t min, int64_t max, int64_t *out);

/* str_percent_decode decodes n bytes of URL-encoded s into the arena ('+'
 * is a space when plus_is_space). Returns NULL when an escape is broken or the
 * result is not valid UTF-8 text (see str_utf8_valid). */
char *str_percent_decode(struct arena *a, const char *s, size_t n, bool plus_is_space);

/* str_shorten returns text cut to at most chars characters (never inside
 * one), with "…" after it when cut (allocated in the arena); text as it is
 * when it fits. */
const char *str_shorten(struct arena *a, const char *text, size_t chars);

/* str_trim returns a copy of s without leading and trailing ASCII space,
 * allocated in the arena; NULL gives NULL. */
char *str_trim(struct arena *a, const char *s);

/* str_lower_ascii returns a copy of s with A–Z lowered, allocated in the arena. */
char *str_lower_ascii(struct arena *a, const char *s);

/* str_is_slug: 1 to 60 characters of a–z, 0–9 and inner single hyphens. */
bool str_is_slug(const char *s);

/* str_is_email: a plausible address (one @, a dot in the domain, no spaces),
 * at most 254 bytes. The only real test of an address is to write to it. */
bool str_is_email(const char *s);

/* str_is_http_url: starts with http:// or https:// and has a host, no spaces. */
bool str_is_http_url(const char *s);

/* str_empty: NULL or "". */
bool str_empty(const char *s);

/* str_eq: both NULL, or equal strings. */
bool str_eq(const char *a, const char *b);

/* str_starts_with: s begins with prefix. */
bool str_starts_with(const char *s, const char *prefix);

/* str_equal_const_time compares two strings in time that depends only on
 * their lengths, for secrets such as tokens. */
bool str_equal_const_time(const char *a, const char *b);

/* str_hash folds n bytes into h and returns it (64-bit FNV-1a): start from
 * STR_HASH_START. For keys of memos, not for secrets. */
#define STR_HASH_START 14695981039346656037u
uint64_t str_hash(uint64_t h, const void *bytes, size_t n);

#endif
