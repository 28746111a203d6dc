/* long double (IEEE binary128, extended BFP on s390x) arithmetic: exact integers to
 * 2^113, rounding of + - * / and sqrt, comparisons with NaN, conversions to and from
 * double/float/integers/__int128, series for e and pi to 33 digits, compensated sums,
 * denormals, overflow, and the Newton reciprocal square root. */
#include <stdio.h>
#include <float.h>
#include <math.h>
#include <string.h>
#include <stdint.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

typedef long double ld;
static ld V(ld x) { volatile ld v = x; return v; }

static void exactness(void)
{
    ld two113 = V(10384593717069655257060992658440192.0L);   /* 2^113 */
    CHECK(two113 - 1 != two113 && two113 + 1 == two113);      /* ulp 2 above 2^113 */
    CHECK(LDBL_MANT_DIG == 113 && LDBL_MAX_EXP == 16384);
    ld third = V(1.0L) / 3;
    CHECK(third * 3 == 1.0L || third * 3 == 1.0L - LDBL_EPSILON / 2);
    printf("0.1+0.2 = %.36Lg, 0.3 = %.36Lg, equal %d\n", V(0.1L) + V(0.2L), V(0.3L), V(0.1L) + V(0.2L) == V(0.3L));
    ld s = sqrtl(V(2.0L));
    printf("sqrt2 %.36Lg %La\n", s, s);
    CHECK(s * s != 2.0L ? fabsl(s * s - 2) <= 2 * LDBL_EPSILON : 1);
    CHECK(sqrtl(V(16.0L)) == 4 && sqrtl(V(LDBL_MIN)) > 0);
    ld big = V(LDBL_MAX);
    CHECK(big * 2 == INFINITY && -big * 2 == -INFINITY && big / V(0.5L) == INFINITY);
    ld tiny = V(LDBL_MIN) / V(65536.0L);   /* denormal */
    CHECK(tiny > 0 && tiny < LDBL_MIN && tiny * 65536 == LDBL_MIN);
    CHECK(V(LDBL_TRUE_MIN) / 2 == 0 || V(LDBL_TRUE_MIN) / 2 == LDBL_TRUE_MIN);
    ld nan = V(0.0L) / V(0.0L);
    CHECK(nan != nan && !(nan < 1) && !(nan > 1) && !(nan == nan) && isnan(nan));
    CHECK(V(-0.0L) == 0.0L && signbit(V(-0.0L)) && 1 / V(-0.0L) == -INFINITY);
    printf("min %Lg true-min %Lg max %Lg eps %Lg\n", LDBL_MIN, LDBL_TRUE_MIN, LDBL_MAX, LDBL_EPSILON);
}

static void series(void)
{
    ld e = 0, terms[40], term = 1;
    for (int k = 0; k < 40; k++) { terms[k] = term; term /= k + 1; }
    for (int k = 39; k >= 0; k--) e += terms[k];   /* smallest first */
    /* pi by Machin: 16 atan(1/5) - 4 atan(1/239) */
    ld pi = 0;
    for (int m = 0; m < 2; m++) {
        ld x = m ? V(1.0L) / 239 : V(1.0L) / 5, p = x, sum = 0;
        for (int k = 0; k < 60; k++) { sum += (k & 1 ? -p : p) / (2 * k + 1); p *= x * x; }
        pi += m ? -4 * sum : 16 * sum;
    }
    printf("e  = %.33Lf\npi = %.33Lf\n", e, pi);
    CHECK(fabsl(e - 2.718281828459045235360287471352662498L) < 4 * LDBL_EPSILON);
    CHECK(fabsl(pi - 3.141592653589793238462643383279502884L) < 8 * LDBL_EPSILON);
    /* harmonic sum with Kahan compensation versus naive */
    ld naive = 0, sum = 0, comp = 0;
    for (int k = 1; k <= 20000; k++) {
        ld y = V(1.0L) / k - comp, t = sum + y;
        comp = (t - sum) - y;
        sum = t;
        naive += V(1.0L) / k;
    }
    printf("H(20000) kahan %.34Lg naive %.34Lg\n", sum, naive);
    CHECK(fabsl(sum - naive) < 1e-29L);
    /* Newton iteration for 1/sqrt(a) */
    ld a = V(12345.678L), r = 0.01L;
    for (int i = 0; i < 12; i++) r = r * (3 - a * r * r) / 2;
    printf("rsqrt(12345.678) %.30Lg\n", r);
    CHECK(fabsl(r * r * a - 1) < 1e-32L);
}

static void conversions(void)
{
    double d = V(1.0L) / 3;
    float f = (float)V(1.0L / 3);
    CHECK(d == 1.0 / 3 && f == 1.0f / 3);
    ld back = d;
    CHECK(back != V(1.0L) / 3 && (double)back == d);
    CHECK((double)V(LDBL_MAX) == INFINITY && (float)V(1e39L) == INFINITY && (double)V(1e-400L) == 0);
    CHECK((double)V(0.1L) == 0.1);   /* round to nearest from 113 bits */
    CHECK((int64_t)V(-9223372036854775808.0L) == INT64_MIN && (int64_t)V(9223372036854775807.0L) == INT64_MAX);
    CHECK((uint64_t)V(18446744073709551615.0L) == UINT64_MAX && (uint64_t)V(12345.99L) == 12345);
    CHECK((int)V(-2.9999L) == -2 && (unsigned char)V(255.9L) == 255 && (short)V(-32768.5L) == -32768);
    __int128 big = (__int128)V(1e35L);
    ld round_trip = (ld)big;
    printf("int128 from 1e35: %lld*10^18 + %lld, back %.36Lg\n", (long long)(big / 1000000000000000000LL),
           (long long)(big % 1000000000000000000LL), round_trip);
    CHECK(fabsl(round_trip - 1e35L) <= 1e35L * LDBL_EPSILON);
    unsigned __int128 u = ((unsigned __int128)1 << 127) + 49153;   /* 1.5 ulp + 1: rounds up */
    ld lu = (ld)u;
    printf("2^127+49153 as long double %.40Lg\n", lu);
    CHECK(lu == ldexpl(V(1.0L), 127) + 65536);
    CHECK((ld)(((unsigned __int128)1 << 127) + 16384) == ldexpl(V(1.0L), 127));   /* tie to even */
    CHECK((ld)(((unsigned __int128)1 << 127) + 49152) == ldexpl(V(1.0L), 127) + 65536);
    ld from_ll = (ld)INT64_MAX;
    CHECK(from_ll == 9223372036854775807.0L);   /* exact: 113-bit mantissa */
    ld sum = 0;
    for (int i = -1000; i <= 1000; i++) sum += (ld)i * i * i;
    CHECK(sum == 0);
}

int main(void)
{
    exactness();
    series();
    conversions();
    printf("longdouble: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
