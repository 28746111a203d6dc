/* Trap test: COMPARE AND SWAP (CSY) on an odd address: specification exception. */
#include "gen_trap.h"

int main(void)
{
    say("csy: before\n");
    asm volatile("csy %%r0,%%r1,1(%[p])" : : [p] "a"(trap_area) : "0", "1", "2", "3", "memory", "cc");
    say("csy: not trapped\n");
    rt_exit(0);
}
