/*
 * demo_data.c — static tables for the demo: a fictional but realistic Ghana WASH
 * learning alliance (a national platform, four regional platforms and twelve
 * district platforms), a small Burkina Faso alliance for cross-border peer links,
 * and the organisations, people and memberships that fill them. The people and
 * their e-mail addresses are invented; every address is under an example. domain.
 * Real places and institutions are named for realism; their descriptions are
 * illustrative, not official. Three district platforms each lack one capability
 * on purpose (Yendi: research, Bongo: regulation, Offinso: policy) so that the
 * gaps show in the interface.
 */
#include "demo_data.h"

#include <stddef.h>

/* The tables keep one record per block, so clang-format is told to leave them alone. */
/* clang-format off */

const struct demo_alliance demo_alliances[] = {
    {
        "ghana-wash",
        "Ghana WASH Learning Alliance",
        "Many rural water points in Ghana stop working within a few years of being built. "
        "Boreholes are drilled and handed over, but the money, spare parts, skills and support "
        "that keep them running are often missing, and nobody is clearly responsible when a "
        "pump breaks down. The alliance asks how district assemblies, communities, service "
        "providers and national agencies can move from building facilities to delivering water "
        "and sanitation services that last, and what each of them needs to change to make that "
        "happen.",
        "Every person in rural and small-town Ghana has reliable access to safe water and a "
        "decent toilet, through services that district assemblies and communities plan, pay for "
        "and maintain together. Lessons from the districts shape national policy, and national "
        "guidelines reach the people who run services on the ground.",
        "Start from problems that districts and communities want to solve.\n"
        "Bring in the voices of women, persons with disabilities and the rural poor.\n"
        "Be open about failures as well as successes.\n"
        "Share what we learn across levels, in both directions.\n"
        "Budget time and money for documentation from the start.\n"
        "Act together, reflect on the results, then adjust.",
        {"National", "Region", "District", NULL},
    },
    {
        "burkina-eau",
        "Burkina Faso Water Learning Alliance",
        "Since decentralisation, communes in Burkina Faso are responsible for drinking water "
        "services, but most lack the budget and staff to keep boreholes and small piped systems "
        "working. Water users' associations collect little money, and the full cost of running "
        "a service over its life is rarely known. The alliance looks at what water services "
        "really cost and how communes, users and the state can share those costs.",
        "Communes deliver drinking water services that every household can rely on, with costs "
        "that are known and shared fairly between users, communes and the state. Water users' "
        "associations, communes and national services learn from each other and from "
        "neighbouring countries.",
        "Put communes at the centre of service delivery.\n"
        "Base decisions on evidence about real costs.\n"
        "Give water users, especially women, a real say.\n"
        "Share results openly, including what did not work.\n"
        "Learn with our neighbours across the border.",
        {"National", "Region", "Commune", NULL},
    },
};
const size_t demo_alliance_count = sizeof demo_alliances / sizeof demo_alliances[0];

const struct demo_platform demo_platforms[] = {
    /* ghana-wash */
    {
        "nat", "ghana-wash", NULL, 0,
        "Ghana National WASH Learning Platform",
        "Accra",
        "Brings together ministries, national agencies, development partners, NGOs and "
        "researchers to turn lessons from the districts into national policy and guidelines. "
        "Meets every quarter in Accra and reports to the annual sector review."
    },
    {
        "ner", "ghana-wash", "nat", 1,
        "Northern Regional WASH Platform",
        "Tamale",
        "Links the district platforms of the Northern Region with the regional CWSA office and "
        "regional agencies. Its main question is how to keep boreholes working through the long "
        "dry season."
    },
    {
        "uer", "ghana-wash", "nat", 1,
        "Upper East Regional WASH Platform",
        "Bolgatanga",
        "Connects the Upper East districts with regional agencies and follows up on hand pump "
        "repairs and the supply of spare parts. Shares experience across the border with "
        "Burkina Faso."
    },
    {
        "ash", "ghana-wash", "nat", 1,
        "Ashanti Regional WASH Platform",
        "Kumasi",
        "Connects districts around Kumasi with KNUST and the regional agencies. Works on "
        "small-town piped schemes and on sanitation in fast-growing peri-urban communities."
    },
    {
        "vor", "ghana-wash", "nat", 1,
        "Volta Regional WASH Platform",
        "Ho",
        "Brings together Volta districts from the coast to the hills. Looks at salty "
        "groundwater along the coast and at how communities pay for repairs."
    },
    {
        "ner-tamale", "ghana-wash", "ner", 2,
        "Tamale Metropolitan WASH Platform",
        "Tamale",
        "Works on water and sanitation at the edges of Tamale, where many households still "
        "depend on dams and water tankers. Members test ways to bring piped water and household "
        "toilets to peri-urban communities."
    },
    {
        "ner-savelugu", "ghana-wash", "ner", 2,
        "Savelugu Municipal WASH Platform",
        "Savelugu",
        "Follows how water and sanitation management teams collect user fees and pay for "
        "repairs. Shares its community savings model with other districts."
    },
    {
        "ner-yendi", "ghana-wash", "ner", 2,
        "Yendi Municipal WASH Platform",
        "Yendi",
        "A young platform focused on getting broken boreholes back into use. It is still "
        "looking for a research partner to help it measure what works."
    },
    {
        "uer-bolga", "ghana-wash", "uer", 2,
        "Bolgatanga Municipal WASH Platform",
        "Bolgatanga",
        "Works on hand pump repair services and on making water points usable by everyone, "
        "including persons with disabilities. Exchanges visits with communes across the border "
        "in Burkina Faso."
    },
    {
        "uer-bongo", "ghana-wash", "uer", 2,
        "Bongo District WASH Platform",
        "Bongo",
        "Deals with high fluoride levels in some boreholes and the search for safe alternative "
        "sources. Water quality rules are not yet enforced locally, and the platform wants to "
        "change that."
    },
    {
        "uer-navrongo", "ghana-wash", "uer", 2,
        "Kassena-Nankana Municipal WASH Platform",
        "Navrongo",
        "Brings together the municipal assembly, the university in Navrongo and community teams "
        "to track how well water services work. Publishes a short service report every six "
        "months."
    },
    {
        "ash-ejisu", "ghana-wash", "ash", 2,
        "Ejisu Municipal WASH Platform",
        "Ejisu",
        "Works on sanitation in the growing towns along the Kumasi-Accra road and on monitoring "
        "small-town water systems. KNUST students often do their field research with the "
        "platform."
    },
    {
        "ash-konongo", "ghana-wash", "ash", 2,
        "Asante Akim Central Municipal WASH Platform",
        "Konongo",
        "Looks at how small-scale gold mining pollutes streams and wells, and how communities "
        "can protect their water sources. Works closely with the Water Resources Commission."
    },
    {
        "ash-offinso", "ghana-wash", "ash", 2,
        "Offinso Municipal WASH Platform",
        "Offinso",
        "Focuses on private operators of mechanised boreholes and on what households pay for "
        "water. It has not yet drawn in the people who write district plans and by-laws."
    },
    {
        "vor-ho", "ghana-wash", "vor", 2,
        "Ho Municipal WASH Platform",
        "Ho",
        "Works with UHAS on hygiene in schools and health facilities. Is testing a simple "
        "phone-based way for communities to report broken water points."
    },
    {
        "vor-keta", "ghana-wash", "vor", 2,
        "Keta Municipal WASH Platform",
        "Keta",
        "Deals with salty groundwater and flooding along the coast, and with sanitation in "
        "fishing communities. Fishmongers and fishermen's groups are active members."
    },
    {
        "vor-hohoe", "ghana-wash", "vor", 2,
        "Hohoe Municipal WASH Platform",
        "Hohoe",
        "Works on spring protection and small gravity-fed systems in the hills around Hohoe. "
        "Shares lessons on how communities contribute to repairs."
    },
    /* burkina-eau */
    {
        "bf-nat", "burkina-eau", NULL, 0,
        "Plateforme nationale d'apprentissage eau potable",
        "Ouagadougou",
        "National platform where the water directorate, researchers, NGOs and funders discuss "
        "the cost of rural water services and how to finance them. Feeds findings into the "
        "national drinking water programme."
    },
    {
        "bf-centre-nord", "burkina-eau", "bf-nat", 1,
        "Plateforme régionale du Centre-Nord",
        "Kaya",
        "Regional platform for the Centre-Nord, where many water points are under pressure from "
        "people who have fled insecurity. Supports communes to plan repairs and new water "
        "points."
    },
    {
        "bf-centre-est", "burkina-eau", "bf-nat", 1,
        "Plateforme régionale du Centre-Est",
        "Tenkodogo",
        "Regional platform for the Centre-Est, on the border with Ghana and Togo. Works on the "
        "supply of hand pump spare parts and on the follow-up of private maintenance contracts."
    },
    {
        "bf-kaya", "burkina-eau", "bf-centre-nord", 2,
        "Plateforme communale de Kaya",
        "Kaya",
        "The commune, water users' associations and local operators meet here to review the "
        "state of water points and agree on fees. Has collected three years of cost data."
    },
    {
        "bf-tenkodogo", "burkina-eau", "bf-centre-est", 2,
        "Plateforme communale de Tenkodogo",
        "Tenkodogo",
        "Brings the commune and water users' associations together to follow the repair "
        "contract with a private maintenance company. Exchanges visits with Bolgatanga in "
        "Ghana."
    },
};
const size_t demo_platform_count = sizeof demo_platforms / sizeof demo_platforms[0];

