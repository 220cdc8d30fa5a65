/*
 * user.c — the commands that manage accounts from the command line: user add,
 * token add, and audit (the trail, newest first).
 */
#include "cli/cli.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/account.h"
#include "domain/audit.h"
#include "domain/platform.h"
#include "domain/token.h"
#include "store/db.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* An option with a value: --name VALUE or --name=VALUE. */
static int option_value(int argc, char **argv, int *i, const char *name, const char **out)
{
    size_t n = strlen(name);
    if (strcmp(argv[*i], name) == 0) {
        if (*i + 1 >= argc) {
            fprintf(stderr, _("alliance: %s needs a value\n"), name);
            return -1;
        }
        *out = argv[++*i];
        return 1;
    }
    if (strncmp(argv[*i], name, n) == 0 && argv[*i][n] == '=') {
        *out = argv[*i] + n + 1;
        return 1;
    }
    return 0;
}

/* A session on the data directory for one command, as the operator. */
struct cli_session {
    struct config cfg;
    struct db *db;
    struct arena arena;
    struct ctx c;
};

static int session_open_data(struct cli_session *s)
{
    if (cli_open(&s->cfg, &s->db) != 0)
        return -1;
    arena_init(&s->arena, 64 * 1024);
    s->c.db = s->db;
    s->c.arena = &s->arena;
    s->c.viewer = &viewer_operator;
    return 0;
}

static void session_close_data(struct cli_session *s)
{
    arena_free(&s->arena);
    db_close(s->db);
}

/* read_password reads one line from standard input, without its newline. */
static char *read_password(struct arena *a)
{
    char line[512];
    if (!fgets(line, sizeof line, stdin))
        return NULL;
    line[strcspn(line, "\r\n")] = '\0';
    return arena_strdup(a, line);
}

static int user_add(int argc, char **argv)
{
    const char *help =
        _("Usage: alliance user add --email EMAIL --name NAME [--admin] [--password-stdin]\n"
          "                         [--data DIR]\n\n"
          "Creates an account (and the person, when the email is new). Prints a single-use\n"
          "link to set the password (valid three days), or reads the password from standard\n"
          "input with --password-stdin. Set ALLIANCE_BASE_URL for the address in the link.\n");
    struct cli_session s = {0};
    config_defaults(&s.cfg);
    const char *email = NULL, *name = NULL;
    bool admin = false, from_stdin = false;
    for (int i = 1; i < argc; i++) {
        int rc = cli_data_option(argc, argv, &i, &s.cfg);
        if (rc == 0)
            rc = option_value(argc, argv, &i, "--email", &email);
        if (rc == 0)
            rc = option_value(argc, argv, &i, "--name", &name);
        if (rc == 0 && !strcmp(argv[i], "--admin"))
            admin = true, rc = 1;
        if (rc == 0 && !strcmp(argv[i], "--password-stdin"))
            from_stdin = true, rc = 1;
        if (rc == 0 && (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))) {
            fputs(help, stdout);
            return EXIT_OK;
        }
        if (rc != 1) {
            if (rc == 0)
                fprintf(stderr, _("alliance: unknown option %s\n"), argv[i]);
            fputs(help, stderr);
            return EXIT_USAGE;
        }
    }
    if (!email || !name) {
        fputs(_("alliance: user add needs --email and --name\n"), stderr);
        fputs(help, stderr);
        return EXIT_USAGE;
    }
    if (session_open_data(&s) != 0)
        return EXIT_FAILURE_;
    int status = EXIT_OK;
    struct problems p = {0};
    struct account *a;
    enum status st = account_create(&s.c, email, name, admin, &a, &p);
    if (st != STATUS_OK) {
        fprintf(stderr, "alliance: %s\n", p.count ? p.items[0].message : status_code(st));
        status = EXIT_FAILURE_;
    } else if (from_stdin) {
        char *password = read_password(&s.arena);
        struct problems q = {0};
        st = password ? account_set_password(&s.c, a, password, &q) : STATUS_INVALID;
        if (st != STATUS_OK) {
            fprintf(stderr, "alliance: %s\n",
                    q.count ? q.items[0].message : _("no password on standard input"));
            status = EXIT_FAILURE_;
        } else {
            printf(_("Created the account of %s <%s>.\n"), a->name, a->email);
        }
    } else {
        char secret[SECRET_LEN + 1], base[512];
        config_base_url(&s.cfg, base, sizeof base);
        if (account_link_create(&s.c, a, LINK_PASSWORD, 0, secret) != STATUS_OK) {
            status = EXIT_FAILURE_;
        } else {
            printf(_("Created the account of %s <%s>.\n"), a->name, a->email);
            printf(_("Password link (single use, three days): %s/links/%s\n"), base, secret);
        }
    }
    session_close_data(&s);
    return status;
}

