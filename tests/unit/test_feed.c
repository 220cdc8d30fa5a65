/*
 * test_feed.c — unit tests of the XML writer of the Atom feeds (web/xml.h:
 * every escape; characters XML 1.0 cannot hold, and bytes that are not
 * UTF-8, dropped so that no stored text can make a feed ill-formed) and of
 * the feeds' plain-text summaries (domain/feed.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* cmocka needs the four headers above first. */
#include <cmocka.h>

#include "core/arena.h"
#include "domain/feed.h"
#include "web/xml.h"

#include <string.h>

static void xml_text_escapes_markup_and_quotes(void **state)
{
    (void)state;
    struct buf b;
    buf_init(&b, 4096);
    xml_text(&b, "<script>alert('x') & \"y\"</script> ]]> é");
    assert_string_equal(b.data, "&lt;script&gt;alert(&apos;x&apos;) &amp; &quot;y&quot;&lt;/"
                                "script&gt; ]]&gt; é");
    buf_reset(&b);
    xml_printf(&b, "<a href=\"%s\">%s</a> %d %lld %%", "\"><x", "<b>", -3, 12345678901LL);
    assert_string_equal(b.data, "<a href=\"&quot;&gt;&lt;x\">&lt;b&gt;</a> -3 12345678901 %");
    buf_reset(&b);
    xml_text(&b, NULL);
    assert_int_equal(b.len, 0);
    buf_free(&b);
}

/* Bug pinned: a title holding a control character (imported, or written to
 * the database by hand) made the whole feed ill-formed for every reader. */
static void xml_text_drops_what_xml_cannot_hold(void **state)
{
    (void)state;
    struct buf b;
    buf_init(&b, 4096);
    /* C0 controls but tab and line feed; DEL and C1 are allowed in XML 1.0. */
    xml_text(&b, "a\x01"
                 "b\x08"
                 "c\x0b"
                 "d\x0c"
                 "e\x1f"
                 "f\tg\nh\x7fi");
    assert_string_equal(b.data, "abcdef\tg\nh\x7fi");
    buf_reset(&b);
    /* A carriage return is kept as a reference (a parser would fold it). */
    xml_text(&b, "a\r\nb");
    assert_string_equal(b.data, "a&#13;\nb");
    buf_reset(&b);
    /* U+FFFE and U+FFFF are valid UTF-8 but not XML characters; U+FFFD is. */
    xml_text(&b, "x\xef\xbf\xbe"
                 "y\xef\xbf\xbf"
                 "z\xef\xbf\xbd");
    assert_string_equal(b.data, "xyz\xef\xbf\xbd");
    buf_reset(&b);
    /* Broken UTF-8: stray continuation bytes, an overlong '<', a surrogate, a
     * sequence cut by the end. The '<' hidden in an overlong form must not
     * come out as markup. */
    xml_text(&b, "a\x80"
                 "b\xc0\xbc"
                 "c\xed\xa0\x80"
                 "d\xf0\x9f\x98\x80"
                 "e\xe2\x82");
    assert_string_equal(b.data, "abcd\xf0\x9f\x98\x80"
                                "e");
    buf_free(&b);
}

static void feed_excerpt_folds_space_and_cuts(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a, 4096);
    struct ctx c = {.arena = &a, .viewer = &viewer_anonymous};
    assert_string_equal(feed_excerpt(&c, "  One\n\ntwo\t three  ", 100), "One two three");
    assert_string_equal(feed_excerpt(&c, "", 100), "");
    assert_string_equal(feed_excerpt(&c, NULL, 100), "");
    const char *cut = feed_excerpt(&c, "éééééééééé", 4);
    assert_true(strncmp(cut, "ééé", strlen("ééé")) == 0);
    assert_true(strlen(cut) < strlen("éééééééééé"));
    arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(xml_text_escapes_markup_and_quotes),
        cmocka_unit_test(xml_text_drops_what_xml_cannot_hold),
        cmocka_unit_test(feed_excerpt_folds_space_and_cuts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
