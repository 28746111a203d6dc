/* Invalidation and TLB purging: IPTE makes the next access to the page fault; PTLB makes
 * an entry changed in place take effect; IDTE invalidates one or several segment- or
 * region-table entries (and only those), leaves them alone in its clearing-only form,
 * and checks its operands. */
#include "probe.h"

#define VA_A        0x40000000UL
#define VA_B        0x40001000UL
#define VA_SEG(n)   (0x50000000UL + ((uint64_t)(n) << 20))
#define VA_R1       (1UL << 53)

static uint8_t frame_a[4096] __attribute__((aligned(4096)));
static uint8_t frame_b[4096] __attribute__((aligned(4096)));

static void idte(uint64_t table, uint64_t asce, uint64_t index)
{
    asm volatile("idte %[t],%[a],%[i]" : : [t] "a"(table), [a] "a"(asce), [i] "a"(index) : "memory");
}

static uint64_t new_space(uint64_t dt)
{
    dat_reset();
    uint64_t asce = dat_new_space(dt);
    if (!asce || dat_map_image(asce))
        guest_panic("cannot build a space of type 0x%lx", dt);
    return asce;
}

/* Load from va with DAT on under asce; the interruption code (0 if none). */
static uint16_t load_code(uint64_t asce, uint64_t va, uint64_t *val)
{
    struct probe p;
    dat_enable(asce);
    probe_load(va, &p);
    dat_disable();
    if (val)
        *val = p.val;
    return p.code;
}

static void test_ipte_ptlb(void)
{
    uint64_t asce = new_space(ASCE_DT_SEGMENT), v;
    *(volatile uint64_t *)frame_a = 0xaaaa;
    *(volatile uint64_t *)frame_b = 0xbbbb;
    dat_map_page(asce, VA_A, (uint64_t)frame_a, 0);
    dat_map_page(asce, VA_B, (uint64_t)frame_a, 0);
    CHECK(load_code(asce, VA_A, &v) == 0 && v == 0xaaaa, "mapped page loads before ipte");
    dat_invalidate_page(asce, VA_A);
    CHECK_EQ(load_code(asce, VA_A, 0), PGM_PAGE_TRANS, "after ipte: page translation");
    CHECK(*dat_pte(asce, VA_A) & PAGE_ENTRY_INVALID, "ipte sets the pte's invalid bit");
    CHECK(load_code(asce, VA_B, &v) == 0 && v == 0xaaaa, "ipte leaves the neighbouring page");

    /* The PTE is changed in place; after PTLB the new frame is used. */
    *dat_pte(asce, VA_B) = (uint64_t)frame_b;
    dat_purge_tlb();
    CHECK(load_code(asce, VA_B, &v) == 0 && v == 0xbbbb, "after ptlb: the new frame");
}

static void test_idte_segments(void)
{
    uint64_t asce = new_space(ASCE_DT_SEGMENT), v;
    char name[64];
    for (int n = 0; n < 4; n++)
        dat_map_page(asce, VA_SEG(n), (uint64_t)frame_a, 0);
    CHECK(load_code(asce, VA_SEG(1), &v) == 0 && v == 0xaaaa, "segment 1 loads before idte");
    /* Segment table of the space, entries 1 and 2 (one additional entry). */
    idte(asce & ASCE_ORIGIN, asce, VA_SEG(1) | 1);
    static const uint16_t want[4] = { 0, PGM_SEGMENT_TRANS, PGM_SEGMENT_TRANS, 0 };
    for (int n = 0; n < 4; n++) {
        snprintf(name, sizeof(name), "idte of entries 1-2: segment %d", n);
        CHECK_EQ(load_code(asce, VA_SEG(n), 0), want[n], name);
        snprintf(name, sizeof(name), "idte of entries 1-2: invalid bit of entry %d", n);
        CHECK_EQ(*dat_ste(asce, VA_SEG(n)) & SEGMENT_ENTRY_INVALID, want[n] ? 0x20 : 0, name);
    }

    /* Bit 52 of R2: clearing only, no entry changes. */
    uint64_t before = *dat_ste(asce, VA_SEG(3));
    idte(asce & ASCE_ORIGIN, asce, VA_SEG(3) | 0x800);
    CHECK_EQ(*dat_ste(asce, VA_SEG(3)), before, "idte clearing only: entry unchanged");
    CHECK_EQ(load_code(asce, VA_SEG(3), 0), 0, "idte clearing only: segment still loads");

    struct pgm_info pi;
    CHECK_PGM(idte(asce & ASCE_ORIGIN, asce, VA_SEG(3) | 0x1000), PGM_SPECIFICATION, 4,
              "idte with r2 bits 44-51 nonzero: specification", &pi);
    CHECK_EQ(*dat_ste(asce, VA_SEG(3)), before, "idte specification: entry unchanged");
    pgm_expect();
    pstate_enter();
    idte(asce & ASCE_ORIGIN, asce, VA_SEG(3));
    pstate_leave();
    test_check_pgm(&pi, PGM_PRIVILEGED_OP, 4, "idte in the problem state: privileged operation");
    CHECK_EQ(*dat_ste(asce, VA_SEG(3)), before, "idte privileged operation: entry unchanged");
}

/* The region-table entry of va at 'level' (3 first, 2 second, 1 third). */
static uint64_t *region_entry(uint64_t asce, uint64_t va, int level)
{
    static const unsigned shift[] = { 0, 31, 42, 53 };
    uint64_t *table = (uint64_t *)(asce & ASCE_ORIGIN);
    for (int l = (int)(asce & REGION_ENTRY_TT) >> 2; l > level; l--)
        table = (uint64_t *)(table[(va >> shift[l]) & 0x7ff] & ASCE_ORIGIN);
    return &table[(va >> shift[level]) & 0x7ff];
}

static void test_idte_regions(void)
{
    static const struct { int level; uint16_t code; const char *name; } cases[] = {
        { 1, PGM_REGION3_TRANS, "idte of a region-third entry: region-third translation" },
        { 2, PGM_REGION2_TRANS, "idte of a region-second entry: region-second translation" },
        { 3, PGM_REGION1_TRANS, "idte of a region-first entry: region-first translation" },
    };
    for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        uint64_t asce = new_space(ASCE_DT_REGION1);
        dat_map_page(asce, VA_R1, (uint64_t)frame_a, 0);
        uint64_t *e = region_entry(asce, VA_R1, cases[i].level);
        static const unsigned shift[] = { 0, 31, 42, 53 };
        uint64_t index = (VA_R1 >> shift[cases[i].level]) & 0x7ff;
        uint64_t table = ((uint64_t)e - 8 * index) | (uint64_t)(cases[i].level << 2);
        CHECK_EQ(load_code(asce, VA_R1, 0), 0, "region path loads before idte");
        idte(table, asce, VA_R1);
        CHECK_EQ(load_code(asce, VA_R1, 0), cases[i].code, cases[i].name);
        CHECK(*e & REGION_ENTRY_INVALID, "idte sets the region entry's invalid bit");
        CHECK_EQ(load_code(asce, 0x10000, 0), 0, "the image's region path is untouched");
    }
}

int main(void)
{
    test_ipte_ptlb();
    test_idte_segments();
    test_idte_regions();
    return test_summary();
}
