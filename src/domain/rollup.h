/*
 * rollup.h — the arithmetic of monitoring (seed 004: national information
 * systems gather what districts report): how the figures of the platforms
 * below are aggregated into the figure of the platform above, level by level,
 * by the rule an indicator names. Pure functions over plain arrays: no
 * database, no allocation, so that every rule is tested by itself
 * (tests/unit/test_rollup.c).
 *
 * Missing reports are left out of an aggregation, never counted as zero; a
 * platform none of whose children reported has no rolled-up figure. A figure
 * entered at a platform that also has a rolled-up one is kept beside it, and
 * the two are flagged when they differ.
 */
#ifndef ALLIANCE_ROLLUP_H
#define ALLIANCE_ROLLUP_H

#include <stdbool.h>

enum rollup_rule {
    ROLLUP_SUM,
    ROLLUP_MEAN,
    ROLLUP_WEIGHTED_MEAN, /* sum(value × weight) / sum(weight); a figure without weight is left out
                           */
    ROLLUP_MIN,
    ROLLUP_MAX,
    ROLLUP_LATEST, /* the figure recorded last (by its instant) */
    ROLLUP_RULE_COUNT
};

/* One figure: present or missing, with the weight it carries into a
 * weighted mean (the weight of a rolled-up figure is the sum of the weights
 * it came from) and the instant it was recorded (ISO 8601, compared as text;
 * a rolled-up figure carries the latest of its inputs). */
struct rollup_value {
    bool present;
    double value;
    bool weighted;
    double weight;
    const char *at;
};

/* rollup_rule_parse reads a rule by name ("sum", "mean", "weighted_mean",
 * "min", "max", "latest"); -1 when unknown. */
int rollup_rule_parse(const char *name);

/* rollup_rule_name is the machine name of a rule. */
const char *rollup_rule_name(enum rollup_rule rule);

/* rollup_aggregate combines the n figures of in by rule into *out: missing
 * figures are left out; with none left, out is missing. */
void rollup_aggregate(enum rollup_rule rule, const struct rollup_value *in, int n,
                      struct rollup_value *out);

/* One platform of the hierarchy. The caller fills parent (the index of the
 * parent node, which must come before this one; -1 at the top) and entered
 * (the figure reported at this platform, or missing); rollup_tree fills the
 * rest. */
struct rollup_node {
    int parent;
    struct rollup_value entered;
    /* Filled by rollup_tree. */
    struct rollup_value rolled; /* the aggregation of the children (missing without children
                                   or when none of them has a figure) */
    struct rollup_value figure; /* what this platform passes up: rolled when present, else
                                   entered */
    int children;               /* how many children it has */
    int reported;               /* how many of them have a figure */
    bool differs;               /* entered and rolled are both present and differ */
};

/* rollup_tree computes, for nodes ordered parents first, each node's
 * rolled-up figure from its children's figures, bottom up. scratch holds n
 * values. */
void rollup_tree(enum rollup_rule rule, struct rollup_node *nodes, int n,
                 struct rollup_value *scratch);

/* rollup_differ says whether two figures differ beyond rounding (a
 * millionth of the larger, or of one). */
bool rollup_differ(double a, double b);

/* rollup_progress is how far value has come from baseline towards target,
 * as a fraction (0 at the baseline, 1 at the target; below 0 or above 1 when
 * it went back or beyond); 0 when target equals baseline. Works the same for
 * indicators that should go down (the target below the baseline). */
double rollup_progress(double baseline, double target, double value);

#endif
