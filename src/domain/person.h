/*
 * person.h — a person who takes part in an alliance: name, optional email
 * (unique, stored in lower case), optional gender and marginalised group (for
 * social inclusion figures), optional organisation.
 */
#ifndef ALLIANCE_PERSON_H
#define ALLIANCE_PERSON_H

#include "core/problem.h"
#include "domain/context.h"
#include "domain/listing.h"

#include <stdint.h>

#define PERSON_GENDER_COUNT 3

struct person {
    int64_t key;
    char *id;
    char *name;
    char *email;  /* NULL when none */
    char *gender; /* "", or one of person_gender_name() */
    char *marginalised_group;
    int64_t organisation_key;
    char *organisation_id; /* NULL when none */
    char *organisation_name;
    char *created_at;
    char *updated_at;
    /* Derived. */
    int64_t membership_count;
};

struct person_list {
    struct person *items;
    int count;
    int64_t total;
};

/* person_gender_name is the machine name of the i-th gender choice. */
const char *person_gender_name(int i);

/* person_gender_label is the translated label of a gender name ("" gives ""). */
const char *person_gender_label(const char *gender);

/* person_find loads one person by id, with the organisation's name. */
enum status person_find(struct ctx *c, const char *id, struct person **out);

/* person_list returns a page. organisation_key (or 0) filters; sort keys:
 * name (default), organisation, created. */
enum status person_list(struct ctx *c, int64_t organisation_key, const struct listing *l,
                        struct person_list *out);

/* person_create validates and stores a new person. */
enum status person_create(struct ctx *c, struct person *pe, struct problems *p);

/* person_update validates and stores an edited person. */
enum status person_update(struct ctx *c, struct person *pe, struct problems *p);

/* person_delete removes a person and their memberships, with tombstones. */
enum status person_delete(struct ctx *c, struct person *pe);

#endif
