/* Starting more CPUs (see smp.h): the started CPU gets a copy of the boot CPU's new
 * PSWs, so that every interruption goes through the same SDK entry code, and its own
 * stacks through fields of its lowcore. */
#include "smp.h"

#include "arch.h"
#include "lib.h"
#include "sigp.h"

extern char smp_cpu_entry[];

static void put64(uint8_t *lc, unsigned off, uint64_t v)
{
    *(volatile uint64_t *)(lc + off) = v;
}

int smp_start_cpu(uint16_t addr, struct smp_cpu_area *area, void (*fn)(void *), void *arg,
                  uint32_t *status)
{
    uint8_t *lc = area->lowcore;
    memset(lc, 0, LC_SIZE);
    for (unsigned off = LC_RESTART_NEW_PSW; off < LC_IO_NEW_PSW + 16; off += 8)
        put64(lc, off, lc_read64(off));
    put64(lc, LC_RESTART_NEW_PSW, PSW_MASK_64);
    put64(lc, LC_RESTART_NEW_PSW + 8, (uintptr_t)smp_cpu_entry);
    put64(lc, LC_SDK_INTR_STACK, (uintptr_t)area->intr_stack + INTR_STACK_SIZE);
    put64(lc, LC_SDK_CPU_STACK, (uintptr_t)area->stack + SMP_STACK_SIZE);
    put64(lc, LC_SDK_CPU_FN, (uintptr_t)fn);
    put64(lc, LC_SDK_CPU_ARG, (uintptr_t)arg);
    int cc = sigp_retry(addr, SIGP_SET_PREFIX, (uintptr_t)lc, status);
    if (cc == 0)
        cc = sigp_retry(addr, SIGP_RESTART, 0, status);
    return cc;
}

void smp_cpu_exit(void)
{
    for (;;)
        sigp_retry(stap(), SIGP_STOP, 0, 0);
}
