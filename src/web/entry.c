/*
 * web/entry.c — the process-documentation journal as pages: a platform's
 * journal as a timeline (grouped by month, newest first, filtered by kind and
 * date, paged), an entry's page (the entry first, then its attachments; when,
 * where and who beside it), and the forms to write, edit and delete one.
 */
#include "domain/entry.h"

#include "core/arena.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/platform.h"
#include "domain/rights.h"
#include "domain/share.h"
#include "web/form.h"
#include "web/html.h"
#include "web/load.h"
#include "web/page.h"
#include "web/table.h"
#include "web/web.h"

#include <stdio.h>
#include <string.h>

#define JOURNAL_PER_PAGE 20
#define EXCERPT_BYTES    240

static const char *kind_colour(const char *kind)
{
    static const char *const colours[ENTRY_KIND_COUNT] = {"blue", "green", "purple", "turquoise",
                                                          "orange"};
    for (int i = 0; i < ENTRY_KIND_COUNT; i++)
        if (str_eq(kind, entry_kinds[i]))
            return colours[i];
    return "grey";
}

/* kind_options lists the kinds for a select, after an empty choice. */
static struct form_option *kind_options(struct request *r, const char *empty)
{
    struct form_option *o = arena_array(&r->arena, ENTRY_KIND_COUNT + 1, sizeof *o);
    o[0].value = "";
    o[0].label = empty;
    for (int i = 0; i < ENTRY_KIND_COUNT; i++) {
        o[i + 1].value = entry_kinds[i];
        o[i + 1].label = entry_kind_label(entry_kinds[i]);
    }
    return o;
}

/* filters_form writes the GET form above the timeline and fills f from the
 * address (a kind or date that is not one is left out). */
static void filters_form(struct request *r, const char *action, struct entry_filter *f)
{
    struct buf *b = &r->out;
    const char *kind = request_query(r, "kind");
    f->kind = entry_kind_valid(kind) ? kind : NULL;
    f->from = table_query_date(r, "from");
    f->to = table_query_date(r, "to");
    html_printf(b,
                "<form class=\"filters\" method=\"get\" action=\"%s\"><div class=\"field\">"
                "<label class=\"label\" for=\"f-kind\">%s</label><select class=\"select\" "
                "id=\"f-kind\" name=\"kind\">",
                action, _("Kind"));
    struct form_option *o = kind_options(r, _("All kinds"));
    for (int i = 0; i <= ENTRY_KIND_COUNT; i++)
        html_printf(b, "<option value=\"%s\"%s>%s</option>", o[i].value,
                    str_eq(f->kind ? f->kind : "", o[i].value) ? " selected" : "", o[i].label);
    html_printf(b,
                "</select></div><div class=\"field\"><label class=\"label\" for=\"f-from\">%s"
                "</label><input class=\"input input--short\" id=\"f-from\" name=\"from\" "
                "type=\"date\" value=\"%s\"></div><div class=\"field\"><label class=\"label\" "
                "for=\"f-to\">%s</label><input class=\"input input--short\" id=\"f-to\" "
                "name=\"to\" type=\"date\" value=\"%s\"></div>",
                _("From"), f->from ? f->from : "", _("To"), f->to ? f->to : "");
    html_printf(b,
                "<div class=\"field\"><button class=\"button button--secondary\" "
                "type=\"submit\">%s</button></div></form>\n",
                _("Filter"));
}

/* excerpt returns the start of a Markdown text as one plain line: marks of
 * emphasis, headings, quotes and images left out, a link reduced to its
 * text; cut at a word near EXCERPT_BYTES (never inside a character), with
 * "…" when cut. Allocated in the arena. */
