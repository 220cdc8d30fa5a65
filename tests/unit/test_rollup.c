/*
 * test_rollup.c — the arithmetic of monitoring (domain/rollup.h) on a
 * three-level fixture — a nation, two regions, four districts — for every
 * rule of rolling up, with missing reports and figures entered higher up;
 * and, on a real database, corrections: the corrected figure is what rolls
 * up, and the history keeps the one it replaced.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* cmocka needs the four headers above first. */
#include <cmocka.h>

#include "core/arena.h"
#include "domain/alliance.h"
#include "domain/indicator.h"
#include "domain/platform.h"
#include "domain/rollup.h"
#include "store/db.h"
#include "testdb.h"

#include <stdlib.h>
#include <string.h>

/* nation 0; regions 1 and 2; districts 3 and 4 (region 1), 5 and 6 (region 2). */
#define NODES 7
static const int parents[NODES] = {-1, 0, 0, 1, 1, 2, 2};

/* tree fills the fixture with district values (NAN-free: present[i] says
 * whether district i reported) and weights, and rolls it up by rule. */
static void tree(struct rollup_node *nodes, enum rollup_rule rule, const double values[4],
                 const bool present[4], const double *weights, const char *const *at)
{
    struct rollup_value scratch[NODES];
    memset(nodes, 0, sizeof(struct rollup_node) * NODES);
    for (int i = 0; i < NODES; i++)
        nodes[i].parent = parents[i];
    for (int d = 0; d < 4; d++)
        if (present[d])
            nodes[3 + d].entered = (struct rollup_value){.present = true,
                                                         .value = values[d],
                                                         .weighted = weights != NULL,
                                                         .weight = weights ? weights[d] : 0,
                                                         .at = at ? at[d] : NULL};
    rollup_tree(rule, nodes, NODES, scratch);
}

static const double values[4] = {10, 20, 30, 60};
static const bool all[4] = {true, true, true, true};
static const bool third_missing[4] = {true, true, false, true};

static void sum_adds_districts_into_regions_and_regions_into_the_nation(void **state)
{
    (void)state;
    struct rollup_node n[NODES];
    tree(n, ROLLUP_SUM, values, all, NULL, NULL);
    assert_float_equal(n[1].rolled.value, 30, 1e-9);
    assert_float_equal(n[2].rolled.value, 90, 1e-9);
    assert_float_equal(n[0].rolled.value, 120, 1e-9);
    assert_int_equal(n[0].children, 2);
    assert_int_equal(n[0].reported, 2);
    /* A missing report is left out, not counted as zero, and is counted. */
    tree(n, ROLLUP_SUM, values, third_missing, NULL, NULL);
    assert_float_equal(n[2].rolled.value, 60, 1e-9);
    assert_int_equal(n[2].reported, 1);
    assert_float_equal(n[0].rolled.value, 90, 1e-9);
}

static void mean_of_means_follows_the_hierarchy(void **state)
{
    (void)state;
    struct rollup_node n[NODES];
    tree(n, ROLLUP_MEAN, values, all, NULL, NULL);
    assert_float_equal(n[1].rolled.value, 15, 1e-9);
    assert_float_equal(n[2].rolled.value, 45, 1e-9);
    assert_float_equal(n[0].rolled.value, 30, 1e-9); /* the mean of the regions' means */
    tree(n, ROLLUP_MEAN, values, third_missing, NULL, NULL);
    assert_float_equal(n[2].rolled.value, 60, 1e-9); /* the one district that reported */
    assert_float_equal(n[0].rolled.value, 37.5, 1e-9);
}

static void weighted_mean_carries_the_weights_up(void **state)
{
    (void)state;
    struct rollup_node n[NODES];
    static const double weights[4] = {1, 3, 2, 2};
    tree(n, ROLLUP_WEIGHTED_MEAN, values, all, weights, NULL);
    /* Region 1: (10×1 + 20×3) / 4 = 17.5, weight 4; region 2: (30×2 + 60×2) / 4 = 45, weight 4. */
    assert_float_equal(n[1].rolled.value, 17.5, 1e-9);
    assert_float_equal(n[1].rolled.weight, 4, 1e-9);
    assert_float_equal(n[2].rolled.value, 45, 1e-9);
    /* The nation: (17.5×4 + 45×4) / 8 = 31.25, the weighted mean of all four districts. */
    assert_float_equal(n[0].rolled.value, 31.25, 1e-9);
    assert_float_equal(n[0].rolled.value, (10 * 1 + 20 * 3 + 30 * 2 + 60 * 2) / 8.0, 1e-9);
    tree(n, ROLLUP_WEIGHTED_MEAN, values, third_missing, weights, NULL);
    assert_float_equal(n[2].rolled.value, 60, 1e-9);
    assert_float_equal(n[0].rolled.value, (10 * 1 + 20 * 3 + 60 * 2) / 6.0, 1e-9);
}

