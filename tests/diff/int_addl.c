/* Differential test: ADD LOGICAL in every operand form, ADD LOGICAL WITH CARRY with
 * each incoming CC, and the high-word forms (ALSIHN must leave the CC alone). */
#include "int_test.h"

INT_TEST_STORAGE

static void rr(u64 a, u64 b, u32 ccin)
{
    T_RR("alr", a, b, 0);
    T_RR("algr", a, b, 0);
    T_RR("algfr", a, b, 0);
    T_RR("alcr", a, b, ccin);
    T_RR("alcgr", a, b, ccin);
    T_RRR("alrk", a, b, 0x1111111111111111UL);
    T_RRR("algrk", a, b, 0x1111111111111111UL);
    T_RRR("alhhhr", a, b, 0x2222222222222222UL);
    T_RRR("alhhlr", a, b, 0x3333333333333333UL);
    T_RRR("alhhhr", b, a, 0x4444444455555555UL);
    T_RRR("alhhlr", b, a, 0x6666666677777777UL);
}

static void rx(u64 a, u64 m, u32 ccin)
{
    T_RX("al", a, m32, m, 0x7a8, 0);
    T_RX("aly", a, m32, m, -0x7ff00, 0);
    T_RX("alg", a, m64, m, -8, 0);
    T_RX("algf", a, m32, m, 0x7ffff, 0);
    T_RX("alc", a, m32, m, -0x80000, ccin);
    T_RX("alcg", a, m64, m, 0x12345, ccin);
}

static void imm(u64 a, u32 ccin)
{
    T_RI("alfi", a, 1, 0);
    T_RI("alfi", a, 0xffffffff, 0);
    T_RI("alfi", a, 0x80000000, 0);
    T_RI("alfi", a, 0x7fffffff, 0);
    T_RI("algfi", a, 1, 0);
    T_RI("algfi", a, 0xffffffff, 0);
    T_RI("algfi", a, 0x80000000, 0);
    T_RIE("alhsik", a, 1, 0x5a5a5a5a5a5a5a5aUL);
    T_RIE("alhsik", a, -1, 0x5a5a5a5a5a5a5a5aUL);
    T_RIE("alhsik", a, -32768, 0);
    T_RIE("alhsik", a, 32767, 0);
    T_RIE("alghsik", a, 1, 0);
    T_RIE("alghsik", a, -1, 0);
    T_RIE("alghsik", a, -32768, 0);
    T_RIE("alghsik", a, 32767, 0);
    T_RI("alsih", a, 1, ccin);
    T_RI("alsih", a, -1, ccin);
    T_RI("alsih", a, 2147483647, ccin);
    T_RI("alsih", a, -2147483648, ccin);
    T_RI("alsihn", a, 1, ccin);
    T_RI("alsihn", a, -1, ccin);
    T_RI("alsihn", a, -2147483648, ccin);
}

static void siy(u64 m)
{
    T_SIY("alsi", &m32, m, 1, 0x10);
    T_SIY("alsi", &m32, m, -1, -0x10);
    T_SIY("alsi", U32P, m, 127, 0x7ffff);
    T_SIY("alsi", U32P, m, -128, -0x80000);
    T_SIY("algsi", &m64, m, 1, 0);
    T_SIY("algsi", U64P, m, -1, -8);
    T_SIY("algsi", &m64, m, 127, 0x1000);
    T_SIY("algsi", &m64, m, -128, 0x4);
}

int main(void)
{
    for (unsigned i = 0; i < N_VALS; i++) {
        for (unsigned j = 0; j < N_VALS; j++) {
            rr(val(i), val(j), (i + j) & 3);
            rx(val(i), val(j), (i * 3 + j) & 3);
        }
        for (u32 cc = 0; cc < 4; cc++)
            imm(val(i), cc);
        siy(val(i));
    }
    for (unsigned i = 0; i < 300; i++) {
        u64 a = rval(), b = rval();
        rr(a, b, i & 3);
        rx(a, b, (i >> 2) & 3);
        imm(a, (i >> 1) & 3);
        siy(b);
    }
    rt_exit(0);
}
