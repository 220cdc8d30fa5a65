/*
 * mediatype.c — see mediatype.h. The UTF-8 check is the usual state machine
 * (Unicode 15, table 3-7): overlong forms, surrogates and code points past
 * U+10FFFF are refused; so are NUL and the C0 controls other than tab, line
 * feed, form feed and carriage return, which text files do not hold.
 */
#include "core/mediatype.h"

#include "core/arena.h"
#include "core/i18n.h"

#include <string.h>
#include <strings.h>

static const struct mediatype kinds[] = {
    {"pdf", "application/pdf", MEDIATYPE_PDF, N_("PDF document")},
    {"png", "image/png", MEDIATYPE_PNG, N_("PNG image")},
    {"jpg", "image/jpeg", MEDIATYPE_JPEG, N_("JPEG image")},
    {"jpeg", "image/jpeg", MEDIATYPE_JPEG, N_("JPEG image")},
    {"gif", "image/gif", MEDIATYPE_GIF, N_("GIF image")},
    {"zip", "application/zip", MEDIATYPE_ZIP, N_("ZIP archive")},
    {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
     MEDIATYPE_ZIP, N_("Word document")},
    {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MEDIATYPE_ZIP,
     N_("Excel workbook")},
    {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
     MEDIATYPE_ZIP, N_("PowerPoint presentation")},
    {"odt", "application/vnd.oasis.opendocument.text", MEDIATYPE_ZIP, N_("OpenDocument text")},
    {"ods", "application/vnd.oasis.opendocument.spreadsheet", MEDIATYPE_ZIP,
     N_("OpenDocument spreadsheet")},
    {"odp", "application/vnd.oasis.opendocument.presentation", MEDIATYPE_ZIP,
     N_("OpenDocument presentation")},
    {"doc", "application/msword", MEDIATYPE_OLE, N_("Word 97–2003 document")},
    {"xls", "application/vnd.ms-excel", MEDIATYPE_OLE, N_("Excel 97–2003 workbook")},
    {"ppt", "application/vnd.ms-powerpoint", MEDIATYPE_OLE, N_("PowerPoint 97–2003 presentation")},
    {"txt", "text/plain", MEDIATYPE_TEXT, N_("Text")},
    {"csv", "text/csv", MEDIATYPE_TEXT, N_("CSV table")},
    {"md", "text/markdown", MEDIATYPE_TEXT, N_("Markdown text")},
    {"html", "text/html", MEDIATYPE_TEXT, N_("Web page")},
    {"htm", "text/html", MEDIATYPE_TEXT, N_("Web page")},
};

#define KIND_COUNT (sizeof kinds / sizeof kinds[0])

void mediatype_sniff_init(struct mediatype_sniff *s)
{
    memset(s, 0, sizeof *s);
    s->text = true;
}

/* utf8_step checks one byte of text against the state. */
static void utf8_step(struct mediatype_sniff *s, unsigned char c)
{
    if (s->need) {
        if (c < s->lo || c > s->hi) {
            s->text = false;
            return;
        }
        s->need--;
        s->lo = 0x80;
        s->hi = 0xBF;
        return;
    }
    s->lo = 0x80;
    s->hi = 0xBF;
    if (c < 0x80) {
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r')
            s->text = false;
        if (c == 0x7F)
            s->text = false;
    } else if (c >= 0xC2 && c <= 0xDF) {
        s->need = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
        s->need = 2;
        if (c == 0xE0)
            s->lo = 0xA0;
        if (c == 0xED)
            s->hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        s->need = 3;
        if (c == 0xF0)
            s->lo = 0x90;
        if (c == 0xF4)
            s->hi = 0x8F;
    } else {
        s->text = false;
    }
}

void mediatype_sniff_feed(struct mediatype_sniff *s, const void *data, size_t n)
{
    const unsigned char *p = data;
    if (s->head_len < sizeof s->head) {
        size_t take = sizeof s->head - s->head_len < n ? sizeof s->head - s->head_len : n;
        memcpy(s->head + s->head_len, p, take);
        s->head_len += take;
    }
    s->size += n;
    for (size_t i = 0; i < n && s->text; i++)
        utf8_step(s, p[i]);
}

static bool starts(const struct mediatype_sniff *s, const char *magic, size_t n)
{
    return s->head_len >= n && memcmp(s->head, magic, n) == 0;
}

enum mediatype_family mediatype_sniff_family(const struct mediatype_sniff *s)
{
    /* A PDF's header may follow a little junk (the specification allows the
     * first 1024 bytes). */
    for (size_t i = 0; i + 5 <= s->head_len; i++)
        if (memcmp(s->head + i, "%PDF-", 5) == 0)
            return MEDIATYPE_PDF;
    if (starts(s, "\x89PNG\r\n\x1a\n", 8))
        return MEDIATYPE_PNG;
    if (starts(s, "\xff\xd8\xff", 3))
        return MEDIATYPE_JPEG;
    if (starts(s, "GIF87a", 6) || starts(s, "GIF89a", 6))
        return MEDIATYPE_GIF;
    if (starts(s, "PK\x03\x04", 4) || starts(s, "PK\x05\x06", 4))
        return MEDIATYPE_ZIP;
    if (starts(s, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8))
        return MEDIATYPE_OLE;
    if (s->text && s->need == 0 && s->size > 0)
        return MEDIATYPE_TEXT;
    return MEDIATYPE_UNKNOWN;
}

const struct mediatype *mediatype_by_extension(const char *filename)
{
    const char *dot = filename ? strrchr(filename, '.') : NULL;
    if (!dot || !dot[1])
        return NULL;
    for (size_t i = 0; i < KIND_COUNT; i++)
        if (strcasecmp(dot + 1, kinds[i].extension) == 0)
            return &kinds[i];
    return NULL;
}

