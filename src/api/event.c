/*
 * api/event.c — /api/v1/events: the events the caller may read (filtered by
 * platform, kind and dates; paged by cursor), each with its platforms,
 * attendance, decisions and action items; planning, reading, editing and
 * deleting one; and the parts of an event, each its own record:
 * /events/{id}/attendance and /attendance/{id}, /events/{id}/decisions and
 * /decisions/{id}, /events/{id}/action-items and /action-items/{id}, with
 * /action-items listing them across events (by owner, status, overdue).
 *
 * Times: "start" and "end" are wall times in "time_zone" (what a person
 * typed); "starts_at" and "ends_at" the same instants in UTC.
 */
#include "domain/event.h"

#include "api/api.h"
#include "api/json.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/person.h"
#include "domain/platform.h"

#include <string.h>

static json_t *attendance_json(const struct attendance *a)
{
    return json_pack("{s:s, s:s, s:o, s:s, s:s, s:s, s:b, s:s, s:s}", "id", a->id, "event",
                     a->event_id, "person", api_text_or_null(a->person_id), "name", a->name,
                     "organisation", a->organisation, "role", a->role, "spoke", a->spoke, "gender",
                     a->gender, "marginalised_group", a->marginalised_group);
}

/* decision_json: a decision of an event (platform null) or of a platform
 * (event null). */
static json_t *decision_json(const struct decision *d)
{
    json_t *doc =
        json_pack("{s:s, s:o, s:o, s:s, s:s, s:s, s:s, s:o}", "id", d->id, "event",
                  api_text_or_null(d->event_id), "platform", api_text_or_null(d->platform_id),
                  "text", d->text, "taken_at", d->taken_at, "created_at", d->created_at,
                  "updated_at", d->updated_at, "proposal", api_text_or_null(d->proposal_id));
    return doc;
}

static json_t *action_json(const struct action_item *a)
{
    json_t *doc =
        json_pack("{s:s, s:s, s:s, s:o, s:o, s:s, s:b, s:s, s:o}", "id", a->id, "event",
                  a->event_id, "title", a->title, "owner", api_text_or_null(a->owner_id), "due_on",
                  api_text_or_null(a->due_on), "status", a->status, "overdue", a->overdue, "note",
                  a->note, "follow_up", api_text_or_null(a->follow_up_id));
    json_object_set_new(doc, "created_at", json_string(a->created_at));
    json_object_set_new(doc, "updated_at", json_string(a->updated_at));
    return doc;
}

/* event_json is the whole event, with its parts (read as the caller may). */
static json_t *event_json(struct request *r, const struct event *e)
{
    struct ctx *c = &r->ctx;
    const struct tz *z = event_zone(c, e->time_zone);
    char start[EVENT_LOCAL_LEN + 1] = "", end[EVENT_LOCAL_LEN + 1] = "";
    event_wall(z, e->starts_at, start, NULL);
    event_wall(z, e->ends_at, end, NULL);
    json_t *platforms = json_array();
    for (int i = 0; i < e->platform_count; i++)
        json_array_append_new(platforms, json_string(e->platforms[i].id));
    json_t *doc = json_pack("{s:s, s:s, s:o, s:o, s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "id", e->id,
                            "alliance", e->alliance_slug, "platforms", platforms, "author",
                            api_text_or_null(e->author_id), "kind", e->kind, "title", e->title,
                            "start", start, "end", end, "time_zone", e->time_zone, "starts_at",
                            e->starts_at, "ends_at", e->ends_at);
    json_object_set_new(doc, "place", json_string(e->place));
    json_object_set_new(doc, "facilitator", json_string(e->facilitator));
    json_object_set_new(doc, "agenda", json_string(e->agenda));
    json_object_set_new(doc, "minutes", json_string(e->minutes));
    json_object_set_new(doc, "visibility", json_string(e->visibility));
    json_object_set_new(doc, "status", json_string(e->status));
    json_object_set_new(doc, "created_at", json_string(e->created_at));
    json_object_set_new(doc, "updated_at", json_string(e->updated_at));
    json_object_set_new(doc, "published_at", api_text_or_null(e->published_at));
    json_t *attendance = json_array(), *decisions = json_array(), *actions = json_array();
    struct attendance_list al;
    if (event_attendance(c, e, &al) == STATUS_OK)
        for (int i = 0; i < al.count; i++)
            json_array_append_new(attendance, attendance_json(&al.items[i]));
    struct decision_list dl;
    if (event_decisions(c, e, &dl) == STATUS_OK)
        for (int i = 0; i < dl.count; i++)
            json_array_append_new(decisions, decision_json(&dl.items[i]));
    struct listing l;
    listing_default(&l);
    l.limit = LISTING_MAX_LIMIT;
    l.sort = "recorded";
    struct action_filter f = {.event_key = e->key};
    struct action_list list;
    if (event_action_list(c, &f, &l, &list) == STATUS_OK)
        for (int i = 0; i < list.count; i++)
            json_array_append_new(actions, action_json(&list.items[i]));
    json_object_set_new(doc, "attendance", attendance);
    json_object_set_new(doc, "decisions", decisions);
    json_object_set_new(doc, "action_items", actions);
    return doc;
}

