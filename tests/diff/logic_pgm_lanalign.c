/* Differential test (ends with a signal): LAN on an operand that is not on a word
 * boundary is a specification exception (PGM 6, SIGILL). */
#include "rt.h"

static u32 words[4] = { 0x12345678, 0x9abcdef0, 0x0f0f0f0f, 0xffffffff };

int main(void)
{
    u64 r = 0;
    asm volatile("lan %[r],%[m],2(%[p])" : [r] "=d"(r) : [m] "d"(0xffUL), [p] "a"(words) : "memory", "cc");
    put_hex(r);
    rt_exit(0);
}
