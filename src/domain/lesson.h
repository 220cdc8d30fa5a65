/*
 * lesson.h — a lesson learned: what happened on a platform, what was learnt,
 * what is recommended, and whether it was a success, a failure or mixed, with
 * its evidence and tags (seeds 000 and 002: honesty about failures). A lesson
 * is a draft until someone who may publish on its platform publishes it. Its
 * visibility is platform, alliance or public; a failure starts at platform,
 * so that people write down what went wrong in a safe space.
 */
#ifndef ALLIANCE_LESSON_H
#define ALLIANCE_LESSON_H

#include "core/problem.h"
#include "domain/context.h"
#include "domain/item.h"
#include "domain/listing.h"

#include <stdbool.h>
#include <stdint.h>

#define LESSON_TAGS_MAX     12
#define LESSON_EVIDENCE_MAX 12

struct lesson {
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
    char *title;
    char *context;
    char *what_happened;
    char *lesson;
    char *recommendation;
    char *outcome;     /* success, failure, mixed */
    char *status;      /* draft, published */
    char *visibility;  /* platform, alliance, public */
    char *question;    /* the learning question it answers, if any */
    char *happened_on; /* YYYY-MM-DD */
    char *created_at;
    char *updated_at;
    char *published_at; /* NULL while a draft */
    /* Whether the reader may know the author: false when they read it only
     * through shares without attribution (share.h), and then author_key is
     * 0 and author_id and author_name are NULL. */
    bool attributed;
    int tag_count;
    char *tags[LESSON_TAGS_MAX];
    int evidence_count;
    struct item_evidence evidence[LESSON_EVIDENCE_MAX];
};

struct lesson_list {
    struct lesson *items;
    int count;
    int64_t total;
};

/* What lesson_list returns; zero and NULL fields do not filter. */
struct lesson_filter {
    int64_t platform_key;
    int64_t alliance_key;
    int depth; /* -1: any level */
    const char *outcome;
    const char *tag;
    const char *status;
    const char *from; /* YYYY-MM-DD, inclusive */
    const char *to;
};

/* lesson_outcome_label, lesson_visibility_label: translated names. */
const char *lesson_outcome_label(const char *outcome);
const char *lesson_visibility_label(const char *visibility);

/* lesson_find loads a lesson the viewer may read (STATUS_NOT_FOUND otherwise),
 * with its tags and evidence. */
enum status lesson_find(struct ctx *c, const char *id, struct lesson **out);

/* lesson_list returns a page of the lessons the viewer may read. Sort keys:
 * date (default, newest first), title, outcome, platform. */
enum status lesson_list(struct ctx *c, const struct lesson_filter *f, const struct listing *l,
                        struct lesson_list *out);

/* lesson_tags_parse splits "a, b, c" into the lesson's tags (trimmed, lower
 * case, no repeats); problems go to "tags". */
void lesson_tags_parse(struct ctx *c, struct lesson *ls, const char *text, struct problems *p);

/* lesson_evidence_parse reads one piece of evidence a line, "label | address"
 * (or the address alone); problems go to "evidence". */
void lesson_evidence_parse(struct ctx *c, struct lesson *ls, const char *text, struct problems *p);

/* lesson_create stores a new lesson on the platform named by platform_id,
 * written by the viewer. Writing needs the write right on the platform;
 * publishing (status published) the publish right. Empty visibility means the
 * default: platform for a failure, alliance otherwise. */
enum status lesson_create(struct ctx *c, struct lesson *ls, struct problems *p);

/* lesson_update stores an edited lesson: its author (while they may write on
 * the platform) or anyone who may publish there. */
enum status lesson_update(struct ctx *c, struct lesson *ls, struct problems *p);

/* lesson_delete removes a lesson (those who may publish on its platform),
 * leaving a tombstone. */
enum status lesson_delete(struct ctx *c, struct lesson *ls);

/* lesson_reindex_one puts the lesson with this id in the search index again, as
 * search_reindex walks every item (a search_source). */
enum status lesson_reindex_one(struct ctx *c, const char *id);

/* lesson_may_edit says whether the viewer may edit (and delete, for those
 * who may publish) the lesson: for showing links. */
bool lesson_may_edit(struct ctx *c, const struct lesson *ls);

#endif
