/* BFP conversions (PoP ch.19): LOAD LENGTHENED, LOAD ROUNDED, CONVERT FROM/TO FIXED,
 * CONVERT FROM/TO LOGICAL (floating-point-extension facility) and LOAD FP INTEGER.
 * The RRF-e forms take a rounding method in M3 and the inexact-suppression control
 * (XxC) in bit 1 of M4; both fields are checked by bfp_m34(). */
#include "bfp.h"

#define M4_XXC 0x4

/* ---- LOAD LENGTHENED: exact; an SNaN is quieted (invalid operation). */
static int lengthen(struct cpu *c, int kd, int ks, unsigned r1, u128 v)
{
    struct bfp_ctx x;
    bfp_ctx_init(c, &x, kd, RM_NE);
    u128 r = bfp_convert(&x, kd, ks, v);
    return bfp_finish(c, &x, kd, r1, r, false, false);
}

static int lengthen_rre(struct cpu *c, uint64_t iw, int kd, int ks)
{
    unsigned r1 = iw_rre_r1(iw);
    if (kd == BFP_X && !fpr_pair_ok(r1))
        return PGM_SPECIFICATION;
    return lengthen(c, kd, ks, r1, fpr_get(c, ks, iw_rre_r2(iw)));
}

static int lengthen_rxe(struct cpu *c, uint64_t iw, int kd, int ks)
{
    unsigned r1 = iw_r1(iw);
    u128 v;
    if (kd == BFP_X && !fpr_pair_ok(r1))
        return PGM_SPECIFICATION;
    int pgm = bfp_fetch(c, ks, ea_rx(c, iw), &v);
    if (pgm)
        return pgm;
    return lengthen(c, kd, ks, r1, v);
}

/* B304 LDEBR - Load Lengthened (short to long BFP)        [RRE] */
int op_ldebr(struct cpu *c, uint64_t iw) { return lengthen_rre(c, iw, BFP_L, BFP_S); }
/* B305 LXDBR - Load Lengthened (long to extended BFP)     [RRE] */
int op_lxdbr(struct cpu *c, uint64_t iw) { return lengthen_rre(c, iw, BFP_X, BFP_L); }
/* B306 LXEBR - Load Lengthened (short to extended BFP)    [RRE] */
int op_lxebr(struct cpu *c, uint64_t iw) { return lengthen_rre(c, iw, BFP_X, BFP_S); }
/* ED04 LDEB  - Load Lengthened (short to long BFP)        [RXE] */
int op_ldeb(struct cpu *c, uint64_t iw) { return lengthen_rxe(c, iw, BFP_L, BFP_S); }
/* ED05 LXDB  - Load Lengthened (long to extended BFP)     [RXE] */
int op_lxdb(struct cpu *c, uint64_t iw) { return lengthen_rxe(c, iw, BFP_X, BFP_L); }
/* ED06 LXEB  - Load Lengthened (short to extended BFP)    [RXE] */
int op_lxeb(struct cpu *c, uint64_t iw) { return lengthen_rxe(c, iw, BFP_X, BFP_S); }

/* ---- LOAD ROUNDED: a trapped overflow/underflow delivers the value rounded to the
 * target precision in the source format, exponent adjusted by 512 (long source) or
 * 8192 (extended source), so an extended source needs R1 to be a pair as well (as
 * the assembler insists; qemu-s390x 7.2 only checks R2). */
static int load_rounded(struct cpu *c, uint64_t iw, int kd, int ks)
{
    unsigned m3, m4, r1 = iw_rre_r1(iw), r2 = iw_rre_r2(iw);
    int pgm = bfp_m34(c, iw, true, true, &m3, &m4);
    if (pgm)
        return pgm;
    if (ks == BFP_X && (!fpr_pair_ok(r1) || !fpr_pair_ok(r2)))
        return PGM_SPECIFICATION;
    struct bfp_ctx x;
    bfp_ctx_init(c, &x, kd, bfp_rm_m3(c, m3));
    x.tkind = (int8_t)ks;
    x.talpha = ks == BFP_L ? 512 : 8192;
    u128 r = bfp_convert(&x, kd, ks, fpr_get(c, ks, r2));
    return bfp_finish(c, &x, kd, r1, r, false, m4 & M4_XXC);
}

/* B344 LEDBR - Load Rounded (long to short BFP)           [RRF-e] (also LEDBRA) */
int op_ledbr(struct cpu *c, uint64_t iw) { return load_rounded(c, iw, BFP_S, BFP_L); }
/* B345 LDXBR - Load Rounded (extended to long BFP)        [RRF-e] (also LDXBRA) */
int op_ldxbr(struct cpu *c, uint64_t iw) { return load_rounded(c, iw, BFP_L, BFP_X); }
/* B346 LEXBR - Load Rounded (extended to short BFP)       [RRF-e] (also LEXBRA) */
int op_lexbr(struct cpu *c, uint64_t iw) { return load_rounded(c, iw, BFP_S, BFP_X); }

