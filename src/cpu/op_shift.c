/* Shifts, rotates and bit-field instructions (PoP ch.7): SHIFT LEFT/RIGHT SINGLE and
 * DOUBLE (logical and arithmetic), ROTATE LEFT SINGLE LOGICAL, the ROTATE THEN
 * ... SELECTED BITS family, FIND LEFTMOST ONE and POPULATION COUNT.
 * Shift amounts are the low 6 bits (58-63) of the second-operand address. */
#include "insn.h"
#include "alu.h"

/* Bits 58-63 of D2(B2); the address is never used to access storage. */
static inline unsigned shift_rs(const struct cpu *c, uint64_t iw)  { return ea_rs(c, iw) & 63; }
static inline unsigned shift_rsy(const struct cpu *c, uint64_t iw) { return ea_rsy(c, iw) & 63; }

/* Logical shifts of a 32-bit value by 0..63; counts of 32 or more give zero. */
static inline uint32_t sll32(uint32_t v, unsigned n) { return n > 31 ? 0 : v << n; }
static inline uint32_t srl32(uint32_t v, unsigned n) { return n > 31 ? 0 : v >> n; }

/* Arithmetic right shift of a 'w'-bit value (w = 32 or 64) by 0..63, CC 0/1/2. */
static uint64_t sra_cc(struct cpu *c, uint64_t v, unsigned n, unsigned w)
{
    int64_t sv = w == 32 ? sext32(v) : (int64_t)v;
    uint64_t r = (uint64_t)(sv >> n);
    if (w == 32) {
        r = (uint32_t)r;
        cc_signed32(c, (uint32_t)r);
    } else {
        cc_signed64(c, r);
    }
    return r;
}

/* Arithmetic left shift of a 'w'-bit value (w = 32 or 64) by 0..63: the sign stays,
 * the w-1 numeric bits shift. Overflow (CC 3) when any bit shifted out of the bit
 * after the sign differs from the sign; counts >= w shift out the zeros shifted in
 * as well, so only a zero value survives them. */
static uint64_t sla_cc(struct cpu *c, uint64_t v, unsigned n, unsigned w)
{
    uint64_t sign = 1ULL << (w - 1);
    int64_t sv = w == 32 ? sext32(v) : (int64_t)v;
    bool ovf;
    if (n >= w) {
        ovf = sv != 0;
    } else {
        int64_t top = sv >> (w - 1 - n);     /* the sign and the bits shifted out */
        ovf = top != 0 && top != -1;
    }
    uint64_t r = (v & sign) | ((v << n) & (sign - 1));
    c->cc = ovf ? 3 : r == 0 ? 0 : (r & sign) ? 1 : 2;
    return r;
}

/* 89   SLL   - Shift Left Single Logical                  [RS-a] */
int op_sll(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_r1(iw);
    set_low32(c, r1, sll32((uint32_t)c->gr[r1], shift_rs(c, iw)));
    return 0;
}

/* 88   SRL   - Shift Right Single Logical                 [RS-a] */
int op_srl(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_r1(iw);
    set_low32(c, r1, srl32((uint32_t)c->gr[r1], shift_rs(c, iw)));
    return 0;
}

/* 8B   SLA   - Shift Left Single                          [RS-a] */
int op_sla(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_r1(iw);
    set_low32(c, r1, (uint32_t)sla_cc(c, (uint32_t)c->gr[r1], shift_rs(c, iw), 32));
    return fixovf_check(c);
}

/* 8A   SRA   - Shift Right Single                         [RS-a] */
int op_sra(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_r1(iw);
    set_low32(c, r1, (uint32_t)sra_cc(c, (uint32_t)c->gr[r1], shift_rs(c, iw), 32));
    return 0;
}

/* EBDF SLLK  - Shift Left Single Logical                  [RSY-a] */
int op_sllk(struct cpu *c, uint64_t iw)
{
    set_low32(c, iw_r1(iw), sll32((uint32_t)c->gr[iw_r2(iw)], shift_rsy(c, iw)));
    return 0;
}

/* EBDE SRLK  - Shift Right Single Logical                 [RSY-a] */
int op_srlk(struct cpu *c, uint64_t iw)
{
    set_low32(c, iw_r1(iw), srl32((uint32_t)c->gr[iw_r2(iw)], shift_rsy(c, iw)));
    return 0;
}

/* EBDD SLAK  - Shift Left Single                          [RSY-a] */
int op_slak(struct cpu *c, uint64_t iw)
{
    uint64_t r = sla_cc(c, (uint32_t)c->gr[iw_r2(iw)], shift_rsy(c, iw), 32);
    set_low32(c, iw_r1(iw), (uint32_t)r);
    return fixovf_check(c);
}

/* EBDC SRAK  - Shift Right Single                         [RSY-a] */
int op_srak(struct cpu *c, uint64_t iw)
{
    uint64_t r = sra_cc(c, (uint32_t)c->gr[iw_r2(iw)], shift_rsy(c, iw), 32);
    set_low32(c, iw_r1(iw), (uint32_t)r);
    return 0;
}

