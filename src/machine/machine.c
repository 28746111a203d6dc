/* Booting and running the machine: ELF boot like qemu-system-s390x -kernel, the run
 * loop over CPUs with interruption delivery and wait states, and SIGP (zarch.md §9.4). */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"
#include "zhyp/dat.h"
#include "zhyp/elf.h"

#define BOOT_PSW_MASK   0x0000000180000000ULL   /* 64-bit, DAT off, masked, key 0 */
#define PARM_AREA_AA    0x10480ULL              /* where the command line goes */
#define PARM_AREA_MAX   0x380
#define SLICE           100000                   /* instructions per CPU turn */

/* SIGP order codes implemented so far; the others answer "invalid order". */
enum { SIGP_SENSE = 0x01, SIGP_EXTERNAL_CALL = 0x02, SIGP_EMERGENCY = 0x03, SIGP_STOP = 0x05,
       SIGP_SET_ARCH = 0x12 };
#define SIGP_STATUS_INVALID_ORDER 0x00000002u
#define SIGP_STATUS_STOPPED       0x00000040u
#define SIGP_STATUS_EXT_CALL      0x00000080u

/* CC 1 with the status when there is one, else CC 0. */
static void sigp_status(struct cpu *c, uint32_t st, uint32_t *status)
{
    c->cc = st ? 1 : 0;
    *status = st;
}

static int machine_sigp(struct cpu *c, unsigned order, unsigned target, uint64_t param, uint32_t *status)
{
    struct machine *m = c->mctx;
    (void)param;
    if (target >= m->ncpus || !m->cpu[target]) {
        c->cc = 3;                        /* not operational */
        return 0;
    }
    struct cpu *t = m->cpu[target];
    switch (order) {
    case SIGP_SENSE:
        sigp_status(c, (t->stopped ? SIGP_STATUS_STOPPED : 0) |
                       ((t->ext_pending & EXT_EXT_CALL) ? SIGP_STATUS_EXT_CALL : 0), status);
        return 0;
    case SIGP_EXTERNAL_CALL:              /* one may be pending; a second is refused */
        if (t->ext_pending & EXT_EXT_CALL) {
            sigp_status(c, SIGP_STATUS_EXT_CALL, status);
            return 0;
        }
        t->ext_pending |= EXT_EXT_CALL;
        t->ext_call_src = (uint16_t)c->cpu_addr;
        t->attention = 1;
        c->cc = 0;
        return 0;
    case SIGP_EMERGENCY:                  /* one pending per sending CPU */
        t->ext_pending |= EXT_EMERGENCY;
        t->emerg_srcs |= 1ULL << c->cpu_addr;
        t->attention = 1;
        c->cc = 0;
        return 0;
    case SIGP_STOP:
        t->stopped = true;
        t->attention = 1;
        c->cc = 0;
        return 0;
    case SIGP_SET_ARCH:                   /* already in z/Architecture mode: accepted */
        c->cc = 0;
        return 0;
    default:
        *status = SIGP_STATUS_INVALID_ORDER;
        c->cc = 1;
        return 0;
    }
}

static uint8_t *machine_skey(struct cpu *c, uint64_t ra)
{
    struct machine *m = c->mctx;
    uint64_t aa = dat_real_to_abs(c->prefix, ra);
    return aa < m->storage_size ? &m->keys[aa >> 12] : NULL;
}

static void machine_tlb_flush_all(struct cpu *c)
{
    struct machine *m = c->mctx;
    for (unsigned i = 0; i < m->ncpus; i++)
        if (m->cpu[i])
            cpu_tlb_flush(m->cpu[i]);
}

