/*
 * guard.c — see guard.h. The follower mirrors what evhttp 2.1 does with a
 * request: the head ends at the first empty line (lines end in LF, with or
 * without CR); a body is chunked when Transfer-Encoding is "chunked" (any
 * other value is refused by evhttp), else Content-Length long (the first one),
 * else empty, whatever the method. Bytes reach evhttp in the order they came;
 * only a refused head is rewritten.
 *
 * Positions are counted in bytes handed to evhttp ("released"); evhttp's
 * reads show up as deletions from the input buffer ("consumed"). A decision
 * waits in a small queue until evhttp consumes the first byte of its head.
 */
#include "http/guard.h"

#include "core/str.h"

#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>
#include <event2/http.h>
#include <sodium.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define HEAD_MAX    (64 * 1024) /* evhttp refuses heads over 32 KiB: enough to see them whole */
#define GUARD_LINE  1024        /* a chunk-size line or a trailer */
#define PENDING_MAX 8           /* heads handed over that evhttp has not reached yet */

enum state {
    S_HEAD,       /* collecting a head */
    S_BODY,       /* passing `remaining` bytes of a body */
    S_CHUNK_SIZE, /* a chunk-size line */
    S_CHUNK_DATA, /* `remaining` bytes of a chunk */
    S_CHUNK_END,  /* the CRLF after a chunk */
    S_TRAILER,    /* trailer lines, up to an empty one */
    S_DISCARD,    /* a refused request's body: dropped, the connection will close */
    S_PASS,       /* lost track: everything goes through untouched */
};

struct decision {
    uint64_t offset; /* where its head starts among the released bytes */
    size_t limit;
    int slot; /* the upload slot it holds, or -1 */
};

struct guard {
    struct bufferevent *bev;
    struct evhttp_connection *evcon; /* NULL in tests */
    struct evbuffer *incoming;       /* new bytes being followed */
    enum state state;
    char *head;
    size_t head_len, head_cap;
    char line[GUARD_LINE];
    size_t line_len;
    uint64_t remaining;
    uint64_t released, consumed;
    struct decision pending[PENDING_MAX];
    int pending_count;
    int slot;     /* the slot of the request evhttp is on, or -1 */
    size_t limit; /* the limit last applied (tests) */
    bool busy;    /* our own changes to the input: not news */
};

static struct guard_config config;
static char secret[33];
static atomic_int slots[GUARD_SLOTS_MAX]; /* SLOT_FREE, SLOT_GUARD, SLOT_REQUEST */

enum { SLOT_FREE, SLOT_GUARD, SLOT_REQUEST };

void guard_init(const struct guard_config *cfg)
{
    config = *cfg;
    if (config.uploads_max < 1)
        config.uploads_max = 1;
    if (config.uploads_max > GUARD_SLOTS_MAX)
        config.uploads_max = GUARD_SLOTS_MAX;
    unsigned char raw[16];
    randombytes_buf(raw, sizeof raw);
    sodium_bin2hex(secret, sizeof secret, raw, sizeof raw);
}

/* Slots ----------------------------------------------------------------- */

static int slot_take(void)
{
    for (int i = 0; i < config.uploads_max; i++) {
        int expected = SLOT_FREE;
        if (atomic_compare_exchange_strong(&slots[i], &expected, SLOT_GUARD))
            return i;
    }
    return -1;
}

/* slot_drop gives back a slot the guard still holds (not one a request claimed). */
static void slot_drop(int slot)
{
    if (slot < 0)
        return;
    int expected = SLOT_GUARD;
    atomic_compare_exchange_strong(&slots[slot], &expected, SLOT_FREE);
}

int guard_take(void)
{
    for (int i = 0; i < config.uploads_max; i++) {
        int expected = SLOT_FREE;
        if (atomic_compare_exchange_strong(&slots[i], &expected, SLOT_REQUEST))
            return i;
    }
    return -1;
}

bool guard_claim(int slot)
{
    if (slot < 0 || slot >= GUARD_SLOTS_MAX)
        return false;
    int expected = SLOT_GUARD;
    return atomic_compare_exchange_strong(&slots[slot], &expected, SLOT_REQUEST);
}

void guard_release(int slot)
{
    if (slot >= 0 && slot < GUARD_SLOTS_MAX)
        atomic_store(&slots[slot], SLOT_FREE);
}

int guard_uploads_in_flight(void)
{
    int n = 0;
    for (int i = 0; i < GUARD_SLOTS_MAX; i++)
        n += atomic_load(&slots[i]) != SLOT_FREE;
    return n;
}

