/*
 * enquiry.c — rules of enquiries (see enquiry.h): a question, and from a
 * visitor a name and an email address; the steps of the status; the rights
 * to assign and to answer; the time to answer. Every write keeps the search
 * index (published FAQs only) and the audit trail in the same transaction.
 * The audit trail, which every member of the platform reads, says that the
 * question, the answer and who asked changed, never what they say, and
 * records a question without who asked it.
 */
#include "domain/enquiry.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/audit.h"
#include "domain/field.h"
#include "domain/notification.h"
#include "domain/platform.h"
#include "domain/rights.h"
#include "domain/search.h"
#include "domain/throttle.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* How many answered enquiries the time to answer looks at, latest first. */
#define TIMES_MAX 5000

static const struct {
    const char *name, *label;
} statuses[] = {{"open", N_("Open")},
                {"assigned", N_("Assigned")},
                {"answered", N_("Answered")},
                {"closed", N_("Closed")}};

const char *enquiry_status_label(const char *status)
{
    for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
        if (str_eq(status, statuses[i].name))
            return _(statuses[i].label);
    return status ? status : "";
}

static bool status_valid(const char *status)
{
    for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
        if (str_eq(status, statuses[i].name))
            return true;
    return false;
}

enum status enquiry_find(struct ctx *c, const char *id, struct enquiry **out)
{
    return str_empty(id) ? STATUS_NOT_FOUND : store_enquiry_get(c, id, out);
}

enum status enquiry_list(struct ctx *c, const struct enquiry_filter *f, const struct listing *l,
                         struct enquiry_list *out)
{
    return store_enquiry_list(c, f, l, out);
}

bool enquiry_answerer(struct ctx *c, int64_t platform_key, int64_t person_key)
{
    return person_key && rights_role_has(store_role_on_platform(c, platform_key, person_key),
                                         RIGHT_PUBLISH_ITEMS);
}

bool enquiry_may_answer(struct ctx *c, const struct enquiry *e)
{
    return rights_may(rights_on_platform(c, e->platform_key, RIGHT_PUBLISH_ITEMS));
}

bool enquiry_may_assign(struct ctx *c, const struct enquiry *e)
{
    return rights_may(rights_on_platform(c, e->platform_key, RIGHT_MODERATE));
}

/* rate_subject names the throttle counter of an address. */
static const char *rate_subject(struct ctx *c, const char *address)
{
    return arena_printf(c->arena, "enquiry:%s", address ? address : "");
}

int64_t enquiry_wait(struct ctx *c, const char *address)
{
    if (rights_may(rights_signed_in(c)))
        return 0;
    return throttle_wait_within(c, rate_subject(c, address), ENQUIRY_RATE_LIMIT,
                                ENQUIRY_RATE_WINDOW);
}

/* search_title is the start of the question's first line, cut at a character
 * boundary: the title of a FAQ in search results. */
static const char *search_title(struct ctx *c, const char *question)
{
    size_t n = strcspn(question, "\r\n"), cut = 0, chars = 0;
    while (cut < n && chars < 120) {
        cut++;
        while (cut < n && ((unsigned char)question[cut] & 0xC0) == 0x80)
            cut++;
        chars++;
    }
    char *title = arena_strndup(c->arena, question, cut);
    return cut < n ? arena_printf(c->arena, "%s…", title) : title;
}

/* enquiry_index puts a published FAQ in the search index, and takes any
 * other enquiry out of it. */
static enum status enquiry_index(struct ctx *c, const struct enquiry *e)
{
    if (!e->faq || !e->answered_at)
        return search_forget(c, "enquiry", e->key);
    struct search_doc d = {
        .kind = "enquiry",
        .item_key = e->key,
        .item_id = e->id,
        .platform_key = e->platform_key,
        .alliance_key = e->alliance_key,
        .visibility = "public",
        .published = true,
        .outcome = "",
        .happened_on = arena_strndup(c->arena, e->answered_at, 10),
        .title = search_title(c, e->question),
        .body = arena_printf(c->arena, "%s\n\n%s", e->question, e->answer),
        .tags = "",
    };
    return search_put(c, &d);
}

/* changed: the texts differ (NULL and "" are equal). */
static bool changed(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") != 0;
}

