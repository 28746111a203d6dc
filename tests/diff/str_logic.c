/* Differential test: NC, OC, XC (CC 0 and 1, XC of an operand with itself, overlaps),
 * CLC (all CCs, unequal byte early, late, at the last byte, across a page boundary),
 * CLI/CLIY over byte edges and CLM/CLMY/CLMH under every mask. */
#include "str_ss.h"

STR_TEST_STORAGE

SS_WRAP(ex_nc, "nc")
SS_WRAP(ex_oc, "oc")
SS_WRAP(ex_xc, "xc")
SS_WRAP(ex_clc, "clc")

/* Results that are zero (CC 0) and nonzero (CC 1) for NC/OC/XC, in place and across pages. */
static void logic_cc(void)
{
    static const u64 ls[] = { 1, 2, 16, 255, 256 };
    for (unsigned k = 0; k < 5; k++) {
        u64 len = ls[k];
        u8 *d = pg + PAGE + 4096 - 7, *s = pg + PAGE + 8192 + 100;
        fill_byte(d, len, 0x0f);
        fill_byte(s, len, 0xf0);
        u32 c1 = ex_nc(d, s, len);              /* all zero: CC 0 */
        u32 c2 = ex_oc(d, s, len);              /* all ones: CC 1 */
        u32 c3 = ex_xc(d, s, len);              /* 0x0f again */
        u32 c4 = ex_xc(d, d, len);              /* clears: CC 0 */
        u32 c5 = ex_oc(d, d, len);              /* zero | zero: CC 0 */
        d[len - 1] = 1;
        u32 c6 = ex_oc(d, d, len);              /* one nonzero byte at the end: CC 1 */
        head("logic-cc", len, 0);
        put_cc(c1); put_cc(c2); put_cc(c3); put_cc(c4); put_cc(c5); put_cc(c6);
        put_bytes(d - 2, len + 4);
        put_char('\n');
    }
    u8 *b = pg + PAGE + 200;
    fill(b, 300, 5);
    asm volatile("xc 0(256,%0),0(%0)\n\tnc 256(1,%0),257(%0)\n\toc 260(1,%0),0(%0)" : : "a"(b) : "memory");
    head("xc-direct", 256, 1);
    put_bytes(b, 300);
    put_char('\n');
}

/* CLC: equal operands, then one differing byte (lower and higher) at several positions. */
static void clc_cases(void)
{
    static const u64 ls[] = { 1, 2, 8, 100, 255, 256 };
    for (unsigned p = 0; p < 5; p++) {
        for (unsigned k = 0; k < 6; k++) {
            u64 len = ls[k];
            u8 *a = pg + PAGE + places[p].d, *b = pg + PAGE + places[p].s;
            fill(a, len, k + 10 * p);
            rt_memcpy(b, a, len);
            head("clc", p, len);
            put_cc(ex_clc(a, b, len));
            u64 pos[] = { 0, len / 2, len - 1 };
            for (unsigned i = 0; i < 3; i++) {
                u8 keep = b[pos[i]];
                b[pos[i]] = a[pos[i]] + 1;
                put_cc(ex_clc(a, b, len));
                b[pos[i]] = a[pos[i]] - 1;
                put_cc(ex_clc(a, b, len));
                b[pos[i]] = (u8)(a[pos[i]] ^ 0x80);
                put_cc(ex_clc(a, b, len));
                b[pos[i]] = keep;
            }
            put_cc(ex_clc(a, a, len));
            put_char('\n');
        }
    }
    u32 cc;
    u8 *b = pg + PAGE;
    fill_byte(b, 600, 0x33);
    b[511] = 0x34;
    asm volatile("clc 0(256,%[p]),256(%[p])\n\t" GET_CC : [cc] "=d"(cc) : [p] "a"(b) : "cc");
    head("clc-direct", 256, 0);
    put_cc(cc);
    asm volatile("clc 0(1,%[p]),511(%[p])\n\t" GET_CC : [cc] "=d"(cc) : [p] "a"(b) : "cc");
    put_cc(cc);
    put_char('\n');
}

