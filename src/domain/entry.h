/*
 * entry.h — the process-documentation journal (seed 001: process
 * documentation): what a platform's documenters and members write down as it
 * happens — an observation, a story of change, a reflection, a quote or a
 * photo — with the date, the place, the people involved and attachments as
 * links. A platform's journal reads as a timeline, newest first.
 *
 * Entries follow the rules of lessons: a draft until someone who may publish
 * on the platform publishes it; a visibility of platform (the default: a
 * journal is a safe space), alliance or public; the author may edit their own
 * entry while they may write on the platform, those who may publish may edit
 * and delete any.
 */
#ifndef ALLIANCE_ENTRY_H
#define ALLIANCE_ENTRY_H

#include "core/problem.h"
#include "domain/context.h"
#include "domain/item.h"
#include "domain/listing.h"

#include <stdbool.h>
#include <stdint.h>

#define ENTRY_LINKS_MAX 12

struct entry {
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
    int64_t author_key; /* 0 when the author's record is gone */
    char *author_id;
    char *author_name;
    char *kind; /* observation, story, reflection, quote, photo */
    char *title;
    char *body;        /* Markdown */
    char *happened_on; /* YYYY-MM-DD */
    char *place;
    char *people;     /* who was involved, as written */
    char *visibility; /* platform, alliance, public */
    char *status;     /* draft, published */
    char *created_at;
    char *updated_at;
    char *published_at; /* NULL while a draft */
    /* Whether the reader may know the author: false when they read it only
     * through shares without attribution (share.h), and then author_key is
     * 0 and author_id and author_name are NULL. */
    bool attributed;
    int link_count;
    struct item_evidence links[ENTRY_LINKS_MAX];
};

struct entry_list {
    struct entry *items; /* without their links */
    int count;
    int64_t total;
};

/* What entry_list returns; zero and NULL fields do not filter. */
struct entry_filter {
    int64_t platform_key;
    int64_t alliance_key;
    const char *kind;
    const char *status;
    const char *from; /* YYYY-MM-DD, inclusive */
    const char *to;
};

/* The kinds, in the order forms and filters offer them. */
#define ENTRY_KIND_COUNT 5
extern const char *const entry_kinds[ENTRY_KIND_COUNT];

/* entry_kind_valid says whether kind is one of entry_kinds. */
bool entry_kind_valid(const char *kind);

/* entry_kind_label, entry_visibility_label: translated names. */
const char *entry_kind_label(const char *kind);
const char *entry_visibility_label(const char *visibility);

/* entry_find loads an entry the viewer may read (STATUS_NOT_FOUND otherwise),
 * with its links, into the arena. */
enum status entry_find(struct ctx *c, const char *id, struct entry **out);

/* entry_list returns a page of the entries the viewer may read, newest first
 * (the web's pages, by offset) or in id order (the API's cursor). */
enum status entry_list(struct ctx *c, const struct entry_filter *f, const struct listing *l,
                       struct entry_list *out);

/* entry_links_parse reads one attachment a line, "label | address" (or the
 * address alone), into e; problems go to "links". */
void entry_links_parse(struct ctx *c, struct entry *e, const char *text, struct problems *p);

/* entry_create stores a new entry on the platform named by platform_id,
 * written by the viewer. Writing needs the write right on the platform;
 * publishing (status published) the publish right. Empty fields take their
 * defaults: status draft, visibility platform, the date today. On success e
 * has its key, id and times. */
enum status entry_create(struct ctx *c, struct entry *e, struct problems *p);

/* entry_update stores an edited entry (e as loaded, then changed): its author
 * (while they may write on the platform) or anyone who may publish there. */
enum status entry_update(struct ctx *c, struct entry *e, struct problems *p);

/* entry_delete removes an entry (those who may publish on its platform),
 * leaving a tombstone and the audit trail. */
enum status entry_delete(struct ctx *c, struct entry *e);

/* entry_reindex_one puts the journal entry with this id in the search index again, as
 * search_reindex walks every item (a search_source). */
enum status entry_reindex_one(struct ctx *c, const char *id);

/* entry_may_edit says whether the viewer may edit the entry: for links. */
bool entry_may_edit(struct ctx *c, const struct entry *e);

/* entry_may_delete says whether the viewer may delete the entry. */
bool entry_may_delete(struct ctx *c, const struct entry *e);

#endif
