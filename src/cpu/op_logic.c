/* Logical AND / OR / EXCLUSIVE OR in every operand form (register, storage,
 * immediate, storage-immediate byte, interlocked storage), and TEST UNDER MASK
 * (PoP ch.7). All of them set CC 0 for a zero result and CC 1 otherwise, except
 * TEST UNDER MASK, which has its own rule (tm_cc). */
#include "insn.h"
#include "alu.h"

enum lop { LOP_AND, LOP_OR, LOP_XOR };

static inline uint64_t lop_apply(enum lop op, uint64_t a, uint64_t b)
{
    switch (op) {
    case LOP_AND: return a & b;
    case LOP_OR:  return a | b;
    default:      return a ^ b;
    }
}

/* R1 (32) = R1 op R2 [RR] */
static int lop_rr(struct cpu *c, uint64_t iw, enum lop op)
{
    unsigned r1 = iw_r1(iw), r2 = iw_r2(iw);
    uint32_t r = (uint32_t)lop_apply(op, c->gr[r1], c->gr[r2]);
    set_low32(c, r1, r);
    cc_nz(c, r);
    return 0;
}

/* R1 (64) = R1 op R2 [RRE] */
static int lop_rre(struct cpu *c, uint64_t iw, enum lop op)
{
    unsigned r1 = iw_rre_r1(iw), r2 = iw_rre_r2(iw);
    c->gr[r1] = lop_apply(op, c->gr[r1], c->gr[r2]);
    cc_nz(c, c->gr[r1]);
    return 0;
}

/* Distinct operands: R1 = R2 op R3, 32 or 64 bits [RRF-a] */
static int lop_rrf(struct cpu *c, uint64_t iw, enum lop op, bool wide)
{
    unsigned r1 = iw_rre_r1(iw), r2 = iw_rre_r2(iw), r3 = iw_rrf_r3(iw);
    uint64_t r = lop_apply(op, c->gr[r2], c->gr[r3]);
    if (wide) {
        c->gr[r1] = r;
    } else {
        r = (uint32_t)r;
        set_low32(c, r1, (uint32_t)r);
    }
    cc_nz(c, r);
    return 0;
}

/* R1 (32) = R1 op word at D2(X2,B2); RX-a (first byte 5x) or RXY-a (E3xx) */
static int lop_mem32(struct cpu *c, uint64_t iw, enum lop op)
{
    unsigned r1 = iw_r1(iw);
    uint64_t ea = (iw >> 56) == 0xe3 ? ea_rxy(c, iw) : ea_rx(c, iw);
    uint32_t op2;
    int pgm = mem_read32_va(c, ea, &op2);
    if (pgm)
        return pgm;
    uint32_t r = (uint32_t)lop_apply(op, c->gr[r1], op2);
    set_low32(c, r1, r);
    cc_nz(c, r);
    return 0;
}

/* R1 (64) = R1 op doubleword at DH2 DL2(X2,B2) [RXY-a] */
static int lop_mem64(struct cpu *c, uint64_t iw, enum lop op)
{
    unsigned r1 = iw_r1(iw);
    uint64_t op2;
    int pgm = mem_read64_va(c, ea_rxy(c, iw), &op2);
    if (pgm)
        return pgm;
    c->gr[r1] = lop_apply(op, c->gr[r1], op2);
    cc_nz(c, c->gr[r1]);
    return 0;
}

/* Immediate on one 16- or 32-bit field of R1 starting at bit 'shift' (from the right);
 * the rest of the register is unchanged and the CC reflects the field alone. */
static int lop_field(struct cpu *c, unsigned r1, enum lop op, uint64_t imm,
                     unsigned shift, uint64_t fmask)
{
    uint64_t f = lop_apply(op, (c->gr[r1] >> shift) & fmask, imm);
    c->gr[r1] = (c->gr[r1] & ~(fmask << shift)) | (f << shift);
    cc_nz(c, f);
    return 0;
}

/* RI-a halfword forms: the low two opcode bits pick HH (0), HL, LH, LL (3). */
static int lop_ri(struct cpu *c, uint64_t iw, enum lop op)
{
    unsigned shift = (3 - (IW_FIELD(iw, 12, 4) & 3)) * 16;
    return lop_field(c, iw_r1(iw), op, iw_i16(iw), shift, 0xffff);
}

