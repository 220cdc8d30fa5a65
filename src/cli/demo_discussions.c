/*
 * demo_discussions.c — the demo's conversations (demo_discussions.h).
 */
#include "cli/demo_discussions.h"
#include "cli/demo_shares.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/discussion.h"
#include "domain/event.h"
#include "domain/lesson.h"
#include "domain/person.h"
#include "domain/question.h"
#include "domain/rights.h"
#include "domain/share.h"
#include "store/discussion.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define GRACE    "grace.adongo@example.gov.gh"
#define PATIENCE "patience.atanga@example.org"
#define JULIANA  "juliana.ayeebo@example.net"
#define COMFORT  "comfort.ayine@example.gov.gh"
#define FRANCIS  "francis.akolgo@example.org"
#define CYNTHIA  "cynthia.atampugre@example.org"
#define MERCY    "mercy.apuri@example.org"
#define THOMAS   "thomas.ayamga@example.edu.gh"
#define BERNARD  "bernard.akanbe@example.gov.gh"

static const struct demo_reply spare_parts[] = {
    {CYNTHIA, 20 * 24, 0,
     "We kept the spare-parts stock at the district works department and wrote every part "
     "out in a ledger. Repairs went from 26 days to 6. The ledger is what made the difference: "
     "the area mechanics could see what was there before they travelled.",
     NULL, NULL, NULL},
    {GRACE, 19 * 24, 1,
     "Thank you, Cynthia. @[Patience Atanga], could the radio programme tell the WSMTs "
     "that parts are now in Bolgatanga? Most of them still send someone to Tamale.",
     NULL, NULL, NULL},
    {PATIENCE, 19 * 24 - 5, 2,
     "Yes. We can do a ten-minute slot in Gurune next Thursday, and I will record the "
     "storekeeper explaining how to order.",
     NULL, NULL, NULL},
    {MERCY, 18 * 24, 0,
     "Who pays for the first stock? In Bongo the assembly says the **DACF** cannot be used "
     "for parts that are then sold.",
     NULL, NULL, NULL},
    {COMFORT, 18 * 24 - 3, 4,
     "The first stock came from WaterAid and the assembly together, 60/40. Sales go back "
     "into a separate account, so the stock refills itself. The audit service accepted it "
     "as a revolving fund.",
     "The first stock came from WaterAid and the assembly together, 60/40. Sales go back "
     "into a separate account, so the stock refills itself. The Audit Service accepted it as "
     "a revolving fund in its 2024 report (page 14).",
     NULL, NULL},
    {THOMAS, 17 * 24, 0,
     "This is the third district where the NGO paid for the first stock. It would be a real "
     "lesson if one district did it with its own money.",
     NULL, NULL, NULL},
    {JULIANA, 16 * 24, 0,
     "Some pump caretakers in Navrongo are young people who were never trained on the "
     "ledger. @[Grace Adongo] can the training include them?",
     NULL, NULL, NULL},
    {FRANCIS, 16 * 24 - 2, 0,
     "Off topic, but: the last meeting's allowances were paid late again and some people "
     "said the district did it on purpose.",
     NULL, FRANCIS,
     "Allowances are for the platform meeting thread, and guesses about people's motives "
     "do not help here"},
    {GRACE, 15 * 24, 7,
     "Yes, @[Juliana Ayeebo]: we will invite two caretakers from each district, at least one "
     "of them under 30. @[Efua Boateng], please add them to the platform once they confirm.",
     NULL, NULL, NULL},
    {CYNTHIA, 2 * 24, 0,
     "Update: the ledger is now a simple spreadsheet that the storekeeper sends every month. "
     "Repairs averaged 5 days in the last quarter.",
     NULL, NULL, NULL},
};

