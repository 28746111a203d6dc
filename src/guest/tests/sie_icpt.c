/* Instruction interceptions (docs/sie.md "What runs interpreted and what intercepts"):
 * each instruction the document lists ends the run with icpt 0x04, IPA = instruction
 * bytes 0-1, IPB = bytes 2-5 (bits 0-15 for a 4-byte instruction), the guest PSW after
 * the instruction and the guest's registers untouched; the target of EX/EXRL with
 * icptstatus 0x01 and the PSW after the EX; the conditional interceptions of ictl
 * (LPSW, ISKE, SSKE, RRBE, TPROT, STCTL/STCTG) and of the lctl mask (LCTL/LCTLG of a
 * CR whose bit is on, anywhere in the range), each also shown interpreted with the
 * control off; and privileged instructions in the guest's problem state, which give the
 * guest a privileged-operation exception in its own lowcore instead of an interception.
 * @baremetal qemu no
 * @baremetal shadow both
 */
#include "sie_check.h"

static uint8_t sd[SD_SIZE] __attribute__((aligned(4096)));

struct icpt_case {
    const char *name;
    uint8_t insn[6];
    uint8_t len;
};

/* Operands: base 0, displacements in the guest lowcore's free area (aligned for every
 * operand size), registers 2 and 4. Bytes with the mnemonic in the comment. */
static const struct icpt_case always[] = {
    { "diag x'44'",   { 0x83, 0x12, 0x00, 0x44 }, 4 },              /* diag 1,2,0x44 */
    { "diag x'500' with a base", { 0x83, 0x23, 0x45, 0x00 }, 4 },   /* diag 2,3,0x500(4) */
    { "sigp",         { 0xae, 0x12, 0x00, 0x05 }, 4 },              /* sigp 1,2,5 */
    { "servc",        { 0xb2, 0x20, 0x00, 0x24 }, 4 },              /* servc 2,4 */
    { "sie",          { 0xb2, 0x14, 0x0a, 0x00 }, 4 },              /* sie 0xa00 */
    { "stsi",         { 0xb2, 0x7d, 0x08, 0x00 }, 4 },              /* stsi 0x800 */
    { "stfl",         { 0xb2, 0xb1, 0x00, 0x00 }, 4 },              /* stfl 0 */
    { "stidp",        { 0xb2, 0x02, 0x08, 0x00 }, 4 },              /* stidp 0x800 */
    { "stap",         { 0xb2, 0x12, 0x08, 0x08 }, 4 },              /* stap 0x808 */
    { "spx",          { 0xb2, 0x10, 0x08, 0x10 }, 4 },              /* spx 0x810 */
    { "stpx",         { 0xb2, 0x11, 0x08, 0x18 }, 4 },              /* stpx 0x818 */
    { "sck",          { 0xb2, 0x04, 0x08, 0x20 }, 4 },              /* sck 0x820 */
    { "ptff",         { 0x01, 0x04 }, 2 },                          /* ptff */
    { "sckpf",        { 0x01, 0x07 }, 2 },                          /* sckpf */
    { "tb",           { 0xb2, 0x2c, 0x00, 0x24 }, 4 },              /* tb 2,4 */
    { "essa",         { 0xb9, 0xab, 0x00, 0x24 }, 4 },              /* essa 2,4,0 */
    { "pfmf",         { 0xb9, 0xaf, 0x00, 0x24 }, 4 },              /* pfmf 2,4 */
    { "csch",         { 0xb2, 0x30, 0x00, 0x00 }, 4 },              /* csch */
    { "hsch",         { 0xb2, 0x31, 0x00, 0x00 }, 4 },              /* hsch */
    { "msch",         { 0xb2, 0x32, 0x08, 0x40 }, 4 },              /* msch 0x840 */
    { "ssch",         { 0xb2, 0x33, 0x08, 0x40 }, 4 },              /* ssch 0x840 */
    { "stsch",        { 0xb2, 0x34, 0x08, 0x40 }, 4 },              /* stsch 0x840 */
    { "tsch",         { 0xb2, 0x35, 0x08, 0x40 }, 4 },              /* tsch 0x840 */
    { "tpi",          { 0xb2, 0x36, 0x08, 0x40 }, 4 },              /* tpi 0x840 */
    { "sal",          { 0xb2, 0x37, 0x00, 0x00 }, 4 },              /* sal */
    { "rsch",         { 0xb2, 0x38, 0x00, 0x00 }, 4 },              /* rsch */
    { "stcrw",        { 0xb2, 0x39, 0x08, 0x40 }, 4 },              /* stcrw 0x840 */
    { "stcps",        { 0xb2, 0x3a, 0x08, 0x40 }, 4 },              /* stcps 0x840 */
    { "rchp",         { 0xb2, 0x3b, 0x00, 0x00 }, 4 },              /* rchp */
    { "schm",         { 0xb2, 0x3c, 0x00, 0x00 }, 4 },              /* schm */
    { "siga",         { 0xb2, 0x74, 0x00, 0x00 }, 4 },              /* siga 0 */
    { "xsch",         { 0xb2, 0x76, 0x00, 0x00 }, 4 },              /* xsch */
    { "chsc",         { 0xb2, 0x5f, 0x00, 0x24 }, 4 },              /* chsc 2,4 */
};

