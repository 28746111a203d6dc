/* Differential test: MVST, CLST, SRST, CKSM and TRE. Strings and ranges of many
 * lengths (empty, one byte, across page boundaries, longer than one execution's CPU-
 * determined amount), other end characters than zero with junk in GR0 bits 0-31;
 * CLST equal/low/high/prefix cases; SRST found/not found/empty range; CKSM partial
 * words and end-around carries; TRE with and without the test byte. Each loops on
 * CC 3 as programs do, so only the final registers and storage are printed. */
#include "str_test.h"

STR_TEST_STORAGE

static u64 gr0;

#define PAIR_OP(insn, A, B) ({ u32 cc_; \
    register u64 r0_ asm("r0") = gr0; register u64 a_ asm("r2") = (A); register u64 b_ asm("r4") = (B); \
    asm volatile("0: " insn " %%r2,%%r4\n\tjo 0b\n\t" GET_CC \
                 : "+d"(a_), "+d"(b_), [cc] "=d"(cc_) : "d"(r0_) : "cc", "memory"); \
    (A) = a_; (B) = b_; cc_; })

static const u64 slens[] = { 0, 1, 2, 7, 100, 4095, 4096, 4097, 5000, 9000 };
#define N_SLENS (sizeof(slens) / sizeof(slens[0]))
static const u64 gr0s[] = { 0, 0x40, 0xffffffff000000ffUL };

/* A string of n non-terminator bytes then the terminator t, at p. */
static void make_str(u8 *p, u64 n, u8 t, u64 seed)
{
    fill(p, n, seed);
    for (u64 i = 0; i < n; i++)
        if (p[i] == t)
            p[i] = t ^ 0x55;
    p[n] = t;
}

static void mvst_cases(void)
{
    for (unsigned g = 0; g < 3; g++) {
        gr0 = gr0s[g];
        for (unsigned k = 0; k < N_SLENS; k++) {
            u64 n = slens[k];
            fill(pg, PG_SIZE, k + 11 * g);
            u8 *s = pg + 4096 - 3 + (k & 1) * 100, *d = pg + 8500 + (k & 2) * 300;
            if (n > 4096) {
                s = pg + 3;
                d = pg + 9000 + k;
            }
            make_str(s, n, (u8)gr0, k);
            u64 a = (u64)d, b = (u64)s;
            u32 cc = PAIR_OP("mvst", a, b);
            head("mvst", g, n);
            put_cc(cc);
            put_u("r2", a - (u64)pg);     /* R2 keeps the CPU-determined progress: not shown */
            put_bytes(pg, PG_SIZE);
            put_char('\n');
        }
    }
}

static void clst_cases(void)
{
    for (unsigned g = 0; g < 3; g++) {
        gr0 = gr0s[g];
        u8 t = (u8)gr0;
        for (unsigned k = 0; k < N_SLENS; k++) {
            for (unsigned v = 0; v < 6; v++) {
                u64 n = slens[k];
                u8 *a = pg + 4096 - 1 - (k & 1) * 2000, *b = pg + 8200 + (k & 2) * 1000;
                if (n > 4096) {
                    a = pg + 1;
                    b = pg + 9000 + k;
                }
                make_str(a, n, t, k + v);
                rt_memcpy(b, a, n + 1);
                if (v == 1 && n) b[n / 2] = (u8)(a[n / 2] + 1);   /* op1 low */
                if (v == 2 && n) b[n - 1] = (u8)(a[n - 1] - 1);   /* op1 high */
                if (v == 3 && n) a[n - 1] = t;                      /* op1 ends first */
                if (v == 4 && n) b[n / 3] = t;                      /* op2 ends first */
                if (v == 5 && n) { a[0] = 0x80; b[0] = 0x7f; }
                u64 ra = (u64)a, rb = (u64)b;
                u32 cc = PAIR_OP("clst", ra, rb);
                head("clst", g * 100 + k, v);
                put_cc(cc);
                if (cc) {                      /* CC 0 keeps the CPU-determined progress */
                    put_u("r2", ra - (u64)pg);
                    put_u("r4", rb - (u64)pg);
                }
                put_char('\n');
            }
        }
    }
}

