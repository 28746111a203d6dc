/* Interruptions CP presents to its guests. Like z/VM (and KVM without interruption
 * assists), CP stores the interruption into the guest's lowcore itself and loads the new
 * PSW into the state description; when the guest cannot take it yet, CP asks SIE for an
 * intervention interception (CPUSTAT_EXT_INT) and re-checks at each exit. */
#include "internal.h"

/* Lowcore offsets (zarch.md §3). */
#define LC_EXT_PARAM     0x080
#define LC_EXT_CPU_ADDR  0x084
#define LC_EXT_CODE      0x086
#define LC_PGM_ILC       0x08c
#define LC_PGM_CODE      0x08e
#define LC_EXT_OLD_PSW   0x130
#define LC_PGM_OLD_PSW   0x150
#define LC_EXT_NEW_PSW   0x1b0
#define LC_PGM_NEW_PSW   0x1d0
#define LC_EXT_PARAM64   0x11b8

#define LCTL_CR0            0x8000

#define EXT_CODE_EMERGENCY  0x1201
#define EXT_CODE_EXT_CALL   0x1202
#define EXT_CODE_SERVICE    0x2401
#define EXT_CODE_CP_SERVICE 0x2603

/* An interruption: old PSW out, new PSW in (both in the guest's lowcore). */
static int swap_psw(struct vcpu *v, unsigned old_ra, unsigned new_ra)
{
    uint64_t mask, addr;
    uint8_t psw[16];
    vcpu_get_psw(v, &mask, &addr);
    st_be64(psw, mask);
    st_be64(psw + 8, addr);
    if (vcpu_write_ra(v, old_ra, psw, 16) || vcpu_read_ra(v, new_ra, psw, 16))
        return -1;
    vcpu_set_psw(v, ld_be64(psw), ld_be64(psw + 8));
    return 0;
}

static int deliver_ext(struct vcpu *v, uint16_t code, uint16_t cpu_addr, uint32_t param,
                       const uint64_t *param64)
{
    uint8_t b[8];
    st_be32(b, param);
    st_be16(b + 4, cpu_addr);
    st_be16(b + 6, code);
    if (vcpu_write_ra(v, LC_EXT_PARAM, b, 8))
        return -1;
    if (param64) {
        st_be64(b, *param64);
        if (vcpu_write_ra(v, LC_EXT_PARAM64, b, 8))
            return -1;
    }
    return swap_psw(v, LC_EXT_OLD_PSW, LC_EXT_NEW_PSW);
}

int irq_program(struct vcpu *v, uint16_t code, unsigned ilen)
{
    uint8_t b[4] = { 0, (uint8_t)ilen, 0, 0 };
    st_be16(b + 2, code);
    if (vcpu_write_ra(v, LC_PGM_ILC, b, 4) || swap_psw(v, LC_PGM_OLD_PSW, LC_PGM_NEW_PSW)) {
        guest_console_line(v->g, "zhyp: the guest's lowcore cannot be stored: guest ended");
        guest_end(v->g, GUEST_FAILED);
        return -1;
    }
    return 0;
}

static bool ext_open(const struct vcpu *v, uint64_t cr0_bit)
{
    return (ld_be64(vcpu_sd(v) + SD_GPSW) & PSW_MASK_EXT) && (vcpu_cr(v, 0) & cr0_bit);
}

/* The interruption the vCPU would take now: its code, or 0. */
static uint16_t next_ext(const struct vcpu *v)
{
    const struct guest *g = v->g;
    if ((v->irq & VIRQ_EMERGENCY) && ext_open(v, CR0_EMERGENCY))
        return EXT_CODE_EMERGENCY;
    if ((v->irq & VIRQ_EXT_CALL) && ext_open(v, CR0_EXT_CALL))
        return EXT_CODE_EXT_CALL;
    if (g->service_pending && ext_open(v, CR0_SERVICE_SIG))
        return EXT_CODE_SERVICE;
    if (g->ncp_irq && ext_open(v, CR0_SERVICE_SIG))
        return EXT_CODE_CP_SERVICE;
    return 0;
}

