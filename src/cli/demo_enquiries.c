/*
 * demo_enquiries.c — the enquiries of the demo (see demo_enquiries.h): eight
 * questions to the Upper East regional platform, the Navrongo district
 * platform and the national platform of Burkina Faso, from a teacher, a
 * journalist, a women's group and members, between March and October 2026.
 * Answers link to the lessons of the demo through searches of this site. The
 * people and events are invented; every address is under example.com,
 * example.org or this site.
 */
#include "demo_enquiries.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "domain/enquiry.h"
#include "domain/person.h"
#include "domain/search.h"
#include "store/store.h"

#include <stdio.h>
#include <time.h>

/* The table keeps one record per block, so clang-format is told to leave it alone. */
/* clang-format off */

const struct demo_enquiry demo_enquiries[] = {
    {
        "uer", NULL, "Ama Nsoh", "ama.nsoh@example.com",
        "Our school in Sirigu has an Afridev handpump that breaks down every few months, and "
        "then the children walk to the dam. Who should repair it, and where in the region can "
        "we buy genuine spare parts?",
        "2026-03-02T09:14:00Z",
        "patience.atanga@example.org", 5,
        "patience.atanga@example.org", 30,
        "Repairs are the work of the **area mechanics** of your district: the District Works "
        "Department keeps their list and phone numbers. The platform learnt that a repair "
        "service without a local stock of fast-moving parts is not a service; read "
        "[the lessons on spare parts](/search?q=spare+parts) and "
        "[on area mechanics](/search?q=area+mechanics).\n\n"
        "Genuine parts are now stocked by the Bolgatanga Area Mechanics Cooperative; ask the "
        "head teacher to keep the receipt so that the water committee can claim the cost.",
        true, true,
    },
    {
        "uer", NULL, "Issah Abdulai", "issah.abdulai@example.com",
        "I write for a regional radio station. How many water points in the Upper East region "
        "work today, and where is that figure published?",
        "2026-05-11T14:02:00Z",
        "francis.akolgo@example.org", 2,
        "francis.akolgo@example.org", 76,
        "The districts count their water points every month; the regional figure is the sum "
        "of the district reports and is presented at each meeting of the platform. How the "
        "districts came to count every month is told in "
        "[the lessons on monitoring](/search?q=monitoring).\n\n"
        "For a figure you can quote, ask the Regional Coordinating Council for the latest "
        "quarterly report, and say which month it counts.",
        true, false,
    },
    {
        "uer", "thomas.ayamga@example.edu.gh", NULL, NULL,
        "Is there a study of what households in Bongo pay for water, before and after the "
        "tariff change of last year? I would like to compare it with our survey.",
        "2026-07-20T08:40:00Z",
        NULL, 0,
        "patience.atanga@example.org", 52,
        "Not a study yet, but two pieces of evidence: the Bongo water committee's accounts "
        "(ask their treasurer) and [the lessons on tariffs](/search?q=tariff) of the Ashanti "
        "districts. If your survey goes ahead, the platform would like to record what it "
        "finds as a lesson.",
        false, false,
    },
    {
        "uer", NULL, "Rebecca Atia", "rebecca.atia@example.org",
        "Can the platform share its guidelines on menstrual hygiene in schools with our "
        "women's group in Zebilla? We would like to talk with the head teachers.",
        "2026-10-28T11:20:00Z",
        "patience.atanga@example.org", 20,
        NULL, 0, NULL,
        false, false,
    },
    {
        "uer", NULL, "Paul Ayine", "paul.ayine@example.com",
        "When does the regional platform meet next, and may officers of the district "
        "assemblies attend as observers?",
        "2026-11-02T07:55:00Z",
        NULL, 0, NULL, 0, NULL,
        false, false,
    },
    {
        "uer", NULL, "Best Pumps Ltd", "sales@example.com",
        "We sell solar pumps at the best price in West Africa. Call us today for a discount!",
        "2026-09-14T03:12:00Z",
        NULL, 0, NULL, 0, NULL,
        false, true,
    },
    {
        "uer-navrongo", "juliana.ayeebo@example.net", NULL, NULL,
        "Where can I find the radio programme on safe water that Gurune Community Radio "
        "recorded with the platform last year? Our youth group would like to play it again.",
        "2026-04-03T16:30:00Z",
        NULL, 0,
        "albert.abaane@example.edu.gh", 20,
        "Gurune Community Radio keeps the recordings; ask at the station for the series "
        "*Clean water, healthy homes*. What the platform learnt about safe water is in "
        "[its lessons](/search?q=safe+water).",
        true, false,
    },
    {
        "bf-nat", "awa.bamogo@example.org", NULL, NULL,
        "Existe-t-il un modèle de convention entre la commune et le fermier pour la gestion "
        "des adductions d'eau potable simplifiées ?",
        "2026-06-15T10:05:00Z",
        "boukary.zongo@example.edu.bf", 24,
        "boukary.zongo@example.edu.bf", 98,
        "Oui : le modèle de contrat d'affermage de la Direction générale de l'eau potable, "
        "que la plateforme a adapté avec les communes de Kaya et de Tenkodogo. Voir "
        "[les leçons sur les coûts](/search?q=co%C3%BBts) et demander le modèle au "
        "secrétariat de la plateforme.",
        true, false,
    },
};

