/* The machine core: virtual time (TOD and CPU timer from instruction counts), timer
 * events, low-address and key-controlled protection, and bad input to the boot loader. */
#include <stdlib.h>
#include "unit.h"
#include "zhyp/mem.h"
#include "../../src/machine/internal.h"

#define STE_INVALID_FOR_TEST 0x20   /* segment-table entry I bit */

static const struct sys_ops vt_ops = {
    .tod = vtime_tod, .set_tod = vtime_set_tod, .cpu_timer = vtime_cpu_timer, .set_cpu_timer = vtime_set_cpu_timer,
    .lra = machine_lra, .ipte = machine_ipte,
};

/* A 2M machine with one CPU in supervisor state, DAT off, not booted from a file. */
static struct cpu *new_cpu(struct machine *m)
{
    ck_assert_int_eq(machine_init(m, 2 << 20, 1), 0);
    struct cpu *c = calloc(1, sizeof(*c));
    cpu_init(c, NULL);
    m->icache = icache_new(c->isa);
    ck_assert(icache_attach(m->icache, c));
    c->mops = &machine_mem_ops;
    c->sys = &vt_ops;
    c->mctx = m;
    cpu_set_psw(c, PSW_MASK_EA | PSW_MASK_BA, 0x10000);
    m->cpu[0] = c;
    return c;
}

START_TEST(one_thousand_instructions_advance_the_tod_by_one_microsecond)
{
    struct machine m;
    struct cpu *c = new_cpu(&m);
    uint64_t t0 = vtime_tod(c);
    c->icount += 1000;
    ck_assert_uint_eq(vtime_tod(c) - t0, 4096);       /* bit 51 = 1 microsecond */
    machine_free(&m);
}
END_TEST

START_TEST(set_clock_then_read_gives_the_value_set)
{
    struct machine m;
    struct cpu *c = new_cpu(&m);
    vtime_set_tod(c, 0x123456789abc0000ULL);
    ck_assert_uint_eq(vtime_tod(c), 0x123456789abc0000ULL);
    c->icount += 2000;
    ck_assert_uint_eq(vtime_tod(c), 0x123456789abc0000ULL + 8192);
    machine_free(&m);
}
END_TEST

START_TEST(cpu_timer_goes_negative_after_its_value_in_virtual_time)
{
    struct machine m;
    struct cpu *c = new_cpu(&m);
    vtime_set_cpu_timer(c, 4096);                       /* one microsecond */
    c->icount += 1000;
    vtime_update_pending(c);
    ck_assert_uint_eq(c->ext_pending & EXT_CPU_TIMER, 0);
    ck_assert_int_eq(vtime_cpu_timer(c), 0);
    c->icount += 1;
    vtime_update_pending(c);
    ck_assert_uint_ne(c->ext_pending & EXT_CPU_TIMER, 0);
    machine_free(&m);
}
END_TEST

START_TEST(clock_comparator_event_is_counted_in_instructions_when_enabled)
{
    struct machine m;
    struct cpu *c = new_cpu(&m);
    c->ckc = vtime_tod(c) + 5 * 4096;                  /* five microseconds ahead */
    ck_assert_uint_eq(vtime_insns_until_event(c), UINT64_MAX);   /* not enabled */
    c->cr[0] |= CR0_CKC;
    cpu_set_psw(c, PSW_MASK_EA | PSW_MASK_BA | PSW_MASK_EXT, 0x10000);
    uint64_t n = vtime_insns_until_event(c);
    ck_assert_uint_ge(n, 5000);
    ck_assert_uint_le(n, 5002);
    c->icount += n;
    vtime_update_pending(c);
    ck_assert_uint_ne(c->ext_pending & EXT_CKC, 0);
    machine_free(&m);
}
END_TEST

