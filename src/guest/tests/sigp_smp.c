/* SIGNAL PROCESSOR between two CPUs: CPU 1 starts stopped; set prefix and restart start
 * it; external call, emergency and conditional emergency signals go both ways; sense and
 * sense running status; stop and store status, store status at address; CPU reset and
 * initial CPU reset. CPU 1 never prints: it reports through variables. Cases where QEMU
 * 7.2 is not the oracle are in sigp_arch.c.
 * @baremetal smp 2
 */
#include "test.h"

#define MAGIC       0x5ca1ab1e600dcafeUL
#define WAIT_US     2000000UL       /* TOD time before a wait for the other CPU counts as lost */


static struct smp_cpu_area area1;
static uint8_t save_area[512] __attribute__((aligned(512)));

static volatile int cpu1_started;
static volatile uint16_t cpu1_addr;
static volatile uint32_t cpu1_prefix;
static volatile uint64_t cpu1_wait_addr;
static volatile int ext_count[2];
static volatile uint16_t ext_code[2], ext_src[2];

/* CPU 1 waits, enabled for external interruptions, with MAGIC in r12; the handler
 * returns to the LPSWE, which waits again. */
static void cpu1_idle(void)
{
    uint64_t psw[2] __attribute__((aligned(8))) = { PSW_MASK_64 | PSW_MASK_EXT | PSW_MASK_WAIT, 0 };
    asm volatile("llihf %%r12,%[hi]\n\toilf %%r12,%[lo]\n\t"
                 "larl %%r1,0f\n\tstg %%r1,8(%[p])\n\tstg %%r1,%[wa]\n"
                 "0:\tlpswe 0(%[p])\n\tj 0b"
                 : [wa] "=Q"(cpu1_wait_addr)
                 : [p] "a"(psw), [hi] "i"(MAGIC >> 32), [lo] "i"(MAGIC & 0xffffffff)
                 : "r1", "r12", "memory");
}

static void cpu1_main(void *arg)
{
    (void)arg;
    cpu1_addr = stap();
    cpu1_prefix = stpx();
    ctl_set_bits(0, CR0_EXTERNAL_CALL | CR0_EMERGENCY_SIG);
    cpu1_started = 1;
    cpu1_idle();
}

/* Shared by both CPUs. CPU 1 answers an external call with an emergency signal and
 * an emergency signal with an external call. */
static void on_ext(struct intr_frame *f, uint16_t code, uint32_t param, uint16_t cpu)
{
    (void)f, (void)param;
    unsigned self = stap() & 1;
    ext_code[self] = code;
    ext_src[self] = cpu;
    ext_count[self]++;
    if (!self)
        return;
    sigp_retry(0, code == EXT_EXTERNAL_CALL ? SIGP_EMERGENCY_SIGNAL : SIGP_EXTERNAL_CALL, 0, 0);
}

/* Spin (CPU 0 enabled for external interruptions) until *v reaches want or time runs out. */
static int wait_for(volatile int *v, int want)
{
    uint64_t end = stck() + tod_from_us(WAIT_US);
    uint8_t sm = stosm(PSW_SM_EXT);
    while (*v < want && stck() < end)
        ;
    ssm(sm);
    return *v >= want;
}

/* Until CPU 1 is in its wait (SIGP sense running status: not running). */
static int wait_cpu1_waiting(void)
{
    uint64_t end = stck() + tod_from_us(WAIT_US);
    uint32_t st = 0;
    while (stck() < end)
        if (sigp_retry(1, SIGP_SENSE_RUNNING_STATUS, 0, &st) == SIGP_CC_STATUS_STORED)
            return st == SIGP_STATUS_NOT_RUNNING;
    return 0;
}

static void check_order(uint8_t order, uint64_t param, int cc, uint32_t status, const char *name)
{
    uint32_t st = 0;
    int got = sigp_retry(1, order, param, &st);
    if (cc == SIGP_CC_STATUS_STORED && got == cc)
        CHECK_EQ(st, status, name);
    else
        CHECK_EQ(got, cc, name);
}

