/* Binary-integer ADD, SUBTRACT, ADD LOGICAL (WITH CARRY), SUBTRACT LOGICAL (WITH
 * BORROW) in every operand form: register, storage, immediate, distinct-operands,
 * high-word and storage-immediate (PoP ch.7). The operand-form helpers below take
 * the operation (op_int.h enum iop); each handler only names its form. */
#include "op_int.h"

/* R1 (32) = R1 op R2 [RR] */
static int f_rr(struct cpu *c, uint64_t iw, enum iop op)
{
    unsigned r1 = iw_r1(iw);
    return put32(c, op, r1, lo32(c, r1), lo32(c, iw_r2(iw)));
}

/* R1 (64) = R1 op R2 [RRE] */
static int f_rre(struct cpu *c, uint64_t iw, enum iop op)
{
    unsigned r1 = iw_rre_r1(iw);
    return put64(c, op, r1, c->gr[r1], c->gr[iw_rre_r2(iw)]);
}

/* R1 (64) = R1 op R2 (32, sign- or zero-extended as the operation is signed) [RRE] */
static int f_rref(struct cpu *c, uint64_t iw, enum iop op)
{
    unsigned r1 = iw_rre_r1(iw);
    return put64(c, op, r1, c->gr[r1], ext(c->gr[iw_rre_r2(iw)], 32, iop_signed(op)));
}

/* R1 = R2 op R3, 32 or 64 bits [RRF-a] */
static int f_rrk(struct cpu *c, uint64_t iw, enum iop op, bool wide)
{
    unsigned r1 = iw_rre_r1(iw), r2 = iw_rre_r2(iw), r3 = iw_rrf_r3(iw);
    if (wide)
        return put64(c, op, r1, c->gr[r2], c->gr[r3]);
    return put32(c, op, r1, lo32(c, r2), lo32(c, r3));
}

/* High word of R1 = high word of R2 op high or low word of R3 [RRF-a] */
static int f_rhh(struct cpu *c, uint64_t iw, enum iop op, bool r3_low)
{
    unsigned r1 = iw_rre_r1(iw), r2 = iw_rre_r2(iw), r3 = iw_rrf_r3(iw);
    return puth(c, op, r1, hi32(c, r2), r3_low ? lo32(c, r3) : hi32(c, r3));
}

/* R1 (32) = R1 op storage of 'bytes' (2: halfword, sign-extended) [RX-a, RXY-a] */
static int f_rx(struct cpu *c, uint64_t iw, enum iop op, unsigned bytes)
{
    uint64_t v;
    int pgm = fetch_ext(c, ea_x(c, iw), bytes, true, &v);
    if (pgm)
        return pgm;
    unsigned r1 = iw_r1(iw);
    return put32(c, op, r1, lo32(c, r1), (uint32_t)v);
}

/* R1 (64) = R1 op storage; a word is extended as the operation is signed [RXY-a] */
static int f_rxy(struct cpu *c, uint64_t iw, enum iop op, unsigned bytes)
{
    uint64_t v;
    int pgm = fetch_ext(c, ea_rxy(c, iw), bytes, iop_signed(op), &v);
    if (pgm)
        return pgm;
    unsigned r1 = iw_r1(iw);
    return put64(c, op, r1, c->gr[r1], v);
}

/* R1 op= 32-bit immediate: 32-bit result, or 64-bit with the immediate extended
 * as the operation is signed [RIL-a] */
static int f_ril(struct cpu *c, uint64_t iw, enum iop op, bool wide)
{
    unsigned r1 = iw_r1(iw);
    uint32_t i2 = iw_i32(iw);
    if (wide)
        return put64(c, op, r1, c->gr[r1], ext(i2, 32, iop_signed(op)));
    return put32(c, op, r1, lo32(c, r1), i2);
}

/* R1 = R3 op sign-extended 16-bit immediate, 32 or 64 bits [RIE-d] */
static int f_rie(struct cpu *c, uint64_t iw, enum iop op, bool wide)
{
    unsigned r1 = iw_r1(iw), r3 = iw_r2(iw);
    uint64_t i2 = (uint64_t)sext16(iw_i16(iw));
    if (wide)
        return put64(c, op, r1, c->gr[r3], i2);
    return put32(c, op, r1, lo32(c, r3), (uint32_t)i2);
}

