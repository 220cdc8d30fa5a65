/*
 * test_web.c — unit tests of the HTML writers (every escape, Markdown in safe
 * mode), of the router (captures, methods, percent-decoding) and of the cache
 * of answers (readers, versions, bounds).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* cmocka needs the four headers above first. */
#include <cmocka.h>

#include "http/cache.h"
#include "http/router.h"
#include "web/html.h"

#include <stdio.h>
#include <string.h>

static void html_text_escapes_every_special_character(void **state)
{
    (void)state;
    struct buf b;
    buf_init(&b, 4096);
    html_text(&b, "<script>alert('x') & \"y\"</script>");
    assert_string_equal(b.data,
                        "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    buf_reset(&b);
    html_printf(&b, "<a href=\"/p/%s\">%s</a> %d %lld %zu %%", "\"><x", "<b>", -3, 12345678901LL,
                (size_t)7);
    assert_string_equal(b.data, "<a href=\"/p/&quot;&gt;&lt;x\">&lt;b&gt;</a> -3 12345678901 7 %");
    buf_reset(&b);
    html_url_arg(&b, "a b/é&?=");
    assert_string_equal(b.data, "a%20b%2F%C3%A9%26%3F%3D");
    buf_reset(&b);
    html_int(&b, 1234567);
    assert_string_equal(b.data, "1,234,567");
    buf_free(&b);
}

static void markdown_drops_raw_html_and_unsafe_links(void **state)
{
    (void)state;
    struct buf b;
    buf_init(&b, 1 << 16);
    html_markdown(&b, "**bold** <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n"
                      "[click](javascript:alert(1)) [data](data:text/html,x) "
                      "[ok](https://example.org)");
    assert_non_null(strstr(b.data, "<strong>bold</strong>"));
    assert_null(strstr(b.data, "<script"));
    assert_null(strstr(b.data, "<img"));
    assert_null(strstr(b.data, "javascript:"));
    assert_null(strstr(b.data, "data:text"));
    assert_non_null(strstr(b.data, "href=\"https://example.org\""));
    /* cmark's safe mode keeps data:image/…: neutralised too, links and images. */
    buf_reset(&b);
    html_markdown(&b, "![x](data:image/png;base64,iVBORw0KGgo=) [y]( DATA:image/gif;base64,R0lG)"
                      " ![z](https://example.org/a.png)");
    assert_null(strcasestr(b.data, "data:"));
    assert_non_null(strstr(b.data, "src=\"https://example.org/a.png\""));
    buf_free(&b);
}

static int hits;
static void handler_a(struct request *r)
{
    (void)r;
    hits = 1;
}
static void handler_b(struct request *r)
{
    (void)r;
    hits = 2;
}

static const struct route test_routes[] = {
    {METHOD_GET, "/", handler_a, 0},
    {METHOD_GET, "/platforms/{id}", handler_a, 0},
    {METHOD_POST, "/platforms/{id}/edit", handler_b, ROUTE_FORM},
    {METHOD_GET, "/platforms/{id}/edit", handler_a, 0},
    {METHOD_DELETE, "/api/v1/people/{id}", handler_b, 0},
};

static enum router_result match(struct request *r, enum method m, const char *path,
                                const struct route **found, char *allow)
{
    r->method = m;
    r->path = path;
    r->capture_count = 0;
    return router_match(test_routes, sizeof test_routes / sizeof test_routes[0], r, found, allow,
                        128);
}

static void router_matches_patterns_methods_and_captures(void **state)
{
    (void)state;
    struct request r;
    memset(&r, 0, sizeof r);
    arena_init(&r.arena, 4096);
    const struct route *found = NULL;
    char allow[128];
    assert_int_equal(match(&r, METHOD_GET, "/", &found, allow), ROUTER_FOUND);
    assert_int_equal(match(&r, METHOD_GET, "/platforms/abc", &found, allow), ROUTER_FOUND);
    assert_string_equal(r.captures[0], "abc");
    assert_int_equal(match(&r, METHOD_HEAD, "/platforms/abc", &found, allow), ROUTER_FOUND);
    assert_int_equal(match(&r, METHOD_POST, "/platforms/x%20y/edit", &found, allow), ROUTER_FOUND);
    assert_ptr_equal(found->handler, handler_b);
    assert_string_equal(r.captures[0], "x y");
    assert_int_equal(match(&r, METHOD_PATCH, "/platforms/abc/edit", &found, allow),
                     ROUTER_WRONG_METHOD);
    assert_string_equal(allow, "POST, GET");
    assert_int_equal(match(&r, METHOD_GET, "/platforms/", &found, allow), ROUTER_NOT_FOUND);
    assert_int_equal(match(&r, METHOD_GET, "/platforms/a/b", &found, allow), ROUTER_NOT_FOUND);
    assert_int_equal(match(&r, METHOD_GET, "/platform/a", &found, allow), ROUTER_NOT_FOUND);
    assert_int_equal(match(&r, METHOD_GET, "/platforms/%ff", &found, allow), ROUTER_BAD_PATH);
    assert_int_equal(match(&r, METHOD_GET, "/platforms/%zz", &found, allow), ROUTER_BAD_PATH);
    (void)hits;
    arena_free(&r.arena);
}

/* Bug pinned: a kept answer stood for as long as nothing was written, so a
 * share's "Waiting N days" and its flag after the response days, and the
 * figures of the current quarter, went stale on a quiet installation. */
static void cache_version_moves_with_the_hour(void **state)
{
    (void)state;
    time_t t = 1790000000; /* an instant in 2026 */
    time_t hour_start = t - t % CACHE_PERIOD;
    assert_true(cache_version(7, hour_start) == cache_version(7, hour_start + CACHE_PERIOD - 1));
    assert_true(cache_version(7, hour_start) != cache_version(7, hour_start + CACHE_PERIOD));
    assert_true(cache_version(7, t) != cache_version(8, t));
    assert_true(cache_version(0, t) != cache_version(1, t));
}

static void cache_keeps_by_address_reader_and_version(void **state)
{
    (void)state;
    struct cache *c = cache_new(1024);
    struct cache_hit hit;
    char tag[CACHE_ETAG_SIZE], other[CACHE_ETAG_SIZE];
    cache_etag("hello", 5, "text/plain", tag);
    cache_etag("hello", 5, "text/html", other);
    assert_int_equal(strlen(tag), 34);
    assert_true(tag[0] == '"' && tag[33] == '"');
    assert_string_not_equal(tag, other); /* the type is part of the name */
    cache_put(c, "/a", 7, 1, "hello", 5, "text/plain", tag);
    assert_int_equal(cache_get(c, "/a", 7, 1, &hit), 0);
    assert_int_equal(hit.length, 5);
    assert_memory_equal(hit.body, "hello", 5);
    assert_string_equal(hit.content_type, "text/plain");
    assert_string_equal(hit.etag, tag);
    assert_int_equal(cache_get(c, "/a", 8, 1, &hit), -1); /* another reader */
    assert_int_equal(cache_get(c, "/a", 0, 1, &hit), -1); /* nobody signed in */
    assert_int_equal(cache_get(c, "/a", 7, 2, &hit), -1); /* the data moved on */
    assert_int_equal(cache_get(c, "/a?x", 7, 1, &hit), -1);
    cache_free(c);
}

static void cache_stays_within_its_bytes(void **state)
{
    (void)state;
    char body[300], tag[CACHE_ETAG_SIZE] = "\"t\"", address[16];
    memset(body, 'x', sizeof body);
    struct cache *c = cache_new(1000);
    for (int i = 0; i < 50; i++) {
        snprintf(address, sizeof address, "/p/%d", i);
        cache_put(c, address, 1, 1, body, sizeof body, "text/html", tag);
    }
    int kept = 0;
    struct cache_hit hit;
    for (int i = 0; i < 50; i++) {
        snprintf(address, sizeof address, "/p/%d", i);
        kept += cache_get(c, address, 1, 1, &hit) == 0;
    }
    assert_true(kept >= 1 && kept <= 3);                    /* 3 × 300 bytes fit in 1000 */
    assert_int_equal(cache_get(c, "/p/49", 1, 1, &hit), 0); /* the newest is kept */
    cache_put(c, "/big", 1, 1, body, sizeof body, "text/html", tag);
    cache_free(c);

    struct cache *none = cache_new(0);
    cache_put(none, "/a", 1, 1, "x", 1, "text/plain", tag);
    assert_int_equal(cache_get(none, "/a", 1, 1, &hit), -1);
    cache_free(none);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(html_text_escapes_every_special_character),
        cmocka_unit_test(markdown_drops_raw_html_and_unsafe_links),
        cmocka_unit_test(router_matches_patterns_methods_and_captures),
        cmocka_unit_test(cache_keeps_by_address_reader_and_version),
        cmocka_unit_test(cache_version_moves_with_the_hour),
        cmocka_unit_test(cache_stays_within_its_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
