/*
 * form.h — form pieces after the GOV.UK Design System: a label on every field,
 * hint text under it, the error above the field in the field's own words, an
 * error summary at the top linking to each field, and what was typed kept.
 * Every form posts with the visitor's CSRF token.
 *
 * A field named "name" gets the id "f-name".
 */
#ifndef ALLIANCE_FORM_H
#define ALLIANCE_FORM_H

#include "core/problem.h"
#include "http/request.h"

#include <stdbool.h>

struct form_option {
    const char *value;
    const char *label;
};

/* form_error_summary writes the error summary box when p has problems. */
void form_error_summary(struct request *r, const struct problems *p);

/* form_begin writes the error summary (when p has problems) and opens a POST
 * form to action with the CSRF token. */
void form_begin(struct request *r, const char *action, const struct problems *p);

/* form_input writes a one-line text field. type is "text", "email" or "url";
 * short_width makes it narrow. hint may be NULL. */
void form_input(struct request *r, const struct problems *p, const char *name, const char *label,
                const char *hint, const char *value, const char *type, bool short_width);

/* form_textarea writes a multi-line field. */
void form_textarea(struct request *r, const struct problems *p, const char *name, const char *label,
                   const char *hint, const char *value, int rows);

/* form_select writes a drop-down of n options; selected may be NULL. */
void form_select(struct request *r, const struct problems *p, const char *name, const char *label,
                 const char *hint, const struct form_option *options, int n, const char *selected);

/* form_checkboxes writes a fieldset of n checkboxes; bit i of checked ticks
 * option i. */
void form_checkboxes(struct request *r, const struct problems *p, const char *name,
                     const char *legend, const char *hint, const struct form_option *options, int n,
                     unsigned checked);

/* form_hidden writes a hidden field. */
void form_hidden(struct request *r, const char *name, const char *value);

/* form_item_status is the status of a knowledge item: a choice of draft or
 * published for those who may publish; for others the item stays (or goes
 * back to) a draft, and when it is published now the form says so before
 * they save. */
void form_item_status(struct request *r, const struct problems *p, bool may_publish,
                      const char *status, bool published_now);

/* form_end writes the primary button (and a cancel link when cancel_href is
 * given) and closes the form. warning makes the button red (destructive). */
void form_end(struct request *r, const char *button, const char *cancel_href, bool warning);

#endif
