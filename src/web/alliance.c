/*
 * web/alliance.c — the list of alliances, an alliance's page with its
 * platform tree by level and the capabilities present or missing on each
 * platform, the list of its platforms, and the forms to create, edit and
 * delete an alliance.
 */
#include "domain/alliance.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/capability.h"
#include "domain/platform.h"
#include "domain/rights.h"
#include "web/form.h"
#include "web/html.h"
#include "web/load.h"
#include "web/page.h"
#include "web/table.h"
#include "web/web.h"

#include <string.h>

/* The alliance page draws the whole tree up to this many platforms; above it,
 * the two top levels, with a link to the full list. */
#define TREE_MAX 120

static char *alliance_href(struct request *r, const struct alliance *a, const char *suffix)
{
    return page_href(r, "/alliances/", a->slug, suffix);
}

static void levels_text(struct buf *b, const struct alliance *a, const char *separator)
{
    for (int i = 0; i < a->level_count; i++) {
        if (i)
            html_text(b, separator);
        html_text(b, a->levels[i]);
    }
}

void alliance_index_page(struct request *r)
{
    struct listing l;
    table_listing(r, &l, 50);
    struct alliance_list list;
    enum status s = alliance_list(&r->ctx, &l, &list);
    if (s != STATUS_OK) {
        page_fail(r, s);
        return;
    }
    struct page p = {.title = _("Learning alliances"), .nav = "alliances"};
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n", _("Learning alliances"),
                _("Each alliance links stakeholder platforms at several levels, so that what one "
                  "village learns reaches policy, and what policy decides reaches the people "
                  "who deliver services."));
    if (rights_may(rights_admin(&r->ctx)))
        html_printf(b, "<p><a class=\"button\" href=\"/alliances/new\">%s</a></p>\n",
                    _("Create an alliance"));
    if (list.total == 0 && !l.query) {
        page_empty(r,
                   _("No alliances yet. Create the first one, or load the demo with "
                     "alliance demo."),
                   NULL, NULL);
        page_end(r, 200);
        return;
    }
    table_count(r, list.total, N_("%s alliance"), N_("%s alliances"));
    html_raw(b, "<div class=\"table-wrap\"><table class=\"table\"><thead><tr>");
    table_sort_header(r, &l, "name", _("Name"), false);
    html_printf(b, "<th scope=\"col\">%s</th>", _("Levels"));
    table_sort_header(r, &l, "platforms", _("Platforms"), true);
    html_printf(b, "<th scope=\"col\" class=\"num\">%s</th>", _("Members"));
    html_raw(b, "</tr></thead><tbody>\n");
    for (int i = 0; i < list.count; i++) {
        struct alliance *a = &list.items[i];
        html_raw(b, "<tr><td><a href=\"/alliances/");
        html_url_arg(b, a->slug);
        html_printf(b, "\">%s</a></td><td>", a->name);
        levels_text(b, a, " › ");
        html_raw(b, "</td><td class=\"num\">");
        html_int(b, a->platform_count);
        html_raw(b, "</td><td class=\"num\">");
        html_int(b, a->member_count);
        html_raw(b, "</td></tr>\n");
    }
    html_raw(b, "</tbody></table></div>\n");
    table_pagination(r, &l, list.total);
    page_end(r, 200);
}

/* tree_write writes the platforms below parent_key (0: the roots) as nested lists. */
static void tree_write(struct request *r, const struct platform_list *list, int64_t parent_key,
                       int max_depth)
{
    struct buf *b = &r->out;
    bool open = false;
    for (int i = 0; i < list->count; i++) {
        const struct platform *pl = &list->items[i];
        bool root = parent_key == 0 && (pl->parent_key == 0 || pl->depth == 0);
        if (pl->depth > max_depth || !(root || (parent_key && pl->parent_key == parent_key)))
            continue;
        if (!open) {
            html_raw(b, "<ul class=\"tree\">");
            open = true;
        }
        html_raw(b, "<li><div class=\"tree__item\"><a href=\"/platforms/");
        html_url_arg(b, pl->id);
        html_printf(b, "\">%s</a> <span class=\"tree__meta\">%s · ", pl->name, pl->level_label);
        html_printf(b, ngettext("%lld member", "%lld members", (unsigned long)pl->member_count),
                    (long long)pl->member_count);
        html_raw(b, "</span>");
        page_capability_gaps(r, pl->capabilities);
        html_raw(b, "</div>");
        tree_write(r, list, pl->key, max_depth);
        html_raw(b, "</li>");
    }
    if (open)
        html_raw(b, "</ul>");
}

