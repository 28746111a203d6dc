/* The machine's SIGNAL PROCESSOR orders, CPU resets, DIAG X'308', the floating service
 * signal, SCLP events with console input, and booting raw images, on small machines
 * built by machine_start (no file). */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "unit.h"
#include "../../src/machine/internal.h"

/* A 2M machine with two CPUs: CPU 0 operating at 0x10000, CPU 1 stopped. */
static void new_machine(struct machine *m)
{
    ck_assert_int_eq(machine_init(m, 2 << 20, 2), 0);
    ck_assert_int_eq(machine_start(m, 0x10000), 0);
}

/* SIGP from CPU 0 to CPU 1; returns the CC, *status the status when CC 1. */
static unsigned order(struct machine *m, unsigned ord, uint64_t param, uint32_t *status)
{
    *status = 0;
    ck_assert_int_eq(machine_sigp(m->cpu[0], ord, 1, param, status), 0);
    return m->cpu[0]->cc;
}

START_TEST(sense_reports_stopped_and_pending_external_call)
{
    struct machine m;
    uint32_t st;
    new_machine(&m);
    ck_assert_uint_eq(order(&m, 0x01, 0, &st), 1);
    ck_assert_uint_eq(st, 0x40);                              /* stopped */
    ck_assert_uint_eq(order(&m, 0x02, 0, &st), 0);            /* external call */
    ck_assert_uint_eq(order(&m, 0x01, 0, &st), 1);
    ck_assert_uint_eq(st, 0xc0);                              /* stopped, call pending */
    ck_assert_uint_eq(order(&m, 0x02, 0, &st), 1);            /* a second one is refused */
    ck_assert_uint_eq(st, 0x80);
    ck_assert_int_eq(machine_sigp(m.cpu[0], 0x01, 2, 0, &st), 0);
    ck_assert_uint_eq(m.cpu[0]->cc, 3);                       /* no CPU 2 */
    ck_assert_uint_eq(order(&m, 0x07, 0, &st), 1);            /* not an order */
    ck_assert_uint_eq(st, 0x02);
    machine_free(&m);
}
END_TEST

START_TEST(set_prefix_needs_a_stopped_cpu_and_an_area_in_storage)
{
    struct machine m;
    uint32_t st;
    new_machine(&m);
    ck_assert_uint_eq(order(&m, 0x0d, 0x1fffff, &st), 0);     /* the last 8K; low bits ignored */
    ck_assert_uint_eq(m.cpu[1]->prefix, 0x1fe000);
    ck_assert_uint_eq(order(&m, 0x0d, 0x200000, &st), 1);
    ck_assert_uint_eq(st, 0x100);                             /* invalid parameter */
    ck_assert_uint_eq(order(&m, 0x04, 0, &st), 0);            /* start */
    ck_assert_uint_eq(order(&m, 0x0d, 0x4000, &st), 1);
    ck_assert_uint_eq(st, 0x200);                             /* incorrect state */
    ck_assert_uint_eq(m.cpu[1]->prefix, 0x1fe000);
    machine_free(&m);
}
END_TEST

