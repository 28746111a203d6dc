/* Fast slot handlers (icache.h) for the rows compiled code and the benches run most:
 * the same semantics as the table's handlers (checked by the differential tests, which
 * run through these slots), with operands pre-extracted by the decoder and the next
 * slot returned directly. Which rows get one: a histogram of the rows that went through
 * the generic slot in bench/src/cbench.c and the corpus.
 * Measured (callgrind, bench/src/loop_ahi): 56 host instructions per emulated
 * instruction with the halfword-dispatch loop, 19.2 with slots. */
#include "icache.h"
#include "ss.h"

/* CCs computed into a local first: storing c->cc before the result would make the
 * compiler reload it (the GR store may alias it). */
static inline unsigned cc_s32(int32_t r) { return (unsigned)(r > 0) * 2 + (r < 0); }
static inline unsigned cc_s64(int64_t r) { return (unsigned)(r > 0) * 2 + (r < 0); }
static inline unsigned cc_cmp_u64(uint64_t a, uint64_t b) { return (unsigned)(a > b) * 2 + (a < b); }
static inline unsigned cc_cmp_s64(int64_t a, int64_t b) { return (unsigned)(a > b) * 2 + (a < b); }

static inline uint64_t x_ea(const struct cpu *c, const struct xops *o)
{
    return (c->gr[o->x2] + c->gr[o->b2] + (uint64_t)(int64_t)o->i) & c->amask;
}

/* The operand address for a TLB probe only: not wrapped to the addressing mode. Every
 * TLB tag is a page of the current mode (the TLB is filled with wrapped addresses and
 * flushed when the mode changes, cpu_set_psw), so an unwrapped address that hits is in
 * the mode's range and equals its wrapped self, and one that needs wrapping misses; the
 * miss paths use x_ea. One host instruction per access (callgrind, loop_las: 19.0 ->
 * 18.2). Never for an address that is itself a result (LA, branch targets). */
static inline uint64_t x_ea_tlb(const struct cpu *c, const struct xops *o)
{
    return c->gr[o->x2] + c->gr[o->b2] + (uint64_t)(int64_t)o->i;
}

/* x_ea_tlb without an index register (X2 = 0): one GR load and add fewer; the
 * displacement comes sign-extended from the slot (xop_fill). */
static inline uint64_t x_ea_b(const struct cpu *c, const struct xslot *s)
{
    return c->gr[s->u.o.b2] + (uint64_t)s->t.disp;
}

/* The low 32 bits of a GR as one 4-byte store (the high half is untouched). */
static inline void gr_set32(struct cpu *c, unsigned r, uint32_t v)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    memcpy(&c->gr[r], &v, 4);
#else
    c->gr[r] = (c->gr[r] & 0xffffffff00000000ULL) | v;
#endif
}

/* The low 32 bits of a GR, read as 4 bytes. After gr_set32's 4-byte store, an 8-byte
 * load of the GR cannot take its value from the store buffer and waits until the store
 * reaches the cache: ST after A, or AR/LR after L, stalled on it. Host instructions stay
 * the same; wall time (zhyp user, 200M iterations) L/A/ST + BRCT 1.17 -> 0.73 s, L/S/ST
 * 1.02 -> 0.49, LR/AR/AHI (100M) 0.93 -> 0.23. Where gcc already narrowed the load
 * (AHI, A, CR), a second memcpy on the GR's address costs an lea, so those keep
 * (int32_t)c->gr[r]. */
static inline uint32_t gr_get32(const struct cpu *c, unsigned r)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint32_t v;
    memcpy(&v, &c->gr[r], 4);
    return v;
#else
    return (uint32_t)c->gr[r];
#endif
}

/* Decrement the low 32 bits of a GR (the high half is untouched); the result. */
static inline uint32_t gr_dec32(struct cpu *c, unsigned r)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint32_t v;                         /* one read-modify-write of the low half */
    memcpy(&v, &c->gr[r], 4);
    v--;
    memcpy(&c->gr[r], &v, 4);
    return v;
#else
    uint32_t v = (uint32_t)c->gr[r] - 1;
    gr_set32(c, r, v);
    return v;
#endif
}

static inline bool fixovf_on(const struct cpu *c)
{
    return (c->psw.mask >> PSW_SHIFT_PM) & PM_FIXOVF;
}

/* Relative branch target: the slot the decoder found on this page, else through the
 * address o->i halfwords away. */
static inline struct xslot *x_rel(struct cpu *c, struct xslot *s, const struct xops *o)
{
    if (likely(s->t.target))
        return s->t.target;
    return xslot_goto(c, (xslot_ia(c, s) + 2 * (uint64_t)(int64_t)o->i) & c->amask);
}

static inline bool mask_cc(unsigned m, unsigned cc) { return (m >> (3 - cc)) & 1; }

/* RX-a and RXY-a twins share a core; the wrappers fix the length. */
#define XPAIR(rx, rxy, core, ...) \
    static struct xslot *rx(struct cpu *c, struct xslot *s) { return core(c, s, 4, __VA_ARGS__); } \
    static struct xslot *rxy(struct cpu *c, struct xslot *s) { return core(c, s, 6, __VA_ARGS__); }
#define XONE(name, ilen, core, ...) \
    static struct xslot *name(struct cpu *c, struct xslot *s) { return core(c, s, ilen, __VA_ARGS__); }

/* ---- loads and stores ---- */

static inline int read_n(struct cpu *c, uint64_t va, unsigned size, uint64_t *v)
{
    uint8_t b8; uint16_t b16; uint32_t b32;
    int pgm;
    switch (size) {
    case 1: pgm = mem_read8_va(c, va, &b8); *v = b8; return pgm;
    case 2: pgm = mem_read16_va(c, va, &b16); *v = b16; return pgm;
    case 4: pgm = mem_read32_va(c, va, &b32); *v = b32; return pgm;
    default: return mem_read64_va(c, va, v);
    }
}

static inline uint64_t extend(uint64_t v, unsigned size, bool sign)
{
    if (!sign || size == 8)
        return v;
    unsigned sh = 64 - 8 * size;
    return (uint64_t)((int64_t)(v << sh) >> sh);
}

/* Host address of a TLB hit for 'len' bytes at va, else NULL (the mem.h test). Fast
 * handlers test the TLB themselves and leave misses to a noinline function by a tail
 * call, so that their hit path needs no stack frame: 29 -> 21 host instructions for L
 * (objdump, callgrind on bench/src/loop_las). */
