/* Trap test: COMPARE DOUBLE AND SWAP with an odd R1: specification exception. */
#include "gen_trap.h"

int main(void)
{
    say("cdsodd: before\n");
    asm volatile(".insn rs,0xbb000000,%%r1,%%r2,0(%[p])" : : [p] "a"(trap_area) : "0", "1", "2", "3", "memory", "cc");
    say("cdsodd: not trapped\n");
    rt_exit(0);
}
