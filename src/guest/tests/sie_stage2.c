/* Guest storage (docs/sie.md "Guest storage (stage 2)"). SM clear: guest absolute ga is
 * host absolute MSO + ga (the low 20 bits of MSO ignored, of MSL taken as ones), two
 * guests at two origins see their own storage, and an access beyond MSL is an
 * addressing exception inside the guest (the host storage after the guest untouched).
 * SM set: MSO + ga is a host virtual address translated by the host's DAT tables (the
 * guest's pages are backed by frames in reverse order, so only the translation finds
 * them), with the same MSL check. In both modes the guest's own DAT runs on top with its
 * tables read through stage 2: a guest mapping is followed, and invalid guest entries
 * give the guest its page/segment-translation exception (code, ILC, TEID, old PSW at
 * the instruction) in its own lowcore, without any host program interruption; a guest
 * that changes its page-table entry (IPTE and a new entry, or a plain store and PTLB)
 * gets the new translation.
 * @baremetal qemu no
 * @baremetal shadow both
 */
#include "sie_check.h"

#define SIE_MSO_B   0x1200000UL     /* the second guest */

static uint8_t sd[SD_SIZE] __attribute__((aligned(4096)));
static uint8_t sd_b[SD_SIZE] __attribute__((aligned(4096)));

/* Load 0x20000, store r4 at 0x20008, load the last doubleword; DONE. Then a store
 * at 1 MB (beyond MSL): addressing; DONE. */
SIE_GUEST_CODE(g_mem,
    "llilf %r2,0x20000\n\t"
    "lg %r3,0(%r2)\n\t"
    "stg %r4,8(%r2)\n\t"
    "llilf %r5,0xffff8\n\t"
    "lg %r6,0(%r5)\n\t"
    SIE_ASM_DONE
    "llilh %r5,0x10\n"
    "g_mem_beyond:\n\t"
    "stg %r4,0(%r5)\n\t"
    SIE_ASM_DONE);
SIE_LABEL(g_mem_beyond);

/* Under guest DAT: VA 0x30000 (mapped to ga 0x31000) load and store; DONE; VA 0x21000
 * (invalid page entry); DONE; VA 0x150000 (invalid segment entry); DONE. */
SIE_GUEST_CODE(g_gdat,
    "llilf %r2,0x30000\n\t"
    "lg %r3,0(%r2)\n\t"
    "stg %r4,8(%r2)\n\t"
    SIE_ASM_DONE
    "llilf %r5,0x21000\n"
    "g_gdat_page:\n\t"
    "lg %r6,0(%r5)\n\t"
    SIE_ASM_DONE
    "llilf %r5,0x150000\n"
    "g_gdat_seg:\n\t"
    "lg %r6,0(%r5)\n\t"
    SIE_ASM_DONE);
SIE_LABEL(g_gdat_page);
SIE_LABEL(g_gdat_seg);

/* Where the host sees guest absolute ga: SM clear MSO + ga, SM set its backing frame. */
static int sm_mode;

static volatile uint64_t *host_view(uint64_t ga)
{
    return (volatile uint64_t *)(sm_mode ? sm_frame(ga) : SIE_MSO + ga);
}

static void new_guest(struct sie_guest *g, const char *code, const char *end)
{
    if (sm_mode)
        sm_new_guest(g, sd, code, end);
    else
        sie_new_guest(g, sd, code, end);
}