static void weighted_mean_leaves_out_a_figure_without_weight(void **state)
{
    (void)state;
    struct rollup_value in[3] = {{.present = true, .value = 10, .weighted = true, .weight = 1},
                                 {.present = true, .value = 1000},
                                 {.present = true, .value = 40, .weighted = true, .weight = 2}};
    struct rollup_value out;
    rollup_aggregate(ROLLUP_WEIGHTED_MEAN, in, 3, &out);
    assert_true(out.present);
    assert_float_equal(out.value, 30, 1e-9);
    assert_float_equal(out.weight, 3, 1e-9);
}

static void minimum_and_maximum_pick_the_extremes(void **state)
{
    (void)state;
    struct rollup_node n[NODES];
    tree(n, ROLLUP_MIN, values, all, NULL, NULL);
    assert_float_equal(n[2].rolled.value, 30, 1e-9);
    assert_float_equal(n[0].rolled.value, 10, 1e-9);
    tree(n, ROLLUP_MAX, values, all, NULL, NULL);
    assert_float_equal(n[1].rolled.value, 20, 1e-9);
    assert_float_equal(n[0].rolled.value, 60, 1e-9);
    tree(n, ROLLUP_MAX, values, (const bool[4]){true, true, true, false}, NULL, NULL);
    assert_float_equal(n[0].rolled.value, 30, 1e-9);
}

static void latest_takes_the_figure_recorded_last(void **state)
{
    (void)state;
    struct rollup_node n[NODES];
    static const char *const at[4] = {"2025-03-31T10:00:00Z", "2025-03-30T10:00:00Z",
                                      "2025-04-02T09:00:00Z", "2025-04-01T09:00:00Z"};
    tree(n, ROLLUP_LATEST, values, all, NULL, at);
    assert_float_equal(n[1].rolled.value, 10, 1e-9);
    assert_string_equal(n[1].rolled.at, at[0]);
    assert_float_equal(n[2].rolled.value, 30, 1e-9);
    assert_float_equal(n[0].rolled.value, 30, 1e-9);
    tree(n, ROLLUP_LATEST, values, third_missing, NULL, at);
    assert_float_equal(n[2].rolled.value, 60, 1e-9);
    assert_float_equal(n[0].rolled.value, 60, 1e-9);
}

static void nobody_reporting_leaves_no_figure_and_no_zero(void **state)
{
    (void)state;
    struct rollup_node n[NODES];
    for (int rule = 0; rule < ROLLUP_RULE_COUNT; rule++) {
        tree(n, (enum rollup_rule)rule, values, (const bool[4]){false, false, false, false}, NULL,
             NULL);
        assert_false(n[0].rolled.present);
        assert_false(n[1].rolled.present);
        assert_int_equal(n[0].reported, 0);
    }
}

static void a_figure_entered_higher_up_stays_beside_the_roll_up_and_is_flagged(void **state)
{
    (void)state;
    struct rollup_node n[NODES];
    struct rollup_value scratch[NODES];
    tree(n, ROLLUP_SUM, values, all, NULL, NULL);
    n[1].entered = (struct rollup_value){.present = true, .value = 35};
    n[2].entered = (struct rollup_value){.present = true, .value = 90};
    rollup_tree(ROLLUP_SUM, n, NODES, scratch);
    assert_float_equal(n[1].rolled.value, 30, 1e-9);
    assert_true(n[1].differs);
    assert_false(n[2].differs);
    /* What passes up is the roll-up, not the figure entered beside it. */
    assert_float_equal(n[0].rolled.value, 120, 1e-9);
    /* A region whose districts are all missing passes up its own figure. */
    tree(n, ROLLUP_SUM, values, (const bool[4]){false, false, true, true}, NULL, NULL);
    n[1].entered = (struct rollup_value){.present = true, .value = 25};
    rollup_tree(ROLLUP_SUM, n, NODES, scratch);
    assert_false(n[1].rolled.present);
    assert_false(n[1].differs);
    assert_float_equal(n[0].rolled.value, 115, 1e-9);
}

static void rule_names_and_progress(void **state)
{
    (void)state;
    for (int rule = 0; rule < ROLLUP_RULE_COUNT; rule++)
        assert_int_equal(rollup_rule_parse(rollup_rule_name((enum rollup_rule)rule)), rule);
    assert_int_equal(rollup_rule_parse("median"), -1);
    assert_float_equal(rollup_progress(62, 85, 73.5), 0.5, 1e-9);
    assert_float_equal(rollup_progress(45, 7, 26), 0.5, 1e-9); /* going down */
    assert_false(rollup_differ(100, 100.00001));
    assert_true(rollup_differ(100, 100.5));
}

