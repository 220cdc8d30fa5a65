/*
 * share.c — rules of shares (see share.h): where a share may go from a
 * platform, who may share, answer and withdraw, what a response needs, and
 * withdrawing what was passed on. Every write keeps the audit trail in the
 * same transaction.
 */
#include "domain/share.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/audit.h"
#include "domain/document.h"
#include "domain/entry.h"
#include "domain/event.h"
#include "domain/field.h"
#include "domain/lesson.h"
#include "domain/notification.h"
#include "domain/platform.h"
#include "domain/question.h"
#include "domain/rights.h"
#include "store/store.h"

#include <string.h>
#include <time.h>

static const struct {
    const char *name, *label, *path;
} kinds[] = {{"lesson", N_("lesson"), "/lessons/"},
             {"entry", N_("journal entry"), "/entries/"},
             {"document", N_("document"), "/documents/"},
             {"event", N_("event"), "/events/"},
             {"question", N_("learning question"), "/questions/"}};

static const struct {
    const char *name, *label;
} directions[] = {{"up", N_("Up")}, {"down", N_("Down")}, {"across", N_("Across")}},
  responses[] = {{"acknowledged", N_("Acknowledged")},
                 {"discussed", N_("Discussed")},
                 {"adopted", N_("Adopted")},
                 {"not_relevant", N_("Not relevant")}};

#define COUNT(a) (sizeof a / sizeof a[0])

bool share_kind_valid(const char *kind)
{
    for (size_t i = 0; i < COUNT(kinds); i++)
        if (str_eq(kind, kinds[i].name))
            return true;
    return false;
}

const char *share_kind_label(const char *kind)
{
    for (size_t i = 0; i < COUNT(kinds); i++)
        if (str_eq(kind, kinds[i].name))
            return _(kinds[i].label);
    return kind ? kind : "";
}

const char *share_item_path(const char *kind)
{
    for (size_t i = 0; i < COUNT(kinds); i++)
        if (str_eq(kind, kinds[i].name))
            return kinds[i].path;
    return "/";
}

const char *share_direction_label(const char *direction)
{
    for (size_t i = 0; i < COUNT(directions); i++)
        if (str_eq(direction, directions[i].name))
            return _(directions[i].label);
    return direction ? direction : "";
}

const char *share_response_label(const char *response)
{
    for (size_t i = 0; i < COUNT(responses); i++)
        if (str_eq(response, responses[i].name))
            return _(responses[i].label);
    return response ? response : _("Waiting");
}

bool share_response_valid(const char *response)
{
    for (size_t i = 0; i < COUNT(responses); i++)
        if (str_eq(response, responses[i].name))
            return true;
    return false;
}

bool share_state_valid(const char *state)
{
    return str_eq(state, "waiting") || str_eq(state, "responded") || str_eq(state, "withdrawn") ||
           share_response_valid(state);
}

/* SHARE_ITEM_ALSO adds the other platforms of x (an event or a question,
 * whose platforms[0] is its home) to the item out. */
#define SHARE_ITEM_ALSO(out, x)                                                                    \
    for (int i = 1; i < (x)->platform_count && (out)->also_count < SHARE_ITEM_PLATFORMS_MAX;       \
         i++) {                                                                                    \
        (out)->also_keys[(out)->also_count] = (x)->platforms[i].key;                               \
        (out)->also_ids[(out)->also_count++] = (x)->platforms[i].id;                               \
    }

void share_item_of_question(const struct question *q, struct share_item *out)
{
    *out = SHARE_ITEM_OF("question", q);
    out->published = true; /* a question is never a draft */
    SHARE_ITEM_ALSO(out, q);
}

void share_item_of_event(const struct event *e, struct share_item *out)
{
    *out = SHARE_ITEM_OF("event", e);
    out->has_minutes = !str_empty(e->minutes);
    SHARE_ITEM_ALSO(out, e);
}

