/* Differential test: COMPARE and COMPARE LOGICAL in every operand form (register,
 * storage, immediate, relative long, storage-immediate, high word) over edge and
 * random values. */
#include "int_test.h"

INT_TEST_STORAGE

static void rr(u64 a, u64 b)
{
    T_RR("cr", a, b, 3);
    T_RR("clr", a, b, 3);
    T_RR("cgr", a, b, 3);
    T_RR("clgr", a, b, 3);
    T_RR("cgfr", a, b, 3);
    T_RR("clgfr", a, b, 3);
    T_RR("chhr", a, b, 3);
    T_RR("clhhr", a, b, 3);
    T_RR("chlr", a, b, 3);
    T_RR("clhlr", a, b, 3);
}

static void rx(u64 a, u64 m)
{
    T_RX("c", a, m32, m, 0x7a8, 3);
    T_RX("cy", a, m32, m, -0x7ff00, 3);
    T_RX("cl", a, m32, m, 0x123, 3);
    T_RX("cly", a, m32, m, 0x7ffff, 3);
    T_RX("ch", a, m16, m, 0, 3);
    T_RX("chy", a, m16, m, -2, 3);
    T_RX("cgh", a, m16, m, 0x100, 3);
    T_RX("cg", a, m64, m, -0x80000, 3);
    T_RX("clg", a, m64, m, 0x8, 3);
    T_RX("cgf", a, m32, m, 0x40000, 3);
    T_RX("clgf", a, m32, m, -0x40000, 3);
    T_RX("chf", a, m32, m, 0x20, 3);
    T_RX("clhf", a, m32, m, -0x20, 3);
}

static void rl(u64 a, u64 m)
{
    T_RL("crl", a, m32, m);
    T_RL("clrl", a, m32, m);
    T_RL("cgrl", a, m64, m);
    T_RL("clgrl", a, m64, m);
    T_RL("cgfrl", a, m32, m);
    T_RL("clgfrl", a, m32, m);
    T_RL("chrl", a, m16, m);
    T_RL("clhrl", a, m16, m);
    T_RL("cghrl", a, m16, m);
    T_RL("clghrl", a, m16, m);
}

static void imm(u64 a)
{
    T_RI("chi", a, 0, 3);
    T_RI("chi", a, -1, 3);
    T_RI("chi", a, 32767, 3);
    T_RI("chi", a, -32768, 3);
    T_RI("cghi", a, 0, 3);
    T_RI("cghi", a, -1, 3);
    T_RI("cghi", a, 32767, 3);
    T_RI("cghi", a, -32768, 3);
    T_RI("cfi", a, -1, 3);
    T_RI("cfi", a, 2147483647, 3);
    T_RI("cfi", a, -2147483648, 3);
    T_RI("clfi", a, 0xffffffff, 3);
    T_RI("clfi", a, 0x80000000, 3);
    T_RI("clfi", a, 1, 3);
    T_RI("cgfi", a, -1, 3);
    T_RI("cgfi", a, 2147483647, 3);
    T_RI("cgfi", a, -2147483648, 3);
    T_RI("clgfi", a, 0xffffffff, 3);
    T_RI("clgfi", a, 0x80000000, 3);
    T_RI("clgfi", a, 0, 3);
    T_RI("cih", a, -1, 3);
    T_RI("cih", a, 0, 3);
    T_RI("cih", a, 0x7fffffff, 3);
    T_RI("cih", a, -2147483648, 3);
    T_RI("clih", a, 0xffffffff, 3);
    T_RI("clih", a, 0x80000000, 3);
    T_RI("clih", a, 0, 3);
}

static void sil(u64 m)
{
    T_SIL("chhsi", m16, m, 0);
    T_SIL("chhsi", m16, m, -1);
    T_SIL("chhsi", m16, m, 32767);
    T_SIL("chhsi", m16, m, -32768);
    T_SIL("clhhsi", m16, m, 0);
    T_SIL("clhhsi", m16, m, 0xffff);
    T_SIL("clhhsi", m16, m, 0x8000);
    T_SIL("chsi", m32, m, 0);
    T_SIL("chsi", m32, m, -1);
    T_SIL("chsi", m32, m, -32768);
    T_SIL("chsi", m32, m, 32767);
    T_SIL("clfhsi", m32, m, 0);
    T_SIL("clfhsi", m32, m, 0xffff);
    T_SIL("clfhsi", m32, m, 0x8000);
    T_SIL("cghsi", m64, m, 0);
    T_SIL("cghsi", m64, m, -1);
    T_SIL("cghsi", m64, m, -32768);
    T_SIL("cghsi", m64, m, 32767);
    T_SIL("clghsi", m64, m, 0);
    T_SIL("clghsi", m64, m, 0xffff);
    T_SIL("clghsi", m64, m, 0x8000);
}

int main(void)
{
    for (unsigned i = 0; i < N_VALS; i++) {
        for (unsigned j = 0; j < N_VALS; j++) {
            rr(val(i), val(j));
            rx(val(i), val(j));
            rl(val(i), val(j));
        }
        imm(val(i));
        sil(val(i));
    }
    for (unsigned i = 0; i < 400; i++) {
        u64 a = rval(), b = rval();
        rr(a, b);
        rx(a, b);
        rl(a, b);
        /* equal-ish operands: the same value in both, or one apart */
        rr(a, a);
        rx(a, a + (i & 1));
        rl(a, a - (i & 1));
        imm(a);
        sil(b);
    }
    rt_exit(0);
}
