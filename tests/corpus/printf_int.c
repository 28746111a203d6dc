/* printf of integers: every conversion (d i u o x X c s %), flags (- + space # 0 '),
 * widths and precisions (literal and *), length modifiers (hh h l ll j z t), positional
 * arguments; each result compared with the expected text, then a round trip of random
 * values through every base with strtoull. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <stdint.h>
#include <stddef.h>
#include <sys/types.h>

#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"

static int fails, ncases;
static char buf[256];

static void check(const char *exp, const char *fmt, int line, int ret)
{
    ncases++;
    int ok = strcmp(exp, buf) == 0 && ret == (int)strlen(exp);
    printf("%-16s -> [%s]%s\n", fmt, buf, ok ? "" : " MISMATCH");
    if (!ok) {
        printf("FAIL line %d: expected [%s] ret %d\n", line, exp, ret);
        fails++;
    }
}
#define T(exp, fmt, ...) check(exp, fmt, __LINE__, snprintf(buf, sizeof buf, fmt, __VA_ARGS__))

static void table(void)
{
    T("0", "%d", 0);
    T("42", "%d", 42);
    T("-42", "%d", -42);
    T("2147483647", "%i", 2147483647);
    T("-2147483648", "%d", INT_MIN);
    T("0", "%u", 0u);
    T("4294967295", "%u", 4294967295u);
    T("10", "%o", 8u);
    T("010", "%#o", 8u);
    T("0", "%#o", 0u);
    T("deadbeef", "%x", 0xdeadbeefu);
    T("DEADBEEF", "%X", 0xdeadbeefu);
    T("0xff", "%#x", 255u);
    T("0XFF", "%#X", 255u);
    T("0", "%#x", 0u);
    T("   42", "%5d", 42);
    T("42   |", "%-5d|", 42);
    T("00042", "%05d", 42);
    T("-0042", "%05d", -42);
    T("+42", "%+d", 42);
    T("-42", "%+d", -42);
    T(" 42", "% d", 42);
    T("-42", "% d", -42);
    T("+7", "%+ d", 7);
    T("+7    |", "%-+6d|", 7);
    T("7     |", "%-06d|", 7);
    T("007", "%.3d", 7);
    T("", "%.0d", 0);
    T("     |", "%5.0d|", 0);
    T("0", "%#.0o", 0u);
    T("-007", "%.3d", -7);
    T("     123", "%08.3d", 123);
    T("   00abc", "%8.5x", 0xabcu);
    T("  0x000abc", "%#10.6x", 0xabcu);
    T("0xabc     |", "%#-10x|", 0xabcu);
    T("0x00000abc", "%#010x", 0xabcu);
    T("    42", "%*d", 6, 42);
    T("42    |", "%-*d|", 6, 42);
    T("42    |", "%*d|", -6, 42);
    T("0042", "%.*d", 4, 42);
    T("42", "%.*d", -1, 42);
    T("  -00042", "%*.*d", 8, 5, -42);
    T("-56", "%hhd", 200);
    T("44", "%hhu", 300);
    T("ff", "%hhx", -1);
    T("-25536", "%hd", 40000);
    T("65535", "%hu", -1);
    T("177777", "%ho", 65535);
    T("-9223372036854775808", "%ld", LONG_MIN);
    T("18446744073709551615", "%lu", ULONG_MAX);
    T("ffffffffffffffff", "%lx", ULONG_MAX);
    T("1777777777777777777777", "%lo", ULONG_MAX);
    T("9223372036854775807", "%lld", LLONG_MAX);
    T("-9223372036854775808", "%lld", LLONG_MIN);
    T("18446744073709551615", "%llu", 18446744073709551615ull);
    T("0x123456789abcdef", "%#llx", 0x123456789abcdefull);
    T("-9000000000000000000", "%jd", (intmax_t)-9000000000000000000);
    T("9000000000000000000", "%ju", (uintmax_t)9000000000000000000u);
    T("12345678901", "%zu", (size_t)12345678901ull);
    T("-5", "%zd", (ssize_t)-5);
    T("-77", "%td", (ptrdiff_t)-77);
    T("1000", "%zx", (size_t)4096);
    T("A", "%c", 'A');
    T("    z|", "%5c|", 'z');
    T("z    |", "%-5c|", 'z');
    T("b", "%c", 256 + 'b');
    T("hello", "%s", "hello");
    T("     hello|", "%10s|", "hello");
    T("hello     |", "%-10s|", "hello");
    T("hel|", "%.3s|", "hello");
    T("       hel|", "%10.3s|", "hello");
    T("%", "%%", 0);
    T("%|", "%3%|", 0);
    T("1234567", "%'d", 1234567);
    T("255 ff 10", "%1$d %1$x %2$o", 255, 8);
    T("hello world", "%2$s %1$s", "world", "hello");
    T("                   1|", "%20llu|", 1ull);
    T("-1                  |", "%-20lld|", -1ll);
    T("+00000000000000000001", "%+.20lld", 1ll);
    T("00000000000000000001", "%#.20llo", 1ull);
    T("80000000", "%x", 0x80000000u);
    T("-2147483648", "%d", -2147483647 - 1);
    T("+0000", "%+05d", 0);
    T(" 0000", "% 05d", 0);
    T("+|", "%+.0d|", 0);
    T("  011", "%#5o", 9u);
}

static void round_trip(void)
{
    unsigned long long x = 0x0123456789abcdefULL, acc = 0;
    int bad = 0;
    char s[80];
    for (int i = 0; i < 400; i++) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        unsigned long long v = x >> (i % 64);
        long long sv = (long long)v * ((i & 1) ? -1 : 1);
        snprintf(s, sizeof s, "%llu", v);
        bad += strtoull(s, NULL, 10) != v;
        acc += strlen(s);
        snprintf(s, sizeof s, "%llx", v);
        bad += strtoull(s, NULL, 16) != v;
        snprintf(s, sizeof s, "%#llo", v);
        bad += strtoull(s, NULL, 0) != v;
        acc += strlen(s);
        snprintf(s, sizeof s, "%+lld", sv);
        bad += strtoll(s, NULL, 10) != sv;
        acc = acc * 33 + (unsigned char)s[strlen(s) - 1];
    }
    printf("round trip: %d bad, digest %llu\n", bad, acc);
    if (bad) fails++;
}

int main(void)
{
    table();
    round_trip();
    /* printf itself (not only snprintf) with a mixed line */
    int n = printf("mixed: %d %5.2s %-4x| %lld %c%c %o\n", -1, "abc", 10u, -5LL, 'o', 'k', 64u);
    if (n != 32) { printf("FAIL printf returned %d\n", n); fails++; }
    printf("printf_int: %d cases, %s (%d failures)\n", ncases, fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
