/* Differential test: COMPARE AND SWAP (CS, CSY, CSG), COMPARE DOUBLE AND SWAP (CDS,
 * CDSY, CDSG), LOAD PAIR FROM / STORE PAIR TO QUADWORD (LPQ, STPQ) and LOAD AND ADD
 * (LOGICAL) (LAA, LAAG, LAAL, LAALG) over edge and random values: the equal (CC 0,
 * stored) and unequal (CC 1, R1 loaded) paths, at every aligned offset in a line. */
#include "rt.h"

static u8 area[64] __attribute__((aligned(16)));

static u64 be_at(unsigned off, unsigned n)
{
    u64 v = 0;
    for (unsigned i = 0; i < n; i++)
        v = v << 8 | area[off + i];
    return v;
}

static void put_be(unsigned off, unsigned n, u64 v)
{
    for (unsigned i = 0; i < n; i++)
        area[off + i] = (u8)(v >> (8 * (n - 1 - i)));
}

static void mark(void)
{
    for (unsigned i = 0; i < sizeof(area); i++)
        area[i] = (u8)(0x30 + i);
}

/* R1 = 'cmp', storage = 'mem', R3 = 'swap'; prints R1 after, storage after, CC. */
#define CS(mn, n, off, disp, MEM_, CMP_, SWAP_) do { \
    u64 r_ = (CMP_); u32 cc_; \
    mark(); put_be(off, n, (MEM_)); \
    asm volatile(#mn " %[r],%[s]," #disp "(%[p])\n\t" GET_CC : [r] "+d"(r_), [cc] "=d"(cc_) \
                 : [s] "d"((u64)(SWAP_)), [p] "a"((u64)area + (off) - (disp)) : "cc", "memory"); \
    put_str(#mn " " #disp " "); put_hex(MEM_); put_char(' '); put_hex(CMP_); put_char(' '); \
    line3("", (SWAP_), r_, be_at(off, n), cc_); } while (0)

static void cs_all(u64 mem, u64 cmp, u64 swap, unsigned k)
{
    CS(cs, 4, 4 * (k % 16), 0, mem, cmp, swap);
    CS(cs, 4, 4 * ((k + 5) % 16), 4095, mem, cmp, swap);
    CS(csy, 4, 4 * ((k + 3) % 16), -524288, mem, cmp, swap);
    CS(csy, 4, 4 * ((k + 7) % 16), 524287, mem, cmp, swap);
    CS(csg, 8, 8 * (k % 8), 0, mem, cmp, swap);
    CS(csg, 8, 8 * ((k + 3) % 8), -8, mem, cmp, swap);
}

/* Even/odd pairs: R1 = (c0, c1), R3 = (s0, s1). Register variables are only
 * guaranteed at the asm itself, so no call comes between their setting and use. */
#define CDS(mn, n, off, disp, M0_, M1_, C0_, C1_, S0_, S1_) do { \
    u64 r0_, r1_; u32 cc_; \
    mark(); put_be(off, n, (M0_)); put_be((off) + (n), n, (M1_)); \
    { \
        register u64 e1_ asm("2") = (C0_); register u64 o1_ asm("3") = (C1_); \
        register u64 e3_ asm("4") = (S0_); register u64 o3_ asm("5") = (S1_); \
        asm volatile(#mn " %[e1],%[e3]," #disp "(%[p])\n\t" GET_CC \
                     : [e1] "+d"(e1_), "+d"(o1_), [cc] "=d"(cc_) \
                     : [e3] "d"(e3_), "d"(o3_), [p] "a"((u64)area + (off) - (disp)) : "cc", "memory"); \
        r0_ = e1_; r1_ = o1_; \
    } \
    put_str(#mn " " #disp " "); put_hex(M0_); put_char(' '); put_hex(M1_); put_char(' '); \
    put_hex(C0_); put_char(' '); put_hex(C1_); \
    line3("", r0_, r1_, 0, cc_); \
    line3(" mem", be_at(off, n), be_at((off) + (n), n), 0, 0); } while (0)

static void cds_all(u64 m0, u64 m1, u64 c0, u64 c1, u64 s0, u64 s1, unsigned k)
{
    CDS(cds, 4, 8 * (k % 8), 0, m0, m1, c0, c1, s0, s1);
    CDS(cds, 4, 8 * ((k + 3) % 8), 4095, m0, m1, c0, c1, s0, s1);
    CDS(cdsy, 4, 8 * ((k + 5) % 8), -524288, m0, m1, c0, c1, s0, s1);
    CDS(cdsg, 8, 16 * (k % 4), 0, m0, m1, c0, c1, s0, s1);
    CDS(cdsg, 8, 16 * ((k + 1) % 4), 524287, m0, m1, c0, c1, s0, s1);
}

