/* Privileged control instructions (PoP ch.10; zarch.md §1.3, §2, §9-10). Handlers that
 * change the PSW masks or control registers return RC_EXIT, so that the machine loop
 * delivers what became deliverable before the next instruction and recomputes the next
 * timer event for the new masks. */
#include "insn.h"

/* A loaded PSW that the architecture calls invalid: recognised after loading (early
 * exception, ILC 0), zarch.md §1.1. */
bool cpu_psw_invalid(uint64_t mask, uint64_t addr)
{
    if (mask & PSW_MASK_RESERVED)
        return true;
    if ((mask & PSW_MASK_EA) && !(mask & PSW_MASK_BA))
        return true;
    if (!(mask & PSW_MASK_EA) && addr > ((mask & PSW_MASK_BA) ? 0x7fffffffULL : 0xffffffULL))
        return true;
    return addr & 1;
}

static int load_psw(struct cpu *c, uint64_t mask, uint64_t addr)
{
    cpu_set_psw(c, mask, addr);
    if (cpu_psw_invalid(mask, addr))
        return PGM_SPECIFICATION | PGM_EARLY;
    return RC_EXIT;
}

/* 82   LPSW  - Load PSW (ESA/390 short format)             [S] */
int op_lpsw(struct cpu *c, uint64_t iw)
{
    uint64_t ea = ea_rs(c, iw), v;
    if (ea & 7)
        return PGM_SPECIFICATION;
    int pgm = mem_read64_va(c, ea, &v);
    if (pgm)
        return pgm;
    uint32_t w0 = (uint32_t)(v >> 32), w1 = (uint32_t)v;
    if (!(w0 & 0x00080000))
        return PGM_SPECIFICATION;
    uint64_t mask = ((uint64_t)(w0 & ~0x00080000u) << 32) | (w1 & 0x80000000u);
    return load_psw(c, mask, w1 & 0x7fffffffu);
}

/* B2B2 LPSWE - Load PSW Extended                           [S] */
int op_lpswe(struct cpu *c, uint64_t iw)
{
    uint64_t ea = ea_rs(c, iw), mask, addr;
    if (ea & 7)
        return PGM_SPECIFICATION;
    int pgm = mem_read128_va(c, ea, &mask, &addr);
    return pgm ? pgm : load_psw(c, mask, addr);
}

/* Replace PSW bits 0-7 (the system mask). */
static int set_system_mask(struct cpu *c, uint8_t sm)
{
    uint64_t mask = (cpu_psw_mask(c) & ~0xff00000000000000ULL) | ((uint64_t)sm << 56);
    return load_psw(c, mask, c->psw.addr);
}

/* 80   SSM   - Set System Mask                             [SI] */
int op_ssm(struct cpu *c, uint64_t iw)
{
    uint8_t sm;
    int pgm = mem_read8_va(c, ea_rs(c, iw), &sm);
    return pgm ? pgm : set_system_mask(c, sm);
}

/* AD   STOSM - Store Then Or System Mask                   [SI]
 * AC   STNSM - Store Then And System Mask                  [SI] */
static int store_then_mask(struct cpu *c, uint64_t iw, bool or_mask)
{
    uint8_t old = (uint8_t)(c->psw.mask >> 56), i2 = (uint8_t)iw_i8(iw);
    int pgm = mem_write8_va(c, ea_rs(c, iw), old);
    if (pgm)
        return pgm;
    return set_system_mask(c, or_mask ? (uint8_t)(old | i2) : (uint8_t)(old & i2));
}
int op_stosm(struct cpu *c, uint64_t iw) { return store_then_mask(c, iw, true); }
int op_stnsm(struct cpu *c, uint64_t iw) { return store_then_mask(c, iw, false); }

/* The control registers a TLB entry depends on: CR0 (protection and DAT controls) and the
 * primary, secondary and home ASCEs. */
static bool xlate_crs_differ(const uint64_t *a, const uint64_t *b)
{
    return a[0] != b[0] || a[1] != b[1] || a[7] != b[7] || a[13] != b[13];
}

