/*
 * tz.h — time zones by their IANA names ("Africa/Accra", "Europe/Paris"),
 * read from the database the system keeps in /usr/share/zoneinfo (Debian's
 * tzdata) by a small reader of its TZif files (RFC 8536): the table of
 * transitions, and the POSIX TZ rule of the file's footer for instants after
 * the last one (daylight saving in years the table does not list).
 *
 * Why a reader of our own: the C library converts only in the zone named by
 * the TZ environment variable, and changing it (setenv, tzset) while other
 * threads read the clock is not thread-safe. Nothing here touches the
 * environment or any global state: a loaded zone is plain data in an arena,
 * so the event loops convert in parallel.
 *
 * Instants are seconds since 1970-01-01T00:00:00Z; a local wall time is given
 * as the seconds it would be if the wall clock read UTC (timegm of the local
 * fields), so that offsets are a subtraction.
 */
#ifndef ALLIANCE_TZ_H
#define ALLIANCE_TZ_H

#include <stdbool.h>
#include <stdint.h>

#define TZ_NAME_MAX 64

struct arena;
struct tz;

/* tz_name_valid says whether name is a zone of the database: a name of
 * letters, digits and _ - + / (no "..", not absolute, at most TZ_NAME_MAX
 * bytes, not under right/, whose clocks count leap seconds) whose file is
 * a TZif file. "UTC" is always valid. */
bool tz_name_valid(const char *name);

/* tz_load reads the zone called name into the arena, or returns NULL when
 * the name is not valid (tz_name_valid) or its file cannot be read. */
struct tz *tz_load(struct arena *a, const char *name);

/* tz_name is the name the zone was loaded by. */
const char *tz_name(const struct tz *z);

/* tz_offset is the zone's offset from UTC, in seconds east, at instant t;
 * *abbr (when abbr is not NULL) receives its abbreviation ("CEST", "GMT"),
 * which lives as long as the zone. */
int32_t tz_offset(const struct tz *z, int64_t t, const char **abbr);

/* tz_from_local is the instant at which the zone's wall clock reads local.
 * A wall time that happens twice (clocks going back) is the first of the
 * two; one that never happens (the hour skipped when clocks go forward) is
 * read with the offset before the change, so 02:30 in a 02:00→03:00 gap
 * gives the instant the clock shows 03:30. */
int64_t tz_from_local(const struct tz *z, int64_t local);

#endif
