/* Instruction-format field decoders (PoP ch.5 "Instruction Formats").
 * 'iw' holds the instruction left-aligned: byte 0 in bits 63-56 of the word, so
 * instruction bit k sits at word bit 63-k whatever the instruction length. */
#ifndef ZHYP_CPU_FMT_H
#define ZHYP_CPU_FMT_H

#include "zhyp/cpu.h"

/* Field at instruction bits [pos, pos+width). */
#define IW_FIELD(iw, pos, width) ((unsigned)(((iw) >> (64 - (pos) - (width))) & ((1ULL << (width)) - 1)))

static inline unsigned iw_r1(uint64_t iw)  { return IW_FIELD(iw, 8, 4); }   /* RR, RX, RS, RI, RIL: bits 8-11 */
static inline unsigned iw_r2(uint64_t iw)  { return IW_FIELD(iw, 12, 4); }  /* RR: bits 12-15 (also X2, R3, M3) */
static inline unsigned iw_b2(uint64_t iw)  { return IW_FIELD(iw, 16, 4); }  /* RX/RS/S/SI: B at 16-19 */
static inline unsigned iw_d2(uint64_t iw)  { return IW_FIELD(iw, 20, 12); } /* D at 20-31 */
static inline unsigned iw_i8(uint64_t iw)  { return IW_FIELD(iw, 8, 8); }   /* SI: I2, SVC: I, SS-a: L */
static inline unsigned iw_i16(uint64_t iw) { return IW_FIELD(iw, 16, 16); } /* RI: I2 */
static inline uint32_t iw_i32(uint64_t iw) { return (uint32_t)IW_FIELD(iw, 16, 32); } /* RIL: I2 */

/* RRE / RRF: R1 at 24-27, R2 at 28-31, R3/M3 at 16-19, M4 at 20-23. */
static inline unsigned iw_rre_r1(uint64_t iw) { return IW_FIELD(iw, 24, 4); }
static inline unsigned iw_rre_r2(uint64_t iw) { return IW_FIELD(iw, 28, 4); }
static inline unsigned iw_rrf_r3(uint64_t iw) { return IW_FIELD(iw, 16, 4); }
static inline unsigned iw_rrf_m4(uint64_t iw) { return IW_FIELD(iw, 20, 4); }

/* Six-byte formats: second base/displacement at 32-35 / 36-47 (SS, SSE, SSF),
 * long-displacement high byte at 32-39 (RXY, RSY, SIY). */
static inline unsigned iw_b4(uint64_t iw)  { return IW_FIELD(iw, 32, 4); }
static inline unsigned iw_d4(uint64_t iw)  { return IW_FIELD(iw, 36, 12); }
static inline unsigned iw_m32(uint64_t iw) { return IW_FIELD(iw, 32, 4); }  /* RXE M3, RIE M3 at 32-35 */

/* 20-bit signed displacement: DL at 20-31, DH at 32-39. */
static inline int64_t iw_dl_dh(uint64_t iw)
{
    int64_t dh = (int8_t)IW_FIELD(iw, 32, 8);
    return (int64_t)((uint64_t)dh << 12) | IW_FIELD(iw, 20, 12);   /* no UB shift of a negative */
}

static inline int64_t sext16(uint64_t v) { return (int16_t)v; }
static inline int64_t sext32(uint64_t v) { return (int32_t)v; }
static inline int64_t sext8(uint64_t v)  { return (int8_t)v; }

/* Base + index + displacement, wrapped to the addressing mode (PoP "Address Generation"). */
static inline uint64_t ea_bxd(const struct cpu *c, unsigned b, unsigned x, int64_t d)
{
    uint64_t a = (uint64_t)d;
    if (b)
        a += c->gr[b];
    if (x)
        a += c->gr[x];
    return a & c->amask;
}

/* Decoded operand addresses for the common formats. */
static inline uint64_t ea_rx(const struct cpu *c, uint64_t iw)   /* RX-a/b: D2(X2,B2) */
{
    return ea_bxd(c, iw_b2(iw), iw_r2(iw), iw_d2(iw));
}
static inline uint64_t ea_rxy(const struct cpu *c, uint64_t iw)  /* RXY: DH2 DL2(X2,B2) */
{
    return ea_bxd(c, iw_b2(iw), iw_r2(iw), iw_dl_dh(iw));
}
static inline uint64_t ea_rs(const struct cpu *c, uint64_t iw)   /* RS, S, SI: D(B) */
{
    return ea_bxd(c, iw_b2(iw), 0, iw_d2(iw));
}
static inline uint64_t ea_rsy(const struct cpu *c, uint64_t iw)  /* RSY, SIY: DH DL(B) */
{
    return ea_bxd(c, iw_b2(iw), 0, iw_dl_dh(iw));
}
static inline uint64_t ea_ss2(const struct cpu *c, uint64_t iw)  /* SS/SSE/SSF second operand */
{
    return ea_bxd(c, iw_b4(iw), 0, iw_d4(iw));
}
/* Relative-immediate target: the instruction address plus 2 * signed halfwords. */
static inline uint64_t rel_target(const struct cpu *c, int64_t halfwords)
{
    return (c->ia + (uint64_t)(halfwords * 2)) & c->amask;
}

/* Register pairs: even/odd, R must be even (else specification exception). */
static inline bool reg_is_odd(unsigned r) { return r & 1; }

/* Store/load the low 32 bits of a GR, leaving the high half alone. */
static inline void set_low32(struct cpu *c, unsigned r, uint32_t v)
{
    c->gr[r] = (c->gr[r] & 0xffffffff00000000ULL) | v;
}
static inline void set_high32(struct cpu *c, unsigned r, uint32_t v)
{
    c->gr[r] = (c->gr[r] & 0xffffffffULL) | ((uint64_t)v << 32);
}

/* Condition-code mask test for BC-style instructions: mask bit 8>>cc. */
static inline bool cc_matches(const struct cpu *c, unsigned m)
{
    return (m >> (3 - c->cc)) & 1;
}

/* Program-mask bits of the PSW (fixed-point overflow etc.), as a 4-bit value. */
static inline unsigned psw_pm(const struct cpu *c)
{
    return (unsigned)((c->psw.mask >> PSW_SHIFT_PM) & 0xf);
}

#endif
