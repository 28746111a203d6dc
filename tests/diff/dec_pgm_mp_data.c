/* Differential test (ends with a signal; model-checked, see dec_model.h): MP whose
 * multiplicand lacks as many leftmost zero bytes as the multiplier is long is a data
 * exception (SIGILL). */
#include "dec_model.h"

static u8 a[3] = { 0x00, 0x12, 0x3c }, b[2] = { 0x00, 0x2c };

int main(void)
{
    dec_probe();
    if (have_dec)
        asm volatile("mp 0(3,%0),0(2,%1)" : : "a"(a), "a"(b) : "cc", "memory");
    else
        dm_raise(dm_mp(a, 3, b, 2).pgm);
    rt_exit(0);
}
