/* SIGNAL PROCESSOR results that QEMU 7.2 does not give (docs/testing.md), checked
 * against the architected result on zhyp only:
 *  - store status at an address outside storage: invalid parameter (QEMU: CC 0);
 *  - conditional emergency signal to a stopped CPU enabled for I/O and external
 *    interruptions: refused (incorrect state) when it waits at address 0, or does not
 *    wait and the ASN is neither its primary nor its secondary ASN; accepted when the
 *    ASN matches (QEMU accepts every case);
 *  - CPU reset clears the emergency signal that acceptance left pending.
 * @baremetal smp 2
 * @baremetal qemu no
 */
#include "test.h"

#define WAIT_US 2000000UL

enum cpu1_mode { WAIT_AT_0, BUSY_LOOP };

static struct smp_cpu_area area1;
static volatile int cpu1_started, ext_calls, emergencies;
static volatile enum cpu1_mode cpu1_next;

extern char cpu1_busy_loop[];
asm(".text\n\t.align 4\ncpu1_busy_loop:\n\tj cpu1_busy_loop\n\t.previous");

/* CPU 1 (the only one enabled for these signals) moves to the wait or loop it is told. */
static void on_ext(struct intr_frame *f, uint16_t code, uint32_t param, uint16_t cpu)
{
    (void)param, (void)cpu;
    if (code == EXT_EMERGENCY_SIG) {
        emergencies++;
        return;
    }
    ext_calls++;
    f->psw_mask = PSW_MASK_64 | PSW_MASK_EXT | PSW_MASK_IO;
    f->psw_addr = (uintptr_t)cpu1_busy_loop;
    if (cpu1_next == WAIT_AT_0) {
        f->psw_mask |= PSW_MASK_WAIT;
        f->psw_addr = 0;
    }
}

static void cpu1_main(void *arg)
{
    (void)arg;
    ctl_set_bits(0, CR0_EXTERNAL_CALL | CR0_EMERGENCY_SIG);
    cpu1_started = 1;
    wait_for_interrupt(PSW_SM_EXT);
    for (;;)
        ;
}

static int wait_for(volatile int *v, int want)
{
    uint64_t end = stck() + tod_from_us(WAIT_US);
    while (*v < want && stck() < end)
        ;
    return *v >= want;
}

static int cond_emergency(uint16_t asn, uint32_t *st)
{
    *st = 0;
    return sigp_retry(1, SIGP_COND_EMERGENCY_SIGNAL, asn, st);
}

/* Tell CPU 1 where to go with an external call, then stop it there. */
static void move_cpu1(enum cpu1_mode mode, int calls)
{
    cpu1_next = mode;
    sigp_retry(1, SIGP_START, 0, 0);
    sigp_retry(1, SIGP_EXTERNAL_CALL, 0, 0);
    wait_for(&ext_calls, calls);
    sigp_retry(1, SIGP_STOP, 0, 0);
}

int main(void)
{
    uint32_t st = 0;
    intr_set_ext_handler(on_ext);
    CHECK_EQ(sigp_retry(1, SIGP_STORE_STATUS_AT_ADDR, 0x7ffffe00, &st), SIGP_CC_STATUS_STORED,
             "store status at an address outside storage: cc 1");
    CHECK_EQ(st, SIGP_STATUS_INVALID_PARAM, "... invalid parameter");
    CHECK_EQ(smp_start_cpu(1, &area1, cpu1_main, 0, 0), 0, "cpu 1 started");
    CHECK(wait_for(&cpu1_started, 1), "cpu 1 runs");

    move_cpu1(WAIT_AT_0, 1);
    CHECK_EQ(cond_emergency(0x1234, &st), SIGP_CC_STATUS_STORED,
             "conditional emergency, stopped in an enabled wait at 0: cc 1");
    CHECK_EQ(st, SIGP_STATUS_INCORRECT_STATE, "... incorrect state");

    move_cpu1(BUSY_LOOP, 2);
    CHECK_EQ(cond_emergency(1, &st), SIGP_CC_STATUS_STORED,
             "conditional emergency, stopped, not waiting, other asn: cc 1");
    CHECK_EQ(st, SIGP_STATUS_INCORRECT_STATE, "... incorrect state");
    CHECK_EQ(cond_emergency(0, &st), 0, "conditional emergency, stopped, primary asn 0 matches: cc 0");

    CHECK_EQ(sigp_retry(1, SIGP_CPU_RESET, 0, 0), 0, "cpu reset");
    move_cpu1(BUSY_LOOP, 3);
    CHECK_EQ(emergencies, 0, "cpu reset cleared the pending emergency signal");
    return test_summary();
}