/* Storage (4 or 8 bytes) op= sign-extended 8-bit immediate [SIY]. With the
 * interlocked-access facility the update is interlocked when the operand is
 * aligned: a compare-and-swap loop on the guest bytes in the host page. */
static int f_siy(struct cpu *c, uint64_t iw, enum iop op, unsigned bytes)
{
    uint64_t ea = ea_rsy(c, iw), i2 = (uint64_t)sext8(iw_i8(iw)), v;
    uint8_t *p;
    int pgm;
    if ((ea & (bytes - 1)) == 0) {
        pgm = mem_host_ptr(c, ea, ACC_STORE, &p);
        if (pgm)
            return pgm;
        if (bytes == 4) {
            uint32_t *w = (uint32_t *)p, old = __atomic_load_n(w, __ATOMIC_RELAXED), nw;
            do
                st_be32((uint8_t *)&nw, iop32(c, op, ld_be32((uint8_t *)&old), (uint32_t)i2));
            while (!__atomic_compare_exchange_n(w, &old, nw, false, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED));
        } else {
            uint64_t *d = (uint64_t *)p, old = __atomic_load_n(d, __ATOMIC_RELAXED), nw;
            do
                st_be64((uint8_t *)&nw, iop64(c, op, ld_be64((uint8_t *)&old), i2));
            while (!__atomic_compare_exchange_n(d, &old, nw, false, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED));
        }
        return iop_done(c, op);
    }
    pgm = fetch_ext(c, ea, bytes, false, &v);
    if (pgm)
        return pgm;
    uint32_t cc0 = c->cc;        /* the CC must not change if the store faults */
    if (bytes == 4)
        pgm = mem_write32_va(c, ea, iop32(c, op, (uint32_t)v, (uint32_t)i2));
    else
        pgm = mem_write64_va(c, ea, iop64(c, op, v, i2));
    if (pgm) {
        c->cc = cc0;
        return pgm;
    }
    return iop_done(c, op);
}

/* High word of R1 op= 32-bit immediate [RIL-a] */
static int f_rilh(struct cpu *c, uint64_t iw, enum iop op)
{
    unsigned r1 = iw_r1(iw);
    return puth(c, op, r1, hi32(c, r1), iw_i32(iw));
}

/* ---- ADD ------------------------------------------------------------------ */

/* 1A   AR    - Add                                        [RR] */
int op_ar(struct cpu *c, uint64_t iw) { return f_rr(c, iw, IOP_ADD); }
/* B908 AGR   - Add (64)                                   [RRE] */
int op_agr(struct cpu *c, uint64_t iw) { return f_rre(c, iw, IOP_ADD); }
/* B918 AGFR  - Add (64 <- 32)                             [RRE] */
int op_agfr(struct cpu *c, uint64_t iw) { return f_rref(c, iw, IOP_ADD); }
/* B9F8 ARK   - Add (32, distinct operands)                [RRF-a] */
int op_ark(struct cpu *c, uint64_t iw) { return f_rrk(c, iw, IOP_ADD, false); }
/* B9E8 AGRK  - Add (64, distinct operands)                [RRF-a] */
int op_agrk(struct cpu *c, uint64_t iw) { return f_rrk(c, iw, IOP_ADD, true); }
/* 5A   A     - Add                                        [RX-a]
 * E35A AY    - Add                                        [RXY-a] */
int op_a(struct cpu *c, uint64_t iw) { return f_rx(c, iw, IOP_ADD, 4); }
/* 4A   AH    - Add Halfword                               [RX-a]
 * E37A AHY   - Add Halfword                               [RXY-a] */
