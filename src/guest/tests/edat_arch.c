/* EDAT-1 (facility 8), which QEMU 7.2's default CPU model lacks (zhyp only,
 * see the option line below): PERFORM FRAME MANAGEMENT FUNCTION setting keys and
 * clearing 4K and 1M frames (R2 updated for 1M frames), its specification, protection,
 * addressing and privileged-operation exceptions; 1M segment frames under DAT with
 * CR0 bit 40, their DAT protection and LRAG.
 * @baremetal qemu no
 */
#include "probe.h"

#define PFMF_SK     0x20000UL
#define PFMF_CF     0x10000UL
#define PFMF_FSC_1M 0x01000UL
#define PFMF_FSC_2G 0x02000UL
#define PFMF_NQ     0x00800UL
#define BIG_AA      0x400000UL      /* a 1M frame the image does not use */
#define VA_BIG      0x40000000UL
#define STE_FC      0x400UL

static uint8_t frame[4096] __attribute__((aligned(4096)));

static uint64_t pfmf(uint64_t r1, uint64_t r2)
{
    asm volatile("pfmf %[r1],%[r2]" : [r2] "+a"(r2) : [r1] "d"(r1) : "memory");
    return r2;
}

static uint8_t iske(uint64_t addr)
{
    uint64_t k = 0;
    asm volatile("iske %[k],%[a]" : [k] "+d"(k) : [a] "a"(addr));
    return (uint8_t)k;
}

static void sske(uint64_t addr, uint8_t key)
{
    asm volatile("sske %[k],%[a]" : : [k] "d"((uint64_t)key), [a] "a"(addr) : "memory");
}

static int all_bytes(uint64_t aa, uint64_t len, uint8_t v)
{
    for (uint64_t i = 0; i < len; i++)
        if (((volatile uint8_t *)aa)[i] != v)
            return 0;
    return 1;
}

static void test_pfmf_4k(void)
{
    uint64_t f = (uint64_t)frame;
    CHECK(facility(8), "facility 8 (edat-1) installed");
    pfmf(PFMF_SK | 0x30, f + 0x123);
    CHECK_EQ(iske(f), 0x30, "pfmf set key on a 4k frame");
    memset(frame, 0xa5, sizeof(frame));
    sske(f, 0x30);
    pfmf(PFMF_CF, f);
    CHECK(all_bytes(f, 4096, 0), "pfmf clear frame zeroes 4k");
    CHECK_EQ(iske(f), 0x36, "pfmf clear alone: key kept, reference and change set");
    memset(frame, 0xa5, sizeof(frame));
    pfmf(PFMF_SK | PFMF_CF | 0x50, f);
    uint8_t k = iske(f);                         /* before the check's fetches set R */
    CHECK(all_bytes(f, 4096, 0) && k == 0x50, "pfmf set key and clear: zeros, key from r1");
    CHECK_EQ(pfmf(PFMF_SK, f + 8), f + 8, "pfmf on a 4k frame leaves r2");
    sske(f, 0);
}

static void test_pfmf_1m(void)
{
    CHECK_EQ(pfmf(PFMF_SK | PFMF_FSC_1M | 0x20, BIG_AA), BIG_AA + 0x100000,
             "pfmf 1m set key: r2 advanced to the next frame");
    int keys_ok = 1;
    for (uint64_t a = BIG_AA; a < BIG_AA + 0x100000; a += 4096)
        keys_ok &= iske(a) == 0x20;
    CHECK(keys_ok, "pfmf 1m set key: all 256 frames");
    CHECK_EQ(iske(BIG_AA + 0x100000), 0, "pfmf 1m: the next frame's key untouched");
    memset((void *)BIG_AA, 0x77, 0x100000);
    CHECK_EQ(pfmf(PFMF_CF | PFMF_FSC_1M, BIG_AA + 0x80000), BIG_AA + 0x100000,
             "pfmf 1m clear from the middle: r2 at the frame's end");
    CHECK(all_bytes(BIG_AA + 0x80000, 0x80000, 0), "pfmf 1m clear: the rest of the frame zeroed");
    CHECK(all_bytes(BIG_AA, 0x80000, 0x77), "pfmf 1m clear: the part before r2 kept");
    pfmf(PFMF_SK | PFMF_FSC_1M, BIG_AA);
}

