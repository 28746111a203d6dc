/* Helpers shared by the general load/store/move handlers (op_general.c) and the
 * interlocked updates (op_interlock.c), PoP ch.7. Private to those two files. */
#ifndef ZHYP_CPU_OP_GENERAL_H
#define ZHYP_CPU_OP_GENERAL_H

#include "insn.h"

/* The part of a general register an instruction reads or writes. */
enum gr_part { GR_LOW, GR_FULL, GR_HIGH };

static inline bool is_six_byte(uint64_t iw) { return (iw >> 62) == 3; }

/* D2(X2,B2) of an RX-a row, or DH2 DL2(X2,B2) of its RXY-a twin (same handler). */
static inline uint64_t ea_rx_any(const struct cpu *c, uint64_t iw)
{
    return is_six_byte(iw) ? ea_rxy(c, iw) : ea_rx(c, iw);
}

/* D2(B2) of an RS row, or DH2 DL2(B2) of its RSY twin. */
static inline uint64_t ea_rs_any(const struct cpu *c, uint64_t iw)
{
    return is_six_byte(iw) ? ea_rsy(c, iw) : ea_rs(c, iw);
}

/* Storage operand of an RX-a, RXY-a or RIL-b row. The relative-long forms (C4 family)
 * require alignment on the operand size, which for halfwords always holds. */
static inline int op2_addr(const struct cpu *c, uint64_t iw, unsigned size, uint64_t *va)
{
    if ((iw >> 60) == 0xc) {
        *va = rel_target(c, (int32_t)iw_i32(iw));
        return (*va & (size - 1)) ? PGM_SPECIFICATION : 0;
    }
    *va = ea_rx_any(c, iw);
    return 0;
}

/* Fetch a 1/2/4/8-byte big-endian operand, zero-extended. */
static inline MUST_CHECK int mem_read_n(struct cpu *c, uint64_t va, unsigned size, uint64_t *v)
{
    int pgm;
    switch (size) {
    case 1: { uint8_t x; pgm = mem_read8_va(c, va, &x); *v = x; return pgm; }
    case 2: { uint16_t x; pgm = mem_read16_va(c, va, &x); *v = x; return pgm; }
    case 4: { uint32_t x; pgm = mem_read32_va(c, va, &x); *v = x; return pgm; }
    default: return mem_read64_va(c, va, v);
    }
}

/* Store the rightmost 'size' bytes of v. */
static inline MUST_CHECK int mem_write_n(struct cpu *c, uint64_t va, unsigned size, uint64_t v)
{
    switch (size) {
    case 1: return mem_write8_va(c, va, (uint8_t)v);
    case 2: return mem_write16_va(c, va, (uint16_t)v);
    case 4: return mem_write32_va(c, va, (uint32_t)v);
    default: return mem_write64_va(c, va, v);
    }
}

/* The rightmost 'size' bytes of v, sign- or zero-extended to 64 bits. */
static inline uint64_t ext_n(uint64_t v, unsigned size, bool sign)
{
    unsigned sh = 64 - 8 * size;
    return sign ? (uint64_t)((int64_t)(v << sh) >> sh) : (v << sh) >> sh;
}

static inline uint64_t bswap_n(uint64_t v, unsigned size)
{
    switch (size) {
    case 2: return __builtin_bswap16((uint16_t)v);
    case 4: return __builtin_bswap32((uint32_t)v);
    default: return __builtin_bswap64(v);
    }
}

/* Write v into the chosen part of GR r: the low or high word, or all 64 bits. */
static inline void gr_put(struct cpu *c, unsigned r, enum gr_part p, uint64_t v)
{
    switch (p) {
    case GR_LOW:  set_low32(c, r, (uint32_t)v); break;
    case GR_HIGH: set_high32(c, r, (uint32_t)v); break;
    default:      c->gr[r] = v; break;
    }
}

static inline uint64_t gr_get(const struct cpu *c, unsigned r, enum gr_part p)
{
    switch (p) {
    case GR_LOW:  return (uint32_t)c->gr[r];
    case GR_HIGH: return c->gr[r] >> 32;
    default:      return c->gr[r];
    }
}

/* Replace the 'width'-bit field at bit offset 'shift' (from the right) of v. */
static inline uint64_t insert_bits(uint64_t v, uint64_t field, unsigned shift, unsigned width)
{
    uint64_t m = (width == 64 ? ~0ULL : ((1ULL << width) - 1)) << shift;
    return (v & ~m) | ((field << shift) & m);
}

/* An address result (LA, LARL): all 64 bits in the 64-bit mode; otherwise bits 32-63
 * only, the already-wrapped address leaving bit 32 (and 32-39 in 24-bit mode) zero. */
static inline void gr_put_addr(struct cpu *c, unsigned r, uint64_t a)
{
    if (c->amask == ~0ULL)
        c->gr[r] = a;
    else
        set_low32(c, r, (uint32_t)a);
}

#endif
