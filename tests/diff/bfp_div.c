/* Differential test: BFP DIVIDE (DEBR DDBR DXBR DEB DDB) and SQUARE ROOT (SQEBR SQDBR
 * SQXBR SQEB SQDB) over edge and random operands in every FPC rounding mode. */
#include "bfp_test.h"

static void short_ops(u32 rm, u32 a, u32 b)
{
    m32 = b;
    T_RR("debr", SHORT_IN(a), SHORT_IN(b), rm, 0);
    T_RX("deb", SHORT_IN(a), m32, rm, 0);
}

static void long_ops(u32 rm, u64 a, u64 b)
{
    m64 = b;
    T_RR("ddbr", a, b, rm, 0);
    T_RX("ddb", a, m64, rm, 0);
}

static void roots(u32 rm, u32 s, u64 d, x128 x)
{
    m32 = s;
    m64 = d;
    T_R1("sqebr", 0x1111111122222222UL, SHORT_IN(s), rm, 0);
    T_RX("sqeb", 0x1111111122222222UL, m32, rm, 0);
    T_R1("sqdbr", 0x1111111122222222UL, d, rm, 0);
    T_RX("sqdb", 0x1111111122222222UL, m64, rm, 0);
    T_X1("sqxbr", x, rm, 0);
}

int main(void)
{
    for (unsigned m = 0; m < N_RMS; m++) {
        u32 rm = fpc_rms[m];
        for (unsigned i = 0; i < N_ES; i++)
            for (unsigned j = 0; j < N_ES; j++)
                short_ops(rm, es[i], es[j]);
        for (unsigned i = 0; i < N_ED; i++)
            for (unsigned j = 0; j < N_ED; j++)
                long_ops(rm, ed[i], ed[j]);
        for (unsigned i = 0; i < N_EX; i++)
            for (unsigned j = 0; j < N_EX; j++)
                T_XX("dxbr", ex[i], ex[j], rm, 0);
        for (unsigned i = 0; i < N_EX; i++)
            roots(rm, es[i % N_ES], ed[i % N_ED], ex[i]);
        for (unsigned i = 0; i < 400; i++) {
            short_ops(rm, rnd_s(), rnd_s());
            long_ops(rm, rnd_d(), rnd_d());
            x128 a = rnd_x(), b = rnd_x();
            T_XX("dxbr", a, b, rm, 0);
            u32 s = rnd_s() & 0x7fffffff;
            u64 d = rnd_d() & 0x7fffffffffffffff;
            x128 x = rnd_x();
            x.hi &= 0x7fffffffffffffff;
            roots(rm, s, d, x);
        }
    }
    rt_exit(0);
}
