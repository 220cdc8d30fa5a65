/*
 * store.h — every query the domain needs, one function each, grouped by noun.
 * All SQL of the program lives in the files of store/ behind these functions;
 * they run on the connection in the context and copy what they return into its
 * arena. They check nothing but what the database enforces: rules live in the
 * domain modules.
 *
 * Writes never open a transaction of their own: the domain call that makes a
 * change wraps its store calls in store_begin() … store_end(), so that a
 * change and its consequences (tombstones, and later the audit trail) land
 * together or not at all.
 *
 * Updates set the record's updated_at to the time they stored.
 *
 * Results are enum status values: STATUS_OK; STATUS_NOT_FOUND for a missing
 * record; STATUS_CONFLICT when a UNIQUE or FOREIGN KEY constraint refused a
 * write; STATUS_ERROR when the database failed (logged here).
 */
#ifndef ALLIANCE_STORE_H
#define ALLIANCE_STORE_H

#include "core/problem.h"
#include "domain/account.h"
#include "domain/alliance.h"
#include "domain/application.h"
#include "domain/assessment.h"
#include "domain/audit.h"
#include "domain/context.h"
#include "domain/document.h"
#include "domain/enquiry.h"
#include "domain/entry.h"
#include "domain/flow.h"
#include "domain/health.h"
#include "domain/lesson.h"
#include "domain/listing.h"
#include "domain/membership.h"
#include "domain/network.h"
#include "domain/organisation.h"
#include "domain/person.h"
#include "domain/platform.h"
#include "domain/search.h"
#include "domain/session.h"
#include "domain/share.h"
#include "domain/token.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* store_begin opens a write transaction. */
enum status store_begin(struct ctx *c);

/* store_begin_bookkeeping opens a write transaction for bookkeeping that no
 * page shows and no kept figure counts (a session's last-seen time, sign-in
 * counters, a token's last use): its commit leaves memos and kept answers as
 * they are (db_begin_bookkeeping). */
enum status store_begin_bookkeeping(struct ctx *c);

/* store_end commits when s is STATUS_OK (returning the commit's status) and
 * rolls back otherwise (returning s). */
enum status store_end(struct ctx *c, enum status s);

/* store_memo_get copies into out the figures (size bytes, no pointers) kept
 * under name for scope (a key of the caller's choosing) as the viewer of c
 * reads them, while the data stay the same and within the hour; false when
 * none are kept. store_memo_put keeps a copy of them on the connection: work
 * that reads a whole alliance is done once, not on every request. name must
 * be a string constant. */
bool store_memo_get(struct ctx *c, const char *name, int64_t scope, void *out, size_t size);
void store_memo_put(struct ctx *c, const char *name, int64_t scope, const void *in, size_t size);

/* store_tombstone records that the record id of kind was deleted, by whom, now. */
enum status store_tombstone(struct ctx *c, const char *id, const char *kind);

/* Keys of records named by id, without loading them: 0 when there is none. */
int64_t store_platform_key(struct ctx *c, const char *id);
int64_t store_person_key(struct ctx *c, const char *id);
int64_t store_organisation_key(struct ctx *c, const char *id);
int64_t store_person_key_by_email(struct ctx *c, const char *email);

/* Ids of records named by what a spreadsheet names them with, or NULL (arena):
 * the oldest organisation called exactly name; the person with this email
 * (already in lower case). */
char *store_organisation_id_by_name(struct ctx *c, const char *name);
char *store_person_id_by_email(struct ctx *c, const char *email);

/* Alliances. */
enum status store_alliance_get(struct ctx *c, const char *id_or_slug, struct alliance **out);
enum status store_alliance_list(struct ctx *c, const struct listing *l, struct alliance_list *out);
/* store_alliance_list_levels lists as store_alliance_list does, without the
 * member counts (member_count -1), for the level labels every list shows. */
enum status store_alliance_list_levels(struct ctx *c, const struct listing *l,
                                       struct alliance_list *out);
