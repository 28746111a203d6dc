/* Branch instructions (PoP ch.7): branch on condition, branch and link/save/set mode,
 * branch on count, branch on index, their relative-immediate forms, and compare and
 * branch / compare and trap.
 * Targets are computed before any register is updated (R1 may equal B2, X2 or R2).
 * Link addresses come from c->psw.addr, which is the address after an EXECUTE when
 * the branch is its target. */
#include "insn.h"

static inline bool amode64(const struct cpu *c) { return c->amask == ~0ULL; }
static inline bool amode31(const struct cpu *c) { return c->amask == 0x7fffffffULL; }

/* BAS/BASR/BRAS/BRASL link: the whole address in 64-bit mode; otherwise PSW bits
 * 32-63 (basic-addressing-mode bit and address) into bits 32-63 of R1. */
static inline void link_bas(struct cpu *c, unsigned r1)
{
    if (amode64(c))
        c->gr[r1] = c->psw.addr;
    else
        set_low32(c, r1, (uint32_t)c->psw.addr | (amode31(c) ? 0x80000000u : 0));
}

/* Length of the instruction for the 24-bit BAL link's ILC: under EXECUTE the run loop
 * has not advanced past the target (c->psw.addr is after the EX) and op_ex has put
 * its own length in c->ilen. */
static inline unsigned bal_ilen(const struct cpu *c, unsigned own)
{
    return ((c->ia + own) & c->amask) == c->psw.addr ? own : c->ilen;
}

/* BAL/BALR link: like BAS except in 24-bit mode, where bits 32-39 carry the ILC,
 * the condition code and the program mask. */
static inline void link_bal(struct cpu *c, unsigned r1, unsigned own)
{
    if (amode64(c) || amode31(c)) {
        link_bas(c, r1);
        return;
    }
    uint32_t info = (bal_ilen(c, own) / 2) << 6 | c->cc << 4 | psw_pm(c);
    set_low32(c, r1, info << 24 | (uint32_t)c->psw.addr);
}

/* 47   BC    - Branch on Condition                        [RX-b] */
int op_bc(struct cpu *c, uint64_t iw)
{
    if (cc_matches(c, iw_r1(iw)))
        c->psw.addr = ea_rx(c, iw);
    return 0;
}

/* 07   BCR   - Branch on Condition                        [RR]
 * R2 = 0 never branches; masks 15 and 14 with R2 = 0 serialize (BCR 14,0 is the
 * fast-BCR-serialization form), which a host fence covers. */
int op_bcr(struct cpu *c, uint64_t iw)
{
    unsigned m1 = iw_r1(iw), r2 = iw_r2(iw);
    if (r2 == 0) {
        if (m1 >= 14)
            __atomic_thread_fence(__ATOMIC_SEQ_CST);
    } else if (cc_matches(c, m1)) {
        c->psw.addr = c->gr[r2] & c->amask;
    }
    return 0;
}

/* A74  BRC   - Branch Relative on Condition               [RI-c] */
int op_brc(struct cpu *c, uint64_t iw)
{
    if (cc_matches(c, iw_r1(iw)))
        c->psw.addr = rel_target(c, sext16(iw_i16(iw)));
    return 0;
}

/* C04  BRCL  - Branch Relative on Condition Long          [RIL-c] */
int op_brcl(struct cpu *c, uint64_t iw)
{
    if (cc_matches(c, iw_r1(iw)))
        c->psw.addr = rel_target(c, sext32(iw_i32(iw)));
    return 0;
}

/* 45   BAL   - Branch and Link                            [RX-a] */
int op_bal(struct cpu *c, uint64_t iw)
{
    uint64_t target = ea_rx(c, iw);
    link_bal(c, iw_r1(iw), 4);
    c->psw.addr = target;
    return 0;
}

/* 05   BALR  - Branch and Link                            [RR] */
int op_balr(struct cpu *c, uint64_t iw)
{
    unsigned r2 = iw_r2(iw);
    uint64_t target = c->gr[r2] & c->amask;
    link_bal(c, iw_r1(iw), 2);
    if (r2)
        c->psw.addr = target;
    return 0;
}

/* 4D   BAS   - Branch and Save                            [RX-a] */
int op_bas(struct cpu *c, uint64_t iw)
{
    uint64_t target = ea_rx(c, iw);
    link_bas(c, iw_r1(iw));
    c->psw.addr = target;
    return 0;
}

/* 0D   BASR  - Branch and Save                            [RR] */
int op_basr(struct cpu *c, uint64_t iw)
{
    unsigned r2 = iw_r2(iw);
    uint64_t target = c->gr[r2] & c->amask;
    link_bas(c, iw_r1(iw));
    if (r2)
        c->psw.addr = target;
    return 0;
}