/* SRST: R2 start, R1 end (exclusive). */
static void srst_cases(void)
{
    for (unsigned g = 0; g < 3; g++) {
        gr0 = gr0s[g];
        u8 t = (u8)gr0;
        for (unsigned k = 0; k < N_SLENS; k++) {
            for (unsigned v = 0; v < 4; v++) {
                u64 n = slens[k];
                u8 *s = pg + 4096 - 2 - (k & 1) * 1000;
                if (n > 4096)
                    s = pg + 7;
                fill(s, n + 8, k * 4 + v);
                for (u64 i = 0; i < n + 8; i++)
                    if (s[i] == t)
                        s[i] = t ^ 0x11;
                if (v == 1 && n) s[n - 1] = t;        /* the last byte of the range */
                if (v == 2 && n) s[n / 2] = t;
                if (v == 3) s[n] = t;                 /* just past the end: not found */
                u64 end = (u64)(s + n), start = (u64)s;
                u32 cc = PAIR_OP("srst", end, start);
                head("srst", g * 100 + k, v);
                put_cc(cc);
                put_u("r2", end - (u64)pg);    /* R2 keeps the CPU-determined progress */
                (void)start;
                put_char('\n');
            }
        }
    }
}

static void cksm_cases(void)
{
    static const u64 inits[] = { 0, 0xffffffffUL, 0x123456789abcdef0UL, 0xffffffff00000001UL };
    static const u64 clens[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 4099, 10001 };
    for (unsigned i = 0; i < 4; i++) {
        for (unsigned k = 0; k < 12; k++) {
            for (unsigned v = 0; v < 2; v++) {
                u8 *p = pg + 4096 - 6 + k;
                if (v)
                    fill_byte(pg, PG_SIZE, 0xff);    /* carries on every add */
                else
                    fill(pg, PG_SIZE, i * 12 + k);
                u32 cc;
                register u64 rs asm("r6") = inits[i];
                register u64 ra asm("r2") = (u64)p;
                register u64 rl asm("r3") = clens[k];
                asm volatile("0: cksm %%r6,%%r2\n\tjo 0b\n\t" GET_CC
                             : "+d"(rs), "+d"(ra), "+d"(rl), [cc] "=d"(cc) : : "cc");
                u64 sum = rs, a = ra, l = rl;   /* register variables only live in the asm */
                head("cksm", i * 100 + k, v);
                put_cc(cc);
                put_u("sum", sum);
                put_u("r2", a - (u64)pg);
                put_u("r3", l);
                put_char('\n');
            }
        }
    }
}

static void tre_cases(void)
{
    u8 *tbl = pg + 3 * PAGE - 100;                   /* the table crosses a page */
    for (unsigned i = 0; i < 256; i++)
        tbl[i] = (u8)(i * 7 + 3);
    for (unsigned k = 0; k < N_SLENS; k++) {
        for (unsigned v = 0; v < 3; v++) {
            u64 n = slens[k];
            u8 *p = n > 4096 ? pg + 5 : pg + 4096 - 50;
            fill(p, n + 4, k + v);
            u8 test = v == 2 ? 0xee : 0x00;
            for (u64 i = 0; i < n + 4; i++)
                if (p[i] == test)
                    p[i] = 1;
            if (v == 1 && n)
                p[n * 2 / 3] = test;
            if (v == 2)
                p[n] = test;                          /* just past the end */
            u32 cc;
            register u64 r0 asm("r0") = 0xabcdef0000000000UL | test;
            register u64 ra asm("r2") = (u64)p;
            register u64 rl asm("r3") = n;
            register u64 t asm("r4") = (u64)tbl;
            asm volatile("0: tre %%r2,%%r4\n\tjo 0b\n\t" GET_CC
                         : "+d"(ra), "+d"(rl), [cc] "=d"(cc) : "d"(r0), "d"(t) : "cc", "memory");
            u64 a = ra, l = rl;
            head("tre", k, v);
            put_cc(cc);
            put_u("r2", a - (u64)pg);
            put_u("r3", l);
            put_bytes(p - 4, n + 8);
            put_char('\n');
        }
    }
}

int main(void)
{
    mvst_cases();
    clst_cases();
    srst_cases();
    cksm_cases();
    tre_cases();
    rt_exit(0);
}
