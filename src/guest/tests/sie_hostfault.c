/* Host-level faults of an SM-set guest (docs/sie.md "Exit for the host", "Guest storage"):
 * when MSO + ga is invalid in the host's DAT tables, the HOST takes the program
 * interruption (page translation, TEID = the host virtual address MSO + ga with the
 * fetch/store indication and primary space) with its old PSW at the SIE instruction,
 * the SD holding icpt 0 and the guest PSW at the faulting guest instruction (nullified),
 * the guest's lowcore untouched. The host handler makes the page valid and returns to
 * the SIE, which resumes the guest: it completes with the data of the host frame
 * within the same run of sie_enter(). Covered: a guest
 * load, a guest store, a guest instruction fetch, and a guest DAT-table entry read
 * through stage 2 (a host fault even though it happens inside guest translation), and
 * a store to the guest's lowcore whose prefix page is host-invalid (TEID MSO + prefix).
 * A host IPTE of a stage-2 page the guest has used through its own DAT makes the
 * guest's next access fault for the host; a host remap is seen by the guest.
 * @baremetal qemu no
 * @baremetal shadow both
 */
#include "sie_check.h"

static uint8_t sd[SD_SIZE] __attribute__((aligned(4096)));

static uint64_t host_asce;
static struct sie_guest guest;

/* What the host program handler saw at each fault at the SIE instruction. */
#define MAX_FAULTS  4
struct fault {
    uint16_t code;
    uint64_t teid;
    uint64_t addr;          /* host old PSW */
    uint8_t icpt;           /* SD icptcode while the host handles it */
    uint64_t gpsw;          /* SD guest PSW address then */
};
static volatile int faults;
static struct fault fault[MAX_FAULTS];

/* A page translation of guest storage at the SIE: record it, make the page valid, and
 * return to the SIE (the old PSW), which resumes the guest. Anything else, or more
 * faults than expected, is left to the default (a failed run). */
static int on_host_pgm(struct intr_frame *f, const struct pgm_info *pi)
{
    uint64_t va = pi->teid & ~0xfffUL;
    if (f->psw_addr != (uint64_t)sie_insn || va < SIE_SM_MSO || va >= SIE_SM_MSO + SIE_GSIZE ||
        faults >= MAX_FAULTS)
        return 0;
    uint64_t *pte = dat_pte(host_asce, va);
    if (!pte)
        return 0;
    struct fault *r = &fault[faults++];
    r->code = pi->code;
    r->teid = pi->teid;
    r->addr = f->psw_addr;
    r->icpt = sie_icptcode(&guest);
    r->gpsw = sie_psw_addr(&guest);
    *pte = sm_frame(va - SIE_SM_MSO);
    return 1;
}

static void invalidate(uint64_t ga)
{
    dat_invalidate_page(host_asce, SIE_SM_MSO + ga);
}

/* Run the guest once with the SD's icptcode preset to 0xff, so that the 0 the handler
 * sees is the machine's. */
