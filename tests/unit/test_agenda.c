/*
 * test_agenda.c — unit tests of the pure rules of action-research cycles
 * (domain/cycle.h) and of evidence (domain/item.h): the next cycle takes the
 * reflection as its plan; a lesson started from a reflection is filled in
 * from the cycle (a title cut to 200 characters without cutting a character
 * in two, what happened from act and observe, no date in the future, the
 * steps' evidence); evidence is read a line at a time and refused by field.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* cmocka needs the four headers above first. */
#include <cmocka.h>

#include "core/arena.h"
#include "core/problem.h"
#include "core/str.h"
#include "domain/cycle.h"
#include "domain/item.h"
#include "domain/lesson.h"

#include <stdlib.h>
#include <string.h>

struct fixture {
    struct arena arena;
    struct ctx c;
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    arena_init(&f->arena, 16384);
    f->c.arena = &f->arena;
    f->c.viewer = &viewer_operator;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    arena_free(&f->arena);
    free(f);
    return 0;
}

/* a_cycle is cycle 2 of Bolgatanga with every step written. */
static struct cycle a_cycle(void)
{
    struct cycle cy = {.id = "c2",
                       .question_key = 7,
                       .question_id = "q7",
                       .question_title = "Why do water points fail?",
                       .visibility = "alliance",
                       .platform_key = 3,
                       .platform_id = "p3",
                       .platform_name = "Bolgatanga",
                       .number = 2};
    static const char *const texts[CYCLE_STEPS] = {"Log breakdowns.", "Mechanics logged them.",
                                                   "Seals wore out.", "Money is missing."};
    for (int i = 0; i < CYCLE_STEPS; i++)
        cy.steps[i].text = (char *)texts[i];
    cy.steps[CYCLE_REFLECT].starts_on = "2026-03-01";
    cy.steps[CYCLE_REFLECT].ends_on = "2026-03-10";
    return cy;
}

static void the_next_cycle_plans_what_the_reflection_says(void **state)
{
    (void)state;
    struct cycle prev = a_cycle(), next = {0};
    cycle_next_draft(&prev, &next);
    assert_int_equal(next.number, 3);
    assert_int_equal(next.question_key, 7);
    assert_string_equal(next.platform_input, "p3");
    assert_string_equal(next.steps[CYCLE_PLAN].text, "Money is missing.");
    for (int i = CYCLE_ACT; i < CYCLE_STEPS; i++) {
        assert_string_equal(next.steps[i].text, "");
        assert_null(next.steps[i].starts_on);
    }
}

static void a_lesson_from_a_reflection_is_filled_in_from_the_cycle(void **state)
{
    struct fixture *f = *state;
    struct cycle cy = a_cycle();
    cy.steps[CYCLE_PLAN].evidence[0] = (struct item_evidence){"Form", "/documents/d1"};
    cy.steps[CYCLE_PLAN].evidence_count = 1;
    cy.steps[CYCLE_OBSERVE].evidence[0] = (struct item_evidence){"Log", "https://x.test/log"};
    cy.steps[CYCLE_OBSERVE].evidence_count = 1;
    struct lesson ls = {0};
    cycle_lesson_draft(&f->c, &cy, "2026-11-23", &ls);
    assert_string_equal(ls.title, "Cycle 2 of Bolgatanga: Why do water points fail?");
    assert_string_equal(ls.what_happened, "Mechanics logged them.\n\nSeals wore out.");
    assert_string_equal(ls.lesson, "Money is missing.");
    assert_string_equal(ls.question, "Why do water points fail?");
    assert_string_equal(ls.happened_on, "2026-03-10");
    assert_string_equal(ls.status, "draft");
    assert_non_null(strstr(ls.context, "cycle 2 of Bolgatanga"));
    assert_int_equal(ls.evidence_count, 2);
    assert_string_equal(ls.evidence[1].url, "https://x.test/log");
}

static void a_lesson_takes_no_date_in_the_future_and_no_empty_step(void **state)
{
    struct fixture *f = *state;
    struct cycle cy = a_cycle();
    cy.steps[CYCLE_ACT].text = "";
    cy.steps[CYCLE_REFLECT].ends_on = "2026-12-31";
    struct lesson ls = {0};
    cycle_lesson_draft(&f->c, &cy, "2026-11-23", &ls);
    assert_string_equal(ls.what_happened, "Seals wore out.");
    assert_null(ls.happened_on);
    cy.steps[CYCLE_REFLECT].ends_on = NULL; /* then the day it started */
    cycle_lesson_draft(&f->c, &cy, "2026-11-23", &ls);
    assert_string_equal(ls.happened_on, "2026-03-01");
}

static void a_long_title_is_cut_between_characters(void **state)
{
    struct fixture *f = *state;
    struct cycle cy = a_cycle();
    char title[601];
    for (int i = 0; i < 300; i++)
        memcpy(title + 2 * i, "\xc3\xa9", 2); /* é, two bytes */
    title[600] = '\0';
    cy.question_title = title;
    struct lesson ls = {0};
    cycle_lesson_draft(&f->c, &cy, "2026-11-23", &ls);
    assert_int_equal(str_utf8_length(ls.title), 200);
    assert_true(str_utf8_valid(ls.title, strlen(ls.title)));
    assert_int_equal(str_utf8_length(ls.question), 300);
}

static void evidence_is_read_a_line_at_a_time(void **state)
{
    struct fixture *f = *state;
    struct item_evidence ev[3];
    int n = -1;
    struct problems p = {0};
    item_evidence_parse(&f->c, " Survey | /documents/abc \n\nhttps://x.test/r.pdf\n", ev, 3, &n,
                        "plan_evidence", &p);
    assert_int_equal(p.count, 0);
    assert_int_equal(n, 2);
    assert_string_equal(ev[0].label, "Survey");
    assert_string_equal(ev[0].url, "/documents/abc");
    assert_string_equal(ev[1].label, "https://x.test/r.pdf"); /* an address alone is its label */
}

static void bad_evidence_is_refused_by_its_field(void **state)
{
    struct fixture *f = *state;
    struct item_evidence ev[2];
    int n;
    static const char *const bad[] = {"Notes | javascript:alert(1)", "Far | //evil.test/x",
                                      "Spaced | /a b", "a | /1\nb | /2\nc | /3"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct problems p = {0};
        item_evidence_parse(&f->c, bad[i], ev, 2, &n, "act_evidence", &p);
        assert_int_equal(p.count, 1);
        assert_string_equal(p.items[0].field, "act_evidence");
        assert_int_equal(p.items[0].status, STATUS_INVALID);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(the_next_cycle_plans_what_the_reflection_says, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_lesson_from_a_reflection_is_filled_in_from_the_cycle,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(a_lesson_takes_no_date_in_the_future_and_no_empty_step,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(a_long_title_is_cut_between_characters, setup, teardown),
        cmocka_unit_test_setup_teardown(evidence_is_read_a_line_at_a_time, setup, teardown),
        cmocka_unit_test_setup_teardown(bad_evidence_is_refused_by_its_field, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
