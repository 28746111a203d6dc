/* strtod/strtof/strtold: a table of decimal and hexadecimal inputs (halfway cases,
 * overflow, underflow to denormal and zero, inf/nan spellings, malformed input) checked
 * bit-exactly with the end pointer and ERANGE; then shortest round trips of random bit
 * patterns, and sscanf/atof. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <stdint.h>
#include <math.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

struct row { const char *in, *d; int end, erange; const char *f; };
static const struct row rows[] = {
    { "0", "0x0p+0", 1, 0, "0x0p+0" },
    { "-0", "-0x0p+0", 2, 0, "-0x0p+0" },
    { "1", "0x1p+0", 1, 0, "0x1p+0" },
    { "  +1.5e3xyz", "0x1.77p+10", 8, 0, "0x1.77p+10" },
    { "0.1", "0x1.999999999999ap-4", 3, 0, "0x1.99999ap-4" },
    { "1e23", "0x1.52d02c7e14af6p+76", 4, 0, "0x1.52d02cp+76" },
    { "8.98846567431158e307", "0x1p+1023", 20, 0, "inf" },
    { "1.7976931348623157e308", "0x1.fffffffffffffp+1023", 22, 0, "inf" },
    { "1.7976931348623158e308", "0x1.fffffffffffffp+1023", 22, 0, "inf" },
    { "1.7976931348623159e308", "inf", 22, 1, "inf" },
    { "1e309", "inf", 5, 1, "inf" },
    { "-1e400", "-inf", 6, 1, "-inf" },
    { "2.2250738585072011e-308", "0x0.fffffffffffffp-1022", 23, 1, "0x0p+0" },
    { "2.2250738585072014e-308", "0x1p-1022", 23, 0, "0x0p+0" },
    { "4.9406564584124654e-324", "0x0.0000000000001p-1022", 23, 1, "0x0p+0" },
    { "2.4703282292062328e-324", "0x0.0000000000001p-1022", 23, 1, "0x0p+0" },
    { "2.4703282292062327e-324", "0x0p+0", 23, 1, "0x0p+0" },
    { "1e-400", "0x0p+0", 6, 1, "0x0p+0" },
    { "9007199254740993", "0x1p+53", 16, 0, "0x1p+53" },
    { "9007199254740993.0000000001", "0x1.0000000000001p+53", 27, 0, "0x1p+53" },
    { "9007199254740995", "0x1.0000000000002p+53", 16, 0, "0x1p+53" },
    { "0x1.8p1", "0x1.8p+1", 7, 0, "0x1.8p+1" },
    { "0X1P-1074", "0x0.0000000000001p-1022", 9, 0, "0x0p+0" },
    { "0x.8", "0x1p-1", 4, 0, "0x1p-1" },
    { "0x1.fffffffffffff8p1023", "inf", 23, 1, "inf" },
    { "inf", "inf", 3, 0, "inf" },
    { "-Infinity", "-inf", 9, 0, "-inf" },
    { "nan", "nan", 3, 0, "nan" },
    { "NAN(123)", "nan", 8, 0, "nan" },
    { "-nan", "-nan", 4, 0, "-nan" },
    { ".5", "0x1p-1", 2, 0, "0x1p-1" },
    { "5.", "0x1.4p+2", 2, 0, "0x1.4p+2" },
    { ".", "0x0p+0", 0, 0, "0x0p+0" },
    { "e5", "0x0p+0", 0, 0, "0x0p+0" },
    { "1e", "0x1p+0", 1, 0, "0x1p+0" },
    { "1e+", "0x1p+0", 1, 0, "0x1p+0" },
    { "0x", "0x0p+0", 1, 0, "0x0p+0" },
    { "123456789012345678901234567890", "0x1.8ee90ff6c373ep+96", 30, 0, "0x1.8ee91p+96" },
    { "0.000000000000000000000000000000000000000000001", "0x1.6d601ad376ab9p-150", 47, 0, "0x1p-149" },
    { "3.14159265358979323846264338327950288419716939937510", "0x1.921fb54442d18p+1", 52, 0, "0x1.921fb6p+1" },
    { "1.00000000000000011102230246251565404236316680908203125", "0x1p+0", 55, 0, "0x1p+0" },
    { "1.00000000000000011102230246251565404236316680908203124", "0x1p+0", 55, 0, "0x1p+0" },
    { "1.00000000000000011102230246251565404236316680908203126", "0x1.0000000000001p+0", 55, 0, "0x1p+0" },
    { "   \t\n42", "0x1.5p+5", 7, 0, "0x1.5p+5" },
    { "1_000", "0x1p+0", 1, 0, "0x1p+0" },
};

static void table(void)
{
    char a[64], b[64];
    for (unsigned i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const struct row *r = &rows[i];
        char *e;
        errno = 0;
        double d = strtod(r->in, &e);
        int er = errno == ERANGE;
        float f = strtof(r->in, NULL);
        snprintf(a, sizeof a, "%a", d);
        snprintf(b, sizeof b, "%a", (double)f);
        int ok = strcmp(a, r->d) == 0 && (int)(e - r->in) == r->end && er == r->erange &&
                 strcmp(b, r->f) == 0;
        char shown[25];
        snprintf(shown, sizeof shown, "%s", r->in);
        for (char *c = shown; *c; c++) if (*c < ' ') *c = '_';
        printf("%-24s -> %-24s end %2d%s float %s%s\n", shown, a, (int)(e - r->in),
               er ? " ERANGE" : "", b, ok ? "" : " MISMATCH");
        if (!ok) fails++;
    }
}

static uint64_t rs = 0x853c49e6748fea9bULL;
static uint64_t rnd(void) { rs ^= rs >> 12; rs ^= rs << 25; rs ^= rs >> 27; return rs * 2685821657736338717ULL; }

/* shortest %.*g that reads back to the same double */
static int shortest(double x, char *out, size_t n)
{
    for (int p = 1; p <= 17; p++) {
        snprintf(out, n, "%.*g", p, x);
        if (strtod(out, NULL) == x) return p;
    }
    return -1;
}

