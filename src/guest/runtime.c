/* Run-time support of the bare-metal guest SDK: boot after start.S, the end of a run
 * (SIGP stop, disabled-wait fallback), PSW changes (waits, problem state), the
 * facility list and the loader's command line. */
#include "guest.h"

#define FACILITY_DWORDS 4

extern char ipl_cmdline[];

static uint64_t facilities[FACILITY_DWORDS];
static int facility_dwords;
static volatile int exiting;
static int exit_status;

static void read_facilities(void)
{
    int needed;
    stfle(facilities, FACILITY_DWORDS, &needed);
    facility_dwords = needed < FACILITY_DWORDS ? needed : FACILITY_DWORDS;
}

int facility(unsigned nr)
{
    if (nr / 64 >= (unsigned)facility_dwords)
        return 0;
    return (int)(facilities[nr / 64] >> (63 - nr % 64) & 1);
}

const uint64_t *facility_list(int *n)
{
    *n = facility_dwords;
    return facilities;
}

const char *guest_cmdline(void)
{
    return ipl_cmdline;
}

noreturn void guest_boot(void)
{
    read_facilities();
    sclp_console_init();
    guest_exit(main());
}

int guest_exiting(void)
{
    return exiting;
}

noreturn void guest_wait_exit(int status)
{
    uint64_t psw[2] __attribute__((aligned(8)));
    exiting = 1;
    psw[0] = PSW_MASK_64 | PSW_MASK_WAIT;
    psw[1] = status ? GUEST_WAIT_FAIL | (status & 0xffff) : GUEST_WAIT_PASS;
    for (;;)
        asm volatile("lpswe %[p]" : : [p] "Q"(psw) : "memory");
}

/* A stop order to this CPU takes effect before the next instruction, so reaching the
 * fallback means SIGP is not available (or refused) on this machine. */
noreturn void guest_exit(int status)
{
    exit_status = status;
    exiting = 1;
    sigp_retry(stap(), SIGP_STOP, 0, 0);
    guest_wait_exit(status);
}

noreturn void guest_exit_fallback(void)
{
    guest_wait_exit(exit_status);
}

void psw_continue(uint64_t mask)
{
    uint64_t psw[2] __attribute__((aligned(8)));
    asm volatile("larl %%r1,0f\n\t"
                 "stg %[m],0(%[p])\n\t"
                 "stg %%r1,8(%[p])\n\t"
                 "lpswe 0(%[p])\n"
                 "0:"
                 : : [m] "d"(mask), [p] "a"(psw) : "r1", "cc", "memory");
}

/* The handler clears the wait bit in the old PSW, so the return lands after the
 * LPSWE with the classes still enabled; the old system mask then goes back. */
void wait_for_interrupt(uint8_t sm)
{
    uint64_t mask = psw_mask();
    psw_continue(mask | (uint64_t)sm << 56 | PSW_MASK_WAIT);
    ssm((uint8_t)(mask >> 56));
}

void pstate_enter(void)
{
    psw_continue(psw_mask() | PSW_MASK_PSTATE);
}

void pstate_leave(void)
{
    asm volatile("svc %[n]" : : [n] "i"(SVC_SDK_SUPERVISOR) : "memory");
}
