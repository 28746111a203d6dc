/* Booting and running the machine: an ELF like qemu-system-s390x -kernel (or a raw
 * binary at a given address), the run loop over CPUs with interruption delivery and wait
 * states, and the resets DIAG X'308' asks for (zarch.md §9.4; docs/boot.md). */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"
#include "zhyp/dat.h"
#include "zhyp/elf.h"
#include "zhyp/sie.h"

#define PARM_AREA_AA    0x10480ULL              /* where the command line goes */
#define PARM_AREA_MAX   0x380
#define SLICE           100000                   /* instructions per CPU turn */

/* The key of the frame behind real address ra; a guest's host-level fault reads as
 * NULL (addressing) here and reaches the host through sie_guest_program. */
uint8_t *machine_skey(struct cpu *c, uint64_t ra)
{
    struct machine *m = c->mctx;
    uint64_t haa;
    if (machine_to_host(c, dat_real_to_abs(c->prefix, ra), ACC_FETCH, &haa))
        return NULL;
    return &m->keys[haa >> 12];
}

/* Guest TLBs hold host frames too: a host-level invalidation drops all of them (the
 * shadow translations drop exactly, through the stores that changed the tables). */
static void flush_guest_tlbs(struct machine *m)
{
    for (unsigned i = 0; i < m->ncpus; i++)
        if (m->sie[i])
            sie_ctx_tlb_flush(m->sie[i]);
}

static void machine_tlb_flush_all(struct cpu *c)
{
    struct machine *m = c->mctx;
    for (unsigned i = 0; i < m->ncpus; i++)
        if (m->cpu[i])
            cpu_tlb_flush(m->cpu[i]);
    flush_guest_tlbs(m);
}

static void machine_tlb_flush_frame(struct cpu *c, uint64_t ra)
{
    struct machine *m = c->mctx;
    uint64_t aa = dat_real_to_abs(c->prefix, ra) & ~PAGE_MASK_LOW;
    if (aa >= m->storage_size)
        return;
    for (unsigned i = 0; i < m->ncpus; i++)
        if (m->cpu[i])
            cpu_tlb_flush_frame(m->cpu[i], m->storage + aa);
    for (unsigned i = 0; i < m->ncpus; i++)
        if (m->sie[i])
            cpu_tlb_flush_frame(sie_ctx_guest(m->sie[i]), m->storage + aa);
}

static void machine_tlb_flush_page_index(struct cpu *c, unsigned px)
{
    struct machine *m = c->mctx;
    for (unsigned i = 0; i < m->ncpus; i++)
        if (m->cpu[i])
            cpu_tlb_flush_page_index(m->cpu[i], px);
    flush_guest_tlbs(m);
}

static void machine_tlb_flush_index_range(struct cpu *c, unsigned shift, unsigned first, unsigned count)
{
    struct machine *m = c->mctx;
    for (unsigned i = 0; i < m->ncpus; i++)
        if (m->cpu[i])
            cpu_tlb_flush_index_range(m->cpu[i], shift, first, count);
    flush_guest_tlbs(m);
}

const struct sys_ops machine_sys_ops = {
    .servc = sclp_servc, .sigp = machine_sigp, .tod = vtime_tod, .set_tod = vtime_set_tod,
    .cpu_timer = vtime_cpu_timer, .set_cpu_timer = vtime_set_cpu_timer, .skey = machine_skey,
    .tlb_flush_all = machine_tlb_flush_all, .tlb_flush_frame = machine_tlb_flush_frame,
    .tlb_flush_page_index = machine_tlb_flush_page_index,
    .tlb_flush_index_range = machine_tlb_flush_index_range, .lra = machine_lra, .ipte = machine_ipte,
    .idte = machine_idte, .real_access = machine_real_access, .tprot = machine_tprot,
    .vskey = machine_vskey, .pfmf = machine_pfmf, .cpu_count = machine_cpu_count,
    .diag308 = machine_diag308,
};

/* The machine's CPUs have what the interpreter has plus the facilities that only make
 * sense with DAT: 3 DAT enhancement (IDTE, CSPG) and 8 EDAT-1 (PFMF, 1M frames). */
static const uint8_t *machine_facilities(void)
{
    static uint8_t fac[32];
    if (!fac[0]) {
        memcpy(fac, cpu_default_facilities, sizeof(fac));
        fac[FAC_DAT_ENH >> 3] |= 0x80 >> (FAC_DAT_ENH & 7);
        fac[FAC_EDAT1 >> 3] |= 0x80 >> (FAC_EDAT1 & 7);
    }
    return fac;
}

