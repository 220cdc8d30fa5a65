/*
 * test_csv.c — unit tests of src/core/csv: the writer (RFC 4180 quoting,
 * CRLF, the byte order mark, formulas neutralised) and the reader (the same
 * rules back, line numbers in its errors, going on after a bad row, bounds).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* cmocka needs the four headers above first. */
#include <cmocka.h>

#include "core/buf.h"
#include "core/csv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* write_rows writes rows of cells (a NULL cell ends a row, a NULL row the
 * table) into b. */
static void write_rows(struct buf *b, const char *const *cells)
{
    struct csv_writer w;
    buf_init(b, 1 << 20);
    assert_int_equal(csv_writer_begin(&w, csv_sink_buf, b), 0);
    for (; *cells || cells[1]; cells++) {
        if (*cells)
            assert_int_equal(csv_cell(&w, *cells), 0);
        else
            assert_int_equal(csv_row(&w), 0);
    }
    assert_int_equal(csv_row(&w), 0);
}

static void writer_quotes_as_rfc4180_says_with_crlf_and_a_bom(void **state)
{
    (void)state;
    struct buf b;
    const char *cells[] = {"plain", "a,b", "say \"hi\"", "two\nlines", "", NULL, "x", NULL, NULL};
    write_rows(&b, cells);
    assert_string_equal(b.data, "\xEF\xBB\xBFplain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n"
                                "x\r\n");
    buf_free(&b);
}

/* CSV injection: what a spreadsheet would run as a formula starts with an
 * apostrophe, and csv_plain takes exactly that apostrophe off again. */
static void writer_neutralises_formulas_and_plain_undoes_it(void **state)
{
    (void)state;
    const char *risky[] = {"=SUM(A1:A9)", "+1", "-2", "@cmd", "\tx", "'=already", "''@x"};
    for (size_t i = 0; i < sizeof risky / sizeof risky[0]; i++) {
        struct buf b;
        const char *cells[] = {risky[i], NULL, NULL};
        write_rows(&b, cells);
        const char *cell = b.data + 3;
        assert_int_equal(cell[0] == '"' ? cell[1] : cell[0], '\'');
        buf_free(&b);
    }
    struct buf b;
    const char *cells[] = {"=SUM(1,2)", "\rcarriage", NULL, NULL};
    write_rows(&b, cells);
    assert_string_equal(b.data + 3, "\"'=SUM(1,2)\",\"'\rcarriage\"\r\n");
    buf_free(&b);
    assert_string_equal(csv_plain("'=SUM(1)"), "=SUM(1)");
    assert_string_equal(csv_plain("''=x"), "'=x");
    assert_string_equal(csv_plain("'plain"), "'plain");
    assert_string_equal(csv_plain("it's"), "it's");
    assert_string_equal(csv_plain("-1"), "-1");
    assert_null(csv_plain(NULL));
}

/* A row of one empty cell must not become an empty line, which readers skip. */
static void writer_keeps_a_lone_empty_cell(void **state)
{
    (void)state;
    struct buf b;
    const char *cells[] = {"h", NULL, "", NULL, NULL};
    write_rows(&b, cells);
    assert_string_equal(b.data + 3, "h\r\n\"\"\r\n");
    buf_free(&b);
}

static FILE *text_file(const char *text, size_t n)
{
    FILE *f = fmemopen((void *)text, n, "r");
    assert_non_null(f);
    return f;
}

