/*
 * event.c — rules of events (see event.h): a kind from the list; a title; a
 * start and an end as wall times in a zone of the tz database, the end after
 * the start; platforms of one alliance, on each of which the one who adds it
 * may write; a place, a facilitator, an agenda and minutes, all optional; a
 * status and a visibility from their lists. Attendance, decisions and action
 * items are written by those who may edit the event, and recorded in the
 * audit trail as changes of the event, so that the trail shows them only to
 * those who may read it. Every write keeps the search index (title, agenda,
 * minutes, decisions, place, facilitator) in the same transaction.
 */
#include "domain/event.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/str.h"
#include "core/tz.h"
#include "domain/alliance.h"
#include "domain/audit.h"
#include "domain/field.h"
#include "domain/item.h"
#include "domain/person.h"
#include "domain/platform.h"
#include "domain/proposal.h"
#include "domain/question.h"
#include "domain/rights.h"
#include "domain/search.h"
#include "store/event.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const char *const event_kinds[EVENT_KIND_COUNT] = {"meeting", "workshop", "field_visit", "training",
                                                   "exchange_visit"};

static const char *const kind_labels[EVENT_KIND_COUNT] = {
    N_("Meeting"), N_("Workshop"), N_("Field visit"), N_("Training"), N_("Exchange visit")};

static const struct {
    const char *name, *label;
} statuses[] = {{"open", N_("Open")}, {"done", N_("Done")}, {"dropped", N_("Dropped")}};

bool event_kind_valid(const char *kind)
{
    for (int i = 0; i < EVENT_KIND_COUNT; i++)
        if (str_eq(kind, event_kinds[i]))
            return true;
    return false;
}

const char *event_kind_label(const char *kind)
{
    for (int i = 0; i < EVENT_KIND_COUNT; i++)
        if (str_eq(kind, event_kinds[i]))
            return _(kind_labels[i]);
    return kind ? kind : "";
}

bool action_status_valid(const char *status)
{
    for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
        if (str_eq(status, statuses[i].name))
            return true;
    return false;
}

const char *action_status_label(const char *status)
{
    for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
        if (str_eq(status, statuses[i].name))
            return _(statuses[i].label);
    return status ? status : "";
}

void event_today(char out[11])
{
    char now[32];
    clock_now_iso(now, sizeof now);
    memcpy(out, now, 10);
    out[10] = '\0';
}

struct tz *event_zone(struct ctx *c, const char *name)
{
    struct tz *z = name ? tz_load(c->arena, name) : NULL;
    return z ? z : tz_load(c->arena, "UTC");
}

int event_wall(const struct tz *z, const char *instant, char *out, const char **abbr)
{
    time_t t;
    if (clock_parse_iso(instant, &t) != 0)
        return -1;
    time_t local = (time_t)(t + tz_offset(z, t, abbr));
    struct tm tm;
    gmtime_r(&local, &tm);
    char text[64];
    snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1,
             tm.tm_mday, tm.tm_hour, tm.tm_min);
    snprintf(out, EVENT_LOCAL_LEN + 1, "%.16s", text);
    return 0;
}

/* local_parse reads a wall time "YYYY-MM-DDTHH:MM" (seconds ":SS" and a
 * space for the T allowed) of a real day, years 1900 to 2199, into the
 * seconds it would be in UTC. */
static int local_parse(const char *s, int64_t *out)
{
    size_t n = s ? strlen(s) : 0;
    if (n != 16 && n != 19)
        return -1;
    char date[11];
    memcpy(date, s, 10);
    date[10] = '\0';
    if (!clock_date_valid(date) || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' ||
        (n == 19 && s[16] != ':'))
        return -1;
    int parts[3] = {0, 0, 0};
    for (int i = 0; i < (n == 19 ? 3 : 2); i++) {
        const char *d = s + 11 + i * 3;
        if (d[0] < '0' || d[0] > '9' || d[1] < '0' || d[1] > '9')
            return -1;
        parts[i] = (d[0] - '0') * 10 + (d[1] - '0');
    }
    int year =
        (date[0] - '0') * 1000 + (date[1] - '0') * 100 + (date[2] - '0') * 10 + date[3] - '0';
    if (parts[0] > 23 || parts[1] > 59 || parts[2] > 59 || year < 1900 || year > 2199)
        return -1;
    struct tm tm = {.tm_year = year - 1900,
                    .tm_mon = (date[5] - '0') * 10 + date[6] - '0' - 1,
                    .tm_mday = (date[8] - '0') * 10 + date[9] - '0',
                    .tm_hour = parts[0],
                    .tm_min = parts[1],
                    .tm_sec = parts[2]};
    *out = (int64_t)timegm(&tm);
    return 0;
}

int event_local_instant(const struct tz *z, const char *local, char *out, size_t size)
{
    int64_t wall;
    if (local_parse(local, &wall) != 0)
        return -1;
    clock_format_iso((time_t)tz_from_local(z, wall), out, size);
    return 0;
}

enum status event_find(struct ctx *c, const char *id, struct event **out)
{
    return str_empty(id) ? STATUS_NOT_FOUND : store_event_get(c, id, out);
}

enum status event_list(struct ctx *c, const struct event_filter *f, const struct listing *l,
                       struct event_list *out)
{
    return store_event_list(c, f, l, out);
}

