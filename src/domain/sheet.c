/*
 * sheet.c — see sheet.h. Each kind has a table of columns, a function that
 * exports one page of its list and one that imports one row. Pages and rows
 * each get an arena of their own, freed at once, so that neither an export
 * nor an import grows with the file.
 */
#include "domain/sheet.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "core/id.h"
#include "core/str.h"
#include "domain/capability.h"
#include "domain/listing.h"
#include "domain/membership.h"
#include "domain/organisation.h"
#include "domain/person.h"
#include "store/store.h"

#include <string.h>

#define PROGRESS_EVERY 1000

struct column {
    const char *name;
    bool required;
};

enum { O_ID, O_NAME, O_KIND, O_DESCRIPTION, O_WEBSITE, O_COUNT };
static const struct column organisation_columns[O_COUNT] = {
    {"id", false}, {"name", true}, {"kind", true}, {"description", false}, {"website", false},
};

enum { P_ID, P_NAME, P_EMAIL, P_GENDER, P_GROUP, P_ORGANISATION, P_COUNT };
static const struct column person_columns[P_COUNT] = {
    {"id", false},
    {"name", true},
    {"email", false},
    {"gender", false},
    {"marginalised_group", false},
    {"organisation", false},
};

enum {
    M_ID,
    M_PLATFORM,
    M_PLATFORM_NAME,
    M_PERSON,
    M_ORGANISATION,
    M_MEMBER_NAME,
    M_ROLE,
    M_CAPABILITIES,
    M_COUNT
};
static const struct column membership_columns[M_COUNT] = {
    {"id", false},     {"platform", true},      {"platform_name", false},
    {"person", false}, {"organisation", false}, {"member_name", false},
    {"role", true},    {"capabilities", false},
};

#define COLUMNS_MAX M_COUNT

/* One import under way: where each column of the kind stands in the rows. */
struct import {
    const struct sheet_hooks *hooks;
    int cell_of[COLUMNS_MAX]; /* index of the column in a row, or -1 when absent */
    struct csv_reader reader;
};

/* A page of an export: list one page after l->after, write its rows; *count
 * gets the rows, *total all of them, *last the id of the last. */
typedef enum status (*page_fn)(struct ctx *c, const struct sheet_filter *f, const struct listing *l,
                               struct csv_writer *w, int *count, int64_t *total, const char **last);

/* One row of an import: creates its record, or sets *skip to why it is
 * there already, or records problems. */
typedef enum status (*row_fn)(struct ctx *c, const struct import *im, struct problems *p,
                              const char **skip);

static enum status organisation_page(struct ctx *c, const struct sheet_filter *f,
                                     const struct listing *l, struct csv_writer *w, int *count,
                                     int64_t *total, const char **last);
static enum status person_page(struct ctx *c, const struct sheet_filter *f, const struct listing *l,
                               struct csv_writer *w, int *count, int64_t *total, const char **last);
static enum status membership_page(struct ctx *c, const struct sheet_filter *f,
                                   const struct listing *l, struct csv_writer *w, int *count,
                                   int64_t *total, const char **last);
static enum status organisation_row(struct ctx *c, const struct import *im, struct problems *p,
                                    const char **skip);
static enum status person_row(struct ctx *c, const struct import *im, struct problems *p,
                              const char **skip);
static enum status membership_row(struct ctx *c, const struct import *im, struct problems *p,
                                  const char **skip);

static const struct {
    const char *name;
    const struct column *columns;
    int column_count;
    page_fn page;
    row_fn row;
} kinds[] = {
    [SHEET_ORGANISATIONS] = {"organisations", organisation_columns, O_COUNT, organisation_page,
                             organisation_row},
    [SHEET_PEOPLE] = {"people", person_columns, P_COUNT, person_page, person_row},
    [SHEET_MEMBERSHIPS] = {"memberships", membership_columns, M_COUNT, membership_page,
                           membership_row},
};

