/*
 * sheet.h — organisations, people and memberships as CSV files (core/csv.h),
 * for spreadsheets and for loading a sector in bulk. An export goes through
 * the list functions of the modules, so it holds what the viewer may read and
 * no more (an email they may not read stays empty). An import goes row by row
 * through the create functions, so validation and rights are those of the API,
 * all in one transaction: one bad row and nothing is imported.
 *
 * The columns, in the order the export writes them (an import reads them by
 * the names of its header row, in any order; * marks the ones it needs):
 *
 *   organisations  id, name*, kind*, description, website
 *   people         id, name*, email, gender, marginalised_group, organisation
 *   memberships    id, platform*, platform_name, person, organisation,
 *                  member_name, role*, capabilities
 *
 * kind is a machine name (ngo, government, …), gender female, male, other or
 * empty. A person's organisation is an organisation's id or its exact name
 * (the export writes the name, so that an export goes into another
 * installation). A membership's platform is an id; its member is a person (an
 * id or an email) or an organisation (an id or an exact name); capabilities
 * are machine names separated by spaces. The import ignores platform_name and
 * member_name, which the export writes for the reader.
 *
 * A row that matches a record already there is skipped, not refused: one whose
 * id names a record of its kind, a person with the same email, an
 * organisation with the same name, a membership of the same platform and
 * member. So an export imported again changes nothing. Rows are exported in
 * the order the records were made.
 */
#ifndef ALLIANCE_SHEET_H
#define ALLIANCE_SHEET_H

#include "core/csv.h"
#include "core/problem.h"
#include "domain/context.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

enum sheet_kind { SHEET_ORGANISATIONS, SHEET_PEOPLE, SHEET_MEMBERSHIPS };

/* sheet_kind_parse reads "organisations", "people" or "memberships";
 * returns false for anything else. */
bool sheet_kind_parse(const char *name, enum sheet_kind *out);

/* Called every so often with the records done and the total (0 when unknown). */
typedef void (*sheet_progress)(int64_t done, int64_t total, void *arg);

/* What an export takes, as the list pages filter; zero values do not filter. */
struct sheet_filter {
    const char *query;        /* names holding this text (organisations, people) */
    const char *kind;         /* organisations of this kind */
    int64_t organisation_key; /* people of this organisation */
    int64_t platform_key;     /* memberships of this platform */
    int64_t alliance_key;     /* memberships on the platforms of this alliance */
};

/* sheet_export writes the records of kind that f selects and the viewer of c
 * may read, header row first, into w (whose byte order mark is written
 * already), a page at a time: memory does not grow with the data. Returns
 * STATUS_OK, or STATUS_ERROR when reading or writing failed. */
enum status sheet_export(struct ctx *c, enum sheet_kind kind, const struct sheet_filter *f,
                         struct csv_writer *w, sheet_progress progress, void *arg);

/* How an import reports, as it goes. problem is called for every problem
 * found (column is the column's name, or NULL for the row or the file as a
 * whole); skipped for every row left out because its record is there. Their
 * message lives until they return. */
struct sheet_hooks {
    void (*problem)(void *arg, int64_t line, const char *column, const char *message);
    void (*skipped)(void *arg, int64_t line, const char *message);
    void *arg;
    sheet_progress progress; /* may be NULL */
    void *progress_arg;
    int64_t expected; /* rows the file is thought to hold, for progress; 0 unknown */
};

/* What an import did (or, in a dry run, would do). */
struct sheet_report {
    int64_t rows;     /* rows read, header aside */
    int64_t created;  /* records made (a dry run undoes them) */
    int64_t skipped;  /* rows whose record is there */
    int64_t problems; /* rows (or header, or file) with problems */
};

/* sheet_import reads a CSV file of kind and creates its records as the viewer
 * of c, in one transaction that it commits only when every row is good and
 * dry_run is false. Every problem is reported through hooks, not only the
 * first. Returns STATUS_OK when every row is good (committed, or rolled back
 * in a dry run), STATUS_INVALID when some are not (nothing is imported), or
 * STATUS_ERROR when the database failed. */
enum status sheet_import(struct ctx *c, enum sheet_kind kind, FILE *in, bool dry_run,
                         const struct sheet_hooks *hooks, struct sheet_report *out);

#endif
