/* Differential test: MULTIPLY (pair forms, signed and logical) and MULTIPLY SINGLE /
 * HALFWORD (low bits only) in every operand form. None of them may change the CC,
 * so each runs with a preset CC that must come out unchanged. */
#include "int_test.h"

INT_TEST_STORAGE

static void pair(u64 hi, u64 lo, u64 b, u32 ccin)
{
    T_PAIR_RR("mr", hi, lo, b, ccin);
    T_PAIR_RR("mlr", hi, lo, b, ccin);
    T_PAIR_RR("mlgr", hi, lo, b, ccin);
    T_PAIR_RX("m", hi, lo, m32, b, 0x7a8, ccin);
    T_PAIR_RX("mfy", hi, lo, m32, b, -0x7ff00, ccin);
    T_PAIR_RX("ml", hi, lo, m32, b, 0x7ffff, ccin);
    T_PAIR_RX("mlg", hi, lo, m64, b, -8, ccin);
}

static void single(u64 a, u64 b, u32 ccin)
{
    T_RR("msr", a, b, ccin);
    T_RR("msgr", a, b, ccin);
    T_RR("msgfr", a, b, ccin);
    T_RX("ms", a, m32, b, 0x123, ccin);
    T_RX("msy", a, m32, b, -0x10, ccin);
    T_RX("mh", a, m16, b, 0xffe, ccin);
    T_RX("mhy", a, m16, b, 0x40000, ccin);
    T_RX("msg", a, m64, b, 0, ccin);
    T_RX("msgf", a, m32, b, -0x80000, ccin);
}

static void imm(u64 a, u32 ccin)
{
    T_RI("mhi", a, 1, ccin);
    T_RI("mhi", a, -1, ccin);
    T_RI("mhi", a, 32767, ccin);
    T_RI("mhi", a, -32768, ccin);
    T_RI("mghi", a, -1, ccin);
    T_RI("mghi", a, 32767, ccin);
    T_RI("mghi", a, -32768, ccin);
    T_RI("mghi", a, 0, ccin);
    T_RI("msfi", a, -1, ccin);
    T_RI("msfi", a, 2147483647, ccin);
    T_RI("msfi", a, -2147483648, ccin);
    T_RI("msfi", a, 0x12345, ccin);
    T_RI("msgfi", a, -1, ccin);
    T_RI("msgfi", a, 2147483647, ccin);
    T_RI("msgfi", a, -2147483648, ccin);
    T_RI("msgfi", a, 3, ccin);
}

int main(void)
{
    for (unsigned i = 0; i < N_VALS; i++) {
        for (unsigned j = 0; j < N_VALS; j++) {
            pair(0x0123456789abcdefUL, val(i), val(j), (i + j) & 3);
            single(val(i), val(j), (i + 2 * j) & 3);
        }
        pair(val(i), val((i * 5) % N_VALS), rval(), i & 3);
        T_PAIR_SELF("mr", rval(), val(i), i & 3);
        T_PAIR_SELF("mlr", rval(), val(i), i & 3);
        T_PAIR_SELF("mlgr", rval(), val(i), i & 3);
        imm(val(i), i & 3);
    }
    for (unsigned i = 0; i < 400; i++) {
        u64 a = rval(), b = rval(), c = rval();
        pair(a, b, c, i & 3);
        single(a, b, (i >> 2) & 3);
        imm(c, (i >> 4) & 3);
    }
    rt_exit(0);
}
