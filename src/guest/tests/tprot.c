/* TEST PROTECTION with access key 0: CC 0 for a writable page, 1 for a DAT-protected page
 * or segment, 3 for addresses without a translation (invalid page-table or segment-
 * table entry, ASCE type), the addressing and translation-specification exceptions it
 * delivers, and real addresses with DAT off. The access key's effect and the
 * privileged-operation exception are checked in keyprot.c (QEMU 7.2 models neither). */
#include "probe.h"

#define VA_RW       0x40000000UL
#define VA_RO       0x40001000UL
#define VA_NOPAGE   0x40002000UL
#define VA_ROSEG    0x40100000UL
#define VA_NOSEG    0x50000000UL
#define VA_BEYOND   0x40003000UL    /* mapped to a frame beyond storage */
#define VA_SPEC     0x40004000UL    /* PTE bit 52 on */

static uint8_t frame[4096] __attribute__((aligned(4096)));

static int tprot(uint64_t addr, uint64_t key)
{
    int cc;
    asm volatile("tprot 0(%[a]),0(%[k])\n\tipm %[cc]\n\tsrl %[cc],28"
                 : [cc] "=d"(cc) : [a] "a"(addr), [k] "a"(key << 4) : "cc", "memory");
    return cc;
}

static uint64_t build_space(void)
{
    uint64_t asce = dat_new_space(ASCE_DT_SEGMENT);
    uint64_t end = sclp_memory_size();
    if (!asce || dat_map_image(asce) ||
        dat_map_page(asce, VA_RW, (uint64_t)frame, 0) ||
        dat_map_page(asce, VA_RO, (uint64_t)frame, PAGE_ENTRY_PROTECT) ||
        dat_map_page(asce, VA_NOPAGE, (uint64_t)frame, PAGE_ENTRY_INVALID) ||
        dat_map_page(asce, VA_ROSEG, (uint64_t)frame, 0) ||
        dat_map_page(asce, VA_BEYOND, end + 0x100000, 0) ||
        dat_map_page(asce, VA_SPEC, (uint64_t)frame, 0x800))
        guest_panic("cannot build the address space");
    *dat_ste(asce, VA_ROSEG) |= SEGMENT_ENTRY_PROTECT;
    return asce;
}

static void test_condition_codes(uint64_t asce)
{
    static const struct { uint64_t va; int cc; const char *name; } cases[] = {
        { VA_RW, 0, "tprot writable page: cc 0" },
        { VA_RW + 0xfff, 0, "tprot last byte of a writable page: cc 0" },
        { VA_RO, 1, "tprot dat-protected page: cc 1" },
        { VA_ROSEG + 0x800, 1, "tprot page in a dat-protected segment: cc 1" },
        { VA_NOPAGE, 3, "tprot invalid page-table entry: cc 3" },
        { VA_NOSEG, 3, "tprot invalid segment-table entry: cc 3" },
        { 1UL << 33, 3, "tprot beyond a segment-table space (asce type): cc 3" },
        { 0x10000, 0, "tprot the image itself: cc 0" },
    };
    int got[sizeof(cases) / sizeof(cases[0])];
    dat_enable(asce);
    for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        got[i] = tprot(cases[i].va, 0);
    dat_disable();
    for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        CHECK_EQ(got[i], cases[i].cc, cases[i].name);
}

static void test_exceptions(uint64_t asce)
{
    struct pgm_info pi;
    uint64_t next;
    dat_enable(asce);
    pgm_expect();
    asm volatile("larl %[n],1f\n\ttprot 0(%[a]),0\n1:" : [n] "=&a"(next) : [a] "a"(VA_BEYOND) : "cc", "memory");
    dat_disable();
    test_check_pgm(&pi, PGM_ADDRESSING, 6, "tprot of a frame beyond storage: addressing");
    CHECK_EQ(pi.old_addr, next, "tprot addressing: old psw after the instruction");

    dat_enable(asce);
    pgm_expect();
    tprot(VA_SPEC, 0);
    dat_disable();
    test_check_pgm(&pi, PGM_TRANS_SPEC, 6, "tprot of a pte with bit 52: translation specification");

    /* DAT off: the operand is a real address. */
    CHECK_EQ(tprot((uint64_t)frame, 0), 0, "tprot real address with dat off: cc 0");
    pgm_expect();
    tprot(sclp_memory_size(), 0);
    test_check_pgm(&pi, PGM_ADDRESSING, 6, "tprot real address beyond storage: addressing");
    /* TPROT in the problem state is left to keyprot.c: QEMU 7.2 does not treat it as
     * privileged (docs/testing.md). */
}

int main(void)
{
    uint64_t asce = build_space();
    test_condition_codes(asce);
    test_exceptions(asce);
    return test_summary();
}