START_TEST(stop_and_store_status_fills_the_save_area_at_absolute_0x1200)
{
    struct machine m;
    uint32_t st;
    new_machine(&m);
    struct cpu *t = m.cpu[1];
    t->gr[7] = 0x7777;
    t->fpr[3] = 0x3333;
    t->ar[5] = 0x55;
    t->cr[9] = 0x99;
    t->prefix = 0x6000;
    t->fpc = 0x12;
    t->ckc = 0x1234567800ULL;
    cpu_set_psw(t, 0x0701000180000000ULL, 0x4242);            /* EXT, key 0, CC 1 */
    t->stopped = false;
    ck_assert_uint_eq(order(&m, 0x09, 0, &st), 0);
    ck_assert(t->stopped);
    const uint8_t *sa = m.storage + 0x1200;
    ck_assert_uint_eq(ld_be64(sa + 0x80 + 8 * 7), 0x7777);
    ck_assert_uint_eq(ld_be64(sa + 8 * 3), 0x3333);
    ck_assert_uint_eq(ld_be32(sa + 0x140 + 4 * 5), 0x55);
    ck_assert_uint_eq(ld_be64(sa + 0x180 + 8 * 9), 0x99);
    ck_assert_uint_eq(ld_be64(sa + 0x100), 0x0701000180000000ULL);
    ck_assert_uint_eq(ld_be64(sa + 0x108), 0x4242);
    ck_assert_uint_eq(ld_be32(sa + 0x118), 0x6000);
    ck_assert_uint_eq(ld_be32(sa + 0x11c), 0x12);
    ck_assert_uint_eq(ld_be64(sa + 0x130), 0x12345678ULL);   /* clock comparator >> 8 */
    ck_assert_uint_eq(m.storage[163], 1);                     /* z/Architecture mode */
    memset(m.storage + 0x30000, 0, 512);
    ck_assert_uint_eq(order(&m, 0x0e, 0x301ff, &st), 0);      /* low 9 bits ignored */
    ck_assert_uint_eq(ld_be64(m.storage + 0x30000 + 0x80 + 8 * 7), 0x7777);
    ck_assert_uint_eq(order(&m, 0x0e, 0x1ffe00, &st), 0);     /* the last 512 bytes */
    ck_assert_uint_eq(order(&m, 0x0e, 0x200000, &st), 1);     /* outside storage */
    ck_assert_uint_eq(st, 0x100);
    machine_free(&m);
}
END_TEST

/* Conditional emergency signal: the target's state and whether it is taken. */
static const struct { bool stopped; uint64_t mask; uint64_t addr; uint16_t asn; unsigned cc; } cond_cases[] = {
    { false, 0x0302000180000000ULL, 0, 1, 0 },     /* operating: always */
    { true,  0x0100000180000000ULL, 0, 1, 0 },     /* not enabled for I/O */
    { true,  0x0302000180000000ULL, 0x100, 1, 0 }, /* waits at a nonzero address */
    { true,  0x0302000180000000ULL, 0, 1, 1 },     /* waits at 0 */
    { true,  0x0300000180000000ULL, 0x100, 0, 0 }, /* runs with primary ASN 0 */
    { true,  0x0300000180000000ULL, 0x100, 1, 1 }, /* runs with another ASN */
};

START_TEST(conditional_emergency_signal_follows_the_target_state)
{
    struct machine m;
    uint32_t st;
    new_machine(&m);
    struct cpu *t = m.cpu[1];
    cpu_set_psw(t, cond_cases[_i].mask, cond_cases[_i].addr);
    t->stopped = cond_cases[_i].stopped;
    ck_assert_uint_eq(order(&m, 0x13, cond_cases[_i].asn, &st), cond_cases[_i].cc);
    if (cond_cases[_i].cc)
        ck_assert_uint_eq(st, 0x200);
    ck_assert_uint_eq((t->ext_pending & EXT_EMERGENCY) != 0, cond_cases[_i].cc == 0);
    machine_free(&m);
}
END_TEST

