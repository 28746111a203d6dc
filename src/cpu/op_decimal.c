/* Packed-decimal instructions (PoP ch.8) and the binary<->decimal conversions of ch.7
 * (CVB, CVD). Operands of up to 16 bytes (31 digits) are read whole, checked, worked
 * on as 128-bit binary magnitudes and stored whole: every exception is recognized
 * before the first operand changes, except decimal overflow, which completes. */
#include "ss.h"

typedef unsigned __int128 u128;

static u128 pow10_u128(unsigned n)
{
    u128 p = 1;
    while (n--)
        p *= 10;
    return p;
}

/* Digits a packed field of len bytes holds: two per byte, less the sign. */
static inline unsigned dec_digits(unsigned len) { return 2 * len - 1; }

static inline bool sign_is_minus(unsigned s) { return s == 0xb || s == 0xd; }

/* Value of a packed field; false on an invalid digit (A-F) or sign (0-9). */
static bool dec_parse(const uint8_t *p, unsigned len, u128 *mag, bool *neg)
{
    u128 v = 0;
    for (unsigned i = 0; i < len; i++) {
        unsigned hi = p[i] >> 4, lo = p[i] & 0xf;
        if (hi > 9)
            return false;
        v = v * 10 + hi;
        if (i + 1 < len) {
            if (lo > 9)
                return false;
            v = v * 10 + lo;
        } else if (lo < 0xa) {
            return false;
        } else {
            *neg = sign_is_minus(lo);
        }
    }
    *mag = v;
    return true;
}

/* Packed field of len bytes from mag (digits beyond the field are dropped), sign C/D. */
static void dec_format(uint8_t *p, unsigned len, u128 mag, bool neg)
{
    p[len - 1] = (uint8_t)((unsigned)(mag % 10) << 4 | (neg ? 0xd : 0xc));
    mag /= 10;
    for (int i = (int)len - 2; i >= 0; i--) {
        unsigned lo = (unsigned)(mag % 10);
        mag /= 10;
        p[i] = (uint8_t)((unsigned)(mag % 10) << 4 | lo);
        mag /= 10;
    }
}

static inline int data_exception(struct cpu *c)
{
    c->dxc = DXC_DECIMAL;
    return PGM_DATA;
}

/* Fetch both SS-b operands (first for fetch and store) and check them: access
 * exceptions come before data exceptions. */
static int dec_load2(struct cpu *c, uint64_t iw, u128 *m1, bool *n1, u128 *m2, bool *n2)
{
    unsigned l1 = iw_r1(iw) + 1, l2 = iw_r2(iw) + 1;
    uint8_t b1[16], b2[16];
    uint64_t a1 = ea_rs(c, iw);
    int pgm = mem_check_range(c, a1, l1, ACC_STORE);
    if (!pgm)
        pgm = mem_read_slow(c, a1, b1, l1);
    if (!pgm)
        pgm = mem_read_slow(c, ea_ss2(c, iw), b2, l2);
    if (pgm)
        return pgm;
    if (!dec_parse(b1, l1, m1, n1) || !dec_parse(b2, l2, m2, n2))
        return data_exception(c);
    return 0;
}

/* Store a signed result into the first operand and set the CC (0 zero, 1 <0, 2 >0,
 * 3 overflow: 'ovf' says digits were lost and mag holds at least the kept ones). A zero
 * result is positive unless digits were lost; overflow completes and then interrupts if
 * the PSW decimal-overflow mask is one. */
static int dec_result(struct cpu *c, uint64_t a1, unsigned l1, u128 mag, bool neg, bool ovf)
{
    uint8_t out[16];
    if (!ovf && mag == 0)
        neg = false;
    dec_format(out, l1, mag, neg);
    int pgm = mem_write_slow(c, a1, out, l1);
    if (pgm)
        return pgm;
    c->cc = ovf ? 3 : mag == 0 ? 0 : neg ? 1 : 2;
    return ovf && (psw_pm(c) & PM_DECOVF) ? PGM_DEC_OVERFLOW : 0;
}

static inline bool dec_overflows(u128 mag, unsigned len)
{
    return mag >= pow10_u128(dec_digits(len));
}

/* F8   ZAP   - Zero and Add                               [SS-b]
 * Only the second operand is checked for valid digits and sign. */
int op_zap(struct cpu *c, uint64_t iw)
{
    unsigned l1 = iw_r1(iw) + 1, l2 = iw_r2(iw) + 1;
    uint64_t a1 = ea_rs(c, iw);
    uint8_t b2[16];
    u128 mag;
    bool neg;
    int pgm = mem_check_range(c, a1, l1, ACC_STORE);
    if (!pgm)
        pgm = mem_read_slow(c, ea_ss2(c, iw), b2, l2);
    if (pgm)
        return pgm;
    if (!dec_parse(b2, l2, &mag, &neg))
        return data_exception(c);
    return dec_result(c, a1, l1, mag, neg, dec_overflows(mag, l1));
}

