/* What intercepts: instructions the host must see, the interception controls of the
 * state description, and program interruptions (spec/zarch.md §7.3-7.4; docs/sie.md
 * "What runs interpreted and what intercepts"). */
#include "internal.h"

static unsigned op1(uint64_t iw) { return (unsigned)(iw >> 56); }
static unsigned op2(uint64_t iw) { return (unsigned)(iw >> 48) & 0xff; }
static unsigned op5(uint64_t iw) { return (unsigned)(iw >> 16) & 0xff; }

/* B2xx instructions the host always handles: clock setting, prefix, CPU identity,
 * SIE itself, SERVC, STSI, STFL, TB, SIGA and every channel-subsystem instruction. */
static bool b2_always(unsigned op)
{
    switch (op) {
    case 0x02: case 0x04: case 0x10: case 0x11: case 0x12: case 0x14: case 0x20:
    case 0x2c: case 0x5f: case 0x74: case 0x76: case 0x7d: case 0xb1:
        return true;
    default:
        return op >= 0x30 && op <= 0x3c;
    }
}

static bool always_intercepts(uint64_t iw)
{
    switch (op1(iw)) {
    case 0x83: case 0xae:                      /* DIAGNOSE, SIGP */
        return true;
    case 0x01:                                 /* PTFF, SCKPF */
        return op2(iw) == 0x04 || op2(iw) == 0x07;
    case 0xb2:
        return b2_always(op2(iw));
    case 0xb9:                                 /* ESSA, PFMF: no assist yet */
        return op2(iw) == 0xab || op2(iw) == 0xaf;
    default:
        return false;
    }
}

/* LCTL/LCTLG of control registers r1..r3 (wrapping): intercept when the SD's lctl
 * mask has a bit for any of them. */
static bool lctl_intercepts(const struct sie_ctx *s, uint64_t iw)
{
    unsigned r1 = (unsigned)(iw >> 52) & 0xf, r3 = (unsigned)(iw >> 48) & 0xf;
    for (unsigned r = r1;; r = (r + 1) & 0xf) {
        if (s->lctl & (0x8000u >> r))
            return true;
        if (r == r3)
            return false;
    }
}

/* Interceptions the SD's controls ask for. */
static bool controls_intercept(const struct sie_ctx *s, uint64_t iw)
{
    switch (op1(iw)) {
    case 0x82: return (s->ictl & ICTL_LPSW) != 0;
    case 0xb6: return (s->ictl & ICTL_STCTL) != 0;
    case 0xb7: return lctl_intercepts(s, iw);
    case 0xe5: return op2(iw) == 0x01 && (s->ictl & ICTL_TPROT);
    case 0xeb:
        if (op5(iw) == 0x25)
            return (s->ictl & ICTL_STCTL) != 0;
        return op5(iw) == 0x2f && lctl_intercepts(s, iw);
    case 0xb2:
        switch (op2(iw)) {
        case 0x29: return (s->ictl & ICTL_ISKE) != 0;
        case 0x2a: return (s->ictl & ICTL_RRBE) != 0;
        case 0x2b: return (s->ictl & ICTL_SSKE) != 0;
        default: return false;
        }
    default:
        return false;
    }
}

/* Record the instruction's bytes: IPA the first halfword, IPB the next four. */
static void note_instruction(struct sie_ctx *s, uint64_t iw)
{
    s->ipa = (uint16_t)(iw >> 48);
    s->ipb = (uint32_t)(iw >> 16);
    s->icptstatus = s->g.ex_len ? (uint8_t)(0x01 | (s->g.ex_len << 4)) : 0;
}

int sie_guest_insn(struct cpu *g, const struct dispatch *d, uint64_t iw)
{
    struct sie_ctx *s = g->sie;
    (void)d;
    if (!always_intercepts(iw) && !controls_intercept(s, iw))
        return 0;
    note_instruction(s, iw);
    s->icpt = ICPT_INST;                       /* the PSW already points past it */
    return RC_EXIT;
}

/* The instruction at the guest's c->ia, for IPA/IPB of an interception that starts
 * from a program interruption (the handler had no table row, or it raised it). */
static uint64_t fetch_again(struct cpu *g)
{
    uint8_t b[6] = { 0 };
    if (mem_read_slow(g, g->ia, b, 2))
        return 0;
    unsigned len = ilen_of(b[0]);
    if (len > 2 && mem_read_slow(g, g->ia + 2, b + 2, len - 2))
        return 0;
    uint64_t iw = 0;
    for (unsigned i = 0; i < 6; i++)
        iw |= (uint64_t)b[i] << (56 - 8 * i);
    return iw;
}

/* An operation exception of an instruction zhyp has no row for: channel-subsystem and
 * the other always-intercepted ones go to the host as instruction interceptions. */
static bool operation_intercepts(struct sie_ctx *s, struct cpu *g, unsigned ilen)
{
    if (g->psw.mask & PSW_MASK_PSTATE)
        return false;
    uint64_t iw = fetch_again(g);
    if (always_intercepts(iw)) {
        note_instruction(s, iw);
        s->icpt = ICPT_INST;
        return true;
    }
    if (s->ictl & ICTL_OPEREXC) {
        note_instruction(s, iw);
        s->icpt = ICPT_OPEREXC;
        return true;
    }
    (void)ilen;
    return false;
}

bool sie_guest_program(struct cpu *g, int code, unsigned ilen, enum cpu_exit *why)
{
    struct sie_ctx *s = g->sie;
    *why = CPU_EXIT_EVENT;
    if ((code & PGM_HOST) || s->host_pgm) {
        g->psw.addr = g->ia;                   /* nullified: it runs again on re-entry */
        if (!s->host_pgm)
            s->host_pgm = code & 0xff;
        return true;
    }
    if ((code & 0xff) == PGM_OPERATION && operation_intercepts(s, g, ilen))
        return true;
    if (!(s->ictl & ICTL_PINT))
        return false;
    s->icpt = ICPT_PROGI;
    s->pgm_code = code & ~PGM_EARLY;
    s->pgm_ilc = (code & PGM_EARLY) ? 0 : ilen;
    s->pgm_teid = g->fault.teid;
    s->pgm_eai = g->fault.access_id;
    s->pgm_dxc = g->dxc;
    return true;
}

bool sie_host_fault_pending(const struct cpu *g)
{
    return g->sie->host_pgm != 0;
}

/* MOVE PAGE hit a host-level fault: the host is told through interception 0x38 with
 * the instruction in IPA/IPB and the guest PSW after it; it makes both pages resident
 * and backs the PSW up to retry (spec §7.3, as KVM's handler does). Nothing moved. */
int sie_partial_execution(struct cpu *g, uint64_t iw)
{
    struct sie_ctx *s = g->sie;
    s->host_pgm = 0;
    note_instruction(s, iw);
    s->icpt = ICPT_PARTEXEC;
    return RC_EXIT;
}

void sie_icpt_validity(struct sie_ctx *s, uint16_t reason)
{
    s->icpt = ICPT_VALIDITY;
    s->ipa = SIE_VALIDITY_IPA;
    s->ipb = (uint32_t)reason << 16;
    s->icptstatus = 0;
}
