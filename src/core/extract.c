/*
 * extract.c — see extract.h. Web pages are read as a stream through a small
 * state machine (text, tag, comment, script or style, entity), which is
 * enough for indexing words: it does not need to be an HTML parser, only to
 * never show markup as words.
 */
#include "core/extract.h"

#include "core/arena.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Output: at most EXTRACT_MAX bytes, spaces collapsed. */
struct text_out {
    char *data;
    size_t len;
    bool space; /* the last byte written was a space */
};

static bool out_full(const struct text_out *o)
{
    return o->len + 8 >= EXTRACT_MAX;
}

static void out_byte(struct text_out *o, char c)
{
    if (out_full(o))
        return;
    bool blank = c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
    if (blank) {
        if (o->space || o->len == 0)
            return;
        c = ' ';
    }
    o->data[o->len++] = c;
    o->space = blank;
}

static void out_codepoint(struct text_out *o, unsigned long cp)
{
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp < 0x20 || cp == 0xA0) {
        out_byte(o, ' ');
    } else if (cp < 0x80) {
        out_byte(o, (char)cp);
    } else if (cp < 0x800) {
        out_byte(o, (char)(0xC0 | (cp >> 6)));
        out_byte(o, (char)(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out_byte(o, (char)(0xE0 | (cp >> 12)));
        out_byte(o, (char)(0x80 | ((cp >> 6) & 0x3F)));
        out_byte(o, (char)(0x80 | (cp & 0x3F)));
    } else {
        out_byte(o, (char)(0xF0 | (cp >> 18)));
        out_byte(o, (char)(0x80 | ((cp >> 12) & 0x3F)));
        out_byte(o, (char)(0x80 | ((cp >> 6) & 0x3F)));
        out_byte(o, (char)(0x80 | (cp & 0x3F)));
    }
}

/* clean makes text[0..n) valid UTF-8 in place: bad bytes and control
 * characters become spaces, an unfinished sequence at the end is cut.
 * Returns the new length. */
static size_t clean(char *text, size_t n)
{
    unsigned char *s = (unsigned char *)text;
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        size_t need = c < 0x80                 ? 0
                      : c >= 0xC2 && c <= 0xDF ? 1
                      : c >= 0xE0 && c <= 0xEF ? 2
                      : c >= 0xF0 && c <= 0xF4 ? 3
                                               : 4;
        if (need == 4) {
            s[i++] = ' ';
            continue;
        }
        if (need == 0) {
            if (c < 0x20 || c == 0x7F)
                s[i] = ' ';
            i++;
            continue;
        }
        if (i + need >= n)
            return i; /* cut at an unfinished sequence */
        unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
        unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
        bool ok = s[i + 1] >= lo && s[i + 1] <= hi;
        for (size_t k = 2; ok && k <= need; k++)
            ok = s[i + k] >= 0x80 && s[i + k] <= 0xBF;
        if (!ok) {
            s[i++] = ' ';
            continue;
        }
        i += need + 1;
    }
    return n;
}

static enum extract_result read_text(struct arena *a, const char *path, char **out)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return EXTRACT_FAILED;
    char *buf = arena_alloc(a, EXTRACT_MAX + 1);
    size_t n = 0;
    while (n < EXTRACT_MAX) {
        ssize_t k = read(fd, buf + n, EXTRACT_MAX - n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            break;
        n += (size_t)k;
    }
    close(fd);
    n = clean(buf, n);
    buf[n] = '\0';
    *out = buf;
    return EXTRACT_OK;
}

/* The web page reader. */
enum html_state { H_TEXT, H_TAG, H_COMMENT, H_RAW, H_ENTITY };

struct html {
    enum html_state state;
    char tag[16]; /* the tag's name, lower case */
    size_t tag_len;
    bool tag_named; /* the name is complete */
    bool closing;   /* </…> */
    char quote;     /* inside an attribute value quoted with it */
    char raw[24];   /* "</script" or "</style": the end of content skipped */
    size_t raw_match;
    char entity[12];
    size_t entity_len;
    int dashes; /* for the end of a comment */
};

