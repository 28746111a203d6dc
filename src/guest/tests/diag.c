/* DIAGNOSE on the bare machine: X'44' (voluntary time-slice end) returns with nothing
 * changed; a code the machine does not implement is a specification exception. X'9C'
 * (directed yield) is left out: QEMU 7.2 TCG gives a specification exception for it,
 * where zhyp returns as for X'44' (docs/testing.md). */
#include "test.h"

static void test_yield(void)
{
    uint64_t r1 = 0x1111, r2 = 0x2222;
    asm volatile("diag %[a],%[b],0x44" : [a] "+d"(r1), [b] "+d"(r2) : : "memory");
    CHECK(r1 == 0x1111 && r2 == 0x2222, "diag 44 returns with registers unchanged");
}

static void test_unknown(void)
{
    struct pgm_info pi;
    CHECK_PGM(asm volatile("diag 0,0,0x123" : : : "memory"), PGM_SPECIFICATION, 4,
              "diag 123 is a specification exception", &pi);
}

int main(void)
{
    test_yield();
    test_unknown();
    return test_summary();
}
