/*
 * demo_lessons.c — the lessons of the demo (see demo_lessons.h): 44 lessons
 * on the platforms of the Ghana and Burkina Faso alliances, from January 2024
 * to October 2026, about a third of them failures. The places, institutions
 * and kinds of problem are real; the people, figures and events are invented
 * for the demo, and every evidence address is under example.org.
 *
 * Lessons that follow one another across levels (for knowledge flow):
 *   spare parts   Bolgatanga (failure, then success) → Upper East region →
 *                 Centre-Est (across the border) → national O&M guidelines
 *   WSMT money    Savelugu and Yendi → Northern region → national monitoring
 *   monitoring    Ho and Navrongo (phones) → national survey form
 *   latrines      Keta and Tamale → Volta region → national ODF protocol
 *   menstruation  Ho → Bongo → national school WASH standards (a draft)
 *   budgets       Navrongo → Upper East region → national sector review
 *   siting        Yendi → Northern region drilling contracts
 *   access        Bolgatanga → Volta region audits before handover
 *   tariffs       Offinso and Ejisu → Ashanti region → national (a draft)
 *   coûts         Kaya and Tenkodogo → référentiel national des coûts
 */
#include "demo_lessons.h"

#include <stddef.h>

/* Learning questions several lessons answer, written once so that they match. */
#define Q_REPAIRS  "How can spare parts and repair services reach every community within a week?"
#define Q_HANDOVER "How can district assemblies keep rural water points working after handover?"
#define Q_MONEY    "How can water committees account for the money they collect?"
#define Q_MONITOR  "How can a district know every month which of its water points work?"
#define Q_ODF      "How can communities stay open-defecation free after verification?"
#define Q_MHM      "How can schools give girls what they need to manage menstruation?"
#define Q_INCLUDE  "How can women and persons with disabilities take a full part in water services?"
#define Q_SAFE     "How can communities be sure the water they drink is safe?"
#define Q_TARIFF   "What tariff lets a small-town scheme pay its way and stay affordable?"
#define Q_COUTS    "Comment partager les coûts du service d'eau entre usagers, communes et État ?"

/* The table keeps one record per block, so clang-format is told to leave it alone. */
/* clang-format off */