/* Load or store control registers R1 through R3 (wrapping), 4 or 8 bytes each.
 * Loading flushes the TLB only when CR0, CR1, CR7 or CR13 change value. */
static int ctl_regs(struct cpu *c, uint64_t iw, uint64_t ea, unsigned size, bool load)
{
    unsigned r1 = iw_r1(iw), r3 = iw_r2(iw), n = ((r3 - r1) & 15) + 1;
    uint8_t buf[128];
    if (ea & (size - 1))
        return PGM_SPECIFICATION;
    if (load) {
        uint64_t before[16];
        int pgm = mem_read_slow(c, ea, buf, n * size);
        if (pgm)
            return pgm;
        memcpy(before, c->cr, sizeof(before));
        for (unsigned i = 0; i < n; i++) {
            unsigned r = (r1 + i) & 15;
            c->cr[r] = size == 8 ? ld_be64(buf + 8 * i)
                                 : (c->cr[r] & 0xffffffff00000000ULL) | ld_be32(buf + 4 * i);
        }
        if (xlate_crs_differ(before, c->cr))
            cpu_tlb_flush(c);
        return RC_EXIT;
    }
    for (unsigned i = 0; i < n; i++) {
        unsigned r = (r1 + i) & 15;
        if (size == 8)
            st_be64(buf + 8 * i, c->cr[r]);
        else
            st_be32(buf + 4 * i, (uint32_t)c->cr[r]);
    }
    return mem_write_slow(c, ea, buf, n * size);
}

/* B7   LCTL  - Load Control                                [RS-a]
 * EB2F LCTLG - Load Control (64)                           [RSY-a]
 * B6   STCTL - Store Control                               [RS-a]
 * EB25 STCTG - Store Control (64)                          [RSY-a] */
int op_lctl(struct cpu *c, uint64_t iw) { return ctl_regs(c, iw, ea_rs(c, iw), 4, true); }
int op_lctlg(struct cpu *c, uint64_t iw) { return ctl_regs(c, iw, ea_rsy(c, iw), 8, true); }
int op_stctl(struct cpu *c, uint64_t iw) { return ctl_regs(c, iw, ea_rs(c, iw), 4, false); }
int op_stctg(struct cpu *c, uint64_t iw) { return ctl_regs(c, iw, ea_rsy(c, iw), 8, false); }

/* B210 SPX   - Set Prefix                                  [S] */
int op_spx(struct cpu *c, uint64_t iw)
{
    uint64_t ea = ea_rs(c, iw);
    uint32_t v;
    uint8_t *page;
    bool writable;
    if (ea & 3)
        return PGM_SPECIFICATION;
    int pgm = mem_read32_va(c, ea, &v);
    if (pgm)
        return pgm;
    uint32_t prefix = v & 0x7fffe000u, saved = c->prefix;
    /* The new prefix area must exist: probe it as real addresses under the new prefix. */
    c->prefix = prefix;
    uint64_t saved_mask = c->psw.mask;
    c->psw.mask &= ~PSW_MASK_DAT;
    pgm = c->mops->translate(c, 0, ACC_FETCH, &page, &writable);
    c->psw.mask = saved_mask;
    if (pgm) {
        c->prefix = saved;
        return PGM_ADDRESSING;
    }
    cpu_tlb_flush(c);
    return 0;
}

/* B211 STPX  - Store Prefix                                [S] */
int op_stpx(struct cpu *c, uint64_t iw)
{
    uint64_t ea = ea_rs(c, iw);
    return (ea & 3) ? PGM_SPECIFICATION : mem_write32_va(c, ea, c->prefix);
}

/* B212 STAP  - Store CPU Address                           [S] */
int op_stap(struct cpu *c, uint64_t iw)
{
    uint64_t ea = ea_rs(c, iw);
    return (ea & 1) ? PGM_SPECIFICATION : mem_write16_va(c, ea, (uint16_t)c->cpu_addr);
}

