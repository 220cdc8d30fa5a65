/*
 * generate.c — the generate command: fills a data directory with a synthetic
 * sector of a chosen size, for benchmarks and load tests. Records go through
 * the same domain calls as the web and the API (validation included), in one
 * transaction. Names are made from syllables, so pages look like real ones and
 * searches hit common and rare words.
 */
#include "cli/cli.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/alliance.h"
#include "domain/capability.h"
#include "domain/membership.h"
#include "domain/organisation.h"
#include "domain/person.h"
#include "domain/platform.h"
#include "store/db.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* A small deterministic generator (xorshift64*), so that runs are repeatable. */
static uint64_t rng_state = 88172645463325252ULL;

static uint64_t rng_next(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 2685821657736338717ULL;
}

static int rng_below(int n)
{
    return (int)(rng_next() % (uint64_t)n);
}

static const char *const syllables[] = {"ka", "ma", "so", "ta", "li", "bo", "ne", "wa",
                                        "yo", "da", "ku", "fi", "ra", "mo", "se", "gu",
                                        "ba", "ni", "to", "ze", "pa", "lo", "de", "ho"};

static char *word(struct arena *a, int parts)
{
    char w[64] = "";
    for (int i = 0; i < parts; i++) {
        size_t n = strlen(w);
        snprintf(w + n, sizeof w - n, "%s",
                 syllables[rng_below((int)(sizeof syllables / sizeof syllables[0]))]);
    }
    w[0] = (char)(w[0] - 'a' + 'A');
    return arena_strdup(a, w);
}

struct sizes {
    int platforms;
    int people;
};

static int fail(const char *what, enum status s, const struct problems *p)
{
    fprintf(stderr, "alliance: generate: %s: %s\n", what,
            p->count ? p->items[0].message : status_code(s));
    return -1;
}

/* make_platforms creates alliances of three levels: one national platform,
 * about a tenth regional, the rest districts; 200 platforms an alliance. */
static int make_platforms(struct ctx *c, const struct sizes *z, char ***ids_out)
{
    char **ids = arena_array(c->arena, (size_t)z->platforms, sizeof *ids);
    int made = 0, alliance_no = 0;
    while (made < z->platforms) {
        int n = z->platforms - made < 200 ? z->platforms - made : 200;
        struct alliance a = {
            .name = arena_printf(c->arena, "%s Water Learning Alliance", word(c->arena, 3)),
            .slug = arena_printf(c->arena, "sector-%d", ++alliance_no),
            .going_in_issue = "Water points that stop working after a few "
                              "years, and who keeps them running.",
            .level_count = 3};
        a.levels[0] = "National";
        a.levels[1] = "Region";
        a.levels[2] = "District";
        struct problems p = {0};
        enum status s = alliance_create(c, &a, &p);
        if (s != STATUS_OK)
            return fail("alliance", s, &p);
        int regions = n / 10 > 0 ? n / 10 : 1;
        char *national = NULL,
             **region_ids = arena_array(c->arena, (size_t)regions, sizeof(char *));
        for (int i = 0; i < n; i++) {
            struct platform pl = {.place = word(c->arena, 2), .depth = -1};
            if (i == 0) {
                pl.name = arena_printf(c->arena, "%s National Platform", word(c->arena, 2));
            } else if (i <= regions) {
                pl.name = arena_printf(c->arena, "%s Regional Platform", pl.place);
                pl.parent_id = national;
            } else {
                pl.name = arena_printf(c->arena, "%s District Platform", pl.place);
                pl.parent_id = region_ids[rng_below(regions)];
            }
            pl.description = "A platform of the district assembly, water users, the local "
                             "NGO and the health office.";
            struct problems q = {0};
            s = platform_create(c, &a, &pl, &q);
            if (s != STATUS_OK)
                return fail("platform", s, &q);
            if (i == 0)
                national = pl.id;
            else if (i <= regions)
                region_ids[i - 1] = pl.id;
            ids[made++] = pl.id;
        }
    }
    *ids_out = ids;
    return 0;
}

