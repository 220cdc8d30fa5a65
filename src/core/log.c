/*
 * log.c — each line is formatted into a local buffer and written with a single
 * write(2), so lines from several event-loop threads never interleave.
 */
#include "core/log.h"

#include "core/clock.h"

#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>

static enum log_level min_level = LOG_INFO;
static int access_quiet;

void log_set_level(enum log_level level)
{
    min_level = level;
}

void log_set_quiet(int quiet)
{
    access_quiet = quiet;
}

static void log_write(const char *line, int n, size_t cap)
{
    if (n < 0)
        return;
    size_t len = (size_t)n < cap ? (size_t)n : cap - 1;
    ssize_t w = write(STDERR_FILENO, line, len);
    (void)w;
}

void log_msg(enum log_level level, const char *fmt, ...)
{
    static const char *const names[] = {"debug", "info", "warn", "error"};
    if (level < min_level)
        return;
    char now[32], line[1024];
    clock_now_iso(now, sizeof now);
    int n = snprintf(line, sizeof line, "%s %s ", now, names[level]);
    if (n < 0 || (size_t)n >= sizeof line)
        return;
    va_list ap;
    va_start(ap, fmt);
    int m = vsnprintf(line + n, sizeof line - (size_t)n - 1, fmt, ap);
    va_end(ap);
    if (m < 0)
        return;
    size_t len = (size_t)n + (size_t)m;
    if (len > sizeof line - 2)
        len = sizeof line - 2;
    line[len++] = '\n';
    log_write(line, (int)len, sizeof line);
}

void log_access(const char *method, const char *path, int status, size_t bytes, long micros)
{
    if (access_quiet)
        return;
    char now[32], line[1024];
    clock_now_iso(now, sizeof now);
    int n = snprintf(line, sizeof line, "%s access %s %.900s %d %zu %ldus\n", now, method, path,
                     status, bytes, micros);
    log_write(line, n, sizeof line);
}
