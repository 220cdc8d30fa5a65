/*
 * test_rights.c — unit tests of the rights table, the rights checks against
 * real memberships, sign-in throttling, the audit trail's drafts, and secrets.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* cmocka needs the four headers above first. */
#include <cmocka.h>

#include "core/arena.h"
#include "core/secret.h"
#include "domain/account.h"
#include "domain/alliance.h"
#include "domain/audit.h"
#include "domain/membership.h"
#include "domain/person.h"
#include "domain/platform.h"
#include "domain/rights.h"
#include "domain/throttle.h"
#include "domain/visibility.h"
#include "store/db.h"
#include "store/schema.h"
#include "store/store.h"
#include "testdb.h"

#include <sodium.h>
#include <string.h>

static void the_rights_table_matches_the_roles(void **state)
{
    (void)state;
    static const char *const roles[] = {"convenor", "facilitator", "documenter", "member",
                                        "observer"};
    /* One row of expectations per right, one column per role, as in rights.h. */
    static const int expected[RIGHT_COUNT][5] = {
        [RIGHT_EDIT_PLATFORM] = {1, 1, 0, 0, 0},  [RIGHT_MANAGE_MEMBERS] = {1, 0, 0, 0, 0},
        [RIGHT_WRITE_ITEMS] = {1, 1, 1, 1, 0},    [RIGHT_PUBLISH_ITEMS] = {1, 1, 1, 0, 0},
        [RIGHT_RESPOND_SHARES] = {1, 1, 1, 0, 0}, [RIGHT_MODERATE] = {1, 1, 0, 0, 0},
        [RIGHT_SHARE_ITEMS] = {1, 1, 1, 0, 0},    [RIGHT_ADD_CHILD] = {1, 0, 0, 0, 0},
        [RIGHT_LINK_PEERS] = {1, 1, 0, 0, 0},     [RIGHT_SET_AGENDA] = {1, 1, 0, 0, 0},
        [RIGHT_FACILITATE] = {1, 1, 0, 0, 0},     [RIGHT_READ_AUDIT] = {1, 1, 1, 1, 1},
        [RIGHT_READ_SHARES] = {1, 1, 1, 1, 1},
    };
    for (int right = 0; right < RIGHT_COUNT; right++)
        for (int role = 0; role < 5; role++)
            assert_int_equal(rights_role_has(roles[role], (enum right)right),
                             expected[right][role]);
    assert_false(rights_role_has(NULL, RIGHT_READ_AUDIT));
    assert_false(rights_role_has("chief", RIGHT_EDIT_PLATFORM));
}

struct fixture {
    struct db *db;
    struct arena arena;
    struct ctx c;
    struct viewer who;
    struct alliance *alliance;
    struct platform *top, *below;
    struct person *convenor, *member;
};

static struct person *make_person(struct ctx *c, const char *name, const char *email)
{
    struct person pe = {.name = (char *)name, .email = (char *)email};
    struct problems p = {0};
    assert_int_equal(person_create(c, &pe, &p), STATUS_OK);
    struct person *out;
    assert_int_equal(person_find(c, pe.id, &out), STATUS_OK);
    return out;
}

static void join(struct ctx *c, struct platform *pl, struct person *pe, const char *role)
{
    struct membership m = {.platform_id = pl->id, .person_id = pe->id, .role = (char *)role};
    struct problems p = {0};
    assert_int_equal(membership_create(c, &m, &p), STATUS_OK);
}

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    if (test_db_open(&f->db) != 0)
        return -1;
    arena_init(&f->arena, 16384);
    f->c = (struct ctx){.db = f->db, .arena = &f->arena, .viewer = &viewer_operator};
    struct alliance a = {
        .slug = "closed", .name = "Closed", .level_count = 2, .visibility = "members"};
    a.levels[0] = "National";
    a.levels[1] = "District";
    struct problems p = {0};
    if (alliance_create(&f->c, &a, &p) != STATUS_OK ||
        alliance_find(&f->c, "closed", &f->alliance) != STATUS_OK)
        return -1;
    struct platform top = {.name = "Top", .depth = -1};
    if (platform_create(&f->c, f->alliance, &top, &p) != STATUS_OK)
        return -1;
    struct platform below = {.name = "Below", .depth = -1, .parent_id = top.id};
    if (platform_create(&f->c, f->alliance, &below, &p) != STATUS_OK)
        return -1;
    platform_find(&f->c, top.id, &f->top);
    platform_find(&f->c, below.id, &f->below);
    f->convenor = make_person(&f->c, "Convenor", "convenor@example.org");
    f->member = make_person(&f->c, "Member", "member@example.org");
    join(&f->c, f->top, f->convenor, "convenor");
    join(&f->c, f->below, f->member, "member");
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    arena_free(&f->arena);
    db_close(f->db);
    free(f);
    return 0;
}