/* Instructions intercepted only when a control asks: ictl bit (or 0 with lctl bits). */
struct cond_case {
    const char *name;
    uint8_t insn[6];
    uint8_t len;
    uint32_t ictl;
    uint16_t lctl;
};

static const struct cond_case conditional[] = {
    { "lpsw with ictl lpsw",   { 0x82, 0x00, 0x08, 0x80 }, 4, ICTL_LPSW, 0 },   /* lpsw 0x880 */
    { "iske with ictl iske",   { 0xb2, 0x29, 0x00, 0x24 }, 4, ICTL_ISKE, 0 },   /* iske 2,4 */
    { "sske with ictl sske",   { 0xb2, 0x2b, 0x00, 0x24 }, 4, ICTL_SSKE, 0 },   /* sske 2,4 */
    { "rrbe with ictl rrbe",   { 0xb2, 0x2a, 0x00, 0x24 }, 4, ICTL_RRBE, 0 },   /* rrbe 2,4 */
    { "tprot with ictl tprot", { 0xe5, 0x01, 0x20, 0x00, 0x00, 0x00 }, 6, ICTL_TPROT, 0 }, /* tprot 0(2),0 */
    { "stctl with ictl stctl", { 0xb6, 0x01, 0x08, 0x00 }, 4, ICTL_STCTL, 0 },  /* stctl 0,1,0x800 */
    { "stctg with ictl stctl", { 0xeb, 0x01, 0x08, 0x00, 0x00, 0x25 }, 6, ICTL_STCTL, 0 }, /* stctg 0,1,0x800 */
    { "lctl c6 with lctl bit 6",   { 0xb7, 0x66, 0x08, 0x00 }, 4, 0, 0x0200 },    /* lctl 6,6,0x800 */
    { "lctl c5-c7 with lctl bit 6", { 0xb7, 0x57, 0x08, 0x00 }, 4, 0, 0x0200 },   /* lctl 5,7,0x800 */
    { "lctlg c6 with lctl bit 6",  { 0xeb, 0x66, 0x08, 0x00, 0x00, 0x2f }, 6, 0, 0x0200 }, /* lctlg 6,6,0x800 */
    { "lctlg c0 with lctl bit 0",  { 0xeb, 0x00, 0x08, 0x00, 0x00, 0x2f }, 6, 0, 0x8000 }, /* lctlg 0,0,0x800 */
};

static const uint64_t reg_in[16] = {
    0x1000, 0x1001, 0x3000, 0x1003, 0x4000, 0x1005, 0x1006, 0x1007,
    0x1008, 0x1009, 0x100a, 0x100b, 0x100c, 0x100d, 0x100e, 0x100f,
};

/* A guest whose program is `insn`, then diag DONE. Operand data: a valid short PSW
 * for LPSW at 0x880 (bit 12 on, 64-bit, continuing at the DONE), zeros elsewhere; r2
 * names SIE_G_DATA. */
static void guest_with_insn(struct sie_guest *g, const uint8_t *insn, unsigned len)
{
    sie_guest_init(g, sd, SIE_MSO, (void *)SIE_MSO, SIE_GSIZE);
    memcpy(sie_g(g, SIE_G_CODE), insn, len);
    sie_gset32(g, SIE_G_CODE + len, 0x83000000 | SIE_DIAG_DONE);
    sie_gset32(g, 0x880, 0x00080001);
    sie_gset32(g, 0x884, 0x80000000 | (uint32_t)(SIE_G_CODE + len));
    for (int i = 0; i < 16; i++)
        g->gr[i] = reg_in[i];
    g->gr[2] = SIE_G_DATA;
}

