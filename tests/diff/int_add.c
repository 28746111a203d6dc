/* Differential test: ADD in every operand form (register, distinct operands,
 * storage, immediate, storage-immediate, high word) over edge and random values.
 * The program mask is zero, so overflow only sets CC 3. */
#include "int_test.h"

INT_TEST_STORAGE

static void rr(u64 a, u64 b)
{
    T_RR("ar", a, b, 0);
    T_RR("agr", a, b, 0);
    T_RR("agfr", a, b, 0);
    T_RRR("ark", a, b, 0x1111111111111111UL);
    T_RRR("agrk", a, b, 0x1111111111111111UL);
    T_RRR("ahhhr", a, b, 0x2222222222222222UL);
    T_RRR("ahhlr", a, b, 0x3333333333333333UL);
    T_RRR("ahhhr", b, a, 0x4444444455555555UL);
    T_RRR("ahhlr", b, a, 0x6666666677777777UL);
}

static void rx(u64 a, u64 m)
{
    T_RX("a", a, m32, m, 0x7a8, 0);
    T_RX("ay", a, m32, m, -0x7ff00, 0);
    T_RX("ah", a, m16, m, 0x123, 0);
    T_RX("ahy", a, m16, m, 0x54321, 0);
    T_RX("ag", a, m64, m, -8, 0);
    T_RX("agf", a, m32, m, 0x7ffff, 0);
}

static void imm(u64 a)
{
    T_RI("ahi", a, 1, 0);
    T_RI("ahi", a, -1, 0);
    T_RI("ahi", a, 32767, 0);
    T_RI("ahi", a, -32768, 0);
    T_RI("aghi", a, 32767, 0);
    T_RI("aghi", a, -1, 0);
    T_RI("aghi", a, -32768, 0);
    T_RI("afi", a, 1, 0);
    T_RI("afi", a, -1, 0);
    T_RI("afi", a, 2147483647, 0);
    T_RI("afi", a, -2147483648, 0);
    T_RI("afi", a, 0x12345678, 0);
    T_RI("agfi", a, 2147483647, 0);
    T_RI("agfi", a, -2147483648, 0);
    T_RI("agfi", a, -1, 0);
    T_RIE("ahik", a, 1, 0x5a5a5a5a5a5a5a5aUL);
    T_RIE("ahik", a, -32768, 0x5a5a5a5a5a5a5a5aUL);
    T_RIE("ahik", a, 32767, 0x5a5a5a5a5a5a5a5aUL);
    T_RIE("aghik", a, -1, 0);
    T_RIE("aghik", a, 32767, 0);
    T_RIE("aghik", a, -32768, 0);
    T_RI("aih", a, 1, 0);
    T_RI("aih", a, -1, 0);
    T_RI("aih", a, 2147483647, 0);
    T_RI("aih", a, -2147483648, 0);
}

static void siy(u64 m)
{
    T_SIY("asi", &m32, m, 1, 0x10);
    T_SIY("asi", &m32, m, -1, -0x10);
    T_SIY("asi", U32P, m, 127, 0x7ffff);
    T_SIY("asi", &m32, m, -128, -0x80000);
    T_SIY("agsi", &m64, m, 1, 0);
    T_SIY("agsi", U64P, m, -1, -8);
    T_SIY("agsi", &m64, m, 127, 0x1000);
    T_SIY("agsi", &m64, m, -128, 0x4);
}

int main(void)
{
    for (unsigned i = 0; i < N_VALS; i++) {
        for (unsigned j = 0; j < N_VALS; j++) {
            rr(val(i), val(j));
            rx(val(i), val(j));
        }
        imm(val(i));
        siy(val(i));
    }
    for (unsigned i = 0; i < 300; i++) {
        u64 a = rval(), b = rval();
        rr(a, b);
        rx(a, b);
        imm(a);
        siy(b);
    }
    rt_exit(0);
}
