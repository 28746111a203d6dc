/* Differential test: INSERT CHARACTERS UNDER MASK (ICM, ICMY, ICMH: CC) and STORE
 * CHARACTERS UNDER MASK (STCM, STCMY, STCMH) for all 16 masks over edge and random
 * register values and storage bytes (leading bit set/clear, zero bytes). */
#include "rt.h"

static u8 buf[32] __attribute__((aligned(8)));

static u64 be64_at(unsigned off)
{
    u64 v = 0;
    for (unsigned i = 0; i < 8; i++)
        v = v << 8 | buf[off + i];
    return v;
}

/* Insert from buf+8 (+ an odd offset for the long-displacement forms). */
#define ICM(mn, A_, m, disp) do { \
    u64 r_ = (A_); u32 cc_; \
    asm volatile(#mn " %[r]," #m "," #disp "(%[p])\n\t" GET_CC : [r] "+d"(r_), [cc] "=d"(cc_) \
                 : [p] "a"((u64)buf + 8 - (disp)) : "cc", "memory"); \
    line3(#mn " " #m, (A_), be64_at(8), r_, cc_); } while (0)

/* Store into buf+8 pre-filled with a marker; print the 16 bytes from buf+8. */
#define STCM(mn, V_, m, disp) do { \
    for (unsigned i_ = 0; i_ < sizeof(buf); i_++) buf[i_] = (u8)(0xc0 + i_); \
    asm volatile(#mn " %[v]," #m "," #disp "(%[p])" : : [v] "d"((u64)(V_)), \
                 [p] "a"((u64)buf + 8 - (disp)) : "memory"); \
    line3(#mn " " #m, (V_), be64_at(8), be64_at(16), 0); } while (0)

#define ALL_MASKS(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) \
                     X(8) X(9) X(10) X(11) X(12) X(13) X(14) X(15)

static void inserts(u64 a)
{
#define I1(m) ICM(icm, a, m, 0); ICM(icmy, a, m, -524288); ICM(icmh, a, m, 524287);
    ALL_MASKS(I1)
#undef I1
}

static void stores(u64 v)
{
#define S1(m) STCM(stcm, v, m, 4095); STCM(stcmy, v, m, -1); STCM(stcmh, v, m, 8);
    ALL_MASKS(S1)
#undef S1
}

static void fill(u64 p)
{
    for (unsigned i = 0; i < sizeof(buf); i++)
        buf[i] = (u8)(p >> (8 * (7 - i % 8)));
}

int main(void)
{
    static const u64 r1s[] = { 0, 0xffffffffffffffff, 0x0123456789abcdef, 0x8000000000000080 };
    static const u64 pats[] = {
        0, 0xffffffffffffffff, 0x8000000000000000, 0x0080000000000000, 0x0000800000000000,
        0x0000008000000000, 0x7f00000000000000, 0x00000001ffffffff, 0x0100000000000000,
        0x8080808080808080, 0x7f7f7f7f7f7f7f7f, 0x0001020304050607,
    };
    for (unsigned i = 0; i < sizeof(pats) / sizeof(pats[0]) + 20; i++) {
        fill(i < sizeof(pats) / sizeof(pats[0]) ? pats[i] : rnd64());
        inserts(r1s[i % 4]);
    }
    for (unsigned i = 0; i < n_edges64; i++)
        stores(edges64[i]);
    for (unsigned i = 0; i < 20; i++)
        stores(rnd64());
    rt_exit(0);
}
