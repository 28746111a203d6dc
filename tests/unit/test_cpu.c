/* Run-loop and interruption behaviour on the unit fixture, instruction bytes inline
 * with their mnemonics (table-driven where the shape repeats). */
#include "unit.h"
#include "fixture.h"
#include "zhyp/mem.h"

/* AR/AHI condition codes: a table of {r1, r2, result, cc}. */
static const struct { uint32_t a, b, r; unsigned cc; } ar_cases[] = {
    { 0, 0, 0, 0 }, { 1, 0xffffffff, 0, 0 }, { 0x7fffffff, 1, 0x80000000, 3 },
    { 0x80000000, 0xffffffff, 0x7fffffff, 3 }, { 5, 0xfffffff0, 0xfffffff5, 1 }, { 2, 3, 5, 2 },
};

START_TEST(ar_sets_sum_and_condition_code)
{
    static const uint8_t code[] = { 0x1a, 0x12 };            /* AR 1,2 */
    struct fx *f = fx_new(code, sizeof(code));
    f->cpu.gr[1] = 0xaaaaaaaa00000000ULL | ar_cases[_i].a;
    f->cpu.gr[2] = ar_cases[_i].b;
    ck_assert_int_eq(fx_run(f, 1), CPU_EXIT_BUDGET);
    ck_assert_uint_eq(f->cpu.gr[1], 0xaaaaaaaa00000000ULL | ar_cases[_i].r);
    ck_assert_uint_eq(f->cpu.cc, ar_cases[_i].cc);
    ck_assert_uint_eq(f->cpu.psw.addr, CODE_VA + 2);
    fx_free(f);
}
END_TEST

START_TEST(ahi_overflow_with_mask_on_raises_pgm_8_after_storing)
{
    static const uint8_t code[] = { 0xa7, 0x1a, 0x00, 0x01 }; /* AHI 1,1 */
    struct fx *f = fx_new(code, sizeof(code));
    cpu_set_psw(&f->cpu, cpu_psw_mask(&f->cpu) | ((uint64_t)PM_FIXOVF << PSW_SHIFT_PM), CODE_VA);
    f->cpu.gr[1] = 0x7fffffff;
    ck_assert_int_eq(fx_run(f, 1), CPU_EXIT_PGM);
    ck_assert_int_eq(f->cpu.pgm_code, PGM_FIXPOINT_OVERFLOW);
    ck_assert_uint_eq(f->cpu.gr[1], 0x80000000);
    ck_assert_uint_eq(f->cpu.psw.addr, CODE_VA + 4);        /* completed: PSW after the AHI */
    fx_free(f);
}
END_TEST

START_TEST(unassigned_opcode_raises_operation_exception)
{
    static const uint8_t code[] = { 0x00, 0x00 };            /* unassigned */
    struct fx *f = fx_new(code, sizeof(code));
    ck_assert_int_eq(fx_run(f, 1), CPU_EXIT_PGM);
    ck_assert_int_eq(f->cpu.pgm_code, PGM_OPERATION);
    ck_assert_uint_eq(f->cpu.pgm_ia, CODE_VA);
    ck_assert_uint_eq(f->cpu.psw.addr, CODE_VA + 2);
    fx_free(f);
}
END_TEST

START_TEST(odd_instruction_address_raises_specification_exception)
{
    static const uint8_t code[] = { 0x07, 0x00 };
    struct fx *f = fx_new(code, sizeof(code));
    f->cpu.psw.addr = CODE_VA + 1;
    ck_assert_int_eq(fx_run(f, 1), CPU_EXIT_PGM);
    ck_assert_int_eq(f->cpu.pgm_code, PGM_SPECIFICATION);
    fx_free(f);
}
END_TEST

START_TEST(fetch_from_unmapped_page_raises_page_translation_nullified)
{
    static const uint8_t code[] = { 0x07, 0x00 };
    struct fx *f = fx_new(code, sizeof(code));
    f->cpu.psw.addr = 0x900000;
    ck_assert_int_eq(fx_run(f, 1), CPU_EXIT_PGM);
    ck_assert_int_eq(f->cpu.pgm_code, PGM_PAGE_TRANS);
    ck_assert_uint_eq(f->cpu.psw.addr, 0x900000);
    fx_free(f);
}
END_TEST

START_TEST(instruction_crossing_a_page_boundary_executes)
{
    struct fx *f = fx_new((const uint8_t[]){ 0 }, 1);
    static const uint8_t ahi[] = { 0xa7, 0x1a, 0x00, 0x05 }; /* AHI 1,5 at 0x10ffe */
    ck_assert_int_eq(uspace_write(&f->us, CODE_VA + 0xffe, ahi, 4), 0);
    f->cpu.psw.addr = CODE_VA + 0xffe;
    ck_assert_int_eq(fx_run(f, 1), CPU_EXIT_BUDGET);
    ck_assert_uint_eq(f->cpu.gr[1], 5);
    ck_assert_uint_eq(f->cpu.psw.addr, CODE_VA + 0x1002);
    fx_free(f);
}
END_TEST

START_TEST(store_to_read_only_page_raises_protection_and_stores_nothing)
{
    struct fx *f = fx_new((const uint8_t[]){ 0 }, 1);
    uint8_t out[8] = { 1, 2, 3, 4, 5, 6, 7, 8 }, back[8];
    int pgm = mem_write_slow(&f->cpu, CODE_VA + 0x1ffc, out, 8);   /* crosses into nothing */
    ck_assert_int_eq(pgm, PGM_PROTECTION);
    ck_assert_int_eq(uspace_read(&f->us, CODE_VA + 0x1ffc, back, 4), 0);
    ck_assert_int_eq(back[0], 0);
    fx_free(f);
}
END_TEST

