/*
 * tz.c — see tz.h. A TZif file (RFC 8536) holds a version-1 block with
 * 32-bit times and, from version 2 on, a second block with 64-bit times
 * followed by a footer: a POSIX TZ string ("CET-1CEST,M3.5.0,M10.5.0/3") that
 * gives local time after the last transition of the table. Files of version
 * 2 and later are read from their second block; version-1 files from their
 * only one.
 */
#include "core/tz.h"

#include "core/arena.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define TZ_DIR       "/usr/share/zoneinfo/"
#define TZ_FILE_MAX  (256 * 1024)
#define TZ_ABBR_MAX  16
#define TZ_TYPES_MAX 256

struct tz_type {
    int32_t offset; /* seconds east of UTC */
    bool dst;
    const char *abbr;
};

/* A day of the year on which a POSIX rule changes the clock, and when. */
struct tz_day {
    char form;       /* 'J': Julian day 1..365 without 29 February; 'N': 0..365; 'M': month rule */
    int n, m, w, d;  /* J and N: n; M: month m, week w (5: last), weekday d (0: Sunday) */
    int32_t seconds; /* local time of day of the change, may be negative or past 24 h */
};

/* The POSIX TZ string of a footer. */
struct tz_rule {
    char std_abbr[TZ_ABBR_MAX], dst_abbr[TZ_ABBR_MAX];
    int32_t std_offset, dst_offset; /* seconds east */
    bool has_dst;
    struct tz_day start, end;
};

struct tz {
    char name[TZ_NAME_MAX + 1];
    int time_count;
    int64_t *times;   /* transitions, ascending */
    uint8_t *indices; /* the type in force from each transition on */
    int type_count;
    struct tz_type *types;
    bool has_rule;
    struct tz_rule rule;
};

/* Civil dates: days since 1970-01-01 of a proleptic Gregorian date (after
 * Howard Hinnant's days_from_civil). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* year_of is the civil year of a day number (days since 1970-01-01). */
static int64_t year_of(int64_t days)
{
    days += 719468;
    int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    int64_t doe = days - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    return yoe + era * 400 + (m <= 2);
}

static bool leap_year(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int64_t y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap_year(y) ? 29 : days[m - 1];
}

static int64_t floor_div(int64_t a, int64_t b)
{
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

bool tz_name_valid(const char *name)
{
    if (!name || !*name || strlen(name) > TZ_NAME_MAX || *name == '/' || strstr(name, "..") ||
        strncmp(name, "right/", 6) == 0) /* "right/": clocks that count leap seconds */
        return false;
    if (strcmp(name, "UTC") == 0)
        return true;
    for (const char *s = name; *s; s++) {
        bool ok = (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
                  (*s >= '0' && *s <= '9') || *s == '_' || *s == '-' || *s == '+' || *s == '/';
        if (!ok)
            return false;
    }
    char path[sizeof TZ_DIR + TZ_NAME_MAX], magic[4];
    snprintf(path, sizeof path, TZ_DIR "%s", name);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    ssize_t n = read(fd, magic, sizeof magic);
    close(fd);
    return n == 4 && memcmp(magic, "TZif", 4) == 0;
}

/* read_file reads a whole zone file into the arena; NULL when it cannot. */
static unsigned char *read_file(struct arena *a, const char *name, size_t *size)
{
    char path[sizeof TZ_DIR + TZ_NAME_MAX];
    snprintf(path, sizeof path, TZ_DIR "%s", name);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
        st.st_size > TZ_FILE_MAX) {
        close(fd);
        return NULL;
    }
    size_t want = (size_t)st.st_size, used = 0;
    unsigned char *data = arena_alloc(a, want);
    while (used < want) {
        ssize_t n = read(fd, data + used, want - used);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        used += (size_t)n;
    }
    close(fd);
    *size = used;
    return used == want ? data : NULL;
}

static int64_t be32(const unsigned char *p)
{
    uint32_t v = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
    return (int32_t)v;
}

static int64_t be64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v = v << 8 | p[i];
    return (int64_t)v;
}

/* Counts of a TZif header, in file order. */
struct counts {
    int64_t isut, isstd, leap, time, type, chars;
};

static int read_counts(const unsigned char *p, size_t size, struct counts *k)
{
    if (size < 44 || memcmp(p, "TZif", 4) != 0)
        return -1;
    k->isut = be32(p + 20);
    k->isstd = be32(p + 24);
    k->leap = be32(p + 28);
    k->time = be32(p + 32);
    k->type = be32(p + 36);
    k->chars = be32(p + 40);
    if (k->isut < 0 || k->isstd < 0 || k->leap < 0 || k->time < 0 || k->type < 1 ||
        k->type > TZ_TYPES_MAX || k->chars < 1 || k->time > 100000 || k->leap > 10000 ||
        k->chars > 10000 || k->isut > k->type || k->isstd > k->type)
        return -1;
    return 0;
}

static int64_t block_size(const struct counts *k, int time_size)
{
    return k->time * time_size + k->time + k->type * 6 + k->chars + k->leap * (time_size + 4) +
           k->isstd + k->isut;
}

