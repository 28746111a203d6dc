/* Differential test (ends with a signal): UNPKA with a first operand longer than 32 bytes is a
 * specification exception (PGM 6, SIGILL). */
#include "rt.h"

static u8 a[16], b[80];

int main(void)
{
    asm volatile("unpka 0(33,%1),0(%0)" : : "a"(a), "a"(b) : "cc", "memory");
    rt_exit(0);
}
