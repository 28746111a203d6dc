/* Differential test (ends with a signal): COMPARE AND TRAP (CRT) on equal operands with
 * mask 8: a data exception with DXC FF (SIGFPE under Linux). A line is written straight
 * away (the rt buffer would die with the program), then the instruction must raise the
 * program interruption; "not trapped" means it did not. */
#include "rt.h"

static void say(const char *s, u64 n)
{
    register u64 r1 asm("1") = 4;
    register u64 r2 asm("2") = 1;
    register u64 r3 asm("3") = (u64)s;
    register u64 r4 asm("4") = n;
    asm volatile("svc 0" : "+d"(r2) : "d"(r1), "d"(r3), "d"(r4) : "memory", "cc");
}

int main(void)
{
    say("branch_trap_crt: before\n", sizeof("branch_trap_crt: before\n") - 1);
    asm volatile("lghi %%r2,-5\n\tlghi %%r3,-5\n\tcrt %%r2,%%r3,8" : : : "r2", "r3");
    put_str("not trapped\n");
    rt_exit(0);
}
