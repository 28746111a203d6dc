/* Main storage, storage keys, and the system-mode address translation of a CPU:
 * DAT (through the walker), prefixing, low-address protection and key-controlled
 * protection (PoP ch.3; zarch.md §2, §4.7-4.8). */
#include <errno.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "internal.h"
#include "zhyp/dat.h"
#include "zhyp/sie.h"
#include "../sie/shadow.h"

int machine_init(struct machine *m, uint64_t mem, unsigned ncpus)
{
    memset(m, 0, sizeof(*m));
    if (!mem || (mem & 0xfffff) || !ncpus || ncpus > MACHINE_MAX_CPUS)
        return -EINVAL;
    m->storage = mmap(NULL, mem, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (m->storage == MAP_FAILED) {
        m->storage = NULL;
        return -ENOMEM;
    }
    m->storage_size = mem;
    m->keys = calloc(mem >> 12, 1);
    m->ncpus = ncpus;
    m->sclp.console = stdout;
    m->sclp.console_in = -1;
    return m->keys ? 0 : -ENOMEM;
}

void machine_free(struct machine *m)
{
    icache_free(m->icache);                /* first: it forgets the CPUs' decoded pages */
    sie_machine_free(m);
    for (unsigned i = 0; i < m->ncpus; i++)
        free(m->cpu[i]);
    if (m->storage)
        munmap(m->storage, m->storage_size);
    free(m->keys);
    memset(m, 0, sizeof(*m));
}

uint8_t *machine_abs_store(struct machine *m, uint64_t aa, uint64_t len)
{
    if (aa >= m->storage_size || len > m->storage_size - aa)
        return NULL;
    icache_host_write(m->icache, m->storage + aa, len);
    if (m->shadow)
        shadow_store(m->shadow, aa, len);
    return m->storage + aa;
}

/* An absolute address of the CPU's configuration -> host absolute: the same on the
 * bare machine, through stage 2 for a guest CPU (src/sie/stage2.c). */
int machine_to_host(struct cpu *c, uint64_t aa, enum acc acc, uint64_t *haa)
{
    if (c->sie)
        return sie_stage2(c->sie, aa, acc, haa);
    if (aa >= ((struct machine *)c->mctx)->storage_size)
        return PGM_ADDRESSING;
    *haa = aa;
    return 0;
}

/* DAT table entries are read at absolute addresses (zarch.md §4.7); ctx is the CPU. */
static int read_entry(void *ctx, uint64_t aa, uint64_t *entry)
{
    struct cpu *c = ctx;
    uint64_t haa;
    if (aa & 7)
        return PGM_ADDRESSING;
    int pgm = machine_to_host(c, aa, ACC_FETCH, &haa);
    if (pgm)
        return pgm;
    *entry = ld_be64(((struct machine *)c->mctx)->storage + haa);
    return 0;
}

/* The ASCE for this access: instruction fetch uses home in the home mode, otherwise
 * primary; operands use the PSW's address-space control. Access-register mode is not
 * implemented yet and reports a special-operation exception (docs/architecture.md). */
int machine_select_asce(const struct cpu *c, enum acc acc, uint64_t *asce, unsigned *id)
{
    unsigned asc = (unsigned)((c->psw.mask & PSW_MASK_ASC) >> 46);
    if (acc == ACC_IFETCH && asc != 3)
        asc = 0;
    switch (asc) {
    case 0: *asce = c->cr[1]; break;
    case 2: *asce = c->cr[7]; break;
    case 3: *asce = c->cr[13]; break;
    default: return PGM_SPECIAL_OP;
    }
    *id = asc;
    return 0;
}


/* Logical -> absolute for one access, with DAT protection folded in for stores. */
unsigned machine_dat_opts(const struct cpu *c, enum acc acc)
{
    return (acc == ACC_STORE ? DAT_STORE : 0) | (acc == ACC_IFETCH ? DAT_IFETCH : 0) |
           ((c->cr[0] & CR0_EDAT1) && fac_has(c->fac, FAC_EDAT1) ? DAT_EDAT1 : 0) |
           (fac_has(c->fac, FAC_ESOP_FSI) ? DAT_FSI : 0);
}

int machine_to_absolute(struct cpu *c, uint64_t va, enum acc acc, uint64_t *aa, struct xlate_info *xi)
{
    *xi = (struct xlate_info){ false, false };
    if (!(c->psw.mask & PSW_MASK_DAT)) {
        *aa = dat_real_to_abs(c->prefix, va);
        return 0;
    }
    uint64_t asce;
    unsigned id;
    int pgm = machine_select_asce(c, acc, &asce, &id);
    if (pgm)
        return pgm;
    struct dat_tables t = { read_entry, NULL, c };
    struct dat_result r;
    struct dat_fault f;
    unsigned opts = machine_dat_opts(c, acc);
    pgm = dat_translate_va(&t, asce, va, opts, id, &r, &f);
    if (pgm & PGM_HOST)
        return pgm;                     /* a guest table entry not reachable at host level */
    if (pgm) {
        c->fault.teid = f.teid;
        c->fault.access_id = 0;
        return pgm;
    }
    xi->private_space = (asce & ASCE_PRIVATE) != 0;
    xi->dat_protected = r.protect;
    *aa = r.absolute ? r.addr : dat_real_to_abs(c->prefix, r.addr);
    return 0;
}

/* TEID of a protection exception that is not DAT protection: the page address and,
 * with facility 75, whether the access was a fetch or a store. */
static uint64_t teid_of(const struct cpu *c, uint64_t va, enum acc acc)
{
    uint64_t fsi = !fac_has(c->fac, FAC_ESOP_FSI) ? 0 : acc == ACC_STORE ? TEID_STORE : TEID_FETCH;
    return (va & ~PAGE_MASK_LOW) | fsi;
}

/* Key-controlled protection (zarch.md §4.8) of a frame with storage key skey against
 * access key 'key': whether the access is allowed. No side effects (TPROT uses it). */
static bool key_allows(const struct cpu *c, uint64_t va, uint8_t skey, unsigned key, enum acc acc)
{
    bool match = key == 0 || key == (unsigned)(skey >> 4);
    bool override = (c->cr[0] & CR0_STORE_OVR) && (skey >> 4) == 9;
    if (match || override)
        return true;
    bool fetch_ok = !(skey & SKEY_FETCH) || ((c->cr[0] & CR0_FETCH_OVR) && va < 2048);
    return acc != ACC_STORE && fetch_ok;
}

/* Key-controlled protection with the PSW key; reference and change bits as a side effect. */
static int check_key(struct cpu *c, uint64_t va, uint64_t haa, enum acc acc)
{
    struct machine *m = c->mctx;
    uint8_t *key = &m->keys[haa >> 12];
    unsigned psw_key = (unsigned)((c->psw.mask & PSW_MASK_KEY) >> PSW_SHIFT_KEY);
    if (!key_allows(c, va, *key, psw_key, acc)) {
        c->fault.teid = teid_of(c, va, acc);   /* bit 61 = 0: not DAT protection */
        return PGM_PROTECTION;
    }
    *key |= SKEY_REF | (acc == ACC_STORE ? SKEY_CHG : 0);
    return 0;
}

/* Low-address protection of a store to effective address ea (zarch.md §4.8). */
static bool lap_protects(const struct cpu *c, uint64_t ea, bool private_space)
{
    return (c->cr[0] & CR0_LAP) && !private_space && (ea & ~0x11ffULL) == 0;
}

/* LRA's condition codes (zarch.md §4.9; the spec notes them from Hercules and asks for
 * a decision, docs/architecture.md): 0 translated (R1 = real address, absolute for a
 * large frame), 1 segment-table entry invalid and 2 page-table entry invalid (R1 = the
 * entry's address), 3 any other translation exception: the address of the entry that
 * failed, or bit 32 with the interruption code when no entry was involved. */
int machine_lra(struct cpu *c, uint64_t va, uint64_t *result, unsigned *cc)
{
    uint64_t asce;
    unsigned id;
    int pgm = machine_select_asce(c, ACC_FETCH, &asce, &id);
    if (pgm)
        return pgm;
    struct dat_tables t = { read_entry, NULL, c };
    struct dat_result r;
    struct dat_fault f;
    unsigned opts = (c->cr[0] & CR0_EDAT1) && fac_has(c->fac, FAC_EDAT1) ? DAT_EDAT1 : 0;
    pgm = dat_translate_va(&t, asce, va, opts, id, &r, &f);
    if (pgm == PGM_ADDRESSING || (pgm & PGM_HOST))
        return pgm;
    *cc = !pgm ? 0 : f.invalid_bit && f.level == DAT_SEG ? 1 : f.invalid_bit && f.level == DAT_PAGE ? 2 : 3;
    if (!pgm)
        *result = r.addr;
    else if (f.entry_aa != ~0ULL)
        *result = f.entry_aa;
    else
        *result = 0x80000000ULL | (unsigned)pgm;
    return 0;
}

/* Set 'bit' in the 8-byte table entry at absolute aa (the stores of IPTE and IDTE). */
static int entry_set_bit(struct cpu *c, uint64_t aa, uint64_t bit)
{
    uint64_t haa;
    int pgm = machine_to_host(c, aa, ACC_STORE, &haa);
    if (pgm)
        return pgm;
    uint8_t *e = machine_abs_store(c->mctx, haa, 8);
    st_be64(e, ld_be64(e) | bit);
    return 0;
}

int machine_ipte(struct cpu *c, uint64_t pto_aa, uint64_t va)
{
    return entry_set_bit(c, (pto_aa & ~0x7ffULL) + 8 * ((va >> 12) & 0xff), PTE_INVALID);
}

/* IDTE: every entry is checked before any is changed, so a failure changes nothing. */
int machine_idte(struct cpu *c, uint64_t table_aa, unsigned index, unsigned count)
{
    uint64_t haa;
    for (unsigned i = 0; i < count; i++) {
        int pgm = machine_to_host(c, table_aa + 8ULL * ((index + i) & 0x7ff), ACC_STORE, &haa);
        if (pgm)
            return pgm;
    }
    for (unsigned i = 0; i < count; i++)     /* same bit in segment entries */
        (void)entry_set_bit(c, table_aa + 8ULL * ((index + i) & 0x7ff), RTE_INVALID);
    return 0;
}

/* LURA, LURAG, STURA, STURG: one aligned operand at a real address. */
int machine_real_access(struct cpu *c, uint64_t ra, void *buf, unsigned len, enum acc acc)
{
    struct machine *m = c->mctx;
    uint64_t haa;
    c->fault.teid = teid_of(c, ra, acc);
    c->fault.access_id = 0;
    int pgm = machine_to_host(c, dat_real_to_abs(c->prefix, ra), acc, &haa);
    if (pgm)                             /* aligned, len <= 8: one frame */
        return pgm;
    if (acc == ACC_STORE && lap_protects(c, ra, false))
        return PGM_PROTECTION;
    pgm = check_key(c, ra, haa, acc);
    if (pgm)
        return pgm;
    if (acc == ACC_STORE)
        memcpy(machine_abs_store(m, haa, len), buf, len);
    else
        memcpy(buf, m->storage + haa, len);
    return 0;
}

static bool is_translation_exception(int pgm)
{
    switch (pgm) {
    case PGM_SEGMENT_TRANS: case PGM_PAGE_TRANS: case PGM_ASCE_TYPE:
    case PGM_REGION_FIRST_TRANS: case PGM_REGION_SECOND_TRANS: case PGM_REGION_THIRD_TRANS:
        return true;
    default:
        return false;
    }
}

/* TEST PROTECTION: CC 0 fetch and store allowed, 1 fetch only, 2 neither, 3 no
 * translation. Key-controlled and DAT protection count; low-address protection does
 * not (docs/architecture.md). */
int machine_tprot(struct cpu *c, uint64_t va, unsigned key, unsigned *cc)
{
    struct machine *m = c->mctx;
    struct xlate_info xi;
    uint64_t aa, haa;
    int pgm = machine_to_absolute(c, va, ACC_FETCH, &aa, &xi);
    if (is_translation_exception(pgm)) {
        *cc = 3;
        return 0;
    }
    if (!pgm)
        pgm = machine_to_host(c, aa, ACC_FETCH, &haa);
    if (pgm)
        return pgm;
    uint8_t skey = m->keys[haa >> 12];
    if (!key_allows(c, va, skey, key, ACC_FETCH))
        *cc = 2;
    else
        *cc = xi.dat_protected || !key_allows(c, va, skey, key, ACC_STORE) ? 1 : 0;
    return 0;
}

/* IVSK: the key of the frame behind a logical address (DAT on: checked by the caller). */
int machine_vskey(struct cpu *c, uint64_t va, uint8_t *key)
{
    struct machine *m = c->mctx;
    struct xlate_info xi;
    uint64_t aa, haa;
    int pgm = machine_to_absolute(c, va, ACC_FETCH, &aa, &xi);
    if (!pgm)
        pgm = machine_to_host(c, aa, ACC_FETCH, &haa);
    if (pgm)
        return pgm;
    *key = m->keys[haa >> 12];
    return 0;
}

/* PFMF on 4K frames: a real 4K frame is prefixed, a large frame is absolute. Host CPUs
 * only: a guest's PFMF is intercepted (docs/sie.md). A cleared
 * frame counts as stored into (reference and change bits on) unless the key is set too,
 * in which case the new key carries its own R and C bits. */
int machine_pfmf(struct cpu *c, uint64_t addr, bool real, uint64_t len, unsigned ops, uint8_t key)
{
    struct machine *m = c->mctx;
    uint64_t aa = real ? dat_real_to_abs(c->prefix, addr) : addr;
    c->fault.teid = teid_of(c, addr, ACC_STORE);
    c->fault.access_id = 0;
    if (aa >= m->storage_size || len > m->storage_size - aa)
        return PGM_ADDRESSING;
    if ((ops & PFMF_CLEAR) && lap_protects(c, addr, false))
        return PGM_PROTECTION;
    if (ops & PFMF_CLEAR)
        memset(machine_abs_store(m, aa, len), 0, len);
    for (uint64_t off = 0; off < len; off += PAGE_SIZE_4K) {
        uint8_t *k = &m->keys[(aa + off) >> 12];
        if (ops & PFMF_SET_KEY)
            *k = key & 0xfe;
        else if (ops & PFMF_CLEAR)
            *k |= SKEY_REF | SKEY_CHG;
    }
    return 0;
}

unsigned machine_cpu_count(const struct cpu *c)
{
    return ((const struct machine *)c->mctx)->ncpus;
}

/* The checks after translation: low-address and key-controlled protection of the frame
 * at host absolute haa, reference and change bits; then the host page. */
int machine_access_frame(struct cpu *c, uint64_t va, uint64_t haa, enum acc acc,
                         const struct xlate_info *xi, uint8_t **page_hva, bool *writable)
{
    struct machine *m = c->mctx;
    bool lap = (c->cr[0] & CR0_LAP) && !xi->private_space && (va & ~0x1fffULL) == 0;
    if (acc == ACC_STORE && lap_protects(c, va, xi->private_space)) {
        c->fault.teid = teid_of(c, va, acc);
        return PGM_PROTECTION;
    }
    int pgm = check_key(c, va, haa, acc);
    if (pgm)
        return pgm;
    *page_hva = m->storage + (haa & ~PAGE_MASK_LOW);
    *writable = !lap;
    return 0;
}

int machine_translate(struct cpu *c, uint64_t va, enum acc acc, uint8_t **page_hva, bool *writable)
{
    uint64_t aa, haa;
    struct xlate_info xi;
    c->fault.teid = va & ~PAGE_MASK_LOW;
    c->fault.access_id = 0;
    int pgm = machine_to_absolute(c, va, acc, &aa, &xi);
    if (!pgm)
        pgm = machine_to_host(c, aa, acc, &haa);
    if (pgm)
        return pgm;
    return machine_access_frame(c, va, haa, acc, &xi, page_hva, writable);
}

/* The prefix area: interruptions (and STFL) store into it, so it is handed out as a
 * store through machine_abs_store(). */
static uint8_t *sys_lowcore(struct cpu *c)
{
    return machine_abs_store(c->mctx, c->prefix, 0x2000);
}

const struct mem_ops machine_mem_ops = { machine_translate, sys_lowcore };
