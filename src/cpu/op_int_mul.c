/* Binary-integer MULTIPLY and DIVIDE (PoP ch.7). None of them sets the CC. The
 * pair forms use the even/odd register pair R1, R1+1 (odd R1: specification
 * exception, recognised before any storage access). A quotient that does not fit,
 * or a zero divisor, is a fixed-point-divide exception with nothing changed. */
#include "op_int.h"

/* Even/odd pair check shared by the pair forms. */
static inline int pair_check(unsigned r1)
{
    return reg_is_odd(r1) ? PGM_SPECIFICATION : 0;
}

/* ---- 32-bit (and 64-bit) products into a pair ----------------------------- */

/* R1:R1+1 low words = low word of R1+1 * op2, signed or unsigned 64-bit product */
static void mul_pair32(struct cpu *c, unsigned r1, uint32_t op2, bool sign)
{
    uint32_t a = lo32(c, r1 + 1);
    uint64_t p = sign ? (uint64_t)((int64_t)(int32_t)a * (int32_t)op2) : (uint64_t)a * op2;
    set_low32(c, r1, (uint32_t)(p >> 32));
    set_low32(c, r1 + 1, (uint32_t)p);
}

/* 1C   MR    - Multiply                                   [RR] */
int op_mr(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_r1(iw);
    int pgm = pair_check(r1);
    if (!pgm)
        mul_pair32(c, r1, lo32(c, iw_r2(iw)), true);
    return pgm;
}

/* B996 MLR   - Multiply Logical                           [RRE] */
int op_mlr(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_rre_r1(iw);
    int pgm = pair_check(r1);
    if (!pgm)
        mul_pair32(c, r1, lo32(c, iw_rre_r2(iw)), false);
    return pgm;
}

/* Storage forms of the 32-bit pair multiply. */
static int mul_pair32_rx(struct cpu *c, uint64_t iw, bool sign)
{
    unsigned r1 = iw_r1(iw);
    uint64_t v;
    int pgm = pair_check(r1);
    if (!pgm)
        pgm = fetch_ext(c, ea_x(c, iw), 4, false, &v);
    if (!pgm)
        mul_pair32(c, r1, (uint32_t)v, sign);
    return pgm;
}

/* 5C   M     - Multiply                                   [RX-a]
 * E35C MFY   - Multiply                                   [RXY-a] */
int op_m(struct cpu *c, uint64_t iw) { return mul_pair32_rx(c, iw, true); }
/* E396 ML    - Multiply Logical                           [RXY-a] */
int op_ml(struct cpu *c, uint64_t iw) { return mul_pair32_rx(c, iw, false); }

/* R1:R1+1 = R1+1 * op2, unsigned 128-bit product */
static void mul_pair64(struct cpu *c, unsigned r1, uint64_t op2)
{
    unsigned __int128 p = (unsigned __int128)c->gr[r1 + 1] * op2;
    c->gr[r1] = (uint64_t)(p >> 64);
    c->gr[r1 + 1] = (uint64_t)p;
}

/* B986 MLGR  - Multiply Logical (128 <- 64)               [RRE] */
int op_mlgr(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_rre_r1(iw);
    int pgm = pair_check(r1);
    if (!pgm)
        mul_pair64(c, r1, c->gr[iw_rre_r2(iw)]);
    return pgm;
}

/* E386 MLG   - Multiply Logical (128 <- 64)               [RXY-a] */
int op_mlg(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_r1(iw);
    uint64_t v;
    int pgm = pair_check(r1);
    if (!pgm)
        pgm = mem_read64_va(c, ea_rxy(c, iw), &v);
    if (!pgm)
        mul_pair64(c, r1, v);
    return pgm;
}

/* ---- MULTIPLY SINGLE: the low bits of the product, overflow ignored ------- */

static inline void msing32(struct cpu *c, unsigned r1, uint32_t op2)
{
    set_low32(c, r1, lo32(c, r1) * op2);
}
static inline void msing64(struct cpu *c, unsigned r1, uint64_t op2)
{
    c->gr[r1] *= op2;
}

/* R1 (32) *= storage (4 bytes, or a sign-extended halfword) [RX-a, RXY-a] */
static int msing32_rx(struct cpu *c, uint64_t iw, unsigned bytes)
{
    uint64_t v;
    int pgm = fetch_ext(c, ea_x(c, iw), bytes, true, &v);
    if (!pgm)
        msing32(c, iw_r1(iw), (uint32_t)v);
    return pgm;
}

