/* The idle guest: prints one line, then waits enabled for external interruptions with
 * nothing that will ever come (bench/guests starts many of these). */
#include "guest.h"

int main(void)
{
    printf("idle guest up\n");
    uint64_t psw[2] __attribute__((aligned(8))) = { PSW_MASK_64 | PSW_MASK_EXT | PSW_MASK_WAIT, 0 };
    ctl_load(0, ctl_store(0) & ~0xfe00ULL);     /* no subclass enabled: no timer wakes it */
    asm volatile("larl %%r1,0f\n\tstg %%r1,8(%0)\n0:\tlpswe 0(%0)\n\tj 0b" :: "a"(psw) : "r1", "memory");
    return 0;
}
