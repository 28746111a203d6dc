/* DIAGNOSE X'308' results checked on zhyp only (QEMU exits on a re-IPL under
 * -no-reboot, and does not check the IPL PSW):
 *  - subcode 3 (load clear) IPLs the image again: storage and storage keys are cleared,
 *    the --append text is back, the other CPU is stopped, and the program starts from
 *    the beginning. The TOD clock is not reset, so the first run sets it far ahead
 *    (SET CLOCK) and the second run knows it is the second;
 *  - load normal (subcode 1) with an 8-byte PSW lacking the ESA/390-format bit at
 *    absolute 0 gives an early specification exception: ILC 0, the old PSW is the
 *    loaded one.
 * @baremetal smp 2
 * @baremetal qemu no
 */
#include "test.h"

#define SECOND_RUN_TOD  0xf000000000000000UL   /* far beyond the boot TOD (2026) */
#define MARK_AA         0x800000UL             /* a frame beyond the image */
#define MARK            0x5eed5eed5eed5eedUL
#define KEY             0x30

static struct smp_cpu_area area1;

static void sck(uint64_t tod)
{
    asm volatile("sck %[t]" : : [t] "Q"(tod) : "cc", "memory");
}

static uint8_t iske(uint64_t ra)
{
    uint64_t key = 0;
    asm volatile("iske %[k],%[a]" : [k] "+d"(key) : [a] "a"(ra));
    return (uint8_t)key;
}

static void cpu1_main(void *arg)
{
    (void)arg;
    wait_for_interrupt(PSW_SM_EXT);
}

static void first_run(void)
{
    *(volatile uint64_t *)MARK_AA = MARK;
    asm volatile("sske %[k],%[a]" : : [k] "d"((uint64_t)KEY), [a] "a"(MARK_AA) : "memory");
    CHECK_EQ(iske(MARK_AA), KEY, "first run: storage key set");
    CHECK_EQ(smp_start_cpu(1, &area1, cpu1_main, 0, 0), 0, "first run: cpu 1 started");
    printf("first run: set the clock ahead and re-ipl with diag 308 subcode 3\n");
    sck(SECOND_RUN_TOD);
    register uint64_t r2 asm("2") = 0, r3 asm("3") = 3;
    asm volatile("diag %%r2,%%r3,0x308" : : "d"(r2), "d"(r3) : "memory");
    CHECK(0, "diag 308 subcode 3 returned");
}

/* The invalid IPL PSW: the program new PSW goes to 'caught', which records the
 * interruption and restores the state the reset changed, as in diag308.c. */
struct ipl_save {
    uint64_t gprs[16];      /* 0 */
    uint64_t crs[16];       /* 128 */
    uint64_t pgm_new[2];    /* 256: the SDK's program new PSW */
    uint64_t old[2];        /* 272: program old PSW */
    uint32_t ilc_code;      /* 288: ILC and code halfwords at 0x8c */
};
struct ipl_save ipl_save;

static void bad_ipl_psw(void)
{
    asm volatile(
        "   larl    %%r1,ipl_save\n"
        "   stmg    %%r0,%%r15,0(%%r1)\n"
        "   stctg   %%c0,%%c15,128(%%r1)\n"
        "   mvc     256(16,%%r1),464(%%r0)\n"      /* program new PSW at 0x1d0 */
        "   larl    %%r2,0f\n"
        "   stg     %%r2,472(%%r0)\n"
        "   larl    %%r2,9f\n"
        "   oilh    %%r2,0x8000\n"                  /* no ESA/390-format bit in word 0 */
        "   stg     %%r2,0(%%r0)\n"
        "   lghi    %%r3,1\n"
        "   diag    %%r2,%%r3,0x308\n"
        "9: j       9b\n"
        "0: larl    %%r1,ipl_save\n"
        "   mvc     272(16,%%r1),336(%%r0)\n"      /* program old PSW at 0x150 */
        "   mvc     288(4,%%r1),140(%%r0)\n"       /* ILC and code at 0x8c */
        "   mvc     464(16,%%r0),256(%%r1)\n"
        "   lctlg   %%c0,%%c15,128(%%r1)\n"
        "   lmg     %%r0,%%r15,0(%%r1)\n"
        : : : "r0", "r1", "r2", "r3", "cc", "memory");
}

static void second_run(void)
{
    uint32_t st = 0;
    CHECK(stck() >= SECOND_RUN_TOD, "second run: the clock kept running from the value set");
    CHECK_EQ(iske(MARK_AA), 0, "storage keys cleared");        /* before the read sets R */
    CHECK_EQ(*(volatile uint64_t *)MARK_AA, 0, "storage cleared");
    CHECK(!strcmp(guest_cmdline(), "zhyp baremetal"), "the --append text is back at 0x10480");
    CHECK_EQ(stpx(), 0, "prefix 0");
    CHECK(sigp_retry(1, SIGP_SENSE, 0, &st) == SIGP_CC_STATUS_STORED && st == SIGP_STATUS_STOPPED,
          "cpu 1 stopped by the clear reset");
    bad_ipl_psw();
    CHECK_EQ(ipl_save.ilc_code, PGM_SPECIFICATION, "invalid ipl psw: specification exception, ilc 0");
    CHECK(ipl_save.old[0] == 0x0000000080000000UL && (ipl_save.old[1] & 0xffff) != 0,
          "invalid ipl psw: the old psw is the one loaded");
}

int main(void)
{
    if (stck() < SECOND_RUN_TOD)
        first_run();
    second_run();
    return test_summary();
}
