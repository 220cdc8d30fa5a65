/*
 * web/journey.c — a lesson's journey on its page (issue 6, part 3; UI.md:
 * the lesson first, then evidence, then its journey): every share, response
 * and application the reader may see, across platforms and levels, as a
 * timeline (date on the left, what happened on the right, grouped by month)
 * and as a picture drawn by the server: one row per level, the platforms it
 * reached in the order it reached them, numbered arrows for the shares, each
 * platform marked with its response and its applications. The timeline is
 * the picture's text alternative.
 */
#include "domain/application.h"
#include "domain/lesson.h"
#include "domain/share.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/str.h"
#include "web/html.h"
#include "web/page.h"
#include "web/svg.h"
#include "web/web.h"
#include "web/xml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define JOURNEY_SHARES_MAX 200
#define JOURNEY_NODES_MAX  12

/* One line of the timeline. */
struct moment {
    const char *at; /* ISO date or instant */
    int what;       /* MOMENT_* */
    const struct share *share;
    const struct application *application;
    int order; /* for equal instants: the order they were made in */
};

enum { MOMENT_SHARED, MOMENT_RESPONDED, MOMENT_WITHDRAWN, MOMENT_APPLIED };

static int moment_compare(const void *a, const void *b)
{
    const struct moment *x = a, *y = b;
    int c = strncmp(x->at, y->at, 19);
    return c ? c : x->order - y->order;
}

/* A platform of the picture. */
struct node {
    int64_t key;
    const char *name;
    int depth;
    const char *response; /* the response to the last share it received */
    int applications;
};

struct journey {
    const struct lesson *lesson;
    struct share_list shares;
    struct application_list applications;
    struct moment *moments;
    int moment_count;
    struct node nodes[JOURNEY_NODES_MAX];
    int node_count;
    int max_depth;
    const char *levels[8]; /* a label per depth, the first seen */
};

static int node_of(struct journey *j, int64_t key, const char *name, int depth, const char *level)
{
    for (int i = 0; i < j->node_count; i++)
        if (j->nodes[i].key == key)
            return i;
    if (j->node_count == JOURNEY_NODES_MAX)
        return -1;
    if (depth < 0)
        depth = 0;
    if (depth > 7)
        depth = 7;
    j->nodes[j->node_count] = (struct node){key, name, depth, NULL, 0};
    if (!j->levels[depth])
        j->levels[depth] = level;
    if (depth > j->max_depth)
        j->max_depth = depth;
    return j->node_count++;
}

/* journey_load reads what the reader may see and orders it. */
static bool journey_load(struct request *r, const struct lesson *ls, struct journey *j)
{
    memset(j, 0, sizeof *j);
    j->lesson = ls;
    struct listing l;
    listing_default(&l);
    l.limit = JOURNEY_SHARES_MAX;
    l.sort = "date";
    l.descending = false;
    struct share_filter f = {
        .kind = "lesson", .item_key = ls->key, .response_days = r->config->response_days};
    if (share_list(&r->ctx, &f, &l, &j->shares) != STATUS_OK)
        return false;
    struct application_filter af = {.lesson_key = ls->key};
    listing_default(&l);
    l.limit = JOURNEY_SHARES_MAX;
    if (application_list(&r->ctx, &af, &l, &j->applications) != STATUS_OK)
        return false;
    int cap = j->shares.count * 3 + j->applications.count + 1;
    j->moments = arena_array(&r->arena, (size_t)cap, sizeof *j->moments);
    int order = 0;
    for (int i = 0; i < j->shares.count; i++) {
        const struct share *sh = &j->shares.items[i];
        j->moments[j->moment_count++] =
            (struct moment){sh->shared_at, MOMENT_SHARED, sh, NULL, order++};
        if (sh->response && sh->responded_at)
            j->moments[j->moment_count++] =
                (struct moment){sh->responded_at, MOMENT_RESPONDED, sh, NULL, order++};
        if (sh->withdrawn_at)
            j->moments[j->moment_count++] =
                (struct moment){sh->withdrawn_at, MOMENT_WITHDRAWN, sh, NULL, order++};
    }
    for (int i = 0; i < j->applications.count; i++)
        j->moments[j->moment_count++] =
            (struct moment){j->applications.items[i].applied_on, MOMENT_APPLIED, NULL,
                            &j->applications.items[i], order++};
    qsort(j->moments, (size_t)j->moment_count, sizeof *j->moments, moment_compare);
    node_of(j, ls->platform_key, ls->platform_name, ls->platform_depth, ls->level_label);
    for (int m = 0; m < j->moment_count; m++) { /* in the order it travelled */
        if (j->moments[m].what != MOMENT_SHARED)
            continue;
        const struct share *sh = j->moments[m].share;
        node_of(j, sh->from_key, sh->from_name, sh->from_depth, sh->from_level);
        int to = node_of(j, sh->to_key, sh->to_name, sh->to_depth, sh->to_level);
        if (to >= 0 && !sh->withdrawn_at)
            j->nodes[to].response = sh->response ? sh->response : "waiting";
    }
    for (int i = 0; i < j->applications.count; i++) {
        const struct application *a = &j->applications.items[i];
        int at = node_of(j, a->platform_key, a->platform_name, a->platform_depth, a->level_label);
        if (at >= 0)
            j->nodes[at].applications++;
    }
    return true;
}