bool event_may_edit(struct ctx *c, const struct event *e)
{
    return item_may_edit(c, e->platform_key, e->author_key);
}

bool event_may_delete(struct ctx *c, const struct event *e)
{
    return rights_may(rights_on_platform(c, e->platform_key, RIGHT_PUBLISH_ITEMS));
}

bool event_may_add_platform(struct ctx *c, int64_t platform_key)
{
    return rights_may(rights_on_platform(c, platform_key, RIGHT_WRITE_ITEMS));
}

static bool in_list(const char *name, const char *a, const char *b, const char *c3)
{
    return str_eq(name, a) || str_eq(name, b) || str_eq(name, c3);
}

/* times_validate turns the wall times into instants in the event's zone. */
static void times_validate(struct ctx *c, struct event *e, struct problems *p)
{
    if (str_empty(e->time_zone))
        e->time_zone =
            e->alliance_time_zone && *e->alliance_time_zone ? e->alliance_time_zone : "UTC";
    struct tz *z = NULL;
    if (!tz_name_valid(e->time_zone) || !(z = tz_load(c->arena, e->time_zone)))
        problems_invalid(p, "time_zone",
                         _("Enter a time zone of the tz database, such as Africa/Accra or "
                           "Europe/Paris"));
    int64_t start = 0, end = 0;
    bool have_start = local_parse(e->start_local, &start) == 0;
    bool have_end = local_parse(e->end_local, &end) == 0;
    if (str_empty(e->start_local))
        problems_invalid(p, "start", _("Enter when the event starts, such as 2026-03-12T09:00"));
    else if (!have_start)
        problems_invalid(p, "start",
                         _("Enter the start as a real date and time, such as 2026-03-12T09:00"));
    if (str_empty(e->end_local))
        problems_invalid(p, "end", _("Enter when the event ends, such as 2026-03-12T13:00"));
    else if (!have_end)
        problems_invalid(p, "end",
                         _("Enter the end as a real date and time, such as 2026-03-12T13:00"));
    if (!z || !have_start || !have_end)
        return;
    int64_t starts = tz_from_local(z, start), ends = tz_from_local(z, end);
    if (ends <= starts) {
        problems_invalid(p, "end", _("The end must be after the start"));
        return;
    }
    if (ends - starts > 31 * 86400) {
        problems_invalid(p, "end", _("An event lasts at most 31 days"));
        return;
    }
    char buf[32];
    clock_format_iso((time_t)starts, buf, sizeof buf);
    e->starts_at = arena_strdup(c->arena, buf);
    clock_format_iso((time_t)ends, buf, sizeof buf);
    e->ends_at = arena_strdup(c->arena, buf);
}

/* event_validate checks the fields and fills the defaults. */
static void event_validate(struct ctx *c, struct event *e, struct problems *p)
{
    if (!event_kind_valid(e->kind))
        problems_invalid(p, "kind",
                         _("Choose the kind of event: meeting, workshop, field visit, training "
                           "or exchange visit"));
    field_text(c, &e->title, p, "title", _("Title"), 200, _("Enter a title for the event"));
    times_validate(c, e, p);
    field_text(c, &e->place, p, "place", _("Place"), 200, NULL);
    field_text(c, &e->facilitator, p, "facilitator", _("Facilitator"), 200, NULL);
    field_text(c, &e->agenda, p, "agenda", _("Agenda"), 20000, NULL);
    field_text(c, &e->minutes, p, "minutes", _("Minutes"), 50000, NULL);
    if (str_empty(e->status))
        e->status = "draft";
    if (!in_list(e->status, "draft", "published", NULL))
        problems_invalid(p, "status", _("Choose draft or published"));
    if (str_empty(e->visibility))
        e->visibility = "platform";
    if (!in_list(e->visibility, "platform", "alliance", "public"))
        problems_invalid(p, "visibility",
                         _("Choose who may read it: platform, alliance or public"));
}

/* platforms_resolve turns platform_ids into platforms: those the viewer may
 * read, of the home platform's alliance, each once; a platform the event
 * did not hold before (before: NULL when creating) needs the right to write
 * there. The home platform is checked by the caller. */
static void platforms_resolve(struct ctx *c, struct event *e, const struct event *before,
                              struct problems *p)
{
    int count = 1;
    for (int i = 1; i < e->platform_id_count && i < EVENT_PLATFORMS_MAX; i++) {
        const char *id = e->platform_ids[i];
        struct platform *pl;
        if (str_empty(id) || platform_find(c, id, &pl) != STATUS_OK) {
            problems_invalid(p, "platforms", _("Choose platforms that exist"));
            return;
        }
        if (pl->alliance_key != e->alliance_key) {
            problems_invalid(p, "platforms",
                             _("Every platform of an event is in the alliance of its home "
                               "platform"));
            return;
        }
        bool seen = false, held = false;
        for (int k = 0; k < count; k++)
            seen = seen || e->platforms[k].key == pl->key;
        if (seen)
            continue;
        for (int k = 0; before && k < before->platform_count; k++)
            held = held || before->platforms[k].key == pl->key;
        if (!held && !event_may_add_platform(c, pl->key)) {
            problems_add(p, c->viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED,
                         "platforms",
                         arena_printf(c->arena,
                                      _("You may not put an event on the calendar of %s: only "
                                        "those who write on a platform may"),
                                      pl->name));
            return;
        }
        if (count == EVENT_PLATFORMS_MAX) {
            problems_invalid(p, "platforms", _("An event is held by at most eight platforms"));
            return;
        }
        e->platforms[count++] = (struct event_platform){pl->key, pl->id, pl->name, pl->level_label};
    }
    e->platform_count = count;
}

