/* The decoded-instruction cache stays exact: stores by instructions (through the TLB
 * slow path, SS host pointers) and by the host (system calls) into instructions that
 * were already decoded make the CPU run the new bytes (PoP ch.5: a CPU sees its own
 * stores into the instruction stream). */
#include "unit.h"
#include "fixture.h"

/* A fixture whose code page is also writable. */
static struct fx *fx_rwx(const uint8_t *code, size_t len)
{
    struct fx *f = fx_new(code, len);
    ck_assert_int_eq(uspace_protect(&f->us, CODE_VA, PAGE_SIZE_4K, UPROT_R | UPROT_W | UPROT_X), 0);
    return f;
}

START_TEST(store_over_a_decoded_instruction_runs_the_new_one)
{
    static const uint8_t code[] = {
        0xa7, 0x2a, 0x00, 0x01,              /* 0: AHI 2,1 */
        0x50, 0x30, 0x40, 0x00,              /* 4: ST 3,0(4): AHI 2,16 over it */
        0xa7, 0x16, 0xff, 0xfc,              /* 8: BRCT 1,0 */
    };
    struct fx *f = fx_rwx(code, sizeof(code));
    f->cpu.gr[1] = 2;
    f->cpu.gr[3] = 0xa72a0010;
    f->cpu.gr[4] = CODE_VA;
    ck_assert_int_eq(fx_run(f, 6), CPU_EXIT_BUDGET);
    ck_assert_uint_eq(f->cpu.gr[2], 1 + 16);
    ck_assert_uint_eq(f->cpu.psw.addr, CODE_VA + 12);
    fx_free(f);
}
END_TEST

START_TEST(mvc_over_a_decoded_instruction_runs_the_new_one)
{
    static const uint8_t code[] = {
        0xa7, 0x2a, 0x00, 0x01,              /* 0: AHI 2,1 */
        0xd2, 0x03, 0x40, 0x00, 0x50, 0x00,  /* 4: MVC 0(4,4),0(5) */
        0xa7, 0x16, 0xff, 0xfb,              /* a: BRCT 1,0 */
    };
    static const uint8_t patch[] = { 0xa7, 0x2a, 0x01, 0x00 };   /* AHI 2,256 */
    struct fx *f = fx_rwx(code, sizeof(code));
    ck_assert_int_eq(uspace_write(&f->us, DATA_VA, patch, sizeof(patch)), 0);
    f->cpu.gr[1] = 2;
    f->cpu.gr[4] = CODE_VA;
    f->cpu.gr[5] = DATA_VA;
    ck_assert_int_eq(fx_run(f, 6), CPU_EXIT_BUDGET);
    ck_assert_uint_eq(f->cpu.gr[2], 1 + 256);
    fx_free(f);
}
END_TEST

/* The AHI spans two 64-byte lines; the store changes only its second line. */
START_TEST(store_into_the_tail_of_an_instruction_spanning_two_lines)
{
    uint8_t code[0x50];
    memset(code, 0x07, sizeof(code));                        /* NOPR fill */
    static const uint8_t head[] = { 0xa7, 0xf4, 0x00, 0x1f };  /* 0: BRC 15,0x3e */
    static const uint8_t body[] = {
        0xa7, 0x2a, 0x00, 0x01,              /* 3e: AHI 2,1 (immediate at 0x40) */
        0x40, 0x30, 0x40, 0x40,              /* 42: STH 3,0x40(4) */
        0xa7, 0x16, 0xff, 0xfc,              /* 46: BRCT 1,0x3e */
    };
    memcpy(code, head, sizeof(head));
    memcpy(code + 0x3e, body, sizeof(body));
    struct fx *f = fx_rwx(code, sizeof(code));
    f->cpu.gr[1] = 2;
    f->cpu.gr[3] = 0x10;
    f->cpu.gr[4] = CODE_VA;
    ck_assert_int_eq(fx_run(f, 7), CPU_EXIT_BUDGET);
    ck_assert_uint_eq(f->cpu.gr[2], 1 + 16);
    ck_assert_uint_eq(f->cpu.psw.addr, CODE_VA + 0x4a);
    fx_free(f);
}
END_TEST

START_TEST(host_write_over_decoded_code_is_seen)
{
    static const uint8_t code[] = { 0xa7, 0x2a, 0x00, 0x01 };          /* AHI 2,1 */
    static const uint8_t repl[] = { 0xa7, 0x2a, 0x00, 0x05 };          /* AHI 2,5 */
    struct fx *f = fx_new(code, sizeof(code));
    ck_assert_int_eq(fx_run(f, 1), CPU_EXIT_BUDGET);
    ck_assert_int_eq(uspace_write(&f->us, CODE_VA, repl, sizeof(repl)), 0);
    f->cpu.psw.addr = CODE_VA;
    ck_assert_int_eq(fx_run(f, 1), CPU_EXIT_BUDGET);
    ck_assert_uint_eq(f->cpu.gr[2], 1 + 5);
    fx_free(f);
}
END_TEST

/* Data stores to a page that also holds decoded code land, and leave the code alone. */
START_TEST(data_stores_beside_decoded_code_do_not_disturb_it)
{
    static const uint8_t code[] = {
        0x50, 0x20, 0x48, 0x00,              /* 0: ST 2,0x800(4) */
        0xa7, 0x2a, 0x00, 0x01,              /* 4: AHI 2,1 */
        0xa7, 0x16, 0xff, 0xfc,              /* 8: BRCT 1,0 */
    };
    struct fx *f = fx_rwx(code, sizeof(code));
    f->cpu.gr[1] = 100;
    f->cpu.gr[4] = CODE_VA;
    ck_assert_int_eq(fx_run(f, 300), CPU_EXIT_BUDGET);
    ck_assert_uint_eq(f->cpu.gr[2], 100);
    uint32_t stored;
    ck_assert_int_eq(uspace_read(&f->us, CODE_VA + 0x800, &stored, 4), 0);
    ck_assert_uint_eq(ld_be32((const uint8_t *)&stored), 99);
    fx_free(f);
}
END_TEST

UNIT_SUITE(icache_suite)
{
    Suite *s = suite_create("icache");
    TCase *tc = tcase_create("self_modifying_code");
    tcase_add_test(tc, store_over_a_decoded_instruction_runs_the_new_one);
    tcase_add_test(tc, mvc_over_a_decoded_instruction_runs_the_new_one);
    tcase_add_test(tc, store_into_the_tail_of_an_instruction_spanning_two_lines);
    tcase_add_test(tc, host_write_over_decoded_code_is_seen);
    tcase_add_test(tc, data_stores_beside_decoded_code_do_not_disturb_it);
    suite_add_tcase(s, tc);
    return s;
}