enum status store_alliance_insert(struct ctx *c, struct alliance *a);
enum status store_alliance_update(struct ctx *c, struct alliance *a);
enum status store_alliance_delete(struct ctx *c, const struct alliance *a);
bool store_alliance_slug_taken(struct ctx *c, const char *slug, int64_t except_key);
/* store_alliance_deepest_level is the deepest level holding a platform, or -1. */
int store_alliance_deepest_level(struct ctx *c, int64_t alliance_key);

/* Platforms and their peer links. */
enum status store_platform_get(struct ctx *c, const char *id, struct platform **out);
enum status store_platform_list(struct ctx *c, const struct platform_filter *f,
                                const struct listing *l, struct platform_list *out);
enum status store_platform_tree(struct ctx *c, int64_t alliance_key, int64_t limit,
                                struct platform_list *out);
enum status store_platform_insert(struct ctx *c, struct platform *pl);
enum status store_platform_update(struct ctx *c, struct platform *pl);
/* store_platform_delete removes the platform, its memberships, its links and
 * the shares it sent and received, with tombstones. */
enum status store_platform_delete(struct ctx *c, const struct platform *pl);
/* store_platform_items counts the knowledge items a platform holds. */
int64_t store_platform_items(struct ctx *c, int64_t platform_key);
/* store_platform_is_descendant says whether key lies below ancestor_key. */
bool store_platform_is_descendant(struct ctx *c, int64_t key, int64_t ancestor_key);

enum status store_link_get(struct ctx *c, const char *id, struct platform_link **out);
enum status store_link_list(struct ctx *c, int64_t platform_key, const struct listing *l,
                            struct platform_link_list *out);
enum status store_link_insert(struct ctx *c, int64_t a_key, int64_t b_key, const char *note,
                              char *id_out);
enum status store_link_update(struct ctx *c, const struct platform_link *link);
enum status store_link_delete(struct ctx *c, const struct platform_link *link);

/* Organisations. */
enum status store_organisation_get(struct ctx *c, const char *id, struct organisation **out);
enum status store_organisation_list(struct ctx *c, const char *kind, const struct listing *l,
                                    struct organisation_list *out);
enum status store_organisation_insert(struct ctx *c, struct organisation *o);
enum status store_organisation_update(struct ctx *c, struct organisation *o);
/* store_organisation_delete removes it and its memberships (with tombstones)
 * and unlinks its people. */
enum status store_organisation_delete(struct ctx *c, const struct organisation *o);

/* People. */
enum status store_person_get(struct ctx *c, const char *id, struct person **out);
enum status store_person_list(struct ctx *c, int64_t organisation_key, const struct listing *l,
                              struct person_list *out);
enum status store_person_insert(struct ctx *c, struct person *pe);
enum status store_person_update(struct ctx *c, struct person *pe);
/* store_person_delete removes the person and their memberships (with
 * tombstones). */
enum status store_person_delete(struct ctx *c, const struct person *pe);
bool store_person_email_taken(struct ctx *c, const char *email, int64_t except_key);
/* store_person_email is the stored email of a person, whoever asks (for
 * keeping it when an editor who may not read it leaves it blank). */
char *store_person_email(struct ctx *c, int64_t key);

/* Memberships. */
enum status store_membership_get(struct ctx *c, const char *id, struct membership **out);
enum status store_membership_list(struct ctx *c, const struct membership_filter *f,
                                  const struct listing *l, struct membership_list *out);
/* store_membership_sort_names sets the name memberships are sorted by
 * (schema.h) from their person's or organisation's name as it is now: of one
 * membership (by its key), of a person's, of an organisation's, or of all
 * (after an import; key unused). */
enum membership_of {
    MEMBERSHIP_OF_KEY,
    MEMBERSHIP_OF_PERSON,
    MEMBERSHIP_OF_ORGANISATION,
    MEMBERSHIP_OF_ALL,
};
enum status store_membership_sort_names(struct ctx *c, enum membership_of of, int64_t key);
enum status store_membership_insert(struct ctx *c, struct membership *m);
enum status store_membership_update(struct ctx *c, struct membership *m);
enum status store_membership_delete(struct ctx *c, const struct membership *m);
bool store_membership_exists(struct ctx *c, int64_t platform_key, int64_t person_key,
                             int64_t organisation_key);

