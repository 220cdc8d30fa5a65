/*
 * page.h — the frame of every HTML page (header, breadcrumbs, main column,
 * side column, footer) and the small pieces pages share: tags, facts, empty
 * states, the error page. Pages are written into r->out and sent by page_end.
 */
#ifndef ALLIANCE_PAGE_H
#define ALLIANCE_PAGE_H

#include "core/problem.h"
#include "http/request.h"

#define PAGE_CRUMBS_MAX 6

struct crumb {
    const char *label;
    const char *href; /* NULL for the current page */
};

struct page {
    const char *title;   /* the <title>, before " – site name" */
    const char *context; /* the current alliance, shown in the header, or NULL */
    const char *nav;     /* the current section: "alliances", "organisations", "people" */
    const char *feed;    /* the address of the page's Atom feed (<link rel="alternate">), or NULL */
    struct crumb crumbs[PAGE_CRUMBS_MAX];
    int crumb_count;
};

/* page_crumb adds a breadcrumb (href NULL for the current page). */
void page_crumb(struct page *p, const char *label, const char *href);

/* page_begin writes everything up to the start of the main column. */
void page_begin(struct request *r, const struct page *p);

/* page_side ends the main column and starts the side column. */
void page_side(struct request *r);

/* page_end writes the footer and sends the page with status. */
void page_end(struct request *r, int status);

/* page_error answers an error page with status and a message. */
void page_error(struct request *r, int status, const char *message);

/* page_not_found answers 404 for a record that does not exist. */
void page_not_found(struct request *r);

/* page_allowed passes when s is STATUS_OK; otherwise it answers (sign in, or
 * 403) and returns false. */
bool page_allowed(struct request *r, enum status s);

/* page_fail answers the error page of a status that carries no problem. */
void page_fail(struct request *r, enum status s);

/* page_tag writes a tag: a small coloured label whose text carries the meaning
 * (colour is "grey", "green", "red", "yellow", "blue", "purple", "turquoise",
 * "orange" or "missing"). */
void page_tag(struct request *r, const char *colour, const char *text);

/* page_capabilities writes the five capabilities as tags: present ones in
 * colour, missing ones (when show_missing) as "missing" tags. */
void page_capabilities(struct request *r, unsigned caps, int show_missing);

/* page_capability_gaps writes what a platform lacks, compactly: one green
 * "All five capabilities" tag, or a "missing" tag for each capability absent. */
void page_capability_gaps(struct request *r, unsigned caps);

/* page_capability_text writes the capabilities in caps as a short list of
 * words ("Policy, Research"), or a dash when there are none: for tables. */
void page_capability_text(struct request *r, unsigned caps);

/* page_fact writes one row of a summary list (dt/dd); value is text. */
void page_fact(struct request *r, const char *term, const char *value);

/* page_fact_begin and page_fact_end frame a row whose value the caller writes. */
void page_fact_begin(struct request *r, const char *term);
void page_fact_end(struct request *r);

/* page_empty writes an empty state: what belongs here, and a link to add it. */
void page_empty(struct request *r, const char *message, const char *action_href,
                const char *action_label);

/* page_href returns prefix, then id percent-encoded, then suffix: an address
 * such as /platforms/ID/edit, in the request's arena. */
char *page_href(struct request *r, const char *prefix, const char *id, const char *suffix);

/* page_date writes an ISO 8601 date as "12 March 2026" in a <time> element. */
void page_date(struct request *r, const char *iso);

#endif
