/* Real-address operands: LURA, LURAG, STURA and STURG bypass DAT (a page mapped
 * elsewhere is read and written at its real address), are prefixed, keep bits 0-31 of
 * R1 for the 32-bit forms, and raise addressing, low-address protection and
 * privileged-operation exceptions. */
#include "test.h"

static uint8_t frame_a[4096] __attribute__((aligned(4096)));
static uint8_t frame_b[4096] __attribute__((aligned(4096)));
static uint8_t prefix_area[8192] __attribute__((aligned(8192)));

static uint64_t lura(uint64_t ra, uint64_t r1)
{
    asm volatile("lura %[r],%[a]" : [r] "+d"(r1) : [a] "a"(ra) : "memory");
    return r1;
}

static uint64_t lurag(uint64_t ra)
{
    uint64_t r1;
    asm volatile("lurag %[r],%[a]" : [r] "=d"(r1) : [a] "a"(ra) : "memory");
    return r1;
}

static void stura(uint64_t v, uint64_t ra)
{
    asm volatile("stura %[v],%[a]" : : [v] "d"(v), [a] "a"(ra) : "memory");
}

static void sturg(uint64_t v, uint64_t ra)
{
    asm volatile("sturg %[v],%[a]" : : [v] "d"(v), [a] "a"(ra) : "memory");
}

static void spx(uint32_t prefix)
{
    asm volatile("spx %[p]" : : [p] "Q"(prefix) : "memory");
}

/* With DAT on, the virtual address of frame_b leads to frame_a; the real-address
 * instructions still reach frame_b. */
static void test_bypass_dat(void)
{
    uint64_t asce = dat_new_space(ASCE_DT_SEGMENT);
    if (!asce || dat_map_image(asce) || dat_map_page(asce, (uint64_t)frame_b, (uint64_t)frame_a, 0))
        guest_panic("cannot build the address space");
    *(volatile uint64_t *)frame_a = 0xa0a0a0a0a1a1a1a1UL;
    *(volatile uint64_t *)frame_b = 0xb0b0b0b0b1b1b1b1UL;
    uint64_t b = (uint64_t)frame_b;
    dat_enable(asce);
    uint64_t virt = *(volatile uint64_t *)frame_b;
    uint64_t w = lura(b + 4, 0x1234567800000000UL);
    uint64_t d = lurag(b);
    stura(0xc0c0c0c0c1c1c1c1UL, b + 8);
    sturg(0xd0d0d0d0d1d1d1d1UL, b + 16);
    dat_disable();
    CHECK_EQ(virt, 0xa0a0a0a0a1a1a1a1UL, "a load through dat reaches frame a");
    CHECK_EQ(w, 0x12345678b1b1b1b1UL, "lura: the real word, bits 0-31 of r1 kept");
    CHECK_EQ(d, 0xb0b0b0b0b1b1b1b1UL, "lurag: the real doubleword");
    CHECK_EQ(*(volatile uint64_t *)(frame_b + 8), 0xc1c1c1c100000000UL, "stura stores bits 32-63 of r1");
    CHECK_EQ(*(volatile uint64_t *)(frame_b + 16), 0xd0d0d0d0d1d1d1d1UL, "sturg stores r1");
    CHECK_EQ(*(volatile uint64_t *)(frame_a + 8), 0, "frame a untouched by stura");
}

/* Under prefix P, real 0-8K is absolute P.. and real P.. is absolute 0-8K. Nothing is
 * printed while the prefix is moved: the console needs no lowcore, but interruption
 * handlers would find the copy. */
static void test_prefixing(void)
{
    uint64_t p = (uint64_t)prefix_area;
    memcpy(prefix_area, (void *)lc_ptr(0), sizeof(prefix_area));
    *(volatile uint64_t *)lc_ptr(0x1f08) = 0x0102030405060708UL;
    spx((uint32_t)p);
    sturg(0x1111222233334444UL, 0x1f00);
    uint64_t low = lurag(p + 0x1f08);
    spx(0);
    CHECK_EQ(*(volatile uint64_t *)(prefix_area + 0x1f00), 0x1111222233334444UL,
             "sturg to real 0x1f00 under a prefix lands in the prefix area");
    CHECK_EQ(low, 0x0102030405060708UL, "lurag of real prefix+0x1f08 reads absolute 0x1f08");
}

static void test_exceptions(void)
{
    struct pgm_info pi;
    uint64_t b = (uint64_t)frame_b, r = 0;
    /* Unaligned operands (specification) are checked in priv_arch.c: QEMU 7.2 accepts
     * them (docs/testing.md). */
    CHECK_PGM(r = lura(sclp_memory_size(), 7), PGM_ADDRESSING, 4, "lura beyond storage: addressing", &pi);
    CHECK_PGM(sturg(1, sclp_memory_size() + 8), PGM_ADDRESSING, 4, "sturg beyond storage: addressing", &pi);
    (void)r;

    uint64_t old = *(volatile uint64_t *)lc_ptr(0x1f0);
    ctl_set_bits(0, CR0_LOW_ADDR_PROT);
    CHECK_PGM(sturg(0x5555, 0x1f0), PGM_PROTECTION, 4, "sturg to real 0x1f0 with low-address protection", &pi);
    ctl_clear_bits(0, CR0_LOW_ADDR_PROT);
    CHECK_EQ(*(volatile uint64_t *)lc_ptr(0x1f0), old, "low-address protection: nothing stored");

    pgm_expect();
    pstate_enter();
    lura(b, 0);
    pstate_leave();
    test_check_pgm(&pi, PGM_PRIVILEGED_OP, 4, "lura in the problem state: privileged operation");
    pgm_expect();
    pstate_enter();
    sturg(9, b);
    pstate_leave();
    test_check_pgm(&pi, PGM_PRIVILEGED_OP, 4, "sturg in the problem state: privileged operation");
}

int main(void)
{
    test_bypass_dat();
    test_prefixing();
    test_exceptions();
    return test_summary();
}
