/* General instructions (PoP ch.7) that move data between registers and storage:
 * LOAD in its extending, relative-long, high-word, immediate, reversed, on-condition and
 * and-trap forms, LOAD ADDRESS, STORE and MOVE (immediate), LOAD/STORE MULTIPLE, INSERT/
 * STORE CHARACTERS UNDER MASK, the access-register moves and the no-action hints. One
 * core per shape; the rows pick the width and the register part. The interlocked
 * updates (CS, CDS, LAA, LPQ/STPQ) are in op_interlock.c. */
#include "op_general.h"

/* ---- LOAD ---- */

/* The 'size'-byte operand at va, extended, into the chosen part of R1. */
static inline int load_at(struct cpu *c, unsigned r1, uint64_t va, unsigned size, bool sign,
                          enum gr_part p)
{
    uint64_t v;
    int pgm = mem_read_n(c, va, size, &v);
    if (pgm)
        return pgm;
    gr_put(c, r1, p, ext_n(v, size, sign));
    return 0;
}

/* The same for the storage operand of an RX-a, RXY-a or RIL-b row. */
static inline int load_op(struct cpu *c, uint64_t iw, unsigned size, bool sign, enum gr_part p)
{
    uint64_t va;
    int pgm = op2_addr(c, iw, size, &va);
    return pgm ? pgm : load_at(c, iw_r1(iw), va, size, sign, p);
}

/* Register operand R2 (rightmost 'size' bytes), extended, into the chosen part of R1. */
static inline int load_reg(struct cpu *c, uint64_t iw, unsigned size, bool sign, enum gr_part p)
{
    unsigned r1 = (iw >> 62) ? iw_rre_r1(iw) : iw_r1(iw);
    unsigned r2 = (iw >> 62) ? iw_rre_r2(iw) : iw_r2(iw);
    gr_put(c, r1, p, ext_n(c->gr[r2], size, sign));
    return 0;
}

/* 58   L      - Load                                     [RX-a]
 * E358 LY     - Load                                     [RXY-a]
 * C4D  LRL    - Load Relative Long                       [RIL-b] */
int op_l(struct cpu *c, uint64_t iw) { return load_op(c, iw, 4, false, GR_LOW); }

/* E304 LG     - Load (64)                                [RXY-a]
 * C48  LGRL   - Load Relative Long (64)                  [RIL-b] */
int op_lg(struct cpu *c, uint64_t iw) { return load_op(c, iw, 8, false, GR_FULL); }

/* E314 LGF    - Load (64<-32)                            [RXY-a]
 * C4C  LGFRL  - Load Relative Long (64<-32)              [RIL-b] */
int op_lgf(struct cpu *c, uint64_t iw) { return load_op(c, iw, 4, true, GR_FULL); }

/* 48   LH     - Load Halfword                            [RX-a]
 * E378 LHY    - Load Halfword                            [RXY-a]
 * C45  LHRL   - Load Halfword Relative Long              [RIL-b] */
int op_lh(struct cpu *c, uint64_t iw) { return load_op(c, iw, 2, true, GR_LOW); }

/* E315 LGH    - Load Halfword (64)                       [RXY-a]
 * C44  LGHRL  - Load Halfword Relative Long (64)         [RIL-b] */
int op_lgh(struct cpu *c, uint64_t iw) { return load_op(c, iw, 2, true, GR_FULL); }

/* E376 LB     - Load Byte                                [RXY-a] */
int op_lb(struct cpu *c, uint64_t iw) { return load_op(c, iw, 1, true, GR_LOW); }

/* E377 LGB    - Load Byte (64)                           [RXY-a] */
int op_lgb(struct cpu *c, uint64_t iw) { return load_op(c, iw, 1, true, GR_FULL); }

/* E394 LLC    - Load Logical Character                   [RXY-a] */
int op_llc(struct cpu *c, uint64_t iw) { return load_op(c, iw, 1, false, GR_LOW); }