static void test_storage(const char *mode)
{
    struct sie_guest g;
    char name[128];
    new_guest(&g, g_mem, g_mem_end);
    *host_view(0x20000) = 0x1111222233334444UL;
    *host_view(0xffff8) = 0x5555666677778888UL;
    g.gr[4] = 0x9999aaaabbbbccccUL;
    sie_run(&g);
    snprintf(name, sizeof(name), "%s: guest loads and stores", mode);
    check_done(&g, name);
    snprintf(name, sizeof(name), "%s: guest load of 0x20000 reads the host's storage behind it", mode);
    CHECK_EQ(g.gr[3], 0x1111222233334444UL, name);
    snprintf(name, sizeof(name), "%s: guest store to 0x20008 lands in the host's storage behind it", mode);
    CHECK_EQ(*host_view(0x20008), 0x9999aaaabbbbccccUL, name);
    snprintf(name, sizeof(name), "%s: the last doubleword below msl", mode);
    CHECK_EQ(g.gr[6], 0x5555666677778888UL, name);

    if (!sm_mode)
        *(volatile uint64_t *)(SIE_MSO + SIE_GSIZE) = 0x0123012301230123UL;
    sie_run(&g);
    snprintf(name, sizeof(name), "%s: store beyond msl: addressing exception in the guest", mode);
    check_intr(&g, INTR_PGM, name);
    snprintf(name, sizeof(name), "%s: beyond msl: code 0x05, ilc 6, old psw after the store", mode);
    CHECK(sie_g16(&g, LC_PGM_CODE) == PGM_ADDRESSING && sie_g16(&g, LC_PGM_ILC) == 6 &&
          sie_g64(&g, LC_PGM_OLD_PSW + 8) == SIE_GA(g_mem, g_mem_beyond) + 6, name);
    if (!sm_mode)
        CHECK_EQ(*(volatile uint64_t *)(SIE_MSO + SIE_GSIZE), 0x0123012301230123UL,
                 "sm clear: host storage right after the guest untouched");
}

/* SM clear only: MSO's low 20 bits ignored, MSL's taken as ones; two guests. */
static void test_origin(void)
{
    struct sie_guest g, h;
    sie_new_guest(&g, sd, g_mem, g_mem_end);
    sd_set64(&g, SD_MSO, SIE_MSO | 0x12345);
    sd_set64(&g, SD_MSL, SIE_MSO);
    *host_view(0x20000) = 0xa1;
    *host_view(0xffff8) = 0xa2;
    sie_run(&g);
    check_done(&g, "mso 0x1012345, msl 0x1000000: a 1 mb guest at 16 mb");
    CHECK(g.gr[3] == 0xa1 && g.gr[6] == 0xa2, "mso low bits ignored, msl low bits ones: same storage");

    sie_guest_init(&h, sd_b, SIE_MSO_B, (void *)SIE_MSO_B, SIE_GSIZE);
    sie_guest_code(&h, g_mem, g_mem_end);
    sie_new_guest(&g, sd, g_mem, g_mem_end);
    *(volatile uint64_t *)(SIE_MSO + 0x20000) = 0xaaaa;
    *(volatile uint64_t *)(SIE_MSO_B + 0x20000) = 0xbbbb;
    sie_run(&g);
    sie_run(&h);
    CHECK(sie_is_diag(&g, SIE_DIAG_DONE) && sie_is_diag(&h, SIE_DIAG_DONE), "two guests at two origins run");
    CHECK(g.gr[3] == 0xaaaa && h.gr[3] == 0xbbbb, "each guest reads its own storage at the same address");
}

static void check_gdat_fault(struct sie_guest *g, uint16_t code, uint64_t va, const char *label,
                             const char *what)
{
    char name[128];
    uint64_t at = SIE_GA(g_gdat, label);
    snprintf(name, sizeof(name), "%s: delivered in the guest", what);
    check_intr(g, INTR_PGM, name);
    snprintf(name, sizeof(name), "%s: code 0x%x, ilc 6", what, code);
    CHECK(sie_g16(g, LC_PGM_CODE) == code && sie_g16(g, LC_PGM_ILC) == 6, name);
    snprintf(name, sizeof(name), "%s: teid 0x%lx, primary space", what, va);
    CHECK_EQ(sie_g64(g, LC_TEID) & ~0xffcUL, va, name);
    snprintf(name, sizeof(name), "%s: old psw at the instruction, dat on", what);
    CHECK(sie_g64(g, LC_PGM_OLD_PSW + 8) == at &&
          (sie_g64(g, LC_PGM_OLD_PSW) & PSW_MASK_DAT), name);
    sie_gset64(g, LC_PGM_OLD_PSW + 8, at + 6);     /* the handler steps over it */
}

