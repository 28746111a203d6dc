/* Guest timers, waits and intervention requests (docs/sie.md): the guest's clock
 * comparator and CPU timer interrupt inside the guest (its lowcore, its external reporter)
 * only when its CR0 subclass and PSW allow, and not before their time; a wait PSW ends
 * the run with icpt 0x1c and the PSW in the SD, unless an enabled interruption is
 * already pending; cpuflags STOP_INT gives icpt 0x28, EXT_INT icpt 0x10 and IO_INT icpt
 * 0x18 (the latter two only while the guest is enabled for the class); a host
 * external interruption during SIE exits for the host with icpt 0 and the host's old
 * PSW at the SIE instruction, and returning from it resumes the guest.
 * @baremetal qemu no
 * @baremetal shadow both
 */
#include "sie_check.h"

#define LOOPS       1000000     /* iterations of the guest's counting loop (r4) */

static uint8_t sd[SD_SIZE] __attribute__((aligned(4096)));

/* Count r4 down from LOOPS, then DONE. */
SIE_GUEST_CODE(g_loop,
    "lgfi %r4,1000000\n"
    "g_loop_top:\n\t"
    "brctg %r4,g_loop_top\n"
    "g_loop_done:\n\t"
    SIE_ASM_DONE);
SIE_LABEL(g_loop_top);
SIE_LABEL(g_loop_done);

/* STCK, CKC = TOD + 20 us (SCKC), then the loop. */
SIE_GUEST_CODE(g_sckc,
    "larl %r1,0f\n\t"
    "stck 0(%r1)\n\t"
    "lg %r2,0(%r1)\n\t"
    "agfi %r2,20*4096\n\t"
    "stg %r2,8(%r1)\n\t"
    "sckc 8(%r1)\n\t"
    "lgfi %r4,1000000\n"
    "1: brctg %r4,1b\n\t"
    SIE_ASM_DONE
    ".balign 8\n"
    "0: .quad 0, 0");

static void loop_guest(struct sie_guest *g, const char *code, const char *end, uint64_t cr0, uint64_t mask)
{
    sie_new_guest(g, sd, code, end);
    sie_set_gcr(g, 0, cr0);
    sie_set_psw(g, mask, SIE_G_CODE);
}

/* The exit is the guest's external interruption `code`, taken inside the loop. */
static void check_ext_in_guest(struct sie_guest *g, uint16_t code, const char *what)
{
    char name[128];
    snprintf(name, sizeof(name), "%s: delivered in the guest (its external reporter)", what);
    check_intr(g, INTR_EXT, name);
    snprintf(name, sizeof(name), "%s: code 0x%04x at guest 0x86", what, code);
    CHECK_EQ(sie_g16(g, LC_EXT_CODE), code, name);
    snprintf(name, sizeof(name), "%s: old psw enabled for external", what);
    CHECK(sie_g64(g, LC_EXT_OLD_PSW) & PSW_MASK_EXT, name);
}

static void test_comparator(void)
{
    struct sie_guest g;
    loop_guest(&g, g_loop, g_loop_end, CR0_CLOCK_COMP, PSW_MASK_64 | PSW_MASK_EXT);
    sd_set64(&g, SD_CKC, 0);
    sie_run(&g);
    check_ext_in_guest(&g, EXT_CLOCK_COMP, "guest ckc 0 (passed)");
    uint64_t a = sie_g64(&g, LC_EXT_OLD_PSW + 8);
    CHECK(a >= SIE_G_CODE && a <= SIE_GA(g_loop, g_loop_done), "guest ckc: old psw in the guest program");
    sd_set64(&g, SD_CKC, CKC_NEVER);
    sie_run(&g);
    check_done(&g, "guest ckc: after its handler the guest loop completes");
    CHECK_EQ(g.gr[4], 0, "guest ckc: the loop ran out");

    loop_guest(&g, g_sckc, g_sckc_end, CR0_CLOCK_COMP, PSW_MASK_64 | PSW_MASK_EXT);
    sie_run(&g);
    uint64_t now = stck();
    check_ext_in_guest(&g, EXT_CLOCK_COMP, "guest sckc 20 us ahead");
    CHECK(g.gr[4] > 0 && g.gr[4] < LOOPS, "guest sckc 20 us ahead: taken inside the loop");
    CHECK(now > sd_get64(&g, SD_CKC), "guest sckc 20 us ahead: not before the tod passed it");

    loop_guest(&g, g_loop, g_loop_end, 0, PSW_MASK_64 | PSW_MASK_EXT);
    sd_set64(&g, SD_CKC, 0);
    sie_run(&g);
    check_done(&g, "guest ckc passed, cr0 subclass off: no interruption");
    loop_guest(&g, g_loop, g_loop_end, CR0_CLOCK_COMP, PSW_MASK_64);
    sd_set64(&g, SD_CKC, 0);
    sie_run(&g);
    check_done(&g, "guest ckc passed, psw disabled for external: no interruption");
}

