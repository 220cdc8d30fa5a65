/*
 * budget.c — rules of budget lines and needs (see budget.h): a period, a
 * category and a currency from their lists, amounts that are whole numbers
 * from zero, spent not checked against planned (overspending is a fact to
 * show, not an error); a need's kind and status from their lists, and its
 * provider an organisation that exists. Every write keeps the audit trail in
 * the same transaction.
 */
#include "domain/budget.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/audit.h"
#include "domain/field.h"
#include "domain/organisation.h"
#include "domain/platform.h"
#include "domain/rights.h"
#include "store/monitoring.h"
#include "store/store.h"

#include <string.h>

static const char *const category_names[BUDGET_CATEGORY_COUNT] = {
    "facilitation", "documentation", "events", "research", "travel", "staff", "other"};
static const char *const category_labels[BUDGET_CATEGORY_COUNT] = {
    N_("Facilitation"), N_("Documentation"), N_("Events"), N_("Research"),
    N_("Travel"),       N_("Staff"),         N_("Other")};

const char *budget_category_name(enum budget_category category)
{
    return category >= 0 && category < BUDGET_CATEGORY_COUNT ? category_names[category] : "";
}

int budget_category_parse(const char *name)
{
    for (int i = 0; name && i < BUDGET_CATEGORY_COUNT; i++)
        if (strcmp(name, category_names[i]) == 0)
            return i;
    return -1;
}

const char *budget_category_label(const char *category)
{
    int i = budget_category_parse(category);
    return i >= 0 ? _(category_labels[i]) : category ? category : "";
}

enum status budget_find(struct ctx *c, const char *id, struct budget_line **out)
{
    return str_empty(id) ? STATUS_NOT_FOUND : store_budget_get(c, id, out);
}

enum status budget_list(struct ctx *c, const struct budget_filter *f, const struct listing *l,
                        struct budget_list *out)
{
    return store_budget_list(c, f, l, out);
}

int budget_sum(const struct budget_list *lines, const int64_t *platforms, int n,
               struct budget_totals *totals)
{
    int count = 0;
    for (int i = 0; i < lines->count; i++) {
        const struct budget_line *b = &lines->items[i];
        bool included = !platforms;
        for (int j = 0; !included && j < n; j++)
            included = platforms[j] == b->platform_key;
        int category = budget_category_parse(b->category);
        if (!included || category < 0)
            continue;
        int t = 0;
        while (t < count && strcmp(totals[t].currency, b->currency) != 0)
            t++;
        if (t == count) {
            if (count == BUDGET_CURRENCIES_MAX)
                continue;
            totals[count++] = (struct budget_totals){.currency = b->currency};
        }
        totals[t].planned[category] += b->planned;
        totals[t].spent[category] += b->spent;
        totals[t].planned_all += b->planned;
        totals[t].spent_all += b->spent;
    }
    return count;
}

double budget_share(const struct budget_totals *t, bool spent)
{
    const int64_t *by = spent ? t->spent : t->planned;
    int64_t all = spent ? t->spent_all : t->planned_all;
    if (all <= 0)
        return 0;
    return (double)(by[BUDGET_FACILITATION] + by[BUDGET_DOCUMENTATION]) / (double)all;
}

bool budget_period_valid(const char *period)
{
    if (!period || strlen(period) < 4 || period[0] < '1' || period[0] > '9')
        return false;
    for (int i = 0; i < 4; i++)
        if (period[i] < '0' || period[i] > '9')
            return false;
    size_t n = strlen(period);
    return n == 4 ||
           (n == 7 && period[4] == '-' && period[5] == 'Q' && period[6] >= '1' && period[6] <= '4');
}

bool budget_may_keep(struct ctx *c, int64_t platform_key)
{
    return rights_may(rights_on_platform(c, platform_key, RIGHT_EDIT_PLATFORM));
}

static bool visibility_ok(const char *v)
{
    return str_eq(v, "platform") || str_eq(v, "alliance") || str_eq(v, "public");
}

