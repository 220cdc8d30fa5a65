/*
 * csv.h — comma-separated values as RFC 4180 has them, for spreadsheets: a
 * writer and a streaming reader that know nothing of what the cells mean.
 *
 * The writer starts the file with the UTF-8 byte order mark (so that
 * spreadsheet programs read the text as UTF-8), ends every row with CRLF, and
 * quotes a cell that holds a comma, a quote, CR or LF, doubling its quotes. A
 * cell a spreadsheet would take for a formula — one starting with =, +, -, @,
 * tab or CR, possibly after apostrophes — gets one more apostrophe in front
 * (CSV injection), which spreadsheets show as text; csv_plain takes it off on
 * the way back, so that what is written reads back the same.
 *
 * The reader skips the byte order mark, takes CRLF, LF or CR line ends, quoted
 * cells with doubled quotes and line ends inside, and skips empty lines. It
 * holds every row to the number of cells of the first one, to well-formed
 * UTF-8 text and to bounded sizes, so memory stays the same whatever the size
 * of the file. A problem is reported with the number of the line where the
 * row starts; most leave the reader able to go on with the next row, so that
 * a caller can list them all.
 */
#ifndef ALLIANCE_CSV_H
#define ALLIANCE_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Where the writer's bytes go: returns 0, or -1 when they could not be written. */
typedef int (*csv_sink)(void *arg, const char *data, size_t n);

/* csv_sink_file writes to a FILE * (arg). */
int csv_sink_file(void *arg, const char *data, size_t n);

/* csv_sink_buf appends to a struct buf * (arg), within its cap. */
int csv_sink_buf(void *arg, const char *data, size_t n);

struct csv_writer {
    csv_sink sink;
    void *arg;
    int cells;       /* cells written in the current row */
    int failed;      /* a write failed: later ones do nothing, and report it */
    bool last_empty; /* the row so far is one empty cell */
};

/* csv_writer_begin prepares w to write into sink and writes the byte order
 * mark. Returns 0, or -1 when the sink failed. */
int csv_writer_begin(struct csv_writer *w, csv_sink sink, void *arg);

/* csv_cell writes one cell of the current row; NULL writes an empty cell.
 * text is expected to be UTF-8. Returns 0, or -1 once a write failed. */
int csv_cell(struct csv_writer *w, const char *text);

/* csv_row ends the current row with CRLF. Returns 0, or -1 once a write failed. */
int csv_row(struct csv_writer *w);

/* csv_plain undoes the writer's protection of a cell: "'=SUM(A1)" gives
 * "=SUM(A1)" (a pointer into cell); any other cell is returned as it is. */
const char *csv_plain(const char *cell);

/* Bounds of the reader: a row's cells and its bytes (all cells together). */
#define CSV_MAX_CELLS 128
#define CSV_MAX_ROW   (1024 * 1024)

enum csv_result {
    CSV_ROW = 1,       /* a row was read: cells[0 .. count-1] */
    CSV_END = 0,       /* the file is over */
    CSV_BAD_ROW = -1,  /* this row is wrong (error says why); the next can be read */
    CSV_BAD_FILE = -2, /* the file cannot be read on (error says why) */
};

struct csv_reader {
    FILE *in;
    int64_t line;               /* the line where the last row read starts; 1 is the first */
    int width;                  /* the cells of the first row; 0 before it */
    int count;                  /* the cells of the last row */
    char *cells[CSV_MAX_CELLS]; /* NUL-terminated, valid until the next read */
    char error[256];            /* what was wrong, translated */
    int bad_cell;               /* the cell (from 0) that was wrong, or -1 */
    /* Private. */
    char *text; /* the row's cells, each followed by a NUL */
    size_t len, size;
    size_t starts[CSV_MAX_CELLS];
    int64_t next_line; /* the line the next byte is on */
    unsigned char pending[4];
    int pending_count;
    bool started, over;
};

/* csv_reader_init prepares r to read in, which the caller keeps open and
 * closes. csv_reader_free releases what the reader holds. */
void csv_reader_init(struct csv_reader *r, FILE *in);
void csv_reader_free(struct csv_reader *r);

/* csv_read reads the next row. A problem is described in error, about line
 * (and bad_cell when it is about one cell). After CSV_BAD_ROW the cells are
 * not to be used, and reading may go on; after CSV_BAD_FILE or CSV_END it
 * may not. */
enum csv_result csv_read(struct csv_reader *r);

#endif