/* ---- CONVERT FROM FIXED / FROM LOGICAL: GR R2 (bits 32-63 for the 32-bit forms). */
static int from_int(struct cpu *c, uint64_t iw, int kd, int bits, bool is_signed)
{
    unsigned m3, m4, r1 = iw_rre_r1(iw);
    int pgm = bfp_m34(c, iw, is_signed, is_signed, &m3, &m4);
    if (pgm)
        return pgm;
    if (kd == BFP_X && !fpr_pair_ok(r1))
        return PGM_SPECIFICATION;
    uint64_t v = c->gr[iw_rre_r2(iw)];
    if (bits == 32)
        v = is_signed ? (uint64_t)sext32(v) : (uint32_t)v;
    bool neg = is_signed && (int64_t)v < 0;
    struct bfp_ctx x;
    bfp_ctx_init(c, &x, kd, bfp_rm_m3(c, m3));
    u128 r = bfp_from_int(&x, kd, neg, neg ? 0 - v : v);
    return bfp_finish(c, &x, kd, r1, r, false, m4 & M4_XXC);
}

/* B394 CEFBR - Convert from Fixed (32 to short BFP)       [RRF-e] (also CEFBRA) */
int op_cefbr(struct cpu *c, uint64_t iw) { return from_int(c, iw, BFP_S, 32, true); }
/* B395 CDFBR - Convert from Fixed (32 to long BFP)        [RRF-e] (also CDFBRA) */
int op_cdfbr(struct cpu *c, uint64_t iw) { return from_int(c, iw, BFP_L, 32, true); }
/* B396 CXFBR - Convert from Fixed (32 to extended BFP)    [RRF-e] (also CXFBRA) */
int op_cxfbr(struct cpu *c, uint64_t iw) { return from_int(c, iw, BFP_X, 32, true); }
/* B3A4 CEGBR - Convert from Fixed (64 to short BFP)       [RRF-e] (also CEGBRA) */
int op_cegbr(struct cpu *c, uint64_t iw) { return from_int(c, iw, BFP_S, 64, true); }
/* B3A5 CDGBR - Convert from Fixed (64 to long BFP)        [RRF-e] (also CDGBRA) */
int op_cdgbr(struct cpu *c, uint64_t iw) { return from_int(c, iw, BFP_L, 64, true); }
/* B3A6 CXGBR - Convert from Fixed (64 to extended BFP)    [RRF-e] (also CXGBRA) */
int op_cxgbr(struct cpu *c, uint64_t iw) { return from_int(c, iw, BFP_X, 64, true); }
/* B390 CELFBR - Convert from Logical (32 to short BFP)    [RRF-e] */
int op_celfbr(struct cpu *c, uint64_t iw) { return from_int(c, iw, BFP_S, 32, false); }
/* B391 CDLFBR - Convert from Logical (32 to long BFP)     [RRF-e] */
int op_cdlfbr(struct cpu *c, uint64_t iw) { return from_int(c, iw, BFP_L, 32, false); }
/* B392 CXLFBR - Convert from Logical (32 to extended BFP) [RRF-e] */
int op_cxlfbr(struct cpu *c, uint64_t iw) { return from_int(c, iw, BFP_X, 32, false); }
/* B3A0 CELGBR - Convert from Logical (64 to short BFP)    [RRF-e] */
int op_celgbr(struct cpu *c, uint64_t iw) { return from_int(c, iw, BFP_S, 64, false); }
/* B3A1 CDLGBR - Convert from Logical (64 to long BFP)     [RRF-e] */
int op_cdlgbr(struct cpu *c, uint64_t iw) { return from_int(c, iw, BFP_L, 64, false); }
/* B3A2 CXLGBR - Convert from Logical (64 to extended BFP) [RRF-e] */
int op_cxlgbr(struct cpu *c, uint64_t iw) { return from_int(c, iw, BFP_X, 64, false); }

/* ---- CONVERT TO FIXED / TO LOGICAL: result in GR R1 (bits 32-63 for 32 bits), CC. */
static int to_int(struct cpu *c, uint64_t iw, int ks, int bits, bool is_signed)
{
    unsigned m3, m4, r1 = iw_rre_r1(iw), r2 = iw_rre_r2(iw), cc;
    int pgm = bfp_m34(c, iw, false, is_signed, &m3, &m4);
    if (pgm)
        return pgm;
    if (ks == BFP_X && !fpr_pair_ok(r2))
        return PGM_SPECIFICATION;
    struct bfp_ctx x;
    bfp_ctx_init(c, &x, ks, bfp_rm_m3(c, m3));
    uint64_t v = bfp_to_int(&x, ks, fpr_get(c, ks, r2), bits, is_signed, &cc);
    int o = bfp_ieee_end(c, &x, m4 & M4_XXC);
    if (o == BFP_SUPPRESS)
        return PGM_DATA;
    if (bits == 32)
        set_low32(c, r1, (uint32_t)v);
    else
        c->gr[r1] = v;
    c->cc = cc;
    return o ? PGM_DATA : 0;
}

