/* D whose quotient does not fit in 32 bits: fixed-point-divide exception (SIGFPE). */
#include "int_test.h"

u32 dvs = 2;

int main(void)
{
    say_now("d quotient overflow\n");
    register u64 h asm("r2") = 1;      /* dividend 2^32 + 0: quotient 2^31 overflows */
    register u64 l asm("r3") = 0;
    asm volatile("d %%r2,%[m]" : "+d"(h), "+d"(l) : [m] "R"(dvs));
    say_now("not reached\n");
    rt_exit(0);
}
