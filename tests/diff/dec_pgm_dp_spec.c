/* Differential test (ends with a signal; model-checked, see dec_model.h): DP with a
 * divisor longer than 8 bytes is a specification exception (SIGILL). */
#include "dec_model.h"

static u8 a[16] = { [15] = 0x0c }, b[9] = { [8] = 0x1c };

int main(void)
{
    dec_probe();
    if (have_dec)
        asm volatile("dp 0(16,%0),0(9,%1)" : : "a"(a), "a"(b) : "cc", "memory");
    else
        dm_raise(dm_dp(a, 16, b, 9).pgm);
    rt_exit(0);
}
