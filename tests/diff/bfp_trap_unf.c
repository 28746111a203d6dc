/* Differential test (ends with a signal): IEEE underflow with its FPC mask on (MDBR of a
 * tiny product, inexact): a completing data exception with the scaled result, DXC 18
 * (SIGFPE). A line is written straight away (the rt buffer dies with the program); "not
 * trapped" means the instruction did not raise the program interruption. */
#include "rt.h"

int main(void)
{
    rt_say("bfp_trap_unf: before\n", sizeof("bfp_trap_unf: before\n") - 1);
    asm volatile("sfpc %[f]\n\t"
                 "ldgr %%f0,%[a]\n\t"
                 "ldgr %%f2,%[b]\n\t"
                 "mdbr %%f0,%%f2"
                 :
                 : [f] "d"(0x10000000), [a] "d"(0x0010000000000001UL), [b] "d"(0x3fe0000000000001UL)
                 : "cc", "f0", "f2");
    put_str("not trapped\n");
    rt_exit(0);
}