/* B398 CFEBR - Convert to Fixed (short BFP to 32)         [RRF-e] (also CFEBRA) */
int op_cfebr(struct cpu *c, uint64_t iw) { return to_int(c, iw, BFP_S, 32, true); }
/* B399 CFDBR - Convert to Fixed (long BFP to 32)          [RRF-e] (also CFDBRA) */
int op_cfdbr(struct cpu *c, uint64_t iw) { return to_int(c, iw, BFP_L, 32, true); }
/* B39A CFXBR - Convert to Fixed (extended BFP to 32)      [RRF-e] (also CFXBRA) */
int op_cfxbr(struct cpu *c, uint64_t iw) { return to_int(c, iw, BFP_X, 32, true); }
/* B3A8 CGEBR - Convert to Fixed (short BFP to 64)         [RRF-e] (also CGEBRA) */
int op_cgebr(struct cpu *c, uint64_t iw) { return to_int(c, iw, BFP_S, 64, true); }
/* B3A9 CGDBR - Convert to Fixed (long BFP to 64)          [RRF-e] (also CGDBRA) */
int op_cgdbr(struct cpu *c, uint64_t iw) { return to_int(c, iw, BFP_L, 64, true); }
/* B3AA CGXBR - Convert to Fixed (extended BFP to 64)      [RRF-e] (also CGXBRA) */
int op_cgxbr(struct cpu *c, uint64_t iw) { return to_int(c, iw, BFP_X, 64, true); }
/* B39C CLFEBR - Convert to Logical (short BFP to 32)      [RRF-e] */
int op_clfebr(struct cpu *c, uint64_t iw) { return to_int(c, iw, BFP_S, 32, false); }
/* B39D CLFDBR - Convert to Logical (long BFP to 32)       [RRF-e] */
int op_clfdbr(struct cpu *c, uint64_t iw) { return to_int(c, iw, BFP_L, 32, false); }
/* B39E CLFXBR - Convert to Logical (extended BFP to 32)   [RRF-e] */
int op_clfxbr(struct cpu *c, uint64_t iw) { return to_int(c, iw, BFP_X, 32, false); }
/* B3AC CLGEBR - Convert to Logical (short BFP to 64)      [RRF-e] */
int op_clgebr(struct cpu *c, uint64_t iw) { return to_int(c, iw, BFP_S, 64, false); }
/* B3AD CLGDBR - Convert to Logical (long BFP to 64)       [RRF-e] */
int op_clgdbr(struct cpu *c, uint64_t iw) { return to_int(c, iw, BFP_L, 64, false); }
/* B3AE CLGXBR - Convert to Logical (extended BFP to 64)   [RRF-e] */
int op_clgxbr(struct cpu *c, uint64_t iw) { return to_int(c, iw, BFP_X, 64, false); }

/* ---- LOAD FP INTEGER: round to an integral value in the same format. */
static int load_fp_int(struct cpu *c, uint64_t iw, int k)
{
    unsigned m3, m4, r1 = iw_rre_r1(iw), r2 = iw_rre_r2(iw);
    int pgm = bfp_m34(c, iw, false, true, &m3, &m4);
    if (pgm)
        return pgm;
    if (k == BFP_X && (!fpr_pair_ok(r1) || !fpr_pair_ok(r2)))
        return PGM_SPECIFICATION;
    struct bfp_ctx x;
    bfp_ctx_init(c, &x, k, bfp_rm_m3(c, m3));
    u128 r = bfp_round_int(&x, k, fpr_get(c, k, r2));
    return bfp_finish(c, &x, k, r1, r, false, m4 & M4_XXC);
}

/* B357 FIEBR - Load FP Integer (short BFP)                [RRF-e] (also FIEBRA) */
int op_fiebr(struct cpu *c, uint64_t iw) { return load_fp_int(c, iw, BFP_S); }
/* B35F FIDBR - Load FP Integer (long BFP)                 [RRF-e] (also FIDBRA) */
int op_fidbr(struct cpu *c, uint64_t iw) { return load_fp_int(c, iw, BFP_L); }
/* B347 FIXBR - Load FP Integer (extended BFP)             [RRF-e] (also FIXBRA) */
int op_fixbr(struct cpu *c, uint64_t iw) { return load_fp_int(c, iw, BFP_X); }
