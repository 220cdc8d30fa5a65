/*
 * csv.c — see csv.h. The reader is a small state machine over the bytes of a
 * row; it keeps reading to the end of a row it has found fault with, so that
 * the next row starts where it should.
 */
#include "core/csv.h"

#include "core/buf.h"
#include "core/i18n.h"
#include "core/str.h"

#include <stdlib.h>
#include <string.h>

#define BOM "\xEF\xBB\xBF"

int csv_sink_file(void *arg, const char *data, size_t n)
{
    return fwrite(data, 1, n, arg) == n ? 0 : -1;
}

int csv_sink_buf(void *arg, const char *data, size_t n)
{
    return buf_append(arg, data, n);
}

static void emit(struct csv_writer *w, const char *data, size_t n)
{
    if (!w->failed && n && w->sink(w->arg, data, n) != 0)
        w->failed = 1;
}

int csv_writer_begin(struct csv_writer *w, csv_sink sink, void *arg)
{
    w->sink = sink;
    w->arg = arg;
    w->cells = 0;
    w->failed = 0;
    w->last_empty = false;
    emit(w, BOM, 3);
    return w->failed ? -1 : 0;
}

/* formula_like says whether a spreadsheet could take text for a formula once
 * one apostrophe is taken off: apostrophes, then =, +, -, @, tab or CR. */
static bool formula_like(const char *text)
{
    while (*text == '\'')
        text++;
    return *text != '\0' && strchr("=+-@\t\r", *text) != NULL;
}

int csv_cell(struct csv_writer *w, const char *text)
{
    if (!text)
        text = "";
    if (w->cells++ > 0)
        emit(w, ",", 1);
    bool quoted = strpbrk(text, ",\"\r\n") != NULL;
    if (quoted)
        emit(w, "\"", 1);
    if (formula_like(text))
        emit(w, "'", 1);
    if (quoted) {
        const char *q;
        while ((q = strchr(text, '"')) != NULL) {
            emit(w, text, (size_t)(q - text) + 1);
            emit(w, "\"", 1); /* the quote doubled */
            text = q + 1;
        }
    }
    emit(w, text, strlen(text));
    if (quoted)
        emit(w, "\"", 1);
    w->last_empty = w->cells == 1 && !quoted && *text == '\0';
    return w->failed ? -1 : 0;
}

int csv_row(struct csv_writer *w)
{
    /* A row of one empty cell would be an empty line, which readers skip. */
    if (w->cells == 1 && w->last_empty)
        emit(w, "\"\"", 2);
    emit(w, "\r\n", 2);
    w->cells = 0;
    w->last_empty = false;
    return w->failed ? -1 : 0;
}

const char *csv_plain(const char *cell)
{
    return cell && cell[0] == '\'' && formula_like(cell) ? cell + 1 : cell;
}

void csv_reader_init(struct csv_reader *r, FILE *in)
{
    memset(r, 0, sizeof *r);
    r->in = in;
    r->next_line = 1;
}

void csv_reader_free(struct csv_reader *r)
{
    free(r->text);
    r->text = NULL;
    r->size = r->len = 0;
}

static int next_byte(struct csv_reader *r)
{
    if (r->pending_count)
        return r->pending[--r->pending_count];
    return getc(r->in);
}

/* unread gives a byte back; the last given back is read first. */
static void unread(struct csv_reader *r, int ch)
{
    if (ch != EOF)
        r->pending[r->pending_count++] = (unsigned char)ch;
}

static void skip_bom(struct csv_reader *r)
{
    int a = next_byte(r);
    if (a != 0xEF) {
        unread(r, a);
        return;
    }
    int b = next_byte(r);
    if (b != 0xBB) {
        unread(r, b);
        unread(r, a);
        return;
    }
    int c = next_byte(r);
    if (c != 0xBF) {
        unread(r, c);
        unread(r, b);
        unread(r, a);
    }
}

/* put stores a byte of the row; past CSV_MAX_ROW it only says so. NULs that
 * end cells are always stored (there are at most CSV_MAX_CELLS of them). */
static void put(struct csv_reader *r, int ch, bool terminator, const char **problem)
{
    if (!terminator && r->len >= CSV_MAX_ROW) {
        if (!*problem)
            *problem = _("the row is longer than a megabyte");
        return;
    }
    if (r->len + 1 > r->size) {
        size_t size = r->size ? r->size * 2 : 1024;
        char *text = realloc(r->text, size);
        if (!text) {
            fputs("alliance: out of memory\n", stderr);
            abort();
        }
        r->text = text;
        r->size = size;
    }
    r->text[r->len++] = (char)ch;
}

static void cell_start(struct csv_reader *r, const char **problem)
{
    if (r->count == CSV_MAX_CELLS) {
        if (!*problem)
            *problem = _("the row has too many cells");
        return;
    }
    r->starts[r->count++] = r->len;
}