/* B202 STIDP - Store CPU ID                                [S]
 * Version 0, the CPU address in the identification, machine type 2827 (zEC12),
 * format-1 CPU ID (bit 48). */
int op_stidp(struct cpu *c, uint64_t iw)
{
    uint64_t ea = ea_rs(c, iw);
    uint64_t id = ((uint64_t)(c->cpu_addr & 0xff) << 48) | (0x2827ULL << 16) | 0x8000;
    return (ea & 7) ? PGM_SPECIFICATION : mem_write64_va(c, ea, id);
}

/* B2B1 STFL  - Store Facility List: bits 0-31 into the lowcore at 0xC8. */
int op_stfl(struct cpu *c, uint64_t iw)
{
    (void)iw;
    uint8_t *lc = c->mops->lowcore ? c->mops->lowcore(c) : NULL;
    if (!lc)
        return PGM_OPERATION;
    memcpy(lc + 0xc8, c->fac, 4);
    return 0;
}

/* B20D PTLB  - Purge TLB                                   [S] */
int op_ptlb(struct cpu *c, uint64_t iw)
{
    (void)iw;
    cpu_tlb_flush(c);
    return 0;
}

/* B220 SERVC - Service Call                                [RRE] */
int op_servc(struct cpu *c, uint64_t iw)
{
    if (!c->sys)
        return PGM_OPERATION;
    int pgm = c->sys->servc(c, (uint32_t)c->gr[iw_rre_r1(iw)], c->gr[iw_rre_r2(iw)]);
    return pgm ? pgm : RC_EXIT;           /* the completion may be deliverable now */
}

/* AE   SIGP  - Signal Processor                            [RS-a]
 * Order code in bits 56-63 of the second-operand address, CPU address in R3,
 * parameter in R1+1 (or R1 when odd); status to R1 bits 32-63 with CC 1. */
int op_sigp(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_r1(iw), r3 = iw_r2(iw);
    unsigned order = (unsigned)(ea_rs(c, iw) & 0xff);
    uint32_t status = 0;
    if (!c->sys)
        return PGM_OPERATION;
    int pgm = c->sys->sigp(c, order, (unsigned)(c->gr[r3] & 0xffff), c->gr[r1 | 1], &status);
    if (pgm)
        return pgm;
    if (c->cc == 1)
        set_low32(c, r1, status);
    return c->stopped || c->ext_pending ? RC_EXIT : 0;
}

/* The doubleword operand of the timing instructions (doubleword aligned). */
static int timing_operand(struct cpu *c, uint64_t iw, uint64_t *ea)
{
    *ea = ea_rs(c, iw);
    if (*ea & 7)
        return PGM_SPECIFICATION;
    return c->sys ? 0 : PGM_OPERATION;
}

/* B204 SCK   - Set Clock                                   [S]  (CC 0: clock set) */
int op_sck(struct cpu *c, uint64_t iw)
{
    uint64_t ea, v;
    int pgm = timing_operand(c, iw, &ea);
    if (!pgm)
        pgm = mem_read64_va(c, ea, &v);
    if (pgm)
        return pgm;
    c->sys->set_tod(c, v);
    c->cc = 0;
    return RC_EXIT;                       /* timer events move with the clock */
}

/* B206 SCKC  - Set Clock Comparator                        [S] */
int op_sckc(struct cpu *c, uint64_t iw)
{
    uint64_t ea, v;
    int pgm = timing_operand(c, iw, &ea);
    if (!pgm)
        pgm = mem_read64_va(c, ea, &v);
    if (pgm)
        return pgm;
    c->ckc = v;
    return RC_EXIT;                       /* the machine recomputes the next timer event */
}

/* B207 STCKC - Store Clock Comparator                      [S] */
int op_stckc(struct cpu *c, uint64_t iw)
{
    uint64_t ea;
    int pgm = timing_operand(c, iw, &ea);
    return pgm ? pgm : mem_write64_va(c, ea, c->ckc);
}

