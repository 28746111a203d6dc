/* Differential test (ends with a signal; model-checked, see dec_model.h): ZAP with a
 * digit (9) in the sign position of the second operand is a data exception (SIGILL). */
#include "dec_model.h"

static u8 a[4], b[2] = { 0x01, 0x29 };

int main(void)
{
    dec_probe();
    if (have_dec)
        asm volatile("zap 0(4,%0),0(2,%1)" : : "a"(a), "a"(b) : "cc", "memory");
    else
        dm_raise(dm_addsub('z', a, 4, b, 2, 0).pgm);
    rt_exit(0);
}
