/* Differential test (model-checked, see dec_model.h): CVB, CVBY, CVBG, CVDG. In-range
 * values up to the 32/64-bit limits (both signs, minus zero, every sign code), junk in
 * the register bits CVB keeps; CVDG over the 64-bit edges and random values.
 * Out-of-range values print "skip" (dec_pgm_cvb* check the interruption). */
#include "dec_model.h"

STR_TEST_STORAGE

static const char *const cvb_text[] = {
    "2147483647", "2147483648", "0", "1", "999999999", "1000000000", "4294967295",
    "9223372036854775807", "9223372036854775808", "18446744073709551615",
    "999999999999999", "123456789012345678", "9999999999999999999999999999999",
};

/* Packed field of len bytes from decimal text and a sign code. */
static void packed_from(u8 *p, u64 len, const char *t, u8 sign)
{
    u64 n = 0;
    while (t[n])
        n++;
    fill_byte(p, len, 0);
    for (u64 k = 0; k < n && k < 2 * len - 1; k++) {   /* digit k from the right */
        u8 d = (u8)(t[n - 1 - k] - '0');
        u64 pos = 2 * len - 2 - k;                      /* nibble index */
        p[pos / 2] |= (u8)(pos & 1 ? d : d << 4);
    }
    p[len - 1] |= sign;
}

static void cvb_one(int g, u8 *p, u64 tag)
{
    u64 m = 0xfedcba9876543210UL, r = m;
    u64 len = g ? 16 : 8;
    struct dm_res res = dm_cvb(p, len, &m);
    head(g ? "cvbg" : "cvb", tag, 0);
    put_bytes(p, len);
    if (res.pgm) {
        put_str(" skip\n");
        return;
    }
    if (have_dec) {
        u64 r2 = r;
        if (g)
            asm volatile("cvbg %[r],0(%[p])" : [r] "+d"(r) : [p] "a"(p) : "memory");
        else
            asm volatile("cvb %[r],0(%[p])\n\tcvby %[s],-5(%[q])" : [r] "+d"(r), [s] "+d"(r2)
                         : [p] "a"(p), [q] "a"(p + 5) : "memory");
        if (!g && r2 != r)
            put_str(" cvby-differs");
    } else {
        r = m;
    }
    put_u("r", r);
    put_char('\n');
}

static void cvb_cases(void)
{
    static const u8 signs[] = { 0xc, 0xd, 0xa, 0xb, 0xe, 0xf };
    u8 *p = pg + 2 * PAGE - 5;                       /* crosses a page */
    for (unsigned t = 0; t < sizeof(cvb_text) / sizeof(cvb_text[0]); t++)
        for (unsigned s = 0; s < 6; s++)
            for (int g = 0; g < 2; g++) {
                packed_from(p, g ? 16 : 8, cvb_text[t], signs[s]);
                cvb_one(g, p, t * 10 + s);
            }
    for (unsigned i = 0; i < 200; i++) {
        int g = i & 1;
        make_packed(p, g ? 16 : 8, i + 1000);
        if (g && i % 4 == 1)
            fill_byte(p, 6, 0);                       /* at most 20 digits */
        cvb_one(g, p, 1000 + i);
    }
}

static void cvdg_one(u64 v)
{
    u8 *p = pg + 3 * PAGE - 9;
    fill(p - 4, 24, v);
    if (have_dec)
        asm volatile("cvdg %[r],0(%[p])" : : [r] "d"(v), [p] "a"(p) : "memory");
    else
        dm_cvdg(v, p);
    head("cvdg", 0, 0);
    put_u("v", v);
    put_bytes(p - 4, 24);
    put_char('\n');
}

int main(void)
{
    dec_probe();
    cvb_cases();
    for (unsigned i = 0; i < n_edges64; i++)
        cvdg_one(edges64[i]);
    for (unsigned i = 0; i < 100; i++)
        cvdg_one(rnd64() >> (i % 64));
    rt_exit(0);
}
