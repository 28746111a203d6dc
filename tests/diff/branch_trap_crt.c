/* Differential test (ends with a signal): COMPARE AND TRAP (CRT) on equal operands with
 * mask 8: a data exception with DXC FF (SIGFPE under Linux). A line is written straight
 * away (the rt buffer would die with the program), then the instruction must raise the
 * program interruption; "not trapped" means it did not. */
#include "rt.h"

int main(void)
{
    rt_say("branch_trap_crt: before\n", sizeof("branch_trap_crt: before\n") - 1);
    asm volatile("lghi %%r2,-5\n\tlghi %%r3,-5\n\tcrt %%r2,%%r3,8" : : : "r2", "r3");
    put_str("not trapped\n");
    rt_exit(0);
}
