/* Differential test: ROTATE THEN INSERT / AND / OR / EXCLUSIVE OR SELECTED BITS.
 * Start and end bits at every boundary (0, 1, 30, 31, 32, 33, 62, 63, so both
 * ordinary and wrapping ranges), rotate amounts 0, 1, 31, 32, 63 and, for a few
 * ranges, every amount 0..63; with and without the zero-remaining-bits flag (insert
 * forms) and the test-only flag (AND/OR/XOR forms); ignored I3/I4/I5 bits set.
 * The forms that keep the CC run after TMLL sets a value-dependent CC.
 * QEMU 7.2 computes the CC of the test-only (T) forms from an uninitialized TCG
 * temporary (garbage CC, sometimes a "tcg fatal error"), so for those forms only R1
 * (which must stay unchanged) is compared: a CR right after the instruction replaces
 * the CC in the same translation block (.balign keeps the pair off a page end), which
 * lets TCG drop the bad computation. */
#include "rt.h"

static const u64 va[] = { 0x0123456789abcdefUL, 0, 0xffffffffffffffffUL, 0x5555555555555555UL, 0x8000000000000001UL };
static const u64 vb[] = { 0xfedcba9876543210UL, 0xffffffffffffffffUL, 0x8000000000000001UL, 0x0f0f0f0f0f0f0f0fUL, 0x00000000ffffffffUL };
#define NV 5

static void out(const char *mn, unsigned s, unsigned e, unsigned r, u64 a, u64 b, u64 res, u32 cc)
{
    put_str(mn);
    put_char(' ');
    put_dec(s); put_char(','); put_dec(e); put_char(','); put_dec(r);
    put_char(' ');
    line3("", a, b, res, cc);
}