static void test_guest_dat(const char *mode)
{
    struct sie_guest g;
    char name[128];
    new_guest(&g, g_gdat, g_gdat_end);
    sie_set_gcr(&g, 1, gdat_build(&g));
    gdat_map(&g, 0x30000, 0x31000);
    gdat_map(&g, 0x21000, ~0UL);
    sie_set_psw(&g, PSW_MASK_64 | PSW_MASK_DAT, SIE_G_CODE);
    *host_view(0x31000) = 0x3131313131313131UL;
    *host_view(0x30000) = 0x3030303030303030UL;
    g.gr[4] = 0x4444;
    sie_run(&g);
    snprintf(name, sizeof(name), "%s, guest dat: runs with its tables in guest storage", mode);
    check_done(&g, name);
    snprintf(name, sizeof(name), "%s, guest dat: load of va 0x30000 reads ga 0x31000", mode);
    CHECK_EQ(g.gr[3], 0x3131313131313131UL, name);
    snprintf(name, sizeof(name), "%s, guest dat: store to va 0x30008 lands at ga 0x31008", mode);
    CHECK_EQ(*host_view(0x31008), 0x4444, name);

    sie_run(&g);
    snprintf(name, sizeof(name), "%s, guest dat: invalid page entry", mode);
    check_gdat_fault(&g, PGM_PAGE_TRANS, 0x21000, g_gdat_page, name);
    sie_run(&g);
    check_done(&g, "guest dat: resumed past the page fault");
    sie_run(&g);
    snprintf(name, sizeof(name), "%s, guest dat: invalid segment entry", mode);
    check_gdat_fault(&g, PGM_SEGMENT_TRANS, GDAT_INVALID_SEG_VA, g_gdat_seg, name);
    sie_run(&g);
    check_done(&g, "guest dat: resumed past the segment fault");
}

/* The guest changes its own page-table entry for VA 0x30000 (page table at GDAT_PT,
 * entry 0x30 at +0x180): IPTE then a new frame (ga 0x33000), then a plain store of
 * another frame (ga 0x34000) and PTLB. Each load must use the entry as changed. */
SIE_GUEST_CODE(g_remap,
    "llilf %r2,0x30000\n\t"
    "llilf %r9,0x44000\n\t"
    "lg %r3,0(%r2)\n\t"
    "ipte %r9,%r2\n\t"
    "llilf %r10,0x33000\n\t"
    "stg %r10,0x180(%r9)\n\t"
    "lg %r4,0(%r2)\n\t"
    "llilf %r10,0x34000\n\t"
    "stg %r10,0x180(%r9)\n\t"
    "ptlb\n\t"
    "lg %r5,0(%r2)\n\t"
    SIE_ASM_DONE);

static void test_guest_remap(const char *mode)
{
    struct sie_guest g;
    char name[128];
    new_guest(&g, g_remap, g_remap_end);
    sie_set_gcr(&g, 1, gdat_build(&g));
    gdat_map(&g, 0x30000, 0x31000);
    sie_set_psw(&g, PSW_MASK_64 | PSW_MASK_DAT, SIE_G_CODE);
    *host_view(0x31000) = 0x31;
    *host_view(0x33000) = 0x33;
    *host_view(0x34000) = 0x34;
    sie_run(&g);
    snprintf(name, sizeof(name), "%s, guest remaps its page: runs to its end", mode);
    check_done(&g, name);
    snprintf(name, sizeof(name), "%s, guest remaps its page: first load from ga 0x31000", mode);
    CHECK_EQ(g.gr[3], 0x31, name);
    snprintf(name, sizeof(name), "%s, after ipte and a new entry: load from ga 0x33000", mode);
    CHECK_EQ(g.gr[4], 0x33, name);
    snprintf(name, sizeof(name), "%s, after a plain store of the entry and ptlb: load from ga 0x34000", mode);
    CHECK_EQ(g.gr[5], 0x34, name);
}

int main(void)
{
    test_storage("sm clear");
    test_origin();
    test_guest_dat("sm clear");
    test_guest_remap("sm clear");
    sm_host_dat();
    sm_mode = 1;
    test_storage("sm set");
    test_guest_dat("sm set");
    test_guest_remap("sm set");
    dat_disable();
    return test_summary();
}
