/*
 * mime.c — see mime.h.
 */
#include "core/mime.h"

#include <sodium.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define ENCODED_BYTES 45 /* UTF-8 bytes in one encoded word: 60 base64 characters */

static bool printable_ascii(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e)
            return false;
    return true;
}

/* address_safe: an address goes into a header as it is. */
static bool address_safe(const char *s)
{
    return s && *s && printable_ascii(s) && !strpbrk(s, "<>\" ,;");
}

/* utf8_cut is how many bytes of s (at most max) end on a character boundary. */
static size_t utf8_cut(const char *s, size_t len, size_t max)
{
    if (len <= max)
        return len;
    size_t n = max;
    while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
        n--;
    return n ? n : max;
}

/* encoded_words writes value as encoded words, the first after the column
 * used on its line, each further on a folded line of its own. */
static void encoded_words(struct buf *out, const char *value)
{
    size_t len = strlen(value), at = 0;
    bool first = true;
    char b64[sodium_base64_ENCODED_LEN(ENCODED_BYTES, sodium_base64_VARIANT_ORIGINAL)];
    while (at < len || first) {
        size_t n = utf8_cut(value + at, len - at, ENCODED_BYTES);
        sodium_bin2base64(b64, sizeof b64, (const unsigned char *)value + at, n,
                          sodium_base64_VARIANT_ORIGINAL);
        buf_printf(out, "%s=?UTF-8?B?%s?=", first ? "" : "\r\n ", b64);
        first = false;
        at += n;
    }
}

void mime_header(struct buf *out, const char *name, const char *value)
{
    buf_printf(out, "%s:", name);
    if (printable_ascii(value) && strlen(name) + 2 + strlen(value) <= 78)
        buf_printf(out, " %s", value);
    else {
        buf_puts(out, "\r\n ");
        encoded_words(out, value);
    }
    buf_puts(out, "\r\n");
}

/* from_header writes the From header: the name as a quoted string when it is
 * plain ASCII, else in encoded words, then the address. */
static void from_header(struct buf *out, const char *name, const char *address)
{
    buf_puts(out, "From:");
    if (name && *name) {
        if (printable_ascii(name) && !strpbrk(name, "\"\\") && strlen(name) < 40)
            buf_printf(out, " \"%s\"", name);
        else {
            buf_puts(out, "\r\n ");
            encoded_words(out, name);
        }
        buf_puts(out, "\r\n");
    }
    buf_printf(out, " <%s>\r\n", address);
}

static void qp_byte(struct buf *out, unsigned char c)
{
    buf_printf(out, "=%02X", c);
}

/* qp_line writes one line of text (without its end) as quoted-printable
 * lines of at most 76 characters, soft breaks ("=") between them. */
static void qp_line(struct buf *out, const char *s, size_t len)
{
    size_t column = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        bool last = i + 1 == len;
        bool literal = (c >= 0x21 && c <= 0x7e && c != '=') || ((c == ' ' || c == '\t') && !last);
        if (column == 0 && c == '.')
            literal = false; /* a dot at the start of a line, encoded */
        size_t width = literal ? 1 : 3;
        if (column + width > 75) {
            buf_puts(out, "=\r\n");
            column = 0;
            if (c == '.')
                literal = false, width = 3;
        }
        if (literal)
            buf_putc(out, (char)c);
        else
            qp_byte(out, c);
        column += width;
    }
}

void mime_quoted_printable(struct buf *out, const char *text)
{
    const char *s = text;
    while (*s) {
        const char *end = strchr(s, '\n');
        size_t len = end ? (size_t)(end - s) : strlen(s);
        size_t content = len > 0 && s[len - 1] == '\r' ? len - 1 : len;
        qp_line(out, s, content);
        buf_puts(out, "\r\n");
        if (!end)
            break;
        s = end + 1;
    }
}

void mime_date(struct buf *out, time_t t)
{
    static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    struct tm tm;
    gmtime_r(&t, &tm);
    buf_printf(out, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday], tm.tm_mday,
               months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static void part(struct buf *out, const char *boundary, const char *type, const char *body)
{
    buf_printf(out,
               "--%s\r\nContent-Type: %s; charset=UTF-8\r\n"
               "Content-Transfer-Encoding: quoted-printable\r\n\r\n",
               boundary, type);
    mime_quoted_printable(out, body);
}

int mime_build(const struct mime_message *m, struct buf *out)
{
    if (!address_safe(m->from_address) || !address_safe(m->to_address) ||
        !address_safe(m->message_id) || (m->unsubscribe_url && !address_safe(m->unsubscribe_url)))
        return -1;
    /* The boundary starts "=_", which quoted-printable never writes. */
    unsigned char hash[crypto_generichash_BYTES_MIN];
    crypto_generichash(hash, sizeof hash, (const unsigned char *)m->message_id,
                       strlen(m->message_id), NULL, 0);
    char boundary[64] = "=_alliance_";
    size_t at = strlen(boundary);
    for (size_t i = 0; i < sizeof hash && at + 3 < sizeof boundary; i++, at += 2)
        snprintf(boundary + at, 3, "%02x", hash[i]);

    buf_puts(out, "Date: ");
    mime_date(out, m->date);
    buf_puts(out, "\r\n");
    from_header(out, m->from_name, m->from_address);
    buf_printf(out, "To: <%s>\r\n", m->to_address);
    mime_header(out, "Subject", m->subject);
    buf_printf(out, "Message-ID: <%s>\r\n", m->message_id);
    buf_puts(out, "MIME-Version: 1.0\r\nAuto-Submitted: auto-generated\r\n");
    if (m->unsubscribe_url)
        buf_printf(out,
                   "List-Unsubscribe:\r\n <%s>\r\n"
                   "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n",
                   m->unsubscribe_url);
    buf_printf(out,
               "Content-Type: multipart/alternative;\r\n boundary=\"%s\"\r\n\r\n"
               "This is a message in MIME format.\r\n\r\n",
               boundary);
    part(out, boundary, "text/plain", m->text);
    buf_puts(out, "\r\n");
    part(out, boundary, "text/html", m->html);
    buf_printf(out, "\r\n--%s--\r\n", boundary);
    return out->failed ? -1 : 0;
}
