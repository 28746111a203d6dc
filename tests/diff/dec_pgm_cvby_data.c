/* Differential test (ends with a signal; model-checked, see dec_model.h): CVBY of a
 * field with an invalid sign is a data exception (SIGILL). */
#include "dec_model.h"

static u8 p[8] = { 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x12 };
static u64 r;

int main(void)
{
    dec_probe();
    if (have_dec)
        asm volatile("cvby %0,0(%1)" : "+d"(r) : "a"(p) : "memory");
    else
        dm_raise(dm_cvb(p, 8, &r).pgm);
    rt_exit(0);
}
