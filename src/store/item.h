/*
 * store/item.h — the seven arguments of the visibility rule (row.h,
 * ROW_VISIBLE_ITEM and ROW_ITEM_ATTRIBUTED) for each kind of knowledge item
 * kept in a table of its own, and the rules of events (through any of their
 * platforms) and of shares, named once so that every query about an item —
 * its own lists and pages, and the threads that take its visibility
 * (store/discussion.c) — applies the same rule to the same columns. Each
 * expects the item's table and its platform under the aliases given.
 */
#ifndef ALLIANCE_STORE_ITEM_H
#define ALLIANCE_STORE_ITEM_H

#include "store/row.h"

/* A lesson aliased ls, its platform p. */
#define LESSON_ITEM                                                                                \
    "'lesson'", "ls.key", "ls.visibility", "ls.platform_key", "p.alliance_key",                    \
        "CASE WHEN ls.status = 'published' THEN 1 ELSE 0 END", "ls.author_key"

/* A journal entry aliased e, its platform p. */
#define ENTRY_ITEM                                                                                 \
    "'entry'", "e.key", "e.visibility", "e.platform_key", "p.alliance_key",                        \
        "CASE WHEN e.status = 'published' THEN 1 ELSE 0 END", "e.author_key"

/* A document aliased d, its platform p. */
#define DOCUMENT_ITEM                                                                              \
    "'document'", "d.key", "d.visibility", "d.platform_key", "p.alliance_key",                     \
        "CASE WHEN d.status = 'published' THEN 1 ELSE 0 END", "d.author_key"

/* The item of row.h's rule for the event aliased ev, read through the
 * platform whose key is the expression platform. */
#define EVENT_ITEM(platform)                                                                       \
    "'event'", "ev.key", "ev.visibility", platform, "ev.alliance_key",                             \
        "CASE WHEN ev.status = 'published' THEN 1 ELSE 0 END", "ev.author_key"
#define EVENT_VISIBLE                                                                              \
    "((SELECT everything FROM v) = 1 OR EXISTS (SELECT 1 FROM event_platform vep WHERE "           \
    "vep.event_key = ev.key AND " ROW_EXPAND(ROW_VISIBLE_ITEM,                                     \
                                             EVENT_ITEM("vep.platform_key")) "))"

/* Whether the viewer may know who recorded the event aliased ev, who
 * facilitated it and who took part (share.h): not when they read it only
 * through shares without attribution. */
#define EVENT_ATTRIBUTED                                                                           \
    "((SELECT everything FROM v) = 1 OR EXISTS (SELECT 1 FROM event_platform aep WHERE "           \
    "aep.event_key = ev.key AND " ROW_EXPAND(ROW_ITEM_ATTRIBUTED,                                  \
                                             EVENT_ITEM("aep.platform_key")) "))"

/* The item of row.h's rule for the question aliased q, read through the
 * platform whose key is the expression platform. A question is never a
 * draft. */
#define QUESTION_ITEM(platform)                                                                    \
    "'question'", "q.key", "q.visibility", platform, "q.alliance_key", "1", "q.author_key"
#define QUESTION_VISIBLE                                                                           \
    "((SELECT everything FROM v) = 1 OR EXISTS (SELECT 1 FROM question_platform vqp WHERE "        \
    "vqp.question_key = q.key AND " ROW_EXPAND(ROW_VISIBLE_ITEM,                                   \
                                               QUESTION_ITEM("vqp.platform_key")) "))"

/* Whether the viewer may know who raised the question aliased q: not when
 * they read it only through shares without attribution. */
#define QUESTION_ATTRIBUTED                                                                        \
    "((SELECT everything FROM v) = 1 OR EXISTS (SELECT 1 FROM question_platform aqp WHERE "        \
    "aqp.question_key = q.key AND " ROW_EXPAND(ROW_ITEM_ATTRIBUTED,                                \
                                               QUESTION_ITEM("aqp.platform_key")) "))"

/* The item of the share sh, by its facts in the search index (si). */
#define SHARE_ITEM                                                                                 \
    "si.kind", "si.item_key", "si.visibility", "si.platform_key", "si.alliance_key",               \
        "si.published", "si.author_key"
#define SHARE_ITEM_VISIBLE    ROW_EXPAND(ROW_VISIBLE_ITEM, SHARE_ITEM)
#define SHARE_ITEM_ATTRIBUTED ROW_EXPAND(ROW_ITEM_ATTRIBUTED, SHARE_ITEM)

/* Who may see a share (share.h): receivers while it stands; the sender's and
 * the item's platforms where the other alliances are readable; while they may
 * read the item. */
#define SHARE_VISIBLE                                                                              \
    "((SELECT everything FROM v) = 1 OR (" SHARE_ITEM_VISIBLE " AND ((sh.to_platform_key IN "      \
    "(SELECT key FROM viewer_platform) AND sh.withdrawn_at IS NULL) OR ((sh.from_platform_key "    \
    "IN (SELECT key FROM viewer_platform) OR si.platform_key IN (SELECT key FROM "                 \
    "viewer_platform)) AND " ROW_VISIBLE_ALLIANCE_KEY(                                             \
        "tp.alliance_key") " AND " ROW_VISIBLE_ALLIANCE_KEY("fp.alliance_key") "))))"

/* The tables SHARE_VISIBLE reads, aliased as it expects. */
#define SHARE_TABLES                                                                               \
    "share sh JOIN search_item si ON si.kind = sh.kind AND si.item_key = sh.item_key AND "         \
    "si.item_id = sh.item_id JOIN platform fp ON fp.key = sh.from_platform_key JOIN platform tp "  \
    "ON tp.key = sh.to_platform_key "

#endif
