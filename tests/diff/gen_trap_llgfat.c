/* Trap test: LOAD LOGICAL AND TRAP of a zero word: data exception, DXC FF. */
#include "gen_trap.h"

int main(void)
{
    say("llgfat: before\n");
    asm volatile("llgfat %%r1,4(%[p])" : : [p] "a"(trap_area) : "0", "1", "2", "3", "memory", "cc");
    say("llgfat: not trapped\n");
    rt_exit(0);
}
