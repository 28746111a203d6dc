/* Differential test (ends with a signal): CONVERT TO FIXED of a NaN with the invalid
 * mask on (CFDBR): suppressed, DXC 80 (SIGFPE). A line is written straight away (the rt
 * buffer dies with the program); "not trapped" means the instruction did not raise the
 * program interruption. */
#include "rt.h"

int main(void)
{
    rt_say("bfp_trap_cfix: before\n", sizeof("bfp_trap_cfix: before\n") - 1);
    asm volatile("sfpc %[f]\n\t"
                 "ldgr %%f2,%[b]\n\t"
                 "cfdbr %%r1,5,%%f2"
                 :
                 : [f] "d"(0x80000000), [b] "d"(0x7ff8000000000000UL)
                 : "cc", "r1", "f2");
    put_str("not trapped\n");
    rt_exit(0);
}
