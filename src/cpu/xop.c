/* Slot handlers of the decoded-instruction cache (icache.h): the generic ones that run
 * any table row, and fast handlers for the instructions compiled code and the benches
 * execute most. A fast handler has the row's exact semantics (alu.h helpers, the mem.h
 * accesses) but reads pre-extracted operands and returns the next slot itself, so the
 * instruction address is only computed when an exception needs it.
 * Measured (callgrind, bench/src/loop_ahi, AHI+BRCT): 56 host instructions per emulated
 * instruction with the halfword-dispatch loop, 13 with these slots. */
#include "icache.h"
#include "alu.h"

/* Base or index register 0 means "none": decoded as gr[16], which is always zero, so
 * that address generation has no branches. */
#define XREG(r) ((r) ? (r) : 16)

static inline uint64_t x_ea(const struct cpu *c, const struct xops *o)
{
    return (c->gr[o->x2] + c->gr[o->b2] + (uint64_t)(int64_t)o->i) & c->amask;
}

/* The low 32 bits of a GR as one 4-byte store (the high half is untouched). */
static inline void gr_set32(struct cpu *c, unsigned r, uint32_t v)
{
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    memcpy(&c->gr[r], &v, 4);
#else
    set_low32(c, r, v);
#endif
}

/* An exception or exit of the instruction in slot s: the loop's state as run.c's step
 * would leave it (c->ia the instruction, psw.addr the next one). */
static __attribute__((noinline, cold)) struct xslot *x_end(struct cpu *c, struct xslot *s,
                                                          unsigned ilen, int rc)
{
    uint64_t ia = xslot_ia(c, s);
    c->ia = ia;
    c->psw.addr = (ia + ilen) & c->amask;
    c->xrc = rc;
    c->x_ilen = ilen;
    return NULL;
}

/* ---- generic slots ---- */

/* Rows without a fast handler: the table's handler with the usual c->ia / psw.addr. */
static struct xslot *x_row(struct cpu *c, struct xslot *s)
{
    const struct dispatch *d = s->u.d;
    uint64_t ia = xslot_ia(c, s);
    unsigned ilen = d->ilen;
    uint64_t next = (ia + ilen) & c->amask;
    c->ia = ia;
    c->psw.addr = next;
    int rc = d->fn(c, s->iw);
    if (unlikely(rc)) {
        c->xrc = rc;
        c->x_ilen = ilen;
        return NULL;
    }
    if (likely(c->psw.addr == next))
        return s + ilen / 2;
    return xslot_goto(c, c->psw.addr);
}

/* Rows run.c must execute itself (privileged, clock-reading, page-crossing). */
static struct xslot *x_step(struct cpu *c, struct xslot *s)
{
    c->psw.addr = xslot_ia(c, s);
    c->xrc = XRC_STEP;
    return NULL;
}

struct xslot *xop_page_end(struct cpu *c, struct xslot *s)
{
    (void)s;
    c->psw.addr = (c->x_va + 4096) & c->amask;
    c->xrc = XRC_PAGE_END;
    return NULL;
}

/* ---- fast handlers: branches ---- */

/* Relative branch target: the slot o->i halfwords away when the decoder found it on
 * this page (o->x2 = 1), else through the address. */
static inline struct xslot *x_rel(struct cpu *c, struct xslot *s, const struct xops *o)
{
    if (likely(o->x2))
        return s + o->i;
    return xslot_goto(c, (xslot_ia(c, s) + 2 * (uint64_t)(int64_t)o->i) & c->amask);
}

static struct xslot *x_brc(struct cpu *c, struct xslot *s)        /* A74 BRC */
{
    const struct xops *o = &s->u.o;
    return (o->r1 >> (3 - c->cc)) & 1 ? x_rel(c, s, o) : s + 2;
}

static struct xslot *x_brcl(struct cpu *c, struct xslot *s)       /* C04 BRCL */
{
    const struct xops *o = &s->u.o;
    return (o->r1 >> (3 - c->cc)) & 1 ? x_rel(c, s, o) : s + 3;
}

static struct xslot *x_brct(struct cpu *c, struct xslot *s)       /* A76 BRCT */
{
    const struct xops *o = &s->u.o;
    uint32_t v = (uint32_t)c->gr[o->r1] - 1;
    gr_set32(c, o->r1, v);
    return v ? x_rel(c, s, o) : s + 2;
}

static struct xslot *x_brctg(struct cpu *c, struct xslot *s)      /* A77 BRCTG */
{
    const struct xops *o = &s->u.o;
    return --c->gr[o->r1] ? x_rel(c, s, o) : s + 2;
}

