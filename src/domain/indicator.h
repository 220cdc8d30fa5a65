/*
 * indicator.h — monitoring (seed 001: alliances prove and improve; seed 004:
 * national information systems gather what districts report). An alliance
 * defines indicators: quantitative (a unit, a baseline, a target and the
 * direction it should move) or qualitative (a scale of labelled steps). Each
 * has a reporting period (month, quarter or year) and the rule by which the
 * figures of the platforms below are rolled up to the platform above
 * (rollup.h). Platforms record observations: a value for a period, with its
 * source and a note. A correction is a new observation that replaces the
 * current one and keeps it in the history.
 *
 * Visibility: an indicator carries a visibility like a knowledge item
 * (public, alliance, platform; alliance by default). Its definition is read
 * by whoever may read the alliance when public, else by the members of the
 * alliance; an observation is read as an item of its platform at the
 * indicator's visibility, so a "platform" indicator keeps each platform's
 * figures to its members. Roll-ups are computed from the observations the
 * reader may read, and from nothing else.
 *
 * Defining and editing indicators needs the right to edit the alliance;
 * recording an observation needs the right to publish on its platform
 * (convenors, facilitators, documenters: the documentation officers).
 */
#ifndef ALLIANCE_INDICATOR_H
#define ALLIANCE_INDICATOR_H

#include "core/problem.h"
#include "domain/context.h"
#include "domain/listing.h"
#include "domain/rollup.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define INDICATOR_STEPS_MAX     10
#define INDICATOR_PERIODS_MAX   120  /* the most periods a figure table holds */
#define INDICATOR_PLATFORMS_MAX 2000 /* the most platforms a roll-up covers */

struct indicator {
    int64_t key;
    char *id;
    int64_t alliance_key;
    char *alliance_slug;
    char *alliance_name;
    char *name;
    char *description;
    char *kind;        /* quantitative, qualitative */
    char *unit;        /* quantitative: such as "%" or "people" */
    char *baseline;    /* decimal text, or NULL */
    char *target;      /* decimal text, or NULL */
    char *direction;   /* increase, decrease */
    char *scale;       /* qualitative: the steps' labels, one a line, lowest first */
    char *aggregation; /* a rollup rule name */
    char *frequency;   /* month, quarter, year */
    char *visibility;  /* platform, alliance, public */
    char *created_at;
    char *updated_at;
    /* Derived from scale. */
    int step_count;
    char *steps[INDICATOR_STEPS_MAX];
};

struct indicator_list {
    struct indicator *items;
    int count;
    int64_t total;
};

struct observation {
    int64_t key;
    char *id;
    int64_t indicator_key;
    char *indicator_id;
    char *indicator_name;
    int64_t platform_key;
    char *platform_id;
    char *platform_name;
    int platform_depth;
    char *period;
    char *value;  /* decimal text (a step number for a qualitative indicator) */
    char *weight; /* decimal text, or NULL */
    char *source;
    char *note;
    int64_t author_key; /* 0 when none */
    char *author_id;
    char *author_name;
    char *recorded_at;
    int64_t corrects_key; /* the observation this one corrected, or 0 */
    bool current;         /* false once corrected */
};

struct observation_list {
    struct observation *items;
    int count;
};

/* What observation_list returns; zero and NULL fields do not filter. */
struct observation_filter {
    int64_t indicator_key;
    int64_t platform_key;
    int64_t alliance_key;
    const char *period;
    bool history; /* also corrected observations (otherwise the current ones only) */
};

/* Labels of the machine names, translated. */
const char *indicator_kind_label(const char *kind);
const char *indicator_aggregation_label(const char *aggregation);
const char *indicator_frequency_label(const char *frequency);
const char *indicator_direction_label(const char *direction);

/* indicator_find loads an indicator the viewer may read (STATUS_NOT_FOUND
 * otherwise). */
enum status indicator_find(struct ctx *c, const char *id, struct indicator **out);

/* indicator_list returns a page of the alliance's indicators the viewer may
 * read (alliance_key 0: of every alliance), by name. */
enum status indicator_list(struct ctx *c, int64_t alliance_key, const struct listing *l,
                           struct indicator_list *out);

/* indicator_create defines an indicator of the alliance named by alliance_key
 * (the right to edit the alliance). Empty visibility means alliance. */
enum status indicator_create(struct ctx *c, struct indicator *ind, struct problems *p);

/* indicator_update stores an edited definition. */
enum status indicator_update(struct ctx *c, struct indicator *ind, struct problems *p);

/* indicator_delete removes the indicator and every figure of it (the right to
 * edit the alliance), leaving tombstones; the audit trail keeps the
 * definition. */
enum status indicator_delete(struct ctx *c, struct indicator *ind);

/* indicator_figure_count counts the figures an indicator holds, corrected
 * ones included (for the confirmation of a deletion). */
