/* PSW key and address-space control: EPSW (the condition code masked: QEMU 7.2 leaves
 * it out), SPKA, and SACF switching between the primary, secondary and home spaces
 * (which space data accesses and the TEID use), and their exceptions:
 * special operation with DAT off, specification for invalid codes and the access-
 * register mode, privileged operation for the home mode and missing authority in the
 * problem state. IPK, IVSK, SAC (B219) and keys other than 0 are checked in keys_arch.c:
 * QEMU 7.2 has no IPK, IVSK or SAC. */
#include "probe.h"

#define VA_X        0x40000000UL    /* a different frame in each space */
#define VA_NONE     0x50000000UL    /* mapped in no space */
#define CR0_SECONDARY   0x04000000UL    /* bit 37: secondary-space control */
#define PSW_ASC_SHIFT   46

static uint8_t frames[3][4096] __attribute__((aligned(4096)));
static uint64_t asce_p, asce_s, asce_h;

static uint64_t epsw(uint64_t *r2)
{
    uint64_t r1 = 0xdeadbeef00000000UL, r = 0x5555555500000000UL;
    asm volatile("cr %[a],%[b]\n\tepsw %[r1],%[r2]"       /* CC 2: 2 > 1 */
                 : [r1] "+d"(r1), [r2] "+d"(r) : [a] "d"(2), [b] "d"(1) : "cc");
    *r2 = r;
    return r1;
}

static void test_epsw(void)
{
    uint64_t r2, r1 = epsw(&r2), x = 0, r0;
    CHECK_EQ(r1 >> 32, 0xdeadbeef, "epsw keeps bits 0-31 of r1");
    CHECK_EQ(r1 & 0xffffcfffUL, 0x00000001, "epsw r1: psw bits 0-31 (64-bit mode, cc masked)");
    CHECK_EQ(r2, 0x5555555580000000UL, "epsw r2: psw bits 32-63");
    asm volatile("lghi %%r0,0x77\n\tepsw %[x],0\n\tlgr %[r0],%%r0"
                 : [x] "+d"(x), [r0] "=d"(r0) : : "r0");
    CHECK_EQ(x & 0xffffcfffUL, 0x00000001, "epsw with r2 = 0: r1 set");
    CHECK_EQ(r0, 0x77, "epsw with r2 = 0: gr0 untouched");
}

/* IPK is left to keys_arch.c: QEMU 7.2 raises an operation exception for it. */
static void test_spka(void)
{
    struct pgm_info pi;
    uint64_t mask;
    asm volatile("spka 0x30\n\tepsw %[m],0\n\tspka 0" : [m] "=d"(mask) : : "memory");
    CHECK_EQ((mask >> 20) & 0xf, 3, "spka 0x30: psw key 3");
    CHECK_EQ((psw_mask() & PSW_MASK_KEY) >> 52, 0, "spka 0: psw key 0 again");

    /* Problem state: CR3's PSW-key mask allows SPKA key by key (the allowed case is in
     * keys_arch.c: QEMU 7.2 treats SPKA as privileged). */
    uint64_t cr3 = ctl_store(3);
    ctl_load(3, 0x80000000UL);                   /* key 0 only */
    pgm_expect();
    pstate_enter();
    asm volatile("spka 0x50" : : : "memory");
    pstate_leave();
    test_check_pgm(&pi, PGM_PRIVILEGED_OP, 4, "spka to a key the psw-key mask excludes: privileged operation");
    CHECK_EQ((psw_mask() & PSW_MASK_KEY) >> 52, 0, "spka refused: key unchanged");
    ctl_load(3, cr3);
}

static uint64_t space(int i)
{
    uint64_t asce = dat_new_space(ASCE_DT_SEGMENT);
    if (!asce || dat_map_image(asce) || dat_map_page(asce, VA_X, (uint64_t)frames[i], 0))
        guest_panic("cannot build space %d", i);
    *(volatile uint64_t *)frames[i] = 0x100 + (uint64_t)i;
    return asce;
}

