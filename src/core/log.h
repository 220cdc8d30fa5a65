/*
 * log.h — one line per event on standard error, prefixed with the UTC time and
 * the level. The access log (one line per request) goes through log_access.
 */
#ifndef ALLIANCE_LOG_H
#define ALLIANCE_LOG_H

#include <stddef.h>

enum log_level { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERROR };

/* log_set_level drops messages below level (default LOG_INFO). */
void log_set_level(enum log_level level);

/* log_set_quiet turns the access log off (the CLI's own commands use it). */
void log_set_quiet(int quiet);

/* log_msg writes one line: time, level, message. */
void log_msg(enum log_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* log_access writes the access line of one request. */
void log_access(const char *method, const char *path, int status, size_t bytes, long micros);

#define log_info(...)  log_msg(LOG_INFO, __VA_ARGS__)
#define log_warn(...)  log_msg(LOG_WARN, __VA_ARGS__)
#define log_error(...) log_msg(LOG_ERROR, __VA_ARGS__)

#endif