/* E390 LLGC   - Load Logical Character (64)              [RXY-a] */
int op_llgc(struct cpu *c, uint64_t iw) { return load_op(c, iw, 1, false, GR_FULL); }

/* E395 LLH    - Load Logical Halfword                    [RXY-a]
 * C42  LLHRL  - Load Logical Halfword Relative Long      [RIL-b] */
int op_llh(struct cpu *c, uint64_t iw) { return load_op(c, iw, 2, false, GR_LOW); }

/* E391 LLGH   - Load Logical Halfword (64)               [RXY-a]
 * C46  LLGHRL - Load Logical Halfword Relative Long (64) [RIL-b] */
int op_llgh(struct cpu *c, uint64_t iw) { return load_op(c, iw, 2, false, GR_FULL); }

/* E316 LLGF   - Load Logical (64<-32)                    [RXY-a]
 * C4E  LLGFRL - Load Logical Relative Long (64<-32)      [RIL-b] */
int op_llgf(struct cpu *c, uint64_t iw) { return load_op(c, iw, 4, false, GR_FULL); }

/* E317 LLGT   - Load Logical Thirty One Bits             [RXY-a] */
int op_llgt(struct cpu *c, uint64_t iw)
{
    int pgm = load_op(c, iw, 4, false, GR_FULL);
    if (!pgm)
        c->gr[iw_r1(iw)] &= 0x7fffffff;
    return pgm;
}

/* High-word loads (high-word facility): bits 0-31 of R1 only. */
/* E3C0 LBH    - Load Byte High                           [RXY-a] */
int op_lbh(struct cpu *c, uint64_t iw) { return load_op(c, iw, 1, true, GR_HIGH); }

/* E3C4 LHH    - Load Halfword High                       [RXY-a] */
int op_lhh(struct cpu *c, uint64_t iw) { return load_op(c, iw, 2, true, GR_HIGH); }

/* E3CA LFH    - Load High                                [RXY-a] */
int op_lfh(struct cpu *c, uint64_t iw) { return load_op(c, iw, 4, false, GR_HIGH); }

/* E3C2 LLCH   - Load Logical Character High              [RXY-a] */
int op_llch(struct cpu *c, uint64_t iw) { return load_op(c, iw, 1, false, GR_HIGH); }

/* E3C6 LLHH   - Load Logical Halfword High               [RXY-a] */
int op_llhh(struct cpu *c, uint64_t iw) { return load_op(c, iw, 2, false, GR_HIGH); }

/* Register-to-register loads. */
/* 18   LR     - Load                                     [RR] */
int op_lr(struct cpu *c, uint64_t iw) { return load_reg(c, iw, 4, false, GR_LOW); }

/* B904 LGR    - Load (64)                                [RRE] */
int op_lgr(struct cpu *c, uint64_t iw) { return load_reg(c, iw, 8, false, GR_FULL); }

/* B914 LGFR   - Load (64<-32)                            [RRE] */
int op_lgfr(struct cpu *c, uint64_t iw) { return load_reg(c, iw, 4, true, GR_FULL); }

/* B927 LHR    - Load Halfword                            [RRE] */
int op_lhr(struct cpu *c, uint64_t iw) { return load_reg(c, iw, 2, true, GR_LOW); }

/* B907 LGHR   - Load Halfword (64)                       [RRE] */
int op_lghr(struct cpu *c, uint64_t iw) { return load_reg(c, iw, 2, true, GR_FULL); }

/* B926 LBR    - Load Byte                                [RRE] */
int op_lbr(struct cpu *c, uint64_t iw) { return load_reg(c, iw, 1, true, GR_LOW); }

/* B906 LGBR   - Load Byte (64)                           [RRE] */
int op_lgbr(struct cpu *c, uint64_t iw) { return load_reg(c, iw, 1, true, GR_FULL); }

