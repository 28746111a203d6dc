/* Privileged instructions on a machine built with machine_start (the real sys_ops):
 * what the bare-metal images cannot show with one CPU or without storage at its end. */
#include "unit.h"
#include "zhyp/machine.h"

/* A 2M machine with n CPUs; CPU 0 runs the instruction bytes at 0x10000. */
static struct cpu *boot(struct machine *m, unsigned ncpus, const uint8_t *code, unsigned len)
{
    ck_assert_int_eq(machine_init(m, 2 << 20, ncpus), 0);
    ck_assert_int_eq(machine_start(m, 0x10000), 0);
    memcpy(machine_abs_store(m, 0x10000, len), code, len);
    return m->cpu[0];
}

START_TEST(stsi_1_2_2_counts_every_cpu_of_the_machine)
{
    static const uint8_t stsi[] = { 0xb2, 0x7d, 0x20, 0x00 };          /* STSI 0(2) */
    struct machine m;
    struct cpu *c = boot(&m, 3, stsi, sizeof(stsi));
    c->gr[0] = 0x10000002;
    c->gr[1] = 2;
    c->gr[2] = 0x20000;
    cpu_run(c, 1);
    ck_assert_uint_eq(c->cc, 0);
    ck_assert_uint_eq(ld_be16(m.storage + 0x20000 + 36), 3);          /* total */
    ck_assert_uint_eq(ld_be16(m.storage + 0x20000 + 38), 3);          /* configured */
    ck_assert_uint_eq(ld_be16(m.storage + 0x20000 + 40), 0);          /* standby */
    machine_free(&m);
}
END_TEST

START_TEST(stsi_function_code_0_sets_only_bits_32_to_35_of_gr0)
{
    static const uint8_t stsi[] = { 0xb2, 0x7d, 0x20, 0x00 };
    struct machine m;
    struct cpu *c = boot(&m, 1, stsi, sizeof(stsi));
    c->gr[0] = 0xabcdef0100000007ULL;
    cpu_run(c, 1);
    ck_assert_uint_eq(c->cc, 0);
    ck_assert_uint_eq(c->gr[0], 0xabcdef0130000007ULL);
    machine_free(&m);
}
END_TEST

START_TEST(idte_with_an_entry_beyond_storage_changes_nothing)
{
    static const uint8_t idte[] = { 0xb9, 0x8e, 0x00, 0x12 };          /* IDTE 1,0,2 */
    struct machine m;
    struct cpu *c = boot(&m, 1, idte, sizeof(idte));
    uint64_t table = (2 << 20) - 0x1000;                               /* last page */
    st_be64(m.storage + table + 8 * 511, 0x123000);
    c->gr[1] = table;                                                  /* segment table */
    c->gr[2] = (511ULL << 20) | 1;                                     /* entries 511, 512 */
    cpu_run(c, 1);
    ck_assert_uint_eq(ld_be16(m.storage + 0x8e), PGM_ADDRESSING);
    ck_assert_uint_eq(ld_be64(m.storage + table + 8 * 511), 0x123000);
    machine_free(&m);
}
END_TEST

START_TEST(operand_accesses_in_the_access_register_mode_are_special_operations)
{
    static const uint8_t lg[] = { 0xe3, 0x10, 0x20, 0x00, 0x00, 0x04 };  /* LG 1,0(2) */
    struct machine m;
    struct cpu *c = boot(&m, 1, lg, sizeof(lg));
    c->cr[1] = 0x20 | 0x40000;                                         /* real-space ASCE */
    cpu_set_psw(c, PSW_MASK_DAT | (1ULL << 46) | PSW_MASK_EA | PSW_MASK_BA, 0x10000);
    c->gr[2] = 0x30000;
    cpu_run(c, 1);
    ck_assert_uint_eq(ld_be16(m.storage + 0x8e), PGM_SPECIAL_OP);
    machine_free(&m);
}
END_TEST

UNIT_SUITE(priv_suite)
{
    Suite *s = suite_create("priv");
    TCase *t = tcase_create("machine");
    tcase_add_test(t, stsi_1_2_2_counts_every_cpu_of_the_machine);
    tcase_add_test(t, stsi_function_code_0_sets_only_bits_32_to_35_of_gr0);
    tcase_add_test(t, idte_with_an_entry_beyond_storage_changes_nothing);
    tcase_add_test(t, operand_accesses_in_the_access_register_mode_are_special_operations);
    suite_add_tcase(s, t);
    return s;
}
