/*
 * clock.h — time as the program sees it: instants in UTC, written as ISO 8601
 * ("2026-11-23T11:40:00Z"); monotonic microseconds for measuring.
 */
#ifndef ALLIANCE_CLOCK_H
#define ALLIANCE_CLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

/* clock_now_iso writes the current UTC instant (second precision) into out. */
void clock_now_iso(char *out, size_t size);

/* clock_format_iso writes the UTC instant t into out. */
void clock_format_iso(time_t t, char *out, size_t size);

/* clock_parse_iso reads "YYYY-MM-DDTHH:MM:SSZ", a real instant (no 30
 * February); returns 0 and sets *out, or -1. */
int clock_parse_iso(const char *s, time_t *out);

/* clock_date_valid says whether s is a real calendar date "YYYY-MM-DD". */
bool clock_date_valid(const char *s);

/* clock_format_date writes an instant or date as a person reads it:
 * "12 March 2026". s is ISO 8601; returns -1 when it is not. */
int clock_format_date(const char *iso, char *out, size_t size);

/* clock_format_month writes the month of an instant or date as a heading of a
 * timeline reads it: "March 2026". Returns -1 when iso is not ISO 8601. */
int clock_format_month(const char *iso, char *out, size_t size);

/* clock_micros is a monotonic clock in microseconds. */
int64_t clock_micros(void);

#endif
