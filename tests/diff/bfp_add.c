/* Differential test: BFP ADD / SUBTRACT (AEBR ADBR AXBR AEB ADB SEBR SDBR SXBR SEB SDB)
 * over edge and random operands in every FPC rounding mode, IEEE masks off. */
#include "bfp_test.h"

static void short_pair(u32 rm, u32 a, u32 b, int rx)
{
    T_RR("aebr", SHORT_IN(a), SHORT_IN(b), rm, 1);
    T_RR("sebr", SHORT_IN(a), SHORT_IN(b), rm, 1);
    if (rx) {
        m32 = b;
        T_RX("aeb", SHORT_IN(a), m32, rm, 1);
        T_RX("seb", SHORT_IN(a), m32, rm, 1);
    }
}

static void long_pair(u32 rm, u64 a, u64 b, int rx)
{
    T_RR("adbr", a, b, rm, 1);
    T_RR("sdbr", a, b, rm, 1);
    if (rx) {
        m64 = b;
        T_RX("adb", a, m64, rm, 1);
        T_RX("sdb", a, m64, rm, 1);
    }
}

int main(void)
{
    for (unsigned m = 0; m < N_RMS; m++) {
        u32 rm = fpc_rms[m];
        int rx = rm == 0 || rm == 3;
        for (unsigned i = 0; i < N_ES; i++)
            for (unsigned j = 0; j < N_ES; j++)
                short_pair(rm, es[i], es[j], rx);
        for (unsigned i = 0; i < N_ED; i++)
            for (unsigned j = 0; j < N_ED; j++)
                long_pair(rm, ed[i], ed[j], rx);
        for (unsigned i = 0; i < N_EX; i++)
            for (unsigned j = 0; j < N_EX; j++) {
                T_XX("axbr", ex[i], ex[j], rm, 1);
                T_XX("sxbr", ex[i], ex[j], rm, 1);
            }
        for (unsigned i = 0; i < 300; i++) {
            /* every other pair nearly cancels: b ~ -a */
            u32 a = rnd_s(), b = rnd_s();
            short_pair(rm, a, (i & 1) ? b : (a ^ 0x80000000) + (b & 7), 1);
            u64 c = rnd_d(), d = rnd_d();
            long_pair(rm, c, (i & 1) ? d : (c ^ 0x8000000000000000) + (d & 7), 1);
            x128 e = rnd_x(), f = rnd_x();
            if (!(i & 1))
                f.hi = e.hi ^ 0x8000000000000000, f.lo = e.lo + (f.lo & 7);
            T_XX("axbr", e, f, rm, 1);
            T_XX("sxbr", e, f, rm, 1);
        }
    }
    rt_exit(0);
}