static void entity_done(struct html *h, struct text_out *o)
{
    static const struct {
        const char *name;
        unsigned long cp;
    } named[] = {{"amp", '&'},     {"lt", '<'},      {"gt", '>'},      {"quot", '"'},
                 {"apos", '\''},   {"nbsp", ' '},    {"eacute", 0xE9}, {"egrave", 0xE8},
                 {"agrave", 0xE0}, {"ccedil", 0xE7}, {"ocirc", 0xF4},  {"ecirc", 0xEA}};
    h->entity[h->entity_len] = '\0';
    unsigned long cp = 0;
    char *end = NULL;
    if (h->entity[0] == '#') {
        bool hex = h->entity[1] == 'x' || h->entity[1] == 'X';
        cp = strtoul(h->entity + (hex ? 2 : 1), &end, hex ? 16 : 10);
        if (end && *end == '\0' && end != h->entity + (hex ? 2 : 1)) {
            out_codepoint(o, cp);
            return;
        }
    } else {
        for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
            if (strcmp(h->entity, named[i].name) == 0) {
                out_codepoint(o, named[i].cp);
                return;
            }
    }
    out_byte(o, '&'); /* not an entity we know: the text as written */
    for (size_t i = 0; i < h->entity_len; i++)
        out_byte(o, h->entity[i]);
    out_byte(o, ';');
}

static void tag_done(struct html *h, struct text_out *o)
{
    h->tag[h->tag_len] = '\0';
    out_byte(o, ' ');
    if (!h->closing && (strcmp(h->tag, "script") == 0 || strcmp(h->tag, "style") == 0)) {
        snprintf(h->raw, sizeof h->raw, "</%s", h->tag);
        h->raw_match = 0;
        h->state = H_RAW;
    } else {
        h->state = H_TEXT;
    }
}

static void html_byte(struct html *h, struct text_out *o, char c)
{
    switch (h->state) {
    case H_TEXT:
        if (c == '<') {
            h->state = H_TAG;
            h->tag_len = 0;
            h->tag_named = false;
            h->closing = false;
            h->quote = 0;
        } else if (c == '&') {
            h->state = H_ENTITY;
            h->entity_len = 0;
        } else {
            out_byte(o, c);
        }
        break;
    case H_ENTITY:
        if (c == ';') {
            entity_done(h, o);
            h->state = H_TEXT;
        } else if (h->entity_len + 1 < sizeof h->entity && c != '<' && c != ' ' && c != '&') {
            h->entity[h->entity_len++] = c;
        } else {
            out_byte(o, '&');
            for (size_t i = 0; i < h->entity_len; i++)
                out_byte(o, h->entity[i]);
            h->state = H_TEXT;
            html_byte(h, o, c);
        }
        break;
    case H_TAG:
        if (h->quote) {
            if (c == h->quote)
                h->quote = 0;
        } else if (c == '>') {
            tag_done(h, o);
        } else if (c == '"' || c == '\'') {
            h->quote = c;
            h->tag_named = true;
        } else if (!h->tag_named) {
            if (c == '/' && h->tag_len == 0) {
                h->closing = true;
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/') {
                h->tag_named = h->tag_len > 0;
            } else if (h->tag_len + 1 < sizeof h->tag) {
                h->tag[h->tag_len++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
                if (h->tag_len == 3 && memcmp(h->tag, "!--", 3) == 0) {
                    h->state = H_COMMENT;
                    h->dashes = 0;
                }
            }
        }
        break;
    case H_COMMENT:
        if (c == '>' && h->dashes >= 2)
            h->state = H_TEXT;
        h->dashes = c == '-' ? h->dashes + 1 : 0;
        break;
    case H_RAW: {
        char lower = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        if (lower == h->raw[h->raw_match]) {
            if (h->raw[++h->raw_match] == '\0') {
                h->state = H_TAG; /* the closing tag, read as one */
                h->tag_len = 0;
                h->tag_named = true;
                h->closing = true;
                h->quote = 0;
            }
        } else {
            h->raw_match = lower == '<' ? 1 : 0;
        }
        break;
    }
    }
}

static enum extract_result read_html(struct arena *a, const char *path, char **out)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return EXTRACT_FAILED;
    struct text_out o = {.data = arena_alloc(a, EXTRACT_MAX + 1)};
    struct html h = {.state = H_TEXT};
    char buf[65536];
    for (;;) {
        ssize_t k = read(fd, buf, sizeof buf);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            break;
        for (ssize_t i = 0; i < k && !out_full(&o); i++)
            html_byte(&h, &o, buf[i]);
        if (out_full(&o))
            break;
    }
    close(fd);
    o.len = clean(o.data, o.len);
    o.data[o.len] = '\0';
    *out = o.data;
    return EXTRACT_OK;
}

