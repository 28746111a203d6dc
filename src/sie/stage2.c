/* Guest storage under SIE: guest absolute -> host absolute (stage 2), the guest CPU's
 * memory ops (guest DAT with its tables read through stage 2, then stage 2) and the
 * machine services its interpreted instructions use (docs/sie.md "Guest storage"). */
#include "internal.h"

/* Note a table entry a translation in progress depends on (shadow construction). */
static void note_dep(struct sie_ctx *s, uint64_t haa)
{
    if (!s->recording)
        return;
    for (unsigned i = 0; i < s->ndeps; i++)
        if (s->deps[i] == haa)
            return;
    if (s->ndeps == SHADOW_MAX_DEPS) {
        s->deps_overflow = true;
        return;
    }
    s->deps[s->ndeps++] = haa;
}

/* The host's DAT tables are in host absolute storage. */
static int host_read_entry(void *ctx, uint64_t aa, uint64_t *entry)
{
    struct sie_ctx *s = ctx;
    if ((aa & 7) || aa >= s->m->storage_size)
        return PGM_ADDRESSING;
    note_dep(s, aa);
    *entry = ld_be64(s->m->storage + aa);
    return 0;
}

static int host_fault(struct sie_ctx *s, int pgm, uint64_t teid)
{
    s->host_pgm = pgm;
    s->host_teid = teid;
    s->st.host_faults++;
    return PGM_HOST | pgm;
}

/* Stage 2 of one guest absolute address; *host_prot says whether the host's tables
 * protect the frame (a store then faults at host level). */
static int stage2_walk(struct sie_ctx *s, uint64_t ga, enum acc acc, uint64_t *haa, bool *host_prot)
{
    *host_prot = false;
    if (ga > s->glast)
        return PGM_ADDRESSING;                 /* beyond MSL: the guest's exception */
    uint64_t hva = s->mso + ga;
    if (!s->sm) {
        *haa = hva;                            /* inside host storage: checked at entry */
        return 0;
    }
    struct dat_tables t = { host_read_entry, NULL, s };
    struct dat_result r;
    struct dat_fault f;
    unsigned opts = s->host_opts | (acc == ACC_STORE ? DAT_STORE : 0);
    int pgm = dat_translate_va(&t, s->host_asce, hva, opts, 0, &r, &f);
    if (pgm)
        return host_fault(s, pgm, f.teid);
    uint64_t aa = r.absolute ? r.addr : dat_real_to_abs(s->host_prefix, r.addr);
    if (aa >= s->m->storage_size)
        return host_fault(s, PGM_ADDRESSING, hva & ~PAGE_MASK_LOW);
    *haa = aa;
    *host_prot = r.protect;
    return 0;
}

int sie_stage2(struct sie_ctx *s, uint64_t ga, enum acc acc, uint64_t *haa)
{
    bool host_prot;
    return stage2_walk(s, ga, acc, haa, &host_prot);
}

int sie_map_prefix(struct sie_ctx *s)
{
    uint64_t haa;
    int pgm = sie_stage2(s, s->g.prefix, ACC_STORE, &haa);
    if (pgm)
        return pgm;
    s->lowcore_ha = s->m->storage + haa;
    return 0;
}

/* A guest table entry for a shadowed walk: read through stage 2, noting the entry and
 * every host entry used to reach it. */
static int guest_read_entry(void *ctx, uint64_t aa, uint64_t *entry)
{
    struct sie_ctx *s = ctx;
    uint64_t haa;
    bool host_prot;
    if (aa & 7)
        return PGM_ADDRESSING;
    int pgm = stage2_walk(s, aa, ACC_FETCH, &haa, &host_prot);
    if (pgm)
        return pgm;
    note_dep(s, haa);
    *entry = ld_be64(s->m->storage + haa);
    return 0;
}

/* The TEID of a DAT-protection exception, as the walker stores it. */
static uint64_t dat_prot_teid(uint64_t va, unsigned id, unsigned opts)
{
    return (va & ~PAGE_MASK_LOW) | TEID_DAT_PROT | (id & 3) | ((opts & DAT_FSI) ? TEID_STORE : 0);
}