/* enquiry_audit records what changed between before and after (NULL: none). */
static enum status enquiry_audit(struct ctx *c, const char *action, const struct enquiry *before,
                                 const struct enquiry *after)
{
    static const struct enquiry none = {0};
    const struct enquiry *b = before ? before : &none, *a = after ? after : &none;
    const struct enquiry *named = after ? after : before;
    struct audit_draft d;
    audit_begin(&d, action, "enquiry", named->id, _("Question to the resource centre"),
                named->alliance_key, named->platform_key);
    audit_text(&d, "status", b->status, a->status);
    audit_text(&d, "assignee", b->assignee_key ? b->assignee_id : NULL,
               a->assignee_key ? a->assignee_id : NULL);
    audit_int(c, &d, "faq", b->faq, a->faq);
    if (changed(b->question, a->question))
        audit_secret(&d, "question");
    if (changed(b->answer, a->answer))
        audit_secret(&d, "answer");
    if (before)
        return audit_save(c, &d);
    audit_secret(&d, "asker_name");
    if (!str_empty(a->asker_email))
        audit_secret(&d, "asker_email");
    /* Every member of the platform reads its trail, and who asked is only
     * for those who answer: a question is recorded without its actor. */
    static const struct viewer unnamed = {0};
    const struct viewer *asker = c->viewer;
    c->viewer = &unnamed;
    enum status s = audit_save(c, &d);
    c->viewer = asker;
    return s;
}

/* asker_fill takes who asks from the viewer's record when signed in as a
 * person, else from the form, checking it. */
static void asker_fill(struct ctx *c, struct enquiry *e, struct problems *p)
{
    if (c->viewer->person_key) {
        e->asker_key = c->viewer->person_key;
        e->asker_name = (char *)(c->viewer->name ? c->viewer->name : "");
        char *email = store_person_email(c, c->viewer->person_key);
        e->asker_email = email ? email : "";
        return;
    }
    e->asker_key = 0;
    field_text(c, &e->asker_name, p, "asker_name", _("Your name"), 200, _("Enter your name"));
    field_text(c, &e->asker_email, p, "asker_email", _("Your email address"), 254,
               _("Enter your email address, so that the resource centre can answer you"));
    e->asker_email = str_lower_ascii(c->arena, e->asker_email);
    if (*e->asker_email && !problems_for(p, "asker_email") && !str_is_email(e->asker_email))
        problems_invalid(p, "asker_email",
                         _("Enter an email address in the right format, like "
                           "name@example.org"));
}

enum status enquiry_create(struct ctx *c, struct enquiry *e, const char *address,
                           struct problems *p)
{
    struct platform *pl;
    if (platform_find(c, e->platform_id, &pl) != STATUS_OK) {
        problems_invalid(p, "platform", _("Choose a platform that exists"));
        return STATUS_INVALID;
    }
    e->platform_key = pl->key;
    e->platform_id = pl->id;
    e->platform_name = pl->name;
    e->level_label = pl->level_label;
    e->alliance_key = pl->alliance_key;
    e->alliance_slug = pl->alliance_slug;
    e->alliance_name = pl->alliance_name;
    field_text(c, &e->question, p, "question", _("Your question"), 5000, _("Enter your question"));
    asker_fill(c, e, p);
    if (p->count)
        return problems_status(p);
    e->status = "open";
    e->answer = "";
    e->faq = false;
    e->assignee_key = 0;
    e->assigned_at = e->answered_at = NULL;
    enum status s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = store_enquiry_insert(c, e);
    if (s == STATUS_OK)
        s = enquiry_audit(c, "create", NULL, e);
    s = store_end(c, s);
    if (s == STATUS_OK && !rights_may(rights_signed_in(c)))
        throttle_count_within(c, rate_subject(c, address), ENQUIRY_RATE_WINDOW);
    return s;
}

/* assignee_read turns e->assignee_id into e->assignee_key: someone who
 * answers for the platform, or nobody when empty. */
static void assignee_read(struct ctx *c, struct enquiry *e, struct problems *p)
{
    e->assignee_key = 0;
    if (str_empty(e->assignee_id))
        return;
    e->assignee_key = store_person_key(c, e->assignee_id);
    if (!enquiry_answerer(c, e->platform_key, e->assignee_key))
        problems_invalid(p, "assignee",
                         _("Choose someone who answers for this platform: a documenter, "
                           "facilitator or convenor"));
}

/* steps_check checks the move from before to e along open → assigned →
 * answered → closed, and fills what a step implies. */