/* EB0D SLLG  - Shift Left Single Logical (64)             [RSY-a] */
int op_sllg(struct cpu *c, uint64_t iw)
{
    c->gr[iw_r1(iw)] = c->gr[iw_r2(iw)] << shift_rsy(c, iw);
    return 0;
}

/* EB0C SRLG  - Shift Right Single Logical (64)            [RSY-a] */
int op_srlg(struct cpu *c, uint64_t iw)
{
    c->gr[iw_r1(iw)] = c->gr[iw_r2(iw)] >> shift_rsy(c, iw);
    return 0;
}

/* EB0B SLAG  - Shift Left Single (64)                     [RSY-a] */
int op_slag(struct cpu *c, uint64_t iw)
{
    c->gr[iw_r1(iw)] = sla_cc(c, c->gr[iw_r2(iw)], shift_rsy(c, iw), 64);
    return fixovf_check(c);
}

/* EB0A SRAG  - Shift Right Single (64)                    [RSY-a] */
int op_srag(struct cpu *c, uint64_t iw)
{
    c->gr[iw_r1(iw)] = sra_cc(c, c->gr[iw_r2(iw)], shift_rsy(c, iw), 64);
    return 0;
}

/* The even/odd pair R1:R1+1 as one 64-bit value (low halves of both registers). */
static inline uint64_t pair_get(const struct cpu *c, unsigned r1)
{
    return (c->gr[r1] << 32) | (uint32_t)c->gr[r1 + 1];
}
static inline void pair_set(struct cpu *c, unsigned r1, uint64_t v)
{
    set_low32(c, r1, (uint32_t)(v >> 32));
    set_low32(c, r1 + 1, (uint32_t)v);
}

/* 8D   SLDL  - Shift Left Double Logical                  [RS-a] */
int op_sldl(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_r1(iw);
    if (reg_is_odd(r1))
        return PGM_SPECIFICATION;
    pair_set(c, r1, pair_get(c, r1) << shift_rs(c, iw));
    return 0;
}

/* 8C   SRDL  - Shift Right Double Logical                 [RS-a] */
int op_srdl(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_r1(iw);
    if (reg_is_odd(r1))
        return PGM_SPECIFICATION;
    pair_set(c, r1, pair_get(c, r1) >> shift_rs(c, iw));
    return 0;
}

/* 8F   SLDA  - Shift Left Double                          [RS-a] */
int op_slda(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_r1(iw);
    if (reg_is_odd(r1))
        return PGM_SPECIFICATION;
    pair_set(c, r1, sla_cc(c, pair_get(c, r1), shift_rs(c, iw), 64));
    return fixovf_check(c);
}

/* 8E   SRDA  - Shift Right Double                         [RS-a] */
int op_srda(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_r1(iw);
    if (reg_is_odd(r1))
        return PGM_SPECIFICATION;
    pair_set(c, r1, sra_cc(c, pair_get(c, r1), shift_rs(c, iw), 64));
    return 0;
}

static inline uint64_t rotl64(uint64_t v, unsigned n) { n &= 63; return n ? (v << n) | (v >> (64 - n)) : v; }
static inline uint32_t rotl32(uint32_t v, unsigned n) { n &= 31; return n ? (v << n) | (v >> (32 - n)) : v; }

/* EB1D RLL   - Rotate Left Single Logical                 [RSY-a] */
int op_rll(struct cpu *c, uint64_t iw)
{
    set_low32(c, iw_r1(iw), rotl32((uint32_t)c->gr[iw_r2(iw)], shift_rsy(c, iw)));
    return 0;
}

/* EB1C RLLG  - Rotate Left Single Logical (64)            [RSY-a] */
int op_rllg(struct cpu *c, uint64_t iw)
{
    c->gr[iw_r1(iw)] = rotl64(c->gr[iw_r2(iw)], shift_rsy(c, iw));
    return 0;
}

/* ---- ROTATE THEN ... SELECTED BITS [RIE-f]: R1, R2, I3 (start), I4 (end), I5 (rotate).
 * Bits 2-7 of I3/I4/I5 are the bit numbers; bit 0 of I4 is the zero-remaining-bits flag
 * (insert forms), bit 0 of I3 the test-only flag (AND/OR/XOR forms); the rest is ignored. */

/* Bits start..end in PoP numbering (bit 0 = MSB), wrapping past 63 when start > end. */
static inline uint64_t bit_range(unsigned start, unsigned end)
{
    uint64_t from = ~0ULL >> start, to = ~0ULL << (63 - end);
    return start <= end ? from & to : from | to;
}

static inline unsigned rie_i3(uint64_t iw) { return IW_FIELD(iw, 16, 8); }
static inline unsigned rie_i4(uint64_t iw) { return IW_FIELD(iw, 24, 8); }
static inline unsigned rie_i5(uint64_t iw) { return IW_FIELD(iw, 32, 8); }