static int load_segments(struct machine *m, const struct elf_image *e, const char *path, char *err, size_t errlen)
{
    struct elf_seg s;
    for (unsigned i = 0; i < e->phnum; i++) {
        if (elf_segment(e, i, &s)) {
            snprintf(err, errlen, "%s: program header %u out of range", path, i);
            return -ENOEXEC;
        }
        if (s.type != ELF_PT_LOAD)
            continue;
        if (s.paddr > m->storage_size || s.memsz > m->storage_size - s.paddr) {
            snprintf(err, errlen, "%s: segment %u at %#" PRIx64 " does not fit in %" PRIu64 "M of storage",
                     path, i, s.paddr, m->storage_size >> 20);
            return -ENOSPC;
        }
        uint8_t *dst = machine_abs_store(m, s.paddr, s.memsz);
        memcpy(dst, s.data, s.filesz);
        memset(dst + s.filesz, 0, s.memsz - s.filesz);
    }
    return 0;
}

static int load_elf(struct machine *m, const char *path, uint64_t *entry, char *err, size_t errlen)
{
    struct elf_image e;
    int rc = elf_open(path, &e, err, errlen);
    if (rc)
        return rc;
    rc = load_segments(m, &e, path, err, errlen);
    *entry = e.entry;
    elf_close(&e);
    return rc;
}

/* A raw binary: the whole file at load_aa. */
static int load_raw(struct machine *m, const char *path, uint64_t load_aa, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -ENOENT;
    }
    long n = fseek(f, 0, SEEK_END) ? -1 : ftell(f);
    uint8_t *dst = n >= 0 ? machine_abs_store(m, load_aa, (uint64_t)n) : NULL;
    int rc = 0;
    if (n < 0 || fseek(f, 0, SEEK_SET)) {
        snprintf(err, errlen, "%s: cannot read the file", path);
        rc = -EIO;
    } else if (!dst) {
        snprintf(err, errlen, "%s: %ld bytes at %#" PRIx64 " do not fit in %" PRIu64 "M of storage",
                 path, n, load_aa, m->storage_size >> 20);
        rc = -ENOSPC;
    } else if (fread(dst, 1, (size_t)n, f) != (size_t)n) {
        snprintf(err, errlen, "%s: cannot read the file", path);
        rc = -EIO;
    }
    fclose(f);
    return rc;
}

static int place_append(struct machine *m, const char *append, char *err, size_t errlen)
{
    size_t n = strlen(append) + 1;
    uint8_t *dst = machine_abs_store(m, PARM_AREA_AA, n);
    if (n > PARM_AREA_MAX || !dst) {
        snprintf(err, errlen, "--append: command line longer than %d bytes", PARM_AREA_MAX - 1);
        return -E2BIG;
    }
    memcpy(dst, append, n);
    return 0;
}

static struct cpu *new_cpu(struct machine *m, unsigned addr)
{
    struct cpu *c = calloc(1, sizeof(*c));
    if (!c)
        return NULL;
    cpu_init(c, machine_facilities());
    if (!m->icache)
        m->icache = icache_new(c->isa);
    if (!m->icache || !icache_attach(m->icache, c)) {
        free(c);
        return NULL;
    }
    c->mops = &machine_mem_ops;
    c->sys = &machine_sys_ops;
    c->mctx = m;
    c->cpu_addr = addr;
    c->shadow = m->shadow;
    c->abs_base = m->storage;
    return c;
}

/* Every CPU after an initial CPU reset, stopped; CPU 0 (the IPL CPU) operating with
 * the start PSW. CPUs that exist already (re-IPL) are reset in place. */
static int start_cpus(struct machine *m, uint64_t mask, uint64_t addr)
{
    for (unsigned i = 0; i < m->ncpus; i++) {
        if (!m->cpu[i] && !(m->cpu[i] = new_cpu(m, i)))
            return -ENOMEM;
        machine_cpu_initial_reset(m->cpu[i]);
    }
    cpu_set_psw(m->cpu[0], mask, addr);
    m->cpu[0]->stopped = false;
    return 0;
}

int machine_load_boot(struct machine *m, char *err, size_t errlen)
{
    const struct machine_boot *b = &m->boot;
    uint64_t entry = b->load_aa;
    int rc = 0;
    if (b->path)
        rc = b->raw ? load_raw(m, b->path, b->load_aa, err, errlen) : load_elf(m, b->path, &entry, err, errlen);
    if (!rc && b->append && *b->append)
        rc = place_append(m, b->append, err, errlen);
    if (rc)
        return rc;
    return b->psw_given ? start_cpus(m, b->psw_mask, b->psw_addr) : start_cpus(m, BOOT_PSW_MASK, entry);
}

int machine_boot(struct machine *m, const struct machine_boot *b, char *err, size_t errlen)
{
    m->boot = *b;
    return machine_load_boot(m, err, errlen);
}

int machine_boot_elf(struct machine *m, const char *path, const char *append, char *err, size_t errlen)
{
    struct machine_boot b = { .path = path, .append = append };
    return machine_boot(m, &b, err, errlen);
}

int machine_start(struct machine *m, uint64_t entry)
{
    m->boot = (struct machine_boot){ .load_aa = entry };
    return start_cpus(m, BOOT_PSW_MASK, entry);
}