/* Picture ------------------------------------------------------------------- */

#define COLUMN 150
#define ROW    80
#define BOX_W  132
#define BOX_H  44
#define MARGIN 110 /* the level labels on the left */

static int node_x(int i)
{
    return MARGIN + i * COLUMN + COLUMN / 2;
}

static int node_y(const struct node *n)
{
    return 20 + n->depth * ROW + BOX_H / 2;
}

static const char *response_stroke(const char *response)
{
    if (str_eq(response, "adopted"))
        return "#00703c";
    if (str_eq(response, "discussed"))
        return "#1d70b8";
    if (str_eq(response, "acknowledged"))
        return "#28a197";
    if (str_eq(response, "not_relevant"))
        return "#505a5f";
    if (str_eq(response, "waiting"))
        return "#f47738";
    return "#0b0c0c";
}

/* arrow draws share number step from node a to node b, ending at b's box. */
static void arrow(struct buf *b, const struct journey *j, int from, int to, int step,
                  bool withdrawn)
{
    int x1 = node_x(from), y1 = node_y(&j->nodes[from]);
    int x2 = node_x(to), y2 = node_y(&j->nodes[to]);
    int dx = x2 - x1, dy = y2 - y1;
    /* Shorten both ends to the edges of the boxes. */
    double tx = dx ? (BOX_W / 2.0 + 4) / (dx < 0 ? -dx : dx) : 1e9;
    double ty = dy ? (BOX_H / 2.0 + 4) / (dy < 0 ? -dy : dy) : 1e9;
    double t = tx < ty ? tx : ty;
    if (t > 0.45)
        t = 0.45;
    int ax = x1 + (int)(dx * t), ay = y1 + (int)(dy * t);
    int bx = x2 - (int)(dx * t), by = y2 - (int)(dy * t);
    xml_printf(b,
               "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s "
               "marker-end=\"url(#journey-arrow)\"/>",
               ax, ay, bx, by, withdrawn ? "#b1b4b6" : "#0b0c0c",
               withdrawn ? " stroke-dasharray=\"4 3\"" : "");
    int mx = (ax + bx) / 2, my = (ay + by) / 2;
    xml_printf(b,
               "<circle cx=\"%d\" cy=\"%d\" r=\"9\" fill=\"#fff\" stroke=\"#0b0c0c\"/>"
               "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\">%d</text>",
               mx, my, mx, my + 4, step);
}

/* short_name cuts a platform's name to what fits in its box. */
static const char *short_name(struct request *r, const char *name)
{
    return str_shorten(&r->arena, name, 17);
}

