/*
 * test_core.c — unit tests of src/core: the arena, the capped buffer, string
 * checks (UTF-8 at the edge, strict integers, slugs, emails, percent-decoding),
 * global ids and dates.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* cmocka needs the four headers above first. */
#include <cmocka.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/id.h"
#include "core/str.h"

#include <sodium.h>
#include <string.h>

static void arena_gives_zeroed_aligned_memory_and_frees_it_at_once(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a, 256);
    for (int i = 0; i < 1000; i++) {
        unsigned char *p = arena_alloc(&a, (size_t)(i % 37) + 1);
        assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
        for (int k = 0; k < i % 37 + 1; k++)
            assert_int_equal(p[k], 0);
        memset(p, 0xff, (size_t)(i % 37) + 1);
    }
    char *big = arena_alloc(&a, 100000); /* larger than a chunk: a chunk of its own */
    memset(big, 1, 100000);
    assert_string_equal(arena_printf(&a, "%s-%d", "x", 42), "x-42");
    assert_string_equal(arena_strndup(&a, "abcdef", 3), "abc");
    assert_null(arena_strdup(&a, NULL));
    arena_free(&a);
    assert_null(a.head);
}

static void buf_refuses_writes_past_its_cap(void **state)
{
    (void)state;
    struct buf b;
    buf_init(&b, 10);
    assert_int_equal(buf_puts(&b, "hello"), 0);
    assert_int_equal(buf_printf(&b, "%d", 1234), 0);
    assert_string_equal(b.data, "hello1234");
    assert_int_equal(buf_puts(&b, "xx"), -1);
    assert_true(b.failed);
    assert_int_equal(buf_putc(&b, 'z'), -1); /* later writes are ignored too */
    assert_string_equal(b.data, "hello1234");
    buf_free(&b);
}

static void utf8_validation_refuses_bad_sequences_and_controls(void **state)
{
    (void)state;
    assert_true(str_utf8_valid("Ghana — Tamale, Bolgatanga é 水",
                               strlen("Ghana — Tamale, Bolgatanga é 水")));
    assert_true(str_utf8_valid("line\nbreak\ttab", 14));
    assert_false(str_utf8_valid("\xc3\x28", 2));         /* bad continuation */
    assert_false(str_utf8_valid("\xc0\xaf", 2));         /* overlong */
    assert_false(str_utf8_valid("\xed\xa0\x80", 3));     /* surrogate */
    assert_false(str_utf8_valid("\xf4\x90\x80\x80", 4)); /* beyond U+10FFFF */
    assert_false(str_utf8_valid("\xe2\x82", 2));         /* truncated */
    assert_false(str_utf8_valid("a\x01z", 3));           /* control character */
    assert_false(str_utf8_valid("a\0z", 3));             /* NUL */
    assert_int_equal(str_utf8_length("é水a"), 3);
}

static void integers_parse_strictly(void **state)
{
    (void)state;
    int64_t v;
    assert_int_equal(str_parse_int64("42", 0, 100, &v), 0);
    assert_int_equal(v, 42);
    assert_int_equal(str_parse_int64("-3", -5, 5, &v), 0);
    assert_int_equal(v, -3);
    assert_int_equal(str_parse_int64("", 0, 100, &v), -1);
    assert_int_equal(str_parse_int64("4x", 0, 100, &v), -1);
    assert_int_equal(str_parse_int64(" 4", 0, 100, &v), -1);
    assert_int_equal(str_parse_int64("101", 0, 100, &v), -1);
    assert_int_equal(str_parse_int64("99999999999999999999", 0, INT64_MAX, &v), -1);
    assert_int_equal(str_parse_int64(NULL, 0, 100, &v), -1);
}

static void slugs_emails_and_urls_have_their_shapes(void **state)
{
    (void)state;
    assert_true(str_is_slug("ghana-wash"));
    assert_true(str_is_slug("a1"));
    assert_false(str_is_slug("Ghana"));
    assert_false(str_is_slug("-x"));
    assert_false(str_is_slug("x-"));
    assert_false(str_is_slug("a--b"));
    assert_false(str_is_slug(""));
    assert_true(str_is_email("ama.mensah@example.org"));
    assert_false(str_is_email("ama@"));
    assert_false(str_is_email("@example.org"));
    assert_false(str_is_email("a@b@example.org"));
    assert_false(str_is_email("a b@example.org"));
    assert_false(str_is_email("a@example"));
    assert_false(str_is_email("a@example..org"));
    assert_true(str_is_http_url("https://www.example.org/x"));
    assert_false(str_is_http_url("javascript:alert(1)"));
    assert_false(str_is_http_url("https://"));
    assert_false(str_is_http_url("ftp://example.org"));
}

