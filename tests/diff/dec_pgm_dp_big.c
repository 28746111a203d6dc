/* Differential test (ends with a signal; model-checked, see dec_model.h): DP whose
 * quotient does not fit its field is a decimal-divide exception (SIGFPE). */
#include "dec_model.h"

static u8 a[4] = { 0x01, 0x00, 0x00, 0x0c }, b[2] = { 0x00, 0x1c };

int main(void)
{
    dec_probe();
    if (have_dec)
        asm volatile("dp 0(4,%0),0(2,%1)" : : "a"(a), "a"(b) : "cc", "memory");
    else
        dm_raise(dm_dp(a, 4, b, 2).pgm);
    rt_exit(0);
}
