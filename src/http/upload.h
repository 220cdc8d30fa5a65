/*
 * upload.h — a file and the fields sent beside it in a multipart/form-data
 * body, read by a worker of the upload pool (never on an event loop): the
 * file is streamed into a temporary file of the files store (files.h) while
 * its SHA-256 is computed and its content judged against its name and
 * declared type (mediatype.h); its text is then read for search (extract.h,
 * pdftotext with a time limit). The body is drained from memory as it is
 * read. The other fields are kept as the request's form fields (checked as
 * UTF-8 text, within the form limit), so request_form and the CSRF check
 * work as for any form.
 *
 * The handler gets the result back on its loop (upload_done), checks the
 * fields and the rights, and then keeps the file (upload_keep, before the
 * transaction that names it) or drops it (upload_drop). It must answer, and
 * the request is finished for it after upload_done returns. Until then the
 * file is only a temporary file: whatever goes wrong, nothing half-stored
 * remains.
 */
#ifndef ALLIANCE_UPLOAD_H
#define ALLIANCE_UPLOAD_H

#include "core/extract.h"
#include "core/mediatype.h"
#include "http/request.h"
#include "store/files.h"

#include <stdbool.h>
#include <stdint.h>

struct upload {
    bool has_file;         /* a file was chosen and sent */
    const char *file_name; /* its name, made safe (document.h); "" without a file */
    char sha256[FILES_HASH_LEN + 1];
    uint64_t size;
    const struct mediatype *kind;
    const char *text; /* its text for search; "" when none */
    enum extract_result text_result;
    /* A failure: status is the HTTP status (400, 413, 500, 503), message
     * says what to do, field names the form field (or NULL). */
    int status;
    const char *message;
    const char *field;
    struct files_writer writer; /* the temporary file */
    const char *files_dir;
};

typedef void (*upload_done)(struct request *r, struct upload *u);

/* upload_receive reads the body of r (prepared by dispatch: a boundary and an
 * upload slot) in the upload pool, the file from the part named file_field,
 * then calls done on the request's loop and finishes the request. When the
 * pool is full or there is no files directory, it answers 503 itself. */
void upload_receive(struct request *r, const char *file_field, upload_done done);

/* upload_keep puts the received file in its place in the store; 0, or -1
 * (the file is then dropped). */
int upload_keep(struct upload *u);

/* upload_drop removes the received file; safe to call after upload_keep. */
void upload_drop(struct upload *u);

#endif
