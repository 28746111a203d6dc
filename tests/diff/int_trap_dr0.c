/* DR with a zero divisor: fixed-point-divide exception (SIGFPE), nothing changed. */
#include "int_test.h"

int main(void)
{
    say_now("dr by zero\n");
    register u64 h asm("r2") = 0x1234;
    register u64 l asm("r3") = 0x5678;
    u64 z = 0xffffffff00000000UL;      /* low word zero: the divisor is 0 */
    asm volatile("dr %%r2,%[z]" : "+d"(h), "+d"(l) : [z] "d"(z));
    say_now("not reached\n");
    rt_exit(0);
}
