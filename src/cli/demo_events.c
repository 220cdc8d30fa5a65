/*
 * demo_events.c — the events of the demo (see demo_events.h): sixteen
 * events from December 2025 to January 2027 on the Upper East regional
 * platform and its districts, the national platform and a Burkina Faso
 * region — quarterly meetings, a joint regional and district workshop, a
 * joint national and regional dialogue, a field visit, an exchange visit, a
 * training for documenters and one in French, an online review held in Oslo
 * time — with who attended and who spoke, minutes, decisions and action
 * items: some done, some still open after their due date, some followed up
 * at a later meeting. The last two are still to come. The people are those
 * of the demo, or invented names; every place is real.
 */
#include "demo_events.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/event.h"
#include "domain/person.h"
#include "domain/platform.h"
#include "domain/rights.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>

/* The table keeps one record per block, so clang-format is told to leave it alone. */
/* clang-format off */

const struct demo_event demo_events[] = {
    /* 0 */
    {
        "uer", "francis.akolgo@example.org", "meeting",
        "Quarterly meeting of the Upper East platform: repair times",
        "2025-12-09T09:00", "2025-12-09T13:00", "Africa/Accra",
        "Regional Coordinating Council, conference room, Bolgatanga", "Francis Akolgo",
        "public", "published",
        "1. Welcome and the minutes of September\n"
        "2. Repair times of handpumps in the three districts\n"
        "3. A common log of breakdowns and repairs\n"
        "4. Any other business",
        "The convenor opened the meeting at 09:20 and welcomed two guests from the women's "
        "groups of Zuarungu.\n\n"
        "**Repair times.** Bolgatanga reported a median of 26 days from breakdown to repair, "
        "Bongo about three weeks, Navrongo did not know. Members agreed that nobody can improve "
        "what nobody measures.\n\n"
        "**A common log.** The documenter showed the log Bolgatanga keeps on paper. Members "
        "asked for one form for the whole region, on paper and on a phone.\n\n"
        "The meeting closed at 13:05.",
        "grace.adongo@example.gov.gh | convenor | spoke\n"
        "francis.akolgo@example.org | facilitator | spoke\n"
        "patience.atanga@example.org | note-taker |\n"
        "thomas.ayamga@example.edu.gh | | spoke\n"
        "comfort.ayine@example.gov.gh | | spoke\n"
        "moses.asaah@example.net | | spoke\n"
        "mercy.apuri@example.org | |\n"
        "daniel.abagre@example.com | |\n"
        "bernard.akanbe@example.gov.gh | |\n"
        "=Akolpoka Ayine | Zuarungu women's group | guest | spoke | female | women's group\n"
        "=Atinga Aberinga | Zuarungu women's group | guest | | female | women's group",
        "The three districts keep one log of breakdowns and repairs from January 2026.\n"
        "The platform reports the median days to repair at every quarterly meeting.",
        "Circulate one repair-log form to the three districts | patience.atanga@example.org | 2026-01-15 | done | 3\n"
        "Ask the Regional Coordinating Council for a budget line for spare-parts stocks | grace.adongo@example.gov.gh | 2026-03-31 | open | 3\n"
        "Count the handpumps waiting for repair in Navrongo | bernard.akanbe@example.gov.gh | 2026-02-28 | done | 1",
    },
    /* 1 */
    {
        "uer-navrongo", "bernard.akanbe@example.gov.gh", "meeting",
        "Navrongo platform meeting: checking water points by phone",
        "2026-01-20T10:00", "2026-01-20T12:30", "Africa/Accra",
        "Kassena-Nankana Municipal Assembly hall, Navrongo", "Augustine Awuni",
        "alliance", "published",
        "1. Handpumps waiting for repair\n2. The phone reporting pilot\n3. Roles",
        "Twelve handpumps of the municipality were waiting for repair on 15 January, four of "
        "them for more than a month.\n\n"
        "Gurune Community Radio offered to read out every month which water points work. The "
        "platform agreed to try reports by text message from twelve communities.",
        "bernard.akanbe@example.gov.gh | convenor | spoke\n"
        "augustine.awuni@example.org | facilitator | spoke\n"
        "albert.abaane@example.edu.gh | documenter |\n"
        "juliana.ayeebo@example.net | | spoke\n"
        "esther.apiung@example.gov.gh | |\n"
        "veronica.adiali@example.org | | spoke\n"
        "gabriel.akanlu@example.org | |\n"
        "=Akanpabadai Asobayire | Paga water and sanitation committee | | spoke | male |",
        "Twelve communities report the state of their water point by text message every month from February.",
        "Collect the first month of phone reports from the twelve communities | juliana.ayeebo@example.net | 2026-02-28 | done | 7\n"
        "Write up the phone reporting pilot for the platform's journal | juliana.ayeebo@example.net | 2026-06-30 | open | -\n"
        "Agree airtime for the reporting volunteers with the assembly | bernard.akanbe@example.gov.gh | 2026-03-15 | dropped | -",
    },
    /* 2 */
    {
        "uer,uer-bolga", "francis.akolgo@example.org", "workshop",
        "Joint workshop: a revolving fund for spare parts",
        "2026-02-17T09:00", "2026-02-18T16:00", "Africa/Accra",
        "Catholic Social Centre, Bolgatanga", "Francis Akolgo",
        "public", "published",
        "Day 1: what the repair log says; how a revolving fund works; visit to the mechanics.\n\n"
        "Day 2: who holds the stock, who checks it; prices; a plan for Bolgatanga.",
        "The regional platform and the Bolgatanga platform met for two days with the six area "
        "mechanics.\n\n"
        "The mechanics named the ten parts that break most. The municipal assembly offered "
        "GH₵ 18,000 from its Common Fund allocation as the first stock, to be repaid by the "
        "water and sanitation management teams within 60 days.",
        "comfort.ayine@example.gov.gh | convenor, Bolgatanga | spoke\n"
        "francis.akolgo@example.org | facilitator | spoke\n"
        "cynthia.atampugre@example.org | documenter |\n"
        "grace.adongo@example.gov.gh | | spoke\n"
        "patience.atanga@example.org | |\n"
        "peter.atinga@example.gov.gh | | spoke\n"
        "vida.abugre@example.org | | spoke\n"
        "samuel.ayaaba@example.org | |\n"
        "rita.akurugu@example.org | |\n"
        "moses.asaah@example.net | | spoke\n"
        "=Ayamdoo Apuri | Bolgatanga Area Mechanics Cooperative | mechanic | spoke | male |\n"
        "=Atanga Nsoh | Bolgatanga Area Mechanics Cooperative | mechanic | | male |\n"
        "=Adongo Akolbire | Sumbrungu water committee | | spoke | female | rural poor",
        "Bolgatanga starts a revolving stock of the ten fast-moving Afridev parts, kept by the mechanics' cooperative.\n"
        "Prices of the parts are posted at the store and announced on the radio.",
        "Open the store at the market with the first stock | comfort.ayine@example.gov.gh | 2026-04-10 | done | 4\n"
        "Announce the price list on community radio | cynthia.atampugre@example.org | 2026-03-31 | done | -",
    },
    /* 3 */
    {
        "uer", "francis.akolgo@example.org", "meeting",
        "Quarterly meeting of the Upper East platform: first figures of the repair log",
        "2026-03-10T09:00", "2026-03-10T13:00", "Africa/Accra",
        "Regional Coordinating Council, conference room, Bolgatanga", "Francis Akolgo",
        "public", "published",
        "1. The repair log: first two months\n2. The revolving fund in Bolgatanga\n3. Budget",
        "All three districts now send the log. In January and February 37 handpumps broke "
        "down; the median time to repair was 19 days.\n\n"
        "The request to the Regional Coordinating Council for a budget line is not yet sent.",
        "grace.adongo@example.gov.gh | convenor | spoke\n"
        "francis.akolgo@example.org | facilitator | spoke\n"
        "patience.atanga@example.org | documenter |\n"
        "thomas.ayamga@example.edu.gh | | spoke\n"
        "felicia.azure@example.gov.gh | |\n"
        "joseph.anafo@example.gov.gh | | spoke\n"
        "comfort.ayine@example.gov.gh | | spoke\n"
        "robert.azongo@example.gov.gh | |\n"
        "moses.asaah@example.net | |\n"
        "=Akolpoka Ayine | Zuarungu women's group | guest | | female | women's group",
        "The repair log is kept in all three districts and read at every quarterly meeting.",
        "Share the first figures of the repair log with the national platform | patience.atanga@example.org | 2026-04-30 | done | 5\n"
        "Analyse the repair log by district and by kind of part | thomas.ayamga@example.edu.gh | 2026-05-31 | open | 8",
    },
    /* 4 */
    {
        "uer-bolga", "comfort.ayine@example.gov.gh", "field_visit",
        "Field visit to the spare-parts store at Bolgatanga market",
        "2026-04-14T08:30", "2026-04-14T12:00", "Africa/Accra",
        "Bolgatanga central market", "Cynthia Atampugre",
        "alliance", "published",
        "Visit the store; count the stock with the mechanics; talk to two water committees.",
        "The store opened on 7 April with 1,240 parts. The visitors counted the stock with the "
        "mechanics: every part was there. Two water committees had bought U-seals the same "
        "week at the posted price.",
        "comfort.ayine@example.gov.gh | convenor | spoke\n"
        "cynthia.atampugre@example.org | documenter | spoke\n"
        "peter.atinga@example.gov.gh | |\n"
        "rita.akurugu@example.org | | spoke\n"
        "=Ayamdoo Apuri | Bolgatanga Area Mechanics Cooperative | storekeeper | spoke | male |",
        "The stock is counted every quarter by the District Water and Sanitation Team.",
        "Count the stock again with the District Water and Sanitation Team | peter.atinga@example.gov.gh | 2026-07-15 | done | -",
    },
    /* 5 */
    {
        "nat", "esi.quansah@example.org", "meeting",
        "National platform quarterly meeting: repairs and monitoring",
        "2026-04-28T10:00", "2026-04-28T15:00", "Africa/Accra",
        "Ministry of Sanitation and Water Resources, Accra", "Esi Quansah",
        "public", "published",
        "1. Repair times in the Upper East\n2. Phone monitoring in Navrongo\n3. The 2026 sector review",
        "The Upper East platform presented its repair log. The Ministry asked whether the log "
        "could become part of the national monitoring of rural water.\n\n"
        "The Community Water and Sanitation Agency will bring a proposal to the next meeting.",
        "nii.tetteh@example.gov.gh | convenor | spoke\n"
        "esi.quansah@example.org | facilitator | spoke\n"
        "ekow.mensah-bonsu@example.org | documenter |\n"
        "akua.bonsu@example.gov.gh | | spoke\n"
        "gifty.asamoah@example.gov.gh | |\n"
        "yaw.boakye@example.gov.gh | | spoke\n"
        "kojo.ampofo@example.gov.gh | |\n"
        "emmanuel.adjei@example.org | | spoke\n"
        "joyce.appiah@example.org | | spoke\n"
        "grace.adongo@example.gov.gh | Upper East platform | spoke\n"
        "afua.boateng@example.edu.gh | |",
        "The national platform studies adding days-to-repair to the national rural water monitoring.",
        "Draft a proposal for days-to-repair in national monitoring | yaw.boakye@example.gov.gh | 2026-07-31 | open | 11",
    },
    /* 6 */
    {
        "nat", "ekow.mensah-bonsu@example.org", "training",
        "Training of platform documenters in process documentation",
        "2026-05-19T09:00", "2026-05-21T16:00", "Africa/Accra",
        "Erata Hotel, Accra", "Ekow Mensah-Bonsu",
        "public", "published",
        "Three days: the journal, stories of change, lessons from failure, photos and consent.",
        "Twelve documenters from national, regional and district platforms wrote their first "
        "story of change and reviewed each other's.",
        "ekow.mensah-bonsu@example.org | trainer | spoke\n"
        "esi.quansah@example.org | | spoke\n"
        "patience.atanga@example.org | | spoke\n"
        "cynthia.atampugre@example.org | |\n"
        "albert.abaane@example.edu.gh | | spoke\n"
        "agnes.atule@example.gov.gh | |\n"
        "rashid.wumbei@example.org | | spoke\n"
        "sumaila.yahaya@example.edu.gh | |\n"
        "theresa.addo@example.net | |",
        "Every platform names a documenter and keeps its journal up to date.",
        "Send each documenter the templates and the photo consent form | ekow.mensah-bonsu@example.org | 2026-05-29 | done | -",
    },
    /* 7 */
    {
        "uer-navrongo", "bernard.akanbe@example.gov.gh", "exchange_visit",
        "Exchange visit: Ho district learns about phone reporting in Navrongo",
        "2026-06-03T09:00", "2026-06-04T13:00", "Africa/Accra",
        "Navrongo and Paga", "Augustine Awuni",
        "public", "published",
        "Day 1: the phone reports and who reads them. Day 2: visit to two reporting communities.",
        "Four members of the Ho platform came to see how the twelve communities report. In "
        "four months 91% of the monthly reports arrived; the radio read them every month.",
        "bernard.akanbe@example.gov.gh | host | spoke\n"
        "augustine.awuni@example.org | facilitator | spoke\n"
        "juliana.ayeebo@example.net | | spoke\n"
        "veronica.adiali@example.org | |\n"
        "=Selorm Agbeko | Ho Municipal Assembly | visitor | spoke | female |\n"
        "=Kafui Dzidzornu | Ho Municipal Assembly | visitor | | male |\n"
        "=Edem Kpodo | Volta Regional WASH Platform | visitor | spoke | male | persons with disabilities",
        "The phone reports continue for a second year in the same twelve communities.",
        "Send the reporting form and the radio script to Ho | juliana.ayeebo@example.net | 2026-06-19 | done | -\n"
        "Ask two more communities to report by phone | augustine.awuni@example.org | 2026-09-30 | open | -",
    },
    /* 8 */
    {
        "uer", "francis.akolgo@example.org", "meeting",
        "Quarterly meeting of the Upper East platform: what the repair log tells us",
        "2026-06-16T09:00", "2026-06-16T13:00", "Africa/Accra",
        "Regional Coordinating Council, conference room, Bolgatanga", "Francis Akolgo",
        "public", "published",
        "1. Repair times by district\n2. Inclusion at our meetings\n3. Budget request",
        "The analysis of the log shows that seals and bobbins make up two thirds of the parts "
        "waited for. Members noted that few women and nobody from the disability "
        "organisations spoke at the last two meetings.",
        "grace.adongo@example.gov.gh | convenor | spoke\n"
        "francis.akolgo@example.org | facilitator | spoke\n"
        "patience.atanga@example.org | documenter | spoke\n"
        "thomas.ayamga@example.edu.gh | | spoke\n"
        "mercy.apuri@example.org | | spoke\n"
        "moses.asaah@example.net | | spoke\n"
        "augustine.awuni@example.org | |\n"
        "comfort.ayine@example.gov.gh | |\n"
        "=Akolpoka Ayine | Zuarungu women's group | guest | spoke | female | women's group\n"
        "=Azure Akanko | Bongo disability association | guest | spoke | male | persons with disabilities",
        "Each quarterly meeting gives the floor first to the community guests.\n"
        "The region asks each district for a spare-parts stock like Bolgatanga's.",
        "Invite the women's groups and the disability associations of each district | patience.atanga@example.org | 2026-08-31 | open | -\n"
        "Send the budget request for spare-parts stocks to the Regional Coordinating Council | grace.adongo@example.gov.gh | 2026-07-31 | open | -",
    },
    /* 9 */
    {
        "uer-bongo", "isaac.awine@example.org", "meeting",
        "Bongo platform meeting: menstrual hygiene in schools",
        "2026-07-08T10:00", "2026-07-08T12:00", "Africa/Accra",
        "Bongo District Assembly", "Isaac Awine",
        "platform", "published",
        "1. What the girls said in the school survey\n2. Who does what",
        "Head teachers reported that girls miss two to three days of school a month. The "
        "platform discussed frankly why the first pads project failed: the pads ran out after "
        "a term and nobody had planned who would buy more.",
        "robert.azongo@example.gov.gh | convenor | spoke\n"
        "isaac.awine@example.org | facilitator | spoke\n"
        "agnes.atule@example.gov.gh | documenter |\n"
        "janet.ayamba@example.org | | spoke\n"
        "lydia.asakiya@example.gov.gh | | spoke\n"
        "simon.apana@example.org | |",
        "Each school keeps a small stock of pads paid from its capitation grant.",
        "Ask the district education office to allow pads from the capitation grant | robert.azongo@example.gov.gh | 2026-08-15 | open | -",
    },
    /* 10 */
    {
        "bf-centre-est", "dieudonne.zida@example.org", "training",
        "Formation des artisans réparateurs de Tenkodogo",
        "2026-08-25T08:00", "2026-08-27T17:00", "Africa/Ouagadougou",
        "Centre de formation professionnelle, Tenkodogo", "Dieudonné Zida",
        "alliance", "published",
        "Trois jours : diagnostic des pompes à motricité humaine, pièces de rechange, tenue du carnet d'entretien.",
        "Quatorze artisans ont été formés. La plateforme d'Upper East a présenté son fonds "
        "renouvelable de pièces de rechange.",
        "dieudonne.zida@example.org | formateur | spoke\n"
        "safiatou.ouattara@example.gov.bf | | spoke\n"
        "edwige.sorgho@example.gov.bf | |\n"
        "=Issouf Kaboré | Artisans de Tenkodogo | artisan | spoke | male |\n"
        "=Aminata Sawadogo | Artisans de Tenkodogo | artisane | spoke | female | women's group",
        "Chaque commune tient un carnet d'entretien par pompe.",
        "Diffuser le carnet d'entretien aux communes | edwige.sorgho@example.gov.bf | 2026-09-30 | done | -",
    },
    /* 11 */
    {
        "uer,nat", "grace.adongo@example.gov.gh", "workshop",
        "National and regional dialogue on repair times",
        "2026-09-08T09:00", "2026-09-08T15:00", "Africa/Accra",
        "Regional Coordinating Council, Bolgatanga", "Esi Quansah",
        "public", "published",
        "1. The Upper East repair log, nine months on\n2. The national proposal\n3. Next steps",
        "The national platform came to Bolgatanga. The Community Water and Sanitation Agency "
        "presented its draft: districts would report days-to-repair every quarter.",
        "grace.adongo@example.gov.gh | convenor | spoke\n"
        "esi.quansah@example.org | facilitator | spoke\n"
        "nii.tetteh@example.gov.gh | | spoke\n"
        "yaw.boakye@example.gov.gh | | spoke\n"
        "patience.atanga@example.org | documenter |\n"
        "thomas.ayamga@example.edu.gh | | spoke\n"
        "comfort.ayine@example.gov.gh | |\n"
        "moses.asaah@example.net | | spoke\n"
        "=Akolpoka Ayine | Zuarungu women's group | guest | spoke | female | women's group",
        "Days-to-repair is proposed for the national monitoring of rural water from 2027.",
        "Put days-to-repair in the draft national monitoring guidelines | yaw.boakye@example.gov.gh | 2026-12-15 | open | -",
    },
    /* 12 */
    {
        "uer", "patience.atanga@example.org", "meeting",
        "Quarterly meeting of the Upper East platform: September",
        "2026-09-22T09:00", "2026-09-22T13:00", "Africa/Accra",
        "Regional Coordinating Council, conference room, Bolgatanga", "Francis Akolgo",
        "alliance", "draft",
        "1. Stocks in Bongo and Navrongo\n2. The national dialogue",
        "Minutes being written.",
        "grace.adongo@example.gov.gh | convenor | spoke\n"
        "francis.akolgo@example.org | facilitator | spoke\n"
        "patience.atanga@example.org | documenter |\n"
        "=Akolpoka Ayine | Zuarungu women's group | guest | spoke | female | women's group",
        NULL,
        NULL,
    },
    /* 13 */
    {
        "nat", "esi.quansah@example.org", "meeting",
        "Online review with the Nordic Rural Water Fund",
        "2026-10-06T10:00", "2026-10-06T12:00", "Europe/Oslo",
        "Online", "Esi Quansah",
        "alliance", "published",
        "Progress of the learning alliance in 2026 and plans for 2027.",
        "The Fund asked for the figures of repair times and of participation at meetings in "
        "the annual report.",
        "esi.quansah@example.org | facilitator | spoke\n"
        "nii.tetteh@example.gov.gh | convenor | spoke\n"
        "ekow.mensah-bonsu@example.org | documenter |\n"
        "=Ingrid Halvorsen | Nordic Rural Water Fund | | spoke | female |",
        "The annual report gives repair times and participation by gender.",
        "Add participation by gender to the annual report | ekow.mensah-bonsu@example.org | 2026-11-30 | open | -",
    },
    /* 14 */
    {
        "uer", "francis.akolgo@example.org", "meeting",
        "Quarterly meeting of the Upper East platform: December",
        "2026-12-08T09:00", "2026-12-08T13:00", "Africa/Accra",
        "Regional Coordinating Council, conference room, Bolgatanga", "Francis Akolgo",
        "public", "published",
        "1. A year of the repair log\n2. Plans for 2027\n3. Elections of the convenor",
        NULL, NULL, NULL, NULL,
    },
    /* 15 */
    {
        "uer-navrongo", "bernard.akanbe@example.gov.gh", "meeting",
        "Navrongo platform meeting: a second year of phone reports",
        "2027-01-19T10:00", "2027-01-19T12:30", "Africa/Accra",
        "Kassena-Nankana Municipal Assembly hall, Navrongo", "Augustine Awuni",
        "alliance", "published",
        "1. A year of phone reports\n2. Two more communities",
        NULL, NULL, NULL, NULL,
    },
};

