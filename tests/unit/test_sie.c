/* SIE through the C interface (sie_run): two-stage DAT with the host's tables (SM),
 * host-level faults resolved and resumed, guest table changes seen through the shadow
 * translations, each run with and without shadows (docs/sie.md). */
#include <stdlib.h>
#include "unit.h"
#include "zhyp/machine.h"
#include "zhyp/sie.h"
#include "zhyp/dat.h"
#include "../../src/sie/shadow.h"

#define HOST_STO   0x20000ULL   /* host segment table (2048 entries) */
#define HOST_PT    0x24000ULL   /* host page table for guest absolute 0-1M */
#define SD_HA      0x30000ULL
#define GUEST_HA   0x400000ULL  /* guest absolute page n lives at GUEST_HA + (n ^ 0x80) * 4K */
#define G_STO      0x10000ULL   /* guest segment table (guest absolute) */
#define G_PT       0x11000ULL   /* guest page table for guest virtual 1M-2M */
#define G_CODE     0x2000ULL
#define G_DATA     0x41000ULL
#define V_CODE     0x100000ULL
#define V_DATA     0x101000ULL

/* lghi 1,5; llilf 2,V_DATA; st 1,0(2); l 3,0(2); ahi 3,1; st 3,4(2); diag 0,0,0x44 */
static const uint8_t guest_code[] = {
    0xa7, 0x19, 0x00, 0x05, 0xc0, 0x2f, 0x00, 0x10, 0x10, 0x00, 0x50, 0x10, 0x20, 0x00,
    0x58, 0x30, 0x20, 0x00, 0xa7, 0x3a, 0x00, 0x01, 0x50, 0x30, 0x20, 0x04, 0x83, 0x00, 0x00, 0x44,
};

/* Host frame behind guest absolute ga: pages are scattered (bit 7 of the page number
 * flipped), so a stage that is skipped shows. */
static uint64_t frame_of(uint64_t ga)
{
    return GUEST_HA + (((ga >> 12) ^ 0x80) << 12);
}

static void put64(struct machine *m, uint64_t aa, uint64_t v)
{
    st_be64(machine_abs_store(m, aa, 8), v);
}

static void guest_put64(struct machine *m, uint64_t ga, uint64_t v)
{
    put64(m, frame_of(ga) + (ga & 0xfff), v);
}

static uint32_t guest_get32(struct machine *m, uint64_t ga)
{
    return ld_be32(m->storage + frame_of(ga) + (ga & 0xfff));
}

/* The host maps guest absolute 0-1M page by page; the guest maps V_CODE and V_DATA. */
static void build_tables(struct machine *m)
{
    for (unsigned i = 0; i < 2048; i++)
        put64(m, HOST_STO + 8 * i, STE_INVALID);
    put64(m, HOST_STO, HOST_PT);
    for (unsigned n = 0; n < 256; n++)
        put64(m, HOST_PT + 8 * n, frame_of(n << 12));
    for (unsigned i = 0; i < 512; i++)
        guest_put64(m, G_STO + 8 * i, STE_INVALID);
    guest_put64(m, G_STO + 8, G_PT);
    for (unsigned n = 0; n < 256; n++)
        guest_put64(m, G_PT + 8 * n, PTE_INVALID);
    guest_put64(m, G_PT, G_CODE);
    guest_put64(m, G_PT + 8, G_DATA);
    memcpy(machine_abs_store(m, frame_of(G_CODE), sizeof(guest_code)), guest_code, sizeof(guest_code));
}

/* A state description for a z/Architecture guest at V_CODE with DAT on. */
static void build_sd(struct machine *m)
{
    uint8_t *p = machine_abs_store(m, SD_HA, SD_SIZE);
    memset(p, 0, SD_SIZE);
    st_be32(p + SD_CPUFLAGS, CPUSTAT_ZARCH | CPUSTAT_SM);
    st_be64(p + SD_MSL, 0xfffff);
    st_be64(p + SD_GPSW, PSW_MASK_DAT | PSW_MASK_EA | PSW_MASK_BA);
    st_be64(p + SD_GPSW + 8, V_CODE);
    st_be64(p + SD_GCR + 8, G_STO);                 /* guest CR1: segment table, TL 0 */
}

