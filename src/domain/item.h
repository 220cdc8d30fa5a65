/*
 * item.h — what every knowledge item (lesson, journal entry, document) obeys
 * alike: who may edit it, who may publish it, and when it was published.
 * Members of a platform write drafts; its convenors, facilitators and
 * documenters publish, and edit or delete anyone's; an author edits their own
 * while they may write on the platform.
 */
#ifndef ALLIANCE_ITEM_H
#define ALLIANCE_ITEM_H

#include "core/problem.h"
#include "domain/context.h"

#include <stdbool.h>
#include <stdint.h>

/* A piece of evidence of an item: a labelled address. */
struct item_evidence {
    char *label;
    char *url; /* http(s) address, or a path of this site such as /documents/ID */
};

/* item_links_parse reads one labelled address a line, "label | address"
 * (or the address alone; an http(s) address or a path of this site), into
 * out (at most max, arena copies); *count gets how many. A problem goes to
 * field, in the caller's words: too_many past max, bad_address for an
 * address that is neither. */
void item_links_parse(struct ctx *c, const char *text, struct item_evidence *out, int max,
                      int *count, const char *field, const char *too_many, const char *bad_address,
                      struct problems *p);

/* item_evidence_parse is item_links_parse in the words of evidence. */
void item_evidence_parse(struct ctx *c, const char *text, struct item_evidence *out, int max,
                         int *count, const char *field, struct problems *p);

/* item_may_edit says whether the viewer may edit an item of the platform by
 * that author (a person key, 0 when none). */
bool item_may_edit(struct ctx *c, int64_t platform_key, int64_t author_key);

/* item_edit_rights is item_may_edit as a status: STATUS_OK, else
 * STATUS_FORBIDDEN (signed in) or STATUS_UNAUTHORIZED. */
enum status item_edit_rights(struct ctx *c, int64_t platform_key, int64_t author_key);

/* item_publish_rights: a published status (kept or new) needs the right to
 * publish on the platform; a draft needs nothing more. */
enum status item_publish_rights(struct ctx *c, int64_t platform_key, const char *status);

/* item_published_at is when an item with this status was published: NULL
 * for a draft, the earlier date when it stays published, else now (in the
 * arena). */
char *item_published_at(struct ctx *c, const char *status, char *before);

/* item_retire is what the deletion of an item (kind "lesson", "entry",
 * "document", "event", …; key its row's key) takes with it, within the
 * caller's transaction: its place in the search index (kept as a retired item
 * for the audit trail's visibility), the access its shares gave (withdrawn),
 * its discussion thread, and its links from learning questions (question.h).
 * The caller deletes the item's own row. */
enum status item_retire(struct ctx *c, const char *kind, int64_t key);

#endif