/* clang-format on */

const size_t demo_event_count = sizeof demo_events / sizeof demo_events[0];

/* The most action items the table may hold. */
#define DEMO_ACTIONS_MAX 128

/* A line of a "|"-separated record: its fields, trimmed (arena). */
#define FIELDS_MAX 8

static int split_fields(struct ctx *c, const char *line, size_t n, char *fields[FIELDS_MAX])
{
    int count = 0;
    const char *p = line, *end = line + n;
    while (count < FIELDS_MAX) {
        const char *bar = memchr(p, '|', (size_t)(end - p));
        const char *stop = bar ? bar : end;
        const char *a = p, *b = stop;
        while (a < b && *a == ' ')
            a++;
        while (b > a && b[-1] == ' ')
            b--;
        fields[count++] = arena_strndup(c->arena, a, (size_t)(b - a));
        if (!bar)
            break;
        p = bar + 1;
    }
    for (int i = count; i < FIELDS_MAX; i++)
        fields[i] = "";
    return count;
}

/* next_line returns the length of the line at *p and moves *p past it. */
static size_t next_line(const char **p, const char **line)
{
    *line = *p;
    size_t n = strcspn(*p, "\n");
    *p += n;
    if (**p == '\n')
        (*p)++;
    return n;
}

static int fail(const char *what, const char *title, enum status s, const struct problems *p)
{
    fprintf(stderr, _("alliance: demo: cannot record %s of the event \"%s\": %s%s%s\n"), what,
            title, p->count ? p->items[0].message : status_code(s),
            p->count && p->items[0].field ? " — " : "",
            p->count && p->items[0].field ? p->items[0].field : "");
    return -1;
}