/* Signed sum of two sign-magnitude values. */
static u128 dec_add(u128 m1, bool n1, u128 m2, bool n2, bool *neg)
{
    if (n1 == n2) {
        *neg = n1;
        return m1 + m2;
    }
    *neg = m1 >= m2 ? n1 : n2;
    return m1 >= m2 ? m1 - m2 : m2 - m1;
}

/* FA   AP    - Add Decimal                                [SS-b]
 * FB   SP    - Subtract Decimal                           [SS-b] */
int op_ap(struct cpu *c, uint64_t iw)
{
    u128 m1, m2, r;
    bool n1, n2, neg;
    int pgm = dec_load2(c, iw, &m1, &n1, &m2, &n2);
    if (pgm)
        return pgm;
    if ((iw >> 56) == 0xfb)
        n2 = !n2;
    r = dec_add(m1, n1, m2, n2, &neg);
    return dec_result(c, ea_rs(c, iw), iw_r1(iw) + 1, r, neg, dec_overflows(r, iw_r1(iw) + 1));
}

/* F9   CP    - Compare Decimal                            [SS-b]
 * Plus and minus zero compare equal. */
int op_cp(struct cpu *c, uint64_t iw)
{
    u128 m1, m2;
    bool n1, n2;
    unsigned l1 = iw_r1(iw) + 1, l2 = iw_r2(iw) + 1;
    uint8_t b1[16], b2[16];
    int pgm = mem_read_slow(c, ea_rs(c, iw), b1, l1);
    if (!pgm)
        pgm = mem_read_slow(c, ea_ss2(c, iw), b2, l2);
    if (pgm)
        return pgm;
    if (!dec_parse(b1, l1, &m1, &n1) || !dec_parse(b2, l2, &m2, &n2))
        return data_exception(c);
    __int128 v1 = n1 ? -(__int128)m1 : (__int128)m1;
    __int128 v2 = n2 ? -(__int128)m2 : (__int128)m2;
    c->cc = v1 == v2 ? 0 : v1 < v2 ? 1 : 2;
    return 0;
}

/* MP/DP: the second operand is at most 8 bytes and shorter than the first. */
static inline bool muldiv_lengths_ok(uint64_t iw)
{
    return iw_r2(iw) <= 7 && iw_r2(iw) < iw_r1(iw);
}

/* MP and DP: the length rule (specification exception) then both packed operands. */
static int muldiv_load(struct cpu *c, uint64_t iw, u128 *m1, bool *n1, u128 *m2, bool *n2)
{
    if (!muldiv_lengths_ok(iw))
        return PGM_SPECIFICATION;
    return dec_load2(c, iw, m1, n1, m2, n2);
}

/* FC   MP    - Multiply Decimal                           [SS-b]
 * The multiplicand needs as many leftmost zero bytes as the multiplier is long (data
 * exception otherwise), so the product always fits. Its sign follows the rules of
 * algebra even for a zero product. CC unchanged. */
int op_mp(struct cpu *c, uint64_t iw)
{
    unsigned l1 = iw_r1(iw) + 1, l2 = iw_r2(iw) + 1;
    u128 m1, m2;
    bool n1, n2;
    uint8_t out[16];
    int pgm = muldiv_load(c, iw, &m1, &n1, &m2, &n2);
    if (pgm)
        return pgm;
    if (m1 >= pow10_u128(dec_digits(l1 - l2)))
        return data_exception(c);
    dec_format(out, l1, m1 * m2, n1 != n2);
    return mem_write_slow(c, ea_rs(c, iw), out, l1);
}

/* FD   DP    - Divide Decimal                             [SS-b]
 * Quotient (L1-L2 bytes, sign by algebra) then remainder (L2+1 bytes, dividend's sign)
 * replace the dividend. A zero divisor or a quotient that does not fit is a decimal-
 * divide exception, and nothing is stored. CC unchanged. */
int op_dp(struct cpu *c, uint64_t iw)
{
    unsigned l1 = iw_r1(iw) + 1, l2 = iw_r2(iw) + 1;
    u128 m1, m2;
    bool n1, n2;
    uint8_t out[16];
    int pgm = muldiv_load(c, iw, &m1, &n1, &m2, &n2);
    if (pgm)
        return pgm;
    if (m2 == 0 || m1 / m2 >= pow10_u128(dec_digits(l1 - l2)))
        return PGM_DEC_DIVIDE;
    dec_format(out, l1 - l2, m1 / m2, n1 != n2);
    dec_format(out + l1 - l2, l2, m1 % m2, n1);
    return mem_write_slow(c, ea_rs(c, iw), out, l1);
}

/* F0   SRP   - Shift and Round Decimal                    [SS-c]
 * Bits 58-63 of the second-operand address are a signed shift count (left if positive).
 * A right shift adds the rounding digit I3 to the leftmost digit shifted out. */
