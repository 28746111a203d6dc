/* Deterministic virtual time: the one place where the cost model lives. Every executed
 * instruction takes VT_NS_PER_INSN nanoseconds of virtual time; a CPU in an enabled wait
 * jumps ahead to its next timer event (idle_ns). The TOD clock, the clock comparator and
 * the CPU timer all derive from that, so the same image and inputs give the same clock
 * readings and interruption points on any host (zarch.md §9, PoP "Timing"). */
#include "internal.h"

#define VT_NS_PER_INSN 1

/* 2026-01-01 00:00 UTC in TOD units (bit 51 = 1 microsecond, epoch 1900). */
#define TOD_UNIX_EPOCH 0x7d91048bca000000ULL
#define TOD_AT_BOOT (TOD_UNIX_EPOCH + ((1767225600ULL * 1000000ULL) << 12))

uint64_t vtime_ns(const struct cpu *c)
{
    return c->icount * VT_NS_PER_INSN + c->idle_ns;
}

/* Nanoseconds to TOD units (4096 per microsecond), exact for whole microseconds. */
uint64_t vtime_ns_to_tod(uint64_t ns)
{
    return ((ns / 1000) << 12) + (ns % 1000) * 4096 / 1000;
}

/* TOD units to nanoseconds, rounded up: the first ns at which that many units passed. */
static uint64_t tod_to_ns_ceil(uint64_t tod)
{
    return (tod >> 12) * 1000 + ((tod & 0xfff) * 1000 + 4095) / 4096;
}

uint64_t vtime_tod(const struct cpu *c)
{
    const struct machine *m = c->mctx;
    return TOD_AT_BOOT + m->tod_offset + vtime_ns_to_tod(vtime_ns(c)) + c->epoch;
}

void vtime_set_tod(struct cpu *c, uint64_t tod)
{
    struct machine *m = c->mctx;
    m->tod_offset = tod - TOD_AT_BOOT - vtime_ns_to_tod(vtime_ns(c)) - c->epoch;
}

int64_t vtime_cpu_timer(const struct cpu *c)
{
    return c->cpu_timer - (int64_t)vtime_ns_to_tod(vtime_ns(c) - c->cpu_timer_set_ns);
}

void vtime_set_cpu_timer(struct cpu *c, int64_t v)
{
    c->cpu_timer = v;
    c->cpu_timer_set_ns = vtime_ns(c);
}

/* Set or clear the timer conditions as pending external interruptions. */
void vtime_update_pending(struct cpu *c)
{
    c->ext_pending &= ~(EXT_CKC | EXT_CPU_TIMER);
    if (vtime_tod(c) > c->ckc)
        c->ext_pending |= EXT_CKC;
    if (vtime_cpu_timer(c) < 0)
        c->ext_pending |= EXT_CPU_TIMER;
}

/* Virtual nanoseconds from now until the next timer condition this CPU can take
 * (subclass masks on, PSW enabled for external interruptions); UINT64_MAX if none. */
uint64_t vtime_until_event(const struct cpu *c)
{
    uint64_t best = UINT64_MAX;
    if (!(c->psw.mask & PSW_MASK_EXT))
        return best;
    if (c->cr[0] & CR0_CKC) {
        uint64_t now = vtime_tod(c);
        best = c->ckc >= now ? tod_to_ns_ceil(c->ckc - now + 1) : 0;
    }
    if (c->cr[0] & CR0_CPU_TIMER) {
        int64_t t = vtime_cpu_timer(c);
        uint64_t ns = t < 0 ? 0 : tod_to_ns_ceil((uint64_t)t + 1);
        if (ns < best)
            best = ns;
    }
    return best;
}

/* Instructions a CPU may run before its next timer event. */
uint64_t vtime_insns_until_event(const struct cpu *c)
{
    uint64_t ns = vtime_until_event(c);
    return ns == UINT64_MAX ? UINT64_MAX : ns / VT_NS_PER_INSN + 1;
}

/* An enabled wait: skip idle time up to the next event. Returns false if none exists. */
bool vtime_idle_to_event(struct cpu *c)
{
    uint64_t ns = vtime_until_event(c);
    if (ns == UINT64_MAX)
        return false;
    c->idle_ns += ns;
    return true;
}

