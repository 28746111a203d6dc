/* Guest program interruptions (docs/sie.md "What runs interpreted and what
 * intercepts"): without controls each is delivered inside the guest through its
 * lowcore at its prefix (code, ILC, DXC, old PSW; the program new PSW of the prefix
 * area), and the guest goes on after its handler; SVC likewise. With ictl PINT each
 * ends the run with icpt 0x08, pgmilc/iprcc/dxc/TEID/exception access id in the SD
 * and the guest PSW as the interruption would have stored it (after the instruction,
 * at it for a nullifying translation exception), the guest lowcore untouched. With
 * ictl OPEREXC an operation exception ends the run with icpt 0x2c, IPA/IPB the
 * instruction and the PSW after it, while other exceptions still go to the guest.
 * @baremetal qemu no
 * @baremetal shadow both
 */
#include "sie_check.h"

#define PREFIX  0x6000U

static uint8_t sd[SD_SIZE] __attribute__((aligned(4096)));

/* One exception after the other; the reporter's LPSWE returns after each (each code here
 * leaves the old PSW after the instruction). */
SIE_GUEST_CODE(g_exc,
    "g_exc_op:\n\t"
    ".short 0x0000\n"               /* operation exception, ILC 2 */
    "g_exc_spec:\n\t"
    ".short 0x1d12\n\t"             /* dr 1,2: odd r1, specification, ILC 2 */
    "llilh %r5,0x10\n"
    "g_exc_addr:\n\t"
    "lg %r6,0(%r5)\n"               /* 1 MB: beyond MSL, addressing, ILC 6 */
    "g_exc_data:\n\t"
    ".long 0xb9728011\n"            /* crt 1,1,8: compare and trap, data 0xff, ILC 4 */
    "g_exc_svc:\n\t"
    "svc 0x45\n\t"                  /* supervisor call 0x45, ILC 2 */
    "g_exc_op4:\n\t"
    ".long 0x9c123456\n\t"          /* unassigned 4-byte opcode 9c, ILC 4 */
    SIE_ASM_DONE);
SIE_LABEL(g_exc_op);
SIE_LABEL(g_exc_spec);
SIE_LABEL(g_exc_addr);
SIE_LABEL(g_exc_data);
SIE_LABEL(g_exc_svc);
SIE_LABEL(g_exc_op4);

struct exc {
    const char *name;
    const char *label;
    uint16_t code;
    uint16_t ilc;
    uint32_t dxc;           /* checked when not 0 */
};

static const struct exc excs[] = {
    { "operation exception", g_exc_op, PGM_OPERATION, 2, 0 },
    { "specification exception", g_exc_spec, PGM_SPECIFICATION, 2, 0 },
    { "addressing exception beyond msl", g_exc_addr, PGM_ADDRESSING, 6, 0 },
    { "data exception (compare and trap)", g_exc_data, PGM_DATA, 4, 0xff },
};

static void new_guest(struct sie_guest *g)
{
    sie_new_guest(g, sd, g_exc, g_exc_end);
    sie_guest_set_prefix(g, PREFIX);
    g->gr[1] = 5;
}

static void check_in_guest(struct sie_guest *g, const struct exc *e)
{
    char name[128];
    uint64_t at = SIE_GA(g_exc, e->label);
    snprintf(name, sizeof(name), "%s: delivered in the guest (its program reporter)", e->name);
    check_intr(g, INTR_PGM, name);
    snprintf(name, sizeof(name), "%s: code 0x%x at guest prefix + 0x8e", e->name, e->code);
    CHECK_EQ(sie_g16(g, PREFIX + LC_PGM_CODE), e->code, name);
    snprintf(name, sizeof(name), "%s: ilc %u at prefix + 0x8c", e->name, e->ilc);
    CHECK_EQ(sie_g16(g, PREFIX + LC_PGM_ILC), e->ilc, name);
    snprintf(name, sizeof(name), "%s: old psw at prefix + 0x150, after the instruction", e->name);
    CHECK(sie_g64(g, PREFIX + LC_PGM_OLD_PSW) == PSW_MASK_64 &&
          sie_g64(g, PREFIX + LC_PGM_OLD_PSW + 8) == at + e->ilc, name);
    if (e->dxc) {
        snprintf(name, sizeof(name), "%s: dxc 0x%x at prefix + 0x90", e->name, e->dxc);
        CHECK_EQ(sie_g32(g, PREFIX + LC_DXC), e->dxc, name);
    }
    snprintf(name, sizeof(name), "%s: nothing stored at guest absolute 0x150 (not the prefix area)", e->name);
    CHECK_EQ(sie_g64(g, LC_PGM_OLD_PSW + 8), 0, name);
}

