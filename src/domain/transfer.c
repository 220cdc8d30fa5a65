/*
 * transfer.c — see transfer.h. Records are written and read with jansson, one
 * object a line, fields in the table's column order.
 */
#include "domain/transfer.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/cycle.h"
#include "domain/discussion.h"
#include "domain/document.h"
#include "domain/enquiry.h"
#include "domain/entry.h"
#include "domain/event.h"
#include "domain/lesson.h"
#include "domain/question.h"
#include "domain/rights.h"
#include "domain/search.h"
#include "store/schema.h"
#include "store/store.h"
#include "store/transfer.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#define TRANSFER_FORMAT "alliance"
#define PROGRESS_EVERY  5000

/* Every kind of item the search index holds. */
static const struct search_source search_sources[] = {
    {"lesson", lesson_reindex_one},     {"entry", entry_reindex_one},
    {"document", document_reindex_one}, {"enquiry", enquiry_reindex_one},
    {"event", event_reindex_one},       {"thread", thread_reindex_one},
    {"reply", reply_reindex_one},       {"question", question_reindex_one},
    {"cycle", cycle_reindex_one},
};
#define SEARCH_SOURCE_COUNT ((int)(sizeof search_sources / sizeof search_sources[0]))

struct export_state {
    FILE *out;
    const struct transfer_table *table;
    int64_t done, total;
    transfer_progress progress;
    void *arg;
};

/* write_line writes one JSON object and a newline; returns non-zero on failure. */
static int write_line(FILE *out, json_t *doc)
{
    char *text = json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII);
    json_decref(doc);
    if (!text)
        return -1;
    int rc = fputs(text, out) < 0 || fputc('\n', out) == EOF ? -1 : 0;
    free(text);
    return rc;
}

static int export_row(const struct transfer_row *row, void *arg)
{
    struct export_state *e = arg;
    json_t *doc = json_object();
    json_object_set_new(doc, "record", json_string(e->table->name));
    for (int i = 0; i < e->table->column_count; i++) {
        const struct transfer_column *col = &e->table->columns[i];
        const char *v = row->values[i];
        json_t *value = !v                          ? json_null()
                        : col->type == TRANSFER_INT ? json_integer(strtoll(v, NULL, 10))
                                                    : json_string(v);
        json_object_set_new(doc, col->name, value);
    }
    if (write_line(e->out, doc) != 0)
        return -1;
    if (++e->done % PROGRESS_EVERY == 0 && e->progress)
        e->progress(e->done, e->total, e->arg);
    return 0;
}

enum status transfer_export(struct ctx *c, FILE *out, transfer_progress progress, void *arg)
{
    enum status s = rights_admin(c);
    if (s != STATUS_OK)
        return s;
    int count;
    const struct transfer_table *tables = store_transfer_tables(&count);
    struct export_state e = {.out = out, .progress = progress, .arg = arg};
    for (int i = 0; i < count; i++)
        e.total += store_transfer_count(c, &tables[i]);
    json_t *header = json_pack("{s:s, s:i, s:I}", "format", TRANSFER_FORMAT, "schema",
                               schema_latest(), "records", (json_int_t)e.total);
    if (write_line(out, header) != 0)
        return STATUS_ERROR;
    for (int i = 0; i < count; i++) {
        e.table = &tables[i];
        if (store_transfer_each(c, &tables[i], export_row, &e) != 0)
            return STATUS_ERROR;
    }
    if (progress)
        progress(e.done, e.total, arg);
    return fflush(out) == 0 ? STATUS_OK : STATUS_ERROR;
}

/* fail records the problem of a line and returns STATUS_INVALID. */
static enum status fail(struct ctx *c, struct problems *p, int64_t line, const char *what)
{
    problems_invalid(p, "file", arena_printf(c->arena, _("Line %lld: %s"), (long long)line, what));
    return STATUS_INVALID;
}

/* read_header checks the first line. */
static enum status read_header(struct ctx *c, const char *text, int64_t *total, struct problems *p)
{
    json_error_t err;
    json_t *doc = json_loads(text, JSON_REJECT_DUPLICATES, &err);
    const char *format = NULL;
    json_int_t schema = 0, records = 0;
    int bad = !doc || json_unpack(doc, "{s:s, s:I, s:I}", "format", &format, "schema", &schema,
                                  "records", &records) != 0;
    bad = bad || strcmp(format, TRANSFER_FORMAT) != 0 || json_object_size(doc) != 3;
    json_decref(doc);
    if (bad)
        return fail(c, p, 1, _("this is not an export of Alliance (the header is missing)"));
    if (schema != schema_latest())
        return fail(c, p, 1,
                    arena_printf(c->arena,
                                 _("the export has schema version %lld; this program reads "
                                   "version %d"),
                                 (long long)schema, schema_latest()));
    *total = records;
    return STATUS_OK;
}

