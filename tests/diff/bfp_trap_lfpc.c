/* Differential test (ends with a signal): LOAD FPC with BFP rounding mode 5:
 * specification exception (SIGILL). A line is written straight away (the rt buffer dies
 * with the program); "not trapped" means the instruction did not raise the program
 * interruption. */
#include "rt.h"

static const u32 bad_fpc = 5;

int main(void)
{
    rt_say("bfp_trap_lfpc: before\n", sizeof("bfp_trap_lfpc: before\n") - 1);
    asm volatile("lfpc %[m]"
                 :
                 : [m] "Q"(bad_fpc));
    put_str("not trapped\n");
    rt_exit(0);
}
