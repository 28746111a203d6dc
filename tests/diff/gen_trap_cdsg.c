/* Trap test: COMPARE DOUBLE AND SWAP (64) on a doubleword-aligned operand: specification. */
#include "gen_trap.h"

int main(void)
{
    say("cdsg: before\n");
    asm volatile("cdsg %%r0,%%r2,8(%[p])" : : [p] "a"(trap_area) : "0", "1", "2", "3", "memory", "cc");
    say("cdsg: not trapped\n");
    rt_exit(0);
}