static void test_cpu_timer(void)
{
    struct sie_guest g;
    loop_guest(&g, g_loop, g_loop_end, CR0_CPU_TIMER, PSW_MASK_64 | PSW_MASK_EXT);
    sd_set64(&g, SD_CPUTM, tod_from_us(10));
    sie_run(&g);
    check_ext_in_guest(&g, EXT_CPU_TIMER, "guest cpu timer 10 us");
    CHECK(g.gr[4] > 0 && g.gr[4] < LOOPS, "guest cpu timer: taken inside the loop, after it ran");
    CHECK((int64_t)sd_get64(&g, SD_CPUTM) < 0, "guest cpu timer: negative in the sd at the exit");

    /* Without an interruption: the timer runs while the guest does, by no more than
     * the TOD advanced around the SIE. */
    loop_guest(&g, g_loop, g_loop_end, 0, PSW_MASK_64);
    sd_set64(&g, SD_CPUTM, 0x0000100000000000UL);
    uint64_t t0 = stck();
    sie_run(&g);
    uint64_t t1 = stck();
    uint64_t used = 0x0000100000000000UL - sd_get64(&g, SD_CPUTM);
    check_done(&g, "guest cpu timer, no subclass: the loop runs to its end");
    CHECK(used > 0 && used <= t1 - t0, "guest cpu timer decreased while the guest ran, at most the tod time");

    loop_guest(&g, g_loop, g_loop_end, 0, PSW_MASK_64 | PSW_MASK_EXT);
    sd_set64(&g, SD_CPUTM, 1);
    sie_run(&g);
    check_done(&g, "guest cpu timer negative, cr0 subclass off: no interruption");
}

/* LPSWE of the PSW in r2/r3 (stored at 0(r1)). */
SIE_GUEST_CODE(g_wait,
    "larl %r1,0f\n\t"
    "stmg %r2,%r3,0(%r1)\n"
    "g_wait_lpswe:\n\t"
    "lpswe 0(%r1)\n\t"
    SIE_ASM_DONE
    ".balign 8\n"
    "0: .quad 0, 0");
SIE_LABEL(g_wait_lpswe);

static void test_wait(void)
{
    struct sie_guest g;
    const uint64_t disabled = PSW_MASK_64 | PSW_MASK_WAIT;
    const uint64_t enabled = PSW_MASK_64 | PSW_MASK_WAIT | PSW_MASK_EXT;
    loop_guest(&g, g_wait, g_wait_end, 0, PSW_MASK_64);
    g.gr[2] = disabled;
    g.gr[3] = 0x1234;
    sie_run(&g);
    check_icpt(&g, ICPT_WAIT, "disabled wait psw: icpt 0x1c");
    CHECK(sie_psw_mask(&g) == disabled && sie_psw_addr(&g) == 0x1234, "disabled wait: the wait psw in the sd");

    loop_guest(&g, g_wait, g_wait_end, CR0_CLOCK_COMP, PSW_MASK_64);
    g.gr[2] = enabled;
    g.gr[3] = 0x2468;
    sie_run(&g);
    check_icpt(&g, ICPT_WAIT, "enabled wait, nothing pending: icpt 0x1c");
    CHECK(sie_psw_mask(&g) == enabled && sie_psw_addr(&g) == 0x2468, "enabled wait: the wait psw in the sd");

    loop_guest(&g, g_wait, g_wait_end, CR0_CLOCK_COMP, PSW_MASK_64);
    sd_set64(&g, SD_CKC, 0);
    g.gr[2] = enabled;
    g.gr[3] = 0x2468;
    sie_run(&g);
    check_ext_in_guest(&g, EXT_CLOCK_COMP, "enabled wait with the guest ckc pending");
    CHECK(sie_g64(&g, LC_EXT_OLD_PSW) == enabled && sie_g64(&g, LC_EXT_OLD_PSW + 8) == 0x2468,
          "enabled wait with the ckc pending: old psw is the wait psw");
}

/* STOSM 0x03 unless r6 is 0, then spin. */
SIE_GUEST_CODE(g_spin,
    "ltgr %r6,%r6\n\t"
    "jz 1f\n\t"
    "larl %r1,0f\n\t"
    "stosm 0(%r1),0x03\n"
    "1:\n"
    "g_spin_loop:\n\t"
    "j g_spin_loop\n"
    "0: .quad 0");
SIE_LABEL(g_spin_loop);

/* Intervention request `flag`: with the guest's PSW `mask` (and with r6 set, STOSM of
 * I/O + external first) the exit is `icpt`. */
