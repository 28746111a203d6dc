/* Differential test: SUBTRACT, SUBTRACT LOGICAL and SUBTRACT LOGICAL WITH BORROW
 * (each incoming CC) in every operand form, over edge and random values. */
#include "int_test.h"

INT_TEST_STORAGE

static void rr(u64 a, u64 b, u32 ccin)
{
    T_RR("sr", a, b, 0);
    T_RR("sgr", a, b, 0);
    T_RR("sgfr", a, b, 0);
    T_RR("slr", a, b, 0);
    T_RR("slgr", a, b, 0);
    T_RR("slgfr", a, b, 0);
    T_RR("slbr", a, b, ccin);
    T_RR("slbgr", a, b, ccin);
    T_RRR("srk", a, b, 0x1111111111111111UL);
    T_RRR("sgrk", a, b, 0x1111111111111111UL);
    T_RRR("slrk", a, b, 0x1111111111111111UL);
    T_RRR("slgrk", a, b, 0x1111111111111111UL);
    T_RRR("shhhr", a, b, 0x2222222222222222UL);
    T_RRR("shhlr", a, b, 0x3333333333333333UL);
    T_RRR("slhhhr", a, b, 0x4444444455555555UL);
    T_RRR("slhhlr", a, b, 0x6666666677777777UL);
}

static void rx(u64 a, u64 m, u32 ccin)
{
    T_RX("s", a, m32, m, 0x7a8, 0);
    T_RX("sy", a, m32, m, -0x7ff00, 0);
    T_RX("sh", a, m16, m, 0x123, 0);
    T_RX("shy", a, m16, m, 0x54321, 0);
    T_RX("sg", a, m64, m, -8, 0);
    T_RX("sgf", a, m32, m, 0x7ffff, 0);
    T_RX("sl", a, m32, m, 0xfff, 0);
    T_RX("sly", a, m32, m, -1, 0);
    T_RX("slg", a, m64, m, 0x40000, 0);
    T_RX("slgf", a, m32, m, -0x80000, 0);
    T_RX("slb", a, m32, m, 0x100, ccin);
    T_RX("slbg", a, m64, m, -0x100, ccin);
}

static void imm(u64 a)
{
    T_RI("slfi", a, 1, 0);
    T_RI("slfi", a, 0, 0);
    T_RI("slfi", a, 0xffffffff, 0);
    T_RI("slfi", a, 0x80000000, 0);
    T_RI("slgfi", a, 1, 0);
    T_RI("slgfi", a, 0, 0);
    T_RI("slgfi", a, 0xffffffff, 0);
    T_RI("slgfi", a, 0x80000000, 0);
}

int main(void)
{
    for (unsigned i = 0; i < N_VALS; i++) {
        for (unsigned j = 0; j < N_VALS; j++) {
            rr(val(i), val(j), (i + j) & 3);
            rx(val(i), val(j), (i * 3 + j) & 3);
        }
        imm(val(i));
    }
    for (unsigned i = 0; i < 300; i++) {
        u64 a = rval(), b = rval();
        rr(a, b, i & 3);
        rx(a, b, (i >> 2) & 3);
        imm(a);
    }
    rt_exit(0);
}
