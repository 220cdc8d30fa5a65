/*
 * demo_shares.c — the shares of the demo (see demo_shares.h). Three journeys
 * follow the demo's lessons: spare parts (Bolgatanga's failure and its
 * revolving stock, up to the region and the nation, down to the other
 * regions and districts, across to the Centre-Est of Burkina Faso), open
 * defecation coming back (Tamale to the national ODF protocol, and back down
 * to the Upper East districts, where Bongo applies it), and repair
 * money (Yendi's failure, shared without naming its author); the minutes
 * of the national platform's quarterly meeting, down to the regions and
 * from the Upper East on to its districts, with their responses; and a few
 * across between peers. The people and events are invented; every address
 * is under example.org or this site.
 */
#include "demo_shares.h"

#include "cli/demo_discussions.h"
#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/application.h"
#include "domain/document.h"
#include "domain/entry.h"
#include "domain/event.h"
#include "domain/lesson.h"
#include "domain/person.h"
#include "domain/platform.h"
#include "domain/rights.h"
#include "domain/share.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* The tables keep one record per block, so clang-format is told to leave them alone. */
/* clang-format off */

#define SPARE_IDLE  "Handpumps stood idle for weeks while mechanics waited for spare parts"
#define SPARE_STOCK "A revolving stock of spare parts cut repair times from 26 days to 6"
#define TREASURER   "Repair money lost because the treasurer kept it at home"
#define ODF         "Half of the communities declared ODF in 2022 had slipped back"
#define RAIN        "Rainwater tanks for schools where the groundwater is salty"
#define MUDDY       "Muddy water from mining areas defeated the chlorinators"
#define ELEVEN      "Eleven communities back at the river while pumps wait for parts"
#define WSMT        "WSMTs send their monthly report by phone for the first time"
#define EVENT       "Regional learning event on spare parts supply, Bolgatanga"
#define NATIONAL    "National platform quarterly meeting: repairs and monitoring"

const struct demo_share demo_shares[] = {
    /* Spare parts: a district's failure goes up, and comes back as a rule. */
    {"lesson", SPARE_IDLE, "uer-bolga", "uer", "cynthia.atampugre@example.org",
     "Our failure, written down so that other districts stock parts before their pumps break.",
     false, 150},
    {"entry", ELEVEN, "uer-bolga", "uer", "cynthia.atampugre@example.org",
     "What it looked like in the communities while the pumps waited.", false, 148},
    {"lesson", SPARE_STOCK, "uer-bolga", "uer", "comfort.ayine@example.gov.gh",
     "The revolving stock works: six days to repair instead of twenty-six.", false, 120},
    {"lesson", SPARE_STOCK, "uer", "nat", "grace.adongo@example.gov.gh",
     "It worked in Bolgatanga and now in four more districts. A national rule would help "
     "every region.", false, 100},
    {"lesson", SPARE_STOCK, "uer", "bf-centre-est", "francis.akolgo@example.org",
     "Vos artisans achètent déjà leurs pièces à Bolgatanga : voici comment notre stock "
     "tournant fonctionne.", false, 95},
    {"document", EVENT, "uer", "bf-centre-est", "patience.atanga@example.org",
     "Le compte rendu de notre journée d'apprentissage, pour votre prochaine réunion.",
     true, 94},
    {"lesson", SPARE_STOCK, "nat", "children", "esi.quansah@example.org",
     "Now part of the national operation and maintenance guidelines: please take it to your "
     "districts.", false, 45},
    {"lesson", SPARE_STOCK, "ner", "children", "mariama.iddrisu@example.org",
     "Discussed at our quarterly meeting: each district, please say how it could work for you.",
     false, 20},
    {"document", EVENT, "uer", "children", "patience.atanga@example.org",
     "The minutes of the learning event, for the districts that could not come.", false, 25},

    /* Open defecation coming back: from Tamale to the national protocol. */
    {"lesson", ODF, "ner-tamale", "ner", "sumaila.yahaya@example.edu.gh",
     "Declared is not the same as sustained: please look at our follow-up visits.", false, 200},
    {"lesson", ODF, "ner", "nat", "mariama.iddrisu@example.org",
     "Tamale's follow-up visits show that the ODF protocol stops too early.", false, 180},
    {"lesson", ODF, "nat", "children", "nii.tetteh@example.gov.gh",
     "The national protocol now asks for follow-up visits: please check your districts.",
     false, 90},
    {"lesson", ODF, "uer", "children", "grace.adongo@example.gov.gh",
     "Please plan follow-up visits one and two years after each ODF declaration.", false, 70},

    /* Repair money: shared without naming who kept the cash at home. */
    {"lesson", TREASURER, "ner-yendi", "ner", "ibrahim.karim@example.gov.gh",
     "We share it so that others bank their repair money. Please keep names out of it.",
     true, 80},
    {"lesson", TREASURER, "ner", "nat", "abdulai.fuseini@example.gov.gh",
     "A failure worth knowing nationally: savings groups need a bank, not a tin box.",
     true, 60},

    /* The minutes of the national meeting: down to the regions, and from the
     * Upper East on to its districts. */
    {"event", NATIONAL, "nat", "children", "esi.quansah@example.org",
     "The minutes of our April meeting: the Ministry asks whether your repair logs could feed "
     "the national monitoring. Please discuss them at your next platform meeting.",
     false, 200},
    {"event", NATIONAL, "uer", "children", "grace.adongo@example.gov.gh",
     "The national platform wants to know how long repairs take in each district: please read "
     "the minutes and bring your repair log to the regional meeting.", false, 190},

    /* Across, between peers. */
    {"lesson", RAIN, "vor-keta", "uer-bolga", "selorm.dotse@example.org",
     "Our schools have salty groundwater; yours may have other reasons to harvest rain.",
     false, 50},
    {"lesson", MUDDY, "ash-konongo", "uer-bongo", "michael.tawiah@example.org",
     "You fight fluoride, we fight mining silt: how do you keep treatment going?", false, 44},
    {"entry", WSMT, "uer-navrongo", "vor-ho", "albert.abaane@example.edu.gh",
     "Our WSMTs report by phone now; you asked how we started.", false, 10},
};

