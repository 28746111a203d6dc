/* Self-modifying code: a CPU sees its own stores into the instruction stream (PoP ch.5
 * "Instruction Fetching"). Routines are copied into a page, run, patched by a plain
 * store, by MVC, from inside their own loop, and through a second virtual address of the
 * same frame with DAT on, and run again: every run must execute the new bytes. */
#include "test.h"

#define VA_EXEC  0x40000000UL       /* the code page, fetched through here */
#define VA_WRITE 0x40001000UL       /* the same frame, stored through here */

static uint8_t code_page[4096] __attribute__((aligned(4096)));

/* LHI 2,imm ; BR 14 */
static const uint8_t ret_imm[] = { 0xa7, 0x28, 0x00, 0x01, 0x07, 0xfe };

/*      LHI  2,0
 * 0:   AHI  2,1          the loop patches this immediate ...
 *      STH  3,6(4)       ... with R3 (R4 = the routine)
 *      BRCT 5,0b
 *      BR   14 */
static const uint8_t self_patch[] = {
    0xa7, 0x28, 0x00, 0x00, 0xa7, 0x2a, 0x00, 0x01, 0x40, 0x30, 0x40, 0x06,
    0xa7, 0x56, 0xff, 0xfc, 0x07, 0xfe,
};

static uint64_t call_at(uint64_t addr, uint64_t r3, uint64_t r4, uint64_t r5)
{
    register uint64_t a1 asm("1") = addr;
    register uint64_t a2 asm("2");
    register uint64_t a3 asm("3") = r3;
    register uint64_t a4 asm("4") = r4;
    register uint64_t a5 asm("5") = r5;
    asm volatile("basr %%r14,%%r1"
                 : "=d"(a2), "+d"(a3), "+d"(a4), "+d"(a5) : "d"(a1) : "r14", "cc", "memory");
    return a2;
}

static void test_plain_store(void)
{
    memcpy(code_page, ret_imm, sizeof(ret_imm));
    CHECK_EQ(call_at((uint64_t)code_page, 0, 0, 0), 1, "routine returns its immediate");
    *(volatile uint16_t *)(code_page + 2) = 2;
    CHECK_EQ(call_at((uint64_t)code_page, 0, 0, 0), 2, "after a halfword store: the new immediate");
    static const uint8_t imm3[] = { 0x00, 0x03 };
    asm volatile("mvc 2(2,%[d]),0(%[s])" : : [d] "a"(code_page), [s] "a"(imm3) : "memory");
    CHECK_EQ(call_at((uint64_t)code_page, 0, 0, 0), 3, "after mvc: the new immediate");
}

static void test_patch_inside_loop(void)
{
    memcpy(code_page + 0x100, self_patch, sizeof(self_patch));
    uint64_t r = call_at((uint64_t)code_page + 0x100, 16, (uint64_t)code_page + 0x100, 3);
    CHECK_EQ(r, 1 + 16 + 16, "loop patching its own add: later passes add the new value");
}

static void test_alias_with_dat(void)
{
    uint64_t asce = dat_new_space(ASCE_DT_SEGMENT);
    CHECK(asce && !dat_map_image(asce), "space with the image identity-mapped");
    CHECK(!dat_map_page(asce, VA_EXEC, (uint64_t)code_page, 0) &&
          !dat_map_page(asce, VA_WRITE, (uint64_t)code_page, 0), "two addresses for the code page");
    memcpy(code_page, ret_imm, sizeof(ret_imm));
    dat_enable(asce);
    uint64_t first = call_at(VA_EXEC, 0, 0, 0);
    *(volatile uint16_t *)(VA_WRITE + 2) = 7;
    uint64_t second = call_at(VA_EXEC, 0, 0, 0);
    dat_disable();
    CHECK_EQ(first, 1, "dat on: routine runs through its address");
    CHECK_EQ(second, 7, "dat on: store through the alias is executed");
}

int main(void)
{
    test_plain_store();
    test_patch_inside_loop();
    test_alias_with_dat();
    return test_summary();
}