static struct sie_ctx *setup(struct machine *m, bool shadows)
{
    ck_assert_int_eq(machine_init(m, 16 << 20, 1), 0);
    m->no_shadow = !shadows;
    ck_assert_int_eq(machine_start(m, 0x10000), 0);
    struct cpu *h = m->cpu[0];
    h->cr[1] = HOST_STO | 3;                         /* host ASCE: segment table, TL 3 */
    build_tables(m);
    build_sd(m);
    struct sie_ctx *s = sie_ctx_get(m, h);
    ck_assert_ptr_nonnull(s);
    return s;
}

static uint8_t sd_icpt(struct machine *m) { return m->storage[SD_HA + SD_ICPTCODE]; }
static uint64_t sd_psw_addr(struct machine *m) { return ld_be64(m->storage + SD_HA + SD_GPSW + 8); }

static void restart_guest(struct machine *m)
{
    put64(m, SD_HA + SD_GPSW + 8, V_CODE);
}

START_TEST(a_guest_with_dat_on_runs_through_both_stages)
{
    struct machine m;
    struct sie_ctx *s = setup(&m, _i);
    int host_pgm;
    ck_assert_int_eq(sie_run(s, SD_HA, 1000, &host_pgm), SIE_END_ICPT);
    ck_assert_uint_eq(sd_icpt(&m), ICPT_INST);
    ck_assert_uint_eq(ld_be16(m.storage + SD_HA + SD_IPA), 0x8300);
    ck_assert_uint_eq(ld_be32(m.storage + SD_HA + SD_IPB), 0x00440000);
    ck_assert_uint_eq(sd_psw_addr(&m), V_CODE + sizeof(guest_code));
    ck_assert_uint_eq(guest_get32(&m, G_DATA), 5);
    ck_assert_uint_eq(guest_get32(&m, G_DATA + 4), 6);
    ck_assert_uint_eq(m.cpu[0]->gr[3], 6);          /* guest GR 0-13 come back in the host's */
    machine_free(&m);
}
END_TEST

START_TEST(a_host_level_fault_exits_and_the_guest_resumes_after_the_host_fixes_it)
{
    struct machine m;
    struct sie_ctx *s = setup(&m, _i);
    int host_pgm;
    put64(&m, HOST_PT + 8 * (G_DATA >> 12), frame_of(G_DATA) | PTE_INVALID);
    ck_assert_int_eq(sie_run(s, SD_HA, 1000, &host_pgm), SIE_END_HOST);
    ck_assert_int_eq(host_pgm, PGM_PAGE_TRANS);
    ck_assert_uint_eq(m.cpu[0]->fault.teid & ~0xfffULL, G_DATA);   /* host virtual = MSO + ga */
    ck_assert_uint_eq(sd_icpt(&m), ICPT_NONE);
    ck_assert_uint_eq(sd_psw_addr(&m), V_CODE + 10);        /* the ST, nullified */
    ck_assert_uint_eq(guest_get32(&m, G_DATA), 0);
    put64(&m, HOST_PT + 8 * (G_DATA >> 12), frame_of(G_DATA));
    ck_assert_int_eq(sie_run(s, SD_HA, 1000, &host_pgm), SIE_END_ICPT);
    ck_assert_uint_eq(sd_icpt(&m), ICPT_INST);
    ck_assert_uint_eq(guest_get32(&m, G_DATA + 4), 6);
    machine_free(&m);
}
END_TEST