/* R1 (64) *= storage (8 bytes, or a sign-extended word) [RXY-a] */
static int msing64_rxy(struct cpu *c, uint64_t iw, unsigned bytes)
{
    uint64_t v;
    int pgm = fetch_ext(c, ea_rxy(c, iw), bytes, true, &v);
    if (!pgm)
        msing64(c, iw_r1(iw), v);
    return pgm;
}

/* 71   MS    - Multiply Single                            [RX-a]
 * E351 MSY   - Multiply Single                            [RXY-a] */
int op_ms(struct cpu *c, uint64_t iw) { return msing32_rx(c, iw, 4); }
/* 4C   MH    - Multiply Halfword                          [RX-a]
 * E37C MHY   - Multiply Halfword                          [RXY-a] */
int op_mh(struct cpu *c, uint64_t iw) { return msing32_rx(c, iw, 2); }
/* E30C MSG   - Multiply Single (64)                       [RXY-a] */
int op_msg(struct cpu *c, uint64_t iw) { return msing64_rxy(c, iw, 8); }
/* E31C MSGF  - Multiply Single (64 <- 32)                 [RXY-a] */
int op_msgf(struct cpu *c, uint64_t iw) { return msing64_rxy(c, iw, 4); }

/* B252 MSR   - Multiply Single                            [RRE] */
int op_msr(struct cpu *c, uint64_t iw)
{
    msing32(c, iw_rre_r1(iw), lo32(c, iw_rre_r2(iw)));
    return 0;
}
/* B90C MSGR  - Multiply Single (64)                       [RRE] */
int op_msgr(struct cpu *c, uint64_t iw)
{
    msing64(c, iw_rre_r1(iw), c->gr[iw_rre_r2(iw)]);
    return 0;
}
/* B91C MSGFR - Multiply Single (64 <- 32)                 [RRE] */
int op_msgfr(struct cpu *c, uint64_t iw)
{
    msing64(c, iw_rre_r1(iw), (uint64_t)sext32(c->gr[iw_rre_r2(iw)]));
    return 0;
}
/* A7C  MHI   - Multiply Halfword Immediate                [RI-a] */
int op_mhi(struct cpu *c, uint64_t iw)
{
    msing32(c, iw_r1(iw), (uint32_t)sext16(iw_i16(iw)));
    return 0;
}
/* A7D  MGHI  - Multiply Halfword Immediate (64)           [RI-a] */
int op_mghi(struct cpu *c, uint64_t iw)
{
    msing64(c, iw_r1(iw), (uint64_t)sext16(iw_i16(iw)));
    return 0;
}
/* C21  MSFI  - Multiply Single Immediate (32)             [RIL-a] */
int op_msfi(struct cpu *c, uint64_t iw)
{
    msing32(c, iw_r1(iw), iw_i32(iw));
    return 0;
}
/* C20  MSGFI - Multiply Single Immediate (64 <- 32)       [RIL-a] */
int op_msgfi(struct cpu *c, uint64_t iw)
{
    msing64(c, iw_r1(iw), (uint64_t)sext32(iw_i32(iw)));
    return 0;
}

/* ---- DIVIDE --------------------------------------------------------------- */

/* D: the 64-bit signed dividend is the low words of R1:R1+1; remainder to the low
 * word of R1, quotient to the low word of R1+1 (both 32-bit signed). */
static int div32(struct cpu *c, unsigned r1, uint32_t op2)
{
    int64_t n = (int64_t)(((uint64_t)lo32(c, r1) << 32) | lo32(c, r1 + 1));
    int64_t d = (int32_t)op2;
    if (d == 0 || (n == INT64_MIN && d == -1))
        return PGM_FIXPOINT_DIVIDE;
    int64_t q = n / d;
    if (q != (int32_t)q)
        return PGM_FIXPOINT_DIVIDE;
    set_low32(c, r1, (uint32_t)(n % d));
    set_low32(c, r1 + 1, (uint32_t)q);
    return 0;
}

/* DL: the same with an unsigned dividend, divisor and quotient. */
static int divl32(struct cpu *c, unsigned r1, uint32_t op2)
{
    uint64_t n = ((uint64_t)lo32(c, r1) << 32) | lo32(c, r1 + 1);
    if (op2 == 0 || n / op2 > UINT32_MAX)
        return PGM_FIXPOINT_DIVIDE;
    set_low32(c, r1, (uint32_t)(n % op2));
    set_low32(c, r1 + 1, (uint32_t)(n / op2));
    return 0;
}

