/* The state main() starts in, as the loader and start.S leave it: 64-bit supervisor PSW
 * with interruptions masked, CR0 AFP, prefix 0, new PSWs installed, BSS cleared, the
 * --append text at 0x10480; and that an interruption preserves every GPR and FPR.
 * tests/run-baremetal.sh boots every test with --append "zhyp baremetal". */
#include "test.h"

extern char _end[], guest_stack[], guest_stack_top[];
extern char intr_pgm_entry[], intr_ext_entry[], intr_svc_entry[], intr_io_entry[];

static uint8_t zeroed[256];

static void test_cpu_state(void)
{
    CHECK_EQ(psw_mask() & ~PSW_MASK_CC, PSW_MASK_64, "psw: 64-bit, dat off, masked, key 0");
    CHECK(ctl_store(0) & CR0_AFP, "cr0: afp registers on");
    CHECK_EQ(stpx(), 0, "prefix 0");
    CHECK_EQ(stap(), 0, "cpu address 0");
    char local;
    CHECK((uintptr_t)&local >= (uintptr_t)guest_stack &&
          (uintptr_t)&local < (uintptr_t)guest_stack_top, "stack is the sdk stack");
}

static void test_lowcore(void)
{
    static const struct { unsigned long off; const char *entry; const char *name; } psws[] = {
        { LC_EXT_NEW_PSW, intr_ext_entry, "external new psw" },
        { LC_SVC_NEW_PSW, intr_svc_entry, "svc new psw" },
        { LC_PGM_NEW_PSW, intr_pgm_entry, "program new psw" },
        { LC_IO_NEW_PSW, intr_io_entry, "i/o new psw" },
    };
    for (unsigned i = 0; i < sizeof(psws) / sizeof(psws[0]); i++) {
        uint64_t mask, addr;
        lc_read_psw(psws[i].off, &mask, &addr);
        CHECK(mask == PSW_MASK_64 && addr == (uintptr_t)psws[i].entry, psws[i].name);
    }
}

static void test_image(void)
{
    int all_zero = 1;
    for (unsigned i = 0; i < sizeof(zeroed); i++)
        all_zero &= zeroed[i] == 0;
    CHECK(all_zero, "bss cleared");
    const uint8_t *parm = (const uint8_t *)0x10400;
    int parm_zero = 1;
    for (unsigned i = 0; i < 0x80; i++)
        parm_zero &= parm[i] == 0;
    CHECK(parm_zero, "parameter block 0x10400 left zero");
    CHECK(sclp_memory_size() >= (uint64_t)_end, "storage holds the image");
    const char *cmd = guest_cmdline();
    if (!*cmd)
        test_skip("command line", "booted without --append");
    else
        CHECK(!strcmp(cmd, "zhyp baremetal"), "command line at 0x10480");
}

/* The handler scribbles over f0-f15 and r6-r12; the entry code must restore them. */
static void scribble(struct intr_frame *f, uint16_t code, uint16_t ilc)
{
    (void)f, (void)code, (void)ilc;
    asm volatile(".irp n,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15\n\t"
                 "lzdr %%f\\n\n\t.endr\n\t"
                 "lghi %%r6,-1\n\tlghi %%r7,-1\n\tlghi %%r8,-1\n\tlghi %%r9,-1\n\t"
                 "lghi %%r10,-1\n\tlghi %%r11,-1\n\tlghi %%r12,-1"
                 : : : "r6", "r7", "r8", "r9", "r10", "r11", "r12", "f0", "f1",
                   "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f10", "f11", "f12",
                   "f13", "f14", "f15");
}

static void test_registers_preserved(void)
{
    uint64_t fprs[16], gprs[7];
    intr_set_svc_handler(scribble);
    asm volatile(".irp n,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15\n\t"
                 "lghi %%r1,100+\\n\n\tldgr %%f\\n,%%r1\n\t.endr\n\t"
                 ".irp n,6,7,8,9,10,11,12,13\n\tlghi %%r\\n,\\n\n\t.endr\n\t"
                 "svc 9\n\t"
                 ".irp n,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15\n\t"
                 "std %%f\\n,8*\\n(%[f])\n\t.endr\n\t"
                 "stmg %%r6,%%r12,0(%[g])"
                 : : [f] "a"(fprs), [g] "a"(gprs)
                 : "r1", "r6", "r7", "r8", "r9", "r10", "r11", "r12", "f0", "f1",
                   "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f10", "f11", "f12",
                   "f13", "f14", "f15", "memory");
    intr_set_svc_handler(0);
    int fpr_ok = 1, gpr_ok = 1;
    for (int i = 0; i < 16; i++)
        fpr_ok &= fprs[i] == 100UL + (uint64_t)i;
    for (int i = 0; i < 7; i++)
        gpr_ok &= gprs[i] == 6UL + (uint64_t)i;
    CHECK(fpr_ok, "interruption preserves f0-f15");
    CHECK(gpr_ok, "interruption preserves r6-r12");
}

int main(void)
{
    test_cpu_state();
    test_lowcore();
    test_image();
    test_registers_preserved();
    return test_summary();
}
