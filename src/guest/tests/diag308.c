/* DIAGNOSE X'308' (IPL functions) as far as a bare-metal kernel uses it: privileged;
 * unassigned subcodes are specification exceptions; store and set IPL parameters check
 * the block address (even Rx, page aligned, in storage) and answer "no parameters" /
 * "invalid block" in Rx+1; subcode 1 resets (initial CPU reset here, CPU reset of the
 * other CPU) and continues with the 8-byte PSW at absolute 0 keeping the registers;
 * subcode 0 does a clear reset first, zeroing them. Re-IPL (subcode 3) is in
 * diag308_ipl.c: QEMU exits on it under -no-reboot.
 * @baremetal smp 2
 */
#include "test.h"

#define WAIT_US 2000000UL
#define MAGIC   0x0123456789abcdefUL

static uint8_t block[4096] __attribute__((aligned(4096)));
static struct smp_cpu_area area1;
static volatile int cpu1_started;

/* DIAG X'308' with Rx = r2 (block address), Ry = r4 (subcode); *rc = r3 afterwards.
 * Returns the program-interruption code, 0 if none. */
static uint16_t diag308(uint64_t block_aa, uint64_t subcode, uint64_t *rc)
{
    pgm_expect();
    register uint64_t r2 asm("2") = block_aa, r3 asm("3") = 0xdead, r4 asm("4") = subcode;
    asm volatile("diag %%r2,%%r4,0x308" : "+d"(r2), "+d"(r3), "+d"(r4) : : "memory", "cc");
    *rc = r3;
    return pgm_result(0);
}

static uint16_t diag308_odd_rx(uint64_t subcode)
{
    pgm_expect();
    register uint64_t r3 asm("3") = (uintptr_t)block, r4 asm("4") = subcode;
    asm volatile("diag %%r3,%%r4,0x308" : "+d"(r3), "+d"(r4) : : "memory", "cc");
    return pgm_result(0);
}

static void test_checks(void)
{
    static const uint64_t unassigned[] = { 2, 4, 7, 0x100, 0x10000 };
    uint64_t rc;
    char name[64];
    for (unsigned i = 0; i < sizeof(unassigned) / sizeof(unassigned[0]); i++) {
        snprintf(name, sizeof(name), "subcode 0x%lx: specification", unassigned[i]);
        CHECK_EQ(diag308((uintptr_t)block, unassigned[i], &rc), PGM_SPECIFICATION, name);
    }
    CHECK_EQ(diag308((uintptr_t)block, 6, &rc), 0, "store ipl parameters: no exception");
    CHECK_EQ(rc, 0x0102, "store ipl parameters: rc 0x0102 (none)");
    memset(block, 0, sizeof(block));
    CHECK_EQ(diag308((uintptr_t)block, 5, &rc), 0, "set ipl parameters, empty block: no exception");
    CHECK_EQ(rc, 0x0402, "set ipl parameters, empty block: rc 0x0402 (invalid)");
    CHECK_EQ(diag308((uintptr_t)block + 8, 6, &rc), PGM_SPECIFICATION, "block not page aligned: specification");
    CHECK_EQ(diag308_odd_rx(6), PGM_SPECIFICATION, "odd rx: specification");
    CHECK_EQ(diag308(0x7ffff000, 6, &rc), PGM_ADDRESSING, "block outside storage: addressing");
    pgm_expect();
    pstate_enter();
    asm volatile("lghi %%r4,6\n\tdiag %%r2,%%r4,0x308" : : : "r2", "r3", "r4", "memory");
    pstate_leave();
    CHECK_EQ(pgm_result(0), PGM_PRIVILEGED_OP, "problem state: privileged operation");
}

/* What the reset sequence saves before and records after the reset (offsets are used
 * by the assembly below). Global, so that the code after the reset can find it with
 * LARL when every register is zero. */
struct diag308_save {
    uint64_t gprs[16];      /* 0 */
    uint64_t fprs[8];       /* 128: f8-f15 */
    uint64_t crs[16];       /* 192 */
    uint64_t r12, cr0;      /* 320, 328: after the reset */
    uint32_t mask_hi, mask_lo; /* 336: EPSW after the reset */
};
struct diag308_save diag308_save;

/* Put a 31-bit ESA/390-format PSW to the code after the DIAG at absolute 0 (prefix 0),
 * reset with 'subcode', record what the reset left, then restore everything. */
