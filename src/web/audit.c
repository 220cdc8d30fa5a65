/*
 * web/audit.c — the audit trail as pages: a platform's trail (for its
 * members) and the whole trail (for administrators), newest first, filtered
 * by kind of record, action and date.
 */
#include "domain/audit.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/rights.h"
#include "web/form.h"
#include "web/html.h"
#include "web/load.h"
#include "web/page.h"
#include "web/table.h"
#include "web/web.h"

#include <string.h>

static const char *const kinds[] = {"alliance",     "platform", "platform_link", "membership",
                                    "organisation", "person",   "account",       "api_token",
                                    "entry",        "enquiry",  "feed_token"};

static const char *kind_label(const char *kind)
{
    static const struct {
        const char *kind, *label;
    } labels[] = {
        {"alliance", N_("alliance")},
        {"platform", N_("platform")},
        {"platform_link", N_("peer link")},
        {"membership", N_("membership")},
        {"organisation", N_("organisation")},
        {"person", N_("person")},
        {"account", N_("account")},
        {"api_token", N_("API token")},
        {"entry", N_("journal entry")},
        {"enquiry", N_("enquiry")},
        {"feed_token", N_("private feed address")},
    };
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (str_eq(kind, labels[i].kind))
            return _(labels[i].label);
    return kind;
}

static const char *action_label(const char *action)
{
    if (str_eq(action, "create"))
        return _("Created");
    if (str_eq(action, "delete"))
        return _("Deleted");
    return _("Changed");
}

/* filter_form writes the GET form of filters and fills f from the address. */
static void filter_form(struct request *r, const char *action, struct audit_filter *f)
{
    struct buf *b = &r->out;
    f->kind = request_query(r, "kind");
    f->action = request_query(r, "action");
    const char *since = request_query(r, "since");
    time_t t;
    char iso[32];
    /* A date (YYYY-MM-DD) filters from its start; anything else is ignored. */
    if (clock_date_valid(since) &&
        clock_parse_iso(arena_printf(&r->arena, "%sT00:00:00Z", since), &t) == 0) {
        clock_format_iso(t, iso, sizeof iso);
        f->since = arena_strdup(&r->arena, iso);
    } else {
        since = "";
    }
    if (str_empty(f->kind))
        f->kind = NULL;
    if (!str_eq(f->action, "create") && !str_eq(f->action, "update") &&
        !str_eq(f->action, "delete"))
        f->action = NULL;
    html_printf(b, "<form class=\"filters\" method=\"get\" action=\"%s\">", action);
    html_printf(b,
                "<div class=\"field\"><label class=\"label\" for=\"f-kind\">%s</label>"
                "<select class=\"select\" id=\"f-kind\" name=\"kind\"><option value=\"\">%s"
                "</option>",
                _("Record"), _("All records"));
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        html_printf(b, "<option value=\"%s\"%s>%s</option>", kinds[i],
                    str_eq(f->kind, kinds[i]) ? " selected" : "", kind_label(kinds[i]));
    html_printf(b,
                "</select></div><div class=\"field\"><label class=\"label\" for=\"f-action\">"
                "%s</label><select class=\"select\" id=\"f-action\" name=\"action\">"
                "<option value=\"\">%s</option>",
                _("Action"), _("All actions"));
    static const char *const actions[] = {"create", "update", "delete"};
    for (int i = 0; i < 3; i++)
        html_printf(b, "<option value=\"%s\"%s>%s</option>", actions[i],
                    str_eq(f->action, actions[i]) ? " selected" : "", action_label(actions[i]));
    html_printf(b,
                "</select></div><div class=\"field\"><label class=\"label\" for=\"f-since\">"
                "%s</label><input class=\"input input--short\" id=\"f-since\" name=\"since\" "
                "type=\"date\" value=\"%s\"></div><div class=\"field\"><button class=\"button "
                "button--secondary\" type=\"submit\">%s</button></div></form>\n",
                _("Since"), since, _("Filter"));
}

#define CHANGES_SHOWN 6

