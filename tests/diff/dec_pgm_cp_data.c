/* Differential test (ends with a signal; model-checked, see dec_model.h): CP with an
 * invalid digit in the second operand is a data exception (SIGILL). */
#include "dec_model.h"

static u8 a[2] = { 0x01, 0x2c }, b[3] = { 0xf0, 0x01, 0x2c };

int main(void)
{
    dec_probe();
    if (have_dec)
        asm volatile("cp 0(2,%0),0(3,%1)" : : "a"(a), "a"(b) : "cc", "memory");
    else
        dm_raise(dm_addsub('c', a, 2, b, 3, 0).pgm);
    rt_exit(0);
}