int op_ah(struct cpu *c, uint64_t iw) { return f_rx(c, iw, IOP_ADD, 2); }
/* E308 AG    - Add (64)                                   [RXY-a] */
int op_ag(struct cpu *c, uint64_t iw) { return f_rxy(c, iw, IOP_ADD, 8); }
/* E318 AGF   - Add (64 <- 32)                             [RXY-a] */
int op_agf(struct cpu *c, uint64_t iw) { return f_rxy(c, iw, IOP_ADD, 4); }
/* C29  AFI   - Add Immediate (32)                         [RIL-a] */
int op_afi(struct cpu *c, uint64_t iw) { return f_ril(c, iw, IOP_ADD, false); }
/* C28  AGFI  - Add Immediate (64 <- 32)                   [RIL-a] */
int op_agfi(struct cpu *c, uint64_t iw) { return f_ril(c, iw, IOP_ADD, true); }
/* ECD8 AHIK  - Add Immediate (32 <- 16, distinct)         [RIE-d] */
int op_ahik(struct cpu *c, uint64_t iw) { return f_rie(c, iw, IOP_ADD, false); }
/* ECD9 AGHIK - Add Immediate (64 <- 16, distinct)         [RIE-d] */
int op_aghik(struct cpu *c, uint64_t iw) { return f_rie(c, iw, IOP_ADD, true); }
/* EB6A ASI   - Add Immediate (storage 32 <- 8)            [SIY] */
int op_asi(struct cpu *c, uint64_t iw) { return f_siy(c, iw, IOP_ADD, 4); }
/* EB7A AGSI  - Add Immediate (storage 64 <- 8)            [SIY] */
int op_agsi(struct cpu *c, uint64_t iw) { return f_siy(c, iw, IOP_ADD, 8); }
/* B9C8 AHHHR - Add High (high <- high + high)             [RRF-a] */
int op_ahhhr(struct cpu *c, uint64_t iw) { return f_rhh(c, iw, IOP_ADD, false); }
/* B9D8 AHHLR - Add High (high <- high + low)              [RRF-a] */
int op_ahhlr(struct cpu *c, uint64_t iw) { return f_rhh(c, iw, IOP_ADD, true); }
/* CC8  AIH   - Add Immediate High                         [RIL-a] */
int op_aih(struct cpu *c, uint64_t iw) { return f_rilh(c, iw, IOP_ADD); }

/* A7A  AHI   - Add Halfword Immediate                     [RI-a] */
int op_ahi(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_r1(iw);
    return put32(c, IOP_ADD, r1, lo32(c, r1), (uint32_t)sext16(iw_i16(iw)));
}

/* A7B  AGHI  - Add Halfword Immediate (64)                [RI-a] */
int op_aghi(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_r1(iw);
    return put64(c, IOP_ADD, r1, c->gr[r1], (uint64_t)sext16(iw_i16(iw)));
}

/* ---- ADD LOGICAL (WITH CARRY) --------------------------------------------- */

/* 1E   ALR   - Add Logical                                [RR] */
int op_alr(struct cpu *c, uint64_t iw) { return f_rr(c, iw, IOP_ADDL); }
/* B90A ALGR  - Add Logical (64)                           [RRE] */
int op_algr(struct cpu *c, uint64_t iw) { return f_rre(c, iw, IOP_ADDL); }
/* B91A ALGFR - Add Logical (64 <- 32)                     [RRE] */
int op_algfr(struct cpu *c, uint64_t iw) { return f_rref(c, iw, IOP_ADDL); }
/* B9FA ALRK  - Add Logical (32, distinct operands)        [RRF-a] */
int op_alrk(struct cpu *c, uint64_t iw) { return f_rrk(c, iw, IOP_ADDL, false); }
/* B9EA ALGRK - Add Logical (64, distinct operands)        [RRF-a] */
int op_algrk(struct cpu *c, uint64_t iw) { return f_rrk(c, iw, IOP_ADDL, true); }
/* 5E   AL    - Add Logical                                [RX-a]
 * E35E ALY   - Add Logical                                [RXY-a] */
