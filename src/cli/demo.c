/*
 * demo.c — the demo command: loads the demo alliances (cli/demo_data.c),
 * their lessons (cli/demo_lessons.c), journals (cli/demo_entries.c),
 * enquiries, documents, events (cli/demo_events.c) and the shares between
 * platforms (cli/demo_shares.c) through the same domain calls the web and the
 * API use, in one transaction, so that a half-loaded demo never exists.
 */
#include "cli/cli.h"

#include "cli/demo_agenda.h"
#include "cli/demo_assessments.h"
#include "cli/demo_data.h"
#include "cli/demo_discussions.h"
#include "cli/demo_documents.h"
#include "cli/demo_enquiries.h"
#include "cli/demo_entries.h"
#include "cli/demo_events.h"
#include "cli/demo_lessons.h"
#include "cli/demo_monitoring.h"
#include "cli/demo_proposals.h"
#include "cli/demo_shares.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "domain/account.h"
#include "domain/alliance.h"
#include "domain/capability.h"
#include "domain/entry.h"
#include "domain/lesson.h"
#include "domain/membership.h"
#include "domain/organisation.h"
#include "domain/person.h"
#include "domain/platform.h"
#include "domain/rights.h"
#include "domain/session.h"
#include "store/db.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>

/* A name → id table for one kind of record, filled as records are made. */
struct demo_ids {
    const char **names;
    const char **ids;
    size_t count;
};

static const char *ids_find(const struct demo_ids *t, const char *name)
{
    for (size_t i = 0; i < t->count; i++)
        if (strcmp(t->names[i], name) == 0)
            return t->ids[i];
    return NULL;
}

static void ids_init(struct arena *a, struct demo_ids *t, size_t cap)
{
    t->names = arena_array(a, cap, sizeof *t->names);
    t->ids = arena_array(a, cap, sizeof *t->ids);
    t->count = 0;
}

static void ids_add(struct demo_ids *t, const char *name, const char *id)
{
    t->names[t->count] = name;
    t->ids[t->count] = id;
    t->count++;
}

/* report prints the first problem of a failed step. */
static int report(const char *what, const char *name, enum status s, const struct problems *p)
{
    fprintf(stderr, _("alliance: demo: cannot add %s %s: %s%s%s\n"), what, name,
            p->count ? p->items[0].message : status_code(s),
            p->count && p->items[0].field ? " — " : "",
            p->count && p->items[0].field ? p->items[0].field : "");
    return -1;
}

/* principles_markdown turns "one per line" into a Markdown list. */
static char *principles_markdown(struct arena *a, const char *lines)
{
    struct buf b;
    buf_init(&b, 1 << 20);
    const char *p = lines;
    while (*p) {
        size_t n = strcspn(p, "\n");
        buf_printf(&b, "- %.*s\n", (int)n, p);
        p += n;
        if (*p == '\n')
            p++;
    }
    char *text = arena_strdup(a, b.data ? b.data : "");
    buf_free(&b);
    return text;
}

static int load_alliances(struct ctx *c, struct demo_ids *alliances)
{
    for (size_t i = 0; i < demo_alliance_count; i++) {
        const struct demo_alliance *d = &demo_alliances[i];
        struct alliance a = {
            .slug = (char *)d->slug,
            .name = (char *)d->name,
            .going_in_issue = (char *)d->going_in_issue,
            .vision = (char *)d->vision,
            .principles = principles_markdown(c->arena, d->principles),
            .time_zone = strcmp(d->slug, "ghana-wash") == 0 ? "Africa/Accra" : "Africa/Ouagadougou",
            /* The small alliance shows what members-only means. */
            .visibility = strcmp(d->slug, "ghana-wash") == 0 ? "public" : "members"};
        for (int k = 0; k < 4 && d->levels[k]; k++)
            a.levels[a.level_count++] = (char *)d->levels[k];
        struct problems p = {0};
        enum status s = alliance_create(c, &a, &p);
        if (s != STATUS_OK)
            return report("alliance", d->slug, s, &p);
        ids_add(alliances, d->slug, a.id);
    }
    return 0;
}

