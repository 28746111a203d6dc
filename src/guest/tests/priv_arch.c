/* Architected results of privileged instructions that QEMU 7.2 does not model (zhyp
 * only, see the option line below; docs/testing.md): TPROT is privileged, real-address
 * operands must be aligned, CSP/CSPG set CC 0 on a successful swap whatever the other
 * register bits hold and their purge takes effect for the next instruction, the
 * exception access id is stored (0) for a translation exception in the primary mode;
 * and the SYSIBs name zhyp.
 * @baremetal qemu no
 */
#include "probe.h"

#define VA_W        0x40000000UL

static uint8_t frame_a[4096] __attribute__((aligned(4096)));
static uint8_t frame_b[4096] __attribute__((aligned(4096)));

static void test_tprot_privileged(void)
{
    struct pgm_info pi;
    pgm_expect();
    pstate_enter();
    asm volatile("tprot 0(%[a]),0" : : [a] "a"(frame_a) : "cc", "memory");
    pstate_leave();
    test_check_pgm(&pi, PGM_PRIVILEGED_OP, 6, "tprot in the problem state: privileged operation");
}

static void test_real_alignment(void)
{
    struct pgm_info pi;
    uint64_t b = (uint64_t)frame_b, r = 0;
    *(volatile uint64_t *)frame_b = 0;
    CHECK_PGM(asm volatile("lura %[r],%[a]" : [r] "+d"(r) : [a] "a"(b + 2)), PGM_SPECIFICATION, 4,
              "lura of an unaligned word: specification", &pi);
    CHECK_PGM(asm volatile("lurag %[r],%[a]" : [r] "+d"(r) : [a] "a"(b + 4)), PGM_SPECIFICATION, 4,
              "lurag of an unaligned doubleword: specification", &pi);
    CHECK_PGM(asm volatile("stura %[r],%[a]" : : [r] "d"(~0UL), [a] "a"(b + 1) : "memory"),
              PGM_SPECIFICATION, 4, "stura unaligned: specification", &pi);
    CHECK_PGM(asm volatile("sturg %[r],%[a]" : : [r] "d"(~0UL), [a] "a"(b + 4) : "memory"),
              PGM_SPECIFICATION, 4, "sturg unaligned: specification", &pi);
    CHECK_EQ(*(volatile uint64_t *)frame_b | r, 0, "unaligned real operands: nothing loaded or stored");
}

static void test_csp_condition_code(void)
{
    volatile uint32_t *w = (volatile uint32_t *)(frame_a + 64);
    volatile uint64_t *d = (volatile uint64_t *)(frame_a + 128);
    register uint64_t g2 asm("2") = 0xffffffff00000005UL;
    register uint64_t g3 asm("3") = 0xeeeeeeee00000009UL;
    int cc;
    *w = 5;
    asm volatile("csp %%r2,%[a]\n\tipm %[cc]\n\tsrl %[cc],28"
                 : [cc] "=d"(cc), "+d"(g2) : "d"(g3), [a] "a"(w) : "cc", "memory");
    CHECK(cc == 0 && *w == 9 && g2 == 0xffffffff00000005UL,
          "csp equal with bits 0-31 of r1 and r1+1 set: cc 0, stored, r1 unchanged");
    *d = 0x1122334455667788UL;
    g2 = 0x1122334455667788UL;
    g3 = 0x8877665544332211UL;
    asm volatile("cspg %%r2,%[a]\n\tipm %[cc]\n\tsrl %[cc],28"
                 : [cc] "=d"(cc), "+d"(g2) : "d"(g3), [a] "a"(d) : "cc", "memory");
    CHECK(cc == 0 && *d == 0x8877665544332211UL, "cspg equal with 64-bit values: cc 0, stored");
}

/* The load right after the purging CSP must see the entry changed in place. */
static void test_csp_purge_is_immediate(void)
{
    uint64_t asce = dat_new_space(ASCE_DT_SEGMENT);
    if (!asce || dat_map_image(asce) || dat_map_page(asce, VA_W, (uint64_t)frame_a, 0))
        guest_panic("cannot build the address space");
    static volatile uint32_t lock;
    *(volatile uint64_t *)frame_a = 1;
    *(volatile uint64_t *)frame_b = 2;
    uint64_t before, after;
    lock = 0;
    dat_enable(asce);
    before = *(volatile uint64_t *)VA_W;
    *dat_pte(asce, VA_W) = (uint64_t)frame_b;
    {
        register uint64_t g2 asm("2") = 0;
        register uint64_t g3 asm("3") = 1;
        asm volatile("csp %%r2,%[a]\n\tlg %[v],0(%[w])"
                     : [v] "=&d"(after), "+d"(g2) : "d"(g3), [a] "a"((uint64_t)&lock | 1), [w] "a"(VA_W)
                     : "cc", "memory");
    }
    dat_disable();
    CHECK_EQ(before, 1, "before the purge: the old frame");
    CHECK_EQ(after, 2, "the instruction after a purging csp uses the new translation");
}

static void test_exception_access_id_stored(void)
{
    uint64_t asce = dat_new_space(ASCE_DT_SEGMENT);
    if (!asce || dat_map_image(asce))
        guest_panic("cannot build the address space");
    struct probe p;
    dat_enable(asce);
    *(volatile uint8_t *)lc_ptr(LC_EXC_ACCESS_ID) = 0xff;
    pgm_expect();
    asm volatile("lg %%r1,0(%[a])" : : [a] "a"(0x50000000UL) : "r1", "memory");
    p.code = pgm_result(&p.pi);
    dat_disable();
    CHECK_EQ(p.code, PGM_SEGMENT_TRANS, "primary-space segment translation");
    CHECK_EQ(p.pi.exc_access_id, 0, "exception access id 0 stored over 0xff");
}

/* zhyp's SYSIBs: manufacturer and control program "ZHYP", type 2827 as STIDP says. */
static void test_stsi_names_zhyp(void)
{
    static uint8_t sysib[4096] __attribute__((aligned(4096)));
    static const uint8_t zhyp[4] = { 0xe9, 0xc8, 0xe8, 0xd7 }, type[4] = { 0xf2, 0xf8, 0xf2, 0xf7 };
    register uint64_t r0 asm("0") = 0x10000001;
    register uint64_t r1 asm("1") = 1;
    asm volatile("stsi 0(%[a])" : "+d"(r0), "+d"(r1) : [a] "a"(sysib) : "cc", "memory");
    CHECK(!memcmp(sysib + 32, zhyp, 4) && sysib[36] == 0x40, "stsi 1.1.1: manufacturer ZHYP");
    CHECK(!memcmp(sysib + 48, type, 4), "stsi 1.1.1: type 2827");
    r0 = 0x30000002;
    r1 = 2;
    asm volatile("stsi 0(%[a])" : "+d"(r0), "+d"(r1) : [a] "a"(sysib) : "cc", "memory");
    CHECK(!memcmp(sysib + 56, zhyp, 4), "stsi 3.2.2: control program ZHYP");
}

int main(void)
{
    test_tprot_privileged();
    test_real_alignment();
    test_csp_condition_code();
    test_csp_purge_is_immediate();
    test_exception_access_id_stored();
    test_stsi_names_zhyp();
    return test_summary();
}
