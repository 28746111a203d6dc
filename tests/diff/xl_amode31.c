/* Differential test: register updates of the extended-translation instructions in the
 * 31-bit addressing mode (SAM31 around each, no stack use inside). Addresses come from
 * bits 33-63 (bit 32 carries junk) and are stored back with bit 32 zero and bits 0-31
 * kept; lengths are bits 32-63 with junk in bits 0-31. Covers TROO/TRTT (GR1 with
 * junk too), CU12, CU21, CU41, SRSTU, MVCLU and CLCLU, each to its end through CC 3. */
#include "xl_test.h"

STR_TEST_STORAGE
static u8 tbl[2 * 65536] __attribute__((aligned(4096)));

#define HI 0xdeadbeef00000000UL
#define B32 0x80000000UL

struct r7 {
    u64 r0, r1, r2, r3, r4, r5, r6;
};

#define AMODE31(insn, R) ({ u32 cc_; \
    register u64 a0 asm("r0") = (R)->r0; register u64 a1 asm("r1") = (R)->r1; \
    register u64 a2 asm("r2") = (R)->r2; register u64 a3 asm("r3") = (R)->r3; \
    register u64 a4 asm("r4") = (R)->r4; register u64 a5 asm("r5") = (R)->r5; \
    register u64 a6 asm("r6") = (R)->r6; \
    asm volatile("sam31\n0:\t" insn "\n\tjo 0b\n\tipm %[cc]\n\tsam64\n\tsrl %[cc],28" \
                 : "+d"(a2), "+d"(a3), "+d"(a4), "+d"(a5), "+d"(a6), [cc] "=&d"(cc_) \
                 : "d"(a0), "d"(a1) : "cc", "memory"); \
    (R)->r2 = a2; (R)->r3 = a3; (R)->r4 = a4; (R)->r5 = a5; (R)->r6 = a6; cc_; })

static u64 a31(const void *p)
{
    return HI | B32 | (u64)p;
}

static void show(const char *name, unsigned v, u32 cc, const struct r7 *r, const u8 *d, u64 n)
{
    xl_head(name, v, 0, cc);
    put_u("r2", r->r2);
    put_u("r3", r->r3);
    put_u("r4", r->r4);
    put_u("r5", r->r5);
    put_u("r6", r->r6);
    put_bytes(d, n);
    put_char('\n');
}

int main(void)
{
    for (unsigned v = 0; v < 2; v++) {
        u64 n = v ? 5000 : 300;
        u8 *s = pg + PAGE - 3, *d = pg + 4 * PAGE + 1;
        fill(pg, PG_SIZE, v);
        fill(tbl, sizeof(tbl), v + 7);
        struct r7 r = { HI | 0x5a, a31(tbl) + 3, a31(d), HI | n, a31(s), 0, 0 };
        u32 cc = AMODE31("troo %%r2,%%r4,1", &r);
        show("troo", v, cc, &r, d, n);

        r = (struct r7){ HI | 0x5a5a, a31(tbl) + 5, a31(d), HI | n, a31(s), 0, 0 };
        cc = AMODE31("trtt %%r2,%%r4,1", &r);
        show("trtt", v, cc, &r, d, n);

        for (u64 i = 0; i < n; i++)                /* ASCII, then two-byte characters */
            s[i] = (u8)(i < n / 2 ? 0x20 + i % 90 : (i & 1) ? 0x80 + i % 64 : 0xc3);
        r = (struct r7){ 0, 0, a31(d), HI | (3 * n), a31(s), HI | n, 0 };
        cc = AMODE31("cu12 %%r2,%%r4,1", &r);
        show("cu12", v, cc, &r, d, 2 * n);

        for (u64 i = 0; i < n; i += 2)
            st16(s + i, (u32)(0x41 + i * 37) & 0xd7ff);
        r = (struct r7){ 0, 0, a31(d), HI | (3 * n), a31(s), HI | n, 0 };
        cc = AMODE31("cu21 %%r2,%%r4,1", &r);
        show("cu21", v, cc, &r, d, 2 * n);

        for (u64 i = 0; i < n; i += 4)
            st32(s + i, (u32)(i * 977) % 0xd000);
        r = (struct r7){ 0, 0, a31(d), HI | (3 * n), a31(s), HI | n, 0 };
        cc = AMODE31("cu41 %%r2,%%r4", &r);
        show("cu41", v, cc, &r, d, 2 * n);

        st16(s + n - 2 * v, 0x4142);               /* v = 0: just past the end */
        r = (struct r7){ 0x1234567800004142UL, 0, a31(s + n), 0, a31(s), 0, 0 };
        cc = AMODE31("srstu %%r2,%%r4", &r);
        r.r4 = 0;                                  /* CPU-determined progress */
        show("srstu", v, cc, &r, s, 0);

        r = (struct r7){ 0, 0, a31(d), HI | n, a31(s), HI | (n / 2), HI | 0x4142 };
        cc = AMODE31("mvclu %%r2,%%r4,0(%%r6)", &r);
        show("mvclu", v, cc, &r, d, n);

        r = (struct r7){ 0, 0, a31(d), HI | n, a31(s), HI | (n / 2), HI | (v ? 0 : 0x4142) };
        cc = AMODE31("clclu %%r2,%%r4,0(%%r6)", &r);
        show("clclu", v, cc, &r, d, 0);
    }
    rt_exit(0);
}
