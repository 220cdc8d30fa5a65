/*
 * web/platform.c — a platform's page (members by role with their
 * capabilities, parent, children and peers), the forms to create, edit and
 * delete a platform, and to link it to a peer.
 */
#include "domain/platform.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/alliance.h"
#include "domain/enquiry.h"
#include "domain/entry.h"
#include "domain/lesson.h"
#include "domain/membership.h"
#include "domain/organisation.h"
#include "domain/rights.h"
#include "web/form.h"
#include "web/html.h"
#include "web/load.h"
#include "web/page.h"
#include "web/table.h"
#include "web/web.h"

/* platform_crumbs adds Alliances › alliance › parent › platform. */
static void platform_crumbs(struct request *r, struct page *p, const struct platform *pl,
                            bool current)
{
    page_crumb(p, _("Alliances"), "/");
    page_crumb(p, pl->alliance_name, page_href(r, "/alliances/", pl->alliance_slug, ""));
    if (pl->parent_id)
        page_crumb(p, pl->parent_name, page_href(r, "/platforms/", pl->parent_id, ""));
    page_crumb(p, pl->name, current ? NULL : page_href(r, "/platforms/", pl->id, ""));
}

/* lessons_section lists the platform's latest lessons the viewer may read. */
static void lessons_section(struct request *r, const struct platform *pl)
{
    struct buf *b = &r->out;
    struct listing l;
    listing_default(&l);
    l.limit = 5;
    struct lesson_filter f = {.platform_key = pl->key, .depth = -1};
    struct lesson_list list;
    if (lesson_list(&r->ctx, &f, &l, &list) != STATUS_OK)
        return;
    bool may = rights_may(rights_on_platform(&r->ctx, pl->key, RIGHT_WRITE_ITEMS));
    char *add = page_href(r, "/platforms/", pl->id, "/lessons/new");
    html_printf(b, "<h2 id=\"lessons\">%s</h2>\n", _("Lessons learned"));
    if (list.total == 0) {
        page_empty(r, _("No lessons yet. Record the first lesson of this platform."),
                   may ? add : NULL, _("Record a lesson"));
        return;
    }
    html_raw(b, "<ul>");
    for (int i = 0; i < list.count; i++) {
        struct lesson *ls = &list.items[i];
        html_printf(b, "<li><a href=\"%s\">%s</a> ", page_href(r, "/lessons/", ls->id, ""),
                    ls->title);
        page_tag(r,
                 str_eq(ls->outcome, "success")   ? "green"
                 : str_eq(ls->outcome, "failure") ? "red"
                                                  : "yellow",
                 lesson_outcome_label(ls->outcome));
        html_raw(b, "</li>");
    }
    html_raw(b, "</ul>\n");
    html_printf(b, "<p><a href=\"%s\">", page_href(r, "/platforms/", pl->id, "/lessons"));
    html_printf(b,
                ngettext("See the %lld lesson", "See all %lld lessons", (unsigned long)list.total),
                (long long)list.total);
    html_raw(b, "</a>");
    if (may)
        html_printf(b, " · <a href=\"%s\">%s</a>", add, _("Record a lesson"));
    html_raw(b, "</p>\n");
}