const size_t demo_share_count = sizeof demo_shares / sizeof demo_shares[0];

const struct demo_share_response demo_share_responses[] = {
    {SPARE_IDLE, "uer", "grace.adongo@example.gov.gh", "adopted", 20,
     "The region set up spare-parts stores in four more districts.",
     "lesson:Taking the Bolgatanga spare-parts store to four more districts"},
    {ELEVEN, "uer", "patience.atanga@example.org", "acknowledged", 2, "", ""},
    {SPARE_STOCK, "uer", "patience.atanga@example.org", "acknowledged", 3, "", ""},
    {SPARE_STOCK, "nat", "esi.quansah@example.org", "adopted", 40,
     "Written into the national operation and maintenance guidelines.",
     "lesson:Spare-parts supply written into the national operation and maintenance"},
    {SPARE_STOCK, "bf-centre-est", "dieudonne.zida@example.org", "adopted", 30,
     "Nos artisans gardent désormais un stock tournant, sur le modèle de Bolgatanga.",
     "lesson:Les artisans réparateurs s'approvisionnent en pièces à Bolgatanga"},
    {EVENT, "bf-centre-est", "edwige.sorgho@example.gov.bf", "acknowledged", 5, "", ""},
    {SPARE_STOCK, "ner", "mariama.iddrisu@example.org", "discussed", 7,
     "Discussed at the quarterly meeting in Tamale; passed on to the districts.",
     "https://example.org/northern-wash-platform/quarterly-meeting-minutes"},
    {SPARE_STOCK, "ash", "yaa.konadu@example.gov.gh", "acknowledged", 4, "", ""},
    /* vor has not answered: flagged. */
    {SPARE_STOCK, "ner-savelugu", "abdul-mumin.iddi@example.gov.gh", "acknowledged", 2, "", ""},
    {EVENT, "uer-bongo", "agnes.atule@example.gov.gh", "discussed", 12,
     "Read out at the Bongo platform meeting, with the area mechanics present.",
     "document:Regional learning event on spare parts supply, Bolgatanga"},
    {ODF, "ner", "rashid.wumbei@example.org", "acknowledged", 5, "", ""},
    {ODF, "nat", "nii.tetteh@example.gov.gh", "adopted", 60,
     "The protocol now asks for follow-up visits one and two years after the declaration.",
     "lesson:The national ODF protocol now checks whether latrines last"},
    {ODF, "uer", "grace.adongo@example.gov.gh", "discussed", 14,
     "Discussed at the regional platform: the districts will plan the follow-up visits.",
     "https://example.org/upper-east-platform/odf-follow-up-minutes"},
    {ODF, "uer-bongo", "agnes.atule@example.gov.gh", "adopted", 20,
     "Bongo's environmental health officers now revisit every ODF community after a year.",
     "https://example.org/bongo-district/odf-follow-up-plan"},
    {TREASURER, "ner", "mariama.iddrisu@example.org", "discussed", 10,
     "Discussed with the savings groups of the region: every group now opens an account.",
     "https://example.org/northern-wash-platform/savings-groups-meeting"},
    {TREASURER, "nat", "esi.quansah@example.org", "acknowledged", 6, "", ""},
    {RAIN, "uer-bolga", "comfort.ayine@example.gov.gh", "not_relevant", 9,
     "Groundwater in Bolgatanga is fresh; our schools' problem is the distance to the water "
     "point, not salt.", ""},
    {NATIONAL, "uer", "grace.adongo@example.gov.gh", "discussed", 6,
     "Read at the regional platform: the districts will bring their repair logs.",
     "https://example.org/upper-east-platform/repair-logs-minutes"},
    {NATIONAL, "ner", "mariama.iddrisu@example.org", "acknowledged", 9, "", ""},
    {NATIONAL, "uer-bongo", "agnes.atule@example.gov.gh", "adopted", 15,
     "Bongo now records the days to repair of every handpump in its monthly log.",
     "https://example.org/bongo-district/repair-log"},
    {NATIONAL, "uer-bolga", "comfort.ayine@example.gov.gh", "acknowledged", 4, "", ""},
    /* Konongo's share to Bongo waits, flagged; Navrongo's to Ho waits too. */
};

