/*
 * document.h — a document of a platform's resource library (seeds: the
 * resource centre; DESIGN.md §2): a guideline, tool, policy, report, case
 * study, training material or other, described with the fifteen Dublin Core
 * elements (title, creator, subject, description, publisher, contributor,
 * date, type, format, identifier, source, language, relation, coverage,
 * rights). A document is either a file kept by the server (stored by its
 * SHA-256: store/files.h) or a link to somewhere else, never both. Like a
 * lesson it is a draft until someone who may publish on its platform
 * publishes it, and its visibility is platform, alliance (the default) or
 * public; the text of a PDF, web page or text file goes into the search
 * index with its description.
 */
#ifndef ALLIANCE_DOCUMENT_H
#define ALLIANCE_DOCUMENT_H

#include "core/problem.h"
#include "domain/context.h"
#include "domain/listing.h"

#include <stdbool.h>
#include <stdint.h>

#define DOCUMENT_TYPE_COUNT 7

/* The kinds of document, machine names in this order. */
extern const char *const document_types[DOCUMENT_TYPE_COUNT];

struct document {
    int64_t key;
    char *id;
    int64_t platform_key;
    char *platform_id;
    char *platform_name;
    int platform_depth;
    char *level_label;
    int64_t alliance_key;
    char *alliance_slug;
    char *alliance_name;
    char *alliance_visibility;
    int64_t author_key; /* 0 when the person's record is gone */
    char *author_id;
    char *author_name;
    char *doc_type; /* one of document_types */
    /* Dublin Core. date is YYYY, YYYY-MM or YYYY-MM-DD (or ""); language a
     * language tag such as en, fr or pt-BR (or ""). */
    char *title, *creator, *subject, *description, *publisher, *contributor, *date, *type, *format,
        *identifier, *source, *language, *relation, *coverage, *rights;
    char *status;     /* draft, published */
    char *visibility; /* platform, alliance, public */
    /* The file (file_key != 0) or the link (url != NULL). */
    int64_t file_key;
    char *sha256;
    int64_t size;
    char *media_type;
    char *file_name; /* safe to send back (mediatype_safe_name) */
    char *url;
    char *text; /* the file's text, for search; "" when none */
    char *created_at;
    char *updated_at;
    char *published_at; /* NULL while a draft */
    /* Whether the reader may know the author: false when they read it only
     * through shares without attribution (share.h); then author_key is 0,
     * author_id and author_name NULL, and creator, publisher and contributor
     * (which name people and organisations) are "". */
    bool attributed;
};

/* The file an upload brings to a new document (http/upload.h). */
struct document_file {
    const char *sha256;
    int64_t size;
    const char *media_type;
    const char *file_name;
    const char *text;
};

struct document_list {
    struct document *items;
    int count;
    int64_t total;
};

/* What document_list returns; zero and NULL fields do not filter. */
struct document_filter {
    int64_t platform_key;
    int64_t alliance_key;
    const char *doc_type;
    const char *language; /* the primary language: "fr" finds fr and fr-BF */
    const char *status;
};

/* document_type_label, document_visibility_label: translated names. */
const char *document_type_label(const char *doc_type);
const char *document_visibility_label(const char *visibility);

/* document_type_known says whether a name is one of document_types. */
bool document_type_known(const char *doc_type);

/* document_language_ok says whether text is a language tag the library
 * takes: 2 or 3 letters, then subtags of 2 to 8 letters or digits. */
bool document_language_ok(const char *text);

/* document_find loads a document the viewer may read (STATUS_NOT_FOUND
 * otherwise), its text included. */
enum status document_find(struct ctx *c, const char *id, struct document **out);

/* document_list returns a page of the documents the viewer may read, without
 * their text. Sort keys: date (default: newest added first), title, type,
 * platform. */
enum status document_list(struct ctx *c, const struct document_filter *f, const struct listing *l,
                          struct document_list *out);

/* A step between the checks of a new document and its transaction: the
 * uploaded file is put in its place there, so that a refused document leaves
 * no file behind, and an accepted one is never named before its file exists.
 * Returns 0, or non-zero to give up (STATUS_ERROR). */
typedef int (*document_keep)(void *arg);

/* document_create stores a new document on the platform named by
 * d->platform_id, added by the viewer: with file (an upload) or with d->url
 * (a link), exactly one. Writing needs the write right on the platform;
 * publishing the publish right. keep (may be NULL) runs once the checks have
 * passed, before the transaction. */
enum status document_create(struct ctx *c, struct document *d, const struct document_file *file,
                            document_keep keep, void *keep_arg, struct problems *p);

/* document_update stores edited metadata (and a link's address): its author
 * while they may write on the platform, or anyone who may publish there. The
 * file of a document does not change. */
enum status document_update(struct ctx *c, struct document *d, struct problems *p);

/* document_delete removes a document (those who may publish on its platform),
 * leaving a tombstone; its file stays in the store (others may share it). */
enum status document_delete(struct ctx *c, struct document *d);

/* document_file_open opens the file of a document the viewer has read, in
 * the files directory dir: STATUS_OK with *fd (the caller closes it) and
 * *size; STATUS_NOT_FOUND when the document is a link, or its file is not in
 * the directory (logged: the directory is not the one it was kept in). */
enum status document_file_open(const struct document *d, const char *dir, int *fd, uint64_t *size);

/* document_may_edit: may the viewer edit the document? (For showing links.) */
bool document_may_edit(struct ctx *c, const struct document *d);

/* document_reindex_one puts the document with this id in the search index again, as
 * search_reindex walks every item (a search_source). */
enum status document_reindex_one(struct ctx *c, const char *id);

#endif