/* instant_of is the first instant of a day, or of the day after (arena). */
static const char *instant_of(struct request *r, const char *date, bool after)
{
    if (!date)
        return NULL;
    time_t t;
    char iso[32];
    if (clock_parse_iso(arena_printf(&r->arena, "%sT00:00:00Z", date), &t) != 0)
        return NULL;
    clock_format_iso(t + (after ? 86400 : 0), iso, sizeof iso);
    return arena_strdup(&r->arena, iso);
}

/* list_filters reads ?platform=, ?alliance=, ?kind=, ?from= and ?to=.
 * Returns -1 when it answered an error. */
static int list_filters(struct request *r, struct event_filter *f)
{
    if ((f->platform_key = api_platform_filter(r, "platform")) < 0 ||
        (f->alliance_key = api_alliance_filter(r, "alliance")) < 0)
        return -1;
    f->kind = request_query(r, "kind");
    if (f->kind && !event_kind_valid(f->kind)) {
        api_error(r, 400,
                  _("kind must be meeting, workshop, field_visit, training or exchange_visit"),
                  "kind");
        return -1;
    }
    const char *from, *to;
    if (api_date_filter(r, "from", &from) != 0 || api_date_filter(r, "to", &to) != 0)
        return -1;
    f->ends_after = instant_of(r, from, false);
    f->starts_before = instant_of(r, to, true);
    return 0;
}

void api_event_list(struct request *r)
{
    struct listing l;
    if (api_listing(r, &l) != 0)
        return;
    struct event_filter f = {0};
    if (list_filters(r, &f) != 0)
        return;
    struct event_list list;
    if (!api_done(r, event_list(&r->ctx, &f, &l, &list), NULL))
        return;
    json_t *items = json_array();
    for (int i = 0; i < list.count; i++) {
        struct event *full;
        if (event_find(&r->ctx, list.items[i].id, &full) == STATUS_OK)
            json_array_append_new(items, event_json(r, full));
    }
    api_list_send(r, items, list.total, &l, list.count,
                  list.count ? list.items[list.count - 1].id : NULL);
}

/* event_read reads a body into e. Returns false once an error is answered. */
static bool event_read(struct request *r, struct event *e, bool creating)
{
    json_t *platforms = NULL;
    struct api_field fields[] = {
        {"kind", API_STRING, &e->kind, NULL},
        {"title", API_STRING, &e->title, NULL},
        {"start", API_STRING, &e->start_local, NULL},
        {"end", API_STRING, &e->end_local, NULL},
        {"time_zone", API_STRING, &e->time_zone, NULL},
        {"place", API_STRING, &e->place, NULL},
        {"facilitator", API_STRING, &e->facilitator, NULL},
        {"agenda", API_STRING, &e->agenda, NULL},
        {"minutes", API_STRING, &e->minutes, NULL},
        {"visibility", API_STRING, &e->visibility, NULL},
        {"status", API_STRING, &e->status, NULL},
        {"platforms", API_STRING_SET, &platforms, NULL},
    };
    json_t *body = api_body(r, fields, sizeof fields / sizeof fields[0]);
    if (!body)
        return false;
    e->platform_id_count = 0;
    if (platforms) {
        if (json_array_size(platforms) > EVENT_PLATFORMS_MAX) {
            json_decref(body);
            api_error(r, 400, _("An event is held by at most eight platforms"), "platforms");
            return false;
        }
        size_t i;
        json_t *item;
        json_array_foreach(platforms, i, item) e->platform_ids[e->platform_id_count++] =
            arena_strdup(&r->arena, json_string_value(item));
    }
    json_decref(body); /* the strings are the arena's copies */
    if (creating && e->platform_id_count == 0) {
        api_error(r, 400, _("Give the platforms of the event, its home platform first"),
                  "platforms");
        return false;
    }
    return true;
}