/* B208 SPT   - Set CPU Timer                               [S] */
int op_spt(struct cpu *c, uint64_t iw)
{
    uint64_t ea, v;
    int pgm = timing_operand(c, iw, &ea);
    if (!pgm)
        pgm = mem_read64_va(c, ea, &v);
    if (pgm)
        return pgm;
    c->sys->set_cpu_timer(c, (int64_t)v);
    return RC_EXIT;
}

/* B209 STPT  - Store CPU Timer                             [S] */
int op_stpt(struct cpu *c, uint64_t iw)
{
    uint64_t ea;
    int pgm = timing_operand(c, iw, &ea);
    return pgm ? pgm : mem_write64_va(c, ea, (uint64_t)c->sys->cpu_timer(c));
}

/* The key of the frame at the real address in R2 (wrapped to the addressing mode). */
static int frame_key(struct cpu *c, uint64_t iw, uint8_t **key)
{
    if (!c->sys || !c->sys->skey)
        return PGM_OPERATION;
    *key = c->sys->skey(c, c->gr[iw_rre_r2(iw)] & c->amask);
    return *key ? 0 : PGM_ADDRESSING;
}

/* B229 ISKE  - Insert Storage Key Extended                 [RRE]
 * R1 bits 56-62 get the key (bit 63 zero); bits 0-55 are unchanged. */
int op_iske(struct cpu *c, uint64_t iw)
{
    uint8_t *key;
    int pgm = frame_key(c, iw, &key);
    if (pgm)
        return pgm;
    unsigned r1 = iw_rre_r1(iw);
    c->gr[r1] = (c->gr[r1] & ~0xffULL) | (*key & 0xfe);
    return 0;
}

/* B22B SSKE  - Set Storage Key Extended                    [RRF-c]
 * The key becomes R1 bits 56-62. The M3 options need facilities 8, 10 and 14, which are
 * not installed, so M3 is ignored. */
int op_sske(struct cpu *c, uint64_t iw)
{
    uint8_t *key;
    int pgm = frame_key(c, iw, &key);
    if (pgm)
        return pgm;
    *key = (uint8_t)(c->gr[iw_rre_r1(iw)] & 0xfe);
    c->sys->tlb_flush_frame(c, c->gr[iw_rre_r2(iw)] & c->amask);   /* refills check the new key */
    return 0;
}

/* B22A RRBE  - Reset Reference Bit Extended                [RRE]
 * CC from the old reference and change bits: 0 = 00, 1 = 01, 2 = 10, 3 = 11. */
int op_rrbe(struct cpu *c, uint64_t iw)
{
    uint8_t *key;
    int pgm = frame_key(c, iw, &key);
    if (pgm)
        return pgm;
    c->cc = (unsigned)((*key >> 1) & 3);
    *key &= (uint8_t)~0x04;
    c->sys->tlb_flush_frame(c, c->gr[iw_rre_r2(iw)] & c->amask);   /* the next reference sets R */
    return 0;
}

/* B22C TB    - Test Block                                  [RRE]
 * Clears the 4K frame at the real address in R2; CC 0: the frame is usable. */
int op_tb(struct cpu *c, uint64_t iw)
{
    uint8_t *key, *page;
    bool writable;
    int pgm = frame_key(c, iw, &key);
    if (pgm)
        return pgm;
    uint64_t saved = c->psw.mask;
    c->psw.mask &= ~(PSW_MASK_DAT | PSW_MASK_KEY);   /* a real address, no key protection */
    pgm = c->mops->translate(c, (c->gr[iw_rre_r2(iw)] & c->amask) & ~PAGE_MASK_LOW, ACC_FETCH, &page, &writable);
    c->psw.mask = saved;
    if (pgm)
        return PGM_ADDRESSING;
    icache_host_write(c->icache, page, PAGE_SIZE_4K);
    memset(page, 0, PAGE_SIZE_4K);
    c->cc = 0;
    return 0;
}

