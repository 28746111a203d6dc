/* Differential test (ends with a signal): PKA with a second operand longer than 32 bytes is a
 * specification exception (PGM 6, SIGILL). */
#include "rt.h"

static u8 a[16], b[80];

int main(void)
{
    asm volatile("pka 0(%0),0(33,%1)" : : "a"(a), "a"(b) : "cc", "memory");
    rt_exit(0);
}
