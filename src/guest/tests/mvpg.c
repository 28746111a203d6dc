/* MOVE PAGE under DAT: the page moves (CC 0); an invalid source or destination page
 * gives CC 2 or CC 1 with the condition-code option (GR0 bit 55) and nothing moves;
 * without it, a page-translation exception (ILC 4, nullified) with R1 and R2 in the
 * operand-access-id byte at lowcore 162. */
#include "probe.h"

#define VA_SRC  0x40000000UL
#define VA_DST  0x40001000UL
#define VA_BAD  0x40002000UL     /* mapped, then invalidated */

static uint8_t frame_s[4096] __attribute__((aligned(4096)));
static uint8_t frame_d[4096] __attribute__((aligned(4096)));

/* MVPG r4,r6 with GR0 = r0; returns the CC. */
static unsigned mvpg(uint64_t r0, uint64_t d, uint64_t s)
{
    register uint64_t g0 asm("0") = r0;
    register uint64_t rd asm("4") = d;
    register uint64_t rs asm("6") = s;
    unsigned cc;
    asm volatile("mvpg %[d],%[s]\n\tipm %[cc]\n\tsrl %[cc],28"
                 : [cc] "=d"(cc) : [d] "d"(rd), [s] "d"(rs), "d"(g0) : "cc", "memory");
    return cc;
}

static void fill(uint8_t *p, uint8_t seed)
{
    for (int i = 0; i < 4096; i++)
        p[i] = (uint8_t)(seed + i * 3);
}

static void test_moves(uint64_t asce)
{
    fill(frame_s, 1);
    fill(frame_d, 9);
    dat_enable(asce);
    unsigned cc = mvpg(0, VA_DST + 0x123, VA_SRC + 0xfff);
    dat_disable();
    CHECK_EQ(cc, 0, "valid pages: cc 0");
    CHECK(memcmp(frame_d, frame_s, 4096) == 0, "valid pages: the page moved");

    fill(frame_d, 9);
    dat_enable(asce);
    unsigned cc_src = mvpg(0x100, VA_DST, VA_BAD);
    unsigned cc_dst = mvpg(0x100, VA_BAD, VA_SRC);
    dat_disable();
    CHECK_EQ(cc_src, 2, "cco, invalid second-operand page: cc 2");
    CHECK_EQ(cc_dst, 1, "cco, invalid first-operand page: cc 1");
    CHECK(frame_d[5] == (uint8_t)(9 + 15), "cco: nothing moved");
}

static void test_exception(uint64_t asce)
{
    struct pgm_info pi;
    *(volatile uint8_t *)lc_ptr(LC_OP_ACCESS_ID) = 0;
    dat_enable(asce);
    CHECK_PGM(mvpg(0, VA_DST, VA_BAD), PGM_PAGE_TRANS, 4, "invalid second operand, no cco", &pi);
    dat_disable();
    CHECK_EQ(pi.teid & ~0xfffUL, VA_BAD, "teid: the invalid page");
    CHECK_EQ(*(volatile uint8_t *)lc_ptr(LC_OP_ACCESS_ID), 0x46, "lowcore 162: r1 4, r2 6");
    CHECK_PGM(mvpg(0xc00, VA_DST, VA_SRC), PGM_SPECIFICATION, 4, "f and s both on", &pi);
    CHECK_PGM(mvpg(0x1000, VA_DST, VA_SRC), PGM_SPECIFICATION, 4, "gr0 bit 51 on", &pi);
}

int main(void)
{
    dat_reset();
    uint64_t asce = dat_new_space(ASCE_DT_SEGMENT);
    if (!asce || dat_map_image(asce))
        guest_panic("cannot build the address space");
    dat_map_page(asce, VA_SRC, (uint64_t)frame_s, 0);
    dat_map_page(asce, VA_DST, (uint64_t)frame_d, 0);
    dat_map_page(asce, VA_BAD, (uint64_t)frame_d, 0);
    dat_invalidate_page(asce, VA_BAD);
    test_moves(asce);
    test_exception(asce);
    return test_summary();
}