/* RIL-a word forms: an even low opcode nibble is the high word (xIHF), odd the low. */
static int lop_ril(struct cpu *c, uint64_t iw, enum lop op)
{
    unsigned shift = (IW_FIELD(iw, 12, 4) & 1) ? 0 : 32;
    return lop_field(c, iw_r1(iw), op, iw_i32(iw), shift, 0xffffffffULL);
}

/* SI (9x) and SIY (EBxx) byte operand address: D1(B1) or DH1 DL1(B1). */
static inline uint64_t si_ea(const struct cpu *c, uint64_t iw)
{
    return (iw >> 56) == 0xeb ? ea_rsy(c, iw) : ea_rs(c, iw);
}

/* Byte at D1(B1) = byte op I2 [SI / SIY] */
static int lop_si(struct cpu *c, uint64_t iw, enum lop op)
{
    uint64_t ea = si_ea(c, iw);
    uint8_t b;
    int pgm = mem_read8_va(c, ea, &b);
    if (pgm)
        return pgm;
    b = (uint8_t)lop_apply(op, b, iw_i8(iw));
    pgm = mem_write8_va(c, ea, b);
    if (pgm)
        return pgm;
    cc_nz(c, b);
    return 0;
}

/* 14   NR    - And                                        [RR] */
int op_nr(struct cpu *c, uint64_t iw) { return lop_rr(c, iw, LOP_AND); }
/* 16   OR    - Or                                         [RR] */
int op_or(struct cpu *c, uint64_t iw) { return lop_rr(c, iw, LOP_OR); }
/* 17   XR    - Exclusive Or                               [RR] */
int op_xr(struct cpu *c, uint64_t iw) { return lop_rr(c, iw, LOP_XOR); }

/* B980 NGR   - And (64)                                   [RRE] */
int op_ngr(struct cpu *c, uint64_t iw) { return lop_rre(c, iw, LOP_AND); }
/* B981 OGR   - Or (64)                                    [RRE] */
int op_ogr(struct cpu *c, uint64_t iw) { return lop_rre(c, iw, LOP_OR); }
/* B982 XGR   - Exclusive Or (64)                          [RRE] */
int op_xgr(struct cpu *c, uint64_t iw) { return lop_rre(c, iw, LOP_XOR); }

/* B9F4 NRK   - And                                        [RRF-a] */
int op_nrk(struct cpu *c, uint64_t iw) { return lop_rrf(c, iw, LOP_AND, false); }
/* B9F6 ORK   - Or                                         [RRF-a] */
int op_ork(struct cpu *c, uint64_t iw) { return lop_rrf(c, iw, LOP_OR, false); }
/* B9F7 XRK   - Exclusive Or                               [RRF-a] */
int op_xrk(struct cpu *c, uint64_t iw) { return lop_rrf(c, iw, LOP_XOR, false); }
/* B9E4 NGRK  - And (64)                                   [RRF-a] */
int op_ngrk(struct cpu *c, uint64_t iw) { return lop_rrf(c, iw, LOP_AND, true); }
/* B9E6 OGRK  - Or (64)                                    [RRF-a] */
int op_ogrk(struct cpu *c, uint64_t iw) { return lop_rrf(c, iw, LOP_OR, true); }
/* B9E7 XGRK  - Exclusive Or (64)                          [RRF-a] */
int op_xgrk(struct cpu *c, uint64_t iw) { return lop_rrf(c, iw, LOP_XOR, true); }

/* 54   N     - And                                        [RX-a]
 * E354 NY    - And                                        [RXY-a] */
int op_n(struct cpu *c, uint64_t iw) { return lop_mem32(c, iw, LOP_AND); }
/* 56   O     - Or                                         [RX-a]
 * E356 OY    - Or                                         [RXY-a] */
int op_o(struct cpu *c, uint64_t iw) { return lop_mem32(c, iw, LOP_OR); }
/* 57   X     - Exclusive Or                               [RX-a]
 * E357 XY    - Exclusive Or                               [RXY-a] */
