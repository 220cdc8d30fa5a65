/*
 * demo_agenda.c — the learning agenda of the demo (see demo_agenda.h): why
 * rural water points fail within two years, owned by the national platform
 * and the Bolgatanga and Navrongo districts; and how sanitation marketing
 * can reach the poorest households, owned by the national platform, the
 * Volta region and Keta. The cycles run through 2026; the first Bolgatanga
 * cycle's reflection became a lesson and a second cycle.
 */
#include "demo_agenda.h"

#include "cli/demo_discussions.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/cycle.h"
#include "domain/document.h"
#include "domain/event.h"
#include "domain/lesson.h"
#include "domain/person.h"
#include "domain/platform.h"
#include "domain/question.h"
#include "domain/rights.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>

struct demo_question {
    const char *platforms; /* demo platform keys, comma separated, the home first */
    const char *author_email;
    const char *title, *body, *status, *visibility, *raised_on;
    const char *links; /* one a line: "lesson | title", "event | title" or "document | title" */
};

struct demo_step {
    const char *text, *starts_on, *ends_on, *evidence;
};

struct demo_cycle {
    int question; /* index in demo_questions */
    const char *platform, *author_email;
    struct demo_step steps[CYCLE_STEPS];
    bool lesson; /* its reflection starts a lesson, linked to the question */
};

/* clang-format off */

static const struct demo_question demo_questions[] = {
    {
        "nat,uer-bolga,uer-navrongo", "esi.quansah@example.org",
        "Why do rural water points fail within two years of construction?",
        "A third of the handpumps and small piped schemes built in the last five years no longer "
        "work two years after their handover. Districts blame spare parts, communities blame "
        "the contractors, contractors blame the siting.\n\n"
        "**What an answer would change:** what districts budget for after construction, and what "
        "the national guidelines ask of contractors and water and sanitation management teams.",
        "exploring", "alliance", "2026-01-22",
        "lesson | Handpumps stood idle for weeks while mechanics waited for spare parts\n"
        "lesson | A revolving stock of spare parts cut repair times from 26 days to 6\n"
        "event | Quarterly meeting of the Upper East platform: what the repair log tells us\n"
        "event | National platform quarterly meeting: repairs and monitoring\n"
        "document | Water point functionality survey form\n"
        "document | National guidelines for the operation and maintenance of rural water facilities",
    },
    {
        "vor,nat,vor-keta", "elikem.tsikata@example.gov.gh",
        "How can sanitation marketing reach the poorest households?",
        "Latrine businesses trained in the Volta region sell to households that can pay in one "
        "go. The poorest, often headed by women or older people, build nothing, or build pits "
        "that collapse in the first rains.\n\n"
        "We want to know which offers — smaller slabs, payment in instalments, a village savings "
        "group, a targeted subsidy — reach them without spoiling the market.",
        "open", "public", "2026-03-04",
        "lesson | Unlined pit latrines collapsed in the first rainy season\n"
        "lesson | Regional guidance on latrines for sandy and waterlogged soils",
    },
};

static const struct demo_cycle demo_cycles[] = {
    {0, "uer-bolga", "comfort.ayine@example.gov.gh", {
        {"Follow the twelve boreholes drilled in 2024 in Bolgatanga for six months: every "
         "breakdown, its cause, and how long the repair took. The area mechanics and the water "
         "and sanitation management teams log them on the regional form.",
         "2026-02-02", "2026-02-20", "The survey form | Water point functionality survey form"},
        {"Area mechanics logged 19 breakdowns on 11 boreholes. Two community meetings in Zaare "
         "and Sumbrungu went through the log with the teams.",
         "2026-02-23", "2026-06-30", ""},
        {"- 14 of the 19 breakdowns were worn seals and rods: parts worth less than 40 cedis.\n"
         "- Where the team kept a savings account, the median repair took 6 days; elsewhere, 31.\n"
         "- Two boreholes were sited on weak aquifers and fail every dry season.",
         "2026-07-01", "2026-07-31",
         "Spare parts supply, what we learnt in 2025 | "
         "Regional learning event on spare parts supply, Bolgatanga"},
        {"Water points fail early less for want of parts than for want of money set aside to "
         "buy them, at the moment of the breakdown. Siting matters for a few.\n\n"
         "Next: help the teams without savings open an account and set a monthly fee, and see "
         "whether their repair times fall to those of the others.",
         "2026-08-04", "2026-08-14", ""},
    }, true},
    {0, "uer-bolga", "comfort.ayine@example.gov.gh", {
        {"Help the five teams without savings open a mobile-money account and agree a monthly "
         "fee with their community; follow their repair times to March 2027.",
         "2026-09-01", "2026-09-30", ""},
        {"Three of the five teams opened an account in October; two are still discussing the fee.",
         "2026-10-01", NULL, ""},
        {NULL, NULL, NULL, NULL},
        {NULL, NULL, NULL, NULL},
    }, false},
    {0, "uer-navrongo", "bernard.akanbe@example.gov.gh", {
        {"Use the monthly text-message reports of twelve communities to find the water points "
         "that fail in their first two years, and ask each community why.",
         "2026-02-01", "2026-02-28", ""},
        {"Albert Abaane's students visited the seven young water points reported broken and "
         "interviewed their committees.",
         "2026-03-01", "2026-05-15", ""},
        {"Five of the seven had never had a caretaker trained; four committees did not know who "
         "owned the pump after the contractor left.",
         "2026-05-16", "2026-06-10", ""},
        {"Handover is where young water points are lost: nobody is named to look after them. "
         "The district will add a caretaker's training and a signed handover note to every "
         "new contract.",
         "2026-06-15", "2026-06-30", ""},
    }, false},
    {1, "vor-keta", "selorm.dotse@example.org", {
        {"Offer a smaller lined-pit latrine, paid in four instalments through the village "
         "savings groups of Anloga and Atiteti, to the households the community ranked poorest.",
         "2026-04-01", "2026-04-30", ""},
        {"Two latrine businesses sold through four savings groups; the district's health "
         "assistants went along to the first sales.",
         "2026-05-01", "2026-08-31", ""},
        {"41 of the 160 poorest households bought one, against 3 the year before; 9 of them fell "
         "behind with an instalment, none defaulted.",
         "2026-09-01", "2026-09-30", ""},
        {"Instalments through groups people already trust reach the poorest; the business "
         "takes no risk it cannot carry. The households no group takes in are still left out.",
         "2026-10-05", "2026-10-20", ""},
    }, false},
    {1, "vor", "dzifa.ametepe@example.org", {
        {"Ask every district of the region which households their sanitation marketing has "
         "not reached, and why, before the regional review.",
         "2026-06-01", "2026-06-30", ""},
        {"Questionnaires sent to the eight district platforms; five answered by October.",
         "2026-07-01", NULL, ""},
        {NULL, NULL, NULL, NULL},
        {NULL, NULL, NULL, NULL},
    }, false},
};

