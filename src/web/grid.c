/*
 * web/grid.c — the influence–interest grid of stakeholder analysis, drawn
 * on the server as SVG: interest from 1 to 5 across, influence from 1 to 5
 * up, the four quadrants named (keep satisfied, manage closely, monitor,
 * keep informed), each stakeholder's latest assessment a numbered dot
 * coloured by kind (filled for members of the platform, hollow and dashed
 * for those not yet members), and an arrow from where the assessment before
 * it placed them. The table that grid_table writes beside it carries the
 * same facts, numbered alike, for screen readers and print.
 */
#include "domain/assessment.h"

#include "core/arena.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/organisation.h"
#include "web/html.h"
#include "web/page.h"
#include "web/svg.h"
#include "web/web.h"
#include "web/xml.h"

#include <math.h>

#define GRID_X0   70
#define GRID_Y0   30
#define GRID_SIDE 400
#define GRID_CELL (GRID_SIDE / 5)

static const struct {
    const char *kind, *colour;
} kind_colours[] = {
    {"government", "#1d70b8"}, {"ngo", "#00703c"},       {"private", "#b24a00"},
    {"academic", "#4c2c92"},   {"community", "#d4351c"}, {"donor", "#0b6b63"},
    {"other", "#505a5f"},
};

const char *grid_kind_colour(const char *kind)
{
    for (size_t i = 0; i < sizeof kind_colours / sizeof kind_colours[0]; i++)
        if (str_eq(kind, kind_colours[i].kind))
            return kind_colours[i].colour;
    return "#505a5f";
}

static const char *kind_text(const char *kind)
{
    return str_empty(kind) ? _("Unknown kind") : organisation_kind_label(kind);
}

/* Centre of the cell of a score pair. */
static int cell_x(int interest)
{
    return GRID_X0 + (interest - 1) * GRID_CELL + GRID_CELL / 2;
}

static int cell_y(int influence)
{
    return GRID_Y0 + GRID_SIDE - (influence - 1) * GRID_CELL - GRID_CELL / 2;
}

static void grid_frame(struct buf *b)
{
    const int half = GRID_SIDE * 2 / 5 + GRID_CELL / 2; /* the line at score 3 */
    xml_printf(b,
               "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#ffffff\" "
               "stroke=\"#0b0c0c\"/>\n",
               GRID_X0, GRID_Y0, GRID_SIDE, GRID_SIDE);
    for (int i = 1; i < 5; i++)
        xml_printf(b,
                   "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#dddddd\"/>\n"
                   "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#dddddd\"/>\n",
                   GRID_X0 + i * GRID_CELL, GRID_Y0, GRID_X0 + i * GRID_CELL, GRID_Y0 + GRID_SIDE,
                   GRID_X0, GRID_Y0 + i * GRID_CELL, GRID_X0 + GRID_SIDE, GRID_Y0 + i * GRID_CELL);
    xml_printf(b,
               "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#505a5f\" "
               "stroke-width=\"2\"/>\n<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
               "stroke=\"#505a5f\" stroke-width=\"2\"/>\n",
               GRID_X0 + half, GRID_Y0, GRID_X0 + half, GRID_Y0 + GRID_SIDE, GRID_X0,
               GRID_Y0 + GRID_SIDE - half, GRID_X0 + GRID_SIDE, GRID_Y0 + GRID_SIDE - half);
    xml_printf(b,
               "<g fill=\"#505a5f\" font-size=\"11\"><text x=\"%d\" y=\"%d\">%s</text>"
               "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>"
               "<text x=\"%d\" y=\"%d\">%s</text>"
               "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text></g>\n",
               GRID_X0 + 4, GRID_Y0 + 12, _("Keep satisfied"), GRID_X0 + GRID_SIDE - 4,
               GRID_Y0 + 12, _("Manage closely"), GRID_X0 + 4, GRID_Y0 + GRID_SIDE - 4,
               _("Monitor"), GRID_X0 + GRID_SIDE - 4, GRID_Y0 + GRID_SIDE - 4, _("Keep informed"));
    for (int i = 1; i <= 5; i++) {
        char n[2] = {(char)('0' + i), '\0'};
        xml_printf(b,
                   "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>"
                   "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n",
                   cell_x(i), GRID_Y0 + GRID_SIDE + 16, n, GRID_X0 - 8, cell_y(i) + 4, n);
    }
    xml_printf(b,
               "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>\n"
               "<text x=\"18\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\" "
               "transform=\"rotate(-90 18 %d)\">%s</text>\n",
               GRID_X0 + GRID_SIDE / 2, GRID_Y0 + GRID_SIDE + 36, _("Interest"),
               GRID_Y0 + GRID_SIDE / 2, GRID_Y0 + GRID_SIDE / 2, _("Influence"));
}

