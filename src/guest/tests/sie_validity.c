/* Validity interceptions (docs/sie.md table "Validity interceptions"): icpt 0x20, IPA
 * 0x1000, the reason in IPB bits 0-15, and the guest not run (its first instruction
 * would have changed r1), for each reason zhyp gives: RRF or MCDS (0x0001), ZARCH
 * clear (0x0002), SLSV or SLSR (0x0007), MSO above MSL (0x0010), the prefix area
 * outside guest storage (0x0037), the facility list outside host storage (0x0038), an
 * invalid guest PSW (0x0039). A valid SD next to each shows the guest does run.
 * @baremetal qemu no
 * @baremetal shadow both
 */
#include "sie_check.h"

static uint8_t sd[SD_SIZE] __attribute__((aligned(4096)));

/* r1 = 0x77, STFLE (for the facility-list case), DONE. */
SIE_GUEST_CODE(g_mark,
    "lghi %r1,0x77\n\t"
    "larl %r2,0f\n\t"
    "lghi %r0,3\n\t"
    "stfle 0(%r2)\n\t"
    SIE_ASM_DONE
    ".balign 8\n"
    "0: .fill 32,1,0");

enum what { CPUFLAGS_SET, CPUFLAGS_CLEAR, MSO, PREFIX, FAC, PSW_MASK };

struct validity_case {
    const char *name;
    enum what what;
    uint64_t value;
    uint16_t reason;
};

static const struct validity_case cases[] = {
    { "cpuflags rrf",  CPUFLAGS_SET, CPUSTAT_RRF, SIE_VIR_FLAGS },
    { "cpuflags mcds", CPUFLAGS_SET, CPUSTAT_MCDS, SIE_VIR_FLAGS },
    { "cpuflags zarch clear", CPUFLAGS_CLEAR, CPUSTAT_ZARCH, SIE_VIR_ZARCH },
    { "cpuflags slsv", CPUFLAGS_SET, CPUSTAT_SLSV, SIE_VIR_SLS },
    { "cpuflags slsr", CPUFLAGS_SET, CPUSTAT_SLSR, SIE_VIR_SLS },
    { "mso above msl", MSO, SIE_MSO + 0x200000, SIE_VIR_MSO },
    { "prefix 1 mb in a 1 mb guest", PREFIX, 0x100000, SIE_VIR_PREFIX },
    { "prefix far outside guest storage", PREFIX, 0x7fffe000, SIE_VIR_PREFIX },
    { "facility list at 256 mb (outside host storage)", FAC, 0x10000000, SIE_VIR_FAC },
    { "psw bit 31 without bit 32", PSW_MASK, 0x0000000100000000UL, SIE_VIR_PSW },
    { "psw reserved bit 24", PSW_MASK, PSW_MASK_64 | 0x0000008000000000UL, SIE_VIR_PSW },
    { "psw reserved bit 33", PSW_MASK, PSW_MASK_64 | 0x0000000040000000UL, SIE_VIR_PSW },
    { "psw reserved bit 0", PSW_MASK, PSW_MASK_64 | 0x8000000000000000UL, SIE_VIR_PSW },
};

static void setup(struct sie_guest *g)
{
    sie_new_guest(g, sd, g_mark, g_mark_end);
    g->gr[1] = 0x1111;
}

static void run_case(const struct validity_case *c)
{
    struct sie_guest g;
    char name[128];
    setup(&g);
    switch (c->what) {
    case CPUFLAGS_SET:
        sd_set32(&g, SD_CPUFLAGS, sd_get32(&g, SD_CPUFLAGS) | (uint32_t)c->value);
        break;
    case CPUFLAGS_CLEAR:
        sd_set32(&g, SD_CPUFLAGS, sd_get32(&g, SD_CPUFLAGS) & ~(uint32_t)c->value);
        break;
    case MSO:
        sd_set64(&g, SD_MSO, c->value);
        break;
    case PREFIX:
        sd_set32(&g, SD_PREFIX, (uint32_t)c->value);
        break;
    case FAC:
        sd_set32(&g, SD_FAC, (uint32_t)c->value);
        break;
    case PSW_MASK:
        sie_set_psw(&g, c->value, SIE_G_CODE);
        break;
    }
    sie_run(&g);
    snprintf(name, sizeof(name), "%s: validity icpt 0x20", c->name);
    check_icpt(&g, ICPT_VALIDITY, name);
    snprintf(name, sizeof(name), "%s: ipa 0x1000", c->name);
    CHECK_EQ(sie_ipa(&g), SIE_VALIDITY_IPA, name);
    snprintf(name, sizeof(name), "%s: reason 0x%04x in ipb bits 0-15", c->name, c->reason);
    CHECK_EQ(sie_ipb(&g) >> 16, c->reason, name);
    snprintf(name, sizeof(name), "%s: the guest did not run", c->name);
    CHECK_EQ(g.gr[1], 0x1111, name);
}

/* The same SD without the fault runs: so each validity case above is its field alone. */
static void test_valid(void)
{
    struct sie_guest g;
    setup(&g);
    sie_run(&g);
    check_done(&g, "the valid sd: the guest runs to its end");
    CHECK_EQ(g.gr[1], 0x77, "the valid sd: the guest's first instruction ran");

    setup(&g);
    sd_set64(&g, SD_MSL, SIE_MSO);
    sd_set64(&g, SD_MSO, SIE_MSO | 0xfffff);
    sie_run(&g);
    check_done(&g, "mso equal to msl once the low 20 bits are dropped: no validity");

    setup(&g);
    sie_guest_set_prefix(&g, 0xfe000);
    sie_run(&g);
    check_done(&g, "prefix area ending at the last guest byte: no validity");
}

int main(void)
{
    test_valid();
    for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        run_case(&cases[i]);
    return test_summary();
}
