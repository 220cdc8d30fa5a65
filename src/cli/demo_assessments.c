/*
 * demo_assessments.c — the demo's stakeholder assessments and health
 * self-assessments (see demo_assessments.h).
 */
#include "cli/demo_assessments.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "domain/assessment.h"
#include "domain/capability.h"
#include "domain/health.h"
#include "domain/person.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define GFD      "Ghana Federation of Disability Organisations (GFD)"
#define WEAVERS  "Bolgatanga Basket Weavers Women's Association"
#define DRILLERS "Kumasi Aqua Drilling Company"

const struct demo_assessment demo_assessments[] = {
    {"nat", "Ministry of Sanitation and Water Resources", NULL, 400, 5, 3,
     "Evidence that district pilots can be scaled.", "Alignment with the national strategy.",
     "Policy briefs twice a year.", "Convening power, the sector review.", "policy,regulation", "",
     "platform"},
    {"nat", "Ministry of Sanitation and Water Resources", NULL, 60, 5, 5,
     "Evidence that district pilots can be scaled.", "A guideline on tariffs for small towns.",
     "A draft guideline by the next sector review.", "Convening power, the sector review.",
     "policy,regulation", "", "platform"},
    {"nat", "Public Utilities Regulatory Commission (PURC)", NULL, 300, 4, 2,
     "Data on what small-town systems cost.", "", "", "Tariff rules.", "regulation", "",
     "platform"},
    {"nat", "Public Utilities Regulatory Commission (PURC)", NULL, 45, 4, 4,
     "Data on what small-town systems cost.", "A say in tariff lessons before they spread.",
     "Joint visits to two districts.", "Tariff rules.", "regulation", "", "platform"},
    {"nat", "UNICEF Ghana", NULL, 200, 4, 4, "Results it can report.", "",
     "Co-funding of documentation.", "Funding, a sanitation marketing toolkit.",
     "implementation,documentation", "", "alliance"},
    {"nat", "Nordic Rural Water Fund", NULL, 90, 5, 2, "A pipeline of fundable projects.", "", "",
     "Capital for handpump rehabilitation.", "implementation", "", "platform"},
    {"nat", DRILLERS, NULL, 120, 2, 3, "Clear siting standards.", "", "", "Drilling rigs.",
     "implementation", "", "platform"},
    {"nat", GFD, NULL, 150, 3, 5, "Accessible water points.",
     "Seats for disabled people's organisations on every platform.", "", "Access audits.",
     "research", "persons with disabilities", "public"},
    {"nat", "Savannah Sanitation Enterprise", NULL, 140, 2, 3, "A market for latrine slabs.", "",
     "Rules that let small firms bid.", "Masons, a slab yard.", "implementation", "", "platform"},
    {"nat", "Savannah Sanitation Enterprise", NULL, 25, 3, 4, "A market for latrine slabs.", "",
     "Rules that let small firms bid.", "Masons, a slab yard.", "implementation", "", "platform"},
    {"nat", WEAVERS, NULL, 75, 2, 4, "A voice for women who carry water.", "", "", "",
     "documentation", "women's group", "platform"},
    {"nat", "Sahel Water Partnership Fund", NULL, 55, 4, 3, "Evidence for its board.", "", "",
     "A grant window for learning.", "research", "", "platform"},
    {"uer", "University for Development Studies (UDS)", NULL, 180, 3, 4,
     "Field sites for students.", "", "Co-authored studies.", "Researchers, a laboratory.",
     "research,documentation", "", "platform"},
    {"uer", "UNICEF Ghana", NULL, 100, 4, 2, "", "", "", "Funding.", "implementation", "",
     "platform"},
    {"uer-bolga", WEAVERS, NULL, 210, 2, 5, "Water near the weaving centres.",
     "Meetings at a time women can attend.", "", "Members who collect fees.", "implementation",
     "women's group", "platform"},
    {"uer-bolga", WEAVERS, NULL, 30, 3, 5, "Water near the weaving centres.",
     "Meetings at a time women can attend.", "A seat on the platform.", "Members who collect fees.",
     "implementation", "women's group", "platform"},
    {"uer-bolga", "Bolgatanga Municipal Assembly", NULL, 160, 5, 3, "", "", "",
     "Budget lines for water.", "implementation,policy", "", "platform"},
    {"uer-bolga", "Nordic Rural Water Fund", NULL, 80, 4, 2, "", "", "", "Capital.",
     "implementation", "", "platform"},
    {"uer-bolga", NULL, "fati.abukari@example.net", 50, 2, 5, "", "", "", "", "", "women's group",
     "platform"},
    {"ner-tamale", "Tamale Metropolitan Assembly", NULL, 140, 5, 4, "", "", "", "Staff, budget.",
     "implementation,policy", "", "platform"},
    {"ner-tamale", GFD, NULL, 70, 3, 4, "", "Accessible latrines in schools.", "", "Access audits.",
     "research", "persons with disabilities", "alliance"},
    {"ash-ejisu", DRILLERS, NULL, 110, 3, 2, "", "", "", "Rigs.", "implementation", "", "platform"},
    {"ash-ejisu", DRILLERS, NULL, 20, 3, 4, "", "", "Work from the assembly.", "Rigs.",
     "implementation", "", "platform"},
    {"vor-keta", "Keta Fishmongers Association", NULL, 90, 2, 4,
     "Clean water at the landing beach.", "", "", "", "", "women's group", "platform"},
    {"bf-nat", "Direction générale de l'eau potable (DGEP)", NULL, 250, 5, 4, "", "", "",
     "Normes nationales.", "policy,regulation", "", "platform"},
    {"bf-kaya", "Association des usagers de l'eau de Kaya", NULL, 130, 2, 5, "", "", "", "",
     "implementation", "usagers ruraux", "platform"},
    {"bf-kaya", "Faso Hydro Conseil", NULL, 60, 3, 3, "", "", "", "", "research", "", "platform"},
};
const size_t demo_assessment_count = sizeof demo_assessments / sizeof demo_assessments[0];

