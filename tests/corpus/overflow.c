/* Overflow-checked arithmetic with __builtin_{add,sub,mul}_overflow at every integer
 * width, signed and unsigned and mixed, compared with a reference computed in __int128;
 * saturating helpers built on them; checked conversions. */
#include <stdio.h>
#include <stdint.h>
#include <limits.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

typedef __int128 s128;

static const int64_t edges[] = { 0, 1, -1, 2, -2, 127, -128, 255, 32767, -32768, 65535,
    INT_MAX, INT_MIN, UINT_MAX, (int64_t)INT_MAX + 1, INT64_MAX, INT64_MIN, INT64_MAX - 1,
    INT64_MIN + 1, 3037000499LL, 3037000500LL, -3037000500LL, 46341, 0x100000000LL };
enum { NE = sizeof edges / sizeof *edges };

static int fits(s128 v, s128 lo, s128 hi) { return v >= lo && v <= hi; }

/* one macro instantiates the check for a result type T with range [LO, HI] */
#define CHECK_TYPE(T, LO, HI, counts)                                                      \
    do {                                                                                   \
        for (int i = 0; i < NE; i++)                                                       \
            for (int j = 0; j < NE; j++) {                                                 \
                int64_t a = edges[i], b = edges[j];                                        \
                T r;                                                                       \
                s128 ra = (s128)a + b, rs = (s128)a - b, rm = (s128)a * b;                 \
                int oa = __builtin_add_overflow(a, b, &r);                                 \
                bad += oa != !fits(ra, LO, HI) || (!oa && r != (T)ra);                      \
                int os = __builtin_sub_overflow(a, b, &r);                                 \
                bad += os != !fits(rs, LO, HI) || (!os && r != (T)rs);                      \
                int om = __builtin_mul_overflow(a, b, &r);                                 \
                bad += om != !fits(rm, LO, HI) || (!om && r != (T)rm);                      \
                /* the wrapped result is stored even on overflow */                       \
                bad += om && r != (T)(uint64_t)(unsigned __int128)rm;                     \
                counts[0] += oa; counts[1] += os; counts[2] += om;                         \
            }                                                                              \
    } while (0)

static int32_t sat_add32(int32_t a, int32_t b)
{
    int32_t r;
    if (__builtin_add_overflow(a, b, &r)) return a < 0 ? INT32_MIN : INT32_MAX;
    return r;
}

static uint64_t sat_mulu64(uint64_t a, uint64_t b)
{
    uint64_t r;
    return __builtin_mul_overflow(a, b, &r) ? UINT64_MAX : r;
}

static int checked_narrow(long v, short *out) { return __builtin_add_overflow(v, 0, out); }

int main(void)
{
    int bad = 0;
    long c8[3] = { 0 }, c16[3] = { 0 }, c32[3] = { 0 }, cu32[3] = { 0 }, c64[3] = { 0 }, cu64[3] = { 0 }, cu8[3] = { 0 };
    CHECK_TYPE(int8_t, INT8_MIN, INT8_MAX, c8);
    CHECK_TYPE(uint8_t, 0, UINT8_MAX, cu8);
    CHECK_TYPE(int16_t, INT16_MIN, INT16_MAX, c16);
    CHECK_TYPE(int32_t, INT32_MIN, INT32_MAX, c32);
    CHECK_TYPE(uint32_t, 0, UINT32_MAX, cu32);
    CHECK_TYPE(int64_t, INT64_MIN, INT64_MAX, c64);
    CHECK_TYPE(uint64_t, 0, (s128)UINT64_MAX, cu64);
    printf("overflow counts add/sub/mul:\n");
    printf("  int8   %ld %ld %ld\n  uint8  %ld %ld %ld\n  int16  %ld %ld %ld\n", c8[0], c8[1], c8[2],
           cu8[0], cu8[1], cu8[2], c16[0], c16[1], c16[2]);
    printf("  int32  %ld %ld %ld\n  uint32 %ld %ld %ld\n", c32[0], c32[1], c32[2], cu32[0], cu32[1], cu32[2]);
    printf("  int64  %ld %ld %ld\n  uint64 %ld %ld %ld\n", c64[0], c64[1], c64[2], cu64[0], cu64[1], cu64[2]);
    printf("edge mismatches: %d\n", bad);
    CHECK(bad == 0);

    /* random operands in 32-bit types, which the compiler checks with 32-bit instructions */
    uint32_t x = 7;
    int rbad = 0;
    long novf = 0;
    for (int i = 0; i < 100000; i++) {
        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
        int32_t a = (int32_t)x >> (i % 31);
        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
        int32_t b = (int32_t)x >> (i % 29);
        int32_t r;
        uint32_t u;
        int o1 = __builtin_add_overflow(a, b, &r);
        rbad += o1 != !fits((s128)a + b, INT32_MIN, INT32_MAX);
        int o2 = __builtin_mul_overflow(a, b, &r);
        rbad += o2 != !fits((s128)a * b, INT32_MIN, INT32_MAX) || (!o2 && r != a * b);
        int o3 = __builtin_sub_overflow((uint32_t)a, (uint32_t)b, &u);
        rbad += o3 != ((uint32_t)a < (uint32_t)b);
        int o4 = __builtin_mul_overflow((uint32_t)a, (uint32_t)b, &u);
        rbad += o4 != ((uint64_t)(uint32_t)a * (uint32_t)b > UINT32_MAX);
        novf += o1 + o2 + o3 + o4;
    }
    printf("random 32-bit: %ld overflows, %d mismatches\n", novf, rbad);
    CHECK(rbad == 0);

    CHECK(sat_add32(INT32_MAX, 1) == INT32_MAX && sat_add32(INT32_MIN, -1) == INT32_MIN && sat_add32(5, -7) == -2);
    CHECK(sat_mulu64(1ULL << 32, 1ULL << 32) == UINT64_MAX && sat_mulu64(1ULL << 31, 1ULL << 32) == 1ULL << 63);
    short sh;
    CHECK(checked_narrow(32767, &sh) == 0 && sh == 32767);
    CHECK(checked_narrow(32768, &sh) == 1 && sh == -32768);
    CHECK(checked_narrow(-40000, &sh) == 1);
    long long ll;
    CHECK(__builtin_mul_overflow(INT64_MIN, -1LL, &ll) && ll == INT64_MIN);
    unsigned un;
    CHECK(__builtin_add_overflow(-1, 0, &un) && un == UINT_MAX);   /* negative into unsigned */
    CHECK(!__builtin_add_overflow(-1, 1, &un) && un == 0);
    printf("overflow: %s (%d failures)\n", fails ? "FAIL" : "ok", fails);
    return fails ? 1 : 0;
}
