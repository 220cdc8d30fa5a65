/*
 * store/audit.c — the audit trail: entries and their changed fields.
 */
#include "core/arena.h"
#include "core/id.h"
#include "store/row.h"
#include "store/store.h"

enum status store_audit_insert(struct ctx *c, const struct audit_draft *d)
{
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    struct db_stmt *st = db_prepare(
        c->db, "INSERT INTO audit (id, at, actor_key, actor_name, action, kind, record_id, "
               "record_name, alliance_key, platform_key, related_alliance_key) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING key");
    db_bind_text(st, 1, id);
    db_bind_text(st, 2, now);
    db_bind_key(st, 3, c->viewer->account_key);
    db_bind_text(st, 4, c->viewer->name ? c->viewer->name : "");
    db_bind_text(st, 5, d->action);
    db_bind_text(st, 6, d->kind);
    db_bind_text(st, 7, d->record_id);
    db_bind_text(st, 8, d->record_name ? d->record_name : "");
    db_bind_key(st, 9, d->alliance_key);
    db_bind_key(st, 10, d->platform_key);
    db_bind_key(st, 11, d->related_alliance_key);
    int rc = db_step(st);
    int64_t key = rc == DB_ROW ? db_column_int(st, 0) : 0;
    db_done(st);
    if (rc != DB_ROW)
        return row_status(c, rc);
    for (int i = 0; i < d->count; i++) {
        st = db_prepare(c->db, "INSERT INTO audit_change (audit_key, position, field, old_value, "
                               "new_value) VALUES (?, ?, ?, ?, ?)");
        db_bind_int(st, 1, key);
        db_bind_int(st, 2, i);
        db_bind_text(st, 3, d->changes[i].field);
        db_bind_text(st, 4, d->changes[i].old_value);
        db_bind_text(st, 5, d->changes[i].new_value);
        rc = db_step(st);
        db_done(st);
        if (rc != DB_DONE)
            return row_status(c, rc);
    }
    return STATUS_OK;
}

/* An entry about a knowledge item the viewer reads only through shares
 * without attribution (row.h ROW_ITEM_ATTRIBUTED) does not say who made it:
 * a change of the item (by the search index's facts), or the sharing or
 * withdrawing of it (the share's item, in the sender's trail); a response,
 * in the receiver's trail, is the receiver's own. */
#define AUDIT_ITEM(key)                                                                            \
    "si.kind", key, "si.visibility", "si.platform_key", "si.alliance_key", "si.published",         \
        "si.author_key"
#define AUDIT_ITEM_UNNAMED                                                                         \
    "(EXISTS (SELECT 1 FROM search_item si WHERE si.platform_key = au.platform_key AND "           \
    "si.kind = au.kind AND si.item_id = au.record_id AND NOT " ROW_EXPAND(                         \
        ROW_ITEM_ATTRIBUTED,                                                                       \
        AUDIT_ITEM("si.item_key")) ") OR "                                                         \
                                   "(au.kind = 'share' AND EXISTS (SELECT 1 FROM share sh JOIN "   \
                                   "search_item si ON si.kind = "                                  \
                                   "sh.kind AND si.item_key = sh.item_key WHERE sh.id = "          \
                                   "au.record_id AND au.platform_key = "                           \
                                   "sh.from_platform_key AND NOT " ROW_EXPAND(                     \
                                       ROW_ITEM_ATTRIBUTED, AUDIT_ITEM("si.item_key")) ")))"

/* The actor's name is kept from the viewer when the actor is a person they may
 * not read (ROW_VIEWER), and when the entry is about an item whose author
 * they may not know (the last column says which). */
