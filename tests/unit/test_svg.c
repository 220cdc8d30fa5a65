/*
 * test_svg.c — unit tests of the server-drawn charts (web/svg.h): a label a
 * person typed is escaped, never markup; a chart names itself for screen
 * readers; bars stand in proportion to their values on an axis of whole
 * steps; a negative value draws nothing (no bar, a gap in the line).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* cmocka needs the four headers above first. */
#include <cmocka.h>

#include "web/svg.h"
#include "web/xml.h"

#include <stdio.h>
#include <string.h>

static int count(const char *haystack, const char *needle)
{
    int n = 0;
    for (const char *p = haystack; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

static void bar_chart_escapes_and_names_itself(void **state)
{
    (void)state;
    struct buf b;
    buf_init(&b, 1 << 16);
    const double up[] = {2, 0, 4}, down[] = {1, -1, 3};
    const char *const periods[] = {"Q1 <2026>", "Q2", "Q3"};
    const struct svg_series series[] = {{"Up & \"over\"", up}, {"Down", down}};
    struct svg_chart chart = {.id = "flows",
                              .title = "Shares <by> period",
                              .description = "What 'moved'",
                              .categories = periods,
                              .category_count = 3,
                              .series = series,
                              .series_count = 2};
    svg_bar_chart(&b, &chart);
    assert_non_null(strstr(b.data, "role=\"img\" aria-labelledby=\"flows-title flows-desc\""));
    assert_non_null(strstr(b.data, "<title id=\"flows-title\">Shares &lt;by&gt; period</title>"));
    assert_non_null(strstr(b.data, "<desc id=\"flows-desc\">What &apos;moved&apos;</desc>"));
    assert_non_null(strstr(b.data, ">Q1 &lt;2026&gt;</text>"));
    assert_non_null(strstr(b.data, ">Up &amp; &quot;over&quot;</text>"));
    assert_null(strstr(b.data, "<2026>"));
    /* Four bars (2, 4, 1, 3; a 0 and a -1 draw nothing) and two legend squares. */
    assert_int_equal(count(b.data, "<rect"), 6);
    /* The axis goes to 4 in whole steps: 0 1 2 3 4. */
    for (int k = 0; k <= 4; k++) {
        char label[16];
        snprintf(label, sizeof label, ">%d</text>", k);
        assert_non_null(strstr(b.data, label));
    }
    /* A value of 4 reaches the top of the plot (y 12), 2 half way. */
    assert_non_null(strstr(b.data, " y=\"12\" "));
    assert_int_equal(strncmp(b.data, "<svg", 4), 0);
    assert_int_equal(strcmp(b.data + b.len - 6, "</svg>"), 0);
    buf_free(&b);
}

static void line_chart_breaks_at_missing_values(void **state)
{
    (void)state;
    struct buf b;
    buf_init(&b, 1 << 16);
    const double rate[] = {50, -1, 100, 25};
    const char *const periods[] = {"A", "B", "C", "D"};
    const struct svg_series series[] = {{"Response rate", rate}};
    struct svg_chart chart = {.id = "rate",
                              .title = "Rate",
                              .description = "Rate",
                              .categories = periods,
                              .category_count = 4,
                              .series = series,
                              .series_count = 1,
                              .percent = true};
    svg_line_chart(&b, &chart);
    assert_int_equal(count(b.data, "<polyline"), 2); /* A alone, then C–D */
    assert_int_equal(count(b.data, "<circle"), 3);
    assert_non_null(strstr(b.data, ">100%</text>"));
    buf_free(&b);
}

static void numbers_are_whole_or_one_decimal(void **state)
{
    (void)state;
    struct buf b;
    buf_init(&b, 256);
    svg_number(&b, 3.0);
    svg_number(&b, -2.0);
    xml_printf(&b, " ");
    svg_number(&b, 2.5);
    assert_string_equal(b.data, "3-2 2.5");
    buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bar_chart_escapes_and_names_itself),
        cmocka_unit_test(line_chart_breaks_at_missing_values),
        cmocka_unit_test(numbers_are_whole_or_one_decimal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
