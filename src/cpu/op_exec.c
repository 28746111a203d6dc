/* Execution control and status (PoP ch.7, ch.10): EXECUTE, EXECUTE RELATIVE LONG and
 * SUPERVISOR CALL, then the unprivileged status instructions.
 * An EXECUTE target runs through the normal dispatch with c->ia set to the target's
 * address (relative operands are relative to the target) while c->psw.addr stays after
 * the EX, so links, SVC old PSWs and "completed" interruptions continue after the EX.
 * The run loop reports the EX's own length as the ILC of anything the target raises. */
#include <time.h>

#include "insn.h"

/* One halfword of the target by instruction fetch: the run loop's cached page when it
 * holds the address, else a fresh translation (the data TLB is left alone). Halfwords
 * are aligned, so none crosses a page. */
static int ex_fetch_half(struct cpu *c, uint64_t va, uint16_t *out)
{
    const uint8_t *page = c->fetch_hva;
    if ((va & ~PAGE_MASK_LOW) != c->fetch_va) {
        uint8_t *p;
        bool writable;
        int pgm = c->mops->translate(c, va & ~PAGE_MASK_LOW, ACC_IFETCH, &p, &writable);
        if (pgm)
            return pgm;
        page = p;
    }
    *out = ld_be16(page + (va & PAGE_MASK_LOW));
    return 0;
}

/* Fetch the target at va, left-aligned in *iw with the bytes past its length zero. */
static int ex_fetch(struct cpu *c, uint64_t va, uint64_t *iw)
{
    uint64_t w = 0;
    unsigned len = 2;
    for (unsigned off = 0; off < len; off += 2) {
        uint16_t h;
        int pgm = ex_fetch_half(c, (va + off) & c->amask, &h);
        if (pgm)
            return pgm;
        if (off == 0)
            len = ilen_of(h >> 8);
        w |= (uint64_t)h << (48 - 8 * off);
    }
    *iw = w;
    return 0;
}

/* The common part of EX and EXRL: 'ex_len' is the executing instruction's length. */
static int execute_at(struct cpu *c, uint64_t va, unsigned r1, unsigned ex_len)
{
    uint64_t iw;
    if (va & 1)
        return PGM_SPECIFICATION;
    int pgm = ex_fetch(c, va, &iw);
    if (pgm)
        return pgm;
    if (r1)
        iw |= (c->gr[r1] & 0xff) << 48;         /* OR into bits 8-15 of the target */
    const struct dispatch *d = insn_lookup(c, iw);
    if (d->flags & I_NOEX)
        return PGM_EXECUTE;
    uint64_t ex_ia = c->ia;
    c->ia = va;
    c->ilen = (uint16_t)ex_len;                 /* for the 24-bit BAL link (op_branch.c) */
    c->ex_len = (uint8_t)ex_len;
    int rc = insn_execute(c, d, iw);
    c->ex_len = 0;
    c->ia = ex_ia;
    if (rc == RC_SVC)
        c->ilen = (uint16_t)ex_len;             /* the SVC interruption's ILC is the EX's */
    return rc;
}

/* 44   EX    - Execute                                    [RX-a] */
int op_ex(struct cpu *c, uint64_t iw)
{
    return execute_at(c, ea_rx(c, iw), iw_r1(iw), 4);
}

/* C60  EXRL  - Execute Relative Long                      [RIL-b] */
int op_exrl(struct cpu *c, uint64_t iw)
{
    return execute_at(c, rel_target(c, sext32(iw_i32(iw))), iw_r1(iw), 6);
}

/* 0A   SVC   - Supervisor Call                            [I] */
int op_svc(struct cpu *c, uint64_t iw)
{
    c->svc_code = (uint16_t)iw_i8(iw);
    c->ilen = 2;
    return RC_SVC;
}

/* ---- Status: program mask and condition code, addressing mode, EXTRACT PSW, the
 * facility list, the TOD clock and the cache attributes. */

