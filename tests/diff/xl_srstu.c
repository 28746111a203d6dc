/* Differential test: SRSTU (SEARCH STRING UNICODE). Ranges of even and odd byte lengths
 * (an odd one still examines the character that straddles the end address), empty
 * ranges, ranges longer than one execution's CPU-determined amount (looping on CC 3),
 * operands crossing pages and starting at odd addresses, the character at the first,
 * a middle, the last place, straddling the end, just past the end or absent, and junk in
 * GR0 bits 0-31. R2 keeps the CPU-determined progress and is not printed. */
#include "xl_test.h"

STR_TEST_STORAGE

static u32 srstu(u64 gr0, u64 *end, u64 *start)
{
    u32 cc;
    register u64 r0 asm("r0") = gr0;
    register u64 r2 asm("r2") = *end;
    register u64 r4 asm("r4") = *start;
    asm volatile("0: srstu %%r2,%%r4\n\tjo 0b\n\t" GET_CC
                 : "+d"(r2), "+d"(r4), [cc] "=d"(cc) : "d"(r0) : "cc", "memory");
    *end = r2;
    *start = r4;
    return cc;
}

static const u64 lens[] = { 0, 1, 2, 3, 4, 5, 100, 101, 4095, 4096, 4097, 4098, 9000, 9001 };
#define N_LENS (sizeof(lens) / sizeof(lens[0]))
static const u64 chars[] = { 0, 0x4142, 0xffffffff0000feff, 0x12345678000000aa };

int main(void)
{
    for (unsigned g = 0; g < 4; g++) {
        u32 ch = (u32)chars[g] & 0xffff;
        for (unsigned k = 0; k < N_LENS; k++) {
            for (unsigned v = 0; v < 6; v++) {
                u64 n = lens[k];
                u8 *s = n > 4000 ? pg + 7 + (k & 1) : pg + PAGE - 3 - (k & 3);
                fill(pg, PG_SIZE, g * 100 + k * 6 + v);
                for (u64 i = 0; i + 1 < n + 8; i += 2)   /* no stray hits, in either phase */
                    if (ld16(s + i) == ch || ld16(s + i + 1) == ch)
                        s[i] ^= 0x21, s[i + 1] ^= 0x12;
                if (v == 1 && n > 1) st16(s, ch);
                if (v == 2 && n > 1) st16(s + (n / 4) * 2, ch);
                if (v == 3 && n > 1) st16(s + ((n - 2) & ~1UL), ch);
                if (v == 4) st16(s + (n & ~1UL), ch);     /* straddles the end when n is odd */
                if (v == 5) st16(s + n + (n & 1), ch);    /* just past what is examined */
                u64 end = (u64)(s + n), start = (u64)s;
                u32 cc = srstu(chars[g], &end, &start);
                xl_head("srstu", g * 100 + k, v, cc);
                put_off("r2", end);
                put_char('\n');
            }
        }
    }
    rt_exit(0);
}
