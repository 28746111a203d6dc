/* Differential test: LOAD/STORE ON CONDITION (LOCR, LOCGR, LOC, LOCG, STOC, STOCG)
 * for all 16 masks under each of the 4 condition codes. The CC is set by AHI of 1 to
 * -1 (CC 0), -5 (CC 1), 5 (CC 2) or 0x7fffffff (CC 3, overflow). */
#include "rt.h"

static const s32 cc_seed[4] = { -1, -5, 5, 0x7fffffff };
static u64 mem[2] __attribute__((aligned(8)));

#define LOCR(mn, A_, B_, m, k) do { \
    u64 r_ = (A_); u32 cc_; s32 t_ = cc_seed[k]; \
    asm volatile("ahi %[t],1\n\t" #mn " %[r],%[y]," #m "\n\t" GET_CC \
                 : [r] "+d"(r_), [cc] "=d"(cc_), [t] "+d"(t_) : [y] "d"((u64)(B_)) : "cc"); \
    line3(#mn " " #m, (A_), (B_), r_, cc_); } while (0)

#define LOC(mn, A_, B_, m, k, disp) do { \
    u64 r_ = (A_); u32 cc_; s32 t_ = cc_seed[k]; mem[0] = (B_); \
    asm volatile("ahi %[t],1\n\t" #mn " %[r]," #disp "(%[p])," #m "\n\t" GET_CC \
                 : [r] "+d"(r_), [cc] "=d"(cc_), [t] "+d"(t_) \
                 : [p] "a"((u64)mem - (disp)) : "cc", "memory"); \
    line3(#mn " " #m, (A_), (B_), r_, cc_); } while (0)

#define STOC(mn, V_, m, k, disp) do { \
    u32 cc_; s32 t_ = cc_seed[k]; mem[0] = 0xa5a5a5a5a5a5a5a5UL; \
    asm volatile("ahi %[t],1\n\t" #mn " %[v]," #disp "(%[p])," #m "\n\t" GET_CC \
                 : [cc] "=d"(cc_), [t] "+d"(t_) \
                 : [v] "d"((u64)(V_)), [p] "a"((u64)mem - (disp)) : "cc", "memory"); \
    line3(#mn " " #m, (V_), 0, mem[0], cc_); } while (0)

#define ALL_MASKS(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) \
                     X(8) X(9) X(10) X(11) X(12) X(13) X(14) X(15)

static void one_cc(unsigned k, u64 a, u64 b)
{
#define M(m) LOCR(locr, a, b, m, k); LOCR(locgr, a, b, m, k); \
             LOC(loc, a, b, m, k, -524288); LOC(locg, a, b, m, k, 524287); \
             STOC(stoc, b, m, k, 0); STOC(stocg, b, m, k, -8);
    ALL_MASKS(M)
#undef M
}

int main(void)
{
    for (unsigned k = 0; k < 4; k++)
        one_cc(k, 0x0123456789abcdefUL, 0xfedcba9876543210UL);
    for (unsigned i = 0; i < 8; i++)
        one_cc(i % 4, rnd64(), rnd64());
    rt_exit(0);
}