static void reader_reads_quotes_newlines_crlf_and_skips_the_bom(void **state)
{
    (void)state;
    const char text[] = "\xEF\xBB\xBF"
                        "name,note\r\n"
                        "\"Smith, J\",\"said \"\"yes\"\"\"\r\n"
                        "\n"
                        "multi,\"one\r\ntwo\nthree\"\n"
                        "last,\"\"";
    FILE *f = text_file(text, sizeof text - 1);
    struct csv_reader r;
    csv_reader_init(&r, f);
    assert_int_equal(csv_read(&r), CSV_ROW);
    assert_int_equal(r.line, 1);
    assert_int_equal(r.count, 2);
    assert_string_equal(r.cells[0], "name");
    assert_int_equal(csv_read(&r), CSV_ROW);
    assert_int_equal(r.line, 2);
    assert_string_equal(r.cells[0], "Smith, J");
    assert_string_equal(r.cells[1], "said \"yes\"");
    assert_int_equal(csv_read(&r), CSV_ROW); /* the empty line 3 is skipped */
    assert_int_equal(r.line, 4);
    assert_string_equal(r.cells[1], "one\r\ntwo\nthree");
    assert_int_equal(csv_read(&r), CSV_ROW);
    assert_int_equal(r.line, 7);
    assert_string_equal(r.cells[0], "last");
    assert_string_equal(r.cells[1], "");
    assert_int_equal(csv_read(&r), CSV_END);
    assert_int_equal(csv_read(&r), CSV_END);
    csv_reader_free(&r);
    fclose(f);
}

/* What the writer writes, the reader reads back the same. */
static void writer_and_reader_round_trip(void **state)
{
    (void)state;
    const char *cells[] = {"a",  "=1+1", "q\"uo,te", NULL,     "l1\r\nl2", "",  "@x",
                           NULL, "'-3",  "",         "é ü 中", NULL,       NULL};
    struct buf b;
    write_rows(&b, cells);
    FILE *f = text_file(b.data, b.len);
    struct csv_reader r;
    csv_reader_init(&r, f);
    const char *const *want = cells;
    for (int row = 0; row < 3; row++) {
        assert_int_equal(csv_read(&r), CSV_ROW);
        assert_int_equal(r.count, 3);
        for (int i = 0; i < 3; i++)
            assert_string_equal(csv_plain(r.cells[i]), *want++);
        want++; /* the NULL that ends the row */
    }
    assert_int_equal(csv_read(&r), CSV_END);
    csv_reader_free(&r);
    fclose(f);
    buf_free(&b);
}

/* Bad rows are reported with their line and reading goes on; an unclosed
 * quote ends the file at the line where it opened. */
static void reader_reports_bad_rows_with_their_lines(void **state)
{
    (void)state;
    const char text[] = "a,b,c\n"
                        "1,2\n"                  /* 2: too few cells */
                        "1,\"x\xff\",3\n"        /* 3: bad UTF-8 in cell 2 */
                        "1,ab\"c,3\n"            /* 4: a quote inside an unquoted cell */
                        "\"x\"y,2,3\n"           /* 5: text after a closing quote */
                        "ok,\"multi\nline\",3\n" /* 6-7: good */
                        "1,2,3,4\n"              /* 8: too many cells */
                        "1,\"never\n"            /* 9: the quote never closes */
                        "closed,3\n";
    FILE *f = text_file(text, sizeof text - 1);
    struct csv_reader r;
    csv_reader_init(&r, f);
    assert_int_equal(csv_read(&r), CSV_ROW);
    assert_int_equal(csv_read(&r), CSV_BAD_ROW);
    assert_int_equal(r.line, 2);
    assert_non_null(strstr(r.error, "2 cells where the first row has 3"));
    assert_int_equal(csv_read(&r), CSV_BAD_ROW);
    assert_int_equal(r.line, 3);
    assert_int_equal(r.bad_cell, 1);
    assert_non_null(strstr(r.error, "UTF-8"));
    assert_int_equal(csv_read(&r), CSV_BAD_ROW);
    assert_int_equal(r.line, 4);
    assert_int_equal(csv_read(&r), CSV_BAD_ROW);
    assert_int_equal(r.line, 5);
    assert_int_equal(csv_read(&r), CSV_ROW);
    assert_int_equal(r.line, 6);
    assert_string_equal(r.cells[1], "multi\nline");
    assert_int_equal(csv_read(&r), CSV_BAD_ROW);
    assert_int_equal(r.line, 8);
    assert_int_equal(csv_read(&r), CSV_BAD_FILE);
    assert_int_equal(r.line, 9);
    assert_non_null(strstr(r.error, "never closed"));
    assert_int_equal(csv_read(&r), CSV_END);
    csv_reader_free(&r);
    fclose(f);
}