static inline const uint8_t *tlb_read_ha(struct cpu *c, uint64_t va, unsigned len)
{
    unsigned i = tlb_index(va);
    if (likely(c->tlb.tag_r[i] == ((va + len - 1) & ~PAGE_MASK_LOW))) {
        const uint8_t *p = (const uint8_t *)(uintptr_t)(va + c->tlb.addend[i]);
        if (!p)                         /* never; lets gcc drop the callers' NULL test: */
            __builtin_unreachable();    /* one host instruction per access (objdump) */
        return p;
    }
    return NULL;
}

static inline uint8_t *tlb_write_ha(struct cpu *c, uint64_t va, unsigned len)
{
    unsigned i = tlb_index(va);
    if (likely(c->tlb.tag_w[i] == ((va + len - 1) & ~PAGE_MASK_LOW))) {
        uint8_t *p = (uint8_t *)(uintptr_t)(va + c->tlb.addend[i]);
        if (!p)                         /* never, as above */
            __builtin_unreachable();
        return p;
    }
    return NULL;
}

static inline uint64_t ld_n(const uint8_t *p, unsigned size)
{
    switch (size) {
    case 1: return *p;
    case 2: return ld_be16(p);
    case 4: return ld_be32(p);
    default: return ld_be64(p);
    }
}

static inline void put_loaded(struct cpu *c, unsigned r1, uint64_t v, unsigned size, bool sign, bool wide)
{
    v = extend(v, size, sign);
    if (wide)
        c->gr[r1] = v;
    else
        gr_set32(c, r1, (uint32_t)v);
}

/* Load 'size' bytes, extended, into the low half (wide false) or all of R1. */
static __attribute__((noinline)) struct xslot *xload_miss(struct cpu *c, struct xslot *s, unsigned ilen,
                                                          unsigned size, bool sign, bool wide)
{
    uint64_t v;
    int pgm = read_n(c, x_ea(c, &s->u.o), size, &v);
    if (unlikely(pgm))
        return xop_end(c, s, ilen, pgm);
    put_loaded(c, s->u.o.r1, v, size, sign, wide);
    return s + ilen / 2;
}

/* xload at the address va (x_ea_tlb or x_ea_b of the slot's operands). */
static inline struct xslot *xload_at(struct cpu *c, struct xslot *s, uint64_t va, unsigned ilen,
                                     unsigned size, bool sign, bool wide)
{
    const uint8_t *p = tlb_read_ha(c, va, size);
    if (unlikely(!p))
        return xload_miss(c, s, ilen, size, sign, wide);
    put_loaded(c, s->u.o.r1, ld_n(p, size), size, sign, wide);
    return s + ilen / 2;
}

static inline struct xslot *xload(struct cpu *c, struct xslot *s, unsigned ilen,
                                  unsigned size, bool sign, bool wide)
{
    return xload_at(c, s, x_ea_tlb(c, &s->u.o), ilen, size, sign, wide);
}

XPAIR(x_l, x_ly, xload, 4, false, false)
XONE(x_lg, 6, xload, 8, false, true)
XONE(x_lgf, 6, xload, 4, true, true)
XONE(x_llgf, 6, xload, 4, false, true)
XPAIR(x_lh, x_lhy, xload, 2, true, false)
XONE(x_lgh, 6, xload, 2, true, true)
XONE(x_llh, 6, xload, 2, false, false)
XONE(x_llgh, 6, xload, 2, false, true)
XONE(x_lb, 6, xload, 1, true, false)
XONE(x_lgb, 6, xload, 1, true, true)
XONE(x_llc, 6, xload, 1, false, false)
XONE(x_llgc, 6, xload, 1, false, true)

static __attribute__((noinline)) struct xslot *xstore_miss(struct cpu *c, struct xslot *s,
                                                           unsigned ilen, unsigned size)
{
    const struct xops *o = &s->u.o;
    uint64_t va = x_ea(c, o), v = c->gr[o->r1];
    int pgm;
    switch (size) {
    case 1: pgm = mem_write8_va(c, va, (uint8_t)v); break;
    case 2: pgm = mem_write16_va(c, va, (uint16_t)v); break;
    case 4: pgm = mem_write32_va(c, va, (uint32_t)v); break;
    default: pgm = mem_write64_va(c, va, v); break;
    }
    if (unlikely(pgm))
        return xop_end(c, s, ilen, pgm);
    return s + ilen / 2;
}

/* xstore at the address va (x_ea_tlb or x_ea_b of the slot's operands). */
static inline struct xslot *xstore_at(struct cpu *c, struct xslot *s, uint64_t va, unsigned ilen,
                                      unsigned size)
{
    const struct xops *o = &s->u.o;
    uint8_t *p = tlb_write_ha(c, va, size);
    if (unlikely(!p))
        return xstore_miss(c, s, ilen, size);
    uint64_t v = size == 8 ? c->gr[o->r1] : gr_get32(c, o->r1);
    switch (size) {
    case 1: *p = (uint8_t)v; break;
    case 2: st_be16(p, (uint16_t)v); break;
    case 4: st_be32(p, (uint32_t)v); break;
    default: st_be64(p, v); break;
    }
    return s + ilen / 2;
}

static inline struct xslot *xstore(struct cpu *c, struct xslot *s, unsigned ilen, unsigned size)
{
    return xstore_at(c, s, x_ea_tlb(c, &s->u.o), ilen, size);
}

XPAIR(x_st, x_sty, xstore, 4)
XONE(x_stg, 6, xstore, 8)
XPAIR(x_sth, x_sthy, xstore, 2)
XPAIR(x_stc, x_stcy, xstore, 1)

/* MVI / CLI: SI format, I2 in o->r1, D1(B1) in o->b2 / o->i. */
static __attribute__((noinline)) struct xslot *x_mvi_miss(struct cpu *c, struct xslot *s)
{
    int pgm = mem_write8_va(c, x_ea(c, &s->u.o), s->u.o.r1);
    if (unlikely(pgm))
        return xop_end(c, s, 4, pgm);
    return s + 2;
}

static struct xslot *x_mvi(struct cpu *c, struct xslot *s)
{
    uint8_t *p = tlb_write_ha(c, x_ea_tlb(c, &s->u.o), 1);
    if (unlikely(!p))
        return x_mvi_miss(c, s);
    *p = s->u.o.r1;
    return s + 2;
}

static __attribute__((noinline)) struct xslot *x_cli_miss(struct cpu *c, struct xslot *s)
{
    uint8_t v;
    int pgm = mem_read8_va(c, x_ea(c, &s->u.o), &v);
    if (unlikely(pgm))
        return xop_end(c, s, 4, pgm);
    c->cc = cc_cmp_u64(v, s->u.o.r1);
    return s + 2;
}