/* B994 LLCR   - Load Logical Character                   [RRE] */
int op_llcr(struct cpu *c, uint64_t iw) { return load_reg(c, iw, 1, false, GR_LOW); }

/* B984 LLGCR  - Load Logical Character (64)              [RRE] */
int op_llgcr(struct cpu *c, uint64_t iw) { return load_reg(c, iw, 1, false, GR_FULL); }

/* B995 LLHR   - Load Logical Halfword                    [RRE] */
int op_llhr(struct cpu *c, uint64_t iw) { return load_reg(c, iw, 2, false, GR_LOW); }

/* B985 LLGHR  - Load Logical Halfword (64)               [RRE] */
int op_llghr(struct cpu *c, uint64_t iw) { return load_reg(c, iw, 2, false, GR_FULL); }

/* B916 LLGFR  - Load Logical (64<-32)                    [RRE] */
int op_llgfr(struct cpu *c, uint64_t iw) { return load_reg(c, iw, 4, false, GR_FULL); }

/* B917 LLGTR  - Load Logical Thirty One Bits             [RRE] */
int op_llgtr(struct cpu *c, uint64_t iw)
{
    c->gr[iw_rre_r1(iw)] = c->gr[iw_rre_r2(iw)] & 0x7fffffff;
    return 0;
}

/* Immediates: a 16- or 32-bit field placed at 'shift' bits from the right; 'keep'
 * leaves the rest of R1 alone (INSERT IMMEDIATE), otherwise it is zeroed. */
static inline int load_imm(struct cpu *c, uint64_t iw, unsigned shift, bool keep)
{
    unsigned r1 = iw_r1(iw), width = (iw >> 62) == 3 ? 32 : 16;
    uint64_t v = width == 32 ? iw_i32(iw) : iw_i16(iw);
    c->gr[r1] = insert_bits(keep ? c->gr[r1] : 0, v, shift, width);
    return 0;
}

/* A78  LHI    - Load Halfword Immediate                  [RI-a] */
int op_lhi(struct cpu *c, uint64_t iw)
{
    set_low32(c, iw_r1(iw), (uint32_t)sext16(iw_i16(iw)));
    return 0;
}

/* A79  LGHI   - Load Halfword Immediate (64)             [RI-a] */
int op_lghi(struct cpu *c, uint64_t iw)
{
    c->gr[iw_r1(iw)] = (uint64_t)sext16(iw_i16(iw));
    return 0;
}

/* C01  LGFI   - Load Immediate (64<-32)                  [RIL-a] */
int op_lgfi(struct cpu *c, uint64_t iw)
{
    c->gr[iw_r1(iw)] = (uint64_t)sext32(iw_i32(iw));
    return 0;
}

/* A5C  LLIHH  - Load Logical Immediate (high high)       [RI-a] */
int op_llihh(struct cpu *c, uint64_t iw) { return load_imm(c, iw, 48, false); }
/* A5D  LLIHL  - Load Logical Immediate (high low)        [RI-a] */
int op_llihl(struct cpu *c, uint64_t iw) { return load_imm(c, iw, 32, false); }
/* A5E  LLILH  - Load Logical Immediate (low high)        [RI-a] */
int op_llilh(struct cpu *c, uint64_t iw) { return load_imm(c, iw, 16, false); }
/* A5F  LLILL  - Load Logical Immediate (low low)         [RI-a] */
int op_llill(struct cpu *c, uint64_t iw) { return load_imm(c, iw, 0, false); }
/* C0E  LLIHF  - Load Logical Immediate (high)            [RIL-a] */
int op_llihf(struct cpu *c, uint64_t iw) { return load_imm(c, iw, 32, false); }
/* C0F  LLILF  - Load Logical Immediate (low)             [RIL-a] */
int op_llilf(struct cpu *c, uint64_t iw) { return load_imm(c, iw, 0, false); }