static const struct sys_ops machine_sys_ops = {
    .servc = sclp_servc, .sigp = machine_sigp, .tod = vtime_tod, .set_tod = vtime_set_tod,
    .cpu_timer = vtime_cpu_timer, .set_cpu_timer = vtime_set_cpu_timer, .skey = machine_skey,
    .tlb_flush_all = machine_tlb_flush_all, .lra = machine_lra, .ipte = machine_ipte,
    .idte = machine_idte, .real_access = machine_real_access, .tprot = machine_tprot,
    .vskey = machine_vskey, .pfmf = machine_pfmf, .cpu_count = machine_cpu_count,
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

int machine_boot_elf(struct machine *m, const char *path, const char *append, char *err, size_t errlen)
{
    struct elf_image e;
    int rc = elf_open(path, &e, err, errlen);
    if (rc)
        return rc;
    rc = load_segments(m, &e, path, err, errlen);
    uint64_t entry = e.entry;
    elf_close(&e);
    if (rc)
        return rc;
    if (append && *append) {
        if (strlen(append) >= PARM_AREA_MAX || PARM_AREA_AA + PARM_AREA_MAX > m->storage_size) {
            snprintf(err, errlen, "--append: command line longer than %d bytes", PARM_AREA_MAX - 1);
            return -E2BIG;
        }
        memcpy(machine_abs_store(m, PARM_AREA_AA, strlen(append) + 1), append, strlen(append) + 1);
    }
    return machine_start(m, entry);
}

int machine_start(struct machine *m, uint64_t entry)
{
    for (unsigned i = 0; i < m->ncpus; i++) {
        struct cpu *c = calloc(1, sizeof(*c));
        if (!c)
            return -ENOMEM;
        cpu_init(c, machine_facilities());
        if (!m->icache)
            m->icache = icache_new(c->isa);
        if (!m->icache || !icache_attach(m->icache, c)) {
            free(c);
            return -ENOMEM;
        }
        c->mops = &machine_mem_ops;
        c->sys = &machine_sys_ops;
        c->mctx = m;
        c->cpu_addr = i;
        c->cr[0] = 0xe0;                  /* initial CPU reset value of CR0 */
        c->cr[14] = 0xc2000000;           /* and of CR14 */
        c->stopped = i != 0;              /* only the IPL CPU runs */
        cpu_set_psw(c, BOOT_PSW_MASK, entry);
        m->cpu[i] = c;
    }
    return 0;
}

static bool psw_enabled_for_something(const struct cpu *c)
{
    return (c->psw.mask & (PSW_MASK_EXT | PSW_MASK_IO | PSW_MASK_MCHECK)) != 0;
}

static bool end_in_disabled_wait(struct machine *m, struct cpu *c, enum machine_end *end)
{
    m->wait_psw[0] = cpu_psw_mask(c);
    m->wait_psw[1] = c->psw.addr;
    *end = MACHINE_DISABLED_WAIT;
    return true;
}

/* One turn of one CPU: timer conditions, delivery, then instructions up to the slice or
 * the next timer event. A CPU in an enabled wait skips ahead to its next timer event.
 * Returns true when the machine ends (*end set). */
static bool cpu_turn(struct machine *m, struct cpu *c, uint64_t slice, enum machine_end *end, bool *progress)
{
    /* One delivery per turn and at least one instruction after it: a guest that keeps
     * its timer condition true with interruptions enabled still uses up budget. */
    vtime_update_pending(c);
    cpu_deliver_pending(c);
    if (c->psw.mask & PSW_MASK_WAIT) {
        if (!psw_enabled_for_something(c))
            return end_in_disabled_wait(m, c, end);
        if (!vtime_idle_to_event(c))
            return false;                 /* nothing can wake it yet */
        vtime_update_pending(c);
        if (!cpu_deliver_pending(c))
            return false;
    }
    *progress = true;
    uint64_t until = vtime_insns_until_event(c);
    enum cpu_exit why = cpu_run(c, until < slice ? until : slice);
    if (why == CPU_EXIT_WAIT && !psw_enabled_for_something(c))
        return end_in_disabled_wait(m, c, end);
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
        for (unsigned i = 0; i < m->ncpus; i++) {
            struct cpu *c = m->cpu[i];
            if (c->stopped)
                continue;
            running = true;
            if (cpu_turn(m, c, slice, &end, &progress))
                return end;
        }
        if (!running)
            return MACHINE_STOPPED;
        if (!progress)
            return MACHINE_IDLE;          /* timers are not modelled yet: nothing can wake them */
    }
}
