/* The user address space behind `zhyp user`: a sparse 64-bit address space of 4K pages,
 * each backed by host memory from anonymous mmap, with R/W/X protection like Linux's. */
#include <errno.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "zhyp/user.h"

#define LEVEL_BITS 13
#define LEVEL_SIZE (1u << LEVEL_BITS)
#define LEVEL_MASK (LEVEL_SIZE - 1)

/* Page number split: 52 bits as 13/13/13/13. */
static unsigned lvl_index(uint64_t va, int level)
{
    return (unsigned)((va >> (12 + LEVEL_BITS * (3 - level))) & LEVEL_MASK);
}

/* Leaf slot of va, allocating interior nodes when 'create'. NULL if absent.
 * Every node is an array of uintptr_t: interior slots hold the next node's address. */
static uintptr_t *leaf_slot(const struct uspace *us, uint64_t va, bool create)
{
    uintptr_t *node = (uintptr_t *)us->root;
    for (int level = 0; level < 3; level++) {
        uintptr_t *slot = &node[lvl_index(va, level)];
        if (!*slot) {
            if (!create)
                return NULL;
            *slot = (uintptr_t)calloc(LEVEL_SIZE, sizeof(uintptr_t));
            if (!*slot)
                return NULL;
        }
        node = (uintptr_t *)*slot;
    }
    return &node[lvl_index(va, 3)];
}

int uspace_init(struct uspace *us)
{
    memset(us, 0, sizeof(*us));
    us->root = calloc(LEVEL_SIZE, sizeof(uintptr_t));
    us->mmap_next_va = 0x3fff0000000ULL;    /* below the stack, as a Linux s390x process has it */
    return us->root ? 0 : -ENOMEM;
}

static void free_node(uintptr_t *node, int level)
{
    if (!node)
        return;
    for (unsigned i = 0; i < LEVEL_SIZE; i++) {
        if (!node[i])
            continue;
        if (level < 3)
            free_node((uintptr_t *)node[i], level + 1);
        else
            munmap((void *)(node[i] & ~PAGE_MASK_LOW), PAGE_SIZE_4K);
    }
    free(node);
}

void uspace_free(struct uspace *us)
{
    free_node((uintptr_t *)us->root, 0);
    us->root = NULL;
}

static void flush_cpu(struct uspace *us)
{
    if (us->cpu)
        cpu_tlb_flush(us->cpu);
}

int uspace_map(struct uspace *us, uint64_t va, uint64_t len, int prot)
{
    uint8_t *host = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (host == MAP_FAILED)
        return -ENOMEM;
    for (uint64_t off = 0; off < len; off += PAGE_SIZE_4K) {
        uintptr_t *slot = leaf_slot(us, va + off, true);
        if (!slot)
            return -ENOMEM;
        if (*slot)
            munmap((void *)(*slot & ~PAGE_MASK_LOW), PAGE_SIZE_4K);
        *slot = (uintptr_t)(host + off) | (unsigned)prot;
    }
    flush_cpu(us);
    return 0;
}

void uspace_unmap(struct uspace *us, uint64_t va, uint64_t len)
{
    for (uint64_t off = 0; off < len; off += PAGE_SIZE_4K) {
        uintptr_t *slot = leaf_slot(us, va + off, false);
        if (slot && *slot) {
            if (us->cpu)                /* the host may reuse the page's address */
                icache_host_write(us->cpu->icache, (void *)(*slot & ~PAGE_MASK_LOW), PAGE_SIZE_4K);
            munmap((void *)(*slot & ~PAGE_MASK_LOW), PAGE_SIZE_4K);
            *slot = 0;
        }
    }
    flush_cpu(us);
}

int uspace_protect(struct uspace *us, uint64_t va, uint64_t len, int prot)
{
    if (!uspace_is_mapped(us, va, len))
        return -ENOMEM;
    for (uint64_t off = 0; off < len; off += PAGE_SIZE_4K) {
        uintptr_t *slot = leaf_slot(us, va + off, false);
        *slot = (*slot & ~PAGE_MASK_LOW) | (unsigned)prot;
    }
    flush_cpu(us);
    return 0;
}

