/* The SDK's freestanding library: snprintf conversions, flags, widths and truncation;
 * the memory and string functions, memmove with overlap, strtoul's bases. */
#include "test.h"

static void check_fmt(const char *got, int n, const char *want, const char *name)
{
    char full[96];
    int ok = !strcmp(got, want) && n == (int)strlen(want);
    snprintf(full, sizeof(full), "snprintf %s", name);
    if (!test_check(ok, full))
        printf("    got \"%s\" (%d), want \"%s\"\n", got, n, want);
}

#define FMT(want, name, ...) \
    do { char b_[64]; int n_ = snprintf(b_, sizeof(b_), __VA_ARGS__); \
         check_fmt(b_, n_, want, name); } while (0)

static void test_conversions(void)
{
    FMT("-42 17 4294967295", "%d %u", "%d %u %u", -42, 17u, 0xffffffffu);
    FMT("ff FF 777", "%x %X %o", "%x %X %o", 255u, 255u, 0777u);
    FMT("123456789abcdef0", "%lx", "%lx", 0x123456789abcdef0UL);
    FMT("-9223372036854775808", "%ld min", "%ld", (long)(-0x7fffffffffffffffL - 1));
    FMT("18446744073709551615", "%lu max", "%lu", ~0UL);
    FMT("0x10480", "%p", "%p", (void *)0x10480);
    FMT("s=abc c=z %", "%s %c %%", "s=%s c=%c %%", "abc", 'z');
    const char *volatile null = 0;    /* volatile: no compile-time null warning */
    FMT("(null)", "%s null", "%s", null);
    FMT("-1 255", "%hd %hhu", "%hd %hhu", 0xffff, 0x1ff);
    FMT("12 34", "%zu %lld", "%zu %lld", (size_t)12, 34LL);
}

static void test_widths(void)
{
    FMT("   42|42   |00042", "width, -, 0", "%5d|%-5d|%05d", 42, 42, 42);
    FMT("-0042|  -42", "0 with sign", "%05d|%5d", -42, -42);
    FMT("0000beef", "%08x", "%08x", 0xbeefu);
    FMT("0x00ff", "%#06x", "%#06x", 0xffu);
    FMT("  abc|abc  |ab", "%s width/precision", "%5s|%-5s|%.2s", "abc", "abc", "abc");
    FMT("   7|007", "* width, precision", "%*d|%.3d", 4, 7, 7);
    FMT("+5| 5", "+ and space", "%+d|% d", 5, 5);

    char small[6];
    int n = snprintf(small, sizeof(small), "%s", "truncated");
    CHECK(!strcmp(small, "trunc") && n == 9, "snprintf truncates and counts all");
    CHECK_EQ(snprintf(0, 0, "%d", 12345), 5, "snprintf size 0 counts only");
}

static void test_memory(void)
{
    char buf[32] = "0123456789";
    memmove(buf + 2, buf, 8);
    CHECK(!memcmp(buf, "0101234567", 10), "memmove overlap forward");
    memmove(buf, buf + 2, 8);
    CHECK(!memcmp(buf, "0123456767", 10), "memmove overlap backward");
    memset(buf, 'x', 4);
    CHECK(!memcmp(buf, "xxxx", 4) && buf[4] == '4', "memset");
    CHECK(memcmp("abc", "abd", 3) < 0 && memcmp("abd", "abc", 3) > 0, "memcmp order");
    const char *h = "hello";
    CHECK(memchr(h, 'l', 5) == h + 2 && !memchr(h, 'z', 5), "memchr");
}

static void test_strings(void)
{
    CHECK_EQ(strlen(""), 0, "strlen empty");
    CHECK_EQ(strlen("zhyp"), 4, "strlen");
    CHECK_EQ(strnlen("zhyp", 2), 2, "strnlen limit");
    CHECK(strcmp("a", "b") < 0 && strcmp("b", "a") > 0 && !strcmp("x", "x"), "strcmp");
    CHECK(!strncmp("abcdef", "abcxyz", 3) && strncmp("abcdef", "abcxyz", 4) < 0, "strncmp");
    const char *s = "key=value";
    CHECK(strchr(s, '=') == s + 3 && !strchr(s, '#'), "strchr");
    CHECK(strstr(s, "val") == s + 4 && !strstr(s, "vax"), "strstr");
    char d[16];
    CHECK(strcpy(d, "copy") == d && !strcmp(d, "copy"), "strcpy");
}

static void test_strtoul(void)
{
    char *end;
    CHECK_EQ(strtoul("1234xyz", &end, 10), 1234, "strtoul decimal");
    CHECK_EQ(*end, 'x', "strtoul end pointer");
    CHECK_EQ(strtoul("0x1F", 0, 0), 0x1f, "strtoul base 0 hex");
    CHECK_EQ(strtoul("017", 0, 0), 15, "strtoul base 0 octal");
    CHECK_EQ(strtoul("  42", 0, 0), 42, "strtoul leading blanks");
    CHECK_EQ(strtoul("zz", 0, 36), 35 * 36 + 35, "strtoul base 36");
}

int main(void)
{
    test_conversions();
    test_widths();
    test_memory();
    test_strings();
    test_strtoul();
    return test_summary();
}
