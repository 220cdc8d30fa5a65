/*
 * store/document.c — documents of the resource library and the files they
 * hold. Reads apply the item visibility rule (row.h) inside the query; lists
 * leave out the extracted text, which only the index and a single document
 * need.
 */
#include "domain/document.h"
#include "core/arena.h"
#include "core/id.h"
#include "store/item.h"
#include "store/row.h"
#include "store/store.h"

#define DOCUMENT_VISIBLE    ROW_EXPAND(ROW_VISIBLE_ITEM, DOCUMENT_ITEM)
#define DOCUMENT_ATTRIBUTED ROW_EXPAND(ROW_ITEM_ATTRIBUTED, DOCUMENT_ITEM)

/* The Dublin Core elements that name people and organisations, kept from a
 * reader who may not know the author (share.h). */
#define DOCUMENT_CREDIT(column) "CASE WHEN " DOCUMENT_ATTRIBUTED " THEN " column " ELSE '' END"

/* The author (au) is joined only where the viewer may know them. */
#define DOCUMENT_COLUMNS                                                                           \
    "d.key, d.id, d.platform_key, p.id, p.name, p.depth, coalesce(lv.label, ''), a.key, "          \
    "a.slug, a.name, a.visibility, coalesce(au.key, 0), au.id, au.name, d.doc_type, "              \
    "d.title, " DOCUMENT_CREDIT("d.creator") ", d.subject, d.description, " DOCUMENT_CREDIT(       \
        "d.publisher") ", " DOCUMENT_CREDIT("d.contributor") ", d.dc_date, "                       \
                                                             "d.dc_type, d.format, "               \
                                                             "d.identifier, d.source, "            \
                                                             "d.language, d.relation, "            \
                                                             "d.coverage, "                        \
                                                             "d.rights, d.status, d.visibility, "  \
                                                             "coalesce(d.file_key, 0), f.sha256, " \
                                                             "coalesce(f.size, 0), "               \
                                                             "f.media_type, d.file_name, d.url, "  \
                                                             "d.created_at, d.updated_at, "        \
                                                             "d.published_at, "                    \
                                                             "CASE WHEN " DOCUMENT_ATTRIBUTED      \
                                                             " THEN 1 ELSE 0 END "

#define DOCUMENT_FROM                                                                              \
    "FROM document d JOIN platform p ON p.key = d.platform_key "                                   \
    "JOIN alliance a ON a.key = p.alliance_key "                                                   \
    "LEFT JOIN alliance_level lv ON lv.alliance_key = p.alliance_key AND lv.depth = p.depth "      \
    "LEFT JOIN person au ON au.key = d.author_key AND " DOCUMENT_ATTRIBUTED " "                    \
    "LEFT JOIN file f ON f.key = d.file_key "

/* What a count needs of DOCUMENT_FROM: the joins its conditions read (the level,
 * the author and the rest only name things on a page). */
#define DOCUMENT_COUNTED                                                                           \
    "FROM document d JOIN platform p ON p.key = d.platform_key JOIN alliance a ON a.key = "        \
    "p.alliance_key "

