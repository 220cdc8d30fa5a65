/*
 * organisation.h — a partner or stakeholder organisation: a ministry, a
 * district assembly, an NGO, a driller, a university, a community body, a donor.
 */
#ifndef ALLIANCE_ORGANISATION_H
#define ALLIANCE_ORGANISATION_H

#include "core/problem.h"
#include "domain/context.h"
#include "domain/listing.h"

#include <stdint.h>

#define ORGANISATION_KIND_COUNT 7

struct organisation {
    int64_t key;
    char *id;
    char *name;
    char *kind; /* one of organisation_kind_name() */
    char *description;
    char *website;
    char *created_at;
    char *updated_at;
    /* Derived. */
    int64_t membership_count;
    int64_t people_count;
};

struct organisation_list {
    struct organisation *items;
    int count;
    int64_t total;
};

/* organisation_kind_name is the machine name of the i-th kind ("ngo"). */
const char *organisation_kind_name(int i);

/* organisation_kind_label is the translated label of a kind name ("NGO"),
 * or the name itself when unknown. */
const char *organisation_kind_label(const char *kind);

/* organisation_find loads one organisation by id. */
enum status organisation_find(struct ctx *c, const char *id, struct organisation **out);

/* organisation_list returns a page. kind (or NULL) filters; sort keys: name
 * (default), kind, members, created. */
enum status organisation_list(struct ctx *c, const char *kind, const struct listing *l,
                              struct organisation_list *out);

/* organisation_create validates and stores a new organisation. */
enum status organisation_create(struct ctx *c, struct organisation *o, struct problems *p);

/* organisation_update validates and stores an edited organisation. */
enum status organisation_update(struct ctx *c, struct organisation *o, struct problems *p);

/* organisation_delete removes an organisation and its memberships (with
 * tombstones); its people stay, without an organisation. */
enum status organisation_delete(struct ctx *c, struct organisation *o);

#endif
