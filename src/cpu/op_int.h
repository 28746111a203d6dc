/* Private helpers of the binary-integer group (op_int*.c): operand extension and
 * fetch for the RX/RXY storage forms, and the add/subtract cores picked by an
 * operation code so that every operand form shares one body per width. */
#ifndef ZHYP_CPU_OP_INT_H
#define ZHYP_CPU_OP_INT_H

#include "insn.h"
#include "alu.h"

/* RX-a (4-byte) and RXY-a (6-byte) forms of one operation share a handler. */
static inline uint64_t ea_x(const struct cpu *c, uint64_t iw)
{
    return (iw >> 56) < 0xc0 ? ea_rx(c, iw) : ea_rxy(c, iw);
}

/* The low 'bits' of v, sign-extended (signed operations) or zero-extended (logical). */
static inline uint64_t ext(uint64_t v, unsigned bits, bool sign)
{
    if (bits == 64)
        return v;
    uint64_t m = (1ULL << bits) - 1, top = 1ULL << (bits - 1);
    v &= m;
    return sign ? (v ^ top) - top : v;
}

/* Fetch a 2-, 4- or 8-byte storage operand and extend it to 64 bits. */
static inline MUST_CHECK int fetch_ext(struct cpu *c, uint64_t ea, unsigned bytes, bool sign, uint64_t *v)
{
    int pgm;
    if (bytes == 2) {
        uint16_t h;
        pgm = mem_read16_va(c, ea, &h);
        *v = ext(h, 16, sign);
    } else if (bytes == 4) {
        uint32_t w;
        pgm = mem_read32_va(c, ea, &w);
        *v = ext(w, 32, sign);
    } else {
        pgm = mem_read64_va(c, ea, v);
    }
    return pgm;
}

/* Add/subtract operations; the signed ones can overflow (CC 3, fixed-point overflow). */
enum iop {
    IOP_ADD,                     /* A: CC 0/1/2 by sign, 3 overflow */
    IOP_SUB,                     /* S */
    IOP_ADDL,                    /* AL: CC carry*2 + nonzero */
    IOP_SUBL,                    /* SL */
    IOP_ADDC,                    /* ALC: carry in from CC 2/3 */
    IOP_SUBB,                    /* SLB: borrow in from CC 0/1 */
};

static inline bool iop_signed(enum iop op) { return op == IOP_ADD || op == IOP_SUB; }

static inline uint32_t iop32(struct cpu *c, enum iop op, uint32_t a, uint32_t b)
{
    switch (op) {
    case IOP_ADD:  return add32_cc(c, a, b);
    case IOP_SUB:  return sub32_cc(c, a, b);
    case IOP_ADDL: return addl32_cc(c, a, b, 0);
    case IOP_SUBL: return subl32_cc(c, a, b, 0);
    case IOP_ADDC: return addl32_cc(c, a, b, c->cc >> 1);
    default:       return subl32_cc(c, a, b, !(c->cc >> 1));
    }
}

static inline uint64_t iop64(struct cpu *c, enum iop op, uint64_t a, uint64_t b)
{
    switch (op) {
    case IOP_ADD:  return add64_cc(c, a, b);
    case IOP_SUB:  return sub64_cc(c, a, b);
    case IOP_ADDL: return addl64_cc(c, a, b, 0);
    case IOP_SUBL: return subl64_cc(c, a, b, 0);
    case IOP_ADDC: return addl64_cc(c, a, b, c->cc >> 1);
    default:       return subl64_cc(c, a, b, !(c->cc >> 1));
    }
}

/* After the result is stored: a signed overflow is a completing interruption when
 * the program mask allows it; a logical CC 3 (carry) never is. */
static inline int iop_done(const struct cpu *c, enum iop op)
{
    return iop_signed(op) ? fixovf_check(c) : 0;
}

/* Write the result of an operation into the low word, the whole register or the high word. */
static inline int put32(struct cpu *c, enum iop op, unsigned r1, uint32_t a, uint32_t b)
{
    set_low32(c, r1, iop32(c, op, a, b));
    return iop_done(c, op);
}
static inline int put64(struct cpu *c, enum iop op, unsigned r1, uint64_t a, uint64_t b)
{
    c->gr[r1] = iop64(c, op, a, b);
    return iop_done(c, op);
}
static inline int puth(struct cpu *c, enum iop op, unsigned r1, uint32_t a, uint32_t b)
{
    set_high32(c, r1, iop32(c, op, a, b));
    return iop_done(c, op);
}

static inline uint32_t lo32(const struct cpu *c, unsigned r) { return (uint32_t)c->gr[r]; }
static inline uint32_t hi32(const struct cpu *c, unsigned r) { return (uint32_t)(c->gr[r] >> 32); }

#endif
