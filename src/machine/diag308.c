/* DIAGNOSE X'308' (IPL functions; zarch.md §6.6) on the bare machine. Ry holds the
 * subcode; Rx (even) the address of a parameter block for 5 and 6, with the return code
 * going to Rx+1. Supported:
 *   0  reset, modified clear: clear reset of every CPU, then "load normal" on this one
 *   1  reset, load normal: CPU reset of the others, initial CPU reset of this one, load normal
 *   3  load clear: IPL the booted image again: storage and keys cleared, CPUs clear-reset
 *   5  set IPL parameters: rc 0x0402 (invalid: the machine has no IPL device to name)
 *   6  store IPL parameters: rc 0x0102 (none set)
 * Every other subcode is a specification exception. "Load normal" continues with the
 * 8-byte ESA/390-format PSW at absolute 0, the way an IPL starts; the CPU stays in the
 * z/Architecture mode (as with the CZAM facility). The resets run in the machine loop
 * after the DIAG returns, never inside the instruction. */
#include <errno.h>
#include <sys/mman.h>

#include "internal.h"

#define DIAG308_RC_NO_PARMS   0x0102
#define DIAG308_RC_INVALID    0x0402

int machine_diag308(struct cpu *c, unsigned rx, unsigned ry)
{
    struct machine *m = c->mctx;
    uint64_t subcode = c->gr[ry];
    switch (subcode) {
    case 0: case 1: case 3:
        m->reset_request = (unsigned)subcode + 1;
        m->reset_cpu = c;
        c->attention = 1;
        return 0;
    case 5: case 6: {
        uint64_t block_aa = c->gr[rx];
        if ((rx & 1) || (block_aa & PAGE_MASK_LOW))
            return PGM_SPECIFICATION;
        if (block_aa >= m->storage_size)
            return PGM_ADDRESSING;
        c->gr[rx + 1] = subcode == 5 ? DIAG308_RC_INVALID : DIAG308_RC_NO_PARMS;
        return 0;
    }
    default:
        return PGM_SPECIFICATION;
    }
}

/* Start CPU c with the ESA/390-format PSW at absolute 0 (the IPL PSW). Without the
 * format bit (bit 12) or with an invalid PSW the CPU takes an early specification
 * exception, as LPSW does. */
static void load_normal(struct machine *m, struct cpu *c)
{
    uint32_t w0 = ld_be32(m->storage), w1 = ld_be32(m->storage + 4);
    uint64_t mask = ((uint64_t)(w0 & ~0x00080000u) << 32) | (w1 & 0x80000000u);
    uint64_t addr = w1 & 0x7fffffffu;
    c->stopped = false;
    cpu_set_psw(c, mask, addr);
    bool valid = (w0 & 0x00080000u) && !(mask & PSW_MASK_RESERVED) && !(addr & 1) &&
                 ((mask & PSW_MASK_BA) || addr <= 0xffffff);
    if (!valid)
        cpu_interrupt_early(c, PGM_SPECIFICATION);
}

/* Storage and keys back to zero; the host pages are given back. */
static void clear_storage(struct machine *m)
{
    machine_abs_store(m, 0, m->storage_size);
    madvise(m->storage, m->storage_size, MADV_DONTNEED);
    memset(m->keys, 0, m->storage_size >> 12);
}

int machine_do_reset(struct machine *m)
{
    unsigned subcode = m->reset_request - 1;
    struct cpu *self = m->reset_cpu;
    m->reset_request = 0;
    m->reset_cpu = NULL;
    for (unsigned i = 0; i < m->ncpus; i++) {
        struct cpu *t = m->cpu[i];
        if (subcode != 1)
            machine_cpu_clear_reset(t);
        else if (t == self)
            machine_cpu_initial_reset(t);
        else
            machine_cpu_reset(t);
    }
    if (subcode != 3) {
        load_normal(m, self);
        return 0;
    }
    clear_storage(m);
    m->service_pending = false;
    m->service_param = 0;
    m->sclp.cp_receive = 0;
    return machine_load_boot(m, m->err, sizeof(m->err));
}
