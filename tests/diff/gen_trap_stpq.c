/* Trap test: STORE PAIR TO QUADWORD on a word-aligned operand: specification exception. */
#include "gen_trap.h"

int main(void)
{
    say("stpq: before\n");
    asm volatile("stpq %%r0,4(%[p])" : : [p] "a"(trap_area) : "0", "1", "2", "3", "memory", "cc");
    say("stpq: not trapped\n");
    rt_exit(0);
}
