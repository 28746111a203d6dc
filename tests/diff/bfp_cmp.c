/* Differential test: BFP COMPARE (CEBR CDBR CXBR CEB CDB), COMPARE AND SIGNAL (KEBR KDBR
 * KXBR KEB KDB) and TEST DATA CLASS (TCEB TCDB TCXB) over edge and random operands:
 * CC and the FPC flags (invalid for SNaNs, or any NaN when signaling). */
#include "bfp_test.h"

static void short_pair(u32 a, u32 b)
{
    m32 = b;
    T_RR("cebr", SHORT_IN(a), SHORT_IN(b), 0, 1);
    T_RR("kebr", SHORT_IN(a), SHORT_IN(b), 0, 1);
    T_RX("ceb", SHORT_IN(a), m32, 0, 1);
    T_RX("keb", SHORT_IN(a), m32, 0, 1);
}

static void long_pair(u64 a, u64 b)
{
    m64 = b;
    T_RR("cdbr", a, b, 0, 1);
    T_RR("kdbr", a, b, 0, 1);
    T_RX("cdb", a, m64, 0, 1);
    T_RX("kdb", a, m64, 0, 1);
}

static void ext_pair(x128 a, x128 b)
{
    T_XX("cxbr", a, b, 0, 1);
    T_XX("kxbr", a, b, 0, 1);
}

#define LOAD_S "ldgr %%f0,%[a]\n\t"
#define LOAD_X "ldgr %%f0,%[a]\n\tldgr %%f2,%[al]\n\t"

static void classes(x128 s, x128 d, x128 x)
{
    static const u64 masks[] = { 0xfff, 0x800, 0x400, 0x300, 0x0c0, 0x030, 0x00c, 0x003, 0x555,
                                 0xaaa, 0x123801, 0xffffff000 };
    for (unsigned i = 0; i < sizeof(masks) / sizeof(masks[0]); i++) {
        T_TC("tceb", s, masks[i], LOAD_S);
        T_TC("tcdb", d, masks[i], LOAD_S);
        T_TC("tcxb", x, masks[i], LOAD_X);
    }
}

int main(void)
{
    for (unsigned i = 0; i < N_ES; i++)
        for (unsigned j = 0; j < N_ES; j++)
            short_pair(es[i], es[j]);
    for (unsigned i = 0; i < N_ED; i++)
        for (unsigned j = 0; j < N_ED; j++)
            long_pair(ed[i], ed[j]);
    for (unsigned i = 0; i < N_EX; i++)
        for (unsigned j = 0; j < N_EX; j++)
            ext_pair(ex[i], ex[j]);
    for (unsigned i = 0; i < 36; i++) {
        x128 s = { SHORT_IN(es[i % N_ES]), 0 }, d = { ed[i % N_ED], 0 };
        classes(s, d, ex[i % N_EX]);
    }
    for (unsigned i = 0; i < 1000; i++) {
        u32 a = rnd_s();
        u64 b = rnd_d();
        x128 c = rnd_x(), e = (i & 1) ? rnd_x() : c;
        short_pair(a, (i & 1) ? rnd_s() : a);
        long_pair(b, (i & 1) ? rnd_d() : b);
        ext_pair(c, e);
    }
    rt_exit(0);
}