static void document_row(struct ctx *c, struct db_stmt *st, void *item)
{
    struct document *d = item;
    d->key = db_column_int(st, 0);
    d->id = row_text(c, st, 1);
    d->platform_key = db_column_int(st, 2);
    d->platform_id = row_text(c, st, 3);
    d->platform_name = row_text(c, st, 4);
    d->platform_depth = (int)db_column_int(st, 5);
    d->level_label = row_text(c, st, 6);
    d->alliance_key = db_column_int(st, 7);
    d->alliance_slug = row_text(c, st, 8);
    d->alliance_name = row_text(c, st, 9);
    d->alliance_visibility = row_text(c, st, 10);
    d->author_key = db_column_int(st, 11);
    d->author_id = row_text_or_null(c, st, 12);
    d->author_name = row_text_or_null(c, st, 13);
    d->doc_type = row_text(c, st, 14);
    char **dc[] = {&d->title,       &d->creator,  &d->subject,  &d->description, &d->publisher,
                   &d->contributor, &d->date,     &d->type,     &d->format,      &d->identifier,
                   &d->source,      &d->language, &d->relation, &d->coverage,    &d->rights};
    for (int i = 0; i < 15; i++)
        *dc[i] = row_text(c, st, 15 + i);
    d->status = row_text(c, st, 30);
    d->visibility = row_text(c, st, 31);
    d->file_key = db_column_int(st, 32);
    d->sha256 = row_text_or_null(c, st, 33);
    d->size = db_column_int(st, 34);
    d->media_type = row_text_or_null(c, st, 35);
    d->file_name = row_text(c, st, 36);
    d->url = row_text_or_null(c, st, 37);
    d->created_at = row_text(c, st, 38);
    d->updated_at = row_text(c, st, 39);
    d->published_at = row_text_or_null(c, st, 40);
    d->attributed = db_column_int(st, 41) != 0;
    d->text = "";
}

static void document_row_text(struct ctx *c, struct db_stmt *st, void *item)
{
    document_row(c, st, item);
    ((struct document *)item)->text = row_text(c, st, 42);
}

enum status store_document_get(struct ctx *c, const char *id, struct document **out)
{
    struct db_stmt *st =
        db_prepare(c->db, ROW_VIEWER "SELECT " DOCUMENT_COLUMNS ", d.extracted_text " DOCUMENT_FROM
                                     "WHERE d.id = ? AND " DOCUMENT_VISIBLE);
    row_viewer_bind(c, st);
    db_bind_text(st, 3, id);
    return row_one(c, st, sizeof(struct document), document_row_text, out);
}

static const struct row_sort document_sorts[] = {
    {"date", "d.created_at DESC, d.key DESC", "d.created_at, d.key"},
    {"title", "lower(d.title), d.key", "lower(d.title) DESC, d.key DESC"},
    {"type", "d.doc_type, lower(d.title), d.key", "d.doc_type DESC, lower(d.title) DESC, d.key"},
    {"platform", "lower(p.name), d.created_at DESC, d.key",
     "lower(p.name) DESC, d.created_at, d.key"},
    {NULL, NULL, NULL},
};

enum status store_document_list(struct ctx *c, const struct document_filter *f,
                                const struct listing *l, struct document_list *out)
{
    struct row_query q;
    row_query_init(&q, c, true);
    row_query_where(&q, DOCUMENT_VISIBLE);
    if (f->platform_key)
        row_query_int(&q, "d.platform_key = ?", f->platform_key);
    if (f->alliance_key)
        row_query_int(&q, "p.alliance_key = ?", f->alliance_key);
    if (f->doc_type)
        row_query_text(&q, "d.doc_type = ?", f->doc_type);
    if (f->language) /* a checked tag: letters, digits and dashes only */
        row_query_text(&q, "(d.language = ? OR d.language LIKE (? || '-%'))", f->language);
    if (f->status)
        row_query_text(&q, "d.status = ?", f->status);
    char *pattern = listing_pattern(c->arena, l->query);
    if (pattern)
        row_query_text(&q, "lower(d.title) LIKE ? ESCAPE '\\'", pattern);
    int64_t limit;
    struct db_stmt *st = row_query_page(&q, "SELECT " DOCUMENT_COLUMNS DOCUMENT_FROM, "d.id",
                                        row_order(document_sorts, l), l, &limit);
    enum status s =
        row_all(c, st, limit, sizeof *out->items, document_row, &out->items, &out->count);
    if (s != STATUS_OK)
        return s;
    out->total = row_query_count(&q, DOCUMENT_COUNTED);
    return STATUS_OK;
}

