/*
 * serve.c — the init, serve and version commands.
 */
#include "cli/cli.h"

#include "core/i18n.h"
#include "core/str.h"
#include "http/server.h"
#include "store/db.h"
#include "store/schema.h"

#include <stdio.h>
#include <string.h>

static int wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
            return 1;
    return 0;
}

/* parse_data_only accepts only --data; returns 0 or an exit code. */
static int parse_data_only(int argc, char **argv, struct config *cfg, const char *help)
{
    for (int i = 1; i < argc; i++) {
        int rc = cli_data_option(argc, argv, &i, cfg);
        if (rc == 1)
            continue;
        if (rc == 0)
            fprintf(stderr, _("alliance: unknown option %s\n"), argv[i]);
        fputs(help, stderr);
        return EXIT_USAGE;
    }
    return 0;
}

int init_cmd(int argc, char **argv)
{
    const char *help = _("Usage: alliance init [--data DIR]\n\n"
                         "Creates the data directory and its database, or brings an existing\n"
                         "database up to the current schema. Safe to run twice.\n");
    if (wants_help(argc, argv)) {
        fputs(help, stdout);
        return EXIT_OK;
    }
    struct config cfg;
    config_defaults(&cfg);
    int rc = parse_data_only(argc, argv, &cfg, help);
    if (rc)
        return rc;
    struct db *db;
    if (cli_open(&cfg, &db) != 0)
        return EXIT_FAILURE_;
    printf(_("Data directory %s is ready (schema version %d).\n"), config_where(&cfg),
           schema_version(db));
    db_close(db);
    return EXIT_OK;
}

