/* Differential test (ends with a signal): CU14 whose first operand runs into a read-only
 * page is a protection exception (SIGSEGV) once it reaches that page. */
#include "str_pgm_ro.h"

int main(void)
{
    u8 *ro = ro_page();
    for (unsigned i = 0; i < 4096; i++)
        area[2 * 4096 + i] = (u8)('a' + i % 26);
    register u64 r2 asm("r2") = (u64)(ro - 400);
    register u64 r3 asm("r3") = 8000;
    register u64 r4 asm("r4") = (u64)(area + 2 * 4096);
    register u64 r5 asm("r5") = 2000;
    asm volatile("0: cu14 %%r2,%%r4\n\tjo 0b" : "+d"(r2), "+d"(r3), "+d"(r4), "+d"(r5) : : "cc", "memory");
    rt_exit(0);
}