/* clang-format on */

#define DEMO_QUESTION_COUNT (sizeof demo_questions / sizeof demo_questions[0])

/* item_id finds the id of a demo lesson, event or document by its title. */
static const char *item_id(struct ctx *c, const char *kind, const char *title)
{
    struct listing l;
    listing_default(&l);
    l.query = title;
    if (str_eq(kind, "lesson")) {
        struct lesson_filter f = {.depth = -1};
        struct lesson_list list;
        for (int i = 0; lesson_list(c, &f, &l, &list) == STATUS_OK && i < list.count; i++)
            if (str_eq(list.items[i].title, title))
                return list.items[i].id;
    } else if (str_eq(kind, "event")) {
        struct event_filter f = {0};
        struct event_list list;
        for (int i = 0; event_list(c, &f, &l, &list) == STATUS_OK && i < list.count; i++)
            if (str_eq(list.items[i].title, title))
                return list.items[i].id;
    } else {
        struct document_filter f = {0};
        struct document_list list;
        for (int i = 0; document_list(c, &f, &l, &list) == STATUS_OK && i < list.count; i++)
            if (str_eq(list.items[i].title, title))
                return list.items[i].id;
    }
    return NULL;
}

/* links_load links a question to the items its table names. */
static int links_load(struct ctx *c, const struct question *q, const char *links)
{
    char *copy = arena_strdup(c->arena, links);
    for (char *line = copy; line && *line;) {
        char *end = line + strcspn(line, "\n");
        char *next = *end ? end + 1 : NULL;
        *end = '\0';
        char *bar = strchr(line, '|');
        if (!bar)
            return demo_fail(_("read the link"), line, STATUS_INVALID, NULL);
        char *kind = str_trim(c->arena, arena_strndup(c->arena, line, (size_t)(bar - line)));
        char *title = str_trim(c->arena, bar + 1);
        const char *id = item_id(c, kind, title);
        struct problems p = {0};
        enum status s = id ? question_link_add(c, q, kind, id, NULL, &p) : STATUS_NOT_FOUND;
        if (s != STATUS_OK)
            return demo_fail(_("link the question to"), title, s, &p);
        line = next;
    }
    return 0;
}

/* question_load raises one demo question as its author, and links it. */
static int question_load(struct ctx *c, demo_lookup lookup, const void *platforms,
                         const void *people, const struct demo_question *d, char **id_out)
{
    struct question q = {.title = (char *)d->title,
                         .body = (char *)d->body,
                         .status = (char *)d->status,
                         .visibility = (char *)d->visibility,
                         .raised_on = (char *)d->raised_on};
    char *keys = arena_strdup(c->arena, d->platforms);
    for (char *k = keys; k && q.platform_id_count < QUESTION_PLATFORMS_MAX;) {
        char *comma = strchr(k, ',');
        if (comma)
            *comma = '\0';
        q.platform_ids[q.platform_id_count] = lookup(platforms, k);
        if (!q.platform_ids[q.platform_id_count++])
            return demo_fail(_("find the platform"), k, STATUS_NOT_FOUND, NULL);
        k = comma ? comma + 1 : NULL;
    }
    struct platform *home;
    if (platform_find(c, q.platform_ids[0], &home) != STATUS_OK)
        return demo_fail(_("find the platform"), d->platforms, STATUS_NOT_FOUND, NULL);
    struct viewer v;
    if (demo_as_person(c, lookup, people, d->author_email, home->key, RIGHT_SET_AGENDA, &v) != 0)
        return -1;
    const struct viewer *loader = c->viewer;
    struct problems p = {0};
    c->viewer = &v;
    enum status s = question_create(c, &q, &p);
    struct question *full = NULL;
    if (s == STATUS_OK)
        s = question_find(c, q.id, &full);
    int rc = s == STATUS_OK ? links_load(c, full, d->links)
                            : demo_fail(_("raise the question"), d->title, s, &p);
    c->viewer = loader;
    *id_out = q.id;
    return rc;
}