int serve_cmd(int argc, char **argv)
{
    const char *help =
        _("Usage: alliance serve [--data DIR] [--listen HOST:PORT] [--threads N]\n"
          "                      [--body-limit BYTES] [--timeout SECONDS] [--name TEXT]\n"
          "                      [--base-url URL] [--secure-cookies]\n"
          "                      [--session-idle SECONDS] [--session-max SECONDS]\n"
          "                      [--cache MB] [--upload-limit BYTES] [--uploads N]\n"
          "                      [--files DIR] [--response-days N]\n"
          "                      [--smtp-url URL] [--smtp-starttls] [--smtp-user NAME]\n"
          "                      [--smtp-password-file FILE] [--mail-from ADDRESS]\n"
          "                      [--smtp-timeout SECONDS] [--mail-retry SECONDS]\n"
          "                      [--jobs-every SECONDS] [--digest-day SECONDS]\n\n"
          "Serves the web pages and the JSON API until stopped with Ctrl-C or SIGTERM.\n"
          "Defaults: --listen 127.0.0.1:8080 ($ALLIANCE_LISTEN), one event loop per core,\n"
          "a 1 MiB body limit for forms and JSON, 30 s connection timeout.\n"
          "--listen 127.0.0.1:0 picks a free port; the address is printed on start.\n"
          "--base-url is where people reach the server (for links in invitations);\n"
          "with https:// cookies are sent only over HTTPS, as with --secure-cookies.\n"
          "Sessions end after 12 hours unused, and after 30 days in any case.\n"
          "--cache is how many MiB of unchanged answers each event loop keeps (4;\n"
          "0 keeps none).\n"
          "Documents: files up to --upload-limit (50 MiB), --uploads at once (4),\n"
          "kept in --files (DATA_DIR/files; with --db name it: every server of the\n"
          "installation must share it). $ALLIANCE_PDFTOTEXT reads the text of PDF\n"
          "files (pdftotext), for at most $ALLIANCE_TEXT_SECONDS (10) a file.\n"
          "Shares still without a response after --response-days (30) are flagged.\n"
          "Email is off (notifications stay in Alliance) unless --smtp-url names an SMTP\n"
          "server: smtp://HOST:PORT (with --smtp-starttls, upgraded and refused without\n"
          "TLS) or smtps://HOST:PORT. --smtp-user signs in; the password comes from\n"
          "$ALLIANCE_SMTP_PASSWORD or the file --smtp-password-file, never from the\n"
          "command line. --mail-from is the From address (required with email); links\n"
          "in messages start with --base-url. One SMTP conversation may take\n"
          "--smtp-timeout (60) seconds; a failed message is tried again after\n"
          "--mail-retry (60) seconds, then twice as long each time, at most 256 times\n"
          "as long, and marked failed after 10 attempts (see /admin/mail).\n"
          "Periodic jobs (action items due, digests, sending) run every --jobs-every\n"
          "(30) seconds. --digest-day (86400) is how many seconds a day of the digests\n"
          "lasts (a week is seven): shorten it for tests only.\n");
    if (wants_help(argc, argv)) {
        fputs(help, stdout);
        return EXIT_OK;
    }
    struct config cfg;
    config_defaults(&cfg);
    for (int i = 1; i < argc; i++) {
        int rc = cli_data_option(argc, argv, &i, &cfg);
        if (rc == 1)
            continue;
        if (rc < 0)
            return EXIT_USAGE;
        const char *opt = argv[i];
        if (!strcmp(opt, "--secure-cookies")) {
            cfg.secure_cookies = 1;
            continue;
        }
        if (!strcmp(opt, "--smtp-starttls")) {
            cfg.smtp_starttls = 1;
            continue;
        }
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        int64_t n;
        if (!value) {
            fprintf(stderr, _("alliance: %s needs a value\n"), opt);
            return EXIT_USAGE;
        }
        if (!strcmp(opt, "--listen")) {
            cfg.listen = value;
        } else if (!strcmp(opt, "--name")) {
            cfg.site_name = value;
        } else if (!strcmp(opt, "--threads") && str_parse_int64(value, 1, 64, &n) == 0) {
            cfg.threads = (int)n;
        } else if (!strcmp(opt, "--body-limit") && str_parse_int64(value, 1024, 1 << 30, &n) == 0) {
            cfg.body_limit = (size_t)n;
        } else if (!strcmp(opt, "--timeout") && str_parse_int64(value, 1, 3600, &n) == 0) {
            cfg.timeout_seconds = (int)n;
        } else if (!strcmp(opt, "--base-url") &&
                   (str_starts_with(value, "http://") || str_starts_with(value, "https://"))) {
            cfg.base_url = value;
        } else if (!strcmp(opt, "--session-idle") &&
                   str_parse_int64(value, 60, 365 * 86400, &n) == 0) {
            cfg.session_idle_seconds = (int)n;
        } else if (!strcmp(opt, "--session-max") &&
                   str_parse_int64(value, 60, 365 * 86400, &n) == 0) {
            cfg.session_max_seconds = (int)n;
        } else if (!strcmp(opt, "--cache") && str_parse_int64(value, 0, 1024, &n) == 0) {
            cfg.cache_bytes = (size_t)n * 1024 * 1024;
        } else if (!strcmp(opt, "--upload-limit") &&
                   str_parse_int64(value, 1024, INT64_C(1) << 40, &n) == 0) {
            cfg.upload_limit = (size_t)n;
        } else if (!strcmp(opt, "--uploads") && str_parse_int64(value, 1, 64, &n) == 0) {
            cfg.uploads_max = (int)n;
        } else if (!strcmp(opt, "--files") && *value) {
            cfg.files_dir = value;
        } else if (!strcmp(opt, "--response-days") && str_parse_int64(value, 1, 3650, &n) == 0) {
            cfg.response_days = (int)n;
        } else if (!strcmp(opt, "--smtp-url") &&
                   (str_starts_with(value, "smtp://") || str_starts_with(value, "smtps://"))) {
            cfg.smtp_url = value;
        } else if (!strcmp(opt, "--smtp-user") && *value) {
            cfg.smtp_user = value;
        } else if (!strcmp(opt, "--smtp-password-file") && *value) {
            cfg.smtp_password_file = value;
        } else if (!strcmp(opt, "--mail-from") && strchr(value, '@')) {
            cfg.mail_from = value;
        } else if (!strcmp(opt, "--smtp-timeout") && str_parse_int64(value, 1, 600, &n) == 0) {
            cfg.smtp_timeout_seconds = (int)n;
        } else if (!strcmp(opt, "--mail-retry") && str_parse_int64(value, 1, 86400, &n) == 0) {
            cfg.mail_retry_seconds = (int)n;
        } else if (!strcmp(opt, "--jobs-every") && str_parse_int64(value, 1, 3600, &n) == 0) {
            cfg.jobs_seconds = (int)n;
        } else if (!strcmp(opt, "--digest-day") && str_parse_int64(value, 1, 86400, &n) == 0) {
            cfg.digest_day_seconds = (int)n;
        } else {
            fprintf(stderr, _("alliance: bad option or value: %s %s\n"), opt, value);
            fputs(help, stderr);
            return EXIT_USAGE;
        }
        i++;
    }
    if (cfg.base_url && str_starts_with(cfg.base_url, "https://"))
        cfg.secure_cookies = 1;
    if (cfg.smtp_url && !cfg.mail_from) {
        fprintf(stderr, _("alliance: email needs a From address: --mail-from ADDRESS\n"));
        return EXIT_USAGE;
    }
    struct db *db;
    if (cli_open(&cfg, &db) != 0)
        return EXIT_FAILURE_;
    db_close(db);
    return server_run(&cfg) == 0 ? EXIT_OK : EXIT_FAILURE_;
}

int version_cmd(int argc, char **argv)
{
    const char *help = _("Usage: alliance version\n\nPrints the version of the program, of its "
                         "database schema and of SQLite.\n");
    if (wants_help(argc, argv)) {
        fputs(help, stdout);
        return EXIT_OK;
    }
    if (argc > 1) {
        fprintf(stderr, _("alliance: unknown option %s\n"), argv[1]);
        fputs(help, stderr);
        return EXIT_USAGE;
    }
    char libraries[128];
    db_libraries(libraries, sizeof libraries);
    printf("alliance %s (schema %d; %s)\n", ALLIANCE_VERSION, schema_latest(), libraries);
    return EXIT_OK;
}