/* A50  IIHH   - Insert Immediate (high high)             [RI-a] */
int op_iihh(struct cpu *c, uint64_t iw) { return load_imm(c, iw, 48, true); }
/* A51  IIHL   - Insert Immediate (high low)              [RI-a] */
int op_iihl(struct cpu *c, uint64_t iw) { return load_imm(c, iw, 32, true); }
/* A52  IILH   - Insert Immediate (low high)              [RI-a] */
int op_iilh(struct cpu *c, uint64_t iw) { return load_imm(c, iw, 16, true); }
/* A53  IILL   - Insert Immediate (low low)               [RI-a] */
int op_iill(struct cpu *c, uint64_t iw) { return load_imm(c, iw, 0, true); }
/* C08  IIHF   - Insert Immediate (high)                  [RIL-a] */
int op_iihf(struct cpu *c, uint64_t iw) { return load_imm(c, iw, 32, true); }
/* C09  IILF   - Insert Immediate (low)                   [RIL-a] */
int op_iilf(struct cpu *c, uint64_t iw) { return load_imm(c, iw, 0, true); }

/* Byte-reversed loads replace only the rightmost 'size' bytes of R1 (LRVH keeps 0-47). */
/* E31E LRV    - Load Reversed (32)                       [RXY-a]
 * E30F LRVG   - Load Reversed (64)                       [RXY-a]
 * E31F LRVH   - Load Reversed (16)                       [RXY-a] */
int op_lrv(struct cpu *c, uint64_t iw)
{
    unsigned b5 = IW_FIELD(iw, 40, 8), size = b5 == 0x0f ? 8 : b5 == 0x1f ? 2 : 4;
    unsigned r1 = iw_r1(iw);
    uint64_t v;
    int pgm = mem_read_n(c, ea_rxy(c, iw), size, &v);
    if (pgm)
        return pgm;
    c->gr[r1] = insert_bits(c->gr[r1], bswap_n(v, size), 0, 8 * size);
    return 0;
}

/* B91F LRVR   - Load Reversed (32)                       [RRE]
 * B90F LRVGR  - Load Reversed (64)                       [RRE] */
int op_lrvr(struct cpu *c, uint64_t iw)
{
    unsigned size = (iw >> 48) == 0xb90f ? 8 : 4;
    unsigned r1 = iw_rre_r1(iw);
    c->gr[r1] = insert_bits(c->gr[r1], bswap_n(c->gr[iw_rre_r2(iw)], size), 0, 8 * size);
    return 0;
}

/* 43   IC     - Insert Character                         [RX-a]
 * E373 ICY    - Insert Character                         [RXY-a] */
int op_ic(struct cpu *c, uint64_t iw)
{
    uint8_t b;
    int pgm = mem_read8_va(c, ea_rx_any(c, iw), &b);
    if (pgm)
        return pgm;
    c->gr[iw_r1(iw)] = insert_bits(c->gr[iw_r1(iw)], b, 0, 8);
    return 0;
}

/* LOAD AND TRAP: R1 is loaded first, then a zero value raises a data exception with
 * DXC FF; the loaded value stays in R1 when the interruption is taken. */
static inline int trap_if_zero(struct cpu *c, uint64_t v, int pgm)
{
    if (pgm || v)
        return pgm;
    c->dxc = DXC_COMPARE_AND_TRAP;
    return PGM_DATA;
}

/* E39F LAT    - Load and Trap (32)                       [RXY-a] */
int op_lat(struct cpu *c, uint64_t iw)
{
    int pgm = load_op(c, iw, 4, false, GR_LOW);
    return trap_if_zero(c, (uint32_t)c->gr[iw_r1(iw)], pgm);
}

/* E385 LGAT   - Load and Trap (64)                       [RXY-a] */
int op_lgat(struct cpu *c, uint64_t iw)
{
    int pgm = load_op(c, iw, 8, false, GR_FULL);
    return trap_if_zero(c, c->gr[iw_r1(iw)], pgm);
}

