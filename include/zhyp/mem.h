/* Storage access from instructions: an inline TLB hit path and an out-of-line slow
 * path (translation, protection, page-crossing). Every function returns 0 or a PGM
 * code; on a code nothing has been stored and c->fault holds the details. */
#ifndef ZHYP_MEM_H
#define ZHYP_MEM_H

#include "zhyp/cpu.h"

/* Slow path (mem.c): any length, any alignment, page crossings; all-or-nothing for stores. */
MUST_CHECK int mem_read_slow(struct cpu *c, uint64_t va, void *buf, unsigned len);
MUST_CHECK int mem_write_slow(struct cpu *c, uint64_t va, const void *buf, unsigned len);
/* Host pointer to 'len' bytes at va (len <= 4096) for reading or writing, when they do not
 * cross a page; used by SS instructions after mem_check_range(). */
MUST_CHECK int mem_host_ptr(struct cpu *c, uint64_t va, enum acc acc, uint8_t **hva);
/* Check that every byte of [va, va+len) is accessible (wrapping in the addressing mode),
 * without touching it; used to make SS instructions all-or-nothing. */
MUST_CHECK int mem_check_range(struct cpu *c, uint64_t va, uint64_t len, enum acc acc);


/* The hit test: the page of the access's last byte is the entry's page. The entry is
 * chosen by the first byte's page, and an entry only ever holds a page of its own index,
 * so an access crossing into the next page never hits. One compare instead of a tag
 * compare plus an offset check: 2 host instructions fewer per access. */
#define MEM_FAST(c, va, len, tagfield) \
    unsigned i_ = tlb_index(va); \
    if (likely((c)->tlb.tagfield[i_] == (((va) + (len) - 1) & ~PAGE_MASK_LOW)))

#define MEM_HVA(va) ((uint8_t *)(uintptr_t)((va) + c->tlb.addend[i_]))

static inline MUST_CHECK int mem_read8_va(struct cpu *c, uint64_t va, uint8_t *out)
{
    MEM_FAST(c, va, 1, tag_r) { *out = *MEM_HVA(va); return 0; }
    return mem_read_slow(c, va, out, 1);
}

static inline MUST_CHECK int mem_read16_va(struct cpu *c, uint64_t va, uint16_t *out)
{
    uint8_t b[2];
    MEM_FAST(c, va, 2, tag_r) { *out = ld_be16(MEM_HVA(va)); return 0; }
    int pgm = mem_read_slow(c, va, b, 2);
    *out = ld_be16(b);
    return pgm;
}

static inline MUST_CHECK int mem_read32_va(struct cpu *c, uint64_t va, uint32_t *out)
{
    uint8_t b[4];
    MEM_FAST(c, va, 4, tag_r) { *out = ld_be32(MEM_HVA(va)); return 0; }
    int pgm = mem_read_slow(c, va, b, 4);
    *out = ld_be32(b);
    return pgm;
}

static inline MUST_CHECK int mem_read64_va(struct cpu *c, uint64_t va, uint64_t *out)
{
    uint8_t b[8];
    MEM_FAST(c, va, 8, tag_r) { *out = ld_be64(MEM_HVA(va)); return 0; }
    int pgm = mem_read_slow(c, va, b, 8);
    *out = ld_be64(b);
    return pgm;
}

static inline MUST_CHECK int mem_write8_va(struct cpu *c, uint64_t va, uint8_t v)
{
    MEM_FAST(c, va, 1, tag_w) { *MEM_HVA(va) = v; return 0; }
    return mem_write_slow(c, va, &v, 1);
}

static inline MUST_CHECK int mem_write16_va(struct cpu *c, uint64_t va, uint16_t v)
{
    uint8_t b[2];
    MEM_FAST(c, va, 2, tag_w) { st_be16(MEM_HVA(va), v); return 0; }
    st_be16(b, v);
    return mem_write_slow(c, va, b, 2);
}

static inline MUST_CHECK int mem_write32_va(struct cpu *c, uint64_t va, uint32_t v)
{
    uint8_t b[4];
    MEM_FAST(c, va, 4, tag_w) { st_be32(MEM_HVA(va), v); return 0; }
    st_be32(b, v);
    return mem_write_slow(c, va, b, 4);
}

static inline MUST_CHECK int mem_write64_va(struct cpu *c, uint64_t va, uint64_t v)
{
    uint8_t b[8];
    MEM_FAST(c, va, 8, tag_w) { st_be64(MEM_HVA(va), v); return 0; }
    st_be64(b, v);
    return mem_write_slow(c, va, b, 8);
}

/* 16-byte operands (extended BFP, LPQ/STPQ, CDSG): two doublewords, high first. */
static inline MUST_CHECK int mem_read128_va(struct cpu *c, uint64_t va, uint64_t *hi, uint64_t *lo)
{
    uint8_t b[16];
    int pgm = mem_read_slow(c, va, b, 16);
    *hi = ld_be64(b);
    *lo = ld_be64(b + 8);
    return pgm;
}

static inline MUST_CHECK int mem_write128_va(struct cpu *c, uint64_t va, uint64_t hi, uint64_t lo)
{
    uint8_t b[16];
    st_be64(b, hi);
    st_be64(b + 8, lo);
    return mem_write_slow(c, va, b, 16);
}

#endif
