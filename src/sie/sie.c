/* START INTERPRETIVE EXECUTION: loading a guest from its state description, running it
 * on a guest CPU, and storing it back at every exit (spec/zarch.md §7; docs/sie.md). */
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"
#include "../cpu/icache.h"
#include "../cpu/intr.h"

static struct sie_ctx *ctx_new(struct machine *m, struct cpu *host)
{
    struct sie_ctx *s = calloc(1, sizeof(*s));
    if (!s)
        return NULL;
    s->m = m;
    s->host = host;
    cpu_init(&s->g, host->fac);
    if (m->icache && !icache_attach(m->icache, &s->g)) {
        free(s);
        return NULL;
    }
    s->g.sie = s;
    s->g.mops = &sie_mem_ops;
    s->g.sys = &sie_sys_ops;
    s->g.mctx = m;
    s->g.shadow = m->shadow;
    s->g.abs_base = m->storage;
    s->g.trace = host->trace;
    s->g.trace_events = host->trace_events;
    s->icpt = -1;
    return s;
}

void sie_ctx_free(struct sie_ctx *s)
{
    free(s);
}

const struct sie_stats *sie_ctx_stats(const struct sie_ctx *s) { return &s->st; }
struct cpu *sie_ctx_guest(struct sie_ctx *s) { return &s->g; }
void sie_ctx_tlb_flush(struct sie_ctx *s) { cpu_tlb_flush(&s->g); }

static uint8_t *sd(const struct sie_ctx *s) { return s->m->storage + s->sd_ha; }

/* cpuflags, storage limits and the facility list; 0 or a validity reason. */
static uint16_t load_controls(struct sie_ctx *s)
{
    const uint8_t *p = sd(s);
    struct cpu *h = s->host;
    s->cpuflags = ld_be32(p + SD_CPUFLAGS);
    if (s->cpuflags & (CPUSTAT_RRF | CPUSTAT_MCDS))
        return SIE_VIR_FLAGS;
    if (!(s->cpuflags & CPUSTAT_ZARCH))
        return SIE_VIR_ZARCH;
    if (s->cpuflags & (CPUSTAT_SLSV | CPUSTAT_SLSR))
        return SIE_VIR_SLS;
    s->ictl = ld_be32(p + SD_ICTL);
    s->lctl = ld_be16(p + SD_LCTL);
    s->sm = (s->cpuflags & CPUSTAT_SM) != 0;
    s->mso = ld_be64(p + SD_MSO) & ~0xfffffULL;
    uint64_t limit = ld_be64(p + SD_MSL) | 0xfffffULL;
    if (s->mso > limit || (!s->sm && limit >= s->m->storage_size))
        return SIE_VIR_MSO;
    s->glast = limit - s->mso;
    s->host_asce = h->cr[1];
    s->host_prefix = h->prefix;
    s->host_opts = ((h->cr[0] & CR0_EDAT1) && fac_has(h->fac, FAC_EDAT1) ? DAT_EDAT1 : 0) |
                   (fac_has(h->fac, FAC_ESOP_FSI) ? DAT_FSI : 0);
    s->s2id = sie_s2_number(s);
    uint32_t fac_ha = ld_be32(p + SD_FAC) & 0x7ffffff8u;
    memcpy(s->fac, h->fac, sizeof(s->fac));
    if (fac_ha) {
        if (fac_ha + sizeof(s->fac) > s->m->storage_size)
            return SIE_VIR_FAC;
        for (unsigned i = 0; i < sizeof(s->fac); i++)
            s->fac[i] &= s->m->storage[fac_ha + i];
    }
    return 0;
}

/* Whether the guest TLB may stay across this entry: the same SD re-entered on this host
 * CPU, with the same stage 2, prefix and translation control registers. Everything else
 * that changes translations drops guest TLB entries when it happens (host-level
 * invalidations, SSKE, shadow drops; docs/sie.md). Flushing at every entry cost 647 of
 * 2,812 host instructions of an interception round trip (callgrind, bench/sie). */
static bool tlb_still_valid(const struct sie_ctx *s, const uint8_t *p)
{
    const struct cpu *g = &s->g;
    static const unsigned xlate_crs[] = { 0, 1, 7, 13 };
    if (s->tlb_sd != s->sd_ha || s->tlb_s2 != s->s2id ||
        g->prefix != (ld_be32(p + SD_PREFIX) & 0x7fffe000u))
        return false;
    for (unsigned i = 0; i < 4; i++)
        if (g->cr[xlate_crs[i]] != ld_be64(p + SD_GCR + 8 * xlate_crs[i]))
            return false;
    return true;
}