/* BCR M1,R2: R2 = 0 does not branch; BCR 14/15,0 serialize. */
static struct xslot *x_bcr(struct cpu *c, struct xslot *s)        /* 07 BCR */
{
    const struct xops *o = &s->u.o;
    if (o->r2 && ((o->r1 >> (3 - c->cc)) & 1))
        return xslot_goto(c, c->gr[o->r2] & c->amask);
    if (!o->r2 && o->r1 >= 14)
        __atomic_thread_fence(__ATOMIC_SEQ_CST);
    return s + 1;
}

/* ---- fast handlers: loads, stores, address arithmetic ---- */

static struct xslot *x_l(struct cpu *c, struct xslot *s)          /* 58 L, E358 LY */
{
    const struct xops *o = &s->u.o;
    uint32_t v;
    int pgm = mem_read32_va(c, x_ea(c, o), &v);
    if (unlikely(pgm))
        return x_end(c, s, s->iw >> 62 == 3 ? 6 : 4, pgm);
    gr_set32(c, o->r1, v);
    return s + (s->iw >> 62 == 3 ? 3 : 2);
}

static struct xslot *x_lg(struct cpu *c, struct xslot *s)         /* E304 LG */
{
    const struct xops *o = &s->u.o;
    uint64_t v;
    int pgm = mem_read64_va(c, x_ea(c, o), &v);
    if (unlikely(pgm))
        return x_end(c, s, 6, pgm);
    c->gr[o->r1] = v;
    return s + 3;
}

static struct xslot *x_st(struct cpu *c, struct xslot *s)         /* 50 ST, E350 STY */
{
    const struct xops *o = &s->u.o;
    int pgm = mem_write32_va(c, x_ea(c, o), (uint32_t)c->gr[o->r1]);
    if (unlikely(pgm))
        return x_end(c, s, s->iw >> 62 == 3 ? 6 : 4, pgm);
    return s + (s->iw >> 62 == 3 ? 3 : 2);
}

static struct xslot *x_stg(struct cpu *c, struct xslot *s)        /* E324 STG */
{
    const struct xops *o = &s->u.o;
    int pgm = mem_write64_va(c, x_ea(c, o), c->gr[o->r1]);
    if (unlikely(pgm))
        return x_end(c, s, 6, pgm);
    return s + 3;
}

static struct xslot *x_a(struct cpu *c, struct xslot *s)          /* 5A A, E35A AY */
{
    const struct xops *o = &s->u.o;
    unsigned ilen = s->iw >> 62 == 3 ? 6 : 4;
    uint32_t v;
    int pgm = mem_read32_va(c, x_ea(c, o), &v);
    if (unlikely(pgm))
        return x_end(c, s, ilen, pgm);
    gr_set32(c, o->r1, add32_cc(c, (uint32_t)c->gr[o->r1], v));
    if (unlikely(c->cc == 3 && (psw_pm(c) & PM_FIXOVF)))
        return x_end(c, s, ilen, PGM_FIXPOINT_OVERFLOW);
    return s + ilen / 2;
}

static struct xslot *x_la(struct cpu *c, struct xslot *s)         /* 41 LA, E371 LAY */
{
    const struct xops *o = &s->u.o;
    uint64_t a = x_ea(c, o);
    if (c->amask == ~0ULL)
        c->gr[o->r1] = a;
    else
        gr_set32(c, o->r1, (uint32_t)a);       /* bits 0-31 unchanged */
    return s + (s->iw >> 62 == 3 ? 3 : 2);
}

/* ---- fast handlers: register and immediate arithmetic ---- */

static struct xslot *x_ahi(struct cpu *c, struct xslot *s)        /* A7A AHI */
{
    const struct xops *o = &s->u.o;
    gr_set32(c, o->r1, add32_cc(c, (uint32_t)c->gr[o->r1], (uint32_t)o->i));
    if (unlikely(c->cc == 3 && (psw_pm(c) & PM_FIXOVF)))
        return x_end(c, s, 4, PGM_FIXPOINT_OVERFLOW);
    return s + 2;
}

static struct xslot *x_aghi(struct cpu *c, struct xslot *s)       /* A7B AGHI */
{
    const struct xops *o = &s->u.o;
    c->gr[o->r1] = add64_cc(c, c->gr[o->r1], (uint64_t)(int64_t)o->i);
    if (unlikely(c->cc == 3 && (psw_pm(c) & PM_FIXOVF)))
        return x_end(c, s, 4, PGM_FIXPOINT_OVERFLOW);
    return s + 2;
}

