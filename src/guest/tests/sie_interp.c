/* Instructions the guest runs without leaving SIE (docs/sie.md "What runs interpreted"):
 * LPSWE and LPSW load the guest PSW, SSM/STNSM/STOSM change its system mask,
 * LCTL/LCTLG/STCTL/STCTG work on the guest CRs of the SD, STCK/STCKE read host TOD +
 * epoch (bounded by host STCKs around the run, for a positive and a negative epoch),
 * SCKC/STCKC and SPT/STPT reach the SD's comparator and CPU timer, STFLE stores the SD's
 * facility list ANDed with the host's (the host's list when the designation is 0),
 * ISKE/SSKE/RRBE/TPROT use the keys of the host frames behind guest storage; EPSW,
 * SPKA/IPK, STCKF, PTLB, CSP, and under guest DAT LRAG, STURA/LURA and IPTE (whose
 * invalidation the guest's next access sees) run without an exit.
 * @baremetal qemu no
 * @baremetal shadow both
 */
#include "sie_check.h"

static uint8_t sd[SD_SIZE] __attribute__((aligned(4096)));

/* Guest data of each program: g_data in the code block, copied with it. */
#define DATA_GA(name)   SIE_GA(name, name##_data)

/* LPSWE to a PSW with CC 2 whose address is the DONE. */
SIE_GUEST_CODE(g_lpswe,
    "larl %r1,g_lpswe_data\n\t"
    "lpswe 0(%r1)\n\t"
    "j .\n"
    "g_lpswe_target:\n\t"
    SIE_ASM_DONE
    ".balign 8\n"
    "g_lpswe_data:\n\t"
    ".quad 0x0000200180000000, 0x10000 + (g_lpswe_target - g_lpswe)");
SIE_LABEL(g_lpswe_target);
SIE_LABEL(g_lpswe_data);

/* LPSW of a short PSW: bit 12 on, CC 1, EA in word 0; BA and the address in word 1. */
SIE_GUEST_CODE(g_lpsw,
    "larl %r1,g_lpsw_data\n\t"
    "lpsw 0(%r1)\n\t"
    "j .\n"
    "g_lpsw_target:\n\t"
    SIE_ASM_DONE
    ".balign 8\n"
    "g_lpsw_data:\n\t"
    ".long 0x00081001, 0x80000000 + 0x10000 + (g_lpsw_target - g_lpsw)");
SIE_LABEL(g_lpsw_target);
SIE_LABEL(g_lpsw_data);

static void test_psw(void)
{
    struct sie_guest g;
    sie_new_guest(&g, sd, g_lpswe, g_lpswe_end);
    sie_run(&g);
    check_done(&g, "lpswe interpreted: the guest continues at the new psw");
    CHECK_EQ(sie_psw_mask(&g), 0x0000200180000000UL, "lpswe: the loaded mask (cc 2) in the sd");
    CHECK_EQ(sie_psw_addr(&g), SIE_GA(g_lpswe, g_lpswe_target) + 4, "lpswe: psw after the diag at the target");

    sie_new_guest(&g, sd, g_lpsw, g_lpsw_end);
    sie_run(&g);
    check_done(&g, "lpsw interpreted: the guest continues at the new psw");
    CHECK_EQ(sie_psw_mask(&g), 0x0000100180000000UL, "lpsw: the short psw expanded (bit 12 gone, cc 1)");
}

/* SSM 0x03, STNSM 0xfe (stores 0x03), STOSM 0x01 (stores 0x02). */
SIE_GUEST_CODE(g_sysmask,
    "larl %r1,g_sysmask_data\n\t"
    "ssm 0(%r1)\n\t"
    "stnsm 1(%r1),0xfe\n\t"
    "stosm 2(%r1),0x01\n\t"
    SIE_ASM_DONE
    "g_sysmask_data:\n\t"
    ".byte 0x03, 0xee, 0xee, 0xee");
SIE_LABEL(g_sysmask_data);

