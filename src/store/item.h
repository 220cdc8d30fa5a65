/*
 * store/item.h — the seven arguments of the visibility rule (row.h,
 * ROW_VISIBLE_ITEM and ROW_ITEM_ATTRIBUTED) for each kind of knowledge item
 * kept in a table of its own, named once so that every query about an item —
 * its own lists and pages, and the threads that take its visibility
 * (store/discussion.c) — applies the same rule to the same columns. Each
 * expects the item's table and its platform under the aliases given.
 */
#ifndef ALLIANCE_STORE_ITEM_H
#define ALLIANCE_STORE_ITEM_H

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

#endif