/* journal_section lists the latest journal entries the viewer may read. */
static void journal_section(struct request *r, const struct platform *pl)
{
    struct buf *b = &r->out;
    struct listing l;
    listing_default(&l);
    l.limit = 5;
    struct entry_filter f = {.platform_key = pl->key};
    struct entry_list list;
    if (entry_list(&r->ctx, &f, &l, &list) != STATUS_OK)
        return;
    bool may = rights_may(rights_on_platform(&r->ctx, pl->key, RIGHT_WRITE_ITEMS));
    char *add = page_href(r, "/platforms/", pl->id, "/journal/new");
    html_printf(b, "<h2 id=\"journal\">%s</h2>\n", _("Journal"));
    if (list.total == 0) {
        page_empty(r,
                   _("No journal entries yet. The journal keeps what happens on this platform "
                     "as it happens: write the first entry."),
                   may ? add : NULL, _("Write an entry"));
        return;
    }
    html_raw(b, "<ul>");
    for (int i = 0; i < list.count; i++) {
        struct entry *e = &list.items[i];
        html_raw(b, "<li>");
        page_date(r, e->happened_on);
        html_printf(b, " <a href=\"%s\">%s</a> <span class=\"muted small\">%s</span></li>",
                    page_href(r, "/entries/", e->id, ""), e->title, entry_kind_label(e->kind));
    }
    html_raw(b, "</ul>\n");
    html_printf(b, "<p><a href=\"%s\">", page_href(r, "/platforms/", pl->id, "/journal"));
    html_printf(b,
                ngettext("See the %lld entry of the journal", "See all %lld entries of the journal",
                         (unsigned long)list.total),
                (long long)list.total);
    html_raw(b, "</a>");
    if (may)
        html_printf(b, " · <a href=\"%s\">%s</a>", add, _("Write an entry"));
    html_raw(b, "</p>\n");
}

/* enquiries_section: the resource centre, with its questions answered for
 * everyone, and the open ones for those who answer them. */
static void enquiries_section(struct request *r, const struct platform *pl)
{
    struct buf *b = &r->out;
    struct listing l;
    listing_default(&l);
    l.limit = 1;
    struct enquiry_filter f = {.platform_key = pl->key, .faq = 1};
    struct enquiry_list faqs;
    if (enquiry_list(&r->ctx, &f, &l, &faqs) != STATUS_OK)
        return;
    html_printf(b, "<h2 id=\"resource-centre\">%s</h2>\n<p>", _("Resource centre"));
    html_printf(b, "<a href=\"%s\">", page_href(r, "/platforms/", pl->id, "/faq"));
    html_printf(b,
                ngettext("%lld frequently asked question", "%lld frequently asked questions",
                         (unsigned long)faqs.total),
                (long long)faqs.total);
    html_printf(b, "</a> · <a href=\"%s\">%s</a></p>\n",
                page_href(r, "/platforms/", pl->id, "/ask"), _("Ask the resource centre"));
    if (!rights_may(rights_on_platform(&r->ctx, pl->key, RIGHT_PUBLISH_ITEMS)))
        return;
    struct enquiry_filter open = {.platform_key = pl->key, .status = "open", .faq = -1};
    struct enquiry_list waiting;
    if (enquiry_list(&r->ctx, &open, &l, &waiting) != STATUS_OK)
        return;
    html_printf(b, "<p><a href=\"%s\">%s</a>: ", page_href(r, "/platforms/", pl->id, "/enquiries"),
                _("Enquiry desk"));
    html_printf(b,
                ngettext("%lld open enquiry", "%lld open enquiries", (unsigned long)waiting.total),
                (long long)waiting.total);
    html_raw(b, "</p>\n");
}

