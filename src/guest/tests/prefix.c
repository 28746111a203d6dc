/* Prefixing: real 0-8K and the prefix area swap places. SET PREFIX on this CPU moves
 * its lowcore (interruption codes go to the new area; real 0 and real P exchange
 * contents); SIGP set prefix gives CPU 1 its own area, which it sees at real 0 while
 * its real P shows absolute 0; SIGP set prefix to an operating CPU is refused.
 * @baremetal smp 2
 */
#include "test.h"

#define WAIT_US 2000000UL
#define SLOT    0x380       /* a lowcore word no one else uses (OS area) */
#define MARK_0  0x0a0a0a0a0a0a0a0aUL
#define MARK_P  0x0b0b0b0b0b0b0b0bUL

static uint8_t area0[LC_SIZE] __attribute__((aligned(8192)));
static struct smp_cpu_area area1;
static volatile int cpu1_done, ext_taken;
static volatile uint64_t cpu1_real0, cpu1_realp, cpu1_slot_at_p;
static volatile uint32_t cpu1_prefix;

static uint64_t real64(uintptr_t ra)
{
    return *(volatile uint64_t *)lc_ptr(ra);
}

static void set_real64(uintptr_t ra, uint64_t v)
{
    *(volatile uint64_t *)lc_ptr(ra) = v;
}

static void spx(uint32_t p)
{
    asm volatile("spx %[p]" : : [p] "Q"(p) : "memory");
}

static void test_spx(void)
{
    uintptr_t p = (uintptr_t)area0;
    struct pgm_info pi;
    memcpy(area0, (const void *)lc_ptr(0), LC_SIZE);   /* the new lowcore: same new PSWs */
    set_real64(SLOT, MARK_0);
    set_real64(p + SLOT, MARK_P);
    spx((uint32_t)p);
    CHECK_EQ(stpx(), p, "stpx after spx: the new prefix");
    CHECK_EQ(real64(SLOT), MARK_P, "real slot now reads the prefix area");
    CHECK_EQ(real64(p + SLOT), MARK_0, "real prefix+slot now reads absolute 0");
    lc_write16(LC_PGM_CODE, 0);
    set_real64(p + LC_PGM_ILC, 0);
    CHECK_PGM(asm volatile(".insn rr,0x0000,0,0" : : : "memory"), PGM_OPERATION, 2,
              "an interruption with the new prefix", &pi);
    CHECK_EQ(lc_read16(LC_PGM_CODE), PGM_OPERATION, "its code went to the new lowcore");
    CHECK_EQ(real64(p + LC_PGM_ILC), 0, "the old lowcore (absolute 0) is untouched");
    spx(0);
    CHECK_EQ(stpx(), 0, "spx 0: back");
    CHECK_EQ(real64(SLOT), MARK_0, "real slot is absolute 0 again");
    CHECK_PGM(spx(0x7fffe000), PGM_ADDRESSING, 4, "spx outside storage: addressing", &pi);
    CHECK_EQ(stpx(), 0, "prefix unchanged after the exception");
}

static void cpu1_main(void *arg)
{
    (void)arg;
    cpu1_prefix = stpx();
    cpu1_real0 = real64(LC_SDK_CPU_STACK);
    cpu1_realp = real64(cpu1_prefix + LC_SDK_CPU_STACK);
    cpu1_slot_at_p = real64(cpu1_prefix + SLOT);
    ctl_set_bits(0, CR0_EXTERNAL_CALL);
    cpu1_done = 1;
    wait_for_interrupt(PSW_SM_EXT);
}

static void on_ext(struct intr_frame *f, uint16_t code, uint32_t param, uint16_t cpu)
{
    (void)f, (void)code, (void)param, (void)cpu;
    ext_taken = 1;
}

static int wait_for(volatile int *v)
{
    uint64_t end = stck() + tod_from_us(WAIT_US);
    while (!*v && stck() < end)
        ;
    return *v;
}

static void test_sigp_set_prefix(void)
{
    uint32_t st = 0;
    uintptr_t p1 = (uintptr_t)area1.lowcore;
    CHECK_EQ(sigp_retry(stap(), SIGP_SET_PREFIX, p1, &st), SIGP_CC_STATUS_STORED,
             "sigp set prefix to this (operating) cpu: cc 1");
    CHECK_EQ(st, SIGP_STATUS_INCORRECT_STATE, "... incorrect state");
    CHECK_EQ(stpx(), 0, "... prefix unchanged");
    set_real64(SLOT, MARK_0);
    CHECK_EQ(smp_start_cpu(1, &area1, cpu1_main, 0, 0), 0, "sigp set prefix and restart to cpu 1");
    CHECK(wait_for(&cpu1_done), "cpu 1 runs");
    CHECK_EQ(cpu1_prefix, p1, "cpu 1: stpx is the area set");
    CHECK_EQ(cpu1_real0, (uintptr_t)area1.stack + SMP_STACK_SIZE, "cpu 1: real 0 is its own area");
    CHECK_EQ(cpu1_realp, real64(LC_SDK_CPU_STACK), "cpu 1: real prefix is absolute 0");
    CHECK_EQ(cpu1_slot_at_p, MARK_0, "cpu 1: real prefix+slot is cpu 0's slot");
    lc_write16(LC_EXT_CODE, 0);             /* printing stores 0x2401 here: no output until read */
    int cc = sigp_retry(1, SIGP_EXTERNAL_CALL, 0, 0);
    int taken = wait_for(&ext_taken);
    uint16_t code1 = *(volatile uint16_t *)(area1.lowcore + LC_EXT_CODE), code0 = lc_read16(LC_EXT_CODE);
    CHECK_EQ(cc, 0, "external call to cpu 1");
    CHECK(taken, "cpu 1 takes it");
    CHECK_EQ(code1, EXT_EXTERNAL_CALL, "the code went to cpu 1's prefix area");
    CHECK_EQ(code0, 0, "cpu 0's lowcore is untouched");
    uint64_t end = stck() + tod_from_us(WAIT_US);
    while (sigp_retry(1, SIGP_SENSE, 0, &st) != SIGP_CC_STATUS_STORED && stck() < end)
        ;
    CHECK_EQ(st, SIGP_STATUS_STOPPED, "cpu 1 stopped itself");
}

int main(void)
{
    intr_set_ext_handler(on_ext);
    test_spx();
    test_sigp_set_prefix();
    return test_summary();
}