/* event_item fills out from an event the viewer may read. */
static enum status event_item(struct ctx *c, const char *id, struct share_item *out)
{
    struct event *e;
    enum status s = event_find(c, id, &e);
    if (s == STATUS_OK)
        share_item_of_event(e, out);
    return s;
}

/* own_platform says whether the platform holds the item as its own: the
 * item's platform, or another platform of a joint event. */
static bool own_platform(const struct share_item *item, int64_t platform_key)
{
    if (platform_key == item->platform_key)
        return true;
    for (int i = 0; i < item->also_count; i++)
        if (item->also_keys[i] == platform_key)
            return true;
    return false;
}

enum status share_item_find(struct ctx *c, const char *kind, const char *id, struct share_item *out)
{
    memset(out, 0, sizeof *out);
    out->kind = kind;
    if (str_eq(kind, "event"))
        return event_item(c, id, out);
    if (str_eq(kind, "question")) {
        struct question *q;
        enum status s = question_find(c, id, &q);
        if (s == STATUS_OK)
            share_item_of_question(q, out);
        return s;
    }
    if (str_eq(kind, "lesson")) {
        struct lesson *ls;
        enum status s = lesson_find(c, id, &ls);
        if (s != STATUS_OK)
            return s;
        *out = SHARE_ITEM_OF(kind, ls);
        return STATUS_OK;
    }
    if (str_eq(kind, "entry")) {
        struct entry *e;
        enum status s = entry_find(c, id, &e);
        if (s != STATUS_OK)
            return s;
        *out = SHARE_ITEM_OF(kind, e);
        return STATUS_OK;
    }
    if (str_eq(kind, "document")) {
        struct document *d;
        enum status s = document_find(c, id, &d);
        if (s != STATUS_OK)
            return s;
        *out = SHARE_ITEM_OF(kind, d);
        return STATUS_OK;
    }
    return STATUS_NOT_FOUND;
}

/* holds says whether the platform has the item: its own, or shared to it. */
static bool holds(struct ctx *c, const struct share_item *item, int64_t platform_key)
{
    return own_platform(item, platform_key) ||
           store_share_holding(c, item->kind, item->key, platform_key, false) > 0;
}

/* target_of fills t from a platform (readable by the viewer) found by id. */
static bool target_of(struct ctx *c, const struct share_item *item, const char *id,
                      const char *direction, struct share_target *t)
{
    struct platform *pl;
    if (!id || platform_find(c, id, &pl) != STATUS_OK)
        return false;
    *t = (struct share_target){direction,
                               pl->key,
                               pl->id,
                               pl->name,
                               pl->level_label,
                               pl->alliance_name,
                               holds(c, item, pl->key)};
    return true;
}

int share_sources(struct ctx *c, const struct share_item *item, struct share_target *out, int max)
{
    int n = 0;
    if (rights_may(rights_on_platform(c, item->platform_key, RIGHT_SHARE_ITEMS)) && n < max &&
        target_of(c, item, item->platform_id, "", &out[n]))
        n++;
    for (int i = 0; i < item->also_count && n < max; i++)
        if (rights_may(rights_on_platform(c, item->also_keys[i], RIGHT_SHARE_ITEMS)) &&
            target_of(c, item, item->also_ids[i], "", &out[n]))
            n++;
    int64_t *keys;
    char **ids;
    int count;
    if (store_share_holders(c, item->kind, item->key, &keys, &ids, &count) != STATUS_OK)
        return n;
    for (int i = 0; i < count && n < max; i++)
        if (!own_platform(item, keys[i]) &&
            rights_may(rights_on_platform(c, keys[i], RIGHT_SHARE_ITEMS)) &&
            target_of(c, item, ids[i], "", &out[n]))
            n++;
    return n;
}

