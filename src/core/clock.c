/*
 * clock.c — see clock.h.
 */
#include "core/clock.h"

#include "core/i18n.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

void clock_format_iso(time_t t, char *out, size_t size)
{
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void clock_now_iso(char *out, size_t size)
{
    clock_format_iso(time(NULL), out, size);
}

static int parse_digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 0;
}

static int days_in_month(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

bool clock_date_valid(const char *s)
{
    int y, mo, d;
    return s && strlen(s) == 10 && s[4] == '-' && s[7] == '-' && parse_digits(s, 4, &y) == 0 &&
           parse_digits(s + 5, 2, &mo) == 0 && parse_digits(s + 8, 2, &d) == 0 && mo >= 1 &&
           mo <= 12 && d >= 1 && d <= days_in_month(y, mo);
}

int clock_parse_iso(const char *s, time_t *out)
{
    int y, mo, d, h, mi, se;
    if (!s || strlen(s) != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' ||
        s[16] != ':' || s[19] != 'Z')
        return -1;
    if (parse_digits(s, 4, &y) || parse_digits(s + 5, 2, &mo) || parse_digits(s + 8, 2, &d) ||
        parse_digits(s + 11, 2, &h) || parse_digits(s + 14, 2, &mi) || parse_digits(s + 17, 2, &se))
        return -1;
    if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || h > 23 || mi > 59 || se > 60)
        return -1;
    struct tm tm = {0};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = se;
    *out = timegm(&tm);
    return 0;
}

static const char *const months[] = {
    N_("January"), N_("February"), N_("March"),     N_("April"),   N_("May"),      N_("June"),
    N_("July"),    N_("August"),   N_("September"), N_("October"), N_("November"), N_("December")};

int clock_format_date(const char *iso, char *out, size_t size)
{
    int y, mo, d;
    if (!iso || strlen(iso) < 10 || iso[4] != '-' || iso[7] != '-' || parse_digits(iso, 4, &y) ||
        parse_digits(iso + 5, 2, &mo) || parse_digits(iso + 8, 2, &d) || mo < 1 || mo > 12)
        return -1;
    /* TRANSLATORS: a date: day, month name, year, as in "12 March 2026". */
    snprintf(out, size, _("%1$d %2$s %3$d"), d, _(months[mo - 1]), y);
    return 0;
}

int clock_format_month(const char *iso, char *out, size_t size)
{
    int y, mo;
    if (!iso || strlen(iso) < 7 || iso[4] != '-' || parse_digits(iso, 4, &y) ||
        parse_digits(iso + 5, 2, &mo) || mo < 1 || mo > 12)
        return -1;
    /* TRANSLATORS: a month of a year, as in "March 2026" (a timeline heading). */
    snprintf(out, size, _("%1$s %2$d"), _(months[mo - 1]), y);
    return 0;
}

int64_t clock_micros(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}