static void test_system_mask(void)
{
    struct sie_guest g;
    sie_new_guest(&g, sd, g_sysmask, g_sysmask_end);
    sie_run(&g);
    check_done(&g, "ssm, stnsm, stosm interpreted");
    CHECK_EQ(sie_psw_mask(&g), 0x0300000180000000UL, "system mask i/o + external in the guest psw");
    CHECK_EQ(sie_g8(&g, DATA_GA(g_sysmask) + 1), 0x03, "stnsm stored the mask ssm set");
    CHECK_EQ(sie_g8(&g, DATA_GA(g_sysmask) + 2), 0x02, "stosm stored the mask stnsm left");
}

/* LCTLG c6, STCTG c6 and c10, LCTL c3-c4, STCTL c3-c4. */
SIE_GUEST_CODE(g_ctl,
    "larl %r1,g_ctl_data\n\t"
    "lctlg %c6,%c6,0(%r1)\n\t"
    "stctg %c6,%c6,8(%r1)\n\t"
    "stctg %c10,%c10,16(%r1)\n\t"
    "lctl %c3,%c4,24(%r1)\n\t"
    "stctl %c3,%c4,32(%r1)\n\t"
    SIE_ASM_DONE
    ".balign 8\n"
    "g_ctl_data:\n\t"
    ".quad 0x00000000ff000000, 0, 0\n\t"
    ".long 0x11112222, 0x33334444, 0, 0");
SIE_LABEL(g_ctl_data);

static void test_control_registers(void)
{
    struct sie_guest g;
    sie_new_guest(&g, sd, g_ctl, g_ctl_end);
    uint64_t d = DATA_GA(g_ctl);
    sie_set_gcr(&g, 10, 0x0000000012345678UL);
    sie_set_gcr(&g, 3, 0xaaaaaaaa00000000UL);
    sie_set_gcr(&g, 4, 0xbbbbbbbb00000000UL);
    sie_run(&g);
    check_done(&g, "lctl, lctlg, stctl, stctg interpreted");
    CHECK_EQ(sie_gcr(&g, 6), 0x00000000ff000000UL, "lctlg c6: sd gcr 6 loaded");
    CHECK_EQ(sie_g64(&g, d + 8), 0x00000000ff000000UL, "stctg c6 stores what lctlg loaded");
    CHECK_EQ(sie_g64(&g, d + 16), 0x0000000012345678UL, "stctg c10 stores the sd's gcr 10");
    CHECK_EQ(sie_gcr(&g, 3), 0xaaaaaaaa11112222UL, "lctl c3: bits 32-63 loaded, 0-31 kept");
    CHECK_EQ(sie_gcr(&g, 4), 0xbbbbbbbb33334444UL, "lctl c4: bits 32-63 loaded, 0-31 kept");
    CHECK(sie_g32(&g, d + 32) == 0x11112222 && sie_g32(&g, d + 36) == 0x33334444,
          "stctl c3-c4 stores bits 32-63");
}

/* STCK and STCKE (bytes 1-8 are TOD bits 0-63). */
SIE_GUEST_CODE(g_stck,
    "larl %r1,g_stck_data\n\t"
    "stck 0(%r1)\n\t"
    "stcke 8(%r1)\n\t"
    SIE_ASM_DONE
    ".balign 8\n"
    "g_stck_data:\n\t"
    ".fill 24,1,0");
SIE_LABEL(g_stck_data);

static void tod_with_epoch(uint64_t epoch, const char *what)
{
    struct sie_guest g;
    char name[128];
    sie_new_guest(&g, sd, g_stck, g_stck_end);
    sd_set64(&g, SD_EPOCH, epoch);
    uint64_t t0 = stck();
    sie_run(&g);
    uint64_t t1 = stck();
    uint64_t d = DATA_GA(g_stck), tod = sie_g64(&g, d) - epoch;
    uint64_t tode = 0;
    for (int i = 1; i <= 8; i++)
        tode = tode << 8 | sie_g8(&g, d + 8 + i);
    tode -= epoch;
    snprintf(name, sizeof(name), "stck, stcke interpreted (%s)", what);
    check_done(&g, name);
    snprintf(name, sizeof(name), "guest stck - epoch within the host's stck around sie (%s)", what);
    CHECK(tod >= t0 && tod <= t1, name);
    snprintf(name, sizeof(name), "guest stcke - epoch within the host's stck around sie (%s)", what);
    CHECK(tode >= t0 && tode <= t1, name);
}

