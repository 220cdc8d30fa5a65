/*
 * transfer.h — a whole installation as a file of JSON Lines, and back: what
 * moves an installation between machines and between SQLite and PostgreSQL.
 *
 * The first line is a header, {"format": "alliance", "schema": N, "records":
 * M}; then one record a line, {"record": TABLE, COLUMN: VALUE, …}, tables in an
 * order where every reference points backwards, rows in key order. Keys and
 * ids travel as they are, and nothing in the file depends on when it was made,
 * so an export imported into an empty installation exports again to the same
 * bytes.
 *
 * Left out: sessions, pending single-use links and sign-in counters; the
 * search index, which an import makes again from the items.
 */
#ifndef ALLIANCE_TRANSFER_DOMAIN_H
#define ALLIANCE_TRANSFER_DOMAIN_H

#include "core/problem.h"
#include "domain/context.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* Called every so often with records done and the total (0 when unknown). */
typedef void (*transfer_progress)(int64_t done, int64_t total, void *arg);

/* transfer_export writes the installation to out, streaming (memory does not
 * grow with the data). Returns STATUS_OK, or STATUS_ERROR when writing failed. */
enum status transfer_export(struct ctx *c, FILE *out, transfer_progress progress, void *arg);

/* transfer_import reads an export into an empty installation, in one
 * transaction: every record is checked (its kind, its order, its fields and
 * their types, and then the database's own constraints), and the first bad one
 * stops it with nothing imported. The problem's message names the line. */
enum status transfer_import(struct ctx *c, FILE *in, transfer_progress progress, void *arg,
                            struct problems *p);

/* transfer_empty says whether the installation holds no records yet (what an
 * import needs, and what a restore asks confirmation to replace). */
bool transfer_empty(struct ctx *c);

#endif
