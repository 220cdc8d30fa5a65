/*
 * ics.h — the only way iCalendar (RFC 5545) is written, as html.h is for
 * HTML: one writer per kind of value of a content line. Every line ends in
 * CRLF and is folded before 75 octets (a CRLF and a space), never inside a
 * UTF-8 character. TEXT values escape backslash, semicolon, comma and line
 * breaks; control characters are dropped, so no stored text can break a
 * calendar or add a property of its own.
 */
#ifndef ALLIANCE_ICS_H
#define ALLIANCE_ICS_H

#include "core/buf.h"

/* ics_raw writes a content line whose value is the program's own (BEGIN,
 * VERSION, a UID made of an id): name ":" value, folded. */
void ics_raw(struct buf *b, const char *name, const char *value);

/* ics_text writes a TEXT property: value escaped (RFC 5545 §3.3.11).
 * NULL and "" write nothing. */
void ics_text(struct buf *b, const char *name, const char *value);

/* ics_instant writes a DATE-TIME in UTC ("20260312T090000Z") from an ISO
 * 8601 instant ("2026-03-12T09:00:00Z"); nothing when it is not one. */
void ics_instant(struct buf *b, const char *name, const char *iso);

#endif