static void reader_refuses_nul_and_controls_as_bad_text(void **state)
{
    (void)state;
    const char text[] = "a,b\nx\0y,z\n1,\x01\n";
    FILE *f = text_file(text, sizeof text - 1);
    struct csv_reader r;
    csv_reader_init(&r, f);
    assert_int_equal(csv_read(&r), CSV_ROW);
    assert_int_equal(csv_read(&r), CSV_BAD_ROW);
    assert_int_equal(r.bad_cell, 0);
    assert_int_equal(csv_read(&r), CSV_BAD_ROW);
    assert_int_equal(r.bad_cell, 1);
    assert_int_equal(csv_read(&r), CSV_END);
    csv_reader_free(&r);
    fclose(f);
}

/* A row past CSV_MAX_ROW bytes is refused without holding it, and the next
 * row is read as usual; so is a row of too many cells. */
static void reader_bounds_the_row(void **state)
{
    (void)state;
    size_t big = 3 * CSV_MAX_ROW; /* held whole, it would take 4 MiB */
    size_t cells = CSV_MAX_CELLS + 5;
    char *text = malloc(big + 2 * cells + 64);
    assert_non_null(text);
    size_t n = 0;
    n += (size_t)snprintf(text + n, 16, "a\n\"");
    memset(text + n, 'x', big);
    n += big;
    n += (size_t)snprintf(text + n, 16, "\"\n");
    for (size_t i = 0; i < cells; i++)
        text[n++] = ',';
    n += (size_t)snprintf(text + n, 16, "\nafter\n");
    FILE *f = text_file(text, n);
    struct csv_reader r;
    csv_reader_init(&r, f);
    assert_int_equal(csv_read(&r), CSV_ROW);
    assert_int_equal(csv_read(&r), CSV_BAD_ROW);
    assert_int_equal(r.line, 2);
    assert_true(r.size <= 2 * CSV_MAX_ROW);
    assert_int_equal(csv_read(&r), CSV_BAD_ROW);
    assert_int_equal(r.line, 3);
    assert_int_equal(csv_read(&r), CSV_ROW);
    assert_int_equal(r.line, 4);
    assert_string_equal(r.cells[0], "after");
    assert_int_equal(csv_read(&r), CSV_END);
    csv_reader_free(&r);
    fclose(f);
    free(text);
}

/* A file that starts with what looks like a BOM but is not loses no bytes. */
static void reader_gives_back_a_false_bom(void **state)
{
    (void)state;
    const char text[] = "\xEF\xBB\xBE,b\n";
    FILE *f = text_file(text, sizeof text - 1);
    struct csv_reader r;
    csv_reader_init(&r, f);
    assert_int_equal(csv_read(&r), CSV_ROW);
    assert_string_equal(r.cells[0], "\xEF\xBB\xBE");
    assert_string_equal(r.cells[1], "b");
    csv_reader_free(&r);
    fclose(f);
    const char empty[] = "\xEF\xBB\xBF";
    f = text_file(empty, sizeof empty - 1);
    csv_reader_init(&r, f);
    assert_int_equal(csv_read(&r), CSV_END);
    csv_reader_free(&r);
    fclose(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(writer_quotes_as_rfc4180_says_with_crlf_and_a_bom),
        cmocka_unit_test(writer_neutralises_formulas_and_plain_undoes_it),
        cmocka_unit_test(writer_keeps_a_lone_empty_cell),
        cmocka_unit_test(reader_reads_quotes_newlines_crlf_and_skips_the_bom),
        cmocka_unit_test(writer_and_reader_round_trip),
        cmocka_unit_test(reader_reports_bad_rows_with_their_lines),
        cmocka_unit_test(reader_refuses_nul_and_controls_as_bad_text),
        cmocka_unit_test(reader_bounds_the_row),
        cmocka_unit_test(reader_gives_back_a_false_bom),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
