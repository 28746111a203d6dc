/* DSG of the maximum negative number by -1: fixed-point-divide exception (SIGFPE). */
#include "int_test.h"

u64 minus1 = ~0UL;

int main(void)
{
    say_now("dsg overflow\n");
    register u64 h asm("r2") = 0;
    register u64 l asm("r3") = 0x8000000000000000UL;
    asm volatile("dsg %%r2,%[m]" : "+d"(h), "+d"(l) : [m] "T"(minus1));
    say_now("not reached\n");
    rt_exit(0);
}
