/* CPU state: reset, PSW loading, TLB flushing and interruption delivery
 * (PoP ch.4 "Program-Status Word", ch.6 "Interruptions"; zarch.md §1-3). */
#include <stdio.h>

#include "insn.h"
#include "intr.h"
#include "zhyp/sie.h"

/* Facilities zhyp implements (STFLE bit order). Only bits whose instructions (or,
 * for 9, SIGP order) exist are set: the dispatch table is filtered by these, and STFLE
 * reports them. */
const uint8_t cpu_default_facilities[32] = {
    [0] = 0x80 | 0x40 | 0x20 | 0x01,   /* 0 N3, 1 z/Arch installed, 2 z/Arch active, 7 STFLE */
    [1] = 0x40,                        /* 9 sense-running-status (SIGP order 0x15) */
    [2] = 0x80 | 0x20 | 0x04 | 0x02,   /* 16 ETF2, 18 long displacement, 21 extended immediate, 22 ETF3 */
    [3] = 0x80 | 0x40 | 0x20 | 0x02,   /* 24 ETF2 enhancement, 25 store clock fast, 26 parsing enh., 30 ETF3 enh. */
    [4] = 0x20 | 0x10 | 0x04,          /* 34 general-instructions ext., 35 execute ext., 37 FP extension */
    [5] = 0x40 | 0x04,                 /* 41 FP-support enhancement, 45 z196 bundle */
    [6] = 0x40,                        /* 49 zEC12 bundle (misc-instruction extension ...) */
    [9] = 0x10,                        /* 75 access-exception fetch/store indication */
};

void cpu_tlb_flush(struct cpu *c)
{
    for (unsigned i = 0; i < TLB_ENTRIES; i++)
        cpu_tlb_drop(c, i);
    c->fetch_va = ~0ULL;
    c->fetch_hva = NULL;
}

/* Whether entry i leads to the host page ha through either tag. */
static bool tlb_leads_to(const struct tlb *t, unsigned i, uintptr_t ha)
{
    return (t->tag_r[i] != TLB_INVALID && t->tag_r[i] + t->addend[i] == ha) ||
           (t->tag_w[i] != TLB_INVALID && t->tag_w[i] + t->addend[i] == ha);
}

/* Drop the entries that lead to the host page page_ha (a frame whose key changed). */
void cpu_tlb_flush_frame(struct cpu *c, const uint8_t *page_ha)
{
    for (unsigned i = 0; i < TLB_ENTRIES; i++)
        if (tlb_leads_to(&c->tlb, i, (uintptr_t)page_ha))
            cpu_tlb_drop(c, i);
    if (c->fetch_hva == page_ha)
        c->fetch_va = ~0ULL;
}

void cpu_tlb_revoke_write(struct cpu *c, const uint8_t *page_ha)
{
    struct tlb *t = &c->tlb;
    for (unsigned i = 0; i < TLB_ENTRIES; i++)
        if (t->tag_w[i] != TLB_INVALID && t->tag_w[i] + t->addend[i] == (uintptr_t)page_ha)
            t->tag_w[i] = TLB_INVALID;
}

/* Drop the entries of virtual pages whose page index (address bits 44-51) is px: the
 * TLB is indexed by exactly those bits, so that is one entry (IPTE). */
void cpu_tlb_flush_page_index(struct cpu *c, unsigned px)
{
    cpu_tlb_drop(c, px & (TLB_ENTRIES - 1));
    if (((c->fetch_va >> 12) & 0xff) == (px & 0xff))
        c->fetch_va = ~0ULL;
}

/* Drop the entries of virtual addresses whose 11-bit table index at bit position 'shift'
 * (20 segment, 31 region third, 42 region second, 53 region first) lies in
 * [first, first + count), wrapping at 2048: what IDTE invalidates or clears. */
void cpu_tlb_flush_index_range(struct cpu *c, unsigned shift, unsigned first, unsigned count)
{
    for (unsigned i = 0; i < TLB_ENTRIES; i++) {
        uint64_t tag = c->tlb.tag_r[i] != TLB_INVALID ? c->tlb.tag_r[i] : c->tlb.tag_w[i];
        if (tag != TLB_INVALID && ((((unsigned)(tag >> shift) & 0x7ff) - first) & 0x7ff) < count)
            cpu_tlb_drop(c, i);
    }
    if (c->fetch_va != ~0ULL && ((((unsigned)(c->fetch_va >> shift) & 0x7ff) - first) & 0x7ff) < count)
        c->fetch_va = ~0ULL;
}

void cpu_release(struct cpu *c)
{
    if (c->icache_owned)
        icache_free(c->icache);
    c->icache = NULL;
    c->icache_owned = false;
}

void cpu_init(struct cpu *c, const uint8_t *fac)
{
    memset(c, 0, sizeof(*c));
    c->fac = fac ? fac : cpu_default_facilities;
    c->isa = isa_get(c->fac);
    c->amask = 0xffffff;
    cpu_tlb_flush(c);
}

