/*
 * test_upload.c — unit tests of what carries an upload, all outside input:
 * the multipart parser (every split of a body gives the same parts; every
 * malformed body is refused with its reason), the connection guard's
 * framing follower (heads whole before evhttp, limits applied when evhttp
 * reaches them, refusals rewritten, bodies followed through Content-Length
 * and chunks), content sniffing and the verdict on lying files, safe file
 * names, the Range header, and the text read from web pages and files.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* cmocka needs the four headers above first. */
#include <cmocka.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/extract.h"
#include "core/mediatype.h"
#include "http/download.h"
#include "http/guard.h"
#include "http/multipart.h"

#include <event2/buffer.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Multipart ------------------------------------------------------------------ */

/* What the callbacks saw, as text: "[name|filename|type]content" per part. */
struct seen {
    struct buf text;
    int stop_at_part; /* stop (return 1) at the begin of this part, 0: never */
    int parts;
};

static int on_begin(void *arg, const struct multipart_part *p)
{
    struct seen *s = arg;
    s->parts++;
    buf_printf(&s->text, "[%s|%s%s|%s]", p->name, p->has_filename ? "@" : "", p->filename,
               p->content_type);
    return s->stop_at_part == s->parts;
}

static int on_data(void *arg, const char *data, size_t n)
{
    struct seen *s = arg;
    buf_append(&s->text, data, n);
    return 0;
}

static int on_end(void *arg)
{
    struct seen *s = arg;
    buf_puts(&s->text, "$");
    return 0;
}

/* parse_in_pieces parses body cut into pieces of step bytes (0: whole). */
static enum multipart_result parse_in_pieces(const char *boundary, const char *body, size_t n,
                                             size_t step, struct seen *s,
                                             enum multipart_problem *problem)
{
    struct multipart m;
    struct multipart_handler h = {on_begin, on_data, on_end, s};
    buf_init(&s->text, 1 << 20);
    s->parts = 0;
    multipart_init(&m, boundary, &h);
    enum multipart_result r = MULTIPART_MORE;
    for (size_t i = 0; i < n && r == MULTIPART_MORE; i += step ? step : n) {
        size_t k = step && step < n - i ? step : n - i;
        r = multipart_feed(&m, body + i, k);
    }
    if (r == MULTIPART_MORE)
        r = multipart_finish(&m);
    *problem = multipart_problem(&m);
    return r;
}

static const char body_ok[] =
    "preamble to ignore\r\n"
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"title\"\r\n"
    "\r\n"
    "A title\r\n"
    "--XyZ  \r\n" /* transport padding */
    "Content-Disposition: form-data; name=\"file\"; filename=\"C:\\Users\\a\\r%22p%22.pdf\"\r\n"
    "Content-Type: application/pdf\r\n"
    "\r\n"
    "%PDF-1.4\r\n--XyA line that looks like a delimiter\r\n--X\r\r\n\r\n"
    "\r\n"
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"empty\"; filename=\"\"\r\n"
    "\r\n"
    "\r\n"
    "--XyZ\r\n"
    "content-disposition: FORM-DATA; name=note; filename*=UTF-8''caf%C3%A9.txt\r\n"
    "\r\n"
    "x\r\n"
    "--XyZ--\r\n"
    "epilogue, ignored: --XyZ\r\n";

static void multipart_gives_the_same_parts_whatever_the_pieces(void **state)
{
    (void)state;
    const char *want = "[title||]A title$"
                       "[file|@C:\\Users\\a\\r\"p\".pdf|application/pdf]%PDF-1.4\r\n--XyA line "
                       "that looks like a delimiter\r\n--X\r\r\n\r\n$"
                       "[empty|@|]$"
                       "[note|@café.txt|]x$";
    size_t n = sizeof body_ok - 1;
    for (size_t step = 0; step <= n; step++) {
        struct seen s = {0};
        enum multipart_problem problem;
        enum multipart_result r = parse_in_pieces("XyZ", body_ok, n, step, &s, &problem);
        assert_int_equal(r, MULTIPART_DONE);
        assert_string_equal(s.text.data, want);
        buf_free(&s.text);
    }
}