START_TEST(a_guest_page_table_change_is_seen_at_the_next_access)
{
    struct machine m;
    struct sie_ctx *s = setup(&m, _i);
    int host_pgm;
    ck_assert_int_eq(sie_run(s, SD_HA, 1000, &host_pgm), SIE_END_ICPT);
    /* The guest moves V_DATA (its store, here made by the host into its frame, then the
     * TLB purge its IPTE would make; shadows drop at the store itself). */
    guest_put64(&m, G_PT + 8, G_DATA + 0x1000);
    sie_ctx_tlb_flush(s);
    restart_guest(&m);
    ck_assert_int_eq(sie_run(s, SD_HA, 1000, &host_pgm), SIE_END_ICPT);
    ck_assert_uint_eq(guest_get32(&m, G_DATA + 0x1004), 6);
    /* The host moves the guest page to another frame (and says so with a store). */
    uint64_t other = GUEST_HA + 0x300000;
    put64(&m, HOST_PT + 8 * ((G_DATA + 0x1000) >> 12), other);
    sie_ctx_tlb_flush(s);                           /* what the host's IPTE does to guest TLBs */
    restart_guest(&m);
    ck_assert_int_eq(sie_run(s, SD_HA, 1000, &host_pgm), SIE_END_ICPT);
    ck_assert_uint_eq(ld_be32(m.storage + other + 4), 6);
    if (_i) {
        const struct shadow_stats *st = shadow_get_stats(m.shadow);
        ck_assert_uint_gt(st->drops, 0);
        ck_assert_uint_gt(st->inserts, 0);
    } else {
        ck_assert_ptr_null(m.shadow);
    }
    machine_free(&m);
}
END_TEST

/* The guest TLB survives re-entry of the same SD, but not a change of its CR1. */
START_TEST(a_new_guest_asce_in_the_sd_is_used_at_the_next_entry)
{
    struct machine m;
    struct sie_ctx *s = setup(&m, _i);
    int host_pgm;
    ck_assert_int_eq(sie_run(s, SD_HA, 1000, &host_pgm), SIE_END_ICPT);
    for (unsigned i = 0; i < 512; i++)                 /* a second table set at 0x13000 */
        guest_put64(&m, 0x13000 + 8 * i, i == 1 ? 0x12000 : STE_INVALID);
    for (unsigned n = 0; n < 256; n++)
        guest_put64(&m, 0x12000 + 8 * n, n == 0 ? G_CODE : n == 1 ? G_DATA + 0x2000 : PTE_INVALID);
    put64(&m, SD_HA + SD_GCR + 8, 0x13000);
    restart_guest(&m);
    ck_assert_int_eq(sie_run(s, SD_HA, 1000, &host_pgm), SIE_END_ICPT);
    ck_assert_uint_eq(guest_get32(&m, G_DATA + 0x2004), 6);
    machine_free(&m);
}
END_TEST

/* MVPG whose destination is not resident at host level: partial execution (0x38) with
 * the instruction in IPA/IPB and the PSW after it; the host maps the page, backs the
 * PSW up by 4, and the retry moves the page. */
START_TEST(mvpg_on_a_host_invalid_page_is_a_partial_execution_interception)
{
    /* lghi 0,0; llilf 4,V_DATA; llilf 6,V_CODE; mvpg 4,6; diag 0,0,0x44 */
    static const uint8_t code[] = {
        0xa7, 0x09, 0x00, 0x00, 0xc0, 0x4f, 0x00, 0x10, 0x10, 0x00, 0xc0, 0x6f, 0x00, 0x10, 0x00, 0x00,
        0xb2, 0x54, 0x00, 0x46, 0x83, 0x00, 0x00, 0x44,
    };
    struct machine m;
    struct sie_ctx *s = setup(&m, _i);
    int host_pgm;
    memcpy(machine_abs_store(&m, frame_of(G_CODE), sizeof(code)), code, sizeof(code));
    put64(&m, HOST_PT + 8 * (G_DATA >> 12), frame_of(G_DATA) | PTE_INVALID);
    ck_assert_int_eq(sie_run(s, SD_HA, 1000, &host_pgm), SIE_END_ICPT);
    ck_assert_uint_eq(sd_icpt(&m), ICPT_PARTEXEC);
    ck_assert_uint_eq(ld_be16(m.storage + SD_HA + SD_IPA), 0xb254);
    ck_assert_uint_eq(ld_be32(m.storage + SD_HA + SD_IPB), 0x00460000);
    ck_assert_uint_eq(sd_psw_addr(&m), V_CODE + 20);
    ck_assert_int_eq(host_pgm, 0);
    put64(&m, HOST_PT + 8 * (G_DATA >> 12), frame_of(G_DATA));
    sie_ctx_tlb_flush(s);
    put64(&m, SD_HA + SD_GPSW + 8, V_CODE + 16);
    ck_assert_int_eq(sie_run(s, SD_HA, 1000, &host_pgm), SIE_END_ICPT);
    ck_assert_uint_eq(sd_icpt(&m), ICPT_INST);
    ck_assert_int_eq(memcmp(m.storage + frame_of(G_DATA), code, sizeof(code)), 0);
    machine_free(&m);
}
END_TEST

