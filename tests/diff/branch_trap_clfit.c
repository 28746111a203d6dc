/* Differential test (ends with a signal): COMPARE LOGICAL IMMEDIATE AND TRAP (CLFIT)
 * with the immediate 65535, which is zero-extended: equal to 0xffff in R1, so mask 8
 * traps (DXC FF, SIGFPE). A line is written straight away (the rt buffer would die with
 * the program), then the instruction must raise the program interruption; "not trapped"
 * means it did not. */
#include "rt.h"

int main(void)
{
    rt_say("branch_trap_clfit: before\n", sizeof("branch_trap_clfit: before\n") - 1);
    asm volatile("llill %%r2,0xffff\n\tclfit %%r2,65535,8" : : : "r2");
    put_str("not trapped\n");
    rt_exit(0);
}