static const u8 byte_edges[] = { 0x00, 0x01, 0x7f, 0x80, 0x81, 0xfe, 0xff, 0x5a };

static void cli_cases(void)
{
    u8 *b = pg + PAGE + 4095;
    for (unsigned i = 0; i < sizeof(byte_edges); i++) {
        u32 c0, c1, c2, c3, c4;
        *b = byte_edges[i];
        asm volatile("cli 0(%[p]),0x00\n\t" GET_CC : [cc] "=d"(c0) : [p] "a"(b) : "cc");
        asm volatile("cli 0(%[p]),0x80\n\t" GET_CC : [cc] "=d"(c1) : [p] "a"(b) : "cc");
        asm volatile("cli 0(%[p]),0xff\n\t" GET_CC : [cc] "=d"(c2) : [p] "a"(b) : "cc");
        asm volatile("cliy -1(%[p]),0x7f\n\t" GET_CC : [cc] "=d"(c3) : [p] "a"(b + 1) : "cc");
        asm volatile("cliy 300000(%[p]),0x5a\n\t" GET_CC : [cc] "=d"(c4) : [p] "a"(b - 300000) : "cc");
        line2("cli", byte_edges[i], 0, c0 | c1 << 2 | c2 << 4 | c3 << 6 | c4 << 8);
    }
}

/* CLM family under all 16 masks: equal, first selected byte lower/higher, later byte. */
#define CLM_ONE(mn, M, regv, mem) ({ u32 cc_; \
    asm volatile(mn " %[r]," #M ",0(%[m])\n\t" GET_CC : [cc] "=d"(cc_) : [r] "d"(regv), [m] "a"(mem) : "cc"); cc_; })
#define CLM_MASK(M) do { \
    u8 *m_ = pg + PAGE + 4096 - 2; \
    for (unsigned v = 0; v < 6; v++) { \
        u64 r_ = vals[v]; u32 sel = 0; unsigned n_ = 0; \
        for (unsigned k_ = 0; k_ < 4; k_++) if ((M) & (8 >> k_)) m_[n_++] = (u8)(r_ >> (24 - 8 * k_)); \
        if (v >= 2 && n_) m_[(v - 2) % n_] += (v & 1) ? 1 : -1; \
        (void)sel; \
        u32 a_ = CLM_ONE("clm", M, r_, m_); \
        u32 b_ = CLM_ONE("clmy", M, r_, m_); \
        u32 c_ = CLM_ONE("clmh", M, (r_ << 32) | 0x12345678, m_); \
        line2("clm " #M, r_, n_, a_ | b_ << 2 | c_ << 4); } } while (0)

static u64 vals[6];

static void clm_cases(void)
{
    vals[0] = 0x0123456789abcdefUL;
    vals[1] = 0xffffffff00000080UL;
    vals[2] = 0x80ff7f01UL;
    vals[3] = 0x00000000fefefefeUL;
    vals[4] = 0x5a5a5a5aUL;
    vals[5] = 0xdeadbeefUL;
    CLM_MASK(0); CLM_MASK(1); CLM_MASK(2); CLM_MASK(3); CLM_MASK(4); CLM_MASK(5);
    CLM_MASK(6); CLM_MASK(7); CLM_MASK(8); CLM_MASK(9); CLM_MASK(10); CLM_MASK(11);
    CLM_MASK(12); CLM_MASK(13); CLM_MASK(14); CLM_MASK(15);
}

int main(void)
{
    ss_sweep("nc", ex_nc, 1);
    ss_sweep("oc", ex_oc, 1);
    ss_sweep("xc", ex_xc, 1);
    logic_cc();
    clc_cases();
    cli_cases();
    clm_cases();
    rt_exit(0);
}
