/*
 * event.h — what happens on the platforms (seed 001: process and event
 * facilitation): meetings, workshops, field visits, trainings and exchange
 * visits, with a start and an end in a time zone, a place, a facilitator, an
 * agenda and minutes; who attended and who spoke (with gender and
 * marginalised group where recorded, for the inclusion figures); the
 * decisions taken; and the action items agreed, each with an owner, a due
 * date, a status and the later event that followed it up.
 *
 * Platforms. An event belongs to one or more platforms of one alliance (a
 * joint event, across levels: a regional platform and a district one). The
 * first is its home platform: its rules of rights apply to the event, and
 * the search index and the audit trail file the event under it. The event
 * shows on the pages and calendars of every platform that holds it. Adding a
 * platform to an event takes the right to write items there: nobody puts an
 * event on the calendar of a platform they cannot write on.
 *
 * Visibility. An event is a knowledge item (visibility.h): platform,
 * alliance or public, draft (minutes being written) or published. A joint
 * event is read by whoever may read it through any of its platforms: at the
 * platform level, a member of any of them; a draft, its author and those who
 * may publish on any of them. Its attendance, decisions and action items are
 * read with it, and never without it: an action item of an event the viewer
 * may not read is not on their list, even when it is theirs.
 *
 * Rights, as for lessons and entries (item.h), on the home platform: its
 * members write drafts, its convenors, facilitators and documenters publish
 * and edit any event; the author edits their own while they may write
 * there. Those who may edit an event record its attendance, decisions and
 * action items; the owner of an action item may also change its status.
 * Deleting takes the right to publish on the home platform.
 *
 * Time. The start and end are stored as UTC instants with the IANA name of
 * the zone they were given in (core/tz.h converts, without touching the
 * process's TZ): forms and the API give local wall times in that zone, pages
 * show them back in it, calendars in the alliance's zone, iCalendar in UTC.
 * An action item is overdue when it is open and its due date is before
 * today, today being the date in UTC.
 */
#ifndef ALLIANCE_EVENT_H
#define ALLIANCE_EVENT_H

#include "core/problem.h"
#include "domain/context.h"
#include "domain/listing.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define EVENT_KIND_COUNT    5
#define EVENT_PLATFORMS_MAX 8
#define EVENT_LOCAL_LEN     16 /* "YYYY-MM-DDTHH:MM" */

struct tz;

/* A platform holding an event. */
struct event_platform {
    int64_t key;
    char *id;
    char *name;
    char *level_label;
};

struct event {
    int64_t key;
    char *id;
    int64_t alliance_key;
    char *alliance_slug;
    char *alliance_name;
    char *alliance_time_zone;
    int64_t platform_key; /* the home platform: platforms[0] */
    char *platform_id;
    char *platform_name;
    int platform_count; /* with lists, only the home platform is loaded */
    struct event_platform platforms[EVENT_PLATFORMS_MAX];
    int64_t author_key; /* 0 when none */
    char *author_id;
    char *author_name;
    char *kind; /* meeting, workshop, field_visit, training, exchange_visit */
    char *title;
    char *starts_at; /* UTC instants, ISO 8601 */
    char *ends_at;
    char *time_zone; /* IANA name */
    char *place;
    char *facilitator;
    char *agenda;  /* Markdown */
    char *minutes; /* Markdown */
    char *visibility;
    char *status;
    char *created_at;
    char *updated_at;
    char *published_at;
    /* Whether the viewer may know who recorded it, facilitated it and took
     * part: not when they read it only through shares without attribution
     * (share.h). Then author and facilitator come empty, attendance names
     * nobody (event_attendance) and action items no owner. */
    bool attributed;
    /* Input only: the wall times in time_zone ("YYYY-MM-DDTHH:MM") that
     * create and update turn into starts_at and ends_at; and the platforms'
     * ids (the first the home) that they resolve into platforms. */
    char *start_local;
    char *end_local;
    const char *platform_ids[EVENT_PLATFORMS_MAX];
    int platform_id_count;
};