/* Guest registers: GR 0-13, FPRs, FPC and ARs are the host's; the rest from the SD. */
static uint16_t load_guest(struct sie_ctx *s)
{
    const uint8_t *p = sd(s);
    struct cpu *g = &s->g, *h = s->host;
    memcpy(g->gr, h->gr, 14 * sizeof(g->gr[0]));
    g->gr[14] = ld_be64(p + SD_GG14);
    g->gr[15] = ld_be64(p + SD_GG15);
    memcpy(g->fpr, h->fpr, sizeof(g->fpr));
    memcpy(g->ar, h->ar, sizeof(g->ar));
    g->fpc = h->fpc;
    bool keep_tlb = tlb_still_valid(s, p);
    s->tlb_sd = ~0ULL;                         /* until this entry succeeds */
    for (unsigned i = 0; i < 16; i++)
        g->cr[i] = ld_be64(p + SD_GCR + 8 * i);
    g->prefix = ld_be32(p + SD_PREFIX) & 0x7fffe000u;
    g->cpu_addr = ld_be16(p + SD_ICPUA);
    g->fac = s->fac;
    g->epoch = ld_be64(p + SD_EPOCH);
    g->ckc = ld_be64(p + SD_CKC);
    g->icount = h->icount;                     /* one time base with the host (vtime.c) */
    g->idle_ns = h->idle_ns;
    vtime_set_cpu_timer(g, (int64_t)ld_be64(p + SD_CPUTM));
    g->ext_pending = 0;
    g->stopped = false;
    uint64_t mask = ld_be64(p + SD_GPSW), addr = ld_be64(p + SD_GPSW + 8);
    if (cpu_psw_invalid(mask, addr))
        return SIE_VIR_PSW;
    cpu_set_psw(g, mask, addr);                /* flushes when key, DAT, ASC or P change */
    if (!keep_tlb)
        cpu_tlb_flush(g);
    s->tlb_sd = s->sd_ha;
    s->tlb_s2 = s->s2id;
    if (g->prefix > s->glast || s->glast - g->prefix < 0x1fff)
        return SIE_VIR_PREFIX;
    return 0;
}

/* Store what the SD holds of the guest, the interception and its parameters. */
void sie_store_sd(struct sie_ctx *s, int icpt)
{
    uint8_t *p = machine_abs_store(s->m, s->sd_ha, SD_SIZE);
    struct cpu *g = &s->g, *h = s->host;
    if (icpt != ICPT_VALIDITY) {
        st_be64(p + SD_GPSW, cpu_psw_mask(g));
        st_be64(p + SD_GPSW + 8, g->psw.addr);
        st_be64(p + SD_GG14, g->gr[14]);
        st_be64(p + SD_GG15, g->gr[15]);
        for (unsigned i = 0; i < 16; i++)
            st_be64(p + SD_GCR + 8 * i, g->cr[i]);
        st_be64(p + SD_CPUTM, (uint64_t)vtime_cpu_timer(g));
        st_be64(p + SD_CKC, g->ckc);
        memcpy(h->gr, g->gr, 14 * sizeof(g->gr[0]));
        memcpy(h->fpr, g->fpr, sizeof(g->fpr));
        memcpy(h->ar, g->ar, sizeof(g->ar));
        h->fpc = g->fpc;
    }
    p[SD_ICPTCODE] = (uint8_t)icpt;
    bool has_insn = icpt == ICPT_INST || icpt == ICPT_OPEREXC || icpt == ICPT_PARTEXEC;
    p[SD_ICPTSTATUS] = has_insn ? s->icptstatus : 0;
    st_be16(p + SD_IHCPU, (uint16_t)h->cpu_addr);
    if (has_insn || icpt == ICPT_VALIDITY) {
        st_be16(p + SD_IPA, s->ipa);
        st_be32(p + SD_IPB, s->ipb);
    }
    if (icpt == ICPT_PROGI) {
        st_be16(p + SD_PGMILC, (uint16_t)s->pgm_ilc);
        st_be16(p + SD_IPRCC, (uint16_t)s->pgm_code);
        st_be32(p + SD_DXC, s->pgm_dxc);
        p[SD_EAI] = s->pgm_eai;
        st_be64(p + SD_TECMC, s->pgm_teid);
    }
    s->st.exits++;
    s->st.icpt[(icpt >> 2) & 0x3f]++;
    if (s->m->trace & MACHINE_TRACE_SIE)
        fprintf(stderr, "sie: cpu %u sd %08llx icpt 0x%02x ipa %04x ipb %08x psw %016llx %016llx\n",
                h->cpu_addr, (unsigned long long)s->sd_ha, (unsigned)icpt, s->ipa, s->ipb,
                (unsigned long long)cpu_psw_mask(g), (unsigned long long)g->psw.addr);
}