/* SCKC/STCKC and SPT/STPT. */
SIE_GUEST_CODE(g_timers,
    "larl %r1,g_timers_data\n\t"
    "sckc 0(%r1)\n\t"
    "stckc 8(%r1)\n\t"
    "spt 16(%r1)\n\t"
    "stpt 24(%r1)\n\t"
    SIE_ASM_DONE
    ".balign 8\n"
    "g_timers_data:\n\t"
    ".quad 0xfedcba9876543210, 0, 0x0000100000000000, 0");
SIE_LABEL(g_timers_data);

static void test_timers(void)
{
    struct sie_guest g;
    sie_new_guest(&g, sd, g_timers, g_timers_end);
    uint64_t d = DATA_GA(g_timers);
    sie_run(&g);
    check_done(&g, "sckc, stckc, spt, stpt interpreted");
    CHECK_EQ(sd_get64(&g, SD_CKC), 0xfedcba9876543210UL, "sckc: the sd's ckc");
    CHECK_EQ(sie_g64(&g, d + 8), 0xfedcba9876543210UL, "stckc stores it");
    int64_t stored = (int64_t)sie_g64(&g, d + 24), sd_tm = (int64_t)sd_get64(&g, SD_CPUTM);
    CHECK(stored <= 0x0000100000000000L && stored > 0x0000100000000000L - (int64_t)tod_from_us(1000),
          "stpt: the value spt set, less the guest's run time");
    CHECK(sd_tm <= stored && sd_tm > stored - (int64_t)tod_from_us(1000),
          "sd cpu timer at the exit: not above what stpt saw, within 1 ms");
}

/* STFLE of 4 doublewords; the CC in r2. */
SIE_GUEST_CODE(g_stfle,
    "larl %r1,g_stfle_data\n\t"
    "lghi %r0,3\n\t"
    "stfle 0(%r1)\n\t"
    "ipm %r2\n\t"
    "srl %r2,28\n\t"
    SIE_ASM_DONE
    ".balign 8\n"
    "g_stfle_data:\n\t"
    ".fill 32,1,0xee");
SIE_LABEL(g_stfle_data);

static uint64_t fac_list[4] __attribute__((aligned(8))) = {
    0xf0f0f0f0f0f0f0f0UL, 0x0ff00ff00ff00ff0UL, 0x00000000ffffffffUL, 0xffffffffffffffffUL,
};

static void test_stfle(void)
{
    struct sie_guest g;
    uint64_t host[4] = { 0 };
    int needed;
    char name[96];
    stfle(host, 4, &needed);
    uint64_t d;

    sie_new_guest(&g, sd, g_stfle, g_stfle_end);
    d = DATA_GA(g_stfle);
    sie_run(&g);
    check_done(&g, "stfle interpreted (designation 0)");
    /* Only the doublewords the list needs: what STFLE leaves beyond them is not SIE's. */
    int n = needed < 4 ? needed : 4;
    for (int i = 0; i < n; i++) {
        snprintf(name, sizeof(name), "stfle with designation 0: doubleword %d is the host's", i);
        CHECK_EQ(sie_g64(&g, d + 8 * i), host[i], name);
    }
    if (needed <= 4)
        CHECK_EQ(g.gr[2], 0, "stfle with designation 0: cc 0");

    sie_new_guest(&g, sd, g_stfle, g_stfle_end);
    sd_set32(&g, SD_FAC, (uint32_t)(uint64_t)fac_list);
    sie_run(&g);
    check_done(&g, "stfle interpreted (a designated list)");
    for (int i = 0; i < n; i++) {
        snprintf(name, sizeof(name), "stfle: doubleword %d is the sd's anded with the host's", i);
        CHECK_EQ(sie_g64(&g, d + 8 * i), fac_list[i] & host[i], name);
    }
    CHECK_EQ(g.gr[2], 0, "stfle with a 4-doubleword designated list: cc 0");
}

