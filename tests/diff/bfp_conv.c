/* Differential test: BFP LOAD LENGTHENED (LDEBR LDEB LXDBR LXDB LXEBR LXEB), LOAD ROUNDED
 * (LEDBR LDXBR LEXBR and the M3/M4 forms LEDBRA LDXBRA LEXBRA) and LOAD FP INTEGER (FIEBR
 * FIDBR FIXBR, FIEBRA FIDBRA FIXBRA) over edge and random values: every FPC rounding mode
 * for M3 0, and every rounding method in M3 with and without inexact suppression (M4). */
#include "bfp_test.h"

#define PRE_F0 0x1111111122222222UL

static void lengthen(u32 rm, u32 s, u64 d)
{
    m32 = s;
    m64 = d;
    T_R1("ldebr", PRE_F0, SHORT_IN(s), rm, 0);
    T_RX("ldeb", PRE_F0, m32, rm, 0);
    T_W1("lxebr", SHORT_IN(s), rm);
    T_RXW("lxeb", PRE_F0, m32, rm, 0);
    T_W1("lxdbr", d, rm);
    T_RXW("lxdb", PRE_F0, m64, rm, 0);
}

/* Rounding-method forms, one M3/M4 combination (index k of M34_COMBOS). */
static void rounded(unsigned k, u32 rm, u32 s, u64 d, x128 x)
{
    unsigned i = 0;
#define R_CASE(M3, M4) if (i++ == k) { \
        T_MR("ledbra", M3, M4, PRE_F0, d, rm, 0); \
        T_MX("ldxbra", M3, M4, x, rm, 0); \
        T_MX("lexbra", M3, M4, x, rm, 0); \
        T_MR("fiebra", M3, M4, PRE_F0, SHORT_IN(s), rm, 0); \
        T_MR("fidbra", M3, M4, PRE_F0, d, rm, 0); \
        T_MX("fixbra", M3, M4, x, rm, 0); }
    M34_COMBOS(R_CASE)
}

/* The older mnemonics (M4 absent, M3 0 or required for FI*BR). */
static void plain(u32 rm, u32 s, u64 d, x128 x)
{
    T_R1("ledbr", PRE_F0, d, rm, 0);
    T_X1("ldxbr", x, rm, 0);
    T_X1("lexbr", x, rm, 0);
    T_M3R("fiebr", 0, PRE_F0, SHORT_IN(s), rm, 0);
    T_M3R("fidbr", 5, PRE_F0, d, rm, 0);
}

static void all(u32 s, u64 d, x128 x)
{
    for (unsigned m = 0; m < N_RMS; m++) {
        lengthen(fpc_rms[m], s, d);
        plain(fpc_rms[m], s, d, x);
        rounded(0, fpc_rms[m], s, d, x);
    }
    for (unsigned k = 1; k < N_M34; k++)
        rounded(k, 3, s, d, x);
}

/* Values near the short/long boundaries and halfway cases for the integer rounding. */
static const u64 dd[] = {
    0x47efffffe0000000, 0x47efffffefffffff, 0x47efffffF0000000, 0x47f0000000000000,
    0x380fffffffffffff, 0x3810000000000000, 0x3690000000000000, 0x3690000000000001,
    0x36a0000000000000, 0x369fffffffffffff, 0x3ff0000010000000, 0x3ff0000030000000,
    0xbff0000010000001, 0x4330000000000000, 0x432fffffffffffff, 0x4000000000000000,
};

int main(void)
{
    for (unsigned i = 0; i < 40; i++)
        all(es[i % N_ES], ed[i % N_ED], ex[i % N_EX]);
    for (unsigned i = 0; i < sizeof(dd) / sizeof(dd[0]); i++) {
        x128 x = { dd[i], dd[i] };
        all(0x3fc00000 + i * 0x00400000, dd[i], x);
    }
    for (unsigned i = 0; i < 300; i++)
        all(rnd_s(), rnd_d(), rnd_x());
    rt_exit(0);
}
