/* Differential test (ends with a signal): EXECUTE whose target is EXECUTE: execute
 * exception (SIGILL). A line is written straight away (the rt buffer would die with the
 * program), then the instruction must raise the program interruption; "not trapped"
 * means it did not. */
#include "rt.h"

int main(void)
{
    rt_say("branch_trap_exex: before\n", sizeof("branch_trap_exex: before\n") - 1);
    asm volatile("larl %%r1,0f\n\tex 0,0(%%r1)\n\tj 1f\n0:\tex 0,0(%%r1)\n1:" : : : "r1");
    put_str("not trapped\n");
    rt_exit(0);
}