int64_t indicator_figure_count(struct ctx *c, const struct indicator *ind);

/* indicator_may_define: may the viewer define and edit the alliance's
 * indicators? */
bool indicator_may_define(struct ctx *c, int64_t alliance_key);

/* indicator_may_record: may the viewer record figures for the platform? */
bool indicator_may_record(struct ctx *c, int64_t platform_key);

/* indicator_parse_number reads decimal text ("12", "-3.5") strictly into
 * *out; -1 when it is not one. */
int indicator_parse_number(const char *text, double *out);

/* indicator_format_number writes a number without needless digits (at most
 * two decimals) into the arena. */
char *indicator_format_number(struct ctx *c, double value);

/* indicator_value_text is how a value reads: for a qualitative indicator the
 * label of the nearest step with its number, else the number and unit. */
char *indicator_value_text(struct ctx *c, const struct indicator *ind, double value);

/* indicator_period_valid says whether text names a period of the frequency:
 * "2025" (year), "2025-Q3" (quarter), "2025-07" (month). */
bool indicator_period_valid(const char *frequency, const char *text);

/* indicator_period_label is how a period reads ("2025 Q3", "July 2025"). */
char *indicator_period_label(struct ctx *c, const char *period);

/* observation_find loads an observation the viewer may read, current or not. */
enum status observation_find(struct ctx *c, const char *id, struct observation **out);

/* observation_list returns the observations the viewer may read (at most
 * OBSERVATION_LIST_MAX), by period, platform and then newest first. */
#define OBSERVATION_LIST_MAX 20000
enum status observation_list(struct ctx *c, const struct observation_filter *f,
                             struct observation_list *out);

/* observation_record stores the value of a platform (platform_id) for a period
 * of the indicator, recorded by the viewer. When the platform already has a
 * value for the period, the new one corrects it: the old one stays in the
 * history, no longer current. */
enum status observation_record(struct ctx *c, const struct indicator *ind, struct observation *o,
                               struct problems *p);

/* One problem of an import, about a line of the file (1 is the header) and a
 * column (NULL: the row or the file). */
struct observation_import_problem {
    int64_t line;
    const char *column;
    const char *message;
};

#define OBSERVATION_IMPORT_PROBLEMS_MAX 100

/* What an import did (or, in a dry run, would do). */
struct observation_import_report {
    int64_t rows;      /* rows read, header aside */
    int64_t recorded;  /* figures recorded (a dry run undoes them) */
    int64_t corrected; /* of those, corrections of a figure already there */
    int64_t skipped;   /* rows of corrected figures (current "no"), left out */
    int problem_count; /* problems found (only the first
                          OBSERVATION_IMPORT_PROBLEMS_MAX are kept) */
    struct observation_import_problem problems[OBSERVATION_IMPORT_PROBLEMS_MAX];
};

/* observation_import reads figures of the indicator from CSV (core/csv.h) and
 * records them as the viewer of c, in one transaction that it commits only
 * when every row is good and dry_run is false: one bad row and nothing is
 * imported. The header names the columns, in any order: platform* (a
 * platform's id, or its exact name), period (needed unless period is given,
 * and then equal to it), value*, weight, source, note; the export's other
 * columns (platform_name, recorded_at, current) are read too, and a row whose
 * current is "no" (a figure since corrected) is skipped, so that an export
 * goes back in. A platform may appear once a period. Every problem is
 * reported with its line. Returns STATUS_OK when every row is good,
 * STATUS_INVALID when some are not, STATUS_ERROR when the database failed. */
enum status observation_import(struct ctx *c, const struct indicator *ind, FILE *in,
                               const char *period, bool dry_run,
                               struct observation_import_report *out);

/* observation_delete withdraws a figure recorded by mistake (for the wrong
 * platform or period), with its history of corrections (those who may
 * record for its platform), leaving tombstones and an audit entry. */
enum status observation_delete(struct ctx *c, const struct indicator *ind, struct observation *o);

/* Figures of an indicator across the hierarchy: the platforms of its alliance
 * in tree order (parents first) and, for each period that has an observation
 * the viewer may read, the roll-up of rollup.h (periods oldest first). */
struct indicator_figures {
    int platform_count;
    int64_t *platform_keys;
    char **platform_ids;
    char **platform_names;
    int *platform_depths;
    int period_count;
    char **periods;
    struct rollup_node **nodes;         /* [period][platform] */
    struct observation ***observations; /* [period][platform]: the current one, or NULL */
};

/* indicator_figures computes the figures of every period (arena). */
enum status indicator_figures(struct ctx *c, const struct indicator *ind,
                              struct indicator_figures *out);

/* indicator_platform_index is the index of a platform in the figures, or -1. */
int indicator_platform_index(const struct indicator_figures *f, int64_t platform_key);

#endif