/* 83   DIAG  - Diagnose                                    [RS-a]
 * The code is bits 48-63 of the second-operand address. On the bare machine X'44'
 * (time-slice end) and X'9C' (directed yield) do nothing, X'308' (IPL functions) goes
 * to the machine; every other code is a specification exception until the hypervisor
 * (under SIE) claims it. */
int op_diag(struct cpu *c, uint64_t iw)
{
    switch (ea_rs(c, iw) & 0xffff) {
    case 0x44: case 0x9c:
        return 0;
    case 0x308: {                         /* IPL functions: the machine's (may reset CPUs) */
        int pgm = c->sys && c->sys->diag308 ? c->sys->diag308(c, iw_r1(iw), iw_r2(iw)) : PGM_SPECIFICATION;
        return pgm ? pgm : RC_EXIT;
    }
    default:
        return PGM_SPECIFICATION;
    }
}

/* Shared by LRA/LRAY/LRAG: the machine's translation of the second-operand address. */
static int load_real(struct cpu *c, uint64_t ea, uint64_t *result)
{
    unsigned cc;
    if (!c->sys || !c->sys->lra)
        return PGM_OPERATION;
    int pgm = c->sys->lra(c, ea, result, &cc);
    if (!pgm)
        c->cc = cc;
    return pgm;
}

/* B1   LRA   - Load Real Address                          [RX-a]
 * E313 LRAY  - Load Real Address                          [RXY-a]
 * In the 24- and 31-bit modes the result goes to bits 32-63 and must fit in 31 bits
 * (special-operation exception otherwise); in the 64-bit mode to the whole register. */
int op_lra(struct cpu *c, uint64_t iw)
{
    uint64_t ea = (iw >> 56) == 0xb1 ? ea_rx(c, iw) : ea_rxy(c, iw), result;
    int pgm = load_real(c, ea, &result);
    if (pgm)
        return pgm;
    if (c->amask == ~0ULL) {
        c->gr[iw_r1(iw)] = result;
    } else {
        if (c->cc == 0 && result > 0x7fffffffULL)
            return PGM_SPECIAL_OP;
        set_low32(c, iw_r1(iw), (uint32_t)result);
    }
    return 0;
}

/* E303 LRAG  - Load Real Address (64)                     [RXY-a] */
int op_lrag(struct cpu *c, uint64_t iw)
{
    uint64_t result;
    int pgm = load_real(c, ea_rxy(c, iw), &result);
    if (!pgm)
        c->gr[iw_r1(iw)] = result;
    return pgm;
}

/* B221 IPTE  - Invalidate Page Table Entry                [RRF-a]
 * R1 = page-table origin, R2 = the virtual address whose page index selects the entry.
 * IPTE-range and local clearing (facilities 13, 51) are not installed: R3 and M4 are
 * ignored. Every CPU's TLB loses the translations that can have come from the entry:
 * those of virtual pages with its page index, which share one TLB slot. */
int op_ipte(struct cpu *c, uint64_t iw)
{
    if (!c->sys || !c->sys->ipte)
        return PGM_OPERATION;
    uint64_t va = c->gr[iw_rre_r2(iw)];
    int pgm = c->sys->ipte(c, c->gr[iw_rre_r1(iw)], va);
    if (pgm)
        return pgm;
    c->sys->tlb_flush_page_index(c, (unsigned)(va >> 12) & 0xff);
    return 0;
}

/* B98E IDTE  - Invalidate DAT Table Entry                 [RRF-b]
 * R1: table origin and designation type of the table whose entries are invalidated;
 * R2: the invalidation index in the address position of that table's level, bit 52
 * (clearing only: no entry is invalidated) and in bits 53-63 the number of additional
 * entries; bits 44-51 must be zero. R3 (the ASCE for selective clearing) and M4 (local
 * clearing, facility 51) are not needed. Every CPU's TLB loses the translations of
 * addresses whose index at that level is in the range, whatever the upper bits: a table
 * may hang under several entries of the level above. */
