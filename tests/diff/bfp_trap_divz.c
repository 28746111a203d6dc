/* Differential test (ends with a signal): IEEE division by zero with its FPC mask on
 * (DEBR 1/0): a suppressing data exception, DXC 40 (SIGFPE). A line is written straight
 * away (the rt buffer dies with the program); "not trapped" means the instruction did
 * not raise the program interruption. */
#include "rt.h"

int main(void)
{
    rt_say("bfp_trap_divz: before\n", sizeof("bfp_trap_divz: before\n") - 1);
    asm volatile("sfpc %[f]\n\t"
                 "ldgr %%f0,%[a]\n\t"
                 "ldgr %%f2,%[b]\n\t"
                 "debr %%f0,%%f2"
                 :
                 : [f] "d"(0x40000000), [a] "d"(0x3f80000000000000UL), [b] "d"(0UL)
                 : "cc", "f0", "f2");
    put_str("not trapped\n");
    rt_exit(0);
}