const struct mediatype *mediatype_by_type(const char *type)
{
    if (!type)
        return NULL;
    size_t n = strcspn(type, "; \t");
    for (size_t i = 0; i < KIND_COUNT; i++)
        if (strlen(kinds[i].type) == n && strncasecmp(type, kinds[i].type, n) == 0)
            return &kinds[i];
    return NULL;
}

/* family_kind is the kind a family is kept as when the name says nothing. */
static const struct mediatype *family_kind(enum mediatype_family family)
{
    static const char *const by_family[] = {
        [MEDIATYPE_PDF] = "pdf",  [MEDIATYPE_PNG] = "png", [MEDIATYPE_JPEG] = "jpg",
        [MEDIATYPE_GIF] = "gif",  [MEDIATYPE_ZIP] = "zip", [MEDIATYPE_OLE] = "doc",
        [MEDIATYPE_TEXT] = "txt",
    };
    for (size_t i = 0; i < KIND_COUNT; i++)
        if (by_family[family] && strcmp(kinds[i].extension, by_family[family]) == 0)
            return &kinds[i];
    return NULL;
}

enum mediatype_verdict mediatype_judge(enum mediatype_family family, const char *filename,
                                       const char *declared, const struct mediatype **out)
{
    *out = NULL;
    if (family == MEDIATYPE_UNKNOWN)
        return MEDIATYPE_NOT_TAKEN;
    const char *dot = filename ? strrchr(filename, '.') : NULL;
    const struct mediatype *by_name = mediatype_by_extension(filename);
    if (dot && dot[1] && !by_name)
        return MEDIATYPE_NAME_NOT_TAKEN;
    if (by_name && by_name->family != family)
        return MEDIATYPE_NAME_LIES;
    const struct mediatype *by_type = mediatype_by_type(declared);
    if (by_type && by_type->family != family)
        return MEDIATYPE_DECLARED_LIES;
    /* An old Office file without a name to tell Word from Excel: not taken. */
    if (!by_name && family == MEDIATYPE_OLE && !by_type)
        return MEDIATYPE_NAME_NOT_TAKEN;
    *out = by_name ? by_name : by_type ? by_type : family_kind(family);
    return MEDIATYPE_ACCEPTED;
}

const char *mediatype_family_label(enum mediatype_family family)
{
    switch (family) {
    case MEDIATYPE_PDF:
        return _("a PDF document");
    case MEDIATYPE_PNG:
        return _("a PNG image");
    case MEDIATYPE_JPEG:
        return _("a JPEG image");
    case MEDIATYPE_GIF:
        return _("a GIF image");
    case MEDIATYPE_ZIP:
        return _("a ZIP archive (or an Office document)");
    case MEDIATYPE_OLE:
        return _("an Office 97–2003 document");
    case MEDIATYPE_TEXT:
        return _("text");
    default:
        return _("of a kind the library does not take");
    }
}

bool mediatype_is_html(const struct mediatype *m)
{
    return m && strcmp(m->type, "text/html") == 0;
}

/* utf8_sequence is the length of the valid UTF-8 sequence at s (up to end),
 * or 0 when the bytes there are not one. */
static size_t utf8_sequence(const unsigned char *s, const unsigned char *end)
{
    struct mediatype_sniff check;
    mediatype_sniff_init(&check);
    size_t n = s[0] < 0x80 ? 1 : s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : 4;
    if ((size_t)(end - s) < n)
        return 0;
    for (size_t i = 0; i < n; i++)
        utf8_step(&check, s[i]);
    return check.text && check.need == 0 ? n : 0;
}

char *mediatype_safe_name(struct arena *a, const char *raw, const struct mediatype *kind)
{
    const char *base = raw ? raw : "";
    for (const char *p = base; *p; p++)
        if (*p == '/' || *p == '\\')
            base = p + 1;
    size_t len = strlen(base);
    char *out = arena_alloc(a, len + 1);
    size_t n = 0;
    const unsigned char *s = (const unsigned char *)base, *end = s + len;
    while (s < end) {
        size_t k = utf8_sequence(s, end);
        /* C0 and C1 controls; line and paragraph separators; the marks and
         * overrides of bidirectional text, which can show "gpj.exe" as
         * "exe.jpg". */
        bool bidi =
            k == 3 && s[0] == 0xE2 &&
            ((s[1] == 0x80 && (s[2] == 0x8E || s[2] == 0x8F || (s[2] >= 0xA8 && s[2] <= 0xAE))) ||
             (s[1] == 0x81 && s[2] >= 0xA6 && s[2] <= 0xA9));
        bool control = k == 0 || (k == 1 && (*s < 0x20 || *s == 0x7F)) ||
                       (k == 2 && s[0] == 0xC2 && s[1] < 0xA0) || bidi;
        if (!control) {
            memcpy(out + n, s, k);
            n += k;
        }
        s += k ? k : 1;
    }
    out[n] = '\0';
    /* No leading or trailing dots and spaces: no hidden file, no "..". */
    char *start = out;
    while (*start == '.' || *start == ' ')
        start++;
    n = strlen(start);
    while (n > 0 && (start[n - 1] == '.' || start[n - 1] == ' '))
        start[--n] = '\0';
    if (n > 200) {
        const char *dot = strrchr(start, '.');
        size_t ext = dot && strlen(dot) <= 16 ? strlen(dot) : 0;
        size_t keep = 200 - ext;
        while (keep > 0 && ((unsigned char)start[keep] & 0xC0) == 0x80)
            keep--; /* not inside a character */
        memmove(start + keep, start + n - ext, ext + 1);
        n = keep + ext;
    }
    if (n == 0)
        return kind ? arena_printf(a, "document.%s", kind->extension) : "document";
    return start;
}
