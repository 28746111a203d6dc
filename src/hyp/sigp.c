/* SIGNAL PROCESSOR among a guest's vCPUs (the shape of Linux's kvm sigp.c), with the
 * bare machine's readings of the orders (src/machine/sigp.c): status bits, which orders
 * need a stopped target, where status is stored. The scheduler runs one vCPU at a time,
 * so "running" is the sender alone. */
#include "internal.h"
#include "../machine/internal.h"

enum {
    ORD_SENSE = 0x01, ORD_EXTERNAL_CALL = 0x02, ORD_EMERGENCY = 0x03, ORD_START = 0x04,
    ORD_STOP = 0x05, ORD_RESTART = 0x06, ORD_STOP_STORE = 0x09, ORD_INITIAL_RESET = 0x0b,
    ORD_CPU_RESET = 0x0c, ORD_SET_PREFIX = 0x0d, ORD_STORE_AT_ADDR = 0x0e,
    ORD_SET_ARCH = 0x12, ORD_COND_EMERGENCY = 0x13, ORD_SENSE_RUNNING = 0x15,
};
#define ST_INVALID_ORDER    0x00000002u
#define ST_INVALID_PARAM    0x00000100u
#define ST_INCORRECT_STATE  0x00000200u
#define ST_NOT_RUNNING      0x00000400u
#define ST_EXT_CALL         0x00000080u
#define ST_STOPPED          0x00000040u
#define STATUS_AREA_GA      0x1200
#define ARCH_MODE_ID_GA     0xa3
#define LC_RESTART_OLD_PSW  0x120
#define LC_RESTART_NEW_PSW  0x1a0

void vcpu_cpu_reset(struct vcpu *t)
{
    if (t->state != VCPU_STOPPED)
        vcpu_stop(t);
    t->irq = 0;
    t->emerg_from = 0;
}

void vcpu_reset(struct vcpu *t, bool clear)
{
    uint8_t *sd = vcpu_sd(t);
    vcpu_cpu_reset(t);
    memset(sd, 0, SD_SIZE);
    st_be32(sd + SD_CPUFLAGS, CPUSTAT_ZARCH | CPUSTAT_SM);
    st_be16(sd + SD_ICPUA, (uint16_t)t->id);
    st_be64(sd + SD_MSL, t->g->mem.size - 1);
    st_be64(sd + SD_GCR + 0 * 8, CR0_RESET);
    st_be64(sd + SD_GCR + 14 * 8, CR14_RESET);
    st_be64(sd + SD_EPOCH, t->g->epoch);       /* the TOD clock is not reset */
    t->fpc = 0;
    if (clear) {
        memset(t->gr, 0, sizeof(t->gr));
        memset(t->fpr, 0, sizeof(t->fpr));
        memset(t->ar, 0, sizeof(t->ar));
    }
}

static bool stopped(const struct vcpu *t) { return t->state == VCPU_STOPPED || t->state == VCPU_DEAD; }

/* The 512-byte save area (offsets from 0x1200 as in the lowcore) at guest absolute ga. */
static bool store_status(struct vcpu *t, uint64_t ga)
{
    uint8_t sa[512] = { 0 }, *sd = vcpu_sd(t);
    for (unsigned i = 0; i < 16; i++) {
        st_be64(sa + 0x00 + 8 * i, t->fpr[i]);
        st_be64(sa + 0x80 + 8 * i, t->gr[i]);
        st_be32(sa + 0x140 + 4 * i, t->ar[i]);
        st_be64(sa + 0x180 + 8 * i, ld_be64(sd + SD_GCR + 8 * i));
    }
    memcpy(sa + 0x100, sd + SD_GPSW, 16);
    memcpy(sa + 0x118, sd + SD_PREFIX, 4);
    st_be32(sa + 0x11c, t->fpc);
    memcpy(sa + 0x128, sd + SD_CPUTM, 8);
    st_be64(sa + 0x130, ld_be64(sd + SD_CKC) >> 8);
    return guest_write_ga(t->g, ga, sa, sizeof(sa)) == 0;
}

/* The restart interruption: taken at once by the target, which then runs. */
static void restart(struct vcpu *t)
{
    uint64_t mask, addr;
    uint8_t psw[16];
    vcpu_get_psw(t, &mask, &addr);
    st_be64(psw, mask);
    st_be64(psw + 8, addr);
    if (vcpu_write_ra(t, LC_RESTART_OLD_PSW, psw, 16) || vcpu_read_ra(t, LC_RESTART_NEW_PSW, psw, 16))
        return;
    vcpu_set_psw(t, ld_be64(psw), ld_be64(psw + 8));
    if (t->state != VCPU_RUNNING)
        vcpu_make_ready(t);
}