/* author_viewer makes the viewer of an event's author: their own name and
 * person, with the operator's standing once the role they hold on every
 * platform of the event is checked here (write, and publish on the home
 * platform when the event is published). */
static int author_viewer(struct ctx *c, const struct demo_event *d, demo_lookup lookup,
                         const void *platforms, const void *people, struct event *e,
                         struct viewer *v)
{
    struct person *pe;
    const char *id = lookup(people, d->author_email);
    if (!id || person_find(c, id, &pe) != STATUS_OK) {
        fprintf(stderr, _("alliance: demo: no person %s\n"), d->author_email);
        return -1;
    }
    const char *p = d->platforms;
    while (*p && e->platform_id_count < EVENT_PLATFORMS_MAX) {
        size_t n = strcspn(p, ",");
        char *key = arena_strndup(c->arena, p, n);
        const char *platform_id = lookup(platforms, key);
        struct platform *pl;
        if (!platform_id || platform_find(c, platform_id, &pl) != STATUS_OK) {
            fprintf(stderr, _("alliance: demo: no platform %s\n"), key);
            return -1;
        }
        enum right needed = e->platform_id_count == 0 && str_eq(d->status, "published")
                                ? RIGHT_PUBLISH_ITEMS
                                : RIGHT_WRITE_ITEMS;
        if (!rights_role_has(store_role_on_platform(c, pl->key, pe->key), needed)) {
            fprintf(stderr, _("alliance: demo: %s may not record an event on %s\n"), pe->name,
                    pl->name);
            return -1;
        }
        e->platform_ids[e->platform_id_count++] = platform_id;
        p += n;
        if (*p == ',')
            p++;
    }
    *v = (struct viewer){
        .person_key = pe->key, .person_id = pe->id, .name = pe->name, .admin = true};
    return 0;
}

