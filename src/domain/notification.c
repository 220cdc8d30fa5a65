/*
 * notification.c — rules of notifications (see notification.h).
 */
#include "domain/notification.h"

#include "core/clock.h"
#include "core/i18n.h"
#include "core/str.h"
#include "core/tz.h"
#include "domain/mail.h"
#include "store/discussion.h"
#include "store/store.h"

#include <string.h>
#include <time.h>

const char *const notification_kinds[NOTIFICATION_KINDS] = {
    "mention", "reply", "share", "enquiry_assigned", "action_due", "proposal", "proposal_closing"};

const char *notification_kind_label(const char *kind)
{
    if (str_eq(kind, "mention"))
        return _("Someone mentions you");
    if (str_eq(kind, "reply"))
        return _("Replies in discussions you took part in");
    if (str_eq(kind, "share"))
        return _("Items shared with your platforms");
    if (str_eq(kind, "enquiry_assigned"))
        return _("Enquiries given you to answer");
    if (str_eq(kind, "action_due"))
        return _("Your action items due tomorrow or overdue");
    if (str_eq(kind, "proposal"))
        return _("Proposals opened in discussions you take part in");
    if (str_eq(kind, "proposal_closing"))
        return _("Proposals closing soon that you have not answered");
    return kind ? kind : "";
}

const char *notification_default_delivery(const char *kind)
{
    return str_eq(kind, "mention") || str_eq(kind, "enquiry_assigned") ||
                   str_eq(kind, "proposal_closing")
               ? "now"
               : "daily";
}

const char *notification_delivery_label(const char *delivery)
{
    if (str_eq(delivery, "now"))
        return _("At once");
    if (str_eq(delivery, "daily"))
        return _("In a daily digest");
    if (str_eq(delivery, "weekly"))
        return _("In a weekly digest");
    if (str_eq(delivery, "never"))
        return _("Never");
    return delivery ? delivery : "";
}

bool notification_delivery_valid(const char *delivery)
{
    return str_eq(delivery, "now") || str_eq(delivery, "daily") || str_eq(delivery, "weekly") ||
           str_eq(delivery, "never");
}

static bool kind_valid(const char *kind)
{
    for (int i = 0; i < NOTIFICATION_KINDS; i++)
        if (str_eq(kind, notification_kinds[i]))
            return true;
    return false;
}

const char *notification_delivery_of(struct ctx *c, int64_t person_key, const char *kind)
{
    const char *chosen = store_notification_delivery(c, person_key, kind);
    return chosen ? chosen : notification_default_delivery(kind);
}

enum status notification_notify(struct ctx *c, int64_t person_key, struct notification *n)
{
    if (!person_key || person_key == n->actor_key)
        return STATUS_OK;
    const char *delivery = notification_delivery_of(c, person_key, n->kind);
    if (str_eq(delivery, "never"))
        return STATUS_OK;
    n->person_key = person_key;
    n->delivery = (char *)delivery;
    enum status s = store_notification_insert(c, n);
    return s == STATUS_OK ? mail_queue_notification(c, n) : s;
}

enum status notification_enquiry_assigned(struct ctx *c, int64_t enquiry_key, int64_t assignee_key)
{
    struct notification n = {
        .kind = "enquiry_assigned", .actor_key = c->viewer->person_key, .enquiry_key = enquiry_key};
    return notification_notify(c, assignee_key, &n);
}

/* date_after writes the date days from now in zone z (NULL: UTC). */
static void date_after(const struct tz *z, int days, char out[16])
{
    int64_t now = (int64_t)time(NULL);
    time_t local = (time_t)(now + (z ? tz_offset(z, now, NULL) : 0) + days * 86400);
    struct tm tm;
    gmtime_r(&local, &tm);
    strftime(out, 16, "%Y-%m-%d", &tm);
}

enum status notification_actions_due(struct ctx *c, int *made)
{
    *made = 0;
    char latest[16];
    /* Nowhere on Earth is it later than two days from today in UTC. */
    date_after(NULL, 2, latest);
    struct action_due *due;
    int count;
    enum status s = store_actions_due(c, latest, &due, &count);
    for (int i = 0; s == STATUS_OK && i < count; i++) {
        /* Due tomorrow or before, where the alliance is. */
        char tomorrow[16];
        date_after(tz_load(c->arena, due[i].time_zone), 1, tomorrow);
        if (strcmp(due[i].due_on, tomorrow) > 0)
            continue;
        struct notification n = {.kind = "action_due", .action_item_key = due[i].key};
        s = store_begin(c);
        if (s == STATUS_OK)
            s = notification_notify(c, due[i].owner_key, &n);
        s = store_end(c, s);
        if (s == STATUS_CONFLICT)
            s = STATUS_OK; /* another server made it first */
        else if (s == STATUS_OK)
            (*made)++;
    }
    return s;
}

enum status notification_share_received(struct ctx *c, int64_t share_key, int64_t to_platform_key)
{
    int64_t people[1000];
    int count = store_platform_people(c, to_platform_key, people, 1000);
    enum status s = STATUS_OK;
    for (int i = 0; s == STATUS_OK && i < count; i++) {
        struct notification n = {
            .kind = "share", .actor_key = c->viewer->person_key, .share_key = share_key};
        s = notification_notify(c, people[i], &n);
    }
    return s;
}

enum status notification_list(struct ctx *c, const struct listing *l, struct notification_list *out)
{
    if (!c->viewer->person_key) {
        out->items = NULL;
        out->count = 0;
        out->total = 0;
        return STATUS_OK;
    }
    return store_notification_list(c, l, out);
}

int64_t notification_unread(struct ctx *c)
{
    return c->viewer->person_key ? store_notification_unread(c) : 0;
}

enum status notification_read_all(struct ctx *c)
{
    if (!c->viewer->person_key)
        return c->viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED;
    char now[32];
    clock_now_iso(now, sizeof now);
    enum status s = store_begin(c);
    if (s == STATUS_OK)
        s = store_notification_read_all(c, c->viewer->person_key, now);
    return store_end(c, s);
}

const char *notification_delivery(struct ctx *c, const char *kind)
{
    return c->viewer->person_key ? notification_delivery_of(c, c->viewer->person_key, kind)
                                 : notification_default_delivery(kind);
}

enum status notification_choose(struct ctx *c, int64_t person_key, const char *kind,
                                const char *delivery)
{
    enum status s = store_notification_delivery_set(c, person_key, kind, delivery);
    if (s == STATUS_OK && !str_eq(delivery, "now"))
        s = store_notification_redeliver(c, person_key, kind, delivery);
    return s;
}

enum status notification_delivery_set(struct ctx *c, const char *kind, const char *delivery,
                                      struct problems *p)
{
    if (!c->viewer->person_key)
        return c->viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED;
    if (!kind_valid(kind)) {
        problems_invalid(p, "kind", _("Choose a kind of notification"));
        return STATUS_INVALID;
    }
    if (!notification_delivery_valid(delivery)) {
        problems_invalid(p, kind, _("Choose at once, daily digest, weekly digest or never"));
        return STATUS_INVALID;
    }
    enum status s = store_begin(c);
    if (s == STATUS_OK)
        s = notification_choose(c, c->viewer->person_key, kind, delivery);
    return store_end(c, s);
}
