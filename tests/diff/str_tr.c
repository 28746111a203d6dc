/* Differential test: TR and TRT. TR at every length over page-crossing and overlapping
 * argument/table placements (an argument changed by an earlier store is looked up with
 * its new value); TRT with the nonzero function byte first, in the middle, last (CC 2)
 * or absent (CC 0), junk in GR1/GR2 bits it keeps. (TRTR: str_trtr.c.) */
#ifndef TRT_REVERSE
#define TRT_REVERSE 0
#endif
#include "str_ss.h"

STR_TEST_STORAGE

SS_WRAP(ex_tr, "tr")

static u32 trt_run(int rev, u8 *a, u64 len, u8 *tbl, u64 *g1, u64 *g2)
{
    u32 cc;
    register u64 r1 asm("r1") = *g1;
    register u64 r2 asm("r2") = *g2;
    if (rev)
        asm volatile("exrl %[l],1f\n\t" GET_CC
                     ".pushsection .text.exrl,\"ax\"\n1:\ttrtr 0(1,%[a]),0(%[t])\n\t.popsection"
                     : "+d"(r1), "+d"(r2), [cc] "=d"(cc) : [l] "a"(len - 1), [a] "a"(a + len - 1), [t] "a"(tbl)
                     : "cc", "memory");
    else
        asm volatile("exrl %[l],1f\n\t" GET_CC
                     ".pushsection .text.exrl,\"ax\"\n1:\ttrt 0(1,%[a]),0(%[t])\n\t.popsection"
                     : "+d"(r1), "+d"(r2), [cc] "=d"(cc) : [l] "a"(len - 1), [a] "a"(a), [t] "a"(tbl)
                     : "cc", "memory");
    *g1 = r1;
    *g2 = r2;
    return cc;
}

static void trt_cases(int rev)
{
    static const u64 ls[] = { 1, 2, 3, 17, 100, 255, 256 };
    u8 *tbl = pg + 2 * PAGE - 128;                  /* crosses a page boundary */
    for (unsigned k = 0; k < 7; k++) {
        for (unsigned v = 0; v < 5; v++) {
            u64 len = ls[k];
            u8 *a = pg + 3 * PAGE - 10 - v;
            fill_byte(tbl, 256, 0);
            for (unsigned i = 0; i < 256; i += 3)
                tbl[i] = (u8)(i | 1);
            fill(a, len, k * 5 + v);
            for (u64 i = 0; i < len; i++)          /* arguments with zero function bytes */
                a[i] = (u8)(a[i] / 3 * 3 + 1);
            u64 pos = v == 1 ? 0 : v == 2 ? len / 2 : len - 1;
            if (v >= 1 && v <= 3)
                a[rev ? len - 1 - pos : pos] = (u8)(3 * (a[0] % 80));
            if (v == 4)
                a[0] = 0xfe;                          /* argument 0xfe: last table page */
            u64 g1 = 0xaaaaaaaaaaaaaaaaUL, g2 = 0x5555555555555555UL;
            u32 cc = trt_run(rev, a, len, tbl, &g1, &g2);
            head(rev ? "trtr" : "trt", len, v);
            put_cc(cc);
            put_u("gr1", g1 == 0xaaaaaaaaaaaaaaaaUL ? g1 : g1 - (u64)pg);
            put_u("gr2", g2);
            put_char('\n');
        }
    }
    u64 g1 = 1, g2 = 2;
    u8 *a = pg + 5000;
    fill_byte(a, 300, 1);
    fill_byte(tbl, 256, 0);
    tbl[1] = 0;
    u32 cc = trt_run(rev, a, 256, tbl, &g1, &g2);   /* nothing found: CC 0, registers kept */
    head(rev ? "trtr-none" : "trt-none", 256, 0);
    put_cc(cc);
    put_u("gr1", g1);
    put_u("gr2", g2);
    put_char('\n');
}

static void tr_direct(void)
{
    u8 *b = pg + PAGE + 4000;
    fill(b, 700, 9);
    asm volatile("tr 0(256,%0),300(%0)\n\ttr 260(1,%0),0(%0)" : : "a"(b) : "memory");
    head("tr-direct", 256, 1);
    put_bytes(b - 8, 600);
    put_char('\n');
}

int main(void)
{
    if (TRT_REVERSE) {
        trt_cases(1);
    } else {
        ss_sweep("tr", ex_tr, 0);
        tr_direct();
        trt_cases(0);
    }
    rt_exit(0);
}
