/* Differential test (ends with a signal): COMPARE LOGICAL AND TRAP (CLGT) from storage,
 * first operand high with mask 2: data exception DXC FF (SIGFPE). A line is written
 * straight away (the rt buffer would die with the program), then the instruction must
 * raise the program interruption; "not trapped" means it did not. */
#include "rt.h"

static u64 mem = 0x7fffffffffffffffUL;
int main(void)
{
    rt_say("branch_trap_clgt: before\n", sizeof("branch_trap_clgt: before\n") - 1);
    asm volatile("lghi %%r2,-1\n\tclgt %%r2,2,%[m]" : : [m] "S"(mem) : "r2");
    put_str("not trapped\n");
    rt_exit(0);
}
