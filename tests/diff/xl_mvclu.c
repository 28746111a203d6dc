/* Differential test: MVCLU and CLCLU (MOVE / COMPARE LOGICAL LONG UNICODE). Length
 * pairs from zero to more than two executions' CPU-determined amount (looping on CC 3),
 * operands crossing pages and at odd addresses, pad characters from a base register
 * with junk above bit 48 and from a bare displacement; CLCLU with operands equal, unequal
 * in either byte of a character at the start, middle and end, and the shorter operand
 * matching or not matching the pad. Odd lengths: xl_pgm_clclu_len.c. */
#include "xl_test.h"

STR_TEST_STORAGE

#define LONG_U(fn, insn) \
    static u32 fn(u64 *a, u64 *al, u64 *b, u64 *bl, u64 padreg) \
    { \
        u32 cc_; \
        register u64 r2 asm("r2") = *a; \
        register u64 r3 asm("r3") = *al; \
        register u64 r4 asm("r4") = *b; \
        register u64 r5 asm("r5") = *bl; \
        register u64 r6 asm("r6") = padreg; \
        asm volatile("0: " insn "\n\tjo 0b\n\t" GET_CC \
                     : "+d"(r2), "+d"(r3), "+d"(r4), "+d"(r5), [cc] "=d"(cc_) : "a"(r6) \
                     : "cc", "memory"); \
        *a = r2; \
        *al = r3; \
        *b = r4; \
        *bl = r5; \
        return cc_; \
    }

LONG_U(mvclu_b, "mvclu %%r2,%%r4,0(%%r6)")
LONG_U(mvclu_d, "mvclu %%r2,%%r4,0x4142")
LONG_U(clclu_b, "clclu %%r2,%%r4,0(%%r6)")
LONG_U(clclu_d, "clclu %%r2,%%r4,0x4142")

static const u64 lens[] = { 0, 2, 4, 100, 4094, 4096, 4098, 9000 };
#define N_LENS 8
static const u64 pads[] = { 0, 0xabcdef012345fffeUL, 0x4142 };

static void put_regs(u64 a, u64 al, u64 b, u64 bl)
{
    put_off("r2", a);
    put_u("r3", al);
    put_off("r4", b);
    put_u("r5", bl);
}

static void mvclu_cases(void)
{
    for (unsigned p = 0; p < 3; p++) {
        for (unsigned i = 0; i < N_LENS; i++) {
            for (unsigned j = 0; j < N_LENS; j++) {
                u64 l1 = lens[i], l3 = lens[j];
                u8 *d = l1 > 4096 ? pg + 13000 + (i & 1) : pg + 3 * PAGE - 5 - 2 * j;
                u8 *s = l3 > 4096 ? pg + 33 : pg + PAGE - 1 - i;
                fill(pg, PG_SIZE, p * 64 + i * 8 + j);
                u64 a = (u64)d, al = l1, b = (u64)s, bl = l3;
                u32 cc = p == 2 ? mvclu_d(&a, &al, &b, &bl, 0) : mvclu_b(&a, &al, &b, &bl, pads[p]);
                xl_head("mvclu", p * 100 + i, j, cc);
                put_regs(a, al, b, bl);
                put_bytes(d - 4, l1 + 8);
                put_char('\n');
            }
        }
    }
}

/* v: 0 equal, 1/2 op1 low/high in the first byte of a middle character, 3 op1 high in
 * its second byte, 4 unequal in the first character, 5 unequal in the last. Unequal
 * lengths compare the longer one's tail with the pad: equal to it, or not (v odd). */
static void clclu_cases(void)
{
    for (unsigned p = 0; p < 3; p++) {
        u32 pad = (u32)(p == 2 ? 0x4142 : pads[p]) & 0xffff;
        for (unsigned i = 0; i < N_LENS; i++) {
            for (unsigned j = 0; j < N_LENS; j++) {
                for (unsigned v = 0; v < 6; v++) {
                    u64 l1 = lens[i], l3 = lens[j], lmin = l1 < l3 ? l1 : l3;
                    u8 *a = l1 > 4096 ? pg + 11 : pg + PAGE - 3 - 2 * j;
                    u8 *b = l3 > 4096 ? pg + 13001 : pg + 3 * PAGE - 1 - 2 * i;
                    fill(pg, PG_SIZE, p * 400 + i * 50 + j * 6 + v);
                    rt_memcpy(b, a, lmin);
                    u8 *lng = l1 > l3 ? a : b;
                    for (u64 k = lmin; k + 1 < (l1 > l3 ? l1 : l3); k += 2)
                        st16(lng + k, pad);
                    if ((v & 1) && l1 != l3)
                        lng[(lmin + (l1 > l3 ? l1 : l3)) / 2 & ~1UL] ^= 0x80;
                    u64 m = (lmin / 4) * 2;
                    if (v == 1 && lmin) { a[m] = 0x10; b[m] = 0x90; }
                    if (v == 2 && lmin) { a[m] = 0x90; b[m] = 0x10; }
                    if (v == 3 && lmin) { a[m + 1] = 0x91; b[m + 1] = 0x11; a[m] = b[m]; }
                    if (v == 4 && lmin) a[0] ^= 1;
                    if (v == 5 && lmin) b[lmin - 1] ^= 0x40;
                    u64 ra = (u64)a, al = l1, rb = (u64)b, bl = l3;
                    u32 cc = p == 2 ? clclu_d(&ra, &al, &rb, &bl, 0) : clclu_b(&ra, &al, &rb, &bl, pads[p]);
                    xl_head("clclu", p * 100 + i * 10 + j, v, cc);
                    put_regs(ra, al, rb, bl);
                    put_char('\n');
                }
            }
        }
    }
}

int main(void)
{
    mvclu_cases();
    clclu_cases();
    rt_exit(0);
}