static struct xslot *x_cli(struct cpu *c, struct xslot *s)
{
    const uint8_t *p = tlb_read_ha(c, x_ea_tlb(c, &s->u.o), 1);
    if (unlikely(!p))
        return x_cli_miss(c, s);
    c->cc = cc_cmp_u64(*p, s->u.o.r1);
    return s + 2;
}

static inline struct xslot *xla(struct cpu *c, struct xslot *s, unsigned ilen, int unused)
{
    const struct xops *o = &s->u.o;
    (void)unused;
    uint64_t a = x_ea(c, o);
    if (c->amask == ~0ULL)
        c->gr[o->r1] = a;
    else
        gr_set32(c, o->r1, (uint32_t)a);        /* bits 0-31 unchanged */
    return s + ilen / 2;
}

XPAIR(x_la, x_lay, xla, 0)

/* LARL: the target was resolved to an address offset at decode; still relative. */
static struct xslot *x_larl(struct cpu *c, struct xslot *s)
{
    const struct xops *o = &s->u.o;
    uint64_t a = (xslot_ia(c, s) + 2 * (uint64_t)(int64_t)o->i) & c->amask;
    if (c->amask == ~0ULL)
        c->gr[o->r1] = a;
    else
        gr_set32(c, o->r1, (uint32_t)a);
    return s + 3;
}

/* ---- register-register ---- */

enum xop { XO_ADD, XO_SUB, XO_AND, XO_OR, XO_XOR, XO_LOAD, XO_LT, XO_CMP, XO_CMPL,
           XO_ADDL, XO_SUBL };

/* 32-bit ALU core: R1 = R1 op v, or R1 = a op v (distinct operands), with the CC. */
static inline struct xslot *alu32(struct cpu *c, struct xslot *s, unsigned ilen,
                                  unsigned r1, uint32_t a, uint32_t b, enum xop op)
{
    int32_t r;
    bool ovf = false;
    switch (op) {
    case XO_ADD: ovf = __builtin_add_overflow((int32_t)a, (int32_t)b, &r); break;
    case XO_SUB: ovf = __builtin_sub_overflow((int32_t)a, (int32_t)b, &r); break;
    case XO_AND: r = (int32_t)(a & b); c->cc = r != 0; gr_set32(c, r1, (uint32_t)r); return s + ilen / 2;
    case XO_OR:  r = (int32_t)(a | b); c->cc = r != 0; gr_set32(c, r1, (uint32_t)r); return s + ilen / 2;
    case XO_XOR: r = (int32_t)(a ^ b); c->cc = r != 0; gr_set32(c, r1, (uint32_t)r); return s + ilen / 2;
    case XO_LOAD: gr_set32(c, r1, b); return s + ilen / 2;
    case XO_LT: gr_set32(c, r1, b); c->cc = cc_s32((int32_t)b); return s + ilen / 2;
    case XO_CMP: c->cc = cc_cmp_s64((int32_t)a, (int32_t)b); return s + ilen / 2;
    case XO_CMPL: c->cc = cc_cmp_u64(a, b); return s + ilen / 2;
    case XO_ADDL: { uint64_t w = (uint64_t)a + b; c->cc = ((w >> 32) ? 2 : 0) | ((uint32_t)w != 0);
                    gr_set32(c, r1, (uint32_t)w); return s + ilen / 2; }
    case XO_SUBL: { uint64_t w = (uint64_t)a + (uint32_t)~b + 1; c->cc = ((w >> 32) ? 2 : 0) | ((uint32_t)w != 0);
                    gr_set32(c, r1, (uint32_t)w); return s + ilen / 2; }
    }
    gr_set32(c, r1, (uint32_t)r);
    c->cc = ovf ? 3 : cc_s32(r);
    if (unlikely(ovf) && fixovf_on(c))
        return xop_end(c, s, ilen, PGM_FIXPOINT_OVERFLOW);
    return s + ilen / 2;
}

static inline struct xslot *alu64(struct cpu *c, struct xslot *s, unsigned ilen,
                                  unsigned r1, uint64_t a, uint64_t b, enum xop op)
{
    int64_t r;
    bool ovf = false;
    switch (op) {
    case XO_ADD: ovf = __builtin_add_overflow((int64_t)a, (int64_t)b, &r); break;
    case XO_SUB: ovf = __builtin_sub_overflow((int64_t)a, (int64_t)b, &r); break;
    case XO_AND: c->gr[r1] = a & b; c->cc = (a & b) != 0; return s + ilen / 2;
    case XO_OR:  c->gr[r1] = a | b; c->cc = (a | b) != 0; return s + ilen / 2;
    case XO_XOR: c->gr[r1] = a ^ b; c->cc = (a ^ b) != 0; return s + ilen / 2;
    case XO_LOAD: c->gr[r1] = b; return s + ilen / 2;
    case XO_LT: c->gr[r1] = b; c->cc = cc_s64((int64_t)b); return s + ilen / 2;
    case XO_CMP: c->cc = cc_cmp_s64((int64_t)a, (int64_t)b); return s + ilen / 2;
    case XO_CMPL: c->cc = cc_cmp_u64(a, b); return s + ilen / 2;
    case XO_ADDL: { unsigned __int128 w = (unsigned __int128)a + b;
                    c->cc = ((w >> 64) ? 2 : 0) | ((uint64_t)w != 0); c->gr[r1] = (uint64_t)w; return s + ilen / 2; }
    case XO_SUBL: { unsigned __int128 w = (unsigned __int128)a + (uint64_t)~b + 1;
                    c->cc = ((w >> 64) ? 2 : 0) | ((uint64_t)w != 0); c->gr[r1] = (uint64_t)w; return s + ilen / 2; }
    }
    c->gr[r1] = (uint64_t)r;
    c->cc = ovf ? 3 : cc_s64(r);
    if (unlikely(ovf) && fixovf_on(c))
        return xop_end(c, s, ilen, PGM_FIXPOINT_OVERFLOW);
    return s + ilen / 2;
}

