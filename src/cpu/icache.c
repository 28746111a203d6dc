/* The decoded-instruction cache (icache.h): pages, lookup, decoding on first execution,
 * and invalidation by stores. */
#include <stdlib.h>

#include "icache.h"

struct icache *icache_new(const struct isa *isa)
{
    struct icache *ic = calloc(1, sizeof(*ic));
    if (!xop_blocks)
        xop_run(NULL, NULL, NULL);
    if (ic)
        ic->isa = isa;
    return ic;
}

static void drop_all(struct icache *ic)
{
    for (unsigned h = 0; h < ICACHE_HASH; h++) {
        for (struct icode_page *p = ic->hash[h], *next; p; p = next) {
            next = p->next;
            free(p);
        }
        ic->hash[h] = NULL;
    }
    ic->npages = 0;
    for (unsigned i = 0; i < ic->ncpus; i++)
        ic->cpus[i]->x_page = NULL;
}

void icache_free(struct icache *ic)
{
    if (!ic)
        return;
    drop_all(ic);
    free(ic);
}

/* A CPU executing through ic; its TLB is kept free of write access to code pages. */
bool icache_attach(struct icache *ic, struct cpu *c)
{
    if (ic->ncpus >= ICACHE_MAX_CPUS || c->isa != ic->isa)
        return false;
    ic->cpus[ic->ncpus++] = c;
    c->icache = ic;
    return true;
}

static unsigned hash_of(uintptr_t host)
{
    return (unsigned)(host >> 12) & (ICACHE_HASH - 1);
}

static struct icode_page *lookup(const struct icache *ic, uintptr_t host)
{
    struct icode_page *p = ic->hash[hash_of(host)];
    while (p && p->host != host)
        p = p->next;
    return p;
}

bool icache_is_code(const struct icache *ic, const uint8_t *page_ha)
{
    const struct icode_page *p = ic ? lookup(ic, (uintptr_t)page_ha) : NULL;
    return p && p->lines;
}

static struct icode_page *page_new(struct icache *ic, uintptr_t host)
{
    if (ic->npages >= ICACHE_MAX_PAGES)
        drop_all(ic);
    struct icode_page *p = malloc(sizeof(*p));
    if (!p)
        return NULL;
    p->host = host;
    p->lines = 0;
    for (unsigned i = 0; i < ICACHE_SLOTS; i++)
        xslot_set(&p->slot[i], xop_decode);
    xslot_set(&p->slot[ICACHE_SLOTS], xop_page_end);
    p->next = ic->hash[hash_of(host)];
    ic->hash[hash_of(host)] = p;
    ic->npages++;
    return p;
}

/* The page at page_ha now holds code: no CPU may keep writing to it through its TLB. */
static void revoke_write(struct icache *ic, uintptr_t page_ha)
{
    for (unsigned i = 0; i < ic->ncpus; i++) {
        struct tlb *t = &ic->cpus[i]->tlb;
        for (unsigned j = 0; j < TLB_ENTRIES; j++)
            if (t->tag_w[j] != TLB_INVALID && t->tag_w[j] + t->addend[j] == page_ha)
                t->tag_w[j] = TLB_INVALID;
    }
}

/* Fetch page of ia: the CPU's cached fetch page, or a translation for fetching. */
static int fetch_page(struct cpu *c, uint64_t page_va, uint8_t **page_ha)
{
    if (page_va == c->fetch_va) {
        *page_ha = (uint8_t *)c->fetch_hva;
        return 0;
    }
    bool writable;
    int pgm = c->mops->translate(c, page_va, ACC_IFETCH, page_ha, &writable);
    if (pgm)
        return pgm;
    c->fetch_va = page_va;
    c->fetch_hva = *page_ha;
    return 0;
}

struct xslot *icache_enter(struct cpu *c, uint64_t ia, int *pgm)
{
    uint8_t *page_ha;
    if (ia & 1) {
        *pgm = PGM_SPECIFICATION;
        return NULL;
    }
    uint64_t page_va = ia & ~PAGE_MASK_LOW;
    *pgm = fetch_page(c, page_va, &page_ha);
    if (*pgm)
        return NULL;
    struct icode_page *p = c->x_page;
    if (!p || p->host != (uintptr_t)page_ha) {
        p = lookup(c->icache, (uintptr_t)page_ha);
        if (!p)
            p = page_new(c->icache, (uintptr_t)page_ha);
        if (!p) {
            *pgm = PGM_ADDRESSING;      /* host out of memory: never reached in practice */
            return NULL;
        }
    }
    c->x_page = p;
    c->x_va = page_va;
    return &p->slot[(ia & PAGE_MASK_LOW) >> 1];
}

/* Mark the lines holding bytes [off, off + len) as decoded. */
static void mark_lines(struct icache *ic, struct icode_page *p, unsigned off, unsigned len)
{
    uint64_t bits = 0;
    for (unsigned l = off / 64; l <= (off + len - 1) / 64 && l < ICACHE_LINES; l++)
        bits |= 1ULL << l;
    if (!p->lines)
        revoke_write(ic, p->host);
    p->lines |= bits;
}

/* Decode the instruction of slot s (on c->x_page) and run it. */
struct xslot *xop_decode(struct cpu *c, struct xslot *s)
{
    struct icode_page *p = c->x_page;
    unsigned off = 2 * (unsigned)(s - p->slot);
    const uint8_t *ha = (const uint8_t *)p->host + off;
    unsigned ilen = ilen_of(ha[0]);
    if (off + ilen > 4096) {            /* crosses into the next page: run.c steps it */
        xop_fill_step(s);
        ilen = 4096 - off;
    } else {
        uint64_t iw = 0;
        for (unsigned k = 0; k < ilen; k++)
            iw |= (uint64_t)ha[k] << (56 - 8 * k);
        s->t.iw = iw;
        const struct dispatch *d = isa_slot(c->icache->isa, iw);
        if (c->coverage && d->id != UINT16_MAX)  /* decoding is followed by executing */
            c->coverage[d->id >> 6] |= 1ULL << (d->id & 63);
        xop_fill(s, d, iw, off);
    }
    mark_lines(c->icache, p, off, ilen);
    return s->fn(c, s);
}

/* Reset the slots of line l, and the two slots before it, whose instructions (up to
 * 6 bytes) may reach into the line. */
static void reset_line(struct icode_page *p, unsigned l)
{
    unsigned first = l * 32 >= 2 ? l * 32 - 2 : 0;
    for (unsigned i = first; i < (l + 1) * 32; i++)
        xslot_set(&p->slot[i], xop_decode);
}

void icache_store(struct icache *ic, const uint8_t *page_ha, unsigned off, unsigned len)
{
    struct icode_page *p = ic ? lookup(ic, (uintptr_t)page_ha) : NULL;
    if (!p || !p->lines || !len)
        return;
    unsigned last = off + len - 1 < 4096 ? off + len - 1 : 4095;
    for (unsigned l = off / 64; l <= last / 64; l++) {
        if (p->lines & (1ULL << l)) {
            reset_line(p, l);
            p->lines &= ~(1ULL << l);
        }
    }
}

void icache_host_write(struct icache *ic, const void *ha, size_t len)
{
    uintptr_t a = (uintptr_t)ha;
    while (ic && len) {
        unsigned off = a & PAGE_MASK_LOW;
        size_t n = 4096 - off < len ? 4096 - off : len;
        icache_store(ic, (const uint8_t *)(a - off), off, (unsigned)n);
        a += n;
        len -= n;
    }
}
