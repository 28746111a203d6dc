/* Host-level faults of an SM-set guest (docs/sie.md "Exit for the host", "Guest storage"):
 * when MSO + ga is invalid in the host's DAT tables, the HOST takes the program
 * interruption (page translation, TEID = the host virtual address MSO + ga with the
 * fetch/store indication and primary space) with its old PSW at the SIE instruction,
 * the SD holding icpt 0 and the guest PSW at the faulting guest instruction (nullified),
 * the guest's lowcore untouched. The host handler makes the page valid and returns; SIE
 * runs again and the guest completes with the data of the host frame. Covered: a guest
 * load, a guest store, a guest instruction fetch, and a guest DAT-table entry read
 * through stage 2 (a host fault even though it happens inside guest translation).
 * @baremetal qemu no
 */
#include "sie_check.h"

static uint8_t sd[SD_SIZE] __attribute__((aligned(4096)));

static uint64_t host_asce;
static struct sie_guest guest;

/* What the host program handler saw, for the fault at the SIE instruction. */
static volatile int faults;
static volatile uint16_t fault_code;
static volatile uint64_t fault_teid, fault_gpsw, fault_addr;
static volatile uint8_t fault_icpt;

static int on_host_pgm(struct intr_frame *f, const struct pgm_info *pi)
{
    uint64_t va = pi->teid & ~0xfffUL;
    if (f->psw_addr != (uint64_t)sie_insn || va < SIE_SM_MSO || va >= SIE_SM_MSO + SIE_GSIZE)
        return 0;
    faults++;
    fault_code = pi->code;
    fault_teid = pi->teid;
    fault_addr = f->psw_addr;
    fault_icpt = sie_icptcode(&guest);
    fault_gpsw = sie_psw_addr(&guest);
    uint64_t *pte = dat_pte(host_asce, va);
    if (!pte)
        return 0;
    *pte = sm_frame(va - SIE_SM_MSO);
    return 1;
}

static void invalidate(uint64_t ga)
{
    dat_invalidate_page(host_asce, SIE_SM_MSO + ga);
}

/* Load from 0x25000, store r4 to 0x26000; DONE. */
SIE_GUEST_CODE(g_access,
    "llilf %r2,0x25000\n\t"
    "llilf %r3,0x26000\n"
    "g_access_load:\n\t"
    "lg %r5,0(%r2)\n"
    "g_access_store:\n\t"
    "stg %r4,0(%r3)\n\t"
    SIE_ASM_DONE);
SIE_LABEL(g_access_load);
SIE_LABEL(g_access_store);

/* One host fault at guest absolute ga from the guest instruction at `at`. */
static void check_host_fault(uint64_t ga, uint64_t at, int store, const char *what)
{
    char name[128];
    snprintf(name, sizeof(name), "%s: one host program interruption", what);
    CHECK_EQ(faults, 1, name);
    snprintf(name, sizeof(name), "%s: host page translation (0x11)", what);
    CHECK_EQ(fault_code, PGM_PAGE_TRANS, name);
    snprintf(name, sizeof(name), "%s: host old psw at the sie instruction", what);
    CHECK_EQ(fault_addr, (uint64_t)sie_insn, name);
    snprintf(name, sizeof(name), "%s: teid = mso + ga (0x%lx), primary space", what, SIE_SM_MSO + ga);
    CHECK_EQ(fault_teid & ~0xffcUL, (SIE_SM_MSO + ga) & ~0xfffUL, name);
    if (facility(75)) {
        snprintf(name, sizeof(name), "%s: teid %s indication", what, store ? "store" : "fetch");
        CHECK_EQ(fault_teid & 0xc00, store ? 0x400 : 0x800, name);
    }
    snprintf(name, sizeof(name), "%s: sd icptcode 0 while the host handles it", what);
    CHECK_EQ(fault_icpt, 0, name);
    snprintf(name, sizeof(name), "%s: sd guest psw at the faulting instruction", what);
    CHECK_EQ(fault_gpsw, at, name);
    faults = 0;
}