/* RR / RRE: R1 = R1 op R2. */
static inline struct xslot *rr32(struct cpu *c, struct xslot *s, unsigned ilen, enum xop op)
{
    const struct xops *o = &s->u.o;
    return alu32(c, s, ilen, o->r1, gr_get32(c, o->r1), gr_get32(c, o->r2), op);
}
static inline struct xslot *rr64(struct cpu *c, struct xslot *s, unsigned ilen, enum xop op)
{
    const struct xops *o = &s->u.o;
    return alu64(c, s, ilen, o->r1, c->gr[o->r1], c->gr[o->r2], op);
}
/* RRF-a distinct operands: R1 = R2 op R3 (R3 in o->b2). */
static inline struct xslot *rrk32(struct cpu *c, struct xslot *s, unsigned ilen, enum xop op)
{
    const struct xops *o = &s->u.o;
    return alu32(c, s, ilen, o->r1, gr_get32(c, o->r2), gr_get32(c, o->b2), op);
}
static inline struct xslot *rrk64(struct cpu *c, struct xslot *s, unsigned ilen, enum xop op)
{
    const struct xops *o = &s->u.o;
    return alu64(c, s, ilen, o->r1, c->gr[o->r2], c->gr[o->b2], op);
}
/* Immediate forms: R1 = R1 op I (o->i, sign-extended). */
static inline struct xslot *ri32(struct cpu *c, struct xslot *s, unsigned ilen, enum xop op)
{
    const struct xops *o = &s->u.o;
    return alu32(c, s, ilen, o->r1, gr_get32(c, o->r1), (uint32_t)o->i, op);
}
static inline struct xslot *ri64(struct cpu *c, struct xslot *s, unsigned ilen, enum xop op)
{
    const struct xops *o = &s->u.o;
    return alu64(c, s, ilen, o->r1, c->gr[o->r1], (uint64_t)(int64_t)o->i, op);
}
/* Unsigned 32-bit immediates (CLFI, CLGFI, LLILF). */
static inline struct xslot *riu64(struct cpu *c, struct xslot *s, unsigned ilen, enum xop op)
{
    const struct xops *o = &s->u.o;
    return alu64(c, s, ilen, o->r1, c->gr[o->r1], (uint32_t)o->i, op);
}
/* Storage forms: R1 = R1 op the 4- or 8-byte operand. */
static __attribute__((noinline)) struct xslot *rm_miss(struct cpu *c, struct xslot *s, unsigned ilen,
                                                       enum xop op, bool wide)
{
    const struct xops *o = &s->u.o;
    uint64_t v;
    int pgm = read_n(c, x_ea(c, o), wide ? 8 : 4, &v);
    if (unlikely(pgm))
        return xop_end(c, s, ilen, pgm);
    if (wide)
        return alu64(c, s, ilen, o->r1, c->gr[o->r1], v, op);
    return alu32(c, s, ilen, o->r1, gr_get32(c, o->r1), (uint32_t)v, op);
}

static inline struct xslot *rm32(struct cpu *c, struct xslot *s, unsigned ilen, enum xop op)
{
    const struct xops *o = &s->u.o;
    const uint8_t *p = tlb_read_ha(c, x_ea_tlb(c, o), 4);
    if (unlikely(!p))
        return rm_miss(c, s, ilen, op, false);
    return alu32(c, s, ilen, o->r1, gr_get32(c, o->r1), ld_be32(p), op);
}
static inline struct xslot *rm64(struct cpu *c, struct xslot *s, unsigned ilen, enum xop op)
{
    const struct xops *o = &s->u.o;
    const uint8_t *p = tlb_read_ha(c, x_ea_tlb(c, o), 8);
    if (unlikely(!p))
        return rm_miss(c, s, ilen, op, true);
    return alu64(c, s, ilen, o->r1, c->gr[o->r1], ld_be64(p), op);
}

XONE(x_ar, 2, rr32, XO_ADD)    XONE(x_agr, 4, rr64, XO_ADD)
XONE(x_sr, 2, rr32, XO_SUB)    XONE(x_sgr, 4, rr64, XO_SUB)
XONE(x_nr, 2, rr32, XO_AND)    XONE(x_ngr, 4, rr64, XO_AND)
XONE(x_or, 2, rr32, XO_OR)     XONE(x_ogr, 4, rr64, XO_OR)
XONE(x_xr, 2, rr32, XO_XOR)    XONE(x_xgr, 4, rr64, XO_XOR)
XONE(x_lr, 2, rr32, XO_LOAD)   XONE(x_lgr, 4, rr64, XO_LOAD)
XONE(x_ltr, 2, rr32, XO_LT)    XONE(x_ltgr, 4, rr64, XO_LT)
XONE(x_cr, 2, rr32, XO_CMP)    XONE(x_cgr, 4, rr64, XO_CMP)
XONE(x_clr, 2, rr32, XO_CMPL)  XONE(x_clgr, 4, rr64, XO_CMPL)
XONE(x_alr, 2, rr32, XO_ADDL)  XONE(x_algr, 4, rr64, XO_ADDL)
XONE(x_slr, 2, rr32, XO_SUBL)  XONE(x_slgr, 4, rr64, XO_SUBL)
XONE(x_ark, 4, rrk32, XO_ADD)  XONE(x_agrk, 4, rrk64, XO_ADD)
XONE(x_srk, 4, rrk32, XO_SUB)  XONE(x_sgrk, 4, rrk64, XO_SUB)
XONE(x_ahi, 4, ri32, XO_ADD)   XONE(x_aghi, 4, ri64, XO_ADD)
XONE(x_afi, 6, ri32, XO_ADD)   XONE(x_agfi, 6, ri64, XO_ADD)
XONE(x_chi, 4, ri32, XO_CMP)   XONE(x_cghi, 4, ri64, XO_CMP)
XONE(x_cfi, 6, ri32, XO_CMP)   XONE(x_cgfi, 6, ri64, XO_CMP)
XONE(x_lhi, 4, ri32, XO_LOAD)  XONE(x_lghi, 4, ri64, XO_LOAD)
XONE(x_lgfi, 6, ri64, XO_LOAD)
XONE(x_clfi, 6, ri32, XO_CMPL) XONE(x_clgfi, 6, riu64, XO_CMPL)
XONE(x_llilf, 6, riu64, XO_LOAD)
XPAIR(x_a, x_ay, rm32, XO_ADD)
XPAIR(x_s, x_sy, rm32, XO_SUB)
XPAIR(x_c, x_cy, rm32, XO_CMP)
XPAIR(x_cl, x_cly, rm32, XO_CMPL)
XONE(x_ag, 6, rm64, XO_ADD)
XONE(x_sg, 6, rm64, XO_SUB)
XONE(x_cg, 6, rm64, XO_CMP)
XONE(x_clg, 6, rm64, XO_CMPL)

/* Extensions from 32 bits: LGFR, LLGFR, AGFR. */
static struct xslot *x_lgfr(struct cpu *c, struct xslot *s)
{
    c->gr[s->u.o.r1] = (uint64_t)(int64_t)(int32_t)gr_get32(c, s->u.o.r2);
    return s + 2;
}
static struct xslot *x_llgfr(struct cpu *c, struct xslot *s)
{
    c->gr[s->u.o.r1] = gr_get32(c, s->u.o.r2);
    return s + 2;
}
static struct xslot *x_agfr(struct cpu *c, struct xslot *s)
{
    const struct xops *o = &s->u.o;
    return alu64(c, s, 4, o->r1, c->gr[o->r1], (uint64_t)(int64_t)(int32_t)gr_get32(c, o->r2), XO_ADD);
}

