/*
 * main.c — the alliance program: a table of commands, each with its help.
 */
#include "cli/cli.h"
#include "core/i18n.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *help;
};

static const struct command commands[] = {
    {"serve", serve_cmd, N_("serve the web pages and the JSON API")},
    {"init", init_cmd, N_("create a data directory with an empty database")},
    {"demo", demo_cmd, N_("load the demo alliance into a data directory")},
    {"user", user_cmd, N_("add an account: user add --email E --name N [--admin]")},
    {"token", token_cmd, N_("make an API token: token add --email E --label L")},
    {"audit", audit_cmd, N_("print the audit trail")},
    {"export", export_cmd, N_("write the whole installation to a file (JSON Lines)")},
    {"import", import_cmd, N_("read an export into an empty installation")},
    {"backup", backup_cmd, N_("copy the database while the server runs, and check the copy")},
    {"restore", restore_cmd, N_("replace the database with a checked backup")},
    {"csv", csv_cmd, N_("organisations, people and memberships to and from CSV files")},
    {"generate", generate_cmd, N_("fill an empty data directory with a synthetic sector")},
    {"version", version_cmd, N_("print the version")},
};

#define COMMAND_COUNT (sizeof commands / sizeof commands[0])

static void usage(FILE *out)
{
    fprintf(out, "%s",
            _("Usage: alliance COMMAND [OPTIONS]\n\n"
              "Alliance is the software a learning alliance runs on.\n\n"
              "Commands:\n"));
    for (size_t i = 0; i < COMMAND_COUNT; i++)
        fprintf(out, "  %-9s %s\n", commands[i].name, _(commands[i].help));
    fprintf(out, "%s",
            _("\nEvery command takes --help. Commands that work on data take "
              "--data DIR\n(default $ALLIANCE_DATA, else ./alliance-data).\n"));
}

int main(int argc, char **argv)
{
    i18n_init();
    if (sodium_init() < 0) {
        fputs("alliance: cannot initialise libsodium\n", stderr);
        return EXIT_FAILURE_;
    }
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return EXIT_OK;
    }
    if (!strcmp(argv[1], "--version"))
        return version_cmd(argc - 1, argv + 1);
    for (size_t i = 0; i < COMMAND_COUNT; i++)
        if (!strcmp(argv[1], commands[i].name))
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, _("alliance: unknown command %s\n\n"), argv[1]);
    usage(stderr);
    return EXIT_USAGE;
}