static int load_platforms(struct ctx *c, const struct demo_ids *alliances,
                          struct demo_ids *platforms)
{
    for (size_t i = 0; i < demo_platform_count; i++) {
        const struct demo_platform *d = &demo_platforms[i];
        struct alliance *a;
        if (alliance_find(c, ids_find(alliances, d->alliance_slug), &a) != STATUS_OK)
            return -1;
        struct platform pl = {.name = (char *)d->name,
                              .place = (char *)d->place,
                              .description = (char *)d->description,
                              .depth = d->level};
        pl.parent_id = d->parent_key ? (char *)ids_find(platforms, d->parent_key) : NULL;
        struct problems p = {0};
        enum status s = platform_create(c, a, &pl, &p);
        if (s != STATUS_OK)
            return report("platform", d->key, s, &p);
        ids_add(platforms, d->key, pl.id);
    }
    for (size_t i = 0; i < demo_link_count; i++) {
        const struct demo_link *d = &demo_links[i];
        struct platform_link *link;
        struct problems p = {0};
        enum status s = platform_link_create(c, ids_find(platforms, d->a_key),
                                             ids_find(platforms, d->b_key), d->note, &link, &p);
        if (s != STATUS_OK)
            return report("peer link", d->a_key, s, &p);
    }
    return 0;
}

static int load_members(struct ctx *c, const struct demo_ids *platforms,
                        struct demo_ids *organisations, struct demo_ids *people)
{
    for (size_t i = 0; i < demo_organisation_count; i++) {
        const struct demo_organisation *d = &demo_organisations[i];
        struct organisation o = {.name = (char *)d->name,
                                 .kind = (char *)d->kind,
                                 .description = (char *)d->description,
                                 .website = (char *)(d->website ? d->website : "")};
        struct problems p = {0};
        enum status s = organisation_create(c, &o, &p);
        if (s != STATUS_OK)
            return report("organisation", d->name, s, &p);
        ids_add(organisations, d->name, o.id);
    }
    for (size_t i = 0; i < demo_person_count; i++) {
        const struct demo_person *d = &demo_people[i];
        struct person pe = {.name = (char *)d->name,
                            .email = (char *)d->email,
                            .gender = (char *)(d->gender ? d->gender : ""),
                            .marginalised_group =
                                (char *)(d->marginalised_group ? d->marginalised_group : "")};
        pe.organisation_id =
            d->organisation ? (char *)ids_find(organisations, d->organisation) : NULL;
        struct problems p = {0};
        enum status s = person_create(c, &pe, &p);
        if (s != STATUS_OK)
            return report("person", d->email, s, &p);
        ids_add(people, d->email, pe.id);
    }
    for (size_t i = 0; i < demo_membership_count; i++) {
        const struct demo_membership *d = &demo_memberships[i];
        struct membership m = {.role = (char *)d->role};
        m.platform_id = (char *)ids_find(platforms, d->platform_key);
        if (d->person_email)
            m.person_id = (char *)ids_find(people, d->person_email);
        else
            m.organisation_id = (char *)ids_find(organisations, d->organisation);
        for (const char *p = d->capabilities; *p;) {
            size_t n = strcspn(p, ",");
            char name[32];
            snprintf(name, sizeof name, "%.*s", (int)n, p);
            m.capabilities |= capability_parse(name);
            p += n + (p[n] == ',');
        }
        struct problems p = {0};
        enum status s = membership_create(c, &m, &p);
        if (s != STATUS_OK)
            return report("membership on", d->platform_key, s, &p);
    }
    return 0;
}

/* The demo sign-ins: one of each kind of person the rules treat differently. */
#define DEMO_PASSWORD "alliance-demo"

static const struct {
    const char *email;
    const char *name; /* for a person the demo data does not have */
    const char *what;
    bool admin;
} demo_sign_ins[] = {
    {"admin@example.org", "Efua Boateng", N_("site administrator"), true},
    {"grace.adongo@example.gov.gh", NULL, N_("convenor, Upper East Regional WASH Platform"), false},
    {"patience.atanga@example.org", NULL, N_("documenter, Upper East Regional WASH Platform"),
     false},
    {"juliana.ayeebo@example.net", NULL, N_("member, Navrongo district platform"), false},
};

