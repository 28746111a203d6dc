/* Binary floating point (PoP ch.9 "Floating-Point Overview", ch.19 "BFP Instructions"):
 * a small IEEE soft-float shared by the op_bfp_*.c handlers. All three formats (short,
 * long, extended) use one core on 128-bit integers, so rounding modes, tininess (detected
 * before rounding), NaN rules and trapped-result scaling are written once and exactly.
 * Private to src/cpu/op_bfp_*.c. */
#ifndef ZHYP_CPU_BFP_H
#define ZHYP_CPU_BFP_H

#include "insn.h"

typedef unsigned __int128 u128;

enum bfp_kind { BFP_S, BFP_L, BFP_X };          /* short, long, extended */

struct bfp_fmt {
    int fbits;                   /* fraction bits: 23, 52, 112 */
    int ebits;                   /* exponent bits: 8, 11, 15 */
    int bias;                    /* 127, 1023, 16383 */
    int alpha;                   /* trapped over/underflow exponent adjust: 192, 1536, 24576 */
};
extern const struct bfp_fmt bfp_fmts[3];

/* IEEE exception bits, in the FPC mask/flag/DXC bit order (0x80 invalid ... 0x08 inexact). */
enum {
    BFP_INV = 0x80, BFP_DIVZ = 0x40, BFP_OVF = 0x20, BFP_UNF = 0x10, BFP_INX = 0x08,
};

/* Effective rounding methods (FPC field and M3 field values map onto these). */
enum bfp_rm { RM_NE, RM_Z, RM_P, RM_M, RM_NA, RM_ODD };

/* Operand classes after unpacking. */
enum bfp_cls { C_ZERO, C_NUM, C_INF, C_QNAN, C_SNAN };

/* An unpacked operand: for C_NUM the value is (-1)^sign * sig * 2^exp, sig != 0. */
struct bfp_val {
    uint8_t cls;
    bool sign;
    int32_t exp;
    u128 sig;
};

/* Per-instruction state: rounding, FPC masks, and what the operation raised. */
struct bfp_ctx {
    uint8_t rm;                  /* enum bfp_rm */
    uint8_t masks;               /* FPC byte 0: IEEE masks */
    uint8_t exc;                 /* BFP_* raised by this operation */
    bool incr;                   /* rounding increased the magnitude (DXC bit 0x04) */
    bool tiny;                   /* tininess detected (before rounding) */
    int8_t tkind;                /* format of a trapped (scaled) result */
    int talpha;                  /* exponent adjust of a trapped result */
    u128 scaled;                 /* the trapped result, encoded in tkind */
    bool trapped;                /* scaled holds a result for an enabled over/underflow */
};

/* ---- FPR access: short values live in bits 0-31, extended ones in the pair (r, r+2). */
static inline u128 fpr_get(const struct cpu *c, int k, unsigned r)
{
    if (k == BFP_S)
        return (uint32_t)(c->fpr[r] >> 32);
    if (k == BFP_L)
        return c->fpr[r];
    return ((u128)c->fpr[r] << 64) | c->fpr[r + 2];
}

static inline void fpr_put(struct cpu *c, int k, unsigned r, u128 v)
{
    if (k == BFP_S)
        c->fpr[r] = (c->fpr[r] & 0xffffffffULL) | ((uint64_t)v << 32);
    else if (k == BFP_L)
        c->fpr[r] = (uint64_t)v;
    else {
        c->fpr[r] = (uint64_t)(v >> 64);
        c->fpr[r + 2] = (uint64_t)v;
    }
}

/* Extended operands need a valid register pair: 0,1,4,5,8,9,12,13. */
static inline bool fpr_pair_ok(unsigned r) { return (r & 2) == 0; }

/* A short or long storage operand (RXE/RXF second operand). */
static inline MUST_CHECK int bfp_fetch(struct cpu *c, int k, uint64_t ea, u128 *v)
{
    int pgm;
    if (k == BFP_S) {
        uint32_t w;
        pgm = mem_read32_va(c, ea, &w);
        *v = w;
    } else {
        uint64_t d;
        pgm = mem_read64_va(c, ea, &d);
        *v = d;
    }
    return pgm;
}

