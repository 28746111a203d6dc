/* BFP arithmetic and comparison (PoP ch.19): ADD, SUBTRACT, MULTIPLY (also short-to-long
 * and long-to-extended), DIVIDE, MULTIPLY AND ADD/SUBTRACT, SQUARE ROOT, COMPARE (AND
 * SIGNAL), TEST DATA CLASS. The rows pick format and operands; op_bfp_core.c computes. */
#include "bfp.h"

enum { OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_SQRT };

static u128 arith(struct bfp_ctx *x, int k, int op, u128 a, u128 b)
{
    switch (op) {
    case OP_ADD: return bfp_add(x, k, a, b, false);
    case OP_SUB: return bfp_add(x, k, a, b, true);
    case OP_MUL: return bfp_mul(x, k, a, b);
    case OP_DIV: return bfp_div(x, k, a, b);
    default:     return bfp_sqrt(x, k, b);
    }
}

/* r1 = r1 op op2, rounded by the FPC mode; ADD and SUBTRACT set the CC from the result. */
static int arith_op2(struct cpu *c, int k, int op, unsigned r1, u128 op2)
{
    struct bfp_ctx x;
    bfp_ctx_init(c, &x, k, bfp_rm_fpc(c));
    u128 r = arith(&x, k, op, fpr_get(c, k, r1), op2);
    return bfp_finish(c, &x, k, r1, r, op <= OP_SUB, false);
}

/* Register form [RRE]: extended operands need valid register pairs. */
static int arith_rre(struct cpu *c, uint64_t iw, int k, int op)
{
    unsigned r1 = iw_rre_r1(iw), r2 = iw_rre_r2(iw);
    if (k == BFP_X && (!fpr_pair_ok(r1) || !fpr_pair_ok(r2)))
        return PGM_SPECIFICATION;
    return arith_op2(c, k, op, r1, fpr_get(c, k, r2));
}

/* Storage form [RXE]: D2(X2,B2). */
static int arith_rxe(struct cpu *c, uint64_t iw, int k, int op)
{
    u128 op2;
    int pgm = bfp_fetch(c, k, ea_rx(c, iw), &op2);
    if (pgm)
        return pgm;
    return arith_op2(c, k, op, iw_r1(iw), op2);
}

/* B30A AEBR  - Add (short BFP)                            [RRE] */
int op_aebr(struct cpu *c, uint64_t iw) { return arith_rre(c, iw, BFP_S, OP_ADD); }
/* B31A ADBR  - Add (long BFP)                             [RRE] */
int op_adbr(struct cpu *c, uint64_t iw) { return arith_rre(c, iw, BFP_L, OP_ADD); }
/* B34A AXBR  - Add (extended BFP)                         [RRE] */
int op_axbr(struct cpu *c, uint64_t iw) { return arith_rre(c, iw, BFP_X, OP_ADD); }
/* ED0A AEB   - Add (short BFP)                            [RXE] */
int op_aeb(struct cpu *c, uint64_t iw) { return arith_rxe(c, iw, BFP_S, OP_ADD); }
/* ED1A ADB   - Add (long BFP)                             [RXE] */
int op_adb(struct cpu *c, uint64_t iw) { return arith_rxe(c, iw, BFP_L, OP_ADD); }

/* B30B SEBR  - Subtract (short BFP)                       [RRE] */
int op_sebr(struct cpu *c, uint64_t iw) { return arith_rre(c, iw, BFP_S, OP_SUB); }
/* B31B SDBR  - Subtract (long BFP)                        [RRE] */
int op_sdbr(struct cpu *c, uint64_t iw) { return arith_rre(c, iw, BFP_L, OP_SUB); }
/* B34B SXBR  - Subtract (extended BFP)                    [RRE] */
int op_sxbr(struct cpu *c, uint64_t iw) { return arith_rre(c, iw, BFP_X, OP_SUB); }
/* ED0B SEB   - Subtract (short BFP)                       [RXE] */
int op_seb(struct cpu *c, uint64_t iw) { return arith_rxe(c, iw, BFP_S, OP_SUB); }
/* ED1B SDB   - Subtract (long BFP)                        [RXE] */
int op_sdb(struct cpu *c, uint64_t iw) { return arith_rxe(c, iw, BFP_L, OP_SUB); }

/* B317 MEEBR - Multiply (short BFP)                       [RRE] */
int op_meebr(struct cpu *c, uint64_t iw) { return arith_rre(c, iw, BFP_S, OP_MUL); }
/* B31C MDBR  - Multiply (long BFP)                        [RRE] */
int op_mdbr(struct cpu *c, uint64_t iw) { return arith_rre(c, iw, BFP_L, OP_MUL); }
/* B34C MXBR  - Multiply (extended BFP)                    [RRE] */
int op_mxbr(struct cpu *c, uint64_t iw) { return arith_rre(c, iw, BFP_X, OP_MUL); }
/* ED17 MEEB  - Multiply (short BFP)                       [RXE] */
int op_meeb(struct cpu *c, uint64_t iw) { return arith_rxe(c, iw, BFP_S, OP_MUL); }
/* ED1C MDB   - Multiply (long BFP)                        [RXE] */
int op_mdb(struct cpu *c, uint64_t iw) { return arith_rxe(c, iw, BFP_L, OP_MUL); }

