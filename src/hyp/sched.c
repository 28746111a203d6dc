/* Deterministic discrete-event scheduling of vCPUs onto K host CPUs in virtual time
 * (docs/hypervisor.md "Virtual time"). Each host CPU has its own clock; the one furthest
 * behind always goes next, takes the first ready vCPU and runs it for a slice through
 * sie_run, handling its exits as they come. Timers and I/O completions are events in one
 * heap ordered by (time, creation). A host CPU with nothing to run parks until a vCPU
 * becomes ready; enabled waits cost no host CPU time. Nothing depends on the host's own
 * clock or on memory addresses, so the same configuration gives the same run. */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>

#include "internal.h"
#include "../machine/internal.h"

uint64_t hyp_now(const struct hyp *h) { return h->clock; }

void hyp_charge(struct hyp *h, uint64_t ns)
{
    if (!h->on)
        return;
    h->on->now += ns;
    h->on->st.cp_ns += ns;
    h->clock = h->on->now;
}

uint64_t hyp_tod(struct hyp *h)
{
    struct cpu *c = h->cpu[0].c;               /* one TOD for the host: any CPU's base */
    uint64_t icount = c->icount, idle = c->idle_ns;
    c->icount = 0;
    c->idle_ns = hyp_now(h);
    uint64_t tod = vtime_tod(c);
    c->icount = icount, c->idle_ns = idle;
    return tod;
}

/* ---- the event heap ---- */

static bool ev_before(const struct hyp_event *a, const struct hyp_event *b)
{
    return a->t < b->t || (a->t == b->t && a->seq < b->seq);
}

void hyp_at(struct hyp *h, uint64_t t_ns, hyp_event_fn fn, void *arg, uint64_t arg2)
{
    if (h->nev == h->ev_cap) {
        unsigned cap = h->ev_cap ? 2 * h->ev_cap : 64;
        struct hyp_event *n = realloc(h->ev, cap * sizeof(*n));
        if (!n) {
            h->failed = true;                  /* reported by hyp_run */
            return;
        }
        h->ev = n, h->ev_cap = cap;
    }
    unsigned i = h->nev++;
    h->ev[i] = (struct hyp_event){ t_ns, h->ev_seq++, fn, arg, arg2 };
    while (i && ev_before(&h->ev[i], &h->ev[(i - 1) / 2])) {
        struct hyp_event t = h->ev[i];
        h->ev[i] = h->ev[(i - 1) / 2];
        h->ev[(i - 1) / 2] = t;
        i = (i - 1) / 2;
    }
}

static struct hyp_event ev_pop(struct hyp *h)
{
    struct hyp_event top = h->ev[0];
    h->ev[0] = h->ev[--h->nev];
    for (unsigned i = 0;;) {
        unsigned l = 2 * i + 1, r = l + 1, m = i;
        if (l < h->nev && ev_before(&h->ev[l], &h->ev[m]))
            m = l;
        if (r < h->nev && ev_before(&h->ev[r], &h->ev[m]))
            m = r;
        if (m == i)
            break;
        struct hyp_event t = h->ev[i];
        h->ev[i] = h->ev[m];
        h->ev[m] = t;
        i = m;
    }
    return top;
}

static uint64_t ev_next_time(const struct hyp *h)
{
    return h->nev ? h->ev[0].t : UINT64_MAX;
}

/* Run every event due by t, each at its own time. */
static void run_events(struct hyp *h, uint64_t t)
{
    struct hcpu *on = h->on;
    h->on = NULL;
    while (h->nev && h->ev[0].t <= t) {
        struct hyp_event e = ev_pop(h);
        h->clock = e.t;
        e.fn(h, e.arg, e.arg2);
    }
    h->on = on;
    if (on)
        h->clock = on->now;
}

/* ---- vCPU states ---- */

static void trace(const struct vcpu *v, const char *what)
{
    if (v->g->h->o.trace & HYP_TRACE_SCHED)
        fprintf(stderr, "sched: %" PRIu64 " %s.%u %s\n", hyp_now(v->g->h), v->g->name, v->id, what);
}

/* A parked host CPU takes up new work at the time it appeared. */
static void unpark_one(struct hyp *h)
{
    for (unsigned i = 0; i < h->ncpus; i++) {
        struct hcpu *c = &h->cpu[i];
        if (c->parked) {
            c->parked = false;
            if (c->now < h->clock) {
                c->st.idle_ns += h->clock - c->now;
                c->now = h->clock;
            }
            return;
        }
    }
}

/* The CPU timer runs in the wait state too (PoP "CPU Timer"); not while the vCPU is
 * ready but not dispatched, which is CP's time, not the guest's. */
static void timer_catch_up(struct vcpu *v, uint64_t waited_ns)
{
    uint8_t *sd = vcpu_sd(v);
    st_be64(sd + SD_CPUTM, ld_be64(sd + SD_CPUTM) - vtime_ns_to_tod(waited_ns));
}

