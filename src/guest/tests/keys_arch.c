/* Storage keys and the PSW key where QEMU 7.2 is not the oracle (zhyp only,
 * see the option line below; docs/testing.md): key-controlled protection of fetches
 * and stores with the fetch- and storage-protection overrides, TPROT with access keys,
 * IPK, SPKA and IVSK including their problem-state authority, STURA under a key, EPSW's
 * condition code, and SAC (B219) with the secondary-space control.
 * @baremetal qemu no
 */
#include "probe.h"

#define VA_X            0x40000000UL
#define CR0_EXTRACTION  0x08000000UL    /* bit 36 */
#define CR0_SECONDARY   0x04000000UL    /* bit 37 */
#define CR0_FETCH_OVR   0x02000000UL    /* bit 38 */
#define CR0_STORE_OVR   0x01000000UL    /* bit 39 */

static uint8_t frame[4096] __attribute__((aligned(4096)));
static uint8_t frame2[4096] __attribute__((aligned(4096)));

static void sske(uint64_t addr, uint8_t key)
{
    asm volatile("sske %[k],%[a]" : : [k] "d"((uint64_t)key), [a] "a"(addr) : "memory");
}

static uint8_t iske(uint64_t addr)
{
    uint64_t k = 0;
    asm volatile("iske %[k],%[a]" : [k] "+d"(k) : [a] "a"(addr));
    return (uint8_t)k;
}

/* One load (store when 'store') at addr under PSW key 'key'; the interruption code.
 * Nothing else runs under that key: the frames of the image have key 0. */
static uint16_t access_with_key(uint64_t addr, unsigned key, int store, struct pgm_info *pi)
{
    uint64_t k = (uint64_t)key << 4;
    pgm_expect();
    if (store)
        asm volatile("spka 0(%[k])\n\tmvi 0(%[a]),0x5a\n\tspka 0" : : [k] "a"(k), [a] "a"(addr) : "memory");
    else
        asm volatile("spka 0(%[k])\n\tcli 0(%[a]),0\n\tspka 0" : : [k] "a"(k), [a] "a"(addr) : "cc", "memory");
    return pgm_result(pi);
}

static void test_key_controlled_protection(void)
{
    struct pgm_info pi;
    uint64_t f = (uint64_t)frame;
    sske(f, 0x30);
    CHECK_EQ(access_with_key(f, 3, 1, &pi), 0, "key 3 stores into a key-3 frame");
    CHECK_EQ(access_with_key(f + 8, 5, 0, &pi), 0, "key 5 fetches from a key-3 frame (not fetch-protected)");
    CHECK_EQ(access_with_key(f + 16, 5, 1, &pi), PGM_PROTECTION, "key 5 stores into a key-3 frame: protection");
    CHECK_EQ(pi.ilc, 4, "protection: ilc 4");
    CHECK_EQ(pi.teid & ~0xfffUL, f, "protection: teid page address");
    CHECK_EQ(pi.teid & 4, 0, "protection: teid bit 61 zero (not dat protection)");
    CHECK_EQ(frame[16], 0, "protection: nothing stored");
    CHECK_EQ(iske(f) & 0x06, 0x06, "key-3 store set reference and change bits");

    sske(f, 0x38);
    CHECK_EQ(access_with_key(f, 5, 0, &pi), PGM_PROTECTION, "key 5 fetches from a fetch-protected frame: protection");
    CHECK_EQ(access_with_key(f, 0, 0, &pi), 0, "key 0 fetches from any frame");

    sske(f, 0x90);
    CHECK_EQ(access_with_key(f, 5, 1, &pi), PGM_PROTECTION, "key-9 frame without the override: protection");
    ctl_set_bits(0, CR0_STORE_OVR);
    CHECK_EQ(access_with_key(f, 5, 1, &pi), 0, "storage-protection override: key 5 stores into a key-9 frame");
    ctl_clear_bits(0, CR0_STORE_OVR);
    sske(f, 0);

    /* Fetch-protection override: effective addresses 0-2047 of a fetch-protected frame. */
    sske(0, 0x08);
    CHECK_EQ(access_with_key(0x100, 5, 0, &pi), PGM_PROTECTION, "fetch-protected lowcore without the override");
    ctl_set_bits(0, CR0_FETCH_OVR);
    CHECK_EQ(access_with_key(0x100, 5, 0, &pi), 0, "fetch-protection override: address 0x100 fetched");
    CHECK_EQ(access_with_key(0x900, 5, 0, &pi), PGM_PROTECTION, "fetch-protection override stops at 2048");
    ctl_clear_bits(0, CR0_FETCH_OVR);
    sske(0, 0);
}