static void multipart_refuses_what_is_malformed(void **state)
{
    (void)state;
    static const struct {
        const char *body;
        enum multipart_problem problem;
    } bad[] = {
        {"no delimiter at all", MULTIPART_NO_BOUNDARY},
        {"--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue", MULTIPART_TRUNCATED},
        {"--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--b", MULTIPART_TRUNCATED},
        {"--bX\r\n", MULTIPART_BAD_DELIMITER},
        {"--b\r\nContent-Type: text/plain\r\n\r\nv\r\n--b--", MULTIPART_NO_DISPOSITION},
        {"--b\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nv\r\n--b--",
         MULTIPART_NO_DISPOSITION},
        {"--b\r\nContent-Disposition: form-data; filename=\"x\"\r\n\r\nv\r\n--b--",
         MULTIPART_NO_DISPOSITION},
        {"--b\r\nno colon here\r\n\r\nv\r\n--b--", MULTIPART_BAD_HEADER},
        {"--b\r\nContent-Disposition: form-data; name=\"a\"\n\nv\r\n--b--", MULTIPART_BAD_HEADER},
        {"--b\r\n Folded: line\r\n\r\nv\r\n--b--", MULTIPART_BAD_HEADER},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct seen s = {0};
        enum multipart_problem problem;
        enum multipart_result r =
            parse_in_pieces("b", bad[i].body, strlen(bad[i].body), 1, &s, &problem);
        assert_int_equal(r, MULTIPART_BAD);
        assert_int_equal(problem, bad[i].problem);
        buf_free(&s.text);
    }
    /* Headers too long, too many parts: bounded. */
    struct buf big;
    buf_init(&big, 1 << 20);
    buf_puts(&big, "--b\r\nContent-Disposition: form-data; name=\"a\"\r\nX-Long: ");
    for (int i = 0; i < MULTIPART_HEAD_MAX; i++)
        buf_putc(&big, 'x');
    struct seen s = {0};
    enum multipart_problem problem;
    assert_int_equal(parse_in_pieces("b", big.data, big.len, 4096, &s, &problem), MULTIPART_BAD);
    assert_int_equal(problem, MULTIPART_HEAD_TOO_LONG);
    buf_free(&s.text);
    buf_reset(&big);
    for (int i = 0; i <= MULTIPART_PARTS_MAX; i++)
        buf_printf(&big, "--b\r\nContent-Disposition: form-data; name=\"f%d\"\r\n\r\nv\r\n", i);
    buf_puts(&big, "--b--\r\n");
    assert_int_equal(parse_in_pieces("b", big.data, big.len, 0, &s, &problem), MULTIPART_BAD);
    assert_int_equal(problem, MULTIPART_TOO_MANY_PARTS);
    buf_free(&s.text);
    buf_free(&big);
    /* A callback that says stop stops it. */
    s.stop_at_part = 2;
    assert_int_equal(parse_in_pieces("XyZ", body_ok, sizeof body_ok - 1, 7, &s, &problem),
                     MULTIPART_STOPPED);
    buf_free(&s.text);
}

