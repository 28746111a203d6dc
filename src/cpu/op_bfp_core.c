/* BFP soft-float core (PoP ch.9 "IEEE Exceptions", ch.19 "BFP Arithmetic"): unpack,
 * exact intermediate results on 128-bit integers, one rounding routine for all formats
 * and methods, s390 NaN rules (an SNaN operand wins, then the first NaN operand; the
 * default NaN is positive and quiet) and the FPC flag/trap/DXC decision. Tininess is
 * detected before rounding; an exact tiny result only underflows when trapping.
 * Checked against the host's IEEE arithmetic (binary32/64, and binary128 through
 * libgcc) in all four directed/nearest modes on millions of random operands. */
#include <math.h>

#include "bfp.h"

const struct bfp_fmt bfp_fmts[3] = {
    [BFP_S] = { 23, 8, 127, 192 },
    [BFP_L] = { 52, 11, 1023, 1536 },
    [BFP_X] = { 112, 15, 16383, 24576 },
};

static inline u128 frac_mask(int k) { return ((u128)1 << bfp_fmts[k].fbits) - 1; }
static inline int32_t exp_ones(int k) { return (1 << bfp_fmts[k].ebits) - 1; }
static inline int32_t exp_field(int k, u128 v) { return (int32_t)(v >> bfp_fmts[k].fbits) & exp_ones(k); }
static inline u128 quiet_bit(int k) { return (u128)1 << (bfp_fmts[k].fbits - 1); }

static inline int msb128(u128 v)
{
    uint64_t hi = (uint64_t)(v >> 64);
    return hi ? 127 - __builtin_clzll(hi) : 63 - __builtin_clzll((uint64_t)v);
}

/* Shift right, ORing the bits shifted out into bit 0 (they only matter as "sticky"). */
static inline u128 shr_jam(u128 v, int32_t n)
{
    if (n <= 0)
        return v;
    if (n >= 128)
        return v != 0;
    return (v >> n) | ((v & (((u128)1 << n) - 1)) != 0);
}

static u128 pack(int k, bool sign, int32_t biased, u128 frac)
{
    return (sign ? bfp_sign_bit(k) : 0) | ((u128)biased << bfp_fmts[k].fbits) | frac;
}

static u128 mk_zero(int k, bool sign) { return pack(k, sign, 0, 0); }
static u128 mk_inf(int k, bool sign) { return pack(k, sign, exp_ones(k), 0); }
u128 bfp_default_nan(int k) { return pack(k, false, exp_ones(k), quiet_bit(k)); }

bool bfp_is_nan(int k, u128 v) { return exp_field(k, v) == exp_ones(k) && (v & frac_mask(k)); }
bool bfp_is_zero(int k, u128 v) { return bfp_abs(k, v) == 0; }

unsigned bfp_cc(int k, u128 v)
{
    if (bfp_is_nan(k, v))
        return 3;
    if (bfp_is_zero(k, v))
        return 0;
    return bfp_sign(k, v) ? 1 : 2;
}

struct bfp_val bfp_unpack(int k, u128 v)
{
    const struct bfp_fmt *f = &bfp_fmts[k];
    struct bfp_val r = { C_NUM, bfp_sign(k, v), 0, v & frac_mask(k) };
    int32_t e = exp_field(k, v);
    if (e == exp_ones(k))
        r.cls = !r.sig ? C_INF : (r.sig & quiet_bit(k)) ? C_QNAN : C_SNAN;
    else if (e == 0)
        r.cls = r.sig ? C_NUM : C_ZERO, r.exp = 1 - f->bias - f->fbits;
    else
        r.sig |= (u128)1 << f->fbits, r.exp = e - f->bias - f->fbits;
    return r;
}

void bfp_ctx_init(const struct cpu *c, struct bfp_ctx *x, int k, unsigned rm)
{
    *x = (struct bfp_ctx){ .rm = (uint8_t)rm, .masks = (uint8_t)(c->fpc >> FPC_MASK_SHIFT),
                           .tkind = (int8_t)k, .talpha = bfp_fmts[k].alpha };
}

