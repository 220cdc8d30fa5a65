/*
 * multipart.c — see multipart.h. The delimiter is CR LF "--" boundary; the
 * body is read as if a CR LF came before it, so that a first delimiter at the
 * very start (the usual case) matches like any other. Matching a delimiter
 * needs no backtracking: its only CR is its first byte, so after a mismatch
 * the only place a new match can start is the byte that broke the old one.
 */
#include "http/multipart.h"

#include <string.h>
#include <strings.h>

enum state {
    ST_PREAMBLE, /* before the first delimiter: ignored */
    ST_AFTER,    /* right after a delimiter: "--" closes, else padding and CR LF */
    ST_HEAD,     /* a part's headers, up to an empty line */
    ST_BODY,     /* a part's content, up to the next delimiter */
    ST_EPILOGUE, /* after the closing delimiter: ignored */
    ST_FAILED,
};

/* hex_value is the value of a hexadecimal digit, or 16 for another byte. */
static unsigned hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return (unsigned)(c - '0');
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
        return (unsigned)((c | 0x20) - 'a' + 10);
    return 16;
}

/* RFC 2046 bcharsnospace, and the space allowed inside a boundary. */
static bool boundary_char(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           strchr("'()+_,-./:=? ", c) != NULL;
}

/* param_value reads a parameter value (token or quoted-string) at *p into
 * out; returns -1 when malformed or too long. */
static int param_value(const char **p, char *out, size_t size)
{
    const char *s = *p;
    size_t n = 0;
    if (*s == '"') {
        /* As browsers write it (the HTML standard's form encoding): no
         * backslash escapes (a Windows path keeps its backslashes), and a
         * quote, CR and LF in a value written %22, %0D and %0A. */
        for (s++; *s && *s != '"'; s++) {
            char c = *s;
            if (c == '%' && s[1] == '2' && s[2] == '2')
                c = '"';
            else if (c == '%' && s[1] == '0' && (s[2] == 'D' || s[2] == 'A'))
                c = s[2] == 'D' ? '\r' : '\n';
            if (c != *s)
                s += 2;
            if (n + 1 >= size)
                return -1;
            out[n++] = c;
        }
        if (*s != '"')
            return -1;
        s++;
    } else {
        for (; *s && *s != ';' && *s != ' ' && *s != '\t'; s++) {
            if (n + 1 >= size)
                return -1;
            out[n++] = *s;
        }
    }
    out[n] = '\0';
    *p = s;
    return 0;
}

/* param_next moves *p past "; name=" and reads the name; false at the end. */
static bool param_next(const char **p, char *name, size_t size)
{
    const char *s = *p;
    while (*s == ' ' || *s == '\t')
        s++;
    if (*s != ';')
        return false;
    s++;
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = 0;
    while (*s && *s != '=' && *s != ';' && *s != ' ') {
        if (n + 1 < size)
            name[n++] = *s;
        s++;
    }
    name[n] = '\0';
    while (*s == ' ' || *s == '\t')
        s++;
    if (*s != '=')
        return false;
    s++;
    while (*s == ' ' || *s == '\t')
        s++;
    *p = s;
    return n > 0;
}

int multipart_boundary(const char *content_type, char out[MULTIPART_BOUNDARY_MAX + 1])
{
    static const char type[] = "multipart/form-data";
    if (!content_type || strncasecmp(content_type, type, sizeof type - 1) != 0)
        return -2;
    const char *p = content_type + sizeof type - 1;
    if (*p && *p != ';' && *p != ' ' && *p != '\t')
        return -2;
    char name[32], value[MULTIPART_BOUNDARY_MAX + 2];
    out[0] = '\0';
    while (param_next(&p, name, sizeof name)) {
        if (param_value(&p, value, sizeof value) != 0)
            return -1;
        if (strcasecmp(name, "boundary") == 0) {
            size_t n = strlen(value);
            if (n == 0 || n > MULTIPART_BOUNDARY_MAX || value[n - 1] == ' ')
                return -1;
            for (size_t i = 0; i < n; i++)
                if (!boundary_char(value[i]))
                    return -1;
            memcpy(out, value, n + 1);
        }
    }
    while (*p == ' ' || *p == '\t')
        p++;
    return *p == '\0' && out[0] ? 0 : -1;
}