int share_targets(struct ctx *c, const struct share_item *item, const char *from_id,
                  struct share_target *out, int max)
{
    struct platform *from;
    if (platform_find(c, from_id, &from) != STATUS_OK)
        return 0;
    int n = 0;
    if (from->parent_id && n < max && target_of(c, item, from->parent_id, "up", &out[n]))
        n++;
    struct listing l;
    listing_default(&l);
    l.limit = max;
    struct platform_filter f = {.parent_key = from->key, .depth = -1};
    struct platform_list children;
    if (platform_list(c, &f, &l, &children) == STATUS_OK)
        for (int i = 0; i < children.count && n < max; i++)
            if (target_of(c, item, children.items[i].id, "down", &out[n]))
                n++;
    struct platform_link_list peers;
    if (platform_links(c, from, &l, &peers) == STATUS_OK)
        for (int i = 0; i < peers.count && n < max; i++) {
            bool seen = false; /* a peer that is also the parent or a child stays up or down */
            for (int k = 0; k < n; k++)
                seen = seen || str_eq(out[k].id, peers.items[i].other_id);
            if (!seen && target_of(c, item, peers.items[i].other_id, "across", &out[n]))
                n++;
        }
    return n;
}

bool share_may_name(struct ctx *c, const struct share_item *item, int64_t from_key)
{
    return own_platform(item, from_key) ||
           store_share_holding(c, item->kind, item->key, from_key, true) > 0;
}

/* share_audit records a share's creation ("create"), response ("respond")
 * or withdrawal ("withdraw"), the last two as updates of the share. A share
 * and its withdrawal are in the sender's trail, a response in the
 * receiver's. */
static enum status share_audit(struct ctx *c, const char *action, const struct share *before,
                               const struct share *after)
{
    struct audit_draft d;
    bool response = str_eq(action, "respond");
    audit_begin(&d, str_eq(action, "create") ? "create" : "update", "share", after->id,
                after->item_title, response ? after->to_alliance_key : after->from_alliance_key,
                response ? after->to_key : after->from_key);
    if (!response && after->to_alliance_key != after->from_alliance_key)
        d.related_alliance_key = after->to_alliance_key;
    if (str_eq(action, "create")) {
        audit_text(&d, "kind", NULL, after->kind);
        audit_text(&d, "item", NULL, after->item_id);
        audit_text(&d, "to", NULL, after->to_name);
        audit_text(&d, "direction", NULL, after->direction);
        audit_text(&d, "message", NULL, after->message);
        audit_text(&d, "attributed", NULL, after->attributed ? "yes" : "no");
    } else if (response) {
        audit_text(&d, "response", before->response, after->response);
        audit_text(&d, "note", before->response_note, after->response_note);
        audit_text(&d, "link", before->response_link, after->response_link);
    } else {
        audit_text(&d, "to", NULL, after->to_name);
        audit_text(&d, "withdrawn_at", NULL, after->withdrawn_at);
    }
    return audit_save(c, &d);
}

/* request_to collects the receiving platforms of a request into targets,
 * checking each against where a share from the sender may go. */
static int request_to(struct ctx *c, const struct share_request *req, const struct share_item *item,
                      const struct share_target *from, struct share_target *chosen,
                      struct problems *p)
{
    struct share_target *allowed = arena_array(c->arena, SHARE_TARGETS_MAX, sizeof *allowed);
    int n_allowed = share_targets(c, item, from->id, allowed, SHARE_TARGETS_MAX);
    int n = 0;
    for (int i = 0; i < req->to_count; i++) {
        const struct share_target *t = NULL;
        for (int k = 0; k < n_allowed && !t; k++)
            if (str_eq(allowed[k].id, req->to_ids[i]))
                t = &allowed[k];
        if (!t) {
            struct platform *pl;
            problems_invalid(
                p, "to",
                platform_find(c, req->to_ids[i], &pl) == STATUS_OK
                    ? arena_printf(c->arena,
                                   _("%s is not the parent, a platform below or a peer of the "
                                     "platform sharing: choose from those"),
                                   pl->name)
                    : _("Choose platforms that exist: the parent, platforms below or peers"));
            return -1;
        }
        bool again = false;
        for (int k = 0; k < n; k++)
            again = again || chosen[k].key == t->key;
        if (again)
            continue;
        if (t->holds) {
            problems_add(p, STATUS_CONFLICT, "to",
                         arena_printf(c->arena, _("%s has this %s already"), t->name,
                                      share_kind_label(item->kind)));
            return -1;
        }
        chosen[n++] = *t;
    }
    if (req->to_children) {
        bool any_below = false;
        for (int k = 0; k < n_allowed; k++) {
            if (!str_eq(allowed[k].direction, "down"))
                continue;
            any_below = true;
            bool again = false;
            for (int j = 0; j < n; j++)
                again = again || chosen[j].key == allowed[k].key;
            if (!again && !allowed[k].holds)
                chosen[n++] = allowed[k];
        }
        if (!any_below && n == 0) {
            problems_invalid(p, "to", _("This platform has no platforms below it"));
            return -1;
        }
    }
    if (n == 0) {
        problems_add(p, req->to_children ? STATUS_CONFLICT : STATUS_INVALID, "to",
                     req->to_children ? _("Every platform below has it already")
                                      : _("Choose at least one platform to share with"));
        return -1;
    }
    return n;
}