static int load_sign_ins(struct ctx *c)
{
    for (size_t i = 0; i < sizeof demo_sign_ins / sizeof demo_sign_ins[0]; i++) {
        struct account *a;
        struct problems p = {0};
        const char *name = demo_sign_ins[i].name ? demo_sign_ins[i].name : demo_sign_ins[i].email;
        enum status s =
            account_create(c, demo_sign_ins[i].email, name, demo_sign_ins[i].admin, &a, &p);
        if (s == STATUS_OK)
            s = account_set_password(c, a, DEMO_PASSWORD, &p);
        if (s != STATUS_OK)
            return report("account", demo_sign_ins[i].email, s, &p);
    }
    return 0;
}

/* author_viewer makes the viewer a demo lesson or journal entry (of status)
 * is written as. An author with an account writes as that account, so that
 * lesson_create and entry_create check their rights
 * and the audit trail names them. An author without one has no account to act
 * as (and the audit trail must not point at someone else's): the rights check
 * is made here, on the role they hold on the platform, and they write with the
 * operator's standing under their own name and person key. */
static int author_viewer(struct ctx *c, const char *status, const struct person *author,
                         const struct platform *pl, struct viewer *v)
{
    struct account *a;
    if (account_find_by_person(c, author->key, &a) == STATUS_OK) {
        viewer_of_account(c, a, v);
        return 0;
    }
    enum right needed = strcmp(status, "published") == 0 ? RIGHT_PUBLISH_ITEMS : RIGHT_WRITE_ITEMS;
    if (!rights_role_has(store_role_on_platform(c, pl->key, author->key), needed)) {
        fprintf(stderr,
                needed == RIGHT_PUBLISH_ITEMS ? _("alliance: demo: %s may not publish on %s\n")
                                              : _("alliance: demo: %s may not write on %s\n"),
                author->name, pl->name);
        return -1;
    }
    *v = (struct viewer){.person_key = author->key,
                         .person_id = author->id,
                         .name = author->name,
                         .admin = true /* the role was checked above */};
    return 0;
}

/* load_lessons writes each demo lesson as its author would. */
static int load_lessons(struct ctx *c, const struct demo_ids *platforms,
                        const struct demo_ids *people)
{
    const struct viewer *loader = c->viewer;
    for (size_t i = 0; i < demo_lesson_count; i++) {
        const struct demo_lesson *d = &demo_lessons[i];
        const char *person_id = ids_find(people, d->author_email);
        const char *platform_id = ids_find(platforms, d->platform_key);
        struct person *author;
        struct platform *pl;
        if (!person_id || person_find(c, person_id, &author) != STATUS_OK)
            return report("lesson by", d->author_email, STATUS_NOT_FOUND, &(struct problems){0});
        if (!platform_id || platform_find(c, platform_id, &pl) != STATUS_OK)
            return report("lesson on", d->platform_key, STATUS_NOT_FOUND, &(struct problems){0});
        struct viewer as_author;
        if (author_viewer(c, d->status, author, pl, &as_author) != 0)
            return -1;
        struct lesson ls = {.platform_id = (char *)platform_id,
                            .title = (char *)d->title,
                            .happened_on = (char *)d->happened_on,
                            .outcome = (char *)d->outcome,
                            .visibility = (char *)d->visibility,
                            .status = (char *)d->status,
                            .context = (char *)d->context,
                            .what_happened = (char *)d->what_happened,
                            .lesson = (char *)d->lesson,
                            .recommendation = (char *)d->recommendation,
                            .question = (char *)(d->question ? d->question : "")};
        struct problems p = {0};
        lesson_tags_parse(c, &ls, d->tags, &p);
        lesson_evidence_parse(c, &ls, d->evidence, &p);
        enum status s = STATUS_INVALID;
        if (p.count == 0) {
            c->viewer = &as_author;
            s = lesson_create(c, &ls, &p);
            c->viewer = loader;
        }
        if (s != STATUS_OK)
            return report("lesson", d->title, s, &p);
    }
    return 0;
}

