/* The shadow translation cache (src/sie/shadow.c) against a composed two-stage DAT walk.
 * Random host (stage-2) and guest (stage-1) table sets live in one flat host storage;
 * random lookups fill the cache, random stores into the tables drop from it, and after
 * every store the test checks that exactly the translations with an overlapping
 * dependency went (nothing stale survives, nothing wider is lost) and that every
 * translation still cached equals a fresh composed walk. */
#include <stdlib.h>
#include "unit.h"
#include "zhyp/dat.h"
#include "../../src/sie/shadow.h"

#define HOST_SIZE  (8u << 20)
#define NFRAMES    (HOST_SIZE >> 12)
#define MAX_WALK   64            /* entries one composed walk can read */

/* Check records the place of every passing ck_assert (a write(2) each); the property
 * loops make millions of checks, so only their failures go to Check. */
#define REQUIRE_MSG(c, ...) do { if (!(c)) ck_abort_msg(__VA_ARGS__); } while (0)
#define REQUIRE(c) REQUIRE_MSG(c, "line %d: %s", __LINE__, #c)

/* ---- deterministic PRNG (splitmix64) -------------------------------------------------- */

static uint64_t rng;

static uint64_t rnd(void)
{
    uint64_t z = (rng += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static uint64_t below(uint64_t n) { return rnd() % n; }
static bool chance(unsigned percent) { return below(100) < percent; }

/* ---- host storage and the composed walk (the oracle) ----------------------------------- */

static uint8_t *host;

static uint64_t get(uint64_t haa) { return ld_be64(host + haa); }
static void put(uint64_t haa, uint64_t v) { st_be64(host + haa, v); }

/* One guest address space: guest ASCE over one of the stage-2 (host) ASCEs. */
struct space {
    struct shadow_key key;
    uint64_t guest_asce, host_asce;
    unsigned guest_opts, host_opts;
};

/* One composed walk: which space, and every host entry it read, in order. */
struct walk {
    const struct space *sp;
    uint64_t dep[MAX_WALK];
    unsigned ndep;
};

static void record(struct walk *w, uint64_t haa)
{
    REQUIRE(w->ndep < MAX_WALK);
    w->dep[w->ndep++] = haa;
}

static int host_read(void *ctx, uint64_t haa, uint64_t *e)
{
    if (haa > HOST_SIZE - 8)
        return PGM_ADDRESSING;
    record(ctx, haa);
    *e = get(haa);
    return 0;
}

/* Stage 2: guest absolute -> host absolute under the host's tables (host prefix 0). */
static int stage2(struct walk *w, uint64_t ga, uint64_t *haa, bool *host_prot)
{
    const struct dat_tables t = { host_read, NULL, w };
    struct dat_result r;
    struct dat_fault f;
    int pgm = dat_translate_va(&t, w->sp->host_asce, ga, w->sp->host_opts, 0, &r, &f);
    if (pgm)
        return pgm;
    if (r.addr >= HOST_SIZE)
        return PGM_ADDRESSING;
    *haa = r.addr;
    *host_prot = r.protect;
    return 0;
}

/* Stage 1 reads a guest table entry at guest absolute ga through stage 2. */
static int guest_read(void *ctx, uint64_t ga, uint64_t *e)
{
    uint64_t haa;
    bool hp;
    int pgm = stage2(ctx, ga, &haa, &hp);
    if (pgm)
        return pgm;
    record(ctx, haa);
    *e = get(haa);
    return 0;
}

/* The reference: guest walk, then the resulting frame through stage 2 (guest prefix 0). */
static int composed(const struct space *sp, uint64_t va, struct shadow_xlate *x, struct walk *w)
{
    const struct dat_tables t = { guest_read, NULL, w };
    struct dat_result r;
    struct dat_fault f;
    uint64_t haa;
    bool hp;
    w->sp = sp;
    w->ndep = 0;
    int pgm = dat_translate_va(&t, sp->guest_asce, va, sp->guest_opts, 0, &r, &f);
    if (!pgm)
        pgm = stage2(w, r.addr & ~0xfffULL, &haa, &hp);
    if (!pgm)
        *x = (struct shadow_xlate){ haa & ~0xfffULL, r.protect, hp };
    return pgm;
}

static bool overlaps(uint64_t dep, uint64_t haa, uint64_t len)
{
    return dep < haa + len && haa < dep + 8;
}

/* ---- random table sets ----------------------------------------------------------------
 * Host tables (host absolute): ST_A, a segment table (space A, EDAT-1 large segments
 * when the set uses host EDAT); R3_B -> ST_B, a region-third table set (space B) that
 * maps like A with some pages moved or invalid. Guest absolute storage is 8 segments:
 * each invalid, small (pages on random pool frames 48..1023, aliasing allowed) or large
 * (host MB 4..7). Guest tables sit in distinct guest pages; in space A those never alias
 * (frames 16..47 are theirs). Guest: ST1 (16 segments) and R3T -> {ST1, ST2}. */
#define ST_A     0x1000ULL
#define R3_B     0x2000ULL
#define ST_B     0x3000ULL
#define PT_A     0x4000ULL       /* 8 page tables of 2K */
#define PT_B     0x8000ULL
#define GT_FRAME 16              /* frames for guest tables in small segments */
#define POOL_LO  48
#define POOL_HI  1024
#define GA_SEGS  8
#define GA_PAGES (GA_SEGS * 256)
#define G_SEGS1  16              /* segments guest ST1 maps */
#define G_SEGS2  4               /* segments guest ST2 maps (va 2G..) */
#define G_PTS    (G_SEGS1 + G_SEGS2)
#define G_PAGES  (3 + G_PTS / 2) /* ST1, ST2, R3T, page tables two to a page */

enum { SEG_INVALID, SEG_SMALL, SEG_LARGE };

struct tset {
    unsigned seg_mode[GA_SEGS];
    uint64_t truth[GA_PAGES];    /* host frame of each guest page in space A, or ~0 */
    uint64_t gpage[G_PAGES];     /* guest absolute pages of the guest tables */
    uint64_t table_frame[32];    /* host frames holding tables (for random stores) */
    unsigned ntable;
    struct space sp[4];
};

static struct tset ts;

static void fill(uint64_t table, unsigned n, uint64_t v)
{
    for (unsigned i = 0; i < n; i++)
        put(table + 8 * i, v);
}

/* Which guest pages back which host frames in space A (the truth both views start from). */
static void build_truth(void)
{
    unsigned next_gt = GT_FRAME, next_mb = 4;
    for (unsigned s = 0; s < GA_SEGS; s++) {
        unsigned mode = chance(10) ? SEG_INVALID : chance(35) && next_mb < 8 ? SEG_LARGE : SEG_SMALL;
        ts.seg_mode[s] = mode;
        uint64_t mb = mode == SEG_LARGE ? (uint64_t)next_mb++ << 20 : 0;
        for (unsigned p = 0; p < 256; p++) {
            uint64_t *t = &ts.truth[s * 256 + p];
            if (mode == SEG_LARGE)
                *t = mb + ((uint64_t)p << 12);
            else if (mode == SEG_INVALID || chance(5))
                *t = ~0ULL;
            else
                *t = (POOL_LO + below(POOL_HI - POOL_LO)) << 12;
        }
    }
    for (unsigned i = 0; i < G_PAGES; i++) {
        uint64_t gp;
        bool dup;
        do {                                     /* roots on few pages: keys recur */
            gp = i < 3 ? below(GA_SEGS) * 256 + i : below(GA_PAGES);
            dup = false;
            for (unsigned j = 0; j < i; j++)
                dup |= ts.gpage[j] == gp;
        } while (dup);
        ts.gpage[i] = gp;
        uint64_t *t = &ts.truth[gp];
        if (*t != ~0ULL && ts.seg_mode[gp / 256] == SEG_SMALL)   /* a frame of its own */
            *t = (uint64_t)next_gt++ << 12;
    }
}

static uint64_t host_pte(uint64_t frame, unsigned prot_pct)
{
    if (frame == ~0ULL)
        return PTE_INVALID;
    return frame | (chance(prot_pct) ? PTE_P : 0);
}

/* Space A: a segment table; large segments as FC=1 entries when host EDAT is on. */
static void build_host_a(bool edat)
{
    fill(ST_A, 512, STE_INVALID);
    for (unsigned s = 0; s < GA_SEGS; s++) {
        const uint64_t *t = &ts.truth[s * 256];
        uint64_t pt = PT_A + 2048ULL * s;
        uint64_t prot = chance(8) ? STE_P : 0;
        for (unsigned p = 0; p < 256; p++)
            put(pt + 8 * p, host_pte(t[p], 3));
        if (ts.seg_mode[s] == SEG_INVALID)
            put(ST_A + 8 * s, STE_INVALID | pt);
        else if (ts.seg_mode[s] == SEG_LARGE && edat)
            put(ST_A + 8 * s, t[0] | STE_FC | prot);
        else
            put(ST_A + 8 * s, pt | prot);
    }
}

/* Space B: region-third table -> segment table, pages only, some moved or invalid. */
static void build_host_b(void)
{
    fill(R3_B, 512, RTE_INVALID | 0x4);
    put(R3_B, ST_B | 0x4 | (chance(5) ? RTE_P : 0));
    fill(ST_B, 512, STE_INVALID);
    for (unsigned s = 0; s < GA_SEGS; s++) {
        uint64_t pt = PT_B + 2048ULL * s;
        for (unsigned p = 0; p < 256; p++) {
            uint64_t f = ts.truth[s * 256 + p];
            if (chance(8))
                f = chance(50) ? ~0ULL : (POOL_LO + below(POOL_HI - POOL_LO)) << 12;
            put(pt + 8 * p, host_pte(f, 3));
        }
        put(ST_B + 8 * s, pt | (chance(6) ? STE_INVALID : 0));
    }
}

/* A guest page table: invalid, protected, or a random guest frame (some beyond guest storage). */
static void guest_pt(uint64_t pt_haa)
{
    for (unsigned p = 0; p < 256; p++) {
        uint64_t frame = below(chance(3) ? 2 * GA_PAGES : GA_PAGES) << 12;
        uint64_t v = chance(6) ? PTE_INVALID | frame : frame | (chance(8) ? PTE_P : 0);
        put(pt_haa + 8 * p, v);
    }
}

/* Host absolute of guest absolute ga in space A, or ~0 when unmapped. */
static uint64_t ga_to_ha(uint64_t ga)
{
    uint64_t f = ts.truth[ga >> 12];
    return f == ~0ULL ? ~0ULL : f | (ga & 0xfff);
}

static uint64_t pt_ga(unsigned j)
{
    return (ts.gpage[3 + j / 2] << 12) + 2048ULL * (j % 2);
}

static void guest_st(uint64_t st_ga, unsigned nseg, unsigned first_pt, bool edat)
{
    uint64_t st = ga_to_ha(st_ga);
    if (st == ~0ULL)
        return;                                  /* in an unmapped guest page: walks fault */
    fill(st, 512, STE_INVALID);
    for (unsigned s = 0; s < nseg; s++) {
        unsigned j = first_pt + s;
        if (first_pt && chance(20))
            j = (unsigned)below(G_SEGS1);        /* ST2 shares a page table of ST1 */
        uint64_t v = pt_ga(j);
        if (chance(10))
            v |= STE_INVALID;
        else if (edat && chance(10))
            v = (below(GA_SEGS) << 20) | STE_FC;
        put(st + 8 * s, v | (chance(8) ? STE_P : 0));
    }
}

static void build_guest(bool edat)
{
    for (unsigned j = 0; j < G_PTS; j++)
        if (ga_to_ha(pt_ga(j)) != ~0ULL)
            guest_pt(ga_to_ha(pt_ga(j)));
    guest_st(ts.gpage[0] << 12, G_SEGS1, 0, edat);
    guest_st(ts.gpage[1] << 12, G_SEGS2, G_SEGS1, edat);
    uint64_t r3 = ga_to_ha(ts.gpage[2] << 12);
    if (r3 != ~0ULL) {
        fill(r3, 512, RTE_INVALID | 0x4);
        put(r3, (ts.gpage[0] << 12) | 0x4);
        put(r3 + 8, (ts.gpage[1] << 12) | 0x4 | (chance(10) ? RTE_INVALID : 0));
    }
}

static void build_set(void)
{
    bool host_edat = chance(50), guest_edat = chance(50);
    memset(host, 0, HOST_SIZE);
    build_truth();
    build_host_a(host_edat);
    build_host_b();
    build_guest(guest_edat);
    ts.ntable = 0;
    for (uint64_t f = ST_A; f < PT_B + 0x4000; f += 0x1000)
        ts.table_frame[ts.ntable++] = f;
    for (unsigned i = 0; i < G_PAGES; i++)
        if (ts.truth[ts.gpage[i]] != ~0ULL)
            ts.table_frame[ts.ntable++] = ts.truth[ts.gpage[i]];
    const uint64_t gasce[2] = { ts.gpage[0] << 12, (ts.gpage[2] << 12) | ASCE_DT_REGION3 };
    const uint64_t hasce[2] = { ST_A, R3_B | ASCE_DT_REGION3 };
    for (unsigned i = 0; i < 4; i++) {
        struct space *sp = &ts.sp[i];
        sp->guest_asce = gasce[i / 2];
        sp->host_asce = hasce[i % 2];
        sp->guest_opts = guest_edat ? DAT_EDAT1 : 0;
        sp->host_opts = host_edat && i % 2 == 0 ? DAT_EDAT1 : 0;
        /* Keys recur across sets: anything a rebuild failed to drop would be found. */
        sp->key = (struct shadow_key){ sp->guest_asce,
                                       (1 + i % 2) | sp->host_opts << 4 | sp->guest_opts << 8 };
    }
}

/* ---- the model of what the cache holds ---------------------------------------------- */

#define MAX_MODEL 4096

struct cached {
    unsigned space;
    uint64_t va;
    struct shadow_xlate x;
    uint64_t dep[MAX_WALK];
    unsigned ndep;
    bool dropped, expect_drop;
};

static struct shadow *sh;
static uint32_t pool_size;
static struct cached model[MAX_MODEL];
static unsigned nmodel;
static unsigned watch_calls[NFRAMES];    /* hooks->watch reports since the last insert */
static uint64_t n_dropped_reports, n_lookups, n_hits;

static int space_of(const struct shadow_key *k)
{
    for (unsigned i = 0; i < 4; i++)
        if (ts.sp[i].key.asce == k->asce && ts.sp[i].key.s2 == k->s2)
            return (int)i;
    return -1;
}

static struct cached *model_find(unsigned space, uint64_t va)
{
    for (unsigned i = 0; i < nmodel; i++)
        if (model[i].space == space && model[i].va == va && !model[i].dropped)
            return &model[i];
    return NULL;
}

/* hooks->dropped: it must name a translation the cache holds, once. */
static void on_dropped(void *ctx, const struct shadow_key *k, uint64_t va_page)
{
    (void)ctx;
    int s = space_of(k);
    REQUIRE(s >= 0);
    struct cached *m = model_find((unsigned)s, va_page);
    REQUIRE_MSG(m != NULL, "dropped a translation that was not cached: %#llx",
                (unsigned long long)va_page);
    m->dropped = true;
    n_dropped_reports++;
}

static void on_watch(void *ctx, uint64_t frame_haa)
{
    (void)ctx;
    REQUIRE((frame_haa & 0xfff) == 0);
    REQUIRE(frame_haa < HOST_SIZE);
    watch_calls[frame_haa >> 12]++;
}

static const struct shadow_hooks hooks = { on_dropped, on_watch, NULL };

static void model_compact(void)
{
    unsigned n = 0;
    for (unsigned i = 0; i < nmodel; i++)
        if (!model[i].dropped)
            model[n++] = model[i];
    nmodel = n;
}

/* Dependencies per frame, as the model sees them (each translation's distinct deps). */
static void model_frame_deps(unsigned *count)
{
    memset(count, 0, NFRAMES * sizeof(*count));
    for (unsigned i = 0; i < nmodel; i++)
        for (unsigned d = 0; d < model[i].ndep; d++)
            count[model[i].dep[d] >> 12]++;
}

/* A frame is watched exactly while some cached translation depends on an entry in it. */
static void check_watched(void)
{
    static unsigned count[NFRAMES];
    model_frame_deps(count);
    for (unsigned f = 0; f < NFRAMES; f++)
        REQUIRE_MSG(shadow_watched(sh, (uint64_t)f << 12) == (count[f] != 0),
                    "frame %#x watched %d with %u deps", f << 12,
                    shadow_watched(sh, (uint64_t)f << 12), count[f]);
}

/* ---- operations ------------------------------------------------------------------------ */

static bool xlate_eq(const struct shadow_xlate *a, const struct shadow_xlate *b)
{
    return a->haa == b->haa && a->protect == b->protect && a->host_protect == b->host_protect;
}

/* Cache w's translation, checking which frames the cache reports as newly watched. */
static void insert(unsigned space, uint64_t va, const struct shadow_xlate *x, const struct walk *w)
{
    static unsigned count[NFRAMES];
    struct cached *m = &model[nmodel];
    uint64_t flushes = shadow_get_stats(sh)->flushes;
    bool full = nmodel == pool_size;
    REQUIRE(nmodel < MAX_MODEL);
    *m = (struct cached){ .space = space, .va = va, .x = *x };
    for (unsigned i = 0; i < w->ndep; i++) {      /* distinct deps, as the cache keeps them */
        unsigned j = 0;
        while (j < m->ndep && m->dep[j] != w->dep[i])
            j++;
        if (j == m->ndep)
            m->dep[m->ndep++] = w->dep[i];
    }
    model_frame_deps(count);
    memset(watch_calls, 0, sizeof(watch_calls));
    REQUIRE(shadow_insert(sh, &ts.sp[space].key, va, x, w->dep, w->ndep));
    /* A full pool flushes first: everything before is reported dropped, all frames unwatched. */
    REQUIRE(shadow_get_stats(sh)->flushes == flushes + full);
    for (unsigned i = 0; i < nmodel; i++)
        REQUIRE(model[i].dropped == full);
    if (full)
        memset(count, 0, sizeof(count));
    /* Reported: each frame of the new deps that held no dependency before, once. */
    unsigned newly = 0, reports = 0;
    for (unsigned d = 0; d < m->ndep; d++) {
        unsigned f = (unsigned)(m->dep[d] >> 12);
        bool first = true;
        for (unsigned e = 0; e < d; e++)
            first &= (m->dep[e] >> 12) != f;
        if (!first)
            continue;
        REQUIRE_MSG(watch_calls[f] == (count[f] == 0), "frame %#x: %u watch reports, %u deps before",
                    f << 12, watch_calls[f], count[f]);
        newly += count[f] == 0;
    }
    for (unsigned f = 0; f < NFRAMES; f++)
        reports += watch_calls[f];
    REQUIRE(reports == newly);                   /* and no other frame */
    nmodel++;
    model_compact();
}

static void check_page(unsigned space, uint64_t va)
{
    struct shadow_xlate want, got;
    struct walk w;
    int pgm = composed(&ts.sp[space], va, &want, &w);
    bool hit = shadow_lookup(sh, &ts.sp[space].key, va, &got);
    struct cached *m = model_find(space, va);
    n_lookups++;
    n_hits += hit;
    REQUIRE_MSG(hit == (m != NULL), "space %u va %#llx: hit %d, cached %d", space,
                (unsigned long long)va, hit, m != NULL);
    if (hit) {
        REQUIRE_MSG(pgm == 0, "space %u va %#llx: stale hit, walk gives pgm %#x", space,
                    (unsigned long long)va, pgm);
        REQUIRE(xlate_eq(&got, &want));
        REQUIRE(xlate_eq(&got, &m->x));
        return;
    }
    if (pgm == 0)
        insert(space, va, &want, &w);
}

/* Every cached translation still equals a fresh walk, from the same entries. */
static void recheck_all(void)
{
    for (unsigned i = 0; i < nmodel; i++) {
        struct cached *m = &model[i];
        struct shadow_xlate want, got;
        struct walk w;
        REQUIRE(composed(&ts.sp[m->space], m->va, &want, &w) == 0);
        REQUIRE(shadow_lookup(sh, &ts.sp[m->space].key, m->va, &got));
        n_lookups++;
        n_hits++;
        REQUIRE(xlate_eq(&got, &want));
        REQUIRE(xlate_eq(&got, &m->x));
        for (unsigned d = 0; d < w.ndep; d++) {
            unsigned j = 0;
            while (j < m->ndep && m->dep[j] != w.dep[d])
                j++;
            REQUIRE_MSG(j < m->ndep, "walk read an entry the translation did not record");
        }
    }
}

/* The machine's order: tell the cache, then store. Exactly the translations with a
 * dependency overlapping the bytes stored must go, each reported once. */
static void store(uint64_t haa, const uint8_t *bytes, unsigned len)
{
    unsigned expect = 0;
    for (unsigned i = 0; i < nmodel; i++) {
        struct cached *m = &model[i];
        m->expect_drop = false;
        for (unsigned d = 0; d < m->ndep; d++)
            m->expect_drop |= overlaps(m->dep[d], haa, len);
        expect += m->expect_drop;
    }
    unsigned n = shadow_store(sh, haa, len);
    memcpy(host + haa, bytes, len);
    for (unsigned i = 0; i < nmodel; i++)
        REQUIRE_MSG(model[i].dropped == model[i].expect_drop,
                    "store [%#llx,+%u): va %#llx dropped %d, depends %d",
                    (unsigned long long)haa, len, (unsigned long long)model[i].va,
                    model[i].dropped, model[i].expect_drop);
    REQUIRE(n == expect);
    model_compact();
    recheck_all();
    check_watched();
}

/* A table entry to hit: one a cached translation depends on, or any in a table frame. */
static uint64_t pick_entry(void)
{
    if (nmodel && chance(30)) {
        const struct cached *m = &model[below(nmodel)];
        return m->dep[below(m->ndep)];
    }
    return ts.table_frame[below(ts.ntable)] + 8 * below(512);
}

static uint64_t mutate(uint64_t old)
{
    switch (below(7)) {
    case 0:  return old ^ 0x20;                                   /* region/segment I */
    case 1:  return old ^ 0x400;                                  /* page I, segment FC */
    case 2:  return old ^ 0x200;                                  /* P */
    case 3:  return (old & 0xfff) | below(NFRAMES) << 12;         /* another host frame or origin */
    case 4:  return (old & 0xfff) | below(GA_PAGES) << 12;        /* another guest frame or origin */
    case 5:  return old;                                          /* the same value: still a store */
    default: return rnd();
    }
}

static void store_entry(void)
{
    uint64_t haa = pick_entry();
    if (chance(10))
        haa += 1 + below(7);                     /* unaligned: two entries */
    if (haa > HOST_SIZE - 8)
        haa = HOST_SIZE - 8;
    uint8_t b[8];
    st_be64(b, mutate(ld_be64(host + (haa & ~7ULL))));
    store(haa, b, 8);
}

/* 16..4096 bytes over a table: another table's copy, or this one with entries changed. */
static void store_block(void)
{
    static uint8_t b[4096];
    unsigned len = 16 + (unsigned)below(4096 - 16 + 1);
    uint64_t haa = pick_entry() - 8 * below(8);
    if (chance(20))
        haa += below(8);
    if (haa > HOST_SIZE - len)
        haa = HOST_SIZE - len;
    if (chance(50)) {
        uint64_t src = ts.table_frame[below(ts.ntable)] + 8 * below(512);
        memcpy(b, host + (src > HOST_SIZE - len ? HOST_SIZE - len : src), len);
    } else {
        memcpy(b, host + haa, len);
        for (unsigned o = 0; o + 8 <= len; o += 8)
            if (chance(5))
                st_be64(b + o, mutate(ld_be64(b + o)));
    }
    store(haa, b, len);
}

/* Anywhere in storage, mostly data: usually nothing to drop. */
static void store_anywhere(void)
{
    uint8_t b[64];
    unsigned len = 1 + (unsigned)below(sizeof(b));
    uint64_t haa = below(HOST_SIZE - len);
    for (unsigned i = 0; i < len; i++)
        b[i] = (uint8_t)rnd();
    store(haa, b, len);
}

static uint64_t pick_va(unsigned space)
{
    if (nmodel && chance(40))
        return model[below(nmodel)].va;
    unsigned r = (unsigned)below(100);
    if (r < 80)
        return below(G_SEGS1 * 256) << 12;
    if (r < 94 && space >= 2)
        return (2ULL << 30) | below(G_SEGS2 * 256) << 12;
    return below(1ULL << 21) << 12;              /* up to 8G: lengths, invalid regions */
}

/* ---- the property test ------------------------------------------------------------ */

static void run_set(void)
{
    build_set();
    for (unsigned op = 0; op < 300; op++) {       /* fill the cache first */
        unsigned space = (unsigned)below(4);
        check_page(space, pick_va(space));
    }
    for (unsigned op = 0; op < 250; op++) {
        unsigned r = (unsigned)below(100), space = (unsigned)below(4);
        if (r < 70)
            check_page(space, pick_va(space));
        else if (r < 88)
            store_entry();
        else if (r < 93)
            store_block();
        else
            store_anywhere();
    }
    /* Rebuilding rewrites all storage: everything goes, and nothing stays watched. */
    for (unsigned i = 0; i < nmodel; i++)
        model[i].expect_drop = true;
    REQUIRE(shadow_store(sh, 0, HOST_SIZE) == nmodel);
    for (unsigned i = 0; i < nmodel; i++)
        REQUIRE(model[i].dropped);
    nmodel = 0;
    check_watched();
}

static const uint32_t pools[] = { 1u << 18, 24 };

START_TEST(shadow_equals_the_composed_walk_under_random_stores)
{
    pool_size = pools[_i];
    rng = 0x5eed0000 + _i;
    nmodel = 0;
    n_lookups = n_hits = n_dropped_reports = 0;
    host = calloc(1, HOST_SIZE);
    sh = shadow_new_sized(HOST_SIZE, &hooks, pool_size);
    REQUIRE(host != NULL);
    REQUIRE(sh != NULL);
    for (unsigned set = 0; set < 200; set++)
        run_set();
    const struct shadow_stats *st = shadow_get_stats(sh);
    REQUIRE(st->lookups == n_lookups);
    REQUIRE(st->hits == n_hits);
    REQUIRE(st->drops == n_dropped_reports);
    REQUIRE(st->inserts == st->drops);
    REQUIRE(st->hits > 1000);           /* the run exercised what it claims */
    REQUIRE(st->drops > 1000);
    if (pool_size < 100)
        REQUIRE(st->flushes > 100);
    else
        REQUIRE(st->flushes == 0);
    shadow_free(sh);
    free(host);
}
END_TEST

/* ---- directed cases ------------------------------------------------------------------ */

static const struct shadow_key K1 = { 0x10000, 1 }, K2 = { 0x10000, 2 }, K3 = { 0x20000, 1 };

struct rec {
    unsigned dropped, watched;
    uint64_t dropped_mask;                       /* bit va_page >> 12 of each drop */
    uint64_t last_frame;
};
static struct rec rec;

static void rec_dropped(void *ctx, const struct shadow_key *k, uint64_t va_page)
{
    (void)ctx;
    (void)k;
    rec.dropped++;
    rec.dropped_mask |= 1ULL << (va_page >> 12);
}

static void rec_watch(void *ctx, uint64_t frame_haa)
{
    (void)ctx;
    rec.watched++;
    rec.last_frame = frame_haa;
}

static const struct shadow_hooks rec_hooks = { rec_dropped, rec_watch, NULL };

static struct shadow *small_cache(void)
{
    memset(&rec, 0, sizeof(rec));
    struct shadow *s = shadow_new_sized(1u << 20, &rec_hooks, 1024);
    ck_assert_ptr_nonnull(s);
    return s;
}

static void put_xlate(struct shadow *s, const struct shadow_key *k, uint64_t va,
                      uint64_t haa, const uint64_t *dep, unsigned n)
{
    const struct shadow_xlate x = { haa, false, false };
    ck_assert(shadow_insert(s, k, va, &x, dep, n));
}

START_TEST(insert_then_lookup_hits_and_other_spaces_miss)
{
    struct shadow *s = small_cache();
    const uint64_t dep[] = { 0x2008 };
    struct shadow_xlate x;
    put_xlate(s, &K1, 0x1000, 0x5000, dep, 1);
    ck_assert(shadow_lookup(s, &K1, 0x1000, &x));
    ck_assert_uint_eq(x.haa, 0x5000);
    ck_assert(!shadow_lookup(s, &K2, 0x1000, &x));   /* other stage 2 */
    ck_assert(!shadow_lookup(s, &K3, 0x1000, &x));   /* other guest ASCE */
    ck_assert(!shadow_lookup(s, &K1, 0x2000, &x));   /* other page */
    ck_assert_uint_eq(rec.watched, 1);
    ck_assert_uint_eq(rec.last_frame, 0x2000);
    shadow_free(s);
}
END_TEST

/* Translations A (dep 0x3000), B (0x3008), C (0x3ff8 and 0x5000) against one store each. */
struct store_case {
    uint64_t haa, len;
    unsigned drops;                              /* bit 1 A, 2 B, 3 C (their va pages) */
};

static const struct store_case store_cases[] = {
    { 0x3000, 8, 1 << 1 },
    { 0x3008, 8, 1 << 2 },
    { 0x2ff8, 8, 0 },                            /* just below A */
    { 0x3010, 8, 0 },                            /* just above B */
    { 0x3004, 8, 1 << 1 | 1 << 2 },              /* unaligned: half of A, half of B */
    { 0x3007, 1, 1 << 1 },                       /* A's last byte */
    { 0x2fff, 2, 1 << 1 },                       /* A's first byte */
    { 0x3000, 0, 0 },                            /* nothing stored */
    { 0x3ffc, 8, 1 << 3 },                       /* crosses into the next frame */
    { 0x4fff, 1, 0 },
    { 0x5000, 0x1000, 1 << 3 },
    { 0x3010, 0xfe8, 0 },                        /* ends right at C's entry */
    { 0x3010, 0xfe9, 1 << 3 },                   /* its first byte */
    { 0, 1u << 20, 1 << 1 | 1 << 2 | 1 << 3 },
    { 0xffff8, 0x100, 0 },                       /* runs past the end of storage */
};

START_TEST(store_drops_only_translations_with_an_overlapping_entry)
{
    const struct store_case *c = &store_cases[_i];
    struct shadow *s = small_cache();
    const uint64_t a[] = { 0x3000 }, b[] = { 0x3008 }, cc[] = { 0x3ff8, 0x5000 };
    put_xlate(s, &K1, 0x1000, 0x7000, a, 1);
    put_xlate(s, &K1, 0x2000, 0x7000, b, 1);
    put_xlate(s, &K1, 0x3000, 0x7000, cc, 2);
    unsigned n = shadow_store(s, c->haa, c->len);
    ck_assert_uint_eq(rec.dropped_mask, c->drops);
    ck_assert_uint_eq(n, (unsigned)__builtin_popcount(c->drops));
    ck_assert_uint_eq(rec.dropped, n);
    struct shadow_xlate x;
    for (unsigned v = 1; v <= 3; v++)
        ck_assert(shadow_lookup(s, &K1, (uint64_t)v << 12, &x) == !(c->drops & (1u << v)));
    shadow_free(s);
}
END_TEST

START_TEST(one_segment_entry_drops_all_its_pages_and_one_pte_drops_one)
{
    struct shadow *s = small_cache();
    for (uint64_t p = 0; p < 256; p++) {
        const uint64_t dep[] = { 0x3000, 0x4000 + 8 * p };
        put_xlate(s, &K1, p << 12, 0x8000, dep, 2);
    }
    ck_assert_uint_eq(shadow_store(s, 0x4000 + 8 * 17, 8), 1);
    ck_assert_uint_eq(rec.dropped_mask, 1ULL << 17);
    ck_assert_uint_eq(shadow_store(s, 0x3000, 8), 255);
    ck_assert(!shadow_watched(s, 0x3000));
    ck_assert(!shadow_watched(s, 0x4000));
    shadow_free(s);
}
END_TEST

START_TEST(insert_dedupes_dependencies_and_refuses_too_many)
{
    struct shadow *s = small_cache();
    const uint64_t dup[] = { 0x3000, 0x3000, 0x3008, 0x3000 };
    uint64_t many[SHADOW_MAX_DEPS + 1];
    struct shadow_xlate x = { 0x9000, true, false };
    for (unsigned i = 0; i <= SHADOW_MAX_DEPS; i++)
        many[i] = 0x10000 + 0x1000 * i;
    put_xlate(s, &K1, 0x1000, 0x9000, dup, 4);
    ck_assert_uint_eq(shadow_store(s, 0x3000, 16), 1);
    ck_assert(!shadow_insert(s, &K1, 0x2000, &x, many, SHADOW_MAX_DEPS + 1));
    ck_assert(!shadow_lookup(s, &K1, 0x2000, &x));
    ck_assert(!shadow_watched(s, many[0]));
    ck_assert(shadow_insert(s, &K1, 0x2000, &x, many, SHADOW_MAX_DEPS));
    ck_assert(shadow_lookup(s, &K1, 0x2000, &x));
    ck_assert(x.protect);
    ck_assert(shadow_watched(s, many[SHADOW_MAX_DEPS - 1]));
    ck_assert(!shadow_watched(s, many[SHADOW_MAX_DEPS]));
    shadow_free(s);
}
END_TEST

START_TEST(reinsert_replaces_and_reports_the_old_translation)
{
    struct shadow *s = small_cache();
    const uint64_t d1[] = { 0x3000 }, d2[] = { 0x4000 };
    struct shadow_xlate x;
    put_xlate(s, &K1, 0x1000, 0x8000, d1, 1);
    put_xlate(s, &K1, 0x1000, 0x9000, d2, 1);
    ck_assert_uint_eq(rec.dropped, 1);
    ck_assert(shadow_lookup(s, &K1, 0x1000, &x));
    ck_assert_uint_eq(x.haa, 0x9000);
    ck_assert(!shadow_watched(s, 0x3000));         /* the old dependencies went with it */
    ck_assert_uint_eq(shadow_store(s, 0x3000, 8), 0);
    ck_assert_uint_eq(shadow_store(s, 0x4000, 8), 1);
    shadow_free(s);
}
END_TEST

START_TEST(flush_reports_every_translation_and_unwatches_every_frame)
{
    struct shadow *s = small_cache();
    const uint64_t d[] = { 0x3000, 0x6000 };
    struct shadow_xlate x;
    for (uint64_t p = 1; p <= 5; p++)
        put_xlate(s, p & 1 ? &K1 : &K2, p << 12, 0x8000, d, 2);
    shadow_flush(s);
    ck_assert_uint_eq(rec.dropped, 5);
    ck_assert_uint_eq(rec.dropped_mask, 0x3e);
    ck_assert(!shadow_watched(s, 0x3000));
    ck_assert(!shadow_watched(s, 0x6000));
    ck_assert(!shadow_lookup(s, &K1, 0x1000, &x));
    ck_assert_uint_eq(shadow_get_stats(s)->flushes, 1);
    put_xlate(s, &K1, 0x1000, 0x8000, d, 2);
    ck_assert(shadow_lookup(s, &K1, 0x1000, &x));
    shadow_free(s);
}
END_TEST

START_TEST(frame_is_watched_until_its_last_dependency_goes)
{
    struct shadow *s = small_cache();
    const uint64_t a[] = { 0x3000 }, b[] = { 0x3008 }, c[] = { 0x3010 };
    put_xlate(s, &K1, 0x1000, 0x8000, a, 1);
    put_xlate(s, &K1, 0x2000, 0x8000, b, 1);
    ck_assert_uint_eq(rec.watched, 1);             /* once, when it became watched */
    ck_assert(shadow_watched(s, 0x3fff));
    ck_assert(!shadow_watched(s, 0x4000));
    ck_assert(!shadow_watched(s, 1ULL << 40));     /* beyond storage */
    shadow_store(s, 0x3000, 8);
    ck_assert(shadow_watched(s, 0x3000));
    shadow_store(s, 0x3008, 8);
    ck_assert(!shadow_watched(s, 0x3000));
    put_xlate(s, &K1, 0x1000, 0x8000, c, 1);
    ck_assert_uint_eq(rec.watched, 2);             /* and again after it stopped being */
    shadow_free(s);
}
END_TEST

UNIT_SUITE(shadow_suite)
{
    Suite *s = suite_create("shadow");
    TCase *tc = tcase_create("cache");
    tcase_add_test(tc, insert_then_lookup_hits_and_other_spaces_miss);
    tcase_add_loop_test(tc, store_drops_only_translations_with_an_overlapping_entry, 0,
                        ARRAY_SIZE(store_cases));
    tcase_add_test(tc, one_segment_entry_drops_all_its_pages_and_one_pte_drops_one);
    tcase_add_test(tc, insert_dedupes_dependencies_and_refuses_too_many);
    tcase_add_test(tc, reinsert_replaces_and_reports_the_old_translation);
    tcase_add_test(tc, flush_reports_every_translation_and_unwatches_every_frame);
    tcase_add_test(tc, frame_is_watched_until_its_last_dependency_goes);
    suite_add_tcase(s, tc);
    tc = tcase_create("property");
    tcase_add_loop_test(tc, shadow_equals_the_composed_walk_under_random_stores, 0, ARRAY_SIZE(pools));
    suite_add_tcase(s, tc);
    return s;
}
