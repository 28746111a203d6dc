/* Differential test: the register updates of the long and string instructions in the
 * 31-bit addressing mode (SAM31 around each, no stack use inside): addresses come from
 * bits 33-63 and bit 32 is set to zero on update, bits 0-31 stay; MVCLE/CLCLE/CKSM
 * lengths are bits 32-63. Registers carry junk in the bits that must be kept or ignored. */
#include "str_test.h"

STR_TEST_STORAGE

#define HI 0xdeadbeef00000000UL
#define B32 0x80000000UL            /* bit 32: ignored in 31-bit addresses */

struct r6 { u64 r0, r2, r3, r4, r5, r6; };

#define AMODE31(insn, R) ({ u32 cc_; \
    register u64 a0 asm("r0") = (R)->r0; register u64 a2 asm("r2") = (R)->r2; \
    register u64 a3 asm("r3") = (R)->r3; register u64 a4 asm("r4") = (R)->r4; \
    register u64 a5 asm("r5") = (R)->r5; register u64 a6 asm("r6") = (R)->r6; \
    asm volatile("sam31\n0:\t" insn "\n\tjo 0b\n\tipm %[cc]\n\tsam64\n\tsrl %[cc],28" \
                 : "+d"(a2), "+d"(a3), "+d"(a4), "+d"(a5), "+d"(a6), [cc] "=&d"(cc_) \
                 : "d"(a0) : "cc", "memory"); \
    (R)->r2 = a2; (R)->r3 = a3; (R)->r4 = a4; (R)->r5 = a5; (R)->r6 = a6; cc_; })

static void show(const char *name, unsigned v, u32 cc, const struct r6 *r)
{
    head(name, v, 0);
    put_cc(cc);
    put_u("r2", r->r2);
    put_u("r3", r->r3);
    put_u("r4", r->r4);
    put_u("r5", r->r5);
    put_u("r6", r->r6);
    put_bytes(pg, PG_SIZE);
    put_char('\n');
}

static u64 a31(const void *p) { return HI | B32 | (u64)p; }

int main(void)
{
    for (unsigned v = 0; v < 3; v++) {
        u64 n = v == 0 ? 0 : v == 1 ? 10 : 5000;
        struct r6 r;
        u32 cc;
        fill(pg, PG_SIZE, v);
        r = (struct r6){ 0, a31(pg + 100), HI | 0x5a000000 | n, a31(pg + 8000), HI | 0x40000000 | (n / 2), 0 };
        show("mvcl31", v, AMODE31("mvcl %%r2,%%r4", &r), &r);
        fill(pg, PG_SIZE, v + 10);
        r = (struct r6){ 0, a31(pg + 100), HI | n, a31(pg + 8000), HI | (n * 2), 0 };
        show("mvcle31", v, AMODE31("mvcle %%r2,%%r4,0x33", &r), &r);
        fill(pg, PG_SIZE, v + 20);
        rt_memcpy(pg + 8000, pg + 100, n);
        r = (struct r6){ 0, a31(pg + 100), HI | n, a31(pg + 8000), HI | (n + 3), 0 };
        show("clcle31", v, AMODE31("clcle %%r2,%%r4,0", &r), &r);
        r = (struct r6){ 0, a31(pg + 100), HI | n, a31(pg + 8000), HI | 0x00000000 | (n + 3), 0 };
        show("clcl31", v, AMODE31("clcl %%r2,%%r4", &r), &r);
        fill(pg, PG_SIZE, v + 30);
        fill_byte(pg + 4000, n + 1, 0x41);
        pg[4000 + n] = 0;
        r = (struct r6){ HI, a31(pg + 12000), 0, a31(pg + 4000), 0, 0 };
        cc = AMODE31("mvst %%r2,%%r4", &r);
        r.r4 = 0;                             /* CPU-determined progress: not shown */
        show("mvst31", v, cc, &r);
        /* qemu 7.2 clears bits 0-31 of CLST's registers: no junk there. */
        r = (struct r6){ HI, B32 | (u64)(pg + 12000), 0, B32 | (u64)(pg + 4000), 0, 0 };
        pg[12000 + n / 2] = 0x40;
        cc = AMODE31("clst %%r2,%%r4", &r);
        if (!cc)
            r.r2 = r.r4 = 0;                  /* CPU-determined progress: not shown */
        show("clst31", v, cc, &r);
        r = (struct r6){ HI, a31(pg + 4000 + n + 1), 0, a31(pg + 4000), 0, 0 };
        cc = AMODE31("srst %%r2,%%r4", &r);
        r.r4 = 0;
        show("srst31", v, cc, &r);
        /* qemu 7.2 takes CKSM's 31-bit-mode length from all 64 bits and keeps bit 32 of
         * the address: no junk there. */
        r = (struct r6){ 0, HI | (u64)(pg + 3), n + 3, 0, 0, 0x1234567800000000UL | v };
        show("cksm31", v, AMODE31("cksm %%r6,%%r2", &r), &r);
    }
    rt_exit(0);
}
