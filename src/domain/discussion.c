/*
 * discussion.c — rules of threads and replies (see discussion.h): a reply
 * holds 1 to 20,000 characters; a stand-alone thread a title and a
 * visibility; a quote is of a reply of the same thread; every @[Name] names
 * someone the writer may see. A reply, its mentions and the notifications it
 * causes are stored in one transaction.
 */
#include "domain/discussion.h"

#include "core/arena.h"
#include "core/buf.h"
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
#include "domain/search.h"
#include "domain/share.h"
#include "store/discussion.h"
#include "store/store.h"

#include <string.h>

#define REPLY_MAX 20000

const char *discussion_kind_label(const char *item_kind)
{
    if (str_eq(item_kind, "lesson"))
        return _("Lesson");
    if (str_eq(item_kind, "entry"))
        return _("Journal entry");
    if (str_eq(item_kind, "document"))
        return _("Document");
    if (str_eq(item_kind, "event"))
        return _("Event");
    if (str_eq(item_kind, "share"))
        return _("Share");
    if (str_eq(item_kind, "question"))
        return _("Learning question");
    return _("Discussion");
}

enum status discussion_find(struct ctx *c, const char *id, struct discussion **out)
{
    return str_empty(id) ? STATUS_NOT_FOUND : store_discussion_get(c, id, out);
}

enum status discussion_of_item(struct ctx *c, const char *kind, int64_t item_key,
                               struct discussion **out)
{
    return store_discussion_of_item(c, kind, item_key, out);
}

enum status discussion_list(struct ctx *c, const struct discussion_filter *f,
                            const struct listing *l, struct discussion_list *out)
{
    return store_discussion_list(c, f, l, out);
}

enum status discussion_replies(struct ctx *c, const struct discussion *d,
                               const struct reply_cursor *cur, struct reply_page *out)
{
    return store_reply_page(c, d, cur, out);
}

bool discussion_may_reply(struct ctx *c, const struct discussion *d)
{
    (void)d; /* the caller has read the thread */
    return c->viewer->person_key != 0;
}

bool discussion_may_moderate(struct ctx *c, const struct discussion *d)
{
    return rights_may(rights_on_platform(c, d->platform_key, RIGHT_MODERATE));
}

bool discussion_may_start(struct ctx *c, int64_t platform_key)
{
    return c->viewer->person_key &&
           rights_may(rights_on_platform(c, platform_key, RIGHT_WRITE_ITEMS));
}

/* day_of is the date (YYYY-MM-DD) of an ISO instant, in the arena. */
static const char *day_of(struct ctx *c, const char *instant)
{
    return arena_strndup(c->arena, instant ? instant : "", 10);
}

/* thread_index puts a stand-alone thread's title in the search index (a
 * thread on an item is found by its item's title). The facts of visibility
 * are the thread's own; store/search.c applies the thread's rule anyway,
 * and published 0 keeps it out of the feeds of items. */
static enum status thread_index(struct ctx *c, const struct discussion *d)
{
    if (!str_eq(d->item_kind, "platform"))
        return STATUS_OK;
    struct search_doc doc = {.kind = "thread",
                             .item_key = d->key,
                             .item_id = d->id,
                             .platform_key = d->platform_key,
                             .alliance_key = d->alliance_key,
                             .visibility = d->visibility,
                             .published = false,
                             .author_key = d->author_key,
                             .outcome = "",
                             .happened_on = day_of(c, d->created_at),
                             .title = d->title,
                             .body = "",
                             .tags = ""};
    return search_put(c, &doc);
}

/* reply_index puts a reply's text in the search index (again, after an
 * edit: its new words only), under its thread's title, which the index's
 * text leaves out (search_doc.index_title). */
static enum status reply_index(struct ctx *c, const struct discussion *d, const struct reply *r)
{
    struct search_doc doc = {.kind = "reply",
                             .item_key = r->key,
                             .item_id = r->id,
                             .platform_key = d->platform_key,
                             .alliance_key = d->alliance_key,
                             .visibility = d->visibility ? d->visibility : "platform",
                             .published = false,
                             .author_key = r->author_key,
                             .outcome = "",
                             .happened_on = day_of(c, r->created_at),
                             .title = d->title ? d->title : "",
                             .index_title = "",
                             .body = r->body,
                             .tags = ""};
    return search_put(c, &doc);
}