/* Accounts and their single-use links. */
enum status store_account_get(struct ctx *c, const char *id, struct account **out);
enum status store_account_by_email(struct ctx *c, const char *email, struct account **out);
enum status store_account_by_person(struct ctx *c, int64_t person_key, struct account **out);
enum status store_account_by_key(struct ctx *c, int64_t key, struct account **out);
enum status store_account_list(struct ctx *c, const struct listing *l, struct account_list *out);
enum status store_account_insert(struct ctx *c, struct account *a);
/* store_account_update stores the password hash, the admin flag and the
 * time of the last sign-in. */
enum status store_account_update(struct ctx *c, struct account *a);
enum status store_account_sessions_end(struct ctx *c, int64_t account_key);
enum status store_account_link_insert(struct ctx *c, int64_t account_key, const char *purpose,
                                      int64_t platform_key, const char *hash,
                                      const char *expires_at);
enum status store_account_link_get(struct ctx *c, const char *hash, struct account_link **out);
enum status store_account_link_use(struct ctx *c, int64_t key);

/* Sessions. */
enum status store_session_insert(struct ctx *c, struct session *s, const char *hash);
enum status store_session_get(struct ctx *c, const char *hash, struct session **out);
enum status store_session_touch(struct ctx *c, int64_t key, const char *seen_at);
enum status store_session_delete(struct ctx *c, const char *hash);

/* API tokens. */
enum status store_api_token_insert(struct ctx *c, struct api_token *t, const char *hash);
enum status store_api_token_list(struct ctx *c, int64_t account_key, struct api_token_list *out);
enum status store_api_token_revoke(struct ctx *c, int64_t account_key, const char *id);
enum status store_api_token_by_hash(struct ctx *c, const char *hash, struct api_token **out);
enum status store_api_token_touch(struct ctx *c, int64_t key, const char *used_at);

/* Sign-in throttling: the failures of a subject within its window. */
enum status store_throttle_get(struct ctx *c, const char *subject, char **window_start,
                               int64_t *failures);
enum status store_throttle_put(struct ctx *c, const char *subject, const char *window_start,
                               int64_t failures);
enum status store_throttle_delete(struct ctx *c, const char *subject);

/* The audit trail. */
enum status store_audit_insert(struct ctx *c, const struct audit_draft *d);
enum status store_audit_list(struct ctx *c, const struct audit_filter *f, const struct listing *l,
                             struct audit_list *out);

/* Lessons. */
enum status store_assessment_get(struct ctx *c, const char *id, struct assessment **out);
enum status store_assessment_list(struct ctx *c, const struct assessment_filter *f,
                                  const struct listing *l, struct assessment_list *out);
enum status store_assessment_latest(struct ctx *c, int64_t platform_key, int64_t alliance_key,
                                    int limit, struct assessment_list *out);
enum status store_assessment_insert(struct ctx *c, struct assessment *x);
enum status store_assessment_delete(struct ctx *c, const struct assessment *x);

enum status store_network_peers(struct ctx *c, int64_t alliance_key, int limit,
                                struct network_peer_row **out, int *count);
enum status store_network_seats(struct ctx *c, int64_t alliance_key, int limit,
                                struct network_seat_row **out, int *count);

enum status store_health(struct ctx *c, int64_t platform_key, int64_t alliance_key, unsigned parts,
                         struct health *h);
enum status store_health_absent_groups(struct ctx *c, int64_t platform_key, int limit, char ***out,
                                       int *count);
enum status store_health_checks(struct ctx *c, int64_t platform_key, int64_t alliance_key,
                                int limit, struct health_check_list *out);
enum status store_health_check_insert(struct ctx *c, struct health_check *hc);

enum status store_lesson_get(struct ctx *c, const char *id, struct lesson **out);
enum status store_lesson_list(struct ctx *c, const struct lesson_filter *f, const struct listing *l,
                              struct lesson_list *out);
