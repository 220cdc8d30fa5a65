/*
 * server.c — event loops, listening sockets, and the dispatch of one request:
 * parse the address, find the route, read and check the body, call the
 * handler, log one access line, free the request's arena.
 */
#include "http/server.h"

#include "core/clock.h"
#include "core/i18n.h"
#include "core/log.h"
#include "core/smtp.h"
#include "core/str.h"
#include "domain/mail.h"
#include "http/cache.h"
#include "http/dispatch.h"
#include "http/guard.h"
#include "http/jobs.h"
#include "http/pool.h"
#include "http/routes.h"
#include "store/db.h"
#include "store/files.h"
#include "store/schema.h"

#include <arpa/inet.h>
#include <errno.h>
#include <event2/event.h>
#include <event2/http.h>
#include <event2/thread.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct worker {
    struct dispatch_context context;
    struct event_base *base;
    struct evhttp *http;
    struct db *db;
    int fd;
    pthread_t thread;
};

/* listen_socket opens a listening socket on host:port with SO_REUSEPORT, so
 * that every loop has its own and the kernel spreads connections. Accepted
 * connections inherit TCP_NODELAY: evhttp writes the head and the body of an
 * answer apart, and with Nagle's algorithm the body of a page over a few
 * kilobytes waited for the reader's delayed ACK, some 40 ms. */
static int listen_socket(const char *host, const char *port)
{
    struct addrinfo hints = {0}, *res = NULL;
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    int rc = getaddrinfo(host, port, &hints, &res);
    if (rc != 0) {
        fprintf(stderr, "alliance: cannot resolve %s: %s\n", host, gai_strerror(rc));
        return -1;
    }
    int fd = socket(res->ai_family, res->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    int one = 1;
    if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
        setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one) != 0 ||
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) != 0 ||
        bind(fd, res->ai_addr, res->ai_addrlen) != 0 || listen(fd, 1024) != 0) {
        fprintf(stderr, "alliance: cannot listen on %s:%s: %s\n", host, port, strerror(errno));
        if (fd >= 0)
            close(fd);
        freeaddrinfo(res);
        return -1;
    }
    freeaddrinfo(res);
    return fd;
}

/* split_listen splits "host:port" (or "[v6]:port") into its parts. */
static int split_listen(const char *listen, char *host, size_t hsize, char *port, size_t psize)
{
    const char *colon = strrchr(listen, ':');
    if (!colon || colon[1] == '\0')
        return -1;
    const char *h = listen;
    size_t hlen = (size_t)(colon - listen);
    if (*h == '[' && hlen >= 2 && h[hlen - 1] == ']') {
        h++;
        hlen -= 2;
    }
    if (hlen == 0 || hlen >= hsize || strlen(colon + 1) >= psize)
        return -1;
    memcpy(host, h, hlen);
    host[hlen] = '\0';
    snprintf(port, psize, "%s", colon + 1);
    return 0;
}

static int bound_port(int fd)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    if (getsockname(fd, (struct sockaddr *)&ss, &len) != 0)
        return -1;
    if (ss.ss_family == AF_INET6)
        return ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
    return ntohs(((struct sockaddr_in *)&ss)->sin_port);
}

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    event_base_dispatch(w->base);
    return NULL;
}

static int worker_start(struct worker *w, const struct config *cfg, const char *db_path,
                        struct pool *pool)
{
    w->context.config = cfg;
    w->context.pool = pool;
    w->context.cache = cache_new(cfg->cache_bytes);
    if (db_open(db_path, &w->context.db) != 0)
        return -1;
    w->base = event_base_new();
    w->context.base = w->base;
    w->http = w->base ? evhttp_new(w->base) : NULL;
    if (!w->http)
        return -1;
    evhttp_set_allowed_methods(w->http, EVHTTP_REQ_GET | EVHTTP_REQ_HEAD | EVHTTP_REQ_POST |
                                            EVHTTP_REQ_PUT | EVHTTP_REQ_PATCH | EVHTTP_REQ_DELETE |
                                            EVHTTP_REQ_OPTIONS);
    evhttp_set_max_body_size(w->http, (ev_ssize_t)cfg->body_limit);
    evhttp_set_max_headers_size(w->http, 32 * 1024);
    evhttp_set_timeout(w->http, cfg->timeout_seconds);
    evhttp_set_gencb(w->http, dispatch_request, &w->context);
    evhttp_set_bevcb(w->http, guard_bevcb, NULL);
    if (!evhttp_accept_socket_with_handle(w->http, w->fd))
        return -1;
    return 0;
}

static void worker_free(struct worker *w)
{
    if (w->http)
        evhttp_free(w->http);
    if (w->base)
        event_base_free(w->base);
    db_close(w->context.db);
    cache_free(w->context.cache);
}

/* is_upload: the guard's question (guard.h), answered from the route table. */
static bool is_upload(const char *method, const char *path)
{
    return (router_flags(routes, route_count, method, path) & ROUTE_UPLOAD) != 0;
}

/* uploads_prepare sets the guard's limits and clears what crashed uploads
 * left in the files directory a day ago or more. */
static void uploads_prepare(const struct config *cfg)
{
    /* An upload body is the file, the other fields (a form's worth) and the
     * parts' headers. */
    struct guard_config g = {cfg->body_limit, cfg->upload_limit + cfg->body_limit + 64 * 1024,
                             cfg->uploads_max, is_upload};
    guard_init(&g);
    char dir[FILES_PATH_MAX];
    if (config_files(cfg, dir, sizeof dir) == 0)
        files_sweep(dir, 86400);
    else
        log_info("no files directory (--files): documents can be links, not uploads");
}

