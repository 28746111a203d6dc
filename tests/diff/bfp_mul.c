/* Differential test: BFP MULTIPLY (MEEBR MDBR MXBR MEEB MDB) and the lengthening forms
 * (MDEBR MDEB MXDBR MXDB) over edge and random operands in every FPC rounding mode.
 * qemu-s390x 7.2 reads the first operand of the lengthening forms as the whole FPR (or
 * FPR pair) instead of a short (long) value, against the PoP; fixed in later QEMU. So
 * these run with a zero first operand (low half / partner register zero), where both
 * readings agree; their nonzero behaviour is MDBR/MXBR on lengthened operands. */
#include "bfp_test.h"

static void short_pair(u32 rm, u32 a, u32 b)
{
    m32 = b;
    T_RR("meebr", SHORT_IN(a), SHORT_IN(b), rm, 0);
    T_RX("meeb", SHORT_IN(a), m32, rm, 0);
    for (u64 z = 0, n = 0; n < 2; n++, z = 0x8000000000000000UL) {
        T_RR("mdebr", z, SHORT_IN(b), rm, 0);
        T_RX("mdeb", z, m32, rm, 0);
    }
}

static void long_pair(u32 rm, u64 a, u64 b)
{
    m64 = b;
    T_RR("mdbr", a, b, rm, 0);
    T_RX("mdb", a, m64, rm, 0);
    for (u64 z = 0, n = 0; n < 2; n++, z = 0x8000000000000000UL) {
        T_RRW("mxdbr", z, b, rm, 0);
        T_RXW("mxdb", z, m64, rm, 0);
    }
}

int main(void)
{
    for (unsigned m = 0; m < N_RMS; m++) {
        u32 rm = fpc_rms[m];
        for (unsigned i = 0; i < N_ES; i++)
            for (unsigned j = 0; j < N_ES; j++)
                short_pair(rm, es[i], es[j]);
        for (unsigned i = 0; i < N_ED; i++)
            for (unsigned j = 0; j < N_ED; j++)
                long_pair(rm, ed[i], ed[j]);
        for (unsigned i = 0; i < N_EX; i++)
            for (unsigned j = 0; j < N_EX; j++)
                T_XX("mxbr", ex[i], ex[j], rm, 0);
        for (unsigned i = 0; i < 400; i++) {
            short_pair(rm, rnd_s(), rnd_s());
            long_pair(rm, rnd_d(), rnd_d());
            x128 a = rnd_x(), b = rnd_x();
            T_XX("mxbr", a, b, rm, 0);
        }
    }
    rt_exit(0);
}