bool uspace_is_mapped(const struct uspace *us, uint64_t va, uint64_t len)
{
    for (uint64_t off = 0; off < len; off += PAGE_SIZE_4K) {
        uintptr_t *slot = leaf_slot(us, va + off, false);
        if (!slot || !*slot)
            return false;
    }
    return true;
}

bool uspace_is_free(const struct uspace *us, uint64_t va, uint64_t len)
{
    for (uint64_t off = 0; off < len; off += PAGE_SIZE_4K) {
        uintptr_t *slot = leaf_slot(us, va + off, false);
        if (slot && *slot)
            return false;
    }
    return true;
}

uint64_t uspace_find_free(struct uspace *us, uint64_t len)
{
    uint64_t va = (us->mmap_next_va - len) & ~PAGE_MASK_LOW;
    while (va > us->brk_va + (1ULL << 30)) {   /* leave the heap a gigabyte to grow */
        if (uspace_is_free(us, va, len)) {
            us->mmap_next_va = va;
            return va;
        }
        va -= PAGE_SIZE_4K;
    }
    return 0;
}

/* Host address of the byte at va regardless of protection, or NULL. */
static uint8_t *byte_host(const struct uspace *us, uint64_t va)
{
    uintptr_t *slot = leaf_slot(us, va, false);
    if (!slot || !*slot)
        return NULL;
    return (uint8_t *)(*slot & ~PAGE_MASK_LOW) + (va & PAGE_MASK_LOW);
}

/* Copy between a host buffer and user memory page by page, in either direction. */
static int copy_user(const struct uspace *us, uint64_t va, uint8_t *buf, uint64_t len, bool to_user)
{
    while (len) {
        uint64_t chunk = PAGE_SIZE_4K - (va & PAGE_MASK_LOW);
        if (chunk > len)
            chunk = len;
        uint8_t *h = byte_host(us, va);
        if (!h)
            return -EFAULT;
        if (to_user) {
            if (us->cpu)
                icache_host_write(us->cpu->icache, h, chunk);
            memcpy(h, buf, chunk);
        }
        else
            memcpy(buf, h, chunk);
        buf += chunk;
        va += chunk;
        len -= chunk;
    }
    return 0;
}

int uspace_read(const struct uspace *us, uint64_t va, void *buf, uint64_t len)
{
    return copy_user(us, va, buf, len, false);
}

int uspace_write(struct uspace *us, uint64_t va, const void *buf, uint64_t len)
{
    return copy_user(us, va, (uint8_t *)buf, len, true);
}

long uspace_read_str(const struct uspace *us, uint64_t va, char *buf, size_t max)
{
    for (size_t i = 0; i < max; i++) {
        uint8_t *h = byte_host(us, va + i);
        if (!h)
            return -EFAULT;
        buf[i] = (char)*h;
        if (!*h)
            return (long)i;
    }
    return -ENAMETOOLONG;
}

/* The CPU's slow-path translation: protection as Linux user space sees it.
 * A missing page or a forbidden access is a page-translation / protection exception. */
static int uspace_translate(struct cpu *c, uint64_t va, enum acc acc, uint8_t **page_hva, bool *writable)
{
    const struct uspace *us = c->mctx;
    uintptr_t *slot = leaf_slot(us, va, false);
    uintptr_t e = slot ? *slot : 0;
    int need = acc == ACC_STORE ? UPROT_W : acc == ACC_IFETCH ? UPROT_X : UPROT_R;
    c->fault.teid = (va & ~PAGE_MASK_LOW) | (acc == ACC_STORE ? 0x400 : 0x800);
    c->fault.access_id = 0;
    if (!e)
        return PGM_PAGE_TRANS;
    if (!(e & (unsigned)need))
        return PGM_PROTECTION;
    *page_hva = (uint8_t *)(e & ~PAGE_MASK_LOW);
    *writable = (e & UPROT_W) != 0;
    return 0;
}

const struct mem_ops uspace_mem_ops = { uspace_translate, NULL };