/* start_date is the day an event starts on, in its own zone (arena). */
static char *start_date(struct ctx *c, const struct event *e)
{
    char wall[EVENT_LOCAL_LEN + 1];
    if (event_wall(event_zone(c, e->time_zone), e->starts_at, wall, NULL) != 0)
        return arena_strndup(c->arena, e->starts_at ? e->starts_at : "", 10);
    wall[10] = '\0';
    return arena_strdup(c->arena, wall);
}

/* event_index puts the event in the search index, with its decisions. */
static enum status event_index(struct ctx *c, const struct event *e)
{
    struct decision_list decisions;
    enum status s = store_decision_list(c, e->key, &decisions);
    if (s != STATUS_OK)
        return s;
    char *body = arena_printf(c->arena, "%s\n\n%s\n\n%s\n\n%s", e->agenda, e->minutes, e->place,
                              e->facilitator);
    for (int i = 0; i < decisions.count; i++)
        body = arena_printf(c->arena, "%s\n\n%s", body, decisions.items[i].text);
    int64_t others[EVENT_PLATFORMS_MAX];
    for (int i = 1; i < e->platform_count; i++)
        others[i - 1] = e->platforms[i].key;
    struct search_doc d = {
        .kind = "event",
        .item_key = e->key,
        .item_id = e->id,
        .platform_key = e->platform_key,
        .alliance_key = e->alliance_key,
        .visibility = e->visibility,
        .published = str_eq(e->status, "published"),
        .author_key = e->author_key,
        .outcome = "",
        .happened_on = start_date(c, e),
        .title = e->title,
        .body = body,
        .tags = "",
        .other_platform_keys = others,
        .other_platform_count = e->platform_count - 1,
    };
    return search_put(c, &d);
}

/* platform_names lists the platforms of e, one a line (arena), for the audit. */
static char *platform_names(struct ctx *c, const struct event *e)
{
    char *names = "";
    for (int i = 0; i < e->platform_count; i++)
        names = arena_printf(c->arena, "%s%s%s", names, i ? "\n" : "", e->platforms[i].name);
    return names;
}

/* event_audit records what changed between before and after (NULL: none). */
static enum status event_audit(struct ctx *c, const char *action, const struct event *before,
                               const struct event *after)
{
    static const struct event none = {0};
    const struct event *b = before ? before : &none, *a = after ? after : &none;
    const struct event *named = after ? after : before;
    struct audit_draft d;
    audit_begin(&d, action, "event", named->id, named->title, named->alliance_key,
                named->platform_key);
    audit_text(&d, "kind", b->kind, a->kind);
    audit_text(&d, "title", b->title, a->title);
    audit_text(&d, "status", b->status, a->status);
    audit_text(&d, "visibility", b->visibility, a->visibility);
    audit_text(&d, "starts_at", b->starts_at, a->starts_at);
    audit_text(&d, "ends_at", b->ends_at, a->ends_at);
    audit_text(&d, "time_zone", b->time_zone, a->time_zone);
    audit_text(&d, "platforms", before ? platform_names(c, b) : NULL,
               after ? platform_names(c, a) : NULL);
    audit_text(&d, "place", b->place, a->place);
    audit_text(&d, "facilitator", b->facilitator, a->facilitator);
    audit_text(&d, "agenda", b->agenda, a->agenda);
    audit_text(&d, "minutes", b->minutes, a->minutes);
    return audit_save(c, &d);
}

/* part_audit records a change of the attendance, a decision or an action
 * item as a change of its event (field: what changed). */
static enum status part_audit(struct ctx *c, const struct event *e, const char *field,
                              const char *old_value, const char *new_value)
{
    struct audit_draft d;
    audit_begin(&d, "update", "event", e->id, e->title, e->alliance_key, e->platform_key);
    audit_text(&d, field, old_value, new_value);
    return audit_save(c, &d);
}

enum status event_create(struct ctx *c, struct event *e, struct problems *p)
{
    enum status s = rights_signed_in(c);
    if (s != STATUS_OK)
        return s;
    struct platform *home;
    if (e->platform_id_count < 1 || str_empty(e->platform_ids[0]) ||
        platform_find(c, e->platform_ids[0], &home) != STATUS_OK) {
        problems_invalid(p, "platforms", _("Choose a platform that exists"));
        return STATUS_INVALID;
    }
    s = rights_on_platform(c, home->key, RIGHT_WRITE_ITEMS);
    if (s != STATUS_OK)
        return s;
    struct alliance *a;
    if (alliance_find(c, home->alliance_id, &a) != STATUS_OK)
        return STATUS_ERROR;
    e->alliance_key = home->alliance_key;
    e->alliance_time_zone = a->time_zone;
    e->platform_key = home->key;
    e->platforms[0] = (struct event_platform){home->key, home->id, home->name, home->level_label};
    e->platform_count = 1;
    e->author_key = c->viewer->person_key;
    event_validate(c, e, p);
    platforms_resolve(c, e, NULL, p);
    if (p->count)
        return problems_status(p);
    s = item_publish_rights(c, e->platform_key, e->status);
    if (s != STATUS_OK)
        return s;
    e->published_at = item_published_at(c, e->status, NULL);
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = store_event_insert(c, e);
    if (s == STATUS_OK)
        s = event_index(c, e);
    if (s == STATUS_OK)
        s = event_audit(c, "create", NULL, e);
    return store_end(c, s);
}