static void multipart_boundaries_are_read_strictly(void **state)
{
    (void)state;
    char b[MULTIPART_BOUNDARY_MAX + 1];
    assert_int_equal(multipart_boundary("multipart/form-data; boundary=abc", b), 0);
    assert_string_equal(b, "abc");
    assert_int_equal(
        multipart_boundary("Multipart/Form-Data;charset=utf-8; BOUNDARY=\"a b'()+_,-./:=?\"", b),
        0);
    assert_string_equal(b, "a b'()+_,-./:=?");
    assert_int_equal(multipart_boundary("multipart/form-data", b), -1);
    assert_int_equal(multipart_boundary("multipart/form-data; boundary=", b), -1);
    assert_int_equal(multipart_boundary("multipart/form-data; boundary=\"ends \"", b), -1);
    assert_int_equal(multipart_boundary("multipart/form-data; boundary=a{b}", b), -1);
    assert_int_equal(multipart_boundary("multipart/form-data; boundary=\"unclosed", b), -1);
    char long_one[128] = "multipart/form-data; boundary=";
    memset(long_one + strlen(long_one), 'x', 71);
    assert_int_equal(multipart_boundary(long_one, b), -1);
    assert_int_equal(multipart_boundary("application/json", b), -2);
    assert_int_equal(multipart_boundary("multipart/form-database; boundary=a", b), -2);
    assert_int_equal(multipart_boundary(NULL, b), -2);
}

/* The guard's follower ---------------------------------------------------------- */

static bool upload_route(const char *method, const char *path)
{
    return strcmp(method, "POST") == 0 && strcmp(path, "/up") == 0;
}

/* follow passes stream through a guard in pieces of step bytes and returns
 * what evhttp would read (malloc'd, NUL-terminated). */
static char *follow(struct guard *g, const char *stream, size_t n, size_t step)
{
    struct evbuffer *src = evbuffer_new(), *out = evbuffer_new();
    for (size_t i = 0; i < n; i += step) {
        size_t k = step < n - i ? step : n - i;
        evbuffer_add(src, stream + i, k);
        guard_test_feed(g, src, out);
    }
    size_t len = evbuffer_get_length(out);
    char *text = malloc(len + 1);
    evbuffer_remove(out, text, len);
    text[len] = '\0';
    evbuffer_free(src);
    evbuffer_free(out);
    return text;
}

static void guard_passes_ordinary_requests_untouched(void **state)
{
    (void)state;
    static const char stream[] = "GET /a HTTP/1.1\r\nHost: x\r\n\r\n"
                                 "POST /form HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello"
                                 "POST /json HTTP/1.1\nTransfer-Encoding: Chunked\n\n"
                                 "3\r\nabc\r\n10 \r\n0123456789abcdef\r\n0\r\nT: 1\r\n\r\n"
                                 "DELETE /b HTTP/1.1\r\ncontent-length: +2\r\n\r\nGE"
                                 "GET /c HTTP/1.0\r\n\r\n";
    for (size_t step = 1; step <= sizeof stream; step++) {
        struct guard *g = guard_test_new();
        char *out = follow(g, stream, sizeof stream - 1, step);
        assert_string_equal(out, stream);
        free(out);
        guard_test_free(g);
    }
}

static void guard_applies_each_limit_when_evhttp_reaches_its_head(void **state)
{
    (void)state;
    static const char stream[] = "POST /up HTTP/1.1\r\nContent-Type: multipart/form-data; "
                                 "boundary=b\r\nContent-Length: 3\r\n\r\nabc"
                                 "GET /next HTTP/1.1\r\n\r\n";
    struct guard *g = guard_test_new();
    char *out = follow(g, stream, sizeof stream - 1, 5);
    assert_int_equal(guard_test_limit(g), 0); /* nothing read yet: nothing applied */
    /* The upload's head went on with the guard's mark and its slot. */
    const char *mark = strstr(out, GUARD_HEADER ": ");
    assert_non_null(mark);
    char value[128];
    sscanf(mark + strlen(GUARD_HEADER) + 2, "%127[^\r]", value);
    int slot;
    assert_int_equal(guard_read(value, &slot), GUARD_UPLOAD);
    assert_int_equal(guard_uploads_in_flight(), 1);
    guard_test_consumed(g, 1); /* evhttp starts on the upload */
    assert_int_equal(guard_test_limit(g), 100000);
    size_t upload_len = (size_t)(strstr(out, "GET /next") - out);
    guard_test_consumed(g, upload_len); /* and on the next request */
    assert_int_equal(guard_test_limit(g), 1000);
    /* Nobody claimed the upload's slot: it came back as evhttp moved on. */
    assert_int_equal(guard_uploads_in_flight(), 0);
    free(out);
    guard_test_free(g);
    /* A claimed slot stays claimed until released. */
    g = guard_test_new();
    out = follow(g, stream, sizeof stream - 1, 1);
    mark = strstr(out, GUARD_HEADER ": ");
    sscanf(mark + strlen(GUARD_HEADER) + 2, "%127[^\r]", value);
    assert_int_equal(guard_read(value, &slot), GUARD_UPLOAD);
    assert_true(guard_claim(slot));
    assert_false(guard_claim(slot));
    guard_test_free(g);
    assert_int_equal(guard_uploads_in_flight(), 1);
    guard_release(slot);
    assert_int_equal(guard_uploads_in_flight(), 0);
    free(out);
}

