/* Differential test (ends with a signal): AXBR naming register 2, not a valid FPR pair:
 * specification exception (SIGILL). A line is written straight away (the rt buffer dies
 * with the program); "not trapped" means the instruction did not raise the program
 * interruption. */
#include "rt.h"

int main(void)
{
    rt_say("bfp_trap_pair: before\n", sizeof("bfp_trap_pair: before\n") - 1);
    asm volatile(".insn rre,0xb34a0000,2,0");
    put_str("not trapped\n");
    rt_exit(0);
}
