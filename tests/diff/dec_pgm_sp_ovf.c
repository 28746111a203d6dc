/* Differential test (ends with a signal; model-checked, see dec_model.h): SP whose
 * result does not fit, with the decimal-overflow mask on: CC 3 and a decimal-overflow
 * exception (PGM 0x0A, SIGFPE). */
#include "dec_model.h"

static u8 a[2] = { 0x99, 0x9c }, b[2] = { 0x00, 0x1d };

int main(void)
{
    dec_probe();
    asm volatile("spm %0" : : "d"(0x04000000UL));   /* decimal-overflow mask on */
    if (have_dec)
        asm volatile("sp 0(2,%0),0(2,%1)" : : "a"(a), "a"(b) : "cc", "memory");
    else
        dm_raise(dm_addsub('s', a, 2, b, 2, 1).pgm);
    rt_exit(0);
}
