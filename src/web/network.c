/*
 * web/network.c — the alliance as a network: a page with the picture (an
 * SVG drawn here: levels as rows, each platform a box under its parent,
 * vertical links as solid lines, peer links as dashed curves, and below,
 * the organisations and people who sit on several platforms with a thin
 * line to each), its text equivalent level by level, and the figures: the
 * share of platforms linked to a peer, and who bridges levels.
 */
#include "domain/network.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/alliance.h"
#include "domain/organisation.h"
#include "web/html.h"
#include "web/load.h"
#include "web/page.h"
#include "web/svg.h"
#include "web/table.h"
#include "web/web.h"
#include "web/xml.h"

#include <stdlib.h>

#define BOX_W       150
#define BOX_H       40
#define ROW_H       130
#define COL_W       170
#define TOP         30
#define BRIDGES_MAX 24

struct layout {
    int width, height, levels;
    int *x, *y; /* centre of each platform's box */
};

struct order_item {
    int index;
    int parent_x;
    const char *name;
};

static int order_compare(const void *a, const void *b)
{
    const struct order_item *p = a, *q = b;
    if (p->parent_x != q->parent_x)
        return p->parent_x < q->parent_x ? -1 : 1;
    return p->index - q->index; /* tree order is by name already */
}

/* layout_network places the platforms: one row per level, each row sorted
 * by its parents' places so that lines cross little. */
static void layout_network(struct request *r, const struct network *n, struct layout *lo)
{
    int count = n->platforms.count, widest = 1;
    lo->x = arena_array(&r->arena, (size_t)count + 1, sizeof *lo->x);
    lo->y = arena_array(&r->arena, (size_t)count + 1, sizeof *lo->y);
    lo->levels = 0;
    for (int i = 0; i < count; i++)
        if (n->platforms.items[i].depth + 1 > lo->levels)
            lo->levels = n->platforms.items[i].depth + 1;
    for (int d = 0; d < lo->levels; d++) {
        int k = 0;
        for (int i = 0; i < count; i++)
            k += n->platforms.items[i].depth == d;
        if (k > widest)
            widest = k;
    }
    lo->width = widest * COL_W + 40;
    if (lo->width < 720)
        lo->width = 720;
    struct order_item *row = arena_array(&r->arena, (size_t)count + 1, sizeof *row);
    for (int d = 0; d < lo->levels; d++) {
        int k = 0;
        for (int i = 0; i < count; i++) {
            if (n->platforms.items[i].depth != d)
                continue;
            int parent = n->parent[i];
            row[k++] =
                (struct order_item){i, parent >= 0 ? lo->x[parent] : 0, n->platforms.items[i].name};
        }
        qsort(row, (size_t)k, sizeof *row, order_compare);
        for (int j = 0; j < k; j++) {
            lo->x[row[j].index] = lo->width * (2 * j + 1) / (2 * k);
            lo->y[row[j].index] = TOP + 20 + d * ROW_H + BOX_H / 2;
        }
    }
    int bridges = n->bridge_count < BRIDGES_MAX ? n->bridge_count : BRIDGES_MAX;
    lo->height = TOP + 20 + lo->levels * ROW_H + (bridges ? 70 : 0);
}

static void draw_links(struct request *r, const struct network *n, const struct layout *lo)
{
    struct buf *b = &r->out;
    for (int i = 0; i < n->platforms.count; i++) {
        int p = n->parent[i];
        if (p >= 0)
            xml_printf(b,
                       "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#0b0c0c\" "
                       "stroke-width=\"2\"/>\n",
                       lo->x[p], lo->y[p] + BOX_H / 2, lo->x[i], lo->y[i] - BOX_H / 2);
    }
    for (int i = 0; i < n->link_count; i++) {
        const struct network_link *l = &n->links[i];
        if (l->b < 0)
            continue;
        int x1 = lo->x[l->a], y1 = lo->y[l->a] - BOX_H / 2, x2 = lo->x[l->b],
            y2 = lo->y[l->b] - BOX_H / 2;
        int bend = (abs(x2 - x1) + abs(y2 - y1)) / 4 + 20;
        xml_printf(b,
                   "<path d=\"M%d %d Q%d %d %d %d\" fill=\"none\" stroke=\"#b24a00\" "
                   "stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n",
                   x1, y1, (x1 + x2) / 2, (y1 < y2 ? y1 : y2) - bend, x2, y2);
    }
}

static void draw_platforms(struct request *r, const struct network *n, const struct layout *lo)
{
    struct buf *b = &r->out;
    for (int i = 0; i < n->platforms.count; i++) {
        const struct platform *pl = &n->platforms.items[i];
        xml_printf(b,
                   "<g><title>%s</title><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
                   "rx=\"4\" fill=\"#f3f2f1\" stroke=\"#1d70b8\" stroke-width=\"2\"/>"
                   "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text></g>\n",
                   arena_printf(&r->arena, "%s · %s", pl->name, pl->level_label),
                   lo->x[i] - BOX_W / 2, lo->y[i] - BOX_H / 2, BOX_W, BOX_H, lo->x[i], lo->y[i] + 4,
                   str_shorten(&r->arena, pl->name, 20));
    }
}

