/*
 * row.h — small helpers shared by the files of store/: copying columns into
 * the arena, mapping driver results to statuses, building ORDER BY clauses
 * from whitelisted sort keys.
 */
#ifndef ALLIANCE_ROW_H
#define ALLIANCE_ROW_H

#include "core/problem.h"
#include "domain/context.h"
#include "domain/listing.h"

#include "store/db.h"
#include <stdbool.h>
#include <stddef.h>

/* row_text copies column i into the arena; SQL NULL gives "". */
char *row_text(struct ctx *c, struct db_stmt *st, int i);

/* row_text_or_null copies column i into the arena; SQL NULL gives NULL. */
char *row_text_or_null(struct ctx *c, struct db_stmt *st, int i);

/* row_status maps a driver result of a write to a status, logging errors. */
enum status row_status(struct ctx *c, int rc);

/* row_capabilities reads five 0/1 columns from first into a capability mask. */
unsigned row_capabilities(struct db_stmt *st, int first);

/* One sort choice: the key a caller names and the ORDER BY it stands for. */
struct row_sort {
    const char *key;
    const char *ascending; /* ORDER BY text, ending in a unique column */
    const char *descending;
};

/* row_order picks the ORDER BY for a listing from a table ending in a
 * {NULL} row; the first row is the default. */
const char *row_order(const struct row_sort *sorts, const struct listing *l);

/* row_limit clamps a listing's limit to 1..LISTING_MAX_LIMIT; 0 when it asks for
 * the total alone (count_only: row_all then reads no row). */
int64_t row_limit(const struct listing *l);

/* row_count runs a prepared COUNT(*) statement whose parameters are bound. */
int64_t row_count(struct db_stmt *st);

/* row_exec_key runs a write whose only parameter is a key. */
enum status row_exec_key(struct ctx *c, const char *sql, int64_t key);

/* row_tombstones records a tombstone of kind for every id that ids_sql (a
 * SELECT of ids with a key as its only parameter) returns. */
enum status row_tombstones(struct ctx *c, const char *kind, const char *ids_sql, int64_t key);

/* Queries whose answer depends on who reads start with ROW_VIEWER, which binds
 * the viewer as parameters 1 and 2 (row_viewer_bind) and works out, once per
 * statement, what the viewer may not read:
 *   hidden_alliance  the members-only alliances the viewer is not in (none
 *                    for an administrator);
 *   hidden_person    the people whose every membership lies in those;
 * and the one way a viewer reads beyond the rule of levels:
 *   viewer_shared    the items shared to a platform the viewer is a member
 *                    of (share.h), by kind and key, with whether the share
 *                    names the author; a withdrawn share is not there.
 * The visibility conditions below are then cheap probes into these sets,
 * with no parameters of their own, so they can stand anywhere in a statement:
 * in a WHERE, in a column, in a count. Their cost grows with the size of the
 * hidden alliances and of the viewer's shares, not with the size of the
 * installation. */
#define ROW_VIEWER                                                                                 \
    "WITH v(person_key, everything) AS (VALUES (CAST(? AS BIGINT), CAST(? AS INTEGER))), "         \
    "viewer_alliance(key) AS (SELECT DISTINCT vp.alliance_key FROM membership vm JOIN platform "   \
    "vp ON vp.key = vm.platform_key WHERE vm.person_key = (SELECT person_key FROM v)), "           \
    "viewer_platform(key) AS (SELECT platform_key FROM membership WHERE person_key = "             \
    "(SELECT person_key FROM v)), "                                                                \
    "viewer_publisher(key) AS (SELECT platform_key FROM membership WHERE person_key = "            \
    "(SELECT person_key FROM v) AND role IN ('convenor', 'facilitator', 'documenter')), "          \
    "hidden_alliance(key) AS (SELECT a.key FROM alliance a WHERE (SELECT everything FROM v) = 0 "  \
    "AND a.visibility = 'members' AND a.key NOT IN (SELECT key FROM viewer_alliance)), "           \
    "hidden_person(key) AS (SELECT DISTINCT hm.person_key FROM membership hm JOIN platform hp "    \
    "ON hp.key = hm.platform_key WHERE hp.alliance_key IN (SELECT key FROM hidden_alliance) "      \
    "AND hm.person_key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM membership om JOIN platform op "  \
    "ON op.key = om.platform_key WHERE om.person_key = hm.person_key AND op.alliance_key NOT IN "  \
    "(SELECT key FROM hidden_alliance))), "                                                        \
    "viewer_shared(kind, item_key, attributed) AS (SELECT vs.kind, vs.item_key, vs.attributed "    \
    "FROM share vs WHERE vs.withdrawn_at IS NULL AND vs.to_platform_key IN (SELECT key FROM "      \
    "viewer_platform)) "

