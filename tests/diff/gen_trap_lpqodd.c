/* Trap test: LOAD PAIR FROM QUADWORD with an odd R1: specification exception. */
#include "gen_trap.h"

int main(void)
{
    say("lpqodd: before\n");
    asm volatile(".insn rxy,0xe3000000008f,%%r1,0(%[p])" : : [p] "a"(trap_area) : "0", "1", "2", "3", "memory", "cc");
    say("lpqodd: not trapped\n");
    rt_exit(0);
}