const size_t demo_share_response_count =
    sizeof demo_share_responses / sizeof demo_share_responses[0];

/* Where the lessons were applied: what each journey led to (recorded on
 * the platforms that hold them, with the rights checked as for responses). */
const struct demo_application demo_applications[] = {
    {SPARE_STOCK, "uer-bolga", "comfort.ayine@example.gov.gh", "practice",
     "The district assembly keeps a revolving stock of spare parts with the area mechanics.",
     "Bolgatanga Municipal Assembly and the area mechanics",
     "https://example.org/bolgatanga-assembly/spare-parts-stock", 118},
    {SPARE_IDLE, "uer", "grace.adongo@example.gov.gh", "decision",
     "The regional platform decided to open spare-parts stores in four more districts.",
     "Upper East Regional Coordinating Council",
     "lesson:Taking the Bolgatanga spare-parts store to four more districts", 125},
    {SPARE_STOCK, "nat", "esi.quansah@example.org", "guideline",
     "The national operation and maintenance guidelines ask every district to keep a "
     "revolving stock of spare parts.", "Community Water and Sanitation Agency",
     "lesson:Spare-parts supply written into the national operation and maintenance", 55},
    {SPARE_STOCK, "bf-centre-est", "dieudonne.zida@example.org", "practice",
     "Les artisans réparateurs gardent un stock tournant de pièces, sur le modèle de "
     "Bolgatanga.", "Les artisans réparateurs du Centre-Est",
     "lesson:Les artisans réparateurs s'approvisionnent en pièces à Bolgatanga", 60},
    {SPARE_STOCK, "ner-savelugu", "abdul-mumin.iddi@example.gov.gh", "practice",
     "The district assembly now keeps a stock of pump parts with its area mechanic.",
     "Savelugu Municipal Assembly", "https://example.org/savelugu-assembly/spare-parts", 8},
    {ODF, "nat", "nii.tetteh@example.gov.gh", "policy",
     "The national ODF protocol asks for follow-up visits one and two years after a "
     "community is declared open defecation free.", "Ministry of Sanitation and Water Resources",
     "lesson:The national ODF protocol now checks whether latrines last", 110},
    {ODF, "uer-bongo", "agnes.atule@example.gov.gh", "practice",
     "Environmental health officers revisit every ODF community one year after the "
     "declaration.", "Bongo District Assembly",
     "https://example.org/bongo-district/odf-follow-up-plan", 40},
    {TREASURER, "ner", "mariama.iddrisu@example.org", "practice",
     "Every savings group of the region opens a bank account for its repair money.",
     "The savings groups of the Northern Region",
     "https://example.org/northern-wash-platform/savings-groups-meeting", 50},
};

const size_t demo_application_count = sizeof demo_applications / sizeof demo_applications[0];

/* clang-format on */