/* attendance_rows reads the attendance lines of d into rows (arena). */
static int attendance_rows(struct ctx *c, const struct demo_event *d, demo_lookup lookup,
                           const void *people, struct attendance **rows, int *n)
{
    int cap = 1;
    for (const char *q = d->attendance; q && *q; q++)
        cap += *q == '\n';
    *rows = arena_array(c->arena, (size_t)cap, sizeof **rows);
    *n = 0;
    const char *p = d->attendance ? d->attendance : "";
    while (*p) {
        const char *line;
        size_t len = next_line(&p, &line);
        char *f[FIELDS_MAX];
        split_fields(c, line, len, f);
        struct attendance *a = &(*rows)[(*n)++];
        *a = (struct attendance){.gender = "", .marginalised_group = "", .organisation = ""};
        if (f[0][0] == '=') {
            a->name = f[0] + 1;
            a->organisation = f[1];
            a->role = f[2];
            a->spoke = str_eq(f[3], "spoke");
            a->gender = f[4];
            a->marginalised_group = f[5];
            continue;
        }
        a->person_id = (char *)lookup(people, f[0]);
        if (!a->person_id) {
            fprintf(stderr, _("alliance: demo: no person %s\n"), f[0]);
            return -1;
        }
        a->role = f[1];
        a->spoke = str_eq(f[2], "spoke");
    }
    return 0;
}