START_TEST(shadows_hit_when_the_guest_runs_again)
{
    struct machine m;
    struct sie_ctx *s = setup(&m, true);
    int host_pgm;
    ck_assert_int_eq(sie_run(s, SD_HA, 1000, &host_pgm), SIE_END_ICPT);
    uint64_t hits = shadow_get_stats(m.shadow)->hits;
    sie_ctx_tlb_flush(s);                           /* misses again: the shadows answer */
    restart_guest(&m);
    ck_assert_int_eq(sie_run(s, SD_HA, 1000, &host_pgm), SIE_END_ICPT);
    ck_assert_uint_ge(shadow_get_stats(m.shadow)->hits, hits + 2);   /* code and data pages */
    machine_free(&m);
}
END_TEST

START_TEST(validity_reasons_for_bad_state_descriptions)
{
    static const struct { uint32_t flags; uint64_t mso, msl; uint16_t reason; } cases[] = {
        { CPUSTAT_SM, 0, 0xfffff, SIE_VIR_ZARCH },
        { CPUSTAT_ZARCH | CPUSTAT_RRF, 0, 0xfffff, SIE_VIR_FLAGS },
        { CPUSTAT_ZARCH | CPUSTAT_SLSV, 0, 0xfffff, SIE_VIR_SLS },
        { CPUSTAT_ZARCH, 0x200000, 0x100000, SIE_VIR_MSO },
        { CPUSTAT_ZARCH, 0, 0x7fffffff, SIE_VIR_MSO },        /* beyond host storage */
    };
    struct machine m;
    struct sie_ctx *s = setup(&m, true);
    int host_pgm;
    for (unsigned i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        build_sd(&m);
        put64(&m, SD_HA + SD_MSO, cases[i].mso);
        put64(&m, SD_HA + SD_MSL, cases[i].msl);
        st_be32(machine_abs_store(&m, SD_HA, 4), cases[i].flags);
        ck_assert_int_eq(sie_run(s, SD_HA, 1000, &host_pgm), SIE_END_ICPT);
        ck_assert_uint_eq(sd_icpt(&m), ICPT_VALIDITY);
        ck_assert_uint_eq(ld_be16(m.storage + SD_HA + SD_IPA), SIE_VALIDITY_IPA);
        ck_assert_uint_eq(ld_be32(m.storage + SD_HA + SD_IPB) >> 16, cases[i].reason);
    }
    ck_assert_int_eq(sie_run(s, SD_HA + 8, 1000, &host_pgm), SIE_END_BAD_SD);
    machine_free(&m);
}
END_TEST

START_TEST(read_scp_info_reports_sief2_and_skeyi_for_every_cpu)
{
    struct machine m;
    ck_assert_int_eq(machine_init(&m, 16 << 20, 3), 0);
    ck_assert_int_eq(machine_start(&m, 0x10000), 0);
    uint8_t *sccb = machine_abs_store(&m, 0x8000, 4096);
    memset(sccb, 0, 4096);
    st_be16(sccb, 4096);
    ck_assert_int_eq(sclp_servc(m.cpu[0], 0x00020001u, 0x8000), 0);   /* Read SCP Info */
    ck_assert_uint_eq(ld_be16(sccb + 6), 0x0010);                     /* read completed */
    unsigned n = ld_be16(sccb + 16), off = ld_be16(sccb + 18);
    ck_assert_uint_eq(n, 3);
    for (unsigned i = 0; i < n; i++)
        ck_assert_uint_eq(sccb[off + 16 * i + 2], 0x08 | 0x04);       /* sief2, skeyi */
    machine_free(&m);
}
END_TEST