/* A75  BRAS  - Branch Relative and Save                   [RI-b] */
int op_bras(struct cpu *c, uint64_t iw)
{
    link_bas(c, iw_r1(iw));
    c->psw.addr = rel_target(c, sext16(iw_i16(iw)));
    return 0;
}

/* C05  BRASL - Branch Relative and Save Long              [RIL-b] */
int op_brasl(struct cpu *c, uint64_t iw)
{
    link_bas(c, iw_r1(iw));
    c->psw.addr = rel_target(c, sext32(iw_i32(iw)));
    return 0;
}

/* Set the addressing mode from a BSM/BASSM branch register and branch: bit 63 selects
 * the 64-bit mode (and is dropped from the address), else bit 32 selects 31 over 24. */
static void branch_set_mode(struct cpu *c, uint64_t v)
{
    uint64_t mask = cpu_psw_mask(c) & ~(PSW_MASK_EA | PSW_MASK_BA);
    if (v & 1)
        mask |= PSW_MASK_EA | PSW_MASK_BA;
    else if (v & 0x80000000ULL)
        mask |= PSW_MASK_BA;
    cpu_set_psw(c, mask, v & ~1ULL);    /* cpu_set_psw wraps the address to the new mode */
}

/* 0C   BASSM - Branch and Save and Set Mode               [RR] */
int op_bassm(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_r1(iw), r2 = iw_r2(iw);
    uint64_t v = c->gr[r2];
    if (amode64(c))
        c->gr[r1] = c->psw.addr | 1;
    else
        link_bas(c, r1);
    if (r2)
        branch_set_mode(c, v);
    return 0;
}

/* 0B   BSM   - Branch and Set Mode                        [RR]
 * R1 records the current mode: bit 63 set in 64-bit mode, else bit 32 = BA. */
int op_bsm(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_r1(iw), r2 = iw_r2(iw);
    uint64_t v = c->gr[r2];
    if (r1) {
        if (amode64(c))
            c->gr[r1] |= 1;
        else
            c->gr[r1] = (c->gr[r1] & ~0x80000000ULL) | (amode31(c) ? 0x80000000ULL : 0);
    }
    if (r2)
        branch_set_mode(c, v);
    return 0;
}

/* Branch-on-count cores: decrement, and say whether the result is nonzero. */
static inline bool count32(struct cpu *c, unsigned r1)
{
    uint32_t v = (uint32_t)c->gr[r1] - 1;
    set_low32(c, r1, v);
    return v != 0;
}
static inline bool count64(struct cpu *c, unsigned r1)
{
    return --c->gr[r1] != 0;
}

/* 46   BCT   - Branch on Count                            [RX-a] */
int op_bct(struct cpu *c, uint64_t iw)
{
    uint64_t target = ea_rx(c, iw);
    if (count32(c, iw_r1(iw)))
        c->psw.addr = target;
    return 0;
}

/* 06   BCTR  - Branch on Count                            [RR]  (R2 = 0: count only) */
int op_bctr(struct cpu *c, uint64_t iw)
{
    unsigned r2 = iw_r2(iw);
    uint64_t target = c->gr[r2] & c->amask;
    if (count32(c, iw_r1(iw)) && r2)
        c->psw.addr = target;
    return 0;
}

/* E346 BCTG  - Branch on Count (64)                       [RXY-a] */
int op_bctg(struct cpu *c, uint64_t iw)
{
    uint64_t target = ea_rxy(c, iw);
    if (count64(c, iw_r1(iw)))
        c->psw.addr = target;
    return 0;
}

/* B946 BCTGR - Branch on Count (64)                       [RRE] */
int op_bctgr(struct cpu *c, uint64_t iw)
{
    unsigned r2 = iw_rre_r2(iw);
    uint64_t target = c->gr[r2] & c->amask;
    if (count64(c, iw_rre_r1(iw)) && r2)
        c->psw.addr = target;
    return 0;
}

/* A76  BRCT  - Branch Relative on Count                   [RI-b] */
int op_brct(struct cpu *c, uint64_t iw)
{
    if (count32(c, iw_r1(iw)))
        c->psw.addr = rel_target(c, sext16(iw_i16(iw)));
    return 0;
}

/* A77  BRCTG - Branch Relative on Count (64)              [RI-b] */
int op_brctg(struct cpu *c, uint64_t iw)
{
    if (count64(c, iw_r1(iw)))
        c->psw.addr = rel_target(c, sext16(iw_i16(iw)));
    return 0;
}

/* CC6  BRCTH - Branch Relative on Count High              [RIL-b] */
int op_brcth(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_r1(iw);
    uint32_t v = (uint32_t)(c->gr[r1] >> 32) - 1;
    set_high32(c, r1, v);
    if (v)
        c->psw.addr = rel_target(c, sext32(iw_i32(iw)));
    return 0;
}

