/*
 * problem.h — how a function says what went wrong. Functions return an enum
 * status (0 is success). Validation collects problems: each names the field it
 * is about and carries a message a person can read (already translated); the
 * web shows each beside its field, the API answers the first one as
 * {"error":{"code","message","field"}}.
 */
#ifndef ALLIANCE_PROBLEM_H
#define ALLIANCE_PROBLEM_H

#include <stdbool.h>

enum status {
    STATUS_OK = 0,
    STATUS_INVALID,      /* the input is wrong: 400 */
    STATUS_UNAUTHORIZED, /* sign in first: 401 */
    STATUS_FORBIDDEN,    /* signed in, but not allowed: 403 */
    STATUS_NOT_FOUND,    /* no such record: 404 */
    STATUS_CONFLICT,     /* clashes with the data: 409 */
    STATUS_ERROR,        /* our fault (storage failed): 500 */
};

#define PROBLEMS_MAX 24

struct problem {
    enum status status;
    const char *field;   /* static field name, or NULL for the record as a whole */
    const char *message; /* translated text, static or owned by the request's arena */
};

struct problems {
    struct problem items[PROBLEMS_MAX];
    int count;
};

/* problems_add records a problem; past PROBLEMS_MAX the rest are dropped. */
void problems_add(struct problems *p, enum status status, const char *field, const char *message);

/* problems_invalid is problems_add with STATUS_INVALID, the common case. */
void problems_invalid(struct problems *p, const char *field, const char *message);

/* problems_for returns the message about field, or NULL. */
const char *problems_for(const struct problems *p, const char *field);

/* problems_status is the status of the first problem, or STATUS_OK when none. */
enum status problems_status(const struct problems *p);

/* status_code is the short machine-readable name of a status ("invalid", …). */
const char *status_code(enum status s);

/* status_http is the HTTP status code that answers a status. */
int status_http(enum status s);

#endif