/* Orphans (a platform below the top whose parent is missing) hang at the root. */
static void tree_section(struct request *r, const struct alliance *a)
{
    struct buf *b = &r->out;
    struct platform_list tree;
    if (platform_tree(&r->ctx, a->key, TREE_MAX, &tree) != STATUS_OK)
        return;
    html_printf(b, "<h2>%s</h2>\n", _("Platforms by level"));
    if (tree.total == 0) {
        bool may = rights_may(rights_on_alliance(&r->ctx, a->key));
        page_empty(r,
                   _("No platforms yet. Add the first platform of this alliance, usually at "
                     "the national level."),
                   may ? alliance_href(r, a, "/platforms/new") : NULL, _("Add a platform"));
        return;
    }
    int max_depth = tree.total > TREE_MAX ? 1 : ALLIANCE_LEVELS_MAX;
    tree_write(r, &tree, 0, max_depth);
    if (tree.total > TREE_MAX)
        html_printf(b, "<p>%s <a href=\"%s\">%s</a></p>\n",
                    _("Only the two top levels are shown here."), alliance_href(r, a, "/platforms"),
                    _("See every platform"));
    /* Coverage: how many platforms lack each capability. */
    int missing[CAPABILITY_COUNT] = {0};
    for (int i = 0; i < tree.count; i++)
        for (int k = 0; k < CAPABILITY_COUNT; k++)
            if (!(tree.items[i].capabilities & capability_bit(k)))
                missing[k]++;
    html_printf(b,
                "<h2>%s</h2>\n<table class=\"table\"><caption class=\"visually-hidden\">%s"
                "</caption><thead><tr><th scope=\"col\">%s</th><th scope=\"col\" "
                "class=\"num\">%s</th></tr></thead><tbody>",
                _("Capabilities"), _("Platforms without each capability"), _("Capability"),
                _("Platforms without it"));
    for (int k = 0; k < CAPABILITY_COUNT; k++) {
        html_printf(b, "<tr><td>%s</td><td class=\"num\">", capability_label(k));
        html_int(b, missing[k]);
        html_raw(b, "</td></tr>");
    }
    html_raw(b, "</tbody></table>\n");
}