const struct demo_link demo_links[] = {
    {"ner-savelugu", "vor-hohoe",
     "Both platforms use community savings to pay for repairs and compare how well it works."},
    {"uer-bongo", "ash-konongo",
     "Exchange on protecting water quality: fluoride in Bongo, mining pollution in Konongo."},
    {"ner-tamale", "ash-ejisu",
     "Peri-urban water and sanitation in fast-growing towns; joint field visits each year."},
    {"uer-navrongo", "vor-ho",
     "Both monitor services with a local university and share their reporting formats."},
    {"ner-yendi", "ash-offinso",
     "Private operation of mechanised boreholes; Offinso shares its operator contracts."},
    {"uer-bolga", "vor-keta",
     "How to give women's groups a real role in managing water points."},
    {"uer", "bf-centre-est",
     "Cross-border exchange on hand pump spare parts and shared groundwater."},
    {"uer-bolga", "bf-tenkodogo",
     "Exchange visits between municipal and communal water officers on fees and life-cycle "
     "costs."},
};
const size_t demo_link_count = sizeof demo_links / sizeof demo_links[0];

const struct demo_organisation demo_organisations[] = {
    /* Government */
    {
        "Ministry of Sanitation and Water Resources", "government",
        "Sets national policy for water and sanitation and coordinates the sector. Leads the "
        "annual sector review with development partners.",
        NULL,
    },
    {
        "Community Water and Sanitation Agency (CWSA)", "government",
        "National agency that supports district assemblies to plan, deliver and monitor rural "
        "and small-town water services. Has an office in every region.",
        "https://www.cwsa.gov.gh",
    },
    {
        "Water Resources Commission (WRC)", "government",
        "Regulates the use of raw water, issues drilling and abstraction permits and protects "
        "river basins through its basin offices.",
        NULL,
    },
    {
        "Public Utilities Regulatory Commission (PURC)", "government",
        "Regulates tariffs and service quality of utility water supply. Is looking at how its "
        "oversight could reach small-town systems.",
        NULL,
    },
    {
        "Environmental Health and Sanitation Directorate", "government",
        "Responsible for sanitation policy, model by-laws and the work of environmental health "
        "officers in the regions and districts.",
        NULL,
    },
    {
        "Ghana Education Service (School Health Education Programme)", "government",
        "Promotes handwashing, safe toilets and hygiene education in basic schools through a "
        "school health coordinator in every district.",
        NULL,
    },
    {
        "Tamale Metropolitan Assembly", "government",
        "Local government authority for the Tamale metropolis. Its works and environmental "
        "health departments plan water and sanitation services for a fast-growing city.",
        NULL,
    },
    {
        "Savelugu Municipal Assembly", "government",
        "Local government authority for Savelugu and its surrounding villages. Its District "
        "Water and Sanitation Team supports community management of boreholes.",
        NULL,
    },
    {
        "Yendi Municipal Assembly", "government",
        "Local government authority for Yendi and the surrounding Dagbon area. Its District "
        "Water and Sanitation Team plans new water points and follows up on broken boreholes.",
        NULL,
    },
    {
        "Bolgatanga Municipal Assembly", "government",
        "Local government authority for Bolgatanga, the Upper East regional capital. Runs the "
        "municipal water and sanitation plan and supports community repair funds.",
        NULL,
    },
    {
        "Bongo District Assembly", "government",
        "Local government authority for Bongo District. Plans new water points and works with "
        "partners on boreholes with high fluoride.",
        NULL,
    },
    {
        "Kassena-Nankana Municipal Assembly", "government",
        "Local government authority for Navrongo and the Kassena-Nankana area. Its District "
        "Water and Sanitation Team monitors water services with help from the university in "
        "Navrongo.",
        NULL,
    },
    {
        "Ejisu Municipal Assembly", "government",
        "Local government authority for Ejisu and the towns east of Kumasi. Oversees small-town "
        "water boards and sanitation by-laws.",
        NULL,
    },
    {
        "Asante Akim Central Municipal Assembly", "government",
        "Local government authority for Konongo-Odumasi and nearby towns. Works with the Water "
        "Resources Commission on water sources damaged by mining.",
        NULL,
    },
    {
        "Offinso Municipal Assembly", "government",
        "Local government authority for Offinso and its farming communities. Contracts private "
        "operators to run mechanised boreholes.",
        NULL,
    },
    {
        "Ho Municipal Assembly", "government",
        "Local government authority for Ho, the Volta regional capital. Its environmental "
        "health unit leads school and clinic hygiene work.",
        NULL,
    },
    {
        "Keta Municipal Assembly", "government",
        "Local government authority for Keta and the coastal communities around the lagoon. "
        "Deals with flooding, coastal erosion and salty wells.",
        NULL,
    },
    {
        "Hohoe Municipal Assembly", "government",
        "Local government authority for Hohoe and the hill communities around it. Supports "
        "communities that run gravity-fed water systems.",
        NULL,
    },
    {
        "Direction générale de l'eau potable (DGEP)", "government",
        "National directorate for drinking water in Burkina Faso. Sets standards, keeps the "
        "national inventory of water points and supports communes through regional offices.",
        NULL,
    },
    {
        "Commune de Kaya", "government",
        "Urban commune and capital of the Centre-Nord region. Owns the public water points in "
        "its area and delegates their management to users' associations.",
        NULL,
    },
    {
        "Commune de Tenkodogo", "government",
        "Urban commune in the Centre-Est region. Contracts a private company to maintain the "
        "hand pumps in the commune.",
        NULL,
    },
    /* NGOs */
    {
        "WaterAid Ghana", "ngo",
        "International NGO that works with district assemblies in northern Ghana on lasting "
        "water, sanitation and hygiene services, and on sector advocacy.",
        "https://www.wateraid.org/gh",
    },
    {
        "Coalition of NGOs in Water and Sanitation (CONIWAS)", "ngo",
        "National network of civil society organisations in water and sanitation. Speaks for "
        "NGOs in sector dialogue and tracks sector budgets.",
        NULL,
    },
    {
        "ProNet North", "ngo",
        "Local NGO that works with communities and district assemblies across northern Ghana on "
        "water, sanitation and livelihoods.",
        NULL,
    },
    {
        "Northern Savannah Water Initiative", "ngo",
        "Tamale-based NGO that trains area mechanics and water and sanitation management teams "
        "to keep hand pumps working.",
        "https://savannahwater.example.org",
    },
    {
        "Zuarungu Community Development Foundation", "ngo",
        "Small NGO in the Upper East Region that supports women's groups, hygiene promotion and "
        "safe water in Bolgatanga and Bongo.",
        NULL,
    },
    {
        "Ashanti Rural Water Trust", "ngo",
        "Kumasi-based NGO that helps small towns set up and run piped water schemes and water "
        "boards.",
        "https://ruralwatertrust.example.org",
    },
    {
        "Volta Safe Water Foundation", "ngo",
        "NGO in the Volta Region working on water quality, spring protection and hygiene in "
        "schools.",
        NULL,
    },
    {
        "Ghana Federation of Disability Organisations (GFD)", "ngo",
        "Umbrella body of organisations of persons with disabilities. Pushes for water points, "
        "toilets and schools that everyone can use.",
        NULL,
    },
    {
        "Association Eau et Vie du Centre-Nord", "ngo",
        "Burkinabe NGO that trains water users' associations in the Centre-Nord region in "
        "bookkeeping, fee collection and hygiene.",
        NULL,
    },
    {
        "Solidarité Eau Sahel", "ngo",
        "NGO that helps communes in the Centre-Est region plan water services and follow up "
        "maintenance contracts.",
        NULL,
    },
    /* Private sector */
    {
        "Sahel Drilling Services Ltd", "private",
        "Tamale-based borehole drilling company working on government and NGO contracts across "
        "the north.",
        NULL,
    },
    {
        "Kumasi Aqua Drilling Company", "private",
        "Drills boreholes and installs solar-powered mechanised systems in the Ashanti and Bono "
        "regions.",
        NULL,
    },
    {
        "Volta Pumps and Spares Ltd", "private",
        "Sells hand pump spare parts and small solar pumps from shops in Ho and Hohoe.",
        NULL,
    },
    {
        "Savannah Sanitation Enterprise", "private",
        "Small business that builds and sells household toilets in northern Ghana and trains "
        "local masons.",
        NULL,
    },
    {
        "AquaSure Water Services", "private",
        "Private operator contracted by district assemblies to run small-town piped schemes and "
        "mechanised boreholes.",
        "https://aquasure.example.com",
    },
    {
        "Bolgatanga Area Mechanics Cooperative", "private",
        "Group of trained area mechanics who repair hand pumps for communities for a fee.",
        NULL,
    },
    {
        "Faso Hydro Conseil", "private",
        "Ouagadougou consulting firm that studies the cost of water services and designs small "
        "piped systems.",
        NULL,
    },
    {
        "Forages du Centre SARL", "private",
        "Drilling and hand pump maintenance company working for communes in the Centre-Nord and "
        "Centre-Est regions.",
        NULL,
    },
    /* Academic */
    {
        "Kwame Nkrumah University of Science and Technology (KNUST)", "academic",
        "University in Kumasi whose civil engineering department does research on water supply, "
        "sanitation and water quality.",
        "https://www.knust.edu.gh",
    },
    {
        "University for Development Studies (UDS)", "academic",
        "Public university in Tamale with a strong focus on rural development in northern "
        "Ghana.",
        "https://www.uds.edu.gh",
    },
    {
        "C.K. Tedam University of Technology and Applied Sciences", "academic",
        "University in Navrongo whose staff and students help monitor water services in the "
        "Upper East Region.",
        NULL,
    },
    {
        "University of Health and Allied Sciences (UHAS)", "academic",
        "Public health researchers in Ho who study hygiene in schools and health facilities.",
        "https://www.uhas.edu.gh",
    },
    {
        "Institut International d'Ingénierie de l'Eau et de l'Environnement (2iE)", "academic",
        "Engineering school in Ouagadougou that trains water engineers and does research on the "
        "cost of water services.",
        "https://www.2ie-edu.org",
    },
    /* Community organisations */
    {
        "Diare Water and Sanitation Management Team", "community",
        "Volunteer team that runs the boreholes of Diare, collects user fees and calls the area "
        "mechanic when a pump breaks.",
        NULL,
    },
    {
        "Gnani Water and Sanitation Management Team", "community",
        "Community team in Gnani near Yendi that looks after four boreholes and a small "
        "solar-powered system.",
        NULL,
    },
    {
        "Sumbrungu Water and Sanitation Management Team", "community",
        "Manages the water points of Sumbrungu near Bolgatanga and keeps a repair fund at the "
        "rural bank.",
        NULL,
    },
    {
        "Bongo-Soe Water and Sanitation Management Team", "community",
        "Community team in Bongo-Soe working with the district to close high-fluoride boreholes "
        "and find safe sources.",
        NULL,
    },
    {
        "Pungu Water and Sanitation Management Team", "community",
        "Runs the water points of Pungu and reports on their state to the municipal assembly "
        "every quarter.",
        NULL,
    },
    {
        "Besease Water and Sanitation Management Team", "community",
        "Oversees the small-town water system of Besease together with a private operator.",
        NULL,
    },
    {
        "Odumasi Water and Sanitation Management Team", "community",
        "Protects the streams and wells that Odumasi depends on and manages two mechanised "
        "boreholes.",
        NULL,
    },
    {
        "Sokode Water and Sanitation Management Team", "community",
        "Community team in Sokode near Ho that manages a piped scheme and public standpipes.",
        NULL,
    },
    {
        "Tegbi Water and Sanitation Management Team", "community",
        "Manages standpipes and public toilets in Tegbi, on the coast near Keta.",
        NULL,
    },
    {
        "Bolgatanga Basket Weavers Women's Association", "community",
        "Association of women basket weavers who also run a savings group and take part in "
        "decisions on local water points.",
        NULL,
    },
    {
        "Keta Fishmongers Association", "community",
        "Association of women who smoke and sell fish along the Keta coast; they need clean "
        "water and toilets at the landing beaches.",
        NULL,
    },
    {
        "Association des usagers de l'eau de Kaya", "community",
        "Water users' association of Kaya. Collects fees at water points and pays for routine "
        "maintenance.",
        NULL,
    },
    {
        "Association des usagers de l'eau de Tenkodogo", "community",
        "Water users' association of Tenkodogo. Follows the work of the maintenance company on "
        "behalf of the users.",
        NULL,
    },
    /* Donors */
    {
        "UNICEF Ghana", "donor",
        "Supports the government on rural water, sanitation and hygiene in schools and health "
        "facilities, with a focus on children.",
        "https://www.unicef.org/ghana",
    },
    {
        "Nordic Rural Water Fund", "donor",
        "Funds district water service programmes and learning in Ghana and Burkina Faso.",
        "https://nordicwater.example.org",
    },
    {
        "West Africa WASH Trust", "donor",
        "Foundation that gives grants to NGOs and district assemblies for lasting water "
        "services and sector learning.",
        NULL,
    },
    {
        "Sahel Water Partnership Fund", "donor",
        "Pooled fund of several partners that finances communal water plans in Burkina Faso.",
        NULL,
    },
    /* Other: networks, media, traditional and faith-based bodies */
    {
        "Resource Centre Network Ghana (RCN)", "other",
        "Network of sector organisations that collects and shares WASH knowledge, case studies "
        "and sector data.",
        NULL,
    },
    {
        "Savannah Voice FM", "other",
        "Radio station in Tamale that runs a weekly phone-in programme on water and sanitation.",
        NULL,
    },
    {
        "Gurune Community Radio", "other",
        "Community radio in Bolgatanga broadcasting in Gurune and English; records platform "
        "meetings for its listeners.",
        NULL,
    },
    {
        "Ejisu Traditional Council", "other",
        "Traditional authority of Ejisu. Chiefs help settle disputes over land for water "
        "facilities and mobilise communities.",
        NULL,
    },
    {
        "Catholic Diocese of Navrongo-Bolgatanga Development Office", "other",
        "Faith-based development office that runs water and hygiene projects in parishes across "
        "the Upper East Region.",
        NULL,
    },
    {
        "Radio Sahel Kaya", "other",
        "Local radio in Kaya that broadcasts debates on water fees in Mooré and French.",
        NULL,
    },
};
const size_t demo_organisation_count =
    sizeof demo_organisations / sizeof demo_organisations[0];

