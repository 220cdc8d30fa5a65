/*
 * svg.h — pictures drawn by the server (UI.md: charts, grids, networks,
 * journeys are SVG with a table or text beside them, no JavaScript): a bar
 * chart and a line chart of a few series over categories (periods, places),
 * and the frame and palette for pictures of one's own (a lesson's journey).
 *
 * Every byte goes through web/xml.h, whose text writer escapes what people
 * typed (labels, titles) and drops what XML cannot hold; the markup is the
 * program's own. The SVG is written inline in an HTML page: role="img", a
 * <title> and a <desc> that aria-labelledby names, so that a screen reader
 * says what the picture is; the numbers themselves belong in a table beside
 * it, which the page writes. Colours are presentation attributes (no
 * stylesheet bytes), from a palette whose neighbours differ in lightness too,
 * and every series is named in a legend: never colour alone.
 */
#ifndef ALLIANCE_SVG_H
#define ALLIANCE_SVG_H

#include "core/buf.h"

#include <stdbool.h>

#define SVG_SERIES_MAX 6

/* A series of a chart: one value per category; a negative value is none
 * (no bar, a gap in the line). */
struct svg_series {
    const char *label;
    const double *values;
};

struct svg_chart {
    const char *id;          /* unique on the page: the title's and desc's ids start with it */
    const char *title;       /* what the chart is, in a few words */
    const char *description; /* what it shows, in a sentence (the table beside has the numbers) */
    const char *const *categories; /* the labels along the bottom, in order */
    int category_count;
    const struct svg_series *series; /* at most SVG_SERIES_MAX */
    int series_count;
    bool percent; /* values are percentages: the axis goes to 100 and says % */
    int width;    /* the drawing's width in its own units; 0: 640 */
    int height;   /* 0: 260 */
};

/* svg_bar_chart writes a chart of grouped bars: for each category, one bar
 * of each series side by side, with an axis of values, the category labels
 * and a legend. */
void svg_bar_chart(struct buf *b, const struct svg_chart *chart);

/* svg_line_chart writes a line per series through the categories, a dot at
 * each value, with the same axis, labels and legend. */
void svg_line_chart(struct buf *b, const struct svg_chart *chart);

/* svg_begin opens an inline SVG of width × height units (it scales to the
 * column's width) with its title and description (id as in svg_chart);
 * svg_end closes it. Between them, write shapes with xml_printf (xml.h),
 * whose %s are escaped. */
void svg_begin(struct buf *b, int width, int height, const char *id, const char *title,
               const char *description);
void svg_end(struct buf *b);

/* svg_document_begin starts a picture served on its own (image/svg+xml,
 * SVG_TYPE) rather than inline: the XML declaration and an outer <svg> in
 * the SVG namespace of width × height; the caller then writes svg_begin
 * (whose title and description are the text alternative) … svg_end, and
 * svg_document_end. Pages show such a picture with <img> and alt text, and
 * the table or text that says the same beside it. */
#define SVG_TYPE "image/svg+xml; charset=utf-8"
void svg_document_begin(struct buf *b, int width, int height);
void svg_document_end(struct buf *b);

/* svg_colour is the i-th colour of the palette (a "#rrggbb" literal),
 * repeating after SVG_SERIES_MAX. */
const char *svg_colour(int i);

/* svg_number writes a value as the axis and labels show it: whole numbers
 * plainly, others with one decimal. */
void svg_number(struct buf *b, double value);

#endif
