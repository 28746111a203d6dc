/* Differential test (ends with a signal; model-checked, see dec_model.h): ZAP into a too
 * short field with the decimal-overflow mask on (PGM 0x0A, SIGFPE). */
#include "dec_model.h"

static u8 a[1], b[3] = { 0x00, 0x10, 0x0c };

int main(void)
{
    dec_probe();
    asm volatile("spm %0" : : "d"(0x04000000UL));   /* decimal-overflow mask on */
    if (have_dec)
        asm volatile("zap 0(1,%0),0(3,%1)" : : "a"(a), "a"(b) : "cc", "memory");
    else
        dm_raise(dm_addsub('z', a, 1, b, 3, 1).pgm);
    rt_exit(0);
}