static void test_stopped_cpu(void)
{
    check_order(SIGP_SENSE, 0, 1, SIGP_STATUS_STOPPED, "sense cpu 1 before start: stopped");
    check_order(SIGP_SENSE_RUNNING_STATUS, 0, 1, SIGP_STATUS_NOT_RUNNING,
                "sense running status of a stopped cpu: not running");
    CHECK_EQ(sigp(2, SIGP_SENSE, 0, 0), SIGP_CC_NOT_OPERATIONAL, "cpu 2 is not operational");
    check_order(SIGP_SET_PREFIX, 0x7fffe000, 1, SIGP_STATUS_INVALID_PARAM,
                "set prefix outside storage: invalid parameter");
}

static void test_start(void)
{
    uint32_t st = 0;
    CHECK_EQ(smp_start_cpu(1, &area1, cpu1_main, 0, &st), 0, "set prefix and restart accepted");
    CHECK(wait_for(&cpu1_started, 1), "cpu 1 runs its function");
    CHECK_EQ(cpu1_addr, 1, "cpu 1: stap 1");
    CHECK_EQ(cpu1_prefix, (uintptr_t)area1.lowcore, "cpu 1: stpx is the prefix set");
    CHECK_EQ(*(uint64_t *)(area1.lowcore + LC_RESTART_OLD_PSW + 8), 0,
             "restart old psw in cpu 1's lowcore: the reset psw");
    check_order(SIGP_SET_PREFIX, (uintptr_t)area1.lowcore, 1, SIGP_STATUS_INCORRECT_STATE,
                "set prefix of an operating cpu: incorrect state");
    check_order(SIGP_STORE_STATUS_AT_ADDR, (uintptr_t)save_area, 1, SIGP_STATUS_INCORRECT_STATE,
                "store status at address of an operating cpu: incorrect state");
}

static void test_signals(void)
{
    ctl_set_bits(0, CR0_EXTERNAL_CALL | CR0_EMERGENCY_SIG);
    CHECK_EQ(sigp_retry(1, SIGP_EXTERNAL_CALL, 0, 0), 0, "external call to cpu 1: cc 0");
    CHECK(wait_for(&ext_count[0], 1), "cpu 1 answers with an emergency signal");
    CHECK(ext_count[1] == 1 && ext_code[1] == EXT_EXTERNAL_CALL && ext_src[1] == 0,
          "cpu 1 took external call 0x1202 from cpu 0");
    CHECK(ext_code[0] == EXT_EMERGENCY_SIG && ext_src[0] == 1, "cpu 0 took emergency signal 0x1201 from cpu 1");
    CHECK_EQ(sigp_retry(1, SIGP_EMERGENCY_SIGNAL, 0, 0), 0, "emergency signal to cpu 1: cc 0");
    CHECK(wait_for(&ext_count[0], 2), "cpu 1 answers with an external call");
    CHECK(ext_code[1] == EXT_EMERGENCY_SIG && ext_src[1] == 0, "cpu 1 took emergency signal from cpu 0");
    CHECK(ext_code[0] == EXT_EXTERNAL_CALL && ext_src[0] == 1, "cpu 0 took external call from cpu 1");
    CHECK_EQ(sigp_retry(1, SIGP_COND_EMERGENCY_SIGNAL, 0, 0), 0,
             "conditional emergency signal to an operating cpu: cc 0");
    CHECK(wait_for(&ext_count[0], 3), "cpu 1 took it and answered");
    ctl_clear_bits(0, CR0_EXTERNAL_CALL | CR0_EMERGENCY_SIG);
}

/* The save area of CPU 1 as it waits in cpu1_idle. */
static void check_save_area(const uint8_t *sa, const char *what)
{
    char name[96];
    snprintf(name, sizeof(name), "%s: r12", what);
    CHECK_EQ(*(const uint64_t *)(sa + 0x80 + 8 * 12), MAGIC, name);
    snprintf(name, sizeof(name), "%s: psw", what);
    CHECK(*(const uint64_t *)(sa + 0x100) == (PSW_MASK_64 | PSW_MASK_EXT | PSW_MASK_WAIT) &&
          *(const uint64_t *)(sa + 0x108) == cpu1_wait_addr, name);
    snprintf(name, sizeof(name), "%s: prefix", what);
    CHECK_EQ(*(const uint32_t *)(sa + 0x118), (uintptr_t)area1.lowcore, name);
    snprintf(name, sizeof(name), "%s: cr0 external subclasses", what);
    CHECK_EQ(*(const uint64_t *)(sa + 0x180) & (CR0_EXTERNAL_CALL | CR0_EMERGENCY_SIG),
             CR0_EXTERNAL_CALL | CR0_EMERGENCY_SIG, name);
}