static void members_section(struct request *r, const struct platform *pl)
{
    struct buf *b = &r->out;
    struct listing l;
    table_listing(r, &l, 50);
    if (!l.sort)
        l.sort = "role";
    struct membership_filter f = {.platform_key = pl->key};
    struct membership_list list;
    if (membership_list(&r->ctx, &f, &l, &list) != STATUS_OK)
        return;
    bool manage = rights_may(rights_on_platform(&r->ctx, pl->key, RIGHT_MANAGE_MEMBERS));
    html_printf(b, "<h2 id=\"members\">%s</h2>\n", _("Members"));
    if (list.total == 0) {
        page_empty(r, _("No members yet. Add the people and organisations who take part."),
                   manage ? page_href(r, "/platforms/", pl->id, "/members/new") : NULL,
                   _("Add a member"));
        return;
    }
    table_count(r, list.total, N_("%s member"), N_("%s members"));
    sheet_link(r, page_href(r, "/platforms/", pl->id, "/members.csv"));
    html_raw(b, "<div class=\"table-wrap\"><table class=\"table\"><thead><tr>");
    table_sort_header(r, &l, "name", _("Name"), false);
    html_printf(b, "<th scope=\"col\">%s</th>", _("Organisation"));
    table_sort_header(r, &l, "role", _("Role"), false);
    html_printf(b, "<th scope=\"col\">%s</th>", _("Capabilities"));
    if (manage)
        html_printf(b, "<th scope=\"col\"><span class=\"visually-hidden\">%s</span></th>",
                    _("Actions"));
    html_raw(b, "</tr></thead><tbody>\n");
    for (int i = 0; i < list.count; i++) {
        struct membership *m = &list.items[i];
        html_raw(b, "<tr><td>");
        if (m->person_id)
            html_printf(b, "<a href=\"%s\">%s</a>", page_href(r, "/people/", m->person_id, ""),
                        m->person_name);
        else
            html_printf(b, "<a href=\"%s\">%s</a>",
                        page_href(r, "/organisations/", m->organisation_id, ""),
                        m->organisation_name);
        html_raw(b, "</td><td>");
        if (m->person_id && m->organisation_id)
            html_text(b, m->organisation_name);
        else if (!m->person_id)
            html_text(b, organisation_kind_label(m->organisation_kind));
        html_raw(b, "</td><td>");
        html_text(b, role_label(m->role));
        html_raw(b, "</td><td>");
        page_capability_text(r, m->capabilities);
        html_raw(b, "</td>");
        if (manage)
            html_printf(b,
                        "<td><a href=\"%s\">%s<span class=\"visually-hidden\"> %s</span></a>"
                        "</td>",
                        page_href(r, "/memberships/", m->id, "/edit"), _("Change"),
                        m->person_name ? m->person_name : m->organisation_name);
        html_raw(b, "</tr>\n");
    }
    html_raw(b, "</tbody></table></div>\n");
    table_pagination(r, &l, list.total);
}

static void children_section(struct request *r, const struct platform *pl)
{
    struct buf *b = &r->out;
    if (pl->child_count == 0)
        return;
    struct listing l;
    listing_default(&l);
    l.limit = LISTING_MAX_LIMIT;
    struct platform_filter f = {.parent_key = pl->key, .depth = -1};
    struct platform_list list;
    if (platform_list(&r->ctx, &f, &l, &list) != STATUS_OK)
        return;
    html_printf(b, "<h2>%s</h2>\n<ul class=\"tree\">", _("Platforms below"));
    for (int i = 0; i < list.count; i++) {
        struct platform *c = &list.items[i];
        html_printf(b,
                    "<li><div class=\"tree__item\"><a href=\"%s\">%s</a> "
                    "<span class=\"tree__meta\">%s · ",
                    page_href(r, "/platforms/", c->id, ""), c->name, c->level_label);
        html_printf(b, ngettext("%lld member", "%lld members", (unsigned long)c->member_count),
                    (long long)c->member_count);
        html_raw(b, "</span>");
        page_capability_gaps(r, c->capabilities);
        html_raw(b, "</div></li>");
    }
    html_raw(b, "</ul>\n");
    if (list.total > list.count)
        html_printf(b, "<p><a href=\"%s\">%s</a></p>",
                    page_href(r, "/alliances/", pl->alliance_slug, "/platforms"),
                    _("See every platform of the alliance"));
}