void multipart_init(struct multipart *m, const char *boundary, const struct multipart_handler *h)
{
    memset(m, 0, sizeof *m);
    m->handler = *h;
    size_t n = strlen(boundary);
    if (n > MULTIPART_BOUNDARY_MAX)
        n = MULTIPART_BOUNDARY_MAX;
    memcpy(m->delimiter, "\r\n--", 4);
    memcpy(m->delimiter + 4, boundary, n);
    m->delimiter_len = n + 4;
    m->state = ST_PREAMBLE;
    m->match = 2; /* as if the body began after a line break */
}

static enum multipart_result fail(struct multipart *m, enum multipart_problem problem)
{
    m->state = ST_FAILED;
    m->problem = problem;
    return MULTIPART_BAD;
}

static enum multipart_result stop(struct multipart *m)
{
    m->state = ST_FAILED;
    m->problem = MULTIPART_OK;
    return MULTIPART_STOPPED;
}

/* disposition reads Content-Disposition: form-data; name="…"; filename="…". */
static bool disposition(const char *value, struct multipart_part *part)
{
    static const char type[] = "form-data";
    if (strncasecmp(value, type, sizeof type - 1) != 0)
        return false;
    const char *p = value + sizeof type - 1;
    char name[32], text[sizeof part->filename];
    bool has_name = false, extended = false;
    while (param_next(&p, name, sizeof name)) {
        if (param_value(&p, text, sizeof text) != 0)
            return false;
        if (strcasecmp(name, "name") == 0 && strlen(text) < sizeof part->name) {
            memcpy(part->name, text, strlen(text) + 1);
            has_name = true;
        } else if (strcasecmp(name, "filename") == 0) {
            part->has_filename = true;
            if (!extended)
                memcpy(part->filename, text, strlen(text) + 1);
        } else if (strcasecmp(name, "filename*") == 0 && strncasecmp(text, "UTF-8''", 7) == 0) {
            /* RFC 5987: percent-encoded UTF-8, preferred to the plain name. */
            size_t n = 0;
            bool ok = true;
            for (const char *s = text + 7; *s && ok; s++) {
                unsigned v = (unsigned char)*s;
                if (*s == '%') {
                    unsigned hi, lo;
                    ok = s[1] && s[2] && (hi = hex_value(s[1])) < 16 && (lo = hex_value(s[2])) < 16;
                    if (ok)
                        v = hi * 16 + lo;
                    s += 2;
                }
                if (ok && v)
                    part->filename[n++] = (char)v;
            }
            part->filename[n] = '\0';
            if (ok) {
                part->has_filename = true;
                extended = true;
            }
        }
    }
    return has_name;
}

/* head_done reads a part's headers (m->head, ending in an empty line). */
static enum multipart_result head_done(struct multipart *m)
{
    struct multipart_part part;
    memset(&part, 0, sizeof part);
    bool has_disposition = false;
    char *line = m->head, *end = m->head + m->head_len;
    while (line < end) {
        char *eol = memchr(line, '\n', (size_t)(end - line));
        *eol = '\0';
        if (eol > line && eol[-1] == '\r')
            eol[-1] = '\0';
        if (!*line)
            break;
        char *colon = strchr(line, ':');
        if (!colon || colon == line || line[0] == ' ' || line[0] == '\t')
            return fail(m, MULTIPART_BAD_HEADER);
        *colon = '\0';
        char *value = colon + 1;
        while (*value == ' ' || *value == '\t')
            value++;
        if (strcasecmp(line, "Content-Disposition") == 0) {
            if (has_disposition || !disposition(value, &part))
                return fail(m, MULTIPART_NO_DISPOSITION);
            has_disposition = true;
        } else if (strcasecmp(line, "Content-Type") == 0) {
            size_t n = strlen(value);
            if (n >= sizeof part.content_type)
                n = sizeof part.content_type - 1;
            memcpy(part.content_type, value, n);
            part.content_type[n] = '\0';
        }
        line = eol + 1;
    }
    if (!has_disposition)
        return fail(m, MULTIPART_NO_DISPOSITION);
    if (++m->parts > MULTIPART_PARTS_MAX)
        return fail(m, MULTIPART_TOO_MANY_PARTS);
    m->head_len = 0;
    m->state = ST_BODY;
    m->in_part = true;
    if (m->handler.part_begin && m->handler.part_begin(m->handler.arg, &part) != 0)
        return stop(m);
    return MULTIPART_MORE;
}

static int emit(struct multipart *m, const char *data, size_t n)
{
    if (!n || m->state != ST_BODY || !m->handler.part_data)
        return 0;
    return m->handler.part_data(m->handler.arg, data, n);
}