/* B30D DEBR  - Divide (short BFP)                         [RRE] */
int op_debr(struct cpu *c, uint64_t iw) { return arith_rre(c, iw, BFP_S, OP_DIV); }
/* B31D DDBR  - Divide (long BFP)                          [RRE] */
int op_ddbr(struct cpu *c, uint64_t iw) { return arith_rre(c, iw, BFP_L, OP_DIV); }
/* B34D DXBR  - Divide (extended BFP)                      [RRE] */
int op_dxbr(struct cpu *c, uint64_t iw) { return arith_rre(c, iw, BFP_X, OP_DIV); }
/* ED0D DEB   - Divide (short BFP)                         [RXE] */
int op_deb(struct cpu *c, uint64_t iw) { return arith_rxe(c, iw, BFP_S, OP_DIV); }
/* ED1D DDB   - Divide (long BFP)                          [RXE] */
int op_ddb(struct cpu *c, uint64_t iw) { return arith_rxe(c, iw, BFP_L, OP_DIV); }

/* B314 SQEBR - Square Root (short BFP)                    [RRE] */
int op_sqebr(struct cpu *c, uint64_t iw) { return arith_rre(c, iw, BFP_S, OP_SQRT); }
/* B315 SQDBR - Square Root (long BFP)                     [RRE] */
int op_sqdbr(struct cpu *c, uint64_t iw) { return arith_rre(c, iw, BFP_L, OP_SQRT); }
/* B316 SQXBR - Square Root (extended BFP)                 [RRE] */
int op_sqxbr(struct cpu *c, uint64_t iw) { return arith_rre(c, iw, BFP_X, OP_SQRT); }
/* ED14 SQEB  - Square Root (short BFP)                    [RXE] */
int op_sqeb(struct cpu *c, uint64_t iw) { return arith_rxe(c, iw, BFP_S, OP_SQRT); }
/* ED15 SQDB  - Square Root (long BFP)                     [RXE] */
int op_sqdb(struct cpu *c, uint64_t iw) { return arith_rxe(c, iw, BFP_L, OP_SQRT); }

/* MULTIPLY with a longer result: both operands are lengthened (exactly) first, the NaN
 * choice is made on the original operands. kd's pair check is the caller's. Operand 1
 * is the short (long) value in R1 as the PoP says; qemu-s390x 7.2 wrongly reads the
 * whole FPR (FPR pair) there. */
static int mul_lengthened(struct cpu *c, int kd, int ks, unsigned r1, u128 op2)
{
    struct bfp_ctx x;
    bfp_ctx_init(c, &x, kd, bfp_rm_fpc(c));
    u128 op1 = fpr_get(c, ks, r1), r;
    if (bfp_is_nan(ks, op1) || bfp_is_nan(ks, op2))
        r = bfp_convert(&x, kd, ks, bfp_nan2(&x, ks, op1, op2));
    else
        r = bfp_mul(&x, kd, bfp_convert(&x, kd, ks, op1), bfp_convert(&x, kd, ks, op2));
    return bfp_finish(c, &x, kd, r1, r, false, false);
}

/* B30C MDEBR - Multiply (short to long BFP)               [RRE] */
int op_mdebr(struct cpu *c, uint64_t iw)
{
    return mul_lengthened(c, BFP_L, BFP_S, iw_rre_r1(iw), fpr_get(c, BFP_S, iw_rre_r2(iw)));
}

/* B307 MXDBR - Multiply (long to extended BFP)            [RRE] */
int op_mxdbr(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_rre_r1(iw);
    if (!fpr_pair_ok(r1))
        return PGM_SPECIFICATION;
    return mul_lengthened(c, BFP_X, BFP_L, r1, fpr_get(c, BFP_L, iw_rre_r2(iw)));
}

/* ED0C MDEB  - Multiply (short to long BFP)               [RXE]
 * ED07 MXDB  - Multiply (long to extended BFP)            [RXE] */
int op_mdeb(struct cpu *c, uint64_t iw)
{
    bool ext = IW_FIELD(iw, 40, 8) == 0x07;
    int ks = ext ? BFP_L : BFP_S;
    unsigned r1 = iw_r1(iw);
    u128 op2;
    if (ext && !fpr_pair_ok(r1))
        return PGM_SPECIFICATION;
    int pgm = bfp_fetch(c, ks, ea_rx(c, iw), &op2);
    if (pgm)
        return pgm;
    return mul_lengthened(c, ext ? BFP_X : BFP_L, ks, r1, op2);
}

