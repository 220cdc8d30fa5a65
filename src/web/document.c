/*
 * web/document.c — the resource library as pages: every document the viewer
 * may read (filtered by type, platform and language; sortable), a platform's
 * documents, a document's page (what it is, then its Dublin Core record), the
 * upload form (multipart/form-data: a file, or the address of a document
 * elsewhere), editing, deleting, and the file itself.
 */
#include "domain/document.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/platform.h"
#include "domain/rights.h"
#include "domain/share.h"
#include "http/download.h"
#include "http/upload.h"
#include "store/files.h"
#include "web/form.h"
#include "web/html.h"
#include "web/load.h"
#include "web/page.h"
#include "web/table.h"
#include "web/web.h"

#include <string.h>

/* size_label writes a file size for people: "240 KB", "2.4 MB". */
static const char *size_label(struct request *r, int64_t bytes)
{
    if (bytes >= 1000 * 1000)
        return arena_printf(&r->arena, _("%.1f MB"), (double)bytes / 1e6);
    if (bytes >= 1000)
        return arena_printf(&r->arena, _("%.0f KB"), (double)bytes / 1e3);
    return arena_printf(&r->arena, _("%lld bytes"), (long long)bytes);
}

/* kind_label names what a document holds: "PDF document, 2.4 MB", or "Link". */
static const char *kind_label(struct request *r, const struct document *d)
{
    if (!d->file_key)
        return _("Link to another site");
    const struct mediatype *m = mediatype_by_type(d->media_type);
    return arena_printf(&r->arena, "%s, %s", m ? _(m->label) : d->media_type,
                        size_label(r, d->size));
}

/* type_options lists the kinds of document for a select, after an empty choice. */
static struct form_option *type_options(struct request *r, const char *empty)
{
    struct form_option *o = arena_array(&r->arena, DOCUMENT_TYPE_COUNT + 1, sizeof *o);
    o[0].value = "";
    o[0].label = empty;
    for (int i = 0; i < DOCUMENT_TYPE_COUNT; i++) {
        o[i + 1].value = document_types[i];
        o[i + 1].label = document_type_label(document_types[i]);
    }
    return o;
}

/* filters_form writes the GET form above a list and fills f from the address. */
static void filters_form(struct request *r, const char *action, struct document_filter *f,
                         const struct listing *l)
{
    struct buf *b = &r->out;
    const char *type = request_query(r, "type");
    f->doc_type = document_type_known(type) ? type : NULL;
    const char *language = request_query(r, "language");
    f->language = document_language_ok(language) ? str_lower_ascii(&r->arena, language) : NULL;
    html_printf(b, "<form class=\"filters\" method=\"get\" action=\"%s\">", action);
    const char *platform = request_query(r, "platform");
    if (f->platform_key && platform)
        form_hidden(r, "platform", platform);
    html_printf(b,
                "<div class=\"field\"><label class=\"label\" for=\"f-q\">%s</label>"
                "<input class=\"input\" id=\"f-q\" name=\"q\" type=\"search\" value=\"%s\">"
                "</div>",
                _("Title"), l->query ? l->query : "");
    html_printf(b,
                "<div class=\"field\"><label class=\"label\" for=\"f-type\">%s</label>"
                "<select class=\"select\" id=\"f-type\" name=\"type\">",
                _("Kind"));
    struct form_option *o = type_options(r, _("All kinds"));
    for (int i = 0; i <= DOCUMENT_TYPE_COUNT; i++)
        html_printf(b, "<option value=\"%s\"%s>%s</option>", o[i].value,
                    str_eq(f->doc_type ? f->doc_type : "", o[i].value) ? " selected" : "",
                    o[i].label);
    html_printf(b,
                "</select></div><div class=\"field\"><label class=\"label\" "
                "for=\"f-language\">%s</label><input class=\"input input--short\" "
                "id=\"f-language\" name=\"language\" type=\"text\" value=\"%s\"></div>",
                _("Language"), f->language ? f->language : "");
    html_printf(b,
                "<div class=\"field\"><button class=\"button button--secondary\" "
                "type=\"submit\">%s</button></div></form>\n",
                _("Filter"));
}

