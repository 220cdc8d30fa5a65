/*
 * test_mail.c — unit tests of the making of email messages (src/core/mime.c:
 * RFC 2047 encoded words, the MIME structure, line lengths, a dot at the
 * start of a line) and of the back-off of the queue (src/domain/mail.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* cmocka needs the four headers above first. */
#include <cmocka.h>

#include "core/buf.h"
#include "core/mime.h"
#include "domain/mail.h"

#include <sodium.h>
#include <stdbool.h>
#include <string.h>

/* assert_lines checks that every line of s ends in CRLF and holds at most
 * max characters, and that none starts with a dot when no_dot. */
static void assert_lines(const char *s, long max, bool no_dot)
{
    for (const char *line = s; *line;) {
        const char *end = strstr(line, "\r\n");
        assert_non_null(end);
        assert_true(end - line <= max);
        assert_null(memchr(line, '\n', (size_t)(end - line)));
        assert_false(no_dot && *line == '.');
        line = end + 2;
    }
}

/* decode_words joins the decoded text of every encoded word in header. */
static void decode_words(const char *header, char *out, size_t size)
{
    size_t at = 0;
    const char *p = header;
    while ((p = strstr(p, "=?UTF-8?B?"))) {
        p += strlen("=?UTF-8?B?");
        const char *end = strstr(p, "?=");
        assert_non_null(end);
        assert_true(end - p + 12 <= 75); /* an encoded word is at most 75 characters */
        size_t n = 0;
        assert_int_equal(sodium_base642bin((unsigned char *)out + at, size - at - 1, p,
                                           (size_t)(end - p), NULL, &n, NULL,
                                           sodium_base64_VARIANT_ORIGINAL),
                         0);
        /* Each word holds whole characters: it is valid UTF-8 on its own. */
        assert_true(n == 0 || ((unsigned char)out[at] & 0xc0) != 0x80);
        at += n;
        p = end + 2;
    }
    out[at] = '\0';
}

static void subjects_beyond_ascii_become_encoded_words_of_whole_characters(void **state)
{
    (void)state;
    struct buf b;
    buf_init(&b, 1 << 16);
    const char *subject = "Réunion de la plateforme régionale — eau, assainissement et hygiène "
                          "à Bolgatanga, Navrongo et Ouagadougou ✓";
    mime_header(&b, "Subject", subject);
    char decoded[512];
    decode_words(b.data, decoded, sizeof decoded);
    assert_string_equal(decoded, subject);
    assert_lines(b.data, 78, false);
    buf_reset(&b);
    mime_header(&b, "Subject", "Plain words");
    assert_string_equal(b.data, "Subject: Plain words\r\n");
    buf_free(&b);
}

static void quoted_printable_keeps_lines_short_and_encodes_a_leading_dot(void **state)
{
    (void)state;
    struct buf b;
    buf_init(&b, 1 << 16);
    char long_line[400];
    memset(long_line, 'x', sizeof long_line - 1);
    long_line[sizeof long_line - 1] = '\0';
    char text[1024];
    snprintf(text, sizeof text, "%s\n.\n.hidden\nequals = sign \nété\n", long_line);
    mime_quoted_printable(&b, text);
    assert_lines(b.data, 76, true);
    assert_non_null(strstr(b.data, "\r\n=2E\r\n=2Ehidden\r\n"));
    assert_non_null(strstr(b.data, "equals =3D sign=20\r\n"));
    assert_non_null(strstr(b.data, "=C3=A9t=C3=A9\r\n"));
    buf_free(&b);
}

static void a_message_is_multipart_alternative_with_both_parts(void **state)
{
    (void)state;
    struct buf b;
    buf_init(&b, 1 << 20);
    struct mime_message m = {.from_name = "Upper East Alliance",
                             .from_address = "alliance@example.org",
                             .to_address = "grace@example.gov.gh",
                             .subject = "Grace mentioned you",
                             .message_id = "0190abcd-0000-7000-8000-000000000001@example.org",
                             .date = 1795392000,
                             .unsubscribe_url = "https://example.org/unsubscribe/abc/one-click",
                             .text = "Hello,\n\nSee this.\n",
                             .html = "<p>Hello</p>"};
    assert_int_equal(mime_build(&m, &b), 0);
    const char *s = b.data;
    assert_non_null(strstr(s, "Date: Mon, 23 Nov 2026 00:00:00 +0000\r\n"));
    assert_non_null(strstr(s, "From: \"Upper East Alliance\"\r\n <alliance@example.org>\r\n"));
    assert_non_null(strstr(s, "To: <grace@example.gov.gh>\r\n"));
    assert_non_null(strstr(s, "Message-ID: <0190abcd-0000-7000-8000-000000000001@example.org>"));
    assert_non_null(strstr(s, "MIME-Version: 1.0\r\n"));
    assert_non_null(
        strstr(s, "List-Unsubscribe:\r\n <https://example.org/unsubscribe/abc/one-click>\r\n"));
    assert_non_null(strstr(s, "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"));
    const char *ct = strstr(s, "Content-Type: multipart/alternative;\r\n boundary=\"");
    assert_non_null(ct);
    char boundary[80];
    const char *start = strchr(ct, '"') + 1;
    size_t n = (size_t)(strchr(start, '"') - start);
    assert_true(n < sizeof boundary - 3);
    snprintf(boundary, sizeof boundary, "--%.*s", (int)n, start);
    const char *plain = strstr(s, boundary);
    assert_non_null(plain);
    assert_non_null(strstr(plain, "Content-Type: text/plain; charset=UTF-8"));
    const char *html = strstr(plain + 1, boundary);
    assert_non_null(html);
    assert_non_null(strstr(html, "Content-Type: text/html; charset=UTF-8"));
    char closing[90];
    snprintf(closing, sizeof closing, "%s--\r\n", boundary);
    assert_non_null(strstr(html, closing));
    /* Headers and body are separated by one empty line; every line ends in CRLF. */
    assert_non_null(strstr(s, "\r\n\r\n"));
    assert_lines(s, 78, false);
    buf_free(&b);
}

static void addresses_that_could_forge_headers_are_refused(void **state)
{
    (void)state;
    struct buf b;
    buf_init(&b, 1 << 16);
    struct mime_message m = {.from_address = "alliance@example.org",
                             .to_address = "x@example.org\r\nBcc: y@example.org",
                             .subject = "s",
                             .message_id = "1@example.org",
                             .text = "",
                             .html = ""};
    assert_int_equal(mime_build(&m, &b), -1);
    m.to_address = "a <b@example.org>";
    assert_int_equal(mime_build(&m, &b), -1);
    buf_free(&b);
}

static void back_off_doubles_up_to_its_cap(void **state)
{
    (void)state;
    assert_int_equal(mail_backoff(1, 60), 60);
    assert_int_equal(mail_backoff(2, 60), 120);
    assert_int_equal(mail_backoff(3, 60), 240);
    assert_int_equal(mail_backoff(9, 60), 60 * 256);
    assert_int_equal(mail_backoff(10, 60), 60 * MAIL_BACKOFF_CAP);
    assert_int_equal(mail_backoff(1000, 1), MAIL_BACKOFF_CAP);
}

int main(void)
{
    if (sodium_init() < 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(subjects_beyond_ascii_become_encoded_words_of_whole_characters),
        cmocka_unit_test(quoted_printable_keeps_lines_short_and_encodes_a_leading_dot),
        cmocka_unit_test(a_message_is_multipart_alternative_with_both_parts),
        cmocka_unit_test(addresses_that_could_forge_headers_are_refused),
        cmocka_unit_test(back_off_doubles_up_to_its_cap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