static const struct demo_reply scaling[] = {
    {GRACE, 30 * 24, 0,
     "Four more districts asked for a store like Bolgatanga's. Before we copy it, what must "
     "be true in a district for it to work?",
     NULL, NULL, NULL},
    {FRANCIS, 29 * 24, 1,
     "Three things, from what we documented: a storekeeper who is paid, a ledger anyone can "
     "read, and area mechanics who are within a day's ride.",
     NULL, NULL, NULL},
    {THOMAS, 28 * 24, 2,
     "I would add a fourth: the assembly must agree in writing that sales stay in the "
     "revolving account. Where that was verbal, the money was spent on other things.",
     NULL, NULL, NULL},
    {PATIENCE, 27 * 24, 0,
     "I have put the three stories of change from Bongo, Navrongo and Bolgatanga in the "
     "journal. @[Grace Adongo], they could go with the proposal to the regional "
     "coordinating council.",
     NULL, NULL, NULL},
    {GRACE, 26 * 24, 4, "Good. Let us take the four conditions to the March meeting.", NULL, NULL,
     NULL},
};

static const struct demo_reply meeting[] = {
    {GRACE, 10 * 24, 0,
     "Proposed agenda for the March meeting of the regional platform:\n\n"
     "1. Spare-parts stores: four conditions before scaling\n"
     "2. Tariff review in Bongo\n"
     "3. Reports from the district platforms\n\n"
     "Anything to add?",
     NULL, NULL, NULL},
    {BERNARD, 9 * 24, 1,
     "Navrongo would like ten minutes on the borehole drilling contracts: two were paid "
     "before the pumps were tested.",
     NULL, NULL, NULL},
    {PATIENCE, 9 * 24 - 4, 0,
     "I will bring the voice recorder and take the minutes. @[Juliana Ayeebo], would you "
     "like to present the caretakers' view on item 1?",
     NULL, NULL, NULL},
    {JULIANA, 8 * 24, 3, "Yes, I will prepare five minutes with two other caretakers.", NULL, NULL,
     NULL},
    {GRACE, 7 * 24, 0,
     "Agenda agreed with Bernard's item added. Thank you all. @[Patience Atanga] please send "
     "it with the invitation.",
     NULL, NULL, NULL},
};

#define ALBERT "albert.abaane@example.edu.gh"

static const struct demo_reply caretakers[] = {
    {BERNARD, 6 * 24, 0,
     "The regional platform asked every district to train its young pump caretakers on the "
     "spare-parts ledger before the dry season. When and where can we do it in Navrongo?",
     NULL, NULL, NULL},
    {JULIANA, 5 * 24, 1,
     "Most of the young caretakers farm on weekdays. A Saturday would bring twice as many.", NULL,
     NULL, NULL},
    {ALBERT, 5 * 24 - 6, 0,
     "The district assembly hall is free on Saturdays, and the storekeeper can come with the "
     "ledger so that they practise on the real one.",
     NULL, NULL, NULL},
    {THOMAS, 4 * 24, 2,
     "Agreed with @[Juliana Ayeebo]. I can bring two students to record what the caretakers "
     "find hard, for the next cycle of the learning question.",
     NULL, NULL, NULL},
};

#define ESI      "esi.quansah@example.org"
#define NII      "nii.tetteh@example.gov.gh"
#define NATIONAL "National platform quarterly meeting: repairs and monitoring"

static const struct demo_reply national_minutes[] = {
    {ESI, 190 * 24, 0,
     "The minutes are up. The proposal on days-to-repair comes to the July meeting: please add "
     "what your region already measures.",
     NULL, NULL, NULL},
    {GRACE, 189 * 24, 1,
     "The Upper East has logged every repair since 2024. We can share the spreadsheet with the "
     "other regions.",
     NULL, NULL, NULL},
    {NII, 188 * 24, 2, "Good. @[Grace Adongo], please bring it to the July meeting.", NULL, NULL,
     NULL},
};

