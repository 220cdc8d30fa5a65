/*
 * document.c — rules of documents (see document.h): a title and a type from
 * the list; the Dublin Core elements as bounded text, the date as a year, a
 * month or a day, the language as a tag; a status and a visibility from their
 * lists; a file or a link, exactly one. Every write keeps the search index and
 * the audit trail in the same transaction.
 */
#include "domain/document.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/log.h"
#include "core/str.h"
#include "domain/audit.h"
#include "domain/discussion.h"
#include "domain/field.h"
#include "domain/item.h"
#include "domain/platform.h"
#include "domain/question.h"
#include "domain/rights.h"
#include "domain/search.h"
#include "domain/share.h"
#include "store/files.h"
#include "store/store.h"

#include <string.h>
#include <time.h>

const char *const document_types[DOCUMENT_TYPE_COUNT] = {
    "guideline", "tool", "policy", "report", "case_study", "training_material", "other"};

static const char *const type_labels[DOCUMENT_TYPE_COUNT] = {
    N_("Guideline"),         N_("Tool"), N_("Policy"), N_("Report"), N_("Case study"),
    N_("Training material"), N_("Other")};

const char *document_type_label(const char *doc_type)
{
    for (int i = 0; i < DOCUMENT_TYPE_COUNT; i++)
        if (str_eq(doc_type, document_types[i]))
            return _(type_labels[i]);
    return doc_type ? doc_type : "";
}

bool document_type_known(const char *doc_type)
{
    for (int i = 0; i < DOCUMENT_TYPE_COUNT; i++)
        if (str_eq(doc_type, document_types[i]))
            return true;
    return false;
}

const char *document_visibility_label(const char *visibility)
{
    if (str_eq(visibility, "platform"))
        return _("Platform members");
    if (str_eq(visibility, "alliance"))
        return _("Alliance members");
    if (str_eq(visibility, "public"))
        return _("Anyone");
    return visibility ? visibility : "";
}