struct event_list {
    struct event *items;
    int count;
    int64_t total;
};

/* What event_list returns; zero and NULL fields do not filter. */
struct event_filter {
    int64_t platform_key; /* held by the platform */
    int64_t alliance_key;
    const char *kind;
    const char *status;
    const char *ends_after;    /* UTC instant: events ending at or after it */
    const char *starts_before; /* UTC instant: events starting before it */
    int64_t person_key;        /* events the person attends, or held by a platform they are on */
};

/* Sort keys of event_list's pages: start (the default), title, kind. */

struct attendance {
    int64_t key;
    char *id;
    int64_t event_key;
    char *event_id;
    int64_t person_key; /* 0: a name as typed, or the person deleted */
    char *person_id;
    char *name;
    char *organisation;
    char *role; /* the part they played at the event, as typed */
    bool spoke;
    char *gender;             /* as recorded ("" when not): the person's own record when linked */
    char *marginalised_group; /* likewise */
    char *created_at;
    char *updated_at;
};

struct attendance_list {
    struct attendance *items; /* by name */
    int count;
};

/* A decision of an event, or of a platform (event_key 0, platform_key set):
 * the outcome of a proposal recorded as the platform's (proposal.h). */
struct decision {
    int64_t key;
    char *id;
    int64_t event_key; /* 0: a decision of a platform */
    char *event_id;    /* NULL for a decision of a platform */
    char *event_title;
    int64_t platform_key; /* a decision of a platform: the platform; else 0 */
    char *platform_id;
    int64_t proposal_key; /* the proposal whose outcome it records (proposal.h), or 0 */
    char *proposal_id;    /* that proposal, when the reader may read its thread; else NULL */
    char *proposal_title; /* likewise */
    char *text;           /* Markdown */
    char *taken_at;       /* when its event started, else when it was recorded (UTC) */
    char *created_at;
    char *updated_at;
};

struct decision_list {
    struct decision *items; /* of an event: in the order they were recorded */
    int count;
    int64_t total; /* of a platform: how many the viewer may read */
};

struct action_item {
    int64_t key;
    char *id;
    int64_t event_key;
    char *event_id;
    char *event_title;
    char *event_starts_at;
    int64_t event_author_key; /* whose rights (item.h) apply with the home platform's */
    int64_t platform_key;     /* the event's home platform */
    char *platform_id;
    char *platform_name;
    char *title;
    int64_t owner_key; /* 0: nobody named */
    char *owner_id;
    char *owner_name;
    char *due_on; /* YYYY-MM-DD, or NULL */
    char *status; /* open, done, dropped */
    char *note;
    int64_t follow_up_key; /* the later event that followed it up, or 0 */
    char *follow_up_id;
    char *follow_up_title;
    char *follow_up_starts_at;
    bool overdue; /* open, and due before today */
    char *created_at;
    char *updated_at;
};

struct action_list {
    struct action_item *items;
    int count;
    int64_t total;
};

/* What event_action_list returns; zero and NULL fields do not filter. */
struct action_filter {
    int64_t owner_key;
    int64_t platform_key; /* of events held by the platform */
    int64_t event_key;
    int64_t follow_up_key; /* followed up at this event */
    const char *status;
    bool overdue; /* open and due before today */
};

/* Shares of attendance by gender and by marginalised group, for one event
 * or one period. A category named "" is "not recorded". */
#define INCLUSION_CATEGORIES_MAX 16

struct inclusion_row {
    const char *category;
    int64_t attendees, speakers;
};

struct inclusion {
    const char *period; /* "2026", "2026-Q1"; NULL for an event */
    int64_t attendees, speakers;
    int gender_count;
    struct inclusion_row genders[INCLUSION_CATEGORIES_MAX];
    int group_count;
    struct inclusion_row groups[INCLUSION_CATEGORIES_MAX];
};