enum status event_update(struct ctx *c, struct event *e, struct problems *p)
{
    struct event *before;
    enum status s = event_find(c, e->id, &before);
    if (s != STATUS_OK)
        return s;
    s = item_edit_rights(c, before->platform_key, before->author_key);
    if (s != STATUS_OK)
        return s;
    event_validate(c, e, p);
    if (e->platform_id_count > 0) {
        if (!str_eq(e->platform_ids[0], before->platform_id))
            problems_invalid(p, "platforms",
                             _("The first platform is the event's home: it cannot change"));
        else {
            e->platforms[0] = before->platforms[0];
            platforms_resolve(c, e, before, p);
        }
    }
    if (p->count)
        return problems_status(p);
    s = item_publish_rights(c, e->platform_key, e->status);
    if (s != STATUS_OK)
        return s;
    e->published_at = item_published_at(c, e->status, before->published_at);
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = store_event_update(c, e);
    if (s == STATUS_OK)
        s = event_index(c, e);
    if (s == STATUS_OK)
        s = event_audit(c, "update", before, e);
    return store_end(c, s);
}

enum status event_delete(struct ctx *c, struct event *e)
{
    enum status s = rights_on_platform(c, e->platform_key, RIGHT_PUBLISH_ITEMS);
    if (s != STATUS_OK)
        return s;
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = event_audit(c, "delete", e, NULL);
    if (s == STATUS_OK)
        s = item_retire(c, "event", e->key);
    if (s == STATUS_OK)
        s = store_event_delete(c, e);
    return store_end(c, s);
}

enum status event_reindex_one(struct ctx *c, const char *id)
{
    struct event *full;
    enum status s = event_find(c, id, &full);
    return s == STATUS_OK ? event_index(c, full) : s;
}

/* Attendance. */

/* anonymise keeps of a record of attendance, for a reader who may not know
 * who took part (event.attributed), what the inclusion figures count: who
 * spoke, gender and group; never a name, a person, an organisation or a
 * role. */
static void anonymise(struct attendance *a)
{
    a->person_key = 0;
    a->person_id = NULL;
    a->name = "";
    a->organisation = "";
    a->role = "";
}

enum status event_attendance(struct ctx *c, const struct event *e, struct attendance_list *out)
{
    enum status s = store_attendance_list(c, e->key, out);
    for (int i = 0; s == STATUS_OK && !e->attributed && i < out->count; i++)
        anonymise(&out->items[i]);
    return s;
}

/* part_event loads the event a part belongs to, as the viewer reads it. */
static enum status part_event(struct ctx *c, const char *event_id, struct event **out)
{
    return event_find(c, event_id, out);
}

enum status event_attendance_find(struct ctx *c, const char *id, struct attendance **out)
{
    if (str_empty(id))
        return STATUS_NOT_FOUND;
    enum status s = store_attendance_get(c, id, out);
    struct event *e;
    if (s == STATUS_OK)
        s = part_event(c, (*out)->event_id, &e);
    if (s == STATUS_OK && !e->attributed)
        anonymise(*out);
    return s;
}

/* edit_rights: may the viewer change the event's parts? */
static enum status edit_rights(struct ctx *c, const struct event *e)
{
    return item_edit_rights(c, e->platform_key, e->author_key);
}

static bool gender_valid(const char *gender)
{
    return !*gender || *person_gender_label(gender);
}

/* attendance_validate checks one record: a person (resolved by person_id
 * when person_key is not yet known) or a name. */
static void attendance_validate(struct ctx *c, struct attendance *a, struct problems *p)
{
    field_text(c, &a->role, p, "role", _("Role at the event"), 100, NULL);
    field_text(c, &a->organisation, p, "organisation", _("Organisation"), 200, NULL);
    if (!a->person_key && !str_empty(a->person_id)) {
        struct person *pe;
        if (person_find(c, a->person_id, &pe) != STATUS_OK) {
            problems_invalid(p, "person", _("Choose a person who exists"));
            return;
        }
        a->person_key = pe->key;
        a->name = pe->name;
        if (!*a->organisation && pe->organisation_name)
            a->organisation = pe->organisation_name;
        if (!str_empty(a->gender) || !str_empty(a->marginalised_group))
            problems_invalid(p, "gender",
                             _("A person's gender and group come from their own record: edit "
                               "it there"));
        a->gender = pe->gender;
        a->marginalised_group = pe->marginalised_group;
        return;
    }
    if (a->person_key)
        return;
    field_text(c, &a->name, p, "name", _("Name"), 200,
               _("Enter the name of the person who attended, or choose a person"));
    field_text(c, &a->gender, p, "gender", _("Gender"), 20, NULL);
    if (!problems_for(p, "gender") && !gender_valid(a->gender))
        problems_invalid(p, "gender",
                         _("Choose female, male or another gender, or leave it empty"));
    field_text(c, &a->marginalised_group, p, "marginalised_group", _("Marginalised group"), 100,
               NULL);
}