/* clang-format on */

const size_t demo_enquiry_count = sizeof demo_enquiries / sizeof demo_enquiries[0];

/* report says which enquiry could not be loaded, and why. */
static int report(const struct demo_enquiry *d, const char *step, enum status s,
                  const struct problems *p)
{
    fprintf(stderr, _("alliance: demo: cannot %s the enquiry \"%.40s…\": %s%s%s\n"), step,
            d->question, p->count ? p->items[0].message : status_code(s),
            p->count && p->items[0].field ? " — " : "",
            p->count && p->items[0].field ? p->items[0].field : "");
    return -1;
}

/* person_viewer makes the viewer of a demo person: their own name and person,
 * with the operator's standing (the roles the steps need are checked by the
 * domain calls through enquiry_answerer, or are the operator's own). */
static int person_viewer(struct ctx *c, demo_lookup lookup, const void *people, const char *email,
                         struct viewer *v)
{
    struct person *pe;
    const char *id = lookup(people, email);
    if (!id || person_find(c, id, &pe) != STATUS_OK) {
        fprintf(stderr, _("alliance: demo: no person %s\n"), email);
        return -1;
    }
    *v = (struct viewer){
        .person_key = pe->key, .person_id = pe->id, .name = pe->name, .admin = true};
    return 0;
}

/* later is the instant hours after iso, in the arena. */
static char *later(struct ctx *c, const char *iso, int hours)
{
    time_t t = 0;
    char out[32];
    clock_parse_iso(iso, &t);
    clock_format_iso(t + (time_t)hours * 3600, out, sizeof out);
    return arena_strdup(c->arena, out);
}

/* step runs enquiry_update as viewer v (the loader's own when NULL). */
static enum status step(struct ctx *c, const struct viewer *v, struct enquiry *e,
                        struct problems *p)
{
    const struct viewer *loader = c->viewer;
    if (v)
        c->viewer = v;
    enum status s = enquiry_update(c, e, p);
    c->viewer = loader;
    return s;
}

static int load_one(struct ctx *c, const struct demo_enquiry *d, demo_lookup lookup,
                    const void *platforms, const void *people)
{
    struct viewer asker = {.admin = true}, answerer;
    if (d->asker_email && person_viewer(c, lookup, people, d->asker_email, &asker) != 0)
        return -1;
    struct enquiry e = {.platform_id = (char *)lookup(platforms, d->platform_key),
                        .question = (char *)d->question,
                        .asker_name = (char *)d->visitor_name,
                        .asker_email = (char *)d->visitor_email};
    struct problems p = {0};
    const struct viewer *loader = c->viewer;
    c->viewer = &asker;
    enum status s = enquiry_create(c, &e, "demo", &p);
    c->viewer = loader;
    if (s != STATUS_OK)
        return report(d, "ask", s, &p);
    if (d->assignee_email) {
        struct viewer assignee;
        if (person_viewer(c, lookup, people, d->assignee_email, &assignee) != 0)
            return -1;
        e.assignee_id = (char *)assignee.person_id;
        e.status = "assigned";
        if ((s = step(c, NULL, &e, &p)) != STATUS_OK)
            return report(d, "assign", s, &p);
    }
    if (d->answerer_email) {
        if (person_viewer(c, lookup, people, d->answerer_email, &answerer) != 0)
            return -1;
        e.answer = (char *)d->answer;
        e.status = "answered";
        if ((s = step(c, &answerer, &e, &p)) != STATUS_OK)
            return report(d, "answer", s, &p);
    }
    e.faq = d->faq;
    if (d->closed)
        e.status = "closed";
    if ((d->faq || d->closed) &&
        (s = step(c, d->answerer_email ? &answerer : NULL, &e, &p)) != STATUS_OK)
        return report(d, "close or publish", s, &p);
    char *assigned =
        d->assignee_email || d->answerer_email
            ? later(c, d->asked_at, d->assignee_email ? d->hours_to_assign : d->hours_to_answer)
            : NULL;
    char *answered = d->answerer_email ? later(c, d->asked_at, d->hours_to_answer) : NULL;
    char *updated = answered ? answered : assigned ? assigned : (char *)d->asked_at;
    if (d->closed)
        updated = later(c, updated, 24);
    s = store_enquiry_backdate(c, e.key, d->asked_at, assigned, answered, updated);
    return s == STATUS_OK ? 0 : report(d, "date", s, &p);
}

int demo_enquiries_load(struct ctx *c, demo_lookup lookup, const void *platforms,
                        const void *people)
{
    for (size_t i = 0; i < demo_enquiry_count; i++)
        if (load_one(c, &demo_enquiries[i], lookup, platforms, people) != 0)
            return -1;
    /* The index dates a FAQ by its answer: date them again. */
    static const struct search_source faqs = {"enquiry", enquiry_reindex_one};
    return search_reindex(c, &faqs, 1) == STATUS_OK ? 0 : -1;
}