static void peers_section(struct request *r, const struct platform *pl)
{
    struct buf *b = &r->out;
    struct listing l;
    listing_default(&l);
    l.limit = LISTING_MAX_LIMIT;
    struct platform_link_list links;
    if (platform_links(&r->ctx, pl, &l, &links) != STATUS_OK)
        return;
    bool link = rights_may(rights_on_platform(&r->ctx, pl->key, RIGHT_LINK_PEERS));
    html_printf(b, "<h2>%s</h2>\n", _("Peers"));
    if (links.total == 0) {
        page_empty(r,
                   _("No peers yet. Link this platform to platforms at the same level that "
                     "it learns from, in this alliance or another."),
                   link ? page_href(r, "/platforms/", pl->id, "/peers/new") : NULL,
                   _("Link a peer"));
        return;
    }
    html_printf(b,
                "<table class=\"table\"><thead><tr><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>",
                _("Platform"), _("Alliance"), _("Note"));
    if (link)
        html_printf(b, "<th scope=\"col\"><span class=\"visually-hidden\">%s</span></th>",
                    _("Actions"));
    html_raw(b, "</tr></thead><tbody>\n");
    for (int i = 0; i < links.count; i++) {
        struct platform_link *k = &links.items[i];
        html_printf(b,
                    "<tr><td><a href=\"%s\">%s</a> <span class=\"muted\">%s</span></td>"
                    "<td>%s</td><td>%s</td>",
                    page_href(r, "/platforms/", k->other_id, ""), k->other_name,
                    k->other_level_label, k->other_alliance_name, k->note);
        if (link)
            html_printf(b,
                        "<td><a href=\"%s\">%s<span class=\"visually-hidden\"> %s</span>"
                        "</a></td>",
                        page_href(r, "/platform-links/", k->id, "/delete"), _("Remove"),
                        k->other_name);
        html_raw(b, "</tr>\n");
    }
    html_raw(b, "</tbody></table>\n");
}

static void platform_side(struct request *r, const struct platform *pl)
{
    struct buf *b = &r->out;
    html_printf(b, "<section class=\"card\"><h2>%s</h2><dl class=\"summary\">", _("About"));
    page_fact_begin(r, _("Alliance"));
    html_printf(b, "<a href=\"%s\">%s</a>", page_href(r, "/alliances/", pl->alliance_slug, ""),
                pl->alliance_name);
    page_fact_end(r);
    page_fact(r, _("Level"), pl->level_label);
    page_fact_begin(r, _("Parent"));
    if (pl->parent_id)
        html_printf(b, "<a href=\"%s\">%s</a>", page_href(r, "/platforms/", pl->parent_id, ""),
                    pl->parent_name);
    else
        html_text(b, _("None"));
    page_fact_end(r);
    if (*pl->place)
        page_fact(r, _("Place"), pl->place);
    page_fact_begin(r, _("Members"));
    html_int(b, pl->member_count);
    page_fact_end(r);
    page_fact_begin(r, _("Created"));
    page_date(r, pl->created_at);
    page_fact_end(r);
    html_raw(b, "</dl></section>\n");
    struct ctx *c = &r->ctx;
    bool manage = rights_may(rights_on_platform(c, pl->key, RIGHT_MANAGE_MEMBERS));
    bool link = rights_may(rights_on_platform(c, pl->key, RIGHT_LINK_PEERS));
    bool below = rights_may(platform_rights_add(c, pl->alliance_key, pl->key));
    bool edit = rights_may(rights_on_platform(c, pl->key, RIGHT_EDIT_PLATFORM));
    bool remove = rights_may(platform_rights_add(c, pl->alliance_key, pl->parent_key));
    bool audit = rights_may(rights_on_platform(c, pl->key, RIGHT_READ_AUDIT));
    if (!(manage || link || below || edit || remove || audit))
        return;
    html_printf(b, "<section class=\"card\"><h2>%s</h2><ul>", _("Actions"));
    if (manage)
        html_printf(b, "<li><a href=\"%s\">%s</a></li><li><a href=\"%s\">%s</a></li>",
                    page_href(r, "/platforms/", pl->id, "/members/new"), _("Add a member"),
                    page_href(r, "/platforms/", pl->id, "/invite"), _("Invite someone by email"));
    if (link)
        html_printf(b, "<li><a href=\"%s\">%s</a></li>",
                    page_href(r, "/platforms/", pl->id, "/peers/new"), _("Link a peer"));
    if (below)
        html_printf(b, "<li><a href=\"%s?parent=%s\">%s</a></li>",
                    page_href(r, "/alliances/", pl->alliance_slug, "/platforms/new"), pl->id,
                    _("Add a platform below"));
    if (edit)
        html_printf(b, "<li><a href=\"%s\">%s</a></li>",
                    page_href(r, "/platforms/", pl->id, "/edit"), _("Edit the platform"));
    if (remove)
        html_printf(b, "<li><a href=\"%s\">%s</a></li>",
                    page_href(r, "/platforms/", pl->id, "/delete"), _("Delete the platform"));
    if (audit)
        html_printf(b, "<li><a href=\"%s\">%s</a></li>",
                    page_href(r, "/platforms/", pl->id, "/audit"), _("See the audit trail"));
    html_raw(b, "</ul></section>\n");
}