/* POSIX TZ strings. Each reader advances *s and returns -1 on a malformed string. */

static int rule_abbr(const char **s, char out[TZ_ABBR_MAX])
{
    const char *p = *s;
    size_t n = 0;
    if (*p == '<') {
        for (p++; *p && *p != '>'; p++)
            if (n + 1 < TZ_ABBR_MAX)
                out[n++] = *p;
        if (*p != '>')
            return -1;
        p++;
    } else {
        for (; (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'); p++)
            if (n + 1 < TZ_ABBR_MAX)
                out[n++] = *p;
    }
    out[n] = '\0';
    *s = p;
    return n >= 1 ? 0 : -1;
}

/* rule_time reads [+-]hh[:mm[:ss]] (hours up to 167) as seconds. */
static int rule_time(const char **s, int32_t *out)
{
    const char *p = *s;
    int sign = 1;
    if (*p == '+' || *p == '-')
        sign = *p++ == '-' ? -1 : 1;
    int32_t parts[3] = {0, 0, 0};
    for (int i = 0; i < 3; i++) {
        if (i > 0 && *p != ':')
            break;
        if (i > 0)
            p++;
        if (*p < '0' || *p > '9')
            return -1;
        int v = 0;
        for (int digits = 0; *p >= '0' && *p <= '9'; p++, digits++) {
            if (digits == 3)
                return -1;
            v = v * 10 + (*p - '0');
        }
        parts[i] = v;
    }
    if (parts[0] > 167 || parts[1] > 59 || parts[2] > 59)
        return -1;
    *out = sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]);
    *s = p;
    return 0;
}

static int rule_number(const char **s, int min, int max, int *out)
{
    const char *p = *s;
    int v = 0, digits = 0;
    for (; *p >= '0' && *p <= '9' && digits < 4; p++, digits++)
        v = v * 10 + (*p - '0');
    if (!digits || v < min || v > max)
        return -1;
    *out = v;
    *s = p;
    return 0;
}

static int rule_day(const char **s, struct tz_day *d)
{
    const char *p = *s;
    int rc;
    if (*p == 'J') {
        p++;
        d->form = 'J';
        rc = rule_number(&p, 1, 365, &d->n);
    } else if (*p == 'M') {
        p++;
        d->form = 'M';
        rc = rule_number(&p, 1, 12, &d->m);
        if (rc == 0 && *p++ == '.')
            rc = rule_number(&p, 1, 5, &d->w);
        else
            rc = -1;
        if (rc == 0 && *p++ == '.')
            rc = rule_number(&p, 0, 6, &d->d);
        else
            rc = -1;
    } else {
        d->form = 'N';
        rc = rule_number(&p, 0, 365, &d->n);
    }
    d->seconds = 7200;
    if (rc == 0 && *p == '/') {
        p++;
        rc = rule_time(&p, &d->seconds);
    }
    *s = p;
    return rc;
}

static int rule_parse(const char *s, struct tz_rule *r)
{
    memset(r, 0, sizeof *r);
    int32_t west;
    if (rule_abbr(&s, r->std_abbr) != 0 || rule_time(&s, &west) != 0)
        return -1;
    r->std_offset = -west;
    if (!*s)
        return 0;
    if (rule_abbr(&s, r->dst_abbr) != 0)
        return -1;
    r->has_dst = true;
    r->dst_offset = r->std_offset + 3600;
    if (*s && *s != ',') {
        if (rule_time(&s, &west) != 0)
            return -1;
        r->dst_offset = -west;
    }
    if (!*s) { /* POSIX's default: the United States' rules */
        r->start = (struct tz_day){'M', 0, 3, 2, 0, 7200};
        r->end = (struct tz_day){'M', 0, 11, 1, 0, 7200};
        return 0;
    }
    if (*s++ != ',' || rule_day(&s, &r->start) != 0 || *s++ != ',' || rule_day(&s, &r->end) != 0)
        return -1;
    return *s ? -1 : 0;
}

/* day_instant is the instant, in year y, of the change a rule day makes,
 * read in a wall clock offset seconds east of UTC. */
static int64_t day_instant(int64_t y, const struct tz_day *d, int32_t offset)
{
    int64_t day;
    if (d->form == 'J')
        day = days_from_civil(y, 1, 1) + d->n - 1 + (leap_year(y) && d->n >= 60);
    else if (d->form == 'N')
        day = days_from_civil(y, 1, 1) + d->n;
    else {
        int64_t first = days_from_civil(y, d->m, 1);
        int weekday = (int)((first % 7 + 7 + 4) % 7); /* 1970-01-01 was a Thursday */
        int mday = 1 + (d->d - weekday + 7) % 7 + (d->w - 1) * 7;
        while (mday > month_days(y, d->m))
            mday -= 7;
        day = first + mday - 1;
    }
    return day * 86400 + d->seconds - offset;
}