const struct demo_person demo_people[] = {
    {"Nii Armah Tetteh", "nii.tetteh@example.gov.gh", "male", NULL,
     "Ministry of Sanitation and Water Resources"},
    {"Akua Serwaa Bonsu", "akua.bonsu@example.gov.gh", "female", NULL,
     "Ministry of Sanitation and Water Resources"},
    {"Gifty Asamoah", "gifty.asamoah@example.gov.gh", "female", NULL,
     "Community Water and Sanitation Agency (CWSA)"},
    {"Yaw Boakye", "yaw.boakye@example.gov.gh", "male", NULL,
     "Community Water and Sanitation Agency (CWSA)"},
    {"Naa Adjeley Lamptey", "naa.lamptey@example.gov.gh", "female", NULL,
     "Water Resources Commission (WRC)"},
    {"Kojo Ampofo", "kojo.ampofo@example.gov.gh", "male", NULL,
     "Public Utilities Regulatory Commission (PURC)"},
    {"Dorcas Agyemang", "dorcas.agyemang@example.gov.gh", "female", NULL,
     "Environmental Health and Sanitation Directorate"},
    {"Matilda Nkansah", "matilda.nkansah@example.gov.gh", "female", NULL,
     "Ghana Education Service (School Health Education Programme)"},
    {"Emmanuel Adjei", "emmanuel.adjei@example.org", "male", NULL, "WaterAid Ghana"},
    {"Hawa Seidu", "hawa.seidu@example.org", "female", NULL,
     "Coalition of NGOs in Water and Sanitation (CONIWAS)"},
    {"Joyce Appiah", "joyce.appiah@example.org", "female", "persons with disabilities",
     "Ghana Federation of Disability Organisations (GFD)"},
    {"Afua Boateng", "afua.boateng@example.edu.gh", "female", NULL,
     "Kwame Nkrumah University of Science and Technology (KNUST)"},
    {"Linda Owusu-Ansah", "linda.owusu-ansah@example.org", "female", NULL, "UNICEF Ghana"},
    {"Selasi Kumah", "selasi.kumah@example.org", NULL, NULL, "West Africa WASH Trust"},
    {"Esi Quansah", "esi.quansah@example.org", "female", NULL,
     "Resource Centre Network Ghana (RCN)"},
    {"Ekow Mensah-Bonsu", "ekow.mensah-bonsu@example.org", "male", NULL,
     "Resource Centre Network Ghana (RCN)"},
    {"Kofi Antwi", "kofi.antwi@example.com", "male", NULL, "Kumasi Aqua Drilling Company"},
    {"Ingrid Halvorsen", "ingrid.halvorsen@example.org", "female", NULL,
     "Nordic Rural Water Fund"},
    {"Peter Nyarko", "peter.nyarko@example.com", "male", NULL, "AquaSure Water Services"},
    {"Theresa Addo", "theresa.addo@example.net", "female", NULL, NULL},
    {"Abdulai Fuseini", "abdulai.fuseini@example.gov.gh", "male", NULL,
     "Community Water and Sanitation Agency (CWSA)"},
    {"Mariama Iddrisu", "mariama.iddrisu@example.org", "female", NULL,
     "Northern Savannah Water Initiative"},
    {"Rashid Wumbei", "rashid.wumbei@example.org", "male", NULL, "Savannah Voice FM"},
    {"Abdul-Razak Issahaku", "abdul-razak.issahaku@example.edu.gh", "male", NULL,
     "University for Development Studies (UDS)"},
    {"Sanatu Alhassan", "sanatu.alhassan@example.gov.gh", "female", NULL,
     "Environmental Health and Sanitation Directorate"},
    {"Yakubu Salifu", "yakubu.salifu@example.gov.gh", "male", NULL,
     "Water Resources Commission (WRC)"},
    {"Mohammed Awal Mumuni", "mohammed.mumuni@example.org", "male", NULL, "WaterAid Ghana"},
    {"Issah Bawa", "issah.bawa@example.org", "male", NULL, "ProNet North"},
    {"Zakaria Alhassan", "zakaria.alhassan@example.com", "male", NULL,
     "Sahel Drilling Services Ltd"},
    {"Lamisi Dokurugu", "lamisi.dokurugu@example.com", "female", NULL,
     "Savannah Sanitation Enterprise"},
    {"Catherine Dery", "catherine.dery@example.org", "female", NULL, "UNICEF Ghana"},
    {"Amina Sulemana", "amina.sulemana@example.gov.gh", "female", NULL,
     "Tamale Metropolitan Assembly"},
    {"Tahiru Iddrisu", "tahiru.iddrisu@example.gov.gh", "male", NULL,
     "Tamale Metropolitan Assembly"},
    {"Fati Abukari", "fati.abukari@example.net", "female", "women's group", NULL},
    {"Sumaila Yahaya", "sumaila.yahaya@example.edu.gh", "male", NULL,
     "University for Development Studies (UDS)"},
    {"Rahinatu Musah", "rahinatu.musah@example.org", "female", NULL,
     "Northern Savannah Water Initiative"},
    {"Wasila Haruna", "wasila.haruna@example.gov.gh", "female", NULL,
     "Ghana Education Service (School Health Education Programme)"},
    {"Abdul-Mumin Iddi", "abdul-mumin.iddi@example.gov.gh", "male", NULL,
     "Savelugu Municipal Assembly"},
    {"Safura Adam", "safura.adam@example.gov.gh", "female", NULL, "Savelugu Municipal Assembly"},
    {"Hamdia Yakubu", "hamdia.yakubu@example.org", "female", NULL,
     "Diare Water and Sanitation Management Team"},
    {"Mahamadu Baba", "mahamadu.baba@example.org", "male", NULL,
     "Diare Water and Sanitation Management Team"},
    {"Kassim Abubakari", "kassim.abubakari@example.org", "male", NULL,
     "Northern Savannah Water Initiative"},
    {"Ramatu Iddrisu", "ramatu.iddrisu@example.edu.gh", "female", NULL,
     "University for Development Studies (UDS)"},
    {"Shani Alidu", "shani.alidu@example.net", "female", "rural poor", NULL},
    {"Ibrahim Karim", "ibrahim.karim@example.gov.gh", "male", NULL, "Yendi Municipal Assembly"},
    {"Habiba Mohammed", "habiba.mohammed@example.gov.gh", "female", NULL,
     "Yendi Municipal Assembly"},
    {"Fuseini Mumuni", "fuseini.mumuni@example.gov.gh", "male", NULL, "Yendi Municipal Assembly"},
    {"Abukari Yussif", "abukari.yussif@example.org", "male", NULL,
     "Gnani Water and Sanitation Management Team"},
    {"Zenabu Alhassan", "zenabu.alhassan@example.org", "female", "women's group",
     "Gnani Water and Sanitation Management Team"},
    {"Salifu Dawuni", "salifu.dawuni@example.net", "male", "persons with disabilities", NULL},
    {"Wumpini Osman", "wumpini.osman@example.com", "male", NULL, "AquaSure Water Services"},
    {"Grace Adongo", "grace.adongo@example.gov.gh", "female", NULL,
     "Community Water and Sanitation Agency (CWSA)"},
    {"Francis Akolgo", "francis.akolgo@example.org", "male", NULL,
     "Zuarungu Community Development Foundation"},
    {"Patience Atanga", "patience.atanga@example.org", "female", NULL, "Gurune Community Radio"},
    {"Thomas Ayamga", "thomas.ayamga@example.edu.gh", "male", NULL,
     "C.K. Tedam University of Technology and Applied Sciences"},
    {"Felicia Azure", "felicia.azure@example.gov.gh", "female", NULL,
     "Environmental Health and Sanitation Directorate"},
    {"Joseph Anafo", "joseph.anafo@example.gov.gh", "male", NULL,
     "Water Resources Commission (WRC)"},
    {"Augustine Awuni", "augustine.awuni@example.org", "male", NULL,
     "Catholic Diocese of Navrongo-Bolgatanga Development Office"},
    {"Mercy Apuri", "mercy.apuri@example.org", "female", NULL, "WaterAid Ghana"},
    {"Daniel Abagre", "daniel.abagre@example.com", "male", NULL,
     "Bolgatanga Area Mechanics Cooperative"},
    {"Comfort Ayine", "comfort.ayine@example.gov.gh", "female", NULL,
     "Bolgatanga Municipal Assembly"},
    {"Peter Atinga", "peter.atinga@example.gov.gh", "male", NULL, "Bolgatanga Municipal Assembly"},
    {"Vida Abugre", "vida.abugre@example.org", "female", "women's group",
     "Bolgatanga Basket Weavers Women's Association"},
    {"Samuel Ayaaba", "samuel.ayaaba@example.org", "male", NULL,
     "Sumbrungu Water and Sanitation Management Team"},
    {"Rita Akurugu", "rita.akurugu@example.org", "female", NULL,
     "Sumbrungu Water and Sanitation Management Team"},
    {"Moses Asaah", "moses.asaah@example.net", "male", "persons with disabilities", NULL},
    {"Cynthia Atampugre", "cynthia.atampugre@example.org", "female", NULL,
     "Gurune Community Radio"},
    {"Robert Azongo", "robert.azongo@example.gov.gh", "male", NULL, "Bongo District Assembly"},
    {"Agnes Atule", "agnes.atule@example.gov.gh", "female", NULL, "Bongo District Assembly"},
    {"Simon Apana", "simon.apana@example.org", "male", NULL,
     "Bongo-Soe Water and Sanitation Management Team"},
    {"Janet Ayamba", "janet.ayamba@example.org", "female", "rural poor",
     "Bongo-Soe Water and Sanitation Management Team"},
    {"Isaac Awine", "isaac.awine@example.org", "male", NULL,
     "Zuarungu Community Development Foundation"},
    {"Lydia Asakiya", "lydia.asakiya@example.gov.gh", "female", NULL,
     "Ghana Education Service (School Health Education Programme)"},
    {"Bernard Akanbe", "bernard.akanbe@example.gov.gh", "male", NULL,
     "Kassena-Nankana Municipal Assembly"},
    {"Esther Apiung", "esther.apiung@example.gov.gh", "female", NULL,
     "Kassena-Nankana Municipal Assembly"},
    {"Albert Abaane", "albert.abaane@example.edu.gh", "male", NULL,
     "C.K. Tedam University of Technology and Applied Sciences"},
    {"Veronica Adiali", "veronica.adiali@example.org", "female", NULL,
     "Pungu Water and Sanitation Management Team"},
    {"Gabriel Akanlu", "gabriel.akanlu@example.org", "male", NULL,
     "Pungu Water and Sanitation Management Team"},
    {"Juliana Ayeebo", "juliana.ayeebo@example.net", "female", "youth", NULL},
    {"Yaa Konadu", "yaa.konadu@example.gov.gh", "female", NULL,
     "Community Water and Sanitation Agency (CWSA)"},
    {"Kwame Owusu-Sekyere", "kwame.owusu-sekyere@example.org", "male", NULL,
     "Ashanti Rural Water Trust"},
    {"Adwoa Frimpong", "adwoa.frimpong@example.edu.gh", "female", NULL,
     "Kwame Nkrumah University of Science and Technology (KNUST)"},
    {"Kwabena Opoku", "kwabena.opoku@example.gov.gh", "male", NULL,
     "Water Resources Commission (WRC)"},
    {"Akosua Mensah", "akosua.mensah@example.gov.gh", "female", NULL,
     "Environmental Health and Sanitation Directorate"},
    {"Kofi Agyei", "kofi.agyei@example.com", "male", NULL, "AquaSure Water Services"},
    {"Nana Kwame Adjei", "nana.adjei@example.org", "male", NULL, "Ejisu Traditional Council"},
    {"Afia Darko", "afia.darko@example.org", "female", NULL, "West Africa WASH Trust"},
    {"Kwaku Appiah", "kwaku.appiah@example.gov.gh", "male", NULL, "Ejisu Municipal Assembly"},
    {"Abena Asante", "abena.asante@example.gov.gh", "female", NULL, "Ejisu Municipal Assembly"},
    {"Eric Boadu", "eric.boadu@example.gov.gh", "male", NULL, "Ejisu Municipal Assembly"},
    {"Samuel Frimpong", "samuel.frimpong@example.edu.gh", "male", NULL,
     "Kwame Nkrumah University of Science and Technology (KNUST)"},
    {"Adjoa Amponsah", "adjoa.amponsah@example.org", "female", NULL,
     "Besease Water and Sanitation Management Team"},
    {"Yaw Sarpong", "yaw.sarpong@example.org", "male", "youth",
     "Besease Water and Sanitation Management Team"},
    {"Rebecca Ofori", "rebecca.ofori@example.org", "female", NULL, "Ashanti Rural Water Trust"},
    {"Kwasi Amoako", "kwasi.amoako@example.gov.gh", "male", NULL,
     "Asante Akim Central Municipal Assembly"},
    {"Gladys Ansah", "gladys.ansah@example.gov.gh", "female", NULL,
     "Asante Akim Central Municipal Assembly"},
    {"Obed Asiedu", "obed.asiedu@example.org", "male", NULL,
     "Odumasi Water and Sanitation Management Team"},
    {"Comfort Oforiwaa", "comfort.oforiwaa@example.org", "female", NULL,
     "Odumasi Water and Sanitation Management Team"},
    {"Michael Tawiah", "michael.tawiah@example.org", "male", NULL, "Ashanti Rural Water Trust"},
    {"Priscilla Agyeiwaa", "priscilla.agyeiwaa@example.edu.gh", "female", NULL,
     "Kwame Nkrumah University of Science and Technology (KNUST)"},
    {"Stephen Gyamfi", "stephen.gyamfi@example.gov.gh", "male", NULL,
     "Offinso Municipal Assembly"},
    {"Beatrice Owusu", "beatrice.owusu@example.gov.gh", "female", NULL,
     "Offinso Municipal Assembly"},
    {"Ama Serwaa Kyei", "ama.kyei@example.gov.gh", "female", NULL, "Offinso Municipal Assembly"},
    {"Kwadwo Bonsu", "kwadwo.bonsu@example.com", "male", NULL, "Kumasi Aqua Drilling Company"},
    {"Mavis Adomako", "mavis.adomako@example.net", "female", NULL, NULL},
    {"Isaac Asare", "isaac.asare@example.edu.gh", "male", NULL,
     "Kwame Nkrumah University of Science and Technology (KNUST)"},
    {"Elikem Tsikata", "elikem.tsikata@example.gov.gh", "male", NULL,
     "Community Water and Sanitation Agency (CWSA)"},
    {"Dzifa Ametepe", "dzifa.ametepe@example.org", "female", NULL, "Volta Safe Water Foundation"},
    {"Senyo Amegashie", "senyo.amegashie@example.edu.gh", "male", NULL,
     "University of Health and Allied Sciences (UHAS)"},
    {"Mawuli Adzraku", "mawuli.adzraku@example.gov.gh", "male", NULL,
     "Water Resources Commission (WRC)"},
    {"Enyonam Kpodo", "enyonam.kpodo@example.gov.gh", "female", NULL,
     "Environmental Health and Sanitation Directorate"},
    {"Kafui Dogbe", "kafui.dogbe@example.com", "male", NULL, "Volta Pumps and Spares Ltd"},
    {"Yayra Gbedemah", "yayra.gbedemah@example.org", "female", NULL, "Nordic Rural Water Fund"},
    {"Delali Fiagbe", "delali.fiagbe@example.gov.gh", NULL, NULL, "Ho Municipal Assembly"},
    {"Xorlali Agbeko", "xorlali.agbeko@example.gov.gh", "female", NULL, "Ho Municipal Assembly"},
    {"Edem Adzoyi", "edem.adzoyi@example.edu.gh", "male", NULL,
     "University of Health and Allied Sciences (UHAS)"},
    {"Sena Agbenyo", "sena.agbenyo@example.org", "female", NULL,
     "Sokode Water and Sanitation Management Team"},
    {"Kodzo Amenyo", "kodzo.amenyo@example.org", "male", NULL,
     "Sokode Water and Sanitation Management Team"},
    {"Mawusi Dzokoto", "mawusi.dzokoto@example.gov.gh", "female", NULL,
     "Ghana Education Service (School Health Education Programme)"},
    {"Prosper Klu", "prosper.klu@example.org", "male", NULL, "Volta Safe Water Foundation"},
    {"Wisdom Ahiable", "wisdom.ahiable@example.gov.gh", "male", NULL, "Keta Municipal Assembly"},
    {"Akos Fiawoo", "akos.fiawoo@example.gov.gh", "female", NULL, "Keta Municipal Assembly"},
    {"Abla Dzamesi", "abla.dzamesi@example.org", "female", "women's group",
     "Keta Fishmongers Association"},
    {"Godwin Tsatsu", "godwin.tsatsu@example.org", "male", NULL,
     "Tegbi Water and Sanitation Management Team"},
    {"Benedicta Agbozo", "benedicta.agbozo@example.org", "female", NULL,
     "Tegbi Water and Sanitation Management Team"},
    {"Courage Amedzro", "courage.amedzro@example.net", "male", "youth", NULL},
    {"Eyram Akpalu", "eyram.akpalu@example.edu.gh", "female", NULL,
     "University of Health and Allied Sciences (UHAS)"},
    {"Selorm Dotse", "selorm.dotse@example.org", "male", NULL, "Volta Safe Water Foundation"},
    {"Richard Gbadago", "richard.gbadago@example.gov.gh", "male", NULL,
     "Hohoe Municipal Assembly"},
    {"Esenam Amuzu", "esenam.amuzu@example.gov.gh", "female", NULL, "Hohoe Municipal Assembly"},
    {"Seth Akorli", "seth.akorli@example.gov.gh", "male", NULL, "Hohoe Municipal Assembly"},
    {"Bright Kumordzi", "bright.kumordzi@example.com", "male", NULL, "Volta Pumps and Spares Ltd"},
    {"Gloria Adanu", "gloria.adanu@example.net", "female", "rural poor", NULL},
    {"Edinam Kwadzo", "edinam.kwadzo@example.net", NULL, NULL, NULL},
    {"Issaka Ouédraogo", "issaka.ouedraogo@example.gov.bf", "male", NULL,
     "Direction générale de l'eau potable (DGEP)"},
    {"Alizèta Ilboudo", "alizeta.ilboudo@example.gov.bf", "female", NULL,
     "Direction générale de l'eau potable (DGEP)"},
    {"Mariam Compaoré", "mariam.compaore@example.edu.bf", "female", NULL,
     "Institut International d'Ingénierie de l'Eau et de l'Environnement (2iE)"},
    {"Boukary Zongo", "boukary.zongo@example.edu.bf", "male", NULL,
     "Institut International d'Ingénierie de l'Eau et de l'Environnement (2iE)"},
    {"Salif Traoré", "salif.traore@example.com", "male", NULL, "Faso Hydro Conseil"},
    {"Jean-Baptiste Nikiéma", "jean-baptiste.nikiema@example.org", "male", NULL,
     "Sahel Water Partnership Fund"},
    {"Awa Bamogo", "awa.bamogo@example.org", "female", NULL, "Solidarité Eau Sahel"},
    {"Blaise Kiendrébéogo", "blaise.kiendrebeogo@example.gov.bf", "male", NULL,
     "Direction générale de l'eau potable (DGEP)"},
    {"Safiatou Ouattara", "safiatou.ouattara@example.gov.bf", "female", NULL,
     "Direction générale de l'eau potable (DGEP)"},
    {"Adama Sawadogo", "adama.sawadogo@example.gov.bf", "male", NULL, "Commune de Kaya"},
    {"Rasmata Zoungrana", "rasmata.zoungrana@example.org", "female", NULL,
     "Association Eau et Vie du Centre-Nord"},
    {"Hamado Sana", "hamado.sana@example.org", "male", NULL,
     "Association des usagers de l'eau de Kaya"},
    {"Fatimata Belem", "fatimata.belem@example.org", "female", NULL,
     "Association des usagers de l'eau de Kaya"},
    {"Ousmane Kaboré", "ousmane.kabore@example.org", "male", NULL, "Radio Sahel Kaya"},
    {"Pascal Yaméogo", "pascal.yameogo@example.com", "male", NULL, "Forages du Centre SARL"},
    {"Lassané Ouédraogo", "lassane.ouedraogo@example.net", "male", "rural poor", NULL},
    {"Clémentine Koanda", "clementine.koanda@example.gov.bf", "female", NULL,
     "Commune de Tenkodogo"},
    {"Bernadette Gouem", "bernadette.gouem@example.gov.bf", "female", NULL,
     "Commune de Tenkodogo"},
    {"Edwige Sorgho", "edwige.sorgho@example.gov.bf", "female", NULL, "Commune de Tenkodogo"},
    {"Moussa Gouba", "moussa.gouba@example.org", "male", NULL,
     "Association des usagers de l'eau de Tenkodogo"},
    {"Haoua Bandé", "haoua.bande@example.org", "female", NULL,
     "Association des usagers de l'eau de Tenkodogo"},
    {"Dieudonné Zida", "dieudonne.zida@example.org", "male", NULL, "Solidarité Eau Sahel"},
};
const size_t demo_person_count = sizeof demo_people / sizeof demo_people[0];