static struct xslot *x_lr(struct cpu *c, struct xslot *s)         /* 18 LR */
{
    gr_set32(c, s->u.o.r1, (uint32_t)c->gr[s->u.o.r2]);
    return s + 1;
}

static struct xslot *x_lgr(struct cpu *c, struct xslot *s)        /* B904 LGR */
{
    c->gr[s->u.o.r1] = c->gr[s->u.o.r2];
    return s + 2;
}

static struct xslot *x_lhi(struct cpu *c, struct xslot *s)        /* A78 LHI */
{
    gr_set32(c, s->u.o.r1, (uint32_t)s->u.o.i);
    return s + 2;
}

static struct xslot *x_lghi(struct cpu *c, struct xslot *s)       /* A79 LGHI */
{
    c->gr[s->u.o.r1] = (uint64_t)(int64_t)s->u.o.i;
    return s + 2;
}

/* ---- selection ---- */

/* How the decoder extracts a fast handler's operands. */
enum xkind { XK_NONE, XK_RR, XK_RRE, XK_RX, XK_RXY, XK_RI, XK_RI_REL, XK_RIL_REL };

static const struct { xfn fn; uint8_t kind; } fast[INSN_COUNT] = {
    [INSN_BRC]   = { x_brc,   XK_RI_REL },  [INSN_BRCL]  = { x_brcl,  XK_RIL_REL },
    [INSN_BRCT]  = { x_brct,  XK_RI_REL },  [INSN_BRCTG] = { x_brctg, XK_RI_REL },
    [INSN_BCR]   = { x_bcr,   XK_RR },
    [INSN_L]     = { x_l,     XK_RX },      [INSN_LY]    = { x_l,     XK_RXY },
    [INSN_LG]    = { x_lg,    XK_RXY },
    [INSN_ST]    = { x_st,    XK_RX },      [INSN_STY]   = { x_st,    XK_RXY },
    [INSN_STG]   = { x_stg,   XK_RXY },
    [INSN_A]     = { x_a,     XK_RX },
    [INSN_LA]    = { x_la,    XK_RX },      [INSN_LAY]   = { x_la,    XK_RXY },
    [INSN_AHI]   = { x_ahi,   XK_RI },      [INSN_AGHI]  = { x_aghi,  XK_RI },
    [INSN_LR]    = { x_lr,    XK_RR },      [INSN_LGR]   = { x_lgr,   XK_RRE },
    [INSN_LHI]   = { x_lhi,   XK_RI },      [INSN_LGHI]  = { x_lghi,  XK_RI },
};

/* Operands of a fast row. */
static void extract(enum xkind k, uint64_t iw, unsigned off, struct xops *o)
{
    *o = (struct xops){ iw_r1(iw), iw_r2(iw), 16, 16, 0 };
    switch (k) {
    case XK_RRE:
        o->r1 = iw_rre_r1(iw), o->r2 = iw_rre_r2(iw);
        break;
    case XK_RX:
        o->x2 = XREG(iw_r2(iw)), o->b2 = XREG(iw_b2(iw)), o->i = (int32_t)iw_d2(iw);
        break;
    case XK_RXY:
        o->x2 = XREG(iw_r2(iw)), o->b2 = XREG(iw_b2(iw)), o->i = (int32_t)iw_dl_dh(iw);
        break;
    case XK_RI:
        o->i = (int32_t)sext16(iw_i16(iw));
        break;
    case XK_RI_REL: case XK_RIL_REL: {
        o->i = k == XK_RI_REL ? (int32_t)sext16(iw_i16(iw)) : (int32_t)iw_i32(iw);
        int64_t target = (int64_t)off + 2 * (int64_t)o->i;
        o->x2 = target >= 0 && target < 4096;          /* on this page: a slot offset */
        break;
    }
    default:
        break;
    }
}

/* Fill slot s for the instruction iw at page offset off. */
void xop_fill(struct xslot *s, const struct dispatch *d, uint64_t iw, unsigned off)
{
    if (d->flags & (I_PRIV | I_SYNC)) {
        s->fn = x_step;
    } else if (d->id != UINT16_MAX && fast[d->id].fn) {
        s->fn = fast[d->id].fn;
        extract((enum xkind)fast[d->id].kind, iw, off, &s->u.o);
    } else {
        s->fn = x_row;
        s->u.d = d;
    }
}

void xop_fill_step(struct xslot *s)
{
    s->fn = x_step;
}