static void request(uint32_t flag, uint64_t mask, int stosm, uint8_t icpt, const char *what)
{
    struct sie_guest g;
    char name[128];
    loop_guest(&g, g_spin, g_spin_end, 0, mask);
    g.gr[6] = stosm;
    sd_set32(&g, SD_CPUFLAGS, sd_get32(&g, SD_CPUFLAGS) | flag);
    sie_run(&g);
    snprintf(name, sizeof(name), "%s: icpt 0x%02x", what, icpt);
    check_icpt(&g, icpt, name);
    /* Recognized as soon as the guest is enabled: at the entry, or right after the
     * STOSM that enabled it (the spin loop). */
    uint64_t a = sie_psw_addr(&g);
    if (stosm) {
        snprintf(name, sizeof(name), "%s: guest psw right after the stosm", what);
        CHECK_EQ(a, SIE_GA(g_spin, g_spin_loop), name);
    } else {
        snprintf(name, sizeof(name), "%s: guest psw in the guest program", what);
        CHECK(a >= SIE_G_CODE && a <= SIE_GA(g_spin, g_spin_loop), name);
    }
}

static void test_requests(void)
{
    request(CPUSTAT_STOP_INT, PSW_MASK_64, 0, ICPT_STOP, "stop request");
    request(CPUSTAT_EXT_INT, PSW_MASK_64 | PSW_MASK_EXT, 0, ICPT_EXTREQ, "external request, guest enabled");
    request(CPUSTAT_EXT_INT, PSW_MASK_64, 1, ICPT_EXTREQ, "external request, guest enables by stosm");
    request(CPUSTAT_IO_INT, PSW_MASK_64 | PSW_MASK_IO, 0, ICPT_IOREQ, "i/o request, guest enabled");
    request(CPUSTAT_IO_INT, PSW_MASK_64, 1, ICPT_IOREQ, "i/o request, guest enables by stosm");

    struct sie_guest g;
    loop_guest(&g, g_loop, g_loop_end, 0, PSW_MASK_64 | PSW_MASK_IO);
    sd_set32(&g, SD_CPUFLAGS, sd_get32(&g, SD_CPUFLAGS) | CPUSTAT_EXT_INT);
    sie_run(&g);
    check_done(&g, "external request, guest disabled for external: no exit");
    loop_guest(&g, g_loop, g_loop_end, 0, PSW_MASK_64 | PSW_MASK_EXT);
    sd_set32(&g, SD_CPUFLAGS, sd_get32(&g, SD_CPUFLAGS) | CPUSTAT_IO_INT);
    sie_run(&g);
    check_done(&g, "i/o request, guest disabled for i/o: no exit");
}

/* A host clock-comparator interruption 50 us into the guest's 1 ms loop (a missing
 * one lets the loop end instead of hanging). */
static struct sie_guest host_g;
static volatile int host_ext_count;
static volatile uint64_t host_ext_addr, host_ext_gpsw;
static volatile uint8_t host_ext_icpt;

static void on_host_ext(struct intr_frame *f, uint16_t code, uint32_t param, uint16_t cpu)
{
    (void)param, (void)cpu;
    if (code != EXT_CLOCK_COMP)
        guest_panic("unexpected host external interruption 0x%04x", code);
    sckc(CKC_NEVER);
    host_ext_count++;
    host_ext_addr = f->psw_addr;
    host_ext_icpt = sie_icptcode(&host_g);
    host_ext_gpsw = sie_psw_addr(&host_g);
    sd_set32(&host_g, SD_CPUFLAGS, sd_get32(&host_g, SD_CPUFLAGS) | CPUSTAT_STOP_INT);
}

static void test_host_interruption(void)
{
    struct sie_guest *g = &host_g;
    loop_guest(g, g_loop, g_loop_end, 0, PSW_MASK_64);
    sd_set8(g, SD_ICPTCODE, 0xff);
    ext_handler_t old = intr_set_ext_handler(on_host_ext);
    ctl_set_bits(0, CR0_CLOCK_COMP);
    sckc(stck() + tod_from_us(50));
    uint8_t sm = stosm(PSW_SM_EXT);
    sie_run(g);
    ssm(sm);
    ctl_clear_bits(0, CR0_CLOCK_COMP);
    intr_set_ext_handler(old);
    CHECK_EQ(host_ext_count, 1, "host ckc during sie: one host external interruption");
    CHECK_EQ(host_ext_addr, (uint64_t)sie_insn, "host ckc during sie: host old psw at the sie instruction");
    CHECK_EQ(host_ext_icpt, 0, "host ckc during sie: sd icptcode 0 (exit for the host)");
    CHECK(host_ext_gpsw >= SIE_GA(g_loop, g_loop_top) && host_ext_gpsw <= SIE_GA(g_loop, g_loop_done),
          "host ckc during sie: guest psw (in its loop) stored in the sd");
    check_icpt(g, ICPT_STOP, "host handler set stop_int and returned: sie resumed, icpt 0x28");
}

int main(void)
{
    test_comparator();
    test_cpu_timer();
    test_wait();
    test_requests();
    test_host_interruption();
    return test_summary();
}