/* body_check validates a reply's text. */
static void body_check(struct ctx *c, char **body, struct problems *p)
{
    field_text(c, body, p, "body", _("Reply"), REPLY_MAX, _("Enter your reply"));
}

/* mentions_resolve finds the people a text names as @[Name], as the writer
 * sees them; an unknown name is a problem of "body". */
static int mentions_resolve(struct ctx *c, const char *body, int64_t *keys, struct problems *p)
{
    int n = 0;
    for (const char *at = strstr(body, "@["); at; at = strstr(at + 2, "@[")) {
        const char *end = strchr(at + 2, ']');
        if (!end)
            break;
        char *name = str_trim(c->arena, arena_strndup(c->arena, at + 2, (size_t)(end - at - 2)));
        if (!*name || strchr(name, '\n') || strlen(name) > 200)
            continue;
        int64_t key = store_person_key_by_name(c, name);
        if (!key) {
            problems_invalid(p, "body",
                             arena_printf(c->arena,
                                          _("No one called \"%s\" can be mentioned here: check "
                                            "the name between @[ and ]"),
                                          name));
            return -1;
        }
        bool seen = false;
        for (int i = 0; i < n; i++)
            seen = seen || keys[i] == key;
        if (seen)
            continue;
        if (n == DISCUSSION_MENTION_MAX) {
            problems_invalid(p, "body", _("A reply mentions at most twenty people"));
            return -1;
        }
        keys[n++] = key;
    }
    return n;
}

/* notify_one tells a person about a reply, if they may read its thread. */
static enum status notify_one(struct ctx *c, const struct discussion *d, const struct reply *r,
                              int64_t person_key, const char *kind)
{
    if (person_key == c->viewer->person_key)
        return STATUS_OK;
    struct viewer as = {.person_key = person_key};
    struct ctx them = {.db = c->db, .arena = c->arena, .viewer = &as};
    if (!store_discussion_readable(&them, d->key))
        return STATUS_OK;
    struct notification n = {.kind = (char *)kind,
                             .actor_key = c->viewer->person_key,
                             .discussion_key = d->key,
                             .reply_key = r->key};
    return notification_notify(c, person_key, &n);
}

/* reply_notify tells the people mentioned, then the others who took part. */
static enum status reply_notify(struct ctx *c, const struct discussion *d, const struct reply *r,
                                const int64_t *mentioned, int mention_count)
{
    enum status s = STATUS_OK;
    for (int i = 0; s == STATUS_OK && i < mention_count; i++)
        s = notify_one(c, d, r, mentioned[i], "mention");
    int64_t people[200];
    int n = store_discussion_people(c, d->key, people, 200);
    for (int i = 0; s == STATUS_OK && i < n; i++) {
        bool told = false;
        for (int k = 0; k < mention_count; k++)
            told = told || mentioned[k] == people[i];
        if (!told)
            s = notify_one(c, d, r, people[i], "reply");
    }
    return s;
}

/* reply_store validates and stores a reply with its mentions and
 * notifications; the caller holds the transaction. */
static enum status reply_store(struct ctx *c, const struct discussion *d, char *body,
                               const char *quote_id, struct problems *p, struct reply **out)
{
    struct reply *r = arena_alloc(c->arena, sizeof *r);
    memset(r, 0, sizeof *r);
    r->discussion_key = d->key;
    r->author_key = c->viewer->person_key;
    body_check(c, &body, p);
    if (!str_empty(quote_id) && !(r->quote_key = store_reply_key_in(c, d->key, quote_id)))
        problems_invalid(p, "quote", _("Quote a reply of this discussion"));
    int64_t mentioned[DISCUSSION_MENTION_MAX];
    int mention_count = p->count ? 0 : mentions_resolve(c, body, mentioned, p);
    if (p->count)
        return problems_status(p);
    r->body = body;
    enum status s = store_reply_insert(c, r);
    if (s == STATUS_OK)
        s = reply_index(c, d, r);
    if (s == STATUS_OK)
        s = store_reply_mentions_save(c, r->key, mentioned, mention_count);
    if (s == STATUS_OK)
        s = reply_notify(c, d, r, mentioned, mention_count);
    if (s == STATUS_OK)
        s = store_discussion_read_set(c, c->viewer->person_key, d->key, r->key);
    r->discussion_id = d->id;
    *out = r;
    return s;
}

