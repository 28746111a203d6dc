/* Differential test (ends with a signal): SET ADDRESSING MODE 24 while the next
 * instruction lies above 16 MB (programs load at 0x1000000): specification exception
 * (SIGILL). A line is written straight away (the rt buffer would die with the program),
 * then the instruction must raise the program interruption; "not trapped" means it did
 * not. */
#include "rt.h"

int main(void)
{
    rt_say("branch_trap_sam24: before\n", sizeof("branch_trap_sam24: before\n") - 1);
    asm volatile("sam24");
    put_str("not trapped\n");
    rt_exit(0);
}