static uint32_t ipb_of(const uint8_t *insn, unsigned len)
{
    uint32_t ipb = 0;
    for (unsigned i = 2; i < 6; i++)
        ipb = ipb << 8 | (i < len ? insn[i] : 0);
    return ipb;
}

/* The exit is this instruction's interception: code, IPA, IPB, PSW, registers. */
static void check_insn_icpt(struct sie_guest *g, const uint8_t *insn, unsigned len,
                            uint64_t psw_addr, const char *what)
{
    char name[128];
    uint16_t ipa = (uint16_t)(insn[0] << 8 | insn[1]);
    uint32_t ipb = ipb_of(insn, len), ipb_mask = len == 6 ? 0xffffffff : len == 4 ? 0xffff0000 : 0;
    snprintf(name, sizeof(name), "%s: icpt 0x04 for this instruction", what);
    sie_check_exit(g, sie_icptcode(g) == ICPT_INST && sie_ipa(g) == ipa, name);
    snprintf(name, sizeof(name), "%s: ipa 0x%04x", what, ipa);
    CHECK_EQ(sie_ipa(g), ipa, name);
    if (ipb_mask) {
        snprintf(name, sizeof(name), "%s: ipb 0x%08x (mask 0x%08x)", what, ipb, ipb_mask);
        CHECK_EQ(sie_ipb(g) & ipb_mask, ipb, name);
    }
    snprintf(name, sizeof(name), "%s: guest psw after the instruction", what);
    CHECK_EQ(sie_psw_addr(g), psw_addr, name);
    int same = 1;
    for (int i = 0; i < 16; i++)
        same &= g->gr[i] == (i == 2 ? SIE_G_DATA : reg_in[i]);
    snprintf(name, sizeof(name), "%s: guest registers untouched", what);
    CHECK(same, name);
}

static void test_always(void)
{
    struct sie_guest g;
    for (unsigned i = 0; i < sizeof(always) / sizeof(always[0]); i++) {
        const struct icpt_case *c = &always[i];
        guest_with_insn(&g, c->insn, c->len);
        sie_run(&g);
        check_insn_icpt(&g, c->insn, c->len, SIE_G_CODE + c->len, c->name);
    }
}

/* EX and EXRL of a diagnose: the target's IPA/IPB, icptstatus 0x01, PSW after the EX. */
SIE_GUEST_CODE(g_ex,
    "larl %r5,0f\n"
    "g_ex_ex:\n\t"
    "ex %r0,0(%r5)\n"
    "g_ex_exrl:\n\t"
    "exrl %r0,0f\n\t"
    SIE_ASM_DONE
    "0: diag %r0,%r0,0x7bc");
SIE_LABEL(g_ex_ex);
SIE_LABEL(g_ex_exrl);

static void test_execute(void)
{
    struct sie_guest g;
    static const uint8_t target[4] = { 0x83, 0x00, 0x07, 0xbc };   /* diag 0,0,0x7bc */
    sie_guest_init(&g, sd, SIE_MSO, (void *)SIE_MSO, SIE_GSIZE);
    sie_guest_code(&g, g_ex, g_ex_end);
    for (int i = 0; i < 16; i++)
        g.gr[i] = reg_in[i];
    g.gr[2] = SIE_G_DATA;
    sie_run(&g);
    g.gr[5] = reg_in[5];
    check_insn_icpt(&g, target, 4, SIE_GA(g_ex, g_ex_ex) + 4, "diag as the target of ex");
    CHECK_EQ(sd_get8(&g, SD_ICPTSTATUS) & 1, 1, "target of ex: icptstatus 0x01");
    sie_run(&g);
    check_insn_icpt(&g, target, 4, SIE_GA(g_ex, g_ex_exrl) + 6, "diag as the target of exrl");
    CHECK_EQ(sd_get8(&g, SD_ICPTSTATUS) & 1, 1, "target of exrl: icptstatus 0x01");
    sie_run(&g);
    check_done(&g, "after both: the guest goes on");
    CHECK_EQ(sd_get8(&g, SD_ICPTSTATUS) & 1, 0, "diag not under ex: icptstatus bit 0x01 off");
}

/* With the control: intercepted. Without it: interpreted, the guest reaches DONE (LPSW
 * through its PSW at 0x880; LCTL/LCTLG load the guest's CRs in the SD). */
