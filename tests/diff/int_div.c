/* Differential test: DIVIDE, DIVIDE LOGICAL and DIVIDE SINGLE in every operand form
 * over edge and random dividends and divisors. Operands that would raise the
 * fixed-point-divide exception are left out here (int_trap_*.c raise it); the
 * filters below only decide what to run, the oracle decides the results. */
#include "int_test.h"

INT_TEST_STORAGE

/* D/DR: 64-bit signed dividend from the low words, 32-bit signed quotient. */
static int ok_d(u64 hi, u64 lo, u64 b)
{
    s64 n = (s64)((hi << 32) | (u32)lo), d = (s32)b;
    if (d == 0 || (n == (s64)0x8000000000000000UL && d == -1))
        return 0;
    s64 q = n / d;
    return q == (s32)q;
}

/* DL/DLR: unsigned, 32-bit quotient. */
static int ok_dl(u64 hi, u64 lo, u64 b)
{
    u64 n = (hi << 32) | (u32)lo;
    return (u32)b != 0 && n / (u32)b <= 0xffffffffUL;
}

/* DLG/DLGR: 128-bit dividend, quotient fits when the high half is below the divisor. */
static int ok_dlg(u64 hi, u64 b) { return b != 0 && hi < b; }

/* DSG/DSGR/DSGF/DSGFR: 64-bit signed dividend R1+1. */
static int ok_dsg(u64 lo, s64 d) { return d != 0 && !(lo == 0x8000000000000000UL && d == -1); }

static void divide(u64 hi, u64 lo, u64 b, u32 ccin)
{
    if (ok_d(hi, lo, b)) {
        T_PAIR_RR("dr", hi, lo, b, ccin);
        T_PAIR_RX("d", hi, lo, m32, b, 0x7a8, ccin);
    }
    if (ok_dl(hi, lo, b)) {
        T_PAIR_RR("dlr", hi, lo, b, ccin);
        T_PAIR_RX("dl", hi, lo, m32, b, -0x7ff00, ccin);
    }
    if (ok_dlg(hi, b)) {
        T_PAIR_RR("dlgr", hi, lo, b, ccin);
        T_PAIR_RX("dlg", hi, lo, m64, b, 0x7ffff, ccin);
    }
    if (ok_dsg(lo, (s64)b)) {
        T_PAIR_RR("dsgr", hi, lo, b, ccin);
        T_PAIR_RX("dsg", hi, lo, m64, b, -8, ccin);
    }
    if (ok_dsg(lo, (s32)b)) {
        T_PAIR_RR("dsgfr", hi, lo, b, ccin);
        T_PAIR_RX("dsgf", hi, lo, m32, b, 0x100, ccin);
    }
}

static const u64 small[] = { 1, 2, 3, 7, 10, 0xffff, 0x10000, 0xffffffff, 0xfffffffe, 0x80000000,
                             0x7fffffff, 0xfffffffffffffff9, 0x8000000000000000 };

int main(void)
{
    for (unsigned i = 0; i < N_VALS; i++)
        for (unsigned j = 0; j < N_VALS; j++) {
            divide(val(i), val(j), val((i * 7 + j * 3) % N_VALS), j & 3);
            divide(val(i) & 0xffff, val(j), small[(i + j) % 13], i & 3);
            divide(0, val(j), val(i), (i ^ j) & 3);
        }
    for (unsigned i = 0; i < 13; i++) {
        u64 v = small[i] * 0x1234;
        if (ok_d(0, v, v))
            T_PAIR_SELF("dr", 0, v, i & 3);
        if (ok_dl(0, v, v))
            T_PAIR_SELF("dlr", 0, v, i & 3);
        if (ok_dlg(0, v))
            T_PAIR_SELF("dlgr", 0, v, i & 3);
        if (ok_dsg(v, (s64)v))
            T_PAIR_SELF("dsgr", 0x55, v, i & 3);
        if (ok_dsg(v, (s32)v))
            T_PAIR_SELF("dsgfr", 0x55, v, i & 3);
    }
    for (unsigned i = 0; i < 2000; i++) {
        u64 a = rval(), b = rval(), d = rval();
        divide(a, b, d, i & 3);
        if (d)
            divide(a % d, b, d, (i >> 2) & 3);
        divide((s64)(s32)a >> 8, b, (s64)(s32)d >> (i & 31), (i >> 4) & 3);
    }
    rt_exit(0);
}
