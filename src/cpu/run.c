/* The run loop: fetch, dispatch, and the exits (PoP ch.5 "Instruction Execution").
 * Two loops share one semantics source: the fast loop over decoded slots (icache.h;
 * coverage is recorded when a slot is decoded) and the slow loop used for --trace. */
#include <stdio.h>
#include <inttypes.h>

#include "insn.h"
#include "intr.h"
#include "icache.h"
#include "zhyp/sie.h"

/* Fetch across or at the end of a page, or after the fetch page changed: translate
 * for instruction fetch and remember the page for the fast path. */
static int fetch_slow(struct cpu *c, uint64_t ia, uint64_t *iw)
{
    uint8_t *page, *next;
    bool writable;
    if (ia & 1)
        return PGM_SPECIFICATION;
    int pgm = c->mops->translate(c, ia & ~PAGE_MASK_LOW, ACC_IFETCH, &page, &writable);
    if (pgm)
        return pgm;
    c->fetch_va = ia & ~PAGE_MASK_LOW;
    c->fetch_hva = page;
    unsigned off = ia & PAGE_MASK_LOW;
    if (off <= 4096 - 8) {
        *iw = ld_be64(page + off);
        return 0;
    }
    uint8_t b[8] = { 0 };
    unsigned have = 4096 - off;
    memcpy(b, page + off, have);
    unsigned len = ilen_of(b[0]);
    if (len > have) {
        pgm = c->mops->translate(c, (ia + have) & c->amask, ACC_IFETCH, &next, &writable);
        if (pgm)
            return pgm;
        memcpy(b + have, next, len - have);
    }
    memset(b + len, 0, 8 - len);
    *iw = ld_be64(b);
    return 0;
}

/* Turn a nonzero handler result into a loop exit or an interruption. Returns true when
 * cpu_run must return (*why set), false to continue with the next instruction. */
static bool finish_insn(struct cpu *c, int rc, unsigned ilen, enum cpu_exit *why)
{
    if (rc == RC_EXIT) {
        *why = c->psw.mask & PSW_MASK_WAIT ? CPU_EXIT_WAIT : CPU_EXIT_EVENT;
        return true;
    }
    if (rc == RC_SVC)
        return cpu_interrupt_svc(c, why);
    return cpu_interrupt_program(c, rc, ilen, why);
}

static enum cpu_exit run_slow(struct cpu *c, uint64_t budget);

/* Instructions between two looks at 'attention'. Checking it every instruction cost 8 host
 * instructions of 69 per emulated instruction (callgrind, bench/src/loop_ahi); asynchronous
 * requests wait at most this many instructions, and timed events are scheduled through
 * the budget anyway. */
#define ATTENTION_CHUNK 65536

/* Execute the instruction at psw.addr the plain way: fetch, dispatch, the central
 * privileged-operation check. For rows the slots leave to run.c (privileged, clock-
 * reading, crossing a page). Returns 0 or the handler's code; *ilen its length. */
static int step_one(struct cpu *c, unsigned *ilen)
{
    uint64_t ia = c->psw.addr, iw;
    c->ia = ia;
    *ilen = 0;
    int pgm = fetch_slow(c, ia, &iw);
    if (unlikely(pgm))
        return pgm;
    const struct dispatch *d = isa_slot(c->isa, iw);
    *ilen = d->ilen;
    c->psw.addr = (ia + d->ilen) & c->amask;
    if (likely(!(d->flags & c->priv_flags) && !c->coverage))
        return d->fn(c, iw);
    return insn_execute(c, d, iw);
}

/* Run up to 'chunk' instructions. Returns true when cpu_run must return (*why set).
 * The fast loop runs decoded slots (icache.h); c->icount is brought up to date before
 * run.c steps an instruction itself, so that rows which read the time (I_SYNC) see the
 * exact count, and on every exit. */
static bool run_chunk(struct cpu *c, uint64_t chunk, enum cpu_exit *why)
{
    uint64_t left = chunk;
    while (left) {
        int rc;
        unsigned ilen;
        struct xslot *s = icache_enter(c, c->psw.addr, &rc);
        if (likely(s)) {
            s = xop_run(c, s, &left);
            if (s) {                                   /* budget used up mid-page */
                c->psw.addr = xslot_ia(c, s);
                break;
            }
            rc = c->xrc;
            ilen = c->x_ilen;
            if (rc == XRC_PAGE_END)
                continue;
            if (rc == XRC_STEP) {
                c->icount += chunk - left;
                chunk = left;
                rc = step_one(c, &ilen);
                if (unlikely(rc && !ilen)) {            /* fetch exception */
                    if (cpu_interrupt_fetch(c, rc, why))
                        return true;
                    left--;                             /* a delivered interruption uses budget */
                    continue;
                }
            }
        } else {                                       /* fetch exception at entry */
            c->ia = c->psw.addr;
            c->icount += chunk - left;
            chunk = left;
            if (cpu_interrupt_fetch(c, rc, why))
                return true;
            left--;
            continue;
        }
        if (unlikely(rc)) {
            c->icount += chunk - left;
            chunk = left;
            if (finish_insn(c, rc, ilen, why))
                return true;
        }
        left--;
    }
    c->icount += chunk - left;
    return false;
}

enum cpu_exit cpu_run(struct cpu *c, uint64_t budget)
{
    if (c->in_sie)
        return sie_host_run(c, budget);
    if (c->trace)
        return run_slow(c, budget);
    if (unlikely(!c->icache)) {                        /* a CPU on its own: a private cache */
        struct icache *ic = icache_new(c->isa);
        if (!ic || !icache_attach(ic, c)) {
            icache_free(ic);
            return run_slow(c, budget);
        }
        c->icache_owned = true;
    }
    enum cpu_exit why = CPU_EXIT_BUDGET;
    while (budget) {
        uint64_t chunk = budget < ATTENTION_CHUNK ? budget : ATTENTION_CHUNK;
        uint64_t before = c->icount;
        if (run_chunk(c, chunk, &why))
            return why;
        budget -= c->icount - before;
        if (c->attention)
            return cpu_attention(c);
    }
    return CPU_EXIT_BUDGET;
}

static void trace_insn(struct cpu *c, uint64_t ia, uint64_t iw)
{
    char text[96];
    cpu_disasm(iw, ia, text, sizeof(text));
    fprintf(stderr, "%016" PRIx64 " %-40s cc=%u\n", ia, text, c->cc);
}

/* The same steps as cpu_run, one fetch and dispatch per instruction, plus tracing and
 * coverage; selected once at entry when tracing. */
static enum cpu_exit run_slow(struct cpu *c, uint64_t budget)
{
    const uint64_t end = c->icount + budget;
    enum cpu_exit why = CPU_EXIT_BUDGET;
    for (;;) {
        uint64_t ia = c->psw.addr, iw;
        int pgm = fetch_slow(c, ia, &iw);
        c->ia = ia;
        if (unlikely(pgm)) {
            if (cpu_interrupt_fetch(c, pgm, &why))
                return why;
            continue;
        }
        const struct dispatch *d = isa_slot(c->isa, iw);
        if (c->trace != CPU_TRACE_PLAIN_LOOP)
            trace_insn(c, ia, iw);
        c->psw.addr = (ia + d->ilen) & c->amask;
        int rc = insn_execute(c, d, iw);
        if (rc && finish_insn(c, rc, d->ilen, &why))
            return why;
        if (++c->icount >= end || c->attention)
            return c->icount >= end ? CPU_EXIT_BUDGET : cpu_attention(c);
    }
}
