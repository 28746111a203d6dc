/* Differential test: CU12, CU14, CU21, CU24, CU41, CU42 with W (M3 bit 3) off and on.
 * Strings of 1-, 2-, 3- and 4-byte UTF-8 characters, surrogate pairs and lone low
 * surrogates; strings longer than one execution's CPU-determined amount (looping on CC 3);
 * operands crossing pages; every first-operand length of a short string (CC 1 with the
 * character that does not fit left in place), every second-operand length (a character
 * cut off by the end: CC 0), and invalid sequences after a valid prefix (CC 2). UTF-8
 * characters U+0800..U+0FFF under W are in xl_cu_arch.c: qemu-s390x 7.2 rejects them. */
#include "xl_test.h"

STR_TEST_STORAGE

typedef u32 (*cu_fn)(u64 *d, u64 *dl, u64 *s, u64 *sl);

#define CU_WRAP(fn, insn) \
    static u32 fn(u64 *d, u64 *dl, u64 *s, u64 *sl) \
    { \
        u32 cc_; \
        register u64 r2 asm("r2") = *d; \
        register u64 r3 asm("r3") = *dl; \
        register u64 r4 asm("r4") = *s; \
        register u64 r5 asm("r5") = *sl; \
        asm volatile("0: " insn "\n\tjo 0b\n\t" GET_CC \
                     : "+d"(r2), "+d"(r3), "+d"(r4), "+d"(r5), [cc] "=d"(cc_) : : "cc", "memory"); \
        *d = r2; \
        *dl = r3; \
        *s = r4; \
        *sl = r5; \
        return cc_; \
    }

CU_WRAP(cu12_0, "cu12 %%r2,%%r4")
CU_WRAP(cu12_1, "cu12 %%r2,%%r4,1")
CU_WRAP(cu14_0, "cu14 %%r2,%%r4")
CU_WRAP(cu14_1, "cu14 %%r2,%%r4,1")
CU_WRAP(cu21_0, "cu21 %%r2,%%r4")
CU_WRAP(cu21_1, "cu21 %%r2,%%r4,1")
CU_WRAP(cu24_0, "cu24 %%r2,%%r4,0")
CU_WRAP(cu24_1, "cu24 %%r2,%%r4,1")
CU_WRAP(cu41_, "cu41 %%r2,%%r4")
CU_WRAP(cu42_, "cu42 %%r2,%%r4")

struct cuop {
    const char *name;
    cu_fn fn[2];                 /* W off, W on (the same for CU41/CU42) */
    unsigned from, to;           /* 8, 16 or 32 */
};

static const struct cuop ops[] = {
    { "cu12", { cu12_0, cu12_1 }, 8, 16 },
    { "cu14", { cu14_0, cu14_1 }, 8, 32 },
    { "cu21", { cu21_0, cu21_1 }, 16, 8 },
    { "cu24", { cu24_0, cu24_1 }, 16, 32 },
    { "cu41", { cu41_, cu41_ }, 32, 8 },
    { "cu42", { cu42_, cu42_ }, 32, 16 },
};
#define N_OPS (sizeof(ops) / sizeof(ops[0]))

/* Encode code point cp in UTF-'kind' at p; returns the bytes. */
static u64 enc(unsigned kind, u32 cp, u8 *p)
{
    if (kind == 32) {
        st32(p, cp);
        return 4;
    }
    if (kind == 16) {
        if (cp < 0x10000) {
            st16(p, cp);
            return 2;
        }
        st16(p, 0xd800 | ((cp - 0x10000) >> 10));
        st16(p + 2, 0xdc00 | (cp & 0x3ff));
        return 4;
    }
    if (cp < 0x80) {
        p[0] = (u8)cp;
        return 1;
    }
    u64 n = cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (u64 i = n - 1; i > 0; i--, cp >>= 6)
        p[i] = (u8)(0x80 | (cp & 0x3f));
    p[0] = (u8)((0xff00u >> n) | cp);
    return n;
}

