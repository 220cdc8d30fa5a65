/*
 * indicator_import.c — figures from a spreadsheet (observation_import in
 * indicator.h): the pattern of sheet.c — columns by the names of the header
 * row, each row through the same function as the form and the API
 * (observation_record, so rules and rights are the same), every problem
 * reported with its line, and one transaction that a single bad row, or a
 * dry run, rolls back.
 */
#include "domain/indicator.h"

#include "core/arena.h"
#include "core/csv.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/platform.h"
#include "store/monitoring.h"
#include "store/store.h"

#include <string.h>

enum {
    COL_PLATFORM,
    COL_PLATFORM_NAME,
    COL_PERIOD,
    COL_VALUE,
    COL_WEIGHT,
    COL_SOURCE,
    COL_NOTE,
    COL_RECORDED_AT,
    COL_CURRENT,
    COL_COUNT
};

static const char *const column_names[COL_COUNT] = {"platform", "platform_name", "period",
                                                    "value",    "weight",        "source",
                                                    "note",     "recorded_at",   "current"};

struct import {
    struct ctx *c;
    struct csv_reader reader;
    int cell_of[COL_COUNT];
    struct observation_import_report *out;
    struct platform_list tree;
    /* The platform and period of each row recorded so far, to refuse a
     * platform twice in one period. */
    int64_t *seen_keys;
    const char **seen_periods;
    int seen, seen_cap;
};

static void problem(struct import *im, int64_t line, const char *column, const char *message)
{
    struct observation_import_report *out = im->out;
    if (out->problem_count < OBSERVATION_IMPORT_PROBLEMS_MAX)
        out->problems[out->problem_count] =
            (struct observation_import_problem){line, column, arena_strdup(im->c->arena, message)};
    out->problem_count++;
}

static char *cell(struct import *im, int column)
{
    int at = im->cell_of[column];
    if (at < 0 || at >= im->reader.count)
        return "";
    return str_trim(im->c->arena, csv_plain(im->reader.cells[at]));
}

static bool read_header(struct import *im, const char *period)
{
    struct csv_reader *rd = &im->reader;
    enum csv_result got = csv_read(rd);
    if (got == CSV_END) {
        problem(im, 1, NULL, _("the file is empty; its first row names the columns"));
        return false;
    }
    if (got != CSV_ROW) {
        problem(im, rd->line, NULL, rd->error);
        return false;
    }
    for (int k = 0; k < COL_COUNT; k++)
        im->cell_of[k] = -1;
    bool good = true;
    for (int i = 0; i < rd->count; i++) {
        char *name = str_lower_ascii(im->c->arena, str_trim(im->c->arena, rd->cells[i]));
        int k = 0;
        while (k < COL_COUNT && !str_eq(name, column_names[k]))
            k++;
        if (k == COL_COUNT) {
            problem(im, rd->line, NULL,
                    arena_printf(im->c->arena,
                                 _("unknown column “%s”; the columns are platform, period, "
                                   "value, weight, source and note"),
                                 name));
            good = false;
        } else if (im->cell_of[k] >= 0) {
            problem(im, rd->line, NULL,
                    arena_printf(im->c->arena, _("the column “%s” comes twice"), name));
            good = false;
        } else {
            im->cell_of[k] = i;
        }
    }
    if (im->cell_of[COL_PLATFORM] < 0) {
        problem(im, rd->line, "platform", _("the column “platform” is missing"));
        good = false;
    }
    if (im->cell_of[COL_VALUE] < 0) {
        problem(im, rd->line, "value", _("the column “value” is missing"));
        good = false;
    }
    if (im->cell_of[COL_PERIOD] < 0 && str_empty(period)) {
        problem(im, rd->line, "period",
                _("the column “period” is missing; add it, or choose the period of the file"));
        good = false;
    }
    return good;
}

/* platform_ref finds a platform of the indicator's alliance by id or exact
 * name: its id, or NULL. */
static const char *platform_ref(struct import *im, const char *text, int64_t *key)
{
    for (int i = 0; i < im->tree.count; i++)
        if (str_eq(im->tree.items[i].id, text) || str_eq(im->tree.items[i].name, text)) {
            *key = im->tree.items[i].key;
            return im->tree.items[i].id;
        }
    return NULL;
}

/* seen_before says whether the platform has a row for the period already,
 * and remembers it. */
