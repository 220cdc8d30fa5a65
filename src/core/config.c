/*
 * config.c — see config.h.
 */
#include "core/config.h"

#include "core/str.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *env_or(const char *name, const char *fallback)
{
    const char *v = getenv(name);
    return v && *v ? v : fallback;
}

static int64_t env_int(const char *name, int64_t min, int64_t max, int64_t fallback)
{
    int64_t v;
    const char *s = getenv(name);
    if (s && str_parse_int64(s, min, max, &v) == 0)
        return v;
    return fallback;
}

void config_defaults(struct config *c)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    if (cores < 1)
        cores = 1;
    if (cores > 64)
        cores = 64;
    c->data_dir = env_or("ALLIANCE_DATA", "./alliance-data");
    c->db_url = env_or("ALLIANCE_DB", NULL);
    c->listen = env_or("ALLIANCE_LISTEN", "127.0.0.1:8080");
    c->threads = (int)env_int("ALLIANCE_THREADS", 1, 64, cores);
    c->body_limit = (size_t)env_int("ALLIANCE_BODY_LIMIT", 1024, INT32_MAX, 1024 * 1024);
    c->upload_limit =
        (size_t)env_int("ALLIANCE_UPLOAD_LIMIT", 1024, INT64_C(1) << 40, 50 * 1024 * 1024);
    c->uploads_max = (int)env_int("ALLIANCE_UPLOADS", 1, 64, 4);
    c->files_dir = env_or("ALLIANCE_FILES", NULL);
    c->pdftotext = env_or("ALLIANCE_PDFTOTEXT", "pdftotext");
    c->text_seconds = (int)env_int("ALLIANCE_TEXT_SECONDS", 1, 600, 10);
    c->response_days = (int)env_int("ALLIANCE_RESPONSE_DAYS", 1, 3650, 30);
    c->timeout_seconds = (int)env_int("ALLIANCE_TIMEOUT", 1, 3600, 30);
    c->site_name = env_or("ALLIANCE_NAME", "Alliance");
    c->base_url = env_or("ALLIANCE_BASE_URL", NULL);
    c->secure_cookies = (int)env_int("ALLIANCE_SECURE_COOKIES", 0, 1, 0);
    c->session_idle_seconds = (int)env_int("ALLIANCE_SESSION_IDLE", 60, 365 * 86400, 12 * 3600);
    c->session_max_seconds = (int)env_int("ALLIANCE_SESSION_MAX", 60, 365 * 86400, 30 * 86400);
    c->cache_bytes = (size_t)env_int("ALLIANCE_CACHE", 0, 1024, 4) * 1024 * 1024;
    c->smtp_url = env_or("ALLIANCE_SMTP_URL", NULL);
    c->smtp_starttls = (int)env_int("ALLIANCE_SMTP_STARTTLS", 0, 1, 0);
    c->smtp_user = env_or("ALLIANCE_SMTP_USER", NULL);
    c->smtp_password = env_or("ALLIANCE_SMTP_PASSWORD", NULL);
    c->smtp_password_file = env_or("ALLIANCE_SMTP_PASSWORD_FILE", NULL);
    c->mail_from = env_or("ALLIANCE_MAIL_FROM", NULL);
    c->smtp_timeout_seconds = (int)env_int("ALLIANCE_SMTP_TIMEOUT", 1, 600, 60);
    c->mail_retry_seconds = (int)env_int("ALLIANCE_MAIL_RETRY", 1, 86400, 60);
    c->jobs_seconds = (int)env_int("ALLIANCE_JOBS_EVERY", 1, 3600, 30);
    c->digest_day_seconds = (int)env_int("ALLIANCE_DIGEST_DAY", 1, 86400, 86400);
}

void config_base_url(const struct config *c, char *out, size_t size)
{
    if (c->base_url)
        snprintf(out, size, "%s", c->base_url);
    else
        snprintf(out, size, "http://%s", c->listen);
    size_t n = strlen(out);
    while (n > 0 && out[n - 1] == '/')
        out[--n] = '\0';
}

const char *config_where(const struct config *c)
{
    return c->db_url ? "the PostgreSQL database" : c->data_dir;
}

int config_database(const struct config *c, char *out, size_t size)
{
    int n = c->db_url ? snprintf(out, size, "%s", c->db_url)
                      : snprintf(out, size, "%s/alliance.db", c->data_dir);
    return n < 0 || (size_t)n >= size ? -1 : 0;
}

int config_files(const struct config *c, char *out, size_t size)
{
    if (!c->files_dir && c->db_url)
        return -1;
    int n = c->files_dir ? snprintf(out, size, "%s", c->files_dir)
                         : snprintf(out, size, "%s/files", c->data_dir);
    return n < 0 || (size_t)n >= size ? -1 : 0;
}