/* attendance_text is an attendance as the audit trail keeps it. */
static char *attendance_text(struct ctx *c, const struct attendance *a)
{
    return arena_printf(c->arena, "%s%s%s%s%s", a->name, *a->role ? " — " : "", a->role,
                        a->spoke ? " " : "", a->spoke ? _("(spoke)") : "");
}

static char *attendance_list_text(struct ctx *c, const struct attendance_list *list)
{
    char *text = "";
    for (int i = 0; i < list->count; i++)
        text = arena_printf(c->arena, "%s%s%s", text, i ? "\n" : "",
                            attendance_text(c, &list->items[i]));
    return text;
}

enum status event_attendance_add(struct ctx *c, const struct event *e, struct attendance *a,
                                 struct problems *p)
{
    enum status s = edit_rights(c, e);
    if (s != STATUS_OK)
        return s;
    a->event_key = e->key;
    a->event_id = e->id;
    a->person_key = 0;
    attendance_validate(c, a, p);
    if (p->count)
        return problems_status(p);
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = store_attendance_insert(c, a);
    if (s == STATUS_CONFLICT)
        problems_add(p, STATUS_CONFLICT, "person",
                     _("This person's attendance is recorded already"));
    if (s == STATUS_OK)
        s = part_audit(c, e, "attendance", NULL, attendance_text(c, a));
    return store_end(c, s);
}

enum status event_attendance_update(struct ctx *c, struct attendance *a, struct problems *p)
{
    struct event *e;
    struct attendance *before;
    enum status s = event_attendance_find(c, a->id, &before);
    if (s == STATUS_OK)
        s = part_event(c, before->event_id, &e);
    if (s == STATUS_OK)
        s = edit_rights(c, e);
    if (s != STATUS_OK)
        return s;
    a->person_key = before->person_key;
    if (a->person_key) { /* a person's name, gender and group are their record's */
        if (!str_eq(a->gender, before->gender) ||
            !str_eq(a->marginalised_group, before->marginalised_group))
            problems_invalid(p, "gender",
                             _("A person's gender and group come from their own record: edit "
                               "it there"));
        a->name = before->name;
        a->gender = before->gender;
        a->marginalised_group = before->marginalised_group;
    }
    attendance_validate(c, a, p);
    if (p->count)
        return problems_status(p);
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = store_attendance_update(c, a);
    if (s == STATUS_OK)
        s = part_audit(c, e, "attendance", attendance_text(c, before), attendance_text(c, a));
    return store_end(c, s);
}

enum status event_attendance_remove(struct ctx *c, struct attendance *a)
{
    struct event *e;
    enum status s = part_event(c, a->event_id, &e);
    if (s == STATUS_OK)
        s = edit_rights(c, e);
    if (s != STATUS_OK)
        return s;
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = store_attendance_delete(c, a);
    if (s == STATUS_OK)
        s = part_audit(c, e, "attendance", attendance_text(c, a), NULL);
    return store_end(c, s);
}

/* record_one keeps, adds or updates one row of the attendance form against
 * what was recorded (matched marks the records kept). */
static enum status record_one(struct ctx *c, const struct event *e, struct attendance *row,
                              const struct attendance_list *had, bool *matched)
{
    const struct attendance *old = NULL;
    for (int k = 0; k < had->count; k++) {
        const struct attendance *h = &had->items[k];
        if ((row->person_key && h->person_key == row->person_key) ||
            (!row->person_key && row->id && str_eq(h->id, row->id))) {
            old = h;
            matched[k] = true;
        }
    }
    row->event_key = e->key;
    if (!old)
        return store_attendance_insert(c, row);
    row->key = old->key;
    row->id = old->id;
    if (str_eq(old->role, row->role) && old->spoke == row->spoke &&
        str_eq(old->organisation, row->organisation) && str_eq(old->name, row->name) &&
        str_eq(old->gender, row->gender) &&
        str_eq(old->marginalised_group, row->marginalised_group))
        return STATUS_OK;
    return store_attendance_update(c, row);
}

