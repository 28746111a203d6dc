/* SUPERVISOR CALL and PSW switching: the SVC number and ILC in the lowcore, the old PSW
 * after the SVC, a handler that returns a value in a register (the system-call shape),
 * SVC from the problem state, and LPSWE into the problem state and back. */
#include "test.h"

static volatile uint16_t last_code, last_ilc;
static volatile uint64_t last_mask, last_addr;

/* SVC n returns n * 2 + r2 in r2. */
static void on_svc(struct intr_frame *f, uint16_t code, uint16_t ilc)
{
    last_code = code;
    last_ilc = ilc;
    last_mask = f->psw_mask;
    last_addr = f->psw_addr;
    f->gprs[2] += (uint64_t)code * 2;
}

static void test_numbers(void)
{
    static const uint8_t nums[] = { 0, 1, 100, 254 };
    uint64_t next;
    for (unsigned i = 0; i < sizeof(nums); i++) {
        register uint64_t r2 asm("2") = 1000;
        switch (nums[i]) {
        case 0: asm volatile("larl %[n],1f\n\tsvc 0\n1:" : [n] "=&a"(next), "+d"(r2)); break;
        case 1: asm volatile("larl %[n],1f\n\tsvc 1\n1:" : [n] "=&a"(next), "+d"(r2)); break;
        case 100: asm volatile("larl %[n],1f\n\tsvc 100\n1:" : [n] "=&a"(next), "+d"(r2)); break;
        default: asm volatile("larl %[n],1f\n\tsvc 254\n1:" : [n] "=&a"(next), "+d"(r2)); break;
        }
        uint64_t result = r2;   /* a register variable is only defined at the asm */
        char name[64];
        snprintf(name, sizeof(name), "svc %u: code", nums[i]);
        CHECK_EQ(last_code, nums[i], name);
        snprintf(name, sizeof(name), "svc %u: ilc 2", nums[i]);
        CHECK_EQ(last_ilc, 2, name);
        snprintf(name, sizeof(name), "svc %u: old psw after the svc", nums[i]);
        CHECK_EQ(last_addr, next, name);
        snprintf(name, sizeof(name), "svc %u: handler result in r2", nums[i]);
        CHECK_EQ(result, 1000 + 2UL * nums[i], name);
    }
}

static void test_problem_state(void)
{
    pstate_enter();
    uint64_t inside = psw_mask();
    register uint64_t r2 asm("2") = 5;
    asm volatile("svc 3" : "+d"(r2));
    uint64_t result = r2;
    pstate_leave();
    CHECK(inside & PSW_MASK_PSTATE, "pstate_enter sets the problem state");
    CHECK(last_mask & PSW_MASK_PSTATE, "svc from problem state: old psw has p");
    CHECK_EQ(result, 11, "svc from problem state: handler result");
    CHECK(!(psw_mask() & PSW_MASK_PSTATE), "pstate_leave: back in supervisor state");
}

/* LPSWE into the problem state with condition code 2, then back through the SVC. */
static void test_lpswe(void)
{
    static uint64_t psw[2] __attribute__((aligned(8)));
    uint64_t hi, cc;
    psw[0] = (psw_mask() & ~PSW_MASK_CC) | PSW_MASK_PSTATE | 0x0000200000000000UL;
    asm volatile("larl %%r1,0f\n\t"
                 "stg %%r1,8(%[p])\n\t"
                 "lpswe 0(%[p])\n"
                 "0:\tipm %[cc]\n\t"
                 "srl %[cc],28\n\t"
                 "epsw %[hi],%%r0"
                 : [hi] "=&d"(hi), [cc] "=&d"(cc) : [p] "a"(psw) : "r1", "cc", "memory");
    pstate_leave();
    CHECK((hi & 0xffffffffUL) << 32 & PSW_MASK_PSTATE, "lpswe loads the problem state");
    CHECK_EQ(cc & 3, 2, "lpswe loads the condition code");
    CHECK(!(psw_mask() & PSW_MASK_PSTATE), "svc leaves the lpswe problem state");
}

int main(void)
{
    intr_set_svc_handler(on_svc);
    test_numbers();
    test_problem_state();
    test_lpswe();
    return test_summary();
}
