/* Differential test (ends with a signal): IEEE inexact with its FPC mask on (AEBR 1 +
 * 2^-30): a completing data exception, DXC 08 (SIGFPE). A line is written straight away
 * (the rt buffer dies with the program); "not trapped" means the instruction did not
 * raise the program interruption. */
#include "rt.h"

int main(void)
{
    rt_say("bfp_trap_inx: before\n", sizeof("bfp_trap_inx: before\n") - 1);
    asm volatile("sfpc %[f]\n\t"
                 "ldgr %%f0,%[a]\n\t"
                 "ldgr %%f2,%[b]\n\t"
                 "aebr %%f0,%%f2"
                 :
                 : [f] "d"(0x08000000), [a] "d"(0x3f80000000000000UL), [b] "d"(0x3080000000000000UL)
                 : "cc", "f0", "f2");
    put_str("not trapped\n");
    rt_exit(0);
}