static const struct demo_reply minutes_sent_down[] = {
    {GRACE, 195 * 24, 0,
     "Thank you for sending the minutes down. Do you want the figures of each district, or "
     "only the region's?",
     NULL, NULL, NULL},
    {ESI, 194 * 24, 1,
     "Each district's, please: the Ministry wants to see where repairs take longest.", NULL, NULL,
     NULL},
    {PATIENCE, 193 * 24, 0, "I will collect the five district logs before the regional meeting.",
     NULL, NULL, NULL},
};

#define ELIKEM    "elikem.tsikata@example.gov.gh"
#define DZIFA     "dzifa.ametepe@example.org"
#define WISDOM    "wisdom.ahiable@example.gov.gh"
#define SELORM    "selorm.dotse@example.org"
#define SENYO     "senyo.amegashie@example.edu.gh"
#define FAILURES  "Why do rural water points fail within two years of construction?"
#define MARKETING "How can sanitation marketing reach the poorest households?"

static const struct demo_reply failures[] = {
    {ESI, 40 * 24, 0,
     "Before the next cycles: what do we already know, beyond the repair log? Please add what "
     "your district has written down, even if it is only a list.",
     NULL, NULL, NULL},
    {COMFORT, 39 * 24, 1,
     "In Bolgatanga, 9 of the 14 points that failed in their second year were sited by the "
     "contractor alone, without the community. Four were on land the owner later fenced.",
     NULL, NULL, NULL},
    {BERNARD, 38 * 24, 0,
     "Navrongo paid two drilling contracts before the pumps were tested. Both boreholes were "
     "dry by the next March. The contracts had no clause on a yield test.",
     NULL, NULL, NULL},
    {THOMAS, 37 * 24, 3,
     "Then the question has at least three parts: siting, the contract, and the repairs. The "
     "students can code the repair log by cause if the districts send theirs.",
     NULL, NULL, NULL},
    {GRACE, 36 * 24, 2,
     "@[Esi Quansah], the fencing problem is one the national guideline could settle: a land "
     "agreement signed before drilling. Can the July meeting take it?",
     NULL, NULL, NULL},
    {JULIANA, 35 * 24, 0,
     "From the caretakers: some pumps fail because nobody was told they are the caretaker. "
     "The handover is a ceremony, not a training.",
     NULL, NULL, NULL},
    {NII, 34 * 24, 5,
     "The guideline revision starts in September. @[Patience Atanga], could the Upper East "
     "send its stories of change on handover by then?",
     NULL, NULL, NULL},
    {PATIENCE, 33 * 24, 7, "Yes. I will gather them from the three districts in August.", NULL,
     NULL, NULL},
};

static const struct demo_reply marketing[] = {
    {ELIKEM, 50 * 24, 0,
     "The latrine businesses sold 410 slabs in Keta last year. Almost none went to the "
     "households the social welfare office lists as poorest. What have others tried?",
     NULL, NULL, NULL},
    {DZIFA, 49 * 24, 1,
     "Payment in three instalments doubled sales in two Ho communities, but not among the "
     "poorest: they could not make the first payment either.",
     NULL, NULL, NULL},
    {WISDOM, 48 * 24, 0,
     "A village savings group in Anloga bought slabs for five of its members at once and "
     "got a lower price. Could the next cycle try that in Keta?",
     NULL, NULL, NULL},
    {SELORM, 47 * 24, 3,
     "We can: two groups have asked. We would need the business to agree to the group price "
     "before the act step starts.",
     NULL, NULL, NULL},
    {ESI, 46 * 24, 0,
     "Nationally, the subsidy debate is stuck. Evidence from a savings-group cycle would help "
     "more than another position paper. @[Grace Adongo], the Upper East tried vouchers in "
     "2023; is there anything written?",
     NULL, NULL, NULL},
    {GRACE, 45 * 24, 5,
     "A short report from Bawku West: the vouchers reached the poorest, but the pits were "
     "dug badly. I will share it with the Volta platform.",
     NULL, NULL, NULL},
    {SENYO, 44 * 24, 0,
     "I will document the savings-group cycle as it goes: the plan, who joins and who does "
     "not, and why.",
     NULL, NULL, NULL},
};