/* Round sig * 2^-sh to an integer with method rm: the kept part, and whether the
 * discarded part was nonzero and whether the magnitude was incremented. */
static u128 round_shift(unsigned rm, bool sign, u128 sig, int32_t sh, bool *inexact, bool *inc)
{
    *inc = false;
    *inexact = false;
    if (sh <= 0)
        return sig << -sh;
    if (sh > msb128(sig) + 1)                /* below half a unit: keep a sticky bit only */
        sig = 1, sh = 2;
    u128 keep = sig >> sh, rem = sig & (((u128)1 << sh) - 1), half = (u128)1 << (sh - 1);
    *inexact = rem != 0;
    switch (rm) {
    case RM_NE:  *inc = rem > half || (rem == half && (keep & 1)); break;
    case RM_NA:  *inc = rem >= half; break;
    case RM_P:   *inc = *inexact && !sign; break;
    case RM_M:   *inc = *inexact && sign; break;
    case RM_ODD:                             /* forcing the last bit to 1 may raise it */
        *inc = *inexact && !(keep & 1);
        return keep | *inexact;
    default:     break;
    }
    return keep + *inc;
}

/* A trapped over/underflow delivers the rounded value with its exponent adjusted, in
 * x->tkind's format (the source format for LOAD ROUNDED). */
static void trap_result(struct bfp_ctx *x, int k, bool sign, int32_t e, u128 keep, int adj)
{
    const struct bfp_fmt *t = &bfp_fmts[x->tkind];
    u128 frac = (keep & frac_mask(k)) << (t->fbits - bfp_fmts[k].fbits);
    x->scaled = pack(x->tkind, sign, e + t->bias + adj * x->talpha, frac);
    x->trapped = true;
}

/* Overflowed and not trapped: infinity or the largest finite number by rounding method. */
static u128 overflow_result(struct bfp_ctx *x, int k, bool sign)
{
    bool to_inf = x->rm == RM_NE || x->rm == RM_NA || (x->rm == RM_P && !sign) || (x->rm == RM_M && sign);
    x->exc |= BFP_OVF | BFP_INX;
    x->incr = to_inf;
    return to_inf ? mk_inf(k, sign) : pack(k, sign, exp_ones(k) - 1, frac_mask(k));
}

/* Round the exact value (-1)^sign * sig * 2^exp (sig != 0; bit 0 may be a sticky bit
 * at least two places below the rounding position) to format k. */
u128 bfp_round_pack(struct bfp_ctx *x, int k, bool sign, int32_t exp, u128 sig)
{
    const struct bfp_fmt *f = &bfp_fmts[k];
    int32_t e = exp + msb128(sig), emin = 1 - f->bias;
    bool tiny = e < emin, trap_unf = tiny && (x->masks & BFP_UNF), inexact, inc;
    int32_t q = (tiny && !trap_unf) ? emin - f->fbits : e - f->fbits;
    u128 keep = round_shift(x->rm, sign, sig, q - exp, &inexact, &inc);
    if (keep >> (f->fbits + 1))
        keep >>= 1, q++;
    x->incr = inc;
    if (inexact)
        x->exc |= BFP_INX;
    int32_t er = q + f->fbits;               /* unbiased exponent of a normal result */
    if (er + f->bias >= exp_ones(k)) {
        if (!(x->masks & BFP_OVF))
            return overflow_result(x, k, sign);
        x->exc |= BFP_OVF;
        trap_result(x, k, sign, er, keep, -1);
        return x->scaled;
    }
    if (tiny) {
        x->tiny = true;
        if (trap_unf) {
            x->exc |= BFP_UNF;
            trap_result(x, k, sign, er, keep, 1);
            return x->scaled;
        }
        if (inexact)
            x->exc |= BFP_UNF;
    }
    if (!keep)
        return mk_zero(k, sign);
    return pack(k, sign, (keep >> f->fbits) ? er + f->bias : 0, keep & frac_mask(k));
}

