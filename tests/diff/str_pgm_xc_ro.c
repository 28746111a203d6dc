/* Differential test (ends with a signal): XC of a read-only operand with itself is a
 * protection exception (SIGSEGV): the clearing idiom still stores. */
#include "str_pgm_ro.h"

int main(void)
{
    u8 *ro = ro_page();
    asm volatile("xc 0(1,%0),0(%0)" : : "a"(ro + 100) : "cc", "memory");
    rt_exit(0);
}