static uint64_t amask_of(uint64_t mask)
{
    if (mask & PSW_MASK_EA)
        return ~0ULL;
    return (mask & PSW_MASK_BA) ? 0x7fffffffULL : 0xffffffULL;
}

/* Load a whole PSW (LPSWE, interruptions, reset). The CC moves into c->cc. Flags that
 * change what the fast path may do (problem state, key, DAT, ASC, addressing mode: the
 * TLB holds only pages of the current mode, xop_fast.c x_ea_tlb) flush the TLB. */
void cpu_set_psw(struct cpu *c, uint64_t mask, uint64_t addr)
{
    const uint64_t xlate_bits = PSW_MASK_DAT | PSW_MASK_KEY | PSW_MASK_ASC | PSW_MASK_PSTATE |
                                PSW_MASK_EA | PSW_MASK_BA;
    if ((mask ^ c->psw.mask) & xlate_bits)
        cpu_tlb_flush(c);
    c->cc = (unsigned)((mask & PSW_MASK_CC) >> PSW_SHIFT_CC);
    c->psw.mask = mask & ~PSW_MASK_CC;
    c->amask = amask_of(mask);
    c->psw.addr = addr & c->amask;
    /* A guest CPU steps every privileged row through insn_execute: some intercept. */
    c->priv_flags = ((mask & PSW_MASK_PSTATE) || c->sie ? I_PRIV : 0) | I_SYNC;
}

uint64_t cpu_psw_mask(const struct cpu *c)
{
    return c->psw.mask | ((uint64_t)c->cc << PSW_SHIFT_CC);
}

/* Swap PSWs through the lowcore: old PSW to 'old_off', new PSW from 'new_off'. */
static void swap_psw(struct cpu *c, uint8_t *lc, unsigned old_off, unsigned new_off)
{
    st_be64(lc + old_off, cpu_psw_mask(c));
    st_be64(lc + old_off + 8, c->psw.addr);
    cpu_set_psw(c, ld_be64(lc + new_off), ld_be64(lc + new_off + 8));
}

static bool code_has_teid(int code)
{
    switch (code & 0xff) {
    case PGM_PROTECTION: case PGM_SEGMENT_TRANS: case PGM_PAGE_TRANS: case PGM_ASCE_TYPE:
    case PGM_REGION_FIRST_TRANS: case PGM_REGION_SECOND_TRANS: case PGM_REGION_THIRD_TRANS:
    case PGM_SPACE_SWITCH: case PGM_DISCARD:
        return true;
    default:
        return false;
    }
}

/* Program interruption for the instruction at c->ia of length ilen. Nullifying codes
 * point the old PSW at the instruction; the others leave it after the instruction. */
bool cpu_interrupt_program(struct cpu *c, int code, unsigned ilen, enum cpu_exit *why)
{
    uint16_t op_regs = c->fault.op_regs;   /* one interruption's worth */
    c->fault.op_regs = 0;
    if (code & PGM_EARLY) {             /* the new PSW is the old PSW; nothing to point back */
        code &= ~PGM_EARLY;
        ilen = 0;
    } else if (pgm_is_nullifying(code) || (code & PGM_HOST))
        c->psw.addr = c->ia;
    if (c->sie && sie_guest_program(c, code, ilen, why))
        return true;                    /* intercepted, or a host-level fault */
    /* With the AFP-register control on (always for Linux user space) the DXC also goes
     * to byte 2 of the FPC. */
    if ((code & 0xff) == PGM_DATA && (c->user_mode || (c->cr[0] & CR0_AFP)))
        c->fpc = (c->fpc & ~0xff00u) | ((c->dxc & 0xff) << FPC_DXC_SHIFT);
    uint8_t *lc = c->mops->lowcore ? c->mops->lowcore(c) : NULL;
    if (c->user_mode || !lc) {
        c->pgm_code = code;
        c->pgm_ia = c->ia;
        c->ilen = (uint16_t)ilen;
        *why = CPU_EXIT_PGM;
        return true;
    }
    if (c->trace_events & CPU_TRACE_PGM)
        fprintf(stderr, "pgm: cpu %u code 0x%04x ilc %u at %016llx teid %016llx\n", c->cpu_addr,
                (unsigned)code, ilen, (unsigned long long)c->ia, (unsigned long long)c->fault.teid);
    st_be16(lc + 0x8c, (uint16_t)ilen);
    st_be16(lc + 0x8e, (uint16_t)code);
    if ((code & 0xff) == PGM_DATA || (code & 0xff) == PGM_VECTOR_PROCESSING)
        st_be32(lc + 0x90, c->dxc);
    if (code_has_teid(code)) {
        st_be64(lc + 0xa8, c->fault.teid);
        lc[0xa0] = c->fault.access_id;
    }
    if ((code & 0xff) == PGM_PAGE_TRANS && op_regs)
        lc[0xa2] = (uint8_t)op_regs;           /* MVPG's R1 and R2 (zarch.md §2) */
    st_be64(lc + 0x110, c->ia);
    swap_psw(c, lc, 0x150, 0x1d0);
    return false;
}

