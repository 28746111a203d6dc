/* EXTRACT AND SET STORAGE ATTRIBUTES (B9AB) exists only under interpretive execution
 * with CMMA: on the bare machine it is an operation exception, in the supervisor and
 * the problem state alike, with ILC 4, the old PSW after it and the registers kept. */
#include "test.h"

static uint16_t essa(uint64_t *r1, uint64_t *r2, struct pgm_info *pi, uint64_t *next)
{
    pgm_expect();
    register uint64_t g1 asm("1") = *r1;         /* after the call, which may use r1/r2 */
    register uint64_t g2 asm("2") = *r2;
    asm volatile("larl %[n],1f\n\t.insn rrf,0xb9ab0000,%%r1,%%r2,1,0\n1:"
                 : [n] "=&a"(*next), "+d"(g1), "+d"(g2) : : "memory");
    *r1 = g1;
    *r2 = g2;
    return pgm_result(pi);
}

int main(void)
{
    struct pgm_info pi;
    uint64_t r1 = 0x1111, r2 = 0x2000, next;
    CHECK_EQ(essa(&r1, &r2, &pi, &next), PGM_OPERATION, "essa in the supervisor state: operation exception");
    CHECK_EQ(pi.ilc, 4, "essa: ilc 4");
    CHECK_EQ(pi.old_addr, next, "essa: old psw after the instruction");
    CHECK(r1 == 0x1111 && r2 == 0x2000, "essa: registers unchanged");
    pstate_enter();
    uint16_t code = essa(&r1, &r2, &pi, &next);
    pstate_leave();
    CHECK_EQ(code, PGM_OPERATION, "essa in the problem state: operation exception, not privileged operation");
    return test_summary();
}
