/* <fenv.h>: the four rounding modes applied to arithmetic, sqrt, conversions and
 * rint/nearbyint/lrint (while casts keep truncating), the five exception flags raised by
 * the operations that must raise them, saving and restoring the environment. Operands
 * pass through volatile storage so nothing is folded or moved across mode changes. */
#include <stdio.h>
#include <fenv.h>
#include <math.h>
#include <float.h>
#include <string.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

static volatile double va, vb, vr;
static volatile float vfr;

static double __attribute__((noinline)) op(char o, double a, double b)
{
    va = a; vb = b;
    switch (o) {
    case '+': vr = va + vb; break;
    case '-': vr = va - vb; break;
    case '*': vr = va * vb; break;
    case '/': vr = va / vb; break;
    case 's': vr = sqrt(va); break;
    case 'f': vfr = (float)va; vr = vfr; break;
    }
    return vr;
}

static const struct { int mode; const char *name; } modes[] = {
    { FE_TONEAREST, "nearest" }, { FE_UPWARD, "upward" }, { FE_DOWNWARD, "downward" }, { FE_TOWARDZERO, "toward-zero" },
};

static void rounding(void)
{
    for (int m = 0; m < 4; m++) {
        CHECK(fesetround(modes[m].mode) == 0 && fegetround() == modes[m].mode);
        double third = op('/', 1, 3), nthird = op('/', -1, 3), s2 = op('s', 2, 0);
        double sum = op('+', 1, 0x1p-60), dif = op('-', -1, 0x1p-60);
        float f = (float)op('f', 0.1, 0);
        va = 2.5;
        double r1 = rint(va), r2 = nearbyint(-va);
        long l1 = lrint(va);
        int cast = (int)va;
        printf("%-11s 1/3 %a -1/3 %a sqrt2 %a 1+e %a -1-e %a (float)0.1 %a rint(2.5) %g nearbyint(-2.5) %g lrint %ld cast %d\n",
               modes[m].name, third, nthird, s2, sum, dif, (double)f, r1, r2, l1, cast);
        CHECK(cast == 2);
        switch (modes[m].mode) {
        case FE_TONEAREST: CHECK(r1 == 2 && r2 == -2 && sum == 1 && third < nextafter(third, 1)); break;
        case FE_UPWARD: CHECK(r1 == 3 && r2 == -2 && sum > 1 && dif == -1 && third > 1.0 / 3 - 1e-17); break;
        case FE_DOWNWARD: CHECK(r1 == 2 && r2 == -3 && sum == 1 && dif < -1); break;
        case FE_TOWARDZERO: CHECK(r1 == 2 && r2 == -2 && sum == 1 && dif == -1 && -nthird == third); break;
        }
    }
    fesetround(FE_TONEAREST);
    double up, down;
    fesetround(FE_UPWARD); up = op('/', 1, 10);
    fesetround(FE_DOWNWARD); down = op('/', 1, 10);
    fesetround(FE_TONEAREST);
    CHECK(nextafter(down, 1) == up);
    CHECK(fesetround(12345) != 0 && fegetround() == FE_TONEAREST);
}

static void flags(void)
{
    static const struct { int flag; const char *name; } fl[] = {
        { FE_INEXACT, "inexact" }, { FE_DIVBYZERO, "divbyzero" }, { FE_UNDERFLOW, "underflow" },
        { FE_OVERFLOW, "overflow" }, { FE_INVALID, "invalid" },
    };
    struct { const char *what; char o; double a, b; int expect; } cases[] = {
        { "1/3", '/', 1, 3, FE_INEXACT },
        { "1/0", '/', 1, 0, FE_DIVBYZERO },
        { "0/0", '/', 0, 0, FE_INVALID },
        { "inf-inf", '-', INFINITY, INFINITY, FE_INVALID },
        { "max*2", '*', DBL_MAX, 2, FE_OVERFLOW | FE_INEXACT },
        { "min*min", '*', DBL_MIN, DBL_MIN, FE_UNDERFLOW | FE_INEXACT },
        { "sqrt(-1)", 's', -1, 0, FE_INVALID },
        { "2*3", '*', 2, 3, 0 },
        { "(float)1e300", 'f', 1e300, 0, FE_OVERFLOW | FE_INEXACT },
        { "1+1", '+', 1, 1, 0 },
    };
    for (unsigned i = 0; i < sizeof cases / sizeof *cases; i++) {
        feclearexcept(FE_ALL_EXCEPT);
        double r = op(cases[i].o, cases[i].a, cases[i].b);
        int got = fetestexcept(FE_ALL_EXCEPT);
        printf("%-13s = %-12g flags:", cases[i].what, r);
        for (unsigned k = 0; k < 5; k++) if (got & fl[k].flag) printf(" %s", fl[k].name);
        printf("%s\n", got == cases[i].expect ? "" : " MISMATCH");
        if (got != cases[i].expect) fails++;
    }
    feclearexcept(FE_ALL_EXCEPT);
    feraiseexcept(FE_OVERFLOW);
    CHECK(fetestexcept(FE_ALL_EXCEPT) & FE_OVERFLOW);
    fexcept_t saved;
    fegetexceptflag(&saved, FE_ALL_EXCEPT);
    feclearexcept(FE_ALL_EXCEPT);
    CHECK(fetestexcept(FE_ALL_EXCEPT) == 0);
    fesetexceptflag(&saved, FE_ALL_EXCEPT);
    CHECK(fetestexcept(FE_OVERFLOW));

    fenv_t env;
    fesetround(FE_DOWNWARD);
    feholdexcept(&env);                 /* saves mode + flags, clears flags */
    CHECK(fetestexcept(FE_ALL_EXCEPT) == 0);
    op('/', 1, 0);
    fesetround(FE_UPWARD);
    feupdateenv(&env);                  /* restores DOWNWARD, merges DIVBYZERO in */
    CHECK(fegetround() == FE_DOWNWARD && fetestexcept(FE_DIVBYZERO) && fetestexcept(FE_OVERFLOW));
    fegetenv(&env);
    fesetround(FE_TOWARDZERO);
    fesetenv(&env);
    CHECK(fegetround() == FE_DOWNWARD);
    fesetenv(FE_DFL_ENV);
    CHECK(fegetround() == FE_TONEAREST && fetestexcept(FE_ALL_EXCEPT) == 0);
}

int main(void)
{
    rounding();
    flags();
    printf("fenv: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