static char *excerpt(struct request *r, const char *markdown)
{
    struct buf b;
    buf_init(&b, 1 << 16);
    bool space = false, line_start = true;
    size_t cut = 0;
    const char *s = markdown;
    for (; *s && b.len < EXCERPT_BYTES; s++) {
        if (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t') {
            space = b.len > 0;
            line_start = line_start || *s == '\n';
            continue;
        }
        if ((line_start && (*s == '#' || *s == '>')) || strchr("*_`[", *s) ||
            (*s == '!' && s[1] == '['))
            continue;
        line_start = false;
        if (*s == ']' && s[1] == '(') { /* a link's address: left out */
            int depth = 0;
            for (s++; s[1] && !(*s == ')' && --depth == 0); s++)
                depth += *s == '(';
            continue;
        }
        if (space) {
            cut = b.len;
            buf_putc(&b, ' ');
            space = false;
        }
        buf_putc(&b, *s);
    }
    char *text = arena_strdup(&r->arena, b.data ? b.data : "");
    buf_free(&b);
    if (!*s)
        return text;
    size_t end = cut ? cut : strlen(text);
    while (end > 0 && ((unsigned char)text[end] & 0xC0) == 0x80)
        end--; /* not inside a character */
    return arena_printf(&r->arena, "%.*s…", (int)end, text);
}

/* timeline writes a page of entries as a timeline: one heading a month,
 * then each entry with its date on the left. */
static void timeline(struct request *r, const struct entry_list *list)
{
    struct buf *b = &r->out;
    html_raw(b, "<ol class=\"timeline\">");
    for (int i = 0; i < list->count; i++) {
        const struct entry *e = &list->items[i];
        if (i == 0 || strncmp(e->happened_on, list->items[i - 1].happened_on, 7) != 0) {
            char month[64];
            if (clock_format_month(e->happened_on, month, sizeof month) != 0)
                snprintf(month, sizeof month, "%.7s", e->happened_on);
            if (i)
                html_raw(b, "</ol></li>");
            html_printf(b, "<li><h2>%s</h2><ol>", month);
        }
        html_raw(b, "<li class=\"timeline__item\"><div class=\"timeline__date\">");
        page_date(r, e->happened_on);
        html_printf(b, "</div><div><h3><a href=\"%s\">%s</a></h3><ul class=\"tags\"><li>",
                    page_href(r, "/entries/", e->id, ""), e->title);
        page_tag(r, kind_colour(e->kind), entry_kind_label(e->kind));
        html_raw(b, "</li>");
        if (str_eq(e->status, "draft")) {
            html_raw(b, "<li>");
            page_tag(r, "grey", _("Draft"));
            html_raw(b, "</li>");
        }
        html_raw(b, "</ul>");
        if (*e->place || *e->people)
            html_printf(b, "<p class=\"muted small\">%s%s%s</p>", e->place,
                        *e->place && *e->people ? " · " : "", e->people);
        if (*e->body)
            html_printf(b, "<p>%s</p>", excerpt(r, e->body));
        html_raw(b, "</div></li>\n");
    }
    if (list->count)
        html_raw(b, "</ol></li>");
    html_raw(b, "</ol>\n");
}

void platform_journal_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    struct listing l;
    table_listing(r, &l, JOURNAL_PER_PAGE);
    l.sort = NULL; /* newest first, always: a timeline */
    l.descending = false;
    struct entry_filter f = {.platform_key = pl->key};
    struct page p = {.title = _("Journal"), .context = pl->alliance_name, .nav = "alliances"};
    page_crumb(&p, _("Alliances"), "/");
    page_crumb(&p, pl->alliance_name, page_href(r, "/alliances/", pl->alliance_slug, ""));
    page_crumb(&p, pl->name, page_href(r, "/platforms/", pl->id, ""));
    page_crumb(&p, _("Journal"), NULL);
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n",
                arena_printf(&r->arena, _("Journal of %s"), pl->name),
                _("What happened on this platform, written down as it happened: observations, "
                  "stories of change, reflections, quotes and photos."));
    bool may = rights_may(rights_on_platform(&r->ctx, pl->key, RIGHT_WRITE_ITEMS));
    char *add = page_href(r, "/platforms/", pl->id, "/journal/new");
    if (may)
        html_printf(b, "<p><a class=\"button\" href=\"%s\">%s</a></p>\n", add, _("Write an entry"));
    filters_form(r, page_href(r, "/platforms/", pl->id, "/journal"), &f);
    struct entry_list list;
    if (entry_list(&r->ctx, &f, &l, &list) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    table_count(r, list.total, N_("%s entry"), N_("%s entries"));
    if (list.count == 0 && (f.kind || f.from || f.to))
        page_empty(r, _("No entry matches. Change the filters."), NULL, NULL);
    else if (list.count == 0)
        page_empty(r,
                   _("No journal entries yet. The journal keeps what happens on this platform "
                     "as it happens: write the first entry."),
                   may ? add : NULL, _("Write an entry"));
    else
        timeline(r, &list);
    table_pagination(r, &l, list.total);
    page_end(r, 200);
}