/* ---- property: shadows translate exactly as the two walks do ---------------------- */

#define P_HOST_PT   0x40000ULL   /* host page tables for guest segments 0-15, 2K each */
#define P_GSEGS     16           /* guest absolute 0-16M, guest virtual 0-16M */
#define P_G_PT      0x20000ULL   /* guest page tables (guest absolute), 2K each */
#define P_FRAMES    0x800000ULL  /* host frames for guest storage: 8M-24M of host storage */

static uint64_t rnd(uint64_t *x)
{
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    return *x;
}

/* A random host-absolute frame for guest page n: usually its own, sometimes shared. */
static uint64_t p_frame(uint64_t *x, uint64_t n)
{
    return P_FRAMES + ((rnd(x) % 8 ? n : rnd(x) % 4096) << 12);
}

static void p_put(struct machine *a, struct machine *b, uint64_t aa, uint64_t v)
{
    put64(a, aa, v);
    put64(b, aa, v);
}

/* Host entries: 4K pages (some invalid or protected) or an EDAT-1 1M segment. Guest
 * table pages (ga 0x10000-0x2ffff) always map to their own frame, so that the guest
 * tables can be found; guest page 0-2 (lowcore, code) too. */
static uint64_t host_pte(uint64_t *x, uint64_t n)
{
    uint64_t frame = P_FRAMES + (n << 12);
    if (n < 3 || (n >= 0x10 && n < 0x30))
        return frame;
    uint64_t pte = p_frame(x, n);
    unsigned r = (unsigned)(rnd(x) % 16);
    return pte | (r == 0 ? PTE_INVALID : 0) | (r == 1 ? PTE_P : 0);
}

static uint64_t guest_pte(uint64_t *x)
{
    uint64_t pte = (rnd(x) % (P_GSEGS << 8)) << 12;
    unsigned r = (unsigned)(rnd(x) % 8);
    return pte | (r == 0 ? PTE_INVALID : 0) | (r == 1 ? PTE_P : 0);
}

/* Where guest absolute ga's 8-byte entry lies in host storage (tables are 1:1 there). */
static uint64_t g_entry_ha(uint64_t ga) { return P_FRAMES + ga; }

static void p_host_tables(struct machine *a, struct machine *b, uint64_t *x)
{
    for (unsigned i = 0; i < 2048; i++)
        p_put(a, b, HOST_STO + 8 * i, STE_INVALID);
    for (unsigned seg = 0; seg < P_GSEGS; seg++) {
        bool large = seg > 0 && rnd(x) % 4 == 0;
        uint64_t ste = large ? ((P_FRAMES + (seg << 20)) | STE_FC) : (P_HOST_PT + seg * 0x800);
        p_put(a, b, HOST_STO + 8 * seg, ste);
        for (unsigned n = 0; n < 256; n++)
            p_put(a, b, P_HOST_PT + seg * 0x800 + 8 * n, host_pte(x, seg * 256 + n));
    }
}

static void p_guest_tables(struct machine *a, struct machine *b, uint64_t *x)
{
    for (unsigned i = 0; i < 512; i++)
        p_put(a, b, g_entry_ha(G_STO + 8 * i), i < P_GSEGS ? P_G_PT + i * 0x800 : STE_INVALID);
    for (unsigned seg = 0; seg < P_GSEGS; seg++)
        for (unsigned n = 0; n < 256; n++)
            p_put(a, b, g_entry_ha(P_G_PT + seg * 0x800 + 8 * n), guest_pte(x));
    p_put(a, b, g_entry_ha(P_G_PT), 0x2000);           /* va 0 -> code page */
    static const uint8_t diag[] = { 0x83, 0x00, 0x00, 0x44 };
    memcpy(machine_abs_store(a, P_FRAMES + 0x2000, 4), diag, 4);
    memcpy(machine_abs_store(b, P_FRAMES + 0x2000, 4), diag, 4);
}

