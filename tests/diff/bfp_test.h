/* Shared pieces of the BFP differential tests (bfp_*.c): edge operands for the three
 * formats, a seeded generator of "interesting" values, and one output line per
 * instruction run: operands, the FPC rounding mode set before, the result bits, CC
 * and the FPC after (flags and DXC). FPRs are moved with LDGR/LGDR, the FPC with SFPC/EFPC. */
#ifndef BFP_TEST_H
#define BFP_TEST_H

#include "rt.h"

#define UNUSED __attribute__((unused))

/* The FPC BFP rounding modes: nearest-even, zero, +inf, -inf, prepare-for-shorter. */
static const u32 fpc_rms[] UNUSED = { 0, 1, 2, 3, 7 };
#define N_RMS 5

/* Short edges (the value is in bits 0-31 of the FPR). */
static const u32 es[] UNUSED = {
    0x00000000, 0x80000000, 0x00000001, 0x80000001, 0x007fffff, 0x00800000, 0x80800000,
    0x7f7fffff, 0xff7fffff, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00123, 0x7f800001,
    0xff812345, 0x3f800000, 0xbf800000, 0x3f000000, 0x3fc00000, 0x40200000, 0xbfc00000,
    0x4b000001, 0x4f000000, 0xcf000000, 0x5f800000, 0x3eaaaaab, 0x34000000, 0x00400000,
    0x7f000000, 0x0ff00000, 0x3f800001, 0x4effffff,
};
#define N_ES (sizeof(es) / sizeof(es[0]))

static const u64 ed[] UNUSED = {
    0x0000000000000000, 0x8000000000000000, 0x0000000000000001, 0x8000000000000001,
    0x000fffffffffffff, 0x0010000000000000, 0x8010000000000000, 0x7fefffffffffffff,
    0xffefffffffffffff, 0x7ff0000000000000, 0xfff0000000000000, 0x7ff8000000000000,
    0xfff8000000000123, 0x7ff0000000000001, 0xfff0000012345678, 0x3ff0000000000000,
    0xbff0000000000000, 0x3fe0000000000000, 0x3ff8000000000000, 0x4004000000000000,
    0xbff8000000000000, 0x4330000000000001, 0x41e0000000000000, 0xc1e0000000000000,
    0x43e0000000000000, 0x43f0000000000000, 0x3fd5555555555555, 0x3cb0000000000000,
    0x0008000000000000, 0x7fe0000000000000, 0x2000000000000000, 0x3ff0000000000001,
    0x41dfffffffc00000, 0x47efffffe0000000, 0x3810000000000000, 0x36a0000000000000,
};
#define N_ED (sizeof(ed) / sizeof(ed[0]))

typedef struct { u64 hi, lo; } x128;

static const x128 ex[] UNUSED = {
    { 0, 0 }, { 0x8000000000000000, 0 }, { 0, 1 }, { 0x8000000000000000, 1 },
    { 0x0000ffffffffffff, 0xffffffffffffffff }, { 0x0001000000000000, 0 },
    { 0x8001000000000000, 0 }, { 0x7ffeffffffffffff, 0xffffffffffffffff },
    { 0xfffeffffffffffff, 0xffffffffffffffff }, { 0x7fff000000000000, 0 },
    { 0xffff000000000000, 0 }, { 0x7fff800000000000, 0 }, { 0xffff800000000000, 0x123 },
    { 0x7fff000000000000, 1 }, { 0xffff000012345678, 0x9abcdef012345678 },
    { 0x3fff000000000000, 0 }, { 0xbfff000000000000, 0 }, { 0x3ffe000000000000, 0 },
    { 0x3fff800000000000, 0 }, { 0x4000400000000000, 0 }, { 0xbfff800000000000, 0 },
    { 0x406f000000000000, 1 }, { 0x401e000000000000, 0 }, { 0xc01e000000000000, 0 },
    { 0x403e000000000000, 0 }, { 0x403f000000000000, 0 }, { 0x3ffd555555555555, 0x5555555555555555 },
    { 0x3f8f000000000000, 0 }, { 0x0000800000000000, 0 }, { 0x7ffe000000000000, 0 },
    { 0x3fff000000000000, 1 }, { 0x401dffffffffffff, 0xffffffffffffffff },
    { 0x43fe000000000000, 0 }, { 0x3c00000000000000, 0 }, { 0x3fff000000000000, 0x8000000000000000 },
    { 0x407effffffffffff, 0xffffffffffffffff },
};
#define N_EX (sizeof(ex) / sizeof(ex[0]))