static uint32_t signal(struct vcpu *v, struct vcpu *t, unsigned order, uint64_t param)
{
    if (order == ORD_EXTERNAL_CALL) {
        if (t->irq & VIRQ_EXT_CALL)
            return ST_EXT_CALL;
        irq_external_call(t, v->id);
        return 0;
    }
    if (order == ORD_COND_EMERGENCY) {
        uint64_t mask, addr, io_ext = PSW_MASK_IO | PSW_MASK_EXT;
        vcpu_get_psw(t, &mask, &addr);
        bool wait = (mask & PSW_MASK_WAIT) != 0;
        bool applies = !stopped(t) || (mask & io_ext) != io_ext || (wait && addr) ||
                       (!wait && ((uint16_t)param == (uint16_t)vcpu_cr(t, 4) ||
                                  (uint16_t)param == (uint16_t)vcpu_cr(t, 3)));
        if (!applies)
            return ST_INCORRECT_STATE;
    }
    irq_emergency(t, v->id);
    return 0;
}

static uint32_t state_change(struct vcpu *t, unsigned order)
{
    switch (order) {
    case ORD_START:
        if (t->state == VCPU_STOPPED)
            vcpu_make_ready(t);
        return 0;
    case ORD_RESTART:
        restart(t);
        return 0;
    case ORD_STOP: case ORD_STOP_STORE:
        if (!stopped(t))
            vcpu_stop(t);
        if (order == ORD_STOP_STORE) {
            uint8_t one = 1;
            store_status(t, STATUS_AREA_GA);
            guest_write_ga(t->g, ARCH_MODE_ID_GA, &one, 1);
        }
        return 0;
    case ORD_INITIAL_RESET:
        vcpu_reset(t, false);
        return 0;
    default:                                   /* ORD_CPU_RESET */
        vcpu_cpu_reset(t);
        return 0;
    }
}

/* Set prefix and store status at address: only to a stopped vCPU, with an area that
 * exists (the prefix checked first, the store-status area second, as on the machine). */
static uint32_t area(struct vcpu *t, unsigned order, uint64_t param)
{
    if (order == ORD_SET_PREFIX) {
        uint32_t prefix = (uint32_t)param & 0x7fffe000u;
        if (prefix + 0x2000ULL > t->g->mem.size)
            return ST_INVALID_PARAM;
        if (!stopped(t))
            return ST_INCORRECT_STATE;
        st_be32(vcpu_sd(t) + SD_PREFIX, prefix);
        return 0;
    }
    if (!stopped(t))
        return ST_INCORRECT_STATE;
    return store_status(t, param & 0x7ffffe00u) ? 0 : ST_INVALID_PARAM;
}

static uint32_t order_status(struct vcpu *v, struct vcpu *t, unsigned order, uint64_t param)
{
    switch (order) {
    case ORD_SENSE:
        return (stopped(t) ? ST_STOPPED : 0) | ((t->irq & VIRQ_EXT_CALL) ? ST_EXT_CALL : 0);
    case ORD_SENSE_RUNNING:
        return t == v ? 0 : ST_NOT_RUNNING;
    case ORD_EXTERNAL_CALL: case ORD_EMERGENCY: case ORD_COND_EMERGENCY:
        return signal(v, t, order, param);
    case ORD_START: case ORD_STOP: case ORD_RESTART: case ORD_STOP_STORE:
    case ORD_INITIAL_RESET: case ORD_CPU_RESET:
        return state_change(t, order);
    case ORD_SET_PREFIX: case ORD_STORE_AT_ADDR:
        return area(t, order, param);
    default:
        return ST_INVALID_ORDER;
    }
}

/* AE SIGP R1,R3,D2(B2): order in the address's low byte, target CPU address in R3,
 * parameter in R1 (odd) or R1+1; status into R1's low word with CC 1. */
enum act sigp_handle(struct vcpu *v)
{
    uint16_t ipa = vcpu_ipa(v);
    unsigned r1 = (ipa >> 4) & 0xf, r3 = ipa & 0xf;
    unsigned order = (unsigned)(vcpu_ea_b2d2(v) & 0xff);
    uint64_t target = v->gr[r3] & 0xffff, param = v->gr[r1 | 1];
    struct guest *g = v->g;
    unsigned cc = 0;
    if (order == ORD_SET_ARCH) {
        cc = 0;                                /* already z/Architecture, every vCPU */
    } else if (target >= g->nvcpus) {
        cc = 3;
    } else {
        struct vcpu *t = &g->vcpu[target];
        uint32_t st = order_status(v, t, order, param);
        if (st) {
            v->gr[r1] = (v->gr[r1] & 0xffffffff00000000ULL) | st;
            cc = 1;
        }
    }
    vcpu_set_cc(v, cc);
    if (v->state == VCPU_STOPPED)              /* it stopped itself */
        return hyp_vcpu_stopped(v);
    return v->g->end == GUEST_RUNNING ? ACT_CONTINUE : ACT_GUEST_ENDED;
}