/* ---- NaN results. */
static u128 quieten(int k, u128 v) { return v | quiet_bit(k); }

static u128 nan2(struct bfp_ctx *x, int k, u128 a, const struct bfp_val *va, u128 b, const struct bfp_val *vb)
{
    if (va->cls == C_SNAN || vb->cls == C_SNAN)
        x->exc |= BFP_INV;
    if (va->cls == C_SNAN)
        return quieten(k, a);
    if (vb->cls == C_SNAN)
        return quieten(k, b);
    return va->cls == C_QNAN ? a : b;
}

/* The NaN result of a two-operand operation where at least one operand is a NaN. */
u128 bfp_nan2(struct bfp_ctx *x, int k, u128 a, u128 b)
{
    struct bfp_val va = bfp_unpack(k, a), vb = bfp_unpack(k, b);
    return nan2(x, k, a, &va, b, &vb);
}

static u128 invalid(struct bfp_ctx *x, int k)
{
    x->exc |= BFP_INV;
    return bfp_default_nan(k);
}

static inline bool is_nan(const struct bfp_val *v) { return v->cls >= C_QNAN; }

/* ---- add/subtract of finite nonzero values (sig < 2^126). */
static u128 add_num(struct bfp_ctx *x, int k, bool sa, int32_t ea, u128 ma, bool sb, int32_t eb, u128 mb)
{
    int na = msb128(ma), nb = msb128(mb);
    ma <<= 125 - na, ea -= 125 - na;         /* both leading bits at bit 125 */
    mb <<= 125 - nb, eb -= 125 - nb;
    if (ea < eb || (ea == eb && ma < mb)) {
        bool ts = sa; int32_t te = ea; u128 tm = ma;
        sa = sb, ea = eb, ma = mb;
        sb = ts, eb = te, mb = tm;
    }
    mb = shr_jam(mb, ea - eb);
    if (sa == sb)
        return bfp_round_pack(x, k, sa, ea, ma + mb);
    if (ma == mb)
        return mk_zero(k, x->rm == RM_M);    /* exact zero difference: +0 except toward -inf */
    return bfp_round_pack(x, k, sa, ea, ma - mb);
}

u128 bfp_add(struct bfp_ctx *x, int k, u128 a, u128 b, bool sub)
{
    struct bfp_val va = bfp_unpack(k, a), vb = bfp_unpack(k, b);
    if (is_nan(&va) || is_nan(&vb))
        return nan2(x, k, a, &va, b, &vb);
    bool sb = vb.sign ^ sub;
    if (va.cls == C_INF || vb.cls == C_INF) {
        if (va.cls == C_INF && vb.cls == C_INF && va.sign != sb)
            return invalid(x, k);
        return va.cls == C_INF ? a : mk_inf(k, sb);
    }
    if (vb.cls == C_ZERO) {
        if (va.cls == C_ZERO)
            return mk_zero(k, va.sign == sb ? va.sign : x->rm == RM_M);
        return bfp_round_pack(x, k, va.sign, va.exp, va.sig);
    }
    if (va.cls == C_ZERO)
        return bfp_round_pack(x, k, sb, vb.exp, vb.sig);
    return add_num(x, k, va.sign, va.exp, va.sig, sb, vb.exp, vb.sig);
}

/* 113 x 113-bit product, reduced with a sticky bit to fewer than 127 bits. */
static u128 mul_wide(u128 a, u128 b, int32_t *exp)
{
    uint64_t a0 = (uint64_t)a, a1 = (uint64_t)(a >> 64), b0 = (uint64_t)b, b1 = (uint64_t)(b >> 64);
    u128 p00 = (u128)a0 * b0, mid = (u128)a0 * b1 + (u128)a1 * b0, p11 = (u128)a1 * b1;
    u128 lo = p00 + (mid << 64);
    u128 hi = p11 + (mid >> 64) + (lo < p00);
    if (!hi && msb128(lo) < 126)
        return lo;
    int n = hi ? 128 + msb128(hi) : msb128(lo), s = n - 125;
    *exp += s;
    if (s >= 128)
        return shr_jam(hi, s - 128) | (lo != 0);
    return (hi << (128 - s)) | shr_jam(lo, s);
}