const struct demo_membership demo_memberships[] = {
    /* Ghana National WASH Learning Platform */
    {"nat", "nii.tetteh@example.gov.gh", NULL, "convenor", "policy"},
    {"nat", "esi.quansah@example.org", NULL, "facilitator", "research,documentation"},
    {"nat", "ekow.mensah-bonsu@example.org", NULL, "documenter", "documentation"},
    {"nat", "akua.bonsu@example.gov.gh", NULL, "member", "policy"},
    {"nat", "gifty.asamoah@example.gov.gh", NULL, "member", "implementation,policy"},
    {"nat", "yaw.boakye@example.gov.gh", NULL, "member", "implementation"},
    {"nat", "naa.lamptey@example.gov.gh", NULL, "member", "regulation"},
    {"nat", "kojo.ampofo@example.gov.gh", NULL, "member", "regulation,policy"},
    {"nat", "dorcas.agyemang@example.gov.gh", NULL, "member", "regulation,policy"},
    {"nat", "matilda.nkansah@example.gov.gh", NULL, "member", "implementation"},
    {"nat", "emmanuel.adjei@example.org", NULL, "member", "implementation,research"},
    {"nat", "hawa.seidu@example.org", NULL, "member", "policy,documentation"},
    {"nat", "joyce.appiah@example.org", NULL, "member", "policy"},
    {"nat", "afua.boateng@example.edu.gh", NULL, "member", "research"},
    {"nat", "abdul-razak.issahaku@example.edu.gh", NULL, "member", "research"},
    {"nat", "abdulai.fuseini@example.gov.gh", NULL, "member", "implementation"},
    {"nat", "grace.adongo@example.gov.gh", NULL, "member", "implementation"},
    {"nat", "kwame.owusu-sekyere@example.org", NULL, "member", "implementation,research"},
    {"nat", "elikem.tsikata@example.gov.gh", NULL, "member", "implementation"},
    {"nat", "linda.owusu-ansah@example.org", NULL, "observer", "policy"},
    {"nat", "theresa.addo@example.net", NULL, "member", "research,documentation"},
    {"nat", NULL, "West Africa WASH Trust", "observer", "policy"},
    {"nat", NULL, "Nordic Rural Water Fund", "observer", "policy"},
    {"nat", NULL, "Kumasi Aqua Drilling Company", "member", "implementation"},
    /* Northern Regional WASH Platform */
    {"ner", "abdulai.fuseini@example.gov.gh", NULL, "convenor", "implementation,policy"},
    {"ner", "mariama.iddrisu@example.org", NULL, "facilitator", "research,documentation"},
    {"ner", "rashid.wumbei@example.org", NULL, "documenter", "documentation"},
    {"ner", "abdul-razak.issahaku@example.edu.gh", NULL, "member", "research"},
    {"ner", "sanatu.alhassan@example.gov.gh", NULL, "member", "regulation"},
    {"ner", "yakubu.salifu@example.gov.gh", NULL, "member", "regulation"},
    {"ner", "mohammed.mumuni@example.org", NULL, "member", "implementation,research"},
    {"ner", "zakaria.alhassan@example.com", NULL, "member", "implementation"},
    {"ner", "lamisi.dokurugu@example.com", NULL, "member", "implementation"},
    {"ner", "amina.sulemana@example.gov.gh", NULL, "member", "implementation,policy"},
    {"ner", "abdul-mumin.iddi@example.gov.gh", NULL, "member", "policy"},
    {"ner", "ibrahim.karim@example.gov.gh", NULL, "member", "policy"},
    {"ner", "kassim.abubakari@example.org", NULL, "member", "implementation"},
    {"ner", NULL, "ProNet North", "member", "implementation"},
    {"ner", NULL, "UNICEF Ghana", "observer", "policy"},
    /* Upper East Regional WASH Platform */
    {"uer", "grace.adongo@example.gov.gh", NULL, "convenor", "implementation,policy"},
    {"uer", "francis.akolgo@example.org", NULL, "facilitator", "research,documentation"},
    {"uer", "patience.atanga@example.org", NULL, "documenter", "documentation"},
    {"uer", "thomas.ayamga@example.edu.gh", NULL, "member", "research"},
    {"uer", "felicia.azure@example.gov.gh", NULL, "member", "regulation"},
    {"uer", "joseph.anafo@example.gov.gh", NULL, "member", "regulation"},
    {"uer", "augustine.awuni@example.org", NULL, "member", "implementation"},
    {"uer", "mercy.apuri@example.org", NULL, "member", "implementation,research"},
    {"uer", "daniel.abagre@example.com", NULL, "member", "implementation"},
    {"uer", "comfort.ayine@example.gov.gh", NULL, "member", "policy"},
    {"uer", "robert.azongo@example.gov.gh", NULL, "member", "policy"},
    {"uer", "bernard.akanbe@example.gov.gh", NULL, "member", "policy"},
    {"uer", "moses.asaah@example.net", NULL, "member", "policy"},
    {"uer", NULL, "UNICEF Ghana", "observer", "policy"},
    {"uer", NULL,
     "Coalition of NGOs in Water and Sanitation (CONIWAS)",
     "member", "policy,documentation"},
    /* Ashanti Regional WASH Platform */
    {"ash", "yaa.konadu@example.gov.gh", NULL, "convenor", "implementation,policy"},
    {"ash", "kwame.owusu-sekyere@example.org", NULL, "facilitator", "implementation,research"},
    {"ash", "adwoa.frimpong@example.edu.gh", NULL, "documenter", "research,documentation"},
    {"ash", "kwabena.opoku@example.gov.gh", NULL, "member", "regulation"},
    {"ash", "akosua.mensah@example.gov.gh", NULL, "member", "regulation"},
    {"ash", "kofi.agyei@example.com", NULL, "member", "implementation"},
    {"ash", "peter.nyarko@example.com", NULL, "member", "implementation"},
    {"ash", "kofi.antwi@example.com", NULL, "member", "implementation"},
    {"ash", "nana.adjei@example.org", NULL, "member", "policy"},
    {"ash", "afia.darko@example.org", NULL, "observer", "policy"},
    {"ash", "kwaku.appiah@example.gov.gh", NULL, "member", "policy"},
    {"ash", "kwasi.amoako@example.gov.gh", NULL, "member", "policy"},
    {"ash", "stephen.gyamfi@example.gov.gh", NULL, "member", "implementation"},
    {"ash", "afua.boateng@example.edu.gh", NULL, "member", "research"},
    {"ash", NULL,
     "Coalition of NGOs in Water and Sanitation (CONIWAS)",
     "member", "policy,documentation"},
    /* Volta Regional WASH Platform */
    {"vor", "elikem.tsikata@example.gov.gh", NULL, "convenor", "implementation,policy"},
    {"vor", "dzifa.ametepe@example.org", NULL, "facilitator", "implementation,research"},
    {"vor", "senyo.amegashie@example.edu.gh", NULL, "documenter", "research,documentation"},
    {"vor", "mawuli.adzraku@example.gov.gh", NULL, "member", "regulation"},
    {"vor", "enyonam.kpodo@example.gov.gh", NULL, "member", "regulation"},
    {"vor", "kafui.dogbe@example.com", NULL, "member", "implementation"},
    {"vor", "yayra.gbedemah@example.org", NULL, "observer", "policy"},
    {"vor", "selasi.kumah@example.org", NULL, "observer", "policy"},
    {"vor", "delali.fiagbe@example.gov.gh", NULL, "member", "policy"},
    {"vor", "wisdom.ahiable@example.gov.gh", NULL, "member", "policy"},
    {"vor", "richard.gbadago@example.gov.gh", NULL, "member", "policy"},
    {"vor", "abla.dzamesi@example.org", NULL, "member", "implementation"},
    {"vor", NULL, "Ghana Federation of Disability Organisations (GFD)", "member", "policy"},
    /* Tamale Metropolitan WASH Platform */
    {"ner-tamale", "amina.sulemana@example.gov.gh", NULL, "convenor", "implementation,policy"},
    {"ner-tamale", "rahinatu.musah@example.org", NULL, "facilitator", "implementation,research"},
    {"ner-tamale", "sumaila.yahaya@example.edu.gh", NULL, "documenter", "research,documentation"},
    {"ner-tamale", "tahiru.iddrisu@example.gov.gh", NULL, "member", "regulation"},
    {"ner-tamale", "fati.abukari@example.net", NULL, "member", "implementation"},
    {"ner-tamale", "wasila.haruna@example.gov.gh", NULL, "member", "implementation"},
    {"ner-tamale", "zakaria.alhassan@example.com", NULL, "member", "implementation"},
    {"ner-tamale", "lamisi.dokurugu@example.com", NULL, "member", "implementation"},
    {"ner-tamale", "rashid.wumbei@example.org", NULL, "member", "documentation"},
    {"ner-tamale", "catherine.dery@example.org", NULL, "observer", "policy"},
    {"ner-tamale", NULL, "WaterAid Ghana", "member", "implementation,research"},
    /* Savelugu Municipal WASH Platform */
    {"ner-savelugu", "abdul-mumin.iddi@example.gov.gh", NULL, "convenor", "policy"},
    {"ner-savelugu", "kassim.abubakari@example.org", NULL,
     "facilitator", "implementation,research"},
    {"ner-savelugu", "ramatu.iddrisu@example.edu.gh", NULL,
     "documenter", "research,documentation"},
    {"ner-savelugu", "safura.adam@example.gov.gh", NULL, "member", "regulation"},
    {"ner-savelugu", "hamdia.yakubu@example.org", NULL, "member", "implementation"},
    {"ner-savelugu", "mahamadu.baba@example.org", NULL, "member", "implementation"},
    {"ner-savelugu", "shani.alidu@example.net", NULL, "member", "implementation"},
    {"ner-savelugu", "zakaria.alhassan@example.com", NULL, "member", "implementation"},
    {"ner-savelugu", "mohammed.mumuni@example.org", NULL, "member", "implementation,research"},
    {"ner-savelugu", NULL,
     "Diare Water and Sanitation Management Team",
     "member", "implementation"},
    {"ner-savelugu", NULL, "Savannah Voice FM", "member", "documentation"},
    /* Yendi Municipal WASH Platform */
    {"ner-yendi", "ibrahim.karim@example.gov.gh", NULL, "convenor", "policy"},
    {"ner-yendi", "kassim.abubakari@example.org", NULL, "facilitator", "implementation"},
    {"ner-yendi", "fuseini.mumuni@example.gov.gh", NULL, "documenter", "documentation"},
    {"ner-yendi", "habiba.mohammed@example.gov.gh", NULL, "member", "regulation"},
    {"ner-yendi", "abukari.yussif@example.org", NULL, "member", "implementation"},
    {"ner-yendi", "zenabu.alhassan@example.org", NULL, "member", "implementation"},
    {"ner-yendi", "salifu.dawuni@example.net", NULL, "member", "policy"},
    {"ner-yendi", "wumpini.osman@example.com", NULL, "member", "implementation"},
    {"ner-yendi", "issah.bawa@example.org", NULL, "member", "implementation"},
    {"ner-yendi", NULL, "Sahel Drilling Services Ltd", "member", "implementation"},
    /* Bolgatanga Municipal WASH Platform */
    {"uer-bolga", "comfort.ayine@example.gov.gh", NULL, "convenor", "implementation,policy"},
    {"uer-bolga", "francis.akolgo@example.org", NULL, "facilitator", "research,documentation"},
    {"uer-bolga", "cynthia.atampugre@example.org", NULL, "documenter", "documentation"},
    {"uer-bolga", "peter.atinga@example.gov.gh", NULL, "member", "regulation"},
    {"uer-bolga", "vida.abugre@example.org", NULL, "member", "implementation"},
    {"uer-bolga", "samuel.ayaaba@example.org", NULL, "member", "implementation"},
    {"uer-bolga", "rita.akurugu@example.org", NULL, "member", "implementation"},
    {"uer-bolga", "moses.asaah@example.net", NULL, "member", "policy"},
    {"uer-bolga", "daniel.abagre@example.com", NULL, "member", "implementation"},
    {"uer-bolga", "mercy.apuri@example.org", NULL, "member", "implementation,research"},
    {"uer-bolga", NULL, "Ghana Federation of Disability Organisations (GFD)", "member", "policy"},
    /* Bongo District WASH Platform */
    {"uer-bongo", "robert.azongo@example.gov.gh", NULL, "convenor", "policy"},
    {"uer-bongo", "isaac.awine@example.org", NULL, "facilitator", "implementation,research"},
    {"uer-bongo", "agnes.atule@example.gov.gh", NULL, "documenter", "policy,documentation"},
    {"uer-bongo", "simon.apana@example.org", NULL, "member", "implementation"},
    {"uer-bongo", "janet.ayamba@example.org", NULL, "member", "implementation"},
    {"uer-bongo", "lydia.asakiya@example.gov.gh", NULL, "member", "implementation"},
    {"uer-bongo", "thomas.ayamga@example.edu.gh", NULL, "member", "research"},
    {"uer-bongo", "daniel.abagre@example.com", NULL, "member", "implementation"},
    {"uer-bongo", NULL,
     "Catholic Diocese of Navrongo-Bolgatanga Development Office",
     "member", "implementation"},
    {"uer-bongo", NULL,
     "Bongo-Soe Water and Sanitation Management Team",
     "member", "implementation"},
    /* Kassena-Nankana Municipal WASH Platform */
    {"uer-navrongo", "bernard.akanbe@example.gov.gh", NULL, "convenor", "policy"},
    {"uer-navrongo", "augustine.awuni@example.org", NULL,
     "facilitator", "implementation,research"},
    {"uer-navrongo", "albert.abaane@example.edu.gh", NULL, "documenter", "research,documentation"},
    {"uer-navrongo", "esther.apiung@example.gov.gh", NULL, "member", "regulation"},
    {"uer-navrongo", "veronica.adiali@example.org", NULL, "member", "implementation"},
    {"uer-navrongo", "gabriel.akanlu@example.org", NULL, "member", "implementation"},
    {"uer-navrongo", "juliana.ayeebo@example.net", NULL, "member", "documentation"},
    {"uer-navrongo", "thomas.ayamga@example.edu.gh", NULL, "member", "research"},
    {"uer-navrongo", "joseph.anafo@example.gov.gh", NULL, "member", "regulation"},
    {"uer-navrongo", NULL, "Gurune Community Radio", "member", "documentation"},
    {"uer-navrongo", NULL, "WaterAid Ghana", "member", "implementation"},
    /* Ejisu Municipal WASH Platform */
    {"ash-ejisu", "kwaku.appiah@example.gov.gh", NULL, "convenor", "policy"},
    {"ash-ejisu", "rebecca.ofori@example.org", NULL, "facilitator", "implementation,research"},
    {"ash-ejisu", "eric.boadu@example.gov.gh", NULL, "documenter", "documentation"},
    {"ash-ejisu", "abena.asante@example.gov.gh", NULL, "member", "regulation"},
    {"ash-ejisu", "samuel.frimpong@example.edu.gh", NULL, "member", "research"},
    {"ash-ejisu", "adjoa.amponsah@example.org", NULL, "member", "implementation"},
    {"ash-ejisu", "yaw.sarpong@example.org", NULL, "member", "implementation"},
    {"ash-ejisu", "nana.adjei@example.org", NULL, "member", "policy"},
    {"ash-ejisu", "peter.nyarko@example.com", NULL, "member", "implementation"},
    {"ash-ejisu", NULL, "Kumasi Aqua Drilling Company", "member", "implementation"},
    {"ash-ejisu", NULL,
     "Besease Water and Sanitation Management Team",
     "member", "implementation"},
    /* Asante Akim Central Municipal WASH Platform */
    {"ash-konongo", "kwasi.amoako@example.gov.gh", NULL, "convenor", "policy"},
    {"ash-konongo", "michael.tawiah@example.org", NULL, "facilitator", "implementation,research"},
    {"ash-konongo", "priscilla.agyeiwaa@example.edu.gh", NULL,
     "documenter", "research,documentation"},
    {"ash-konongo", "gladys.ansah@example.gov.gh", NULL, "member", "regulation"},
    {"ash-konongo", "kwabena.opoku@example.gov.gh", NULL, "member", "regulation"},
    {"ash-konongo", "obed.asiedu@example.org", NULL, "member", "implementation"},
    {"ash-konongo", "comfort.oforiwaa@example.org", NULL, "member", "implementation"},
    {"ash-konongo", "kofi.antwi@example.com", NULL, "member", "implementation"},
    {"ash-konongo", NULL, "West Africa WASH Trust", "observer", "policy"},
    /* Offinso Municipal WASH Platform */
    {"ash-offinso", "stephen.gyamfi@example.gov.gh", NULL, "convenor", "implementation"},
    {"ash-offinso", "michael.tawiah@example.org", NULL, "facilitator", "implementation,research"},
    {"ash-offinso", "ama.kyei@example.gov.gh", NULL, "documenter", "documentation"},
    {"ash-offinso", "beatrice.owusu@example.gov.gh", NULL, "member", "regulation"},
    {"ash-offinso", "kwadwo.bonsu@example.com", NULL, "member", "implementation"},
    {"ash-offinso", "mavis.adomako@example.net", NULL, "member", "implementation"},
    {"ash-offinso", "isaac.asare@example.edu.gh", NULL, "member", "research"},
    {"ash-offinso", "kofi.agyei@example.com", NULL, "member", "implementation"},
    {"ash-offinso", "wumpini.osman@example.com", NULL, "observer", "implementation"},
    /* Ho Municipal WASH Platform */
    {"vor-ho", "delali.fiagbe@example.gov.gh", NULL, "convenor", "policy"},
    {"vor-ho", "prosper.klu@example.org", NULL, "facilitator", "implementation,research"},
    {"vor-ho", "edem.adzoyi@example.edu.gh", NULL, "documenter", "research,documentation"},
    {"vor-ho", "xorlali.agbeko@example.gov.gh", NULL, "member", "regulation"},
    {"vor-ho", "sena.agbenyo@example.org", NULL, "member", "implementation"},
    {"vor-ho", "kodzo.amenyo@example.org", NULL, "member", "implementation"},
    {"vor-ho", "mawusi.dzokoto@example.gov.gh", NULL, "member", "implementation"},
    {"vor-ho", "kafui.dogbe@example.com", NULL, "member", "implementation"},
    {"vor-ho", NULL, "UNICEF Ghana", "observer", "policy"},
    {"vor-ho", NULL, "Sokode Water and Sanitation Management Team", "member", "implementation"},
    /* Keta Municipal WASH Platform */
    {"vor-keta", "wisdom.ahiable@example.gov.gh", NULL, "convenor", "policy"},
    {"vor-keta", "selorm.dotse@example.org", NULL, "facilitator", "implementation,research"},
    {"vor-keta", "eyram.akpalu@example.edu.gh", NULL, "documenter", "research,documentation"},
    {"vor-keta", "akos.fiawoo@example.gov.gh", NULL, "member", "regulation"},
    {"vor-keta", "abla.dzamesi@example.org", NULL, "member", "implementation"},
    {"vor-keta", "godwin.tsatsu@example.org", NULL, "member", "implementation"},
    {"vor-keta", "benedicta.agbozo@example.org", NULL, "member", "implementation"},
    {"vor-keta", "courage.amedzro@example.net", NULL, "member", "documentation"},
    {"vor-keta", "mawuli.adzraku@example.gov.gh", NULL, "member", "regulation"},
    {"vor-keta", NULL, "Volta Pumps and Spares Ltd", "member", "implementation"},
    {"vor-keta", NULL, "Tegbi Water and Sanitation Management Team", "member", "implementation"},
    /* Hohoe Municipal WASH Platform */
    {"vor-hohoe", "richard.gbadago@example.gov.gh", NULL, "convenor", "policy"},
    {"vor-hohoe", "prosper.klu@example.org", NULL, "facilitator", "implementation,research"},
    {"vor-hohoe", "seth.akorli@example.gov.gh", NULL, "documenter", "documentation"},
    {"vor-hohoe", "esenam.amuzu@example.gov.gh", NULL, "member", "regulation"},
    {"vor-hohoe", "bright.kumordzi@example.com", NULL, "member", "implementation"},
    {"vor-hohoe", "gloria.adanu@example.net", NULL, "member", "implementation"},
    {"vor-hohoe", "edinam.kwadzo@example.net", NULL, "member", "implementation"},
    {"vor-hohoe", "senyo.amegashie@example.edu.gh", NULL, "member", "research"},
    {"vor-hohoe", NULL, "Nordic Rural Water Fund", "observer", "policy"},
    /* Plateforme nationale d'apprentissage eau potable */
    {"bf-nat", "issaka.ouedraogo@example.gov.bf", NULL, "convenor", "policy"},
    {"bf-nat", "mariam.compaore@example.edu.bf", NULL, "facilitator", "research,documentation"},
    {"bf-nat", "boukary.zongo@example.edu.bf", NULL, "documenter", "documentation"},
    {"bf-nat", "alizeta.ilboudo@example.gov.bf", NULL, "member", "regulation,policy"},
    {"bf-nat", "salif.traore@example.com", NULL, "member", "research"},
    {"bf-nat", "jean-baptiste.nikiema@example.org", NULL, "observer", "policy"},
    {"bf-nat", "awa.bamogo@example.org", NULL, "member", "implementation"},
    {"bf-nat", "ingrid.halvorsen@example.org", NULL, "observer", "policy"},
    {"bf-nat", "blaise.kiendrebeogo@example.gov.bf", NULL, "member", "implementation"},
    {"bf-nat", "safiatou.ouattara@example.gov.bf", NULL, "member", "implementation"},
    {"bf-nat", NULL, "Commune de Kaya", "member", "policy"},
    /* Plateforme régionale du Centre-Nord */
    {"bf-centre-nord", "blaise.kiendrebeogo@example.gov.bf", NULL,
     "convenor", "implementation,regulation"},
    {"bf-centre-nord", "rasmata.zoungrana@example.org", NULL,
     "facilitator", "implementation,research"},
    {"bf-centre-nord", "ousmane.kabore@example.org", NULL, "documenter", "documentation"},
    {"bf-centre-nord", "adama.sawadogo@example.gov.bf", NULL, "member", "policy"},
    {"bf-centre-nord", "pascal.yameogo@example.com", NULL, "member", "implementation"},
    {"bf-centre-nord", "hamado.sana@example.org", NULL, "member", "implementation"},
    {"bf-centre-nord", "salif.traore@example.com", NULL, "member", "research"},
    {"bf-centre-nord", "fatimata.belem@example.org", NULL, "member", "implementation"},
    {"bf-centre-nord", NULL,
     "Institut International d'Ingénierie de l'Eau et de l'Environnement (2iE)",
     "member", "research"},
    /* Plateforme régionale du Centre-Est */
    {"bf-centre-est", "safiatou.ouattara@example.gov.bf", NULL,
     "convenor", "implementation,regulation"},
    {"bf-centre-est", "dieudonne.zida@example.org", NULL,
     "facilitator", "implementation,research"},
    {"bf-centre-est", "edwige.sorgho@example.gov.bf", NULL, "documenter", "documentation"},
    {"bf-centre-est", "clementine.koanda@example.gov.bf", NULL, "member", "policy"},
    {"bf-centre-est", "moussa.gouba@example.org", NULL, "member", "implementation"},
    {"bf-centre-est", "pascal.yameogo@example.com", NULL, "member", "implementation"},
    {"bf-centre-est", "boukary.zongo@example.edu.bf", NULL, "member", "research,documentation"},
    {"bf-centre-est", "haoua.bande@example.org", NULL, "member", "implementation"},
    {"bf-centre-est", NULL, "Sahel Water Partnership Fund", "observer", "policy"},
    /* Plateforme communale de Kaya */
    {"bf-kaya", "adama.sawadogo@example.gov.bf", NULL, "convenor", "policy"},
    {"bf-kaya", "rasmata.zoungrana@example.org", NULL, "facilitator", "implementation,research"},
    {"bf-kaya", "ousmane.kabore@example.org", NULL, "documenter", "documentation"},
    {"bf-kaya", "hamado.sana@example.org", NULL, "member", "implementation"},
    {"bf-kaya", "fatimata.belem@example.org", NULL, "member", "implementation"},
    {"bf-kaya", "lassane.ouedraogo@example.net", NULL, "member", "implementation"},
    {"bf-kaya", "salif.traore@example.com", NULL, "member", "research"},
    {"bf-kaya", "blaise.kiendrebeogo@example.gov.bf", NULL, "member", "regulation"},
    {"bf-kaya", NULL, "Forages du Centre SARL", "member", "implementation"},
    /* Plateforme communale de Tenkodogo */
    {"bf-tenkodogo", "clementine.koanda@example.gov.bf", NULL, "convenor", "policy"},
    {"bf-tenkodogo", "dieudonne.zida@example.org", NULL, "facilitator", "implementation,research"},
    {"bf-tenkodogo", "edwige.sorgho@example.gov.bf", NULL, "documenter", "documentation"},
    {"bf-tenkodogo", "moussa.gouba@example.org", NULL, "member", "implementation"},
    {"bf-tenkodogo", "haoua.bande@example.org", NULL, "member", "implementation"},
    {"bf-tenkodogo", "safiatou.ouattara@example.gov.bf", NULL, "member", "regulation"},
    {"bf-tenkodogo", "bernadette.gouem@example.gov.bf", NULL, "member", "implementation"},
    {"bf-tenkodogo", "mariam.compaore@example.edu.bf", NULL, "member", "research"},
    {"bf-tenkodogo", NULL, "Faso Hydro Conseil", "member", "research"},
};
const size_t demo_membership_count = sizeof demo_memberships / sizeof demo_memberships[0];

/* clang-format on */