#define RSBG(mn, S, E, R) do { for (unsigned k_ = 0; k_ < NV; k_++) { u64 r_ = va[k_]; u32 cc_; \
    asm volatile("tmll %[y],0x0f0f\n\t" #mn " %[r],%[y],%[i3],%[i4],%[i5]\n\t" GET_CC \
                 : [r] "+d"(r_), [cc] "=d"(cc_) : [y] "d"(vb[k_]), [i3] "i"(S), [i4] "i"(E), [i5] "i"(R) : "cc"); \
    out(#mn, (S), (E), (R), va[k_], vb[k_], r_, cc_); } } while (0)

/* Test-only form: R1 must not change; the CC is not compared (see above). */
#define RSBGT(mn, S, E, R) do { for (unsigned k_ = 0; k_ < NV; k_++) { u64 r_ = va[k_]; \
    asm volatile(".balign 16\n\t" #mn " %[r],%[y],%[i3],%[i4],%[i5]\n\tcr %[r],%[r]" \
                 : [r] "+d"(r_) : [y] "d"(vb[k_]), [i3] "i"(S), [i4] "i"(E), [i5] "i"(R) : "cc"); \
    out(#mn "t", (S), (E), (R), va[k_], vb[k_], r_, 0); } } while (0)

#define VARIANTS(S, E, R) \
    RSBG(risbg, S, E, R);  RSBG(risbg, S, (E) | 0x80, R); \
    RSBG(risbgn, S, E, R); RSBG(risbgn, S, (E) | 0x80, R); \
    RSBG(risbhg, S, E, R); RSBG(risbhg, S, (E) | 0x80, R); \
    RSBG(risblg, S, E, R); RSBG(risblg, S, (E) | 0x80, R); \
    RSBG(rnsbg, S, E, R);  RSBGT(rnsbg, (S) | 0x80, E, R); \
    RSBG(rosbg, S, E, R);  RSBGT(rosbg, (S) | 0x80, E, R); \
    RSBG(rxsbg, S, E, R);  RSBGT(rxsbg, (S) | 0x80, E, R);

#define EACH_S(M, E, R) M(0, E, R) M(1, E, R) M(30, E, R) M(31, E, R) \
                        M(32, E, R) M(33, E, R) M(62, E, R) M(63, E, R)
#define EACH_SE(M, R) EACH_S(M, 0, R) EACH_S(M, 1, R) EACH_S(M, 30, R) EACH_S(M, 31, R) \
                      EACH_S(M, 32, R) EACH_S(M, 33, R) EACH_S(M, 62, R) EACH_S(M, 63, R)

#define X4(M, b)  M(b) M((b) + 1) M((b) + 2) M((b) + 3)
#define X16(M, b) X4(M, b) X4(M, (b) + 4) X4(M, (b) + 8) X4(M, (b) + 12)
#define X64(M)    X16(M, 0) X16(M, 16) X16(M, 32) X16(M, 48)

#define ROT_RANGES(R) VARIANTS(0, 63, R) VARIANTS(8, 40, R) VARIANTS(40, 8, R) \
                      VARIANTS(63, 0, R) VARIANTS(32, 31, R)

static void boundaries(void)
{
    EACH_SE(VARIANTS, 0)
    EACH_SE(VARIANTS, 1)
    EACH_SE(VARIANTS, 31)
    EACH_SE(VARIANTS, 32)
    EACH_SE(VARIANTS, 63)
}

static void rotations(void)
{
    X64(ROT_RANGES)
}

/* Bits 1 of I3/I4 and bits 0-1 of I5 are ignored; for the insert forms bit 0 of I3
 * is ignored too, and for the AND/OR/XOR forms bit 0 of I4. */
static void ignored_bits(void)
{
    VARIANTS(0x40 | 3, 0x40 | 50, 0xc0 | 7)
    VARIANTS(0x40 | 60, 0x40 | 4, 0x80 | 33)
    RSBG(risbg, 0x80 | 5, 40, 3); RSBG(risbgn, 0xc0 | 40, 5, 0x40 | 3);
    RSBG(risbhg, 0x80 | 5, 20, 3); RSBG(risblg, 0xc0 | 21, 5, 0x40 | 60);
    RSBG(rnsbg, 5, 0x80 | 40, 3); RSBG(rosbg, 40, 0xc0 | 5, 3); RSBG(rxsbg, 0x40 | 9, 0x80 | 9, 0);
    /* risbhg/risblg bit numbers above 31 are taken modulo 32 */
    RSBG(risbhg, 45, 60, 16); RSBG(risblg, 2, 17, 48); RSBG(risbhg, 60, 45, 0); RSBG(risblg, 17, 2, 0);
}

/* Random operands through a few fixed ranges. */
#define RANDOM_RSBG(mn, S, E, R) do { u64 r_ = a, b_ = b; u32 cc_; \
    asm volatile("tmll %[y],0x0f0f\n\t" #mn " %[r],%[y],%[i3],%[i4],%[i5]\n\t" GET_CC \
                 : [r] "+d"(r_), [cc] "=d"(cc_) : [y] "d"(b_), [i3] "i"(S), [i4] "i"(E), [i5] "i"(R) : "cc"); \
    out(#mn, (S), (E), (R), a, b_, r_, cc_); } while (0)

static void random_ops(void)
{
    for (unsigned i = 0; i < 200; i++) {
        u64 a = rnd64(), b = rnd64();
        if (i & 1)
            b &= rnd64();
        RANDOM_RSBG(risbg, 48, 0x80 | 63, 16);  RANDOM_RSBG(risbg, 3, 7, 61);
        RANDOM_RSBG(risbgn, 32, 0x80 | 63, 0);  RANDOM_RSBG(risbhg, 0, 0x80 | 31, 32);
        RANDOM_RSBG(risblg, 0, 0x80 | 31, 0);   RANDOM_RSBG(risblg, 24, 7, 12);
        RANDOM_RSBG(rnsbg, 0, 31, 32); RANDOM_RSBG(rnsbg, 63, 0, 1);
        RANDOM_RSBG(rosbg, 20, 30, 10); RANDOM_RSBG(rosbg, 0, 63, 0);
        RANDOM_RSBG(rxsbg, 62, 1, 2); RANDOM_RSBG(rxsbg, 56, 63, 8);
    }
}

int main(void)
{
    boundaries();
    rotations();
    ignored_bits();
    random_ops();
    rt_exit(0);
}