void api_event_create(struct request *r)
{
    struct event e = {0};
    if (!event_read(r, &e, true))
        return;
    struct problems p = {0};
    if (!api_done(r, event_create(&r->ctx, &e, &p), &p))
        return;
    struct event *after;
    if (api_done(r, event_find(&r->ctx, e.id, &after), NULL))
        api_created(r, "/api/v1/events/", after->id, event_json(r, after));
}

static struct event *event_load(struct request *r)
{
    struct event *e = NULL;
    return api_done(r, event_find(&r->ctx, request_capture(r, 0), &e), NULL) ? e : NULL;
}

void api_event_get(struct request *r)
{
    struct event *e = event_load(r);
    if (e)
        api_send(r, 200, event_json(r, e));
}

void api_event_update(struct request *r)
{
    struct event *e = event_load(r);
    if (!e)
        return;
    char start[EVENT_LOCAL_LEN + 1], end[EVENT_LOCAL_LEN + 1];
    const struct tz *z = event_zone(&r->ctx, e->time_zone);
    if (event_wall(z, e->starts_at, start, NULL) == 0 &&
        event_wall(z, e->ends_at, end, NULL) == 0) {
        e->start_local = arena_strdup(&r->arena, start);
        e->end_local = arena_strdup(&r->arena, end);
    }
    if (!event_read(r, e, false))
        return;
    struct problems p = {0};
    if (!api_done(r, event_update(&r->ctx, e, &p), &p))
        return;
    struct event *after;
    if (api_done(r, event_find(&r->ctx, e->id, &after), NULL))
        api_send(r, 200, event_json(r, after));
}

void api_event_delete(struct request *r)
{
    struct event *e = event_load(r);
    if (e && api_done(r, event_delete(&r->ctx, e), NULL))
        api_deleted(r);
}

/* Attendance. */

/* attendance_read reads a body into a; spoke is a boolean. */
static bool attendance_read(struct request *r, struct attendance *a, bool creating)
{
    json_t *spoke = NULL;
    struct api_field fields[] = {
        {"name", API_STRING, &a->name, NULL},
        {"organisation", API_STRING, &a->organisation, NULL},
        {"role", API_STRING, &a->role, NULL},
        {"spoke", API_ANY, &spoke, NULL},
        {"gender", API_STRING, &a->gender, NULL},
        {"marginalised_group", API_STRING, &a->marginalised_group, NULL},
        {"person", API_STRING, &a->person_id, NULL},
    };
    json_t *body = api_body(r, fields, creating ? 7 : 6);
    if (!body)
        return false;
    bool boolean = !spoke || json_is_boolean(spoke);
    if (spoke && boolean)
        a->spoke = json_is_true(spoke);
    json_decref(body); /* spoke lived in it; the strings are the arena's copies */
    if (!boolean) {
        api_error(r, 400, _("spoke must be true or false"), "spoke");
        return false;
    }
    if (creating && !str_empty(a->person_id) && !str_empty(a->name)) {
        api_error(r, 400, _("Give a person or a name, not both"), "name");
        return false;
    }
    return true;
}

void api_attendance_create(struct request *r)
{
    struct event *e = event_load(r);
    if (!e)
        return;
    struct attendance a = {.gender = "", .marginalised_group = ""};
    if (!attendance_read(r, &a, true))
        return;
    struct problems p = {0};
    if (!api_done(r, event_attendance_add(&r->ctx, e, &a, &p), &p))
        return;
    struct attendance *after;
    if (api_done(r, event_attendance_find(&r->ctx, a.id, &after), NULL))
        api_created(r, "/api/v1/attendance/", after->id, attendance_json(after));
}