/* request_from finds the sending platform: the one asked for, which must
 * hold the item; else the first the viewer may share it from, else the
 * item's own (whose rights then answer). */
static enum status request_from(struct ctx *c, const struct share_request *req,
                                const struct share_item *item, struct share_target *from,
                                struct problems *p)
{
    const char *id = req->from_id;
    if (str_empty(id)) {
        struct share_target sources[4];
        id = share_sources(c, item, sources, 4) ? sources[0].id : item->platform_id;
    }
    if (!target_of(c, item, id, "", from)) {
        problems_invalid(p, "from", _("Choose a platform that exists"));
        return STATUS_INVALID;
    }
    if (!from->holds) {
        problems_invalid(p, "from",
                         arena_printf(c->arena, _("%s does not have this %s to share"), from->name,
                                      share_kind_label(item->kind)));
        return STATUS_INVALID;
    }
    return STATUS_OK;
}

/* request_check checks everything but where the shares go: the kind, the
 * item, the sender and the right to share from it, the message, and
 * whether the author may be named. */
static enum status request_check(struct ctx *c, const struct share_request *req,
                                 struct share_item *item, struct share_target *from, bool *named,
                                 char **message, struct problems *p)
{
    enum status s = rights_signed_in(c);
    if (s != STATUS_OK)
        return s;
    if (!share_kind_valid(req->kind)) {
        problems_invalid(p, "kind",
                         _("Choose what to share: a lesson, entry, document, event or learning "
                           "question"));
        return STATUS_INVALID;
    }
    if (str_empty(req->item_id) || share_item_find(c, req->kind, req->item_id, item) != STATUS_OK) {
        problems_invalid(p, "item",
                         arena_printf(c->arena, _("Choose a %s that exists and you may read"),
                                      share_kind_label(req->kind)));
        return STATUS_INVALID;
    }
    s = request_from(c, req, item, from, p);
    if (s != STATUS_OK)
        return s;
    s = rights_on_platform(c, from->key, RIGHT_SHARE_ITEMS);
    if (s != STATUS_OK)
        return s;
    if (!item->published) {
        problems_invalid(p, "item",
                         arena_printf(c->arena,
                                      _("Only a published %s can be shared: publish it "
                                        "first"),
                                      share_kind_label(item->kind)));
        return STATUS_INVALID;
    }
    if (!item->has_minutes) {
        problems_invalid(p, "item",
                         _("This event has no minutes yet: write them before sharing it"));
        return STATUS_INVALID;
    }
    *message = (char *)req->message;
    field_text(c, message, p, "message", _("Message"), 2000, NULL);
    bool may_name = share_may_name(c, item, from->key);
    *named = req->attributed < 0 ? may_name : req->attributed > 0;
    if (*named && !may_name)
        problems_invalid(p, "attributed",
                         _("It came to this platform without the author's name: share it on "
                           "without it"));
    return p->count ? problems_status(p) : STATUS_OK;
}