void platform_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    struct page p = {.title = pl->name,
                     .context = pl->alliance_name,
                     .nav = "alliances",
                     .feed = feed_platform_href(r, pl)};
    platform_crumbs(r, &p, pl, true);
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b, "<p class=\"caption\">%s · %s</p><h1>%s</h1>\n", _("Platform"), pl->level_label,
                pl->name);
    if (*pl->description) {
        html_raw(b, "<div class=\"prose\">");
        html_markdown(b, pl->description);
        html_raw(b, "</div>\n");
    }
    html_printf(b, "<h2>%s</h2>\n", _("Capabilities on this platform"));
    page_capabilities(r, pl->capabilities, 1);
    lessons_section(r, pl);
    journal_section(r, pl);
    discussion_platform_section(r, pl);
    event_platform_section(r, pl);
    question_platform_section(r, pl);
    inclusion_platform_section(r, pl);
    stakeholder_platform_section(r, pl);
    document_platform_section(r, pl);
    enquiries_section(r, pl);
    share_platform_section(r, pl);
    indicator_platform_section(r, pl);
    flow_platform_link(r, pl);
    members_section(r, pl);
    children_section(r, pl);
    peers_section(r, pl);
    page_side(r);
    platform_side(r, pl);
    feed_platform_card(r, pl);
    monitoring_platform_card(r, pl);
    page_end(r, 200);
}

/* level_options lists the levels of an alliance for a select, after the
 * choice of following the parent. */
static struct form_option *level_options(struct request *r, const struct alliance *a)
{
    struct form_option *o = arena_array(&r->arena, (size_t)a->level_count + 1, sizeof *o);
    o[0].value = "";
    o[0].label = _("One level below the parent");
    for (int i = 0; i < a->level_count; i++) {
        o[i + 1].value = arena_printf(&r->arena, "%d", i);
        o[i + 1].label = a->levels[i];
    }
    return o;
}

/* parent_options lists the platforms that can be a parent, by level. */
static int parent_options(struct request *r, const struct alliance *a, int64_t self_key,
                          struct form_option **out)
{
    struct platform_list tree;
    if (platform_tree(&r->ctx, a->key, 500, &tree) != STATUS_OK)
        tree.count = 0;
    struct form_option *o = arena_array(&r->arena, (size_t)tree.count + 1, sizeof *o);
    o[0].value = "";
    o[0].label = _("None (top of its branch)");
    int n = 1;
    for (int i = 0; i < tree.count; i++) {
        if (tree.items[i].depth + 1 >= a->level_count || tree.items[i].key == self_key)
            continue; /* the lowest level has no children; nor is a platform its own parent */
        o[n].value = tree.items[i].id;
        o[n].label =
            arena_printf(&r->arena, "%s (%s)", tree.items[i].name, tree.items[i].level_label);
        n++;
    }
    *out = o;
    return n;
}

