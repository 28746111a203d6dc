/* DAT at every level: spaces whose ASCE designates a region-first, region-second,
 * region-third or segment table, each mapping a page at an address that needs its top
 * table; then every translation exception (ASCE type, region-first/second/third,
 * segment, page, translation specification) with the code, ILC, old PSW, TEID and
 * exception access id the machine stores. */
#include "probe.h"

#define VA_R1       (1UL << 53)             /* region-first index 1 */
#define VA_R2       (3UL << 42)             /* region-second index 3 */
#define VA_R3       (5UL << 31)             /* region-third index 5: 10 GB */
#define VA_SEG      0x40000000UL            /* segment index 1024 */
#define VA_PAGE     0x40001000UL            /* a page whose PTE is then made invalid */

static uint8_t frame[4096] __attribute__((aligned(4096)));

static const struct { uint64_t dt; uint64_t va; const char *name; } spaces[] = {
    { ASCE_DT_REGION1, VA_R1, "region-first space" },
    { ASCE_DT_REGION2, VA_R2, "region-second space" },
    { ASCE_DT_REGION3, VA_R3, "region-third space" },
    { ASCE_DT_SEGMENT, VA_SEG, "segment-table space" },
};

/* A new space of type dt with the image identity-mapped and 'frame' at va. */
static uint64_t build_space(uint64_t dt, uint64_t va)
{
    dat_reset();
    uint64_t asce = dat_new_space(dt);
    if (!asce || dat_map_image(asce) || dat_map_page(asce, va, (uint64_t)frame, 0))
        guest_panic("cannot build a space of type 0x%lx", dt);
    return asce;
}

/* The region-table entry of va at 'level' (3 first, 2 second, 1 third) in a space
 * whose top table is at least that level. */
static uint64_t *region_entry(uint64_t asce, uint64_t va, int level)
{
    static const unsigned shift[] = { 0, 31, 42, 53 };
    uint64_t *table = (uint64_t *)(asce & ASCE_ORIGIN);
    for (int l = (int)(asce & REGION_ENTRY_TT) >> 2; l > level; l--)
        table = (uint64_t *)(table[(va >> shift[l]) & 0x7ff] & ASCE_ORIGIN);
    return &table[(va >> shift[level]) & 0x7ff];
}

static void test_levels(void)
{
    char name[96];
    struct probe ld, st;
    for (unsigned i = 0; i < sizeof(spaces) / sizeof(spaces[0]); i++) {
        uint64_t asce = build_space(spaces[i].dt, spaces[i].va);
        uint64_t real;
        *(volatile uint64_t *)frame = 0x1000 + i;
        dat_enable(asce);
        probe_load(spaces[i].va, &ld);
        probe_store(spaces[i].va + 8, 0x2000 + i, &st);
        int cc = dat_lra(spaces[i].va + 0x234, &real);
        dat_disable();
        snprintf(name, sizeof(name), "%s: load through the mapped page", spaces[i].name);
        CHECK(ld.code == 0 && ld.val == 0x1000 + i, name);
        snprintf(name, sizeof(name), "%s: store reaches the frame", spaces[i].name);
        CHECK(st.code == 0 && *(volatile uint64_t *)(frame + 8) == 0x2000 + i, name);
        snprintf(name, sizeof(name), "%s: lrag cc 0 and the frame address", spaces[i].name);
        CHECK(cc == 0 && real == (uint64_t)frame + 0x234, name);
    }
}

/* One access expected to fail with a translation exception. */
static void expect_fault(uint64_t asce, uint64_t va, int store, uint16_t code, const char *what)
{
    struct probe p;
    dat_enable(asce);
    if (store)
        probe_store(va, 1, &p);
    else
        probe_load(va, &p);
    dat_disable();
    check_translation_exception(&p, code, va, store, 0, what);
}

