/* Differential test: PACK, UNPK, MVO at every length pair 1..16 x 1..16 (disjoint,
 * page-crossing, in place and shifted overlaps), PKA/PKU/UNPKA/UNPKU at every valid
 * length (UNPKA/UNPKU CC from valid and invalid signs), TP over valid and damaged
 * fields, CVD/CVDY over 32-bit edges and random values.
 * qemu 7.2 ignores the leftmost source byte of UNPK and the leftmost character of
 * PKA/PKU (below the 32-byte/64-byte maximum, where the PoP drops it too): those bytes
 * get zero digits here, and UNPK skips the placement whose stores reach them first. */
#include "dec_test.h"

STR_TEST_STORAGE

SSB_WRAP(ex_pack, "pack")
SSB_WRAP(ex_unpk, "unpk")
SSB_WRAP(ex_mvo, "mvo")

typedef u32 (*ssb_fn)(u8 *d, u64 l1, u8 *s, u64 l2);

/* Destination/source placements relative to pg + PAGE (the boundary is at +4096). */
static const s64 pl[][2] = { { 100, 600 }, { 4096 - 3, 8192 - 7 }, { 300, 300 }, { 300, 302 },
                             { 302, 300 }, { 4096 - 5, 4096 - 9 } };

static void ssb_sweep(const char *name, ssb_fn fn, int unpk)
{
    for (unsigned p = 0; p < sizeof(pl) / sizeof(pl[0]); p++) {
        if (unpk && pl[p][0] < pl[p][1] && pl[p][0] + 16 > pl[p][1])
            continue;
        for (u64 l1 = 1; l1 <= 16; l1++) {
            for (u64 l2 = 1; l2 <= 16; l2++) {
                u8 *d = pg + PAGE + pl[p][0], *s = pg + PAGE + pl[p][1];
                fill(s - 4, 24, p * 300 + l1 * 17 + l2);
                fill(d - 4, 24, p * 300 + l1 * 17 + l2 + 5000);
                if (unpk && l2 > 1)
                    s[0] = 0;
                fn(d, l1, s, l2);
                head(name, p, l1 * 100 + l2);
                put_bytes(d - 4, 24);
                put_bytes(s - 4, 24);
                put_char('\n');
            }
        }
    }
}

static void pka_cases(void)
{
    for (u64 l2 = 1; l2 <= 64; l2++) {
        u8 *d = pg + 2 * PAGE - 9, *s = pg + 3 * PAGE - 30;
        fill(d - 4, 24, l2);
        fill(s, l2, l2 + 100);
        if (l2 < 32)
            s[0] &= 0xf0;                             /* see the note at the top */
        if (l2 < 64 && l2 > 1)
            s[1] &= 0xf0;
        if (l2 <= 32) {
            asm volatile("exrl %[l],1f\n\t.pushsection .text.exrl,\"ax\"\n1:\tpka 0(%[dd]),0(1,%[ss])\n\t.popsection"
                         : : [l] "a"(l2 - 1), [dd] "a"(d), [ss] "a"(s) : "memory");
            head("pka", l2, 0);
            put_bytes(d - 4, 24);
            put_char('\n');
        }
        if (!(l2 & 1)) {
            fill(d - 4, 24, l2 + 7);
            asm volatile("exrl %[l],1f\n\t.pushsection .text.exrl,\"ax\"\n1:\tpku 0(%[dd]),0(1,%[ss])\n\t.popsection"
                         : : [l] "a"(l2 - 1), [dd] "a"(d), [ss] "a"(s) : "memory");
            head("pku", l2, 0);
            put_bytes(d - 4, 24);
            put_char('\n');
        }
    }
}

