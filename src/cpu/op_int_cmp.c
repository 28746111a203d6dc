/* Binary-integer COMPARE and COMPARE LOGICAL for register, storage, immediate,
 * relative-long, storage-immediate and high-word operands (PoP ch.7), and the
 * LOAD AND TEST / COMPLEMENT / POSITIVE / NEGATIVE family. Both compare operands
 * are extended to 64 bits first (sign for COMPARE, zero for COMPARE LOGICAL), so a
 * single 64-bit comparison gives the CC for every width. */
#include "op_int.h"

/* CC 0 equal, 1 first low, 2 first high; 'logical' picks the unsigned order. */
static inline int cmp(struct cpu *c, bool logical, uint64_t a, uint64_t b)
{
    if (logical)
        cc_cmp_u(c, a, b);
    else
        cc_cmp_s(c, (int64_t)a, (int64_t)b);
    return 0;
}

/* Low 'bits' of a and b, extended for the comparison. */
static inline int cmpx(struct cpu *c, bool logical, uint64_t a, unsigned abits, uint64_t b, unsigned bbits)
{
    return cmp(c, logical, ext(a, abits, !logical), ext(b, bbits, !logical));
}

/* R1 ('abits' of it) against a storage operand of 'bytes' at ea. */
static int cmp_mem(struct cpu *c, bool logical, unsigned r1, unsigned abits, uint64_t ea, unsigned bytes)
{
    uint64_t v;
    int pgm = fetch_ext(c, ea, bytes, !logical, &v);
    if (pgm)
        return pgm;
    return cmp(c, logical, ext(c->gr[r1], abits, !logical), v);
}

/* Relative long: the operand must be aligned to its size (specification exception). */
static int cmp_rl(struct cpu *c, uint64_t iw, bool logical, unsigned abits, unsigned bytes)
{
    uint64_t ea = rel_target(c, sext32(iw_i32(iw)));
    if (ea & (bytes - 1))
        return PGM_SPECIFICATION;
    return cmp_mem(c, logical, iw_r1(iw), abits, ea, bytes);
}

/* Storage operand of 'bytes' at D1(B1) against the 16-bit immediate [SIL]. */
static int cmp_sil(struct cpu *c, uint64_t iw, bool logical, unsigned bytes)
{
    uint64_t v;
    int pgm = fetch_ext(c, ea_rs(c, iw), bytes, !logical, &v);
    if (pgm)
        return pgm;
    return cmp(c, logical, v, ext(IW_FIELD(iw, 32, 16), 16, !logical));
}

/* ---- register and immediate operands ---------------------------------------- */

/* R1 (64) against R2 (64, or its low word extended) [RRE] */
static int cmp_rre(struct cpu *c, uint64_t iw, bool logical, unsigned bits2)
{
    return cmpx(c, logical, c->gr[iw_rre_r1(iw)], 64, c->gr[iw_rre_r2(iw)], bits2);
}

/* 19   CR    - Compare                                    [RR] */
int op_cr(struct cpu *c, uint64_t iw) { return cmpx(c, false, c->gr[iw_r1(iw)], 32, c->gr[iw_r2(iw)], 32); }
/* 15   CLR   - Compare Logical                            [RR] */
int op_clr(struct cpu *c, uint64_t iw) { return cmpx(c, true, c->gr[iw_r1(iw)], 32, c->gr[iw_r2(iw)], 32); }
/* B920 CGR   - Compare (64)                               [RRE] */
int op_cgr(struct cpu *c, uint64_t iw) { return cmp_rre(c, iw, false, 64); }
/* B921 CLGR  - Compare Logical (64)                       [RRE] */
int op_clgr(struct cpu *c, uint64_t iw) { return cmp_rre(c, iw, true, 64); }
/* B930 CGFR  - Compare (64 <- 32)                         [RRE] */
int op_cgfr(struct cpu *c, uint64_t iw) { return cmp_rre(c, iw, false, 32); }
/* B931 CLGFR - Compare Logical (64 <- 32)                 [RRE] */
int op_clgfr(struct cpu *c, uint64_t iw) { return cmp_rre(c, iw, true, 32); }
/* A7E  CHI   - Compare Halfword Immediate                 [RI-a] */
int op_chi(struct cpu *c, uint64_t iw) { return cmpx(c, false, c->gr[iw_r1(iw)], 32, iw_i16(iw), 16); }
/* A7F  CGHI  - Compare Halfword Immediate (64)            [RI-a] */
int op_cghi(struct cpu *c, uint64_t iw) { return cmpx(c, false, c->gr[iw_r1(iw)], 64, iw_i16(iw), 16); }
/* C2D  CFI   - Compare Immediate (32)                     [RIL-a] */
int op_cfi(struct cpu *c, uint64_t iw) { return cmpx(c, false, c->gr[iw_r1(iw)], 32, iw_i32(iw), 32); }
/* C2F  CLFI  - Compare Logical Immediate (32)             [RIL-a] */
int op_clfi(struct cpu *c, uint64_t iw) { return cmpx(c, true, c->gr[iw_r1(iw)], 32, iw_i32(iw), 32); }
/* C2C  CGFI  - Compare Immediate (64 <- 32)               [RIL-a] */
int op_cgfi(struct cpu *c, uint64_t iw) { return cmpx(c, false, c->gr[iw_r1(iw)], 64, iw_i32(iw), 32); }
/* C2E  CLGFI - Compare Logical Immediate (64 <- 32)       [RIL-a] */
int op_clgfi(struct cpu *c, uint64_t iw) { return cmpx(c, true, c->gr[iw_r1(iw)], 64, iw_i32(iw), 32); }