/* Code points that every form and every W setting accepts the same way under the
 * oracle: no surrogates, nothing in U+0800..U+0FFF. */
static const u32 fixed_cps[] = { 0x41, 0, 0x7f, 0x80, 0xe9, 0x7ff, 0x1000, 0x20ac, 0xd7ff,
                                 0xe000, 0xfffd, 0xffff, 0x10000, 0x1f600, 0x10ffff };

static u32 pick_cp(u64 r)
{
    switch (r % 6) {
    case 0: return (u32)(r >> 8) % 0x80;
    case 1: return 0x80 + (u32)(r >> 8) % 0x780;
    case 2: return 0x1000 + (u32)(r >> 8) % 0xc800;          /* to D7FF */
    case 3: return 0xe000 + (u32)(r >> 8) % 0x2000;
    case 4: return 0x10000 + (u32)(r >> 8) % 0x100000;
    default: return fixed_cps[(r >> 8) % (sizeof(fixed_cps) / sizeof(fixed_cps[0]))];
    }
}

/* n characters in UTF-'kind' at p; returns the bytes. */
static u64 make_str(unsigned kind, u8 *p, u64 n, u64 seed)
{
    u64 len = 0, x = seed * 0x9e3779b97f4a7c15UL + 7;
    for (u64 i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        len += enc(kind, pick_cp(x), p + len);
    }
    return len;
}

static void run(const struct cuop *o, unsigned w, const char *tag, u64 id, u8 *d, u64 dlen,
                u8 *s, u64 slen)
{
    u64 rd = (u64)d, rdl = dlen, rs = (u64)s, rsl = slen;
    u32 cc = o->fn[w](&rd, &rdl, &rs, &rsl);
    put_str(o->name);
    put_char(w ? 'w' : ' ');
    xl_head(tag, id, 0, cc);
    put_u("d", rd - (u64)d);
    put_u("dl", rdl);
    put_u("s", rs - (u64)s);
    put_u("sl", rsl);
    put_bytes(d - 4, (rd - (u64)d) + 8);
    put_char('\n');
}

/* Whole strings of many lengths, both operands crossing pages. */
static void mix_cases(const struct cuop *o, unsigned w)
{
    static const u64 counts[] = { 0, 1, 2, 7, 50, 1500, 2500 };
    for (unsigned k = 0; k < 7; k++) {
        u64 n = counts[k];
        u8 *s = n > 100 ? pg + 100 + k : pg + PAGE - 5 - k;
        u8 *d = n > 100 ? pg + 12000 + k : pg + 3 * PAGE - 3 - 2 * k;
        fill(pg, PG_SIZE, k);
        u64 slen = make_str(o->from, s, n, k + 1);
        run(o, w, "mix", k, d, 11000, s, slen);
    }
}

/* A short string of 1- to 4-byte characters cut at every first-/second-operand length. */
static void cut_cases(const struct cuop *o, unsigned w)
{
    static const u32 cps[] = { 0x41, 0xe9, 0x20ac, 0x1f600, 0x7a, 0x10ffff, 0xffff };
    u8 *s = pg + PAGE - 7, *d = pg + 3 * PAGE - 9;
    u64 slen = 0, full = 0;
    u8 tmp[8];
    fill(pg, PG_SIZE, 77);
    for (unsigned i = 0; i < 7; i++) {
        slen += enc(o->from, cps[i], s + slen);
        full += enc(o->to, cps[i], tmp);
    }
    for (u64 dl = 0; dl <= full + 1; dl++)
        run(o, w, "dcut", dl, d, dl, s, slen);
    for (u64 sl = 0; sl <= slen; sl++)
        run(o, w, "scut", sl, d, full, s, sl);
}

/* Invalid (or only W-invalid) sequences after the prefix "A", then "z". */
struct seq {
    u8 n;
    u8 b[7];
};

