/* Differential test (ends with a signal): IEEE invalid operation with its FPC mask on
 * (ADBR with an SNaN): a suppressing data exception, DXC 80 (SIGFPE). A line is written
 * straight away (the rt buffer dies with the program); "not trapped" means the
 * instruction did not raise the program interruption. */
#include "rt.h"

int main(void)
{
    rt_say("bfp_trap_inv: before\n", sizeof("bfp_trap_inv: before\n") - 1);
    asm volatile("sfpc %[f]\n\t"
                 "ldgr %%f0,%[a]\n\t"
                 "ldgr %%f2,%[b]\n\t"
                 "adbr %%f0,%%f2"
                 :
                 : [f] "d"(0x80000000), [a] "d"(0x3ff0000000000000UL), [b] "d"(0x7ff0000000000001UL)
                 : "cc", "f0", "f2");
    put_str("not trapped\n");
    rt_exit(0);
}
