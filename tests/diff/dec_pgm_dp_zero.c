/* Differential test (ends with a signal; model-checked, see dec_model.h): DP by zero is
 * a decimal-divide exception (PGM 0x0B, SIGFPE). */
#include "dec_model.h"

static u8 a[4] = { 0x00, 0x00, 0x12, 0x3c }, b[2] = { 0x00, 0x0d };

int main(void)
{
    dec_probe();
    if (have_dec)
        asm volatile("dp 0(4,%0),0(2,%1)" : : "a"(a), "a"(b) : "cc", "memory");
    else
        dm_raise(dm_dp(a, 4, b, 2).pgm);
    rt_exit(0);
}
