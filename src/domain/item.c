/*
 * item.c — see item.h.
 */
#include "domain/item.h"

#include "core/arena.h"
#include "core/clock.h"
#include "core/i18n.h"
#include "core/str.h"
#include "domain/discussion.h"
#include "domain/question.h"
#include "domain/rights.h"
#include "domain/search.h"
#include "domain/share.h"

#include <string.h>

bool item_may_edit(struct ctx *c, int64_t platform_key, int64_t author_key)
{
    if (rights_may(rights_on_platform(c, platform_key, RIGHT_PUBLISH_ITEMS)))
        return true;
    return author_key && author_key == c->viewer->person_key &&
           rights_may(rights_on_platform(c, platform_key, RIGHT_WRITE_ITEMS));
}

enum status item_edit_rights(struct ctx *c, int64_t platform_key, int64_t author_key)
{
    if (item_may_edit(c, platform_key, author_key))
        return STATUS_OK;
    return c->viewer->account_key ? STATUS_FORBIDDEN : STATUS_UNAUTHORIZED;
}

enum status item_publish_rights(struct ctx *c, int64_t platform_key, const char *status)
{
    return str_eq(status, "published") ? rights_on_platform(c, platform_key, RIGHT_PUBLISH_ITEMS)
                                       : STATUS_OK;
}

char *item_published_at(struct ctx *c, const char *status, char *before)
{
    if (!str_eq(status, "published"))
        return NULL;
    if (before)
        return before;
    char now[32];
    clock_now_iso(now, sizeof now);
    return arena_strdup(c->arena, now);
}

enum status item_retire(struct ctx *c, const char *kind, int64_t key)
{
    enum status s = search_retire(c, kind, key);
    if (s == STATUS_OK)
        s = share_item_deleted(c, kind, key);
    if (s == STATUS_OK)
        s = discussion_item_deleted(c, kind, key);
    if (s == STATUS_OK)
        s = question_item_deleted(c, kind, key);
    return s;
}

/* evidence_url_ok: an http(s) address, or a path of this site. */
static bool evidence_url_ok(const char *url)
{
    if (str_is_http_url(url))
        return true;
    if (url[0] != '/' || url[1] == '/' || url[1] == '\\' || strlen(url) > 2000)
        return false;
    for (const char *q = url; *q; q++)
        if ((unsigned char)*q <= ' ' || *q == '"' || *q == '<' || *q == '>')
            return false;
    return true;
}

void item_links_parse(struct ctx *c, const char *text, struct item_evidence *out, int max,
                      int *count, const char *field, const char *too_many, const char *bad_address,
                      struct problems *p)
{
    *count = 0;
    char *copy = arena_strdup(c->arena, text ? text : "");
    for (char *line = copy; line;) {
        char *end = line + strcspn(line, "\n");
        char *next = *end ? end + 1 : NULL;
        *end = '\0';
        char *bar = strchr(line, '|');
        char *label =
            str_trim(c->arena, bar ? arena_strndup(c->arena, line, (size_t)(bar - line)) : "");
        char *url = str_trim(c->arena, bar ? bar + 1 : line);
        line = next;
        if (!*url && !*label)
            continue;
        if (*count == max) {
            problems_invalid(p, field, too_many);
            return;
        }
        if (!evidence_url_ok(url)) {
            problems_invalid(p, field, bad_address);
            return;
        }
        if (!str_utf8_valid(label, strlen(label)) || str_utf8_length(label) > 200) {
            problems_invalid(p, field, _("Each label must be 200 characters or fewer"));
            return;
        }
        out[*count].label = *label ? label : url;
        out[*count].url = url;
        (*count)++;
    }
}

void item_evidence_parse(struct ctx *c, const char *text, struct item_evidence *out, int max,
                         int *count, const char *field, struct problems *p)
{
    item_links_parse(c, text, out, max, count, field,
                     arena_printf(c->arena, _("Give at most %d pieces of evidence"), max),
                     _("Give each piece of evidence an address that starts with https:// or "
                       "http://, or a page of this site such as /documents/…"),
                     p);
}
