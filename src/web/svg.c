/*
 * svg.c — server-drawn charts (see svg.h). Geometry is in whole units of the
 * drawing's own coordinate system (its viewBox), so that xml_printf's %d is
 * all it needs and the bytes stay few.
 */
#include "web/svg.h"

#include "core/str.h"
#include "web/xml.h"

#include <stdio.h>
#include <string.h>

/* Neighbours differ in hue and in lightness (GOV.UK's blue, orange, green,
 * purple, dark grey, pink). */
static const char *const palette[SVG_SERIES_MAX] = {"#1d70b8", "#f47738", "#00703c",
                                                    "#4c2c92", "#505a5f", "#d53880"};

#define LEFT   44 /* room for the axis labels */
#define RIGHT  12
#define TOP    12
#define LABELS 22 /* the category labels under the plot */
#define LEGEND 20 /* a row of the legend */

const char *svg_colour(int i)
{
    return palette[(i < 0 ? -i : i) % SVG_SERIES_MAX];
}

void svg_number(struct buf *b, double value)
{
    char text[32];
    double whole = (double)(long long)(value + (value < 0 ? -0.5 : 0.5));
    double off = value - whole;
    if (off < 0.05 && off > -0.05)
        snprintf(text, sizeof text, "%.0f", whole);
    else
        snprintf(text, sizeof text, "%.1f", value);
    xml_text(b, text);
}

void svg_begin(struct buf *b, int width, int height, const char *id, const char *title,
               const char *description)
{
    xml_printf(b,
               "<svg class=\"chart\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
               "role=\"img\" aria-labelledby=\"%s-title %s-desc\" "
               "font-family=\"system-ui, sans-serif\" font-size=\"12\">"
               "<title id=\"%s-title\">%s</title><desc id=\"%s-desc\">%s</desc>",
               width, height, width, height, id, id, id, title, id, description);
}

void svg_end(struct buf *b)
{
    xml_raw(b, "</svg>");
}

void svg_document_begin(struct buf *b, int width, int height)
{
    xml_printf(b,
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "
               "xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%d\" "
               "height=\"%d\" viewBox=\"0 0 %d %d\">\n",
               width, height, width, height);
}

void svg_document_end(struct buf *b)
{
    xml_raw(b, "</svg>\n");
}

/* Where a chart draws: the plot's box, the axis's top value. */
struct frame {
    int width, height;
    int x0, y0, x1, y1; /* the plot: left, top, right, bottom */
    double top;
    int legend_rows;
};

/* nice_top rounds a chart's largest value up to an axis of four steps of 1,
 * 2 or 5 times a power of ten (at least 4: whole steps for small counts). */
static double nice_top(double max)
{
    if (max <= 4)
        return 4;
    double step = max / 4, power = 1;
    while (step > power * 10)
        power *= 10;
    double scaled = step / power;
    double nice = scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10;
    return 4 * nice * power;
}

/* legend_width estimates the width of a legend entry. */
static int legend_width(const char *label)
{
    return 24 + 7 * (int)str_utf8_length(label ? label : "");
}

/* frame_of lays a chart out: the legend's rows, the plot's box, the axis. */
static void frame_of(const struct svg_chart *c, struct frame *f)
{
    f->width = c->width > 0 ? c->width : 640;
    f->height = c->height > 0 ? c->height : 260;
    int x = LEFT, rows = c->series_count > 0 ? 1 : 0;
    for (int s = 0; s < c->series_count; s++) {
        int w = legend_width(c->series[s].label);
        if (x + w > f->width - RIGHT && x > LEFT) {
            rows++;
            x = LEFT;
        }
        x += w;
    }
    f->legend_rows = rows;
    f->x0 = LEFT;
    f->x1 = f->width - RIGHT;
    f->y0 = TOP;
    f->y1 = f->height - LABELS - rows * LEGEND;
    if (f->y1 < f->y0 + 40)
        f->y1 = f->y0 + 40;
    double max = 0;
    for (int s = 0; s < c->series_count; s++)
        for (int i = 0; i < c->category_count; i++)
            if (c->series[s].values[i] > max)
                max = c->series[s].values[i];
    f->top = c->percent ? 100 : nice_top(max);
}

