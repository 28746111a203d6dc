/* TRANSLATE AND TEST (REVERSE) EXTENDED (parsing enhancement). qemu-s390x 7.2 does not
 * implement TRTE/TRTRE (operation exception), so this test computes the architected
 * results itself and its output is compared with xl_trte.expected instead of with QEMU.
 * All M3 settings (A: two-byte arguments, F: two-byte function codes, L: arguments above
 * 255 have function code zero; the reserved bit set), lengths from zero to more than two
 * executions' CPU-determined amount (looping on CC 3), operands and tables crossing
 * pages, the first nonzero function code at the first, a middle, the last or no
 * character. Each line: "ok" and the registers, or "BAD" with the expected values too.
 * Expected: CC 1 with R1 at the argument, R1+1 = what is left including it and R2 = the
 * function code; CC 0 with R1 past the operand, R1+1 = 0 and R2 = 0 (the function code
 * zero). R2 takes the code as a whole 64-bit value in the 64-bit mode. */
#include "xl_test.h"

STR_TEST_STORAGE
/* Function-code tables: all zero, and (for L) junk above the first 256 entries. */
static u8 tbl0[2 * 65536 + 2 * PAGE] __attribute__((aligned(4096)));
static u8 tblL[2 * 65536 + 2 * PAGE] __attribute__((aligned(4096)));

struct res {
    u64 a, l, r2;
    u32 cc;
};

#define TRTE_WRAP(fn, insn) \
    static struct res fn(u64 a, u64 l, u64 table, u64 r2in) \
    { \
        u32 cc_; \
        register u64 r1 asm("r1") = table; \
        register u64 r4 asm("r4") = a; \
        register u64 r5 asm("r5") = l; \
        register u64 r6 asm("r6") = r2in; \
        asm volatile("0: " insn "\n\tjo 0b\n\t" GET_CC \
                     : "+d"(r4), "+d"(r5), "+d"(r6), [cc] "=d"(cc_) : "d"(r1) : "cc", "memory"); \
        return (struct res){ r4, r5, r6, cc_ }; \
    }

TRTE_WRAP(trte0, "trte %%r4,%%r6,0")
TRTE_WRAP(trte1, "trte %%r4,%%r6,1")
TRTE_WRAP(trte2, "trte %%r4,%%r6,2")
TRTE_WRAP(trte4, "trte %%r4,%%r6,4")
TRTE_WRAP(trte6, "trte %%r4,%%r6,6")
TRTE_WRAP(trte8, "trte %%r4,%%r6,8")
TRTE_WRAP(trte10, "trte %%r4,%%r6,10")
TRTE_WRAP(trte12, "trte %%r4,%%r6,12")
TRTE_WRAP(trte14, "trte %%r4,%%r6,14")
TRTE_WRAP(trtre0, "trtre %%r4,%%r6,0")
TRTE_WRAP(trtre1, "trtre %%r4,%%r6,1")
TRTE_WRAP(trtre2, "trtre %%r4,%%r6,2")
TRTE_WRAP(trtre4, "trtre %%r4,%%r6,4")
TRTE_WRAP(trtre6, "trtre %%r4,%%r6,6")
TRTE_WRAP(trtre8, "trtre %%r4,%%r6,8")
TRTE_WRAP(trtre10, "trtre %%r4,%%r6,10")
TRTE_WRAP(trtre12, "trtre %%r4,%%r6,12")
TRTE_WRAP(trtre14, "trtre %%r4,%%r6,14")

typedef struct res (*trte_fn)(u64 a, u64 l, u64 table, u64 r2in);
static const unsigned m3s[9] = { 0, 1, 2, 4, 6, 8, 10, 12, 14 };
static const trte_fn fwd[9] = { trte0, trte1, trte2, trte4, trte6, trte8, trte10, trte12, trte14 };
static const trte_fn rev[9] = { trtre0, trtre1, trtre2, trtre4, trtre6, trtre8, trtre10, trtre12, trtre14 };