const struct demo_health_check demo_health_checks[] = {
    {"nat", "esi.quansah@example.org", "size", 3, 40,
     "Twenty members on paper; a dozen come to meetings."},
    {"nat", "esi.quansah@example.org", "trust", 4, 40,
     "Ministries now share failures in the annual review."},
    {"nat", "ekow.mensah-bonsu@example.org", "structure", 4, 35,
     "A convenor who leads, a facilitator who keeps the agenda."},
    {"nat", "hawa.seidu@example.org", "glue", 2, 20,
     "The regions have their own questions; few are shared."},
    {"uer-bolga", "francis.akolgo@example.org", "mix", 2, 25,
     "No women's group among the members yet."},
    {"uer-bolga", "cynthia.atampugre@example.org", "trust", 3, 15,
     "People come back, but failures stay in the corridor."},
    {"ner", "mariama.iddrisu@example.org", "structure", 3, 30,
     "Action items agreed, too few followed up."},
    {"bf-kaya", "rasmata.zoungrana@example.org", "glue", 4, 10,
     "La visite d'échange avec Bolgatanga a soudé le groupe."},
};
const size_t demo_health_check_count = sizeof demo_health_checks / sizeof demo_health_checks[0];

static char *days_ago_date(struct ctx *c, int days)
{
    time_t t = time(NULL) - (time_t)days * 86400;
    struct tm tm;
    gmtime_r(&t, &tm);
    char *out = arena_alloc(c->arena, 16);
    strftime(out, 16, "%Y-%m-%d", &tm);
    return out;
}

static unsigned capabilities_parse(const char *names)
{
    unsigned caps = 0;
    char copy[200];
    snprintf(copy, sizeof copy, "%s", names);
    for (char *name = copy; name && *name;) {
        char *comma = strchr(name, ',');
        if (comma)
            *comma = '\0';
        caps |= capability_parse(name);
        name = comma ? comma + 1 : NULL;
    }
    return caps;
}

static int report(const char *what, const char *name, const struct problems *p)
{
    fprintf(stderr, _("alliance: demo: %s %s: %s\n"), what, name,
            p->count ? p->items[0].message : _("refused"));
    return -1;
}

static int load_checks(struct ctx *c, demo_lookup lookup, const void *platforms, const void *people)
{
    const struct viewer *loader = c->viewer;
    for (size_t i = 0; i < demo_health_check_count; i++) {
        const struct demo_health_check *d = &demo_health_checks[i];
        const char *person_id = lookup(people, d->author_email);
        struct person *author;
        struct problems p = {0};
        if (!person_id || person_find(c, person_id, &author) != STATUS_OK)
            return report("self-assessment by", d->author_email, &p);
        struct viewer as_author = {.person_key = author->key,
                                   .person_id = author->id,
                                   .name = author->name,
                                   .admin = true /* a member of the platform, as the table says */};
        struct health_check hc = {.condition = (char *)d->condition,
                                  .score = d->score,
                                  .comment = (char *)d->comment,
                                  .assessed_on = days_ago_date(c, d->days_ago)};
        c->viewer = &as_author;
        enum status s = health_check_add(c, lookup(platforms, d->platform_key), &hc, &p);
        c->viewer = loader;
        if (s != STATUS_OK)
            return report("self-assessment on", d->platform_key, &p);
    }
    return 0;
}

int demo_assessments_load(struct ctx *c, demo_lookup lookup, const void *platforms,
                          const void *organisations, const void *people)
{
    for (size_t i = 0; i < demo_assessment_count; i++) {
        const struct demo_assessment *d = &demo_assessments[i];
        struct assessment a = {
            .platform_id = (char *)lookup(platforms, d->platform_key),
            .organisation_id =
                d->organisation ? (char *)lookup(organisations, d->organisation) : NULL,
            .person_id = d->person_email ? (char *)lookup(people, d->person_email) : NULL,
            .assessed_on = days_ago_date(c, d->days_ago),
            .influence = d->influence,
            .interest = d->interest,
            .needs = (char *)d->needs,
            .demands = (char *)d->demands,
            .expectations = (char *)d->expectations,
            .resources = (char *)d->resources,
            .capabilities = capabilities_parse(d->capabilities),
            .marginalised_group = (char *)d->marginalised_group,
            .visibility = (char *)d->visibility,
        };
        struct problems p = {0};
        if (assessment_create(c, &a, &p) != STATUS_OK)
            return report("assessment of", d->organisation ? d->organisation : d->person_email, &p);
    }
    return load_checks(c, lookup, platforms, people);
}