static void draw_levels(struct request *r, const struct alliance *a, const struct layout *lo)
{
    for (int d = 0; d < lo->levels; d++)
        xml_printf(&r->out,
                   "<text x=\"8\" y=\"%d\" font-weight=\"bold\" fill=\"#505a5f\">%s</text>\n",
                   TOP + d * ROW_H + 8, d < a->level_count ? a->levels[d] : "");
}

static void draw_bridges(struct request *r, const struct network *n, const struct layout *lo)
{
    struct buf *b = &r->out;
    int count = n->bridge_count < BRIDGES_MAX ? n->bridge_count : BRIDGES_MAX;
    if (!count)
        return;
    int y = TOP + 20 + lo->levels * ROW_H + 10;
    xml_printf(b, "<text x=\"8\" y=\"%d\" font-weight=\"bold\" fill=\"#505a5f\">%s</text>\n",
               y - 16, _("On several platforms"));
    for (int i = 0; i < count; i++) {
        const struct network_bridge *br = &n->bridges[i];
        int x = lo->width * (2 * i + 1) / (2 * count);
        for (int k = 0; k < br->platform_count; k++) {
            int p = br->platforms[k];
            xml_printf(b,
                       "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                       "stroke-opacity=\"0.35\"/>\n",
                       x, y, lo->x[p], lo->y[p] + BOX_H / 2,
                       br->organisation ? grid_kind_colour(br->kind) : "#505a5f");
        }
    }
    for (int i = 0; i < count; i++) {
        const struct network_bridge *br = &n->bridges[i];
        int x = lo->width * (2 * i + 1) / (2 * count);
        xml_printf(b,
                   "<g><title>%s</title><circle cx=\"%d\" cy=\"%d\" r=\"8\" fill=\"%s\"/>"
                   "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"10\">%s</text>"
                   "</g>\n",
                   arena_printf(&r->arena, _("%s: %d platforms, %d levels"), br->name,
                                br->platform_count, br->level_count),
                   x, y, br->organisation ? grid_kind_colour(br->kind) : "#505a5f", x, y + 22,
                   str_shorten(&r->arena, br->name, 12));
    }
}

