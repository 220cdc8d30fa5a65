/*
 * store/entry.c — journal entries and their attachments. Reads apply the item
 * visibility rule (row.h) inside the query.
 */
#include "domain/entry.h"
#include "core/arena.h"
#include "core/id.h"
#include "store/item.h"
#include "store/row.h"
#include "store/store.h"

#define ENTRY_VISIBLE    ROW_EXPAND(ROW_VISIBLE_ITEM, ENTRY_ITEM)
#define ENTRY_ATTRIBUTED ROW_EXPAND(ROW_ITEM_ATTRIBUTED, ENTRY_ITEM)

/* The author (au) is joined only where the viewer may know them. */
#define ENTRY_COLUMNS                                                                              \
    "e.key, e.id, e.platform_key, p.id, p.name, p.depth, coalesce(lv.label, ''), a.key, a.slug, "  \
    "a.name, a.visibility, coalesce(au.key, 0), au.id, au.name, e.kind, e.title, e.body, "         \
    "e.happened_on, e.place, e.people, e.visibility, e.status, e.created_at, e.updated_at, "       \
    "e.published_at, CASE WHEN " ENTRY_ATTRIBUTED " THEN 1 ELSE 0 END "

#define ENTRY_FROM                                                                                 \
    "FROM entry e JOIN platform p ON p.key = e.platform_key "                                      \
    "JOIN alliance a ON a.key = p.alliance_key "                                                   \
    "LEFT JOIN alliance_level lv ON lv.alliance_key = p.alliance_key AND lv.depth = p.depth "      \
    "LEFT JOIN person au ON au.key = e.author_key AND " ENTRY_ATTRIBUTED " "

/* What a count needs of ENTRY_FROM: the joins its conditions read (the level,
 * the author and the rest only name things on a page). */
#define ENTRY_COUNTED                                                                              \
    "FROM entry e JOIN platform p ON p.key = e.platform_key JOIN alliance a ON a.key = "           \
    "p.alliance_key "

static void entry_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct entry *e = item;
    e->key = db_column_int(st, 0);
    e->id = row_text(c, st, 1);
    e->platform_key = db_column_int(st, 2);
    e->platform_id = row_text(c, st, 3);
    e->platform_name = row_text(c, st, 4);
    e->platform_depth = (int)db_column_int(st, 5);
    e->level_label = row_text(c, st, 6);
    e->alliance_key = db_column_int(st, 7);
    e->alliance_slug = row_text(c, st, 8);
    e->alliance_name = row_text(c, st, 9);
    e->alliance_visibility = row_text(c, st, 10);
    e->author_key = db_column_int(st, 11);
    e->author_id = row_text_or_null(c, st, 12);
    e->author_name = row_text_or_null(c, st, 13);
    e->kind = row_text(c, st, 14);
    e->title = row_text(c, st, 15);
    e->body = row_text(c, st, 16);
    e->happened_on = row_text(c, st, 17);
    e->place = row_text(c, st, 18);
    e->people = row_text(c, st, 19);
    e->visibility = row_text(c, st, 20);
    e->status = row_text(c, st, 21);
    e->created_at = row_text(c, st, 22);
    e->updated_at = row_text(c, st, 23);
    e->published_at = row_text_or_null(c, st, 24);
    e->attributed = db_column_int(st, 25) != 0;
}

static void entry_links_load(struct ctx *c, struct entry *e)
{
    struct db_stmt *st = db_prepare(c->db, "SELECT label, url FROM entry_link WHERE entry_key = ? "
                                           "ORDER BY position");
    db_bind_int(st, 1, e->key);
    e->link_count = 0;
    while (e->link_count < ENTRY_LINKS_MAX && db_step(st) == DB_ROW) {
        e->links[e->link_count].label = row_text(c, st, 0);
        e->links[e->link_count].url = row_text(c, st, 1);
        e->link_count++;
    }
    db_done(st);
}

enum status store_entry_get(struct ctx *c, const char *id, struct entry **out)
{
    struct db_stmt *st = db_prepare(c->db, ROW_VIEWER "SELECT " ENTRY_COLUMNS ENTRY_FROM
                                                      "WHERE e.id = ? AND " ENTRY_VISIBLE);
    row_viewer_bind(c, st);
    db_bind_text(st, 3, id);
    enum status s = row_one(c, st, sizeof(struct entry), entry_row, out);
    if (s == STATUS_OK)
        entry_links_load(c, *out);
    return s;
}

/* Newest first: the timeline's order, the only one pages ask for. */
static const struct row_sort entry_sorts[] = {
    {"date", "e.happened_on DESC, e.key DESC", "e.happened_on, e.key"},
    {NULL, NULL, NULL},
};