int op_x(struct cpu *c, uint64_t iw) { return lop_mem32(c, iw, LOP_XOR); }

/* E380 NG    - And (64)                                   [RXY-a] */
int op_ng(struct cpu *c, uint64_t iw) { return lop_mem64(c, iw, LOP_AND); }
/* E381 OG    - Or (64)                                    [RXY-a] */
int op_og(struct cpu *c, uint64_t iw) { return lop_mem64(c, iw, LOP_OR); }
/* E382 XG    - Exclusive Or (64)                          [RXY-a] */
int op_xg(struct cpu *c, uint64_t iw) { return lop_mem64(c, iw, LOP_XOR); }

/* A54  NIHH  - And Immediate (high high)                  [RI-a]
 * A55  NIHL  - And Immediate (high low)                   [RI-a]
 * A56  NILH  - And Immediate (low high)                   [RI-a]
 * A57  NILL  - And Immediate (low low)                    [RI-a] */
int op_nihh(struct cpu *c, uint64_t iw) { return lop_ri(c, iw, LOP_AND); }
/* A58  OIHH  - Or Immediate (high high)                   [RI-a]
 * A59  OIHL  - Or Immediate (high low)                    [RI-a]
 * A5A  OILH  - Or Immediate (low high)                    [RI-a]
 * A5B  OILL  - Or Immediate (low low)                     [RI-a] */
int op_oihh(struct cpu *c, uint64_t iw) { return lop_ri(c, iw, LOP_OR); }

/* C0A  NIHF  - And Immediate (high)                       [RIL-a]
 * C0B  NILF  - And Immediate (low)                        [RIL-a] */
int op_nihf(struct cpu *c, uint64_t iw) { return lop_ril(c, iw, LOP_AND); }
/* C0C  OIHF  - Or Immediate (high)                        [RIL-a]
 * C0D  OILF  - Or Immediate (low)                         [RIL-a] */
int op_oihf(struct cpu *c, uint64_t iw) { return lop_ril(c, iw, LOP_OR); }
/* C06  XIHF  - Exclusive Or Immediate (high)              [RIL-a]
 * C07  XILF  - Exclusive Or Immediate (low)               [RIL-a] */
int op_xihf(struct cpu *c, uint64_t iw) { return lop_ril(c, iw, LOP_XOR); }

/* 94   NI    - And (immediate)                            [SI]
 * EB54 NIY   - And (immediate)                            [SIY] */
int op_ni(struct cpu *c, uint64_t iw) { return lop_si(c, iw, LOP_AND); }
/* 96   OI    - Or (immediate)                             [SI]
 * EB56 OIY   - Or (immediate)                             [SIY] */
int op_oi(struct cpu *c, uint64_t iw) { return lop_si(c, iw, LOP_OR); }
/* 97   XI    - Exclusive Or (immediate)                   [SI]
 * EB57 XIY   - Exclusive Or (immediate)                   [SIY] */
int op_xi(struct cpu *c, uint64_t iw) { return lop_si(c, iw, LOP_XOR); }

/* TEST UNDER MASK: CC 0 selected bits all zero (or mask zero), 3 all one; mixed is
 * CC 1, except for the register forms, where CC 2 says the leftmost selected bit
 * is one ('leftmost' true). */
static unsigned tm_cc(uint64_t v, uint64_t mask, bool leftmost)
{
    uint64_t sel = v & mask;
    if (sel == 0)
        return 0;
    if (sel == mask)
        return 3;
    if (!leftmost)
        return 1;
    uint64_t top = 1ULL << (63 - __builtin_clzll(mask));
    return (sel & top) ? 2 : 1;
}

/* 91   TM    - Test under Mask                            [SI]
 * EB51 TMY   - Test under Mask                            [SIY] */
int op_tm(struct cpu *c, uint64_t iw)
{
    uint8_t b;
    int pgm = mem_read8_va(c, si_ea(c, iw), &b);
    if (pgm)
        return pgm;
    c->cc = tm_cc(b, iw_i8(iw), false);
    return 0;
}

/* A70  TMLH  - Test under Mask (low high)                 [RI-a]
 * A71  TMLL  - Test under Mask (low low)                  [RI-a]
 * A72  TMHH  - Test under Mask (high high)                [RI-a]
 * A73  TMHL  - Test under Mask (high low)                 [RI-a] */