/* ---- high word ---------------------------------------------------------------- */

/* High word of R1 against the high or low word of R2 [RRE] */
static int cmp_high(struct cpu *c, uint64_t iw, bool logical, bool r2_low)
{
    unsigned r2 = iw_rre_r2(iw);
    return cmpx(c, logical, hi32(c, iw_rre_r1(iw)), 32, r2_low ? lo32(c, r2) : hi32(c, r2), 32);
}

/* B9CD CHHR  - Compare High (high : high)                 [RRE] */
int op_chhr(struct cpu *c, uint64_t iw) { return cmp_high(c, iw, false, false); }
/* B9CF CLHHR - Compare Logical High (high : high)         [RRE] */
int op_clhhr(struct cpu *c, uint64_t iw) { return cmp_high(c, iw, true, false); }
/* B9DD CHLR  - Compare High (high : low)                  [RRE] */
int op_chlr(struct cpu *c, uint64_t iw) { return cmp_high(c, iw, false, true); }
/* B9DF CLHLR - Compare Logical High (high : low)          [RRE] */
int op_clhlr(struct cpu *c, uint64_t iw) { return cmp_high(c, iw, true, true); }
/* CCD  CIH   - Compare Immediate High                     [RIL-a] */
int op_cih(struct cpu *c, uint64_t iw) { return cmpx(c, false, hi32(c, iw_r1(iw)), 32, iw_i32(iw), 32); }
/* CCF  CLIH  - Compare Logical Immediate High             [RIL-a] */
int op_clih(struct cpu *c, uint64_t iw) { return cmpx(c, true, hi32(c, iw_r1(iw)), 32, iw_i32(iw), 32); }

/* High word of R1 against a storage word [RXY-a] */
static int cmp_high_mem(struct cpu *c, uint64_t iw, bool logical)
{
    uint64_t v;
    int pgm = fetch_ext(c, ea_rxy(c, iw), 4, !logical, &v);
    if (pgm)
        return pgm;
    return cmp(c, logical, ext(hi32(c, iw_r1(iw)), 32, !logical), v);
}

/* E3CD CHF   - Compare High (high : storage)              [RXY-a] */
int op_chf(struct cpu *c, uint64_t iw) { return cmp_high_mem(c, iw, false); }
/* E3CF CLHF  - Compare Logical High (high : storage)      [RXY-a] */
int op_clhf(struct cpu *c, uint64_t iw) { return cmp_high_mem(c, iw, true); }

/* ---- storage operands ---------------------------------------------------------- */

/* 59   C     - Compare                                    [RX-a]
 * E359 CY    - Compare                                    [RXY-a] */
int op_c(struct cpu *c, uint64_t iw) { return cmp_mem(c, false, iw_r1(iw), 32, ea_x(c, iw), 4); }
/* 55   CL    - Compare Logical                            [RX-a]
 * E355 CLY   - Compare Logical                            [RXY-a] */
int op_cl(struct cpu *c, uint64_t iw) { return cmp_mem(c, true, iw_r1(iw), 32, ea_x(c, iw), 4); }
/* 49   CH    - Compare Halfword                           [RX-a]
 * E379 CHY   - Compare Halfword                           [RXY-a] */
