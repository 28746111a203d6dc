/* Differential test: LOAD AND TEST, LOAD COMPLEMENT, LOAD POSITIVE, LOAD NEGATIVE
 * (32, 64 and 64 <- 32 forms, register and storage). R1 starts with a marker so the
 * untouched high word of the 32-bit forms shows. */
#include "int_test.h"

INT_TEST_STORAGE

static void one(u64 r1, u64 v)
{
    T_RR("ltr", r1, v, 3);
    T_RR("lcr", r1, v, 3);
    T_RR("lpr", r1, v, 3);
    T_RR("lnr", r1, v, 3);
    T_RR("ltgr", r1, v, 3);
    T_RR("lcgr", r1, v, 3);
    T_RR("lpgr", r1, v, 3);
    T_RR("lngr", r1, v, 3);
    T_RR("ltgfr", r1, v, 3);
    T_RR("lcgfr", r1, v, 3);
    T_RR("lpgfr", r1, v, 3);
    T_RR("lngfr", r1, v, 3);
    T_RX("lt", r1, m32, v, -0x7ff00, 3);
    T_RX("ltg", r1, m64, v, 0x7ffff, 3);
    T_RX("ltgf", r1, m32, v, -8, 3);
}

/* The register against itself ("ltr %r,%r"), as compilers emit it. */
#define T_SELF(mn, V_) do { \
    u64 r_ = (V_); u32 cc_; \
    asm volatile(mn " %[r],%[r]\n\t" GET_CC : [r] "+d"(r_), [cc] "=d"(cc_) : : "cc"); \
    line2(mn " self", (V_), r_, cc_); } while (0)

int main(void)
{
    for (unsigned i = 0; i < N_VALS; i++) {
        one(0xa5a5a5a5a5a5a5a5UL, val(i));
        one(val(i), val(N_VALS - 1 - i));
        T_SELF("ltr", val(i));
        T_SELF("ltgr", val(i));
        T_SELF("lcr", val(i));
        T_SELF("lcgr", val(i));
        T_SELF("lpgr", val(i));
        T_SELF("lngr", val(i));
    }
    for (unsigned i = 0; i < 500; i++)
        one(rval(), rval());
    rt_exit(0);
}
