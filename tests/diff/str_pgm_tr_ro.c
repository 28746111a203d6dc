/* Differential test (ends with a signal): TR may read its table from a read-only page
 * but translating bytes in one is a protection exception (SIGSEGV). */
#include "str_pgm_ro.h"

int main(void)
{
    u8 *ro = ro_page();
    asm volatile("tr 0(64,%0),0(%1)" : : "a"(area + 100), "a"(ro + 10) : "memory");
    asm volatile("tr 0(8,%0),0(%1)" : : "a"(ro - 4), "a"(area + 8192) : "memory");
    rt_exit(0);
}