int op_srp(struct cpu *c, uint64_t iw)
{
    unsigned l1 = iw_r1(iw) + 1, round = iw_r2(iw), shift = ea_ss2(c, iw) & 63;
    unsigned ndig = dec_digits(l1);
    uint64_t a1 = ea_rs(c, iw);
    uint8_t b1[16];
    u128 mag;
    bool neg;
    int pgm = mem_check_range(c, a1, l1, ACC_STORE);
    if (!pgm)
        pgm = mem_read_slow(c, a1, b1, l1);
    if (pgm)
        return pgm;
    if (!dec_parse(b1, l1, &mag, &neg) || round > 9)
        return data_exception(c);
    if (shift < 32) {
        /* The low ndig - shift digits stay in the field; a nonzero other one is lost. */
        u128 keep = shift < ndig ? pow10_u128(ndig - shift) : 1;
        u128 r = shift < ndig ? (mag % keep) * pow10_u128(shift) : 0;
        return dec_result(c, a1, l1, r, neg, mag >= keep);
    }
    unsigned n = 64 - shift;                /* 1..32 digits to the right */
    mag = (mag / pow10_u128(n - 1) + round) / 10;
    return dec_result(c, a1, l1, mag, neg, false);
}

/* EBC0 TP    - Test Decimal                               [RSL-a]
 * CC 0 valid, 1 invalid sign, 2 invalid digit, 3 both; no data exception. */
int op_tp(struct cpu *c, uint64_t iw)
{
    unsigned len = iw_r1(iw) + 1, cc = 0;
    uint8_t b[16];
    int pgm = mem_read_slow(c, ea_rs(c, iw), b, len);
    if (pgm)
        return pgm;
    for (unsigned i = 0; i < len; i++) {
        if ((b[i] >> 4) > 9 || (i + 1 < len && (b[i] & 0xf) > 9))
            cc |= 2;
    }
    if ((b[len - 1] & 0xf) < 0xa)
        cc |= 1;
    c->cc = cc;
    return 0;
}

/* Signed value of a packed operand of len bytes at ea (CVB family). */
static int cvb_load(struct cpu *c, uint64_t ea, unsigned len, __int128 *v)
{
    uint8_t b[16];
    u128 mag;
    bool neg;
    int pgm = mem_read_slow(c, ea, b, len);
    if (pgm)
        return pgm;
    if (!dec_parse(b, len, &mag, &neg))
        return data_exception(c);
    *v = neg ? -(__int128)mag : (__int128)mag;
    return 0;
}

/* 4F   CVB   - Convert to Binary                          [RX-a]
 * E306 CVBY  - Convert to Binary                          [RXY-a]
 * Out of the 32-bit range: the rightmost 32 bits are stored, then fixed-point divide. */
int op_cvb(struct cpu *c, uint64_t iw)
{
    uint64_t ea = (iw >> 56) == 0x4f ? ea_rx(c, iw) : ea_rxy(c, iw);
    __int128 v;
    int pgm = cvb_load(c, ea, 8, &v);
    if (pgm)
        return pgm;
    set_low32(c, iw_r1(iw), (uint32_t)v);
    return v != (int32_t)v ? PGM_FIXPOINT_DIVIDE : 0;
}

/* E30E CVBG  - Convert to Binary (64)                     [RXY-a]
 * Out of the 64-bit range: fixed-point divide, R1 unchanged. */
int op_cvbg(struct cpu *c, uint64_t iw)
{
    __int128 v;
    int pgm = cvb_load(c, ea_rxy(c, iw), 16, &v);
    if (pgm)
        return pgm;
    if (v != (int64_t)v)
        return PGM_FIXPOINT_DIVIDE;
    c->gr[iw_r1(iw)] = (uint64_t)(int64_t)v;
    return 0;
}

/* Store v as a packed field of len bytes (sign C for zero and positive, D negative). */
static int cvd_store(struct cpu *c, uint64_t ea, unsigned len, int64_t v)
{
    uint8_t out[16];
    u128 mag = v < 0 ? -(uint64_t)v : (uint64_t)v;
    dec_format(out, len, mag, v < 0);
    return mem_write_slow(c, ea, out, len);
}

/* 4E   CVD   - Convert to Decimal                         [RX-a]
 * E326 CVDY  - Convert to Decimal                         [RXY-a] */
int op_cvd(struct cpu *c, uint64_t iw)
{
    uint64_t ea = (iw >> 56) == 0x4e ? ea_rx(c, iw) : ea_rxy(c, iw);
    return cvd_store(c, ea, 8, (int32_t)c->gr[iw_r1(iw)]);
}

/* E32E CVDG  - Convert to Decimal (64)                    [RXY-a] */
int op_cvdg(struct cpu *c, uint64_t iw)
{
    return cvd_store(c, ea_rxy(c, iw), 16, (int64_t)c->gr[iw_r1(iw)]);
}