static bool is_alpha(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

bool document_language_ok(const char *text)
{
    if (!text || strlen(text) > 35)
        return false;
    const char *s = text;
    size_t n = 0;
    while (is_alpha(s[n]))
        n++;
    if (n < 2 || n > 3)
        return false;
    s += n;
    while (*s == '-') {
        s++;
        n = 0;
        while (is_alpha(s[n]) || (s[n] >= '0' && s[n] <= '9'))
            n++;
        if (n < 2 || n > 8)
            return false;
        s += n;
    }
    return *s == '\0';
}

/* date_ok: YYYY, YYYY-MM or YYYY-MM-DD, a real one. */
static bool date_ok(struct ctx *c, const char *d)
{
    size_t n = strlen(d);
    for (size_t i = 0; i < n; i++)
        if (!((d[i] >= '0' && d[i] <= '9') || ((i == 4 || i == 7) && d[i] == '-')))
            return false;
    const char *full = n == 4    ? arena_printf(c->arena, "%s-01-01", d)
                       : n == 7  ? arena_printf(c->arena, "%s-01", d)
                       : n == 10 ? d
                                 : NULL;
    return full && clock_date_valid(full);
}

/* language_normal writes a tag as people expect: "fr", "pt-BR". */
static char *language_normal(struct ctx *c, const char *tag)
{
    char *out = str_lower_ascii(c->arena, tag);
    char *dash = strchr(out, '-');
    if (dash && strlen(dash + 1) == 2 && !strchr(dash + 1, '-'))
        for (char *p = dash + 1; *p; p++)
            *p = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
    return out;
}

/* document_validate checks the fields and fills the defaults. */
static void document_validate(struct ctx *c, struct document *d, struct problems *p)
{
    field_text(c, &d->title, p, "title", _("Title"), 300, _("Enter the title of the document"));
    if (str_empty(d->doc_type))
        d->doc_type = "other";
    if (!document_type_known(d->doc_type))
        problems_invalid(p, "doc_type",
                         _("Choose the kind of document: guideline, tool, policy, report, case "
                           "study, training material or other"));
    field_text(c, &d->creator, p, "creator", _("Creator"), 500, NULL);
    field_text(c, &d->subject, p, "subject", _("Subject"), 1000, NULL);
    field_text(c, &d->description, p, "description", _("Description"), 20000, NULL);
    field_text(c, &d->publisher, p, "publisher", _("Publisher"), 500, NULL);
    field_text(c, &d->contributor, p, "contributor", _("Contributors"), 1000, NULL);
    field_text(c, &d->date, p, "date", _("Date"), 10, NULL);
    if (*d->date && !date_ok(c, d->date))
        problems_invalid(p, "date",
                         _("Enter the date as a year, a year and month, or a full date, such as "
                           "2024, 2024-06 or 2024-06-30"));
    field_text(c, &d->type, p, "type", _("Type"), 100, NULL);
    field_text(c, &d->format, p, "format", _("Format"), 200, NULL);
    field_text(c, &d->identifier, p, "identifier", _("Identifier"), 500, NULL);
    field_text(c, &d->source, p, "source", _("Source"), 1000, NULL);
    field_text(c, &d->language, p, "language", _("Language"), 35, NULL);
    if (*d->language && !document_language_ok(d->language))
        problems_invalid(p, "language", _("Enter the language as a code, such as en, fr or pt-BR"));
    else
        d->language = language_normal(c, d->language);
    field_text(c, &d->relation, p, "relation", _("Relation"), 1000, NULL);
    field_text(c, &d->coverage, p, "coverage", _("Coverage"), 500, NULL);
    field_text(c, &d->rights, p, "rights", _("Rights"), 1000, NULL);
    if (str_empty(d->status))
        d->status = "draft";
    if (!str_eq(d->status, "draft") && !str_eq(d->status, "published"))
        problems_invalid(p, "status", _("Choose draft or published"));
    if (str_empty(d->visibility))
        d->visibility = "alliance";
    if (!str_eq(d->visibility, "platform") && !str_eq(d->visibility, "alliance") &&
        !str_eq(d->visibility, "public"))
        problems_invalid(p, "visibility",
                         _("Choose who may read it: platform, alliance or public"));
    if (d->url) {
        d->url = str_trim(c->arena, d->url);
        if (!str_is_http_url(d->url) || strlen(d->url) > 2000 ||
            !str_utf8_valid(d->url, strlen(d->url)))
            problems_invalid(p, "url",
                             _("Enter the address of the document, starting with https:// or "
                               "http://"));
    }
}

/* document_day is the day the index files a document under: its date, or
 * the day it was added. */
static const char *document_day(struct ctx *c, const struct document *d)
{
    size_t n = strlen(d->date ? d->date : "");
    if (n == 4)
        return arena_printf(c->arena, "%s-01-01", d->date);
    if (n == 7)
        return arena_printf(c->arena, "%s-01", d->date);
    if (n == 10)
        return d->date;
    return arena_strndup(c->arena, d->created_at ? d->created_at : "", 10);
}

/* document_body is the text the index keeps of a document: its record's
 * words, then its file's, the parts that have any one a paragraph. */
static char *document_body(struct ctx *c, const struct document *d)
{
    const char *parts[] = {d->description, d->subject,   d->creator, d->publisher,
                           d->contributor, d->coverage,  d->source,  d->relation,
                           d->identifier,  d->file_name, d->text};
    char *body = "";
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        if (parts[i] && *parts[i])
            body = arena_printf(c->arena, "%s%s%s", body, *body ? "\n\n" : "", parts[i]);
    return body;
}

/* document_index puts the document in the search index. */
static enum status document_index(struct ctx *c, const struct document *d)
{
    struct search_doc s = {
        .kind = "document",
        .item_key = d->key,
        .item_id = d->id,
        .platform_key = d->platform_key,
        .alliance_key = d->alliance_key,
        .visibility = d->visibility,
        .published = str_eq(d->status, "published"),
        .author_key = d->author_key,
        .outcome = "",
        .happened_on = document_day(c, d),
        .title = d->title,
        .body = document_body(c, d),
        .tags = arena_printf(c->arena, "%s%s%s", d->doc_type, *d->language ? " " : "", d->language),
    };
    return search_put(c, &s);
}

/* document_audit records what changed between before and after (NULL: none). */
static enum status document_audit(struct ctx *c, const char *action, const struct document *before,
                                  const struct document *after)
{
    static const struct document none = {0};
    const struct document *b = before ? before : &none, *a = after ? after : &none;
    const struct document *named = after ? after : before;
    struct audit_draft d;
    audit_begin(&d, action, "document", named->id, named->title, named->alliance_key,
                named->platform_key);
    audit_text(&d, "title", b->title, a->title);
    audit_text(&d, "doc_type", b->doc_type, a->doc_type);
    audit_text(&d, "status", b->status, a->status);
    audit_text(&d, "visibility", b->visibility, a->visibility);
    audit_text(&d, "file", b->sha256, a->sha256);
    audit_text(&d, "file_name", b->file_name, a->file_name);
    audit_text(&d, "url", b->url, a->url);
    audit_text(&d, "creator", b->creator, a->creator);
    audit_text(&d, "subject", b->subject, a->subject);
    audit_text(&d, "description", b->description, a->description);
    audit_text(&d, "publisher", b->publisher, a->publisher);
    audit_text(&d, "contributor", b->contributor, a->contributor);
    audit_text(&d, "date", b->date, a->date);
    audit_text(&d, "type", b->type, a->type);
    audit_text(&d, "format", b->format, a->format);
    audit_text(&d, "identifier", b->identifier, a->identifier);
    audit_text(&d, "source", b->source, a->source);
    audit_text(&d, "language", b->language, a->language);
    audit_text(&d, "relation", b->relation, a->relation);
    audit_text(&d, "coverage", b->coverage, a->coverage);
    audit_text(&d, "rights", b->rights, a->rights);
    return audit_save(c, &d);
}

enum status document_find(struct ctx *c, const char *id, struct document **out)
{
    return str_empty(id) ? STATUS_NOT_FOUND : store_document_get(c, id, out);
}

enum status document_list(struct ctx *c, const struct document_filter *f, const struct listing *l,
                          struct document_list *out)
{
    return store_document_list(c, f, l, out);
}

enum status document_create(struct ctx *c, struct document *d, const struct document_file *file,
                            document_keep keep, void *keep_arg, struct problems *p)
{
    enum status s = rights_signed_in(c);
    if (s != STATUS_OK)
        return s;
    struct platform *pl;
    if (platform_find(c, d->platform_id, &pl) != STATUS_OK) {
        problems_invalid(p, "platform", _("Choose a platform that exists"));
        return STATUS_INVALID;
    }
    s = rights_on_platform(c, pl->key, RIGHT_WRITE_ITEMS);
    if (s != STATUS_OK)
        return s;
    d->platform_key = pl->key;
    d->alliance_key = pl->alliance_key;
    d->author_key = c->viewer->person_key;
    if (str_empty(d->url))
        d->url = NULL;
    if (file && d->url)
        problems_invalid(p, "url", _("Give a file or a link, not both"));
    else if (!file && !d->url)
        problems_invalid(p, "file", _("Choose a file to upload, or give the document's address"));
    if (file) {
        d->sha256 = (char *)file->sha256;
        d->size = file->size;
        d->media_type = (char *)file->media_type;
        d->file_name = (char *)file->file_name;
        d->text = (char *)(file->text ? file->text : "");
        if (str_empty(d->format))
            d->format = d->media_type;
    } else {
        d->file_name = "";
        d->text = "";
    }
    document_validate(c, d, p);
    if (p->count)
        return problems_status(p);
    s = item_publish_rights(c, d->platform_key, d->status);
    if (s != STATUS_OK)
        return s;
    if (keep && keep(keep_arg) != 0)
        return STATUS_ERROR;
    d->published_at = item_published_at(c, d->status, NULL);
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = store_document_insert(c, d);
    if (s == STATUS_OK)
        s = document_index(c, d);
    if (s == STATUS_OK)
        s = document_audit(c, "create", NULL, d);
    return store_end(c, s);
}

enum status document_file_open(const struct document *d, const char *dir, int *fd, uint64_t *size)
{
    if (!d->file_key || !d->sha256)
        return STATUS_NOT_FOUND;
    if (files_open(dir, d->sha256, fd, size) != 0) {
        log_error("document %s: its file %s is not in %s", d->id, d->sha256, dir);
        return STATUS_NOT_FOUND;
    }
    return STATUS_OK;
}

bool document_may_edit(struct ctx *c, const struct document *d)
{
    return item_may_edit(c, d->platform_key, d->author_key);
}

enum status document_update(struct ctx *c, struct document *d, struct problems *p)
{
    struct document *before;
    enum status s = document_find(c, d->id, &before);
    if (s != STATUS_OK)
        return s;
    s = item_edit_rights(c, before->platform_key, before->author_key);
    if (s != STATUS_OK)
        return s;
    /* The file stays; a link stays a link. */
    if (before->file_key && !str_empty(d->url)) {
        problems_invalid(p, "url", _("This document is a file: it cannot have a link too"));
        return STATUS_INVALID;
    }
    if (!before->file_key && str_empty(d->url)) {
        problems_invalid(p, "url", _("Enter the address of the document"));
        return STATUS_INVALID;
    }
    d->file_key = before->file_key;
    d->sha256 = before->sha256;
    d->size = before->size;
    d->media_type = before->media_type;
    d->file_name = before->file_name;
    d->text = before->text;
    if (before->file_key)
        d->url = NULL;
    document_validate(c, d, p);
    if (p->count)
        return problems_status(p);
    s = item_publish_rights(c, d->platform_key, d->status);
    if (s != STATUS_OK)
        return s;
    d->published_at = item_published_at(c, d->status, before->published_at);
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = store_document_update(c, d);
    if (s == STATUS_OK)
        s = document_index(c, d);
    if (s == STATUS_OK)
        s = document_audit(c, "update", before, d);
    return store_end(c, s);
}

enum status document_delete(struct ctx *c, struct document *d)
{
    enum status s = rights_on_platform(c, d->platform_key, RIGHT_PUBLISH_ITEMS);
    if (s != STATUS_OK)
        return s;
    s = store_begin(c);
    if (s != STATUS_OK)
        return s;
    s = document_audit(c, "delete", d, NULL);
    if (s == STATUS_OK)
        s = item_retire(c, "document", d->key);
    if (s == STATUS_OK)
        s = store_document_delete(c, d);
    return store_end(c, s);
}

enum status document_reindex_one(struct ctx *c, const char *id)
{
    struct document *full;
    enum status s = document_find(c, id, &full);
    return s == STATUS_OK ? document_index(c, full) : s;
}
