/* Differential test (ends with a signal; model-checked, see dec_model.h): AP whose
 * first operand runs into a read-only page is a protection exception (SIGSEGV), even
 * with an invalid digit in it: access exceptions come before data exceptions. The
 * model has no storage keys, so its expectation is written out here. */
#include "dec_model.h"
#include "str_pgm_ro.h"

int main(void)
{
    u8 *ro = ro_page();
    u8 *a = ro - 2;
    a[0] = 0x0a;                                  /* invalid digit */
    dec_probe();
    if (have_dec)
        asm volatile("ap 0(4,%0),0(4,%0)" : : "a"(a) : "cc", "memory");
    else
        dm_raise(DM_PROT);
    rt_exit(0);
}
