/* Guest real storage: a frame pool over host storage, and a segment table per guest
 * whose page tables and frames are made on first touch (include/zhyp/gmem.h). The
 * tables are real z/Architecture tables in host storage: SIE's stage 2 walks them with
 * the one DAT walker, and every change goes through machine_abs_store so that decoded
 * instructions and shadow translations that depend on an entry hear of it. */
#include <errno.h>
#include <stdlib.h>

#include "zhyp/gmem.h"
#include "zhyp/machine.h"
#include "zhyp/dat.h"

#define SEG_ENTRIES  2048            /* 2G of guest storage, 1M per entry */
#define PT_BYTES     2048            /* 256 entries of 8 bytes */

static bool used(const struct frame_pool *fp, uint64_t f) { return fp->used[f >> 6] >> (f & 63) & 1; }
static void mark(struct frame_pool *fp, uint64_t f, bool on)
{
    if (on)
        fp->used[f >> 6] |= 1ULL << (f & 63);
    else
        fp->used[f >> 6] &= ~(1ULL << (f & 63));
}

int frame_pool_init(struct frame_pool *fp, struct machine *m, uint64_t first_ha)
{
    *fp = (struct frame_pool){ .m = m, .first = first_ha >> 12, .frames = m->storage_size >> 12 };
    fp->next = fp->first;
    fp->used = calloc((fp->frames + 63) / 64, sizeof(uint64_t));
    return fp->used && fp->first < fp->frames ? 0 : -ENOMEM;
}

void frame_pool_free(struct frame_pool *fp)
{
    free(fp->used);
    fp->used = NULL;
}

/* Zero n frames at ha through the machine's store path. */
static uint64_t hand_out(struct frame_pool *fp, uint64_t f, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        mark(fp, f + i, true);
    fp->in_use += n;
    memset(machine_abs_store(fp->m, f << 12, (uint64_t)n << 12), 0, (size_t)n << 12);
    return f << 12;
}

uint64_t frame_alloc_n(struct frame_pool *fp, unsigned n)
{
    uint64_t span = fp->frames - fp->first;
    for (uint64_t k = 0; k < span; k += n) {
        uint64_t f = fp->first + ((fp->next - fp->first + k) % span);
        f = (f + n - 1) & ~(uint64_t)(n - 1);         /* aligned to n frames */
        if (f + n > fp->frames)
            continue;
        unsigned i = 0;
        while (i < n && !used(fp, f + i))
            i++;
        if (i == n) {
            fp->next = f + n < fp->frames ? f + n : fp->first;
            return hand_out(fp, f, n);
        }
    }
    return 0;
}

uint64_t frame_alloc(struct frame_pool *fp)
{
    return frame_alloc_n(fp, 1);
}

void frame_release(struct frame_pool *fp, uint64_t ha)
{
    uint64_t f = ha >> 12;
    if (f >= fp->first && f < fp->frames && used(fp, f)) {
        mark(fp, f, false);
        fp->in_use--;
    }
}

static uint64_t ld_entry(const struct gmem *g, uint64_t ha) { return ld_be64(g->fp->m->storage + ha); }
static void st_entry(struct gmem *g, uint64_t ha, uint64_t v) { st_be64(machine_abs_store(g->fp->m, ha, 8), v); }

int gmem_init(struct gmem *g, struct frame_pool *fp, uint64_t size)
{
    *g = (struct gmem){ .fp = fp, .size = size };
    if (!size || (size & 0xfffff) || size > (uint64_t)SEG_ENTRIES << 20)
        return -EINVAL;
    g->pgste = calloc(size >> 12, 1);
    g->sto_ha = frame_alloc_n(fp, 4);
    if (!g->pgste || !g->sto_ha) {
        gmem_free(g);
        return -ENOMEM;
    }
    for (unsigned i = 0; i < SEG_ENTRIES; i++)
        st_entry(g, g->sto_ha + 8 * i, STE_INVALID);
    return 0;
}

uint64_t gmem_asce(const struct gmem *g)
{
    return g->sto_ha | ASCE_DT_SEGMENT | 3;
}

/* The page table of ga's segment, made on first use (two per 4K frame would halve the
 * table frames; one per frame keeps freeing simple). 0 when no frame is left. */
static uint64_t page_table(struct gmem *g, uint64_t ga)
{
    uint64_t ste_ha = g->sto_ha + 8 * (ga >> 20);
    uint64_t ste = ld_entry(g, ste_ha);
    if (!(ste & STE_INVALID))
        return ste & STE_PTO;
    uint64_t pt = frame_alloc(g->fp);
    if (!pt)
        return 0;
    for (unsigned i = 0; i < PT_BYTES / 8; i++)
        st_entry(g, pt + 8 * i, PTE_INVALID);
    st_entry(g, ste_ha, pt);
    return pt;
}

int gmem_fault(struct gmem *g, uint64_t ga)
{
    if (ga >= g->size)
        return -EFAULT;
    if (g->pgste[ga >> 12] & PGSTE_RESIDENT)
        return 0;
    uint64_t pt = page_table(g, ga), frame = pt ? frame_alloc(g->fp) : 0;
    if (!frame)
        return -ENOMEM;
    st_entry(g, pt + 8 * ((ga >> 12) & 0xff), frame);
    g->pgste[ga >> 12] |= PGSTE_RESIDENT;
    g->resident++;
    return 0;
}

uint64_t gmem_host_addr(const struct gmem *g, uint64_t ga)
{
    if (ga >= g->size || !(g->pgste[ga >> 12] & PGSTE_RESIDENT))
        return 0;
    uint64_t pt = ld_entry(g, g->sto_ha + 8 * (ga >> 20)) & STE_PTO;
    return (ld_entry(g, pt + 8 * ((ga >> 12) & 0xff)) & PTE_PFRA) | (ga & 0xfff);
}

void gmem_free(struct gmem *g)
{
    if (g->sto_ha) {
        for (unsigned s = 0; s < SEG_ENTRIES; s++) {
            uint64_t ste = ld_entry(g, g->sto_ha + 8 * s);
            if (ste & STE_INVALID)
                continue;
            for (unsigned p = 0; p < 256; p++) {
                uint64_t pte = ld_entry(g, (ste & STE_PTO) + 8 * p);
                if (!(pte & PTE_INVALID))
                    frame_release(g->fp, pte & PTE_PFRA);
            }
            frame_release(g->fp, ste & STE_PTO);
        }
        for (unsigned i = 0; i < 4; i++)
            frame_release(g->fp, g->sto_ha + 4096ULL * i);
    }
    free(g->pgste);
    *g = (struct gmem){ 0 };
}