enum status store_lesson_insert(struct ctx *c, struct lesson *ls);
enum status store_lesson_update(struct ctx *c, struct lesson *ls);
enum status store_lesson_delete(struct ctx *c, const struct lesson *ls);

/* Journal entries. */
enum status store_entry_get(struct ctx *c, const char *id, struct entry **out);
enum status store_entry_list(struct ctx *c, const struct entry_filter *f, const struct listing *l,
                             struct entry_list *out);
enum status store_entry_insert(struct ctx *c, struct entry *e);
enum status store_entry_update(struct ctx *c, struct entry *e);
enum status store_entry_delete(struct ctx *c, const struct entry *e);

/* Enquiries to a platform's resource centre. */
enum status store_enquiry_get(struct ctx *c, const char *id, struct enquiry **out);
enum status store_enquiry_list(struct ctx *c, const struct enquiry_filter *f,
                               const struct listing *l, struct enquiry_list *out);
enum status store_enquiry_insert(struct ctx *c, struct enquiry *e);
/* store_enquiry_update writes the question, status, assignee, answer, FAQ
 * flag and times: never who asked. */
enum status store_enquiry_update(struct ctx *c, struct enquiry *e);
/* store_enquiry_answer_times gives, for at most limit of the platform's
 * answered enquiries (latest first), when each was asked and first answered. */
enum status store_enquiry_answer_times(struct ctx *c, int64_t platform_key, int64_t limit,
                                       char ***asked, char ***answered, int *count);
/* store_enquiry_backdate sets when an enquiry was asked, assigned and
 * answered (NULL: never), and last changed then: the demo's history. */
enum status store_enquiry_backdate(struct ctx *c, int64_t key, const char *asked_at,
                                   const char *assigned_at, const char *answered_at,
                                   const char *updated_at);

/* Documents of the resource library (and the rows of their files). */
enum status store_document_get(struct ctx *c, const char *id, struct document **out);
enum status store_document_list(struct ctx *c, const struct document_filter *f,
                                const struct listing *l, struct document_list *out);
/* store_document_insert adds the row of its file first (the same file is one
 * row) when d->sha256 is set. */
enum status store_document_insert(struct ctx *c, struct document *d);
enum status store_document_update(struct ctx *c, struct document *d);
enum status store_document_delete(struct ctx *c, const struct document *d);

/* Shares of knowledge items between platforms. Reads are the viewer's (the
 * visibility of share.h); cutoff is the instant before which a share still
 * waiting for its response is flagged. */
enum status store_share_get(struct ctx *c, const char *id, struct share **out);
enum status store_share_list(struct ctx *c, const struct share_filter *f, const char *cutoff,
                             const struct listing *l, struct share_list *out);
int64_t store_share_count(struct ctx *c, const struct share_filter *f, const char *cutoff);
/* store_share_onward lists, whoever reads, the shares of an item a platform
 * sent that stand (at most LISTING_MAX_LIMIT). */
enum status store_share_onward(struct ctx *c, const char *kind, int64_t item_key, int64_t from_key,
                               struct share_list *out);
/* store_share_holding counts the standing shares of an item to a platform
 * (named: those that name the author). */
int64_t store_share_holding(struct ctx *c, const char *kind, int64_t item_key, int64_t platform_key,
                            bool named);
/* store_share_holders gives the platforms a standing share of the item went
 * to (at most SHARE_TARGETS_MAX keys and ids, in the arena). */
enum status store_share_holders(struct ctx *c, const char *kind, int64_t item_key, int64_t **keys,
                                char ***ids, int *count);
/* store_share_by_key loads a share whoever reads (after writing it). */
enum status store_share_by_key(struct ctx *c, int64_t key, struct share **out);
/* store_share_insert stores a new share (sets its key, id and shared_at). */
enum status store_share_insert(struct ctx *c, struct share *sh, int64_t shared_by_key);
/* store_share_respond writes the response fields and responded_at. */
enum status store_share_respond(struct ctx *c, struct share *sh, int64_t responded_by_key);
/* store_share_withdraw marks a standing share withdrawn now. */
enum status store_share_withdraw(struct ctx *c, struct share *sh, int64_t withdrawn_by_key);
/* store_share_withdraw_item withdraws every standing share of an item. */
enum status store_share_withdraw_item(struct ctx *c, const char *kind, int64_t item_key,
                                      int64_t withdrawn_by_key);