/* documents_table writes a page of documents with sortable headers and paging. */
static void documents_table(struct request *r, const struct document_list *list,
                            const struct listing *l, bool show_platform)
{
    struct buf *b = &r->out;
    html_raw(b, "<div class=\"table-wrap\"><table class=\"table\"><thead><tr>");
    table_sort_header(r, l, "title", _("Document"), false);
    table_sort_header(r, l, "type", _("Kind"), false);
    if (show_platform)
        table_sort_header(r, l, "platform", _("Platform"), false);
    table_sort_header(r, l, "date", _("Added"), false);
    html_raw(b, "</tr></thead><tbody>\n");
    for (int i = 0; i < list->count; i++) {
        const struct document *d = &list->items[i];
        html_printf(b, "<tr><td><a href=\"%s\">%s</a>", page_href(r, "/documents/", d->id, ""),
                    d->title);
        if (str_eq(d->status, "draft")) {
            html_raw(b, " ");
            page_tag(r, "grey", _("Draft"));
        }
        html_printf(b, "<br><span class=\"muted small\">%s%s%s</span></td><td>", kind_label(r, d),
                    *d->language ? " · " : "", d->language);
        html_printf(b, "%s</td>", document_type_label(d->doc_type));
        if (show_platform)
            html_printf(b, "<td>%s <span class=\"muted small\">%s</span></td>", d->platform_name,
                        d->level_label);
        html_raw(b, "<td>");
        page_date(r, arena_strndup(&r->arena, d->created_at, 10));
        html_raw(b, "</td></tr>\n");
    }
    html_raw(b, "</tbody></table></div>\n");
    table_pagination(r, l, list->total);
}

void document_index_page(struct request *r)
{
    struct listing l;
    table_listing(r, &l, 30);
    struct document_filter f = {0};
    struct platform *pl = NULL;
    const char *platform = request_query(r, "platform");
    if (!str_empty(platform) && platform_find(&r->ctx, platform, &pl) == STATUS_OK)
        f.platform_key = pl->key;
    struct page p = {.title = _("Resource library"), .nav = "documents"};
    page_crumb(&p, _("Resource library"), NULL);
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n", _("Resource library"),
                _("Guidelines, tools, policies, reports, case studies and training materials of "
                  "the platforms. Add a document from the page of its platform."));
    if (pl)
        html_printf(b, "<p>%s <a href=\"%s\">%s</a> · <a href=\"/documents\">%s</a></p>\n",
                    _("Documents of"), page_href(r, "/platforms/", pl->id, ""), pl->name,
                    _("Show every platform"));
    filters_form(r, "/documents", &f, &l);
    struct document_list list;
    if (document_list(&r->ctx, &f, &l, &list) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    table_count(r, list.total, N_("%s document"), N_("%s documents"));
    if (list.count == 0)
        page_empty(r, _("No document matches. Change the filters."), NULL, NULL);
    else
        documents_table(r, &list, &l, !pl);
    page_end(r, 200);
}

