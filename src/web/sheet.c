/*
 * web/sheet.c — the "Download CSV" of the lists of organisations, of people
 * and of a platform's members (domain/sheet.h): the list's filters, the
 * reader's rights, an attachment a spreadsheet opens. A plain link: no
 * script is needed.
 */
#include "domain/sheet.h"

#include "core/arena.h"
#include "core/csv.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/organisation.h"
#include "web/html.h"
#include "web/load.h"
#include "web/page.h"
#include "web/table.h"
#include "web/web.h"

void sheet_link(struct request *r, const char *path)
{
    struct buf *b = &r->out;
    html_raw(b, "<p class=\"download\"><a href=\"");
    html_text(b, path);
    /* The list's filters go along; its page and order do not. */
    const char *sep = "?";
    for (int i = 0; i < r->query_count; i++) {
        const char *name = r->query[i].name;
        if (!str_eq(name, "q") && !str_eq(name, "kind") && !str_eq(name, "organisation"))
            continue;
        html_raw(b, sep);
        sep = "&amp;";
        html_url_arg(b, name);
        html_raw(b, "=");
        html_url_arg(b, r->query[i].value);
    }
    html_printf(b, "\" download>%s</a></p>\n", _("Download CSV"));
}

/* send answers the export of kind as an attachment called file_name. The
 * whole file is built in r->out, whose cap bounds it. */
static void send(struct request *r, enum sheet_kind kind, const struct sheet_filter *f,
                 const char *file_name)
{
    struct csv_writer w;
    csv_writer_begin(&w, csv_sink_buf, &r->out);
    enum status s = sheet_export(&r->ctx, kind, f, &w, NULL, NULL);
    if (s != STATUS_OK || w.failed) {
        buf_reset(&r->out);
        if (w.failed)
            page_error(r, 500,
                       _("The list is too long to download from the web; an administrator "
                         "can write it with alliance csv export"));
        else
            page_fail(r, s);
        return;
    }
    request_set_header(r, "Content-Disposition",
                       arena_printf(&r->arena, "attachment; filename=\"%s\"", file_name));
    request_send(r, 200, "text/csv; charset=utf-8");
}

void organisation_csv_page(struct request *r)
{
    struct listing l;
    table_listing(r, &l, 50);
    const char *kind = request_query(r, "kind");
    struct sheet_filter f = {.query = l.query, .kind = str_empty(kind) ? NULL : kind};
    send(r, SHEET_ORGANISATIONS, &f, "organisations.csv");
}

void person_csv_page(struct request *r)
{
    struct listing l;
    table_listing(r, &l, 50);
    struct sheet_filter f = {.query = l.query};
    const char *org_id = request_query(r, "organisation");
    if (!str_empty(org_id)) {
        struct organisation *o;
        if (organisation_find(&r->ctx, org_id, &o) != STATUS_OK) {
            page_error(r, 404, _("No organisation has this id"));
            return;
        }
        f.organisation_key = o->key;
    }
    send(r, SHEET_PEOPLE, &f, "people.csv");
}

void platform_members_csv_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    struct sheet_filter f = {.platform_key = pl->key};
    send(r, SHEET_MEMBERSHIPS, &f, "members.csv");
}
