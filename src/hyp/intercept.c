/* What CP does with each interception code (the shape of Linux's kvm intercept.c):
 * instructions go to priv.c, diag.c and sigp.c; waits park the vCPU until a timer or an
 * interruption; host-level faults of MVPG are resolved and the instruction retried;
 * anything CP cannot make sense of ends that guest, never the host. */
#include <inttypes.h>

#include "internal.h"

static const char *code_name(unsigned code)
{
    switch (code) {
    case ICPT_INST: return "instruction";
    case ICPT_WAIT: return "wait";
    case ICPT_EXTREQ: return "external request";
    case ICPT_IOREQ: return "I/O request";
    case ICPT_STOP: return "stop request";
    case ICPT_VALIDITY: return "validity";
    case ICPT_PARTEXEC: return "partial execution";
    default: return "unexpected";
    }
}

/* A guest whose vCPUs are all stopped or in a disabled wait has ended. */
static void check_guest_end(struct guest *g)
{
    bool dead = false;
    for (unsigned i = 0; i < g->nvcpus; i++) {
        enum vcpu_state s = g->vcpu[i].state;
        if (s != VCPU_STOPPED && s != VCPU_DEAD)
            return;
        dead |= s == VCPU_DEAD;
    }
    guest_end(g, dead ? GUEST_DISABLED_WAIT : GUEST_STOPPED);
}

enum act hyp_vcpu_stopped(struct vcpu *v)
{
    if (v->state != VCPU_STOPPED)
        vcpu_stop(v);
    check_guest_end(v->g);
    return v->g->end == GUEST_RUNNING ? ACT_PARKED : ACT_GUEST_ENDED;
}

/* A wait PSW: disabled (the vCPU is done for), or enabled (park until woken). */
static enum act wait_state(struct vcpu *v)
{
    uint64_t mask, addr;
    vcpu_get_psw(v, &mask, &addr);
    if (!(mask & (PSW_MASK_EXT | PSW_MASK_IO | PSW_MASK_MCHECK))) {
        v->g->wait_psw[0] = mask;
        v->g->wait_psw[1] = addr;
        v->state = VCPU_DEAD;
        v->since_ns = hyp_now(v->g->h);
        check_guest_end(v->g);
        return v->g->end == GUEST_RUNNING ? ACT_PARKED : ACT_GUEST_ENDED;
    }
    if (irq_deliverable(v))
        return ACT_CONTINUE;
    vcpu_wait(v);
    return ACT_PARKED;
}

/* MVPG met a page not yet resident: make both operands' pages resident through the
 * guest's DAT and run the instruction again (a guest-level fault is then the guest's). */
static enum act partial_execution(struct vcpu *v)
{
    uint32_t ipb = vcpu_ipb(v);
    unsigned r[2] = { (ipb >> 20) & 0xf, (ipb >> 16) & 0xf };
    for (unsigned i = 0; i < 2; i++) {
        for (unsigned tries = 0; tries < 4; tries++) {
            uint64_t ga, host_va;
            int pgm = sie_guest_translate_va(v->g->h->on->s, v->gr[r[i]], &ga, &host_va);
            if (!(pgm & PGM_HOST)) {
                if (!pgm)
                    gmem_fault(&v->g->mem, ga & ~PAGE_MASK_LOW);
                break;
            }
            if (gmem_fault(&v->g->mem, host_va))   /* a guest table page first */
                break;
        }
    }
    uint64_t mask, addr;
    vcpu_get_psw(v, &mask, &addr);
    vcpu_set_psw(v, mask, addr - 4);
    return ACT_CONTINUE;
}

/* Instruction length from the first opcode byte (PoP "Instruction Formats"). */
static unsigned insn_len(uint16_t ipa)
{
    unsigned top = ipa >> 14;
    return top == 0 ? 2 : top == 3 ? 6 : 4;
}

static bool dat_exception(int code)
{
    return code == PGM_PAGE_TRANS || code == PGM_SEGMENT_TRANS || (code >= 0x38 && code <= 0x3b);
}

enum act hyp_pgm(struct vcpu *v, int code)
{
    unsigned ilen = insn_len(vcpu_ipa(v));
    if (dat_exception(code)) {
        uint64_t mask, addr;
        uint8_t teid[8];
        st_be64(teid, sie_ctx_guest(v->g->h->on->s)->fault.teid);
        vcpu_get_psw(v, &mask, &addr);
        vcpu_set_psw(v, mask, addr - ilen);    /* nullified: the guest retries it */
        if (vcpu_write_ra(v, 0xa8, teid, 8)) {
            guest_end(v->g, GUEST_FAILED);
            return ACT_GUEST_ENDED;
        }
    }
    return irq_program(v, (uint16_t)code, ilen) ? ACT_GUEST_ENDED : ACT_CONTINUE;
}

static enum act instruction(struct vcpu *v)
{
    switch (vcpu_ipa(v) >> 8) {
    case 0x83:
        return diag_handle(v);
    case 0xae:
        return sigp_handle(v);
    default:
        return priv_handle(v);
    }
}

static enum act guest_broken(struct vcpu *v, unsigned code)
{
    char line[128];
    snprintf(line, sizeof(line), "zhyp: %s interception 0x%02x (ipa %04x ipb %08x): guest ended",
             code_name(code), code, vcpu_ipa(v), vcpu_ipb(v));
    guest_console_line(v->g, line);
    guest_end(v->g, GUEST_FAILED);
    return ACT_GUEST_ENDED;
}

enum act hyp_intercept(struct vcpu *v)
{
    unsigned code = vcpu_sd(v)[SD_ICPTCODE];
    v->st.icpt[(code >> 2) & 0x3f]++;
    if (v->g->h->o.trace & HYP_TRACE_ICPT) {
        uint64_t mask, addr;
        vcpu_get_psw(v, &mask, &addr);
        fprintf(stderr, "icpt: %" PRIu64 " %s.%u 0x%02x %s ipa %04x ipb %08x psw %016" PRIx64 " %016" PRIx64 "\n",
                hyp_now(v->g->h), v->g->name, v->id, code, code_name(code), vcpu_ipa(v),
                vcpu_ipb(v), mask, addr);
    }
    switch (code) {
    case ICPT_INST:
        return instruction(v);
    case ICPT_WAIT:
        return wait_state(v);
    case ICPT_EXTREQ: case ICPT_IOREQ:
        return ACT_CONTINUE;                   /* irq_prepare presents it before re-entry */
    case ICPT_STOP:
        return hyp_vcpu_stopped(v);
    case ICPT_PARTEXEC:
        return partial_execution(v);
    default:
        return guest_broken(v, code);
    }
}