/* Result of multiply-type operations with an infinity or zero operand. */
static u128 mul_special(struct bfp_ctx *x, int k, const struct bfp_val *va, const struct bfp_val *vb, bool s)
{
    if ((va->cls == C_INF && vb->cls == C_ZERO) || (va->cls == C_ZERO && vb->cls == C_INF))
        return invalid(x, k);
    return (va->cls == C_INF || vb->cls == C_INF) ? mk_inf(k, s) : mk_zero(k, s);
}

u128 bfp_mul(struct bfp_ctx *x, int k, u128 a, u128 b)
{
    struct bfp_val va = bfp_unpack(k, a), vb = bfp_unpack(k, b);
    if (is_nan(&va) || is_nan(&vb))
        return nan2(x, k, a, &va, b, &vb);
    bool s = va.sign ^ vb.sign;
    if (va.cls != C_NUM || vb.cls != C_NUM)
        return mul_special(x, k, &va, &vb, s);
    int32_t e = va.exp + vb.exp;
    u128 m = k == BFP_X ? mul_wide(va.sig, vb.sig, &e) : va.sig * vb.sig;
    return bfp_round_pack(x, k, s, e, m);
}

/* Left-justify a significand so its leading bit is bit 'pos'. */
static inline void normalize(u128 *m, int32_t *e, int pos)
{
    int sh = pos - msb128(*m);
    *m <<= sh;
    *e -= sh;
}

/* n-bit quotient floor(a * 2^(n-1) / b) for 1 <= a/b < 2, with a sticky bit appended. */
static u128 quotient(u128 a, u128 b, int n)
{
    u128 q, r;
    if (!(b >> 64)) {
        u128 num = a << (n - 1);
        q = num / b, r = num % b;
    } else {
        q = 0, r = a;
        for (int i = 0; i < n; i++) {
            q <<= 1;
            if (r >= b)
                r -= b, q |= 1;
            r <<= 1;
        }
    }
    return (q << 1) | (r != 0);
}

u128 bfp_div(struct bfp_ctx *x, int k, u128 a, u128 b)
{
    struct bfp_val va = bfp_unpack(k, a), vb = bfp_unpack(k, b);
    if (is_nan(&va) || is_nan(&vb))
        return nan2(x, k, a, &va, b, &vb);
    bool s = va.sign ^ vb.sign;
    if (va.cls == vb.cls && va.cls != C_NUM)       /* inf/inf, 0/0 */
        return invalid(x, k);
    if (va.cls == C_INF || vb.cls == C_ZERO) {
        if (va.cls == C_NUM)
            x->exc |= BFP_DIVZ;
        return mk_inf(k, s);
    }
    if (va.cls == C_ZERO || vb.cls == C_INF)
        return mk_zero(k, s);
    int fb = bfp_fmts[k].fbits, n = fb + 3;
    normalize(&va.sig, &va.exp, fb);
    normalize(&vb.sig, &vb.exp, fb);
    int32_t e = va.exp - vb.exp;
    if (va.sig < vb.sig)
        va.sig <<= 1, e--;
    return bfp_round_pack(x, k, s, e - n, quotient(va.sig, vb.sig, n));
}

/* Integer square root of m << s (n root bits), one bit per step: for extended. */
static u128 isqrt_bits(u128 m, int s, int n, u128 *rem)
{
    u128 q = 0, r = 0;
    for (int j = n - 1; j >= 0; j--) {
        unsigned pair = 2 * j >= s ? (unsigned)(m >> (2 * j - s)) & 3 : 0;
        u128 t = (q << 2) | 1;
        r = (r << 2) | pair;
        if (r >= t)
            r -= t, q = (q << 1) | 1;
        else
            q <<= 1;
    }
    *rem = r;
    return q;
}

