/* libm in float and long double (128-bit extended BFP on s390x): digests over a grid of
 * exact inputs, printed sample values, and exact or toleranced special cases. */
#include <stdio.h>
#include <math.h>
#include <float.h>
#include <stdint.h>
#include <string.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

static volatile float gf[100];
static volatile long double gl[100];
static int ng;

static float VF(float x) { volatile float v = x; return v; }
static long double VL(long double x) { volatile long double v = x; return v; }

static uint64_t hash_f(uint64_t h, float x) { uint32_t b; memcpy(&b, &x, 4); return (h ^ b) * 0x100000001b3ULL; }
static uint64_t hash_l(uint64_t h, long double x)
{
    unsigned char b[sizeof x];
    memset(b, 0, sizeof b);
    memcpy(b, &x, sizeof x);
    for (unsigned i = 0; i < sizeof b; i++) h = (h ^ b[i]) * 0x100000001b3ULL;
    return h;
}

struct ff { const char *name; float (*f)(float); long double (*l)(long double); };
static const struct ff fns[] = {
    { "sin", sinf, sinl }, { "cos", cosf, cosl }, { "tan", tanf, tanl },
    { "asin", asinf, asinl }, { "atan", atanf, atanl }, { "sinh", sinhf, sinhl },
    { "tanh", tanhf, tanhl }, { "exp", expf, expl }, { "expm1", expm1f, expm1l },
    { "log", logf, logl }, { "log1p", log1pf, log1pl }, { "log2", log2f, log2l },
    { "sqrt", sqrtf, sqrtl }, { "cbrt", cbrtf, cbrtl }, { "floor", floorf, floorl },
    { "ceil", ceilf, ceill }, { "round", roundf, roundl }, { "rint", rintf, rintl },
    { "erf", erff, erfl }, { "lgamma", lgammaf, lgammal }, { "tgamma", tgammaf, tgammal },
};

struct ff2 { const char *name; float (*f)(float, float); long double (*l)(long double, long double); };
static const struct ff2 fns2[] = {
    { "pow", powf, powl }, { "atan2", atan2f, atan2l }, { "hypot", hypotf, hypotl },
    { "fmod", fmodf, fmodl }, { "remainder", remainderf, remainderl },
};

static void sweep(void)
{
    for (int i = 0; i <= 80; i++) { gf[ng] = -5.0f + i / 8.0f; gl[ng] = -5.0L + i / 8.0L; ng++; }
    static const double sp[] = { 0.0, -0.0, 1e-40, 0.1, 100.5, 1e30, INFINITY, -INFINITY, NAN };
    for (unsigned i = 0; i < sizeof sp / sizeof *sp; i++) { gf[ng] = (float)sp[i]; gl[ng] = sp[i]; ng++; }
    for (unsigned k = 0; k < sizeof fns / sizeof *fns; k++) {
        uint64_t hf = 0, hl = 0;
        for (int i = 0; i < ng; i++) { hf = hash_f(hf, fns[k].f(gf[i])); hl = hash_l(hl, fns[k].l(gl[i])); }
        printf("%-7s %016llx %016llx f(0.75)=%.9g l(0.75)=%.36Lg\n", fns[k].name,
               (unsigned long long)hf, (unsigned long long)hl, (double)fns[k].f(VF(0.75f)),
               fns[k].l(VL(0.75L)));
    }
    for (unsigned k = 0; k < sizeof fns2 / sizeof *fns2; k++) {
        uint64_t hf = 0, hl = 0;
        for (int i = 0; i < ng; i += 2)
            for (int j = 0; j < ng; j += 3) {
                hf = hash_f(hf, fns2[k].f(gf[i], gf[j]));
                hl = hash_l(hl, fns2[k].l(gl[i], gl[j]));
            }
        printf("%-9s %016llx %016llx f(2.5,-1.25)=%.9g l(2.5,-1.25)=%.36Lg\n", fns2[k].name,
               (unsigned long long)hf, (unsigned long long)hl,
               (double)fns2[k].f(VF(2.5f), VF(-1.25f)), fns2[k].l(VL(2.5L), VL(-1.25L)));
    }
}

