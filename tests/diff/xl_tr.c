/* Differential test: TROO, TROT, TRTO, TRTT (extended-translation facility 2). One- and
 * two-byte arguments and function characters, lengths from one character to more than
 * two executions' CPU-determined amount (each loops on CC 3 as programs do), operands and
 * tables crossing pages, unaligned table addresses (low bits ignored), junk in GR0 above
 * the test character, the test character hit at the first, a middle and the last
 * character or not at all, and M3 = 1 (no test-character comparison). Zero lengths are
 * and TROT's test character are in xl_tr_arch.c: qemu-s390x 7.2 translates one character
 * for a zero length and compares only 8 bits of TROT's 16-bit test character. */
#include "xl_test.h"

STR_TEST_STORAGE
static u8 tbl[2 * 65536 + 2 * PAGE] __attribute__((aligned(4096)));

typedef u32 (*tr_fn)(u64 *d, u64 *l, u64 *s, u64 table, u64 gr0);

#define TR_WRAP(fn, insn) \
    static u32 fn(u64 *d, u64 *l, u64 *s, u64 table, u64 gr0) \
    { \
        u32 cc_; \
        register u64 r0 asm("r0") = gr0; \
        register u64 r1 asm("r1") = table; \
        register u64 r2 asm("r2") = *d; \
        register u64 r3 asm("r3") = *l; \
        register u64 r4 asm("r4") = *s; \
        asm volatile("0: " insn "\n\tjo 0b\n\t" GET_CC \
                     : "+d"(r2), "+d"(r3), "+d"(r4), [cc] "=d"(cc_) : "d"(r0), "d"(r1) \
                     : "cc", "memory"); \
        *d = r2; \
        *l = r3; \
        *s = r4; \
        return cc_; \
    }

TR_WRAP(troo0, "troo %%r2,%%r4")
TR_WRAP(troo1, "troo %%r2,%%r4,1")
TR_WRAP(trot0, "trot %%r2,%%r4,0")
TR_WRAP(trot1, "trot %%r2,%%r4,1")
TR_WRAP(trto0, "trto %%r2,%%r4,0")
TR_WRAP(trto1, "trto %%r2,%%r4,1")
TR_WRAP(trtt0, "trtt %%r2,%%r4,0")
TR_WRAP(trtt1, "trtt %%r2,%%r4,1")

struct trop {
    const char *name;
    tr_fn fn[2];
    unsigned ssz, dsz;
};

static const struct trop ops[] = {
    { "troo", { troo0, troo1 }, 1, 1 },
    { "trot", { trot0, trot1 }, 1, 2 },
    { "trto", { trto0, trto1 }, 2, 1 },
    { "trtt", { trtt0, trtt1 }, 2, 2 },
};

static const u64 lens[] = { 1, 2, 3, 4, 7, 100, 4094, 4095, 4096, 4097, 4098, 9000 };
#define N_LENS (sizeof(lens) / sizeof(lens[0]))

static u32 arg_at(const struct trop *o, const u8 *s, u64 i)
{
    return o->ssz == 1 ? s[i] : ld16(s + 2 * i);
}

static void set_fn(const struct trop *o, u8 *t, u32 arg, u32 v)
{
    if (o->dsz == 1)
        t[arg] = (u8)v;
    else
        st16(t + 2 * arg, v);
}

/* A table with no entry equal to the test character 'tch' (nor to its low byte, which
 * qemu-s390x compares for TROT). */
static void make_table(const struct trop *o, u8 *t, u32 tch, u64 seed)
{
    u64 n = (o->ssz == 1 ? 256 : 65536) * o->dsz;
    fill(t, n, seed);
    for (u64 i = 0; i < n; i += o->dsz) {
        u32 f = o->dsz == 1 ? t[i] : ld16(t + i);
        if (f == tch || f == (tch & 0xff))
            set_fn(o, t, (u32)(i / o->dsz), f ^ 1);
    }
}

static void one(const struct trop *o, unsigned m3, unsigned k, unsigned v)
{
    u64 len = lens[k], nch = len / o->ssz;
    u8 *s = len > 4096 ? pg + 10 + k : pg + PAGE - 3 + k;
    u8 *d = len > 4096 ? pg + 12000 + 2 * k : pg + 3 * PAGE - 5 - k;
    u64 dlen = nch * o->dsz;
    u8 *tb = tbl + ((k & 1) ? PAGE - 64 : 0), *teff = tb;
    u32 tch = o->dsz == 1 ? 0x5a : 0x5a5a;
    if (v & 1)
        tb += 5;                                   /* bits 61-63 of GR1 are ignored */
    fill(pg, PG_SIZE, k * 8 + v);
    make_table(o, teff, tch, k + 31 * v);
    if (v && nch) {
        u64 at = v == 1 ? 0 : v == 2 ? nch / 2 : nch - 1;
        set_fn(o, teff, arg_at(o, s, at), tch);
    }
    u64 rd = (u64)d, rl = len, rs = (u64)s;
    u32 cc = o->fn[m3](&rd, &rl, &rs, (u64)tb, 0xdeadbeefcafe0000UL | tch);
    xl_head(o->name, m3 * 100 + k, v, cc);
    put_off("r2", rd);
    put_u("r3", rl);
    put_off("r4", rs);
    put_bytes(d - 8, dlen + 16);
    put_char('\n');
}

int main(void)
{
    for (unsigned i = 0; i < 4; i++)
        for (unsigned m3 = 0; m3 < 2; m3++)
            for (unsigned k = 0; k < N_LENS; k++)
                for (unsigned v = 0; v < 4; v++)
                    if (lens[k] % ops[i].ssz == 0 && !(i == 1 && m3 == 0 && v))
                        one(&ops[i], m3, k, v);
    rt_exit(0);
}