/* B222 IPM   - Insert Program Mask                        [RRE]
 * Bits 32-39 of R1 become 00, CC, program mask; the rest is unchanged. */
int op_ipm(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_rre_r1(iw);
    uint64_t byte = (uint64_t)(c->cc << 4 | psw_pm(c)) << 24;
    c->gr[r1] = (c->gr[r1] & ~0xff000000ULL) | byte;
    return 0;
}

/* 04   SPM   - Set Program Mask                           [RR]
 * CC from bits 34-35 of R1, program mask from bits 36-39; the rest is ignored. */
int op_spm(struct cpu *c, uint64_t iw)
{
    uint32_t v = (uint32_t)c->gr[iw_r1(iw)];
    c->cc = (v >> 28) & 3;
    c->psw.mask = (c->psw.mask & ~PSW_MASK_PM) | (uint64_t)((v >> 24) & 0xf) << PSW_SHIFT_PM;
    return 0;
}

/* Switch the addressing mode; the updated instruction address must fit the new mode. */
static int set_amode(struct cpu *c, uint64_t amask, uint64_t ea_ba)
{
    if (c->psw.addr & ~amask)
        return PGM_SPECIFICATION;
    uint64_t mask = (cpu_psw_mask(c) & ~(PSW_MASK_EA | PSW_MASK_BA)) | ea_ba;
    cpu_set_psw(c, mask, c->psw.addr);
    return 0;
}

/* 010C SAM24 - Set Addressing Mode 24                     [E] */
int op_sam24(struct cpu *c, uint64_t iw)
{
    (void)iw;
    return set_amode(c, 0xffffffULL, 0);
}

/* 010D SAM31 - Set Addressing Mode 31                     [E] */
int op_sam31(struct cpu *c, uint64_t iw)
{
    (void)iw;
    return set_amode(c, 0x7fffffffULL, PSW_MASK_BA);
}

/* 010E SAM64 - Set Addressing Mode 64                     [E] */
int op_sam64(struct cpu *c, uint64_t iw)
{
    (void)iw;
    return set_amode(c, ~0ULL, PSW_MASK_EA | PSW_MASK_BA);
}

/* 010B TAM   - Test Addressing Mode                       [E]  CC 0: 24, 1: 31, 3: 64 */
int op_tam(struct cpu *c, uint64_t iw)
{
    (void)iw;
    c->cc = c->amask == ~0ULL ? 3 : c->amask == 0x7fffffffULL ? 1 : 0;
    return 0;
}

/* B98D EPSW  - Extract PSW                                [RRE]
 * PSW bits 0-31 into bits 32-63 of R1; bits 32-63 into R2 unless R2 is 0. */
int op_epsw(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_rre_r1(iw), r2 = iw_rre_r2(iw);
    uint64_t mask = cpu_psw_mask(c);
    set_low32(c, r1, (uint32_t)(mask >> 32));
    if (r2)
        set_low32(c, r2, (uint32_t)mask);
    return 0;
}

/* Doublewords the facility list needs: up to its last nonzero one, at least one. */
static unsigned fac_doublewords(const uint8_t *fac)
{
    unsigned n = 4;
    while (n > 1 && !memcmp(fac + (n - 1) * 8, "\0\0\0\0\0\0\0\0", 8))
        n--;
    return n;
}

/* B2B0 STFLE - Store Facility List Extended               [S]
 * GR0 bits 56-63 + 1 doublewords are available; the smaller of that and the list's
 * size is stored, GR0 bits 56-63 get the list's size - 1; CC 3 if it did not fit. */
int op_stfle(struct cpu *c, uint64_t iw)
{
    uint64_t ea = ea_rs(c, iw);
    if (ea & 7)
        return PGM_SPECIFICATION;
    unsigned have = fac_doublewords(c->fac), room = (unsigned)(c->gr[0] & 0xff) + 1;
    int pgm = mem_write_slow(c, ea, c->fac, 8 * (room < have ? room : have));
    if (pgm)
        return pgm;
    c->gr[0] = (c->gr[0] & ~0xffULL) | (have - 1);
    c->cc = room >= have ? 0 : 3;
    return 0;
}

