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
#include "domain/indicator.h"

#include <stdio.h>
#include <string.h>

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