static struct sie_ctx *p_setup(struct machine *m, bool shadows)
{
    ck_assert_int_eq(machine_init(m, 32 << 20, 1), 0);
    m->no_shadow = !shadows;
    ck_assert_int_eq(machine_start(m, 0x10000), 0);
    m->cpu[0]->cr[1] = HOST_STO | 3;
    m->cpu[0]->cr[0] |= CR0_EDAT1;
    build_sd(m);
    put64(m, SD_HA + SD_MSL, (P_GSEGS << 20) - 1);
    put64(m, SD_HA + SD_GPSW + 8, 0);
    return sie_ctx_get(m, m->cpu[0]);
}

/* One translation on both machines' guest CPUs: same code, same TEID, same frame. */
static void p_compare(struct sie_ctx *sa, struct sie_ctx *sb, struct machine *a, struct machine *b,
                      uint64_t va, enum acc acc)
{
    struct cpu *ga = sie_ctx_guest(sa), *gb = sie_ctx_guest(sb);
    uint8_t *pa = NULL, *pb = NULL;
    bool wa = false, wb = false;
    int ra = ga->mops->translate(ga, va, acc, &pa, &wa);
    int rb = gb->mops->translate(gb, va, acc, &pb, &wb);
    ck_assert_int_eq(ra, rb);
    if (ra) {
        ck_assert_uint_eq(ga->fault.teid, gb->fault.teid);
        return;
    }
    ck_assert_uint_eq((uint64_t)(pa - a->storage), (uint64_t)(pb - b->storage));
    ck_assert_int_eq(wa, wb);
}

/* A random store into a table: a host PTE or STE, or a guest PTE or STE. */
static void p_change(struct machine *a, struct machine *b, uint64_t *x)
{
    unsigned seg = (unsigned)(rnd(x) % P_GSEGS), n = (unsigned)(rnd(x) % 256);
    switch (rnd(x) % 4) {
    case 0: p_put(a, b, P_HOST_PT + seg * 0x800 + 8 * n, host_pte(x, seg * 256 + n)); break;
    case 1: if (seg) p_put(a, b, HOST_STO + 8 * seg, rnd(x) % 2 ? STE_INVALID : P_HOST_PT + seg * 0x800); break;
    case 2: if (seg || n) p_put(a, b, g_entry_ha(P_G_PT + seg * 0x800 + 8 * n), guest_pte(x)); break;
    default: if (seg) p_put(a, b, g_entry_ha(G_STO + 8 * seg), rnd(x) % 2 ? STE_INVALID : P_G_PT + seg * 0x800); break;
    }
}

START_TEST(shadow_translations_equal_the_two_walks_under_random_tables_and_stores)
{
    uint64_t x = 0x9e3779b97f4a7c15ULL + (uint64_t)_i * 7919;
    struct machine a, b;
    struct sie_ctx *sa = p_setup(&a, true), *sb = p_setup(&b, false);
    p_host_tables(&a, &b, &x);
    p_guest_tables(&a, &b, &x);
    int host_pgm;
    ck_assert_int_eq(sie_run(sa, SD_HA, 10, &host_pgm), SIE_END_ICPT);   /* loads the guest */
    ck_assert_int_eq(sie_run(sb, SD_HA, 10, &host_pgm), SIE_END_ICPT);
    ck_assert_uint_eq(a.storage[SD_HA + SD_ICPTCODE], ICPT_INST);
    uint64_t hot[64];                               /* a working set, so that shadows hit */
    for (unsigned i = 0; i < 64; i++)
        hot[i] = rnd(&x) % (P_GSEGS << 8);
    for (unsigned step = 0; step < 3000; step++) {
        uint64_t page = rnd(&x) % 8 ? hot[rnd(&x) % 64] : rnd(&x) % (P_GSEGS << 8);
        uint64_t va = page << 12 | (rnd(&x) & 0xff8);
        p_compare(sa, sb, &a, &b, va, rnd(&x) % 3 ? ACC_FETCH : ACC_STORE);
        if (step % 3 == 0)
            p_change(&a, &b, &x);
    }
    const struct shadow_stats *st = shadow_get_stats(a.shadow);
    ck_assert_uint_gt(st->hits, 100);               /* the shadows were really used */
    ck_assert_uint_gt(st->drops, 10);
    machine_free(&a);
    machine_free(&b);
}
END_TEST