int op_idte(struct cpu *c, uint64_t iw)
{
    static const unsigned index_shift[4] = { 20, 31, 42, 53 };   /* by DT: ST, R3T, R2T, R1T */
    uint64_t r1v = c->gr[iw_rre_r1(iw)], r2v = c->gr[iw_rre_r2(iw)];
    if (!c->sys || !c->sys->idte)
        return PGM_OPERATION;
    if (r2v & 0xff000)
        return PGM_SPECIFICATION;
    unsigned shift = index_shift[(r1v >> 2) & 3];
    unsigned index = (unsigned)(r2v >> shift) & 0x7ff, count = (unsigned)(r2v & 0x7ff) + 1;
    if (!(r2v & 0x800)) {
        int pgm = c->sys->idte(c, r1v & ~PAGE_MASK_LOW, index, count);
        if (pgm)
            return pgm;
    }
    c->sys->tlb_flush_index_range(c, shift, index, count);
    return 0;
}

/* E501 TPROT - Test Protection                            [SSE]
 * Operand 1 is the logical address tested, bits 56-59 of the operand-2 address the
 * access key. CC 0 fetch and store allowed, 1 fetch only, 2 neither, 3 not translatable. */
int op_tprot(struct cpu *c, uint64_t iw)
{
    unsigned cc;
    if (!c->sys || !c->sys->tprot)
        return PGM_OPERATION;
    int pgm = c->sys->tprot(c, ea_rs(c, iw), (unsigned)(ea_ss2(c, iw) >> 4) & 0xf, &cc);
    if (!pgm)
        c->cc = cc;
    return pgm;
}

/* The aligned real address in R2 of LURA/STURA and friends (wrapped to the mode). */
static int real_operand(struct cpu *c, uint64_t iw, unsigned size, uint64_t *ra)
{
    if (!c->sys || !c->sys->real_access)
        return PGM_OPERATION;
    *ra = c->gr[iw_rre_r2(iw)] & c->amask;
    return (*ra & (size - 1)) ? PGM_SPECIFICATION : 0;
}

/* B24B LURA  - Load Using Real Address (32)               [RRE]
 * B905 LURAG - Load Using Real Address (64)               [RRE] */
static int load_real_operand(struct cpu *c, uint64_t iw, unsigned size)
{
    uint64_t ra;
    uint8_t b[8];
    int pgm = real_operand(c, iw, size, &ra);
    if (!pgm)
        pgm = c->sys->real_access(c, ra, b, size, ACC_FETCH);
    if (pgm)
        return pgm;
    if (size == 4)
        set_low32(c, iw_rre_r1(iw), ld_be32(b));
    else
        c->gr[iw_rre_r1(iw)] = ld_be64(b);
    return 0;
}
int op_lura(struct cpu *c, uint64_t iw) { return load_real_operand(c, iw, 4); }
int op_lurag(struct cpu *c, uint64_t iw) { return load_real_operand(c, iw, 8); }

/* B246 STURA - Store Using Real Address (32)              [RRE]
 * B925 STURG - Store Using Real Address (64)              [RRE] */
static int store_real_operand(struct cpu *c, uint64_t iw, unsigned size)
{
    uint64_t ra, v = c->gr[iw_rre_r1(iw)];
    uint8_t b[8];
    int pgm = real_operand(c, iw, size, &ra);
    if (pgm)
        return pgm;
    if (size == 4)
        st_be32(b, (uint32_t)v);
    else
        st_be64(b, v);
    return c->sys->real_access(c, ra, b, size, ACC_STORE);
}
int op_stura(struct cpu *c, uint64_t iw) { return store_real_operand(c, iw, 4); }
int op_sturg(struct cpu *c, uint64_t iw) { return store_real_operand(c, iw, 8); }


/* B250 CSP   - Compare and Swap and Purge (32)            [RRE]
 * B98A CSPG  - Compare and Swap and Purge (64)            [RRE]
 * R1 (even) is the comparand, R1+1 the replacement; R2 addresses the operand, its
 * rightmost 2 (CSPG: 3) bits ignored. Equal: store, CC 0, and when bit 63 of R2 is one
 * every CPU's TLB is purged (bit 62, the ALB purge, has nothing to purge). Unequal: the
 * operand goes to R1, CC 1. The operand is a store-type reference either way. */