/* Random values with exponents near the interesting places (0, 1, the limits). */
static UNUSED u64 rnd_exp(unsigned bits, unsigned bias)
{
    u64 r = rnd64(), top = (1UL << bits) - 1;
    switch (r & 7) {
    case 0:  return (r >> 3) & 3;                       /* zero/denormal exponent */
    case 1:  return top - 1 - ((r >> 3) & 3);           /* near the maximum */
    case 2:  return bias - 2 + ((r >> 3) & 3);          /* near 1.0 */
    case 3:  return bias + 20 + ((r >> 3) & 63);        /* integers near 2^31..2^64 */
    default: return (r >> 8) & top;
    }
}
static UNUSED u32 rnd_s(void)
{
    u64 r = rnd64();
    return (u32)((r & 0x80000000) | (rnd_exp(8, 127) << 23) | (r & 0x7fffff & (rnd64() | 0xfff000)));
}
static UNUSED u64 rnd_d(void)
{
    u64 r = rnd64();
    return (r & 0x800fffffffffffff) | (rnd_exp(11, 1023) << 52);
}
static UNUSED x128 rnd_x(void)
{
    u64 r = rnd64();
    x128 v = { (r & 0x8000ffffffffffff) | (rnd_exp(15, 16383) << 48), rnd64() };
    if (r & 0x100000)
        v.lo &= 0xffffffffff000000;
    return v;
}

/* Output pieces: "name" then " xxxxxxxxxxxxxxxx" per value then " -> ..." */
static UNUSED void p_name(const char *n, u32 rm)
{
    put_str(n);
    put_str(" rm");
    put_char('0' + rm);
}
static UNUSED void p_hex(u64 v) { put_char(' '); put_hex(v); }
static UNUSED void p_x(x128 v) { put_char(' '); put_hex(v.hi); put_char(':'); put_hex(v.lo); }
static UNUSED void p_end(u32 cc, u32 fpc)
{
    put_str(" cc=");
    put_char('0' + (cc & 3));
    put_str(" fpc=");
    put_hex32(fpc);
    put_char('\n');
}

static UNUSED void p_endn(u32 fpc)
{
    put_str(" fpc=");
    put_hex32(fpc);
    put_char('\n');
}
/* The CC only for instructions that set it. */
#define P_END(CC, cc_, fo_) do { if (CC) p_end(cc_, fo_); else p_endn(fo_); } while (0)

/* Storage operands live here; RX forms address them as 4(index,base) with index 16. */
static u32 m32 UNUSED;
static u64 m64 UNUSED;
#define MBASE(ptr) ((u64)(ptr) - 20)

/* The asm pieces around every instruction: set the FPC (rounding mode, masks off),
 * run, capture CC and FPC, clear the FPC again. */
#define PRE "sfpc %[fi]\n\t"
#define POST "\n\tipm %[cc]\n\tsrl %[cc],28\n\tefpc %[fo]\n\tsfpc %[z]"

/* f0 = f0 op f2 (long; short values in bits 0-31). */
#define T_RR(insn, A, B, FPC, CC) do { u64 r_; u32 cc_, fo_; \
    asm volatile(PRE "ldgr %%f0,%[a]\n\tldgr %%f2,%[b]\n\t" insn " %%f0,%%f2" POST "\n\tlgdr %[r],%%f0" \
                 : [r] "=&d"(r_), [cc] "=&d"(cc_), [fo] "=&d"(fo_) \
                 : [a] "d"(A), [b] "d"(B), [fi] "d"(FPC), [z] "d"(0) : "cc", "f0", "f2"); \
    p_name(insn, FPC); p_hex(A); p_hex(B); p_hex(r_); P_END(CC, cc_, fo_); } while (0)