static int token_add(int argc, char **argv)
{
    const char *help = _("Usage: alliance token add --email EMAIL --label LABEL [--data DIR]\n\n"
                         "Makes an API token for the account with this email and prints it "
                         "once.\nScripts send it as: Authorization: Bearer TOKEN\n");
    struct cli_session s = {0};
    config_defaults(&s.cfg);
    const char *email = NULL, *label = NULL;
    for (int i = 1; i < argc; i++) {
        int rc = cli_data_option(argc, argv, &i, &s.cfg);
        if (rc == 0)
            rc = option_value(argc, argv, &i, "--email", &email);
        if (rc == 0)
            rc = option_value(argc, argv, &i, "--label", &label);
        if (rc == 0 && (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))) {
            fputs(help, stdout);
            return EXIT_OK;
        }
        if (rc != 1) {
            if (rc == 0)
                fprintf(stderr, _("alliance: unknown option %s\n"), argv[i]);
            fputs(help, stderr);
            return EXIT_USAGE;
        }
    }
    if (!email || !label) {
        fputs(_("alliance: token add needs --email and --label\n"), stderr);
        fputs(help, stderr);
        return EXIT_USAGE;
    }
    if (session_open_data(&s) != 0)
        return EXIT_FAILURE_;
    int status = EXIT_OK;
    struct account *a;
    char secret[SECRET_LEN + 1];
    struct api_token *t;
    struct problems p = {0};
    if (account_find_by_email(&s.c, email, &a) != STATUS_OK) {
        fprintf(stderr, _("alliance: no account has the email %s\n"), email);
        status = EXIT_FAILURE_;
    } else if (token_create(&s.c, a, label, secret, &t, &p) != STATUS_OK) {
        fprintf(stderr, "alliance: %s\n", p.count ? p.items[0].message : "cannot create");
        status = EXIT_FAILURE_;
    } else {
        printf("%s\n", secret);
    }
    session_close_data(&s);
    return status;
}

int user_cmd(int argc, char **argv)
{
    if (argc >= 2 && !strcmp(argv[1], "add"))
        return user_add(argc - 1, argv + 1);
    fputs(_("Usage: alliance user add --email EMAIL --name NAME [--admin] [--password-stdin]\n"),
          argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) ? stdout : stderr);
    return argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) ? EXIT_OK
                                                                               : EXIT_USAGE;
}

int token_cmd(int argc, char **argv)
{
    if (argc >= 2 && !strcmp(argv[1], "add"))
        return token_add(argc - 1, argv + 1);
    bool help = argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"));
    fputs(_("Usage: alliance token add --email EMAIL --label LABEL\n"), help ? stdout : stderr);
    return help ? EXIT_OK : EXIT_USAGE;
}

int audit_cmd(int argc, char **argv)
{
    const char *help = _("Usage: alliance audit [--platform ID] [--kind KIND] [--since DATE]\n"
                         "                      [--limit N] [--data DIR]\n\n"
                         "Prints the audit trail, newest first: when, who, what, and each "
                         "changed field.\nKIND is alliance, platform, platform_link, membership, "
                         "organisation, person,\naccount or api_token; DATE is YYYY-MM-DD.\n");
    struct cli_session s = {0};
    config_defaults(&s.cfg);
    const char *platform = NULL, *kind = NULL, *since = NULL, *limit_text = NULL;
    for (int i = 1; i < argc; i++) {
        int rc = cli_data_option(argc, argv, &i, &s.cfg);
        if (rc == 0)
            rc = option_value(argc, argv, &i, "--platform", &platform);
        if (rc == 0)
            rc = option_value(argc, argv, &i, "--kind", &kind);
        if (rc == 0)
            rc = option_value(argc, argv, &i, "--since", &since);
        if (rc == 0)
            rc = option_value(argc, argv, &i, "--limit", &limit_text);
        if (rc == 0 && (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))) {
            fputs(help, stdout);
            return EXIT_OK;
        }
        if (rc != 1) {
            if (rc == 0)
                fprintf(stderr, _("alliance: unknown option %s\n"), argv[i]);
            fputs(help, stderr);
            return EXIT_USAGE;
        }
    }
    int64_t limit = 50;
    if (limit_text && str_parse_int64(limit_text, 1, LISTING_MAX_LIMIT, &limit) != 0) {
        fputs(_("alliance: --limit wants a whole number from 1 to 200\n"), stderr);
        return EXIT_USAGE;
    }
    if (session_open_data(&s) != 0)
        return EXIT_FAILURE_;
    struct audit_filter f = {.kind = kind, .since = since};
    int status = EXIT_OK;
    struct platform *pl;
    if (platform) {
        if (platform_find(&s.c, platform, &pl) != STATUS_OK) {
            fprintf(stderr, _("alliance: no platform has the id %s\n"), platform);
            session_close_data(&s);
            return EXIT_FAILURE_;
        }
        f.platform_key = pl->key;
    }
    struct listing l;
    listing_default(&l);
    l.limit = limit;
    struct audit_list list;
    if (audit_list(&s.c, &f, &l, &list) != STATUS_OK) {
        status = EXIT_FAILURE_;
    } else {
        for (int i = 0; i < list.count; i++) {
            struct audit_entry *e = &list.items[i];
            printf("%s  %s  %s %s %s (%s)\n", e->at, e->actor_name ? e->actor_name : "-", e->action,
                   e->kind, e->record_name, e->record_id);
            for (int k = 0; k < e->change_count; k++) {
                struct audit_change *ch = &e->changes[k];
                if (!ch->old_value && !ch->new_value)
                    printf("    %s: changed (not shown)\n", ch->field);
                else
                    printf("    %s: %s -> %s\n", ch->field, ch->old_value ? ch->old_value : "-",
                           ch->new_value ? ch->new_value : "-");
            }
        }
        if (isatty(STDOUT_FILENO))
            printf(_("%d of %lld entries.\n"), list.count, (long long)list.total);
    }
    session_close_data(&s);
    return status;
}