static struct attendance *attendance_load(struct request *r)
{
    struct attendance *a = NULL;
    return api_done(r, event_attendance_find(&r->ctx, request_capture(r, 0), &a), NULL) ? a : NULL;
}

void api_attendance_get(struct request *r)
{
    struct attendance *a = attendance_load(r);
    if (a)
        api_send(r, 200, attendance_json(a));
}

void api_attendance_update(struct request *r)
{
    struct attendance *a = attendance_load(r);
    if (!a || !attendance_read(r, a, false))
        return;
    struct problems p = {0};
    if (!api_done(r, event_attendance_update(&r->ctx, a, &p), &p))
        return;
    struct attendance *after;
    if (api_done(r, event_attendance_find(&r->ctx, a->id, &after), NULL))
        api_send(r, 200, attendance_json(after));
}

void api_attendance_delete(struct request *r)
{
    struct attendance *a = attendance_load(r);
    if (a && api_done(r, event_attendance_remove(&r->ctx, a), NULL))
        api_deleted(r);
}

/* Decisions. */

static bool decision_read(struct request *r, struct decision *d)
{
    struct api_field fields[] = {{"text", API_STRING, &d->text, NULL}};
    json_t *body = api_body(r, fields, 1);
    bool read = body != NULL;
    json_decref(body); /* the strings are the arena's copies */
    return read;
}

void api_decision_create(struct request *r)
{
    struct event *e = event_load(r);
    if (!e)
        return;
    struct decision d = {0};
    if (!decision_read(r, &d))
        return;
    struct problems p = {0};
    if (!api_done(r, event_decision_add(&r->ctx, e, &d, &p), &p))
        return;
    struct decision *after;
    if (api_done(r, event_decision_find(&r->ctx, d.id, &after), NULL))
        api_created(r, "/api/v1/decisions/", after->id, decision_json(after));
}

void api_platform_decisions(struct request *r)
{
    struct platform *pl = NULL;
    struct listing l;
    if (!api_done(r, platform_find(&r->ctx, request_capture(r, 0), &pl), NULL) ||
        api_listing(r, &l) != 0)
        return;
    struct decision_list list;
    if (!api_done(r, event_decisions_of_platform(&r->ctx, pl->key, &l, &list), NULL))
        return;
    json_t *items = json_array();
    for (int i = 0; i < list.count; i++)
        json_array_append_new(items, decision_json(&list.items[i]));
    api_list_send(r, items, list.total, &l, list.count,
                  list.count ? list.items[list.count - 1].id : NULL);
}

static struct decision *decision_load(struct request *r)
{
    struct decision *d = NULL;
    return api_done(r, event_decision_find(&r->ctx, request_capture(r, 0), &d), NULL) ? d : NULL;
}

void api_decision_get(struct request *r)
{
    struct decision *d = decision_load(r);
    if (d)
        api_send(r, 200, decision_json(d));
}

void api_decision_update(struct request *r)
{
    struct decision *d = decision_load(r);
    if (!d || !decision_read(r, d))
        return;
    struct problems p = {0};
    if (!api_done(r, event_decision_update(&r->ctx, d, &p), &p))
        return;
    struct decision *after;
    if (api_done(r, event_decision_find(&r->ctx, d->id, &after), NULL))
        api_send(r, 200, decision_json(after));
}

void api_decision_delete(struct request *r)
{
    struct decision *d = decision_load(r);
    if (d && api_done(r, event_decision_remove(&r->ctx, d), NULL))
        api_deleted(r);
}

/* Action items. */