static void checks(void)
{
    CHECK(sqrtf(VF(2.0f)) == 1.41421354f);
    CHECK(sqrtl(VL(4.0L)) == 2.0L);
    long double r2 = sqrtl(VL(2.0L));
    CHECK(fabsl(r2 * r2 - 2.0L) <= 4 * LDBL_EPSILON);
    CHECK(fabsl(expl(VL(1.0L)) - 2.718281828459045235360287471352662498L) <= 2 * LDBL_EPSILON);
    CHECK(fabsl(4 * atanl(VL(1.0L)) - 3.141592653589793238462643383279502884L) <= 4 * LDBL_EPSILON);
    CHECK(fabsl(logl(VL(10.0L)) - 2.302585092994045684017991454684364208L) <= 4 * LDBL_EPSILON);
    CHECK(fabsl(powl(VL(2.0L), VL(0.5L)) - r2) <= 2 * LDBL_EPSILON);
    CHECK(powl(VL(2.0L), VL(-16494.0L)) > 0 && powl(VL(2.0L), VL(-16495.0L)) == 0);
    CHECK(fabsl(tgammal(VL(21.0L)) - 2432902008176640000.0L) <= 2432902008176640000.0L * 8 * LDBL_EPSILON);
    CHECK(floorl(VL(-2.5L)) == -3.0L && ceill(VL(-2.5L)) == -2.0L && roundl(VL(2.5L)) == 3.0L);
    CHECK(rintl(VL(2.5L)) == 2.0L && truncl(VL(-2.7L)) == -2.0L);
    CHECK(fmodl(VL(1e30L), VL(7.0L)) == fmodl(VL(1e30L), VL(7.0L)));
    CHECK(floorf(VF(-0.5f)) == -1.0f && roundf(VF(-0.5f)) == -1.0f && rintf(VF(-0.5f)) == -0.0f);
    CHECK(expf(VF(89.0f)) == INFINITY && expf(VF(-104.0f)) == 0.0f);
    CHECK(fabsf(sinf(VF(1.0f)) - 0.841470985f) < 1e-7f);
    CHECK(hypotf(VF(3.0f), VF(4.0f)) == 5.0f && hypotl(VL(5.0L), VL(12.0L)) == 13.0L);
    CHECK(atan2l(VL(-0.0L), VL(-1.0L)) < 0 && atan2f(VF(0.0f), VF(-1.0f)) > 3.14159f);
    CHECK(fmaf(VF(1.0f + FLT_EPSILON), VF(1.0f - FLT_EPSILON), VF(-1.0f)) == -FLT_EPSILON * FLT_EPSILON);
    long double fl = fmal(VL(1.0L + LDBL_EPSILON), VL(1.0L - LDBL_EPSILON), VL(-1.0L));
    CHECK(fl == -LDBL_EPSILON * LDBL_EPSILON);
    int e;
    CHECK(frexpl(VL(-48.0L), &e) == -0.75L && e == 6);
    CHECK(ldexpl(VL(1.0L), 16383) < INFINITY && ldexpl(VL(1.0L), 16384) == INFINITY);
    CHECK(ilogbl(VL(LDBL_MIN)) == -16382 && ilogbf(VF(FLT_MIN)) == -126);
    CHECK(nextafterl(VL(1.0L), VL(2.0L)) == 1.0L + LDBL_EPSILON);
    CHECK(nextafterf(VF(0.0f), VF(1.0f)) == 1.40129846e-45f);
    printf("pi: %.36Lg\ne:  %.36Lg\nlgammal(100) %.30Lg\n", 4 * atanl(VL(1.0L)), expl(VL(1.0L)),
           lgammal(VL(100.0L)));
    printf("float: sinf(100)=%a cosf(1e4)=%a powf(1.0001,10000)=%.8g\n", (double)sinf(VF(100.0f)),
           (double)cosf(VF(1e4f)), (double)powf(VF(1.0001f), VF(10000.0f)));
}

int main(void)
{
    sweep();
    checks();
    printf("libm_float_ld: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
