/* Differential test (ends with a signal): SACF in the problem state of Linux user space,
 * which grants no authority for the semiprivileged instructions: SIGILL. A line is
 * written straight away (the rt buffer would die with the program); "not trapped"
 * means the instruction ran. */
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
    say("ctl_trap_sacf: before\n", sizeof("ctl_trap_sacf: before\n") - 1);
    asm volatile("sacf 0" : : : "r1", "r2", "memory");
    put_str("not trapped\n");
    rt_exit(0);
}