int op_ch(struct cpu *c, uint64_t iw) { return cmp_mem(c, false, iw_r1(iw), 32, ea_x(c, iw), 2); }
/* E334 CGH   - Compare Halfword (64 <- 16)                [RXY-a] */
int op_cgh(struct cpu *c, uint64_t iw) { return cmp_mem(c, false, iw_r1(iw), 64, ea_rxy(c, iw), 2); }
/* E320 CG    - Compare (64)                               [RXY-a] */
int op_cg(struct cpu *c, uint64_t iw) { return cmp_mem(c, false, iw_r1(iw), 64, ea_rxy(c, iw), 8); }
/* E321 CLG   - Compare Logical (64)                       [RXY-a] */
int op_clg(struct cpu *c, uint64_t iw) { return cmp_mem(c, true, iw_r1(iw), 64, ea_rxy(c, iw), 8); }
/* E330 CGF   - Compare (64 <- 32)                         [RXY-a] */
int op_cgf(struct cpu *c, uint64_t iw) { return cmp_mem(c, false, iw_r1(iw), 64, ea_rxy(c, iw), 4); }
/* E331 CLGF  - Compare Logical (64 <- 32)                 [RXY-a] */
int op_clgf(struct cpu *c, uint64_t iw) { return cmp_mem(c, true, iw_r1(iw), 64, ea_rxy(c, iw), 4); }

/* C6D  CRL    - Compare Relative Long                     [RIL-b] */
int op_crl(struct cpu *c, uint64_t iw) { return cmp_rl(c, iw, false, 32, 4); }
/* C6F  CLRL   - Compare Logical Relative Long             [RIL-b] */
int op_clrl(struct cpu *c, uint64_t iw) { return cmp_rl(c, iw, true, 32, 4); }
/* C68  CGRL   - Compare Relative Long (64)                [RIL-b] */
int op_cgrl(struct cpu *c, uint64_t iw) { return cmp_rl(c, iw, false, 64, 8); }
/* C6A  CLGRL  - Compare Logical Relative Long (64)        [RIL-b] */
int op_clgrl(struct cpu *c, uint64_t iw) { return cmp_rl(c, iw, true, 64, 8); }
/* C6C  CGFRL  - Compare Relative Long (64 <- 32)          [RIL-b] */
int op_cgfrl(struct cpu *c, uint64_t iw) { return cmp_rl(c, iw, false, 64, 4); }
/* C6E  CLGFRL - Compare Logical Relative Long (64 <- 32)  [RIL-b] */
int op_clgfrl(struct cpu *c, uint64_t iw) { return cmp_rl(c, iw, true, 64, 4); }
/* C65  CHRL   - Compare Halfword Relative Long            [RIL-b] */
int op_chrl(struct cpu *c, uint64_t iw) { return cmp_rl(c, iw, false, 32, 2); }
/* C67  CLHRL  - Compare Logical Relative Long (32 <- 16)  [RIL-b] */
int op_clhrl(struct cpu *c, uint64_t iw) { return cmp_rl(c, iw, true, 32, 2); }
/* C64  CGHRL  - Compare Halfword Relative Long (64)       [RIL-b] */
int op_cghrl(struct cpu *c, uint64_t iw) { return cmp_rl(c, iw, false, 64, 2); }
/* C66  CLGHRL - Compare Logical Relative Long (64 <- 16)  [RIL-b] */
int op_clghrl(struct cpu *c, uint64_t iw) { return cmp_rl(c, iw, true, 64, 2); }

/* E554 CHHSI  - Compare Halfword Immediate (16 <- 16)     [SIL] */
int op_chhsi(struct cpu *c, uint64_t iw) { return cmp_sil(c, iw, false, 2); }
/* E555 CLHHSI - Compare Logical Immediate (16 <- 16)      [SIL] */
int op_clhhsi(struct cpu *c, uint64_t iw) { return cmp_sil(c, iw, true, 2); }
/* E55C CHSI   - Compare Halfword Immediate (32 <- 16)     [SIL] */
int op_chsi(struct cpu *c, uint64_t iw) { return cmp_sil(c, iw, false, 4); }
/* E55D CLFHSI - Compare Logical Immediate (32 <- 16)      [SIL] */
int op_clfhsi(struct cpu *c, uint64_t iw) { return cmp_sil(c, iw, true, 4); }
/* E558 CGHSI  - Compare Halfword Immediate (64 <- 16)     [SIL] */
int op_cghsi(struct cpu *c, uint64_t iw) { return cmp_sil(c, iw, false, 8); }
/* E559 CLGHSI - Compare Logical Immediate (64 <- 16)      [SIL] */
int op_clghsi(struct cpu *c, uint64_t iw) { return cmp_sil(c, iw, true, 8); }

/* ---- LOAD AND TEST / COMPLEMENT / POSITIVE / NEGATIVE -------------------------- */

/* What the unary operations do to their (already extended) operand. */
enum uop { UOP_TEST, UOP_COMP, UOP_POS, UOP_NEG };

/* 32-bit result into the low word of R1: negation of the maximum negative number
 * overflows (CC 3, result unchanged). */
static int unary32(struct cpu *c, unsigned r1, uint32_t v, enum uop op)
{
    bool neg = (int32_t)v < 0;
    uint32_t r = v;
    if (op == UOP_COMP || (op == UOP_POS && neg) || (op == UOP_NEG && !neg && v)) {
        r = sub32_cc(c, 0, v);
    } else {
        cc_signed32(c, v);
    }
    set_low32(c, r1, r);
    return fixovf_check(c);
}