void platform_documents_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    struct listing l;
    table_listing(r, &l, 30);
    struct document_filter f = {.platform_key = pl->key};
    struct page p = {.title = _("Documents"), .context = pl->alliance_name, .nav = "documents"};
    page_crumb(&p, _("Alliances"), "/");
    page_crumb(&p, pl->alliance_name, page_href(r, "/alliances/", pl->alliance_slug, ""));
    page_crumb(&p, pl->name, page_href(r, "/platforms/", pl->id, ""));
    page_crumb(&p, _("Documents"), NULL);
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n", arena_printf(&r->arena, _("Documents of %s"), pl->name));
    bool may = rights_may(rights_on_platform(&r->ctx, pl->key, RIGHT_WRITE_ITEMS));
    char *add = page_href(r, "/platforms/", pl->id, "/documents/new");
    if (may)
        html_printf(b, "<p><a class=\"button\" href=\"%s\">%s</a></p>\n", add, _("Add a document"));
    filters_form(r, page_href(r, "/platforms/", pl->id, "/documents"), &f, &l);
    struct document_list list;
    if (document_list(&r->ctx, &f, &l, &list) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    table_count(r, list.total, N_("%s document"), N_("%s documents"));
    if (list.count == 0)
        page_empty(r, _("No documents yet. Add the first document of this platform."),
                   may ? add : NULL, _("Add a document"));
    else
        documents_table(r, &list, &l, false);
    page_end(r, 200);
}

void document_platform_section(struct request *r, const struct platform *pl)
{
    struct buf *b = &r->out;
    struct listing l;
    listing_default(&l);
    l.limit = 5;
    struct document_filter f = {.platform_key = pl->key};
    struct document_list list;
    if (document_list(&r->ctx, &f, &l, &list) != STATUS_OK)
        return;
    bool may = rights_may(rights_on_platform(&r->ctx, pl->key, RIGHT_WRITE_ITEMS));
    char *add = page_href(r, "/platforms/", pl->id, "/documents/new");
    html_printf(b, "<h2 id=\"documents\">%s</h2>\n", _("Documents"));
    if (list.total == 0) {
        page_empty(r, _("No documents yet. Add the first document of this platform."),
                   may ? add : NULL, _("Add a document"));
        return;
    }
    html_raw(b, "<ul>");
    for (int i = 0; i < list.count; i++) {
        struct document *d = &list.items[i];
        html_printf(b, "<li><a href=\"%s\">%s</a> <span class=\"muted small\">%s · %s</span></li>",
                    page_href(r, "/documents/", d->id, ""), d->title,
                    document_type_label(d->doc_type), kind_label(r, d));
    }
    html_raw(b, "</ul>\n");
    html_printf(b, "<p><a href=\"%s\">", page_href(r, "/platforms/", pl->id, "/documents"));
    html_printf(
        b, ngettext("See the %lld document", "See all %lld documents", (unsigned long)list.total),
        (long long)list.total);
    html_raw(b, "</a>");
    if (may)
        html_printf(b, " · <a href=\"%s\">%s</a>", add, _("Add a document"));
    html_raw(b, "</p>\n");
}

static void document_crumbs(struct request *r, struct page *p, const struct document *d,
                            bool current)
{
    page_crumb(p, _("Alliances"), "/");
    page_crumb(p, d->alliance_name, page_href(r, "/alliances/", d->alliance_slug, ""));
    page_crumb(p, d->platform_name, page_href(r, "/platforms/", d->platform_id, ""));
    page_crumb(p, d->title, current ? NULL : page_href(r, "/documents/", d->id, ""));
}

/* dublin_core writes the record's elements that have a value. */
static void dublin_core(struct request *r, const struct document *d)
{
    const struct {
        const char *label, *value;
    } elements[] = {
        {_("Title"), d->title},
        {_("Creator"), d->creator},
        {_("Subject"), d->subject},
        {_("Publisher"), d->publisher},
        {_("Contributors"), d->contributor},
        {_("Date"), d->date},
        {_("Type"), d->type},
        {_("Format"), d->format},
        {_("Identifier"), d->identifier},
        {_("Source"), d->source},
        {_("Language"), d->language},
        {_("Relation"), d->relation},
        {_("Coverage"), d->coverage},
        {_("Rights"), d->rights},
    };
    html_printf(&r->out, "<h2>%s</h2><dl class=\"summary\">", _("Catalogue record"));
    for (size_t i = 0; i < sizeof elements / sizeof elements[0]; i++)
        if (elements[i].value && *elements[i].value)
            page_fact(r, elements[i].label, elements[i].value);
    html_raw(&r->out, "</dl>\n");
}