static int32_t rule_offset(const struct tz_rule *r, int64_t t, const char **abbr)
{
    bool dst = false;
    if (r->has_dst) {
        int64_t y = year_of(floor_div(t + r->std_offset, 86400));
        int64_t start = day_instant(y, &r->start, r->std_offset);
        int64_t end = day_instant(y, &r->end, r->dst_offset);
        dst = start < end ? t >= start && t < end : !(t >= end && t < start);
    }
    if (abbr)
        *abbr = dst ? r->dst_abbr : r->std_abbr;
    return dst ? r->dst_offset : r->std_offset;
}

/* parse reads a whole TZif file into z; -1 when it is not one. */
static int parse(struct arena *a, const unsigned char *p, size_t size, struct tz *z)
{
    struct counts k;
    if (read_counts(p, size, &k) != 0)
        return -1;
    int version = p[4] ? p[4] - '0' : 1;
    int time_size = 4;
    const unsigned char *data = p + 44, *end = p + size;
    if (version >= 2) { /* skip the 32-bit block: the 64-bit one follows */
        if (block_size(&k, 4) > end - data)
            return -1;
        data += block_size(&k, 4);
        if (read_counts(data, (size_t)(end - data), &k) != 0)
            return -1;
        data += 44;
        time_size = 8;
    }
    if (block_size(&k, time_size) > end - data)
        return -1;
    z->time_count = (int)k.time;
    z->times = arena_array(a, (size_t)k.time + 1, sizeof *z->times);
    z->indices = arena_array(a, (size_t)k.time + 1, 1);
    for (int64_t i = 0; i < k.time; i++)
        z->times[i] = time_size == 8 ? be64(data + i * 8) : be32(data + i * 4);
    data += k.time * time_size;
    for (int64_t i = 0; i < k.time; i++) {
        if (data[i] >= k.type)
            return -1;
        z->indices[i] = data[i];
    }
    data += k.time;
    const unsigned char *chars = data + k.type * 6;
    z->type_count = (int)k.type;
    z->types = arena_array(a, (size_t)k.type, sizeof *z->types);
    for (int64_t i = 0; i < k.type; i++) {
        const unsigned char *t = data + i * 6;
        if (t[5] >= k.chars)
            return -1;
        z->types[i].offset = (int32_t)be32(t);
        z->types[i].dst = t[4] != 0;
        z->types[i].abbr = arena_strndup(a, (const char *)chars + t[5], (size_t)(k.chars - t[5]));
    }
    data += block_size(&k, time_size) - k.time * time_size - k.time;
    /* The footer: "\n" TZ string "\n". */
    if (version >= 2 && end - data >= 2 && *data == '\n') {
        const unsigned char *close = memchr(data + 1, '\n', (size_t)(end - data - 1));
        if (close && close > data + 1) {
            char *text = arena_strndup(a, (const char *)data + 1, (size_t)(close - data - 1));
            z->has_rule = rule_parse(text, &z->rule) == 0;
        }
    }
    return 0;
}

struct tz *tz_load(struct arena *a, const char *name)
{
    if (!tz_name_valid(name))
        return NULL;
    struct tz *z = arena_alloc(a, sizeof *z);
    memset(z, 0, sizeof *z);
    snprintf(z->name, sizeof z->name, "%s", name);
    size_t size = 0;
    unsigned char *data = read_file(a, name, &size);
    if (data && parse(a, data, size, z) == 0)
        return z;
    if (strcmp(name, "UTC") != 0)
        return NULL;
    /* UTC without the database: a zone of one type. */
    memset(z, 0, sizeof *z);
    snprintf(z->name, sizeof z->name, "UTC");
    z->type_count = 1;
    z->types = arena_alloc(a, sizeof *z->types);
    z->types[0] = (struct tz_type){0, false, "UTC"};
    return z;
}

const char *tz_name(const struct tz *z)
{
    return z->name;
}

int32_t tz_offset(const struct tz *z, int64_t t, const char **abbr)
{
    int n = z->time_count;
    if (z->has_rule && (n == 0 || t >= z->times[n - 1]))
        return rule_offset(&z->rule, t, abbr);
    const struct tz_type *type = &z->types[0];
    if (n > 0 && t >= z->times[0]) {
        int lo = 0, hi = n - 1; /* the last transition at or before t */
        while (lo < hi) {
            int mid = lo + (hi - lo + 1) / 2;
            if (z->times[mid] <= t)
                lo = mid;
            else
                hi = mid - 1;
        }
        type = &z->types[z->indices[lo]];
    }
    if (abbr)
        *abbr = type->abbr;
    return type->offset;
}

int64_t tz_from_local(const struct tz *z, int64_t local)
{
    /* Offsets a day either side: any change near local is between them. */
    int32_t before = tz_offset(z, local - 86400, NULL);
    int32_t after = tz_offset(z, local + 86400, NULL);
    bool before_fits = tz_offset(z, local - before, NULL) == before;
    bool after_fits = tz_offset(z, local - after, NULL) == after;
    if (before_fits && after_fits)
        return local - (before > after ? before : after); /* twice: the first */
    if (after_fits)
        return local - after;
    return local - before; /* the one that fits, or a skipped time read before the change */
}