/* 64-bit result into R1; 'v' may be a sign-extended word (the ..GFR forms). */
static int unary64(struct cpu *c, unsigned r1, uint64_t v, enum uop op)
{
    bool neg = (int64_t)v < 0;
    uint64_t r = v;
    if (op == UOP_COMP || (op == UOP_POS && neg) || (op == UOP_NEG && !neg && v)) {
        r = sub64_cc(c, 0, v);
    } else {
        cc_signed64(c, v);
    }
    c->gr[r1] = r;
    return fixovf_check(c);
}

/* 12   LTR   - Load and Test                              [RR] */
int op_ltr(struct cpu *c, uint64_t iw) { return unary32(c, iw_r1(iw), lo32(c, iw_r2(iw)), UOP_TEST); }
/* 13   LCR   - Load Complement                            [RR] */
int op_lcr(struct cpu *c, uint64_t iw) { return unary32(c, iw_r1(iw), lo32(c, iw_r2(iw)), UOP_COMP); }
/* 10   LPR   - Load Positive                              [RR] */
int op_lpr(struct cpu *c, uint64_t iw) { return unary32(c, iw_r1(iw), lo32(c, iw_r2(iw)), UOP_POS); }
/* 11   LNR   - Load Negative                              [RR] */
int op_lnr(struct cpu *c, uint64_t iw) { return unary32(c, iw_r1(iw), lo32(c, iw_r2(iw)), UOP_NEG); }

/* R1 (64) = op R2 (64, or its low word sign-extended) [RRE] */
static int unary_rre(struct cpu *c, uint64_t iw, enum uop op, bool from32)
{
    uint64_t v = c->gr[iw_rre_r2(iw)];
    return unary64(c, iw_rre_r1(iw), from32 ? (uint64_t)sext32(v) : v, op);
}

/* B902 LTGR  - Load and Test (64)                         [RRE] */
int op_ltgr(struct cpu *c, uint64_t iw) { return unary_rre(c, iw, UOP_TEST, false); }
/* B903 LCGR  - Load Complement (64)                       [RRE] */
int op_lcgr(struct cpu *c, uint64_t iw) { return unary_rre(c, iw, UOP_COMP, false); }
/* B900 LPGR  - Load Positive (64)                         [RRE] */
int op_lpgr(struct cpu *c, uint64_t iw) { return unary_rre(c, iw, UOP_POS, false); }
/* B901 LNGR  - Load Negative (64)                         [RRE] */
int op_lngr(struct cpu *c, uint64_t iw) { return unary_rre(c, iw, UOP_NEG, false); }

/* B912 LTGFR - Load and Test (64 <- 32)                   [RRE] */
int op_ltgfr(struct cpu *c, uint64_t iw) { return unary_rre(c, iw, UOP_TEST, true); }
/* B913 LCGFR - Load Complement (64 <- 32)                 [RRE] */
int op_lcgfr(struct cpu *c, uint64_t iw) { return unary_rre(c, iw, UOP_COMP, true); }
/* B910 LPGFR - Load Positive (64 <- 32)                   [RRE] */
int op_lpgfr(struct cpu *c, uint64_t iw) { return unary_rre(c, iw, UOP_POS, true); }
/* B911 LNGFR - Load Negative (64 <- 32)                   [RRE] */
int op_lngfr(struct cpu *c, uint64_t iw) { return unary_rre(c, iw, UOP_NEG, true); }

/* E312 LT    - Load and Test                              [RXY-a] */
int op_lt(struct cpu *c, uint64_t iw)
{
    uint64_t v;
    int pgm = fetch_ext(c, ea_rxy(c, iw), 4, false, &v);
    return pgm ? pgm : unary32(c, iw_r1(iw), (uint32_t)v, UOP_TEST);
}

/* R1 (64) = storage of 'bytes' (a word is sign-extended), CC by its sign [RXY-a] */
static int ltg_mem(struct cpu *c, uint64_t iw, unsigned bytes)
{
    uint64_t v;
    int pgm = fetch_ext(c, ea_rxy(c, iw), bytes, true, &v);
    return pgm ? pgm : unary64(c, iw_r1(iw), v, UOP_TEST);
}

/* E302 LTG   - Load and Test (64)                         [RXY-a] */
int op_ltg(struct cpu *c, uint64_t iw) { return ltg_mem(c, iw, 8); }
/* E332 LTGF  - Load and Test (64 <- 32)                   [RXY-a] */
int op_ltgf(struct cpu *c, uint64_t iw) { return ltg_mem(c, iw, 4); }