/* f0 = f0 op storage at 4(16,base): m32/m64 hold the operand. */
#define T_RX(insn, A, MEM, FPC, CC) do { u64 r_; u32 cc_, fo_; \
    asm volatile(PRE "ldgr %%f0,%[a]\n\t" insn " %%f0,4(%[i],%[p])" POST "\n\tlgdr %[r],%%f0" \
                 : [r] "=&d"(r_), [cc] "=&d"(cc_), [fo] "=&d"(fo_) \
                 : [a] "d"(A), [p] "a"(MBASE(&MEM)), [i] "a"(16UL), [fi] "d"(FPC), [z] "d"(0), "m"(MEM) \
                 : "cc", "f0", "f2"); \
    p_name(insn, FPC); p_hex(A); p_hex((u64)MEM); p_hex(r_); P_END(CC, cc_, fo_); } while (0)

/* f0:f2 = f0:f2 op f1:f3 (extended). */
#define T_XX(insn, A, B, FPC, CC) do { x128 r_; u32 cc_, fo_; \
    asm volatile(PRE "ldgr %%f0,%[ah]\n\tldgr %%f2,%[al]\n\tldgr %%f1,%[bh]\n\tldgr %%f3,%[bl]\n\t" \
                 insn " %%f0,%%f1" POST "\n\tlgdr %[rh],%%f0\n\tlgdr %[rl],%%f2" \
                 : [rh] "=&d"(r_.hi), [rl] "=&d"(r_.lo), [cc] "=&d"(cc_), [fo] "=&d"(fo_) \
                 : [ah] "d"(A.hi), [al] "d"(A.lo), [bh] "d"(B.hi), [bl] "d"(B.lo), [fi] "d"(FPC), [z] "d"(0) \
                 : "cc", "f0", "f1", "f2", "f3"); \
    p_name(insn, FPC); p_x(A); p_x(B); p_x(r_); P_END(CC, cc_, fo_); } while (0)

/* f0:f2 = f0 op f1 (long operands, extended result). */
#define T_RRW(insn, A, B, FPC, CC) do { x128 r_; u32 cc_, fo_; \
    asm volatile(PRE "ldgr %%f0,%[a]\n\tldgr %%f1,%[b]\n\tlzdr %%f2\n\t" insn " %%f0,%%f1" POST \
                 "\n\tlgdr %[rh],%%f0\n\tlgdr %[rl],%%f2" \
                 : [rh] "=&d"(r_.hi), [rl] "=&d"(r_.lo), [cc] "=&d"(cc_), [fo] "=&d"(fo_) \
                 : [a] "d"(A), [b] "d"(B), [fi] "d"(FPC), [z] "d"(0) : "cc", "f0", "f1", "f2"); \
    p_name(insn, FPC); p_hex(A); p_hex(B); p_x(r_); P_END(CC, cc_, fo_); } while (0)

/* f0:f2 = f0 op storage (long operands, extended result). */
#define T_RXW(insn, A, MEM, FPC, CC) do { x128 r_; u32 cc_, fo_; \
    asm volatile(PRE "ldgr %%f0,%[a]\n\tlzdr %%f2\n\t" insn " %%f0,4(%[i],%[p])" POST \
                 "\n\tlgdr %[rh],%%f0\n\tlgdr %[rl],%%f2" \
                 : [rh] "=&d"(r_.hi), [rl] "=&d"(r_.lo), [cc] "=&d"(cc_), [fo] "=&d"(fo_) \
                 : [a] "d"(A), [p] "a"(MBASE(&MEM)), [i] "a"(16UL), [fi] "d"(FPC), [z] "d"(0), "m"(MEM) \
                 : "cc", "f0", "f2"); \
    p_name(insn, FPC); p_hex(A); p_hex((u64)MEM); p_x(r_); P_END(CC, cc_, fo_); } while (0)