/* E39D LLGFAT - Load Logical and Trap (64<-32)           [RXY-a] */
int op_llgfat(struct cpu *c, uint64_t iw)
{
    int pgm = load_op(c, iw, 4, false, GR_FULL);
    return trap_if_zero(c, c->gr[iw_r1(iw)], pgm);
}

/* E39C LLGTAT - Load Logical Thirty One Bits and Trap    [RXY-a] */
int op_llgtat(struct cpu *c, uint64_t iw)
{
    int pgm = op_llgt(c, iw);
    return trap_if_zero(c, c->gr[iw_r1(iw)], pgm);
}

/* E3C8 LFHAT  - Load High and Trap                       [RXY-a] */
int op_lfhat(struct cpu *c, uint64_t iw)
{
    int pgm = load_op(c, iw, 4, false, GR_HIGH);
    return trap_if_zero(c, c->gr[iw_r1(iw)] >> 32, pgm);
}

/* LOAD ON CONDITION: R1 changes only when the CC matches M3; otherwise the operand is
 * not fetched either (QEMU 7.2 fetches it anyway: only an invalid address tells). */
/* EBF2 LOC    - Load on Condition (32)                   [RSY-b]
 * EBE2 LOCG   - Load on Condition (64)                   [RSY-b] */
int op_loc(struct cpu *c, uint64_t iw)
{
    bool g = IW_FIELD(iw, 40, 8) == 0xe2;
    if (!cc_matches(c, iw_r2(iw)))
        return 0;
    return load_at(c, iw_r1(iw), ea_rsy(c, iw), g ? 8 : 4, false, g ? GR_FULL : GR_LOW);
}

/* B9F2 LOCR   - Load on Condition (32)                   [RRF-c]
 * B9E2 LOCGR  - Load on Condition (64)                   [RRF-c] */
int op_locr(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_rre_r1(iw), r2 = iw_rre_r2(iw);
    if (cc_matches(c, iw_rrf_r3(iw)))
        gr_put(c, r1, (iw >> 48) == 0xb9e2 ? GR_FULL : GR_LOW, c->gr[r2]);
    return 0;
}

/* 41   LA     - Load Address                             [RX-a]
 * E371 LAY    - Load Address                             [RXY-a] */
int op_la(struct cpu *c, uint64_t iw)
{
    gr_put_addr(c, iw_r1(iw), ea_rx_any(c, iw));
    return 0;
}

/* C00  LARL   - Load Address Relative Long               [RIL-b] */
int op_larl(struct cpu *c, uint64_t iw)
{
    gr_put_addr(c, iw_r1(iw), rel_target(c, (int32_t)iw_i32(iw)));
    return 0;
}

/* ---- STORE ---- */

/* The rightmost 'size' bytes of v to the operand of an RX-a, RXY-a or RIL-b row. */
static inline int store_op(struct cpu *c, uint64_t iw, unsigned size, uint64_t v)
{
    uint64_t va;
    int pgm = op2_addr(c, iw, size, &va);
    return pgm ? pgm : mem_write_n(c, va, size, v);
}

/* 50   ST     - Store                                    [RX-a]
 * E350 STY    - Store                                    [RXY-a]
 * C4F  STRL   - Store Relative Long                      [RIL-b] */
int op_st(struct cpu *c, uint64_t iw) { return store_op(c, iw, 4, c->gr[iw_r1(iw)]); }

/* E324 STG    - Store (64)                               [RXY-a]
 * C4B  STGRL  - Store Relative Long (64)                 [RIL-b] */
int op_stg(struct cpu *c, uint64_t iw) { return store_op(c, iw, 8, c->gr[iw_r1(iw)]); }

/* 40   STH    - Store Halfword                           [RX-a]
 * E370 STHY   - Store Halfword                           [RXY-a]
 * C47  STHRL  - Store Halfword Relative Long             [RIL-b] */