static void test_stop_and_store(void)
{
    CHECK(wait_cpu1_waiting(), "sense running status: cpu 1 in its wait is not running");
    memset((void *)lc_ptr(LC_SS_FPRS), 0, 0x200);   /* absolute = real: cpu 0's prefix is 0 */
    *(volatile uint8_t *)lc_ptr(LC_ARCH_MODE_ID) = 0;
    CHECK_EQ(sigp_retry(1, SIGP_STOP_AND_STORE_STATUS, 0, 0), 0, "stop and store status: cc 0");
    check_order(SIGP_SENSE, 0, 1, SIGP_STATUS_STOPPED, "sense after stop: stopped");
    check_save_area((const uint8_t *)lc_ptr(LC_SS_FPRS), "status at absolute 0x1200");
    CHECK_EQ(lc_read8(LC_ARCH_MODE_ID), 1, "architectural-mode id 1 at absolute 163");
    memset(save_area, 0, sizeof(save_area));
    CHECK_EQ(sigp_retry(1, SIGP_STORE_STATUS_AT_ADDR, (uintptr_t)save_area, 0), 0,
             "store status at address of the stopped cpu: cc 0");
    check_save_area(save_area, "status at address");
}

/* CPU reset keeps the registers, the PSW and the prefix, so SIGP start resumes the
 * wait; initial CPU reset gives the initial values. */
static void test_resets(void)
{
    CHECK_EQ(sigp_retry(1, SIGP_CPU_RESET, 0, 0), 0, "cpu reset: cc 0");
    check_order(SIGP_SENSE, 0, 1, SIGP_STATUS_STOPPED, "sense after cpu reset: stopped");
    memset(save_area, 0, sizeof(save_area));
    sigp_retry(1, SIGP_STORE_STATUS_AT_ADDR, (uintptr_t)save_area, 0);
    check_save_area(save_area, "after cpu reset");
    CHECK_EQ(sigp_retry(1, SIGP_START, 0, 0), 0, "start after cpu reset: cc 0");
    ctl_set_bits(0, CR0_EMERGENCY_SIG);
    int before = ext_count[0];
    CHECK_EQ(sigp_retry(1, SIGP_EXTERNAL_CALL, 0, 0), 0, "external call to the started cpu: cc 0");
    CHECK(wait_for(&ext_count[0], before + 1), "the started cpu answers from its wait");
    ctl_clear_bits(0, CR0_EMERGENCY_SIG);
    CHECK(wait_cpu1_waiting(), "and waits again");
    CHECK_EQ(sigp_retry(1, SIGP_STOP, 0, 0), 0, "stop: cc 0");
    CHECK_EQ(sigp_retry(1, SIGP_INITIAL_CPU_RESET, 0, 0), 0, "initial cpu reset: cc 0");
    check_order(SIGP_SENSE, 0, 1, SIGP_STATUS_STOPPED, "sense after initial cpu reset: stopped");
    memset(save_area, 0xff, sizeof(save_area));
    sigp_retry(1, SIGP_STORE_STATUS_AT_ADDR, (uintptr_t)save_area, 0);
    CHECK(*(uint64_t *)(save_area + 0x100) == 0 && *(uint64_t *)(save_area + 0x108) == 0,
          "initial cpu reset: psw 0");
    CHECK_EQ(*(uint32_t *)(save_area + 0x118), 0, "initial cpu reset: prefix 0");
    CHECK_EQ(*(uint64_t *)(save_area + 0x180), 0xe0, "initial cpu reset: cr0 0xe0");
    CHECK_EQ(*(uint64_t *)(save_area + 0x180 + 8 * 14), 0xc2000000, "initial cpu reset: cr14 0xc2000000");
    CHECK_EQ(*(uint64_t *)(save_area + 0x80 + 8 * 12), MAGIC, "initial cpu reset keeps the gprs");
    CHECK_EQ(*(uint64_t *)(save_area + 0x130), 0, "initial cpu reset: clock comparator 0");
}

int main(void)
{
    intr_set_ext_handler(on_ext);
    test_stopped_cpu();
    test_start();
    test_signals();
    test_stop_and_store();
    test_resets();
    return test_summary();
}
