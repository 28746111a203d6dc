/* Differential test (ends with a signal; model-checked, see dec_model.h): ED reaching a
 * source byte whose left digit is not 0-9 is a data exception (SIGILL). */
#include "dec_model.h"

static u8 pat[6] = { 0x40, 0x20, 0x20, 0x20, 0x20, 0x20 }, src[3] = { 0x12, 0x3c, 0xa1 };

int main(void)
{
    int mark;
    dec_probe();
    if (have_dec)
        asm volatile("ed 0(6,%0),0(%1)" : : "a"(pat), "a"(src) : "cc", "memory");
    else
        dm_raise(dm_edit(pat, 6, src, &mark).pgm);
    rt_exit(0);
}
