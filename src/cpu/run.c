/* The run loop: fetch, dispatch, and the exits (PoP ch.5 "Instruction Execution").
 * Two loops share one semantics source: the fast loop (no trace, no coverage, no
 * per-row flag work beyond one test) and the slow loop used for --trace and coverage. */
#include <stdio.h>
#include <inttypes.h>

#include "insn.h"
#include "intr.h"

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

enum cpu_exit cpu_run(struct cpu *c, uint64_t budget)
{
    if (c->trace || c->coverage)
        return run_slow(c, budget);
    const struct isa *isa = c->isa;
    const uint64_t end = c->icount + budget;
    enum cpu_exit why = CPU_EXIT_BUDGET;
    for (;;) {
        uint64_t ia = c->psw.addr, iw;
        /* Page-local fetch: one compare against the cached page (also rejects odd ia). */
        if (likely((ia & ~(PAGE_MASK_LOW - 1)) == c->fetch_va && (ia & PAGE_MASK_LOW) <= 4096 - 8)) {
            iw = ld_be64(c->fetch_hva + (ia & PAGE_MASK_LOW));
        } else {
            int pgm = fetch_slow(c, ia, &iw);
            if (unlikely(pgm)) {
                c->ia = ia;
                if (cpu_interrupt_fetch(c, pgm, &why))
                    return why;
                continue;
            }
        }
        const struct dispatch *d = isa_slot(isa, iw);
        c->ia = ia;
        c->psw.addr = (ia + d->ilen) & c->amask;
        int rc = unlikely(d->flags & c->priv_flags) ? insn_execute(c, d, iw) : d->fn(c, iw);
        if (unlikely(rc) && finish_insn(c, rc, d->ilen, &why))
            return why;
        if (unlikely(++c->icount >= end || c->attention))
            return c->icount >= end ? CPU_EXIT_BUDGET : cpu_attention(c);
    }
}

static void trace_insn(struct cpu *c, uint64_t ia, uint64_t iw)
{
    char text[96];
    cpu_disasm(iw, ia, text, sizeof(text));
    fprintf(stderr, "%016" PRIx64 " %-40s cc=%u\n", ia, text, c->cc);
}

/* The same steps as cpu_run plus tracing and coverage; selected once at entry. */
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
        if (c->trace)
            trace_insn(c, ia, iw);
        c->psw.addr = (ia + d->ilen) & c->amask;
        int rc = insn_execute(c, d, iw);
        if (rc && finish_insn(c, rc, d->ilen, &why))
            return why;
        if (++c->icount >= end || c->attention)
            return c->icount >= end ? CPU_EXIT_BUDGET : cpu_attention(c);
    }
}