bool irq_deliverable(const struct vcpu *v)
{
    return next_ext(v) != 0;
}

bool irq_pending(const struct vcpu *v)
{
    return v->irq || v->g->service_pending || v->g->ncp_irq;
}

/* Present one interruption; -1 if the lowcore could not be stored. */
static int deliver_one(struct vcpu *v, uint16_t code)
{
    struct guest *g = v->g;
    switch (code) {
    case EXT_CODE_EMERGENCY: {
        unsigned from = (unsigned)__builtin_ctzll(v->emerg_from);
        v->emerg_from &= v->emerg_from - 1;
        if (!v->emerg_from)
            v->irq &= ~VIRQ_EMERGENCY;
        return deliver_ext(v, code, (uint16_t)from, 0, NULL);
    }
    case EXT_CODE_EXT_CALL:
        v->irq &= ~VIRQ_EXT_CALL;
        return deliver_ext(v, code, (uint16_t)v->ext_call_from, 0, NULL);
    case EXT_CODE_SERVICE:
        g->service_pending = false;
        return deliver_ext(v, code, 0, g->service_param, NULL);
    default: {
        struct cp_irq q = g->cp_irq[0];
        memmove(g->cp_irq, g->cp_irq + 1, --g->ncp_irq * sizeof(q));
        if ((q.subcode >> 8) == 0x03)          /* DIAG X'250' 31-bit format: at 0x80 */
            return deliver_ext(v, code, q.subcode, (uint32_t)q.param, NULL);
        return deliver_ext(v, code, q.subcode, 0, &q.param);
    }
    }
}

void irq_prepare(struct vcpu *v)
{
    uint8_t *sd = vcpu_sd(v);
    uint32_t flags = ld_be32(sd + SD_CPUFLAGS) & ~CPUSTAT_EXT_INT;
    for (uint16_t code; (code = next_ext(v));) {
        if (deliver_one(v, code)) {
            guest_console_line(v->g, "zhyp: the guest's lowcore cannot be stored: guest ended");
            guest_end(v->g, GUEST_FAILED);
            return;
        }
    }
    bool pending = irq_pending(v);
    if (pending && !(ld_be64(sd + SD_GPSW) & PSW_MASK_EXT))
        flags |= CPUSTAT_EXT_INT;              /* exit 0x10 once the PSW opens */
    st_be32(sd + SD_CPUFLAGS, flags);
    /* ... and LCTL of CR0 intercepts, for a subclass that opens (priv.c) */
    st_be16(sd + SD_LCTL, pending ? LCTL_CR0 : 0);
}

/* A floating interruption: the first waiting vCPU that can take it wakes. */
static void kick_guest(struct guest *g)
{
    for (unsigned i = 0; i < g->nvcpus; i++)
        if (vcpu_kick(&g->vcpu[i]))
            return;
}

void irq_service(struct guest *g, uint32_t param)
{
    if (g->end != GUEST_RUNNING)
        return;
    g->service_param = (g->service_pending ? g->service_param : 0) | param;
    g->service_pending = true;
    kick_guest(g);
}

void irq_cp_service(struct guest *g, uint16_t subcode, uint64_t param)
{
    if (g->end != GUEST_RUNNING || g->ncp_irq == GUEST_CP_IRQ_MAX)
        return;                                /* the queue is bounded by the disks' requests */
    g->cp_irq[g->ncp_irq++] = (struct cp_irq){ subcode, param };
    kick_guest(g);
}

void irq_emergency(struct vcpu *t, unsigned from)
{
    t->emerg_from |= 1ULL << (from & 63);
    t->irq |= VIRQ_EMERGENCY;
    vcpu_kick(t);
}

void irq_external_call(struct vcpu *t, unsigned from)
{
    t->ext_call_from = from;
    t->irq |= VIRQ_EXT_CALL;
    vcpu_kick(t);
}
