/* Differential test (ends with a signal; model-checked, see dec_model.h): CVBG of a
 * value below -2^63 is a fixed-point-divide exception (SIGFPE). */
#include "dec_model.h"

/* -9223372036854775809 */
static u8 p[16] = { [5] = 0x00, 0x92, 0x23, 0x37, 0x20, 0x36, 0x85, 0x47, 0x75, 0x80, 0x9d };
static u64 r;

int main(void)
{
    dec_probe();
    if (have_dec)
        asm volatile("cvbg %0,0(%1)" : "+d"(r) : "a"(p) : "memory");
    else
        dm_raise(dm_cvb(p, 16, &r).pgm);
    rt_exit(0);
}