START_TEST(store_crossing_into_an_unmapped_page_changes_nothing)
{
    struct fx *f = fx_new((const uint8_t[]){ 0 }, 1);
    uint8_t out[8] = { 1, 2, 3, 4, 5, 6, 7, 8 }, back[4];
    ck_assert_int_eq(mem_write_slow(&f->cpu, DATA_VA + 0xffc, out, 8), PGM_PAGE_TRANS);
    ck_assert_uint_eq(f->cpu.fault.teid & ~0xfffULL, DATA_VA + 0x1000);
    ck_assert_int_eq(uspace_read(&f->us, DATA_VA + 0xffc, back, 4), 0);
    ck_assert_int_eq(back[0] | back[1] | back[2] | back[3], 0);
    fx_free(f);
}
END_TEST

START_TEST(tlb_hit_and_miss_paths_read_the_same_bytes)
{
    struct fx *f = fx_new((const uint8_t[]){ 0 }, 1);
    static const uint8_t pat[8] = { 0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef };
    uint64_t v1, v2;
    ck_assert_int_eq(uspace_write(&f->us, DATA_VA + 8, pat, 8), 0);
    ck_assert_int_eq(mem_read64_va(&f->cpu, DATA_VA + 8, &v1), 0);   /* miss, refill */
    ck_assert_int_eq(mem_read64_va(&f->cpu, DATA_VA + 8, &v2), 0);   /* hit */
    ck_assert_uint_eq(v1, 0x0123456789abcdefULL);
    ck_assert_uint_eq(v2, v1);
    ck_assert_int_eq(mem_write32_va(&f->cpu, DATA_VA + 8, 0xdeadbeef), 0);
    ck_assert_int_eq(mem_read64_va(&f->cpu, DATA_VA + 8, &v2), 0);
    ck_assert_uint_eq(v2, 0xdeadbeef89abcdefULL);
    fx_free(f);
}
END_TEST

/* The fast loop probes the TLB with addresses not wrapped to the addressing mode
 * (xop_fast.c x_ea_tlb), so a mode change must not leave entries of the old mode: here
 * 64-bit mode fills the entries of page index 0x20 with a page above 4G, and after SAM31
 * the same base register wraps to DATA_VA, whose page has the same index. */
START_TEST(sam31_does_not_reuse_tlb_entries_of_64_bit_pages)
{
    static const uint8_t code[] = {
        0x58, 0x20, 0x50, 0x00,              /* 0: L 2,0(5) */
        0x50, 0x20, 0x50, 0x04,              /* 4: ST 2,4(5) */
        0x01, 0x0d,                          /* 8: SAM31 */
        0x58, 0x30, 0x50, 0x00,              /* a: L 3,0(5) */
        0x50, 0x30, 0x50, 0x08,              /* e: ST 3,8(5) */
    };
    const uint64_t high = 0x100000000ULL + DATA_VA;
    static const uint8_t hi_word[4] = { 0x11, 0x11, 0x11, 0x11 }, lo_word[4] = { 0x22, 0x22, 0x22, 0x22 };
    uint8_t back[12];
    struct fx *f = fx_new(code, sizeof(code));
    ck_assert_int_eq(uspace_map(&f->us, high, PAGE_SIZE_4K, UPROT_R | UPROT_W), 0);
    ck_assert_int_eq(uspace_write(&f->us, high, hi_word, 4), 0);
    ck_assert_int_eq(uspace_write(&f->us, DATA_VA, lo_word, 4), 0);
    f->cpu.gr[5] = high;
    ck_assert_int_eq(fx_run(f, 5), CPU_EXIT_BUDGET);
    ck_assert_uint_eq(f->cpu.gr[2], 0x11111111);
    ck_assert_uint_eq(f->cpu.gr[3], 0x22222222);
    ck_assert_int_eq(uspace_read(&f->us, DATA_VA, back, 12), 0);
    ck_assert_int_eq(back[8], 0x22);                         /* the 31-bit ST: DATA_VA + 8 */
    ck_assert_int_eq(uspace_read(&f->us, high, back, 12), 0);
    ck_assert_int_eq(back[4], 0x11);                         /* the 64-bit ST */
    ck_assert_int_eq(back[8], 0);
    fx_free(f);
}
END_TEST

UNIT_SUITE(cpu_suite)
{
    Suite *s = suite_create("cpu");
    TCase *tc = tcase_create("run_loop");
    tcase_add_loop_test(tc, ar_sets_sum_and_condition_code, 0, ARRAY_SIZE(ar_cases));
    tcase_add_test(tc, ahi_overflow_with_mask_on_raises_pgm_8_after_storing);
    tcase_add_test(tc, unassigned_opcode_raises_operation_exception);
    tcase_add_test(tc, odd_instruction_address_raises_specification_exception);
    tcase_add_test(tc, fetch_from_unmapped_page_raises_page_translation_nullified);
    tcase_add_test(tc, instruction_crossing_a_page_boundary_executes);
    suite_add_tcase(s, tc);
    TCase *mem = tcase_create("memory");
    tcase_add_test(mem, store_to_read_only_page_raises_protection_and_stores_nothing);
    tcase_add_test(mem, store_crossing_into_an_unmapped_page_changes_nothing);
    tcase_add_test(mem, tlb_hit_and_miss_paths_read_the_same_bytes);
    tcase_add_test(mem, sam31_does_not_reuse_tlb_entries_of_64_bit_pages);
    suite_add_tcase(s, mem);
    return s;
}