const struct demo_lesson demo_lessons[] = {
    /* Spare parts and repairs: Bolgatanga → Upper East → Centre-Est → national */
    {
        "uer-bolga", "cynthia.atampugre@example.org",
        "Handpumps stood idle for weeks while mechanics waited for spare parts",
        "2024-02-14", "failure", "platform", "published",
        "Bolgatanga Municipality has 212 boreholes with Afridev handpumps, served by six area "
        "mechanics of the Bolgatanga Area Mechanics Cooperative. Genuine spare parts are sold "
        "only in Tamale and Kumasi.",
        "Between October and January, 41 handpumps broke down. The mechanics diagnosed most of "
        "them within three days, but it took a median of 26 days to get U-seals, bobbins and "
        "rising mains, because nobody held stock locally and the WSMTs would only pay once the "
        "part was in hand. Eleven communities went back to the river and to hand-dug wells "
        "while they waited.",
        "Repair time was set by the supply of parts, not by the skill of the mechanics. A "
        "handpump repair service without a local stock of fast-moving parts is not a service.",
        "Keep the ten fast-moving Afridev parts in stock within the municipality, financed by a "
        "revolving fund that WSMTs repay. Record the days from breakdown to repair for every "
        "pump, so that delays are visible.",
        "handpumps, spare-parts, area-mechanics, o-and-m",
        "Breakdown and repair log, October 2023 to January 2024 | "
        "https://example.org/bolgatanga/repair-log-2024.xlsx",
        Q_REPAIRS,
    },
    {
        "uer-bolga", "comfort.ayine@example.gov.gh",
        "A revolving stock of spare parts cut repair times from 26 days to 6",
        "2024-09-20", "success", "public", "published",
        "After the February lesson on idle handpumps, the municipal assembly, the area "
        "mechanics' cooperative and WaterAid agreed to try a local stock of spare parts.",
        "The assembly put GH₵ 18,000 from its Common Fund allocation into a revolving fund. The "
        "cooperative keeps the parts in a lockable store at the market and sells them at a "
        "fixed, posted price; WSMTs repay within 60 days. In six months the median time to "
        "repair a handpump fell to 6 days and 94% of the fund came back.",
        "A small stock held by the mechanics themselves works when prices are public and the "
        "assembly checks the stock every quarter. Mechanics were the best people to say which "
        "parts to keep.",
        "Start with the fast-moving parts only. Announce the price list on community radio and "
        "at the market. Have the District Water and Sanitation Team count the stock every "
        "quarter and report it to the platform.",
        "spare-parts, area-mechanics, handpumps, revolving-fund",
        "Stock and repayment record, March to August 2024 | "
        "https://example.org/bolgatanga/revolving-fund-2024.pdf\n"
        "Radio announcement of the price list | https://example.org/gurune-radio/spare-parts",
        Q_REPAIRS,
    },
    {
        "uer", "grace.adongo@example.gov.gh",
        "Taking the Bolgatanga spare-parts store to four more districts",
        "2025-02-27", "mixed", "alliance", "published",
        "The regional platform discussed the Bolgatanga revolving stock of spare parts and asked "
        "four districts to set one up before the dry season.",
        "Bongo and Kassena-Nankana opened stores within three months. Builsa South and Garu did "
        "not, because their assemblies did not release the seed money before the end of the "
        "budget year. Where stores opened, the time to repair a handpump fell by about two thirds; "
        "in one Bongo "
        "store the rising mains ran out because they were sold on to a drilling contractor.",
        "The model travels when the assembly puts the seed money in its annual plan, and stalls "
        "when it depends on a release in the middle of the year. Stock controls have to be "
        "written down from the start, not added after a loss.",
        "Put the seed fund in the district medium-term plan before the budget hearing. Use a "
        "one-page stock card, signed at each sale and checked every month by the District "
        "Water and Sanitation Team.",
        "spare-parts, scaling, district-budgets",
        "Regional review of the four stores | https://example.org/uer/spare-parts-review-2025.pdf",
        Q_REPAIRS,
    },
    {
        "bf-centre-est", "dieudonne.zida@example.org",
        "Les artisans réparateurs s'approvisionnent en pièces à Bolgatanga",
        "2025-04-17", "success", "alliance", "published",
        "Dans le Centre-Est, les pièces des pompes India Mark et Vergnet viennent de "
        "Ouagadougou, à 190 km. Lors de la visite d'échange avec la plateforme du Haut-Est du "
        "Ghana, les artisans réparateurs ont découvert le magasin de pièces de Bolgatanga.",
        "Trois artisans de Tenkodogo et de Bittou achètent maintenant les joints, tringles et "
        "cylindres à Bolgatanga, à 70 km, une fois par mois, en groupant leurs commandes. Le "
        "délai moyen de réparation est passé de 19 à 8 jours. Les formalités de douane restent "
        "lentes quand les quantités dépassent le petit commerce.",
        "Le marché de pièces le plus proche peut se trouver de l'autre côté de la frontière. "
        "Grouper les commandes entre artisans réduit à la fois le coût du transport et le délai.",
        "Inscrire l'approvisionnement transfrontalier dans les conventions des artisans avec les "
        "communes, et demander aux douanes une procédure simple pour les petites quantités de "
        "pièces de pompes.",
        "pièces-détachées, maintenance, transfrontalier",
        NULL,
        Q_REPAIRS,
    },
    {
        "nat", "esi.quansah@example.org",
        "Spare-parts supply written into the national operation and maintenance guidelines",
        "2025-10-16", "success", "public", "published",
        "Lessons from Bolgatanga and from the Upper East regional platform showed that the time "
        "to repair a handpump depends on a local stock of parts more than on the mechanics.",
        "The national platform took the Upper East evidence to the review of the CWSA operation "
        "and maintenance guidelines. The revised draft asks every district to name a spare-parts "
        "outlet within 30 km of each community and to report repair times in the district "
        "monitoring system.",
        "A district lesson reached the national guidelines because it came with numbers (repair "
        "days before and after) and with a regional trial in four more districts, including the "
        "two where it failed. Reviewers trusted the evidence more because it showed where the "
        "idea did not work.",
        "When a district lesson is ready for national use, bring the data and the failures of "
        "the scale-up too. Invite the district that did the work to present it itself.",
        "spare-parts, guidelines, policy",
        "Draft O&M guidelines, section 4.3 | https://example.org/cwsa/om-guidelines-draft-2025.pdf",
        Q_REPAIRS,
    },

    /* WSMT money: Savelugu and Yendi → Northern region */
    {
        "ner-savelugu", "ramatu.iddrisu@example.edu.gh",
        "Pay-as-you-fetch with a savings group keeps Diare's boreholes funded",
        "2024-04-18", "success", "public", "published",
        "Diare has four boreholes with Nira handpumps. A flat monthly levy collected less than "
        "a third of what was due, and the WSMT had nothing left when a pump broke.",
        "The WSMT moved to 20 pesewas a jerrycan, collected by a caretaker at each pump and "
        "deposited every week with the village savings and loan association. After a year it "
        "had GH₵ 7,400 saved and paid for two handpump repairs without asking the assembly.",
        "People pay more readily per bucket when they can see the water, and money held by a "
        "savings group with its own records is harder to lose or lend out informally.",
        "Pair pay-as-you-fetch with a savings group the community already trusts rather than a "
        "new bank account. Read the balance aloud at every community meeting.",
        "tariffs, wsmt, savings",
        "WSMT cash book and savings statements, 2023–2024 | "
        "https://example.org/savelugu/diare-accounts.pdf",
        Q_MONEY,
    },
    {
        "ner-yendi", "fuseini.mumuni@example.gov.gh",
        "Repair money lost because the treasurer kept it at home",
        "2024-08-09", "failure", "platform", "published",
        "The Gnani WSMT had collected water fees for three years without written accounts. The "
        "treasurer kept the cash at home.",
        "When the handpump broke in the dry season, the treasurer could account for GH₵ 600 of the "
        "GH₵ 3,200 the committee expected. Members blamed each other, households stopped paying "
        "and the borehole stayed broken for five months. The District Water and Sanitation Team "
        "had trained the WSMT in book-keeping at handover in 2019 but never looked at the books "
        "afterwards.",
        "A single training at handover does not produce book-keeping; without regular checks "
        "nobody notices a problem until the money is needed. The loss damaged trust in the "
        "committee more than the breakdown itself.",
        "Have the district team or the area mechanic check WSMT cash books twice a year and post "
        "the balance at the water point. Keep fees in a savings group or a mobile money wallet "
        "that needs two signatories.",
        "wsmt, book-keeping, accountability",
        NULL,
        Q_MONEY,
    },
    {
        "ner", "mariama.iddrisu@example.org",
        "Savelugu's savings model tried in Yendi: money kept safe, fees still too low",
        "2025-03-13", "mixed", "alliance", "published",
        "After the money lost in Gnani, the regional platform arranged for two Savelugu WSMTs to "
        "coach six WSMTs in Yendi on pay-as-you-fetch and savings groups.",
        "Within nine months all six kept weekly records and none lost money. But collections "
        "covered only 40% of the estimated repair costs: in the rainy season most households "
        "drew water from ponds and dugouts and paid nothing.",
        "Savings groups solve the safekeeping of money but not the seasons of demand. Coaching "
        "by another WSMT convinced committees more than any district training had.",
        "Combine pay-as-you-fetch in the dry season with a small flat levy after the harvest. "
        "Budget for WSMT-to-WSMT exchange visits: they cost less than a workshop.",
        "wsmt, tariffs, peer-learning",
        NULL,
        Q_MONEY,
    },

    /* Monitoring with phones: Ho and Navrongo → national */
    {
        "vor-ho", "prosper.klu@example.org",
        "Communities reported broken water points by phone, but repairs did not follow",
        "2024-04-25", "mixed", "alliance", "published",
        "The Ho platform tested a free short code that lets a caretaker report a broken water "
        "point from any phone, in Ewe or English.",
        "In six months 40 communities sent 132 reports, most within a day of the breakdown. The "
        "assembly had no budget line to act on them: 40% of the reported points were repaired "
        "within a month. By the fourth month reports had fallen by half, as people saw no "
        "response.",
        "Reporting is cheap to set up; responding is what costs money. A reporting channel "
        "without a repair budget behind it wears out people's trust quickly.",
        "Agree the repair budget and who answers each report before launching a reporting line. "
        "Send every caller an answer, even when the answer is a date.",
        "monitoring, mobile-data, o-and-m",
        "Short code reports, April to October 2024 | https://example.org/ho/short-code-reports.csv",
        Q_MONITOR,
    },
    {
        "uer-navrongo", "albert.abaane@example.edu.gh",
        "A six-monthly service report, surveyed by students with phones",
        "2025-01-30", "success", "public", "published",
        "The municipal assembly wanted to know which of its 318 water points worked, but had no "
        "money for a consultant's survey.",
        "Students of the university in Navrongo visited every water point with phone forms "
        "during their field practical, recording function, yield, queues and fees. The report "
        "was ready in five weeks and the assembly moved its repair budget to the 27 points in "
        "the worst state.",
        "A university field practical can give a district a full inventory at low cost, if the "
        "form is short and the district tells students exactly what it will use.",
        "Keep the form under 25 questions and test it in two communities first. Present the "
        "results at the platform before the budget is drafted, not after.",
        "monitoring, mobile-data, research",
        "Service report, second half of 2024 | "
        "https://example.org/navrongo/service-report-2024h2.pdf",
        Q_MONITOR,
    },
    {
        "uer-navrongo", "augustine.awuni@example.org",
        "A third of the survey forms lost before they were sent",
        "2025-08-14", "failure", "platform", "published",
        "The second round of the Navrongo water point survey used the same phone forms as the "
        "first, with a new group of students.",
        "Many communities had no network, so forms stayed on the phones. Several students deleted "
        "saved forms to make space for photos before the phones were synchronised, and 104 of "
        "318 forms were lost. Nobody checked the server during the fieldwork, so the gap was "
        "found only at the analysis, after the students had left.",
        "Offline data collection needs a daily check that what was collected has arrived. The "
        "first round had worked because one supervisor synchronised the phones every evening; "
        "that routine was never written down.",
        "Write the daily synchronisation into the fieldwork plan and name who does it. Compare "
        "each evening the forms on the server with the communities visited that day.",
        "monitoring, mobile-data, data-quality",
        NULL,
        Q_MONITOR,
    },
    {
        "nat", "ekow.mensah-bonsu@example.org",
        "One water point survey form for every district, with the WSMT's money in it",
        "2026-04-22", "mixed", "alliance", "published",
        "Ho, Navrongo and other districts each used their own phone forms, and the Northern "
        "region had shown that WSMT accounts matter as much as whether a pump works.",
        "The platform and CWSA agreed a common survey form of 30 questions, including whether the "
        "WSMT keeps a cash book and what balance it holds. Nine districts used it in the first "
        "round. Others said they had no money for data bundles or transport, and three could "
        "not upload because the national server was not ready.",
        "Districts will use a shared form when it answers their own questions too. A national "
        "standard without the money to collect the data covers only the districts that already "
        "had it.",
        "Fund data bundles and transport for the survey from the national monitoring budget. "
        "Test the national server with two districts before asking all of them to upload.",
        "monitoring, wsmt, guidelines",
        "Common water point survey form, version 1 | https://example.org/cwsa/survey-form-v1.pdf",
        Q_MONITOR,
    },

    /* Latrines and ODF: Keta and Tamale → Volta region → national */
    {
        "vor-keta", "eyram.akpalu@example.edu.gh",
        "Unlined pit latrines collapsed in the first rainy season",
        "2024-07-11", "failure", "platform", "published",
        "After community-led total sanitation was triggered in 14 coastal communities, "
        "households dug simple pit latrines in sandy soil near the lagoon, where the water table "
        "is high.",
        "By July, 230 of the 380 new latrines had collapsed or flooded, and nine communities were "
        "back to open defecation on the beach. Facilitators had pushed for speed to reach the ODF "
        "target and gave no advice on lining pits. A child fell into a collapsed pit in Tegbi, "
        "fortunately without serious injury.",
        "Triggering without technical advice on local soils produces latrines that fail: in "
        "sandy, waterlogged ground a pit needs lining or a raised design. The pressure to "
        "declare communities ODF quickly worked against latrines that last.",
        "Before triggering in coastal areas, have environmental health officers and masons show "
        "affordable lined pits. Do not count a latrine towards ODF where the soil needs a lined "
        "pit and it has none.",
        "clts, latrines, sandy-soils, odf",
        NULL,
        Q_ODF,
    },
    {
        "ner-tamale", "sumaila.yahaya@example.edu.gh",
        "Half of the communities declared ODF in 2022 had slipped back",
        "2024-11-07", "failure", "platform", "published",
        "Twenty-two peri-urban communities around Tamale were verified open-defecation free in "
        "2022. Nobody had visited them since.",
        "A re-visit found open defecation again in 11 of them. Shared latrines had filled up and "
        "there was no affordable emptying service, tenants had no say over landlords' toilets, "
        "and new arrivals had never been part of the triggering.",
        "ODF status is a moment, not a result. Where pits fill in two years and nobody can empty "
        "them, communities slip back whatever they were taught.",
        "Re-verify ODF communities after one and two years. Plan emptying services and "
        "landlords' obligations before declaring peri-urban communities ODF.",
        "odf, clts, faecal-sludge",
        "Re-visit findings | https://example.org/tamale/odf-revisit-2024.pdf",
        Q_ODF,
    },
    {
        "vor", "senyo.amegashie@example.edu.gh",
        "Regional guidance on latrines for sandy and waterlogged soils",
        "2025-06-05", "success", "public", "published",
        "Keta's collapsed latrines showed that coastal districts need different latrine designs "
        "from the rest of the region.",
        "The regional platform, the environmental health officers and trained masons wrote a "
        "four-page guide with three designs (concrete rings, a raised pit and a lined shallow "
        "pit) and their costs. Keta, Anloga and Ketu South use it in triggering, and masons "
        "sold 214 lined pits in six months, payable after the fishing season. None of them "
        "has collapsed in the rains so far.",
        "Households will pay for a latrine that lasts when a local mason offers it at a known "
        "price and lets them pay in instalments.",
        "Keep the guide short, with pictures and prices. Train masons in every coastal district "
        "and list them in the guide.",
        "latrines, sandy-soils, sanitation-marketing, guidelines",
        "Guide: latrines for sandy soils | https://example.org/volta/sandy-soil-latrines.pdf",
        Q_ODF,
    },
    {
        "nat", "nii.tetteh@example.gov.gh",
        "The national ODF protocol now checks whether latrines last",
        "2025-12-04", "mixed", "alliance", "published",
        "The Keta and Tamale lessons reached the national platform at the same time: latrines "
        "collapsing in sandy soils and communities slipping back after ODF verification.",
        "The Environmental Health and Sanitation Directorate added two checks to the national ODF "
        "verification protocol: pits lined where the soil requires it, and a re-verification "
        "after twelve months. No budget line for re-verification was agreed, so districts must "
        "find the money themselves.",
        "Evidence from two regions with different problems made the change easy to argue. "
        "Without money for re-verification, the new check may stay on paper.",
        "Put re-verification in district sanitation budgets for 2026. Report back to the platform "
        "how many districts actually did it.",
        "odf, verification, policy",
        NULL,
        Q_ODF,
    },

    /* Menstrual hygiene in schools: Ho → Bongo → national */
    {
        "vor-ho", "edem.adzoyi@example.edu.gh",
        "Menstrual hygiene corners kept girls in school",
        "2024-10-17", "success", "public", "published",
        "A survey in ten junior high schools in Ho found that one girl in five missed school "
        "during her period. Toilets had no doors, no water and nowhere to dispose of pads.",
        "School WASH clubs and parent-teacher associations set up a corner in each school with "
        "a lockable cubicle, a water bucket, soap, spare pads and a small incinerator. Girls and "
        "boys learnt to sew reusable pads together. After two terms, absence during "
        "menstruation fell from 21% to 8%.",
        "Privacy, water and disposal matter as much as pads. Involving boys and male teachers "
        "reduced teasing, which girls named as a main reason for staying at home.",
        "Fix doors and water before handing out pads. Train one female and one male teacher in "
        "every school, and let the WASH club run the corner.",
        "mhm, schools, wash-clubs",
        "Absence survey before and after | https://example.org/ho/mhm-survey-2024.pdf",
        Q_MHM,
    },
    {
        "uer-bongo", "agnes.atule@example.gov.gh",
        "Menstrual hygiene corners in Bongo schools work only where water flows",
        "2025-05-15", "mixed", "alliance", "published",
        "Bongo copied the Ho menstrual hygiene corners in eight basic schools.",
        "In three schools with a borehole on the compound the corners are used every day. In the "
        "five without water, girls stopped using them within weeks. The incinerators were hardly "
        "used at all: mothers explained that burning menstrual blood is believed to bring "
        "infertility.",
        "A menstrual hygiene corner is only as good as the school's water supply. Beliefs about "
        "disposal need to be discussed with mothers and elders, not overruled.",
        "Put a water point in the school before a corner. Agree disposal methods with mothers' "
        "groups; in Bongo, closed pits for burying pads were accepted where incinerators were "
        "not.",
        "mhm, schools, water-supply",
        NULL,
        Q_MHM,
    },
    {
        "nat", "matilda.nkansah@example.gov.gh",
        "Menstrual hygiene in the school WASH standards: what Ho and Bongo tell us",
        "2026-03-12", "success", "alliance", "draft",
        "The Ghana Education Service is revising its school WASH standards. Ho and Bongo have "
        "tested menstrual hygiene corners with different results.",
        "The school health coordinators agreed at the national platform to add three items to "
        "the school WASH checklist: a lockable cubicle for girls with water inside, a disposal "
        "method agreed with parents, and one trained female and one trained male teacher.",
        "The two districts together gave the standard its conditions: without water on the "
        "compound a corner does not work, and disposal has to fit local beliefs.",
        "Include the three items in the 2026 checklist and ask district coordinators to report "
        "them each term.",
        "mhm, schools, guidelines",
        NULL,
        Q_MHM,
    },

    /* District budgets: Navrongo → Upper East → national */
    {
        "uer-navrongo", "bernard.akanbe@example.gov.gh",
        "Repair money released in November, after the dry season it was meant for",
        "2024-12-05", "failure", "platform", "published",
        "The assembly budgeted GH₵ 60,000 from the District Assemblies Common Fund to repair 20 "
        "boreholes before the 2024 dry season.",
        "The Common Fund release came in November instead of February. By then contractors' "
        "prices had risen by 30% and only nine boreholes were repaired. Through the dry season "
        "people in the other eleven communities walked to the river or bought water from "
        "tricycle vendors.",
        "Repairs that have to happen before the dry season cannot depend on a single transfer "
        "from the centre whose timing nobody in the district controls.",
        "Ring-fence a share of the assembly's own revenue for repairs, and carry unspent repair "
        "money over to the next year instead of returning it.",
        "district-budgets, dacf, o-and-m",
        NULL,
        Q_HANDOVER,
    },
    {
        "uer", "patience.atanga@example.org",
        "A ring-fenced repair budget line in three Upper East assemblies",
        "2025-07-10", "mixed", "alliance", "published",
        "After the late release in Kassena-Nankana, the regional platform brought together the "
        "finance and planning officers of five assemblies with their water and sanitation teams.",
        "Three assemblies created a budget line for water point repairs from their own revenue "
        "of market tolls and property rates, from GH₵ 15,000 to GH₵ 25,000 each. Two said their "
        "own revenue was too small and kept waiting for the Common Fund.",
        "Finance officers agreed once they heard from a WSMT what a late repair costs the "
        "community. Assemblies with little revenue of their own need another answer.",
        "Invite finance officers, not only water staff, to platform meetings on repairs. Ask the "
        "national platform to take the timing of Common Fund releases to the sector review.",
        "district-budgets, o-and-m, finance",
        NULL,
        Q_HANDOVER,
    },
    {
        "nat", "esi.quansah@example.org",
        "The sector review asks for the first Common Fund release before the dry season",
        "2026-03-05", "success", "public", "published",
        "Upper East assemblies showed that repair money arriving in November is useless for the "
        "dry season it was meant for.",
        "The national platform put the Navrongo figures and the regional dialogue before the "
        "annual sector review. The review asked that the first quarter's Common Fund release "
        "reach assemblies by the end of February, and in 2026 it arrived on 24 February.",
        "A concrete case with dates and costs from one district carried more weight at the "
        "review than the general complaint about late releases that everyone already knew.",
        "Keep recording release dates each year so that the platform can show whether the "
        "promise holds.",
        "district-budgets, dacf, policy",
        "Sector review communiqué, item 7 | https://example.org/mswr/sector-review-2026.pdf",
        Q_HANDOVER,
    },

    /* Access for persons with disabilities: Bolgatanga → Volta region */
    {
        "uer-bolga", "francis.akolgo@example.org",
        "New handpump ramps that wheelchair users could not climb",
        "2024-06-20", "failure", "alliance", "published",
        "Six rehabilitated handpumps in Bolgatanga were given ramps and handrails so that "
        "persons with disabilities could use them.",
        "When members of the disability federation tried them with Moses Asaah, four ramps were "
        "too steep to climb in a wheelchair, two handrails were on the wrong side of the pump, "
        "and the pump handles were too high to reach from a seat. The contractor had followed a "
        "drawing nobody had checked with a wheelchair user.",
        "Accessible on paper is not accessible. Nobody who uses a wheelchair had been asked "
        "before or during construction.",
        "Have a wheelchair user and a person with a visual impairment check the design and walk "
        "the site before handover. Write a slope of no more than 1 in 12 into the contract.",
        "disability, accessibility, handpumps",
        "Accessibility check with photos | https://example.org/bolgatanga/ramp-check-2024.pdf",
        Q_INCLUDE,
    },
    {
        "vor", "dzifa.ametepe@example.org",
        "Accessibility audits with disability organisations before every handover",
        "2025-11-13", "success", "public", "published",
        "The Volta platform read Bolgatanga's lesson on ramps nobody could climb before its "
        "districts started a round of rehabilitation.",
        "The Ghana Federation of Disability Organisations trained members in Ho, Keta and Hohoe "
        "to audit water points and toilets with a checklist of 15 items. Contractors were paid "
        "their last instalment only after the audit. Of 31 water points, 26 passed at first and "
        "the other five after changes.",
        "Linking the last payment to an audit by users with disabilities makes contractors take "
        "access seriously, at little extra cost.",
        "Put the accessibility audit in every contract and pay the auditors' transport. Share "
        "the checklist with the other regions.",
        "disability, accessibility, contracts",
        "Accessibility checklist | https://example.org/volta/access-checklist.pdf",
        Q_INCLUDE,
    },

    /* Women in water committees */
    {
        "vor-keta", "wisdom.ahiable@example.gov.gh",
        "Women on the water committee on paper only",
        "2025-04-10", "failure", "platform", "published",
        "The Tegbi WSMT has four women among its nine members, as the guidelines require.",
        "Meetings were held at the landing beach in the late afternoon, when the women were "
        "smoking and selling fish. For a year the fee increase and the choice of a new caretaker "
        "were decided without them, and the women's group refused to collect the new fee.",
        "Who takes part depends on when and where meetings are held, not only on who is on the "
        "list.",
        "Agree meeting times with the women members. Hold meetings at the water point or the "
        "school, and send decisions to members who could not attend.",
        "gender, wsmt, governance",
        NULL,
        Q_INCLUDE,
    },

    /* Borehole siting and yields: Yendi → Northern region */
    {
        "ner-yendi", "ibrahim.karim@example.gov.gh",
        "Boreholes that dry up in March: siting without a survey",
        "2024-03-21", "failure", "alliance", "published",
        "A 2022 project drilled 18 boreholes in Yendi Municipality. The contractor chose the "
        "sites with the chiefs without a geophysical survey and pumped each borehole for one "
        "hour in August to test its yield.",
        "By March 2024, seven of the 18 gave too little water in the dry season: the pumps ran "
        "dry by mid-morning and women queued from three in the morning. Two had to be redrilled "
        "at the assembly's cost.",
        "Cheap siting is expensive. A short pumping test in the rainy season overstates what a "
        "borehole gives in March, when people need it most.",
        "Require a resistivity survey and a six-hour constant-rate pumping test in the dry "
        "season. Have someone other than the contractor supervise the drilling.",
        "borehole-siting, hydrogeology, dry-season",
        NULL,
        Q_HANDOVER,
    },
    {
        "ner", "rashid.wumbei@example.org",
        "Dry-season pumping tests now in the regional drilling contracts",
        "2025-05-22", "success", "alliance", "published",
        "Yendi's boreholes that ran dry in March were discussed at the regional platform with "
        "the Water Resources Commission and two drilling companies.",
        "The regional CWSA office changed its model contract: geophysical siting, a six-hour "
        "pumping test between January and April, and an independent supervisor for every "
        "borehole. Of the 24 boreholes drilled in the 2025 dry season, all but one met the "
        "yield needed in April.",
        "Drillers accepted the longer tests once they were paid for them. Testing in the dry "
        "season finds weak boreholes before a community depends on them.",
        "Price the longer test in the bill of quantities rather than asking drillers to absorb "
        "it. Publish the test results with the handover documents.",
        "borehole-siting, hydrogeology, contracts",
        "Model drilling contract, Northern Region | "
        "https://example.org/ner/drilling-contract-2025.pdf",
        Q_HANDOVER,
    },
    {
        "uer-bongo", "isaac.awine@example.org",
        "Fluoride: new boreholes are safe, but people still drink from the old ones",
        "2024-11-28", "mixed", "alliance", "published",
        "Bongo lies on granite, and about a third of its boreholes have more fluoride than the "
        "1.5 mg/l limit. Mottled teeth are common among children.",
        "With the Water Resources Commission and the university, the platform mapped fluoride "
        "across the district. Six new boreholes sited in low-fluoride areas all tested safe. But "
        "14 high-fluoride boreholes are still in daily use: the safe ones are too far away, and "
        "the red paint marking them unsafe was ignored.",
        "Hydrogeological mapping makes new boreholes safe. Marking an old source unsafe without "
        "offering a nearby alternative does not change what people drink.",
        "Use the fluoride map for all new siting. Where no safe source is near, test household "
        "defluoridation filters with the communities before closing any borehole.",
        "water-quality, fluoride, hydrogeology, borehole-siting",
        "Fluoride map of Bongo District | https://example.org/bongo/fluoride-map.pdf",
        Q_SAFE,
    },

    /* Small-town piped schemes and tariffs: Offinso and Ejisu → Ashanti → national */
    {
        "ash-offinso", "ama.kyei@example.gov.gh",
        "The private operator walked away after the assembly froze the tariff",
        "2024-09-05", "failure", "platform", "published",
        "A small-town scheme in Offinso (a mechanised borehole, three standpipes and 240 "
        "household connections) was run by AquaSure Water Services under a five-year contract.",
        "When the electricity tariff rose by 28%, the operator asked to raise the water tariff "
        "from GH₵ 8 to GH₵ 11 a cubic metre. The assembly refused in an election year. The "
        "operator fell behind on its electricity bill, the power was cut for seven weeks and "
        "the operator ended the contract.",
        "A tariff set by political decision, with no agreed way to review it, leaves the "
        "operator carrying costs it cannot control. The town lost its piped water for two months.",
        "Write an annual tariff review tied to electricity costs into operator contracts. "
        "Publish the operator's accounts so that the community can see why a tariff changes.",
        "small-towns, tariffs, private-operators",
        NULL,
        Q_TARIFF,
    },
    {
        "ash-ejisu", "rebecca.ofori@example.org",
        "Prepaid standpipes in Besease: more revenue, fewer disputes",
        "2025-02-06", "success", "public", "published",
        "The Besease WSMT collected fees at six standpipes by hand. Vendors kept part of the "
        "money, and the scheme could not pay for its electricity.",
        "The WSMT installed prepaid meters with tokens sold at two shops. Revenue rose by 45% in "
        "six months and disputes with vendors stopped. Elderly people found the tokens hard to "
        "use until WASH club pupils began helping at the standpipes after school.",
        "Prepaid meters remove the cash from the standpipe and the arguments with it, but "
        "someone has to help the people who find the technology difficult.",
        "Sell tokens in more than one place and keep one standpipe with an attendant for the "
        "first months. Keep the meter supplier's spare parts in the district.",
        "small-towns, tariffs, prepaid-meters",
        NULL,
        Q_TARIFF,
    },
    {
        "ash", "adwoa.frimpong@example.edu.gh",
        "A tariff review formula for small-town schemes: adopted in two assemblies, stalled in "
        "a third",
        "2025-09-18", "mixed", "alliance", "published",
        "Offinso had lost its operator over a frozen tariff; Besease showed what better "
        "collection can bring in. The regional platform asked what a fair tariff rule would be.",
        "With KNUST and the regional CWSA office, the platform drafted a formula that updates "
        "the tariff each January from electricity, chemical and salary costs, with a lifeline "
        "price for the first 20 litres a person. Ejisu and Asante Akim Central adopted it by "
        "by-law. Offinso's assembly has not yet put it to a vote.",
        "A formula takes the tariff out of yearly politics, but only once assembly members "
        "understand it; the two that adopted it had held a session with their members first.",
        "Explain the formula to assembly members before the vote, with the figures of their own "
        "scheme. Ask the national platform about a role for the regulator.",
        "small-towns, tariffs, regulation",
        "Draft tariff formula and worked example | https://example.org/ashanti/tariff-formula.pdf",
        Q_TARIFF,
    },
    {
        "nat", "kojo.ampofo@example.gov.gh",
        "Light-handed regulation of small-town tariffs",
        "2026-06-18", "success", "alliance", "draft",
        "The Ashanti region has a tariff review formula for small-town schemes, adopted by two "
        "assemblies. PURC regulates utility tariffs but not small towns.",
        "At the national platform PURC and CWSA discussed a light role for the regulator: "
        "publishing the formula as a national reference and hearing complaints when an assembly "
        "sets a tariff far from it.",
        "A regulator does not need to set every small-town tariff; a published reference gives "
        "assemblies and operators something to point to.",
        "Pilot the reference formula in one region for a year before making it national.",
        "small-towns, tariffs, regulation",
        NULL,
        Q_TARIFF,
    },

    /* Water quality and cholera */
    {
        "ash-konongo", "priscilla.agyeiwaa@example.edu.gh",
        "Muddy water from mining areas defeated the chlorinators",
        "2024-06-27", "failure", "platform", "published",
        "The Odumasi scheme takes water from a stream downstream of small-scale gold mining and "
        "treats it with an in-line chlorinator.",
        "In the rainy season turbidity rose above 400 NTU. The chlorine was used up by the mud, "
        "no residual chlorine was left at the taps, and the health centre recorded twice as "
        "many cases of diarrhoea as the year before. The WSMT kept adding chlorine and its "
        "chemical costs tripled.",
        "Chlorination does not work on muddy water. Treatment has to start with settling, and "
        "protecting the stream from mining is cheaper than treating what comes down it.",
        "Build a sedimentation tank before the chlorinator and test residual chlorine at the "
        "taps every week. Take the mining upstream to the Water Resources Commission and the "
        "assembly's by-law on buffer zones.",
        "water-quality, chlorination, mining",
        NULL,
        Q_SAFE,
    },
    {
        "ner-tamale", "rahinatu.musah@example.org",
        "Cholera response in Kalpohin: household chlorination worked, tanker water did not",
        "2025-06-26", "mixed", "alliance", "published",
        "During a cholera outbreak, the metropolitan health directorate and partners distributed "
        "chlorine tablets and hygiene kits in Kalpohin and three nearby communities.",
        "Spot checks found residual chlorine in 80% of the households that had received "
        "tablets. But many households buy water from private tankers filled at the dam, and no "
        "one chlorinated that water. New cases continued for three weeks, until the tanker "
        "operators were registered and given chlorine to dose each load.",
        "A cholera response that reaches households but not the private vendors who supply them "
        "leaves a gap. Tanker drivers were willing to dose once somebody asked them and gave "
        "them the chlorine.",
        "Keep a register of tanker operators before the rains, and include them in cholera "
        "preparedness plans with a stock of chlorine and a testing kit.",
        "cholera, chlorination, tankers",
        NULL,
        Q_SAFE,
    },

    /* Schools, springs and rainwater */
    {
        "vor-keta", "selorm.dotse@example.org",
        "Rainwater tanks for schools where the groundwater is salty",
        "2026-01-15", "success", "public", "published",
        "Boreholes near the Keta lagoon give water too salty to drink, and most schools "
        "depended on sachet water that pupils bought themselves.",
        "Eight schools received 10,000-litre ferrocement tanks fed from the classroom roofs, "
        "with first-flush diverters. School WASH clubs clean the gutters before the rains. The "
        "water lasted until February in most schools; they now buy water only for the last six "
        "weeks of the dry season.",
        "Where groundwater is salty, roof water is the cheapest safe source for a school, as long "
        "as the tank is sized to the roof and the pupils, and someone keeps the gutters clean.",
        "Size each tank from the roof area and the number of pupils. Make gutter cleaning a WASH "
        "club duty, checked by the head teacher before the rains.",
        "rainwater, schools, salinity, wash-clubs",
        "Tank sizing sheet | https://example.org/keta/rainwater-sizing.xlsx",
        NULL,
    },
    {
        "vor-hohoe", "seth.akorli@example.gov.gh",
        "School WASH clubs faded when their patron teachers were transferred",
        "2025-03-27", "failure", "platform", "published",
        "In 2023 the platform helped 15 schools set up WASH clubs that looked after handwashing "
        "stations and toilets.",
        "A year later only four clubs still met. In nine schools the patron teacher had been "
        "transferred and nobody took over; the veronica buckets stood empty and the toilets were "
        "locked again.",
        "A club that depends on one enthusiastic teacher ends when that teacher leaves. Nobody "
        "had made the club part of the head teacher's duties or the school's plan.",
        "Name the club in the school improvement plan, with two patrons, and ask the circuit "
        "supervisor to check it on every visit.",
        "schools, wash-clubs, hygiene",
        NULL,
        NULL,
    },
    {
        "vor-hohoe", "richard.gbadago@example.gov.gh",
        "Community caretakers keep protected springs flowing after storms",
        "2024-01-25", "success", "public", "published",
        "Six springs in the hills around Hohoe were protected with spring boxes and pipes to "
        "public taps.",
        "Heavy storms in October washed silt into the intakes of all six. The four communities "
        "that had named a caretaker cleared them within a day. The other two waited three weeks "
        "for the assembly, drinking from the open stream in the meantime.",
        "A gravity system needs very little, but it needs somebody: a named caretaker with a key "
        "and a shovel is the difference between a day and three weeks without water.",
        "Name and train a caretaker before handing over a protected spring. Plant grass and "
        "trees above the intake to hold the soil.",
        "springs, gravity-schemes, o-and-m",
        NULL,
        Q_HANDOVER,
    },

    /* Drafts by members */
    {
        "uer-navrongo", "juliana.ayeebo@example.net",
        "Young people as water point reporters",
        "2026-10-08", "success", "alliance", "draft",
        "Many WSMT caretakers in Kassena-Nankana are old and do not use phones, so breakdowns "
        "reach the assembly late.",
        "Twelve members of youth groups in six communities agreed to send a message to the "
        "assembly's water officer whenever a pump breaks. In two months they reported nine "
        "breakdowns, all within a day.",
        "Young people with phones are willing reporters when someone answers them and they are "
        "thanked in public.",
        "Link youth reporters to the area mechanic as well as the assembly, and mention them at "
        "community meetings.",
        "youth, monitoring, mobile-data",
        NULL,
        Q_MONITOR,
    },

    /* Burkina Faso: Kaya and Tenkodogo → Centre-Nord → national */
    {
        "bf-kaya", "ousmane.kabore@example.org",
        "Trois ans de données sur les coûts réels des forages de Kaya",
        "2024-05-16", "success", "alliance", "published",
        "La commune de Kaya compte 86 forages équipés de pompes à motricité humaine, gérés par "
        "des associations des usagers de l'eau (AUE). Personne ne savait ce que coûtait "
        "réellement leur entretien.",
        "De 2021 à 2023, la plateforme a relevé les dépenses de réparation, les cotisations et "
        "la rémunération des maintenanciers de chaque forage. Le coût réel moyen est de 145 000 "
        "FCFA par forage et par an, dont seulement 38 % sont couverts par les cotisations des "
        "usagers.",
        "Connaître le coût réel change la discussion entre la commune et les usagers : on ne "
        "parle plus de la bonne volonté des AUE, mais de qui paie les 62 % qui manquent.",
        "Relever les coûts avec une fiche simple à chaque intervention et les présenter chaque "
        "année au conseil municipal avant le vote du budget.",
        "coûts, aue, maintenance",
        "Base de données des coûts 2021–2023 | https://example.org/kaya/couts-forages.xlsx",
        Q_COUTS,
    },
    {
        "bf-tenkodogo", "edwige.sorgho@example.gov.bf",
        "Le contrat de maintenance s'est arrêté faute de paiement par la commune",
        "2024-10-24", "failure", "platform", "published",
        "La commune de Tenkodogo a confié à un prestataire privé le suivi et la réparation de "
        "120 pompes, avec deux visites préventives par an.",
        "Le transfert de l'État étant arrivé en retard, la commune n'a pas payé deux "
        "trimestres. Le prestataire a suspendu ses visites ; le délai de réparation est passé de "
        "5 à 40 jours. Les AUE, ne voyant plus personne, ont cessé de verser leurs "
        "contributions à la commune.",
        "Un contrat de maintenance ne tient que si le paiement du prestataire est assuré. Le "
        "retard d'un seul maillon a entraîné tous les autres.",
        "Verser les contributions des AUE sur un compte dédié à la maintenance, et payer le "
        "prestataire chaque trimestre à partir de ce compte, sans attendre le transfert de "
        "l'État.",
        "maintenance, contrats, finances-communales",
        NULL,
        Q_COUTS,
    },
    {
        "bf-centre-nord", "rasmata.zoungrana@example.org",
        "Réhabilitations d'urgence sans la commune : des pompes de nouveau en panne",
        "2025-08-21", "failure", "platform", "published",
        "L'arrivée de personnes déplacées a doublé la population de plusieurs quartiers de Kaya. "
        "Les files d'attente aux forages dépassaient trois heures.",
        "Des partenaires humanitaires ont réhabilité 22 forages en quelques semaines, sans "
        "informer la commune ni les AUE. Six mois plus tard, neuf étaient de nouveau en panne : "
        "personne n'était chargé de leur entretien et les pièces posées ne correspondaient pas "
        "à celles des maintenanciers locaux.",
        "L'urgence ne dispense pas de passer par la commune. Un forage réhabilité sans "
        "gestionnaire "
        "désigné redevient un forage en panne.",
        "Coordonner toute intervention d'urgence avec le service eau de la commune, désigner "
        "l'AUE ou le gestionnaire avant les travaux et utiliser les pompes et pièces du "
        "marché local.",
        "urgence, déplacés, maintenance",
        NULL,
        NULL,
    },
    {
        "bf-tenkodogo", "clementine.koanda@example.gov.bf",
        "Un compte dédié à la maintenance a remis le contrat en marche",
        "2025-11-20", "success", "alliance", "published",
        "Après l'arrêt du contrat de maintenance en 2024, la commune et les AUE ont cherché à "
        "protéger le paiement du prestataire des retards du transfert de l'État.",
        "La commune a ouvert un compte dédié où les AUE versent leurs contributions chaque mois, "
        "et la commune y ajoute sa part dès le vote du budget. Le prestataire est payé chaque "
        "trimestre. Depuis mars 2025, aucun paiement n'a manqué et le délai moyen de réparation "
        "est revenu à 6 jours.",
        "Séparer l'argent de la maintenance du reste du budget communal protège le service des "
        "retards qui ne le concernent pas. Les AUE paient plus volontiers quand elles voient le "
        "solde du compte.",
        "Présenter le solde du compte à chaque réunion de la plateforme. Partager le modèle de "
        "convention avec les autres communes du Centre-Est.",
        "maintenance, contrats, finances-communales",
        "Convention du compte dédié | https://example.org/tenkodogo/convention-compte.pdf",
        Q_COUTS,
    },
    {
        "bf-nat", "mariam.compaore@example.edu.bf",
        "Un référentiel national des coûts du service d'eau, à partir des données de Kaya",
        "2026-01-29", "success", "public", "published",
        "Les données de Kaya sur trois ans et l'expérience du compte dédié de Tenkodogo ont été "
        "présentées à la plateforme nationale.",
        "La direction générale de l'eau potable et 2iE ont établi un référentiel des coûts de "
        "maintenance par type de pompe, en partant de la fiche de Kaya. Il sert désormais aux "
        "communes pour fixer la part des usagers et celle de la commune dans leur plan annuel.",
        "Des données locales collectées patiemment peuvent devenir une référence nationale, à "
        "condition que la méthode soit simple et reproductible.",
        "Mettre à jour le référentiel tous les deux ans avec les données de nouvelles communes, "
        "et publier la fiche de collecte.",
        "coûts, politique, maintenance",
        "Référentiel des coûts, version 2026 | https://example.org/dgep/referentiel-couts-2026.pdf",
        Q_COUTS,
    },
    {
        "bf-kaya", "fatimata.belem@example.org",
        "Les femmes de l'AUE demandent des horaires d'ouverture adaptés",
        "2026-07-23", "success", "platform", "draft",
        "Les forages du secteur 5 sont fermés à clé entre 11 h et 15 h et après 18 h, pour "
        "éviter le gaspillage.",
        "Les femmes membres de l'AUE ont proposé d'ouvrir les forages dès 5 h et jusqu'à 19 h "
        "en saison sèche. Le bureau de l'AUE a accepté après un mois d'essai sans hausse des "
        "pannes.",
        "Les horaires décidés sans les femmes ne correspondent pas aux heures où elles puisent "
        "l'eau.",
        "Revoir les horaires d'ouverture avec les femmes à chaque changement de saison.",
        "genre, aue, accès",
        NULL,
        NULL,
    },
};
const size_t demo_lesson_count = sizeof demo_lessons / sizeof demo_lessons[0];

/* clang-format on */