static void check_svc_in_guest(struct sie_guest *g)
{
    check_intr(g, INTR_SVC, "svc 0x45: delivered in the guest (its svc reporter)");
    CHECK_EQ(sie_g16(g, PREFIX + LC_SVC_CODE), 0x45, "svc: code 0x45 at prefix + 0x8a");
    CHECK_EQ(sie_g16(g, PREFIX + LC_SVC_ILC), 2, "svc: ilc 2 at prefix + 0x88");
    CHECK_EQ(sie_g64(g, PREFIX + LC_SVC_OLD_PSW + 8), SIE_GA(g_exc, g_exc_svc) + 2,
             "svc: old psw at prefix + 0x140, after the svc");
}

/* No controls: every exception goes through the guest's own lowcore and handler; the
 * next SIE runs the reporter's LPSWE back into the program. */
static void test_in_guest(void)
{
    static const struct exc op4 = { "operation exception (4-byte opcode)", g_exc_op4,
                                     PGM_OPERATION, 4, 0 };
    struct sie_guest g;
    new_guest(&g);
    for (unsigned i = 0; i < sizeof(excs) / sizeof(excs[0]); i++) {
        sie_run(&g);
        check_in_guest(&g, &excs[i]);
    }
    sie_run(&g);
    check_svc_in_guest(&g);
    sie_run(&g);
    check_in_guest(&g, &op4);
    sie_run(&g);
    check_done(&g, "after its handlers returned, the guest program ends");
}

/* The program-interception fields of the SD for e, and the guest lowcore untouched. */
static void check_pint(struct sie_guest *g, const struct exc *e)
{
    char name[128];
    uint64_t at = SIE_GA(g_exc, e->label);
    snprintf(name, sizeof(name), "pint, %s: icpt 0x08", e->name);
    check_icpt(g, ICPT_PROGI, name);
    snprintf(name, sizeof(name), "pint, %s: iprcc 0x%x", e->name, e->code);
    CHECK_EQ(sd_get16(g, SD_IPRCC), e->code, name);
    snprintf(name, sizeof(name), "pint, %s: pgmilc %u", e->name, e->ilc);
    CHECK_EQ(sd_get16(g, SD_PGMILC), e->ilc, name);
    snprintf(name, sizeof(name), "pint, %s: guest psw after the instruction", e->name);
    CHECK(sie_psw_addr(g) == at + e->ilc && sie_psw_mask(g) == PSW_MASK_64, name);
    if (e->dxc) {
        snprintf(name, sizeof(name), "pint, %s: dxc 0x%x at sd 0xd0", e->name, e->dxc);
        CHECK_EQ(sd_get32(g, SD_DXC), e->dxc, name);
    }
    snprintf(name, sizeof(name), "pint, %s: not delivered in the guest (lowcore untouched)", e->name);
    CHECK(sie_g16(g, PREFIX + LC_PGM_CODE) == 0 && sie_g64(g, PREFIX + LC_PGM_OLD_PSW + 8) == 0, name);
}

/* ictl PINT: each program exception intercepts; the SVC still goes to the guest. */
static void test_pint(void)
{
    static const struct exc op4 = { "operation exception (4-byte opcode)", g_exc_op4,
                                     PGM_OPERATION, 4, 0 };
    struct sie_guest g;
    new_guest(&g);
    sd_set32(&g, SD_ICTL, ICTL_PINT);
    for (unsigned i = 0; i < sizeof(excs) / sizeof(excs[0]); i++) {
        sie_run(&g);
        check_pint(&g, &excs[i]);
    }
    sie_run(&g);
    check_svc_in_guest(&g);
    sie_run(&g);
    check_pint(&g, &op4);
    sie_run(&g);
    check_done(&g, "pint: the host resumed after each interception, the guest ends");
}

/* ictl OPEREXC: the two operation exceptions intercept with 0x2c; the others (and the
 * SVC) are the guest's. */