static void steps_check(struct ctx *c, const struct enquiry *before, struct enquiry *e,
                        struct problems *p)
{
    const char *from = before->status;
    if (str_eq(from, "closed")) {
        if (!str_eq(e->status, "closed") || e->assignee_key != before->assignee_key ||
            changed(e->question, before->question) || changed(e->answer, before->answer))
            problems_invalid(p, "status",
                             _("This enquiry is closed: only whether it is a frequently asked "
                               "question can change"));
        return;
    }
    bool answered_before = str_eq(from, "answered");
    if (str_eq(e->status, "open") && str_eq(from, "open") && e->assignee_key)
        e->status = "assigned"; /* assigning moves it on */
    if (str_eq(e->status, "open") && !str_eq(from, "open"))
        problems_invalid(p, "status", _("An enquiry cannot go back to open"));
    if (str_eq(e->status, "assigned") && answered_before)
        problems_invalid(p, "status", _("An answered enquiry cannot go back to assigned"));
    if (str_eq(e->status, "assigned") && !e->assignee_key)
        problems_invalid(p, "assignee", _("Choose who will answer the enquiry"));
    if (answered_before && e->assignee_key != before->assignee_key)
        problems_invalid(p, "assignee", _("An answered enquiry keeps who answered it"));
    if (str_eq(e->status, "answered") && str_empty(e->answer))
        problems_invalid(p, "answer", _("Enter the answer"));
    /* Answering an enquiry nobody was given assigns it to whoever answers. */
    if (str_eq(e->status, "answered") && !e->assignee_key &&
        enquiry_answerer(c, e->platform_key, c->viewer->person_key)) {
        e->assignee_key = c->viewer->person_key;
        e->assignee_id = (char *)c->viewer->person_id;
    }
}

enum status enquiry_update(struct ctx *c, struct enquiry *e, struct problems *p)
{
    struct enquiry *before;
    enum status s = enquiry_find(c, e->id, &before);
    if (s != STATUS_OK)
        return s;
    if (!enquiry_may_answer(c, before))
        return c->viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED;
    e->key = before->key;
    e->platform_key = before->platform_key;
    e->alliance_key = before->alliance_key;
    field_text(c, &e->question, p, "question", _("Question"), 5000, _("Enter the question"));
    field_text(c, &e->answer, p, "answer", _("Answer"), 20000, NULL);
    if (!status_valid(e->status))
        problems_invalid(p, "status", _("Choose the status: open, assigned, answered or closed"));
    assignee_read(c, e, p);
    if (p->count)
        return problems_status(p);
    bool assigning = e->assignee_key != before->assignee_key;
    steps_check(c, before, e, p);
    bool has_answer =
        str_eq(e->status, "answered") || (str_eq(e->status, "closed") && before->answered_at);
    if (e->faq && !has_answer)
        problems_invalid(p, "faq",
                         _("Answer the enquiry before publishing it as a frequently asked "
                           "question"));
    if (p->count)
        return problems_status(p);
    if (assigning && !enquiry_may_assign(c, before))
        return STATUS_FORBIDDEN;
    char now[32];
    clock_now_iso(now, sizeof now);
    e->assigned_at = before->assigned_at;
    if (e->assignee_key && e->assignee_key != before->assignee_key)
        e->assigned_at = arena_strdup(c->arena, now);
    e->answered_at = before->answered_at;
    if (str_eq(e->status, "answered") && !e->answered_at)
        e->answered_at = arena_strdup(c->arena, now);
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = store_enquiry_update(c, e);
    if (s == STATUS_OK)
        s = enquiry_index(c, e);
    if (s == STATUS_OK)
        s = enquiry_audit(c, "update", before, e);
    /* Whoever it is given to now is told (not someone who takes it up). */
    if (s == STATUS_OK && e->assignee_key && e->assignee_key != before->assignee_key)
        s = notification_enquiry_assigned(c, e->key, e->assignee_key);
    return store_end(c, s);
}

static int compare_seconds(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

enum status enquiry_times(struct ctx *c, int64_t platform_key, struct enquiry_times *out)
{
    memset(out, 0, sizeof *out);
    char **asked, **answered;
    int count;
    enum status s =
        store_enquiry_answer_times(c, platform_key, TIMES_MAX, &asked, &answered, &count);
    if (s != STATUS_OK)
        return s;
    int64_t *seconds = arena_array(c->arena, (size_t)(count ? count : 1), sizeof *seconds);
    int n = 0;
    int64_t sum = 0;
    for (int i = 0; i < count; i++) {
        time_t from, to;
        if (clock_parse_iso(asked[i], &from) != 0 || clock_parse_iso(answered[i], &to) != 0)
            continue;
        seconds[n] = to > from ? (int64_t)(to - from) : 0;
        sum += seconds[n++];
    }
    if (n == 0)
        return STATUS_OK;
    qsort(seconds, (size_t)n, sizeof *seconds, compare_seconds);
    out->answered = n;
    out->median = n % 2 ? seconds[n / 2] : (seconds[n / 2 - 1] + seconds[n / 2]) / 2;
    out->average = sum / n;
    return STATUS_OK;
}

enum status enquiry_reindex_one(struct ctx *c, const char *id)
{
    struct enquiry *full;
    enum status s = enquiry_find(c, id, &full);
    return s == STATUS_OK ? enquiry_index(c, full) : s;
}