const char *demo_item_id(struct ctx *c, const char *kind, const char *title)
{
    struct listing l;
    listing_default(&l);
    l.limit = 20;
    l.query = title;
    const char *id = NULL;
    if (str_eq(kind, "lesson")) {
        struct lesson_filter f = {.depth = -1};
        struct lesson_list list;
        if (lesson_list(c, &f, &l, &list) == STATUS_OK)
            for (int i = 0; i < list.count && !id; i++)
                if (str_starts_with(list.items[i].title, title))
                    id = list.items[i].id;
    } else if (str_eq(kind, "entry")) {
        struct entry_filter f = {0};
        struct entry_list list;
        if (entry_list(c, &f, &l, &list) == STATUS_OK)
            for (int i = 0; i < list.count && !id; i++)
                if (str_starts_with(list.items[i].title, title))
                    id = list.items[i].id;
    } else if (str_eq(kind, "event")) {
        struct event_filter f = {0};
        struct event_list list;
        if (event_list(c, &f, &l, &list) == STATUS_OK)
            for (int i = 0; i < list.count && !id; i++)
                if (str_starts_with(list.items[i].title, title))
                    id = list.items[i].id;
    } else {
        struct document_filter f = {0};
        struct document_list list;
        if (document_list(c, &f, &l, &list) == STATUS_OK)
            for (int i = 0; i < list.count && !id; i++)
                if (str_starts_with(list.items[i].title, title))
                    id = list.items[i].id;
    }
    return id;
}

/* item_find finds a demo item by its kind and the start of its title. */
static enum status item_find(struct ctx *c, const char *kind, const char *title,
                             struct share_item *out)
{
    const char *id = demo_item_id(c, kind, title);
    return id ? share_item_find(c, kind, id, out) : STATUS_NOT_FOUND;
}

/* person_on makes the viewer of a demo person who holds right on the
 * platform: their own name and person, with the operator's standing once
 * the role is checked here (so that a share may reach a peer in another,
 * members-only alliance, as the administrator who linked them could). */
static int person_on(struct ctx *c, demo_lookup lookup, const void *people, const char *email,
                     int64_t platform_key, enum right right, struct viewer *v)
{
    struct person *pe;
    const char *id = lookup(people, email);
    if (!id || person_find(c, id, &pe) != STATUS_OK) {
        fprintf(stderr, _("alliance: demo: no person %s\n"), email);
        return -1;
    }
    if (!rights_role_has(store_role_on_platform(c, platform_key, pe->key), right)) {
        fprintf(stderr, _("alliance: demo: %s may not share or respond there\n"), email);
        return -1;
    }
    *v = (struct viewer){
        .person_key = pe->key, .person_id = pe->id, .name = pe->name, .admin = true};
    return 0;
}

/* days_from is the instant days after since (now when NULL; days may be
 * negative), in the arena. */
static char *days_from(struct ctx *c, const char *since, int days)
{
    time_t t = time(NULL);
    if (since)
        clock_parse_iso(since, &t);
    char out[32];
    clock_format_iso(t + (time_t)days * 86400, out, sizeof out);
    return arena_strdup(c->arena, out);
}

static int platform_key_of(struct ctx *c, demo_lookup lookup, const void *platforms,
                           const char *key, int64_t *out)
{
    const char *id = lookup(platforms, key);
    *out = id ? store_platform_key(c, id) : 0;
    if (!*out)
        fprintf(stderr, _("alliance: demo: no platform %s\n"), key);
    return *out ? 0 : -1;
}

static int share_one(struct ctx *c, const struct demo_share *d, demo_lookup lookup,
                     const void *platforms, const void *people, size_t *made_count)
{
    struct share_item item;
    enum status s = item_find(c, d->kind, d->title, &item);
    if (s != STATUS_OK)
        return demo_fail("find", d->title, s, NULL);
    int64_t from_key;
    struct viewer sharer;
    if (platform_key_of(c, lookup, platforms, d->from_key, &from_key) != 0 ||
        person_on(c, lookup, people, d->sharer_email, from_key, RIGHT_SHARE_ITEMS, &sharer) != 0)
        return -1;
    bool children = str_eq(d->to_key, "children");
    const char *to = children ? NULL : lookup(platforms, d->to_key);
    struct share_request req = {.kind = d->kind,
                                .item_id = item.id,
                                .from_id = lookup(platforms, d->from_key),
                                .to_ids = &to,
                                .to_count = children ? 0 : 1,
                                .to_children = children,
                                .message = d->message,
                                .attributed = d->anonymous ? 0 : -1};
    struct problems p = {0};
    struct share_list made;
    const struct viewer *loader = c->viewer;
    c->viewer = &sharer;
    s = share_create(c, &req, &made, &p);
    c->viewer = loader;
    if (s != STATUS_OK)
        return demo_fail("share", d->title, s, &p);
    *made_count += (size_t)made.count;
    char *when = days_from(c, NULL, -d->days_ago);
    for (int i = 0; i < made.count; i++)
        if ((s = store_share_backdate(c, made.items[i].key, when, NULL)) != STATUS_OK)
            return demo_fail("date the share of", d->title, s, NULL);
    return 0;
}

