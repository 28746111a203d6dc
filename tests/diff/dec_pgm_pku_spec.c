/* Differential test (ends with a signal): PKU with an odd second-operand length is a
 * specification exception (PGM 6, SIGILL). */
#include "rt.h"

static u8 a[16], b[80];

int main(void)
{
    asm volatile("pku 0(%0),0(63,%1)" : : "a"(a), "a"(b) : "cc", "memory");
    rt_exit(0);
}