static void test_operexc(void)
{
    struct sie_guest g;
    new_guest(&g);
    sd_set32(&g, SD_ICTL, ICTL_OPEREXC);
    sie_run(&g);
    check_icpt(&g, ICPT_OPEREXC, "operexc, opcode 0000: icpt 0x2c");
    CHECK_EQ(sie_ipa(&g), 0x0000, "operexc, opcode 0000: ipa 0x0000");
    CHECK_EQ(sie_psw_addr(&g), SIE_GA(g_exc, g_exc_op) + 2, "operexc, opcode 0000: guest psw after it");
    CHECK_EQ(sie_g16(&g, PREFIX + LC_PGM_CODE), 0, "operexc: not delivered in the guest");
    for (unsigned i = 1; i < sizeof(excs) / sizeof(excs[0]); i++) {
        sie_run(&g);
        check_in_guest(&g, &excs[i]);
    }
    sie_run(&g);
    check_svc_in_guest(&g);
    sie_run(&g);
    check_icpt(&g, ICPT_OPEREXC, "operexc, opcode 9c: icpt 0x2c");
    CHECK_EQ(sie_ipa(&g), 0x9c12, "operexc, opcode 9c: ipa 0x9c12");
    CHECK_EQ(sie_ipb(&g) >> 16, 0x3456, "operexc, opcode 9c: ipb bits 0-15 0x3456");
    CHECK_EQ(sie_psw_addr(&g), SIE_GA(g_exc, g_exc_op4) + 4, "operexc, opcode 9c: guest psw after it");
    sie_run(&g);
    check_done(&g, "operexc: the guest ends");
}

/* A translation exception under guest DAT: with PINT the TEID and exception access id
 * go to the SD and the PSW stays at the instruction (nullification); without, the
 * guest's lowcore gets them. */
SIE_GUEST_CODE(g_dat,
    "llilf %r5,0x150000\n"
    "g_dat_fault:\n\t"
    "lg %r6,0(%r5)\n\t"
    SIE_ASM_DONE);
SIE_LABEL(g_dat_fault);

static void dat_guest(struct sie_guest *g)
{
    sie_new_guest(g, sd, g_dat, g_dat_end);
    sie_guest_set_prefix(g, PREFIX);
    sie_set_gcr(g, 1, gdat_build(g));
    sie_set_psw(g, PSW_MASK_64 | PSW_MASK_DAT, SIE_G_CODE);
}

static void test_dat_exception(void)
{
    struct sie_guest g;
    uint64_t at = SIE_GA(g_dat, g_dat_fault);
    dat_guest(&g);
    sd_set32(&g, SD_ICTL, ICTL_PINT);
    sd_set8(&g, SD_EAI, 0xff);
    sie_run(&g);
    check_icpt(&g, ICPT_PROGI, "pint, segment translation: icpt 0x08");
    CHECK_EQ(sd_get16(&g, SD_IPRCC), PGM_SEGMENT_TRANS, "pint, segment translation: iprcc 0x10");
    CHECK_EQ(sd_get16(&g, SD_PGMILC), 6, "pint, segment translation: pgmilc 6");
    CHECK_EQ(sd_get64(&g, SD_TECMC) & ~0xfffUL, GDAT_INVALID_SEG_VA,
             "pint, segment translation: teid page address at sd 0xe8");
    CHECK_EQ(sd_get64(&g, SD_TECMC) & 3, 0, "pint, segment translation: teid primary space");
    CHECK_EQ(sd_get8(&g, SD_EAI), 0, "pint, segment translation: exception access id 0 at sd 0xe0");
    CHECK(sie_psw_addr(&g) == at && sie_psw_mask(&g) == (PSW_MASK_64 | PSW_MASK_DAT),
          "pint, segment translation: guest psw at the instruction (nullified)");

    dat_guest(&g);
    sie_run(&g);
    check_intr(&g, INTR_PGM, "segment translation without pint: delivered in the guest");
    CHECK_EQ(sie_g16(&g, PREFIX + LC_PGM_CODE), PGM_SEGMENT_TRANS, "guest lowcore: code 0x10");
    CHECK_EQ(sie_g16(&g, PREFIX + LC_PGM_ILC), 6, "guest lowcore: ilc 6");
    CHECK_EQ(sie_g64(&g, PREFIX + LC_TEID) & ~0xfffUL, GDAT_INVALID_SEG_VA, "guest lowcore: teid page address");
    CHECK(sie_g64(&g, PREFIX + LC_PGM_OLD_PSW + 8) == at &&
          sie_g64(&g, PREFIX + LC_PGM_OLD_PSW) == (PSW_MASK_64 | PSW_MASK_DAT),
          "guest lowcore: old psw at the instruction, dat on");
}

int main(void)
{
    test_in_guest();
    test_pint();
    test_operexc();
    test_dat_exception();
    return test_summary();
}