static void grid_legend(struct buf *b)
{
    int x = GRID_X0 + GRID_SIDE + 24, y = GRID_Y0 + 8;
    xml_printf(b, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>\n", x, y, _("Kind"));
    for (size_t i = 0; i < sizeof kind_colours / sizeof kind_colours[0]; i++) {
        y += 20;
        xml_printf(b,
                   "<circle cx=\"%d\" cy=\"%d\" r=\"6\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s"
                   "</text>\n",
                   x + 6, y - 4, kind_colours[i].colour, x + 18, y,
                   organisation_kind_label(kind_colours[i].kind));
    }
    y += 32;
    xml_printf(b,
               "<circle cx=\"%d\" cy=\"%d\" r=\"6\" fill=\"#505a5f\"/><text x=\"%d\" y=\"%d\">%s"
               "</text>\n<circle cx=\"%d\" cy=\"%d\" r=\"6\" fill=\"#ffffff\" stroke=\"#505a5f\" "
               "stroke-width=\"2\" stroke-dasharray=\"3 2\"/><text x=\"%d\" y=\"%d\">%s</text>\n"
               "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#505a5f\" "
               "marker-end=\"url(#arrow)\"/><text x=\"%d\" y=\"%d\">%s</text>\n",
               x + 6, y - 4, x + 18, y, _("Member"), x + 6, y + 16, x + 18, y + 20,
               _("Not yet a member"), x, y + 36, x + 14, y + 36, x + 18, y + 40,
               _("Moved since the last assessment"));
}

/* The position of the k-th dot placed in a cell: the centre first, then
 * around it, so that up to nine stakeholders in one cell stay apart. */
static void dot_offset(int k, int *dx, int *dy)
{
    static const int offsets[9][2] = {{0, 0},   {22, 0},   {-22, 0},  {0, 22},   {0, -22},
                                      {22, 22}, {-22, 22}, {22, -22}, {-22, -22}};
    *dx = offsets[k % 9][0];
    *dy = offsets[k % 9][1];
}

void grid_svg(struct request *r, const struct assessment_list *list, const char *title)
{
    struct buf *b = &r->out;
    const char *desc = list->count
                           ? arena_printf(&r->arena,
                                          _("%d stakeholders placed by interest (across) and "
                                            "influence (up); the table beside the picture "
                                            "lists them."),
                                          list->count)
                           : _("No stakeholder has been assessed yet.");
    int width = GRID_X0 + GRID_SIDE + 240, height = GRID_Y0 + GRID_SIDE + 50;
    svg_document_begin(b, width, height);
    svg_begin(b, width, height, "grid", title, desc);
    xml_raw(b, "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" "
               "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0 0L10 5L0 "
               "10z\" fill=\"#505a5f\"/></marker></defs>\n");
    grid_frame(b);
    grid_legend(b);
    int used[6][6] = {{0}};
    int *xs = arena_array(&r->arena, (size_t)list->count + 1, sizeof *xs);
    int *ys = arena_array(&r->arena, (size_t)list->count + 1, sizeof *ys);
    for (int i = 0; i < list->count; i++) {
        const struct assessment *a = &list->items[i];
        int dx, dy;
        dot_offset(used[a->interest][a->influence]++, &dx, &dy);
        xs[i] = cell_x(a->interest) + dx;
        ys[i] = cell_y(a->influence) + dy;
    }
    for (int i = 0; i < list->count; i++) { /* arrows under the dots */
        const struct assessment *a = &list->items[i];
        if (!a->previous_influence ||
            (a->previous_influence == a->influence && a->previous_interest == a->interest))
            continue;
        int px = cell_x(a->previous_interest), py = cell_y(a->previous_influence);
        double dx = xs[i] - px, dy = ys[i] - py, length = sqrt(dx * dx + dy * dy);
        if (length < 12)
            continue;
        xml_printf(b,
                   "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#505a5f\" "
                   "stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>\n",
                   px, py, (int)(xs[i] - dx * 11 / length), (int)(ys[i] - dy * 11 / length));
    }
    for (int i = 0; i < list->count; i++) {
        const struct assessment *a = &list->items[i];
        const char *colour = grid_kind_colour(a->stakeholder_kind);
        char *n = arena_printf(&r->arena, "%d", i + 1);
        xml_printf(b, "<g><title>%s</title>",
                   arena_printf(&r->arena, "%d. %s", i + 1, a->stakeholder_name));
        if (a->member)
            xml_printf(b, "<circle cx=\"%d\" cy=\"%d\" r=\"9\" fill=\"%s\"/>", xs[i], ys[i],
                       colour);
        else
            xml_printf(b,
                       "<circle cx=\"%d\" cy=\"%d\" r=\"9\" fill=\"#ffffff\" stroke=\"%s\" "
                       "stroke-width=\"2\" stroke-dasharray=\"3 2\"/>",
                       xs[i], ys[i], colour);
        xml_printf(b,
                   "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"10\" "
                   "fill=\"%s\">%s</text></g>\n",
                   xs[i], ys[i] + 4, a->member ? "#ffffff" : "#0b0c0c", n);
    }
    svg_end(b);
    svg_document_end(b);
}

void grid_table(struct request *r, const struct assessment_list *list, bool show_platform)
{
    struct buf *b = &r->out;
    html_printf(b,
                "<div class=\"table-wrap\"><table class=\"table\"><caption>%s</caption><thead>"
                "<tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>",
                _("The stakeholders on the grid, by their latest assessment"), _("No."),
                _("Stakeholder"), _("Kind"));
    if (show_platform)
        html_printf(b, "<th scope=\"col\">%s</th>", _("Platform"));
    html_printf(b,
                "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                "<th scope=\"col\">%s</th></tr></thead><tbody>\n",
                _("Member"), _("Influence"), _("Interest"), _("Before"));
    for (int i = 0; i < list->count; i++) {
        const struct assessment *a = &list->items[i];
        html_printf(b, "<tr><td>%d</td><td><a href=\"%s\">%s</a></td><td>%s</td>", i + 1,
                    page_href(r, "/assessments/", a->id, ""), a->stakeholder_name,
                    kind_text(a->stakeholder_kind));
        if (show_platform)
            html_printf(b, "<td>%s <span class=\"muted small\">%s</span></td>", a->platform_name,
                        a->level_label);
        html_printf(b, "<td>%s</td><td>%d</td><td>%d</td><td>", a->member ? _("Yes") : _("No"),
                    a->influence, a->interest);
        if (a->previous_on) {
            html_printf(b, "%s ",
                        arena_printf(&r->arena, _("influence %d, interest %d on"),
                                     a->previous_influence, a->previous_interest));
            page_date(r, a->previous_on);
        } else {
            html_raw(b, "—");
        }
        html_raw(b, "</td></tr>\n");
    }
    html_raw(b, "</tbody></table></div>\n");
}