static void test_pfmf_exceptions(void)
{
    struct pgm_info pi;
    uint64_t f = (uint64_t)frame;
    CHECK_PGM(pfmf(PFMF_SK | 0x40000, f), PGM_SPECIFICATION, 4, "pfmf reserved bit 45: specification", &pi);
    CHECK_PGM(pfmf(PFMF_SK | 1, f), PGM_SPECIFICATION, 4, "pfmf reserved bit 63: specification", &pi);
    CHECK_PGM(pfmf(PFMF_SK | PFMF_FSC_2G, f), PGM_SPECIFICATION, 4, "pfmf 2g frame without edat-2: specification", &pi);
    CHECK_PGM(pfmf(PFMF_SK | 0x3000, f), PGM_SPECIFICATION, 4, "pfmf frame-size code 3: specification", &pi);
    CHECK_PGM(pfmf(PFMF_SK | PFMF_NQ, f), PGM_SPECIFICATION, 4, "pfmf nonquiescing without facility 14: specification", &pi);
    CHECK_PGM(pfmf(PFMF_CF, sclp_memory_size()), PGM_ADDRESSING, 4, "pfmf beyond storage: addressing", &pi);
    uint64_t saved = *(volatile uint64_t *)lc_ptr(0x100);
    ctl_set_bits(0, CR0_LOW_ADDR_PROT);
    CHECK_PGM(pfmf(PFMF_CF, 0), PGM_PROTECTION, 4, "pfmf clear of frame 0 with low-address protection", &pi);
    ctl_clear_bits(0, CR0_LOW_ADDR_PROT);
    CHECK_EQ(*(volatile uint64_t *)lc_ptr(0x100), saved, "low-address protection: frame 0 not cleared");
    pgm_expect();
    pstate_enter();
    pfmf(PFMF_SK, f);
    pstate_leave();
    test_check_pgm(&pi, PGM_PRIVILEGED_OP, 4, "pfmf in the problem state: privileged operation");
}

/* A 1M segment frame: the STE holds the frame's absolute address (FC bit on). */
static void test_large_frames(void)
{
    uint64_t asce = dat_new_space(ASCE_DT_SEGMENT), real;
    if (!asce || dat_map_image(asce) || dat_map_page(asce, VA_BIG + 0x100000, (uint64_t)frame, 0))
        guest_panic("cannot build the address space");
    uint64_t *ste = dat_ste(asce, VA_BIG + 0x100000);
    ste[-1] = BIG_AA | STE_FC;                               /* VA_BIG -> BIG_AA */
    ste[1] = (BIG_AA + 0x100000) | STE_FC | SEGMENT_ENTRY_PROTECT;
    *(volatile uint64_t *)(BIG_AA + 0x45678) = 0x4545;
    ctl_set_bits(0, CR0_EDAT);
    struct probe p, q;
    dat_enable(asce);
    probe_load(VA_BIG + 0x45678, &p);
    *(volatile uint64_t *)(VA_BIG + 0xfff00) = 0x6767;
    int cc = dat_lra(VA_BIG + 0x12345, &real);
    probe_store(VA_BIG + 0x200010, 1, &q);
    dat_disable();
    ctl_clear_bits(0, CR0_EDAT);
    CHECK(p.code == 0 && p.val == 0x4545, "1m frame: load reaches the absolute frame");
    CHECK_EQ(*(volatile uint64_t *)(BIG_AA + 0xfff00), 0x6767, "1m frame: store reaches its last page");
    CHECK(cc == 0 && real == BIG_AA + 0x12345, "1m frame: lrag gives the absolute address");
    CHECK_EQ(q.code, PGM_PROTECTION, "dat-protected 1m frame: protection");
    CHECK_EQ(q.pi.teid & ~0xfffUL, VA_BIG + 0x200000, "dat-protected 1m frame: teid page address");
    CHECK_EQ(q.pi.teid & 4, 4, "dat-protected 1m frame: teid bit 61 (dat protection)");
}

int main(void)
{
    test_pfmf_4k();
    test_pfmf_1m();
    test_pfmf_exceptions();
    test_large_frames();
    return test_summary();
}
