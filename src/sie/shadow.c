/* The shadow translation cache (docs/sie.md "Shadows"): translations hashed by (guest
 * ASCE, stage-2 identity, page); a reverse map from each 8-byte table entry they were
 * computed from to the translations using it; a count per 4K host frame of such
 * dependencies, so that stores can tell in one load whether they may drop anything. */
#include <assert.h>
#include <stdlib.h>
#include "shadow.h"

#define DEFAULT_ENTRIES (1u << 18)

/* Entry 0 is never handed out, and link ids are entry * SHADOW_MAX_DEPS + slot, so 0
 * ends every chain and freshly zeroed arrays are empty (calloc'd memory stays untouched,
 * and unbacked, until a translation uses it). */
#define NIL 0u

/* One (translation, dependency) pair, on the reverse-map chain of the dependency's bucket. */
struct rlink {
    uint64_t dep_haa;            /* host absolute address of the 8-byte table entry */
    uint32_t next, prev;         /* link ids on the bucket chain */
};

struct entry {
    struct shadow_key key;
    uint64_t va_page;
    struct shadow_xlate x;
    uint32_t hnext, hprev;       /* translation bucket chain; hnext also links the free list */
    uint8_t ndeps;
    bool live;
    struct rlink dep[SHADOW_MAX_DEPS];
};

struct shadow {
    struct entry *e;             /* e[1..entries] */
    uint32_t entries;
    uint32_t top;                /* e[top..entries] were never used */
    uint32_t free;               /* dropped entries, through hnext */
    uint32_t *xhead, xmask;      /* translation buckets */
    uint32_t *rhead, rmask;      /* reverse-map buckets, by dependency address */
    uint32_t *frame_deps;        /* per 4K frame: links whose dependency lies in it */
    uint64_t storage_size;
    struct shadow_hooks hooks;
    struct shadow_stats stats;
};

/* A bijective 64-bit mixer (multiply by odd constants, fold the high half down). */
static uint64_t mix(uint64_t x)
{
    x ^= x >> 31;
    x *= 0x9e3779b97f4a7c15ULL;
    x ^= x >> 29;
    x *= 0xbf58476d1ce4e5b9ULL;
    return x ^ (x >> 32);
}

static uint32_t xbucket(const struct shadow *sh, const struct shadow_key *k, uint64_t va_page)
{
    return (uint32_t)(mix(k->asce ^ mix(k->s2 ^ mix(va_page))) & sh->xmask);
}

static uint32_t rbucket(const struct shadow *sh, uint64_t dep_haa)
{
    return (uint32_t)(mix(dep_haa >> 3) & sh->rmask);
}

static struct rlink *link_at(struct shadow *sh, uint32_t id)
{
    return &sh->e[id / SHADOW_MAX_DEPS].dep[id % SHADOW_MAX_DEPS];
}

static uint32_t pow2_at_least(uint64_t n)
{
    uint32_t p = 1;
    while (p < n)
        p <<= 1;
    return p;
}

struct shadow *shadow_new_sized(uint64_t storage_size, const struct shadow_hooks *hooks,
                                uint32_t entries)
{
    /* Link ids must fit 32 bits; buckets: one per translation, two per possible dep
     * group (distinct dependencies are far fewer than links: 256 pages share an STE). */
    assert(entries > 0 && entries < (1u << 27));
    struct shadow *sh = calloc(1, sizeof(*sh));
    if (!sh)
        return NULL;
    sh->entries = entries;
    sh->top = 1;
    sh->storage_size = storage_size;
    sh->xmask = pow2_at_least(entries) - 1;
    sh->rmask = pow2_at_least(2ULL * entries) - 1;
    sh->e = calloc(entries + 1ULL, sizeof(*sh->e));
    sh->xhead = calloc(sh->xmask + 1ULL, sizeof(uint32_t));
    sh->rhead = calloc(sh->rmask + 1ULL, sizeof(uint32_t));
    sh->frame_deps = calloc((storage_size + 0xfff) >> 12, sizeof(uint32_t));
    if (hooks)
        sh->hooks = *hooks;
    if (!sh->e || !sh->xhead || !sh->rhead || !sh->frame_deps) {
        shadow_free(sh);
        return NULL;
    }
    return sh;
}

