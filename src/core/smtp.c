/*
 * smtp.c — see smtp.h. libcurl speaks SMTP (and TLS, and the dot-stuffing of
 * the data) so that the program does not carry a mail client of its own.
 */
#include "core/smtp.h"

#include <curl/curl.h>
#include <stdio.h>
#include <string.h>

void smtp_global_init(void)
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
}

struct upload {
    const char *data;
    size_t len, at;
    atomic_bool *stop;
};

static size_t read_message(char *out, size_t size, size_t count, void *arg)
{
    struct upload *u = arg;
    size_t n = size * count;
    if (n > u->len - u->at)
        n = u->len - u->at;
    memcpy(out, u->data + u->at, n);
    u->at += n;
    return n;
}

static int progress(void *arg, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
                    curl_off_t ulnow)
{
    (void)dltotal, (void)dlnow, (void)ultotal, (void)ulnow;
    struct upload *u = arg;
    return u->stop && atomic_load(u->stop) ? 1 : 0;
}

enum smtp_result smtp_send(const struct smtp_settings *s, const char *from, const char *to,
                           const char *message, size_t len, atomic_bool *stop, char *error,
                           size_t size)
{
    CURL *curl = curl_easy_init();
    if (!curl) {
        snprintf(error, size, "libcurl could not start");
        return SMTP_TEMPORARY;
    }
    char mail_from[512], rcpt[512], detail[CURL_ERROR_SIZE] = "";
    snprintf(mail_from, sizeof mail_from, "<%s>", from);
    snprintf(rcpt, sizeof rcpt, "<%s>", to);
    struct curl_slist *recipients = curl_slist_append(NULL, rcpt);
    struct upload u = {message, len, 0, stop};
    curl_easy_setopt(curl, CURLOPT_URL, s->url);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, mail_from);
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_message);
    curl_easy_setopt(curl, CURLOPT_READDATA, &u);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, (long)s->timeout_seconds);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT,
                     (long)(s->timeout_seconds < 30 ? s->timeout_seconds : 30));
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, progress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &u);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, detail);
    if (s->starttls)
        curl_easy_setopt(curl, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
    if (s->user) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, s->user);
        curl_easy_setopt(curl, CURLOPT_PASSWORD, s->password ? s->password : "");
    }
    CURLcode rc = curl_easy_perform(curl);
    long code = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
    enum smtp_result result = SMTP_SENT;
    if (rc != CURLE_OK) {
        result = code >= 500 && code < 600 ? SMTP_PERMANENT : SMTP_TEMPORARY;
        if (code)
            snprintf(error, size, "the server answered %ld: %s", code,
                     *detail ? detail : curl_easy_strerror(rc));
        else
            snprintf(error, size, "%s", *detail ? detail : curl_easy_strerror(rc));
    }
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);
    return result;
}