/* MS: 32-bit product, no CC, no overflow indication. */
static struct xslot *x_ms(struct cpu *c, struct xslot *s)
{
    const struct xops *o = &s->u.o;
    uint32_t v;
    int pgm = mem_read32_va(c, x_ea(c, o), &v);
    if (unlikely(pgm))
        return xop_end(c, s, 4, pgm);
    gr_set32(c, o->r1, gr_get32(c, o->r1) * v);
    return s + 2;
}

/* LGDR / LDGR: FPR <-> GR moves gcc uses for spilling. */
static struct xslot *x_lgdr(struct cpu *c, struct xslot *s)
{
    c->gr[s->u.o.r1] = c->fpr[s->u.o.r2];
    return s + 2;
}
static struct xslot *x_ldgr(struct cpu *c, struct xslot *s)
{
    c->fpr[s->u.o.r1] = c->gr[s->u.o.r2];
    return s + 2;
}

/* LOCR / LOCGR: M3 in o->b2. */
static struct xslot *x_locr(struct cpu *c, struct xslot *s)
{
    const struct xops *o = &s->u.o;
    if (mask_cc(o->b2, c->cc))
        gr_set32(c, o->r1, gr_get32(c, o->r2));
    return s + 2;
}
static struct xslot *x_locgr(struct cpu *c, struct xslot *s)
{
    const struct xops *o = &s->u.o;
    if (mask_cc(o->b2, c->cc))
        c->gr[o->r1] = c->gr[o->r2];
    return s + 2;
}

/* ---- shifts: the amount is the low 6 bits of D2(B2) ---- */

static struct xslot *x_sll(struct cpu *c, struct xslot *s)
{
    unsigned n = x_ea(c, &s->u.o) & 63;
    gr_set32(c, s->u.o.r1, n > 31 ? 0 : gr_get32(c, s->u.o.r1) << n);
    return s + 2;
}
static struct xslot *x_srl(struct cpu *c, struct xslot *s)
{
    unsigned n = x_ea(c, &s->u.o) & 63;
    gr_set32(c, s->u.o.r1, n > 31 ? 0 : gr_get32(c, s->u.o.r1) >> n);
    return s + 2;
}
/* RSY: R1 = R3 shifted (R3 in o->r2). */
static struct xslot *x_sllg(struct cpu *c, struct xslot *s)
{
    c->gr[s->u.o.r1] = c->gr[s->u.o.r2] << (x_ea(c, &s->u.o) & 63);
    return s + 3;
}
static struct xslot *x_srlg(struct cpu *c, struct xslot *s)
{
    c->gr[s->u.o.r1] = c->gr[s->u.o.r2] >> (x_ea(c, &s->u.o) & 63);
    return s + 3;
}
static struct xslot *x_srag(struct cpu *c, struct xslot *s)
{
    int64_t r = (int64_t)c->gr[s->u.o.r2] >> (x_ea(c, &s->u.o) & 63);
    c->gr[s->u.o.r1] = (uint64_t)r;
    c->cc = cc_s64(r);
    return s + 3;
}

/* ---- branches ---- */

/* Inline cores for xop_run's blocks (gcc does not inline the handlers there on its own). */
#define XINLINE static inline __attribute__((always_inline))
XINLINE struct xslot *brc_core(struct cpu *c, struct xslot *s, unsigned ilen)
{
    return mask_cc(s->u.o.r1, c->cc) ? x_rel(c, s, &s->u.o) : s + ilen / 2;
}
XINLINE struct xslot *brct_core(struct cpu *c, struct xslot *s)
{
    uint32_t v = gr_get32(c, s->u.o.r1) - 1;
    gr_set32(c, s->u.o.r1, v);
    return v ? x_rel(c, s, &s->u.o) : s + 2;
}
XINLINE struct xslot *brctg_core(struct cpu *c, struct xslot *s)
{
    return --c->gr[s->u.o.r1] ? x_rel(c, s, &s->u.o) : s + 2;
}
static struct xslot *x_brc(struct cpu *c, struct xslot *s) { return brc_core(c, s, 4); }
static struct xslot *x_brcl(struct cpu *c, struct xslot *s) { return brc_core(c, s, 6); }
static struct xslot *x_brct(struct cpu *c, struct xslot *s) { return brct_core(c, s); }
static struct xslot *x_brctg(struct cpu *c, struct xslot *s) { return brctg_core(c, s); }

/* BCR M1,R2: R2 = 0 does not branch; BCR 14/15,0 serialize. */
static struct xslot *x_bcr(struct cpu *c, struct xslot *s)
{
    const struct xops *o = &s->u.o;
    if (o->r2 && mask_cc(o->r1, c->cc))
        return xslot_goto(c, c->gr[o->r2] & c->amask);
    if (!o->r2 && o->r1 >= 14)
        __atomic_thread_fence(__ATOMIC_SEQ_CST);
    return s + 1;
}

/* The BAS-style link: the next instruction's address (with the mode bit in 31-bit). */
static inline void link_bas(struct cpu *c, unsigned r1, uint64_t next)
{
    if (c->amask == ~0ULL)
        c->gr[r1] = next;
    else
        gr_set32(c, r1, (uint32_t)next | (c->amask == 0x7fffffffULL ? 0x80000000u : 0));
}

static struct xslot *x_basr(struct cpu *c, struct xslot *s)
{
    const struct xops *o = &s->u.o;
    uint64_t target = c->gr[o->r2] & c->amask;
    link_bas(c, o->r1, (xslot_ia(c, s) + 2) & c->amask);
    return o->r2 ? xslot_goto(c, target) : s + 1;
}

static inline struct xslot *xbras(struct cpu *c, struct xslot *s, unsigned ilen, int unused)
{
    (void)unused;
    link_bas(c, s->u.o.r1, (xslot_ia(c, s) + ilen) & c->amask);
    return x_rel(c, s, &s->u.o);
}
XONE(x_bras, 4, xbras, 0)
XONE(x_brasl, 6, xbras, 0)

/* Compare and branch relative (RIE-b/c): M3 in o->b2 (CRJ) or o->r2 (CIJ), I2 in o->b2. */
static inline struct xslot *xcj(struct cpu *c, struct xslot *s, unsigned m)
{
    return m ? x_rel(c, s, &s->u.o) : s + 3;
}
static inline unsigned rel_bit(unsigned cmp) { return 8 >> cmp; }   /* M3: 8 eq, 4 low, 2 high */

