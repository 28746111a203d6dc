/* SIGNAL PROCESSOR (PoP ch.4 "Signal-Processor Orders", ch.10 SIGP) and the CPU resets
 * the orders perform. The machine runs its CPUs one at a time, so the addressed CPU is
 * always between two instructions and every order completes at once: no order answers
 * "busy" (CC 2). Condition codes: 0 accepted, 1 status stored in R1, 3 not operational. */
#include <inttypes.h>
#include <stdio.h>

#include "internal.h"
#include "zhyp/sie.h"

enum {
    SIGP_SENSE = 0x01, SIGP_EXTERNAL_CALL = 0x02, SIGP_EMERGENCY = 0x03, SIGP_START = 0x04,
    SIGP_STOP = 0x05, SIGP_RESTART = 0x06, SIGP_STOP_STORE = 0x09, SIGP_INITIAL_RESET = 0x0b,
    SIGP_CPU_RESET = 0x0c, SIGP_SET_PREFIX = 0x0d, SIGP_STORE_AT_ADDR = 0x0e,
    SIGP_SET_ARCH = 0x12, SIGP_COND_EMERGENCY = 0x13, SIGP_SENSE_RUNNING = 0x15,
};

/* Status bits stored in R1 with CC 1. */
#define SIGP_ST_NOT_RUNNING     0x00000400u
#define SIGP_ST_INCORRECT_STATE 0x00000200u
#define SIGP_ST_INVALID_PARAM   0x00000100u
#define SIGP_ST_EXT_CALL        0x00000080u
#define SIGP_ST_STOPPED         0x00000040u
#define SIGP_ST_INVALID_ORDER   0x00000002u

#define STATUS_AREA_AA   0x1200ULL   /* where stop-and-store-status stores (absolute) */
#define ARCH_MODE_ID_AA  163         /* architectural-mode id byte: 1 = z/Architecture */

/* A CPU inside SIE leaves it first, the guest stored into its state description and
 * the PSW back at the SIE instruction (docs/sie.md), as for a host interruption. */
static void stop_cpu(struct cpu *t)
{
    if (t->in_sie)
        sie_leave_for_host(t);
    t->stopped = true;
}

void machine_cpu_reset(struct cpu *t)
{
    stop_cpu(t);
    t->ext_pending &= ~(EXT_EXT_CALL | EXT_EMERGENCY | EXT_RESTART);
    t->emerg_srcs = 0;
    t->attention = 1;
}

/* CPU reset plus the initial values of the PSW, prefix, timers, FPC and CRs; the
 * general, floating-point and access registers are kept. */
void machine_cpu_initial_reset(struct cpu *t)
{
    machine_cpu_reset(t);
    cpu_set_psw(t, 0, 0);
    t->prefix = 0;
    memset(t->cr, 0, sizeof(t->cr));
    t->cr[0] = CR0_RESET;
    t->cr[14] = CR14_RESET;
    t->fpc = 0;
    t->ckc = 0;
    vtime_set_cpu_timer(t, 0);
    cpu_tlb_flush(t);
}

/* The CPU part of a clear reset: the initial reset with every register zeroed. */
void machine_cpu_clear_reset(struct cpu *t)
{
    machine_cpu_initial_reset(t);
    memset(t->gr, 0, sizeof(t->gr));
    memset(t->fpr, 0, sizeof(t->fpr));
    memset(t->ar, 0, sizeof(t->ar));
    t->ext_pending = 0;
    t->ext_param = 0;
}

/* The 512-byte store-status save area of CPU t at absolute aa (zarch.md §2, offsets
 * relative to 0x1200). The clock comparator is stored shifted right by 8 bits.
 * Returns false when the area is not in storage. */
static bool store_status(struct machine *m, struct cpu *t, uint64_t aa)
{
    uint8_t *sa = machine_abs_store(m, aa, 512);
    if (!sa)
        return false;
    for (unsigned i = 0; i < 16; i++) {
        st_be64(sa + 0x00 + 8 * i, t->fpr[i]);
        st_be64(sa + 0x80 + 8 * i, t->gr[i]);
        st_be32(sa + 0x140 + 4 * i, t->ar[i]);
        st_be64(sa + 0x180 + 8 * i, t->cr[i]);
    }
    st_be64(sa + 0x100, cpu_psw_mask(t));
    st_be64(sa + 0x108, t->psw.addr);
    st_be32(sa + 0x118, t->prefix);
    st_be32(sa + 0x11c, t->fpc);
    st_be32(sa + 0x124, 0);               /* TOD programmable register: 0 (no SCKPF row) */
    st_be64(sa + 0x128, (uint64_t)vtime_cpu_timer(t));
    st_be64(sa + 0x130, t->ckc >> 8);
    return true;
}

/* Which conditions let a conditional emergency signal through (PoP; the same reading
 * as KVM and QEMU): the CPU is operating, or not enabled for both I/O and external
 * interruptions, or waits at a nonzero address, or runs with the given ASN as its
 * primary (CR4) or secondary (CR3) ASN. */
static bool cond_emergency_applies(const struct cpu *t, uint16_t asn)
{
    const uint64_t io_ext = PSW_MASK_IO | PSW_MASK_EXT;
    bool wait = (t->psw.mask & PSW_MASK_WAIT) != 0;
    return !t->stopped || (t->psw.mask & io_ext) != io_ext || (wait && t->psw.addr != 0) ||
           (!wait && (asn == (uint16_t)t->cr[4] || asn == (uint16_t)t->cr[3]));
}