static void round_trips(void)
{
    char s[64];
    int bad = 0, hist[18] = { 0 };
    unsigned long long h = 0;
    for (int i = 0; i < 600; i++) {
        uint64_t bits = rnd();
        double x;
        memcpy(&x, &bits, sizeof x);
        if (isnan(x)) continue;
        int p = shortest(x, s, sizeof s);
        if (p < 0) { bad++; continue; }
        hist[p]++;
        for (char *c = s; *c; c++) h = h * 131 + (unsigned char)*c;
        float f = (float)x;
        if (!isinf(f)) {
            snprintf(s, sizeof s, "%.9g", f);
            bad += strtof(s, NULL) != f;
        }
    }
    printf("shortest round-trip digits:");
    for (int p = 1; p <= 17; p++) if (hist[p]) printf(" %d:%d", p, hist[p]);
    printf("\nround trips: %d bad, digest %llu\n", bad, h);
    CHECK(bad == 0);

    long double acc = 0;
    int lbad = 0;
    for (int i = 0; i < 100; i++) {
        long double v = (long double)(int64_t)rnd() * (long double)rnd() / 7.0L;
        snprintf(s, sizeof s, "%.36Lg", v);
        lbad += strtold(s, NULL) != v;
        acc += v / 1e30L;
    }
    printf("long double round trips: %d bad, sum %.20Le\n", lbad, acc);
    CHECK(lbad == 0);
}

static void scanning(void)
{
    double a, b;
    float c;
    int n = -1, k = sscanf(" 3.25e2, -0x1p-3 ;7.5", "%lf ,%lf ;%f%n", &a, &b, &c, &n);
    printf("sscanf: %d items %g %g %g consumed %d\n", k, a, b, (double)c, n);
    CHECK(k == 3 && a == 325 && b == -0.125 && c == 7.5f && n == 21);
    CHECK(atof("2.5e-1") == 0.25);
    CHECK(strtod("1e-5000", NULL) == 0.0);
    errno = 0;
    CHECK(strtold("1e5000", NULL) == HUGE_VALL && errno == ERANGE);
    errno = 0;
    long double tiny = strtold("1e-4940", NULL);
    printf("strtold(1e-4940) = %Lg denormal %d\n", tiny, tiny > 0 && tiny < 3.3e-4932L);
}

int main(void)
{
    table();
    round_trips();
    scanning();
    printf("strtod: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
