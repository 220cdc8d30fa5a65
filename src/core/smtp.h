/*
 * smtp.h — sending one message through an SMTP server with libcurl: smtp://
 * (with STARTTLS when asked for, and then required) or smtps://, with a user
 * name and password when the server wants them. The call blocks until the
 * server has answered the end of the data: only its 250 counts as sent.
 */
#ifndef ALLIANCE_SMTP_H
#define ALLIANCE_SMTP_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

struct smtp_settings {
    const char *url;      /* smtp://host:port or smtps://host:port */
    const char *user;     /* NULL: no authentication */
    const char *password; /* with user */
    bool starttls;        /* smtp:// upgraded with STARTTLS, refused without it */
    int timeout_seconds;  /* the whole conversation */
};

enum smtp_result {
    SMTP_SENT,      /* the server took the message (250 to the data) */
    SMTP_TEMPORARY, /* try again later: a 4xx answer, a connection that failed */
    SMTP_PERMANENT, /* a 5xx answer: trying again will not help */
};

/* smtp_global_init prepares libcurl; call once before any thread sends. */
void smtp_global_init(void);

/* smtp_send sends message (len bytes, CRLF line ends) from from to to.
 * error (size bytes) receives the reason when it is not SMTP_SENT. When
 * *stop becomes true the conversation is given up (SMTP_TEMPORARY). */
enum smtp_result smtp_send(const struct smtp_settings *s, const char *from, const char *to,
                           const char *message, size_t len, atomic_bool *stop, char *error,
                           size_t size);

#endif
