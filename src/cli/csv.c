/*
 * csv.c — the csv command: organisations, people and memberships to and from
 * CSV files (domain/sheet.h), as the operator of the installation, with
 * progress on a terminal and a report of every row that has a problem.
 */
#include "cli/cli.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/csv.h"
#include "core/i18n.h"
#include "domain/alliance.h"
#include "domain/sheet.h"
#include "store/db.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

struct options {
    struct config cfg;
    enum sheet_kind kind;
    const char *file;
    const char *alliance; /* export: --alliance SLUG */
    bool dry_run;         /* import: --dry-run */
};

/* parse reads KIND [options] FILE. Returns 0, -1 after --help, or an exit code. */
static int parse(int argc, char **argv, struct options *o, bool exporting, const char *help)
{
    memset(o, 0, sizeof *o);
    config_defaults(&o->cfg);
    const char *kind = NULL;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
            fputs(help, stdout);
            return -1;
        }
        int rc = cli_data_option(argc, argv, &i, &o->cfg);
        if (rc < 0) {
            fputs(help, stderr);
            return EXIT_USAGE;
        }
        if (rc == 1)
            continue;
        if (exporting && !strcmp(arg, "--alliance") && i + 1 < argc) {
            o->alliance = argv[++i];
        } else if (exporting && !strncmp(arg, "--alliance=", 11)) {
            o->alliance = arg + 11;
        } else if (!exporting && !strcmp(arg, "--dry-run")) {
            o->dry_run = true;
        } else if (arg[0] == '-' && strcmp(arg, "-") != 0) {
            fprintf(stderr, _("alliance: unknown option %s\n"), arg);
            fputs(help, stderr);
            return EXIT_USAGE;
        } else if (!kind) {
            kind = arg;
        } else if (!o->file) {
            o->file = arg;
        } else {
            fprintf(stderr, _("alliance: one file only (%s)\n"), arg);
            return EXIT_USAGE;
        }
    }
    if (!kind || !o->file) {
        fputs(help, stderr);
        return EXIT_USAGE;
    }
    if (!sheet_kind_parse(kind, &o->kind)) {
        fprintf(stderr,
                _("alliance: %s is not a kind of record: organisations, people or "
                  "memberships\n"),
                kind);
        return EXIT_USAGE;
    }
    if (o->alliance && o->kind != SHEET_MEMBERSHIPS) {
        fputs(_("alliance: --alliance selects memberships; organisations and people belong to "
                "no single alliance\n"),
              stderr);
        return EXIT_USAGE;
    }
    return 0;
}

/* session is what both directions open: the database, an arena, the operator. */
struct session {
    struct db *db;
    struct arena arena;
    struct ctx c;
};

static int session_open(struct session *s, const struct config *cfg)
{
    if (cli_open(cfg, &s->db) != 0)
        return -1;
    arena_init(&s->arena, 64 * 1024);
    s->c = (struct ctx){.db = s->db, .arena = &s->arena, .viewer = &viewer_operator};
    return 0;
}

static void session_close(struct session *s)
{
    arena_free(&s->arena);
    db_close(s->db);
}

static int export_run(const struct options *o)
{
    bool standard = strcmp(o->file, "-") == 0;
    struct session s;
    if (session_open(&s, &o->cfg) != 0)
        return EXIT_FAILURE_;
    struct sheet_filter f = {0};
    struct alliance *a;
    if (o->alliance) {
        if (alliance_find(&s.c, o->alliance, &a) != STATUS_OK) {
            fprintf(stderr, _("alliance: no alliance is called %s\n"), o->alliance);
            session_close(&s);
            return EXIT_FAILURE_;
        }
        f.alliance_key = a->key;
    }
    FILE *out = standard ? stdout : fopen(o->file, "w");
    if (!out) {
        fprintf(stderr, _("alliance: cannot write %s: %s\n"), o->file, strerror(errno));
        session_close(&s);
        return EXIT_FAILURE_;
    }
    struct cli_progress ps = {clock_micros(), _("Exported"), _("records")};
    struct csv_writer w;
    csv_writer_begin(&w, csv_sink_file, out);
    enum status st = sheet_export(&s.c, o->kind, &f, &w, cli_progress(), &ps);
    int status = EXIT_OK;
    if (st != STATUS_OK || fflush(out) != 0 || (!standard && fclose(out) != 0)) {
        fprintf(stderr, "%s", _("alliance: the export could not be written\n"));
        status = EXIT_FAILURE_;
    }
    session_close(&s);
    return status;
}

