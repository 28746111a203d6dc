/* Trap test: LOAD LOGICAL THIRTY ONE BITS AND TRAP of X'80000000' (31 bits zero): DXC FF. */
#include "gen_trap.h"

int main(void)
{
    say("llgtat: before\n");
    asm volatile("llgtat %%r1,48(%[p])" : : [p] "a"(trap_area) : "0", "1", "2", "3", "memory", "cc");
    say("llgtat: not trapped\n");
    rt_exit(0);
}
