/* Differential test (ends with a signal): IEEE overflow with its FPC mask on (MXBR max *
 * 2): a completing data exception with the scaled result, DXC 20 (SIGFPE). A line is
 * written straight away (the rt buffer dies with the program); "not trapped" means the
 * instruction did not raise the program interruption. */
#include "rt.h"

int main(void)
{
    rt_say("bfp_trap_ovf: before\n", sizeof("bfp_trap_ovf: before\n") - 1);
    asm volatile("sfpc %[f]\n\t"
                 "ldgr %%f0,%[a]\n\t"
                 "ldgr %%f2,%[c]\n\t"
                 "ldgr %%f1,%[b]\n\t"
                 "ldgr %%f3,%[c]\n\t"
                 "mxbr %%f0,%%f1"
                 :
                 : [f] "d"(0x20000000), [a] "d"(0x7ffeffffffffffffUL), [b] "d"(0x4000000000000000UL), [c] "d"(0UL)
                 : "cc", "f0", "f1", "f2", "f3");
    put_str("not trapped\n");
    rt_exit(0);
}