void vcpu_make_ready(struct vcpu *v)
{
    struct hyp *h = v->g->h;
    if (v->state == VCPU_READY || v->state == VCPU_RUNNING || v->g->end != GUEST_RUNNING)
        return;
    uint64_t now = hyp_now(h);
    if (v->state == VCPU_WAIT || v->state == VCPU_BLOCKED) {
        v->st.wait_ns += now - v->since_ns;
        timer_catch_up(v, now - v->since_ns);
    }
    v->wake_gen++;
    v->state = VCPU_READY;
    v->since_ns = now;
    v->next = NULL;
    if (h->ready_tail)
        h->ready_tail->next = v;
    else
        h->ready_head = v;
    h->ready_tail = v;
    trace(v, "ready");
    unpark_one(h);
}

static struct vcpu *ready_pop(struct hyp *h)
{
    while (h->ready_head) {
        struct vcpu *v = h->ready_head;
        h->ready_head = v->next;
        if (!h->ready_head)
            h->ready_tail = NULL;
        if (v->state == VCPU_READY && v->g->end == GUEST_RUNNING)
            return v;
    }
    return NULL;
}

static void wake_event(struct hyp *h, void *arg, uint64_t gen)
{
    struct vcpu *v = arg;
    (void)h;
    if ((v->state == VCPU_WAIT || v->state == VCPU_BLOCKED) && v->wake_gen == gen)
        vcpu_make_ready(v);
}

static void park_vcpu(struct vcpu *v, enum vcpu_state st)
{
    v->state = st;
    v->since_ns = hyp_now(v->g->h);
    v->wake_gen++;
}

void vcpu_block_until(struct vcpu *v, uint64_t t_ns)
{
    park_vcpu(v, VCPU_BLOCKED);
    trace(v, "blocked");
    hyp_at(v->g->h, t_ns, wake_event, v, v->wake_gen);
}

/* Enabled wait: the next guest timer event (clock comparator, CPU timer) from the guest
 * CPU as it exited, if any; interruptions from CP wake it through vcpu_kick. */
void vcpu_wait(struct vcpu *v)
{
    struct hyp *h = v->g->h;
    uint64_t ns = vtime_until_event(sie_ctx_guest(h->on->s));
    park_vcpu(v, VCPU_WAIT);
    trace(v, "waits");
    if (ns != UINT64_MAX)
        hyp_at(h, hyp_now(h) + ns, wake_event, v, v->wake_gen);
}

void vcpu_stop(struct vcpu *v)
{
    park_vcpu(v, VCPU_STOPPED);
    trace(v, "stopped");
}

bool vcpu_kick(struct vcpu *v)
{
    if (v->state != VCPU_WAIT || !irq_deliverable(v))
        return false;
    vcpu_make_ready(v);
    return true;
}

/* ---- dispatching ---- */

static void load_regs(struct hcpu *c, struct vcpu *v)
{
    struct cpu *hc = c->c;
    memcpy(hc->gr, v->gr, 14 * sizeof(v->gr[0]));
    memcpy(hc->fpr, v->fpr, sizeof(v->fpr));
    memcpy(hc->ar, v->ar, sizeof(v->ar));
    hc->fpc = v->fpc;
    st_be64(vcpu_sd(v) + SD_GG14, v->gr[14]);
    st_be64(vcpu_sd(v) + SD_GG15, v->gr[15]);
    hc->cr[1] = gmem_asce(&v->g->mem);
}

static void save_regs(struct hcpu *c, struct vcpu *v)
{
    struct cpu *hc = c->c;
    memcpy(v->gr, hc->gr, 14 * sizeof(v->gr[0]));
    memcpy(v->fpr, hc->fpr, sizeof(v->fpr));
    memcpy(v->ar, hc->ar, sizeof(v->ar));
    v->fpc = hc->fpc;
    v->gr[14] = ld_be64(vcpu_sd(v) + SD_GG14);
    v->gr[15] = ld_be64(vcpu_sd(v) + SD_GG15);
}

/* A first touch of a guest page: make it resident. */
static enum act host_fault(struct hyp *h, struct vcpu *v)
{
    uint64_t ga = h->on->c->fault.teid & ~PAGE_MASK_LOW;
    v->st.host_faults++;
    hyp_charge(h, COST_HOST_FAULT_NS);
    int rc = gmem_fault(&v->g->mem, ga);
    if (!rc)
        return ACT_CONTINUE;
    guest_console_line(v->g, rc == -ENOMEM ? "zhyp: host storage exhausted: guest ended"
                                           : "zhyp: host fault outside guest storage: guest ended");
    guest_end(v->g, GUEST_FAILED);
    return ACT_GUEST_ENDED;
}