static void percent_decoding_refuses_broken_escapes_and_bad_utf8(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a, 1024);
    assert_string_equal(str_percent_decode(&a, "a+b%20c", 7, true), "a b c");
    assert_string_equal(str_percent_decode(&a, "a+b", 3, false), "a+b");
    assert_string_equal(str_percent_decode(&a, "%C3%A9", 6, false), "é");
    assert_null(str_percent_decode(&a, "%zz", 3, false));
    assert_null(str_percent_decode(&a, "%4", 2, false));
    assert_null(str_percent_decode(&a, "%ff", 3, false));
    assert_null(str_percent_decode(&a, "%00", 3, false));
    assert_string_equal(str_trim(&a, "  x y \n"), "x y");
    assert_string_equal(str_lower_ascii(&a, "AmA@Example.ORG"), "ama@example.org");
    arena_free(&a);
}

static void shortening_cuts_between_characters(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a, 1024);
    assert_string_equal(str_shorten(&a, "short", 5), "short");
    assert_string_equal(str_shorten(&a, "", 0), "");
    assert_string_equal(str_shorten(&a, "abcdef", 3), "abc…");
    assert_string_equal(str_shorten(&a, "éàü€x", 4), "éàü€…"); /* characters, not bytes */
    assert_string_equal(str_shorten(&a, "Koupéla", 5), "Koupé…");
    arena_free(&a);
}

static void ids_are_uuid_v7_and_ordered(void **state)
{
    (void)state;
    char prev[ID_LEN + 1] = "";
    for (int i = 0; i < 5000; i++) {
        char id[ID_LEN + 1];
        id_new(id);
        assert_true(id_valid(id));
        assert_int_equal(id[14], '7');               /* version */
        assert_true(strchr("89ab", id[19]) != NULL); /* variant */
        assert_true(strcmp(prev, id) < 0);           /* time-ordered, unique */
        memcpy(prev, id, sizeof id);
    }
    assert_false(id_valid("not-an-id"));
    assert_false(id_valid("01A20844-8A1B-7244-AD1F-FCAF448A3FF7")); /* upper case */
}

static void dates_read_as_people_write_them(void **state)
{
    (void)state;
    char out[64];
    assert_int_equal(clock_format_date("2026-03-12T10:00:00Z", out, sizeof out), 0);
    assert_string_equal(out, "12 March 2026");
    assert_int_equal(clock_format_date("2026-13-01", out, sizeof out), -1);
    time_t t;
    assert_int_equal(clock_parse_iso("2026-11-23T11:40:00Z", &t), 0);
    char back[32];
    clock_format_iso(t, back, sizeof back);
    assert_string_equal(back, "2026-11-23T11:40:00Z");
    /* Bug: 30 February was accepted (only day <= 31 was checked). */
    assert_int_equal(clock_parse_iso("2025-02-30T00:00:00Z", &t), -1);
    assert_int_equal(clock_parse_iso("2025-04-31T00:00:00Z", &t), -1);
    assert_int_equal(clock_parse_iso("2024-02-29T00:00:00Z", &t), 0);
    assert_true(clock_date_valid("2024-02-29")); /* leap year */
    assert_false(clock_date_valid("2023-02-29"));
    assert_false(clock_date_valid("1900-02-29")); /* a century */
    assert_true(clock_date_valid("2000-02-29"));  /* every fourth century */
    assert_false(clock_date_valid("2024-13-45"));
    assert_false(clock_date_valid("abcd-ef-gh"));
    assert_false(clock_date_valid("2024-1-01"));
    assert_false(clock_date_valid(NULL));
    assert_int_equal(clock_parse_iso("2026-11-23 11:40:00", &t), -1);
}

/* The hash of the memos' keys is FNV-1a (64 bits), here checked against the
 * published values. */
static void str_hash_is_fnv1a(void **state)
{
    (void)state;
    assert_true(str_hash(STR_HASH_START, "", 0) == 0xcbf29ce484222325u);
    assert_true(str_hash(STR_HASH_START, "a", 1) == 0xaf63dc4c8601ec8cu);
    assert_true(str_hash(str_hash(STR_HASH_START, "fo", 2), "obar", 4) ==
                str_hash(STR_HASH_START, "foobar", 6));
}

int main(void)
{
    if (sodium_init() < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(arena_gives_zeroed_aligned_memory_and_frees_it_at_once),
        cmocka_unit_test(str_hash_is_fnv1a),
        cmocka_unit_test(buf_refuses_writes_past_its_cap),
        cmocka_unit_test(utf8_validation_refuses_bad_sequences_and_controls),
        cmocka_unit_test(integers_parse_strictly),
        cmocka_unit_test(slugs_emails_and_urls_have_their_shapes),
        cmocka_unit_test(percent_decoding_refuses_broken_escapes_and_bad_utf8),
        cmocka_unit_test(shortening_cuts_between_characters),
        cmocka_unit_test(ids_are_uuid_v7_and_ordered),
        cmocka_unit_test(dates_read_as_people_write_them),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
