/*
 * backup.c — the backup and restore commands: a consistent copy of a SQLite
 * database made while the server runs (SQLite's online backup), checked
 * before it is called done, and put back over the live database after the
 * same check. PostgreSQL has its own tools (pg_dump); alliance export works
 * on either engine.
 */
#include "cli/cli.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "domain/transfer.h"
#include "store/db.h"
#include "store/schema.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct options {
    struct config cfg;
    const char *file;
    bool force; /* backup: replace FILE; restore: replace the data unasked */
};

/* parse reads [--data DIR] [--force|--yes] FILE; returns 0, -1 after --help,
 * or an exit code. */
static int parse(int argc, char **argv, struct options *o, const char *flag, const char *help)
{
    config_defaults(&o->cfg);
    o->file = NULL;
    o->force = false;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(help, stdout);
            return -1;
        }
        int rc = cli_data_option(argc, argv, &i, &o->cfg);
        if (rc == 1)
            continue;
        if (rc == 0 && !strcmp(argv[i], flag)) {
            o->force = true;
            continue;
        }
        if (rc == 0 && !o->file && argv[i][0] != '-') {
            o->file = argv[i];
            continue;
        }
        if (rc == 0)
            fprintf(stderr, _("alliance: unknown option %s\n"), argv[i]);
        fputs(help, stderr);
        return EXIT_USAGE;
    }
    if (!o->file) {
        fputs(help, stderr);
        return EXIT_USAGE;
    }
    if (o->cfg.db_url) {
        fputs(_("alliance: backup and restore copy a SQLite database; with PostgreSQL use\n"
                "pg_dump and pg_restore, or alliance export and import (either engine)\n"),
              stderr);
        return EXIT_FAILURE_;
    }
    return 0;
}