static void test_conditional(void)
{
    struct sie_guest g;
    char name[128];
    for (unsigned i = 0; i < sizeof(conditional) / sizeof(conditional[0]); i++) {
        const struct cond_case *c = &conditional[i];
        guest_with_insn(&g, c->insn, c->len);
        sd_set32(&g, SD_ICTL, c->ictl);
        sd_set16(&g, SD_LCTL, c->lctl);
        sie_run(&g);
        check_insn_icpt(&g, c->insn, c->len, SIE_G_CODE + c->len, c->name);

        guest_with_insn(&g, c->insn, c->len);
        sd_set32(&g, SD_ICTL, ~c->ictl & (ICTL_LPSW | ICTL_ISKE | ICTL_SSKE | ICTL_RRBE |
                                          ICTL_TPROT | ICTL_STCTL));
        sd_set16(&g, SD_LCTL, 0);
        sie_run(&g);
        snprintf(name, sizeof(name), "%s: control off (other ictl bits on): interpreted", c->name);
        check_done(&g, name);
    }
}

/* LCTLG of CR9 with only lctl bit 6: interpreted, the SD's CR9 loaded. */
static void test_lctl_other_cr(void)
{
    struct sie_guest g;
    static const uint8_t lctlg9[6] = { 0xeb, 0x99, 0x08, 0x00, 0x00, 0x2f };  /* lctlg 9,9,0x800 */
    guest_with_insn(&g, lctlg9, 6);
    sie_gset64(&g, 0x800, 0x0123456789abcdefUL);
    sd_set16(&g, SD_LCTL, 0x0200);
    sie_run(&g);
    check_done(&g, "lctlg c9 with only lctl bit 6: interpreted");
    CHECK_EQ(sie_gcr(&g, 9), 0x0123456789abcdefUL, "lctlg c9 interpreted: sd gcr 9 loaded");
}

/* A privileged instruction in the guest's problem state: the guest's own
 * privileged-operation exception (its lowcore, its program new PSW), not an
 * interception, whatever the instruction or control. */
static void test_problem_state(void)
{
    static const struct cond_case priv[] = {
        { "diag",  { 0x83, 0x00, 0x00, 0x44 }, 4, 0, 0 },          /* diag 0,0,0x44 */
        { "sigp",  { 0xae, 0x12, 0x00, 0x05 }, 4, 0, 0 },          /* sigp 1,2,5 */
        { "stsi",  { 0xb2, 0x7d, 0x08, 0x00 }, 4, 0, 0 },          /* stsi 0x800 */
        { "sie",   { 0xb2, 0x14, 0x0a, 0x00 }, 4, 0, 0 },          /* sie 0xa00 */
        { "ssm",   { 0x80, 0x00, 0x08, 0x00 }, 4, 0, 0 },          /* ssm 0x800 */
        { "lpsw with ictl lpsw", { 0x82, 0x00, 0x08, 0x80 }, 4, ICTL_LPSW, 0 },
        { "lctlg with lctl bit 6", { 0xeb, 0x66, 0x08, 0x00, 0x00, 0x2f }, 6, 0, 0x0200 },
    };
    struct sie_guest g;
    char name[128];
    for (unsigned i = 0; i < sizeof(priv) / sizeof(priv[0]); i++) {
        const struct cond_case *c = &priv[i];
        guest_with_insn(&g, c->insn, c->len);
        sd_set32(&g, SD_ICTL, c->ictl);
        sd_set16(&g, SD_LCTL, c->lctl);
        sie_set_psw(&g, PSW_MASK_64 | PSW_MASK_PSTATE, SIE_G_CODE);
        sie_run(&g);
        snprintf(name, sizeof(name), "%s in guest problem state: guest program interruption", c->name);
        check_intr(&g, INTR_PGM, name);
        snprintf(name, sizeof(name), "%s in guest problem state: code 0x02 in the guest lowcore", c->name);
        CHECK_EQ(sie_g16(&g, LC_PGM_CODE), PGM_PRIVILEGED_OP, name);
        snprintf(name, sizeof(name), "%s in guest problem state: ilc %u", c->name, c->len);
        CHECK_EQ(sie_g16(&g, LC_PGM_ILC), c->len, name);
        snprintf(name, sizeof(name), "%s in guest problem state: old psw after it, problem state", c->name);
        CHECK(sie_g64(&g, LC_PGM_OLD_PSW + 8) == SIE_G_CODE + (uint64_t)c->len &&
              (sie_g64(&g, LC_PGM_OLD_PSW) & PSW_MASK_PSTATE), name);
    }
}

int main(void)
{
    test_always();
    test_execute();
    test_conditional();
    test_lctl_other_cr();
    test_problem_state();
    return test_summary();
}