/* load_parts records the attendance, decisions and action items of event e
 * (the follow-ups come later: follow[k] keeps the wanted index, or -1). */
static int load_parts(struct ctx *c, const struct demo_event *d, const struct event *e,
                      demo_lookup lookup, const void *people, struct action_item **actions,
                      int *action_count, int *follow)
{
    struct problems p = {0};
    struct attendance *rows;
    int n;
    if (attendance_rows(c, d, lookup, people, &rows, &n) != 0)
        return -1;
    enum status s = n ? event_attendance_record(c, e, rows, n, &p) : STATUS_OK;
    if (s != STATUS_OK)
        return fail("the attendance", d->title, s, &p);
    const char *q = d->decisions ? d->decisions : "";
    while (*q) {
        const char *line;
        size_t len = next_line(&q, &line);
        struct decision dec = {.text = arena_strndup(c->arena, line, len)};
        if ((s = event_decision_add(c, e, &dec, &p)) != STATUS_OK)
            return fail("a decision", d->title, s, &p);
    }
    q = d->actions ? d->actions : "";
    while (*q) {
        const char *line;
        size_t len = next_line(&q, &line);
        char *f[FIELDS_MAX];
        split_fields(c, line, len, f);
        struct action_item *a = arena_array(c->arena, 1, sizeof *a);
        a->title = f[0];
        a->owner_id = str_eq(f[1], "-") ? NULL : (char *)lookup(people, f[1]);
        a->due_on = str_eq(f[2], "-") ? NULL : f[2];
        a->status = f[3];
        a->note = "";
        if ((s = event_action_add(c, e, a, &p)) != STATUS_OK)
            return fail("an action item", d->title, s, &p);
        int64_t later = -1;
        if (*action_count == DEMO_ACTIONS_MAX ||
            (!str_eq(f[4], "-") &&
             str_parse_int64(f[4], 0, (int64_t)demo_event_count - 1, &later) != 0)) {
            fprintf(stderr, _("alliance: demo: no follow-up \"%s\" for \"%s\"\n"), f[4], a->title);
            return -1;
        }
        actions[*action_count] = a;
        follow[*action_count] = (int)later;
        (*action_count)++;
    }
    return 0;
}