static int tprot(uint64_t addr, unsigned key)
{
    int cc;
    asm volatile("tprot 0(%[a]),0(%[k])\n\tipm %[cc]\n\tsrl %[cc],28"
                 : [cc] "=d"(cc) : [a] "a"(addr), [k] "a"((uint64_t)key << 4) : "cc");
    return cc;
}

static void test_tprot_keys(void)
{
    uint64_t f = (uint64_t)frame;
    sske(f, 0x30);
    CHECK_EQ(tprot(f, 3), 0, "tprot matching key: cc 0");
    CHECK_EQ(tprot(f, 0), 0, "tprot key 0: cc 0");
    CHECK_EQ(tprot(f, 5), 1, "tprot other key, not fetch-protected: cc 1");
    sske(f, 0x38);
    CHECK_EQ(tprot(f, 5), 2, "tprot other key, fetch-protected: cc 2");
    CHECK_EQ(iske(f) & 0x06, 0, "tprot leaves reference and change bits alone");
    sske(f, 0x90);
    ctl_set_bits(0, CR0_STORE_OVR);
    CHECK_EQ(tprot(f, 5), 0, "tprot key-9 frame with the storage-protection override: cc 0");
    ctl_clear_bits(0, CR0_STORE_OVR);
    sske(f, 0);
}

static uint64_t ipk(void)
{
    register uint64_t r2 asm("2") = 0xffffffffffffffffUL;
    asm volatile("ipk" : "+d"(r2));
    return r2;
}

static void test_ipk_spka_authority(void)
{
    struct pgm_info pi;
    register uint64_t r2 asm("2") = 0x123456789abcdef5UL;
    asm volatile("spka 0x70\n\tipk\n\tspka 0" : "+d"(r2) : : "memory");
    CHECK_EQ(r2, 0x123456789abcde70UL, "ipk under key 7: bits 56-59 key, 60-63 zero, 0-55 kept");
    CHECK_EQ(ipk(), 0xffffffffffffff00UL, "ipk under key 0");

    uint64_t cr0 = ctl_store(0), cr3 = ctl_store(3), k = 1;
    ctl_set_bits(0, CR0_EXTRACTION);
    ctl_load(3, 0xc0000000UL);                    /* keys 0 and 1 */
    pgm_expect();
    pstate_enter();
    asm volatile("spka 0x10\n\tipk\n\tlgr %[k],%%r2\n\tspka 0" : [k] "=d"(k) : : "r2", "memory");
    pstate_leave();
    CHECK_EQ(pgm_result(0), 0, "problem state with authority: spka 0x10, ipk, spka 0 run");
    CHECK_EQ(k & 0xff, 0x10, "ipk in the problem state sees key 1");
    ctl_clear_bits(0, CR0_EXTRACTION);
    pgm_expect();
    pstate_enter();
    ipk();
    pstate_leave();
    test_check_pgm(&pi, PGM_PRIVILEGED_OP, 4, "ipk without extraction authority: privileged operation");
    ctl_load(0, cr0);
    ctl_load(3, cr3);
}

static uint64_t ivsk(uint64_t va)
{
    uint64_t k = 0xffffffffffffff07UL;
    asm volatile("ivsk %[k],%[a]" : [k] "+d"(k) : [a] "a"(va));
    return k;
}

