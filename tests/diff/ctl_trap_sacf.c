/* Differential test (ends with a signal): SACF in the problem state of Linux user space,
 * which grants no authority for the semiprivileged instructions: SIGILL. A line is
 * written straight away (the rt buffer would die with the program); "not trapped"
 * means the instruction ran. */
#include "rt.h"

int main(void)
{
    rt_say("ctl_trap_sacf: before\n", sizeof("ctl_trap_sacf: before\n") - 1);
    asm volatile("sacf 0" : : : "r1", "r2", "memory");
    put_str("not trapped\n");
    rt_exit(0);
}