/* One sie_run of v on c, up to 'budget' instructions, and what its exit asks for. */
static enum act run_once(struct hyp *h, struct hcpu *c, struct vcpu *v, uint64_t budget)
{
    struct cpu *hc = c->c;
    irq_prepare(v);
    if (v->g->end != GUEST_RUNNING)
        return ACT_GUEST_ENDED;
    load_regs(c, v);
    hc->idle_ns = c->now - hc->icount;         /* the guest's clocks read c->now */
    uint64_t before = hc->icount;
    int pgm;
    enum sie_end e = sie_run(c->s, v->sd_ha, budget, &pgm);
    uint64_t ran = hc->icount - before;
    c->now += ran * 1;                         /* VT_NS_PER_INSN */
    c->st.guest_ns += ran;
    v->st.insns += ran;
    h->clock = c->now;
    save_regs(c, v);
    if (e == SIE_END_HOST && pgm)
        return host_fault(h, v);
    if (e != SIE_END_ICPT)
        return ACT_CONTINUE;
    hyp_charge(h, COST_ICPT_NS);
    return hyp_intercept(v);
}

/* Run v on c for one slice (or until it waits, stops, yields or its guest ends). */
static void dispatch(struct hyp *h, struct hcpu *c, struct vcpu *v)
{
    if (c->now < v->since_ns) {
        c->st.idle_ns += v->since_ns - c->now;
        c->now = v->since_ns;
    }
    v->st.ready_ns += c->now - v->since_ns;
    h->on = c;
    h->clock = c->now;
    if (c->last != v)
        hyp_charge(h, COST_DISPATCH_NS);
    c->st.dispatches++;
    v->st.dispatches++;
    v->state = VCPU_RUNNING;
    c->cur = v;
    trace(v, "runs");
    uint64_t start = c->now, slice_end = c->now + COST_SLICE_NS;
    enum act a = ACT_CONTINUE;
    while (a == ACT_CONTINUE && c->now < slice_end && v->state == VCPU_RUNNING) {
        uint64_t until = slice_end, tev = ev_next_time(h);
        if (tev > c->now && tev < until)
            until = tev;                       /* stop at the next event to run it in time */
        a = run_once(h, c, v, until > c->now ? until - c->now : 1);
        if (ev_next_time(h) <= c->now)
            run_events(h, c->now);
    }
    v->st.run_ns += c->now - start;
    c->cur = NULL;
    c->last = v;
    if (v->state == VCPU_RUNNING) {            /* slice over or yielded: to the back */
        v->state = VCPU_STOPPED;               /* so that make_ready queues it */
        vcpu_make_ready(v);
    }
    h->on = NULL;
}

/* The host CPU furthest behind in virtual time that is not parked (lowest index on a
 * tie), or NULL when every one is parked. */
static struct hcpu *pick_cpu(struct hyp *h)
{
    struct hcpu *best = NULL;
    for (unsigned i = 0; i < h->ncpus; i++) {
        struct hcpu *c = &h->cpu[i];
        if (!c->parked && (!best || c->now < best->now))
            best = c;
    }
    return best;
}

/* Periodic work at virtual time t: the progress line and the statistics files. */
static void periodic(struct hyp *h, uint64_t t)
{
    if (h->o.progress && t >= h->next_progress_ns) {
        stats_progress(h);
        h->next_progress_ns = (t / 1000000000ULL + 1) * 1000000000ULL;
    }
    if (h->o.stats_every_ns && t >= h->next_stats_ns) {
        if (stats_write(h, h->err, h->errlen))
            h->failed = true;
        h->next_stats_ns = (t / h->o.stats_every_ns + 1) * h->o.stats_every_ns;
    }
}

/* One step: a host CPU runs a vCPU or parks, or (all parked) time jumps to the next
 * event. Returns false when the run is over, with *end set. */
static bool step(struct hyp *h, enum hyp_end *end)
{
    struct hcpu *c = pick_cpu(h);
    uint64_t tev = ev_next_time(h), t = c ? c->now : tev;
    if (h->o.time_limit_ns && t >= h->o.time_limit_ns && t != UINT64_MAX) {
        *end = HYP_END_TIME_LIMIT;
        return false;
    }
    if (!c && tev == UINT64_MAX) {
        *end = HYP_END_IDLE;
        return false;
    }
    periodic(h, t);
    if (tev <= t) {
        run_events(h, t);
        return true;
    }
    struct vcpu *v = ready_pop(h);
    if (v)
        dispatch(h, c, v);
    else
        c->parked = true;
    return true;
}

enum hyp_end hyp_run(struct hyp *h, char *err, size_t errlen)
{
    enum hyp_end end = HYP_END_DONE;
    h->err = err, h->errlen = errlen;
    while (h->live_guests && !h->failed && step(h, &end))
        ;
    for (unsigned i = 0; i < h->ncpus; i++) {
        struct hcpu *c = &h->cpu[i];
        uint64_t last = 0;
        for (unsigned j = 0; j < h->ncpus; j++)
            last = h->cpu[j].now > last ? h->cpu[j].now : last;
        c->st.idle_ns += last - c->now;        /* everyone ends at the same time */
        c->now = last;
    }
    if (h->failed) {
        if (!*err)
            snprintf(err, errlen, "out of host memory for the scheduler");
        return HYP_END_ERROR;
    }
    if (stats_write(h, err, errlen))
        return HYP_END_ERROR;
    return end;
}
