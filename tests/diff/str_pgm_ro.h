/* Shared by the str_pgm_*_ro tests: a work area whose middle page is made read-only
 * (mprotect), so an operand running from the writable first page into it must raise
 * a protection exception (SIGSEGV) before anything is stored. */
#ifndef DIFF_STR_PGM_RO_H
#define DIFF_STR_PGM_RO_H

#include "rt.h"

static u8 area[3 * 4096] __attribute__((aligned(4096)));

static inline u8 *ro_page(void)
{
    register long r1 asm("r1") = 125;                  /* mprotect */
    register long r2 asm("r2") = (long)(area + 4096);
    register long r3 asm("r3") = 4096;
    register long r4 asm("r4") = 1;                    /* PROT_READ */
    asm volatile("svc 0" : "+d"(r2) : "d"(r1), "d"(r3), "d"(r4) : "memory", "cc");
    return area + 4096;
}

#endif