/* Random state descriptions and random guest code: every run ends in an interception,
 * a host exit or the budget; nothing crashes the host and host storage outside the
 * guest's and the SD's is untouched (the host's tables). */
START_TEST(random_state_descriptions_and_code_never_hurt_the_host)
{
    uint64_t x = 0x2545f4914f6cdd1dULL + (uint64_t)_i;
    struct machine m;
    struct sie_ctx *s = setup(&m, _i & 1);
    uint8_t *tables = malloc(0x8000);
    memcpy(tables, m.storage + HOST_STO, 0x8000);
    int host_pgm;
    for (unsigned run = 0; run < 300; run++) {
        uint8_t *p = machine_abs_store(&m, SD_HA, SD_SIZE);
        for (unsigned i = 0; i < SD_SIZE; i += 8)
            st_be64(p + i, rnd(&x) & rnd(&x));         /* sparse bits, like real SDs */
        st_be32(p + SD_CPUFLAGS, (ld_be32(p) & ~CPUSTAT_RRF) | (rnd(&x) % 4 ? CPUSTAT_ZARCH : 0));
        st_be64(p + SD_MSL, rnd(&x) % (16 << 20));
        if (!(ld_be32(p) & CPUSTAT_SM))              /* MSO past the host's own storage */
            st_be64(p + SD_MSO, GUEST_HA + rnd(&x) % (8 << 20));
        uint8_t *code = machine_abs_store(&m, frame_of(0), 0x2000);
        for (unsigned i = 0; i < 0x2000; i += 8)
            st_be64(code + i, rnd(&x));
        enum sie_end e = sie_run(s, SD_HA, 2000, &host_pgm);
        ck_assert(e == SIE_END_ICPT || e == SIE_END_HOST || e == SIE_END_BUDGET);
        if (e == SIE_END_HOST)
            ck_assert_int_ne(host_pgm, 0);
    }
    ck_assert_int_eq(memcmp(tables, m.storage + HOST_STO, 0x8000), 0);
    free(tables);
    machine_free(&m);
}
END_TEST

UNIT_SUITE(sie_suite)
{
    Suite *s = suite_create("sie");
    TCase *t = tcase_create("c-interface");
    tcase_add_loop_test(t, a_guest_with_dat_on_runs_through_both_stages, 0, 2);
    tcase_add_loop_test(t, a_host_level_fault_exits_and_the_guest_resumes_after_the_host_fixes_it, 0, 2);
    tcase_add_loop_test(t, a_guest_page_table_change_is_seen_at_the_next_access, 0, 2);
    tcase_add_loop_test(t, a_new_guest_asce_in_the_sd_is_used_at_the_next_entry, 0, 2);
    tcase_add_test(t, shadows_hit_when_the_guest_runs_again);
    tcase_add_loop_test(t, mvpg_on_a_host_invalid_page_is_a_partial_execution_interception, 0, 2);
    tcase_add_test(t, validity_reasons_for_bad_state_descriptions);
    tcase_add_test(t, read_scp_info_reports_sief2_and_skeyi_for_every_cpu);
    suite_add_tcase(s, t);
    TCase *p = tcase_create("property");
    tcase_add_loop_test(p, random_state_descriptions_and_code_never_hurt_the_host, 0, 4);
    tcase_add_loop_test(p, shadow_translations_equal_the_two_walks_under_random_tables_and_stores, 0, 8);
    suite_add_tcase(s, p);
    return s;
}
