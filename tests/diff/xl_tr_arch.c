/* TROO/TROT/TRTO/TRTT cases where qemu-s390x 7.2 departs from the architecture, so this
 * test computes the architected results itself and its output is compared with
 * xl_tr_arch.expected instead of with QEMU:
 *  - a zero second-operand length completes with CC 0 and changes nothing (QEMU
 *    translates one character and then runs on with a wrapped length);
 *  - TROT's test character is GR0 bits 48-63, like TRTT's (QEMU compares bits 56-63).
 * Each line: "ok", or "BAD" with what differs. */
#include "xl_test.h"

STR_TEST_STORAGE
static u8 tbl[2 * 65536] __attribute__((aligned(4096)));
static u8 want[256];

struct regs {
    u64 d, l, s;
    u32 cc;
};

#define TR_WRAP(fn, insn) \
    static struct regs fn(u64 d, u64 l, u64 s, u64 table, u64 gr0) \
    { \
        u32 cc_; \
        register u64 r0 asm("r0") = gr0; \
        register u64 r1 asm("r1") = table; \
        register u64 r2 asm("r2") = d; \
        register u64 r3 asm("r3") = l; \
        register u64 r4 asm("r4") = s; \
        asm volatile("0: " insn "\n\tjo 0b\n\t" GET_CC \
                     : "+d"(r2), "+d"(r3), "+d"(r4), [cc] "=d"(cc_) : "d"(r0), "d"(r1) \
                     : "cc", "memory"); \
        return (struct regs){ r2, r3, r4, cc_ }; \
    }

TR_WRAP(troo0, "troo %%r2,%%r4,0")
TR_WRAP(troo1, "troo %%r2,%%r4,1")
TR_WRAP(trot0, "trot %%r2,%%r4,0")
TR_WRAP(trot1, "trot %%r2,%%r4,1")
TR_WRAP(trto0, "trto %%r2,%%r4,0")
TR_WRAP(trto1, "trto %%r2,%%r4,1")
TR_WRAP(trtt0, "trtt %%r2,%%r4,0")
TR_WRAP(trtt1, "trtt %%r2,%%r4,1")

typedef struct regs (*tr_fn)(u64 d, u64 l, u64 s, u64 table, u64 gr0);

static void report(const char *name, u64 id, struct regs got, struct regs exp, const u8 *d,
                   u64 n)
{
    int same = 1;
    for (u64 i = 0; i < n; i++)
        same &= d[i] == want[i];
    int ok = same && got.d == exp.d && got.l == exp.l && got.s == exp.s && got.cc == exp.cc;
    xl_head(name, id, 0, got.cc);
    put_str(ok ? " ok" : " BAD");
    put_off("r2", got.d);
    put_u("r3", got.l);
    put_off("r4", got.s);
    if (!ok) {
        put_str(" want");
        put_cc(exp.cc);
        put_off("r2", exp.d);
        put_u("r3", exp.l);
        put_off("r4", exp.s);
        put_bytes(d, n);
        put_bytes(want, n);
    }
    put_char('\n');
}

static void zero_length(void)
{
    static const struct { const char *name; tr_fn fn[2]; } ops[] = {
        { "troo", { troo0, troo1 } }, { "trot", { trot0, trot1 } },
        { "trto", { trto0, trto1 } }, { "trtt", { trtt0, trtt1 } },
    };
    for (unsigned i = 0; i < 4; i++) {
        for (unsigned m3 = 0; m3 < 2; m3++) {
            u8 *d = pg + PAGE - 2, *s = pg + 3 * PAGE - 1;
            fill(pg, PG_SIZE, i * 2 + m3);
            fill(tbl, sizeof(tbl), i);
            rt_memcpy(want, d - 8, 32);
            struct regs got = ops[i].fn[m3]((u64)d, 0, (u64)s, (u64)tbl, 0x5a5a);
            report(ops[i].name, m3, got, (struct regs){ (u64)d, 0, (u64)s, 0 }, d - 8, 32);
        }
    }
}

/* TROT: function characters 005A (not the test character) and 5A5A (it). */
static void trot_test_char(void)
{
    static const u64 gr0s[] = { 0x5a5a, 0xffffffffffff5a5aUL, 0x5a };
    for (unsigned g = 0; g < 3; g++) {
        for (unsigned v = 0; v < 4; v++) {
            u8 *s = pg + PAGE - 7, *d = pg + 3 * PAGE - 9;
            u64 n = 40, hit = v == 0 ? n : v == 1 ? 0 : v == 2 ? 17 : n - 1;
            u32 tch = (u32)gr0s[g] & 0xffff;
            fill(pg, PG_SIZE, g * 4 + v);
            for (unsigned a = 0; a < 256; a++)
                st16(tbl + 2 * a, (a & 1) ? 0x005a : 0x1200 | a);
            for (u64 i = 0; i < n; i++)
                s[i] = (u8)(i == hit ? 0xc8 : (i * 5) | 1);   /* odd: 005A; C8: 12C8 */
            st16(tbl + 2 * 0xc8, tch);
            rt_memcpy(want, d, 2 * n + 2);
            u64 k = 0;
            while (k < n && ld16(tbl + 2 * s[k]) != tch) {
                st16(want + 2 * k, ld16(tbl + 2 * s[k]));
                k++;
            }
            struct regs exp = { (u64)(d + 2 * k), n - k, (u64)(s + k), k < n };
            struct regs got = trot0((u64)d, n, (u64)s, (u64)tbl, gr0s[g]);
            report("trot-test", g * 10 + v, got, exp, d, 2 * n + 2);
        }
    }
}

int main(void)
{
    zero_length();
    trot_test_char();
    rt_exit(0);
}