static void budget_validate(struct ctx *c, struct budget_line *b, struct problems *p)
{
    b->period = str_trim(c->arena, b->period ? b->period : "");
    if (!budget_period_valid(b->period))
        problems_invalid(p, "period",
                         _("Enter the year, such as 2025, or a quarter, such as 2025-Q2"));
    if (budget_category_parse(b->category) < 0)
        problems_invalid(p, "category",
                         _("Choose the category: facilitation, documentation, events, research, "
                           "travel, staff or other"));
    field_text(c, &b->description, p, "description", _("Description"), 500, NULL);
    b->currency = str_trim(c->arena, b->currency ? b->currency : "");
    bool currency_ok = strlen(b->currency) == 3;
    for (int i = 0; currency_ok && i < 3; i++)
        currency_ok = b->currency[i] >= 'A' && b->currency[i] <= 'Z';
    if (!currency_ok)
        problems_invalid(p, "currency",
                         _("Enter the currency as its three capital letters, such as GHS or USD"));
    if (b->planned < 0 || b->planned > 1000000000000)
        problems_invalid(p, "planned", _("Enter the amount planned as a whole number from 0"));
    if (b->spent < 0 || b->spent > 1000000000000)
        problems_invalid(p, "spent", _("Enter the amount spent as a whole number from 0"));
    if (str_empty(b->visibility))
        b->visibility = "alliance";
    if (!visibility_ok(b->visibility))
        problems_invalid(p, "visibility",
                         _("Choose who may read it: platform, alliance or public"));
}

static enum status budget_audit(struct ctx *c, const char *action, const struct budget_line *b,
                                const struct budget_line *a)
{
    const struct budget_line *named = a ? a : b;
    struct audit_draft d;
    audit_begin(
        &d, action, "budget_line", named->id,
        arena_printf(c->arena, "%s, %s", budget_category_label(named->category), named->period),
        named->alliance_key, named->platform_key);
    audit_text(&d, "period", b ? b->period : NULL, a ? a->period : NULL);
    audit_text(&d, "category", b ? b->category : NULL, a ? a->category : NULL);
    audit_text(&d, "description", b ? b->description : NULL, a ? a->description : NULL);
    audit_text(&d, "currency", b ? b->currency : NULL, a ? a->currency : NULL);
    audit_text(&d, "planned", b ? arena_printf(c->arena, "%lld", (long long)b->planned) : NULL,
               a ? arena_printf(c->arena, "%lld", (long long)a->planned) : NULL);
    audit_text(&d, "spent", b ? arena_printf(c->arena, "%lld", (long long)b->spent) : NULL,
               a ? arena_printf(c->arena, "%lld", (long long)a->spent) : NULL);
    audit_text(&d, "visibility", b ? b->visibility : NULL, a ? a->visibility : NULL);
    return audit_save(c, &d);
}

enum status budget_create(struct ctx *c, struct budget_line *b, const char *platform_id,
                          struct problems *p)
{
    struct platform *pl;
    enum status s = platform_for_writing(c, platform_id, RIGHT_EDIT_PLATFORM, p, &pl);
    if (s != STATUS_OK)
        return s;
    b->platform_key = pl->key;
    b->alliance_key = pl->alliance_key;
    budget_validate(c, b, p);
    if (p->count)
        return problems_status(p);
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = store_budget_insert(c, b);
    if (s == STATUS_OK)
        s = budget_audit(c, "create", NULL, b);
    return store_end(c, s);
}

enum status budget_update(struct ctx *c, struct budget_line *b, struct problems *p)
{
    struct budget_line *before;
    enum status s = budget_find(c, b->id, &before);
    if (s != STATUS_OK)
        return s;
    s = rights_on_platform(c, before->platform_key, RIGHT_EDIT_PLATFORM);
    if (s != STATUS_OK)
        return s;
    b->platform_key = before->platform_key;
    b->alliance_key = before->alliance_key;
    budget_validate(c, b, p);
    if (p->count)
        return problems_status(p);
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = store_budget_update(c, b);
    if (s == STATUS_OK)
        s = budget_audit(c, "update", before, b);
    return store_end(c, s);
}

enum status budget_delete(struct ctx *c, struct budget_line *b)
{
    enum status s = rights_on_platform(c, b->platform_key, RIGHT_EDIT_PLATFORM);
    if (s != STATUS_OK)
        return s;
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = budget_audit(c, "delete", b, NULL);
    if (s == STATUS_OK)
        s = store_budget_delete(c, b);
    return store_end(c, s);
}

static const struct {
    const char *name, *label;
} need_kinds[] = {{"money", N_("Money")},
                  {"expertise", N_("Expertise")},
                  {"equipment", N_("Equipment")},
                  {"data", N_("Data")}},
  need_statuses[] = {{"open", N_("Open")}, {"met", N_("Met")}, {"dropped", N_("Dropped")}};

const char *need_kind_label(const char *kind)
{
    for (size_t i = 0; i < sizeof need_kinds / sizeof need_kinds[0]; i++)
        if (str_eq(kind, need_kinds[i].name))
            return _(need_kinds[i].label);
    return kind ? kind : "";
}

const char *need_status_label(const char *status)
{
    for (size_t i = 0; i < sizeof need_statuses / sizeof need_statuses[0]; i++)
        if (str_eq(status, need_statuses[i].name))
            return _(need_statuses[i].label);
    return status ? status : "";
}

