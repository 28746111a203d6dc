/* Differential test (ends with a signal; model-checked, see dec_model.h): AP with an
 * invalid digit in the first operand is a data exception (DXC 0, SIGILL). */
#include "dec_model.h"

static u8 a[4] = { 0x12, 0x3a, 0x45, 0x6c }, b[2] = { 0x01, 0x2c };

int main(void)
{
    dec_probe();
    if (have_dec)
        asm volatile("ap 0(4,%0),0(2,%1)" : : "a"(a), "a"(b) : "cc", "memory");
    else
        dm_raise(dm_addsub('a', a, 4, b, 2, 0).pgm);
    rt_exit(0);
}
