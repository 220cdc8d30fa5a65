/*
 * form.c — see form.h.
 */
#include "web/form.h"

#include "core/i18n.h"
#include "web/html.h"

#include <string.h>

void form_error_summary(struct request *r, const struct problems *p)
{
    struct buf *b = &r->out;
    if (p && p->count) {
        html_printf(b,
                    "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\">"
                    "<h2 class=\"error-summary__title\">%s</h2><ul>",
                    _("There is a problem"));
        for (int i = 0; i < p->count; i++) {
            if (p->items[i].field)
                html_printf(b, "<li><a href=\"#f-%s\">%s</a></li>", p->items[i].field,
                            p->items[i].message);
            else
                html_printf(b, "<li>%s</li>", p->items[i].message);
        }
        html_raw(b, "</ul></div>\n");
    }
}

void form_begin(struct request *r, const char *action, const struct problems *p)
{
    struct buf *b = &r->out;
    form_error_summary(r, p);
    html_printf(b, "<form method=\"post\" action=\"%s\" novalidate>\n", action);
    form_hidden(r, "csrf", request_csrf(r));
}

/* field_open writes the wrapper, label, hint and error of a field. */
static const char *field_open(struct request *r, const struct problems *p, const char *name,
                              const char *label, const char *hint)
{
    struct buf *b = &r->out;
    const char *error = p ? problems_for(p, name) : NULL;
    html_printf(b, "<div class=\"field%s\">", error ? " field--error" : "");
    html_printf(b, "<label class=\"label\" for=\"f-%s\">%s</label>", name, label);
    if (hint)
        html_printf(b, "<span class=\"hint\" id=\"f-%s-hint\">%s</span>", name, hint);
    if (error)
        html_printf(b,
                    "<p class=\"field-error\" id=\"f-%s-error\"><span class=\"visually-hidden\">"
                    "%s</span> %s</p>",
                    name, _("Error:"), error);
    return error;
}

/* described_by writes the aria-describedby attribute for hint and error. */
static void described_by(struct buf *b, const char *name, const char *hint, const char *error)
{
    if (!hint && !error)
        return;
    html_raw(b, " aria-describedby=\"");
    if (hint)
        html_printf(b, "f-%s-hint", name);
    if (error)
        html_printf(b, "%sf-%s-error", hint ? " " : "", name);
    html_raw(b, "\"");
}

void form_input(struct request *r, const struct problems *p, const char *name, const char *label,
                const char *hint, const char *value, const char *type, bool short_width)
{
    struct buf *b = &r->out;
    const char *error = field_open(r, p, name, label, hint);
    html_printf(b, "<input class=\"input%s%s\" id=\"f-%s\" name=\"%s\" type=\"%s\" value=\"%s\"",
                short_width ? " input--short" : "", error ? " input--error" : "", name, name, type,
                value ? value : "");
    described_by(b, name, hint, error);
    html_raw(b, "></div>\n");
}

void form_textarea(struct request *r, const struct problems *p, const char *name, const char *label,
                   const char *hint, const char *value, int rows)
{
    struct buf *b = &r->out;
    const char *error = field_open(r, p, name, label, hint);
    html_printf(b, "<textarea class=\"textarea%s\" id=\"f-%s\" name=\"%s\" rows=\"%d\"",
                error ? " input--error" : "", name, name, rows);
    described_by(b, name, hint, error);
    /* A newline after the tag: the HTML parser drops the first one. */
    html_printf(b, ">\n%s</textarea></div>\n", value ? value : "");
}

void form_select(struct request *r, const struct problems *p, const char *name, const char *label,
                 const char *hint, const struct form_option *options, int n, const char *selected)
{
    struct buf *b = &r->out;
    const char *error = field_open(r, p, name, label, hint);
    html_printf(b, "<select class=\"select%s\" id=\"f-%s\" name=\"%s\"",
                error ? " input--error" : "", name, name);
    described_by(b, name, hint, error);
    html_raw(b, ">");
    for (int i = 0; i < n; i++) {
        bool on = selected && strcmp(selected, options[i].value) == 0;
        html_printf(b, "<option value=\"%s\"%s>%s</option>", options[i].value,
                    on ? " selected" : "", options[i].label);
    }
    html_raw(b, "</select></div>\n");
}

void form_checkboxes(struct request *r, const struct problems *p, const char *name,
                     const char *legend, const char *hint, const struct form_option *options, int n,
                     unsigned checked)
{
    struct buf *b = &r->out;
    const char *error = p ? problems_for(p, name) : NULL;
    html_printf(b, "<div class=\"field%s\" id=\"f-%s\"><fieldset class=\"fieldset\">",
                error ? " field--error" : "", name);
    html_printf(b, "<legend class=\"legend\">%s</legend>", legend);
    if (hint)
        html_printf(b, "<span class=\"hint\">%s</span>", hint);
    if (error)
        html_printf(b, "<p class=\"field-error\"><span class=\"visually-hidden\">%s</span> %s</p>",
                    _("Error:"), error);
    html_raw(b, "<div class=\"checkboxes\">");
    for (int i = 0; i < n; i++)
        html_printf(b,
                    "<div class=\"checkbox\"><input id=\"f-%s-%d\" name=\"%s\" type=\"checkbox\" "
                    "value=\"%s\"%s><label for=\"f-%s-%d\">%s</label></div>",
                    name, i, name, options[i].value, (checked >> i) & 1u ? " checked" : "", name, i,
                    options[i].label);
    html_raw(b, "</div></fieldset></div>\n");
}

void form_hidden(struct request *r, const char *name, const char *value)
{
    html_printf(&r->out, "<input type=\"hidden\" name=\"%s\" value=\"%s\">\n", name, value);
}

void form_item_status(struct request *r, const struct problems *p, bool may_publish,
                      const char *status, bool published_now)
{
    if (may_publish) {
        struct form_option choices[2] = {
            {"draft", _("Draft: only you and the platform's editors see it")},
            {"published", _("Published")}};
        form_select(r, p, "status", _("Status"), NULL, choices, 2, status);
        return;
    }
    form_hidden(r, "status", "draft");
    if (published_now)
        html_printf(&r->out, "<p class=\"warning-text\"><strong>%s</strong></p>\n",
                    _("It is published now. Saving your changes makes it a draft again, until "
                      "an editor of the platform publishes it."));
}

void form_end(struct request *r, const char *button, const char *cancel_href, bool warning)
{
    struct buf *b = &r->out;
    html_printf(b,
                "<div class=\"button-group\"><button class=\"button%s\" type=\"submit\">%s"
                "</button>",
                warning ? " button--warning" : "", button);
    if (cancel_href)
        html_printf(b, "<a href=\"%s\">%s</a>", cancel_href, _("Cancel"));
    html_raw(b, "</div>\n</form>\n");
}
