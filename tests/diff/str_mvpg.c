/* Differential test: MVPG moves the 4K page R2 designates to the page R1 designates
 * (the low 12 bits of both registers are ignored), sets CC 0 and leaves the registers;
 * with the condition-code option (GR0 bit 55) and both pages valid nothing changes. */
#include "rt.h"

static u8 pages[3][4096] __attribute__((aligned(4096)));

static u32 mvpg(u64 r0, void *d, void *s)
{
    register u64 g0 asm("r0") = r0;
    u64 rd = (u64)d, rs = (u64)s;
    u32 cc;
    asm volatile("mvpg %[d],%[s]\n\tipm %[cc]\n\tsrl %[cc],28"
                 : [cc] "=d"(cc), [d] "+a"(rd), [s] "+a"(rs) : "d"(g0) : "cc", "memory");
    if (rd != (u64)d || rs != (u64)s)
        put_str("registers changed\n");
    return cc;
}

static u64 sum(const u8 *p)
{
    u64 h = 0;
    for (int i = 0; i < 4096; i++)
        h = h * 131 + p[i];
    return h;
}

int main(void)
{
    for (int i = 0; i < 4096; i++) {
        pages[0][i] = (u8)(i * 7);
        pages[1][i] = (u8)(i ^ 0x5a);
    }
    static const struct { u64 r0; int d, s; u64 dlow, slow; } runs[] = {
        { 0, 2, 0, 0, 0 }, { 0x100, 1, 2, 0x123, 0xfff }, { 0xffffffff00000000UL, 0, 1, 8, 0 },
        { 0x100, 2, 2, 0, 0 },
    };
    for (unsigned i = 0; i < sizeof(runs) / sizeof(runs[0]); i++) {
        u32 cc = mvpg(runs[i].r0, pages[runs[i].d] + runs[i].dlow, pages[runs[i].s] + runs[i].slow);
        put_str("mvpg cc=");
        put_hex32(cc);
        for (int p = 0; p < 3; p++) {
            put_char(' ');
            put_hex(sum(pages[p]));
        }
        put_char('\n');
        for (int k = 0; k < 4096; k++)              /* fresh source data for the next move */
            pages[i % 3][k] += (u8)(k + i + 1);
    }
    rt_exit(0);
}
