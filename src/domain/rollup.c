/*
 * rollup.c — see rollup.h.
 */
#include "domain/rollup.h"

#include <string.h>

static const char *const rule_names[ROLLUP_RULE_COUNT] = {
    "sum", "mean", "weighted_mean", "min", "max", "latest",
};

int rollup_rule_parse(const char *name)
{
    for (int i = 0; name && i < ROLLUP_RULE_COUNT; i++)
        if (strcmp(name, rule_names[i]) == 0)
            return i;
    return -1;
}

const char *rollup_rule_name(enum rollup_rule rule)
{
    return rule >= 0 && rule < ROLLUP_RULE_COUNT ? rule_names[rule] : "";
}

/* later says whether instant a comes after b (NULL is the earliest). */
static bool later(const char *a, const char *b)
{
    return a && (!b || strcmp(a, b) > 0);
}

void rollup_aggregate(enum rollup_rule rule, const struct rollup_value *in, int n,
                      struct rollup_value *out)
{
    *out = (struct rollup_value){0};
    double total = 0, weights = 0;
    int count = 0;
    for (int i = 0; i < n; i++) {
        const struct rollup_value *v = &in[i];
        if (!v->present)
            continue;
        if (rule == ROLLUP_WEIGHTED_MEAN && (!v->weighted || v->weight <= 0))
            continue;
        double w = v->weighted ? v->weight : 0;
        switch (rule) {
        case ROLLUP_SUM:
        case ROLLUP_MEAN:
            total += v->value;
            break;
        case ROLLUP_WEIGHTED_MEAN:
            total += v->value * v->weight;
            break;
        case ROLLUP_MIN:
            if (!count || v->value < out->value)
                out->value = v->value;
            break;
        case ROLLUP_MAX:
            if (!count || v->value > out->value)
                out->value = v->value;
            break;
        case ROLLUP_LATEST:
            if (!count || later(v->at, out->at))
                out->value = v->value;
            break;
        case ROLLUP_RULE_COUNT:
            return;
        }
        weights += w;
        if (!count || later(v->at, out->at))
            out->at = v->at;
        count++;
    }
    if (!count)
        return;
    out->present = true;
    out->weighted = weights > 0;
    out->weight = weights;
    if (rule == ROLLUP_SUM)
        out->value = total;
    else if (rule == ROLLUP_MEAN)
        out->value = total / count;
    else if (rule == ROLLUP_WEIGHTED_MEAN)
        out->value = total / weights;
}

void rollup_tree(enum rollup_rule rule, struct rollup_node *nodes, int n,
                 struct rollup_value *scratch)
{
    for (int i = 0; i < n; i++) {
        nodes[i].rolled = (struct rollup_value){0};
        nodes[i].children = nodes[i].reported = 0;
        nodes[i].differs = false;
    }
    /* Children come after their parents: from the last node up, each node's
     * children are complete when it is reached. */
    for (int i = n - 1; i >= 0; i--) {
        struct rollup_node *node = &nodes[i];
        int k = 0;
        for (int j = i + 1; j < n; j++)
            if (nodes[j].parent == i) {
                node->children++;
                scratch[k++] = nodes[j].figure;
                node->reported += nodes[j].figure.present;
            }
        rollup_aggregate(rule, scratch, k, &node->rolled);
        node->figure = node->rolled.present ? node->rolled : node->entered;
        node->differs = node->rolled.present && node->entered.present &&
                        rollup_differ(node->rolled.value, node->entered.value);
    }
}

static double magnitude(double x)
{
    return x < 0 ? -x : x;
}

bool rollup_differ(double a, double b)
{
    double scale = 1.0;
    if (magnitude(a) > scale)
        scale = magnitude(a);
    if (magnitude(b) > scale)
        scale = magnitude(b);
    return magnitude(a - b) > scale * 1e-6;
}

double rollup_progress(double baseline, double target, double value)
{
    if (target == baseline)
        return 0;
    return (value - baseline) / (target - baseline);
}