enum status event_attendance_record(struct ctx *c, const struct event *e, struct attendance *rows,
                                    int n, struct problems *p)
{
    enum status s = edit_rights(c, e);
    if (s != STATUS_OK)
        return s;
    struct attendance_list had;
    s = event_attendance(c, e, &had);
    if (s != STATUS_OK)
        return s;
    for (int i = 0; i < n && !p->count; i++) {
        struct problems one = {0};
        if (rows[i].person_key == 0 && str_empty(rows[i].person_id) && rows[i].id) {
            bool known = false; /* a name recorded before: keep its gender and group */
            for (int k = 0; k < had.count; k++)
                known = known || (!had.items[k].person_key && str_eq(had.items[k].id, rows[i].id));
            if (!known) {
                problems_invalid(p, "attendance",
                                 _("The form names a record of attendance this event does not "
                                   "have: load the form again"));
                break;
            }
        }
        attendance_validate(c, &rows[i], &one);
        for (int k = 0; k < i && !one.count; k++)
            if (rows[i].person_key && rows[k].person_key == rows[i].person_key)
                problems_invalid(&one, "attendance", _("The form names a person twice"));
        if (one.count)
            problems_invalid(p, "attendance",
                             arena_printf(c->arena, "%s: %s", rows[i].name ? rows[i].name : "",
                                          one.items[0].message));
    }
    if (p->count)
        return problems_status(p);
    bool *matched = arena_array(c->arena, (size_t)had.count + 1, sizeof *matched);
    s = store_begin(c);
    for (int i = 0; s == STATUS_OK && i < n; i++)
        s = record_one(c, e, &rows[i], &had, matched);
    for (int k = 0; s == STATUS_OK && k < had.count; k++)
        if (!matched[k])
            s = store_attendance_delete(c, &had.items[k]);
    struct attendance_list now;
    if (s == STATUS_OK)
        s = event_attendance(c, e, &now);
    if (s == STATUS_OK)
        s = part_audit(c, e, "attendance", attendance_list_text(c, &had),
                       attendance_list_text(c, &now));
    return store_end(c, s);
}

/* inclusion_add counts one attendance in a category of rows (at most
 * INCLUSION_CATEGORIES_MAX; further categories count as the last). */
static void inclusion_add(struct inclusion_row *rows, int *count, const char *category,
                          int64_t attendees, int64_t speakers)
{
    int i = 0;
    while (i < *count && !str_eq(rows[i].category, category))
        i++;
    if (i == *count && *count == INCLUSION_CATEGORIES_MAX)
        i = *count - 1;
    else if (i == *count)
        rows[(*count)++] = (struct inclusion_row){category, 0, 0};
    rows[i].attendees += attendees;
    rows[i].speakers += speakers;
}

static int category_order(const char *a, const char *b, bool genders)
{
    if (!*a || !*b) /* "not recorded" last */
        return (*a == '\0') - (*b == '\0');
    if (genders) {
        int ia = PERSON_GENDER_COUNT, ib = PERSON_GENDER_COUNT;
        for (int i = 0; i < PERSON_GENDER_COUNT; i++) {
            if (str_eq(a, person_gender_name(i)))
                ia = i;
            if (str_eq(b, person_gender_name(i)))
                ib = i;
        }
        if (ia != ib)
            return ia - ib;
    }
    return strcmp(a, b);
}

/* inclusion_sort puts the categories in order: genders as the person form
 * lists them, groups by name, "not recorded" last. */
static void inclusion_sort(struct inclusion_row *rows, int count, bool genders)
{
    for (int i = 1; i < count; i++)
        for (int k = i;
             k > 0 && category_order(rows[k - 1].category, rows[k].category, genders) > 0; k--) {
            struct inclusion_row t = rows[k];
            rows[k] = rows[k - 1];
            rows[k - 1] = t;
        }
}

void event_inclusion(struct ctx *c, const struct attendance_list *list, struct inclusion *out)
{
    (void)c;
    memset(out, 0, sizeof *out);
    for (int i = 0; i < list->count; i++) {
        const struct attendance *a = &list->items[i];
        out->attendees++;
        out->speakers += a->spoke;
        inclusion_add(out->genders, &out->gender_count, a->gender, 1, a->spoke);
        inclusion_add(out->groups, &out->group_count, a->marginalised_group, 1, a->spoke);
    }
    inclusion_sort(out->genders, out->gender_count, true);
    inclusion_sort(out->groups, out->group_count, false);
}

/* period_of names the year or quarter of a month "YYYY-MM" (arena). */
static char *period_of(struct ctx *c, const char *month, bool quarters)
{
    if (!quarters || strlen(month) < 7)
        return arena_strndup(c->arena, month, 4);
    int m = (month[5] - '0') * 10 + (month[6] - '0');
    return arena_printf(c->arena, "%.4s-Q%d", month, (m - 1) / 3 + 1);
}

enum status event_inclusion_series(struct ctx *c, int64_t platform_key, bool quarters,
                                   struct inclusion_series *out)
{
    struct inclusion_count *counts;
    int n;
    enum status s = store_inclusion_counts(c, platform_key, 4000, &counts, &n);
    if (s != STATUS_OK)
        return s;
    out->periods = arena_array(c->arena, INCLUSION_PERIODS_MAX, sizeof *out->periods);
    out->count = 0;
    /* Newest months first: a period ends the list once it is full. */
    for (int i = 0; i < n; i++) {
        char *period = period_of(c, counts[i].month, quarters);
        struct inclusion *in = NULL;
        for (int k = 0; k < out->count && !in; k++)
            if (str_eq(out->periods[k].period, period))
                in = &out->periods[k];
        if (!in && out->count == INCLUSION_PERIODS_MAX)
            break;
        if (!in) {
            in = &out->periods[out->count++];
            memset(in, 0, sizeof *in);
            in->period = period;
        }
        if (counts[i].dimension == 'g') {
            in->attendees += counts[i].attendees;
            in->speakers += counts[i].speakers;
            inclusion_add(in->genders, &in->gender_count, counts[i].category, counts[i].attendees,
                          counts[i].speakers);
        } else {
            inclusion_add(in->groups, &in->group_count, counts[i].category, counts[i].attendees,
                          counts[i].speakers);
        }
    }
    for (int k = 0; k < out->count; k++) {
        inclusion_sort(out->periods[k].genders, out->periods[k].gender_count, true);
        inclusion_sort(out->periods[k].groups, out->periods[k].group_count, false);
    }
    for (int i = 0, j = out->count - 1; i < j; i++, j--) { /* oldest first */
        struct inclusion t = out->periods[i];
        out->periods[i] = out->periods[j];
        out->periods[j] = t;
    }
    return STATUS_OK;
}