/* lesson_from lets a cycle's reflection start a lesson, as the lesson form
 * does: prefilled from the cycle, then linked to its question. */
static int lesson_from(struct ctx *c, const struct cycle *cy)
{
    struct cycle *full;
    if (cycle_find(c, cy->id, &full) != STATUS_OK)
        return demo_fail(_("find the cycle of"), cy->question_title, STATUS_NOT_FOUND, NULL);
    struct lesson ls = {0};
    cycle_lesson_draft(c, full, "2026-11-01", &ls);
    ls.platform_id = full->platform_id;
    ls.outcome = "mixed";
    ls.status = "published";
    ls.visibility = "alliance";
    ls.recommendation = "Districts ask every new water and sanitation management team to open a "
                        "savings account and agree a monthly fee before the handover.";
    struct problems p = {0};
    enum status s = lesson_create(c, &ls, &p);
    if (s == STATUS_OK)
        s = cycle_link_lesson(c, full->id, ls.id);
    return s == STATUS_OK ? 0 : demo_fail(_("record the lesson of"), full->question_title, s, &p);
}

/* evidence_text turns a step's evidence, "label | document title" a line,
 * into the addresses of those documents of the library (arena). */
static char *evidence_text(struct ctx *c, const char *evidence)
{
    char *out = "";
    char *copy = arena_strdup(c->arena, evidence ? evidence : "");
    for (char *line = copy; line && *line;) {
        char *end = line + strcspn(line, "\n");
        char *next = *end ? end + 1 : NULL;
        *end = '\0';
        char *bar = strchr(line, '|');
        const char *id = bar ? item_id(c, "document", str_trim(c->arena, bar + 1)) : NULL;
        if (id)
            out =
                arena_printf(c->arena, "%s%.*s| /documents/%s\n", out, (int)(bar - line), line, id);
        line = next;
    }
    return out;
}

/* cycle_load runs one demo cycle as its author. */
static int cycle_load(struct ctx *c, demo_lookup lookup, const void *platforms, const void *people,
                      const struct demo_cycle *d, char *const *question_ids)
{
    const char *platform_id = lookup(platforms, d->platform);
    struct platform *pl;
    if (!platform_id || platform_find(c, platform_id, &pl) != STATUS_OK)
        return demo_fail(_("find the platform"), d->platform, STATUS_NOT_FOUND, NULL);
    struct viewer v;
    if (demo_as_person(c, lookup, people, d->author_email, pl->key, RIGHT_PUBLISH_ITEMS, &v) != 0)
        return -1;
    struct cycle cy = {.question_id = question_ids[d->question], .platform_input = platform_id};
    for (int i = 0; i < CYCLE_STEPS; i++) {
        cy.steps[i].text = (char *)(d->steps[i].text ? d->steps[i].text : "");
        cy.steps[i].starts_on = (char *)d->steps[i].starts_on;
        cy.steps[i].ends_on = (char *)d->steps[i].ends_on;
    }
    struct problems p = {0};
    for (int i = 0; i < CYCLE_STEPS; i++)
        cycle_evidence_parse(c, &cy, i, evidence_text(c, d->steps[i].evidence), &p);
    const struct viewer *loader = c->viewer;
    c->viewer = &v;
    enum status s = p.count ? STATUS_INVALID : cycle_create(c, &cy, &p);
    int rc = s == STATUS_OK ? 0 : demo_fail(_("start the cycle on"), d->platform, s, &p);
    if (rc == 0 && d->lesson)
        rc = lesson_from(c, &cy);
    c->viewer = loader;
    return rc;
}

int demo_agenda_load(struct ctx *c, demo_lookup lookup, const void *platforms, const void *people)
{
    char *question_ids[DEMO_QUESTION_COUNT];
    for (size_t i = 0; i < DEMO_QUESTION_COUNT; i++)
        if (question_load(c, lookup, platforms, people, &demo_questions[i], &question_ids[i]) != 0)
            return -1;
    for (size_t i = 0; i < sizeof demo_cycles / sizeof demo_cycles[0]; i++)
        if (cycle_load(c, lookup, platforms, people, &demo_cycles[i], question_ids) != 0)
            return -1;
    return 0;
}
