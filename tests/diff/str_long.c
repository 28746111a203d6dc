/* Differential test: MVCL, MVCLE, CLCL, CLCLE. Length pairs equal, shorter, longer and
 * zero; pad bytes; operands crossing pages; MVCL's destructive overlap (CC 3, nothing
 * moved) against the overlaps that are allowed; junk in the register bits the
 * instructions ignore or keep. MVCLE/CLCLE loop on CC 3 (the amount per execution is
 * the CPU's choice), so only the final state is printed. */
#include "str_test.h"

STR_TEST_STORAGE

struct regs4 { u64 r2, r3, r4, r5; };

static void put_regs(const struct regs4 *r)
{
    put_u("r2", r->r2 - (u64)pg);
    put_u("r3", r->r3);
    put_u("r4", r->r4 - (u64)pg);
    put_u("r5", r->r5);
}

#define LONG_OP(insn, r) ({ u32 cc_; \
    register u64 a2 asm("r2") = (r)->r2; register u64 a3 asm("r3") = (r)->r3; \
    register u64 a4 asm("r4") = (r)->r4; register u64 a5 asm("r5") = (r)->r5; \
    asm volatile(insn "\n\t" GET_CC : "+d"(a2), "+d"(a3), "+d"(a4), "+d"(a5), [cc] "=d"(cc_) \
                 : [pad] "a"(padreg) : "cc", "memory"); \
    (r)->r2 = a2; (r)->r3 = a3; (r)->r4 = a4; (r)->r5 = a5; cc_; })

static u64 padreg;

static u32 mvcl(struct regs4 *r) { return LONG_OP("mvcl %%r2,%%r4", r); }
static u32 clcl(struct regs4 *r) { return LONG_OP("clcl %%r2,%%r4", r); }
static u32 mvcle(struct regs4 *r) { return LONG_OP("0: mvcle %%r2,%%r4,0(%[pad])\n\tjo 0b", r); }
static u32 clcle(struct regs4 *r) { return LONG_OP("0: clcle %%r2,%%r4,0(%[pad])\n\tjo 0b", r); }

struct lcase { u64 d, s, l1, l2; };
static const struct lcase lcases[] = {
    { 100, 9000, 0, 0 }, { 100, 9000, 0, 5 }, { 100, 9000, 5, 0 }, { 100, 9000, 10, 10 },
    { 100, 9000, 10, 3 }, { 100, 9000, 3, 10 }, { 4000, 9000, 300, 5000 },
    { 4000, 9000, 5000, 300 }, { 100, 8200, 8000, 8000 }, { 4090, 12200, 4000, 0 },
    { 8190, 4094, 3, 4 }, { 1, 8193, 7000, 6999 },
};
#define N_LCASES (sizeof(lcases) / sizeof(lcases[0]))
static const u8 pads[] = { 0x00, 0x40, 0xff };

/* Move with MVCL (24-bit lengths, pad in bits 32-39 of R2+1) or MVCLE; junk in the
 * bits that are not the length shows whether they are kept. */
static void move_cases(int ext)
{
    for (unsigned i = 0; i < N_LCASES; i++) {
        for (unsigned p = 0; p < 3; p++) {
            const struct lcase *lc = &lcases[i];
            fill(pg, PG_SIZE, i * 3 + p);
            struct regs4 r = { (u64)pg + lc->d, lc->l1, (u64)pg + lc->s, lc->l2 };
            u32 cc;
            if (ext) {
                padreg = 0x1234500 | pads[p];
                cc = mvcle(&r);
            } else {
                r.r3 |= 0xdeadbeef5a000000UL;
                r.r5 |= 0xfeedf00d00000000UL | (u64)pads[p] << 24;
                cc = mvcl(&r);
            }
            head(ext ? "mvcle" : "mvcl", i, p);
            put_cc(cc);
            put_regs(&r);
            put_bytes(pg + lc->d - 1, lc->l1 + 2);
            put_bytes(pg, PG_SIZE);
            put_char('\n');
        }
    }
}

/* MVCL overlap: destination inside the participating source is CC 3 and moves nothing. */
static void mvcl_overlap(void)
{
    static const s64 delta[] = { 1, 5, 9, 10, 11, -1, -100, 0 };
    static const u64 l2s[] = { 10, 1, 0, 20 };
    for (unsigned i = 0; i < 8; i++) {
        for (unsigned k = 0; k < 4; k++) {
            u64 s = 6000, d = (u64)((s64)s + delta[i]);
            fill(pg + 5000, 3000, i + k);
            struct regs4 r = { (u64)pg + d, 20, (u64)pg + s, l2s[k] | 0x2a000000 };
            u32 cc = mvcl(&r);
            head("mvcl-overlap", (u64)delta[i], l2s[k]);
            put_cc(cc);
            put_regs(&r);
            put_bytes(pg + 5990, 50);
            put_char('\n');
        }
    }
}

/* Compare: equal, unequal early/late, differing only in the pad part. */
static void compare_cases(int ext)
{
    for (unsigned i = 0; i < N_LCASES; i++) {
        const struct lcase *lc = &lcases[i];
        for (unsigned v = 0; v < 7; v++) {
            u8 *a = pg + lc->d, *b = pg + lc->s;
            u64 n = lc->l1 < lc->l2 ? lc->l1 : lc->l2;
            u8 pad = 0x40;
            fill(a, lc->l1, i);
            rt_memcpy(b, a, n);
            fill_byte(a + n, lc->l1 - n, pad);      /* the longer one's tail is padding */
            fill_byte(b + n, lc->l2 - n, pad);
            if (v == 1 && n) a[n / 3] ^= 0x80;
            if (v == 2 && n) b[n - 1] += 1;
            if (v == 3 && lc->l1 > n) a[lc->l1 - 1] = pad + 1;
            if (v == 4 && lc->l2 > n) b[lc->l2 - 1] = pad - 1;
            if (v == 5) pad = 0x3f;                  /* tails now differ from the pad */
            if (v == 6) pad = 0x41;
            struct regs4 r = { (u64)a, lc->l1, (u64)b, lc->l2 };
            u32 cc;
            if (ext) {
                padreg = 0xabc00 | pad;
                cc = clcle(&r);
            } else {
                r.r3 |= 0x1111111122000000UL;
                r.r5 |= 0x33333333UL << 32 | (u64)pad << 24;
                cc = clcl(&r);
            }
            head(ext ? "clcle" : "clcl", i, v);
            put_cc(cc);
            put_regs(&r);
            put_char('\n');
        }
    }
}

int main(void)
{
    move_cases(0);
    move_cases(1);
    mvcl_overlap();
    compare_cases(0);
    compare_cases(1);
    rt_exit(0);
}