/* f0 = op(f2), f0 preloaded with A (so short results show the untouched low half). */
#define T_R1(insn, A, B, FPC, CC) do { u64 r_; u32 cc_, fo_; \
    asm volatile(PRE "ldgr %%f0,%[a]\n\tldgr %%f2,%[b]\n\t" insn " %%f0,%%f2" POST "\n\tlgdr %[r],%%f0" \
                 : [r] "=&d"(r_), [cc] "=&d"(cc_), [fo] "=&d"(fo_) \
                 : [a] "d"(A), [b] "d"(B), [fi] "d"(FPC), [z] "d"(0) : "cc", "f0", "f2"); \
    p_name(insn, FPC); p_hex(B); p_hex(r_); P_END(CC, cc_, fo_); } while (0)

/* f0:f2 = op(f1:f3) (extended). */
#define T_X1(insn, B, FPC, CC) do { x128 r_; u32 cc_, fo_; \
    asm volatile(PRE "lzxr %%f0\n\tldgr %%f1,%[bh]\n\tldgr %%f3,%[bl]\n\t" insn " %%f0,%%f1" POST \
                 "\n\tlgdr %[rh],%%f0\n\tlgdr %[rl],%%f2" \
                 : [rh] "=&d"(r_.hi), [rl] "=&d"(r_.lo), [cc] "=&d"(cc_), [fo] "=&d"(fo_) \
                 : [bh] "d"(B.hi), [bl] "d"(B.lo), [fi] "d"(FPC), [z] "d"(0) : "cc", "f0", "f1", "f2", "f3"); \
    p_name(insn, FPC); p_x(B); p_x(r_); P_END(CC, cc_, fo_); } while (0)

/* f0 = f4 * f2 +/- f0 (MULTIPLY AND ADD/SUBTRACT, register form). */
#define T_FMA(insn, A, B, C, FPC) do { u64 r_; u32 cc_, fo_; \
    asm volatile(PRE "ldgr %%f0,%[c]\n\tldgr %%f2,%[b]\n\tldgr %%f4,%[a]\n\t" insn " %%f0,%%f4,%%f2" POST \
                 "\n\tlgdr %[r],%%f0" \
                 : [r] "=&d"(r_), [cc] "=&d"(cc_), [fo] "=&d"(fo_) \
                 : [a] "d"(A), [b] "d"(B), [c] "d"(C), [fi] "d"(FPC), [z] "d"(0) : "cc", "f0", "f2", "f4"); \
    p_name(insn, FPC); p_hex(A); p_hex(B); p_hex(C); p_hex(r_); p_endn(fo_); } while (0)

/* f0 = f4 * storage +/- f0 (storage form). */
#define T_FMAX(insn, A, MEM, C, FPC) do { u64 r_; u32 cc_, fo_; \
    asm volatile(PRE "ldgr %%f0,%[c]\n\tldgr %%f4,%[a]\n\t" insn " %%f0,%%f4,4(%[i],%[p])" POST \
                 "\n\tlgdr %[r],%%f0" \
                 : [r] "=&d"(r_), [cc] "=&d"(cc_), [fo] "=&d"(fo_) \
                 : [a] "d"(A), [c] "d"(C), [p] "a"(MBASE(&MEM)), [i] "a"(16UL), [fi] "d"(FPC), [z] "d"(0), \
                   "m"(MEM) : "cc", "f0", "f4"); \
    p_name(insn, FPC); p_hex(A); p_hex((u64)MEM); p_hex(C); p_hex(r_); p_endn(fo_); } while (0)