struct shadow *shadow_new(uint64_t storage_size, const struct shadow_hooks *hooks)
{
    return shadow_new_sized(storage_size, hooks, DEFAULT_ENTRIES);
}

void shadow_free(struct shadow *sh)
{
    if (!sh)
        return;
    free(sh->e);
    free(sh->xhead);
    free(sh->rhead);
    free(sh->frame_deps);
    free(sh);
}

static uint32_t find(const struct shadow *sh, const struct shadow_key *k, uint64_t va_page)
{
    for (uint32_t i = sh->xhead[xbucket(sh, k, va_page)]; i != NIL; i = sh->e[i].hnext) {
        const struct entry *e = &sh->e[i];
        if (e->va_page == va_page && e->key.asce == k->asce && e->key.s2 == k->s2)
            return i;
    }
    return NIL;
}

bool shadow_lookup(struct shadow *sh, const struct shadow_key *k, uint64_t va_page,
                   struct shadow_xlate *out)
{
    sh->stats.lookups++;
    uint32_t i = find(sh, k, va_page);
    if (i == NIL)
        return false;
    sh->stats.hits++;
    *out = sh->e[i].x;
    return true;
}

/* Put link id on its dependency's chain; the first dependency in a frame watches it. */
static void link_dep(struct shadow *sh, uint32_t id, uint64_t dep_haa)
{
    struct rlink *l = link_at(sh, id);
    uint32_t *head = &sh->rhead[rbucket(sh, dep_haa)];
    l->dep_haa = dep_haa;
    l->prev = NIL;
    l->next = *head;
    if (*head != NIL)
        link_at(sh, *head)->prev = id;
    *head = id;
    if (sh->frame_deps[dep_haa >> 12]++ == 0 && sh->hooks.watch)
        sh->hooks.watch(sh->hooks.ctx, dep_haa & ~0xfffULL);
}

static void unlink_dep(struct shadow *sh, uint32_t id)
{
    struct rlink *l = link_at(sh, id);
    if (l->prev != NIL)
        link_at(sh, l->prev)->next = l->next;
    else
        sh->rhead[rbucket(sh, l->dep_haa)] = l->next;
    if (l->next != NIL)
        link_at(sh, l->next)->prev = l->prev;
    sh->frame_deps[l->dep_haa >> 12]--;
}

/* Drop translation i: off its bucket, off every dependency chain, onto the free list. */
static void drop(struct shadow *sh, uint32_t i)
{
    struct entry *e = &sh->e[i];
    assert(e->live);
    if (e->hprev != NIL)
        sh->e[e->hprev].hnext = e->hnext;
    else
        sh->xhead[xbucket(sh, &e->key, e->va_page)] = e->hnext;
    if (e->hnext != NIL)
        sh->e[e->hnext].hprev = e->hprev;
    for (unsigned d = 0; d < e->ndeps; d++)
        unlink_dep(sh, i * SHADOW_MAX_DEPS + d);
    e->live = false;
    e->hnext = sh->free;
    sh->free = i;
    sh->stats.drops++;
    if (sh->hooks.dropped)
        sh->hooks.dropped(sh->hooks.ctx, &e->key, e->va_page);
}

static uint32_t alloc_entry(struct shadow *sh)
{
    uint32_t i = sh->free;
    if (i != NIL)
        sh->free = sh->e[i].hnext;
    else if (sh->top <= sh->entries)
        i = sh->top++;
    return i;
}

