/* The DAT walker (PoP ch.3 "Translation Process"; zarch.md §4.7). One switch on the
 * ASCE's designation type falls through the region, segment and page levels. */
#include "zhyp/dat.h"

/* Translation exception of each level, and the shift of its index in the address. */
static const int level_pgm[] = {
    [DAT_R1] = PGM_REGION_FIRST_TRANS, [DAT_R2] = PGM_REGION_SECOND_TRANS,
    [DAT_R3] = PGM_REGION_THIRD_TRANS, [DAT_SEG] = PGM_SEGMENT_TRANS, [DAT_PAGE] = PGM_PAGE_TRANS,
};
static const unsigned level_shift[] = { [DAT_R1] = 53, [DAT_R2] = 42, [DAT_R3] = 31, [DAT_SEG] = 20, [DAT_PAGE] = 12 };

static unsigned index_of(uint64_t va, enum dat_level l)
{
    return (unsigned)((va >> level_shift[l]) & (l == DAT_PAGE ? 0xff : 0x7ff));
}

/* The two leftmost bits of a region/segment index, compared against TF/TL. */
static unsigned tl_part(uint64_t va, enum dat_level l)
{
    return index_of(va, l) >> 9;
}

static int fail(struct dat_fault *f, int pgm, enum dat_level l, uint64_t entry_aa)
{
    f->level = l;
    f->entry_aa = entry_aa;
    return pgm;
}

/* A translation exception raised by the I bit of the entry at entry_aa. */
static int fail_invalid(struct dat_fault *f, int pgm, enum dat_level l, uint64_t entry_aa)
{
    f->invalid_bit = true;
    return fail(f, pgm, l, entry_aa);
}

/* Read the entry of level l from the table at origin; tells 'visited' when it succeeds. */
static int read_level(const struct dat_tables *t, uint64_t origin, uint64_t va, enum dat_level l,
                      uint64_t *entry, uint64_t *entry_aa)
{
    *entry_aa = origin + 8ULL * index_of(va, l);
    return t->read_entry(t->ctx, *entry_aa, entry);
}

/* A region entry of level l (expected TT 'tt'): invalid, type, and the next table's
 * offset/length checks. Returns 0 with the next origin, or a PGM code. */
static int region_entry(uint64_t rte, unsigned tt, uint64_t va, enum dat_level l, uint64_t asce,
                        unsigned opts, bool *prot, uint64_t *next)
{
    if (rte & RTE_INVALID)
        return level_pgm[l];
    if (((rte & RTE_TT_MASK) >> 2) != tt)
        return PGM_TRANS_SPEC;
    if ((rte & RTE_CR) && (asce & ASCE_PRIVATE) && l == DAT_R3)
        return PGM_TRANS_SPEC;
    unsigned part = tl_part(va, (enum dat_level)(l + 1));
    if (part < ((rte & RTE_TF_MASK) >> 6) || part > (rte & RTE_TL_MASK))
        return level_pgm[l + 1];
    if ((opts & DAT_EDAT1) && (rte & RTE_P))
        *prot = true;
    *next = rte & RTE_ORIGIN;
    return 0;
}

/* Walk from the table the ASCE designates down to the page. */
int dat_translate_va(const struct dat_tables *t, uint64_t asce, uint64_t va, unsigned opts,
                     unsigned asce_id, struct dat_result *r, struct dat_fault *f)
{
    uint64_t origin = asce & ASCE_ORIGIN, entry, entry_aa = ~0ULL;
    bool prot = false;
    enum dat_level l;
    int pgm;
    f->teid = (va & ~0xfffULL) | (asce_id & 3) |
              ((opts & DAT_FSI) ? ((opts & DAT_STORE) ? TEID_STORE : TEID_FETCH) : 0);
    f->entry_aa = ~0ULL;
    f->invalid_bit = false;
    if (asce & ASCE_REAL_SPACE) {
        *r = (struct dat_result){ va, false, false };
        return 0;
    }
    switch (asce & ASCE_DT_MASK) {
    case ASCE_DT_REGION1: l = DAT_R1; break;
    case ASCE_DT_REGION2: l = DAT_R2; break;
    case ASCE_DT_REGION3: l = DAT_R3; break;
    default:              l = DAT_SEG; break;
    }
    /* The designated table must cover the address (ASCE-type), then its length. */
    if (l > DAT_R1 && (va >> (level_shift[l] + 11)) != 0)
        return fail(f, PGM_ASCE_TYPE, l, ~0ULL);
    if (tl_part(va, l) > (asce & ASCE_TL_MASK))
        return fail(f, level_pgm[l], l, ~0ULL);
    for (; l < DAT_SEG; l++) {
        if ((pgm = read_level(t, origin, va, l, &entry, &entry_aa)))
            return fail(f, pgm, l, entry_aa);
        if ((pgm = region_entry(entry, 3 - l, va, l, asce, opts, &prot, &origin))) {
            if (pgm == level_pgm[l] && (entry & RTE_INVALID))
                return fail_invalid(f, pgm, l, entry_aa);
            return fail(f, pgm, pgm == level_pgm[l + 1] ? l + 1 : l, entry_aa);
        }
        if (t->visited)
            t->visited(t->ctx, l, entry_aa);
    }
    /* Segment level. */
    if ((pgm = read_level(t, origin, va, DAT_SEG, &entry, &entry_aa)))
        return fail(f, pgm, DAT_SEG, entry_aa);
    if (entry & STE_INVALID)
        return fail_invalid(f, PGM_SEGMENT_TRANS, DAT_SEG, entry_aa);
    if ((entry & STE_TT_MASK) || ((entry & STE_CS) && (asce & ASCE_PRIVATE)))
        return fail(f, PGM_TRANS_SPEC, DAT_SEG, entry_aa);
    if (t->visited)
        t->visited(t->ctx, DAT_SEG, entry_aa);
    prot |= (entry & STE_P) != 0;
    if ((opts & DAT_EDAT1) && (entry & STE_FC)) {
        *r = (struct dat_result){ (entry & STE_SFAA) | (va & 0xfffffULL), true, prot };
        goto check_prot;
    }
    /* Page level: the page table has 256 entries, no length check. */
    origin = entry & STE_PTO;
    entry_aa = origin + 8ULL * index_of(va, DAT_PAGE);
    if ((pgm = t->read_entry(t->ctx, entry_aa, &entry)))
        return fail(f, pgm, DAT_PAGE, entry_aa);
    if (entry & PTE_INVALID)
        return fail_invalid(f, PGM_PAGE_TRANS, DAT_PAGE, entry_aa);
    if ((entry & PTE_BIT52) || ((entry & PTE_IEP_CO) && !(opts & DAT_EDAT1)))
        return fail(f, PGM_TRANS_SPEC, DAT_PAGE, entry_aa);
    if (t->visited)
        t->visited(t->ctx, DAT_PAGE, entry_aa);
    prot |= (entry & PTE_P) != 0;
    *r = (struct dat_result){ (entry & PTE_PFRA) | (va & 0xfffULL), false, prot };
check_prot:
    if (prot && (opts & DAT_STORE)) {
        f->teid |= TEID_DAT_PROT;
        return fail(f, PGM_PROTECTION, DAT_PAGE, entry_aa);
    }
    return 0;
}