static struct xslot *x_crj(struct cpu *c, struct xslot *s)
{
    const struct xops *o = &s->u.o;
    unsigned cmp = cc_cmp_s64((int32_t)gr_get32(c, o->r1), (int32_t)gr_get32(c, o->r2));
    return xcj(c, s, o->b2 & rel_bit(cmp));
}
static struct xslot *x_cgrj(struct cpu *c, struct xslot *s)
{
    const struct xops *o = &s->u.o;
    unsigned cmp = cc_cmp_s64((int64_t)c->gr[o->r1], (int64_t)c->gr[o->r2]);
    return xcj(c, s, o->b2 & rel_bit(cmp));
}
static struct xslot *x_clrj(struct cpu *c, struct xslot *s)
{
    const struct xops *o = &s->u.o;
    unsigned cmp = cc_cmp_u64(gr_get32(c, o->r1), gr_get32(c, o->r2));
    return xcj(c, s, o->b2 & rel_bit(cmp));
}
static struct xslot *x_clgrj(struct cpu *c, struct xslot *s)
{
    const struct xops *o = &s->u.o;
    unsigned cmp = cc_cmp_u64(c->gr[o->r1], c->gr[o->r2]);
    return xcj(c, s, o->b2 & rel_bit(cmp));
}
static struct xslot *x_cij(struct cpu *c, struct xslot *s)
{
    const struct xops *o = &s->u.o;
    unsigned cmp = cc_cmp_s64((int32_t)gr_get32(c, o->r1), (int8_t)o->b2);
    return xcj(c, s, o->r2 & rel_bit(cmp));
}
static struct xslot *x_cgij(struct cpu *c, struct xslot *s)
{
    const struct xops *o = &s->u.o;
    unsigned cmp = cc_cmp_s64((int64_t)c->gr[o->r1], (int8_t)o->b2);
    return xcj(c, s, o->r2 & rel_bit(cmp));
}
static struct xslot *x_clij(struct cpu *c, struct xslot *s)
{
    const struct xops *o = &s->u.o;
    unsigned cmp = cc_cmp_u64(gr_get32(c, o->r1), o->b2);
    return xcj(c, s, o->r2 & rel_bit(cmp));
}
static struct xslot *x_clgij(struct cpu *c, struct xslot *s)
{
    const struct xops *o = &s->u.o;
    unsigned cmp = cc_cmp_u64(c->gr[o->r1], o->b2);
    return xcj(c, s, o->r2 & rel_bit(cmp));
}

/* ---- storage to storage ---- */

/* MVC with both operands inside one page each and in the TLB: one host copy with the
 * PoP's byte-at-a-time overlap rule (copy_fwd); anything else through op_mvc.
 * bench/src/loop_mvc: 166 -> 58 host instructions per emulated instruction (callgrind). */
/* Both operands' host addresses, or false (then op_mvc does it all). */
XINLINE bool mvc_ha(struct cpu *c, const struct xops *o, uint8_t **d, const uint8_t **src)
{
    unsigned len = o->r1 + 1u;
    uint64_t d_va = c->gr[o->x2] + ((uint32_t)o->i & 0xfff);     /* unwrapped: x_ea_tlb */
    uint64_t s_va = c->gr[o->b2] + ((uint32_t)o->i >> 12);
    *d = tlb_write_ha(c, d_va, len);
    *src = tlb_read_ha(c, s_va, len);
    return *d && *src;
}

static struct xslot *x_mvc(struct cpu *c, struct xslot *s)
{
    uint8_t *d;
    const uint8_t *src;
    if (unlikely(!mvc_ha(c, &s->u.o, &d, &src)))
        return xop_call(c, s, op_mvc, 6);
    copy_fwd(d, src, s->u.o.r1 + 1u);
    return s + 3;
}

/* ---- the table ---- */

#define F(row, fn, kind) [INSN_##row] = { fn, XK_##kind, XH_CALL }
#define H(row, fn, kind) [INSN_##row] = { fn, XK_##kind, XH_##row }   /* a block of xop_run */
const struct xfast xop_fast[INSN_COUNT] = {
    H(L, x_l, RX), F(LY, x_ly, RXY), H(LG, x_lg, RXY), F(LGF, x_lgf, RXY), F(LLGF, x_llgf, RXY),
    F(LH, x_lh, RX), F(LHY, x_lhy, RXY), F(LGH, x_lgh, RXY), F(LLH, x_llh, RXY),
    F(LLGH, x_llgh, RXY), F(LB, x_lb, RXY), F(LGB, x_lgb, RXY), F(LLC, x_llc, RXY),
    F(LLGC, x_llgc, RXY),
    H(ST, x_st, RX), F(STY, x_sty, RXY), H(STG, x_stg, RXY), F(STH, x_sth, RX),
    F(STHY, x_sthy, RXY), F(STC, x_stc, RX), F(STCY, x_stcy, RXY),
    F(MVI, x_mvi, SI), F(CLI, x_cli, SI),
    H(LA, x_la, RX), F(LAY, x_lay, RXY), F(LARL, x_larl, RIL),
    H(AR, x_ar, RR), H(AGR, x_agr, RRE), F(SR, x_sr, RR), F(SGR, x_sgr, RRE),
    F(NR, x_nr, RR), F(NGR, x_ngr, RRE), F(OR, x_or, RR), F(OGR, x_ogr, RRE),
    F(XR, x_xr, RR), F(XGR, x_xgr, RRE), H(LR, x_lr, RR), H(LGR, x_lgr, RRE),
    F(LTR, x_ltr, RR), F(LTGR, x_ltgr, RRE), H(CR, x_cr, RR), H(CGR, x_cgr, RRE),
    F(CLR, x_clr, RR), F(CLGR, x_clgr, RRE), F(ALR, x_alr, RR), F(ALGR, x_algr, RRE),
    F(SLR, x_slr, RR), F(SLGR, x_slgr, RRE),
    F(ARK, x_ark, RRF), F(AGRK, x_agrk, RRF), F(SRK, x_srk, RRF), F(SGRK, x_sgrk, RRF),
    H(AHI, x_ahi, RI), H(AGHI, x_aghi, RI), F(AFI, x_afi, RIL), F(AGFI, x_agfi, RIL),
    H(CHI, x_chi, RI), F(CGHI, x_cghi, RI), F(CFI, x_cfi, RIL), F(CGFI, x_cgfi, RIL),
    H(LHI, x_lhi, RI), H(LGHI, x_lghi, RI), F(LGFI, x_lgfi, RIL), F(CLFI, x_clfi, RIL),
    F(CLGFI, x_clgfi, RIL), F(LLILF, x_llilf, RIL),
    H(A, x_a, RX), F(AY, x_ay, RXY), F(S, x_s, RX), F(SY, x_sy, RXY), F(C, x_c, RX),
    F(CY, x_cy, RXY), F(CL, x_cl, RX), F(CLY, x_cly, RXY), F(AG, x_ag, RXY), F(SG, x_sg, RXY),
    F(CG, x_cg, RXY), F(CLG, x_clg, RXY),
    F(LGFR, x_lgfr, RRE), F(LLGFR, x_llgfr, RRE), F(AGFR, x_agfr, RRE), F(MS, x_ms, RX),
    F(LGDR, x_lgdr, RRE), F(LDGR, x_ldgr, RRE), F(LOCR, x_locr, RRF), F(LOCGR, x_locgr, RRF),
    F(SLL, x_sll, RS), F(SRL, x_srl, RS), F(SLLG, x_sllg, RSY), F(SRLG, x_srlg, RSY),
    F(SRAG, x_srag, RSY),
    H(BRC, x_brc, RI_REL), H(BRCL, x_brcl, RIL_REL), H(BRCT, x_brct, RI_REL),
    H(BRCTG, x_brctg, RI_REL), F(BCR, x_bcr, RR), F(BASR, x_basr, RR),
    F(BRAS, x_bras, RI_REL), F(BRASL, x_brasl, RIL_REL),
    F(CRJ, x_crj, RIE_RR), F(CGRJ, x_cgrj, RIE_RR), F(CLRJ, x_clrj, RIE_RR),
    F(CLGRJ, x_clgrj, RIE_RR), F(CIJ, x_cij, RIE_RI), F(CGIJ, x_cgij, RIE_RI),
    F(CLIJ, x_clij, RIE_RI), F(CLGIJ, x_clgij, RIE_RI),
    H(MVC, x_mvc, SS),
};

