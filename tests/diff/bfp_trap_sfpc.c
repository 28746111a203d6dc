/* Differential test (ends with a signal): SET FPC with a reserved bit (0x00000008):
 * specification exception (SIGILL). A line is written straight away (the rt buffer dies
 * with the program); "not trapped" means the instruction did not raise the program
 * interruption. */
#include "rt.h"

int main(void)
{
    rt_say("bfp_trap_sfpc: before\n", sizeof("bfp_trap_sfpc: before\n") - 1);
    asm volatile("sfpc %[f]"
                 :
                 : [f] "d"(0x00000008));
    put_str("not trapped\n");
    rt_exit(0);
}