int demo_events_load(struct ctx *c, demo_lookup lookup, const void *platforms, const void *people)
{
    const struct viewer *loader = c->viewer;
    struct event **made = arena_array(c->arena, demo_event_count, sizeof *made);
    struct action_item *actions[DEMO_ACTIONS_MAX];
    int follow[DEMO_ACTIONS_MAX], action_count = 0;
    for (size_t i = 0; i < demo_event_count; i++) {
        const struct demo_event *d = &demo_events[i];
        struct event *e = arena_array(c->arena, 1, sizeof *e);
        *e = (struct event){.kind = (char *)d->kind,
                            .title = (char *)d->title,
                            .start_local = (char *)d->start,
                            .end_local = (char *)d->end,
                            .time_zone = (char *)d->time_zone,
                            .place = (char *)d->place,
                            .facilitator = (char *)d->facilitator,
                            .agenda = (char *)(d->agenda ? d->agenda : ""),
                            .minutes = (char *)(d->minutes ? d->minutes : ""),
                            .visibility = (char *)d->visibility,
                            .status = (char *)d->status};
        struct viewer author;
        if (author_viewer(c, d, lookup, platforms, people, e, &author) != 0)
            return -1;
        struct problems p = {0};
        c->viewer = &author;
        enum status s = event_create(c, e, &p);
        int rc = s == STATUS_OK ? 0 : fail("", d->title, s, &p);
        if (rc == 0)
            rc = load_parts(c, d, e, lookup, people, actions, &action_count, follow);
        c->viewer = loader;
        if (rc != 0)
            return -1;
        made[i] = e;
    }
    /* The follow-ups name later events, which exist only now. */
    for (int k = 0; k < action_count; k++) {
        if (follow[k] < 0)
            continue;
        struct action_item *a;
        struct problems p = {0};
        enum status s = event_action_find(c, actions[k]->id, &a);
        if (s == STATUS_OK) {
            a->follow_up_id = made[follow[k]]->id;
            s = event_action_update(c, a, &p);
        }
        if (s != STATUS_OK)
            return fail("a follow-up", actions[k]->title, s, &p);
    }
    return 0;
}