/* Walk guest DAT and stage 2 for va (as a fetch), recording what the result depends
 * on, and cache it unless prefixing took part. Returns 0 or the walk's PGM code. */
static int shadow_fill(struct sie_ctx *s, const struct shadow_key *k, uint64_t va, unsigned opts,
                       unsigned id, struct shadow_xlate *x)
{
    struct cpu *g = &s->g;
    struct dat_tables t = { guest_read_entry, NULL, s };
    struct dat_result r;
    struct dat_fault f;
    s->recording = true;
    s->ndeps = 0;
    s->deps_overflow = false;
    int pgm = dat_translate_va(&t, k->asce, va, opts & ~DAT_STORE, id, &r, &f);
    uint64_t aa = 0;
    if (!pgm && r.protect && (opts & DAT_STORE)) {
        s->recording = false;                  /* the guest's exception, before stage 2 */
        g->fault.teid = dat_prot_teid(va, id, opts);
        return PGM_PROTECTION;
    }
    if (!pgm) {
        aa = r.absolute ? r.addr : dat_real_to_abs(g->prefix, r.addr);
        x->protect = r.protect;
        pgm = stage2_walk(s, aa & ~PAGE_MASK_LOW, ACC_FETCH, &x->haa, &x->host_protect);
    }
    s->recording = false;
    if (pgm) {                                 /* walked as a fetch: the TEID's FSI */
        if (!(pgm & PGM_HOST))                 /* bits must name the real access */
            g->fault.teid = (opts & DAT_FSI) ? (f.teid & ~(TEID_FETCH | TEID_STORE)) |
                            ((opts & DAT_STORE) ? TEID_STORE : TEID_FETCH) : f.teid;
        return pgm;
    }
    bool prefixed = !r.absolute && (aa & ~PAGE_MASK_LOW) != (r.addr & ~PAGE_MASK_LOW);
    bool low = !r.absolute && (r.addr < 0x2000 || (r.addr >= g->prefix && r.addr < g->prefix + 0x2000));
    if (!prefixed && !low && !s->deps_overflow)  /* prefixing varies by CPU: not cached */
        shadow_insert(s->m->shadow, k, va & ~PAGE_MASK_LOW, x, s->deps, s->ndeps);
    return 0;
}

/* Guest DAT through the shadow translations: a hit skips both walks; protection, keys
 * and reference/change bits are checked on every access as the walk path does. */
static int shadow_translate(struct cpu *g, uint64_t va, enum acc acc, uint8_t **page_hva, bool *writable)
{
    struct sie_ctx *s = g->sie;
    uint64_t asce;
    unsigned id;
    int pgm = machine_select_asce(g, acc, &asce, &id);
    if (pgm)
        return pgm;
    unsigned opts = machine_dat_opts(g, acc);
    struct shadow_key k = { asce, s->s2id | ((opts & DAT_EDAT1) ? 2 : 0) };
    struct shadow_xlate x;
    if (!shadow_lookup(s->m->shadow, &k, va & ~PAGE_MASK_LOW, &x) &&
        (pgm = shadow_fill(s, &k, va, opts, id, &x)))
        return pgm;
    if (acc == ACC_STORE && x.protect) {
        g->fault.teid = dat_prot_teid(va, id, opts);
        return PGM_PROTECTION;
    }
    if (acc == ACC_STORE && x.host_protect)     /* the walks raise the host's exception */
        return machine_translate(g, va, acc, page_hva, writable);
    struct xlate_info xi = { (asce & ASCE_PRIVATE) != 0, x.protect };
    return machine_access_frame(g, va, x.haa, acc, &xi, page_hva, writable);
}

static int guest_translate(struct cpu *g, uint64_t va, enum acc acc, uint8_t **page_hva, bool *writable)
{
    g->fault.teid = va & ~PAGE_MASK_LOW;
    g->fault.access_id = 0;
    if (g->shadow && (g->psw.mask & PSW_MASK_DAT))
        return shadow_translate(g, va, acc, page_hva, writable);
    return machine_translate(g, va, acc, page_hva, writable);
}

/* The guest's prefix page 0, mapped at entry (interruptions store only below 0x1000);
 * handed out as a store so that decoded instructions and shadows there are dropped. */
