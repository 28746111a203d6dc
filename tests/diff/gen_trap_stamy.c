/* Trap test: STORE ACCESS MULTIPLE (STAMY) on an odd address: specification. */
#include "gen_trap.h"

int main(void)
{
    say("stamy: before\n");
    asm volatile("stamy %%a0,%%a1,1(%[p])" : : [p] "a"(trap_area) : "0", "1", "2", "3", "memory", "cc");
    say("stamy: not trapped\n");
    rt_exit(0);
}