int op_sth(struct cpu *c, uint64_t iw) { return store_op(c, iw, 2, c->gr[iw_r1(iw)]); }

/* 42   STC    - Store Character                          [RX-a]
 * E372 STCY   - Store Character                          [RXY-a] */
int op_stc(struct cpu *c, uint64_t iw) { return store_op(c, iw, 1, c->gr[iw_r1(iw)]); }

/* High-word stores (high-word facility): from bits 0-31 of R1. */
/* E3C3 STCH   - Store Character High                     [RXY-a] */
int op_stch(struct cpu *c, uint64_t iw) { return store_op(c, iw, 1, c->gr[iw_r1(iw)] >> 32); }

/* E3C7 STHH   - Store Halfword High                      [RXY-a] */
int op_sthh(struct cpu *c, uint64_t iw) { return store_op(c, iw, 2, c->gr[iw_r1(iw)] >> 32); }

/* E3CB STFH   - Store High                               [RXY-a] */
int op_stfh(struct cpu *c, uint64_t iw) { return store_op(c, iw, 4, c->gr[iw_r1(iw)] >> 32); }

/* E33E STRV   - Store Reversed (32)                      [RXY-a]
 * E32F STRVG  - Store Reversed (64)                      [RXY-a]
 * E33F STRVH  - Store Reversed (16)                      [RXY-a] */
int op_strv(struct cpu *c, uint64_t iw)
{
    unsigned b5 = IW_FIELD(iw, 40, 8), size = b5 == 0x2f ? 8 : b5 == 0x3f ? 2 : 4;
    return mem_write_n(c, ea_rxy(c, iw), size, bswap_n(c->gr[iw_r1(iw)], size));
}

/* STORE ON CONDITION: nothing is accessed when the CC does not match M3 (QEMU 7.2
 * agrees for the store). */
/* EBF3 STOC   - Store on Condition (32)                  [RSY-b]
 * EBE3 STOCG  - Store on Condition (64)                  [RSY-b] */
int op_stoc(struct cpu *c, uint64_t iw)
{
    unsigned size = IW_FIELD(iw, 40, 8) == 0xe3 ? 8 : 4;
    if (!cc_matches(c, iw_r2(iw)))
        return 0;
    return mem_write_n(c, ea_rsy(c, iw), size, c->gr[iw_r1(iw)]);
}

/* MOVE (immediate): I2 (16 bits, signed) extended to the operand size at D1(B1). */
static inline int store_imm(struct cpu *c, uint64_t iw, unsigned size)
{
    return mem_write_n(c, ea_rs(c, iw), size, (uint64_t)sext16(IW_FIELD(iw, 32, 16)));
}

/* E544 MVHHI  - Move (16<-16)                            [SIL] */
int op_mvhhi(struct cpu *c, uint64_t iw) { return store_imm(c, iw, 2); }

/* E54C MVHI   - Move (32<-16)                            [SIL] */
int op_mvhi(struct cpu *c, uint64_t iw) { return store_imm(c, iw, 4); }

/* E548 MVGHI  - Move (64<-16)                            [SIL] */
int op_mvghi(struct cpu *c, uint64_t iw) { return store_imm(c, iw, 8); }

/* ---- MULTIPLE REGISTERS, CHARACTERS UNDER MASK, ACCESS REGISTERS ---- */

/* Registers R1 through R3, wrapping from 15 to 0 (R3 < R1 is allowed). */
static inline unsigned reg_count(uint64_t iw)
{
    return ((iw_r2(iw) - iw_r1(iw)) & 15) + 1;
}