/* DAT on with the three spaces in CR1, CR7 and CR13. */
static void spaces_on(void)
{
    dat_enable(asce_p);
    ctl_load(7, asce_s);
    ctl_load(13, asce_h);
}

#define SACF(code) asm volatile("sacf %[c]" : : [c] "i"(code) : "memory")

static unsigned asc_now(void)
{
    return (unsigned)((psw_mask() & PSW_MASK_ASC) >> PSW_ASC_SHIFT);
}

static void test_sacf_modes(void)
{
    uint64_t v[4];
    unsigned asc[4];
    spaces_on();
    SACF(0x100);
    v[0] = *(volatile uint64_t *)VA_X; asc[0] = asc_now();
    SACF(0x300);
    v[1] = *(volatile uint64_t *)VA_X; asc[1] = asc_now();
    SACF(0x100);
    v[2] = *(volatile uint64_t *)VA_X; asc[2] = asc_now();
    SACF(0x000);
    v[3] = *(volatile uint64_t *)VA_X; asc[3] = asc_now();
    dat_disable();
    static const struct { uint64_t v; unsigned asc; const char *name; } want[4] = {
        { 0x101, 2, "sacf secondary: secondary space, asc 10" },
        { 0x102, 3, "sacf home: home space, asc 11" },
        { 0x101, 2, "sacf secondary from home" },
        { 0x100, 0, "sacf primary: primary space, asc 00" },
    };
    for (int i = 0; i < 4; i++)
        CHECK(v[i] == want[i].v && asc[i] == want[i].asc, want[i].name);
}

/* The TEID's address-space id follows the mode: 10 secondary, 11 home. */
static void test_sacf_teid(void)
{
    struct probe p;
    spaces_on();
    SACF(0x100);
    probe_load(VA_NONE, &p);
    SACF(0x000);
    dat_disable();
    check_translation_exception(&p, PGM_SEGMENT_TRANS, VA_NONE, 0, 2, "secondary space");
    spaces_on();
    SACF(0x300);
    probe_store(VA_NONE + 8, 1, &p);
    SACF(0x000);
    dat_disable();
    check_translation_exception(&p, PGM_SEGMENT_TRANS, VA_NONE + 8, 1, 3, "home space");
}

static void test_sacf_exceptions(void)
{
    struct pgm_info pi;
    CHECK_PGM(SACF(0x100), PGM_SPECIAL_OP, 4, "sacf with dat off: special operation", &pi);
    CHECK_EQ(asc_now(), 0, "sacf with dat off: mode unchanged");
    spaces_on();
    CHECK_PGM(SACF(0x400), PGM_SPECIFICATION, 4, "sacf code 4: specification", &pi);
    CHECK_PGM(SACF(0x200), PGM_SPECIFICATION, 4,
              "sacf access-register mode: specification (zhyp's choice, QEMU's too)", &pi);
    CHECK_PGM(SACF(0xf00), PGM_SPECIFICATION, 4, "sacf code 15: specification", &pi);
    unsigned mode = asc_now();
    pgm_expect();
    pstate_enter();
    SACF(0x300);
    pstate_leave();
    test_check_pgm(&pi, PGM_PRIVILEGED_OP, 4, "sacf home in the problem state: privileged operation");
    pgm_expect();
    pstate_enter();
    SACF(0x100);
    uint64_t v = *(volatile uint64_t *)VA_X;
    SACF(0x000);
    pstate_leave();
    dat_disable();
    CHECK_EQ(pgm_result(0), 0, "sacf secondary in the problem state: allowed");
    CHECK_EQ(v, 0x101, "problem state in the secondary space reads its frame");
    CHECK_EQ(mode, 0, "failed sacfs leave the primary mode");
}

int main(void)
{
    test_epsw();
    test_spka();
    ctl_set_bits(0, CR0_SECONDARY);
    asce_p = space(0);
    asce_s = space(1);
    asce_h = space(2);
    test_sacf_modes();
    test_sacf_teid();
    test_sacf_exceptions();
    return test_summary();
}