START_TEST(enabled_wait_skips_to_the_next_timer_event)
{
    struct machine m;
    struct cpu *c = new_cpu(&m);
    c->cr[0] |= CR0_CPU_TIMER;
    cpu_set_psw(c, PSW_MASK_EA | PSW_MASK_BA | PSW_MASK_EXT | PSW_MASK_WAIT, 0x10000);
    vtime_set_cpu_timer(c, 4096 * 1000);                /* one millisecond */
    ck_assert(vtime_idle_to_event(c));
    ck_assert_uint_eq(c->icount, 0);
    ck_assert_uint_ge(c->idle_ns, 1000000);
    vtime_update_pending(c);
    ck_assert_uint_ne(c->ext_pending & EXT_CPU_TIMER, 0);
    machine_free(&m);
}
END_TEST

START_TEST(low_address_protection_covers_0_to_511_and_4096_to_4607_only)
{
    struct machine m;
    struct cpu *c = new_cpu(&m);
    c->cr[0] |= CR0_LAP;
    cpu_tlb_flush(c);
    ck_assert_int_eq(mem_write8_va(c, 0x100, 1), PGM_PROTECTION);
    ck_assert_int_eq(mem_write8_va(c, 0x1100, 1), PGM_PROTECTION);
    ck_assert_int_eq(mem_write8_va(c, 0x200, 1), 0);
    ck_assert_int_eq(mem_write8_va(c, 0x1200, 1), 0);
    ck_assert_int_eq(mem_write8_va(c, 0x1f0, 1), PGM_PROTECTION); /* after a hit on page 0 */
    machine_free(&m);
}
END_TEST

START_TEST(key_mismatch_blocks_stores_and_fetch_protected_fetches)
{
    struct machine m;
    struct cpu *c = new_cpu(&m);
    uint8_t v;
    m.keys[0x20] = 0x20;                                /* key 2 on frame 0x20000 */
    m.keys[0x21] = 0x28;                                /* key 2, fetch-protected */
    cpu_set_psw(c, PSW_MASK_EA | PSW_MASK_BA | (1ULL << PSW_SHIFT_KEY), 0x10000);
    ck_assert_int_eq(mem_write8_va(c, 0x20000, 1), PGM_PROTECTION);
    ck_assert_int_eq(mem_read8_va(c, 0x20000, &v), 0);
    ck_assert_int_eq(mem_read8_va(c, 0x21000, &v), PGM_PROTECTION);
    ck_assert_uint_ne(m.keys[0x20] & SKEY_REF, 0);
    cpu_set_psw(c, PSW_MASK_EA | PSW_MASK_BA | (2ULL << PSW_SHIFT_KEY), 0x10000);
    ck_assert_int_eq(mem_write8_va(c, 0x20000, 1), 0);
    ck_assert_uint_ne(m.keys[0x20] & SKEY_CHG, 0);
    machine_free(&m);
}
END_TEST

START_TEST(addresses_beyond_storage_are_addressing_exceptions)
{
    struct machine m;
    struct cpu *c = new_cpu(&m);
    uint8_t v;
    ck_assert_int_eq(mem_read8_va(c, 2 << 20, &v), PGM_ADDRESSING);
    ck_assert_int_eq(mem_read8_va(c, (2 << 20) - 1, &v), 0);
    machine_free(&m);
}
END_TEST

START_TEST(boot_rejects_a_missing_file_and_bad_sizes_with_a_message)
{
    struct machine m;
    char err[256] = "";
    ck_assert_int_ne(machine_init(&m, 3 << 19, 1), 0);  /* not a multiple of 1M */
    ck_assert_int_ne(machine_init(&m, 1 << 20, 0), 0);
    ck_assert_int_eq(machine_init(&m, 1 << 20, 1), 0);
    ck_assert_int_ne(machine_boot_elf(&m, "/nonexistent/k.elf", NULL, err, sizeof(err)), 0);
    ck_assert_ptr_nonnull(strstr(err, "/nonexistent/k.elf"));
    machine_free(&m);
}
END_TEST