/* read_record turns one line into a row of a table at or after *table_index. */
static enum status read_record(struct ctx *c, const char *text, int64_t line, int *table_index,
                               struct problems *p)
{
    int count;
    const struct transfer_table *tables = store_transfer_tables(&count);
    json_error_t err;
    json_t *doc = json_loads(text, JSON_REJECT_DUPLICATES, &err);
    if (!doc || !json_is_object(doc)) {
        json_decref(doc);
        return fail(c, p, line, arena_printf(c->arena, _("not a JSON object: %s"), err.text));
    }
    const char *kind = arena_strdup(c->arena, json_string_value(json_object_get(doc, "record")));
    int t = *table_index;
    while (t < count && !str_eq(tables[t].name, kind))
        t++;
    if (t == count) {
        json_decref(doc);
        return fail(c, p, line,
                    kind ? arena_printf(c->arena,
                                        _("unknown or misplaced kind %s (kinds come in the "
                                          "order of the export)"),
                                        kind)
                         : _("the record has no kind"));
    }
    *table_index = t;
    const struct transfer_table *table = &tables[t];
    if (json_object_size(doc) != (size_t)table->column_count + 1) {
        json_decref(doc);
        return fail(c, p, line,
                    arena_printf(c->arena, _("a %s must have exactly %d fields"), kind,
                                 table->column_count));
    }
    struct transfer_row row;
    for (int i = 0; i < table->column_count; i++) {
        const struct transfer_column *col = &table->columns[i];
        json_t *v = json_object_get(doc, col->name);
        bool ok = v && ((json_is_null(v) && col->nullable) ||
                        (col->type == TRANSFER_INT && json_is_integer(v)) ||
                        (col->type == TRANSFER_TEXT && json_is_string(v)));
        if (!ok) {
            enum status s = fail(c, p, line,
                                 arena_printf(c->arena,
                                              _("field %s of a %s is missing or of "
                                                "the wrong type"),
                                              col->name, kind));
            json_decref(doc);
            return s;
        }
        row.values[i] = json_is_null(v) ? NULL
                        : col->type == TRANSFER_INT
                            ? arena_printf(c->arena, "%lld", (long long)json_integer_value(v))
                            : arena_strdup(c->arena, json_string_value(v));
    }
    json_decref(doc);
    enum status s = store_transfer_insert(c, table, &row);
    if (s != STATUS_OK)
        return fail(c, p, line,
                    arena_printf(c->arena,
                                 _("the %s does not fit with the records before it "
                                   "(%s)"),
                                 kind, status_code(s)));
    return STATUS_OK;
}

enum status transfer_import(struct ctx *c, FILE *in, transfer_progress progress, void *arg,
                            struct problems *p)
{
    enum status s = rights_admin(c);
    if (s != STATUS_OK)
        return s;
    if (!store_transfer_empty(c)) {
        problems_add(p, STATUS_CONFLICT, "file",
                     _("An import fills an empty installation, and this one holds data"));
        return STATUS_CONFLICT;
    }
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    store_transfer_bulk(c, true);
    char *text = NULL;
    size_t size = 0;
    int64_t line = 0, total = 0;
    int table_index = 0;
    while (s == STATUS_OK && getline(&text, &size, in) >= 0) {
        line++;
        text[strcspn(text, "\n")] = '\0';
        struct arena scratch; /* each record's strings die with it */
        arena_init(&scratch, 4096);
        struct arena *keep = c->arena;
        c->arena = &scratch;
        if (line == 1)
            s = read_header(c, text, &total, p);
        else
            s = read_record(c, text, line, &table_index, p);
        /* Problems' messages must outlive the scratch arena. */
        for (int i = 0; i < p->count; i++)
            p->items[i].message = arena_strdup(keep, p->items[i].message);
        c->arena = keep;
        arena_free(&scratch);
        if (progress && line % PROGRESS_EVERY == 0)
            progress(line - 1, total, arg);
    }
    free(text);
    if (s == STATUS_OK && line == 0)
        s = fail(c, p, 1, _("the file is empty"));
    if (s == STATUS_OK && line - 1 != total)
        s = fail(c, p, line,
                 arena_printf(c->arena, _("the header announces %lld records, the file holds %lld"),
                              (long long)total, (long long)(line - 1)));
    if (s == STATUS_OK)
        s = store_transfer_finish(c);
    /* The search index is not moved: it is made again from the items. */
    if (s == STATUS_OK)
        s = search_reindex(c, search_sources, SEARCH_SOURCE_COUNT);
    if (s == STATUS_OK && progress)
        progress(line - 1, total, arg);
    s = store_end(c, s);
    store_transfer_bulk(c, false);
    return s;
}

bool transfer_empty(struct ctx *c)
{
    return store_transfer_empty(c);
}
