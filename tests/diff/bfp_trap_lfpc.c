/* Differential test (ends with a signal): LOAD FPC with BFP rounding mode 5:
 * specification exception (SIGILL). A line is written straight away (the rt buffer dies
 * with the program); "not trapped" means the instruction did not raise the program
 * interruption. */
#include "rt.h"

static const u32 bad_fpc = 5;

static void say(const char *s, u64 n)
{
    register u64 r1 asm("1") = 4;
    register u64 r2 asm("2") = 1;
    register u64 r3 asm("3") = (u64)s;
    register u64 r4 asm("4") = n;
    asm volatile("svc 0" : "+d"(r2) : "d"(r1), "d"(r3), "d"(r4) : "memory", "cc");
}

int main(void)
{
    say("bfp_trap_lfpc: before\n", sizeof("bfp_trap_lfpc: before\n") - 1);
    asm volatile("lfpc %[m]"
                 :
                 : [m] "Q"(bad_fpc));
    put_str("not trapped\n");
    rt_exit(0);
}