void document_page(struct request *r)
{
    struct document *d;
    enum status s = document_find(&r->ctx, request_capture(r, 0), &d);
    if (!page_allowed(r, s))
        return;
    struct page p = {.title = d->title, .context = d->alliance_name, .nav = "documents"};
    document_crumbs(r, &p, d, true);
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b, "<p class=\"caption\">%s</p><h1>%s</h1>\n<ul class=\"tags\"><li>",
                document_type_label(d->doc_type), d->title);
    page_tag(r, "purple", document_type_label(d->doc_type));
    html_raw(b, "</li>");
    if (str_eq(d->status, "draft")) {
        html_raw(b, "<li>");
        page_tag(r, "grey", _("Draft"));
        html_raw(b, "</li>");
    }
    html_raw(b, "<li>");
    page_tag(r, "blue", document_visibility_label(d->visibility));
    html_raw(b, "</li></ul>\n");
    if (d->file_key)
        html_printf(b, "<p><a class=\"button\" href=\"%s\" download>%s</a> %s</p>\n",
                    page_href(r, "/documents/", d->id, "/file"), _("Download"),
                    arena_printf(&r->arena, "%s (%s)", d->file_name, kind_label(r, d)));
    else
        html_printf(b,
                    "<p><a class=\"button\" href=\"%s\" rel=\"nofollow noopener\">%s</a> "
                    "<span class=\"muted small\">%s</span></p>\n",
                    d->url, _("Open the document"), d->url);
    if (*d->description) {
        html_printf(b, "<h2>%s</h2><div class=\"prose\">", _("Description"));
        html_markdown(b, d->description);
        html_raw(b, "</div>\n");
    }
    dublin_core(r, d);
    struct share_item item = SHARE_ITEM_OF("document", d);
    share_item_section(r, &item);
    discussion_item_section(r, "document", d->key, d->id);
    page_side(r);
    html_printf(b, "<section class=\"card\"><h2>%s</h2><dl class=\"summary\">", _("About"));
    page_fact_begin(r, _("Platform"));
    html_printf(b, "<a href=\"%s\">%s</a>", page_href(r, "/platforms/", d->platform_id, ""),
                d->platform_name);
    page_fact_end(r);
    page_fact(r, _("Level"), d->level_label);
    page_fact_begin(r, _("Added"));
    page_date(r, arena_strndup(&r->arena, d->created_at, 10));
    page_fact_end(r);
    if (d->author_id) {
        page_fact_begin(r, _("Added by"));
        html_printf(b, "<a href=\"%s\">%s</a>", page_href(r, "/people/", d->author_id, ""),
                    d->author_name);
        page_fact_end(r);
    } else if (!d->attributed) {
        page_fact(r, _("Added by"), _("Not named: shared without attribution"));
    }
    html_raw(b, "</dl></section>\n");
    bool edit = document_may_edit(&r->ctx, d);
    bool remove = rights_may(rights_on_platform(&r->ctx, d->platform_key, RIGHT_PUBLISH_ITEMS));
    if (edit || remove) {
        html_printf(b, "<section class=\"card\"><h2>%s</h2><ul>", _("Actions"));
        if (edit)
            html_printf(b, "<li><a href=\"%s\">%s</a></li>",
                        page_href(r, "/documents/", d->id, "/edit"), _("Edit the document"));
        if (remove)
            html_printf(b, "<li><a href=\"%s\">%s</a></li>",
                        page_href(r, "/documents/", d->id, "/delete"), _("Delete the document"));
        html_raw(b, "</ul></section>\n");
    }
    share_item_side(r, &item);
    question_item_side(r, "document", d->key);
    page_end(r, 200);
}

