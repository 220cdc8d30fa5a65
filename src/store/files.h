/*
 * files.h — the store of uploaded files, on disk beside the database: each
 * file is kept under the files directory as ab/cdef…, named by the SHA-256 of
 * its bytes, so the same file sent twice is kept once, and a name always
 * means the same bytes. A file is written into tmp/ first, synced, and only
 * then renamed into place (and the directory synced): a crash or a broken
 * upload leaves at most a temporary file, never a partial file under a hash.
 * Files in place are never changed; several servers may share the directory.
 *
 * These functions block on the disk: call them from the upload pool, except
 * files_commit and files_abort (a rename or an unlink, and a directory sync).
 */
#ifndef ALLIANCE_FILES_H
#define ALLIANCE_FILES_H

#include <sodium.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FILES_PATH_MAX 4096
#define FILES_HASH_LEN 64 /* hex characters of a SHA-256 */

/* A file being written. */
struct files_writer {
    int fd; /* -1 once closed */
    char dir[FILES_PATH_MAX];
    char tmp_path[FILES_PATH_MAX];
    crypto_hash_sha256_state sha;
    uint64_t size;
    bool open; /* a temporary file exists */
};

/* files_begin creates the directories as needed (dir, dir/tmp) and a new
 * temporary file. Returns 0, or -1 with errno set. */
int files_begin(const char *dir, struct files_writer *w);

/* files_write appends n bytes; 0, or -1 with errno set. */
int files_write(struct files_writer *w, const void *data, size_t n);

/* files_finish syncs and closes the temporary file and writes its hash (hex)
 * into sha; the file stays temporary until files_commit. 0, or -1. */
int files_finish(struct files_writer *w, char sha[FILES_HASH_LEN + 1]);

/* files_commit moves a finished file to its place under its hash, or drops
 * it when that place already holds the same bytes, and syncs the directory.
 * 0, or -1 (the temporary file is then removed). */
int files_commit(struct files_writer *w, const char *sha);

/* files_abort removes the temporary file (if any); safe to call twice. */
void files_abort(struct files_writer *w);

/* files_open opens a stored file for reading: 0 with *fd (the caller closes
 * it) and *size, or -1 when it is missing. sha must be 64 hex characters. */
int files_open(const char *dir, const char *sha, int *fd, uint64_t *size);

/* files_path writes where a stored file lives; -1 when sha is not a hash. */
int files_path(const char *dir, const char *sha, char *out, size_t size);

/* files_sweep removes temporary files older than max_age seconds: what
 * crashed uploads left. Another server may be writing a younger one. */
void files_sweep(const char *dir, int max_age);

#endif
