/* libm in double: unary and binary functions over a grid of exact inputs and special
 * values (digest of the result bits plus a few printed values), and identities and
 * special cases checked with tolerances or exactly where C/IEEE define the result.
 * Inputs go through volatile storage so that no call is folded at compile time. */
#include <stdio.h>
#include <math.h>
#include <errno.h>
#include <float.h>
#include <stdint.h>
#include <string.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

static volatile double grid[160];
static int ngrid;

static uint64_t bits(double x) { uint64_t b; memcpy(&b, &x, 8); return b; }
static double V(double x) { volatile double v = x; return v; }

static void make_grid(void)
{
    static const double special[] = { 0.0, -0.0, 1e-310, -1e-310, 1e-300, 0.5, 1.0, -1.0,
                                       2.0, 1e300, -1e300, 710.0, -745.5, 3.141592653589793,
                                       1.5707963267948966, INFINITY, -INFINITY, NAN, 1e22,
                                       6.283185307179586, 0.1, 0.7, 100.0, 1e-8 };
    for (int i = 0; i <= 128; i += 1) grid[ngrid++] = -8.0 + i / 8.0;
    for (unsigned i = 0; i < sizeof special / sizeof *special; i++) grid[ngrid++] = special[i];
}

struct f1 { const char *name; double (*f)(double); };
static const struct f1 unary[] = {
    { "sin", sin }, { "cos", cos }, { "tan", tan }, { "asin", asin }, { "acos", acos },
    { "atan", atan }, { "sinh", sinh }, { "cosh", cosh }, { "tanh", tanh },
    { "asinh", asinh }, { "acosh", acosh }, { "atanh", atanh }, { "exp", exp },
    { "exp2", exp2 }, { "expm1", expm1 }, { "log", log }, { "log2", log2 },
    { "log10", log10 }, { "log1p", log1p }, { "sqrt", sqrt }, { "cbrt", cbrt },
    { "floor", floor }, { "ceil", ceil }, { "round", round }, { "trunc", trunc },
    { "rint", rint }, { "nearbyint", nearbyint }, { "erf", erf }, { "erfc", erfc },
    { "lgamma", lgamma }, { "tgamma", tgamma }, { "fabs", fabs }, { "logb", logb },
};

struct f2 { const char *name; double (*f)(double, double); };
static const struct f2 binary[] = {
    { "pow", pow }, { "atan2", atan2 }, { "hypot", hypot }, { "fmod", fmod },
    { "remainder", remainder }, { "fmin", fmin }, { "fmax", fmax }, { "fdim", fdim },
    { "copysign", copysign }, { "nextafter", nextafter },
};

static void sweep(void)
{
    for (unsigned k = 0; k < sizeof unary / sizeof *unary; k++) {
        uint64_t h = 0;
        for (int i = 0; i < ngrid; i++) h = (h ^ bits(unary[k].f(grid[i]))) * 0x100000001b3ULL;
        printf("%-9s %016llx  f(0.5)=%.17g f(-2.25)=%.17g f(7)=%.17g\n", unary[k].name,
               (unsigned long long)h, unary[k].f(V(0.5)), unary[k].f(V(-2.25)), unary[k].f(V(7.0)));
    }
    for (unsigned k = 0; k < sizeof binary / sizeof *binary; k++) {
        uint64_t h = 0;
        for (int i = 0; i < ngrid; i += 3)
            for (int j = 0; j < ngrid; j += 5)
                h = (h ^ bits(binary[k].f(grid[i], grid[j]))) * 0x100000001b3ULL;
        printf("%-9s %016llx  f(2.5,-1.5)=%.17g f(-7,0.75)=%.17g\n", binary[k].name,
               (unsigned long long)h, binary[k].f(V(2.5), V(-1.5)), binary[k].f(V(-7.0), V(0.75)));
    }
}

static int close_to(double a, double b, double rel) { return fabs(a - b) <= rel * fmax(1.0, fabs(b)); }

