/*
 * feed.h — what is new on a platform, or on the whole site, as a feed
 * (DESIGN.md §5: Atom feeds per platform; web/feed.c writes Atom, api/feed.c
 * JSON). A feed holds the latest published knowledge items — lessons,
 * journal entries, documents and answered questions published as FAQ — that
 * its reader may read (visibility.h, applied inside the query), newest
 * published first, at most FEED_ITEMS_MAX. Drafts are never in a feed, not
 * even for those who may read them.
 *
 * Who reads an Atom feed: nobody (anonymous: the public items of a readable
 * alliance), or the member whose private feed address it is. A private feed
 * address carries a secret (256 random bits, kept as its SHA-256 only, like
 * API tokens) that reads feeds and nothing else: for one platform's feed, or
 * for every feed (each platform's and the whole site's). The member makes and
 * revokes addresses on their account page; an address shows what its member
 * may read at the time it is read, so leaving a platform narrows it.
 */
#ifndef ALLIANCE_FEED_H
#define ALLIANCE_FEED_H

#include "core/problem.h"
#include "core/secret.h"
#include "domain/account.h"
#include "domain/context.h"

#include <stddef.h>
#include <stdint.h>

#define FEED_ITEMS_MAX     50
#define FEED_SUMMARY_CHARS 300

struct platform;

struct feed_item {
    char *kind; /* lesson, entry, document, enquiry */
    char *id;
    char *title;
    char *summary; /* plain text, whitespace folded, at most FEED_SUMMARY_CHARS characters */
    char *platform_id;
    char *platform_name;
    char *alliance_slug;
    char *alliance_name;
    char *author_name;  /* NULL: none, or not readable by the viewer */
    char *happened_on;  /* YYYY-MM-DD */
    char *published_at; /* ISO 8601 UTC instant */
    char *updated_at;
};

struct feed {
    struct platform *platform; /* NULL: the whole site */
    struct feed_item *items;   /* newest published first */
    int count;
    const char *updated; /* the latest updated_at of the items; NULL when there are none */
};

/* A private feed address, as its member sees it (never its secret). */
struct feed_token {
    int64_t key;
    char *id;
    int64_t account_key;
    int64_t platform_key; /* 0: every feed */
    char *platform_id;    /* NULL: every feed */
    char *platform_name;  /* NULL when every feed, or the platform is no longer readable */
    char *created_at;
    char *used_at;    /* the day it was last read (written once a day), or NULL */
    char *revoked_at; /* NULL while it works */
};

struct feed_token_list {
    struct feed_token *items; /* newest first, revoked ones too */
    int count;
};

/* feed_read fills out with the items the viewer of c may read: of the
 * platform named by platform_id (STATUS_NOT_FOUND when the viewer may not
 * read it), or of every platform when platform_id is NULL. Arena. */
enum status feed_read(struct ctx *c, const char *platform_id, struct feed *out);

/* feed_item_path is the path of an item's page on this site, before its id
 * ("/lessons/"). */
const char *feed_item_path(const char *kind);

/* feed_excerpt folds text's whitespace and cuts it to at most chars
 * characters (arena): a plain-text summary. */
char *feed_excerpt(struct ctx *c, const char *text, size_t chars);

/* The scope of an address for every feed (feed_token_create). */
#define FEED_EVERY "all"

/* feed_token_create makes a private feed address for the account: for the
 * platform whose id is scope (one the viewer may read), or for every feed
 * when scope is FEED_EVERY. secret receives the secret, shown once. Recorded
 * in the audit trail, without the secret. Problems name "platform". */
enum status feed_token_create(struct ctx *c, const struct account *a, const char *scope,
                              char secret[SECRET_LEN + 1], struct feed_token **out,
                              struct problems *p);

/* feed_token_list lists the account's addresses (the account's own viewer or
 * an administrator). */
enum status feed_token_list(struct ctx *c, int64_t account_key, struct feed_token_list *out);

/* feed_token_find loads one address of the account by id (revoked ones too);
 * STATUS_NOT_FOUND when the account has no such address. */
enum status feed_token_find(struct ctx *c, int64_t account_key, const char *id,
                            struct feed_token **out);

/* feed_token_revoke revokes an address of the account (recorded in the audit
 * trail); STATUS_NOT_FOUND when it has no such live address. */
enum status feed_token_revoke(struct ctx *c, int64_t account_key, const char *id);

/* feed_token_resume finds the member a secret reads feeds for and fills
 * reader, and *token_id with the address's id (arena): STATUS_NOT_FOUND for a
 * malformed, unknown or revoked secret, and for one made for another platform
 * than platform_id (NULL: the whole site's feed, which only an address for
 * every feed opens). The secret opens nothing but feeds: the caller uses
 * reader for the feed alone. */
enum status feed_token_resume(struct ctx *c, const char *secret, const char *platform_id,
                              struct viewer *reader, const char **token_id);

#endif