/* LOAD MULTIPLE: 'size'-byte fields from D2(B2) into the chosen part of R1..R3. */
static int load_multiple(struct cpu *c, uint64_t iw, unsigned size, enum gr_part p)
{
    unsigned r1 = iw_r1(iw), n = reg_count(iw);
    uint8_t buf[16 * 8];
    int pgm = mem_read_slow(c, ea_rs_any(c, iw), buf, n * size);
    if (pgm)
        return pgm;
    for (unsigned i = 0; i < n; i++)
        gr_put(c, (r1 + i) & 15, p, size == 8 ? ld_be64(buf + 8 * i) : ld_be32(buf + 4 * i));
    return 0;
}

/* STORE MULTIPLE: the chosen part of R1..R3 to consecutive 'size'-byte fields. */
static int store_multiple(struct cpu *c, uint64_t iw, unsigned size, enum gr_part p)
{
    unsigned r1 = iw_r1(iw), n = reg_count(iw);
    uint8_t buf[16 * 8];
    for (unsigned i = 0; i < n; i++) {
        uint64_t v = gr_get(c, (r1 + i) & 15, p);
        if (size == 8)
            st_be64(buf + 8 * i, v);
        else
            st_be32(buf + 4 * i, (uint32_t)v);
    }
    return mem_write_slow(c, ea_rs_any(c, iw), buf, n * size);
}

/* 98   LM     - Load Multiple                            [RS-a]
 * EB98 LMY    - Load Multiple                            [RSY-a] */
int op_lm(struct cpu *c, uint64_t iw) { return load_multiple(c, iw, 4, GR_LOW); }

/* EB04 LMG    - Load Multiple (64)                       [RSY-a] */
int op_lmg(struct cpu *c, uint64_t iw) { return load_multiple(c, iw, 8, GR_FULL); }

/* EB96 LMH    - Load Multiple High                       [RSY-a] */
int op_lmh(struct cpu *c, uint64_t iw) { return load_multiple(c, iw, 4, GR_HIGH); }

/* 90   STM    - Store Multiple                           [RS-a]
 * EB90 STMY   - Store Multiple                           [RSY-a] */
int op_stm(struct cpu *c, uint64_t iw) { return store_multiple(c, iw, 4, GR_LOW); }

/* EB24 STMG   - Store Multiple (64)                      [RSY-a] */
int op_stmg(struct cpu *c, uint64_t iw) { return store_multiple(c, iw, 8, GR_FULL); }

/* EB26 STMH   - Store Multiple High                      [RSY-a] */
int op_stmh(struct cpu *c, uint64_t iw) { return store_multiple(c, iw, 4, GR_HIGH); }

/* INSERT CHARACTERS UNDER MASK into the word of R1 at 'shift' (0 low, 32 high): the
 * bytes selected by M3 come from consecutive storage. CC 0 all inserted bits zero or
 * M3 zero, 1 leftmost inserted bit one, 2 otherwise. */
static int insert_under_mask(struct cpu *c, uint64_t iw, unsigned shift)
{
    unsigned r1 = iw_r1(iw), m3 = iw_r2(iw), n = (unsigned)__builtin_popcount(m3);
    uint8_t b[4] = { 0 };
    if (n) {
        int pgm = mem_read_slow(c, ea_rs_any(c, iw), b, n);
        if (pgm)
            return pgm;
    }
    uint64_t r = c->gr[r1];
    bool any = false;
    for (unsigned i = 0, k = 0; i < 4; i++) {
        if (m3 & (8 >> i)) {
            r = insert_bits(r, b[k], shift + 8 * (3 - i), 8);
            any |= b[k++] != 0;
        }
    }
    c->gr[r1] = r;
    c->cc = !any ? 0 : (b[0] & 0x80) ? 1 : 2;
    return 0;
}

/* STORE CHARACTERS UNDER MASK: the bytes of R1's word at 'shift' selected by M3, stored
 * contiguously. M3 zero stores nothing. */
