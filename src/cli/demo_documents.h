/*
 * demo_documents.h — the resource libraries of some demo platforms (seed 002:
 * the resource centre): national guidelines, regional tools and reports,
 * district case studies, training material, a policy in French for Burkina
 * Faso. Most are links (every address under example.org); three are text
 * files, uploaded into the files directory when there is one, so that search
 * finds words inside them as it does inside any upload.
 */
#ifndef ALLIANCE_DEMO_DOCUMENTS_H
#define ALLIANCE_DEMO_DOCUMENTS_H

#include "cli/demo_enquiries.h"

#include <stddef.h>

/* A document as its platform's documenter or facilitator adds it. */
struct demo_document {
    const char *platform_key;
    const char *author_email;
    const char *doc_type;
    const char *title, *creator, *subject, *description, *publisher, *date, *language;
    const char *coverage, *rights;
    const char *url;
    const char *visibility; /* platform, alliance, public */
    const char *status;     /* draft, published */
};

extern const struct demo_document demo_documents[];
extern const size_t demo_document_count;

/* A document with a text file: its record, its file name and its text. */
struct demo_upload {
    struct demo_document record; /* url unused */
    const char *file_name;
    const char *text;
};

extern const struct demo_upload demo_uploads[];
extern const size_t demo_upload_count;

struct ctx;

/* demo_documents_load adds each demo document through document_create, as
 * its author (by name, with the operator's standing: the table gives only
 * people who may publish there), and the uploads when files_dir is not NULL
 * (*uploaded counts them). Returns 0, or -1 after saying why. */
int demo_documents_load(struct ctx *c, demo_lookup lookup, const void *platforms,
                        const void *people, const char *files_dir, size_t *uploaded);

#endif
