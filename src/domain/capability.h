/*
 * capability.h — the five capabilities a member brings to a platform (seed
 * 000): implementation, regulation, policy and legislation, research and
 * learning, documentation and dissemination. A set of them is a bit mask.
 */
#ifndef ALLIANCE_CAPABILITY_H
#define ALLIANCE_CAPABILITY_H

#include <stdbool.h>

enum capability {
    CAP_IMPLEMENTATION = 1 << 0,
    CAP_REGULATION = 1 << 1,
    CAP_POLICY = 1 << 2,
    CAP_RESEARCH = 1 << 3,
    CAP_DOCUMENTATION = 1 << 4,
};

#define CAPABILITY_COUNT 5
#define CAPABILITY_ALL   0x1f

/* capability_bit is the bit of the i-th capability (0 ≤ i < CAPABILITY_COUNT). */
unsigned capability_bit(int i);

/* capability_name is the machine name ("implementation", "policy", …). */
const char *capability_name(int i);

/* capability_label is the translated name a person reads ("Policy and legislation"). */
const char *capability_label(int i);

/* capability_short is a one-word translated name for tight tables ("Policy"). */
const char *capability_short(int i);

/* capability_parse finds the bit of a machine name; returns 0 for an unknown name. */
unsigned capability_parse(const char *name);

#endif