/* Decisions. */

/* decision_proposal keeps the link of a decision to the proposal it records
 * only where the viewer may read the proposal's thread. */
static void decision_proposal(struct ctx *c, struct decision *d)
{
    struct proposal *p;
    struct discussion *thread;
    if (d->proposal_id && proposal_find(c, d->proposal_id, &p, &thread) != STATUS_OK)
        d->proposal_id = d->proposal_title = NULL;
}

enum status event_decisions_of_platform(struct ctx *c, int64_t platform_key,
                                        const struct listing *l, struct decision_list *out)
{
    enum status s = store_decision_of_platform(c, platform_key, l, out);
    for (int i = 0; s == STATUS_OK && i < out->count; i++)
        decision_proposal(c, &out->items[i]);
    return s;
}

enum status event_decisions(struct ctx *c, const struct event *e, struct decision_list *out)
{
    enum status s = store_decision_list(c, e->key, out);
    for (int i = 0; s == STATUS_OK && i < out->count; i++)
        decision_proposal(c, &out->items[i]);
    return s;
}

enum status event_decision_find(struct ctx *c, const char *id, struct decision **out)
{
    if (str_empty(id))
        return STATUS_NOT_FOUND;
    enum status s = store_decision_get(c, id, out);
    struct event *e;
    /* A decision of a platform was read by its proposal's thread. */
    if (s == STATUS_OK && (*out)->event_id)
        s = part_event(c, (*out)->event_id, &e);
    if (s == STATUS_OK)
        decision_proposal(c, *out);
    return s;
}

static void decision_validate(struct ctx *c, struct decision *d, struct problems *p)
{
    field_text(c, &d->text, p, "text", _("Decision"), 2000, _("Enter the decision"));
}

/* decision_write runs one write of a decision with its audit and the
 * event's index entry (which holds the decisions' text). */
static enum status decision_write(struct ctx *c, const struct event *e, struct decision *d,
                                  const char *old_text, const char *new_text,
                                  enum status (*write)(struct ctx *, struct decision *))
{
    enum status s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = write(c, d);
    if (s == STATUS_OK)
        s = event_index(c, e);
    if (s == STATUS_OK)
        s = part_audit(c, e, "decision", old_text, new_text);
    return store_end(c, s);
}

static enum status decision_delete(struct ctx *c, struct decision *d)
{
    return store_decision_delete(c, d);
}

enum status event_decision_add(struct ctx *c, const struct event *e, struct decision *d,
                               struct problems *p)
{
    enum status s = edit_rights(c, e);
    if (s != STATUS_OK)
        return s;
    decision_validate(c, d, p);
    if (p->count)
        return problems_status(p);
    d->event_key = e->key;
    d->event_id = e->id;
    return decision_write(c, e, d, NULL, d->text, store_decision_insert);
}

enum status event_decision_update(struct ctx *c, struct decision *d, struct problems *p)
{
    struct decision *before;
    struct event *e;
    enum status s = event_decision_find(c, d->id, &before);
    if (s == STATUS_OK && !before->event_id)
        return STATUS_CONFLICT;
    if (s == STATUS_OK)
        s = part_event(c, before->event_id, &e);
    if (s == STATUS_OK)
        s = edit_rights(c, e);
    if (s != STATUS_OK)
        return s;
    decision_validate(c, d, p);
    if (p->count)
        return problems_status(p);
    return decision_write(c, e, d, before->text, d->text, store_decision_update);
}

enum status event_decision_remove(struct ctx *c, struct decision *d)
{
    if (!d->event_id)
        return STATUS_CONFLICT;
    struct event *e;
    enum status s = part_event(c, d->event_id, &e);
    if (s == STATUS_OK)
        s = edit_rights(c, e);
    if (s != STATUS_OK)
        return s;
    return decision_write(c, e, d, d->text, NULL, decision_delete);
}

/* Action items. */

/* action_flag sets overdue, and forgets a follow-up event the viewer may not
 * read (its id and title must not show through the item). */
static void action_flag(struct ctx *c, struct action_item *a, const char *today)
{
    a->overdue = str_eq(a->status, "open") && a->due_on && strcmp(a->due_on, today) < 0;
    struct event *later;
    if (a->follow_up_id && event_find(c, a->follow_up_id, &later) != STATUS_OK) {
        a->follow_up_key = 0;
        a->follow_up_id = a->follow_up_title = a->follow_up_starts_at = NULL;
    }
}

enum status event_action_list(struct ctx *c, const struct action_filter *f, const struct listing *l,
                              struct action_list *out)
{
    char today[11];
    event_today(today);
    enum status s = store_action_list(c, f, today, l, out);
    for (int i = 0; s == STATUS_OK && i < out->count; i++)
        action_flag(c, &out->items[i], today);
    return s;
}