/* ---- the dispatch loop ---- */

const void *const *xop_blocks;

/* The fast loop: one block per hot row (enum xhot), each ending in "count the
 * instruction, jump to the next slot's block", so that c, s and left stay in host
 * registers and there is no call or return per instruction; every other slot goes
 * through the block that calls s->fn. Blocks take the handlers' inline cores above, or
 * the same semantics written out where the CC is deferred (below); their slow and
 * exceptional paths are the cores or the slots' handlers. The differential tests run
 * through them.
 * Measured (callgrind, host instructions per emulated instruction, bench/src/loop_ahi):
 * 19.2 with the unrolled call loop, 15.4 with these blocks, 12.4 with the deferred CC
 * and the unconditional branch target, 10.9 with a dispatch on each way of a branch;
 * bench/src/loop_las 29.2 -> 21.0, loop_mvc 53.7 -> 41.9; docs/architecture.md "Speed".
 *
 * The deferred CC: the arithmetic blocks leave their CC as a signed value in a local
 * (ccv) instead of computing it: CC = 0, 1, 2 for ccv zero, negative, positive (a 32-bit
 * compare is the difference of its operands, 64-bit wide). It is written to c->cc
 * before any other code runs (the calling block, the blocks' slow paths) and on every
 * exit, so c->cc is exact wherever anything else can look at it; the blocks' TLB-miss
 * paths (mem.c, DAT) neither read nor write it. The AHI block went from 15 to 13 host
 * instructions (objdump). ccv = CC_IN_C says that c->cc holds the CC: a value no 32-bit
 * result or compare gives, and cc_val64 keeps 64-bit results off it. Instead of a
 * separate "ccv valid" flag, that is one host instruction fewer per 32-bit arithmetic
 * block and one more per 64-bit one (callgrind: loop_ahi 10.4 -> 9.4, loop_las 17.7 ->
 * 17.2). */
#define CC_IN_C INT64_MIN

/* A value with the CC of the 64-bit result r that is never CC_IN_C. */
static inline int64_t cc_val64(int64_t r)
{
    return r | (int64_t)((uint64_t)r >> 63);
}

struct xslot *xop_run(struct cpu *c, struct xslot *s, uint64_t *left_io)
{
    static const void *const blocks[XH_COUNT] = {
        [XH_CALL] = &&call, [XH_AHI] = &&ahi, [XH_AGHI] = &&aghi, [XH_BRCT] = &&brct,
        [XH_BRCTG] = &&brctg, [XH_BRC] = &&brc, [XH_BRCL] = &&brcl, [XH_L] = &&l,
        [XH_ST] = &&st, [XH_A] = &&a, [XH_LR] = &&lr, [XH_LGR] = &&lgr, [XH_LA] = &&la,
        [XH_LHI] = &&lhi, [XH_LGHI] = &&lghi, [XH_CHI] = &&chi, [XH_CR] = &&cr,
        [XH_CGR] = &&cgr, [XH_AR] = &&ar, [XH_AGR] = &&agr, [XH_LG] = &&lg, [XH_STG] = &&stg,
        [XH_L_B] = &&l_b, [XH_ST_B] = &&st_b, [XH_A_B] = &&a_b, [XH_LG_B] = &&lg_b,
        [XH_STG_B] = &&stg_b, [XH_MVC] = &&mvc,
    };
    if (unlikely(!c)) {
        xop_blocks = blocks;
        return NULL;
    }
    uint64_t left = *left_io;
    int64_t ccv = CC_IN_C;              /* the deferred CC, or CC_IN_C: in c->cc */
    uint64_t va;                        /* A's operand address */

#define CC_FLUSH() do {                             \
        if (ccv != CC_IN_C)                         \
            c->cc = cc_s64(ccv), ccv = CC_IN_C;     \
    } while (0)
#define CC_DEFER(v) (ccv = (v))
/* After a block: count it and go on at slot s, which is never NULL here. */
#define NEXT_SLOT() do {                            \
        if (unlikely(!--left))                      \
            goto done;                              \
        goto *s->go;                                \
    } while (0)
/* NEXT_SLOT at the slot n halfwords on. The empty asm statements keep gcc from sharing
 * s + n between the two ways: it then computed it into the register the exit path
 * wants and copied it back (lea, mov, mov, jmp instead of add, jmp), 1-2 host
 * instructions per block (callgrind: loop_ahi 10.4 -> 9.4, loop_las 17.7 -> 17.2,
 * loop_mvc 38.9 -> 37.9). */
#define STEP(n) do {                                \
        if (unlikely(!--left)) {                    \
            __asm__("" : "+r"(s));                  \
            s += (n);                               \
            goto done;                              \
        }                                           \
        s += (n);                                   \
        __asm__("" : "+r"(s));                      \
        goto *s->go;                                \
    } while (0)