int op_al(struct cpu *c, uint64_t iw) { return f_rx(c, iw, IOP_ADDL, 4); }
/* E30A ALG   - Add Logical (64)                           [RXY-a] */
int op_alg(struct cpu *c, uint64_t iw) { return f_rxy(c, iw, IOP_ADDL, 8); }
/* E31A ALGF  - Add Logical (64 <- 32)                     [RXY-a] */
int op_algf(struct cpu *c, uint64_t iw) { return f_rxy(c, iw, IOP_ADDL, 4); }
/* C2B  ALFI  - Add Logical Immediate (32)                 [RIL-a] */
int op_alfi(struct cpu *c, uint64_t iw) { return f_ril(c, iw, IOP_ADDL, false); }
/* C2A  ALGFI - Add Logical Immediate (64 <- 32)           [RIL-a] */
int op_algfi(struct cpu *c, uint64_t iw) { return f_ril(c, iw, IOP_ADDL, true); }
/* ECDA ALHSIK  - Add Logical with Signed Immediate (32 <- 16) [RIE-d] */
int op_alhsik(struct cpu *c, uint64_t iw) { return f_rie(c, iw, IOP_ADDL, false); }
/* ECDB ALGHSIK - Add Logical with Signed Immediate (64 <- 16) [RIE-d] */
int op_alghsik(struct cpu *c, uint64_t iw) { return f_rie(c, iw, IOP_ADDL, true); }
/* EB6E ALSI  - Add Logical with Signed Immediate (storage 32 <- 8) [SIY] */
int op_alsi(struct cpu *c, uint64_t iw) { return f_siy(c, iw, IOP_ADDL, 4); }
/* EB7E ALGSI - Add Logical with Signed Immediate (storage 64 <- 8) [SIY] */
int op_algsi(struct cpu *c, uint64_t iw) { return f_siy(c, iw, IOP_ADDL, 8); }
/* B9CA ALHHHR - Add Logical High (high <- high + high)    [RRF-a] */
int op_alhhhr(struct cpu *c, uint64_t iw) { return f_rhh(c, iw, IOP_ADDL, false); }
/* B9DA ALHHLR - Add Logical High (high <- high + low)     [RRF-a] */
int op_alhhlr(struct cpu *c, uint64_t iw) { return f_rhh(c, iw, IOP_ADDL, true); }
/* CCA  ALSIH - Add Logical with Signed Immediate High     [RIL-a] */
int op_alsih(struct cpu *c, uint64_t iw) { return f_rilh(c, iw, IOP_ADDL); }

/* CCB  ALSIHN - Add Logical with Signed Immediate High, CC unchanged [RIL-a] */
int op_alsihn(struct cpu *c, uint64_t iw)
{
    uint32_t cc0 = c->cc;
    f_rilh(c, iw, IOP_ADDL);
    c->cc = cc0;
    return 0;
}

/* B998 ALCR  - Add Logical with Carry                     [RRE] */
int op_alcr(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_rre_r1(iw);
    return put32(c, IOP_ADDC, r1, lo32(c, r1), lo32(c, iw_rre_r2(iw)));
}
/* B988 ALCGR - Add Logical with Carry (64)                [RRE] */
int op_alcgr(struct cpu *c, uint64_t iw) { return f_rre(c, iw, IOP_ADDC); }
/* E398 ALC   - Add Logical with Carry                     [RXY-a] */
int op_alc(struct cpu *c, uint64_t iw) { return f_rx(c, iw, IOP_ADDC, 4); }
/* E388 ALCG  - Add Logical with Carry (64)                [RXY-a] */
int op_alcg(struct cpu *c, uint64_t iw) { return f_rxy(c, iw, IOP_ADDC, 8); }

/* ---- SUBTRACT ------------------------------------------------------------- */

/* 1B   SR    - Subtract                                   [RR] */
int op_sr(struct cpu *c, uint64_t iw) { return f_rr(c, iw, IOP_SUB); }
/* B909 SGR   - Subtract (64)                              [RRE] */
int op_sgr(struct cpu *c, uint64_t iw) { return f_rre(c, iw, IOP_SUB); }
/* B919 SGFR  - Subtract (64 <- 32)                        [RRE] */
int op_sgfr(struct cpu *c, uint64_t iw) { return f_rref(c, iw, IOP_SUB); }
/* B9F9 SRK   - Subtract (32, distinct operands)           [RRF-a] */
int op_srk(struct cpu *c, uint64_t iw) { return f_rrk(c, iw, IOP_SUB, false); }
/* B9E9 SGRK  - Subtract (64, distinct operands)           [RRF-a] */
int op_sgrk(struct cpu *c, uint64_t iw) { return f_rrk(c, iw, IOP_SUB, true); }
/* 5B   S     - Subtract                                   [RX-a]
 * E35B SY    - Subtract                                   [RXY-a] */
int op_s(struct cpu *c, uint64_t iw) { return f_rx(c, iw, IOP_SUB, 4); }
/* 4B   SH    - Subtract Halfword                          [RX-a]
 * E37B SHY   - Subtract Halfword                          [RXY-a] */