/* The alliance whose key is the expression k may be read by the viewer
 * (visibility.h); ROW_VISIBLE_ALLIANCE takes the alias of an alliance row. */
#define ROW_VISIBLE_ALLIANCE_KEY(k) "(" k " NOT IN (SELECT key FROM hidden_alliance))"
#define ROW_VISIBLE_ALLIANCE(a)     ROW_VISIBLE_ALLIANCE_KEY(a ".key")

/* The person whose key is k may be read: the viewer, someone on a platform of
 * a readable alliance, or someone on no platform at all. A probe of the
 * person's own memberships (a few index lookups a row), for pages and
 * columns: making the whole of hidden_person costs a scan of every
 * membership of the hidden alliances, a quarter of a second at a million
 * records, for every statement. */
#define ROW_VISIBLE_PERSON_KEY(k)                                                                  \
    "(NOT EXISTS (SELECT 1 FROM hidden_alliance) OR NOT EXISTS (SELECT 1 FROM membership hm "      \
    "JOIN platform hp ON hp.key = hm.platform_key WHERE hm.person_key = " k " AND "                \
    "hp.alliance_key IN (SELECT key FROM hidden_alliance)) OR EXISTS (SELECT 1 FROM membership "   \
    "om JOIN platform op ON op.key = om.platform_key WHERE om.person_key = " k " AND "             \
    "op.alliance_key NOT IN (SELECT key FROM hidden_alliance)))"
#define ROW_VISIBLE_PERSON(pe) ROW_VISIBLE_PERSON_KEY(pe ".key")
/* The same rule as a look-up in hidden_person, made once for the statement:
 * cheaper where every person is tested (a count of people). */
#define ROW_VISIBLE_PERSON_EVERY(pe) "(" pe ".key NOT IN (SELECT key FROM hidden_person))"

/* A knowledge item may be read (visibility.h) in one of two ways. By the
 * rule of levels (ROW_ITEM_OWN): its alliance is readable, its level lets the
 * viewer in (public; alliance: a member of the alliance; platform: a member
 * of the platform), and a draft is read only by its author and those who may
 * publish on its platform. Or by a share (ROW_ITEM_SHARED): it is published
 * and shared, by a share not withdrawn, to a platform the viewer is a member
 * of, whatever its alliance and level. The arguments are SQL expressions for
 * the item's kind ('lesson', 'entry', 'document'), key, visibility, platform
 * key, alliance key, "published" (1 or 0) and author's person key (NULL when
 * none). Each condition is true or false, never NULL, so that NOT of it
 * holds too. */
#define ROW_ITEM_OWN(vis, platform, alliance, published, author)                                   \
    "(" alliance " NOT IN (SELECT key FROM hidden_alliance) "                                      \
    "AND (" vis " = 'public' OR (" vis " = 'alliance' AND " alliance " IN (SELECT key FROM "       \
    "viewer_alliance)) OR (" vis " = 'platform' AND " platform " IN (SELECT key FROM "             \
    "viewer_platform))) AND (" published " = 1 OR (" author " IS NOT NULL AND " author             \
    " = (SELECT person_key FROM v)) OR " platform " IN (SELECT key FROM viewer_publisher)))"
#define ROW_ITEM_SHARED(kind, key, published)                                                      \
    "(" published " = 1 AND (" kind ", " key ") IN (SELECT kind, item_key FROM viewer_shared))"
#define ROW_VISIBLE_ITEM(kind, key, vis, platform, alliance, published, author)                    \
    "((SELECT everything FROM v) = 1 OR " ROW_ITEM_OWN(                                            \
        vis, platform, alliance, published, author) " OR " ROW_ITEM_SHARED(kind, key,              \
                                                                           published) ")"

/* Whether the viewer may know who wrote a readable item (true or false):
 * not when they read it only through shares none of which names the author
 * (shares "without attribution"). Then the author, their organisation and
 * whoever shared it stay unknown to them in every view: the rows leave them
 * out. Same arguments as ROW_VISIBLE_ITEM. */
#define ROW_ITEM_ATTRIBUTED(kind, key, vis, platform, alliance, published, author)                 \
    "((SELECT everything FROM v) = 1 OR " ROW_ITEM_OWN(                                            \
        vis, platform, alliance, published, author) " OR (" author " IS NOT NULL AND " author      \
                                                    " = (SELECT person_key FROM v)) OR (" kind     \
                                                    ", " key ") IN (SELECT kind, item_key FROM "   \
                                                    "viewer_shared WHERE attributed = 1))"

/* ROW_EXPAND(m, ITEM) applies the macro m to the arguments a macro ITEM
 * stands for: a file names its item's seven arguments once (LESSON_ITEM) and
 * takes both conditions from them, so that they cannot disagree. */
#define ROW_EXPAND(m, ...) m(__VA_ARGS__)

