/* Shared arithmetic with condition codes (PoP ch.7 "Condition Code" columns).
 * One helper per semantic core; table rows for A/AR/AY/AHI/AFI... share these. */
#ifndef ZHYP_CPU_ALU_H
#define ZHYP_CPU_ALU_H

#include "fmt.h"

/* Signed add/subtract: CC 0 zero, 1 <0, 2 >0, 3 overflow. */
static inline uint32_t add32_cc(struct cpu *c, uint32_t a, uint32_t b)
{
    int32_t r;
    bool ovf = __builtin_add_overflow((int32_t)a, (int32_t)b, &r);
    c->cc = ovf ? 3 : r == 0 ? 0 : r < 0 ? 1 : 2;
    return (uint32_t)r;
}
static inline uint64_t add64_cc(struct cpu *c, uint64_t a, uint64_t b)
{
    int64_t r;
    bool ovf = __builtin_add_overflow((int64_t)a, (int64_t)b, &r);
    c->cc = ovf ? 3 : r == 0 ? 0 : r < 0 ? 1 : 2;
    return (uint64_t)r;
}
static inline uint32_t sub32_cc(struct cpu *c, uint32_t a, uint32_t b)
{
    int32_t r;
    bool ovf = __builtin_sub_overflow((int32_t)a, (int32_t)b, &r);
    c->cc = ovf ? 3 : r == 0 ? 0 : r < 0 ? 1 : 2;
    return (uint32_t)r;
}
static inline uint64_t sub64_cc(struct cpu *c, uint64_t a, uint64_t b)
{
    int64_t r;
    bool ovf = __builtin_sub_overflow((int64_t)a, (int64_t)b, &r);
    c->cc = ovf ? 3 : r == 0 ? 0 : r < 0 ? 1 : 2;
    return (uint64_t)r;
}

/* Logical add: CC 0 zero no carry, 1 nonzero no carry, 2 zero carry, 3 nonzero carry.
 * 'carry_in' is 0 or 1 (ALC). */
static inline uint32_t addl32_cc(struct cpu *c, uint32_t a, uint32_t b, unsigned carry_in)
{
    uint64_t r = (uint64_t)a + b + carry_in;
    c->cc = ((r >> 32) ? 2 : 0) | ((uint32_t)r != 0);
    return (uint32_t)r;
}
static inline uint64_t addl64_cc(struct cpu *c, uint64_t a, uint64_t b, unsigned carry_in)
{
    unsigned __int128 r = (unsigned __int128)a + b + carry_in;
    c->cc = ((r >> 64) ? 2 : 0) | ((uint64_t)r != 0);
    return (uint64_t)r;
}
/* Logical subtract: a - b - borrow_in computed as a + ~b + (1 - borrow_in);
 * CC 1 nonzero borrow, 2 zero no borrow, 3 nonzero no borrow (0 cannot occur for SL). */
static inline uint32_t subl32_cc(struct cpu *c, uint32_t a, uint32_t b, unsigned borrow_in)
{
    return addl32_cc(c, a, ~b, 1 - borrow_in);
}
static inline uint64_t subl64_cc(struct cpu *c, uint64_t a, uint64_t b, unsigned borrow_in)
{
    return addl64_cc(c, a, ~b, 1 - borrow_in);
}

/* Result CC for signed values: 0 zero, 1 negative, 2 positive. */
static inline void cc_signed32(struct cpu *c, uint32_t r) { c->cc = r == 0 ? 0 : (int32_t)r < 0 ? 1 : 2; }
static inline void cc_signed64(struct cpu *c, uint64_t r) { c->cc = r == 0 ? 0 : (int64_t)r < 0 ? 1 : 2; }
/* Result CC for logical (AND/OR/XOR): 0 zero, 1 nonzero. */
static inline void cc_nz(struct cpu *c, uint64_t r) { c->cc = r != 0; }
/* Compare CC: 0 equal, 1 first low, 2 first high. */
static inline void cc_cmp_s(struct cpu *c, int64_t a, int64_t b) { c->cc = a == b ? 0 : a < b ? 1 : 2; }
static inline void cc_cmp_u(struct cpu *c, uint64_t a, uint64_t b) { c->cc = a == b ? 0 : a < b ? 1 : 2; }

/* After a signed arithmetic op set CC 3: fixed-point overflow interruption if masked on. */
static inline int fixovf_check(const struct cpu *c)
{
    return (c->cc == 3 && (psw_pm(c) & PM_FIXOVF)) ? PGM_FIXPOINT_OVERFLOW : 0;
}

#endif