/* DIAG bytes at 0x10000: X'9C' returns like X'44'; an unclaimed code is PGM 6 with ILC 4. */
static const struct { uint8_t code[4]; int pgm; } diag_cases[] = {
    { { 0x83, 0x00, 0x00, 0x44 }, 0 },                 /* DIAG 0,0,0x44 */
    { { 0x83, 0x00, 0x00, 0x9c }, 0 },                 /* DIAG 0,0,0x9c */
    { { 0x83, 0x12, 0x01, 0x23 }, PGM_SPECIFICATION }, /* DIAG 1,2,0x123 */
};

START_TEST(diagnose_yields_return_and_other_codes_are_specification_exceptions)
{
    struct machine m;
    struct cpu *c = new_cpu(&m);
    memcpy(m.storage + 0x10000, diag_cases[_i].code, 4);
    cpu_run(c, 1);
    if (diag_cases[_i].pgm) {
        ck_assert_uint_eq(ld_be16(m.storage + 0x8e), PGM_SPECIFICATION);
        ck_assert_uint_eq(ld_be16(m.storage + 0x8c), 4);
        ck_assert_uint_eq(ld_be64(m.storage + 0x158), 0x10004);   /* old PSW after DIAG */
    } else {
        ck_assert_uint_eq(c->psw.addr, 0x10004);
        ck_assert_uint_eq(ld_be16(m.storage + 0x8e), 0);
    }
    machine_free(&m);
}
END_TEST

/* LRAG 1,0(2) under a segment table at 0x40000: STE 1 -> page table 0x48000, PTE 0x23
 * valid (frame 0x80000), PTE 0x24 invalid, STE 2 invalid. */
static const struct { uint64_t va; unsigned cc; uint64_t r1; } lra_cases[] = {
    { 0x123456, 0, 0x80456 },                  /* translated: the real address */
    { 0x124000, 2, 0x48000 + 8 * 0x24 },       /* PTE invalid: the PTE's address */
    { 0x200000, 1, 0x40000 + 8 * 2 },          /* STE invalid: the STE's address */
    { 0x80000000ULL, 3, 0x80000000ULL | PGM_ASCE_TYPE },  /* no entry involved */
};

START_TEST(lra_condition_codes_name_the_entry_that_failed)
{
    static const uint8_t lrag[] = { 0xe3, 0x10, 0x20, 0x00, 0x00, 0x03 };   /* LRAG 1,0(2) */
    struct machine m;
    struct cpu *c = new_cpu(&m);
    for (unsigned i = 0; i < 2048; i++)
        st_be64(m.storage + 0x40000 + 8 * i, STE_INVALID_FOR_TEST);
    for (unsigned i = 0; i < 256; i++)
        st_be64(m.storage + 0x48000 + 8 * i, 0x400);                      /* PTE invalid */
    st_be64(m.storage + 0x40000 + 8, 0x48000);
    st_be64(m.storage + 0x48000 + 8 * 0x23, 0x80000);
    memcpy(m.storage + 0x10000, lrag, sizeof(lrag));
    c->cr[1] = 0x40000;                                                    /* segment-table ASCE */
    c->gr[2] = lra_cases[_i].va;
    cpu_run(c, 1);
    ck_assert_uint_eq(c->cc, lra_cases[_i].cc);
    ck_assert_uint_eq(c->gr[1], lra_cases[_i].r1);
    machine_free(&m);
}
END_TEST

/* SPKA (a generic slot in the fast loop) changes the PSW key; the next instruction's
 * fetch is checked under the new key: fetch protection, PGM 4 at that instruction. */
START_TEST(instruction_fetch_after_spka_is_checked_under_the_new_key)
{
    struct machine m;
    struct cpu *c = new_cpu(&m);
    static const uint8_t code[] = { 0xb2, 0x0a, 0x00, 0x20,     /* SPKA 0x20: key 2 */
                                    0x07, 0x07 };               /* NOPR 7 */
    memcpy(m.storage + 0x10000, code, sizeof(code));
    m.keys[0x10000 >> 12] = 0x10 | SKEY_FETCH;                  /* key 1, fetch-protected */
    st_be64(m.storage + 0x1d0, 0x0002000180000000ULL);         /* program new: disabled wait */
    st_be64(m.storage + 0x1d8, 0xdead0);
    cpu_run(c, 2);                                              /* SPKA, then the fetch */
    ck_assert_uint_eq(ld_be16(m.storage + 0x8e), PGM_PROTECTION);
    ck_assert_uint_eq(ld_be64(m.storage + 0x158), 0x10004);    /* program old PSW address */
    ck_assert_uint_eq((ld_be64(m.storage + 0x150) >> 52) & 0xf, 2);   /* under key 2 */
    machine_free(&m);
}
END_TEST

