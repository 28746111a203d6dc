/* The storage-access slow path: translation through c->mops, TLB refill, and
 * accesses that cross a page or wrap around the addressing mode's end.
 * Stores are all-or-nothing: every page is translated before any byte is written. */
#include "icache.h"
#include "../sie/shadow.h"

/* Translate the page holding va for 'acc' and refill its TLB slot. */
static int tlb_fill(struct cpu *c, uint64_t va, enum acc acc, uint8_t **page)
{
    bool writable = false;
    uint64_t page_va = va & ~PAGE_MASK_LOW;
    int pgm = c->mops->translate(c, va, acc, page, &writable);   /* exact va: LAP needs it */
    if (pgm)
        return pgm;
    unsigned i = tlb_index(page_va);
    if (writable && acc == ACC_STORE && icache_is_code(c->icache, *page))
        writable = false;                   /* stores to code pages take this path (icache.h) */
    if (writable && acc == ACC_STORE && c->shadow && shadow_watched(c->shadow, (uint64_t)(*page - c->abs_base)))
        writable = false;                   /* ... and stores to shadowed DAT tables */
    if (c->tlb.tag_r[i] != page_va || (writable && acc == ACC_STORE)) {
        c->tlb.tag_r[i] = page_va;
        c->tlb.tag_w[i] = (writable && acc == ACC_STORE) ? page_va : TLB_INVALID;
        c->tlb.addend[i] = (uintptr_t)*page - page_va;
    }
    return 0;
}

/* Host address of the byte at va for acc, through the TLB or a refill. A store of
 * 'len' bytes from there (within the page) drops the decoded instructions it overlaps. */
static int byte_hva(struct cpu *c, uint64_t va, enum acc acc, unsigned len, uint8_t **hva)
{
    unsigned i = tlb_index(va);
    uint64_t tag = acc == ACC_STORE ? c->tlb.tag_w[i] : c->tlb.tag_r[i];
    uint8_t *page;
    if (tag == (va & ~PAGE_MASK_LOW)) {
        *hva = (uint8_t *)(uintptr_t)(va + c->tlb.addend[i]);
        return 0;
    }
    int pgm = tlb_fill(c, va, acc, &page);
    if (pgm)
        return pgm;
    *hva = page + (va & PAGE_MASK_LOW);
    if (acc == ACC_STORE) {
        icache_store(c->icache, page, va & PAGE_MASK_LOW, len);
        if (c->shadow)
            shadow_store(c->shadow, (uint64_t)(*hva - c->abs_base), len);
    }
    return 0;
}

/* Up to 3 page pieces of an access of len <= 8192 bytes that may wrap. */
struct piece { uint8_t *hva; unsigned len; };

static int split_access(struct cpu *c, uint64_t va, unsigned len, enum acc acc,
                        struct piece *pc, unsigned *npc)
{
    unsigned n = 0;
    while (len) {
        va &= c->amask;
        unsigned in_page = 4096 - (unsigned)(va & PAGE_MASK_LOW);
        unsigned chunk = len < in_page ? len : in_page;
        if (va + chunk - 1 > c->amask)       /* wraps inside this page: stop at the end */
            chunk = (unsigned)(c->amask - va + 1);
        int pgm = byte_hva(c, va, acc, chunk, &pc[n].hva);
        if (pgm)
            return pgm;
        pc[n++].len = chunk;
        va += chunk;
        len -= chunk;
    }
    *npc = n;
    return 0;
}

int mem_read_slow(struct cpu *c, uint64_t va, void *buf, unsigned len)
{
    struct piece pc[4];
    unsigned n;
    int pgm = split_access(c, va, len, ACC_FETCH, pc, &n);
    if (pgm)
        return pgm;
    uint8_t *out = buf;
    for (unsigned i = 0; i < n; out += pc[i].len, i++)
        memcpy(out, pc[i].hva, pc[i].len);
    return 0;
}

int mem_write_slow(struct cpu *c, uint64_t va, const void *buf, unsigned len)
{
    struct piece pc[4];
    unsigned n;
    int pgm = split_access(c, va, len, ACC_STORE, pc, &n);
    if (pgm)
        return pgm;
    const uint8_t *in = buf;
    for (unsigned i = 0; i < n; in += pc[i].len, i++)
        memcpy(pc[i].hva, in, pc[i].len);
    return 0;
}

int mem_host_ptr(struct cpu *c, uint64_t va, enum acc acc, uint8_t **hva)
{
    va &= c->amask;
    return byte_hva(c, va, acc, 4096 - (unsigned)(va & PAGE_MASK_LOW), hva);
}

int mem_check_range(struct cpu *c, uint64_t va, uint64_t len, enum acc acc)
{
    uint8_t *hva;
    if (!len)
        return 0;
    va &= c->amask;
    uint64_t last = (va + len - 1) & c->amask;
    /* Check the first byte, then each page boundary up to the last byte. */
    for (uint64_t pos = va;; ) {
        int pgm = byte_hva(c, pos, acc, 4096 - (unsigned)(pos & PAGE_MASK_LOW), &hva);
        if (pgm)
            return pgm;
        if (((pos ^ last) & ~PAGE_MASK_LOW) == 0 || len <= 4096 - (pos & PAGE_MASK_LOW))
            return 0;
        uint64_t step = 4096 - (pos & PAGE_MASK_LOW);
        len -= step;
        pos = (pos + step) & c->amask;
    }
}