static void platform_form(struct request *r, const struct alliance *a, const struct platform *pl,
                          const struct problems *p, const char *action, const char *button,
                          const char *cancel)
{
    form_begin(r, action, p);
    form_input(r, p, "name", _("Name"), NULL, pl->name, "text", false);
    /* With a parent, the level follows it unless the person chooses otherwise. */
    char *depth = pl->depth >= 0 && str_empty(pl->parent_id)
                      ? arena_printf(&r->arena, "%d", pl->depth)
                      : NULL;
    form_select(r, p, "level", _("Level"),
                _("Leave it to follow the parent, or choose the top level for a platform "
                  "without a parent."),
                level_options(r, a), a->level_count + 1, depth);
    struct form_option *parents;
    int n = parent_options(r, a, pl->key, &parents);
    form_select(r, p, "parent", _("Parent platform"),
                _("The platform one level up that this platform reports to."), parents, n,
                pl->parent_id);
    form_input(r, p, "place", _("Place"), _("Town, district or region, such as Tamale."), pl->place,
               "text", false);
    form_textarea(r, p, "description", _("Description"),
                  _("What the platform is for and who takes part. You can use Markdown."),
                  pl->description, 6);
    form_end(r, button, cancel, false);
}

static void platform_read_form(struct request *r, struct platform *pl)
{
    pl->name = (char *)request_form(r, "name");
    pl->place = (char *)request_form(r, "place");
    pl->description = (char *)request_form(r, "description");
    pl->parent_id = (char *)request_form(r, "parent");
    int64_t depth;
    const char *level = request_form(r, "level");
    pl->depth = level && str_parse_int64(level, 0, 7, &depth) == 0 ? (int)depth : -1;
    if (level && *level && pl->depth < 0)
        pl->depth = 99; /* refused by validation as "not a level of this alliance" */
}