static void unpka_cases(void)
{
    for (u64 l1 = 1; l1 <= 64; l1++) {
        for (unsigned sg = 0; sg < 16; sg += 3) {
            u8 *d = pg + 2 * PAGE - 20, *s = pg + 3 * PAGE - 7;
            u32 cc;
            fill(d - 4, 72, l1 * 16 + sg);
            fill(s, 16, l1 + sg);
            s[15] = (u8)((s[15] & 0xf0) | sg);
            if (l1 <= 32) {
                asm volatile("exrl %[l],1f\n\t" GET_CC
                             ".pushsection .text.exrl,\"ax\"\n1:\tunpka 0(1,%[dd]),0(%[ss])\n\t.popsection"
                             : [cc] "=d"(cc) : [l] "a"(l1 - 1), [dd] "a"(d), [ss] "a"(s) : "cc", "memory");
                head("unpka", l1, sg);
                put_cc(cc);
                put_bytes(d - 4, 72);
                put_char('\n');
            }
            if (!(l1 & 1)) {
                fill(d - 4, 72, l1 * 16 + sg + 5);
                asm volatile("exrl %[l],1f\n\t" GET_CC
                             ".pushsection .text.exrl,\"ax\"\n1:\tunpku 0(1,%[dd]),0(%[ss])\n\t.popsection"
                             : [cc] "=d"(cc) : [l] "a"(l1 - 1), [dd] "a"(d), [ss] "a"(s) : "cc", "memory");
                head("unpku", l1, sg);
                put_cc(cc);
                put_bytes(d - 4, 72);
                put_char('\n');
            }
        }
    }
}

static void tp_cases(void)
{
    for (u64 len = 1; len <= 16; len++) {
        for (unsigned v = 0; v < 8; v++) {
            u8 *p = pg + 2 * PAGE - 8;
            u32 cc;
            make_packed(p, len, len * 8 + v);
            if (v == 1) p[len - 1] = (u8)(p[len - 1] & 0xf0) | 9;             /* bad sign */
            if (v == 2) p[0] |= 0xa0;                                          /* bad digit */
            if (v == 3) { p[0] |= 0xf0; p[len - 1] &= 0xf0; }                  /* both */
            if (v == 4 && len > 1) p[len - 2] |= 0x0b;                         /* low digit */
            if (v == 5) p[len - 1] = 0xfc;                                     /* bad last digit */
            if (v == 6) fill(p, len, v + len);
            asm volatile("exrl %[l],1f\n\t" GET_CC
                         ".pushsection .text.exrl,\"ax\"\n1:\ttp 0(1,%[p])\n\t.popsection"
                         : [cc] "=d"(cc) : [l] "a"((len - 1) << 4), [p] "a"(p) : "cc", "memory");
            head("tp", len, v);
            put_cc(cc);
            put_bytes(p, len);
            put_char('\n');
        }
    }
    u32 cc;
    u8 *p = pg + 100;
    make_packed(p, 16, 3);
    asm volatile("tp 0(16,%[p])\n\t" GET_CC : [cc] "=d"(cc) : [p] "a"(p) : "cc", "memory");
    head("tp-direct", 16, 0);
    put_cc(cc);
    put_char('\n');
}

static void cvd_one(u64 v)
{
    u8 *p = pg + 2 * PAGE - 3;
    fill(p - 8, 40, v);
    asm volatile("cvd %[r],0(%[p])\n\tcvdy %[r],-8(%[q])" : : [r] "d"(v), [p] "a"(p), [q] "a"(p + 24) : "memory");
    head("cvd", 0, 0);
    put_u("v", v);
    put_bytes(p - 8, 40);
    put_char('\n');
}

int main(void)
{
    ssb_sweep("pack", ex_pack, 0);
    ssb_sweep("unpk", ex_unpk, 1);
    ssb_sweep("mvo", ex_mvo, 0);
    pka_cases();
    unpka_cases();
    tp_cases();
    for (unsigned i = 0; i < n_edges64; i++)
        cvd_one(edges64[i]);
    for (unsigned i = 0; i < n_edges32; i++)
        cvd_one(0xabcdef0000000000UL | edges32[i]);
    for (unsigned i = 0; i < 100; i++)
        cvd_one(rnd64() >> (i % 40));
    rt_exit(0);
}