/* The email of the person aliased pe, or NULL where the viewer may not read it:
 * only the person, administrators, and people sharing an alliance with them. */
#define ROW_EMAIL_OF(pe)                                                                           \
    "CASE WHEN (SELECT everything FROM v) = 1 OR " pe ".key = (SELECT person_key FROM v) OR "      \
    "EXISTS (SELECT 1 FROM membership e1 JOIN platform ep1 ON ep1.key = e1.platform_key WHERE "    \
    "e1.person_key = " pe ".key AND ep1.alliance_key IN (SELECT key FROM viewer_alliance)) "       \
    "THEN " pe ".email END"

/* row_viewer_sees_all says whether no alliance and no person is hidden from
 * the viewer of c (an administrator, or nobody keeps a members-only alliance
 * from them), so that lists of alliances, platforms, people and memberships
 * can leave out ROW_VISIBLE_ALLIANCE and ROW_VISIBLE_PERSON, which would
 * filter nothing but cost a probe per row. It says nothing about knowledge
 * items (their levels, drafts, shares and attribution): lists of items always
 * apply ROW_VISIBLE_ITEM, which lets only an administrator skip the rest.
 * Kept in the connection's memo. */
bool row_viewer_sees_all(struct ctx *c);

/* row_viewer_bind binds the viewer of c as parameters 1 and 2. */
void row_viewer_bind(struct ctx *c, struct db_stmt *st);

/* A list query assembled from fixed fragments: only the filters a caller
 * gives become conditions, so every variant can use its index (a condition
 * like "(? = 0 OR key = ?)" cannot), and each variant is a prepared statement
 * of its own in the connection's cache. */
#define ROW_QUERY_MAX 12

struct row_query {
    struct ctx *c;
    bool viewer;       /* the statement starts with ROW_VIEWER */
    const char *where; /* " WHERE a AND b", built in the arena; "" when none */
    int count;
    struct {
        const char *text; /* when NULL, the integer */
        int64_t integer;
        int repeat; /* how many '?' the condition holds, all bound to this value */
    } binds[ROW_QUERY_MAX];
};

/* row_query_init starts a query with no conditions; with viewer, the
 * statements start with ROW_VIEWER and bind the viewer first. */
void row_query_init(struct row_query *q, struct ctx *c, bool viewer);

/* row_query_where adds a condition without parameters (such as a visibility
 * condition, which reads the viewer from ROW_VIEWER). */
void row_query_where(struct row_query *q, const char *condition);

/* row_query_int adds a condition whose '?' placeholders all take value. */
void row_query_int(struct row_query *q, const char *condition, int64_t value);

/* row_query_text adds a condition whose '?' placeholders all take text. */
void row_query_text(struct row_query *q, const char *condition, const char *text);

/* row_query_bind binds the viewer (when the query has one) and the
 * conditions' values, and returns the number of the next parameter. */
int row_query_bind(const struct row_query *q, struct db_stmt *st);

/* row_query_bind_at binds only the conditions' values, from parameter n on,
 * and returns the number of the next parameter. */
int row_query_bind_at(const struct row_query *q, struct db_stmt *st, int n);

/* row_query_page prepares head + conditions + " ORDER BY order LIMIT ? OFFSET ?"
 * with everything bound: the cursor (after) as a condition when given. */
struct db_stmt *row_query_page(struct row_query *q, const char *head, const char *id_column,
                               const char *order, const struct listing *l, int64_t *limit);

/* row_query_count counts the rows of "SELECT count(*) " + from + conditions.
 * A count scans every row the viewer may read, and the pages of a list share
 * it: it is kept in the connection's memo (db.h) until the data changes,
 * named by a 64-bit hash of the statement and every value bound to it, the
 * viewer included. */
int64_t row_query_count(const struct row_query *q, const char *from);

/* A function that reads the current row of st into item (a record). */
typedef void (*row_reader)(struct ctx *c, struct db_stmt *st, void *item);

/* row_one steps st once: a row is read into a new record of size bytes (arena)
 * and *out set; no row is STATUS_NOT_FOUND. The statement is done afterwards. */
enum status row_one(struct ctx *c, struct db_stmt *st, size_t size, row_reader read, void *out);

/* row_all reads every row of st (at most limit) into a new array of records of
 * size bytes (arena); *items and *count receive it. */
enum status row_all(struct ctx *c, struct db_stmt *st, int64_t limit, size_t size, row_reader read,
                    void *items, int *count);

/* row_write steps a statement that returns no rows and finishes it. */
enum status row_write(struct ctx *c, struct db_stmt *st);

/* row_insert steps an INSERT … RETURNING key and finishes it; *key gets the key. */
enum status row_insert(struct ctx *c, struct db_stmt *st, int64_t *key);

/* row_now writes the current instant for created_at and updated_at. */
void row_now(char out[32]);

#endif