static bool action_read(struct request *r, struct action_item *a)
{
    struct api_field fields[] = {
        {"title", API_STRING, &a->title, NULL},
        {"owner", API_STRING_OR_NULL, &a->owner_id, NULL},
        {"due_on", API_STRING_OR_NULL, &a->due_on, NULL},
        {"status", API_STRING, &a->status, NULL},
        {"note", API_STRING, &a->note, NULL},
        {"follow_up", API_STRING_OR_NULL, &a->follow_up_id, NULL},
    };
    json_t *body = api_body(r, fields, sizeof fields / sizeof fields[0]);
    bool read = body != NULL;
    json_decref(body); /* the strings are the arena's copies */
    return read;
}

void api_action_create(struct request *r)
{
    struct event *e = event_load(r);
    if (!e)
        return;
    struct action_item a = {0};
    if (!action_read(r, &a))
        return;
    struct problems p = {0};
    if (!api_done(r, event_action_add(&r->ctx, e, &a, &p), &p))
        return;
    struct action_item *after;
    if (api_done(r, event_action_find(&r->ctx, a.id, &after), NULL))
        api_created(r, "/api/v1/action-items/", after->id, action_json(after));
}

static struct action_item *action_load(struct request *r)
{
    struct action_item *a = NULL;
    return api_done(r, event_action_find(&r->ctx, request_capture(r, 0), &a), NULL) ? a : NULL;
}

void api_action_get(struct request *r)
{
    struct action_item *a = action_load(r);
    if (a)
        api_send(r, 200, action_json(a));
}

/* A change of the status alone is allowed to the owner too
 * (event_action_set_status); any other change to those who may edit the
 * event. */
void api_action_update(struct request *r)
{
    struct action_item *a = action_load(r);
    if (!a)
        return;
    struct action_item changed = *a;
    if (!action_read(r, &changed))
        return;
    struct problems p = {0};
    enum status s;
    bool status_only = str_eq(changed.title, a->title) && str_eq(changed.note, a->note) &&
                       str_eq(changed.owner_id, a->owner_id) && str_eq(changed.due_on, a->due_on) &&
                       str_eq(changed.follow_up_id, a->follow_up_id);
    if (status_only && !event_action_may_edit(&r->ctx, a))
        s = event_action_set_status(&r->ctx, a, changed.status ? changed.status : "", &p);
    else
        s = event_action_update(&r->ctx, &changed, &p);
    if (!api_done(r, s, &p))
        return;
    struct action_item *after;
    if (api_done(r, event_action_find(&r->ctx, a->id, &after), NULL))
        api_send(r, 200, action_json(after));
}

void api_action_delete(struct request *r)
{
    struct action_item *a = action_load(r);
    if (a && api_done(r, event_action_remove(&r->ctx, a), NULL))
        api_deleted(r);
}

/* api_action_list: ?owner= (a person's id, or "me"), ?platform=, ?status=,
 * ?overdue=true. */
void api_action_list(struct request *r)
{
    struct listing l;
    if (api_listing(r, &l) != 0)
        return;
    struct action_filter f = {0};
    if ((f.platform_key = api_platform_filter(r, "platform")) < 0)
        return;
    const char *owner = request_query(r, "owner");
    if (str_eq(owner, "me")) {
        f.owner_key = r->ctx.viewer->person_key ? r->ctx.viewer->person_key : -1;
    } else if (owner) {
        struct person *pe;
        if (person_find(&r->ctx, owner, &pe) != STATUS_OK) {
            api_error(r, 400, _("owner must be the id of a person, or me"), "owner");
            return;
        }
        f.owner_key = pe->key;
    }
    f.status = request_query(r, "status");
    if (f.status && !action_status_valid(f.status)) {
        api_error(r, 400, _("status must be open, done or dropped"), "status");
        return;
    }
    const char *overdue = request_query(r, "overdue");
    if (overdue && !str_eq(overdue, "true") && !str_eq(overdue, "false")) {
        api_error(r, 400, _("overdue must be true or false"), "overdue");
        return;
    }
    f.overdue = str_eq(overdue, "true");
    struct action_list list;
    if (!api_done(r, event_action_list(&r->ctx, &f, &l, &list), NULL))
        return;
    json_t *items = json_array();
    for (int i = 0; i < list.count; i++)
        json_array_append_new(items, action_json(&list.items[i]));
    api_list_send(r, items, list.total, &l, list.count,
                  list.count ? list.items[list.count - 1].id : NULL);
}
