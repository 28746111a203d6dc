/* Shared by the SIE tests (sie_*.c): checks of an exit whose failure line shows the
 * whole exit (interception code, IPA, IPB, guest PSW), and the guest storage block. */
#ifndef GUEST_TESTS_SIE_CHECK_H
#define GUEST_TESTS_SIE_CHECK_H

#include "sie.h"
#include "test.h"

/* Guest storage with SM clear: host absolute 16 MB, 1 MB (the image ends far below). */
#define SIE_MSO         0x1000000UL
#define SIE_GSIZE       0x100000UL

static inline int sie_check_exit(const struct sie_guest *g, int ok, const char *name)
{
    char buf[200];
    if (ok)
        return test_check(1, name);
    snprintf(buf, sizeof(buf), "%s: exit icpt 0x%02x ipa 0x%04x ipb 0x%08x psw 0x%016lx 0x%lx",
             name, sie_icptcode(g), sie_ipa(g), sie_ipb(g), sie_psw_mask(g), sie_psw_addr(g));
    return test_check(0, buf);
}

/* The exit was interception code `code`. */
static inline int check_icpt(const struct sie_guest *g, uint8_t code, const char *name)
{
    return sie_check_exit(g, sie_icptcode(g) == code, name);
}

/* The guest reached "diag 0,0,code". */
static inline int check_diag(const struct sie_guest *g, unsigned code, const char *name)
{
    return sie_check_exit(g, sie_is_diag(g, code), name);
}

static inline int check_done(const struct sie_guest *g, const char *name)
{
    return check_diag(g, SIE_DIAG_DONE, name);
}

/* The guest took an interruption of class cls and its reporter reported it. */
static inline int check_intr(const struct sie_guest *g, unsigned cls, const char *name)
{
    return check_diag(g, SIE_DIAG_INTR + cls, name);
}

/* A fresh SM-clear guest at SIE_MSO running `code`. */
static inline void sie_new_guest(struct sie_guest *g, void *sd, const char *code, const char *end)
{
    sie_guest_init(g, sd, SIE_MSO, (void *)SIE_MSO, SIE_GSIZE);
    sie_guest_code(g, code, end);
}

/* Guest DAT tables in guest storage (read by the machine through stage 2): a segment
 * table at GDAT_ST, one page table at GDAT_PT mapping VA 0-1 MB identically; every other
 * segment invalid. Returns the guest ASCE (segment-table designation, full length). */
#define GDAT_ST         0x40000UL
#define GDAT_PT         0x44000UL
#define GDAT_INVALID_SEG_VA 0x150000UL   /* in segment 1: invalid segment entry */

static inline uint64_t gdat_build(struct sie_guest *g)
{
    for (uint64_t i = 0; i < 2048; i++)
        sie_gset64(g, GDAT_ST + 8 * i, SEGMENT_ENTRY_INVALID);
    sie_gset64(g, GDAT_ST, GDAT_PT);
    for (uint64_t j = 0; j < 256; j++)
        sie_gset64(g, GDAT_PT + 8 * j, j << 12);
    return GDAT_ST | ASCE_DT_SEGMENT | ASCE_TL_FULL;
}

/* Map guest VA page va (below 1 MB) to guest absolute ga, or make it invalid (~0). */
static inline void gdat_map(struct sie_guest *g, uint64_t va, uint64_t ga)
{
    sie_gset64(g, GDAT_PT + 8 * ((va >> 12) & 0xff), ga == ~0UL ? PAGE_ENTRY_INVALID : ga);
}

/* SM set: guest storage is host virtual SIE_SM_MSO... under the host's DAT. Guest page
 * n is backed by host frame SIE_SM_BACK + (255 - n) * 4 KB (reversed, so that only the
 * translation finds it); the frames are also identity-mapped, for the host to look at
 * them. sm_host_dat() builds the tables and turns the host's DAT on; returns the ASCE. */
#define SIE_SM_MSO      0x40000000UL
#define SIE_SM_BACK     0x1400000UL

static inline uint64_t sm_frame(uint64_t ga)
{
    return SIE_SM_BACK + (255 - (ga >> 12)) * 4096 + (ga & 0xfff);
}

static inline uint64_t sm_host_dat(void)
{
    dat_reset();
    uint64_t asce = dat_new_space(ASCE_DT_SEGMENT);
    if (!asce || dat_map_image(asce) || dat_map_range(asce, SIE_SM_BACK, SIE_SM_BACK, SIE_GSIZE, 0))
        guest_panic("cannot build the host address space");
    for (uint64_t ga = 0; ga < SIE_GSIZE; ga += 4096)
        if (dat_map_page(asce, SIE_SM_MSO + ga, sm_frame(ga), 0))
            guest_panic("cannot map guest storage");
    dat_enable(asce);
    return asce;
}

/* A fresh SM-set guest (host DAT on, every page valid) running `code`. */
static inline void sm_new_guest(struct sie_guest *g, void *sd, const char *code, const char *end)
{
    sie_guest_init(g, sd, SIE_SM_MSO, (void *)SIE_SM_MSO, SIE_GSIZE);
    sd_set32(g, SD_CPUFLAGS, CPUSTAT_ZARCH | CPUSTAT_SM);
    sie_guest_code(g, code, end);
}

#endif