/* trail_write writes one page of entries as a table with their changes. */
static void trail_write(struct request *r, const struct audit_filter *f, bool show_platform)
{
    struct buf *b = &r->out;
    struct listing l;
    table_listing(r, &l, 25);
    struct audit_list list;
    if (audit_list(&r->ctx, f, &l, &list) != STATUS_OK) {
        page_empty(r, _("The trail could not be read. Try again."), NULL, NULL);
        return;
    }
    table_count(r, list.total, N_("%s change"), N_("%s changes"));
    if (list.count == 0) {
        page_empty(r, _("Nothing has been recorded here yet, or nothing matches the filters."),
                   NULL, NULL);
        return;
    }
    html_printf(b,
                "<div class=\"table-wrap\"><table class=\"table\"><thead><tr>"
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th></tr></thead><tbody>\n",
                _("When"), _("Who"), _("What"), _("Changes"));
    for (int i = 0; i < list.count; i++) {
        struct audit_entry *e = &list.items[i];
        html_raw(b, "<tr><td>");
        page_date(r, e->at);
        html_printf(b, " <span class=\"muted small\">%s</span></td><td>",
                    arena_strndup(&r->arena, e->at + 11, 5));
        /* No name: whoever asked a resource centre (enquiry.c keeps it out);
         * whoever wrote or shared an item shared without attribution. */
        html_text(b, e->actor_unnamed ? _("someone")
                     : !e->actor_name ? _("someone from another alliance")
                     : *e->actor_name ? e->actor_name
                                      : _("the asker"));
        html_printf(b, "</td><td>%s %s: %s", action_label(e->action), kind_label(e->kind),
                    e->record_name);
        if (show_platform && e->platform_id)
            html_printf(b, " <span class=\"muted\">(<a href=\"%s\">%s</a>)</span>",
                        page_href(r, "/platforms/", e->platform_id, ""), e->platform_name);
        html_raw(b, "</td><td>");
        if (e->change_count)
            html_raw(b, "<ul class=\"small\">");
        /* The trail says what changed, the record itself what it holds: at
         * most CHANGES_SHOWN fields an entry, values cut, a new record's
         * values without the empty "before". */
        int shown = e->change_count > CHANGES_SHOWN ? CHANGES_SHOWN - 1 : e->change_count;
        for (int k = 0; k < shown; k++) {
            struct audit_change *ch = &e->changes[k];
            html_printf(b, "<li><strong>%s</strong>: ", ch->field);
            if (!ch->old_value && !ch->new_value)
                html_text(b, _("changed (not shown)"));
            else if (!ch->old_value)
                html_text(b, str_shorten(&r->arena, ch->new_value, 40));
            else
                html_printf(b, "%s → %s", str_shorten(&r->arena, ch->old_value, 40),
                            ch->new_value ? str_shorten(&r->arena, ch->new_value, 40) : "–");
            html_raw(b, "</li>");
        }
        if (shown < e->change_count)
            html_printf(b, "<li class=\"muted\">%s</li>",
                        arena_printf(&r->arena, _("and %d more fields"), e->change_count - shown));
        if (e->change_count)
            html_raw(b, "</ul>");
        html_raw(b, "</td></tr>\n");
    }
    html_raw(b, "</tbody></table></div>\n");
    table_pagination(r, &l, list.total);
}

void platform_audit_page(struct request *r)
{
    struct platform *pl = load_platform(r, request_capture(r, 0));
    if (!pl)
        return;
    enum status s = rights_on_platform(&r->ctx, pl->key, RIGHT_READ_AUDIT);
    if (s != STATUS_OK) {
        page_fail(r, s);
        return;
    }
    const char *title = arena_printf(&r->arena, _("Changes to %s"), pl->name);
    struct page page = {
        .title = _("Audit trail"), .context = pl->alliance_name, .nav = "alliances"};
    page_crumb(&page, _("Alliances"), "/");
    page_crumb(&page, pl->alliance_name, page_href(r, "/alliances/", pl->alliance_slug, ""));
    if (pl->parent_id)
        page_crumb(&page, pl->parent_name, page_href(r, "/platforms/", pl->parent_id, ""));
    page_crumb(&page, pl->name, page_href(r, "/platforms/", pl->id, ""));
    page_crumb(&page, _("Audit trail"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n<p>%s</p>\n", title,
                _("Every change to the platform, its members and its peer links: who made it, "
                  "when, and what it was."));
    struct audit_filter f = {.platform_key = pl->key};
    filter_form(r, page_href(r, "/platforms/", pl->id, "/audit"), &f);
    trail_write(r, &f, false);
    page_end(r, 200);
}

void admin_audit_page(struct request *r)
{
    enum status s = rights_admin(&r->ctx);
    if (s != STATUS_OK) {
        page_fail(r, s);
        return;
    }
    struct page page = {.title = _("Audit trail"), .nav = "admin"};
    page_crumb(&page, _("Administration"), "/admin/accounts");
    page_crumb(&page, _("Audit trail"), NULL);
    page_begin(r, &page);
    html_printf(&r->out, "<h1>%s</h1>\n", _("Audit trail"));
    struct audit_filter f = {0};
    filter_form(r, "/admin/audit", &f);
    trail_write(r, &f, true);
    page_end(r, 200);
}