static void picture(struct request *r, const struct journey *j)
{
    struct buf *b = &r->out;
    int width = MARGIN + j->node_count * COLUMN + 10;
    int height = 20 + (j->max_depth + 1) * ROW;
    svg_begin(b, width, height, "journey", _("The lesson's journey by level"),
              _("Each row is a level, each box a platform the lesson reached, in the order it "
                "reached them; numbered arrows are the shares, in the order of the timeline "
                "below; a box's border and words say its response and its applications."));
    xml_raw(b, "<defs><marker id=\"journey-arrow\" viewBox=\"0 0 8 8\" refX=\"7\" refY=\"4\" "
               "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 "
               "z\" fill=\"#0b0c0c\"/></marker></defs>");
    for (int d = 0; d <= j->max_depth; d++) {
        int y = 20 + d * ROW;
        xml_printf(b,
                   "<rect x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>"
                   "<text x=\"6\" y=\"%d\" font-weight=\"bold\" fill=\"#505a5f\">%s</text>",
                   y - 10, width, ROW, d % 2 ? "#ffffff" : "#f3f2f1", y + BOX_H / 2 + 4,
                   str_shorten(&r->arena, j->levels[d] ? j->levels[d] : "", 14));
    }
    int step = 0;
    for (int m = 0; m < j->moment_count; m++) {
        if (j->moments[m].what != MOMENT_SHARED)
            continue;
        const struct share *sh = j->moments[m].share;
        step++;
        int from = -1, to = -1;
        for (int i = 0; i < j->node_count; i++) {
            if (j->nodes[i].key == sh->from_key)
                from = i;
            if (j->nodes[i].key == sh->to_key)
                to = i;
        }
        if (from >= 0 && to >= 0)
            arrow(b, j, from, to, step, sh->withdrawn_at != NULL);
    }
    for (int i = 0; i < j->node_count; i++) {
        const struct node *n = &j->nodes[i];
        int x = node_x(i) - BOX_W / 2, y = node_y(n) - BOX_H / 2;
        xml_printf(b,
                   "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\" fill=\"#fff\" "
                   "stroke=\"%s\" stroke-width=\"%d\"/>",
                   x, y, BOX_W, BOX_H, response_stroke(n->response), i == 0 ? 3 : 2);
        xml_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>", node_x(i), y + 17,
                   short_name(r, n->name));
        const char *status = i == 0                           ? _("Learnt here")
                             : !n->response                   ? ""
                             : str_eq(n->response, "waiting") ? _("Waiting")
                                                              : share_response_label(n->response);
        if (n->applications)
            status = arena_printf(&r->arena, _("%s · applied %d×"), status, n->applications);
        xml_printf(b,
                   "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"10\" "
                   "fill=\"%s\">%s</text>",
                   node_x(i), y + 34, response_stroke(n->response), status);
    }
    svg_end(b);
}

/* Timeline ------------------------------------------------------------------ */

static void platform_link(struct request *r, const char *id, const char *name)
{
    html_printf(&r->out, "<a href=\"%s\">%s</a>", page_href(r, "/platforms/", id, ""), name);
}

static void outside_link(struct request *r, const char *link)
{
    html_printf(&r->out,
                link[0] == '/' ? "<a href=\"%s\">%s</a>"
                               : "<a href=\"%s\" rel=\"nofollow noopener\">%s</a>",
                link, link);
}

/* moment_write writes what happened at one moment (step: the share's
 * number in the picture). */
