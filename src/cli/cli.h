/*
 * cli.h — the commands of the alliance program. Each takes the arguments after
 * its name, prints its own --help, and returns an exit code scripts can rely on.
 */
#ifndef ALLIANCE_CLI_H
#define ALLIANCE_CLI_H

#include "core/config.h"

#include <stdint.h>

struct db;

/* Exit codes. */
enum {
    EXIT_OK = 0,
    EXIT_FAILURE_ = 1, /* the command could not do its work */
    EXIT_USAGE = 2,    /* the command line is wrong */
};

/* cli_open creates the data directory if needed, opens its database and
 * brings the schema up to date. Returns 0, or prints why and returns -1. */
int cli_open(const struct config *cfg, struct db **out);

/* cli_data_option handles the options every data command shares: --data DIR
 * and --db URL. It returns 1 when argv[*i] was one of them (advancing *i past
 * its value), 0 when it was not, and -1 on a missing value (after saying so). */
int cli_data_option(int argc, char **argv, int *i, struct config *cfg);

/* Progress of long work on a terminal: "Exported 5000 of 9000 records, 2500 a
 * second, 2 s left". cli_progress_show has the shape of the progress
 * callbacks (done, total, arg) with arg a struct cli_progress; cli_progress
 * gives the callback, or NULL when standard error is not a terminal. */
struct cli_progress {
    int64_t started; /* clock_micros() at the start */
    const char *verb;
    const char *unit; /* "records", "pages" */
};
void cli_progress_show(int64_t done, int64_t total, void *arg);
void (*cli_progress(void))(int64_t done, int64_t total, void *arg);

int init_cmd(int argc, char **argv);
int serve_cmd(int argc, char **argv);
int demo_cmd(int argc, char **argv);
int version_cmd(int argc, char **argv);
int generate_cmd(int argc, char **argv);
int user_cmd(int argc, char **argv);
int token_cmd(int argc, char **argv);
int audit_cmd(int argc, char **argv);
int export_cmd(int argc, char **argv);
int import_cmd(int argc, char **argv);
int backup_cmd(int argc, char **argv);
int restore_cmd(int argc, char **argv);
int csv_cmd(int argc, char **argv);

#endif