/* Insert the selected bits of rotated R2 into R1, only inside the 'part' of R1 (the
 * high word, the low word, or all of it). With the Z flag the other bits of that
 * part are zeroed; bits outside it never change. Returns the new R1. */
static uint64_t risbg_core(struct cpu *c, uint64_t iw, unsigned start, unsigned end, uint64_t part)
{
    unsigned r1 = iw_r1(iw);
    uint64_t mask = bit_range(start, end) & part;
    uint64_t rot = rotl64(c->gr[iw_r2(iw)], rie_i5(iw) & 63);
    uint64_t keep = (rie_i4(iw) & 0x80) ? ~part : ~mask;
    c->gr[r1] = (c->gr[r1] & keep) | (rot & mask);
    return c->gr[r1];
}

/* EC55 RISBG - Rotate then Insert Selected Bits           [RIE-f] */
int op_risbg(struct cpu *c, uint64_t iw)
{
    cc_signed64(c, risbg_core(c, iw, rie_i3(iw) & 63, rie_i4(iw) & 63, ~0ULL));
    return 0;
}

/* EC59 RISBGN - Rotate then Insert Selected Bits (no CC)  [RIE-f] */
int op_risbgn(struct cpu *c, uint64_t iw)
{
    risbg_core(c, iw, rie_i3(iw) & 63, rie_i4(iw) & 63, ~0ULL);
    return 0;
}

/* EC5D RISBHG - Rotate then Insert Selected Bits High     [RIE-f] */
int op_risbhg(struct cpu *c, uint64_t iw)
{
    risbg_core(c, iw, rie_i3(iw) & 31, rie_i4(iw) & 31, 0xffffffff00000000ULL);
    return 0;
}

/* EC51 RISBLG - Rotate then Insert Selected Bits Low      [RIE-f] */
int op_risblg(struct cpu *c, uint64_t iw)
{
    risbg_core(c, iw, 32 + (rie_i3(iw) & 31), 32 + (rie_i4(iw) & 31), 0xffffffffULL);
    return 0;
}

/* R1 op rotated R2 over the selected bits; the CC says whether those result bits
 * are all zero; R1 changes (selected bits only) unless the T flag is set. */
static int rsbg_op(struct cpu *c, uint64_t iw, uint64_t (*op)(uint64_t, uint64_t))
{
    unsigned r1 = iw_r1(iw);
    uint64_t mask = bit_range(rie_i3(iw) & 63, rie_i4(iw) & 63);
    uint64_t rot = rotl64(c->gr[iw_r2(iw)], rie_i5(iw) & 63);
    uint64_t sel = op(c->gr[r1], rot) & mask;
    cc_nz(c, sel);
    if (!(rie_i3(iw) & 0x80))
        c->gr[r1] = (c->gr[r1] & ~mask) | sel;
    return 0;
}

static uint64_t and64(uint64_t a, uint64_t b) { return a & b; }
static uint64_t or64(uint64_t a, uint64_t b)  { return a | b; }
static uint64_t xor64(uint64_t a, uint64_t b) { return a ^ b; }

/* EC54 RNSBG - Rotate then And Selected Bits              [RIE-f] */
int op_rnsbg(struct cpu *c, uint64_t iw) { return rsbg_op(c, iw, and64); }
/* EC56 ROSBG - Rotate then Or Selected Bits               [RIE-f] */
int op_rosbg(struct cpu *c, uint64_t iw) { return rsbg_op(c, iw, or64); }
/* EC57 RXSBG - Rotate then Exclusive Or Selected Bits     [RIE-f] */
int op_rxsbg(struct cpu *c, uint64_t iw) { return rsbg_op(c, iw, xor64); }

/* B983 FLOGR - Find Leftmost One                          [RRE]
 * R1 = bit number of the leftmost one of R2 (64 if none), R1+1 = R2 with that bit off. */
int op_flogr(struct cpu *c, uint64_t iw)
{
    unsigned r1 = iw_rre_r1(iw);
    uint64_t v = c->gr[iw_rre_r2(iw)];
    if (reg_is_odd(r1))
        return PGM_SPECIFICATION;
    unsigned n = v ? (unsigned)__builtin_clzll(v) : 64;
    c->gr[r1] = n;
    c->gr[r1 + 1] = v ? v & ~(1ULL << (63 - n)) : 0;
    c->cc = v ? 2 : 0;
    return 0;
}

/* B9E1 POPCNT - Population Count                          [RRE]
 * Each byte of R1 = number of ones in that byte of R2. (The M3 total-count form
 * belongs to miscellaneous-instruction-extensions 3, which we do not install.) */
int op_popcnt(struct cpu *c, uint64_t iw)
{
    uint64_t v = c->gr[iw_rre_r2(iw)], r = 0;
    for (unsigned i = 0; i < 64; i += 8)
        r |= (uint64_t)__builtin_popcount((unsigned)(v >> i) & 0xff) << i;
    c->gr[iw_rre_r1(iw)] = r;
    cc_nz(c, r);
    return 0;
}