/* need_known says whether name is a kind (kinds) or a status. */
static bool need_known(const char *name, bool kinds)
{
    size_t n = kinds ? sizeof need_kinds / sizeof need_kinds[0]
                     : sizeof need_statuses / sizeof need_statuses[0];
    for (size_t i = 0; i < n; i++)
        if (str_eq(name, kinds ? need_kinds[i].name : need_statuses[i].name))
            return true;
    return false;
}

enum status need_find(struct ctx *c, const char *id, struct need **out)
{
    return str_empty(id) ? STATUS_NOT_FOUND : store_need_get(c, id, out);
}

enum status need_list(struct ctx *c, const struct need_filter *f, const struct listing *l,
                      struct need_list *out)
{
    return store_need_list(c, f, l, out);
}

bool need_may_edit(struct ctx *c, int64_t platform_key)
{
    return rights_may(rights_on_platform(c, platform_key, RIGHT_EDIT_PLATFORM));
}

static void need_validate(struct ctx *c, struct need *n, struct problems *p)
{
    field_text(c, &n->title, p, "title", _("Title"), 200, _("Enter what the platform needs"));
    field_text(c, &n->description, p, "description", _("Description"), 5000, NULL);
    field_text(c, &n->provider_note, p, "provider_note", _("Who else could bring it"), 500, NULL);
    if (!need_known(n->kind, true))
        problems_invalid(p, "kind", _("Choose the kind: money, expertise, equipment or data"));
    if (str_empty(n->status))
        n->status = "open";
    if (!need_known(n->status, false))
        problems_invalid(p, "status", _("Choose the status: open, met or dropped"));
    if (str_empty(n->visibility))
        n->visibility = "alliance";
    if (!visibility_ok(n->visibility))
        problems_invalid(p, "visibility",
                         _("Choose who may read it: platform, alliance or public"));
    n->provider_key = 0;
    if (!str_empty(n->provider_id)) {
        struct organisation *o;
        if (organisation_find(c, n->provider_id, &o) != STATUS_OK)
            problems_invalid(p, "provider", _("Choose an organisation that exists"));
        else
            n->provider_key = o->key, n->provider_name = o->name;
    }
}

static enum status need_audit(struct ctx *c, const char *action, const struct need *b,
                              const struct need *a)
{
    const struct need *named = a ? a : b;
    struct audit_draft d;
    audit_begin(&d, action, "need", named->id, named->title, named->alliance_key,
                named->platform_key);
    audit_text(&d, "kind", b ? b->kind : NULL, a ? a->kind : NULL);
    audit_text(&d, "title", b ? b->title : NULL, a ? a->title : NULL);
    audit_text(&d, "description", b ? b->description : NULL, a ? a->description : NULL);
    audit_text(&d, "provider", b ? b->provider_name : NULL, a ? a->provider_name : NULL);
    audit_text(&d, "provider_note", b ? b->provider_note : NULL, a ? a->provider_note : NULL);
    audit_text(&d, "status", b ? b->status : NULL, a ? a->status : NULL);
    audit_text(&d, "visibility", b ? b->visibility : NULL, a ? a->visibility : NULL);
    return audit_save(c, &d);
}

enum status need_create(struct ctx *c, struct need *n, const char *platform_id, struct problems *p)
{
    struct platform *pl;
    enum status s = platform_for_writing(c, platform_id, RIGHT_WRITE_ITEMS, p, &pl);
    if (s != STATUS_OK)
        return s;
    n->platform_key = pl->key;
    n->alliance_key = pl->alliance_key;
    need_validate(c, n, p);
    if (p->count)
        return problems_status(p);
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = store_need_insert(c, n);
    if (s == STATUS_OK)
        s = need_audit(c, "create", NULL, n);
    return store_end(c, s);
}

enum status need_update(struct ctx *c, struct need *n, struct problems *p)
{
    struct need *before;
    enum status s = need_find(c, n->id, &before);
    if (s != STATUS_OK)
        return s;
    s = rights_on_platform(c, before->platform_key, RIGHT_EDIT_PLATFORM);
    if (s != STATUS_OK)
        return s;
    n->platform_key = before->platform_key;
    n->alliance_key = before->alliance_key;
    need_validate(c, n, p);
    if (p->count)
        return problems_status(p);
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = store_need_update(c, n);
    if (s == STATUS_OK)
        s = need_audit(c, "update", before, n);
    return store_end(c, s);
}

enum status need_delete(struct ctx *c, struct need *n)
{
    enum status s = rights_on_platform(c, n->platform_key, RIGHT_EDIT_PLATFORM);
    if (s != STATUS_OK)
        return s;
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = need_audit(c, "delete", n, NULL);
    if (s == STATUS_OK)
        s = store_need_delete(c, n);
    return store_end(c, s);
}