/* DLG: the 128-bit unsigned dividend R1:R1+1; the quotient must fit 64 bits,
 * which holds exactly when the high half is below the divisor. */
static int divl64(struct cpu *c, unsigned r1, uint64_t op2)
{
    if (op2 == 0 || c->gr[r1] >= op2)
        return PGM_FIXPOINT_DIVIDE;
    unsigned __int128 n = ((unsigned __int128)c->gr[r1] << 64) | c->gr[r1 + 1];
    c->gr[r1] = (uint64_t)(n % op2);
    c->gr[r1 + 1] = (uint64_t)(n / op2);
    return 0;
}

/* DSG: the 64-bit signed dividend is R1+1 (R1 is ignored); remainder to R1,
 * quotient to R1+1. */
static int divs64(struct cpu *c, unsigned r1, int64_t d)
{
    int64_t n = (int64_t)c->gr[r1 + 1];
    if (d == 0 || (n == INT64_MIN && d == -1))
        return PGM_FIXPOINT_DIVIDE;
    c->gr[r1] = (uint64_t)(n % d);
    c->gr[r1 + 1] = (uint64_t)(n / d);
    return 0;
}

/* 1D   DR    - Divide                                     [RR] */
int op_dr(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_r1(iw);
    int pgm = pair_check(r1);
    return pgm ? pgm : div32(c, r1, lo32(c, iw_r2(iw)));
}

/* B997 DLR   - Divide Logical                             [RRE] */
int op_dlr(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_rre_r1(iw);
    int pgm = pair_check(r1);
    return pgm ? pgm : divl32(c, r1, lo32(c, iw_rre_r2(iw)));
}

/* B987 DLGR  - Divide Logical (64 <- 128)                 [RRE] */
int op_dlgr(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_rre_r1(iw);
    int pgm = pair_check(r1);
    return pgm ? pgm : divl64(c, r1, c->gr[iw_rre_r2(iw)]);
}

/* B90D DSGR  - Divide Single (64)                         [RRE] */
int op_dsgr(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_rre_r1(iw);
    int pgm = pair_check(r1);
    return pgm ? pgm : divs64(c, r1, (int64_t)c->gr[iw_rre_r2(iw)]);
}

/* B91D DSGFR - Divide Single (64 <- 32)                   [RRE] */
int op_dsgfr(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_rre_r1(iw);
    int pgm = pair_check(r1);
    return pgm ? pgm : divs64(c, r1, sext32(c->gr[iw_rre_r2(iw)]));
}

/* Storage forms: pair check, then the fetch, then the divide. */
enum divk { DIV_S32, DIV_L32, DIV_L64, DIV_S64, DIV_S64F };

static int div_rx(struct cpu *c, uint64_t iw, enum divk k)
{
    static const uint8_t bytes[] = { 4, 4, 8, 8, 4 };
    unsigned r1 = iw_r1(iw);
    uint64_t v;
    int pgm = pair_check(r1);
    if (!pgm)
        pgm = fetch_ext(c, ea_x(c, iw), bytes[k], k == DIV_S64F, &v);
    if (pgm)
        return pgm;
    switch (k) {
    case DIV_S32: return div32(c, r1, (uint32_t)v);
    case DIV_L32: return divl32(c, r1, (uint32_t)v);
    case DIV_L64: return divl64(c, r1, v);
    default:      return divs64(c, r1, (int64_t)v);
    }
}

/* 5D   D     - Divide                                     [RX-a] */
int op_d(struct cpu *c, uint64_t iw) { return div_rx(c, iw, DIV_S32); }
/* E397 DL    - Divide Logical                             [RXY-a] */
int op_dl(struct cpu *c, uint64_t iw) { return div_rx(c, iw, DIV_L32); }
/* E387 DLG   - Divide Logical (64 <- 128)                 [RXY-a] */
int op_dlg(struct cpu *c, uint64_t iw) { return div_rx(c, iw, DIV_L64); }
/* E30D DSG   - Divide Single (64)                         [RXY-a] */
int op_dsg(struct cpu *c, uint64_t iw) { return div_rx(c, iw, DIV_S64); }
/* E31D DSGF  - Divide Single (64 <- 32)                   [RXY-a] */
int op_dsgf(struct cpu *c, uint64_t iw) { return div_rx(c, iw, DIV_S64F); }
