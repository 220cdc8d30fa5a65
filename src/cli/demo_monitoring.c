/*
 * demo_monitoring.c — see demo_monitoring.h. The figures follow simple
 * rules of their own (a district's number, the quarter's number), so that
 * they change from district to district and improve, unevenly, quarter by
 * quarter.
 */
#include "cli/demo_monitoring.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "domain/alliance.h"
#include "domain/budget.h"
#include "domain/indicator.h"
#include "domain/platform.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>

/* A demo platform as the budget loader needs it. */
struct demo_platform_ref {
    const char *id;
    int level;
    bool xof;                /* a Burkina Faso platform: budgets in CFA francs */
    bool skip_documentation; /* leaves documentation out of its 2025 budget */
};

struct demo_indicator {
    const char *alliance_slug;
    const char *name, *description, *kind, *unit, *baseline, *target, *direction, *scale;
    const char *aggregation, *visibility;
    /* The value of district d (0, 1, …) in quarter q (0 is 2024 Q1). */
    int (*value)(int d, int q);
    int (*weight)(int d, int q); /* NULL: none */
};

static int water_points(int d, int q)
{
    return 120 + 13 * d + 4 * q + d % 3;
}

static int share_working(int d, int q)
{
    int v = 58 + (d * 7) % 15 + 3 * q;
    return v > 95 ? 95 : v;
}

static int trained(int d, int q)
{
    return 10 + (d * 5) % 12 + 2 * q;
}

static int longest_wait(int d, int q)
{
    int v = 40 - 3 * q + (d * 3) % 9;
    return v < 5 ? 5 : v;
}

static int platform_strength(int d, int q)
{
    int v = 1 + (q + d % 3) / 2;
    return v > 5 ? 5 : v;
}

static int cylinder_price(int d, int q)
{
    return 350 + 10 * q + 2 * d;
}

static int households(int d, int q)
{
    return 800 + 40 * d + 5 * q;
}

static const struct demo_indicator indicators[] = {
    {"ghana-wash", "Functional water points",
     "Boreholes with hand pumps and standpipes that gave water on the day of the district "
     "water and sanitation team's quarterly check.",
     "quantitative", "water points", "1800", "2400", "increase", "", "sum", "public", water_points,
     NULL},
    {"ghana-wash", "Share of hand pumps working",
     "Hand pumps working on the day of the check, out of all hand pumps of the district. Rolls "
     "up weighted by the number of hand pumps each district has.",
     "quantitative", "%", "62", "85", "increase", "", "weighted_mean", "public", share_working,
     water_points},
    {"ghana-wash", "People trained in operation and maintenance",
     "Members of water and sanitation management teams and area mechanics trained in the "
     "quarter.",
     "quantitative", "people", "0", "300", "increase", "", "sum", "alliance", trained, NULL},
    {"ghana-wash", "Longest wait for a hand pump repair",
     "The longest a community waited, in days, between reporting a broken hand pump and its "
     "repair. The region and the nation show the worst district.",
     "quantitative", "days", "45", "7", "decrease", "", "max", "alliance", longest_wait, NULL},
    {"ghana-wash", "Strength of the district platform",
     "How the platform's members rate it at the end of the quarter, on the alliance's scale.",
     "qualitative", "", "1", "4", "increase",
     "Meets rarely\nMeets, little follow-up\nMeets, decisions followed up\n"
     "Shapes district plans\nShapes plans and budgets",
     "mean", "alliance", platform_strength, NULL},
    {"ghana-wash", "Price of a hand pump cylinder",
     "What a community paid for a replacement cylinder at the nearest spare-parts dealer, in "
     "cedis. Rolls up as the latest price reported.",
     "quantitative", "GHS", "350", "400", "decrease", "", "latest", "platform", cylinder_price,
     NULL},
    {"burkina-eau", "Households with a latrine",
     "Households of the commune with a latrine in use, from the commune's census.", "quantitative",
     "households", "1500", "2500", "increase", "", "sum", "alliance", households, NULL},
};

/* The districts (demo platform keys) that report, by alliance. */
static const char *const ghana_districts[] = {
    "ner-tamale", "ner-savelugu", "ner-yendi",   "uer-bolga", "uer-bongo", "uer-navrongo",
    "ash-ejisu",  "ash-konongo",  "ash-offinso", "vor-ho",    "vor-keta",  "vor-hohoe"};
static const char *const burkina_districts[] = {"bf-kaya", "bf-tenkodogo"};

/* Reports that never came: district index and quarter. */
static const struct {
    int district, quarter;
} missing[] = {{2, 7}, {10, 5}, {4, 7}};

static bool is_missing(int d, int q)
{
    for (size_t i = 0; i < sizeof missing / sizeof missing[0]; i++)
        if (missing[i].district == d && missing[i].quarter == q)
            return true;
    return false;
}

static int report(const char *what, const char *name, enum status s, const struct problems *p)
{
    fprintf(stderr, _("alliance: demo: cannot add %s %s: %s%s%s\n"), what, name,
            p->count ? p->items[0].message : status_code(s),
            p->count && p->items[0].field ? " — " : "",
            p->count && p->items[0].field ? p->items[0].field : "");
    return -1;
}