int op_sh(struct cpu *c, uint64_t iw) { return f_rx(c, iw, IOP_SUB, 2); }
/* E309 SG    - Subtract (64)                              [RXY-a] */
int op_sg(struct cpu *c, uint64_t iw) { return f_rxy(c, iw, IOP_SUB, 8); }
/* E319 SGF   - Subtract (64 <- 32)                        [RXY-a] */
int op_sgf(struct cpu *c, uint64_t iw) { return f_rxy(c, iw, IOP_SUB, 4); }
/* B9C9 SHHHR - Subtract High (high <- high - high)        [RRF-a] */
int op_shhhr(struct cpu *c, uint64_t iw) { return f_rhh(c, iw, IOP_SUB, false); }
/* B9D9 SHHLR - Subtract High (high <- high - low)         [RRF-a] */
int op_shhlr(struct cpu *c, uint64_t iw) { return f_rhh(c, iw, IOP_SUB, true); }

/* ---- SUBTRACT LOGICAL (WITH BORROW) --------------------------------------- */

/* 1F   SLR   - Subtract Logical                           [RR] */
int op_slr(struct cpu *c, uint64_t iw) { return f_rr(c, iw, IOP_SUBL); }
/* B90B SLGR  - Subtract Logical (64)                      [RRE] */
int op_slgr(struct cpu *c, uint64_t iw) { return f_rre(c, iw, IOP_SUBL); }
/* B91B SLGFR - Subtract Logical (64 <- 32)                [RRE] */
int op_slgfr(struct cpu *c, uint64_t iw) { return f_rref(c, iw, IOP_SUBL); }
/* B9FB SLRK  - Subtract Logical (32, distinct operands)   [RRF-a] */
int op_slrk(struct cpu *c, uint64_t iw) { return f_rrk(c, iw, IOP_SUBL, false); }
/* B9EB SLGRK - Subtract Logical (64, distinct operands)   [RRF-a] */
int op_slgrk(struct cpu *c, uint64_t iw) { return f_rrk(c, iw, IOP_SUBL, true); }
/* 5F   SL    - Subtract Logical                           [RX-a]
 * E35F SLY   - Subtract Logical                           [RXY-a] */
int op_sl(struct cpu *c, uint64_t iw) { return f_rx(c, iw, IOP_SUBL, 4); }
/* E30B SLG   - Subtract Logical (64)                      [RXY-a] */
int op_slg(struct cpu *c, uint64_t iw) { return f_rxy(c, iw, IOP_SUBL, 8); }
/* E31B SLGF  - Subtract Logical (64 <- 32)                [RXY-a] */
int op_slgf(struct cpu *c, uint64_t iw) { return f_rxy(c, iw, IOP_SUBL, 4); }
/* C25  SLFI  - Subtract Logical Immediate (32)            [RIL-a] */
int op_slfi(struct cpu *c, uint64_t iw) { return f_ril(c, iw, IOP_SUBL, false); }
/* C24  SLGFI - Subtract Logical Immediate (64 <- 32)      [RIL-a] */
int op_slgfi(struct cpu *c, uint64_t iw) { return f_ril(c, iw, IOP_SUBL, true); }
/* B9CB SLHHHR - Subtract Logical High (high <- high - high) [RRF-a] */
int op_slhhhr(struct cpu *c, uint64_t iw) { return f_rhh(c, iw, IOP_SUBL, false); }
/* B9DB SLHHLR - Subtract Logical High (high <- high - low)  [RRF-a] */
int op_slhhlr(struct cpu *c, uint64_t iw) { return f_rhh(c, iw, IOP_SUBL, true); }

/* B999 SLBR  - Subtract Logical with Borrow               [RRE] */
int op_slbr(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_rre_r1(iw);
    return put32(c, IOP_SUBB, r1, lo32(c, r1), lo32(c, iw_rre_r2(iw)));
}
/* B989 SLBGR - Subtract Logical with Borrow (64)          [RRE] */
int op_slbgr(struct cpu *c, uint64_t iw) { return f_rre(c, iw, IOP_SUBB); }
/* E399 SLB   - Subtract Logical with Borrow               [RXY-a] */
int op_slb(struct cpu *c, uint64_t iw) { return f_rx(c, iw, IOP_SUBB, 4); }
/* E389 SLBG  - Subtract Logical with Borrow (64)          [RXY-a] */
int op_slbg(struct cpu *c, uint64_t iw) { return f_rxy(c, iw, IOP_SUBB, 8); }