enum status event_action_find(struct ctx *c, const char *id, struct action_item **out)
{
    if (str_empty(id))
        return STATUS_NOT_FOUND;
    enum status s = store_action_get(c, id, out);
    if (s == STATUS_OK) {
        char today[11];
        event_today(today);
        action_flag(c, *out, today);
    }
    return s;
}

bool event_action_may_edit(struct ctx *c, const struct action_item *a)
{
    return item_may_edit(c, a->platform_key, a->event_author_key);
}

bool event_action_may_set_status(struct ctx *c, const struct action_item *a)
{
    return event_action_may_edit(c, a) ||
           (a->owner_key && c->viewer->account_key && a->owner_key == c->viewer->person_key);
}

/* action_validate checks an action item of event e and resolves its owner
 * and follow-up. */
static void action_validate(struct ctx *c, const struct event *e, struct action_item *a,
                            struct problems *p)
{
    field_text(c, &a->title, p, "title", _("Action"), 300, _("Enter what is to be done"));
    field_text(c, &a->note, p, "note", _("Note"), 2000, NULL);
    a->owner_key = 0;
    if (!str_empty(a->owner_id)) {
        struct person *pe;
        if (person_find(c, a->owner_id, &pe) != STATUS_OK)
            problems_invalid(p, "owner", _("Choose a person who exists"));
        else {
            a->owner_key = pe->key;
            a->owner_name = pe->name;
        }
    }
    if (str_empty(a->due_on))
        a->due_on = NULL;
    else if (!clock_date_valid(a->due_on))
        problems_invalid(p, "due_on", _("Enter a real date as year-month-day, such as 2026-03-12"));
    else if (strcmp(a->due_on, start_date(c, e)) < 0)
        problems_invalid(p, "due_on", _("The due date must be on or after the day of the event"));
    if (str_empty(a->status))
        a->status = "open";
    if (!action_status_valid(a->status))
        problems_invalid(p, "status", _("Choose open, done or dropped"));
    a->follow_up_key = 0;
    if (!str_empty(a->follow_up_id)) {
        struct event *later;
        if (event_find(c, a->follow_up_id, &later) != STATUS_OK || later->key == e->key ||
            later->alliance_key != e->alliance_key || strcmp(later->starts_at, e->starts_at) <= 0)
            problems_invalid(p, "follow_up",
                             _("Choose a later event of the same alliance that followed it up"));
        else
            a->follow_up_key = later->key;
    }
}

static char *action_text(struct ctx *c, const struct action_item *a)
{
    return arena_printf(c->arena, "%s [%s%s%s%s%s]", a->title, a->status, a->owner_name ? ", " : "",
                        a->owner_name ? a->owner_name : "", a->due_on ? ", " : "",
                        a->due_on ? a->due_on : "");
}

/* action_write runs one write of an action item with its audit. */
static enum status action_write(struct ctx *c, const struct event *e, struct action_item *a,
                                const char *old_text, const char *new_text,
                                enum status (*write)(struct ctx *, struct action_item *))
{
    enum status s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = write(c, a);
    if (s == STATUS_OK)
        s = part_audit(c, e, "action_item", old_text, new_text);
    return store_end(c, s);
}

static enum status action_delete(struct ctx *c, struct action_item *a)
{
    return store_action_delete(c, a);
}

enum status event_action_add(struct ctx *c, const struct event *e, struct action_item *a,
                             struct problems *p)
{
    enum status s = edit_rights(c, e);
    if (s != STATUS_OK)
        return s;
    action_validate(c, e, a, p);
    if (p->count)
        return problems_status(p);
    a->event_key = e->key;
    a->event_id = e->id;
    return action_write(c, e, a, NULL, action_text(c, a), store_action_insert);
}

enum status event_action_update(struct ctx *c, struct action_item *a, struct problems *p)
{
    struct action_item *before;
    struct event *e;
    enum status s = event_action_find(c, a->id, &before);
    if (s == STATUS_OK)
        s = part_event(c, before->event_id, &e);
    if (s == STATUS_OK)
        s = edit_rights(c, e);
    if (s != STATUS_OK)
        return s;
    action_validate(c, e, a, p);
    if (p->count)
        return problems_status(p);
    return action_write(c, e, a, action_text(c, before), action_text(c, a), store_action_update);
}

enum status event_action_set_status(struct ctx *c, struct action_item *a, const char *status,
                                    struct problems *p)
{
    if (!event_action_may_set_status(c, a))
        return c->viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED;
    if (!action_status_valid(status)) {
        problems_invalid(p, "status", _("Choose open, done or dropped"));
        return STATUS_INVALID;
    }
    struct event *e;
    enum status s = part_event(c, a->event_id, &e);
    if (s != STATUS_OK)
        return s;
    char *before = action_text(c, a);
    a->status = (char *)status;
    return action_write(c, e, a, before, action_text(c, a), store_action_update);
}

enum status event_action_remove(struct ctx *c, struct action_item *a)
{
    struct event *e;
    enum status s = part_event(c, a->event_id, &e);
    if (s == STATUS_OK)
        s = edit_rights(c, e);
    if (s != STATUS_OK)
        return s;
    return action_write(c, e, a, action_text(c, a), NULL, action_delete);
}
