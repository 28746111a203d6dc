/* Floating-point registers and the FPC (PoP ch.9 "Floating-Point-Support Instructions",
 * ch.19 LOAD AND TEST / COMPLEMENT / POSITIVE / NEGATIVE): loads, stores and register
 * moves (no exceptions, short values touch bits 0-31 only), the sign instructions, and
 * the FPC instructions with their reserved-bit checks. */
#include "bfp.h"

/* FPC bits that must be zero (unassigned mask, flag and control bits). */
#define FPC_RESERVED 0x03030088u

/* A valid FPC value: no reserved bits, BFP rounding mode 0-3 or 7 (7 needs FPE). */
static bool fpc_valid(const struct cpu *c, uint32_t v)
{
    unsigned rm = v & FPC_RM_MASK;
    if (v & FPC_RESERVED)
        return false;
    if (rm >= 4 && rm <= 6)
        return false;
    return rm != 7 || fac_has(c->fac, FAC_FPEXT);
}

/* 78   LE    - Load (short)                               [RX-a]
 * ED64 LEY   - Load (short)                               [RXY-a] */
int op_le(struct cpu *c, uint64_t iw)
{
    uint64_t ea = (iw >> 56) == 0x78 ? ea_rx(c, iw) : ea_rxy(c, iw);
    uint32_t v;
    int pgm = mem_read32_va(c, ea, &v);
    if (pgm)
        return pgm;
    fpr_put(c, BFP_S, iw_r1(iw), v);
    return 0;
}

/* 68   LD    - Load (long)                                [RX-a]
 * ED65 LDY   - Load (long)                                [RXY-a] */
int op_ld(struct cpu *c, uint64_t iw)
{
    uint64_t ea = (iw >> 56) == 0x68 ? ea_rx(c, iw) : ea_rxy(c, iw);
    uint64_t v;
    int pgm = mem_read64_va(c, ea, &v);
    if (pgm)
        return pgm;
    c->fpr[iw_r1(iw)] = v;
    return 0;
}

/* 70   STE   - Store (short)                              [RX-a]
 * ED66 STEY  - Store (short)                              [RXY-a] */
int op_ste(struct cpu *c, uint64_t iw)
{
    uint64_t ea = (iw >> 56) == 0x70 ? ea_rx(c, iw) : ea_rxy(c, iw);
    return mem_write32_va(c, ea, (uint32_t)(c->fpr[iw_r1(iw)] >> 32));
}

/* 60   STD   - Store (long)                               [RX-a]
 * ED67 STDY  - Store (long)                               [RXY-a] */
int op_std(struct cpu *c, uint64_t iw)
{
    uint64_t ea = (iw >> 56) == 0x60 ? ea_rx(c, iw) : ea_rxy(c, iw);
    return mem_write64_va(c, ea, c->fpr[iw_r1(iw)]);
}

/* 38   LER   - Load (short)                               [RR] */
int op_ler(struct cpu *c, uint64_t iw)
{
    fpr_put(c, BFP_S, iw_r1(iw), fpr_get(c, BFP_S, iw_r2(iw)));
    return 0;
}

/* 28   LDR   - Load (long)                                [RR] */
int op_ldr(struct cpu *c, uint64_t iw)
{
    c->fpr[iw_r1(iw)] = c->fpr[iw_r2(iw)];
    return 0;
}

/* B365 LXR   - Load (extended)                            [RRE] */
int op_lxr(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_rre_r1(iw), r2 = iw_rre_r2(iw);
    if (!fpr_pair_ok(r1) || !fpr_pair_ok(r2))
        return PGM_SPECIFICATION;
    fpr_put(c, BFP_X, r1, fpr_get(c, BFP_X, r2));
    return 0;
}

/* B374 LZER  - Load Zero (short)                          [RRE]
 * B375 LZDR  - Load Zero (long)                           [RRE]
 * B376 LZXR  - Load Zero (extended)                       [RRE] */
int op_lzer(struct cpu *c, uint64_t iw)
{
    static const int kind[3] = { BFP_S, BFP_L, BFP_X };
    int k = kind[(IW_FIELD(iw, 8, 8) - 0x74) % 3];
    unsigned r1 = iw_rre_r1(iw);
    if (k == BFP_X && !fpr_pair_ok(r1))
        return PGM_SPECIFICATION;
    fpr_put(c, k, r1, 0);
    return 0;
}