static bool seen_before(struct import *im, int64_t key, const char *period)
{
    for (int i = 0; i < im->seen; i++)
        if (im->seen_keys[i] == key && str_eq(im->seen_periods[i], period))
            return true;
    if (im->seen == im->seen_cap) {
        int cap = im->seen_cap ? im->seen_cap * 2 : 64;
        int64_t *keys = arena_array(im->c->arena, (size_t)cap, sizeof *keys);
        const char **periods = arena_array(im->c->arena, (size_t)cap, sizeof *periods);
        if (im->seen) {
            memcpy(keys, im->seen_keys, (size_t)im->seen * sizeof *keys);
            memcpy(periods, im->seen_periods, (size_t)im->seen * sizeof *periods);
        }
        im->seen_keys = keys, im->seen_periods = periods, im->seen_cap = cap;
    }
    im->seen_keys[im->seen] = key;
    im->seen_periods[im->seen++] = period;
    return false;
}

/* import_row records one row; returns STATUS_OK unless the database failed. */
static enum status import_row(struct import *im, const struct indicator *ind, const char *period)
{
    struct ctx *c = im->c;
    int64_t line = im->reader.line;
    char *current = str_lower_ascii(c->arena, cell(im, COL_CURRENT));
    if (str_eq(current, "no")) {
        im->out->skipped++;
        return STATUS_OK;
    }
    char *row_period = cell(im, COL_PERIOD);
    if (!*row_period && !str_empty(period))
        row_period = (char *)period;
    else if (!str_empty(period) && !str_eq(row_period, period)) {
        problem(im, line, "period",
                arena_printf(c->arena, _("the period %s is not the period of the file, %s"),
                             row_period, period));
        return STATUS_OK;
    }
    int64_t key = 0;
    const char *platform_text = cell(im, COL_PLATFORM);
    const char *platform_id = platform_ref(im, platform_text, &key);
    if (!platform_id) {
        problem(im, line, "platform",
                arena_printf(c->arena,
                             _("“%s” is not a platform of the alliance (give its id or its "
                               "exact name)"),
                             platform_text));
        return STATUS_OK;
    }
    if (seen_before(im, key, row_period)) {
        problem(im, line, "platform",
                _("this platform has a figure for this period on an earlier line"));
        return STATUS_OK;
    }
    char *weight = cell(im, COL_WEIGHT);
    struct observation o = {.platform_id = (char *)platform_id,
                            .period = row_period,
                            .value = cell(im, COL_VALUE),
                            .weight = *weight ? weight : NULL,
                            .source = cell(im, COL_SOURCE),
                            .note = cell(im, COL_NOTE)};
    bool correction = store_observation_current_key(c, ind->key, key, row_period) != 0;
    struct problems p = {0};
    enum status s = observation_record(c, ind, &o, &p);
    if (s == STATUS_OK) {
        im->out->recorded++;
        im->out->corrected += correction;
        return STATUS_OK;
    }
    if (s == STATUS_ERROR)
        return s;
    if (!p.count)
        problem(im, line, "platform",
                s == STATUS_FORBIDDEN || s == STATUS_UNAUTHORIZED
                    ? _("you may not record figures for this platform")
                    : status_code(s));
    for (int i = 0; i < p.count; i++)
        problem(im, line, p.items[i].field, p.items[i].message);
    return STATUS_OK;
}

enum status observation_import(struct ctx *c, const struct indicator *ind, FILE *in,
                               const char *period, bool dry_run,
                               struct observation_import_report *out)
{
    memset(out, 0, sizeof *out);
    struct import im = {.c = c, .out = out};
    if (!str_empty(period) && !indicator_period_valid(ind->frequency, period)) {
        problem(&im, 0, "period", _("the period of the file is not a period of the indicator"));
        return STATUS_INVALID;
    }
    if (platform_tree(c, ind->alliance_key, INDICATOR_PLATFORMS_MAX, &im.tree) != STATUS_OK)
        return STATUS_ERROR;
    csv_reader_init(&im.reader, in);
    if (!read_header(&im, period)) {
        csv_reader_free(&im.reader);
        return STATUS_INVALID;
    }
    enum status s = store_begin(c);
    while (s == STATUS_OK) {
        enum csv_result got = csv_read(&im.reader);
        if (got == CSV_END)
            break;
        out->rows++;
        if (got == CSV_ROW) {
            s = import_row(&im, ind, period);
        } else {
            problem(&im, im.reader.line, NULL, im.reader.error);
            if (got == CSV_BAD_FILE)
                break;
        }
    }
    csv_reader_free(&im.reader);
    if (s != STATUS_OK)
        return store_end(c, s);
    if (out->problem_count)
        return store_end(c, STATUS_INVALID);
    if (dry_run) {
        store_end(c, STATUS_CONFLICT); /* any status but OK rolls back */
        return STATUS_OK;
    }
    return store_end(c, STATUS_OK);
}
