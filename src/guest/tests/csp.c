/* COMPARE AND SWAP AND PURGE, 32 and 64 bits: CC and registers for equal and unequal
 * comparisons, the ignored rightmost bits of R2, a logical operand under DAT, the TLB
 * purge requested by bit 63 of R2 (a page-table entry changed in place takes effect),
 * and the specification and privileged-operation exceptions. */
#include "test.h"

#define VA_W        0x40000000UL    /* frame_a, then frame_b after the purge */

static uint8_t frame_a[4096] __attribute__((aligned(4096)));
static uint8_t frame_b[4096] __attribute__((aligned(4096)));

/* CSP with the even/odd pair GR2/GR3; returns the CC, *r2 gets GR2 afterwards. */
static int csp(uint64_t *r2, uint64_t repl, uint64_t addr)
{
    register uint64_t g2 asm("2") = *r2;
    register uint64_t g3 asm("3") = repl;
    int cc;
    asm volatile("csp %%r2,%[a]\n\tipm %[cc]\n\tsrl %[cc],28"
                 : [cc] "=d"(cc), "+d"(g2) : "d"(g3), [a] "a"(addr) : "cc", "memory");
    *r2 = g2;
    return cc;
}

static int cspg(uint64_t *r2, uint64_t repl, uint64_t addr)
{
    register uint64_t g2 asm("2") = *r2;
    register uint64_t g3 asm("3") = repl;
    int cc;
    asm volatile("cspg %%r2,%[a]\n\tipm %[cc]\n\tsrl %[cc],28"
                 : [cc] "=d"(cc), "+d"(g2) : "d"(g3), [a] "a"(addr) : "cc", "memory");
    *r2 = g2;
    return cc;
}

static void test_compare_and_swap(void)
{
    volatile uint32_t *w = (volatile uint32_t *)(frame_a + 64);
    volatile uint64_t *d = (volatile uint64_t *)(frame_a + 128);
    /* Bits 0-31 of R1 and R1+1 stay zero for CSP, CSPG values fit in 32 bits: QEMU 7.2
     * sets CC 1 after a successful swap otherwise (docs/testing.md; priv_arch.c). */
    uint64_t r2 = 5;
    *w = 5;
    CHECK_EQ(csp(&r2, 9, (uint64_t)w), 0, "csp equal: cc 0");
    CHECK_EQ(*w, 9, "csp equal: bits 32-63 of r1+1 stored");
    CHECK_EQ(r2, 5, "csp equal: r1 unchanged");
    r2 = 0xffffffff00000005UL;
    CHECK_EQ(csp(&r2, 7, (uint64_t)w + 3), 1, "csp unequal (r2 bits 62-63 ignored): cc 1");
    CHECK_EQ(r2, 0xffffffff00000009UL, "csp unequal: operand into bits 32-63 of r1, 0-31 kept");
    CHECK_EQ(*w, 9, "csp unequal: storage unchanged");

    *d = 0x55667788UL;
    r2 = 0x55667788UL;
    CHECK_EQ(cspg(&r2, 0x99, (uint64_t)d + 7), 0, "cspg equal (r2 bits 61-63 ignored): cc 0");
    CHECK_EQ(*d, 0x99, "cspg equal: r1+1 stored");
    CHECK_EQ(cspg(&r2, 0x55, (uint64_t)d), 1, "cspg unequal: cc 1");
    CHECK_EQ(r2, 0x99, "cspg unequal: operand into r1");
}

/* A load in a function of its own: the branch ends QEMU's translation block, after
 * which its TLB purge has taken effect (QEMU 7.2 purges only at the end of the block;
 * priv_arch.c checks the load right after the CSP on zhyp). */
static __attribute__((noinline)) uint64_t load(uint64_t va)
{
    return *(volatile uint64_t *)va;
}

/* Under DAT, CSP's operand is logical; with bit 63 of R2 the purge makes an entry
 * changed in place take effect. The purging CSP works on a word whose translation does
 * not change, so its comparison is equal whatever the TLB holds. */
static void test_purge(void)
{
    uint64_t asce = dat_new_space(ASCE_DT_SEGMENT);
    if (!asce || dat_map_image(asce) || dat_map_page(asce, VA_W, (uint64_t)frame_a, 0))
        guest_panic("cannot build the address space");
    static volatile uint32_t lock;
    *(volatile uint64_t *)frame_a = 1;
    *(volatile uint64_t *)frame_b = 2;
    lock = 0;
    uint64_t r2 = 1, w = 0, before, after;
    dat_enable(asce);
    int cc = cspg(&r2, 3, VA_W);
    before = *(volatile uint64_t *)VA_W;
    *dat_pte(asce, VA_W) = (uint64_t)frame_b;           /* changed in place, no IPTE */
    int cc2 = csp(&w, 1, (uint64_t)&lock | 1);
    after = load(VA_W);
    dat_disable();
    CHECK(cc == 0 && *(volatile uint64_t *)frame_a == 3, "cspg through dat updates the mapped frame");
    CHECK_EQ(before, 3, "load through dat sees the swap");
    CHECK(cc2 == 0 && lock == 1, "csp with the purge bit: equal, stored");
    CHECK_EQ(after, 2, "after the purge: loads reach the new frame");
}

static void test_exceptions(void)
{
    struct pgm_info pi;
    uint64_t a = (uint64_t)frame_a;
    CHECK_PGM(asm volatile(".insn rre,0xb2500000,%%r3,%[a]" : : [a] "a"(a) : "r3", "r4", "cc", "memory"),
              PGM_SPECIFICATION, 4, "csp with odd r1: specification", &pi);
    CHECK_PGM(asm volatile(".insn rre,0xb98a0000,%%r5,%[a]" : : [a] "a"(a) : "r5", "r6", "cc", "memory"),
              PGM_SPECIFICATION, 4, "cspg with odd r1: specification", &pi);
    uint64_t r2 = 0;
    pgm_expect();
    pstate_enter();
    csp(&r2, 0, a);
    pstate_leave();
    test_check_pgm(&pi, PGM_PRIVILEGED_OP, 4, "csp in the problem state: privileged operation");
}

int main(void)
{
    test_compare_and_swap();
    test_purge();
    test_exceptions();
    return test_summary();
}
