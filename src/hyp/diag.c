/* DIAGNOSE in a guest, by function code (the second-operand address's low 16 bits, as
 * z/VM and KVM read it; zarch.md §6): X'8' CP commands, X'44' and X'9C' yield, X'250'
 * block I/O, X'DC' statistics records, X'308' IPL functions. Every other code is a
 * specification exception, as z/VM gives for a code it does not support. */
#include "internal.h"

#define DIAG308_RC_NO_PARMS 0x0102
#define DIAG308_RC_INVALID  0x0402
#define GUEST_STATUS_GA     0x1200          /* where SIGP stop-and-store puts status too */

/* The 8-byte ESA/390-format IPL PSW at guest absolute 0 starts vCPU v; an invalid one
 * is an early specification exception, as LPSW would give. */
static enum act load_normal(struct vcpu *v)
{
    uint8_t b[8];
    if (guest_read_ga(v->g, 0, b, 8)) {
        guest_end(v->g, GUEST_FAILED);
        return ACT_GUEST_ENDED;
    }
    uint32_t w0 = ld_be32(b), w1 = ld_be32(b + 4);
    uint64_t mask = ((uint64_t)(w0 & ~0x00080000u) << 32) | (w1 & 0x80000000u);
    uint64_t addr = w1 & 0x7fffffffu;
    bool valid = (w0 & 0x00080000u) && !(mask & PSW_MASK_RESERVED) && !(addr & 1) &&
                 ((mask & PSW_MASK_BA) || addr <= 0xffffff);
    vcpu_set_psw(v, mask, addr);
    if (!valid && irq_program(v, PGM_SPECIFICATION, 0))
        return ACT_GUEST_ENDED;
    vcpu_make_ready(v);
    return ACT_PARKED;
}

/* Subcodes 0 and 1: resets of the guest's vCPUs, then "load normal" on this one. */
static enum act diag308_reset(struct vcpu *v, unsigned subcode)
{
    struct guest *g = v->g;
    for (unsigned i = 0; i < g->nvcpus; i++) {
        struct vcpu *t = &g->vcpu[i];
        if (subcode == 0 || t == v)
            vcpu_reset(t, subcode == 0);
        else
            vcpu_cpu_reset(t);
    }
    return load_normal(v);
}

static enum act diag308(struct vcpu *v, unsigned rx, unsigned ry)
{
    uint64_t subcode = v->gr[ry];
    char err[256];
    switch (subcode) {
    case 0: case 1:
        return diag308_reset(v, (unsigned)subcode);
    case 3:
        if (guest_ipl(v->g, true, err, sizeof(err))) {
            guest_console_line(v->g, err);
            guest_end(v->g, GUEST_FAILED);
            return ACT_GUEST_ENDED;
        }
        return ACT_PARKED;
    case 5: case 6:
        if ((rx & 1) || (v->gr[rx] & PAGE_MASK_LOW))
            return hyp_pgm(v, PGM_SPECIFICATION);
        if (v->gr[rx] >= v->g->mem.size)
            return hyp_pgm(v, PGM_ADDRESSING);
        v->gr[rx + 1] = subcode == 5 ? DIAG308_RC_INVALID : DIAG308_RC_NO_PARMS;
        return ACT_CONTINUE;
    default:
        return hyp_pgm(v, PGM_SPECIFICATION);
    }
}

enum act diag_handle(struct vcpu *v)
{
    uint16_t ipa = vcpu_ipa(v);
    unsigned rx = (ipa >> 4) & 0xf, ry = ipa & 0xf;
    switch (vcpu_ea_b2d2(v) & 0xffff) {
    case 0x008:
        v->st.diag[1]++;
        return diag8(v, rx, ry);
    case 0x044: case 0x09c:                    /* yield (directed or not): end of slice */
        v->st.diag[0]++;
        return ACT_YIELD;
    case 0x250:
        v->st.diag[2]++;
        return diag250(v, rx, ry);
    case 0x0dc:
        v->st.diag[3]++;
        return diagdc(v, rx, ry);
    case 0x308:
        v->st.diag[3]++;
        return diag308(v, rx, ry);
    default:
        v->st.diag[3]++;
        return hyp_pgm(v, PGM_SPECIFICATION);
    }
}