static int store_under_mask(struct cpu *c, uint64_t iw, unsigned shift)
{
    unsigned m3 = iw_r2(iw), n = 0;
    uint32_t w = (uint32_t)(c->gr[iw_r1(iw)] >> shift);
    uint8_t b[4];
    for (unsigned i = 0; i < 4; i++)
        if (m3 & (8 >> i))
            b[n++] = (uint8_t)(w >> (8 * (3 - i)));
    return n ? mem_write_slow(c, ea_rs_any(c, iw), b, n) : 0;
}

/* BF   ICM    - Insert Characters under Mask (low)       [RS-b]
 * EB81 ICMY   - Insert Characters under Mask (low)       [RSY-b] */
int op_icm(struct cpu *c, uint64_t iw) { return insert_under_mask(c, iw, 0); }

/* EB80 ICMH   - Insert Characters under Mask (high)      [RSY-b] */
int op_icmh(struct cpu *c, uint64_t iw) { return insert_under_mask(c, iw, 32); }

/* BE   STCM   - Store Characters under Mask (low)        [RS-b]
 * EB2D STCMY  - Store Characters under Mask (low)        [RSY-b] */
int op_stcm(struct cpu *c, uint64_t iw) { return store_under_mask(c, iw, 0); }

/* EB2C STCMH  - Store Characters under Mask (high)       [RSY-b] */
int op_stcmh(struct cpu *c, uint64_t iw) { return store_under_mask(c, iw, 32); }

/* B24F EAR    - Extract Access                           [RRE] */
int op_ear(struct cpu *c, uint64_t iw)
{
    set_low32(c, iw_rre_r1(iw), c->ar[iw_rre_r2(iw)]);
    return 0;
}

/* B24E SAR    - Set Access                               [RRE] */
int op_sar(struct cpu *c, uint64_t iw)
{
    c->ar[iw_rre_r1(iw)] = (uint32_t)c->gr[iw_rre_r2(iw)];
    return 0;
}

/* 9A   LAM    - Load Access Multiple                     [RS-a]
 * EB9A LAMY   - Load Access Multiple                     [RSY-a]
 * The operand must be word aligned (specification exception). */
int op_lam(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_r1(iw), n = reg_count(iw);
    uint64_t va = ea_rs_any(c, iw);
    uint8_t buf[16 * 4];
    if (va & 3)
        return PGM_SPECIFICATION;
    int pgm = mem_read_slow(c, va, buf, n * 4);
    if (pgm)
        return pgm;
    for (unsigned i = 0; i < n; i++)
        c->ar[(r1 + i) & 15] = ld_be32(buf + 4 * i);
    return 0;
}

/* 9B   STAM   - Store Access Multiple                    [RS-a]
 * EB9B STAMY  - Store Access Multiple                    [RSY-a] */
int op_stam(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_r1(iw), n = reg_count(iw);
    uint64_t va = ea_rs_any(c, iw);
    uint8_t buf[16 * 4];
    if (va & 3)
        return PGM_SPECIFICATION;
    for (unsigned i = 0; i < n; i++)
        st_be32(buf + 4 * i, c->ar[(r1 + i) & 15]);
    return mem_write_slow(c, va, buf, n * 4);
}

/* ---- HINTS ---- */

/* Hints: the architecture allows them to do nothing, and they never raise access
 * exceptions, so no operand address is even formed. */
/* E336 PFD    - Prefetch Data                            [RXY-b]
 * C62  PFDRL  - Prefetch Data Relative Long              [RIL-c] */
int op_pfd(struct cpu *c, uint64_t iw)
{
    (void)c; (void)iw;
    return 0;
}

/* B2FA NIAI   - Next Instruction Access Intent           [IE] */
int op_niai(struct cpu *c, uint64_t iw)
{
    (void)c; (void)iw;
    return 0;
}

/* B2E8 PPA    - Perform Processor Assist                 [RRF-c]
 * Every function code (M3), the transaction-abort assist included, is a no-op here. */
int op_ppa(struct cpu *c, uint64_t iw)
{
    (void)c; (void)iw;
    return 0;
}