static void reset_and_continue(uint64_t subcode)
{
    asm volatile(
        "   larl    %%r1,diag308_save\n"
        "   stmg    %%r0,%%r15,0(%%r1)\n"
        "   std     %%f8,128(%%r1)\n    std %%f9,136(%%r1)\n    std %%f10,144(%%r1)\n"
        "   std     %%f11,152(%%r1)\n   std %%f12,160(%%r1)\n   std %%f13,168(%%r1)\n"
        "   std     %%f14,176(%%r1)\n   std %%f15,184(%%r1)\n"
        "   stctg   %%c0,%%c15,192(%%r1)\n"
        "   larl    %%r2,0f\n"
        "   oilh    %%r2,0x8000\n"            /* word 1: BA and the 31-bit address */
        "   iihf    %%r2,0x00080000\n"        /* word 0: the ESA/390-format bit */
        "   lghi    %%r3,0\n"
        "   stg     %%r2,0(%%r3)\n"
        "   llihf   %%r12,%[mh]\n"
        "   oilf    %%r12,%[ml]\n"
        "   lgr     %%r3,%[sub]\n"
        "   diag    %%r2,%%r3,0x308\n"
        "0: larl    %%r1,diag308_save\n"
        "   stg     %%r12,320(%%r1)\n"
        "   stctg   %%c0,%%c0,328(%%r1)\n"
        "   epsw    %%r2,%%r3\n"
        "   st      %%r2,336(%%r1)\n"
        "   st      %%r3,340(%%r1)\n"
        "   sam64\n"
        "   lctlg   %%c0,%%c15,192(%%r1)\n"
        "   ld      %%f8,128(%%r1)\n    ld %%f9,136(%%r1)\n    ld %%f10,144(%%r1)\n"
        "   ld      %%f11,152(%%r1)\n   ld %%f12,160(%%r1)\n   ld %%f13,168(%%r1)\n"
        "   ld      %%f14,176(%%r1)\n   ld %%f15,184(%%r1)\n"
        "   lmg     %%r0,%%r15,0(%%r1)\n"
        : : [sub] "d"(subcode), [mh] "i"(MAGIC >> 32), [ml] "i"(MAGIC & 0xffffffff)
        : "r0", "r1", "r2", "r3", "r12", "cc", "memory");
}

static void cpu1_main(void *arg)
{
    (void)arg;
    cpu1_started = 1;
    wait_for_interrupt(PSW_SM_EXT);
}

static uint32_t cpu1_prefix_now(void)
{
    static uint8_t sa[512] __attribute__((aligned(512)));
    memset(sa, 0xff, sizeof(sa));
    sigp_retry(1, SIGP_STORE_STATUS_AT_ADDR, (uintptr_t)sa, 0);
    return *(uint32_t *)(sa + 0x118);
}

static void test_reset(uint64_t subcode)
{
    char name[96];
    uint32_t st = 0;
    const char *what = subcode ? "reset, load normal (1)" : "reset, modified clear (0)";
    cpu1_started = 0;
    CHECK_EQ(smp_start_cpu(1, &area1, cpu1_main, 0, 0), 0, "cpu 1 started");
    uint64_t end = stck() + tod_from_us(WAIT_US);
    while (!cpu1_started && stck() < end)
        ;
    reset_and_continue(subcode);
    snprintf(name, sizeof(name), "%s: continues at the psw at absolute 0, 31-bit", what);
    CHECK(diag308_save.mask_hi == 0 && diag308_save.mask_lo == 0x80000000u, name);
    snprintf(name, sizeof(name), "%s: initial values in the control registers", what);
    CHECK_EQ(diag308_save.cr0, 0xe0, name);
    snprintf(name, sizeof(name), "%s: %s", what, subcode ? "general registers kept" : "general registers zeroed");
    CHECK_EQ(diag308_save.r12, subcode ? MAGIC : 0, name);
    CHECK_EQ(stpx(), 0, subcode ? "load normal: prefix 0" : "modified clear: prefix 0");
    snprintf(name, sizeof(name), "%s: the other cpu is stopped", what);
    CHECK(sigp_retry(1, SIGP_SENSE, 0, &st) == SIGP_CC_STATUS_STORED && st == SIGP_STATUS_STOPPED, name);
    snprintf(name, sizeof(name), "%s: the other cpu's prefix %s", what, subcode ? "kept (cpu reset)" : "0 (clear reset)");
    CHECK_EQ(cpu1_prefix_now(), subcode ? (uintptr_t)area1.lowcore : 0, name);
}

int main(void)
{
    test_checks();
    test_reset(1);
    test_reset(0);
    return test_summary();
}
