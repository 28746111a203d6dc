/* Differential test (ends with a signal): SET BFP ROUNDING MODE (3 bit) with mode 6:
 * specification exception (SIGILL). A line is written straight away (the rt buffer dies
 * with the program); "not trapped" means the instruction did not raise the program
 * interruption. */
#include "rt.h"

int main(void)
{
    rt_say("bfp_trap_srnmb: before\n", sizeof("bfp_trap_srnmb: before\n") - 1);
    asm volatile("srnmb 6");
    put_str("not trapped\n");
    rt_exit(0);
}
