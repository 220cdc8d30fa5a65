/*
 * transfer.c — the export and import commands (domain/transfer.h), with
 * progress on a terminal: records done, the rate, and the time left.
 */
#include "cli/cli.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "domain/transfer.h"
#include "store/db.h"

#include <stdio.h>
#include <string.h>

/* parse reads [--data DIR] [--db URL] FILE; returns 0, or an exit code. */
static int parse(int argc, char **argv, struct config *cfg, const char **file, const char *help)
{
    *file = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(help, stdout);
            return -1;
        }
        int rc = cli_data_option(argc, argv, &i, cfg);
        if (rc == 1)
            continue;
        if (rc == 0 && !*file && (argv[i][0] != '-' || !strcmp(argv[i], "-"))) {
            *file = argv[i];
            continue;
        }
        if (rc == 0)
            fprintf(stderr, _("alliance: unknown option %s\n"), argv[i]);
        fputs(help, stderr);
        return EXIT_USAGE;
    }
    if (!*file) {
        fputs(help, stderr);
        return EXIT_USAGE;
    }
    return 0;
}

/* run opens the data and runs the transfer with the operator's rights. */
static int run(const struct config *cfg, const char *file, bool writing)
{
    bool standard = strcmp(file, "-") == 0;
    FILE *f = standard ? (writing ? stdout : stdin) : fopen(file, writing ? "w" : "r");
    if (!f) {
        fprintf(stderr, _("alliance: cannot open %s\n"), file);
        return EXIT_FAILURE_;
    }
    struct db *db;
    if (cli_open(cfg, &db) != 0) {
        if (!standard)
            fclose(f);
        return EXIT_FAILURE_;
    }
    struct arena arena;
    arena_init(&arena, 64 * 1024);
    struct ctx c = {.db = db, .arena = &arena, .viewer = &viewer_operator};
    struct cli_progress ps = {clock_micros(), writing ? _("Exported") : _("Imported"),
                              _("records")};
    transfer_progress progress = cli_progress();
    struct problems p = {0};
    enum status s =
        writing ? transfer_export(&c, f, progress, &ps) : transfer_import(&c, f, progress, &ps, &p);
    int status = EXIT_OK;
    if (s != STATUS_OK) {
        fprintf(stderr, "alliance: %s\n",
                p.count   ? p.items[0].message
                : writing ? _("the export could not be written")
                          : _("the import failed; nothing was imported"));
        status = EXIT_FAILURE_;
    }
    if (!standard && fclose(f) != 0)
        status = EXIT_FAILURE_;
    arena_free(&arena);
    db_close(db);
    return status;
}

int export_cmd(int argc, char **argv)
{
    const char *help = _("Usage: alliance export [--data DIR | --db URL] FILE\n\n"
                         "Writes the whole installation to FILE (- for standard output) as "
                         "JSON Lines:\na header, then one record a line. Read it back with "
                         "alliance import, into\nSQLite or PostgreSQL. Sessions, pending "
                         "links and sign-in counters stay behind.\n");
    struct config cfg;
    config_defaults(&cfg);
    const char *file;
    int rc = parse(argc, argv, &cfg, &file, help);
    return rc < 0 ? EXIT_OK : rc ? rc : run(&cfg, file, true);
}

int import_cmd(int argc, char **argv)
{
    const char *help = _("Usage: alliance import [--data DIR | --db URL] FILE\n\n"
                         "Reads an export (FILE, or - for standard input) into an empty "
                         "installation,\nin one transaction: the first bad record stops it, "
                         "with its line number,\nand nothing is imported.\n");
    struct config cfg;
    config_defaults(&cfg);
    const char *file;
    int rc = parse(argc, argv, &cfg, &file, help);
    return rc < 0 ? EXIT_OK : rc ? rc : run(&cfg, file, false);
}