static void entry_crumbs(struct request *r, struct page *p, const struct entry *e, bool current)
{
    page_crumb(p, _("Alliances"), "/");
    page_crumb(p, e->alliance_name, page_href(r, "/alliances/", e->alliance_slug, ""));
    page_crumb(p, e->platform_name, page_href(r, "/platforms/", e->platform_id, ""));
    page_crumb(p, _("Journal"), page_href(r, "/platforms/", e->platform_id, "/journal"));
    page_crumb(p, e->title, current ? NULL : page_href(r, "/entries/", e->id, ""));
}

/* entry_side writes the facts beside an entry and the actions the viewer may take. */
static void entry_side(struct request *r, const struct entry *e)
{
    struct buf *b = &r->out;
    html_printf(b, "<section class=\"card\"><h2>%s</h2><dl class=\"summary\">", _("About"));
    page_fact_begin(r, _("Date"));
    page_date(r, e->happened_on);
    page_fact_end(r);
    if (*e->place)
        page_fact(r, _("Place"), e->place);
    if (*e->people)
        page_fact(r, _("People involved"), e->people);
    page_fact_begin(r, _("Platform"));
    html_printf(b, "<a href=\"%s\">%s</a>", page_href(r, "/platforms/", e->platform_id, ""),
                e->platform_name);
    page_fact_end(r);
    page_fact(r, _("Level"), e->level_label);
    if (e->author_id) {
        page_fact_begin(r, _("Written by"));
        html_printf(b, "<a href=\"%s\">%s</a>", page_href(r, "/people/", e->author_id, ""),
                    e->author_name);
        page_fact_end(r);
    } else if (!e->attributed) {
        page_fact(r, _("Written by"), _("Not named: shared without attribution"));
    }
    html_raw(b, "</dl></section>\n");
    bool edit = entry_may_edit(&r->ctx, e), remove = entry_may_delete(&r->ctx, e);
    if (edit || remove) {
        html_printf(b, "<section class=\"card\"><h2>%s</h2><ul>", _("Actions"));
        if (edit)
            html_printf(b, "<li><a href=\"%s\">%s</a></li>",
                        page_href(r, "/entries/", e->id, "/edit"), _("Edit the entry"));
        if (remove)
            html_printf(b, "<li><a href=\"%s\">%s</a></li>",
                        page_href(r, "/entries/", e->id, "/delete"), _("Delete the entry"));
        html_raw(b, "</ul></section>\n");
    }
}

void entry_page(struct request *r)
{
    struct entry *e;
    enum status s = entry_find(&r->ctx, request_capture(r, 0), &e);
    if (!page_allowed(r, s))
        return;
    struct page p = {.title = e->title, .context = e->alliance_name, .nav = "alliances"};
    entry_crumbs(r, &p, e, true);
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b, "<p class=\"caption\">%s</p><h1>%s</h1>\n<ul class=\"tags\"><li>",
                _("Journal entry"), e->title);
    page_tag(r, kind_colour(e->kind), entry_kind_label(e->kind));
    html_raw(b, "</li>");
    if (str_eq(e->status, "draft")) {
        html_raw(b, "<li>");
        page_tag(r, "grey", _("Draft"));
        html_raw(b, "</li>");
    }
    html_raw(b, "<li>");
    page_tag(r, "grey", entry_visibility_label(e->visibility));
    html_raw(b, "</li></ul>\n");
    if (*e->body) {
        bool quote = str_eq(e->kind, "quote");
        html_raw(b, quote ? "<blockquote class=\"prose\">" : "<div class=\"prose\">");
        html_markdown(b, e->body);
        html_raw(b, quote ? "</blockquote>\n" : "</div>\n");
    }
    if (e->link_count) {
        html_printf(b, "<h2>%s</h2><ul>", _("Attachments"));
        for (int i = 0; i < e->link_count; i++) {
            html_printf(b, "<li><a href=\"%s\"", e->links[i].url);
            if (e->links[i].url[0] != '/')
                html_raw(b, " rel=\"nofollow noopener\"");
            html_printf(b, ">%s</a></li>", e->links[i].label);
        }
        html_raw(b, "</ul>\n");
    }
    struct share_item item = SHARE_ITEM_OF("entry", e);
    share_item_section(r, &item);
    discussion_item_section(r, "entry", e->key, e->id);
    html_printf(b, "<p><a href=\"%s\">%s</a></p>\n",
                page_href(r, "/platforms/", e->platform_id, "/journal"), _("Back to the journal"));
    page_side(r);
    entry_side(r, e);
    share_item_side(r, &item);
    page_end(r, 200);
}

