/* Variadic functions: integer sums with a count or a sentinel, mixed types (char, short,
 * int, long long, double, long double, pointers, structs) read through a tiny format
 * language, va_copy to walk a list twice, forwarding a va_list to vsnprintf, and calls
 * with enough arguments that some travel on the stack. */
#include <stdio.h>
#include <stdarg.h>
#include <string.h>
#include <stdint.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

static long sum_n(int n, ...)
{
    va_list ap;
    long s = 0;
    va_start(ap, n);
    for (int i = 0; i < n; i++) s += va_arg(ap, int);
    va_end(ap);
    return s;
}

static long long sum_until_zero(long long first, ...)
{
    va_list ap;
    long long s = first, v;
    va_start(ap, first);
    while ((v = va_arg(ap, long long)) != 0) s += v;
    va_end(ap);
    return s;
}

struct pt { int x, y; };
struct big { char tag[20]; double w; };

/* format letters: i int, l long long, d double, D long double, s string, p struct pt,
 * b struct big, c char (promoted), h short (promoted) */
static double walk(char *out, size_t cap, const char *fmt, va_list ap)
{
    double total = 0;
    size_t o = 0;
    out[0] = 0;
    for (const char *f = fmt; *f; f++) {
        char item[80];
        switch (*f) {
        case 'i': { int v = va_arg(ap, int); total += v; snprintf(item, sizeof item, "i%d ", v); break; }
        case 'l': { long long v = va_arg(ap, long long); total += (double)v; snprintf(item, sizeof item, "l%lld ", v); break; }
        case 'd': { double v = va_arg(ap, double); total += v; snprintf(item, sizeof item, "d%g ", v); break; }
        case 'D': { long double v = va_arg(ap, long double); total += (double)v; snprintf(item, sizeof item, "D%.25Lg ", v); break; }
        case 's': { const char *v = va_arg(ap, const char *); total += (double)strlen(v); snprintf(item, sizeof item, "s'%s' ", v); break; }
        case 'p': { struct pt v = va_arg(ap, struct pt); total += v.x * v.y; snprintf(item, sizeof item, "p(%d,%d) ", v.x, v.y); break; }
        case 'b': { struct big v = va_arg(ap, struct big); total += v.w; snprintf(item, sizeof item, "b[%s %g] ", v.tag, v.w); break; }
        case 'c': { int v = va_arg(ap, int); total += v; snprintf(item, sizeof item, "c%c ", (char)v); break; }
        case 'h': { int v = va_arg(ap, int); total += v; snprintf(item, sizeof item, "h%d ", (short)v); break; }
        default: snprintf(item, sizeof item, "? ");
        }
        size_t l = strlen(item);
        if (o + l < cap) { memcpy(out + o, item, l + 1); o += l; }
    }
    return total;
}

static double show(const char *fmt, ...)
{
    char a[512], b[512];
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    double t1 = walk(a, sizeof a, fmt, ap);
    double t2 = walk(b, sizeof b, fmt, ap2);   /* the copy walks the same arguments */
    va_end(ap2);
    va_end(ap);
    printf("%s=> %g\n", a, t1);
    CHECK(strcmp(a, b) == 0 && t1 == t2);
    return t1;
}

static int fmt_into(char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vsnprintf(buf, n, fmt, ap);
    va_end(ap);
    return r;
}

/* many fixed arguments before the variadic part: register and stack slots mixed */
static double many(int a, double b, int c, double d, int e, double f, int g, double h, int k, double m, int n, ...)
{
    va_list ap;
    va_start(ap, n);
    double s = a + b + c + d + e + f + g + h + k + m + n;
    for (int i = 0; i < n; i++) s += va_arg(ap, double) * (i + 1);
    va_end(ap);
    return s;
}

int main(void)
{
    long s = sum_n(10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    printf("sum_n = %ld\n", s);
    CHECK(s == 55 && sum_n(0) == 0 && sum_n(3, -1, -2, INT32_MAX) == INT32_MAX - 3L);
    long long z = sum_until_zero(1LL << 40, 3LL, -5LL, 1LL << 50, 0LL);
    printf("sum_until_zero = %lld\n", z);
    CHECK(z == (1LL << 40) + (1LL << 50) - 2);

    struct pt p = { 3, -4 };
    struct big b = { "bigstruct", 2.5 };
    short sh = -1234;
    char ch = 'Z';
    double t = show("ildDsp", 7, 1LL << 45, 0.125, 1.0L / 3, "four", p);
    CHECK(t == 7 + 35184372088832.0 + 0.125 + (double)(1.0L / 3) + 4 - 12);
    show("bchiDdDl", b, ch, sh, -9, 2.0L, -0.5, 1e300L * 1e300L, -3LL);
    show("");
    show("dddddddddd", 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);
    show("iiiiiiiiii", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);

    char buf[64];
    int r = fmt_into(buf, sizeof buf, "%s/%d/%.2f/%c", "fwd", 42, 2.345, 'x');
    printf("vsnprintf: %s (%d)\n", buf, r);
    CHECK(strcmp(buf, "fwd/42/2.35/x") == 0 && r == 13);
    double m = many(1, 2.0, 3, 4.0, 5, 6.0, 7, 8.0, 9, 10.0, 3, 100.0, 1000.0, 10000.0);
    printf("many = %g\n", m);
    CHECK(m == 58 + 100 + 2000 + 30000);
    printf("varargs: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