void alliance_page(struct request *r)
{
    struct alliance *a = load_alliance(r, request_capture(r, 0));
    if (!a)
        return;
    struct page p = {.title = a->name, .context = a->name, .nav = "alliances"};
    page_crumb(&p, _("Alliances"), "/");
    page_crumb(&p, a->name, NULL);
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b, "<p class=\"caption\">%s</p><h1>%s</h1>\n", _("Learning alliance"), a->name);
    if (*a->going_in_issue) {
        html_printf(b, "<h2>%s</h2><div class=\"prose\">", _("Going-in issue"));
        html_markdown(b, a->going_in_issue);
        html_raw(b, "</div>\n");
    }
    if (*a->vision) {
        html_printf(b, "<h2>%s</h2><div class=\"prose\">", _("Vision"));
        html_markdown(b, a->vision);
        html_raw(b, "</div>\n");
    }
    if (*a->principles) {
        html_printf(b, "<h2>%s</h2><div class=\"prose\">", _("Principles"));
        html_markdown(b, a->principles);
        html_raw(b, "</div>\n");
    }
    tree_section(r, a);
    html_printf(b, "<p><a href=\"%s\">%s</a></p>\n",
                page_href(r, "/alliances/", a->slug, "/questions"),
                _("The learning agenda: questions and action-research cycles"));
    framework_alliance_section(r, a);
    flow_alliance_section(r, a);
    html_printf(b,
                "<h2>%s</h2>\n<ul><li><a href=\"%s\">%s</a></li><li><a href=\"%s\">%s</a></li>"
                "<li><a href=\"%s\">%s</a></li></ul>\n",
                _("Network, stakeholders and health"),
                page_href(r, "/alliances/", a->slug, "/network"), _("The network of platforms"),
                page_href(r, "/alliances/", a->slug, "/stakeholders"), _("Stakeholder analysis"),
                page_href(r, "/alliances/", a->slug, "/health"), _("Health of the alliance"));

    page_side(r);
    html_printf(b, "<section class=\"card\"><h2>%s</h2><dl class=\"summary\">", _("About"));
    page_fact_begin(r, _("Levels"));
    levels_text(b, a, " › ");
    page_fact_end(r);
    page_fact_begin(r, _("Platforms"));
    html_int(b, a->platform_count);
    page_fact_end(r);
    page_fact_begin(r, _("Members"));
    html_int(b, a->member_count);
    page_fact_end(r);
    page_fact(r, _("Time zone"), a->time_zone);
    page_fact(r, _("Who may read it"),
              str_eq(a->visibility, "members") ? _("Members of its platforms") : _("Anyone"));
    page_fact_begin(r, _("Created"));
    page_date(r, a->created_at);
    page_fact_end(r);
    html_raw(b, "</dl></section>\n");
    html_printf(b, "<section class=\"card\"><h2>%s</h2><ul>", _("Actions"));
    bool may_edit = rights_may(rights_on_alliance(&r->ctx, a->key));
    if (may_edit)
        html_printf(b, "<li><a href=\"%s\">%s</a></li>", alliance_href(r, a, "/platforms/new"),
                    _("Add a platform"));
    html_printf(b, "<li><a href=\"%s\">%s</a></li>", alliance_href(r, a, "/platforms"),
                _("List all platforms"));
    monitoring_alliance_links(r, a->slug);
    if (may_edit)
        html_printf(b, "<li><a href=\"%s\">%s</a></li>", alliance_href(r, a, "/edit"),
                    _("Edit the alliance"));
    if (rights_may(rights_admin(&r->ctx)))
        html_printf(b, "<li><a href=\"%s\">%s</a></li>", alliance_href(r, a, "/delete"),
                    _("Delete the alliance"));
    html_raw(b, "</ul></section>\n");
    page_end(r, 200);
}

/* alliance_read_form copies the form's fields into a. */
static void alliance_read_form(struct request *r, struct alliance *a, struct problems *p)
{
    a->name = (char *)request_form(r, "name");
    a->slug = (char *)request_form(r, "slug");
    a->going_in_issue = (char *)request_form(r, "going_in_issue");
    a->vision = (char *)request_form(r, "vision");
    a->principles = (char *)request_form(r, "principles");
    a->time_zone = (char *)request_form(r, "time_zone");
    a->visibility = (char *)request_form(r, "visibility");
    alliance_levels_parse(&r->ctx, a, request_form(r, "levels"), p);
}

static void alliance_form(struct request *r, const struct alliance *a, const struct problems *p,
                          const char *action, const char *button, const char *cancel)
{
    struct buf levels;
    buf_init(&levels, 4096);
    for (int i = 0; i < a->level_count; i++)
        buf_printf(&levels, "%s%s", i ? "\n" : "", a->levels[i]);
    form_begin(r, action, p);
    form_input(r, p, "name", _("Name"), NULL, a->name, "text", false);
    form_input(r, p, "slug", _("Short name"),
               _("Used in addresses. Lower-case letters, digits and hyphens, such as ghana-wash."),
               a->slug, "text", false);
    form_textarea(r, p, "levels", _("Levels"),
                  _("One level a line, from the top down, such as National, Region, District."),
                  levels.data ? levels.data : "", 4);
    form_textarea(r, p, "going_in_issue", _("Going-in issue"),
                  _("The issue that brings the stakeholders together. You can use Markdown."),
                  a->going_in_issue, 5);
    form_textarea(r, p, "vision", _("Vision"), _("You can use Markdown."), a->vision, 5);
    form_textarea(r, p, "principles", _("Principles"), _("You can use Markdown."), a->principles,
                  5);
    static const struct form_option visibility[] = {
        {"public", N_("Anyone, signed in or not")},
        {"members", N_("Only members of its platforms")},
    };
    struct form_option options[2] = {{visibility[0].value, _(visibility[0].label)},
                                     {visibility[1].value, _(visibility[1].label)}};
    form_select(r, p, "visibility", _("Who may read the alliance"),
                _("Members-only alliances, their platforms and members are hidden from everyone "
                  "else."),
                options, 2, a->visibility);
    form_input(r, p, "time_zone", _("Time zone"),
               _("Dates and times are shown in this zone, such as Africa/Accra."), a->time_zone,
               "text", false);
    form_end(r, button, cancel, false);
    buf_free(&levels);
}

