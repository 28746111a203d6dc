/* Differential test: BFP MULTIPLY AND ADD / SUBTRACT (MAEBR MADBR MAEB MADB MSEBR MSDBR
 * MSEB MSDB): op1 = op3 * op2 +/- op1 with one rounding, over edge triples and random
 * triples whose addend nearly cancels the product, in every FPC rounding mode. */
#include "bfp_test.h"

static const u32 fs[] = {
    0x00000000, 0x80000000, 0x00000001, 0x807fffff, 0x00800000, 0x7f7fffff, 0xff800000,
    0x7fc00000, 0xff800001, 0x7f800001, 0x3f800000, 0xbfc00000, 0x3eaaaaab, 0x5f800000,
    0x7f800000,
};
static const u64 fd[] = {
    0x0000000000000000, 0x8000000000000000, 0x0000000000000001, 0x800fffffffffffff,
    0x0010000000000000, 0x7fefffffffffffff, 0xfff0000000000000, 0x7ff8000000000000,
    0xfff0000000000001, 0x7ff0000000000001, 0x3ff0000000000000, 0xbff8000000000000,
    0x3fd5555555555555, 0x43f0000000000000, 0x7ff0000000000000,
};
#define NF 15

static void short3(u32 rm, u32 a, u32 b, u32 c)
{
    m32 = b;
    T_FMA("maebr", SHORT_IN(a), SHORT_IN(b), SHORT_IN(c), rm);
    T_FMA("msebr", SHORT_IN(a), SHORT_IN(b), SHORT_IN(c), rm);
    T_FMAX("maeb", SHORT_IN(a), m32, SHORT_IN(c), rm);
    T_FMAX("mseb", SHORT_IN(a), m32, SHORT_IN(c), rm);
}

static void long3(u32 rm, u64 a, u64 b, u64 c)
{
    m64 = b;
    T_FMA("madbr", a, b, c, rm);
    T_FMA("msdbr", a, b, c, rm);
    T_FMAX("madb", a, m64, c, rm);
    T_FMAX("msdb", a, m64, c, rm);
}

/* The rounded product of a and b (by the instruction under test's sibling). */
static u64 mul_s(u32 a, u32 b)
{
    u64 r;
    asm volatile("ldgr %%f0,%[a]\n\tldgr %%f2,%[b]\n\tmeebr %%f0,%%f2\n\tlgdr %[r],%%f0"
                 : [r] "=d"(r) : [a] "d"(SHORT_IN(a)), [b] "d"(SHORT_IN(b)) : "f0", "f2");
    return r >> 32;
}
static u64 mul_d(u64 a, u64 b)
{
    u64 r;
    asm volatile("ldgr %%f0,%[a]\n\tldgr %%f2,%[b]\n\tmdbr %%f0,%%f2\n\tlgdr %[r],%%f0"
                 : [r] "=d"(r) : [a] "d"(a), [b] "d"(b) : "f0", "f2");
    return r;
}

int main(void)
{
    for (unsigned m = 0; m < N_RMS; m++) {
        u32 rm = fpc_rms[m];
        for (unsigned i = 0; i < NF; i++)
            for (unsigned j = 0; j < NF; j++)
                for (unsigned k = 0; k < NF; k++) {
                    short3(rm, fs[i], fs[j], fs[k]);
                    long3(rm, fd[i], fd[j], fd[k]);
                }
        for (unsigned i = 0; i < 500; i++) {
            u32 a = rnd_s(), b = rnd_s(), c = rnd_s();
            u64 d = rnd_d(), e = rnd_d(), f = rnd_d();
            if (i & 1) {            /* c close to -a*b (or a*b for subtract) */
                c = (u32)mul_s(a, b) + (c & 3) - 1;
                f = mul_d(d, e) + (f & 3) - 1;
            }
            short3(rm, a, b, c);
            long3(rm, d, e, f);
        }
    }
    rt_exit(0);
}
