/*
 * files.c — see files.h.
 */
#include "store/files.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* make_dir creates a directory if it is missing. */
static int make_dir(const char *path)
{
    return mkdir(path, 0750) == 0 || errno == EEXIST ? 0 : -1;
}

/* sync_dir makes a directory's entries (a rename into it) durable. */
static int sync_dir(const char *path)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

static bool is_hash(const char *sha)
{
    if (!sha || strlen(sha) != FILES_HASH_LEN)
        return false;
    for (const char *p = sha; *p; p++)
        if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
            return false;
    return true;
}

int files_path(const char *dir, const char *sha, char *out, size_t size)
{
    if (!is_hash(sha))
        return -1;
    int n = snprintf(out, size, "%s/%.2s/%s", dir, sha, sha + 2);
    return n < 0 || (size_t)n >= size ? -1 : 0;
}

int files_begin(const char *dir, struct files_writer *w)
{
    memset(w, 0, sizeof *w);
    w->fd = -1;
    int n = snprintf(w->dir, sizeof w->dir, "%s", dir);
    int t = snprintf(w->tmp_path, sizeof w->tmp_path, "%s/tmp/upload-XXXXXX", dir);
    if (n < 0 || (size_t)n >= sizeof w->dir || t < 0 || (size_t)t >= sizeof w->tmp_path) {
        errno = ENAMETOOLONG;
        return -1;
    }
    char tmp_dir[FILES_PATH_MAX];
    snprintf(tmp_dir, sizeof tmp_dir, "%s/tmp", dir);
    if (make_dir(dir) != 0 || make_dir(tmp_dir) != 0)
        return -1;
    w->fd = mkostemp(w->tmp_path, O_CLOEXEC);
    if (w->fd < 0)
        return -1;
    w->open = true;
    crypto_hash_sha256_init(&w->sha);
    return 0;
}

int files_write(struct files_writer *w, const void *data, size_t n)
{
    const char *p = data;
    crypto_hash_sha256_update(&w->sha, data, n);
    w->size += n;
    while (n > 0) {
        ssize_t k = write(w->fd, p, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        p += k;
        n -= (size_t)k;
    }
    return 0;
}

int files_finish(struct files_writer *w, char sha[FILES_HASH_LEN + 1])
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&w->sha, digest);
    sodium_bin2hex(sha, FILES_HASH_LEN + 1, digest, sizeof digest);
    int rc = fsync(w->fd);
    if (close(w->fd) != 0)
        rc = -1;
    w->fd = -1;
    return rc;
}

int files_commit(struct files_writer *w, const char *sha)
{
    char path[FILES_PATH_MAX], sub[FILES_PATH_MAX];
    if (files_path(w->dir, sha, path, sizeof path) != 0) {
        files_abort(w);
        return -1;
    }
    int n = snprintf(sub, sizeof sub, "%s/%.2s", w->dir, sha);
    struct stat st;
    if (n < 0 || (size_t)n >= sizeof sub || make_dir(sub) != 0) {
        files_abort(w);
        return -1;
    }
    if (stat(path, &st) == 0 && (uint64_t)st.st_size == w->size) {
        files_abort(w); /* the same bytes are already kept */
        return 0;
    }
    if (rename(w->tmp_path, path) != 0) {
        files_abort(w);
        return -1;
    }
    w->open = false;
    return sync_dir(sub) == 0 && sync_dir(w->dir) == 0 ? 0 : -1;
}

void files_abort(struct files_writer *w)
{
    if (w->fd >= 0) {
        close(w->fd);
        w->fd = -1;
    }
    if (w->open) {
        unlink(w->tmp_path);
        w->open = false;
    }
}

int files_open(const char *dir, const char *sha, int *fd, uint64_t *size)
{
    char path[FILES_PATH_MAX];
    if (files_path(dir, sha, path, sizeof path) != 0)
        return -1;
    int f = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (f < 0)
        return -1;
    if (fstat(f, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(f);
        return -1;
    }
    *fd = f;
    *size = (uint64_t)st.st_size;
    return 0;
}

void files_sweep(const char *dir, int max_age)
{
    char tmp_dir[FILES_PATH_MAX], path[FILES_PATH_MAX];
    snprintf(tmp_dir, sizeof tmp_dir, "%s/tmp", dir);
    DIR *d = opendir(tmp_dir);
    if (!d)
        return;
    time_t now = time(NULL);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strncmp(e->d_name, "upload-", 7) != 0)
            continue;
        struct stat st;
        int n = snprintf(path, sizeof path, "%s/%s", tmp_dir, e->d_name);
        if (n > 0 && (size_t)n < sizeof path && stat(path, &st) == 0 && now - st.st_mtime > max_age)
            unlink(path);
    }
    closedir(d);
}