static void guard_refuses_on_the_head_and_drops_the_body(void **state)
{
    (void)state;
    static const char stream[] = "POST /form HTTP/1.1\r\nExpect: 100-continue\r\n"
                                 "X-Alliance-Guard: forged\r\nContent-Length: 1001\r\n\r\n"
                                 "this body is never kept";
    for (size_t step = 1; step <= sizeof stream; step += 3) {
        struct guard *g = guard_test_new();
        char *out = follow(g, stream, sizeof stream - 1, step);
        assert_non_null(strstr(out, "POST /form HTTP/1.1\r\n"));
        assert_null(strstr(out, "Content-Length: 1001"));
        assert_null(strstr(out, "Expect"));
        assert_null(strstr(out, "forged"));
        assert_null(strstr(out, "never kept"));
        assert_non_null(strstr(out, "Content-Length: 0\r\nConnection: close\r\n\r\n"));
        const char *mark = strstr(out, GUARD_HEADER ": ");
        char value[128];
        int slot;
        sscanf(mark + strlen(GUARD_HEADER) + 2, "%127[^\r]", value);
        assert_int_equal(guard_read(value, &slot), GUARD_TOO_LARGE);
        free(out);
        guard_test_free(g);
    }
    /* Uploads beyond the cap (two here) are refused as busy. */
    static const char upload[] = "POST /up HTTP/1.1\r\nContent-Type: multipart/form-data; "
                                 "boundary=b\r\nContent-Length: 1\r\n\r\nz";
    struct guard *gs[3];
    char *outs[3];
    for (int i = 0; i < 3; i++) {
        gs[i] = guard_test_new();
        outs[i] = follow(gs[i], upload, sizeof upload - 1, 64);
    }
    char value[128];
    int slot;
    sscanf(strstr(outs[2], GUARD_HEADER ": ") + strlen(GUARD_HEADER) + 2, "%127[^\r]", value);
    assert_int_equal(guard_read(value, &slot), GUARD_BUSY);
    for (int i = 0; i < 3; i++) {
        guard_test_free(gs[i]);
        free(outs[i]);
    }
    assert_int_equal(guard_uploads_in_flight(), 0);
    /* A mark without the secret is a forgery. */
    assert_int_equal(guard_read("0123456789abcdef0123456789abcdef upload 0", &slot), GUARD_NONE);
    assert_int_equal(guard_read(NULL, &slot), GUARD_NONE);
}

static void guard_steps_aside_when_it_cannot_follow(void **state)
{
    (void)state;
    static const char *const streams[] = {
        "\r\nGET / HTTP/1.1\r\n\r\n",                                   /* an empty first line */
        "POST /x HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\nabc",       /* evhttp refuses it */
        "POST /x HTTP/1.1\r\nContent-Length: 1x\r\n\r\nabc",            /* not a number */
        "POST /x HTTP/1.1\r\nA: b\r\n folded\r\n\r\n",                  /* a folded line */
        "POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", /* a bad chunk size */
        "NOSPACES\r\n\r\nGET / HTTP/1.1\r\n\r\n",
    };
    for (size_t i = 0; i < sizeof streams / sizeof streams[0]; i++) {
        struct guard *g = guard_test_new();
        char *out = follow(g, streams[i], strlen(streams[i]), 2);
        assert_string_equal(out, streams[i]); /* untouched, for evhttp to judge */
        guard_test_consumed(g, strlen(streams[i]));
        assert_int_equal(guard_test_limit(g), 1000); /* the form limit */
        free(out);
        guard_test_free(g);
    }
}