/* TEST DATA CLASS: CC of f0 against the mask given as the second-operand address. */
#define T_TC(insn, A, MASK, LOADX) do { u32 cc_; \
    asm volatile(LOADX insn " %%f0,0(%[m])\n\tipm %[cc]\n\tsrl %[cc],28" \
                 : [cc] "=&d"(cc_) : [a] "d"(A.hi), [al] "d"(A.lo), [m] "a"(MASK) : "cc", "f0", "f2"); \
    put_str(insn); p_hex(A.hi); p_hex(A.lo); p_hex(MASK); put_str(" cc="); put_char('0' + cc_); \
    put_char('\n'); } while (0)

/* f0:f2 = op(f1) (lengthening to extended). */
#define T_W1(insn, B, FPC) do { x128 r_; u32 cc_, fo_; \
    asm volatile(PRE "lzxr %%f0\n\tldgr %%f1,%[b]\n\t" insn " %%f0,%%f1" POST \
                 "\n\tlgdr %[rh],%%f0\n\tlgdr %[rl],%%f2" \
                 : [rh] "=&d"(r_.hi), [rl] "=&d"(r_.lo), [cc] "=&d"(cc_), [fo] "=&d"(fo_) \
                 : [b] "d"(B), [fi] "d"(FPC), [z] "d"(0) : "cc", "f0", "f1", "f2"); \
    p_name(insn, FPC); p_hex(B); p_x(r_); p_endn(fo_); } while (0)

/* The M3/M4 combinations the rounding-method forms are run with. */
#define M34_COMBOS(X) X(0, 0) X(1, 0) X(3, 0) X(4, 0) X(5, 0) X(6, 0) X(7, 0) X(0, 4) X(1, 4) X(5, 4)
#define N_M34 10
static UNUSED void p_m34(unsigned m3, unsigned m4)
{
    put_str(" m");
    put_char('0' + m3);
    put_char('0' + m4);
}

/* f0 = op(f2) with M3/M4 fields, f0 preloaded with A. */
#define T_MR(insn, M3, M4, A, B, FPC, CC) do { u64 r_; u32 cc_, fo_; \
    asm volatile(PRE "ldgr %%f0,%[a]\n\tldgr %%f2,%[b]\n\t" insn " %%f0," #M3 ",%%f2," #M4 POST \
                 "\n\tlgdr %[r],%%f0" \
                 : [r] "=&d"(r_), [cc] "=&d"(cc_), [fo] "=&d"(fo_) \
                 : [a] "d"(A), [b] "d"(B), [fi] "d"(FPC), [z] "d"(0) : "cc", "f0", "f2"); \
    p_name(insn, FPC); p_m34(M3, M4); p_hex(B); p_hex(r_); P_END(CC, cc_, fo_); } while (0)

/* The same for the three-operand forms (R1,M3,R2: FIEBR, CFDBR, ...). */
#define T_M3R(insn, M3, A, B, FPC, CC) do { u64 r_; u32 cc_, fo_; \
    asm volatile(PRE "ldgr %%f0,%[a]\n\tldgr %%f2,%[b]\n\t" insn " %%f0," #M3 ",%%f2" POST \
                 "\n\tlgdr %[r],%%f0" \
                 : [r] "=&d"(r_), [cc] "=&d"(cc_), [fo] "=&d"(fo_) \
                 : [a] "d"(A), [b] "d"(B), [fi] "d"(FPC), [z] "d"(0) : "cc", "f0", "f2"); \
    p_name(insn, FPC); p_m34(M3, 0); p_hex(B); p_hex(r_); P_END(CC, cc_, fo_); } while (0)

/* f0:f2 = op(f1:f3) with M3/M4 fields (f0:f2 zeroed first). */
#define T_MX(insn, M3, M4, B, FPC, CC) do { x128 r_; u32 cc_, fo_; \
    asm volatile(PRE "lzxr %%f0\n\tldgr %%f1,%[bh]\n\tldgr %%f3,%[bl]\n\t" insn " %%f0," #M3 ",%%f1," #M4 \
                 POST "\n\tlgdr %[rh],%%f0\n\tlgdr %[rl],%%f2" \
                 : [rh] "=&d"(r_.hi), [rl] "=&d"(r_.lo), [cc] "=&d"(cc_), [fo] "=&d"(fo_) \
                 : [bh] "d"(B.hi), [bl] "d"(B.lo), [fi] "d"(FPC), [z] "d"(0) : "cc", "f0", "f1", "f2", "f3"); \
    p_name(insn, FPC); p_m34(M3, M4); p_x(B); p_x(r_); P_END(CC, cc_, fo_); } while (0)