/* file_key finds (or adds) the row of a stored file. */
static enum status file_key(struct ctx *c, const struct document *d, int64_t *key)
{
    char now[32];
    row_now(now);
    struct db_stmt *st = db_prepare(c->db, "INSERT INTO file (sha256, size, media_type, "
                                           "created_at) VALUES (?, ?, ?, ?) "
                                           "ON CONFLICT (sha256) DO NOTHING");
    db_bind_text(st, 1, d->sha256);
    db_bind_int(st, 2, d->size);
    db_bind_text(st, 3, d->media_type);
    db_bind_text(st, 4, now);
    enum status s = row_write(c, st);
    if (s != STATUS_OK)
        return s;
    st = db_prepare(c->db, "SELECT key FROM file WHERE sha256 = ?");
    db_bind_text(st, 1, d->sha256);
    int rc = db_step(st);
    *key = rc == DB_ROW ? db_column_int(st, 0) : 0;
    db_done(st);
    return rc == DB_ROW ? STATUS_OK : row_status(c, rc == DB_DONE ? DB_ERROR : rc);
}

/* document_bind binds the fields every write stores, from parameter 1 on. */
static void document_bind(struct db_stmt *st, const struct document *d)
{
    const char *fields[] = {d->doc_type,    d->title,      d->creator,     d->subject,
                            d->description, d->publisher,  d->contributor, d->date,
                            d->type,        d->format,     d->identifier,  d->source,
                            d->language,    d->relation,   d->coverage,    d->rights,
                            d->status,      d->visibility, d->url,         d->published_at};
    for (int i = 0; i < 20; i++)
        db_bind_text(st, i + 1, fields[i]);
}

enum status store_document_insert(struct ctx *c, struct document *d)
{
    if (d->sha256) {
        enum status s = file_key(c, d, &d->file_key);
        if (s != STATUS_OK)
            return s;
    }
    char id[ID_LEN + 1], now[32];
    id_new(id);
    row_now(now);
    struct db_stmt *st = db_prepare(
        c->db, "INSERT INTO document (doc_type, title, creator, subject, description, "
               "publisher, contributor, dc_date, dc_type, format, identifier, source, language, "
               "relation, coverage, rights, status, visibility, url, published_at, id, "
               "platform_key, author_key, file_key, file_name, extracted_text, created_at, "
               "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
               "?, ?, ?, ?, ?, ?, ?, ?) RETURNING key");
    document_bind(st, d);
    db_bind_text(st, 21, id);
    db_bind_int(st, 22, d->platform_key);
    db_bind_key(st, 23, d->author_key);
    db_bind_key(st, 24, d->file_key);
    db_bind_text(st, 25, d->file_name ? d->file_name : "");
    db_bind_text(st, 26, d->text ? d->text : "");
    db_bind_text(st, 27, now);
    db_bind_text(st, 28, now);
    enum status s = row_insert(c, st, &d->key);
    if (s != STATUS_OK)
        return s;
    d->id = arena_strdup(c->arena, id);
    d->created_at = d->updated_at = arena_strdup(c->arena, now);
    return STATUS_OK;
}

enum status store_document_update(struct ctx *c, struct document *d)
{
    char now[32];
    row_now(now);
    struct db_stmt *st = db_prepare(
        c->db, "UPDATE document SET doc_type = ?, title = ?, creator = ?, subject = ?, "
               "description = ?, publisher = ?, contributor = ?, dc_date = ?, dc_type = ?, "
               "format = ?, identifier = ?, source = ?, language = ?, relation = ?, "
               "coverage = ?, rights = ?, status = ?, visibility = ?, url = ?, published_at = ?, "
               "updated_at = ? WHERE key = ?");
    document_bind(st, d);
    db_bind_text(st, 21, now);
    db_bind_int(st, 22, d->key);
    enum status s = row_write(c, st);
    if (s == STATUS_OK)
        d->updated_at = arena_strdup(c->arena, now);
    return s;
}

enum status store_document_delete(struct ctx *c, const struct document *d)
{
    enum status s = row_exec_key(c, "DELETE FROM document WHERE key = ?", d->key);
    return s == STATUS_OK ? store_tombstone(c, d->id, "document") : s;
}