static void run(struct sie_guest *g)
{
    faults = 0;
    sd_set8(g, SD_ICPTCODE, 0xff);
    sie_run(g);
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

/* Fault n was a host page translation at guest absolute ga from the guest
 * instruction at `at`. */
static void check_host_fault(int n, uint64_t ga, uint64_t at, int store, const char *what)
{
    char name[128];
    const struct fault *r = &fault[n];
    if (n >= faults) {
        snprintf(name, sizeof(name), "%s: host program interruption %d taken", what, n + 1);
        CHECK_EQ(faults, n + 1, name);
        return;
    }
    snprintf(name, sizeof(name), "%s: host page translation (0x11)", what);
    CHECK_EQ(r->code, PGM_PAGE_TRANS, name);
    snprintf(name, sizeof(name), "%s: host old psw at the sie instruction", what);
    CHECK_EQ(r->addr, (uint64_t)sie_insn, name);
    snprintf(name, sizeof(name), "%s: teid = mso + ga (0x%lx), primary space", what, SIE_SM_MSO + ga);
    CHECK_EQ(r->teid & ~0xffcUL, (SIE_SM_MSO + ga) & ~0xfffUL, name);
    if (facility(75)) {
        snprintf(name, sizeof(name), "%s: teid %s indication", what, store ? "store" : "fetch");
        CHECK_EQ(r->teid & 0xc00, store ? 0x400 : 0x800, name);
    }
    snprintf(name, sizeof(name), "%s: sd icptcode 0 while the host handles it", what);
    CHECK_EQ(r->icpt, 0, name);
    snprintf(name, sizeof(name), "%s: sd guest psw at the faulting instruction", what);
    CHECK_EQ(r->gpsw, at, name);
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
    run(g);
    CHECK_EQ(faults, 2, "load and store to two host-invalid pages: two host program interruptions");
    check_host_fault(0, 0x25000, SIE_GA(g_access, g_access_load), 0, "guest load of a host-invalid page");
    check_host_fault(1, 0x26000, SIE_GA(g_access, g_access_store), 1, "guest store to a host-invalid page");
    check_done(g, "each time the host made the page valid and returned, the guest went on to its end");
    CHECK_EQ(g->gr[5], 0x2525252525252525UL, "the retried load reads the host frame");
    CHECK_EQ(*(volatile uint64_t *)sm_frame(0x26000), 0x2626262626262626UL, "the retried store lands in the host frame");
    CHECK_EQ(sie_g16(g, LC_PGM_CODE), 0, "no program interruption in the guest");
}

/* Guest code whose second page is host-invalid: r7 counts the pages run. */
SIE_GUEST_CODE(g_fetch,
    "lghi %r7,1\n\t"
    "j 1f\n\t"
    ".org g_fetch + 0x1000\n"
    "1:\n"
    "g_fetch_page2:\n\t"
    "aghi %r7,1\n\t"
    SIE_ASM_DONE);
SIE_LABEL(g_fetch_page2);

static void test_fetch(void)
{
    struct sie_guest *g = &guest;
    sm_new_guest(g, sd, g_fetch, g_fetch_end);
    invalidate(SIE_G_CODE + 0x1000);
    run(g);
    CHECK_EQ(faults, 1, "instruction fetch from a host-invalid page: one host program interruption");
    check_host_fault(0, SIE_G_CODE + 0x1000, SIE_GA(g_fetch, g_fetch_page2), 0,
                     "guest instruction fetch from a host-invalid page");
    check_done(g, "instruction fetch: the guest completes after the host fixed it");
    CHECK_EQ(g->gr[7], 2, "instruction fetch: each page's instruction ran once");
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
    run(g);
    CHECK_EQ(faults, 1, "guest page table in a host-invalid page: one host program interruption");
    check_host_fault(0, GDAT_PT, SIE_G_CODE, 0, "guest page-table entry in a host-invalid page");
    check_done(g, "guest table: the guest completes after the host fixed it");
    CHECK_EQ(g->gr[3], 0x3232323232323232UL, "guest table: the guest load went through its own mapping");
    CHECK_EQ(sie_g16(g, LC_PGM_CODE), 0, "guest table: no program interruption in the guest");
}

/* A store into the guest's lowcore (real 0x200) at prefix 0x6000, whose host page is
 * invalid: the host fault names MSO + prefix (prefixing applied before stage 2). */
SIE_GUEST_CODE(g_lowcore,
    "lghi %r2,0x4c\n\t"
    "stg %r2,0x200\n\t"
    SIE_ASM_DONE);

static void test_prefix_page(void)
{
    struct sie_guest *g = &guest;
    sm_new_guest(g, sd, g_lowcore, g_lowcore_end);
    sie_guest_set_prefix(g, 0x6000);
    invalidate(0x6000);
    run(g);
    CHECK_EQ(faults, 1, "guest prefix page host-invalid: one host program interruption");
    if (faults >= 1) {
        CHECK_EQ(fault[0].teid & ~0xffcUL, SIE_SM_MSO + 0x6000, "prefix page: teid = mso + prefix");
        CHECK_EQ(fault[0].addr, (uint64_t)sie_insn, "prefix page: host old psw at the sie");
    }
    check_done(g, "prefix page: the guest completes after the host fixed it");
    CHECK_EQ(*(volatile uint64_t *)sm_frame(0x6200), 0x4c, "the store to real 0x200 lands at prefix + 0x200");
    CHECK_EQ(*(volatile uint64_t *)sm_frame(0x200), 0, "and not at absolute 0x200");
}

/* Under guest DAT (VA 0x30000 -> ga 0x31000), a load; DONE; again. Between runs the
 * host invalidates, then remaps, the stage-2 page of ga 0x31000: the guest's
 * translation must follow (host IPTE purges every TLB, the guest's too). */
SIE_GUEST_CODE(g_reload,
    "llilf %r2,0x30000\n"
    "g_reload_load:\n\t"
    "lg %r3,0(%r2)\n\t"
    SIE_ASM_DONE
    "j g_reload_load");
SIE_LABEL(g_reload_load);

static void test_host_invalidation(void)
{
    struct sie_guest *g = &guest;
    sm_new_guest(g, sd, g_reload, g_reload_end);
    sie_set_gcr(g, 1, gdat_build(g));
    gdat_map(g, 0x30000, 0x31000);
    sie_set_psw(g, PSW_MASK_64 | PSW_MASK_DAT, SIE_G_CODE);
    *(volatile uint64_t *)sm_frame(0x31000) = 0x31;
    *(volatile uint64_t *)sm_frame(0x3f000) = 0x3f;
    run(g);
    CHECK(faults == 0 && g->gr[3] == 0x31, "guest dat over host dat: the load reads the frame of ga 0x31000");

    invalidate(0x31000);
    g->gr[3] = 0;
    run(g);
    CHECK_EQ(faults, 1, "host ipte of the stage-2 page: the guest's next load faults for the host");
    check_host_fault(0, 0x31000, SIE_GA(g_reload, g_reload_load), 0, "after host ipte");
    CHECK_EQ(g->gr[3], 0x31, "after host ipte: the handler revalidated it, the load completed");

    invalidate(0x31000);
    *dat_pte(host_asce, SIE_SM_MSO + 0x31000) = sm_frame(0x3f000);
    run(g);
    CHECK_EQ(faults, 0, "host remap of the stage-2 page: no fault");
    CHECK_EQ(g->gr[3], 0x3f, "host remap of the stage-2 page: the guest load reads the new frame");
    invalidate(0x31000);
    *dat_pte(host_asce, SIE_SM_MSO + 0x31000) = sm_frame(0x31000);
}

int main(void)
{
    host_asce = sm_host_dat();
    intr_set_pgm_handler(on_host_pgm);
    test_access();
    test_fetch();
    test_guest_table();
    test_prefix_page();
    test_host_invalidation();
    intr_set_pgm_handler(0);
    dat_disable();
    return test_summary();
}