/* ISKE of page 0x21000 into r2, SSKE 0x50 on page 0x22000, TPROT of 0x21000 with key 5
 * and key 0, RRBE of page 0x23000; CCs in r6, r7, r8. */
SIE_GUEST_CODE(g_keys,
    "llilf %r3,0x21000\n\t"
    "llilf %r4,0x22000\n\t"
    "llilf %r5,0x23000\n\t"
    "lghi %r2,0\n\t"
    "iske %r2,%r3\n\t"
    "lghi %r1,0x50\n\t"
    "sske %r1,%r4\n\t"
    "tprot 0(%r3),0x50\n\t"
    "ipm %r6\n\t"
    "srl %r6,28\n\t"
    "tprot 0(%r3),0\n\t"
    "ipm %r7\n\t"
    "srl %r7,28\n\t"
    "rrbe %r0,%r5\n\t"
    "ipm %r8\n\t"
    "srl %r8,28\n\t"
    SIE_ASM_DONE);

static void set_key(uint64_t addr, uint8_t key)
{
    asm volatile("sske %[k],%[a]" : : [k] "d"((uint64_t)key), [a] "a"(addr) : "memory");
}

static uint8_t get_key(uint64_t addr)
{
    uint64_t k = 0;
    asm volatile("iske %[k],%[a]" : [k] "+d"(k) : [a] "a"(addr));
    return (uint8_t)k;
}

static void test_keys(void)
{
    struct sie_guest g;
    sie_new_guest(&g, sd, g_keys, g_keys_end);
    set_key(SIE_MSO + 0x21000, 0x30);
    set_key(SIE_MSO + 0x22000, 0x00);
    set_key(SIE_MSO + 0x23000, 0x04);
    sie_run(&g);
    check_done(&g, "iske, sske, tprot, rrbe interpreted");
    CHECK_EQ(g.gr[2] & 0xf8, 0x30, "guest iske: the key the host set on the frame behind it");
    CHECK_EQ(get_key(SIE_MSO + 0x22000) & 0xf8, 0x50, "guest sske: the key of the host frame");
    CHECK_EQ(g.gr[6], 1, "guest tprot with key 5 of a key-3 page: cc 1 (fetch only)");
    CHECK_EQ(g.gr[7], 0, "guest tprot with key 0: cc 0");
    CHECK_EQ(g.gr[8], 2, "guest rrbe of a referenced, unchanged frame: cc 2");
    CHECK_EQ(get_key(SIE_MSO + 0x23000) & 0x04, 0, "guest rrbe reset the host frame's reference bit");
    set_key(SIE_MSO + 0x21000, 0);
    set_key(SIE_MSO + 0x22000, 0);
    set_key(SIE_MSO + 0x23000, 0);
}

/* EPSW, SPKA/IPK, STCKF, PTLB, CSP (DAT off). */
SIE_GUEST_CODE(g_misc,
    "larl %r1,g_misc_data\n\t"
    "epsw %r2,%r3\n\t"
    "spka 0x30\n\t"
    "ipk\n\t"
    "lgr %r4,%r2\n\t"
    "spka 0\n\t"
    "stckf 8(%r1)\n\t"
    "ptlb\n\t"
    "lghi %r12,0\n\t"
    "lghi %r13,7\n\t"
    "csp %r12,%r1\n\t"
    "ipm %r5\n\t"
    "srl %r5,28\n\t"
    SIE_ASM_DONE
    ".balign 8\n"
    "g_misc_data:\n\t"
    ".quad 0, 0");
SIE_LABEL(g_misc_data);

