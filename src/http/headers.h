/*
 * headers.h — the headers every response carries (after kcgi: one function
 * sets the security headers on every response).
 */
#ifndef ALLIANCE_HEADERS_H
#define ALLIANCE_HEADERS_H

struct evkeyvalq;

/* http_headers_security adds Content-Security-Policy (no script at all, styles
 * from this site only, no framing), X-Content-Type-Options, Referrer-Policy,
 * X-Frame-Options and Cross-Origin-Opener-Policy. */
void http_headers_security(struct evkeyvalq *headers);

#endif
