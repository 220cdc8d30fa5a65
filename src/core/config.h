/*
 * config.h — the settings of an installation. Each comes from a command-line
 * flag, else an environment variable, else a default:
 *   --data DIR       ALLIANCE_DATA        ./alliance-data
 *   --db URL         ALLIANCE_DB          (none: SQLite in the data directory);
 *                    postgresql://… keeps the data in PostgreSQL instead
 *   --listen ADDR    ALLIANCE_LISTEN      127.0.0.1:8080
 *   --threads N      ALLIANCE_THREADS     one event loop per core
 *   --body-limit N   ALLIANCE_BODY_LIMIT  1048576 bytes (forms and JSON)
 *   --timeout S      ALLIANCE_TIMEOUT     30 seconds per connection
 *   --name TEXT      ALLIANCE_NAME        "Alliance" (shown in the header)
 *   --base-url URL   ALLIANCE_BASE_URL    http://LISTEN (for links in invitations)
 *   --secure-cookies ALLIANCE_SECURE_COOKIES=1  cookies only over HTTPS
 *                    (on by itself when the base URL starts with https://)
 *   --session-idle S ALLIANCE_SESSION_IDLE      43200 (12 hours unused ends a session)
 *   --session-max S  ALLIANCE_SESSION_MAX       2592000 (30 days at most)
 *   --cache MB       ALLIANCE_CACHE       4 MiB of kept answers an event loop
 *                    (0 keeps none; see src/http/cache.h)
 *   --upload-limit N ALLIANCE_UPLOAD_LIMIT  52428800 bytes (50 MiB): the largest
 *                    file a document may hold
 *   --uploads N      ALLIANCE_UPLOADS     4 uploads in flight at once (more: 503)
 *   --files DIR      ALLIANCE_FILES       DATA_DIR/files: where uploaded files are
 *                    kept; with --db there is no default (several servers must
 *                    share one directory, so it is named explicitly)
 *                    ALLIANCE_PDFTOTEXT   pdftotext (from poppler-utils): the
 *                    program that reads the text of PDF files for search
 *                    ALLIANCE_TEXT_SECONDS  10: how long it may take a file
 *   --response-days N ALLIANCE_RESPONSE_DAYS 30: a share still without a
 *                    response after this many days is flagged (share.h)
 * Email (domain/mail.h), off without an SMTP server:
 *   --smtp-url URL   ALLIANCE_SMTP_URL    smtp://host:port or smtps://host:port
 *   --smtp-starttls  ALLIANCE_SMTP_STARTTLS=1  upgrade smtp:// with STARTTLS (required)
 *   --smtp-user NAME ALLIANCE_SMTP_USER   sign in to the server as NAME
 *                    ALLIANCE_SMTP_PASSWORD     its password, or
 *   --smtp-password-file FILE  ALLIANCE_SMTP_PASSWORD_FILE  a file holding it
 *                    (never on the command line, where others can read it)
 *   --mail-from ADDR ALLIANCE_MAIL_FROM   the From address (required with email)
 *   --smtp-timeout S ALLIANCE_SMTP_TIMEOUT 60 seconds for one conversation
 *   --mail-retry S   ALLIANCE_MAIL_RETRY  60: the first wait after a failure
 * Periodic jobs (http/jobs.h):
 *   --jobs-every S   ALLIANCE_JOBS_EVERY  30 seconds between rounds
 *   --digest-day S   ALLIANCE_DIGEST_DAY  86400: how long a "day" of the daily
 *                    digest lasts (a week is seven); shorter for tests only
 */
#ifndef ALLIANCE_CONFIG_H
#define ALLIANCE_CONFIG_H

#include <stddef.h>

struct config {
    const char *data_dir;
    const char *db_url; /* a postgresql:// address, or NULL for SQLite in data_dir */
    const char *listen; /* host:port; port 0 picks a free one */
    int threads;
    size_t body_limit;
    int timeout_seconds;
    const char *site_name;
    const char *base_url; /* NULL: http:// and the listen address */
    int secure_cookies;
    int session_idle_seconds;
    int session_max_seconds;
    size_t cache_bytes; /* kept answers, per event loop */

    size_t upload_limit;   /* bytes of an uploaded file */
    int uploads_max;       /* uploads in flight at once */
    const char *files_dir; /* NULL: DATA_DIR/files with SQLite, none with PostgreSQL */
    const char *pdftotext;
    int text_seconds;
    int response_days; /* a share waiting longer is flagged */

    const char *smtp_url; /* NULL: email is off */
    int smtp_starttls;
    const char *smtp_user;
    const char *smtp_password; /* from the environment only */
    const char *smtp_password_file;
    const char *mail_from;
    int smtp_timeout_seconds;
    int mail_retry_seconds;
    int jobs_seconds;
    int digest_day_seconds;
};

/* config_base_url is the address links in invitations start with, without a
 * trailing slash (arena-free: a static buffer per call site is not needed,
 * out receives it). */
void config_base_url(const struct config *c, char *out, size_t size);

/* config_defaults fills c from the environment and the defaults. */
void config_defaults(struct config *c);

/* config_where names the data for messages: the data directory, or "the
 * PostgreSQL database" (never its address, which may hold a password). */
const char *config_where(const struct config *c);

/* config_files writes the directory of uploaded files: --files, else
 * DATA_DIR/files on SQLite. Returns -1 when there is none (PostgreSQL without
 * --files) or it does not fit. */
int config_files(const struct config *c, char *out, size_t size);

/* config_database writes what to open: the --db address, else the path of
 * DATA_DIR/alliance.db. Returns -1 when it does not fit. */
int config_database(const struct config *c, char *out, size_t size);

#endif