enum status reply_create(struct ctx *c, const struct discussion *d, const char *body,
                         const char *quote_id, struct problems *p, struct reply **out)
{
    if (!c->viewer->person_key)
        return c->viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED;
    enum status s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = reply_store(c, d, (char *)body, quote_id, p, out);
    return store_end(c, s);
}

enum status discussion_start(struct ctx *c, struct discussion *d, const char *platform_id,
                             const char *body, struct problems *p)
{
    if (!c->viewer->person_key)
        return c->viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED;
    struct platform *pl;
    if (platform_find(c, platform_id, &pl) != STATUS_OK) {
        problems_invalid(p, "platform", _("Choose a platform that exists"));
        return STATUS_INVALID;
    }
    enum status s = rights_on_platform(c, pl->key, RIGHT_WRITE_ITEMS);
    if (s != STATUS_OK)
        return s;
    field_text(c, &d->title, p, "title", _("Title"), 200, _("Enter a title for the discussion"));
    if (str_empty(d->visibility))
        d->visibility = "platform";
    if (!str_eq(d->visibility, "platform") && !str_eq(d->visibility, "alliance") &&
        !str_eq(d->visibility, "public"))
        problems_invalid(p, "visibility",
                         _("Choose who may read it: platform, alliance or public"));
    char *text = (char *)body;
    body_check(c, &text, p);
    if (p->count)
        return problems_status(p);
    d->item_kind = "platform";
    d->item_key = 0;
    d->platform_key = pl->key;
    d->alliance_key = pl->alliance_key;
    d->author_key = c->viewer->person_key;
    s = store_begin(c);
    if (s == STATUS_OK)
        s = store_discussion_insert(c, d);
    if (s == STATUS_OK)
        s = thread_index(c, d);
    struct reply *r;
    if (s == STATUS_OK)
        s = reply_store(c, d, text, NULL, p, &r);
    return store_end(c, s);
}

const char *const discussion_item_kinds[DISCUSSION_ITEM_KINDS] = {"lesson", "entry", "document",
                                                                  "event",  "share", "question"};

enum status discussion_item_find(struct ctx *c, const char *kind, const char *id,
                                 struct discussion_item *out)
{
    enum status s = STATUS_NOT_FOUND;
    if (str_eq(kind, "lesson")) {
        struct lesson *ls;
        if ((s = lesson_find(c, id, &ls)) == STATUS_OK)
            *out = (struct discussion_item){ls->key, ls->id, ls->title, ls->platform_key};
    } else if (str_eq(kind, "entry")) {
        struct entry *e;
        if ((s = entry_find(c, id, &e)) == STATUS_OK)
            *out = (struct discussion_item){e->key, e->id, e->title, e->platform_key};
    } else if (str_eq(kind, "document")) {
        struct document *doc;
        if ((s = document_find(c, id, &doc)) == STATUS_OK)
            *out = (struct discussion_item){doc->key, doc->id, doc->title, doc->platform_key};
    } else if (str_eq(kind, "event")) {
        struct event *ev;
        if ((s = event_find(c, id, &ev)) == STATUS_OK)
            *out = (struct discussion_item){ev->key, ev->id, ev->title, ev->platform_key};
    } else if (str_eq(kind, "question")) {
        struct question *q;
        if ((s = question_find(c, id, &q)) == STATUS_OK)
            *out = (struct discussion_item){q->key, q->id, q->title, q->platform_key};
    } else if (str_eq(kind, "share")) {
        struct share *sh;
        if ((s = share_find(c, id, &sh)) == STATUS_OK)
            *out = (struct discussion_item){sh->key, sh->id, sh->item_title, sh->to_key};
    }
    return s;
}

