/* Differential test (ends with a signal): SET FPC AND SIGNAL enabling the mask of a flag
 * already set (inexact): simulated IEEE exception, DXC 0B (SIGFPE). A line is written
 * straight away (the rt buffer dies with the program); "not trapped" means the
 * instruction did not raise the program interruption. */
#include "rt.h"

int main(void)
{
    rt_say("bfp_trap_sfasr: before\n", sizeof("bfp_trap_sfasr: before\n") - 1);
    asm volatile("sfpc %[o]\n\t"
                 "sfasr %[n]"
                 :
                 : [o] "d"(0x00080000), [n] "d"(0x08000000));
    put_str("not trapped\n");
    rt_exit(0);
}
