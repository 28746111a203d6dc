/* Differential test (ends with a signal): LOAD ROUNDED overflow with its mask on (LEDBR
 * of 2^200): completing, the result in the long format scaled by 2^-512, DXC 20
 * (SIGFPE). A line is written straight away (the rt buffer dies with the program); "not
 * trapped" means the instruction did not raise the program interruption. */
#include "rt.h"

int main(void)
{
    rt_say("bfp_trap_ledbr: before\n", sizeof("bfp_trap_ledbr: before\n") - 1);
    asm volatile("sfpc %[f]\n\t"
                 "ldgr %%f2,%[b]\n\t"
                 "ledbr %%f0,%%f2"
                 :
                 : [f] "d"(0x20000000), [b] "d"(0x4c70000000000000UL)
                 : "cc", "f0", "f2");
    put_str("not trapped\n");
    rt_exit(0);
}