enum status share_create(struct ctx *c, const struct share_request *req, struct share_list *out,
                         struct problems *p)
{
    struct share_item item;
    struct share_target from;
    bool named = false;
    char *message = NULL;
    out->count = 0;
    out->total = 0;
    enum status s = request_check(c, req, &item, &from, &named, &message, p);
    if (s != STATUS_OK)
        return s;
    struct share_target *to = arena_array(c->arena, SHARE_TARGETS_MAX, sizeof *to);
    int n = request_to(c, req, &item, &from, to, p);
    if (n < 0)
        return problems_status(p);
    out->items = arena_array(c->arena, (size_t)n, sizeof *out->items);
    s = store_begin(c);
    for (int i = 0; s == STATUS_OK && i < n; i++) {
        struct share sh = {.kind = (char *)item.kind,
                           .item_key = item.key,
                           .item_id = (char *)item.id,
                           .from_key = from.key,
                           .to_key = to[i].key,
                           .direction = (char *)to[i].direction,
                           .message = message,
                           .attributed = named};
        s = store_share_insert(c, &sh, c->viewer->person_key);
        if (s == STATUS_OK)
            s = notification_share_received(c, sh.key, sh.to_key);
        struct share *stored = NULL;
        if (s == STATUS_OK)
            s = store_share_by_key(c, sh.key, &stored);
        if (s == STATUS_OK)
            s = share_audit(c, "create", NULL, stored);
        if (s == STATUS_OK)
            out->items[out->count++] = *stored;
    }
    out->total = out->count;
    return store_end(c, s);
}

enum status share_find(struct ctx *c, const char *id, struct share **out)
{
    return str_empty(id) ? STATUS_NOT_FOUND : store_share_get(c, id, out);
}

/* cutoff writes the instant before which a waiting share is flagged. */
static char *cutoff(struct ctx *c, int response_days)
{
    char out[32];
    clock_format_iso(time(NULL) -
                         (time_t)(response_days > 0 ? response_days : SHARE_RESPONSE_DAYS) * 86400,
                     out, sizeof out);
    return arena_strdup(c->arena, out);
}

enum status share_list(struct ctx *c, const struct share_filter *f, const struct listing *l,
                       struct share_list *out)
{
    return store_share_list(c, f, cutoff(c, f->response_days), l, out);
}

int64_t share_count(struct ctx *c, const struct share_filter *f)
{
    return store_share_count(c, f, cutoff(c, f->response_days));
}

bool share_may_respond(struct ctx *c, const struct share *sh)
{
    return !sh->withdrawn_at && rights_may(rights_on_platform(c, sh->to_key, RIGHT_RESPOND_SHARES));
}

bool share_may_withdraw(struct ctx *c, const struct share *sh)
{
    return !sh->withdrawn_at && rights_may(rights_on_platform(c, sh->from_key, RIGHT_SHARE_ITEMS));
}

/* link_ok: an http(s) address, or a path of this site (/events/…). */
static bool link_ok(const char *url)
{
    if (str_is_http_url(url))
        return true;
    if (url[0] != '/' || url[1] == '/' || url[1] == '\\')
        return false;
    for (const char *q = url; *q; q++)
        if ((unsigned char)*q <= ' ' || *q == '"' || *q == '<' || *q == '>')
            return false;
    return true;
}

/* event_linked says whether a link to an event of this site (/events/ID,
 * perhaps with #part) names one the viewer may read. */
static bool event_linked(struct ctx *c, const char *link)
{
    const char *id = link + strlen("/events/");
    size_t n = strcspn(id, "#?/");
    struct event *e;
    return n > 0 && event_find(c, arena_strndup(c->arena, id, n), &e) == STATUS_OK;
}

