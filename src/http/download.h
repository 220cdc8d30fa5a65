/*
 * download.h — a stored file as an answer: its media type, a
 * Content-Disposition that every browser reads (an ASCII file name, and the
 * real one as filename*=UTF-8''…), a strong ETag (the file's SHA-256: the
 * same name is always the same bytes), 304 to a reader who holds it, and one
 * byte range on request (206, or 416 when it lies outside the file). The
 * bytes go from the file to the socket by libevent (sendfile), never through
 * memory.
 */
#ifndef ALLIANCE_DOWNLOAD_H
#define ALLIANCE_DOWNLOAD_H

#include "http/request.h"

#include <stdbool.h>
#include <stdint.h>

struct download {
    int fd; /* an open file: download_send takes it (and closes it) */
    uint64_t size;
    const char *sha256;
    const char *media_type;
    const char *file_name;
};

/* download_send answers r with the file. */
void download_send(struct request *r, const struct download *d);

/* download_disposition writes the Content-Disposition of an attachment
 * named file_name into the arena. */
char *download_disposition(struct arena *a, const char *file_name);

/* A byte range asked for, resolved against the file's size. */
enum download_range { RANGE_NONE, RANGE_OK, RANGE_UNSATISFIABLE };

/* download_range reads a Range header ("bytes=a-b", "bytes=a-",
 * "bytes=-n"): RANGE_OK with [*first, *last] inside the file; RANGE_NONE for
 * no header, several ranges or a malformed one (the whole file is sent);
 * RANGE_UNSATISFIABLE when it starts past the end. */
enum download_range download_range(const char *header, uint64_t size, uint64_t *first,
                                   uint64_t *last);

#endif