/* GR result from FPR f2 (or the pair f1:f3 with "X" forms), TAIL = ",M4" or "". The GR
 * is preloaded so 32-bit results show the untouched high half. */
#define GR_PRE 0xdeadbeefcafef00dUL
#define T_MG(insn, M3, TAIL, B, FPC) do { u64 r_ = GR_PRE; u32 cc_, fo_; \
    asm volatile(PRE "ldgr %%f2,%[b]\n\t" insn " %[r]," #M3 ",%%f2" TAIL POST \
                 : [r] "+&d"(r_), [cc] "=&d"(cc_), [fo] "=&d"(fo_) \
                 : [b] "d"(B), [fi] "d"(FPC), [z] "d"(0) : "cc", "f2"); \
    p_name(insn, FPC); put_str(" m" #M3 TAIL); p_hex(B); p_hex(r_); p_end(cc_, fo_); } while (0)
#define T_MGX(insn, M3, TAIL, B, FPC) do { u64 r_ = GR_PRE; u32 cc_, fo_; \
    asm volatile(PRE "ldgr %%f1,%[bh]\n\tldgr %%f3,%[bl]\n\t" insn " %[r]," #M3 ",%%f1" TAIL POST \
                 : [r] "+&d"(r_), [cc] "=&d"(cc_), [fo] "=&d"(fo_) \
                 : [bh] "d"(B.hi), [bl] "d"(B.lo), [fi] "d"(FPC), [z] "d"(0) : "cc", "f1", "f3"); \
    p_name(insn, FPC); put_str(" m" #M3 TAIL); p_x(B); p_hex(r_); p_end(cc_, fo_); } while (0)

/* FPR result from GR g: insn " %f0" MID ",g" TAIL (MID ",M3" or "", TAIL ",M4" or ""),
 * f0 preloaded (short results keep its low half); "X" forms give f0:f2. */
#define T_FG(insn, MID, TAIL, G, FPC) do { u64 r_; u32 cc_, fo_; \
    asm volatile(PRE "ldgr %%f0,%[p0]\n\t" insn " %%f0" MID ",%[g]" TAIL POST "\n\tlgdr %[r],%%f0" \
                 : [r] "=&d"(r_), [cc] "=&d"(cc_), [fo] "=&d"(fo_) \
                 : [g] "d"(G), [p0] "d"(0x1111111122222222UL), [fi] "d"(FPC), [z] "d"(0) : "cc", "f0"); \
    p_name(insn, FPC); put_str(" m" MID TAIL); p_hex(G); p_hex(r_); p_endn(fo_); } while (0)
#define T_FGX(insn, MID, TAIL, G, FPC) do { x128 r_; u32 cc_, fo_; \
    asm volatile(PRE "lzxr %%f0\n\t" insn " %%f0" MID ",%[g]" TAIL POST \
                 "\n\tlgdr %[rh],%%f0\n\tlgdr %[rl],%%f2" \
                 : [rh] "=&d"(r_.hi), [rl] "=&d"(r_.lo), [cc] "=&d"(cc_), [fo] "=&d"(fo_) \
                 : [g] "d"(G), [fi] "d"(FPC), [z] "d"(0) : "cc", "f0", "f2"); \
    p_name(insn, FPC); put_str(" m" MID TAIL); p_hex(G); p_x(r_); p_endn(fo_); } while (0)

/* Short operands travel in bits 0-31 of an FPR; the low half carries a marker that a
 * short-format result must leave alone. */
#define SHORT_IN(v) (((u64)(v) << 32) | 0x5a5a1234)

#endif