enum status discussion_start_on_item(struct ctx *c, const char *kind, const char *item_id,
                                     const char *body, struct problems *p, struct discussion **out)
{
    if (!c->viewer->person_key)
        return c->viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED;
    struct discussion_item item;
    enum status s = discussion_item_find(c, kind, item_id, &item);
    if (s != STATUS_OK)
        return s;
    struct discussion *d;
    if (store_discussion_of_item(c, kind, item.key, &d) == STATUS_OK)
        return STATUS_CONFLICT;
    char *text = (char *)body;
    body_check(c, &text, p);
    if (p->count)
        return problems_status(p);
    struct discussion fresh = {.item_kind = (char *)kind,
                               .item_key = item.key,
                               .platform_key = item.platform_key,
                               .author_key = c->viewer->person_key};
    s = store_begin(c);
    if (s == STATUS_OK)
        s = store_discussion_insert(c, &fresh);
    if (s == STATUS_OK) /* as it reads: its alliance and title, for the index */
        s = store_discussion_get(c, fresh.id, out);
    struct reply *r;
    if (s == STATUS_OK)
        s = reply_store(c, *out, text, NULL, p, &r);
    s = store_end(c, s);
    if (s == STATUS_OK)
        s = store_discussion_get(c, fresh.id, out);
    return s;
}

enum status discussion_mark_read(struct ctx *c, const struct discussion *d, int64_t reply_key)
{
    if (!c->viewer->person_key || reply_key <= d->read_key)
        return STATUS_OK;
    char now[32];
    clock_now_iso(now, sizeof now);
    enum status s = store_begin(c);
    if (s == STATUS_OK)
        s = store_discussion_read_set(c, c->viewer->person_key, d->key, reply_key);
    if (s == STATUS_OK)
        s = store_notification_read_thread(c, c->viewer->person_key, d->key, reply_key, now);
    return store_end(c, s);
}

enum status discussion_item_deleted(struct ctx *c, const char *kind, int64_t item_key)
{
    return store_discussion_delete_item(c, kind, item_key);
}

enum status thread_reindex_one(struct ctx *c, const char *id)
{
    struct discussion *d;
    enum status s = discussion_find(c, id, &d);
    return s == STATUS_OK ? thread_index(c, d) : s;
}

enum status reply_reindex_one(struct ctx *c, const char *id)
{
    struct reply *r;
    struct discussion *d;
    enum status s = reply_find(c, id, &r, &d);
    if (s != STATUS_OK)
        return s;
    return r->hidden_at ? search_forget(c, "reply", r->key) : reply_index(c, d, r);
}

enum status reply_find(struct ctx *c, const char *id, struct reply **out,
                       struct discussion **thread)
{
    if (str_empty(id))
        return STATUS_NOT_FOUND;
    char *thread_id = store_reply_thread_id(c, id);
    if (!thread_id)
        return STATUS_NOT_FOUND;
    enum status s = discussion_find(c, thread_id, thread);
    return s == STATUS_OK ? store_reply_get(c, id, *thread, out) : s;
}

bool reply_may_edit(struct ctx *c, const struct reply *r)
{
    return c->viewer->person_key && r->author_key == c->viewer->person_key && !r->hidden_at;
}

enum status reply_update(struct ctx *c, const struct discussion *d, struct reply *r,
                         const char *body, struct problems *p)
{
    if (!reply_may_edit(c, r))
        return c->viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED;
    char *text = (char *)body;
    body_check(c, &text, p);
    int64_t mentioned[DISCUSSION_MENTION_MAX];
    int mention_count = p->count ? 0 : mentions_resolve(c, text, mentioned, p);
    if (p->count)
        return problems_status(p);
    if (strcmp(text, r->body) == 0)
        return STATUS_OK;
    enum status s = store_begin(c);
    if (s == STATUS_OK)
        s = store_reply_update(c, r, text, c->viewer->person_key);
    if (s == STATUS_OK)
        s = reply_index(c, d, r);
    if (s == STATUS_OK)
        s = store_reply_mentions_save(c, r->key, mentioned, mention_count);
    /* Someone newly named is told; those named before were told already. */
    for (int i = 0; s == STATUS_OK && i < mention_count; i++) {
        bool before = false;
        for (int k = 0; k < r->mention_count; k++)
            before = before || store_person_key(c, r->mentions[k].person_id) == mentioned[i];
        if (!before)
            s = notify_one(c, d, r, mentioned[i], "mention");
    }
    return store_end(c, s);
}

