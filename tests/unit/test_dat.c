/* The DAT walker against hand-built tables in a big-endian storage image: every table
 * level, every translation exception and its TEID, protection, EDAT-1 large frames. */
#include <stdlib.h>
#include "unit.h"
#include "zhyp/dat.h"

#define STORE_SIZE (1u << 20)
static uint8_t *store;

static int read_be(void *ctx, uint64_t aa, uint64_t *e)
{
    (void)ctx;
    if (aa > STORE_SIZE - 8)
        return PGM_ADDRESSING;
    *e = ld_be64(store + aa);
    return 0;
}

static const struct dat_tables tables = { read_be, NULL, NULL };

/* Tables at fixed places: R1T 0x10000, R2T 0x14000, R3T 0x18000, ST 0x1c000, PT 0x20000.
 * They map va 0x00000000_00123000 (R1X 0, R2X 0, R3X 0, SX 1, PX 0x23) to page 0x80000. */
#define R1T 0x10000ULL
#define R2T 0x14000ULL
#define R3T 0x18000ULL
#define ST  0x1c000ULL
#define PT  0x20000ULL
#define VA  0x123456ULL

static void put(uint64_t aa, uint64_t v) { st_be64(store + aa, v); }

static void build(void)
{
    memset(store, 0, STORE_SIZE);
    for (uint64_t i = 0; i < 2048; i++) {          /* everything invalid by default */
        put(R1T + 8 * i, RTE_INVALID | 0xc);
        put(R2T + 8 * i, RTE_INVALID | 0x8);
        put(R3T + 8 * i, RTE_INVALID | 0x4);
        put(ST + 8 * i, STE_INVALID);
    }
    for (uint64_t i = 0; i < 256; i++)
        put(PT + 8 * i, PTE_INVALID);
    put(R1T, R2T | 0xc | 3);                       /* R1TE -> R2T, TT=11, TL=3 */
    put(R2T, R3T | 0x8 | 3);                       /* R2TE -> R3T, TT=10 */
    put(R3T, ST | 0x4 | 3);                        /* R3TE -> ST, TT=01 */
    put(ST + 8, PT);                               /* STE for SX 1 */
    put(PT + 8 * 0x23, 0x80000);                   /* PTE for PX 0x23 */
}

struct walk_case {
    const char *what;
    uint64_t asce, va;
    void (*tweak)(void);
    unsigned opts;
    int pgm;
    uint64_t result;                               /* addr on success, TEID on failure */
};

static void ste_invalid(void) { put(ST + 8, PT | STE_INVALID); }
static void pte_invalid(void) { put(PT + 8 * 0x23, 0x80000 | PTE_INVALID); }
static void pte_bit52(void) { put(PT + 8 * 0x23, 0x80000 | PTE_BIT52); }
static void pte_protected(void) { put(PT + 8 * 0x23, 0x80000 | PTE_P); }
static void ste_protected(void) { put(ST + 8, PT | STE_P); }
static void r3te_invalid(void) { put(R3T, ST | 0x4 | 3 | RTE_INVALID); }
static void r3te_short(void) { put(R3T, ST | 0x4 | 0); }  /* TL 0: segment index top bits must be 0 */
static void r3te_wrong_tt(void) { put(R3T, ST | 0x8 | 3); }
static void ste_common(void) { put(ST + 8, PT | STE_CS); }
static void ste_large(void) { put(ST + 8, 0x300000 | STE_FC); }
static void r2te_to_nowhere(void) { put(R2T, 0xfff000 | 0x8 | 3); }
static void r1te_tf(void) { put(R1T, R2T | 0xc | 0x40 | 3); } /* TF 1: R2 index top bits >= 1 */