/* store_share_backdate sets when a share was made and answered: the demo's
 * history. */
enum status store_share_backdate(struct ctx *c, int64_t key, const char *shared_at,
                                 const char *responded_at);
/* store_share_platform_delete removes the shares from and to a platform being
 * deleted, with tombstones. */
enum status store_share_platform_delete(struct ctx *c, int64_t platform_key);

/* store_share_flows gives, as the viewer may see them, the shares made since
 * the instant or date since from or to the platform (platform_key), else
 * from or to a platform of the alliance: the facts flow.h counts (arena). */
enum status store_share_flows(struct ctx *c, int64_t alliance_key, int64_t platform_key,
                              const char *since, struct flow_share **out, int *count);

/* Applications of lessons (application.h). Reads are the viewer's. */
enum status store_application_get(struct ctx *c, const char *id, struct application **out);
enum status store_application_list(struct ctx *c, const struct application_filter *f,
                                   const struct listing *l, struct application_list *out);
/* store_application_by_key loads one whoever reads (after writing it). */
enum status store_application_by_key(struct ctx *c, int64_t key, struct application **out);
/* store_application_insert stores a new one (sets its key and id). */
enum status store_application_insert(struct ctx *c, struct application *ap, int64_t recorded_by);
/* store_application_remove marks one removed now. */
enum status store_application_remove(struct ctx *c, int64_t key, int64_t removed_by);
/* store_application_lesson_delete and store_application_platform_delete
 * delete those of a lesson or platform being deleted, with tombstones. */
enum status store_application_lesson_delete(struct ctx *c, int64_t lesson_key);
enum status store_application_platform_delete(struct ctx *c, int64_t platform_key);
/* store_application_flows gives the applications dated since the date on
 * the platform, else on the alliance's platforms, as the viewer may see
 * them (arena). */
enum status store_application_flows(struct ctx *c, int64_t alliance_key, int64_t platform_key,
                                    const char *since, struct flow_application **out, int *count);

/* The search index (store/search.c: FTS5 or a tsvector, by engine). */
enum status store_search_put(struct ctx *c, const struct search_doc *doc);
/* store_search_sources gives the next items the index may hold (every lesson,
 * entry, document and event, and every enquiry published as a FAQ), all kinds
 * together in id order (the order they were made in), after the id after ("":
 * from the start): at most limit of them, as kinds[i] and ids[i] in the arena. */
enum status store_search_sources(struct ctx *c, const char *after, int limit,
                                 struct search_item_ref **out, int *count);
enum status store_search_forget(struct ctx *c, const char *kind, int64_t item_key);
enum status store_search_retire(struct ctx *c, const char *kind, int64_t item_key);
/* store_search_forget_thread removes a thread and its replies from the index. */
enum status store_search_forget_thread(struct ctx *c, int64_t discussion_key);
enum status store_search_run(struct ctx *c, const struct search_query *q,
                             const struct search_terms *terms, const struct listing *l,
                             struct search_results *out);

/* What rights and visibility need to know about a person. */
/* store_role_on_platform is the person's role on the platform, or NULL. */
const char *store_role_on_platform(struct ctx *c, int64_t platform_key, int64_t person_key);
/* store_convenes_anywhere: the person convenes or facilitates some platform. */
bool store_convenes_anywhere(struct ctx *c, int64_t person_key);
/* store_convenes_top: the person convenes a top-level platform of the alliance. */
bool store_convenes_top(struct ctx *c, int64_t alliance_key, int64_t person_key);
/* store_member_of_alliance: the person has a membership in the alliance. */
bool store_member_of_alliance(struct ctx *c, int64_t alliance_key, int64_t person_key);
/* store_shares_alliance: the two people have memberships in one alliance. */
bool store_shares_alliance(struct ctx *c, int64_t person_a, int64_t person_b);

#endif