/* entry_read_form copies the form into e. */
static void entry_read_form(struct request *r, struct entry *e, struct problems *p)
{
    e->kind = (char *)request_form(r, "kind");
    e->title = (char *)request_form(r, "title");
    e->happened_on = (char *)request_form(r, "happened_on");
    e->place = (char *)request_form(r, "place");
    e->people = (char *)request_form(r, "people");
    e->body = (char *)request_form(r, "body");
    e->visibility = (char *)request_form(r, "visibility");
    e->status = (char *)request_form(r, "status");
    entry_links_parse(&r->ctx, e, request_form(r, "links"), p);
}

/* entry_form writes the fields of an entry. After an error, the attachments
 * are shown as typed (the form's own text), since what could not be read is
 * not in e. */
static void entry_form(struct request *r, const struct entry *e, int64_t platform_key,
                       const struct problems *p, const char *action, const char *button,
                       const char *cancel)
{
    form_begin(r, action, p);
    form_select(r, p, "kind", _("Kind of entry"),
                _("An observation of what you saw, a story of change, a reflection, the words "
                  "someone said, or a photo."),
                kind_options(r, _("Choose the kind")), ENTRY_KIND_COUNT + 1, e->kind);
    form_input(r, p, "title", _("Title"), _("What happened, in a few words."), e->title, "text",
               false);
    form_input(r, p, "happened_on", _("When it happened"), _("Such as 2026-03-12."), e->happened_on,
               "date", true);
    form_input(r, p, "place", _("Place"), _("Optional: the village, office or meeting."), e->place,
               "text", false);
    form_input(r, p, "people", _("People involved"),
               _("Optional: who took part or spoke, such as the water committee of Zuarungu."),
               e->people, "text", false);
    form_textarea(r, p, "body", _("The entry"),
                  _("What happened, what you saw, what was said or what you think of it. You "
                    "can use Markdown. A photo needs only a caption."),
                  e->body, 8);
    const char *links = p && p->count ? request_form(r, "links") : NULL;
    if (!links) {
        char *text = "";
        for (int i = 0; i < e->link_count; i++)
            text = arena_printf(&r->arena, "%s%s%s | %s", text, i ? "\n" : "", e->links[i].label,
                                e->links[i].url);
        links = text;
    }
    form_textarea(r, p, "links", _("Attachments"),
                  _("One a line: a label, a bar, and an address, such as Photo of the meeting | "
                    "https://example.org/meeting.jpg, or a document of this site such as "
                    "/documents/…"),
                  links, 3);
    struct form_option vis[3] = {{"platform", entry_visibility_label("platform")},
                                 {"alliance", entry_visibility_label("alliance")},
                                 {"public", entry_visibility_label("public")}};
    form_select(r, p, "visibility", _("Who may read it"),
                _("A journal is a safe space: entries stay with the platform unless you choose "
                  "otherwise."),
                vis, 3, str_empty(e->visibility) ? "platform" : e->visibility);
    form_item_status(r, p,
                     rights_may(rights_on_platform(&r->ctx, platform_key, RIGHT_PUBLISH_ITEMS)),
                     e->status, e->published_at != NULL);
    form_end(r, button, cancel, false);
}

