/* Differential test (ends with a signal): SAC in the problem state of Linux user space,
 * which grants no authority for the semiprivileged instructions: SIGILL. A line is
 * written straight away (the rt buffer would die with the program); "not trapped"
 * means the instruction ran. */
#include "rt.h"

int main(void)
{
    rt_say("ctl_trap_sac: before\n", sizeof("ctl_trap_sac: before\n") - 1);
    asm volatile("sac 0x100" : : : "r1", "r2", "memory");
    put_str("not trapped\n");
    rt_exit(0);
}