/* Branch-on-index cores: R1 += R3, compared with the odd register of the R3 pair
 * (read before R1 changes, as R1 may be that register). The low opcode bit picks
 * "low or equal" (BXLE, BRXLE, BXLEG, BRXLG) over "high". */
static inline bool index32(struct cpu *c, unsigned r1, unsigned r3, bool le)
{
    int32_t inc = (int32_t)c->gr[r3], limit = (int32_t)c->gr[r3 | 1];
    int32_t sum = (int32_t)((uint32_t)c->gr[r1] + (uint32_t)inc);
    set_low32(c, r1, (uint32_t)sum);
    return le ? sum <= limit : sum > limit;
}
static inline bool index64(struct cpu *c, unsigned r1, unsigned r3, bool le)
{
    int64_t inc = (int64_t)c->gr[r3], limit = (int64_t)c->gr[r3 | 1];
    int64_t sum = (int64_t)(c->gr[r1] + (uint64_t)inc);
    c->gr[r1] = (uint64_t)sum;
    return le ? sum <= limit : sum > limit;
}

/* 86   BXH   - Branch on Index High                       [RS-a]
 * 87   BXLE  - Branch on Index Low or Equal               [RS-a] */
int op_bxh(struct cpu *c, uint64_t iw)
{
    uint64_t target = ea_rs(c, iw);
    if (index32(c, iw_r1(iw), iw_r2(iw), (iw >> 56) & 1))
        c->psw.addr = target;
    return 0;
}

/* EB44 BXHG  - Branch on Index High (64)                  [RSY-a]
 * EB45 BXLEG - Branch on Index Low or Equal (64)          [RSY-a] */
int op_bxhg(struct cpu *c, uint64_t iw)
{
    uint64_t target = ea_rsy(c, iw);
    if (index64(c, iw_r1(iw), iw_r2(iw), (iw >> 16) & 1))
        c->psw.addr = target;
    return 0;
}

/* 84   BRXH  - Branch Relative on Index High              [RSI]
 * 85   BRXLE - Branch Relative on Index Low or Equal      [RSI] */
int op_brxh(struct cpu *c, uint64_t iw)
{
    if (index32(c, iw_r1(iw), iw_r2(iw), (iw >> 56) & 1))
        c->psw.addr = rel_target(c, sext16(iw_i16(iw)));
    return 0;
}

/* EC44 BRXHG - Branch Relative on Index High (64)         [RIE-e]
 * EC45 BRXLG - Branch Relative on Index Low or Equal (64) [RIE-e] */
int op_brxhg(struct cpu *c, uint64_t iw)
{
    if (index64(c, iw_r1(iw), iw_r2(iw), (iw >> 16) & 1))
        c->psw.addr = rel_target(c, sext16(iw_i16(iw)));
    return 0;
}

/* ---- COMPARE AND BRANCH (RELATIVE) and COMPARE AND TRAP (general-instructions-
 * extension facility; CLT/CLGT from the miscellaneous-instruction-extension facility).
 * The families share an opcode pattern: bit 0x02 of the extended opcode selects 32-bit
 * operands, bit 0x01 a logical comparison. M3 tests the comparison like a BC mask
 * (8 equal, 4 first low, 2 first high; the 1 bit is ignored). */

/* Compare a with b as the opcode says; returns 0 equal, 1 a low, 2 a high. */
static inline unsigned cmp_by_op(unsigned op2, uint64_t a, uint64_t b)
{
    bool logical = op2 & 1;
    if (op2 & 2) {
        a = logical ? (uint32_t)a : (uint64_t)sext32(a);
        b = logical ? (uint32_t)b : (uint64_t)sext32(b);
    }
    if (logical)
        return a == b ? 0 : a < b ? 1 : 2;
    return (int64_t)a == (int64_t)b ? 0 : (int64_t)a < (int64_t)b ? 1 : 2;
}

static inline bool mask_hits(unsigned m3, unsigned rel)
{
    return (m3 >> (3 - rel)) & 1;
}

/* An immediate operand: zero-extended for the logical forms, else sign-extended. */
static inline uint64_t imm_by_op(unsigned op2, unsigned v, unsigned bits)
{
    if (op2 & 1)
        return v;
    return (uint64_t)((int64_t)((uint64_t)v << (64 - bits)) >> (64 - bits));
}

static inline unsigned op2_of(uint64_t iw) { return IW_FIELD(iw, 40, 8); }
static inline unsigned i2_byte(uint64_t iw) { return IW_FIELD(iw, 32, 8); }

/* A comparison the mask selects traps: data exception, DXC FF. */
static inline int trap_if(struct cpu *c, bool hit)
{
    if (!hit)
        return 0;
    c->dxc = DXC_COMPARE_AND_TRAP;
    return PGM_DATA;
}