/* r1 = op3 * op2 +/- r1, one rounding; no CC. */
static int fma_op(struct cpu *c, int k, unsigned r1, unsigned r3, u128 op2, bool sub)
{
    struct bfp_ctx x;
    bfp_ctx_init(c, &x, k, bfp_rm_fpc(c));
    u128 r = bfp_fma(&x, k, fpr_get(c, k, r3), op2, fpr_get(c, k, r1), sub);
    return bfp_finish(c, &x, k, r1, r, false, false);
}

/* B30E MAEBR - Multiply and Add (short BFP)               [RRD]
 * B31E MADBR - Multiply and Add (long BFP)                [RRD]
 * B30F MSEBR - Multiply and Subtract (short BFP)          [RRD]
 * B31F MSDBR - Multiply and Subtract (long BFP)           [RRD] */
int op_maebr(struct cpu *c, uint64_t iw)
{
    unsigned op = IW_FIELD(iw, 8, 8), r2 = IW_FIELD(iw, 28, 4);
    int k = (op & 0x10) ? BFP_L : BFP_S;
    return fma_op(c, k, IW_FIELD(iw, 16, 4), IW_FIELD(iw, 24, 4), fpr_get(c, k, r2), op & 1);
}

/* ED0E MAEB  - Multiply and Add (short BFP)               [RXF]
 * ED1E MADB  - Multiply and Add (long BFP)                [RXF]
 * ED0F MSEB  - Multiply and Subtract (short BFP)          [RXF]
 * ED1F MSDB  - Multiply and Subtract (long BFP)           [RXF] */
int op_maeb(struct cpu *c, uint64_t iw)
{
    unsigned op = IW_FIELD(iw, 40, 8);
    int k = (op & 0x10) ? BFP_L : BFP_S;
    u128 op2;
    int pgm = bfp_fetch(c, k, ea_rx(c, iw), &op2);
    if (pgm)
        return pgm;
    return fma_op(c, k, IW_FIELD(iw, 32, 4), iw_r1(iw), op2, op & 1);
}

/* CC from comparing r1 with op2; an invalid-operation trap leaves the CC alone. */
static int compare_op(struct cpu *c, int k, unsigned r1, u128 op2, bool signaling)
{
    struct bfp_ctx x;
    bfp_ctx_init(c, &x, k, RM_NE);
    unsigned cc = bfp_compare(&x, k, fpr_get(c, k, r1), op2, signaling);
    if (bfp_ieee_end(c, &x, false))
        return PGM_DATA;
    c->cc = cc;
    return 0;
}

/* B309 CEBR  - Compare (short BFP)                        [RRE]
 * B319 CDBR  - Compare (long BFP)                         [RRE]
 * B349 CXBR  - Compare (extended BFP)                     [RRE]
 * B308 KEBR  - Compare and Signal (short BFP)             [RRE]
 * B318 KDBR  - Compare and Signal (long BFP)              [RRE]
 * B348 KXBR  - Compare and Signal (extended BFP)          [RRE] */
int op_cebr(struct cpu *c, uint64_t iw)
{
    unsigned op = IW_FIELD(iw, 8, 8), r1 = iw_rre_r1(iw), r2 = iw_rre_r2(iw);
    int k = op >> 4 == 4 ? BFP_X : op >> 4 == 1 ? BFP_L : BFP_S;
    if (k == BFP_X && (!fpr_pair_ok(r1) || !fpr_pair_ok(r2)))
        return PGM_SPECIFICATION;
    return compare_op(c, k, r1, fpr_get(c, k, r2), !(op & 1));
}

/* ED09 CEB   - Compare (short BFP)                        [RXE]
 * ED19 CDB   - Compare (long BFP)                         [RXE]
 * ED08 KEB   - Compare and Signal (short BFP)             [RXE]
 * ED18 KDB   - Compare and Signal (long BFP)              [RXE] */
int op_ceb(struct cpu *c, uint64_t iw)
{
    unsigned op = IW_FIELD(iw, 40, 8);
    int k = (op & 0x10) ? BFP_L : BFP_S;
    u128 op2;
    int pgm = bfp_fetch(c, k, ea_rx(c, iw), &op2);
    if (pgm)
        return pgm;
    return compare_op(c, k, iw_r1(iw), op2, !(op & 1));
}

/* ED10 TCEB  - Test Data Class (short BFP)                [RXE]
 * ED11 TCDB  - Test Data Class (long BFP)                 [RXE]
 * ED12 TCXB  - Test Data Class (extended BFP)             [RXE]
 * The second-operand address is not used for storage: its bits 52-63 are the mask. */
int op_tceb(struct cpu *c, uint64_t iw)
{
    static const int kind[3] = { BFP_S, BFP_L, BFP_X };
    int k = kind[IW_FIELD(iw, 40, 8) & 3];
    unsigned r1 = iw_r1(iw);
    if (k == BFP_X && !fpr_pair_ok(r1))
        return PGM_SPECIFICATION;
    c->cc = (ea_rx(c, iw) & bfp_class_mask(k, fpr_get(c, k, r1))) != 0;
    return 0;
}