/* sync_path makes what was written to path (a file or a directory) durable. */
static int sync_path(const char *path, bool directory)
{
    int fd = open(path, (directory ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

static long long file_bytes(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long long)st.st_size : 0;
}

int backup_cmd(int argc, char **argv)
{
    const char *help =
        _("Usage: alliance backup [--data DIR] [--force] FILE\n\n"
          "Copies the database of the data directory into FILE while servers go on\n"
          "running (SQLite's online backup: the copy is of one moment), then checks the\n"
          "copy whole before saying it is done. --force replaces an existing FILE.\n"
          "Put it back with alliance restore.\n");
    struct options o;
    int rc = parse(argc, argv, &o, "--force", help);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    if (!o.force && access(o.file, F_OK) == 0) {
        fprintf(stderr, _("alliance: %s exists; --force replaces it\n"), o.file);
        return EXIT_FAILURE_;
    }
    char partial[4096];
    if (snprintf(partial, sizeof partial, "%s.partial", o.file) >= (int)sizeof partial) {
        fputs(_("alliance: the file name is too long\n"), stderr);
        return EXIT_USAGE;
    }
    struct db *db;
    if (cli_open(&o.cfg, &db) != 0)
        return EXIT_FAILURE_;
    int64_t started = clock_micros();
    struct cli_progress ps = {started, _("Copied"), _("pages")};
    unlink(partial);
    rc = db_copy_to(db, partial, cli_progress(), &ps);
    db_close(db);
    /* The copy is durable under its own name before it takes FILE's. */
    char directory[4096];
    snprintf(directory, sizeof directory, "%s", o.file);
    if (rc != DB_DONE || sync_path(partial, false) != 0 || rename(partial, o.file) != 0 ||
        sync_path(dirname(directory), true) != 0) {
        fprintf(stderr, _("alliance: the backup into %s failed: %s\n"), o.file, strerror(errno));
        unlink(partial);
        return EXIT_FAILURE_;
    }
    int version;
    char why[256];
    if (db_check_copy(o.file, &version, why, sizeof why) != 0) {
        fprintf(stderr, _("alliance: the copy in %s does not check out: %s\n"), o.file, why);
        return EXIT_FAILURE_;
    }
    printf(_("Backed up %s to %s: %.1f MB, schema version %d, checked whole, in %.1f s.\n"),
           config_where(&o.cfg), o.file, (double)file_bytes(o.file) / 1e6, version,
           (double)(clock_micros() - started) / 1e6);
    return EXIT_OK;
}

/* confirm asks on a terminal before data is replaced; without a terminal the
 * answer is no (scripts say --yes). */
static bool confirm(const char *where)
{
    if (!isatty(STDIN_FILENO)) {
        fprintf(stderr, _("alliance: %s holds data; restore replaces all of it: say --yes\n"),
                where);
        return false;
    }
    fprintf(stderr,
            _("%s holds data. Restoring replaces all of it (a copy of it is kept first).\n"
              "Type restore to go on: "),
            where);
    char answer[32];
    if (!fgets(answer, sizeof answer, stdin))
        return false;
    answer[strcspn(answer, "\r\n")] = '\0';
    return strcmp(answer, "restore") == 0;
}

int restore_cmd(int argc, char **argv)
{
    const char *help =
        _("Usage: alliance restore [--data DIR] [--yes] FILE\n\n"
          "Checks the backup FILE whole (it must be an Alliance database no newer than\n"
          "this program), then puts it in place of the data directory's database and\n"
          "brings its schema up to date. Servers running on the directory see it at\n"
          "their next request. When the directory already holds data, restore asks\n"
          "first (--yes answers for scripts) and keeps a copy of what it replaces as\n"
          "DIR/alliance-before-restore-TIME.db.\n");
    struct options o;
    int rc = parse(argc, argv, &o, "--yes", help);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    int version;
    char why[256];
    if (access(o.file, R_OK) != 0) {
        fprintf(stderr, _("alliance: %s cannot be restored: %s\n"), o.file, strerror(errno));
        return EXIT_FAILURE_;
    }
    if (db_check_copy(o.file, &version, why, sizeof why) != 0) {
        fprintf(stderr, _("alliance: %s cannot be restored: %s\n"), o.file, why);
        return EXIT_FAILURE_;
    }
    if (version > schema_latest()) {
        fprintf(stderr,
                _("alliance: %s is at schema version %d, newer than this program (%d); "
                  "use a newer alliance\n"),
                o.file, version, schema_latest());
        return EXIT_FAILURE_;
    }
    struct db *db;
    if (cli_open(&o.cfg, &db) != 0)
        return EXIT_FAILURE_;
    struct arena arena;
    arena_init(&arena, 4096);
    struct ctx c = {.db = db, .arena = &arena, .viewer = &viewer_operator};
    bool empty = transfer_empty(&c);
    arena_free(&arena);
    int status = EXIT_FAILURE_;
    char kept[4096] = "";
    if (!empty) {
        if (!o.force && !confirm(config_where(&o.cfg)))
            goto done;
        char stamp[32];
        time_t now = time(NULL);
        strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", gmtime(&now));
        snprintf(kept, sizeof kept, "%s/alliance-before-restore-%s.db", o.cfg.data_dir, stamp);
        if (db_copy_to(db, kept, NULL, NULL) != DB_DONE || sync_path(kept, false) != 0) {
            fprintf(stderr,
                    _("alliance: cannot keep a copy of the data in %s; nothing "
                      "was restored\n"),
                    kept);
            goto done;
        }
    }
    struct cli_progress ps = {clock_micros(), _("Restored"), _("pages")};
    if (db_copy_from(db, o.file, cli_progress(), &ps) != DB_DONE) {
        fprintf(stderr, _("alliance: the restore failed (%s); the data is as it was\n"),
                db_errmsg(db));
        goto done;
    }
    if (schema_migrate(db) != 0)
        goto done;
    printf(_("Restored %s into %s (schema version %d, now %d).\n"), o.file, config_where(&o.cfg),
           version, schema_version(db));
    if (*kept)
        printf(_("What it replaced is kept in %s.\n"), kept);
    status = EXIT_OK;
done:
    db_close(db);
    return status;
}