bool sheet_kind_parse(const char *name, enum sheet_kind *out)
{
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (str_eq(name, kinds[i].name)) {
            *out = (enum sheet_kind)i;
            return true;
        }
    return false;
}

/* Export. */

static void header_row(enum sheet_kind kind, struct csv_writer *w)
{
    for (int i = 0; i < kinds[kind].column_count; i++)
        csv_cell(w, kinds[kind].columns[i].name);
    csv_row(w);
}

static enum status organisation_page(struct ctx *c, const struct sheet_filter *f,
                                     const struct listing *l, struct csv_writer *w, int *count,
                                     int64_t *total, const char **last)
{
    struct organisation_list list;
    enum status s = organisation_list(c, f->kind, l, &list);
    if (s != STATUS_OK)
        return s;
    for (int i = 0; i < list.count; i++) {
        const struct organisation *o = &list.items[i];
        const char *cells[O_COUNT] = {o->id, o->name, o->kind, o->description, o->website};
        for (int k = 0; k < O_COUNT; k++)
            csv_cell(w, cells[k]);
        csv_row(w);
    }
    *count = list.count;
    *total = list.total;
    *last = list.count ? list.items[list.count - 1].id : NULL;
    return STATUS_OK;
}

static enum status person_page(struct ctx *c, const struct sheet_filter *f, const struct listing *l,
                               struct csv_writer *w, int *count, int64_t *total, const char **last)
{
    struct person_list list;
    enum status s = person_list(c, f->organisation_key, l, &list);
    if (s != STATUS_OK)
        return s;
    for (int i = 0; i < list.count; i++) {
        const struct person *pe = &list.items[i];
        /* The email is NULL where the viewer may not read it. */
        const char *cells[P_COUNT] = {
            pe->id, pe->name, pe->email, pe->gender, pe->marginalised_group, pe->organisation_name};
        for (int k = 0; k < P_COUNT; k++)
            csv_cell(w, cells[k]);
        csv_row(w);
    }
    *count = list.count;
    *total = list.total;
    *last = list.count ? list.items[list.count - 1].id : NULL;
    return STATUS_OK;
}

/* capability_words writes a mask as machine names separated by spaces. */
static const char *capability_words(struct ctx *c, unsigned caps)
{
    const char *text = "";
    for (int i = 0; i < CAPABILITY_COUNT; i++)
        if (caps & capability_bit(i))
            text = arena_printf(c->arena, "%s%s%s", text, *text ? " " : "", capability_name(i));
    return text;
}

static enum status membership_page(struct ctx *c, const struct sheet_filter *f,
                                   const struct listing *l, struct csv_writer *w, int *count,
                                   int64_t *total, const char **last)
{
    struct membership_filter mf = {.platform_key = f->platform_key,
                                   .alliance_key = f->alliance_key};
    struct membership_list list;
    enum status s = membership_list(c, &mf, l, &list);
    if (s != STATUS_OK)
        return s;
    for (int i = 0; i < list.count; i++) {
        const struct membership *m = &list.items[i];
        /* organisation_name is the person's own organisation for a person. */
        const char *cells[M_COUNT] = {
            m->id,
            m->platform_id,
            m->platform_name,
            m->person_key ? m->person_id : NULL,
            m->person_key ? NULL : m->organisation_id,
            m->person_key ? m->person_name : m->organisation_name,
            m->role,
            capability_words(c, m->capabilities),
        };
        for (int k = 0; k < M_COUNT; k++)
            csv_cell(w, cells[k]);
        csv_row(w);
    }
    *count = list.count;
    *total = list.total;
    *last = list.count ? list.items[list.count - 1].id : NULL;
    return STATUS_OK;
}