static uint32_t sense_status(const struct cpu *t)
{
    return (t->stopped ? SIGP_ST_STOPPED : 0) | ((t->ext_pending & EXT_EXT_CALL) ? SIGP_ST_EXT_CALL : 0);
}

static uint32_t signal_order(struct cpu *c, struct cpu *t, unsigned order, uint64_t param)
{
    switch (order) {
    case SIGP_EXTERNAL_CALL:              /* one may be pending; a second is refused */
        if (t->ext_pending & EXT_EXT_CALL)
            return SIGP_ST_EXT_CALL;
        t->ext_pending |= EXT_EXT_CALL;
        t->ext_call_src = (uint16_t)c->cpu_addr;
        break;
    case SIGP_COND_EMERGENCY:
        if (!cond_emergency_applies(t, (uint16_t)param))
            return SIGP_ST_INCORRECT_STATE;
        /* fall through */
    case SIGP_EMERGENCY:                  /* one pending per sending CPU */
        t->ext_pending |= EXT_EMERGENCY;
        t->emerg_srcs |= 1ULL << c->cpu_addr;
        break;
    }
    t->attention = 1;
    return 0;
}

/* Start, stop, restart and the resets: state changes of the addressed CPU. */
static uint32_t state_order(struct machine *m, struct cpu *t, unsigned order)
{
    switch (order) {
    case SIGP_START:                      /* no effect unless stopped */
        t->stopped = false;
        break;
    case SIGP_STOP:
        stop_cpu(t);
        break;
    case SIGP_RESTART:                    /* a stopped CPU starts and takes it first */
        t->stopped = false;
        t->ext_pending |= EXT_RESTART;
        break;
    case SIGP_STOP_STORE:
        stop_cpu(t);
        store_status(m, t, STATUS_AREA_AA);
        *machine_abs_store(m, ARCH_MODE_ID_AA, 1) = 1;
        break;
    case SIGP_INITIAL_RESET:
        machine_cpu_initial_reset(t);
        break;
    case SIGP_CPU_RESET:
        machine_cpu_reset(t);
        break;
    }
    t->attention = 1;
    return 0;
}

/* Set prefix and store status at address: only to a stopped CPU, with an area that
 * exists (checked first for set prefix, second for store status, as KVM and QEMU do). */
static uint32_t area_order(struct machine *m, struct cpu *t, unsigned order, uint64_t param)
{
    if (order == SIGP_SET_PREFIX) {
        uint32_t prefix = (uint32_t)param & 0x7fffe000u;
        if (prefix + 0x2000ULL > m->storage_size)
            return SIGP_ST_INVALID_PARAM;
        if (!t->stopped)
            return SIGP_ST_INCORRECT_STATE;
        t->prefix = prefix;
        cpu_tlb_flush(t);
        return 0;
    }
    if (!t->stopped)
        return SIGP_ST_INCORRECT_STATE;
    return store_status(m, t, param & 0x7ffffe00u) ? 0 : SIGP_ST_INVALID_PARAM;
}

static uint32_t do_order(struct cpu *c, struct cpu *t, unsigned order, uint64_t param)
{
    struct machine *m = c->mctx;
    switch (order) {
    case SIGP_SENSE:
        return sense_status(t);
    case SIGP_SENSE_RUNNING:              /* running: operating and not waiting */
        return !t->stopped && !(t->psw.mask & PSW_MASK_WAIT) ? 0 : SIGP_ST_NOT_RUNNING;
    case SIGP_EXTERNAL_CALL: case SIGP_EMERGENCY: case SIGP_COND_EMERGENCY:
        return signal_order(c, t, order, param);
    case SIGP_START: case SIGP_STOP: case SIGP_RESTART: case SIGP_STOP_STORE:
    case SIGP_INITIAL_RESET: case SIGP_CPU_RESET:
        return state_order(m, t, order);
    case SIGP_SET_PREFIX: case SIGP_STORE_AT_ADDR:
        return area_order(m, t, order, param);
    default:
        return SIGP_ST_INVALID_ORDER;
    }
}

static void trace_sigp(const struct cpu *c, unsigned order, unsigned target, uint64_t param, uint32_t st)
{
    fprintf(stderr, "sigp: cpu %u order 0x%02x to cpu %u param %016" PRIx64 ": cc %u", c->cpu_addr,
            order, target, param, c->cc);
    if (c->cc == 1)
        fprintf(stderr, " status %08x", st);
    fputc('\n', stderr);
}

int machine_sigp(struct cpu *c, unsigned order, unsigned target, uint64_t param, uint32_t *status)
{
    struct machine *m = c->mctx;
    uint32_t st = 0;
    if (order == SIGP_SET_ARCH) {         /* every CPU, whatever the address; already z/Arch */
        c->cc = 0;
    } else if (target >= m->ncpus || !m->cpu[target]) {
        c->cc = 3;
    } else {
        st = do_order(c, m->cpu[target], order, param);
        c->cc = st ? 1 : 0;
        *status = st;
    }
    if (m->trace & MACHINE_TRACE_SIGP)
        trace_sigp(c, order, target, param, st);
    return 0;
}
