/* DAT table builder of the bare-metal guest SDK. Region and segment tables are 16 KB
 * (2048 entries, full length, offset 0), page tables 2 KB; all come from a static pool.
 * Entries are built with masks over big-endian doublewords (spec zarch.md §4). */
#include "dat.h"

#include "arch.h"
#include "lib.h"

#define TABLE_SIZE      (4 * DAT_PAGE_SIZE)    /* region or segment table */
#define PT_SIZE         2048UL                 /* page table: 256 entries */
#define POOL_SIZE       (256 * 1024UL)

static uint8_t pool[POOL_SIZE] __attribute__((aligned(4096)));
static uint64_t pool_used;

extern char _end[];

static void *pool_alloc(uint64_t size, uint64_t align)
{
    uint64_t off = (pool_used + align - 1) & ~(align - 1);
    if (off + size > POOL_SIZE)
        return 0;
    pool_used = off + size;
    return pool + off;
}

void dat_reset(void)
{
    pool_used = 0;
}

/* A table whose entries are all invalid: region entries keep their table type. */
static uint64_t *new_table(uint64_t size, uint64_t invalid_entry)
{
    uint64_t *t = pool_alloc(size, size == PT_SIZE ? PT_SIZE : DAT_PAGE_SIZE);
    if (t)
        for (uint64_t i = 0; i < size / 8; i++)
            t[i] = invalid_entry;
    return t;
}

/* Levels from the top: 3 region-first, 2 region-second, 1 region-third, 0 segment. */
static int level_of(uint64_t dt)
{
    return (int)(dt >> 2);
}

static unsigned shift_of(int level)
{
    static const unsigned shifts[] = { 20, 31, 42, 53 };
    return shifts[level];
}

/* Invalid entry of a table at this level; region entries carry TT = level << 2. */
static uint64_t invalid_entry(int level)
{
    return level ? REGION_ENTRY_INVALID | (uint64_t)level << 2 : SEGMENT_ENTRY_INVALID;
}

uint64_t dat_new_space(uint64_t dt)
{
    uint64_t *top = new_table(TABLE_SIZE, invalid_entry(level_of(dt)));
    if (!top)
        return 0;
    return (uint64_t)top | dt | ASCE_TL_FULL;
}

/* The segment table for va: walk the region levels, creating missing tables when
 * create is set. Returns 0 if va is beyond the space or an allocation failed. */
static uint64_t *segment_table(uint64_t asce, uint64_t va, int create)
{
    int level = level_of(asce & REGION_ENTRY_TT);
    if (level < 3 && va >> (shift_of(level) + 11))
        return 0;
    uint64_t *table = (uint64_t *)(asce & ASCE_ORIGIN);
    for (; level > 0; level--) {
        uint64_t *e = &table[(va >> shift_of(level)) & 0x7ff];
        if (*e & REGION_ENTRY_INVALID) {
            if (!create)
                return 0;
            uint64_t *next = new_table(TABLE_SIZE, invalid_entry(level - 1));
            if (!next)
                return 0;
            *e = (uint64_t)next | (uint64_t)level << 2 | ASCE_TL_FULL;
        }
        table = (uint64_t *)(*e & ASCE_ORIGIN);
    }
    return table;
}

uint64_t *dat_ste(uint64_t asce, uint64_t va)
{
    uint64_t *st = segment_table(asce, va, 0);
    return st ? &st[(va >> 20) & 0x7ff] : 0;
}

static uint64_t *page_table(uint64_t asce, uint64_t va, int create)
{
    uint64_t *st = segment_table(asce, va, create);
    if (!st)
        return 0;
    uint64_t *ste = &st[(va >> 20) & 0x7ff];
    if (*ste & SEGMENT_ENTRY_INVALID) {
        if (!create)
            return 0;
        uint64_t *pt = new_table(PT_SIZE, PAGE_ENTRY_INVALID);
        if (!pt)
            return 0;
        *ste = (uint64_t)pt;
    }
    return (uint64_t *)(*ste & SEGMENT_ENTRY_ORIGIN);
}

uint64_t *dat_pte(uint64_t asce, uint64_t va)
{
    uint64_t *pt = page_table(asce, va, 0);
    return pt ? &pt[(va >> 12) & 0xff] : 0;
}

int dat_map_page(uint64_t asce, uint64_t va, uint64_t pa, uint64_t flags)
{
    uint64_t *pt = page_table(asce, va, 1);
    if (!pt)
        return -1;
    pt[(va >> 12) & 0xff] = (pa & PAGE_ENTRY_FRAME) | flags;
    return 0;
}

int dat_map_range(uint64_t asce, uint64_t va, uint64_t pa, uint64_t len, uint64_t flags)
{
    for (uint64_t off = 0; off < len; off += DAT_PAGE_SIZE)
        if (dat_map_page(asce, va + off, pa + off, flags))
            return -1;
    return 0;
}

/* Everything from real 0 to the end of the image: lowcore, loader area, code, data,
 * BSS (stacks, SCCBs, this pool). Page tables are taken from the pool while mapping,
 * so the range is fixed before the first allocation: the pool is inside it. */
int dat_map_image(uint64_t asce)
{
    uint64_t end = ((uint64_t)_end + DAT_PAGE_SIZE - 1) & ~(DAT_PAGE_SIZE - 1);
    return dat_map_range(asce, 0, 0, end, 0);
}

void dat_invalidate_page(uint64_t asce, uint64_t va)
{
    uint64_t *pt = page_table(asce, va, 0);
    if (!pt)
        return;
    asm volatile("ipte %[pt],%[va]" : : [pt] "a"(pt), [va] "a"(va) : "memory");
}

void dat_enable(uint64_t asce)
{
    ctl_load(1, asce);
    ctl_load(7, asce);
    ctl_load(13, asce);
    stosm(PSW_SM_DAT);
}

void dat_disable(void)
{
    stnsm(0xff & ~PSW_SM_DAT);
}

int dat_lra(uint64_t va, uint64_t *real)
{
    uint64_t r;
    int cc;
    asm volatile("lrag %[r],0(%[va])\n\tipm %[cc]\n\tsrl %[cc],28"
                 : [r] "=d"(r), [cc] "=d"(cc) : [va] "a"(va) : "cc");
    *real = r;
    return cc;
}
