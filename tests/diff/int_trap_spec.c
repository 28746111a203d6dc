/* DLG with an odd R1 and an inaccessible operand: the specification exception
 * (SIGILL) comes before the access exception (which would be SIGSEGV). */
#include "int_test.h"

int main(void)
{
    say_now("dlg odd pair\n");
    asm volatile(".insn rxy,0xe30000000087,3,0(%%r0,%%r0)" : : : "r3", "r4");
    say_now("not reached\n");
    rt_exit(0);
}