/* record stores one figure, backdated to the end of its quarter. */
static int record(struct ctx *c, const struct indicator *ind, const char *platform_id, int q,
                  int value, int weight, const char *source, const char *note, int late_days)
{
    static const char *const quarter_end[] = {"03-31", "06-30", "09-30", "12-31"};
    struct observation o = {
        .platform_id = (char *)platform_id,
        .period = arena_printf(c->arena, "%d-Q%d", 2024 + q / 4, q % 4 + 1),
        .value = arena_printf(c->arena, "%d", value),
        .weight = weight > 0 ? arena_printf(c->arena, "%d", weight) : NULL,
        .source = (char *)source,
        .note = (char *)note,
        .recorded_at = arena_printf(c->arena, "%d-%sT%02d:00:00Z", 2024 + q / 4, quarter_end[q % 4],
                                    8 + late_days % 10),
    };
    struct problems p = {0};
    enum status s = observation_record(c, ind, &o, &p);
    return s == STATUS_OK ? 0 : report("figure for", ind->name, s, &p);
}

static int load_indicator(struct ctx *c, demo_lookup lookup, const void *alliances,
                          const void *platforms, const struct demo_indicator *d, size_t *count)
{
    struct alliance *a;
    if (alliance_find(c, lookup(alliances, d->alliance_slug), &a) != STATUS_OK)
        return report("indicator of", d->alliance_slug, STATUS_NOT_FOUND, &(struct problems){0});
    struct indicator ind = {.alliance_key = a->key,
                            .name = (char *)d->name,
                            .description = (char *)d->description,
                            .kind = (char *)d->kind,
                            .unit = (char *)d->unit,
                            .baseline = (char *)d->baseline,
                            .target = (char *)d->target,
                            .direction = (char *)d->direction,
                            .scale = (char *)d->scale,
                            .aggregation = (char *)d->aggregation,
                            .frequency = "quarter",
                            .visibility = (char *)d->visibility};
    struct problems p = {0};
    enum status s = indicator_create(c, &ind, &p);
    if (s != STATUS_OK)
        return report("indicator", d->name, s, &p);
    bool ghana = strcmp(d->alliance_slug, "ghana-wash") == 0;
    const char *const *districts = ghana ? ghana_districts : burkina_districts;
    int district_count = ghana ? 12 : 2;
    for (int q = 0; q < 8; q++)
        for (int i = 0; i < district_count; i++) {
            if (is_missing(i, q))
                continue;
            if (record(c, &ind, lookup(platforms, districts[i]), q, d->value(i, q),
                       d->weight ? d->weight(i, q) : 0, _("District quarterly report"), "", i) != 0)
                return -1;
            (*count)++;
        }
    if (d->value == water_points) {
        /* A district corrects a figure it sent too high, and the Northern
         * region enters its own count, which differs from what its
         * districts reported. */
        if (record(c, &ind, lookup(platforms, "ner-tamale"), 7, water_points(0, 7) + 40, 0,
                   _("District quarterly report"), "", 0) != 0 ||
            record(c, &ind, lookup(platforms, "ner-tamale"), 7, water_points(0, 7), 0,
                   _("District quarterly report"),
                   _("Corrected: forty standpipes of the new town scheme were counted twice."),
                   3) != 0 ||
            record(c, &ind, lookup(platforms, "ner"), 7, 430, 0, _("Regional CWSA inventory"),
                   _("The regional inventory also counts water points of schools and clinics."),
                   5) != 0)
            return -1;
        *count += 3;
    }
    return 0;
}

int demo_monitoring_load(struct ctx *c, demo_lookup lookup, const void *alliances,
                         const void *platforms, size_t *indicator_count, size_t *observations)
{
    for (size_t i = 0; i < sizeof indicators / sizeof indicators[0]; i++) {
        if (load_indicator(c, lookup, alliances, platforms, &indicators[i], observations) != 0)
            return -1;
        (*indicator_count)++;
    }
    return 0;
}

/* What a district platform plans in a year, by category (budget.h order),
 * in cedis; a region plans twice as much, the nation four times. */
static const int64_t district_plan[BUDGET_CATEGORY_COUNT] = {12000, 8000,  15000, 6000,
                                                             5000,  20000, 2000};
static const char *const plan_notes[BUDGET_CATEGORY_COUNT] = {
    "Facilitator's fees for the quarterly platform meetings",
    "Documentation officer, process documentation and printing of briefs",
    "Quarterly meetings, the annual learning event and field visits",
    "Action-research cycles with the university partner",
    "Members' transport to meetings and exchange visits",
    "Part-time coordinator",
    "Communication and small items"};

/* load_budgets gives every platform a line of each category for 2024 (spent
 * almost in full) and 2025 (under way); one district left documentation out
 * of its 2025 budget, which its budget page flags. Lines are for the members
 * of the alliance, but the Ghana national platform publishes its budget
 * (staff costs kept to its members). */
