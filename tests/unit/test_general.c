/* Architected results where qemu-s390x 7.2 differs from the Principles of Operation, so
 * the differential tests cannot check them (docs/testing.md). Bytes inline with mnemonics. */
#include "unit.h"
#include "fixture.h"
#include "zhyp/mem.h"

START_TEST(stmh_stores_the_high_halves_of_the_registers)
{
    static const uint8_t code[] = { 0xeb, 0x12, 0x30, 0x00, 0x00, 0x26 }; /* STMH 1,2,0(3) */
    struct fx *f = fx_new(code, sizeof(code));
    uint8_t out[8];
    f->cpu.gr[1] = 0x11111111aaaaaaaaULL;
    f->cpu.gr[2] = 0x22222222bbbbbbbbULL;
    f->cpu.gr[3] = DATA_VA;
    ck_assert_int_eq(fx_run(f, 1), CPU_EXIT_BUDGET);
    ck_assert_int_eq(uspace_read(&f->us, DATA_VA, out, 8), 0);
    ck_assert_uint_eq(ld_be32(out), 0x11111111);
    ck_assert_uint_eq(ld_be32(out + 4), 0x22222222);
    fx_free(f);
}
END_TEST

START_TEST(la_in_31_bit_mode_keeps_bits_0_to_31_of_r1)
{
    static const uint8_t code[] = { 0x41, 0x10, 0x20, 0x10 };             /* LA 1,16(2) */
    struct fx *f = fx_new(code, sizeof(code));
    cpu_set_psw(&f->cpu, PSW_MASK_PSTATE | PSW_MASK_BA, CODE_VA);
    f->cpu.gr[1] = 0xdeadbeef00000000ULL;
    f->cpu.gr[2] = 0x123456787ffffff8ULL;                                 /* wraps at 2G */
    ck_assert_int_eq(fx_run(f, 1), CPU_EXIT_BUDGET);
    ck_assert_uint_eq(f->cpu.gr[1], 0xdeadbeef00000008ULL);
    fx_free(f);
}
END_TEST

START_TEST(la_in_24_bit_mode_clears_bits_32_to_39)
{
    static const uint8_t code[] = { 0x41, 0x10, 0x20, 0x00 };             /* LA 1,0(2) */
    struct fx *f = fx_new(code, sizeof(code));
    cpu_set_psw(&f->cpu, PSW_MASK_PSTATE, CODE_VA);
    f->cpu.gr[1] = 0xdeadbeefffffffffULL;
    f->cpu.gr[2] = 0xff123456;
    ck_assert_int_eq(fx_run(f, 1), CPU_EXIT_BUDGET);
    ck_assert_uint_eq(f->cpu.gr[1], 0xdeadbeef00123456ULL);
    fx_free(f);
}
END_TEST

START_TEST(lrl_to_a_misaligned_word_is_a_specification_exception)
{
    static const uint8_t code[] = { 0xc4, 0x1d, 0x00, 0x00, 0x08, 0x01 }; /* LRL 1,.+0x1002 */
    struct fx *f = fx_new(code, sizeof(code));
    f->cpu.gr[1] = 7;
    ck_assert_int_eq(fx_run(f, 1), CPU_EXIT_PGM);
    ck_assert_int_eq(f->cpu.pgm_code, PGM_SPECIFICATION);
    ck_assert_uint_eq(f->cpu.gr[1], 7);
    fx_free(f);
}
END_TEST

UNIT_SUITE(general_suite)
{
    Suite *s = suite_create("general");
    TCase *tc = tcase_create("pop_not_qemu");
    tcase_add_test(tc, stmh_stores_the_high_halves_of_the_registers);
    tcase_add_test(tc, la_in_31_bit_mode_keeps_bits_0_to_31_of_r1);
    tcase_add_test(tc, la_in_24_bit_mode_clears_bits_32_to_39);
    tcase_add_test(tc, lrl_to_a_misaligned_word_is_a_specification_exception);
    suite_add_tcase(s, tc);
    return s;
}