/* After a call: s is the next slot, or NULL to end the loop (c->xrc set). */
#define NEXT() do {                                 \
        if (unlikely(!s))                           \
            goto ended;                             \
        NEXT_SLOT();                                \
    } while (0)
/* A block's slow path: the slot's handler (xop_fill sets fn to the row's fast
 * handler, the block's semantics in full) through the calling block, which makes the CC
 * exact first. Not inlined into the block, it leaves the block's registers alone. */
#define SLOW() goto call

    if (unlikely(!left))
        goto done;
    goto *s->go;

call:                                   /* generic, step, decode, page end, other fast rows */
    CC_FLUSH();
    s = s->fn(c, s);
    NEXT();

    /* Arithmetic with the deferred CC; overflow (CC 3, maybe an exception) by the handler. */
ahi: {
    int32_t r;
    if (unlikely(__builtin_add_overflow((int32_t)c->gr[s->u.o.r1], s->u.o.i, &r)))
        SLOW();
    gr_set32(c, s->u.o.r1, (uint32_t)r);
    CC_DEFER(r);
    STEP(2);
}
aghi: {
    int64_t r;
    if (unlikely(__builtin_add_overflow((int64_t)c->gr[s->u.o.r1], (int64_t)s->u.o.i, &r)))
        SLOW();
    c->gr[s->u.o.r1] = (uint64_t)r;
    CC_DEFER(cc_val64(r));
    STEP(2);
}
ar: {
    int32_t r;
    if (unlikely(__builtin_add_overflow((int32_t)c->gr[s->u.o.r1], (int32_t)gr_get32(c, s->u.o.r2), &r)))
        SLOW();
    gr_set32(c, s->u.o.r1, (uint32_t)r);
    CC_DEFER(r);
    STEP(1);
}
agr: {
    int64_t r;
    if (unlikely(__builtin_add_overflow((int64_t)c->gr[s->u.o.r1], (int64_t)c->gr[s->u.o.r2], &r)))
        SLOW();
    c->gr[s->u.o.r1] = (uint64_t)r;
    CC_DEFER(cc_val64(r));
    STEP(2);
}
a:
    va = x_ea_tlb(c, &s->u.o);
    goto a_va;
a_b:
    va = x_ea_b(c, s);
a_va: {                                 /* TLB miss or overflow: the handler */
    const uint8_t *p = tlb_read_ha(c, va, 4);
    uintptr_t r1 = s->u.o.r1;           /* not unsigned: gcc zero-extended it twice and
                                         * kept a copy for the slow path; with SLOW, 1
                                         * host instruction (loop_las 17.5 -> 17.2) */
    int32_t r;
    if (unlikely(!p) || unlikely(__builtin_add_overflow((int32_t)c->gr[r1], (int32_t)ld_be32(p), &r)))
        SLOW();
    gr_set32(c, r1, (uint32_t)r);
    CC_DEFER(r);
    STEP(2);
}
chi:                                    /* 32-bit compares: the 64-bit difference */
    CC_DEFER((int64_t)(int32_t)c->gr[s->u.o.r1] - s->u.o.i);
    STEP(2);
cr:
    CC_DEFER((int64_t)(int32_t)c->gr[s->u.o.r1] - (int32_t)c->gr[s->u.o.r2]);
    STEP(1);
cgr:                                    /* the difference may not fit: computed */
    c->cc = cc_cmp_s64((int64_t)c->gr[s->u.o.r1], (int64_t)c->gr[s->u.o.r2]);
    ccv = CC_IN_C;
    STEP(2);

    /* Branches: xop_fill gives these blocks only slots whose target is on this page. */
brc:
    if (mask_cc(s->u.o.r1, ccv != CC_IN_C ? cc_s64(ccv) : c->cc)) {
        s = s->t.target;
        NEXT_SLOT();
    }
    STEP(2);
brcl:
    if (mask_cc(s->u.o.r1, ccv != CC_IN_C ? cc_s64(ccv) : c->cc)) {
        s = s->t.target;
        NEXT_SLOT();
    }
    STEP(3);
brct:               /* a dispatch on each way, and the low half decremented in place:
                     * 12.4 -> 10.9 on AHI + BRCT (callgrind, with BRC's the same) */
    if (gr_dec32(c, s->u.o.r1)) {
        s = s->t.target;
        NEXT_SLOT();
    }
    STEP(2);
brctg:
    if (--c->gr[s->u.o.r1]) {
        s = s->t.target;
        NEXT_SLOT();
    }
    STEP(2);

    /* No CC: the cores (a TLB miss calls out; a NULL return ends the loop). */
l:
    s = xload(c, s, 4, 4, false, false);
    NEXT();
l_b:
    s = xload_at(c, s, x_ea_b(c, s), 4, 4, false, false);
    NEXT();
lg:
    s = xload(c, s, 6, 8, false, true);
    NEXT();
lg_b:
    s = xload_at(c, s, x_ea_b(c, s), 6, 8, false, true);
    NEXT();
st:
    s = xstore(c, s, 4, 4);
    NEXT();
st_b:
    s = xstore_at(c, s, x_ea_b(c, s), 4, 4);
    NEXT();
stg:
    s = xstore(c, s, 6, 8);
    NEXT();
stg_b:
    s = xstore_at(c, s, x_ea_b(c, s), 6, 8);
    NEXT();
mvc: {                                 /* no call and return: 48.4 -> 41.9 on MVC + BRCT */
    uint8_t *d;
    const uint8_t *src;
    if (unlikely(!mvc_ha(c, &s->u.o, &d, &src))) {
        CC_FLUSH();                     /* not SLOW: 0.5 host instructions fewer here */
        s = xop_call(c, s, op_mvc, 6);  /* (callgrind, loop_mvc 38.4 -> 37.9) */
        NEXT();
    }
    copy_fwd(d, src, s->u.o.r1 + 1u);
    STEP(3);
}
lr:
    s = rr32(c, s, 2, XO_LOAD);
    NEXT_SLOT();
lgr:
    s = rr64(c, s, 4, XO_LOAD);
    NEXT_SLOT();
la:
    s = xla(c, s, 4, 0);
    NEXT_SLOT();
lhi:
    s = ri32(c, s, 4, XO_LOAD);
    NEXT_SLOT();
lghi:
    s = ri64(c, s, 4, XO_LOAD);
    NEXT_SLOT();
#undef SLOW
#undef NEXT
#undef NEXT_SLOT
#undef CC_DEFER

ended:
    CC_FLUSH();
    *left_io = left;
    return NULL;
done:
    CC_FLUSH();
    *left_io = left;
    return s;
#undef CC_FLUSH
}
