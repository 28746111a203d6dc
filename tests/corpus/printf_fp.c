/* printf of doubles: %f %e %g %a (and upper case), round-half-even edges, exact binary
 * expansions, denormals, DBL_MAX/DBL_MIN, inf/nan and -0, flags and widths, a few long
 * double conversions; then digests of every power of two printed exactly. */
#include <stdio.h>
#include <string.h>
#include <math.h>
#include <float.h>

#pragma GCC diagnostic ignored "-Wformat"

static int fails, ncases;
static char buf[512];

static void check(const char *exp, const char *fmt, int line, int ret)
{
    ncases++;
    int ok = strcmp(exp, buf) == 0 && ret == (int)strlen(exp);
    if (strlen(buf) > 60)
        printf("%-8s -> [%.50s...] len %d%s\n", fmt, buf, ret, ok ? "" : " MISMATCH");
    else
        printf("%-8s -> [%s]%s\n", fmt, buf, ok ? "" : " MISMATCH");
    if (!ok) {
        printf("FAIL line %d: expected [%s]\n", line, exp);
        fails++;
    }
}
#define T(exp, fmt, ...) check(exp, fmt, __LINE__, snprintf(buf, sizeof buf, fmt, __VA_ARGS__))

static void table(void)
{
    T("0.000000", "%f", 0.0);
    T("-0.000000", "%f", -0.0);
    T("1.000000", "%f", 1.0);
    T("3.141593", "%f", 3.14159265358979);
    T("0", "%.0f", 0.5);
    T("2", "%.0f", 1.5);
    T("2", "%.0f", 2.5);
    T("-2", "%.0f", -2.5);
    T("4", "%.0f", 3.5);
    T("0.2", "%.1f", 0.25);
    T("0.3", "%.1f", 0.35);
    T("0.12", "%.2f", 0.125);
    T("0.38", "%.2f", 0.375);
    T("1.00", "%.2f", 1.005);
    T("2.001", "%.3f", 2.0005);
    T("0.1000000000", "%.10f", 0.1);
    T("0.10000000000000000555", "%.20f", 0.1);
    T("0.10000000000000001", "%.17g", 0.1);
    T("0.29999999999999999", "%.17g", 0.3);
    T("0.3", "%.16g", 0.1 + 0.2);
    T("0.30000000000000004", "%.17g", 0.1 + 0.2);
    T("1000000000000000.000000", "%f", 1e15);
    T("123456789012345680.000000", "%f", 123456789012345678.0);
    T("10000000000000000000000", "%.0f", 1e22);
    T("99999999999999991611392", "%.0f", 1e23);
    T("179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.000000",
      "%f", DBL_MAX);
    T("1.797693e+308", "%e", DBL_MAX);
    T("2.22507385850720138e-308", "%.17e", DBL_MIN);
    T("4.940656e-324", "%e", 4.9406564584124654e-324);
    T("4.94065645841246544177e-324", "%.20e", 4.9406564584124654e-324);
    T("4.94066e-324", "%g", 4.9406564584124654e-324);
    T("0x0.0000000000001p-1022", "%a", 4.9406564584124654e-324);
    T("0x0.fffffffffffffp-1022", "%a", 2.2250738585072009e-308);
    T("0x1p-1022", "%a", DBL_MIN);
    T("0x1.fffffffffffffp+1023", "%a", DBL_MAX);
    T("0x1p+0", "%a", 1.0);
    T("-0x1.999999999999ap-4", "%a", -0.1);
    T("0X1.FFP+7", "%A", 255.5);
    T("0x1.555p-2", "%.3a", 1.0 / 3.0);
    T("0x2p+0", "%.0a", 1.5);
    T("0x1p+0", "%.0a", 1.0);
    T("0x1.p+0", "%#.0a", 1.0);
    T("    0x1.80p+1|", "%13.2a|", 3.0);
    T("0.000000e+00", "%e", 0.0);
    T("1.000000e+00", "%e", 1.0);
    T("1.234568e+04", "%e", 12345.6789);
    T("6e+00", "%.0e", 5.5);
    T("6e+00", "%.0e", 6.5);
    T("6.e+00", "%#.0e", 6.5);
    T("9.999e+00", "%.3e", 9.9995);
    T("1.000e+01", "%.3e", 9.9996);
    T("1.000000E-300", "%E", 1e-300);
    T("1.000000e+300", "%e", 1e300);
    T("0.0001", "%g", 0.0001);
    T("1e-05", "%g", 0.00001);
    T("123456", "%g", 123456.0);
    T("1.23457e+06", "%g", 1234567.0);
    T("100000", "%g", 100000.0);
    T("1e+06", "%g", 1e6);
    T("1e-05", "%g", 1e-5);
    T("1.00000", "%#g", 1.0);
    T("0.00000", "%#g", 0.0);
    T("1E-10", "%G", 1e-10);
    T("0", "%.0g", 0.0);
    T("0.9", "%.1g", 0.95);
    T("0.99", "%.2g", 0.995);
    T("100", "%.3g", 100.0);
    T("0.6666666667", "%.10g", 2.0 / 3.0);
    T("0.66666666666666663", "%.17g", 2.0 / 3.0);
    T("0.333333", "%g", 1.0 / 3.0);
    T("inf", "%f", INFINITY);
    T("INF", "%F", INFINITY);
    T("-inf", "%e", -INFINITY);
    T("inf", "%g", INFINITY);
    T("-inf", "%a", -INFINITY);
    T("nan", "%f", NAN);
    T("NAN", "%F", NAN);
    T("-nan", "%e", -NAN);
    T("       nan|", "%10.3f|", NAN);
    T("inf       |", "%-10f|", INFINITY);
    T("+inf", "%+f", INFINITY);
    T("      -inf", "%010f", -INFINITY);
    T("+1.000e+00", "%+.3e", 1.0);
    T(" 1.000e+00", "% .3e", 1.0);
    T("-0", "%+g", -0.0);
    T("-00003.142", "%010.3f", -3.14159);
    T("3.142     |", "%-10.3f|", 3.14159);
    T("+01.25e+01", "%+010.2e", 12.5);
    T("      2.7183", "%*.*f", 12, 4, 2.71828182845904);
    T("6.022e+23", "%.*e", 3, 6.02214076e23);
    T("0.000976562500000000000000000000", "%.30f", 1.0 / 1024.0);
    T("0.000000000000000000000000000000000000000000000000000000000000",
      "%.60f", 5e-324);
    T("0.1000000000000000055511151231257827021182", "%.40g", 0.1);
    T("4503599627370497", "%.0f", 4503599627370497.0);
    T("9007199254740992", "%.0f", 9007199254740993.0);
    T("1000.0", "%.1f", 999.95);
    T("1000.0", "%.1f", 999.96);
    T("2.5e-310", "%g", 2.5e-310);
    T("2.5e-310", "%.3g", 2.5e-310);
    T("1234567.89", "%'.2f", 1234567.891);
    T("  1.2| -1.2", "%5.1f|%5.1f", 1.25, -1.25);
    T("1.500000", "%Lf", 1.5L);
    T("0.1000000000", "%.10Lf", 0.1L);
    T("1.000000e+100", "%Le", 1e100L);
    T("0.0001", "%Lg", 0.0001L);
    T("2", "%.0Lf", 2.5L);
}