static int compare_swap_purge(struct cpu *c, uint64_t iw, unsigned size)
{
    unsigned r1 = iw_rre_r1(iw), r2 = iw_rre_r2(iw);
    uint64_t low_mask = size == 4 ? 0xffffffffULL : ~0ULL;
    uint8_t *p;
    if (reg_is_odd(r1))
        return PGM_SPECIFICATION;
    int pgm = mem_host_ptr(c, c->gr[r2] & c->amask & ~(uint64_t)(size - 1), ACC_STORE, &p);
    if (pgm)
        return pgm;
    uint64_t old = c->gr[r1] & low_mask;
    c->cc = !cas_be(p, size, &old, c->gr[r1 + 1] & low_mask);
    if (c->cc)
        c->gr[r1] = (c->gr[r1] & ~low_mask) | old;
    else if (c->gr[r2] & 1) {
        if (c->sys)
            c->sys->tlb_flush_all(c);
        else
            cpu_tlb_flush(c);
    }
    return 0;
}
int op_csp(struct cpu *c, uint64_t iw) { return compare_swap_purge(c, iw, 4); }
int op_cspg(struct cpu *c, uint64_t iw) { return compare_swap_purge(c, iw, 8); }

/* R1 fields of PFMF (bits 32-63; zarch.md §4.9). */
#define PFMF_R1_RESERVED 0xfffc0001ULL   /* bits 32-45 and 63 */
#define PFMF_R1_SK       0x20000ULL      /* set-key control */
#define PFMF_R1_CF       0x10000ULL      /* clear-frame control */
#define PFMF_R1_FSC      0x07000ULL      /* frame-size code: 0 4K, 1 1M, 2 2G */
#define PFMF_R1_NQ       0x00800ULL      /* nonquiescing (facility 14) */

/* B9AF PFMF  - Perform Frame Management Function          [RRE]
 * Clears and/or sets the key of the frame that R2 designates: a 4K frame by its real
 * address, a 1M frame by an absolute address, processed from R2 to the end of the
 * frame, after which R2 holds the address of the next frame. The usage indication and
 * the MR/MC bits (conditional SSKE, facility 10) only permit less work; they are
 * ignored. A 2G frame needs EDAT-2 (not installed): specification exception. */
int op_pfmf(struct cpu *c, uint64_t iw)
{
    unsigned r2 = iw_rre_r2(iw);
    uint64_t r1v = c->gr[iw_rre_r1(iw)], start = c->gr[r2] & c->amask & ~PAGE_MASK_LOW, end;
    if (!c->sys || !c->sys->pfmf)
        return PGM_OPERATION;
    if ((r1v & PFMF_R1_RESERVED) || ((r1v & PFMF_R1_NQ) && !fac_has(c->fac, FAC_NQ_KEY)))
        return PGM_SPECIFICATION;
    switch (r1v & PFMF_R1_FSC) {
    case 0x0000: end = start + PAGE_SIZE_4K; break;
    case 0x1000: end = (start | 0xfffffULL) + 1; break;
    default: return PGM_SPECIFICATION;
    }
    unsigned ops = ((r1v & PFMF_R1_CF) ? PFMF_CLEAR : 0) | ((r1v & PFMF_R1_SK) ? PFMF_SET_KEY : 0);
    int pgm = c->sys->pfmf(c, start, !(r1v & PFMF_R1_FSC), end - start, ops, (uint8_t)r1v);
    if (pgm)
        return pgm;
    if (ops & PFMF_SET_KEY)
        c->sys->tlb_flush_all(c);          /* refills check the new keys */
    if (r1v & PFMF_R1_FSC) {
        if (c->amask == ~0ULL)
            c->gr[r2] = end;
        else
            set_low32(c, r2, (uint32_t)(end & c->amask));
    }
    return 0;
}