enum guard_verdict guard_read(const char *mark, int *slot)
{
    *slot = -1;
    if (!mark || strlen(mark) < sizeof secret || mark[sizeof secret - 1] != ' ')
        return GUARD_NONE;
    char given[sizeof secret];
    memcpy(given, mark, sizeof secret - 1);
    given[sizeof secret - 1] = '\0';
    if (!secret[0] || !str_equal_const_time(given, secret))
        return GUARD_NONE;
    const char *verdict = mark + sizeof secret;
    if (strcmp(verdict, "too-large") == 0)
        return GUARD_TOO_LARGE;
    if (strcmp(verdict, "busy") == 0)
        return GUARD_BUSY;
    int64_t n;
    if (strncmp(verdict, "upload ", 7) == 0 &&
        str_parse_int64(verdict + 7, 0, GUARD_SLOTS_MAX - 1, &n) == 0) {
        *slot = (int)n;
        return GUARD_UPLOAD;
    }
    return GUARD_NONE;
}

/* Decisions ------------------------------------------------------------------ */

static void limit_set(struct guard *g, size_t limit)
{
    g->limit = limit;
    if (g->evcon)
        evhttp_connection_set_max_body_size(g->evcon, (ev_ssize_t)limit);
}

/* decide queues a decision for the head that starts at the next released byte. */
static bool decide(struct guard *g, size_t limit, int slot)
{
    if (g->pending_count == PENDING_MAX)
        return false;
    g->pending[g->pending_count++] = (struct decision){g->released, limit, slot};
    return true;
}

/* apply puts in force the decisions whose heads evhttp has started reading;
 * the slot of the request it leaves behind, if nobody claimed it, is given back. */
static void apply(struct guard *g)
{
    while (g->pending_count && g->consumed > g->pending[0].offset) {
        slot_drop(g->slot);
        g->slot = g->pending[0].slot;
        limit_set(g, g->pending[0].limit);
        g->pending_count--;
        memmove(g->pending, g->pending + 1, (size_t)g->pending_count * sizeof g->pending[0]);
    }
}

/* Following ---------------------------------------------------------------- */

static void release(struct guard *g, struct evbuffer *src, struct evbuffer *out, size_t n)
{
    evbuffer_remove_buffer(src, out, n);
    g->released += n;
}

static void release_bytes(struct guard *g, struct evbuffer *out, const char *data, size_t n)
{
    evbuffer_add(out, data, n);
    g->released += n;
}

/* pass_through stops following: the rest goes to evhttp as it comes, under
 * the form limit. */
static void pass_through(struct guard *g, struct evbuffer *out)
{
    decide(g, config.body_limit, -1);
    if (g->head_len)
        release_bytes(g, out, g->head, g->head_len);
    g->head_len = 0;
    g->state = S_PASS;
}

/* header_is compares a header line's name (before ':') with name. */
static bool header_is(const char *line, size_t len, const char *name)
{
    size_t n = strlen(name);
    return len > n && line[n] == ':' && strncasecmp(line, name, n) == 0;
}

