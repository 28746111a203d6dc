/* Clocks: STCK advances, SCKC/STCKC round trip, the clock-comparator external
 * interruption (0x1004) only when CR0 bit 52 and the PSW allow it, the CPU timer
 * (0x1005), and an enabled wait that ends on the comparator. Waits are bounded by TOD
 * time so that a missing interruption fails instead of hanging. */
#include "test.h"

#define WAIT_LIMIT_US   2000000UL   /* 2 s of TOD time before a wait counts as lost */

static volatile int ext_count;
static volatile uint16_t ext_code;
static volatile uint64_t ext_tod;

/* Record the interruption and silence its source: the comparator stays pending while
 * TOD > CKC, the CPU timer while it is negative. */
static void on_ext(struct intr_frame *f, uint16_t code, uint32_t param, uint16_t cpu)
{
    (void)f, (void)param, (void)cpu;
    ext_tod = stck();
    ext_code = code;
    ext_count++;
    if (code == EXT_CLOCK_COMP)
        sckc(CKC_NEVER);
    else if (code == EXT_CPU_TIMER)
        spt(INT64_MAX);
}

/* Busy-wait with external interruptions enabled until one arrives or time runs out. */
static int poll_ext(uint64_t limit_us)
{
    int before = ext_count;
    uint64_t end = stck() + tod_from_us(limit_us);
    uint8_t sm = stosm(PSW_SM_EXT);
    while (ext_count == before && stck() < end)
        ;
    ssm(sm);
    return ext_count != before;
}

static void test_tod(void)
{
    int cc;
    uint64_t a = stck_cc(&cc);
    CHECK_EQ(cc, 0, "stck cc 0 (clock set)");
    udelay(100);
    uint64_t b = stck();
    CHECK(b > a, "tod clock advances");
    CHECK(b - a >= tod_from_us(100), "udelay waits at least its time");
    CHECK(stckf() >= b, "stckf not behind stck");
}

static void test_comparator(void)
{
    sckc(0x123456789abcdef0UL);
    CHECK_EQ(stckc(), 0x123456789abcdef0UL, "sckc/stckc round trip");

    /* Comparator just passed, but its subclass mask off: nothing happens. (Not
     * sckc(0): QEMU 7.2 arms a host timer for CKC minus its TOD base, which for 0
     * wraps into the far future, so a comparator far in the past never fires.) */
    ctl_clear_bits(0, CR0_CLOCK_COMP);
    sckc(stck());
    CHECK(!poll_ext(1000), "comparator masked by cr0: no interruption");
    ctl_set_bits(0, CR0_CLOCK_COMP);
    CHECK(poll_ext(WAIT_LIMIT_US), "comparator pending: taken once cr0 enables it");
    CHECK_EQ(ext_code, EXT_CLOCK_COMP, "comparator interruption code 0x1004");

    /* Comparator 1 ms ahead: the interruption comes after that TOD value. */
    uint64_t when = stck() + tod_from_us(1000);
    sckc(when);
    CHECK(poll_ext(WAIT_LIMIT_US), "comparator 1 ms ahead fires");
    CHECK(ext_tod >= when, "comparator fires no earlier than its value");
    ctl_clear_bits(0, CR0_CLOCK_COMP);
}

static void test_enabled_wait(void)
{
    ctl_set_bits(0, CR0_CLOCK_COMP);
    int before = ext_count;
    uint64_t when = stck() + tod_from_us(500);
    sckc(when);
    wait_for_interrupt(PSW_SM_EXT);
    CHECK_EQ(ext_count, before + 1, "enabled wait ends with one interruption");
    CHECK(stck() >= when, "enabled wait lasted until the comparator");
    CHECK(!(psw_mask() & PSW_MASK_EXT), "system mask restored after the wait");
    ctl_clear_bits(0, CR0_CLOCK_COMP);
}

static void test_cpu_timer(void)
{
    spt(tod_from_us(1000000));
    int64_t t1 = stpt();
    udelay(50);
    int64_t t2 = stpt();
    CHECK(t2 < t1, "cpu timer counts down");
    CHECK(t1 <= (int64_t)tod_from_us(1000000), "stpt not above the value set");

    spt(tod_from_us(500));
    ctl_set_bits(0, CR0_CPU_TIMER);
    CHECK(poll_ext(WAIT_LIMIT_US), "cpu timer interruption");
    CHECK_EQ(ext_code, EXT_CPU_TIMER, "cpu timer interruption code 0x1005");
    ctl_clear_bits(0, CR0_CPU_TIMER);
}

int main(void)
{
    intr_set_ext_handler(on_ext);
    test_tod();
    test_comparator();
    test_enabled_wait();
    test_cpu_timer();
    return test_summary();
}