/* EC76 CRJ   - Compare and Branch Relative                [RIE-b]
 * EC64 CGRJ  - Compare and Branch Relative (64)
 * EC77 CLRJ  - Compare Logical and Branch Relative
 * EC65 CLGRJ - Compare Logical and Branch Relative (64) */
int op_crj(struct cpu *c, uint64_t iw)
{
    unsigned rel = cmp_by_op(op2_of(iw), c->gr[iw_r1(iw)], c->gr[iw_r2(iw)]);
    if (mask_hits(iw_m32(iw), rel))
        c->psw.addr = rel_target(c, sext16(iw_i16(iw)));
    return 0;
}

/* EC7E CIJ   - Compare Immediate and Branch Relative      [RIE-c]
 * EC7C CGIJ  - Compare Immediate and Branch Relative (64)
 * EC7F CLIJ  - Compare Logical Immediate and Branch Relative
 * EC7D CLGIJ - Compare Logical Immediate and Branch Relative (64) */
int op_cij(struct cpu *c, uint64_t iw)
{
    unsigned op2 = op2_of(iw);
    unsigned rel = cmp_by_op(op2, c->gr[iw_r1(iw)], imm_by_op(op2, i2_byte(iw), 8));
    if (mask_hits(iw_r2(iw), rel))
        c->psw.addr = rel_target(c, sext16(iw_i16(iw)));
    return 0;
}

/* ECF6 CRB   - Compare and Branch                         [RRS]
 * ECE4 CGRB  - Compare and Branch (64)
 * ECF7 CLRB  - Compare Logical and Branch
 * ECE5 CLGRB - Compare Logical and Branch (64) */
int op_crb(struct cpu *c, uint64_t iw)
{
    uint64_t target = ea_rs(c, iw);
    unsigned rel = cmp_by_op(op2_of(iw), c->gr[iw_r1(iw)], c->gr[iw_r2(iw)]);
    if (mask_hits(iw_m32(iw), rel))
        c->psw.addr = target;
    return 0;
}

/* ECFE CIB   - Compare Immediate and Branch               [RIS]
 * ECFC CGIB  - Compare Immediate and Branch (64)
 * ECFF CLIB  - Compare Logical Immediate and Branch
 * ECFD CLGIB - Compare Logical Immediate and Branch (64) */
int op_cib(struct cpu *c, uint64_t iw)
{
    unsigned op2 = op2_of(iw);
    uint64_t target = ea_rs(c, iw);
    unsigned rel = cmp_by_op(op2, c->gr[iw_r1(iw)], imm_by_op(op2, i2_byte(iw), 8));
    if (mask_hits(iw_r2(iw), rel))
        c->psw.addr = target;
    return 0;
}

/* B972 CRT   - Compare and Trap                           [RRF-c]
 * B960 CGRT  - Compare and Trap (64)
 * B973 CLRT  - Compare Logical and Trap
 * B961 CLGRT - Compare Logical and Trap (64) */
int op_crt(struct cpu *c, uint64_t iw)
{
    unsigned op2 = IW_FIELD(iw, 8, 8);
    unsigned rel = cmp_by_op(op2, c->gr[iw_rre_r1(iw)], c->gr[iw_rre_r2(iw)]);
    return trap_if(c, mask_hits(iw_rrf_r3(iw), rel));
}

/* EC72 CIT   - Compare Immediate and Trap                 [RIE-a]
 * EC70 CGIT  - Compare Immediate and Trap (64)
 * EC73 CLFIT - Compare Logical Immediate and Trap
 * EC71 CLGIT - Compare Logical Immediate and Trap (64) */
int op_cit(struct cpu *c, uint64_t iw)
{
    unsigned op2 = op2_of(iw);
    unsigned rel = cmp_by_op(op2, c->gr[iw_r1(iw)], imm_by_op(op2, iw_i16(iw), 16));
    return trap_if(c, mask_hits(iw_m32(iw), rel));
}

/* EB23 CLT   - Compare Logical and Trap                   [RSY-b]
 * EB2B CLGT  - Compare Logical and Trap (64)              [RSY-b] */
int op_clt(struct cpu *c, uint64_t iw)
{
    uint64_t ea = ea_rsy(c, iw), v;
    bool wide = op2_of(iw) == 0x2b;
    int pgm;
    if (wide) {
        pgm = mem_read64_va(c, ea, &v);
    } else {
        uint32_t w;
        pgm = mem_read32_va(c, ea, &w);
        v = w;
    }
    if (pgm)
        return pgm;
    unsigned rel = cmp_by_op(wide ? 0x01 : 0x03, c->gr[iw_r1(iw)], v);
    return trap_if(c, mask_hits(iw_r2(iw), rel));
}