#define AUDIT_COLUMNS                                                                              \
    "au.key, au.id, au.at, CASE WHEN NOT " AUDIT_ITEM_UNNAMED " THEN ac.id END, "                  \
    "CASE WHEN (" ROW_VISIBLE_PERSON_KEY(                                                          \
        "ac.person_key") " OR ac.person_key IS NULL) AND NOT " AUDIT_ITEM_UNNAMED                  \
                         " THEN au.actor_name END, au.action, au.kind, au.record_id, "             \
                         "au.record_name, coalesce(au.alliance_key, 0), "                          \
                         "coalesce(au.platform_key, 0), p.id, p.name, "                            \
                         "CASE WHEN " AUDIT_ITEM_UNNAMED " THEN 1 ELSE 0 END "
#define AUDIT_FROM                                                                                 \
    "FROM audit au LEFT JOIN account ac ON ac.key = au.actor_key "                                 \
    "LEFT JOIN platform p ON p.key = au.platform_key "

/* An entry about a knowledge item the viewer may not read is left out: by
 * the item's facts in the search index, or a deleted item's last facts (a
 * deleted item is shared no more: its key, 0 here, matches no share). An
 * entry about a share is left out with the share's item. */
#define AUDIT_HIDDEN_IN(table, key)                                                                \
    "NOT EXISTS (SELECT 1 FROM " table " si WHERE si.platform_key = au.platform_key AND "          \
    "si.kind = au.kind AND si.item_id = au.record_id AND NOT " ROW_EXPAND(ROW_VISIBLE_ITEM,        \
                                                                          AUDIT_ITEM(key)) ")"
#define AUDIT_SHARE_HIDDEN_IN(table, join, key)                                                    \
    "NOT EXISTS (SELECT 1 FROM share sh JOIN " table " si ON si.kind = sh.kind AND " join          \
    " WHERE au.kind = 'share' AND sh.id = au.record_id AND NOT " ROW_EXPAND(ROW_VISIBLE_ITEM,      \
                                                                            AUDIT_ITEM(key)) ")"
/* An entry about an application of a lesson (application.h) is shown only
 * while its lesson may be read (a removed application's too; one deleted
 * with its lesson or platform no longer, but to administrators). */
#define AUDIT_APPLICATION_VISIBLE                                                                  \
    "(au.kind <> 'application' OR (SELECT everything FROM v) = 1 OR EXISTS (SELECT 1 FROM "        \
    "application ap JOIN search_item si ON si.kind = 'lesson' AND si.item_key = ap.lesson_key "    \
    "WHERE ap.id = au.record_id AND " ROW_EXPAND(ROW_VISIBLE_ITEM, AUDIT_ITEM("si.item_key")) "))"
/* An assessment's entry names its stakeholder: one about a person the viewer
 * may not see (all of whose memberships are in alliances hidden from them) is
 * left out, as the assessment itself is; so are the entries of a deleted
 * assessment, whose stakeholder is no longer known, but for administrators. */
#define AUDIT_ASSESSMENT_VISIBLE                                                                   \
    "(au.kind <> 'assessment' OR (SELECT everything FROM v) = 1 OR EXISTS (SELECT 1 FROM "         \
    "assessment sa WHERE sa.id = au.record_id AND (sa.person_key IS NULL "                         \
    "OR " ROW_VISIBLE_PERSON_KEY("sa.person_key") ")))"
/* The four ways an item's entry is hidden, named one by one so that each
 * reads on its own line: a live item, a deleted one, a share of either. */
#define AUDIT_LIVE_HIDDEN    AUDIT_HIDDEN_IN("search_item", "si.item_key")
#define AUDIT_RETIRED_HIDDEN AUDIT_HIDDEN_IN("retired_item", "0")
#define AUDIT_SHARE_OF_LIVE_HIDDEN                                                                 \
    AUDIT_SHARE_HIDDEN_IN("search_item", "si.item_key = sh.item_key", "si.item_key")
#define AUDIT_SHARE_OF_RETIRED_HIDDEN                                                              \
    AUDIT_SHARE_HIDDEN_IN("retired_item", "si.item_id = sh.item_id", "0")
