/* Differential test (ends with a signal): CONVERT TO FIXED with rounding method 2 in M3:
 * specification exception (SIGILL). A line is written straight away (the rt buffer dies
 * with the program); "not trapped" means the instruction did not raise the program
 * interruption. */
#include "rt.h"

int main(void)
{
    rt_say("bfp_trap_m3: before\n", sizeof("bfp_trap_m3: before\n") - 1);
    asm volatile(".insn rrf,0xb3990000,1,2,2,0"
                 :
                 :
                 : "r1", "cc");
    put_str("not trapped\n");
    rt_exit(0);
}
