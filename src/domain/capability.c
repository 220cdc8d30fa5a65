/*
 * capability.c — see capability.h.
 */
#include "domain/capability.h"

#include "core/i18n.h"
#include "core/str.h"

static const struct {
    const char *name;
    const char *label;
    const char *short_label;
} capabilities[CAPABILITY_COUNT] = {
    {"implementation", N_("Implementation"), N_("Implementation")},
    {"regulation", N_("Regulation"), N_("Regulation")},
    {"policy", N_("Policy and legislation"), N_("Policy")},
    {"research", N_("Research and learning"), N_("Research")},
    {"documentation", N_("Documentation and dissemination"), N_("Documentation")},
};

unsigned capability_bit(int i)
{
    return 1u << i;
}

const char *capability_name(int i)
{
    return capabilities[i].name;
}

const char *capability_label(int i)
{
    return _(capabilities[i].label);
}

const char *capability_short(int i)
{
    return _(capabilities[i].short_label);
}

unsigned capability_parse(const char *name)
{
    for (int i = 0; i < CAPABILITY_COUNT; i++)
        if (str_eq(name, capabilities[i].name))
            return capability_bit(i);
    return 0;
}