/* What the report of an import knows: the progress, and whether its line is
 * on the terminal unfinished (a message then starts on a line of its own). */
struct report {
    struct cli_progress progress;
    bool midline;
};

static void report_progress(int64_t done, int64_t total, void *arg)
{
    struct report *rp = arg;
    cli_progress_show(done, total, &rp->progress);
    rp->midline = done < total;
}

static void report_newline(struct report *rp)
{
    if (rp->midline)
        fputc('\n', stderr);
    rp->midline = false;
}

static void report_problem(void *arg, int64_t line, const char *column, const char *message)
{
    report_newline(arg);
    if (column)
        fprintf(stderr, _("line %lld, %s: %s\n"), (long long)line, column, message);
    else
        fprintf(stderr, _("line %lld: %s\n"), (long long)line, message);
}

static void report_skipped(void *arg, int64_t line, const char *message)
{
    report_newline(arg);
    printf(_("line %lld: skipped, %s\n"), (long long)line, message);
}

/* count_rows guesses the rows of a regular file from its line ends, for the
 * progress; 0 when it cannot tell. The file is read again from the start. */
static int64_t count_rows(FILE *in)
{
    struct stat st;
    if (fstat(fileno(in), &st) != 0 || !S_ISREG(st.st_mode))
        return 0;
    int64_t lines = 0;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, in)) > 0)
        for (size_t i = 0; i < n; i++)
            lines += chunk[i] == '\n';
    rewind(in);
    return lines > 1 ? lines - 1 : 1;
}

/* records says "12 organisations" in the reader's language. */
static const char *records(char *text, size_t size, enum sheet_kind kind, int64_t n)
{
    unsigned long k = (unsigned long)n;
    const char *format =
        kind == SHEET_ORGANISATIONS ? ngettext("%lld organisation", "%lld organisations", k)
        : kind == SHEET_PEOPLE      ? ngettext("%lld person", "%lld people", k)
                                    : ngettext("%lld membership", "%lld memberships", k);
    snprintf(text, size, format, (long long)n);
    return text;
}

static void summary(const struct options *o, enum status st, const struct sheet_report *r)
{
    char made[128];
    records(made, sizeof made, o->kind, r->created);
    FILE *out = st == STATUS_OK ? stdout : stderr;
    if (o->dry_run)
        fprintf(out, _("Would create %s"), made);
    else if (st == STATUS_OK)
        fprintf(out, _("Created %s"), made);
    else
        fputs(_("Nothing was imported"), out);
    if (r->skipped)
        fprintf(out,
                ngettext("; %lld row skipped (already there)",
                         "; %lld rows skipped (already there)", (unsigned long)r->skipped),
                (long long)r->skipped);
    if (r->problems)
        fprintf(out,
                ngettext("; %lld row has problems", "; %lld rows have problems",
                         (unsigned long)r->problems),
                (long long)r->problems);
    fputs(o->dry_run ? _(". Dry run: nothing was changed.\n") : ".\n", out);
    if (st == STATUS_ERROR)
        fputs(_("alliance: the database failed; nothing was imported\n"), stderr);
}