/* Media types -------------------------------------------------------------------- */

static enum mediatype_family sniff(const void *data, size_t n)
{
    struct mediatype_sniff s;
    mediatype_sniff_init(&s);
    for (size_t i = 0; i < n; i++) /* a byte at a time: the UTF-8 check keeps its state */
        mediatype_sniff_feed(&s, (const char *)data + i, 1);
    return mediatype_sniff_family(&s);
}

static void content_decides_the_family(void **state)
{
    (void)state;
    assert_int_equal(sniff("%PDF-1.7\n", 9), MEDIATYPE_PDF);
    assert_int_equal(sniff("\x89PNG\r\n\x1a\n....", 12), MEDIATYPE_PNG);
    assert_int_equal(sniff("\xff\xd8\xff\xe0", 4), MEDIATYPE_JPEG);
    assert_int_equal(sniff("GIF89a..", 8), MEDIATYPE_GIF);
    assert_int_equal(sniff("PK\x03\x04....", 8), MEDIATYPE_ZIP);
    assert_int_equal(sniff("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8), MEDIATYPE_OLE);
    assert_int_equal(sniff("Plain words,\ttabs\r\nand caf\xc3\xa9 \xf0\x9f\x98\x80\f", 33),
                     MEDIATYPE_TEXT);
    assert_int_equal(sniff("", 0), MEDIATYPE_UNKNOWN);
    assert_int_equal(sniff("bin\0ary", 7), MEDIATYPE_UNKNOWN);
    assert_int_equal(sniff("caf\xe9", 4), MEDIATYPE_UNKNOWN);          /* Latin-1 */
    assert_int_equal(sniff("\xc0\xaf", 2), MEDIATYPE_UNKNOWN);         /* overlong */
    assert_int_equal(sniff("\xed\xa0\x80", 3), MEDIATYPE_UNKNOWN);     /* a surrogate */
    assert_int_equal(sniff("\xf4\x90\x80\x80", 4), MEDIATYPE_UNKNOWN); /* past U+10FFFF */
    assert_int_equal(sniff("ends \xc3", 6), MEDIATYPE_UNKNOWN);        /* cut short */
    assert_int_equal(sniff("MZ\x90\x00", 4), MEDIATYPE_UNKNOWN);
}

static void names_and_declared_types_must_agree_with_the_content(void **state)
{
    (void)state;
    const struct mediatype *m;
    assert_int_equal(mediatype_judge(MEDIATYPE_PDF, "r.PDF", "application/pdf", &m),
                     MEDIATYPE_ACCEPTED);
    assert_string_equal(m->type, "application/pdf");
    assert_int_equal(mediatype_judge(MEDIATYPE_ZIP, "plan.docx", "application/octet-stream", &m),
                     MEDIATYPE_ACCEPTED);
    assert_string_equal(m->extension, "docx");
    assert_int_equal(mediatype_judge(MEDIATYPE_TEXT, "page.htm", "text/html; charset=utf-8", &m),
                     MEDIATYPE_ACCEPTED);
    assert_true(mediatype_is_html(m));
    assert_int_equal(mediatype_judge(MEDIATYPE_PNG, "scan", NULL, &m), MEDIATYPE_ACCEPTED);
    assert_string_equal(m->extension, "png");
    assert_int_equal(mediatype_judge(MEDIATYPE_OLE, "old.xls", NULL, &m), MEDIATYPE_ACCEPTED);
    assert_string_equal(m->type, "application/vnd.ms-excel");
    assert_int_equal(mediatype_judge(MEDIATYPE_PNG, "r.pdf", NULL, &m), MEDIATYPE_NAME_LIES);
    assert_int_equal(mediatype_judge(MEDIATYPE_TEXT, "x.png", "image/png", &m),
                     MEDIATYPE_NAME_LIES);
    assert_int_equal(mediatype_judge(MEDIATYPE_PDF, "r.pdf", "image/png", &m),
                     MEDIATYPE_DECLARED_LIES);
    assert_int_equal(mediatype_judge(MEDIATYPE_TEXT, "run.exe", NULL, &m),
                     MEDIATYPE_NAME_NOT_TAKEN);
    assert_int_equal(mediatype_judge(MEDIATYPE_OLE, "noname", NULL, &m), MEDIATYPE_NAME_NOT_TAKEN);
    assert_int_equal(mediatype_judge(MEDIATYPE_UNKNOWN, "a.txt", NULL, &m), MEDIATYPE_NOT_TAKEN);
}

static void file_names_are_made_safe(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a, 4096);
    const struct mediatype *pdf = mediatype_by_extension("x.pdf");
    static const struct {
        const char *raw, *safe;
    } cases[] = {
        {"report.pdf", "report.pdf"},
        {"../../etc/passwd", "passwd"},
        {"C:\\Users\\ama\\Desktop\\plan.pdf", "plan.pdf"},
        {"dir/", "document.pdf"},
        {"...", "document.pdf"},
        {" .bashrc ", "bashrc"},
        {"tab\there\x7f\x1b[31m.pdf", "tabhere[31m.pdf"},
        {"caf\xc3\xa9 \xc2\x85next.pdf", "caf\xc3\xa9 next.pdf"}, /* C1 NEL */
        {"bad\xff\xfe"
         "bytes.pdf",
         "badbytes.pdf"}, /* not UTF-8 */
        {"invoice\xe2\x80\xae"
         "fdp.exe",
         "invoicefdp.exe"},                         /* RLO */
        {"line\xe2\x80\xa8sep.pdf", "linesep.pdf"}, /* U+2028 */
        {"r\xc3\xa9sum\xc3\xa9 \xe2\x80\x99s.pdf", "r\xc3\xa9sum\xc3\xa9 \xe2\x80\x99s.pdf"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_string_equal(mediatype_safe_name(&a, cases[i].raw, pdf), cases[i].safe);
    assert_string_equal(mediatype_safe_name(&a, "..", NULL), "document");
    char longer[400];
    memset(longer, 'a', 300);
    memcpy(longer + 300, ".pdf", 5);
    char *safe = mediatype_safe_name(&a, longer, pdf);
    assert_int_equal(strlen(safe), 200);
    assert_string_equal(safe + 196, ".pdf");
    /* A cut never falls inside a character. */
    char accents[500];
    for (int i = 0; i < 150; i++)
        memcpy(accents + 2 * i, "\xc3\xa9", 2); /* 300 bytes */
    memcpy(accents + 300, ".pdf", 5);
    safe = mediatype_safe_name(&a, accents, pdf);
    assert_true(strlen(safe) <= 200);
    assert_string_equal(safe + strlen(safe) - 4, ".pdf");
    assert_int_equal(((unsigned char)safe[strlen(safe) - 5] & 0xC0), 0x80); /* ends é's 2nd byte */
    arena_free(&a);
}

/* Downloads ------------------------------------------------------------------ */

static void ranges_are_read_as_rfc_9110_says(void **state)
{
    (void)state;
    uint64_t first = 0, last = 0;
    assert_int_equal(download_range("bytes=0-9", 100, &first, &last), RANGE_OK);
    assert_true(first == 0 && last == 9);
    assert_int_equal(download_range("bytes=90-", 100, &first, &last), RANGE_OK);
    assert_true(first == 90 && last == 99);
    assert_int_equal(download_range("bytes=90-500", 100, &first, &last), RANGE_OK);
    assert_true(last == 99);
    assert_int_equal(download_range("bytes=-10", 100, &first, &last), RANGE_OK);
    assert_true(first == 90 && last == 99);
    assert_int_equal(download_range("bytes=-500", 100, &first, &last), RANGE_OK);
    assert_true(first == 0 && last == 99);
    assert_int_equal(download_range("bytes=100-", 100, &first, &last), RANGE_UNSATISFIABLE);
    assert_int_equal(download_range("bytes=-0", 100, &first, &last), RANGE_UNSATISFIABLE);
    assert_int_equal(download_range("bytes=0-0", 0, &first, &last), RANGE_UNSATISFIABLE);
    assert_int_equal(download_range(NULL, 100, &first, &last), RANGE_NONE);
    assert_int_equal(download_range("bytes=5-1", 100, &first, &last), RANGE_NONE);
    assert_int_equal(download_range("bytes=0-1,5-6", 100, &first, &last), RANGE_NONE);
    assert_int_equal(download_range("items=0-1", 100, &first, &last), RANGE_NONE);
    assert_int_equal(download_range("bytes=-", 100, &first, &last), RANGE_NONE);
    assert_int_equal(download_range("bytes=99999999999999999999999-", 100, &first, &last),
                     RANGE_NONE);
    struct arena a;
    arena_init(&a, 1024);
    assert_string_equal(download_disposition(&a, "Rapport d\xe2\x80\x99\xc3\xa9tape \"v2\".pdf"),
                        "attachment; filename=\"Rapport d__tape _v2_.pdf\"; "
                        "filename*=UTF-8''Rapport%20d%E2%80%99%C3%A9tape%20%22v2%22.pdf");
    arena_free(&a);
}

/* Text ------------------------------------------------------------------------- */

static char *text_of(struct arena *a, const char *content, enum extract_kind kind)
{
    char path[] = "/tmp/alliance-extract-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, content, strlen(content)), (ssize_t)strlen(content));
    close(fd);
    char *out;
    assert_int_equal(extract_text(a, path, kind, "pdftotext", 5, &out), EXTRACT_OK);
    unlink(path);
    return out;
}

static void text_is_read_without_markup(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a, 4096);
    assert_string_equal(
        text_of(&a,
                "<!DOCTYPE html><html><head><title>T</title><style>p>a{x:1}</style>"
                "<SCRIPT type=\"x\">if (a < b) alert('no')</SCRIPT></head><body>"
                "<p class=\"a>b\">Caf&eacute; &amp; th&#233; &#x41;&lt;3</p><!-- gone -->"
                "<br/>fin &unknown; &amp</body></html>",
                EXTRACT_HTML),
        "T Café & thé A<3 fin &unknown; &amp ");
    assert_string_equal(text_of(&a, "line one\nline\ttwo\x01\n", EXTRACT_TEXT),
                        "line one line two  ");
    arena_free(&a);
}

int main(void)
{
    if (sodium_init() < 0)
        return 1;
    struct guard_config cfg = {1000, 100000, 2, upload_route};
    guard_init(&cfg);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(multipart_gives_the_same_parts_whatever_the_pieces),
        cmocka_unit_test(multipart_refuses_what_is_malformed),
        cmocka_unit_test(multipart_boundaries_are_read_strictly),
        cmocka_unit_test(guard_passes_ordinary_requests_untouched),
        cmocka_unit_test(guard_applies_each_limit_when_evhttp_reaches_its_head),
        cmocka_unit_test(guard_refuses_on_the_head_and_drops_the_body),
        cmocka_unit_test(guard_steps_aside_when_it_cannot_follow),
        cmocka_unit_test(content_decides_the_family),
        cmocka_unit_test(names_and_declared_types_must_agree_with_the_content),
        cmocka_unit_test(file_names_are_made_safe),
        cmocka_unit_test(ranges_are_read_as_rfc_9110_says),
        cmocka_unit_test(text_is_read_without_markup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