static u32 arg_at(unsigned asz, u64 a)
{
    return asz == 1 ? *(u8 *)a : ld16((u8 *)a);
}

static u32 fc_of(unsigned m3, const u8 *t, u32 arg)
{
    if ((m3 & 2) && arg > 255)
        return 0;
    return (m3 & 4) ? ld16(t + 2 * arg) : t[arg];
}

/* The architected result, computed by the test itself. */
static struct res model(int reverse, unsigned m3, u64 a, u64 l, const u8 *t)
{
    unsigned asz = (m3 & 8) ? 2 : 1;
    while (l) {
        u32 fc = fc_of(m3, t, arg_at(asz, a));
        if (fc)
            return (struct res){ a, l, fc, 1 };
        a = reverse ? a - asz : a + asz;
        l -= asz;
    }
    return (struct res){ a, 0, 0, 0 };
}

static const u64 lens[] = { 0, 1, 2, 7, 8, 100, 4095, 4096, 4097, 4098, 9000 };
#define N_LENS (sizeof(lens) / sizeof(lens[0]))

static void one(int reverse, unsigned mi, unsigned k, unsigned v)
{
    unsigned m3 = m3s[mi], asz = (m3 & 8) ? 2 : 1, fsz = (m3 & 4) ? 2 : 1;
    u64 len = lens[k];
    if (len % asz)
        return;
    u64 nch = len / asz;
    u8 *base = len > 4000 ? pg + 21 + k : pg + PAGE - 5 - k;
    u64 toff = (k & 1) ? PAGE - 40 : 0;
    u8 *t = ((m3 & 2) ? tblL : tbl0) + toff, saved[2] = { 0, 0 };
    u32 arg = 0;
    fill(base - 8, len + 16, mi * 100 + k * 4 + v);
    if (v && nch) {
        u64 at = v == 1 ? 0 : v == 2 ? nch / 2 : nch - 1;
        if (reverse)
            at = nch - 1 - at;
        arg = arg_at(asz, (u64)(base + at * asz));
        if ((m3 & 2) && arg > 255) {              /* make it a limited argument, then plant */
            base[at * asz] = 0;
            arg &= 0xff;
        }
        rt_memcpy(saved, t + arg * fsz, fsz);
        if (fsz == 1)
            t[arg] = (u8)(0x80 | v);
        else
            st16(t + 2 * arg, 0x8000 | (v << 4) | k);
    }
    u64 a = reverse ? (u64)(base + len - asz) : (u64)base;
    struct res got = (reverse ? rev : fwd)[mi](a, len, (u64)t, 0xaabbccddeeff0011UL);
    struct res want = model(reverse, m3, a, len, t);
    if (v && nch)
        rt_memcpy(t + arg * fsz, saved, fsz);
    int ok = got.a == want.a && got.l == want.l && got.r2 == want.r2 && got.cc == want.cc;
    put_str(reverse ? "trtre" : "trte");
    xl_head(ok ? " ok" : " BAD", m3 * 100 + k, v, got.cc);
    put_off("r4", got.a);
    put_u("r5", got.l);
    put_u("r6", got.r2);
    if (!ok) {
        put_str(" want");
        put_cc(want.cc);
        put_off("r4", want.a);
        put_u("r5", want.l);
        put_u("r6", want.r2);
    }
    put_char('\n');
}

int main(void)
{
    fill(tblL, sizeof(tblL), 99);
    rt_memset(tblL, 0, 512);
    rt_memset(tblL + PAGE - 40, 0, 512);
    for (int reverse = 0; reverse < 2; reverse++)
        for (unsigned mi = 0; mi < 9; mi++)
            for (unsigned k = 0; k < N_LENS; k++)
                for (unsigned v = 0; v < 4; v++)
                    one(reverse, mi, k, v);
    rt_exit(0);
}
