/*
 * application.c — rules of applications of lessons (see application.h):
 * what a record needs, who may make and remove one, where. Every write keeps
 * the audit trail in the same transaction.
 */
#include "domain/application.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/audit.h"
#include "domain/field.h"
#include "domain/lesson.h"
#include "domain/platform.h"
#include "domain/rights.h"
#include "store/store.h"

#include <string.h>

static const struct {
    const char *name, *label;
} kinds[] = {{"guideline", N_("Guideline")},
             {"policy", N_("Policy")},
             {"decision", N_("Decision")},
             {"practice", N_("Change of practice")}};

#define COUNT(a) (sizeof a / sizeof a[0])

bool application_kind_valid(const char *kind)
{
    for (size_t i = 0; i < COUNT(kinds); i++)
        if (str_eq(kind, kinds[i].name))
            return true;
    return false;
}

const char *application_kind_label(const char *kind)
{
    for (size_t i = 0; i < COUNT(kinds); i++)
        if (str_eq(kind, kinds[i].name))
            return _(kinds[i].label);
    return kind ? kind : "";
}

bool application_may_record(struct ctx *c, int64_t lesson_key, int64_t lesson_platform_key,
                            int64_t platform_key)
{
    if (!rights_may(rights_on_platform(c, platform_key, RIGHT_RESPOND_SHARES)))
        return false;
    return platform_key == lesson_platform_key ||
           store_share_holding(c, "lesson", lesson_key, platform_key, false) > 0;
}

int application_places(struct ctx *c, int64_t lesson_key, const char *lesson_platform_id,
                       struct application_place *out, int max)
{
    int n = 0;
    struct platform *pl;
    if (n < max && platform_find(c, lesson_platform_id, &pl) == STATUS_OK &&
        rights_may(rights_on_platform(c, pl->key, RIGHT_RESPOND_SHARES)))
        out[n++] = (struct application_place){pl->key, pl->id, pl->name};
    int64_t *keys;
    char **ids;
    int count;
    if (store_share_holders(c, "lesson", lesson_key, &keys, &ids, &count) != STATUS_OK)
        return n;
    for (int i = 0; i < count && n < max; i++)
        if (!str_eq(ids[i], lesson_platform_id) &&
            rights_may(rights_on_platform(c, keys[i], RIGHT_RESPOND_SHARES)) &&
            platform_find(c, ids[i], &pl) == STATUS_OK)
            out[n++] = (struct application_place){pl->key, pl->id, pl->name};
    return n;
}

bool application_may_remove(struct ctx *c, const struct application *app)
{
    return rights_may(rights_on_platform(c, app->platform_key, RIGHT_RESPOND_SHARES));
}

/* link_ok: an http(s) address, or a path of this site (/documents/…). */
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

/* fields_check checks what a person typed into draft. */
static void fields_check(struct ctx *c, struct application *d, struct problems *p)
{
    if (!application_kind_valid(d->kind))
        problems_invalid(p, "kind",
                         _("Choose what it became: a guideline, a policy, a decision or a change "
                           "of practice"));
    field_text(c, &d->description, p, "description", _("What changed"), 2000,
               _("Say what changed because of the lesson"));
    field_text(c, &d->applied_by, p, "applied_by", _("By whom"), 200, NULL);
    field_text(c, &d->link, p, "link", _("Link"), 2000,
               _("Give the link to the guideline, policy, decision or practice it led to"));
    if (*d->link && !problems_for(p, "link") && !link_ok(d->link))
        problems_invalid(p, "link",
                         _("Give an address that starts with https:// or http://, or a page of "
                           "this site such as /documents/…"));
    char today[32];
    clock_now_iso(today, sizeof today);
    today[10] = '\0';
    if (str_empty(d->applied_on))
        problems_invalid(p, "applied_on", _("Enter the date it was applied"));
    else if (!clock_date_valid(d->applied_on))
        problems_invalid(p, "applied_on", _("The date must be a real date, as 2026-03-12"));
    else if (strcmp(d->applied_on, today) > 0)
        problems_invalid(p, "applied_on", _("The date must be today or in the past"));
}

static enum status application_audit(struct ctx *c, const char *action, const struct application *a)
{
    struct audit_draft d;
    audit_begin(&d, action, "application", a->id, a->lesson_title, a->alliance_key,
                a->platform_key);
    if (str_eq(action, "create")) {
        audit_text(&d, "lesson", NULL, a->lesson_id);
        audit_text(&d, "kind", NULL, a->kind);
        audit_text(&d, "description", NULL, a->description);
        audit_text(&d, "applied_on", NULL, a->applied_on);
        audit_text(&d, "applied_by", NULL, a->applied_by);
        audit_text(&d, "link", NULL, a->link);
    } else {
        audit_text(&d, "removed", NULL, "yes");
    }
    return audit_save(c, &d);
}

enum status application_create(struct ctx *c, const char *lesson_id, const char *platform_id,
                               const struct application *app, struct application **out,
                               struct problems *p)
{
    enum status s = rights_signed_in(c);
    if (s != STATUS_OK)
        return s;
    struct lesson *ls = NULL;
    if (str_empty(lesson_id) || lesson_find(c, lesson_id, &ls) != STATUS_OK) {
        problems_invalid(p, "lesson", _("Choose a lesson that exists and you may read"));
        return STATUS_INVALID;
    }
    struct platform *pl = NULL;
    if (str_empty(platform_id) || platform_find(c, platform_id, &pl) != STATUS_OK) {
        problems_invalid(p, "platform", _("Choose the platform where it was applied"));
        return STATUS_INVALID;
    }
    s = rights_on_platform(c, pl->key, RIGHT_RESPOND_SHARES);
    if (s != STATUS_OK)
        return s;
    if (!str_eq(ls->status, "published")) {
        problems_invalid(p, "lesson", _("Only a published lesson can be recorded as applied"));
        return STATUS_INVALID;
    }
    if (!application_may_record(c, ls->key, ls->platform_key, pl->key)) {
        problems_invalid(p, "platform",
                         arena_printf(c->arena,
                                      _("%s does not have this lesson: it is applied where it "
                                        "was learnt or shared to"),
                                      pl->name));
        return STATUS_INVALID;
    }
    struct application d = *app;
    d.lesson_key = ls->key;
    d.platform_key = pl->key;
    fields_check(c, &d, p);
    if (p->count)
        return problems_status(p);
    s = store_begin(c);
    if (s == STATUS_OK)
        s = store_application_insert(c, &d, c->viewer->person_key);
    if (s == STATUS_OK)
        s = store_application_by_key(c, d.key, out);
    if (s == STATUS_OK)
        s = application_audit(c, "create", *out);
    return store_end(c, s);
}

enum status application_find(struct ctx *c, const char *id, struct application **out)
{
    return str_empty(id) ? STATUS_NOT_FOUND : store_application_get(c, id, out);
}

enum status application_list(struct ctx *c, const struct application_filter *f,
                             const struct listing *l, struct application_list *out)
{
    return store_application_list(c, f, l, out);
}

enum status application_remove(struct ctx *c, const struct application *app)
{
    enum status s = rights_on_platform(c, app->platform_key, RIGHT_RESPOND_SHARES);
    if (s != STATUS_OK)
        return s;
    s = store_begin(c);
    if (s == STATUS_OK)
        s = store_application_remove(c, app->key, c->viewer->person_key);
    if (s == STATUS_OK)
        s = application_audit(c, "delete", app);
    return store_end(c, s);
}
