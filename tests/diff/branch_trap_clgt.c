/* Differential test (ends with a signal): COMPARE LOGICAL AND TRAP (CLGT) from storage,
 * first operand high with mask 2: data exception DXC FF (SIGFPE). A line is written
 * straight away (the rt buffer would die with the program), then the instruction must
 * raise the program interruption; "not trapped" means it did not. */
#include "rt.h"

static void say(const char *s, u64 n)
{
    register u64 r1 asm("1") = 4;
    register u64 r2 asm("2") = 1;
    register u64 r3 asm("3") = (u64)s;
    register u64 r4 asm("4") = n;
    asm volatile("svc 0" : "+d"(r2) : "d"(r1), "d"(r3), "d"(r4) : "memory", "cc");
}

static u64 mem = 0x7fffffffffffffffUL;
int main(void)
{
    say("branch_trap_clgt: before\n", sizeof("branch_trap_clgt: before\n") - 1);
    asm volatile("lghi %%r2,-1\n\tclgt %%r2,2,%[m]" : : [m] "S"(mem) : "r2");
    put_str("not trapped\n");
    rt_exit(0);
}