/* Integer square root of r < 2^112 (short/long): the host's double estimate is within
 * a few units; integer steps make it exact. (Bit by bit cost 5x more per SQDBR.) */
static u128 isqrt_est(u128 r, u128 *rem)
{
    uint64_t q = (uint64_t)sqrt((double)r);
    while ((u128)q * q > r)
        q--;
    while ((u128)(q + 1) * (q + 1) <= r)
        q++;
    *rem = r - (u128)q * q;
    return q;
}

u128 bfp_sqrt(struct bfp_ctx *x, int k, u128 a)
{
    struct bfp_val va = bfp_unpack(k, a);
    if (va.cls == C_SNAN)
        return x->exc |= BFP_INV, quieten(k, a);
    if (va.cls == C_QNAN || va.cls == C_ZERO)
        return a;
    if (va.sign)
        return invalid(x, k);
    if (va.cls == C_INF)
        return a;
    int fb = bfp_fmts[k].fbits, n = fb + 3;
    normalize(&va.sig, &va.exp, fb);
    if (va.exp & 1)
        va.sig <<= 1, va.exp--;
    int s = 2 * n - (msb128(va.sig) + 1);   /* radicand va.sig << s has 2n-1 or 2n bits */
    s &= ~1;
    u128 q, rem;
    if (k == BFP_X)
        q = isqrt_bits(va.sig, s, n, &rem);
    else
        q = isqrt_est(va.sig << s, &rem);
    return bfp_round_pack(x, k, false, (va.exp - s) / 2 - 1, (q << 1) | (rem != 0));
}

/* a * b +/- c with one rounding (MULTIPLY AND ADD/SUBTRACT: a = op3, b = op2, c = op1,
 * short and long). A NaN result is the first NaN of op2, op3, op1, quieted (as
 * qemu-s390x 7.2 does; an SNaN does not take precedence here). */
u128 bfp_fma(struct bfp_ctx *x, int k, u128 a, u128 b, u128 c, bool sub)
{
    struct bfp_val va = bfp_unpack(k, a), vb = bfp_unpack(k, b), vc = bfp_unpack(k, c);
    if (is_nan(&va) || is_nan(&vb) || is_nan(&vc)) {
        if (va.cls == C_SNAN || vb.cls == C_SNAN || vc.cls == C_SNAN)
            x->exc |= BFP_INV;
        return quieten(k, is_nan(&vb) ? b : is_nan(&va) ? a : c);
    }
    bool sp = va.sign ^ vb.sign, sc = vc.sign ^ sub;
    if (va.cls != C_NUM || vb.cls != C_NUM) {
        u128 p = mul_special(x, k, &va, &vb, sp);
        if (x->exc & BFP_INV)
            return p;
        if (bfp_is_zero(k, p))                   /* 0 + op1 */
            return bfp_add(x, k, p, c, sub);
        if (vc.cls == C_INF && sc != sp)
            return invalid(x, k);
        return p;
    }
    if (vc.cls == C_INF)
        return mk_inf(k, sc);
    int32_t e = va.exp + vb.exp;
    u128 m = va.sig * vb.sig;
    if (vc.cls == C_ZERO)
        return bfp_round_pack(x, k, sp, e, m);
    return add_num(x, k, sp, e, m, sc, vc.exp, vc.sig);
}

/* COMPARE (quiet) / COMPARE AND SIGNAL: CC 0 equal, 1 low, 2 high, 3 unordered. */
unsigned bfp_compare(struct bfp_ctx *x, int k, u128 a, u128 b, bool signaling)
{
    struct bfp_val va = bfp_unpack(k, a), vb = bfp_unpack(k, b);
    if (is_nan(&va) || is_nan(&vb)) {
        if (signaling || va.cls == C_SNAN || vb.cls == C_SNAN)
            x->exc |= BFP_INV;
        return 3;
    }
    if (va.cls == C_ZERO && vb.cls == C_ZERO)
        return 0;
    if (va.sign != vb.sign)
        return va.sign ? 1 : 2;
    u128 ma = bfp_abs(k, a), mb = bfp_abs(k, b);
    if (ma == mb)
        return 0;
    return (ma < mb) != va.sign ? 1 : 2;
}

