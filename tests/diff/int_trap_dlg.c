/* DLGR whose quotient does not fit in 64 bits (high half >= divisor): SIGFPE. */
#include "int_test.h"

int main(void)
{
    say_now("dlgr quotient overflow\n");
    register u64 h asm("r2") = 7;
    register u64 l asm("r3") = 0;
    u64 d = 7;
    asm volatile("dlgr %%r2,%[d]" : "+d"(h), "+d"(l) : [d] "d"(d));
    say_now("not reached\n");
    rt_exit(0);
}
