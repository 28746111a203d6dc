/* Differential test: LOAD ADDRESS (LA, LAY: base + index + displacement wrapping in
 * the 64-bit mode), LOAD ADDRESS RELATIVE LONG (LARL, checked against the linker's
 * absolute address), and the hints PFD, PFDRL, NIAI, PPA, which must change no
 * register and no CC. */
#include "rt.h"

#define LA(mn, B_, X_, disp) do { \
    u64 r_ = 0x5555555555555555UL; u32 cc_; \
    asm volatile(#mn " %[r]," #disp "(%[x],%[b])\n\t" GET_CC : [r] "+d"(r_), [cc] "=d"(cc_) \
                 : [b] "a"((u64)(B_)), [x] "a"((u64)(X_)) : "cc"); \
    line3(#mn " " #disp, (B_), (X_), r_, cc_); } while (0)

/* Base only, and neither register (D2 alone). */
#define LA_B(mn, B_, disp) do { \
    u64 r_ = 0x5555555555555555UL, s_ = 0x5555555555555555UL; u32 cc_; \
    asm volatile(#mn " %[r]," #disp "(%[b])\n\t" #mn " %[s]," #disp "\n\t" GET_CC \
                 : [r] "+d"(r_), [s] "+d"(s_), [cc] "=d"(cc_) : [b] "a"((u64)(B_)) : "cc"); \
    line3(#mn " b " #disp, (B_), s_, r_, cc_); } while (0)

static void la_all(u64 b, u64 x)
{
    LA(la, b, x, 0);          LA(la, b, x, 4095);      LA(la, b, x, 1);
    LA(lay, b, x, -524288);   LA(lay, b, x, 524287);   LA(lay, b, x, -1);
    LA_B(la, b, 4095);        LA_B(la, b, 0);          LA_B(lay, b, -524288);
    LA_B(lay, b, -1);         LA_B(lay, b, 524287);
}

/* LARL to labels before and after it, against .quad absolute addresses. */
static void larl_all(void)
{
    u64 r1, r2, r3, a1, a2, a3;
    asm volatile("0: larl %[r1],0b\n\t"
                 "larl %[r2],1f\n\t"
                 "larl %[r3],2f\n\t"
                 "lgrl %[a1],3f\n\t"
                 "lgrl %[a2],4f\n\t"
                 "lgrl %[a3],5f\n\t"
                 "j 6f\n\t"
                 "1: .balign 8\n\t"
                 "3: .quad 0b\n\t"
                 "4: .quad 1b\n\t"
                 "5: .quad 2f\n\t"
                 "6: nopr\n\t"
                 ".pushsection .data\n\t"
                 "2: .quad 0\n\t"
                 ".popsection"
                 : [r1] "=&d"(r1), [r2] "=&d"(r2), [r3] "=&d"(r3),
                   [a1] "=&d"(a1), [a2] "=&d"(a2), [a3] "=&d"(a3));
    line3("larl back", r1 - a1, r1 & 7, 0, 0);
    line3("larl fwd", r2 - a2, r2 & 7, 0, 0);
    line3("larl data", r3 - a3, r3 & 7, 0, 0);
}

u64 g_hint[4];

/* Hints: every register and the CC as before. */
#define HINT(text) do { \
    u64 r1_ = 0x1111111111111111UL, r2_ = (u64)g_hint; u32 cc0_, cc1_; \
    asm volatile(GET_CC_AS(c0) text "\n\t" GET_CC_AS(c1) \
                 : [r1] "+d"(r1_), [r2] "+a"(r2_), [c0] "=&d"(cc0_), [c1] "=&d"(cc1_) : : "cc", "memory"); \
    line3(text, r1_, r2_ - (u64)g_hint, cc1_, cc0_); } while (0)
#define GET_CC_AS(v) "ipm %[" #v "]\n\tsrl %[" #v "],28\n\t"

static void hints(void)
{
    HINT("pfd 1,0(%[r2])");
    HINT("pfd 2,8(%[r1],%[r2])");
    HINT("pfd 0,-524288(%[r2])");
    HINT("pfd 15,0");
    HINT("pfdrl 1,g_hint");
    HINT("pfdrl 2,g_hint+8");
    HINT("niai 0,0");
    HINT("niai 1,2");
    HINT("niai 3,3");
    HINT("ppa %[r1],0,1");
    HINT("ppa %[r1],%[r2],1");
    HINT("ppa %[r2],%[r1],15");
}

int main(void)
{
    for (unsigned i = 0; i < n_edges64; i++)
        for (unsigned j = 0; j < n_edges64; j += 2)
            la_all(edges64[i], edges64[j]);
    for (unsigned i = 0; i < 100; i++)
        la_all(rnd64(), rnd64());
    larl_all();
    hints();
    rt_exit(0);
}
