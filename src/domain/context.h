/*
 * context.h — what every domain call works with: the database connection of
 * the calling thread, the arena that owns what the call returns, and the
 * viewer: who reads and who acts, which decides what they may see and do.
 */
#ifndef ALLIANCE_CONTEXT_H
#define ALLIANCE_CONTEXT_H

#include <stdbool.h>
#include <stdint.h>

struct db;
struct arena;

/* The person behind a request. Signed out: every key is 0. */
struct viewer {
    int64_t account_key;
    const char *account_id;
    int64_t person_key;
    const char *person_id;
    const char *name; /* the person's name, for the audit trail */
    bool admin;       /* a site administrator (and the command line) */
};

struct ctx {
    struct db *db;
    struct arena *arena;         /* owns every record and string a domain call returns */
    const struct viewer *viewer; /* never NULL */
};

/* The viewer of a request nobody signed in to. */
extern const struct viewer viewer_anonymous;

/* The viewer of the command line: the operator of the installation, with the
 * rights of an administrator, named as such in the audit trail. */
extern const struct viewer viewer_operator;

#endif
