/*
 * common.c — what the commands share: opening the data directory, and the
 * --data option.
 */
#include "cli/cli.h"

#include "core/clock.h"
#include "core/i18n.h"
#include "store/db.h"
#include "store/schema.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void cli_progress_show(int64_t done, int64_t total, void *arg)
{
    struct cli_progress *ps = arg;
    double seconds = (double)(clock_micros() - ps->started) / 1e6;
    double rate = seconds > 0 ? (double)done / seconds : 0;
    double left = rate > 0 && total > done ? (double)(total - done) / rate : 0;
    fprintf(stderr, _("\r%s %lld of %lld %s, %.0f a second, %.0f s left   "), ps->verb,
            (long long)done, (long long)total, ps->unit, rate, left);
    if (done >= total)
        fputc('\n', stderr);
}

void (*cli_progress(void))(int64_t done, int64_t total, void *arg)
{
    return isatty(STDERR_FILENO) ? cli_progress_show : NULL;
}

int cli_open(const struct config *cfg, struct db **out)
{
    if (!cfg->db_url && mkdir(cfg->data_dir, 0750) != 0 && errno != EEXIST) {
        fprintf(stderr, _("alliance: cannot create the data directory %s: %s\n"), cfg->data_dir,
                strerror(errno));
        return -1;
    }
    char path[4096];
    if (config_database(cfg, path, sizeof path) != 0) {
        fprintf(stderr, "%s", _("alliance: the database address is too long\n"));
        return -1;
    }
    struct db *db;
    if (db_open(path, &db) != 0)
        return -1;
    if (schema_migrate(db) != 0) {
        db_close(db);
        return -1;
    }
    *out = db;
    return 0;
}

int cli_data_option(int argc, char **argv, int *i, struct config *cfg)
{
    const char *arg = argv[*i];
    if (strcmp(arg, "--data") == 0) {
        if (*i + 1 >= argc) {
            fprintf(stderr, "%s", _("alliance: --data needs a directory\n"));
            return -1;
        }
        cfg->data_dir = argv[++*i];
        return 1;
    }
    if (strncmp(arg, "--data=", 7) == 0) {
        cfg->data_dir = arg + 7;
        return 1;
    }
    if (strcmp(arg, "--db") == 0 || strncmp(arg, "--db=", 5) == 0) {
        const char *url = arg[4] == '=' ? arg + 5 : *i + 1 < argc ? argv[++*i] : NULL;
        if (!url || !db_is_postgres(url)) {
            fprintf(stderr, "%s",
                    _("alliance: --db wants a PostgreSQL address, such as "
                      "postgresql://user@host/alliance\n"));
            return -1;
        }
        cfg->db_url = url;
        return 1;
    }
    return 0;
}
