/* Random instruction streams never crash or hang the host: pages of random bytes run
 * with random register contents (some pointing into mapped data) for a bounded number
 * of instructions, stepping over every program interruption and SVC. Check's fork mode
 * turns a host crash into a failure; the invariants below must hold after every exit. */
#include "unit.h"
#include "fixture.h"
#include "zhyp/machine.h"

#define FUZZ_SEEDS  64
#define FUZZ_INSNS  20000

static uint64_t rng(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* Registers: random, a page inside the data area, or small values (lengths, counts). */
static void random_registers(struct cpu *c, uint64_t *s)
{
    for (int r = 0; r < 16; r++) {
        uint64_t v = rng(s);
        switch (v & 3) {
        case 0: c->gr[r] = DATA_VA + (v >> 8) % 4000; break;
        case 1: c->gr[r] = (v >> 8) & 0xff; break;
        default: c->gr[r] = v; break;
        }
        c->fpr[r] = rng(s);
    }
}

START_TEST(random_instruction_streams_keep_the_cpu_state_architected)
{
    uint64_t seed = 0x9e3779b97f4a7c15ULL * (uint64_t)(_i + 1), ran = 0;
    uint8_t code[8192];
    for (size_t i = 0; i < sizeof(code); i++)
        code[i] = (uint8_t)rng(&seed);
    struct fx *f = fx_new(code, sizeof(code));
    random_registers(&f->cpu, &seed);
    while (ran < FUZZ_INSNS) {
        uint64_t before = f->cpu.icount;
        enum cpu_exit why = fx_run(f, FUZZ_INSNS - ran);
        ran += f->cpu.icount - before + 1;       /* an exit with no progress still counts */
        /* (An odd address is legal here: a branch to it completes, and the specification
         * exception comes with the next fetch, the odd address in the old PSW.) */
        ck_assert_uint_eq(f->cpu.psw.addr & ~f->cpu.amask, 0);
        ck_assert_uint_le(f->cpu.cc, 3);
        if (why == CPU_EXIT_PGM) {               /* step over the faulting instruction */
            uint64_t next = f->cpu.pgm_ia + (f->cpu.ilen ? f->cpu.ilen : 2);
            if (next < CODE_VA || next >= CODE_VA + sizeof(code))
                next = CODE_VA + (rng(&seed) % (sizeof(code) / 2)) * 2;
            f->cpu.psw.addr = next & f->cpu.amask & ~1ULL;
            if (f->cpu.psw.addr < CODE_VA || f->cpu.psw.addr >= CODE_VA + sizeof(code))
                f->cpu.psw.addr = CODE_VA;
        }
    }
    ck_assert_uint_ge(ran, FUZZ_INSNS);
    fx_free(f);
}
END_TEST

/* The same on the machine, in the supervisor state: random code, random new PSWs in the
 * lowcore, random control registers reachable through LCTLG, SCCBs and SIGP orders. The
 * run must end in one of the documented ways within the instruction limit. */
START_TEST(random_supervisor_code_ends_the_machine_in_a_documented_way)
{
    uint64_t seed = 0x243f6a8885a308d3ULL * (uint64_t)(_i + 1);
    struct machine m;
    ck_assert_int_eq(machine_init(&m, 4 << 20, 2), 0);
    for (uint64_t a = 0; a < 0x2000; a += 8)                 /* lowcore, new PSWs included */
        st_be64(m.storage + a, rng(&seed));
    for (uint64_t a = 0x10000; a < 0x14000; a += 8)          /* code */
        st_be64(m.storage + a, rng(&seed));
    m.sclp.console = fopen("/dev/null", "w");
    ck_assert_int_eq(machine_start(&m, 0x10000), 0);
    random_registers(m.cpu[0], &seed);
    enum machine_end end = machine_run(&m, FUZZ_INSNS);
    ck_assert(end == MACHINE_STOPPED || end == MACHINE_DISABLED_WAIT || end == MACHINE_IDLE ||
              end == MACHINE_INSN_LIMIT);
    uint64_t total = m.cpu[0]->icount + m.cpu[1]->icount;
    ck_assert_uint_le(total, FUZZ_INSNS);
    fclose(m.sclp.console);
    machine_free(&m);
}
END_TEST

/* The clocks as both runs see them: from the instruction count, not the host clock. */
static uint64_t counted_tod(const struct cpu *c)
{
    return 0xdcba000000000000ULL + (c->icount << 12);
}
static const struct sys_ops counted_clock = { .tod = counted_tod };

/* The same random code and registers through the decoded-slot loop and through the plain
 * loop (one fetch and dispatch per instruction, the table's handlers): the same exits,
 * registers, condition code, instruction counts and stored data at every exit. The fast
 * handlers are thus checked against the table's, which the differential tests check
 * against QEMU. */
START_TEST(decoded_slots_and_the_plain_loop_agree_on_random_code)
{
    uint64_t seed = 0xd1b54a32d192ed03ULL * (uint64_t)(_i + 1), ran = 0;
    uint8_t code[8192], da[4096], db[4096];
    for (size_t i = 0; i < sizeof(code); i++)
        code[i] = (uint8_t)rng(&seed);
    struct fx *f[2] = { fx_new(code, sizeof(code)), fx_new(code, sizeof(code)) };
    uint64_t rseed = seed;
    for (int k = 0; k < 2; k++) {
        rseed = seed;
        random_registers(&f[k]->cpu, &rseed);
        f[k]->cpu.sys = &counted_clock;           /* problem state: nothing else is reached */
    }
    seed = rseed;
    f[1]->cpu.trace = CPU_TRACE_PLAIN_LOOP;
    while (ran < FUZZ_INSNS / 4) {
        uint64_t before = f[0]->cpu.icount;
        enum cpu_exit w0 = fx_run(f[0], FUZZ_INSNS / 4 - ran);
        enum cpu_exit w1 = fx_run(f[1], FUZZ_INSNS / 4 - ran);
        ran += f[0]->cpu.icount - before + 1;
        ck_assert_int_eq(w0, w1);
        ck_assert_uint_eq(f[0]->cpu.icount, f[1]->cpu.icount);
        ck_assert_uint_eq(f[0]->cpu.psw.addr, f[1]->cpu.psw.addr);
        ck_assert_uint_eq(f[0]->cpu.cc, f[1]->cpu.cc);
        for (int r = 0; r < 16; r++) {
            ck_assert_uint_eq(f[0]->cpu.gr[r], f[1]->cpu.gr[r]);
            ck_assert_uint_eq(f[0]->cpu.fpr[r], f[1]->cpu.fpr[r]);
        }
        ck_assert_int_eq(uspace_read(&f[0]->us, DATA_VA, da, sizeof(da)), 0);
        ck_assert_int_eq(uspace_read(&f[1]->us, DATA_VA, db, sizeof(db)), 0);
        ck_assert_mem_eq(da, db, sizeof(da));
        if (w0 == CPU_EXIT_PGM) {
            ck_assert_int_eq(f[0]->cpu.pgm_code, f[1]->cpu.pgm_code);
            uint64_t next = CODE_VA + (rng(&seed) % (sizeof(code) / 2)) * 2;
            f[0]->cpu.psw.addr = f[1]->cpu.psw.addr = next;
        }
    }
    ck_assert_uint_ge(ran, FUZZ_INSNS / 4);
    fx_free(f[0]);
    fx_free(f[1]);
}
END_TEST

UNIT_SUITE(fuzz_suite)
{
    Suite *s = suite_create("fuzz");
    TCase *tc = tcase_create("random_streams");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, random_instruction_streams_keep_the_cpu_state_architected, 0, FUZZ_SEEDS);
    tcase_add_loop_test(tc, random_supervisor_code_ends_the_machine_in_a_documented_way, 0, FUZZ_SEEDS);
    tcase_add_loop_test(tc, decoded_slots_and_the_plain_loop_agree_on_random_code, 0, FUZZ_SEEDS);
    suite_add_tcase(s, tc);
    return s;
}
