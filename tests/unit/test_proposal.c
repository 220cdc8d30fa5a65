/*
 * test_proposal.c — the tally of proposals (domain/proposal.h): counts and
 * percents of consent and votes (rounded to the nearest whole number, of the
 * answers), means of scores in tenths (negative ones too), no answers at
 * all, answers that fit no slot left out; and when a proposal is closed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* cmocka needs the four headers above first. */
#include <cmocka.h>

#include "domain/proposal.h"

#include <string.h>

static struct proposal consent = {.process = "consent"};

static void consent_counts_each_choice_with_rounded_percents(void **state)
{
    (void)state;
    struct proposal_answer a[3] = {
        {.choice = "agree"}, {.choice = "agree"}, {.choice = "block", .reason = "Floods"}};
    struct proposal_tally t;
    proposal_tally(&consent, a, 3, &t);
    assert_int_equal(t.answers, 3);
    assert_int_equal(t.counts[0], 2); /* agree */
    assert_int_equal(t.counts[1], 0); /* abstain */
    assert_int_equal(t.counts[2], 0); /* disagree */
    assert_int_equal(t.counts[3], 1); /* block */
    assert_int_equal(t.percents[0], 67);
    assert_int_equal(t.percents[3], 33);
    assert_int_equal(t.percents[1], 0);
}

static void percents_round_half_up(void **state)
{
    (void)state;
    /* 1 of 8 is 12.5 %: 13; 7 of 8 is 87.5 %: 88. */
    struct proposal_answer a[8];
    for (int i = 0; i < 8; i++)
        a[i] = (struct proposal_answer){.choice = i == 0 ? "disagree" : "agree"};
    struct proposal_tally t;
    proposal_tally(&consent, a, 8, &t);
    assert_int_equal(t.percents[2], 13);
    assert_int_equal(t.percents[0], 88);
}

static void no_answers_count_nothing(void **state)
{
    (void)state;
    struct proposal_tally t;
    proposal_tally(&consent, NULL, 0, &t);
    assert_int_equal(t.answers, 0);
    for (int i = 0; i < PROPOSAL_CHOICES; i++) {
        assert_int_equal(t.counts[i], 0);
        assert_int_equal(t.percents[i], 0);
    }
}

static void a_vote_counts_by_option_and_leaves_out_what_fits_none(void **state)
{
    (void)state;
    char *options[] = {"VIP latrine", "Pour-flush", "EcoSan"};
    struct proposal vote = {.process = "vote", .options = options, .option_count = 3};
    struct proposal_answer a[4] = {{.option = 1}, {.option = 1}, {.option = 2}, {.option = 7}};
    struct proposal_tally t;
    proposal_tally(&vote, a, 4, &t);
    assert_int_equal(t.counts[0], 0);
    assert_int_equal(t.counts[1], 2);
    assert_int_equal(t.counts[2], 1);
    assert_int_equal(t.percents[1], 50);
    assert_int_equal(t.percents[2], 25);
}

static void scores_give_means_in_tenths(void **state)
{
    (void)state;
    char *options[] = {"Zaare", "Sumbrungu"};
    struct proposal score = {
        .process = "score", .options = options, .option_count = 2, .score_min = -5, .score_max = 5};
    int first[] = {4, -1}, second[] = {5, -2}, third[] = {5, -2};
    struct proposal_answer a[3] = {{.scores = first}, {.scores = second}, {.scores = third}};
    struct proposal_tally t;
    proposal_tally(&score, a, 3, &t);
    assert_int_equal(t.counts[0], 3);
    assert_int_equal(t.sums[0], 14);
    assert_int_equal(t.mean_tenths[0], 47);  /* 4.67 */
    assert_int_equal(t.mean_tenths[1], -17); /* -1.67 */
    /* An answer without scores counts for no option. */
    struct proposal_answer b[2] = {{.scores = first}, {.scores = NULL}};
    proposal_tally(&score, b, 2, &t);
    assert_int_equal(t.counts[0], 1);
    assert_int_equal(t.mean_tenths[0], 40);
}

static void closed_by_time_or_early(void **state)
{
    (void)state;
    const char *now = "2026-11-23T12:00:00Z";
    assert_false(proposal_is_closed("2026-11-23T12:00:01Z", NULL, now));
    assert_true(proposal_is_closed("2026-11-23T12:00:00Z", NULL, now));
    assert_true(proposal_is_closed("2026-11-22T09:00:00Z", NULL, now));
    assert_true(proposal_is_closed("2026-12-01T00:00:00Z", "2026-11-23T11:00:00Z", now));
    struct proposal open = {.closed = false, .results_open = false};
    assert_false(proposal_results_shown(&open));
    open.results_open = true;
    assert_true(proposal_results_shown(&open));
}

static void choices_and_labels(void **state)
{
    (void)state;
    assert_true(proposal_choice_valid("block"));
    assert_false(proposal_choice_valid("maybe"));
    assert_false(proposal_choice_valid(NULL));
    assert_string_equal(proposal_process_label("score"), "Score");
    assert_string_equal(proposal_choice_label("abstain"), "Abstain");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(consent_counts_each_choice_with_rounded_percents),
        cmocka_unit_test(percents_round_half_up),
        cmocka_unit_test(no_answers_count_nothing),
        cmocka_unit_test(a_vote_counts_by_option_and_leaves_out_what_fits_none),
        cmocka_unit_test(scores_give_means_in_tenths),
        cmocka_unit_test(closed_by_time_or_early),
        cmocka_unit_test(choices_and_labels),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
