/* CU12/CU14 with W (well-formedness checking) on UTF-8 characters U+0800..U+0FFF
 * (E0 A0..BF xx): well formed, but qemu-s390x 7.2 rejects them (it checks for values
 * below 1000 instead of 800). This test computes the architected results itself and its
 * output is compared with xl_cu_arch.expected instead of with QEMU. Overlong E0 80..9F xx
 * stays invalid (CC 2). Each line: "ok", or "BAD" with what differs. */
#include "xl_test.h"

STR_TEST_STORAGE

struct regs {
    u64 d, dl, s, sl;
    u32 cc;
};

#define CU_WRAP(fn, insn) \
    static struct regs fn(u64 d, u64 dl, u64 s, u64 sl) \
    { \
        u32 cc_; \
        register u64 r2 asm("r2") = d; \
        register u64 r3 asm("r3") = dl; \
        register u64 r4 asm("r4") = s; \
        register u64 r5 asm("r5") = sl; \
        asm volatile("0: " insn "\n\tjo 0b\n\t" GET_CC \
                     : "+d"(r2), "+d"(r3), "+d"(r4), "+d"(r5), [cc] "=d"(cc_) : : "cc", "memory"); \
        return (struct regs){ r2, r3, r4, r5, cc_ }; \
    }

CU_WRAP(cu12w, "cu12 %%r2,%%r4,1")
CU_WRAP(cu14w, "cu14 %%r2,%%r4,1")

static u8 want[12000];

static void check(const char *name, u64 id, struct regs got, struct regs exp, const u8 *d, u64 n)
{
    u64 bad = n;
    for (u64 i = 0; i < n && bad == n; i++)
        if (d[i] != want[i])
            bad = i;
    int ok = bad == n && got.d == exp.d && got.dl == exp.dl && got.s == exp.s &&
             got.sl == exp.sl && got.cc == exp.cc;
    xl_head(name, id, 0, got.cc);
    put_str(ok ? " ok" : " BAD");
    put_u("d", got.d - (u64)d);
    put_u("dl", got.dl);
    put_u("s", got.s - exp.s);
    put_u("sl", got.sl);
    if (!ok) {
        put_str(" want");
        put_cc(exp.cc);
        put_u("d", exp.d - (u64)d);
        put_u("dl", exp.dl);
        put_u("sl", exp.sl);
        put_u("byte", bad);
    }
    put_char('\n');
}

/* "A", then n characters from U+0800 + step*i (three UTF-8 bytes each), then "z". */
static void run(u64 id, u64 n, u32 first, u32 step, int bad)
{
    u8 *s = pg + PAGE - 5, *d = pg + 3 * PAGE + 11;
    u64 sl = 0;
    fill(pg, PG_SIZE, id);
    s[sl++] = 'A';
    for (u64 i = 0; i < n; i++) {
        u32 cp = 0x800 + (first + step * i) % 0x800;
        s[sl++] = 0xe0;
        s[sl++] = (u8)(0x80 | cp >> 6);
        s[sl++] = (u8)(0x80 | (cp & 0x3f));
    }
    s[sl++] = 'z';
    if (bad)
        s[1 + 3 * (n / 2) + 1] -= 0x20;          /* E0 80..9F: overlong */
    for (int wide = 0; wide < 2; wide++) {
        unsigned sz = wide ? 4 : 2;
        u64 k = bad ? 1 + n / 2 : n + 2, dl = (n + 2) * sz + 3;
        rt_memcpy(want, d, dl);
        for (u64 i = 0; i < k; i++) {
            u32 cp = i == 0 ? 'A' : i == n + 1 ? 'z' : 0x800 + (first + step * (i - 1)) % 0x800;
            if (wide)
                st32(want + 4 * i, cp);
            else
                st16(want + 2 * i, cp);
        }
        u64 used = bad ? 1 + 3 * (n / 2) : sl;
        struct regs exp = { (u64)d + k * sz, dl - k * sz, (u64)s + used, sl - used, bad ? 2 : 0 };
        struct regs got = (wide ? cu14w : cu12w)((u64)d, dl, (u64)s, sl);
        check(wide ? "cu14w" : "cu12w", id * 2 + (u64)bad, got, exp, d, dl);
    }
}

int main(void)
{
    run(0, 1, 0, 0, 0);            /* U+0800 */
    run(1, 1, 0x7ff, 0, 0);        /* U+0FFF */
    run(2, 64, 0, 32, 0);          /* across the range */
    run(3, 64, 0, 32, 1);
    run(4, 2500, 5, 7, 0);         /* more than one execution's amount */
    run(5, 2500, 5, 7, 1);
    rt_exit(0);
}