static const struct walk_case cases[] = {
    { "segment table walk", ST | 0, VA, NULL, 0, 0, 0x80456 },
    { "region-third walk", R3T | ASCE_DT_REGION3 | 3, VA, NULL, 0, 0, 0x80456 },
    { "region-second walk", R2T | ASCE_DT_REGION2 | 3, VA, NULL, 0, 0, 0x80456 },
    { "region-first walk", R1T | ASCE_DT_REGION1 | 3, VA, NULL, 0, 0, 0x80456 },
    { "real space", ASCE_REAL_SPACE, 0x7777777, NULL, 0, 0, 0x7777777 },
    { "segment table covers only 2G", ST, 0x80000000ULL, NULL, 0, PGM_ASCE_TYPE, 0x80000000ULL },
    { "region-third covers only 4T", R3T | ASCE_DT_REGION3 | 3, 1ULL << 42, NULL, 0, PGM_ASCE_TYPE, 1ULL << 42 },
    { "segment invalid", ST, VA, ste_invalid, 0, PGM_SEGMENT_TRANS, 0x123000 },
    { "page invalid (fetch, FSI)", ST, VA, pte_invalid, DAT_FSI, PGM_PAGE_TRANS, 0x123000 | TEID_FETCH },
    { "page invalid (store, secondary)", ST | 0, VA, pte_invalid, DAT_FSI | DAT_STORE, PGM_PAGE_TRANS, 0x123000 | TEID_STORE },
    { "PTE bit 52", ST, VA, pte_bit52, 0, PGM_TRANS_SPEC, 0x123000 },
    { "store to DAT-protected page", ST, VA, pte_protected, DAT_STORE, PGM_PROTECTION, 0x123000 | TEID_DAT_PROT },
    { "fetch from DAT-protected page", ST, VA, pte_protected, 0, 0, 0x80456 },
    { "store under protected segment", ST, VA, ste_protected, DAT_STORE, PGM_PROTECTION, 0x123000 | TEID_DAT_PROT },
    { "region-third entry invalid", R3T | ASCE_DT_REGION3 | 3, VA, r3te_invalid, 0, PGM_REGION_THIRD_TRANS, 0x123000 },
    { "segment index beyond R3TE length", R3T | ASCE_DT_REGION3 | 3, 0x40000000ULL, r3te_short, 0, PGM_SEGMENT_TRANS, 0x40000000ULL },
    { "region-third entry wrong type", R3T | ASCE_DT_REGION3 | 3, VA, r3te_wrong_tt, 0, PGM_TRANS_SPEC, 0x123000 },
    { "segment table length in ASCE", ST | 0, 0x40000000ULL, NULL, 0, PGM_SEGMENT_TRANS, 0x40000000ULL },
    { "common segment in private space", ST | ASCE_PRIVATE, VA, ste_common, 0, PGM_TRANS_SPEC, 0x123000 },
    { "EDAT-1 large frame", ST, VA, ste_large, DAT_EDAT1, 0, 0x323456 },
    { "table outside storage", R2T | ASCE_DT_REGION2 | 3, VA, r2te_to_nowhere, 0, PGM_ADDRESSING, 0x123000 },
    { "region-second index below R1TE offset", R1T | ASCE_DT_REGION1 | 3, VA, r1te_tf, 0, PGM_REGION_SECOND_TRANS, 0x123000 },
};

START_TEST(walker_gives_the_architected_result)
{
    const struct walk_case *k = &cases[_i];
    struct dat_result r;
    struct dat_fault f;
    store = calloc(1, STORE_SIZE);
    build();
    if (k->tweak)
        k->tweak();
    int pgm = dat_translate_va(&tables, k->asce, k->va, k->opts, 0, &r, &f);
    ck_assert_msg(pgm == k->pgm, "%s: pgm %#x, expected %#x", k->what, pgm, k->pgm);
    if (!pgm)
        ck_assert_msg(r.addr == k->result, "%s: addr %#llx", k->what, (unsigned long long)r.addr);
    else
        ck_assert_msg(f.teid == k->result, "%s: teid %#llx", k->what, (unsigned long long)f.teid);
    free(store);
}
END_TEST

START_TEST(large_frame_result_is_absolute_and_page_result_is_real)
{
    struct dat_result r;
    struct dat_fault f;
    store = calloc(1, STORE_SIZE);
    build();
    ck_assert_int_eq(dat_translate_va(&tables, ST, VA, 0, 0, &r, &f), 0);
    ck_assert(!r.absolute);
    ste_large();
    ck_assert_int_eq(dat_translate_va(&tables, ST, VA, DAT_EDAT1, 0, &r, &f), 0);
    ck_assert(r.absolute);
    free(store);
}
END_TEST

START_TEST(asce_id_goes_into_the_teid)
{
    struct dat_result r;
    struct dat_fault f;
    store = calloc(1, STORE_SIZE);
    build();
    pte_invalid();
    ck_assert_int_eq(dat_translate_va(&tables, ST, VA, 0, 3, &r, &f), PGM_PAGE_TRANS);
    ck_assert_uint_eq(f.teid & 3, 3);
    ck_assert_uint_eq(f.entry_aa, PT + 8 * 0x23);
    free(store);
}
END_TEST

START_TEST(prefixing_swaps_the_first_two_pages_with_the_prefix_area)
{
    ck_assert_uint_eq(dat_real_to_abs(0x40000, 0x100), 0x40100);
    ck_assert_uint_eq(dat_real_to_abs(0x40000, 0x41fff), 0x1fff);
    ck_assert_uint_eq(dat_real_to_abs(0x40000, 0x42000), 0x42000);
    ck_assert_uint_eq(dat_real_to_abs(0x40000, 0x2000), 0x2000);
}
END_TEST

UNIT_SUITE(dat_suite)
{
    Suite *s = suite_create("dat");
    TCase *tc = tcase_create("walk");
    tcase_add_loop_test(tc, walker_gives_the_architected_result, 0, ARRAY_SIZE(cases));
    tcase_add_test(tc, large_frame_result_is_absolute_and_page_result_is_real);
    tcase_add_test(tc, asce_id_goes_into_the_teid);
    tcase_add_test(tc, prefixing_swaps_the_first_two_pages_with_the_prefix_area);
    suite_add_tcase(s, tc);
    return s;
}