/* On a real database: a correction replaces the figure that rolls up and
 * keeps the earlier one in the history. */
static void a_correction_rolls_up_and_keeps_the_history(void **state)
{
    (void)state;
    struct db *db;
    assert_int_equal(test_db_open(&db), 0);
    struct arena arena;
    arena_init(&arena, 16384);
    struct ctx c = {.db = db, .arena = &arena, .viewer = &viewer_operator};
    struct alliance a = {.slug = "rollup", .name = "Roll-up", .level_count = 3};
    a.levels[0] = "National";
    a.levels[1] = "Region";
    a.levels[2] = "District";
    struct problems p = {0};
    assert_int_equal(alliance_create(&c, &a, &p), STATUS_OK);
    struct alliance *al;
    assert_int_equal(alliance_find(&c, "rollup", &al), STATUS_OK);
    struct platform nation = {.name = "Nation", .depth = -1};
    assert_int_equal(platform_create(&c, al, &nation, &p), STATUS_OK);
    struct platform region = {.name = "Region", .depth = -1, .parent_id = nation.id};
    assert_int_equal(platform_create(&c, al, &region, &p), STATUS_OK);
    struct platform d1 = {.name = "District one", .depth = -1, .parent_id = region.id};
    struct platform d2 = {.name = "District two", .depth = -1, .parent_id = region.id};
    assert_int_equal(platform_create(&c, al, &d1, &p), STATUS_OK);
    assert_int_equal(platform_create(&c, al, &d2, &p), STATUS_OK);
    struct indicator ind = {.alliance_key = al->key,
                            .name = "Water points",
                            .kind = "quantitative",
                            .aggregation = "sum",
                            .frequency = "quarter"};
    assert_int_equal(indicator_create(&c, &ind, &p), STATUS_OK);
    struct observation o1 = {.platform_id = d1.id, .period = "2025-Q1", .value = "100"};
    struct observation o2 = {.platform_id = d2.id, .period = "2025-Q1", .value = "50"};
    struct observation fix = {
        .platform_id = d1.id, .period = "2025-Q1", .value = "80", .note = "Counted twice"};
    assert_int_equal(observation_record(&c, &ind, &o1, &p), STATUS_OK);
    assert_int_equal(observation_record(&c, &ind, &o2, &p), STATUS_OK);
    assert_int_equal(observation_record(&c, &ind, &fix, &p), STATUS_OK);
    struct indicator_figures f;
    assert_int_equal(indicator_figures(&c, &ind, &f), STATUS_OK);
    assert_int_equal(f.period_count, 1);
    int n = indicator_platform_index(&f, nation.key);
    assert_float_equal(f.nodes[0][n].rolled.value, 130, 1e-9);
    struct observation_filter hf = {
        .indicator_key = ind.key, .platform_key = d1.key, .history = true};
    struct observation_list history;
    assert_int_equal(observation_list(&c, &hf, &history), STATUS_OK);
    assert_int_equal(history.count, 2);
    assert_string_equal(history.items[0].value, "80");
    assert_true(history.items[0].current);
    assert_string_equal(history.items[1].value, "100");
    assert_false(history.items[1].current);
    assert_int_equal(history.items[0].corrects_key, history.items[1].key);
    /* A value that is not a number, and a period of the wrong kind, are refused by field. */
    struct observation bad = {.platform_id = d2.id, .period = "2025-13", .value = "many"};
    struct problems q = {0};
    assert_int_equal(observation_record(&c, &ind, &bad, &q), STATUS_INVALID);
    assert_non_null(problems_for(&q, "period"));
    assert_non_null(problems_for(&q, "value"));
    arena_free(&arena);
    db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sum_adds_districts_into_regions_and_regions_into_the_nation),
        cmocka_unit_test(mean_of_means_follows_the_hierarchy),
        cmocka_unit_test(weighted_mean_carries_the_weights_up),
        cmocka_unit_test(weighted_mean_leaves_out_a_figure_without_weight),
        cmocka_unit_test(minimum_and_maximum_pick_the_extremes),
        cmocka_unit_test(latest_takes_the_figure_recorded_last),
        cmocka_unit_test(nobody_reporting_leaves_no_figure_and_no_zero),
        cmocka_unit_test(a_figure_entered_higher_up_stays_beside_the_roll_up_and_is_flagged),
        cmocka_unit_test(rule_names_and_progress),
        cmocka_unit_test(a_correction_rolls_up_and_keeps_the_history),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