/* ---- rounding methods, M3/M4 fields, and the IEEE outcome. */
unsigned bfp_rm_fpc(const struct cpu *c)
{
    static const uint8_t map[8] = { RM_NE, RM_Z, RM_P, RM_M, RM_NE, RM_NE, RM_NE, RM_ODD };
    return map[c->fpc & FPC_RM_MASK];
}

unsigned bfp_rm_m3(const struct cpu *c, unsigned m3)
{
    static const uint8_t map[8] = { 0, RM_NA, 0, RM_ODD, RM_NE, RM_Z, RM_P, RM_M };
    return m3 ? map[m3 & 7] : bfp_rm_fpc(c);
}

int bfp_m34(const struct cpu *c, uint64_t iw, bool m3_fpe, bool m4_fpe, unsigned *m3, unsigned *m4)
{
    bool fpe = fac_has(c->fac, FAC_FPEXT);
    *m3 = (m3_fpe && !fpe) ? 0 : IW_FIELD(iw, 16, 4);
    *m4 = (m4_fpe && !fpe) ? 0 : IW_FIELD(iw, 20, 4);
    if (*m3 == 2 || *m3 > 7 || (*m3 == 3 && !fpe))
        return PGM_SPECIFICATION;
    return 0;
}

static void set_dxc(struct cpu *c, unsigned dxc)
{
    c->dxc = dxc;
    c->fpc = (c->fpc & ~(0xffu << FPC_DXC_SHIFT)) | (dxc << FPC_DXC_SHIFT);
}

/* Invalid and divide-by-zero traps suppress; overflow, underflow and inexact traps
 * complete (with the scaled result for the first two) and report truncated/incremented
 * in DXC bits 0x08/0x04. Untrapped conditions set their FPC flags. */
int bfp_ieee_end(struct cpu *c, struct bfp_ctx *x, bool xxc)
{
    unsigned exc = x->exc, m = x->masks;
    if (xxc)
        exc &= ~BFP_INX;
    if (!exc)
        return 0;
    if (exc & m & (BFP_INV | BFP_DIVZ)) {
        set_dxc(c, (exc & m & BFP_INV) ? BFP_INV : BFP_DIVZ);
        return BFP_SUPPRESS;
    }
    unsigned inx = (exc & BFP_INX) ? (x->incr ? 0x0c : 0x08) : 0;
    if (x->trapped) {
        set_dxc(c, ((exc & BFP_OVF) ? BFP_OVF : BFP_UNF) | inx);
        return BFP_COMPLETE;
    }
    if (exc & m & BFP_INX) {
        c->fpc |= (exc & ~BFP_INX) << FPC_FLAG_SHIFT;
        set_dxc(c, inx);
        return BFP_COMPLETE;
    }
    c->fpc |= exc << FPC_FLAG_SHIFT;
    return 0;
}

int bfp_finish(struct cpu *c, struct bfp_ctx *x, int k, unsigned r1, u128 res, bool set_cc, bool xxc)
{
    int o = bfp_ieee_end(c, x, xxc);
    if (o == BFP_SUPPRESS)
        return PGM_DATA;
    if (x->trapped)
        k = x->tkind, res = x->scaled;
    fpr_put(c, k, r1, res);
    if (set_cc)
        c->cc = bfp_cc(k, res);
    return o ? PGM_DATA : 0;
}