/* The TOD clock (bit 51 = 1 microsecond, epoch 1900) from the host's real-time clock.
 * Values are unique and increasing across all CPUs, as the PoP requires of STCK. */
#define TOD_UNIX_EPOCH 0x7d91048bca000000ULL

static uint64_t tod_now(void)
{
    static uint64_t last;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint64_t ns = (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
    uint64_t tod = TOD_UNIX_EPOCH + ((ns / 1000) << 12) + (ns % 1000) * 4096 / 1000;
    uint64_t prev = __atomic_load_n(&last, __ATOMIC_RELAXED);
    do {
        if (tod <= prev)
            tod = prev + 1;
    } while (!__atomic_compare_exchange_n(&last, &prev, tod, false, __ATOMIC_RELAXED,
                                          __ATOMIC_RELAXED));
    return tod;
}

/* The TOD clock: the machine's virtual clock in system mode, the host's in user mode. */
static uint64_t tod_of(const struct cpu *c)
{
    return c->sys ? c->sys->tod(c) : tod_now();
}

/* B205 STCK  - Store Clock                                [S]
 * B27C STCKF - Store Clock Fast                           [S]  (CC 0: clock set) */
int op_stck(struct cpu *c, uint64_t iw)
{
    int pgm = mem_write64_va(c, ea_rs(c, iw), tod_of(c));
    if (pgm)
        return pgm;
    c->cc = 0;
    return 0;
}

/* B278 STCKE - Store Clock Extended                       [S]
 * 16 bytes: epoch index 0, the 64-bit TOD, 40 zero bits below it, programmable field 0. */
int op_stcke(struct cpu *c, uint64_t iw)
{
    uint8_t b[16] = { 0 };
    st_be64(b + 1, tod_of(c));
    int pgm = mem_write_slow(c, ea_rs(c, iw), b, sizeof(b));
    if (pgm)
        return pgm;
    c->cc = 0;
    return 0;
}

/* zEC12 caches per level: L1 and L2 private and split, L3 and L4 shared and unified;
 * 256-byte lines. [level][0] = data or unified, [level][1] = instruction. */
static const struct { uint64_t size; uint32_t assoc; } ecag_cache[4][2] = {
    { { 96 << 10, 6 }, { 64 << 10, 4 } },
    { { 1 << 20, 8 }, { 1 << 20, 8 } },
    { { 48ULL << 20, 12 }, { 0, 0 } },
    { { 384ULL << 20, 24 }, { 0, 0 } },
};
/* Topology summary: a byte per level, scope in bits 4-5 (1 private, 2 shared) and
 * type in bits 6-7 (0 separate, 3 unified). */
#define ECAG_TOPOLOGY 0x04040b0b00000000ULL

/* EB4C ECAG  - Extract CPU Attribute                      [RSY-a]
 * The operand address (not storage) selects: bits 56-59 attribute, 60-62 level,
 * 63 type (0 data/unified, 1 instruction). Unknown requests give all ones. */
int op_ecag(struct cpu *c, uint64_t iw)
{
    unsigned sel = (unsigned)(ea_rsy(c, iw) & 0xff);
    unsigned ai = sel >> 4, li = (sel >> 1) & 7, ti = sel & 1;
    uint64_t v = ~0ULL;
    if (ai == 0) {
        v = ECAG_TOPOLOGY;
    } else if (ai <= 3 && li < 4 && (ti == 0 || li < 2)) {
        v = ai == 1 ? 256 : ai == 2 ? ecag_cache[li][ti].size : ecag_cache[li][ti].assoc;
    }
    c->gr[iw_r1(iw)] = v;
    return 0;
}
