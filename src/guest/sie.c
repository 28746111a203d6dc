/* Guests for SIE tests run by a bare-metal host (sie.h): the state description, the
 * guest's storage with its lowcore and one reporter per interruption class, and the run
 * of one SIE. */
#include "sie.h"

#include "arch.h"
#include "clock.h"
#include "intr.h"
#include "lib.h"
#include "lowcore.h"

/* Class -> its old-PSW slot, in INTR_* order (intr.h). */
static const uint16_t old_psw_of[6] = {
    LC_RESTART_OLD_PSW, LC_EXT_OLD_PSW, LC_SVC_OLD_PSW,
    LC_PGM_OLD_PSW, LC_MCK_OLD_PSW, LC_IO_OLD_PSW,
};

/* Reporter of class cls at SIE_G_HANDLERS + 16 * cls:
 *   83 00 0f0x     diag 0,0,SIE_DIAG_INTR+cls
 *   b2b2 0xxx      lpswe <old PSW of the class>                                      */
static void write_reporters(struct sie_guest *g)
{
    for (unsigned cls = 0; cls < 6; cls++) {
        uint64_t ga = SIE_G_HANDLERS + 16 * cls;
        sie_gset32(g, ga, 0x83000000 | (SIE_DIAG_INTR + cls));
        sie_gset32(g, ga + 4, 0xb2b20000 | old_psw_of[cls]);
    }
}

/* New PSWs in the prefix area: 64-bit, DAT off, every interruption masked. */
static void write_new_psws(struct sie_guest *g, uint32_t prefix)
{
    static const uint16_t new_psw_of[6] = {
        LC_RESTART_NEW_PSW, LC_EXT_NEW_PSW, LC_SVC_NEW_PSW,
        LC_PGM_NEW_PSW, LC_MCK_NEW_PSW, LC_IO_NEW_PSW,
    };
    for (unsigned cls = 0; cls < 6; cls++) {
        sie_gset64(g, prefix + new_psw_of[cls], PSW_MASK_64);
        sie_gset64(g, prefix + new_psw_of[cls] + 8, SIE_G_HANDLERS + 16 * cls);
    }
}

void sie_guest_init(struct sie_guest *g, void *sd, uint64_t mso, void *mem, uint64_t size)
{
    memset(g, 0, sizeof(*g));
    g->sd = sd;
    g->mem = mem;
    g->size = size;
    memset(sd, 0, SD_SIZE);
    memset(mem, 0, size);
    sd_set32(g, SD_CPUFLAGS, CPUSTAT_ZARCH);
    sd_set64(g, SD_MSO, mso);
    sd_set64(g, SD_MSL, mso + size - 1);
    sd_set64(g, SD_CKC, CKC_NEVER);
    sd_set64(g, SD_CPUTM, INT64_MAX);
    write_reporters(g);
    sie_guest_set_prefix(g, 0);
    sie_set_psw(g, PSW_MASK_64, SIE_G_CODE);
}

void sie_guest_set_prefix(struct sie_guest *g, uint32_t prefix)
{
    sd_set32(g, SD_PREFIX, prefix);
    write_new_psws(g, prefix);
}

void sie_guest_code(struct sie_guest *g, const char *start, const char *end)
{
    memcpy(sie_g(g, SIE_G_CODE), start, (size_t)(end - start));
    sie_set_psw(g, sie_psw_mask(g), SIE_G_CODE);
}

uint8_t sie_run(struct sie_guest *g)
{
    sd_set64(g, SD_GG14, g->gr[14]);
    sd_set64(g, SD_GG15, g->gr[15]);
    g->host_regs_kept = sie_enter(g->sd, g->gr);
    g->gr[14] = sd_get64(g, SD_GG14);
    g->gr[15] = sd_get64(g, SD_GG15);
    return sie_icptcode(g);
}

/* DIAGNOSE is RS-a: IPA 83 R1R3, IPB bits 0-15 B2D2 (code = B2D2 with B2 0). */
int sie_is_diag(const struct sie_guest *g, unsigned code)
{
    return sie_icptcode(g) == ICPT_INST && (sie_ipa(g) & 0xff00) == 0x8300 &&
           sie_ipb(g) >> 16 == code;
}
