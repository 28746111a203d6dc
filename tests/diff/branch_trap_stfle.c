/* Differential test (ends with a signal): STORE FACILITY LIST EXTENDED to an address
 * that is not doubleword aligned: specification exception (SIGILL). A line is written
 * straight away (the rt buffer would die with the program), then the instruction must
 * raise the program interruption; "not trapped" means it did not. */
#include "rt.h"

static u32 fac[8] __attribute__((aligned(8)));
int main(void)
{
    rt_say("branch_trap_stfle: before\n", sizeof("branch_trap_stfle: before\n") - 1);
    asm volatile("lghi %%r0,0\n\tstfle %[f]" : [f] "=Q"(fac[1]) : : "r0", "cc");
    put_str("not trapped\n");
    rt_exit(0);
}