/* find_program resolves a program's path in PATH before forking (execvp may
 * allocate, which a child of a threaded program must not). */
static bool find_program(const char *name, char *out, size_t size)
{
    if (strchr(name, '/')) {
        snprintf(out, size, "%s", name);
        return access(out, X_OK) == 0;
    }
    const char *path = getenv("PATH");
    if (!path)
        path = "/usr/local/bin:/usr/bin:/bin";
    for (const char *p = path; *p;) {
        size_t n = strcspn(p, ":");
        int w = snprintf(out, size, "%.*s/%s", (int)n, p, name);
        if (w > 0 && (size_t)w < size && n > 0 && access(out, X_OK) == 0)
            return true;
        p += n;
        if (*p == ':')
            p++;
    }
    return false;
}

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* child_exec runs in the child: only async-signal-safe calls until exec. */
static void child_exec(const char *program, const char *path, int out_fd, int seconds)
{
    struct rlimit cpu = {(rlim_t)seconds + 1, (rlim_t)seconds + 2};
    struct rlimit mem = {(rlim_t)1 << 30, (rlim_t)1 << 30};
    setrlimit(RLIMIT_CPU, &cpu);
    setrlimit(RLIMIT_AS, &mem);
    int null = open("/dev/null", O_RDWR);
    if (null < 0 || dup2(null, 0) < 0 || dup2(out_fd, 1) < 0 || dup2(null, 2) < 0)
        _exit(126);
    close_range(3, ~0U, 0);
    char *const argv[] = {(char *)"pdftotext", (char *)"-q", (char *)"-enc", (char *)"UTF-8",
                          (char *)"-nopgbrk",  (char *)path, (char *)"-",    NULL};
    execv(program, argv);
    _exit(127);
}

static enum extract_result read_pdf(struct arena *a, const char *path, const char *pdftotext,
                                    int seconds, char **out)
{
    char program[4096];
    *out = "";
    if (!find_program(pdftotext, program, sizeof program))
        return EXTRACT_FAILED;
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
        return EXTRACT_FAILED;
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return EXTRACT_FAILED;
    }
    if (pid == 0)
        child_exec(program, path, fds[1], seconds);
    close(fds[1]);
    char *buf = arena_alloc(a, EXTRACT_MAX + 1);
    size_t n = 0;
    int64_t deadline = now_ms() + (int64_t)seconds * 1000;
    bool timed_out = false, full = false;
    for (;;) {
        int64_t left = deadline - now_ms();
        if (left <= 0) {
            timed_out = true;
            break;
        }
        struct pollfd p = {fds[0], POLLIN, 0};
        int rc = poll(&p, 1, (int)left);
        if (rc < 0 && errno == EINTR)
            continue;
        if (rc <= 0) {
            timed_out = rc == 0;
            break;
        }
        ssize_t k = read(fds[0], buf + n, EXTRACT_MAX - n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            break;
        n += (size_t)k;
        if (n == EXTRACT_MAX) {
            full = true; /* enough for the index: the rest is not read */
            break;
        }
    }
    close(fds[0]);
    if (timed_out || full)
        kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    bool ok = full || (WIFEXITED(status) && WEXITSTATUS(status) == 0);
    if (!ok && !timed_out)
        return EXTRACT_FAILED;
    n = clean(buf, n);
    buf[n] = '\0';
    *out = buf;
    return timed_out ? EXTRACT_TIMED_OUT : EXTRACT_OK;
}

enum extract_result extract_text(struct arena *a, const char *path, enum extract_kind kind,
                                 const char *pdftotext, int seconds, char **out)
{
    *out = "";
    switch (kind) {
    case EXTRACT_TEXT:
        return read_text(a, path, out);
    case EXTRACT_HTML:
        return read_html(a, path, out);
    case EXTRACT_PDF:
        return read_pdf(a, path, pdftotext, seconds, out);
    }
    return EXTRACT_FAILED;
}