static bool psw_enabled_for_something(const struct cpu *c)
{
    return (c->psw.mask & (PSW_MASK_EXT | PSW_MASK_IO | PSW_MASK_MCHECK)) != 0;
}

static bool in_disabled_wait(const struct cpu *c)
{
    return (c->psw.mask & PSW_MASK_WAIT) && !psw_enabled_for_something(c);
}

/* A CPU in a disabled wait ends the run when every other CPU is stopped or in a
 * disabled wait too; otherwise it sleeps until another CPU restarts, resets or stops it.
 * (A CPU in an enabled wait may still wake and do that; if it never does, the run ends
 * in idle_end.) */
static bool disabled_wait(struct machine *m, struct cpu *c, enum machine_end *end)
{
    for (unsigned i = 0; i < m->ncpus; i++)
        if (m->cpu[i] != c && !m->cpu[i]->stopped && !in_disabled_wait(m->cpu[i]))
            return false;
    m->wait_psw[0] = cpu_psw_mask(c);
    m->wait_psw[1] = c->psw.addr;
    *end = MACHINE_DISABLED_WAIT;
    return true;
}

/* Timer conditions and floating interruptions onto this CPU, then one delivery. */
static bool deliver(struct machine *m, struct cpu *c)
{
    vtime_update_pending(c);
    sclp_offer_service(m, c);
    return cpu_deliver_pending(c);
}

/* One turn of one CPU: delivery, then instructions up to the slice or the next timer
 * event. A CPU in an enabled wait skips ahead to its next timer event. Returns true
 * when the machine ends (*end set). */
static bool cpu_turn(struct machine *m, struct cpu *c, uint64_t slice, enum machine_end *end, bool *progress)
{
    /* One delivery per turn and at least one instruction after it: a guest that keeps
     * its timer condition true with interruptions enabled still uses up budget. */
    if (deliver(m, c))
        *progress = true;
    if (c->psw.mask & PSW_MASK_WAIT) {
        if (!psw_enabled_for_something(c))
            return disabled_wait(m, c, end);
        if (!vtime_idle_to_event(c))
            return false;                 /* nothing can wake it yet */
        if (!deliver(m, c))
            return false;
    }
    *progress = true;
    uint64_t until = vtime_insns_until_event(c);
    cpu_run(c, until < slice ? until : slice);
    return false;                         /* a wait it entered is looked at next turn */
}

/* Whether some CPU waits for a service signal: the one console input would raise. */
static bool waits_for_service_signal(const struct machine *m)
{
    for (unsigned i = 0; i < m->ncpus; i++) {
        const struct cpu *c = m->cpu[i];
        if (!c->stopped && (c->psw.mask & PSW_MASK_EXT) && (c->cr[0] & CR0_SERVICE_SIG))
            return true;
    }
    return false;
}

/* No CPU made progress: wait for console input if the program can receive it and a
 * CPU can take its signal, else the run is over. */
static bool idle_end(struct machine *m, enum machine_end *end)
{
    if (waits_for_service_signal(m) && sclp_console_poll(m, true))
        return false;
    for (unsigned i = 0; i < m->ncpus; i++) {
        struct cpu *c = m->cpu[i];
        if (!c->stopped && in_disabled_wait(c)) {
            m->wait_psw[0] = cpu_psw_mask(c);
            m->wait_psw[1] = c->psw.addr;
            *end = MACHINE_DISABLED_WAIT;
            return true;
        }
    }
    *end = MACHINE_IDLE;
    return true;
}

/* One round: a turn for every CPU that is not stopped, and the resets they asked for. */
static bool round_robin(struct machine *m, uint64_t slice, enum machine_end *end, bool *running, bool *progress)
{
    for (unsigned i = 0; i < m->ncpus; i++) {
        struct cpu *c = m->cpu[i];
        if (c->stopped)
            continue;
        *running = true;
        if (cpu_turn(m, c, slice, end, progress))
            return true;
        if (m->reset_request) {
            *progress = true;
            if (machine_do_reset(m)) {
                *end = MACHINE_ERROR;
                return true;
            }
        }
    }
    return false;
}

enum machine_end machine_run(struct machine *m, uint64_t max_insns)
{
    enum machine_end end = MACHINE_STOPPED;
    for (;;) {
        bool running = false, progress = false;
        uint64_t total = 0;
        for (unsigned i = 0; i < m->ncpus; i++)
            total += m->cpu[i]->icount;
        if (max_insns && total >= max_insns)
            return MACHINE_INSN_LIMIT;
        uint64_t slice = max_insns && max_insns - total < SLICE ? max_insns - total : SLICE;
        sclp_console_poll(m, false);
        if (round_robin(m, slice, &end, &running, &progress))
            return end;
        if (!running)
            return MACHINE_STOPPED;
        if (!progress && idle_end(m, &end))
            return end;
    }
}