/* The distinct values of dep[0..n) in first-seen order, into out; false if too many. */
static bool distinct_deps(const uint64_t *dep, unsigned n, uint64_t *out, unsigned *nout)
{
    unsigned m = 0;
    for (unsigned i = 0; i < n; i++) {
        unsigned j = 0;
        while (j < m && out[j] != dep[i])
            j++;
        if (j < m)
            continue;
        if (m == SHADOW_MAX_DEPS)
            return false;
        out[m++] = dep[i];
    }
    *nout = m;
    return true;
}

bool shadow_insert(struct shadow *sh, const struct shadow_key *k, uint64_t va_page,
                   const struct shadow_xlate *x, const uint64_t *dep_haa, unsigned ndeps)
{
    uint64_t dep[SHADOW_MAX_DEPS];
    unsigned n;
    uint32_t old = find(sh, k, va_page);
    if (old != NIL)
        drop(sh, old);
    if (!distinct_deps(dep_haa, ndeps, dep, &n))
        return false;
    uint32_t i = alloc_entry(sh);
    if (i == NIL) {
        shadow_flush(sh);
        i = alloc_entry(sh);
    }
    struct entry *e = &sh->e[i];
    e->key = *k;
    e->va_page = va_page;
    e->x = *x;
    e->live = true;
    e->ndeps = (uint8_t)n;
    uint32_t *head = &sh->xhead[xbucket(sh, k, va_page)];
    e->hprev = NIL;
    e->hnext = *head;
    if (*head != NIL)
        sh->e[*head].hprev = i;
    *head = i;
    for (unsigned d = 0; d < n; d++) {
        /* Deps come from entries the walk managed to read: inside storage, aligned. */
        assert((dep[d] & 7) == 0 && dep[d] < sh->storage_size);
        link_dep(sh, i * SHADOW_MAX_DEPS + d, dep[d]);
    }
    sh->stats.inserts++;
    return true;
}

bool shadow_watched(const struct shadow *sh, uint64_t haa)
{
    return haa < sh->storage_size && sh->frame_deps[haa >> 12] != 0;
}

/* Drop every translation depending on the entry at dep_haa (8-byte aligned). */
static unsigned drop_dep(struct shadow *sh, uint64_t dep_haa)
{
    unsigned n = 0;
    uint32_t id = sh->rhead[rbucket(sh, dep_haa)];
    while (id != NIL) {
        struct rlink *l = link_at(sh, id);
        uint32_t next = l->next;
        if (l->dep_haa != dep_haa) {
            id = next;
            continue;
        }
        /* Dropping removes only this translation's links: the first later link of
         * another translation survives it. */
        uint32_t owner = id / SHADOW_MAX_DEPS;
        while (next != NIL && next / SHADOW_MAX_DEPS == owner)
            next = link_at(sh, next)->next;
        drop(sh, owner);
        n++;
        id = next;
    }
    return n;
}

unsigned shadow_store(struct shadow *sh, uint64_t haa, uint64_t len)
{
    if (len == 0 || haa >= sh->storage_size)
        return 0;
    uint64_t end = len > sh->storage_size - haa ? sh->storage_size : haa + len;
    unsigned n = 0;
    /* Entries [a, a+8) with a 8-aligned overlap [haa, end) iff (haa & ~7) <= a < end. */
    for (uint64_t a = haa & ~7ULL; a < end;) {
        uint64_t frame_end = (a | 0xfff) + 1;
        if (sh->frame_deps[a >> 12] == 0) {
            a = frame_end;
            continue;
        }
        for (; a < end && a < frame_end; a += 8)
            n += drop_dep(sh, a);
    }
    return n;
}

void shadow_flush(struct shadow *sh)
{
    /* Index order: the reports do not depend on where the host put anything. */
    for (uint32_t i = 1; i < sh->top; i++)
        if (sh->e[i].live)
            drop(sh, i);
    sh->top = 1;
    sh->free = NIL;
    sh->stats.flushes++;
}

const struct shadow_stats *shadow_get_stats(const struct shadow *sh)
{
    return &sh->stats;
}