/* response_validate checks a response and what it needs. */
static void response_validate(struct ctx *c, struct share *sh, struct problems *p)
{
    if (!share_response_valid(sh->response)) {
        problems_invalid(p, "response",
                         _("Choose the response: acknowledged, discussed, adopted or not "
                           "relevant"));
        return;
    }
    field_text(c, &sh->response_note, p, "note", _("Note"), 2000,
               str_eq(sh->response, "not_relevant") ? _("Say why it is not relevant here") : NULL);
    field_text(c, &sh->response_link, p, "link", _("Link"), 2000,
               str_eq(sh->response, "discussed")
                   ? _("Give the link to the event where it was discussed, or its minutes")
               : str_eq(sh->response, "adopted")
                   ? _("Give the link to what changed: the guideline, policy, decision or "
                       "practice it led to")
                   : NULL);
    if (*sh->response_link && !problems_for(p, "link") && !link_ok(sh->response_link))
        problems_invalid(p, "link",
                         _("Give an address that starts with https:// or http://, or a page of "
                           "this site such as /documents/…"));
    else if (str_starts_with(sh->response_link, "/events/") && !event_linked(c, sh->response_link))
        problems_invalid(p, "link",
                         _("No event you may read has this address: choose one of the "
                           "platform's events, or give the address of its minutes"));
}

enum status share_respond(struct ctx *c, struct share *sh, struct problems *p)
{
    struct share *before;
    enum status s = share_find(c, sh->id, &before);
    if (s != STATUS_OK)
        return s;
    s = rights_on_platform(c, before->to_key, RIGHT_RESPOND_SHARES);
    if (s != STATUS_OK)
        return s;
    if (before->withdrawn_at) {
        problems_add(p, STATUS_CONFLICT, NULL,
                     _("This share has been withdrawn: there is nothing to respond to"));
        return STATUS_CONFLICT;
    }
    response_validate(c, sh, p);
    if (p->count)
        return problems_status(p);
    s = store_begin(c);
    if (s == STATUS_OK)
        s = store_share_respond(c, sh, c->viewer->person_key);
    if (s == STATUS_OK)
        s = share_audit(c, "respond", before, sh);
    return store_end(c, s);
}

/* withdraw_one withdraws a share that stands, then what its receiver passed
 * on, when the receiver holds the item by no other share (depth bounds the
 * chain: a share cannot come back to its sender's sender forever). */
static enum status withdraw_one(struct ctx *c, struct share *sh, int depth)
{
    enum status s = store_share_withdraw(c, sh, c->viewer->person_key);
    if (s == STATUS_OK)
        s = share_audit(c, "withdraw", sh, sh);
    if (s != STATUS_OK || depth > 32 || sh->to_key == sh->item_platform_key ||
        store_share_holding(c, sh->kind, sh->item_key, sh->to_key, false) > 0)
        return s;
    struct share_list onward;
    s = store_share_onward(c, sh->kind, sh->item_key, sh->to_key, &onward);
    for (int i = 0; s == STATUS_OK && i < onward.count; i++)
        s = withdraw_one(c, &onward.items[i], depth + 1);
    return s;
}

enum status share_withdraw(struct ctx *c, struct share *sh)
{
    enum status s = rights_on_platform(c, sh->from_key, RIGHT_SHARE_ITEMS);
    if (s != STATUS_OK)
        return s;
    if (sh->withdrawn_at)
        return STATUS_CONFLICT;
    s = store_begin(c);
    if (s == STATUS_OK)
        s = withdraw_one(c, sh, 0);
    return store_end(c, s);
}

enum status share_item_deleted(struct ctx *c, const char *kind, int64_t item_key)
{
    return store_share_withdraw_item(c, kind, item_key, c->viewer->person_key);
}

int share_waiting_days(const struct share *sh)
{
    time_t then;
    if (sh->response || sh->withdrawn_at || clock_parse_iso(sh->shared_at, &then) != 0)
        return 0;
    double days = difftime(time(NULL), then) / 86400.0;
    return days > 0 ? (int)days : 0;
}

bool share_flagged(const struct share *sh, int response_days)
{
    time_t then;
    if (sh->response || sh->withdrawn_at || clock_parse_iso(sh->shared_at, &then) != 0)
        return false;
    int days = response_days > 0 ? response_days : SHARE_RESPONSE_DAYS;
    return difftime(time(NULL), then) > (double)days * 86400.0;
}
