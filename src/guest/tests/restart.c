/* The restart interruption (SIGP restart): it cannot be masked, stores the old PSW at
 * 0x120 and loads the new PSW from 0x1A0. To this CPU with every interruption masked,
 * and to a second CPU in a disabled wait, which it wakes.
 * @baremetal smp 2
 */
#include "test.h"

#define WAIT_US 2000000UL

extern char intr_restart_entry[];

static struct smp_cpu_area area1;
static volatile int restarts[2], cpu1_started, cpu1_woke;
static volatile uint64_t old_mask[2], old_addr[2];

static void on_restart(struct intr_frame *f)
{
    unsigned self = stap() & 1;
    old_mask[self] = f->psw_mask;
    old_addr[self] = f->psw_addr;
    restarts[self]++;
    f->psw_mask &= ~PSW_MASK_WAIT;       /* a waiting CPU goes on after its wait */
}

/* SIGP restart to this CPU, then a short loop: the interruption need not come during
 * the SIGP itself (QEMU takes it at the next block of translated code), but it comes
 * before the loop ends. Returns the address after the SIGP and the end of the loop. */
static void restart_self(uint64_t *after, uint64_t *end)
{
    register uint64_t r1 asm("1") = 0;
    asm volatile("larl %[a],0f\n\t"
                 "larl %[e],1f\n\t"
                 "lghi %%r0,1000\n\t"
                 "sigp %%r1,%[cpu],6\n"
                 "0:\tbrctg %%r0,0b\n"
                 "1:"
                 : [a] "=&a"(*after), [e] "=&a"(*end), "+d"(r1)
                 : [cpu] "a"((uint64_t)stap())
                 : "r0", "cc", "memory");
}

static void test_self(void)
{
    uint64_t after, end;
    uint64_t mask = psw_mask() & ~PSW_MASK_CC;
    restart_self(&after, &end);
    CHECK_EQ(restarts[0], 1, "restart to this cpu, interruptions masked: taken once");
    CHECK_EQ(old_mask[0] & ~PSW_MASK_CC, mask, "restart old psw: the mask of the interrupted code");
    CHECK(old_addr[0] >= after && old_addr[0] <= end, "restart old psw: after the sigp, before the loop ends");
    uint64_t lc_mask, lc_addr;
    lc_read_psw(LC_RESTART_OLD_PSW, &lc_mask, &lc_addr);
    CHECK(lc_mask == old_mask[0] && lc_addr == old_addr[0], "restart old psw stored at 0x120");
}

static void cpu1_main(void *arg)
{
    (void)arg;
    cpu1_started = 1;
    psw_continue(PSW_MASK_64 | PSW_MASK_WAIT);   /* disabled wait until restarted */
    cpu1_woke = 1;
}

static int wait_for(volatile int *v)
{
    uint64_t end = stck() + tod_from_us(WAIT_US);
    while (!*v && stck() < end)
        ;
    return *v;
}

/* Until CPU 1 no longer runs (it is in its wait). */
static int wait_not_running(void)
{
    uint64_t end = stck() + tod_from_us(WAIT_US);
    uint32_t st = 0;
    while (stck() < end)
        if (sigp_retry(1, SIGP_SENSE_RUNNING_STATUS, 0, &st) == SIGP_CC_STATUS_STORED)
            return 1;
    return 0;
}

static void test_other_cpu(void)
{
    uint32_t st = 0;
    CHECK_EQ(smp_start_cpu(1, &area1, cpu1_main, 0, 0), 0, "cpu 1 started with set prefix and restart");
    CHECK(wait_for(&cpu1_started), "cpu 1 runs");
    CHECK(wait_not_running(), "cpu 1 in its disabled wait");
    *(volatile uint64_t *)(area1.lowcore + LC_RESTART_NEW_PSW + 8) = (uintptr_t)intr_restart_entry;
    CHECK_EQ(sigp_retry(1, SIGP_RESTART, 0, 0), 0, "restart to a cpu in a disabled wait: cc 0");
    CHECK(wait_for(&cpu1_woke), "the restart interruption wakes it");
    CHECK_EQ(restarts[1], 1, "cpu 1 took one restart interruption");
    CHECK_EQ(old_mask[1], PSW_MASK_64 | PSW_MASK_WAIT, "its restart old psw is the disabled-wait psw");
    CHECK_EQ(*(volatile uint64_t *)(area1.lowcore + LC_RESTART_OLD_PSW), old_mask[1],
             "stored in cpu 1's lowcore at 0x120");
    uint64_t end = stck() + tod_from_us(WAIT_US);
    while (sigp_retry(1, SIGP_SENSE, 0, &st) != SIGP_CC_STATUS_STORED && stck() < end)
        ;
    CHECK_EQ(st, SIGP_STATUS_STOPPED, "cpu 1 stops itself after its function");
}

int main(void)
{
    intr_set_restart_handler(on_restart);
    test_self();
    test_other_cpu();
    return test_summary();
}