const struct demo_thread demo_threads[] = {
    {"question", FAILURES, NULL, NULL, failures, sizeof failures / sizeof failures[0]},
    {"question", MARKETING, NULL, NULL, marketing, sizeof marketing / sizeof marketing[0]},
    {"event", NATIONAL, NULL, NULL, national_minutes,
     sizeof national_minutes / sizeof national_minutes[0]},
    {"share", NATIONAL, "uer", NULL, minutes_sent_down,
     sizeof minutes_sent_down / sizeof minutes_sent_down[0]},
    {"lesson", "A revolving stock of spare parts cut repair times", NULL, NULL, spare_parts,
     sizeof spare_parts / sizeof spare_parts[0]},
    {"lesson", "Taking the Bolgatanga spare-parts store to four more districts", NULL, NULL,
     scaling, sizeof scaling / sizeof scaling[0]},
    {"platform", "Agenda for the March meeting of the regional platform", "uer", "alliance",
     meeting, sizeof meeting / sizeof meeting[0]},
    {"platform", "Training young caretakers on the spare-parts ledger", "uer-navrongo", "platform",
     caretakers, sizeof caretakers / sizeof caretakers[0]},
};

const size_t demo_thread_count = sizeof demo_threads / sizeof demo_threads[0];

int demo_fail(const char *what, const char *title, enum status s, const struct problems *p)
{
    fprintf(stderr, _("alliance: demo: cannot %s \"%.40s…\": %s%s%s\n"), what, title,
            p && p->count ? p->items[0].message : status_code(s),
            p && p->count && p->items[0].field ? " — " : "",
            p && p->count && p->items[0].field ? p->items[0].field : "");
    return -1;
}

int demo_as_person(struct ctx *c, demo_lookup lookup, const void *people, const char *email,
                   int64_t platform_key, int right, struct viewer *v)
{
    struct person *pe;
    const char *id = lookup(people, email);
    if (!id || person_find(c, id, &pe) != STATUS_OK) {
        fprintf(stderr, _("alliance: demo: no person %s\n"), email);
        return -1;
    }
    *v = (struct viewer){.person_key = pe->key, .person_id = pe->id, .name = pe->name};
    if (right < 0)
        return 0;
    if (!rights_role_has(store_role_on_platform(c, platform_key, pe->key), (enum right)right)) {
        fprintf(stderr, _("alliance: demo: %s may not do that there\n"), email);
        return -1;
    }
    v->admin = true;
    return 0;
}

static char *hours_ago(struct ctx *c, int hours)
{
    char out[32];
    clock_format_iso(time(NULL) - (time_t)hours * 3600, out, sizeof out);
    return arena_strdup(c->arena, out);
}

/* question_titled finds the id of the demo's learning question of this title. */
static const char *question_titled(struct ctx *c, const char *title)
{
    struct listing l;
    listing_default(&l);
    struct question_filter f = {0};
    struct question_list list;
    if (question_list(c, &f, &l, &list) != STATUS_OK)
        return NULL;
    for (int i = 0; i < list.count; i++)
        if (str_eq(list.items[i].title, title))
            return list.items[i].id;
    return NULL;
}

/* item_titled finds the item a thread is on: a lesson or an event by the
 * start of its title; a share by its event's title and its receiver
 * (platform_key). */
