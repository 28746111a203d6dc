/* Differential test (ends with a signal): MVC whose destination runs into a read-only
 * page is a protection exception (SIGSEGV); CLC over that page is fine before it. */
#include "str_pgm_ro.h"

int main(void)
{
    u8 *ro = ro_page();
    asm volatile("clc 0(256,%0),0(%1)" : : "a"(ro - 100), "a"(area) : "cc");
    asm volatile("mvc 0(16,%0),0(%1)" : : "a"(ro - 8), "a"(area + 8192) : "memory");
    rt_exit(0);
}