enum status store_entry_list(struct ctx *c, const struct entry_filter *f, const struct listing *l,
                             struct entry_list *out)
{
    struct row_query q;
    row_query_init(&q, c, true);
    row_query_where(&q, ENTRY_VISIBLE);
    if (f->platform_key)
        row_query_int(&q, "e.platform_key = ?", f->platform_key);
    if (f->alliance_key)
        row_query_int(&q, "p.alliance_key = ?", f->alliance_key);
    if (f->kind)
        row_query_text(&q, "e.kind = ?", f->kind);
    if (f->status)
        row_query_text(&q, "e.status = ?", f->status);
    if (f->from)
        row_query_text(&q, "e.happened_on >= ?", f->from);
    if (f->to)
        row_query_text(&q, "e.happened_on <= ?", f->to);
    char *pattern = listing_pattern(c->arena, l->query);
    if (pattern)
        row_query_text(&q, "lower(e.title) LIKE ? ESCAPE '\\'", pattern);
    int64_t limit;
    struct db_stmt *st = row_query_page(&q, "SELECT " ENTRY_COLUMNS ENTRY_FROM, "e.id",
                                        row_order(entry_sorts, l), l, &limit);
    enum status s = row_all(c, st, limit, sizeof *out->items, entry_row, &out->items, &out->count);
    if (s != STATUS_OK)
        return s;
    out->total = row_query_count(&q, ENTRY_COUNTED);
    return STATUS_OK;
}

static enum status entry_links_save(struct ctx *c, const struct entry *e)
{
    enum status s = row_exec_key(c, "DELETE FROM entry_link WHERE entry_key = ?", e->key);
    for (int i = 0; s == STATUS_OK && i < e->link_count; i++) {
        struct db_stmt *st = db_prepare(c->db, "INSERT INTO entry_link (entry_key, position, "
                                               "label, url) VALUES (?, ?, ?, ?)");
        db_bind_int(st, 1, e->key);
        db_bind_int(st, 2, i);
        db_bind_text(st, 3, e->links[i].label);
        db_bind_text(st, 4, e->links[i].url);
        s = row_write(c, st);
    }
    return s;
}

/* entry_bind binds the fields every write stores, from parameter 1 on. */
static void entry_bind(struct db_stmt *st, const struct entry *e)
{
    db_bind_text(st, 1, e->kind);
    db_bind_text(st, 2, e->title);
    db_bind_text(st, 3, e->body);
    db_bind_text(st, 4, e->happened_on);
    db_bind_text(st, 5, e->place);
    db_bind_text(st, 6, e->people);
    db_bind_text(st, 7, e->visibility);
    db_bind_text(st, 8, e->status);
    db_bind_text(st, 9, e->published_at);
}

enum status store_entry_insert(struct ctx *c, struct entry *e)
{
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    struct db_stmt *st = db_prepare(
        c->db, "INSERT INTO entry (kind, title, body, happened_on, place, people, visibility, "
               "status, published_at, id, platform_key, author_key, created_at, updated_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING key");
    entry_bind(st, e);
    db_bind_text(st, 10, id);
    db_bind_int(st, 11, e->platform_key);
    db_bind_key(st, 12, e->author_key);
    db_bind_text(st, 13, now);
    db_bind_text(st, 14, now);
    enum status s = row_insert(c, st, &e->key);
    if (s != STATUS_OK)
        return s;
    e->id = arena_strdup(c->arena, id);
    e->created_at = e->updated_at = arena_strdup(c->arena, now);
    return entry_links_save(c, e);
}

enum status store_entry_update(struct ctx *c, struct entry *e)
{
    char now[32];
    row_now(now);
    struct db_stmt *st =
        db_prepare(c->db, "UPDATE entry SET kind = ?, title = ?, body = ?, happened_on = ?, "
                          "place = ?, people = ?, visibility = ?, status = ?, published_at = ?, "
                          "updated_at = ? WHERE key = ?");
    entry_bind(st, e);
    db_bind_text(st, 10, now);
    db_bind_int(st, 11, e->key);
    enum status s = row_write(c, st);
    if (s == STATUS_OK)
        e->updated_at = arena_strdup(c->arena, now);
    return s == STATUS_OK ? entry_links_save(c, e) : s;
}

enum status store_entry_delete(struct ctx *c, const struct entry *e)
{
    enum status s = row_exec_key(c, "DELETE FROM entry WHERE key = ?", e->key);
    return s == STATUS_OK ? store_tombstone(c, e->id, "entry") : s;
}