static int import_run(const struct options *o)
{
    bool standard = strcmp(o->file, "-") == 0;
    FILE *in = standard ? stdin : fopen(o->file, "r");
    if (!in) {
        fprintf(stderr, _("alliance: cannot read %s: %s\n"), o->file, strerror(errno));
        return EXIT_FAILURE_;
    }
    struct session s;
    if (session_open(&s, &o->cfg) != 0) {
        if (!standard)
            fclose(in);
        return EXIT_FAILURE_;
    }
    struct report rp = {{clock_micros(), _("Read"), _("rows")}, false};
    struct sheet_hooks hooks = {
        .problem = report_problem,
        .skipped = report_skipped,
        .arg = &rp,
        .progress_arg = &rp,
    };
    /* Without a total (standard input) progress would only say "of 0". */
    hooks.expected = cli_progress() ? count_rows(in) : 0;
    if (hooks.expected)
        hooks.progress = report_progress;
    struct sheet_report report;
    enum status st = sheet_import(&s.c, o->kind, in, o->dry_run, &hooks, &report);
    fflush(stdout);
    summary(o, st, &report);
    if (!standard)
        fclose(in);
    session_close(&s);
    return st == STATUS_OK ? EXIT_OK : EXIT_FAILURE_;
}

static const char export_help[] =
    N_("Usage: alliance csv export KIND [--alliance SLUG] [--data DIR | --db URL] FILE\n\n"
       "Writes the organisations, people or memberships (KIND) to FILE (- for standard\n"
       "output) as CSV for spreadsheets: RFC 4180, UTF-8 with a byte order mark, a\n"
       "header row, rows in the order the records were made. A cell that a spreadsheet\n"
       "would take for a formula (=, +, -, @) starts with an apostrophe.\n"
       "--alliance keeps the memberships of one alliance's platforms.\n\n"
       "Columns:\n"
       "  organisations  id, name, kind, description, website\n"
       "  people         id, name, email, gender, marginalised_group, organisation\n"
       "  memberships    id, platform, platform_name, person, organisation, member_name,\n"
       "                 role, capabilities\n");

static const char import_help[] =
    N_("Usage: alliance csv import KIND [--dry-run] [--data DIR | --db URL] FILE\n\n"
       "Creates organisations, people or memberships (KIND) from a CSV file (FILE, or -\n"
       "for standard input) whose first row names the columns, as alliance csv export\n"
       "writes them; only name and kind (organisations), name (people), and platform,\n"
       "role and a person or an organisation (memberships) are needed.\n"
       "  people: organisation is an organisation's id or exact name\n"
       "  memberships: platform is an id; person an id or an email; organisation an id\n"
       "  or an exact name; capabilities are names separated by spaces\n"
       "Import organisations first, then people, then memberships.\n\n"
       "Every row is checked as the API checks it, all in one transaction: when any row\n"
       "has a problem, nothing is imported, and every problem is listed with its line.\n"
       "Rows whose record is there already (the same id; the same email, name, or\n"
       "platform and member) are skipped. --dry-run checks everything and changes\n"
       "nothing.\n");

static int csv_export_cmd(int argc, char **argv)
{
    struct options o;
    int rc = parse(argc, argv, &o, true, _(export_help));
    return rc < 0 ? EXIT_OK : rc ? rc : export_run(&o);
}

static int csv_import_cmd(int argc, char **argv)
{
    struct options o;
    int rc = parse(argc, argv, &o, false, _(import_help));
    return rc < 0 ? EXIT_OK : rc ? rc : import_run(&o);
}

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
} subcommands[] = {
    {"export", csv_export_cmd},
    {"import", csv_import_cmd},
};

int csv_cmd(int argc, char **argv)
{
    const char *help = _("Usage: alliance csv export KIND [OPTIONS] FILE\n"
                         "       alliance csv import KIND [--dry-run] [OPTIONS] FILE\n\n"
                         "Organisations, people and memberships (KIND) to and from CSV files "
                         "for\nspreadsheets. Each takes --help.\n");
    if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        fputs(help, stdout);
        return EXIT_OK;
    }
    for (size_t i = 0; argc >= 2 && i < sizeof subcommands / sizeof subcommands[0]; i++)
        if (!strcmp(argv[1], subcommands[i].name))
            return subcommands[i].run(argc - 1, argv + 1);
    fputs(help, stderr);
    return EXIT_USAGE;
}