static uint8_t *guest_lowcore(struct cpu *g)
{
    struct sie_ctx *s = g->sie;
    return machine_abs_store(s->m, (uint64_t)(s->lowcore_ha - s->m->storage), 0x1000);
}

/* Guest TLBs of every context: guest invalidations reach the guest CPUs of the machine
 * (a wider set than one guest's vCPUs, never a narrower one). */
static void guest_tlb_flush_all(struct cpu *g)
{
    struct sie_ctx *s = g->sie;
    for (unsigned i = 0; i < s->m->ncpus; i++)
        if (s->m->sie[i])
            cpu_tlb_flush(&s->m->sie[i]->g);
}

static void guest_tlb_flush_page_index(struct cpu *g, unsigned px)
{
    struct sie_ctx *s = g->sie;
    for (unsigned i = 0; i < s->m->ncpus; i++)
        if (s->m->sie[i])
            cpu_tlb_flush_page_index(&s->m->sie[i]->g, px);
}

static void guest_tlb_flush_index_range(struct cpu *g, unsigned shift, unsigned first, unsigned count)
{
    struct sie_ctx *s = g->sie;
    for (unsigned i = 0; i < s->m->ncpus; i++)
        if (s->m->sie[i])
            cpu_tlb_flush_index_range(&s->m->sie[i]->g, shift, first, count);
}

/* SSKE/RRBE on a guest frame: the key is the host frame's, so every TLB, host and
 * guest, drops its entries for that frame. */
static void guest_tlb_flush_frame(struct cpu *g, uint64_t ra)
{
    struct sie_ctx *s = g->sie;
    uint64_t haa;
    if (machine_to_host(g, dat_real_to_abs(g->prefix, ra), ACC_FETCH, &haa))
        return;
    uint8_t *page = s->m->storage + (haa & ~PAGE_MASK_LOW);
    for (unsigned i = 0; i < s->m->ncpus; i++) {
        if (s->m->cpu[i])
            cpu_tlb_flush_frame(s->m->cpu[i], page);
        if (s->m->sie[i])
            cpu_tlb_flush_frame(&s->m->sie[i]->g, page);
    }
}

/* Services whose instructions always intercept (icpt.c) never reach these. */
static int not_interpreted_servc(struct cpu *g, uint32_t command, uint64_t sccb_ra)
{
    (void)g, (void)command, (void)sccb_ra;
    return PGM_OPERATION;
}

static int not_interpreted_sigp(struct cpu *g, unsigned order, unsigned target, uint64_t param, uint32_t *status)
{
    (void)g, (void)order, (void)target, (void)param, (void)status;
    return PGM_OPERATION;
}

static int not_interpreted_pfmf(struct cpu *g, uint64_t addr, bool real, uint64_t len, unsigned ops, uint8_t key)
{
    (void)g, (void)addr, (void)real, (void)len, (void)ops, (void)key;
    return PGM_OPERATION;
}

static int not_interpreted_diag308(struct cpu *g, unsigned rx, unsigned ry)
{
    (void)g, (void)rx, (void)ry;
    return PGM_OPERATION;
}

static void not_interpreted_set_tod(struct cpu *g, uint64_t tod)
{
    (void)g, (void)tod;
}

const struct mem_ops sie_mem_ops = { guest_translate, guest_lowcore };

const struct sys_ops sie_sys_ops = {
    .servc = not_interpreted_servc, .sigp = not_interpreted_sigp, .tod = vtime_tod,
    .set_tod = not_interpreted_set_tod, .cpu_timer = vtime_cpu_timer,
    .set_cpu_timer = vtime_set_cpu_timer, .skey = machine_skey,
    .tlb_flush_all = guest_tlb_flush_all, .tlb_flush_frame = guest_tlb_flush_frame,
    .tlb_flush_page_index = guest_tlb_flush_page_index,
    .tlb_flush_index_range = guest_tlb_flush_index_range, .lra = machine_lra,
    .ipte = machine_ipte, .idte = machine_idte, .real_access = machine_real_access,
    .tprot = machine_tprot, .vskey = machine_vskey, .pfmf = not_interpreted_pfmf,
    .cpu_count = machine_cpu_count, .diag308 = not_interpreted_diag308,
};