static void test_ivsk(void)
{
    struct pgm_info pi;
    uint64_t asce = dat_new_space(ASCE_DT_SEGMENT);
    if (!asce || dat_map_image(asce) || dat_map_page(asce, VA_X, (uint64_t)frame2, 0))
        guest_panic("cannot build the address space");
    sske((uint64_t)frame2, 0x3e);
    dat_enable(asce);
    uint64_t k = ivsk(VA_X + 0x10);
    struct probe p;
    pgm_expect();
    uint64_t at;
    asm volatile("larl %[at],0f\n0:\tivsk %%r1,%[a]" : [at] "=&a"(at) : [a] "a"(0x50000000UL) : "r1");
    p.code = pgm_result(&p.pi);
    p.at = at;
    dat_disable();
    CHECK_EQ(k, 0xffffffffffffff38UL, "ivsk: access-control and fetch bits, bits 0-55 kept");
    CHECK_EQ(p.code, PGM_SEGMENT_TRANS, "ivsk of an address without a segment: segment translation");
    CHECK_EQ(p.pi.old_addr, at, "ivsk segment translation: nullified");
    CHECK_PGM(ivsk((uint64_t)frame2), PGM_SPECIAL_OP, 4, "ivsk with dat off: special operation", &pi);

    dat_enable(asce);
    ctl_clear_bits(0, CR0_EXTRACTION);
    pgm_expect();
    pstate_enter();
    ivsk(VA_X);
    pstate_leave();
    dat_disable();
    test_check_pgm(&pi, PGM_PRIVILEGED_OP, 4, "ivsk in the problem state without authority: privileged operation");
    sske((uint64_t)frame2, 0);
}

static void test_stura_key(void)
{
    struct pgm_info pi;
    uint64_t f = (uint64_t)frame;
    sske(f, 0x30);
    pgm_expect();
    asm volatile("spka 0x50\n\tstura %[v],%[a]\n\tspka 0" : : [v] "d"(1UL), [a] "a"(f) : "memory");
    test_check_pgm(&pi, PGM_PROTECTION, 4, "stura under key 5 into a key-3 frame: protection");
    sske(f, 0);
}

static void test_epsw_cc(void)
{
    uint64_t r1;
    asm volatile("cr %[a],%[b]\n\tepsw %[r1],0" : [r1] "=d"(r1) : [a] "d"(1), [b] "d"(2) : "cc");
    CHECK_EQ(r1 & 0x3000, 0x1000, "epsw includes the condition code (cc 1)");
}

static void test_sac(void)
{
    struct pgm_info pi;
    uint64_t asce = dat_new_space(ASCE_DT_SEGMENT), sec = dat_new_space(ASCE_DT_SEGMENT);
    if (!asce || !sec || dat_map_image(asce) || dat_map_image(sec) ||
        dat_map_page(asce, VA_X, (uint64_t)frame, 0) || dat_map_page(sec, VA_X, (uint64_t)frame2, 0))
        guest_panic("cannot build the address spaces");
    *(volatile uint64_t *)frame = 1;
    *(volatile uint64_t *)frame2 = 2;
    ctl_set_bits(0, CR0_SECONDARY);
    dat_enable(asce);
    ctl_load(7, sec);
    uint64_t v1, v2, mask;
    asm volatile("sac 0x100\n\tlg %[v1],0(%[x])\n\tepsw %[m],0\n\tsac 0\n\tlg %[v2],0(%[x])"
                 : [v1] "=&d"(v1), [v2] "=&d"(v2), [m] "=&d"(mask) : [x] "a"(VA_X) : "memory");
    dat_disable();
    CHECK(v1 == 2 && ((mask >> 14) & 3) == 2, "sac secondary: secondary space, asc 10");
    CHECK_EQ(v2, 1, "sac primary: primary space again");
    ctl_clear_bits(0, CR0_SECONDARY);
    dat_enable(asce);
    CHECK_PGM(asm volatile("sac 0x100" : : : "memory"), PGM_SPECIAL_OP, 4,
              "sac with the secondary-space control off: special operation", &pi);
    CHECK_PGM(asm volatile("sacf 0x000" : : : "memory"), PGM_SPECIAL_OP, 4,
              "sacf with the secondary-space control off: special operation", &pi);
    dat_disable();
}

int main(void)
{
    test_key_controlled_protection();
    test_tprot_keys();
    test_ipk_spka_authority();
    test_ivsk();
    test_stura_key();
    test_epsw_cc();
    test_sac();
    return test_summary();
}