START_TEST(resets_and_restart_change_the_state_as_the_pop_says)
{
    struct machine m;
    uint32_t st;
    new_machine(&m);
    struct cpu *t = m.cpu[1];
    t->gr[1] = 0x11;
    t->prefix = 0x4000;
    t->cr[0] = 0x12345;
    cpu_set_psw(t, 0x0000000180000000ULL, 0x2000);
    ck_assert_uint_eq(order(&m, 0x02, 0, &st), 0);            /* external call pending */
    ck_assert_uint_eq(order(&m, 0x0c, 0, &st), 0);            /* CPU reset */
    ck_assert_uint_eq(t->ext_pending & EXT_EXT_CALL, 0);
    ck_assert_uint_eq(t->psw.addr, 0x2000);
    ck_assert_uint_eq(t->cr[0], 0x12345);
    ck_assert_uint_eq(order(&m, 0x06, 0, &st), 0);            /* restart: operating, pending */
    ck_assert(!t->stopped);
    ck_assert_uint_ne(t->ext_pending & EXT_RESTART, 0);
    st_be64(m.storage + 0x4000 + 0x1a0, 0x0000000180000000ULL);
    st_be64(m.storage + 0x4000 + 0x1a8, 0x3000);
    ck_assert(cpu_deliver_pending(t));                        /* not maskable */
    ck_assert_uint_eq(ld_be64(m.storage + 0x4000 + 0x128), 0x2000);
    ck_assert_uint_eq(t->psw.addr, 0x3000);
    ck_assert_uint_eq(order(&m, 0x0b, 0, &st), 0);            /* initial CPU reset */
    ck_assert(t->stopped);
    ck_assert_uint_eq(t->prefix, 0);
    ck_assert_uint_eq(t->cr[0], 0xe0);
    ck_assert_uint_eq(t->cr[14], 0xc2000000);
    ck_assert_uint_eq(cpu_psw_mask(t), 0);
    ck_assert_uint_eq(t->gr[1], 0x11);
    ck_assert_uint_eq(order(&m, 0x15, 0, &st), 1);            /* sense running: stopped */
    ck_assert_uint_eq(st, 0x400);
    machine_free(&m);
}
END_TEST

/* DIAG X'308' with R2 = 0x10000 (block), R3 = subcode, at 0x20000. */
static const struct { uint64_t subcode; int pgm; uint64_t rc; } diag308_cases[] = {
    { 6, 0, 0x0102 }, { 5, 0, 0x0402 }, { 2, PGM_SPECIFICATION, 0 }, { 4, PGM_SPECIFICATION, 0 },
    { 0x106, PGM_SPECIFICATION, 0 },
};

START_TEST(diag_308_store_and_set_answer_with_return_codes)
{
    static const uint8_t diag[] = { 0x83, 0x23, 0x03, 0x08 };   /* DIAG 2,3,0x308 */
    struct machine m;
    new_machine(&m);
    struct cpu *c = m.cpu[0];
    memcpy(m.storage + 0x20000, diag, sizeof(diag));
    cpu_set_psw(c, 0x0000000180000000ULL, 0x20000);
    c->gr[2] = 0x10000;
    c->gr[3] = diag308_cases[_i].subcode;
    cpu_run(c, 1);
    if (diag308_cases[_i].pgm) {
        ck_assert_uint_eq(ld_be16(m.storage + 0x8e), diag308_cases[_i].pgm);
    } else {
        ck_assert_uint_eq(c->gr[3], diag308_cases[_i].rc);
        ck_assert_uint_eq(c->psw.addr, 0x20004);
    }
    machine_free(&m);
}
END_TEST

/* A SERVC at 0x10000 (SCCB at 0x8000): Write Event Mask accepting ASCII input. */
static void enable_console_input(struct machine *m)
{
    uint8_t *sccb = m->storage + 0x8000;
    memset(sccb, 0, 32);
    st_be16(sccb, 28);
    st_be16(sccb + 10, 4);
    st_be32(sccb + 12, 0x40);                                 /* CP receive: type 0x1a */
    ck_assert_int_eq(sclp_servc(m->cpu[0], 0x00780005, 0x8000), 0);
    ck_assert_uint_eq(ld_be16(sccb + 6), 0x0020);
    ck_assert_uint_eq(ld_be32(sccb + 20), 0x40000040);        /* SCLP receives 0x1a and 0x02 */
    ck_assert_uint_eq(ld_be32(sccb + 24), 0x40);              /* SCLP sends 0x1a */
}

