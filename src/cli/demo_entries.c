/*
 * demo_entries.c — the journal entries of the demo (see demo_entries.h):
 * eighteen entries on seven platforms of the Ghana and Burkina Faso
 * alliances, from March 2024 to September 2026. The places and institutions
 * are real; the people, figures and events are invented for the demo, and
 * every attachment address is under example.org. The Bolgatanga journal
 * follows the spare-parts story of the demo's lessons as it was lived; the
 * Navrongo journal holds a member's draft; the regional and national ones
 * show what reaches the upper levels.
 */
#include "demo_entries.h"

#include <stddef.h>

/* The table keeps one record per block, so clang-format is told to leave it alone. */
/* clang-format off */

const struct demo_entry demo_entries[] = {
    /* Bolgatanga: the spare-parts story, from the inside */
    {
        "uer-bolga", "cynthia.atampugre@example.org", "observation",
        "Eleven communities back at the river while pumps wait for parts",
        "2024-01-18", "platform", "published",
        "Sumbrungu and Zaare", "Area mechanics, WSMT chairs of Sumbrungu and Zaare",
        "Visited four broken handpumps with the area mechanics. All four were diagnosed "
        "within a day of the report, but none had been repaired: the U-seals and bobbins "
        "have to come from Tamale.\n\n"
        "At Zaare the women walk 40 minutes to the river again. The WSMT chair said they will "
        "not pay for a part they have not seen.",
        "Breakdown list, January 2024 | https://example.org/bolgatanga/breakdowns-2024-01.pdf",
    },
    {
        "uer-bolga", "cynthia.atampugre@example.org", "quote",
        "“We know the pump. We do not have the parts.”",
        "2024-01-25", "alliance", "published",
        "Platform meeting, Bolgatanga", "Samuel Ayaaba, area mechanic",
        "We know the pump. Give us the parts in Bolga and no pump will stand a month. Today "
        "we are blamed for waiting, and we wait for the lorry from Tamale like everybody.",
        NULL,
    },
    {
        "uer-bolga", "cynthia.atampugre@example.org", "reflection",
        "Why the revolving fund was agreed in one meeting",
        "2024-03-07", "alliance", "published",
        "Bolgatanga Municipal Assembly", "Comfort Ayine, Peter Atinga, the mechanics' cooperative",
        "The assembly had refused a spare-parts fund twice before. What changed was the "
        "breakdown log: with the days written down for every pump, nobody could argue that "
        "the mechanics were the problem.\n\n"
        "Lesson for the documentation team: keep counting what people complain about, so that "
        "the complaint becomes a number the assembly can act on.",
        NULL,
    },
    {
        "uer-bolga", "cynthia.atampugre@example.org", "photo",
        "The spare-parts store opens at Bolgatanga market",
        "2024-04-02", "public", "published",
        "Bolgatanga central market", "Mechanics' cooperative, municipal assembly",
        "The lockable store with the posted price list, on its first morning.",
        "The store and its price list | https://example.org/bolgatanga/store-opening.jpg\n"
        "Price list (PDF) | https://example.org/bolgatanga/price-list-2024.pdf",
    },
    {
        "uer-bolga", "cynthia.atampugre@example.org", "story",
        "Zaare's pump repaired in five days",
        "2024-08-29", "public", "published",
        "Zaare", "Zaare WSMT, Rita Akurugu",
        "In January Zaare waited 31 days for a U-seal. In August the same pump broke again; "
        "the WSMT bought the part at the market store the next morning and the mechanic fixed "
        "it on the fifth day.\n\n"
        "The WSMT treasurer now keeps a receipt book: the assembly asked every committee that "
        "uses the fund to show what it paid.",
        NULL,
    },
    /* Upper East region: what the districts bring up */
    {
        "uer", "patience.atanga@example.org", "observation",
        "Districts report functionality in three different ways",
        "2024-06-12", "alliance", "published",
        "Regional Coordinating Council, Bolgatanga", "District Water and Sanitation Teams",
        "At the quarterly meeting, Bolgatanga counted a pump as working if it gave water on "
        "the day of the visit, Bongo if it had worked for the whole month, Navrongo if the "
        "WSMT said so. The three figures cannot be added up.\n\n"
        "Agreed: the regional platform will propose one definition before the next meeting.",
        "Meeting notes | https://example.org/upper-east/quarterly-2024-q2.pdf",
    },
    {
        "uer", "patience.atanga@example.org", "reflection",
        "Radio call-ins reach people the meetings do not",
        "2025-02-20", "public", "published",
        "Gurune Community Radio", "Listeners from Bongo, Navrongo and Bolgatanga",
        "Three call-in programmes on water committees brought 64 calls, 40 of them from women. "
        "At the district platform meetings of the same quarter, nine women spoke.\n\n"
        "The platform should not read the silence at its meetings as agreement.",
        NULL,
    },
    {
        "uer", "francis.akolgo@example.org", "story",
        "Bongo's school girls get a changing room",
        "2025-11-14", "alliance", "published",
        "Bongo Senior High School", "School management committee, Agnes Atule",
        "After the district platform raised absence during menstruation, the school "
        "management committee turned a store into a changing room with water and a bin. The "
        "headmistress counts the days girls miss; it went down from four a month to one.",
        NULL,
    },
    /* Navrongo: a district journal with a member's draft */
    {
        "uer-navrongo", "albert.abaane@example.edu.gh", "observation",
        "WSMTs send their monthly report by phone for the first time",
        "2025-04-30", "public", "published",
        "Kassena-Nankana Municipal Assembly", "Twelve WSMT secretaries, the DWST",
        "Twelve of fifteen WSMT secretaries sent the April report by text message. Three had "
        "no credit; the assembly will refund it from now on.",
        "Form of the text report | https://example.org/navrongo/sms-report-form.pdf",
    },
    {
        "uer-navrongo", "juliana.ayeebo@example.net", "observation",
        "Young people want to be trained as pump caretakers",
        "2026-05-09", "platform", "draft",
        "Navrongo youth centre", "Youth group of Navrongo",
        "At the youth group's meeting, eighteen young people asked how to become pump "
        "caretakers. Most WSMT caretakers are over sixty. To discuss at the next platform "
        "meeting before publishing.",
        NULL,
    },
    {
        "uer-navrongo", "albert.abaane@example.edu.gh", "quote",
        "“Now the assembly sees what we see.”",
        "2025-06-05", "platform", "published",
        "Platform meeting, Navrongo", "Veronica Adiali, WSMT secretary of Pungu",
        "Before, I wrote the report and it stayed in my bag until someone came. Now the "
        "assembly sees what we see, the same week.",
        NULL,
    },
    /* Northern region: Savelugu */
    {
        "ner-savelugu", "ramatu.iddrisu@example.edu.gh", "observation",
        "Half the WSMTs keep no record of the money collected",
        "2024-10-03", "alliance", "published",
        "Savelugu", "WSMT treasurers, ProNet North",
        "Of 22 WSMTs visited, 11 could not say how much they had collected last month. Those "
        "that could all had a treasurer who had been trained, and a receipt book.",
        NULL,
    },
    {
        "ner-savelugu", "ramatu.iddrisu@example.edu.gh", "photo",
        "Receipt books handed to WSMT treasurers",
        "2025-01-22", "public", "published",
        "Savelugu Municipal Assembly", "WSMT treasurers",
        "Treasurers of the first ten WSMTs with their receipt books.",
        "Photo | https://example.org/savelugu/receipt-books.jpg",
    },
    /* Volta region: Keta */
    {
        "vor-keta", "eyram.akpalu@example.edu.gh", "story",
        "Anloga stays open-defecation free through the fishing season",
        "2025-09-18", "public", "published",
        "Anloga", "Natural leaders, the chief fisherman",
        "Every year the beach filled again when the fishing crews came. This year the chief "
        "fisherman made the crews' landlords responsible for a latrine at every camp; the "
        "natural leaders walked the beach each Friday and found it clean.",
        NULL,
    },
    /* National platform */
    {
        "nat", "ekow.mensah-bonsu@example.org", "reflection",
        "What the districts' journals told the sector review",
        "2026-03-26", "public", "published",
        "Accra, sector review", "Ministry, regional platforms, development partners",
        "For the first time, the sector review heard what happened in the districts in the "
        "words of the people who wrote it down at the time: a pump waiting 31 days for a "
        "seal, a treasurer's receipt book, a radio call-in.\n\n"
        "The national platform will ask every regional platform to bring three journal "
        "entries to each review.",
        "Sector review report | https://example.org/national/sector-review-2026.pdf",
    },
    {
        "nat", "ekow.mensah-bonsu@example.org", "observation",
        "Draft monitoring form circulated for comment",
        "2026-09-10", "alliance", "draft",
        "Ministry of Sanitation and Water Resources", "Monitoring working group",
        "The one-page functionality form built on the Upper East definition went to the "
        "regional platforms for comment. Comments are due before the next review.",
        NULL,
    },
    /* Burkina Faso: a members-only alliance */
    {
        "bf-centre-est", "edwige.sorgho@example.gov.bf", "observation",
        "Les comités de Tenkodogo comparent leurs prix de l'eau",
        "2025-03-13", "alliance", "published",
        "Tenkodogo", "Associations des usagers de l'eau",
        "Réunion des associations d'usagers : le prix du bidon varie de 10 à 25 francs CFA "
        "entre villages voisins. Les associations veulent un prix de référence commun.",
        NULL,
    },
    {
        "bf-centre-est", "edwige.sorgho@example.gov.bf", "quote",
        "« Le prix doit couvrir la réparation, pas seulement le gardien. »",
        "2025-05-22", "public", "published",
        "Tenkodogo", "Président d'une association d'usagers",
        "Le prix doit couvrir la réparation, pas seulement le gardien. Sinon, à la première "
        "panne, on revient au marigot.",
        NULL,
    },
};

/* clang-format on */

const size_t demo_entry_count = sizeof demo_entries / sizeof demo_entries[0];
