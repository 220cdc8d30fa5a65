/*
 * health.c — see health.h. The figures come from the store in a few
 * queries; the gaps are derived here from the figures and the latest
 * assessments.
 */
#include "domain/health.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/assessment.h"
#include "domain/audit.h"
#include "domain/capability.h"
#include "domain/field.h"
#include "domain/platform.h"
#include "domain/rights.h"
#include "store/store.h"

#include <string.h>

#define GAPS_MAX 40

static const struct {
    const char *name, *label;
} conditions[HEALTH_CONDITION_COUNT] = {
    {"size", N_("Size")},
    {"mix", N_("Mix of members")},
    {"trust", N_("Trust")},
    {"structure", N_("Structure and facilitation")},
    {"glue", N_("What holds it together")},
};

const char *health_condition_name(int i)
{
    return i >= 0 && i < HEALTH_CONDITION_COUNT ? conditions[i].name : "";
}

const char *health_condition_label(int i)
{
    return i >= 0 && i < HEALTH_CONDITION_COUNT ? _(conditions[i].label) : "";
}

int health_condition_parse(const char *name)
{
    for (int i = 0; i < HEALTH_CONDITION_COUNT; i++)
        if (str_eq(name, conditions[i].name))
            return i;
    return -1;
}

enum status health_compute(struct ctx *c, int64_t platform_key, int64_t alliance_key,
                           struct health *h)
{
    return health_compute_parts(c, platform_key, alliance_key, HEALTH_ALL, h);
}

enum status health_compute_parts(struct ctx *c, int64_t platform_key, int64_t alliance_key,
                                 unsigned parts, struct health *h)
{
    /* The figures read a whole platform or alliance: kept until the data
     * change (or the hour turns), per viewer. parts fits in 10 bits. */
    static const char memo[] = "health";
    int64_t scope = (platform_key ? platform_key : -alliance_key) * 1024 + (int64_t)(parts & 1023);
    if (store_memo_get(c, memo, scope, h, sizeof *h))
        return STATUS_OK;
    *h = (struct health){0};
    enum status s = store_health(c, platform_key, alliance_key, parts, h);
    if (s != STATUS_OK)
        return s;
    for (int i = 0; i < ORGANISATION_KIND_COUNT; i++)
        h->kinds_present += h->kinds[i] > 0;
    store_memo_put(c, memo, scope, h, sizeof *h);
    return STATUS_OK;
}

enum status health_checks(struct ctx *c, int64_t platform_key, int64_t alliance_key, int limit,
                          struct health_check_list *out)
{
    return store_health_checks(c, platform_key, alliance_key, limit, out);
}

enum status health_check_add(struct ctx *c, const char *platform_id, struct health_check *hc,
                             struct problems *p)
{
    struct platform *pl;
    enum status s = platform_for_writing(c, platform_id, RIGHT_WRITE_ITEMS, p, &pl);
    if (s != STATUS_OK)
        return s;
    hc->platform_key = pl->key;
    if (health_condition_parse(hc->condition) < 0)
        problems_invalid(p, "condition",
                         _("Choose the condition: size, mix, trust, structure or glue"));
    if (hc->score < 1 || hc->score > 5)
        problems_invalid(p, "score", _("Choose a score from 1 (poor) to 5 (very good)"));
    field_text(c, &hc->comment, p, "comment", _("Comment"), 5000, NULL);
    char today[32];
    clock_now_iso(today, sizeof today);
    today[10] = '\0';
    if (str_empty(hc->assessed_on))
        hc->assessed_on = arena_strdup(c->arena, today);
    if (!clock_date_valid(hc->assessed_on))
        problems_invalid(p, "assessed_on",
                         _("Enter the date as year-month-day, such as 2026-03-12"));
    else if (strcmp(hc->assessed_on, today) > 0)
        problems_invalid(p, "assessed_on", _("The date must be today or in the past"));
    if (p->count)
        return problems_status(p);
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = store_health_check_insert(c, hc);
    if (s == STATUS_OK) {
        struct audit_draft d;
        audit_begin(&d, "create", "health_check", hc->id, pl->name, pl->alliance_key, pl->key);
        audit_text(&d, "condition", NULL, hc->condition);
        audit_int(c, &d, "score", 0, hc->score);
        audit_text(&d, "assessed_on", NULL, hc->assessed_on);
        s = audit_save(c, &d);
    }
    return store_end(c, s);
}

static struct health_gap *gap_add(struct health_gap_list *out, enum health_gap_kind kind)
{
    if (out->count == GAPS_MAX)
        return NULL;
    struct health_gap *g = &out->items[out->count++];
    *g = (struct health_gap){.kind = kind};
    return g;
}

enum status health_gaps(struct ctx *c, int64_t platform_key, struct health_gap_list *out)
{
    out->items = arena_array(c->arena, GAPS_MAX, sizeof *out->items);
    out->count = 0;
    struct health h;
    enum status s = health_compute(c, platform_key, 0, &h);
    if (s != STATUS_OK)
        return s;
    for (int i = 0; i < CAPABILITY_COUNT; i++) {
        struct health_gap *g;
        if (!(h.capabilities & capability_bit(i)) && (g = gap_add(out, GAP_CAPABILITY)))
            g->capability = i;
    }
    /* Kinds of stakeholder assessed as influential (4 or 5) with none of
     * that kind a member: named by the most influential of them. */
    struct assessment_list latest;
    s = assessment_latest(c, platform_key, 0, 200, &latest);
    if (s != STATUS_OK)
        return s;
    for (int i = 0; i < latest.count; i++) {
        const struct assessment *a = &latest.items[i];
        if (a->influence < 4 || a->member)
            continue;
        const char *kind = str_empty(a->stakeholder_kind) ? "other" : a->stakeholder_kind;
        bool seen = false;
        for (int k = 0; k < ORGANISATION_KIND_COUNT && !seen; k++)
            seen = str_eq(kind, organisation_kind_name(k)) && h.kinds[k] > 0;
        for (int k = 0; k < out->count && !seen; k++)
            seen = out->items[k].kind == GAP_STAKEHOLDER &&
                   str_eq(out->items[k].stakeholder_kind, kind);
        struct health_gap *g;
        if (!seen && (g = gap_add(out, GAP_STAKEHOLDER))) {
            g->stakeholder_kind = (char *)kind;
            g->stakeholder_id = a->id;
            g->stakeholder_name = a->stakeholder_name;
        }
    }
    char **groups;
    int count;
    s = store_health_absent_groups(c, platform_key, 20, &groups, &count);
    for (int i = 0; s == STATUS_OK && i < count; i++) {
        struct health_gap *g = gap_add(out, GAP_MARGINALISED);
        if (g)
            g->group = groups[i];
    }
    return s;
}