void document_file_page(struct request *r)
{
    struct document *d;
    enum status s = document_find(&r->ctx, request_capture(r, 0), &d);
    if (!page_allowed(r, s))
        return;
    char dir[FILES_PATH_MAX];
    struct download dl = {
        .sha256 = d->sha256, .media_type = d->media_type, .file_name = d->file_name};
    if (!d->file_key) {
        page_error(r, 404, _("This document is a link to another site, not a file kept here"));
        return;
    }
    if (config_files(r->config, dir, sizeof dir) != 0 ||
        document_file_open(d, dir, &dl.fd, &dl.size) != STATUS_OK) {
        page_error(r, 404, _("The file of this document is not on this server"));
        return;
    }
    download_send(r, &dl);
}

/* document_read_form copies the form's fields into d. */
static void document_read_form(struct request *r, struct document *d)
{
    static const char *const names[] = {"title",     "creator",     "subject", "description",
                                        "publisher", "contributor", "date",    "type",
                                        "format",    "identifier",  "source",  "language",
                                        "relation",  "coverage",    "rights"};
    char **fields[] = {&d->title,       &d->creator,  &d->subject,  &d->description, &d->publisher,
                       &d->contributor, &d->date,     &d->type,     &d->format,      &d->identifier,
                       &d->source,      &d->language, &d->relation, &d->coverage,    &d->rights};
    for (int i = 0; i < 15; i++)
        *fields[i] = (char *)request_form(r, names[i]);
    d->doc_type = (char *)request_form(r, "doc_type");
    d->visibility = (char *)request_form(r, "visibility");
    d->status = (char *)request_form(r, "status");
    if (request_form(r, "url"))
        d->url = (char *)request_form(r, "url");
}

/* document_fields writes the fields every form of a document has. */
static void document_fields(struct request *r, const struct document *d, int64_t platform_key,
                            const struct problems *p)
{
    form_input(r, p, "title", _("Title"), NULL, d->title, "text", false);
    form_select(r, p, "doc_type", _("Kind of document"), NULL,
                type_options(r, _("Choose the kind")), DOCUMENT_TYPE_COUNT + 1, d->doc_type);
    form_textarea(r, p, "description", _("Description"),
                  _("What it is about and who it is for. You can use Markdown."), d->description,
                  5);
    form_input(r, p, "creator", _("Creator"), _("Who wrote or made it: people or organisations."),
               d->creator, "text", false);
    form_input(r, p, "subject", _("Subject"), _("Keywords, separated by semicolons."), d->subject,
               "text", false);
    form_input(r, p, "date", _("Date"), _("When it was made: 2024, 2024-06 or 2024-06-30."),
               d->date, "text", true);
    form_input(r, p, "language", _("Language"), _("A code, such as en, fr or pt-BR."), d->language,
               "text", true);
    html_printf(&r->out, "<details class=\"details\"><summary>%s</summary>",
                _("More of the catalogue record (Dublin Core)"));
    form_input(r, p, "publisher", _("Publisher"), NULL, d->publisher, "text", false);
    form_input(r, p, "contributor", _("Contributors"), NULL, d->contributor, "text", false);
    form_input(r, p, "type", _("Type"), _("Such as Text, Image or Dataset."), d->type, "text",
               false);
    form_input(r, p, "format", _("Format"), _("Left empty, the format of the file."), d->format,
               "text", false);
    form_input(r, p, "identifier", _("Identifier"), _("Such as an ISBN, a DOI or a reference."),
               d->identifier, "text", false);
    form_input(r, p, "source", _("Source"), _("What it was taken from."), d->source, "text", false);
    form_input(r, p, "relation", _("Relation"), _("A related document or project."), d->relation,
               "text", false);
    form_input(r, p, "coverage", _("Coverage"), _("The places or period it is about."), d->coverage,
               "text", false);
    form_input(r, p, "rights", _("Rights"), _("Such as a licence, or who may copy it."), d->rights,
               "text", false);
    html_raw(&r->out, "</details>\n");
    struct form_option vis[3] = {{"alliance", document_visibility_label("alliance")},
                                 {"platform", document_visibility_label("platform")},
                                 {"public", document_visibility_label("public")}};
    form_select(r, p, "visibility", _("Who may read it"), NULL, vis, 3, d->visibility);
    if (rights_may(rights_on_platform(&r->ctx, platform_key, RIGHT_PUBLISH_ITEMS))) {
        struct form_option status[2] = {{"draft", _("Draft: only you and the platform's "
                                                    "editors see it")},
                                        {"published", _("Published")}};
        form_select(r, p, "status", _("Status"), NULL, status, 2, d->status);
    } else {
        form_hidden(r, "status", "draft");
    }
}

