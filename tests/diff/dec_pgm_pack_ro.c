/* Differential test (ends with a signal): PACK whose first operand runs into a
 * read-only page is a protection exception (SIGSEGV). */
#include "str_pgm_ro.h"

int main(void)
{
    u8 *ro = ro_page();
    asm volatile("pack 0(8,%0),0(16,%1)" : : "a"(ro - 3), "a"(area) : "memory");
    rt_exit(0);
}