static int load_budgets(struct ctx *c, const struct demo_platform_ref *refs, size_t n,
                        size_t *lines)
{
    for (size_t i = 0; i < n; i++) {
        int scale = refs[i].level == 0 ? 4 : refs[i].level == 1 ? 2 : 1;
        int64_t rate = refs[i].xof ? 250 : 1; /* CFA francs to the cedi, roughly */
        for (int year = 2024; year <= 2025; year++)
            for (int k = 0; k < BUDGET_CATEGORY_COUNT; k++) {
                if (year == 2025 && k == BUDGET_DOCUMENTATION && refs[i].skip_documentation)
                    continue;
                int64_t planned =
                    district_plan[k] * scale * rate * (100 + (int64_t)(i % 5) * 5) / 100;
                int64_t percent = year == 2024 ? 85 + (int64_t)((i + (size_t)k) % 4) * 5
                                               : 40 + (int64_t)((i * 3 + (size_t)k) % 6) * 5;
                struct budget_line b = {.period = arena_printf(c->arena, "%d", year),
                                        .category = (char *)budget_category_name(k),
                                        .description = (char *)_(plan_notes[k]),
                                        .currency = refs[i].xof ? "XOF" : "GHS",
                                        .planned = planned,
                                        .spent = planned * percent / 100,
                                        .visibility = refs[i].level != 0  ? "alliance"
                                                      : k == BUDGET_STAFF ? "platform"
                                                      : refs[i].xof       ? "alliance"
                                                                          : "public"};
                struct problems p = {0};
                enum status s = budget_create(c, &b, refs[i].id, &p);
                if (s != STATUS_OK)
                    return report("budget line of", refs[i].id, s, &p);
                (*lines)++;
            }
    }
    return 0;
}

static const struct {
    const char *platform, *kind, *title, *description, *provider, *note, *status, *visibility;
} demo_needs[] = {
    {"ner-yendi", "equipment", "A motorbike for the area mechanic",
     "Broken hand pumps in the outlying communities wait weeks because the mechanic has no "
     "transport.",
     "ProNet North", "", "open", "alliance"},
    {"uer-bongo", "expertise", "Advice on treating high-fluoride water",
     "Several boreholes exceed the fluoride guideline; the platform needs to know which "
     "treatment options communities can keep running.",
     "University for Development Studies (UDS)", "", "open", "alliance"},
    {"ner", "data", "The regional CWSA inventory of water points",
     "To check the districts' quarterly figures against the regional count.",
     "Community Water and Sanitation Agency (CWSA)", "", "met", "alliance"},
    {"nat", "money", "A second documentation officer",
     "The national platform documents four regions with one officer.", "UNICEF Ghana",
     "Other development partners at the sector review", "open", "public"},
    {"vor-keta", "expertise", "Mapping of salty boreholes along the coast", "", NULL,
     "A hydrogeologist from the Water Resources Commission basin office", "dropped", "alliance"},
    {"bf-kaya", "equipment", "Kits de test de la qualité de l'eau", "", "Solidarité Eau Sahel", "",
     "open", "alliance"},
};

static int load_needs(struct ctx *c, demo_lookup lookup, const void *platforms, size_t *count)
{
    for (size_t i = 0; i < sizeof demo_needs / sizeof demo_needs[0]; i++) {
        struct need n = {.kind = (char *)demo_needs[i].kind,
                         .title = (char *)demo_needs[i].title,
                         .description = (char *)demo_needs[i].description,
                         .provider_note = (char *)demo_needs[i].note,
                         .status = (char *)demo_needs[i].status,
                         .visibility = (char *)demo_needs[i].visibility};
        if (demo_needs[i].provider)
            n.provider_id = store_organisation_id_by_name(c, demo_needs[i].provider);
        struct problems p = {0};
        enum status s = need_create(c, &n, lookup(platforms, demo_needs[i].platform), &p);
        if (s != STATUS_OK)
            return report("need", demo_needs[i].title, s, &p);
        (*count)++;
    }
    return 0;
}

int demo_resources_load(struct ctx *c, demo_lookup lookup, const void *platforms,
                        const char *const *platform_keys, size_t platform_count, size_t *lines,
                        size_t *needs)
{
    struct demo_platform_ref *refs = arena_array(c->arena, platform_count + 1, sizeof *refs);
    for (size_t i = 0; i < platform_count; i++) {
        struct platform *pl;
        refs[i].id = lookup(platforms, platform_keys[i]);
        if (!refs[i].id || platform_find(c, refs[i].id, &pl) != STATUS_OK)
            return report("budget of", platform_keys[i], STATUS_NOT_FOUND, &(struct problems){0});
        refs[i].level = pl->depth;
        refs[i].xof = strncmp(platform_keys[i], "bf-", 3) == 0;
        refs[i].skip_documentation = strcmp(platform_keys[i], "vor-keta") == 0;
    }
    if (load_budgets(c, refs, platform_count, lines) != 0)
        return -1;
    return load_needs(c, lookup, platforms, needs);
}