/* header_value returns the value of a header line, trimmed, in buf. */
static const char *header_value(const char *line, size_t len, char *buf, size_t size)
{
    const char *v = memchr(line, ':', len);
    v = v ? v + 1 : line + len;
    const char *end = line + len;
    while (v < end && (*v == ' ' || *v == '\t'))
        v++;
    while (end > v && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
        end--;
    size_t n = (size_t)(end - v) < size - 1 ? (size_t)(end - v) : size - 1;
    memcpy(buf, v, n);
    buf[n] = '\0';
    return buf;
}

/* parse_length reads a Content-Length as evhttp does (strtoll: an optional
 * sign, decimal digits); false when it would refuse it. */
static bool parse_length(const char *v, uint64_t *out)
{
    if (*v == '+')
        v++;
    if (!*v || strlen(v) > 18)
        return false;
    uint64_t n = 0;
    for (; *v; v++) {
        if (*v < '0' || *v > '9')
            return false;
        n = n * 10 + (uint64_t)(*v - '0');
    }
    *out = n;
    return true;
}

/* What a head says about its body. */
struct head_info {
    char method[16];
    char path[1024];
    bool multipart; /* Content-Type: multipart/form-data */
    bool chunked;
    bool has_length;
    uint64_t length;
};

/* head_parse reads the request line and the framing headers of a whole head
 * (head[0..len), ending in its empty line). False when evhttp would refuse it. */
static bool head_parse(const char *head, size_t len, struct head_info *h)
{
    memset(h, 0, sizeof *h);
    const char *eol = memchr(head, '\n', len);
    size_t first = (size_t)(eol - head);
    if (first > 0 && head[first - 1] == '\r')
        first--;
    const char *sp1 = memchr(head, ' ', first);
    if (!sp1 || sp1 == head || (size_t)(sp1 - head) >= sizeof h->method)
        return false;
    memcpy(h->method, head, (size_t)(sp1 - head));
    const char *target = sp1 + 1, *sp2 = memchr(target, ' ', first - (size_t)(target - head));
    if (!sp2)
        return false;
    size_t tlen = strcspn(target, "? ");
    if (tlen > (size_t)(sp2 - target))
        tlen = (size_t)(sp2 - target);
    if (tlen >= sizeof h->path)
        tlen = sizeof h->path - 1; /* a long path is no upload route; evhttp judges it */
    memcpy(h->path, target, tlen);
    char value[64];
    for (const char *line = eol + 1; line < head + len;) {
        const char *end = memchr(line, '\n', (size_t)(head + len - line));
        size_t n = (size_t)(end - line);
        if (n == 0 || (n == 1 && line[0] == '\r'))
            break; /* the empty line */
        if (line[0] == ' ' || line[0] == '\t')
            return false; /* a folded line */
        if (header_is(line, n, "Transfer-Encoding")) {
            if (strcasecmp(header_value(line, n, value, sizeof value), "chunked") != 0)
                return false;
            h->chunked = true;
        } else if (header_is(line, n, "Content-Type")) {
            h->multipart = strncasecmp(header_value(line, n, value, sizeof value),
                                       "multipart/form-data", 19) == 0;
        } else if (header_is(line, n, "Content-Length") && !h->has_length) {
            if (!parse_length(header_value(line, n, value, sizeof value), &h->length))
                return false;
            h->has_length = true;
        }
        line = end + 1;
    }
    return true;
}

/* rewrite hands over the head with a mark and without the headers the mark
 * replaces: a refused request loses its body and closes the connection. */
static void rewrite(struct guard *g, struct evbuffer *out, const char *verdict, bool refused)
{
    const char *head = g->head, *end = g->head + g->head_len;
    const char *eol = memchr(head, '\n', g->head_len);
    release_bytes(g, out, head, (size_t)(eol + 1 - head));
    for (const char *line = eol + 1; line < end;) {
        const char *next = memchr(line, '\n', (size_t)(end - line));
        size_t n = (size_t)(next - line);
        if (n == 0 || (n == 1 && line[0] == '\r'))
            break;
        bool drop = header_is(line, n, GUARD_HEADER) ||
                    (refused && (header_is(line, n, "Content-Length") ||
                                 header_is(line, n, "Transfer-Encoding") ||
                                 header_is(line, n, "Expect") || header_is(line, n, "Connection")));
        if (!drop)
            release_bytes(g, out, line, n + 1);
        line = next + 1;
    }
    char mark[128];
    int len = snprintf(mark, sizeof mark, "%s: %s %s\r\n%s\r\n", GUARD_HEADER, secret, verdict,
                       refused ? "Content-Length: 0\r\nConnection: close\r\n" : "");
    release_bytes(g, out, mark, (size_t)len);
}

/* head_done decides about a whole head and hands it over. */
static void head_done(struct guard *g, struct evbuffer *out)
{
    struct head_info h;
    if (!head_parse(g->head, g->head_len, &h)) {
        pass_through(g, out);
        return;
    }
    bool upload = h.multipart && config.is_upload && config.is_upload(h.method, h.path);
    size_t limit = upload ? config.upload_limit : config.body_limit;
    int slot = -1;
    const char *refusal = NULL;
    if (!h.chunked && h.has_length && h.length > limit)
        refusal = "too-large";
    else if (upload && (slot = slot_take()) < 0)
        refusal = "busy";
    if (!decide(g, refusal ? config.body_limit : limit, refusal ? -1 : slot)) {
        slot_drop(slot);
        pass_through(g, out);
        return;
    }
    if (refusal) {
        rewrite(g, out, refusal, true);
        g->state = S_DISCARD;
    } else {
        if (upload) {
            char verdict[32];
            snprintf(verdict, sizeof verdict, "upload %d", slot);
            rewrite(g, out, verdict, false);
        } else {
            release_bytes(g, out, g->head, g->head_len);
        }
        g->remaining = h.length;
        g->state = h.chunked ? S_CHUNK_SIZE : h.length ? S_BODY : S_HEAD;
    }
    g->head_len = 0;
    if (g->head_cap > 8192) { /* a large head was rare: give its room back */
        free(g->head);
        g->head = NULL;
        g->head_cap = 0;
    }
}

/* head_collect takes bytes of a head; the head ends at an empty line. */
static void head_collect(struct guard *g, struct evbuffer *src, struct evbuffer *out)
{
    size_t avail = evbuffer_get_length(src), room = HEAD_MAX - g->head_len;
    size_t take = avail < room ? avail : room;
    if (g->head_len + take > g->head_cap) {
        size_t cap = g->head_cap ? g->head_cap : 1024;
        while (cap < g->head_len + take)
            cap *= 2;
        char *grown = realloc(g->head, cap);
        if (!grown)
            abort();
        g->head = grown;
        g->head_cap = cap;
    }
    size_t from = g->head_len > 2 ? g->head_len - 2 : 0;
    evbuffer_remove(src, g->head + g->head_len, take);
    g->head_len += take;
    for (size_t i = from; i < g->head_len; i++) {
        if (g->head[i] != '\n')
            continue;
        size_t next = i + 1;
        if (i == 0) { /* an empty first line: evhttp refuses it */
            pass_through(g, out);
            return;
        }
        bool empty = next < g->head_len && g->head[next] == '\n';
        bool crlf = next + 1 < g->head_len && g->head[next] == '\r' && g->head[next + 1] == '\n';
        if (i == 1 && g->head[0] == '\r') {
            pass_through(g, out);
            return;
        }
        if (!empty && !crlf)
            continue;
        size_t end = next + (empty ? 1 : 2);
        if (end < g->head_len) /* what follows the head goes back to be followed */
            evbuffer_prepend(src, g->head + end, g->head_len - end);
        g->head_len = end;
        head_done(g, out);
        return;
    }
    if (g->head_len == HEAD_MAX)
        pass_through(g, out);
}

/* line_collect passes bytes up to and including a newline, keeping a copy of
 * the line; returns true once the line is whole (g->line, without CR LF). */
static bool line_collect(struct guard *g, struct evbuffer *src, struct evbuffer *out)
{
    struct evbuffer_ptr nl = evbuffer_search(src, "\n", 1, NULL);
    size_t n = nl.pos >= 0 ? (size_t)nl.pos + 1 : evbuffer_get_length(src);
    if (g->line_len + n > GUARD_LINE) {
        pass_through(g, out);
        return false;
    }
    evbuffer_copyout(src, g->line + g->line_len, n);
    g->line_len += n;
    release(g, src, out, n);
    if (nl.pos < 0)
        return false;
    g->line_len -= 1; /* the LF */
    if (g->line_len && g->line[g->line_len - 1] == '\r')
        g->line_len--;
    g->line[g->line_len] = '\0';
    g->line_len = 0; /* the next line starts empty; g->line keeps this one */
    return true;
}

/* chunk_size reads a chunk-size line as evhttp does: hexadecimal digits,
 * then nothing or a space. */
static bool chunk_size(const char *line, uint64_t *out)
{
    uint64_t n = 0;
    const char *p = line;
    for (; (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f') || (*p >= 'A' && *p <= 'F'); p++) {
        if (p - line >= 15)
            return false;
        n = n * 16 + (uint64_t)(*p <= '9' ? *p - '0' : (*p | 0x20) - 'a' + 10);
    }
    if (p == line || (*p != '\0' && *p != ' '))
        return false;
    *out = n;
    return true;
}

/* follow hands the bytes of src over to out, following the requests. */
static void follow(struct guard *g, struct evbuffer *src, struct evbuffer *out)
{
    while (evbuffer_get_length(src) > 0) {
        size_t avail = evbuffer_get_length(src);
        switch (g->state) {
        case S_HEAD:
            head_collect(g, src, out);
            break;
        case S_BODY:
        case S_CHUNK_DATA: {
            size_t n = g->remaining < avail ? (size_t)g->remaining : avail;
            release(g, src, out, n);
            g->remaining -= n;
            if (g->remaining == 0)
                g->state = g->state == S_BODY ? S_HEAD : S_CHUNK_END;
            break;
        }
        case S_CHUNK_SIZE:
            if (line_collect(g, src, out)) {
                if (!chunk_size(g->line, &g->remaining))
                    pass_through(g, out);
                else
                    g->state = g->remaining ? S_CHUNK_DATA : S_TRAILER;
            }
            break;
        case S_CHUNK_END:
            if (line_collect(g, src, out))
                g->state = g->line[0] ? S_PASS : S_CHUNK_SIZE;
            break;
        case S_TRAILER:
            if (line_collect(g, src, out) && !g->line[0])
                g->state = S_HEAD;
            break;
        case S_DISCARD:
            evbuffer_drain(src, avail);
            break;
        case S_PASS:
            release(g, src, out, avail);
            break;
        }
    }
}

/* The connection ------------------------------------------------------------- */

static struct guard *guard_new(void)
{
    struct guard *g = calloc(1, sizeof *g);
    if (!g)
        abort();
    g->incoming = evbuffer_new();
    if (!g->incoming)
        abort();
    g->slot = -1;
    return g;
}

static void guard_free(struct guard *g)
{
    slot_drop(g->slot);
    for (int i = 0; i < g->pending_count; i++)
        slot_drop(g->pending[i].slot);
    evbuffer_free(g->incoming);
    free(g->head);
    free(g);
}

/* on_input sees every change to the connection's input buffer: evhttp's
 * reads (deletions) and the socket's new bytes (additions, while the buffer's
 * end is unfrozen for the read), which it takes out and hands back followed. */
static void on_input(struct evbuffer *in, const struct evbuffer_cb_info *info, void *arg)
{
    struct guard *g = arg;
    if (g->busy)
        return;
    if (info->n_deleted) {
        g->consumed += info->n_deleted;
        apply(g);
    }
    if (!info->n_added)
        return;
    /* Bytes of a body (or of a connection the guard stepped aside from) stay
     * where they are: evhttp leaves a body in this buffer until it is whole,
     * so moving them would cost the whole body again at every read. */
    if (g->state == S_PASS ||
        ((g->state == S_BODY || g->state == S_CHUNK_DATA) && info->n_added <= g->remaining)) {
        g->released += info->n_added;
        if (g->state != S_PASS && (g->remaining -= info->n_added) == 0)
            g->state = g->state == S_BODY ? S_HEAD : S_CHUNK_END;
        return;
    }
    g->busy = true;
    size_t total = evbuffer_get_length(in), old = total - info->n_added;
    evbuffer_remove_buffer(in, g->incoming, total);
    if (old)
        evbuffer_remove_buffer(g->incoming, in, old);
    follow(g, g->incoming, in);
    g->busy = false;
}

static void on_close(struct evhttp_connection *evcon, void *arg)
{
    (void)evcon;
    struct guard *g = arg;
    evbuffer_remove_cb(bufferevent_get_input(g->bev), on_input, g);
    guard_free(g);
}

/* on_first_input makes the guard once a connection sends something (a
 * connection that never does costs nothing), when evhttp has set itself up
 * on the bufferevent: its callbacks' argument is the connection. */
static void on_first_input(struct evbuffer *in, const struct evbuffer_cb_info *info, void *arg)
{
    struct bufferevent *bev = arg;
    if (!info->n_added)
        return;
    void *cbarg = NULL;
    bufferevent_getcb(bev, NULL, NULL, NULL, &cbarg);
    struct evhttp_connection *evcon = cbarg;
    evbuffer_remove_cb(in, on_first_input, arg);
    if (!evcon || evhttp_connection_get_bufferevent(evcon) != bev)
        return; /* not evhttp's: nothing to guard */
    struct guard *g = guard_new();
    g->bev = bev;
    g->evcon = evcon;
    evhttp_connection_set_closecb(evcon, on_close, g);
    evbuffer_add_cb(in, on_input, g);
    on_input(in, info, g);
}

struct bufferevent *guard_bevcb(struct event_base *base, void *arg)
{
    (void)arg;
    struct bufferevent *bev = bufferevent_socket_new(base, -1, BEV_OPT_CLOSE_ON_FREE);
    if (bev)
        evbuffer_add_cb(bufferevent_get_input(bev), on_first_input, bev);
    return bev;
}

/* Testing ------------------------------------------------------------------ */

struct guard *guard_test_new(void)
{
    return guard_new();
}

void guard_test_feed(struct guard *g, struct evbuffer *src, struct evbuffer *out)
{
    follow(g, src, out);
}

void guard_test_consumed(struct guard *g, size_t n)
{
    g->consumed += n;
    apply(g);
}

size_t guard_test_limit(const struct guard *g)
{
    return g->limit;
}

void guard_test_free(struct guard *g)
{
    guard_free(g);
}
