/*
 * store/feed.h — the queries of feeds (domain/feed.h): the latest items a
 * viewer may read, from the search index's facts, and private feed
 * addresses. Kept beside store.h, in the same manner: one function each, no
 * rules.
 */
#ifndef ALLIANCE_STORE_FEED_H
#define ALLIANCE_STORE_FEED_H

#include "domain/feed.h"

/* store_feed_items reads at most limit published items the viewer may read,
 * of the platform (0: of every platform), newest published first. */
enum status store_feed_items(struct ctx *c, int64_t platform_key, int64_t limit, struct feed *out);

enum status store_feed_token_insert(struct ctx *c, struct feed_token *t, const char *hash);
enum status store_feed_token_list(struct ctx *c, int64_t account_key, struct feed_token_list *out);
enum status store_feed_token_get(struct ctx *c, int64_t account_key, const char *id,
                                 struct feed_token **out);
enum status store_feed_token_revoke(struct ctx *c, int64_t account_key, const char *id);
/* store_feed_token_by_hash finds a live (not revoked) address by the hash of
 * its secret. */
enum status store_feed_token_by_hash(struct ctx *c, const char *hash, struct feed_token **out);
enum status store_feed_token_touch(struct ctx *c, int64_t key, const char *used_at);

#endif
