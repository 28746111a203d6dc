/* Conversions between floating point and integers where C defines the result: double
 * and float to every integer width, signed and unsigned (truncation toward zero, values
 * just inside the limits), integers of every width to float and double (round to
 * nearest even at 2^24 and 2^53, unsigned values above 2^63), float <-> double. */
#include <stdio.h>
#include <stdint.h>
#include <float.h>
#include <math.h>
#include <string.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

static double VD(double x) { volatile double v = x; return v; }
static float VF(float x) { volatile float v = x; return v; }
static uint64_t VU(uint64_t x) { volatile uint64_t v = x; return v; }
static int64_t VS(int64_t x) { volatile int64_t v = x; return v; }

static void to_int(void)
{
    CHECK((int8_t)VD(127.99) == 127 && (int8_t)VD(-128.99) == -128 && (uint8_t)VD(255.5) == 255);
    CHECK((int16_t)VD(-32768.9) == -32768 && (uint16_t)VD(65535.999) == 65535);
    CHECK((int32_t)VD(2147483647.9) == INT32_MAX && (int32_t)VD(-2147483648.9) == INT32_MIN);
    CHECK((uint32_t)VD(4294967295.9) == UINT32_MAX && (uint32_t)VD(-0.99) == 0);
    CHECK((int64_t)VD(9223372036854774784.0) == 9223372036854774784LL);
    CHECK((int64_t)VD(-9223372036854775808.0) == INT64_MIN);
    CHECK((uint64_t)VD(18446744073709549568.0) == 18446744073709549568ULL);
    CHECK((uint64_t)VD(9223372036854775808.0) == 9223372036854775808ULL);
    CHECK((uint64_t)VD(9223372036854777856.0) == 9223372036854777856ULL);
    CHECK((int)VD(-0.5) == 0 && (int)VD(0.9999999999) == 0 && (int)VD(-1.5) == -1 && (int)VD(1e-300) == 0);
    CHECK((int32_t)VF(2147483520.0f) == 2147483520 && (int32_t)VF(-2147483648.0f) == INT32_MIN);
    CHECK((uint32_t)VF(4294967040.0f) == 4294967040u && (uint64_t)VF(1.8446743e19f) == 18446742974197923840ULL);
    CHECK((int64_t)VF(-9.2233720e18f) == INT64_MIN && (uint16_t)VF(65535.5f) == 65535);
    /* a sweep of magnitudes, each also checked against floor/ceil */
    int bad = 0;
    for (int e = -3; e < 63; e++) {
        for (int k = -3; k <= 3; k++) {
            double x = ldexp(1.0, e) + k * ldexp(1.0, e > 52 ? e - 52 : 0) * 0.75;
            if (x <= 0) continue;
            int64_t s = (int64_t)x, ns = (int64_t)-x;
            bad += (double)s != floor(x) || (double)ns != -floor(x);
            uint64_t u = (uint64_t)(x * 2 > 1.8e19 ? x : x * 2);
            bad += (double)u != floor(x * 2 > 1.8e19 ? x : x * 2);
        }
    }
    CHECK(bad == 0);
}

static void from_int(void)
{
    CHECK((float)VS(16777217) == 16777216.0f && (float)VS(16777219) == 16777220.0f);   /* ties to even */
    CHECK((float)VS(16777218) == 16777218.0f && (float)VS(-16777217) == -16777216.0f);
    CHECK((double)VS(9007199254740993LL) == 9007199254740992.0);
    CHECK((double)VS(9007199254740995LL) == 9007199254740996.0);
    CHECK((double)VS(INT64_MAX) == 9223372036854775808.0 && (double)VS(INT64_MIN) == -9223372036854775808.0);
    CHECK((double)VU(UINT64_MAX) == 18446744073709551616.0);
    CHECK((double)VU(0x8000000000000401ULL) == 9223372036854777856.0);   /* above half: up */
    CHECK((double)VU(0x8000000000000400ULL) == 9223372036854775808.0);   /* tie: even */
    CHECK((double)VU(0x8000000000000c00ULL) == 9223372036854779904.0);   /* tie: even, up */
    CHECK((float)VU(UINT64_MAX) == 18446744073709551616.0f && (float)VU(0xffffff7fffffffffULL) == 1.8446742974197923840e19f);
    CHECK((float)(uint32_t)VU(UINT32_MAX) == 4294967296.0f && (double)(uint32_t)VU(UINT32_MAX) == 4294967295.0);
    CHECK((double)(int8_t)VS(-128) == -128.0 && (float)(uint16_t)VU(65535) == 65535.0f);
    CHECK((double)(int32_t)VS(INT32_MIN) == -2147483648.0);
    char line[256];
    snprintf(line, sizeof line, "%a %a %a %a", (double)VU(0xfedcba9876543210ULL), (double)VS(-0x123456789abcdefLL),
             (double)(float)VU(0x123456789ULL), (double)(float)VS(-1000000001));
    printf("int->fp: %s\n", line);
    CHECK(strcmp(line, "0x1.fdb97530eca86p+63 -0x1.23456789abcdfp+56 0x1.234568p+32 -0x1.dcd65p+29") == 0);
}

static void fp_fp(void)
{
    CHECK((float)VD(1e39) == INFINITY && (float)VD(-1e39) == -INFINITY && (float)VD(1e-50) == 0.0f);
    CHECK((float)VD(0.1) == 0.1f && (double)VF(0.1f) == 0.100000001490116119384765625);
    CHECK((float)VD(1.0 + 0x1p-24) == 1.0f && (float)VD(1.0 + 0x1p-24 + 0x1p-40) == 1.0f + FLT_EPSILON);
    CHECK((float)VD(1.0 + 3 * 0x1p-24) == 1.0f + 2 * FLT_EPSILON);   /* tie rounds to even */
    float den = (float)VD(1e-40);
    CHECK(den > 0 && den < FLT_MIN && (double)den != 1e-40);
    CHECK(isnan((float)VD(NAN)) && isnan((double)VF(NAN)));
    CHECK(signbit((float)VD(-0.0)) && (double)VF(FLT_MAX) == 340282346638528859811704183484516925440.0);
    uint32_t h = 0;
    for (int i = -2000; i <= 2000; i++) {
        double d = i * 0.37;
        float f = (float)d;
        int32_t t = (int32_t)(d * 1000.0);
        uint32_t fb;
        memcpy(&fb, &f, 4);
        h = h * 31 + fb + (uint32_t)t;
    }
    printf("sweep digest %08x\n", (unsigned)h);
}

int main(void)
{
    to_int();
    from_int();
    fp_fp();
    printf("fpconv: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
