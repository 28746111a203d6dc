/* Differential test (ends with a signal; model-checked, see dec_model.h): CVB of a value
 * above 2^31-1 is a fixed-point-divide exception (SIGFPE). */
#include "dec_model.h"

static u8 p[8] = { 0x00, 0x00, 0x02, 0x14, 0x74, 0x83, 0x64, 0x8c };
static u64 r;

int main(void)
{
    dec_probe();
    if (have_dec)
        asm volatile("cvb %0,0(%1)" : "+d"(r) : "a"(p) : "memory");
    else
        dm_raise(dm_cvb(p, 8, &r).pgm);
    rt_exit(0);
}