enum status sheet_export(struct ctx *c, enum sheet_kind kind, const struct sheet_filter *f,
                         struct csv_writer *w, sheet_progress progress, void *arg)
{
    header_row(kind, w);
    /* Pages by cursor, in id order (the order records were made): stable
     * while others write, and as cheap at the end as at the start. */
    struct listing l;
    listing_default(&l);
    l.limit = LISTING_MAX_LIMIT;
    l.query = f->query;
    char after[ID_LEN + 1] = "";
    l.after = after;
    int64_t done = 0, total = 0;
    for (;;) {
        struct arena page;
        arena_init(&page, 64 * 1024);
        struct ctx pc = *c;
        pc.arena = &page;
        int count = 0;
        const char *last = NULL;
        enum status s = kinds[kind].page(&pc, f, &l, w, &count, &total, &last);
        if (s == STATUS_OK && last)
            snprintf(after, sizeof after, "%s", last);
        arena_free(&page);
        if (s != STATUS_OK)
            return s;
        if (w->failed)
            return STATUS_ERROR;
        done += count;
        if (progress)
            progress(done, total > done ? total : done, arg);
        if (count < l.limit)
            return STATUS_OK;
    }
}

/* Import. */

/* cell is the text of a column in the current row, trimmed, formula
 * protection undone (arena); "" when the file has no such column. */
static char *cell(struct ctx *c, const struct import *im, int column)
{
    int at = im->cell_of[column];
    if (at < 0)
        return "";
    return str_trim(c->arena, csv_plain(im->reader.cells[at]));
}

/* lower is cell in lower case: machine names and emails. */
static char *lower(struct ctx *c, const struct import *im, int column)
{
    return str_lower_ascii(c->arena, cell(c, im, column));
}

/* organisation_ref turns an organisation's id or exact name into its id; a
 * value that is neither comes back as it is, for validation to refuse, after
 * a problem that names it. */
static char *organisation_ref(struct ctx *c, char *value, struct problems *p)
{
    if (*value == '\0' || store_organisation_key(c, value))
        return value;
    char *id = store_organisation_id_by_name(c, value);
    if (!id)
        problems_invalid(
            p, "organisation",
            arena_printf(c->arena, _("no organisation has the id or the name “%s”"), value));
    return id ? id : value;
}

static enum status organisation_row(struct ctx *c, const struct import *im, struct problems *p,
                                    const char **skip)
{
    const char *id = cell(c, im, O_ID);
    if (*id && store_organisation_key(c, id)) {
        *skip = _("an organisation with this id is already there");
        return STATUS_OK;
    }
    struct organisation o = {
        .name = cell(c, im, O_NAME),
        .kind = lower(c, im, O_KIND),
        .description = cell(c, im, O_DESCRIPTION),
        .website = cell(c, im, O_WEBSITE),
    };
    if (*o.name && store_organisation_id_by_name(c, o.name)) {
        *skip = _("an organisation with this name is already there");
        return STATUS_OK;
    }
    return organisation_create(c, &o, p);
}

static enum status person_row(struct ctx *c, const struct import *im, struct problems *p,
                              const char **skip)
{
    const char *id = cell(c, im, P_ID);
    if (*id && store_person_key(c, id)) {
        *skip = _("a person with this id is already there");
        return STATUS_OK;
    }
    struct person pe = {
        .name = cell(c, im, P_NAME),
        .email = lower(c, im, P_EMAIL),
        .gender = lower(c, im, P_GENDER),
        .marginalised_group = cell(c, im, P_GROUP),
    };
    if (*pe.email && store_person_key_by_email(c, pe.email)) {
        *skip = _("a person with this email address is already there");
        return STATUS_OK;
    }
    pe.organisation_id = organisation_ref(c, cell(c, im, P_ORGANISATION), p);
    return person_create(c, &pe, p);
}