void discussion_audit_begin(struct audit_draft *a, const struct discussion *d)
{
    bool own = str_eq(d->item_kind, "platform");
    audit_begin(a, "update", own ? "discussion" : d->item_kind, own ? d->id : d->item_id,
                own && !str_eq(d->visibility, "platform") ? d->title
                : own                                     ? _("A discussion of the platform")
                                                          : d->title,
                d->alliance_key, d->platform_key);
}

enum status reply_hide(struct ctx *c, const struct discussion *d, struct reply *r,
                       const char *reason, struct problems *p)
{
    enum status s = rights_on_platform(c, d->platform_key, RIGHT_MODERATE);
    if (s != STATUS_OK)
        return s;
    if (r->hidden_at)
        return STATUS_CONFLICT;
    char *why = (char *)reason;
    field_text(c, &why, p, "hidden_reason", _("Reason"), 500,
               _("Say why the reply is hidden: the person who wrote it will read it"));
    if (p->count)
        return problems_status(p);
    struct audit_draft a;
    discussion_audit_begin(&a, d);
    audit_text(&a, "hidden_reason", NULL, why);
    audit_text(&a, "hidden_reply", NULL, r->id);
    s = store_begin(c);
    if (s == STATUS_OK)
        s = store_reply_hide(c, r, why, c->viewer->person_key);
    if (s == STATUS_OK)
        s = search_forget(c, "reply", r->key);
    if (s == STATUS_OK)
        s = audit_save(c, &a);
    return store_end(c, s);
}

enum status reply_revisions(struct ctx *c, const struct discussion *d, const struct reply *r,
                            struct reply_revision_list *out)
{
    if (r->hidden_at && !discussion_may_moderate(c, d)) {
        out->items = NULL;
        out->count = 0;
        return STATUS_OK;
    }
    return store_reply_revisions(c, r, out);
}

/* markdown_escape writes text with the characters Markdown gives meaning to
 * inside a link's text escaped by a backslash. */
static void markdown_escape(struct buf *b, const char *text)
{
    for (const char *q = text; *q; q++) {
        if (strchr("\\`*_{}[]()<>#+-.!|~&", *q))
            buf_putc(b, '\\');
        buf_putc(b, *q);
    }
}

char *reply_markdown(struct ctx *c, const struct reply *r)
{
    if (!r->mention_count)
        return r->body;
    struct buf b;
    buf_init(&b, strlen(r->body) * 2 + 4096);
    const char *q = r->body;
    for (const char *at = strstr(q, "@["); at; at = strstr(at + 2, "@[")) {
        const char *end = strchr(at + 2, ']');
        if (!end)
            break;
        char *name = str_trim(c->arena, arena_strndup(c->arena, at + 2, (size_t)(end - at - 2)));
        const char *lower = str_lower_ascii(c->arena, name);
        const struct reply_mention *m = NULL;
        for (int i = 0; !m && i < r->mention_count; i++)
            if (str_eq(str_lower_ascii(c->arena, r->mentions[i].name), lower))
                m = &r->mentions[i];
        if (!m)
            continue;
        buf_append(&b, q, (size_t)(at - q));
        buf_puts(&b, "[@");
        markdown_escape(&b, m->name);
        buf_puts(&b, "](/people/");
        buf_puts(&b, m->person_id);
        buf_puts(&b, ")");
        q = end + 1;
        at = end - 1;
    }
    buf_puts(&b, q);
    char *out = arena_strndup(c->arena, b.data ? b.data : "", b.len);
    buf_free(&b);
    return out;
}