/* as makes the fixture's context act as a person (account key 1 stands in
 * for a signed-in account), or signed out with NULL. */
static void as(struct fixture *f, struct person *pe)
{
    f->who = (struct viewer){0};
    if (pe) {
        f->who.account_key = 1;
        f->who.person_key = pe->key;
        f->who.name = pe->name;
    }
    f->c.viewer = &f->who;
}

static void rights_follow_the_memberships(void **state)
{
    struct fixture *f = *state;
    as(f, f->convenor);
    assert_int_equal(rights_on_platform(&f->c, f->top->key, RIGHT_EDIT_PLATFORM), STATUS_OK);
    assert_int_equal(rights_on_platform(&f->c, f->below->key, RIGHT_EDIT_PLATFORM),
                     STATUS_FORBIDDEN);
    assert_int_equal(rights_on_alliance(&f->c, f->alliance->key), STATUS_OK); /* top convenor */
    assert_int_equal(rights_directory(&f->c), STATUS_OK);
    assert_int_equal(rights_admin(&f->c), STATUS_FORBIDDEN);
    as(f, f->member);
    assert_int_equal(rights_on_platform(&f->c, f->below->key, RIGHT_WRITE_ITEMS), STATUS_OK);
    assert_int_equal(rights_on_platform(&f->c, f->below->key, RIGHT_EDIT_PLATFORM),
                     STATUS_FORBIDDEN);
    assert_int_equal(rights_directory(&f->c), STATUS_FORBIDDEN);
    assert_int_equal(rights_person(&f->c, f->member->key), STATUS_OK); /* their own record */
    as(f, NULL);
    assert_int_equal(rights_on_platform(&f->c, f->top->key, RIGHT_READ_AUDIT), STATUS_UNAUTHORIZED);
    /* The domain enforces them: a member cannot rename the platform. */
    as(f, f->member);
    struct platform edit = *f->below;
    edit.name = "Renamed";
    struct problems p = {0};
    assert_int_equal(platform_update(&f->c, f->alliance, &edit, &p), STATUS_FORBIDDEN);
}

static void a_members_only_alliance_does_not_exist_for_outsiders(void **state)
{
    struct fixture *f = *state;
    struct alliance *a;
    struct platform *pl;
    as(f, NULL);
    assert_int_equal(alliance_find(&f->c, "closed", &a), STATUS_NOT_FOUND);
    assert_int_equal(platform_find(&f->c, f->top->id, &pl), STATUS_NOT_FOUND);
    struct listing l;
    listing_default(&l);
    struct alliance_list list;
    assert_int_equal(alliance_list(&f->c, &l, &list), STATUS_OK);
    assert_int_equal(list.total, 0);
    /* Its people are hidden too, and so are their emails. */
    struct person *pe;
    assert_int_equal(person_find(&f->c, f->member->id, &pe), STATUS_NOT_FOUND);
    as(f, f->member);
    assert_int_equal(alliance_find(&f->c, "closed", &a), STATUS_OK);
    assert_int_equal(platform_find(&f->c, f->top->id, &pl), STATUS_OK);
    assert_int_equal(person_find(&f->c, f->convenor->id, &pe), STATUS_OK);
    assert_string_equal(pe->email, "convenor@example.org"); /* they share the alliance */
    assert_true(
        visibility_item_readable(&f->c, a->key, a->visibility, f->below->key, VISIBILITY_PLATFORM));
    assert_false(
        visibility_item_readable(&f->c, a->key, a->visibility, f->top->key, VISIBILITY_PLATFORM));
    assert_true(
        visibility_item_readable(&f->c, a->key, a->visibility, f->top->key, VISIBILITY_ALLIANCE));
}

