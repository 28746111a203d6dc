/* Differential test: IEEE masks on where nothing traps. Exact results, quiet compares
 * and sign operations of NaNs, TEST DATA CLASS of an SNaN, and inexact results whose
 * M4 XxC bit suppresses the inexact exception run with all masks (or the inexact mask)
 * on: results, CC and FPC. Flags accumulate across a sequence (the FPC is not reset).
 * (An exact tiny result is left out: the PoP traps it when the underflow mask is on,
 * qemu-s390x 7.2 does not; zhyp follows the PoP.) */
#include "bfp_test.h"

#define ALL 0xf8000000

static void exact(u32 fpc)
{
    T_RR("adbr", 0x3ff0000000000000UL, 0x4000000000000000UL, fpc, 1);
    T_RR("mdbr", 0x4008000000000000UL, 0xc000000000000000UL, fpc, 0);
    T_RR("ddbr", 0x4018000000000000UL, 0x4008000000000000UL, fpc, 0);
    T_R1("sqdbr", 0, 0x4010000000000000UL, fpc, 0);
    T_RR("aebr", SHORT_IN(0x3f800000), SHORT_IN(0x3f800000), fpc, 1);
    T_RR("cdbr", 0x7ff8000000000000UL, 0x3ff0000000000000UL, fpc, 1);
    T_RR("cebr", SHORT_IN(0x3f800000), SHORT_IN(0xffc00000), fpc, 1);
    T_R1("lcdbr", 0, 0x7ff0000000000001UL, fpc, 1);
    T_R1("lpebr", 0, SHORT_IN(0xff800001), fpc, 1);
    T_R1("ltdbr", 0, 0x8000000000000001UL, fpc, 1);
    T_R1("ldebr", 0, SHORT_IN(0x00000001), fpc, 0);
    T_MR("fidbra", 0, 0, 0, 0x4008000000000000UL, fpc, 0);
    T_MG("cfdbra", 0, ",0", 0xc008000000000000UL, fpc);
    T_FG("cdgbra", ",0", ",0", 0x7fffffffUL, fpc);
}

static void xxc(u32 fpc)
{
    T_MR("fidbra", 0, 4, 0, 0x4004000000000000UL, fpc, 0);
    T_MR("fiebra", 1, 4, 0, SHORT_IN(0x3fc00000), fpc, 0);
    T_MR("ledbra", 0, 4, 0, 0x3fd5555555555555UL, fpc, 0);
    T_MG("cfdbra", 0, ",4", 0x4004000000000000UL, fpc);
    T_MG("clgdbr", 6, ",4", 0x3fe0000000000000UL, fpc);
    T_FG("cdgbra", ",0", ",4", 0x20000000000001UL, fpc);
    T_FG("celgbr", ",5", ",4", 0xffffffffffffffffUL, fpc);
}

int main(void)
{
    u32 f, g, t;
    exact(ALL);
    exact(ALL | 3);
    xxc(0x08000000);
    xxc(ALL | 7);
    /* a sequence without resetting the FPC: flags accumulate, TEST DATA CLASS adds none */
    asm volatile("sfpc %[z]\n\tldgr %%f0,%[one]\n\tldgr %%f2,%[third]\n\tadbr %%f0,%%f2\n\t"
                 "efpc %[f]\n\tldgr %%f2,%[snan]\n\ttcdb %%f2,1\n\tsqdbr %%f4,%%f2\n\tefpc %[g]\n\t"
                 "ldgr %%f4,%[zero]\n\tddbr %%f0,%%f4\n\tefpc %[t]\n\tsfpc %[z]"
                 : [f] "=&d"(f), [g] "=&d"(g), [t] "=&d"(t)
                 : [z] "d"(0), [one] "d"(0x3ff0000000000000UL), [third] "d"(0x3fd5555555555555UL),
                   [snan] "d"(0x7ff0000000000001UL), [zero] "d"(0UL)
                 : "cc", "f0", "f2", "f4");
    put_str("sequence"); p_hex(f); p_hex(g); p_hex(t); put_char('\n');
    rt_exit(0);
}
