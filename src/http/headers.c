/*
 * headers.c — see headers.h.
 */
#include "http/headers.h"

#include <event2/http.h>

void http_headers_security(struct evkeyvalq *headers)
{
    evhttp_add_header(headers, "Content-Security-Policy",
                      "default-src 'none'; style-src 'self'; img-src 'self' data:; "
                      "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    evhttp_add_header(headers, "X-Content-Type-Options", "nosniff");
    evhttp_add_header(headers, "Referrer-Policy", "same-origin");
    evhttp_add_header(headers, "X-Frame-Options", "DENY");
    evhttp_add_header(headers, "Cross-Origin-Opener-Policy", "same-origin");
}