/* ---- raw-format helpers (values held right-aligned in a u128). */
static inline int bfp_width(int k) { return 1 + bfp_fmts[k].ebits + bfp_fmts[k].fbits; }
static inline bool bfp_sign(int k, u128 v) { return (v >> (bfp_width(k) - 1)) & 1; }
static inline u128 bfp_sign_bit(int k) { return (u128)1 << (bfp_width(k) - 1); }
static inline u128 bfp_abs(int k, u128 v) { return v & (bfp_sign_bit(k) - 1); }
bool bfp_is_nan(int k, u128 v);
bool bfp_is_zero(int k, u128 v);
u128 bfp_default_nan(int k);

/* Condition code of a result: 0 zero, 1 negative, 2 positive, 3 NaN. */
unsigned bfp_cc(int k, u128 v);

/* ---- the core (op_bfp_core.c). Operations take raw operands and return a raw result,
 * recording exceptions in x. For an enabled overflow/underflow x->trapped is set and
 * x->scaled holds the scaled result the instruction delivers instead. */
void bfp_ctx_init(const struct cpu *c, struct bfp_ctx *x, int k, unsigned rm);
struct bfp_val bfp_unpack(int k, u128 v);
u128 bfp_round_pack(struct bfp_ctx *x, int k, bool sign, int32_t exp, u128 sig);
u128 bfp_nan2(struct bfp_ctx *x, int k, u128 a, u128 b);
u128 bfp_add(struct bfp_ctx *x, int k, u128 a, u128 b, bool sub);
u128 bfp_mul(struct bfp_ctx *x, int k, u128 a, u128 b);
u128 bfp_div(struct bfp_ctx *x, int k, u128 a, u128 b);
u128 bfp_sqrt(struct bfp_ctx *x, int k, u128 a);
u128 bfp_fma(struct bfp_ctx *x, int k, u128 a, u128 b, u128 c, bool sub);
unsigned bfp_compare(struct bfp_ctx *x, int k, u128 a, u128 b, bool signaling);
u128 bfp_convert(struct bfp_ctx *x, int kd, int ks, u128 v);
u128 bfp_round_int(struct bfp_ctx *x, int k, u128 v);
u128 bfp_from_int(struct bfp_ctx *x, int k, bool neg, uint64_t mag);
uint64_t bfp_to_int(struct bfp_ctx *x, int k, u128 v, int bits, bool is_signed, unsigned *cc);
unsigned bfp_class_mask(int k, u128 v);

/* Rounding method from an M3 field (0: the FPC's), after bfp_m34() validated it. */
unsigned bfp_rm_m3(const struct cpu *c, unsigned m3);
unsigned bfp_rm_fpc(const struct cpu *c);

/* Decode and check the M3/M4 fields of the rounding-mode forms (RRF-e). The fields
 * only exist with the floating-point-extension facility when 'm3_fpe'/'m4_fpe' say so.
 * Returns 0 or PGM_SPECIFICATION (invalid rounding method). */
int bfp_m34(const struct cpu *c, uint64_t iw, bool m3_fpe, bool m4_fpe, unsigned *m3, unsigned *m4);

/* Decide the IEEE outcome of an operation (PoP "IEEE Exceptions"): returns 0 (deliver the
 * result; flags set), BFP_SUPPRESS (invalid or divide-by-zero trap: store nothing) or
 * BFP_COMPLETE (deliver x->scaled or the result, then PGM_DATA). The DXC is set for traps. */
enum { BFP_SUPPRESS = 1, BFP_COMPLETE = 2 };
int bfp_ieee_end(struct cpu *c, struct bfp_ctx *x, bool xxc);

/* Finish an FPR-result operation: IEEE outcome, store (scaled if trapped), optional CC.
 * Returns 0 or PGM_DATA. */
int bfp_finish(struct cpu *c, struct bfp_ctx *x, int k, unsigned r1, u128 res, bool set_cc, bool xxc);

#endif
