/*
 * demo_monitoring.h — monitoring and resources in the demo (seeds 000, 001
 * and 004): a handful of indicators of the Ghana alliance, one for each rule
 * of rolling up, with two years of quarterly figures reported by its
 * district platforms (a few reports missing, one corrected, and figures the
 * regional platforms entered themselves beside the roll-up), and one
 * indicator of the Burkina Faso alliance; and budgets for every platform
 * (facilitation and documentation included) with a few needs beyond them.
 */
#ifndef ALLIANCE_DEMO_MONITORING_H
#define ALLIANCE_DEMO_MONITORING_H

#include "cli/demo_enquiries.h"

#include <stddef.h>

/* demo_monitoring_load defines the indicators and records their figures
 * (as the operator, backdated to the end of each quarter); *observations
 * gets how many figures were recorded. Returns 0, or -1 after printing what
 * failed. */
int demo_monitoring_load(struct ctx *c, demo_lookup lookup, const void *alliances,
                         const void *platforms, size_t *indicators, size_t *observations);

/* demo_resources_load gives each platform (named by its demo key) budget
 * lines of every category for 2024 and 2025, and records a few needs;
 * *lines and *needs get how many. Returns 0, or -1 after printing what
 * failed. */
int demo_resources_load(struct ctx *c, demo_lookup lookup, const void *platforms,
                        const char *const *platform_keys, size_t platform_count, size_t *lines,
                        size_t *needs);

#endif