/* load_entries writes each demo journal entry as its author would. */
static int load_entries(struct ctx *c, const struct demo_ids *platforms,
                        const struct demo_ids *people)
{
    const struct viewer *loader = c->viewer;
    for (size_t i = 0; i < demo_entry_count; i++) {
        const struct demo_entry *d = &demo_entries[i];
        const char *person_id = ids_find(people, d->author_email);
        const char *platform_id = ids_find(platforms, d->platform_key);
        struct person *author;
        struct platform *pl;
        if (!person_id || person_find(c, person_id, &author) != STATUS_OK)
            return report("entry by", d->author_email, STATUS_NOT_FOUND, &(struct problems){0});
        if (!platform_id || platform_find(c, platform_id, &pl) != STATUS_OK)
            return report("entry on", d->platform_key, STATUS_NOT_FOUND, &(struct problems){0});
        struct viewer as_author;
        if (author_viewer(c, d->status, author, pl, &as_author) != 0)
            return -1;
        struct entry e = {.platform_id = (char *)platform_id,
                          .kind = (char *)d->kind,
                          .title = (char *)d->title,
                          .happened_on = (char *)d->happened_on,
                          .visibility = (char *)d->visibility,
                          .status = (char *)d->status,
                          .place = (char *)d->place,
                          .people = (char *)d->people,
                          .body = (char *)d->body};
        struct problems p = {0};
        entry_links_parse(c, &e, d->links, &p);
        enum status s = STATUS_INVALID;
        if (p.count == 0) {
            c->viewer = &as_author;
            s = entry_create(c, &e, &p);
            c->viewer = loader;
        }
        if (s != STATUS_OK)
            return report("journal entry", d->title, s, &p);
    }
    return 0;
}

/* ids_lookup is ids_find as the enquiries' loader asks it (demo_lookup). */
static const char *ids_lookup(const void *table, const char *name)
{
    return ids_find(table, name);
}

static void print_sign_ins(void)
{
    printf("%s", _("\nDemo sign-ins (password: " DEMO_PASSWORD "):\n"));
    for (size_t i = 0; i < sizeof demo_sign_ins / sizeof demo_sign_ins[0]; i++)
        printf("  %-30s %s\n", demo_sign_ins[i].email, _(demo_sign_ins[i].what));
}

/* What the monitoring loader made, for the summary. */
static struct {
    size_t indicators, observations, budget_lines, needs;
} monitoring;

static int demo_load(struct ctx *c, const char *files_dir, size_t *uploaded, size_t *shared)
{
    struct demo_ids alliances, platforms, organisations, people;
    ids_init(c->arena, &alliances, demo_alliance_count);
    ids_init(c->arena, &platforms, demo_platform_count);
    ids_init(c->arena, &organisations, demo_organisation_count);
    ids_init(c->arena, &people, demo_person_count);
    if (store_begin(c) != STATUS_OK)
        return -1;
    int rc = load_alliances(c, &alliances);
    if (rc == 0)
        rc = load_platforms(c, &alliances, &platforms);
    if (rc == 0)
        rc = load_members(c, &platforms, &organisations, &people);
    if (rc == 0)
        rc = load_sign_ins(c);
    if (rc == 0)
        rc = load_lessons(c, &platforms, &people);
    if (rc == 0)
        rc = load_entries(c, &platforms, &people);
    if (rc == 0)
        rc = demo_enquiries_load(c, ids_lookup, &platforms, &people);
    if (rc == 0)
        rc = demo_documents_load(c, ids_lookup, &platforms, &people, files_dir, uploaded);
    if (rc == 0)
        rc = demo_events_load(c, ids_lookup, &platforms, &people);
    if (rc == 0)
        rc = demo_agenda_load(c, ids_lookup, &platforms, &people);
    if (rc == 0)
        rc = demo_shares_load(c, ids_lookup, &platforms, &people, shared);
    if (rc == 0)
        rc = demo_monitoring_load(c, ids_lookup, &alliances, &platforms, &monitoring.indicators,
                                  &monitoring.observations);
    if (rc == 0)
        rc = demo_resources_load(c, ids_lookup, &platforms, platforms.names, platforms.count,
                                 &monitoring.budget_lines, &monitoring.needs);
    if (rc == 0)
        rc = demo_assessments_load(c, ids_lookup, &platforms, &organisations, &people);
    size_t replies = 0;
    if (rc == 0)
        rc = demo_discussions_load(c, ids_lookup, &platforms, &people, &replies);
    size_t proposals = 0;
    if (rc == 0)
        rc = demo_proposals_load(c, ids_lookup, &platforms, &people, &proposals);
    return store_end(c, rc == 0 ? STATUS_OK : STATUS_ERROR) == STATUS_OK ? 0 : -1;
}

