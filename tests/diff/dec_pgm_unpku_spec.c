/* Differential test (ends with a signal): UNPKU with a first operand longer than 64 bytes is a
 * specification exception (PGM 6, SIGILL). */
#include "rt.h"

static u8 a[16], b[80];

int main(void)
{
    asm volatile("unpku 0(66,%1),0(%0)" : : "a"(a), "a"(b) : "cc", "memory");
    rt_exit(0);
}
