/*
 * transfer.h — the tables as they are, for export and import: which tables
 * carry the data of an installation, in an order where every reference points
 * backwards, with their columns and types. Sessions, pending single-use links
 * (unsubscribe links of email too) and sign-in counters are not data to move
 * and are left out; the search index and the order of members are made again
 * from the records.
 */
#ifndef ALLIANCE_TRANSFER_H
#define ALLIANCE_TRANSFER_H

#include "core/problem.h"
#include "domain/context.h"

#include <stdbool.h>
#include <stdint.h>

#define TRANSFER_COLUMNS_MAX 32

enum transfer_type { TRANSFER_INT, TRANSFER_TEXT };

struct transfer_column {
    const char *name;
    enum transfer_type type;
    bool nullable;
};

struct transfer_table {
    const char *name;
    const char *order; /* ORDER BY of the export: the primary key */
    int column_count;
    struct transfer_column columns[TRANSFER_COLUMNS_MAX];
};

/* One row as text values; NULL is SQL NULL. Integers are written in decimal. */
struct transfer_row {
    const char *values[TRANSFER_COLUMNS_MAX];
};

/* store_transfer_tables lists the tables, in order; *count receives how many. */
const struct transfer_table *store_transfer_tables(int *count);

/* store_transfer_count counts the rows of a table. */
int64_t store_transfer_count(struct ctx *c, const struct transfer_table *t);

/* store_transfer_each calls each(row, arg) for every row of a table in key
 * order, stopping early when it returns non-zero (which it returns). */
int store_transfer_each(struct ctx *c, const struct transfer_table *t,
                        int (*each)(const struct transfer_row *row, void *arg), void *arg);

/* store_transfer_insert inserts one row as it was (keys included). Platform
 * parents are set afterwards by store_transfer_finish, so that rows may come in
 * key order even where a parent has the greater key. */
enum status store_transfer_insert(struct ctx *c, const struct transfer_table *t,
                                  const struct transfer_row *row);

/* store_transfer_finish sets the platform parents held back by inserts and
 * moves each table's key counter past the keys imported. */
enum status store_transfer_finish(struct ctx *c);

/* store_transfer_bulk gives the connection room for a bulk load (on: true)
 * and takes it back (false): on SQLite a page cache of 256 MiB while on, so
 * that the indexes a million rows go into stay in memory instead of being read
 * back from the file at every insert (with the usual 8 MB an import slows
 * down as it grows). PostgreSQL keeps its own buffers: nothing to do. */
void store_transfer_bulk(struct ctx *c, bool on);

/* store_transfer_empty says whether the installation holds no data yet. */
bool store_transfer_empty(struct ctx *c);

#endif