int demo_cmd(int argc, char **argv)
{
    const char *help =
        _("Usage: alliance demo [--data DIR | --db URL] [--files DIR]\n\n"
          "Loads the demo: a national WASH learning alliance in Ghana (national,\n"
          "regional and district platforms with their organisations, people and\n"
          "memberships) and a small Burkina Faso alliance linked to it, with\n"
          "the lessons their platforms learnt, their journals and the questions\n"
          "asked to their resource centres, a year of their events (with\n"
          "attendance, minutes, decisions and action items), their resource\n"
          "libraries (three documents are text files, written into --files:\n"
          "DATA_DIR/files by default; with --db only when --files is given), what the\n"
          "platforms shared with one another and did with it, two learning questions\n"
          "with their action-research cycles, indicators, budgets and needs,\n"
          "stakeholder assessments, discussions (on lessons, questions, an event and\n"
          "a share) with proposals, and notifications for each demo sign-in. Does\n"
          "nothing when the demo is already there.\n");
    struct config cfg;
    config_defaults(&cfg);
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(help, stdout);
            return EXIT_OK;
        }
        if (!strcmp(argv[i], "--files") && i + 1 < argc) {
            cfg.files_dir = argv[++i];
            continue;
        }
        int rc = cli_data_option(argc, argv, &i, &cfg);
        if (rc != 1) {
            if (rc == 0)
                fprintf(stderr, _("alliance: unknown option %s\n"), argv[i]);
            fputs(help, stderr);
            return EXIT_USAGE;
        }
    }
    struct db *db;
    if (cli_open(&cfg, &db) != 0)
        return EXIT_FAILURE_;
    struct arena arena;
    arena_init(&arena, 64 * 1024);
    struct ctx c = {.db = db, .arena = &arena, .viewer = &viewer_operator};
    struct alliance *existing;
    int status = EXIT_OK;
    char files[4096];
    size_t uploaded = 0, shared = 0;
    if (alliance_find(&c, demo_alliances[0].slug, &existing) == STATUS_OK) {
        printf(_("The demo is already in %s.\n"), config_where(&cfg));
    } else if (demo_load(&c, config_files(&cfg, files, sizeof files) == 0 ? files : NULL, &uploaded,
                         &shared) != 0) {
        fprintf(stderr, "%s", _("alliance: the demo could not be loaded; nothing was changed\n"));
        status = EXIT_FAILURE_;
    } else {
        printf(_("Loaded the demo into %s: %zu alliances, %zu platforms, %zu organisations, "
                 "%zu people, %zu memberships, %zu lessons, %zu journal entries, %zu "
                 "enquiries, %zu documents, %zu events, %zu shares.\n"),
               config_where(&cfg), demo_alliance_count, demo_platform_count,
               demo_organisation_count, demo_person_count, demo_membership_count, demo_lesson_count,
               demo_entry_count, demo_enquiry_count, demo_document_count + uploaded,
               demo_event_count, shared);
        printf(_("Monitoring: %zu indicators with %zu figures; %zu budget lines; %zu needs.\n"),
               monitoring.indicators, monitoring.observations, monitoring.budget_lines,
               monitoring.needs);
    }
    if (status == EXIT_OK)
        print_sign_ins();
    arena_free(&arena);
    db_close(db);
    return status;
}