static void test_access(void)
{
    struct sie_guest *g = &guest;
    sm_new_guest(g, sd, g_access, g_access_end);
    *(volatile uint64_t *)sm_frame(0x25000) = 0x2525252525252525UL;
    *(volatile uint64_t *)sm_frame(0x26000) = 0;
    g->gr[4] = 0x2626262626262626UL;
    invalidate(0x25000);
    invalidate(0x26000);
    faults = 0;
    sd_set8(g, SD_ICPTCODE, 0xff);
    sie_run(g);
    check_host_fault(0x25000, SIE_GA(g_access, g_access_load), 0, "guest load of a host-invalid page");
    sd_set8(g, SD_ICPTCODE, 0xff);
    sie_run(g);
    check_host_fault(0x26000, SIE_GA(g_access, g_access_store), 1, "guest store to a host-invalid page");
    sie_run(g);
    check_done(g, "after the host made both pages valid the guest completes");
    CHECK_EQ(g->gr[5], 0x2525252525252525UL, "the retried load reads the host frame");
    CHECK_EQ(*(volatile uint64_t *)sm_frame(0x26000), 0x2626262626262626UL, "the retried store lands in the host frame");
    CHECK_EQ(sie_g16(g, LC_PGM_CODE), 0, "no program interruption in the guest");
}

/* Guest code whose second page is host-invalid: the fetch across the boundary. */
SIE_GUEST_CODE(g_fetch,
    "lghi %r7,1\n\t"
    "j 1f\n\t"
    ".org g_fetch + 0x1000\n"
    "1:\n"
    "g_fetch_page2:\n\t"
    "lghi %r7,2\n\t"
    SIE_ASM_DONE);
SIE_LABEL(g_fetch_page2);

static void test_fetch(void)
{
    struct sie_guest *g = &guest;
    sm_new_guest(g, sd, g_fetch, g_fetch_end);
    invalidate(SIE_G_CODE + 0x1000);
    faults = 0;
    sd_set8(g, SD_ICPTCODE, 0xff);
    sie_run(g);
    check_host_fault(SIE_G_CODE + 0x1000, SIE_GA(g_fetch, g_fetch_page2), 0,
                     "guest instruction fetch from a host-invalid page");
    CHECK_EQ(g->gr[7], 1, "instruction fetch: the guest ran up to the page");
    sie_run(g);
    check_done(g, "instruction fetch: the guest completes after the host fixed it");
    CHECK_EQ(g->gr[7], 2, "instruction fetch: the second page ran");
}

/* Guest DAT on, its page table in a host-invalid page: the first instruction fetch
 * walks the guest tables and faults for the host at MSO + GDAT_PT. */
SIE_GUEST_CODE(g_gdat,
    "llilf %r2,0x30000\n\t"
    "lg %r3,0(%r2)\n\t"
    SIE_ASM_DONE);

static void test_guest_table(void)
{
    struct sie_guest *g = &guest;
    sm_new_guest(g, sd, g_gdat, g_gdat_end);
    sie_set_gcr(g, 1, gdat_build(g));
    gdat_map(g, 0x30000, 0x32000);
    *(volatile uint64_t *)sm_frame(0x32000) = 0x3232323232323232UL;
    sie_set_psw(g, PSW_MASK_64 | PSW_MASK_DAT, SIE_G_CODE);
    invalidate(GDAT_PT);
    faults = 0;
    sd_set8(g, SD_ICPTCODE, 0xff);
    sie_run(g);
    check_host_fault(GDAT_PT, SIE_G_CODE, 0, "guest page-table entry in a host-invalid page");
    sie_run(g);
    check_done(g, "guest table: the guest completes after the host fixed it");
    CHECK_EQ(g->gr[3], 0x3232323232323232UL, "guest table: the guest load went through its own mapping");
    CHECK_EQ(sie_g16(g, LC_PGM_CODE), 0, "guest table: no program interruption in the guest");
}

int main(void)
{
    host_asce = sm_host_dat();
    intr_set_pgm_handler(on_host_pgm);
    test_access();
    test_fetch();
    test_guest_table();
    intr_set_pgm_handler(0);
    dat_disable();
    return test_summary();
}
