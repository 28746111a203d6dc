/* Trap test: LOAD PAIR FROM QUADWORD on a doubleword-aligned operand: specification. */
#include "gen_trap.h"

int main(void)
{
    say("lpq: before\n");
    asm volatile("lpq %%r0,8(%[p])" : : [p] "a"(trap_area) : "0", "1", "2", "3", "memory", "cc");
    say("lpq: not trapped\n");
    rt_exit(0);
}