START_TEST(servc_is_busy_until_the_completion_is_taken_by_an_enabled_cpu)
{
    struct machine m;
    new_machine(&m);
    enable_console_input(&m);
    struct cpu *c0 = m.cpu[0], *c1 = m.cpu[1];
    ck_assert_int_eq(sclp_servc(c0, 0x00780005, 0x8000), 0);
    ck_assert_uint_eq(c0->cc, 2);                             /* first completion pending */
    c1->stopped = false;
    c1->cr[0] |= CR0_SERVICE_SIG;
    cpu_set_psw(c1, 0x0100000180000000ULL, 0x10000);          /* enabled for external */
    sclp_offer_service(&m, c0);                               /* not enabled: stays floating */
    ck_assert_uint_eq(c0->ext_pending & EXT_SERVICE, 0);
    sclp_offer_service(&m, c1);
    ck_assert_uint_ne(c1->ext_pending & EXT_SERVICE, 0);
    ck_assert_uint_eq(c1->ext_param, 0x8000);
    ck_assert(cpu_deliver_pending(c1));
    ck_assert_uint_eq(ld_be16(m.storage + 0x86), 0x2401);
    ck_assert_int_eq(sclp_servc(c0, 0x00780005, 0x8000), 0);
    ck_assert_uint_eq(c0->cc, 0);
    machine_free(&m);
}
END_TEST

START_TEST(read_event_data_returns_console_input_with_the_session_byte)
{
    struct machine m;
    int fds[2];
    new_machine(&m);
    ck_assert_int_eq(pipe(fds), 0);
    m.sclp.console_in = fds[0];
    enable_console_input(&m);
    m.service_pending = false;                                /* as if presented */
    m.service_param = 0;
    ck_assert_int_eq(write(fds[1], "ab\n", 3), 3);
    ck_assert(sclp_console_poll(&m, false));
    ck_assert(m.service_pending && m.service_param == 1);     /* event pending, no SCCB */
    m.service_pending = false;
    m.service_param = 0;
    uint8_t *sccb = m.storage + 0x9000;
    memset(sccb, 0, 4096);
    st_be16(sccb, 4096);
    sccb[5] = 0x80;                                           /* variable-length response */
    ck_assert_int_eq(sclp_servc(m.cpu[0], 0x00770005, 0x9000), 0);
    ck_assert_uint_eq(ld_be16(sccb + 6), 0x0020);
    ck_assert_uint_eq(ld_be16(sccb), 8 + 6 + 1 + 3);
    ck_assert_uint_eq(ld_be16(sccb + 8), 6 + 1 + 3);
    ck_assert_uint_eq(sccb[10], 0x1a);
    ck_assert_uint_eq(sccb[14], 0);                           /* session data */
    ck_assert_mem_eq(sccb + 15, "ab\n", 3);
    close(fds[1]);
    st_be16(sccb, 4096);
    ck_assert_int_eq(sclp_servc(m.cpu[0], 0x00770005, 0x9000), 0);
    ck_assert_uint_eq(m.cpu[0]->cc, 2);                       /* last completion unpresented */
    m.service_pending = false;
    ck_assert_int_eq(sclp_servc(m.cpu[0], 0x00770005, 0x9000), 0);
    ck_assert_uint_eq(ld_be16(sccb + 6), 0x60f0);             /* end of input: none */
    ck_assert(m.sclp.input_eof);
    close(fds[0]);
    machine_free(&m);
}
END_TEST

START_TEST(line_mode_messages_are_printed_in_ascii)
{
    static const uint8_t mdb_text[] = { 0xc8, 0x89, 0x40, 0x5a, 0x4f };   /* "Hi ]!" */
    struct machine m;
    char out[64] = "";
    new_machine(&m);
    m.sclp.console = fmemopen(out, sizeof(out), "w");
    uint8_t *sccb = m.storage + 0x8000, *p = sccb + 8;
    unsigned mto = 10 + sizeof(mdb_text), mdb = 12 + mto;
    memset(sccb, 0, 256);
    st_be16(sccb, (uint16_t)(8 + 6 + mdb));
    st_be16(p, (uint16_t)(6 + mdb));
    p[2] = 0x02;
    st_be16(p + 6, (uint16_t)mdb);
    st_be16(p + 8, 1);
    st_be16(p + 18, (uint16_t)mto);
    st_be16(p + 20, 4);
    memcpy(p + 28, mdb_text, sizeof(mdb_text));
    ck_assert_int_eq(sclp_servc(m.cpu[0], 0x00760005, 0x8000), 0);
    ck_assert_uint_eq(ld_be16(sccb + 6), 0x0020);
    ck_assert_uint_eq(p[3], 0x80);                            /* accepted */
    fclose(m.sclp.console);
    ck_assert_str_eq(out, "\nHi ]!");
    machine_free(&m);
}
END_TEST

