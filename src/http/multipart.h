/*
 * multipart.h — a streaming parser of multipart/form-data (RFC 7578 over RFC
 * 2046 §5.1): the body goes in as it comes, in pieces of any size; the parts
 * come out through callbacks — a part's headers, its content in pieces, its
 * end. It holds one part's headers at most (MULTIPART_HEAD_MAX) and never the
 * content, allocates nothing, and does not recurse: a part that is itself
 * multipart is content like any other. Whatever is malformed stops it with a
 * reason (multipart_problem), for a 400.
 */
#ifndef ALLIANCE_MULTIPART_H
#define ALLIANCE_MULTIPART_H

#include <stdbool.h>
#include <stddef.h>

#define MULTIPART_BOUNDARY_MAX 70
#define MULTIPART_HEAD_MAX     8192
#define MULTIPART_PARTS_MAX    64

/* What a part's headers say. */
struct multipart_part {
    char name[256];         /* the form field (Content-Disposition's name) */
    bool has_filename;      /* a file field, even with an empty name (none chosen) */
    char filename[1024];    /* as sent (filename*=UTF-8'' preferred), not yet checked */
    char content_type[128]; /* "" when the part has none */
};

/* The callbacks return 0 to go on; anything else stops the parse
 * (MULTIPART_STOPPED), for a reason of the caller's own. */
struct multipart_handler {
    int (*part_begin)(void *arg, const struct multipart_part *part);
    int (*part_data)(void *arg, const char *data, size_t n);
    int (*part_end)(void *arg);
    void *arg;
};

enum multipart_result {
    MULTIPART_MORE,    /* fed; more may come */
    MULTIPART_DONE,    /* the closing delimiter was seen (what follows is ignored) */
    MULTIPART_BAD,     /* malformed: see multipart_problem */
    MULTIPART_STOPPED, /* a callback said stop */
};

enum multipart_problem {
    MULTIPART_OK,
    MULTIPART_NO_BOUNDARY,    /* the body never reached its first delimiter */
    MULTIPART_BAD_DELIMITER,  /* a delimiter line with something after it */
    MULTIPART_HEAD_TOO_LONG,  /* a part's headers over MULTIPART_HEAD_MAX */
    MULTIPART_BAD_HEADER,     /* a header line without a name and a colon, or folded */
    MULTIPART_NO_DISPOSITION, /* a part without Content-Disposition: form-data; name= */
    MULTIPART_TOO_MANY_PARTS, /* over MULTIPART_PARTS_MAX */
    MULTIPART_TRUNCATED,      /* the body ended before its closing delimiter */
};

struct multipart {
    struct multipart_handler handler;
    char delimiter[MULTIPART_BOUNDARY_MAX + 5]; /* CR LF "--" boundary */
    size_t delimiter_len;
    int state;
    size_t match; /* bytes of the delimiter matched so far */
    int after;    /* progress through what follows a delimiter */
    char head[MULTIPART_HEAD_MAX];
    size_t head_len;
    int parts;
    bool in_part;
    enum multipart_problem problem;
};

/* multipart_boundary reads the boundary of a Content-Type header (NULL
 * allowed): 0 with out filled when it is multipart/form-data with a boundary
 * RFC 2046 allows (1 to 70 of its characters, no space at the end); -1 when
 * it is multipart/form-data with no or a malformed boundary; -2 when it is
 * not multipart/form-data at all. */
int multipart_boundary(const char *content_type, char out[MULTIPART_BOUNDARY_MAX + 1]);

/* multipart_init prepares a parse of a body with that boundary. */
void multipart_init(struct multipart *m, const char *boundary, const struct multipart_handler *h);

/* multipart_feed parses the next n bytes of the body. After DONE, BAD or
 * STOPPED, later calls return the same and do nothing. */
enum multipart_result multipart_feed(struct multipart *m, const char *data, size_t n);

/* multipart_finish says the body ended: DONE when it was closed, otherwise
 * BAD with MULTIPART_TRUNCATED (or the earlier result). */
enum multipart_result multipart_finish(struct multipart *m);

/* multipart_problem is why the parse stopped with MULTIPART_BAD. */
enum multipart_problem multipart_problem(const struct multipart *m);

#endif