static void document_new_form(struct request *r, const struct platform *pl,
                              const struct document *d, const struct problems *p, int status)
{
    struct page page = {
        .title = _("Add a document"), .context = pl->alliance_name, .nav = "documents"};
    page_crumb(&page, _("Alliances"), "/");
    page_crumb(&page, pl->alliance_name, page_href(r, "/alliances/", pl->alliance_slug, ""));
    page_crumb(&page, pl->name, page_href(r, "/platforms/", pl->id, ""));
    page_crumb(&page, _("Add a document"), NULL);
    page_begin(r, &page);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n", _("Add a document"));
    form_error_summary(r, p);
    html_printf(b,
                "<form method=\"post\" action=\"%s\" enctype=\"multipart/form-data\" "
                "novalidate>\n",
                page_href(r, "/platforms/", pl->id, "/documents/new"));
    form_hidden(r, "csrf", request_csrf(r));
    const char *error = p ? problems_for(p, "file") : NULL;
    html_printf(b, "<div class=\"field%s\"><label class=\"label\" for=\"f-file\">%s</label>",
                error ? " field--error" : "", _("File"));
    html_printf(b, "<span class=\"hint\" id=\"f-file-hint\">%s</span>",
                arena_printf(&r->arena,
                             _("A PDF, Word, Excel, PowerPoint or OpenDocument file, an image, a "
                               "ZIP archive or text, up to %s.%s"),
                             size_label(r, (int64_t)r->config->upload_limit),
                             p && p->count ? _(" Choose it again: files are not kept when the "
                                               "form has a problem.")
                                           : ""));
    if (error)
        html_printf(b,
                    "<p class=\"field-error\" id=\"f-file-error\"><span "
                    "class=\"visually-hidden\">%s</span> %s</p>",
                    _("Error:"), error);
    html_printf(b,
                "<input class=\"file-upload\" id=\"f-file\" name=\"file\" type=\"file\" "
                "aria-describedby=\"f-file-hint%s\"></div>\n",
                error ? " f-file-error" : "");
    form_input(r, p, "url", _("Or the address of a document on another site"),
               _("Starting with https://. Leave it empty when you choose a file."), d->url, "url",
               false);
    document_fields(r, d, pl->key, p);
    form_end(r, _("Add the document"), page_href(r, "/platforms/", pl->id, "/documents"), false);
    page_end(r, status);
}

void document_new_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl || !page_allowed(r, rights_on_platform(&r->ctx, pl->key, RIGHT_WRITE_ITEMS)))
        return;
    struct document d = {.status = "draft", .visibility = "alliance"};
    document_new_form(r, pl, &d, NULL, 200);
}

/* keep puts the upload in its place, once the document's checks passed. */
static int keep(void *arg)
{
    return upload_keep(arg);
}