/* Load and check the SD at sd_ha. Returns 0 (guest ready), or a validity reason. */
static uint16_t sie_enter(struct sie_ctx *s, uint64_t sd_ha)
{
    s->sd_ha = sd_ha;
    s->icpt = -1;
    s->host_pgm = 0;
    s->st.entries++;
    uint16_t why = load_controls(s);
    return why ? why : load_guest(s);
}

/* Intervention requests and interpreted interruptions before the guest runs on:
 * returns an interception code, or -1 to run. */
static int before_run(struct sie_ctx *s)
{
    struct cpu *g = &s->g;
    uint32_t f = ld_be32(sd(s) + SD_CPUFLAGS);   /* the host may have set requests since */
    if (f & CPUSTAT_STOP_INT)
        return ICPT_STOP;
    if ((f & CPUSTAT_EXT_INT) && (g->psw.mask & PSW_MASK_EXT))
        return ICPT_EXTREQ;
    if ((f & CPUSTAT_IO_INT) && (g->psw.mask & PSW_MASK_IO))
        return ICPT_IOREQ;
    vtime_update_pending(g);
    cpu_deliver_pending(g);                    /* guest timers: interpreted */
    if (g->psw.mask & PSW_MASK_WAIT)
        return ICPT_WAIT;
    return -1;
}

/* A host-level fault ends the run: the SD gets the guest (code 0). */
static enum sie_end host_exit(struct sie_ctx *s, int *host_pgm)
{
    sie_store_sd(s, ICPT_NONE);
    *host_pgm = s->host_pgm;
    return SIE_END_HOST;
}

/* Run the loaded guest until an exit or budget instructions. */
static enum sie_end resume(struct sie_ctx *s, uint64_t budget, int *host_pgm)
{
    struct cpu *g = &s->g, *h = s->host;
    g->icount = h->icount;
    g->idle_ns = h->idle_ns;
    int pgm = sie_map_prefix(s);
    if (pgm & PGM_HOST)
        return host_exit(s, host_pgm);
    if (pgm) {
        sie_icpt_validity(s, SIE_VIR_PREFIX);
        sie_store_sd(s, ICPT_VALIDITY);
        return SIE_END_ICPT;
    }
    for (uint64_t left = budget;;) {
        int icpt = before_run(s);
        if (icpt >= 0) {
            s->icpt = icpt;
            break;
        }
        if (!left)
            return SIE_END_BUDGET;
        uint64_t until = vtime_insns_until_event(g), before = g->icount;
        cpu_run(g, until < left ? until : left);
        uint64_t ran = g->icount - before;
        left -= ran < left ? ran : left;
        h->icount += ran;
        s->st.guest_insns += ran;
        if (s->host_pgm)
            return host_exit(s, host_pgm);
        if (s->icpt >= 0)
            break;
    }
    sie_store_sd(s, s->icpt);
    return SIE_END_ICPT;
}

/* A host-level fault as the host's program interruption, old PSW at the SIE. */
static enum cpu_exit host_program(struct cpu *c, struct sie_ctx *s, int code)
{
    enum cpu_exit why = CPU_EXIT_EVENT;
    c->ia = s->sie_ia;
    c->psw.addr = s->sie_ia;
    c->fault.teid = s->host_teid;
    c->fault.access_id = 0;
    if (cpu_interrupt_program(c, code, 4, &why))
        return why;
    return CPU_EXIT_EVENT;
}

