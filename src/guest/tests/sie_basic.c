/* SIE from a bare-metal host, the instruction itself (docs/sie.md "The instruction"):
 * guest GR 0-13 are the host's registers at SIE and after the exit, GR 14/15 come from
 * SD 0xa0/0xa8 and go back there, the host's r14/r15 survive, access registers and the
 * FPC are the host's in both directions, the guest PSW (with its CC) is stored at an
 * instruction interception and the next SIE resumes there, ihcpu names the host CPU;
 * SIE's own exceptions: specification (SD not on 512 bytes), privileged operation
 * (problem state), addressing (SD outside storage), each suppressing with ILC 4 and
 * the SD untouched.
 * @baremetal qemu no
 * @baremetal shadow both
 */
#include "sie_check.h"

static uint8_t sd[2 * SD_SIZE] __attribute__((aligned(4096)));

/* Every register + 1 (CC 2: the last result is positive), diag DONE, then r1 + 0x100
 * and a second diagnose. */
SIE_GUEST_CODE(g_regs,
    ".irp n,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15\n\t"
    "aghi %r\\n,1\n\t"
    ".endr\n"
    "g_regs_done:\n\t"
    SIE_ASM_DONE
    "aghi %r1,0x100\n"
    "g_regs_again:\n\t"
    "diag %r0,%r0,0xf0e\n\t"
    "j .");
SIE_LABEL(g_regs_done);
SIE_LABEL(g_regs_again);

static uint64_t reg_value(int i)
{
    return 0x0123456700000000UL + ((uint64_t)i << 40) + (uint64_t)i * 0x1000;
}

static void test_registers(void)
{
    struct sie_guest g;
    sie_new_guest(&g, sd, g_regs, g_regs_end);
    for (int i = 0; i < 16; i++)
        g.gr[i] = reg_value(i);
    sd_set16(&g, SD_IHCPU, 0xffff);
    sie_run(&g);
    check_done(&g, "guest runs to its diagnose: icpt 0x04");
    CHECK_EQ(sie_ipa(&g), 0x8300, "diag interception: ipa 0x8300");
    CHECK_EQ(sie_ipb(&g) >> 16, 0x0f0f, "diag interception: ipb bits 0-15 = b2d2 0x0f0f");
    CHECK_EQ(sie_psw_addr(&g), SIE_GA(g_regs, g_regs_done) + 4,
             "instruction interception: guest psw after the diagnose");
    CHECK_EQ(sie_psw_mask(&g), PSW_MASK_64 | 0x0000200000000000UL,
             "guest psw mask stored with the guest's cc 2");
    int ok = 1;
    for (int i = 0; i < 14; i++)
        ok &= g.gr[i] == reg_value(i) + 1;
    CHECK(ok, "guest gr 0-13 loaded from the host registers and left in them");
    CHECK_EQ(sd_get64(&g, SD_GG14), reg_value(14) + 1, "guest gr 14 from sd 0xa0 and stored back");
    CHECK_EQ(sd_get64(&g, SD_GG15), reg_value(15) + 1, "guest gr 15 from sd 0xa8 and stored back");
    CHECK(g.host_regs_kept, "host r14 and r15 unchanged by sie");
    CHECK_EQ(sd_get16(&g, SD_IHCPU), stap(), "ihcpu: the host cpu address stored at the exit");
    CHECK_EQ(sd_get32(&g, SD_CPUFLAGS) & CPUSTAT_ZARCH, CPUSTAT_ZARCH, "cpuflags zarch kept");

    sie_run(&g);
    check_diag(&g, 0xf0e, "the next sie resumes after the intercepted diagnose");
    CHECK_EQ(g.gr[1], reg_value(1) + 1 + 0x100, "resumed guest sees its own registers");
    CHECK_EQ(sie_psw_addr(&g), SIE_GA(g_regs, g_regs_again) + 4, "second exit: psw after it");
    CHECK(g.gr[14] == reg_value(14) + 1 && g.gr[15] == reg_value(15) + 1,
          "gr 14/15 through the sd twice: unchanged by a guest that did not touch them");
}

/* Access registers and the FPC are shared with the host too: read the host's a5 and
 * FPC, set a6 and the FPC. (The compiler never uses ARs or changes the FPC here.) */
SIE_GUEST_CODE(g_share,
    "ear %r1,%a5\n\t"
    "sar %a6,%r2\n\t"
    "efpc %r3\n\t"
    "sfpc %r4\n\t"
    SIE_ASM_DONE);

static void test_shared_state(void)
{
    struct sie_guest g;
    uint32_t a6, fpc;
    sie_new_guest(&g, sd, g_share, g_share_end);
    g.gr[2] = 0x12345678;
    g.gr[4] = 0x00000002;
    asm volatile("sar %%a5,%0\n\tsar %%a6,%1\n\tsfpc %2"
                 : : "d"(0x5a5a5a5aU), "d"(0U), "d"(0x00000001U) : "memory");
    sie_run(&g);
    asm volatile("ear %0,%%a6\n\tefpc %1" : "=d"(a6), "=d"(fpc));
    asm volatile("sar %%a5,%0\n\tsar %%a6,%0\n\tsfpc %0" : : "d"(0U) : "memory");
    check_done(&g, "ar and fpc guest: runs to its end");
    CHECK_EQ(g.gr[1] & 0xffffffffUL, 0x5a5a5a5a, "guest ear: the host's access register 5");
    CHECK_EQ(g.gr[3] & 0xffffffffUL, 1, "guest efpc: the host's fpc");
    CHECK_EQ(a6, 0x12345678, "guest sar: the host's access register 6 after the exit");
    CHECK_EQ(fpc, 2, "guest sfpc: the host's fpc after the exit");
}

/* SIE with a bad operand: the exception, ILC 4, old PSW after the SIE (suppression),
 * and neither the operand's would-be SD nor the real SD written. */
static void sie_exception(uint8_t *op, uint16_t code, int pstate, const char *name)
{
    struct sie_guest g;
    struct pgm_info pi;
    char buf[96];
    sie_new_guest(&g, sd, g_regs, g_regs_end);
    sd_set8(&g, SD_ICPTCODE, 0xee);
    uint64_t before = g.gr[3] = 0x3333;
    pgm_expect();
    if (pstate)
        pstate_enter();
    sie_enter(op, g.gr);
    if (pstate)
        pstate_leave();
    test_check_pgm(&pi, code, 4, name);
    snprintf(buf, sizeof(buf), "%s: old psw after the sie", name);
    CHECK_EQ(pi.old_addr, (uint64_t)sie_insn + 4, buf);
    snprintf(buf, sizeof(buf), "%s: sd untouched, guest not run", name);
    CHECK(sie_icptcode(&g) == 0xee && g.gr[3] == before, buf);
}

static void test_operand(void)
{
    sie_exception(sd + 0x100, PGM_SPECIFICATION, 0, "sie of an sd 256 bytes off: specification");
    sie_exception(sd + 8, PGM_SPECIFICATION, 0, "sie of an sd 8 bytes off: specification");
    sie_exception(sd, PGM_PRIVILEGED_OP, 1, "sie in the problem state: privileged operation");
    sie_exception((uint8_t *)0x7ffffe00UL, PGM_ADDRESSING, 0, "sie of an sd outside storage: addressing");
}

int main(void)
{
    test_registers();
    test_shared_state();
    test_operand();
    return test_summary();
}
