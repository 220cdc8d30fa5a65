/*
 * mediatype.h — what a file is, judged from its content rather than from
 * what its sender says. The resource library takes PDF, images (PNG, JPEG,
 * GIF), Office documents (Word, Excel, PowerPoint, old and new), OpenDocument,
 * ZIP archives, and text in UTF-8 (plain, CSV, Markdown, HTML). A file's
 * content puts it in a family by its magic bytes (or, with none, by being
 * UTF-8 text throughout); the extension of its name and the type its sender
 * declared must name the same family, or the file lies about itself.
 *
 * Content is seen as a stream (mediatype_sniff_feed), so a file of any size
 * is judged without being held in memory.
 */
#ifndef ALLIANCE_MEDIATYPE_H
#define ALLIANCE_MEDIATYPE_H

#include <stdbool.h>
#include <stddef.h>

enum mediatype_family {
    MEDIATYPE_UNKNOWN,
    MEDIATYPE_PDF,
    MEDIATYPE_PNG,
    MEDIATYPE_JPEG,
    MEDIATYPE_GIF,
    MEDIATYPE_ZIP, /* ZIP, and what is built on it: Office Open XML, OpenDocument */
    MEDIATYPE_OLE, /* the compound files of Office 97–2003 */
    MEDIATYPE_TEXT,
};

/* One kind of file the library takes. */
struct mediatype {
    const char *extension; /* lower case, without the dot */
    const char *type;      /* the media type downloads are served with */
    enum mediatype_family family;
    const char *label; /* for people ("PDF document"), to be translated */
};

/* The state of a sniff: the first bytes, and whether all so far is UTF-8 text. */
struct mediatype_sniff {
    unsigned char head[1024];
    size_t head_len;
    unsigned long long size;
    bool text;            /* every byte so far fits UTF-8 text */
    int need;             /* continuation bytes still due */
    unsigned char lo, hi; /* the range of the next continuation byte */
};

void mediatype_sniff_init(struct mediatype_sniff *s);
void mediatype_sniff_feed(struct mediatype_sniff *s, const void *data, size_t n);

/* mediatype_sniff_family is the family of everything fed so far. */
enum mediatype_family mediatype_sniff_family(const struct mediatype_sniff *s);

/* mediatype_by_extension finds a kind by the extension of a file name (after
 * its last dot, any case); NULL when there is none or it is not taken. */
const struct mediatype *mediatype_by_extension(const char *filename);

/* mediatype_by_type finds a kind by a declared media type (parameters
 * ignored); NULL when unknown. */
const struct mediatype *mediatype_by_type(const char *type);

/* The verdict on a file. */
enum mediatype_verdict {
    MEDIATYPE_ACCEPTED,
    MEDIATYPE_NOT_TAKEN,      /* its content is of no family the library takes */
    MEDIATYPE_NAME_LIES,      /* its extension names another family than its content */
    MEDIATYPE_DECLARED_LIES,  /* its declared type names another family */
    MEDIATYPE_NAME_NOT_TAKEN, /* its extension is of a kind the library does not take */
};

/* mediatype_judge weighs the content's family against the name and the
 * declared type (either may be NULL or ""; application/octet-stream declares
 * nothing). On MEDIATYPE_ACCEPTED *out is the kind to keep: the extension's,
 * else the family's own. */
enum mediatype_verdict mediatype_judge(enum mediatype_family family, const char *filename,
                                       const char *declared, const struct mediatype **out);

/* mediatype_family_label names a family for people ("a PNG image"). */
const char *mediatype_family_label(enum mediatype_family family);

/* mediatype_safe_name makes a file name safe to keep and to send back in a
 * Content-Disposition: the part after the last slash or backslash (no path,
 * no ../), without control characters, invalid UTF-8 bytes, line separators
 * or bidirectional overrides, without leading or trailing dots and spaces,
 * at most 200 bytes (the extension kept). Nothing left gives "document",
 * with the kind's extension when kind is given. Allocated in the arena. */
struct arena;
char *mediatype_safe_name(struct arena *a, const char *raw, const struct mediatype *kind);

/* mediatype_is_html: the kind is HTML (its text is read without the markup). */
bool mediatype_is_html(const struct mediatype *m);

#endif