/* TEST DATA CLASS bit of a value (bit 52 + n of the mask is class n, + then -). */
unsigned bfp_class_mask(int k, u128 v)
{
    static const uint16_t bit[] = { [C_ZERO] = 0x800, [C_INF] = 0x020, [C_QNAN] = 0x008, [C_SNAN] = 0x002 };
    struct bfp_val a = bfp_unpack(k, v);
    unsigned b = bit[a.cls];
    if (a.cls == C_NUM)
        b = exp_field(k, v) ? 0x200 : 0x080;
    return b >> a.sign;
}

/* ---- conversions between formats and to/from integers. */
u128 bfp_convert(struct bfp_ctx *x, int kd, int ks, u128 v)
{
    struct bfp_val a = bfp_unpack(ks, v);
    int sh = bfp_fmts[kd].fbits - bfp_fmts[ks].fbits;
    switch (a.cls) {
    case C_SNAN:
        x->exc |= BFP_INV;
        a.sig |= quiet_bit(ks);
        /* fall through */
    case C_QNAN:                              /* payload keeps its leftmost bits */
        return pack(kd, a.sign, exp_ones(kd), sh >= 0 ? a.sig << sh : a.sig >> -sh);
    case C_INF:
        return mk_inf(kd, a.sign);
    case C_ZERO:
        return mk_zero(kd, a.sign);
    default:
        return bfp_round_pack(x, kd, a.sign, a.exp, a.sig);
    }
}

/* LOAD FP INTEGER: round to an integral value in the same format. */
u128 bfp_round_int(struct bfp_ctx *x, int k, u128 v)
{
    struct bfp_val a = bfp_unpack(k, v);
    if (a.cls == C_SNAN)
        return x->exc |= BFP_INV, quieten(k, v);
    if (a.cls != C_NUM || a.exp >= 0)
        return v;
    bool inexact, inc;
    u128 keep = round_shift(x->rm, a.sign, a.sig, -a.exp, &inexact, &inc);
    u128 r = keep ? bfp_round_pack(x, k, a.sign, 0, keep) : mk_zero(k, a.sign);
    if (inexact)
        x->exc |= BFP_INX;
    x->incr = inc;
    return r;
}

u128 bfp_from_int(struct bfp_ctx *x, int k, bool neg, uint64_t mag)
{
    return mag ? bfp_round_pack(x, k, neg, 0, mag) : mk_zero(k, false);
}

/* CONVERT TO FIXED / TO LOGICAL: the integer result and the CC (0 zero, 1 negative,
 * 2 positive source; 3 NaN or out of range, with the most negative signed value or
 * 0 for NaN and the nearest limit otherwise; out of range also raises inexact). */
uint64_t bfp_to_int(struct bfp_ctx *x, int k, u128 v, int bits, bool is_signed, unsigned *cc)
{
    struct bfp_val a = bfp_unpack(k, v);
    uint64_t umax = bits == 64 ? ~0ULL : (1ULL << bits) - 1, smin = (umax >> 1) + 1;
    uint64_t hi = is_signed ? smin - 1 : umax, lo = is_signed ? smin : 0;
    bool inexact = false, inc = false, range = a.cls == C_INF;
    u128 keep = 0;
    if (a.cls >= C_QNAN) {
        x->exc |= BFP_INV;
        return *cc = 3, lo;
    }
    if (a.cls == C_ZERO)
        return *cc = 0, 0;
    *cc = a.sign ? 1 : 2;
    if (a.cls == C_NUM && a.exp >= 0)
        range = a.exp + msb128(a.sig) >= 64, keep = range ? 0 : a.sig << a.exp;
    else if (a.cls == C_NUM)
        keep = round_shift(x->rm, a.sign, a.sig, -a.exp, &inexact, &inc);
    if (!range && a.sign)
        range = keep && (!is_signed || keep > smin);
    else if (!range)
        range = keep > hi;
    if (range) {
        x->exc |= BFP_INV | BFP_INX;
        return *cc = 3, a.sign ? lo : hi;
    }
    if (inexact)
        x->exc |= BFP_INX, x->incr = inc;
    return a.sign ? (0 - (uint64_t)keep) & umax : (uint64_t)keep;
}
