/* Calendar arithmetic on fixed instants (never the current time, never the local zone):
 * gmtime_r and timegm round trips over 1901..2100, an independent days-from-civil
 * computation, weekdays, leap years, strftime in the C locale. */
#define _GNU_SOURCE
#include <stdio.h>
#include <time.h>
#include <string.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

/* days since 1970-01-01 for a proleptic Gregorian date (era-based, no tables) */
static long days_from_civil(long y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int is_leap(long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int main(void)
{
    static const struct { long long t; const char *want; } fixed[] = {
        { 0, "1970-01-01 00:00:00 Thu" },
        { -1, "1969-12-31 23:59:59 Wed" },
        { 951782400, "2000-02-29 00:00:00 Tue" },
        { 2147483647, "2038-01-19 03:14:07 Tue" },
        { 2147483648LL, "2038-01-19 03:14:08 Tue" },
        { -2147483648LL, "1901-12-13 20:45:52 Fri" },
        { 4107542399LL, "2100-02-28 23:59:59 Sun" },
        { 4107542400LL, "2100-03-01 00:00:00 Mon" },
        { 1234567890, "2009-02-13 23:31:30 Fri" },
    };
    char buf[128];
    for (unsigned i = 0; i < sizeof fixed / sizeof *fixed; i++) {
        time_t t = (time_t)fixed[i].t;
        struct tm tm;
        gmtime_r(&t, &tm);
        strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %a", &tm);
        printf("%12lld -> %s yday %d\n", fixed[i].t, buf, tm.tm_yday);
        CHECK(strcmp(buf, fixed[i].want) == 0);
        CHECK(timegm(&tm) == t);
    }
    long bad = 0, leap_days = 0;
    for (long y = 1901; y <= 2100; y++) {
        for (int m = 1; m <= 12; m++) {
            int d = m == 2 ? 28 + is_leap(y) : 30 + ((m + (m > 7)) & 1);
            long days = days_from_civil(y, m, d);
            time_t t = (time_t)(days * 86400 + 43200);   /* noon of the month's last day */
            struct tm tm;
            gmtime_r(&t, &tm);
            bad += tm.tm_year + 1900 != y || tm.tm_mon + 1 != m || tm.tm_mday != d;
            bad += tm.tm_wday != (int)(((days % 7) + 11) % 7);   /* 1970-01-01 was a Thursday */
            bad += timegm(&tm) != t;
            if (m == 2 && d == 29) leap_days++;
        }
    }
    printf("month ends 1901..2100: %ld mismatches, %ld leap days\n", bad, leap_days);
    CHECK(bad == 0 && leap_days == 49);   /* 1904..2096, 2000 included */

    struct tm tm = { .tm_year = 123, .tm_mon = 11, .tm_mday = 31, .tm_hour = 13, .tm_min = 5, .tm_sec = 9 };
    time_t t = timegm(&tm);   /* also normalises tm_wday/tm_yday */
    strftime(buf, sizeof buf, "%A %d %B %Y, %I:%M:%S %p, day %j, week %U/%W, %y %C %e|%%", &tm);
    printf("%s\n", buf);
    CHECK(strcmp(buf, "Sunday 31 December 2023, 01:05:09 PM, day 365, week 53/52, 23 20 31|%") == 0);
    struct tm over = { .tm_year = 100, .tm_mon = 0, .tm_mday = 1, .tm_hour = -1, .tm_min = 90, .tm_sec = 3600 };
    time_t t2 = timegm(&over);
    strftime(buf, sizeof buf, "%F %T", &over);
    printf("normalised: %s (difftime %.0f s)\n", buf, difftime(t, t2));
    CHECK(strcmp(buf, "2000-01-01 01:30:00") == 0);
    printf("datetime: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