/* line_end takes the LF of a CRLF after ch (a CR), and counts the line. */
static void line_end(struct csv_reader *r, int ch)
{
    if (ch == '\r') {
        int next = next_byte(r);
        if (next != '\n')
            unread(r, next);
    }
    r->next_line++;
}

enum state { CELL_START, UNQUOTED, QUOTED, AFTER_QUOTE };

/* scan reads one row's bytes into r->text. Returns CSV_ROW (problem may be
 * set), CSV_END, or CSV_BAD_FILE. empty is set for a line with nothing on it. */
static enum csv_result scan(struct csv_reader *r, const char **problem, bool *empty)
{
    enum state state = CELL_START;
    bool any = false; /* a byte of the row was read, line end aside */
    int64_t quote_line = 0;
    r->len = 0;
    r->count = 0;
    r->line = r->next_line;
    cell_start(r, problem);
    for (;;) {
        int ch = next_byte(r);
        if (ch == EOF && ferror(r->in)) {
            snprintf(r->error, sizeof r->error, "%s", _("the file could not be read"));
            return CSV_BAD_FILE;
        }
        if (state == QUOTED) {
            if (ch == EOF) {
                r->line = quote_line;
                snprintf(r->error, sizeof r->error, "%s",
                         _("a quoted cell starts here and is never closed (a \" is missing)"));
                return CSV_BAD_FILE;
            }
            if (ch == '"') {
                state = AFTER_QUOTE;
                continue;
            }
            put(r, ch, false, problem);
            if (ch == '\r') {
                int next = next_byte(r);
                if (next == '\n')
                    put(r, next, false, problem);
                else
                    unread(r, next);
                r->next_line++;
            } else if (ch == '\n') {
                r->next_line++;
            }
            continue;
        }
        if (state == AFTER_QUOTE) {
            if (ch == '"') { /* a doubled quote stands for one */
                put(r, '"', false, problem);
                state = QUOTED;
                continue;
            }
            if (ch != ',' && ch != '\n' && ch != '\r' && ch != EOF) {
                if (!*problem)
                    *problem = _("a quoted cell goes on after its closing quote");
                put(r, ch, false, problem);
                state = UNQUOTED;
                continue;
            }
        }
        if (ch == ',') {
            any = true;
            put(r, '\0', true, problem);
            cell_start(r, problem);
            state = CELL_START;
            continue;
        }
        if (ch == '\n' || ch == '\r' || ch == EOF) {
            if (ch == EOF && !any) {
                r->over = true;
                return CSV_END;
            }
            if (ch == EOF)
                r->over = true;
            else
                line_end(r, ch);
            put(r, '\0', true, problem);
            *empty = !any;
            return CSV_ROW;
        }
        any = true;
        if (ch == '"' && state == CELL_START) {
            state = QUOTED;
            quote_line = r->next_line;
            continue;
        }
        if (ch == '"' && !*problem)
            *problem = _("a quote stands inside a cell that does not start with one (quote the "
                         "whole cell and double the quote)");
        put(r, ch, false, problem);
        state = UNQUOTED;
    }
}

/* check holds a row to valid UTF-8 and to the width of the first row. */
static const char *check(struct csv_reader *r)
{
    for (int i = 0; i < r->count; i++) {
        size_t end = i + 1 < r->count ? r->starts[i + 1] - 1 : r->len - 1;
        if (!str_utf8_valid(r->text + r->starts[i], end - r->starts[i])) {
            r->bad_cell = i;
            snprintf(r->error, sizeof r->error, "%s",
                     _("the text is not valid UTF-8 (save the file as CSV UTF-8)"));
            return r->error;
        }
    }
    if (r->width == 0) {
        r->width = r->count;
    } else if (r->count != r->width) {
        snprintf(r->error, sizeof r->error,
                 ngettext("the row has %d cell where the first row has %d",
                          "the row has %d cells where the first row has %d",
                          (unsigned long)r->count),
                 r->count, r->width);
        return r->error;
    }
    return NULL;
}

enum csv_result csv_read(struct csv_reader *r)
{
    if (!r->started) {
        r->started = true;
        skip_bom(r);
    }
    for (;;) {
        if (r->over)
            return CSV_END;
        const char *problem = NULL;
        bool empty = false;
        r->bad_cell = -1;
        enum csv_result result = scan(r, &problem, &empty);
        if (result != CSV_ROW) {
            r->over = true;
            return result;
        }
        if (empty && !problem)
            continue;
        if (!problem)
            problem = check(r);
        if (problem) {
            if (problem != r->error)
                snprintf(r->error, sizeof r->error, "%s", problem);
            return CSV_BAD_ROW;
        }
        for (int i = 0; i < r->count; i++)
            r->cells[i] = r->text + r->starts[i];
        return CSV_ROW;
    }
}