void alliance_network_svg(struct request *r)
{
    struct alliance *a = load_alliance(r, request_capture(r, 0));
    if (!a)
        return;
    struct network n;
    if (network_build(&r->ctx, a->key, &n) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    struct layout lo;
    layout_network(r, &n, &lo);
    svg_document_begin(&r->out, lo.width, lo.height);
    svg_begin(&r->out, lo.width, lo.height, "network",
              arena_printf(&r->arena, _("The network of %s"), a->name),
              arena_printf(&r->arena,
                           _("%d platforms by level, %d peer links, %d organisations on several "
                             "platforms; the page lists them as text."),
                           n.platforms.count, n.link_count, n.bridge_count));
    draw_levels(r, a, &lo);
    draw_links(r, &n, &lo);
    draw_bridges(r, &n, &lo);
    draw_platforms(r, &n, &lo);
    svg_end(&r->out);
    svg_document_end(&r->out);
    request_send(r, 200, SVG_TYPE);
}

static void platform_link(struct request *r, const struct platform *pl)
{
    html_printf(&r->out, "<a href=\"%s\">%s</a>", page_href(r, "/platforms/", pl->id, ""),
                pl->name);
}

/* network_text says the picture in words, level by level. */
static void network_text(struct request *r, const struct alliance *a, const struct network *n)
{
    struct buf *b = &r->out;
    int levels = 0;
    for (int i = 0; i < n->platforms.count; i++)
        if (n->platforms.items[i].depth + 1 > levels)
            levels = n->platforms.items[i].depth + 1;
    html_printf(b, "<h2>%s</h2>\n", _("Platforms and their links"));
    for (int d = 0; d < levels; d++) {
        html_printf(b, "<h3>%s</h3>\n<ul>", d < a->level_count ? a->levels[d] : "");
        for (int i = 0; i < n->platforms.count; i++) {
            if (n->platforms.items[i].depth != d)
                continue;
            html_raw(b, "<li>");
            platform_link(r, &n->platforms.items[i]);
            if (n->parent[i] >= 0) {
                html_printf(b, " — %s ", _("under"));
                platform_link(r, &n->platforms.items[n->parent[i]]);
            }
            int peers = 0;
            for (int k = 0; k < n->link_count; k++) {
                const struct network_link *l = &n->links[k];
                int other = l->a == i ? l->b : l->b == i ? l->a : -2;
                if (other == -2 || (other == -1 && l->a != i))
                    continue;
                html_printf(b, peers++ ? ", " : "; %s ", _("peer of"));
                if (other >= 0)
                    platform_link(r, &n->platforms.items[other]);
                else
                    html_printf(b, "<a href=\"%s\">%s</a> (%s)",
                                page_href(r, "/platforms/", l->peer_id, ""), l->peer_name,
                                l->peer_alliance_name);
            }
            html_raw(b, "</li>");
        }
        html_raw(b, "</ul>\n");
    }
}

/* bridges_table lists the organisations on several platforms, those that
 * span most levels and platforms first, a page at a time. */
static void bridges_table(struct request *r, const struct network *n)
{
    struct buf *b = &r->out;
    html_printf(b, "<h2 id=\"bridges\">%s</h2>\n", _("Who carries knowledge between platforms"));
    if (!n->bridge_count) {
        page_empty(r, _("No organisation sits on more than one platform yet."), NULL, NULL);
        return;
    }
    struct listing l;
    table_listing(r, &l, 15);
    html_printf(b,
                "<div class=\"table-wrap\"><table class=\"table\"><thead><tr><th scope=\"col\">"
                "%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\" "
                "class=\"numeric\">%s</th></tr></thead><tbody>\n",
                _("Organisation"), _("Kind"), _("Platforms"), _("Levels"));
    for (int64_t i = l.offset; i < n->bridge_count && i < l.offset + l.limit; i++) {
        const struct network_bridge *br = &n->bridges[i];
        html_printf(b, "<tr><td><a href=\"%s\">%s</a></td><td>%s</td><td>",
                    page_href(r, "/organisations/", br->id, ""), br->name,
                    organisation_kind_label(br->kind));
        for (int k = 0; k < br->platform_count; k++) {
            if (k)
                html_raw(b, ", ");
            platform_link(r, &n->platforms.items[br->platforms[k]]);
        }
        html_printf(b, "</td><td class=\"numeric\">%d</td></tr>\n", br->level_count);
    }
    html_raw(b, "</tbody></table></div>\n");
    table_pagination(r, &l, n->bridge_count);
}

void alliance_network_page(struct request *r)
{
    struct alliance *a = load_alliance(r, request_capture(r, 0));
    if (!a)
        return;
    struct network n;
    if (network_build(&r->ctx, a->key, &n) != STATUS_OK) {
        page_fail(r, STATUS_ERROR);
        return;
    }
    struct page p = {.title = _("Network"), .context = a->name, .nav = "alliances"};
    page_crumb(&p, _("Alliances"), "/");
    page_crumb(&p, a->name, page_href(r, "/alliances/", a->slug, ""));
    page_crumb(&p, _("Network"), NULL);
    page_begin(r, &p);
    struct buf *b = &r->out;
    html_printf(b, "<h1>%s</h1>\n<p class=\"lead\">%s</p>\n",
                arena_printf(&r->arena, _("The network of %s"), a->name),
                _("How the platforms connect: up and down between levels, across between "
                  "peers, and through the organisations and people who sit on several "
                  "platforms and carry what they learn from one to another."));
    int pct = n.platforms.count
                  ? (200 * n.linked_count + n.platforms.count) / (2 * n.platforms.count)
                  : 0;
    html_printf(b, "<dl class=\"summary\">");
    page_fact(
        r, _("Platforms linked to a peer"),
        arena_printf(&r->arena, _("%d of %d (%d%%)"), n.linked_count, n.platforms.count, pct));
    page_fact(r, _("Peer links"), arena_printf(&r->arena, "%d", n.link_count));
    page_fact(r, _("Organisations on several platforms"),
              arena_printf(&r->arena, "%d", n.bridge_count));
    page_fact(r, _("Organisations that bridge levels (on two levels or more)"),
              arena_printf(&r->arena, "%d", n.level_bridge_count));
    page_fact(r, _("People on several platforms"),
              arena_printf(&r->arena, _("%d, of whom %d on two levels or more"),
                           n.people_bridge_count, n.people_level_bridge_count));
    html_raw(b, "</dl>\n");
    if (n.platforms.count == 0) {
        page_empty(r, _("No platforms yet."), NULL, NULL);
    } else {
        struct layout lo;
        layout_network(r, &n, &lo);
        html_printf(b,
                    "<figure class=\"picture\"><img src=\"%s\" width=\"%d\" height=\"%d\" "
                    "alt=\"%s\"><figcaption>%s</figcaption></figure>\n",
                    page_href(r, "/alliances/", a->slug, "/network.svg"), lo.width, lo.height,
                    _("The network of platforms: the lists below say the same in words."),
                    _("Solid lines: a platform under its parent. Dashed curves: peers. Dots "
                      "below: organisations on several platforms, coloured by kind, with a "
                      "line to each."));
        network_text(r, a, &n);
    }
    bridges_table(r, &n);
    page_end(r, 200);
}