static void moment_write(struct request *r, const struct moment *m, int step)
{
    struct buf *b = &r->out;
    const struct share *sh = m->share;
    const struct application *a = m->application;
    switch (m->what) {
    case MOMENT_SHARED:
        html_printf(b, "<strong>%d.</strong> ", step);
        html_printf(b, "%s ",
                    arena_printf(&r->arena, _("Shared %s"),
                                 str_eq(sh->direction, "up")     ? _("up")
                                 : str_eq(sh->direction, "down") ? _("down")
                                                                 : _("across")));
        html_printf(b, "%s ", _("from"));
        platform_link(r, sh->from_id, sh->from_name);
        html_printf(b, " <span class=\"muted small\">%s</span> %s ", sh->from_level, _("to"));
        platform_link(r, sh->to_id, sh->to_name);
        html_printf(b, " <span class=\"muted small\">%s · %s</span>", sh->to_level,
                    sh->to_alliance_name);
        if (!sh->attributed) {
            html_raw(b, " ");
            page_tag(r, "grey", _("Author not named"));
        }
        html_printf(b, " · <a href=\"%s\">%s</a>", page_href(r, "/shares/", sh->id, ""),
                    _("the share"));
        if (*sh->message)
            html_printf(b, "<br><span class=\"muted\">“%s”</span>", sh->message);
        break;
    case MOMENT_RESPONDED:
        platform_link(r, sh->to_id, sh->to_name);
        html_printf(b, " %s ", _("responded:"));
        page_tag(r, str_eq(sh->response, "adopted") ? "green" : "blue",
                 share_response_label(sh->response));
        if (*sh->response_note)
            html_printf(b, "<br><span class=\"muted\">%s</span>", sh->response_note);
        if (*sh->response_link) {
            html_raw(b, "<br>");
            outside_link(r, sh->response_link);
        }
        break;
    case MOMENT_WITHDRAWN:
        html_printf(b, "%s ", _("The share to"));
        platform_link(r, sh->to_id, sh->to_name);
        html_printf(b, " %s", _("was withdrawn"));
        break;
    default:
        html_printf(b, "%s ", _("Applied at"));
        platform_link(r, a->platform_id, a->platform_name);
        html_printf(b, " <span class=\"muted small\">%s</span>: ", a->level_label);
        page_tag(r, "green", application_kind_label(a->kind));
        html_printf(b, " <a href=\"%s\">%s</a>", page_href(r, "/applications/", a->id, ""),
                    a->description);
        if (a->applied_by && *a->applied_by)
            html_printf(b, "<br><span class=\"muted\">%s</span>",
                        arena_printf(&r->arena, _("By %s"), a->applied_by));
        html_raw(b, "<br>");
        outside_link(r, a->link);
    }
}

static void timeline(struct request *r, const struct journey *j)
{
    struct buf *b = &r->out;
    char month[64] = "", current[64];
    int step = 0;
    html_raw(b, "<ol class=\"timeline\">");
    for (int i = 0; i < j->moment_count; i++) {
        const struct moment *m = &j->moments[i];
        if (clock_format_month(m->at, current, sizeof current) != 0)
            snprintf(current, sizeof current, "%.7s", m->at);
        if (i == 0 || strcmp(current, month) != 0) {
            if (i)
                html_raw(b, "</ol></li>");
            memcpy(month, current, sizeof month);
            html_printf(b, "<li><h3>%s</h3><ol>", month);
        }
        step += m->what == MOMENT_SHARED;
        html_raw(b, "<li class=\"timeline__item\"><div class=\"timeline__date\">");
        page_date(r, m->at);
        html_raw(b, "</div><div>");
        moment_write(r, m, step);
        html_raw(b, "</div></li>\n");
    }
    if (j->moment_count)
        html_raw(b, "</ol></li>");
    html_raw(b, "</ol>\n");
}

void journey_lesson_section(struct request *r, const struct lesson *ls)
{
    struct journey j;
    if (!journey_load(r, ls, &j))
        return;
    struct buf *b = &r->out;
    /* #shares: where sharing returns to (web/share.c). */
    html_printf(b, "<div id=\"shares\"><h2 id=\"journey\">%s</h2>\n", _("Journey"));
    if (j.moment_count == 0) {
        html_printf(b, "<p>%s</p></div>\n",
                    _("Not shared or applied yet. Share it up, down or across, and record where "
                      "it was applied."));
        return;
    }
    int responses = 0;
    for (int i = 0; i < j.shares.count; i++)
        responses += j.shares.items[i].response != NULL;
    html_printf(b, "<p>%s</p>\n",
                arena_printf(&r->arena,
                             _("Shares: %d. Responses: %d. Applications: %d. Newest last."),
                             j.shares.count, responses, j.applications.count));
    html_raw(b, "<figure class=\"journey\">");
    picture(r, &j);
    html_raw(b, "</figure>\n");
    timeline(r, &j);
    html_raw(b, "</div>\n");
}