/* B3CD LGDR  - Load GR from FPR (long to 64)              [RRE] */
int op_lgdr(struct cpu *c, uint64_t iw)
{
    c->gr[iw_rre_r1(iw)] = c->fpr[iw_rre_r2(iw)];
    return 0;
}

/* B3C1 LDGR  - Load FPR from GR (64 to long)              [RRE] */
int op_ldgr(struct cpu *c, uint64_t iw)
{
    c->fpr[iw_rre_r1(iw)] = c->gr[iw_rre_r2(iw)];
    return 0;
}

#define SIGN64 0x8000000000000000ULL

/* B372 CPSDR - Copy Sign (long)                           [RRF-b] */
int op_cpsdr(struct cpu *c, uint64_t iw)
{
    uint64_t sign = c->fpr[iw_rrf_r3(iw)] & SIGN64;
    c->fpr[iw_rre_r1(iw)] = (c->fpr[iw_rre_r2(iw)] & ~SIGN64) | sign;
    return 0;
}

/* B370 LPDFR - Load Positive (long)                       [RRE]
 * B371 LNDFR - Load Negative (long)                       [RRE]
 * B373 LCDFR - Load Complement (long)                     [RRE] */
int op_lpdfr(struct cpu *c, uint64_t iw)
{
    uint64_t v = c->fpr[iw_rre_r2(iw)];
    switch (IW_FIELD(iw, 8, 8)) {
    case 0x70: v &= ~SIGN64; break;
    case 0x71: v |= SIGN64; break;
    default:   v ^= SIGN64; break;
    }
    c->fpr[iw_rre_r1(iw)] = v;
    return 0;
}

/* Format of the sign/test rows B30x, B31x, B34x by the high nibble of the op2 byte. */
static int row_kind(uint64_t iw)
{
    unsigned hi = IW_FIELD(iw, 8, 4);
    return hi == 4 ? BFP_X : hi == 1 ? BFP_L : BFP_S;
}

/* B302 LTEBR - Load and Test (short BFP)                  [RRE]
 * B312 LTDBR - Load and Test (long BFP)                   [RRE]
 * B342 LTXBR - Load and Test (extended BFP)               [RRE]
 * An SNaN is an invalid operation: delivered quieted, or suppressed when trapping
 * (PoP; qemu-s390x 7.2 copies the SNaN and sets no flag). */
int op_ltebr(struct cpu *c, uint64_t iw)
{
    int k = row_kind(iw);
    unsigned r1 = iw_rre_r1(iw), r2 = iw_rre_r2(iw);
    if (k == BFP_X && (!fpr_pair_ok(r1) || !fpr_pair_ok(r2)))
        return PGM_SPECIFICATION;
    struct bfp_ctx x;
    bfp_ctx_init(c, &x, k, RM_NE);
    u128 r = fpr_get(c, k, r2);
    if (bfp_is_nan(k, r))
        r = bfp_convert(&x, k, k, r);
    return bfp_finish(c, &x, k, r1, r, true, false);
}

/* B300 LPEBR - Load Positive (short BFP)                  [RRE]
 * B310 LPDBR - Load Positive (long BFP)                   [RRE]
 * B340 LPXBR - Load Positive (extended BFP)               [RRE]
 * B301 LNEBR - Load Negative (short BFP)                  [RRE]
 * B311 LNDBR - Load Negative (long BFP)                   [RRE]
 * B341 LNXBR - Load Negative (extended BFP)               [RRE]
 * B303 LCEBR - Load Complement (short BFP)                [RRE]
 * B313 LCDBR - Load Complement (long BFP)                 [RRE]
 * B343 LCXBR - Load Complement (extended BFP)             [RRE]
 * Sign operations only: NaNs (even SNaNs) pass unchanged but for the sign; CC 3. */