/* capabilities_parse reads machine names separated by spaces or commas. */
static unsigned capabilities_parse(struct ctx *c, char *text, struct problems *p)
{
    unsigned caps = 0;
    for (char *word = text; *word;) {
        size_t n = strcspn(word, " ,;");
        if (n) {
            char *name = arena_strndup(c->arena, word, n);
            unsigned bit = capability_parse(name);
            if (!bit)
                problems_invalid(p, "capabilities",
                                 arena_printf(c->arena,
                                              _("“%s” is not a capability; use implementation, "
                                                "regulation, policy, research or documentation"),
                                              name));
            caps |= bit ? bit : ~(unsigned)CAPABILITY_ALL; /* refused by validation */
        }
        word += n;
        word += strspn(word, " ,;");
    }
    return caps;
}

static enum status membership_row(struct ctx *c, const struct import *im, struct problems *p,
                                  const char **skip)
{
    struct membership *there;
    const char *id = cell(c, im, M_ID);
    if (*id && store_membership_get(c, id, &there) == STATUS_OK) {
        *skip = _("a membership with this id is already there");
        return STATUS_OK;
    }
    struct membership m = {
        .platform_id = cell(c, im, M_PLATFORM),
        .person_id = cell(c, im, M_PERSON),
        .organisation_id = organisation_ref(c, cell(c, im, M_ORGANISATION), p),
        .role = lower(c, im, M_ROLE),
    };
    if (strchr(m.person_id, '@')) {
        char *person = store_person_id_by_email(c, str_lower_ascii(c->arena, m.person_id));
        if (!person)
            problems_invalid(
                p, "person",
                arena_printf(c->arena, _("nobody has the email address “%s”"), m.person_id));
        m.person_id = person ? person : m.person_id;
    }
    m.capabilities = capabilities_parse(c, cell(c, im, M_CAPABILITIES), p);
    int64_t platform_key = store_platform_key(c, m.platform_id);
    int64_t person_key = *m.person_id ? store_person_key(c, m.person_id) : 0;
    int64_t organisation_key =
        *m.organisation_id ? store_organisation_key(c, m.organisation_id) : 0;
    if (platform_key && (!person_key != !organisation_key) &&
        store_membership_exists(c, platform_key, person_key, organisation_key)) {
        *skip = _("this member is on the platform already");
        return STATUS_OK;
    }
    return membership_create(c, &m, p);
}

static void problem(const struct import *im, int64_t line, const char *column, const char *message)
{
    if (im->hooks->problem)
        im->hooks->problem(im->hooks->arg, line, column, message);
}

/* column_at names the column of the i-th cell of a row, or NULL. */
static const char *column_at(enum sheet_kind kind, const struct import *im, int i)
{
    for (int k = 0; i >= 0 && k < kinds[kind].column_count; k++)
        if (im->cell_of[k] == i)
            return kinds[kind].columns[k].name;
    return NULL;
}

/* read_header maps the header row's names to the kind's columns. Returns
 * false (after reporting every problem) when the rows cannot be read by it. */
static bool read_header(struct ctx *c, enum sheet_kind kind, struct import *im)
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
    const struct column *columns = kinds[kind].columns;
    int n = kinds[kind].column_count;
    for (int k = 0; k < COLUMNS_MAX; k++)
        im->cell_of[k] = -1;
    bool good = true;
    const char *names = "";
    for (int k = 0; k < n; k++)
        names = arena_printf(c->arena, "%s%s%s", names, k ? ", " : "", columns[k].name);
    for (int i = 0; i < rd->count; i++) {
        char *name = str_lower_ascii(c->arena, str_trim(c->arena, rd->cells[i]));
        int k = 0;
        while (k < n && !str_eq(name, columns[k].name))
            k++;
        if (k == n) {
            problem(im, rd->line, NULL,
                    arena_printf(c->arena, _("unknown column “%s”; the columns of %s are %s"), name,
                                 kinds[kind].name, names));
            good = false;
        } else if (im->cell_of[k] >= 0) {
            problem(im, rd->line, NULL,
                    arena_printf(c->arena, _("the column “%s” comes twice"), name));
            good = false;
        } else {
            im->cell_of[k] = i;
        }
    }
    for (int k = 0; k < n; k++)
        if (columns[k].required && im->cell_of[k] < 0) {
            problem(im, rd->line, NULL,
                    arena_printf(c->arena, _("the column “%s” is missing"), columns[k].name));
            good = false;
        }
    if (kind == SHEET_MEMBERSHIPS && im->cell_of[M_PERSON] < 0 && im->cell_of[M_ORGANISATION] < 0) {
        problem(im, rd->line, NULL, _("a column “person” or “organisation” is needed"));
        good = false;
    }
    return good;
}