#define INCLUSION_PERIODS_MAX 40

struct inclusion_series {
    struct inclusion *periods; /* oldest first */
    int count;
};

/* The kinds, in the order forms and filters offer them. */
extern const char *const event_kinds[EVENT_KIND_COUNT];

bool event_kind_valid(const char *kind);
const char *event_kind_label(const char *kind);

/* action_status_valid and action_status_label: open, done, dropped. */
bool action_status_valid(const char *status);
const char *action_status_label(const char *status);

/* event_today writes today's date (UTC), as overdue reads it. */
void event_today(char out[11]);

/* event_zone loads a time zone for showing times (the arena): name, else
 * UTC. Never NULL. */
struct tz *event_zone(struct ctx *c, const char *name);

/* event_wall writes the wall time of a UTC instant in zone z as
 * "YYYY-MM-DDTHH:MM" (out, EVENT_LOCAL_LEN + 1 bytes); *abbr (when not
 * NULL) gets the zone's abbreviation then. Returns -1 when instant is not an
 * ISO instant. */
int event_wall(const struct tz *z, const char *instant, char *out, const char **abbr);

/* event_local_instant turns a wall time "YYYY-MM-DDTHH:MM" (":SS" allowed)
 * of a real day in zone z into the UTC instant it is (ISO 8601, into out);
 * returns -1 when it is not such a wall time. Proposals close by it too. */
int event_local_instant(const struct tz *z, const char *local, char *out, size_t size);

/* event_find loads an event the viewer may read (STATUS_NOT_FOUND
 * otherwise), with its platforms, into the arena. */
enum status event_find(struct ctx *c, const char *id, struct event **out);

/* event_list returns a page of the events the viewer may read (the web's
 * pages, by offset and sort) or, with a cursor, in id order (the API). */
enum status event_list(struct ctx *c, const struct event_filter *f, const struct listing *l,
                       struct event_list *out);

/* event_create stores a new event on the platforms named by platform_ids
 * (the first its home), written by the viewer, who needs the right to write
 * items on each; publishing needs the right to publish on the home
 * platform. Empty fields take their defaults: status draft, visibility
 * platform, the alliance's time zone. Problems name the fields: kind,
 * title, start, end, time_zone, platforms, place, facilitator, agenda,
 * minutes, visibility, status. */
enum status event_create(struct ctx *c, struct event *e, struct problems *p);

/* event_update stores an edited event (e as loaded, then changed; start_local
 * and end_local set, platform_ids given or NULL to keep its platforms). The
 * home platform stays first. */
enum status event_update(struct ctx *c, struct event *e, struct problems *p);

/* event_delete removes an event with its attendance, decisions and action
 * items, leaving tombstones and the audit trail. */
enum status event_delete(struct ctx *c, struct event *e);

/* event_reindex_one puts the event with this id in the search index again, as
 * search_reindex walks every item (a search_source). */
enum status event_reindex_one(struct ctx *c, const char *id);

/* event_may_edit: may the viewer edit the event, and record its attendance,
 * decisions and action items? */
bool event_may_edit(struct ctx *c, const struct event *e);

/* event_may_delete: may the viewer delete it? */
bool event_may_delete(struct ctx *c, const struct event *e);

/* event_may_add_platform: may the viewer put an event on this platform? */
bool event_may_add_platform(struct ctx *c, int64_t platform_key);

/* Attendance. */

/* event_attendance lists who attended (by name). */
enum status event_attendance(struct ctx *c, const struct event *e, struct attendance_list *out);

/* event_attendance_find loads one record of attendance of an event the
 * viewer may read. */
enum status event_attendance_find(struct ctx *c, const char *id, struct attendance **out);

/* event_attendance_add records that someone attended: a person (person_id;
 * organisation defaults to theirs, gender and group are their record's) or a
 * name as typed (name, with gender and marginalised_group if known). A
 * person recorded twice is a conflict naming "person". */
