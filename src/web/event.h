/*
 * web/event.h — what the pages of events share (web/event.c, the events
 * and their forms; web/calendar.c, the calendars; web/inclusion.c, the
 * figures of inclusion): how an event's time is written, the colour of its
 * kind, the list of events a section shows.
 */
#ifndef ALLIANCE_WEB_EVENT_H
#define ALLIANCE_WEB_EVENT_H

#include "domain/event.h"
#include "http/request.h"

#include <stdbool.h>

struct tz;

/* event_kind_colour is the colour of a kind's tag. */
const char *event_kind_colour(const char *kind);

/* event_when writes when an event happens on the wall clock of zone z:
 * "12 March 2026, 09:00–13:00 GMT", or both days when it ends on another. */
void event_when(struct request *r, const struct event *e, const struct tz *z);

/* event_time writes the wall time of an instant in zone z ("09:00"). */
void event_time(struct request *r, const char *instant, const struct tz *z);

/* event_list_items writes events as a list: date, title (a link), kind and
 * draft tags, the platform when show_platform. */
void event_list_items(struct request *r, const struct event_list *list, const struct tz *z,
                      bool show_platform);

/* event_inclusion_table writes the shares of attendees and speakers of each
 * gender and group of one event or period, under caption. */
void event_inclusion_table(struct request *r, const struct inclusion *in, const char *caption);

#endif