/* scan looks for the delimiter in data[*i..n), passing content on in BODY. */
static enum multipart_result scan(struct multipart *m, const char *data, size_t n, size_t *i)
{
    while (*i < n) {
        if (m->match == 0) {
            const char *cr = memchr(data + *i, '\r', n - *i);
            size_t upto = cr ? (size_t)(cr - data) : n;
            if (emit(m, data + *i, upto - *i) != 0)
                return stop(m);
            *i = upto;
            if (!cr)
                break;
            m->match = 1;
            (*i)++;
            continue;
        }
        if (data[*i] == m->delimiter[m->match]) {
            (*i)++;
            if (++m->match < m->delimiter_len)
                continue;
            m->match = 0;
            if (m->in_part) {
                m->in_part = false;
                if (m->handler.part_end && m->handler.part_end(m->handler.arg) != 0)
                    return stop(m);
            }
            m->state = ST_AFTER;
            m->after = 0;
            return MULTIPART_MORE;
        }
        /* What matched was content after all; the byte that broke the
         * match is looked at again, as the possible start of a delimiter. */
        if (emit(m, m->delimiter, m->match) != 0)
            return stop(m);
        m->match = 0;
    }
    return MULTIPART_MORE;
}

/* after reads what follows a delimiter: "--" (the end), or transport padding
 * and CR LF (a part follows). m->after: 0 start, 1 one '-', 2 CR seen. */
static enum multipart_result after(struct multipart *m, char c)
{
    switch (m->after) {
    case 0:
        if (c == '-')
            m->after = 1;
        else if (c == '\r')
            m->after = 2;
        else if (c != ' ' && c != '\t')
            return fail(m, MULTIPART_BAD_DELIMITER);
        return MULTIPART_MORE;
    case 1:
        if (c != '-')
            return fail(m, MULTIPART_BAD_DELIMITER);
        m->state = ST_EPILOGUE;
        return MULTIPART_DONE;
    default:
        if (c != '\n')
            return fail(m, MULTIPART_BAD_DELIMITER);
        m->state = ST_HEAD;
        m->head_len = 0;
        return MULTIPART_MORE;
    }
}

/* head collects a part's headers; they end at an empty line. */
static enum multipart_result head(struct multipart *m, const char *data, size_t n, size_t *i)
{
    while (*i < n) {
        if (m->head_len == MULTIPART_HEAD_MAX)
            return fail(m, MULTIPART_HEAD_TOO_LONG);
        char c = data[(*i)++];
        m->head[m->head_len++] = c;
        if (c != '\n')
            continue;
        size_t k = m->head_len;
        bool empty_first = k == 2 && m->head[0] == '\r';
        bool blank = k >= 4 && memcmp(m->head + k - 4, "\r\n\r\n", 4) == 0;
        if (empty_first || blank)
            return head_done(m);
        if (k < 2 || m->head[k - 2] != '\r')
            return fail(m, MULTIPART_BAD_HEADER); /* a bare LF */
    }
    return MULTIPART_MORE;
}

enum multipart_result multipart_feed(struct multipart *m, const char *data, size_t n)
{
    size_t i = 0;
    while (i < n) {
        enum multipart_result r = MULTIPART_MORE;
        switch (m->state) {
        case ST_PREAMBLE:
        case ST_BODY:
            r = scan(m, data, n, &i);
            break;
        case ST_AFTER:
            r = after(m, data[i++]);
            break;
        case ST_HEAD:
            r = head(m, data, n, &i);
            break;
        case ST_EPILOGUE:
            return MULTIPART_DONE;
        default:
            return m->problem ? MULTIPART_BAD : MULTIPART_STOPPED;
        }
        if (r == MULTIPART_BAD || r == MULTIPART_STOPPED)
            return r;
    }
    if (m->state == ST_EPILOGUE)
        return MULTIPART_DONE;
    if (m->state == ST_FAILED)
        return m->problem ? MULTIPART_BAD : MULTIPART_STOPPED;
    return MULTIPART_MORE;
}

enum multipart_result multipart_finish(struct multipart *m)
{
    if (m->state == ST_EPILOGUE)
        return MULTIPART_DONE;
    if (m->state == ST_FAILED)
        return m->problem ? MULTIPART_BAD : MULTIPART_STOPPED;
    return fail(m,
                m->parts || m->state != ST_PREAMBLE ? MULTIPART_TRUNCATED : MULTIPART_NO_BOUNDARY);
}

enum multipart_problem multipart_problem(const struct multipart *m)
{
    return m->problem;
}