static void test_misc(void)
{
    struct sie_guest g;
    sie_new_guest(&g, sd, g_misc, g_misc_end);
    uint64_t d = DATA_GA(g_misc);
    uint64_t t0 = stck();
    sie_run(&g);
    uint64_t t1 = stck();
    check_done(&g, "epsw, spka, ipk, stckf, ptlb, csp interpreted");
    CHECK_EQ(g.gr[3] & 0xffffffffUL, 0x80000000UL, "epsw: psw bits 32-63 of the guest");
    CHECK_EQ(g.gr[4] & 0xf0, 0x30, "ipk after spka 0x30: the guest's psw key 3");
    CHECK_EQ(sie_psw_mask(&g) & PSW_MASK_KEY, 0, "spka 0: the guest psw key back to 0");
    CHECK(sie_g64(&g, d + 8) >= t0 && sie_g64(&g, d + 8) <= t1, "stckf: host tod (epoch 0) within the host's stck");
    CHECK(g.gr[5] == 0 && sie_g32(&g, d) == 7, "csp: cc 0, the word swapped in guest storage");
}

/* Under guest DAT: LG through VA 0x30000 (ga 0x31000), LRAG of it, STURA/LURA at real
 * 0x32000, IPTE of VA 0x30000 (page table at GDAT_PT), LG again: page translation. */
SIE_GUEST_CODE(g_dati,
    "llilf %r2,0x30000\n\t"
    "lg %r3,0(%r2)\n\t"
    "lrag %r4,0(%r2)\n\t"
    "ipm %r5\n\t"
    "srl %r5,28\n\t"
    "llilf %r6,0x32000\n\t"
    "lghi %r7,0x5a\n\t"
    "stura %r7,%r6\n\t"
    "lura %r8,%r6\n\t"
    "llilf %r9,0x44000\n\t"
    "ipte %r9,%r2\n"
    "g_dati_fault:\n\t"
    "lg %r3,0(%r2)\n\t"
    SIE_ASM_DONE);
SIE_LABEL(g_dati_fault);

static void test_dat_instructions(void)
{
    struct sie_guest g;
    sie_new_guest(&g, sd, g_dati, g_dati_end);
    sie_set_gcr(&g, 1, gdat_build(&g));
    gdat_map(&g, 0x30000, 0x31000);
    sie_gset64(&g, 0x31000, 0x3131313131313131UL);
    sie_set_psw(&g, PSW_MASK_64 | PSW_MASK_DAT, SIE_G_CODE);
    sie_run(&g);
    check_intr(&g, INTR_PGM, "ipte interpreted: the next access through it faults in the guest");
    CHECK_EQ(g.gr[3], 0x3131313131313131UL, "lg through the guest mapping before the ipte");
    CHECK(g.gr[4] == 0x31000 && g.gr[5] == 0, "lrag: the guest real address 0x31000, cc 0");
    CHECK_EQ(sie_g32(&g, 0x32000), 0x5a, "stura: the word at guest real 0x32000");
    CHECK_EQ(g.gr[8] & 0xffffffffUL, 0x5a, "lura: the word back");
    CHECK_EQ(sie_g64(&g, GDAT_PT + 8 * 0x30) & PAGE_ENTRY_INVALID, PAGE_ENTRY_INVALID,
             "ipte set the invalid bit of the guest's pte in guest storage");
    CHECK(sie_g16(&g, LC_PGM_CODE) == PGM_PAGE_TRANS &&
          sie_g64(&g, LC_PGM_OLD_PSW + 8) == SIE_GA(g_dati, g_dati_fault),
          "after ipte: page translation at the second lg, in the guest");
}

int main(void)
{
    test_psw();
    test_system_mask();
    test_control_registers();
    tod_with_epoch(0x0000100000000000UL, "positive epoch");
    tod_with_epoch(-0x0004000000000000UL, "negative epoch");
    test_timers();
    test_stfle();
    test_keys();
    test_misc();
    test_dat_instructions();
    return test_summary();
}