START_TEST(raw_images_load_at_their_address_and_start_with_the_psw_given)
{
    static const uint8_t code[] = { 0xa7, 0x19, 0x00, 0x2a };   /* LGHI 1,42 */
    char path[] = "/tmp/zhyp-raw-XXXXXX", err[256] = "";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, code, sizeof(code)), (int)sizeof(code));
    close(fd);
    struct machine m;
    ck_assert_int_eq(machine_init(&m, 1 << 20, 1), 0);
    struct machine_boot b = { .path = path, .raw = true, .load_aa = 0x3000 };
    ck_assert_int_eq(machine_boot(&m, &b, err, sizeof(err)), 0);
    ck_assert_mem_eq(m.storage + 0x3000, code, sizeof(code));
    ck_assert_uint_eq(m.cpu[0]->psw.addr, 0x3000);
    ck_assert_uint_eq(cpu_psw_mask(m.cpu[0]), 0x0000000180000000ULL);
    machine_free(&m);
    ck_assert_int_eq(machine_init(&m, 1 << 20, 1), 0);
    b = (struct machine_boot){ .path = path, .raw = true, .load_aa = 0x3000, .psw_given = true,
                               .psw_mask = 0x0000000080000000ULL, .psw_addr = 0x3000 };
    ck_assert_int_eq(machine_boot(&m, &b, err, sizeof(err)), 0);
    cpu_run(m.cpu[0], 1);
    ck_assert_uint_eq(m.cpu[0]->gr[1], 42);
    ck_assert_uint_eq(m.cpu[0]->amask, 0x7fffffff);
    machine_free(&m);
    ck_assert_int_eq(machine_init(&m, 1 << 20, 1), 0);
    b = (struct machine_boot){ .path = path, .raw = true, .load_aa = (1 << 20) - 2 };
    ck_assert_int_ne(machine_boot(&m, &b, err, sizeof(err)), 0);
    ck_assert_ptr_nonnull(strstr(err, path));
    machine_free(&m);
    unlink(path);
}
END_TEST

UNIT_SUITE(smp_suite)
{
    Suite *s = suite_create("smp");
    TCase *t = tcase_create("sigp");
    tcase_add_test(t, sense_reports_stopped_and_pending_external_call);
    tcase_add_test(t, set_prefix_needs_a_stopped_cpu_and_an_area_in_storage);
    tcase_add_test(t, stop_and_store_status_fills_the_save_area_at_absolute_0x1200);
    tcase_add_loop_test(t, conditional_emergency_signal_follows_the_target_state, 0, ARRAY_SIZE(cond_cases));
    tcase_add_test(t, resets_and_restart_change_the_state_as_the_pop_says);
    tcase_add_loop_test(t, diag_308_store_and_set_answer_with_return_codes, 0, ARRAY_SIZE(diag308_cases));
    suite_add_tcase(s, t);
    TCase *e = tcase_create("sclp_boot");
    tcase_add_test(e, servc_is_busy_until_the_completion_is_taken_by_an_enabled_cpu);
    tcase_add_test(e, read_event_data_returns_console_input_with_the_session_byte);
    tcase_add_test(e, line_mode_messages_are_printed_in_ascii);
    tcase_add_test(e, raw_images_load_at_their_address_and_start_with_the_psw_given);
    suite_add_tcase(s, e);
    return s;
}
