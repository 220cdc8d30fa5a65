/*
 * mime.h — an email message as its bytes (RFC 5322 and MIME): the headers,
 * with text beyond ASCII in encoded words (RFC 2047), and a
 * multipart/alternative body of a plain-text and an HTML part, both UTF-8 in
 * quoted-printable. Lines end in CRLF and stay within 78 characters; a line
 * of a part that starts with a dot has it encoded (=2E), so that the message
 * reads the same whatever the SMTP client does about dot-stuffing.
 */
#ifndef ALLIANCE_MIME_H
#define ALLIANCE_MIME_H

#include "core/buf.h"

#include <time.h>

struct mime_message {
    const char *from_name;       /* UTF-8, may be NULL */
    const char *from_address;    /* ASCII */
    const char *to_address;      /* ASCII */
    const char *subject;         /* UTF-8 */
    const char *message_id;      /* "local@domain", without the angle brackets */
    time_t date;                 /* the Date header */
    const char *unsubscribe_url; /* NULL: no List-Unsubscribe headers */
    const char *text;            /* the plain-text part, UTF-8, lines end in LF */
    const char *html;            /* the HTML part, UTF-8 */
};

/* mime_build writes the whole message into out. Returns 0, or -1 when out
 * reached its cap or an address holds a character a header cannot (CR, LF,
 * '<', '>' or beyond ASCII). */
int mime_build(const struct mime_message *m, struct buf *out);

/* mime_header writes "Name: value" and its CRLF, value in encoded words
 * (RFC 2047, base64 of at most 45 bytes each, never cutting a character in
 * two) folded onto lines of their own, unless it is printable ASCII that fits
 * on the line. */
void mime_header(struct buf *out, const char *name, const char *value);

/* mime_quoted_printable writes text (LF or CRLF line ends) in quoted-
 * printable with CRLF line ends, lines of at most 76 characters. */
void mime_quoted_printable(struct buf *out, const char *text);

/* mime_date writes t as a Date header value: "Mon, 23 Nov 2026 18:05:36
 * +0000", in English whatever the locale. */
void mime_date(struct buf *out, time_t t);

#endif