static unsigned long long digest(unsigned long long h, const char *s)
{
    while (*s) h = (h ^ (unsigned char)*s++) * 0x100000001b3ULL;
    return h;
}

/* every power of two in full: exercises printf's multi-precision paths */
static void powers(void)
{
    static char big[1200];
    unsigned long long h1 = 0xcbf29ce484222325ULL, h2 = h1, h3 = h1;
    for (int k = 0; k <= 1023; k++) {
        snprintf(big, sizeof big, "%.0f", ldexp(1.0, k));
        h1 = digest(h1, big);
    }
    for (int k = 1; k <= 1074; k++) {
        snprintf(big, sizeof big, "%.17e|%g|%a", ldexp(1.0, -k), ldexp(1.0, -k), ldexp(1.0, -k));
        h2 = digest(h2, big);
    }
    snprintf(big, sizeof big, "%.1074f", ldexp(1.0, -1074));
    h3 = digest(h3, big);
    printf("2^-1074 exactly has %d significant digits: %.20s...%s\n",
           (int)strlen(big + strspn(big, "0.")), big + strspn(big, "0."), big + strlen(big) - 10);
    printf("digests %016llx %016llx %016llx\n", h1, h2, h3);
    if (h1 != 0xda7b618a39a65598ULL || h2 != 0xcd3d834cff748fd8ULL || h3 != 0x93be4409f052a854ULL) {
        printf("FAIL power-of-two digests\n");
        fails++;
    }
}

int main(void)
{
    table();
    powers();
    long double ld = 1.0L / 3.0L;
    printf("long double third: %.30Lg %La\n", ld, ld);
    printf("LDBL_MAX %Lg LDBL_MIN %Lg LDBL_EPSILON %Lg\n", LDBL_MAX, LDBL_MIN, LDBL_EPSILON);
    printf("printf_fp: %d cases, %s (%d failures)\n", ncases, fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