enum cpu_exit sie_host_run(struct cpu *c, uint64_t budget)
{
    struct sie_ctx *s = c->in_sie;
    int host_pgm = 0;
    enum sie_end e = resume(s, budget, &host_pgm);
    if (e == SIE_END_BUDGET)
        return CPU_EXIT_BUDGET;
    c->in_sie = NULL;
    if (e == SIE_END_HOST) {
        c->psw.addr = s->sie_ia;
        if (host_pgm)
            return host_program(c, s, host_pgm);
    }
    return CPU_EXIT_EVENT;
}

void sie_leave_for_host(struct cpu *c)
{
    struct sie_ctx *s = c->in_sie;
    sie_store_sd(s, ICPT_NONE);
    c->in_sie = NULL;
    c->psw.addr = s->sie_ia;
}

struct sie_ctx *sie_ctx_get(struct machine *m, struct cpu *host)
{
    sie_shadow_enable(m);
    if (!m->sie[host->cpu_addr])
        m->sie[host->cpu_addr] = ctx_new(m, host);
    return m->sie[host->cpu_addr];
}

/* A validity interception stored without a context (no memory for one). */
static void validity_without_ctx(uint8_t *p, uint16_t reason)
{
    p[SD_ICPTCODE] = ICPT_VALIDITY;
    st_be16(p + SD_IPA, SIE_VALIDITY_IPA);
    st_be32(p + SD_IPB, (uint32_t)reason << 16);
}

/* B214 SIE   - Start Interpretive Execution                [S] */
int op_sie(struct cpu *c, uint64_t iw)
{
    uint64_t ea = ea_rs(c, iw);
    struct machine *m = c->mctx;
    if (!c->sys || c->sie || c->user_mode)
        return PGM_OPERATION;                  /* a guest's SIE intercepts before this */
    if (ea & 0x1ff)
        return PGM_SPECIFICATION;
    uint64_t sd_ha = dat_real_to_abs(c->prefix, ea);
    uint8_t *p = machine_abs_store(m, sd_ha, SD_SIZE);
    if (!p)
        return PGM_ADDRESSING;
    struct sie_ctx *s = sie_ctx_get(m, c);
    if (!s) {
        validity_without_ctx(p, SIE_VIR_RESOURCE);
        return 0;
    }
    s->sie_ia = c->ex_len ? c->psw.addr - c->ex_len : c->ia;
    uint16_t why = sie_enter(s, sd_ha);
    if (why) {
        sie_icpt_validity(s, why);
        sie_store_sd(s, ICPT_VALIDITY);
        return 0;
    }
    c->in_sie = s;
    return RC_EXIT;                            /* cpu_run continues in sie_host_run */
}

enum sie_end sie_run(struct sie_ctx *s, uint64_t sd_ha, uint64_t budget, int *host_pgm)
{
    *host_pgm = 0;
    if ((sd_ha & 0x1ff) || sd_ha + SD_SIZE > s->m->storage_size)
        return SIE_END_BAD_SD;
    uint16_t why = sie_enter(s, sd_ha);
    if (why) {
        sie_icpt_validity(s, why);
        sie_store_sd(s, ICPT_VALIDITY);
        return SIE_END_ICPT;
    }
    enum sie_end e = resume(s, budget, host_pgm);
    if (e == SIE_END_BUDGET)
        sie_store_sd(s, ICPT_NONE);
    if (e == SIE_END_HOST && *host_pgm) {
        s->host->fault.teid = s->host_teid;
        s->host->fault.access_id = 0;
    }
    return e;
}

/* A host fault found while CP accessed guest storage: hand its page to the caller. */
static int host_fault_out(struct sie_ctx *s, int pgm, uint64_t *host_va)
{
    if (!(pgm & PGM_HOST))
        return pgm;
    *host_va = s->host_teid & ~PAGE_MASK_LOW;
    s->host_pgm = 0;
    return pgm;
}

int sie_guest_access_va(struct sie_ctx *s, uint64_t va, void *buf, unsigned len, bool write,
                        uint64_t *host_va)
{
    s->host_pgm = 0;
    int pgm = write ? mem_write_slow(&s->g, va, buf, len) : mem_read_slow(&s->g, va, buf, len);
    return host_fault_out(s, pgm, host_va);
}

int sie_guest_translate_va(struct sie_ctx *s, uint64_t va, uint64_t *ga, uint64_t *host_va)
{
    struct xlate_info xi;
    s->host_pgm = 0;
    int pgm = machine_to_absolute(&s->g, va, ACC_FETCH, ga, &xi);
    return host_fault_out(s, pgm, host_va);
}
