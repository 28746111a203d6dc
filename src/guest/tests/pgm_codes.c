/* Program-interruption lowcore fields, code by code, for what pgm.c and the DAT tests do
 * not cover: execute (EX of EX, EXRL of EXRL), protection (DAT protection, low-address
 * protection) with its TEID, addressing through a page-table entry, the ILC of an
 * exception in the target of EXECUTE, special operation, and the data-exception code in
 * the lowcore and the FPC. Each check reads the code at 0x8E, the ILC at 0x8C, the old
 * PSW at 0x150 and, for protection, the TEID at 0xA8. */
#include "probe.h"

#define VA_RO       0x40000000UL
#define VA_BEYOND   0x40001000UL

static uint8_t frame[4096] __attribute__((aligned(4096)));

static void test_execute(void)
{
    struct pgm_info pi;
    uint64_t next;
    pgm_expect();
    asm volatile("larl %[n],1f\n\tlarl %%r1,0f\n\tex 0,0(%%r1)\n\tj 1f\n0:\tex 0,0(%%r1)\n1:"
                 : [n] "=&a"(next) : : "r1", "memory");
    test_check_pgm(&pi, PGM_EXECUTE, 4, "ex of ex: execute exception, ilc 4");
    CHECK_EQ(pi.old_addr, next - 8, "ex of ex: old psw after the ex");
    pgm_expect();
    asm volatile("larl %[n],1f\n\texrl 0,0f\n\tj 1f\n0:\texrl 0,0\n1:" : [n] "=&a"(next) : : "memory");
    test_check_pgm(&pi, PGM_EXECUTE, 6, "exrl of exrl: execute exception, ilc 6");
}

/* An exception in the target of EX/EXRL reports the length of EX (4) or EXRL (6). */
static void test_execute_target_ilc(void)
{
    struct pgm_info pi;
    uint64_t next;
    pgm_expect();
    asm volatile("larl %[n],1f\n\tlarl %%r1,0f\n\tex 0,0(%%r1)\n\tj 1f\n0:\t.short 0x0000\n1:"
                 : [n] "=&a"(next) : : "r1", "memory");
    test_check_pgm(&pi, PGM_OPERATION, 4, "ex of opcode 00: operation exception, ilc 4");
    CHECK_EQ(pi.old_addr, next - 6, "ex of opcode 00: old psw after the ex");
    pgm_expect();
    asm volatile("larl %[n],1f\n\texrl 0,0f\n\tj 1f\n0:\t.short 0x0000\n1:" : [n] "=&a"(next) : : "memory");
    test_check_pgm(&pi, PGM_OPERATION, 6, "exrl of opcode 00: operation exception, ilc 6");
    CHECK_EQ(pi.old_addr, next - 6, "exrl of opcode 00: old psw after the exrl");
    pgm_expect();
    pstate_enter();
    asm volatile("larl %%r1,0f\n\tex 0,0(%%r1)\n\tj 1f\n0:\tptlb\n1:" : : : "r1", "memory");
    pstate_leave();
    test_check_pgm(&pi, PGM_PRIVILEGED_OP, 4, "ex of ptlb in the problem state: privileged operation, ilc 4");
}

static void test_protection(void)
{
    uint64_t asce = dat_new_space(ASCE_DT_SEGMENT);
    if (!asce || dat_map_image(asce) ||
        dat_map_page(asce, VA_RO, (uint64_t)frame, PAGE_ENTRY_PROTECT) ||
        dat_map_page(asce, VA_BEYOND, sclp_memory_size(), 0))
        guest_panic("cannot build the address space");
    struct probe p, a;
    *(volatile uint64_t *)(frame + 0x10) = 0x1234;
    dat_enable(asce);
    probe_store(VA_RO + 0x10, 0x5678, &p);
    probe_load(VA_BEYOND, &a);
    dat_disable();
    CHECK_EQ(p.code, PGM_PROTECTION, "store to a dat-protected page: protection");
    CHECK(p.pi.ilc == 6 && p.pi.old_addr == p.at + 6, "dat protection: ilc 6, old psw after the instruction");
    CHECK_EQ(p.pi.teid & ~0xfffUL, VA_RO, "dat protection: teid page address");
    CHECK_EQ(p.pi.teid & 4, 4, "dat protection: teid bit 61");
    CHECK_EQ(p.pi.teid & 3, 0, "dat protection: teid primary space");
    CHECK_EQ(*(volatile uint64_t *)(frame + 0x10), 0x1234, "dat protection: nothing stored");
    CHECK_EQ(a.code, PGM_ADDRESSING, "page frame beyond storage: addressing");
    CHECK(a.pi.ilc == 6 && a.pi.old_addr == a.at + 6, "addressing: ilc 6, old psw after the instruction");

    /* Low-address protection: TEID page 0; bits 56-63 differ between machines. */
    /* (Not probe_store: it clears a lowcore byte, which this protection forbids.) */
    pgm_expect();
    ctl_set_bits(0, CR0_LOW_ADDR_PROT);
    asm volatile("larl %[at],0f\n0:\tstg %[v],0(%[a])"
                 : [at] "=&a"(p.at) : [v] "d"(1UL), [a] "a"(0x1f8UL) : "memory");
    ctl_clear_bits(0, CR0_LOW_ADDR_PROT);
    p.code = pgm_result(&p.pi);
    CHECK_EQ(p.code, PGM_PROTECTION, "store to 0x1f8 with low-address protection: protection");
    CHECK(p.pi.ilc == 6 && p.pi.old_addr == p.at + 6, "low-address protection: ilc 6, old psw after");
    CHECK_EQ(p.pi.teid & ~0xfffUL, 0, "low-address protection: teid page address 0");
    CHECK_EQ(p.pi.teid & 4, 0, "low-address protection: teid bit 61 zero");
}

static void test_special_operation_and_data(void)
{
    struct pgm_info pi;
    uint64_t next;
    pgm_expect();
    asm volatile("larl %[n],1f\n\tsacf 0x100\n1:" : [n] "=&a"(next) : : "memory");
    test_check_pgm(&pi, PGM_SPECIAL_OP, 4, "sacf with dat off: special operation, ilc 4");
    CHECK_EQ(pi.old_addr, next, "special operation: old psw after the instruction");

    uint32_t fpc;
    *(volatile uint32_t *)lc_ptr(LC_DXC) = 0;
    pgm_expect();
    asm volatile("lghi %%r1,3\n\tcgit %%r1,3,8\n\tstfpc %[f]" : [f] "=Q"(fpc) : : "r1", "memory");
    test_check_pgm(&pi, PGM_DATA, 6, "compare and trap: data exception, ilc 6");
    CHECK_EQ(lc_read32(LC_DXC), 0xff, "data exception: dxc 0xff at lowcore 0x90");
    CHECK_EQ((fpc >> 8) & 0xff, 0xff, "data exception: dxc in fpc byte 2 (afp on)");
}

int main(void)
{
    test_execute();
    test_execute_target_ilc();
    test_protection();
    test_special_operation_and_data();
    return test_summary();
}