/* import_one runs the row function of kind on the current row and reports
 * what came of it. Returns STATUS_ERROR when the database failed (the import
 * cannot go on), STATUS_OK otherwise. */
static enum status import_one(struct ctx *c, enum sheet_kind kind, struct import *im,
                              struct sheet_report *out)
{
    struct arena scratch; /* each row's strings die with it */
    arena_init(&scratch, 4096);
    struct ctx rc = *c;
    rc.arena = &scratch;
    struct problems p = {0};
    const char *skip = NULL;
    int64_t line = im->reader.line;
    enum status s = kinds[kind].row(&rc, im, &p, &skip);
    if (p.count) {
        out->problems++;
        for (int i = 0; i < p.count; i++) {
            bool again = false; /* one message a column is enough */
            for (int k = 0; k < i; k++)
                again = again || str_eq(p.items[k].field, p.items[i].field);
            if (!again)
                problem(im, line, p.items[i].field, p.items[i].message);
        }
        s = s == STATUS_ERROR ? s : STATUS_OK;
    } else if (s == STATUS_OK && skip) {
        out->skipped++;
        if (im->hooks->skipped)
            im->hooks->skipped(im->hooks->arg, line, skip);
    } else if (s == STATUS_OK) {
        out->created++;
    } else if (s == STATUS_UNAUTHORIZED || s == STATUS_FORBIDDEN) {
        out->problems++;
        problem(im, line, NULL, _("you may not create this record"));
        s = STATUS_OK;
    } else {
        out->problems++;
        problem(im, line, NULL, _("the database refused the row"));
        s = STATUS_ERROR;
    }
    arena_free(&scratch);
    return s;
}

enum status sheet_import(struct ctx *c, enum sheet_kind kind, FILE *in, bool dry_run,
                         const struct sheet_hooks *hooks, struct sheet_report *out)
{
    memset(out, 0, sizeof *out);
    struct import im = {.hooks = hooks};
    csv_reader_init(&im.reader, in);
    if (!read_header(c, kind, &im)) {
        csv_reader_free(&im.reader);
        out->problems++;
        return STATUS_INVALID;
    }
    enum status s = store_begin(c);
    while (s == STATUS_OK) {
        enum csv_result got = csv_read(&im.reader);
        if (got == CSV_END)
            break;
        out->rows++;
        if (got == CSV_ROW) {
            s = import_one(c, kind, &im, out);
        } else {
            out->problems++;
            problem(&im, im.reader.line, column_at(kind, &im, im.reader.bad_cell), im.reader.error);
            if (got == CSV_BAD_FILE)
                break;
        }
        if (hooks->progress && out->rows % PROGRESS_EVERY == 0)
            hooks->progress(out->rows, hooks->expected > out->rows ? hooks->expected : out->rows,
                            hooks->progress_arg);
    }
    csv_reader_free(&im.reader);
    if (s == STATUS_OK && hooks->progress)
        hooks->progress(out->rows, out->rows, hooks->progress_arg);
    if (s != STATUS_OK)
        return store_end(c, s);
    if (out->problems)
        return store_end(c, STATUS_INVALID);
    if (dry_run) {
        store_end(c, STATUS_CONFLICT); /* any status but OK rolls back */
        return STATUS_OK;
    }
    return store_end(c, STATUS_OK);
}