int op_lpebr(struct cpu *c, uint64_t iw)
{
    int k = row_kind(iw);
    unsigned r1 = iw_rre_r1(iw), r2 = iw_rre_r2(iw);
    if (k == BFP_X && (!fpr_pair_ok(r1) || !fpr_pair_ok(r2)))
        return PGM_SPECIFICATION;
    u128 v = fpr_get(c, k, r2), s = bfp_sign_bit(k);
    switch (IW_FIELD(iw, 12, 4)) {
    case 0:  v &= ~s; break;
    case 1:  v |= s; break;
    default: v ^= s; break;
    }
    fpr_put(c, k, r1, v);
    c->cc = bfp_cc(k, v);
    return 0;
}

/* ---- FPC instructions. */

/* B38C EFPC  - Extract FPC                                [RRE] */
int op_efpc(struct cpu *c, uint64_t iw)
{
    set_low32(c, iw_rre_r1(iw), c->fpc);
    return 0;
}

/* B384 SFPC  - Set FPC                                    [RRE] */
int op_sfpc(struct cpu *c, uint64_t iw)
{
    uint32_t v = (uint32_t)c->gr[iw_rre_r1(iw)];
    if (!fpc_valid(c, v))
        return PGM_SPECIFICATION;
    c->fpc = v;
    return 0;
}

/* B29D LFPC  - Load FPC                                   [S] */
int op_lfpc(struct cpu *c, uint64_t iw)
{
    uint32_t v;
    int pgm = mem_read32_va(c, ea_rs(c, iw), &v);
    if (pgm)
        return pgm;
    if (!fpc_valid(c, v))
        return PGM_SPECIFICATION;
    c->fpc = v;
    return 0;
}

/* B29C STFPC - Store FPC                                  [S] */
int op_stfpc(struct cpu *c, uint64_t iw)
{
    return mem_write32_va(c, ea_rs(c, iw), c->fpc);
}

/* B299 SRNM  - Set BFP Rounding Mode (2 bit)              [S]
 * B2B8 SRNMB - Set BFP Rounding Mode (3 bit)              [S]
 * The mode is the second-operand address: bits 62-63 for SRNM (the rest ignored),
 * bits 61-63 for SRNMB, whose bits 56-60 must be zero. */
int op_srnm(struct cpu *c, uint64_t iw)
{
    unsigned rm = (unsigned)ea_rs(c, iw) & (IW_FIELD(iw, 8, 8) == 0x99 ? 3 : 0xff);
    if (rm > 7 || (rm >= 4 && rm <= 6) || (rm == 7 && !fac_has(c->fac, FAC_FPEXT)))
        return PGM_SPECIFICATION;
    c->fpc = (c->fpc & ~FPC_RM_MASK) | rm;
    return 0;
}

/* SET FPC AND SIGNAL: the new FPC keeps the old flags; an old flag whose new mask is
 * one causes a simulated IEEE exception (DXC low bits 3), after the FPC is set. */
static int set_fpc_signal(struct cpu *c, uint32_t v)
{
    if (!fpc_valid(c, v))
        return PGM_SPECIFICATION;
    uint32_t old = c->fpc;
    unsigned exc = (old >> FPC_FLAG_SHIFT) & (v >> FPC_MASK_SHIFT) & 0xff;
    c->fpc = v | (old & (0xffu << FPC_FLAG_SHIFT));
    if (!exc)
        return 0;
    if (exc & BFP_INV)
        exc = BFP_INV;
    else if (exc & BFP_DIVZ)
        exc = BFP_DIVZ;
    else if (exc & (BFP_OVF | BFP_UNF))
        exc &= ((exc & BFP_OVF) ? BFP_OVF : BFP_UNF) | BFP_INX;
    else if (exc & BFP_INX)
        exc = BFP_INX;
    c->dxc = exc | 3;
    c->fpc = (c->fpc & ~(0xffu << FPC_DXC_SHIFT)) | (c->dxc << FPC_DXC_SHIFT);
    return PGM_DATA;
}

/* B385 SFASR - Set FPC and Signal                         [RRE] */
int op_sfasr(struct cpu *c, uint64_t iw)
{
    return set_fpc_signal(c, (uint32_t)c->gr[iw_rre_r1(iw)]);
}

/* B2BD LFAS  - Load FPC and Signal                        [S] */
int op_lfas(struct cpu *c, uint64_t iw)
{
    uint32_t v;
    int pgm = mem_read32_va(c, ea_rs(c, iw), &v);
    if (pgm)
        return pgm;
    return set_fpc_signal(c, v);
}