/* y_of is where a value stands on the axis. */
static int y_of(const struct frame *f, double value)
{
    if (value < 0)
        value = 0;
    if (value > f->top)
        value = f->top;
    return f->y1 - (int)((f->y1 - f->y0) * value / f->top + 0.5);
}

/* axis writes the grid lines with their values, and the category labels
 * under each group's centre. */
static void axis(struct buf *b, const struct svg_chart *c, const struct frame *f)
{
    for (int k = 0; k <= 4; k++) {
        double value = f->top * k / 4;
        int y = y_of(f, value);
        xml_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\"/>", f->x0, y,
                   f->x1, y, k == 0 ? "#0b0c0c" : "#d9dadb");
        xml_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#505a5f\">", f->x0 - 6,
                   y + 4);
        svg_number(b, value);
        xml_raw(b, c->percent ? "%</text>" : "</text>");
    }
    int n = c->category_count > 0 ? c->category_count : 1;
    int group = (f->x1 - f->x0) / n;
    for (int i = 0; i < c->category_count; i++)
        xml_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#0b0c0c\">%s</text>",
                   f->x0 + group * i + group / 2, f->y1 + 16, c->categories[i]);
}

/* legend writes a square of each series' colour and its label. */
static void legend(struct buf *b, const struct svg_chart *c, const struct frame *f, bool line)
{
    int x = LEFT, y = f->y1 + LABELS + 4;
    for (int s = 0; s < c->series_count; s++) {
        int w = legend_width(c->series[s].label);
        if (x + w > f->width - RIGHT && x > LEFT) {
            x = LEFT;
            y += LEGEND;
        }
        if (line)
            xml_printf(b,
                       "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                       "stroke-width=\"3\"/>",
                       x, y + 6, x + 14, y + 6, svg_colour(s));
        else
            xml_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>", x, y,
                       svg_colour(s));
        xml_printf(b, "<text x=\"%d\" y=\"%d\" fill=\"#0b0c0c\">%s</text>", x + 18, y + 11,
                   c->series[s].label);
        x += w;
    }
}

void svg_bar_chart(struct buf *b, const struct svg_chart *c)
{
    struct frame f;
    frame_of(c, &f);
    svg_begin(b, f.width, f.height, c->id, c->title, c->description);
    axis(b, c, &f);
    int n = c->category_count > 0 ? c->category_count : 1;
    int series = c->series_count > 0 ? c->series_count : 1;
    int group = (f.x1 - f.x0) / n;
    int bar = (group * 8 / 10) / series;
    if (bar < 1)
        bar = 1;
    for (int i = 0; i < c->category_count; i++) {
        int left = f.x0 + group * i + (group - bar * series) / 2;
        for (int s = 0; s < c->series_count; s++) {
            double v = c->series[s].values[i];
            if (v <= 0)
                continue;
            int y = y_of(&f, v);
            xml_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>",
                       left + bar * s, y, bar > 2 ? bar - 1 : bar, f.y1 - y, svg_colour(s));
        }
    }
    legend(b, c, &f, false);
    svg_end(b);
}

void svg_line_chart(struct buf *b, const struct svg_chart *c)
{
    struct frame f;
    frame_of(c, &f);
    svg_begin(b, f.width, f.height, c->id, c->title, c->description);
    axis(b, c, &f);
    int n = c->category_count > 0 ? c->category_count : 1;
    int group = (f.x1 - f.x0) / n;
    for (int s = 0; s < c->series_count; s++) {
        const double *v = c->series[s].values;
        bool open = false;
        for (int i = 0; i < c->category_count; i++) {
            if (v[i] < 0) {
                if (open)
                    xml_raw(b, "\"/>");
                open = false;
                continue;
            }
            int x = f.x0 + group * i + group / 2, y = y_of(&f, v[i]);
            if (!open)
                xml_printf(b,
                           "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"3\" "
                           "points=\"",
                           svg_colour(s));
            xml_printf(b, "%s%d,%d", open ? " " : "", x, y);
            open = true;
        }
        if (open)
            xml_raw(b, "\"/>");
        for (int i = 0; i < c->category_count; i++)
            if (v[i] >= 0)
                xml_printf(b, "<circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"%s\"/>",
                           f.x0 + group * i + group / 2, y_of(&f, v[i]), svg_colour(s));
    }
    legend(b, c, &f, true);
    svg_end(b);
}