static int make_people(struct ctx *c, const struct sizes *z, char **platforms)
{
    static const char *const kinds[] = {"government", "ngo",   "private", "academic",
                                        "community",  "donor", "other"};
    static const char *const roles[] = {"member",   "member",      "member",    "member",
                                        "observer", "facilitator", "documenter"};
    int orgs = z->people / 50 > 0 ? z->people / 50 : 1;
    char **org_ids = arena_array(c->arena, (size_t)orgs, sizeof *org_ids);
    for (int i = 0; i < orgs; i++) {
        struct organisation o = {.name = arena_printf(c->arena, "%s %s", word(c->arena, 3),
                                                      i % 3 ? "Water Trust" : "Assembly"),
                                 .kind = (char *)kinds[i % 7]};
        struct problems p = {0};
        enum status s = organisation_create(c, &o, &p);
        if (s != STATUS_OK)
            return fail("organisation", s, &p);
        org_ids[i] = o.id;
    }
    for (int i = 0; i < z->people; i++) {
        struct person pe = {
            .name = arena_printf(c->arena, "%s %s", word(c->arena, 2), word(c->arena, 3)),
            .email = arena_printf(c->arena, "person%d@example.org", i),
            .gender = i % 2 ? "female" : "male",
            .organisation_id = org_ids[rng_below(orgs)]};
        struct problems p = {0};
        enum status s = person_create(c, &pe, &p);
        if (s != STATUS_OK)
            return fail("person", s, &p);
        /* One to three platforms each; the first platform gets one person in
         * twenty, so that one platform has many members. */
        int count = 1 + rng_below(3);
        for (int k = 0; k < count; k++) {
            int target = (k == 0 && i % 20 == 0) ? 0 : rng_below(z->platforms);
            struct membership m = {.platform_id = platforms[target],
                                   .person_id = pe.id,
                                   .role = (char *)roles[rng_below(7)],
                                   .capabilities = (unsigned)rng_below(32)};
            struct problems q = {0};
            s = membership_create(c, &m, &q);
            if (s != STATUS_OK && s != STATUS_CONFLICT)
                return fail("membership", s, &q);
        }
        if (isatty(STDERR_FILENO) && i % 5000 == 0)
            fprintf(stderr, "\r%d of %d people", i, z->people);
    }
    if (isatty(STDERR_FILENO))
        fprintf(stderr, "\r%d of %d people\n", z->people, z->people);
    return 0;
}

int generate_cmd(int argc, char **argv)
{
    const char *help = _("Usage: alliance generate [--data DIR] [--platforms N] [--people N]\n\n"
                         "Fills an empty data directory with a synthetic sector for benchmarks:\n"
                         "alliances of 200 platforms over three levels, organisations, people\n"
                         "and their memberships. Defaults: 1000 platforms, 100000 people.\n");
    struct config cfg;
    config_defaults(&cfg);
    struct sizes z = {1000, 100000};
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(help, stdout);
            return EXIT_OK;
        }
        int rc = cli_data_option(argc, argv, &i, &cfg);
        if (rc == 1)
            continue;
        int64_t n;
        if (rc == 0 && i + 1 < argc && str_parse_int64(argv[i + 1], 1, 10000000, &n) == 0 &&
            (!strcmp(argv[i], "--platforms") || !strcmp(argv[i], "--people"))) {
            *(strcmp(argv[i], "--platforms") ? &z.people : &z.platforms) = (int)n;
            i++;
            continue;
        }
        fprintf(stderr, _("alliance: bad option %s\n"), argv[i]);
        fputs(help, stderr);
        return EXIT_USAGE;
    }
    struct db *db;
    if (cli_open(&cfg, &db) != 0)
        return EXIT_FAILURE_;
    struct arena arena;
    arena_init(&arena, 1 << 20);
    struct ctx c = {.db = db, .arena = &arena, .viewer = &viewer_operator};
    struct listing l;
    listing_default(&l);
    struct alliance_list existing;
    int status = EXIT_OK;
    if (alliance_list(&c, &l, &existing) != STATUS_OK || existing.total > 0) {
        fprintf(stderr, _("alliance: %s is not empty; generate fills only an empty one\n"),
                config_where(&cfg));
        status = EXIT_FAILURE_;
    } else {
        time_t start = time(NULL);
        char **platforms = NULL;
        int rc = store_begin(&c) == STATUS_OK ? 0 : -1;
        if (rc == 0)
            rc = make_platforms(&c, &z, &platforms);
        if (rc == 0)
            rc = make_people(&c, &z, platforms);
        if (store_end(&c, rc == 0 ? STATUS_OK : STATUS_ERROR) != STATUS_OK) {
            status = EXIT_FAILURE_;
        } else {
            printf(_("Generated %d platforms and %d people in %s in %lld s.\n"), z.platforms,
                   z.people, config_where(&cfg), (long long)(time(NULL) - start));
        }
    }
    arena_free(&arena);
    db_close(db);
    return status;
}