/* SSKE/RRBE drop only the entries of their frame, IPTE only the slot of its page index,
 * IDTE only the addresses in its index range: other translations stay cached. */
START_TEST(key_and_ipte_flushes_drop_only_what_they_concern)
{
    struct machine m;
    uint32_t v;
    ck_assert_int_eq(machine_init(&m, 2 << 20, 1), 0);
    ck_assert_int_eq(machine_start(&m, 0x10000), 0);
    struct cpu *c = m.cpu[0];
    ck_assert_int_eq(mem_read32_va(c, 0x20000, &v), 0);
    ck_assert_int_eq(mem_read32_va(c, 0x31000, &v), 0);
    ck_assert_uint_eq(c->tlb.tag_r[0x20], 0x20000);
    ck_assert_uint_eq(c->tlb.tag_r[0x31], 0x31000);
    c->sys->tlb_flush_frame(c, 0x20000);
    ck_assert_uint_eq(c->tlb.tag_r[0x20], TLB_INVALID);
    ck_assert_uint_eq(c->tlb.tag_r[0x31], 0x31000);
    c->sys->tlb_flush_page_index(c, 0x31);
    ck_assert_uint_eq(c->tlb.tag_r[0x31], TLB_INVALID);
    ck_assert_int_eq(mem_read32_va(c, 0x32000, &v), 0);     /* segment index 0 */
    ck_assert_int_eq(mem_read32_va(c, 0x101000, &v), 0);    /* segment index 1 */
    c->sys->tlb_flush_index_range(c, 20, 1, 1);            /* IDTE of segment entry 1 */
    ck_assert_uint_eq(c->tlb.tag_r[0x01], TLB_INVALID);
    ck_assert_uint_eq(c->tlb.tag_r[0x32], 0x32000);
    machine_free(&m);
}
END_TEST

UNIT_SUITE(machine_suite)
{
    Suite *s = suite_create("machine");
    TCase *t = tcase_create("vtime");
    tcase_add_test(t, one_thousand_instructions_advance_the_tod_by_one_microsecond);
    tcase_add_test(t, set_clock_then_read_gives_the_value_set);
    tcase_add_test(t, cpu_timer_goes_negative_after_its_value_in_virtual_time);
    tcase_add_test(t, clock_comparator_event_is_counted_in_instructions_when_enabled);
    tcase_add_test(t, enabled_wait_skips_to_the_next_timer_event);
    suite_add_tcase(s, t);
    TCase *p = tcase_create("storage");
    tcase_add_test(p, low_address_protection_covers_0_to_511_and_4096_to_4607_only);
    tcase_add_test(p, key_mismatch_blocks_stores_and_fetch_protected_fetches);
    tcase_add_test(p, instruction_fetch_after_spka_is_checked_under_the_new_key);
    tcase_add_test(p, key_and_ipte_flushes_drop_only_what_they_concern);
    tcase_add_test(p, addresses_beyond_storage_are_addressing_exceptions);
    tcase_add_test(p, boot_rejects_a_missing_file_and_bad_sizes_with_a_message);
    tcase_add_loop_test(p, diagnose_yields_return_and_other_codes_are_specification_exceptions, 0,
                        ARRAY_SIZE(diag_cases));
    tcase_add_loop_test(p, lra_condition_codes_name_the_entry_that_failed, 0, ARRAY_SIZE(lra_cases));
    suite_add_tcase(s, p);
    return s;
}
