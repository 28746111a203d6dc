/* Dynamic address translation for bare-metal guests: build region, segment and page
 * tables in guest storage (4 KB pages, no large frames), load the ASCE into CR1, CR7
 * and CR13, and switch the PSW's DAT bit. Tables come from a static pool that
 * dat_reset() empties. Formats: spec zarch.md §4.2-4.7. */
#ifndef GUEST_DAT_H
#define GUEST_DAT_H

#include <stdint.h>

/* Designation types (ASCE bits 60-61) and the address range each one covers */
#define ASCE_DT_SEGMENT     0x0UL   /* 2 GB */
#define ASCE_DT_REGION3     0x4UL   /* 4 TB */
#define ASCE_DT_REGION2     0x8UL   /* 8 PB */
#define ASCE_DT_REGION1     0xcUL   /* 16 EB */
#define ASCE_TL_FULL        0x3UL   /* table length: 4 pages, 2048 entries */
#define ASCE_ORIGIN         0xfffffffffffff000UL
#define ASCE_REAL_SPACE     0x20UL

#define REGION_ENTRY_INVALID 0x20UL
#define REGION_ENTRY_TT      0x0cUL
#define SEGMENT_ENTRY_INVALID 0x20UL
#define SEGMENT_ENTRY_PROTECT 0x200UL
#define SEGMENT_ENTRY_ORIGIN 0xfffffffffffff800UL
#define PAGE_ENTRY_INVALID  0x400UL
#define PAGE_ENTRY_PROTECT  0x200UL
#define PAGE_ENTRY_FRAME    0xfffffffffffff000UL

#define DAT_PAGE_SIZE       4096UL
#define DAT_SEGMENT_SIZE    (1UL << 20)

/* A new address space whose top table has this designation type; returns its ASCE,
 * or 0 when the table pool is exhausted. */
uint64_t dat_new_space(uint64_t dt);
/* Map one 4 KB page va -> real address pa with PTE flags (PAGE_ENTRY_PROTECT),
 * creating lower tables as needed. Returns 0, or -1 (va out of range, pool empty). */
int dat_map_page(uint64_t asce, uint64_t va, uint64_t pa, uint64_t flags);
int dat_map_range(uint64_t asce, uint64_t va, uint64_t pa, uint64_t len, uint64_t flags);
/* Identity-map the lowcore, the SDK image with its stacks and BSS, and the table pool,
 * so that code, console and interruption handlers keep working with DAT on. */
int dat_map_image(uint64_t asce);
/* Address of the page-table entry for va, or 0 if no page table covers it. */
uint64_t *dat_pte(uint64_t asce, uint64_t va);
/* Address of the segment-table entry for va, or 0 if no segment table covers it. */
uint64_t *dat_ste(uint64_t asce, uint64_t va);
/* Invalidate va's page through IPTE (which also clears the TLBs). */
void dat_invalidate_page(uint64_t asce, uint64_t va);
/* PTLB: clear this CPU's TLB after editing entries in place. */
static inline void dat_purge_tlb(void)
{
    asm volatile("ptlb" : : : "memory");
}

/* Load the ASCE as primary, secondary and home space (CR1, CR7, CR13), then DAT on. */
void dat_enable(uint64_t asce);
void dat_disable(void);
/* LRAG: real address of va in the current space; returns the condition code. */
int dat_lra(uint64_t va, uint64_t *real);
/* Forget every table: the pool starts again (DAT must be off). */
void dat_reset(void);

#endif
