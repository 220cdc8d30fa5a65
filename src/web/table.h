/*
 * table.h — the pieces of a list page: the listing asked for in the address
 * (?page=, ?sort=, ?dir=, ?q=), sortable column headers, the count, and
 * "Previous / Page 3 of 12 / Next" links. Links keep the other parameters of
 * the address (filters) and go back to page 1 when the order changes.
 */
#ifndef ALLIANCE_TABLE_H
#define ALLIANCE_TABLE_H

#include "domain/listing.h"
#include "http/request.h"

#include <stdbool.h>
#include <stdint.h>

/* table_listing reads the listing from the address; per_page rows a page. */
void table_listing(struct request *r, struct listing *l, int per_page);

/* table_href writes the current address with parameter name set to value
 * (or removed when value is NULL) and the page reset, HTML-escaped. */
void table_href(struct request *r, const char *name, const char *value);

/* table_sort_header writes a <th> whose link sorts by key (again: reverses). */
void table_sort_header(struct request *r, const struct listing *l, const char *key,
                       const char *label, bool numeric);

/* table_pagination writes the paging links when total needs several pages. */
void table_pagination(struct request *r, const struct listing *l, int64_t total);

/* table_query_date reads ?name= as a real date (YYYY-MM-DD), or NULL. */
const char *table_query_date(struct request *r, const char *name);

/* table_filter_select writes a select of a GET filter form: its field is
 * name, the choices options (the first the empty "all" choice), current the
 * value chosen (NULL: the first). */
struct form_option;
void table_filter_select(struct request *r, const char *name, const char *label,
                         const struct form_option *options, int count, const char *current);

/* table_query_level reads ?level= (0 for the top level), or -1 when absent
 * or not a level. */
int table_query_level(struct request *r);

/* table_filter_level writes the select of levels for a filter form, named
 * by the alliances the reader may read, depth chosen (-1: all). */
void table_filter_level(struct request *r, int depth);

/* table_count writes "214 organisations" from a singular and plural message
 * (both with one %s for the formatted number). */
void table_count(struct request *r, int64_t total, const char *singular, const char *plural);

#endif