static const struct seq bad8[] = {
    { 1, { 0x80 } }, { 1, { 0xbf } }, { 2, { 0xc0, 0x80 } }, { 2, { 0xc1, 0xbf } },
    { 2, { 0xc2, 0x41 } }, { 2, { 0xdf, 0xff } }, { 3, { 0xe0, 0x80, 0x80 } },
    { 3, { 0xe0, 0x9f, 0xbf } }, { 3, { 0xed, 0xa0, 0x80 } }, { 3, { 0xed, 0xbf, 0xbf } },
    { 3, { 0xe1, 0x41, 0x41 } }, { 3, { 0xef, 0xbf, 0x3f } }, { 3, { 0xef, 0xbf, 0xbf } },
    { 4, { 0xf0, 0x80, 0x80, 0x80 } }, { 4, { 0xf0, 0x8f, 0xbf, 0xbf } },
    { 4, { 0xf0, 0x90, 0x80, 0x80 } }, { 4, { 0xf4, 0x8f, 0xbf, 0xbf } },
    { 4, { 0xf4, 0x90, 0x80, 0x80 } }, { 4, { 0xf5, 0x80, 0x80, 0x80 } },
    { 4, { 0xf7, 0xbf, 0xbf, 0xbf } }, { 4, { 0xf1, 0x80, 0x41, 0x80 } },
    { 5, { 0xf8, 0x88, 0x80, 0x80, 0x80 } }, { 1, { 0xfe } }, { 1, { 0xff } },
};

static const struct seq bad16[] = {
    { 4, { 0xd8, 0x00, 0x00, 0x41 } }, { 4, { 0xdb, 0xff, 0xd8, 0x00 } },
    { 4, { 0xd8, 0x00, 0xdc, 0x00 } }, { 4, { 0xdb, 0xff, 0xdf, 0xff } },
    { 2, { 0xdc, 0x00 } }, { 2, { 0xdf, 0xff } }, { 4, { 0xdc, 0x00, 0xd8, 0x00 } },
    { 4, { 0xd9, 0x23, 0xe4, 0x56 } },
};

static const struct seq bad32[] = {
    { 4, { 0, 0, 0xd8, 0 } }, { 4, { 0, 0, 0xdb, 0xff } }, { 4, { 0, 0, 0xdc, 0 } },
    { 4, { 0, 0, 0xdf, 0xff } }, { 4, { 0, 0x11, 0, 0 } }, { 4, { 0, 0x10, 0xff, 0xff } },
    { 4, { 0xff, 0xff, 0xff, 0xff } }, { 4, { 0x80, 0, 0, 0x41 } }, { 4, { 0, 0xff, 0, 0 } },
};

static void bad_cases(const struct cuop *o, unsigned w)
{
    const struct seq *t = o->from == 8 ? bad8 : o->from == 16 ? bad16 : bad32;
    unsigned n = o->from == 8 ? sizeof(bad8) / sizeof(bad8[0])
               : o->from == 16 ? sizeof(bad16) / sizeof(bad16[0]) : sizeof(bad32) / sizeof(bad32[0]);
    for (unsigned i = 0; i < n; i++) {
        u8 *s = pg + PAGE - 3 - (i & 3), *d = pg + 3 * PAGE - 4 - (i & 1);
        fill(pg, PG_SIZE, i + 5);
        u64 len = enc(o->from, 0x41, s);
        for (unsigned j = 0; j < t[i].n; j++)
            s[len++] = t[i].b[j];
        len += enc(o->from, 0x7a, s + len);
        run(o, w, "bad", i, d, 64, s, len);
        run(o, w, "badcut", i, d, 64, s, len - o->from / 8 - 1);   /* into the last unit */
    }
}

int main(void)
{
    for (unsigned i = 0; i < N_OPS; i++) {
        for (unsigned w = 0; w < 2; w++) {
            mix_cases(&ops[i], w);
            cut_cases(&ops[i], w);
            bad_cases(&ops[i], w);
        }
    }
    rt_exit(0);
}
