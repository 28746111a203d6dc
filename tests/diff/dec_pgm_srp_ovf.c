/* Differential test (ends with a signal; model-checked, see dec_model.h): SRP shifting a
 * nonzero digit out on the left with the decimal-overflow mask on (PGM 0x0A, SIGFPE). */
#include "dec_model.h"

static u8 a[2] = { 0x10, 0x0c };

int main(void)
{
    dec_probe();
    asm volatile("spm %0" : : "d"(0x04000000UL));   /* decimal-overflow mask on */
    if (have_dec)
        asm volatile("srp 0(2,%0),2,0" : : "a"(a) : "cc", "memory");
    else
        dm_raise(dm_srp(a, 2, 2, 0, 1).pgm);
    rt_exit(0);
}