#define LPQ(off, disp) do { \
    u64 r0_, r1_; \
    { \
        register u64 e_ asm("6") = 1; register u64 o_ asm("7") = 2; \
        asm volatile("lpq %[e]," #disp "(%[p])" : [e] "+d"(e_), "+d"(o_) \
                     : [p] "a"((u64)area + (off) - (disp)) : "memory"); \
        r0_ = e_; r1_ = o_; \
    } \
    line3("lpq " #disp, be_at(off, 8), be_at((off) + 8, 8), 0, 0); \
    line3(" regs", r0_, r1_, 0, 0); } while (0)

#define STPQ(off, disp, A_, B_) do { \
    mark(); \
    { \
        register u64 e_ asm("8") = (A_); register u64 o_ asm("9") = (B_); \
        asm volatile("stpq %[e]," #disp "(%[p])" : : [e] "d"(e_), "d"(o_), \
                     [p] "a"((u64)area + (off) - (disp)) : "memory"); \
    } \
    line3("stpq " #disp, (A_), (B_), be_at(off, 8), 0); \
    line3(" mem", be_at((off) - 8, 8), be_at((off) + 8, 8), be_at((off) + 16, 8), 0); } while (0)

static void quad_all(u64 a, u64 b, unsigned k)
{
    unsigned off = 16 + 16 * (k % 2);
    put_be(off, 8, a);
    put_be(off + 8, 8, b);
    LPQ(off, 0);
    LPQ(off, -524288);
    STPQ(off, 0, a, b);
    STPQ(off, 524287, b, a);
}

/* LOAD AND ADD: R1 gets the old operand, storage the sum, CC from the sum. */
#define LAA(mn, n, off, disp, A_, MEM_) do { \
    u64 r_ = 0x5a5a5a5a5a5a5a5aUL; u32 cc_; \
    mark(); put_be(off, n, (MEM_)); \
    asm volatile(#mn " %[r],%[s]," #disp "(%[p])\n\t" GET_CC : [r] "+d"(r_), [cc] "=d"(cc_) \
                 : [s] "d"((u64)(A_)), [p] "a"((u64)area + (off) - (disp)) : "cc", "memory"); \
    put_str(#mn " " #disp " "); put_hex(MEM_); \
    line3("", (A_), r_, be_at(off, n), cc_); } while (0)

/* The same with R1 = R3: the addend is R3 before R1 is loaded. */
#define LAA_SAME(mn, n, off, A_, MEM_) do { \
    u64 r_ = (A_); u32 cc_; \
    mark(); put_be(off, n, (MEM_)); \
    asm volatile(#mn " %[r],%[r],0(%[p])\n\t" GET_CC : [r] "+d"(r_), [cc] "=d"(cc_) \
                 : [p] "a"((u64)area + (off)) : "cc", "memory"); \
    put_str(#mn " same "); put_hex(MEM_); \
    line3("", (A_), r_, be_at(off, n), cc_); } while (0)

static void laa_all(u64 a, u64 m, unsigned k)
{
    LAA(laa, 4, 4 * (k % 16), 0, a, m);
    LAA(laa, 4, 4 * ((k + 1) % 16), -524288, a, m);
    LAA(laag, 8, 8 * (k % 8), 524287, a, m);
    LAA(laal, 4, 4 * ((k + 2) % 16), 8, a, m);
    LAA(laalg, 8, 8 * ((k + 1) % 8), -8, a, m);
    LAA_SAME(laa, 4, 12, a, m);
    LAA_SAME(laalg, 8, 24, a, m);
}

int main(void)
{
    unsigned k = 0;
    for (unsigned i = 0; i < n_edges64; i++)
        for (unsigned j = 0; j < n_edges64; j += 3, k++) {
            u64 a = edges64[i], b = edges64[j], c = edges64[(i + j) % n_edges64];
            cs_all(a, a, b, k);                /* equal */
            cs_all(a, b, c, k + 1);            /* unequal unless a == b */
            cs_all(a, a ^ 0xffffffff00000000UL, c, k + 2);   /* equal in the low word */
            laa_all(a, b, k);
        }
    for (unsigned i = 0; i < 60; i++, k++) {
        u64 a = rnd64(), b = rnd64(), c = rnd64(), d = rnd64();
        cs_all(a, i & 1 ? a : b, c, k);
        cds_all(a, b, i & 1 ? a : c, i & 2 ? b : d, c, d, k);
        cds_all(a, b, a, b, d, c, k + 1);
        quad_all(a, b, k);
        laa_all(a, b, k);
    }
    for (unsigned i = 0; i < n_edges64; i++)
        for (unsigned j = 0; j < n_edges64; j += 5, k++) {
            u64 a = edges64[i], b = edges64[j];
            cds_all(a, b, a, b, b, a, k);
            cds_all(a, b, a, ~b, b, a, k);
            cds_all(a, b, ~a, b, b, a, k);
            quad_all(a, b, k);
        }
    rt_exit(0);
}
