/* Differential test (ends with a signal): MVCLE padding into a read-only page is a
 * protection exception (SIGSEGV) once it reaches that page. */
#include "str_pgm_ro.h"

int main(void)
{
    u8 *ro = ro_page();
    register u64 r2 asm("r2") = (u64)(ro - 4000);
    register u64 r3 asm("r3") = 5000;
    register u64 r4 asm("r4") = (u64)area;
    register u64 r5 asm("r5") = 0;
    asm volatile("0: mvcle %%r2,%%r4,0x40\n\tjo 0b" : "+d"(r2), "+d"(r3), "+d"(r4), "+d"(r5) : : "cc", "memory");
    rt_exit(0);
}