static void throttling_counts_failures_in_a_window(void **state)
{
    struct fixture *f = *state;
    for (int i = 0; i < THROTTLE_LIMIT - 1; i++)
        throttle_fail(&f->c, "account:x@example.org");
    assert_int_equal(throttle_wait(&f->c, "account:x@example.org"), 0);
    throttle_fail(&f->c, "account:x@example.org");
    int64_t wait = throttle_wait(&f->c, "account:x@example.org");
    assert_true(wait > 0 && wait <= THROTTLE_WINDOW);
    assert_int_equal(throttle_wait(&f->c, "account:y@example.org"), 0);
    throttle_clear(&f->c, "account:x@example.org");
    assert_int_equal(throttle_wait(&f->c, "account:x@example.org"), 0);
}

static void the_audit_trail_records_changes_not_secrets(void **state)
{
    struct fixture *f = *state;
    struct platform edit = *f->top;
    edit.name = "Top, renamed";
    edit.depth = -1;
    edit.parent_id = NULL;
    struct problems p = {0};
    assert_int_equal(platform_update(&f->c, f->alliance, &edit, &p), STATUS_OK);
    struct audit_filter filter = {.platform_key = f->top->key, .action = "update"};
    struct listing l;
    listing_default(&l);
    struct audit_list list;
    assert_int_equal(audit_list(&f->c, &filter, &l, &list), STATUS_OK);
    assert_int_equal(list.count, 1);
    assert_string_equal(list.items[0].actor_name, "command line");
    assert_int_equal(list.items[0].change_count, 1);
    assert_string_equal(list.items[0].changes[0].field, "name");
    assert_string_equal(list.items[0].changes[0].old_value, "Top");
    assert_string_equal(list.items[0].changes[0].new_value, "Top, renamed");
    /* A password change is recorded without its values. */
    struct account *a;
    assert_int_equal(account_create(&f->c, "member@example.org", "Member", false, &a, &p),
                     STATUS_OK);
    assert_int_equal(account_set_password(&f->c, a, "a long enough password", &p), STATUS_OK);
    struct audit_filter accounts = {.kind = "account", .action = "update"};
    assert_int_equal(audit_list(&f->c, &accounts, &l, &list), STATUS_OK);
    assert_int_equal(list.count, 1);
    assert_string_equal(list.items[0].changes[0].field, "password");
    assert_null(list.items[0].changes[0].old_value);
    assert_null(list.items[0].changes[0].new_value);
    assert_true(account_password_check(a, "a long enough password"));
    assert_false(account_password_check(a, "a wrong password"));
    assert_false(account_password_check(NULL, "a long enough password"));
}

static void secrets_are_random_and_stored_hashed(void **state)
{
    (void)state;
    char a[SECRET_LEN + 1], b[SECRET_LEN + 1], hash[SECRET_HASH_LEN + 1];
    secret_new(a);
    secret_new(b);
    assert_int_equal(strlen(a), SECRET_LEN);
    assert_true(secret_shaped(a));
    assert_string_not_equal(a, b);
    secret_hash(a, hash);
    assert_int_equal(strlen(hash), SECRET_HASH_LEN);
    assert_null(strstr(hash, a));
    assert_false(secret_shaped(hash)); /* a stolen hash is not a secret's shape */
    assert_false(secret_shaped("short"));
    assert_false(secret_shaped(NULL));
}

int main(void)
{
    if (sodium_init() < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_rights_table_matches_the_roles),
        cmocka_unit_test_setup_teardown(rights_follow_the_memberships, setup, teardown),
        cmocka_unit_test_setup_teardown(a_members_only_alliance_does_not_exist_for_outsiders, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(throttling_counts_failures_in_a_window, setup, teardown),
        cmocka_unit_test_setup_teardown(the_audit_trail_records_changes_not_secrets, setup,
                                        teardown),
        cmocka_unit_test(secrets_are_random_and_stored_hashed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