static const char *item_titled(struct ctx *c, const struct demo_thread *t, demo_lookup lookup,
                               const void *platforms)
{
    if (str_eq(t->kind, "lesson"))
        return demo_item_id(c, "lesson", t->title);
    if (str_eq(t->kind, "question"))
        return question_titled(c, t->title);
    const char *event_id = demo_item_id(c, "event", t->title);
    if (!event_id || str_eq(t->kind, "event"))
        return event_id;
    struct share_item item;
    if (share_item_find(c, "event", event_id, &item) != STATUS_OK)
        return NULL;
    struct listing l;
    listing_default(&l);
    struct share_filter f = {.to_key = store_platform_key(c, lookup(platforms, t->platform_key)),
                             .kind = "event",
                             .item_key = item.key};
    struct share_list list;
    return share_list(c, &f, &l, &list) == STATUS_OK && list.count ? list.items[0].id : NULL;
}

/* reply_one adds reply i of thread t (the thread made by its first reply). */
static int reply_one(struct ctx *c, const struct demo_thread *t, size_t i, demo_lookup lookup,
                     const void *platforms, const void *people, struct discussion **d,
                     struct reply **made)
{
    const struct demo_reply *dr = &t->replies[i];
    struct viewer writer;
    bool starts = i == 0 && str_eq(t->kind, "platform");
    int64_t platform_key = starts ? store_platform_key(c, lookup(platforms, t->platform_key)) : 0;
    if (demo_as_person(c, lookup, people, dr->email, platform_key, starts ? RIGHT_WRITE_ITEMS : -1,
                       &writer) != 0)
        return -1;
    const struct viewer *loader = c->viewer;
    c->viewer = &writer;
    struct problems p = {0};
    enum status s;
    if (i > 0) {
        const char *quote = dr->quote ? made[dr->quote - 1]->id : NULL;
        s = reply_create(c, *d, dr->body, quote, &p, &made[i]);
    } else if (!str_eq(t->kind, "platform")) {
        const char *id = item_titled(c, t, lookup, platforms);
        s = id ? discussion_start_on_item(c, t->kind, id, dr->body, &p, d) : STATUS_NOT_FOUND;
    } else {
        struct discussion fresh = {.title = (char *)t->title, .visibility = (char *)t->visibility};
        s = discussion_start(c, &fresh, lookup(platforms, t->platform_key), dr->body, &p);
        if (s == STATUS_OK)
            s = discussion_find(c, fresh.id, d);
    }
    if (s == STATUS_OK && i == 0) {
        struct reply_cursor cur = {.limit = 1};
        struct reply_page pg;
        s = discussion_replies(c, *d, &cur, &pg);
        if (s == STATUS_OK)
            made[0] = &pg.items[0];
    }
    if (s == STATUS_OK && dr->edit)
        s = reply_update(c, *d, made[i], dr->edit, &p);
    c->viewer = loader;
    if (s != STATUS_OK)
        return demo_fail("discuss", t->title, s, &p);
    if (dr->hidden_by) {
        struct viewer moderator;
        if (demo_as_person(c, lookup, people, dr->hidden_by, (*d)->platform_key, RIGHT_MODERATE,
                           &moderator) != 0)
            return -1;
        c->viewer = &moderator;
        s = reply_hide(c, *d, made[i], dr->hide_reason, &p);
        c->viewer = loader;
        if (s != STATUS_OK)
            return demo_fail("hide a reply of", t->title, s, &p);
    }
    s = store_reply_backdate(c, made[i], hours_ago(c, dr->hours_ago));
    return s == STATUS_OK ? 0 : demo_fail("date a reply of", t->title, s, NULL);
}

int demo_discussions_load(struct ctx *c, demo_lookup lookup, const void *platforms,
                          const void *people, size_t *replies)
{
    *replies = 0;
    for (size_t k = 0; k < demo_thread_count; k++) {
        const struct demo_thread *t = &demo_threads[k];
        struct discussion *d = NULL;
        struct reply **made = arena_array(c->arena, t->reply_count, sizeof *made);
        for (size_t i = 0; i < t->reply_count; i++)
            if (reply_one(c, t, i, lookup, platforms, people, &d, made) != 0)
                return -1;
        *replies += t->reply_count;
    }
    return 0;
}
