/* Decoded-slot handlers (icache.h) that run any table row, the decoder's operand
 * extraction for the fast handlers of xop_fast.c, and the choice between them. */
#include "icache.h"

/* Base or index register 0 means "none": decoded as gr[16], which is always zero, so
 * that address generation has no branches. */
#define XREG(r) ((r) ? (r) : 16)

/* An exception or exit of the instruction in slot s: the loop's state as run.c's step
 * would leave it (c->ia the instruction, psw.addr the next one). */
__attribute__((noinline, cold)) struct xslot *xop_end(struct cpu *c, struct xslot *s,
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

/* Run the table's handler fn for the instruction of slot s, with the usual c->ia and
 * psw.addr; continue after it, at its branch target, or end the loop with its code. */
struct xslot *xop_call(struct cpu *c, struct xslot *s, insn_fn fn, unsigned ilen)
{
    uint64_t ia = xslot_ia(c, s);
    uint64_t next = (ia + ilen) & c->amask;
    c->ia = ia;
    c->psw.addr = next;
    int rc = fn(c, s->t.iw);
    if (unlikely(rc)) {
        c->xrc = rc;
        c->x_ilen = ilen;
        return NULL;
    }
    if (unlikely(c->fetch_va == ~0ULL)) {       /* TLB flushed (SPKA, SAC...): fetch anew */
        c->xrc = XRC_REENTER;
        return NULL;
    }
    if (likely(c->psw.addr == next))
        return s + ilen / 2;
    return xslot_goto(c, c->psw.addr);
}

/* Rows without a fast handler. */
static struct xslot *x_row(struct cpu *c, struct xslot *s)
{
    return xop_call(c, s, s->u.d->fn, s->u.d->ilen);
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

/* ---- selection ---- */

static bool is_relative(enum xkind k)
{
    return k == XK_RI_REL || k == XK_RIL_REL || k == XK_RIE_RR || k == XK_RIE_RI;
}

/* Relative target: o->i halfwords; o->x2 says whether it is on this page. */
static void rel_operand(struct xops *o, int32_t halfwords, unsigned off)
{
    int64_t target = (int64_t)off + 2 * (int64_t)halfwords;
    o->i = halfwords;
    o->x2 = target >= 0 && target < 4096;
}

/* Operands of a fast row, by how its format lays them out. */
static void extract(enum xkind k, uint64_t iw, unsigned off, struct xops *o)
{
    *o = (struct xops){ iw_r1(iw), iw_r2(iw), 16, 16, 0 };
    switch (k) {
    case XK_RR:
        break;
    case XK_RRE:
        o->r1 = iw_rre_r1(iw), o->r2 = iw_rre_r2(iw);
        break;
    case XK_RRF:                                 /* R3 or M3 in b2 */
        o->r1 = iw_rre_r1(iw), o->r2 = iw_rre_r2(iw), o->b2 = iw_rrf_r3(iw);
        break;
    case XK_RX:
        o->x2 = XREG(iw_r2(iw)), o->b2 = XREG(iw_b2(iw)), o->i = (int32_t)iw_d2(iw);
        break;
    case XK_RXY:
        o->x2 = XREG(iw_r2(iw)), o->b2 = XREG(iw_b2(iw)), o->i = (int32_t)iw_dl_dh(iw);
        break;
    case XK_RS:
        o->b2 = XREG(iw_b2(iw)), o->i = (int32_t)iw_d2(iw);
        break;
    case XK_RSY:
        o->b2 = XREG(iw_b2(iw)), o->i = (int32_t)iw_dl_dh(iw);
        break;
    case XK_SI:                                  /* I2 in r1 */
        o->r1 = (uint8_t)iw_i8(iw), o->b2 = XREG(iw_b2(iw)), o->i = (int32_t)iw_d2(iw);
        break;
    case XK_RI:
        o->i = (int32_t)sext16(iw_i16(iw));
        break;
    case XK_RIL:
        o->i = (int32_t)iw_i32(iw);
        break;
    case XK_RI_REL:
        rel_operand(o, (int32_t)sext16(iw_i16(iw)), off);
        break;
    case XK_RIL_REL:
        rel_operand(o, (int32_t)iw_i32(iw), off);
        break;
    case XK_RIE_RR:                              /* M3 in b2 */
        rel_operand(o, (int32_t)sext16(iw_i16(iw)), off);
        o->b2 = (uint8_t)iw_m32(iw);
        break;
    case XK_SS:                                  /* L in r1, B1 in x2, D1 | D2 << 12 in i */
        o->r1 = (uint8_t)iw_i8(iw), o->x2 = XREG(iw_b2(iw)), o->b2 = XREG(iw_b4(iw));
        o->i = (int32_t)(iw_d2(iw) | iw_d4(iw) << 12);
        break;
    case XK_RIE_RI:                              /* M3 in r2, I2 in b2 */
        rel_operand(o, (int32_t)sext16(iw_i16(iw)), off);
        o->b2 = (uint8_t)IW_FIELD(iw, 32, 8);
        break;
    }
}

/* xop_run's block for a hot row: the form without an index register where it has one
 * (2 host instructions fewer per access, callgrind, loop_las). */
static enum xhot hot_block(enum xhot h, const struct xops *o)
{
    if (o->x2 != 16)
        return h;
    switch (h) {
    case XH_L: return XH_L_B;
    case XH_ST: return XH_ST_B;
    case XH_A: return XH_A_B;
    case XH_LG: return XH_LG_B;
    case XH_STG: return XH_STG_B;
    default: return h;
    }
}

/* Fill slot s for the instruction iw at page offset off. */
void xop_fill(struct xslot *s, const struct dispatch *d, uint64_t iw, unsigned off)
{
    if (d->flags & (I_PRIV | I_SYNC)) {
        xslot_set(s, x_step);
    } else if (d->id != UINT16_MAX && xop_fast[d->id].fn) {
        s->fn = xop_fast[d->id].fn;
        extract((enum xkind)xop_fast[d->id].kind, iw, off, &s->u.o);
        enum xhot h = hot_block(xop_fast[d->id].hot, &s->u.o);
        s->go = xop_blocks[h];
        if (h == XH_L_B || h == XH_ST_B || h == XH_A_B || h == XH_LG_B || h == XH_STG_B)
            s->t.disp = s->u.o.i;
        if (is_relative((enum xkind)xop_fast[d->id].kind)) { /* target slot, or NULL */
            s->t.target = s->u.o.x2 ? s + s->u.o.i : NULL;
            if (!s->t.target)           /* xop_run's branch blocks need one (no NULL
                                         * test per taken branch: 2 host instructions) */
                s->go = xop_blocks[XH_CALL];
        }
    } else {
        xslot_set(s, x_row);
        s->u.d = d;
    }
}

void xop_fill_step(struct xslot *s)
{
    xslot_set(s, x_step);
}
