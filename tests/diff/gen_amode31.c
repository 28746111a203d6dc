/* Differential test: general loads, stores and LOAD ADDRESS in the 31-bit addressing
 * mode (SAM31 ... SAM64 inside one asm statement, touching no stack). Operand addresses
 * wrap at 2G, so a base register with high garbage and bit 32 set still reaches the
 * (low) static data. LA/LAY/LARL zero bit 32 and, per the PoP, keep bits 0-31; QEMU 7.2
 * replaces all 64 bits, so R1 starts with a zero high word here (zhyp keeps it). */
#include "rt.h"

u32 g_w31[4] __attribute__((aligned(8))) = { 0x11223344, 0x55667788, 0x99aabbcc, 0xddeeff00 };
u64 g_out31[8];

#define LA31(mn, B_, X_, disp) do { \
    u64 r_ = 0xa5a5a5a5UL; \
    asm volatile("sam31\n\t" #mn " %[r]," #disp "(%[x],%[b])\n\tsam64" : [r] "+d"(r_) \
                 : [b] "a"((u64)(B_)), [x] "a"((u64)(X_))); \
    line3(#mn " " #disp " 31", (B_), (X_), r_, 0); } while (0)

static void la31(u64 b, u64 x)
{
    LA31(la, b, x, 0); LA31(la, b, x, 4095); LA31(lay, b, x, -524288); LA31(lay, b, x, -1);
}

/* LARL, loads and stores through a base with garbage in bits 0-32. */
static void wrap31(u64 garbage)
{
    u64 base = ((u64)g_w31 | 0x80000000UL) | (garbage & 0xffffffff00000000UL);
    u64 r_larl = garbage & 0xffffffffUL, r_l = garbage, r_lg = garbage, r_llgf = garbage, r_ic = garbage;
    for (unsigned i = 0; i < 8; i++)
        g_out31[i] = 0;
    asm volatile("sam31\n\t"
                 "larl %[a],g_w31\n\t"
                 "l %[l],4(%[b])\n\t"
                 "lg %[g],-8(%[b])\n\t"
                 "llgf %[f],0(%[b])\n\t"
                 "icy %[c],-6(%[b])\n\t"
                 "st %[l],0(%[o])\n\t"
                 "stg %[g],8(%[o])\n\t"
                 "sam64"
                 : [a] "+d"(r_larl), [l] "+d"(r_l), [g] "+d"(r_lg), [f] "+d"(r_llgf), [c] "+d"(r_ic)
                 : [b] "a"(base + 8), [o] "a"(((u64)g_out31 | 0x80000000UL) | (garbage << 40))
                 : "memory");
    line3("larl 31", garbage, r_larl - (u64)g_w31, r_larl & 0xffffffff00000000UL, 0);
    line3("l/lg 31", garbage, r_l, r_lg, 0);
    line3("llgf/icy 31", garbage, r_llgf, r_ic, 0);
    line3("st/stg 31", garbage, g_out31[0], g_out31[1], 0);
}

int main(void)
{
    for (unsigned i = 0; i < n_edges64; i++)
        for (unsigned j = 0; j < n_edges64; j += 3)
            la31(edges64[i], edges64[j]);
    for (unsigned i = 0; i < 40; i++)
        la31(rnd64(), rnd64());
    for (unsigned i = 0; i < n_edges64; i++)
        wrap31(edges64[i]);
    rt_exit(0);
}
