/*
 * load.h — find the record a page's address names, or answer the error page
 * (404 for an unknown id) and return NULL.
 */
#ifndef ALLIANCE_LOAD_H
#define ALLIANCE_LOAD_H

#include "domain/alliance.h"
#include "domain/membership.h"
#include "domain/organisation.h"
#include "domain/person.h"
#include "domain/platform.h"
#include "http/request.h"

struct alliance *load_alliance(struct request *r, const char *id_or_slug);
struct platform *load_platform(struct request *r, const char *id);
struct organisation *load_organisation(struct request *r, const char *id);
struct person *load_person(struct request *r, const char *id);
struct membership *load_membership(struct request *r, const char *id);
struct platform_link *load_platform_link(struct request *r, const char *id);

#endif