enum status event_attendance_add(struct ctx *c, const struct event *e, struct attendance *a,
                                 struct problems *p);

/* event_attendance_update stores an edited record (as loaded, then changed). */
enum status event_attendance_update(struct ctx *c, struct attendance *a, struct problems *p);

/* event_attendance_remove removes a record, with a tombstone. */
enum status event_attendance_remove(struct ctx *c, struct attendance *a);

/* event_attendance_record replaces the attendance of an event by n records
 * in one write (the attendance form): the records of those not among them
 * are removed, those among them (matched by person, else by id) kept and
 * updated, the others added. Problems name "attendance". */
enum status event_attendance_record(struct ctx *c, const struct event *e, struct attendance *rows,
                                    int n, struct problems *p);

/* event_inclusion counts the event's attendance (list) by gender and group. */
void event_inclusion(struct ctx *c, const struct attendance_list *list, struct inclusion *out);

/* event_inclusion_series counts the attendance at the events of a platform
 * the viewer may read, by year (quarters false) or quarter, the last
 * INCLUSION_PERIODS_MAX periods that have any. */
enum status event_inclusion_series(struct ctx *c, int64_t platform_key, bool quarters,
                                   struct inclusion_series *out);

/* Decisions. */

enum status event_decisions(struct ctx *c, const struct event *e, struct decision_list *out);
/* event_decisions_of_platform returns a page of the decisions of a platform
 * the viewer may read: those of its events (read as their event) and its own
 * (read as the thread of their proposal), newest first by default (sort
 * "taken"). */
enum status event_decisions_of_platform(struct ctx *c, int64_t platform_key,
                                        const struct listing *l, struct decision_list *out);
/* event_decision_find loads a decision of an event or of a platform the viewer
 * may read; STATUS_NOT_FOUND otherwise. */
enum status event_decision_find(struct ctx *c, const char *id, struct decision **out);
/* event_decision_add records a decision (text, Markdown, problems "text"). */
enum status event_decision_add(struct ctx *c, const struct event *e, struct decision *d,
                               struct problems *p);
/* event_decision_update and event_decision_remove change a decision of an
 * event; a decision of a platform is its proposal's outcome and changes there
 * (STATUS_CONFLICT). */
enum status event_decision_update(struct ctx *c, struct decision *d, struct problems *p);
enum status event_decision_remove(struct ctx *c, struct decision *d);

/* Action items. */

/* event_action_list returns a page of action items of events the viewer may
 * read: by due date (none last), by id with a cursor. */
enum status event_action_list(struct ctx *c, const struct action_filter *f, const struct listing *l,
                              struct action_list *out);
enum status event_action_find(struct ctx *c, const char *id, struct action_item **out);

/* event_action_add records an action item: title, owner (owner_id, a person
 * the viewer may read), due date (on or after the day of the event), status,
 * note, and follow-up (follow_up_id: a later event of the same alliance).
 * Problems name title, owner, due_on, status, note, follow_up. */
enum status event_action_add(struct ctx *c, const struct event *e, struct action_item *a,
                             struct problems *p);

/* event_action_update stores an edited action item (as loaded, then changed:
 * owner_id and follow_up_id name the owner and follow-up, NULL for none). */
enum status event_action_update(struct ctx *c, struct action_item *a, struct problems *p);

/* event_action_set_status changes only the status: for those who may edit
 * the event, and for the item's owner. */
enum status event_action_set_status(struct ctx *c, struct action_item *a, const char *status,
                                    struct problems *p);

enum status event_action_remove(struct ctx *c, struct action_item *a);

/* event_action_may_edit: may the viewer edit the item (edit its event)? */
bool event_action_may_edit(struct ctx *c, const struct action_item *a);

/* event_action_may_set_status: may the viewer change its status? */
bool event_action_may_set_status(struct ctx *c, const struct action_item *a);

#endif
