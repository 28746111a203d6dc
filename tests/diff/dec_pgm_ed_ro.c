/* Differential test (ends with a signal; model-checked, see dec_model.h): ED whose
 * pattern lies in a read-only page is a protection exception (SIGSEGV). */
#include "dec_model.h"
#include "str_pgm_ro.h"

int main(void)
{
    u8 *ro = ro_page();
    dec_probe();
    if (have_dec)
        asm volatile("ed 0(4,%0),0(%1)" : : "a"(ro + 16), "a"(area) : "cc", "memory");
    else
        dm_raise(DM_PROT);
    rt_exit(0);
}
