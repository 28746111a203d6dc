/* Differential test (model-checked, see dec_model.h): ED and EDMK. The PoP's edit
 * example (plus and minus), then random patterns of digit selectors, significance
 * starters, field separators and message bytes (also as the fill byte) over sources
 * whose right nibbles are digits or any sign code, at lengths 1..256, across pages.
 * EDMK prints GR1 (set only when a nonzero digit starts significance). */
#include "dec_model.h"

STR_TEST_STORAGE

static u32 edit_run(int mark, u8 *pat, u64 len, u8 *src, u64 *gr1)
{
    u8 copy[256];
    int m;
    rt_memcpy(copy, pat, len);
    struct dm_res r = dm_edit(copy, len, src, &m);
    if (r.pgm)
        return 9;
    if (!have_dec) {
        rt_memcpy(pat, copy, len);
        if (mark && m >= 0)
            *gr1 = (u64)(pat + m);
        return r.cc;
    }
    u32 cc;
    register u64 r1 asm("r1") = *gr1;
    if (mark)
        asm volatile("exrl %[l],1f\n\t" GET_CC
                     ".pushsection .text.exrl,\"ax\"\n1:\tedmk 0(1,%[p]),0(%[s])\n\t.popsection"
                     : "+d"(r1), [cc] "=d"(cc) : [l] "a"(len - 1), [p] "a"(pat), [s] "a"(src) : "cc", "memory");
    else
        asm volatile("exrl %[l],1f\n\t" GET_CC
                     ".pushsection .text.exrl,\"ax\"\n1:\ted 0(1,%[p]),0(%[s])\n\t.popsection"
                     : "+d"(r1), [cc] "=d"(cc) : [l] "a"(len - 1), [p] "a"(pat), [s] "a"(src) : "cc", "memory");
    *gr1 = r1;
    return cc;
}

static void example(void)
{
    static const u8 pattern[13] = { 0x40, 0x20, 0x20, 0x6b, 0x20, 0x20, 0x21, 0x4b, 0x20, 0x20, 0x40, 0xc3, 0xd9 };
    static const u8 plus[13] = { 0x40, 0x40, 0xf2, 0x6b, 0xf5, 0xf7, 0xf4, 0x4b, 0xf2, 0xf6, 0x40, 0x40, 0x40 };
    static const u8 minus[13] = { 0x40, 0x40, 0xf2, 0x6b, 0xf5, 0xf7, 0xf4, 0x4b, 0xf2, 0xf6, 0x40, 0xc3, 0xd9 };
    for (unsigned neg = 0; neg < 2; neg++) {
        u8 *p = pg + 100, *s = pg + 200;
        u64 gr1 = 7;
        rt_memcpy(p, pattern, 13);
        s[0] = 0x02; s[1] = 0x57; s[2] = 0x42; s[3] = neg ? 0x6d : 0x6c;
        u32 cc = edit_run(1, p, 13, s, &gr1);
        const u8 *want = neg ? minus : plus;
        int ok = cc == (neg ? 1u : 2u) && gr1 == (u64)(p + 2);
        for (unsigned i = 0; i < 13; i++)
            ok &= p[i] == want[i];
        head("edmk-example", neg, 0);
        put_bytes(p, 13);
        put_cc(cc);
        put_str(ok ? " ok\n" : " WRONG\n");
    }
}

static void random_edits(void)
{
    static const u64 lens[] = { 1, 2, 3, 5, 8, 13, 21, 40, 100, 255, 256 };
    for (unsigned k = 0; k < 11; k++) {
        for (unsigned v = 0; v < 12; v++) {
            u64 len = lens[k];
            u8 *p = pg + 2 * PAGE - (v & 1 ? 7 : 300), *s = pg + 4 * PAGE - (v & 2 ? 5 : 400);
            u8 r[256];
            fill(r, 256, k * 12 + v);
            for (u64 i = 0; i < len; i++) {         /* mostly selectors, some others */
                unsigned x = r[i] % 16;
                p[i] = x < 7 ? 0x20 : x < 9 ? 0x21 : x < 10 ? 0x22 : (u8)(0x40 + r[i] / 16);
            }
            if (v >= 8)
                p[0] = (u8)(0x20 + v - 8);         /* fill byte 20, 21, 22 or 23 */
            fill(s, 260, k + v * 31);
            for (u64 i = 0; i < 260; i++) {
                u8 hi = (u8)((s[i] >> 4) % 10), lo = s[i] & 15;
                if (v % 3 == 0 && lo > 9)           /* fewer signs in some sources */
                    lo -= 6;
                if (v % 4 == 1 && i % 5)
                    hi = 0;                         /* long runs of zeros */
                s[i] = (u8)(hi << 4 | lo);
            }
            for (int mark = 0; mark < 2; mark++) {
                u8 save[256];
                rt_memcpy(save, p, len);
                u64 gr1 = 0x1111111111111111UL;
                u32 cc = edit_run(mark, p, len, s, &gr1);
                head(mark ? "edmk" : "ed", len, v);
                put_bytes(p, len);
                put_cc(cc);
                put_u("gr1", gr1 == 0x1111111111111111UL ? gr1 : gr1 - (u64)pg);
                put_char('\n');
                rt_memcpy(p, save, len);
            }
        }
    }
}

int main(void)
{
    dec_probe();
    example();
    random_edits();
    rt_exit(0);
}
