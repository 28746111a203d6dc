/* Differential test (ends with a signal; model-checked, see dec_model.h): SRP with a
 * rounding digit above 9 is a data exception (SIGILL). */
#include "dec_model.h"

static u8 a[2] = { 0x12, 0x3c };

int main(void)
{
    dec_probe();
    if (have_dec)
        asm volatile("srp 0(2,%0),63,10" : : "a"(a) : "cc", "memory");
    else
        dm_raise(dm_srp(a, 2, 63, 10, 0).pgm);
    rt_exit(0);
}