static void test_asce_type(void)
{
    uint64_t asce = build_space(ASCE_DT_REGION2, VA_R2);
    expect_fault(asce, VA_R1, 0, PGM_ASCE_TYPE, "region-second space, region-first index 1");
    asce = build_space(ASCE_DT_REGION3, VA_R3);
    expect_fault(asce, VA_R2, 1, PGM_ASCE_TYPE, "region-third space, region-second index 3");
    asce = build_space(ASCE_DT_SEGMENT, VA_SEG);
    expect_fault(asce, VA_R3, 0, PGM_ASCE_TYPE, "segment-table space, 10 GB");
}

/* In a region-first space: an invalid entry at each level, and length violations. */
static void test_invalid_entries(void)
{
    uint64_t asce = build_space(ASCE_DT_REGION1, VA_R1);
    dat_map_page(asce, VA_PAGE, (uint64_t)frame, 0);
    *dat_pte(asce, VA_PAGE) |= PAGE_ENTRY_INVALID;
    dat_purge_tlb();
    expect_fault(asce, 2UL << 53, 0, PGM_REGION1_TRANS, "invalid region-first entry");
    expect_fault(asce, 5UL << 42, 1, PGM_REGION2_TRANS, "invalid region-second entry");
    expect_fault(asce, 7UL << 31, 0, PGM_REGION3_TRANS, "invalid region-third entry");
    expect_fault(asce, 0x50000000UL, 1, PGM_SEGMENT_TRANS, "invalid segment-table entry");
    expect_fault(asce, VA_PAGE + 0x10, 0, PGM_PAGE_TRANS, "invalid page-table entry");
    expect_fault(asce, VA_PAGE + 0x18, 1, PGM_PAGE_TRANS, "store to an invalid page-table entry");
    /* ASCE table length 0: region-first indexes 512 and up are outside the table. */
    expect_fault(asce & ~ASCE_TL_FULL, 1UL << 62, 0, PGM_REGION1_TRANS,
                 "region-first index beyond the asce table length");
    /* Region-first entry 0 with table length 0: region-second indexes from 512 on. */
    *region_entry(asce, 0, 3) &= ~ASCE_TL_FULL;
    dat_purge_tlb();
    expect_fault(asce, 0x600UL << 42, 0, PGM_REGION2_TRANS,
                 "region-second index beyond the region-first entry's table length");
}

/* Translation specification: not nullifying, so the old PSW is after the instruction. */
static void expect_spec(uint64_t asce, uint64_t va, const char *what)
{
    struct probe p;
    char name[96];
    dat_enable(asce);
    probe_load(va, &p);
    dat_disable();
    snprintf(name, sizeof(name), "%s: translation specification", what);
    CHECK_EQ(p.code, PGM_TRANS_SPEC, name);
    snprintf(name, sizeof(name), "%s: ilc 6, old psw after the instruction", what);
    CHECK(p.pi.ilc == 6 && p.pi.old_addr == p.at + 6, name);
}

static void test_translation_specification(void)
{
    uint64_t asce = build_space(ASCE_DT_REGION1, VA_R1);
    dat_map_page(asce, VA_PAGE, (uint64_t)frame, 0x800);          /* PTE bit 52 */
    dat_map_page(asce, 0x60000000UL, (uint64_t)frame, 0);
    *dat_ste(asce, 0x60000000UL) |= 0x4;                            /* STE type 01 */
    *region_entry(asce, VA_R1, 2) = (*region_entry(asce, VA_R1, 2) & ~REGION_ENTRY_TT) | 0x4;
    dat_purge_tlb();
    expect_spec(asce, VA_PAGE, "page-table entry with bit 52 on");
    expect_spec(asce, 0x60000000UL, "segment-table entry with table type 01");
    expect_spec(asce, VA_R1, "region-second entry with table type 01");
}

int main(void)
{
    test_levels();
    test_asce_type();
    test_invalid_entries();
    test_translation_specification();
    return test_summary();
}