#define AUDIT_ITEM_VISIBLE                                                                         \
    AUDIT_APPLICATION_VISIBLE " AND " AUDIT_ASSESSMENT_VISIBLE " AND " AUDIT_LIVE_HIDDEN           \
                              " AND " AUDIT_RETIRED_HIDDEN " AND " AUDIT_SHARE_OF_LIVE_HIDDEN      \
                              " AND " AUDIT_SHARE_OF_RETIRED_HIDDEN

static void audit_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct audit_entry *e = item;
    e->key = db_column_int(st, 0);
    e->id = row_text(c, st, 1);
    e->at = row_text(c, st, 2);
    e->actor_id = row_text_or_null(c, st, 3);
    e->actor_name = row_text_or_null(c, st, 4);
    e->action = row_text(c, st, 5);
    e->kind = row_text(c, st, 6);
    e->record_id = row_text(c, st, 7);
    e->record_name = row_text(c, st, 8);
    e->alliance_key = db_column_int(st, 9);
    e->platform_key = db_column_int(st, 10);
    e->platform_id = row_text_or_null(c, st, 11);
    e->platform_name = row_text_or_null(c, st, 12);
    e->actor_unnamed = db_column_int(st, 13) != 0;
}

static enum status audit_changes_load(struct ctx *c, struct audit_entry *e)
{
    struct db_stmt *st = db_prepare(c->db, "SELECT field, old_value, new_value FROM audit_change "
                                           "WHERE audit_key = ? ORDER BY position");
    db_bind_int(st, 1, e->key);
    e->changes = arena_array(c->arena, AUDIT_CHANGES_MAX, sizeof *e->changes);
    e->change_count = 0;
    int rc;
    while ((rc = db_step(st)) == DB_ROW && e->change_count < AUDIT_CHANGES_MAX) {
        struct audit_change *ch = &e->changes[e->change_count++];
        ch->field = row_text(c, st, 0);
        ch->old_value = row_text_or_null(c, st, 1);
        ch->new_value = row_text_or_null(c, st, 2);
    }
    db_done(st);
    return rc < 0 ? row_status(c, rc) : STATUS_OK;
}

enum status store_audit_list(struct ctx *c, const struct audit_filter *f, const struct listing *l,
                             struct audit_list *out)
{
    struct row_query q;
    row_query_init(&q, c, true);
    /* An entry about an alliance the viewer may not read is not there for them. */
    row_query_where(&q, "au.alliance_key IS NULL OR " ROW_VISIBLE_ALLIANCE_KEY("au.alliance_key"));
    row_query_where(&q, "au.related_alliance_key IS NULL OR " ROW_VISIBLE_ALLIANCE_KEY(
                            "au.related_alliance_key"));
    /* Nor is an entry about a knowledge item the viewer may not read (a draft,
     * for those who may neither publish it nor wrote it): the search index
     * keeps what the rule needs for every item of every kind. */
    row_query_where(&q, AUDIT_ITEM_VISIBLE);
    if (f->platform_key)
        row_query_int(&q, "au.platform_key = ?", f->platform_key);
    if (f->alliance_key)
        row_query_int(&q, "au.alliance_key = ?", f->alliance_key);
    if (f->kind)
        row_query_text(&q, "au.kind = ?", f->kind);
    if (f->action)
        row_query_text(&q, "au.action = ?", f->action);
    if (f->record_id)
        row_query_text(&q, "au.record_id = ?", f->record_id);
    if (f->actor_id)
        row_query_text(&q, "ac.id = ?", f->actor_id);
    if (f->since)
        row_query_text(&q, "au.at >= ?", f->since);
    int64_t limit;
    struct db_stmt *st =
        row_query_page(&q, "SELECT " AUDIT_COLUMNS AUDIT_FROM, "au.id", "au.key DESC", l, &limit);
    enum status s = row_all(c, st, limit, sizeof *out->items, audit_row, &out->items, &out->count);
    if (s != STATUS_OK)
        return s;
    for (int i = 0; i < out->count; i++)
        audit_changes_load(c, &out->items[i]);
    out->total = row_query_count(&q, AUDIT_FROM);
    return STATUS_OK;
}
