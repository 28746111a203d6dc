/* Trap test: LOAD AND TRAP (32) of a zero word: data exception, DXC FF. */
#include "gen_trap.h"

int main(void)
{
    say("lat: before\n");
    asm volatile("lat %%r1,0(%[p])" : : [p] "a"(trap_area) : "0", "1", "2", "3", "memory", "cc");
    say("lat: not trapped\n");
    rt_exit(0);
}
