/* The decoded-instruction cache: for each 4K page of storage that instructions are
 * fetched from, one slot per halfword holding the instruction's handler and operands,
 * decoded once. The fast loop runs slot to slot: a handler returns the next slot, or NULL
 * to hand control back to run.c (xrc says why).
 *
 * Pages are keyed by their host address, so one decoded page serves every virtual
 * address, address space and CPU that maps it. Stores keep it exact: a page holding
 * decoded instructions never has a writable TLB entry, so every store to it takes the
 * slow path, which drops the decoded 64-byte lines it overlaps (icache_store); stores
 * the host makes (SCLP, system calls, loaders) report themselves (icache_host_write). */
#ifndef ZHYP_CPU_ICACHE_H
#define ZHYP_CPU_ICACHE_H

#include "insn.h"

#define ICACHE_SLOTS    2048            /* halfwords in a 4K page */
#define ICACHE_LINES    64              /* 64-byte invalidation lines per page */
#define ICACHE_HASH     1024
#define ICACHE_MAX_PAGES 512            /* then everything is dropped and decoded afresh */
#define ICACHE_MAX_CPUS 128             /* host CPUs and their guest CPUs */

struct xslot;
typedef struct xslot *(*xfn)(struct cpu *c, struct xslot *s);

/* Operands pre-extracted by the decoder for the fast handlers (xop.c). */
struct xops {
    uint8_t r1, r2, x2, b2;             /* r2 also holds R3 or M3 where the format has one */
    int32_t i;                          /* displacement, immediate, or branch offset in slots */
};

struct xslot {
    xfn fn;
    const void *go;                     /* where xop_run's dispatch jumps: a hot row's
                                         * block (enum xhot), or the block calling fn */
    union {
        uint64_t iw;                    /* generic slots: the instruction, left-aligned */
        struct xslot *target;           /* relative branches: the target's slot on this
                                         * page, or NULL (2 host instructions fewer per
                                         * taken branch than an offset, callgrind) */
        int64_t disp;                   /* xop_run's no-index blocks: the displacement,
                                         * already sign-extended (one host instruction
                                         * per access, callgrind loop_las 19.5 -> 19.0) */
    } t;
    union {
        const struct dispatch *d;       /* rows without a fast handler */
        struct xops o;
    } u;
};

/* Values of cpu.xrc when a slot handler returns NULL. */
enum {
    XRC_REENTER = 0,                    /* instruction done; continue at psw.addr */
    XRC_PAGE_END = -1,                  /* fell off the page: continue at psw.addr, uncounted */
    XRC_STEP = -2,                      /* run the instruction at psw.addr through run.c's step */
    /* > 0: PGM code, RC_SVC or RC_EXIT of the instruction at c->ia, length c->x_ilen */
};

struct icode_page {
    uintptr_t host;                     /* host address of the page */
    struct icode_page *next;            /* hash chain */
    uint64_t lines;                     /* bit n: line n holds decoded slots */
    struct xslot slot[ICACHE_SLOTS + 1];/* + the page-end slot a fall-through lands on */
};

struct icache {
    const struct isa *isa;
    struct icode_page *hash[ICACHE_HASH];
    unsigned npages;
    unsigned ncpus;
    struct cpu *cpus[ICACHE_MAX_CPUS];  /* whose TLBs lose write access to code pages */
};

/* The slot for ia on a page the CPU may fetch from, or NULL with a PGM code in *pgm. */
struct xslot *icache_enter(struct cpu *c, uint64_t ia, int *pgm);
/* A store of len bytes at offset off of the host page at page_ha is about to happen. */
void icache_store(struct icache *ic, const uint8_t *page_ha, unsigned off, unsigned len);
/* Whether the host page holds decoded instructions (no TLB write access then). */
bool icache_is_code(const struct icache *ic, const uint8_t *page_ha);

/* The hot rows xop_run executes in its own blocks (computed goto); XH_CALL is the block
 * that calls s->fn, for every other slot. */
enum xhot { XH_CALL, XH_AHI, XH_AGHI, XH_BRCT, XH_BRCTG, XH_BRC, XH_BRCL, XH_L, XH_ST,
            XH_A, XH_LR, XH_LGR, XH_LA, XH_LHI, XH_LGHI, XH_CHI, XH_CR, XH_CGR, XH_AR,
            XH_AGR, XH_LG, XH_STG, XH_MVC,
            /* the same rows without an index register (X2 = 0), chosen by xop_fill */
            XH_L_B, XH_ST_B, XH_A_B, XH_LG_B, XH_STG_B, XH_COUNT };
/* xop_run's block addresses by enum xhot; set by xop_run(NULL, ...) in icache_new. */
extern const void *const *xop_blocks;

/* Run slots from s until one ends the loop (NULL, c->xrc says why) or *left slots have
 * run (then the slot to continue at); *left counts down every slot that returned a next
 * slot. xop_run(NULL, NULL, NULL) only sets xop_blocks. */
struct xslot *xop_run(struct cpu *c, struct xslot *s, uint64_t *left);

/* Give slot s the handler fn, dispatched through the calling block. */
static inline void xslot_set(struct xslot *s, xfn fn)
{
    s->fn = fn;
    s->go = xop_blocks[XH_CALL];
}

/* How the decoder extracts a fast handler's operands (xop.c). */
enum xkind { XK_RR, XK_RRE, XK_RRF, XK_RX, XK_RXY, XK_RS, XK_RSY, XK_SI, XK_RI, XK_RIL,
             XK_RI_REL, XK_RIL_REL, XK_RIE_RR, XK_RIE_RI, XK_SS };
struct xfast {
    xfn fn;                             /* NULL: the row runs through the generic slot */
    uint8_t kind;                       /* enum xkind */
    uint8_t hot;                        /* enum xhot: xop_run's block, or XH_CALL */
};
extern const struct xfast xop_fast[INSN_COUNT];   /* xop_fast.c, by row */
/* End the fast loop at the instruction of slot s with rc (a PGM code): c->ia, psw.addr,
 * xrc and x_ilen as run.c expects them. */
struct xslot *xop_end(struct cpu *c, struct xslot *s, unsigned ilen, int rc);
/* Run the table handler fn for slot s the generic way (t.iw holds the instruction). */
struct xslot *xop_call(struct cpu *c, struct xslot *s, insn_fn fn, unsigned ilen);

/* xop.c: fill slot s for the instruction iw at page offset off; or for one run.c steps. */
void xop_fill(struct xslot *s, const struct dispatch *d, uint64_t iw, unsigned off);
void xop_fill_step(struct xslot *s);
struct xslot *xop_page_end(struct cpu *c, struct xslot *s);
struct xslot *xop_decode(struct cpu *c, struct xslot *s);

/* The address of the instruction in slot s: the page's address plus its offset. */
static inline uint64_t xslot_ia(const struct cpu *c, const struct xslot *s)
{
    return c->x_va + 2 * (uint64_t)(s - c->x_page->slot);
}

/* Continue at target after a taken branch: the slot when the target is on this page,
 * else NULL with psw.addr set, so that run.c enters the target's page. */
static inline struct xslot *xslot_goto(struct cpu *c, uint64_t target)
{
    uint64_t off = target - c->x_va;
    if (likely(off < 4096 && !(off & 1)))
        return &c->x_page->slot[off >> 1];
    c->psw.addr = target;
    c->xrc = XRC_REENTER;
    return NULL;
}

#endif