static void identities(void)
{
    int bad = 0;
    for (int i = 0; i < ngrid; i++) {
        double x = grid[i];
        if (!isfinite(x) || fabs(x) > 200) continue;
        double s = sin(x), c = cos(x);
        bad += !close_to(s * s + c * c, 1.0, 4e-16);
        bad += !close_to(exp(log(fabs(x) + 1.0)), fabs(x) + 1.0, 4e-16);
        bad += !close_to(atan2(s, c), remainder(x, 2 * M_PI), 1e-14);
        bad += sqrt(x * x) != fabs(x) && fabs(x) > 1e-150;
        bad += floor(x) > x || ceil(x) < x || trunc(x) != (x < 0 ? ceil(x) : floor(x));
        bad += !close_to(cbrt(x) * cbrt(x) * cbrt(x), x, 1e-15);
        bad += !close_to(cosh(x) * cosh(x) - sinh(x) * sinh(x), 1.0, 1e-12 * cosh(x) * cosh(x));
    }
    printf("identities: %d bad\n", bad);
    CHECK(bad == 0);
}

static void specials(void)
{
    CHECK(pow(V(0.0), V(0.0)) == 1.0);
    CHECK(pow(V(-8.0), V(1.0 / 3.0)) != pow(V(-8.0), V(1.0 / 3.0)));   /* NaN */
    CHECK(pow(V(-2.0), V(3.0)) == -8.0 && pow(V(2.0), V(-1074.0)) == 4.9406564584124654e-324);
    CHECK(atan2(V(0.0), V(-0.0)) == M_PI && atan2(V(-0.0), V(-0.0)) == -M_PI);
    CHECK(hypot(V(INFINITY), V(NAN)) == INFINITY && hypot(V(3.0), V(4.0)) == 5.0);
    CHECK(hypot(V(3e300), V(4e300)) == 5e300);
    CHECK(fmod(V(7.5), V(2.0)) == 1.5 && fmod(V(-7.5), V(2.0)) == -1.5);
    CHECK(remainder(V(7.5), V(2.0)) == -0.5 && remainder(V(5.0), V(2.0)) == 1.0);
    CHECK(round(V(2.5)) == 3.0 && round(V(-2.5)) == -3.0 && rint(V(2.5)) == 2.0);
    CHECK(lround(V(-3.5)) == -4 && llround(V(1e15 + 0.5)) == 1000000000000001LL);
    CHECK(lrint(V(3.5)) == 4 && lrint(V(4.5)) == 4);
    CHECK(signbit(floor(V(-0.0))) && signbit(ceil(V(-0.5))) && !signbit(floor(V(0.5))));
    CHECK(sqrt(V(-0.0)) == 0.0 && signbit(sqrt(V(-0.0))));
    CHECK(isnan(sqrt(V(-1.0))) && isnan(log(V(-1.0))) && log(V(0.0)) == -INFINITY);
    CHECK(exp(V(-746.0)) == 0.0 && exp(V(710.0)) == INFINITY && exp(V(1.0)) == M_E);
    CHECK(fabs(tgamma(V(5.0)) - 24.0) < 1e-13 && fabs(lgamma(V(0.5)) - 0.5723649429247001) < 1e-15);
    CHECK(lgamma(V(-0.5)) > 1.26 && signgam == -1);
    CHECK(fma(V(0.1), V(10.0), V(-1.0)) == 5.551115123125783e-17);
    CHECK(fma(V(1.0 + DBL_EPSILON), V(1.0 - DBL_EPSILON), V(-1.0)) == -DBL_EPSILON * DBL_EPSILON);
    CHECK(nextafter(V(1.0), V(2.0)) == 1.0 + DBL_EPSILON && nextafter(V(0.0), V(-1.0)) == -4.9406564584124654e-324);
    errno = 0;
    double big = exp(V(1000.0));
    CHECK(big == HUGE_VAL && errno == ERANGE);
    errno = 0;
    (void)log(V(-1.0));
    CHECK(errno == EDOM);
    int e;
    double m = frexp(V(-48.0), &e);
    CHECK(m == -0.75 && e == 6);
    m = frexp(V(4.9406564584124654e-324), &e);
    CHECK(m == 0.5 && e == -1073);
    CHECK(ldexp(V(0.75), 6) == 48.0 && ldexp(V(1.0), -1075) == 0.0 && ldexp(V(1.0), 1024) == INFINITY);
    double ip, fp = modf(V(-3.75), &ip);
    CHECK(ip == -3.0 && fp == -0.75);
    CHECK(ilogb(V(1e-310)) == -1030 && ilogb(V(1024.0)) == 10);
    CHECK(scalbn(V(3.0), 4) == 48.0);
    printf("fma(0.1,10,-1)=%a sin(1e22)=%.17g\n", fma(V(0.1), V(10.0), V(-1.0)), sin(V(1e22)));
}

int main(void)
{
    make_grid();
    sweep();
    identities();
    specials();
    printf("libm_double: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