/* An access or specification exception while fetching the instruction at c->ia:
 * nothing of the instruction is known, so the ILC is reported as 0 (zarch.md §3.1). */
bool cpu_interrupt_fetch(struct cpu *c, int code, enum cpu_exit *why)
{
    c->psw.addr = c->ia;
    return cpu_interrupt_program(c, code, 0, why);
}

void cpu_interrupt_early(struct cpu *c, int code)
{
    enum cpu_exit why;
    c->ia = c->psw.addr;
    cpu_interrupt_program(c, code | PGM_EARLY, 0, &why);
}

bool cpu_interrupt_svc(struct cpu *c, enum cpu_exit *why)
{
    uint8_t *lc = c->mops->lowcore ? c->mops->lowcore(c) : NULL;
    if (c->user_mode || !lc) {
        *why = CPU_EXIT_SVC;
        return true;
    }
    st_be16(lc + 0x88, c->ilen);            /* op_svc: 2, or 4/6 under EX/EXRL */
    st_be16(lc + 0x8a, c->svc_code);
    swap_psw(c, lc, 0x140, 0x1c0);
    return false;
}

/* Take one external interruption: code, CPU address, then the PSW swap. */
static void take_external(struct cpu *c, uint8_t *lc, uint16_t code, uint16_t cpu_addr)
{
    st_be16(lc + 0x84, cpu_addr);
    st_be16(lc + 0x86, code);
    swap_psw(c, lc, 0x130, 0x1b0);
}

/* A pending restart first (it cannot be masked), then external interruptions in
 * priority order: emergency signal, external call, clock comparator, CPU timer, service
 * signal; each only when its CR0 subclass mask is on. */
/* Whether cpu_deliver_pending would deliver something now. */
static bool interruption_due(const struct cpu *c)
{
    uint32_t p = c->ext_pending;
    uint64_t cr0 = c->cr[0];
    if (p & EXT_RESTART)
        return true;
    if (!(c->psw.mask & PSW_MASK_EXT))
        return false;
    return ((p & EXT_EMERGENCY) && (cr0 & CR0_EMERGENCY)) || ((p & EXT_EXT_CALL) && (cr0 & CR0_EXT_CALL)) ||
           ((p & EXT_CKC) && (cr0 & CR0_CKC)) || ((p & EXT_CPU_TIMER) && (cr0 & CR0_CPU_TIMER)) ||
           ((p & EXT_SERVICE) && (cr0 & CR0_SERVICE_SIG));
}

bool cpu_deliver_pending(struct cpu *c)
{
    if (c->in_sie && c->ext_pending && interruption_due(c))
        sie_leave_for_host(c);          /* the guest state goes back to its SD first */
    uint8_t *lc = c->mops->lowcore ? c->mops->lowcore(c) : NULL;
    if (!lc || !c->ext_pending)
        return false;
    if (c->ext_pending & EXT_RESTART) {
        c->ext_pending &= ~EXT_RESTART;
        swap_psw(c, lc, 0x120, 0x1a0);
        return true;
    }
    if (!(c->psw.mask & PSW_MASK_EXT))
        return false;
    if ((c->ext_pending & EXT_EMERGENCY) && (c->cr[0] & CR0_EMERGENCY)) {
        unsigned src = (unsigned)__builtin_ctzll(c->emerg_srcs);
        c->emerg_srcs &= c->emerg_srcs - 1;
        if (!c->emerg_srcs)
            c->ext_pending &= ~EXT_EMERGENCY;
        take_external(c, lc, 0x1201, (uint16_t)src);
        return true;
    }
    if ((c->ext_pending & EXT_EXT_CALL) && (c->cr[0] & CR0_EXT_CALL)) {
        c->ext_pending &= ~EXT_EXT_CALL;
        take_external(c, lc, 0x1202, c->ext_call_src);
        return true;
    }
    if ((c->ext_pending & EXT_CKC) && (c->cr[0] & CR0_CKC)) {
        take_external(c, lc, 0x1004, 0);   /* a condition: stays until the CKC moves */
        return true;
    }
    if ((c->ext_pending & EXT_CPU_TIMER) && (c->cr[0] & CR0_CPU_TIMER)) {
        take_external(c, lc, 0x1005, 0);
        return true;
    }
    if ((c->ext_pending & EXT_SERVICE) && (c->cr[0] & CR0_SERVICE_SIG)) {
        c->ext_pending &= ~EXT_SERVICE;
        st_be32(lc + 0x80, c->ext_param);
        take_external(c, lc, 0x2401, 0);
        return true;
    }
    return false;
}

enum cpu_exit cpu_attention(struct cpu *c)
{
    c->attention = 0;
    return CPU_EXIT_EVENT;
}