static void document_uploaded(struct request *r, struct upload *u)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    struct document d = {.platform_id = pl->id};
    document_read_form(r, &d);
    struct problems p = {0};
    if (u->status && (u->status != 400 || !u->field)) {
        page_error(r, u->status, u->message);
        return;
    }
    if (!request_csrf_ok(r)) {
        page_error(r, 403,
                   _("This form has expired or did not come from this site. Go back, reload the "
                     "page and try again."));
        return;
    }
    if (u->status) { /* a problem with the file: the form again, with what was typed */
        problems_invalid(&p, u->field, u->message);
        document_new_form(r, pl, &d, &p, 400);
        return;
    }
    struct document_file file = {u->sha256, (int64_t)u->size, u->kind ? u->kind->type : "",
                                 u->file_name, u->text};
    enum status s = document_create(&r->ctx, &d, u->has_file ? &file : NULL, keep, u, &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/documents/", d.id, ""));
    else if (p.count)
        document_new_form(r, pl, &d, &p, status_http(problems_status(&p)));
    else
        page_fail(r, s);
}

void document_create_post(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl || !page_allowed(r, rights_on_platform(&r->ctx, pl->key, RIGHT_WRITE_ITEMS)))
        return;
    if (r->boundary) {
        upload_receive(r, "file", document_uploaded);
        return;
    }
    /* Sent as an ordinary form (no file can come that way): a link, or the
     * form again. */
    struct upload none = {.file_name = "", .text = ""};
    document_uploaded(r, &none);
}

static void document_edit_form(struct request *r, const struct document *before,
                               const struct document *d, const struct problems *p)
{
    struct page page = {
        .title = _("Edit the document"), .context = before->alliance_name, .nav = "documents"};
    document_crumbs(r, &page, before, false);
    page_crumb(&page, _("Edit"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n", _("Edit the document"));
    form_begin(r, page_href(r, "/documents/", before->id, "/edit"), p);
    if (before->file_key)
        html_printf(&r->out, "<p>%s <strong>%s</strong> (%s)</p>\n", _("The file:"),
                    before->file_name, kind_label(r, before));
    else
        form_input(r, p, "url", _("Address of the document"), _("Starting with https://."), d->url,
                   "url", false);
    document_fields(r, d, before->platform_key, p);
    form_end(r, _("Save changes"), page_href(r, "/documents/", before->id, ""), false);
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void document_edit_page(struct request *r)
{
    struct document *d;
    enum status s = document_find(&r->ctx, request_capture(r, 0), &d);
    if (!page_allowed(r, s))
        return;
    if (!document_may_edit(&r->ctx, d)) {
        page_fail(r, r->ctx.viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED);
        return;
    }
    document_edit_form(r, d, d, NULL);
}

void document_edit_post(struct request *r)
{
    struct document *before;
    enum status s = document_find(&r->ctx, request_capture(r, 0), &before);
    if (!page_allowed(r, s))
        return;
    struct document d = *before;
    document_read_form(r, &d);
    struct problems p = {0};
    s = document_update(&r->ctx, &d, &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/documents/", d.id, ""));
    else if (p.count)
        document_edit_form(r, before, &d, &p);
    else
        page_fail(r, s);
}

void document_delete_page(struct request *r)
{
    struct document *d;
    enum status s = document_find(&r->ctx, request_capture(r, 0), &d);
    if (!page_allowed(r, s) ||
        !page_allowed(r, rights_on_platform(&r->ctx, d->platform_key, RIGHT_PUBLISH_ITEMS)))
        return;
    struct page page = {
        .title = _("Delete the document"), .context = d->alliance_name, .nav = "documents"};
    document_crumbs(r, &page, d, false);
    page_crumb(&page, _("Delete"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n<p>%s</p>\n", _("Delete the document"),
                _("The document will be deleted from the library. A record of the deletion, and "
                  "of its catalogue record, stays in the audit trail."));
    form_begin(r, page_href(r, "/documents/", d->id, "/delete"), NULL);
    form_end(r, _("Delete the document"), page_href(r, "/documents/", d->id, ""), true);
    page_end(r, 200);
}

void document_delete_post(struct request *r)
{
    struct document *d;
    enum status s = document_find(&r->ctx, request_capture(r, 0), &d);
    if (!page_allowed(r, s))
        return;
    s = document_delete(&r->ctx, d);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/platforms/", d->platform_id, "/documents"));
    else
        page_fail(r, s);
}