/* link_of turns "lesson:Title" or "document:Title" into the item's page. */
static const char *link_of(struct ctx *c, const char *link)
{
    const char *colon = strchr(link, ':');
    if (str_starts_with(link, "http") || !colon)
        return link;
    char *kind = arena_strndup(c->arena, link, (size_t)(colon - link));
    struct share_item item;
    if (item_find(c, kind, colon + 1, &item) != STATUS_OK)
        return NULL;
    return arena_printf(c->arena, "%s%s", share_item_path(kind), item.id);
}

static int respond_one(struct ctx *c, const struct demo_share_response *d, demo_lookup lookup,
                       const void *platforms, const void *people)
{
    struct share_item item;
    int64_t to_key;
    enum status s = item_find(c, "lesson", d->title, &item);
    if (s != STATUS_OK)
        s = item_find(c, "entry", d->title, &item);
    if (s != STATUS_OK)
        s = item_find(c, "document", d->title, &item);
    if (s != STATUS_OK)
        s = item_find(c, "event", d->title, &item);
    if (s != STATUS_OK)
        return demo_fail("find", d->title, s, NULL);
    struct viewer responder;
    if (platform_key_of(c, lookup, platforms, d->to_key, &to_key) != 0 ||
        person_on(c, lookup, people, d->responder_email, to_key, RIGHT_RESPOND_SHARES,
                  &responder) != 0)
        return -1;
    struct listing l;
    listing_default(&l);
    struct share_filter f = {
        .to_key = to_key, .kind = item.kind, .item_key = item.key, .state = "waiting"};
    struct share_list list;
    s = share_list(c, &f, &l, &list);
    if (s != STATUS_OK || list.count == 0)
        return demo_fail("find the share of", d->title, s == STATUS_OK ? STATUS_NOT_FOUND : s,
                         NULL);
    struct share *sh = &list.items[0];
    sh->response = (char *)d->response;
    sh->response_note = (char *)d->note;
    sh->response_link = (char *)link_of(c, d->link);
    if (!sh->response_link)
        return demo_fail("find the link of", d->title, STATUS_NOT_FOUND, NULL);
    struct problems p = {0};
    const struct viewer *loader = c->viewer;
    c->viewer = &responder;
    s = share_respond(c, sh, &p);
    c->viewer = loader;
    if (s != STATUS_OK)
        return demo_fail("respond to", d->title, s, &p);
    s = store_share_backdate(c, sh->key, sh->shared_at, days_from(c, sh->shared_at, d->days_after));
    return s == STATUS_OK ? 0 : demo_fail("date the response to", d->title, s, NULL);
}

static int apply_one(struct ctx *c, const struct demo_application *d, demo_lookup lookup,
                     const void *platforms, const void *people)
{
    struct share_item item;
    int64_t at_key;
    enum status s = item_find(c, "lesson", d->title, &item);
    if (s != STATUS_OK)
        return demo_fail("find", d->title, s, NULL);
    struct viewer recorder;
    if (platform_key_of(c, lookup, platforms, d->platform_key, &at_key) != 0 ||
        person_on(c, lookup, people, d->recorder_email, at_key, RIGHT_RESPOND_SHARES, &recorder) !=
            0)
        return -1;
    char *on = days_from(c, NULL, -d->days_ago);
    on[10] = '\0';
    struct application a = {.kind = (char *)d->kind,
                            .description = (char *)d->description,
                            .applied_on = on,
                            .applied_by = (char *)d->applied_by,
                            .link = (char *)link_of(c, d->link)};
    if (!a.link)
        return demo_fail("find the link of", d->title, STATUS_NOT_FOUND, NULL);
    struct problems p = {0};
    struct application *made;
    const struct viewer *loader = c->viewer;
    c->viewer = &recorder;
    s = application_create(c, item.id, lookup(platforms, d->platform_key), &a, &made, &p);
    c->viewer = loader;
    return s == STATUS_OK ? 0 : demo_fail("record the application of", d->title, s, &p);
}

int demo_shares_load(struct ctx *c, demo_lookup lookup, const void *platforms, const void *people,
                     size_t *made)
{
    *made = 0;
    for (size_t i = 0; i < demo_share_count; i++)
        if (share_one(c, &demo_shares[i], lookup, platforms, people, made) != 0)
            return -1;
    for (size_t i = 0; i < demo_share_response_count; i++)
        if (respond_one(c, &demo_share_responses[i], lookup, platforms, people) != 0)
            return -1;
    for (size_t i = 0; i < demo_application_count; i++)
        if (apply_one(c, &demo_applications[i], lookup, platforms, people) != 0)
            return -1;
    return 0;
}
