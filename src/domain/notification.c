/*
 * notification.c — rules of notifications (see notification.h).
 */
#include "domain/notification.h"

#include "core/clock.h"
#include "core/i18n.h"
#include "core/str.h"
#include "store/discussion.h"
#include "store/store.h"

const char *const notification_kinds[NOTIFICATION_KINDS] = {"mention", "reply", "share"};

const char *notification_kind_label(const char *kind)
{
    if (str_eq(kind, "mention"))
        return _("Someone mentions you");
    if (str_eq(kind, "reply"))
        return _("Replies in discussions you took part in");
    if (str_eq(kind, "share"))
        return _("Items shared with your platforms");
    return kind ? kind : "";
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

enum status notification_notify(struct ctx *c, int64_t person_key, struct notification *n)
{
    if (!person_key || person_key == n->actor_key)
        return STATUS_OK;
    if (str_eq(store_notification_delivery(c, person_key, n->kind), "never"))
        return STATUS_OK;
    n->person_key = person_key;
    return store_notification_insert(c, n);
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
    return c->viewer->person_key ? store_notification_delivery(c, c->viewer->person_key, kind)
                                 : "now";
}

enum status notification_delivery_set(struct ctx *c, const char *kind, const char *delivery,
                                      struct problems *p)
{
    if (!c->viewer->person_key)
        return c->viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED;
    if (!kind_valid(kind)) {
        problems_invalid(p, "kind", _("Choose mention, reply or share"));
        return STATUS_INVALID;
    }
    if (!notification_delivery_valid(delivery)) {
        problems_invalid(p, kind, _("Choose at once, daily digest, weekly digest or never"));
        return STATUS_INVALID;
    }
    enum status s = store_begin(c);
    if (s == STATUS_OK)
        s = store_notification_delivery_set(c, c->viewer->person_key, kind, delivery);
    return store_end(c, s);
}