int op_tmlh(struct cpu *c, uint64_t iw)
{
    /* Opcode nibble 0..3 selects bits 32-47, 48-63, 0-15, 16-31. */
    unsigned shift = (IW_FIELD(iw, 12, 4) ^ 1) * 16;
    c->cc = tm_cc((c->gr[iw_r1(iw)] >> shift) & 0xffff, iw_i16(iw), true);
    return 0;
}

/* Host atomics on a big-endian operand: AND/OR/XOR act bytewise, so byte-swapping
 * the operand and the old value is all the endianness needs. */
static uint64_t atomic_lop64(uint64_t *p, enum lop op, uint64_t v)
{
    v = __builtin_bswap64(v);
    uint64_t old = op == LOP_AND ? __atomic_fetch_and(p, v, __ATOMIC_SEQ_CST)
                 : op == LOP_OR ? __atomic_fetch_or(p, v, __ATOMIC_SEQ_CST)
                 : __atomic_fetch_xor(p, v, __ATOMIC_SEQ_CST);
    return __builtin_bswap64(old);
}
static uint32_t atomic_lop32(uint32_t *p, enum lop op, uint32_t v)
{
    v = __builtin_bswap32(v);
    uint32_t old = op == LOP_AND ? __atomic_fetch_and(p, v, __ATOMIC_SEQ_CST)
                 : op == LOP_OR ? __atomic_fetch_or(p, v, __ATOMIC_SEQ_CST)
                 : __atomic_fetch_xor(p, v, __ATOMIC_SEQ_CST);
    return __builtin_bswap32(old);
}

/* Interlocked update: R1 = old word/doubleword; storage = old op R3; CC from the new
 * value. The operand must be aligned (specification exception), so it sits in one
 * page and one host atomic covers it. */
static int lop_interlocked(struct cpu *c, uint64_t iw, enum lop op, bool wide)
{
    unsigned r1 = iw_r1(iw), r3 = iw_r2(iw);
    uint64_t ea = ea_rsy(c, iw);
    uint8_t *hva;
    if (ea & (wide ? 7 : 3))
        return PGM_SPECIFICATION;
    int pgm = mem_host_ptr(c, ea, ACC_STORE, &hva);
    if (pgm)
        return pgm;
    if (wide) {
        uint64_t old = atomic_lop64((uint64_t *)(void *)hva, op, c->gr[r3]);
        cc_nz(c, lop_apply(op, old, c->gr[r3]));
        c->gr[r1] = old;
    } else {
        uint32_t old = atomic_lop32((uint32_t *)(void *)hva, op, (uint32_t)c->gr[r3]);
        cc_nz(c, (uint32_t)lop_apply(op, old, c->gr[r3]));
        set_low32(c, r1, old);
    }
    return 0;
}

/* EBF4 LAN   - Load and And (interlocked)                 [RSY-a] */
int op_lan(struct cpu *c, uint64_t iw) { return lop_interlocked(c, iw, LOP_AND, false); }
/* EBF6 LAO   - Load and Or (interlocked)                  [RSY-a] */
int op_lao(struct cpu *c, uint64_t iw) { return lop_interlocked(c, iw, LOP_OR, false); }
/* EBF7 LAX   - Load and Exclusive Or (interlocked)        [RSY-a] */
int op_lax(struct cpu *c, uint64_t iw) { return lop_interlocked(c, iw, LOP_XOR, false); }
/* EBE4 LANG  - Load and And (64, interlocked)             [RSY-a] */
int op_lang(struct cpu *c, uint64_t iw) { return lop_interlocked(c, iw, LOP_AND, true); }
/* EBE6 LAOG  - Load and Or (64, interlocked)              [RSY-a] */
int op_laog(struct cpu *c, uint64_t iw) { return lop_interlocked(c, iw, LOP_OR, true); }
/* EBE7 LAXG  - Load and Exclusive Or (64, interlocked)    [RSY-a] */
int op_laxg(struct cpu *c, uint64_t iw) { return lop_interlocked(c, iw, LOP_XOR, true); }