static void entry_new_form(struct request *r, const struct platform *pl, const struct entry *e,
                           const struct problems *p)
{
    struct page page = {
        .title = _("Write a journal entry"), .context = pl->alliance_name, .nav = "alliances"};
    page_crumb(&page, _("Alliances"), "/");
    page_crumb(&page, pl->alliance_name, page_href(r, "/alliances/", pl->alliance_slug, ""));
    page_crumb(&page, pl->name, page_href(r, "/platforms/", pl->id, ""));
    page_crumb(&page, _("Journal"), page_href(r, "/platforms/", pl->id, "/journal"));
    page_crumb(&page, _("Write an entry"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n", _("Write a journal entry"));
    entry_form(r, e, pl->key, p, page_href(r, "/platforms/", pl->id, "/journal/new"),
               _("Save the entry"), page_href(r, "/platforms/", pl->id, "/journal"));
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void entry_new_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl || !page_allowed(r, rights_on_platform(&r->ctx, pl->key, RIGHT_WRITE_ITEMS)))
        return;
    struct entry e = {.status = "draft", .visibility = "platform"};
    const char *kind = request_query(r, "kind");
    e.kind = entry_kind_valid(kind) ? (char *)kind : NULL;
    entry_new_form(r, pl, &e, NULL);
}

void entry_create_post(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    struct entry e = {.platform_id = pl->id};
    struct problems p = {0};
    entry_read_form(r, &e, &p);
    enum status s = entry_create(&r->ctx, &e, &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/entries/", e.id, ""));
    else if (p.count && s == STATUS_INVALID)
        entry_new_form(r, pl, &e, &p);
    else
        page_fail(r, s);
}

static void entry_edit_form(struct request *r, const struct entry *before, const struct entry *e,
                            const struct problems *p)
{
    struct page page = {
        .title = _("Edit the entry"), .context = before->alliance_name, .nav = "alliances"};
    entry_crumbs(r, &page, before, false);
    page_crumb(&page, _("Edit"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n", _("Edit the entry"));
    entry_form(r, e, before->platform_key, p, page_href(r, "/entries/", before->id, "/edit"),
               _("Save changes"), page_href(r, "/entries/", before->id, ""));
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void entry_edit_page(struct request *r)
{
    struct entry *e;
    enum status s = entry_find(&r->ctx, request_capture(r, 0), &e);
    if (!page_allowed(r, s))
        return;
    if (!entry_may_edit(&r->ctx, e)) {
        page_fail(r, r->ctx.viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED);
        return;
    }
    entry_edit_form(r, e, e, NULL);
}

void entry_edit_post(struct request *r)
{
    struct entry *before;
    enum status s = entry_find(&r->ctx, request_capture(r, 0), &before);
    if (!page_allowed(r, s))
        return;
    struct entry e = *before;
    struct problems p = {0};
    entry_read_form(r, &e, &p);
    s = entry_update(&r->ctx, &e, &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/entries/", e.id, ""));
    else if (p.count && s == STATUS_INVALID)
        entry_edit_form(r, before, &e, &p);
    else
        page_fail(r, s);
}

void entry_delete_page(struct request *r)
{
    struct entry *e;
    enum status s = entry_find(&r->ctx, request_capture(r, 0), &e);
    if (!page_allowed(r, s) ||
        !page_allowed(r, rights_on_platform(&r->ctx, e->platform_key, RIGHT_PUBLISH_ITEMS)))
        return;
    struct page page = {
        .title = _("Delete the entry"), .context = e->alliance_name, .nav = "alliances"};
    entry_crumbs(r, &page, e, false);
    page_crumb(&page, _("Delete"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n<p>%s</p>\n", _("Delete the entry"),
                arena_printf(&r->arena,
                             _("The entry “%s” will be deleted from the journal. A record of the "
                               "deletion, and of everything it said, stays in the audit trail."),
                             e->title));
    form_begin(r, page_href(r, "/entries/", e->id, "/delete"), NULL);
    form_end(r, _("Delete the entry"), page_href(r, "/entries/", e->id, ""), true);
    page_end(r, 200);
}

void entry_delete_post(struct request *r)
{
    struct entry *e;
    enum status s = entry_find(&r->ctx, request_capture(r, 0), &e);
    if (!page_allowed(r, s))
        return;
    s = entry_delete(&r->ctx, e);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/platforms/", e->platform_id, "/journal"));
    else
        page_fail(r, s);
}
