/* Differential test: single and double shifts (logical and arithmetic, 32/64-bit,
 * two- and three-operand forms) and rotates. The count is bits 58-63 of D2(B2):
 * every count 0..63 through a base register, counts >= 64 and large base values
 * (only the low six bits count), and literal displacements with no base (0, 31, 32,
 * 63, 64, 4095, and the signed 20-bit extremes for the RSY forms). */
#include "rt.h"

#define GARBAGE 0xa5a5a5a5c3c3c3c3UL

/* RS-a: R1 shifted in place, count = D2 + B2. */
#define RS_B(mn, V, B, D) do { u64 r_ = (V); u32 cc_; \
    asm volatile(#mn " %[r]," #D "(%[b])\n\t" GET_CC : [r] "+d"(r_), [cc] "=d"(cc_) : [b] "a"((u64)(B)) : "cc"); \
    line3(#mn " " #D "+b", (V), (B), r_, cc_); } while (0)
#define RS_D(mn, V, D) do { u64 r_ = (V); u32 cc_; \
    asm volatile(#mn " %[r]," #D "\n\t" GET_CC : [r] "+d"(r_), [cc] "=d"(cc_) : : "cc"); \
    line2(#mn " " #D, (V), r_, cc_); } while (0)

/* RSY-a: R1 = R3 shifted; R1 starts as garbage (the 32-bit forms keep its high half). */
#define RSY_B(mn, V, B, D) do { u64 r_ = GARBAGE; u32 cc_; \
    asm volatile(#mn " %[r],%[v]," #D "(%[b])\n\t" GET_CC : [r] "+d"(r_), [cc] "=d"(cc_) \
                 : [v] "d"((u64)(V)), [b] "a"((u64)(B)) : "cc"); \
    line3(#mn " " #D "+b", (V), (B), r_, cc_); } while (0)
#define RSY_D(mn, V, D) do { u64 r_ = GARBAGE; u32 cc_; \
    asm volatile(#mn " %[r],%[v]," #D "\n\t" GET_CC : [r] "+d"(r_), [cc] "=d"(cc_) : [v] "d"((u64)(V)) : "cc"); \
    line2(#mn " " #D, (V), r_, cc_); } while (0)
/* RSY-a with R1 == R3. */
#define RSY_SAME(mn, V, B) do { u64 r_ = (V); u32 cc_; \
    asm volatile(#mn " %[r],%[r],0(%[b])\n\t" GET_CC : [r] "+d"(r_), [cc] "=d"(cc_) : [b] "a"((u64)(B)) : "cc"); \
    line3(#mn " same", (V), (B), r_, cc_); } while (0)

/* Double shifts on the pair r4:r5 (only the low halves take part). */
#define RSD_B(mn, HI, LO, B, D) do { register u64 e_ asm("r4") = (HI); register u64 o_ asm("r5") = (LO); u32 cc_; \
    asm volatile(#mn " %[e]," #D "(%[b])\n\t" GET_CC : [e] "+d"(e_), "+d"(o_), [cc] "=d"(cc_) : [b] "a"((u64)(B)) : "cc"); \
    u64 re_ = e_, ro_ = o_; line3(#mn " " #D "+b", (HI), (LO), re_, cc_); line3(#mn " odd", (B), 0, ro_, cc_); } while (0)
#define RSD_D(mn, HI, LO, D) do { register u64 e_ asm("r4") = (HI); register u64 o_ asm("r5") = (LO); u32 cc_; \
    asm volatile(#mn " %[e]," #D "\n\t" GET_CC : [e] "+d"(e_), "+d"(o_), [cc] "=d"(cc_) : : "cc"); \
    u64 re_ = e_, ro_ = o_; line3(#mn " " #D, (HI), (LO), re_, cc_); line3(#mn " odd", 0, 0, ro_, cc_); } while (0)

static void by_reg(u64 v, u64 w, u64 n)
{
    RS_B(sll, v, n, 0);  RS_B(srl, v, n, 0);  RS_B(sla, v, n, 0);  RS_B(sra, v, n, 0);
    RSY_B(sllk, v, n, 0); RSY_B(srlk, v, n, 0); RSY_B(slak, v, n, 0); RSY_B(srak, v, n, 0);
    RSY_B(sllg, v, n, 0); RSY_B(srlg, v, n, 0); RSY_B(slag, v, n, 0); RSY_B(srag, v, n, 0);
    RSY_B(rll, v, n, 0);  RSY_B(rllg, v, n, 0);
    RSD_B(sldl, v, w, n, 0); RSD_B(srdl, v, w, n, 0); RSD_B(slda, v, w, n, 0); RSD_B(srda, v, w, n, 0);
}

/* Base plus displacement, where the sum's low six bits are the count. */
static void base_disp(u64 v, u64 w)
{
    u64 b = 0xffffffffffffffc0UL;                     /* -64: count = D2 mod 64 */
    RS_B(sll, v, b, 65);  RS_B(srl, v, b + 3, 4095);  RS_B(sla, v, b, 95); RS_B(sra, v, 60, 5);
    RSY_B(sllk, v, b, -1); RSY_B(srlk, v, 7, -524288); RSY_B(slak, v, b, 524287); RSY_B(srak, v, 1, 62);
    RSY_B(sllg, v, b, 4159); RSY_B(srlg, v, 3, -3); RSY_B(slag, v, 32, 32); RSY_B(srag, v, b, -100);
    RSY_B(rll, v, 31, 2); RSY_B(rllg, v, b, 127);
    RSD_B(sldl, v, w, b, 97); RSD_B(srdl, v, w, 62, 3); RSD_B(slda, v, w, 0x7fffffffUL, 1); RSD_B(srda, v, w, b, 4095);
    RSY_SAME(sllg, v, 13); RSY_SAME(srag, v, 45); RSY_SAME(rll, v, 9); RSY_SAME(slak, v, 3);
}

#define DISPS_RS(mn) RS_D(mn, v, 0); RS_D(mn, v, 1); RS_D(mn, v, 31); RS_D(mn, v, 32); \
    RS_D(mn, v, 33); RS_D(mn, v, 63); RS_D(mn, v, 64); RS_D(mn, v, 4095)
#define DISPS_RSY(mn) RSY_D(mn, v, 0); RSY_D(mn, v, 1); RSY_D(mn, v, 31); RSY_D(mn, v, 32); \
    RSY_D(mn, v, 63); RSY_D(mn, v, 64); RSY_D(mn, v, -1); RSY_D(mn, v, -524288); RSY_D(mn, v, 524287)
#define DISPS_RSD(mn) RSD_D(mn, v, w, 0); RSD_D(mn, v, w, 31); RSD_D(mn, v, w, 32); \
    RSD_D(mn, v, w, 63); RSD_D(mn, v, w, 64); RSD_D(mn, v, w, 4095)

static void by_disp(u64 v, u64 w)
{
    DISPS_RS(sll); DISPS_RS(srl); DISPS_RS(sla); DISPS_RS(sra);
    DISPS_RSY(sllk); DISPS_RSY(srlk); DISPS_RSY(slak); DISPS_RSY(srak);
    DISPS_RSY(sllg); DISPS_RSY(srlg); DISPS_RSY(slag); DISPS_RSY(srag);
    DISPS_RSY(rll); DISPS_RSY(rllg);
    DISPS_RSD(sldl); DISPS_RSD(srdl); DISPS_RSD(slda); DISPS_RSD(srda);
}

int main(void)
{
    for (unsigned i = 0; i < n_edges64; i++) {
        u64 w = edges64[(i * 7 + 3) % n_edges64];
        for (u64 n = 0; n < 64; n++)
            by_reg(edges64[i], w, n);
        by_reg(edges64[i], w, 64);
        by_reg(edges64[i], w, 0xffffffffffffff9fUL);
        base_disp(edges64[i], w);
        by_disp(edges64[i], w);
    }
    /* Small values of either sign: SLA overflows at each count boundary. */
    for (u64 n = 0; n < 64; n++) {
        by_reg(1UL << (n & 31), 0, n);
        by_reg(-(1UL << (n & 31)), -1UL, n);
        by_reg(3UL << (n & 31), 0x80000000UL >> (n & 31), n);
        by_reg(-(3UL << (n & 31)), 0, n);
        by_reg(1UL << n, 1UL << n, n);
        by_reg(-(1UL << n), -(1UL << n), n);
    }
    for (unsigned i = 0; i < 300; i++) {
        u64 v = rnd64(), w = rnd64();
        by_reg(v, w, rnd64());
        by_reg(v >> (i & 63), w >> 32, i);
    }
    for (unsigned i = 0; i < 20; i++) {
        u64 v = rnd64(), w = rnd64();
        base_disp(v, w);
        by_disp(v, w);
    }
    rt_exit(0);
}