/* mail_prepare turns email on when an SMTP server is configured: the
 * password read from its file, the links from the base URL. Returns -1 (with
 * the reason on standard error) when the settings cannot work. */
static int mail_prepare(const struct config *cfg, const char *host, int port)
{
    static char base_url[1024], password[1024];
    if (!cfg->smtp_url) {
        log_info("email is off (no --smtp-url): notifications stay in the application");
        mail_configure(NULL);
        return 0;
    }
    if (!str_starts_with(cfg->smtp_url, "smtp://") && !str_starts_with(cfg->smtp_url, "smtps://")) {
        fprintf(stderr, "alliance: the SMTP address must start with smtp:// or smtps://\n");
        return -1;
    }
    if (!cfg->mail_from) {
        fprintf(stderr, "alliance: email needs a From address: --mail-from ADDRESS\n");
        return -1;
    }
    const char *pass = cfg->smtp_password;
    if (cfg->smtp_password_file) {
        FILE *f = fopen(cfg->smtp_password_file, "r");
        if (!f || !fgets(password, sizeof password, f)) {
            fprintf(stderr, "alliance: cannot read the SMTP password from %s\n",
                    cfg->smtp_password_file);
            if (f)
                fclose(f);
            return -1;
        }
        fclose(f);
        password[strcspn(password, "\r\n")] = '\0';
        pass = password;
    }
    /* Without --base-url, the address listened at (the port chosen, for 0). */
    if (cfg->base_url)
        config_base_url(cfg, base_url, sizeof base_url);
    else
        snprintf(base_url, sizeof base_url, "http://%s%s%s:%d", strchr(host, ':') ? "[" : "", host,
                 strchr(host, ':') ? "]" : "", port);
    struct mail_settings ms = {
        .smtp = {cfg->smtp_url, cfg->smtp_user, pass, cfg->smtp_starttls != 0,
                 cfg->smtp_timeout_seconds},
        .from_address = cfg->mail_from,
        .from_name = cfg->site_name,
        .base_url = base_url,
        .retry_seconds = cfg->mail_retry_seconds,
        .day_seconds = cfg->digest_day_seconds,
    };
    smtp_global_init();
    mail_configure(&ms);
    log_info("email is on: from %s, links to %s", cfg->mail_from, base_url);
    return 0;
}

/* database_prepare creates the data directory and brings the schema up to date. */
static int database_prepare(const struct config *cfg, char *path, size_t size)
{
    if (config_database(cfg, path, size) != 0) {
        fprintf(stderr, "alliance: the database address is too long\n");
        return -1;
    }
    struct db *db;
    if (db_open(path, &db) != 0)
        return -1;
    int rc = schema_migrate(db);
    db_close(db);
    return rc;
}

int server_run(const struct config *cfg)
{
    char host[256], port[16], path[4096];
    if (split_listen(cfg->listen, host, sizeof host, port, sizeof port) != 0) {
        fprintf(stderr, "alliance: --listen wants HOST:PORT, such as 127.0.0.1:8080\n");
        return 1;
    }
    if (database_prepare(cfg, path, sizeof path) != 0)
        return 1;
    evthread_use_pthreads();
    signal(SIGPIPE, SIG_IGN);
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);

    int n = cfg->threads;
    struct worker *workers = calloc((size_t)n, sizeof *workers);
    if (!workers)
        abort();
    int status = 1, started = 0, port_number = -1;
    struct jobs *jobs = NULL;
    /* Two workers for long work (password hashing): each argon2id hash holds
     * 19 MiB while it runs, so memory stays bounded under a burst of sign-ins. */
    struct pool *pool = pool_start(2, 64);
    /* Uploads have workers of their own (hashing, syncing, reading PDFs), so
     * that they never hold up a sign-in. */
    uploads_prepare(cfg);
    struct pool *upload_pool = pool_start(cfg->uploads_max, cfg->uploads_max * 2);
    for (int i = 0; i < n; i++) {
        /* Port 0 asks the kernel for a free port; the other loops take the same. */
        if (i > 0)
            snprintf(port, sizeof port, "%d", port_number);
        workers[i].context.uploads = upload_pool;
        workers[i].fd = listen_socket(host, port);
        if (workers[i].fd < 0 || worker_start(&workers[i], cfg, path, pool) != 0)
            goto out;
        if (i == 0)
            port_number = bound_port(workers[i].fd);
    }
    if (mail_prepare(cfg, host, port_number) != 0)
        goto out;
    for (int i = 0; i < n; i++, started++)
        if (pthread_create(&workers[i].thread, NULL, worker_main, &workers[i]) != 0)
            goto out;
    jobs = jobs_start(cfg, path);
    if (!jobs)
        goto out;
    printf("listening on http://%s%s%s:%d\n", strchr(host, ':') ? "[" : "", host,
           strchr(host, ':') ? "]" : "", port_number);
    fflush(stdout);
    log_info("serving %s with %d event loops", config_where(cfg), n);

    int sig = 0;
    sigwait(&stop, &sig);
    log_info("stopping on signal %d", sig);
    status = 0;
out:
    jobs_stop(jobs);
    for (int i = 0; i < started; i++)
        event_base_loopexit(workers[i].base, NULL);
    for (int i = 0; i < started; i++)
        pthread_join(workers[i].thread, NULL);
    /* Finish the long work under way, then deliver its answers. */
    pool_stop(pool);
    pool_stop(upload_pool);
    for (int i = 0; i < started; i++)
        event_base_loop(workers[i].base, EVLOOP_NONBLOCK);
    for (int i = 0; i < n; i++)
        worker_free(&workers[i]);
    free(workers);
    return status;
}