static void alliance_new_form(struct request *r, struct alliance *a, const struct problems *p)
{
    struct page page = {.title = _("Create an alliance"), .nav = "alliances"};
    page_crumb(&page, _("Alliances"), "/");
    page_crumb(&page, _("Create an alliance"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n", _("Create an alliance"));
    alliance_form(r, a, p, "/alliances/new", _("Create the alliance"), "/");
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void alliance_new_page(struct request *r)
{
    if (!page_allowed(r, rights_admin(&r->ctx)))
        return;
    struct alliance a = {.time_zone = "UTC", .level_count = 3, .visibility = "public"};
    a.levels[0] = (char *)_("National");
    a.levels[1] = (char *)_("Region");
    a.levels[2] = (char *)_("District");
    alliance_new_form(r, &a, NULL);
}

void alliance_create_post(struct request *r)
{
    struct alliance a = {0};
    struct problems p = {0};
    alliance_read_form(r, &a, &p);
    enum status s = p.count ? STATUS_INVALID : alliance_create(&r->ctx, &a, &p);
    if (s != STATUS_OK) {
        if (!p.count) {
            page_fail(r, s);
            return;
        }
        alliance_new_form(r, &a, &p);
        return;
    }
    request_redirect(r, alliance_href(r, &a, ""));
}

static void alliance_edit_form(struct request *r, const struct alliance *before,
                               const struct alliance *a, const struct problems *p)
{
    struct page page = {
        .title = _("Edit the alliance"), .context = before->name, .nav = "alliances"};
    page_crumb(&page, _("Alliances"), "/");
    page_crumb(&page, before->name, alliance_href(r, before, ""));
    page_crumb(&page, _("Edit"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n", _("Edit the alliance"));
    alliance_form(r, a, p, alliance_href(r, before, "/edit"), _("Save changes"),
                  alliance_href(r, before, ""));
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void alliance_edit_page(struct request *r)
{
    struct alliance *a = load_alliance(r, request_capture(r, 0));
    if (a && page_allowed(r, rights_on_alliance(&r->ctx, a->key)))
        alliance_edit_form(r, a, a, NULL);
}

void alliance_edit_post(struct request *r)
{
    struct alliance *before = load_alliance(r, request_capture(r, 0));
    if (!before)
        return;
    struct alliance a = *before;
    struct problems p = {0};
    alliance_read_form(r, &a, &p);
    enum status s = p.count ? STATUS_INVALID : alliance_update(&r->ctx, &a, &p);
    if (s != STATUS_OK) {
        if (!p.count) {
            page_fail(r, s);
            return;
        }
        alliance_edit_form(r, before, &a, &p);
        return;
    }
    request_redirect(r, alliance_href(r, &a, ""));
}

static void alliance_delete_form(struct request *r, struct alliance *a, const struct problems *p)
{
    struct page page = {.title = _("Delete the alliance"), .context = a->name, .nav = "alliances"};
    page_crumb(&page, _("Alliances"), "/");
    page_crumb(&page, a->name, alliance_href(r, a, ""));
    page_crumb(&page, _("Delete"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n", _("Delete the alliance"));
    if (a->platform_count > 0) {
        html_printf(&r->out, "<p>%s</p>\n",
                    _("An alliance that still has platforms cannot be deleted. Delete its "
                      "platforms first."));
        html_printf(&r->out, "<p><a href=\"%s\">%s</a></p>\n", alliance_href(r, a, ""),
                    _("Back to the alliance"));
        page_end(r, p && p->count ? 409 : 200);
        return;
    }
    html_printf(&r->out, "<p>%s</p>\n",
                _("The alliance and its levels will be deleted. A record of the deletion is "
                  "kept."));
    form_begin(r, alliance_href(r, a, "/delete"), p);
    form_end(r, _("Delete the alliance"), alliance_href(r, a, ""), true);
    page_end(r, p && p->count ? status_http(problems_status(p)) : 200);
}

void alliance_delete_page(struct request *r)
{
    struct alliance *a = load_alliance(r, request_capture(r, 0));
    if (a && page_allowed(r, rights_admin(&r->ctx)))
        alliance_delete_form(r, a, NULL);
}

void alliance_delete_post(struct request *r)
{
    struct alliance *a = load_alliance(r, request_capture(r, 0));
    if (!a)
        return;
    struct problems p = {0};
    enum status s = alliance_delete(&r->ctx, a, &p);
    if (s == STATUS_OK)
        request_redirect(r, "/");
    else if (p.count)
        alliance_delete_form(r, a, &p);
    else
        page_fail(r, s);
}

void alliance_platforms_page(struct request *r)
{
    struct alliance *a = load_alliance(r, request_capture(r, 0));
    if (!a)
        return;
    struct listing l;
    table_listing(r, &l, 50);
    struct platform_filter f = {.alliance_key = a->key, .depth = -1};
    int64_t level;
    const char *level_arg = request_query(r, "level");
    if (level_arg && str_parse_int64(level_arg, 0, a->level_count - 1, &level) == 0)
        f.depth = (int)level;
    struct platform_list list;
    enum status s = platform_list(&r->ctx, &f, &l, &list);
    if (s != STATUS_OK) {
        page_fail(r, s);
        return;
    }
    const char *title = arena_printf(&r->arena, _("Platforms of %s"), a->name);
    struct page p = {.title = title, .context = a->name, .nav = "alliances"};
    page_crumb(&p, _("Alliances"), "/");
    page_crumb(&p, a->name, alliance_href(r, a, ""));
    page_crumb(&p, _("Platforms"), NULL);
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n", title);
    html_printf(b, "<form class=\"filters\" method=\"get\" action=\"%s\">",
                alliance_href(r, a, "/platforms"));
    html_printf(b,
                "<div class=\"field\"><label class=\"label\" for=\"f-q\">%s</label>"
                "<input class=\"input\" id=\"f-q\" name=\"q\" type=\"search\" value=\"%s\">"
                "</div>",
                _("Name or place"), l.query ? l.query : "");
    html_printf(b,
                "<div class=\"field\"><label class=\"label\" for=\"f-level\">%s</label>"
                "<select class=\"select\" id=\"f-level\" name=\"level\"><option value=\"\">%s"
                "</option>",
                _("Level"), _("All levels"));
    for (int i = 0; i < a->level_count; i++)
        html_printf(b, "<option value=\"%d\"%s>%s</option>", i, f.depth == i ? " selected" : "",
                    a->levels[i]);
    html_printf(b,
                "</select></div><div class=\"field\"><button class=\"button "
                "button--secondary\" type=\"submit\">%s</button></div></form>\n",
                _("Filter"));
    table_count(r, list.total, N_("%s platform"), N_("%s platforms"));
    if (list.count == 0) {
        page_empty(r, _("No platform matches. Change the filters, or add a platform."),
                   alliance_href(r, a, "/platforms/new"), _("Add a platform"));
        page_end(r, 200);
        return;
    }
    html_raw(b, "<div class=\"table-wrap\"><table class=\"table\"><thead><tr>");
    table_sort_header(r, &l, "name", _("Name"), false);
    table_sort_header(r, &l, "level", _("Level"), false);
    table_sort_header(r, &l, "place", _("Place"), false);
    html_printf(b, "<th scope=\"col\">%s</th>", _("Parent"));
    table_sort_header(r, &l, "members", _("Members"), true);
    html_raw(b, "</tr></thead><tbody>\n");
    for (int i = 0; i < list.count; i++) {
        struct platform *pl = &list.items[i];
        html_raw(b, "<tr><td><a href=\"/platforms/");
        html_url_arg(b, pl->id);
        html_printf(b, "\">%s</a></td><td>%s</td><td>%s</td><td>", pl->name, pl->level_label,
                    pl->place);
        html_text(b, pl->parent_name);
        html_raw(b, "</td><td class=\"num\">");
        html_int(b, pl->member_count);
        html_raw(b, "</td></tr>\n");
    }
    html_raw(b, "</tbody></table></div>\n");
    table_pagination(r, &l, list.total);
    page_end(r, 200);
}