static void platform_new_form(struct request *r, const struct alliance *a,
                              const struct platform *pl, const struct problems *p)
{
    struct page page = {.title = _("Add a platform"), .context = a->name, .nav = "alliances"};
    page_crumb(&page, _("Alliances"), "/");
    page_crumb(&page, a->name, page_href(r, "/alliances/", a->slug, ""));
    page_crumb(&page, _("Add a platform"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n", _("Add a platform"));
    platform_form(r, a, pl, p, page_href(r, "/alliances/", a->slug, "/platforms/new"),
                  _("Add the platform"), page_href(r, "/alliances/", a->slug, ""));
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void platform_new_page(struct request *r)
{
    struct alliance *a = load_alliance(r, request_capture(r, 0));
    if (!a)
        return;
    struct platform pl = {.depth = 0, .name = "", .place = "", .description = ""};
    struct platform *parent;
    const char *parent_id = request_query(r, "parent");
    if (parent_id && platform_find(&r->ctx, parent_id, &parent) == STATUS_OK &&
        parent->alliance_key == a->key) {
        pl.parent_id = parent->id;
        pl.parent_key = parent->key;
        pl.depth = parent->depth + 1;
    }
    if (!page_allowed(r, platform_rights_add(&r->ctx, a->key, pl.parent_key)))
        return;
    platform_new_form(r, a, &pl, NULL);
}

void platform_create_post(struct request *r)
{
    struct alliance *a = load_alliance(r, request_capture(r, 0));
    if (!a)
        return;
    struct platform pl = {0};
    struct problems p = {0};
    platform_read_form(r, &pl);
    enum status s = platform_create(&r->ctx, a, &pl, &p);
    if (s != STATUS_OK) {
        if (p.count)
            platform_new_form(r, a, &pl, &p);
        else
            page_fail(r, s);
        return;
    }
    request_redirect(r, page_href(r, "/platforms/", pl.id, ""));
}

static void platform_edit_form(struct request *r, const struct alliance *a,
                               const struct platform *before, const struct platform *pl,
                               const struct problems *p)
{
    struct page page = {.title = _("Edit the platform"), .context = a->name, .nav = "alliances"};
    platform_crumbs(r, &page, before, false);
    page_crumb(&page, _("Edit"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n", _("Edit the platform"));
    platform_form(r, a, pl, p, page_href(r, "/platforms/", before->id, "/edit"), _("Save changes"),
                  page_href(r, "/platforms/", before->id, ""));
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void platform_edit_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    struct alliance *a = pl ? load_alliance(r, pl->alliance_id) : NULL;
    if (a && page_allowed(r, rights_on_platform(&r->ctx, pl->key, RIGHT_EDIT_PLATFORM)))
        platform_edit_form(r, a, pl, pl, NULL);
}

void platform_edit_post(struct request *r)
{
    struct platform *before = load_platform(r, request_capture(r, 0));
    struct alliance *a = before ? load_alliance(r, before->alliance_id) : NULL;
    if (!a)
        return;
    struct platform pl = *before;
    struct problems p = {0};
    platform_read_form(r, &pl);
    enum status s = platform_update(&r->ctx, a, &pl, &p);
    if (s != STATUS_OK) {
        if (p.count)
            platform_edit_form(r, a, before, &pl, &p);
        else
            page_fail(r, s);
        return;
    }
    request_redirect(r, page_href(r, "/platforms/", pl.id, ""));
}

static void platform_delete_form(struct request *r, struct platform *pl, const struct problems *p)
{
    struct page page = {
        .title = _("Delete the platform"), .context = pl->alliance_name, .nav = "alliances"};
    platform_crumbs(r, &page, pl, false);
    page_crumb(&page, _("Delete"), NULL);
    page_begin(r, &page);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n", _("Delete the platform"));
    if (pl->child_count > 0) {
        html_printf(b, "<p>%s</p><p><a href=\"%s\">%s</a></p>\n",
                    _("A platform with platforms below it cannot be deleted. Move or delete "
                      "them first."),
                    page_href(r, "/platforms/", pl->id, ""), _("Back to the platform"));
        page_end(r, p && p->count ? 409 : 200);
        return;
    }
    html_printf(b, "<p>%s</p>\n",
                _("The platform, its memberships and its links to peers will be deleted. A "
                  "record of each deletion is kept."));
    form_begin(r, page_href(r, "/platforms/", pl->id, "/delete"), p);
    form_end(r, _("Delete the platform"), page_href(r, "/platforms/", pl->id, ""), true);
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void platform_delete_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (pl && page_allowed(r, platform_rights_add(&r->ctx, pl->alliance_key, pl->parent_key)))
        platform_delete_form(r, pl, NULL);
}

void platform_delete_post(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    struct problems p = {0};
    enum status s = platform_delete(&r->ctx, pl, &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/alliances/", pl->alliance_slug, ""));
    else if (p.count)
        platform_delete_form(r, pl, &p);
    else
        page_fail(r, s);
}

/* Linking a peer: search platforms by name (all alliances), then pick one. */
static void peer_form(struct request *r, const struct platform *pl, const struct problems *p,
                      const char *note)
{
    struct page page = {
        .title = _("Link a peer"), .context = pl->alliance_name, .nav = "alliances"};
    platform_crumbs(r, &page, pl, false);
    page_crumb(&page, _("Link a peer"), NULL);
    page_begin(r, &page);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n<p>%s</p>\n", _("Link a peer"),
                _("Peers are platforms this one shares with and learns from, usually at the same "
                  "level, in this alliance or another."));
    const char *q = request_query(r, "q");
    if (!q && p)
        q = request_form(r, "q");
    html_printf(b,
                "<form class=\"filters\" method=\"get\" action=\"%s\">"
                "<div class=\"field\"><label class=\"label\" for=\"f-q\">%s</label>"
                "<input class=\"input\" id=\"f-q\" name=\"q\" type=\"search\" value=\"%s\">"
                "</div><div class=\"field\"><button class=\"button button--secondary\" "
                "type=\"submit\">%s</button></div></form>\n",
                page_href(r, "/platforms/", pl->id, "/peers/new"),
                _("Find a platform by name or "
                  "place"),
                q ? q : "", _("Search"));
    if (str_empty(q) && !p)
        goto out;
    struct listing l;
    listing_default(&l);
    l.limit = 20;
    l.query = q;
    l.sort = "alliance";
    struct platform_filter f = {.depth = -1};
    struct platform_list list;
    if (platform_list(&r->ctx, &f, &l, &list) != STATUS_OK)
        list.count = 0;
    struct form_option *o = arena_array(&r->arena, (size_t)list.count + 1, sizeof *o);
    int n = 0;
    for (int i = 0; i < list.count; i++) {
        if (list.items[i].key == pl->key)
            continue;
        o[n].value = list.items[i].id;
        o[n].label = arena_printf(&r->arena, "%s (%s, %s)", list.items[i].name,
                                  list.items[i].level_label, list.items[i].alliance_name);
        n++;
    }
    if (n == 0 && !p) {
        page_empty(r, _("No platform matches this search. Try another name or place."), NULL, NULL);
        goto out;
    }
    form_begin(r, page_href(r, "/platforms/", pl->id, "/peers/new"), p);
    form_hidden(r, "q", q ? q : "");
    form_select(r, p, "peer", _("Peer platform"), NULL, o, n, request_form(r, "peer"));
    form_input(r, p, "note", _("Note"), _("What the two platforms share, in a few words."), note,
               "text", false);
    form_end(r, _("Link the platforms"), page_href(r, "/platforms/", pl->id, ""), false);
out:
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void platform_peer_new_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (pl && page_allowed(r, rights_on_platform(&r->ctx, pl->key, RIGHT_LINK_PEERS)))
        peer_form(r, pl, NULL, "");
}

void platform_peer_create_post(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    struct problems p = {0};
    struct platform_link *link;
    const char *note = request_form(r, "note");
    enum status s = platform_link_create(&r->ctx, pl->id, request_form(r, "peer"), note, &link, &p);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/platforms/", pl->id, ""));
    else if (p.count)
        peer_form(r, pl, &p, note);
    else
        page_fail(r, s);
}

void platform_link_delete_page(struct request *r)
{
    struct platform_link *k = load_platform_link(r, request_capture(r, 0));
    struct platform *a = NULL;
    if (!k || !page_allowed(r, platform_link_rights(&r->ctx, k)))
        return;
    if (platform_find(&r->ctx, k->a_id, &a) != STATUS_OK) {
        page_fail(r, STATUS_NOT_FOUND);
        return;
    }
    struct page page = {.title = _("Remove a peer link"), .nav = "alliances"};
    page_crumb(&page, _("Alliances"), "/");
    page_crumb(&page, a->name, page_href(r, "/platforms/", a->id, ""));
    page_crumb(&page, _("Remove a peer link"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n<p>", _("Remove a peer link"));
    html_printf(&r->out, _("%s and %s will no longer be peers."), a->name, k->other_name);
    html_raw(&r->out, "</p>\n");
    form_begin(r, page_href(r, "/platform-links/", k->id, "/delete"), NULL);
    form_end(r, _("Remove the link"), page_href(r, "/platforms/", a->id, ""), true);
    page_end(r, 200);
}

void platform_link_delete_post(struct request *r)
{
    struct platform_link *k = load_platform_link(r, request_capture(r, 0));
    if (!k)
        return;
    enum status s = platform_link_delete(&r->ctx, k);
    if (s == STATUS_OK)
        request_redirect(r, page_href(r, "/platforms/", k->a_id, ""));
    else
        page_fail(r, s);
}
