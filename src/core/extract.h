/*
 * extract.h — the text of a file, for the search index: a text file's own
 * words, a web page's without its markup, a PDF's as pdftotext (poppler-utils)
 * reads them. pdftotext runs as a child process with a time limit, a memory
 * limit and nothing of ours open; it is killed when its time is up. The text
 * returned is valid UTF-8 of at most EXTRACT_MAX bytes, with control
 * characters turned into spaces.
 *
 * It blocks (reading files, waiting for the child): call it from a worker of
 * the pool, never from an event loop.
 */
#ifndef ALLIANCE_EXTRACT_H
#define ALLIANCE_EXTRACT_H

#include <stdbool.h>

struct arena;

#define EXTRACT_MAX (256 * 1024)

enum extract_kind { EXTRACT_TEXT, EXTRACT_HTML, EXTRACT_PDF };

/* What became of an extraction. */
enum extract_result {
    EXTRACT_OK,
    EXTRACT_TIMED_OUT, /* pdftotext was stopped; *out holds what it wrote by then */
    EXTRACT_FAILED,    /* unreadable, or pdftotext missing or failing: *out is "" */
};

/* extract_text reads the text of the file at path. pdftotext is the program
 * to run (a path, or a name looked up in PATH) and seconds its time limit.
 * *out is allocated in the arena. */
enum extract_result extract_text(struct arena *a, const char *path, enum extract_kind kind,
                                 const char *pdftotext, int seconds, char **out);

#endif
