/* Differential test (ends with a signal): EXECUTE RELATIVE LONG whose target is EXECUTE
 * RELATIVE LONG: execute exception (SIGILL). A line is written straight away (the rt
 * buffer would die with the program), then the instruction must raise the program
 * interruption; "not trapped" means it did not. */
#include "rt.h"

int main(void)
{
    rt_say("branch_trap_exrl: before\n", sizeof("branch_trap_exrl: before\n") - 1);
    asm volatile("exrl 0,0f\n\tj 1f\n0:\texrl 0,0b\n1:");
    put_str("not trapped\n");
    rt_exit(0);
}
